""" "放弃修改？" before an editor dialog throws away what was typed (Esc, 取消 or the close box).

``AsksBeforeDiscard`` is mixed into an editor dialog ahead of ``QDialog``. When the dialog is first
shown it notes the state of its input widgets (text, choices, dates, ticks, numbers, checked list
and table cells); ``reject()`` — which Esc, the Cancel button and the window's close box all reach —
compares the state now and, when something changed, asks before discarding. A dialog that loads
its values after showing calls ``mark_clean()`` when they are in.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTextEdit,
    QWidget,
)


def _value(widget: QWidget) -> Any:
    """What the user can change in one widget (None for widgets that hold no input)."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QTextEdit):
        return None if widget.isReadOnly() else widget.toPlainText()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime().toString(Qt.DateFormat.ISODate)
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.value()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked() if widget.isCheckable() else None
    if isinstance(widget, QListWidget):
        return tuple(
            (widget.item(i).text(), widget.item(i).checkState().value) for i in range(widget.count())
        )
    if isinstance(widget, QTableWidget):
        return tuple(
            (cell.text(), cell.checkState().value) if (cell := widget.item(r, c)) else None
            for r in range(widget.rowCount())
            for c in range(widget.columnCount())
        )
    return None


def form_state(root: QWidget) -> tuple[Any, ...]:
    """The input state of every widget inside ``root``, in a stable order."""
    return tuple(_value(w) for w in root.findChildren(QWidget))


def ask_discard(parent: QWidget) -> bool:
    """True when the user agrees to throw the changes away."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Discard", "放弃修改？"))
    box.setText(QCoreApplication.translate("Discard", "填写的内容还没有保存。关闭后这些修改会丢失。"))
    discard = box.addButton(
        QCoreApplication.translate("Discard", "放弃修改"), QMessageBox.ButtonRole.DestructiveRole
    )
    keep = box.addButton(QCoreApplication.translate("Discard", "继续编辑"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


class AsksBeforeDiscard:
    """Mix in ahead of QDialog: Esc/取消/close ask "放弃修改？" when something was changed."""

    _clean_state: tuple[Any, ...] | None = None

    def mark_clean(self) -> None:
        """The current values are the saved ones (call after loading values into the form)."""
        assert isinstance(self, QWidget)
        self._clean_state = form_state(self)

    def has_changes(self) -> bool:
        assert isinstance(self, QWidget)
        return self._clean_state is not None and form_state(self) != self._clean_state

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[misc]
        if self._clean_state is None:
            self.mark_clean()

    def reject(self) -> None:
        assert isinstance(self, QWidget)
        if self.has_changes() and not ask_discard(self):
            return
        super().reject()  # type: ignore[misc]
