"""Search without an input method: an on-screen A–Z pad of pinyin initials plus domain buttons.

A visitor looking for 低保 presses D and B; each press searches at once. The typed letters are
shown large above the results, and the selected domain button carries a ✓ besides its colour.
"""

from __future__ import annotations

import string

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.kiosk import KioskService
from ui.kiosk.base import KioskPage
from ui.kiosk.browse import item_tile
from ui.kiosk.qr import QrCache
from ui.kiosk.widgets import button, clear_layout, label, scroll_area

RESULT_LIMIT = 60


class SearchPage(KioskPage):
    """The keypad, the domain buttons and the results."""

    def __init__(self, service: KioskService, qr: QrCache, portrait: bool) -> None:
        super().__init__(service, qr, portrait, "拼音首字母查找")
        self.initials = ""
        self.domain: str | None = None
        direction = QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        main = QBoxLayout(direction)
        main.setSpacing(28)
        left = QVBoxLayout()
        left.setSpacing(14)
        self.typed = label("", "headline")
        left.addWidget(self.typed)
        self.hint = label(self.tr("例：查“低保”，请依次按 D、B。按字母即查，不用打字。"), "muted")
        left.addWidget(self.hint)
        chips_holder = QWidget()
        self.chips = QHBoxLayout(chips_holder)
        self.chips.setContentsMargins(0, 0, 0, 0)
        self.chips.setSpacing(12)
        chips_area = QScrollArea()
        chips_area.setWidgetResizable(True)
        chips_area.setWidget(chips_holder)
        chips_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        chips_area.setFixedHeight(110)
        left.addWidget(chips_area)
        results_holder = QWidget()
        self.results = QVBoxLayout(results_holder)
        self.results.setSpacing(14)
        left.addWidget(scroll_area(results_holder), 1)
        main.addLayout(left, 3)
        main.addWidget(self._keypad(), 2)
        self.outer.addLayout(main, 1)
        self.chip_buttons: dict[str | None, QPushButton] = {}

    def _keypad(self) -> QWidget:
        pad = QWidget()
        grid = QGridLayout(pad)
        grid.setSpacing(10)
        columns = 7
        self.keys: dict[str, QPushButton] = {}
        for i, letter in enumerate(string.ascii_uppercase):
            key = button(letter, "key")
            key.setMinimumSize(80, 80)
            key.clicked.connect(lambda _=False, c=letter: self.press(c))
            grid.addWidget(key, i // columns, i % columns)
            self.keys[letter] = key
        back = button(self.tr("⌫ 删一个"))
        back.clicked.connect(self.backspace)
        grid.addWidget(back, 3, 5, 1, 2)
        clear = button(self.tr("✕ 全部清除"))
        clear.clicked.connect(self.clear)
        grid.addWidget(clear, 4, 0, 1, columns)
        return pad

    def press(self, letter: str) -> None:
        if len(self.initials) < 10:
            self.initials += letter
        self._search()

    def backspace(self) -> None:
        self.initials = self.initials[:-1]
        self._search()

    def clear(self) -> None:
        self.initials = ""
        self.domain = None
        self.reload()

    def choose_domain(self, code: str | None) -> None:
        self.domain = code
        self._mark_chips()
        self._search()

    def reload(self) -> None:
        clear_layout(self.chips)
        self.chip_buttons = {}
        for code, name in [(None, self.tr("全部领域")), *((d.code, d.name) for d in self.service.domains())]:
            chip = button(name, "chip")
            chip.setCheckable(True)
            chip.clicked.connect(lambda _=False, c=code: self.choose_domain(c))
            self.chips.addWidget(chip)
            self.chip_buttons[code] = chip
        self.chips.addStretch(1)
        self._mark_chips()
        self._search()

    def _mark_chips(self) -> None:
        for code, chip in self.chip_buttons.items():
            on = code == self.domain
            chip.setChecked(on)
            text = chip.text().removeprefix("✓ ")
            chip.setText(("✓ " + text) if on else text)

    def _search(self) -> None:
        shown = " ".join(self.initials) if self.initials else self.tr("（请按字母）")
        self.typed.setText(self.tr("已按：") + shown)
        clear_layout(self.results)
        if self.initials:
            items = self.service.search(self.initials, self.domain, RESULT_LIMIT)
        elif self.domain:
            items = self.service.items(self.domain)
        else:
            items = ()
        if not items and (self.initials or self.domain):
            self.results.addWidget(label(self.tr("没有找到。请少按一个字母，或换一个领域。"), "title"))
        for item in items:
            tile = item_tile(item)
            tile.clicked.connect(lambda u=item.uuid: self.navigate.emit("item", u))
            self.results.addWidget(tile)
        self.results.addStretch(1)

    def reset(self) -> None:
        """Forget the previous visitor's letters and domain (the idle return)."""
        self.initials = ""
        self.domain = None
