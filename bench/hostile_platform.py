"""Hostile requests against the city platform: each attack of issue #13, its answer, time and memory.

Starts a throwaway PostgreSQL cluster and the real ``gongkai-server serve`` in its own process,
then sends every attack over loopback HTTP and prints one line per attack: the HTTP status (or what
happened), the seconds until the answer, and the server process's resident memory (current and
peak, from /proc). The same script measured the code before and after the hardening; the tests in
tests/server/test_hostile.py assert the "after" behaviour.

Usage: python -m bench.hostile_platform [--big-mb 200]
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy.orm import sessionmaker

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.sync import wire  # noqa: E402
from server import admin  # noqa: E402
from server.store import init_db, make_engine  # noqa: E402
from tests.server.process import PlatformProcess, raw_request  # noqa: E402
from tests.server.support import PgCluster, event_payload, notice_payload  # noqa: E402


def op(
    entity: str, payload: dict[str, Any], seq: int, *, op_id: str | None = None, raw: bool = False
) -> dict[str, Any]:
    return {
        "op_id": op_id or str(uuid.uuid4()),
        "seq": seq,
        "entity": entity,
        "entity_uuid": payload["uuid"],
        "op": "upsert",
        "payload": payload,
        "payload_sha256": wire.payload_sha256(payload) if not raw else "0" * 64,
        "base_version": None,
        "device_time": "2025-09-26T09:00:00+08:00",
        "clock_suspect": False,
        "blob_refs": [],
    }


class Attacks:
    def __init__(self, server: PlatformProcess, site_tokens: dict[str, str], big_mb: int) -> None:
        self.server = server
        # Sync requests carry a device token: enrol one device per site with its site token.
        self.tokens = {code: self._enrol(token) for code, token in site_tokens.items()}
        self.big = big_mb << 20
        self.rows: list[tuple[str, str, float, float, float, bool]] = []

    def _enrol(self, site_token: str) -> str:
        answer = httpx.post(
            self.server.url + "/sync/v1/enrol",
            json={"device_id": str(uuid.uuid4()), "name": "bench"},
            headers={"Authorization": f"Bearer {site_token}"},
            timeout=60,
        )
        answer.raise_for_status()
        return str(answer.json()["device_token"])

    def auth(self, code: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[code]}"}

    def push(self, code: str, ops: list[dict[str, Any]]) -> httpx.Response:
        """A push from a new workstation of the site (so each attack starts at seq 1)."""
        body = {"device_id": str(uuid.uuid4()), "protocol": wire.PROTOCOL, "ops": ops}
        return httpx.post(
            self.server.url + "/sync/v1/push",
            content=wire.canonical_json(body),
            headers=self.auth(code),
            timeout=300,
        )

    def next_seq(self, code: str) -> int:
        return 1

    def record(self, name: str, fn: Callable[[], str]) -> None:
        start = time.monotonic()
        try:
            outcome = fn()
        except Exception as exc:  # an attack's own failure is a result too
            outcome = f"{type(exc).__name__}: {exc}"[:120]
        took = time.monotonic() - start
        now, peak = self.server.rss_mib()
        alive = self.server.alive()
        self.rows.append((name, outcome, took, now, peak, alive))
        print(
            f"{name:<46} {outcome:<60} {took:7.2f}s  RSS {now:6.0f} MiB  peak {peak:6.0f} MiB  up={alive}",
            flush=True,
        )

    # -- the attacks ----------------------------------------------------------------------------

    def forge(self) -> str:
        victim = str(uuid.uuid4())
        real = notice_payload(victim, status="approved", title="乙街道的真实公示")
        r = self.push("B", [op("notice", real, self.next_seq("B"))])
        assert r.status_code == 200, r.text
        forged = notice_payload(victim, status="approved", title="甲街道伪造的公示")
        r = self.push("A", [op("notice", forged, self.next_seq("A"))])
        result = r.json()["results"][0] if r.status_code == 200 else {"status": r.status_code}
        page = httpx.get(f"{self.server.url}/n/{victim}").text
        shown = "forged text shown" if "伪造" in page else "owner's text shown"
        return f"push {result.get('status')} {result.get('code', '')}; page: {shown}"

    def blob_anonymous(self) -> str:
        sha = "a" * 64
        head = (
            f"PUT /sync/v1/blobs/{sha} HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
            f"Content-Length: {self.big}\r\n\r\n"
        )
        line, _took, sent = raw_request(self.server.port, head, self.big)
        return f"{line} after {sent >> 20} MiB sent"

    def push_huge(self, chunked: bool = False) -> str:
        """A push body of ``big`` bytes, declared (Content-Length) or streamed (chunked)."""
        length = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {self.big}"
        head = (
            f"POST /sync/v1/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {self.tokens['A']}\r\n"
            f"Content-Type: application/json\r\n{length}\r\n\r\n"
        )
        line, _took, sent = raw_request(self.server.port, head, self.big, chunked=chunked)
        return f"{line} after {sent >> 20} MiB sent"

    def push_text(self, text: str) -> str:
        r = httpx.post(
            self.server.url + "/sync/v1/push",
            content=text.encode("utf-8", "surrogatepass"),
            headers={**self.auth("A"), "Content-Type": "application/json"},
            timeout=60,
        )
        return f"HTTP {r.status_code} {_detail(r)}"

    def push_seq(self, literal: str) -> str:
        body = json.dumps(
            {
                "device_id": str(uuid.uuid4()),
                "protocol": 1,
                "ops": [op("notice", {"uuid": str(uuid.uuid4())}, 1)],
            }
        )
        return self.push_text(body.replace('"seq": 1', f'"seq": {literal}'))

    def pull_text(self, text: str) -> str:
        r = httpx.post(
            self.server.url + "/sync/v1/pull",
            content=text.encode("utf-8", "surrogatepass"),
            headers={**self.auth("A"), "Content-Type": "application/json"},
            timeout=60,
        )
        return f"HTTP {r.status_code} {_detail(r)}"

    def cursor(self, seq_literal: str) -> str:
        epoch = httpx.get(self.server.url + "/sync/v1/hello", headers=self.auth("A")).json()["server_epoch"]
        raw = '{"e":"' + epoch + '","b":"site_records","s":' + seq_literal + "}"
        cursor = base64.urlsafe_b64encode(raw.encode()).decode()
        return self.pull_text(json.dumps({"buckets": [{"name": "site_records", "cursor": cursor}]}))

    def status_text(self, text: str) -> str:
        r = httpx.post(
            self.server.url + "/sync/v1/status",
            content=text.encode("utf-8", "surrogatepass"),
            headers={**self.auth("A"), "Content-Type": "application/json"},
            timeout=60,
        )
        return f"HTTP {r.status_code} {_detail(r)}"

    def surrogate_payload(self) -> str:
        u = str(uuid.uuid4())
        body = json.dumps(
            {
                "device_id": str(uuid.uuid4()),
                "protocol": 1,
                "ops": [op("notice", {"uuid": u, "title": "T"}, self.next_seq("A"))],
            }
        )
        return self.push_text(body.replace('"title": "T"', '"title": "\\ud800"'))

    def wrong_type_page(self) -> str:
        u = str(uuid.uuid4())
        payload = event_payload(u)
        payload["capacity"] = "lots"
        r = self.push("A", [op("event", payload, self.next_seq("A"))])
        result = r.json()["results"][0]
        page = httpx.get(f"{self.server.url}/e/{u}")
        return f"push {result['status']} {result.get('code', '')}; page HTTP {page.status_code}"

    def nul_path(self) -> str:
        r = httpx.get(self.server.url + "/n/%00")
        return f"HTTP {r.status_code}"

    def long_sha(self) -> str:
        r = httpx.put(
            self.server.url + "/sync/v1/blobs/" + "a" * 200,
            content=b"x",
            headers={**self.auth("A"), "Upload-Offset": "0", "Upload-Length": "1"},
        )
        return f"HTTP {r.status_code} {_detail(r)}"

    def long_device(self) -> str:
        body = {"device_id": "d" * 500, "protocol": 1, "ops": [op("notice", {"uuid": str(uuid.uuid4())}, 1)]}
        return self.push_text(json.dumps(body))

    def csp(self) -> str:
        r = httpx.get(self.server.url + f"/n/{uuid.uuid4()}")
        return "CSP: " + (r.headers.get("content-security-policy", "none")[:50])

    def run(self) -> None:
        deep = "[" * 100_000 + "]" * 100_000
        self.record("1 forge another site's notice", self.forge)
        self.record(f"2 anonymous {self.big >> 20} MB blob PUT", self.blob_anonymous)
        self.record(f"3a {self.big >> 20} MB push with a token", self.push_huge)
        self.record(f"3b {self.big >> 20} MB chunked push with a token", lambda: self.push_huge(chunked=True))
        self.record("4a push seq Infinity", lambda: self.push_seq("Infinity"))
        self.record("4b push seq 1e400", lambda: self.push_seq("1e400"))
        self.record("4c push seq 10^30", lambda: self.push_seq("1" + "0" * 30))
        self.record("5a pull limit Infinity", lambda: self.pull_text('{"buckets":[],"limit":Infinity}'))
        self.record("5b pull limit 1e400", lambda: self.pull_text('{"buckets":[],"limit":1e400}'))
        self.record("6a pull cursor seq 10^30", lambda: self.cursor("1" + "0" * 30))
        self.record("6b pull cursor seq 1e400", lambda: self.cursor("1e400"))
        self.record("7a lone surrogate in a pushed payload", self.surrogate_payload)
        self.record(
            "7b lone surrogate in a status report", lambda: self.status_text('{"device_id":"\\ud800"}')
        )
        self.record("8a push nested 100,000 deep", lambda: self.push_text(deep))
        self.record("8b pull nested 100,000 deep", lambda: self.pull_text(deep))
        self.record("8c status nested 100,000 deep", lambda: self.status_text('{"x":' + deep + "}"))
        self.record(
            "9a push: ops is a string", lambda: self.push_text('{"device_id":"x","protocol":1,"ops":"zz"}')
        )
        self.record("9b pull: buckets is a number", lambda: self.pull_text('{"buckets":7}'))
        self.record("9c status: a list", lambda: self.status_text("[1,2]"))
        self.record("9d push: device id of 500 chars", self.long_device)
        self.record("9e blob PUT: sha of 200 chars", self.long_sha)
        self.record("10 event capacity 'lots' → its page", self.wrong_type_page)
        self.record("11 page /n/%00", self.nul_path)
        self.record("12 security headers on a page", self.csp)


def _detail(r: httpx.Response) -> str:
    try:
        detail = r.json().get("detail", "")
    except (ValueError, AttributeError):
        detail = r.text[:60]
    return str(detail)[:60].replace("\n", " ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big-mb", type=int, default=200, help="size of the huge bodies (MiB)")
    args = parser.parse_args()
    print(f"load average: {Path('/proc/loadavg').read_text().strip()}")
    pg = PgCluster().start()
    try:
        db = pg.create_db()
        url = pg.url(db)
        engine = make_engine(url)
        init_db(engine)
        factory = sessionmaker(engine, expire_on_commit=False)
        tokens = {
            "A": admin.add_site(factory, "370112-TW", "甲").token,
            "B": admin.add_site(factory, "370112-DF", "乙").token,
        }
        engine.dispose()
        server = PlatformProcess(url, pg.root / "server.log")
        try:
            print(f"server up: RSS {server.rss_mib()[0]:.0f} MiB")
            Attacks(server, tokens, args.big_mb).run()
        finally:
            server.stop()
    finally:
        pg.stop()


if __name__ == "__main__":
    main()
