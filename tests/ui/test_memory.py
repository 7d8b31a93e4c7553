"""The garbage collector's policy for a signed-in window (ui/memory.py, ui.launcher.tidy_memory)."""

from __future__ import annotations

import gc

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
