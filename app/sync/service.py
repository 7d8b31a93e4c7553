"""SyncService: one round of sync with the city platform, and what staff see about it.

A round (``run_once``): hello (epoch, clock, device check) → push the outbox in batches → pull every
bucket page by page → record the result. The rules it keeps (docs/ARCHITECTURE.md, "Sync"):

* Outbox entries are pushed with a gapless per-device sequence number fixed the first time they are
  sent, so any re-send (timeout, crash before recording the answer, replay) is a server duplicate.
* A pulled page is applied (bucket appliers, then the mirror rows and the cursor in ONE transaction)
  before the cursor moves; the page is re-applied idempotently if the round dies in between.
* After a bucket's last page its checksum is compared with the server's; a mismatch is repaired from
  ``/integrity``; the outbox is never touched by a repair.
* A new server epoch (database restored from a backup) resets the cursors and re-queues every sent op
  the server no longer has. Rejected ops and conflicts are kept and shown; they never block later ops.

Nothing here runs on the GUI thread; data entry never waits for it (every local change only writes
its outbox entry, in its own transaction).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app import audit, outbox
from app.authz import authorize
from app.clock import Clock
from app.errors import GongkaiError, InputError, NotFoundError, StateError
from app.holidays import HolidayService
from app.paths import DataPaths
from app.settings import SettingsService
from app.sync import store, wire
from app.sync.client import PlatformClient, ServerRefused, SyncUnavailable
from app.sync.replica import applier as replica_applier
from app.sync.replica import numbers as replica_numbers
from app.sync.replica import track as replica_track
from app.sync.values import (
    CLOCK_WARN_SECONDS,
    ConflictItem,
    PulledRow,
    QueuedItem,
    RejectedItem,
    SyncReport,
    SyncStatus,
    title_of,
)
from app.uow import read_only, transaction
from app.users import StaffUser
from app.workdays import parse_holiday_bytes
from db.models import OutboxEntry, SyncConflict, SyncCursor, SyncRejection, SyncRow

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

Applier = Callable[[list[PulledRow]], None]

#: Buckets whose rows only make sense with an applier (a catalogue release must be imported): they
#: are not pulled until one is registered, so nothing is marked applied that was never imported.
NEEDS_APPLIER = (wire.BUCKET_CATALOGUE, wire.BUCKET_POLICIES)


NOT_CONFIGURED = "尚未配置同步：请先设置市级平台地址和设备令牌（gongkai sync --server 网址 --token 令牌）"


class SyncNotConfigured(GongkaiError):
    """This PC has no platform address or credential yet (views say so in their own words)."""


class _Corrupt(Exception):
    """A pulled page whose row hashes do not match its rows."""


class SyncService:
    """Push, pull and report, over one site database."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        paths: DataPaths,
        clock: Clock,
        settings: SettingsService,
        holidays: HolidayService,
    ) -> None:
        self._sf = session_factory
        self._paths = paths
        self._clock = clock
        self._settings = settings
        self._holidays = holidays
        self._round = threading.Lock()
        self._appliers: dict[str, Applier] = {wire.BUCKET_HOLIDAYS: self._apply_holidays}
        #: The HTTP edge: tests put a fault-injecting transport here; None means the network.
        self.transport: httpx.BaseTransport | None = None
        self.retry_delays: Sequence[float] = (0.2, 0.6, 1.5)
        #: Called with the running count of rows received in a round (``gongkai join``'s progress).
        self.on_pulled: Callable[[int], None] | None = None

    # -- configuration ------------------------------------------------------------------------------

    def configure(self, url: str, token: str, *, actor: str = "system") -> None:
        """Remember the platform address and a token (one transaction, audited).

        The token is either the site token from ``gongkai-server add-site`` (the next round first
        enrols this PC with it, getting its own device token: ``_enrol``) or a device token."""
        url = url.strip().rstrip("/")
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise InputError(f"同步服务器地址：应为 http:// 或 https:// 开头的网址，实为“{url}”")
        if not token.strip():
            raise InputError("设备令牌：不能为空（由市级平台为本站点发放）")
        with transaction(self._sf) as session:
            self._settings.set("sync_server_url", url, session)
            self._settings.set("sync_token", token.strip(), session)
            audit.record(
                session, actor=actor, action="sync.configure", entity="settings", detail={"url": url}
            )

    def register_applier(self, bucket: str, fn: Applier) -> None:
        """Hand pulled rows of ``bucket`` to ``fn`` before they are recorded as applied.

        ``fn`` runs outside the sync transaction (for ``site_records``: inside it, after the
        built-in replica applier, and it must not open a transaction of its own) and may be called again with the same rows if the
        round dies before recording them, so it must be idempotent (e.g. the catalogue importer
        recognising a release it already has by its SHA-256).
        """
        if bucket not in wire.BUCKETS:
            raise ValueError(f"unknown bucket {bucket!r}")
        self._appliers[bucket] = fn

    def _config(self) -> tuple[str, str]:
        return str(self._settings.get("sync_server_url") or ""), str(self._settings.get("sync_token") or "")

    @property
    def session_factory(self) -> sessionmaker[Session]:
        return self._sf

    @contextmanager
    def platform(self) -> Iterator[PlatformClient]:
        """A client for this PC's own requests beyond a round (device list, invitations): enrolled
        first if only the site token is known. Refusals and network trouble raise (GongkaiError)."""
        url, token = self._config()
        if not url or not token:
            raise SyncNotConfigured(NOT_CONFIGURED)
        with read_only(self._sf) as session:
            state = store.read_state(session)
            device_id = state.device_id if state is not None else ""
        if not device_id:  # never synced: the state row (and this PC's device id) is made once
            with transaction(self._sf) as session:
                device_id = store.begin_write(session).device_id
        if not token.startswith(wire.DEVICE_TOKEN_PREFIX):
            token = self._enrol(url, token, device_id)
        with PlatformClient(
            url, token, device_id, transport=self.transport, retry_delays=self.retry_delays
        ) as client:
            yield client

    def _enrol(self, url: str, site_token: str, device_id: str) -> str:
        """Trade the site token for this PC's own credential (``POST /enrol``); returns the device
        token. The first PC of a site also makes the site key here (app/sync/sitekey.py)."""
        import socket

        from app.sync import sitekey

        with PlatformClient(
            url, site_token, device_id, transport=self.transport, retry_delays=self.retry_delays
        ) as client:
            answer = client.json("POST", "/enrol", {"device_id": device_id, "name": socket.gethostname()})
        token = str(answer["device_token"])
        with transaction(self._sf) as session:
            self._settings.set("sync_token", token, session)
            kind = str(answer.get("device_kind", "staff"))
            self._settings.set("sync_device_kind", kind, session)
            if kind != "display" and not self._settings.get("sync_site_key"):
                self._settings.set("sync_site_key", sitekey.encode_key(sitekey.new_key()), session)
            audit.record(
                session,
                actor="system",
                action="sync.enrol",
                entity="settings",
                detail={"device_id": device_id, "site": str(answer.get("site_code", ""))},
            )
        return token

    # -- one round ----------------------------------------------------------------------------------

    def run_once(self) -> SyncReport:
        """Push everything queued, pull every bucket, record the outcome. Never raises for network or
        platform trouble (that is in the report); raises GongkaiError only when not configured."""
        url, token = self._config()
        if not url or not token:
            raise SyncNotConfigured(NOT_CONFIGURED)
        with self._round:
            started = self._clock.now()
            with transaction(self._sf) as session:
                state = store.begin_write(session)
                state.last_attempt_at = started
                device_id = state.device_id
            report = SyncReport(started, started)
            try:
                if not token.startswith(wire.DEVICE_TOKEN_PREFIX):
                    token = self._enrol(url, token, device_id)
                with PlatformClient(
                    url, token, device_id, transport=self.transport, retry_delays=self.retry_delays
                ) as client:
                    report = self._round_trip(client, report)
            except (SyncUnavailable, ServerRefused) as exc:
                report = replace(report, errors=[*report.errors, str(exc)])
            except GongkaiError as exc:  # an applier refused data (e.g. an invalid holiday year)
                report = replace(report, errors=[*report.errors, f"应用平台数据失败：{exc}"])
            finished = self._clock.now()
            report = replace(report, finished_at=finished)
            with transaction(self._sf) as session:
                state = store.begin_write(session)
                state.last_error = "\n".join(report.errors)
                if report.ok:
                    state.last_good_sync_at = finished
            log.info("sync round: %s", report)
            return report

    def _round_trip(self, client: PlatformClient, report: SyncReport) -> SyncReport:
        hello = wire.Hello.from_dict(client.json("GET", "/hello"))
        if not hello.protocol_min <= wire.PROTOCOL <= hello.protocol_max:
            return replace(
                report, errors=["本程序的同步协议版本与平台不兼容，请升级程序（待同步记录保留在本机）"]
            )
        report = self._after_hello(hello, report)
        with read_only(self._sf) as session:
            state = store.read_state(session)
            assert state is not None
            device_id, offset = state.device_id, state.clock_offset_s
        staff = hello.device_kind == "staff"  # a display device (kiosk PC) only receives
        if staff:
            report = self._numbers(client, report)
            report = self._push(client, device_id, offset, report)
        report = self._pull(client, hello, report)
        if report.ok and staff:
            self._share_site()  # what it queues goes at the next round
        self._report_status(client, device_id)
        return report

    def _after_hello(self, hello: wire.Hello, report: SyncReport) -> SyncReport:
        server_time = datetime.fromisoformat(hello.server_time)
        offset = int((self._clock.now() - server_time).total_seconds())
        with transaction(self._sf) as session:
            # What the platform announces about this device and its public pages (QR codes).
            if hello.public_base_url and self._settings.get("public_base_url") != hello.public_base_url:
                self._settings.set("public_base_url", hello.public_base_url, session)
            if hello.device_kind and self._settings.get("sync_device_kind") != hello.device_kind:
                self._settings.set("sync_device_kind", hello.device_kind, session)
            state = store.begin_write(session)
            state.clock_offset_s = offset
            if hello.device_last_applied > store.max_device_seq(session, state.device_id):
                # The platform has applied more of this device's ops than this database ever
                # numbered: the database is an older copy. Re-numbering under a new device id keeps
                # its queued changes from being mistaken for duplicates.
                log.warning("device %s is behind the server; renumbering", state.device_id)
                store.renumber(session, state)
            elif state.server_epoch and state.server_epoch != hello.server_epoch:
                requeued = store.requeue_after(session, state.device_id, hello.device_last_applied)
                store.reset_cursors(session)
                report = replace(report, epoch_reset=True, requeued=requeued)
                log.warning("server epoch changed; %d ops re-queued, cursors reset", requeued)
            state.server_epoch = hello.server_epoch
        return report

    # -- numbers people see ------------------------------------------------------------------------

    def _numbers(self, client: PlatformClient, report: SyncReport) -> SyncReport:
        """Lease request numbers when used up and give provisional requests their final numbers,
        before anything is pushed (docs/sync-replication.md, "Number allocation")."""
        with transaction(self._sf) as session:
            store.begin_write(session)
            replica_numbers.finalize(session)
            wanted = replica_numbers.needs(session, self._clock.today().year)
        for need in wanted:
            try:
                block = client.json(
                    "POST",
                    "/numbers",
                    {
                        "series": wire.SERIES_REQUEST,
                        "year": need.year,
                        "count": need.count,
                        "at_least": need.at_least,
                    },
                )
                start, end = int(block["start"]), int(block["end"])
            except (ServerRefused, KeyError, TypeError, ValueError) as exc:
                return replace(report, errors=[*report.errors, f"未能从平台取得申请编号：{exc}"])
            if start < need.at_least or end < start:
                return replace(report, errors=[*report.errors, "平台发来的申请编号段无效"])
            with transaction(self._sf) as session:
                store.begin_write(session)
                replica_numbers.store_lease(session, need.year, start, end)
                replica_numbers.finalize(session)
        return report

    def _share_site(self) -> int:
        """Once per device, after a complete pull with a site key: queue every record the platform
        does not yet hold sealed (they go at the next round; docs/sync-replication.md)."""
        with transaction(self._sf) as session:
            state = store.begin_write(session)
            if state.site_shared_at is not None or replica_track.site_key(session) is None:
                return 0
            queued = replica_track.share_site(session)
            state.site_shared_at = self._clock.now()
        log.info("site shared: %d records queued sealed", queued)
        return queued

    # -- push ---------------------------------------------------------------------------------------

    def _push(self, client: PlatformClient, device_id: str, offset: int, report: SyncReport) -> SyncReport:
        suspect = abs(offset) > CLOCK_WARN_SECONDS
        stalled = 0
        while stalled < 3:
            with transaction(self._sf) as session:
                store.begin_write(session)
                batch = store.next_batch(session, device_id, wire.PUSH_BATCH)
                keys = [f"{e.entity}:{e.entity_uuid}" for e, _ in batch]
                bases = store.base_versions(session, keys)
            if not batch:
                break
            ops: list[wire.PushOp] = []
            size = 0
            for i, (entry, seq) in enumerate(batch):
                # Batches stay well under the platform's body limit (wire.MAX_PUSH_BYTES): what does
                # not fit goes in the next batch, in order (its seq is already fixed).
                size += len(entry.payload.encode("utf-8")) + 512
                if ops and size > wire.PUSH_TARGET_BYTES:
                    batch = batch[:i]
                    break
                payload = json.loads(entry.payload)
                refs = [str(s) for s in payload.get("blob_refs", [])] if isinstance(payload, dict) else []
                for sha in refs:
                    self._upload_blob(client, sha)
                ops.append(
                    wire.PushOp(
                        op_id=entry.op_id,
                        seq=seq,
                        entity=entry.entity,
                        entity_uuid=entry.entity_uuid,
                        op=entry.op,
                        payload=payload,
                        payload_sha256=wire.payload_sha256(payload),
                        base_version=bases.get(f"{entry.entity}:{entry.entity_uuid}"),
                        device_time=entry.created_at.isoformat(timespec="seconds"),
                        clock_suspect=suspect,
                        blob_refs=refs,
                    )
                )
            request = wire.PushRequest(device_id, wire.PROTOCOL, ops)
            response = wire.PushResponse.from_dict(client.json("POST", "/push", request.to_dict()))
            by_seq = {seq: entry for entry, seq in batch}
            with transaction(self._sf) as session:
                store.begin_write(session)
                entries = {
                    e.seq: e
                    for e in session.execute(
                        select(OutboxEntry).where(OutboxEntry.seq.in_([e.seq for e in by_seq.values()]))
                    ).scalars()
                }
                counts = store.record_results(
                    session,
                    {s: entries[e.seq] for s, e in by_seq.items()},
                    response.results,
                    self._clock.now(),
                )
                gap = next((r for r in response.results if r.status == wire.GAP), None)
                if gap is not None and gap.expected is not None:
                    # The server is missing ops we had counted as delivered (restored without a new
                    # epoch): send them again from where it stands.
                    store.requeue_after(session, device_id, gap.expected - 1)
            report = replace(
                report,
                pushed=report.pushed + len(ops),
                applied=report.applied + counts[wire.APPLIED],
                duplicates=report.duplicates + counts[wire.DUPLICATE],
                rejected=report.rejected + counts[wire.REJECTED],
                conflicts=report.conflicts + counts[wire.CONFLICT],
            )
            retry = next((r for r in response.results if r.status == wire.RETRYABLE), None)
            if retry is not None:
                return replace(report, errors=[*report.errors, f"平台暂不能接收部分记录：{retry.message}"])
            decided = sum(counts.values())
            stalled = 0 if decided else stalled + 1
        if stalled:
            return replace(report, errors=[*report.errors, "推送没有进展，稍后将重试"])
        return report

    def store_blob(self, data: bytes) -> str:
        """Keep a file (e.g. a posting photo) in the local content-addressed store; returns its
        SHA-256, which an outbox payload lists under ``blob_refs`` so it is uploaded before the op."""
        sha = wire.sha256_hex(data)
        path = self._paths.blobs / sha
        if not path.exists():
            tmp = path.with_suffix(".part")
            tmp.write_bytes(data)
            tmp.replace(path)
        return sha

    def _upload_blob(self, client: PlatformClient, sha: str, chunk: int = 64 * 1024) -> None:
        """Resumable, idempotent upload: ask how much the server has, send the rest in chunks."""
        path = replica_applier.locate_blob(self._paths.blobs, sha)
        if path is None:
            raise SyncUnavailable(f"本机找不到附件 {sha[:12]}（记录保留，待附件恢复后再推送）")
        head = client.request_raw("HEAD", f"/blobs/{sha}")
        if head.status_code == 200:
            return
        data = path.read_bytes()
        offset = int(head.headers.get(wire.UPLOAD_OFFSET_HEADER, "0") or 0)
        for _ in range(len(data) // chunk + 8):
            piece = data[offset : offset + chunk]
            response = client.request_raw(
                "PUT",
                f"/blobs/{sha}",
                content=piece,
                headers={
                    wire.UPLOAD_OFFSET_HEADER: str(offset),
                    wire.UPLOAD_LENGTH_HEADER: str(len(data)),
                    "Content-Type": "application/octet-stream",
                },
            )
            try:
                answer = response.json()
            except ValueError:
                head = client.request_raw("HEAD", f"/blobs/{sha}")
                offset = int(head.headers.get(wire.UPLOAD_OFFSET_HEADER, "0") or 0)
                continue
            if answer.get("complete"):
                return
            offset = int(answer.get("offset", 0))
        raise SyncUnavailable(f"附件 {sha[:12]} 上传未完成")

    # -- pull ---------------------------------------------------------------------------------------

    def _pull(self, client: PlatformClient, hello: wire.Hello, report: SyncReport) -> SyncReport:
        paused: dict[str, str] = {}
        for bucket in wire.BUCKETS:
            if bucket in NEEDS_APPLIER and bucket not in self._appliers:
                paused[bucket] = ""
            elif hello.bucket_schema.get(bucket, 0) > wire.BUCKET_SCHEMA[bucket]:
                paused[bucket] = f"平台的“{bucket}”数据格式较新，请升级程序后再接收（推送不受影响）"
        for _ in range(10_000):
            with read_only(self._sf) as session:
                cursors = store.cursors(session)
            wanted = [{"name": b, "cursor": cursors.get(b, "")} for b in wire.BUCKETS if b not in paused]
            if not wanted:
                break
            page = self._fetch_page(client, wanted)
            for bucket, schema in page.bucket_schema.items():
                if bucket in wire.BUCKET_SCHEMA and schema > wire.BUCKET_SCHEMA[bucket]:
                    paused[bucket] = f"平台的“{bucket}”数据格式较新，请升级程序后再接收（推送不受影响）"
            changes = [c for c in page.changes if c.bucket not in paused]
            self._run_appliers(client, changes)
            site_rows = self._fresh_site_rows(client, changes)
            with transaction(self._sf) as session:
                state = store.begin_write(session)
                # The site's own records are applied in the transaction that records them in the
                # mirror and moves the cursor: applied and recorded together, or neither.
                outcome = self._apply_site(session, site_rows, state.device_id)
                store.store_rows(session, changes)
                for bucket, cursor in page.cursors.items():
                    if bucket not in paused:
                        store.set_cursor(session, bucket, cursor)
            report = replace(
                report,
                pulled=report.pulled + len(changes),
                replicated=report.replicated + len(outcome.applied),
                replicated_areas=report.replicated_areas | frozenset(outcome.areas),
            )
            if self.on_pulled is not None and changes:
                self.on_pulled(report.pulled)
            for bucket, checkpoint in page.checkpoints.items():
                if bucket not in paused and not self._checksum_matches(bucket, checkpoint):
                    self._repair(client, bucket)
                    report = replace(report, repaired=[*report.repaired, bucket])
            if not page.more:
                break
        errors = [reason for reason in paused.values() if reason]
        with transaction(self._sf) as session:
            store.begin_write(session)
            for bucket in wire.BUCKETS:
                row = session.get(SyncCursor, bucket)
                if row is None:
                    row = SyncCursor(bucket=bucket, cursor="", checksum_ok=True, paused_reason="")
                    session.add(row)
                row.paused_reason = paused.get(bucket, "")
        return replace(report, errors=[*report.errors, *errors]) if errors else report

    def _fetch_page(self, client: PlatformClient, wanted: list[dict[str, str]]) -> wire.PullResponse:
        for _ in range(3):
            page = wire.PullResponse.from_dict(
                client.json("POST", "/pull", {"buckets": wanted, "limit": wire.PULL_LIMIT})
            )
            if all(c.hash_ok() for c in page.changes):
                return page
            log.info("pulled page failed its row hashes; fetching it again")
        raise SyncUnavailable("平台发来的数据校验不符（已重试三次）")

    def _run_appliers(self, client: PlatformClient, changes: Sequence[wire.Change]) -> None:
        """Give each bucket's applier the rows newer than the mirror (before the mirror records them)."""
        by_bucket: dict[str, list[wire.Change]] = {}
        for c in changes:
            by_bucket.setdefault(c.bucket, []).append(c)
        for bucket, items in by_bucket.items():
            fn = self._appliers.get(bucket)
            if fn is None or bucket == wire.BUCKET_SITE:
                continue
            with read_only(self._sf) as session:
                local = store.mirror_versions(session, bucket, [c.key for c in items])
            fresh = [c for c in items if store.is_newer(c, local.get(c.key))]
            if fresh:
                fn([self._pulled_row(client, c) for c in fresh])

    def _pulled_row(self, client: PlatformClient, c: wire.Change) -> PulledRow:
        file: Path | None = None
        if c.bucket == wire.BUCKET_CATALOGUE and not c.deleted:
            file = self._download_release(client, c.data)
        if c.bucket == wire.BUCKET_POLICIES and not c.deleted:
            # A library row's files (original, attachments, 图解 images) are in the blob store
            # before the applier sees the row.
            refs = c.data.get("blob_refs", [])
            for sha in refs if isinstance(refs, list) else []:
                self._download_blob(client, str(sha))
        return PulledRow(c.bucket, c.entity, c.key, c.version, c.deleted, dict(c.data), file)

    def _download_blob(self, client: PlatformClient, sha: str) -> Path:
        """Fetch a public blob into ``DATA/blobs/<sha256>`` (verified; kept if already there)."""
        if len(sha) != 64 or any(ch not in "0123456789abcdef" for ch in sha):
            raise SyncUnavailable(f"平台发来的附件编号无效：{sha[:16]}")
        target = self._paths.blobs / sha
        if target.exists():
            return target
        response = client.request_raw("GET", f"/blobs/{sha}")
        if response.status_code != 200 or wire.sha256_hex(response.content) != sha:
            raise SyncUnavailable(f"附件 {sha[:12]} 下载不完整，稍后重试")
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".part")
        tmp.write_bytes(response.content)
        tmp.replace(target)
        return target

    def _download_release(self, client: PlatformClient, release: dict[str, Any]) -> Path:
        """Fetch a catalogue release file by SHA-256 into the data directory (verified)."""
        sha = str(release["sha256"])
        name = Path(str(release.get("filename") or "catalogue.xlsx")).name
        target = self._paths.blobs / "releases" / sha[:16] / name
        if target.exists() and wire.sha256_hex(target.read_bytes()) == sha:
            return target
        response = client.request_raw("GET", f"/blobs/{sha}")
        if response.status_code != 200 or wire.sha256_hex(response.content) != sha:
            raise SyncUnavailable(f"目录版本“{release.get('label', '')}”的文件下载不完整，稍后重试")
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".part")
        tmp.write_bytes(response.content)
        tmp.replace(target)
        return target

    def _fresh_site_rows(
        self, client: PlatformClient, changes: Sequence[wire.Change]
    ) -> list[replica_applier.Row]:
        """The site records newer than the mirror, with the files they name already downloaded
        (network outside the transaction that applies them)."""
        items = [c for c in changes if c.bucket == wire.BUCKET_SITE]
        if not items:
            return []
        with read_only(self._sf) as session:
            local = store.mirror_versions(session, wire.BUCKET_SITE, [c.key for c in items])
        fresh = [c for c in items if store.is_newer(c, local.get(c.key))]
        for c in fresh:
            refs = c.data.get("blob_refs", []) if "sealed" in c.data and not c.deleted else []
            for sha in refs if isinstance(refs, list) else []:
                if replica_applier.locate_blob(self._paths.blobs, str(sha)) is None:
                    self._download_blob(client, str(sha))
        return [replica_applier.Row(c.entity, c.key, c.version, c.deleted, dict(c.data)) for c in fresh]

    def _apply_site(
        self, session: Session, rows: Sequence[replica_applier.Row], device_id: str, *, force: bool = False
    ) -> replica_applier.Outcome:
        if not rows:
            return replica_applier.Outcome()
        outcome = replica_applier.apply_rows(
            session, rows, device_id=device_id, blobs=self._paths.blobs, force=force
        )
        extra = self._appliers.get(wire.BUCKET_SITE)
        if extra is not None and not force:
            # A further site applier runs here too, inside the transaction (it must not open one).
            extra([PulledRow(wire.BUCKET_SITE, r.entity, r.key, r.version, r.deleted, r.data) for r in rows])
        return outcome

    def _checksum_matches(self, bucket: str, checkpoint: wire.Checkpoint) -> bool:
        with read_only(self._sf) as session:
            count, checksum = store.local_checkpoint(session, bucket)
        return count == checkpoint.count and checksum == checkpoint.checksum

    def _repair(self, client: PlatformClient, bucket: str) -> None:
        """Make the mirror of ``bucket`` equal the server's (design: repair via /integrity)."""
        log.warning("bucket %s checksum mismatch; repairing from /integrity", bucket)
        rows: list[wire.Change] = []
        after = ""
        checkpoint: wire.Checkpoint | None = None
        while True:
            answer = client.json("GET", "/integrity", params={"bucket": bucket, "after": after})
            checkpoint = checkpoint or wire.Checkpoint.from_dict(answer["checkpoint"])
            rows.extend(wire.Change.from_dict(r) for r in answer["rows"])
            after = str(answer["next_after"])
            if not after:
                break
        if not all(r.hash_ok() for r in rows):
            raise SyncUnavailable("平台发来的核对数据校验不符")
        self._run_appliers(client, rows)
        site_rows = self._fresh_site_rows(client, rows)
        with read_only(self._sf) as session:
            state = store.read_state(session)
            epoch = state.server_epoch if state else ""
        top = max((r.server_seq for r in rows), default=0)
        with transaction(self._sf) as session:
            state = store.begin_write(session)
            self._apply_site(session, site_rows, state.device_id)
            store.replace_bucket(session, bucket, rows)
            store.set_cursor(
                session, bucket, wire.encode_cursor(epoch, bucket, max(top, checkpoint.through_seq))
            )

    def _report_status(self, client: PlatformClient, device_id: str) -> None:
        status = self.status()
        body = {
            "device_id": device_id,
            "queued": status.queued,
            "oldest_queued_age_seconds": status.oldest_queued_age_seconds,
            "conflicts": status.conflicts,
            "rejected": status.rejected,
            "clock_offset_seconds": status.clock_offset_seconds,
        }
        try:
            client.json("POST", "/status", body)
        except (SyncUnavailable, ServerRefused):
            log.info("status report not delivered (monitoring only)")

    # -- appliers -----------------------------------------------------------------------------------

    def _apply_holidays(self, rows: list[PulledRow]) -> None:
        """Holiday years from the platform, validated like an import, each replacing its whole year."""
        years = []
        for row in rows:
            if row.deleted:
                continue
            data = wire.canonical_json(row.data)
            years.extend(parse_holiday_bytes(data, f"{row.key}.json"))
        if years:
            self._holidays.store_years(years, actor="sync", source="city-platform")

    # -- what staff see -----------------------------------------------------------------------------

    def status(self) -> SyncStatus:
        url, token = self._config()
        now = self._clock.now()
        with read_only(self._sf) as session:
            state = store.read_state(session)
            last_error = state.last_error if state else ""
            offset = state.clock_offset_s if state else 0
            last_good = state.last_good_sync_at if state else None
            last_attempt = state.last_attempt_at if state else None
            device_id = state.device_id if state else ""
            # The queued entries only, found through the status index: counting every status read
            # all 60,000 entries of a five-year site (40 ms, twice at each window start).
            queued, oldest = session.execute(
                select(func.count(), func.min(OutboxEntry.created_at)).where(OutboxEntry.status == store.QUEUED)
            ).one()
            open_conflicts = session.execute(
                select(func.count()).select_from(SyncConflict).where(SyncConflict.resolved_at.is_(None))
            ).scalar()
            open_refusals = session.execute(
                select(func.count()).select_from(SyncRejection).where(SyncRejection.resolved_at.is_(None))
            ).scalar()
            paused = [r for r in session.execute(select(SyncCursor.paused_reason)).scalars() if r]
            problems = replica_applier.problems(session)
        errors = [e for e in last_error.split("\n") if e]
        errors += [p for p in paused if p not in errors]
        errors += problems
        if abs(offset) > CLOCK_WARN_SECONDS:
            errors.append(
                f"本机时钟与平台相差约 {_duration(abs(offset))}，请校准（数据照常记录，并标记时间存疑）"
            )
        age = None if oldest is None else max(0.0, (now - oldest).total_seconds())
        return SyncStatus(
            configured=bool(url and token),
            server_url=url,
            last_good_sync=last_good,
            last_attempt=last_attempt,
            queued=int(queued or 0),
            conflicts=int(open_conflicts or 0),
            rejected=int(open_refusals or 0),
            errors=errors,
            oldest_queued_age_seconds=age,
            clock_offset_seconds=offset,
            device_id=device_id,
            device_kind=str(self._settings.get("sync_device_kind") or "staff"),
        )

    def queue(self) -> list[QueuedItem]:
        """Changes waiting to reach the platform, oldest first."""
        with read_only(self._sf) as session:
            rows = session.execute(
                select(OutboxEntry).where(OutboxEntry.status == store.QUEUED).order_by(OutboxEntry.seq)
            ).scalars()
            return [
                QueuedItem(
                    e.seq,
                    e.op_id,
                    e.entity,
                    e.entity_uuid,
                    e.op,
                    title_of(_payload(e)),
                    e.created_at,
                    e.status,
                    e.attempts,
                    e.error,
                )
                for e in rows
            ]

    def conflicts(self) -> list[ConflictItem]:
        """Open conflicts: this workstation's version and the platform's, side by side."""
        with read_only(self._sf) as session:
            rows = session.execute(
                select(SyncConflict, OutboxEntry)
                .join(OutboxEntry, OutboxEntry.seq == SyncConflict.outbox_seq)
                .where(SyncConflict.resolved_at.is_(None))
                .order_by(SyncConflict.id)
            ).all()
            out = []
            for conflict, entry in rows:
                # The sealed box differs on every write (a fresh nonce): not a difference to show.
                mine = wire.without_sealed(_payload(entry))
                theirs = store.mirror_row(
                    session, wire.BUCKET_SITE, f"{conflict.entity}:{conflict.entity_uuid}"
                )
                theirs = None if theirs is None else wire.without_sealed(theirs)
                out.append(
                    ConflictItem(
                        conflict.uuid,
                        conflict.entity,
                        conflict.entity_uuid,
                        title_of(mine) or title_of(theirs or {}),
                        conflict.server_version,
                        mine,
                        theirs,
                        conflict.created_at,
                    )
                )
            return out

    def resolve(self, conflict_id: str, choice: str, *, actor: StaffUser) -> None:
        """Settle a conflict: "mine" sends this workstation's version again (now based on the
        platform's), "theirs" keeps the platform's version. One transaction, audited."""
        authorize(actor, "sync.resolve")
        if choice not in ("mine", "theirs"):
            raise InputError(f"处理方式：应为 mine（保留本机）或 theirs（采用平台），实为“{choice}”")
        with transaction(self._sf) as session:
            conflict = session.execute(
                select(SyncConflict).where(SyncConflict.uuid == conflict_id)
            ).scalar_one_or_none()
            if conflict is None:
                raise NotFoundError(f"没有编号为 {conflict_id} 的同步冲突")
            if conflict.resolved_at is not None:
                raise StateError("这条同步冲突已经处理过了")
            entry = session.get(OutboxEntry, conflict.outbox_seq)
            assert entry is not None
            conflict.resolved_at = self._clock.now()
            conflict.resolution = choice
            conflict.resolved_by = actor.name
            if choice == "mine":
                outbox.enqueue(
                    session,
                    entity=entry.entity,
                    entity_uuid=entry.entity_uuid,
                    op=entry.op,
                    payload=_payload(entry),
                )
            audit.record(
                session,
                actor=actor.name,
                action="sync.conflict.resolve",
                entity=entry.entity,
                entity_uuid=entry.entity_uuid,
                detail={"choice": choice, "server_version": conflict.server_version},
            )
            key = f"{entry.entity}:{entry.entity_uuid}"
            mirrored = session.get(SyncRow, (wire.BUCKET_SITE, key))
            if choice == "theirs" and mirrored is not None and not mirrored.deleted:
                # The platform's version becomes this PC's, in the transaction that settles the
                # conflict (its sealed box holds the other PC's whole record).
                state = store.begin_write(session)
                theirs = replica_applier.Row(
                    entry.entity, key, mirrored.version, False, json.loads(mirrored.data)
                )
                self._apply_site(session, [theirs], state.device_id, force=True)

    def rejected(self) -> list[RejectedItem]:
        """Changes the platform refused and that are still to be fixed, with its reason (later
        changes were not held up; one accepted later for the same record resolves a refusal)."""
        with read_only(self._sf) as session:
            return self._rejected(session)

    def refusal_for(self, entity: str, entity_uuid: str) -> RejectedItem | None:
        """The newest open refusal of one record (shown on the record's own detail), if any."""
        with read_only(self._sf) as session:
            found = self._rejected(
                session, OutboxEntry.entity == entity, OutboxEntry.entity_uuid == entity_uuid
            )
        return found[-1] if found else None

    def _rejected(self, session: Session, *where: Any) -> list[RejectedItem]:
        rows = session.execute(
            select(OutboxEntry, SyncRejection)
            .join(SyncRejection, SyncRejection.outbox_seq == OutboxEntry.seq)
            .where(OutboxEntry.status == store.REJECTED, SyncRejection.resolved_at.is_(None), *where)
            .order_by(OutboxEntry.seq)
        ).all()
        return [
            RejectedItem(
                e.seq,
                e.op_id,
                e.entity,
                e.entity_uuid,
                title_of(_payload(e)),
                r.code,
                r.message,
                r.rejected_at,
            )
            for e, r in rows
        ]


def _duration(seconds: int) -> str:
    if seconds >= 86400:
        return f"{seconds // 86400} 天"
    if seconds >= 3600:
        return f"{seconds // 3600} 小时"
    return f"{max(1, seconds // 60)} 分钟"


def _payload(entry: OutboxEntry) -> dict[str, Any]:
    try:
        data = json.loads(entry.payload)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
