"""Devices of a site and their credentials: enrolment, invitations, listing, revocation.

Every PC of a site is a ``device`` row with its own token (docs/sync-devices.md). The site token
``gongkai-server add-site`` prints only enrols PCs (``POST /enrol``); every sync request carries a
device token, so one PC can be revoked while the others carry on. Further PCs join with a one-time
invitation code made on a staff PC: the platform stores the code's SHA-256 and the site key wrapped
under the code, never the code (80 random bits, so the SHA-256 cannot be searched).

Only SHA-256 digests of tokens and codes are stored. Tokens start with a fixed prefix so they can
never begin with "-" (which a command line would read as an option).
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

import app.sync.wire as wire
from server.models import Device, Invitation, SiteRow, utcnow
from server.store import iso, lock_counter

SITE_TOKEN_PREFIX = wire.SITE_TOKEN_PREFIX
DEVICE_TOKEN_PREFIX = wire.DEVICE_TOKEN_PREFIX
KINDS = ("staff", "display")
INVITATION_TTL = timedelta(hours=24)


class DeviceError(Exception):
    """A refusal with an HTTP status and a Chinese message (the API and the operator CLI show it)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "replace")).hexdigest()


def new_token(prefix: str) -> str:
    return prefix + secrets.token_urlsafe(32)


def revoked_message(device: Device) -> str:
    when = device.revoked_at.astimezone().strftime("%Y-%m-%d %H:%M") if device.revoked_at else ""
    reason = f"，原因：{device.revoked_reason}" if device.revoked_reason else ""
    return f"本电脑的同步凭据已于 {when} 被撤销{reason}。如需继续同步，请在本站点另一台电脑上重新邀请本机"


@dataclass(frozen=True)
class Caller:
    """Who a request comes from: the site and its enrolled device (detached from any session)."""

    site: SiteRow
    device: Device


def authenticate(session: Session, token: str) -> Caller:
    """The enrolled, unrevoked device whose token this is; DeviceError 401/403 otherwise."""
    if not token:
        raise DeviceError(401, "缺少设备令牌")
    hashed = digest(token)
    device = session.execute(select(Device).where(Device.token_sha256 == hashed)).scalar_one_or_none()
    if device is None:
        if session.execute(select(SiteRow.id).where(SiteRow.token_sha256 == hashed)).first():
            raise DeviceError(
                401,
                "站点令牌只能用来登记电脑，不能直接同步：请用 gongkai sync --server 网址 --token 令牌 重新登记",
            )
        raise DeviceError(401, "设备令牌无效")
    if device.revoked_at is not None:
        raise DeviceError(403, revoked_message(device))
    site = session.get(SiteRow, device.site_id)
    assert site is not None
    session.expunge(site)
    session.expunge(device)
    return Caller(site, device)


def _credential(session: Session, site: SiteRow, device_id: str, kind: str, name: str) -> tuple[Device, str]:
    """Give ``device_id`` of ``site`` a fresh token (a row that only numbered ops is adopted; an
    enrolled one gets its token replaced, e.g. a PC enrolled again with the site token)."""
    device = session.execute(
        select(Device).where(Device.site_id == site.id, Device.device_id == device_id)
    ).scalar_one_or_none()
    if device is not None and device.revoked_at is not None:
        raise DeviceError(403, revoked_message(device))
    if device is None:
        device = Device(site_id=site.id, device_id=device_id, last_applied=0, status_json="{}")
        session.add(device)
    token = new_token(DEVICE_TOKEN_PREFIX)
    device.token_sha256 = digest(token)
    device.kind = kind
    device.name = name.strip()[:100] or f"电脑 {device_id[:8]}"
    device.created_at = device.created_at or utcnow()
    device.last_seen = utcnow()
    session.flush()
    return device, token


def _answer(site: SiteRow, device: Device, token: str, **extra: Any) -> dict[str, Any]:
    return {
        "device_id": device.device_id,
        "device_token": token,
        "device_kind": device.kind,
        "site_code": site.code,
        "site_name": site.name,
        **extra,
    }


def enrol(session: Session, site_token: str, device_id: str, name: str) -> dict[str, Any]:
    """The first PC(s) of a site: the site token buys a staff device credential."""
    site = session.execute(
        select(SiteRow).where(SiteRow.token_sha256 == digest(site_token))
    ).scalar_one_or_none()
    if site is None:
        raise DeviceError(401, "站点令牌无效（应为 gongkai-server add-site 输出的令牌）")
    lock_counter(session)
    device, token = _credential(session, site, device_id, "staff", name)
    return _answer(site, device, token)


def invite(session: Session, caller: Caller, code_sha256: str, kind: str, wrapped_key: str) -> datetime:
    """Record an invitation made on a staff PC; returns when it expires."""
    if caller.device.kind != "staff":
        raise DeviceError(403, "只有工作人员电脑可以邀请其他电脑")
    if kind not in KINDS:
        raise DeviceError(400, f"设备类型应为 staff 或 display，实为“{kind}”")
    lock_counter(session)
    if session.execute(select(Invitation.id).where(Invitation.code_sha256 == code_sha256)).first():
        raise DeviceError(409, "这个邀请码已经登记过")
    expires = utcnow() + INVITATION_TTL
    session.add(
        Invitation(
            code_sha256=code_sha256,
            site_id=caller.site.id,
            kind=kind,
            wrapped_key=wrapped_key,
            created_by=caller.device.id,
            expires_at=expires,
        )
    )
    return expires


def redeem(session: Session, code_sha256: str, device_id: str, name: str) -> dict[str, Any]:
    """A new PC joins with an invitation code: single use, within 24 hours."""
    lock_counter(session)  # two PCs racing with one code: the second waits and finds it used
    invitation = session.execute(
        select(Invitation).where(Invitation.code_sha256 == code_sha256)
    ).scalar_one_or_none()
    if invitation is None:
        raise DeviceError(404, "邀请码不正确（请核对 16 个字符）")
    if _aware(invitation.expires_at) <= utcnow():
        raise DeviceError(410, "邀请码已过期（24 小时内有效）：请重新邀请")
    if invitation.used_at is not None:
        when = _aware(invitation.used_at).astimezone()
        raise DeviceError(410, f"邀请码已于 {when:%Y-%m-%d %H:%M} 使用过，只能使用一次")
    # Claimed but not yet confirmed: only the PC that claimed it may redeem again (its join was
    # interrupted; the joining PC's device id is derived from the code, app/sync/devices.py).
    claimed = session.get(Device, invitation.used_by) if invitation.used_by else None
    if claimed is not None and claimed.device_id != device_id:
        raise DeviceError(410, "邀请码已被另一台电脑使用，只能使用一次")
    site = session.get(SiteRow, invitation.site_id)
    assert site is not None
    device, token = _credential(session, site, device_id, invitation.kind, name)
    invitation.used_by = device.id
    return _answer(site, device, token, wrapped_key=invitation.wrapped_key)


def confirm(session: Session, caller: Caller) -> None:
    """The joined PC has everything (``gongkai join``'s last step): its invitation is used up."""
    lock_counter(session)
    for invitation in session.execute(
        select(Invitation).where(Invitation.used_by == caller.device.id, Invitation.used_at.is_(None))
    ).scalars():
        invitation.used_at = utcnow()


def _aware(value: datetime) -> datetime:
    # SQLite hands timezone-aware columns back naive (in UTC).
    from datetime import UTC

    return value if value.tzinfo else value.replace(tzinfo=UTC)


def listing(session: Session, site_id: int | None = None) -> list[dict[str, Any]]:
    """The enrolled devices (of one site, or all), oldest first."""
    query = select(Device, SiteRow.code).join(SiteRow, SiteRow.id == Device.site_id)
    query = query.where(Device.token_sha256.is_not(None))
    if site_id is not None:
        query = query.where(Device.site_id == site_id)
    out = []
    for device, code in session.execute(query.order_by(SiteRow.code, Device.id)):
        out.append(
            {
                "device_id": device.device_id,
                "site": code,
                "name": device.name,
                "kind": device.kind,
                "created_at": iso(_aware(device.created_at)) if device.created_at else None,
                "last_seen": iso(_aware(device.last_seen)),
                "revoked": device.revoked_at is not None,
                "revoked_at": iso(_aware(device.revoked_at)) if device.revoked_at else None,
                "revoked_reason": device.revoked_reason,
            }
        )
    return out


def revoke(session: Session, device_id: str, reason: str, site_id: int | None = None) -> dict[str, Any]:
    """Revoke a device's credential for good (its next request is refused with the reason)."""
    lock_counter(session)
    query = select(Device).where(Device.device_id == device_id, Device.token_sha256.is_not(None))
    if site_id is not None:
        query = query.where(Device.site_id == site_id)
    device = session.execute(query).scalar_one_or_none()
    if device is None:
        raise DeviceError(404, f"没有这台设备：{device_id}")
    if device.revoked_at is None:
        device.revoked_at = utcnow()
        device.revoked_reason = reason.strip()[:200]
    session.flush()
    return {"device_id": device.device_id, "name": device.name, "revoked_at": iso(_aware(device.revoked_at))}


def valid_device_id(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value.lower()
    except ValueError:
        return False
