"""The site's sync bookkeeping in SQLite: sequence numbers, results, cursors and the pulled mirror.

Every function takes the caller's session and does one step of a round inside the caller's
transaction; the service decides where the transactions begin and end. ``begin_write`` is called
first in every writing transaction so two rounds (two processes on one database) queue on SQLite's
write lock instead of deadlocking on a read-then-write upgrade.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from app import outbox
from app.sync import wire
from db.base import new_uuid
from db.models import OutboxEntry, SyncConflict, SyncCursor, SyncPush, SyncRejection, SyncRow, SyncState

QUEUED = "queued"
ACKED = "acked"
REJECTED = "rejected"
CONFLICT = "conflict"


def begin_write(session: Session) -> SyncState:
    """Take SQLite's write lock now and return the (created on first use) state row."""
    session.execute(update(SyncState).values(id=SyncState.id))
    state = session.get(SyncState, 1)
    if state is None:
        state = SyncState(id=1, device_id=new_uuid(), server_epoch="", last_error="", clock_offset_s=0)
        session.add(state)
        session.flush()
    return state


def read_state(session: Session) -> SyncState | None:
    return session.get(SyncState, 1)


# -- push -------------------------------------------------------------------------------------------


def max_device_seq(session: Session, device_id: str) -> int:
    value = session.execute(
        select(func.max(SyncPush.device_seq)).where(SyncPush.device_id == device_id)
    ).scalar()
    return int(value or 0)


def next_batch(session: Session, device_id: str, limit: int) -> list[tuple[OutboxEntry, int]]:
    """The next queued entries with their device sequence numbers, numbering new ones gaplessly
    (in outbox order) the first time they are about to be sent."""
    fresh = list(
        session.execute(
            select(OutboxEntry.seq)
            .outerjoin(SyncPush, SyncPush.outbox_seq == OutboxEntry.seq)
            .where(OutboxEntry.status == QUEUED, SyncPush.outbox_seq.is_(None))
            .order_by(OutboxEntry.seq)
        ).scalars()
    )
    if fresh:
        top = max_device_seq(session, device_id)
        session.execute(
            insert(SyncPush),
            [
                {"outbox_seq": s, "device_id": device_id, "device_seq": top + i}
                for i, s in enumerate(fresh, 1)
            ],
        )
    rows = session.execute(
        select(OutboxEntry, SyncPush.device_seq)
        .join(SyncPush, SyncPush.outbox_seq == OutboxEntry.seq)
        .where(OutboxEntry.status == QUEUED, SyncPush.device_id == device_id)
        .order_by(SyncPush.device_seq)
        .limit(limit)
    ).all()
    return [(entry, int(seq)) for entry, seq in rows]


def base_versions(session: Session, keys: Iterable[str]) -> dict[str, int]:
    """The server version of each record as this workstation last pulled it."""
    return {
        key: version
        for key, version in session.execute(
            select(SyncRow.key, SyncRow.version).where(
                SyncRow.bucket == wire.BUCKET_SITE, SyncRow.key.in_(list(keys))
            )
        ).all()
    }


def requeue_after(session: Session, device_id: str, last_applied: int) -> int:
    """Entries this device sent that the server no longer has (restored, or a gap): send again."""
    seqs = [
        s
        for (s,) in session.execute(
            select(SyncPush.outbox_seq).where(
                SyncPush.device_id == device_id, SyncPush.device_seq > last_applied
            )
        ).all()
    ]
    if not seqs:
        return 0
    result = session.execute(
        update(OutboxEntry)
        .where(OutboxEntry.seq.in_(seqs), OutboxEntry.status == ACKED)
        .values(status=QUEUED)
    )
    session.execute(update(SyncPush).where(SyncPush.outbox_seq.in_(seqs)).values(acked_at=None))
    _refill_pruned(session, seqs)
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _refill_pruned(session: Session, seqs: list[int]) -> None:
    """A compacted entry (``app.outbox.prune``) sent again carries its record's latest payload:
    the newer state arrives early and again in its own turn, and the device sequence has no gap."""
    for entry in session.execute(
        select(OutboxEntry).where(OutboxEntry.seq.in_(seqs), OutboxEntry.payload == outbox.PRUNED)
    ).scalars():
        latest = session.execute(
            select(OutboxEntry.payload)
            .where(
                OutboxEntry.entity == entry.entity,
                OutboxEntry.entity_uuid == entry.entity_uuid,
                OutboxEntry.payload != outbox.PRUNED,
            )
            .order_by(OutboxEntry.seq.desc())
            .limit(1)
        ).scalar()
        if latest is not None:
            entry.payload = latest


def renumber(session: Session, state: SyncState) -> str:
    """Become a new device: the server knows more of this device's ops than this database does
    (the database was restored from a copy), so its old numbers must never be reused."""
    state.device_id = new_uuid()
    queued = select(OutboxEntry.seq).where(OutboxEntry.status == QUEUED)
    session.execute(delete(SyncPush).where(SyncPush.outbox_seq.in_(queued)))
    return state.device_id


def record_results(
    session: Session, by_seq: dict[int, OutboxEntry], results: Sequence[wire.OpResult], now: datetime
) -> dict[str, int]:
    """Store what the server decided for each op (bulk statements: a batch is hundreds of ops);
    returns counts by outcome."""
    counts = {wire.APPLIED: 0, wire.DUPLICATE: 0, wire.REJECTED: 0, wire.CONFLICT: 0}
    acked: list[dict[str, Any]] = []
    for r in results:
        entry = by_seq.get(r.seq)
        if entry is None or entry.op_id != r.op_id:
            continue
        outcome = r.status
        if outcome == wire.DUPLICATE:
            counts[wire.DUPLICATE] += 1
            outcome = r.code if r.code in (wire.REJECTED, wire.CONFLICT) else wire.APPLIED
        elif outcome in counts:
            counts[outcome] += 1
        if outcome == wire.APPLIED:
            acked.append({"outbox_seq": entry.seq, "acked_at": now, "server_version": r.version})
            continue
        entry.attempts += 1
        entry.error = r.message
        if outcome == wire.REJECTED:
            entry.status = REJECTED
            if session.get(SyncRejection, entry.seq) is None:
                session.add(
                    SyncRejection(outbox_seq=entry.seq, code=r.code, message=r.message, rejected_at=now)
                )
        elif outcome == wire.CONFLICT:
            entry.status = CONFLICT
            exists = session.execute(
                select(SyncConflict.id).where(SyncConflict.outbox_seq == entry.seq)
            ).first()
            if exists is None:
                session.add(
                    SyncConflict(
                        outbox_seq=entry.seq,
                        entity=entry.entity,
                        entity_uuid=entry.entity_uuid,
                        server_version=r.version or 0,
                        created_at=now,
                    )
                )
    if acked:
        seqs = [a["outbox_seq"] for a in acked]
        session.execute(
            update(OutboxEntry)
            .where(OutboxEntry.seq.in_(seqs))
            .values(status=ACKED, error="", attempts=OutboxEntry.attempts + 1)
            .execution_options(synchronize_session=False)
        )
        session.execute(update(SyncPush), acked)
        resolve_fixed_rejections(session, [by_seq[r.seq] for r in results if r.seq in by_seq], seqs, now)
    return counts


def resolve_fixed_rejections(
    session: Session, entries: Sequence[OutboxEntry], acked_seqs: Sequence[int], now: datetime
) -> None:
    """A refused change stops being a problem once a later change of the same record is accepted
    (the clerk corrected it): its rejection is marked resolved, so Today, the record's detail and
    the Sync page no longer list it (the outbox entry and its rejection stay in the database)."""
    acked = set(acked_seqs)
    latest: dict[tuple[str, str], int] = {}
    for e in entries:
        if e.seq in acked:
            key = (e.entity, e.entity_uuid)
            latest[key] = max(latest.get(key, 0), e.seq)
    if not latest:
        return
    open_rows = session.execute(
        select(SyncRejection.outbox_seq, OutboxEntry.entity, OutboxEntry.entity_uuid)
        .join(OutboxEntry, OutboxEntry.seq == SyncRejection.outbox_seq)
        .where(
            SyncRejection.resolved_at.is_(None),
            OutboxEntry.entity_uuid.in_({u for _, u in latest}),
        )
    ).all()
    fixed = [seq for seq, entity, uuid in open_rows if seq < latest.get((entity, uuid), 0)]
    if fixed:
        session.execute(
            update(SyncRejection).where(SyncRejection.outbox_seq.in_(fixed)).values(resolved_at=now)
        )


# -- pull -------------------------------------------------------------------------------------------


def cursors(session: Session) -> dict[str, str]:
    return {c.bucket: c.cursor for c in session.execute(select(SyncCursor)).scalars()}


def set_cursor(session: Session, bucket: str, cursor: str) -> None:
    row = session.get(SyncCursor, bucket)
    if row is None:
        session.add(SyncCursor(bucket=bucket, cursor=cursor, checksum_ok=True, paused_reason=""))
    else:
        row.cursor = cursor


def reset_cursors(session: Session) -> None:
    session.execute(update(SyncCursor).values(cursor=""))


def mirror_versions(session: Session, bucket: str, keys: Sequence[str]) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for i in range(0, len(keys), 500):
        for key, version, h in session.execute(
            select(SyncRow.key, SyncRow.version, SyncRow.row_hash).where(
                SyncRow.bucket == bucket, SyncRow.key.in_(keys[i : i + 500])
            )
        ).all():
            out[key] = (int(version), int(h))
    return out


def is_newer(change: wire.Change, local: tuple[int, int] | None) -> bool:
    """At-least-once delivery: apply a row only if it is newer than (or differs from) the mirror's."""
    if local is None:
        return True
    version, h = local
    return change.version > version or (change.version == version and change.row_hash != h)


def store_rows(session: Session, changes: Sequence[wire.Change]) -> int:
    """Upsert the mirror rows that are newer; returns how many changed (new rows in bulk)."""
    by_bucket: dict[str, list[wire.Change]] = {}
    for c in changes:
        by_bucket.setdefault(c.bucket, []).append(c)
    written = 0
    for bucket, items in by_bucket.items():
        local = mirror_versions(session, bucket, [c.key for c in items])
        fresh: dict[str, dict[str, Any]] = {}
        for c in items:
            if not is_newer(c, local.get(c.key)):
                continue
            values: dict[str, Any] = {
                "bucket": bucket,
                "key": c.key,
                "entity": c.entity,
                "version": c.version,
                "server_seq": c.server_seq,
                "deleted": c.deleted,
                "data": wire.canonical_json(c.data).decode("utf-8"),
                "row_hash": c.row_hash,
            }
            if c.key in local and c.key not in fresh:
                session.execute(
                    update(SyncRow).where(SyncRow.bucket == bucket, SyncRow.key == c.key).values(**values)
                )
            else:
                fresh[c.key] = values  # a key seen twice in one page keeps its newest version
            local[c.key] = (c.version, c.row_hash)
            written += 1
        if fresh:
            session.execute(insert(SyncRow), list(fresh.values()))
    return written


def replace_bucket(session: Session, bucket: str, changes: Sequence[wire.Change]) -> None:
    """Make the mirror of ``bucket`` exactly the server's rows (the repair path)."""
    session.execute(delete(SyncRow).where(SyncRow.bucket == bucket))
    session.flush()
    session.add_all(
        SyncRow(
            bucket=bucket,
            key=c.key,
            entity=c.entity,
            version=c.version,
            server_seq=c.server_seq,
            deleted=c.deleted,
            data=wire.canonical_json(c.data).decode("utf-8"),
            row_hash=c.row_hash,
        )
        for c in changes
    )
    session.flush()


def local_checkpoint(session: Session, bucket: str) -> tuple[int, int]:
    """(count, checksum) of the mirror of ``bucket``."""
    count = session.execute(
        select(func.count()).select_from(SyncRow).where(SyncRow.bucket == bucket)
    ).scalar()
    hashes = session.execute(select(SyncRow.row_hash).where(SyncRow.bucket == bucket)).scalars()
    return int(count or 0), wire.sum_checksums(hashes)


def mirror_row(session: Session, bucket: str, key: str) -> dict[str, Any] | None:
    row = session.get(SyncRow, (bucket, key))
    if row is None or row.deleted:
        return None
    data: dict[str, Any] = json.loads(row.data)
    return data
