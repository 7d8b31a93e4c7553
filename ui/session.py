"""One signed-in session after another in the same process: sign in, sign out, switch user.

``StaffSession`` shows the sign-in dialog (non-modal to the event loop, so tests and the window
stay responsive), builds a ``MainWindow`` for the user who signed in, and when that window asks to
sign out (Ctrl+L, 文件 → 退出登录/切换用户) closes it and shows the sign-in again. Every sign-in
gets a new window with its own bus, so every page is rebuilt for the new user's roles; the task
runner (the one writer thread and the read pool) and the services are kept, which is why
switching takes a moment instead of a restart. Cancelling the sign-in ends the program.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog

from app.context import AppContext
from app.users import StaffUser
from ui.bus import DataBus
from ui.dialogs.sign_in import SignInDialog
from ui.env import UiEnv
from ui.main_window import MainWindow
from ui.tasks import TaskRunner


class StaffSession(QObject):
    """Owns the sign-in dialog and the staff window of whoever is signed in."""

    signed_in = Signal(object)  # the MainWindow just shown
    ended = Signal()  # the sign-in was cancelled: the program ends

    def __init__(
        self,
        ctx: AppContext,
        tasks: TaskRunner,
        *,
        before_window: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self._ctx = ctx
        self._tasks = tasks
        self._before_window = before_window
        self.dialog: SignInDialog | None = None
        self.window: MainWindow | None = None

    def start(self, preselect: str = "", *, switching: bool = False) -> SignInDialog:
        """Show the sign-in dialog; the window follows when it is accepted."""
        site = self._ctx.sites.get()
        dialog = SignInDialog(
            self._ctx.users, site.name if site else "", preselect=preselect, switching=switching
        )
        self.dialog = dialog
        dialog.finished.connect(lambda result: self._finished(dialog, result))
        dialog.show()
        dialog.activateWindow()
        return dialog

    def _finished(self, dialog: SignInDialog, result: int) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted or dialog.user is None:
            self.ended.emit()
            return
        self._open_window(dialog.user)

    def _open_window(self, user: StaffUser) -> None:
        if self._before_window is not None:
            self._before_window()
            self._before_window = None
        window = MainWindow(UiEnv(self._ctx, user, DataBus(), self._tasks))
        window.sign_out_requested.connect(self.sign_out)
        window.closed.connect(lambda signing_out: None if signing_out else self.ended.emit())
        self.window = window
        window.show()
        self.signed_in.emit(window)

    def sign_out(self) -> None:
        """Close the signed-in window and ask who is next (the last user is proposed)."""
        window = self.window
        if window is None:
            return
        name = window.user_name
        window.signing_out = True
        if not window.close():
            window.signing_out = False  # the window may refuse (e.g. a write still running)
            return
        self.window = None
        window.deleteLater()
        self.start(name, switching=True)


def end_when_cancelled(session: StaffSession, app: QApplication) -> None:
    """Quit the event loop when the window is closed or the sign-in cancelled, not in between (the
    window closes before the next sign-in dialog shows, so "last window closed" would quit)."""
    app.setQuitOnLastWindowClosed(False)
    session.ended.connect(app.quit)
