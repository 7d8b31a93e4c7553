"""Generic snapshot and apply of an aggregate, by table inspection (no per-entity code).

A snapshot is plain JSON (docs/sync-replication.md, "Snapshot format")::

    {"v": 1, "root": {column: value}, "children": {table: [row]}, "refs": [{"table", "row"}]}

Integer primary keys never travel (each PC numbers its own rows). A foreign key to another table's
integer id travels as ``{"$ref": table, "id": {identity}}`` (the referenced row's uuid, or its unique
columns), and the referenced row itself is in ``refs``, so the receiving PC finds or creates it.
Dates and instants travel as ISO text and are parsed back by the column's Python type.

Apply upserts the root (matched by uuid, else by the aggregate's natural key), replaces its child
rows with the snapshot's, and creates or updates the referenced rows: the local record becomes
exactly the sender's. Core statements only, so applying triggers none of the ORM hooks that queue
outbox entries (no echo).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Date, DateTime, Table, TypeDecorator, and_, delete, insert, select, update
from sqlalchemy.orm import Session

from app.sync.replica.aggregates import Aggregate

FORMAT = 1

#: (local uuid, incoming uuid) -> True if the local row wins over the incoming one.
KeepLocal = Callable[[str, str], bool]


# -- values ---------------------------------------------------------------------------------------


def _python_type(col: Column[Any]) -> type | None:
    kind = col.type
    if isinstance(kind, TypeDecorator):
        kind = kind.impl_instance
    if isinstance(kind, DateTime):
        return datetime
    if isinstance(kind, Date):
        return date
    return None


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _decode(col: Column[Any], value: Any) -> Any:
    if value is None or not isinstance(value, str):
        return value
    kind = _python_type(col)
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    return value


def _is_surrogate(col: Column[Any]) -> bool:
    """An integer primary key a PC assigns itself ("id")."""
    return bool(col.primary_key) and col.name == "id"


def _unique_columns(table: Table) -> list[str]:
    """The columns that identify a row of ``table`` across PCs: uuid, else a unique column."""
    if "uuid" in table.c:
        return ["uuid"]
    singles = [c.name for c in table.columns if c.unique and not _is_surrogate(c)]
    if singles:
        return singles[:1]
    keys = [c.name for c in table.primary_key.columns if not _is_surrogate(c)]
    if keys:
        return keys
    raise ValueError(f"table {table.name} has no identity that travels")


# -- snapshot -------------------------------------------------------------------------------------


class _Snapshotter:
    def __init__(self, session: Session, skip_table: Table) -> None:
        self.session = session
        self.skip_table = skip_table
        self.refs: list[dict[str, Any]] = []
        self._seen: set[str] = set()

    def row(self, table: Table, values: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for col in table.columns:
            if _is_surrogate(col):
                continue
            value = values[col.name]
            fk = next(iter(col.foreign_keys), None)
            if fk is not None and fk.column.table is self.skip_table:
                continue  # the link to the aggregate's root: implied by nesting
            if fk is not None and value is not None:
                target = fk.column.table
                assert isinstance(target, Table)
                ref = self.ref(target, fk.column.name, value)
                if fk.column.name == "id":
                    out[col.name] = {"$ref": target.name, "id": ref}
                    continue
            out[col.name] = _encode(value)
        return out

    def ref(self, table: Table, column: str, value: Any) -> dict[str, Any]:
        found = self.session.execute(select(table).where(table.c[column] == value)).mappings().first()
        if found is None:
            raise ValueError(f"{table.name}.{column}={value!r} is referenced but missing")
        return self.add_ref(table, dict(found))

    def add_ref(self, table: Table, values: dict[str, Any]) -> dict[str, Any]:
        ident = {c: _encode(values[c]) for c in _unique_columns(table)}
        mark = table.name + json.dumps(ident, sort_keys=True, ensure_ascii=False)
        if mark not in self._seen:
            self._seen.add(mark)
            # Referenced rows carry their own references in full (a board has none; an event
            # type's synonyms are not needed): one level is enough for every aggregate we have.
            self.refs.append({"table": table.name, "row": self.row(table, values)})
        return ident


def snapshot(session: Session, agg: Aggregate, uuid: str) -> dict[str, Any] | None:
    """The full private form of one record with its children (None if it does not exist here)."""
    ident = agg.identity(uuid)
    if ident is None:
        return None
    table = agg.table
    root = (
        session.execute(select(table).where(*(table.c[k] == v for k, v in ident.items()))).mappings().first()
    )
    if root is None:
        return None
    root_values = dict(root)
    snap = _Snapshotter(session, table)
    out_root = snap.row(table, root_values)
    if agg.extra_refs is not None:
        for ref_table, values in agg.extra_refs(session, root_values):
            snap.add_ref(ref_table, values)
    children: dict[str, list[dict[str, Any]]] = {}
    for child in agg.child_tables():
        fk_col = _link(child, table)
        rows = session.execute(
            select(child).where(child.c[fk_col] == root_values["id"]).order_by(*child.primary_key.columns)
        ).mappings()
        children[child.name] = [snap.row(child, dict(r)) for r in rows]
    return {"v": FORMAT, "root": out_root, "children": children, "refs": snap.refs}


def _link(child: Table, root: Table) -> str:
    for col in child.columns:
        for fk in col.foreign_keys:
            if fk.column.table is root:
                return col.name
    raise ValueError(f"{child.name} has no foreign key to {root.name}")


def blob_refs(agg: Aggregate, snap: dict[str, Any]) -> list[str]:
    """The SHA-256 of every file the aggregate names (posting photos), for the push to upload."""
    out: list[str] = []
    for table, sha_col, _name_col in agg.photos:
        for row in snap.get("children", {}).get(table, []):
            sha = str(row.get(sha_col) or "")
            if sha and sha not in out:
                out.append(sha)
    return out


# -- apply ----------------------------------------------------------------------------------------


class _Applier:
    def __init__(self, session: Session, tables: dict[str, Table]) -> None:
        self.session = session
        self.tables = tables
        self._ids: dict[str, Any] = {}

    def values(self, table: Table, row: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for col in table.columns:
            if _is_surrogate(col) or col.name not in row:
                continue
            value = row[col.name]
            if isinstance(value, dict) and "$ref" in value:
                out[col.name] = self._ref_id(str(value["$ref"]), dict(value["id"]))
            else:
                out[col.name] = _decode(col, value)
        return out

    def _ref_id(self, table_name: str, ident: dict[str, Any]) -> Any:
        mark = table_name + json.dumps(ident, sort_keys=True, ensure_ascii=False)
        if mark not in self._ids:
            table = self.tables[table_name]
            found = self.find(table, {k: _decode(table.c[k], v) for k, v in ident.items()})
            if found is None:
                raise ValueError(f"{table_name} {ident} is referenced but not in the snapshot")
            self._ids[mark] = found
        return self._ids[mark]

    def remember(self, table_name: str, ident: dict[str, Any], row_id: Any) -> None:
        self._ids[table_name + json.dumps(ident, sort_keys=True, ensure_ascii=False)] = row_id

    def find(self, table: Table, where: dict[str, Any]) -> Any:
        return self.session.execute(
            select(table.c.id).where(and_(*(table.c[k] == v for k, v in where.items())))
        ).scalar()

    def upsert(
        self,
        table: Table,
        values: dict[str, Any],
        alternatives: tuple[str, ...] = (),
        policy: str = "adopt",
        keep_local: KeepLocal | None = None,
    ) -> tuple[Any, bool]:
        """Insert or update one row matched by its identity, else by ``alternatives``; returns its
        primary key value (the row id, or None for tables without one) and whether it was written."""
        ident = {c: values[c] for c in _unique_columns(table) if c in values}
        has_id = "id" in table.c
        where = ident
        if has_id:
            found = self.find(table, ident) if ident else None
            if found is None and alternatives and all(c in values for c in alternatives):
                # The same record made on two PCs under different uuids (an account "clerk" made on
                # each, a city item each PC imported): see Aggregate.on_natural.
                found = self.find(table, {c: values[c] for c in alternatives})
                if found is not None and "uuid" in values:
                    local = self.session.execute(select(table.c.uuid).where(table.c.id == found)).scalar()
                    if policy == "keep":
                        values = {**values, "uuid": local}
                    elif local is not None and (keep_local or _smaller)(str(local), str(values["uuid"])):
                        return found, False  # ours wins; the sender adopts it when it pulls ours
            if found is None:
                result = self.session.execute(insert(table).values(**values))
                key = result.inserted_primary_key  # type: ignore[attr-defined]
                return (key[0] if key else None), True
            self.session.execute(update(table).where(table.c.id == found).values(**values))
            return found, True
        exists = self.session.execute(
            select(table).where(and_(*(table.c[k] == v for k, v in where.items())))
        ).first()
        if exists is None:
            self.session.execute(insert(table).values(**values))
        else:
            self.session.execute(
                update(table).where(and_(*(table.c[k] == v for k, v in where.items()))).values(**values)
            )
        return None, True


def _smaller(local: str, incoming: str) -> bool:
    return local < incoming


def apply(
    session: Session, agg: Aggregate, snap: dict[str, Any], keep_local: KeepLocal | None = None
) -> None:
    """Make the local record equal ``snap`` (in the caller's transaction; raises on bad data).

    ``keep_local(local_uuid, incoming_uuid)`` decides, for a root found by its natural key under
    another uuid, whether the local row wins (default: the smaller uuid wins)."""
    if snap.get("v") != FORMAT:
        raise ValueError(f"snapshot format {snap.get('v')!r} is not {FORMAT}")
    root_table = agg.table
    tables = {t.name: t for t in root_table.metadata.tables.values()}
    applier = _Applier(session, tables)
    for ref in snap.get("refs", []):
        table = tables[str(ref["table"])]
        values = applier.values(table, dict(ref["row"]))
        alternatives = tuple(c.name for c in table.columns if c.unique and c.name != "uuid")[:1]
        ref_id, _written = applier.upsert(table, values, alternatives)
        if ref_id is not None:
            # Remembered under the sender's identity: the row may be ours under another uuid.
            ident = {c: ref["row"].get(c) for c in _unique_columns(table)}
            applier.remember(table.name, ident, ref_id)
    values = applier.values(root_table, dict(snap["root"]))
    root_id, written = applier.upsert(root_table, values, agg.natural, agg.on_natural, keep_local)
    if not written:
        return
    children = snap.get("children", {})
    for child in agg.child_tables():
        fk_col = _link(child, root_table)
        session.execute(delete(child).where(child.c[fk_col] == root_id))
        rows = [{**applier.values(child, dict(r)), fk_col: root_id} for r in children.get(child.name, [])]
        if rows:
            session.execute(insert(child), rows)
