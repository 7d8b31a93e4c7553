"""The site (township or street office) this database serves: created by ``init``, read everywhere."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app import audit
from app.authz import authorize
from app.errors import InputError, StateError
from app.uow import read_only, transaction
from app.users import StaffUser
from db.models import Site

_CODE = re.compile(r"^[A-Za-z0-9_-]{2,32}$")
_PHONE = re.compile(r"^[0-9０-９ ()（）+\-－—转]{5,40}$")
FIELD_MAX = 100
#: the editable details, in the words the Settings page and the refusals use
FIELD_LABELS = {
    "name": "站点名称",
    "district": "所属区县",
    "zone_location": "专区位置",
    "supervision_phone": "监督电话",
}


@dataclass(frozen=True)
class SiteInfo:
    uuid: str
    code: str
    name: str
    district: str
    zone_location: str
    supervision_phone: str


def _value(row: Site) -> SiteInfo:
    return SiteInfo(row.uuid, row.code, row.name, row.district, row.zone_location, row.supervision_phone)


class SiteService:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._sf = session_factory

    def get(self) -> SiteInfo | None:
        with read_only(self._sf) as session:
            row = session.execute(select(Site).limit(1)).scalar()
            return _value(row) if row else None

    def ensure(
        self,
        code: str,
        name: str,
        *,
        district: str = "",
        zone_location: str = "",
        supervision_phone: str = "",
        actor: str = "system",
    ) -> SiteInfo:
        """Create the site, or update its name and details; the code never changes once set."""
        if not _CODE.match(code):
            raise InputError(f"--site-code：应为 2–32 位字母、数字、- 或 _，实为“{code}”")
        if not name.strip():
            raise InputError("--site-name：不能为空")
        with transaction(self._sf) as session:
            row = session.execute(select(Site).limit(1)).scalar()
            if row is not None and row.code != code:
                raise InputError(
                    f"--site-code：此数据库属于站点 {row.code}，不能改为 {code}（请用另一个数据目录）"
                )
            if row is None:
                row = Site(code=code, name=name.strip())
                session.add(row)
            row.name = name.strip()
            row.district = district or row.district or ""
            row.zone_location = zone_location or row.zone_location or ""
            row.supervision_phone = supervision_phone or row.supervision_phone or ""
            session.flush()
            audit.record(
                session,
                actor=actor,
                action="site.init",
                entity="site",
                entity_uuid=row.uuid,
                detail={"code": code, "name": row.name},
            )
            return _value(row)

    def update(
        self,
        user: StaffUser,
        *,
        name: str,
        district: str,
        zone_location: str,
        supervision_phone: str,
    ) -> SiteInfo:
        """An administrator edits the site's details (Settings → 站点); the code never changes.

        The kiosk, notices and printouts read them from here, so the next print shows the change.
        """
        authorize(user, "site.update")
        values = {
            "name": name.strip(),
            "district": district.strip(),
            "zone_location": zone_location.strip(),
            "supervision_phone": supervision_phone.strip(),
        }
        if not values["name"]:
            raise InputError("站点名称：不能为空")
        for key, label in FIELD_LABELS.items():
            if len(values[key]) > FIELD_MAX:
                raise InputError(f"{label}：最长 {FIELD_MAX} 个字符")
        phone = values["supervision_phone"]
        if phone and not _PHONE.match(phone):
            raise InputError(f"监督电话：应为电话号码（数字、-、空格或括号），实为“{phone}”")
        with transaction(self._sf) as session:
            row = session.execute(select(Site).limit(1)).scalar()
            if row is None:
                raise StateError("本数据库还没有站点：请先运行 gongkai init")
            before = {k: getattr(row, k) or "" for k in values}
            for key, value in values.items():
                setattr(row, key, value)
            changed = {k: {"from": before[k], "to": v} for k, v in values.items() if before[k] != v}
            audit.record(
                session,
                actor=user.name,
                action="site.update",
                entity="site",
                entity_uuid=row.uuid,
                detail=changed,
            )
            return _value(row)
