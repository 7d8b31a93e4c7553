"""App-level signals so views refresh themselves after a change, instead of a global reset.

Views do not connect to ``changes`` by hand: ``watch(view, kinds, reload)`` reloads ``view`` when a
change touches one of ``kinds`` — at once (coalesced: one reload per turn of the event loop however
many changes arrive) while the view is visible, else once when it is next shown (Anki's
"refresh if needed"). Kinds are the areas and entity names of ``app.changes`` ("notice",
"request", "event", "catalogue", "holiday", "settings", "user", "sync", "posting", …).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.changes import Changes


class DataBus(QObject):
    """Signals:
    changes(object): an ``app.changes.Changes`` — what a write changed (``announce``).
    changed(str): records of an area changed (the older, coarser signal; still emitted once for
        every area of an announced change, and emitting it directly announces that kind).
    navigate(str, str): open page ``key`` at record ``uuid`` (empty for the page itself).
    counts_changed(str, int): a page's or the sync worker's own figure of what needs attention;
        when it differs from the last one that sender reported, the staff window reads every badge
        again from TodayService.badges. The figure sent is not shown, so every page's number has
        one meaning.
    sync_status(str): the sync worker's one-line status (last good sync, queued, errors), shown in
        the status bar.
    """

    changes = Signal(object)
    changed = Signal(str)
    navigate = Signal(str, str)
    counts_changed = Signal(str, int)
    sync_status = Signal(str)
    #: the Today page loaded the day's list (app.today.TodayList); the window's badges come from it
    today_listed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._announcing = False
        self.changed.connect(self._on_changed)

    def announce(self, changes: Changes) -> None:
        """Tell every watcher what a write changed."""
        if not changes:
            return
        self._announcing = True
        try:
            self.changes.emit(changes)
            for kind in sorted(changes.areas):
                self.changed.emit(kind)
        finally:
            self._announcing = False

    def _on_changed(self, kind: str) -> None:
        if not self._announcing:
            self.changes.emit(Changes.of_kinds(kind))

    def watch(self, view: QWidget, kinds: Iterable[str], reload: Callable[[Changes], None]) -> Watcher:
        """Call ``reload(changes)`` when a change touches ``kinds`` (see the module docstring)."""
        return Watcher(self, view, frozenset(kinds), reload)


class Watcher(QObject):
    """Reloads one view for the changes it watches; lives and dies with the view."""

    def __init__(
        self, bus: DataBus, view: QWidget, kinds: frozenset[str], reload: Callable[[Changes], None]
    ) -> None:
        super().__init__(view)
        self._view = view
        self._kinds = kinds
        self._reload = reload
        self._pending: Changes | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._fire)
        view.installEventFilter(self)
        bus.changes.connect(self._on_changes)

    @property
    def dirty(self) -> bool:
        return self._pending is not None

    def _on_changes(self, changes: Changes) -> None:
        if not changes.touches(*self._kinds):
            return
        self._pending = changes if self._pending is None else self._pending | changes
        if self._view.isVisible():
            self._timer.start()

    def _fire(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            self._reload(pending)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._view and event.type() == QEvent.Type.Show and self._pending is not None:
            self._timer.start()
        return False
