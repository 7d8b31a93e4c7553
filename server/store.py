"""The platform database: engine, first-time set-up, the seq counter and bucket-row writes.

SQLite (single-machine try-out) gets WAL and ``BEGIN IMMEDIATE`` so writers queue instead of
failing; PostgreSQL (real use) gets a connection pool sized for 160 sites syncing at once.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, inspect, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

import app.sync.wire as wire
from server.models import SCHEMA_REVISION, SCHEMA_VERSION, BucketRow, Counter, Meta, utcnow

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
#: The revision a database made before Alembic (``schema_version`` 1, no ``alembic_version``) has.
PRE_ALEMBIC = "0001"

SEQ = "server_seq"


class SchemaMismatchError(RuntimeError):
    """The database was made by another version of the platform."""


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, below
            cur = dbapi_connection.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            # pysqlite's own transaction handling is off (above) so a read has a stable snapshot;
            # writers take the write lock first thing, in lock_counter.
            conn.exec_driver_sql("BEGIN")

        return engine
    return create_engine(url, pool_size=20, max_overflow=30, pool_pre_ping=True, pool_timeout=60)


def revision_of(conn: Connection) -> str | None:
    """The database's schema revision: Alembic's, ``PRE_ALEMBIC`` for a database made before
    Alembic, None for an empty database."""
    tables = set(inspect(conn).get_table_names())
    if "alembic_version" in tables:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if "server_meta" in tables:
        return PRE_ALEMBIC
    return None


def _alembic_config(conn: Connection) -> Any:
    from alembic.config import Config  # imported only to migrate (costs ~0.3 s)

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = conn
    return cfg


def migrate(engine: Engine) -> tuple[str | None, str]:
    """Bring the database to the head revision (``gongkai-server migrate``); returns (from, to).

    A database made before Alembic is stamped at ``PRE_ALEMBIC`` first (its tables are exactly that
    revision's), so nothing is re-created. A revision this program does not know (a newer
    platform's) is refused, untouched.
    """
    from alembic import command
    from alembic.script import ScriptDirectory

    with engine.connect() as conn:
        before = revision_of(conn)
        conn.rollback()
        cfg = _alembic_config(conn)
        known = {r.revision for r in ScriptDirectory.from_config(cfg).walk_revisions()}
        if before is not None and before not in known:
            raise SchemaMismatchError(
                f"平台数据库的结构版本为 {before}，本程序不认识（由更新的程序写入），不能使用此数据库"
            )
        if before == PRE_ALEMBIC and "alembic_version" not in inspect(conn).get_table_names():
            command.stamp(cfg, PRE_ALEMBIC)
            conn.commit()
        command.upgrade(cfg, "head")
        conn.commit()
    _first_rows(engine)
    return before, SCHEMA_REVISION


def _first_rows(engine: Engine) -> None:
    """The rows a fresh database needs: schema version, epoch, the seq counter (idempotent)."""
    factory = sessionmaker(engine)
    with factory() as session, session.begin():
        if session.get(Meta, "schema_version") is None:
            session.add(Meta(key="schema_version", value=str(SCHEMA_VERSION)))
        if session.get(Meta, "epoch") is None:
            session.add(Meta(key="epoch", value=str(uuid.uuid4())))
        if session.get(Counter, SEQ) is None:
            session.add(Counter(name=SEQ, value=0))


def init_db(engine: Engine) -> str:
    """Open the platform database; returns the epoch.

    An empty database is given the current schema (first start, as ``migrate`` would); one at an
    older or unknown revision is refused: upgrading is ``gongkai-server migrate``'s job, run with a
    backup at hand, never a side effect of starting the service.
    """
    with engine.connect() as conn:
        current = revision_of(conn)
        conn.rollback()
    if current is None:
        migrate(engine)
    elif current != SCHEMA_REVISION:
        raise SchemaMismatchError(
            f"平台数据库的结构版本为 {current}，本程序需要 {SCHEMA_REVISION}：请先备份，再运行 gongkai-server migrate"
        )
    return epoch(sessionmaker(engine))


def epoch(factory: sessionmaker[Session]) -> str:
    with factory() as session:
        row = session.get(Meta, "epoch")
        return row.value if row else ""


def new_epoch(factory: sessionmaker[Session]) -> str:
    """Start a new server life: run after restoring the database from a backup, so every site
    refetches its buckets and re-pushes what the restored database lost (design, fault case 11)."""
    value = str(uuid.uuid4())
    with factory() as session, session.begin():
        row = session.get(Meta, "epoch")
        assert row is not None
        row.value = value
    return value


def lock_counter(session: Session) -> Counter:
    """Take the global write lock (the counter row) for this transaction.

    Call it before anything else in a writing transaction: on PostgreSQL the row lock serialises
    writers; on SQLite the no-op UPDATE takes the database write lock before any read, so a writer
    waits its turn instead of failing on a stale snapshot.
    """
    if session.get_bind().dialect.name == "sqlite":
        session.execute(update(Counter).where(Counter.name == SEQ).values(value=Counter.value))
    return session.execute(select(Counter).where(Counter.name == SEQ).with_for_update()).scalar_one()


def put_row(
    session: Session,
    counter: Counter,
    *,
    bucket: str,
    scope: str,
    key: str,
    entity: str,
    entity_uuid: str,
    data: dict[str, Any],
    deleted: bool = False,
    device: str = "",
    existing: BucketRow | None = None,
    looked_up: bool = False,
) -> BucketRow:
    """Insert or update a bucket row: version + 1, the next server_seq, a fresh row hash.

    ``looked_up`` says the caller already fetched the row (``existing``), saving a query per op.
    """
    row = existing
    if not looked_up:
        row = session.execute(
            select(BucketRow).where(
                BucketRow.bucket == bucket, BucketRow.scope == scope, BucketRow.key == key
            )
        ).scalar_one_or_none()
    counter.value += 1
    version = 1 if row is None else row.version + 1
    if row is None:
        row = BucketRow(bucket=bucket, scope=scope, key=key, entity=entity, entity_uuid=entity_uuid)
        session.add(row)
    row.version = version
    row.server_seq = counter.value
    row.deleted = deleted
    row.data = wire.canonical_json(data).decode("utf-8")
    row.row_hash = wire.row_hash(entity, key, version, deleted, data)
    row.last_device = device
    row.updated_at = utcnow()
    return row


def change_of(row: BucketRow) -> dict[str, Any]:
    return {
        "bucket": row.bucket,
        "entity": row.entity,
        "key": row.key,
        "version": row.version,
        "server_seq": row.server_seq,
        "deleted": row.deleted,
        "data": json.loads(row.data),
        "row_hash": row.row_hash,
    }


def checkpoint(session: Session, bucket: str, scope: str) -> dict[str, int]:
    count, total, top = session.execute(
        select(
            func.count(BucketRow.id),
            func.coalesce(func.sum(BucketRow.row_hash), 0),
            func.max(BucketRow.server_seq),
        ).where(BucketRow.bucket == bucket, BucketRow.scope == scope)
    ).one()
    return {"through_seq": int(top or 0), "count": int(count), "checksum": int(total) % 2**32}


def iso(dt: datetime) -> str:
    return dt.isoformat(timespec="seconds")
