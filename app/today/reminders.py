"""Reminder summaries: what became due since the last summary, announced once a day per user.

Responsibility: at start-up and at the daily ``reminder_time`` the window asks for a summary; this
service compares the user's actionable items with the small log of what it already announced
today and returns only the news (an item that moves from "due soon" to "due today" is news again,
because its key includes its severity). The log keeps ``LOG_DAYS`` days and is pruned as it goes.
It is bookkeeping, not a user action, so it is not audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from app import messages
from app.clock import ZONE
from app.errors import InputError
from app.messages import Message
from app.today.items import Severity, TodayItem
from app.uow import transaction
from app.users import StaffUser
from db.models import ReminderLog

if TYPE_CHECKING:
    from app.today.service import TodayList, TodayService

LOG_DAYS = 14
SITE_VIEW = "*"  # the log's user name for the whole-site view (no signed-in user)


@dataclass(frozen=True)
class ReminderSummary:
    """The news of one summary; empty ``items`` means nothing new became due."""

    day: date
    items: tuple[TodayItem, ...]

    @property
    def text(self) -> str:
        if not self.items:
            return "自上次提醒以来没有新到期的事项。"
        counts = {sev: sum(1 for i in self.items if i.severity is sev) for sev in Severity}
        labels = (
            (Severity.OVERDUE, "已逾期"),
            (Severity.DUE_TODAY, "今天到期"),
            (Severity.DUE_SOON, "3个工作日内到期"),
            (Severity.INFO, "其他"),
        )
        parts = [f"{label} {counts[sev]} 件" for sev, label in labels if counts[sev]]
        return f"新到期 {len(self.items)} 件事项：" + "，".join(parts) + "。"

    @property
    def message(self) -> Message:
        """The summary as a translatable message (the window shows this; every count is named)."""
        if not self.items:
            return Message.of(messages.REMINDER_NONE)
        counts = {sev: sum(1 for i in self.items if i.severity is sev) for sev in Severity}
        return Message.of(
            messages.REMINDER_NEWS,
            n=len(self.items),
            overdue=counts[Severity.OVERDUE],
            today=counts[Severity.DUE_TODAY],
            soon=counts[Severity.DUE_SOON],
            other=counts[Severity.INFO],
        )


def parse_reminder_time(text: str) -> time:
    """``08:30`` → time; InputError naming the setting otherwise."""
    try:
        hours, minutes = (int(p) for p in text.strip().split(":"))
        return time(hours, minutes)
    except ValueError:
        raise InputError(f"设置“每日提醒时间”（reminder_time）：应为 时:分，如 08:30，实为“{text}”") from None


def next_reminder(now: datetime, at: time) -> datetime:
    """The next instant (aware, Asia/Shanghai) strictly after ``now`` whose local time is ``at``."""
    local_now = now.astimezone(ZONE)
    candidate = datetime.combine(local_now.date(), at, tzinfo=ZONE)
    if candidate <= local_now:
        candidate = datetime.combine(local_now.date() + timedelta(days=1), at, tzinfo=ZONE)
    return candidate


class ReminderService:
    """Announces newly due items once per day per user."""

    def __init__(self, session_factory: sessionmaker[Session], today: TodayService) -> None:
        self._sf = session_factory
        self._today = today

    def announce(
        self, user: StaffUser | None, day: date | None = None, *, listing: TodayList | None = None
    ) -> ReminderSummary:
        """The actionable items not yet announced to ``user`` today; records them as announced.

        ``listing`` is the day's list when the caller already has it (the Today page computes it
        once for the page and the reminder)."""
        if listing is None:
            listing = self._today.list(user, day)
        who = user.name if user is not None else SITE_VIEW
        with transaction(self._sf) as session:
            session.execute(
                delete(ReminderLog).where(ReminderLog.day < listing.day - timedelta(days=LOG_DAYS))
            )
            done = set(
                session.execute(
                    select(ReminderLog.item_key).where(
                        ReminderLog.day == listing.day, ReminderLog.user_name == who
                    )
                ).scalars()
            )
            news: list[TodayItem] = []
            for item in listing.actionable:
                if item.key not in done:  # two items with one key are one announcement
                    done.add(item.key)
                    news.append(item)
                    session.add(ReminderLog(day=listing.day, user_name=who, item_key=item.key))
        return ReminderSummary(listing.day, tuple(news))
