"""Qt fixtures: one QApplication with Gongkai's font, and a signed-in UI environment."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.users import Role
from ui.bus import DataBus
from ui.env import UiEnv
from ui.qtapp import create_application
from ui.tasks import TaskRunner


@pytest.fixture(scope="session")
def qapp() -> QApplication:
    """Overrides pytest-qt's qapp so every GUI test runs with the bundled font, like the app."""
    return create_application(["gongkai-tests"])


@pytest.fixture
def ui_env(ctx: AppContext, qapp: QApplication) -> Iterator[UiEnv]:
    admin = ctx.users.add("admin", frozenset({Role.ADMIN, Role.CLERK}), "gongkai123", display_name="王专员")
    tasks = TaskRunner()
    env = UiEnv(ctx, admin, DataBus(), tasks)
    yield env
    tasks.wait()


class Settle:
    """Waits for the operations layer: reads and writes run off the GUI thread, and the views
    watching a change reload on the next turn of the event loop."""

    def __init__(self, env: UiEnv, qtbot: QtBot) -> None:
        self._env = env
        self._qtbot = qtbot

    def __call__(self, timeout: int = 15000) -> None:
        for _ in range(3):
            self._qtbot.waitUntil(lambda: not self._env.tasks.busy, timeout=timeout)
            self._qtbot.wait(15)
        self._qtbot.waitUntil(lambda: not self._env.tasks.busy, timeout=timeout)


@pytest.fixture
def settle(ui_env: UiEnv, qtbot: QtBot) -> Settle:
    return Settle(ui_env, qtbot)


@pytest.fixture(autouse=True)
def own_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """QSettings (window geometry, the last user) in a temporary folder, not the tester's home."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


@pytest.fixture(autouse=True)
def no_crash_dialog(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """A crash dialog is a bug: record it instead of blocking on exec(), and fail the test."""
    from ui.crash import CrashDialog

    shown: list[str] = []

    def record(self: CrashDialog) -> int:
        shown.append(self.details.toPlainText())
        return 0

    monkeypatch.setattr(CrashDialog, "exec", record)
    yield shown
    assert not shown, "crash dialog shown:\n" + "\n".join(shown)


def wait_ready(qtbot: QtBot, dialog: QWidget) -> None:
    """Wait until an editor dialog that reads its form's data on the read pool has it (and the reads
    it started then, such as linked titles or the room check, have answered)."""
    env = dialog._env  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: dialog.ready and not env.tasks.busy, timeout=15000)  # type: ignore[attr-defined]
    qtbot.wait(15)
    qtbot.waitUntil(lambda: not env.tasks.busy, timeout=15000)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """The test is over and nobody is there to answer "放弃修改？": an editor dialog a test left
    open with typed text is marked clean before pytest-qt closes it (its modal question would wait
    for ever). Tests of the question itself click it while the test runs."""
    from ui.discard import AsksBeforeDiscard

    app = QApplication.instance()
    if isinstance(app, QApplication):
        for widget in app.allWidgets():
            if isinstance(widget, AsksBeforeDiscard) and widget.has_changes():
                widget.mark_clean()
    return (yield)
