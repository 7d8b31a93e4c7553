"""The numbers people see, unique across a site's PCs: blocks leased from the platform.

A request number (依申请〔2026〕第0024号) is printed on the receipt the applicant takes home, so two
PCs must never give the same one, also offline on the same day. Rules (docs/sync-replication.md,
"Number allocation"):

* A site without a site key (one PC, no replication) numbers as before: local highest + 1.
* A replicating PC takes the next number of its lease, a block the platform reserved for this
  device alone (``POST /sync/v1/numbers``); the first block starts at least at the local highest + 1,
  so numbers given before replication are never reused.
* A PC with no number left (offline, its block used up, or a new year) gives a **provisional**
  number, 依申请〔2026〕临时3F2A1-01号, unique by this device's tag; the next sync leases a block
  and replaces it with a final number (audited), before the request leaves this PC.
* Each sync refills the lease when it is used up (numbers are never skipped).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit, outbox
from app.requests.rules import PROVISIONAL_PER_TAG, format_number
from app.sync import store, wire
from app.sync.replica import track
from db.models import InfoRequest, NumberLease, OutboxEntry, SyncPush

#: Numbers reserved at a time (a township hall registers a few requests a week).
BLOCK = 20
#: Provisional sequence numbers are negative: -(device tag * PER_TAG + n).
PER_TAG = PROVISIONAL_PER_TAG


def _local_max(session: Session, year: int) -> int:
    value = session.execute(
        select(func.max(InfoRequest.seq)).where(InfoRequest.year == year, InfoRequest.seq > 0)
    ).scalar()
    return int(value or 0)


def allocate(session: Session, year: int) -> int:
    """The sequence number of a new request of ``year`` (in the intake's transaction)."""
    if track.site_key(session) is None:
        return _local_max(session, year) + 1
    taken = _take(session, year)
    if taken is not None:
        return taken
    return _provisional(session, year)


def _take(session: Session, year: int) -> int | None:
    lease = session.get(NumberLease, (wire.SERIES_REQUEST, year))
    if lease is None or lease.next_value > lease.end_value:
        return None
    seq = lease.next_value
    lease.next_value = seq + 1
    return seq


def _provisional(session: Session, year: int) -> int:
    state = store.begin_write(session)
    tag = int(state.device_id.replace("-", "")[:5], 16)
    low = -(tag * PER_TAG + PER_TAG - 1)
    used = session.execute(
        select(func.count())
        .select_from(InfoRequest)
        .where(InfoRequest.year == year, InfoRequest.seq <= -(tag * PER_TAG), InfoRequest.seq >= low)
    ).scalar()
    n = int(used or 0) + 1
    if n >= PER_TAG:
        raise RuntimeError("too many provisional request numbers on this device")
    return -(tag * PER_TAG + n)


@dataclass(frozen=True)
class Need:
    """A block to ask the platform for."""

    year: int
    count: int
    at_least: int


def needs(session: Session, this_year: int) -> list[Need]:
    """The blocks this PC should lease now: this year's when used up, and any year with
    provisional numbers waiting for final ones."""
    if track.site_key(session) is None:
        return []
    waiting: dict[int, int] = {
        int(year): int(count)
        for year, count in session.execute(
            select(InfoRequest.year, func.count()).where(InfoRequest.seq < 0).group_by(InfoRequest.year)
        ).all()
    }
    out = []
    for year in sorted({this_year, *waiting}):
        lease = session.get(NumberLease, (wire.SERIES_REQUEST, year))
        left = 0 if lease is None else max(0, lease.end_value - lease.next_value + 1)
        if left == 0 or left < waiting.get(year, 0):
            out.append(Need(year, BLOCK + waiting.get(year, 0), _local_max(session, year) + 1))
    return out


def store_lease(session: Session, year: int, start: int, end: int) -> None:
    """Keep a block the platform reserved. A block right after the current one extends it; any
    other replaces it (``finalize`` has used the old block's numbers for the provisional requests
    first, so a block is only asked for when the old one is used up: nothing is skipped)."""
    lease = session.get(NumberLease, (wire.SERIES_REQUEST, year))
    if lease is None:
        session.add(NumberLease(series=wire.SERIES_REQUEST, year=year, next_value=start, end_value=end))
    elif lease.next_value <= lease.end_value and start == lease.end_value + 1:
        lease.end_value = end
    else:
        lease.next_value, lease.end_value = start, end


def finalize(session: Session) -> list[str]:
    """Replace provisional numbers by leased ones (oldest first); returns the new numbers.

    The request's entries not yet sent carry the final number too (they leave this PC with it),
    and a new entry carries the change; audited as ``request.renumber``."""
    done: list[str] = []
    rows = session.execute(select(InfoRequest).where(InfoRequest.seq < 0).order_by(InfoRequest.id)).scalars()
    for row in list(rows):
        seq = _take(session, row.year)
        if seq is None:
            continue
        old = row.number
        row.seq = seq
        row.number = format_number(row.year, seq)
        unsent = session.execute(
            select(OutboxEntry)
            .outerjoin(SyncPush, SyncPush.outbox_seq == OutboxEntry.seq)
            .where(
                OutboxEntry.entity == "request",
                OutboxEntry.entity_uuid == row.uuid,
                OutboxEntry.status == "queued",
                SyncPush.outbox_seq.is_(None),
            )
        ).scalars()
        entries = list(unsent)
        for entry in entries:
            payload = json.loads(entry.payload)
            payload["number"] = row.number
            entry.payload = outbox.dumps(payload)
            session.info.setdefault(outbox.NEW_ENTRIES, []).append(entry)
        if not entries:  # it left this PC provisional: the platform and the other PCs learn the change
            payload = track.last_payload(session, "request", row.uuid)
            payload["number"] = row.number
            outbox.enqueue(session, entity="request", entity_uuid=row.uuid, op="upsert", payload=payload)
        audit.record(
            session,
            actor="sync",
            action="request.renumber",
            entity="request",
            entity_uuid=row.uuid,
            detail={"from": old, "to": row.number},
        )
        done.append(row.number)
    return done
