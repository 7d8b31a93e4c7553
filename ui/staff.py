"""Settings → 工作人员: the dialogs an administrator uses to add a staff member and reset a password.

The dialogs only collect what was typed; the rules (who may, name taken, password length, roles
required) are the user service's (``UserService.create`` / ``reset_password``), run on the writer
thread. A refusal is shown inside the dialog, which stays open with what was typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.users import ROLE_LABELS, Role
from ui.discard import AsksBeforeDiscard
from ui.i18n import error_text
from ui.ops import Operations


# One fixed context for both dialogs (a base class's self.tr would look in the subclass's).
def tr(text: str) -> str:
    return QCoreApplication.translate("StaffDialogs", text)


def role_text(role: Role) -> str:
    return QCoreApplication.translate("SettingsPage", ROLE_LABELS[role])


class _PasswordDialog(AsksBeforeDiscard, QDialog):
    """Common parts: the password typed twice, a message line, 确定/取消 that run ``op`` on the writer."""

    def __init__(self, ops: Operations, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.form = QFormLayout()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        self.buttons.rejected.connect(self.reject)

    def _finish_layout(self, intro: str, on_ok: Callable[[], None]) -> None:
        """Lay the dialog out; ``on_ok`` (the dialog's own save) runs on 确定."""
        self.buttons.accepted.connect(on_ok)
        layout = QVBoxLayout(self)
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.form.addRow(tr("密码（至少 6 位）"), self.password)
        self.form.addRow(tr("再输入一次密码"), self.repeat)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _run(self, op: Callable[[], object]) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(tr("两次输入的密码不一样，请重新输入。"))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        self.message.setText(tr("正在保存…"))
        self.ok.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.message.setText(error_text(exc))

        self._ops.write(
            self, op, lambda _r: self.accept(), failed=failed, finally_=lambda: self.ok.setEnabled(True)
        )


class AddStaffDialog(_PasswordDialog):
    """新增工作人员: user name, the person's name, roles (ticks) and a first password."""

    def __init__(
        self,
        ops: Operations,
        create: Callable[[str, str, frozenset[Role], str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self._create = create
        self.setWindowTitle(tr("新增工作人员"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("登录时输入的名字，如 zhangsan"))
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(tr("如：张三"))
        self.form.addRow(tr("用户名"), self.name)
        self.form.addRow(tr("姓名"), self.display_name)
        roles_box = QWidget()
        roles_layout = QVBoxLayout(roles_box)
        roles_layout.setContentsMargins(0, 0, 0, 0)
        self.role_boxes: dict[Role, QCheckBox] = {}
        for role in Role:
            box = QCheckBox(role_text(role))
            roles_layout.addWidget(box)
            self.role_boxes[role] = box
        self.role_boxes[Role.CLERK].setChecked(True)
        self.form.addRow(tr("角色（可多选）"), roles_box)
        self._finish_layout(
            tr("新同事用这里的用户名和密码登录；请当面告诉他密码，并提醒他不要告诉别人。"), self._on_ok
        )

    def roles(self) -> frozenset[Role]:
        return frozenset(r for r, box in self.role_boxes.items() if box.isChecked())

    def _on_ok(self) -> None:
        name, display, roles, password = (
            self.name.text().strip(),
            self.display_name.text().strip(),
            self.roles(),
            self.password.text(),
        )
        create = self._create
        self._run(lambda: create(name, display, roles, password))


class ResetPasswordDialog(_PasswordDialog):
    """重设密码 for one staff member (who forgot theirs)."""

    def __init__(
        self, ops: Operations, who: str, reset: Callable[[str], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(ops, parent)
        self._reset = reset
        self.setWindowTitle(tr("重设密码"))
        self._finish_layout(tr("为“%1”设置新密码。原来的密码从此不能再用。").replace("%1", who), self._on_ok)

    def _on_ok(self) -> None:
        password, reset = self.password.text(), self._reset
        self._run(lambda: reset(password))
