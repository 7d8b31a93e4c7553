"""The sync outbox: every local change that the city platform must learn about is queued here.

``enqueue`` is called by services inside the transaction that makes the change, so the change and
its outbox entry commit together. Payloads that leave the device must already be masked by the
caller (app.privacy) where they carry personal data.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from db.base import new_uuid
from db.models import OutboxEntry


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
        payload=json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str),
    )
    session.add(entry)
    return entry
