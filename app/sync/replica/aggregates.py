"""Which records replicate between a site's staff PCs, as aggregates: a root table and its children.

An aggregate is what one outbox entry carries in its sealed box (docs/sync-replication.md,
"Aggregates"): the root row with every column, the rows of each child table whose foreign key points
at the root, and the rows the aggregate refers to in other tables (a posting's board, an event's
type, an item's domain). The lists below are the only per-entity knowledge; snapshot and apply are
generic (``app.sync.replica.snapshot``), by SQLAlchemy table inspection.

Left out on purpose: rows that are per-device history (the print log, catalogue item revisions tied
to local version numbers, sign-in failures) and settings that describe this PC (language, every
``sync_*`` key).
"""

from __future__ import annotations

import json
import uuid as _uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from db.base import Base
from db.models import (
    Board,
    CatalogueDisclosure,
    CatalogueItem,
    CatalogueRefinement,
    Event,
    EventOverride,
    EventRegistration,
    EventSuggestion,
    InfoRequest,
    Notice,
    NoticeReview,
    NoticeRevision,
    Posting,
    RequestConsultation,
    Setting,
    User,
)

#: Site-level settings that every staff PC of the site shares. Everything else in app/settings.py is
#: this device's own (language, the platform address and token, the site key, the device kind) or
#: comes to each PC from the platform (the public address).
#: ``public_base_url`` is not among them: the platform announces it to every PC in its hello, so
#: sharing it would only make each PC's first round push a record that conflicts with the others'.
REPLICATED_SETTINGS = frozenset({"reminder_time", "kiosk_idle_seconds", "kiosk_pin_hash"})

#: A setting travels as a record whose uuid is derived from its key (the same on every PC).
_SETTING_NS = _uuid.UUID("6f1c1f5e-4b7e-4f0a-9a55-2d3f7c1b9e10")


def setting_uuid(key: str) -> str:
    return str(_uuid.uuid5(_SETTING_NS, key))


def _setting_key(uuid: str) -> str | None:
    return next((k for k in REPLICATED_SETTINGS if setting_uuid(k) == uuid), None)


ExtraRefs = Callable[[Session, dict[str, Any]], list[tuple[Table, dict[str, Any]]]]


def _notice_boards(session: Session, root: dict[str, Any]) -> list[tuple[Table, dict[str, Any]]]:
    """A notice's target boards travel with it (they are named by uuid in ``target_board_uuids``)."""
    try:
        uuids = [str(u) for u in json.loads(root.get("target_board_uuids") or "[]")]
    except ValueError:
        return []
    table = Board.__table__
    assert isinstance(table, Table)
    rows = session.execute(select(table).where(table.c.uuid.in_(uuids))).mappings().all()
    return [(table, dict(r)) for r in rows]


@dataclass(frozen=True)
class Aggregate:
    """One replicated kind of record.

    ``entity`` is its outbox/wire entity name; ``area`` the ``app.changes`` area views watch;
    ``natural`` the root columns that identify the same record on another PC when the uuids differ
    (staff made on two PCs under one name, a city catalogue item imported on each PC).
    """

    entity: str
    root: type[Base]
    children: tuple[type[Base], ...] = ()
    natural: tuple[str, ...] = ()
    area: str = ""
    extra_refs: ExtraRefs | None = None
    #: When a root is matched by ``natural`` under another uuid: "adopt" (the smaller uuid wins,
    #: content and uuid, so every PC converges on one account) or "keep" (the local uuid stays and
    #: the content is applied: city catalogue items, whose uuids each PC made when it imported the
    #: release and which its notices refer to).
    on_natural: str = "adopt"
    #: (child table name, sha column, file-name column) of files kept in the local blob store.
    photos: tuple[tuple[str, str, str], ...] = field(default_factory=tuple)

    @property
    def table(self) -> Table:
        table = self.root.__table__
        assert isinstance(table, Table)
        return table

    def child_tables(self) -> list[Table]:
        out = []
        for model in self.children:
            table = model.__table__
            assert isinstance(table, Table)
            out.append(table)
        return out

    def uuid_of(self, values: dict[str, Any]) -> str:
        if self.root is Setting:
            return setting_uuid(str(values["key"]))
        return str(values["uuid"])

    def identity(self, uuid: str) -> dict[str, Any] | None:
        """The root's identifying column values for ``uuid`` (None: not a record of this kind)."""
        if self.root is Setting:
            key = _setting_key(uuid)
            return None if key is None else {"key": key}
        return {"uuid": uuid}

    def replicates(self, obj: Any) -> bool:
        """False for rows of the root table that stay on this PC (device-local settings)."""
        return self.root is not Setting or getattr(obj, "key", "") in REPLICATED_SETTINGS


AGGREGATES: dict[str, Aggregate] = {
    a.entity: a
    for a in (
        Aggregate(
            "notice",
            Notice,
            (NoticeReview, NoticeRevision, Posting),
            area="notice",
            extra_refs=_notice_boards,
            photos=(("posting", "photo_sha256", "photo_name"),),
        ),
        Aggregate("event", Event, (EventOverride, EventRegistration, EventSuggestion), area="event"),
        Aggregate("request", InfoRequest, (RequestConsultation,), area="request"),
        Aggregate(
            "catalogue_item",
            CatalogueItem,
            (CatalogueDisclosure, CatalogueRefinement),
            natural=("domain_id", "level1", "level2", "level3"),
            area="catalogue",
            on_natural="keep",
        ),
        Aggregate("staff", User, (), natural=("name_key",), area="settings"),
        Aggregate("setting", Setting, (), area="settings"),
    )
}

#: model class → (aggregate, True if it is the root).
BY_MODEL: dict[type[Base], tuple[Aggregate, bool]] = {}
for _agg in AGGREGATES.values():
    BY_MODEL[_agg.root] = (_agg, True)
    for _child in _agg.children:
        BY_MODEL[_child] = (_agg, False)
