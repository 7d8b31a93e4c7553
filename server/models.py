"""The city platform's tables (its own schema, unrelated to a site's SQLite database).

Schema management: Alembic (``server/migrations``, revision ``0001`` = the schema before Alembic,
which databases with ``schema_version`` 1 are stamped at). ``gongkai-server migrate`` upgrades; the
service and ``check`` refuse a database that is not at the head revision. ``SCHEMA_VERSION`` in
``server_meta`` follows the revision number, for people reading the database.

Every pulled bucket is one table, ``bucket_row``: global buckets (holidays, catalogue releases)
have ``scope = ""``; a site's own records have ``scope = <site code>``. ``server_seq`` comes from one
counter row locked FOR UPDATE by every writing transaction, so commits happen in seq order and a
reader can never skip a lower seq that commits later (design §3, cursor semantics).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

SCHEMA_VERSION = 2
#: The Alembic head revision this program needs (server/migrations/versions).
SCHEMA_REVISION = "0002"


def utcnow() -> datetime:
    return datetime.now(UTC)


class ServerBase(DeclarativeBase):
    type_annotation_map = {datetime: DateTime(timezone=True)}


class Meta(ServerBase):
    """Key/value facts about this server: ``schema_version`` and ``epoch`` (changes on restore)."""

    __tablename__ = "server_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Counter(ServerBase):
    """The global change counter (one row, ``server_seq``)."""

    __tablename__ = "server_counter"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class SiteRow(ServerBase):
    """A site and the SHA-256 of its device token (the token itself is never stored)."""

    __tablename__ = "site"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Device(ServerBase):
    """One workstation of a site: its credential and the highest op sequence applied from it
    (Replicache lastMutationID).

    An enrolled device has ``token_sha256`` (its own credential, docs/sync-devices.md); a row without
    one only numbers ops, e.g. for the new device id a PC takes after its database was restored
    from an older copy (it keeps authenticating with its credential).
    """

    __tablename__ = "device"
    __table_args__ = (
        UniqueConstraint("site_id", "device_id"),
        Index("uq_device_token_sha256", "token_sha256", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    device_id: Mapped[str] = mapped_column(String(36))
    last_applied: Mapped[int] = mapped_column(BigInteger, default=0)
    last_seen: Mapped[datetime] = mapped_column(default=utcnow)
    status_json: Mapped[str] = mapped_column(Text, default="{}")
    token_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    kind: Mapped[str] = mapped_column(String(16), default="staff")  # staff | display
    name: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime | None] = mapped_column(nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(nullable=True)
    revoked_reason: Mapped[str] = mapped_column(Text, default="")


class Invitation(ServerBase):
    """A one-time code to enrol another PC of a site: its SHA-256, the kind of device it makes and
    the site key wrapped under the code (the platform cannot unwrap it; app/sync/sitekey.py)."""

    __tablename__ = "invitation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    kind: Mapped[str] = mapped_column(String(16))
    wrapped_key: Mapped[str] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("device.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column()
    used_at: Mapped[datetime | None] = mapped_column(nullable=True)
    used_by: Mapped[int | None] = mapped_column(ForeignKey("device.id"), nullable=True)


class AppliedOp(ServerBase):
    """Every op ever decided (applied, rejected or conflicting), kept so a re-send gets the same answer."""

    __tablename__ = "applied_op"
    __table_args__ = (UniqueConstraint("device_pk", "seq"),)

    op_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_pk: Mapped[int] = mapped_column(ForeignKey("device.id"))
    seq: Mapped[int] = mapped_column(BigInteger)
    entity: Mapped[str] = mapped_column(String(64))
    entity_uuid: Mapped[str] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(64), default="")
    message: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    device_time: Mapped[str] = mapped_column(String(40), default="")
    clock_suspect: Mapped[bool] = mapped_column(Boolean, default=False)
    applied_at: Mapped[datetime] = mapped_column(default=utcnow)


class BucketRow(ServerBase):
    """One row of a pull bucket; updated in place, its ``server_seq`` moved to the newest change."""

    __tablename__ = "bucket_row"
    __table_args__ = (
        UniqueConstraint("bucket", "scope", "key"),
        Index("ix_bucket_row_seq", "bucket", "scope", "server_seq"),
        Index("ix_bucket_row_entity", "entity", "entity_uuid"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bucket: Mapped[str] = mapped_column(String(32))
    scope: Mapped[str] = mapped_column(String(32), default="")
    key: Mapped[str] = mapped_column(String(120))
    entity: Mapped[str] = mapped_column(String(64))
    entity_uuid: Mapped[str] = mapped_column(String(64), default="")
    version: Mapped[int] = mapped_column(BigInteger)
    server_seq: Mapped[int] = mapped_column(BigInteger)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[str] = mapped_column(Text)
    row_hash: Mapped[int] = mapped_column(BigInteger)
    last_device: Mapped[str] = mapped_column(String(36), default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class ConflictRow(ServerBase):
    """An edit based on a stale version, kept beside the current row for a person to resolve."""

    __tablename__ = "conflict"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    op_id: Mapped[str] = mapped_column(String(36))
    entity: Mapped[str] = mapped_column(String(64))
    entity_uuid: Mapped[str] = mapped_column(String(36))
    server_version: Mapped[int] = mapped_column(BigInteger)
    incoming: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Blob(ServerBase):
    """A content-addressed file (posting photo, catalogue release); ``public`` ones any site may read."""

    __tablename__ = "blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class BlobOwner(ServerBase):
    """Which sites uploaded a blob; a site reads only its own blobs and public ones."""

    __tablename__ = "blob_owner"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), primary_key=True)


class BlobUpload(ServerBase):
    """A partial upload, resumed at ``len(data)`` (resumable, idempotent by SHA-256)."""

    __tablename__ = "blob_upload"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), primary_key=True)
    total: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
