"""The Today page (今日工作): the first page after sign-in.

One list read top to bottom — 已逾期 / 今天到期 / 3个工作日内 / 今天和本周的活动 / 同步 — each entry
saying why it is there and opening its record on double-click or Enter; a plain headline; the
reminder summary at start and at the daily ``reminder_time``; the printable task sheet; and a second
tab with the monthly self-assessment.

Signals used: ``bus.navigate(page, uuid)`` to open a record, the navigation badges are the
window's (``TodayService.badges``); reloads when any capability's records change (``bus.watch``). The list is
computed once per load on the read pool; the reminder summary is recorded from that same list.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.clock import ZONE
from app.errors import GongkaiError
from app.today import TodayItem, TodayList
from app.today.reminders import ReminderSummary, next_reminder, parse_reminder_time
from ui.crash import show_error
from ui.env import UiEnv
from ui.i18n import full_day_text, message_text
from ui.rowfit import VisibleRowFitter
from ui.saved import announce_saved
from ui.table_model import FIT_ROWS, SortFilterProxy
from ui.today.assessment_view import AssessmentView
from ui.today.list_model import SectionRow, TodayListModel, item_title, rows_of

PAGE_KEY = "today"


class TodayPage(QWidget):
    """The clerk's home page."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self.listing: TodayList | None = None
        layout = QVBoxLayout(self)

        self.headline = QLabel()
        self.headline.setObjectName("todayHeadline")
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-size: 20pt; font-weight: bold; padding: 6px 2px;")
        layout.addWidget(self.headline)
        self.subline = QLabel()
        self.subline.setStyleSheet("font-size: 11pt; color: #555;")
        layout.addWidget(self.subline)

        self.banner = QFrame()
        self.banner.setObjectName("reminderBanner")
        self.banner.setStyleSheet(
            "QFrame#reminderBanner { background: #fff4cc; border: 1px solid #e0c060; border-radius: 4px; }"
        )
        banner_layout = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_text.setStyleSheet("font-size: 12pt;")
        banner_layout.addWidget(self.banner_text, 1)
        close = QPushButton(self.tr("知道了"))
        close.clicked.connect(self.banner.hide)
        banner_layout.addWidget(close)
        self.banner.hide()
        layout.addWidget(self.banner)

        self.tabs = QTabWidget()
        work = QWidget()
        work_layout = QVBoxLayout(work)
        self.model = TodayListModel(self)
        self.proxy = SortFilterProxy(self)  # no sorting: the service's order is the reading order
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        # A font, not a style sheet: a style sheet on an item view makes Qt measure and paint every
        # cell through the (much slower) style-sheet style.
        font = self.view.font()
        font.setPointSize(12)
        self.view.setFont(font)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        # The date and kind columns fit the first rows, not every one of a long list.
        header.setResizeContentsPrecision(FIT_ROWS)
        self.view.setColumnWidth(0, 330)
        self.row_fitter = VisibleRowFitter(self.view)  # wrapped rows, measured when on screen
        self.view.doubleClicked.connect(self._on_view_activated)
        self.view.installEventFilter(self)
        work_layout.addWidget(self.view, 1)
        hint = QLabel(self.tr("双击或按回车键打开该事项所在页面。"))
        hint.setStyleSheet("color: #555;")
        buttons = QHBoxLayout()
        buttons.addWidget(hint, 1)
        self.print_button = QPushButton(self.tr("打印今日任务单…"))
        self.print_button.clicked.connect(self._save_task_sheet)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.clicked.connect(lambda: self.reload())
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.refresh_button)
        work_layout.addLayout(buttons)
        self.tabs.addTab(work, self.tr("今日工作"))
        self.assessment = AssessmentView(env)
        self.tabs.addTab(self.assessment, self.tr("月度自评"))
        layout.addWidget(self.tabs, 1)

        self.reminder_timer = QTimer(self)
        self.reminder_timer.setSingleShot(True)
        self.reminder_timer.timeout.connect(self._on_reminder_time)

        # Any capability's change can add or clear an item (the assessment tab has its own reload).
        env.bus.watch(
            self, ("notice", "request", "event", "catalogue", "holiday", "sync", "settings"), self._on_changes
        )
        self.remind()
        self._arm_reminder()

    # -- loading ---------------------------------------------------------------------------

    def reload(self, _changes: Changes | None = None) -> None:
        """Compute the day's list once (read pool); the reminder summary reuses it."""
        self.load(remind=False)

    def load(self, *, remind: bool) -> None:
        ctx, user = self._env.ctx, self._env.user

        def shown(listing: TodayList) -> None:
            self._show(listing)
            if remind:
                self._remind_with(listing)

        self._env.ops.read(self, lambda: ctx.today.list(user), shown, key="list", loading=self.view)

    def _show(self, listing: TodayList) -> None:
        self.listing = listing
        self.headline.setText(message_text(listing.headline_message()))
        self.subline.setText(
            self.tr("%1　%2").replace("%1", full_day_text(listing.day)).replace("%2", self._env.user.label)
        )
        self.model.set_rows(rows_of(listing))
        self.view.clearSpans()
        for row, value in enumerate(self.model.rows()):
            if isinstance(value, SectionRow):
                self.view.setSpan(row, 0, 1, self.model.columnCount())
        self._env.bus.today_listed.emit(listing)

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc, str(self._env.ctx.paths.log_file))

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("settings"):
            self._arm_reminder()
        self.reload(changes)

    # -- opening records -------------------------------------------------------------------

    def item_at(self, proxy_row: int) -> TodayItem | None:
        value = self.proxy.object_at(proxy_row)
        return value if isinstance(value, TodayItem) else None

    def _on_view_activated(self, index: QModelIndex) -> None:
        self.open_item(self.item_at(index.row()))

    def open_item(self, item: TodayItem | None) -> None:
        if item is not None:
            self._env.bus.navigate.emit(item.page_key, item.record_uuid)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            current = self.view.currentIndex()
            if current.isValid():
                self.open_item(self.item_at(current.row()))
                return True
        return super().eventFilter(watched, event)

    def open_record(self, record_uuid: str) -> None:
        """Select the item about ``record_uuid`` (the Today page's records are other pages' records)."""
        for row in range(self.proxy.rowCount()):
            item = self.item_at(row)
            if item is not None and item.record_uuid == record_uuid:
                self.view.selectRow(row)
                return

    # -- reminders -------------------------------------------------------------------------

    def remind(self) -> None:
        """Show what became due since the last summary (nothing is shown twice a day)."""
        self.load(remind=True)

    def _remind_with(self, listing: TodayList) -> None:
        """Record the summary of ``listing`` (a write: the reminder log) and show its news."""
        ctx, user = self._env.ctx, self._env.user
        self._env.ops.write(
            self, lambda: ctx.today.reminders.announce(user, listing=listing), self._show_reminder
        )

    def _show_reminder(self, summary: ReminderSummary) -> None:
        if not summary.items:
            return
        first = item_title(summary.items[0])
        self.banner_text.setText(
            self.tr("提醒：")
            + message_text(summary.message)
            + self.tr("最急的一件：")
            + first
            + self.tr("。详见下表。")
        )
        self.banner.show()

    def _arm_reminder(self) -> None:
        settings = self._env.ctx.settings
        self._env.ops.read(
            self, lambda: str(settings.get("reminder_time")), self._arm_at, key="reminder_time"
        )

    def _arm_at(self, text: str) -> None:
        try:
            at = parse_reminder_time(text)
        except GongkaiError:
            self.reminder_timer.stop()  # an unreadable time: the Settings page reports it
            return
        now = self._env.ctx.clock.now()
        due = next_reminder(now, at)
        self.reminder_timer.start(max(1000, int((due - now.astimezone(ZONE)).total_seconds() * 1000)))

    def _on_reminder_time(self) -> None:
        self.remind()
        self._arm_reminder()

    # -- printing --------------------------------------------------------------------------

    def _save_task_sheet(self) -> None:
        day = self._env.ctx.clock.today()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存今日任务单"), f"今日任务单-{day.isoformat()}.pdf", self.tr("PDF 文件 (*.pdf)")
        )
        if not path:
            return
        target = Path(path).with_suffix(".pdf")
        ctx, user = self._env.ctx, self._env.user

        def work() -> Path:
            target.write_bytes(ctx.today.task_sheet_pdf(user))
            return target

        def done(written: Path) -> None:
            announce_saved(self, written)

        self._env.ops.read(self, work, done, key="sheet")
