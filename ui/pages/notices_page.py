"""公示公告: the notice list with its review actions and a staff detail view, and the board register
(what must come down, which boards miss a notice, postings)."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
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

from app.clock import local
from app.notices import MissingPosting, NoticeView, PostingView, TakeDown
from app.notices.values import APPROVED, DRAFT, FIRST_REVIEW, PUBLISHED, STATUS_LABELS, STATUSES
from app.users import Role
from ui.calendar.text import arg
from ui.crash import show_error
from ui.env import UiEnv
from ui.notices.admin import BoardsDialog, PeriodRulesDialog
from ui.notices.editor import NoticeEditorDialog
from ui.notices.preview import PdfPreviewDialog
from ui.notices.review import ReviewDialog
from ui.table_model import Column, RecordTableModel, SortFilterProxy

CTX = "NoticesPage"
_STATUS_COLOURS = {
    "first_review": "#fff4d6",
    "second_review": "#fff4d6",
    "final_review": "#fff4d6",
    "draft": "#f1f1f1",
    "withdrawn": "#f6dede",
}


def notice_columns() -> list[Column[NoticeView]]:
    return [
        Column("编号", lambda n: str(n.id), lambda n: n.id),
        Column("状态", lambda n: QCoreApplication.translate("NoticesPage", STATUS_LABELS[n.status])),
        Column("标题", lambda n: n.title, tooltip=lambda n: n.title),
        Column("类型", lambda n: n.template_name),
        Column(
            "公示期",
            lambda n: (
                arg(
                    QCoreApplication.translate("NoticesPage", "%1 至 %2"),
                    n.period_start.isoformat(),
                    n.period_end.isoformat(),
                )
                + (
                    QCoreApplication.translate("NoticesPage", "（暂定）")
                    if n.period_check.provisional
                    else ""
                )
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


def posting_columns() -> list[Column[PostingView]]:
    return [
        Column("公开栏", lambda p: p.board_name),
        Column("公示", lambda p: p.notice_title),
        Column("张贴日期", lambda p: p.posted_on.isoformat(), lambda p: p.posted_on),
        Column("张贴人", lambda p: p.posted_by),
        Column("应撤下", lambda p: p.take_down_on.isoformat(), lambda p: p.take_down_on),
        Column(
            "已撤下",
            lambda p: p.taken_down_on.isoformat() if p.taken_down_on else "在栏",
            lambda p: p.taken_down_on,
        ),
        Column("照片", lambda p: "有" if p.photo_sha256 else ""),
    ]


def _table(model: RecordTableModel[Any], parent: QWidget) -> tuple[QTableView, SortFilterProxy]:
    proxy = SortFilterProxy(parent)
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view, proxy


class NoticesPage(QWidget):
    """The list of notices with their actions; the board register in a second tab."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)

        # -- notices tab ------------------------------------------------------------------------
        notices_tab = QWidget()
        nl = QVBoxLayout(notices_tab)
        bar = QHBoxLayout()
        self.new_button = QPushButton(self.tr("新建公示…"))
        self.edit_button = QPushButton(self.tr("修改…"))
        self.submit_button = QPushButton(self.tr("提交审核"))
        self.review_button = QPushButton(self.tr("审核…"))
        self.publish_button = QPushButton(self.tr("发布"))
        self.print_button = QPushButton(self.tr("预览与打印…"))
        self.withdraw_button = QPushButton(self.tr("撤回…"))
        for b in (
            self.new_button,
            self.edit_button,
            self.submit_button,
            self.review_button,
            self.publish_button,
            self.print_button,
            self.withdraw_button,
        ):
            bar.addWidget(b)
        bar.addStretch(1)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("全部状态"), "")
        self.status_filter.addItem(self.tr("待我审核"), "mine")
        for s in STATUSES:
            self.status_filter.addItem(self.tr(STATUS_LABELS[s]), s)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索标题"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.search)
        nl.addLayout(bar)
        self.model: RecordTableModel[NoticeView] = RecordTableModel(
            notice_columns(),
            "NoticesPage",
            self,
            row_colour=lambda n: QColor(_STATUS_COLOURS[n.status]) if n.status in _STATUS_COLOURS else None,
        )
        self.view, self.proxy = _table(self.model, self)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
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
        self.takedown_view, _ = _table(self.takedown_model, self)
        bl.addWidget(self.takedown_view, 1)
        bl.addWidget(QLabel(self.tr("应张贴而未张贴（已审定或已发布的公示）")))
        self.missing_model: RecordTableModel[MissingPosting] = RecordTableModel(
            missing_columns(), "NoticesPage", self
        )
        self.missing_view, _ = _table(self.missing_model, self)
        bl.addWidget(self.missing_view, 1)
        bl.addWidget(QLabel(self.tr("张贴登记")))
        self.posting_model: RecordTableModel[PostingView] = RecordTableModel(
            posting_columns(), "NoticesPage", self
        )
        self.posting_view, self.posting_proxy = _table(self.posting_model, self)
        bl.addWidget(self.posting_view, 2)
        self.tabs.addTab(boards_tab, self.tr("公开栏与张贴"))

        self._connect_signals()
        self.reload()

    def _connect_signals(self) -> None:
        self.new_button.clicked.connect(self._new)
        self.edit_button.clicked.connect(self._edit)
        self.submit_button.clicked.connect(lambda: self._act("submit"))
        self.review_button.clicked.connect(self._review)
        self.publish_button.clicked.connect(lambda: self._act("publish"))
        self.print_button.clicked.connect(self._preview)
        self.withdraw_button.clicked.connect(self._withdraw)
        self.post_button.clicked.connect(self._post)
        self.take_down_button.clicked.connect(self._take_down)
        self.boards_button.clicked.connect(lambda: BoardsDialog(self._env, self).exec())
        self.periods_button.clicked.connect(lambda: PeriodRulesDialog(self._env, self).exec())
        self.status_filter.currentIndexChanged.connect(self._apply_filter)
        self.search.textChanged.connect(self._apply_filter)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.view.doubleClicked.connect(lambda _i: self._preview())
        self._env.bus.changed.connect(self._on_bus_changed)

    # -- data ----------------------------------------------------------------------------------------

    def reload(self) -> None:
        current = self.selected()
        service = self._env.ctx.notices
        self.model.set_rows(service.list())
        self.takedown_model.set_rows(service.take_downs_due(self._env.ctx.clock.today()))
        self.missing_model.set_rows(service.boards_missing_notices())
        self.posting_model.set_rows(service.postings())
        self._apply_filter()
        if current is not None:
            self.open_record(current.uuid)
        self._update_buttons()
        attention = len(service.awaiting_review(self._env.user)) + self.takedown_model.rowCount()
        self._env.bus.counts_changed.emit("notices", attention)

    def _on_bus_changed(self, entity: str) -> None:
        if entity in ("notice", "board", "settings", "holiday"):
            self.reload()

    def _apply_filter(self) -> None:
        status = self.status_filter.currentData()
        needle = self.search.text().strip()
        mine = (
            {n.uuid for n in self._env.ctx.notices.awaiting_review(self._env.user)}
            if status == "mine"
            else set()
        )

        def accept(n: NoticeView) -> bool:
            if status == "mine" and n.uuid not in mine:
                return False
            if status not in ("", "mine") and n.status != status:
                return False
            return needle in n.title

        self.proxy.set_predicate(accept)

    def selected(self) -> NoticeView | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.proxy.object_at(rows[0].row()) if rows else None

    def open_record(self, uuid: str) -> None:
        """Select the notice ``uuid`` (navigation from other pages)."""
        self.tabs.setCurrentIndex(0)
        for row in range(self.proxy.rowCount()):
            if self.proxy.object_at(row).uuid == uuid:
                self.view.selectRow(row)
                return

    def _on_selection(self) -> None:
        self._update_buttons()
        notice = self.selected()
        self.detail.setHtml(self._detail_html(notice) if notice else "")

    def _update_buttons(self) -> None:
        n = self.selected()
        user = self._env.user
        editor = user.has(Role.CLERK) or user.has(Role.ADMIN)
        self.new_button.setEnabled(editor)
        self.edit_button.setEnabled(bool(n and editor and n.status in (DRAFT, APPROVED, PUBLISHED)))
        self.submit_button.setEnabled(bool(n and editor and n.status == DRAFT))
        mine = {x.uuid for x in self._env.ctx.notices.awaiting_review(user)} if n else set()
        self.review_button.setEnabled(bool(n and n.uuid in mine))
        self.publish_button.setEnabled(bool(n and editor and n.status == APPROVED))
        self.print_button.setEnabled(n is not None)
        self.withdraw_button.setEnabled(
            bool(n and user.has(Role.ADMIN) and n.status not in ("withdrawn", "expired"))
        )

    def _detail_html(self, n: NoticeView) -> str:
        masked = self._env.ctx.notices.masked(n.uuid)
        e = html.escape
        check = n.period_check
        colour = "#1a6b2f" if check.ok else "#b00020"
        out = [
            f"<h2>{e(n.title)}</h2>",
            f"<p><b>{self.tr('状态')}：</b>{e(STATUS_LABELS[n.status])}　<b>{self.tr('版本')}：</b>{n.revision}"
            f"　<b>{self.tr('模板')}：</b>{e(n.template_name)}</p>",
            f'<p style="color:{colour}"><b>{self.tr("公示期")}：</b>{n.period_start} 至 {n.period_end}　{e(check.message)}</p>',
            f"<p><b>{self.tr('公开地址（二维码）')}：</b>{e(n.public_url)}</p>",
        ]
        if n.return_reason and n.status == DRAFT:
            out.append(f'<p style="color:#b00020"><b>{self.tr("退回理由")}：</b>{e(n.return_reason)}</p>')
        if n.withdraw_reason:
            out.append(f'<p style="color:#b00020"><b>{self.tr("撤回理由")}：</b>{e(n.withdraw_reason)}</p>')
        refusal = self._env.ctx.sync.refusal_for("notice", n.uuid)
        if refusal is not None:
            out.append(
                '<table width="100%" cellpadding="8" style="background:#fdecea;border:1px solid #b00020">'
                f'<tr><td><b style="color:#b00020">{self.tr("市级平台拒收了这份公示，须改正")}</b><br>'
                f"{e(refusal.message)}<br>"
                f"{self.tr('改正的版本被平台接收之前，公开页面（二维码）不会显示这次修改：平台上只有它此前接收的版本，从未接收过则打不开。')}"
                f"（{local(refusal.rejected_at):%Y-%m-%d %H:%M}）</td></tr></table>"
            )
        out.append(f"<h3>{self.tr('公开版本（已遮蔽个人信息，打印与市级平台一致）')}</h3>")
        out += [f"<p>{e(p)}</p>" for p in masked.paragraphs]
        if masked.roster:
            out.append('<table border="1" cellspacing="0" cellpadding="3"><tr>')
            out += [f"<th>{e(c)}</th>" for c in masked.roster.columns]
            out.append("</tr>")
            for row in masked.roster.rows[:50]:
                out.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>")
            out.append("</table>")
            if len(masked.roster.rows) > 50:
                out.append(f"<p>{self.tr('……共')} {len(masked.roster.rows)} {self.tr('行')}</p>")
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

    # -- actions -------------------------------------------------------------------------------------

    def _run(self, work: Callable[[], Any], done_message: str = "") -> None:
        def done(result: Any) -> None:
            self._env.bus.changed.emit("notice")
            if hasattr(result, "uuid"):
                self.open_record(result.uuid)
            if done_message:
                QMessageBox.information(self, self.tr("公示公告"), done_message)

        self._env.tasks.run(work, done, lambda exc: show_error(self, exc))

    def _new(self) -> None:
        dialog = NoticeEditorDialog(self._env, parent=self)
        if dialog.exec():
            data, user = dialog.draft(), self._env.user
            self._run(lambda: self._env.ctx.notices.create(data, actor=user))

    def _edit(self) -> None:
        n = self.selected()
        if n is None:
            return
        if n.status in (APPROVED, PUBLISHED):
            answer = QMessageBox.question(
                self,
                self.tr("修改已审定的公示"),
                self.tr("修改已审定或已发布的公示将形成新版本，须重新经过三审。是否继续？"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        dialog = NoticeEditorDialog(self._env, n, parent=self)
        if dialog.exec():
            data, user = dialog.draft(), self._env.user
            self._run(lambda: self._env.ctx.notices.update(n.uuid, data, actor=user))

    def _act(self, action: str) -> None:
        n = self.selected()
        if n is None:
            return
        service, user = self._env.ctx.notices, self._env.user
        if action == "submit":
            self._run(lambda: service.submit(n.uuid, actor=user))
        elif action == "publish":
            self._run(lambda: service.publish(n.uuid, actor=user))

    def _review(self) -> None:
        n = self.selected()
        if n is None or n.status not in (FIRST_REVIEW, "second_review", "final_review"):
            return
        dialog = ReviewDialog(n, self)
        if dialog.exec() and dialog.decision:
            service, user = self._env.ctx.notices, self._env.user
            decision, opinion, checked = dialog.decision, dialog.opinion, dialog.confidentiality_checked
            self._run(
                lambda: service.review(
                    n.uuid, actor=user, decision=decision, opinion=opinion, confidentiality_checked=checked
                )
            )

    def _withdraw(self) -> None:
        n = self.selected()
        if n is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("撤回公示"), self.tr("撤回理由："))
        if ok and reason.strip():
            service, user = self._env.ctx.notices, self._env.user
            self._run(lambda: service.withdraw(n.uuid, actor=user, reason=reason))

    def _preview(self) -> None:
        n = self.selected()
        if n is None:
            return
        try:
            PdfPreviewDialog(self._env, n, self).exec()
        except Exception as exc:  # noqa: BLE001  (shown to the clerk, logged by the crash handler's path)
            show_error(self, exc)

    def _post(self) -> None:
        n = self.selected()
        if n is None:
            QMessageBox.information(
                self, self.tr("登记张贴"), self.tr("请先在“公示公告”中选中要张贴的公示。")
            )
            return
        boards = self._env.ctx.notices.boards()
        names = [f"{b.name}（{b.village}）" for b in boards]
        choice, ok = QInputDialog.getItem(self, self.tr("登记张贴"), self.tr("张贴到："), names, 0, False)
        if not ok:
            return
        board = boards[names.index(choice)]
        photo, _ = QFileDialog.getOpenFileName(
            self, self.tr("张贴照片（可不选）"), "", self.tr("照片 (*.jpg *.jpeg *.png *.webp *.heic)")
        )
        service, user = self._env.ctx.notices, self._env.user
        self._run(
            lambda: service.record_posting(
                n.uuid, board.uuid, actor=user, photo=Path(photo) if photo else None
            ),
            self.tr("已登记张贴。"),
        )

    def _take_down(self) -> None:
        rows = self.takedown_view.selectionModel().selectedRows()
        posting: PostingView | None = None
        if rows:
            posting = (
                self.takedown_view.model().index(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole + 1).posting
            )
        else:
            prow = self.posting_view.selectionModel().selectedRows()
            if prow:
                posting = self.posting_proxy.object_at(prow[0].row())
        if posting is None:
            QMessageBox.information(self, self.tr("登记撤下"), self.tr("请先选中一条张贴记录。"))
            return
        service, user, uuid = self._env.ctx.notices, self._env.user, posting.uuid
        self._run(lambda: service.take_down(uuid, actor=user), self.tr("已登记撤下。"))
