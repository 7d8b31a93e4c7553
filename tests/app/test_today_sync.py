"""Sync problems on the Today list: changes queued over a day, open conflicts, refused changes."""

from __future__ import annotations

from datetime import datetime, timedelta

from app import outbox
from app.clock import ZONE, FixedClock
from app.context import AppContext
from app.today.items import Section, Severity
from app.uow import transaction
from app.users import Role, StaffUser
from db.models import OutboxEntry, SyncConflict, SyncRejection

CLERK = StaffUser(1, "c", "clerk", "李窗口", frozenset({Role.CLERK}))
REVIEWER = StaffUser(2, "r", "r2", "钱复审", frozenset({Role.SECOND_REVIEWER}))


def queue_one(ctx: AppContext, title: str) -> int:
    with transaction(ctx.session_factory) as session:
        entry = outbox.enqueue(
            session, entity="notice", entity_uuid=f"uuid-{title}", op="upsert", payload={"title": title}
        )
        session.flush()
        return entry.seq


def sync_items(ctx: AppContext, user: StaffUser | None) -> list:
    return [i for i in ctx.today.items(user) if i.kind.startswith("sync.")]


def test_a_change_queued_for_more_than_a_day_is_everyones_problem(ctx: AppContext, clock: FixedClock) -> None:
    queue_one(ctx, "征兵公告")
    clock.set(datetime.now(ZONE) + timedelta(hours=20))
    assert sync_items(ctx, None) == []
    clock.set(datetime.now(ZONE) + timedelta(days=2))
    (item,) = sync_items(ctx, REVIEWER)
    assert (item.kind, item.severity, item.section) == ("sync.queue_stale", Severity.OVERDUE, Section.SYNC)
    assert item.title == "1 项更改尚未送达市级平台" and "尚未配置同步服务器" in item.why


def test_conflicts_and_refusals_appear_until_settled(ctx: AppContext) -> None:
    conflict_seq = queue_one(ctx, "低保公示")
    refused_seq = queue_one(ctx, "高龄津贴公示")
    with transaction(ctx.session_factory) as session:
        session.get(OutboxEntry, conflict_seq).status = "conflict"  # type: ignore[union-attr]
        session.add(
            SyncConflict(
                outbox_seq=conflict_seq, entity="notice", entity_uuid="uuid-低保公示", server_version=3
            )
        )
        session.get(OutboxEntry, refused_seq).status = "rejected"  # type: ignore[union-attr]
        session.add(SyncRejection(outbox_seq=refused_seq, code="invalid", message="公示期结束日早于开始日"))
    found = {i.kind: i for i in sync_items(ctx, CLERK)}
    assert set(found) == {"sync.conflict", "sync.rejected"}
    assert found["sync.conflict"].record_uuid == "uuid-低保公示" and found["sync.conflict"].page_key == "sync"
    assert "公示期结束日早于开始日" in found["sync.rejected"].why
    assert sync_items(ctx, REVIEWER) == []
    admin = ctx.users.add("admin", frozenset({Role.ADMIN, Role.CLERK}), "gongkai123")
    (conflict,) = ctx.sync.conflicts()
    ctx.sync.resolve(conflict.uuid, "theirs", actor=admin)
    assert [i.kind for i in sync_items(ctx, CLERK)] == ["sync.rejected"]
