"""Test support for sync: a throwaway PostgreSQL cluster, a real platform on loopback, site
workstations, a fault-injecting HTTP transport (a fake at the true edge) and convergence checks."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from sqlalchemy import select
from sqlalchemy import update as sa_update
from sqlalchemy.orm import Session, sessionmaker

from app import outbox
from app.clock import Clock
from app.context import AppContext
from app.paths import DataPaths
from app.sync import wire
from app.uow import transaction
from db.models import OutboxEntry, SyncRow
from server import admin
from server.app import create_app
from server.models import AppliedOp, BucketRow, Device, SiteRow

FAST_RETRIES = (0.01, 0.02, 0.05)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- PostgreSQL ------------------------------------------------------------------------------------


def _pg_bin(name: str) -> str:
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed (make test installs it via scripts/setup-system.sh)")
    return str(found[-1])


class PgCluster:
    """A private cluster in a temp dir on a free port, reachable over a unix socket only."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="gongkai-pg-"))
        self.data = self.root / "data"
        self.sock = self.root / "sock"
        self.sock.mkdir()
        self.port = free_port()
        self._as_root = os.geteuid() == 0
        if self._as_root:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.sock, "postgres")
            os.chmod(self.root, 0o755)

    def _run(self, *cmd: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self._as_root else []
        subprocess.run([*prefix, *cmd], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def start(self) -> PgCluster:
        self._run(
            _pg_bin("initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
        )
        opts = (
            f"-p {self.port} -k {self.sock} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=300 -c shared_buffers=64MB"
        )
        self._run(
            _pg_bin("pg_ctl"), "-D", str(self.data), "-o", opts, "-w", "-l", str(self.root / "log"), "start"
        )
        return self

    def url(self, db: str = "postgres") -> str:
        return f"postgresql+psycopg2://postgres@/{db}?host={self.sock}&port={self.port}"

    def _admin(self, sql: str) -> None:
        import psycopg2

        conn = psycopg2.connect(dbname="postgres", user="postgres", host=str(self.sock), port=self.port)
        conn.autocommit = True
        try:
            with conn.cursor() as cur:
                cur.execute(sql)
        finally:
            conn.close()

    def create_db(self, template: str = "template1") -> str:
        name = "t_" + uuid.uuid4().hex[:16]
        self._admin(f"CREATE DATABASE {name} TEMPLATE {template}")
        return name

    def drop_db(self, name: str) -> None:
        self._admin(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'")
        self._admin(f"DROP DATABASE IF EXISTS {name}")

    def stop(self) -> None:
        try:
            self._run(_pg_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


# -- the platform ----------------------------------------------------------------------------------


class ThreadServer:
    """uvicorn serving ``app`` on a free loopback port in a background thread."""

    def __init__(self, app: Any) -> None:
        self.port = free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ThreadServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("platform did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@dataclass
class Platform:
    """A running platform over one database, with direct access to its tables for assertions."""

    db_url: str
    server: ThreadServer | None
    sessions: sessionmaker[Session]
    tokens: dict[str, str] = field(default_factory=dict)  # site tokens (enrol PCs)
    external_url: str = ""
    _devices: dict[str, str] = field(default_factory=dict)

    def auth_token(self, code: str) -> str:
        """One enrolled device's token for ``code`` (raw-HTTP tests send what a PC sends)."""
        if code not in self._devices:
            self._devices[code] = self.device_token(code)
        return self._devices[code]  # a platform running in another process

    @property
    def url(self) -> str:
        if self.external_url:
            return self.external_url
        assert self.server is not None
        return self.server.url

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
        self.sessions.kw["bind"].dispose()

    def add_site(self, code: str, name: str = "") -> str:
        site = admin.add_site(self.sessions, code, name or f"{code} 街道")
        self.tokens[code] = site.token
        return site.token

    def device_token(self, code: str, kind: str = "staff") -> str:
        """Enrol a new device of ``code`` (as a PC's first sync does) and return its own token."""
        answer = httpx.post(
            self.url + wire.API_PREFIX + "/enrol",
            json={"device_id": str(uuid.uuid4()), "name": "测试"},
            headers={"Authorization": f"Bearer {self.tokens[code]}"},
        )
        assert answer.status_code == 200, answer.text
        token = str(answer.json()["device_token"])
        if kind != "staff":
            with self.sessions() as s, s.begin():
                s.execute(
                    sa_update(Device).where(Device.device_id == answer.json()["device_id"]).values(kind=kind)
                )
        return token

    def records(self, code: str) -> dict[str, tuple[int, int, dict[str, Any], bool]]:
        """key → (version, row_hash, data, deleted) of a site's records on the platform."""
        with self.sessions() as s:
            rows = s.execute(
                select(BucketRow).where(BucketRow.bucket == wire.BUCKET_SITE, BucketRow.scope == code)
            ).scalars()
            return {r.key: (r.version, r.row_hash, json.loads(r.data), r.deleted) for r in rows}

    def applied_ops(self, code: str) -> list[str]:
        with self.sessions() as s:
            return list(
                s.execute(
                    select(AppliedOp.op_id)
                    .join(Device, Device.id == AppliedOp.device_pk)
                    .join(SiteRow, SiteRow.id == Device.site_id)
                    .where(SiteRow.code == code)
                ).scalars()
            )


def start_platform(db_url: str, after_commit: Callable[[str], None] | None = None) -> Platform:
    app = create_app(db_url, after_commit=after_commit)
    server = ThreadServer(app).start()
    return Platform(db_url, server, app.state.sessions)


# -- sites -----------------------------------------------------------------------------------------


class Sites:
    """Site workstations: each its own data dir (a copy of the migrated template) and context."""

    def __init__(self, root: Path, template_db: Path) -> None:
        self.root = root
        self.template_db = template_db
        self.contexts: list[AppContext] = []

    def open(
        self,
        code: str,
        platform: Platform,
        *,
        name: str = "",
        token: str | None = None,
        clock: Clock | None = None,
    ) -> AppContext:
        paths = DataPaths(self.root / f"{code}-{len(self.contexts)}").ensure()
        shutil.copyfile(self.template_db, paths.database)
        ctx = AppContext.open(paths, clock=clock or Clock())
        ctx.sites.ensure(code, name or "历城区唐王街道")
        ctx.sync.configure(platform.url, token or platform.tokens[code])
        ctx.sync.retry_delays = FAST_RETRIES
        self.contexts.append(ctx)
        return ctx

    def reopen(self, ctx: AppContext) -> AppContext:
        """The same database in a fresh context (a restarted process)."""
        clone = AppContext.open(ctx.paths, clock=ctx.clock)
        clone.sync.retry_delays = FAST_RETRIES
        self.contexts.append(clone)
        return clone

    def close(self) -> None:
        for ctx in self.contexts:
            ctx.close()


def notice_payload(
    uuid_: str, revision: int = 1, status: str = "published", title: str = ""
) -> dict[str, Any]:
    return {
        "uuid": uuid_,
        "revision": revision,
        "kind": "publicity",
        "template": "low_income",
        "title": title or "关于2025年第三季度城乡低保对象拟保名单的公示",
        "body": "根据《山东省最低生活保障办法》，经本人申请、入户调查、民主评议，现将拟保对象予以公示。\n\n"
        "公示期内如有异议，请向街道社会事务办反映。",
        "roster": {
            "columns": ["序号", "姓名", "村（社区）", "身份证号", "保障人数"],
            "rows": [
                ["1", "张*华", "唐王村", "370112********1234", "3"],
                ["2", "李*", "东风村", "370112********567X", "1"],
            ],
        },
        "issuer": "唐王街道社会事务办公室",
        "contact": "王专员 0531-88123457",
        "supervision_phone": "0531-88123456",
        "period_start": "2025-09-26",
        "period_end": "2025-10-10",
        "status": status,
        "public_url": f"https://gk.example.gov.cn/n/{uuid_}",
        "published_at": "2025-09-26T09:00:00+08:00",
        "catalogue_item_uuids": [],
        "boards": ["唐王村公示栏"],
    }


def event_payload(uuid_: str, title: str = "政策解读：城乡居民医保缴费") -> dict[str, Any]:
    return {
        "uuid": uuid_,
        "type": "policy_briefing",
        "type_label": "政策解读",
        "title": title,
        "description": "讲解2026年度城乡居民医保缴费标准、缴费渠道和待遇变化。",
        "place": "唐王街道便民服务中心二楼会议室",
        "start": "2025-10-15T09:30:00+08:00",
        "end": "2025-10-15T11:00:00+08:00",
        "rrule": "",
        "exdates": [],
        "host": "唐王街道办事处",
        "speakers": ["区医保局 刘科长"],
        "audience": "辖区居民",
        "capacity": 60,
        "registered": 12,
        "status": "open",
        "public_url": f"https://gk.example.gov.cn/e/{uuid_}",
        "catalogue_item_uuids": [],
        "adoption_report": None,
    }


def request_payload(uuid_: str, number: str = "TW-2025-0012") -> dict[str, Any]:
    return {
        "uuid": uuid_,
        "number": number,
        "status": "in_progress",
        "received_on": "2025-09-26",
        "due_on": "2025-10-31",
        "provisional": False,
        "channel": "counter",
        "applicant_kind": "citizen",
        "answer_type": "",
    }


def write(ctx: AppContext, entity: str, payload: dict[str, Any], op: str = "upsert") -> str:
    """A local change as a capability makes it: its outbox entry in one transaction."""
    with transaction(ctx.session_factory) as session:
        entry = outbox.enqueue(session, entity=entity, entity_uuid=payload["uuid"], op=op, payload=payload)
        return entry.op_id


def new_notice(ctx: AppContext, **kw: Any) -> str:
    u = str(uuid.uuid4())
    write(ctx, "notice", notice_payload(u, **kw))
    return u


def outbox_states(ctx: AppContext) -> dict[str, str]:
    with ctx.session_factory() as s:
        return {e.op_id: e.status for e in s.execute(select(OutboxEntry)).scalars()}


def mirror(ctx: AppContext, bucket: str = wire.BUCKET_SITE) -> dict[str, tuple[int, int]]:
    with ctx.session_factory() as s:
        rows = s.execute(select(SyncRow).where(SyncRow.bucket == bucket)).scalars()
        return {r.key: (r.version, r.row_hash) for r in rows}


def latest_local(ctx: AppContext) -> dict[str, tuple[str, dict[str, Any]]]:
    """key → (op, payload) of each record's newest outbox entry that the platform did not refuse."""
    out: dict[str, tuple[str, dict[str, Any]]] = {}
    with ctx.session_factory() as s:
        for e in s.execute(
            select(OutboxEntry).where(OutboxEntry.status.in_(("queued", "acked"))).order_by(OutboxEntry.seq)
        ).scalars():
            out[f"{e.entity}:{e.entity_uuid}"] = (e.op, json.loads(e.payload))
    return out


SERVER_FIELDS = ("platform_published_at",)


def assert_converged(platform: Platform, code: str, *sites: AppContext) -> None:
    """Nothing lost, nothing duplicated, everyone agrees (the Jepsen-style set check)."""
    server = platform.records(code)
    applied = platform.applied_ops(code)
    assert len(applied) == len(set(applied)), "an op was applied twice"
    for ctx in sites:
        states = outbox_states(ctx)
        assert "queued" not in states.values(), "every change reached the platform"
        acked = {op for op, st in states.items() if st == "acked"}
        assert acked <= set(applied), "an op the site counts as delivered is missing on the platform"
        assert mirror(ctx) == {k: (v[0], v[1]) for k, v in server.items()}, "site mirror equals the platform"
    if len(sites) == 1:
        for key, (op, payload) in latest_local(sites[0]).items():
            version, _h, data, deleted = server[key]
            assert deleted == (op == "delete")
            if not deleted:
                assert {k: v for k, v in data.items() if k not in SERVER_FIELDS} == payload


# -- faults at the HTTP edge -----------------------------------------------------------------------


class ClientCrash(BaseException):
    """The site's process dies here (nothing after this point runs or commits)."""


@dataclass
class Rule:
    path: str  # substring of the URL path, e.g. "/push"
    action: str  # drop_response | drop_request | truncate | flip | duplicate | crash_after | record
    times: int = 1
    method: str = ""


class FaultyTransport(httpx.BaseTransport):
    """Forwards to the real network, misbehaving as the armed rules say (each for ``times`` uses)."""

    def __init__(self) -> None:
        self._inner = httpx.HTTPTransport(verify=False)  # loopback http; skips loading the CA store
        self.rules: list[Rule] = []
        self.recorded: list[tuple[str, str, bytes, dict[str, str]]] = []
        self.log: list[str] = []

    def arm(self, path: str, action: str, times: int = 1, method: str = "") -> None:
        self.rules.append(Rule(path, action, times, method))

    def _rule_for(self, request: httpx.Request) -> Rule | None:
        for rule in self.rules:
            if (
                rule.times > 0
                and rule.path in request.url.path
                and (not rule.method or rule.method == request.method)
            ):
                rule.times -= 1
                return rule
        return None

    def _forward(self, request: httpx.Request) -> httpx.Response:
        response = self._inner.handle_request(request)
        response.read()
        return response

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        rule = self._rule_for(request)
        self.log.append(f"{request.method} {request.url.path} {rule.action if rule else ''}".strip())
        if rule is None:
            return self._forward(request)
        if rule.action == "record":
            self.recorded.append((request.method, str(request.url), request.content, dict(request.headers)))
            return self._forward(request)
        if rule.action == "drop_request":
            raise httpx.ConnectError("injected: connection refused", request=request)
        response = self._forward(request)
        if rule.action == "drop_response":
            raise httpx.ReadError("injected: connection reset after the server answered", request=request)
        if rule.action == "crash_after":
            raise ClientCrash(request.url.path)
        if rule.action == "duplicate":
            return self._forward(request)
        body = response.content
        if rule.action == "truncate":
            body = body[: len(body) // 2]
        elif rule.action == "flip":
            i = len(body) // 2
            body = body[:i] + bytes([body[i] ^ 0x20]) + body[i + 1 :]
        headers = {
            k: v
            for k, v in response.headers.items()
            if k.lower() not in ("content-length", "content-encoding")
        }
        return httpx.Response(response.status_code, headers=headers, content=body, request=request)

    def replay(self, index: int = 0) -> httpx.Response:
        method, url, content, headers = self.recorded[index]
        with httpx.Client() as c:
            return c.request(method, url, content=content, headers=headers)

    def close(self) -> None:
        self._inner.close()
