"""The Sync page: what is waiting, what needs a person (conflicts, refusals), "sync now", settings."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.clock import local
from app.sync import wire
from app.sync.values import ConflictItem, QueuedItem, RejectedItem, SyncReport, SyncStatus
from app.users import Role
from ui.env import UiEnv
from ui.sync.worker import SyncWorker
from ui.table_model import Column, RecordTableModel, SortFilterProxy, fit_to_contents

ENTITY_LABELS = {
    "notice": "公示公告",
    "event": "活动",
    "request": "依申请公开",
    "catalogue_item": "目录事项",
    "catalogue_disclosure": "目录公开记录",
    "posting": "公示栏张贴",
    "staff": "工作人员账号",
    "setting": "站点设置",
}
OP_LABELS = {"upsert": "新增或修改", "delete": "删除"}


def entity_label(entity: str) -> str:
    return QCoreApplication.translate("SyncPage", ENTITY_LABELS.get(entity, entity))


def _when(value: Any) -> str:
    return local(value).strftime("%Y-%m-%d %H:%M") if value else ""


def queue_columns() -> list[Column[QueuedItem]]:
    return [
        Column("类别", lambda q: entity_label(q.entity)),
        Column("内容", lambda q: q.title or q.entity_uuid[:8]),
        Column("操作", lambda q: QCoreApplication.translate("SyncPage", OP_LABELS.get(q.op, q.op))),
        Column("记录时间", lambda q: _when(q.created_at), lambda q: q.created_at),
        Column("尝试次数", lambda q: str(q.attempts), lambda q: q.attempts),
        Column("最近问题", lambda q: q.error),
    ]


def conflict_columns() -> list[Column[ConflictItem]]:
    return [
        Column("类别", lambda c: entity_label(c.entity)),
        Column("内容", lambda c: c.title or c.entity_uuid[:8]),
        Column("发现时间", lambda c: _when(c.created_at), lambda c: c.created_at),
    ]


def rejected_columns() -> list[Column[RejectedItem]]:
    return [
        Column("类别", lambda r: entity_label(r.entity)),
        Column("内容", lambda r: r.title or r.entity_uuid[:8]),
        Column("平台拒收原因", lambda r: r.message, tooltip=lambda r: f"{r.message}（代码：{r.code}）"),
        Column("时间", lambda r: _when(r.rejected_at), lambda r: r.rejected_at),
    ]


def differences(conflict: ConflictItem) -> str:
    """The fields where this workstation's version and the platform's differ, in plain lines."""
    tr = QCoreApplication.translate
    theirs = conflict.theirs or {}
    lines = []
    for key in sorted(set(conflict.mine) | set(theirs)):
        a, b = conflict.mine.get(key), theirs.get(key)
        if a != b and key != "platform_published_at":
            label = wire.FIELD_LABELS.get(key, key)
            lines.append(
                f"{label}\n  {tr('SyncPage', '本机：')}{_short(a)}\n  {tr('SyncPage', '平台：')}{_short(b)}"
            )
    if conflict.theirs is None:
        lines.insert(0, tr("SyncPage", "平台上的版本尚未下载，下次同步后显示。"))
    return "\n".join(lines) or tr("SyncPage", "两个版本内容相同。")


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 120 else text[:117] + "…"


class SyncPage(QWidget):
    """Everyone sees the state and may sync now; clerks resolve conflicts; admins change settings."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None, *, automatic: bool = True) -> None:
        super().__init__(parent)
        self._env = env
        shared = env.sync_worker if automatic else None
        self.worker = shared if isinstance(shared, SyncWorker) else SyncWorker(env, self, automatic=automatic)
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 13pt;")
        top.addWidget(self.summary, 1)
        self.sync_button = QPushButton(self.tr("立即同步"))
        self.sync_button.setStyleSheet("font-size: 13pt; padding: 8px 22px;")
        self.sync_button.clicked.connect(self._on_sync_button_clicked)
        top.addWidget(self.sync_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #a61b1b; font-size: 12pt;")
        layout.addWidget(self.problems)

        self.tabs = QTabWidget()
        self.queue_model: RecordTableModel[QueuedItem] = RecordTableModel(queue_columns(), "SyncPage", self)
        self.queue_view = self._table(self.queue_model)
        self.tabs.addTab(self.queue_view, "")

        conflicts = QWidget()
        c_layout = QVBoxLayout(conflicts)
        note = QLabel(
            self.tr(
                "另一台工作站先修改了这些记录。两个版本都已保留，请核对后选择保留哪一个；"
                "系统不会自动覆盖任何一方。"
            )
        )
        note.setWordWrap(True)
        c_layout.addWidget(note)
        self.conflict_model: RecordTableModel[ConflictItem] = RecordTableModel(
            conflict_columns(), "SyncPage", self
        )
        self.conflict_view = self._table(self.conflict_model)
        self.conflict_view.selectionModel().currentRowChanged.connect(self._on_conflict_selected)
        c_layout.addWidget(self.conflict_view, 1)
        self.conflict_detail = QPlainTextEdit()
        self.conflict_detail.setReadOnly(True)
        c_layout.addWidget(self.conflict_detail, 1)
        buttons = QHBoxLayout()
        self.keep_mine = QPushButton(self.tr("保留本机版本"))
        self.keep_theirs = QPushButton(self.tr("采用平台版本"))
        self.keep_mine.clicked.connect(lambda: self._resolve("mine"))
        self.keep_theirs.clicked.connect(lambda: self._resolve("theirs"))
        buttons.addStretch(1)
        buttons.addWidget(self.keep_mine)
        buttons.addWidget(self.keep_theirs)
        c_layout.addLayout(buttons)
        self.tabs.addTab(conflicts, "")

        self.rejected_model: RecordTableModel[RejectedItem] = RecordTableModel(
            rejected_columns(), "SyncPage", self
        )
        rejected = QWidget()
        r_layout = QVBoxLayout(rejected)
        r_note = QLabel(
            self.tr("市级平台拒收了这些变更（之后的变更不受影响）。请按原因在对应页面改正后重新保存。")
        )
        r_note.setWordWrap(True)
        r_layout.addWidget(r_note)
        self.rejected_view = self._table(self.rejected_model)
        r_layout.addWidget(self.rejected_view)
        self.tabs.addTab(rejected, "")
        layout.addWidget(self.tabs, 1)

        box = QGroupBox(self.tr("市级平台设置"))
        form = QFormLayout(box)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://gk.example.gov.cn")
        self.token_edit = QLineEdit()
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.save_button = QPushButton(self.tr("保存设置"))
        self.save_button.clicked.connect(self._save_settings)
        form.addRow(self.tr("平台地址"), self.url_edit)
        form.addRow(self.tr("设备令牌"), self.token_edit)
        form.addRow("", self.save_button)
        is_admin = env.user.has(Role.ADMIN)
        for w in (self.url_edit, self.token_edit, self.save_button):
            w.setEnabled(is_admin)
        if not is_admin:
            form.addRow("", QLabel(self.tr("只有管理员可以修改平台设置。")))
        layout.addWidget(box)

        self.worker.status_changed.connect(self._on_worker_status_changed)
        self.worker.running_changed.connect(self._on_worker_running_changed)
        self.worker.finished.connect(self._on_worker_finished)
        # Every capability's write queues an outbox entry: the queue shown changes with any of them.
        env.bus.watch(
            self,
            ("sync", "settings", "notice", "request", "event", "catalogue", "holiday"),
            lambda _c: self.reload(),
        )
        self.reload()
        QTimer.singleShot(0, self.worker.refresh)  # after the window has connected its status bar

    def _table(self, model: RecordTableModel[Any]) -> QTableView:
        proxy = SortFilterProxy(self)
        proxy.setSourceModel(model)
        view = QTableView()
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        fit_to_contents(view.horizontalHeader())
        view.horizontalHeader().setStretchLastSection(True)
        view.verticalHeader().setVisible(False)
        return view

    def reload(self) -> None:
        """Read the queue, conflicts, refusals and the platform settings (read pool)."""
        ctx = self._env.ctx

        def work() -> tuple[list[QueuedItem], list[ConflictItem], list[RejectedItem], str, str]:
            sync, settings = ctx.sync, ctx.settings
            return (
                sync.queue(),
                sync.conflicts(),
                sync.rejected(),
                str(settings.get("sync_server_url")),
                str(settings.get("sync_token")),
            )

        self._env.ops.read(self, work, self._show, key="all")

    def _show(
        self, result: tuple[list[QueuedItem], list[ConflictItem], list[RejectedItem], str, str]
    ) -> None:
        queue, conflicts, rejected, url, token = result
        self.queue_model.set_rows(queue)
        self.conflict_model.set_rows(conflicts)
        self.rejected_model.set_rows(rejected)
        if not self.url_edit.hasFocus() and not self.token_edit.hasFocus():
            self.url_edit.setText(url)
            self.token_edit.setText(token)
        self.tabs.setTabText(0, self.tr("待同步（%n）", "", self.queue_model.rowCount()))
        self.tabs.setTabText(1, self.tr("冲突（%n）", "", self.conflict_model.rowCount()))
        self.tabs.setTabText(2, self.tr("平台拒收（%n）", "", self.rejected_model.rowCount()))
        self._show_status(self.worker.status)
        self._on_conflict_selected()

    def _show_status(self, status: SyncStatus) -> None:
        if not status.configured:
            self.summary.setText(self.tr("尚未设置市级平台。请在下方填写平台地址和本站点的设备令牌。"))
        else:
            last = _when(status.last_good_sync) or self.tr("从未")
            text = self.tr("上次成功同步：") + last + "　" + self.tr("待同步：%n 条", "", status.queued)
            if status.oldest_queued_age_seconds and status.oldest_queued_age_seconds >= 3600:
                text += self.tr(
                    "（最早一条已等待 %n 小时）", "", int(status.oldest_queued_age_seconds // 3600)
                )
            self.summary.setText(text)
        self.problems.setText("\n".join(status.errors))
        self.problems.setVisible(bool(status.errors))
        self.sync_button.setEnabled(status.configured and not self.worker.running)

    def _selected_conflict(self) -> ConflictItem | None:
        index = self.conflict_view.currentIndex()
        if not index.isValid():
            return None
        proxy = self.conflict_view.model()
        assert isinstance(proxy, SortFilterProxy)
        item: ConflictItem = proxy.object_at(index.row())
        return item

    def _on_conflict_selected(self, *_: object) -> None:
        conflict = self._selected_conflict()
        self.conflict_detail.setPlainText(differences(conflict) if conflict else "")
        can = conflict is not None and self._env.user.has(Role.CLERK)
        self.keep_mine.setEnabled(can)
        self.keep_theirs.setEnabled(can)

    def _resolve(self, choice: str) -> None:
        conflict = self._selected_conflict()
        if conflict is None:
            return
        sync, user = self._env.ctx.sync, self._env.user
        self._env.ops.write(self, lambda: sync.resolve(conflict.uuid, choice, actor=user))

    def _save_settings(self) -> None:
        sync, url, token, actor = (
            self._env.ctx.sync,
            self.url_edit.text(),
            self.token_edit.text(),
            self._env.user.name,
        )
        self._env.ops.write(self, lambda: sync.configure(url, token, actor=actor))

    def _on_sync_button_clicked(self) -> None:
        self.worker.sync_now()

    def _on_worker_status_changed(self, status: SyncStatus) -> None:
        self._show_status(status)

    def _on_worker_running_changed(self, running: bool) -> None:
        self.sync_button.setEnabled(not running and self.worker.status.configured)
        self.sync_button.setText(self.tr("正在同步…") if running else self.tr("立即同步"))

    def _on_worker_finished(self, outcome: object) -> None:
        if isinstance(outcome, SyncReport) and outcome.ok:
            return
        if not isinstance(outcome, SyncReport):
            self.problems.setText(str(outcome))
            self.problems.setVisible(True)

    def open_record(self, uuid: str) -> None:
        """Show the tab and row holding the record ``uuid`` (a conflict first, then a refusal, then the queue)."""
        for tab, view, model in (
            (1, self.conflict_view, self.conflict_model),
            (2, self.rejected_view, self.rejected_model),
            (0, self.queue_view, self.queue_model),
        ):
            for row, item in enumerate(model.rows()):
                if getattr(item, "entity_uuid", "") == uuid or getattr(item, "uuid", "") == uuid:
                    self.tabs.setCurrentIndex(tab)
                    proxy = view.model()
                    assert isinstance(proxy, SortFilterProxy)
                    view.selectRow(proxy.mapFromSource(model.index(row, 0)).row())
                    return
