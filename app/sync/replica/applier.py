"""Applying pulled site records on a staff PC, inside the sync transaction that records them.

Rules (docs/sync-replication.md, "Apply rules"), per pulled row of the site bucket:

* a row without ``sealed`` (pushed by a PC that had no site key) carries nothing to apply;
* this device's own change coming back (the version the platform gave our push) is skipped;
* a record with a local change not yet accepted by the platform (queued, or in an open conflict) is
  left alone: the local change is pushed and the platform decides (a conflict a person resolves);
* otherwise the sealed box is opened and the aggregate applied (``snapshot.apply``) in a savepoint:
  a row that cannot be applied (no key, another key, an unknown kind, a number already taken here)
  becomes a ``ReplicaProblem`` shown on the Sync page, and the round goes on.

On a display device (the hall's kiosk PC) the rows are the platform's public display views instead,
applied by ``app.sync.replica.display``.

Nothing applied queues an outbox entry (``track.APPLYING``). Files named in ``blob_refs`` are
downloaded by the sync service before the transaction; posting photos are then put where the
notices capability keeps them (``blobs/<sha[:2]>/<sha><ext>``).
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, exists, select
from sqlalchemy.exc import IntegrityError, OperationalError, StatementError
from sqlalchemy.orm import Session

from app import changes
from app.sync import sitekey
from app.sync.replica import display, track
from app.sync.replica.aggregates import AGGREGATES, Aggregate
from app.sync.replica.snapshot import apply
from db.models import OutboxEntry, ReplicaProblem, SyncConflict, SyncPush

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Row:
    """What the applier needs of one pulled row."""

    entity: str
    key: str
    version: int
    deleted: bool
    data: dict[str, Any]


@dataclass
class Outcome:
    applied: list[str] = field(default_factory=list)
    areas: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)


def apply_rows(
    session: Session, rows: Sequence[Row], *, device_id: str, blobs: Path, force: bool = False
) -> Outcome:
    """Apply ``rows`` in the caller's transaction; ``force`` applies even over a local pending
    change (a person chose the platform's version of a conflict)."""
    outcome = Outcome()
    session.flush()
    key = track.site_key(session)
    session.info[track.APPLYING] = True
    try:
        if display.is_display(session):
            # The hall's kiosk PC gets display views, never sealed boxes (app.sync.replica.display).
            def problem(row: display.PulledView, message: str) -> None:
                _problem(session, Row(row.entity, row.key, row.version, row.deleted, {}), message)
                outcome.problems.append(row.key)

            outcome.applied, outcome.areas = display.apply_views(session, rows, problem)
            return outcome
        for row in rows:
            _one(session, row, key, device_id, blobs, force, outcome)
        session.flush()
    finally:
        session.info.pop(track.APPLYING, None)
    return outcome


def _one(
    session: Session, row: Row, key: bytes | None, device_id: str, blobs: Path, force: bool, outcome: Outcome
) -> None:
    sealed = row.data.get(track.SEALED)
    uuid = row.key.partition(":")[2]
    if row.deleted or not isinstance(sealed, str):
        return
    agg = AGGREGATES.get(row.entity)
    if agg is None:
        _problem(session, row, f"本程序不认识“{row.entity}”类记录，请升级程序后再接收")
        outcome.problems.append(row.key)
        return
    if not force and (_own_echo(session, row, uuid, device_id) or _pending(session, row.entity, uuid)):
        return
    if key is None:
        _problem(session, row, "本机没有站点密钥，无法接收本站点其他电脑的记录（请通过邀请加入站点）")
        outcome.problems.append(row.key)
        return
    try:
        snap = sitekey.unseal(key, row.entity, uuid, sealed)
    except sitekey.SiteKeyError as exc:
        _problem(session, row, str(exc))
        outcome.problems.append(row.key)
        return
    try:
        with session.begin_nested():
            apply(
                session, agg, snap, lambda local, incoming: _local_wins(session, agg.entity, local, incoming)
            )
    except OperationalError:
        raise  # the database itself failed (locked, disk full): the round's error, retried later
    except (StatementError, ValueError, KeyError, TypeError) as exc:
        log.warning("site record %s v%s not applied: %s", row.key, row.version, exc)
        _problem(session, row, _why(exc))
        outcome.problems.append(row.key)
        return
    session.execute(delete(ReplicaProblem).where(ReplicaProblem.key == row.key))
    _place_photos(agg, snap, blobs)
    changes.note(agg.entity, uuid, "sync.apply")
    outcome.applied.append(row.key)
    outcome.areas.add(agg.area or agg.entity)


def _local_wins(session: Session, entity: str, local: str, incoming: str) -> bool:
    """One record made on two PCs under two uuids (a "clerk" account created on each): the one
    the platform has, or will have (an outbox entry queued or accepted), and of those the smaller
    uuid, wins on every PC. A row never queued (a fresh PC's first admin) yields to the site's."""
    if local > incoming:
        return False
    return bool(
        session.execute(
            select(
                exists().where(
                    OutboxEntry.entity == entity,
                    OutboxEntry.entity_uuid == local,
                    OutboxEntry.status.in_(("queued", "acked")),
                )
            )
        ).scalar()
    )


def _why(exc: Exception) -> str:
    if isinstance(exc, IntegrityError):
        return "与本机已有记录的唯一编号冲突（例如同一申请编号），未应用；请在同步页查看"
    return f"记录内容无法应用：{type(exc).__name__}"


def _own_echo(session: Session, row: Row, uuid: str, device_id: str) -> bool:
    """Our own push of this very version coming back."""
    return bool(
        session.execute(
            select(
                exists().where(
                    SyncPush.outbox_seq == OutboxEntry.seq,
                    SyncPush.device_id == device_id,
                    SyncPush.server_version == row.version,
                    OutboxEntry.entity == row.entity,
                    OutboxEntry.entity_uuid == uuid,
                )
            )
        ).scalar()
    )


def _pending(session: Session, entity: str, uuid: str) -> bool:
    queued = session.execute(
        select(
            exists().where(
                OutboxEntry.entity == entity, OutboxEntry.entity_uuid == uuid, OutboxEntry.status == "queued"
            )
        )
    ).scalar()
    conflict = session.execute(
        select(
            exists().where(
                SyncConflict.entity == entity,
                SyncConflict.entity_uuid == uuid,
                SyncConflict.resolved_at.is_(None),
            )
        )
    ).scalar()
    return bool(queued or conflict)


def _problem(session: Session, row: Row, message: str) -> None:
    found = session.get(ReplicaProblem, row.key)
    if found is None:
        session.add(ReplicaProblem(key=row.key, version=row.version, message=message))
    else:
        found.version = row.version
        found.message = message
    session.flush()


def _place_photos(agg: Aggregate, snap: dict[str, Any], blobs: Path) -> None:
    """Copy downloaded photos (``blobs/<sha>``) to where the notices capability reads them."""
    for table, sha_col, name_col in agg.photos:
        for row in snap.get("children", {}).get(table, []):
            sha = str(row.get(sha_col) or "")
            if not sha:
                continue
            suffix = Path(str(row.get(name_col) or "")).suffix.lower()
            target = blobs / sha[:2] / f"{sha}{suffix}"
            source = blobs / sha
            if target.exists() or not source.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(target.suffix + ".part")
            shutil.copyfile(source, tmp)
            tmp.replace(target)


def problems(session: Session) -> list[str]:
    """Open problems as lines for the Sync page."""
    return [
        f"本站点记录 {p.key}（第 {p.version} 版）未能在本机应用：{p.message}"
        for p in session.execute(select(ReplicaProblem).order_by(ReplicaProblem.key)).scalars()
    ]


def locate_blob(blobs: Path, sha: str) -> Path | None:
    """A local file by SHA-256: the sync layout (``blobs/<sha>``) or the notices' photo layout."""
    plain = blobs / sha
    if plain.exists():
        return plain
    folder = blobs / sha[:2]
    if folder.is_dir():
        for candidate in sorted(folder.glob(f"{sha}.*")):
            if not candidate.name.endswith(".part"):
                return candidate
    return None
