"""The sign-in dialog: user name and password, checked by the user service.

After too many failures the service makes the name wait (app.lockout); the dialog then says how
long and keeps 登录 disabled, counting down, until the wait is over.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import AuthenticationError
from app.lockout import wait_text
from app.users import AccountLockedError, StaffUser, UserService


class SignInDialog(QDialog):
    """Asks for a user and password until they match; ``user`` holds the result after accept."""

    def __init__(self, users: UserService, site_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._users = users
        self.user: StaffUser | None = None
        self.setWindowTitle(self.tr("登录 — 公开专区工作台"))
        layout = QVBoxLayout(self)
        heading = QLabel(site_name)
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(heading)
        form = QFormLayout()
        self.name = QComboBox()
        self.name.setEditable(True)
        for u in users.list():
            if u.active:
                self.name.addItem(f"{u.name}（{u.display_name}）" if u.display_name else u.name, u.name)
        form.addRow(self.tr("用户名"), self.name)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("密码"), self.password)
        layout.addLayout(form)
        self.message = QLabel("")
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("登录"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._try_sign_in)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.password.setFocus()
        self.setMinimumWidth(380)
        self._wait_left = 0
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)

    def _chosen_name(self) -> str:
        """The listed user's name, or what was typed when it matches no list entry."""
        index = self.name.currentIndex()
        if index >= 0 and self.name.itemText(index) == self.name.currentText():
            return str(self.name.itemData(index))
        return self.name.currentText().strip()

    def _try_sign_in(self) -> None:
        if self._wait_left > 0:
            return
        try:
            self.user = self._users.authenticate(self._chosen_name(), self.password.text())
        except AccountLockedError as exc:
            self.password.clear()
            self._start_wait(exc.wait)
            return
        except AuthenticationError:
            self.message.setText(self.tr("用户名或密码错误，请重试。"))
            self.password.selectAll()
            return
        self.accept()

    def _start_wait(self, wait: timedelta) -> None:
        self._wait_left = max(1, int(-(-wait.total_seconds() // 1)))
        self.ok_button.setEnabled(False)
        self._show_wait()
        self._countdown.start()

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._countdown.stop()
            self.ok_button.setEnabled(True)
            self.message.setText(self.tr("可以重新登录了。"))
            self.password.setFocus()
            return
        self._show_wait()

    def _show_wait(self) -> None:
        left = wait_text(timedelta(seconds=self._wait_left))
        self.message.setText(self.tr("登录失败次数过多，为保护账号，请 %1后再试。").replace("%1", left))
