"""A full round against a real platform on PostgreSQL: push, echo, idempotence, auth scope."""

from __future__ import annotations

import uuid

import httpx
import pytest

from app.sync import wire
from tests.server.support import (
    Platform,
    Sites,
    assert_converged,
    event_payload,
    mirror,
    new_notice,
    outbox_states,
    request_payload,
    write,
)

pytestmark = pytest.mark.postgres


def test_first_round_pushes_everything_and_pulls_the_echo(platform: Platform, sites: Sites) -> None:
    platform.add_site("370112-TW")
    ctx = sites.open("370112-TW", platform)
    notice = new_notice(ctx)
    write(ctx, "event", event_payload(str(uuid.uuid4())))
    write(ctx, "request", request_payload(str(uuid.uuid4())))
    report = ctx.sync.run_once()
    assert report.ok, report.errors
    assert (report.pushed, report.applied) == (3, 3)
    assert set(outbox_states(ctx).values()) == {"acked"}
    assert f"notice:{notice}" in mirror(ctx)
    assert_converged(platform, "370112-TW", ctx)
    status = ctx.sync.status()
    assert status.queued == 0 and status.last_good_sync is not None and status.errors == []


def test_a_second_round_with_nothing_new_changes_nothing(platform: Platform, sites: Sites) -> None:
    platform.add_site("370112-TW")
    ctx = sites.open("370112-TW", platform)
    new_notice(ctx)
    ctx.sync.run_once()
    before = platform.records("370112-TW")
    report = ctx.sync.run_once()
    assert report.ok and report.pushed == 0 and report.pulled == 0
    assert platform.records("370112-TW") == before


def test_an_edit_gets_a_new_version_and_a_delete_a_tombstone(platform: Platform, sites: Sites) -> None:
    platform.add_site("370112-TW")
    ctx = sites.open("370112-TW", platform)
    u = str(uuid.uuid4())
    write(ctx, "event", event_payload(u))
    ctx.sync.run_once()
    write(ctx, "event", event_payload(u, title="政策解读：医保缴费（改期）"))
    write(ctx, "event", event_payload(u), op="delete")
    assert ctx.sync.run_once().ok
    version, _h, data, deleted = platform.records("370112-TW")[f"event:{u}"]
    assert (version, deleted, data) == (3, True, {"uuid": u})
    assert_converged(platform, "370112-TW", ctx)


def test_a_token_reaches_only_its_own_site(platform: Platform, sites: Sites) -> None:
    platform.add_site("A-SITE")
    platform.add_site("B-SITE")
    a = sites.open("A-SITE", platform)
    b = sites.open("B-SITE", platform)
    secret = new_notice(a, title="甲街道的公示")
    photo = a.sync.store_blob(b"\x89PNG photo of a notice board")
    write(a, "posting", {"uuid": str(uuid.uuid4()), "board": "唐王村公示栏", "blob_refs": [photo]})
    assert a.sync.run_once().ok
    assert b.sync.run_once().ok
    assert f"notice:{secret}" not in mirror(b)
    assert mirror(b) == {}
    headers = {"Authorization": f"Bearer {platform.auth_token('B-SITE')}"}
    with httpx.Client(base_url=platform.url + wire.API_PREFIX, headers=headers) as http:
        pulled = http.post("/pull", json={"buckets": [{"name": "site_records", "cursor": ""}]}).json()
        assert pulled["changes"] == []
        assert http.get(f"/blobs/{photo}").status_code == 404
        assert http.head(f"/blobs/{photo}").status_code == 404
        integrity = http.get("/integrity", params={"bucket": "site_records"}).json()
        assert integrity["rows"] == []
    with httpx.Client(base_url=platform.url + wire.API_PREFIX) as anon:
        assert anon.get("/hello").status_code == 401
        assert anon.get("/hello", headers={"Authorization": "Bearer forged"}).status_code == 401


def test_a_pushed_op_cannot_touch_another_sites_record(platform: Platform, sites: Sites) -> None:
    """The scope comes from the token: the same uuid pushed by B is B's own record, not A's."""
    platform.add_site("A-SITE")
    platform.add_site("B-SITE")
    a = sites.open("A-SITE", platform)
    b = sites.open("B-SITE", platform)
    u = new_notice(a, title="甲街道的公示")
    a.sync.run_once()
    write(b, "notice", {**platform.records("A-SITE")[f"notice:{u}"][2], "title": "乙篡改"})
    b.sync.run_once()
    assert platform.records("A-SITE")[f"notice:{u}"][2]["title"] == "甲街道的公示"
