"""新增工作人员: an administrator adds a staff member (name, roles, first password).

The dialog only collects the values; ``UserService.create`` decides (it refuses anyone but an
administrator, a name already taken in any letter case, a short password).
"""

from __future__ import annotations

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

from app.users import PASSWORD_MIN, ROLE_LABELS, Role


class AddUserDialog(QDialog):
    """``values()`` gives (name, display name, roles, password) after accept."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新增工作人员"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("登录用，如 lixia（不区分大小写）"))
        self.display = QLineEdit()
        form.addRow(self.tr("用户名"), self.name)
        form.addRow(self.tr("姓名"), self.display)
        roles_box = QVBoxLayout()
        self.roles: dict[Role, QCheckBox] = {}
        for role, label in ROLE_LABELS.items():
            box = QCheckBox(QCoreApplication.translate("SettingsPage", label))
            self.roles[role] = box
            roles_box.addWidget(box)
        self.roles[Role.CLERK].setChecked(True)
        form.addRow(self.tr("角色"), roles_box)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("初始密码"), self.password)
        form.addRow(self.tr("再次输入密码"), self.confirm)
        layout.addLayout(form)
        self.problem = QLabel("")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("新增"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._accept_if_complete)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def fill(self, name: str, display: str, roles: frozenset[Role]) -> None:
        """Show what was typed before (after the service refused it); passwords are asked again."""
        self.name.setText(name)
        self.display.setText(display)
        for role, box in self.roles.items():
            box.setChecked(role in roles)

    def chosen_roles(self) -> frozenset[Role]:
        return frozenset(r for r, box in self.roles.items() if box.isChecked())

    def values(self) -> tuple[str, str, frozenset[Role], str]:
        return (
            self.name.text().strip(),
            self.display.text().strip(),
            self.chosen_roles(),
            self.password.text(),
        )

    def _accept_if_complete(self) -> None:
        if not self.name.text().strip():
            self.problem.setText(self.tr("请填写用户名。"))
        elif not self.chosen_roles():
            self.problem.setText(self.tr("请至少选择一个角色。"))
        elif len(self.password.text()) < PASSWORD_MIN:
            self.problem.setText(self.tr("密码至少 %1 位。").replace("%1", str(PASSWORD_MIN)))
        elif self.password.text() != self.confirm.text():
            self.problem.setText(self.tr("两次输入的密码不一致。"))
        else:
            self.accept()
