"""The site (township or street office) this database serves: created by ``init``, read everywhere."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app import audit
from app.errors import InputError
from app.uow import read_only, transaction
from db.models import Site

_CODE = re.compile(r"^[A-Za-z0-9_-]{2,32}$")


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
