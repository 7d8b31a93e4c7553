"""The sync endpoints under /sync/v1: hello, push, pull, blobs, integrity, status.

A device token is bound to one site; the site's scope comes from the token, never from the request
body, so a site's token only ever reaches its own records and blobs (plus the global buckets every
site receives). Every JSON answer carries ``X-Body-SHA256`` so a truncated or corrupted body is
detected by the client and retried rather than applied.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header, HTTPException, Query, Request, Response
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

import app.sync.wire as wire
from server import push as push_mod
from server.models import Blob, BlobOwner, BlobUpload, BucketRow, Device, SiteRow, utcnow
from server.store import change_of, checkpoint, epoch, iso, lock_counter

router = APIRouter(prefix=wire.API_PREFIX)

MAX_BLOB = 64 * 1024 * 1024


def signed(data: Any, status_code: int = 200) -> Response:
    body = wire.canonical_json(data)
    return Response(
        body,
        status_code=status_code,
        media_type="application/json",
        headers={wire.BODY_SHA_HEADER: wire.sha256_hex(body)},
    )


def _factory(request: Request) -> sessionmaker[Session]:
    factory: sessionmaker[Session] = request.app.state.sessions
    return factory


def db(request: Request) -> Iterator[Session]:
    with _factory(request)() as session:
        yield session


def site_of(
    session: Annotated[Session, Depends(db)], authorization: Annotated[str, Header()] = ""
) -> SiteRow:
    token = authorization.removeprefix("Bearer ").strip()
    if not token:
        raise HTTPException(401, "缺少设备令牌")
    digest = hashlib.sha256(token.encode("utf-8")).hexdigest()
    site = session.execute(select(SiteRow).where(SiteRow.token_sha256 == digest)).scalar_one_or_none()
    if site is None:
        raise HTTPException(401, "设备令牌无效")
    session.expunge(site)
    session.rollback()
    return site


SiteDep = Annotated[SiteRow, Depends(site_of)]
SessionDep = Annotated[Session, Depends(db)]


@router.get("/hello")
def hello(
    request: Request, site: SiteDep, session: SessionDep, x_gongkai_device: Annotated[str, Header()] = ""
) -> Response:
    last = 0
    if x_gongkai_device:
        device = session.execute(
            select(Device).where(Device.site_id == site.id, Device.device_id == x_gongkai_device)
        ).scalar_one_or_none()
        last = device.last_applied if device else 0
    return signed(
        {
            "server_epoch": epoch(_factory(request)),
            "server_time": iso(utcnow()),
            "protocol_min": wire.PROTOCOL_MIN,
            "protocol_max": wire.PROTOCOL,
            "site_code": site.code,
            "site_name": site.name,
            "device_last_applied": last,
            "buckets": list(wire.BUCKETS),
            "bucket_schema": wire.BUCKET_SCHEMA,
        }
    )


def _check_protocol(protocol: int) -> None:
    if not wire.PROTOCOL_MIN <= protocol <= wire.PROTOCOL:
        raise HTTPException(426, f"同步协议版本 {protocol} 不受支持，请升级程序")


async def _json_body(request: Request) -> Any:
    """The body as plain JSON (no per-field validation model: a push carries hundreds of payloads,
    and the wire dataclasses check the shape themselves)."""
    try:
        return json.loads(await request.body())
    except ValueError as exc:
        raise HTTPException(400, f"请求内容不是有效的 JSON：{exc}") from None


@router.post("/push")
async def push(request: Request, site: SiteDep, body: Annotated[Any, Depends(_json_body)]) -> Response:
    try:
        req = wire.PushRequest.from_dict(body)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise HTTPException(400, f"推送内容格式错误：{exc}") from None
    _check_protocol(req.protocol)
    if len(req.ops) > 2 * wire.PUSH_BATCH:
        raise HTTPException(413, "一次推送的记录过多")
    return await run_in_threadpool(_push_sync, request, site, req)


def _push_sync(request: Request, site: SiteRow, req: wire.PushRequest) -> Response:
    with _factory(request)() as session, session.begin():
        response = push_mod.push(session, site, req)
    hook = getattr(request.app.state, "after_commit", None)
    if hook is not None:
        hook("push")  # test-only fault point (server killed after COMMIT, before answering)
    return signed(response.to_dict())


def _scope(bucket: str, site: SiteRow) -> str:
    return site.code if bucket == wire.BUCKET_SITE else ""


@router.post("/pull")
def pull(request: Request, site: SiteDep, body: Annotated[dict[str, Any], Body()]) -> Response:
    try:
        wanted = [(str(b["name"]), str(b.get("cursor", ""))) for b in body["buckets"]]
        limit = max(1, min(int(body.get("limit", wire.PULL_LIMIT)), 2000))
    except (KeyError, TypeError, ValueError) as exc:
        raise HTTPException(400, f"拉取请求格式错误：{exc}") from None
    current = epoch(_factory(request))
    changes: list[dict[str, Any]] = []
    cursors: dict[str, str] = {}
    checkpoints: dict[str, dict[str, int]] = {}
    reset: list[str] = []
    more = False
    with _factory(request)() as session:
        if session.bind is not None and session.bind.dialect.name == "postgresql":
            # One snapshot for the page and its checkpoint, so they always agree.
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        for name, cursor in wanted:
            if name not in wire.BUCKETS:
                raise HTTPException(400, f"未知的数据分组“{name}”")
            decoded = wire.decode_cursor(cursor)
            seq = 0
            if decoded is not None:
                if decoded[0] != current or decoded[1] != name:
                    reset.append(name)
                else:
                    seq = decoded[2]
            elif cursor:
                reset.append(name)
            if more:
                cursors[name] = cursor if name not in reset else ""
                continue
            scope = _scope(name, site)
            rows = (
                session.execute(
                    select(BucketRow)
                    .where(BucketRow.bucket == name, BucketRow.scope == scope, BucketRow.server_seq > seq)
                    .order_by(BucketRow.server_seq)
                    .limit(limit - len(changes) + 1)
                )
                .scalars()
                .all()
            )
            room = limit - len(changes)
            if len(rows) > room:
                rows = rows[:room]
                more = True
            changes.extend(change_of(r) for r in rows)
            if more:
                top = rows[-1].server_seq if rows else seq
                cursors[name] = wire.encode_cursor(current, name, top)
            else:
                cp = checkpoint(session, name, scope)
                checkpoints[name] = cp
                cursors[name] = wire.encode_cursor(current, name, max(seq, cp["through_seq"]))
        session.rollback()
    return signed(
        {
            "changes": changes,
            "cursors": cursors,
            "more": more,
            "checkpoints": checkpoints,
            "reset": reset,
            "bucket_schema": wire.BUCKET_SCHEMA,
        }
    )


@router.get("/integrity")
def integrity(
    site: SiteDep,
    session: SessionDep,
    bucket: str,
    after: Annotated[str, Query()] = "",
    limit: Annotated[int, Query(ge=1, le=5000)] = 2000,
) -> Response:
    """Every row of a bucket in key order (paged), with the checkpoint: the client's repair path."""
    if bucket not in wire.BUCKETS:
        raise HTTPException(400, f"未知的数据分组“{bucket}”")
    scope = _scope(bucket, site)
    cp = checkpoint(session, bucket, scope)
    rows = (
        session.execute(
            select(BucketRow)
            .where(BucketRow.bucket == bucket, BucketRow.scope == scope, BucketRow.key > after)
            .order_by(BucketRow.key)
            .limit(limit)
        )
        .scalars()
        .all()
    )
    next_after = rows[-1].key if len(rows) == limit else ""
    return signed({"checkpoint": cp, "rows": [change_of(r) for r in rows], "next_after": next_after})


@router.post("/status")
def status(request: Request, site: SiteDep, body: Annotated[dict[str, Any], Body()]) -> Response:
    """A site reports its outbox depth, oldest pending age and cursors (monitoring, tombstone GC)."""
    device_id = str(body.get("device_id", ""))
    with _factory(request)() as session, session.begin():
        lock_counter(session)
        device = session.execute(
            select(Device).where(Device.site_id == site.id, Device.device_id == device_id)
        ).scalar_one_or_none()
        if device is not None:
            device.status_json = json.dumps(body, ensure_ascii=False)[:20000]
            device.last_seen = utcnow()
    return signed({"ok": True})


# -- blobs ------------------------------------------------------------------------------------------


def _readable(session: Session, site: SiteRow, sha: str) -> Blob | None:
    blob = session.get(Blob, sha)
    if blob is None:
        return None
    if blob.public or session.get(BlobOwner, (sha, site.id)) is not None:
        return blob
    return None


@router.head("/blobs/{sha}")
def blob_head(site: SiteDep, session: SessionDep, sha: str) -> Response:
    """200 with the size if this site has the blob; else 404 with how much of it was uploaded."""
    blob = _readable(session, site, sha)
    if blob is not None:
        return Response(
            status_code=200, headers={"Content-Length": "0", wire.UPLOAD_OFFSET_HEADER: str(blob.size)}
        )
    part = session.get(BlobUpload, (sha, site.id))
    offset = len(part.data) if part is not None else 0
    return Response(status_code=404, headers={wire.UPLOAD_OFFSET_HEADER: str(offset)})


@router.get("/blobs/{sha}")
def blob_get(site: SiteDep, session: SessionDep, sha: str) -> Response:
    blob = _readable(session, site, sha)
    if blob is None:
        raise HTTPException(404, "没有这个附件")
    return Response(blob.data, media_type="application/octet-stream")


@router.put("/blobs/{sha}")
async def blob_put(request: Request, sha: str) -> Response:
    """Append one chunk at ``Upload-Offset`` of ``Upload-Length``; the last chunk verifies the SHA-256.

    Idempotent: re-sending a chunk already stored, or a whole blob the site already has, is a no-op.
    """
    chunk = await request.body()
    factory = _factory(request)
    with factory() as session:
        site = site_of(session, request.headers.get("authorization", ""))
    try:
        offset = int(request.headers.get(wire.UPLOAD_OFFSET_HEADER, "0"))
        total = int(request.headers.get(wire.UPLOAD_LENGTH_HEADER, str(len(chunk))))
    except ValueError:
        raise HTTPException(400, "Upload-Offset / Upload-Length 应为整数") from None
    if total > MAX_BLOB or offset < 0:
        raise HTTPException(413, "附件过大")
    with factory() as session, session.begin():
        lock_counter(session)
        if _readable(session, site, sha) is not None:
            return signed({"sha256": sha, "complete": True, "offset": total})
        part = session.get(BlobUpload, (sha, site.id))
        if part is None:
            part = BlobUpload(sha256=sha, site_id=site.id, total=total, data=b"")
            session.add(part)
        have = len(part.data)
        if offset > have:
            return signed({"sha256": sha, "complete": False, "offset": have}, status_code=409)
        data = part.data[:offset] + chunk
        if len(data) < total:
            part.data = data
            part.updated_at = utcnow()
            return signed({"sha256": sha, "complete": False, "offset": len(data)})
        if wire.sha256_hex(data) != sha or len(data) != total:
            _drop(session, part)
            return signed({"sha256": sha, "complete": False, "offset": 0, "error": "checksum"}, 422)
        if session.get(Blob, sha) is None:
            session.add(Blob(sha256=sha, size=len(data), data=data, public=False))
        session.add(BlobOwner(sha256=sha, site_id=site.id))
        _drop(session, part)
    return signed({"sha256": sha, "complete": True, "offset": total})


def _drop(session: Session, part: BlobUpload) -> None:
    if part in session.new:
        session.expunge(part)
    else:
        session.delete(part)
