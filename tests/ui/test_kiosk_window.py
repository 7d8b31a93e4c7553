"""The kiosk window: locked against escape keys, PIN exit, idle return, live reload, large mode."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.kiosk import DataVersionWatcher, KioskService
from app.users import Role
from ui.kiosk import theme
from ui.kiosk.immortal import make_singletons_immortal
from ui.kiosk.lock import PinDialog, TapCounter
from ui.kiosk.widgets import Tile
from ui.kiosk.window import KioskWindow

PIN = "2468"


@pytest.fixture
def readonly(ctx: AppContext) -> Iterator[AppContext]:
    admin = ctx.users.add("admin", frozenset({Role.ADMIN}), "gongkai123")
    KioskService(ctx).set_pin(admin, PIN)
    ro = AppContext.open(ctx.paths, readonly=True, clock=ctx.clock)
    yield ro
    ro.close()


def make_window(qtbot: QtBot, ro: AppContext, **kwargs: object) -> KioskWindow:
    window = KioskWindow(KioskService(ro), DataVersionWatcher(ro.engine), portrait=False, **kwargs)  # type: ignore[arg-type]
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot: QtBot, readonly: AppContext) -> Iterator[KioskWindow]:
    w = make_window(qtbot, readonly)
    yield w
    w.shutdown()
    w.deleteLater()


def tap_corner(qtbot: QtBot, window: KioskWindow, times: int = 5) -> None:
    for _ in range(times):
        qtbot.mouseClick(window.clock, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))


def pin_dialog(window: KioskWindow) -> PinDialog | None:
    return window.findChild(PinDialog)


def enter(dialog: PinDialog, digits: str) -> None:
    for d in digits:
        dialog.press(d)
    dialog.submit()


def test_escape_keys_and_close_do_nothing(qtbot: QtBot, window: KioskWindow) -> None:
    """Esc, Alt+F4, Ctrl+Q, Ctrl+W, Alt+Tab and a close request leave the kiosk where it was."""
    fired: list[str] = []
    for seq in ("Ctrl+Q", "Ctrl+W", "Esc"):
        shortcut = QShortcut(QKeySequence(seq), window)
        shortcut.activated.connect(lambda s=seq: fired.append(s))
    window.open("browse", "")
    keys = [
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
    ]
    for key, mods in keys:
        qtbot.keyClick(window, key, mods)
        qtbot.keyClick(window.stack.currentWidget(), key, mods)
    assert not window.close()
    QApplication.processEvents()
    assert window.isVisible()
    assert window.current_key() == "browse"
    assert fired == []


def test_right_pin_exits(qtbot: QtBot, window: KioskWindow) -> None:
    """Five taps on the clock's corner open the PIN pad; the right PIN asks the app to quit with 0."""
    tap_corner(qtbot, window)
    dialog = pin_dialog(window)
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(window.exit_requested) as blocker:
        enter(dialog, PIN)
    assert blocker.args == [0]
    assert not window.isVisible()


def test_wrong_pin_keeps_the_kiosk_locked(qtbot: QtBot, window: KioskWindow) -> None:
    tap_corner(qtbot, window)
    dialog = pin_dialog(window)
    assert dialog is not None
    with qtbot.assertNotEmitted(window.exit_requested):
        enter(dialog, "1111")
    assert "不正确" in dialog.message.text()
    assert dialog.isVisible() and window.isVisible()
    cancel = next(b for b in dialog.findChildren(QPushButton) if "取消" in b.text())
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pin_dialog(window) is None or not pin_dialog(window).isVisible())  # type: ignore[union-attr]
    assert window.isVisible()


def test_five_wrong_pins_lock_the_pad_for_a_minute(qtbot: QtBot, readonly: AppContext) -> None:
    now = [100.0]
    window = KioskWindow(
        KioskService(readonly, monotonic=lambda: now[0]), DataVersionWatcher(readonly.engine), portrait=False
    )
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    try:
        tap_corner(qtbot, window)
        dialog = pin_dialog(window)
        assert dialog is not None
        for left in (4, 3, 2, 1):
            enter(dialog, "1111")
            assert f"还可再试 {left} 次" in dialog.message.text()
        enter(dialog, "1111")
        assert dialog.is_locked() and "请 60 秒后再试" in dialog.message.text()
        keys = [b for b in dialog.findChildren(QPushButton) if b.text() in "0123456789"]
        assert keys and not any(k.isEnabled() for k in keys)
        with qtbot.assertNotEmitted(window.exit_requested):
            enter(dialog, PIN)  # ignored while locked
        cancel = next(b for b in dialog.findChildren(QPushButton) if "取消" in b.text())
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: pin_dialog(window) is None or not pin_dialog(window).isVisible())  # type: ignore[union-attr]
        QApplication.processEvents()
        tap_corner(qtbot, window)
        reopened = window._pin
        assert reopened is not None and reopened.is_locked(), "cancelling and reopening keeps the lock"
        now[0] += 61
        qtbot.waitUntil(lambda: not reopened.is_locked(), timeout=3000)
        with qtbot.waitSignal(window.exit_requested):
            enter(reopened, PIN)
    finally:
        window.shutdown()
        window.deleteLater()


def test_taps_elsewhere_or_too_few_do_not_open_the_pad(qtbot: QtBot, window: KioskWindow) -> None:
    tap_corner(qtbot, window, 4)
    for _ in range(5):
        qtbot.mouseClick(window.clock, Qt.MouseButton.LeftButton, pos=QPoint(150, 105))
    assert pin_dialog(window) is None


def test_tap_counter_needs_five_taps_within_three_seconds() -> None:
    now = [0.0]
    counter = TapCounter(clock=lambda: now[0])
    results = []
    for t in (0.0, 1.0, 2.0, 3.0, 3.5):  # the 5th tap is 3.5 s after the 1st
        now[0] = t
        results.append(counter.tap())
    assert results == [False] * 5
    now[0] = 4.0  # taps at 1, 2, 3, 3.5, 4: within 3 s
    assert counter.tap()


def test_idle_returns_home(qtbot: QtBot, readonly: AppContext) -> None:
    window = make_window(qtbot, readonly, idle_seconds=0.3, large=False)
    try:
        window.open("search", "")
        window.search.press("D")
        window.set_modes(large=True, high_contrast=True)
        qtbot.waitUntil(lambda: window.current_key() == "home", timeout=3000)
        assert window.search.initials == ""
        assert not window.large and not window.high_contrast
    finally:
        window.shutdown()


def test_idle_closes_an_abandoned_pin_pad(qtbot: QtBot, readonly: AppContext) -> None:
    window = make_window(qtbot, readonly, idle_seconds=0.3)
    try:
        tap_corner(qtbot, window)
        assert pin_dialog(window) is not None
        qtbot.waitUntil(lambda: window._pin is None, timeout=3000)
    finally:
        window.shutdown()


def test_a_commit_elsewhere_reloads_the_screen(qtbot: QtBot, ctx: AppContext, readonly: AppContext) -> None:
    """data_version changes when the staff side commits; the kiosk re-reads within one poll."""
    window = make_window(qtbot, readonly, poll_ms=50)
    try:
        assert window.site_name.text() == "历城区唐王街道"
        before = window.reloads
        ctx.sites.ensure("370112-TW", "历城区唐王街道办事处", zone_location="便民服务中心一楼")
        qtbot.waitUntil(lambda: window.site_name.text() == "历城区唐王街道办事处", timeout=3000)
        assert window.zone_name.text() == "便民服务中心一楼"
        assert window.reloads == before + 1
    finally:
        window.shutdown()


def touch_targets(window: KioskWindow) -> list[str]:
    small = []
    for w in [*window.findChildren(QPushButton), *window.findChildren(Tile)]:
        if w.isVisible() and (w.width() < theme.TOUCH_PX - 4 or w.height() < 60):
            small.append(
                f"{w.__class__.__name__} {getattr(w, 'text', lambda: '')()!r} {w.width()}×{w.height()}"
            )
    return small


@pytest.mark.parametrize("portrait", [False, True])
def test_large_mode_sizes_and_touch_targets(qtbot: QtBot, readonly: AppContext, portrait: bool) -> None:
    """长辈 mode: body ≥ 18 pt, headlines ≥ 30 pt; every button and tile ≥ 60 px on every page."""
    window = KioskWindow(KioskService(readonly), None, portrait=portrait, large=True)
    window.resize(*((1080, 1920) if portrait else (1920, 1080)))
    window.show()
    qtbot.waitExposed(window)
    try:
        assert window.site_name.font().pointSize() >= 30
        assert window.zone_name.font().pointSize() >= 18
        for key in window.pages:
            window.open(key, "", root=True)
            QApplication.processEvents()
            assert touch_targets(window) == [], key
            header = window.pages[key].header
            if header is not None:
                assert header.title.font().pointSize() >= 30
        assert "开 ✓" in window.large_button.text()
    finally:
        window.shutdown()


@pytest.mark.parametrize("high_contrast", [False, True])
def test_every_text_colour_pair_reaches_4_5_to_1(high_contrast: bool) -> None:
    p = theme.palette(high_contrast)
    weak = [(name, round(theme.contrast_ratio(a, b), 2)) for name, a, b in theme.text_pairs(p)]
    assert [w for w in weak if w[1] < (7 if high_contrast else 4.5)] == []


def test_contrast_ratio_matches_wcag() -> None:
    assert round(theme.contrast_ratio("#000000", "#FFFFFF"), 1) == 21.0
    assert round(theme.contrast_ratio("#777777", "#FFFFFF"), 2) == 4.48


def test_singletons_survive_pyside_void_calls(qtbot: QtBot, window: KioskWindow) -> None:
    """PySide6 6.12 drops a reference to None per void call; the kiosk makes None immortal first."""
    make_singletons_immortal()
    before = sys.getrefcount(None)
    for _ in range(20_000):
        window.clock.time.setText("09:00")
    assert sys.getrefcount(None) > 1 << 39
    assert before - sys.getrefcount(None) <= 20_000


def test_keypad_search_and_item_detail(qtbot: QtBot, ctx: AppContext, readonly: AppContext) -> None:
    """Pressing D then B lists 最低生活保障 items (the 低保 synonym); a tile opens the detail page."""
    ctx.catalogue.seed_bundled()
    window = make_window(qtbot, readonly)
    try:
        window.open("search", "", root=True)
        qtbot.mouseClick(window.search.keys["D"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.search.keys["B"], Qt.MouseButton.LeftButton)
        assert "D B" in window.search.typed.text()

        def found() -> list[Tile]:
            tiles = [t for t in window.search.findChildren(Tile) if t.isVisible()]
            return [t for t in tiles if "最低生活保障" in t.text()]

        qtbot.waitUntil(lambda: bool(found()))
        result = found()[0]
        qtbot.mouseClick(result, Qt.MouseButton.LeftButton)
        assert window.current_key() == "item"
        page_text = "\n".join(lbl.text() for lbl in window.pages["item"].findChildren(QLabel))
        assert "最低生活保障" in page_text and "由哪个单位公开" in page_text
        qtbot.mouseClick(window.home_button, Qt.MouseButton.LeftButton)
        assert window.current_key() == "home"
    finally:
        window.shutdown()
