"""The operations layer: the one way the staff window calls a service.

Two calls, after Anki's ``CollectionOp`` and ``QueryOp`` (aqt/operations):

``env.ops.write(parent, op, done)``
    runs ``op()`` — one service write — on the task runner's single writer thread (SQLite has one
    writer), recording what it changed (``app.changes.recording``). Back on the GUI thread it
    announces the ``Changes`` on the bus (every view watching those kinds refreshes, see
    ``DataBus.watch``), shows the write's confirmation in the status bar (``confirmed``; wording
    from ``app.changes.CONFIRMATIONS``, translated in context "Changes"), then calls ``done(result)``.

``env.ops.read(owner, op, done, key=..., loading=widget)``
    runs ``op()`` — a query — on the read pool and calls ``done(result)`` on the GUI thread, unless
    ``owner`` has been deleted meanwhile or a newer read with the same ``key`` was started (typing
    a search, clicking through rows: only the last answer is shown). With ``loading``, that widget
    shows "正在加载…" if the answer takes longer than ``LOADING_AFTER_MS``.

Both show every failure the same way (``ui.crash.show_error``: an expected ``GongkaiError`` as a
message naming what is wrong, anything else as the crash dialog with the log file), unless the
caller passes ``failed=`` to handle it. A failed write still announces what it had noted, so no
view stays stale. Pages never query on the GUI thread: everything that touches the database goes
through one of these two calls.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from app import changes as app_changes
from app.changes import Changes
from ui.bus import DataBus
from ui.crash import show_error
from ui.tasks import TaskRunner

T = TypeVar("T")

#: A load that takes longer than this shows its loading state (issue 16: ~150 ms).
LOADING_AFTER_MS = 150
#: How long a confirmation stays in the status bar.
CONFIRMATION_MS = 10000


def confirmation_text(changes: Changes) -> str:
    """The translated confirmation of a write (empty when it has none)."""
    message = changes.message
    return QCoreApplication.translate("Changes", message) if message else ""


class _WriteFailed(Exception):
    """Carries a write's exception and what it had noted before failing back to the GUI thread."""

    def __init__(self, error: BaseException, changes: Changes) -> None:
        super().__init__(str(error))
        self.error = error
        self.changes = changes


class LoadingOverlay(QLabel):
    """ "正在加载…" over a view whose data is on its way; shown only for slow loads."""

    def __init__(self, target: QWidget) -> None:
        super().__init__(QCoreApplication.translate("Operations", "正在加载…"), target)
        self.setObjectName("loadingOverlay")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet(
            "QLabel#loadingOverlay { background: rgba(255, 255, 255, 210); color: #333;"
            " font-size: 14pt; border: 1px solid #ccc; border-radius: 6px; padding: 12px 24px; }"
        )
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()
        self._pending = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._appear)

    @classmethod
    def of(cls, target: QWidget) -> LoadingOverlay:
        found = target.findChild(LoadingOverlay, "loadingOverlay", Qt.FindChildOption.FindDirectChildrenOnly)
        return found if isinstance(found, LoadingOverlay) else cls(target)

    def begin(self) -> None:
        self._pending += 1
        if self._pending == 1:
            self._timer.start(LOADING_AFTER_MS)

    def end(self) -> None:
        self._pending = max(0, self._pending - 1)
        if not self._pending:
            self._timer.stop()
            self.hide()

    def _appear(self) -> None:
        target = self.parentWidget()
        if target is None:
            return
        self.adjustSize()
        self.move((target.width() - self.width()) // 2, max(0, (target.height() - self.height()) // 3))
        self.raise_()
        self.show()


class Operations(QObject):
    """Writes on the writer thread, reads on the read pool, one error path, confirmations.

    Signals:
        confirmed(str): the translated confirmation of a state change, for the status bar.
        written(object): the ``Changes`` of every finished write (after the bus was told).
    """

    confirmed = Signal(str)
    written = Signal(object)

    def __init__(self, tasks: TaskRunner, bus: DataBus, log_file: str = "", parent: QObject | None = None):
        super().__init__(parent)
        self._tasks = tasks
        self._bus = bus
        self._log_file = log_file
        self._latest: dict[tuple[int, str], int] = {}

    @property
    def busy(self) -> bool:
        return self._tasks.busy

    # -- writes ----------------------------------------------------------------------------------

    def write(
        self,
        parent: QWidget | None,
        op: Callable[[], T],
        done: Callable[[T], None] | None = None,
        *,
        failed: Callable[[BaseException], None] | None = None,
        finally_: Callable[[], None] | None = None,
    ) -> None:
        """Run the service write ``op`` on the writer thread; see the module docstring.

        ``finally_`` runs after success or failure (after the error was shown): e.g. re-read the
        record, since a refusal often means the view was out of date."""

        def work() -> tuple[T, Changes]:
            with app_changes.recording() as rec:
                try:
                    result = op()
                except BaseException as exc:  # noqa: BLE001  (handed to the GUI thread with its changes)
                    raise _WriteFailed(exc, rec.changes) from exc
            return result, rec.changes

        def succeeded(value: tuple[T, Changes]) -> None:
            result, changes = value
            self._bus.announce(changes)
            text = confirmation_text(changes)
            if text:
                self.confirmed.emit(text)
            self.written.emit(changes)
            alive = parent is None or shiboken6.isValid(parent)
            if done is not None and alive:
                done(result)
            if finally_ is not None and alive:
                finally_()

        def went_wrong(exc: BaseException) -> None:
            if isinstance(exc, _WriteFailed):
                self._bus.announce(exc.changes)
                exc = exc.error
            self._fail(parent, exc, failed)
            if finally_ is not None and (parent is None or shiboken6.isValid(parent)):
                finally_()

        self._tasks.run(work, succeeded, went_wrong, writes=True)

    # -- reads -----------------------------------------------------------------------------------

    def read(
        self,
        owner: QObject,
        op: Callable[[], T],
        done: Callable[[T], None],
        *,
        key: str = "",
        loading: QWidget | None = None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run the query ``op`` on the read pool; see the module docstring."""
        slot = (id(owner), key)
        generation = self._latest.get(slot, 0) + 1
        self._latest[slot] = generation
        overlay = LoadingOverlay.of(loading) if loading is not None else None
        if overlay is not None:
            overlay.begin()

        def current() -> bool:
            return shiboken6.isValid(owner) and self._latest.get(slot) == generation

        def finish() -> None:
            if overlay is not None and shiboken6.isValid(overlay):
                overlay.end()

        def succeeded(result: T) -> None:
            finish()
            if current():
                done(result)

        def went_wrong(exc: BaseException) -> None:
            finish()
            if current():
                parent = owner if isinstance(owner, QWidget) else None
                self._fail(parent, exc, failed)

        self._tasks.run(op, succeeded, went_wrong, writes=False)

    def forget(self, owner: QObject, key: str = "") -> None:
        """Drop the answer of a read still running (e.g. the selection was cleared)."""
        slot = (id(owner), key)
        self._latest[slot] = self._latest.get(slot, 0) + 1

    # -- failures --------------------------------------------------------------------------------

    def _fail(
        self,
        parent: QWidget | None,
        exc: BaseException,
        failed: Callable[[BaseException], None] | None,
    ) -> None:
        if failed is not None:
            failed(exc)
            return
        show_error(parent if parent is not None and shiboken6.isValid(parent) else None, exc, self._log_file)


__all__ = ["LOADING_AFTER_MS", "LoadingOverlay", "Operations", "confirmation_text"]
