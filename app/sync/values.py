"""What the sync service hands to the UI and CLI: frozen values, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

#: |clock offset| above this many seconds shows a warning and flags new ops ``clock_suspect``
#: (design §3, clock skew: warn, never block data capture).
CLOCK_WARN_SECONDS = 300


@dataclass(frozen=True)
class SyncReport:
    """One round: what was pushed and pulled, and what went wrong (``ok`` is False on any error)."""

    started_at: datetime
    finished_at: datetime
    pushed: int = 0
    applied: int = 0
    duplicates: int = 0
    rejected: int = 0
    conflicts: int = 0
    pulled: int = 0
    repaired: list[str] = field(default_factory=list)
    epoch_reset: bool = False
    requeued: int = 0
    errors: list[str] = field(default_factory=list)
    #: Records of this site made on its other PCs and applied here, and the areas they belong to
    #: (the staff window refreshes the views watching them).
    replicated: int = 0
    replicated_areas: frozenset[str] = frozenset()

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar, the Sync page and the Today page show."""

    configured: bool
    server_url: str
    last_good_sync: datetime | None
    last_attempt: datetime | None
    queued: int
    conflicts: int
    rejected: int
    errors: list[str]
    oldest_queued_age_seconds: float | None
    clock_offset_seconds: int
    device_id: str
    device_kind: str = "staff"  # "display": the kiosk PC, which only receives

    @property
    def clock_suspect(self) -> bool:
        return abs(self.clock_offset_seconds) > CLOCK_WARN_SECONDS


@dataclass(frozen=True)
class QueuedItem:
    seq: int
    op_id: str
    entity: str
    entity_uuid: str
    op: str
    title: str
    created_at: datetime
    status: str
    attempts: int
    error: str


@dataclass(frozen=True)
class ConflictItem:
    uuid: str
    entity: str
    entity_uuid: str
    title: str
    server_version: int
    mine: dict[str, Any]
    theirs: dict[str, Any] | None
    created_at: datetime


@dataclass(frozen=True)
class RejectedItem:
    seq: int
    op_id: str
    entity: str
    entity_uuid: str
    title: str
    code: str
    message: str
    rejected_at: datetime


@dataclass(frozen=True)
class PulledRow:
    """A pulled row handed to a bucket's applier; ``file`` is the downloaded blob (catalogue releases)."""

    bucket: str
    entity: str
    key: str
    version: int
    deleted: bool
    data: dict[str, Any]
    file: Path | None = None


def title_of(payload: dict[str, Any]) -> str:
    """A short human label for a record (title, number or name), for lists."""
    for key in ("title", "number", "name", "label"):
        value = payload.get(key)
        if value:
            return str(value)
    return ""
