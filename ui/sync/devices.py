"""The site's PCs in Settings: the list from the platform, 邀请电脑 and 撤销 (docs/sync-devices.md).

Everything goes through the operations layer: the list is a read (network on the read pool), an
invitation and a revocation are writes (they are audited). Who may invite or revoke is
``app.authz`` ("device.invite", "device.revoke"); the service checks it again. An invitation's code
is shown large, with a QR code of it for the other PC's camera, and "24 小时内有效，只能使用一次".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.authz import allowed
from app.clock import local
from app.sync.devices import DeviceInfo, Invitation
from app.sync.service import SyncNotConfigured
from ui.env import UiEnv
from ui.kiosk.qr import qr_pixmap
from ui.table_model import Column, RecordTableModel, fit_to_contents

CONTEXT = "DevicesBox"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def device_columns() -> list[Column[DeviceInfo]]:
    return [
        Column("名称", lambda d: d.name + (_tr("（本机）") if d.this_device else "")),
        Column("类型", lambda d: _tr("展示电脑（大厅查询机）") if d.kind == "display" else _tr("工作电脑")),
        Column(
            "最近同步",
            lambda d: local(d.last_seen).strftime("%Y-%m-%d %H:%M") if d.last_seen else _tr("从未"),
            lambda d: d.last_seen.isoformat() if d.last_seen else "",
        ),
        Column(
            "状态",
            lambda d: (
                (_tr("已撤销") + (f"：{d.revoked_reason}" if d.revoked_reason else ""))
                if d.revoked
                else _tr("有效")
            ),
        ),
        Column("设备编号", lambda d: d.device_id),
    ]


class InvitationDialog(QDialog):
    """The code, large, and its QR code, to type or scan on the other PC."""

    def __init__(self, invitation: Invitation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("邀请电脑加入本站点"))
        layout = QVBoxLayout(self)
        kind = self.tr("展示电脑（大厅查询机）") if invitation.kind == "display" else self.tr("工作电脑")
        layout.addWidget(
            QLabel(self.tr("在要加入的%1上运行（或扫描下方二维码得到邀请码）：").replace("%1", kind))
        )
        self.code = QLabel(invitation.code)
        font = QFont(self.code.font())
        font.setPointSize(max(font.pointSize(), 10) * 2)
        font.setBold(True)
        self.code.setFont(font)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.code)
        self.command = QLabel(
            f"gongkai join --server {invitation.server_url or self.tr('平台地址')} --code {invitation.code}"
        )
        self.command.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.command)
        self.qr = QLabel()
        self.qr.setPixmap(qr_pixmap(invitation.code, 220))
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.qr)
        until = local(invitation.expires_at).strftime("%Y-%m-%d %H:%M")
        self.note = QLabel(self.tr("24 小时内有效，只能使用一次（%1 前）。").replace("%1", until))
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class DevicesBox(QGroupBox):
    """The list of the site's PCs with 刷新, 邀请电脑… and 撤销…."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("本站点的电脑（同步设备）"))
        self._env = env
        self.dialog: InvitationDialog | None = None
        self._loaded = False
        layout = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.model: RecordTableModel[DeviceInfo] = RecordTableModel(device_columns(), CONTEXT, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        fit_to_contents(self.view.horizontalHeader())
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view)
        buttons = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.invite_button = QPushButton(self.tr("邀请电脑…"))
        self.display_check = QCheckBox(self.tr("展示电脑（大厅查询机，只接收公开内容）"))
        self.revoke_button = QPushButton(self.tr("撤销…"))
        self._may_invite = allowed(env.user, "device.invite")
        self._may_revoke = allowed(env.user, "device.revoke")
        self.invite_button.setVisible(self._may_invite)
        self.display_check.setVisible(self._may_invite)
        self.revoke_button.setVisible(self._may_revoke)
        for w in (self.refresh_button, self.invite_button, self.display_check, self.revoke_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.refresh_button.clicked.connect(self.reload)
        self.invite_button.clicked.connect(self._invite)
        self.revoke_button.clicked.connect(self._revoke)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._on_selected())
        self._on_selected()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802  (Qt's name)
        super().showEvent(event)
        if not self._loaded:  # the network is asked only when someone looks
            self.reload()

    def reload(self) -> None:
        """Ask the platform for the list (read pool; a refusal or no network is said in the note)."""
        self._loaded = True
        self.note.setText(self.tr("正在向市级平台查询…"))
        self._env.ops.read(self, self._env.ctx.devices.list, self._show, key="devices", failed=self._failed)

    def _show(self, devices: list[DeviceInfo]) -> None:
        self.model.set_rows(devices)
        self.note.setText(self.tr("共 %n 台电脑。", "", len(devices)))
        self._on_selected()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, SyncNotConfigured):
            self.note.setText(
                self.tr("本机尚未连接市级平台：在“同步”页设置平台地址和令牌并同步一次后，这里列出本站点的电脑。")
            )
            return
        self.note.setText(str(exc))

    def selected(self) -> DeviceInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _on_selected(self) -> None:
        d = self.selected()
        self.revoke_button.setEnabled(d is not None and not d.revoked and not d.this_device)

    def _invite(self) -> None:
        devices, user, display = self._env.ctx.devices, self._env.user, self.display_check.isChecked()
        self._env.ops.write(self, lambda: devices.invite(user, display=display), self._show_invitation)

    def _show_invitation(self, invitation: Invitation) -> None:
        self.dialog = InvitationDialog(invitation, self)
        self.dialog.open()

    def _revoke(self) -> None:
        d = self.selected()
        if d is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("撤销电脑"),
            self.tr("撤销后，“%1”不能再与市级平台同步（其他电脑不受影响），且不能恢复。要撤销吗？").replace(
                "%1", d.name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        devices, user, device_id = self._env.ctx.devices, self._env.user, d.device_id
        self._env.ops.write(self, lambda: devices.revoke(device_id, user), finally_=self.reload)
