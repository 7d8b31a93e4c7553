"""Today items: severity across holidays, ordering, role filtering, the foundation's holiday source."""

from __future__ import annotations

from datetime import date, datetime

from app.clock import FixedClock
from app.context import AppContext
from app.today.items import Section, Severity, TodayItem, severity_for, sort_key
from app.today.service import TodayService
from app.users import Role, StaffUser
from app.workdays import HolidayYear, WorkdayCalendar

CAL = WorkdayCalendar.bundled()


def item(
    title: str, severity: Severity, due: date | None, role: Role | None = None, **kw: object
) -> TodayItem:
    return TodayItem(
        kind=str(kw.get("kind", "test.item")),
        record_uuid=f"uuid-{title}",
        page_key=str(kw.get("page", "catalogue")),
        title=title,
        why="规则",
        due=due,
        severity=severity,
        role=role,
        action=bool(kw.get("action", True)),
    )


def test_severity_counts_working_days_across_national_day() -> None:
    """2025-09-26 (Fri): the 3 working days are 9/28 (make-up Sunday), 9/29, 9/30; 10/1–10/8 are off."""
    today = date(2025, 9, 26)
    assert severity_for(date(2025, 9, 25), today, CAL) is Severity.OVERDUE
    assert severity_for(today, today, CAL) is Severity.DUE_TODAY
    assert severity_for(date(2025, 9, 30), today, CAL) is Severity.DUE_SOON
    assert severity_for(date(2025, 10, 9), today, CAL) is None


def test_a_deadline_nine_calendar_days_after_the_holiday_is_due_soon() -> None:
    """On 9/30 the next working days are 10/9, 10/10 and 10/11 (a make-up Saturday)."""
    today = date(2025, 9, 30)
    assert severity_for(date(2025, 10, 11), today, CAL) is Severity.DUE_SOON
    assert severity_for(date(2025, 10, 13), today, CAL) is None


def test_items_sort_by_severity_then_due_date() -> None:
    rows = [
        item("c", Severity.DUE_SOON, date(2025, 9, 29)),
        item("a", Severity.OVERDUE, date(2025, 9, 20)),
        item("i", Severity.INFO, None),
        item("b", Severity.OVERDUE, date(2025, 9, 10)),
        item("t", Severity.DUE_TODAY, date(2025, 9, 26)),
    ]
    assert [r.title for r in sorted(rows, key=sort_key)] == ["b", "a", "t", "c", "i"]


def test_events_and_sync_have_their_own_sections() -> None:
    assert item("x", Severity.INFO, None).section is Section.OTHER
    assert (
        TodayItem(
            "event.occurrence", "u", "calendar", "t", "w", None, Severity.INFO, section_hint=Section.EVENTS
        ).section
        is Section.EVENTS
    )
    assert item("o", Severity.OVERDUE, date(2025, 9, 1)).section is Section.OVERDUE


def _user(*roles: Role) -> StaffUser:
    return StaffUser(1, "u", "someone", "", frozenset(roles))


def test_role_filtering_keeps_items_for_the_users_roles(ctx: AppContext) -> None:
    def source(_ctx: AppContext, _user: StaffUser | None, today: date) -> list[TodayItem]:
        return [
            item("first", Severity.DUE_TODAY, today, Role.FIRST_REVIEWER),
            item("second", Severity.DUE_TODAY, today, Role.SECOND_REVIEWER),
            item("everyone", Severity.DUE_SOON, today, None),
        ]

    service = TodayService(ctx, {"test": source})
    assert [i.title for i in service.items(_user(Role.FIRST_REVIEWER))] == ["first", "everyone"]
    assert [i.title for i in service.items(_user(Role.SECOND_REVIEWER))] == ["second", "everyone"]
    assert len(service.items(None)) == 3


def test_headline_counts_and_page_counts(ctx: AppContext) -> None:
    today = ctx.clock.today()

    def source(_ctx: AppContext, _user: StaffUser | None, day: date) -> list[TodayItem]:
        return [
            item("a", Severity.OVERDUE, date(2025, 9, 1), page="requests"),
            item("b", Severity.DUE_TODAY, day, page="notices"),
            item("c", Severity.DUE_SOON, date(2025, 9, 30), page="notices"),
            item("d", Severity.INFO, None, page="calendar", action=False),
        ]

    listing = TodayService(ctx, {"test": source}).list(None)
    assert listing.day == today
    assert listing.headline() == "今天有 3 件事需要处理，其中 1 件已逾期"
    assert listing.counts_by_page(["catalogue", "notices"]) == {"catalogue": 0, "notices": 2, "requests": 1}
    assert [s for s, _ in listing.by_section()] == [
        Section.OVERDUE,
        Section.DUE_TODAY,
        Section.DUE_SOON,
        Section.OTHER,
    ]


def test_empty_day_headline(ctx: AppContext) -> None:
    assert TodayService(ctx, {}).list(None).headline() == "今天没有需要处理的事项"


def test_holiday_source_quiet_when_data_is_loaded(ctx: AppContext) -> None:
    """2025-09-26: 2025 has official data and November has not come."""
    assert [i for i in ctx.today.items(None) if i.kind == "holidays.missing"] == []


def test_next_years_holidays_are_asked_for_from_november_until_loaded(
    ctx: AppContext, clock: FixedClock
) -> None:
    clock.set(datetime(2026, 11, 2, 9, 0))
    found = [i for i in ctx.today.items(None) if i.kind == "holidays.missing"]
    assert [(i.title, i.severity, i.role) for i in found] == [
        ("载入 2027 年法定节假日安排", Severity.INFO, Role.ADMIN)
    ]
    assert ctx.today.items(_user(Role.CLERK)) == []
    year = HolidayYear(2027, {date(2027, 1, 1): "元旦"}, {}, source="import:test")
    ctx.holidays.store_years([year], actor="test", source="import:test")
    assert [i for i in ctx.today.items(None) if i.kind == "holidays.missing"] == []


def test_a_year_without_data_is_due_today_for_the_admin(ctx: AppContext, clock: FixedClock) -> None:
    clock.set(datetime(2027, 1, 4, 9, 0))
    found = [i for i in ctx.today.items(_user(Role.ADMIN)) if i.kind == "holidays.missing"]
    assert found[0].severity is Severity.DUE_TODAY and found[0].page_key == "settings"


def test_task_sheet_pdf_lists_the_days_items(ctx: AppContext) -> None:
    import io

    from pypdf import PdfReader

    def source(_ctx: AppContext, _user: StaffUser | None, today: date) -> list[TodayItem]:
        return [
            TodayItem(
                "t.x",
                "u1",
                "requests",
                "答复张某某的申请",
                "条例第三十三条",
                date(2025, 9, 30),
                Severity.DUE_SOON,
                provisional=True,
            )
        ]

    pdf = TodayService(ctx, {"test": source}).task_sheet_pdf(None)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).replace("\n", "")
    assert "答复张某某的申请" in text and "9月30日（周二）（暂定）" in text and "2025年9月26日" in text
