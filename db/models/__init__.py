"""Every model module, imported here so Base.metadata (and Alembic) see all tables."""

from db.models.core import AuditEntry, Holiday, HolidayYear, OutboxEntry, Setting, Site, User
from db.models.requests import InfoRequest, RequestConsultation, RequestRule

__all__ = [
    "AuditEntry",
    "Holiday",
    "HolidayYear",
    "InfoRequest",
    "OutboxEntry",
    "RequestConsultation",
    "RequestRule",
    "Setting",
    "Site",
    "User",
]
