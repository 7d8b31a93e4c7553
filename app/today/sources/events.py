"""Today source for the event calendar: this week's events, closing reports and adoption reports due.

Rules:
- Events today and for the rest of this week (to Sunday) are listed for information, so the clerk
  can prepare the zone; they are not "things to do".
- A held event's closing report (attendance, questions, suggestions) is expected by the working day
  after it ended (``CLOSING_REPORT_WORKDAYS``, a site practice, not law).
- How public input was adopted must be published within N working days of the policy's release
  (2023 Jinan key points 二(二): 10 working days); the calendar computes that deadline.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from app import messages as m
from app.clock import ZONE
from app.messages import Label, Message
from app.today.items import Section, Severity, TodayItem, severity_for
from app.users import Role, StaffUser

if TYPE_CHECKING:
    from app.context import AppContext

PAGE = "calendar"
CLOSING_REPORT_WORKDAYS = 1


def _when(start: datetime, end: datetime, today: date, place: str) -> Message:
    s, e = start.astimezone(ZONE), end.astimezone(ZONE)
    where = place or Label("未填写")
    if s.date() == today:
        return Message.of(m.EVENT_WHEN_TODAY, start=f"{s:%H:%M}", end=f"{e:%H:%M}", place=where)
    return Message.of(m.EVENT_WHEN, day=s.date(), start=f"{s:%H:%M}", end=f"{e:%H:%M}", place=where)


def items(ctx: AppContext, user: StaffUser | None, today: date) -> list[TodayItem]:
    events = ctx.events
    calendar = ctx.holidays.calendar()
    found: list[TodayItem] = []
    sunday = today + timedelta(days=6 - today.weekday())
    for occ in events.occurrences(today, sunday):
        if occ.end.astimezone(ZONE).date() < today:
            continue
        found.append(
            TodayItem.worded(
                kind="event.occurrence",
                record_uuid=occ.event_uuid,
                page_key=PAGE,
                title=Message.of(m.EVENT_TITLE, type=Label(occ.type_label), title=occ.title),
                why=_when(occ.start, occ.end, today, occ.place),
                due=occ.start.astimezone(ZONE).date(),
                severity=Severity.INFO,
                section_hint=Section.EVENTS,
                action=False,
            )
        )
    for ev in events.closing_reports_due(today):
        ended = ev.end.astimezone(ZONE).date()
        due = calendar.add(ended, CLOSING_REPORT_WORKDAYS)
        found.append(
            TodayItem.worded(
                kind="event.closing_report",
                record_uuid=ev.uuid,
                page_key=PAGE,
                title=Message.of(m.EVENT_CLOSING_TITLE, title=ev.title),
                why=Message.of(m.EVENT_CLOSING_WHY, ended=ended, due=due.date),
                due=due.date,
                severity=severity_for(due.date, today, calendar) or Severity.DUE_SOON,
                provisional=due.provisional,
                role=Role.CLERK,
            )
        )
    for a in events.adoption_due(today):
        found.append(
            TodayItem.worded(
                kind="event.adoption_report",
                record_uuid=a.event_uuid,
                page_key=PAGE,
                title=Message.of(m.EVENT_ADOPTION_TITLE, title=a.title),
                why=Message.of(
                    m.EVENT_ADOPTION_WHY, n=a.suggestions, start=a.start_date, days=a.days, due=a.due
                ),
                due=a.due,
                severity=severity_for(a.due, today, calendar) or Severity.INFO,
                provisional=a.provisional,
                role=Role.ADMIN,
            )
        )
    return found
