"""Settings: an administrator edits the site and manages staff with the real widgets; a clerk reads
the page and is told why it cannot be changed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.errors import AuthenticationError, PermissionDeniedError, StateError
from app.kiosk import KioskService
from app.users import Role
from tests.ui.conftest import Settle
from ui.env import UiEnv
from ui.pages.settings_page import SettingsPage
from ui.staff import AddStaffDialog


def open_page(qtbot: QtBot, env: UiEnv, settle: Settle) -> SettingsPage:
    page = SettingsPage(env)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    qtbot.waitExposed(page)
    settle()
    return page


def audit_actions(env: UiEnv) -> list[str]:
    from sqlalchemy import select

    from db.models import AuditEntry

    with env.ctx.session_factory() as session:
        return list(session.execute(select(AuditEntry.action).order_by(AuditEntry.id)).scalars())


def when_modal(qtbot: QtBot, act: Callable[[QWidget], None]) -> list[QWidget]:
    seen: list[QWidget] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, poll)
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(20, poll)
    return seen


def test_admin_adds_a_staff_member_resets_and_deactivates(
    ui_env: UiEnv, qtbot: QtBot, settle: Settle
) -> None:
    confirmations: list[str] = []
    ui_env.ops.confirmed.connect(confirmations.append)
    page = open_page(qtbot, ui_env, settle)
    assert not page.read_only_note.isVisible()
    assert page.add_user_button.isVisible()

    qtbot.mouseClick(page.add_user_button, Qt.MouseButton.LeftButton)
    dialog = page.add_dialog
    assert isinstance(dialog, AddStaffDialog)
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.name, "zhangsan")
    dialog.display_name.setText("张三")  # QTest types ASCII only
    tick = dialog.role_boxes[Role.FIRST_REVIEWER]
    qtbot.mouseClick(tick, Qt.MouseButton.LeftButton, pos=QPoint(10, tick.height() // 2))
    qtbot.keyClicks(dialog.password, "secret12")
    qtbot.keyClicks(dialog.repeat, "secret13")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert "不一样" in dialog.message.text() and dialog.isVisible()
    qtbot.keyClicks(dialog.repeat, "secret12")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle()
    added = ui_env.ctx.users.get("zhangsan")
    assert added is not None and added.display_name == "张三"
    assert added.roles == frozenset({Role.CLERK, Role.FIRST_REVIEWER})
    assert ui_env.ctx.users.authenticate("zhangsan", "secret12").name == "zhangsan"
    names = [page.user_model.row_at(r).name for r in range(page.user_model.rowCount())]
    assert "zhangsan" in names and "用户已添加" in confirmations

    # Reset the new member's password.
    page.user_view.selectRow(names.index("zhangsan"))
    assert page.reset_password_button.isEnabled()
    qtbot.mouseClick(page.reset_password_button, Qt.MouseButton.LeftButton)
    reset = page.password_dialog
    qtbot.waitExposed(reset)
    qtbot.keyClicks(reset.password, "newpass1")
    qtbot.keyClicks(reset.repeat, "newpass1")
    qtbot.mouseClick(reset.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not reset.isVisible())
    settle()
    assert ui_env.ctx.users.authenticate("zhangsan", "newpass1").name == "zhangsan"

    # Deactivate: asked first, then the account cannot sign in and the list says so.
    def yes(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and "张三" in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    seen = when_modal(qtbot, yes)
    qtbot.mouseClick(page.toggle_user_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen))
    settle()
    with pytest.raises(AuthenticationError):
        ui_env.ctx.users.authenticate("zhangsan", "newpass1")
    row = [page.user_model.row_at(r).name for r in range(page.user_model.rowCount())].index("zhangsan")
    assert "已停用" in page.user_model.index(row, 3).data()
    assert page.toggle_user_button.text().startswith("重新启用")
    staff_actions = [a for a in audit_actions(ui_env) if a != "user.sign_in_failed"]
    assert staff_actions[-3:] == ["user.add", "user.reset_password", "user.deactivate"]


def field_colour(edit: QWidget) -> str:
    """The colour the field is drawn with, inside its frame (at its right end, past any text)."""
    image = edit.grab().toImage()
    return image.pixelColor(image.width() - 6, image.height() // 2).name()


def test_admin_edits_the_site_details(ui_env: UiEnv, qtbot: QtBot, settle: Settle) -> None:
    page = open_page(qtbot, ui_env, settle)
    assert page.site_edits["supervision_phone"].text() == "0531-88123456"
    edit = page.site_edits["zone_location"]
    assert not edit.isReadOnly()
    assert field_colour(edit) == QApplication.palette().base().color().name()  # a field to type in
    edit.setText("唐王街道便民服务中心二楼")
    page.site_edits["supervision_phone"].setText("0531-88000000")
    qtbot.mouseClick(page.save_site, Qt.MouseButton.LeftButton)
    settle()
    site = ui_env.ctx.sites.get()
    assert site is not None and site.zone_location == "唐王街道便民服务中心二楼"
    assert site.supervision_phone == "0531-88000000"
    assert audit_actions(ui_env)[-1] == "site.update"
    assert KioskService(ui_env.ctx).site().supervision_phone == "0531-88000000"  # the kiosk reads it


def test_clerk_reads_the_page_and_is_told_why(ui_env: UiEnv, qtbot: QtBot, settle: Settle) -> None:
    clerk = ui_env.ctx.users.add("clerk", frozenset({Role.CLERK}), "gongkai123", display_name="李办事员")
    env = UiEnv(ui_env.ctx, clerk, ui_env.bus, ui_env.tasks)
    page = open_page(qtbot, env, settle)
    note = page.read_only_note
    assert note.isVisible()
    assert "只能查看" in note.text() and "管理员" in note.text() and "窗口工作人员" in note.text()
    # The values are readable (not greyed), but cannot be changed; no admin buttons are offered.
    assert page.site_edits["zone_location"].isEnabled() and page.site_edits["zone_location"].isReadOnly()
    # ...and do not look like fields to type in: the window's grey, not the white of an input box.
    edit = page.site_edits["zone_location"]
    assert field_colour(edit) == QApplication.palette().window().color().name() != QApplication.palette().base().color().name()
    assert page.site_edits["supervision_phone"].text() == "0531-88123456"
    for button in (page.save_site, page.add_user_button, page.reset_password_button, page.import_button):
        assert not button.isVisible()
    # The rule lives in the services, not in the page.
    with pytest.raises(PermissionDeniedError):
        ui_env.ctx.users.create(clerk, "x1", frozenset({Role.CLERK}), "secret12")
    with pytest.raises(PermissionDeniedError):
        ui_env.ctx.sites.update(clerk, name="x", district="", zone_location="", supervision_phone="")


def test_an_administrator_cannot_deactivate_themselves(ui_env: UiEnv) -> None:
    users, admin = ui_env.ctx.users, ui_env.user
    with pytest.raises(StateError, match="自己"):
        users.set_active(admin, "admin", False)
    other = users.create(admin, "li", frozenset({Role.ADMIN}), "secret12")
    users.set_active(other, "admin", False)
    with pytest.raises(AuthenticationError):
        users.authenticate("admin", "gongkai123")
    users.set_active(other, "admin", True)
    assert users.authenticate("admin", "gongkai123").name == "admin"
