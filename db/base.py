"""Declarative base, naming convention and the column helpers every model shares.

Every record carries a UUID made on the device that created it (sync relies on it) and UTC
timestamps; constraint names follow one convention so Alembic's SQLite batch mode can
drop and recreate them by name.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import DateTime, MetaData, String, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uuid() -> str:
    """A fresh random UUID as its canonical 36-character string."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """The current instant, timezone-aware in UTC (all stored times are UTC)."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A DateTime stored as naive UTC and always read back timezone-aware.

    SQLite keeps no zone; without this, values written aware come back naive and comparisons
    between the two raise.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; pass an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Base class of every Gongkai table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime()}


class UUIDMixin:
    """A device-made UUID, unique per table; the identity sync and public URLs rely on."""

    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)


class TimestampMixin:
    """Creation and last-change instants (UTC)."""

    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
