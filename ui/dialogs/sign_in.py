"""The sign-in dialog: user name and password, checked by the user service.

The user box proposes, in order: the name given on the command line (``gongkai --user NAME``), the
user who last signed in on this PC (``QSettings`` "sign_in/last_user": a convenience, not a secret),
else the first active user. As soon as a user is chosen the focus moves to the password box, so a
password is never typed into the (visible) user box. Whether a password is right, and what happens
after repeated failures, is the user service's decision: its message is shown as it is.

After too many failures the service makes the name wait (app.lockout); the dialog then says how
long and keeps 登录 disabled, counting down, until the wait is over.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
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

from app.errors import AuthenticationError, GongkaiError
from app.lockout import wait_text
from app.users import AccountLockedError, StaffUser, UserService

LAST_USER_KEY = "sign_in/last_user"


def last_user() -> str:
    """The user who last signed in on this PC ('' if none)."""
    value = QSettings().value(LAST_USER_KEY, "")
    return str(value or "")


def remember_user(name: str) -> None:
    QSettings().setValue(LAST_USER_KEY, name)


class SignInDialog(QDialog):
    """Asks for a user and password until they match; ``user`` holds the result after accept.

    ``switching`` is set when a signed-in user signs out: the title says so and Cancel quits.
    """

    def __init__(
        self,
        users: UserService,
        site_name: str,
        parent: QWidget | None = None,
        *,
        preselect: str = "",
        switching: bool = False,
    ) -> None:
        super().__init__(parent)
        self._users = users
        self.user: StaffUser | None = None
        self.setWindowTitle(
            self.tr("切换用户 — 公开专区工作台") if switching else self.tr("登录 — 公开专区工作台")
        )
        layout = QVBoxLayout(self)
        heading = QLabel(site_name)
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(heading)
        if switching:
            hint = QLabel(self.tr("已退出登录。请选择用户并输入密码；点“退出程序”关闭工作台。"))
            hint.setWordWrap(True)
            layout.addWidget(hint)
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
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("登录"))
        self.ok_button = self.ok  # the name the lockout code uses
        self.cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel.setText(self.tr("退出程序") if switching else self.tr("取消"))
        buttons.accepted.connect(self._try_sign_in)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self._wait_left = 0
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self.choose(preselect or last_user())
        # A user picked from the list (mouse or keys) or typed and confirmed with Enter: go on to
        # the password at once.
        self.name.activated.connect(lambda _i: self._to_password())
        line = self.name.lineEdit()
        if line is not None:
            line.returnPressed.connect(self._to_password)

    def choose(self, name: str) -> None:
        """Select ``name`` in the user box when it is listed (else keep the first user)."""
        index = self.name.findData(name) if name else -1
        if index >= 0:
            self.name.setCurrentIndex(index)
        self.password.setFocus()

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        QTimer.singleShot(0, self._to_password)

    def _to_password(self) -> None:
        self.password.setFocus()
        self.password.selectAll()

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
            self._to_password()
            return
        except GongkaiError as exc:
            self.message.setText(QCoreApplication.translate("Users", str(exc)))
            return
        remember_user(self.user.name)
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
