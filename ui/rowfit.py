"""Row heights fitted to their wrapped text, for the rows on screen only.

``QHeaderView.ResizeToContents`` on a table's vertical header measures every row (every cell's
text laid out, through a Python ``data()`` call each) whenever the model or a column width
changes. With the five-year site's Today list that kept the window from answering for about a
second at start (bench/scale.py). ``VisibleRowFitter`` measures only the rows in the viewport,
when they come into view; the others keep the default height until scrolled to.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

#: rounds of fitting per update: fitting changes heights, which changes which rows are visible
MAX_ROUNDS = 4


class VisibleRowFitter(QObject):
    """Keeps the visible rows of ``view`` as tall as their contents (see the module docstring)."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        self._fitted: set[int] = set()
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        view.verticalScrollBar().valueChanged.connect(self._timer.start)
        view.horizontalHeader().sectionResized.connect(self.refit)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved):
            signal.connect(self.refit)
        model.dataChanged.connect(self.refit)

    def refit(self, *_args: object) -> None:
        """The rows' contents or the columns' widths changed: measure the visible rows again."""
        self._fitted.clear()
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._timer.start()
        return False

    def visible_rows(self) -> range:
        view = self._view
        count = view.model().rowCount()
        top = view.rowAt(0)
        if top < 0:
            return range(0)
        bottom = view.rowAt(view.viewport().height() - 1)
        return range(top, (bottom if bottom >= 0 else count - 1) + 1)

    def fit(self) -> None:
        """Measure the visible rows not measured yet (a few rounds: heights move the others)."""
        for _ in range(MAX_ROUNDS):
            todo = [r for r in self.visible_rows() if r not in self._fitted]
            if not todo:
                return
            for row in todo:
                self._view.resizeRowToContents(row)
                self._fitted.add(row)
