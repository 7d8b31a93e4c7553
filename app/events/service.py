"""The event service (``ctx.events``): plan events, expand the calendar, register people, close events
with their report, and track adoption-report deadlines and yearly targets.

Every action is one transaction: the rows, an audit entry and, when what the city platform shows
changes, an outbox entry whose payload is already masked (``rows.public_payload``). Actors are a
``StaffUser`` (roles enforced) or a system name such as "cli"/"init" for local tooling, like
``HolidayService.import_file``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Collection
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from app import audit, outbox
from app.authz import Action, action, allowed, authorize
from app.clock import ZONE, Clock
from app.errors import InputError, NotFoundError, StateError
from app.events import rows
from app.events.recurrence import MAX_PER_QUERY, Moved, day_window, ends_before, expand, normalise_rule
from app.events.values import (
    BUILTIN_TYPES,
    INTERPRETING_TYPES,
    OUTCOME_LABELS,
    STATUS_LABELS,
    AdoptionDue,
    ClosingReport,
    EventDraft,
    EventTypeValue,
    EventValue,
    ImportReport,
    Occurrence,
    Overlap,
    OverrideValue,
    RegistrationValue,
    SynonymTable,
    TargetProgress,
)
from app.settings import SettingsService
from app.sites import SiteService
from app.uow import read_only, transaction
from app.users import StaffUser
from app.workdays import WorkdayCalendar
from db.base import new_uuid
from db.models import Event, EventRegistration, EventSuggestion, EventTarget, EventType, EventTypeSynonym

log = logging.getLogger(__name__)
Actor = StaffUser | str
_PHONE_DIGITS = re.compile(r"\d")


def _name(actor: Actor) -> str:
    return actor.name if isinstance(actor, StaffUser) else actor


def _load() -> Any:
    return (
        selectinload(Event.overrides),
        selectinload(Event.registrations),
        selectinload(Event.suggestions),
    )


class EventService:
    """See the module docstring; public methods return frozen values from app.events.values."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        clock: Clock,
        settings: SettingsService,
        workdays: Callable[[], WorkdayCalendar],
        sites: SiteService,
    ) -> None:
        self._sf = session_factory
        self._clock = clock
        self._settings = settings
        self._workdays = workdays
        self._sites = sites

    # -- types -----------------------------------------------------------------------------------

    def seed_types(self, session: Session) -> None:
        """Add any missing built-in type (idempotent; labels an admin changed are kept)."""
        have = set(session.execute(select(EventType.key)).scalars())
        for order, (key, label) in enumerate(BUILTIN_TYPES):
            if key not in have:
                session.add(EventType(key=key, label=label, builtin=True, sort_order=order))
        session.flush()

    def types(self, *, include_inactive: bool = False) -> list[EventTypeValue]:
        with read_only(self._sf) as session:
            q = select(EventType).order_by(EventType.sort_order, EventType.id)
            return [
                EventTypeValue(t.key, t.label, t.builtin, t.active)
                for t in session.execute(q).scalars()
                if include_inactive or t.active
            ]

    def add_type(self, actor: Actor, label: str) -> EventTypeValue:
        """A custom event type (e.g. 政策评价座谈) an admin adds; its key is generated."""
        authorize(actor, "event_type.add")
        label = label.strip()
        if not label:
            raise InputError("活动类型名称：不能为空")
        with transaction(self._sf) as session:
            if session.execute(select(EventType).where(EventType.label == label)).scalar():
                raise InputError(f"活动类型名称：“{label}”已存在")
            row = EventType(key="custom_" + new_uuid()[:8], label=label, builtin=False, sort_order=1000)
            session.add(row)
            session.flush()
            audit.record(
                session,
                actor=_name(actor),
                action="event_type.add",
                entity="event_type",
                entity_uuid=row.uuid,
                detail={"label": label},
            )
            return EventTypeValue(row.key, row.label, False, True)

    def _labels(self, session: Session) -> dict[str, str]:
        return {t.key: t.label for t in session.execute(select(EventType)).scalars()}

    # -- events ----------------------------------------------------------------------------------

    def _base_url(self) -> str:
        return str(self._settings.get("public_base_url"))

    def _value(
        self, session: Session, row: Event, labels: dict[str, str] | None = None, base_url: str | None = None
    ) -> EventValue:
        """A row as a value; lists pass ``labels`` and ``base_url`` read once (not once per row)."""
        labels = labels if labels is not None else self._labels(session)
        base = base_url if base_url is not None else self._base_url()
        return rows.to_value(row, labels.get(row.type_key, row.type_key), base)

    def _row(self, session: Session, uuid: str) -> Event:
        row = session.execute(select(Event).where(Event.uuid == uuid).options(*_load())).scalar()
        if row is None:
            raise NotFoundError(f"活动 {uuid} 不存在")
        return row

    def _validate(self, session: Session, draft: EventDraft, where: str = "") -> EventDraft:
        pre = f"{where}：" if where else ""
        problems: list[str] = []
        if not draft.title.strip():
            problems.append(f"{pre}标题：不能为空")
        if session.execute(select(EventType).where(EventType.key == draft.type_key)).scalar() is None:
            problems.append(f"{pre}活动类型：未知类型“{draft.type_key}”")
        if draft.start.tzinfo is None or draft.end.tzinfo is None:
            raise ValueError("EventDraft times must be aware")
        if draft.end <= draft.start:
            problems.append(f"{pre}结束时间：应晚于开始时间")
        if draft.all_day and not _midnights(draft.start, draft.end):
            problems.append(f"{pre}全天活动：开始和结束应为当地零点（结束日为最后一天的次日）")
        if draft.capacity is not None and draft.capacity < 0:
            problems.append(f"{pre}名额：应为非负整数，实为 {draft.capacity}")
        if not 0 < draft.adoption_days <= 60:
            problems.append(f"{pre}采纳情况公开时限：应为 1–60 个工作日，实为 {draft.adoption_days}")
        if problems:
            if len(problems) == 1:
                raise InputError(problems[0])
            raise InputError(f"{pre}活动信息有误", problems)
        if draft.rrule:
            return replace(draft, rrule=normalise_rule(draft.rrule, draft.start, f"{pre}重复规则"))
        return replace(draft, rrule=None)

    def _enqueue(self, session: Session, row: Event) -> None:
        session.flush()
        payload = rows.public_payload(self._value(session, row))
        outbox.enqueue(session, entity="event", entity_uuid=row.uuid, op="upsert", payload=payload)

    def create(self, actor: Actor, draft: EventDraft, *, ical_uid: str | None = None) -> EventValue:
        """Plan a new event (or series). UID defaults to the event's UUID."""
        authorize(actor, "event.create")
        with transaction(self._sf) as session:
            draft = self._validate(session, draft)
            uuid = new_uuid()
            row = Event(uuid=uuid, ical_uid=ical_uid or uuid, created_by=_name(actor), status="planned")
            rows.apply_fields(row, rows.draft_fields(draft, ()))
            session.add(row)
            session.flush()
            audit.record(
                session,
                actor=_name(actor),
                action="event.create",
                entity="event",
                entity_uuid=uuid,
                detail={"title": row.title, "type": row.type_key, "rrule": row.rrule},
            )
            self._enqueue(session, row)
            return self._value(session, row)

    def update(self, actor: Actor, uuid: str, draft: EventDraft) -> EventValue:
        """Change an event's details (moved occurrences are kept); closed events cannot change."""
        authorize(actor, "event.update")
        with transaction(self._sf) as session:
            row = self._row(session, uuid)
            if row.status == "closed":
                raise StateError(f"活动“{row.title}”已结束并提交报告，不能再修改")
            if row.status == "cancelled":
                raise StateError(f"活动“{row.title}”已取消，不能再修改")
            draft = self._validate(session, draft)
            current = rows.to_value(row, "", "")
            before = rows.row_fields(row)
            after = rows.draft_fields(draft, current.overrides)
            if before == after:
                return self._value(session, row)
            rows.apply_fields(row, after)
            self._promote(row)
            audit.record(
                session,
                actor=_name(actor),
                action="event.update",
                entity="event",
                entity_uuid=uuid,
                detail={k: str(after[k]) for k in after if after[k] != before[k]},
            )
            self._enqueue(session, row)
            return self._value(session, row)

    def find(self, ident: str) -> EventValue:
        """An event by UUID, iCalendar UID or a unique UUID prefix (at least 4 characters; for the CLI)."""
        ident = ident.strip()
        with read_only(self._sf) as session:
            row = session.execute(
                select(Event).where(or_(Event.uuid == ident, Event.ical_uid == ident)).options(*_load())
            ).scalar()
            if row is None and len(ident) >= 4:
                found = list(
                    session.execute(
                        select(Event).where(Event.uuid.startswith(ident)).options(*_load())
                    ).scalars()
                )
                if len(found) > 1:
                    raise InputError(f"ID：“{ident}”对应 {len(found)} 个活动，请给出更长的 ID")
                row = found[0] if found else None
            if row is None:
                raise NotFoundError(f"ID：没有 UUID 或 UID 为“{ident}”的活动")
            return self._value(session, row)

    def get(self, uuid: str) -> EventValue:
        with read_only(self._sf) as session:
            return self._value(session, self._row(session, uuid))

    def all(self) -> list[EventValue]:
        """Every event, newest first (for the staff list and exports)."""
        with read_only(self._sf) as session:
            labels = self._labels(session)
            q = select(Event).options(*_load()).order_by(Event.start_at.desc())
            base = self._base_url()
            return [self._value(session, r, labels, base) for r in session.execute(q).scalars()]

    def cancel_occurrence(self, actor: Actor, uuid: str, occurrence_start: datetime) -> EventValue:
        """Drop one occurrence of a series (an EXDATE), e.g. the Tuesday in the National Day holiday."""
        authorize(actor, "event.cancel_occurrence")
        with transaction(self._sf) as session:
            row = self._row(session, uuid)
            if row.rrule is None:
                raise StateError(f"活动“{row.title}”不是重复活动")
            stamp = rows.utc_iso(occurrence_start)
            exdates = set(rows.loads(row.exdates))
            if stamp in exdates:
                return self._value(session, row)
            row.exdates = rows.dumps(sorted(exdates | {stamp}))
            row.overrides = [o for o in row.overrides if rows.utc_iso(o.recurrence_id) != stamp]
            audit.record(
                session,
                actor=_name(actor),
                action="event.exdate",
                entity="event",
                entity_uuid=uuid,
                detail={"occurrence": rows.local_iso(occurrence_start)},
            )
            self._enqueue(session, row)
            return self._value(session, row)

    def move_occurrence(
        self,
        actor: Actor,
        uuid: str,
        occurrence_start: datetime,
        new_start: datetime,
        new_end: datetime,
        *,
        place: str = "",
        note: str = "",
    ) -> EventValue:
        """Move one occurrence of a series (RECURRENCE-ID) to another time and optionally place."""
        authorize(actor, "event.move_occurrence")
        if new_end <= new_start:
            raise InputError("结束时间：应晚于开始时间")
        with transaction(self._sf) as session:
            row = self._row(session, uuid)
            if row.rrule is None:
                raise StateError(f"活动“{row.title}”不是重复活动，请直接修改活动时间")
            if row.status == "cancelled":
                raise StateError(f"活动“{row.title}”已取消，不能调整")
            value = rows.to_value(row, "", "")
            overrides = [o for o in value.overrides if o.recurrence_id != occurrence_start]
            overrides.append(OverrideValue(occurrence_start, new_start, new_end, place.strip(), note.strip()))
            fields = rows.row_fields(row)
            fields["overrides"] = rows.draft_fields(self._draft_of(value), overrides)["overrides"]
            rows.apply_fields(row, fields)
            audit.record(
                session,
                actor=_name(actor),
                action="event.move",
                entity="event",
                entity_uuid=uuid,
                detail={"occurrence": rows.local_iso(occurrence_start), "to": rows.local_iso(new_start)},
            )
            self._enqueue(session, row)
            return self._value(session, row)

    def cancel(self, actor: Actor, uuid: str, reason: str) -> EventValue:
        """Call off a whole event or series (planned → cancelled) with the reason people are told.

        The row stays (nothing is deleted); the calendar keeps showing it as 已取消 and the city
        platform receives the status "cancelled", so nobody turns up to an event that is not held.
        """
        authorize(actor, "event.cancel")
        reason = reason.strip()
        if not reason:
            raise InputError("取消原因：不能为空（将告知已报名的群众）")
        with transaction(self._sf) as session:
            row = self._row(session, uuid)
            if row.status == "cancelled":
                return self._value(session, row)
            if row.status != "planned":
                raise StateError(f"活动“{row.title}”{STATUS_LABELS[row.status]}，只有计划中的活动可以取消")
            if row.rrule is not None and row.start_at <= self._clock.now():
                # Occurrences already held stay held: a running series is stopped by its end date.
                raise StateError(
                    f"重复活动“{row.title}”已开始举行，请在“编辑活动”中修改重复截止日期以停止以后的活动"
                )
            row.status = "cancelled"
            row.cancel_reason = reason
            row.cancelled_at = self._clock.now()
            audit.record(
                session,
                actor=_name(actor),
                action="event.cancel",
                entity="event",
                entity_uuid=uuid,
                detail={"title": row.title, "reason": reason},
            )
            self._enqueue(session, row)
            return self._value(session, row)

    @staticmethod
    def _draft_of(ev: EventValue) -> EventDraft:
        return EventDraft(
            type_key=ev.type_key,
            title=ev.title,
            start=ev.start,
            end=ev.end,
            place=ev.place,
            description=ev.description,
            rrule=ev.rrule,
            exdates=ev.exdates,
            host=ev.host,
            speakers=ev.speakers,
            audience=ev.audience,
            capacity=ev.capacity,
            invited_roles=ev.invited_roles,
            series=ev.series,
            catalogue_item_uuids=ev.catalogue_item_uuids,
            policy_links=ev.policy_links,
            adoption_days=ev.adoption_days,
            adoption_start=ev.adoption_start,
            all_day=ev.all_day,
        )

    def draft_of(self, uuid: str) -> EventDraft:
        """The event as an editable draft (what the edit dialog starts from)."""
        return self._draft_of(self.get(uuid))

    # -- the calendar ----------------------------------------------------------------------------

    def occurrences(self, start: date, end: date, types: set[str] | None = None) -> list[Occurrence]:
        """Every occurrence on the civil dates ``start``..``end`` (inclusive), expanded and sorted."""
        ws, we = day_window(start, end)
        return self._occurrences(ws, we, types)

    def _occurrences(
        self, ws: datetime, we: datetime, types: set[str] | None, only: Any = None
    ) -> list[Occurrence]:
        with read_only(self._sf) as session:
            labels = self._labels(session)
            q = (
                select(Event)
                .options(selectinload(Event.overrides))
                .where(
                    or_(
                        and_(Event.rrule.is_(None), Event.start_at < we, Event.end_at > ws),
                        and_(Event.rrule.is_not(None), Event.start_at < we),
                    )
                )
            )
            if types is not None:
                q = q.where(Event.type_key.in_(types))
            if only is not None:
                q = q.where(only)
            out: list[Occurrence] = []
            for row in session.execute(q).scalars():
                if row.rrule and ends_before(row.rrule, ws - timedelta(days=1)):
                    continue  # a series that ended before the range: nothing to expand
                moved = (
                    {o.recurrence_id: Moved(o.start_at, o.end_at, o.place) for o in row.overrides}
                    if row.rrule
                    else None
                )
                exdates = [rows.from_utc_iso(t) for t in rows.loads(row.exdates)] if row.rrule else []
                label = labels.get(row.type_key, row.type_key)
                if len(out) >= MAX_PER_QUERY:
                    log.warning("occurrence query capped at %d (%s .. %s)", MAX_PER_QUERY, ws, we)
                    break
                for inst in expand(row.start_at, row.end_at, row.rrule, ws, we, exdates=exdates, moved=moved):
                    out.append(
                        Occurrence(
                            event_uuid=row.uuid,
                            start=inst.start,
                            end=inst.end,
                            type=row.type_key,
                            type_label=label,
                            title=row.title,
                            place=inst.place or row.place,
                            status=row.status,  # type: ignore[arg-type]
                            recurring=row.rrule is not None,
                            moved=inst.moved,
                            recurrence_id=inst.recurrence_id,
                            uid=row.ical_uid,
                            all_day=bool(row.all_day),
                        )
                    )
        out.sort(key=lambda o: (o.start, o.title))
        return out

    def upcoming(self, now: datetime, limit: int = 10) -> list[Occurrence]:
        """The next occurrences not yet over and not cancelled (for the kiosk: titles, times, places)."""
        found: list[Occurrence] = []
        horizon = 31
        while horizon <= 400:
            found = [
                o
                for o in self._occurrences(now, now + timedelta(days=horizon), None)
                if o.end > now and o.status != "cancelled"
            ]
            if len(found) >= limit:
                break
            horizon *= 4
        return found[:limit]

    def interpreting(
        self, document_uuid: str, event_uuids: Collection[str], now: datetime, *, limit: int = 3
    ) -> list[Occurrence]:
        """The next occurrences (not over, not cancelled, within half a year) of the events that
        interpret a policy document on site: events of type 现场政策解读 or 办事流程演示 linking it by
        UUID, and the events its 现场演示 interpretations name (``event_uuids``, of any type)."""
        if not document_uuid:
            return []
        # The JSON column is narrowed with LIKE and checked exactly below (a UUID never occurs by
        # chance inside another value).
        linking = and_(Event.type_key.in_(INTERPRETING_TYPES), Event.policy_links.contains(document_uuid))
        named = [u for u in event_uuids if u]
        only = or_(linking, Event.uuid.in_(named)) if named else linking
        found = [
            o
            for o in self._occurrences(now, now + timedelta(days=183), None, only)
            if o.end > now and o.status != "cancelled"
        ]
        if found:
            with read_only(self._sf) as session:
                links = dict(
                    session.execute(
                        select(Event.uuid, Event.policy_links).where(
                            Event.uuid.in_({o.event_uuid for o in found})
                        )
                    ).all()
                )
            found = [
                o
                for o in found
                if o.event_uuid in named
                or any(link.uuid == document_uuid for link in rows.links_from_json(links[o.event_uuid]))
            ]
        return found[:limit]

    def overlaps(self, start: date, end: date) -> list[Overlap]:
        """Pairs of occurrences in the same place (room) at the same time."""
        return overlaps_in(self.occurrences(start, end))

    def actions(
        self,
        user: StaffUser | None,
        uuid: str | None,
        occurrence_start: datetime | None = None,
        occurrence_end: datetime | None = None,
    ) -> list[Action]:
        """What ``user`` may do to the event (and to the chosen occurrence of a series) now, in the
        order of ``ACTIONS`` (the detail pane's buttons and the occurrences' context menu).

        Without an event (``uuid`` None): what the user may do on the calendar as a whole —
        event.create (新建活动, also a double-click on an empty day), event.import, event.target and
        event_type.synonyms (whose table the others may still read)."""
        if uuid is None:
            return [
                action("event.create", "新建活动", True, user, "event.create"),
                action("event.import", "导入 .ics", True, user, "event.import"),
                action("event.target", "设置年度目标…", True, user, "event.target"),
                action("event_type.synonyms", "类型同义词…", True, user, "event_type.synonyms"),
            ]
        ev = self.get(uuid)
        occurrence_start = occurrence_start or ev.start
        occurrence_end = occurrence_end or ev.end
        now = self._clock.now()
        started = occurrence_start <= now
        live = ev.status == "planned"
        series = ev.recurring
        return [
            action(
                "event.update", "编辑活动", ev.status not in ("closed", "cancelled"), user, "event.update"
            ),
            action(
                "event.register",
                "报名与签到",
                ev.status not in ("closed", "cancelled"),
                user,
                "event.register",
            ),
            action("event.mark_held", "登记已举办", live and started and not series, user, "event.mark_held"),
            action(
                "event.close",
                "总结报告与采纳情况",
                started and not series and ev.status != "cancelled" and ev.adoption_published_on is None,
                user,
                "event.close",
            ),
            action(
                "event.publish_adoption",
                "公开采纳情况",
                ev.status == "closed" and ev.adoption_published_on is None,
                user,
                "event.publish_adoption",
                question="确认已公开“{title}”的意见建议采纳情况？公开后报告不能再修改。",
            ),
            action(
                "event.move_occurrence",
                "调整本次时间",
                live and series and occurrence_end > now,
                user,
                "event.move_occurrence",
            ),
            action(
                "event.cancel_occurrence",
                "取消本次（重复活动）",
                live and series and occurrence_start > now,
                user,
                "event.cancel_occurrence",
                question="取消“{title}”的这一次活动？已取消的一次不能恢复。",
            ),
            action(
                "event.cancel",
                "取消整个活动",
                live and not (series and ev.start <= now),
                user,
                "event.cancel",
            ),
            Action("event.poster", "打印海报", True),
            Action("event.signin", "打印签到表", True),
            Action("event.adoption_report", "打印采纳情况", ev.status == "closed"),
        ]

    def conflicts(self, draft: EventDraft, exclude_uuid: str | None = None) -> list[Occurrence]:
        """Occurrences of other events in the draft's place that overlap the draft's first occurrences
        (the next 180 days of a series), so the dialog can warn before saving."""
        if not draft.place.strip() or draft.end <= draft.start:
            return []
        rule = None
        if draft.rrule:
            try:
                rule = normalise_rule(draft.rrule, draft.start)
            except InputError:
                return []
        ws, we = draft.start, draft.start + timedelta(days=180 if rule else 1)
        mine = expand(draft.start, draft.end, rule, ws - timedelta(days=1), we, exdates=draft.exdates)
        others = [
            o
            for o in self._occurrences(ws - timedelta(days=1), we + timedelta(days=1), None)
            if o.event_uuid != exclude_uuid
            and o.status != "cancelled"
            and _room(o.place) == _room(draft.place)
        ]
        return [o for o in others if any(m.start < o.end and o.start < m.end for m in mine)]

    # -- registrations ---------------------------------------------------------------------------

    def register(
        self, actor: Actor, event_uuid: str, name: str, phone: str = "", role: str = ""
    ) -> RegistrationValue:
        """Sign someone up; over capacity they go on the waiting list (status "waiting")."""
        authorize(actor, "event.register")
        name = name.strip()
        phone = phone.strip()
        if not name:
            raise InputError("姓名：不能为空")
        digits = len(_PHONE_DIGITS.findall(phone))
        if phone and not 7 <= digits <= 13:
            raise InputError(f"电话：应为手机号或带区号的座机号，实为“{phone}”")
        with transaction(self._sf) as session:
            row = self._row(session, event_uuid)
            if row.status == "closed":
                raise StateError(f"活动“{row.title}”已结束，不能再报名")
            if row.status == "cancelled":
                raise StateError(f"活动“{row.title}”已取消，不能再报名")
            taken = sum(1 for r in row.registrations if r.status == "registered")
            full = row.capacity is not None and taken >= row.capacity
            reg = EventRegistration(
                event=row,
                name=name,
                phone=phone,
                role=role.strip(),
                status="waiting" if full else "registered",
            )
            session.add(reg)
            session.flush()
            audit.record(
                session,
                actor=_name(actor),
                action="event.register",
                entity="event_registration",
                entity_uuid=reg.uuid,
                detail={"event": event_uuid, "status": reg.status},
            )
            self._enqueue(session, row)
            return rows.registration_value(reg, event_uuid)

    def _reg(self, session: Session, uuid: str) -> EventRegistration:
        reg = session.execute(select(EventRegistration).where(EventRegistration.uuid == uuid)).scalar()
        if reg is None:
            raise NotFoundError(f"报名记录 {uuid} 不存在")
        return reg

    @staticmethod
    def _promote(row: Event) -> list[EventRegistration]:
        """Move people from the waiting list (first come, first served) into free places."""
        promoted: list[EventRegistration] = []
        taken = sum(1 for r in row.registrations if r.status == "registered")
        for r in row.registrations:
            if r.status == "waiting" and (row.capacity is None or taken < row.capacity):
                r.status = "registered"
                taken += 1
                promoted.append(r)
        return promoted

    def cancel_registration(self, actor: Actor, registration_uuid: str) -> RegistrationValue | None:
        """Cancel (the row stays, status "cancelled"); returns whoever moved up from the waiting list."""
        authorize(actor, "event.cancel_registration")
        with transaction(self._sf) as session:
            reg = self._reg(session, registration_uuid)
            if reg.status == "cancelled":
                return None
            reg.status = "cancelled"
            row = self._row(session, reg.event.uuid)
            promoted = self._promote(row)
            audit.record(
                session,
                actor=_name(actor),
                action="event.cancel_registration",
                entity="event_registration",
                entity_uuid=reg.uuid,
                detail={"promoted": [p.uuid for p in promoted]},
            )
            self._enqueue(session, row)
            return rows.registration_value(promoted[0], row.uuid) if promoted else None

    def check_in(self, actor: Actor, registration_uuid: str) -> RegistrationValue:
        """Record that a registered person arrived (签到)."""
        authorize(actor, "event.check_in")
        with transaction(self._sf) as session:
            reg = self._reg(session, registration_uuid)
            if reg.status != "registered":
                raise StateError(f"“{reg.name}”的报名状态为{reg.status}，不能签到")
            if reg.checked_in_at is None:
                reg.checked_in_at = self._clock.now()
                audit.record(
                    session,
                    actor=_name(actor),
                    action="event.check_in",
                    entity="event_registration",
                    entity_uuid=reg.uuid,
                    detail={"event": reg.event.uuid},
                )
            return rows.registration_value(reg, reg.event.uuid)

    def registrations(self, event_uuid: str) -> list[RegistrationValue]:
        """Everyone who signed up, in order (originals: staff view only)."""
        with read_only(self._sf) as session:
            row = self._row(session, event_uuid)
            return [rows.registration_value(r, row.uuid) for r in row.registrations]

    # -- holding and closing -----------------------------------------------------------------------

    def mark_held(self, actor: Actor, uuid: str) -> EventValue:
        """planned → held, once the event has started."""
        authorize(actor, "event.mark_held")
        with transaction(self._sf) as session:
            row = self._row(session, uuid)
            if row.status != "planned":
                return self._value(session, row)
            if row.start_at > self._clock.now():
                raise StateError(f"活动“{row.title}”尚未开始，不能登记为已举办")
            row.status = "held"
            audit.record(session, actor=_name(actor), action="event.held", entity="event", entity_uuid=uuid)
            self._enqueue(session, row)
            return self._value(session, row)

    def close(self, actor: Actor, uuid: str, report: ClosingReport) -> EventValue:
        """Record the closing report (→ closed). Calling it again amends the report until the adoption
        report is published."""
        authorize(actor, "event.close")
        problems: list[str] = []
        if report.attendance < 0:
            problems.append(f"参加人数：应为非负整数，实为 {report.attendance}")
        for i, s in enumerate(report.suggestions, start=1):
            if not s.content.strip():
                problems.append(f"意见建议第 {i} 条：内容不能为空")
            if s.outcome not in OUTCOME_LABELS:
                problems.append(
                    f"意见建议第 {i} 条：采纳情况应为 {'/'.join(OUTCOME_LABELS)}，实为“{s.outcome}”"
                )
            elif s.outcome in ("partly", "not_adopted") and not s.reason.strip():
                problems.append(f"意见建议第 {i} 条：{OUTCOME_LABELS[s.outcome]}须说明理由（要点二(二)）")
        if report.adoption_days is not None and not 0 < report.adoption_days <= 60:
            problems.append(f"采纳情况公开时限：应为 1–60 个工作日，实为 {report.adoption_days}")
        if problems:
            raise InputError("活动总结报告有误", problems)
        with transaction(self._sf) as session:
            row = self._row(session, uuid)
            if row.status == "cancelled":
                raise StateError(f"活动“{row.title}”已取消，没有总结报告")
            if row.start_at > self._clock.now():
                raise StateError(f"活动“{row.title}”尚未开始，不能提交总结报告")
            if row.adoption_published_on is not None:
                raise StateError(
                    f"活动“{row.title}”的采纳情况已于 {row.adoption_published_on} 公开，不能再修改报告"
                )
            row.status = "closed"
            row.attendance = report.attendance
            row.qa = rows.dumps(
                [{"question": q.question.strip(), "answer": q.answer.strip()} for q in report.qa]
            )
            row.report_summary = report.summary.strip()
            row.closed_at = self._clock.now()
            if report.policy_release_date is not None:
                row.adoption_start = report.policy_release_date
            if report.adoption_days is not None:
                row.adoption_days = report.adoption_days
            row.suggestions = [
                EventSuggestion(
                    seq=i,
                    content=s.content.strip(),
                    proposer=s.proposer.strip(),
                    outcome=s.outcome,
                    reason=s.reason.strip(),
                )
                for i, s in enumerate(report.suggestions, start=1)
            ]
            audit.record(
                session,
                actor=_name(actor),
                action="event.close",
                entity="event",
                entity_uuid=uuid,
                detail={"attendance": report.attendance, "suggestions": len(report.suggestions)},
            )
            self._enqueue(session, row)
            return self._value(session, row)

    def publish_adoption(self, actor: Actor, uuid: str) -> EventValue:
        """Mark the adoption report published today; the city platform receives it (masked)."""
        authorize(actor, "event.publish_adoption")
        with transaction(self._sf) as session:
            row = self._row(session, uuid)
            if row.status != "closed":
                raise StateError(f"活动“{row.title}”尚未提交总结报告")
            if row.adoption_published_on is None:
                row.adoption_published_on = self._clock.today()
                audit.record(
                    session,
                    actor=_name(actor),
                    action="event.publish_adoption",
                    entity="event",
                    entity_uuid=uuid,
                )
                self._enqueue(session, row)
            return self._value(session, row)

    def adoption_deadline(self, ev: EventValue) -> tuple[date, date, bool]:
        """(start date, due date, provisional) of an event's adoption report.

        Seed 二(二): "政策出台后10个工作日内向社会详细公开前期意见的收集、采纳情况". The start is the policy
        release date the admin entered, else the day the event ended; N is the event's ``adoption_days``.
        """
        start = ev.adoption_start or ev.end.astimezone(ZONE).date()
        result = self._workdays().add(start, ev.adoption_days)
        return start, result.date, result.provisional

    def adoption_due(self, today: date) -> list[AdoptionDue]:
        """Unpublished adoption reports of closed events with suggestions, soonest first."""
        out: list[AdoptionDue] = []
        for ev in self._closed_with_suggestions():
            start, due, provisional = self.adoption_deadline(ev)
            out.append(
                AdoptionDue(
                    ev.uuid,
                    ev.title,
                    start,
                    ev.adoption_days,
                    due,
                    provisional,
                    today > due,
                    len(ev.suggestions),
                )
            )
        out.sort(key=lambda a: a.due)
        return out

    def _closed_with_suggestions(self) -> list[EventValue]:
        with read_only(self._sf) as session:
            labels = self._labels(session)
            q = (
                select(Event)
                .options(*_load())
                .where(
                    Event.status == "closed",
                    Event.adoption_published_on.is_(None),
                    Event.suggestions.any(),  # in SQL: years of closed events without any are skipped
                )
            )
            base = self._base_url()
            return [self._value(session, r, labels, base) for r in session.execute(q).scalars()]

    def closing_reports_due(self, today: date) -> list[EventValue]:
        """Single events that have ended (by ``today``) but have no closing report yet."""
        # Today's events count once they are over; other days' by the end of that day.
        cutoff = self._clock.now() if today == self._clock.today() else day_window(today, today)[1]
        with read_only(self._sf) as session:
            labels = self._labels(session)
            q = (
                select(Event)
                .options(*_load())
                .where(
                    Event.rrule.is_(None),
                    Event.status.not_in(("closed", "cancelled")),
                    Event.end_at <= cutoff,
                )
                .order_by(Event.start_at)
            )
            base = self._base_url()
            return [self._value(session, r, labels, base) for r in session.execute(q).scalars()]

    # -- targets ---------------------------------------------------------------------------------

    def set_target(self, actor: Actor, year: int, type_key: str, target: int) -> None:
        """The yearly count to reach for one type (e.g. 5 policy evaluations; seed 二(三))."""
        authorize(actor, "event.target")
        if target < 0:
            raise InputError(f"年度目标：应为非负整数，实为 {target}")
        with transaction(self._sf) as session:
            if session.execute(select(EventType).where(EventType.key == type_key)).scalar() is None:
                raise InputError(f"活动类型：未知类型“{type_key}”")
            row = session.execute(
                select(EventTarget).where(EventTarget.year == year, EventTarget.type_key == type_key)
            ).scalar()
            if row is None:
                session.add(EventTarget(year=year, type_key=type_key, target=target))
            elif row.target == target:
                return
            else:
                row.target = target
            audit.record(
                session,
                actor=_name(actor),
                action="event.target",
                entity="event_target",
                detail={"year": year, "type": type_key, "target": target},
            )

    def targets(self, year: int) -> list[TargetProgress]:
        """Progress per type: held single events (status held/closed) plus ended occurrences of series."""
        now = self._clock.now()
        held: dict[str, int] = {}
        for occ in self.occurrences(date(year, 1, 1), date(year, 12, 31)):
            if occ.start.year != year or occ.status == "cancelled":
                continue
            done = occ.status in ("held", "closed") if not occ.recurring else occ.end <= now
            if done:
                held[occ.type] = held.get(occ.type, 0) + 1
        with read_only(self._sf) as session:
            goals = {
                t.type_key: t.target
                for t in session.execute(select(EventTarget).where(EventTarget.year == year)).scalars()
            }
        return [
            TargetProgress(year, t.key, t.label, goals[t.key], held.get(t.key, 0))
            for t in self.types(include_inactive=True)
            if goals.get(t.key, 0) > 0
        ]

    # -- iCalendar -------------------------------------------------------------------------------

    def export_ics(self, path: Path, start: date | None = None, end: date | None = None) -> int:
        """Write the events with an occurrence in [start, end] (all when open) to ``path``; returns count."""
        events = self.all()
        if start is not None or end is not None:
            first = start or date(1970, 1, 1)
            last = end or date(9000, 12, 31)
            keep = {o.event_uuid for o in self.occurrences(first, last)}
            events = [e for e in events if e.uuid in keep]
        events.sort(key=lambda e: (e.start, e.ical_uid))
        from app.events import ics  # imported on first use: keeps start-up fast (bench/startup.py)

        data = ics.build(events, dtstamp=self._clock.now().replace(microsecond=0).astimezone(UTC))
        path.write_bytes(data)
        return len(events)

    def import_ics(self, path: Path, *, actor: Actor) -> ImportReport:
        """Import a .ics file: new UIDs become events, known UIDs are updated when they differ.

        The file is checked completely before anything is written; one transaction for all of it.
        """
        authorize(actor, "event.import")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}：无法读取（{exc.strerror}）") from None
        with read_only(self._sf) as session:
            labels = self._labels(session)
        from app.events import ics  # imported on first use: keeps start-up fast (bench/startup.py)

        parsed = ics.parse(data, path.name, labels, dict(self.synonyms()))
        created = updated = unchanged = 0
        with transaction(self._sf) as session:
            for p in parsed:
                draft = EventDraft(
                    type_key=p.type_key,
                    title=p.title,
                    start=p.start,
                    end=p.end,
                    place=p.place,
                    description=p.description,
                    rrule=p.rrule,
                    exdates=p.exdates,
                    host=p.host,
                    speakers=p.speakers,
                    audience=p.audience,
                    capacity=p.capacity,
                    invited_roles=p.invited_roles,
                    series=p.series,
                    catalogue_item_uuids=p.catalogue_item_uuids,
                    policy_links=p.policy_links,
                    adoption_days=p.adoption_days,
                    all_day=p.all_day,
                )
                draft = self._validate(session, draft, f"{path.name} 第 {p.line} 行（UID {p.uid}）")
                overrides = [
                    OverrideValue(o.recurrence_id, o.start, o.end, o.place, o.note) for o in p.overrides
                ]
                row = session.execute(select(Event).where(Event.ical_uid == p.uid).options(*_load())).scalar()
                if row is not None:
                    # adoption_start is local bookkeeping, not in the file: keep it.
                    draft = replace(draft, adoption_start=row.adoption_start)
                fields = rows.draft_fields(draft, overrides)
                if row is None:
                    row = Event(uuid=new_uuid(), ical_uid=p.uid, created_by=_name(actor), status="planned")
                    rows.apply_fields(row, fields)
                    session.add(row)
                    created += 1
                elif rows.row_fields(row) == fields:
                    unchanged += 1
                    continue
                elif row.status == "closed":
                    raise StateError(
                        f"{path.name} 第 {p.line} 行：活动“{row.title}”已结束并提交报告，不能被导入覆盖"
                    )
                else:
                    rows.apply_fields(row, fields)
                    updated += 1
                session.flush()
                self._enqueue(session, row)
            audit.record(
                session,
                actor=_name(actor),
                action="event.import_ics",
                entity="event",
                detail={"file": path.name, "created": created, "updated": updated, "unchanged": unchanged},
            )
        notes = tuple(p.note for p in parsed if p.note)
        return ImportReport(created, updated, unchanged, tuple(p.uid for p in parsed), notes)

    def subscription_ics(self, path: Path, *, past_days: int = 30) -> int:
        """The zone's public calendar as a subscription file (masked; no registrations); returns count.

        Events with an occurrence from ``past_days`` ago on are included, so a phone shows what is
        coming and what just happened; cancelled ones stay, marked CANCELLED.
        """
        today = self._clock.today()
        keep = {
            o.event_uuid
            for o in self.occurrences(today - timedelta(days=past_days), today + timedelta(days=730))
        }
        events = sorted((e for e in self.all() if e.uuid in keep), key=lambda e: (e.start, e.ical_uid))
        from app.events import ics  # imported on first use: keeps start-up fast (bench/startup.py)

        site = self._sites.get()
        name = f"{site.name}政务公开专区活动" if site else "政务公开专区活动"
        data = ics.build_public(
            events,
            dtstamp=self._clock.now().replace(microsecond=0).astimezone(UTC),
            calendar_name=name,
            mask=rows.PUBLIC_MASKER.mask,
        )
        path.write_bytes(data)
        return len(events)

    # -- event-type synonyms (CATEGORIES names in calendar files) ---------------------------------

    def synonyms(self) -> list[tuple[str, str]]:
        """(name, type key) pairs: what CATEGORIES names in imported files mean."""
        with read_only(self._sf) as session:
            q = select(EventTypeSynonym).order_by(EventTypeSynonym.type_key, EventTypeSynonym.id)
            return [(s.name, s.type_key) for s in session.execute(q).scalars()]

    @staticmethod
    def may_edit_synonyms(actor: Actor) -> bool:
        """Administrators keep the table; everyone else may read it (to see why a file's 开放日活动
        became 政府开放日)."""
        return allowed(actor, "event_type.synonyms")

    def synonym_table(self, actor: Actor) -> SynonymTable:
        """Everything the synonym dialog shows, in one read."""
        with read_only(self._sf) as session:
            q = select(EventTypeSynonym).order_by(EventTypeSynonym.type_key, EventTypeSynonym.id)
            pairs = tuple((s.name, s.type_key) for s in session.execute(q).scalars())
            tq = (
                select(EventType)
                .where(EventType.active.is_(True))
                .order_by(EventType.sort_order, EventType.id)
            )
            types = tuple((t.key, t.label) for t in session.execute(tq).scalars())
        return SynonymTable(pairs, types, self.may_edit_synonyms(actor))

    def set_synonyms(self, actor: Actor, pairs: list[tuple[str, str]]) -> None:
        """Replace the synonym table (admin); each name maps to one existing event type."""
        authorize(actor, "event_type.synonyms")
        with transaction(self._sf) as session:
            keys = set(session.execute(select(EventType.key)).scalars())
            by_label = {t.label: t.key for t in session.execute(select(EventType)).scalars()}
            clean: dict[str, str] = {}
            problems = []
            for n, (name, key) in enumerate(pairs, start=1):
                name, key = name.strip(), by_label.get(key.strip(), key.strip())
                if not name or key not in keys:
                    problems.append(f"第 {n} 行：名称不能为空，类型应为已有活动类型，实为“{name}”→“{key}”")
                elif name in clean and clean[name] != key:
                    problems.append(f"第 {n} 行：名称“{name}”已对应另一类型")
                clean[name] = key
            if problems:
                raise InputError("活动类型同义词表有误，未保存", problems)
            for row in session.execute(select(EventTypeSynonym)).scalars():
                session.delete(row)
            session.flush()
            for name, key in clean.items():
                session.add(EventTypeSynonym(name=name, type_key=key))
            audit.record(
                session,
                actor=_name(actor),
                action="event_type.synonyms",
                entity="event_type_synonym",
                detail={"pairs": len(clean)},
            )

    # -- printing --------------------------------------------------------------------------------

    def _issuer(self) -> tuple[str, str]:
        site = self._sites.get()
        return (site.name, site.zone_location) if site else ("", "")

    def poster_pdf(self, uuid: str, *, size: str = "A4") -> bytes:
        """The board poster (masked), A4 or A3 portrait, with a big QR code to the event's page."""
        if size not in ("A4", "A3"):
            raise InputError(f"纸张：应为 A4 或 A3，实为“{size}”")
        from app.events import printouts  # imported on first use (ReportLab): keeps start-up fast
        from app.printguard import naming, public_address
        from printing.poster import poster_pdf

        ev = self.get(uuid)
        public_address(ev.public_url if self._base_url() else "", f"活动“{ev.title}”的海报")
        with naming(f"活动“{ev.title}”的海报"):
            return poster_pdf(printouts.poster_data(ev, self._sites.get(), self._clock.today(), size=size))

    def sign_in_sheet_pdf(self, uuid: str) -> bytes:
        """The sign-in sheet for staff at the door: names in full, phones masked (see printouts)."""
        from app.events import printouts  # imported on first use (ReportLab): keeps start-up fast
        from app.printguard import naming
        from printing.events import sign_in_sheet_pdf

        ev = self.get(uuid)
        with naming(f"活动“{ev.title}”的签到表"):
            return sign_in_sheet_pdf(printouts.sign_in_data(ev, self.registrations(uuid)))

    def adoption_report_pdf(self, uuid: str) -> bytes:
        """The adoption report (masked); marked 草稿 until it is published."""
        from app.events import printouts  # imported on first use (ReportLab): keeps start-up fast
        from printing.events import adoption_report_pdf

        ev = self.get(uuid)
        if ev.status != "closed":
            raise StateError(f"活动“{ev.title}”尚未提交总结报告，没有采纳情况可打印")
        day = ev.adoption_published_on or self._clock.today()
        data = printouts.adoption_data(
            ev,
            self._issuer()[0],
            f"{day.year}年{day.month}月{day.day}日",
            draft=ev.adoption_published_on is None,
        )
        from app.printguard import naming

        with naming(f"活动“{ev.title}”的采纳情况"):
            return adoption_report_pdf(data)

    # -- public data -----------------------------------------------------------------------------

    def public_payload(self, uuid: str) -> dict[str, Any]:
        """The masked record the city platform receives (also what the kiosk may show)."""
        return rows.public_payload(self.get(uuid))


def _midnights(*instants: datetime) -> bool:
    return all(d.astimezone(ZONE).time() == datetime.min.time() for d in instants)


def _room(place: str) -> str:
    """Places compare without spaces and case (会议室 A == 会议室a)."""
    return re.sub(r"\s+", "", place).casefold()


def overlaps_in(occurrences: list[Occurrence]) -> list[Overlap]:
    """Pairs of ``occurrences`` in the same place (room) at the same time (no database)."""
    found: list[Overlap] = []
    by_place: dict[str, list[Occurrence]] = {}
    for occ in occurrences:
        # A cancelled event frees its room.
        if occ.place.strip() and occ.status != "cancelled":
            by_place.setdefault(_room(occ.place), []).append(occ)
    for occs in by_place.values():
        for i, a in enumerate(occs):
            for b in occs[i + 1 :]:
                if b.start >= a.end:
                    break
                if a.event_uuid != b.event_uuid:
                    found.append(Overlap(a.place, a, b))
    return found
