"""Recurrence: RFC 5545 rules (via python-dateutil), exceptions (EXDATE) and moved occurrences.

Pure functions over aware datetimes; no database. A series is expanded in Asia/Shanghai so "every
Tuesday 9:00" stays 9:00 local (China has no DST today, but the rule is still the right one to
state). An RRULE's UNTIL must be UTC when DTSTART has a zone (RFC 5545 §3.3.10); people type a local
date, so ``normalise_rule`` reads a zone-less UNTIL as Shanghai time (a bare date means "through
the end of that day") and rewrites it in UTC before the rule is stored.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from dateutil.rrule import rrule, rrulestr

from app.clock import ZONE
from app.errors import InputError, LimitError

log = logging.getLogger(__name__)

#: Frequencies a zone event cannot have: an event happens at most a few times a day, and a rule that
#: repeats every second, minute or hour expands without bound (docs/limits.md).
SUB_DAILY = ("SECONDLY", "MINUTELY", "HOURLY")
#: The most occurrences one series gives one query, and one query gives in all (docs/limits.md):
#: a year of a daily series is 366, so these bound only rules that would otherwise run away.
MAX_PER_SERIES = 1000
MAX_PER_QUERY = 20_000


@dataclass(frozen=True, slots=True)
class Moved:
    """Where a moved occurrence went (times aware)."""

    start: datetime
    end: datetime
    place: str


@dataclass(frozen=True, slots=True)
class Instance:
    """One occurrence produced by ``expand``: its original start (None for a single event)."""

    start: datetime
    end: datetime
    recurrence_id: datetime | None
    moved: bool
    place: str | None


def _parse_until(raw: str, where: str) -> datetime:
    try:
        if "T" in raw:
            zoned = raw.endswith("Z")
            value = datetime.strptime(raw.rstrip("Z"), "%Y%m%dT%H%M%S")
            return value.replace(tzinfo=UTC) if zoned else value.replace(tzinfo=ZONE)
        day = datetime.strptime(raw, "%Y%m%d").date()
    except ValueError:
        raise InputError(f"{where}：UNTIL 应为 YYYYMMDD 或 YYYYMMDDTHHMMSS[Z]，实为“{raw}”") from None
    return datetime.combine(day, time(23, 59, 59), ZONE)


def normalise_rule(text: str, dtstart: datetime, where: str = "重复规则") -> str:
    """The rule with UNTIL in UTC, checked by dateutil; InputError naming ``where`` when invalid."""
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    if not body:
        raise InputError(f"{where}：为空")
    parts: list[str] = []
    for part in body.split(";"):
        name, sep, value = part.partition("=")
        if not sep or not name.strip():
            raise InputError(f"{where}：应为 NAME=VALUE 用分号分隔（RFC 5545），实有“{part}”")
        name = name.strip().upper()
        value = value.strip()
        if name == "UNTIL":
            value = _parse_until(value, where).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        elif name != "WKST":
            value = value.upper()
        parts.append(f"{name}={value}")
    # One canonical spelling (FREQ first, then by name) so the same rule always compares equal,
    # whichever order a file or a person wrote it in.
    parts.sort(key=lambda p: (not p.startswith("FREQ="), p))
    normalised = ";".join(parts)
    if not any(p.startswith("FREQ=") for p in parts):
        raise InputError(f"{where}：缺少 FREQ（如 FREQ=WEEKLY）")
    _check_bounded(dict(p.split("=", 1) for p in parts), where)
    parse_rule(normalised, dtstart, where)
    return normalised


def _check_bounded(fields: dict[str, str], where: str) -> None:
    """Refuse rules that repeat more than a few times a day (a zone event never does)."""
    freq = fields.get("FREQ", "")
    if freq in SUB_DAILY:
        raise LimitError(
            f"{where}：FREQ={freq} 不适用于专区活动（重复频率上限：至多每天一次），应为 DAILY、WEEKLY、MONTHLY 或 YEARLY"
        )
    for name in ("BYSECOND", "BYMINUTE", "BYHOUR"):
        if name in fields and (name == "BYSECOND" or "," in fields[name]):
            raise LimitError(
                f"{where}：{name}={fields[name]} 会在一天内重复多次，不适用于专区活动（重复频率上限：至多每天一次）"
            )


def is_bounded(text: str) -> bool:
    """Whether a stored rule is within the limits (rules stored before the limits existed may not be)."""
    try:
        _check_bounded(dict(p.split("=", 1) for p in text.split(";") if "=" in p), "")
    except InputError:
        return False
    return True


def parse_rule(text: str, dtstart: datetime, where: str = "重复规则") -> rrule:
    """The dateutil rule for ``text`` starting at ``dtstart`` (expanded in Asia/Shanghai)."""
    return _parse_rule(text, dtstart.astimezone(ZONE), where)


# Parsing dominates a month view over hundreds of series; parsed rules are immutable in use
# (we only iterate them), so they are cached by their text and start.
@lru_cache(maxsize=4096)
def _parse_rule(text: str, dtstart: datetime, where: str) -> rrule:
    try:
        rule = rrulestr(text, dtstart=dtstart.astimezone(ZONE))
    except (ValueError, TypeError) as exc:
        raise InputError(f"{where}：不是有效的 RFC 5545 重复规则“{text}”（{exc}）") from None
    if not isinstance(rule, rrule):
        raise InputError(f"{where}：只支持一条 RRULE，实为“{text}”")
    return rule


def describe_rule(text: str | None) -> str:
    """A short Chinese description for the common rules (每周二, 每月第2个周四 …); the raw rule otherwise."""
    if not text:
        return "单次"
    fields = dict(p.split("=", 1) for p in text.split(";") if "=" in p)
    days = {"MO": "一", "TU": "二", "WE": "三", "TH": "四", "FR": "五", "SA": "六", "SU": "日"}
    freq = fields.get("FREQ", "")
    interval = fields.get("INTERVAL", "1")
    byday = fields.get("BYDAY", "")
    tail = ""
    if "UNTIL" in fields:
        try:
            until = _parse_until(fields["UNTIL"], "UNTIL").astimezone(ZONE)
        except InputError:
            return text
        tail = f"，至{until.year}年{until.month}月{until.day}日"
    elif "COUNT" in fields:
        tail = f"，共{fields['COUNT']}次"
    try:
        if freq == "WEEKLY" and byday and all(d in days for d in byday.split(",")):
            every = "每周" if interval == "1" else f"每{interval}周的周"
            return every + "、".join(days[d] for d in byday.split(",")) + tail
        if freq == "MONTHLY" and byday and byday[-2:] in days:
            n = int(byday[:-2] or "0")
            nth = "最后一个" if n == -1 else f"第{n}个"
            return f"每月{nth}周{days[byday[-2:]]}" + tail
        if freq == "DAILY":
            return ("每天" if interval == "1" else f"每{interval}天") + tail
        if freq == "MONTHLY":
            return "每月" + tail
    except ValueError:
        pass
    return text


def expand(
    start: datetime,
    end: datetime,
    rule_text: str | None,
    window_start: datetime,
    window_end: datetime,
    *,
    exdates: Iterable[datetime] = (),
    moved: Mapping[datetime, Moved] | None = None,
) -> list[Instance]:
    """Occurrences overlapping [window_start, window_end), sorted by start, all in Asia/Shanghai.

    ``exdates`` and the keys of ``moved`` are original starts (any zone). A moved occurrence appears
    at its new time (if that overlaps the window) and never at its original one.
    """
    duration = end - start
    if rule_text is None:
        if start < window_end and end > window_start:
            return [Instance(start.astimezone(ZONE), end.astimezone(ZONE), None, False, None)]
        return []
    moved = moved or {}
    if not is_bounded(rule_text):
        log.warning("skipping a stored rule over the recurrence limits: %s", rule_text)
        return []
    excluded = {d.astimezone(UTC) for d in exdates} | {d.astimezone(UTC) for d in moved}
    rule = parse_rule(rule_text, start)
    out: list[Instance] = []
    # Starts in (window_start - duration, window_end), at most MAX_PER_SERIES of them.
    for occ in rule.xafter(window_start - duration, count=MAX_PER_SERIES, inc=False):
        if occ >= window_end:
            break
        if occ.astimezone(UTC) in excluded:
            continue
        out.append(Instance(occ, occ + duration, occ, False, None))
    for rid, m in moved.items():
        if rid.astimezone(UTC) in {d.astimezone(UTC) for d in exdates}:
            continue
        if m.start < window_end and m.end > window_start:
            out.append(
                Instance(
                    m.start.astimezone(ZONE), m.end.astimezone(ZONE), rid.astimezone(ZONE), True, m.place
                )
            )
    out.sort(key=lambda i: i.start)
    return out


def day_window(first: date, last: date) -> tuple[datetime, datetime]:
    """[first 00:00, last+1 00:00) in Asia/Shanghai: the instants of the civil dates first..last."""
    return (
        datetime.combine(first, time(0), ZONE),
        datetime.combine(last + timedelta(days=1), time(0), ZONE),
    )


def ends_before(rule: str | None, when: datetime) -> bool:
    """True when a stored (normalised) series certainly has no occurrence starting at or after
    ``when``: its UNTIL is earlier. Cheap (no expansion), so the calendar expands only the series
    that can reach the shown range; COUNT-bounded and open series are expanded (bounded work)."""
    if not rule:
        return False
    for part in rule.split(";"):
        name, _, value = part.partition("=")
        if name.strip().upper() == "UNTIL":
            try:
                return _parse_until(value.strip(), "UNTIL") < when
            except InputError:
                return False
    return False
