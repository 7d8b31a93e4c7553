"""Python's cyclic garbage collector in the staff window: what start-up made is frozen.

A full collection (generation 2) walks every object the collector tracks, and it holds the GIL
while it does, so whichever thread starts one stops the window for as long as it takes. Once the
pages' code is loaded the process holds a quarter of a million such objects (modules, classes,
SQLAlchemy's mappings, Qt wrappers) that live as long as the window. On the five-year site a
collection set off by a read-pool thread building catalogue rows walked them all, and the window
waited 137 ms (bench/scale.py with GK_TRACE_BLOCKS=1; docs/ARCHITECTURE.md "Start-up").

``gc.freeze()`` moves every object tracked now into a generation the collector never walks again,
so later collections walk only what was made since: the rows the pages hold. The Python
documentation gives this use for it (the ``gc`` module, ``freeze``). A frozen object is still freed
when nothing refers to it, but a frozen *cycle* is never collected: the young generations are
collected first, and signing out thaws everything (``thaw``) so the closed window, full of cycles
between widgets and their slots, can go.

The launcher applies this policy (``ui.launcher``: after the warm-up and when a window's pages are
preloaded); tests, which open hundreds of windows in one process, do not.
"""

from __future__ import annotations

import gc
import logging

log = logging.getLogger(__name__)


def freeze_start_up() -> int:
    """Collect the young generations, then freeze every object tracked now; returns how many are
    frozen (calling it again freezes what came since)."""
    gc.collect(1)
    gc.freeze()
    frozen = gc.get_freeze_count()
    log.debug("garbage collector: %d objects frozen", frozen)
    return frozen


def thaw() -> None:
    """Give every frozen object back to the collector (the window they belonged to has closed)."""
    gc.unfreeze()
