"""The zone's event calendar: event types, events (with recurrence), moved occurrences, registrations,
suggestions with their adoption outcome, and yearly targets per type.

Times are UTC (``UTCDateTime``); recurrence is kept as the RFC 5545 RRULE text with its EXDATEs, and a
moved single occurrence is an ``EventOverride`` keyed by its original start (RECURRENCE-ID). Lists that
other capabilities own (catalogue item UUIDs, policy document links) are JSON text without foreign keys, because
the catalogue is built independently and may be synced in later.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, TimestampMixin, UUIDMixin


class EventType(UUIDMixin, Base):
    """A kind of event (政策解读, 综合政策辅导 …); built-in ones are seeded, admins add custom ones."""

    __tablename__ = "event_type"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(100))
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=100)


class EventTypeSynonym(Base):
    """A name offices use for an event type in calendar files (CATEGORIES:政府开放日 -> open_day)."""

    __tablename__ = "event_type_synonym"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    type_key: Mapped[str] = mapped_column(ForeignKey("event_type.key"))


class Event(UUIDMixin, TimestampMixin, Base):
    """One event or one recurring series (``rrule`` set), in the zone or elsewhere."""

    __tablename__ = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    ical_uid: Mapped[str] = mapped_column(String(255), unique=True)
    type_key: Mapped[str] = mapped_column(ForeignKey("event_type.key"))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    place: Mapped[str] = mapped_column(String(300), default="")
    start_at: Mapped[datetime] = mapped_column(index=True)
    end_at: Mapped[datetime] = mapped_column()
    #: an all-day event: start_at/end_at are local midnights (end exclusive), written VALUE=DATE
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    rrule: Mapped[str | None] = mapped_column(String(500), nullable=True)
    exdates: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of UTC ISO instants
    host: Mapped[str] = mapped_column(String(200), default="")
    speakers: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of names
    audience: Mapped[str] = mapped_column(String(300), default="")
    capacity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    invited_roles: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of role labels
    series: Mapped[str] = mapped_column(String(200), default="")  # brand tag, e.g. 泉诚公开、政府开放
    catalogue_item_uuids: Mapped[str] = mapped_column(Text, default="[]")
    # JSON list of {"uuid", "title"}: policy documents by UUID (uuid "" = a title not yet linked).
    policy_links: Mapped[str] = mapped_column(Text, default="[]")
    status: Mapped[str] = mapped_column(String(16), default="planned")  # planned/held/closed/cancelled
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    cancelled_at: Mapped[datetime | None] = mapped_column(nullable=True)
    attendance: Mapped[int | None] = mapped_column(Integer, nullable=True)
    qa: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of {"question", "answer"}
    report_summary: Mapped[str] = mapped_column(Text, default="")
    closed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    adoption_days: Mapped[int] = mapped_column(Integer, default=10)
    adoption_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    adoption_published_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_by: Mapped[str] = mapped_column(String(64), default="")

    overrides: Mapped[list[EventOverride]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventOverride.recurrence_id"
    )
    registrations: Mapped[list[EventRegistration]] = relationship(
        back_populates="event", order_by="EventRegistration.id"
    )
    suggestions: Mapped[list[EventSuggestion]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventSuggestion.seq"
    )


class EventOverride(UUIDMixin, Base):
    """One occurrence of a series moved (RFC 5545 RECURRENCE-ID): new start/end, optionally a new place."""

    __tablename__ = "event_override"
    __table_args__ = (UniqueConstraint("event_id", "recurrence_id", name="uq_event_override_occurrence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    recurrence_id: Mapped[datetime] = mapped_column()
    start_at: Mapped[datetime] = mapped_column()
    end_at: Mapped[datetime] = mapped_column()
    place: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(String(300), default="")
    event: Mapped[Event] = relationship(back_populates="overrides")


class EventRegistration(UUIDMixin, TimestampMixin, Base):
    """A person signed up for an event: registered, waiting (over capacity) or cancelled; never deleted."""

    __tablename__ = "event_registration"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str] = mapped_column(String(40), default="")
    role: Mapped[str] = mapped_column(String(64), default="")  # invited role label, or empty
    status: Mapped[str] = mapped_column(String(16), default="registered")
    checked_in_at: Mapped[datetime | None] = mapped_column(nullable=True)
    event: Mapped[Event] = relationship(back_populates="registrations")


class EventSuggestion(UUIDMixin, Base):
    """A suggestion received at an event and whether it was adopted (seed 二(二): 采纳情况 published)."""

    __tablename__ = "event_suggestion"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)
    proposer: Mapped[str] = mapped_column(String(100), default="")
    outcome: Mapped[str] = mapped_column(String(16), default="pending")
    reason: Mapped[str] = mapped_column(Text, default="")
    event: Mapped[Event] = relationship(back_populates="suggestions")


class EventTarget(Base):
    """The admin's yearly target count for one event type."""

    __tablename__ = "event_target"
    __table_args__ = (UniqueConstraint("year", "type_key", name="uq_event_target_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    type_key: Mapped[str] = mapped_column(ForeignKey("event_type.key"))
    target: Mapped[int] = mapped_column(Integer)
