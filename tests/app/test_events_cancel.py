"""Calling off a whole event (planned → cancelled with a reason), moving one occurrence, and the
friendly recurrence choices that become RRULE text through python-dateutil."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import select

from app.clock import ZONE
from app.context import AppContext
from app.errors import InputError, PermissionDeniedError, StateError
from app.events import ClosingReport, EventDraft
from app.events.recurrence import describe_rule, expand
from app.events.rule_builder import MONTHLY_KIND, WEEKLY_KIND, RuleChoice, build_rule, choice_from_rule
from app.users import Role, StaffUser
from db.models import AuditEntry, OutboxEntry


def at(y: int, m: int, d: int, h: int = 9) -> datetime:
    return datetime(y, m, d, h, tzinfo=ZONE)


@pytest.fixture
def admin(ctx: AppContext) -> StaffUser:
    return ctx.users.add("admin", frozenset({Role.ADMIN, Role.CLERK}), "gongkai123")


def _event(ctx: AppContext, admin: StaffUser, **kw: object) -> str:
    base: dict[str, object] = {
        "type_key": "open_day",
        "title": "政府开放日",
        "start": at(2025, 10, 15),
        "end": at(2025, 10, 15, 11),
        "place": "三楼会议室",
    }
    base.update(kw)
    return ctx.events.create(admin, EventDraft(**base)).uuid  # type: ignore[arg-type]


def test_cancel_keeps_the_event_shows_it_cancelled_and_tells_the_platform(
    ctx: AppContext, admin: StaffUser
) -> None:
    uuid = _event(ctx, admin)
    with pytest.raises(InputError, match="取消原因"):
        ctx.events.cancel(admin, uuid, "  ")
    ev = ctx.events.cancel(admin, uuid, "会议室改造施工，另行通知")
    assert (ev.status, ev.status_label, ev.cancel_reason) == (
        "cancelled",
        "已取消",
        "会议室改造施工，另行通知",
    )
    assert ctx.events.cancel(admin, uuid, "再次").cancel_reason == "会议室改造施工，另行通知"  # idempotent
    [occ] = ctx.events.occurrences(date(2025, 10, 15), date(2025, 10, 15))
    assert occ.status == "cancelled"
    with ctx.session_factory() as s:
        payload = json.loads(
            s.execute(select(OutboxEntry.payload).order_by(OutboxEntry.seq.desc()).limit(1)).scalar_one()
        )
        actions = list(s.execute(select(AuditEntry.action).where(AuditEntry.entity_uuid == uuid)).scalars())
    assert payload["status"] == "cancelled"
    assert actions.count("event.cancel") == 1
    # Nothing more happens to a cancelled event, and it frees its room and the kiosk list.
    with pytest.raises(StateError):
        ctx.events.register(admin, uuid, "张桂兰", "13905318842")
    with pytest.raises(StateError):
        ctx.events.update(admin, uuid, ctx.events.draft_of(uuid))
    assert ctx.events.upcoming(ctx.clock.now()) == []
    other = EventDraft("symposium", "座谈会", at(2025, 10, 15), at(2025, 10, 15, 10), place="三楼会议室")
    assert ctx.events.conflicts(other) == []


def test_only_planned_events_can_be_cancelled(ctx: AppContext, admin: StaffUser) -> None:
    uuid = _event(ctx, admin, start=at(2025, 9, 20), end=at(2025, 9, 20, 11))
    ctx.events.close(admin, uuid, ClosingReport(attendance=20))
    with pytest.raises(StateError, match="只有计划中的活动可以取消"):
        ctx.events.cancel(admin, uuid, "误操作")
    clerk = ctx.users.add("clerk", frozenset({Role.CLERK}), "gongkai123")
    with pytest.raises(PermissionDeniedError):
        ctx.events.cancel(clerk, _event(ctx, admin), "天气")


def test_a_running_series_is_stopped_by_its_end_date_not_cancelled(ctx: AppContext, admin: StaffUser) -> None:
    running = _event(ctx, admin, start=at(2025, 9, 2), end=at(2025, 9, 2, 11), rrule="FREQ=WEEKLY;BYDAY=TU")
    with pytest.raises(StateError, match="截止日期"):
        ctx.events.cancel(admin, running, "停办")
    future = _event(ctx, admin, start=at(2025, 11, 4), end=at(2025, 11, 4, 11), rrule="FREQ=WEEKLY;BYDAY=TU")
    ctx.events.cancel(admin, future, "改为线上")
    assert {o.status for o in ctx.events.occurrences(date(2025, 11, 1), date(2025, 11, 30))} == {
        "planned",
        "cancelled",
    }


def test_move_one_occurrence_of_a_series(ctx: AppContext, admin: StaffUser) -> None:
    uuid = _event(ctx, admin, start=at(2025, 10, 7), end=at(2025, 10, 7, 11), rrule="FREQ=WEEKLY;BYDAY=TU")
    ctx.events.move_occurrence(
        admin,
        uuid,
        at(2025, 10, 14),
        at(2025, 10, 16, 14),
        at(2025, 10, 16, 16),
        place="二楼",
        note="避开培训",
    )
    got = [
        (o.start, o.moved, o.place) for o in ctx.events.occurrences(date(2025, 10, 13), date(2025, 10, 19))
    ]
    assert got == [(at(2025, 10, 16, 14), True, "二楼")]


@pytest.mark.parametrize(
    ("choice", "rule", "words"),
    [
        (RuleChoice(), None, "单次"),
        (RuleChoice(WEEKLY_KIND, (1,)), "FREQ=WEEKLY;BYDAY=TU", "每周二"),
        (
            RuleChoice(WEEKLY_KIND, (3, 1), until=date(2026, 6, 30)),
            "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20260630T155959Z",
            "每周二、四，至2026年6月30日",
        ),
        (
            RuleChoice(MONTHLY_KIND, nth=2, weekday=3, count=6),
            "FREQ=MONTHLY;BYDAY=+2TH;COUNT=6",
            "每月第2个周四，共6次",
        ),
        (RuleChoice(MONTHLY_KIND, nth=-1, weekday=4), "FREQ=MONTHLY;BYDAY=-1FR", "每月最后一个周五"),
    ],
)
def test_rule_choices_build_rrules_and_read_back(choice: RuleChoice, rule: str | None, words: str) -> None:
    start = at(2025, 9, 2)
    assert build_rule(choice, start) == rule
    assert describe_rule(rule) == words
    back = choice_from_rule(rule, start)
    assert back is not None and build_rule(back, start) == rule


def test_until_includes_the_last_day_and_odd_rules_are_left_alone() -> None:
    start = at(2025, 12, 2)
    rule = build_rule(RuleChoice(WEEKLY_KIND, (1,), until=date(2025, 12, 16)), start)
    got = expand(start, at(2025, 12, 2, 11), rule, at(2025, 12, 1), at(2026, 1, 31))
    assert [i.start.day for i in got] == [2, 9, 16]
    assert choice_from_rule("FREQ=WEEKLY;BYDAY=TU;INTERVAL=2", start) is None
    assert choice_from_rule("FREQ=DAILY;COUNT=3", start) is None


def test_export_marks_a_cancelled_event(ctx: AppContext, admin: StaffUser, tmp_path: object) -> None:
    from pathlib import Path

    uuid = _event(ctx, admin)
    ctx.events.cancel(admin, uuid, "场地施工")
    out = Path(str(tmp_path)) / "a.ics"
    ctx.events.export_ics(out)
    assert "STATUS:CANCELLED" in out.read_text(encoding="utf-8")
