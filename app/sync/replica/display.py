"""Applying the platform's display views on the hall's kiosk PC (a *display device*).

A display device (``gongkai device invite --display``) receives no ``sealed`` boxes: the platform
sends it only the public view of the site's records (docs/sync-devices.md, "Display devices").
This module writes those views into the tables the kiosk reads (app/kiosk.py), inside the sync
transaction that records them and moves the cursor:

* ``notice``: the published notice as the platform publishes it (title, body and roster already
  masked by the site; the kiosk masks identity and card numbers once more);
* ``event``: the event and its recurrence (no registrations ever arrive);
* ``setting``: the kiosk's settings (wire.KIOSK_SETTINGS: idle time, exit PIN hash, public address).

A hidden row (a withdrawn or ended notice, an event back to draft) arrives as a tombstone without
data and removes the local row. Rows of other kinds are left to their own buckets (the catalogue and
policy library arrive in the global buckets) or are not for the kiosk. Nothing applied here queues
an outbox entry (the caller sets ``track.APPLYING``) and a display device never pushes.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, Protocol

from sqlalchemy import delete, select
from sqlalchemy.exc import OperationalError, StatementError
from sqlalchemy.orm import Session

from app import changes
from app.events import rows as event_rows
from app.notices.templates import TEMPLATE_BY_KEY
from app.privacy.profile import MaskingProfile
from app.settings import SETTINGS
from app.sync import wire
from db.models import (
    Event,
    EventOverride,
    EventRegistration,
    EventSuggestion,
    EventType,
    Notice,
    NoticeReview,
    NoticeRevision,
    Posting,
    Setting,
)

log = logging.getLogger(__name__)


class PulledView(Protocol):
    """What is used of a pulled row (``applier.Row``)."""

    @property
    def entity(self) -> str: ...
    @property
    def key(self) -> str: ...
    @property
    def version(self) -> int: ...
    @property
    def deleted(self) -> bool: ...
    @property
    def data(self) -> dict[str, Any]: ...


def is_display(session: Session) -> bool:
    """True on a display device (``sync_device_kind``, set by ``gongkai join``)."""
    row = session.get(Setting, "sync_device_kind")
    return row is not None and json.loads(row.value) == "display"


def apply_views(
    session: Session, rows: Sequence[PulledView], problem: Callable[[PulledView, str], None]
) -> tuple[list[str], set[str]]:
    """Apply ``rows`` in the caller's transaction; returns (applied keys, changed areas). A view
    that cannot be applied (a field missing or malformed) is passed to ``problem`` and the round
    goes on: one bad row must not stop the hall's screen from following the site."""
    applied: list[str] = []
    areas: set[str] = set()
    for row in rows:
        uuid = row.key.partition(":")[2]
        fn = _APPLY.get(row.entity)
        if fn is None or not uuid:
            continue
        try:
            with session.begin_nested():
                changed = fn(session, uuid, None if row.deleted else row.data)
        except OperationalError:
            raise  # the database itself failed: the round's error, retried later
        except (StatementError, ValueError, KeyError, TypeError) as exc:
            log.warning("display view %s not applied: %s", row.key, exc)
            problem(row, f"公开内容无法在本机显示：{type(exc).__name__}")
            continue
        if changed:
            area = "settings" if row.entity == "setting" else row.entity
            applied.append(row.key)
            areas.add(area)
            changes.note(area, uuid, "sync.apply")
    session.flush()
    return applied, areas


# -- notices -----------------------------------------------------------------------------------------


def _remove(session: Session, model: Any, children: tuple[Any, ...], key: str, uuid: str) -> bool:
    """A tombstone: the record and the rows that hang on it (``child.<key>``); False when it was
    never on this PC."""
    row = session.execute(select(model).where(model.uuid == uuid)).scalar_one_or_none()
    if row is None:
        return False
    for child in children:
        session.execute(delete(child).where(getattr(child, key) == row.id))
    session.delete(row)
    return True


def _notice(session: Session, uuid: str, data: dict[str, Any] | None) -> bool:
    if data is None:
        return _remove(session, Notice, (Posting, NoticeReview, NoticeRevision), "notice_id", uuid)
    row = session.execute(select(Notice).where(Notice.uuid == uuid)).scalar_one_or_none()
    template = str(data.get("template") or "")
    # The text is masked already; the template's profile masks it again on the way to the screen
    # (idempotent on masked text), so a kiosk PC never shows more than any other output would.
    profile = TEMPLATE_BY_KEY[template].masking if template in TEMPLATE_BY_KEY else MaskingProfile()
    roster = data.get("roster")
    published = data.get("published_at")
    if row is None:
        row = Notice(uuid=uuid, created_by="sync", revision_author="sync")
        session.add(row)
    row.revision = int(data.get("revision") or 1)
    row.kind = str(data.get("kind") or "publicity")
    row.template = template
    row.title = str(data.get("title") or "")
    row.body = str(data.get("body") or "")
    row.roster_json = json.dumps(roster, ensure_ascii=False) if isinstance(roster, dict) else None
    row.catalogue_item_uuids = json.dumps(data.get("catalogue_item_uuids") or [], ensure_ascii=False)
    row.policy_links = json.dumps(data.get("policy_links") or [], ensure_ascii=False)
    row.period_start = date.fromisoformat(str(data["period_start"]))
    row.period_end = date.fromisoformat(str(data["period_end"]))
    row.issue_date = row.period_start
    row.issuer = str(data.get("issuer") or "")
    row.contact = str(data.get("contact") or "")
    row.supervision_phone = str(data.get("supervision_phone") or "")
    row.masking_profile = json.dumps(profile.to_dict(), ensure_ascii=False)
    row.status = str(data.get("status") or "published")
    row.public_url = str(data.get("public_url") or "")
    row.published_at = datetime.fromisoformat(str(published)) if published else None
    return True


# -- events ------------------------------------------------------------------------------------------


def _event(session: Session, uuid: str, data: dict[str, Any] | None) -> bool:
    if data is None:
        return _remove(session, Event, (EventOverride, EventRegistration, EventSuggestion), "event_id", uuid)
    row = session.execute(select(Event).where(Event.uuid == uuid)).scalar_one_or_none()
    type_key = str(data.get("type") or "other")
    if session.execute(select(EventType.id).where(EventType.key == type_key)).first() is None:
        # A type the site added itself: the kiosk only needs its label.
        session.add(EventType(key=type_key, label=str(data.get("type_label") or type_key)))
        session.flush()
    if row is None:
        row = Event(uuid=uuid, ical_uid=uuid, created_by="sync")
        session.add(row)
    row.type_key = type_key
    row.title = str(data.get("title") or "")
    row.description = str(data.get("description") or "")
    row.place = str(data.get("place") or "")
    row.start_at = datetime.fromisoformat(str(data["start"]))
    row.end_at = datetime.fromisoformat(str(data["end"]))
    row.rrule = str(data["rrule"]) if data.get("rrule") else None
    exdates = [event_rows.utc_iso(datetime.fromisoformat(str(d))) for d in data.get("exdates") or []]
    row.exdates = event_rows.dumps(sorted(exdates))
    row.host = str(data.get("host") or "")
    row.speakers = event_rows.dumps([str(s) for s in data.get("speakers") or []])
    row.audience = str(data.get("audience") or "")
    capacity = data.get("capacity")
    row.capacity = int(capacity) if isinstance(capacity, int) else None
    row.status = str(data.get("status") or "planned")
    row.catalogue_item_uuids = json.dumps(data.get("catalogue_item_uuids") or [], ensure_ascii=False)
    row.policy_links = json.dumps(data.get("policy_links") or [], ensure_ascii=False)
    return True


# -- settings ----------------------------------------------------------------------------------------


def _setting(session: Session, _uuid: str, data: dict[str, Any] | None) -> bool:
    if data is None:
        return False  # a setting is never removed; a hidden one is none of the kiosk's business
    key = str(data.get("key") or "")
    if key not in wire.KIOSK_SETTINGS or key not in SETTINGS or "value" not in data:
        return False
    text = json.dumps(data["value"], ensure_ascii=False)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=text))
    elif row.value != text:
        row.value = text
    else:
        return False
    return True


_APPLY = {"notice": _notice, "event": _event, "setting": _setting}
