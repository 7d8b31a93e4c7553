"""Small building blocks shared by the kiosk pages: labels by role, touch tiles, kinetic scrolling."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.kiosk.theme import TOUCH_PX


def label(text: str = "", role: str = "", *, wrap: bool = True) -> QLabel:
    """A label styled by ``role`` (headline, title, muted, small, badge, fieldlabel, clock)."""
    widget = QLabel(text)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def button(text: str, role: str = "") -> QPushButton:
    widget = QPushButton(text)
    if role:
        widget.setProperty("role", role)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return widget


def restyle(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


class Tile(QFrame):
    """A large touch target holding wrapped lines of text (QPushButton cannot wrap Chinese text).

    Signals:
        clicked: tapped (press and release inside the tile).
    """

    clicked = Signal()

    def __init__(self, lines: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(TOUCH_PX + 16)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 16, 22, 16)
        layout.setSpacing(6)
        self.labels: list[QLabel] = []
        layout.addStretch(1)
        for text, role in lines:
            if not text:
                continue
            child = label(text, role)
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(child)
            self.labels.append(child)
        layout.addStretch(1)

    def text(self) -> str:
        return "\n".join(lbl.text() for lbl in self.labels)

    def _set_down(self, down: bool) -> None:
        self.setProperty("down", "true" if down else "false")
        restyle(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._set_down(True)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._set_down(False)
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        event.accept()


def scroll_area(content: QWidget) -> QScrollArea:
    """A frameless scroll area that scrolls by dragging a finger (kinetic), with a wide scroll bar."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    area.verticalScrollBar().setStyleSheet(f"QScrollBar:vertical {{ width: {TOUCH_PX // 2}px; }}")
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    return area


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget and sub-layout of ``layout``."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()
        sub = item.layout()
        if sub is not None:
            clear_layout(sub)
            sub.deleteLater()


class PageHeader(QWidget):
    """'‹ 返回上一页' and the page's headline, at the top of every page but home.

    Signals:
        back: the back button was tapped.
    """

    back = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(20)
        self.back_button = button(self.tr("‹ 返回上一页"))
        self.back_button.clicked.connect(self.back)
        layout.addWidget(self.back_button)
        self.title = label(title, "headline")
        layout.addWidget(self.title, 1)
