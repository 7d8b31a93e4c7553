"""The one helper for long work off the GUI thread.

``TaskRunner.run(fn, on_success, on_failure)`` runs ``fn`` on a thread pool and delivers the
result (or the exception) back on the GUI thread through a queued signal. Workers never touch
widgets. Database writes are serialised on a single-thread pool because SQLite has one writer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread. The worker emits from its thread; because this object (the
    receiver) lives on the GUI thread, Qt queues the slot call there."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[BaseException], None] | None,
    ) -> None:
        super().__init__(runner)
        self._runner = runner
        self._on_success = on_success
        self._on_failure = on_failure
        self.succeeded.connect(self._deliver_success)
        self.failed.connect(self._deliver_failure)

    @Slot(object)
    def _deliver_success(self, result: Any) -> None:
        self._runner._finish(self)
        if self._on_success is not None:
            self._on_success(result)

    @Slot(object)
    def _deliver_failure(self, exc: BaseException) -> None:
        self._runner._finish(self)
        if self._on_failure is not None:
            self._on_failure(exc)
        else:
            self._runner.failed.emit(exc)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001  (every failure must reach the GUI, not vanish)
            log.debug("task failed", exc_info=True)
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


class TaskRunner(QObject):
    """Runs callables in the background and reports back on the GUI thread.

    Signals:
        busy_changed(bool): True while any task is running (for a busy indicator).
        failed(object): an exception from a task that had no failure callback.
    """

    busy_changed = Signal(bool)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(2)
        self._relays: set[_Relay] = set()

    def run(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        writes: bool = True,
    ) -> None:
        relay = _Relay(self, on_success, on_failure)
        self._relays.add(relay)
        if len(self._relays) == 1:
            self.busy_changed.emit(True)
        (self._writes if writes else self._reads).start(_Job(fn, relay))

    def _finish(self, relay: _Relay) -> None:
        self._relays.discard(relay)
        relay.deleteLater()
        if not self._relays:
            self.busy_changed.emit(False)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until every task is done (used at shutdown and in tests)."""
        return self._writes.waitForDone(msecs) and self._reads.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        return bool(self._relays)
