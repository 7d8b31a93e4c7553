"""Catalogue items on the Today list and in the self-assessment, through the real catalogue service."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest

from app.clock import FixedClock
from app.context import AppContext
from app.today.assessment.methods.catalogue import catalogue_on_time
from app.today.assessment.period import Month
from app.today.items import Severity

CHANNEL = "社区/企事业单位/村公示栏(电子屏)"


@pytest.fixture
def seeded(ctx: AppContext) -> AppContext:
    ctx.catalogue.seed_bundled(actor="test")
    return ctx


def test_an_overdue_quarterly_item_appears_until_disclosed(seeded: AppContext, clock: FixedClock) -> None:
    ctx = seeded
    clock.set(datetime(2025, 10, 17, 9, 0))
    quarterly = next(i for i in ctx.catalogue.items() if i.rule.get("kind") == "quarterly")
    found = [i for i in ctx.today.items(None) if i.record_uuid == quarterly.uuid]
    assert [(i.kind, i.severity, i.due, i.page_key) for i in found] == [
        ("catalogue.disclosure_due", Severity.OVERDUE, date(2025, 7, 20), "catalogue")
    ]
    assert "每季度首月 20 日前公布" in found[0].why
    ctx.catalogue.record_disclosure(quarterly.uuid, on=date(2025, 10, 17), channel=CHANNEL, actor="clerk")
    assert [i for i in ctx.today.items(None) if i.record_uuid == quarterly.uuid] == []


def independent_deadline(rule: dict, changed_on: date, calendar: object) -> tuple[date, date] | None:
    """(window opens, deadline) of the deadline falling in October 2025, computed by hand."""
    kind = rule.get("kind")
    if kind == "quarterly":
        return date(2025, 7, rule["day"] + 1), date(2025, 10, rule["day"])
    if kind == "workdays":
        deadline = calendar.add(changed_on, rule["n"]).date  # type: ignore[attr-defined]
    elif kind == "days":
        deadline = changed_on + timedelta(days=rule["n"])
    else:
        return None
    return (changed_on, deadline) if deadline.month == 10 else None


def test_on_time_figure_matches_an_independent_count(seeded: AppContext, clock: FixedClock) -> None:
    ctx = seeded
    rng = random.Random(3)
    calendar = ctx.holidays.calendar()
    clock.set(datetime(2025, 11, 5, 9, 0))
    expected_ok = expected_all = 0
    for item in ctx.catalogue.items():
        window = independent_deadline(item.rule, item.changed_on, calendar)
        days = []
        if rng.random() < 0.5:
            days.append(date(2025, 7, 1) + timedelta(days=rng.randrange(0, 120)))
        for day in days:
            ctx.catalogue.record_disclosure(item.uuid, on=day, channel=CHANNEL, actor="clerk")
        if window is not None:
            opens, deadline = window
            expected_all += 1
            expected_ok += any(opens <= d <= deadline for d in days)
    figure = catalogue_on_time(ctx, Month(2025, 10))
    assert expected_all > 20 and 0 < expected_ok < expected_all
    assert (figure.numerator, figure.denominator) == (expected_ok, expected_all)
