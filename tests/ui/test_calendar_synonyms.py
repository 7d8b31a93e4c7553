"""The event-type synonym dialog on the calendar page: an administrator adds, changes and removes
names with the real buttons and saves them on the writer thread; a clerk sees the table read-only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.errors import GongkaiError
from app.users import Role
from ui.calendar.synonyms import SynonymDialog
from ui.env import UiEnv
from ui.pages.calendar_page import CalendarPage


def open_dialog(qtbot: QtBot, env: UiEnv) -> SynonymDialog:
    page = CalendarPage(env)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert page.synonyms_button.isVisible()
    qtbot.mouseClick(page.synonyms_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: getattr(page, "synonym_dialog", None) is not None and page.synonym_dialog.isVisible()
    )
    return page.synonym_dialog


def click_row(qtbot: QtBot, dialog: SynonymDialog, name: str) -> None:
    row = [p[0] for p in dialog.pairs()].index(name)
    index = dialog.model.index(row, 0)
    dialog.view.scrollTo(index)
    qtbot.mouseClick(
        dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=dialog.view.visualRect(index).center()
    )


def pick_type(dialog: SynonymDialog, key: str) -> None:
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(key))


def test_admin_adds_changes_and_removes_names(
    qtbot: QtBot, ui_env: UiEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    before = dict(ui_env.ctx.events.synonyms())
    assert before["开放日活动"] == "open_day"
    dialog = open_dialog(qtbot, ui_env)
    assert dialog.form.isVisible() and dialog.save_button is not None
    # The type column shows the type's label, not its key.
    row = [p[0] for p in dialog.pairs()].index("开放日活动")
    assert dialog.model.index(row, 1).data() == "政府开放日/开放月"

    dialog.name_edit.setText("开放日体验")  # QTest types ASCII only
    pick_type(dialog, "open_day")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert ("开放日体验", "open_day") in dialog.pairs()

    # Adding a name that is already there is refused in the dialog, with the way to change it.
    dialog.name_edit.setText("政策宣讲")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "修改所选" in dialog.message.text()
    assert [p[0] for p in dialog.pairs()].count("政策宣讲") == 1

    click_row(qtbot, dialog, "政策宣讲")
    assert dialog.name_edit.text() == "政策宣讲"  # the selected row fills the form
    pick_type(dialog, "policy_counselling")
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    click_row(qtbot, dialog, "开放日活动")
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert "开放日活动" not in [p[0] for p in dialog.pairs()]

    assert dialog.save_button is not None
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    after = dict(ui_env.ctx.events.synonyms())
    assert after["开放日体验"] == "open_day"
    assert after["政策宣讲"] == "policy_counselling"
    assert "开放日活动" not in after
    assert len(after) == len(before)
    assert shown and str(len(after)) in shown[-1]


def test_clerk_sees_the_table_read_only(qtbot: QtBot, ui_env: UiEnv) -> None:
    clerk = ui_env.ctx.users.add("clerk", frozenset({Role.CLERK}), "gongkai123", display_name="李办事员")
    env = UiEnv(ui_env.ctx, clerk, ui_env.bus, ui_env.tasks)
    assert not ui_env.ctx.events.may_edit_synonyms(clerk)
    dialog = open_dialog(qtbot, env)
    assert dialog.pairs() == list(ui_env.ctx.events.synonyms())
    assert not dialog.form.isVisible() and dialog.save_button is None
    assert "只有管理员可以修改" in dialog.findChildren(type(dialog.message))[0].text()
    with pytest.raises(GongkaiError):
        ui_env.ctx.events.set_synonyms(clerk, [("开放日", "open_day")])
    dialog.buttons.button(dialog.buttons.StandardButton.Close).click()
    assert not dialog.isVisible()


def test_escape_asks_before_discarding_an_edited_table(qtbot: QtBot, ui_env: UiEnv) -> None:
    from tests.ui.test_posting_and_discard import when_modal

    dialog = open_dialog(qtbot, ui_env)
    click_row(qtbot, dialog, "政策宣讲")  # selecting only fills the form: nothing to lose
    assert not dialog.has_changes()
    dialog.name_edit.setText("开放日体验")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    asked: list[str] = []

    def keep_editing(box: object) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.windowTitle())
        (button,) = [b for b in box.buttons() if b.text() == "继续编辑"]
        button.click()

    seen = when_modal(qtbot, keep_editing)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert seen and asked == ["放弃修改？"] and dialog.isVisible()
