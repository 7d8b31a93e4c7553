"""Events on the Today list and in the self-assessment, through the real calendar service."""

from __future__ import annotations

import math
import random
from datetime import date, datetime, timedelta

import pytest

from app.clock import ZONE, FixedClock
from app.context import AppContext
from app.events import ClosingReport, EventDraft, Suggestion
from app.today.assessment.methods.events import adoption_on_time, events_against_targets
from app.today.assessment.period import Month
from app.today.items import Section, Severity
from app.users import Role, StaffUser


def at(y: int, m: int, d: int, h: int = 9, mi: int = 0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=ZONE)


@pytest.fixture
def admin(ctx: AppContext) -> StaffUser:
    return ctx.users.add("admin", frozenset({Role.ADMIN, Role.CLERK}), "gongkai123")


def draft(**kw: object) -> EventDraft:
    base: dict[str, object] = {
        "type_key": "policy_interpretation",
        "title": "老旧小区改造政策解读",
        "start": at(2025, 9, 22, 15),
        "end": at(2025, 9, 22, 16, 30),
        "place": "三楼会议室",
    }
    base.update(kw)
    return EventDraft(**base)  # type: ignore[arg-type]


def of_kind(ctx: AppContext, user: StaffUser, kind: str) -> list:
    return [i for i in ctx.today.items(user) if i.kind == kind]


def test_this_weeks_events_are_listed_for_information(ctx: AppContext, admin: StaffUser) -> None:
    ctx.events.create(admin, draft(title="周六开放日", start=at(2025, 9, 27), end=at(2025, 9, 27, 11)))
    ctx.events.create(admin, draft(title="下周解读", start=at(2025, 9, 29), end=at(2025, 9, 29, 11)))
    (item,) = of_kind(ctx, admin, "event.occurrence")
    assert item.title.endswith("周六开放日") and item.section is Section.EVENTS and not item.actionable
    assert (
        "09:00–11:00" in item.why
        and ctx.today.list(admin).headline() == "今天没有到期的事项，本周有 1 场活动"
    )


def test_closing_report_is_overdue_the_day_after_next_and_gone_when_written(
    ctx: AppContext, admin: StaffUser
) -> None:
    ev = ctx.events.create(admin, draft(start=at(2025, 9, 24), end=at(2025, 9, 24, 11)))
    (item,) = of_kind(ctx, admin, "event.closing_report")
    assert (item.severity, item.due) == (Severity.OVERDUE, date(2025, 9, 25))
    ctx.events.close(admin, ev.uuid, ClosingReport(attendance=12))
    assert of_kind(ctx, admin, "event.closing_report") == []


def test_adoption_report_deadline_across_national_day(
    ctx: AppContext, admin: StaffUser, clock: FixedClock
) -> None:
    """Held 22 Sep: 10 working days end Sat 11 Oct (调休上班)."""
    ev = ctx.events.create(admin, draft())
    ctx.events.close(
        admin, ev.uuid, ClosingReport(attendance=30, suggestions=(Suggestion("保留消防通道", "adopted"),))
    )
    (item,) = of_kind(ctx, admin, "event.adoption_report")
    assert (item.severity, item.due, item.actionable) == (Severity.INFO, date(2025, 10, 11), True)
    clock.set(datetime(2025, 10, 9, 9, 0))  # 9, 10, 11 Oct are the next three working days
    assert of_kind(ctx, admin, "event.adoption_report")[0].severity is Severity.DUE_SOON
    ctx.events.publish_adoption(admin, ev.uuid)
    assert of_kind(ctx, admin, "event.adoption_report") == []


def test_targets_figure_matches_an_independent_count(ctx: AppContext, admin: StaffUser) -> None:
    rng = random.Random(5)
    ctx.events.set_target(admin, 2025, "policy_interpretation", 10)
    ctx.events.set_target(admin, 2025, "procedure_demonstration", 3)
    held = {"policy_interpretation": 0, "procedure_demonstration": 0}
    for k in range(12):
        kind = rng.choice(list(held))
        day = date(2025, 1, 6) + timedelta(days=rng.randrange(0, 260))
        ev = ctx.events.create(
            admin,
            draft(
                type_key=kind,
                title=f"活动{k}",
                start=at(day.year, day.month, day.day),
                end=at(day.year, day.month, day.day, 11),
            ),
        )
        if day < date(2025, 9, 26) and rng.random() < 0.7:
            ctx.events.mark_held(admin, ev.uuid)
            if day <= Month(2025, 8).end:
                held[kind] += 1
    month = Month(2025, 8)
    expected = {
        k: math.ceil(t * 8 / 12) for k, t in (("policy_interpretation", 10), ("procedure_demonstration", 3))
    }
    figure = events_against_targets(ctx, month)
    assert figure.denominator == sum(expected.values())
    assert figure.numerator == sum(min(held[k], expected[k]) for k in held)
    assert events_against_targets(ctx, Month(2024, 8)).denominator == 0  # no targets that year


def test_adoption_on_time_matches_an_independent_count(
    ctx: AppContext, admin: StaffUser, clock: FixedClock
) -> None:
    rng = random.Random(11)
    calendar = ctx.holidays.calendar()
    expected_ok = expected_all = 0
    for k in range(8):
        held = date(2025, 8, 1) + timedelta(days=rng.randrange(0, 40))
        clock.set(at(held.year, held.month, held.day, 8))
        ev = ctx.events.create(
            admin,
            draft(
                title=f"解读{k}",
                start=at(held.year, held.month, held.day),
                end=at(held.year, held.month, held.day, 11),
            ),
        )
        clock.set(at(held.year, held.month, held.day, 18))
        ctx.events.close(
            admin, ev.uuid, ClosingReport(attendance=5, suggestions=(Suggestion("建议", "adopted"),))
        )
        due = calendar.add(held, 10).date
        if rng.random() < 0.8:
            published = held + timedelta(days=rng.randrange(1, 25))
            clock.set(at(published.year, published.month, published.day, 10))
            ctx.events.publish_adoption(admin, ev.uuid)
            if Month(2025, 9).contains(published):
                expected_all += 1
                expected_ok += published <= due
        elif Month(2025, 9).contains(due):
            expected_all += 1
    clock.set(datetime(2025, 11, 3, 9, 0))
    figure = adoption_on_time(ctx, Month(2025, 9))
    assert expected_all > 2
    assert (figure.numerator, figure.denominator) == (expected_ok, expected_all)
