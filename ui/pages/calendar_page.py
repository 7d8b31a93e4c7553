"""The event calendar page: month, week and agenda views, the selected event's details and actions,
what needs attention (closing reports, adoption reports due, room overlaps) and the year's targets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.authz import Action
from app.events import EventValue, ImportReport, Occurrence, SynonymTable
from app.events.printouts import format_span
from app.events.recurrence import describe_rule
from app.events.service import overlaps_in
from app.events.values import AdoptionDue, EventTypeValue, Overlap, TargetProgress
from app.policies.links import titles as policy_titles
from ui.actions import ask_first
from ui.calendar.chart import TargetChart
from ui.calendar.dialogs import ClosingDialog, RegistrationsDialog, TargetsDialog
from ui.calendar.event_dialog import EventDialog, EventSetup, load_event_setup
from ui.calendar.grid import DayGrid, weekday_name
from ui.calendar.occurrence_dialog import CancelEventDialog, MoveOccurrenceDialog
from ui.calendar.synonyms import SynonymDialog
from ui.calendar.text import arg
from ui.env import UiEnv
from ui.i18n import app_label
from ui.saved import announce_saved
from ui.table_model import Column, RecordTableModel, SortFilterProxy, fit_to_contents


def _agenda_title(o: Occurrence) -> str:
    if o.status == "cancelled":
        return "【已取消】" + o.title
    return o.title + ("（本次改期）" if o.moved else "")


def agenda_columns() -> list[Column[Occurrence]]:
    return [
        Column("日期", lambda o: f"{o.start:%Y-%m-%d} {weekday_name(o.start.weekday())}", lambda o: o.start),
        Column("时间", lambda o: "全天" if o.all_day else f"{o.start:%H:%M}—{o.end:%H:%M}"),
        Column("类型", lambda o: o.type_label),
        Column("标题", _agenda_title, tooltip=lambda o: o.title),
        Column("地点", lambda o: o.place),
    ]


#: The service's action keys (EventService.actions) -> this page's buttons.
_BUTTONS = {
    "event.update": "edit",
    "event.register": "registrations",
    "event.mark_held": "held",
    "event.close": "close",
    "event.publish_adoption": "publish",
    "event.move_occurrence": "move",
    "event.cancel_occurrence": "skip",
    "event.cancel": "cancel",
    "event.poster": "poster",
    "event.signin": "signin",
    "event.adoption_report": "adoption",
}


@dataclass(frozen=True)
class CalendarData:
    """What one range of the calendar shows, read together off the GUI thread."""

    today: date
    occurrences: list[Occurrence]
    closing: list[EventValue]
    adoption: list[AdoptionDue]
    overlaps: list[Overlap]
    targets: list[TargetProgress]
    types: list[EventTypeValue]
    page_actions: list[Action]  # EventService.actions(user, None): new, import, targets, synonyms


class CalendarPage(QWidget):
    """Admins plan and close events; clerks register people and check them in."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._today = env.ctx.clock.today()
        self.anchor = self._today
        self.selected: Occurrence | None = None
        self._event: EventValue | None = None
        self._actions_for: Occurrence | None = None
        self._pending_menu: QPoint | None = None
        self._wanted = ""
        self._page_actions: dict[str, Action] = {}  # until the first read: nothing offered
        self._edit_when_ready: Occurrence | None = None  # a double-click waiting for the actions
        layout = QHBoxLayout(self)

        left = QVBoxLayout()
        bar = QHBoxLayout()
        self.view_buttons = QButtonGroup(self)
        for i, text in enumerate((self.tr("月"), self.tr("周"), self.tr("列表"))):
            b = QPushButton(text)
            b.setCheckable(True)
            self.view_buttons.addButton(b, i)
            bar.addWidget(b)
        self.view_buttons.button(0).setChecked(True)
        self.prev_button = QPushButton("‹")
        self.today_button = QPushButton(self.tr("今天"))
        self.next_button = QPushButton("›")
        self.period_label = QLabel()
        self.period_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.type_filter = QComboBox()
        self.type_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.type_filter.setMinimumContentsLength(8)
        for nav in (self.prev_button, self.today_button, self.next_button, self.period_label):
            bar.addWidget(nav)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("类型")))
        bar.addWidget(self.type_filter)
        self.new_button = QPushButton(self.tr("新建活动"))
        self.import_button = QPushButton(self.tr("导入 .ics"))
        self.export_button = QPushButton(self.tr("导出 .ics"))
        self.subscription_button = QPushButton(self.tr("订阅文件…"))
        self.synonyms_button = QPushButton(self.tr("类型同义词…"))
        self.synonyms_button.setToolTip(self.tr("导入日历文件时，各种分类写法对应哪种活动类型"))
        self.subscription_button.setToolTip(
            self.tr("只含专区公开活动（已遮蔽、不含报名信息）的 .ics，群众手机日历可导入或订阅")
        )
        bar.addWidget(self.new_button)
        # Narrow, font-sized navigation buttons keep the bar within a 1366-pixel screen.
        small = self.fontMetrics().horizontalAdvance("国") * 3
        for button in (self.prev_button, self.next_button, *self.view_buttons.buttons()):
            button.setMaximumWidth(small + 16)
        self.today_button.setMaximumWidth(small + 24)
        self.new_button.setVisible(False)  # shown when EventService.actions allows it
        self.import_button.setVisible(False)
        left.addLayout(bar)

        self.attention = QLabel()
        self.attention.setWordWrap(True)
        self.attention.setTextFormat(Qt.TextFormat.RichText)
        self.attention.setStyleSheet("background: #fff4e5; border: 1px solid #f0c36d; padding: 6px;")
        left.addWidget(self.attention)

        self.stack = QStackedWidget()
        self.month_view = DayGrid(6)
        self.week_view = DayGrid(1)
        self.agenda_model: RecordTableModel[Occurrence] = RecordTableModel(
            agenda_columns(), "CalendarPage", self
        )
        self.agenda_proxy = SortFilterProxy(self)
        self.agenda_proxy.setSourceModel(self.agenda_model)
        self.agenda_view = QTableView()
        self.agenda_view.setModel(self.agenda_proxy)
        self.agenda_view.setSortingEnabled(True)
        self.agenda_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.agenda_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.agenda_view.verticalHeader().setVisible(False)
        header = self.agenda_view.horizontalHeader()
        fit_to_contents(header)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(4, self.fontMetrics().horizontalAdvance("国") * 12)
        for w in (self.month_view, self.week_view, self.agenda_view):
            self.stack.addWidget(w)
        left.addWidget(self.stack, 1)
        layout.addLayout(left, 3)

        side = QWidget()
        side.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 24)
        right = QVBoxLayout(side)
        right.setContentsMargins(0, 0, 0, 0)
        details_box = QGroupBox(self.tr("活动详情"))
        details_layout = QVBoxLayout(details_box)
        self.details = QLabel(self.tr("在日历中点选一项活动。"))
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.details)
        details_layout.addWidget(scroll, 1)
        self.action_buttons: dict[str, QPushButton] = {}
        self._actions: dict[str, Action] = {}
        grid = QGridLayout()
        for key, text in (
            ("edit", self.tr("编辑活动")),
            ("registrations", self.tr("报名与签到")),
            ("held", self.tr("登记已举办")),
            ("close", self.tr("总结报告与采纳情况")),
            ("publish", self.tr("公开采纳情况")),
            ("move", self.tr("调整本次时间")),
            ("skip", self.tr("取消本次（重复活动）")),
            ("cancel", self.tr("取消整个活动")),
            ("poster", self.tr("打印海报")),
            ("signin", self.tr("打印签到表")),
            ("adoption", self.tr("打印采纳情况")),
        ):
            b = QPushButton(text)
            b.clicked.connect(lambda _=False, k=key: self._on_action(k))
            grid.addWidget(b, len(self.action_buttons) // 2, len(self.action_buttons) % 2)
            self.action_buttons[key] = b
        details_layout.addLayout(grid)
        right.addWidget(details_box, 1)
        targets_box = QGroupBox(arg(self.tr("%1 年度目标完成情况"), str(self._today.year)))
        targets_layout = QVBoxLayout(targets_box)
        self.chart = TargetChart()
        targets_layout.addWidget(self.chart)
        self.targets_button = QPushButton(self.tr("设置年度目标…"))
        self.targets_button.setVisible(False)
        self.targets_button.clicked.connect(self._edit_targets)
        targets_layout.addWidget(self.targets_button)
        right.addWidget(targets_box)
        # Two rows of two: four buttons side by side are clipped in the side panel on a 1366 screen.
        files = QGridLayout()
        files.addWidget(self.import_button, 0, 0)
        files.addWidget(self.export_button, 0, 1)
        files.addWidget(self.subscription_button, 1, 0)
        files.addWidget(self.synonyms_button, 1, 1)
        right.addLayout(files)
        layout.addWidget(side, 1)

        self._type_keys: list[str] = []
        self._connect_signals()
        env.bus.watch(self, ("event", "holiday", "settings"), lambda _c: self.reload())
        self.reload()

    def _connect_signals(self) -> None:
        self.view_buttons.idClicked.connect(self._on_view_changed)
        self.prev_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.today_button.clicked.connect(self._go_today)
        self.type_filter.currentIndexChanged.connect(lambda _: self.reload())
        self.new_button.clicked.connect(lambda: self._new_event(None))
        self.import_button.clicked.connect(self._import)
        self.export_button.clicked.connect(self._export)
        self.subscription_button.clicked.connect(self._subscription)
        self.synonyms_button.clicked.connect(self.edit_synonyms)
        for grid in (self.month_view, self.week_view):
            grid.occurrence_clicked.connect(self._select)
            grid.occurrence_activated.connect(self._activate)
            grid.day_clicked.connect(self._on_day_clicked)
            grid.more_clicked.connect(self._show_week_of)
            grid.occurrence_menu.connect(self._menu_at)
        self.agenda_view.clicked.connect(lambda idx: self._select(self.agenda_proxy.object_at(idx.row())))
        self.agenda_view.doubleClicked.connect(
            lambda idx: self._activate(self.agenda_proxy.object_at(idx.row()))
        )
        self.agenda_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.agenda_view.customContextMenuRequested.connect(self._agenda_menu)
        self.attention.linkActivated.connect(self.open_record)

    # -- loading ---------------------------------------------------------------------------------

    def _fill_types(self, types: list[EventTypeValue]) -> None:
        current = self.type_filter.currentData()
        self.type_filter.blockSignals(True)
        self.type_filter.clear()
        self.type_filter.addItem(self.tr("全部类型"), "")
        self._type_keys = [t.key for t in types]
        for t in types:
            if t.active:
                self.type_filter.addItem(app_label(t.label), t.key)
        self.type_filter.setCurrentIndex(max(self.type_filter.findData(current), 0))
        self.type_filter.blockSignals(False)

    def _window(self) -> tuple[date, date, int | None]:
        view = self.stack.currentIndex()
        if view == 0:
            first_of_month = self.anchor.replace(day=1)
            first = first_of_month - timedelta(days=first_of_month.weekday())
            return first, first + timedelta(days=41), self.anchor.month
        if view == 1:
            first = self.anchor - timedelta(days=self.anchor.weekday())
            return first, first + timedelta(days=6), None
        first = self.anchor.replace(day=1)
        return first, (first + timedelta(days=62)).replace(day=1) - timedelta(days=1), None

    def _adoption_state(self, overdue: bool, provisional: bool) -> str:
        """``AdoptionDue.state_label``, translated."""
        label = self.tr("已逾期") if overdue else self.tr("待公开")
        return label + (self.tr("（暂定：该年无官方假期数据）") if provisional else "")

    def reload(self) -> None:
        """Read what the shown range needs in one go on the read pool: the occurrences (each series
        that reaches the range expanded once), the reports due, room clashes, targets, types."""
        events, clock, user = self._env.ctx.events, self._env.ctx.clock, self._env.user
        first, last, month = self._window()
        key = self.type_filter.currentData()
        view = self.stack.currentIndex()

        def work() -> CalendarData:
            today = clock.today()
            occurrences = events.occurrences(first, last, {key} if key else None)
            everything = occurrences if not key else events.occurrences(first, last)
            return CalendarData(
                today=today,
                occurrences=occurrences,
                closing=events.closing_reports_due(today),
                adoption=events.adoption_due(today),
                overlaps=overlaps_in(everything),
                targets=events.targets(today.year),
                types=events.types(include_inactive=True),
                page_actions=events.actions(user, None),
            )

        self._env.ops.read(
            self,
            work,
            lambda data: self._show(data, first, last, month, view),
            key="range",
            loading=self.stack,
        )

    def _show(self, data: CalendarData, first: date, last: date, month: int | None, view: int) -> None:
        self._today = data.today
        self._fill_types(data.types)
        self._apply_page_actions(data.page_actions)
        occurrences = data.occurrences
        if view == 0:
            self.period_label.setText(arg(self.tr("%1年%2月"), str(self.anchor.year), str(self.anchor.month)))
            self.month_view.set_data(
                first, occurrences, month=month, today=self._today, type_keys=self._type_keys
            )
        elif view == 1:
            self.period_label.setText(
                arg(self.tr("%1月%2日—%3日"), str(first.month), str(first.day), str(last.day))
                if first.month == last.month
                else arg(
                    self.tr("%1月%2日—%3月%4日"),
                    str(first.month),
                    str(first.day),
                    str(last.month),
                    str(last.day),
                )
            )
            self.week_view.set_data(
                first, occurrences, month=None, today=self._today, type_keys=self._type_keys
            )
        else:
            self.period_label.setText(
                arg(self.tr("%1年%2月—%3月"), str(first.year), str(first.month), str(last.month))
            )
            self.agenda_model.set_rows(occurrences)
        self._show_attention(data)
        self.chart.set_rows(data.targets)
        self._show_selected()
        if self._wanted:
            uuid, self._wanted = self._wanted, ""
            occ = next((o for o in occurrences if o.event_uuid == uuid), None)
            if occ is not None:
                self._select(occ)

    def _show_attention(self, data: CalendarData) -> None:
        lines: list[str] = []
        for ev in data.closing[:3]:
            lines.append(self.tr("待提交总结报告：") + f"<a href='{ev.uuid}'>{escape(ev.title)}</a>")
        for a in data.adoption[:3]:
            colour = "#c62828" if a.overdue else "#b45309"
            lines.append(
                f"<span style='color:{colour}'>"
                + arg(self.tr("采纳情况%1："), escape(self._adoption_state(a.overdue, a.provisional)))
                + f"<a href='{a.event_uuid}'>{escape(a.title)}</a>"
                + arg(
                    self.tr("，应于 %1 前公开"),
                    arg(self.tr("%1年%2月%3日"), str(a.due.year), str(a.due.month), str(a.due.day)),
                )
                + "</span>"
            )
        for o in data.overlaps[:3]:
            lines.append(
                arg(
                    self.tr("地点冲突：%1 %2 “%3”与“%4”"),
                    f"{o.first.start:%m-%d %H:%M}",
                    escape(o.place),
                    escape(o.first.title),
                    escape(o.second.title),
                )
            )
        self.attention.setText("<br>".join(lines))
        self.attention.setVisible(bool(lines))

    # -- navigation ------------------------------------------------------------------------------

    def _on_view_changed(self, view: int) -> None:
        self.stack.setCurrentIndex(view)
        self.reload()

    def _step(self, direction: int) -> None:
        view = self.stack.currentIndex()
        if view == 1:
            self.anchor += timedelta(weeks=direction)
        else:
            month = self.anchor.month - 1 + direction
            self.anchor = date(self.anchor.year + month // 12, month % 12 + 1, 1)
        self.reload()

    def _go_today(self) -> None:
        self.anchor = self._today
        self.reload()

    def _on_day_clicked(self, day: date) -> None:
        if self.stack.currentIndex() == 0 and day.month != self.anchor.month:
            self.anchor = day
            self.reload()

    def _show_week_of(self, day: date) -> None:
        """The "+N 项" line of a crowded day opens its week, where every occurrence has room."""
        self.anchor = day
        self.stack.setCurrentIndex(1)
        self.view_buttons.button(1).setChecked(True)
        self.reload()

    def open_record(self, uuid: str) -> None:
        """Show the event's (first) occurrence in the month view and select it."""
        events = self._env.ctx.events

        def show(ev: EventValue) -> None:
            self.anchor = ev.start.date()
            self.stack.setCurrentIndex(0)
            self.view_buttons.button(0).setChecked(True)
            self.type_filter.setCurrentIndex(0)
            self._wanted = uuid
            self.reload()

        self._env.ops.read(self, lambda: events.get(uuid), show, key="open")

    # -- selection and actions -------------------------------------------------------------------

    def _select(self, occ: Occurrence) -> None:
        self.selected = occ
        self.month_view.selected_uuid = self.week_view.selected_uuid = occ.event_uuid
        self.month_view.update()
        self.week_view.update()
        self._show_selected()

    def _agenda_menu(self, pos: QPoint) -> None:
        index = self.agenda_view.indexAt(pos)
        if index.isValid():
            occ = self.agenda_proxy.object_at(index.row())
            self._menu_at(occ, self.agenda_view.viewport().mapToGlobal(pos))

    def _menu_at(self, occ: Occurrence, pos: QPoint) -> None:
        """Select ``occ`` and pop its menu at ``pos`` once its actions are known (read on the pool)."""
        if self.selected == occ and self._actions_for == occ:
            self.occurrence_menu(occ).exec(pos)
            return
        self._pending_menu = pos
        self._select(occ)

    def occurrence_menu(self, occ: Occurrence) -> QMenu:
        """The context menu of one occurrence (month, week and agenda views): the same actions as the
        buttons under the details, from the same ``EventService.actions``."""
        if self.selected != occ:
            self._select(occ)
        menu = QMenu(self)
        for key in ("edit", "move", "skip", "cancel", "registrations", "poster"):
            button = self.action_buttons[key]
            action = menu.addAction(button.text() + ("…" if key in ("edit", "move", "cancel") else ""))
            a = self._actions.get(key) if self._actions_for == occ else None
            action.setEnabled(bool(a and a.enabled))
            action.setData(key)
            action.triggered.connect(lambda _=False, k=key: self._on_action(k))
        return menu

    def _apply_page_actions(self, actions: list[Action]) -> None:
        """The calendar-wide buttons, as the events service says (hidden from those who may not)."""
        self._page_actions = {a.key: a for a in actions}
        for key, button in (
            ("event.create", self.new_button),
            ("event.import", self.import_button),
            ("event.target", self.targets_button),
        ):
            a = self._page_actions.get(key)
            button.setVisible(bool(a and a.allowed))
            button.setEnabled(bool(a and a.enabled))

    def may(self, key: str) -> bool:
        """Whether the events service said this user may do the calendar-wide action ``key``."""
        a = self._page_actions.get(key)
        return bool(a and a.enabled)

    def _activate(self, occ: Occurrence) -> None:
        """Double-click: edit the event, when its actions (read on the pool) allow it."""
        self._select(occ)
        if self._actions_for == occ:
            self._edit_if_allowed()
        else:
            self._edit_when_ready = occ

    def _edit_if_allowed(self) -> None:
        a = self._actions.get("edit")
        if a is not None and a.enabled:
            self._on_action("edit")

    def _show_selected(self) -> None:
        """The selected occurrence's event and what may be done to it, read on the pool."""
        occ = self.selected
        self._actions_for = None
        for b in self.action_buttons.values():
            b.setEnabled(False)  # until the actions of this occurrence arrive
        if occ is None:
            self._env.ops.forget(self, "selected")
            self.details.setText(self.tr("在日历中点选一项活动。"))
            return
        events, user = self._env.ctx.events, self._env.user

        def work() -> tuple[EventValue, list[Action], tuple[date, date, bool] | None]:
            ev = events.get(occ.event_uuid)
            deadline = events.adoption_deadline(ev) if ev.status == "closed" and ev.suggestions else None
            return ev, events.actions(user, occ.event_uuid, occ.start, occ.end), deadline

        def show(result: tuple[EventValue, list[Action], tuple[date, date, bool] | None]) -> None:
            ev, actions, deadline = result
            self._event = ev
            self._actions = {_BUTTONS.get(a.key, a.key): a for a in actions}
            self._actions_for = occ
            self.details.setText(self._details_html(ev, occ, deadline))
            for key, button in self.action_buttons.items():
                a = self._actions.get(key)
                button.setEnabled(bool(a and a.enabled))
                button.setToolTip(a.reason if a and a.reason else "")
            if self._pending_menu is not None and self.selected == occ:
                pos, self._pending_menu = self._pending_menu, None
                self.occurrence_menu(occ).exec(pos)
            if self._edit_when_ready == occ:
                self._edit_when_ready = None
                self._edit_if_allowed()

        def gone(_exc: BaseException) -> None:  # deleted meanwhile: show nothing
            self.details.setText(self.tr("在日历中点选一项活动。"))

        self._env.ops.read(self, work, show, key="selected", failed=gone)

    def _details_html(
        self, ev: EventValue, occ: Occurrence, deadline: tuple[date, date, bool] | None = None
    ) -> str:
        rows = [
            (self.tr("类型"), ev.type_label),
            (
                self.tr("本次时间"),
                format_span(occ.start, occ.end) + (self.tr("（已改期）") if occ.moved else ""),
            ),
            (self.tr("地点"), occ.place),
            (self.tr("重复"), describe_rule(ev.rrule)),
            (self.tr("主办"), ev.host),
            (self.tr("主讲"), "、".join(ev.speakers)),
            (self.tr("对象"), ev.audience),
            (self.tr("邀请"), "、".join(ev.invited_roles)),
            (self.tr("相关政策"), policy_titles(ev.policy_links)),
            (self.tr("状态"), ev.status_label),
            (self.tr("取消原因"), ev.cancel_reason),
        ]
        if ev.capacity is not None or ev.registered:
            cap = self.tr("不限") if ev.capacity is None else str(ev.capacity)
            rows.append(
                (
                    self.tr("报名"),
                    arg(self.tr("名额 %1，已报名 %2，候补 %3"), cap, str(ev.registered), str(ev.waiting)),
                )
            )
        if ev.status == "closed":
            rows.append((self.tr("参加人数"), str(ev.attendance)))
            if ev.suggestions and deadline is not None:
                _, due, provisional = deadline
                state = (
                    arg(self.tr("已于 %1 公开"), ev.adoption_published_on.isoformat())
                    if ev.adoption_published_on
                    else arg(self.tr("应于 %1 前公开"), due.isoformat())
                    + (self.tr("（暂定）") if provisional else "")
                )
                rows.append((self.tr("采纳情况"), state))
        body = "".join(
            f"<tr><td style='color:#555;padding-right:8px'>{k}</td><td>{escape(v)}</td></tr>"
            for k, v in rows
            if v
        )
        title = f"<b>{escape(ev.title)}</b>"
        if ev.status == "cancelled":
            title = f"<span style='text-decoration: line-through'>{title}</span> <span style='color:#c62828'>{self.tr('（已取消）')}</span>"
        return f"<p style='font-size:13pt'>{title}</p><table>{body}</table>"

    def _on_action(self, key: str) -> None:
        occ = self.selected
        action = self._actions.get(key)
        if occ is None or action is None or not action.enabled:
            return  # a stale click: nothing happens
        uuid = occ.event_uuid
        events, user = self._env.ctx.events, self._env.user
        title = self._event.title if self._event is not None else occ.title
        if action.question and not ask_first(self, action, title):
            return
        ctx = self._env.ctx
        if key == "edit":
            self._env.ops.read(
                self,
                lambda: load_event_setup(ctx, uuid),
                lambda setup: self._exec(EventDialog(self._env, uuid, parent=self, setup=setup)),
                key="dialog",
            )
        elif key == "registrations":
            RegistrationsDialog(self._env, uuid, self).exec()
        elif key == "close":
            self._env.ops.read(
                self,
                lambda: events.get(uuid),
                lambda ev: self._exec(ClosingDialog(self._env, ev, self)),
                key="dialog",
            )
        elif key == "held":
            self._env.ops.write(self, lambda: events.mark_held(user, uuid))
        elif key == "publish":
            self._env.ops.write(self, lambda: events.publish_adoption(user, uuid))
        elif key == "move":
            MoveOccurrenceDialog(self._env, occ, self).exec()
        elif key == "cancel" and self._event is not None:
            CancelEventDialog(self._env, self._event, self).exec()
        elif key == "skip":
            start = occ.recurrence_id or occ.start
            self._env.ops.write(self, lambda: events.cancel_occurrence(user, uuid, start))
        elif key in ("poster", "signin", "adoption"):
            self._print(key, uuid)

    def _print(self, kind: str, uuid: str) -> None:
        names = {"poster": self.tr("活动海报"), "signin": self.tr("签到表"), "adoption": self.tr("采纳情况")}
        a3 = self.tr("A3 海报 (*.pdf)")
        filters = self.tr("A4 海报 (*.pdf)") + ";;" + a3 if kind == "poster" else self.tr("PDF 文件 (*.pdf)")
        path, chosen = QFileDialog.getSaveFileName(self, names[kind], f"{names[kind]}.pdf", filters)
        if not path:
            return
        events = self._env.ctx.events
        size = "A3" if chosen == a3 else "A4"
        build = {
            "poster": lambda u: events.poster_pdf(u, size=size),
            "signin": events.sign_in_sheet_pdf,
            "adoption": events.adoption_report_pdf,
        }[kind]

        def work() -> str:
            Path(path).write_bytes(build(uuid))
            return path

        self._env.ops.read(self, work, lambda p: self._saved(Path(p)), key="print")

    def _saved(self, path: Path) -> None:
        announce_saved(self, path)

    def _inform(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)

    def _new_event(self, day: date | None) -> None:
        if not self.may("event.create"):
            return  # a stale click before the service said so
        ctx, when = self._env.ctx, day or self.anchor

        def open_dialog(setup: EventSetup) -> None:
            dialog = EventDialog(self._env, None, when, self, setup=setup)
            self.event_dialog = dialog  # for tests and screenshots
            if dialog.exec() and dialog.saved_uuid:
                self.open_record(dialog.saved_uuid)

        self._env.ops.read(self, lambda: load_event_setup(ctx, None), open_dialog, key="dialog")

    def _exec(self, dialog: QDialog) -> None:
        """Open a dialog whose data was just read (kept as ``self.dialog`` for tests and screenshots)."""
        self.dialog = dialog
        dialog.exec()

    def _edit_targets(self) -> None:
        events, year = self._env.ctx.events, self._today.year
        self._env.ops.read(
            self,
            lambda: (events.targets(year), events.types()),
            lambda got: self._exec(TargetsDialog(self._env, year, got[0], got[1], self)),
            key="dialog",
        )

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("导入活动日历"), "", self.tr("iCalendar 文件 (*.ics)")
        )
        if not path:
            return
        events, user = self._env.ctx.events, self._env.user

        def done(report: ImportReport) -> None:
            text = arg(
                self.tr("新增 %1，更新 %2，未变 %3"),
                str(report.created),
                str(report.updated),
                str(report.unchanged),
            )
            if report.notes:
                text += "\n\n" + self.tr("请注意：") + "\n" + "\n".join(report.notes)
            QMessageBox.information(self, self.tr("导入完成"), text)

        self._env.ops.write(self, lambda: events.import_ics(Path(path), actor=user), done)

    def _subscription(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出订阅文件"), "专区活动订阅.ics", self.tr("iCalendar 文件 (*.ics)")
        )
        if not path:
            return
        events = self._env.ctx.events
        self._env.ops.read(
            self,
            lambda: events.subscription_ics(Path(path)),
            lambda n: self._inform(
                self.tr("导出完成"), arg(self.tr("已导出 %1 个公开活动（已遮蔽，不含报名信息）"), str(n))
            ),
            key="subscription",
        )

    def edit_synonyms(self) -> None:
        """The CATEGORIES synonym table: editable for those the service allows, read-only for others."""
        events, user = self._env.ctx.events, self._env.user

        def save(pairs: list[tuple[str, str]]) -> None:
            events.set_synonyms(user, pairs)

        def show(table: SynonymTable) -> None:
            self.synonym_dialog = SynonymDialog(table, save, self._env.tasks, self)
            if table.editable:
                self.synonym_dialog.accepted.connect(
                    lambda: self._inform(
                        self.tr("活动类型同义词"),
                        arg(self.tr("已保存，共 %1 种写法"), str(len(self.synonym_dialog.pairs()))),
                    )
                )
            self.synonym_dialog.open()

        self._env.ops.read(self, lambda: events.synonym_table(user), show, key="synonyms")

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出活动日历"), "活动日历.ics", self.tr("iCalendar 文件 (*.ics)")
        )
        if not path:
            return
        events = self._env.ctx.events
        self._env.ops.read(
            self,
            lambda: events.export_ics(Path(path)),
            lambda n: self._inform(self.tr("导出完成"), arg(self.tr("已导出 %1 个活动"), str(n))),
            key="export",
        )
