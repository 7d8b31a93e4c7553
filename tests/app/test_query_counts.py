"""Lists load with a constant number of SQL statements, whatever the number of rows (issue 16).

Each test counts the statements of a read over a small site and over the same site with many more
records, through a SQLAlchemy engine event listener: the counts must be equal. (Timings live in
bench/scale.py; here only the shape of the work is checked.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import event

from app.context import AppContext
from app.notices import NoticeDraft, Roster
from app.notices.queries import NoticeQuery
from app.requests.values import RequestQuery
from app.users import Role, StaffUser


@contextmanager
def counting(ctx: AppContext) -> Iterator[list[str]]:
    seen: list[str] = []

    def on_query(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(ctx.engine, "before_cursor_execute", on_query)
    try:
        yield seen
    finally:
        event.remove(ctx.engine, "before_cursor_execute", on_query)


def queries(ctx: AppContext, read: Callable[[], object]) -> int:
    with counting(ctx) as seen:
        read()
    return len(seen)


@pytest.fixture
def staff(ctx: AppContext) -> dict[str, StaffUser]:
    with ctx.session_factory() as session, session.begin():
        ctx.notices.seed_period_rules(session)
        ctx.requests.seed_rules(session)
    roles = {
        "clerk": {Role.CLERK, Role.ADMIN},
        "r1": {Role.FIRST_REVIEWER},
        "r2": {Role.SECOND_REVIEWER},
        "r3": {Role.FINAL_REVIEWER},
    }
    return {n: ctx.users.add(n, frozenset(r), "secret-123") for n, r in roles.items()}


def add_notices(ctx: AppContext, staff: dict[str, StaffUser], n: int, boards: tuple[str, ...]) -> None:
    """``n`` notices in every state the lists and Today look at (review, approved and posted)."""
    for i in range(n):
        notice = ctx.notices.create(
            NoticeDraft(
                template="general",
                title=f"关于第{i}批事项的公告",
                body="正文。",
                period_start=date(2025, 9, 26),
                period_end=date(2025, 10, 10),
                issuer="唐王街道办事处",
                contact="社会事务办 0531-88123457",
                roster=Roster(("姓名", "村"), tuple((f"张{i}{k}", "东唐村") for k in range(20))),
                target_board_uuids=boards,
            ),
            actor=staff["clerk"],
            submit=True,
        )
        if i % 3:
            ctx.notices.review(notice.uuid, actor=staff["r1"], decision="approve")
            ctx.notices.review(notice.uuid, actor=staff["r2"], decision="approve")
            ctx.notices.review(
                notice.uuid, actor=staff["r3"], decision="approve", confidentiality_checked=True
            )
        if i % 3 == 2:
            ctx.notices.record_posting(notice.uuid, boards[0], actor=staff["clerk"])


def add_requests(ctx: AppContext, staff: dict[str, StaffUser], n: int) -> None:
    for i in range(n):
        d = ctx.requests.intake(
            actor=staff["clerk"],
            channel="in_person",
            arrived_on=date(2025, 9, 1 + i % 20),
            applicant_kind="natural_person",
            applicant_name=f"李{i}",
            description="唐王街道老旧小区改造项目清单",
        )
        if i % 2:
            ctx.requests.transition(d.uuid, "registered", actor=staff["clerk"])


def test_notice_list_page_review_queue_and_today_are_constant(
    ctx: AppContext, staff: dict[str, StaffUser]
) -> None:
    admin = staff["clerk"]
    boards = tuple(ctx.notices.add_board(f"{v}公开栏", v, actor=admin).uuid for v in ("东唐村", "西营村"))

    def reads() -> dict[str, int]:
        return {
            "page": queries(ctx, lambda: ctx.notices.page(NoticeQuery(), admin)),
            "mine": queries(ctx, lambda: ctx.notices.page(NoticeQuery(status="mine"), staff["r1"])),
            "search": queries(ctx, lambda: ctx.notices.page(NoticeQuery(text="批"), admin)),
            "awaiting": queries(ctx, lambda: ctx.notices.awaiting_review(staff["r1"])),
            "attention": queries(ctx, lambda: ctx.notices.attention(admin)),
            "take_downs": queries(ctx, lambda: ctx.notices.take_downs_due(date(2025, 10, 20))),
            "missing": queries(ctx, lambda: ctx.notices.boards_missing_notices()),
            "today": queries(ctx, lambda: ctx.today.list(admin)),
        }

    add_notices(ctx, staff, 3, boards)
    few = reads()
    add_notices(ctx, staff, 30, boards)
    many = reads()
    assert many == few, (few, many)
    assert few["page"] <= 4


def test_notice_detail_and_actions_are_constant(ctx: AppContext, staff: dict[str, StaffUser]) -> None:
    admin = staff["clerk"]
    boards = (ctx.notices.add_board("东唐村公开栏", "东唐村", actor=admin).uuid,)
    add_notices(ctx, staff, 2, boards)
    uuid = ctx.notices.page(NoticeQuery(), admin).rows[0].uuid

    def detail() -> int:
        return queries(ctx, lambda: (ctx.notices.get(uuid), ctx.notices.actions(admin, uuid)))

    few = detail()
    add_notices(ctx, staff, 20, boards)
    assert detail() == few


def test_request_list_page_and_counts_are_constant(ctx: AppContext, staff: dict[str, StaffUser]) -> None:
    def reads() -> dict[str, int]:
        return {
            "page": queries(ctx, lambda: ctx.requests.page(RequestQuery())),
            "open": queries(ctx, lambda: ctx.requests.page(RequestQuery(state="open", text="改造"))),
            "counts": queries(ctx, ctx.requests.counts),
        }

    add_requests(ctx, staff, 4)
    few = reads()
    add_requests(ctx, staff, 40)
    assert reads() == few, (few, reads())


def test_reads_never_write(ctx: AppContext, staff: dict[str, StaffUser]) -> None:
    """Listing and opening notices runs no INSERT/UPDATE/DELETE (expiry is housekeeping's)."""
    admin = staff["clerk"]
    boards = (ctx.notices.add_board("东唐村公开栏", "东唐村", actor=admin).uuid,)
    add_notices(ctx, staff, 3, boards)
    with counting(ctx) as seen:
        page = ctx.notices.page(NoticeQuery(), admin)
        for row in page.rows:
            ctx.notices.get(row.uuid)
            ctx.notices.actions(admin, row.uuid)
        ctx.notices.list()
        ctx.today.list(admin)
        ctx.requests.page(RequestQuery())
    writes = [s for s in seen if s.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert writes == []
