"""Today source for information requests: answers due or overdue, corrections and consultations waiting.

The requests service decides what needs attention (``RequestService.reminders``: the statutory
clock of 条例第三十三条 in working days, the applicant's correction period, the third party's
consultation period); this module words it for the Today list. Titles carry the request number
and what was asked for, never the applicant's name: the task sheet is printed and lies on the counter.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app import messages as m
from app.messages import Label, Message
from app.today.items import Severity, TodayItem, severity_for
from app.users import Role, StaffUser

if TYPE_CHECKING:
    from app.context import AppContext

PAGE = "requests"
_WAITING = {"correction_waiting": "补正期限", "consultation_waiting": "第三方意见期限"}
TITLE_CHARS = 24


def items(ctx: AppContext, user: StaffUser | None, today: date) -> list[TodayItem]:
    reminders = ctx.requests.reminders(today)
    if not reminders:
        return []
    asked = {s.uuid: s.description for s in ctx.requests.list(open_only=True)}
    calendar = ctx.holidays.calendar()
    found: list[TodayItem] = []
    for r in reminders:
        what = asked.get(r.uuid, "").strip().replace("\n", " ")
        if len(what) > TITLE_CHARS:
            what = what[:TITLE_CHARS] + "…"
        severity = severity_for(r.due_on, today, calendar)
        if r.kind in _WAITING:
            # Waiting on the applicant or a third party: the clerk acts once their period has run out.
            act = severity in (Severity.OVERDUE, Severity.DUE_TODAY)
            kind = Label(r.kind_label)
            title = (
                Message.of(m.REQUEST_WAITING_TITLE, kind=kind, number=r.number, what=what)
                if what
                else Message.of(m.REQUEST_WAITING_TITLE_BARE, kind=kind, number=r.number)
            )
            why = Message.of(
                m.REQUEST_WAITING_WHY_ACT if act else m.REQUEST_WAITING_WHY,
                rule=Label(r.rule),
                period=Label(_WAITING[r.kind]),
                due=r.due_on,
            )
            found.append(
                TodayItem.worded(
                    kind=f"request.{r.kind}",
                    record_uuid=r.uuid,
                    page_key=PAGE,
                    title=title,
                    why=why,
                    due=r.due_on,
                    severity=severity if act and severity else Severity.INFO,
                    provisional=r.provisional,
                    role=Role.CLERK,
                    action=act,
                )
            )
            continue
        if r.kind == "overdue":
            severity = Severity.OVERDUE
        found.append(
            TodayItem.worded(
                kind="request.answer_due",
                record_uuid=r.uuid,
                page_key=PAGE,
                title=Message.of(m.REQUEST_ANSWER_TITLE, number=r.number, what=what)
                if what
                else Message.of(m.REQUEST_ANSWER_TITLE_BARE, number=r.number),
                why=Message.of(
                    m.REQUEST_ANSWER_WHY_OVERDUE if r.kind == "overdue" else m.REQUEST_ANSWER_WHY,
                    rule=Label(r.rule),
                    due=r.due_on,
                ),
                due=r.due_on,
                severity=severity or Severity.DUE_SOON,
                provisional=r.provisional,
                role=Role.CLERK,
            )
        )
    return found
