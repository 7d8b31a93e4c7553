"""The policy library page (政策文件): search and filters, the document list, a paginated reader with the
interpretations beside it, counter printing with the reading register, and the admin's upkeep.

Every query runs on the task runner's read pool and every write on its writer thread; the page shows
what comes back. PDF pages are rendered one at a time when shown (a 200-page PDF opens at page 1).
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.authz import allowed, why_not_message
from app.kiosk import paginate
from app.policies import values as v
from ui.crash import show_error
from ui.env import UiEnv
from ui.i18n import message_text
from ui.table_model import Column, RecordTableModel, SortFilterProxy

SEARCH_DELAY_MS = 200
TEXT_PAGE_CHARS = 1400


def tr(text: str) -> str:
    return QCoreApplication.translate("PoliciesPage", text)


def _day(d: date | None) -> str:
    return d.isoformat() if d else ""


class _PrintJob(QObject):
    """Draws page images on a printer one per event-loop turn.

    Signals:
        done(int): every page was sent; the number of sheets.
        failed(object): the exception that stopped it.
    """

    done = Signal(int)
    failed = Signal(object)

    def __init__(self, painter: Any, printer: Any, runs: list[Any], parent: QObject) -> None:
        super().__init__(parent)
        self._painter, self._printer, self._runs = painter, printer, runs
        self.sheets = 0
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    def start(self) -> None:
        self._timer.start()

    def _step(self) -> None:
        try:
            while self._runs:
                image = next(self._runs[0], None)
                if image is None:
                    self._runs.pop(0)
                    continue
                if self.sheets:
                    self._printer.newPage()
                data = image.tobytes("raw", "RGB")  # must outlive the QImage that reads it
                qimage = QImage(data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888)
                area = self._painter.viewport()
                size = qimage.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                # The paint engine scales (a PDF or printer engine at 1200 dpi would not want a
                # pre-scaled 10,000-pixel image).
                self._painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), qimage)
                self.sheets += 1
                return  # one page per turn of the event loop
        except Exception as exc:  # noqa: BLE001  (a printer failure is shown, not a crash)
            self._timer.stop()
            self._painter.end()
            self.failed.emit(exc)
            return
        self._timer.stop()
        self._painter.end()
        self.done.emit(self.sheets)


class DocumentDialog(QDialog):
    """A new document: its facts, and an original file (.docx/.pdf/.txt) or typed text."""

    def __init__(self, domains: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记政策文件"))
        self.resize(640, 600)
        form = QFormLayout(self)
        self.title = QLineEdit()
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("如 历城政办发〔2024〕12号（留空则从正文首部读取）"))
        self.issuer = QLineEdit()
        self.published = QLineEdit()
        self.published.setPlaceholderText("YYYY-MM-DD")
        self.domain = QComboBox()
        self.domain.addItem(self.tr("（不分类）"), "")
        for d in domains:
            self.domain.addItem(d, d)
        self.keywords = QLineEdit()
        self.keywords.setPlaceholderText(self.tr("多个用顿号分隔"))
        self.source = QLineEdit()
        self.source.setReadOnly(True)
        pick = QPushButton(self.tr("选择原件…"))
        pick.clicked.connect(self._pick)
        row = QHBoxLayout()
        row.addWidget(self.source, 1)
        row.addWidget(pick)
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(self.tr("没有原件时在此录入全文"))
        for label, widget in (
            (self.tr("标题"), self.title),
            (self.tr("发文字号"), self.number),
            (self.tr("发文机关"), self.issuer),
            (self.tr("发布日期"), self.published),
            (self.tr("主题分类"), self.domain),
            (self.tr("关键词"), self.keywords),
        ):
            form.addRow(label, widget)
        form.addRow(self.tr("原件"), row)
        form.addRow(self.tr("全文"), self.body)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _pick(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择原件"), "", self.tr("正文文件 (*.docx *.pdf *.txt)")
        )
        if path:
            self.source.setText(path)
            if not self.title.text():
                self.title.setText(Path(path).stem)

    def draft(self) -> v.DocumentDraft:
        published = None
        if self.published.text().strip():
            try:
                published = date.fromisoformat(self.published.text().strip())
            except ValueError:
                published = None
        return v.DocumentDraft(
            title=self.title.text(),
            doc_number=self.number.text(),
            issuer=self.issuer.text(),
            published_on=published,
            domain=str(self.domain.currentData() or ""),
            keywords=tuple(k for k in self.keywords.text().replace("，", "、").split("、") if k.strip()),
            body=self.body.toPlainText(),
        )

    def source_path(self) -> Path | None:
        return Path(self.source.text()) if self.source.text() else None


class PoliciesPage(QWidget):
    """The library at the counter. Emits ``counts_changed("policies", n)`` (changes to review + 解读 due)."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._lib = env.ctx.policies
        self._is_admin = allowed(env.user, "policy.update")
        self._doc: v.DocumentView | None = None
        self._pages: list[str] = []
        self._page = 0
        self._pdf: Any = None
        self._pending_open = ""
        self._state = {"alive": True}
        self.destroyed.connect(lambda _o=None, st=self._state: st.update(alive=False))
        self._build()
        self.timer.timeout.connect(self.refresh_rows)
        env.bus.changed.connect(self._on_bus_changed)
        self.reload()

    # -- layout ------------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("搜索：标题、文号、关键词、全文或拼音首字母（如 低保、zdshbz、〔2024〕12号）")
        )
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 3)
        self.domain_box = QComboBox()
        self.issuer_box = QComboBox()
        self.year_box = QComboBox()
        self.validity_box = QComboBox()
        self.validity_box.addItem(self.tr("有效性：全部"), "")
        self.validity_box.addItem(self.tr("现行有效"), "current")
        for code, label in v.VALIDITY_LABELS.items():
            if code != v.VALID:
                self.validity_box.addItem(tr(label), code)
        for box in (self.domain_box, self.issuer_box, self.year_box, self.validity_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            bar.addWidget(box)
            box.currentIndexChanged.connect(self.refresh_rows)
        layout.addLayout(bar)

        actions = QHBoxLayout()
        self.print_button = QPushButton(self.tr("打印…"))
        self.read_button = QPushButton(self.tr("登记查阅"))
        self.add_button = QPushButton(self.tr("登记文件…"))
        self.import_button = QPushButton(self.tr("导入文件夹或压缩包…"))
        self.retire_button = QPushButton(self.tr("标记废止…"))
        self.interp_button = QPushButton(self.tr("添加解读…"))
        self.link_button = QPushButton(self.tr("关联目录事项…"))
        for b in (
            self.add_button,
            self.import_button,
            self.retire_button,
            self.interp_button,
            self.link_button,
        ):
            b.setVisible(self._is_admin)
        for b in (
            self.print_button,
            self.read_button,
            self.add_button,
            self.import_button,
            self.retire_button,
            self.interp_button,
            self.link_button,  # unparented, setVisible(True) showed it as a window of its own
        ):
            actions.addWidget(b)
        actions.addStretch()
        self.count_label = QLabel()
        actions.addWidget(self.count_label)
        layout.addLayout(actions)
        self.print_button.clicked.connect(self._print)
        self.read_button.clicked.connect(self._record_read)
        self.add_button.clicked.connect(self._add)
        self.import_button.clicked.connect(self._import)
        self.retire_button.clicked.connect(self._retire)
        self.interp_button.clicked.connect(self._add_interpretation)
        self.link_button.clicked.connect(self._link_items)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.model: RecordTableModel[v.DocumentRow] = RecordTableModel(
            [
                Column("标题", lambda r: r.title),
                Column("发文字号", lambda r: r.doc_number),
                Column("发文机关", lambda r: r.issuer),
                Column("发布日期", lambda r: _day(r.published_on or r.written_on)),
                Column("有效性", lambda r: tr(r.validity_label)),
                Column("领域", lambda r: r.domain),
                Column("解读", lambda r: str(r.interpretations) if r.interpretations else ""),
            ],
            "PoliciesPage",
            self,
        )
        self.proxy = SortFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        em = self.fontMetrics().horizontalAdvance("字")
        for col, chars in ((0, 18), (1, 10), (2, 10), (3, 6), (4, 4), (5, 5)):
            header.resizeSection(col, em * chars + 12)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # newest first, as the library lists them
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        split.addWidget(self.table)
        split.addWidget(self._reader())
        split.setSizes([560, 820])
        self.tabs.addTab(split, self.tr("文件库"))
        self.register_view = QTextBrowser()
        register_box = QWidget()
        rl = QVBoxLayout(register_box)
        top = QHBoxLayout()
        self.register_year = QSpinBox()
        self.register_year.setRange(2000, 2100)
        self.register_year.setValue(self._env.ctx.clock.today().year)
        self.register_year.valueChanged.connect(self._load_register)
        export = QPushButton(self.tr("导出（姓名脱敏）…"))
        export.clicked.connect(self._export_register)
        top.addWidget(QLabel(self.tr("年份")))
        top.addWidget(self.register_year)
        top.addStretch()
        top.addWidget(export)
        rl.addLayout(top)
        rl.addWidget(self.register_view, 1)
        self.tabs.addTab(register_box, self.tr("查阅登记"))
        self.changes_view = QListWidget()
        changes_box = QWidget()
        cl = QVBoxLayout(changes_box)
        cl.addWidget(
            QLabel(
                self.tr("市级平台上变化了的文件（新发布、修订、废止）：核对关联的目录事项和查阅资料后确认。")
            )
        )
        cl.addWidget(self.changes_view, 1)
        ack = QPushButton(self.tr("已核对，确认"))
        ack.clicked.connect(self._acknowledge)
        cl.addWidget(ack, 0, Qt.AlignmentFlag.AlignRight)
        self.tabs.addTab(changes_box, self.tr("待核对变化"))
        self.tabs.currentChanged.connect(lambda _i: self._load_side_tabs())
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.search.textChanged.connect(self.timer.start)

    def _reader(self) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        self.head = QTextBrowser()
        self.head.setMaximumHeight(150)
        left.addWidget(self.head)
        self.reader_stack = QStackedWidget()
        self.text_view = QTextBrowser()
        self.page_image = QLabel()
        self.page_image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        image_scroll = QScrollArea()
        image_scroll.setWidgetResizable(True)
        image_scroll.setWidget(self.page_image)
        self.reader_stack.addWidget(self.text_view)
        self.reader_stack.addWidget(image_scroll)
        left.addWidget(self.reader_stack, 1)
        turn = QHBoxLayout()
        self.prev_button = QPushButton(self.tr("◀ 上一页"))
        self.next_button = QPushButton(self.tr("下一页 ▶"))
        self.position = QLabel()
        self.prev_button.clicked.connect(lambda: self.turn(-1))
        self.next_button.clicked.connect(lambda: self.turn(1))
        turn.addWidget(self.prev_button)
        turn.addWidget(self.position)
        turn.addWidget(self.next_button)
        turn.addStretch()
        left.addLayout(turn)
        layout.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("政策解读")))
        self.interp_list = QListWidget()
        self.interp_list.currentRowChanged.connect(self._show_interpretation)
        right.addWidget(self.interp_list, 1)
        self.interp_view = QTextBrowser()
        right.addWidget(self.interp_view, 2)
        layout.addLayout(right, 2)
        return box

    # -- data --------------------------------------------------------------------------------------

    def _read(self, fn: Any, done: Any) -> None:
        self._env.tasks.run(
            fn, self._guarded(done), self._guarded(lambda e: show_error(self, e)), writes=False
        )

    def _write(self, fn: Any, done: Any) -> None:
        self._env.tasks.run(fn, self._guarded(done), self._guarded(lambda e: show_error(self, e)))

    def _guarded(self, fn: Any) -> Any:
        """A result delivered after the page was closed is dropped (its widgets are gone)."""
        state = self._state

        def call(value: Any) -> None:
            if state["alive"]:
                fn(value)

        return call

    def reload(self) -> None:
        lib = self._lib

        def load() -> tuple[tuple[list[str], list[str], list[int]], int]:
            facets = lib.facets()
            return facets, len(lib.changes()) + len(lib.without_interpretation())

        self._read(load, self._loaded)

    def _loaded(self, result: tuple[tuple[list[str], list[str], list[int]], int]) -> None:
        (domains, issuers, years), attention = result
        self._env.bus.counts_changed.emit("policies", attention)
        for box, label, values in (
            (self.domain_box, self.tr("领域：全部"), domains),
            (self.issuer_box, self.tr("发文机关：全部"), issuers),
            (self.year_box, self.tr("年份：全部"), [str(y) for y in years]),
        ):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(label, "")
            for value in values:
                box.addItem(value, value)
            index = box.findData(current)
            box.setCurrentIndex(max(0, index))
            box.blockSignals(False)
        self.refresh_rows()
        self._load_side_tabs()

    def filters(self) -> v.SearchFilters:
        year = self.year_box.currentData()
        return v.SearchFilters(
            domain=str(self.domain_box.currentData() or ""),
            issuer=str(self.issuer_box.currentData() or ""),
            year=int(year) if year else None,
            validity=str(self.validity_box.currentData() or ""),
        )

    def refresh_rows(self) -> None:
        query, filters, lib = self.search.text().strip(), self.filters(), self._lib

        def load() -> list[v.DocumentRow]:
            if query:
                return [h.row for h in lib.search(query, filters, 200)]
            return lib.list(filters, limit=2000)

        self._read(load, self._show_rows)

    def _show_rows(self, rows: list[v.DocumentRow]) -> None:
        selected = self._doc.uuid if self._doc else self._pending_open
        self.model.set_rows(rows)
        if self.search.text().strip():
            self.proxy.sort(-1)  # keep the ranking: title hits first
        self.count_label.setText(self.tr("%1 份文件").replace("%1", str(len(rows))))
        if selected:
            self.open_record(selected)
        self._update_buttons()

    def open_record(self, uuid: str) -> None:
        """Select the document ``uuid`` and show it in the reader (Today's items jump here)."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.object_at(row).uuid == uuid:
                self._pending_open = ""
                self.table.selectRow(row)
                self.table.scrollTo(self.proxy.index(row, 0))
                return
        self._pending_open = uuid

    def current_row(self) -> v.DocumentRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.object_at(rows[0].row()) if rows else None

    def _on_selection(self, _a: QItemSelection, _b: QItemSelection) -> None:
        row = self.current_row()
        self._update_buttons()
        if row is None:
            return
        lib = self._lib
        self._read(lambda: lib.get(row.uuid), self.show_document)

    def _update_buttons(self) -> None:
        has = self.current_row() is not None
        for b in (
            self.print_button,
            self.retire_button,
            self.interp_button,
            self.link_button,
        ):
            b.setEnabled(has)
        # The 查阅登记 is kept by counter staff: others see why, instead of typing a name for nothing.
        refused = why_not_message(self._env.user, "policy.register")
        self.read_button.setEnabled(has and refused is None)
        self.read_button.setToolTip(message_text(refused) if refused is not None else "")

    def _on_bus_changed(self, entity: str) -> None:
        if entity in ("policy", "sync"):
            self.reload()

    # -- the reader --------------------------------------------------------------------------------

    def show_document(self, doc: v.DocumentView) -> None:
        self._doc = doc
        e = html.escape
        r = doc.row
        facts = [
            (self.tr("发文字号"), r.doc_number),
            (self.tr("发文机关"), r.issuer),
            (self.tr("成文日期"), _day(r.written_on)),
            (self.tr("发布日期"), _day(r.published_on)),
            (self.tr("施行日期"), _day(r.effective_on)),
            (self.tr("主题分类"), r.domain),
            (self.tr("关键词"), "、".join(r.keywords)),
        ]
        status = tr(r.validity_label) + (f"（{_day(r.validity_on)}）" if r.validity_on else "")
        if doc.replaced_by_title:
            status += self.tr("，替代文件：") + f"《{doc.replaced_by_title}》"
        parts = [f"<h3>{e(doc.title)}</h3>"]
        colour = "#1a1a1a" if r.validity == v.VALID else "#8a1c1c"
        parts.append(f"<p><b style='color:{colour}'>{e(self.tr('有效性'))}：{e(status)}</b></p>")
        parts.append("<p>" + "　".join(f"{e(k)}：{e(val)}" for k, val in facts if val) + "</p>")
        for demo in doc.demonstrations:
            parts.append(f"<p><b>{e(demo.line)}</b></p>")
        if r.text_status == v.TEXT_NONE:
            parts.append(f"<p>{e(self.tr('扫描件：没有文字层，不能全文检索；下方显示原件页面。'))}</p>")
        if doc.attachments:
            parts.append(
                "<p>" + e(self.tr("附件：")) + "、".join(e(a.name) for a in doc.attachments) + "</p>"
            )
        self.head.setHtml("".join(parts))
        if doc.has_original_pdf:
            self._pages = [f"pdf:{i}" for i in range(doc.source_pages)]
        else:
            self._pages = paginate(doc.body, TEXT_PAGE_CHARS) if doc.body else [self.tr("（没有文字内容）")]
        self._page = 0
        self.interp_list.clear()
        for interp in doc.interpretations:
            item = QListWidgetItem(f"[{tr(interp.form_label)}] {interp.title}")
            item.setData(Qt.ItemDataRole.UserRole, interp.uuid)
            self.interp_list.addItem(item)
        if not doc.interpretations:
            due = (
                "\n" + self.tr("本站点发布的文件应同步发布解读（三同步）。") if doc.interpretation_due else ""
            )
            self.interp_view.setPlainText(self.tr("尚无解读材料。") + due)
        else:
            self.interp_list.setCurrentRow(0)
        self._show_page()

    def turn(self, step: int) -> None:
        if self._pages:
            self._page = max(0, min(len(self._pages) - 1, self._page + step))
            self._show_page()

    def _show_page(self) -> None:
        doc = self._doc
        content = self._pages[self._page] if self._pages else ""
        self.position.setText(
            self.tr("第 %1 / %2 页").replace("%1", str(self._page + 1)).replace("%2", str(len(self._pages)))
        )
        self.prev_button.setEnabled(self._page > 0)
        self.next_button.setEnabled(self._page < len(self._pages) - 1)
        if doc is not None and content.startswith("pdf:"):
            self.reader_stack.setCurrentIndex(1)
            index = int(content[4:])
            path = self._lib.blob_path(doc.source_sha256)
            width = max(600, self.reader_stack.width() - 30)
            if self._pdf is None:
                from app.policies.pdfpages import PdfPages  # pdfium on first use

                self._pdf = PdfPages(capacity=3)
                self.destroyed.connect(self._pdf.close)  # no open file outlives the page
            pdf = self._pdf
            self.page_image.setText(self.tr("正在显示第 %1 页…").replace("%1", str(index + 1)))
            self._read(lambda: pdf.render(path, index, width), lambda img, i=index: self._show_image(img, i))
        else:
            self.reader_stack.setCurrentIndex(0)
            self.text_view.setPlainText(content)

    def _show_image(self, image: Any, index: int) -> None:
        if self._pages and self._pages[self._page] != f"pdf:{index}":
            return  # the clerk turned on meanwhile
        data = image.tobytes("raw", "RGB")
        qimage = QImage(data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888).copy()
        self.page_image.setPixmap(QPixmap.fromImage(qimage))

    def _show_interpretation(self, row: int) -> None:
        if self._doc is None or row < 0 or row >= len(self._doc.interpretations):
            return
        interp = self._doc.interpretations[row]
        e = html.escape
        parts = [f"<h4>{e(interp.title)}</h4><p>{e(tr(interp.form_label))}"]
        parts.append(f" · {e(interp.issuer)}" if interp.issuer else "")
        parts.append("</p>")
        parts.append("<p>" + e(interp.text()).replace("\n", "<br>") + "</p>")
        for a in interp.attachments:
            parts.append(f"<p>{e(a.kind_label)}：{e(a.name)}</p>")
        self.interp_view.setHtml("".join(parts))

    # -- actions -----------------------------------------------------------------------------------

    def _print(self) -> None:
        """Print a document or one of its interpretations (to the printer, or save the PDF), and
        record it in the 查阅登记 with the pages printed."""
        doc = self._doc
        if doc is None:
            return
        choices = [self.tr("文件本身")] + [f"[{tr(i.form_label)}] {i.title}" for i in doc.interpretations]
        choice, ok = QInputDialog.getItem(self, self.tr("打印"), self.tr("打印哪一份："), choices, 0, False)
        if not ok:
            return
        interp = "" if choices.index(choice) == 0 else doc.interpretations[choices.index(choice) - 1].uuid
        targets = [self.tr("打印机"), self.tr("保存为 PDF 文件")]
        target, ok = QInputDialog.getItem(self, self.tr("打印"), self.tr("输出到："), targets, 0, False)
        if not ok:
            return
        if target == targets[0]:
            self._print_to_printer(doc, interp)
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存打印文件"), f"{doc.title[:30]}.pdf", self.tr("PDF 文件 (*.pdf)")
        )
        if not path:
            return
        lib, user, uuid = self._lib, self._env.user, doc.uuid
        keeps_register = allowed(user, "policy.register")

        def work() -> tuple[int, str]:
            data, pages, how = lib.printout(uuid, interpretation=interp)
            Path(path).write_bytes(data)
            if keeps_register:  # a printout by someone who keeps no register is still printed
                lib.record_reading(user, uuid, action=v.PRINT, pages=pages, interpretation=interp)
            return pages, how

        def done(result: tuple[int, str]) -> None:
            pages, how = result
            how_text = self.tr("原件") if how == "original" else self.tr("排版")
            self._load_register()
            QMessageBox.information(
                self,
                self.tr("打印"),
                self.tr("已生成 %1 页（%2）：").replace("%1", str(pages)).replace("%2", how_text)
                + path
                + ("\n" + self.tr("已记入查阅登记。") if keeps_register else ""),
            )

        self._write(work, done)

    def _print_to_printer(self, doc: v.DocumentView, interp: str) -> None:
        lib = self._lib
        self._read(
            lambda: lib.printout(doc.uuid, interpretation=interp),
            lambda result: self._send_to_printer(doc, interp, result[0], result[1]),
        )

    def _send_to_printer(self, doc: v.DocumentView, interp: str, data: bytes, pages: int) -> None:
        from PySide6.QtGui import QPainter
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from app.policies.pdfpages import iter_pages

        lib, user = self._lib, self._env.user
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, pages))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        first = max(1, printer.fromPage()) - 1 if printer.fromPage() else 0
        last = printer.toPage() - 1 if printer.toPage() else pages - 1
        copies = max(1, printer.copyCount())
        printer.setCopyCount(1)

        # Painting happens on the GUI thread, one page per timer tick (a page is rendered and drawn in
        # a fraction of a second), so the window stays usable while a long original prints.
        painter = QPainter()
        if not painter.begin(printer):
            show_error(self, OSError("无法启动打印机（打印机不可用或输出文件不可写）"))
            return
        dpi = min(printer.resolution(), 300)
        job = _PrintJob(painter, printer, [iter_pages(data, first, last, dpi) for _ in range(copies)], self)

        def finished(sheets: int) -> None:
            lib_, user_ = lib, user
            if not allowed(user_, "policy.register"):  # printed; the register is not this user's
                self._printed(sheets, registered=False)
                return
            self._write(
                lambda: lib_.record_reading(
                    user_,
                    doc.uuid,
                    action=v.PRINT,
                    pages=sheets // copies,
                    copies=copies,
                    interpretation=interp,
                ),
                lambda _e: self._printed(sheets),
            )

        job.done.connect(finished)
        job.failed.connect(lambda exc: show_error(self, exc))
        self._print_job = job
        job.start()

    def _printed(self, sheets: int, *, registered: bool = True) -> None:
        self._load_register()
        text = self.tr("已送打印机 %1 页，已记入查阅登记。") if registered else self.tr("已送打印机 %1 页。")
        QMessageBox.information(self, self.tr("打印"), text.replace("%1", str(sheets)))

    def _record_read(self) -> None:
        doc = self._doc
        if doc is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("登记查阅"), self.tr("查阅人姓名（可不填；导出时脱敏）：")
        )
        if not ok:
            return
        lib, user = self._lib, self._env.user
        self._write(
            lambda: lib.record_reading(user, doc.uuid, action=v.READ, reader_name=name),
            lambda _e: self._load_register(),
        )

    def _add(self) -> None:
        lib = self._lib
        self._env.ops.read(self, lib.domains, self._add_in, key="add")

    def _add_in(self, domains: list[str]) -> None:
        dialog = DocumentDialog(domains, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        lib, user, draft, source = self._lib, self._env.user, dialog.draft(), dialog.source_path()
        self._write(lambda: lib.create(user, draft, source=source), self._saved)

    def _saved(self, doc: v.DocumentView) -> None:
        self._pending_open = doc.uuid
        self._env.bus.changed.emit("policy")

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入压缩包"), "", self.tr("压缩包 (*.zip)"))
        if not path:
            path = QFileDialog.getExistingDirectory(self, self.tr("或选择文件夹"))
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        """Check the folder (dry run), say what it holds, import on confirmation."""
        lib = self._lib

        def confirm(report: v.ImportReport) -> None:
            notes = "\n".join(report.warnings[:10])
            text = self.tr("将导入 %1 个文件。").replace("%1", str(len(report.rows))) + (
                f"\n\n{notes}" if notes else ""
            )
            if QMessageBox.question(self, self.tr("导入政策文件"), text) == QMessageBox.StandardButton.Yes:
                self._write(lambda: lib.import_path(path, actor=self._env.user.name), self._imported)

        self._write(lambda: lib.import_path(path, actor=self._env.user.name, dry_run=True), confirm)

    def _imported(self, report: v.ImportReport) -> None:
        self._env.bus.changed.emit("policy")
        QMessageBox.information(
            self, self.tr("导入完成"), self.tr("已导入 %1 个文件。").replace("%1", str(len(report.created)))
        )

    def _retire(self) -> None:
        doc = self._doc
        if doc is None:
            return
        labels = {v.REPEALED: tr("废止"), v.EXPIRED: tr("失效"), v.REVISED: tr("已修订")}
        choice, ok = QInputDialog.getItem(
            self, self.tr("标记废止"), self.tr("有效性改为："), list(labels.values()), 0, False
        )
        if not ok:
            return
        validity = next(k for k, label in labels.items() if label == choice)
        replaced, ok = QInputDialog.getText(
            self, self.tr("替代文件"), self.tr("替代它的文件的发文字号或编号（没有可不填）：")
        )
        if not ok:
            return
        lib, user = self._lib, self._env.user
        self._write(
            lambda: lib.retire(user, doc.uuid, validity=validity, replaced_by=replaced.strip()), self._saved
        )

    def _add_interpretation(self) -> None:
        doc = self._doc
        if doc is None:
            return
        forms = list(v.FORMS.items())
        choice, ok = QInputDialog.getItem(
            self, self.tr("添加解读"), self.tr("解读形式："), [tr(label) for _c, label in forms], 0, False
        )
        if not ok:
            return
        form = forms[[tr(label) for _c, label in forms].index(choice)][0]
        title, ok = QInputDialog.getText(self, self.tr("添加解读"), self.tr("标题："))
        if not ok:
            return
        if form != v.DEMONSTRATION:
            self._finish_interpretation(doc, form, title, "")
            return
        # A 现场演示 is held at one of the zone's events: pick it among the coming ones.
        events, clock = self._env.ctx.events, self._env.ctx.clock
        self._read(
            lambda: events.upcoming(clock.now(), 40),
            lambda found: self._pick_demonstration_event(doc, title, found),
        )

    def _pick_demonstration_event(self, doc: v.DocumentView, title: str, found: list[Any]) -> None:
        if not found:
            QMessageBox.information(
                self,
                self.tr("添加解读"),
                self.tr("活动日历中没有即将举办的活动。请先在活动日历中安排现场演示。"),
            )
            return
        firsts: dict[str, Any] = {}
        for o in found:  # a series once, at its next occurrence
            firsts.setdefault(o.event_uuid, o)
        found = list(firsts.values())
        choices = [f"{o.start:%Y-%m-%d %H:%M} {o.title}（{o.place}）" for o in found]
        choice, ok = QInputDialog.getItem(
            self, self.tr("添加解读"), self.tr("举办演示的活动："), choices, 0, False
        )
        if ok:
            self._finish_interpretation(doc, v.DEMONSTRATION, title, found[choices.index(choice)].event_uuid)

    def _finish_interpretation(self, doc: v.DocumentView, form: str, title: str, event_uuid: str) -> None:
        files: list[Path] = []
        body = ""
        if form in ("graphic", "video"):
            paths, _ = QFileDialog.getOpenFileNames(self, self.tr("选择图片或视频"))
            files = [Path(p) for p in paths]
        else:
            body, ok = QInputDialog.getMultiLineText(self, self.tr("添加解读"), self.tr("内容："))
            if not ok:
                return
        qa: tuple[v.QAPair, ...] = ()
        if form == "qa":
            qa = tuple(
                v.QAPair(q.strip(), a.strip())
                for q, _, a in (block.partition("\n") for block in body.split("\n\n"))
                if q.strip() and a.strip()
            )
            body = ""
        draft = v.InterpretationDraft(form, title, body=body, qa=qa, event_uuid=event_uuid)
        lib, user = self._lib, self._env.user
        self._write(
            lambda: lib.add_interpretation(user, doc.uuid, draft, attachments=files),
            lambda _i: self._saved(doc),
        )

    def _link_items(self) -> None:
        """Choose the catalogue items that rest on this document (a platform change to it then
        appears on Today for review)."""
        from ui.catalogue.picker import CataloguePickerDialog

        doc = self._doc
        if doc is None:
            return
        lib, user = self._lib, self._env.user

        def pick(current: list[str]) -> None:
            self.picker = CataloguePickerDialog(self._env, current, self)

            def save() -> None:
                chosen = list(self.picker.chosen_uuids())
                self._write(lambda: lib.link_items(user, doc.uuid, chosen), lambda _r: self._saved(doc))

            self.picker.accepted.connect(save)
            self.picker.open()

        self._env.ops.read(self, lambda: [u for u, _t in lib.linked_items(doc.uuid)], pick, key="link-items")

    # -- register and changes ----------------------------------------------------------------------

    def _load_side_tabs(self) -> None:
        self._load_register()
        lib = self._lib
        self._read(lib.changes, self._show_changes)

    def _load_register(self) -> None:
        year, lib = self.register_year.value(), self._lib
        self._read(lambda: (lib.register_figures(year), lib.register(year)), self._show_register)

    def _show_register(self, result: tuple[v.RegisterFigures, list[v.ReadingEntry]]) -> None:
        figures, entries = result
        e = html.escape
        head = (
            self.tr("%1 年：查阅 %2 人次，打印 %3 次（%4 页），涉及文件 %5 份（年度报告用）")
            .replace("%1", str(figures.year))
            .replace("%2", str(figures.readings))
            .replace("%3", str(figures.prints))
            .replace("%4", str(figures.printed_pages))
            .replace("%5", str(figures.documents))
        )
        rows = "".join(
            f"<tr><td>{x.on}</td><td>{e(tr(x.action_label))}</td><td>{e(x.title)}</td><td>{x.pages}</td>"
            f"<td>{e(x.reader_name)}</td><td>{e(x.recorded_by)}</td></tr>"
            for x in entries[:500]
        )
        self.register_view.setHtml(
            f"<p><b>{e(head)}</b></p><table border='1' cellpadding='4' cellspacing='0'>"
            f"<tr><th>{e(self.tr('日期'))}</th><th>{e(self.tr('类型'))}</th><th>{e(self.tr('文件或解读'))}</th>"
            f"<th>{e(self.tr('页数'))}</th><th>{e(self.tr('查阅人'))}</th><th>{e(self.tr('登记人'))}</th></tr>{rows}</table>"
        )

    def _export_register(self) -> None:
        year = self.register_year.value()
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("导出查阅登记"),
            f"查阅登记-{year}.xlsx",
            self.tr("Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv);;PDF 文件（打印用） (*.pdf)"),
        )
        if path:
            lib = self._lib
            self._read(
                lambda: lib.export_register(Path(path), year),
                lambda n: QMessageBox.information(
                    self, self.tr("导出完成"), self.tr("已导出 %1 条（姓名已脱敏）。").replace("%1", str(n))
                ),
            )

    def _show_changes(self, changes: list[v.ChangeView]) -> None:
        self.changes_view.clear()
        for c in changes:
            linked = ("；" + self.tr("关联事项：") + "、".join(c.linked_items)) if c.linked_items else ""
            item = QListWidgetItem(
                f"{c.on} {tr(c.kind_label)}：《{c.title}》{c.detail and '（' + c.detail + '）'}{linked}"
            )
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.changes_view.addItem(item)
        self.tabs.setTabText(2, self.tr("待核对变化") + (f"（{len(changes)}）" if changes else ""))

    def _acknowledge(self) -> None:
        item = self.changes_view.currentItem()
        if item is None:
            return
        change_id, lib, user = int(item.data(Qt.ItemDataRole.UserRole)), self._lib, self._env.user
        self._write(lambda: lib.acknowledge_change(user, change_id), lambda _r: self.reload())
