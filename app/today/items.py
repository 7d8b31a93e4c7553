"""The unit of the Today page: one ``TodayItem`` per thing a clerk must do, and how urgent it is.

Responsibility: the value every source returns and the rules that place it in the list: its
severity (overdue / due today / due within N working days / for information), the section of the
page it belongs to, and the order items are read in (severity, then due date).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from app.messages import Message, chinese_date
from app.users import Role
from app.workdays import WorkdayCalendar

#: "Due soon" means due within this many working days after today (issue 8: "within 3 working days").
DUE_SOON_WORKDAYS = 3


class Severity(StrEnum):
    """How urgent an item is; the order of the members is the order on the page."""

    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    DUE_SOON = "due_soon"
    INFO = "info"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


class Section(StrEnum):
    """The groups of the Today page, top to bottom."""

    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    DUE_SOON = "due_soon"
    EVENTS = "events"
    SYNC = "sync"
    OTHER = "other"


SECTION_TITLES: dict[Section, str] = {
    Section.OVERDUE: "已逾期",
    Section.DUE_TODAY: "今天到期",
    Section.DUE_SOON: "3个工作日内",
    Section.EVENTS: "今天和本周的活动",
    Section.SYNC: "同步",
    Section.OTHER: "其他提醒",
}

SEVERITY_LABELS: dict[Severity, str] = {
    Severity.OVERDUE: "已逾期",
    Severity.DUE_TODAY: "今天到期",
    Severity.DUE_SOON: "即将到期",
    Severity.INFO: "提示",
}


@dataclass(frozen=True)
class TodayItem:
    """One thing to do, with the rule that put it on the list.

    ``kind`` is a dotted name such as "notice.review" or "request.due" (stable: the CLI's JSON and
    the reminder log use it); ``record_uuid`` the record to open on page ``page_key``; ``why`` the
    rule in words, with its date; ``provisional`` marks a due date computed across a year without
    official holiday data; ``role`` the role the item is for (None: everyone at the site);
    ``action`` is False for items there to be known rather than done (this week's events), which
    the headline, the navigation counts and the reminders leave out; ``part`` tells apart several
    items about one record (each target board of a notice, each posting), so each has its own key.
    """

    kind: str
    record_uuid: str
    page_key: str
    title: str
    why: str
    due: date | None
    severity: Severity
    provisional: bool = False
    role: Role | None = None
    section_hint: Section | None = None
    action: bool = True
    part: str = ""
    #: ``title`` and ``why`` as translatable messages (app/messages.py); the window shows these.
    title_message: Message | None = field(default=None, compare=False)
    why_message: Message | None = field(default=None, compare=False)

    @classmethod
    def worded(cls, title: Message, why: Message, **fields: Any) -> TodayItem:
        """An item whose title and rule are messages (their Chinese text fills ``title``/``why``)."""
        return cls(title=title.text(), why=why.text(), title_message=title, why_message=why, **fields)

    @property
    def section(self) -> Section:
        """Where the page shows it: events and sync have their own groups, the rest by severity."""
        if self.section_hint is not None:
            return self.section_hint
        return {
            Severity.OVERDUE: Section.OVERDUE,
            Severity.DUE_TODAY: Section.DUE_TODAY,
            Severity.DUE_SOON: Section.DUE_SOON,
            Severity.INFO: Section.OTHER,
        }[self.severity]

    @property
    def key(self) -> str:
        """Identity for the reminder log: the same record at a new severity or date is news again."""
        due = self.due.isoformat() if self.due else "-"
        record = self.record_uuid or self.title
        if self.part:
            record = f"{record}/{self.part}"
        return f"{self.kind}|{record}|{self.severity.value}|{due}"[:200]

    @property
    def actionable(self) -> bool:
        """Something to do (counted in the headline and the navigation), not just to know."""
        return self.action

    def for_user_roles(self, roles: frozenset[Role]) -> bool:
        return self.role is None or self.role in roles

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "id": self.record_uuid,
            "page": self.page_key,
            "title": self.title,
            "rule": self.why,
            "due": self.due.isoformat() if self.due else None,
            "provisional": self.provisional,
            "severity": self.severity.value,
            "section": self.section.value,
            "role": self.role.value if self.role else None,
        }


def sort_key(item: TodayItem) -> tuple[int, date, str]:
    """Severity first, then the earliest due date (undated last), then title."""
    return (item.severity.rank, item.due or date.max, item.title)


def severity_for(
    due: date, today: date, calendar: WorkdayCalendar, within: int = DUE_SOON_WORKDAYS
) -> Severity | None:
    """The severity of a deadline ``due`` seen on ``today``, or None when it is not yet worth showing.

    Due soon = on or before the ``within``-th working day after today, so a deadline after a
    holiday appears as many *working* days ahead as a deadline in an ordinary week.
    """
    if due < today:
        return Severity.OVERDUE
    if due == today:
        return Severity.DUE_TODAY
    if due <= calendar.add(today, within).date:
        return Severity.DUE_SOON
    return None


def date_text(d: date) -> str:
    """``9月30日（周二）`` as written in the CLI's plain output and the task sheet."""
    return chinese_date(d)


def due_text(item: TodayItem) -> str:
    """The item's due date in words, with the provisional mark; empty when it has none."""
    if item.due is None:
        return ""
    return date_text(item.due) + ("（暂定）" if item.provisional else "")
