"""Site refinements of standard items (本站点细化): the rows, their values and their outbox payload.

A township's catalogue is the standard catalogue worded for the township (公开主体 becomes the
township, time limits are tightened, channels chosen): seed 四(三) asks sites to keep their
standardized catalogue and update it dynamically. A refinement therefore keeps the site's wording of
the columns it changed, linked to the standard item (never its identity: domain and 一级/二级/三级事项),
with who, when and why. The standard text stays in ``catalogue_item`` untouched, so a new city or
district release still updates it; the release then marks the refinement for review until a person
keeps or updates it. Everything here runs inside the caller's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, outbox
from app.catalogue.model import ItemData, RefinementView
from app.clock import local
from db.models import CatalogueRefinement

ENTITY = "catalogue_refinement"


def load_active(session: Session, item_ids: Iterable[int] | None = None) -> dict[int, CatalogueRefinement]:
    """Active refinements keyed by item id (all of them, or those of ``item_ids``), in one query."""
    q = select(CatalogueRefinement).where(CatalogueRefinement.status == "active")
    if item_ids is not None:
        ids = set(item_ids)
        if not ids:
            return {}
        q = q.where(CatalogueRefinement.item_id.in_(ids))
    return {r.item_id: r for r in session.execute(q).scalars()}


def fields_of(row: CatalogueRefinement) -> dict[str, Any]:
    value = json.loads(row.fields)
    return value if isinstance(value, dict) else {}


def _at(value: datetime | None) -> str:
    return local(value).strftime("%Y-%m-%d %H:%M") if value else ""


def view_of(row: CatalogueRefinement, item_uuid: str) -> RefinementView:
    return RefinementView(
        uuid=row.uuid,
        item_uuid=item_uuid,
        fields=fields_of(row),
        reason=row.reason,
        actor=row.actor,
        at=_at(row.updated_at),
        standard_changed=row.standard_changed_at is not None,
        reviewed_by=row.reviewed_by,
        reviewed_at=_at(row.reviewed_at),
    )


def write(
    session: Session,
    *,
    item_id: int,
    item_uuid: str,
    standard: ItemData,
    fields: dict[str, Any],
    actor: str,
    reason: str,
    now: datetime,
    action: str,
) -> CatalogueRefinement:
    """Make or change the item's refinement (active, against today's standard), audited and queued."""
    row = session.execute(select(CatalogueRefinement).where(CatalogueRefinement.item_id == item_id)).scalar()
    if row is None:
        row = CatalogueRefinement(item_id=item_id, created_at=now)
        session.add(row)
    row.fields = json.dumps(fields, ensure_ascii=False, sort_keys=True)
    row.base = json.dumps(standard.to_json(), ensure_ascii=False, sort_keys=True)
    row.reason, row.actor, row.status = reason, actor, "active"
    row.standard_changed_at = None
    row.updated_at = now
    session.flush()
    record(session, row, item_uuid, actor=actor, action=action)
    return row


def record(session: Session, row: CatalogueRefinement, item_uuid: str, *, actor: str, action: str) -> None:
    """The audit entry and the outbox entry (refinements are site records, like site items)."""
    payload = {
        "uuid": row.uuid,
        "item_uuid": item_uuid,
        "fields": fields_of(row),
        "reason": row.reason,
        "actor": row.actor,
        "status": row.status,
        "standard_changed": row.standard_changed_at is not None,
        "reviewed_by": row.reviewed_by,
    }
    audit.record(
        session,
        actor=actor,
        action=f"catalogue.refinement.{action}",
        entity=ENTITY,
        entity_uuid=row.uuid,
        detail={k: payload[k] for k in ("item_uuid", "fields", "reason", "status")},
    )
    outbox.enqueue(session, entity=ENTITY, entity_uuid=row.uuid, op="upsert", payload=payload)
