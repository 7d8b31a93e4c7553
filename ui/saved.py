"""Saying where a file went: "已保存到 <path>" in the status bar with 打开所在文件夹, and a clear
message when the system cannot open a file or folder (no viewer installed, no file manager).

Pages and dialogs call ``announce_saved(widget, path)``; it finds the staff window above the widget
and shows the line there for a while (a modal dialog's own ``saved_label`` shows it too when the
dialog has one). ``open_path`` is the one place that asks the system to open something.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMessageBox, QPushButton, QWidget

#: How long the saved line and its button stay in the status bar.
SAVED_MS = 20000


def _tr(text: str) -> str:
    return QCoreApplication.translate("Saved", text)


def open_path(parent: QWidget | None, path: Path) -> bool:
    """Open ``path`` (a file in its viewer, a folder in the file manager); say so when that fails."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    QMessageBox.warning(
        parent,
        _tr("无法打开"),
        _tr("这台电脑没有能打开它的程序（或文件管理器）。文件在：") + "\n" + str(path),
    )
    return False


def staff_window(widget: QWidget | None) -> QMainWindow | None:
    """The main window a page or dialog belongs to (walking up the parents)."""
    while widget is not None:
        if isinstance(widget, QMainWindow):
            return widget
        widget = widget.parentWidget()
    return None


def saved_text(path: Path) -> str:
    return _tr("已保存到 ") + str(path)


def announce_saved(widget: QWidget, path: Path) -> str:
    """Show "已保存到 <path>" with 打开所在文件夹 in the staff window's status bar; returns the text."""
    text = saved_text(path)
    window = staff_window(widget)
    if window is None:
        return text
    bar = window.statusBar()
    bar.showMessage(text, SAVED_MS)
    old = bar.findChild(QPushButton, "open_folder")
    if old is not None:
        bar.removeWidget(old)
        old.deleteLater()
    button = QPushButton(_tr("打开所在文件夹"))
    button.setObjectName("open_folder")
    folder = path.parent
    button.clicked.connect(lambda: open_path(window, folder))
    bar.addWidget(button)
    button.show()
    timer = QTimer(button)
    timer.setSingleShot(True)

    def expire() -> None:
        bar.removeWidget(button)
        button.deleteLater()

    timer.timeout.connect(expire)
    timer.start(SAVED_MS)
    return text
