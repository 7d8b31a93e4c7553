"""Fixtures shared by every test: a fresh data directory with a migrated SQLite file per test.

The database is migrated once per session into a template file (through the real Alembic
migrations, not create_all) and copied for each test, so tests are isolated and fast.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Print with the bundled faces only, whatever this machine has installed: the same PDFs everywhere.
os.environ.setdefault("GONGKAI_PRINT_FONTS", "bundled")

from app.clock import FixedClock  # noqa: E402
from app.context import AppContext  # noqa: E402
from app.paths import DataPaths  # noqa: E402


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Start the few-minute package test first, so that with -n 2 the other worker runs the rest
    meanwhile instead of the suite waiting for it at the end."""
    items.sort(key=lambda item: item.get_closest_marker("package") is None)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("template")
    ctx = AppContext.open(DataPaths(root))
    ctx.close()
    return DataPaths(root).database


@pytest.fixture
def data_paths(tmp_path: Path, template_db: Path) -> DataPaths:
    paths = DataPaths(tmp_path / "data").ensure()
    shutil.copyfile(template_db, paths.database)
    return paths


@pytest.fixture
def clock() -> FixedClock:
    """A clock fixed at 2025-09-26 09:00 in Shanghai (a Friday before the National Day holiday)."""
    return FixedClock(datetime(2025, 9, 26, 9, 0))


PUBLIC_BASE_URL = "https://gk.example.gov.cn"


@pytest.fixture
def ctx(data_paths: DataPaths, clock: FixedClock) -> Iterator[AppContext]:
    context = AppContext.open(data_paths, clock=clock)
    context.sites.ensure("370112-TW", "历城区唐王街道", supervision_phone="0531-88123456")
    # A site that has synced: the platform announced its public address (QR codes print).
    context.settings.set("public_base_url", PUBLIC_BASE_URL)
    with context.session_factory() as session, session.begin():
        context.holidays.seed_bundled(session)
    yield context
    context.close()
