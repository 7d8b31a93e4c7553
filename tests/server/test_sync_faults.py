"""The design's fault cases, against a real platform on PostgreSQL over loopback HTTP.

Faults are injected at the true edges only: the platform process is killed, the HTTP exchange is
dropped, truncated, corrupted, duplicated or replayed by a transport wrapper, the site's process
"dies" (an exception no code catches) at a named point, the clock is moved. After healing, every
site's data equals the platform's, nothing lost and nothing applied twice.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import uuid
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import sessionmaker

from app.clock import Clock, FixedClock
from app.sync import wire
from app.sync.values import PulledRow
from db.models import SyncRow
from server.models import AppliedOp, Blob
from server.store import make_engine, new_epoch
from tests.server.support import (
    ClientCrash,
    FaultyTransport,
    PgCluster,
    Platform,
    Sites,
    assert_converged,
    event_payload,
    free_port,
    mirror,
    new_notice,
    notice_payload,
    outbox_states,
    start_platform,
    write,
)

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]


def _wait_up(url: str) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.05)
    raise RuntimeError("platform did not start")


def test_platform_killed_after_commit_before_answering(pg_url: str, sites: Sites, tmp_path: Path) -> None:
    """Case 1: the push committed, the answer never came; the re-send is a duplicate."""
    port = free_port()
    armed = tmp_path / "kill-after-next-push"
    cmd = [sys.executable, "-m", "tests.server.killable", pg_url, str(port), str(armed)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_up(url)
        engine = make_engine(pg_url)
        platform = Platform(pg_url, None, sessionmaker(engine), external_url=url)
        platform.add_site("370112-TW")
        ctx = sites.open("370112-TW", platform)
        for _ in range(5):
            new_notice(ctx)
        armed.touch()
        report = ctx.sync.run_once()
        assert not report.ok and proc.wait(10) == -9
        assert len(platform.applied_ops("370112-TW")) == 5, "the platform committed before it died"
        assert set(outbox_states(ctx).values()) == {"queued"}, "the site never heard the answer"
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env)
        _wait_up(url)
        report = ctx.sync.run_once()
        assert report.ok, report.errors
        assert report.duplicates == 5 and report.applied == 0
        assert_converged(platform, "370112-TW", ctx)
    finally:
        proc.kill()
        proc.wait()
        engine.dispose()


def test_site_killed_before_recording_the_answer(platform: Platform, sites: Sites) -> None:
    """Case 2: the site dies after the platform answered; after restart the outbox drains once."""
    platform.add_site("370112-TW")
    ctx = sites.open("370112-TW", platform)
    for _ in range(3):
        new_notice(ctx)
    faults = FaultyTransport()
    ctx.sync.transport = faults
    faults.arm("/push", "crash_after")
    with pytest.raises(ClientCrash):
        ctx.sync.run_once()
    assert len(platform.applied_ops("370112-TW")) == 3
    restarted = sites.reopen(ctx)
    report = restarted.sync.run_once()
    assert report.ok and report.duplicates == 3
    assert_converged(platform, "370112-TW", restarted)


def test_site_killed_mid_pull_resumes_without_gaps(
    platform: Platform, sites: Sites, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Case 4: a page applied and its cursor moved together; the next round resumes from there."""
    monkeypatch.setattr(wire, "PULL_LIMIT", 40)  # small pages, so a few records make several
    platform.add_site("370112-TW")
    writer = sites.open("370112-TW", platform)
    for _ in range(wire.PULL_LIMIT + 25):
        write(writer, "event", event_payload(str(uuid.uuid4())))
    assert writer.sync.run_once().ok
    fresh = sites.open("370112-TW", platform, token=platform.tokens["370112-TW"])  # a rebuilt workstation
    faults = FaultyTransport()
    fresh.sync.transport = faults
    faults.arm("/pull", "crash_after", method="POST")  # the first page arrives, then the process dies
    with pytest.raises(ClientCrash):
        fresh.sync.run_once()
    assert mirror(fresh) == {}, "nothing from an unrecorded page"
    faults.rules.clear()
    faults.arm("/pull", "record")
    faults.arm("/pull", "crash_after")  # dies after the SECOND page is fetched
    with pytest.raises(ClientCrash):
        fresh.sync.run_once()
    assert len(mirror(fresh)) == wire.PULL_LIMIT, "first page applied with its cursor, second not"
    assert fresh.sync.run_once().ok
    assert mirror(fresh) == mirror(writer)


def test_applier_interrupted_after_applying_gets_the_page_again(platform: Platform, sites: Sites) -> None:
    """Case 4 reversed: the data was applied but the cursor not recorded; re-applying is harmless."""
    platform.add_site("370112-TW")
    ctx = sites.open("370112-TW", platform)
    new_notice(ctx)
    seen: list[str] = []

    def crashing(rows: list[PulledRow]) -> None:
        seen.extend(r.key for r in rows)
        if len(seen) == 1:
            raise ClientCrash("after applying, before the cursor")

    ctx.sync.register_applier(wire.BUCKET_SITE, crashing)
    with pytest.raises(ClientCrash):
        ctx.sync.run_once()
    assert mirror(ctx) == {}
    assert ctx.sync.run_once().ok
    assert len(seen) == 2 and seen[0] == seen[1]
    assert_converged(platform, "370112-TW", ctx)


@pytest.mark.parametrize(
    ("path", "action"),
    [
        ("/pull", "truncate"),
        ("/pull", "flip"),
        ("/push", "truncate"),
        ("/push", "flip"),
        ("/push", "drop_response"),
        ("/push", "duplicate"),
        ("/pull", "duplicate"),
    ],
)
def test_damaged_and_duplicated_answers_are_retried_not_applied(
    platform: Platform, sites: Sites, path: str, action: str
) -> None:
    """Case 5: a truncated, corrupted, lost or doubled exchange leaves no partial or double state."""
    platform.add_site("370112-TW")
    ctx = sites.open("370112-TW", platform)
    for _ in range(4):
        new_notice(ctx)
    faults = FaultyTransport()
    ctx.sync.transport = faults
    faults.arm(path, action, method="POST")
    report = ctx.sync.run_once()
    assert report.ok, report.errors
    assert any(action in line for line in faults.log)
    assert_converged(platform, "370112-TW", ctx)


def test_replayed_and_reordered_pushes(platform: Platform, sites: Sites) -> None:
    """Case 6: an old push replayed hours later is all duplicates; batch N+1 before N is a gap."""
    platform.add_site("370112-TW")
    ctx = sites.open("370112-TW", platform)
    for _ in range(3):
        new_notice(ctx)
    faults = FaultyTransport()
    ctx.sync.transport = faults
    faults.arm("/push", "record")
    assert ctx.sync.run_once().ok
    before = platform.records("370112-TW")
    replay = faults.replay().json()
    assert [r["status"] for r in replay["results"]] == [wire.DUPLICATE] * 3
    assert platform.records("370112-TW") == before

    state_device = ctx.sync.status().device_id
    later = notice_payload(str(uuid.uuid4()))
    ahead = wire.PushOp(
        str(uuid.uuid4()), 5, "notice", later["uuid"], "upsert", later, wire.payload_sha256(later)
    )
    headers = {"Authorization": f"Bearer {platform.auth_token('370112-TW')}"}
    body = wire.PushRequest(state_device, wire.PROTOCOL, [ahead]).to_dict()
    answer = httpx.post(platform.url + wire.API_PREFIX + "/push", json=body, headers=headers).json()
    assert answer["results"][0]["status"] == wire.GAP and answer["results"][0]["expected"] == 4
    assert platform.records("370112-TW") == before
    new_notice(ctx)
    assert ctx.sync.run_once().ok
    assert_converged(platform, "370112-TW", ctx)


def test_two_rounds_of_one_site_at_once(platform: Platform, sites: Sites) -> None:
    """Case 7: two processes on one database and a second workstation, all syncing together."""
    platform.add_site("370112-TW")
    ctx = sites.open("370112-TW", platform)
    twin = sites.reopen(ctx)  # another process on the same database
    other = sites.open("370112-TW", platform, token=platform.tokens["370112-TW"])
    for _ in range(30):
        new_notice(ctx)
        write(other, "event", event_payload(str(uuid.uuid4())))
    errors: list[BaseException] = []

    def run(c: object) -> None:
        try:
            c.sync.run_once()  # type: ignore[attr-defined]
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(c,)) for c in (ctx, twin, other, ctx, other)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    for c in (ctx, other):
        assert c.sync.run_once().ok
    applied = platform.applied_ops("370112-TW")
    assert len(applied) == 60 == len(set(applied))
    assert_converged(platform, "370112-TW", ctx, other)


def test_clock_days_off_is_flagged_never_refused(platform: Platform, sites: Sites) -> None:
    """Case 9: a site clock three days ahead still syncs; ops are tagged and staff are told."""
    platform.add_site("370112-TW")
    ahead = FixedClock(Clock().now() + timedelta(days=3))
    ctx = sites.open("370112-TW", platform, clock=ahead)
    new_notice(ctx)
    assert ctx.sync.run_once().ok  # hello measures the offset before the push
    new_notice(ctx)
    assert ctx.sync.run_once().ok
    status = ctx.sync.status()
    assert status.clock_suspect and any("时钟" in e for e in status.errors)
    with platform.sessions() as s:
        flags = list(s.execute(select(AppliedOp.clock_suspect).order_by(AppliedOp.seq)).scalars())
    assert flags == [True, True]
    assert_converged(platform, "370112-TW", ctx)


def test_platform_restored_from_a_backup(pg: PgCluster, pg_url: str, sites: Sites) -> None:
    """Case 11: the restored platform lost the last ops; sites re-send them; union, no duplicates."""
    live = start_platform(pg_url)
    token = live.add_site("370112-TW")
    ctx = sites.open("370112-TW", live)
    for _ in range(3):
        new_notice(ctx)
    assert ctx.sync.run_once().ok
    live.stop()
    live_db = pg_url.split("@/")[1].split("?")[0]
    backup_db = pg.create_db(template=live_db)  # the nightly backup
    live = start_platform(pg_url)
    ctx.sync.configure(live.url, token)
    lost = [new_notice(ctx) for _ in range(2)]
    assert ctx.sync.run_once().ok
    live.stop()
    restored = start_platform(pg.url(backup_db))
    new_epoch(restored.sessions)  # the operator's `gongkai-server mark-restored`
    restored.tokens["370112-TW"] = token
    ctx.sync.configure(restored.url, token)
    report = ctx.sync.run_once()
    assert report.ok and report.epoch_reset and report.requeued == 2
    assert all(f"notice:{u}" in restored.records("370112-TW") for u in lost)
    assert_converged(restored, "370112-TW", ctx)
    restored.stop()
    pg.drop_db(backup_db)


def test_a_rejected_op_is_shown_and_never_blocks_later_ones(platform: Platform, sites: Sites) -> None:
    """Case 14: an unmasked ID number is refused for good; the ops after it go through."""
    platform.add_site("370112-TW")
    ctx = sites.open("370112-TW", platform)
    bad = notice_payload(str(uuid.uuid4()), title="漏遮蔽的公示")
    bad["roster"]["rows"][0][3] = "370102199003071238"  # a valid check character: an ID
    write(ctx, "notice", bad)
    good = new_notice(ctx)
    report = ctx.sync.run_once()
    assert report.rejected == 1 and report.applied == 1
    [item] = ctx.sync.rejected()
    assert item.code == "unmasked_personal_data" and "公示名单第 1 行第 4 列" in item.message
    assert "370102199003071238" not in item.message
    assert ctx.sync.status().rejected == 1
    assert f"notice:{good}" in platform.records("370112-TW")
    assert f"notice:{bad['uuid']}" not in platform.records("370112-TW")
    assert ctx.sync.run_once().ok
    assert_converged(platform, "370112-TW", ctx)


def test_interrupted_photo_upload_resumes(platform: Platform, sites: Sites) -> None:
    """Case 15: the upload breaks twice; it resumes at the server's offset; the op waits for it."""
    platform.add_site("370112-TW")
    ctx = sites.open("370112-TW", platform)
    photo = os.urandom(200_000)
    sha = ctx.sync.store_blob(photo)
    write(ctx, "posting", {"uuid": str(uuid.uuid4()), "board": "唐王村公示栏", "blob_refs": [sha]})
    faults = FaultyTransport()
    ctx.sync.transport = faults
    faults.arm("/blobs/", "drop_response", method="PUT")  # chunk stored, answer lost
    faults.arm("/blobs/", "drop_request", times=2, method="PUT")
    faults.arm("/blobs/", "drop_request", times=4, method="PUT")  # outlasts the retries: round fails
    report = ctx.sync.run_once()
    assert not report.ok and ctx.sync.status().queued == 1
    assert ctx.sync.run_once().ok
    with platform.sessions() as s:
        blob = s.get(Blob, sha)
        assert blob is not None and blob.data == photo
    assert_converged(platform, "370112-TW", ctx)


def test_an_op_whose_blob_is_missing_is_retryable_not_rejected(platform: Platform, sites: Sites) -> None:
    platform.add_site("370112-TW")
    ctx = sites.open("370112-TW", platform)
    ctx.sync.run_once()
    payload = {"uuid": str(uuid.uuid4()), "blob_refs": ["ab" * 32]}
    op = wire.PushOp(
        str(uuid.uuid4()),
        1,
        "posting",
        payload["uuid"],
        "upsert",
        payload,
        wire.payload_sha256(payload),
        blob_refs=payload["blob_refs"],
    )
    body = wire.PushRequest(ctx.sync.status().device_id, wire.PROTOCOL, [op]).to_dict()
    headers = {"Authorization": f"Bearer {platform.auth_token('370112-TW')}"}
    answer = httpx.post(platform.url + wire.API_PREFIX + "/push", json=body, headers=headers).json()
    assert answer["results"][0]["status"] == wire.RETRYABLE and answer["acked_through"] == 0


def test_conflicting_edits_from_two_workstations_wait_for_a_person(platform: Platform, sites: Sites) -> None:
    """Case 12: both edits are kept; nobody's version is silently overwritten; resolving converges."""
    from app.users import Role

    platform.add_site("370112-TW")
    a = sites.open("370112-TW", platform)
    b = sites.open("370112-TW", platform, token=platform.tokens["370112-TW"])
    u = str(uuid.uuid4())
    write(a, "event", event_payload(u))
    a.sync.run_once()
    b.sync.run_once()
    write(a, "event", event_payload(u, title="A 改：政策解读（改到下午）"))
    write(b, "event", event_payload(u, title="B 改：政策解读（改到三楼）"))
    assert a.sync.run_once().ok
    report = b.sync.run_once()
    assert report.conflicts == 1
    assert platform.records("370112-TW")[f"event:{u}"][2]["title"].startswith("A 改")
    [conflict] = b.sync.conflicts()
    assert conflict.mine["title"].startswith("B 改") and conflict.theirs is not None
    assert conflict.theirs["title"].startswith("A 改")
    assert b.sync.status().conflicts == 1
    clerk = b.users.add("clerk", frozenset({Role.CLERK}), "gongkai123")
    b.sync.resolve(conflict.uuid, "mine", actor=clerk)
    assert b.sync.run_once().ok and b.sync.conflicts() == []
    assert a.sync.run_once().ok
    assert platform.records("370112-TW")[f"event:{u}"][2]["title"].startswith("B 改")
    assert mirror(a) == mirror(b) == {k: v[:2] for k, v in platform.records("370112-TW").items()}


def test_a_corrupted_local_mirror_is_repaired_from_integrity(platform: Platform, sites: Sites) -> None:
    platform.add_site("370112-TW")
    ctx = sites.open("370112-TW", platform)
    for _ in range(3):
        new_notice(ctx)
    ctx.sync.run_once()
    with ctx.session_factory() as s, s.begin():
        s.execute(update(SyncRow).where(SyncRow.bucket == wire.BUCKET_SITE).values(row_hash=1, version=99))
        s.add(
            SyncRow(
                bucket=wire.BUCKET_SITE,
                key="notice:ghost",
                entity="notice",
                version=1,
                server_seq=1,
                deleted=False,
                data="{}",
                row_hash=7,
            )
        )
    report = ctx.sync.run_once()
    assert report.ok and report.repaired == [wire.BUCKET_SITE]
    assert_converged(platform, "370112-TW", ctx)


def test_a_too_old_protocol_gets_426_and_keeps_its_ops(platform: Platform, sites: Sites) -> None:
    platform.add_site("370112-TW")
    headers = {"Authorization": f"Bearer {platform.auth_token('370112-TW')}"}
    body = {"device_id": str(uuid.uuid4()), "protocol": 99, "ops": []}
    assert httpx.post(platform.url + wire.API_PREFIX + "/push", json=body, headers=headers).status_code == 426
