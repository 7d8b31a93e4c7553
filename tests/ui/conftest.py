"""Qt fixtures: one QApplication with Gongkai's font, and a signed-in UI environment."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

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
