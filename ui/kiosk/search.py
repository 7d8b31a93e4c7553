"""Search without an input method: an on-screen A–Z pad of pinyin initials plus domain buttons.

A visitor looking for 低保 presses D and B; each press searches at once. The typed letters are
shown large above the results; the chosen domain is written out with a ✓ (never colour alone), and
is picked from big tiles rather than a strip of small buttons.
"""

from __future__ import annotations

import string

from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.kiosk import KioskService
from ui.kiosk.base import KioskPage
from ui.kiosk.browse import item_tile
from ui.kiosk.qr import QrCache
from ui.kiosk.widgets import Tile, button, clear_layout, label, scroll_area

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
        domain_row = QHBoxLayout()
        domain_row.setSpacing(12)
        self.domain_button = button("", "primary")
        self.domain_button.clicked.connect(self.show_domains)
        domain_row.addWidget(self.domain_button, 1)
        self.all_button = button(self.tr("✕ 不限领域"))
        self.all_button.clicked.connect(lambda: self.choose_domain(None))
        domain_row.addWidget(self.all_button)
        left.addLayout(domain_row)
        self.left_stack = QStackedWidget()
        chooser_holder = QWidget()
        self.chooser = QGridLayout(chooser_holder)
        self.chooser.setSpacing(14)
        results_holder = QWidget()
        self.results = QVBoxLayout(results_holder)
        self.results.setSpacing(14)
        self.results_area = scroll_area(results_holder)
        self.left_stack.addWidget(self.results_area)
        self.chooser_area = scroll_area(chooser_holder)
        self.left_stack.addWidget(self.chooser_area)
        left.addWidget(self.left_stack, 1)
        main.addLayout(left, 3)
        main.addWidget(self._keypad(), 2)
        self.outer.addLayout(main, 1)
        self.domain_names: dict[str, str] = {}

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
        self.choose_domain(None)

    def choose_domain(self, code: str | None) -> None:
        self.domain = code
        self.left_stack.setCurrentWidget(self.results_area)
        self._mark_domain()
        self._search()

    def show_domains(self) -> None:
        """Replace the results by big domain tiles to pick from (no tiny chips to aim at)."""
        self.left_stack.setCurrentWidget(self.chooser_area)

    def reload(self) -> None:
        clear_layout(self.chooser)
        domains = self.service.domains()
        self.domain_names = {d.code: d.name for d in domains}
        if self.domain not in self.domain_names:
            self.domain = None
        columns = 2 if self.portrait else 3
        for i, d in enumerate(domains):
            tile = Tile([(d.name, "title")])
            tile.clicked.connect(lambda c=d.code: self.choose_domain(c))
            self.chooser.addWidget(tile, i // columns, i % columns)
        self._mark_domain()
        self._search()

    def _mark_domain(self) -> None:
        if self.domain is None:
            self.domain_button.setText(self.tr("按领域缩小范围：全部领域 ▸ 点此选择"))
        else:
            name = self.domain_names.get(self.domain, self.domain)
            self.domain_button.setText(self.tr("✓ 领域：") + name + self.tr(" ▸ 点此更换"))
        self.all_button.setVisible(self.domain is not None)

    def _search(self) -> None:
        self.left_stack.setCurrentWidget(self.results_area)
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
        self.left_stack.setCurrentWidget(self.results_area)
