"""A display device (the hall's kiosk PC) receives only what the kiosk shows, checked at the HTTP
level: what the platform sends it, page by page and through /integrity, and that it may not push.
On SQLite and PostgreSQL, a real platform on loopback."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from app.kiosk import KioskService
from app.sync import wire
from db.models import ReplicaProblem
from tests.server.support import (
    Platform,
    Sites,
    event_payload,
    notice_payload,
    request_payload,
    start_platform,
    write,
)

SITE = "370112-TW"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_platform(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Platform]:
    url = (
        f"sqlite:///{tmp_path / 'platform.sqlite'}"
        if request.param == "sqlite"
        else request.getfixturevalue("pg_url")
    )
    p = start_platform(url)
    p.add_site(SITE)
    yield p
    p.stop()


def _notice(status: str, start: date, end: date) -> dict[str, Any]:
    payload = notice_payload(str(uuid.uuid4()), status=status)
    payload.update(period_start=start.isoformat(), period_end=end.isoformat(), sealed="gks1.c2VhbGVk")
    return payload


def _pull_all(http: httpx.Client) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    changes: list[dict[str, Any]] = []
    cursor = ""
    while True:
        page = http.post(
            "/pull", json={"buckets": [{"name": wire.BUCKET_SITE, "cursor": cursor}], "limit": 2}
        ).json()
        changes += page["changes"]
        cursor = page["cursors"][wire.BUCKET_SITE]
        if not page["more"]:
            return changes, page["checkpoints"][wire.BUCKET_SITE]


def test_a_display_device_receives_only_what_the_kiosk_shows(any_platform: Platform, sites: Sites) -> None:
    platform = any_platform
    staff = sites.open(SITE, platform)
    today = date.today()
    shown = _notice("published", today - timedelta(days=2), today + timedelta(days=5))
    ended = _notice("published", today - timedelta(days=20), today - timedelta(days=3))
    draft = _notice("draft", today - timedelta(days=2), today + timedelta(days=5))
    event = event_payload(str(uuid.uuid4()))
    event["registrations"] = [{"name": "张*", "phone": "138****1234"}]
    for entity, payload in [("notice", shown), ("notice", ended), ("notice", draft), ("event", event),
                            ("request", request_payload(str(uuid.uuid4())))]:  # fmt: skip
        write(staff, entity, payload)
    report = staff.sync.run_once()
    assert report.ok and report.applied == 5, report
    token = platform.device_token(SITE, kind="display")
    with httpx.Client(
        base_url=platform.url + wire.API_PREFIX, headers={"Authorization": f"Bearer {token}"}
    ) as http:
        assert http.get("/hello").json()["device_kind"] == "display"
        changes, checkpoint = _pull_all(http)
        visible = {c["key"]: c["data"] for c in changes if not c["deleted"]}
        assert set(visible) == {f"notice:{shown['uuid']}", f"event:{event['uuid']}"}
        assert "registrations" not in visible[f"event:{event['uuid']}"]
        assert visible[f"event:{event['uuid']}"]["title"] == event["title"]
        text = json.dumps(changes, ensure_ascii=False)
        assert "sealed" not in text and "gks1." not in text and "TW-2025-0012" not in text
        # Hidden rows are tombstones without data; every row hash matches what was sent, and the
        # checkpoint is over the same views, so the device's checksum agrees.
        assert all(c["data"] == {} for c in changes if c["deleted"])
        assert all(wire.Change.from_dict(c).hash_ok() for c in changes)
        assert checkpoint["count"] == len(changes) == 5
        assert checkpoint["checksum"] == wire.sum_checksums(c["row_hash"] for c in changes)
        integrity = http.get("/integrity", params={"bucket": wire.BUCKET_SITE}).json()
        assert sorted(integrity["rows"], key=lambda r: r["key"]) == sorted(changes, key=lambda r: r["key"])
        assert integrity["checkpoint"] == checkpoint
        # A display device only receives.
        refused = http.post(
            "/push", json={"device_id": str(uuid.uuid4()), "protocol": wire.PROTOCOL, "ops": []}
        )
        assert refused.status_code == 403 and "展示电脑" in refused.json()["detail"]
        assert http.post(f"/devices/{uuid.uuid4()}/revoke", json={}).status_code == 403
        assert (
            http.post(
                "/invitations", json={"code_sha256": "a" * 64, "kind": "staff", "wrapped_key": "x"}
            ).status_code
            == 403
        )


def test_a_display_pc_syncs_cleanly_and_sees_what_staff_publish_next(
    any_platform: Platform, sites: Sites
) -> None:
    """Through the PC's own sync round: no checksum repair loop, no push, the next publication arrives."""
    platform = any_platform
    staff = sites.open(SITE, platform)
    today = date.today()
    write(staff, "notice", _notice("published", today, today + timedelta(days=5)))
    assert staff.sync.run_once().ok
    kiosk = sites.open(SITE, platform, token=platform.device_token(SITE, kind="display"))
    first = kiosk.sync.run_once()
    assert first.ok and first.pulled == 1 and first.repaired == [] and first.pushed == 0
    assert [n.title for n in KioskService(kiosk).notices()] == [
        "关于2025年第三季度城乡低保对象拟保名单的公示"
    ]
    assert kiosk.sync.status().device_kind == "display"
    later = _notice("published", today, today + timedelta(days=5))
    write(staff, "notice", later)
    assert staff.sync.run_once().ok
    second = kiosk.sync.run_once()
    assert second.ok and second.pulled == 1 and second.repaired == []
    assert kiosk.sync.run_once().pulled == 0


def test_a_view_the_kiosk_pc_cannot_apply_is_a_problem_and_the_rest_arrives(
    any_platform: Platform, sites: Sites
) -> None:
    platform = any_platform
    staff = sites.open(SITE, platform)
    today = date.today()
    broken = _notice("published", today, today + timedelta(days=5))
    broken["period_end"] = "明天"  # what an older or foreign program might push
    good = _notice("published", today, today + timedelta(days=5))
    write(staff, "notice", broken)
    write(staff, "notice", good)
    assert staff.sync.run_once().ok
    kiosk = sites.open(SITE, platform, token=platform.device_token(SITE, kind="display"))
    report = kiosk.sync.run_once()
    assert report.ok, report
    assert [n.uuid for n in KioskService(kiosk).notices()] == [good["uuid"]]
    with kiosk.session_factory() as s:
        [problem] = s.execute(select(ReplicaProblem)).scalars()
        assert problem.key == f"notice:{broken['uuid']}" and "无法在本机显示" in problem.message
