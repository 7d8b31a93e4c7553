"""Self-assessment computations over notices: the three-level review and on-time posting.

- ``notices_reviewed``: of the notices published in the month, how many carry an approval at each
  of the first, second and final review steps for the revision that was published (三审三校,
  2023 Jinan key points 四(二)).
- ``notices_posted_on_time``: of the posting deadlines that fell in the month (up to today), how
  many were met: a posting is on time when it went up no later than the first day of the posting
  period, and its take-down is on time when it came down by the first working day on or after
  its take-down day (a board cannot be cleared on a holiday).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.clock import local
from app.today.assessment.figures import Direction, Evidence, Figure, Method
from app.today.assessment.period import Month
from app.workdays import WorkdayCalendar

if TYPE_CHECKING:
    from app.context import AppContext

PAGE = "notices"
STEPS = (("first", "初审"), ("second", "复审"), ("final", "终审"))


def notices_reviewed(ctx: AppContext, month: Month) -> Figure:
    evidence: list[Evidence] = []
    for n in ctx.notices.list():
        if n.published_at is None:
            continue
        day = local(n.published_at).date()
        if not month.contains(day):
            continue
        approved = {r.step for r in n.reviews if r.revision == n.revision and r.decision == "approve"}
        missing = [label for step, label in STEPS if step not in approved]
        evidence.append(
            Evidence(
                n.uuid,
                PAGE,
                n.title,
                day,
                not missing,
                "初审、复审、终审均已通过" if not missing else "缺少" + "、".join(missing),
            )
        )
    return Figure(sum(e.ok for e in evidence), len(evidence), tuple(evidence))


def take_down_deadline(take_down_on: date, calendar: WorkdayCalendar) -> date:
    """The take-down day, or the first working day after it when it is a day off."""
    return take_down_on if calendar.is_workday(take_down_on) else calendar.add(take_down_on, 1).date


def notices_posted_on_time(ctx: AppContext, month: Month) -> Figure:
    calendar = ctx.holidays.calendar()
    today = ctx.clock.today()
    starts: dict[str, date] = {}
    evidence: list[Evidence] = []
    for p in ctx.notices.postings():
        where = p.board_name if p.village and p.village in p.board_name else p.village + p.board_name
        if month.contains(p.posted_on):
            if p.notice_uuid not in starts:
                starts[p.notice_uuid] = ctx.notices.get(p.notice_uuid).period_start
            start = starts[p.notice_uuid]
            ok = p.posted_on <= start
            evidence.append(
                Evidence(
                    p.notice_uuid,
                    PAGE,
                    f"张贴：{p.notice_title}（{where}）",
                    p.posted_on,
                    ok,
                    f"公示期 {start.isoformat()} 开始" + ("" if ok else "，张贴晚于公示期开始"),
                )
            )
        deadline = take_down_deadline(p.take_down_on, calendar)
        if month.contains(deadline) and deadline < today:
            ok = p.taken_down_on is not None and p.taken_down_on <= deadline
            if p.taken_down_on is None:
                note = f"撤下期限 {deadline.isoformat()}，至今未撤下"
            else:
                note = f"撤下期限 {deadline.isoformat()}，{p.taken_down_on.isoformat()} 撤下"
            evidence.append(
                Evidence(p.notice_uuid, PAGE, f"撤下：{p.notice_title}（{where}）", deadline, ok, note)
            )
    return Figure(sum(e.ok for e in evidence), len(evidence), tuple(evidence))


METHODS = (
    Method(
        key="notices_reviewed",
        label="三审三校完成率",
        direction=Direction.RATE,
        describe="本月发布的公示中，发布的修订版经初审、复审、终审均通过的比例",
        compute=notices_reviewed,
    ),
    Method(
        key="notices_posted_on_time",
        label="按时张贴和撤下率",
        direction=Direction.RATE,
        describe="本月的张贴（不晚于公示期开始）和撤下（不晚于撤下日或其后第一个工作日）按时完成的比例",
        compute=notices_posted_on_time,
    ),
)
