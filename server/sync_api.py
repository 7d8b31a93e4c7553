"""The sync endpoints under /sync/v1: hello, push, pull, blobs, integrity, status.

A device token is bound to one enrolled PC of one site (server/devices.py); the site's scope comes
from the token, never from the request body, so a device only ever reaches its own site's records
and blobs (plus the global buckets every site receives). A display device (the kiosk PC) receives
only what the kiosk shows (server/display.py) and may not push. Every JSON answer carries ``X-Body-SHA256`` so a truncated or corrupted body is
detected by the client and retried rather than applied.

Limits before work (server/limits.py): the token is checked before a request body is read; bodies
are read up to a bound (refused by Content-Length before reading); JSON is parsed with a nesting
limit and validated by the models in server/schemas.py; every refusal is a 4xx with a message.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Query, Request, Response
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

import app.sync.wire as wire
from server import devices, display, schemas
from server import push as push_mod
from server.limits import parse_json, read_body
from server.models import Blob, BlobOwner, BlobUpload, BucketRow, Counter, Device, SiteRow, utcnow
from server.store import change_of, checkpoint, epoch, iso, lock_counter

router = APIRouter(prefix=wire.API_PREFIX)

MAX_BLOB = wire.MAX_BLOB_BYTES
ShaPath = Annotated[str, Path(pattern=schemas.SHA256_PATTERN)]


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


def caller_of(
    request: Request,
    session: Annotated[Session, Depends(db)],
    authorization: Annotated[str, Header()] = "",
) -> devices.Caller:
    """The enrolled device whose token the request carries; 401 (unknown) or 403 (revoked, with the
    date and reason) otherwise. Runs before any body is read."""
    token = authorization.removeprefix("Bearer ").strip()
    try:
        caller = devices.authenticate(session, token)
    except devices.DeviceError as exc:
        raise HTTPException(exc.status, str(exc)) from None
    finally:
        session.rollback()
    request.state.caller = caller
    return caller


def site_of(caller: Annotated[devices.Caller, Depends(caller_of)]) -> SiteRow:
    return caller.site


SiteDep = Annotated[SiteRow, Depends(site_of)]
CallerDep = Annotated[devices.Caller, Depends(caller_of)]
SessionDep = Annotated[Session, Depends(db)]


def public_base_url(request: Request) -> str:
    """The address of the public pages: ``serve --public-url``, else the one this request reached."""
    configured: str = getattr(request.app.state, "public_url", "") or ""
    return (configured or str(request.base_url)).rstrip("/")


@router.get("/hello")
def hello(
    request: Request,
    caller: CallerDep,
    session: SessionDep,
    x_gongkai_device: Annotated[str, Header()] = "",
) -> Response:
    site = caller.site
    last = 0
    if x_gongkai_device and len(x_gongkai_device) <= 64:
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
            "device_id": caller.device.device_id,
            "device_kind": caller.device.kind,
            "public_base_url": public_base_url(request),
        }
    )


def _check_protocol(protocol: int) -> None:
    if not wire.PROTOCOL_MIN <= protocol <= wire.PROTOCOL:
        raise HTTPException(426, f"同步协议版本 {protocol} 不受支持，请升级程序")


@router.post("/push")
async def push(request: Request, caller: CallerDep) -> Response:
    # The token was checked (caller_of) before this reads a byte of the body.
    if caller.device.kind != "staff":
        raise HTTPException(403, "展示电脑（大厅查询机）只接收公开内容，不能推送变更")
    site = caller.site
    raw = await read_body(request, wire.MAX_PUSH_BYTES)
    body = parse_json(raw, "推送内容", max_depth=None)
    protocol = body.get("protocol") if isinstance(body, dict) else None
    if isinstance(protocol, int) and not isinstance(protocol, bool):
        _check_protocol(protocol)  # before the shape: a newer protocol may have another shape
    req = schemas.validate(schemas.PushIn, body, "推送内容").to_wire()
    _check_protocol(req.protocol)
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
async def pull(request: Request, caller: CallerDep) -> Response:
    raw = await read_body(request, wire.MAX_SMALL_BODY_BYTES)
    body = schemas.validate(schemas.PullIn, parse_json(raw, "拉取请求"), "拉取请求")
    wanted = [(b.name, b.cursor) for b in body.buckets]
    limit = max(1, min(body.limit, 2000))
    return await run_in_threadpool(_pull_sync, request, caller, wanted, limit)


def _pull_sync(
    request: Request, caller: devices.Caller, wanted: list[tuple[str, str]], limit: int
) -> Response:
    site = caller.site
    shown = display.Filter(utcnow()) if caller.device.kind == "display" else None
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
            changes.extend(change_of(r) if shown is None else shown.change(r) for r in rows)
            if more:
                top = rows[-1].server_seq if rows else seq
                cursors[name] = wire.encode_cursor(current, name, top)
            else:
                cp = (
                    checkpoint(session, name, scope)
                    if shown is None
                    else shown.checkpoint(session, name, scope)
                )
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
    caller: CallerDep,
    session: SessionDep,
    bucket: Annotated[str, Query(max_length=64)],
    after: Annotated[str, Query(max_length=200)] = "",
    limit: Annotated[int, Query(ge=1, le=5000)] = 2000,
) -> Response:
    """Every row of a bucket in key order (paged), with the checkpoint: the client's repair path."""
    if bucket not in wire.BUCKETS:
        raise HTTPException(400, f"未知的数据分组“{bucket}”")
    site = caller.site
    shown = display.Filter(utcnow()) if caller.device.kind == "display" else None
    scope = _scope(bucket, site)
    cp = checkpoint(session, bucket, scope) if shown is None else shown.checkpoint(session, bucket, scope)
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
    out = [change_of(r) if shown is None else shown.change(r) for r in rows]
    return signed({"checkpoint": cp, "rows": out, "next_after": next_after})


@router.post("/status")
async def status(request: Request, caller: CallerDep) -> Response:
    site = caller.site
    """A site reports its outbox depth, oldest pending age and cursors (monitoring, tombstone GC)."""
    raw = await read_body(request, wire.MAX_SMALL_BODY_BYTES)
    body = schemas.validate(schemas.StatusIn, parse_json(raw, "状态报告", max_depth=8), "状态报告")
    await run_in_threadpool(_status_sync, request, site, caller.device.id, body)
    return signed({"ok": True})


def _status_sync(request: Request, site: SiteRow, device_pk: int, body: schemas.StatusIn) -> None:
    with _factory(request)() as session, session.begin():
        lock_counter(session)
        enrolled = session.get(Device, device_pk)
        if enrolled is not None:
            enrolled.last_seen = utcnow()  # what `gongkai device list` shows as last seen
        device = session.execute(
            select(Device).where(Device.site_id == site.id, Device.device_id == body.device_id)
        ).scalar_one_or_none()
        if device is not None:
            # Stored whole (the body is bounded above), so it always reads back as JSON.
            device.status_json = wire.canonical_json(body.model_dump()).decode("utf-8")
            device.last_seen = utcnow()


# -- numbers people see -----------------------------------------------------------------------------


@router.post("/numbers")
async def numbers(request: Request, site: SiteDep) -> Response:
    """Reserve a block of a site's number series for one device (docs/sync-replication.md,
    "Number allocation"): every block of a site, series and year is disjoint from every other."""
    raw = await read_body(request, wire.MAX_SMALL_BODY_BYTES)
    body = schemas.validate(schemas.NumbersIn, parse_json(raw, "编号申请", max_depth=4), "编号申请")
    return await run_in_threadpool(_numbers_sync, request, site, body)


def counter_name(site_code: str, series: str, year: int) -> str:
    """The ``server_counter`` row of one site's series in one year (the name column holds 32
    characters, so the triple is hashed)."""
    digest = hashlib.sha256(f"{site_code}|{series}|{year}".encode()).hexdigest()
    return "n:" + digest[:30]


def _numbers_sync(request: Request, site: SiteRow, body: schemas.NumbersIn) -> Response:
    name = counter_name(site.code, body.series, body.year)
    with _factory(request)() as session, session.begin():
        lock_counter(session)  # serialises every writer, so the row below is created once
        row = session.get(Counter, name, with_for_update=True)
        if row is None:
            row = Counter(name=name, value=0)
            session.add(row)
        start = max(row.value + 1, body.at_least)
        end = start + body.count - 1
        if end > wire.MAX_NUMBER:
            raise HTTPException(409, f"{body.year} 年的编号已用尽")
        row.value = end
    return signed({"series": body.series, "year": body.year, "start": start, "end": end})


# -- blobs ------------------------------------------------------------------------------------------


def _readable(session: Session, site: SiteRow, sha: str) -> Blob | None:
    blob = session.get(Blob, sha)
    if blob is None:
        return None
    if blob.public or session.get(BlobOwner, (sha, site.id)) is not None:
        return blob
    return None


@router.head("/blobs/{sha}")
def blob_head(site: SiteDep, session: SessionDep, sha: ShaPath) -> Response:
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
def blob_get(site: SiteDep, session: SessionDep, sha: ShaPath) -> Response:
    blob = _readable(session, site, sha)
    if blob is None:
        raise HTTPException(404, "没有这个附件")
    return Response(blob.data, media_type="application/octet-stream")


@router.put("/blobs/{sha}")
async def blob_put(request: Request, caller: CallerDep, sha: ShaPath) -> Response:
    """Append one chunk at ``Upload-Offset`` of ``Upload-Length``; the last chunk verifies the SHA-256.

    Idempotent: re-sending a chunk already stored, or a whole blob the site already has, is a no-op.
    The token is checked (``site_of``) and the offsets validated before the chunk is read, and a
    chunk is at most ``wire.MAX_BLOB_CHUNK`` bytes.
    """
    if caller.device.kind != "staff":
        raise HTTPException(403, "展示电脑（大厅查询机）只接收公开内容，不能上传附件")
    site = caller.site
    offset = _header_int(request, wire.UPLOAD_OFFSET_HEADER) or 0
    total = _header_int(request, wire.UPLOAD_LENGTH_HEADER)
    if (total is not None and total > MAX_BLOB) or offset > MAX_BLOB:
        raise HTTPException(413, f"附件超过上限 {MAX_BLOB // (1024 * 1024)} MB")
    chunk = await read_body(request, wire.MAX_BLOB_CHUNK)
    if total is None:
        total = len(chunk)
    return await run_in_threadpool(_blob_put_sync, request, site, sha, offset, total, chunk)


def _header_int(request: Request, name: str) -> int | None:
    raw = request.headers.get(name)
    if raw is None:
        return None
    if not raw.isdigit() or len(raw) > 18:
        raise HTTPException(400, f"{name} 应为非负整数")
    return int(raw)


def _blob_put_sync(
    request: Request, site: SiteRow, sha: str, offset: int, total: int, chunk: bytes
) -> Response:
    factory = _factory(request)
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
