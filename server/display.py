"""What a display device (the hall's kiosk PC) receives: only what the kiosk shows.

A display device is invited with ``gongkai device invite --display`` (docs/sync-devices.md). The
kiosk is a public machine standing in the hall, so its copy of the site holds nothing a member of
the public may not read: published notices in their posting period (already masked by the site),
events without registrations, the catalogue and its disclosures, the policy library, and the few
settings the kiosk needs (idle time, the exit PIN's hash, language, the public address: shown as
their clear ``key`` and ``value``). Requests,
posting evidence, drafts, staff accounts and every ``sealed`` box (a record's private form, under the
site key) never reach it.

Each row is given a deterministic *display view*: shown (fields stripped, row hash recomputed) or
hidden (a tombstone with no data). The view keeps every key, so the display device's checkpoint is
computed over the same views (``checkpoint``) and the usual checksum comparison and
``/integrity`` repair work unchanged. A notice whose posting period ends changes its view without a
new ``server_seq``; the next checkpoint differs and the device repairs the bucket, dropping it.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

import app.sync.wire as wire
from server.models import BucketRow

#: Fields that never reach a display device, in any row.
PRIVATE_FIELDS = frozenset({"sealed", "registrations", "registrants", "attendees", "sign_ins"})
#: Entities the kiosk shows whole (less the private fields).
PUBLIC_ENTITIES = frozenset(
    {"catalogue_item", "catalogue_disclosure", "policy_document", "policy_interpretation",
     "catalogue_release", "holiday_year"}
)  # fmt: skip
#: Settings the kiosk needs (their ``key`` and ``value`` travel in clear beside ``sealed``,
#: wire.KIOSK_SETTINGS); any other setting row is hidden.
KIOSK_SETTINGS = wire.KIOSK_SETTINGS
#: The hall's calendar day (posting periods are dates in China Standard Time).
CHINA = timedelta(hours=8)


class Filter:
    """The display view of rows at one moment (``now``: whether a posting period has begun/ended)."""

    def __init__(self, now: datetime) -> None:
        self.today = (now + CHINA).date().isoformat()

    def view(self, entity: str, deleted: bool, data: dict[str, Any]) -> dict[str, Any] | None:
        """The data the display device gets, or None when the row is hidden from it."""
        if deleted:
            return None
        if entity == "notice":
            if data.get("status") != "published":
                return None
            start, end = str(data.get("period_start") or ""), str(data.get("period_end") or "")
            if (start and start > self.today) or (end and end < self.today):
                return None
        elif entity == "event":
            if data.get("status") in ("draft", "") or data.get("status") is None:
                return None
        elif entity == "setting":
            if data.get("key") not in KIOSK_SETTINGS:
                return None
        elif entity not in PUBLIC_ENTITIES:
            return None  # requests, posting evidence, staff accounts, anything new: not shown
        return {k: v for k, v in data.items() if k not in PRIVATE_FIELDS}

    def change(self, row: BucketRow) -> dict[str, Any]:
        """``store.change_of`` for a display device."""
        data = json.loads(row.data)
        shown = self.view(row.entity, row.deleted, data)
        deleted = shown is None
        out = shown if shown is not None else {}
        return {
            "bucket": row.bucket,
            "entity": row.entity,
            "key": row.key,
            "version": row.version,
            "server_seq": row.server_seq,
            "deleted": deleted,
            "data": out,
            "row_hash": self._hash(row, deleted, out, data),
        }

    @staticmethod
    def _hash(row: BucketRow, deleted: bool, out: dict[str, Any], data: dict[str, Any]) -> int:
        if deleted == row.deleted and out == data:
            return row.row_hash  # unchanged view: the stored hash
        return wire.row_hash(row.entity, row.key, row.version, deleted, out)

    def checkpoint(self, session: Session, bucket: str, scope: str) -> dict[str, int]:
        """``store.checkpoint`` over the display views (one pass over the bucket)."""
        count = total = top = 0
        for row in session.execute(
            select(BucketRow).where(BucketRow.bucket == bucket, BucketRow.scope == scope)
        ).scalars():
            count += 1
            total += int(self.change(row)["row_hash"])
            top = max(top, row.server_seq)
        return {"through_seq": top, "count": count, "checksum": total % 2**32}
