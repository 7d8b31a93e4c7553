"""The sync worker: runs rounds off the GUI thread on a schedule or on demand, and reports.

Rounds run on the task runner's read pool, never its single write thread, so a clerk's save never
queues behind the network (a round's own database transactions are short). After a failure the next
automatic round backs off exponentially with full jitter, from 30 s up to the regular 5-minute
interval (design §3, retry).
"""

from __future__ import annotations

import random

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.clock import local
from app.sync.values import SyncReport, SyncStatus
from ui.env import UiEnv

INTERVAL_MS = 5 * 60 * 1000
FIRST_ROUND_MS = 10 * 1000
BACKOFF_START_MS = 30 * 1000


def status_text(status: SyncStatus, running: bool = False) -> str:
    """The status-bar line: last good sync, queued changes, things needing a person."""
    tr = QCoreApplication.translate
    if not status.configured:
        return tr("SyncWorker", "同步：未配置")
    if running:
        head = tr("SyncWorker", "同步：正在同步…")
    elif status.last_good_sync is None:
        head = tr("SyncWorker", "同步：尚未成功同步")
    else:
        head = tr("SyncWorker", "同步：上次成功 ") + local(status.last_good_sync).strftime("%m-%d %H:%M")
    parts = [head, tr("SyncWorker", "待同步 %n 条", "", status.queued)]
    if status.conflicts:
        parts.append(tr("SyncWorker", "冲突 %n 条", "", status.conflicts))
    if status.rejected:
        parts.append(tr("SyncWorker", "拒收 %n 条", "", status.rejected))
    if status.errors:
        parts.append(tr("SyncWorker", "有问题，详见“同步”页"))
    return " · ".join(parts)


class SyncWorker(QObject):
    """Signals:
    status_changed(object): a fresh ``SyncStatus``.
    finished(object): the ``SyncReport`` of a round, or the exception that ended it.
    running_changed(bool): a round started or ended.
    """

    status_changed = Signal(object)
    finished = Signal(object)
    running_changed = Signal(bool)

    def __init__(self, env: UiEnv, parent: QObject | None = None, *, automatic: bool = True) -> None:
        super().__init__(parent)
        self._env = env
        self._running = False
        self._failures = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._automatic = automatic
        # Not known until read (off the GUI thread); the first read arms the automatic rounds.
        self.status = SyncStatus(False, "", None, None, 0, 0, 0, [], None, 0, "")
        self._known = False
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(200)  # many changes in a row: one status read
        self._refresh_soon.timeout.connect(self.refresh)
        env.bus.changed.connect(self._on_bus_changed)
        self.refresh()

    @property
    def running(self) -> bool:
        return self._running

    def sync_now(self) -> bool:
        """Start a round unless one is running; False if it could not start."""
        if self._running or not self.status.configured:
            return False
        self._running = True
        self._timer.stop()
        self.running_changed.emit(True)
        self._publish(self.status)
        self._env.tasks.run(
            self._env.ctx.sync.run_once, self._on_round_done, self._on_round_failed, writes=False
        )
        return True

    def refresh(self) -> None:
        """Read the status (read pool; one query per kind of count) and announce it."""
        self._env.ops.read(self, self._env.ctx.sync.status, self._arrived, key="status")

    def _arrived(self, status: SyncStatus) -> None:
        first = not self._known
        self._known = True
        self.status = status
        self._publish(status)
        idle = self._automatic and not self._timer.isActive() and not self._running
        if first and idle and status.configured:
            self._timer.start(FIRST_ROUND_MS)

    def _publish(self, status: SyncStatus) -> None:
        self.status_changed.emit(status)
        self._env.bus.sync_status.emit(status_text(status, self._running))
        self._env.bus.counts_changed.emit("sync", status.conflicts + status.rejected)

    def _on_round_done(self, report: SyncReport) -> None:
        # Records made on the site's other PCs were applied here: the views showing them refresh.
        for area in sorted(report.replicated_areas):
            self._env.bus.changed.emit(area)
        self._finish(report, ok=report.ok)

    def _on_round_failed(self, exc: BaseException) -> None:
        self._finish(exc, ok=False)

    def _finish(self, outcome: object, *, ok: bool) -> None:
        self._running = False
        self._failures = 0 if ok else self._failures + 1
        self.running_changed.emit(False)
        self.refresh()
        self.finished.emit(outcome)
        self._env.bus.changed.emit("sync")
        if self._automatic and self.status.configured:
            self._timer.start(self._next_delay_ms())

    def _next_delay_ms(self) -> int:
        if not self._failures:
            return INTERVAL_MS
        ceiling = min(INTERVAL_MS, BACKOFF_START_MS * 2 ** (self._failures - 1))
        return max(BACKOFF_START_MS // 2, int(random.uniform(0, ceiling)))

    def _on_timer_timeout(self) -> None:
        self.sync_now()

    def _on_bus_changed(self, entity: str) -> None:
        if entity != "sync" and not self._running:
            self._refresh_soon.start()
        if entity == "settings":
            self._known = False  # re-arm the rounds if the platform was just configured
