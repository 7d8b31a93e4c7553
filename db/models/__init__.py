"""Every model module, imported here so Base.metadata (and Alembic) see all tables."""

from db.models.core import AuditEntry, Holiday, HolidayYear, OutboxEntry, Setting, Site, User
from db.models.today import AssessmentCriterion, ReminderLog

__all__ = [
    "AssessmentCriterion",
    "AuditEntry",
    "Holiday",
    "HolidayYear",
    "OutboxEntry",
    "ReminderLog",
    "Setting",
    "Site",
    "User",
]
