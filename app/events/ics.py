"""iCalendar (RFC 5545) in and out, with the ``icalendar`` package; no database.

Export: one VEVENT per event (RRULE, EXDATE) plus one per moved occurrence (RECURRENCE-ID), times
with TZID=Asia/Shanghai and a VTIMEZONE, UID kept, and URL = the event's page on the city platform
(Decidim #11994: exported entries without a link back were useless). Our own fields travel as
``X-GONGKAI-*`` properties so a file exported here imports back to the same events; registrations
never leave (personal data).

All-day events are written and read as ``VALUE=DATE`` (DTEND the day after the last day, RFC 5545
§3.6.1), so calendar apps show a day, not a 24-hour block. A subscription file (``build_public``) is
what a phone subscribes to: the zone's events only, masked, without our own fields or registrations.

Import: ``parse`` checks the whole file first and raises one ``InputError`` listing every problem with
its line number, so a broken file imports nothing. Files exported by calendar apps carry VTIMEZONE,
VALARM and ATTENDEE components and lines: time zones are honoured, alarms and attendees ignored
(an attendee is a person: personal data never enters the zone's calendar from a file). CATEGORIES
names are read through the admin's synonym table; an unknown one becomes 其他活动 with a note.
Limits (docs/limits.md): at most ``MAX_EVENTS`` events per file, sub-daily rules refused. icalendar is lenient (it records a bad value and
carries on), so a small scanner walks the unfolded content lines to know which line each property
came from and to catch broken structure (a line without ``:``, BEGIN/END that do not pair).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from icalendar import Calendar, vRecur
from icalendar import Event as VEvent

from app.clock import ZONE
from app.errors import InputError, LimitError
from app.events.recurrence import normalise_rule
from app.events.values import EventValue, OverrideValue
from app.policies.links import PolicyLink, clean_links

PRODID = "-//Gongkai//公开专区工作台//ZH"
#: The most VEVENTs (series and moved occurrences together) one file may hold.
MAX_EVENTS = 5000
#: The most bytes a calendar file may have.
MAX_BYTES = 10 * 1024 * 1024
_CONTENT_LINE = re.compile(r'^[A-Za-z0-9-]+(?:;(?:[^:"]|"[^"]*")*)?:')
_MULTI = ("X-GONGKAI-SPEAKER", "X-GONGKAI-INVITED", "X-GONGKAI-CATALOGUE-ITEM", "X-GONGKAI-POLICY")


@dataclass
class ParsedOverride:
    recurrence_id: datetime
    start: datetime
    end: datetime
    place: str
    note: str = ""


@dataclass
class ParsedEvent:
    """One master VEVENT (and its moved occurrences) as field values ready for the service."""

    uid: str
    line: int
    type_key: str
    type_label: str
    title: str
    description: str
    place: str
    start: datetime
    end: datetime
    rrule: str | None
    exdates: tuple[datetime, ...]
    host: str
    speakers: tuple[str, ...]
    audience: str
    capacity: int | None
    invited_roles: tuple[str, ...]
    series: str
    catalogue_item_uuids: tuple[str, ...]
    policy_links: tuple[PolicyLink, ...]
    adoption_days: int
    overrides: list[ParsedOverride] = field(default_factory=list)
    all_day: bool = False
    note: str = ""


# -- export ------------------------------------------------------------------------------------------


def build(events: Sequence[EventValue], *, dtstamp: datetime, calendar_name: str = "") -> bytes:
    """The .ics bytes for ``events`` (deterministic for a given ``dtstamp``)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if calendar_name:
        cal.add("x-wr-calname", calendar_name)
    cal.add("x-wr-timezone", "Asia/Shanghai")
    for ev in events:
        cal.add_component(_master(ev, dtstamp))
        for ov in ev.overrides:
            cal.add_component(_moved(ev, ov, dtstamp, ev.title, ov.place or ev.place, ov.note))
    cal.add_missing_timezones()
    return cal.to_ical()


def _when(ev: EventValue, instant: datetime) -> date | datetime:
    """A time as written: the local date for an all-day event (VALUE=DATE), else Shanghai time."""
    local = instant.astimezone(ZONE)
    return local.date() if ev.all_day else local


def _moved(ev: EventValue, ov: OverrideValue, dtstamp: datetime, title: str, place: str, note: str) -> VEvent:
    v = VEvent()
    v.add("uid", ev.ical_uid)
    v.add("dtstamp", dtstamp)
    v.add("recurrence-id", _when(ev, ov.recurrence_id))
    v.add("dtstart", _when(ev, ov.start))
    v.add("dtend", _when(ev, ov.end))
    v.add("summary", title)
    if place:
        v.add("location", place)
    if note:
        v.add("x-gongkai-note", note)
    v.add("url", ev.public_url)
    return v


def build_public(
    events: Sequence[EventValue], *, dtstamp: datetime, calendar_name: str, mask: Callable[[str], str]
) -> bytes:
    """The subscription file a phone's calendar imports: the zone's events, every text masked.

    No X-GONGKAI-* fields (hosts, invited roles and linked records are staff matters), no
    registrations; a cancelled event stays, marked CANCELLED, so a subscriber sees it called off.
    """
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", calendar_name)
    cal.add("x-wr-timezone", "Asia/Shanghai")
    # How often a subscribing calendar should fetch the file again (RFC 7986 §5.7; Outlook's name).
    cal.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    for ev in events:
        v = VEvent()
        v.add("uid", ev.ical_uid)
        v.add("dtstamp", dtstamp)
        v.add("dtstart", _when(ev, ev.start))
        v.add("dtend", _when(ev, ev.end))
        v.add("summary", mask(ev.title))
        if ev.description:
            v.add("description", mask(ev.description))
        if ev.place:
            v.add("location", mask(ev.place))
        v.add("url", ev.public_url)
        v.add("categories", [ev.type_label])
        if ev.status == "cancelled":
            v.add("status", "CANCELLED")
        if ev.rrule:
            v.add("rrule", _recur(_rule_for(ev)))
        if ev.exdates:
            v.add("exdate", [_when(ev, d) for d in ev.exdates])
        cal.add_component(v)
        for ov in ev.overrides:
            cal.add_component(_moved(ev, ov, dtstamp, mask(ev.title), mask(ov.place or ev.place), ""))
    cal.add_missing_timezones()
    return cal.to_ical()


def _rule_for(ev: EventValue) -> str:
    """The stored rule; for an all-day series UNTIL becomes a date, as RFC 5545 §3.3.10 requires."""
    assert ev.rrule is not None
    if not ev.all_day:
        return ev.rrule
    parts = []
    for part in ev.rrule.split(";"):
        if part.startswith("UNTIL=") and part.endswith("Z"):
            until = datetime.strptime(part[6:], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC).astimezone(ZONE)
            part = f"UNTIL={until:%Y%m%d}"
        parts.append(part)
    return ";".join(parts)


def _master(ev: EventValue, dtstamp: datetime) -> VEvent:
    v = VEvent()
    v.add("uid", ev.ical_uid)
    v.add("dtstamp", dtstamp)
    v.add("dtstart", _when(ev, ev.start))
    v.add("dtend", _when(ev, ev.end))
    v.add("summary", ev.title)
    if ev.description:
        v.add("description", ev.description)
    if ev.place:
        v.add("location", ev.place)
    v.add("url", ev.public_url)
    v.add("categories", [ev.type_label])
    if ev.status == "cancelled":
        # RFC 5545 §3.8.1.11: subscribers' calendars then show it as called off.
        v.add("status", "CANCELLED")
    if ev.rrule:
        v.add("rrule", _recur(_rule_for(ev)))
    if ev.exdates:
        v.add("exdate", [_when(ev, d) for d in ev.exdates])
    v.add("x-gongkai-type", ev.type_key)
    v.add("x-gongkai-type-label", ev.type_label)
    for key, value in (
        ("x-gongkai-host", ev.host),
        ("x-gongkai-audience", ev.audience),
        ("x-gongkai-series", ev.series),
    ):
        if value:
            v.add(key, value)
    if ev.capacity is not None:
        v.add("x-gongkai-capacity", str(ev.capacity))
    v.add("x-gongkai-adoption-days", str(ev.adoption_days))
    for key, values in (
        ("x-gongkai-speaker", ev.speakers),
        ("x-gongkai-invited", ev.invited_roles),
        ("x-gongkai-catalogue-item", ev.catalogue_item_uuids),
    ):
        for item in values:
            v.add(key, item)
    for link in ev.policy_links:
        # The title is the value (readable in any calendar); the document's UUID rides as a parameter.
        if link.uuid:
            v.add("x-gongkai-policy", link.title, parameters={"X-UUID": link.uuid})
        else:
            v.add("x-gongkai-policy", link.title)
    return v


def _recur(text: str) -> vRecur:
    return vRecur.from_ical(text)


# -- import ------------------------------------------------------------------------------------------


@dataclass
class _Scanned:
    """Where each VEVENT and each of its properties starts in the file (1-based physical lines)."""

    line: int
    props: dict[str, int] = field(default_factory=dict)


def _scan(text: str, name: str) -> list[_Scanned]:
    problems: list[str] = []
    logical: list[tuple[int, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw[:1] in (" ", "\t") and logical:
            logical[-1] = (logical[-1][0], logical[-1][1] + raw[1:])
        elif raw.strip():
            logical.append((number, raw))
    if not logical or logical[0][1].strip().upper() != "BEGIN:VCALENDAR":
        raise InputError(f"{name} 第 1 行：应以 BEGIN:VCALENDAR 开头（不是 iCalendar 文件）")
    stack: list[tuple[str, int]] = []
    events: list[_Scanned] = []
    current: _Scanned | None = None
    for number, line in logical:
        if not _CONTENT_LINE.match(line):
            problems.append(f"{name} 第 {number} 行：应为“名称:值”的内容行，实为“{line[:40]}”")
            continue
        prop, _, value = line.partition(":")
        prop = prop.split(";", 1)[0].upper()
        if prop == "BEGIN":
            stack.append((value.strip().upper(), number))
            if value.strip().upper() == "VEVENT":
                current = _Scanned(number)
                events.append(current)
                if len(events) > MAX_EVENTS:
                    raise LimitError(
                        f"{name}：超过 {MAX_EVENTS} 个活动（VEVENT，每个文件的活动数上限），已拒绝导入"
                    )
        elif prop == "END":
            comp = value.strip().upper()
            if not stack or stack[-1][0] != comp:
                opened = f"，而第 {stack[-1][1]} 行打开的是 {stack[-1][0]}" if stack else ""
                problems.append(f"{name} 第 {number} 行：END:{comp} 没有对应的 BEGIN{opened}")
            else:
                stack.pop()
            if comp == "VEVENT":
                current = None
        elif current is not None and stack and stack[-1][0] == "VEVENT":
            # Lines of a VALARM inside the event are the alarm's, not the event's.
            current.props.setdefault(prop, number)
    for comp, number in stack:
        problems.append(f"{name} 第 {number} 行：BEGIN:{comp} 没有对应的 END:{comp}（文件不完整）")
    if problems:
        raise InputError(f"{name}：日历文件有误，未导入任何活动", problems)
    return events


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, bytes):
        return value.decode("utf-8")
    return str(value)


def _texts(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    return tuple(t for t in (_text(i).strip() for i in items) if t)


def _links(value: Any) -> tuple[PolicyLink, ...]:
    """X-GONGKAI-POLICY values: the title, with the document's UUID in an X-UUID parameter if linked."""
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        params = getattr(item, "params", {}) or {}
        out.append(PolicyLink(str(params.get("X-UUID", "") or "").strip(), _text(item).strip()))
    return tuple(clean_links(out))


def _as_instant(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=ZONE)  # floating time: local
    if isinstance(value, date):
        return datetime.combine(value, time(0), ZONE)  # an all-day entry starts at midnight
    return None


def parse(
    data: bytes, name: str, known_types: dict[str, str], synonyms: Mapping[str, str] | None = None
) -> list[ParsedEvent]:
    """Every event in ``data``; InputError listing every problem (file, line, what was expected).

    ``known_types`` maps type keys to labels; an event whose X-GONGKAI-TYPE is unknown is matched by
    its CATEGORIES: a type's label, or a name in ``synonyms`` (name -> type key, the admin's table);
    otherwise it becomes ``other`` and its ``note`` says so.
    """
    if len(data) > MAX_BYTES:
        raise LimitError(
            f"{name}：文件有 {len(data) // 1024 // 1024} MB，超过上限 {MAX_BYTES // 1024 // 1024} MB"
            "（日历文件大小上限），已拒绝导入"
        )
    synonyms = synonyms or {}
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"{name} 第 {line} 行：不是 UTF-8 编码的文本（iCalendar 要求 UTF-8）") from None
    scanned = _scan(text, name)
    try:
        cal = Calendar.from_ical(text)
    except ValueError as exc:
        raise InputError(f"{name}：无法解析为 iCalendar（{exc}）") from None
    components = list(cal.walk("VEVENT"))
    problems: list[str] = []
    masters: dict[str, ParsedEvent] = {}
    pending_overrides: list[tuple[str, ParsedOverride, int]] = []
    by_label = {label: key for key, label in known_types.items()}
    for comp, where in zip(components, scanned, strict=True):

        def at(prop: str, where: _Scanned = where) -> str:
            return f"{name} 第 {where.props.get(prop, where.line)} 行"

        bad = {str(p).upper() for p, _ in comp.errors}
        for prop, message in comp.errors:
            problems.append(f"{at(str(prop).upper())}：{str(prop).upper()} 的值无效（{message}）")
        uid = _text(comp.get("UID")).strip()
        if not uid:
            problems.append(f"{at('BEGIN')}：活动缺少 UID")
            continue
        raw_start = None if "DTSTART" in bad else comp.decoded("DTSTART", None)
        all_day = isinstance(raw_start, date) and not isinstance(raw_start, datetime)
        start = _as_instant(raw_start)
        if start is None:
            if "DTSTART" not in bad:
                problems.append(f"{at('DTSTART')}：活动“{uid}”缺少 DTSTART（开始时间）")
            continue
        end: datetime | None = None
        if "DTEND" in comp and "DTEND" not in bad:
            end = _as_instant(comp.decoded("DTEND"))
        elif "DURATION" in comp and "DURATION" not in bad:
            duration = comp.decoded("DURATION")
            end = start + duration if isinstance(duration, timedelta) else None
        elif "DTEND" not in bad and "DURATION" not in bad:
            end = start + timedelta(days=1) if not isinstance(comp.decoded("DTSTART"), datetime) else start
        if end is None:
            continue
        if end <= start:
            problems.append(f"{at('DTEND')}：结束时间应晚于开始时间（活动“{uid}”）")
            continue
        if not 1990 <= start.year <= 2100:
            problems.append(
                f"{at('DTSTART')}：开始日期应在 1990–2100 年之间，实为 {start.year} 年（活动“{uid}”）"
            )
            continue
        if "RECURRENCE-ID" in comp:
            rid = None if "RECURRENCE-ID" in bad else _as_instant(comp.decoded("RECURRENCE-ID"))
            if rid is not None:
                place = _text(comp.get("LOCATION")).strip()
                note = _text(comp.get("X-GONGKAI-NOTE")).strip()
                pending_overrides.append((uid, ParsedOverride(rid, start, end, place, note), where.line))
            continue
        if uid in masters:
            problems.append(f"{at('UID')}：UID“{uid}”重复（第 {masters[uid].line} 行已有同一活动）")
            continue
        title = _text(comp.get("SUMMARY")).strip()
        if not title:
            problems.append(f"{at('SUMMARY')}：活动“{uid}”缺少 SUMMARY（标题）")
            continue
        rule: str | None = None
        if "RRULE" in comp and "RRULE" not in bad:
            raw = comp["RRULE"]
            raw = raw[0] if isinstance(raw, list) else raw
            encoded = raw.to_ical()
            rule_text = encoded.decode("utf-8") if isinstance(encoded, bytes) else str(encoded)
            try:
                rule = normalise_rule(rule_text, start, f"{at('RRULE')} RRULE")
            except InputError as exc:
                problems.append(str(exc))
                continue
        exdates: list[datetime] = []
        ex = comp.get("EXDATE")
        for entry in ex if isinstance(ex, list) else ([ex] if ex is not None else []):
            for d in getattr(entry, "dts", []):
                instant = _as_instant(d.dt)
                if instant is not None:
                    exdates.append(instant)
        type_key = _text(comp.get("X-GONGKAI-TYPE")).strip()
        categories = comp.get("CATEGORIES")
        cat_labels = [
            str(c).strip()
            for entry in (categories if isinstance(categories, list) else [categories] if categories else [])
            for c in getattr(entry, "cats", [])
        ]
        note = ""
        if type_key not in known_types:
            type_key = next(
                (
                    str(by_label.get(c) or synonyms.get(c) or synonyms.get(c.replace(" ", "")))
                    for c in cat_labels
                    if c in by_label or c in synonyms or c.replace(" ", "") in synonyms
                ),
                "other",
            )
            if type_key == "other" and cat_labels and "other" in known_types:
                note = (
                    f"{at('CATEGORIES')}：类别“{'、'.join(cat_labels)}”不在活动类型和同义词表中，"
                    f"活动“{title}”已归为“{known_types['other']}”（可在同义词表中添加）"
                )
        capacity: int | None = None
        raw_cap = _text(comp.get("X-GONGKAI-CAPACITY")).strip()
        if raw_cap:
            if not raw_cap.isdigit():
                problems.append(f"{at('X-GONGKAI-CAPACITY')}：名额应为非负整数，实为“{raw_cap}”")
                continue
            capacity = int(raw_cap)
        raw_days = _text(comp.get("X-GONGKAI-ADOPTION-DAYS")).strip() or "10"
        if not raw_days.isdigit():
            problems.append(f"{at('X-GONGKAI-ADOPTION-DAYS')}：工作日数应为整数，实为“{raw_days}”")
            continue
        masters[uid] = ParsedEvent(
            uid=uid,
            line=where.line,
            type_key=type_key,
            type_label=known_types.get(type_key, ""),
            title=title,
            description=_text(comp.get("DESCRIPTION")).strip(),
            place=_text(comp.get("LOCATION")).strip(),
            start=start.astimezone(ZONE),
            end=end.astimezone(ZONE),
            rrule=rule,
            exdates=tuple(sorted(d.astimezone(ZONE) for d in exdates)),
            host=_text(comp.get("X-GONGKAI-HOST")).strip(),
            speakers=_texts(comp.get("X-GONGKAI-SPEAKER")),
            audience=_text(comp.get("X-GONGKAI-AUDIENCE")).strip(),
            capacity=capacity,
            invited_roles=_texts(comp.get("X-GONGKAI-INVITED")),
            series=_text(comp.get("X-GONGKAI-SERIES")).strip(),
            catalogue_item_uuids=_texts(comp.get("X-GONGKAI-CATALOGUE-ITEM")),
            policy_links=_links(comp.get("X-GONGKAI-POLICY")),
            adoption_days=int(raw_days),
            all_day=all_day,
            note=note,
        )
    for uid, ov, line in pending_overrides:
        master = masters.get(uid)
        if master is None:
            problems.append(f"{name} 第 {line} 行：RECURRENCE-ID 所属的活动“{uid}”不在文件中")
        elif master.rrule is None:
            problems.append(f"{name} 第 {line} 行：活动“{uid}”不重复，不能单独改期某一次")
        else:
            master.overrides.append(
                ParsedOverride(
                    ov.recurrence_id.astimezone(ZONE),
                    ov.start.astimezone(ZONE),
                    ov.end.astimezone(ZONE),
                    "" if ov.place == master.place else ov.place,
                    ov.note,
                )
            )
    if problems:
        raise InputError(f"{name}：日历文件有误，未导入任何活动", problems)
    for m in masters.values():
        m.overrides.sort(key=lambda o: o.recurrence_id)
    return list(masters.values())
