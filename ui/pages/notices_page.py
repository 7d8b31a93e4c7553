"""公示公告: the notice list with its review actions and a staff detail view, and the board register
(what must come down, which boards miss a notice, postings).

Everything the page shows is read on the read pool through ``env.ops`` and every action is one
``env.ops.write``: the list loads a page of rows at a time (filtered, searched and sorted in SQL),
a notice's detail loads when it is selected, and the buttons come from
``NoticeService.actions(user, uuid)`` — they keep their places, are disabled with the reason as a
tooltip when the user may not act, and ask before a step that cannot be undone.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.authz import Action
from app.changes import Changes
from app.clock import local
from app.notices import MissingPosting, NoticeView, PostingView, TakeDown
from app.notices.masking import MaskedContent
from app.notices.queries import NoticeQuery, NoticeRow
from app.notices.service import ACTIONS
from app.notices.values import DRAFT, STATUS_LABELS, STATUSES
from app.sync.values import RejectedItem
from app.users import Role
from ui.actions import apply_action, ask_first
from ui.calendar.text import arg
from ui.catalogue.picker import item_label
from ui.env import UiEnv
from ui.i18n import app_label, message_text
from ui.notices.admin import BoardsDialog, PeriodRulesDialog
from ui.notices.editor import EditorSetup, NoticeEditorDialog, load_setup
from ui.notices.posting import PostingDialog
from ui.notices.preview import PdfPreviewDialog
from ui.notices.review import ReviewContent, ReviewDialog
from ui.table_model import Column, PagedTableModel, RecordTableModel, SortFilterProxy

CTX = "NoticesPage"
_STATUS_COLOURS = {
    "first_review": "#fff4d6",
    "second_review": "#fff4d6",
    "final_review": "#fff4d6",
    "draft": "#f1f1f1",
    "withdrawn": "#f6dede",
}
#: How long the list waits after the last keystroke before it asks again.
SEARCH_DELAY_MS = 250
#: The service's sort key of each list column (None: not sortable).
SORT_KEYS = ["id", "status", "title", "template", "period", "revision"]


def notice_columns() -> list[Column[NoticeRow]]:
    return [
        Column("编号", lambda n: str(n.id), lambda n: n.id),
        Column("状态", lambda n: QCoreApplication.translate("NoticesPage", STATUS_LABELS[n.status])),
        Column("标题", lambda n: n.title, tooltip=lambda n: n.title),
        Column("类型", lambda n: app_label(n.template_name)),
        Column(
            "公示期",
            lambda n: (
                arg(
                    QCoreApplication.translate("NoticesPage", "%1 至 %2"),
                    n.period_start.isoformat(),
                    n.period_end.isoformat(),
                )
                + (QCoreApplication.translate("NoticesPage", "（暂定）") if n.provisional else "")
            ),
            lambda n: n.period_start,
        ),
        Column("版本", lambda n: str(n.revision), lambda n: n.revision),
    ]


def takedown_columns() -> list[Column[TakeDown]]:
    return [
        Column("公开栏", lambda t: t.posting.board_name),
        Column("公示", lambda t: t.posting.notice_title),
        Column("应撤下日期", lambda t: t.posting.take_down_on.isoformat(), lambda t: t.posting.take_down_on),
        Column(
            "情况",
            lambda t: (
                QCoreApplication.translate("NoticesPage", "今天撤下")
                if t.overdue_days == 0
                else QCoreApplication.translate(CTX, "已逾期 %n 天", None, t.overdue_days)
            ),
            lambda t: t.overdue_days,
        ),
    ]


def missing_columns() -> list[Column[MissingPosting]]:
    return [
        Column("公开栏", lambda m: m.board_name),
        Column("村（社区）", lambda m: m.village),
        Column("应张贴的公示", lambda m: m.notice_title),
        Column("状态", lambda m: QCoreApplication.translate("NoticesPage", STATUS_LABELS[m.status])),
    ]


def posting_columns(people: dict[str, str]) -> list[Column[PostingView]]:
    """``people``: login name -> the person's name, filled when the register is read."""
    return [
        Column("公开栏", lambda p: p.board_name),
        Column("公示", lambda p: p.notice_title),
        Column("张贴日期", lambda p: p.posted_on.isoformat(), lambda p: p.posted_on),
        Column("张贴人", lambda p: people.get(p.posted_by, p.posted_by)),
        Column("应撤下", lambda p: p.take_down_on.isoformat(), lambda p: p.take_down_on),
        Column(
            "已撤下",
            lambda p: p.taken_down_on.isoformat() if p.taken_down_on else "在栏",
            lambda p: p.taken_down_on,
        ),
        Column("照片", lambda p: "有" if p.photo_sha256 else ""),
    ]


def _table(
    model: RecordTableModel[Any], parent: QWidget, widths: tuple[int, ...] = ()
) -> tuple[QTableView, SortFilterProxy]:
    """A small, fixed list (the board register): sorted in Qt, columns sized once to the header."""
    proxy = SortFilterProxy(parent)
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate(widths):  # board and notice names are long: room to read them
        view.setColumnWidth(column, width)
    return view, proxy


@dataclass(frozen=True)
class Detail:
    """What the detail pane shows for the selected notice, read in one go off the GUI thread."""

    notice: NoticeView
    masked: MaskedContent
    actions: tuple[Action, ...]
    refusal: RejectedItem | None = None  # the platform's open refusal of this notice, if any


class NoticesPage(QWidget):
    """The list of notices with their actions; the board register in a second tab."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._detail: Detail | None = None
        self._wanted: str = ""  # the notice to select once its row arrives
        self._people: dict[str, str] = {}  # login -> name, for 张贴人
        self.posting_dialog: PostingDialog | None = None
        self.review_dialog: ReviewDialog | None = None
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)

        # -- notices tab ------------------------------------------------------------------------
        notices_tab = QWidget()
        nl = QVBoxLayout(notices_tab)
        bar = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, label in ACTIONS:
            button = QPushButton(QCoreApplication.translate("Actions", label))
            button.setObjectName(key)
            self.buttons[key] = button
            bar.addWidget(button)
            apply_action(button, None)
        self.new_button = self.buttons["notice.create"]
        self.edit_button = self.buttons["notice.update"]
        self.submit_button = self.buttons["notice.submit"]
        self.review_button = self.buttons["notice.review"]
        self.publish_button = self.buttons["notice.publish"]
        self.print_button = self.buttons["notice.preview"]
        self.withdraw_button = self.buttons["notice.withdraw"]
        bar.addStretch(1)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("全部状态"), "")
        self.status_filter.addItem(self.tr("待我审核"), "mine")
        for s in STATUSES:
            self.status_filter.addItem(self.tr(STATUS_LABELS[s]), s)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索标题"))
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
        bar.addWidget(self.status_filter)
        bar.addWidget(self.search)
        bar.addWidget(self.count_label)
        nl.addLayout(bar)
        self.view = QTableView()
        self.model: PagedTableModel[NoticeRow] = PagedTableModel(
            notice_columns(),
            CTX,
            self,
            ops=env.ops,
            fetch=self._fetch,
            sort_keys=SORT_KEYS,
            sort="id",
            loading=self.view,
            row_colour=lambda n: QColor(_STATUS_COLOURS[n.status]) if n.status in _STATUS_COLOURS else None,
        )
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        fm = self.view.fontMetrics()
        for column, sample in enumerate(
            ("00000", "待初审审", "", "最低生活保障（低保）", "2026-12-04 至 2026-12-10（暂定）", "版本")
        ):
            self.view.setColumnWidth(column, fm.horizontalAdvance(sample) + 18)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.detail = QTextBrowser()
        self.detail.setOpenExternalLinks(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setSizes([320, 420])
        nl.addWidget(splitter, 1)
        self.tabs.addTab(notices_tab, self.tr("公示公告"))

        # -- boards tab -------------------------------------------------------------------------
        boards_tab = QWidget()
        self.boards_tab = boards_tab
        bl = QVBoxLayout(boards_tab)
        bbar = QHBoxLayout()
        self.post_button = QPushButton(self.tr("登记张贴…"))
        self.take_down_button = QPushButton(self.tr("登记撤下"))
        bbar.addWidget(self.post_button)
        bbar.addWidget(self.take_down_button)
        bbar.addStretch(1)
        self.boards_button = QPushButton(self.tr("公开栏管理…"))
        self.periods_button = QPushButton(self.tr("法定公示期…"))
        for b in (self.boards_button, self.periods_button):
            b.setVisible(env.user.has(Role.ADMIN))
            bbar.addWidget(b)
        bl.addLayout(bbar)
        bl.addWidget(QLabel(self.tr("今天应撤下或已逾期")))
        self.takedown_model: RecordTableModel[TakeDown] = RecordTableModel(
            takedown_columns(),
            "NoticesPage",
            self,
            row_colour=lambda t: QColor("#f6dede") if t.overdue_days > 0 else QColor("#fff4d6"),
        )
        self.takedown_view, self.takedown_proxy = _table(self.takedown_model, self, (280, 520, 120))
        bl.addWidget(self.takedown_view, 1)
        bl.addWidget(QLabel(self.tr("应张贴而未张贴（已审定或已发布的公示）")))
        self.missing_model: RecordTableModel[MissingPosting] = RecordTableModel(
            missing_columns(), "NoticesPage", self
        )
        self.missing_view, self.missing_proxy = _table(self.missing_model, self, (280, 140, 520))
        bl.addWidget(self.missing_view, 1)
        bl.addWidget(QLabel(self.tr("张贴登记（最近 200 条）")))
        self.posting_model: RecordTableModel[PostingView] = RecordTableModel(
            posting_columns(self._people), "NoticesPage", self
        )
        self.posting_view, self.posting_proxy = _table(
            self.posting_model, self, (260, 420, 100, 100, 100, 100)
        )
        bl.addWidget(self.posting_view, 2)
        self.tabs.addTab(boards_tab, self.tr("公开栏与张贴"))

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.model.reload)
        self._connect_signals()
        env.bus.watch(self, ("notice", "holiday", "settings"), self._on_changes)
        self.reload()

    def _connect_signals(self) -> None:
        self.new_button.clicked.connect(self._new)
        self.edit_button.clicked.connect(self._edit)
        self.submit_button.clicked.connect(lambda: self._act("notice.submit"))
        self.review_button.clicked.connect(self._review)
        self.publish_button.clicked.connect(lambda: self._act("notice.publish"))
        self.print_button.clicked.connect(self._preview)
        self.withdraw_button.clicked.connect(self._withdraw)
        self.post_button.clicked.connect(self._post)
        self.take_down_button.clicked.connect(self._take_down)
        self.boards_button.clicked.connect(lambda: BoardsDialog(self._env, self).exec())
        self.periods_button.clicked.connect(lambda: PeriodRulesDialog(self._env, self).exec())
        self.status_filter.currentIndexChanged.connect(self.model.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.view.doubleClicked.connect(lambda _i: self._preview())
        self.model.page_loaded.connect(self._on_page_loaded)
        self.model.total_changed.connect(self._on_total)
        self.tabs.currentChanged.connect(lambda _i: self._reload_boards())

    # -- data ----------------------------------------------------------------------------------------

    def _fetch(self, offset: int, sort: str, descending: bool) -> Callable[[], tuple[list[NoticeRow], int]]:
        """The read of one page as the filter and search ask now (filters read here, on the GUI thread)."""
        query = NoticeQuery(
            status=self.status_filter.currentData() or "",
            text=self.search.text().strip(),
            sort=sort,
            descending=descending,
            offset=offset,
        )
        svc, user = self._env.ctx.notices, self._env.user

        def work() -> tuple[list[NoticeRow], int]:
            page = svc.page(query, user)
            return list(page.rows), page.total

        return work

    def reload(self, _changes: Changes | None = None) -> None:
        """Read the list's first page, the selected notice, and the board register again."""
        current = self._detail.notice.uuid if self._detail else ""
        if current:
            self._wanted = current
            self._load_detail(current)
        else:
            self._load_actions()
        self.model.reload()
        self._reload_boards()

    def _on_changes(self, changes: Changes) -> None:
        self.reload(changes)

    def _reload_boards(self) -> None:
        if self.tabs.currentWidget() is not self.boards_tab:
            return  # read when the tab is shown
        svc, today = self._env.ctx.notices, self._env.ctx.clock.today()
        users = self._env.ctx.users
        Register = tuple[list[TakeDown], list[MissingPosting], list[PostingView], dict[str, str]]

        def work() -> Register:
            people = {u.name: u.label for u in users.list()}
            return svc.take_downs_due(today), svc.boards_missing_notices(), svc.recent_postings(), people

        def show(result: Register) -> None:
            takedowns, missing, postings, people = result
            self._people.clear()
            self._people.update(people)
            self.takedown_model.set_rows(takedowns)
            self.missing_model.set_rows(missing)
            self.posting_model.set_rows(postings)

        self._env.ops.read(self, work, show, key="boards", loading=self.posting_view)

    def _on_total(self, total: int) -> None:
        self.count_label.setText(self.tr("共 %1 条").replace("%1", str(total)))

    def _on_page_loaded(self, offset: int) -> None:
        if offset == 0 and self._wanted:
            self._select_row(self._wanted)

    def _select_row(self, uuid: str) -> bool:
        for row, n in enumerate(self.model.rows()):
            if n.uuid == uuid:
                if self.selected_row() is None or self.selected_row().uuid != uuid:  # type: ignore[union-attr]
                    self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
                return True
        return False

    def selected_row(self) -> NoticeRow | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def selected(self) -> NoticeView | None:
        """The notice whose detail is shown (loaded after the selection)."""
        return self._detail.notice if self._detail else None

    def open_record(self, uuid: str) -> None:
        """Show the notice ``uuid`` (navigation from other pages), selected if its row is loaded."""
        self.tabs.setCurrentIndex(0)
        self._wanted = uuid
        if not self._select_row(uuid):
            self._load_detail(uuid)

    def _on_selection(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        self._wanted = row.uuid
        if self._detail is None or self._detail.notice.uuid != row.uuid:
            for button in self.buttons.values():
                if button is not self.new_button:
                    button.setEnabled(False)  # until the selected notice's actions arrive
            self._load_detail(row.uuid)

    def _load_detail(self, uuid: str) -> None:
        svc, user, sync = self._env.ctx.notices, self._env.user, self._env.ctx.sync

        def work() -> Detail:
            return Detail(
                svc.get(uuid),
                svc.masked(uuid),
                tuple(svc.actions(user, uuid)),
                sync.refusal_for("notice", uuid),
            )

        self._env.ops.read(self, work, self._show_detail, key="detail", loading=self.detail)

    def _load_actions(self) -> None:
        svc, user = self._env.ctx.notices, self._env.user
        self._env.ops.read(self, lambda: svc.actions(user, None), self._apply_actions, key="detail")

    def _show_detail(self, detail: Detail) -> None:
        self._detail = detail
        self.detail.setHtml(self._detail_html(detail.notice, detail.masked, detail.refusal))
        self._apply_actions(list(detail.actions))

    def _apply_actions(self, actions: list[Action]) -> None:
        by_key = {a.key: a for a in actions}
        for key, button in self.buttons.items():
            apply_action(button, by_key.get(key))

    def action(self, key: str) -> Action | None:
        """The selected notice's action ``key`` as the service last said (None before it loaded)."""
        if self._detail is None:
            return None
        return next((a for a in self._detail.actions if a.key == key), None)

    def _detail_html(self, n: NoticeView, masked: MaskedContent, refusal: RejectedItem | None = None) -> str:
        e = html.escape
        check = n.period_check
        colour = "#1a6b2f" if check.ok else "#b00020"
        out = [
            f"<h2>{e(n.title)}</h2>",
            f"<p><b>{self.tr('状态')}：</b>{e(self.tr(STATUS_LABELS[n.status]))}　<b>{self.tr('版本')}：</b>{n.revision}"
            f"　<b>{self.tr('模板')}：</b>{e(app_label(n.template_name))}</p>",
            f'<p style="color:{colour}"><b>{self.tr("公示期")}：</b>'
            + e(self.tr("%1 至 %2").replace("%1", str(n.period_start)).replace("%2", str(n.period_end)))
            + f"　{e(message_text(check.message_value))}</p>",
            f"<p><b>{self.tr('公开地址（二维码）')}：</b>{e(n.public_url)}</p>",
        ]
        if n.return_reason and n.status == DRAFT:
            out.append(f'<p style="color:#b00020"><b>{self.tr("退回理由")}：</b>{e(n.return_reason)}</p>')
        if n.withdraw_reason:
            out.append(f'<p style="color:#b00020"><b>{self.tr("撤回理由")}：</b>{e(n.withdraw_reason)}</p>')
        if refusal is not None:
            out.append(
                '<table width="100%" cellpadding="8" style="background:#fdecea;border:1px solid #b00020">'
                f'<tr><td><b style="color:#b00020">{self.tr("市级平台拒收了这份公示，须改正")}</b><br>'
                f"{e(refusal.message)}<br>"
                f"{self.tr('改正的版本被平台接收之前，公开页面（二维码）不会显示这次修改：平台上只有它此前接收的版本，从未接收过则打不开。')}"
                f"（{local(refusal.rejected_at):%Y-%m-%d %H:%M}）</td></tr></table>"
            )
        out.append(f"<h3>{self.tr('公开版本（已遮蔽个人信息，打印与市级平台一致）')}</h3>")
        out.append(self._public_html(masked))
        out.append(f"<h3>{self.tr('审核记录')}</h3><ul>")
        for r in n.reviews:
            extra = self.tr("（已保密审查）") if r.confidentiality_checked else ""
            opinion = f"：{e(r.opinion)}" if r.opinion else ""
            out.append(
                f"<li>{local(r.at):%Y-%m-%d %H:%M}　第{r.revision}版　{e(r.label)}　"
                f"{e(r.actor_label or r.actor)}{opinion}{extra}</li>"
            )
        out.append("</ul>")
        return "".join(out)

    def _public_html(self, masked: MaskedContent) -> str:
        """The public (masked) text and roster, as the reader of the board will see them."""
        e = html.escape
        out = [f"<p>{e(p)}</p>" for p in masked.paragraphs]
        if masked.roster:
            out.append('<table border="1" cellspacing="0" cellpadding="3"><tr>')
            out += [f"<th>{e(c)}</th>" for c in masked.roster.columns]
            out.append("</tr>")
            for row in masked.roster.rows[:50]:
                out.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>")
            out.append("</table>")
            if len(masked.roster.rows) > 50:
                out.append(f"<p>{self.tr('……共')} {len(masked.roster.rows)} {self.tr('行')}</p>")
        return "".join(out)

    # -- actions -------------------------------------------------------------------------------------

    def _write(self, work: Callable[[], Any]) -> None:
        """One service write; the bus reloads this page, the status bar confirms it."""

        def done(result: Any) -> None:
            if isinstance(result, NoticeView):
                self._wanted = result.uuid
                self._load_detail(result.uuid)

        def again() -> None:
            if self._detail is not None and self._wanted == self._detail.notice.uuid:
                self._load_detail(self._detail.notice.uuid)  # what it is now, also after a refusal

        self._env.ops.write(self, work, done, finally_=again)

    def _allowed(self, key: str) -> Action | None:
        """The selected notice's action, if it may be done now (stale clicks do nothing)."""
        action = self.action(key)
        return action if action is not None and action.enabled else None

    def _new(self) -> None:
        self._open_editor(None)

    def _edit(self) -> None:
        n, action = self.selected(), self._allowed("notice.update")
        if n is None or action is None or not ask_first(self, action, n.title):
            return
        self._open_editor(n)

    def _open_editor(self, n: NoticeView | None) -> None:
        """Read the editor's choices (templates, boards, site) off the GUI thread, then open it."""
        ctx = self._env.ctx
        self._env.ops.read(
            self,
            lambda: load_setup(ctx),
            lambda setup: self._edit_in(setup, n),
            key="editor",
            loading=self.view,
        )

    def _edit_in(self, setup: EditorSetup, n: NoticeView | None) -> None:
        """The editor saves from inside itself: a refused save leaves it open with what was typed."""
        dialog = NoticeEditorDialog(self._env, n, parent=self, setup=setup)
        self.editor_dialog = dialog  # for tests and screenshots
        service, user = self._env.ctx.notices, self._env.user
        if n is None:
            dialog.save_with(lambda data: service.create(data, actor=user))
        else:
            uuid = n.uuid
            dialog.save_with(lambda data: service.update(uuid, data, actor=user))
        saved = dialog.exec()
        if saved and isinstance(dialog.saved, NoticeView):
            self._wanted = dialog.saved.uuid
            self._load_detail(dialog.saved.uuid)
        elif n is not None and self._detail is not None and self._detail.notice.uuid == n.uuid:
            self._load_detail(n.uuid)  # what it is now, also after a refusal

    def _act(self, key: str) -> None:
        n, action = self.selected(), self._allowed(key)
        if n is None or action is None or not ask_first(self, action, n.title):
            return
        service, user, uuid = self._env.ctx.notices, self._env.user, n.uuid
        if key == "notice.submit":
            self._write(lambda: service.submit(uuid, actor=user))
        elif key == "notice.publish":
            self._write(lambda: service.publish(uuid, actor=user))

    def _review(self) -> None:
        """Read what the reviewer must see (links and boards by name) off the GUI thread, then ask."""
        n, detail = self.selected(), self._detail
        if n is None or detail is None or self._allowed("notice.review") is None:
            return
        notices, catalogue = self._env.ctx.notices, self._env.ctx.catalogue
        body = self._public_html(detail.masked)

        def work() -> ReviewContent:
            found = catalogue.items_by_uuid(n.catalogue_item_uuids)
            items = tuple(
                f"{found[u].data.domain}：{item_label(found[u])}"
                for u in n.catalogue_item_uuids
                if u in found
            )
            boards = {b.uuid: f"{b.name}（{b.village}）" for b in notices.boards()}
            return ReviewContent(body, items, tuple(boards[u] for u in n.target_board_uuids if u in boards))

        self._env.ops.read(self, work, lambda content: self._review_with(n, content), key="review")

    def _review_with(self, n: NoticeView, content: ReviewContent) -> None:
        dialog = ReviewDialog(n, self, content)
        self.review_dialog = dialog  # for tests and screenshots
        if dialog.exec() and dialog.decision:
            service, user = self._env.ctx.notices, self._env.user
            decision, opinion, checked = dialog.decision, dialog.opinion, dialog.confidentiality_checked
            self._write(
                lambda: service.review(
                    n.uuid, actor=user, decision=decision, opinion=opinion, confidentiality_checked=checked
                )
            )

    def _withdraw(self) -> None:
        n, action = self.selected(), self._allowed("notice.withdraw")
        if n is None or action is None or not ask_first(self, action, n.title):
            return
        reason, ok = QInputDialog.getText(self, self.tr("撤回公示"), self.tr("撤回理由："))
        if ok and reason.strip():
            service, user = self._env.ctx.notices, self._env.user
            self._write(lambda: service.withdraw(n.uuid, actor=user, reason=reason))

    def _preview(self) -> None:
        n = self.selected()
        if n is not None:
            PdfPreviewDialog(self._env, n, self).exec()

    def _post(self) -> None:
        """登记张贴 for the row chosen in 应张贴而未张贴 (notice and board), else the selected notice."""
        rows = self.missing_view.selectionModel().selectedRows()
        if rows:
            m = self.missing_proxy.object_at(rows[0].row())
            notice_uuid, title, board_uuid = m.notice_uuid, m.notice_title, m.board_uuid
        elif (n := self.selected()) is not None:
            notice_uuid, title, board_uuid = n.uuid, n.title, ""
        else:
            QMessageBox.information(
                self,
                self.tr("登记张贴"),
                self.tr("请先在下面“应张贴而未张贴”中选中一行，或在“公示公告”中选中要张贴的公示。"),
            )
            return
        svc = self._env.ctx.notices
        self._env.ops.read(
            self,
            lambda: [b for b in svc.boards() if b.active],
            lambda boards: self._post_to(notice_uuid, title, board_uuid, boards),
            key="post",
        )

    def _post_to(self, notice_uuid: str, title: str, board_uuid: str, boards: list[Any]) -> None:
        user = self._env.user
        dialog = PostingDialog(
            title,
            boards,
            board_uuid=board_uuid,
            today=self._env.ctx.clock.today(),
            person=user.label,
            parent=self,
        )
        self.posting_dialog = dialog  # for tests and screenshots
        if not dialog.exec():
            return
        service = self._env.ctx.notices
        board, posted_on, photo = dialog.board_uuid, dialog.posted_date, dialog.photo
        self._write(
            lambda: service.record_posting(notice_uuid, board, actor=user, posted_on=posted_on, photo=photo)
        )

    def _take_down(self) -> None:
        rows = self.takedown_view.selectionModel().selectedRows()
        posting: PostingView | None = None
        if rows:
            posting = self.takedown_proxy.object_at(rows[0].row()).posting
        else:
            prow = self.posting_view.selectionModel().selectedRows()
            if prow:
                posting = self.posting_proxy.object_at(prow[0].row())
        if posting is None:
            QMessageBox.information(self, self.tr("登记撤下"), self.tr("请先选中一条张贴记录。"))
            return
        service, user, uuid = self._env.ctx.notices, self._env.user, posting.uuid
        self._write(lambda: service.take_down(uuid, actor=user))
