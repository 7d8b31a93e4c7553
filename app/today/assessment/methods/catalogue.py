"""Self-assessment computation over the catalogue: items disclosed within their time limit.

Each item's 公开时限 is a rule read by the catalogue (``rules.due_of``). The month's checks are the
deadlines that fell in the month and have passed: a one-off deadline (N working or calendar days
after the item was formed or changed, 条例第二十六条) is met by a disclosure between the change and
the deadline; a periodic deadline (quarterly, monthly, yearly, e.g. 村务 每季度首月20日前) by a
disclosure after the previous deadline and no later than this one. A deadline of today or later is
not judged yet (unless already met). Real-time and 需人工判断 rules are not judged by date.

Speed: the disclosure dates of every item are read in one query over the catalogue's disclosure
table (``disclosure_dates``) instead of one ``CatalogueService.disclosures`` call per item: a month
over the bundled catalogue takes tens of milliseconds, which the 12-month trend needs.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.catalogue import rules
from app.today.assessment.figures import Direction, Evidence, Figure, Method
from app.today.assessment.period import Month
from app.uow import read_only
from db.models import CatalogueDisclosure, CatalogueItem

if TYPE_CHECKING:
    from app.context import AppContext

PAGE = "catalogue"
PERIODIC = ("quarterly", "monthly", "yearly")
UNDATED = ("immediate", "manual")  # real-time and 需人工判断: followed up by hand, not by date


def disclosure_dates(ctx: AppContext) -> dict[str, list[date]]:
    """Item UUID → its disclosure dates, ascending."""
    out: dict[str, list[date]] = defaultdict(list)
    with read_only(ctx.session_factory) as session:
        rows = session.execute(
            select(CatalogueItem.uuid, CatalogueDisclosure.disclosed_on)
            .join(CatalogueItem, CatalogueItem.id == CatalogueDisclosure.item_id)
            .order_by(CatalogueDisclosure.disclosed_on)
        ).all()
    for uuid, day in rows:
        out[uuid].append(day)
    return out


def catalogue_on_time(ctx: AppContext, month: Month) -> Figure:
    calendar = ctx.holidays.calendar()
    cutoff = min(month.end, ctx.clock.today() - timedelta(days=1))  # deadlines that have passed
    if cutoff < month.start:
        cutoff = month.start - timedelta(days=1)
    dates = disclosure_dates(ctx)
    evidence: list[Evidence] = []
    for item in ctx.catalogue.items():
        history = dates.get(item.uuid, [])
        kind = item.rule.get("kind")
        if kind in UNDATED:
            continue
        periodic = kind in PERIODIC
        look = month.end if not periodic else cutoff
        due = rules.due_of(
            item.rule, anchor=item.changed_on, last_disclosure=None, today=look, calendar=calendar
        )
        if due is None or not month.contains(due.due):
            continue
        deadline = due.due
        if periodic:
            before = rules.due_of(
                item.rule,
                anchor=item.changed_on,
                last_disclosure=None,
                today=deadline - timedelta(days=1),
                calendar=calendar,
            )
            opens = before.due + timedelta(days=1) if before is not None else date.min
        else:
            opens = item.changed_on
        within = [d for d in history if opens <= d <= deadline]
        if deadline > cutoff and not within:
            continue  # not due yet
        ok = bool(within)
        note = f"{item.rule_text}；期限 {deadline.isoformat()}"
        note += f"，{within[0].isoformat()} 公开" if ok else "，期限内未公开"
        evidence.append(Evidence(item.uuid, PAGE, item.title, deadline, ok, note))
    return Figure(sum(e.ok for e in evidence), len(evidence), tuple(evidence))


METHODS = (
    Method(
        key="catalogue_on_time",
        label="按时公开率",
        direction=Direction.RATE,
        describe="公开期限在本月（且已过）的目录事项中，在期限内公开的比例",
        compute=catalogue_on_time,
    ),
)
