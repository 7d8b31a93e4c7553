"""The zone's event calendar (活动日历): events with recurrence, registrations, closing reports,
adoption-report deadlines, yearly targets, iCalendar in and out, and the printed poster, sign-in
sheet and adoption report. ``EventService`` is ``ctx.events``.
"""

from app.events.service import EventService
from app.events.values import (
    BUILTIN_TYPES,
    INVITED_ROLES,
    OUTCOME_LABELS,
    QA,
    STATUS_LABELS,
    AdoptionDue,
    ClosingReport,
    EventDraft,
    EventTypeValue,
    EventValue,
    ImportReport,
    Occurrence,
    Overlap,
    OverrideValue,
    RegistrationValue,
    Suggestion,
    SynonymTable,
    TargetProgress,
)

__all__ = [
    "BUILTIN_TYPES",
    "INVITED_ROLES",
    "OUTCOME_LABELS",
    "QA",
    "STATUS_LABELS",
    "AdoptionDue",
    "ClosingReport",
    "EventDraft",
    "EventService",
    "EventTypeValue",
    "SynonymTable",
    "EventValue",
    "ImportReport",
    "Occurrence",
    "Overlap",
    "OverrideValue",
    "RegistrationValue",
    "Suggestion",
    "TargetProgress",
]
