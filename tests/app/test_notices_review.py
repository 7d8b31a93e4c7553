"""Notices: creation, the period check, the review chain (every transition), roles, revisions, outbox."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from app.context import AppContext
from app.errors import InputError, PermissionDeniedError, StateError
from app.notices import NoticeDraft, Roster
from app.notices import values as v
from app.users import Role, StaffUser
from db.models import AuditEntry, OutboxEntry

ID1 = "370112195603120413"  # valid check digit (fake)


@pytest.fixture
def staff(ctx: AppContext) -> dict[str, StaffUser]:
    """Staff with one role each, and the init step that seeds the legal minimum periods."""
    with ctx.session_factory() as session, session.begin():
        ctx.notices.seed_period_rules(session)
    users = {
        "clerk": frozenset({Role.CLERK}),
        "r1": frozenset({Role.FIRST_REVIEWER, Role.CLERK}),
        "r2": frozenset({Role.SECOND_REVIEWER}),
        "r3": frozenset({Role.FINAL_REVIEWER}),
        "boss": frozenset({Role.FIRST_REVIEWER, Role.SECOND_REVIEWER, Role.FINAL_REVIEWER}),
        "admin": frozenset({Role.ADMIN}),
    }
    return {name: ctx.users.add(name, roles, "secret-123") for name, roles in users.items()}


def draft(**kw: object) -> NoticeDraft:
    base: dict[str, object] = {
        "template": "dibao",
        "title": "关于2025年第三批最低生活保障拟保障对象的公示",
        "body": f"现将名单公示如下。\n\n申请人张三身份证号{ID1}，电话13805318842。",
        "period_start": date(2025, 9, 26),
        "period_end": date(2025, 10, 2),
        "issuer": "历城区唐王街道办事处",
        "contact": "社会事务办 0531-88123457",
        "supervision_phone": "0531-88123456",
        "roster": Roster(("户主姓名", "身份证号"), (("张三", ID1),)),
    }
    base.update(kw)
    return NoticeDraft(**base)  # type: ignore[arg-type]


def approve_all(ctx: AppContext, uuid: str, staff: dict[str, StaffUser]) -> v.NoticeView:
    ctx.notices.review(uuid, actor=staff["r1"], decision="approve")
    ctx.notices.review(uuid, actor=staff["r2"], decision="approve")
    return ctx.notices.review(uuid, actor=staff["r3"], decision="approve", confidentiality_checked=True)


def outbox_payloads(ctx: AppContext, uuid: str) -> list[dict[str, object]]:
    with ctx.session_factory() as s:
        rows = s.execute(select(OutboxEntry).where(OutboxEntry.entity_uuid == uuid).order_by(OutboxEntry.seq))
        return [json.loads(r.payload) for r in rows.scalars()]


def test_create_fixes_public_url_and_enqueues_masked_payload(
    ctx: AppContext, staff: dict[str, StaffUser]
) -> None:
    n = ctx.notices.create(draft(), actor=staff["clerk"])
    assert n.status == v.DRAFT and n.revision == 1
    assert n.public_url == f"https://gk.example.gov.cn/n/{n.uuid}"
    (payload,) = outbox_payloads(ctx, n.uuid)
    assert set(payload) >= {
        "uuid",
        "revision",
        "kind",
        "template",
        "title",
        "body",
        "roster",
        "issuer",
        "contact",
        "supervision_phone",
        "period_start",
        "period_end",
        "status",
        "public_url",
        "published_at",
        "catalogue_item_uuids",
        "boards",
    }
    text = json.dumps(payload, ensure_ascii=False)
    assert ID1 not in text and "13805318842" not in text
    assert "37*************413" in payload["body"]  # type: ignore[operator]
    assert payload["roster"] == {
        "columns": ["户主姓名", "身份证号"],
        "rows": [["张三", "37*************413"]],
    }
    assert payload["supervision_phone"] == "0531-88123456"  # the public line stays readable


def test_full_chain_and_every_step_is_recorded(ctx: AppContext, staff: dict[str, StaffUser]) -> None:
    n = ctx.notices.create(draft(), actor=staff["clerk"], submit=True)
    assert n.status == v.FIRST_REVIEW
    n = ctx.notices.review(n.uuid, actor=staff["r1"], decision="approve", opinion="同意")
    assert n.status == v.SECOND_REVIEW
    n = ctx.notices.review(n.uuid, actor=staff["r2"], decision="approve")
    assert n.status == v.FINAL_REVIEW
    with pytest.raises(InputError, match="保密审查"):
        ctx.notices.review(n.uuid, actor=staff["r3"], decision="approve")
    n = ctx.notices.review(n.uuid, actor=staff["r3"], decision="approve", confidentiality_checked=True)
    assert n.status == v.APPROVED
    n = ctx.notices.publish(n.uuid, actor=staff["clerk"])
    assert n.status == v.PUBLISHED and n.published_at is not None
    assert [(r.step, r.decision, r.actor) for r in n.reviews] == [
        ("submit", "submit", "clerk"),
        ("first", "approve", "r1"),
        ("second", "approve", "r2"),
        ("final", "approve", "r3"),
        ("publish", "publish", "clerk"),
    ]
    assert n.reviews[1].opinion == "同意" and n.reviews[3].confidentiality_checked
    statuses = [p["status"] for p in outbox_payloads(ctx, n.uuid)]
    assert statuses == ["first_review", "second_review", "final_review", "approved", "published"]
    with ctx.session_factory() as s:
        actions = [a for (a,) in s.execute(select(AuditEntry.action).where(AuditEntry.entity_uuid == n.uuid))]
    assert actions.count("notice.review.approve") == 3 and "notice.publish" in actions


def test_return_at_each_step_needs_reason_and_goes_back_to_draft(
    ctx: AppContext, staff: dict[str, StaffUser]
) -> None:
    for reviewers in ([], ["r1"], ["r1", "r2"]):
        n = ctx.notices.create(draft(), actor=staff["clerk"], submit=True)
        for r in reviewers:
            ctx.notices.review(n.uuid, actor=staff[r], decision="approve")
        actor = staff[["r1", "r2", "r3"][len(reviewers)]]
        with pytest.raises(InputError, match="理由"):
            ctx.notices.review(n.uuid, actor=actor, decision="return")
        back = ctx.notices.review(n.uuid, actor=actor, decision="return", opinion="名单需核对")
        assert back.status == v.DRAFT and back.return_reason == "名单需核对"
        assert ctx.notices.submit(n.uuid, actor=staff["clerk"]).status == v.FIRST_REVIEW


def test_roles_are_enforced(ctx: AppContext, staff: dict[str, StaffUser]) -> None:
    n = ctx.notices.create(draft(), actor=staff["clerk"], submit=True)
    with pytest.raises(PermissionDeniedError, match="初审"):
        ctx.notices.review(n.uuid, actor=staff["r2"], decision="approve")
    with pytest.raises(PermissionDeniedError):
        ctx.notices.create(draft(), actor=staff["r3"])
    with pytest.raises(PermissionDeniedError):
        ctx.notices.withdraw(n.uuid, actor=staff["clerk"], reason="x")


def test_nobody_approves_their_own_draft_or_two_steps(ctx: AppContext, staff: dict[str, StaffUser]) -> None:
    n = ctx.notices.create(draft(), actor=staff["r1"], submit=True)
    with pytest.raises(PermissionDeniedError, match="自己"):
        ctx.notices.review(n.uuid, actor=staff["r1"], decision="approve")
    assert ctx.notices.awaiting_review(staff["r1"]) == []
    m = ctx.notices.create(draft(), actor=staff["clerk"], submit=True)
    ctx.notices.review(m.uuid, actor=staff["boss"], decision="approve")
    with pytest.raises(PermissionDeniedError, match="不同人员"):
        ctx.notices.review(m.uuid, actor=staff["boss"], decision="approve")


def test_a_returned_notice_goes_through_the_whole_chain_again(
    ctx: AppContext, staff: dict[str, StaffUser]
) -> None:
    """A return at the second step, an edit and a new submission: the same first reviewer may
    approve the first step again (three different people per pass of the chain)."""
    n = ctx.notices.create(draft(), actor=staff["clerk"], submit=True)
    ctx.notices.review(n.uuid, actor=staff["r1"], decision="approve")
    ctx.notices.review(n.uuid, actor=staff["r2"], decision="return", opinion="名单有误")
    ctx.notices.update(
        n.uuid, draft(title="关于2025年第三批最低生活保障拟保障对象的公示（更正）"), actor=staff["clerk"]
    )
    ctx.notices.submit(n.uuid, actor=staff["clerk"])
    assert approve_all(ctx, n.uuid, staff).status == v.APPROVED
    # Within one pass the rule holds: r1 cannot also take the second step (as "boss" could not).
    m = ctx.notices.create(draft(), actor=staff["clerk"], submit=True)
    ctx.notices.review(m.uuid, actor=staff["boss"], decision="approve")
    with pytest.raises(PermissionDeniedError):
        ctx.notices.review(m.uuid, actor=staff["boss"], decision="approve")


def test_forbidden_transitions(ctx: AppContext, staff: dict[str, StaffUser]) -> None:
    n = ctx.notices.create(draft(), actor=staff["clerk"])
    with pytest.raises(StateError):
        ctx.notices.review(n.uuid, actor=staff["r1"], decision="approve")  # a draft is not in review
    with pytest.raises(StateError):
        ctx.notices.publish(n.uuid, actor=staff["clerk"])
    ctx.notices.submit(n.uuid, actor=staff["clerk"])
    with pytest.raises(StateError):
        ctx.notices.submit(n.uuid, actor=staff["clerk"])
    with pytest.raises(StateError, match="退回"):
        ctx.notices.update(n.uuid, draft(title="改"), actor=staff["clerk"])
    with pytest.raises(InputError):
        ctx.notices.review(n.uuid, actor=staff["r1"], decision="maybe")
    approve_all(ctx, n.uuid, staff)
    ctx.notices.withdraw(n.uuid, actor=staff["admin"], reason="数据有误")
    for call in (
        lambda: ctx.notices.publish(n.uuid, actor=staff["clerk"]),
        lambda: ctx.notices.update(n.uuid, draft(), actor=staff["clerk"]),
        lambda: ctx.notices.withdraw(n.uuid, actor=staff["admin"], reason="again"),
    ):
        with pytest.raises(StateError):
            call()


def test_editing_an_approved_notice_makes_a_new_revision(
    ctx: AppContext, staff: dict[str, StaffUser]
) -> None:
    n = ctx.notices.create(draft(), actor=staff["clerk"], submit=True)
    approve_all(ctx, n.uuid, staff)
    ctx.notices.publish(n.uuid, actor=staff["clerk"])
    edited = ctx.notices.update(n.uuid, draft(title="关于……的更正公示"), actor=staff["r1"])
    assert edited.revision == 2 and edited.status == v.DRAFT and edited.published_at is None
    assert edited.public_url == n.public_url
    ctx.notices.submit(n.uuid, actor=staff["clerk"])
    with pytest.raises(PermissionDeniedError):  # r1 wrote revision 2
        ctx.notices.review(n.uuid, actor=staff["r1"], decision="approve")
    ctx.notices.review(n.uuid, actor=staff["boss"], decision="approve")
    assert outbox_payloads(ctx, n.uuid)[-1]["revision"] == 2


def test_period_minimum_is_checked_in_working_days_and_is_data(
    ctx: AppContext, staff: dict[str, StaffUser]
) -> None:
    with pytest.raises(InputError, match="period_end.*7日"):
        ctx.notices.create(draft(period_end=date(2025, 9, 30)), actor=staff["clerk"])
    land = draft(
        template="land_pre", roster=None, period_start=date(2025, 9, 26), period_end=date(2025, 10, 10)
    )
    # 9/26..10/10 spans National Day: 9/26, 9/28 (make-up), 9/29, 9/30, 10/9, 10/10 = 6; 10/11 is a make-up day.
    with pytest.raises(InputError, match="10个工作日.*2025-10-15"):
        ctx.notices.create(land, actor=staff["clerk"])
    ok = ctx.notices.create(
        draft(template="land_pre", roster=None, period_end=date(2025, 10, 15)), actor=staff["clerk"]
    )
    assert ok.period_check.ok and ok.period_check.days == 10 and not ok.period_check.provisional
    ctx.notices.set_period_rule("land_pre", 5, "working", "本地更正", actor=staff["admin"])
    assert ctx.notices.create(land, actor=staff["clerk"]).period_check.min_days == 5
    late = ctx.notices.check_period("land_pre", date(2027, 12, 20), date(2028, 1, 10))
    assert late.provisional and "暂定" in late.message


def test_expiry_follows_the_period_end(ctx: AppContext, staff: dict[str, StaffUser], clock: object) -> None:
    n = ctx.notices.create(draft(), actor=staff["clerk"], submit=True)
    approve_all(ctx, n.uuid, staff)
    ctx.notices.publish(n.uuid, actor=staff["clerk"])
    assert [p.uuid for p in ctx.notices.published_current(date(2025, 9, 27))] == [n.uuid]
    clock.advance(days=7)  # type: ignore[attr-defined]
    # Reading never writes: the notice reads as expired at once, and housekeeping (window start,
    # midnight) stores it and tells the platform.
    assert ctx.notices.get(n.uuid).status == v.EXPIRED
    assert outbox_payloads(ctx, n.uuid)[-1]["status"] == "published"
    assert ctx.notices.expire_due() == 1
    assert outbox_payloads(ctx, n.uuid)[-1]["status"] == "expired"


def test_masking_override_is_applied_and_audited(ctx: AppContext, staff: dict[str, StaffUser]) -> None:
    body = "项目编号6222021234567890128（非个人信息）。"
    n = ctx.notices.create(
        draft(body=body, masking_exemptions=("6222021234567890128",)), actor=staff["clerk"]
    )
    assert "6222021234567890128" in ctx.notices.masked(n.uuid).body
    with ctx.session_factory() as s:
        entry = s.execute(
            select(AuditEntry).where(AuditEntry.action == "notice.masking_override")
        ).scalar_one()
    assert "6222021234567890128" not in entry.detail and "bank_card" in entry.detail


def test_invalid_draft_names_every_field(ctx: AppContext, staff: dict[str, StaffUser]) -> None:
    bad = draft(template="nope", title="", issuer="", roster=Roster(("a", "b"), (("1",),)))
    with pytest.raises(InputError) as err:
        ctx.notices.create(bad, actor=staff["clerk"])
    text = str(err.value)
    assert "template" in text and "title" in text and "issuer" in text and "roster.rows 第 1 行" in text
