"""Applying a site's pushed ops: exactly once, in sequence, never blocking on a bad op.

For each op (design §3, push table): a seq already applied answers the stored result
(``duplicate``); a seq beyond the next stops the batch (``gap``); a missing blob stops it without
advancing (``retryable``); a payload that fails validation is ``rejected`` and the sequence still
advances (Replicache's deadlock warning); an op naming a record another site owns is ``rejected``
(``not_owner``, server/ownership.py); an edit based on a version another workstation has since
replaced is kept beside it as a ``conflict``; anything else is applied. The whole batch is one
transaction holding the global counter lock, and the answer is sent only after it commits.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

import app.sync.wire as wire
from server.models import AppliedOp, Blob, BlobOwner, BucketRow, ConflictRow, Counter, Device, SiteRow, utcnow
from server.ownership import NOT_OWNER, NOT_OWNER_MESSAGE, owned_elsewhere
from server.store import iso, lock_counter

log = logging.getLogger(__name__)

#: A notice is public on the platform once approved through the whole review chain.
PUBLIC_NOTICE_STATUSES = ("approved", "published")


class _Retryable(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class _Rejected(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def _device(session: Session, site: SiteRow, device_id: str) -> Device:
    device = session.execute(
        select(Device).where(Device.site_id == site.id, Device.device_id == device_id)
    ).scalar_one_or_none()
    if device is None:
        device = Device(site_id=site.id, device_id=device_id, last_applied=0)
        session.add(device)
        session.flush()
    device.last_seen = utcnow()
    return device


def push(session: Session, site: SiteRow, request: wire.PushRequest) -> wire.PushResponse:
    """Process one batch inside the caller's transaction."""
    counter = lock_counter(session)
    device = _device(session, site, request.device_id)
    # Everything the batch needs, fetched in two queries rather than several per op.
    loaded_ops = {
        a.op_id: a
        for a in session.execute(
            select(AppliedOp).where(AppliedOp.op_id.in_([op.op_id for op in request.ops]))
        ).scalars()
    }
    rows: dict[str, BucketRow | _NewRow] = {
        r.key: r
        for r in session.execute(
            select(BucketRow).where(
                BucketRow.bucket == wire.BUCKET_SITE,
                BucketRow.scope == site.code,
                BucketRow.key.in_([f"{op.entity}:{op.entity_uuid}" for op in request.ops]),
            )
        ).scalars()
    }
    foreign = owned_elsewhere(session, site.code, (op.entity_uuid for op in request.ops))
    results: list[wire.OpResult] = []
    decided: list[dict[str, Any]] = []
    earlier_ops: dict[str, AppliedOp | _Decided] = dict(loaded_ops)
    for op in request.ops:
        if op.seq <= device.last_applied:
            results.append(_duplicate(earlier_ops.get(op.op_id), device, op))
            continue
        if op.seq > device.last_applied + 1:
            results.append(wire.OpResult(op.op_id, op.seq, wire.GAP, expected=device.last_applied + 1))
            break
        earlier = earlier_ops.get(op.op_id)
        if earlier is not None:
            # The same op under a new seq (the site renumbered after losing its own database):
            # never apply it twice; the seq is used up so later ops are not blocked.
            results.append(_stored(earlier, op.seq, wire.DUPLICATE))
            device.last_applied = op.seq
            continue
        try:
            result = _apply(session, counter, site, device, op, rows, foreign)
        except _Retryable as exc:
            results.append(wire.OpResult(op.op_id, op.seq, wire.RETRYABLE, exc.code, str(exc)))
            break
        except _Rejected as exc:
            log.warning("site %s op %s rejected: %s %s", site.code, op.op_id, exc.code, exc)
            result = wire.OpResult(op.op_id, op.seq, wire.REJECTED, exc.code, str(exc))
        decided.append(
            {
                "op_id": op.op_id,
                "device_pk": device.id,
                "seq": op.seq,
                "entity": op.entity,
                "entity_uuid": op.entity_uuid,
                "status": result.status,
                "code": result.code,
                "message": result.message,
                "version": result.version,
                "device_time": op.device_time[:40],
                "clock_suspect": op.clock_suspect,
                "applied_at": utcnow(),
            }
        )
        earlier_ops[op.op_id] = _Decided(op.op_id, device.id, result.status, result.message, result.version)
        device.last_applied = op.seq
        results.append(result)
    # Bulk inserts: a first sync pushes thousands of ops, and per-object ORM inserts dominated.
    fresh = [vars(r) for r in rows.values() if isinstance(r, _NewRow)]
    if fresh:
        session.execute(insert(BucketRow), fresh)
    if decided:
        session.execute(insert(AppliedOp), decided)
    session.flush()
    return wire.PushResponse(device.last_applied, results, iso(utcnow()))


@dataclass
class _Decided:
    """An op decided earlier in this batch (the same fields of AppliedOp that answers need)."""

    op_id: str
    device_pk: int
    status: str
    message: str
    version: int | None


@dataclass
class _NewRow:
    """A bucket row first written in this batch, inserted in bulk at the end of the batch."""

    bucket: str
    scope: str
    key: str
    entity: str
    entity_uuid: str
    version: int
    server_seq: int
    deleted: bool
    data: str
    row_hash: int
    last_device: str
    updated_at: datetime


def _stored(earlier: AppliedOp | _Decided, seq: int, status: str) -> wire.OpResult:
    return wire.OpResult(
        earlier.op_id, seq, status, code=earlier.status, message=earlier.message, version=earlier.version
    )


def _duplicate(earlier: AppliedOp | _Decided | None, device: Device, op: wire.PushOp) -> wire.OpResult:
    if earlier is not None and earlier.device_pk == device.id:
        return _stored(earlier, op.seq, wire.DUPLICATE)
    # The seq was used by a different op: this device's numbering restarted (its database was
    # restored from a copy). Refuse visibly rather than drop the op silently.
    return wire.OpResult(
        op.op_id,
        op.seq,
        wire.REJECTED,
        "seq_reused",
        f"序号 {op.seq} 已被本设备的另一条记录使用（本机数据库可能从旧备份恢复）",
    )


def _validate(site: SiteRow, op: wire.PushOp) -> bytes:
    """Check an op; returns its payload's canonical JSON (reused for storage and the row hash).

    The limits are wire's (docs/limits.md): a payload's nesting, numbers and text are checked
    before it is serialised, then its size; the privacy rule is the shared one in wire.
    """
    if op.entity not in wire.SITE_ENTITIES:
        raise _Rejected("unknown_entity", f"平台不接收“{op.entity}”类记录")
    if op.op not in ("upsert", "delete"):
        raise _Rejected("unknown_op", f"未知的操作“{op.op}”")
    problem = wire.json_problem(op.payload, wire.MAX_JSON_DEPTH)
    if problem:
        raise _Rejected("payload_invalid", f"记录内容不符合平台的要求：{problem}")
    sealed_problem = wire.sealed_problem(op.entity, op.payload)
    if sealed_problem:
        raise _Rejected("sealed_invalid", f"记录内容不符合平台的要求：{sealed_problem}")
    canonical = wire.canonical_json(op.payload)
    sealed = op.payload.get(wire.SEALED_KEY)
    # The sealed box has its own bound (wire.MAX_SEALED_BYTES); the public fields keep theirs.
    public_size = len(canonical) - (len(sealed) if isinstance(sealed, str) else 0)
    if public_size > wire.MAX_PAYLOAD_BYTES:
        raise _Rejected(
            "payload_too_large",
            f"记录内容 {len(canonical) // 1024} KB，超过平台上限 {wire.MAX_PAYLOAD_BYTES // 1024} KB",
        )
    if wire.sha256_hex(canonical) != op.payload_sha256:
        raise _Rejected("payload_checksum", "记录内容的校验和不符")
    if op.op == "upsert" and str(op.payload.get("uuid", op.entity_uuid)) != op.entity_uuid:
        raise _Rejected("uuid_mismatch", "记录内容中的 uuid 与操作的 uuid 不一致")
    leaks = wire.unmasked_numbers(op.payload, entity=op.entity)
    if leaks:
        raise _Rejected(
            "unmasked_personal_data",
            "内容含未遮蔽的身份证号或手机号，平台拒收（位置："
            + "、".join(wire.describe_path(p) for p in leaks[:5])
            + "）",
        )
    return canonical


def _apply(
    session: Session,
    counter: Counter,
    site: SiteRow,
    device: Device,
    op: wire.PushOp,
    rows: dict[str, BucketRow | _NewRow],
    foreign: set[str],
) -> wire.OpResult:
    if op.entity_uuid in foreign:
        raise _Rejected(NOT_OWNER, NOT_OWNER_MESSAGE)
    canonical = _validate(site, op)
    for sha in op.blob_refs:
        owned = session.get(BlobOwner, (sha, site.id))
        if owned is None or session.get(Blob, sha) is None:
            raise _Retryable("missing_blob", f"附件 {sha[:12]} 尚未上传")
    key = f"{op.entity}:{op.entity_uuid}"
    row = rows.get(key)
    stale = row is not None and (op.base_version is None or op.base_version < row.version)
    if stale and row is not None and row.last_device != device.device_id:
        session.add(
            ConflictRow(
                site_id=site.id,
                op_id=op.op_id,
                entity=op.entity,
                entity_uuid=op.entity_uuid,
                server_version=row.version,
                incoming=wire.canonical_json(op.payload).decode("utf-8"),
            )
        )
        return wire.OpResult(
            op.op_id,
            op.seq,
            wire.CONFLICT,
            "stale_base_version",
            "另一台工作站已修改此记录",
            version=row.version,
        )
    if op.op == "delete":
        canonical = wire.canonical_json({"uuid": op.entity_uuid})
    elif op.entity == "notice":
        canonical = wire.canonical_json(_publish_notice(row, dict(op.payload)))
    deleted = op.op == "delete"
    counter.value += 1
    version = 1 if row is None else row.version + 1
    text = canonical.decode("utf-8")
    digest = wire.row_hash_of_canonical(op.entity, key, version, deleted, canonical)
    if row is None:
        row = _NewRow(
            wire.BUCKET_SITE,
            site.code,
            key,
            op.entity,
            op.entity_uuid,
            version,
            counter.value,
            deleted,
            text,
            digest,
            device.device_id,
            utcnow(),
        )
        rows[key] = row
    else:
        row.version = version
        row.server_seq = counter.value
        row.deleted = deleted
        row.data = text
        row.row_hash = digest
        row.last_device = device.device_id
        row.updated_at = utcnow()
    return wire.OpResult(op.op_id, op.seq, wire.APPLIED, version=version)


def _publish_notice(row: BucketRow | _NewRow | None, data: dict[str, Any]) -> dict[str, Any]:
    """Server-assigned publication: a notice approved through the review chain is public from the
    sync that brings it; the first publication time of a revision is kept (idempotent per revision)."""
    previous = json.loads(row.data) if row is not None and not row.deleted else {}
    if data.get("status") in PUBLIC_NOTICE_STATUSES:
        same_revision = previous.get("revision") == data.get("revision")
        kept = previous.get("platform_published_at") if same_revision else None
        data["platform_published_at"] = kept or iso(utcnow())
    else:
        data["platform_published_at"] = None
    return data


def result_dict(result: wire.OpResult) -> dict[str, Any]:
    return asdict(result)
