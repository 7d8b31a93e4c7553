"""The device endpoints under /sync/v1: enrol (site token), invitations, join (no token), the
site's device list and revocation (device token). The rules are in server/devices.py."""

from __future__ import annotations

import threading
import time
from collections import deque
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Request, Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

import app.sync.wire as wire
from server import devices, schemas
from server.limits import parse_json, read_body
from server.store import iso
from server.sync_api import CallerDep, _factory, signed

router = APIRouter(prefix=wire.API_PREFIX)

#: Redeeming a code needs no token, so it is rate-limited per client address: a few tries a minute
#: are plenty for a person typing a code; the 80-bit code makes guessing hopeless anyway.
JOIN_ATTEMPTS = 10
JOIN_WINDOW_S = 60.0


class _RateLimit:
    def __init__(self, attempts: int, window: float) -> None:
        self._attempts, self._window = attempts, window
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, who: str) -> None:
        now = time.monotonic()
        with self._lock:
            if len(self._seen) > 10_000:
                self._seen.clear()  # bounded memory under a flood of addresses
            times = self._seen.setdefault(who, deque())
            while times and times[0] < now - self._window:
                times.popleft()
            if len(times) >= self._attempts:
                raise HTTPException(429, "尝试过于频繁，请一分钟后再试")
            times.append(now)


def _limit(request: Request) -> _RateLimit:
    limit = getattr(request.app.state, "join_limit", None)
    if limit is None:
        limit = request.app.state.join_limit = _RateLimit(JOIN_ATTEMPTS, JOIN_WINDOW_S)
    return limit


async def _body(request: Request, model: type[schemas._M], what: str) -> schemas._M:
    raw = await read_body(request, wire.MAX_SMALL_BODY_BYTES)
    return schemas.validate(model, parse_json(raw, what, max_depth=8), what)


def _write(request: Request, fn: object) -> Response:
    """Run ``fn(session)`` in one transaction; a DeviceError becomes its HTTP refusal."""
    with _factory(request)() as session:
        try:
            with session.begin():
                result = fn(session)  # type: ignore[operator]
        except devices.DeviceError as exc:
            raise HTTPException(exc.status, str(exc)) from None
    return signed(result)


@router.post("/enrol")
async def enrol(request: Request, authorization: Annotated[str, Header()] = "") -> Response:
    """The first PC(s) of a site: the site token (from add-site) buys this PC its own credential."""
    token = authorization.removeprefix("Bearer ").strip()
    if not token:
        raise HTTPException(401, "缺少站点令牌")
    body = await _body(request, schemas.EnrolIn, "登记请求")

    def run(session: Session) -> dict[str, object]:
        return devices.enrol(session, token, body.device_id.lower(), body.name)

    return await run_in_threadpool(_write, request, run)


@router.post("/invitations")
async def invite(request: Request, caller: CallerDep) -> Response:
    body = await _body(request, schemas.InviteIn, "邀请")

    def run(session: Session) -> dict[str, object]:
        expires = devices.invite(session, caller, body.code_sha256, body.kind, body.wrapped_key)
        return {"expires_at": iso(expires), "kind": body.kind}

    return await run_in_threadpool(_write, request, run)


@router.post("/join")
async def join(request: Request) -> Response:
    """A new PC redeems an invitation (no token: the code's SHA-256 is the proof)."""
    _limit(request).check(request.client.host if request.client else "")
    body = await _body(request, schemas.JoinIn, "加入请求")

    def run(session: Session) -> dict[str, object]:
        return devices.redeem(session, body.code_sha256, body.device_id.lower(), body.name)

    return await run_in_threadpool(_write, request, run)


@router.post("/join/confirm")
def join_confirm(request: Request, caller: CallerDep) -> Response:
    """The joined PC is complete: its invitation cannot be redeemed again, by anyone."""

    def run(session: Session) -> dict[str, object]:
        devices.confirm(session, caller)
        return {"ok": True}

    return _write(request, run)


@router.get("/devices")
def device_list(request: Request, caller: CallerDep) -> Response:
    with _factory(request)() as session:
        return signed({"devices": devices.listing(session, caller.site.id)})


@router.post("/devices/{device_id}/revoke")
async def revoke(request: Request, caller: CallerDep, device_id: str) -> Response:
    if caller.device.kind != "staff":
        raise HTTPException(403, "只有工作人员电脑可以撤销设备")
    if not devices.valid_device_id(device_id):
        raise HTTPException(400, "设备编号格式错误")
    body = await _body(request, schemas.RevokeIn, "撤销请求")

    def run(session: Session) -> dict[str, object]:
        return devices.revoke(session, device_id, body.reason, caller.site.id)

    return await run_in_threadpool(_write, request, run)
