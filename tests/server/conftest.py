"""Fixtures for the platform tests: a real PostgreSQL per test session, a fresh database and a
running platform per test, and site workstations talking to it over loopback HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server.support import PgCluster, Platform, Sites, start_platform


@pytest.fixture(scope="session")
def pg() -> Iterator[PgCluster]:
    cluster = PgCluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg: PgCluster) -> Iterator[str]:
    name = pg.create_db()
    yield pg.url(name)
    pg.drop_db(name)


@pytest.fixture
def platform(pg_url: str) -> Iterator[Platform]:
    p = start_platform(pg_url)
    yield p
    p.stop()


@pytest.fixture
def sites(tmp_path: Path, template_db: Path) -> Iterator[Sites]:
    s = Sites(tmp_path / "sites", template_db)
    yield s
    s.close()
