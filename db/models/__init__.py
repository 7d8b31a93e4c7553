"""Every model module, imported here so Base.metadata (and Alembic) see all tables."""

from db.models.catalogue import (
    CatalogueDisclosure,
    CatalogueDomain,
    CatalogueItem,
    CatalogueItemRevision,
    CatalogueRefinement,
    CatalogueSynonym,
    CatalogueVersion,
)
from db.models.core import AuditEntry, Holiday, HolidayYear, OutboxEntry, Setting, Site, User
from db.models.events import (
    Event,
    EventOverride,
    EventRegistration,
    EventSuggestion,
    EventTarget,
    EventType,
    EventTypeSynonym,
)
from db.models.notices import (
    Board,
    Notice,
    NoticePeriodRule,
    NoticePrintLog,
    NoticeReview,
    NoticeRevision,
    Posting,
)
from db.models.requests import InfoRequest, RequestConsultation, RequestRule
from db.models.sync import SyncConflict, SyncCursor, SyncPush, SyncRejection, SyncRow, SyncState
from db.models.today import AssessmentCriterion, ReminderLog

__all__ = [
    "AssessmentCriterion",
    "AuditEntry",
    "Board",
    "CatalogueDisclosure",
    "CatalogueDomain",
    "CatalogueItem",
    "CatalogueItemRevision",
    "CatalogueRefinement",
    "CatalogueSynonym",
    "CatalogueVersion",
    "Event",
    "EventOverride",
    "EventRegistration",
    "EventSuggestion",
    "EventTarget",
    "EventType",
    "EventTypeSynonym",
    "Holiday",
    "HolidayYear",
    "InfoRequest",
    "Notice",
    "NoticePeriodRule",
    "NoticePrintLog",
    "NoticeReview",
    "NoticeRevision",
    "OutboxEntry",
    "Posting",
    "ReminderLog",
    "RequestConsultation",
    "RequestRule",
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
