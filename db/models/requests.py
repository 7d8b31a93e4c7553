"""Information requests (依申请公开): the request, its consultations, and the clock's rule figures.

The statutory figures (20 working days to answer, 7 to send a correction notice, 15 for a third
party's reply, at most 20 more by extension) live in ``request_rule`` as data an admin can correct;
app/requests/rules.py seeds them from the Regulations (国务院令第711号) with the article cited.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, TimestampMixin, UUIDMixin, utcnow


class InfoRequest(UUIDMixin, TimestampMixin, Base):
    """One application for government information, from intake to archive; never hard-deleted.

    ``received_on`` is the receipt date the channel's rule gives (条例 art. 31); ``clock_start_on``
    is where the answer period counts from: the receipt date, or the day the corrected application
    arrived (art. 30). Identity number and contact details are staff-only originals: every list,
    printout, export and outbox payload shows them masked (app.privacy).
    """

    __tablename__ = "info_request"
    __table_args__ = (UniqueConstraint("year", "seq", name="uq_info_request_year_seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    status: Mapped[str] = mapped_column(String(32), index=True)

    channel: Mapped[str] = mapped_column(String(32))
    arrived_on: Mapped[date] = mapped_column(Date)
    confirmed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    received_on: Mapped[date] = mapped_column(Date, index=True)
    clock_start_on: Mapped[date] = mapped_column(Date)

    applicant_kind: Mapped[str] = mapped_column(String(32))
    applicant_name: Mapped[str] = mapped_column(String(200))
    contact_person: Mapped[str] = mapped_column(String(100), default="")
    id_number: Mapped[str] = mapped_column(String(64), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(200), default="")

    description: Mapped[str] = mapped_column(Text)
    form: Mapped[str] = mapped_column(String(32))
    delivery: Mapped[str] = mapped_column(String(32))

    correction_requested_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    correction_items: Mapped[str] = mapped_column(Text, default="")
    correction_due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    correction_received_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    extension_days: Mapped[int] = mapped_column(Integer, default=0)
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    extension_approver: Mapped[str] = mapped_column(String(100), default="")
    extended_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    answer_type: Mapped[str] = mapped_column(String(40), default="")
    answered_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    answer_note: Mapped[str] = mapped_column(Text, default="")
    answered_by: Mapped[str] = mapped_column(String(100), default="")
    pages: Mapped[int] = mapped_column(Integer, default=0)
    fee_yuan: Mapped[int] = mapped_column(Integer, default=0)
    archived_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    consultations: Mapped[list[RequestConsultation]] = relationship(
        back_populates="request", cascade="all, delete-orphan", order_by="RequestConsultation.started_on"
    )


class RequestConsultation(UUIDMixin, Base):
    """A written consultation of a third party or another body (条例 art. 32); its span stops the clock."""

    __tablename__ = "request_consultation"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("info_request.id", ondelete="CASCADE"), index=True)
    party: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text, default="")
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    outcome: Mapped[str] = mapped_column(Text, default="")
    request: Mapped[InfoRequest] = relationship(back_populates="consultations")


class RequestRule(Base):
    """One figure of the statutory clock (working days), with the article it comes from."""

    __tablename__ = "request_rule"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    days: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(200))
    basis: Mapped[str] = mapped_column(String(300))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="system")
