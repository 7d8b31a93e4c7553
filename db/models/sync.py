"""Sync bookkeeping on the site: device identity, per-device op sequence, cursors, the mirror of
pulled rows, conflicts and rejected ops (see docs/ARCHITECTURE.md, "Sync")."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, UUIDMixin, utcnow


class SyncState(Base):
    """The one row of sync state: this workstation's device id, the server's epoch, last results."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    server_epoch: Mapped[str] = mapped_column(String(64), default="")
    last_attempt_at: Mapped[datetime | None] = mapped_column(nullable=True)
    last_good_sync_at: Mapped[datetime | None] = mapped_column(nullable=True)
    last_error: Mapped[str] = mapped_column(Text, default="")
    clock_offset_s: Mapped[int] = mapped_column(Integer, default=0)
    #: When this device first queued every record the platform did not yet hold sealed (the first
    #: round with a site key after a complete pull; docs/sync-replication.md, "Sharing the site").
    site_shared_at: Mapped[datetime | None] = mapped_column(nullable=True, default=None)


class SyncPush(Base):
    """The device sequence number given to an outbox entry when it is first pushed (gapless per
    device; fixed for every re-send, so the server recognises a re-send as a duplicate)."""

    __tablename__ = "sync_push"
    __table_args__ = (UniqueConstraint("device_id", "device_seq"),)

    outbox_seq: Mapped[int] = mapped_column(ForeignKey("outbox_entry.seq"), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    device_seq: Mapped[int] = mapped_column(BigInteger)
    acked_at: Mapped[datetime | None] = mapped_column(nullable=True)
    server_version: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class SyncCursor(Base):
    """How far each pull bucket has been applied (moved in the same transaction as the data)."""

    __tablename__ = "sync_cursor"

    bucket: Mapped[str] = mapped_column(String(32), primary_key=True)
    cursor: Mapped[str] = mapped_column(Text, default="")
    checksum_ok: Mapped[bool] = mapped_column(Boolean, default=True)
    paused_reason: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class SyncRow(Base):
    """The local mirror of a pulled row (version, hash and data), which checksums are compared with."""

    __tablename__ = "sync_row"

    bucket: Mapped[str] = mapped_column(String(32), primary_key=True)
    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    entity: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(BigInteger)
    server_seq: Mapped[int] = mapped_column(BigInteger)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[str] = mapped_column(Text)
    row_hash: Mapped[int] = mapped_column(BigInteger)


class SyncConflict(UUIDMixin, Base):
    """A local change the platform could not apply because another workstation changed the record
    first: both versions are kept until a person chooses (never silently overwritten)."""

    __tablename__ = "sync_conflict"

    id: Mapped[int] = mapped_column(primary_key=True)
    outbox_seq: Mapped[int] = mapped_column(ForeignKey("outbox_entry.seq"), unique=True)
    entity: Mapped[str] = mapped_column(String(64))
    entity_uuid: Mapped[str] = mapped_column(String(36))
    server_version: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(nullable=True)
    resolution: Mapped[str] = mapped_column(String(16), default="")
    resolved_by: Mapped[str] = mapped_column(String(64), default="")


class SyncRejection(Base):
    """Why the platform permanently refused an outbox entry (shown to staff; later ops went on)."""

    __tablename__ = "sync_rejection"

    outbox_seq: Mapped[int] = mapped_column(ForeignKey("outbox_entry.seq"), primary_key=True)
    code: Mapped[str] = mapped_column(String(64))
    message: Mapped[str] = mapped_column(Text)
    rejected_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: When a later change of the same record was accepted (the problem was fixed); open while None.
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)


class ReplicaProblem(Base):
    """A pulled site record this device could not apply (no site key, a box that does not open, an
    unknown record type, a unique number taken): shown on the Sync page until a later version of
    the same record applies (docs/sync-replication.md, "Apply rules")."""

    __tablename__ = "replica_problem"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)
    message: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(default=utcnow)


class NumberLease(Base):
    """A block of numbers of one series and year the platform reserved for this device
    (``next_value`` .. ``end_value`` inclusive; empty when next > end). See
    docs/sync-replication.md, "Number allocation"."""

    __tablename__ = "number_lease"

    series: Mapped[str] = mapped_column(String(32), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    next_value: Mapped[int] = mapped_column(Integer)
    end_value: Mapped[int] = mapped_column(Integer)
