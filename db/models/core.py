"""Base entities: the site, its staff, the append-only audit log, settings, holidays and the sync outbox."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, TimestampMixin, UUIDMixin, utcnow


class Site(UUIDMixin, TimestampMixin, Base):
    """The township or street office whose zone this database serves (one per database)."""

    __tablename__ = "site"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    district: Mapped[str] = mapped_column(String(200), default="")
    zone_location: Mapped[str] = mapped_column(String(300), default="")
    supervision_phone: Mapped[str] = mapped_column(String(64), default="")


class User(UUIDMixin, TimestampMixin, Base):
    """A staff member who signs in; roles are a comma-separated subset of app.users.Role.

    ``name`` is kept as typed; ``name_key`` is its case-folded form (app.users.name_key), unique, so
    "Admin" and "admin" are one account and either spelling signs in.
    """

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    name_key: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    roles: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class SignInFailure(Base):
    """A failed sign-in for a typed user name (known or not), kept until that name signs in or for
    a day; app.lockout decides the wait from them. The audit log has the same events for people."""

    __tablename__ = "sign_in_failure"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_key: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEntry(Base):
    """One append-only audit record; each holds the SHA-256 of the previous one (a hash chain)."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64))
    entity_uuid: Mapped[str] = mapped_column(String(36), default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Setting(Base):
    """A business preference (JSON value) keyed by name; UI state lives in QSettings instead."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class HolidayYear(Base):
    """A year for which official holiday data is loaded, and where it came from."""

    __tablename__ = "holiday_year"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    source: Mapped[str] = mapped_column(String(200))
    loaded_at: Mapped[datetime] = mapped_column(default=utcnow)
    days: Mapped[list[Holiday]] = relationship(
        back_populates="holiday_year", cascade="all, delete-orphan", order_by="Holiday.day"
    )


class Holiday(Base):
    """One official day off (kind 'holiday') or make-up working day (kind 'workday', 调休)."""

    __tablename__ = "holiday"
    __table_args__ = (UniqueConstraint("day", name="uq_holiday_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(ForeignKey("holiday_year.year", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100))
    holiday_year: Mapped[HolidayYear] = relationship(back_populates="days")


class OutboxEntry(Base):
    """A local change waiting to be pushed to the city platform.

    Written in the same transaction as the change itself, so a change and its outbox entry
    exist together or not at all (see docs/ARCHITECTURE.md, sync).
    """

    __tablename__ = "outbox_entry"
    # The compaction asks "is there a later entry of this record?" (app.outbox.prune).
    __table_args__ = (Index("ix_outbox_entry_record", "entity", "entity_uuid", "seq"),)

    seq: Mapped[int] = mapped_column(primary_key=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    entity: Mapped[str] = mapped_column(String(64))
    entity_uuid: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(16))
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str] = mapped_column(Text, default="")
