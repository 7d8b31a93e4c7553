"""The staff window: navigation on the left, one page at a time, site and user in the status bar."""

from __future__ import annotations

import threading
from datetime import datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from app import backup, housekeeping
from app.clock import ZONE
from app.today.service import BADGE_DEFAULT, BADGE_MEANINGS, TodayList, badge_counts
from app.version import app_version
from ui.crash import show_error
from ui.dialogs.about import show_about
from ui.env import UiEnv
from ui.ops import CONFIRMATION_MS
from ui.pages import PAGES, PageSpec, preload
from ui.sync.worker import SyncWorker

#: room left for the window manager's frame (width, height) when it is not known yet
FRAME_ALLOWANCE = (8, 40)
#: how long after the first page has shown its list the other pages' modules start loading in the
#: background, and when they start at the latest
PRELOAD_DELAY_MS = 200
PRELOAD_FALLBACK_MS = 4000
#: how long the badges wait after a change before being read again (several writes, one read)
BADGE_DELAY_MS = 300


class MainWindow(QMainWindow):
    """Builds every page once; pages refresh themselves from the bus.

    Signing out (Ctrl+L) is asked of whoever owns the window (``ui.session.StaffSession``) through
    ``sign_out_requested``; ``closed`` says the window closed and whether that was a sign-out.
    """

    sign_out_requested = Signal()
    closed = Signal(bool)  # True when the window closed because the user signed out
    preloaded = Signal()  # the other pages' code is loaded (emitted from the preloading thread)

    def __init__(self, env: UiEnv, pages: list[PageSpec] | None = None) -> None:
        super().__init__()
        self._env = env
        self.signing_out = False
        self._specs = pages or PAGES
        self._counts: dict[str, int] = {}
        self._reported: dict[str, int] = {}  # the last figure each page or worker reported
        self.site_name = ""
        # Qt adds the application's display name ("公开专区工作台") after the title itself, so the
        # title is only the site: "历城区唐王街道 — 公开专区工作台".
        self.setWindowTitle("")

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(170)
        self.nav.setStyleSheet(
            "QListWidget#nav { font-size: 13pt; background: #f3f5f8; border: none; }"
            "QListWidget#nav::item { padding: 12px 10px; }"
            "QListWidget#nav::item:selected { background: #1d5fa8; color: white; }"
        )
        self.stack = QStackedWidget()
        # Pages are built on first visit: start-up pays only for the first page.
        self._built: dict[str, QWidget] = {}
        for spec in self._specs:
            self.stack.addWidget(QWidget())
            item = QListWidgetItem(self._nav_text(spec))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
        self._fit_nav()
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.setCurrentRow(0)
        self.nav.currentRowChanged.connect(self._show_row)
        # The first page is built on the event loop's next turn, after the window's frame has been
        # drawn: building and drawing both in one go kept the window from answering for ~180 ms on
        # the five-year site (bench/scale.py); ``page()`` still builds it at once if asked before.
        QTimer.singleShot(0, self, lambda: self._show_row(self.nav.currentRow()))

        self._build_menus()
        self.user_label = QLabel(self.tr("当前用户：") + env.user.label)
        self.site_label = QLabel(self.tr("站点：") + self.site_name)
        self.sync_label = QLabel(self.tr("同步：未配置"))
        # Permanent (right-hand) widgets stay visible while a confirmation shows on the left.
        self.statusBar().addPermanentWidget(self.site_label)
        self.statusBar().addPermanentWidget(self.user_label)
        self.switch_button = QToolButton()
        self.switch_button.setDefaultAction(self.sign_out_action)
        self.switch_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.statusBar().addPermanentWidget(self.switch_button)
        self.statusBar().addPermanentWidget(self.sync_label)

        env.bus.navigate.connect(self.open_page)
        # The badges: one service read (TodayService.badges) for every page, again shortly after any
        # change or when a page says its figures may have moved (a sync round). A page's own figure
        # is never shown, so a number means the same on every page.
        self.badge_timer = QTimer(self)
        self.badge_timer.setSingleShot(True)
        self.badge_timer.setInterval(BADGE_DELAY_MS)
        self.badge_timer.timeout.connect(self.reload_badges)
        # While Today is the page shown, it reloads for the same changes and its list gives the
        # badges: the day is computed once, not twice (it is the costliest read of a large site).
        env.bus.changes.connect(lambda _c: None if self._today_current() else self.badge_timer.start())
        env.bus.counts_changed.connect(self._on_counts_changed)
        env.bus.today_listed.connect(self._badges_from_listing)
        if not self._today_current():
            self.reload_badges()
        env.bus.sync_status.connect(self.sync_label.setText)
        # Background sync from sign-in (every few minutes when configured), whether or not anyone
        # opens the Sync page; the page shows this same worker.
        self.sync_worker = SyncWorker(env, self)
        env.sync_worker = self.sync_worker
        env.ops.confirmed.connect(self.confirm)
        env.tasks.failed.connect(lambda exc: show_error(self, exc, str(env.ctx.paths.log_file)))
        self.resize(1280, 800)
        self._restore_geometry()
        env.ops.read(self, env.ctx.sites.get, self._show_site, key="site")
        # What the date changes (expired notices, outbox compaction) is written now and at midnight.
        self.midnight = QTimer(self)
        self.midnight.setSingleShot(True)
        self.midnight.timeout.connect(lambda: self.housekeeping(date_changed=True))
        self.housekeeping(date_changed=False)
        # The other pages' code loads once the first page shows its list (or after a few seconds),
        # so that loading does not compete with the first page's own read.
        self.preloader: threading.Thread | None = None
        env.bus.today_listed.connect(lambda _listing: QTimer.singleShot(PRELOAD_DELAY_MS, self._preload))
        QTimer.singleShot(PRELOAD_FALLBACK_MS, self._preload)

    def _preload(self) -> None:
        """Load the other pages' code in the background (``ui.pages.preload``), once."""
        if self.preloader is None:
            self.preloader = preload((s for s in self._specs if s.key not in self._built), self.preloaded.emit)

    def _show_site(self, site: object) -> None:
        self.site_name = getattr(site, "name", "") or ""
        self.setWindowTitle(self.site_name)
        self.site_label.setText(self.tr("站点：") + self.site_name)

    @property
    def user_name(self) -> str:
        return self._env.user.name

    @property
    def env(self) -> UiEnv:
        return self._env

    def confirm(self, text: str) -> None:
        """A state change's confirmation (from the operations layer) in the status bar."""
        self.statusBar().showMessage(text, CONFIRMATION_MS)

    def housekeeping(self, *, date_changed: bool = True) -> None:
        """Store what the date changed, then wait for the next midnight (Asia/Shanghai)."""
        ctx = self._env.ctx
        if not ctx.readonly:
            self._env.ops.write(self, lambda: housekeeping.run(ctx))
        if date_changed:
            self.badge_timer.start()  # "due soon" and "overdue" move with the date
        now = ctx.clock.now().astimezone(ZONE)
        midnight = datetime.combine(now.date() + timedelta(days=1), time(0, 0, 30), ZONE)
        self.midnight.start(max(1000, int((midnight - now).total_seconds() * 1000)))

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built now if it has not been shown yet."""
        if key not in self._built:
            row = [s.key for s in self._specs].index(key)
            page = self._specs[row].factory(self._env)
            stand_in = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            if stand_in is not None:
                self.stack.removeWidget(stand_in)
                stand_in.deleteLater()
            self._built[key] = page
        return self._built[key]

    @property
    def pages(self) -> dict[str, QWidget]:
        """Every page (building those not yet shown); for tests and navigation."""
        return {spec.key: self.page(spec.key) for spec in self._specs}

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentWidget(self.page(self._specs[row].key))

    def _fit_nav(self) -> None:
        """As wide as the longest entry with a two-digit badge (English titles are longer than
        Chinese ones: "Policy documents (12)" was cut off in a fixed 170 pixels)."""
        font = self.nav.font()
        font.setPointSize(13)  # the style sheet's size
        metrics = QFontMetrics(font)
        widest = max(
            (
                metrics.horizontalAdvance(QCoreApplication.translate("Nav", spec.title) + "  (99)")
                for spec in self._specs
            ),
            default=0,
        )
        self.nav.setFixedWidth(max(170, widest + 2 * 10 + 12))

    def _nav_text(self, spec: PageSpec) -> str:
        title = QCoreApplication.translate("Nav", spec.title)
        count = self._counts.get(spec.key, 0)
        return f"{title}  ({count})" if count else title

    def _nav_tip(self, spec: PageSpec) -> str:
        meaning = QCoreApplication.translate("Badges", BADGE_MEANINGS.get(spec.key, BADGE_DEFAULT))
        count = self._counts.get(spec.key, 0)
        return meaning + "\n" + self.tr("现在：%n 件", "", count)

    def _today_current(self) -> bool:
        row = self.nav.currentRow()
        return 0 <= row < len(self._specs) and self._specs[row].key == "today"

    def _on_counts_changed(self, key: str, figure: int) -> None:
        """A page's or the sync worker's own figure: the badges are read again only when it moved
        (its first report is what the last badge read already saw). The sync status is published on
        every refresh, and each read of the badges is a whole Today list."""
        known = self._reported.get(key)
        self._reported[key] = figure
        if known is not None and known != figure:
            self.badge_timer.start()

    def _badges_from_listing(self, listing: TodayList) -> None:
        self.badge_timer.stop()
        self._show_badges(badge_counts(listing, [s.key for s in self._specs]))

    def reload_badges(self) -> None:
        """Read every page's "needs your action" figure on the read pool (one Today list); on Today,
        the page reloads and its list gives them."""
        today = self._built.get("today")
        if today is not None and self._today_current():
            today.reload()  # type: ignore[attr-defined]
            return
        ctx, user, keys = self._env.ctx, self._env.user, [s.key for s in self._specs]
        self._env.ops.read(self, lambda: ctx.today.badges(user, keys), self._show_badges, key="badges")

    def _show_badges(self, counts: dict[str, int]) -> None:
        self._counts = dict(counts)
        for row, spec in enumerate(self._specs):
            item = self.nav.item(row)
            item.setText(self._nav_text(spec))
            item.setToolTip(self._nav_tip(spec))

    def badge(self, key: str) -> int:
        """The figure the navigation shows for page ``key`` (0: none)."""
        return self._counts.get(key, 0)

    def open_page(self, key: str, record_uuid: str = "") -> None:
        """Show page ``key``; pages with ``open_record`` jump to the record."""
        for row, spec in enumerate(self._specs):
            if spec.key == key:
                self.nav.setCurrentRow(row)
                page = self.page(key)
                opener = getattr(page, "open_record", None)
                if record_uuid and callable(opener):
                    opener(record_uuid)
                return

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        backup_action = QAction(self.tr("立即备份数据库"), self)
        backup_action.triggered.connect(self._backup)
        file_menu.addAction(backup_action)
        file_menu.addSeparator()
        self.sign_out_action = QAction(self.tr("退出登录/切换用户"), self)
        self.sign_out_action.setShortcut(QKeySequence("Ctrl+L"))
        self.sign_out_action.setToolTip(self.tr("退出当前用户并回到登录框（Ctrl+L），不必关闭程序"))
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        file_menu.addAction(self.sign_out_action)
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        about = QAction(self.tr("关于"), self)
        about.triggered.connect(lambda: show_about(self, app_version(), str(self._env.ctx.paths.root)))
        help_menu.addAction(about)

    def _backup(self) -> None:
        paths = self._env.ctx.paths

        def done(path: object) -> None:
            QMessageBox.information(self, self.tr("备份完成"), self.tr("已备份到：") + str(path))

        self._env.tasks.run(lambda: backup.backup(paths), done, lambda e: show_error(self, e))

    def _restore_geometry(self) -> None:
        state = QSettings().value("main_window/geometry")
        if state is not None:
            self.restoreGeometry(state)
        # Never taller or wider than the screen (a 1366×768 laptop): the status bar, where every
        # confirmation shows, must stay in sight.
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry()
            frame = self.frameGeometry().size() - self.geometry().size()
            # Before the first show the window manager has not framed the window yet: allow for
            # a title bar and borders.
            width = min(self.width(), room.width() - max(frame.width(), FRAME_ALLOWANCE[0]))
            height = min(self.height(), room.height() - max(frame.height(), FRAME_ALLOWANCE[1]))
            if (width, height) != (self.width(), self.height()):
                self.resize(width, height)
                self.move(room.topLeft())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        self._env.tasks.wait(10000)
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit(self.signing_out)
