"""Every model module, imported here so Base.metadata (and Alembic) see all tables."""

from db.models.core import AuditEntry, Holiday, HolidayYear, OutboxEntry, Setting, Site, User
from db.models.events import Event, EventOverride, EventRegistration, EventSuggestion, EventTarget, EventType

__all__ = [
    "AuditEntry",
    "Event",
    "EventOverride",
    "EventRegistration",
    "EventSuggestion",
    "EventTarget",
    "EventType",
    "Holiday",
    "HolidayYear",
    "OutboxEntry",
    "Setting",
    "Site",
    "User",
]
