"""Information requests (依申请公开): intake, the statutory clock, workflow, letters, annual table.

``RequestService`` (``ctx.requests``) is the one entry point; ``rules`` holds the vocabulary and
the transition table, ``clock`` the due-date computation, ``views`` the read side (rows to values), ``fees`` the fee bands, ``annual`` the
annual-report table, ``documents`` the printed letters and exports, ``demo`` the demo data.
"""

from app.requests.clock import ClockResult, PauseSpan
from app.requests.service import RequestService
from app.requests.values import ClockRule, Consultation, Contact, Reminder, RequestDetail, RequestSummary

__all__ = [
    "ClockResult",
    "ClockRule",
    "Consultation",
    "Contact",
    "PauseSpan",
    "Reminder",
    "RequestDetail",
    "RequestService",
    "RequestSummary",
]
