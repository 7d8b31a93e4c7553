"""Reminder summaries: news once a day per user, again when an item's severity changes."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from app.clock import ZONE
from app.context import AppContext
from app.errors import InputError
from app.today.items import Severity, TodayItem, severity_for
from app.today.reminders import next_reminder, parse_reminder_time
from app.today.service import TodayService
from app.users import StaffUser

DUE = date(2025, 9, 30)


def source(ctx: AppContext, _user: StaffUser | None, today: date) -> list[TodayItem]:
    severity = severity_for(DUE, today, ctx.holidays.calendar())
    if severity is None:
        return []
    return [TodayItem("test.due", "rec-1", "requests", "答复申请", "规则", DUE, severity)]


def test_same_item_is_announced_once_a_day(ctx: AppContext) -> None:
    service = TodayService(ctx, {"test": source})
    first = service.reminders.announce(None, date(2025, 9, 26))
    assert [i.title for i in first.items] == ["答复申请"]
    assert "3个工作日内到期 1 件" in first.text
    again = service.reminders.announce(None, date(2025, 9, 26))
    assert again.items == ()
    assert again.text == "自上次提醒以来没有新到期的事项。"


def test_an_item_that_becomes_due_today_is_news_again(ctx: AppContext) -> None:
    service = TodayService(ctx, {"test": source})
    service.reminders.announce(None, date(2025, 9, 29))
    news = service.reminders.announce(None, date(2025, 9, 30))
    assert [i.severity for i in news.items] == [Severity.DUE_TODAY]


def test_each_user_gets_their_own_summary(ctx: AppContext) -> None:
    service = TodayService(ctx, {"test": source})
    a = StaffUser(1, "a", "a", "", frozenset())
    b = StaffUser(2, "b", "b", "", frozenset())
    assert len(service.reminders.announce(a, date(2025, 9, 26)).items) == 1
    assert len(service.reminders.announce(b, date(2025, 9, 26)).items) == 1


def test_reminder_time_parsing_and_next_instant() -> None:
    assert parse_reminder_time("08:30") == time(8, 30)
    with pytest.raises(InputError, match="reminder_time"):
        parse_reminder_time("8点半")
    now = datetime(2025, 9, 26, 9, 0, tzinfo=ZONE)
    assert next_reminder(now, time(8, 30)) == datetime(2025, 9, 27, 8, 30, tzinfo=ZONE)
    assert next_reminder(now, time(17, 0)) == datetime(2025, 9, 26, 17, 0, tzinfo=ZONE)
