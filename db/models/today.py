"""Tables of the Today capability: the site's self-assessment criteria and the reminder log."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Float, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, TimestampMixin, UUIDMixin, utcnow


class AssessmentCriterion(UUIDMixin, TimestampMixin, Base):
    """One criterion of the monthly self-assessment (督查考核), editable by the admin.

    ``method`` selects the computation function (app.today.assessment.methods); ``target`` is the
    figure that earns the full ``weight`` (a rate for rate methods, a maximum count for counts).
    """

    __tablename__ = "assessment_criterion"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    weight: Mapped[float] = mapped_column(Float)
    method: Mapped[str] = mapped_column(String(64))
    target: Mapped[float] = mapped_column(Float)
    rule: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ReminderLog(Base):
    """What a reminder summary already announced to a user on a day (so nothing is announced twice)."""

    __tablename__ = "reminder_log"
    __table_args__ = (UniqueConstraint("day", "user_name", "item_key", name="uq_reminder_log_entry"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    user_name: Mapped[str] = mapped_column(String(64))
    item_key: Mapped[str] = mapped_column(String(200))
    announced_at: Mapped[datetime] = mapped_column(default=utcnow)
