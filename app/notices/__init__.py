"""Bulletin-board notices (公示/公告): templates, masking, the review chain, PDFs, boards and postings.

``NoticeService`` (``ctx.notices``) is the one entry point; values are in ``app.notices.values``.
"""

from app.notices.service import NoticeService
from app.notices.templates import TEMPLATE_BY_KEY, TEMPLATES, NoticeTemplate
from app.notices.values import (
    BoardView,
    MissingPosting,
    NoticeDraft,
    NoticeView,
    PeriodCheck,
    PostingView,
    PublicNotice,
    ReviewStep,
    Roster,
    TakeDown,
)

__all__ = [
    "TEMPLATES",
    "TEMPLATE_BY_KEY",
    "BoardView",
    "MissingPosting",
    "NoticeDraft",
    "NoticeService",
    "NoticeTemplate",
    "NoticeView",
    "PeriodCheck",
    "PostingView",
    "PublicNotice",
    "ReviewStep",
    "Roster",
    "TakeDown",
]
