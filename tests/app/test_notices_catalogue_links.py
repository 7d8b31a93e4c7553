"""A notice's linked catalogue items: checked on save, disclosed when the notice is published."""

from __future__ import annotations

import json
import uuid
from datetime import date

import pytest
from sqlalchemy import func, select

from app.context import AppContext
from app.errors import InputError, StateError
from app.users import Role, StaffUser
from db.models import AuditEntry, CatalogueDisclosure, OutboxEntry
from tests.app.test_notices_review import approve_all, draft


@pytest.fixture
def staff(ctx: AppContext) -> dict[str, StaffUser]:
    """A clerk and the three reviewers, and the seeded legal minimum periods."""
    with ctx.session_factory() as session, session.begin():
        ctx.notices.seed_period_rules(session)
    roles = {
        "clerk": Role.CLERK,
        "r1": Role.FIRST_REVIEWER,
        "r2": Role.SECOND_REVIEWER,
        "r3": Role.FINAL_REVIEWER,
    }
    return {name: ctx.users.add(name, frozenset({r}), "secret-123") for name, r in roles.items()}


@pytest.fixture
def items(ctx: AppContext) -> list[str]:
    """Two 最低生活保障 items of the bundled catalogue."""
    ctx.catalogue.seed_bundled(actor="test")
    found = [v.uuid for v in ctx.catalogue.search("最低生活保障", 2)]
    assert len(found) == 2
    return found


def disclosure_count(ctx: AppContext) -> int:
    with ctx.session_factory() as s:
        return int(s.execute(select(func.count(CatalogueDisclosure.id))).scalar() or 0)


def test_publishing_records_a_disclosure_on_each_linked_item(
    ctx: AppContext, staff: dict[str, StaffUser], items: list[str]
) -> None:
    n = ctx.notices.create(draft(catalogue_item_uuids=tuple(items)), actor=staff["clerk"], submit=True)
    approve_all(ctx, n.uuid, staff)
    assert disclosure_count(ctx) == 0  # nothing before publication
    ctx.notices.publish(n.uuid, actor=staff["clerk"])
    for item in items:
        (d,) = ctx.catalogue.disclosures(item)
        assert (d.on, d.channel, d.notice_uuid, d.actor) == (
            date(2025, 9, 26),
            "社区/企事业单位/村公示栏(电子屏)",
            n.uuid,
            "clerk",
        )
    with ctx.session_factory() as s:
        actions = list(s.execute(select(AuditEntry.action).order_by(AuditEntry.id)).scalars())
        queued = [
            json.loads(p)
            for p in s.execute(
                select(OutboxEntry.payload).where(OutboxEntry.entity == "catalogue_disclosure")
            ).scalars()
        ]
    assert actions[-3:] == ["catalogue.disclose", "catalogue.disclose", "notice.publish"]
    assert {q["item_uuid"] for q in queued} == set(items) and {q["notice_uuid"] for q in queued} == {n.uuid}
    # the disclosure counts for compliance: the items are no longer due for a first disclosure
    due = {e.item.uuid for e in ctx.catalogue.compliance(date(2025, 9, 26))}
    assert not due & set(items)


def test_a_targeted_notice_discloses_through_precise_push(
    ctx: AppContext, staff: dict[str, StaffUser], items: list[str]
) -> None:
    n = ctx.notices.create(
        draft(catalogue_item_uuids=items[:1], audience_mode="targeted", audience_group="低保申请家庭"),
        actor=staff["clerk"],
        submit=True,
    )
    approve_all(ctx, n.uuid, staff)
    ctx.notices.publish(n.uuid, actor=staff["clerk"])
    assert [d.channel for d in ctx.catalogue.disclosures(items[0])] == ["精准推送"]


def test_a_failed_publication_records_no_disclosure(
    ctx: AppContext, staff: dict[str, StaffUser], items: list[str]
) -> None:
    n = ctx.notices.create(draft(catalogue_item_uuids=tuple(items)), actor=staff["clerk"], submit=True)
    with pytest.raises(StateError):
        ctx.notices.publish(n.uuid, actor=staff["clerk"])  # not approved yet
    assert disclosure_count(ctx) == 0


def test_publication_and_disclosures_are_one_transaction(
    ctx: AppContext, staff: dict[str, StaffUser], items: list[str]
) -> None:
    """If recording a disclosure fails, the notice is not published either."""
    n = ctx.notices.create(draft(catalogue_item_uuids=tuple(items)), actor=staff["clerk"], submit=True)
    approve_all(ctx, n.uuid, staff)
    with ctx.session_factory() as s, s.begin():  # the item vanished behind the service's back
        s.connection().exec_driver_sql("UPDATE catalogue_item SET uuid = 'gone' WHERE uuid = ?", (items[1],))
    with pytest.raises(Exception, match="不存在"):
        ctx.notices.publish(n.uuid, actor=staff["clerk"])
    assert ctx.notices.get(n.uuid).status == "approved" and disclosure_count(ctx) == 0


def test_unknown_linked_items_are_refused_on_save(ctx: AppContext, staff: dict[str, StaffUser]) -> None:
    ctx.catalogue.seed_bundled(actor="test")
    stray = str(uuid.uuid4())
    with pytest.raises(InputError) as exc:
        ctx.notices.create(draft(catalogue_item_uuids=(stray,)), actor=staff["clerk"])
    assert stray in "\n".join(exc.value.problems)
