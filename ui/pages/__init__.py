"""The staff window's pages, in navigation order.

Each page is named by ``module:Class`` and imported when it is first shown, so starting the window
does not import every page's libraries (PDF rendering, spreadsheets, pinyin); the class takes the
``UiEnv`` and returns the page widget.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from ui.env import UiEnv


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # source text, translated in the "Nav" context
    target: str  # "module:Class" of the page widget, imported on first show

    def factory(self, env: UiEnv) -> QWidget:
        module, _, name = self.target.partition(":")
        page = getattr(import_module(module), name)(env)
        assert isinstance(page, QWidget)
        return page


log = logging.getLogger(__name__)


def preload(specs: Iterable[PageSpec], done: Callable[[], object] | None = None) -> threading.Thread:
    """Import the pages' modules (and with them PDF rendering, ReportLab, pinyin) on a background
    thread, so that the first visit to a page builds widgets instead of waiting for imports on the
    GUI thread (200–300 ms each on a counter PC: issue 16's "no block over 100 ms"); ``done`` is
    called on that thread at the end.

    Importing is thread-safe, and page modules create no widgets when imported; if the clerk opens
    a page whose module is still loading, Python's import lock makes the GUI thread wait for that
    one module only.
    """
    modules = [spec.target.partition(":")[0] for spec in specs]

    def run() -> None:
        for module in modules:
            try:
                import_module(module)
            except Exception:  # noqa: BLE001  (the page's own first visit reports it properly)
                log.debug("preloading %s failed", module, exc_info=True)
        if done is not None:
            try:
                done()
            except RuntimeError:  # the window was closed meanwhile (a quick sign-out): nobody to tell
                log.debug("preloading finished after its window closed", exc_info=True)

    thread = threading.Thread(target=run, name="page-preload", daemon=True)
    thread.start()
    return thread


PAGES: list[PageSpec] = [
    PageSpec("today", str(QT_TRANSLATE_NOOP("Nav", "今日工作")), "ui.pages.today_page:TodayPage"),
    PageSpec("catalogue", str(QT_TRANSLATE_NOOP("Nav", "标准目录")), "ui.pages.catalogue_page:CataloguePage"),
    PageSpec("policies", str(QT_TRANSLATE_NOOP("Nav", "政策文件")), "ui.pages.policies_page:PoliciesPage"),
    PageSpec("calendar", str(QT_TRANSLATE_NOOP("Nav", "活动日历")), "ui.pages.calendar_page:CalendarPage"),
    PageSpec("notices", str(QT_TRANSLATE_NOOP("Nav", "公示公告")), "ui.pages.notices_page:NoticesPage"),
    PageSpec("requests", str(QT_TRANSLATE_NOOP("Nav", "依申请公开")), "ui.pages.requests_page:RequestsPage"),
    PageSpec("sync", str(QT_TRANSLATE_NOOP("Nav", "同步")), "ui.pages.sync_page:SyncPage"),
    PageSpec("settings", str(QT_TRANSLATE_NOOP("Nav", "设置")), "ui.pages.settings_page:SettingsPage"),
]
