"""App-level signals so views refresh themselves after a change, instead of a global reset."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataBus(QObject):
    """Signals:
    changed(str): records of an entity kind ("catalogue", "notice", "event", "request", "holiday",
        "user", "settings", "sync") changed; views showing that kind reload.
    navigate(str, str): open page ``key`` at record ``uuid`` (empty for the page itself).
    counts_changed(str, int): a page's "needs attention" count, shown in the navigation.
    sync_status(str): the sync worker's one-line status (last good sync, queued, errors), shown in
        the status bar.
    """

    changed = Signal(str)
    navigate = Signal(str, str)
    counts_changed = Signal(str, int)
    sync_status = Signal(str)
