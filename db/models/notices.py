"""Tables of the notices capability: notices, their review steps and revisions, posting-period rules,
bulletin boards, postings and the print log.

Linked catalogue items are stored as a JSON list of UUIDs (no foreign key: the catalogue is its own
capability and may arrive later by sync). Nothing here is hard-deleted: a notice is withdrawn, a
board deactivated, a posting taken down.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, TimestampMixin, UUIDMixin, utcnow


class NoticePeriodRule(Base):
    """The legal minimum posting period of one template (data an admin can correct)."""

    __tablename__ = "notice_period_rule"

    template: Mapped[str] = mapped_column(String(64), primary_key=True)
    min_days: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(16))  # "working" | "calendar"
    basis: Mapped[str] = mapped_column(Text, default="")
    updated_by: Mapped[str] = mapped_column(String(64), default="init")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Notice(UUIDMixin, TimestampMixin, Base):
    """One 公示/公告 at its current revision. Originals are kept here; every output masks them."""

    __tablename__ = "notice"

    id: Mapped[int] = mapped_column(primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    kind: Mapped[str] = mapped_column(String(16))  # publicity | announcement
    template: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    roster_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    catalogue_item_uuids: Mapped[str] = mapped_column(Text, default="[]")
    policy_links: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of {"uuid", "title"}
    target_board_uuids: Mapped[str] = mapped_column(Text, default="[]")
    audience_mode: Mapped[str] = mapped_column(String(16), default="fixed")  # fixed | targeted
    audience_group: Mapped[str] = mapped_column(String(200), default="")
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    issuer: Mapped[str] = mapped_column(String(200))
    contact: Mapped[str] = mapped_column(String(200))
    objection_channel: Mapped[str] = mapped_column(Text, default="")
    supervision_phone: Mapped[str] = mapped_column(String(64), default="")
    issue_date: Mapped[date] = mapped_column(Date)
    masking_profile: Mapped[str] = mapped_column(Text)
    masking_exemptions: Mapped[str] = mapped_column(Text, default="[]")
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    return_reason: Mapped[str] = mapped_column(Text, default="")
    withdraw_reason: Mapped[str] = mapped_column(Text, default="")
    public_url: Mapped[str] = mapped_column(String(300))
    created_by: Mapped[str] = mapped_column(String(64))
    revision_author: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[datetime | None] = mapped_column(nullable=True)


class NoticeRevision(Base):
    """The content of an earlier revision, kept when an approved notice is edited."""

    __tablename__ = "notice_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)  # JSON snapshot of the editable fields
    status: Mapped[str] = mapped_column(String(16))
    saved_by: Mapped[str] = mapped_column(String(64))
    saved_at: Mapped[datetime] = mapped_column(default=utcnow)


class NoticeReview(UUIDMixin, Base):
    """One step of the review chain (or a submission): who, when, which revision, their opinion."""

    __tablename__ = "notice_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    step: Mapped[str] = mapped_column(String(16))  # submit | first | second | final | publish | withdraw
    decision: Mapped[str] = mapped_column(String(16))  # submit | approve | return | publish | withdraw
    opinion: Mapped[str] = mapped_column(Text, default="")
    confidentiality_checked: Mapped[bool] = mapped_column(Boolean, default=False)
    actor: Mapped[str] = mapped_column(String(64))
    actor_label: Mapped[str] = mapped_column(String(100), default="")
    at: Mapped[datetime] = mapped_column(default=utcnow)


class Board(UUIDMixin, TimestampMixin, Base):
    """A bulletin board (公开栏): paper board or electronic screen in a village or community."""

    __tablename__ = "board"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    village: Mapped[str] = mapped_column(String(200))
    location: Mapped[str] = mapped_column(String(300), default="")
    medium: Mapped[str] = mapped_column(String(16), default="paper")  # paper | screen
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Posting(UUIDMixin, Base):
    """A notice put up on a board: when, by whom, an optional photo, and when it must come down."""

    __tablename__ = "posting"
    # "Still up, due to come down by today" is asked every time the Today list is read.
    __table_args__ = (Index("ix_posting_still_up", "taken_down_on", "take_down_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id"), index=True)
    board_id: Mapped[int] = mapped_column(ForeignKey("board.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    posted_on: Mapped[date] = mapped_column(Date)
    posted_by: Mapped[str] = mapped_column(String(64))
    photo_sha256: Mapped[str] = mapped_column(String(64), default="")
    photo_name: Mapped[str] = mapped_column(String(300), default="")
    take_down_on: Mapped[date] = mapped_column(Date)
    taken_down_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    taken_down_by: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


class NoticePrintLog(UUIDMixin, Base):
    """Who printed which notice, for which board, how many copies, on what paper."""

    __tablename__ = "notice_print_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    board: Mapped[str] = mapped_column(String(200), default="")
    copies: Mapped[int] = mapped_column(Integer, default=1)
    paper: Mapped[str] = mapped_column(String(32), default="A4")
    printer: Mapped[str] = mapped_column(String(200), default="")
    printed_by: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow)
