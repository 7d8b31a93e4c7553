"""Unexpected errors: logged, and shown in a dialog with a copyable traceback.

Expected errors (app.errors.GongkaiError) are shown in a plain message box by ``show_error``;
anything else is a bug and reaches the crash dialog through ``sys.excepthook``.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import GongkaiError
from ui.i18n import error_text

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("Crash", text)


class CrashDialog(QDialog):
    """Shows the traceback read-only, with a button that copies it."""

    def __init__(self, details: str, log_file: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("程序出错"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("程序遇到意外错误。您的数据已保存到上一次操作。请复制下面的信息发给技术支持。")
            + "\n"
            + self.tr("日志文件：")
            + log_file
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("复制错误信息"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self._copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


def show_error(parent: QWidget | None, exc: BaseException, log_file: str = "") -> None:
    """A message box for expected errors; the crash dialog for anything else."""
    if isinstance(exc, GongkaiError):
        QMessageBox.warning(parent, tr("无法完成"), error_text(exc))
        return
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    log.error("unexpected error shown to user:\n%s", details)
    CrashDialog(details, log_file, parent).exec()


def attempt(parent: QWidget | None, action: Callable[[], object]) -> bool:
    """Run a service call; an expected failure becomes a message box and False."""
    try:
        action()
    except GongkaiError as exc:
        show_error(parent, exc)
        return False
    return True


class CrashHandler:
    """Installs itself as ``sys.excepthook``; must never raise."""

    def __init__(self, log_file: str) -> None:
        self.log_file = log_file
        self._previous = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self.hook

    def uninstall(self) -> None:
        sys.excepthook = self._previous

    def hook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        try:
            log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
            app = QApplication.instance()
            if app is None or QThread.currentThread() is not app.thread():
                return  # worker errors come back through TaskRunner's failure path
            show_error(QApplication.activeWindow(), exc.with_traceback(tb), self.log_file)
        except Exception:  # noqa: BLE001  (the crash handler itself must not crash)
            traceback.print_exception(exc_type, exc, tb)


__all__ = ["CrashDialog", "CrashHandler", "attempt", "show_error"]
