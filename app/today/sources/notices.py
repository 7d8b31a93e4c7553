"""Today source for notices: reviews waiting at the user's step, take-downs due, boards missing a notice.

Rules:
- 三审三校 (2023 Jinan key points 四(二)): a notice waits for first, second and final review in
  turn; each step is for the reviewers holding that role, so a reviewer sees only the notices at
  their own step (``NoticeService.awaiting_review``). The review must be done before the posting
  period starts, so that date is the item's deadline.
- 三审三校 is a queue read in SQL (``NoticeService.awaiting_review``): the notices at a step the
  user holds, not written by them and not already approved by them in this pass.
- A posting comes down when the posting period has ended (its take-down day).
- 定点公开: an approved or published notice must be on every board it targets, from the start of
  its posting period.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app import messages as m
from app.messages import Label, Message
from app.notices import values as nv
from app.today.items import Severity, TodayItem, severity_for
from app.users import Role, StaffUser

if TYPE_CHECKING:
    from app.context import AppContext

PAGE = "notices"
_STEP_ROLES: dict[str, tuple[str, Role]] = {
    nv.FIRST_REVIEW: ("初审", Role.FIRST_REVIEWER),
    nv.SECOND_REVIEW: ("复审", Role.SECOND_REVIEWER),
    nv.FINAL_REVIEW: ("终审", Role.FINAL_REVIEWER),
}


def _where(village: str, board: str) -> str:
    """The board's name, with its village unless the name already says it."""
    return board if village and village in board else village + board


def _by_start(start: date, today: date, ctx: AppContext) -> Severity:
    """Urgency of work that must be done before a posting period starts; far-off work is still to do."""
    return severity_for(start, today, ctx.holidays.calendar()) or Severity.INFO


def items(ctx: AppContext, user: StaffUser | None, today: date) -> list[TodayItem]:
    """Three SQL reads whatever the number of notices: the review queue, take-downs, missing postings."""
    notices = ctx.notices
    found: list[TodayItem] = []
    for n in notices.awaiting_review(user):
        step, role = _STEP_ROLES[n.status]
        started = n.period_start < today
        found.append(
            TodayItem.worded(
                kind="notice.review",
                record_uuid=n.uuid,
                page_key=PAGE,
                title=Message.of(m.NOTICE_REVIEW_TITLE, step=Label(step), title=n.title),
                why=Message.of(
                    m.NOTICE_REVIEW_WHY_STARTED if started else m.NOTICE_REVIEW_WHY,
                    step=Label(step),
                    start=n.period_start,
                ),
                due=n.period_start,
                severity=_by_start(n.period_start, today, ctx),
                role=role,
            )
        )
    for t in notices.take_downs_due(today):
        p = t.posting
        where = _where(p.village, p.board_name)
        found.append(
            TodayItem.worded(
                kind="notice.take_down",
                record_uuid=p.notice_uuid,
                page_key=PAGE,
                title=Message.of(m.NOTICE_TAKE_DOWN_TITLE, title=p.notice_title, board=p.board_name),
                why=Message.of(
                    m.NOTICE_TAKE_DOWN_WHY_LATE, where=where, day=p.take_down_on, days=t.overdue_days
                )
                if t.overdue_days
                else Message.of(m.NOTICE_TAKE_DOWN_WHY, where=where, day=p.take_down_on),
                due=p.take_down_on,
                severity=severity_for(p.take_down_on, today, ctx.holidays.calendar()) or Severity.DUE_TODAY,
                role=Role.CLERK,
                part=p.uuid,  # one item per posting: a notice comes down from several boards
            )
        )
    for miss in notices.boards_missing_notices():
        start = miss.period_start or today
        found.append(
            TodayItem.worded(
                kind="notice.posting_missing",
                record_uuid=miss.notice_uuid,
                page_key=PAGE,
                title=Message.of(
                    m.NOTICE_MISSING_TITLE,
                    title=miss.notice_title,
                    where=_where(miss.village, miss.board_name),
                ),
                why=Message.of(m.NOTICE_MISSING_WHY, board=miss.board_name, start=start),
                due=start,
                severity=_by_start(start, today, ctx),
                role=Role.CLERK,
                part=miss.board_uuid,  # one item per target board (issue 16: the reminder-log crash)
            )
        )
    return found
