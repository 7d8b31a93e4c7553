"""From events to printable data: the poster, the sign-in sheet and the adoption report.

This is where masking happens before anything reaches ``printing``: the poster and the adoption
report are public (masked like the sync payload); the sign-in sheet is used by staff at the door, so
names print in full (people look for their own name) but phone numbers print masked (the sheet lies
open on a table where everyone signing can read it; the last four digits are enough to tell two
people of the same name apart).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from app.clock import ZONE
from app.events.recurrence import Moved, describe_rule, expand
from app.events.rows import PUBLIC_MASKER, adoption_report
from app.events.values import EventValue, RegistrationValue
from app.sites import SiteInfo
from app.workdays import WEEKDAY_NAMES
from printing.events import AdoptionReportData, SignInSheetData
from printing.poster import Poster

__all__ = ["adoption_data", "format_span", "poster_data", "sign_in_data", "spoken_span", "when_lines"]


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


def spoken_time(t: datetime) -> str:
    """9:30 -> 上午9:30, 14:00 -> 下午2:00, 12:15 -> 中午12:15, 19:00 -> 晚上7:00 (as people say it)."""
    t = t.astimezone(ZONE)
    h, m = t.hour, t.minute
    if h < 12:
        return f"上午{h}:{m:02d}"
    if h == 12:
        return f"中午12:{m:02d}"
    return f"{'下午' if h < 18 else '晚上'}{h - 12}:{m:02d}"


def spoken_span(start: datetime, end: datetime) -> str:
    """上午9:00—11:00 (the half of the day said once), 上午9:00—下午3:00 across noon."""
    a, b = spoken_time(start), spoken_time(end)
    if a[:2] == b[:2]:
        return f"{a}—{b[2:]}"
    return f"{a}—{b}"


def spoken_date(d: date, today: date) -> str:
    """12月16日（周三）; the year is named only when it is not this year."""
    year = "" if d.year == today.year else f"{d.year}年"
    return f"{year}{d.month}月{d.day}日（{WEEKDAY_NAMES[d.weekday()]}）"


def when_lines(ev: EventValue, today: date) -> tuple[str, ...]:
    """The when of a poster, one fact a line: the day and time; for a series its rule, its next
    dates and its range ("每周二 上午9:00—11:00" / "近期：12月15日、12月22日、12月29日" / "2026年10月13日至12月29日")."""
    s, e = ev.start.astimezone(ZONE), ev.end.astimezone(ZONE)
    if not ev.rrule:
        if s.date() == e.date():
            return (f"{spoken_date(s.date(), today)} {spoken_span(s, e)}",)
        return (
            f"{spoken_date(s.date(), today)}{spoken_time(s)}",
            f"至{spoken_date(e.date(), today)}{spoken_time(e)}",
        )
    # The rule without its end ("每周二，至…" / "，共10次"): the range has a line of its own.
    lines = [f"{describe_rule(ev.rrule).split('，')[0]} {spoken_span(s, e)}"]
    lo = datetime.combine(max(today, s.date()), time(0), ZONE)
    moved = {o.recurrence_id: Moved(o.start, o.end, o.place) for o in ev.overrides}
    upcoming = expand(
        ev.start, ev.end, ev.rrule, lo, lo + timedelta(days=800), exdates=ev.exdates, moved=moved
    )
    if upcoming:
        nxt = "、".join(f"{i.start.month}月{i.start.day}日" for i in upcoming[:3])
        lines.append(f"近期：{nxt}")
        last = upcoming[-1].start.date()
        first = s.date()
        if upcoming[-1].start < lo + timedelta(days=790):  # the series ends
            end_text = (
                f"{last.month}月{last.day}日"
                if last.year == first.year
                else f"{last.year}年{last.month}月{last.day}日"
            )
            lines.append(f"{first.year}年{first.month}月{first.day}日至{end_text}")
        else:
            lines.append(f"自{first.year}年{first.month}月{first.day}日起")
    return tuple(lines)


def poster_data(ev: EventValue, site: SiteInfo | None, today: date, *, size: str = "A4") -> Poster:
    """The board poster of ``ev``: masked like the sync payload, times as people say them."""
    m = PUBLIC_MASKER
    how = ""
    if ev.capacity is not None:
        left = max(ev.capacity - ev.registered, 0)
        how = (
            f"报名：名额{ev.capacity}人，尚余{left}个，请到政务公开专区窗口或扫码报名。"
            if left
            else f"报名：名额{ev.capacity}人已满，可到政务公开专区窗口登记候补。"
        )
    else:
        how = "参加方式：无需报名，请直接到场。"
    extra = []
    if ev.host:
        extra.append(f"主办：{m.mask(ev.host)}")
    if ev.speakers:
        extra.append("主讲：" + "、".join(m.mask(x) for x in ev.speakers))
    zone_location = site.zone_location if site else ""
    return Poster(
        kind=ev.type_label + (f" · {ev.series}" if ev.series else ""),
        title=m.mask(ev.title),
        when=when_lines(ev, today),
        where=(m.mask(ev.place or zone_location),),
        qr_url=ev.public_url,
        qr_caption="手机扫码查看活动详情、在线报名" if ev.capacity is not None else "手机扫码查看活动详情",
        who=f"面向：{m.mask(ev.audience)}" if ev.audience else "",
        how=how,
        note=m.mask(ev.description),
        extra=tuple(extra),
        zone=f"{site.name}政务公开专区" if site else "",
        address=zone_location,
        supervision_phone=site.supervision_phone if site else "",
        issuer=site.name if site else "",
        size="A3" if size == "A3" else "A4",
        meta_subject="活动海报",
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
