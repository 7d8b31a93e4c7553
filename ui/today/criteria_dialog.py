"""The admin's editor of the self-assessment criteria (everyone else may read them)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.authz import allowed
from app.today.assessment.figures import Direction
from app.today.assessment.service import Criterion
from ui.discard import AsksBeforeDiscard
from ui.env import UiEnv
from ui.table_model import Column, RecordTableModel, fit_to_contents


def criterion_columns() -> list[Column[Criterion]]:
    return [
        Column("指标", lambda c: c.name),
        Column("分值", lambda c: f"{c.weight:g}", lambda c: c.weight),
        Column("计算方法", lambda c: c.method),
        Column("目标", lambda c: f"{c.target:g}", lambda c: c.target),
        Column("启用", lambda c: "是" if c.active else "否"),
    ]


class CriteriaDialog(AsksBeforeDiscard, QDialog):
    """Pick a criterion, change its fields, save; ``changed`` tells the caller to recompute."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._service = env.ctx.today.assessment
        self.changed = False
        self.setWindowTitle(self.tr("考核指标"))
        self.resize(820, 560)
        editable = allowed(env.user, "assessment.criteria")
        layout = QVBoxLayout(self)
        self.model: RecordTableModel[Criterion] = RecordTableModel(
            criterion_columns(), "CriteriaDialog", self
        )
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        fit_to_contents(self.view.horizontalHeader())
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view, 1)

        form = QFormLayout()
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.weight = QDoubleSpinBox()
        self.weight.setRange(0, 100)
        self.weight.setDecimals(1)
        self.method = QComboBox()
        for key, method in self._service.methods.items():
            self.method.addItem(f"{method.label}（{key}）", key)
        self.target = QDoubleSpinBox()
        self.target.setRange(0, 1000)
        self.target.setDecimals(2)
        self.target.setToolTip(self.tr("比率类：0–1（0.95 即 95%）；次数类：允许的最多次数"))
        self.rule = QPlainTextEdit()
        self.rule.setFixedHeight(70)
        self.active = QCheckBox(self.tr("参与评分"))
        form.addRow(self.tr("代码"), self.code)
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("分值"), self.weight)
        form.addRow(self.tr("计算方法"), self.method)
        form.addRow(self.tr("目标"), self.target)
        form.addRow(self.tr("规则说明"), self.rule)
        form.addRow("", self.active)
        layout.addLayout(form)

        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("新增指标"))
        self.new_button.clicked.connect(self._new)
        self.save_button = QPushButton(self.tr("保存此指标"))
        self.save_button.clicked.connect(self._save)
        row.addWidget(self.new_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        for w in (self.code, self.name, self.weight, self.method, self.target, self.rule, self.active):
            w.setEnabled(editable)
        self.new_button.setEnabled(editable)
        self.save_button.setEnabled(editable)
        self.view.selectionModel().currentRowChanged.connect(self._on_row)
        self._reload()

    def _reload(self, select_code: str = "") -> None:
        """Read the criteria on the read pool; select ``select_code`` (else the first) when they arrive."""
        service = self._service
        self._env.ops.read(
            self,
            service.criteria,
            lambda rows: self._show(rows, select_code),
            key="criteria",
            loading=self.view,
        )

    def _show(self, rows: list[Criterion], select_code: str) -> None:
        self.model.set_rows(rows)
        for i, c in enumerate(rows):
            if c.code == select_code or (not select_code and i == 0):
                self.view.selectRow(i)

    def _on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        c = self.model.row_at(current.row())
        self.code.setText(c.code)
        self.code.setReadOnly(True)
        self.name.setText(c.name)
        self.weight.setValue(c.weight)
        self.method.setCurrentIndex(max(0, self.method.findData(c.method)))
        self.target.setValue(c.target)
        self.rule.setPlainText(c.rule)
        self.active.setChecked(c.active)

    def _new(self) -> None:
        self.view.clearSelection()
        self.code.setReadOnly(False)
        for w in (self.code, self.name):
            w.clear()
        self.rule.clear()
        self.weight.setValue(10)
        self.target.setValue(1 if self._direction() is Direction.RATE else 0)
        self.active.setChecked(True)
        self.code.setFocus()

    def _direction(self) -> Direction:
        method = self._service.methods.get(str(self.method.currentData()))
        return method.direction if method else Direction.RATE

    def _save(self) -> None:
        """One write on the writer thread; a refusal is shown over the dialog, the fields stay."""
        service, user, code = self._service, self._env.user, self.code.text()
        values = {
            "name": self.name.text(),
            "weight": self.weight.value(),
            "method": str(self.method.currentData()),
            "target": self.target.value(),
            "rule": self.rule.toPlainText(),
            "active": self.active.isChecked(),
        }

        def saved(criterion: Criterion) -> None:
            self.changed = True
            self._reload(criterion.code)

        self._env.ops.write(self, lambda: service.save_criterion(user, code, **values), saved)  # type: ignore[arg-type]
