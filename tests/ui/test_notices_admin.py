"""The notices page's admin dialogs, offscreen: boards added and taken out of use, and a template's
legal minimum posting period corrected (both audited by the service)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.users import Role
from tests.ui.conftest import Settle
from ui.env import UiEnv
from ui.notices.admin import BoardsDialog, PeriodRulesDialog
from ui.pages.notices_page import NoticesPage


def test_boards_dialog_adds_and_deactivates(
    ui_env: UiEnv, qtbot: QtBot, qtmodeltester: object, settle: Settle
) -> None:
    page = NoticesPage(ui_env)
    qtbot.addWidget(page)
    assert not page.boards_button.isHidden() and not page.periods_button.isHidden()
    dialog = BoardsDialog(ui_env, page)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("东唐村村务公开栏")
    dialog.village_edit.setText("东唐村")
    dialog.location_edit.setText("村委会大院南墙")
    with qtbot.waitSignal(ui_env.bus.changed):
        dialog._add()
    settle()
    qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]
    board = dialog.selected()
    assert board is not None and board.name == "东唐村村务公开栏" and board.active
    assert dialog.toggle_button.text() == "停用所选公开栏"
    dialog._toggle()
    settle()
    assert ui_env.ctx.notices.boards() == []
    assert dialog.model.index(0, 4).data() == "已停用"
    assert dialog.toggle_button.text() == "重新启用所选公开栏"
    dialog._toggle()
    settle()
    assert [b.name for b in ui_env.ctx.notices.boards()] == ["东唐村村务公开栏"]


def test_period_rules_dialog_corrects_a_minimum(ui_env: UiEnv, qtbot: QtBot, settle: Settle) -> None:
    ctx = ui_env.ctx
    with ctx.session_factory() as session, session.begin():
        ctx.notices.seed_period_rules(session)
    dialog = PeriodRulesDialog(ui_env)
    qtbot.addWidget(dialog)
    settle()
    assert dialog.model.rowCount() == len(ctx.notices.templates())
    dialog.select("dibao")
    assert dialog.days.value() == 7 and dialog.unit_box.currentData() == "calendar"
    dialog.days.setValue(10)
    dialog.unit_box.setCurrentIndex(dialog.unit_box.findData("working"))
    dialog.basis_edit.setPlainText("本市低保实施细则第十二条")
    with qtbot.waitSignal(ui_env.bus.changed):
        dialog._save()
    settle()
    rule = {r.template: r for r in ctx.notices.period_rules()}["dibao"]
    assert (rule.min_days, rule.unit, rule.basis, rule.updated_by) == (
        10,
        "working",
        "本市低保实施细则第十二条",
        "admin",
    )
    row = dialog.selected()
    assert row is not None and row.minimum_text == "10 个工作日"


def test_admin_buttons_hidden_from_clerks(ui_env: UiEnv, qtbot: QtBot) -> None:
    from ui.env import UiEnv as Env

    clerk = ui_env.ctx.users.add("clerk", frozenset({Role.CLERK}), "gongkai123")
    page = NoticesPage(Env(ui_env.ctx, clerk, ui_env.bus, ui_env.tasks))
    qtbot.addWidget(page)
    assert page.boards_button.isHidden() and page.periods_button.isHidden()
