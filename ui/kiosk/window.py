"""The kiosk window: top bar (clock, zone, mode toggles), the pages, and the bottom navigation bar.

It is frameless and full-screen, ignores close requests and escape keys (lock.py), returns home
after N idle seconds (idle.py), and polls the read-only database's ``data_version`` every ~2 s so
that what the staff window or a sync commits appears without a restart (app.kiosk.DataVersionWatcher).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.clock import local
from app.kiosk import DataVersionWatcher, KioskService
from ui.kiosk import theme
from ui.kiosk.base import KioskPage
from ui.kiosk.browse import DomainsPage, ItemDetailPage, ItemsPage
from ui.kiosk.events import EventDetailPage, EventsPage, date_text
from ui.kiosk.home import HomePage
from ui.kiosk.idle import IdleWatcher
from ui.kiosk.lock import KioskLock, PinDialog, TapCounter
from ui.kiosk.notices import NoticeDetailPage, NoticesPage
from ui.kiosk.policies import (
    ImagePage,
    InterpretationPage,
    PolicyDomainsPage,
    PolicyListPage,
    PolicyReaderPage,
    PolicySearchPage,
)
from ui.kiosk.qr import QrCache
from ui.kiosk.search import SearchPage
from ui.kiosk.widgets import button, label

log = logging.getLogger(__name__)

#: The hidden admin corner of the clock, in pixels from its top-left.
CORNER_PX = 100
POLL_MS = 2000


class ClockPanel(QFrame):
    """The large clock; five quick taps on its top-left corner ask for the admin PIN.

    Signals:
        admin_gesture: the hidden gesture was completed.
    """

    admin_gesture = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.taps = TapCounter()
        self.setMinimumSize(CORNER_PX * 2, CORNER_PX + 10)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        self.time = label("", "clock", wrap=False)
        self.date = label("", "", wrap=False)
        for child in (self.time, self.date):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(child)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if QRect(0, 0, CORNER_PX, CORNER_PX).contains(event.position().toPoint()) and self.taps.tap():
            self.admin_gesture.emit()
        event.accept()


class KioskWindow(QWidget):
    """The whole touch screen.

    Signals:
        exit_requested(int): the admin entered the right PIN; the application should quit with this code.
    """

    exit_requested = Signal(int)

    def __init__(
        self,
        service: KioskService,
        watcher: DataVersionWatcher | None,
        *,
        portrait: bool,
        idle_seconds: float | None = None,
        poll_ms: int = POLL_MS,
        large: bool = False,
        high_contrast: bool = False,
    ) -> None:
        super().__init__(None, Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.service = service
        self.watcher = watcher
        self.portrait = portrait
        self.default_large = large
        self.default_high_contrast = high_contrast
        self.large = large
        self.high_contrast = high_contrast
        self.reloads = 0
        self._idle_override = idle_seconds
        self._exiting = False
        self._pin: PinDialog | None = None
        self.history: list[tuple[str, str]] = []
        self.qr = QrCache()
        self._build()
        self.apply_style()
        self.lock = KioskLock(self)
        self.idle = IdleWatcher(idle_seconds if idle_seconds is not None else service.idle_seconds(), self)
        self.idle.idle.connect(self.on_idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.lock)
            app.installEventFilter(self.idle)
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(1000)
        self.clock_timer.timeout.connect(self._tick)
        self.clock_timer.start()
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(poll_ms)
        self.poll_timer.timeout.connect(self.poll)
        if watcher is not None:
            self.poll_timer.start()
        self.refresh()

    # -- building ------------------------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self._top_bar())
        self.stack = QStackedWidget()
        args = (self.service, self.qr, self.portrait)
        self.home = HomePage(*args)
        self.search = SearchPage(*args)
        self.pages: dict[str, KioskPage] = {
            "home": self.home,
            "browse": DomainsPage(*args),
            "items": ItemsPage(*args),
            "item": ItemDetailPage(*args),
            "search": self.search,
            "notices": NoticesPage(*args),
            "notice": NoticeDetailPage(*args),
            "events": EventsPage(*args),
            "event": EventDetailPage(*args),
            "policies": PolicyDomainsPage(*args),
            "policy_list": PolicyListPage(*args),
            "policy_search": PolicySearchPage(*args),
            "policy": PolicyReaderPage(*args),
            "interpretation": InterpretationPage(*args),
            "policy_image": ImagePage(*args),
        }
        for page in self.pages.values():
            self.stack.addWidget(page)
            page.navigate.connect(self.open)
            page.back.connect(self.go_back)
        root.addWidget(self.stack, 1)
        root.addWidget(self._nav_bar())

    def _top_bar(self) -> QWidget:
        bar = QFrame()
        bar.setProperty("role", "bar")
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(24, 10, 24, 10)
        layout.setSpacing(24)
        self.clock = ClockPanel()
        self.clock.admin_gesture.connect(self.ask_pin)
        layout.addWidget(self.clock)
        names = QVBoxLayout()
        names.setSpacing(4)
        self.site_name = label("", "headline")
        self.zone_name = label("", "muted")
        names.addWidget(self.site_name)
        names.addWidget(self.zone_name)
        layout.addLayout(names, 1)
        toggles: QBoxLayout = QVBoxLayout() if self.portrait else QHBoxLayout()
        toggles.setSpacing(12)
        self.large_button = button("")
        self.large_button.clicked.connect(lambda: self.set_modes(large=not self.large))
        self.contrast_button = button("")
        self.contrast_button.clicked.connect(lambda: self.set_modes(high_contrast=not self.high_contrast))
        toggles.addWidget(self.large_button)
        toggles.addWidget(self.contrast_button)
        layout.addLayout(toggles)
        return bar

    def _nav_bar(self) -> QWidget:
        bar = QFrame()
        bar.setProperty("role", "navbar")
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(24, 14, 24, 14)
        layout.setSpacing(14)
        self.home_button = button(self.tr("⌂ 返回首页"), "primary")
        self.home_button.clicked.connect(self.go_home)
        layout.addWidget(self.home_button, 2)
        self.nav_buttons: dict[str, QPushButton] = {}
        for key, text in (
            ("browse", self.tr("查目录")),
            ("search", self.tr("拼音查找")),
            ("notices", self.tr("公示公告")),
            ("events", self.tr("活动日历")),
            ("policies", self.tr("政策文件")),
        ):
            b = button(text)
            b.clicked.connect(lambda _=False, k=key: self.open(k, "", root=True))
            layout.addWidget(b, 1)
            self.nav_buttons[key] = b
        return bar

    # -- modes ---------------------------------------------------------------------------------------

    def set_modes(self, *, large: bool | None = None, high_contrast: bool | None = None) -> None:
        if large is not None:
            self.large = large
        if high_contrast is not None:
            self.high_contrast = high_contrast
        self.apply_style()

    def apply_style(self) -> None:
        self.setStyleSheet(theme.style_sheet(theme.palette(self.high_contrast), theme.sizes(self.large)))
        on, off = self.tr("开 ✓"), self.tr("关")
        self.large_button.setText(self.tr("长辈模式 大字：") + (on if self.large else off))
        self.contrast_button.setText(self.tr("高对比：") + (on if self.high_contrast else off))
        self.large_button.setCheckable(True)
        self.contrast_button.setCheckable(True)
        self.large_button.setChecked(self.large)
        self.contrast_button.setChecked(self.high_contrast)
        current = self.stack.currentWidget() if hasattr(self, "stack") else None
        restyled = getattr(current, "restyled", None)
        if callable(restyled):
            restyled()  # the reader re-cuts its pages for the new type size

    # -- navigation ----------------------------------------------------------------------------------

    def current_key(self) -> str:
        page = self.stack.currentWidget()
        return next(k for k, p in self.pages.items() if p is page)

    def open(self, key: str, arg: str = "", *, root: bool = False) -> None:
        current = self.current_key()
        if root:
            self.history = [("home", "")] if key != "home" else []
        elif current != key or self.pages[current].arg != arg:
            self.history.append((current, self.pages[current].arg))
        self._show(key, arg)

    def _show(self, key: str, arg: str) -> None:
        page = self.pages[key]
        page.show_for(arg)
        self.stack.setCurrentWidget(page)

    def go_back(self) -> None:
        key, arg = self.history.pop() if self.history else ("home", "")
        self._show(key, arg)

    def go_home(self) -> None:
        self.history = []
        self._show("home", "")

    def on_idle(self) -> None:
        """Nobody has touched the screen for a while: start afresh for the next visitor."""
        if self._pin is not None:
            self._pin.reject()
        self.search.reset()
        policy_search = self.pages["policy_search"]
        if isinstance(policy_search, PolicySearchPage):
            policy_search.reset()
        self.set_modes(large=self.default_large, high_contrast=self.default_high_contrast)
        self.go_home()
        self.home.restart()

    # -- data ----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the zone and the visible page (after another connection committed)."""
        site = self.service.site()
        self.site_name.setText(site.name)
        self.zone_name.setText(site.zone_location or site.district)
        if self._idle_override is None:
            self.idle.set_seconds(self.service.idle_seconds())
        self.home.reload()
        current = self.stack.currentWidget()
        if isinstance(current, KioskPage) and current is not self.home:
            current.reload()
        self._tick()
        self.reloads += 1

    def poll(self) -> None:
        if self.watcher is None:
            return
        try:
            if self.watcher.changed():
                self.refresh()
        except Exception:
            # Keep showing the last good content (a locked or half-synced database is transient);
            # the next poll tries again. A real crash is the supervisor's job.
            log.exception("kiosk: reload after a database change failed")

    def _tick(self) -> None:
        now = local(self.service.now())
        self.clock.time.setText(f"{now:%H:%M}")
        note = self.service.day_note(now.date())
        self.clock.date.setText(f"{date_text(now.date())}　{note}")

    # -- locking -------------------------------------------------------------------------------------

    def ask_pin(self) -> None:
        if self._pin is not None:
            return
        dialog = PinDialog(self.service.try_pin, self.service.pin_locked_for, self)
        dialog.setStyleSheet(self.styleSheet())
        dialog.verified.connect(self.admin_exit)
        dialog.finished.connect(self._pin_closed)
        self._pin = dialog
        dialog.open()

    def _pin_closed(self) -> None:
        if self._pin is not None:
            self._pin.deleteLater()
        self._pin = None

    def admin_exit(self) -> None:
        log.info("kiosk: admin exit with the PIN")
        self.shutdown()
        self.exit_requested.emit(0)

    def shutdown(self) -> None:
        """Stop timers, remove the application-wide filters and close for real."""
        self._exiting = True
        self.clock_timer.stop()
        self.poll_timer.stop()
        self.home.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.lock)
            app.removeEventFilter(self.idle)
        if self.watcher is not None:
            self.watcher.close()
            self.watcher = None
        for page in self.pages.values():
            closer = getattr(page, "close_files", None)
            if callable(closer):
                closer()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._exiting:
            event.accept()
        else:
            event.ignore()  # Alt+F4, the window manager's close: a kiosk stays up

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange and self.isMinimized() and not self._exiting:
            QTimer.singleShot(0, self.showFullScreen)
