"""The calendar's second round, offscreen: the month grid's two-line titles and "+N 项", a cancelled
event struck through with 已取消, the occurrence context menu, moving one occurrence, cancelling a
whole event, and the friendly repeat editor (rule built and read back)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.clock import ZONE
from app.events import EventDraft
from tests.ui.conftest import Settle, wait_ready
from ui.calendar.event_dialog import EventDialog
from ui.calendar.grid import wrap_text
from ui.calendar.occurrence_dialog import CancelEventDialog, MoveOccurrenceDialog
from ui.env import UiEnv
from ui.pages.calendar_page import CalendarPage

TITLE = "每周二综合政策辅导（社保、医保、养老服务）"


def at(m: int, d: int, h: int = 9) -> datetime:
    return datetime(2025, m, d, h, tzinfo=ZONE)


def _series(env: UiEnv) -> str:
    draft = EventDraft(
        "policy_counselling", TITLE, at(9, 2), at(9, 2, 11), place="专区", rrule="FREQ=WEEKLY;BYDAY=TU"
    )
    return env.ctx.events.create(env.user, draft).uuid


def _page(qtbot: QtBot, env: UiEnv) -> CalendarPage:
    page = CalendarPage(env)
    qtbot.addWidget(page)
    page.resize(1366, 760)
    page.show()
    qtbot.waitExposed(page)
    settle = Settle(env, qtbot)
    settle()
    page.settle = settle  # type: ignore[attr-defined]
    return page


def test_month_cells_wrap_titles_on_two_lines_and_count_the_overflow(qtbot: QtBot, ui_env: UiEnv) -> None:
    _series(ui_env)
    for h in (13, 14, 15, 16):
        ui_env.ctx.events.create(
            ui_env.user,
            EventDraft("open_day", f"开放日第{h}场", at(10, 7, h), at(10, 7, h).replace(minute=45)),
        )
    page = _page(qtbot, ui_env)
    grid = page.month_view
    grid.grab()
    fm = grid.fontMetrics()
    hit = next(h for h in grid._hits if h.occurrence.start.date() == date(2025, 9, 2))
    # time line + two title lines, more of the title than one elided line ever showed
    assert hit.rect.height() >= 3 * fm.height()
    lines = wrap_text(fm, TITLE, hit.rect.width() - 10, 2)
    assert len(lines) == 2 and len("".join(lines).rstrip("…")) > 8
    more = [d for _, d in grid._more]
    assert more == [date(2025, 10, 7)]  # the crowded day in the grid's last weeks
    rect, day = grid._more[0]
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=rect.center())
    page.settle()  # type: ignore[attr-defined]
    assert page.stack.currentIndex() == 1 and page.anchor == day


def test_wrap_text_keeps_chinese_punctuation_rules(qtbot: QtBot, ui_env: UiEnv) -> None:
    page = _page(qtbot, ui_env)
    fm = page.fontMetrics()
    width = fm.horizontalAdvance("办事流程演示：")
    lines = wrap_text(fm, "办事流程演示：“爱山东”APP办理社保卡", width, 3)
    assert not any(line[-1] in "“（《" for line in lines[:-1])
    assert not any(line[0] in "，。、：”）》" for line in lines[1:])


def test_cancel_a_whole_event_from_the_menu_and_see_it_struck_through(qtbot: QtBot, ui_env: UiEnv) -> None:
    ev = ui_env.ctx.events.create(
        ui_env.user, EventDraft("open_day", "政府开放日", at(10, 15), at(10, 15, 11))
    )
    page = _page(qtbot, ui_env)
    page.open_record(ev.uuid)
    page.settle()  # type: ignore[attr-defined]
    occ = page.selected
    assert occ is not None
    menu = page.occurrence_menu(occ)
    actions = {a.data(): a for a in menu.actions()}
    assert actions["cancel"].isEnabled() and not actions["move"].isEnabled()  # a single event
    dialog = CancelEventDialog(ui_env, ui_env.ctx.events.get(ev.uuid), page)
    qtbot.addWidget(dialog)
    dialog.reason_edit.setPlainText("会议室改造施工，另行通知")
    with qtbot.waitSignal(ui_env.bus.changed):
        dialog._save()
    assert ui_env.ctx.events.get(ev.uuid).status == "cancelled"
    page.open_record(ev.uuid)
    page.settle()  # type: ignore[attr-defined]
    assert "已取消" in page.details.text() and "会议室改造施工" in page.details.text()
    grid = page.month_view
    grid.grab()
    cancelled = next(h for h in grid._hits if h.occurrence.event_uuid == ev.uuid)
    assert cancelled.occurrence.status == "cancelled"
    head, lines = grid._lines(grid.fontMetrics(), cancelled.occurrence, cancelled.rect.width() - 10, 4)
    assert "已取消" in " ".join(lines[:head])
    assert not page.action_buttons["edit"].isEnabled() and not page.action_buttons["cancel"].isEnabled()
    page.stack.setCurrentIndex(2)
    page.reload()
    page.settle()  # type: ignore[attr-defined]
    assert any(o.title == "政府开放日" for o in page.agenda_model.rows())
    assert page.agenda_model.index(0, 3).data().startswith("【已取消】")


def test_move_one_occurrence_from_its_dialog(qtbot: QtBot, ui_env: UiEnv) -> None:
    uuid = _series(ui_env)
    page = _page(qtbot, ui_env)
    occ = next(o for o in page.month_view.occurrences_on(date(2025, 9, 30)))
    page._select(occ)
    page.settle()  # type: ignore[attr-defined]
    menu = page.occurrence_menu(occ)
    assert {a.data() for a in menu.actions() if a.isEnabled()} >= {"move", "skip", "edit"}
    dialog = MoveOccurrenceDialog(ui_env, occ, page)
    qtbot.addWidget(dialog)
    dialog.start_edit.setDate(dialog.start_edit.date().addDays(2))  # Thursday 2 Oct
    dialog.note_edit.setText("国庆假期顺延")
    with qtbot.waitSignal(ui_env.bus.changed):
        dialog._save()
    got = ui_env.ctx.events.occurrences(date(2025, 9, 29), date(2025, 10, 5))
    assert [(o.start, o.moved) for o in got] == [(at(10, 2), True)]
    assert ui_env.ctx.events.get(uuid).overrides[0].note == "国庆假期顺延"


def test_repeat_editor_builds_and_reads_back_the_rule(qtbot: QtBot, ui_env: UiEnv) -> None:
    dialog = EventDialog(ui_env, day=date(2025, 10, 14))
    qtbot.addWidget(dialog)
    wait_ready(qtbot, dialog)
    rec = dialog.recurrence
    assert rec.summary.text() == "只举办一次" and dialog.draft().rrule is None
    rec.kind_box.setCurrentIndex(rec.kind_box.findData("weekly"))
    assert [b.isChecked() for b in rec.day_boxes] == [False, True, False, False, False, False, False]
    rec.day_boxes[3].setChecked(True)
    rec.until_edit.setDate(rec.until_edit.date().fromString("2026-06-30", "yyyy-MM-dd"))
    assert rec.summary.text() == "每周二、四，至2026年6月30日"
    rec.end_box.setCurrentIndex(rec.end_box.findData("count"))
    rec.count_spin.setValue(8)
    assert rec.summary.text() == "每周二、四，共8次"
    dialog.title_edit.setText("医保政策辅导")
    with qtbot.waitSignal(ui_env.bus.changed):
        dialog._save()
    assert dialog.saved_uuid
    assert ui_env.ctx.events.get(dialog.saved_uuid).rrule == "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=8"
    again = EventDialog(ui_env, dialog.saved_uuid)
    qtbot.addWidget(again)
    wait_ready(qtbot, again)
    assert again.recurrence.kind() == "weekly" and again.recurrence.count_spin.value() == 8
    assert again.recurrence.summary.text() == "每周二、四，共8次"


def test_an_imported_rule_the_editor_cannot_show_is_kept(qtbot: QtBot, ui_env: UiEnv) -> None:
    ev = ui_env.ctx.events.create(
        ui_env.user,
        EventDraft(
            "symposium", "双周座谈", at(10, 8), at(10, 8, 10), rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"
        ),
    )
    dialog = EventDialog(ui_env, ev.uuid)
    qtbot.addWidget(dialog)
    wait_ready(qtbot, dialog)
    assert dialog.recurrence.kind() == "kept"
    assert dialog.recurrence.summary.text() == "每2周的周三"
    assert dialog.draft().rrule == "FREQ=WEEKLY;BYDAY=WE;INTERVAL=2"
