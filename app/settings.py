"""Business preferences kept in the database (typed, with defaults); UI state lives in QSettings.

Each setting is declared once in ``SETTINGS`` with its default and a user-facing label, so the
Settings page can render them generically and the CLI can read them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app import changes
from app.authz import authorize
from app.uow import read_only, transaction
from db.models import Setting

if TYPE_CHECKING:
    from app.users import StaffUser


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: Any
    label: str


SETTINGS: dict[str, SettingSpec] = {
    spec.key: spec
    for spec in (
        # Announced by the platform at every sync (docs/sync-devices.md); empty until the first one.
        SettingSpec("public_base_url", "", "市级平台公开页面地址"),
        SettingSpec("language", "zh_CN", "界面语言"),
        SettingSpec("reminder_time", "08:30", "每日提醒时间"),
        SettingSpec("kiosk_idle_seconds", 90, "触摸屏无操作返回首页（秒）"),
        SettingSpec("kiosk_pin_hash", "", "触摸屏退出密码（哈希）"),
        SettingSpec("sync_server_url", "", "同步服务器地址"),
        SettingSpec("sync_token", "", "同步设备令牌"),
        # How often the kiosk syncs in the background while it runs (seconds).
        SettingSpec("sync_interval_s", 60, "后台同步间隔（秒）"),
        # The site key (app/sync/sitekey.py), base64url; set by the first device or by `join`.
        # Device-local like sync_*: never replicated, never exported (docs/sync-devices.md).
        SettingSpec("sync_site_key", "", "站点密钥（加密本站点各电脑间传递的个人信息）"),
        # What this device is to the platform: its id there and "staff" or "display" (kiosk PC).
        SettingSpec("sync_device_kind", "staff", "本机设备类型"),
    )
}


class SettingsService:
    """Read and write settings by key; unknown keys are a programming error."""

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._sf = session_factory

    def get(self, key: str) -> Any:
        spec = SETTINGS[key]
        with read_only(self._sf) as session:
            row = session.get(Setting, key)
            return spec.default if row is None else json.loads(row.value)

    def set(self, key: str, value: Any, session: Session | None = None) -> None:
        SETTINGS[key]  # noqa: B018  (KeyError for an undeclared setting)
        payload = json.dumps(value, ensure_ascii=False)
        changes.note("settings", key, "settings.set")  # not audited, but views show settings
        if session is not None:
            self._write(session, key, payload)
            return
        with transaction(self._sf) as own:
            self._write(own, key, payload)

    def set_many(self, values: dict[str, Any]) -> None:
        """Several settings in one transaction (the Settings page's 保存设置)."""
        for key in values:
            SETTINGS[key]  # noqa: B018  (KeyError for an undeclared setting)
        with transaction(self._sf) as session:
            for key, value in values.items():
                self.set(key, value, session)

    def update_preferences(self, user: StaffUser, values: dict[str, Any]) -> None:
        """An admin's 保存设置 on the Settings page (refused for anyone else, like every action)."""
        authorize(user, "settings.update")
        self.set_many(values)

    @staticmethod
    def _write(session: Session, key: str, payload: str) -> None:
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=payload))
        else:
            row.value = payload

    def all(self) -> dict[str, Any]:
        with read_only(self._sf) as session:
            stored = {r.key: json.loads(r.value) for r in session.execute(select(Setting)).scalars()}
        return {k: stored.get(k, spec.default) for k, spec in SETTINGS.items()}
