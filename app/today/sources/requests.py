"""Today source for information requests: answers due or overdue, corrections and consultations waiting.

The requests service decides what needs attention (``RequestService.reminders``: the statutory
clock of 条例第三十三条 in working days, the applicant's correction period, the third party's
consultation period); this module words it for the Today list. Titles carry the request number
and what was asked for, never the applicant's name: the task sheet is printed and lies on the counter.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.today.items import Severity, TodayItem, date_text, severity_for
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
            title = f"{r.kind_label}：{r.number}" + (f" {what}" if what else "")
            why = f"{r.rule}；{_WAITING[r.kind]} {date_text(r.due_on)}" + ("，请跟进" if act else "")
            found.append(
                TodayItem(
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
            TodayItem(
                kind="request.answer_due",
                record_uuid=r.uuid,
                page_key=PAGE,
                title=f"答复申请 {r.number}" + (f"：{what}" if what else ""),
                why=f"{r.rule}；答复期限 {date_text(r.due_on)}" + ("，已超期" if r.kind == "overdue" else ""),
                due=r.due_on,
                severity=severity or Severity.DUE_SOON,
                provisional=r.provisional,
                role=Role.CLERK,
            )
        )
    return found
