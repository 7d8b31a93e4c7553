"""Read side of the requests service: ORM rows turned into the frozen values the UI and CLI get.

Pure functions of a row and a ``ReadContext`` (the rule figures, the calendar and today), so the
service computes each list with one context and the clock of every row the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.privacy import Masker
from app.requests import clock, fees
from app.requests.masking import mask_id, mask_phone
from app.requests.rules import OPEN_STATES, TRANSITIONS
from app.requests.values import ClockRule, Consultation, Contact, Reminder, RequestDetail, RequestSummary
from app.workdays import WorkdayCalendar
from db.models import InfoRequest

_masker = Masker()


@dataclass(frozen=True)
class ReadContext:
    """What every computation on a row needs: rule figures (and their text), the calendar, today."""

    days: dict[str, int]
    rules: dict[str, ClockRule]
    cal: WorkdayCalendar
    today: date


def clock_of(row: InfoRequest, cx: ReadContext) -> clock.ClockResult:
    """The row's clock: start, pauses (an open consultation runs to today), extension."""
    today, days, cal = cx.today, cx.days, cx.cal
    spans = []
    for c in row.consultations:
        end = c.ended_on if c.ended_on is not None else max(today, c.started_on)
        spans.append(clock.PauseSpan(c.started_on, end, f"征求{c.party}意见", open=c.ended_on is None))
    note = ""
    if row.status == "correction_requested":
        note = (
            f"已于 {row.correction_requested_on} 通知补正：答复期限暂不计算，"
            "自收到补正材料之日起重新计算（条例第三十条）；下列日期为假设今日收到补正时的截止日"
        )
    start = row.clock_start_on if row.status != "correction_requested" else max(today, row.received_on)
    return clock.compute(
        cal,
        received_on=row.received_on,
        channel=row.channel,
        answer_days=days["answer_days"],
        clock_start_on=start,
        extension_days=row.extension_days,
        pauses=tuple(spans),
        correction_note=note,
    )


def summary(row: InfoRequest, c: clock.ClockResult, cx: ReadContext) -> RequestSummary:
    """The list value of a row, identity number and phone masked."""
    cal, today = cx.cal, cx.today
    running = row.status in OPEN_STATES
    due_on = c.due_on if row.status != "correction_requested" else None
    days_left = cal.workdays_between(today, c.due_on) if running else None
    if days_left is not None and c.due_on < today:
        days_left = min(days_left, -1)
    return RequestSummary(
        uuid=row.uuid,
        number=row.number,
        status=row.status,
        channel=row.channel,
        received_on=row.received_on,
        applicant_kind=row.applicant_kind,
        applicant_name=row.applicant_name,
        id_masked=mask_id(row.id_number),
        phone_masked=mask_phone(row.phone),
        description=_masker.mask(row.description),
        due_on=due_on,
        provisional=c.provisional,
        paused_now=c.paused_now,
        correction_due_on=row.correction_due_on,
        extension_days=row.extension_days,
        answer_type=row.answer_type,
        answered_on=row.answered_on,
        days_left=days_left,
    )


def detail(session: Session, row: InfoRequest, cx: ReadContext) -> RequestDetail:
    """Everything about a row for the staff window (the contact originals included)."""
    days, cal = cx.days, cx.cal
    c = clock_of(row, cx)
    actions = tuple((to, edge.action) for (frm, to), edge in TRANSITIONS.items() if frm == row.status)
    consultations = tuple(
        Consultation(
            x.uuid,
            x.party,
            x.reason,
            x.started_on,
            x.ended_on,
            cal.add(x.started_on, days["consultation_days"]).date,
            x.outcome,
        )
        for x in row.consultations
    )
    return RequestDetail(
        summary=summary(row, c, cx),
        contact=Contact(row.contact_person, row.id_number, row.phone, row.address, row.email),
        arrived_on=row.arrived_on,
        confirmed_on=row.confirmed_on,
        form=row.form,
        delivery=row.delivery,
        correction_notice_due_on=cal.add(row.received_on, days["correction_notice_days"]).date,
        correction_requested_on=row.correction_requested_on,
        correction_items=row.correction_items,
        correction_received_on=row.correction_received_on,
        extension_reason=row.extension_reason,
        extension_approver=row.extension_approver,
        extended_on=row.extended_on,
        answer_note=row.answer_note,
        answered_by=row.answered_by,
        pages=row.pages,
        fee_yuan=row.fee_yuan,
        fee=fees.quote(nth_in_month(session, row), row.pages),
        archived_on=row.archived_on,
        consultations=consultations,
        clock=c,
        next_actions=actions,
    )


def nth_in_month(session: Session, row: InfoRequest) -> int:
    """Which application of this applicant in the receipt month this is (fees, 按件)."""
    who = (
        InfoRequest.id_number == row.id_number
        if row.id_number
        else InfoRequest.applicant_name == row.applicant_name
    )
    first = row.received_on.replace(day=1)
    q = select(func.count(InfoRequest.id)).where(
        who,
        InfoRequest.received_on >= first,
        (InfoRequest.received_on < row.received_on)
        | ((InfoRequest.received_on == row.received_on) & (InfoRequest.id <= row.id)),
    )
    return int(session.execute(q).scalar() or 1)


def reminders_of(row: InfoRequest, cx: ReadContext) -> list[Reminder]:
    """The reminders one open row raises today."""
    today, days, rules, cal = cx.today, cx.days, cx.rules, cx.cal

    def make(kind: str, rule: str, due_on: date, provisional: bool) -> Reminder:
        return Reminder(row.uuid, row.number, kind, rules[rule].basis, due_on, provisional)

    if row.status == "correction_requested":
        if row.correction_due_on is None:
            return []
        return [make("correction_waiting", "applicant_correction_days", row.correction_due_on, False)]
    out = []
    for cons in row.consultations:
        if cons.ended_on is None:
            res = cal.add(cons.started_on, days["consultation_days"])
            out.append(make("consultation_waiting", "consultation_days", res.date, res.provisional))
    due = clock_of(row, cx)
    if due.due_on < today:
        out.append(make("overdue", "answer_days", due.due_on, due.provisional))
    elif cal.workdays_between(today, due.due_on) <= days["reminder_days"]:
        out.append(make("due_soon", "answer_days", due.due_on, due.provisional))
    return out
