"""``gongkai-server check``: the platform's health probe, for monitoring and the systemd unit.

Three questions, each answered in one line: is the database reachable (within a few seconds), is
its schema the one this program needs (``gongkai-server migrate`` makes it so), and, when a URL is
given, does the running service answer ``/healthz``. The exit code tells a monitor which one failed
first: 0 healthy, 1 database unreachable, 3 schema not current, 4 service not answering.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from server.models import SCHEMA_REVISION
from server.store import revision_of

OK, UNREACHABLE, SCHEMA, SERVICE = 0, 1, 3, 4


@dataclass(frozen=True)
class Probe:
    name: str
    ok: bool
    detail: str
    code: int  # the exit code when this probe fails


def check(db_url: str, http_url: str = "", timeout: float = 5.0) -> list[Probe]:
    """Run the probes in order; stops at the first database failure (nothing after it can pass)."""
    probes: list[Probe] = []
    url = make_url(db_url)
    args = {"connect_timeout": int(timeout)} if url.get_backend_name() == "postgresql" else {}
    engine = create_engine(url, connect_args=args)
    where = url.render_as_string(hide_password=True).split("@")[-1]
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
            probes.append(Probe("数据库连接", True, where, UNREACHABLE))
            probes.append(_schema_probe(conn))
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        probes.append(Probe("数据库连接", False, f"{where}：{reason}", UNREACHABLE))
        return probes
    finally:
        engine.dispose()
    if http_url:
        probes.append(_http_probe(http_url.rstrip("/") + "/healthz", timeout))
    return probes


def _schema_probe(conn: Connection) -> Probe:
    version = revision_of(conn)
    if version is None:
        return Probe("数据库结构", False, "数据库是空的：请运行 gongkai-server migrate", SCHEMA)
    if version != SCHEMA_REVISION:
        return Probe(
            "数据库结构",
            False,
            f"结构版本为 {version}，本程序需要 {SCHEMA_REVISION}：请运行 gongkai-server migrate",
            SCHEMA,
        )
    return Probe("数据库结构", True, f"结构版本 {version}", SCHEMA)


def _http_probe(url: str, timeout: float) -> Probe:
    import httpx

    try:
        answer = httpx.get(url, timeout=timeout)
    except httpx.HTTPError as exc:
        return Probe("平台服务", False, f"{url}：{exc}", SERVICE)
    ok = answer.status_code == 200 and answer.text.strip() == "ok"
    return Probe("平台服务", ok, f"{url}：HTTP {answer.status_code}", SERVICE)


def exit_code(probes: list[Probe]) -> int:
    return next((p.code for p in probes if not p.ok), OK)
