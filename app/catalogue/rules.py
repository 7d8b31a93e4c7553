"""公开时限 (time limit) text -> a rule, and the rule -> the next due date.

Kinds of rule (stored as JSON on the item, recomputed whenever the text changes):

- ``workdays`` N: within N working days of the information being formed or changed (条例 art. 26:
  "自该政府信息形成或者变更之日起20个工作日内予以公开"). The anchor is the day the item last changed in
  this site's catalogue, unless it was disclosed since.
- ``days`` N: within N calendar days after an event ("批复后20日内", 预算法 art. 14).
- ``immediate``: 实时/及时/随时 公开. Due whenever the underlying event happens, which the catalogue
  cannot know, so it is described but not judged (like ``manual``, it never shows as overdue).
- ``yearly`` month/day: "每年1月31日前" (the annual report, 条例 art. 49).
- ``quarterly`` / ``monthly`` with a day: 村务公开 "每季度的首个月20日" (村民委员会组织法 art. 30: at least
  quarterly; monthly where collective finances are busy). Judged on the most recent due date.
- ``manual``: anything else. Shown as "需人工判断"; never guessed.

The text stays the authority: an admin corrects a wrong rule by correcting the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.workdays import WorkdayCalendar

MANUAL_TEXT = "需人工判断"

_NUM = r"(\d{1,3})"
_TRIGGER = r"(?:形成|变更|制定|获取|制作|作出|收到|下达|确定|拨付|支付|验收|签订|批准|批复|结束|公开后)"
_WORKDAYS = re.compile(_TRIGGER + r"[^;；。]*?" + _NUM + r"\s*个?工作日内")
_WORKDAYS_BARE = re.compile(r"^\s*" + _NUM + r"\s*个?工作日(?:内)?\s*$")
_DAYS = re.compile(_TRIGGER + r"[^;；。]*?后\s*" + _NUM + r"\s*(?:个自然)?日内")
_IMMEDIATE = re.compile(r"^[^;；。]*(?:实时|及时|随时)(?:公开|公布|更新)")
_QUARTERLY = re.compile(r"每季度[^\d]{0,6}?(?:首|第一)个?月\s*" + _NUM + r"\s*日")
_MONTHLY = re.compile(r"每月\s*" + _NUM + r"\s*日")
_YEARLY = re.compile(r"每年\s*" + _NUM + r"\s*月\s*" + _NUM + r"\s*日前")


def parse_time_limit(text: str) -> dict[str, Any]:
    """The rule a 公开时限 text states, or ``{"kind": "manual"}`` when it cannot be read safely."""
    t = (text or "").strip()
    if m := _QUARTERLY.search(t):
        return {"kind": "quarterly", "day": int(m.group(1))}
    if m := _MONTHLY.search(t):
        return {"kind": "monthly", "day": int(m.group(1))}
    if m := _YEARLY.search(t):
        return {"kind": "yearly", "month": int(m.group(1)), "day": int(m.group(2))}
    if m := _WORKDAYS.search(t):
        return {"kind": "workdays", "n": int(m.group(1))}
    if m := _WORKDAYS_BARE.match(t):
        return {"kind": "workdays", "n": int(m.group(1))}
    if m := _DAYS.search(t):
        return {"kind": "days", "n": int(m.group(1))}
    if _IMMEDIATE.search(t):
        return {"kind": "immediate"}
    return {"kind": "manual"}


def describe(rule: dict[str, Any]) -> str:
    """The rule in words, for the detail pane and the compliance list."""
    kind = rule.get("kind")
    if kind == "workdays":
        return f"形成或变更后 {rule['n']} 个工作日内"
    if kind == "days":
        return f"事项发生后 {rule['n']} 日内（自然日）"
    if kind == "immediate":
        return "实时公开（随事项发生，需人工跟进）"
    if kind == "quarterly":
        return f"每季度首月 {rule['day']} 日前公布"
    if kind == "monthly":
        return f"每月 {rule['day']} 日前公布"
    if kind == "yearly":
        return f"每年 {rule['month']} 月 {rule['day']} 日前公布"
    return MANUAL_TEXT


@dataclass(frozen=True)
class Due:
    """When an item is (or was) due, and whether the obligation is already met."""

    due: date
    met: bool
    provisional: bool


def _clamp_day(year: int, month: int, day: int) -> date:
    for d in (day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise ValueError(f"bad date {year}-{month}-{day}")


def _period_dates(rule: dict[str, Any], today: date) -> tuple[date, date, date]:
    """(previous due, latest due on or before today, next due after today) for a periodic rule."""
    months = {"quarterly": (1, 4, 7, 10), "monthly": tuple(range(1, 13))}.get(
        rule["kind"], (int(rule.get("month", 1)),)
    )
    day = int(rule["day"])
    dates = [_clamp_day(y, m, day) for y in range(today.year - 2, today.year + 2) for m in months]
    past = [d for d in dates if d <= today]
    future = [d for d in dates if d > today]
    return past[-2], past[-1], future[0]


def due_of(
    rule: dict[str, Any],
    *,
    anchor: date,
    last_disclosure: date | None,
    today: date,
    calendar: WorkdayCalendar,
) -> Due | None:
    """The due date that matters today, or None for a manual rule.

    For one-off rules the obligation starts at ``anchor`` (the last change) and is met by a disclosure
    on or after it. For periodic rules the latest due date on or before today is judged first (met by
    a disclosure after the due date before it); once met, the next due date is the one that matters.
    """
    kind = rule.get("kind")
    if kind in ("workdays", "days"):
        met = last_disclosure is not None and last_disclosure >= anchor
        if kind == "workdays":
            result = calendar.add(anchor, int(rule["n"]))
            return Due(result.date, met, result.provisional)
        return Due(anchor + timedelta(days=int(rule["n"])), met, False)
    if kind in ("quarterly", "monthly", "yearly"):
        before, latest, upcoming = _period_dates(rule, today)
        if not (last_disclosure is not None and last_disclosure > before):
            return Due(latest, False, False)
        return Due(upcoming, last_disclosure > latest, False)
    return None
