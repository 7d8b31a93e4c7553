"""Signing in, signing out and switching user in one process, by clicking the real widgets."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.users import Role
from ui.dialogs.sign_in import SignInDialog, last_user
from ui.main_window import MainWindow
from ui.session import StaffSession
from ui.tasks import TaskRunner


@pytest.fixture
def session(ctx: AppContext, qapp: QApplication) -> Iterator[StaffSession]:
    ctx.users.add("clerk", frozenset({Role.CLERK}), "gongkai123", display_name="李文书")
    ctx.users.add("reviewer1", frozenset({Role.FIRST_REVIEWER}), "gongkai123", display_name="张初审")
    tasks = TaskRunner()
    s = StaffSession(ctx, tasks)
    yield s
    if s.window is not None:
        s.window.signing_out = True
        s.window.close()
    if s.dialog is not None:
        s.dialog.close()
    tasks.wait()


def sign_in(qtbot: QtBot, dialog: SignInDialog, password: str) -> None:
    qtbot.waitUntil(lambda: dialog.password.hasFocus() or not dialog.isActiveWindow(), timeout=3000)
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)


def test_sign_in_switch_user_and_cancel(qtbot: QtBot, session: StaffSession) -> None:
    dialog = session.start("clerk")
    assert dialog.name.currentData() == "clerk"
    sign_in(qtbot, dialog, "wrong")
    assert session.window is None and "错误" in dialog.message.text()
    dialog.password.clear()
    sign_in(qtbot, dialog, "gongkai123")
    qtbot.waitUntil(lambda: session.window is not None, timeout=3000)
    first = session.window
    assert isinstance(first, MainWindow) and "李文书" in first.user_label.text()
    assert last_user() == "clerk"

    # Ctrl+L signs out; the same process shows the sign-in again with the last user proposed.
    first.activateWindow()
    qtbot.mouseClick(first.switch_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.dialog is not None, timeout=3000)
    again = session.dialog
    assert again is not None and session.window is None and not first.isVisible()
    assert again.name.currentData() == "clerk" and again.cancel.text() == "退出程序"
    # Choosing another user moves the focus to the password box.
    index = again.name.findData("reviewer1")
    again.name.setCurrentIndex(index)
    again.name.activated.emit(index)
    assert again.password.hasFocus() or not again.isActiveWindow()
    sign_in(qtbot, again, "gongkai123")
    qtbot.waitUntil(lambda: session.window is not None, timeout=3000)
    second = session.window
    assert second is not first and "张初审" in second.user_label.text()
    assert second.env.user.roles == frozenset({Role.FIRST_REVIEWER})
    assert second.sign_out_action.shortcut().toString() == "Ctrl+L"

    # Cancelling the sign-in after signing out ends the program.
    ended: list[bool] = []
    session.ended.connect(lambda: ended.append(True))
    second.sign_out_action.trigger()
    qtbot.waitUntil(lambda: session.dialog is not None, timeout=3000)
    assert session.dialog is not None
    qtbot.mouseClick(session.dialog.cancel, Qt.MouseButton.LeftButton)
    assert ended == [True] and session.window is None


def test_closing_the_window_ends_the_program(qtbot: QtBot, session: StaffSession) -> None:
    ended: list[bool] = []
    session.ended.connect(lambda: ended.append(True))
    dialog = session.start()
    index = dialog.name.findData("reviewer1")
    dialog.name.setCurrentIndex(index)
    sign_in(qtbot, dialog, "gongkai123")
    qtbot.waitUntil(lambda: session.window is not None, timeout=3000)
    assert session.window is not None
    session.window.close()
    assert ended == [True]


def test_last_user_is_proposed(qtbot: QtBot, session: StaffSession, ctx: AppContext) -> None:
    from ui.dialogs.sign_in import remember_user

    remember_user("reviewer1")
    dialog = SignInDialog(ctx.users, "站点")
    qtbot.addWidget(dialog)
    assert dialog.name.currentData() == "reviewer1"
    named = SignInDialog(ctx.users, "站点", preselect="clerk")
    qtbot.addWidget(named)
    assert named.name.currentData() == "clerk"


def test_command_line_user_option() -> None:
    from app.cli.main import build_parser

    args = build_parser().parse_args(["--user", "reviewer1"])
    assert args.gui_user == "reviewer1" and args.command is None
