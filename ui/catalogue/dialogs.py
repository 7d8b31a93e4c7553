"""Catalogue dialogs: the import preview (diff before applying), a site item's form, a disclosure."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.catalogue import CHANNELS, CatalogueItemView, DomainView, ImportResult, ItemChange, ItemData
from ui.discard import AsksBeforeDiscard
from ui.table_model import Column, RecordTableModel, SortFilterProxy, fit_to_contents

_KIND_LABELS = {
    "added": "新增",
    "changed": "修改",
    "retired": "停用",
    "refined": "细化",
    "review": "待复核细化",
}


def change_columns() -> list[Column[tuple[str, ItemChange]]]:
    return [
        Column("变化", lambda r: _KIND_LABELS[r[0]]),
        Column("领域", lambda r: r[1].domain),
        Column("事项", lambda r: r[1].title),
        Column(
            "改动",
            lambda r: "；".join(f"{f.label}：{f.old[:30]} → {f.new[:30]}" for f in r[1].fields),
            tooltip=lambda r: "\n".join(f"{f.label}：{f.old}\n    → {f.new}" for f in r[1].fields),
        ),
    ]


class ImportPreviewDialog(QDialog):
    """Shows what an import would add, change and retire; accepting applies it.

    With ``origins`` (the service's ``import_origins``) an administrator chooses what the file is: a
    city or district catalogue (complete: that origin's items missing from it are retired) or the
    site's own. Each choice emits ``origin_changed``; the page dry-runs the file again and hands the
    result back through ``set_result`` (or ``set_failure``), so the diff always shows what this choice
    would do, and what it retires is spelled out above the table before anything is confirmed.
    """

    origin_changed = Signal(str)

    def __init__(
        self,
        result: ImportResult,
        parent: QWidget | None = None,
        *,
        origin: str = "site",
        origins: Sequence[str] = (),
        consequence: Callable[[str, int], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._origin = origin
        self._consequence = consequence
        self.setWindowTitle(self.tr("导入预览：%1").replace("%1", result.source))
        self.resize(980, 600)
        layout = QVBoxLayout(self)
        self.origin_buttons: dict[str, QRadioButton] = {}
        if origins:
            row = QHBoxLayout()
            row.addWidget(QLabel(self.tr("这个文件是：")))
            group = QButtonGroup(self)
            labels = {
                "city": self.tr("市级标准目录"),
                "district": self.tr("区县标准目录"),
                "site": self.tr("本站点目录（增补与细化）"),
            }
            for key in origins:
                button = QRadioButton(labels.get(key, key))
                button.setChecked(key == origin)
                group.addButton(button)
                row.addWidget(button)
                self.origin_buttons[key] = button
                button.toggled.connect(lambda on, k=key: self._choose(k) if on else None)
            row.addStretch(1)
            layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.consequence = QLabel()
        self.consequence.setWordWrap(True)
        layout.addWidget(self.consequence)
        self.model: RecordTableModel[tuple[str, ItemChange]] = RecordTableModel(
            change_columns(), "CataloguePage", self
        )
        proxy = SortFilterProxy(self)
        proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(proxy)
        self.view.setSortingEnabled(True)
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        fit_to_contents(header)
        header.setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox()
        self.apply_button = buttons.addButton(self.tr("确认导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.set_result(result, origin)

    def origin(self) -> str:
        return self._origin

    def _choose(self, origin: str) -> None:
        self._origin = origin
        self.apply_button.setEnabled(False)
        self.summary.setText(self.tr("正在按所选来源重新比对…"))
        self.consequence.clear()
        self.model.set_rows([])
        self.origin_changed.emit(origin)

    def set_result(self, result: ImportResult, origin: str) -> None:
        """Show the dry run of ``origin`` (a late answer for an earlier choice is ignored)."""
        if origin != self._origin:
            return
        review = {c.uuid for c in result.diff.review}
        rows = [("added", c) for c in result.added]
        rows += [("review" if c.uuid in review else "changed", c) for c in result.changed]
        rows += [("retired", c) for c in result.retired] + [("refined", c) for c in result.diff.refined]
        self.model.set_rows(rows)
        text = (
            self.tr("读取 %1 行：新增 %2 项，修改 %3 项，停用 %4 项，细化 %5 项。确认后生成新的目录版本。")
            .replace("%1", str(result.rows))
            .replace("%2", str(len(result.added)))
            .replace("%3", str(len(result.changed)))
            .replace("%4", str(len(result.retired)))
            .replace("%5", str(len(result.diff.refined)))
        )
        if result.diff.review:
            text += self.tr("其中 %1 项是本站点细化过的标准事项，导入后将在“今天”提示复核。").replace(
                "%1", str(len(result.diff.review))
            )
        if not rows:
            text = self.tr("文件内容与现有目录一致，无需导入。")
        self.summary.setText(text)
        retired = len(result.retired)
        if self._consequence is not None:
            self.consequence.setText(self._consequence(origin, retired))
        # Retiring items is the consequence a person must not miss: red, bold, and on the button.
        self.consequence.setStyleSheet("color: #b00020; font-weight: bold;" if retired else "")
        self.apply_button.setText(
            self.tr("确认导入（停用 %1 项）").replace("%1", str(retired)) if retired else self.tr("确认导入")
        )
        self.apply_button.setEnabled(bool(rows))

    def set_failure(self, message: str, origin: str) -> None:
        """This choice cannot be imported (e.g. a district file that changes city items): say why."""
        if origin != self._origin:
            return
        self.model.set_rows([])
        self.summary.setText(message)
        self.consequence.setText(self.tr("按所选来源不能导入这个文件，请改选其他来源或检查文件。"))
        self.consequence.setStyleSheet("color: #b00020;")
        self.apply_button.setText(self.tr("确认导入"))
        self.apply_button.setEnabled(False)


class ItemDialog(AsksBeforeDiscard, QDialog):
    """Add or edit a site item (本站点增补), or refine a standard item (本站点细化): every column
    of the published layout; when refining, the item's identity is fixed and a reason is asked."""

    def __init__(
        self,
        domains: list[DomainView],
        item: CatalogueItemView | None = None,
        parent: QWidget | None = None,
        *,
        refine: bool = False,
    ) -> None:
        super().__init__(parent)
        self._refine = refine
        if refine:
            self.setWindowTitle(self.tr("本站点细化"))
        else:
            self.setWindowTitle(self.tr("修改本站点事项") if item else self.tr("增补本站点事项"))
        self.resize(760, 720)
        d = item.data if item else None
        form = QFormLayout(self)
        self.domain = QComboBox()
        for dom in domains:
            self.domain.addItem(f"{dom.code} {dom.name}", dom.name)
        if d:
            self.domain.setCurrentIndex(max(0, self.domain.findData(d.domain)))
        self.level1 = QLineEdit(d.level1 if d else "")
        self.level2 = QLineEdit(d.level2 if d else "")
        self.level3 = QLineEdit(d.level3 if d else "")
        self.content = QPlainTextEdit(d.content if d else "")
        self.basis = QPlainTextEdit(d.basis if d else "")
        for editor in (self.content, self.basis):
            editor.setMinimumHeight(70)
        self.time_limit = QLineEdit(d.time_limit if d else "信息形成或者变更之日起20个工作日内")
        self.publisher = QLineEdit(d.publisher if d else "")
        grid = QGridLayout()
        self.channels: dict[str, QCheckBox] = {}
        for i, name in enumerate(CHANNELS):
            box = QCheckBox(name)
            box.setChecked(bool(d and name in d.channels))
            self.channels[name] = box
            grid.addWidget(box, i // 3, i % 3)
        channels = QWidget()
        channels.setLayout(grid)
        self.extras = QLineEdit("；".join(d.extra_channels) if d else "")
        self.extras.setPlaceholderText(self.tr("其他渠道名称，用“；”分隔"))
        self.public = QRadioButton(self.tr("全社会"))
        self.group = QRadioButton(self.tr("特定群体："))
        self.group_text = QLineEdit(d.audience_group if d else "")
        (self.group if d and d.audience == "specific_group" else self.public).setChecked(True)
        audience = QHBoxLayout()
        for w in (self.public, self.group, self.group_text):
            audience.addWidget(w)
        self.proactive = QCheckBox(self.tr("主动"))
        self.on_request = QCheckBox(self.tr("依申请"))
        self.proactive.setChecked(not d or "proactive" in d.modes)
        self.on_request.setChecked(bool(d and "on_request" in d.modes))
        modes = QHBoxLayout()
        modes.addWidget(self.proactive)
        modes.addWidget(self.on_request)
        modes.addStretch()
        self.tiers = {
            k: QCheckBox(label)
            for k, label in (("county", "县级"), ("township", "乡级"), ("village", "村级"))
        }
        tiers = QHBoxLayout()
        for k, box in self.tiers.items():
            box.setChecked(k in (d.tiers if d else ("township",)))
            tiers.addWidget(box)
        tiers.addStretch()
        self.phone = QLineEdit(d.contact_phone if d else "")
        self.retention = QLineEdit(d.retention if d else "")
        form.addRow(self.tr("领域"), self.domain)
        form.addRow(self.tr("一级事项"), self.level1)
        form.addRow(self.tr("二级事项"), self.level2)
        form.addRow(self.tr("三级事项"), self.level3)
        form.addRow(self.tr("公开内容（要素）"), self.content)
        form.addRow(self.tr("公开依据"), self.basis)
        form.addRow(self.tr("公开时限"), self.time_limit)
        form.addRow(self.tr("公开主体"), self.publisher)
        form.addRow(self.tr("公开渠道和载体"), channels)
        form.addRow(self.tr("其他渠道"), self.extras)
        form.addRow(self.tr("公开对象"), audience)
        form.addRow(self.tr("公开方式"), modes)
        form.addRow(self.tr("公开层级"), tiers)
        form.addRow(self.tr("咨询电话"), self.phone)
        form.addRow(self.tr("公开时长"), self.retention)
        self.reason = QLineEdit(item.refinement.reason if item and item.refinement else "")
        self.reason.setPlaceholderText(self.tr("为什么本站点这样写，如“公开主体为唐王街道办事处”"))
        if refine:
            note = QLabel(
                self.tr(
                    "领域和一级/二级/三级事项是标准事项的标识，不能细化。改动的列按本站点写法显示，标准原文保留。"
                )
            )
            note.setWordWrap(True)
            form.insertRow(0, note)
            for identity in (self.domain, self.level1, self.level2, self.level3):
                identity.setEnabled(False)
            form.addRow(self.tr("细化原因"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def data(self) -> ItemData:
        """The form as an ``ItemData`` (the service validates it)."""
        extras = tuple(e.strip() for e in self.extras.text().replace(";", "；").split("；") if e.strip())
        return ItemData(
            domain=str(self.domain.currentData()),
            level1=self.level1.text().strip(),
            level2=self.level2.text().strip(),
            level3=self.level3.text().strip(),
            content=self.content.toPlainText().strip(),
            basis=self.basis.toPlainText().strip(),
            time_limit=self.time_limit.text().strip(),
            publisher=self.publisher.text().strip(),
            channels=tuple(c for c in CHANNELS if self.channels[c].isChecked()),
            extra_channels=extras,
            audience="specific_group" if self.group.isChecked() else "public",
            audience_group=self.group_text.text().strip() if self.group.isChecked() else "",
            modes=tuple(
                m
                for m, b in (("proactive", self.proactive), ("on_request", self.on_request))
                if b.isChecked()
            ),
            tiers=tuple(k for k, b in self.tiers.items() if b.isChecked()),
            contact_phone=self.phone.text().strip(),
            retention=self.retention.text().strip(),
        )


class DisclosureDialog(AsksBeforeDiscard, QDialog):
    """Record that an item was disclosed: date and channel (the item's own channels offered first)."""

    def __init__(self, item: CatalogueItemView, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记公开"))
        form = QFormLayout(self)
        title = QLabel(item.title)
        title.setWordWrap(True)
        form.addRow(self.tr("事项"), title)
        self.on = QDateEdit(QDate(today.year, today.month, today.day))
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.channel = QComboBox()
        self.channel.setEditable(True)
        for c in (*item.data.channels, *item.data.extra_channels):
            self.channel.addItem(c)
        form.addRow(self.tr("公开日期"), self.on)
        form.addRow(self.tr("公开渠道"), self.channel)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[date, str]:
        q = self.on.date()
        return date(q.year(), q.month(), q.day()), self.channel.currentText().strip()
