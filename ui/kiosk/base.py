"""What every kiosk page shares: the service, the QR cache, the orientation and navigation requests."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.kiosk import KioskService
from ui.kiosk.qr import QrCache
from ui.kiosk.widgets import PageHeader


class KioskPage(QWidget):
    """A full page of the kiosk; ``show_for(arg)`` fills it, ``reload()`` re-reads the same content.

    Signals:
        navigate(str, str): open the page with this key, for this argument (a uuid, a domain code...).
        back: return to the previous page.
    """

    navigate = Signal(str, str)
    back = Signal()

    def __init__(self, service: KioskService, qr: QrCache, portrait: bool, title: str = "") -> None:
        super().__init__()
        self.service = service
        self.qr = qr
        self.portrait = portrait
        self.arg = ""
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(40, 28, 40, 20)
        self.outer.setSpacing(22)
        self.header: PageHeader | None = None
        if title:
            self.header = PageHeader(title)
            self.header.back.connect(self.back)
            self.outer.addWidget(self.header)

    def show_for(self, arg: str) -> None:
        self.arg = arg
        self.reload()

    def reload(self) -> None:
        """Re-read this page's content from the service (called when the database changed)."""
