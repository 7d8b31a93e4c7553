"""Background sync while the kiosk runs: a round every ``sync_interval_s`` on a worker thread.

The kiosk reads through a read-only context; rounds use their own writable context (opened by the
launcher) and run on Qt's thread pool, never the GUI thread. What a round brings in reaches the
screen the usual way: the kiosk's DataVersionWatcher sees the database change and reloads. So what
a staff PC publishes is on the hall screen within about one interval (docs/sync-devices.md).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal


class KioskSync(QObject):
    """Signals:
    finished(object): a round's ``SyncReport``, or the exception that ended it.
    """

    finished = Signal(object)
    _done = Signal(object)  # from the worker thread; delivered queued on the GUI thread

    def __init__(
        self, run_round: Callable[[], object], interval_s: float, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._run_round = run_round
        self._running = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, int(interval_s * 1000)))
        self._timer.timeout.connect(self._on_timer_timeout)
        self._done.connect(self._on_done)

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        """A first round now, then one every interval (a round still running is not doubled)."""
        self._timer.start()
        self._on_timer_timeout()

    def stop(self) -> None:
        self._timer.stop()
        self._pool.waitForDone(30_000)  # a round in flight finishes its transaction, then we exit

    def _on_timer_timeout(self) -> None:
        if self._running:
            return
        self._running = True
        self._pool.start(self._work)

    def _work(self) -> None:
        try:
            outcome: object = self._run_round()
        except Exception as exc:  # noqa: BLE001  (reported, the kiosk carries on)
            outcome = exc
        self._done.emit(outcome)

    def _on_done(self, outcome: object) -> None:
        self._running = False
        self.finished.emit(outcome)
