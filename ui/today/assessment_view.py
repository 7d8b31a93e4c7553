"""The monthly self-assessment tab: month, total, score table, evidence of the chosen line, trend."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.today.assessment.figures import Evidence
from app.today.assessment.period import Month
from app.today.assessment.service import ScoreLine, ScoreSheet, TrendPoint
from ui.crash import show_error
from ui.env import UiEnv
from ui.saved import announce_saved
from ui.table_model import Column, RecordTableModel, SortFilterProxy, fit_to_contents
from ui.today.criteria_dialog import CriteriaDialog
from ui.today.trend_chart import TrendChart

CONTEXT = "AssessmentView"
TREND_MONTHS = 12


def score_columns() -> list[Column[ScoreLine]]:
    return [
        Column("指标", lambda s: s.criterion.name, tooltip=lambda s: s.criterion.rule),
        Column("分值", lambda s: f"{s.criterion.weight:g}", lambda s: s.criterion.weight),
        Column("本月结果", lambda s: s.figure_text, lambda s: s.figure.rate),
        Column("目标", lambda s: s.target_text),
        Column("得分", lambda s: s.score_text, lambda s: s.score),
        Column("依据记录", lambda s: f"{len(s.figure.evidence)} 条", lambda s: len(s.figure.evidence)),
    ]


def evidence_columns() -> list[Column[Evidence]]:
    return [
        Column("日期", lambda e: e.day.isoformat() if e.day else "", lambda e: e.day),
        Column("记录", lambda e: e.title),
        Column("结论", lambda e: "达标" if e.ok else "未达标"),
        Column("说明", lambda e: e.note),
    ]


class AssessmentView(QWidget):
    """Computes off the GUI thread; double-click an evidence row to open the record."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._sheet: ScoreSheet | None = None
        layout = QVBoxLayout(self)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("月份")))
        self.month = QComboBox()
        current = Month.of(env.ctx.clock.today())
        for m in reversed(current.back(TREND_MONTHS)):
            self.month.addItem(m.label, m)
        self.month.currentIndexChanged.connect(self.reload)
        bar.addWidget(self.month)
        self.total = QLabel()
        self.total.setStyleSheet("font-size: 16pt; font-weight: bold; padding-left: 16px;")
        bar.addWidget(self.total, 1)
        self.pdf_button = QPushButton(self.tr("导出 PDF…"))
        self.pdf_button.clicked.connect(lambda: self._export(".pdf"))
        self.xlsx_button = QPushButton(self.tr("导出 Excel…"))
        self.xlsx_button.clicked.connect(lambda: self._export(".xlsx"))
        self.criteria_button = QPushButton(self.tr("考核指标…"))
        self.criteria_button.setToolTip(self.tr("查看（管理员可修改）各项指标的名称、分值、计算方法和目标"))
        self.criteria_button.clicked.connect(self._edit_criteria)
        for b in (self.pdf_button, self.xlsx_button, self.criteria_button):
            bar.addWidget(b)
        layout.addLayout(bar)

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        layout.addWidget(self.note)

        split = QSplitter(Qt.Orientation.Vertical)
        self.score_model: RecordTableModel[ScoreLine] = RecordTableModel(score_columns(), CONTEXT, self)
        self.score_view = QTableView()
        self.score_view.setModel(self.score_model)
        self.score_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.score_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.score_view.verticalHeader().hide()
        header = self.score_view.horizontalHeader()
        fit_to_contents(header)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.score_view.selectionModel().currentRowChanged.connect(self._on_score_row)
        split.addWidget(self.score_view)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.evidence_title = QLabel()
        self.evidence_title.setWordWrap(True)
        lower_layout.addWidget(self.evidence_title)
        self.evidence_model: RecordTableModel[Evidence] = RecordTableModel(evidence_columns(), CONTEXT, self)
        self.evidence_proxy = SortFilterProxy(self)
        self.evidence_proxy.setSourceModel(self.evidence_model)
        self.evidence_view = QTableView()
        self.evidence_view.setModel(self.evidence_proxy)
        self.evidence_view.setSortingEnabled(True)
        self.evidence_view.verticalHeader().hide()
        self.evidence_view.horizontalHeader().setStretchLastSection(True)
        fit_to_contents(self.evidence_view.horizontalHeader())
        self.evidence_view.doubleClicked.connect(self._open_evidence)
        lower_layout.addWidget(self.evidence_view)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(lower)

        self.chart = TrendChart()
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(QLabel(self.tr("近 12 个月自评总分（虚线为 60 分）")))
        chart_layout.addWidget(self.chart)
        bottom.addWidget(chart_box)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)
        split.addWidget(bottom)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        env.bus.changed.connect(self._on_bus_changed)
        self._loaded = False  # computed on first show: the Today list comes first at start-up

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.reload()

    @property
    def selected_month(self) -> Month:
        month = self.month.currentData()
        assert isinstance(month, Month)
        return month

    def _on_bus_changed(self, _entity: str) -> None:
        if self._loaded:
            self.reload()

    def reload(self) -> None:
        service = self._env.ctx.today.assessment
        month = self.selected_month

        def work() -> tuple[ScoreSheet, list[TrendPoint]]:
            return service.score_sheet(month), service.trend(month, TREND_MONTHS)

        self._env.tasks.run(work, self._show, lambda exc: show_error(self, exc), writes=False)

    def _show(self, result: tuple[ScoreSheet, list[TrendPoint]]) -> None:
        sheet, trend = result
        self._sheet = sheet
        self.total.setText(
            self.tr("%1 自评：%2").replace("%1", sheet.month.label).replace("%2", sheet.total_text)
        )
        note = self.tr("满分按本月适用的指标折算为 100 分；“不适用”表示本月没有可计数的记录。")
        if sheet.partial_month:
            note = self.tr("本月尚未结束，为截至今天的结果。") + note
        self.note.setText(note)
        self.score_model.set_rows(sheet.lines)
        # Every criterion visible without scrolling: the score table is the point of the tab.
        rows = sum(self.score_view.rowHeight(r) for r in range(len(sheet.lines)))
        self.score_view.setMinimumHeight(rows + self.score_view.horizontalHeader().height() + 6)
        self.chart.set_points(trend)
        if sheet.lines:
            self.score_view.selectRow(0)
        else:
            self.evidence_model.set_rows([])
            self.evidence_title.setText("")

    def _on_score_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        line = self.score_model.row_at(current.row())
        self.evidence_title.setText(f"{line.criterion.name}：{line.method.describe}")
        self.evidence_model.set_rows(line.figure.evidence)

    def _open_evidence(self, index: QModelIndex) -> None:
        evidence = self.evidence_proxy.object_at(index.row())
        if isinstance(evidence, Evidence) and evidence.record_uuid:
            self._env.bus.navigate.emit(evidence.page_key, evidence.record_uuid)

    def _export(self, suffix: str) -> None:
        sheet = self._sheet
        if sheet is None:
            return
        kinds = self.tr("PDF 文件 (*.pdf)") if suffix == ".pdf" else self.tr("Excel 工作簿 (*.xlsx)")
        name = f"{sheet.site_name}{sheet.month.iso}自评{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出自评评分表"), name, kinds)
        if not path:
            return
        target = Path(path).with_suffix(suffix)
        service = self._env.ctx.today.assessment

        def work() -> Path:
            # Imported on first export: ReportLab and openpyxl are not needed to open the window.
            from app.today.assessment.export import score_sheet_pdf, score_sheet_xlsx

            trend = service.trend(sheet.month, 6 if suffix == ".pdf" else TREND_MONTHS)
            data = score_sheet_pdf(sheet, trend) if suffix == ".pdf" else score_sheet_xlsx(sheet, trend)
            target.write_bytes(data)
            return target

        def done(written: Path) -> None:
            announce_saved(self, written)

        self._env.tasks.run(work, done, lambda exc: show_error(self, exc), writes=False)

    def _edit_criteria(self) -> None:
        dialog = CriteriaDialog(self._env, self)
        dialog.exec()
        if dialog.changed:
            self._env.bus.changed.emit("assessment")
