"""Every write of a replicated record queues its sealed aggregate, in the write's own transaction.

Two session hooks on the site's session factory (installed by the composition root):

* ``before_flush`` notes every new, changed or deleted row of a replicated table (a review, a
  posting, a registration, a staff account, a shared setting …), whichever service wrote it;
* ``before_commit`` turns what was noted, and every outbox entry the services queued themselves,
  into sealed aggregates: each outbox entry of an aggregate gets ``sealed`` (its full private form
  sealed under the site key, computed at commit so it includes every child the action added after
  queuing); a record touched without an entry of its own (a review, a new clerk) gets one, carrying
  the record's last public payload unchanged (or only its uuid) beside ``sealed``.

Nothing happens when the site has no key (``sync_site_key`` empty): the outbox is then exactly what
it was before replication. Applying pulled records sets ``APPLYING`` on the session, so an applied
record never queues an entry of its own (no echo loop).
"""

from __future__ import annotations

import json
import logging
from typing import Any

from sqlalchemy import event, exists, select
from sqlalchemy.orm import Session, sessionmaker

from app import outbox
from app.sync import sitekey, wire
from app.sync.replica.aggregates import AGGREGATES, BY_MODEL, REPLICATED_SETTINGS, Aggregate, setting_uuid
from app.sync.replica.snapshot import blob_refs, snapshot
from db.models import CatalogueDisclosure, CatalogueItem, CatalogueRefinement, OutboxEntry, Setting, SyncRow

log = logging.getLogger(__name__)

#: session.info flag: the session is applying pulled records (no outbox entries, no sealing).
APPLYING = "replica_applying"
_TOUCHED = "replica_touched"
#: The payload key holding the sealed aggregate (wire.SEALED_KEY; kept equal by a test).
SEALED = "sealed"


def install(factory: sessionmaker[Session]) -> None:
    """Hook the factory's sessions (idempotent)."""
    if not event.contains(factory, "before_flush", _before_flush):
        event.listen(factory, "before_flush", _before_flush)
        event.listen(factory, "before_commit", _before_commit)
        event.listen(factory, "after_rollback", _after_rollback)


def site_key(session: Session) -> bytes | None:
    """The site key from this database's settings, or None when the site has none."""
    row = session.get(Setting, "sync_site_key")
    if row is None:
        return None
    text = json.loads(row.value)
    if not text:
        return None
    return sitekey.decode_key(str(text))


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get(APPLYING):
        return
    touched: list[Any] = session.info.setdefault(_TOUCHED, [])
    for obj in [*session.new, *session.deleted, *session.dirty]:
        found = BY_MODEL.get(type(obj))
        if found is None:
            continue
        agg, is_root = found
        if is_root and not agg.replicates(obj):
            continue
        if obj in session.dirty and not session.is_modified(obj):
            continue
        touched.append(obj)


def _after_rollback(session: Session) -> None:
    session.info.pop(_TOUCHED, None)
    session.info.pop(outbox.NEW_ENTRIES, None)


def _before_commit(session: Session) -> None:
    if session.info.get(APPLYING):
        session.info.pop(_TOUCHED, None)
        session.info.pop(outbox.NEW_ENTRIES, None)
        return
    if session.new or session.dirty or session.deleted:
        session.flush()  # runs _before_flush over what is still pending
    if not session.info.get(_TOUCHED) and not session.info.get(outbox.NEW_ENTRIES):
        return
    touched: list[Any] = session.info.pop(_TOUCHED, [])
    entries: list[OutboxEntry] = session.info.pop(outbox.NEW_ENTRIES, [])
    key = site_key(session)
    if key is None:
        return
    records: dict[tuple[str, str], list[OutboxEntry]] = {}
    for entry in entries:
        if entry.entity in AGGREGATES and entry.op == "upsert":
            records.setdefault((entry.entity, entry.entity_uuid), []).append(entry)
    for obj in touched:
        found = _root_of(session, obj)
        if found is not None:
            records.setdefault(found, [])
    for (entity, uuid), queued in records.items():
        agg = AGGREGATES[entity]
        try:
            snap = snapshot(session, agg, uuid)
        except (ValueError, KeyError, TypeError):
            # Never fail the clerk's action for replication: the entry goes without its box (the
            # other PCs miss this version until the record's next change) and the log says why.
            log.exception("could not snapshot %s %s for the site's other PCs", entity, uuid)
            continue
        if snap is None:
            continue
        sealed = sitekey.seal(key, entity, uuid, snap)
        refs = blob_refs(agg, snap)
        if not queued:
            queued = [
                outbox.enqueue(
                    session, entity=entity, entity_uuid=uuid, op="upsert", payload=_last(session, agg, uuid)
                )
            ]
            session.info.pop(outbox.NEW_ENTRIES, None)
        clear = _clear_setting(snap) if entity == "setting" else {}
        for entry in queued:
            payload = json.loads(entry.payload)
            payload.update(clear)
            payload[SEALED] = sealed
            if refs:
                payload["blob_refs"] = sorted(set(payload.get("blob_refs", [])) | set(refs))
            entry.payload = outbox.dumps(payload)
    session.flush()


def _clear_setting(snap: dict[str, Any]) -> dict[str, Any]:
    """A kiosk setting's ``key`` and ``value`` in clear (wire.KIOSK_SETTINGS): the hall's display
    PC has no site key, yet needs the exit PIN's hash and the idle time. Other settings: nothing."""
    root = snap.get("root", {})
    key = root.get("key")
    if key not in wire.KIOSK_SETTINGS:
        return {}
    try:
        value = json.loads(str(root.get("value")))
    except ValueError:
        return {}
    if isinstance(value, bool) or not isinstance(value, str | int):
        return {}  # the platform takes only text or a whole number here
    return {"key": key, "value": value}


def _root_of(session: Session, obj: Any) -> tuple[str, str] | None:
    agg, is_root = BY_MODEL[type(obj)]
    if is_root:
        return agg.entity, agg.uuid_of({"uuid": getattr(obj, "uuid", ""), "key": getattr(obj, "key", "")})
    root_table = agg.table
    child_table = type(obj).__table__
    for col in child_table.columns:
        if any(fk.column.table is root_table for fk in col.foreign_keys):
            root_id = getattr(obj, col.name, None)
            if root_id is None:
                return None
            uuid = session.execute(select(root_table.c.uuid).where(root_table.c.id == root_id)).scalar()
            return None if uuid is None else (agg.entity, str(uuid))
    return None


def last_payload(session: Session, entity: str, uuid: str) -> dict[str, Any]:
    """The record's latest public payload (what the platform publishes stays as it was)."""
    return _last(session, AGGREGATES[entity], uuid)


def _last(session: Session, agg: Aggregate, uuid: str) -> dict[str, Any]:
    text = session.execute(
        select(OutboxEntry.payload)
        .where(
            OutboxEntry.entity == agg.entity,
            OutboxEntry.entity_uuid == uuid,
            OutboxEntry.payload != outbox.PRUNED,
            OutboxEntry.op == "upsert",
        )
        .order_by(OutboxEntry.seq.desc())
        .limit(1)
    ).scalar()
    payload: dict[str, Any] = {"uuid": uuid}
    if text:
        try:
            loaded = json.loads(text)
        except ValueError:
            loaded = None
        if isinstance(loaded, dict):
            payload = {k: v for k, v in loaded.items() if k not in (SEALED, "blob_refs")}
    return payload


def share_site(session: Session) -> int:
    """Queue every replicated record the platform does not yet hold sealed (in the caller's
    transaction; sealed at its commit). Run once per device, after its first complete pull with a
    key: a site that had records before it had a key shares them, and a joining PC does not send
    back what it just received. City catalogue items are shared only when the site refined or
    disclosed them (every PC imports the city's release itself)."""
    if site_key(session) is None:
        return 0
    sealed_on_platform = {
        key
        for key in session.execute(
            select(SyncRow.key).where(
                SyncRow.bucket == "site_records", SyncRow.data.like('%"sealed":"gks1.%')
            )
        ).scalars()
    }
    count = 0
    for agg in AGGREGATES.values():
        for uuid in _uuids(session, agg):
            if f"{agg.entity}:{uuid}" in sealed_on_platform:
                continue
            outbox.enqueue(
                session, entity=agg.entity, entity_uuid=uuid, op="upsert", payload=_last(session, agg, uuid)
            )
            count += 1
    return count


def _uuids(session: Session, agg: Aggregate) -> list[str]:
    if agg.root is Setting:
        keys = session.execute(select(Setting.key).where(Setting.key.in_(REPLICATED_SETTINGS))).scalars()
        return [setting_uuid(k) for k in keys]
    table = agg.table
    query = select(table.c.uuid)
    if agg.root is CatalogueItem:
        query = query.where(
            (CatalogueItem.origin == "site")
            | exists().where(CatalogueRefinement.item_id == CatalogueItem.id)
            | exists().where(CatalogueDisclosure.item_id == CatalogueItem.id)
        )
    return [str(u) for u in session.execute(query).scalars()]
