"""Operator actions: add a site, publish a catalogue release or holiday years, mark a restore.

Each runs in one transaction holding the counter lock, so what it publishes gets a server_seq in
commit order like any pushed change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

import app.sync.wire as wire
from server.devices import SITE_TOKEN_PREFIX, new_token
from server.models import Blob, BucketRow, Device, SiteRow, utcnow
from server.store import iso, lock_counter, put_row


class AdminError(Exception):
    """A user-facing problem with an operator command (message in Chinese, naming the input)."""


@dataclass(frozen=True)
class NewSite:
    code: str
    name: str
    token: str


def add_site(factory: sessionmaker[Session], code: str, name: str) -> NewSite:
    """Register a site and make its site token (shown once; only its SHA-256 is stored). The site
    token only enrols the site's first PC(s), each getting its own credential (server/devices.py)."""
    if not code.strip() or not name.strip():
        raise AdminError("站点代码和名称都不能为空")
    token = new_token(SITE_TOKEN_PREFIX)
    with factory() as session, session.begin():
        if session.execute(select(SiteRow).where(SiteRow.code == code)).scalar_one_or_none():
            raise AdminError(f"站点 {code} 已存在")
        session.add(
            SiteRow(code=code, name=name.strip(), token_sha256=hashlib.sha256(token.encode()).hexdigest())
        )
    return NewSite(code, name.strip(), token)


def publish_catalogue(factory: sessionmaker[Session], path: Path, label: str = "") -> dict[str, Any]:
    """Store an .xlsx as a new catalogue release for every site (bytes + SHA-256 + label; the site
    parses it with its own catalogue importer)."""
    if path.suffix.lower() != ".xlsx":
        raise AdminError(f"{path.name}：目录发布文件应为 .xlsx")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AdminError(f"{path}：无法读取（{exc.strerror or exc}）") from None
    if not data.startswith(b"PK"):
        raise AdminError(f"{path.name}：不是有效的 .xlsx 文件")
    sha = wire.sha256_hex(data)
    release_uuid = str(uuid.uuid4())
    release: dict[str, Any] = {
        "uuid": release_uuid,
        "label": label or path.stem,
        "filename": path.name,
        "sha256": sha,
        "size": len(data),
        "published_at": iso(utcnow()),
    }
    with factory() as session, session.begin():
        counter = lock_counter(session)
        if session.get(Blob, sha) is None:
            session.add(Blob(sha256=sha, size=len(data), data=data, public=True))
        else:
            session.get(Blob, sha).public = True  # type: ignore[union-attr]
        put_row(
            session,
            counter,
            bucket=wire.BUCKET_CATALOGUE,
            scope="",
            key=release_uuid,
            entity="catalogue_release",
            entity_uuid=release_uuid,
            data=release,
        )
    return release


def _check_holiday_year(name: str, record: Any) -> list[str]:
    """The structure of docs/holidays-format.md's JSON (the site validates the rules again)."""
    problems: list[str] = []
    if not isinstance(record, dict) or not isinstance(record.get("year"), int):
        return [f"{name}：每条记录应为含整数 year 的对象"]
    year = record["year"]
    seen: set[str] = set()
    for kind in ("holidays", "workdays"):
        items = record.get(kind, [])
        if not isinstance(items, list):
            problems.append(f"{name} {year} 年 {kind}：应为列表")
            continue
        for i, item in enumerate(items, 1):
            where = f"{name} {year} 年 {kind} 第 {i} 条"
            if not isinstance(item, dict) or not str(item.get("name", "")).strip():
                problems.append(f"{where}：应有 date 和非空的 name")
                continue
            try:
                day = dt.date.fromisoformat(str(item.get("date")))
            except ValueError:
                problems.append(f"{where} date：应为 YYYY-MM-DD，实为 {item.get('date')!r}")
                continue
            if day.year != year:
                problems.append(f"{where}：日期 {day} 不在 {year} 年")
            if kind == "workdays" and day.weekday() < 5:
                problems.append(f"{where}：调休上班日 {day} 应为周六或周日")
            if str(day) in seen:
                problems.append(f"{where}：日期 {day} 重复")
            seen.add(str(day))
    if not problems:
        # The workstation's own rule for a complete year (a partial year would make the rest of it
        # count as working days on every site).
        days = [dt.date.fromisoformat(str(i["date"])) for i in record.get("holidays", [])]
        partial = wire.holiday_year_problem(year, days)
        if partial:
            problems.append(f"{name}：{partial}")
    return problems


def publish_holidays(factory: sessionmaker[Session], path: Path) -> list[int]:
    """Publish holiday years from a .json in the bundled format (one year object or a list)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise AdminError(f"{path}：无法读取（{exc.strerror or exc}）") from None
    except ValueError as exc:
        raise AdminError(f"{path.name}：不是有效的 JSON（{exc}）") from None
    records = raw if isinstance(raw, list) else [raw]
    problems = [p for r in records for p in _check_holiday_year(path.name, r)]
    if problems:
        raise AdminError("节假日文件有问题，未发布：\n" + "\n".join(f"  - {p}" for p in problems[:20]))
    with factory() as session, session.begin():
        counter = lock_counter(session)
        for r in records:
            data = {"year": r["year"], "holidays": r.get("holidays", []), "workdays": r.get("workdays", [])}
            put_row(
                session,
                counter,
                bucket=wire.BUCKET_HOLIDAYS,
                scope="",
                key=str(r["year"]),
                entity="holiday_year",
                entity_uuid=str(r["year"]),
                data=data,
            )
    return [int(r["year"]) for r in records]


def site_overview(factory: sessionmaker[Session]) -> list[dict[str, Any]]:
    """Each site with its records and the last status its workstations reported."""
    out = []
    with factory() as session:
        for site in session.execute(select(SiteRow).order_by(SiteRow.code)).scalars():
            records = session.execute(
                select(func.count(BucketRow.id)).where(
                    BucketRow.bucket == wire.BUCKET_SITE, BucketRow.scope == site.code
                )
            ).scalar_one()
            devices = session.execute(select(Device).where(Device.site_id == site.id)).scalars().all()
            out.append(
                {
                    "code": site.code,
                    "name": site.name,
                    "records": int(records),
                    "devices": [
                        {
                            "device_id": d.device_id,
                            "last_applied": d.last_applied,
                            "last_seen": iso(d.last_seen),
                            "status": json.loads(d.status_json or "{}"),
                        }
                        for d in devices
                    ],
                }
            )
    return out
