"""The standardized disclosure catalogue: domains, items, versions, item revisions, disclosures, synonyms.

Items keep their UUID across catalogue versions (notices and events store it; there is no foreign key
from them). Every change is one ``CatalogueVersion`` plus one ``CatalogueItemRevision`` per item it
touched, holding a JSON snapshot of the item's fields after the change, so the state of the catalogue
at any version, an item's history and the diff between two versions are all read back from revisions.
Nothing is hard-deleted: an item leaves the catalogue by becoming ``retired``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, TimestampMixin, UUIDMixin, utcnow


class CatalogueDomain(Base):
    """One of the pilot domains (领域); per site applicable or not, with the reason when not."""

    __tablename__ = "catalogue_domain"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    lead_department: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    applicable: Mapped[bool] = mapped_column(Boolean, default=True)
    not_applicable_reason: Mapped[str] = mapped_column(Text, default="")


class CatalogueVersion(Base):
    """One change to the catalogue (an import, a site edit, a retirement), numbered 1, 2, 3 …"""

    __tablename__ = "catalogue_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(300), default="")
    added: Mapped[int] = mapped_column(Integer, default=0)
    changed: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[int] = mapped_column(Integer, default=0)
    refined: Mapped[int] = mapped_column(Integer, default=0)  # site refinements made, changed or kept


class CatalogueItem(UUIDMixin, TimestampMixin, Base):
    """A disclosure item (公开事项) as it stands now; its past lives in ``CatalogueItemRevision``."""

    __tablename__ = "catalogue_item"
    __table_args__ = (
        UniqueConstraint("domain_id", "level1", "level2", "level3", name="uq_catalogue_item_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    domain_id: Mapped[int] = mapped_column(ForeignKey("catalogue_domain.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    level1: Mapped[str] = mapped_column(String(300))
    level2: Mapped[str] = mapped_column(String(300), default="")
    level3: Mapped[str] = mapped_column(String(300), default="")
    content: Mapped[str] = mapped_column(Text, default="")
    basis: Mapped[str] = mapped_column(Text, default="")
    time_limit: Mapped[str] = mapped_column(Text, default="")
    publisher: Mapped[str] = mapped_column(Text, default="")
    channels: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of fixed channel names
    extra_channels: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of free-text channels
    audience: Mapped[str] = mapped_column(String(16), default="public")
    audience_group: Mapped[str] = mapped_column(Text, default="")
    modes: Mapped[str] = mapped_column(String(40), default="proactive")  # comma-separated
    tiers: Mapped[str] = mapped_column(String(40), default="township")  # comma-separated
    contact_phone: Mapped[str] = mapped_column(String(100), default="")
    retention: Mapped[str] = mapped_column(String(100), default="")
    origin: Mapped[str] = mapped_column(String(16), default="site")
    status: Mapped[str] = mapped_column(String(16), default="active", index=True)
    rule: Mapped[str] = mapped_column(Text, default="{}")  # JSON of the parsed time-limit rule
    pinyin_full: Mapped[str] = mapped_column(Text, default="")
    pinyin_initials: Mapped[str] = mapped_column(Text, default="")
    changed_on: Mapped[date] = mapped_column(Date)  # civil date of the last change (compliance anchor)

    domain: Mapped[CatalogueDomain] = relationship()


class CatalogueItemRevision(Base):
    """An item's fields right after one catalogue version touched it."""

    __tablename__ = "catalogue_item_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("catalogue_item.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("catalogue_version.id"), index=True)
    change: Mapped[str] = mapped_column(String(16))  # added / changed / retired
    snapshot: Mapped[str] = mapped_column(Text)


class CatalogueDisclosure(UUIDMixin, Base):
    """One act of disclosing an item: when, through which channel, optionally which notice."""

    __tablename__ = "catalogue_disclosure"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("catalogue_item.id"), index=True)
    disclosed_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(200))
    notice_uuid: Mapped[str] = mapped_column(String(36), default="")
    actor: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CatalogueSynonym(Base):
    """An abbreviation or colloquial term and the full term it stands for (editable)."""

    __tablename__ = "catalogue_synonym"
    __table_args__ = (UniqueConstraint("short", "full", name="uq_catalogue_synonym_pair"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    short: Mapped[str] = mapped_column(String(100), index=True)
    full: Mapped[str] = mapped_column(String(200))


class CatalogueRefinement(UUIDMixin, TimestampMixin, Base):
    """The site's own wording of a standard (city/district) item: 本站点细化.

    ``fields`` holds only the refined columns (JSON: field name -> value as in ``ItemData``); the
    item's identity (domain, 一级/二级/三级事项) is never refined. ``base`` is the standard item's
    content the refinement was last made or kept against; when a new release changes the standard,
    ``standard_changed_at`` is set until a person keeps or updates the refinement. ``status`` is
    "active" or "withdrawn" (nothing is deleted); ``actor``/``reason`` say who refined it and why.
    """

    __tablename__ = "catalogue_refinement"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("catalogue_item.id"), unique=True)
    fields: Mapped[str] = mapped_column(Text, default="{}")
    base: Mapped[str] = mapped_column(Text, default="{}")
    reason: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="active", index=True)
    standard_changed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    reviewed_by: Mapped[str] = mapped_column(String(64), default="")
    reviewed_at: Mapped[datetime | None] = mapped_column(nullable=True)
