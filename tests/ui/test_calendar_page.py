"""The calendar page and its dialogs, offscreen: month view shows expanded occurrences, clicking one
shows its details, the event dialog saves a series and warns about a taken room."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.clock import ZONE
from app.events import EventDraft
from tests.ui.conftest import Settle, wait_ready
from ui.calendar.dialogs import ClosingDialog, RegistrationsDialog
from ui.calendar.event_dialog import EventDialog
from ui.env import UiEnv
from ui.pages.calendar_page import CalendarPage


def _series(env: UiEnv) -> str:
    return env.ctx.events.create(
        env.user,
        EventDraft(
            "policy_counselling",
            "每周二综合政策辅导",
            datetime(2025, 9, 2, 9, tzinfo=ZONE),
            datetime(2025, 9, 2, 11, tzinfo=ZONE),
            place="专区",
            rrule="FREQ=WEEKLY;BYDAY=TU",
        ),
    ).uuid


def test_month_view_shows_each_occurrence_and_selects_on_click(
    qtbot: QtBot, ui_env: UiEnv, settle: Settle
) -> None:
    uuid = _series(ui_env)
    page = CalendarPage(ui_env)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    qtbot.waitExposed(page)
    settle()
    grid = page.month_view
    assert page.period_label.text() == "2025年9月"
    tuesdays = [d for d in (date(2025, 9, n) for n in range(1, 31)) if grid.occurrences_on(d)]
    assert [d.day for d in tuesdays] == [2, 9, 16, 23, 30]
    grid.grab()  # paints, which lays out the clickable lines
    hit = grid._hits[0]
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=hit.rect.center())
    settle()
    assert page.selected is not None and page.selected.event_uuid == uuid
    assert "每周二综合政策辅导" in page.details.text() and "每周二" in page.details.text()
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    settle()
    assert page.period_label.text() == "2025年10月"


def test_counts_and_type_filter(qtbot: QtBot, ui_env: UiEnv, settle: Settle) -> None:
    _series(ui_env)
    page = CalendarPage(ui_env)
    qtbot.addWidget(page)
    settle()
    page.type_filter.setCurrentIndex(page.type_filter.findData("open_day"))
    settle()
    assert page.month_view.occurrences_on(date(2025, 9, 2)) == []
    assert ui_env.ctx.today.needs_action(ui_env.user, "calendar") == 0


def test_event_dialog_creates_a_monthly_series(qtbot: QtBot, ui_env: UiEnv) -> None:
    dialog = EventDialog(ui_env, day=date(2025, 11, 13))
    qtbot.addWidget(dialog)
    wait_ready(qtbot, dialog)
    dialog.type_box.setCurrentIndex(dialog.type_box.findData("procedure_demonstration"))
    dialog.title_edit.setText("办事流程演示")
    rec = dialog.recurrence
    rec.kind_box.setCurrentIndex(rec.kind_box.findData("monthly"))
    assert rec.summary.text() == "每月第2个周四，至2025年12月31日"
    with qtbot.waitSignal(ui_env.bus.changed):
        dialog._save()
    assert dialog.saved_uuid
    occ = ui_env.ctx.events.occurrences(date(2025, 11, 1), date(2026, 1, 31))
    assert [o.start.date() for o in occ] == [date(2025, 11, 13), date(2025, 12, 11)]  # until 31 Dec


def test_event_dialog_warns_about_the_same_room(qtbot: QtBot, ui_env: UiEnv) -> None:
    _series(ui_env)
    dialog = EventDialog(ui_env, day=date(2025, 9, 30))
    qtbot.addWidget(dialog)
    wait_ready(qtbot, dialog)
    dialog.place_edit.setText("专区")  # the room is checked on the read pool
    qtbot.waitUntil(lambda: not dialog.conflict_label.isHidden())
    assert "每周二综合政策辅导" in dialog.conflict_label.text()
    dialog.place_edit.setText("三楼会议室")
    qtbot.waitUntil(dialog.conflict_label.isHidden)


def test_registrations_dialog_and_closing_dialog(qtbot: QtBot, ui_env: UiEnv, settle: Settle) -> None:
    ev = ui_env.ctx.events.create(
        ui_env.user,
        EventDraft(
            "open_day",
            "开放日",
            datetime(2025, 9, 25, 9, tzinfo=ZONE),
            datetime(2025, 9, 25, 11, tzinfo=ZONE),
            capacity=1,
        ),
    )
    regs = RegistrationsDialog(ui_env, ev.uuid)
    qtbot.addWidget(regs)
    for name in ("张桂兰", "李建华"):
        regs.name_edit.setText(name)
        regs.phone_edit.setText("13905318842")
        regs._add()
    settle()
    assert [r.status for r in regs.model.rows()] == ["registered", "waiting"]
    assert "候补 1" in regs.summary.text()
    closing = ClosingDialog(ui_env, ui_env.ctx.events.get(ev.uuid))
    qtbot.addWidget(closing)
    closing._add_suggestion(closing_suggestion())
    closing.attendance.setValue(12)
    closing._save()
    settle()
    assert ui_env.ctx.events.get(ev.uuid).status == "closed"


def closing_suggestion():  # type: ignore[no-untyped-def]
    from app.events import Suggestion

    return Suggestion("保留消防通道", "adopted")


def test_open_record_jumps_to_the_event(qtbot: QtBot, ui_env: UiEnv, settle: Settle) -> None:
    ev = ui_env.ctx.events.create(
        ui_env.user,
        EventDraft(
            "open_day", "开放日", datetime(2026, 3, 5, 9, tzinfo=ZONE), datetime(2026, 3, 5, 11, tzinfo=ZONE)
        ),
    )
    page = CalendarPage(ui_env)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    page.open_record(ev.uuid)
    settle()
    assert page.period_label.text() == "2026年3月"
    assert page.selected is not None and page.selected.event_uuid == ev.uuid
