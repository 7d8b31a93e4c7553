"""Information requests on the Today list and in the self-assessment, through the real requests service."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest

from app.clock import FixedClock
from app.context import AppContext
from app.today.assessment.methods.requests import requests_on_time
from app.today.assessment.period import Month
from app.today.items import Severity
from app.users import Role, StaffUser


@pytest.fixture
def clerk(ctx: AppContext) -> StaffUser:
    with ctx.session_factory() as session, session.begin():
        ctx.requests.seed_rules(session)
    return ctx.users.add("clerk", frozenset({Role.CLERK}), "gongkai123")


@pytest.fixture
def signer(ctx: AppContext) -> StaffUser:
    return ctx.users.add("final", frozenset({Role.FINAL_REVIEWER}), "gongkai123")


def new(
    ctx: AppContext, clerk: StaffUser, received: date, what: str = "唐王街道2025年老旧小区改造项目清单"
) -> str:
    return ctx.requests.intake(
        actor=clerk,
        channel="in_person",
        arrived_on=received,
        applicant_kind="natural_person",
        applicant_name="张建国",
        description=what,
    ).uuid


def answer(ctx: AppContext, uuid: str, clerk: StaffUser, signer: StaffUser, on: date) -> None:
    ctx.requests.transition(uuid, "registered", actor=clerk)
    ctx.requests.transition(uuid, "in_progress", actor=clerk)
    ctx.requests.answer(uuid, answer_type="disclose", actor=signer, on=on)


def due_items(ctx: AppContext, user: StaffUser) -> list[tuple[Severity, date | None]]:
    return [(i.severity, i.due) for i in ctx.today.items(user) if i.kind == "request.answer_due"]


def test_answer_due_across_national_day_then_gone_when_answered(
    ctx: AppContext, clerk: StaffUser, signer: StaffUser, clock: FixedClock
) -> None:
    """Received Fri 2025-09-26: 20 working days skip 10/1–10/8 and end on Thu 10/30."""
    uuid = new(ctx, clerk, date(2025, 9, 26))
    assert due_items(ctx, clerk) == []
    clock.set(datetime(2025, 10, 27, 9, 0))
    assert due_items(ctx, clerk) == [(Severity.DUE_SOON, date(2025, 10, 30))]
    clock.set(datetime(2025, 10, 30, 9, 0))
    assert due_items(ctx, clerk) == [(Severity.DUE_TODAY, date(2025, 10, 30))]
    clock.set(datetime(2025, 10, 31, 9, 0))
    item = next(i for i in ctx.today.items(clerk) if i.kind == "request.answer_due")
    assert item.severity is Severity.OVERDUE and "已超期" in item.why and "张建国" not in item.title
    assert due_items(ctx, StaffUser(9, "x", "r2", "", frozenset({Role.SECOND_REVIEWER}))) == []
    answer(ctx, uuid, clerk, signer, date(2025, 10, 31))
    assert due_items(ctx, clerk) == []


def test_a_correction_waiting_is_for_information_until_its_period_ends(
    ctx: AppContext, clerk: StaffUser, clock: FixedClock
) -> None:
    uuid = new(ctx, clerk, date(2025, 9, 26))
    ctx.requests.request_correction(uuid, actor=clerk, items="请写明所需信息的名称")
    waiting = [i for i in ctx.today.items(clerk) if i.kind == "request.correction_waiting"]
    assert len(waiting) == 1 and not waiting[0].actionable and waiting[0].severity is Severity.INFO
    due = waiting[0].due
    assert due is not None
    clock.set(datetime(due.year, due.month, due.day, 9, 0) + timedelta(days=1))
    late = [i for i in ctx.today.items(clerk) if i.kind == "request.correction_waiting"]
    assert late[0].actionable and late[0].severity is Severity.OVERDUE


def test_on_time_answers_match_an_independent_count(
    ctx: AppContext, clerk: StaffUser, signer: StaffUser, clock: FixedClock
) -> None:
    rng = random.Random(7)
    calendar = ctx.holidays.calendar()
    clock.set(datetime(2025, 11, 20, 9, 0))
    expected_ok = expected_all = 0
    for k in range(14):
        received = date(2025, 8, 20) + timedelta(days=rng.randrange(0, 50))
        uuid = new(ctx, clerk, received, f"申请事项{k}")
        if rng.random() < 0.15:
            continue  # still open
        answered = received + timedelta(days=rng.randrange(5, 45))
        answer(ctx, uuid, clerk, signer, answered)
        if Month(2025, 10).contains(answered):
            expected_all += 1
            expected_ok += answered <= calendar.add(received, 20).date
    assert expected_all > 3
    figure = requests_on_time(ctx, Month(2025, 10))
    assert (figure.numerator, figure.denominator) == (expected_ok, expected_all)
    assert all(e.page_key == "requests" for e in figure.evidence)
