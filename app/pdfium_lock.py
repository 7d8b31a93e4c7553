"""The one lock around pdfium (pypdfium2), held by every call into it.

pdfium keeps global state and is not thread-safe (pypdfium2's documentation says so): two threads
calling it at once can crash the process, not merely raise. In the app several callers can meet — the
reader renders pages on a GUI worker thread (the read pool), the counter prints the pages of an
original PDF, an import extracts text, the notice preview renders pages — so each holds this lock
around its pdfium calls, and never holds it while doing anything else slow (printing, a query).

It is re-entrant so that a helper holding it can call another helper that takes it too. Every module
that imports ``pypdfium2`` takes this lock (tests/app/test_pdfium_lock.py checks both).
"""

from __future__ import annotations

import threading

PDFIUM_LOCK = threading.RLock()
