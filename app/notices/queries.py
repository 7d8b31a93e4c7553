"""The read side of notices that must scale: list pages, the review queue, board work.

Each function is a few SQL statements whatever the number of notices (five years of a busy
township: 3,000 notices, 5,700 postings), selects only the columns its caller shows and never
parses a roster. The service wraps them in a read-only session.

A published notice whose posting period has ended is *shown* as expired (``effective_status``)
even before the housekeeping write stores it, so reads never need to write.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, select
from sqlalchemy.orm import Session

from app.notices import values as v
from app.notices.period import check_period
from app.notices.templates import TEMPLATE_BY_KEY
from app.users import Role, StaffUser
from app.workdays import WorkdayCalendar
from db.models import Board, Notice, NoticePeriodRule, NoticeReview, Posting

#: status -> (review step, role) for the three review steps.
STEPS: dict[str, tuple[str, Role]] = {
    v.FIRST_REVIEW: ("first", Role.FIRST_REVIEWER),
    v.SECOND_REVIEW: ("second", Role.SECOND_REVIEWER),
    v.FINAL_REVIEW: ("final", Role.FINAL_REVIEWER),
}
POSTABLE = (v.APPROVED, v.PUBLISHED)
#: Sortable list columns -> SQL expression (the view's header click sorts in SQL, not in Qt).
SORTS = {
    "id": Notice.id,
    "status": Notice.status,
    "title": Notice.title,
    "template": Notice.template,
    "period": Notice.period_start,
    "revision": Notice.revision,
}
PAGE_SIZE = 100


def effective_status(status: str, period_end: date, today: date) -> str:
    """Published and past its period is expired, whether or not housekeeping has stored it yet."""
    return v.EXPIRED if status == v.PUBLISHED and period_end < today else status


def _status_sql(today: date) -> ColumnElement[str]:
    return case(
        (and_(Notice.status == v.PUBLISHED, Notice.period_end < today), v.EXPIRED), else_=Notice.status
    )


@dataclass(frozen=True)
class NoticeQuery:
    """What the notices list asks for: a filter, a search, an order and a page."""

    status: str = ""  # "" = all, "mine" = awaiting the user's review, or a status
    text: str = ""  # part of the title
    sort: str = "id"
    descending: bool = True
    offset: int = 0
    limit: int = PAGE_SIZE


@dataclass(frozen=True)
class NoticeRow:
    """One line of the notices list: only what the list shows."""

    id: int
    uuid: str
    status: str
    title: str
    template: str
    template_name: str
    period_start: date
    period_end: date
    revision: int
    provisional: bool

    @property
    def status_label(self) -> str:
        return v.STATUS_LABELS[self.status]


@dataclass(frozen=True)
class NoticePage:
    rows: tuple[NoticeRow, ...]
    total: int  # rows matching the filter, all pages
    offset: int


def _awaiting_clause(user: StaffUser | None) -> ColumnElement[bool] | None:
    """Notices at a review step ``user`` holds the role for (None: every review step)."""
    statuses = [s for s, (_, role) in STEPS.items() if user is None or user.has(role)]
    return Notice.status.in_(statuses) if statuses else None


def _not_author(user: StaffUser) -> ColumnElement[bool]:
    """``user`` did not write (or change) this revision: ``revision_author`` is "a,b,c"."""
    padded = "," + Notice.revision_author + ","
    return ~padded.contains(f",{user.name},")


def _approved_this_pass(session: Session, notice_ids: Sequence[int], user: StaffUser) -> set[int]:
    """Of ``notice_ids``, those ``user`` already approved a step of in the current pass of the chain."""
    if not notice_ids:
        return set()
    last_submit = (
        select(NoticeReview.notice_id, func.max(NoticeReview.id).label("sid"))
        .join(Notice, and_(Notice.id == NoticeReview.notice_id, Notice.revision == NoticeReview.revision))
        .where(NoticeReview.step == "submit", NoticeReview.notice_id.in_(notice_ids))
        .group_by(NoticeReview.notice_id)
        .subquery()
    )
    q = (
        select(NoticeReview.notice_id)
        .join(last_submit, last_submit.c.notice_id == NoticeReview.notice_id)
        .where(
            NoticeReview.id > last_submit.c.sid,
            NoticeReview.decision == "approve",
            NoticeReview.actor == user.name,
        )
    )
    return set(session.execute(q).scalars())


def awaiting_ids(session: Session, user: StaffUser | None) -> list[int]:
    """Ids of the notices waiting at a step ``user`` may take (not written by them, not already
    approved by them in this pass); None: every notice in review."""
    clause = _awaiting_clause(user)
    if clause is None:
        return []
    q = select(Notice.id).where(clause)
    if user is not None:
        q = q.where(_not_author(user))
    ids = list(session.execute(q).scalars())
    if user is not None:
        done = _approved_this_pass(session, ids, user)
        ids = [i for i in ids if i not in done]
    return ids


def _filtered(session: Session, query: NoticeQuery, user: StaffUser | None, today: date) -> Select[int]:
    q = select(Notice.id)
    if query.status == "mine":
        q = q.where(Notice.id.in_(awaiting_ids(session, user)))
    elif query.status:
        q = q.where(_status_sql(today) == query.status)
    if query.text.strip():
        q = q.where(Notice.title.contains(query.text.strip()))
    return q


def page(
    session: Session, query: NoticeQuery, user: StaffUser | None, today: date, calendar: WorkdayCalendar
) -> NoticePage:
    """One page of the list (three to four statements, whatever the number of notices)."""
    ids = _filtered(session, query, user, today)
    total = int(session.execute(select(func.count()).select_from(ids.subquery())).scalar() or 0)
    order: Any = SORTS.get(query.sort, Notice.id)
    order_by = [order.desc() if query.descending else order.asc(), Notice.id.desc()]
    rows = session.execute(
        select(
            Notice.id,
            Notice.uuid,
            Notice.status,
            Notice.title,
            Notice.template,
            Notice.period_start,
            Notice.period_end,
            Notice.revision,
        )
        .where(Notice.id.in_(ids))
        .order_by(*order_by)
        .offset(query.offset)
        .limit(query.limit)
    ).all()
    rules = period_rules(session)
    out = []
    for r in rows:
        template = TEMPLATE_BY_KEY.get(r.template)
        rule = rules.get(r.template)
        provisional = (
            rule is not None
            and rule.unit == "working"
            and check_period(r.period_start, r.period_end, rule, calendar).provisional
        )
        out.append(
            NoticeRow(
                r.id,
                r.uuid,
                effective_status(r.status, r.period_end, today),
                r.title,
                r.template,
                template.name if template else r.template,
                r.period_start,
                r.period_end,
                r.revision,
                provisional,
            )
        )
    return NoticePage(tuple(out), total, query.offset)


def period_rules(session: Session) -> dict[str, v.PeriodRule]:
    return {
        r.template: v.PeriodRule(r.template, r.min_days, r.unit, r.basis, r.updated_by)
        for r in session.execute(select(NoticePeriodRule)).scalars()
    }


@dataclass(frozen=True)
class NoticeSummary:
    """A notice for the command line's list: what it prints, no roster, no review history."""

    id: int
    uuid: str
    revision: int
    template: str
    kind: str
    title: str
    status: str
    period_start: date
    period_end: date
    period_check: v.PeriodCheck
    public_url: str


def summaries(
    session: Session, status: str | None, today: date, calendar: WorkdayCalendar
) -> list[NoticeSummary]:
    """Every notice, newest first, in two statements (the rows' columns and the period rules)."""
    q = select(
        Notice.id,
        Notice.uuid,
        Notice.revision,
        Notice.template,
        Notice.kind,
        Notice.title,
        Notice.status,
        Notice.period_start,
        Notice.period_end,
        Notice.public_url,
    ).order_by(Notice.created_at.desc(), Notice.id.desc())
    if status is not None:
        q = q.where(_status_sql(today) == status)
    rules = period_rules(session)
    return [
        NoticeSummary(
            r.id,
            r.uuid,
            r.revision,
            r.template,
            r.kind,
            r.title,
            effective_status(r.status, r.period_end, today),
            r.period_start,
            r.period_end,
            check_period(r.period_start, r.period_end, rules.get(r.template), calendar),
            r.public_url,
        )
        for r in session.execute(q).all()
    ]


@dataclass(frozen=True)
class Awaiting:
    """A notice waiting for a review step (the Today list and the badge)."""

    uuid: str
    title: str
    status: str
    period_start: date


def awaiting(session: Session, user: StaffUser | None) -> list[Awaiting]:
    ids = awaiting_ids(session, user)
    if not ids:
        return []
    rows = session.execute(
        select(Notice.uuid, Notice.title, Notice.status, Notice.period_start)
        .where(Notice.id.in_(ids))
        .order_by(Notice.period_start, Notice.id)
    ).all()
    return [Awaiting(*r) for r in rows]


def _posting_values(rows: Sequence[tuple[Posting, str, str, str, str, str, str]]) -> list[v.PostingView]:
    return [
        v.PostingView(
            p.uuid,
            n_uuid,
            n_title,
            n_status,
            p.revision,
            b_uuid,
            b_name,
            b_village,
            p.posted_on,
            p.posted_by,
            p.photo_sha256,
            p.take_down_on,
            p.taken_down_on,
            p.taken_down_by,
        )
        for p, n_uuid, n_title, n_status, b_uuid, b_name, b_village in rows
    ]


def _postings_query() -> Select[Posting, str, str, str, str, str, str]:
    return (
        select(Posting, Notice.uuid, Notice.title, Notice.status, Board.uuid, Board.name, Board.village)
        .join(Notice, Notice.id == Posting.notice_id)
        .join(Board, Board.id == Posting.board_id)
    )


def take_downs_due(session: Session, today: date) -> list[v.TakeDown]:
    """Postings still up whose take-down day is today or past, most overdue first (one statement)."""
    rows = session.execute(
        _postings_query().where(Posting.taken_down_on.is_(None), Posting.take_down_on <= today)
    ).all()
    found = [v.TakeDown(p, (today - p.take_down_on).days) for p in _posting_values(rows)]
    return sorted(found, key=lambda t: (-t.overdue_days, t.posting.board_name))


def postings_page(
    session: Session, *, notice_uuid: str | None = None, active_only: bool = False, limit: int = 200
) -> list[v.PostingView]:
    """The newest postings (one statement); the register shows the latest, not five years."""
    q = _postings_query().order_by(Posting.posted_on.desc(), Posting.id.desc()).limit(limit)
    if notice_uuid is not None:
        q = q.where(Notice.uuid == notice_uuid)
    if active_only:
        q = q.where(Posting.taken_down_on.is_(None))
    return _posting_values(session.execute(q).all())


def boards_missing(session: Session, today: date) -> list[v.MissingPosting]:
    """Approved or published (and not yet expired) notices with active target boards they are not
    posted on: three statements for every notice at once."""
    notices = session.execute(
        select(
            Notice.id,
            Notice.uuid,
            Notice.title,
            Notice.status,
            Notice.target_board_uuids,
            Notice.period_start,
        )
        .where(Notice.status.in_(POSTABLE), Notice.period_end >= today)
        .order_by(Notice.period_start, Notice.id)
    ).all()
    if not notices:
        return []
    boards = {
        b.uuid: b
        for b in session.execute(select(Board.id, Board.uuid, Board.name, Board.village, Board.active)).all()
    }
    up: set[tuple[int, str]] = set(
        session.execute(
            select(Posting.notice_id, Board.uuid)
            .join(Board, Board.id == Posting.board_id)
            .where(Posting.notice_id.in_([n.id for n in notices]), Posting.taken_down_on.is_(None))
        ).all()
    )
    out: list[v.MissingPosting] = []
    for n in notices:
        for board_uuid in json.loads(n.target_board_uuids):
            b = boards.get(board_uuid)
            if b is not None and b.active and (n.id, board_uuid) not in up:
                out.append(
                    v.MissingPosting(n.uuid, n.title, n.status, board_uuid, b.name, b.village, n.period_start)
                )
    return out


def attention(session: Session, user: StaffUser | None, today: date) -> int:
    """The notices page's "needs your action" count: reviews waiting for the user, take-downs due."""
    reviews = len(awaiting_ids(session, user))
    if user is not None and not (user.has(Role.CLERK) or user.has(Role.ADMIN)):
        return reviews
    due = session.execute(
        select(func.count())
        .select_from(Posting)
        .where(Posting.taken_down_on.is_(None), Posting.take_down_on <= today)
    ).scalar()
    return reviews + int(due or 0)


__all__ = [
    "PAGE_SIZE",
    "Awaiting",
    "NoticePage",
    "NoticeQuery",
    "NoticeRow",
    "attention",
    "awaiting",
    "boards_missing",
    "effective_status",
    "page",
    "postings_page",
    "take_downs_due",
]
