"""The garbage collector's policy for a signed-in window (ui/memory.py, ui.launcher.tidy_memory)."""

from __future__ import annotations

import gc
import threading

from pytestqt.qtbot import QtBot

from tests.ui.conftest import Settle
from ui.env import UiEnv
from ui.launcher import tidy_memory
from ui.main_window import MainWindow


def test_frozen_once_the_pages_are_loaded_and_thawed_when_the_window_closes(
    qtbot: QtBot, ui_env: UiEnv, settle: Settle
) -> None:
    """A full collection of everything start-up made stopped the window for 137 ms on a five-year
    site: it is frozen once the pages' code is loaded, and given back when the user signs out (the
    closed window's cycles must be collectable)."""
    assert gc.get_freeze_count() == 0
    window = MainWindow(ui_env)
    qtbot.addWidget(window)
    tidy_memory(window)
    try:
        window.show()
        settle()
        qtbot.waitUntil(lambda: window.preloader is not None and not window.preloader.is_alive(), timeout=15000)
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=5000)
        window.signing_out = True
        assert window.close()
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()  # this test process opens many more windows


def test_a_window_closed_before_its_pages_are_loaded_is_not_told(qtbot: QtBot, ui_env: UiEnv) -> None:
    """Signing out within a second of signing in: the preloading thread finishes after the window
    is gone, and its report must not end in a traceback (the crash dialog hooks threads too)."""
    from shiboken6 import Shiboken

    from ui.pages import preload

    window = MainWindow(ui_env)
    tell = window.preloaded.emit
    Shiboken.delete(window)
    failures: list[object] = []
    hook = threading.excepthook
    threading.excepthook = failures.append
    try:
        preload([], tell).join()
    finally:
        threading.excepthook = hook
    assert failures == []
