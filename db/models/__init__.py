"""Every model module, imported here so Base.metadata (and Alembic) see all tables."""

from db.models.core import AuditEntry, Holiday, HolidayYear, OutboxEntry, Setting, Site, User
from db.models.notices import (
    Board,
    Notice,
    NoticePeriodRule,
    NoticePrintLog,
    NoticeReview,
    NoticeRevision,
    Posting,
)

__all__ = [
    "AuditEntry",
    "Board",
    "Holiday",
    "HolidayYear",
    "Notice",
    "NoticePeriodRule",
    "NoticePrintLog",
    "NoticeReview",
    "NoticeRevision",
    "OutboxEntry",
    "Posting",
    "Setting",
    "Site",
    "User",
]
