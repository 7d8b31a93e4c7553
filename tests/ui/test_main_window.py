"""The staff window, its dialogs and the task helper, offscreen."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from app.errors import InputError
from tests.ui.conftest import Settle
from ui.dialogs.first_run import FirstRunDialog
from ui.dialogs.sign_in import SignInDialog
from ui.env import UiEnv
from ui.main_window import MainWindow
from ui.pages import PAGES
from ui.tasks import TaskRunner


def test_every_page_opens_and_renders(qtbot: QtBot, ui_env: UiEnv, tmp_path: Path, settle: Settle) -> None:
    """Every page opens without a single query on the GUI thread (they all read on the pool)."""
    gui_queries: list[str] = []

    def on_query(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if threading.current_thread() is threading.main_thread():
            gui_queries.append(statement.split("\n")[0][:80])

    event.listen(ui_env.ctx.engine, "before_cursor_execute", on_query)
    try:
        window = MainWindow(ui_env)
        qtbot.addWidget(window)
        window.show()
        assert window.nav.count() == len(PAGES)
        for row, spec in enumerate(PAGES):
            window.nav.setCurrentRow(row)
            # (the first page is shown on the event loop's next turn, after the window's frame)
            qtbot.waitUntil(lambda key=spec.key: window.stack.currentWidget() is window.pages[key])
            settle()
            pixmap = window.grab()
            assert not pixmap.isNull()
            pixmap.save(str(tmp_path / f"{spec.key}.png"))
    finally:
        event.remove(ui_env.ctx.engine, "before_cursor_execute", on_query)
    assert gui_queries == []
    assert "历城区唐王街道" in window.site_label.text()
    assert "王专员" in window.user_label.text()


def test_bus_navigation(qtbot: QtBot, ui_env: UiEnv) -> None:
    window = MainWindow(ui_env)
    qtbot.addWidget(window)
    ui_env.bus.navigate.emit("settings", "")
    assert window.stack.currentWidget() is window.pages["settings"]


def test_badges_mean_the_same_on_every_page(qtbot: QtBot, ui_env: UiEnv, settle: Settle) -> None:
    """The navigation numbers are the user's "needs your action" figures from one service read
    (TodayService.badges), whichever page is open, each with a tooltip saying what it counts."""
    ui_env.ctx.catalogue.seed_bundled(actor="test")
    keys = [s.key for s in PAGES]
    expected = ui_env.ctx.today.badges(ui_env.user, keys)
    assert expected["catalogue"] > 0 and expected["today"] >= expected["catalogue"]
    window = MainWindow(ui_env)
    qtbot.addWidget(window)
    window.show()
    settle()
    qtbot.waitUntil(lambda: not window.badge_timer.isActive(), timeout=5000)
    settle()

    def shown() -> list[str]:
        return [window.nav.item(r).text() for r in range(window.nav.count())]

    first = shown()
    assert first[keys.index("catalogue")].endswith(f"({expected['catalogue']})")
    for row, key in enumerate(keys):
        window.nav.setCurrentRow(row)
        settle()
        qtbot.waitUntil(lambda: not window.badge_timer.isActive(), timeout=5000)
        settle()
        assert shown() == first, f"after opening {key}"
        assert {k: window.badge(k) for k in keys} == expected
    tip = window.nav.item(keys.index("notices")).toolTip()
    assert "需要您处理的公示" in tip and "现在" in tip


def test_badges_are_read_again_only_when_a_reported_figure_moves(
    qtbot: QtBot, ui_env: UiEnv, settle: Settle
) -> None:
    """Each badge read is a whole Today list (the costliest read of a large site): a page's or the
    sync worker's own figure starts one only when it differs from that sender's last report (the
    sync status is published on every refresh; the policy library reports on every load)."""
    window = MainWindow(ui_env)
    qtbot.addWidget(window)
    window.show()
    settle()
    qtbot.waitUntil(lambda: not window.badge_timer.isActive(), timeout=5000)
    for figure in (2, 2):
        ui_env.bus.counts_changed.emit("policies", figure)
        assert not window.badge_timer.isActive()
    ui_env.bus.counts_changed.emit("policies", 3)
    assert window.badge_timer.isActive()


def test_sign_in_dialog(qtbot: QtBot, ui_env: UiEnv) -> None:
    dialog = SignInDialog(ui_env.ctx.users, "历城区唐王街道")
    qtbot.addWidget(dialog)
    dialog.name.setCurrentIndex(dialog.name.findData("admin"))
    assert "王专员" in dialog.name.currentText()
    dialog.password.setText("wrong")
    dialog._try_sign_in()
    assert dialog.user is None and "错误" in dialog.message.text()
    dialog.password.setText("gongkai123")
    dialog._try_sign_in()
    assert dialog.user is not None and dialog.user.name == "admin"


def test_first_run_dialog_defaults(qtbot: QtBot) -> None:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    values = dialog.values()
    assert values["code"] and values["name"] and dialog.demo.isChecked()


def test_task_runner_delivers_results_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    got: list[object] = []
    runner.run(lambda: 6 * 7, got.append)
    qtbot.waitUntil(lambda: got == [42], timeout=5000)
    errors: list[BaseException] = []

    def boom() -> None:
        raise InputError("坏输入")

    runner.run(boom, None, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert isinstance(errors[0], InputError)
    with qtbot.waitSignal(runner.failed, timeout=5000):
        runner.run(boom)
    assert runner.wait()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_settings_language_is_a_setting(ui_env: UiEnv, language: str) -> None:
    ui_env.ctx.settings.set("language", language)
    assert ui_env.ctx.settings.get("language") == language


def test_language_choice_is_saved(qtbot: QtBot, ui_env: UiEnv, settle: Settle) -> None:
    from PySide6.QtCore import Qt

    from ui.pages.settings_page import SettingsPage

    confirmations: list[str] = []
    ui_env.ops.confirmed.connect(confirmations.append)
    page = SettingsPage(ui_env)
    qtbot.addWidget(page)
    settle()
    page.language.setCurrentIndex(page.language.findData("en"))
    qtbot.mouseClick(page.save, Qt.MouseButton.LeftButton)
    settle()
    assert ui_env.ctx.settings.get("language") == "en"
    assert confirmations == ["设置已保存"]  # the status bar's line, no dialog to dismiss


def test_english_translation_loads(qapp) -> None:  # type: ignore[no-untyped-def]
    from ui.qtapp import install_translators

    translators = install_translators(qapp, "en")
    try:
        assert translators, "the compiled English translation and Qt's own strings load"
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_crash_dialog_copies_the_traceback(qtbot: QtBot) -> None:
    from PySide6.QtGui import QGuiApplication

    from ui.crash import CrashDialog

    dialog = CrashDialog("Traceback (most recent call last):\n  boom", "/tmp/gongkai.log")
    qtbot.addWidget(dialog)
    dialog._copy()
    assert "boom" in QGuiApplication.clipboard().text()


def test_every_page_target_names_a_widget_class() -> None:
    """Pages are imported lazily; a typo in a target must still fail here, not at a user's click."""
    from importlib import import_module

    for spec in PAGES:
        module, _, name = spec.target.partition(":")
        assert isinstance(getattr(import_module(module), name), type)


def test_window_title_names_the_app_once(qtbot: QtBot, ui_env: UiEnv, settle: Settle) -> None:
    from PySide6.QtWidgets import QApplication

    window = MainWindow(ui_env)
    qtbot.addWidget(window)
    window.show()
    settle()
    # Qt shows "<title> — <display name>"; the title itself is only the site.
    assert window.windowTitle() == "历城区唐王街道"
    assert QApplication.applicationDisplayName() == "公开专区工作台"
