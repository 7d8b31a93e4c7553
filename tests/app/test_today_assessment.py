"""Monthly self-assessment: criteria editing, scoring rules, and figures against an independent count."""

from __future__ import annotations

import json
import random
from datetime import date

import pytest

from app import audit
from app.clock import local
from app.context import AppContext
from app.errors import InputError, PermissionDeniedError
from app.today.assessment.figures import Direction, Figure, Method, achievement
from app.today.assessment.period import Month
from app.uow import transaction
from app.users import Role, StaffUser
from db.base import utcnow

ADMIN = StaffUser(1, "u1", "admin", "王专员", frozenset({Role.ADMIN}))
CLERK = StaffUser(2, "u2", "clerk", "李窗口", frozenset({Role.CLERK}))


@pytest.fixture
def seeded(ctx: AppContext) -> AppContext:
    """The context with the default criteria, as ``gongkai init`` leaves it."""
    with transaction(ctx.session_factory) as session:
        ctx.today.assessment.seed_defaults(session)
    return ctx


def test_month_parsing_and_arithmetic() -> None:
    m = Month.parse("2025-12")
    assert (m.start, m.end, m.next(), m.label) == (
        date(2025, 12, 1),
        date(2025, 12, 31),
        Month(2026, 1),
        "2025年12月",
    )
    assert Month(2025, 3).back(3) == [Month(2025, 1), Month(2025, 2), Month(2025, 3)]
    assert Month(2025, 1).previous() == Month(2024, 12)
    with pytest.raises(InputError, match="--month"):
        Month.parse("2025-13")


def test_achievement_rules() -> None:
    rate = Method("r", "r", Direction.RATE, "", lambda c, m: Figure(0, 0))
    limit = Method("l", "l", Direction.LIMIT, "", lambda c, m: Figure(0, 0))
    assert achievement(rate, Figure(9, 10), 1.0) == pytest.approx(0.9)
    assert achievement(rate, Figure(19, 20), 0.95) == 1.0
    assert achievement(rate, Figure(0, 0), 1.0) is None  # nothing to measure: not applicable
    assert achievement(limit, Figure(0, 0), 0) == 1.0
    assert achievement(limit, Figure(2, 0), 0) == 0.5
    assert achievement(limit, Figure(9, 0), 0) == 0.0


def test_init_seeds_the_criteria_whose_method_is_available(ctx: AppContext) -> None:
    with transaction(ctx.session_factory) as session:
        added = ctx.today.assessment.seed_defaults(session)
    codes = [c.code for c in ctx.today.assessment.criteria()]
    assert set(added) == set(codes) and set(codes) <= set(ctx.today.assessment.methods)
    with transaction(ctx.session_factory) as session:
        assert ctx.today.assessment.seed_defaults(session) == []  # idempotent


def test_only_the_admin_edits_criteria_and_every_change_is_audited(ctx: AppContext) -> None:
    service = ctx.today.assessment
    with pytest.raises(PermissionDeniedError):
        service.save_criterion(CLERK, "x", name="x", weight=5, method="masking_overrides", target=0, rule="")
    saved = service.save_criterion(
        ADMIN, "masking", name="取消遮蔽", weight=12, method="masking_overrides", target=1, rule="不超过1次"
    )
    assert saved.weight == 12 and service.criteria()[-1] == saved
    with transaction(ctx.session_factory) as session:
        assert audit.verify(session).ok
    from sqlalchemy import select

    from db.models import AuditEntry

    with ctx.session_factory() as session:
        actions = session.execute(select(AuditEntry.action)).scalars().all()
    assert "assessment.criterion_save" in actions


def test_bad_criteria_are_rejected_with_every_problem(ctx: AppContext) -> None:
    with pytest.raises(InputError) as info:
        ctx.today.assessment.save_criterion(ADMIN, "x", name="", weight=0, method="nope", target=0, rule="")
    text = str(info.value)
    assert "名称" in text and "分值" in text and "计算方法" in text


def _override(
    ctx: AppContext, unmasked: list[dict[str, str]], action: str = "notice.masking_override"
) -> None:
    with transaction(ctx.session_factory) as session:
        audit.record(
            session,
            actor="clerk",
            action=action,
            entity="notice",
            entity_uuid="n-" + str(random.random()),
            detail={"unmasked": unmasked, "remasked": []},
        )


def test_masking_override_figure_matches_an_independent_count(ctx: AppContext) -> None:
    rng = random.Random(8)
    expected = 0
    for _ in range(40):
        roll = rng.random()
        if roll < 0.5:
            _override(ctx, [{"kind": rng.choice(["id", "mobile", "address"]), "masked": "***"}])
            expected += 1
        elif roll < 0.7:
            _override(ctx, [])  # only re-masked: not an override
        else:
            _override(ctx, [{"kind": "id", "masked": "***"}], action="notice.publish")
    # Audit entries carry the wall-clock instant; score the month they fall in.
    month = Month.of(local(utcnow()).date())
    ctx.today.assessment.save_criterion(
        ADMIN,
        "masking_overrides",
        name="取消隐私遮蔽",
        weight=10,
        method="masking_overrides",
        target=2,
        rule="r",
    )
    sheet = ctx.today.assessment.score_sheet(month)
    line = next(x for x in sheet.lines if x.criterion.code == "masking_overrides")
    assert line.figure.numerator == expected == len(line.figure.evidence)
    assert all(e.page_key == "notices" and not e.ok for e in line.figure.evidence)
    assert line.score == pytest.approx(max(0.0, 10 * (1 - 0.25 * (expected - 2))), abs=0.05)
    assert ctx.today.assessment.score_sheet(month.previous().previous()).lines[0].figure.numerator == 0


def test_total_is_scaled_over_applicable_criteria(seeded: AppContext) -> None:
    ctx = seeded

    def never(_ctx: AppContext, _m: Month) -> Figure:
        return Figure(0, 0)

    def half(_ctx: AppContext, _m: Month) -> Figure:
        return Figure(1, 2)

    service = ctx.today.assessment
    service.methods = {
        **service.methods,
        "never": Method("never", "无记录", Direction.RATE, "", never),
        "half": Method("half", "一半", Direction.RATE, "", half),
    }
    service.save_criterion(ADMIN, "a", name="无记录", weight=30, method="never", target=1, rule="")
    service.save_criterion(ADMIN, "b", name="一半", weight=20, method="half", target=1, rule="")
    sheet = service.score_sheet(Month(2025, 9))
    by_code = {line.criterion.code: line for line in sheet.lines}
    assert by_code["a"].score_text == "不适用"
    assert by_code["b"].score == 10 and by_code["b"].figure_text == "1/2 = 50.0%"
    overrides = by_code["masking_overrides"]
    expected = 100 * (10 + overrides.criterion.weight) / (20 + overrides.criterion.weight)
    assert sheet.total == pytest.approx(expected, abs=0.05)
    assert [p.month for p in service.trend(Month(2025, 9), 3)] == [
        Month(2025, 7),
        Month(2025, 8),
        Month(2025, 9),
    ]


def test_evidence_detail_is_masked_text_only(seeded: AppContext) -> None:
    ctx = seeded

    _override(ctx, [{"kind": "id", "masked": "37*************315"}])
    sheet = ctx.today.assessment.score_sheet(Month.of(local(utcnow()).date()))
    titles = json.dumps([e.title for line in sheet.lines for e in line.figure.evidence], ensure_ascii=False)
    assert "身份证号" in titles
