"""The posting-period check: a notice's period against its template's legal minimum.

The period runs from ``start`` to ``end``, both days included (a 公示 "自3月16日至3月22日" is 7 days).
Working days are counted with the one working-day engine over the same inclusive span; a span that
touches a year without official holiday data is provisional, never silently wrong.
"""

from __future__ import annotations

from datetime import date, timedelta

from app.notices.templates import UNIT_WORKING
from app.notices.values import PeriodCheck, PeriodRule
from app.workdays import WorkdayCalendar


def check_period(start: date, end: date, rule: PeriodRule | None, calendar: WorkdayCalendar) -> PeriodCheck:
    """How long the period is in the rule's unit, and whether it meets the minimum."""
    if rule is None:
        return PeriodCheck((end - start).days + 1, "calendar", None, "", True, False, None)
    day_before = start - timedelta(days=1)
    if rule.unit == UNIT_WORKING:
        days = calendar.workdays_between(day_before, end)
        earliest = calendar.add(day_before, rule.min_days)
        provisional = earliest.provisional or any(
            not calendar.has_official_data(y) for y in range(start.year, end.year + 1)
        )
        earliest_end = earliest.date
    else:
        days = (end - start).days + 1
        provisional = False
        earliest_end = start + timedelta(days=rule.min_days - 1)
    return PeriodCheck(
        days=days,
        unit=rule.unit,
        min_days=rule.min_days,
        basis=rule.basis,
        ok=days >= rule.min_days,
        provisional=provisional,
        earliest_end=earliest_end,
    )
