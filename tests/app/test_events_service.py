"""The event service: creating and expanding, registrations and the waiting list, closing, adoption
deadlines over a holiday, targets, overlaps, outbox payloads and roles."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import select

from app.clock import ZONE, FixedClock
from app.context import AppContext
from app.errors import InputError, PermissionDeniedError, StateError
from app.events import ClosingReport, EventDraft, Suggestion
from app.users import Role, StaffUser
from db.models import OutboxEntry


def at(y: int, m: int, d: int, h: int = 9, mi: int = 0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=ZONE)


@pytest.fixture
def admin(ctx: AppContext) -> StaffUser:
    return ctx.users.add("admin", frozenset({Role.ADMIN, Role.CLERK}), "gongkai123")


@pytest.fixture
def clerk(ctx: AppContext) -> StaffUser:
    return ctx.users.add("clerk", frozenset({Role.CLERK}), "gongkai123")


def draft(**kw: object) -> EventDraft:
    base: dict[str, object] = {
        "type_key": "policy_interpretation",
        "title": "老旧小区改造政策解读",
        "start": at(2025, 9, 22, 15),
        "end": at(2025, 9, 22, 16, 30),
        "place": "三楼会议室",
    }
    base.update(kw)
    return EventDraft(**base)  # type: ignore[arg-type]


def outbox(ctx: AppContext) -> list[dict]:
    with ctx.session_factory() as s:
        return [
            json.loads(e.payload) for e in s.execute(select(OutboxEntry).order_by(OutboxEntry.seq)).scalars()
        ]


def test_weekly_series_with_exception_and_move(ctx: AppContext, admin: StaffUser) -> None:
    """The counselling hour: every Tuesday 9–11, one Tuesday dropped, one moved to Thursday."""
    ev = ctx.events.create(
        admin,
        draft(
            type_key="policy_counselling",
            start=at(2025, 9, 2),
            end=at(2025, 9, 2, 11),
            rrule="FREQ=WEEKLY;BYDAY=TU",
        ),
    )
    ctx.events.cancel_occurrence(admin, ev.uuid, at(2025, 9, 30))
    ctx.events.move_occurrence(admin, ev.uuid, at(2025, 9, 16), at(2025, 9, 18, 14), at(2025, 9, 18, 16))
    got = ctx.events.occurrences(date(2025, 9, 1), date(2025, 10, 7))
    assert [(o.start.day, o.moved) for o in got] == [
        (2, False),
        (9, False),
        (18, True),
        (23, False),
        (7, False),
    ]
    assert got[0].start.tzinfo is ZONE and got[0].uid == ev.ical_uid == ev.uuid
    assert ctx.events.occurrences(date(2025, 9, 1), date(2025, 9, 30), {"open_day"}) == []


def test_registrations_over_capacity_wait_and_move_up(
    ctx: AppContext, admin: StaffUser, clerk: StaffUser
) -> None:
    ev = ctx.events.create(
        admin, draft(type_key="open_day", start=at(2025, 10, 15), end=at(2025, 10, 15, 11), capacity=2)
    )
    a = ctx.events.register(clerk, ev.uuid, "张桂兰", "13905318842", "群众代表")
    ctx.events.register(clerk, ev.uuid, "李建华", "13791126630")
    c = ctx.events.register(clerk, ev.uuid, "王秀英", "15866702213")
    assert (a.status, c.status) == ("registered", "waiting")
    assert c.masked_name == "王**" or c.masked_name.startswith("王") and "*" in c.masked_name
    assert c.masked_phone == "158****2213"
    promoted = ctx.events.cancel_registration(clerk, a.uuid)
    assert promoted is not None and promoted.uuid == c.uuid and promoted.status == "registered"
    got = ctx.events.get(ev.uuid)
    assert (got.registered, got.waiting) == (2, 0)
    statuses = [r.status for r in ctx.events.registrations(ev.uuid)]
    assert statuses == ["cancelled", "registered", "registered"]  # nothing deleted


def test_raising_capacity_promotes_the_waiting_list(ctx: AppContext, admin: StaffUser) -> None:
    ev = ctx.events.create(admin, draft(capacity=1, start=at(2025, 10, 15), end=at(2025, 10, 15, 11)))
    ctx.events.register(admin, ev.uuid, "张三", "13905318842")
    ctx.events.register(admin, ev.uuid, "李四", "13791126630")
    d = ctx.events.draft_of(ev.uuid)
    ctx.events.update(admin, ev.uuid, EventDraft(**{**d.__dict__, "capacity": 5}))
    assert ctx.events.get(ev.uuid).registered == 2


def test_outbox_payload_is_masked_and_carries_the_agreed_keys(ctx: AppContext, admin: StaffUser) -> None:
    ev = ctx.events.create(
        admin,
        draft(
            description="联系人张先生，手机13905318842",
            start=at(2025, 10, 15),
            end=at(2025, 10, 15, 11),
            capacity=5,
        ),
    )
    ctx.events.register(admin, ev.uuid, "张桂兰", "13905318842")
    payload = outbox(ctx)[-1]
    assert set(payload) == {
        "uuid",
        "type",
        "type_label",
        "title",
        "description",
        "place",
        "start",
        "end",
        "rrule",
        "exdates",
        "host",
        "speakers",
        "audience",
        "capacity",
        "registered",
        "status",
        "public_url",
        "catalogue_item_uuids",
        "policy_links",  # the policy documents it rests on or interprets (app/policies/links.py)
        "adoption_report",
    }
    assert payload["start"] == "2025-10-15T09:00:00+08:00"
    assert payload["registered"] == 1
    assert payload["public_url"] == f"https://gk.example.gov.cn/e/{ev.uuid}"
    assert "13905318842" not in json.dumps(payload, ensure_ascii=False)
    assert "张桂兰" not in json.dumps(payload, ensure_ascii=False)


def test_adoption_deadline_counts_working_days_over_national_day(ctx: AppContext, admin: StaffUser) -> None:
    """Held Mon 22 Sep 2025; 10 working days skip 1–8 Oct (国庆节、中秋节) and count Sun 28 Sep and
    Sat 11 Oct (调休上班): 23,24,25,26,28,29,30 Sep, 9,10,11 Oct → due Sat 11 Oct."""
    ev = ctx.events.create(admin, draft())
    closed = ctx.events.close(
        admin, ev.uuid, ClosingReport(attendance=30, suggestions=(Suggestion("保留消防通道", "adopted"),))
    )
    assert closed.status == "closed"
    due = ctx.events.adoption_due(date(2025, 9, 26))
    assert [(d.due, d.provisional, d.overdue) for d in due] == [(date(2025, 10, 11), False, False)]
    assert ctx.events.adoption_due(date(2025, 10, 13))[0].overdue
    ctx.events.publish_adoption(admin, ev.uuid)
    assert ctx.events.adoption_due(date(2025, 10, 13)) == []
    report = outbox(ctx)[-1]["adoption_report"]
    assert report["suggestions"][0]["outcome_label"] == "采纳"


def test_policy_release_date_and_n_are_explicit_and_provisional_without_data(
    ctx: AppContext, admin: StaffUser
) -> None:
    ev = ctx.events.create(admin, draft())
    ctx.events.close(
        admin,
        ev.uuid,
        ClosingReport(
            attendance=3,
            suggestions=(Suggestion("x", "adopted"),),
            policy_release_date=date(2030, 3, 1),
            adoption_days=5,
        ),
    )
    (due,) = ctx.events.adoption_due(date(2025, 9, 26))
    assert (due.start_date, due.days, due.due, due.provisional) == (
        date(2030, 3, 1),
        5,
        date(2030, 3, 8),
        True,
    )
    assert "暂定" in due.state_label


def test_not_adopted_needs_a_reason(ctx: AppContext, admin: StaffUser) -> None:
    ev = ctx.events.create(admin, draft())
    with pytest.raises(InputError) as err:
        ctx.events.close(
            admin, ev.uuid, ClosingReport(attendance=1, suggestions=(Suggestion("统一招标", "not_adopted"),))
        )
    assert "第 1 条" in str(err.value) and "理由" in str(err.value)
    assert ctx.events.get(ev.uuid).status == "planned"


def test_future_events_cannot_be_closed_and_closed_ones_cannot_change(
    ctx: AppContext, admin: StaffUser, clock: FixedClock
) -> None:
    ev = ctx.events.create(admin, draft(start=at(2025, 10, 15), end=at(2025, 10, 15, 11)))
    with pytest.raises(StateError):
        ctx.events.close(admin, ev.uuid, ClosingReport(attendance=1))
    clock.set(datetime(2025, 10, 16, 9))
    ctx.events.close(admin, ev.uuid, ClosingReport(attendance=1))
    with pytest.raises(StateError):
        ctx.events.update(admin, ev.uuid, ctx.events.draft_of(ev.uuid))


def test_closing_reports_due(ctx: AppContext, admin: StaffUser) -> None:
    past = ctx.events.create(admin, draft(start=at(2025, 9, 24), end=at(2025, 9, 24, 11)))
    ctx.events.create(admin, draft(start=at(2025, 10, 24), end=at(2025, 10, 24, 11)))
    assert [e.uuid for e in ctx.events.closing_reports_due(date(2025, 9, 26))] == [past.uuid]


def test_targets_count_held_events_and_past_series_occurrences(ctx: AppContext, admin: StaffUser) -> None:
    ctx.events.set_target(admin, 2025, "policy_interpretation", 5)
    ctx.events.set_target(admin, 2025, "policy_counselling", 40)
    ev = ctx.events.create(admin, draft())
    ctx.events.mark_held(admin, ev.uuid)
    ctx.events.create(admin, draft(start=at(2025, 10, 22), end=at(2025, 10, 22, 11)))  # not yet held
    ctx.events.create(
        admin,
        draft(
            type_key="policy_counselling",
            start=at(2025, 9, 2),
            end=at(2025, 9, 2, 11),
            rrule="FREQ=WEEKLY;BYDAY=TU",
        ),
    )
    got = {t.type_key: (t.target, t.held) for t in ctx.events.targets(2025)}
    assert got == {"policy_interpretation": (5, 1), "policy_counselling": (40, 4)}  # 2, 9, 16, 23 Sep


def test_custom_type(ctx: AppContext, admin: StaffUser) -> None:
    t = ctx.events.add_type(admin, "政策评价座谈")
    ev = ctx.events.create(admin, draft(type_key=t.key))
    assert ev.type_label == "政策评价座谈"
    with pytest.raises(InputError):
        ctx.events.add_type(admin, "政策评价座谈")


def test_overlap_in_the_same_room(ctx: AppContext, admin: StaffUser) -> None:
    a = ctx.events.create(
        admin, draft(start=at(2025, 10, 14, 9), end=at(2025, 10, 14, 11), place="三楼会议室")
    )
    b_draft = draft(
        title="企业座谈", start=at(2025, 10, 14, 10), end=at(2025, 10, 14, 12), place="三楼 会议室"
    )
    assert [o.event_uuid for o in ctx.events.conflicts(b_draft)] == [a.uuid]
    ctx.events.create(admin, b_draft)
    ctx.events.create(admin, draft(start=at(2025, 10, 14, 10), end=at(2025, 10, 14, 11), place="一楼专区"))
    (overlap,) = ctx.events.overlaps(date(2025, 10, 14), date(2025, 10, 14))
    assert {overlap.first.title, overlap.second.title} == {"老旧小区改造政策解读", "企业座谈"}


def test_roles_are_enforced(ctx: AppContext, admin: StaffUser, clerk: StaffUser) -> None:
    with pytest.raises(PermissionDeniedError, match="安排活动"):
        ctx.events.create(clerk, draft())
    ev = ctx.events.create(admin, draft(start=at(2025, 9, 26, 8), end=at(2025, 9, 26, 10)))
    reg = ctx.events.register(clerk, ev.uuid, "张三", "")
    assert ctx.events.check_in(clerk, reg.uuid).checked_in_at is not None
    assert ctx.events.get(ev.uuid).checked_in == 1


def test_bad_input_names_the_field(ctx: AppContext, admin: StaffUser) -> None:
    with pytest.raises(InputError, match="结束时间"):
        ctx.events.create(admin, draft(end=at(2025, 9, 22, 14)))
    with pytest.raises(InputError, match="电话"):
        ev = ctx.events.create(admin, draft())
        ctx.events.register(admin, ev.uuid, "张三", "12")


def test_upcoming_for_the_kiosk(ctx: AppContext, admin: StaffUser) -> None:
    ctx.events.create(
        admin,
        draft(
            type_key="policy_counselling",
            start=at(2025, 9, 2),
            end=at(2025, 9, 2, 11),
            rrule="FREQ=WEEKLY;BYDAY=TU",
        ),
    )
    got = ctx.events.upcoming(ctx.clock.now(), 3)
    assert [o.start.date() for o in got] == [date(2025, 9, 30), date(2025, 10, 7), date(2025, 10, 14)]


def test_demo_programme_is_idempotent(ctx: AppContext) -> None:
    from app.events.demo import demo_events

    demo_events(ctx)
    first = len(ctx.events.all())
    demo_events(ctx)
    assert len(ctx.events.all()) == first == 5
    assert ctx.events.adoption_due(ctx.clock.today())
    assert ctx.events.closing_reports_due(ctx.clock.today())
    moved = [o for o in ctx.events.occurrences(date(2025, 9, 1), date(2026, 3, 31)) if o.moved]
    assert len(moved) == 1


def test_calendar_wide_actions_say_who_may_plan_import_and_set_targets(
    ctx: AppContext, admin: StaffUser, clerk: StaffUser
) -> None:
    """``actions(user, None)``: the calendar's own buttons, decided here, not by the page."""
    keys = ["event.create", "event.import", "event.target", "event_type.synonyms"]
    as_admin = ctx.events.actions(admin, None)
    assert [a.key for a in as_admin] == keys and all(a.enabled for a in as_admin)
    as_clerk = {a.key: a for a in ctx.events.actions(clerk, None)}
    assert not any(a.allowed for a in as_clerk.values())
    assert "安排活动" in as_clerk["event.create"].reason and clerk.name in as_clerk["event.create"].reason
