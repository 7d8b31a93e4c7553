"""RequestService: intake, numbering, workflow with role checks, outbox, masking, reminders, rules, fees."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from app.context import AppContext
from app.errors import InputError, PermissionDeniedError, StateError
from app.requests import fees
from app.users import Role, StaffUser
from db.models import AuditEntry, OutboxEntry

ID = "370112198503127715"
PHONE = "13805311234"


@pytest.fixture
def clerk(ctx: AppContext) -> StaffUser:
    return ctx.users.add("clerk", frozenset({Role.CLERK}), "gongkai123")


@pytest.fixture
def signer(ctx: AppContext) -> StaffUser:
    return ctx.users.add("final", frozenset({Role.FINAL_REVIEWER}), "gongkai123", display_name="孙终审")


@pytest.fixture
def admin(ctx: AppContext) -> StaffUser:
    return ctx.users.add("admin", frozenset({Role.ADMIN}), "gongkai123")


def new(ctx: AppContext, clerk: StaffUser, received: date = date(2025, 9, 26), **kw: object) -> str:
    args: dict[str, object] = {
        "channel": "in_person",
        "arrived_on": received,
        "applicant_kind": "natural_person",
        "applicant_name": "张建国",
        "id_number": ID,
        "phone": PHONE,
        "description": "唐王街道2025年老旧小区改造项目清单",
    }
    args.update(kw)
    return ctx.requests.intake(actor=clerk, **args).uuid  # type: ignore[arg-type]


def to_in_progress(ctx: AppContext, uuid: str, clerk: StaffUser) -> None:
    ctx.requests.transition(uuid, "registered", actor=clerk)
    ctx.requests.transition(uuid, "in_progress", actor=clerk)


def test_intake_numbers_per_year_and_computes_the_due_date(ctx: AppContext, clerk: StaffUser) -> None:
    a = ctx.requests.get(new(ctx, clerk, date(2024, 12, 30)))
    b = ctx.requests.get(new(ctx, clerk))
    c = ctx.requests.get(new(ctx, clerk))
    assert a.summary.number == "依申请〔2024〕第0001号"
    assert (b.summary.number, c.summary.number) == ("依申请〔2025〕第0001号", "依申请〔2025〕第0002号")
    assert b.summary.due_on == date(2025, 10, 30)
    assert b.summary.status == "received"


def test_intake_uses_the_confirmation_day_for_online_applications(ctx: AppContext, clerk: StaffUser) -> None:
    d = ctx.requests.get(new(ctx, clerk, date(2025, 9, 24), channel="online", confirmed_on=date(2025, 9, 25)))
    assert d.summary.received_on == date(2025, 9, 25)
    with pytest.raises(InputError, match="确认日期"):
        new(ctx, clerk, channel="ordinary_letter")


def test_intake_rejects_bad_input_naming_each_field(ctx: AppContext, clerk: StaffUser) -> None:
    with pytest.raises(InputError) as err:
        new(
            ctx, clerk, applicant_name=" ", description="", applicant_kind="alien", received=date(2025, 10, 1)
        )
    text = str(err.value)
    for field in ("申请人姓名或名称", "所需信息", "申请人类型", "到达日期"):
        assert field in text


def test_lists_and_outbox_carry_no_personal_data(ctx: AppContext, clerk: StaffUser) -> None:
    uuid = new(ctx, clerk)
    row = ctx.requests.list()[0]
    assert ID not in json.dumps(row.to_json(), ensure_ascii=False)
    assert row.id_masked == "37*************715"
    assert row.phone_masked == "138****1234"
    with ctx.session_factory() as s:
        entry = s.execute(select(OutboxEntry).where(OutboxEntry.entity_uuid == uuid)).scalar_one()
        audit_text = " ".join(a.detail for a in s.execute(select(AuditEntry)).scalars())
    payload = json.loads(entry.payload)
    assert set(payload) == {
        "uuid",
        "number",
        "status",
        "received_on",
        "due_on",
        "provisional",
        "channel",
        "applicant_kind",
        "answer_type",
    }
    assert payload["due_on"] == "2025-10-30"
    for secret in (ID, PHONE, "张建国"):
        assert secret not in entry.payload
        assert secret not in audit_text
    assert ctx.requests.get(uuid).contact.id_number == ID  # the staff detail keeps the original


def test_workflow_to_archive_with_role_checks(ctx: AppContext, clerk: StaffUser, signer: StaffUser) -> None:
    uuid = new(ctx, clerk)
    to_in_progress(ctx, uuid, clerk)
    ctx.requests.transition(uuid, "sign_off", actor=clerk)
    with pytest.raises(PermissionDeniedError, match="终审"):
        ctx.requests.answer(uuid, answer_type="disclose", actor=clerk)
    d = ctx.requests.answer(uuid, answer_type="disclose", actor=signer, note="已提供")
    assert d.summary.status == "answered" and d.answered_by == "孙终审"
    assert d.summary.days_left is None
    d = ctx.requests.transition(uuid, "archived", actor=clerk)
    assert d.archived_on == date(2025, 9, 26)


def test_transitions_outside_the_table_are_refused(ctx: AppContext, clerk: StaffUser) -> None:
    uuid = new(ctx, clerk)
    with pytest.raises(StateError, match="不能转为"):
        ctx.requests.transition(uuid, "archived", actor=clerk)
    with pytest.raises(StateError, match="专门的操作"):
        ctx.requests.transition(uuid, "correction_requested", actor=clerk)
    with pytest.raises(InputError):
        ctx.requests.transition(uuid, "lost", actor=clerk)


def test_correction_stops_and_restarts_the_clock(
    ctx: AppContext, clerk: StaffUser, signer: StaffUser
) -> None:
    uuid = new(ctx, clerk, date(2025, 9, 1))
    d = ctx.requests.request_correction(uuid, items="请写明文号", actor=clerk, on=date(2025, 9, 3))
    assert d.summary.status == "correction_requested"
    assert d.summary.due_on is None and "待补正" in d.summary.due_text
    assert d.correction_notice_due_on == date(2025, 9, 10)  # 7 working days after 1 Sept
    with pytest.raises(StateError, match="实体答复"):
        ctx.requests.answer(uuid, answer_type="disclose", actor=signer)
    d = ctx.requests.receive_correction(uuid, actor=clerk, on=date(2025, 9, 26))
    assert d.summary.due_on == date(2025, 10, 30)
    assert d.clock.clock_start_on == date(2025, 9, 26)
    ctx.requests.transition(uuid, "in_progress", actor=clerk)
    with pytest.raises(StateError):
        ctx.requests.request_correction(uuid, items="again", actor=clerk)


def test_consultation_pauses_the_request_clock(ctx: AppContext, clerk: StaffUser) -> None:
    uuid = new(ctx, clerk, date(2025, 9, 1))
    to_in_progress(ctx, uuid, clerk)
    d = ctx.requests.start_consultation(uuid, party="某物业公司", actor=clerk, on=date(2025, 9, 8))
    assert d.summary.status == "consulting" and d.summary.paused_now
    assert d.consultations[0].due_on == date(2025, 9, 28)  # 15 working days; 9/28 is a 调休 Sunday
    d = ctx.requests.end_consultation(uuid, actor=clerk, outcome="同意公开", on=date(2025, 9, 12))
    assert d.summary.due_on == date(2025, 10, 11)
    assert not d.summary.paused_now


def test_extension_needs_an_approver_a_reason_and_happens_once(
    ctx: AppContext, clerk: StaffUser, signer: StaffUser
) -> None:
    uuid = new(ctx, clerk)
    to_in_progress(ctx, uuid, clerk)
    with pytest.raises(PermissionDeniedError):
        ctx.requests.extend(uuid, days=5, reason="档案调阅", approver=clerk)
    with pytest.raises(InputError, match="理由"):
        ctx.requests.extend(uuid, days=5, reason=" ", approver=signer)
    with pytest.raises(InputError, match="1–20"):
        ctx.requests.extend(uuid, days=21, reason="档案调阅", approver=signer)
    d = ctx.requests.extend(uuid, days=5, reason="档案调阅", approver=signer)
    assert d.summary.due_on == date(2025, 11, 6)
    assert d.extension_approver == "孙终审"
    ctx.requests.transition(uuid, "sign_off", actor=clerk)
    with pytest.raises(StateError, match="已延期一次"):
        ctx.requests.extend(uuid, days=5, reason="再延", approver=signer)


def test_reminders(ctx: AppContext, clerk: StaffUser) -> None:
    """At 2025-09-26: due within 3 working days, overdue, correction and consultation waiting."""
    soon = new(ctx, clerk, date(2025, 8, 29))  # due 2025-09-26
    late = new(ctx, clerk, date(2025, 8, 20))
    waiting = new(ctx, clerk, date(2025, 9, 22))
    ctx.requests.request_correction(waiting, items="请写明文号", actor=clerk, on=date(2025, 9, 23))
    consulting = new(ctx, clerk, date(2025, 9, 22))
    to_in_progress(ctx, consulting, clerk)
    ctx.requests.start_consultation(consulting, party="第三方", actor=clerk, on=date(2025, 9, 24))
    new(ctx, clerk, date(2025, 9, 25))  # due far ahead: no reminder
    got = {(r.uuid, r.kind) for r in ctx.requests.reminders()}
    assert got == {
        (late, "overdue"),
        (soon, "due_soon"),
        (waiting, "correction_waiting"),
        (consulting, "consultation_waiting"),
    }
    assert all(r.rule and r.number.startswith("依申请") for r in ctx.requests.reminders())


def test_rules_are_data_an_admin_corrects(ctx: AppContext, clerk: StaffUser, admin: StaffUser) -> None:
    assert ctx.requests.due(date(2025, 9, 26)).due_on == date(2025, 10, 30)
    with pytest.raises(PermissionDeniedError):
        ctx.requests.set_rule("answer_days", 15, actor=clerk)
    rule = ctx.requests.set_rule("answer_days", 15, actor=admin)
    assert rule.days == 15 and "第三十三条" in rule.basis
    assert ctx.requests.due(date(2025, 9, 26)).due_on == date(2025, 10, 23)
    with pytest.raises(InputError):
        ctx.requests.set_rule("nonsense", 3, actor=admin)


def test_fee_bands() -> None:
    """国办函〔2020〕109号: progressive per-page bands and per-application bands per month."""
    assert [fees.per_page_fee(p) for p in (0, 30, 31, 100, 101, 200, 250)] == [0, 0, 10, 700, 720, 2700, 4700]
    assert [fees.per_application_fee(n) for n in (1, 10, 11, 30, 31, 40, 41, 51)] == [
        0,
        0,
        100,
        100,
        200,
        200,
        300,
        400,
    ]


def test_answer_fee_must_follow_one_scale(ctx: AppContext, clerk: StaffUser, signer: StaffUser) -> None:
    uuid = new(ctx, clerk)
    to_in_progress(ctx, uuid, clerk)
    with pytest.raises(InputError, match="一种标准"):
        ctx.requests.answer(uuid, answer_type="disclose", actor=signer, pages=45, fee_yuan=999)
    d = ctx.requests.answer(uuid, answer_type="disclose", actor=signer, pages=45, fee_yuan=150)
    assert d.fee.applies and d.fee.by_pages == 150 and d.fee_yuan == 150
    assert "按量" in d.fee.text
