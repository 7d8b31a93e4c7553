"""Self-assessment computations over the event calendar: yearly targets and adoption reports.

- ``events_against_targets``: for each event type with a yearly target, the events held from
  1 January to the month's end (or today) against the target pro-rated to that month
  (⌈target × month / 12⌉; 2023 Jinan key points 四(三) asks for more events in the zone); a type
  counts at most its pro-rated target, so one busy type cannot hide an idle one.
- ``adoption_on_time``: adoption reports published in the month by their deadline (N working days
  after the policy's release, 要点二(二)), plus those whose deadline passed in the month unpublished.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from app.clock import ZONE
from app.today.assessment.figures import Direction, Evidence, Figure, Method
from app.today.assessment.period import Month

if TYPE_CHECKING:
    from app.context import AppContext

PAGE = "calendar"


def prorated(target: int, month: Month) -> int:
    return math.ceil(target * month.month / 12)


def events_against_targets(ctx: AppContext, month: Month) -> Figure:
    goals = {t.type_key: t for t in ctx.events.targets(month.year)}
    if not goals:
        return Figure(0, 0)
    # A series' occurrence counts once it is over (by the month's end, and by now).
    month_end = datetime.combine(month.end + timedelta(days=1), time(0), tzinfo=ZONE)
    cutoff = min(ctx.clock.now(), month_end)
    held: dict[str, int] = dict.fromkeys(goals, 0)
    evidence: list[Evidence] = []
    for occ in ctx.events.occurrences(date(month.year, 1, 1), month.end):
        if occ.type not in goals or occ.start.astimezone(ZONE).year != month.year:
            continue
        done = occ.status in ("held", "closed") if not occ.recurring else occ.end <= cutoff
        if not done:
            continue
        held[occ.type] += 1
        day = occ.start.astimezone(ZONE).date()
        evidence.append(Evidence(occ.event_uuid, PAGE, f"{occ.type_label}：{occ.title}", day, True, "已举办"))
    numerator = denominator = 0
    for key, goal in goals.items():
        expected = prorated(goal.target, month)
        numerator += min(held[key], expected)
        denominator += expected
        evidence.append(
            Evidence(
                "",
                PAGE,
                f"{goal.type_label}：年度目标 {goal.target} 场",
                month.end,
                held[key] >= expected,
                f"截至 {month.label}底 按月折算应举办 {expected} 场，已举办 {held[key]} 场",
            )
        )
    return Figure(numerator, denominator, tuple(evidence))


def adoption_on_time(ctx: AppContext, month: Month) -> Figure:
    today = ctx.clock.today()
    evidence: list[Evidence] = []
    for ev in ctx.events.all():
        if ev.status != "closed" or not ev.suggestions:
            continue
        _start, due, _provisional = ctx.events.adoption_deadline(ev)
        published = ev.adoption_published_on
        if published is not None and month.contains(published):
            ok = published <= due
            note = f"期限 {due.isoformat()}，{published.isoformat()} 公开" + ("" if ok else "（逾期）")
            evidence.append(Evidence(ev.uuid, PAGE, ev.title, published, ok, note))
        elif published is None and month.contains(due) and due < today:
            evidence.append(
                Evidence(ev.uuid, PAGE, ev.title, due, False, f"期限 {due.isoformat()}，至今未公开")
            )
    return Figure(sum(e.ok for e in evidence), len(evidence), tuple(evidence))


METHODS = (
    Method(
        key="events_against_targets",
        label="年度活动目标进度",
        direction=Direction.RATE,
        describe="年初至本月底已举办的活动，对照各类型年度目标按月折算的场次（每类最多计到折算目标）",
        compute=events_against_targets,
    ),
    Method(
        key="adoption_on_time",
        label="采纳情况按时公开率",
        direction=Direction.RATE,
        describe="本月公开的意见采纳情况在期限内的比例；期限在本月且已过而未公开的计为未按时",
        compute=adoption_on_time,
    ),
)
