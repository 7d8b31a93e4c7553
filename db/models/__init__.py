"""Every model module, imported here so Base.metadata (and Alembic) see all tables."""

from db.models.core import AuditEntry, Holiday, HolidayYear, OutboxEntry, Setting, Site, User
from db.models.sync import SyncConflict, SyncCursor, SyncPush, SyncRejection, SyncRow, SyncState

__all__ = [
    "AuditEntry",
    "Holiday",
    "HolidayYear",
    "OutboxEntry",
    "Setting",
    "Site",
    "SyncConflict",
    "SyncCursor",
    "SyncPush",
    "SyncRejection",
    "SyncRow",
    "SyncState",
    "User",
]
