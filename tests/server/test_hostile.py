"""Hostile requests against the real platform (its own process, PostgreSQL, loopback HTTP).

Every attack of issue #13 on the platform: forging another site's record, bodies of hundreds of
megabytes with and without a token, non-finite and huge numbers, lone surrogates, nesting 100,000
deep, wrong types, payloads of any shape on the public pages. Each answer must be a 4xx with a
message (or, for a page, a rendered page), the server must stay up, and its peak resident memory
must stay within MEMORY_BUDGET_MIB of what it used when it started. bench/hostile_platform.py prints
the same attacks with timings (and measured them before the hardening).
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import sessionmaker

from app.context import AppContext
from app.sync import wire
from server.ownership import NOT_OWNER
from server.pages import FALLBACK
from server.store import make_engine
from tests.server.process import PlatformProcess, raw_request
from tests.server.support import (
    PgCluster,
    Platform,
    Sites,
    event_payload,
    notice_payload,
    request_payload,
    write,
)

pytestmark = pytest.mark.postgres

#: How far the server's peak resident memory may rise above its start (it starts at ~75 MiB; before
#: the hardening an 800 MB body took it to 1.7–2.6 GB).
MEMORY_BUDGET_MIB = 100
BIG = 800 * 1024 * 1024
A, B = "370112-TW", "370112-DF"


@pytest.fixture(scope="module")
def server(
    pg: PgCluster, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[PlatformProcess, Platform]]:
    name = pg.create_db()
    url = pg.url(name)
    proc = PlatformProcess(url, tmp_path_factory.mktemp("hostile") / "server.log")
    engine = make_engine(url)
    platform = Platform(url, None, sessionmaker(engine, expire_on_commit=False), external_url=proc.url)
    platform.add_site(A, "唐王街道")
    platform.add_site(B, "董家街道")
    yield proc, platform
    proc.stop()
    engine.dispose()
    pg.drop_db(name)


@pytest.fixture
def proc(server: tuple[PlatformProcess, Platform]) -> Iterator[PlatformProcess]:
    """The platform process; after each test it must be up and within its memory budget."""
    yield server[0]
    assert server[0].alive(), "the platform is still up"
    assert server[0].peak_growth_mib() < MEMORY_BUDGET_MIB, f"peak {server[0].rss_mib()[1]:.0f} MiB"


@pytest.fixture
def platform(server: tuple[PlatformProcess, Platform]) -> Platform:
    return server[1]


def _auth(platform: Platform, code: str = A) -> dict[str, str]:
    return {"Authorization": f"Bearer {platform.auth_token(code)}"}


def _op(entity: str, payload: dict[str, Any], seq: int = 1, op: str = "upsert") -> dict[str, Any]:
    return {
        "op_id": str(uuid.uuid4()),
        "seq": seq,
        "entity": entity,
        "entity_uuid": payload["uuid"],
        "op": op,
        "payload": payload,
        "payload_sha256": wire.payload_sha256(payload),
    }


def _push(platform: Platform, code: str, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Ops pushed from a fresh workstation of the site; their results."""
    body = {"device_id": str(uuid.uuid4()), "protocol": wire.PROTOCOL, "ops": ops}
    r = httpx.post(
        platform.url + "/sync/v1/push", content=wire.canonical_json(body), headers=_auth(platform, code)
    )
    assert r.status_code == 200, r.text
    results: list[dict[str, Any]] = r.json()["results"]
    return results


def _post(platform: Platform, path: str, text: str | bytes) -> httpx.Response:
    content = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    headers = {**_auth(platform), "Content-Type": "application/json"}
    return httpx.post(platform.url + "/sync/v1" + path, content=content, headers=headers, timeout=60)


def _assert_refused(r: httpx.Response, status: int | None = None) -> None:
    assert 400 <= r.status_code < 500, (r.status_code, r.text[:200])
    if status is not None:
        assert r.status_code == status, r.text[:200]
    detail = r.json()["detail"]
    assert isinstance(detail, str) and detail.strip(), "a message says what was wrong"
    assert len(detail) <= 400, "the message does not echo the input"


# -- ownership ---------------------------------------------------------------------------------------


def test_a_site_cannot_write_another_sites_records(proc: PlatformProcess, platform: Platform) -> None:
    ids = {k: str(uuid.uuid4()) for k in ("notice", "event", "request")}
    real = [
        _op("notice", notice_payload(ids["notice"], status="approved", title="董家街道的真实公示")),
        _op("event", event_payload(ids["event"], title="董家街道的活动"), 2),
        _op("request", request_payload(ids["request"], number="DJ-2025-0001"), 3),
    ]
    assert [r["status"] for r in _push(platform, B, real)] == [wire.APPLIED] * 3
    before = platform.records(B)
    forged = [
        _op("notice", notice_payload(ids["notice"], status="approved", title="伪造的公示"), 1),
        _op("event", event_payload(ids["event"], title="伪造的活动"), 2),
        _op("request", request_payload(ids["request"], number="FAKE-1"), 3),
        _op("notice", {"uuid": ids["notice"]}, 4, op="delete"),
        # another entity under a UUID the other site owns is refused too
        _op("event", event_payload(ids["notice"], title="伪造的活动"), 5),
    ]
    results = _push(platform, A, forged)
    assert [(r["status"], r["code"]) for r in results] == [(wire.REJECTED, NOT_OWNER)] * 5
    assert "另一个站点" in results[0]["message"]
    assert platform.records(B) == before, "nothing of the owner's records changed"
    assert not any(k.split(":")[1] in ids.values() for k in platform.records(A)), "nothing stored under A"
    notice = httpx.get(f"{platform.url}/n/{ids['notice']}").text
    assert "董家街道的真实公示" in notice and "伪造" not in notice
    assert "董家街道的活动" in httpx.get(f"{platform.url}/e/{ids['event']}").text
    assert "DJ-2025-0001" in httpx.get(f"{platform.url}/r/{ids['request']}").text
    assert httpx.get(f"{platform.url}/e/{ids['notice']}").status_code == 404
    assert httpx.get(f"{platform.url}/n/{ids['notice'].upper()}").status_code == 200


def test_rows_forged_before_the_rule_never_reach_the_owners_page(
    proc: PlatformProcess, platform: Platform
) -> None:
    """A forged row already stored under another site (written before ownership was checked) is
    not what the page shows: the page reads the first pusher's row."""
    from sqlalchemy import insert

    from server.models import BucketRow

    u = str(uuid.uuid4())
    assert (
        _push(platform, B, [_op("notice", notice_payload(u, status="approved", title="真实"))])[0]["status"]
        == "applied"
    )
    forged = notice_payload(u, status="approved", title="旧日伪造")
    with platform.sessions() as s, s.begin():
        s.execute(
            insert(BucketRow).values(
                bucket=wire.BUCKET_SITE,
                scope=A,
                key=f"notice:{u}",
                entity="notice",
                entity_uuid=u,
                version=9,
                server_seq=10**9,
                deleted=False,
                data=wire.canonical_json(forged).decode(),
                row_hash=wire.row_hash("notice", f"notice:{u}", 9, False, forged),
            )
        )
    page = httpx.get(f"{platform.url}/n/{u}").text
    assert "真实" in page and "旧日伪造" not in page


def test_the_refusal_reaches_the_pushing_workstation(
    proc: PlatformProcess, platform: Platform, sites: Sites
) -> None:
    u = str(uuid.uuid4())
    _push(platform, B, [_op("notice", notice_payload(u, status="approved"))])
    ctx: AppContext = sites.open(A, platform)
    write(ctx, "notice", notice_payload(u, status="approved", title="甲街道以同一编号推送"))
    report = ctx.sync.run_once()
    assert report.rejected == 1
    [refused] = ctx.sync.rejected()
    assert refused.code == NOT_OWNER and refused.entity_uuid == u and "另一个站点" in refused.message


# -- limits before work ---------------------------------------------------------------------------


def test_the_token_is_checked_before_the_body_is_read(proc: PlatformProcess) -> None:
    sha = "a" * 64
    head = f"PUT /sync/v1/blobs/{sha} HTTP/1.1\r\nHost: x\r\nContent-Length: {BIG}\r\n\r\n"
    line, _, sent = raw_request(proc.port, head, BIG)
    assert " 401 " in line and sent < 64 << 20, (line, sent)
    head = "POST /sync/v1/push HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
    line, _, sent = raw_request(proc.port, head, BIG, chunked=True)
    assert " 401 " in line and sent < 64 << 20, (line, sent)


@pytest.mark.parametrize("chunked", [False, True], ids=["declared", "streamed"])
def test_a_huge_push_with_a_token_is_refused_unread(
    proc: PlatformProcess, platform: Platform, chunked: bool
) -> None:
    length = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {BIG}"
    head = (
        f"POST /sync/v1/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {platform.auth_token(A)}\r\n"
        f"Content-Type: application/json\r\n{length}\r\n\r\n"
    )
    line, _, sent = raw_request(proc.port, head, BIG, chunked=chunked)
    assert " 413 " in line, line
    assert sent < wire.MAX_PUSH_BYTES + (48 << 20), "refused after at most the limit (plus socket buffers)"


def test_other_bodies_are_bounded(proc: PlatformProcess, platform: Platform) -> None:
    sha = "b" * 64
    headers = {**_auth(platform), "Upload-Offset": "0", "Upload-Length": str(3 << 20)}
    r = httpx.put(f"{platform.url}/sync/v1/blobs/{sha}", content=b"x" * (2 << 20), headers=headers)
    _assert_refused(r, 413)
    headers["Upload-Length"] = str(wire.MAX_BLOB_BYTES + 1)
    _assert_refused(httpx.put(f"{platform.url}/sync/v1/blobs/{sha}", content=b"x", headers=headers), 413)
    _assert_refused(_post(platform, "/pull", '{"buckets":[],"pad":"' + "x" * 70_000 + '"}'), 413)
    _assert_refused(_post(platform, "/status", '{"pad":"' + "x" * 70_000 + '"}'), 413)


DEEP = "[" * 100_000 + "]" * 100_000
DEEPISH = "[" * 10_000 + "]" * 10_000  # under the pull/status size limit: refused by the parser


def _push_text(
    seq: str = "1", payload: str = '{"uuid":"%U"}', device: str = "", ops: str | None = None
) -> str:
    """A push body as text, so that it can hold what json.dumps would never write."""
    u = str(uuid.uuid4())
    op = (
        f'{{"op_id":"{uuid.uuid4()}","seq":{seq},"entity":"notice","entity_uuid":"{u}","op":"upsert",'
        f'"payload":{payload.replace("%U", u)},"payload_sha256":"{"0" * 64}"}}'
    )
    return f'{{"device_id":"{device or uuid.uuid4()}","protocol":1,"ops":{ops if ops is not None else f"[{op}]"}}}'


HOSTILE: list[tuple[str, str, str]] = [
    ("push seq Infinity", "/push", _push_text(seq="Infinity")),
    ("push seq NaN", "/push", _push_text(seq="NaN")),
    ("push seq 1e400", "/push", _push_text(seq="1e400")),
    ("push seq 10^30", "/push", _push_text(seq="1" + "0" * 30)),
    ("push seq -1", "/push", _push_text(seq="-1")),
    ("push seq as text", "/push", _push_text(seq='"1"')),
    ("push seq as bool", "/push", _push_text(seq="true")),
    ("push seq as float", "/push", _push_text(seq="1.5")),
    ("push lone surrogate in a payload", "/push", _push_text(payload='{"uuid":"%U","title":"\\ud800"}')),
    ("push lone low surrogate", "/push", _push_text(payload='{"uuid":"%U","title":"\\udfff x"}')),
    ("push nested 100,000 deep", "/push", DEEP),
    ("push payload nested 10,000 deep", "/push", _push_text(payload=DEEPISH)),
    ("push ops is a string", "/push", _push_text(ops='"zz"')),
    ("push ops is an object", "/push", _push_text(ops="{}")),
    ("push payload is a list", "/push", _push_text(payload="[1,2]")),
    ("push 1,001 ops", "/push", _push_text(ops="[" + ",".join(["{}"] * 1001) + "]")),
    ("push device id of 500 characters", "/push", _push_text(device="d" * 500)),
    ("push device id with NUL", "/push", _push_text(device="\\u0000")),
    ("push not JSON", "/push", "{'a': 1}"),
    ("push empty", "/push", ""),
    ("push top level list", "/push", "[1]"),
    ("push protocol as text", "/push", '{"device_id":"x","protocol":"1","ops":[]}'),
    ("pull limit Infinity", "/pull", '{"buckets":[],"limit":Infinity}'),
    ("pull limit 1e400", "/pull", '{"buckets":[],"limit":1e400}'),
    ("pull limit 10^30", "/pull", '{"buckets":[],"limit":1' + "0" * 30 + "}"),
    ("pull limit as text", "/pull", '{"buckets":[],"limit":"500"}'),
    ("pull buckets is a number", "/pull", '{"buckets":7}'),
    ("pull bucket name is a list", "/pull", '{"buckets":[{"name":[1]}]}'),
    ("pull unknown bucket", "/pull", '{"buckets":[{"name":"secrets"}]}'),
    ("pull lone surrogate cursor", "/pull", '{"buckets":[{"name":"holidays","cursor":"\\ud800"}]}'),
    ("pull nested 100,000 deep", "/pull", DEEP),
    ("pull nested 10,000 deep", "/pull", DEEPISH),
    ("status lone surrogate", "/status", '{"device_id":"\\ud800"}'),
    ("status nested 10,000 deep", "/status", '{"x":' + DEEPISH + "}"),
    ("status nested 100,000 deep", "/status", '{"x":' + DEEP + "}"),
    ("status is a list", "/status", "[1,2]"),
    ("status number 1e400", "/status", '{"device_id":"d","depth":1e400}'),
]


@pytest.mark.parametrize(("path", "text"), [(p, t) for _, p, t in HOSTILE], ids=[n for n, _, _ in HOSTILE])
def test_hostile_json_is_refused_with_a_message(
    proc: PlatformProcess, platform: Platform, path: str, text: str
) -> None:
    _assert_refused(_post(platform, path, text))


def test_hostile_queries_headers_and_paths(proc: PlatformProcess, platform: Platform) -> None:
    base = platform.url + "/sync/v1"
    auth = _auth(platform)
    for params in (
        {"bucket": "holidays", "limit": "Infinity"},
        {"bucket": "holidays", "limit": "1e400"},
        {"bucket": "x" * 500},
        {"bucket": "holidays", "after": "k" * 1000},
    ):
        _assert_refused(httpx.get(base + "/integrity", params=params, headers=auth))
    _assert_refused(httpx.put(base + "/blobs/" + "a" * 200, content=b"x", headers=auth))
    _assert_refused(httpx.get(base + "/blobs/xyz", headers=auth))
    for offset in ("1e400", "-1", "9" * 40, "Infinity"):
        headers = {**auth, "Upload-Offset": offset}
        _assert_refused(httpx.put(base + "/blobs/" + "c" * 64, content=b"x", headers=headers))
    r = httpx.get(base + "/hello", headers={**auth, "X-Gongkai-Device": "d" * 5000})
    assert r.status_code in (200, 431), "an oversized device header is ignored or refused, never a 500"
    for page in ("/n/%00", "/n/" + "9" * 5000, "/e/%ED%A0%80", "/r/..%2F..%2Fetc%2Fpasswd", "/n/\u00e9"):
        assert httpx.get(platform.url + page).status_code == 404


@pytest.mark.parametrize("seq", ["1" + "0" * 30, "1e400", "-5", '"7"', "true"])
def test_a_cursor_out_of_range_starts_the_bucket_over(
    proc: PlatformProcess, platform: Platform, seq: str
) -> None:
    """A cursor is opaque and comes back from the client: one that is not ours reads as unreadable,
    and the bucket restarts from zero (the documented recovery), never a 500 or a stuck cursor."""
    epoch = httpx.get(platform.url + "/sync/v1/hello", headers=_auth(platform)).json()["server_epoch"]
    raw = '{"e":"' + epoch + '","b":"site_records","s":' + seq + "}"
    cursor = base64.urlsafe_b64encode(raw.encode()).decode()
    r = _post(platform, "/pull", json.dumps({"buckets": [{"name": "site_records", "cursor": cursor}]}))
    assert r.status_code == 200 and r.json()["reset"] == ["site_records"]


def test_a_bad_payload_is_refused_as_its_op_and_the_batch_goes_on(
    proc: PlatformProcess, platform: Platform
) -> None:
    deep: Any = "leaf"
    for _ in range(wire.MAX_JSON_DEPTH + 5):
        deep = [deep]
    ops = [
        _op("notice", {"uuid": str(uuid.uuid4()), "roster": deep}, 1),
        _op("notice", {"uuid": str(uuid.uuid4()), "body": "x" * (wire.MAX_PAYLOAD_BYTES + 10)}, 2),
        _op("event", {"uuid": str(uuid.uuid4()), "capacity": 10**30}, 3),
        _op("notice", notice_payload(str(uuid.uuid4())), 4),
    ]
    ops[2]["payload_sha256"] = "0" * 64  # (10**30 has no canonical form both sides agree on)
    results = _push(platform, A, ops)
    assert [(r["status"], r["code"]) for r in results] == [
        (wire.REJECTED, "payload_invalid"),
        (wire.REJECTED, "payload_too_large"),
        (wire.REJECTED, "payload_invalid"),
        (wire.APPLIED, ""),
    ]
    assert "嵌套超过" in results[0]["message"] and "KB" in results[1]["message"]


def test_a_payload_with_a_non_finite_number_is_refused_as_its_op(
    proc: PlatformProcess, platform: Platform
) -> None:
    text = _push_text(payload='{"uuid":"%U","capacity":1e400}')
    r = _post(platform, "/push", text)
    assert r.status_code == 200
    [result] = r.json()["results"]
    assert (result["status"], result["code"]) == (wire.REJECTED, "payload_invalid")


# -- public pages ---------------------------------------------------------------------------------

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**53) + 1, max_value=2**53 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
_FIELDS = {
    "notice": (
        "title",
        "body",
        "roster",
        "issuer",
        "contact",
        "supervision_phone",
        "period_start",
        "period_end",
        "status",
        "kind",
        "public_lines",
    ),
    "event": (
        "title",
        "description",
        "place",
        "start",
        "end",
        "host",
        "speakers",
        "audience",
        "capacity",
        "registered",
        "status",
        "type_label",
    ),
    "request": ("number", "status", "due_on", "provisional"),
}
_BASE = {
    "notice": lambda u: notice_payload(u, status="approved"),
    "event": event_payload,
    "request": request_payload,
}


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entity=st.sampled_from(sorted(_FIELDS)), data=st.data())
def test_public_pages_render_any_stored_payload(
    proc: PlatformProcess, platform: Platform, entity: str, data: st.DataObject
) -> None:
    u = str(uuid.uuid4())
    payload = _BASE[entity](u)
    for field in data.draw(st.lists(st.sampled_from(_FIELDS[entity]), min_size=1, max_size=5, unique=True)):
        payload[field] = data.draw(_values)
    assert _push(platform, A, [_op(entity, payload)])[0]["status"] in (wire.APPLIED, wire.REJECTED)
    r = httpx.get(f"{platform.url}/{entity[0]}/{u}")
    assert r.status_code in (200, 404), r.status_code
    assert FALLBACK not in r.text, "rendered by the typed accessors, not by the last-resort page"
    assert r.headers["content-security-policy"].startswith("default-src 'none'")


def test_a_wrong_type_on_a_page_renders_the_rest(proc: PlatformProcess, platform: Platform) -> None:
    u = str(uuid.uuid4())
    payload = event_payload(u, title="周三政策解读")
    payload["capacity"] = "lots"
    payload["speakers"] = {"name": "x"}
    payload["description"] = ["not", "text"]
    assert _push(platform, A, [_op("event", payload)])[0]["status"] == wire.APPLIED
    r = httpx.get(f"{platform.url}/e/{u}")
    assert r.status_code == 200 and "周三政策解读" in r.text and "已报名" not in r.text


def test_pages_and_answers_carry_security_headers(proc: PlatformProcess, platform: Platform) -> None:
    u = str(uuid.uuid4())
    _push(platform, A, [_op("notice", notice_payload(u, status="approved"))])
    for r in (
        httpx.get(f"{platform.url}/n/{u}"),
        httpx.get(f"{platform.url}/n/{uuid.uuid4()}"),
        httpx.get(platform.url + "/sync/v1/hello", headers=_auth(platform)),
    ):
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp and "frame-ancestors 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
        assert r.headers["x-frame-options"] == "DENY"
    page = httpx.get(f"{platform.url}/n/{u}").text
    assert "<script" not in page and page.count("<style>") == 1


def test_the_stylesheet_hash_in_the_policy_matches_the_page(
    proc: PlatformProcess, platform: Platform
) -> None:
    """A browser applies the page's style only if its hash is the one the policy names."""
    import hashlib
    import re

    u = str(uuid.uuid4())
    _push(platform, A, [_op("notice", notice_payload(u, status="approved"))])
    r = httpx.get(f"{platform.url}/n/{u}")
    style = re.search(r"<style>(.*?)</style>", r.text, re.S)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    assert f"'sha256-{digest}'" in r.headers["content-security-policy"]


@pytest.mark.slow
def test_the_workstation_keeps_its_pushes_under_the_limit(
    proc: PlatformProcess, platform: Platform, sites: Sites
) -> None:
    """Large payloads go in several batches, each under the platform's body limit."""
    ctx: AppContext = sites.open(A, platform)
    for i in range(6):
        payload = notice_payload(str(uuid.uuid4()), status="approved", title=f"长公示 {i}")
        # just under the payload limit: 12 MB in all, three times the workstation's batch target
        payload["body"] = "公" * (wire.MAX_PAYLOAD_BYTES // 3 - 2000)
        write(ctx, "notice", payload)
    report = ctx.sync.run_once()
    assert report.ok, report.errors
    assert report.applied == 6 and report.rejected == 0
