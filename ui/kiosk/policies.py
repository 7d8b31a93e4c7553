"""The 政策文件 tile of the kiosk: browse current documents by domain, find them with the A–Z pinyin pad,
read them page by page in large type, open their interpretations (图解 full screen) and take a QR home.

Only current documents (有效, published) are listed (``KioskService.policies``); a document reached by an
old link that is no longer in force says so at the top, in words, and offers the current one.

The reader cuts the text into pages that fit the screen at the current type size (长辈 mode gives
fewer characters per page) and never scrolls; a scanned document shows its page images instead.
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.kiosk import KioskPolicy, KioskPolicyRow, KioskService, paginate
from ui.kiosk.base import KioskPage
from ui.kiosk.qr import QrCache
from ui.kiosk.widgets import Tile, button, clear_layout, label, scroll_area

if TYPE_CHECKING:
    from app.policies.pdfpages import PdfPages

RESULT_LIMIT = 60


def policy_tile(row: KioskPolicyRow) -> Tile:
    meta = "　".join(p for p in (row.doc_number, row.when) if p)
    extra = f"有 {row.interpretations} 份解读" if row.interpretations else ""
    return Tile([(row.title, "title"), (meta, "muted"), (extra, "small")])


class PolicyDomainsPage(KioskPage):
    """Domain tiles (with how many current documents each has) and the way to the pinyin pad."""

    def __init__(self, service: KioskService, qr: QrCache, portrait: bool) -> None:
        super().__init__(service, qr, portrait, "政策文件：请选择领域")
        find = button(self.tr("按拼音首字母查找政策文件 ▸"), "primary")
        find.clicked.connect(lambda: self.navigate.emit("policy_search", ""))
        self.outer.addWidget(find)
        holder = QWidget()
        self.grid = QGridLayout(holder)
        self.grid.setSpacing(20)
        self.outer.addWidget(scroll_area(holder), 1)

    def reload(self) -> None:
        clear_layout(self.grid)
        domains = self.service.policies.domains()
        if not domains:
            self.grid.addWidget(label(self.tr("政策文件库暂无文件。请向窗口工作人员咨询。"), "title"), 0, 0)
            return
        columns = 2 if self.portrait else 4
        for i, (name, count) in enumerate(domains):
            tile = Tile([(name, "title"), (self.tr("%1 份文件").replace("%1", str(count)), "muted")])
            tile.clicked.connect(lambda d=name: self.navigate.emit("policy_list", d))
            self.grid.addWidget(tile, i // columns, i % columns)
        self.grid.setRowStretch(len(domains) // columns + 1, 1)  # tiles keep their size; space stays below


class PolicyListPage(KioskPage):
    """The current documents of one domain, newest first."""

    def __init__(self, service: KioskService, qr: QrCache, portrait: bool) -> None:
        super().__init__(service, qr, portrait, "政策文件")
        holder = QWidget()
        self.list = QVBoxLayout(holder)
        self.list.setSpacing(16)
        self.outer.addWidget(scroll_area(holder), 1)

    def reload(self) -> None:
        clear_layout(self.list)
        if self.header is not None:
            self.header.title.setText(self.arg or self.tr("政策文件"))
        rows = self.service.policies.documents(self.arg)
        if not rows:
            self.list.addWidget(label(self.tr("这个领域暂无现行有效的政策文件。"), "title"))
        for row in rows:
            tile = policy_tile(row)
            tile.clicked.connect(lambda u=row.uuid: self.navigate.emit("policy", u))
            self.list.addWidget(tile)
        self.list.addStretch(1)


class PolicySearchPage(KioskPage):
    """The A–Z pad of pinyin initials; each press searches current documents at once."""

    def __init__(self, service: KioskService, qr: QrCache, portrait: bool) -> None:
        super().__init__(service, qr, portrait, "政策文件：拼音首字母查找")
        self.initials = ""
        direction = QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        main = QBoxLayout(direction)
        main.setSpacing(28)
        left = QVBoxLayout()
        left.setSpacing(14)
        self.typed = label("", "headline")
        left.addWidget(self.typed)
        left.addWidget(
            label(self.tr("例：查“最低生活保障”，请依次按 Z、D、S、H。按字母即查，不用打字。"), "muted")
        )
        holder = QWidget()
        self.results = QVBoxLayout(holder)
        self.results.setSpacing(14)
        left.addWidget(scroll_area(holder), 1)
        main.addLayout(left, 3)
        pad = QWidget()
        grid = QGridLayout(pad)
        grid.setSpacing(10)
        for i, letter in enumerate(string.ascii_uppercase):
            key = button(letter, "key")
            key.setMinimumSize(80, 80)
            key.clicked.connect(lambda _=False, c=letter: self.press(c))
            grid.addWidget(key, i // 7, i % 7)
        back = button(self.tr("⌫ 删一个"))
        back.clicked.connect(self.backspace)
        grid.addWidget(back, 3, 5, 1, 2)
        clear = button(self.tr("✕ 全部清除"))
        clear.clicked.connect(self.clear)
        grid.addWidget(clear, 4, 0, 1, 7)
        main.addWidget(pad, 2)
        self.outer.addLayout(main, 1)

    def press(self, letter: str) -> None:
        if len(self.initials) < 12:
            self.initials += letter
        self.reload()

    def backspace(self) -> None:
        self.initials = self.initials[:-1]
        self.reload()

    def clear(self) -> None:
        self.initials = ""
        self.reload()

    def reset(self) -> None:
        self.initials = ""

    def reload(self) -> None:
        shown = " ".join(self.initials) if self.initials else self.tr("（请按字母）")
        self.typed.setText(self.tr("已按：") + shown)
        clear_layout(self.results)
        rows = self.service.policies.search(self.initials, limit=RESULT_LIMIT) if self.initials else ()
        if self.initials and not rows:
            self.results.addWidget(label(self.tr("没有找到。请少按一个字母再试。"), "title"))
        for row in rows:
            tile = policy_tile(row)
            tile.clicked.connect(lambda u=row.uuid: self.navigate.emit("policy", u))
            self.results.addWidget(tile)
        self.results.addStretch(1)


class PolicyReaderPage(KioskPage):
    """A document page by page in large type, its interpretations and a QR code to take it home."""

    def __init__(self, service: KioskService, qr: QrCache, portrait: bool) -> None:
        super().__init__(service, qr, portrait, "阅读政策文件")
        self.doc: KioskPolicy | None = None
        self.pages: list[str] = []
        self.page = 0
        self._pdf: PdfPages | None = None
        self.qr_px = 180
        card = QFrame()
        card.setProperty("role", "card")
        direction = QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        box = QBoxLayout(direction, card)
        box.setContentsMargins(28, 22, 28, 22)
        box.setSpacing(26)
        reading = QVBoxLayout()
        reading.setSpacing(12)
        self.title = label("", "headline")
        reading.addWidget(self.title)
        self.notice = label("", "badge")
        reading.addWidget(self.notice)
        self.facts = label("", "muted")
        reading.addWidget(self.facts)
        # The next on-site demonstrations of the document (events of the zone that interpret it).
        self.demos = label("", "title")
        reading.addWidget(self.demos)
        self.text = label("")
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # The text area's size comes from the layout, never from the text: a page is cut to fit it.
        self.text.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        reading.addWidget(self.text, 1)
        reading.addWidget(self.image, 1)
        turn = QHBoxLayout()
        turn.setSpacing(16)
        self.prev_button = button(self.tr("◀ 上一页"))
        self.prev_button.clicked.connect(lambda: self.turn(-1))
        self.position = label("", "title", wrap=False)
        self.next_button = button(self.tr("下一页 ▶"))
        self.next_button.clicked.connect(lambda: self.turn(1))
        self.current_button = button(self.tr("看现行文件 ▶"), "primary")
        self.current_button.clicked.connect(self._open_current)
        turn.addWidget(self.prev_button)
        turn.addWidget(self.position)
        turn.addWidget(self.next_button)
        turn.addStretch(1)
        turn.addWidget(self.current_button)
        reading.addLayout(turn)
        box.addLayout(reading, 3)
        side = QVBoxLayout()
        side.setSpacing(12)
        self.qr_label = QLabel()
        self.qr_label.setFixedSize(self.qr_px, self.qr_px)
        side.addWidget(self.qr_label, 0, Qt.AlignmentFlag.AlignHCenter)
        self.qr_caption = label(self.tr("扫码带走全文和解读"), "")
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        side.addWidget(self.qr_caption)
        self.interp_title = label(self.tr("政策解读"), "title")
        side.addWidget(self.interp_title)
        holder = QWidget()
        self.interps = QVBoxLayout(holder)
        self.interps.setSpacing(10)
        side.addWidget(scroll_area(holder), 1)
        side_box = QWidget()
        side_box.setLayout(side)
        side_box.setMinimumWidth(340)
        box.addWidget(side_box, 1)
        self.outer.addWidget(card, 1)

    def chars_per_page(self) -> int:
        """About how many characters fill the text area at the current type size (长辈 mode: fewer)."""
        metrics = self.text.fontMetrics()
        # Before the page is first laid out the label has no size yet: assume a typical one.
        width = self.text.width() if self.text.width() > 100 else 900
        height = self.text.height() if self.text.height() > 60 else 360
        per_line = max(10, width // max(1, metrics.horizontalAdvance("字")))
        lines = max(4, height // max(1, metrics.lineSpacing()) - 1)
        return int(per_line * lines * 0.8)  # room for short last lines of paragraphs

    def reload(self) -> None:
        self.doc = self.service.policies.document(self.arg)
        self.page = 0
        self.relayout()
        QTimer.singleShot(0, self.relayout)  # again once the page is laid out at its real size

    def restyled(self) -> None:
        """The type size changed: re-cut the pages once the new style has been applied."""
        QTimer.singleShot(0, self.relayout)

    def relayout(self) -> None:
        """Re-cut the pages (after the type size changed) and show the current one."""
        doc = self.doc
        if doc is None:
            self.title.setText(self.tr("这份文件不存在或尚未发布。请按“返回首页”。"))
            for w in (
                self.notice,
                self.facts,
                self.demos,
                self.text,
                self.image,
                self.qr_label,
                self.qr_caption,
            ):
                w.setVisible(False)
            for b in (self.prev_button, self.next_button, self.current_button):
                b.setVisible(False)
            clear_layout(self.interps)
            self.interp_title.setVisible(False)
            return
        self.title.setText(doc.title)
        self.notice.setVisible(bool(doc.notice))
        self.notice.setText("⚠ " + doc.notice)
        self.current_button.setVisible(bool(doc.current_uuid))
        self.facts.setVisible(True)
        self.facts.setText("　".join(f"{f.label}：{f.value}" for f in doc.fields))
        self.demos.setVisible(bool(doc.demonstrations))
        self.demos.setText("\n".join(doc.demonstrations))
        self.qr_label.setVisible(bool(doc.public_url))
        self.qr_caption.setVisible(bool(doc.public_url))
        if doc.public_url:
            self.qr_label.setPixmap(self.qr.pixmap(doc.public_url, self.qr_px))
        if doc.body:
            self.pages = paginate(doc.body, self.chars_per_page())
        elif doc.pdf_path:
            self.pages = [f"\x00pdf:{i}" for i in range(doc.pdf_pages)]
        else:
            self.pages = [self.tr("（这份文件没有文字内容。请扫码在手机上查看，或向窗口工作人员索取。）")]
        self.page = min(self.page, len(self.pages) - 1)
        clear_layout(self.interps)
        self.interp_title.setVisible(bool(doc.interpretations))
        for interp in doc.interpretations:
            tile = Tile([(interp.form_label, "muted"), (interp.title, "")])
            tile.clicked.connect(
                lambda u=interp.uuid: self.navigate.emit("interpretation", f"{self.arg}|{u}")
            )
            self.interps.addWidget(tile)
        self.interps.addStretch(1)
        self._show_page()

    def turn(self, step: int) -> None:
        self.page = max(0, min(len(self.pages) - 1, self.page + step))
        self._show_page()

    def _show_page(self) -> None:
        content = self.pages[self.page] if self.pages else ""
        if content.startswith("\x00pdf:") and self.doc is not None:
            self.text.setVisible(False)
            self.image.setVisible(True)
            index = int(content.split(":", 1)[1])
            if self._pdf is None:
                from app.policies.pdfpages import PdfPages  # pdfium on first use

                self._pdf = PdfPages(capacity=2)
            self.image.setPixmap(
                page_pixmap(
                    self._pdf,
                    Path(self.doc.pdf_path),
                    index,
                    max(self.image.width(), 700),
                    max(self.image.height(), 800),
                )
            )
        else:
            self.image.setVisible(False)
            self.text.setVisible(True)
            self.text.setText(content)
        many = len(self.pages) > 1
        self.prev_button.setEnabled(many and self.page > 0)
        self.next_button.setEnabled(many and self.page < len(self.pages) - 1)
        self.position.setText(
            self.tr("第 %1 / %2 页").replace("%1", str(self.page + 1)).replace("%2", str(len(self.pages)))
        )

    def close_files(self) -> None:
        """Close the PDFs the reader keeps open (the window's shutdown)."""
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None

    def _open_current(self) -> None:
        if self.doc is not None and self.doc.current_uuid:
            self.navigate.emit("policy", self.doc.current_uuid)


class InterpretationPage(KioskPage):
    """One interpretation: its text page by page, and its 图解 images, each opened full screen."""

    def __init__(self, service: KioskService, qr: QrCache, portrait: bool) -> None:
        super().__init__(service, qr, portrait, "政策解读")
        holder = QWidget()
        self.body = QVBoxLayout(holder)
        self.body.setSpacing(16)
        self.outer.addWidget(scroll_area(holder), 1)

    def reload(self) -> None:
        clear_layout(self.body)
        doc_uuid, _, interp_uuid = self.arg.partition("|")
        doc = self.service.policies.document(doc_uuid)
        interp = next((i for i in doc.interpretations if i.uuid == interp_uuid), None) if doc else None
        if doc is None or interp is None:
            self.body.addWidget(label(self.tr("这份解读材料不存在。请按“返回首页”。"), "title"))
            return
        if self.header is not None:
            self.header.title.setText(interp.form_label)
        self.body.addWidget(label(interp.title, "headline"))
        self.body.addWidget(label(self.tr("解读的文件：") + f"《{doc.title}》", "muted"))
        for path in interp.images:
            tile = Tile([(self.tr("▣ 点此全屏看图解"), "title")])
            tile.clicked.connect(lambda p=path: self.navigate.emit("policy_image", p))
            self.body.addWidget(tile)
            preview = QLabel()
            preview.setPixmap(QPixmap(path).scaledToWidth(600, Qt.TransformationMode.SmoothTransformation))
            self.body.addWidget(preview)
        if interp.text:
            self.body.addWidget(label(interp.text))
        self.body.addStretch(1)


class ImagePage(KioskPage):
    """A 图解 image filling the screen; ‹ 返回上一页 closes it."""

    def __init__(self, service: KioskService, qr: QrCache, portrait: bool) -> None:
        super().__init__(service, qr, portrait, "图解")
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.outer.addWidget(self.image, 1)

    def reload(self) -> None:
        pixmap = QPixmap(self.arg) if self.arg else QPixmap()
        if pixmap.isNull():
            self.image.setText(self.tr("图片无法显示。"))
            return
        size = self.image.size()
        w, h = max(size.width(), 800), max(size.height(), 600)
        self.image.setPixmap(
            pixmap.scaled(
                w, h, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )


def page_pixmap(renderer: PdfPages, path: Path, index: int, width: int, height: int) -> QPixmap:
    """A PDF page rendered to fit ``width``×``height`` (scans shown as their page images)."""
    image = renderer.render(path, index, width)
    data = image.tobytes("raw", "RGB")
    qimage = QImage(data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888).copy()
    return QPixmap.fromImage(qimage).scaled(
        width, height, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
