"""Work around a reference-count leak in PySide6 6.12 on CPython 3.11 that crashes long runs.

Measured here (see bench/kiosk_soak.py): every call of a void C++ method through PySide6 6.12.0
(``QLabel.setText``, ``QTimer.start`` ...) drops one reference to ``None``, and ``Signal.emit``
drops one to ``True``, without ever taking them. CPython 3.11 aborts with "none_dealloc: deallocating
None" once the count reaches zero: after a few thousand calls, i.e. within minutes of a carousel
and a ticking clock. CPython 3.12+ made these singletons immortal (PEP 683), where the leak is
harmless; this does the same for 3.11 by raising their counts far out of reach (2**40 calls would
take centuries at the kiosk's pace). Remove once PySide6 is fixed or Python 3.11 is dropped.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40


def make_singletons_immortal() -> bool:
    """Raise the reference counts of None, True and False; True if anything was done."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    for obj in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is the object's first field
        if count.value < _HEADROOM:
            count.value += _HEADROOM
    return True
