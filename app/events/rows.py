"""Turning event rows into values and public payloads, and drafts into rows (inside a session).

The public payload is what leaves the device (city platform, kiosk, exports): registrations appear
only as a count, and every free-text field and the adoption report pass through app.privacy with
names masked too: an open-day attendee is a private person, and other people's personal data in public
information is de-identified (docs/domain-facts.md, §2.3 "Privacy rules for notices").
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, cast

from app.clock import ZONE
from app.events.values import (
    OUTCOME_LABELS,
    QA,
    EventDraft,
    EventValue,
    Outcome,
    OverrideValue,
    RegistrationValue,
    Status,
    Suggestion,
)
from app.policies.links import links_from_json, links_to_json
from app.privacy import Masker, MaskingProfile
from db.models import Event, EventOverride, EventRegistration

#: Everything masked, names included: used for every output that leaves the staff view.
PUBLIC_MASKER = Masker(MaskingProfile(names=True))


def loads(text: str) -> list[Any]:
    value = json.loads(text or "[]")
    return value if isinstance(value, list) else []


def dumps(values: Sequence[Any]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def utc_iso(d: datetime) -> str:
    return d.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def from_utc_iso(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def public_url(base_url: str, uuid: str) -> str:
    return f"{base_url.rstrip('/')}/e/{uuid}"


def to_value(row: Event, type_label: str, base_url: str) -> EventValue:
    regs = row.registrations
    return EventValue(
        uuid=row.uuid,
        ical_uid=row.ical_uid,
        type_key=row.type_key,
        type_label=type_label,
        title=row.title,
        description=row.description,
        place=row.place,
        start=row.start_at.astimezone(ZONE),
        end=row.end_at.astimezone(ZONE),
        rrule=row.rrule,
        exdates=tuple(from_utc_iso(t).astimezone(ZONE) for t in loads(row.exdates)),
        overrides=tuple(
            OverrideValue(
                o.recurrence_id.astimezone(ZONE),
                o.start_at.astimezone(ZONE),
                o.end_at.astimezone(ZONE),
                o.place,
                o.note,
            )
            for o in row.overrides
        ),
        host=row.host,
        speakers=tuple(loads(row.speakers)),
        audience=row.audience,
        capacity=row.capacity,
        invited_roles=tuple(loads(row.invited_roles)),
        series=row.series,
        catalogue_item_uuids=tuple(loads(row.catalogue_item_uuids)),
        policy_links=links_from_json(row.policy_links),
        status=cast(Status, row.status),
        registered=sum(1 for r in regs if r.status == "registered"),
        waiting=sum(1 for r in regs if r.status == "waiting"),
        checked_in=sum(1 for r in regs if r.checked_in_at is not None and r.status == "registered"),
        attendance=row.attendance,
        qa=tuple(QA(q.get("question", ""), q.get("answer", "")) for q in loads(row.qa)),
        suggestions=tuple(
            Suggestion(s.content, cast(Outcome, s.outcome), s.reason, s.proposer) for s in row.suggestions
        ),
        report_summary=row.report_summary,
        adoption_days=row.adoption_days,
        adoption_start=row.adoption_start,
        adoption_published_on=row.adoption_published_on,
        public_url=public_url(base_url, row.uuid),
        cancel_reason=row.cancel_reason or "",
        all_day=bool(row.all_day),
    )


def registration_value(row: EventRegistration, event_uuid: str) -> RegistrationValue:
    masked_name, masked_phone = PUBLIC_MASKER.mask_table(["姓名", "电话"], [[row.name, row.phone]])[0]
    return RegistrationValue(
        uuid=row.uuid,
        event_uuid=event_uuid,
        name=row.name,
        phone=row.phone,
        role=row.role,
        status=cast(Any, row.status),
        checked_in_at=row.checked_in_at.astimezone(ZONE) if row.checked_in_at else None,
        created_at=row.created_at.astimezone(ZONE),
        masked_name=masked_name,
        masked_phone=masked_phone,
    )


def draft_fields(draft: EventDraft, overrides: Sequence[OverrideValue]) -> dict[str, Any]:
    """The comparable form of a draft (what ``row_fields`` gives for a row holding it)."""
    return {
        "type_key": draft.type_key,
        "title": draft.title.strip(),
        "description": draft.description.strip(),
        "place": draft.place.strip(),
        "start_at": utc_iso(draft.start),
        "end_at": utc_iso(draft.end),
        "rrule": draft.rrule,
        "exdates": sorted({utc_iso(d) for d in draft.exdates}),
        "host": draft.host.strip(),
        "speakers": [s.strip() for s in draft.speakers if s.strip()],
        "audience": draft.audience.strip(),
        "capacity": draft.capacity,
        "invited_roles": list(draft.invited_roles),
        "series": draft.series.strip(),
        "catalogue_item_uuids": list(draft.catalogue_item_uuids),
        "policy_links": links_to_json(draft.policy_links),
        "adoption_days": draft.adoption_days,
        "adoption_start": draft.adoption_start,
        "all_day": draft.all_day,
        "overrides": sorted(
            (utc_iso(o.recurrence_id), utc_iso(o.start), utc_iso(o.end), o.place, o.note) for o in overrides
        ),
    }


def row_fields(row: Event) -> dict[str, Any]:
    return {
        "type_key": row.type_key,
        "title": row.title,
        "description": row.description,
        "place": row.place,
        "start_at": utc_iso(row.start_at),
        "end_at": utc_iso(row.end_at),
        "rrule": row.rrule,
        "exdates": sorted(loads(row.exdates)),
        "host": row.host,
        "speakers": loads(row.speakers),
        "audience": row.audience,
        "capacity": row.capacity,
        "invited_roles": loads(row.invited_roles),
        "series": row.series,
        "catalogue_item_uuids": loads(row.catalogue_item_uuids),
        "policy_links": links_to_json(links_from_json(row.policy_links)),
        "adoption_days": row.adoption_days,
        "adoption_start": row.adoption_start,
        "all_day": bool(row.all_day),
        "overrides": sorted(
            (utc_iso(o.recurrence_id), utc_iso(o.start_at), utc_iso(o.end_at), o.place, o.note)
            for o in row.overrides
        ),
    }


def apply_fields(row: Event, fields: dict[str, Any]) -> None:
    """Write ``draft_fields`` output into ``row`` (overrides replaced only when they differ)."""
    for key in (
        "type_key",
        "title",
        "description",
        "place",
        "rrule",
        "host",
        "audience",
        "capacity",
        "series",
    ):
        setattr(row, key, fields[key])
    row.start_at = from_utc_iso(fields["start_at"])
    row.end_at = from_utc_iso(fields["end_at"])
    row.exdates = dumps(fields["exdates"])
    for key in ("speakers", "invited_roles", "catalogue_item_uuids", "policy_links"):
        setattr(row, key, dumps(fields[key]))
    row.adoption_days = fields["adoption_days"]
    row.adoption_start = fields["adoption_start"]
    row.all_day = fields["all_day"]
    # Update moved occurrences in place by RECURRENCE-ID: replacing the list would INSERT the new rows
    # before DELETEing the old ones and trip the (event, recurrence_id) unique constraint.
    wanted = {rid: (start, end, place, note) for rid, start, end, place, note in fields["overrides"]}
    kept: list[EventOverride] = []
    for o in row.overrides:
        key = utc_iso(o.recurrence_id)
        if key in wanted:
            start, end, place, note = wanted.pop(key)
            o.start_at, o.end_at, o.place, o.note = from_utc_iso(start), from_utc_iso(end), place, note
            kept.append(o)
    kept += [
        EventOverride(
            recurrence_id=from_utc_iso(rid),
            start_at=from_utc_iso(start),
            end_at=from_utc_iso(end),
            place=place,
            note=note,
        )
        for rid, (start, end, place, note) in sorted(wanted.items())
    ]
    if [id(o) for o in kept] != [id(o) for o in row.overrides]:
        row.overrides = kept


def local_iso(d: datetime) -> str:
    """ISO 8601 with the +08:00 offset (the city platform renders these as they are)."""
    return d.astimezone(ZONE).isoformat(timespec="seconds")


def adoption_report(ev: EventValue) -> dict[str, Any]:
    """The masked adoption report (also printed): Q&A, suggestions and what became of each."""
    m = PUBLIC_MASKER
    return {
        "published_on": ev.adoption_published_on.isoformat() if ev.adoption_published_on else None,
        "attendance": ev.attendance,
        "summary": m.mask(ev.report_summary),
        "qa": [{"question": m.mask(q.question), "answer": m.mask(q.answer)} for q in ev.qa],
        "suggestions": [
            {
                "content": m.mask(s.content),
                "proposer": m.mask_name(s.proposer) if s.proposer else "",
                "outcome": s.outcome,
                "outcome_label": OUTCOME_LABELS[s.outcome],
                "reason": m.mask(s.reason),
            }
            for s in ev.suggestions
        ],
    }


def public_payload(ev: EventValue) -> dict[str, Any]:
    """The outbox payload for the city platform (keys fixed with the sync engineer)."""
    m = PUBLIC_MASKER
    return {
        "uuid": ev.uuid,
        "type": ev.type_key,
        "type_label": ev.type_label,
        "title": m.mask(ev.title),
        "description": m.mask(ev.description),
        "place": m.mask(ev.place),
        "start": local_iso(ev.start),
        "end": local_iso(ev.end),
        "rrule": ev.rrule,
        "exdates": [local_iso(d) for d in ev.exdates],
        "host": m.mask(ev.host),
        "speakers": [m.mask(s) for s in ev.speakers],
        "audience": m.mask(ev.audience),
        "capacity": ev.capacity,
        "registered": ev.registered,
        "status": ev.status,
        "public_url": ev.public_url,
        "catalogue_item_uuids": list(ev.catalogue_item_uuids),
        "policy_links": links_to_json(ev.policy_links),
        "adoption_report": adoption_report(ev) if ev.adoption_published_on else None,
    }
