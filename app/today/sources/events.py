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

from app.clock import ZONE
from app.today.items import Section, Severity, TodayItem, date_text, severity_for
from app.users import Role, StaffUser

if TYPE_CHECKING:
    from app.context import AppContext

PAGE = "calendar"
CLOSING_REPORT_WORKDAYS = 1


def _when(start: datetime, end: datetime, today: date) -> str:
    s, e = start.astimezone(ZONE), end.astimezone(ZONE)
    day = "今天" if s.date() == today else date_text(s.date())
    return f"{day} {s:%H:%M}–{e:%H:%M}"


def items(ctx: AppContext, user: StaffUser | None, today: date) -> list[TodayItem]:
    events = ctx.events
    calendar = ctx.holidays.calendar()
    found: list[TodayItem] = []
    sunday = today + timedelta(days=6 - today.weekday())
    for occ in events.occurrences(today, sunday):
        if occ.end.astimezone(ZONE).date() < today:
            continue
        found.append(
            TodayItem(
                kind="event.occurrence",
                record_uuid=occ.event_uuid,
                page_key=PAGE,
                title=f"{occ.type_label}：{occ.title}",
                why=f"{_when(occ.start, occ.end, today)}，地点：{occ.place or '未填写'}",
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
            TodayItem(
                kind="event.closing_report",
                record_uuid=ev.uuid,
                page_key=PAGE,
                title=f"填写活动总结：{ev.title}",
                why=(
                    f"活动已于 {date_text(ended)} 结束，请在下一个工作日 {date_text(due.date)} 前填写出席人数、"
                    "问答和收集到的意见建议"
                ),
                due=due.date,
                severity=severity_for(due.date, today, calendar) or Severity.DUE_SOON,
                provisional=due.provisional,
                role=Role.CLERK,
            )
        )
    for a in events.adoption_due(today):
        found.append(
            TodayItem(
                kind="event.adoption_report",
                record_uuid=a.event_uuid,
                page_key=PAGE,
                title=f"公开意见采纳情况：{a.title}",
                why=(
                    f"收集到 {a.suggestions} 条意见建议，须在 {date_text(a.start_date)} 起 {a.days} 个工作日内"
                    f"公开收集和采纳情况（要点二(二)），期限 {date_text(a.due)}"
                ),
                due=a.due,
                severity=severity_for(a.due, today, calendar) or Severity.INFO,
                provisional=a.provisional,
                role=Role.ADMIN,
            )
        )
    return found
