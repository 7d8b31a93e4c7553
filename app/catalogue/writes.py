"""The catalogue's write path: current items as plain values, and a plan written in bulk.

Responsibility: turn a plan (added / changed / retired entries) into rows — items, one revision per
touched item — with a handful of executemany statements instead of one ORM object per row. An import
of thousands of rows is then bound by parsing, not by the ORM's unit of work (bench/search.py).
Everything here runs inside the caller's session and transaction, so an import stays all-or-nothing.
Derived columns (the time-limit rule, pinyin) are computed once per distinct text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import NamedTuple

from sqlalchemy import Executable, Table, insert, select, update
from sqlalchemy.orm import Session

from app.catalogue import rules
from app.catalogue.model import ORIGIN_RANK, ItemData
from app.catalogue.search import pinyin_forms
from db.base import Base, new_uuid
from db.models import CatalogueItem, CatalogueItemRevision


@dataclass(frozen=True)
class CurrentItem:
    """An existing item as the planner needs it: identity, state and content (no ORM state)."""

    id: int
    uuid: str
    origin: str
    status: str
    seq: int
    data: ItemData


#: (change, the existing item or None, the new content or None for a retirement, 序号)
PlanEntry = tuple[str, CurrentItem | None, ItemData | None, int]


@dataclass(frozen=True)
class Touched:
    """One item a plan wrote: what the revision and the outbox entry are made from."""

    change: str
    uuid: str
    origin: str
    status: str
    data: ItemData


_COLUMNS = (
    CatalogueItem.id,
    CatalogueItem.uuid,
    CatalogueItem.origin,
    CatalogueItem.status,
    CatalogueItem.seq,
    CatalogueItem.domain_id,
    CatalogueItem.level1,
    CatalogueItem.level2,
    CatalogueItem.level3,
    CatalogueItem.content,
    CatalogueItem.basis,
    CatalogueItem.time_limit,
    CatalogueItem.publisher,
    CatalogueItem.channels,
    CatalogueItem.extra_channels,
    CatalogueItem.audience,
    CatalogueItem.audience_group,
    CatalogueItem.modes,
    CatalogueItem.tiers,
    CatalogueItem.contact_phone,
    CatalogueItem.retention,
)


#: What an item's view reads: its content and the columns ``CatalogueService._view`` shows. Lists
#: select these columns rather than ORM objects: no identity map to fill and empty for 2,000+ items.
VIEW_COLUMNS = (
    *_COLUMNS,
    CatalogueItem.rule,
    CatalogueItem.changed_on,
    CatalogueItem.pinyin_full,
    CatalogueItem.pinyin_initials,
)


class ItemRow(NamedTuple):
    """One item as ``VIEW_COLUMNS`` reads it (a tuple: reading 25 fields of 2,000+ SQLAlchemy rows
    by name took 30 ms; a named tuple's fields cost next to nothing)."""

    id: int
    uuid: str
    origin: str
    status: str
    seq: int
    domain_id: int
    level1: str
    level2: str
    level3: str
    content: str
    basis: str
    time_limit: str
    publisher: str
    channels: str
    extra_channels: str
    audience: str
    audience_group: str
    modes: str
    tiers: str
    contact_phone: str
    retention: str
    rule: str
    changed_on: date
    pinyin_full: str
    pinyin_initials: str

    @classmethod
    def of(cls, item: CatalogueItem) -> ItemRow:
        """An ORM item (loaded by a single read or an edit) as a row."""
        return cls(*(getattr(item, c.key) for c in VIEW_COLUMNS))

    def data(self, domain_name: str) -> ItemData:
        """The item's content."""
        return _data(domain_name, *self[6:21])  # level1 … retention: _COLUMNS[6:]


def read_rows(session: Session, query: Executable) -> list[ItemRow]:
    """The items a ``select(*VIEW_COLUMNS)`` query finds, as rows."""
    return [ItemRow._make(r) for r in session.execute(query)]


def current_of(row: CatalogueItem, domain_name: str) -> CurrentItem:
    """An ORM item (loaded by an edit) as a plan entry's existing item."""
    return CurrentItem(row.id, row.uuid, row.origin, row.status, row.seq, ItemRow.of(row).data(domain_name))


def load_current(
    session: Session, domain_names: dict[int, str]
) -> dict[tuple[str, str, str, str], CurrentItem]:
    """Every item (retired ones too) keyed by (domain, 一级, 二级, 三级), in one query."""
    out: dict[tuple[str, str, str, str], CurrentItem] = {}
    for r in session.execute(select(*_COLUMNS)).all():
        item = CurrentItem(r[0], r[1], r[2], r[3], r[4], _data(domain_names[r[5]], *r[6:]))
        out[item.data.key] = item
    return out


def _data(domain: str, *v: str) -> ItemData:
    (level1, level2, level3, content, basis, time_limit, publisher, channels, extras) = v[:9]
    audience, group, modes, tiers, phone, retention = v[9:]
    return ItemData(
        domain=domain,
        level1=level1,
        level2=level2,
        level3=level3,
        content=content,
        basis=basis,
        time_limit=time_limit,
        publisher=publisher,
        channels=_json_tuple(channels),
        extra_channels=_json_tuple(extras),
        audience=audience,
        audience_group=group,
        modes=tuple(m for m in modes.split(",") if m),
        tiers=tuple(t for t in tiers.split(",") if t),
        contact_phone=phone,
        retention=retention,
    )


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


@lru_cache(maxsize=4096)
def _json_tuple(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text))


@lru_cache(maxsize=4096)
def rule_json(time_limit: str) -> str:
    return json.dumps(rules.parse_time_limit(time_limit), ensure_ascii=False)


def _json_list(values: tuple[str, ...]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def item_values(data: ItemData, domain_id: int) -> dict[str, object]:
    """The item columns that follow from its content (the rule and pinyin included)."""
    pinyin_full, pinyin_initials = pinyin_forms([data.level1, data.level2, data.level3])
    return {
        "domain_id": domain_id,
        "level1": data.level1,
        "level2": data.level2,
        "level3": data.level3,
        "content": data.content,
        "basis": data.basis,
        "time_limit": data.time_limit,
        "publisher": data.publisher,
        "channels": _json_list(data.channels),
        "extra_channels": _json_list(data.extra_channels),
        "audience": data.audience,
        "audience_group": data.audience_group,
        "modes": ",".join(data.modes),
        "tiers": ",".join(data.tiers),
        "contact_phone": data.contact_phone,
        "retention": data.retention,
        "rule": rule_json(data.time_limit),
        "pinyin_full": pinyin_full,
        "pinyin_initials": pinyin_initials,
    }


def write_plan(
    session: Session,
    plan: Sequence[PlanEntry],
    *,
    version_id: int,
    origin: str,
    domain_ids: dict[str, int],
    now: datetime,
    today: date,
) -> list[Touched]:
    """Write ``plan`` as one catalogue version: item inserts and updates, then one revision each.

    An import may raise an item's origin (a city file adopting a district item) but never lower it;
    an added item that exists as retired comes back under its old UUID.
    """
    inserts: list[dict[str, object]] = []
    updates: list[dict[str, object]] = []
    touched: list[Touched] = []
    for change, cur, data, seq in plan:
        if change == "retired":
            assert cur is not None
            updates.append({"id": cur.id, "status": "retired", "changed_on": today, "updated_at": now})
            touched.append(Touched(change, cur.uuid, cur.origin, "retired", cur.data))
            continue
        assert data is not None
        values = item_values(data, domain_ids[data.domain])
        values.update(seq=seq, status="active", changed_on=today, updated_at=now)
        if cur is None:
            uuid = new_uuid()
            inserts.append({**values, "uuid": uuid, "origin": origin, "created_at": now})
            touched.append(Touched(change, uuid, origin, "active", data))
            continue
        new_origin = (
            origin if change == "added" or ORIGIN_RANK[origin] > ORIGIN_RANK[cur.origin] else cur.origin
        )
        updates.append({**values, "id": cur.id, "origin": new_origin})
        touched.append(Touched(change, cur.uuid, new_origin, "active", data))
    ids: dict[str, int] = {t.uuid: cur.id for t, (_, cur, _, _) in zip(touched, plan, strict=True) if cur}
    if inserts:
        # Core, not ORM, statements: the ORM's bulk path still walks every row through its mapper.
        items = _table(CatalogueItem)
        new_ids = session.scalars(
            insert(items).returning(items.c.id, sort_by_parameter_order=True), inserts
        ).all()
        ids.update((str(values["uuid"]), item_id) for values, item_id in zip(inserts, new_ids, strict=True))
    if updates:
        session.execute(update(CatalogueItem), updates)
    if not touched:
        return touched
    session.execute(
        insert(_table(CatalogueItemRevision)),
        [
            {
                "item_id": ids[t.uuid],
                "version_id": version_id,
                "change": t.change,
                "snapshot": json.dumps(t.data.to_json(), ensure_ascii=False, sort_keys=True),
            }
            for t in touched
        ],
    )
    return touched
