"""The Today page: headline, grouped list, opening records, counts, reminders, the self-assessment tab."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.today import Section, Severity, TodayItem
from app.today.service import TodayService
from app.uow import transaction
from app.users import Role, StaffUser
from ui.env import UiEnv
from ui.pages.today_page import TodayPage
from ui.today.list_model import SectionRow


def source(_ctx: AppContext, _user: StaffUser | None, today: date) -> list[TodayItem]:
    return [
        TodayItem(
            "request.due",
            "req-1",
            "requests",
            "答复张某某的信息公开申请",
            "条例第三十三条：20个工作日内答复",
            date(2025, 9, 22),
            Severity.OVERDUE,
        ),
        TodayItem(
            "notice.take_down",
            "not-1",
            "notices",
            "撤下低保公示",
            "公示期今天结束",
            today,
            Severity.DUE_TODAY,
        ),
        TodayItem(
            "notice.review",
            "not-2",
            "notices",
            "初审：征地预公告",
            "等待初审",
            today,
            Severity.DUE_TODAY,
            role=Role.FIRST_REVIEWER,
        ),
        TodayItem(
            "event.occurrence",
            "ev-1",
            "calendar",
            "政策解读：城乡居民医保",
            "今天 9:30 在专区举行",
            today,
            Severity.INFO,
            section_hint=Section.EVENTS,
            action=False,
        ),
    ]


def _page(qtbot: QtBot, env: UiEnv) -> TodayPage:
    env.ctx.today = TodayService(env.ctx, {"test": source})
    page = TodayPage(env)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.listing is not None)
    env.tasks.wait()
    return page


def test_headline_and_sections_read_top_to_bottom(qtbot: QtBot, ui_env: UiEnv) -> None:
    page = _page(qtbot, ui_env)
    assert page.headline.text() == "今天有 2 件事需要处理，其中 1 件已逾期"
    rows = page.model.rows()
    sections = [r.section for r in rows if isinstance(r, SectionRow)]
    assert sections == [Section.OVERDUE, Section.DUE_TODAY, Section.EVENTS]
    assert page.view.columnSpan(0, 0) == page.model.columnCount()
    # the admin holds no first-reviewer role: the review item is not theirs
    assert "初审：征地预公告" not in [r.title for r in rows if isinstance(r, TodayItem)]


def test_double_click_and_enter_open_the_record(qtbot: QtBot, ui_env: UiEnv) -> None:
    page = _page(qtbot, ui_env)
    with qtbot.waitSignal(ui_env.bus.navigate) as blocker:
        page._on_view_activated(page.proxy.index(1, 0))
    assert blocker.args == ["requests", "req-1"]
    page.view.setCurrentIndex(page.proxy.index(3, 0))
    with qtbot.waitSignal(ui_env.bus.navigate) as blocker:
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert blocker.args == ["notices", "not-1"]
    with qtbot.assertNotEmitted(ui_env.bus.navigate):
        page._on_view_activated(page.proxy.index(0, 0))  # a section row opens nothing


def test_counts_go_to_the_navigation(qtbot: QtBot, ui_env: UiEnv) -> None:
    page = _page(qtbot, ui_env)
    seen = ui_env.ctx.today.badges(ui_env.user, ["today", "requests", "notices", "catalogue", "calendar"])
    assert seen["today"] == len(page.listing.actionable)
    assert seen["requests"] == 1 and seen["notices"] == 1 and seen["today"] == 2
    assert seen["catalogue"] == 0 and seen["calendar"] == 0  # events are for information


def test_reminder_banner_once_a_day(qtbot: QtBot, ui_env: UiEnv) -> None:
    page = _page(qtbot, ui_env)
    qtbot.waitUntil(lambda: not page.banner.isHidden())
    assert "新到期 2 件事项" in page.banner_text.text()
    page.banner.hide()
    page.remind()
    ui_env.tasks.wait()
    qtbot.wait(50)
    assert page.banner.isHidden()


def test_assessment_tab_shows_the_sheet_and_the_trend(qtbot: QtBot, ui_env: UiEnv, tmp_path: Path) -> None:
    with transaction(ui_env.ctx.session_factory) as session:
        ui_env.ctx.today.assessment.seed_defaults(session)
    page = _page(qtbot, ui_env)
    page.show()
    page.tabs.setCurrentIndex(1)
    view = page.assessment
    qtbot.waitUntil(lambda: view._sheet is not None)
    assert view.score_model.rowCount() == len(ui_env.ctx.today.assessment.criteria())
    assert "2025年9月" in view.total.text()
    assert len(view.chart._points) == 12
    page.resize(1200, 800)
    assert not page.grab().isNull()
