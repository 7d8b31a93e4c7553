"""Today: the clerk's home page data, reminder summaries and the monthly self-assessment.

``TodayService.list(user)`` gathers ``TodayItem``s from the sources registered in
``app.today.sources`` (one module per capability); ``.reminders`` announces what became due;
``.assessment`` scores a month against the admin's criteria with the evidence behind each figure.
"""

from app.today.items import SECTION_TITLES, Section, Severity, TodayItem
from app.today.service import TodayList, TodayService

__all__ = ["SECTION_TITLES", "Section", "Severity", "TodayItem", "TodayList", "TodayService"]
