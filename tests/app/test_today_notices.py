"""Notices on the Today list and in the self-assessment, through the real notices service."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest

from app.clock import FixedClock
from app.context import AppContext
from app.notices import NoticeDraft
from app.today.assessment.methods.notices import notices_posted_on_time, notices_reviewed, take_down_deadline
from app.today.assessment.period import Month
from app.today.items import Severity
from app.users import Role, StaffUser


@pytest.fixture
def people(ctx: AppContext) -> dict[str, StaffUser]:
    with ctx.session_factory() as session, session.begin():
        ctx.notices.seed_period_rules(session)
    roles = {
        "admin": {Role.ADMIN, Role.CLERK},
        "clerk": {Role.CLERK},
        "r1": {Role.FIRST_REVIEWER},
        "r2": {Role.SECOND_REVIEWER},
        "r3": {Role.FINAL_REVIEWER},
    }
    return {n: ctx.users.add(n, frozenset(r), "secret-123") for n, r in roles.items()}


def draft(title: str, start: date, end: date, boards: tuple[str, ...] = ()) -> NoticeDraft:
    return NoticeDraft(
        template="general",
        title=title,
        body="适龄青年请到街道武装部报名。",
        period_start=start,
        period_end=end,
        issuer="唐王街道办事处",
        contact="武装部 0531-88123459",
        target_board_uuids=boards,
    )


def kinds(ctx: AppContext, user: StaffUser, kind: str) -> list[tuple[str, Severity]]:
    return [(i.title, i.severity) for i in ctx.today.items(user) if i.kind == kind]


def test_each_reviewer_sees_the_notice_only_at_their_step(
    ctx: AppContext, people: dict[str, StaffUser]
) -> None:
    n = ctx.notices.create(
        draft("征兵公告", date(2025, 9, 26), date(2025, 9, 30)), actor=people["admin"], submit=True
    )
    assert kinds(ctx, people["r1"], "notice.review") == [("初审：征兵公告", Severity.DUE_TODAY)]
    assert kinds(ctx, people["r2"], "notice.review") == []
    ctx.notices.review(n.uuid, actor=people["r1"], decision="approve")
    assert kinds(ctx, people["r1"], "notice.review") == []
    assert kinds(ctx, people["r2"], "notice.review") == [("复审：征兵公告", Severity.DUE_TODAY)]
    ctx.notices.review(n.uuid, actor=people["r2"], decision="approve")
    assert [i.title for i in ctx.today.items(None) if i.kind == "notice.review"] == ["终审：征兵公告"]
    ctx.notices.review(n.uuid, actor=people["r3"], decision="approve", confidentiality_checked=True)
    assert [i for i in ctx.today.items(None) if i.kind == "notice.review"] == []


def test_a_review_for_a_period_after_the_holiday_counts_working_days(
    ctx: AppContext, people: dict[str, StaffUser]
) -> None:
    """Period starting 10/9: 9/28, 9/29, 9/30 are the 3 working days, so it is still only 'to do'."""
    ctx.notices.create(
        draft("国庆后公示", date(2025, 10, 9), date(2025, 10, 20)), actor=people["admin"], submit=True
    )
    assert kinds(ctx, people["r1"], "notice.review") == [("初审：国庆后公示", Severity.INFO)]


def test_posting_missing_then_take_down_due_then_gone(
    ctx: AppContext, people: dict[str, StaffUser], clock: FixedClock
) -> None:
    admin, clerk = people["admin"], people["clerk"]
    board = ctx.notices.add_board("东唐村村务公开栏", "东唐村", actor=admin)
    n = ctx.notices.create(
        draft("征兵公告", date(2025, 9, 26), date(2025, 9, 30), (board.uuid,)), actor=admin, submit=True
    )
    for who in ("r1", "r2", "r3"):
        ctx.notices.review(n.uuid, actor=people[who], decision="approve", confidentiality_checked=True)
    assert kinds(ctx, clerk, "notice.posting_missing") == [
        ("张贴：征兵公告 → 东唐村村务公开栏", Severity.DUE_TODAY)
    ]
    assert kinds(ctx, people["r1"], "notice.posting_missing") == []  # a clerk's job
    posting = ctx.notices.record_posting(n.uuid, board.uuid, actor=clerk)
    assert kinds(ctx, clerk, "notice.posting_missing") == []
    assert kinds(ctx, clerk, "notice.take_down") == []
    clock.set(datetime(2025, 10, 9, 9, 0))  # take-down day 10/1 fell in the holiday
    found = [i for i in ctx.today.items(clerk) if i.kind == "notice.take_down"]
    assert [(i.severity, i.due) for i in found] == [(Severity.OVERDUE, date(2025, 10, 1))]
    assert "东唐村村务公开栏" in found[0].why and "东唐村东唐村" not in found[0].why
    ctx.notices.take_down(posting.uuid, actor=clerk)
    assert kinds(ctx, clerk, "notice.take_down") == []


def test_posting_figures_match_an_independent_count(
    ctx: AppContext, people: dict[str, StaffUser], clock: FixedClock
) -> None:
    rng = random.Random(4)
    admin, clerk = people["admin"], people["clerk"]
    calendar = ctx.holidays.calendar()
    boards = [
        ctx.notices.add_board(f"{v}村务公开栏", v, actor=admin) for v in ("东唐村", "西营村", "山头店村")
    ]
    clock.set(datetime(2025, 9, 1, 9, 0))
    expected_ok = expected_all = published_in_sep = 0
    created = []
    for k in range(8):
        start = date(2025, 9, 2) + timedelta(days=rng.randrange(0, 20))
        end = start + timedelta(days=rng.randrange(3, 12))
        n = ctx.notices.create(
            draft(f"公示{k}", start, end, tuple(b.uuid for b in boards)), actor=admin, submit=True
        )
        for who in ("r1", "r2", "r3"):
            ctx.notices.review(n.uuid, actor=people[who], decision="approve", confidentiality_checked=True)
        if rng.random() < 0.6:
            ctx.notices.publish(n.uuid, actor=admin)
            published_in_sep += 1
        created.append((n.uuid, start, end))
    clock.set(datetime(2025, 10, 20, 9, 0))
    for uuid, start, end in created:
        for board in boards:
            if rng.random() < 0.3:
                continue
            posted = start + timedelta(days=rng.choice([-1, 0, 0, 1, 2]))
            p = ctx.notices.record_posting(uuid, board.uuid, actor=clerk, posted_on=posted)
            if Month(2025, 9).contains(posted):
                expected_all += 1
                expected_ok += posted <= start
            deadline = take_down_deadline(end + timedelta(days=1), calendar)
            down = None if rng.random() < 0.2 else end + timedelta(days=rng.choice([1, 1, 2, 5]))
            if down is not None:
                ctx.notices.take_down(p.uuid, actor=clerk, on=down)
            if Month(2025, 9).contains(deadline):
                expected_all += 1
                expected_ok += down is not None and down <= deadline
    assert expected_all > 10 and 0 < expected_ok < expected_all
    figure = notices_posted_on_time(ctx, Month(2025, 9))
    assert (figure.numerator, figure.denominator) == (expected_ok, expected_all)
    reviewed = notices_reviewed(ctx, Month(2025, 9))
    assert (reviewed.numerator, reviewed.denominator) == (published_in_sep, published_in_sep)


def test_an_approved_notice_with_several_boards_not_posted_is_announced_once_per_board(
    ctx: AppContext, people: dict[str, StaffUser]
) -> None:
    """Regression (issue 16): the reminder log's key was the same for every target board, so the
    clerk's first summary of the day failed with UNIQUE constraint failed: reminder_log.day, …"""
    admin = people["admin"]
    boards = tuple(
        ctx.notices.add_board(f"{v}村务公开栏", v, actor=admin).uuid for v in ("东唐村", "西营村", "山头店村")
    )
    n = ctx.notices.create(
        draft("征兵公告", date(2025, 9, 26), date(2025, 9, 30), boards), actor=admin, submit=True
    )
    ctx.notices.review(n.uuid, actor=people["r1"], decision="approve")
    ctx.notices.review(n.uuid, actor=people["r2"], decision="approve")
    ctx.notices.review(n.uuid, actor=people["r3"], decision="approve", confidentiality_checked=True)
    first = ctx.today.reminders.announce(people["clerk"])
    missing = [i for i in first.items if i.kind == "notice.posting_missing"]
    assert len(missing) == 3 and len({i.key for i in missing}) == 3
    assert ctx.today.reminders.announce(people["clerk"]).items == ()
