"""The catalogue page: domain tree, item table with filters, as-you-type search, detail with history.

Standard (city/district) items are read-only; admins add, edit and retire site items, import files
(after a preview of the diff), export, and print the catalogue as a PDF for the reading table.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QModelIndex, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.authz import allowed
from app.catalogue import CHANNELS, CatalogueItemView, ComplianceEntry, DomainView, ImportResult
from app.catalogue.model import AUDIENCES, FIELD_LABELS, MODES, ORIGINS, TIERS, display_value
from app.errors import GongkaiError
from ui.catalogue.admin import DomainDialog, SynonymDialog
from ui.catalogue.dialogs import DisclosureDialog, ImportPreviewDialog, ItemDialog
from ui.crash import show_error
from ui.env import UiEnv
from ui.table_model import Column, RecordTableModel, SortFilterProxy

ALL = ""
CodeRole = Qt.ItemDataRole.UserRole + 10
SEARCH_DELAY_MS = 150


def tr(text: str) -> str:
    return QCoreApplication.translate("CataloguePage", text)


def status_text(entry: ComplianceEntry | None) -> str:
    if entry is None:
        return ""
    mark = tr("（暂定）") if entry.provisional else ""
    if entry.status == "overdue":
        return tr("逾期") + f" {entry.due:%m-%d}{mark}"
    return tr("临期") + f" {entry.due:%m-%d}{mark}"


class CataloguePage(QWidget):
    """Browse, search and maintain the catalogue.

    Its badge in the navigation is the window's (``TodayService.badges``).
    """

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._cat = env.ctx.catalogue
        self._is_admin = allowed(env.user, "catalogue.update")
        self._compliance: dict[str, ComplianceEntry] = {}
        self._show_standard = False
        self._domain = ALL
        self._domains: dict[str, DomainView] = {}
        self._wanted = ""
        self._build()
        self._connect_signals()
        env.bus.watch(self, ("catalogue", "holiday", "notice"), lambda _c: self.reload())
        self.reload()

    # -- layout ------------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索事项：汉字、拼音或首字母（如 低保、zdshbz）"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 3)
        self.audience = self._combo(self.tr("公开对象"), AUDIENCES)
        self.mode = self._combo(self.tr("公开方式"), MODES)
        self.tier = self._combo(self.tr("公开层级"), TIERS)
        self.channel = self._combo(self.tr("公开渠道"), {c: c for c in CHANNELS})
        for w in (self.audience, self.mode, self.tier, self.channel):
            bar.addWidget(w)
        self.overdue_only = QCheckBox(self.tr("只看逾期/临期"))
        bar.addWidget(self.overdue_only)
        layout.addLayout(bar)

        actions = QHBoxLayout()
        self.import_button = QPushButton(self.tr("导入目录…"))
        self.export_button = QPushButton(self.tr("导出目录…"))
        self.pdf_button = QPushButton(self.tr("打印目录（PDF）…"))
        self.add_button = QPushButton(self.tr("增补事项…"))
        self.edit_button = QPushButton(self.tr("修改事项…"))
        self.retire_button = QPushButton(self.tr("停用事项"))
        self.refine_button = QPushButton(self.tr("本站点细化…"))
        self.keep_button = QPushButton(self.tr("保留细化"))
        self.keep_button.setToolTip(self.tr("标准已更新：本站点细化仍然适用，保留原写法"))
        self.disclose_button = QPushButton(self.tr("登记公开…"))
        self.domain_button = QPushButton(self.tr("领域适用情况…"))
        self.synonyms_button = QPushButton(self.tr("同义词表…"))
        admin_only = (
            self.import_button,
            self.refine_button,
            self.keep_button,
            self.add_button,
            self.edit_button,
            self.retire_button,
            self.domain_button,
            self.synonyms_button,
        )
        for b in admin_only:
            b.setVisible(self._is_admin)
        for b in (
            self.disclose_button,
            self.add_button,
            self.edit_button,
            self.retire_button,
            self.refine_button,
            self.keep_button,
        ):
            actions.addWidget(b)
        actions.addStretch()
        self.count_label = QLabel()
        actions.addWidget(self.count_label)
        layout.addLayout(actions)
        # The catalogue-wide actions on a second row: eleven buttons on one row made the window
        # wider than a 1366-pixel screen (English labels are longer still).
        files = QHBoxLayout()
        for b in (
            self.import_button,
            self.export_button,
            self.pdf_button,
            self.domain_button,
            self.synonyms_button,
        ):
            files.addWidget(b)
        files.addStretch()
        layout.addLayout(files)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.tree_model = QStandardItemModel(self)
        self.tree_model.setHorizontalHeaderLabels([self.tr("领域")])
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumWidth(200)
        if self._is_admin:
            self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        split.addWidget(self.tree)

        self.model: RecordTableModel[CatalogueItemView] = RecordTableModel(
            self._columns(), "CataloguePage", self
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
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        for col, chars in ((0, 6), (1, 8), (2, 11), (3, 10), (4, 6), (5, 11)):
            header.resizeSection(col, self.fontMetrics().horizontalAdvance("字") * chars + 12)
        split.addWidget(self.table)

        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setMinimumWidth(320)
        split.addWidget(self.detail)
        split.setSizes([230, 760, 380])
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)

    def _combo(self, label: str, options: dict[str, str]) -> QComboBox:
        box = QComboBox()
        box.addItem(label + self.tr("：全部"), ALL)
        for key, text in options.items():
            box.addItem(text, key)
        return box

    def _columns(self) -> list[Column[CatalogueItemView]]:
        return [
            Column("领域", lambda v: v.data.domain, lambda v: (v.domain_code, v.seq)),
            Column("一级事项", lambda v: v.data.level1),
            Column("二级事项", lambda v: v.data.level2, tooltip=lambda v: v.data.content),
            Column("公开时限", lambda v: v.data.time_limit, tooltip=lambda v: v.rule_text),
            Column("层级", lambda v: display_value("tiers", v.data.tiers)),
            Column(
                "来源",
                lambda v: (
                    ORIGINS[v.origin]
                    + (tr(" · 细化待复核") if v.needs_review else tr(" · 本站点细化") if v.refined else "")
                ),
            ),
            Column(
                "状态",
                lambda v: status_text(self._compliance.get(v.uuid)),
                lambda v: e.due.isoformat() if (e := self._compliance.get(v.uuid)) else "9999",
            ),
        ]

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self.timer.start)
        self.timer.timeout.connect(self._refresh_rows)
        for box in (self.audience, self.mode, self.tier, self.channel):
            box.currentIndexChanged.connect(self._apply_filters)
        self.overdue_only.toggled.connect(self._apply_filters)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection)
        self.import_button.clicked.connect(self._import)
        self.export_button.clicked.connect(self._export)
        self.pdf_button.clicked.connect(self._print_pdf)
        self.add_button.clicked.connect(self._add)
        self.edit_button.clicked.connect(self._edit)
        self.retire_button.clicked.connect(self._retire)
        self.refine_button.clicked.connect(self._refine)
        self.keep_button.clicked.connect(self._keep)
        self.detail.anchorClicked.connect(self._on_anchor)
        self.disclose_button.clicked.connect(self._disclose)
        self.domain_button.clicked.connect(self.edit_domain)
        self.synonyms_button.clicked.connect(self.edit_synonyms)
        self.tree.customContextMenuRequested.connect(self._tree_menu)

    # -- data --------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read domains, compliance and the rows again (after a change or at start), off the GUI thread."""
        cat, today, query, domain = (
            self._cat,
            self._env.ctx.clock.today(),
            self.search.text().strip(),
            self._domain,
        )

        def work() -> tuple[dict[str, ComplianceEntry], list[DomainView], list[CatalogueItemView]]:
            compliance = {e.item.uuid: e for e in cat.compliance(today)}
            return compliance, cat.domains(), _rows(cat, query, domain)

        # No badge read here: the window's badges come from the Today list (one read for every page),
        # and it reads them again after any change. A read of the whole day beside this one made the
        # page's first rows wait twice as long on a five-year site (the two shared the GIL).
        self._env.ops.read(self, work, self._loaded, key="rows", loading=self.table)

    def _loaded(
        self, result: tuple[dict[str, ComplianceEntry], list[DomainView], list[CatalogueItemView]]
    ) -> None:
        self._compliance, domains, rows = result
        self._domains = {d.code: d for d in domains}
        self._fill_tree()
        self._show_rows(rows)
        if self.current_item() is None:
            self._show_detail(None)  # the chosen domain's state may have changed

    def _fill_tree(self) -> None:
        domains = list(self._domains.values())
        self.tree.selectionModel().blockSignals(True)
        self.tree_model.removeRows(0, self.tree_model.rowCount())
        total = sum(d.active_items for d in domains)
        root = QStandardItem(self.tr("全部领域（%1 项）").replace("%1", str(total)))
        root.setData(ALL, CodeRole)
        root.setEditable(False)
        self.tree_model.appendRow(root)
        current = root
        for d in domains:
            text = f"{d.code} {d.name}（{d.active_items}）"
            if not d.applicable:
                text += self.tr(" · 未涉及")
            node = QStandardItem(text)
            node.setData(d.code, CodeRole)
            node.setEditable(False)
            node.setToolTip(d.not_applicable_reason or d.note or d.lead_department)
            if not d.applicable or not d.active_items:
                node.setForeground(self.palette().placeholderText())
            root.appendRow(node)
            if d.code == self._domain:
                current = node
        self.tree.expandAll()
        self.tree.setCurrentIndex(current.index())
        self.tree.selectionModel().blockSignals(False)

    def _refresh_rows(self) -> None:
        """Read the rows for the search and the chosen domain (read pool; the last one asked wins)."""
        cat, query, domain = self._cat, self.search.text().strip(), self._domain
        self._env.ops.read(
            self, lambda: _rows(cat, query, domain), self._show_rows, key="rows", loading=self.table
        )

    def _show_rows(self, rows: list[CatalogueItemView]) -> None:
        selected = self.current_item()
        wanted = self._wanted or (selected.uuid if selected is not None else "")
        searching = bool(self.search.text().strip())
        if searching:
            self.model.sort(-1)  # keep the search ranking (title hits first)
        self.table.horizontalHeader().setSortIndicatorShown(not searching)
        self.model.set_rows(rows)
        self._apply_filters()
        if wanted:
            self._select(wanted)

    def _apply_filters(self) -> None:
        audience, mode = self.audience.currentData(), self.mode.currentData()
        tier, channel = self.tier.currentData(), self.channel.currentData()
        overdue = self.overdue_only.isChecked()

        def keep(v: CatalogueItemView) -> bool:
            d = v.data
            return (
                (not audience or d.audience == audience)
                and (not mode or mode in d.modes)
                and (not tier or tier in d.tiers)
                and (not channel or channel in d.channels)
                and (not overdue or v.uuid in self._compliance)
            )

        # No filter chosen: no predicate (filtering 2,000+ items through Python for nothing took
        # tens of milliseconds on the GUI thread at every load).
        self.proxy.set_predicate(keep if (audience or mode or tier or channel or overdue) else None)
        self.count_label.setText(
            self.tr("显示 %1 / %2 项")
            .replace("%1", str(self.proxy.rowCount()))
            .replace("%2", str(self.model.rowCount()))
        )
        self._update_buttons()

    def current_domain(self) -> DomainView | None:
        """The domain chosen in the tree (None for 全部领域)."""
        return self._domains.get(self._domain)

    def current_item(self) -> CatalogueItemView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.proxy.object_at(rows[0].row()) if rows else None

    def _select(self, uuid: str) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.object_at(row).uuid == uuid:
                self._wanted = ""
                self.table.selectRow(row)
                self.table.scrollTo(self.proxy.index(row, 0))
                return True
        return False

    def open_record(self, uuid: str, *, navigate: bool = True) -> None:
        """Select the item ``uuid`` (clearing search and domain filter when it is hidden)."""
        if self._select(uuid):
            return
        if navigate:
            self._wanted = uuid
            self._domain = ALL
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.overdue_only.setChecked(False)
            self._fill_tree()
            self._refresh_rows()
        else:
            self._show_detail(None)

    # -- slots -------------------------------------------------------------------------------------

    def _on_tree_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        code = current.data(CodeRole) if current.isValid() else ALL
        if code != self._domain:
            self._domain = code or ALL
            self._refresh_rows()
            self._show_detail(self.current_item())

    def _tree_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if not index.isValid() or not index.data(CodeRole):
            return
        self.tree.setCurrentIndex(index)
        self._menu = self.domain_menu()
        self._menu.popup(self.tree.viewport().mapToGlobal(pos))

    def domain_menu(self) -> QMenu:
        """The domain tree's context menu (admin)."""
        menu = QMenu(self)
        menu.addAction(self.tr("领域适用情况…"), self.edit_domain)
        return menu

    def _on_table_selection(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        self._show_detail(self.current_item())
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.current_item()
        self.edit_button.setEnabled(bool(item and item.editable))
        self.retire_button.setEnabled(bool(item and item.editable))
        self.refine_button.setEnabled(bool(item and item.refinable))
        self.keep_button.setEnabled(bool(item and item.needs_review))
        self.disclose_button.setEnabled(item is not None)
        self.domain_button.setEnabled(bool(self._domain))

    def _show_detail(self, item: CatalogueItemView | None) -> None:
        """The detail pane: the item's fields at once, its disclosures and history read on the pool."""
        if item is None:
            self._env.ops.forget(self, "detail")
            self._render_detail(None, [], [])
            return
        cat, uuid = self._cat, item.uuid
        self._env.ops.read(
            self,
            lambda: (cat.disclosures(uuid), cat.history(uuid)),
            lambda result: self._render_detail(item, *result),
            key="detail",
        )

    def _render_detail(
        self, item: CatalogueItemView | None, disclosures: list[Any], history: list[Any]
    ) -> None:
        e = html.escape
        domain = self.current_domain()
        banner = ""
        if domain is not None and not domain.applicable:
            banner = (
                f"<p style='color:#8a4b00;'><b>{e(self.tr('本站点未涉及此领域'))}</b>："
                f"{e(domain.not_applicable_reason)}</p>"
            )
        if item is None:
            head = f"<h3>{e(domain.code)} {e(domain.name)}</h3>" if domain is not None else ""
            self.detail.setHtml(
                head + banner + f"<p>{e(self.tr('选择一个事项查看全部内容和变更历史。'))}</p>"
            )
            return
        parts = [f"<h3>{e(item.data.domain)}：{e(item.title)}</h3>", banner]
        parts.append(f"<p><b>{e(self.tr('来源'))}</b>：{e(ORIGINS[item.origin])}"
                     + ("" if item.editable or item.refined else e(self.tr("（只读）"))) + "</p>")  # fmt: skip
        ref = item.refinement
        if ref is not None:
            state = (
                f"<b style='color:#8a4b00;'>{e(self.tr('标准已更新，请复核本站点细化'))}</b><br>"
                if ref.standard_changed
                else ""
            )
            toggle = self.tr("收起标准原文") if self._show_standard else self.tr("查看标准原文")
            parts.append(
                "<p style='background:#eef5ff;padding:4px;'>"
                + state
                + f"<b>{e(self.tr('本站点细化'))}</b>：{e('、'.join(tr(x) for x in ref.labels))}"
                + f"<br>{e(ref.actor)} · {e(ref.at)} · {e(ref.reason)}"
                + (
                    f"<br>{e(self.tr('复核'))}：{e(ref.reviewed_by)} · {e(ref.reviewed_at)}"
                    if ref.reviewed_by
                    else ""
                )
                + f"<br><a href='standard:{e(item.uuid)}'>{e(toggle)}</a></p>"
            )
        for name, label in FIELD_LABELS.items():
            if name == "domain":
                continue
            value = display_value(name, getattr(item.data, name))
            if name == "audience_group" and not value:
                continue
            mark = ""
            if ref is not None and name in ref.fields:
                mark = f" <span style='color:#1a5fb4;'>{e(self.tr('〔本站点细化〕'))}</span>"
            parts.append(f"<p><b>{e(tr(label))}</b>{mark}：{e(value).replace(chr(10), '<br>') or '—'}</p>")
            if mark and self._show_standard and item.standard is not None:
                original = display_value(name, getattr(item.standard, name))
                parts.append(
                    f"<p style='color:#555;margin-left:1em;'>{e(self.tr('标准原文'))}："
                    f"{e(original).replace(chr(10), '<br>') or '—'}</p>"
                )
        entry = self._compliance.get(item.uuid)
        rule = e(item.rule_text) + (f"；<b>{e(status_text(entry))}</b>" if entry else "")
        parts.append(f"<p><b>{e(self.tr('时限规则'))}</b>：{rule}</p>")
        parts.append(f"<h4>{e(self.tr('公开记录'))}</h4>")
        if disclosures:
            parts.append(
                "<ul>"
                + "".join(
                    f"<li>{d.on.isoformat()} · {e(d.channel)} · {e(d.actor)}</li>" for d in disclosures[:10]
                )
                + "</ul>"
            )
        else:
            parts.append(f"<p>{e(self.tr('尚无公开记录'))}</p>")
        parts.append(f"<h4>{e(self.tr('变更历史'))}</h4><ul>")
        labels = {"added": self.tr("新增"), "changed": self.tr("修改"), "retired": self.tr("停用")}
        for h in reversed(history):
            line = f"{self.tr('第 %1 版').replace('%1', str(h.version))} · {h.at} · {labels[h.change]} · {h.actor}"
            changes = "".join(f"<br>　{e(f.label)}：{e(f.old[:80])} → {e(f.new[:80])}" for f in h.fields)
            parts.append(f"<li>{e(line)}{changes}</li>")
        parts.append("</ul>")
        self.detail.setHtml("".join(parts))

    # -- actions -----------------------------------------------------------------------------------

    def _run(self, fn: Any, done: Any) -> None:
        """Work that writes a file, not the database (export, PDF, an import's dry run): read pool."""
        self._env.ops.read(self, fn, done, key="file")

    def _write(self, fn: Any, done: Any = None) -> None:
        """One catalogue write (writer thread); the bus reloads the page, the status bar confirms."""
        self._env.ops.write(self, fn, done)

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("导入目录"), "", self.tr("目录表格 (*.xlsx *.xlsm *.xls *.et *.ods *.csv)")
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        """Dry-run the import as a site file, show the diff (an administrator may choose the file's
        origin, each choice dry-run again), apply as the chosen origin on confirmation."""
        actor = self._env.user.name
        cat = self._cat
        origins = cat.import_origins(self._env.user)

        def preview(origin: str) -> ImportResult:
            return cat.import_file(path, actor=actor, origin=origin, dry_run=True)

        def again(dialog: ImportPreviewDialog, origin: str) -> None:
            self._env.ops.read(
                dialog,
                lambda: preview(origin),
                lambda result: dialog.set_result(result, origin),
                key="preview",
                failed=lambda exc: (
                    dialog.set_failure(str(exc), origin)
                    if isinstance(exc, GongkaiError)
                    else show_error(self, exc)
                ),
            )

        def show(result: ImportResult) -> None:
            dialog = ImportPreviewDialog(
                result, self, origin="site", origins=origins, consequence=cat.import_consequence
            )
            dialog.origin_changed.connect(lambda origin: again(dialog, origin))
            self._preview = dialog
            if dialog.exec() == QDialog.DialogCode.Accepted:
                origin = dialog.origin()
                self._write(lambda: cat.import_file(path, actor=actor, origin=origin), self._imported)

        self._env.ops.read(self, lambda: preview("site"), show, key="preview")

    def _imported(self, result: ImportResult) -> None:
        QMessageBox.information(
            self,
            self.tr("导入完成"),
            self.tr("已生成目录第 %1 版。").replace("%1", str(result.version))
            if result.version
            else self.tr("没有变化。"),
        )

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出目录"), "标准目录.xlsx", self.tr("Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)")
        )
        if path:
            self._run(
                lambda: self._cat.export_file(Path(path)),
                lambda n: QMessageBox.information(
                    self, self.tr("导出完成"), self.tr("已导出 %1 个事项。").replace("%1", str(n))
                ),
            )

    def _print_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("打印目录"), "标准目录.pdf", self.tr("PDF 文件 (*.pdf)")
        )
        if not path:
            return
        sites, domain = self._env.ctx.sites, self._domain or None

        def work() -> int:
            site = sites.get()
            data = self._cat.pdf(size="A3", domain=domain, site_name=site.name if site else "")
            Path(path).write_bytes(data)
            return len(data)

        self._run(
            work,
            lambda _n: QMessageBox.information(self, self.tr("打印目录"), self.tr("已生成 PDF：") + path),
        )

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == "standard":
            self._show_standard = not self._show_standard
            self._show_detail(self.current_item())

    def _refine(self) -> None:
        item = self.current_item()
        if item is None or not item.refinable:
            return
        dialog = ItemDialog(list(self._domains.values()), item, self, refine=True)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            data, reason = dialog.data(), dialog.reason.text()
            self._save(lambda: self._cat.refine(self._env.user, item.uuid, data, reason))

    def _keep(self) -> None:
        item = self.current_item()
        if item is None or not item.needs_review:
            return
        self._save(lambda: self._cat.keep_refinement(self._env.user, item.uuid))

    def _add(self) -> None:
        dialog = ItemDialog(list(self._domains.values()), None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._save(lambda: self._cat.add_item(self._env.user, dialog.data()))

    def _edit(self) -> None:
        item = self.current_item()
        if item is None:
            return
        dialog = ItemDialog(list(self._domains.values()), item, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._save(lambda: self._cat.update_item(self._env.user, item.uuid, dialog.data()))

    def _retire(self) -> None:
        item = self.current_item()
        if item is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("停用事项"),
            self.tr("停用“%1”？停用后不再显示，历史记录保留。").replace("%1", item.title),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._save(lambda: self._cat.retire_item(self._env.user, item.uuid))

    def _save(self, fn: Any) -> None:
        def done(view: CatalogueItemView) -> None:
            self._wanted = view.uuid  # selected when the reloaded rows arrive

        self._write(fn, done)

    def edit_domain(self) -> None:
        """Mark the chosen domain applicable, or not applicable with the reason (admin)."""
        domain = self.current_domain()
        if domain is None:
            return
        user = self._env.user

        def save(applicable: bool, reason: str) -> None:
            dialog = self.domain_dialog
            self._env.ops.write(
                dialog,
                lambda: self._cat.set_domain_applicable(user, domain.code, applicable, reason),
                lambda _r: dialog.accept(),
            )

        self.domain_dialog = DomainDialog(domain, save, self)
        self.domain_dialog.open()

    def edit_synonyms(self) -> None:
        """The synonym table search uses (admin)."""
        user = self._env.user

        def save(pairs: list[tuple[str, str]]) -> None:
            dialog = self.synonym_dialog
            self._env.ops.write(
                dialog, lambda: self._cat.set_synonyms(user, pairs), lambda _r: dialog.accept()
            )

        def show(pairs: list[tuple[str, str]]) -> None:
            self.synonym_dialog = SynonymDialog(pairs, save, self)
            self.synonym_dialog.open()

        self._env.ops.read(self, self._cat.synonyms, show, key="synonyms")

    def _disclose(self) -> None:
        item = self.current_item()
        if item is None:
            return
        dialog = DisclosureDialog(item, self._env.ctx.clock.today(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            on, channel = dialog.values()
            actor = self._env.user.name
            self._write(lambda: self._cat.record_disclosure(item.uuid, on=on, channel=channel, actor=actor))


def _rows(cat: Any, query: str, domain: str) -> list[CatalogueItemView]:
    """The items for a search (ranked) or all active items, of one domain or all (read pool)."""
    rows = cat.search(query, limit=500) if query else cat.items()
    return [r for r in rows if r.domain_code == domain] if domain else rows
