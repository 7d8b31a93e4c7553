"""The platform database under Alembic: a database made before Alembic (``schema_version`` 1) is
stamped and upgraded by ``migrate``, never by starting the service; the head revision is exactly the
models; the same on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, text

from server import health
from server.cli import main as server_main
from server.models import SCHEMA_REVISION, ServerBase
from server.store import SchemaMismatchError, init_db, make_engine, migrate, revision_of
from tests.server.support import PgCluster


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'platform.sqlite'}"
        return
    pg: PgCluster = request.getfixturevalue("pg")
    name = pg.create_db()
    yield pg.url(name)
    pg.drop_db(name)


def _pre_alembic(engine: Engine) -> None:
    """A database as the platform made it before Alembic: revision 0001's tables, no alembic_version."""
    migrate(engine)
    with engine.begin() as conn:
        conn.execute(text("DROP INDEX uq_device_token_sha256"))
        conn.execute(text("DROP TABLE invitation"))
        for column in ("token_sha256", "kind", "name", "created_at", "revoked_at", "revoked_reason"):
            conn.execute(text(f"ALTER TABLE device DROP COLUMN {column}"))
        conn.execute(text("DROP TABLE alembic_version"))
        conn.execute(text("UPDATE server_meta SET value = '1' WHERE key = 'schema_version'"))
        conn.execute(text("INSERT INTO site (id, code, name, token_sha256, created_at) "
                          "VALUES (1, 'S1', '站点', 'abc', CURRENT_TIMESTAMP)"))  # fmt: skip
        conn.execute(text("INSERT INTO device (id, site_id, device_id, last_applied, last_seen, status_json) "
                          "VALUES (1, 1, 'dev-1', 7, CURRENT_TIMESTAMP, '{}')"))  # fmt: skip


def test_an_old_database_is_refused_until_migrated(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    engine = make_engine(db_url)
    _pre_alembic(engine)
    with engine.connect() as conn:
        assert revision_of(conn) == "0001"
    with pytest.raises(SchemaMismatchError, match="gongkai-server migrate"):
        init_db(engine)
    assert health.exit_code(health.check(db_url)) == health.SCHEMA
    assert server_main(["--db", db_url, "migrate"]) == 0
    out = capsys.readouterr().out
    assert "已由版本 0001 升级到 0002" in out and "已是最新" in out
    assert health.exit_code(health.check(db_url)) == health.OK
    init_db(engine)
    with engine.connect() as conn:
        assert revision_of(conn) == SCHEMA_REVISION
        row = conn.execute(text("SELECT device_id, last_applied, kind, token_sha256 FROM device")).one()
        assert tuple(row) == ("dev-1", 7, "staff", None)  # kept; no credential yet
        assert conn.execute(text("SELECT value FROM server_meta WHERE key='schema_version'")).scalar() == "2"
    assert server_main(["--db", db_url, "migrate"]) == 0  # idempotent
    engine.dispose()


def test_head_is_the_models(db_url: str) -> None:
    engine = make_engine(db_url)
    init_db(engine)  # an empty database gets the head revision on first start
    with engine.connect() as conn:
        assert revision_of(conn) == SCHEMA_REVISION
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), ServerBase.metadata
        )
        assert diff == []
    engine.dispose()


def test_an_unknown_revision_is_refused(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    engine = make_engine(db_url)
    init_db(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    assert server_main(["--db", db_url, "migrate"]) == 2
    assert "不认识" in capsys.readouterr().err
    engine.dispose()
