"""The friendly recurrence choices (no repeat / weekly on chosen weekdays / monthly on the n-th weekday,
ending on a date or after a count) and their RFC 5545 RRULE text, both ways.

The rule text is produced by python-dateutil's ``rrule`` (never assembled by hand), so what the event
dialog builds is exactly what the recurrence engine expands. ``choice_from_rule`` reads a stored rule
back into choices when it is one of these shapes; any other rule (e.g. imported from another
calendar) returns None and is kept as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday

from app.clock import ZONE
from app.events.recurrence import normalise_rule

NONE = "none"
WEEKLY_KIND = "weekly"
MONTHLY_KIND = "monthly"

_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class RuleChoice:
    """What a person picks. ``weekdays`` are 0 = Monday … 6 = Sunday; ``nth`` is 1–4 or -1 (the last).

    Exactly one of ``until`` (a local date, the series runs through that day) and ``count`` ends the
    series; both None means it never ends.
    """

    kind: str = NONE
    weekdays: tuple[int, ...] = ()
    nth: int = 1
    weekday: int = 0
    until: date | None = None
    count: int | None = None


def nth_of(day: date) -> int:
    """Which occurrence of its weekday ``day`` is in its month (1–5; 5 is shown as "last")."""
    return (day.day - 1) // 7 + 1


def build_rule(choice: RuleChoice, start: datetime) -> str | None:
    """The normalised RRULE text for ``choice`` (None for no repeat); UNTIL is stored in UTC."""
    if choice.kind == NONE:
        return None
    if choice.kind == WEEKLY_KIND:
        days = sorted(set(choice.weekdays)) or [start.astimezone(ZONE).weekday()]
        freq, byweekday = WEEKLY, tuple(weekday(d) for d in days)
    elif choice.kind == MONTHLY_KIND:
        freq, byweekday = MONTHLY, (weekday(choice.weekday, choice.nth),)
    else:
        raise ValueError(f"unknown recurrence kind {choice.kind!r}")
    local_start = start.astimezone(ZONE).replace(tzinfo=None)
    until = datetime.combine(choice.until, time(23, 59, 59)) if choice.until is not None else None
    rule = rrule(
        freq,
        dtstart=local_start,
        byweekday=byweekday,
        until=until,
        count=choice.count if until is None else None,
    )
    text = next(line for line in str(rule).splitlines() if line.startswith("RRULE:"))
    # A zone-less UNTIL is read as Shanghai time and rewritten in UTC (RFC 5545 §3.3.10).
    return normalise_rule(text, start)


def choice_from_rule(text: str | None, start: datetime) -> RuleChoice | None:
    """The choices a stored rule corresponds to, or None when the friendly editor cannot show it."""
    if not text:
        return RuleChoice()
    fields = dict(part.split("=", 1) for part in text.split(";") if "=" in part)
    known = {"FREQ", "BYDAY", "UNTIL", "COUNT", "INTERVAL", "WKST"}
    if set(fields) - known or fields.get("INTERVAL", "1") != "1" or "BYDAY" not in fields:
        return None
    until: date | None = None
    if "UNTIL" in fields:
        raw = fields["UNTIL"]
        try:
            stamp = datetime.strptime(raw.rstrip("Z"), "%Y%m%dT%H%M%S") if "T" in raw else None
        except ValueError:
            return None
        if stamp is None:
            return None
        until = stamp.replace(tzinfo=UTC if raw.endswith("Z") else ZONE).astimezone(ZONE).date()
    count = int(fields["COUNT"]) if fields.get("COUNT", "").isdigit() else None
    days = fields["BYDAY"].split(",")
    if fields["FREQ"] == "WEEKLY" and all(d in _CODES for d in days):
        return RuleChoice(WEEKLY_KIND, tuple(_CODES.index(d) for d in days), until=until, count=count)
    if fields["FREQ"] == "MONTHLY" and len(days) == 1 and days[0][-2:] in _CODES:
        try:
            n = int(days[0][:-2])
        except ValueError:
            return None
        if n in (1, 2, 3, 4, -1):
            return RuleChoice(
                MONTHLY_KIND, nth=n, weekday=_CODES.index(days[0][-2:]), until=until, count=count
            )
    return None
