"""The PCs of a site as the platform knows them: invite another PC, list them, revoke one, and
join a site from an empty data directory (docs/sync-devices.md).

An invitation code is 16 base32 characters from ``secrets`` (80 bits), shown as XXXX-XXXX-XXXX-XXXX.
The inviting PC wraps the site key under the code (``sitekey.wrap``: Argon2id then AES-GCM) and sends
the platform only the code's SHA-256 and the wrapped key; the joining PC sends the SHA-256 too, so
the code itself never leaves the two PCs and the platform cannot unwrap the key.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app import audit
from app.authz import authorize
from app.errors import GongkaiError, InputError
from app.settings import SettingsService
from app.sync import sitekey
from app.sync.client import PlatformClient
from app.sync.service import SyncService
from app.uow import transaction
from app.users import StaffUser

CODE_CHARS = 16  # base32: 5 bits each, 80 bits in all
KINDS = {"staff": "工作电脑", "display": "展示电脑（大厅查询机）"}
#: A fixed namespace for the device id a code gives: rerunning an interrupted join with the same
#: code is the same device to the platform, which lets it redeem again (server/devices.py).
JOIN_NAMESPACE = uuid.UUID("6f1d2c8e-7a1b-4c55-9f0e-3b8d5a2e4c10")


def new_code() -> str:
    """A fresh invitation code, grouped for reading aloud: XXXX-XXXX-XXXX-XXXX."""
    raw = base64.b32encode(secrets.token_bytes(CODE_CHARS * 5 // 8)).decode("ascii")
    return "-".join(raw[i : i + 4] for i in range(0, CODE_CHARS, 4))


def normalise_code(text: str) -> str:
    """The 16 characters of a code as typed (any case, dashes or spaces); InputError otherwise."""
    raw = "".join(ch for ch in text.upper() if ch not in "- \t")
    raw = raw.replace("0", "O").replace("1", "I").replace("8", "B")  # misread look-alikes
    if len(raw) != CODE_CHARS or any(ch not in "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" for ch in raw):
        raise InputError("--code：邀请码应为 16 个字母或数字（如 ABCD-EFGH-JKLM-NPQR），请核对后重试")
    return raw


def code_sha256(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode("ascii")).hexdigest()


def join_device_id(code: str) -> str:
    return str(uuid.uuid5(JOIN_NAMESPACE, normalise_code(code)))


@dataclass(frozen=True)
class Invitation:
    code: str
    kind: str
    expires_at: datetime
    #: The platform address the other PC joins through (this PC's own), for the command shown.
    server_url: str = ""


@dataclass(frozen=True)
class DeviceInfo:
    device_id: str
    name: str
    kind: str
    last_seen: datetime | None
    revoked: bool
    revoked_reason: str
    this_device: bool

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)


class DeviceService:
    """Invitations, the device list and revocation, over the platform this PC syncs with."""

    def __init__(self, sync: SyncService, settings: SettingsService) -> None:
        self._sync = sync
        self._settings = settings

    def invite(self, user: StaffUser, *, display: bool = False) -> Invitation:
        """A one-time code for another PC (admin only; audited without the code)."""
        authorize(user, "device.invite")
        kind = "display" if display else "staff"
        code = new_code()
        with self._sync.platform() as client:
            encoded = str(self._settings.get("sync_site_key") or "")  # made by the first PC's enrolment
            if not encoded:
                raise GongkaiError("本机还没有站点密钥：请先完成一次同步（gongkai sync）")
            wrapped = sitekey.wrap(sitekey.decode_key(encoded), normalise_code(code))
            answer = client.json(
                "POST",
                "/invitations",
                {"code_sha256": code_sha256(code), "kind": kind, "wrapped_key": json.dumps(wrapped)},
            )
        expires = datetime.fromisoformat(str(answer["expires_at"]))
        with transaction(self._sync.session_factory) as session:
            audit.record(
                session,
                actor=user.name,
                action="device.invite",
                entity="device",
                detail={"kind": kind, "expires_at": expires.isoformat()},
            )
        return Invitation(code, kind, expires, str(self._settings.get("sync_server_url") or ""))

    def list(self) -> list[DeviceInfo]:
        """The site's PCs, from the platform (network: never on the GUI thread)."""
        with self._sync.platform() as client:
            rows = client.json("GET", "/devices")["devices"]
        me = self._sync.status().device_id
        return [_info(r, me) for r in rows]

    def revoke(self, device_id: str, user: StaffUser, reason: str = "") -> None:
        authorize(user, "device.revoke")
        device_id = device_id.strip().lower()
        try:
            uuid.UUID(device_id)
        except ValueError:
            raise InputError(f"设备编号：应为 gongkai device list 列出的编号，实为“{device_id}”") from None
        if device_id == self._sync.status().device_id:
            raise InputError("不能撤销本机自己：请在另一台电脑上撤销，或由平台管理员撤销")
        with self._sync.platform() as client:
            client.json(
                "POST", f"/devices/{device_id}/revoke", {"reason": reason or f"由站点管理员 {user.name} 撤销"}
            )
        with transaction(self._sync.session_factory) as session:
            audit.record(
                session, actor=user.name, action="device.revoke", entity="device", entity_uuid=device_id
            )


def _info(row: dict[str, Any], me: str) -> DeviceInfo:
    seen = row.get("last_seen")
    return DeviceInfo(
        device_id=str(row["device_id"]),
        name=str(row.get("name", "")),
        kind=str(row.get("kind", "staff")),
        last_seen=datetime.fromisoformat(seen) if seen else None,
        revoked=bool(row.get("revoked")),
        revoked_reason=str(row.get("revoked_reason", "")),
        this_device=str(row["device_id"]) == me,
    )


def hostname() -> str:
    return socket.gethostname()[:100]


def redeem(url: str, code: str, *, transport: Any = None) -> dict[str, Any]:
    """Redeem ``code`` on the platform at ``url`` (no token); returns the platform's answer with the
    unwrapped site key under ``site_key``."""
    normal = normalise_code(code)
    device_id = join_device_id(normal)
    with PlatformClient(url, "", device_id, transport=transport) as client:
        answer: dict[str, Any] = client.json(
            "POST", "/join", {"code_sha256": code_sha256(normal), "device_id": device_id, "name": hostname()}
        )
    try:
        wrapped = json.loads(str(answer["wrapped_key"]))
    except ValueError:
        raise sitekey.SiteKeyError("邀请中的站点密钥格式无效") from None
    answer["site_key"] = sitekey.unwrap(wrapped, normal)
    return answer
