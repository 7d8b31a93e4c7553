"""Today source for the working-day engine: deadlines that would be provisional for lack of data.

Rule: every deadline comes from the holiday calendar; a year without official data is counted with
weekends only and marked provisional (docs/ARCHITECTURE.md). The State Council usually publishes
the next year's schedule in November, so from 1 November the admin is reminded to import it (or
to sync, which brings it from the city platform) until it is loaded.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app import messages as m
from app.messages import Message
from app.today.items import Severity, TodayItem
from app.users import Role, StaffUser

if TYPE_CHECKING:
    from app.context import AppContext

#: From this month on, next year's schedule is expected (国务院办公厅 notices appear in November).
NEXT_YEAR_EXPECTED_FROM_MONTH = 11


def items(ctx: AppContext, user: StaffUser | None, today: date) -> list[TodayItem]:
    calendar = ctx.holidays.calendar()
    found: list[TodayItem] = []
    years = [today.year]
    if today.month >= NEXT_YEAR_EXPECTED_FROM_MONTH:
        years.append(today.year + 1)
    for year in years:
        if calendar.has_official_data(year):
            continue
        found.append(
            TodayItem.worded(
                kind="holidays.missing",
                record_uuid="",
                page_key="settings",
                title=Message.of(m.HOLIDAYS_TITLE, year=year),
                why=Message.of(m.HOLIDAYS_WHY, year=year),
                due=None,
                severity=Severity.DUE_TODAY if year == today.year else Severity.INFO,
                role=Role.ADMIN,
            )
        )
    return found
