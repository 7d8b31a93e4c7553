"""The append-only audit log: who did what to which record, chained by SHA-256.

Each entry stores the hash of the previous entry and its own hash over a canonical JSON form of
its fields, so deleting or editing any entry breaks the chain, which ``verify`` (and ``doctor``)
detects. Entries are written inside the same transaction as the change they describe.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import changes
from db.base import new_uuid, utcnow
from db.models import AuditEntry

GENESIS = "0" * 64


def _digest(entry: AuditEntry) -> str:
    canonical = json.dumps(
        {
            "uuid": entry.uuid,
            "at": entry.at.isoformat(),
            "actor": entry.actor,
            "action": entry.action,
            "entity": entry.entity,
            "entity_uuid": entry.entity_uuid,
            "detail": entry.detail,
            "prev": entry.prev_hash,
        },
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_uuid: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry to the chain inside the caller's transaction."""
    last = session.execute(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).scalar()
    entry = AuditEntry(
        uuid=new_uuid(),
        at=utcnow().replace(microsecond=0),
        actor=actor,
        action=action,
        entity=entity,
        entity_uuid=entity_uuid,
        detail=json.dumps(detail or {}, ensure_ascii=False, sort_keys=True),
        prev_hash=last or GENESIS,
        hash="",
    )
    entry.hash = _digest(entry)
    session.add(entry)
    session.flush()
    changes.note(entity, entity_uuid, action, detail)  # what the UI refreshes and confirms
    return entry


@dataclass(frozen=True)
class ChainReport:
    entries: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(session: Session) -> ChainReport:
    """Walk the chain from the first entry and report every break."""
    problems: list[str] = []
    prev = GENESIS
    count = 0
    for entry in session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars():
        count += 1
        if entry.prev_hash != prev:
            problems.append(f"审计记录 #{entry.id}：前一条的哈希不符（记录被删除或篡改）")
        if _digest(entry) != entry.hash:
            problems.append(f"审计记录 #{entry.id}：内容与哈希不符（记录被修改）")
        prev = entry.hash
    return ChainReport(count, problems)
