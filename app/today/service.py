"""``TodayService``: the day's work gathered from every capability, filtered for the user, in order.

Responsibility: run every registered source (app.today.sources), keep what the user's roles are
for, sort by severity then due date, and say it in one plain sentence. The reminder summary and the
monthly self-assessment hang off this service as ``reminders`` and ``assessment``.
"""

from __future__ import annotations

import builtins
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from app import messages
from app.messages import Message
from app.today.assessment.service import AssessmentService
from app.today.items import SECTION_TITLES, Section, Severity, TodayItem, date_text, due_text, sort_key
from app.today.reminders import ReminderService
from app.today.sources import SOURCES, Source
from app.users import StaffUser

if TYPE_CHECKING:
    from app.context import AppContext


#: What each page's number in the navigation counts (its tooltip); Simplified Chinese source, the UI
#: translates it in context "Badges". Every figure is ``TodayService.badges``: the user's actionable
#: Today items for that page, so a number means the same on every page.
BADGE_MEANINGS: dict[str, str] = {
    "today": "需要您处理的事项总数：已逾期、今天到期和 3 个工作日内到期的，与“今日工作”列表相同",
    "catalogue": "需要您处理的目录事项：到期或即将到期应公开的事项，以及待复核的本站点细化",
    "calendar": "需要您处理的活动：待提交总结报告、待公开意见采纳情况",
    "notices": "需要您处理的公示：等您审核的、应张贴而未张贴的、公示期满应撤下的",
    "requests": "需要您处理的申请：答复已逾期、今天到期或即将到期的，以及补正、征求意见期限已到的",
    "sync": "需要处理的同步问题：同步冲突、被市级平台拒收的更改、超过 1 天未送达的更改",
    "settings": "需要处理的设置：下一年的法定节假日安排尚未导入",
}
BADGE_DEFAULT = "需要您处理的事项"


@dataclass(frozen=True)
class TodayList:
    """The items of one day for one user, with the figures the page and the CLI show."""

    day: date
    items: tuple[TodayItem, ...]

    @property
    def actionable(self) -> list[TodayItem]:
        return [i for i in self.items if i.actionable]

    @property
    def overdue(self) -> int:
        return sum(1 for i in self.items if i.severity is Severity.OVERDUE)

    def by_section(self) -> list[tuple[Section, list[TodayItem]]]:
        """Non-empty sections in page order, each with its items in reading order."""
        groups: dict[Section, list[TodayItem]] = {s: [] for s in Section}
        for item in self.items:
            groups[item.section].append(item)
        return [(s, rows) for s, rows in groups.items() if rows]

    def counts_by_page(self, page_keys: list[str] | None = None) -> dict[str, int]:
        """Actionable items per page; pages in ``page_keys`` without any get 0 (to clear a badge)."""
        counts: Counter[str] = Counter(i.page_key for i in self.actionable)
        result = dict.fromkeys(page_keys or [], 0)
        result.update(counts)
        return result

    def headline(self) -> str:
        """The sentence at the top of the page: how many things, how many overdue (Chinese)."""
        return self.headline_message().text()

    def headline_message(self) -> Message:
        """``headline()`` as a translatable message (the window shows this)."""
        n = len(self.actionable)
        if n == 0:
            events = sum(1 for i in self.items if i.section is Section.EVENTS)
            if events:
                return Message.of(messages.TODAY_ONLY_EVENTS, events=events)
            return Message.of(messages.TODAY_NOTHING)
        if self.overdue:
            return Message.of(messages.TODAY_COUNT_OVERDUE, n=n, overdue=self.overdue)
        return Message.of(messages.TODAY_COUNT, n=n)

    def section_title(self, section: Section) -> str:
        return SECTION_TITLES[section]


def badge_counts(listing: TodayList, page_keys: list[str]) -> dict[str, int]:
    """The navigation badges of one Today list (``TodayService.badges``; the staff window also takes
    them from the list its Today page has just loaded, instead of computing the day twice)."""
    counts = listing.counts_by_page(page_keys)
    if "today" in page_keys:
        counts["today"] = len(listing.actionable)
    return {k: counts.get(k, 0) for k in page_keys}


class TodayService:
    """Gathers ``TodayItem``s from the registered sources."""

    def __init__(self, ctx: AppContext, sources: dict[str, Source] | None = None) -> None:
        self._ctx = ctx
        self._sources = SOURCES if sources is None else sources
        self.reminders = ReminderService(ctx.session_factory, self)
        self.assessment = AssessmentService(ctx)

    @property
    def source_names(self) -> list[str]:
        return list(self._sources)

    def list(self, user: StaffUser | None, today: date | None = None) -> TodayList:
        """What ``user`` (None: everyone at the site) has to do on ``today`` (default: the clock's)."""
        day = today or self._ctx.clock.today()
        found: list[TodayItem] = []
        for source in self._sources.values():
            found.extend(source(self._ctx, user, day))
        if user is not None:
            found = [i for i in found if i.for_user_roles(user.roles)]
        return TodayList(day, tuple(sorted(found, key=sort_key)))

    def needs_action(self, user: StaffUser | None, page_key: str, today: date | None = None) -> int:
        """How many things on ``page_key`` need ``user``'s action today (see ``badges``)."""
        return self.badges(user, [page_key], today)[page_key]

    def badges(
        self, user: StaffUser | None, page_keys: builtins.list[str], today: date | None = None
    ) -> dict[str, int]:
        """Every navigation badge from one Today list: per page, the user's actionable items for
        that page; "today" is all of them. The staff window reads this once per change, so a
        page's number is the same whichever page is open (BADGE_MEANINGS says what each counts)."""
        return badge_counts(self.list(user, today), page_keys)

    def task_sheet_pdf(self, user: StaffUser | None, today: date | None = None) -> bytes:
        """The printable one-page task sheet of ``list(user, today)``."""
        # Imported on first use: ReportLab is not needed to start the staff window (bench/startup.py).
        from printing import render
        from printing.today import TaskLine, TaskSection, TaskSheet, task_sheet_document

        listing = self.list(user, today)
        site = self._ctx.sites.get()
        sheet = TaskSheet(
            site=site.name if site else "",
            date_text=f"{listing.day.year}年{date_text(listing.day)}",
            headline=listing.headline(),
            user=user.label if user else "",
            sections=[
                TaskSection(
                    SECTION_TITLES[section],
                    # The sheet is ticked off at the counter: things to do, each with its rule's
                    # first clause (the page shows the whole reason).
                    [TaskLine(i.title, i.why.split("；")[0], due_text(i)) for i in rows if i.actionable],
                )
                for section, rows in listing.by_section()
                if any(i.actionable for i in rows)
            ],
        )
        from app.printguard import naming

        with naming("今日工作单"):
            return render(task_sheet_document(sheet))

    def items(self, user: StaffUser | None, today: date | None = None) -> builtins.list[TodayItem]:
        return list(self.list(user, today).items)
