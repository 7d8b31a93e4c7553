"""The staff window's pages, in navigation order.

Each capability replaces its placeholder here with its own page factory; a factory takes the
``UiEnv`` and returns a ``QWidget`` (usually a ``Page``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from ui.env import UiEnv
from ui.pages.calendar_page import CalendarPage
from ui.pages.catalogue_page import CataloguePage
from ui.pages.notices_page import NoticesPage
from ui.pages.requests_page import RequestsPage
from ui.pages.settings_page import SettingsPage
from ui.pages.sync_page import SyncPage
from ui.pages.today_page import TodayPage


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # source text, translated in the "Nav" context
    factory: Callable[[UiEnv], QWidget]


PAGES: list[PageSpec] = [
    PageSpec("today", str(QT_TRANSLATE_NOOP("Nav", "今日工作")), TodayPage),
    PageSpec("catalogue", str(QT_TRANSLATE_NOOP("Nav", "标准目录")), CataloguePage),
    PageSpec("calendar", str(QT_TRANSLATE_NOOP("Nav", "活动日历")), CalendarPage),
    PageSpec("notices", str(QT_TRANSLATE_NOOP("Nav", "公示公告")), NoticesPage),
    PageSpec("requests", str(QT_TRANSLATE_NOOP("Nav", "依申请公开")), RequestsPage),
    PageSpec("sync", str(QT_TRANSLATE_NOOP("Nav", "同步")), SyncPage),
    PageSpec("settings", str(QT_TRANSLATE_NOOP("Nav", "设置")), SettingsPage),
]
