"""The sync outbox: every local change that the city platform must learn about is queued here.

``enqueue`` is called by services inside the transaction that makes the change, so the change and
its outbox entry commit together. Payloads that leave the device must already be masked by the
caller (app.privacy) where they carry personal data.

``prune`` compacts the outbox: payloads the platform acknowledged long ago and that a later entry
supersedes are emptied (see docs/ARCHITECTURE.md, "Compaction").
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, aliased

from db.base import new_uuid
from db.models import OutboxEntry

#: session.info key: the entries queued in the session's current transaction.
NEW_ENTRIES = "outbox_new_entries"


def enqueue(
    session: Session, *, entity: str, entity_uuid: str, op: str, payload: dict[str, Any]
) -> OutboxEntry:
    """Queue one change (``op`` is 'upsert' or 'delete') in the caller's transaction."""
    if op not in ("upsert", "delete"):
        raise ValueError(f"unknown outbox op {op!r}")
    entry = OutboxEntry(
        op_id=new_uuid(),
        entity=entity,
        entity_uuid=entity_uuid,
        op=op,
        payload=dumps(payload),
    )
    session.add(entry)
    # The replica hook (app/sync/replica/track.py) seals the record's private form into the entries
    # of this transaction when it commits.
    session.info.setdefault(NEW_ENTRIES, []).append(entry)
    return entry


def dumps(payload: dict[str, Any]) -> str:
    """A payload as stored in the outbox."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str)


#: Acknowledged payloads younger than this are kept whole: a platform restored from a recent backup
#: asks for them again (``app.sync.store.requeue_after``).
KEEP_ACKED_DAYS = 90
#: What a pruned entry's payload becomes (the row itself stays: what was sent, when, its status).
PRUNED = ""


def prune(session: Session, *, before: datetime) -> int:
    """Empty the payloads the site will never send again; returns how many were pruned.

    An entry's payload is pruned when the platform acknowledged it (status "acked"), it was queued
    before ``before`` and a later entry carries the same record (every upsert is the record's whole
    state, so the latest one is enough to send it again). Kept whole: anything queued, refused or
    in conflict (a person may still choose "mine"), and the latest entry of every record. The row
    (op id, record, time, status) stays for the audit of what was sent. Two statements, in the
    caller's transaction.
    """
    later = aliased(OutboxEntry)
    superseded = (
        select(later.seq)
        .where(
            later.entity == OutboxEntry.entity,
            later.entity_uuid == OutboxEntry.entity_uuid,
            later.seq > OutboxEntry.seq,
        )
        .exists()
    )
    result = session.execute(
        update(OutboxEntry)
        .where(
            OutboxEntry.status == "acked",
            OutboxEntry.created_at < before,
            OutboxEntry.payload != PRUNED,
            superseded,
        )
        .values(payload=PRUNED)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
