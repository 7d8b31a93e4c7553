"""From events to printable data: the poster, the sign-in sheet and the adoption report.

This is where masking happens before anything reaches ``printing``: the poster and the adoption
report are public (masked like the sync payload); the sign-in sheet is used by staff at the door, so
names print in full (people look for their own name) but phone numbers print masked (the sheet lies
open on a table where everyone signing can read it; the last four digits are enough to tell two
people of the same name apart).
"""

from __future__ import annotations

from datetime import datetime

from app.clock import ZONE
from app.events.recurrence import describe_rule
from app.events.rows import PUBLIC_MASKER, adoption_report
from app.events.values import EventValue, RegistrationValue
from app.workdays import WEEKDAY_NAMES
from printing.events import AdoptionReportData, PosterData, SignInSheetData

__all__ = ["adoption_data", "format_span", "poster_data", "sign_in_data"]


def format_span(start: datetime, end: datetime) -> str:
    """2025年10月14日（周二）9:00—11:00 (end date named when it differs)."""
    s, e = start.astimezone(ZONE), end.astimezone(ZONE)
    head = f"{s.year}年{s.month}月{s.day}日（{WEEKDAY_NAMES[s.weekday()]}）{s:%H:%M}"
    if e.date() == s.date():
        return f"{head}—{e:%H:%M}"
    return f"{head}—{e.month}月{e.day}日 {e:%H:%M}"


def _when(ev: EventValue) -> str:
    if not ev.rrule:
        return format_span(ev.start, ev.end)
    s, e = ev.start, ev.end
    return f"{describe_rule(ev.rrule)} {s:%H:%M}—{e:%H:%M}（自{s.year}年{s.month}月{s.day}日起）"


def poster_data(ev: EventValue, issuer: str, zone_location: str = "") -> PosterData:
    m = PUBLIC_MASKER
    registration = ""
    if ev.capacity is not None:
        left = max(ev.capacity - ev.registered, 0)
        registration = (
            f"报名：名额 {ev.capacity} 人，尚余 {left} 个，请到政务公开专区窗口报名。"
            if left
            else f"报名：名额 {ev.capacity} 人已满，可到政务公开专区窗口登记候补。"
        )
    return PosterData(
        title=m.mask(ev.title),
        type_label=ev.type_label,
        when=_when(ev),
        place=m.mask(ev.place or zone_location),
        url=ev.public_url,
        host=m.mask(ev.host),
        speakers=tuple(m.mask(s) for s in ev.speakers),
        audience=m.mask(ev.audience),
        description=m.mask(ev.description),
        registration=registration,
        series=ev.series,
        issuer=issuer,
        footer=issuer or None,
    )


def sign_in_data(ev: EventValue, registrations: list[RegistrationValue]) -> SignInSheetData:
    rows = [
        (r.name, r.masked_phone, r.role, r.checked_in_at.strftime("%H:%M") if r.checked_in_at else "")
        for r in registrations
        if r.status == "registered"
    ]
    waiting = sum(1 for r in registrations if r.status == "waiting")
    note = f"另有候补 {waiting} 人：有人取消时按报名先后递补。" if waiting else ""
    return SignInSheetData(title=ev.title, when=_when(ev), place=ev.place, rows=rows, note=note)


def adoption_data(ev: EventValue, issuer: str, date_text: str, *, draft: bool) -> AdoptionReportData:
    report = adoption_report(ev)
    attendance = f"，参加 {ev.attendance} 人" if ev.attendance is not None else ""
    line = (
        f"{format_span(ev.start, ev.end)}，我们在{PUBLIC_MASKER.mask(ev.place) or '政务公开专区'}举办了"
        f"“{PUBLIC_MASKER.mask(ev.title)}”（{ev.type_label}）{attendance}，共收到意见建议 {len(ev.suggestions)} 条。"
        "现将意见建议的吸收采纳情况公开如下。"
    )
    return AdoptionReportData(
        title=f"“{PUBLIC_MASKER.mask(ev.title)}”意见建议采纳情况",
        event_line=line,
        summary=report["summary"],
        suggestions=[(s["content"], s["outcome_label"], s["reason"]) for s in report["suggestions"]],
        qa=[(q["question"], q["answer"]) for q in report["qa"]],
        issuer=issuer,
        date_text=date_text,
        url=ev.public_url,
        draft=draft,
    )
