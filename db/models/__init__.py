"""Every model module, imported here so Base.metadata (and Alembic) see all tables."""

from db.models.core import AuditEntry, Holiday, HolidayYear, OutboxEntry, Setting, Site, User

__all__ = ["AuditEntry", "Holiday", "HolidayYear", "OutboxEntry", "Setting", "Site", "User"]
