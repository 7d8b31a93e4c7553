"""PDF preview and printing of one notice: paper size, orientation, print dialog, batch per board, print log."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.notices import NoticeView
from ui.crash import show_error
from ui.env import UiEnv
from ui.notices.pdfpages import print_pdf, render_pages
from ui.notices.widgets import clear_layout
from ui.saved import announce_saved, open_path

PREVIEW_DPI = 80


class PdfPreviewDialog(QDialog):
    """Shows the masked PDF exactly as it will print; prints through the system dialog."""

    def __init__(self, env: UiEnv, notice: NoticeView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._notice = notice
        self._pdf = b""
        self.setWindowTitle(self.tr("打印预览：") + notice.title)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.size_box = QComboBox()
        self.size_box.addItems(["A4", "A3"])
        self.landscape = QCheckBox(self.tr("横向"))
        self.board_box = QComboBox()
        self.board_box.addItem(self.tr("（页脚不印张贴位置）"), "")
        self._targets: list[str] = []  # the target boards' names, read with the first preview
        bar.addWidget(QLabel(self.tr("纸张")))
        bar.addWidget(self.size_box)
        bar.addWidget(self.landscape)
        bar.addWidget(QLabel(self.tr("张贴位置")))
        bar.addWidget(self.board_box, 1)
        layout.addLayout(bar)
        if notice.status not in ("approved", "published", "expired"):
            warn = QLabel(self.tr("本公示尚未审定，打印件带“草稿”水印，不得张贴。"))
            warn.setStyleSheet("color: #a33; font-weight: bold;")
            layout.addWidget(warn)
        # Shown when the service refuses to print for posting (before the first sync the QR code
        # cannot open): the preview is then the 校样, for checking the text only.
        self.proof_note = QLabel()
        self.proof_note.setWordWrap(True)
        self.proof_note.setStyleSheet(
            "background: #fff8e1; border: 1px solid #e0c36a; padding: 6px; color: #5d4200;"
        )
        self.proof_note.setVisible(False)
        layout.addWidget(self.proof_note)
        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea()
        self.scroll_area = scroll
        scroll.setWidget(self.pages)
        scroll.setWidgetResizable(True)
        scroll.setStyleSheet("QScrollArea { background: #888; }")
        layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("打印…"))
        self.batch_button = QPushButton(self.tr("批量打印（每个目标公开栏一份）…"))
        self.batch_button.setEnabled(False)
        self.save_button = QPushButton(self.tr("另存为 PDF…"))
        self.poster_button = QPushButton(self.tr("海报（按所选纸张）…"))
        self.poster_button.setToolTip(self.tr("张贴用的大字海报：标题、公示期、全文张贴位置和二维码"))
        close = QPushButton(self.tr("关闭"))
        self._outputs = (self.print_button, self.batch_button, self.save_button, self.poster_button)
        self._tips = {b: b.toolTip() for b in self._outputs}  # shown again once printing is allowed
        for b in self._outputs:
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        saved_row = QHBoxLayout()
        self.saved_label = QLabel("")
        self.saved_label.setWordWrap(True)
        self.open_folder = QPushButton(self.tr("打开所在文件夹"))
        self.open_folder.setVisible(False)
        self._saved_folder: Path | None = None
        self.open_folder.clicked.connect(
            lambda: open_path(self, self._saved_folder) if self._saved_folder else None
        )
        saved_row.addWidget(self.saved_label, 1)
        saved_row.addWidget(self.open_folder)
        layout.addLayout(saved_row)
        layout.addLayout(buttons)
        self._fit_screen()
        self.print_button.clicked.connect(self._print)
        self.batch_button.clicked.connect(self._print_batch)
        self.save_button.clicked.connect(self._save)
        self.poster_button.clicked.connect(self._save_poster)
        close.clicked.connect(self.accept)
        self.size_box.currentIndexChanged.connect(self.refresh)
        self.landscape.toggled.connect(self.refresh)
        self.board_box.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def _fit_screen(self) -> None:
        """As tall as the screen allows (a 1600×900 screen shows the buttons), never taller."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else None
        if area is None:
            return
        # Room for the window frame and title bar, which availableGeometry does not include.
        height = min(900, area.height() - 60)
        width = min(820, area.width() - 40)
        self.resize(width, height)
        self.setMaximumHeight(area.height() - 40)

    def _options(self) -> tuple[str, bool, str | None]:
        return self.size_box.currentText(), self.landscape.isChecked(), self.board_box.currentData() or None

    def pdf_for(self, board: str | None) -> bytes:
        size, landscape, _ = self._options()
        return self._env.ctx.notices.pdf(self._notice.uuid, size=size, landscape=landscape, board=board)

    def refresh(self) -> None:
        """Make the PDF and render its pages on the read pool; show them when they arrive."""
        size, landscape, board = self._options()
        notices, uuid, first = self._env.ctx.notices, self._notice.uuid, not self._targets

        def work() -> tuple[list[str] | None, bytes, list[QImage], str]:
            names = None
            if first:
                boards = {b.uuid: b.name for b in notices.boards()}
                names = [boards[u] for u in self._notice.target_board_uuids if u in boards]
            pdf, refusal = notices.preview_pdf(uuid, size=size, landscape=landscape, board=board)
            return names, pdf, render_pages(pdf, PREVIEW_DPI), refusal

        self._env.ops.read(self, work, self._show, key="pdf", loading=self.scroll_area)

    def _show(self, result: tuple[list[str] | None, bytes, list[QImage], str]) -> None:
        names, self._pdf, images, refusal = result
        if names is not None and not self._targets:
            self._targets = names
            self.board_box.blockSignals(True)
            for name in names:
                self.board_box.addItem(name, name)
            self.board_box.blockSignals(False)
        self._show_refusal(refusal)
        clear_layout(self.pages_layout)
        for image in images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("border: 1px solid #444; background: white;")
            self.pages_layout.addWidget(label)

    def _show_refusal(self, refusal: str) -> None:
        """With a refusal, the pages are the 校样: nothing here prints or saves, and the note says
        why and what to do (the buttons' tooltips too)."""
        self.proof_note.setVisible(bool(refusal))
        if refusal:
            self.proof_note.setText(
                refusal + "\n" + self.tr("下面是校样，仅供核对文字；同步后即可打印、另存和张贴。")
            )
        for button in self._outputs:
            button.setToolTip(refusal or self._tips[button])
            button.setEnabled(not refusal and (button is not self.batch_button or bool(self._targets)))

    @property
    def page_total(self) -> int:
        return self.pages_layout.count()

    def print_to(self, printer: QPrinter, boards: list[str | None]) -> int:
        """Print one copy per entry of ``boards`` (None: no footer) and log each; returns sheets sent."""
        sheets = 0
        size = self._options()[0]
        for board in boards:
            sheets += print_pdf(self.pdf_for(board), printer, title=self._notice.title, paper=size)
            self._env.ctx.notices.record_print(
                self._notice.uuid,
                actor=self._env.user,
                copies=1,
                board=board or "",
                paper=size,
                printer=printer.printerName() or printer.outputFileName(),
            )
        self._env.bus.changed.emit("notice")
        return sheets

    def _dialog_printer(self) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _print(self) -> None:
        printer = self._dialog_printer()
        if printer is None:
            return
        try:
            copies = max(1, printer.copyCount())
            printer.setCopyCount(1)
            self.print_to(printer, [self._options()[2]] * copies)
        except Exception as exc:  # noqa: BLE001  (a printer failure is shown, not a crash)
            show_error(self, exc)

    def _print_batch(self) -> None:
        printer = self._dialog_printer()
        if printer is None:
            return
        try:
            self.print_to(printer, list(self._targets))
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        QMessageBox.information(
            self,
            self.tr("批量打印"),
            self.tr("已发送 %n 份（每个目标公开栏一份，页脚印有公开栏名称）。", "", len(self._targets)),
        )

    def _save(self) -> None:
        if not self._pdf:
            QMessageBox.information(self, self.tr("另存为 PDF"), self.tr("预览还在生成，请稍候再保存。"))
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("另存为 PDF"), f"{self._notice.title}.pdf", "PDF (*.pdf)"
        )
        if path:
            try:
                Path(path).write_bytes(self._pdf)
            except OSError as exc:
                QMessageBox.warning(
                    self, self.tr("另存为 PDF"), self.tr("无法保存：") + f"{path}（{exc.strerror}）"
                )
                return
            self.saved_label.setText(announce_saved(self, Path(path)))
            self.open_folder.setVisible(True)
            self._saved_folder = Path(path).parent

    def _save_poster(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存海报"), f"{self._notice.title}（海报）.pdf", "PDF (*.pdf)"
        )
        if not path:
            return
        try:
            data = self._env.ctx.notices.poster_pdf(self._notice.uuid, size=self._options()[0])
            Path(path).write_bytes(data)
        except Exception as exc:  # noqa: BLE001  (a bad character or a full disk is shown, not a crash)
            show_error(self, exc)
            return
        self.saved_label.setText(announce_saved(self, Path(path)))
        self.open_folder.setVisible(True)
        self._saved_folder = Path(path).parent
