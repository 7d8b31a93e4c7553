"""Admin corrections: boards taken out of (and back into) use, and the legal minimum posting periods."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from app.context import AppContext
from app.errors import InputError, PermissionDeniedError
from app.users import Role, StaffUser
from db.models import AuditEntry


@pytest.fixture
def admin(ctx: AppContext) -> StaffUser:
    with ctx.session_factory() as session, session.begin():
        ctx.notices.seed_period_rules(session)
    return ctx.users.add("admin", frozenset({Role.ADMIN, Role.CLERK}), "secret-123")


def _audit(ctx: AppContext, action: str) -> list[dict[str, object]]:
    with ctx.session_factory() as s:
        return [
            json.loads(a.detail)
            for a in s.execute(select(AuditEntry).where(AuditEntry.action == action)).scalars()
        ]


def test_deactivated_board_is_kept_but_no_longer_offered(ctx: AppContext, admin: StaffUser) -> None:
    board = ctx.notices.add_board("东唐村村务公开栏", "东唐村", actor=admin, location="村委会门口")
    ctx.notices.add_board("唐王社区电子屏", "唐王社区", actor=admin, medium="screen")
    off = ctx.notices.set_board_active(board.uuid, False, actor=admin)
    assert off.active is False
    assert [b.name for b in ctx.notices.boards()] == ["唐王社区电子屏"]
    assert {b.name for b in ctx.notices.boards(include_inactive=True)} == {
        "东唐村村务公开栏",
        "唐王社区电子屏",
    }
    ctx.notices.set_board_active(board.uuid, False, actor=admin)  # no change, no second entry
    assert _audit(ctx, "board.deactivate") == [
        {"name": "东唐村村务公开栏", "village": "东唐村", "postings_still_up": 0}
    ]
    assert ctx.notices.set_board_active(board.uuid, True, actor=admin).active
    assert len(_audit(ctx, "board.reactivate")) == 1
    clerk = ctx.users.add("clerk", frozenset({Role.CLERK}), "secret-123")
    with pytest.raises(PermissionDeniedError):
        ctx.notices.set_board_active(board.uuid, False, actor=clerk)


def test_period_rule_correction_changes_the_check_and_is_audited(ctx: AppContext, admin: StaffUser) -> None:
    before = {r.template: r for r in ctx.notices.period_rules()}["dibao"]
    ctx.notices.set_period_rule("dibao", 10, "working", "本市低保实施细则第十二条", actor=admin)
    check = ctx.notices.check_period("dibao", date(2025, 10, 9), date(2025, 10, 15))
    assert (check.min_days, check.unit, check.ok) == (10, "working", False)
    [entry] = _audit(ctx, "notice.period_rule")
    assert entry["before"] == {"min_days": before.min_days, "unit": before.unit, "basis": before.basis}
    assert entry["after"] == {"min_days": 10, "unit": "working", "basis": "本市低保实施细则第十二条"}
    with pytest.raises(InputError, match="min_days"):
        ctx.notices.set_period_rule("dibao", 0, "calendar", "", actor=admin)
