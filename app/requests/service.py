"""RequestService: every action on an information request, each one call in one transaction.

Each action writes the request row, an audit entry and (the city platform publishes a request's
number, status and due date on its status page) an outbox entry whose payload carries no personal
data at all. Roles follow the transition table in app/requests/rules.py. "Today" comes only from the
clock, working days only from ``HolidayService.calendar()``.
"""

from __future__ import annotations

import builtins
import dataclasses
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from app import audit, outbox
from app.authz import Action, Permission, action, authorize
from app.clock import Clock
from app.errors import InputError, NotFoundError, StateError
from app.holidays import HolidayService
from app.policies.values import RegisterFigures
from app.printguard import naming as _naming
from app.privacy import Masker
from app.requests import annual, clock, fees, views
from app.requests.rules import (
    ACTIONS,
    ANSWER_TYPES,
    APPLICANT_KINDS,
    CHANNELS,
    CLERK_ROLES,
    DELIVERIES,
    FORMS,
    OPEN_STATES,
    RULE_KEYS,
    RULE_SEEDS,
    STATES,
    TRANSITIONS,
    Edge,
    format_number,
)
from app.requests.values import (
    ClockRule,
    Reminder,
    RequestCounts,
    RequestDetail,
    RequestPage,
    RequestQuery,
    RequestSummary,
)
from app.settings import SettingsService
from app.sites import SiteService
from app.sync.replica import numbers as replica_numbers
from app.uow import read_only, transaction
from app.users import StaffUser
from app.workdays import WorkdayCalendar
from db.models import InfoRequest, RequestConsultation, RequestRule

_masker = Masker()
_SORTS = {
    "number": InfoRequest.number,
    "status": InfoRequest.status,
    "applicant": InfoRequest.applicant_name,
    "kind": InfoRequest.applicant_kind,
    "channel": InfoRequest.channel,
    "received": InfoRequest.received_on,
}


def _documents() -> ModuleType:
    """The letters and exports module, imported on first use: it pulls in ReportLab and openpyxl,
    which the staff window does not need to start (bench/startup.py)."""
    from app.requests import documents

    return documents


class RequestService:
    """Intake, workflow, the clock, reminders, letters and the annual table for 依申请公开."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        clock_: Clock,
        holidays: HolidayService,
        settings: SettingsService,
        sites: SiteService,
        *,
        reading_figures: Callable[[int], RegisterFigures] | None = None,
    ) -> None:
        self._sf = session_factory
        self._clock = clock_
        self._holidays = holidays
        self._settings = settings
        self._sites = sites
        # The year's 查阅登记 figures (PolicyService.register_figures), the annual report's
        # supplementary reading figure; None leaves it out.
        self._reading_figures = reading_figures

    # -- rules ---------------------------------------------------------------------------------

    def seed_rules(self, session: Session) -> None:
        """Insert the statutory figures not yet in the database (never overwrites a correction)."""
        have = set(session.execute(select(RequestRule.key)).scalars())
        for seed in RULE_SEEDS:
            if seed.key not in have:
                session.add(RequestRule(key=seed.key, days=seed.days, label=seed.label, basis=seed.basis))

    def rules(self) -> list[ClockRule]:
        with read_only(self._sf) as session:
            return self._rules(session)

    @staticmethod
    def _rules(session: Session) -> list[ClockRule]:
        stored = {r.key: r for r in session.execute(select(RequestRule)).scalars()}
        out = []
        for seed in RULE_SEEDS:
            row = stored.get(seed.key)
            if row is None:
                out.append(ClockRule(seed.key, seed.days, seed.label, seed.basis, "system"))
            else:
                out.append(ClockRule(row.key, row.days, row.label, row.basis, row.updated_by))
        return out

    def _days(self, session: Session) -> dict[str, int]:
        return {r.key: r.days for r in self._rules(session)}

    def _cx(self, session: Session) -> views.ReadContext:
        rules = self._rules(session)
        return views.ReadContext(
            {r.key: r.days for r in rules}, {r.key: r for r in rules}, self.calendar(), self._clock.today()
        )

    def set_rule(self, key: str, days: int, *, actor: StaffUser, basis: str = "") -> ClockRule:
        """Correct one figure of the clock (admin only); the basis text may be updated with it."""
        authorize(actor, "request.rules")
        if key not in RULE_KEYS:
            raise InputError(f"规则：应为 {'、'.join(sorted(RULE_KEYS))} 之一，实为“{key}”")
        if not 0 <= days <= 365:
            raise InputError(f"{key}：工作日数应在 0–365 之间，实为 {days}")
        seed = next(s for s in RULE_SEEDS if s.key == key)
        with transaction(self._sf) as session:
            row = session.get(RequestRule, key)
            if row is None:
                row = RequestRule(key=key, days=seed.days, label=seed.label, basis=seed.basis)
                session.add(row)
            old = row.days
            row.days = days
            if basis.strip():
                row.basis = basis.strip()
            row.updated_by = actor.name
            row.updated_at = self._clock.now()
            audit.record(
                session,
                actor=actor.name,
                action="request_rule.set",
                entity="request_rule",
                detail={"key": key, "from": old, "to": days},
            )
            return ClockRule(row.key, row.days, row.label, row.basis, row.updated_by)

    # -- the clock -----------------------------------------------------------------------------

    def calendar(self) -> WorkdayCalendar:
        return self._holidays.calendar()

    def due(self, received: date, channel: str = "in_person", extend: int = 0) -> clock.ClockResult:
        """The due date of an application received on ``received`` (no pauses), with its explanation."""
        if channel not in CHANNELS:
            raise InputError(f"--channel：应为 {'、'.join(CHANNELS)} 之一，实为“{channel}”")
        with read_only(self._sf) as session:
            days = self._days(session)
        if not 0 <= extend <= days["extension_max_days"]:
            raise InputError(
                f"--extend：延期应在 0–{days['extension_max_days']} 个工作日之间（条例第三十三条），实为 {extend}"
            )
        return clock.compute(
            self.calendar(),
            received_on=received,
            channel=channel,
            answer_days=days["answer_days"],
            extension_days=extend,
        )

    def explain(self, uuid: str) -> clock.ClockResult:
        """How the request's due date was computed (every skipped day, every pause, provisional note)."""
        return self.get(uuid).clock

    # -- reading -------------------------------------------------------------------------------

    def _load(self, session: Session, uuid: str) -> InfoRequest:
        row = session.execute(
            select(InfoRequest)
            .where((InfoRequest.uuid == uuid) | (InfoRequest.number == uuid))
            .options(selectinload(InfoRequest.consultations))
        ).scalar()
        if row is None:
            raise NotFoundError(f"申请“{uuid}”不存在")
        return row

    def get(self, uuid: str) -> RequestDetail:
        """One request by UUID (or by its number, for the CLI)."""
        with read_only(self._sf) as session:
            return views.detail(session, self._load(session, uuid), self._cx(session))

    def list(
        self, *, status: str | None = None, year: int | None = None, open_only: bool = False
    ) -> builtins.list[RequestSummary]:
        """Requests, newest first; identity numbers and contacts masked."""
        with read_only(self._sf) as session:
            q = select(InfoRequest).options(selectinload(InfoRequest.consultations))
            if status:
                q = q.where(InfoRequest.status == status)
            if year:
                q = q.where(InfoRequest.year == year)
            if open_only:
                q = q.where(InfoRequest.status.in_(OPEN_STATES | {"correction_requested"}))
            rows = session.execute(
                q.order_by(InfoRequest.received_on.desc(), InfoRequest.seq.desc())
            ).scalars()
            cx = self._cx(session)
            return [views.summary(r, views.clock_of(r, cx), cx) for r in rows]

    def page(self, query: RequestQuery) -> RequestPage:
        """One page of the staff list: filtered, searched and sorted in SQL; the clock and masking are
        computed for the page's rows only (a few statements, whatever the number of requests)."""
        with read_only(self._sf) as session:
            where: list[ColumnElement[bool]] = []
            if query.state == "open":
                where.append(InfoRequest.status.in_(OPEN_STATES | {"correction_requested"}))
            elif query.state:
                where.append(InfoRequest.status == query.state)
            text = query.text.strip()
            if text:
                where.append(
                    InfoRequest.number.contains(text)
                    | InfoRequest.applicant_name.contains(text)
                    | InfoRequest.description.contains(text)
                )
            total = session.execute(select(func.count(InfoRequest.id)).where(*where)).scalar() or 0
            order = _SORTS.get(query.sort, InfoRequest.received_on)
            rows = session.execute(
                select(InfoRequest)
                .where(*where)
                .options(selectinload(InfoRequest.consultations))
                .order_by(order.desc() if query.descending else order.asc(), InfoRequest.id.desc())
                .offset(query.offset)
                .limit(query.limit)
            ).scalars()
            cx = self._cx(session)
            return RequestPage(tuple(views.summary(r, views.clock_of(r, cx), cx) for r in rows), int(total))

    def counts(self, today: date | None = None) -> RequestCounts:
        """Open requests, reminders and overdue ones (the page's summary line and its badge)."""
        reminders = self.reminders(today)
        with read_only(self._sf) as session:
            open_count = session.execute(
                select(func.count(InfoRequest.id)).where(
                    InfoRequest.status.in_(OPEN_STATES | {"correction_requested"})
                )
            ).scalar()
        overdue = sum(1 for r in reminders if r.kind == "overdue")
        return RequestCounts(int(open_count or 0), len(reminders), overdue)

    def actions(self, user: StaffUser | None, uuid: str) -> builtins.list[Action]:
        """Every workflow action in ``rules.ACTIONS`` order: which apply to the request now and
        whether ``user`` may take them. An extension may be asked for by a clerk and is then
        approved in the dialog by a signer's password, so it is allowed to clerks too."""
        with read_only(self._sf) as session:
            row = self._load(session, uuid)
            status = row.status
        by_label = {edge.action: edge for (frm, _to), edge in TRANSITIONS.items() if frm == status}
        out = []
        for key, label, question in ACTIONS:
            edge = by_label.get(label)
            roles = edge.roles if edge is not None else frozenset()
            if key == "request.extend":
                roles = roles | CLERK_ROLES
            out.append(
                action(key, label, edge is not None, user, Permission(roles, label), question=question)
            )
        return out

    # -- intake --------------------------------------------------------------------------------

    def intake(
        self,
        *,
        actor: StaffUser,
        channel: str,
        arrived_on: date,
        applicant_kind: str,
        applicant_name: str,
        description: str,
        form: str = "paper",
        delivery: str = "pickup",
        confirmed_on: date | None = None,
        id_number: str = "",
        phone: str = "",
        address: str = "",
        email: str = "",
        contact_person: str = "",
    ) -> RequestDetail:
        """Log an application (接收): the receipt date follows the channel's rule (条例第三十一条)."""
        authorize(actor, "request.intake")
        problems = []
        if applicant_kind not in APPLICANT_KINDS:
            problems.append(f"申请人类型：应为 {'、'.join(APPLICANT_KINDS)} 之一，实为“{applicant_kind}”")
        if not applicant_name.strip():
            problems.append("申请人姓名或名称：不能为空（条例第二十九条第（一）项）")
        if not description.strip():
            problems.append("所需信息：应填写名称、文号或便于查询的特征性描述（条例第二十九条第（二）项）")
        if form not in FORMS:
            problems.append(f"提供形式：应为 {'、'.join(FORMS)} 之一，实为“{form}”")
        if delivery not in DELIVERIES:
            problems.append(f"获取方式：应为 {'、'.join(DELIVERIES)} 之一，实为“{delivery}”")
        today = self._clock.today()
        if arrived_on > today:
            problems.append(f"到达日期：不能晚于今天 {today.isoformat()}，实为 {arrived_on.isoformat()}")
        if problems:
            raise InputError("申请登记信息有误", problems)
        received_on = clock.receipt_date(channel, arrived_on, confirmed_on)
        if received_on > today:
            raise InputError(f"确认日期：不能晚于今天 {today.isoformat()}，实为 {received_on.isoformat()}")
        with transaction(self._sf) as session:
            year = received_on.year
            # Unique across the site's PCs: leased blocks, or a provisional number until the next
            # sync (docs/sync-replication.md, "Number allocation").
            seq = replica_numbers.allocate(session, year)
            row = InfoRequest(
                year=year,
                seq=seq,
                number=format_number(year, seq),
                status="received",
                channel=channel,
                arrived_on=arrived_on,
                confirmed_on=confirmed_on if CHANNELS[channel].needs_confirmation else None,
                received_on=received_on,
                clock_start_on=received_on,
                applicant_kind=applicant_kind,
                applicant_name=applicant_name.strip(),
                contact_person=contact_person.strip(),
                id_number=id_number.strip(),
                phone=phone.strip(),
                address=address.strip(),
                email=email.strip(),
                description=description.strip(),
                form=form,
                delivery=delivery,
            )
            session.add(row)
            session.flush()
            return self._after(session, row, actor.name, "request.intake", {"channel": channel})

    def _after(
        self, session: Session, row: InfoRequest, actor: str, action: str, detail: dict[str, Any]
    ) -> RequestDetail:
        """Audit, outbox and the fresh detail, inside the action's transaction."""
        session.flush()
        session.refresh(row, ["consultations"])
        result = views.detail(session, row, self._cx(session))
        audit.record(
            session,
            actor=actor,
            action=action,
            entity="request",
            entity_uuid=row.uuid,
            detail={"number": row.number, "status": row.status, **detail},
        )
        s = result.summary
        payload = {
            "uuid": row.uuid,
            "number": row.number,
            "status": row.status,
            "received_on": row.received_on.isoformat(),
            "due_on": s.due_on.isoformat() if s.due_on else None,
            "provisional": s.provisional,
            "channel": row.channel,
            "applicant_kind": row.applicant_kind,
            "answer_type": row.answer_type,
        }
        # No personal data is in the payload; masking it anyway keeps the rule "nothing leaves unmasked"
        # true if a field is ever added.
        outbox.enqueue(
            session,
            entity="request",
            entity_uuid=row.uuid,
            op="upsert",
            payload=_masker.mask_mapping(payload),
        )
        return result

    # -- workflow ------------------------------------------------------------------------------

    def _edge(self, row: InfoRequest, to_state: str, via: str, actor: StaffUser) -> Edge:
        if to_state not in STATES:
            raise InputError(f"状态：应为 {'、'.join(STATES)} 之一，实为“{to_state}”")
        edge = TRANSITIONS.get((row.status, to_state))
        if edge is None:
            raise StateError(f"申请 {row.number} 当前为“{STATES[row.status]}”，不能转为“{STATES[to_state]}”")
        if edge.via != via:
            raise StateError(f"“{edge.action}”需通过专门的操作办理（{edge.via}），不能直接改状态")
        authorize(actor, Permission(edge.roles, edge.action))
        return edge

    def transition(self, uuid: str, to_state: str, *, actor: StaffUser, note: str = "") -> RequestDetail:
        """A plain move of the workflow (登记, 开始办理, 提交审签, 退回, 归档), with its role check."""
        with transaction(self._sf) as session:
            row = self._load(session, uuid)
            edge = self._edge(row, to_state, "transition", actor)
            old = row.status
            row.status = to_state
            if to_state == "archived":
                row.archived_on = self._clock.today()
            return self._after(
                session,
                row,
                actor.name,
                "request.transition",
                {"from": old, "action": edge.action, "note": note},
            )

    def request_correction(
        self,
        uuid: str,
        *,
        items: str,
        actor: StaffUser,
        on: date | None = None,
        reply_days: int | None = None,
    ) -> RequestDetail:
        """Send the one correction notice (条例第三十条): the answer clock stops until the reply arrives."""
        if not items.strip():
            raise InputError("补正事项：应一次性写明需要补正的全部内容（条例第三十条）")
        on = on or self._clock.today()
        with transaction(self._sf) as session:
            row = self._load(session, uuid)
            self._edge(row, "correction_requested", "request_correction", actor)
            if row.correction_requested_on is not None:
                raise StateError(
                    f"申请 {row.number} 已于 {row.correction_requested_on} 通知过补正：补正应一次性告知（条例第三十条）"
                )
            if on < row.received_on:
                raise InputError(f"补正通知日期：不能早于收到日 {row.received_on}，实为 {on}")
            days = self._days(session)
            cal = self.calendar()
            row.status = "correction_requested"
            row.correction_requested_on = on
            row.correction_items = items.strip()
            row.correction_due_on = cal.add(
                on, reply_days if reply_days is not None else days["applicant_correction_days"]
            ).date
            late = on > cal.add(row.received_on, days["correction_notice_days"]).date
            return self._after(session, row, actor.name, "request.correction", {"late_notice": late})

    def receive_correction(self, uuid: str, *, actor: StaffUser, on: date | None = None) -> RequestDetail:
        """The corrected application arrived: the answer period restarts from that day (条例第三十条)."""
        on = on or self._clock.today()
        with transaction(self._sf) as session:
            row = self._load(session, uuid)
            self._edge(row, "registered", "receive_correction", actor)
            if row.correction_requested_on and on < row.correction_requested_on:
                raise InputError(f"补正收到日期：不能早于补正通知日 {row.correction_requested_on}，实为 {on}")
            row.correction_received_on = on
            row.clock_start_on = on
            row.status = "registered"
            return self._after(
                session, row, actor.name, "request.correction_received", {"on": on.isoformat()}
            )

    def start_consultation(
        self, uuid: str, *, party: str, actor: StaffUser, reason: str = "", on: date | None = None
    ) -> RequestDetail:
        """Consult a third party in writing (条例第三十二条); the clock stops until the reply (第三十三条)."""
        if not party.strip():
            raise InputError("征求意见对象：不能为空")
        on = on or self._clock.today()
        with transaction(self._sf) as session:
            row = self._load(session, uuid)
            self._edge(row, "consulting", "start_consultation", actor)
            if on < row.clock_start_on:
                raise InputError(f"征求意见日期：不能早于起算日 {row.clock_start_on}，实为 {on}")
            row.consultations.append(
                RequestConsultation(party=party.strip(), reason=reason.strip(), started_on=on)
            )
            row.status = "consulting"
            return self._after(session, row, actor.name, "request.consultation_start", {})

    def end_consultation(
        self, uuid: str, *, actor: StaffUser, outcome: str = "", on: date | None = None
    ) -> RequestDetail:
        """The third party replied (or 15 working days passed); the clock runs again."""
        on = on or self._clock.today()
        with transaction(self._sf) as session:
            row = self._load(session, uuid)
            self._edge(row, "in_progress", "end_consultation", actor)
            current = next(c for c in row.consultations if c.ended_on is None)
            if on < current.started_on:
                raise InputError(f"收到意见日期：不能早于征求日 {current.started_on}，实为 {on}")
            current.ended_on = on
            current.outcome = outcome.strip()
            row.status = "in_progress"
            return self._after(session, row, actor.name, "request.consultation_end", {})

    def extend(
        self, uuid: str, *, days: int, reason: str, approver: StaffUser, on: date | None = None
    ) -> RequestDetail:
        """One extension of at most the rule's figure, approved by the head (条例第三十三条第二款)."""
        authorize(approver, "request.extend")
        if not reason.strip():
            raise InputError("延期理由：不能为空（延期须告知申请人理由）")
        on = on or self._clock.today()
        with transaction(self._sf) as session:
            row = self._load(session, uuid)
            self._edge(row, "extended", "extend", approver)
            limit = self._days(session)["extension_max_days"]
            if row.extension_days:
                raise StateError(
                    f"申请 {row.number} 已延期一次（{row.extension_days} 个工作日），不能再次延期"
                )
            if not 1 <= days <= limit:
                raise InputError(f"延期天数：应为 1–{limit} 个工作日（条例第三十三条第二款），实为 {days}")
            due = views.clock_of(row, self._cx(session)).due_on
            if on > due:
                raise StateError(f"延期须在答复期限内决定：期限已于 {due} 届满")
            row.extension_days = days
            row.extension_reason = reason.strip()
            row.extension_approver = approver.label
            row.extended_on = on
            row.status = "extended"
            return self._after(session, row, approver.name, "request.extend", {"days": days})

    def answer(
        self,
        uuid: str,
        *,
        answer_type: str,
        actor: StaffUser,
        note: str = "",
        pages: int = 0,
        fee_yuan: int = 0,
        on: date | None = None,
    ) -> RequestDetail:
        """Sign off the answer (审签/答复); its type decides the annual-report row and the letter."""
        if answer_type not in ANSWER_TYPES:
            raise InputError(f"答复类型：应为 {'、'.join(ANSWER_TYPES)} 之一，实为“{answer_type}”")
        if pages < 0:
            raise InputError(f"页数：应为非负整数，实为 {pages}")
        on = on or self._clock.today()
        with transaction(self._sf) as session:
            row = self._load(session, uuid)
            self._edge(row, "answered", "answer", actor)
            if row.status == "correction_requested" and answer_type not in ("other_no_correction", "other"):
                raise StateError("待补正的申请只能按“逾期不补正”或“其他”办结；收到补正材料后再作实体答复")
            if on < row.received_on:
                raise InputError(f"答复日期：不能早于收到日 {row.received_on}，实为 {on}")
            row.pages = pages
            quote = fees.quote(views.nth_in_month(session, row), pages)
            if fee_yuan not in (0, quote.by_count, quote.by_pages):
                raise InputError(
                    f"信息处理费：只能按一种标准收取（按件 {quote.by_count} 元或按量 {quote.by_pages} 元），实为 {fee_yuan} 元"
                )
            row.answer_type = answer_type
            row.answer_note = note.strip()
            row.answered_on = on
            row.answered_by = actor.label
            row.fee_yuan = fee_yuan
            row.status = "answered"
            return self._after(session, row, actor.name, "request.answer", {"answer_type": answer_type})

    # -- reminders and the annual table ----------------------------------------------------------

    def reminders(self, today: date | None = None) -> builtins.list[Reminder]:
        """What needs action: due within N working days, overdue, corrections and consultations waiting."""
        out: list[Reminder] = []
        with read_only(self._sf) as session:
            cx = self._cx(session)
            if today is not None:
                cx = dataclasses.replace(cx, today=today)
            rows = session.execute(
                select(InfoRequest)
                .where(InfoRequest.status.in_(OPEN_STATES | {"correction_requested"}))
                .options(selectinload(InfoRequest.consultations))
            ).scalars()
            for row in rows:
                out += views.reminders_of(row, cx)
        order = {"overdue": 0, "due_soon": 1, "correction_waiting": 2, "consultation_waiting": 3}
        out.sort(key=lambda r: (order[r.kind], r.due_on, r.number))
        return out

    def annual_table(self, year: int) -> annual.AnnualTable:
        """Section 3 of the annual report for ``year``, with its row check."""
        with read_only(self._sf) as session:
            rows = session.execute(
                select(
                    InfoRequest.applicant_kind,
                    InfoRequest.received_on,
                    InfoRequest.answered_on,
                    InfoRequest.answer_type,
                )
            ).all()
        return annual.compute_table(year, (annual.RequestFacts(*r) for r in rows))

    # -- printed documents and exports ---------------------------------------------------------

    def _site_name(self) -> str:
        site = self._sites.get()
        return site.name if site else ""

    def receipt_pdf(self, uuid: str) -> bytes:
        """The 回执: number, receipt date, due date (provisional flagged) and a QR to the status page."""
        from app.printguard import public_address

        detail = self.get(uuid)
        base_url = public_address(
            str(self._settings.get("public_base_url") or ""), f"申请 {detail.summary.number} 的登记回执"
        )
        with _naming(f"申请 {detail.summary.number} 的登记回执"):
            return _documents().receipt(
                detail,
                site_name=self._site_name(),
                base_url=base_url,
                today=self._clock.today(),
            )

    def letter_pdf(self, uuid: str, kind: str) -> bytes:
        """A 告知书 (kinds: rules.LETTER_KINDS); StateError when the request has no such letter."""
        detail = self.get(uuid)
        with _naming(f"申请 {detail.summary.number} 的告知书"):
            return _documents().letter(detail, kind, site_name=self._site_name(), today=self._clock.today())

    def explain_pdf(self, uuid: str) -> bytes:
        """The printable "how this date was computed" sheet."""
        detail = self.get(uuid)
        with _naming(f"申请 {detail.summary.number} 的期限计算说明"):
            return _documents().clock_sheet(detail, site_name=self._site_name(), today=self._clock.today())

    def letters_available(self, uuid: str) -> builtins.list[str]:
        """The letter kinds that can be printed for the request now."""
        return letters_for(self.get(uuid))

    def reading_figures(self, year: int) -> RegisterFigures | None:
        """The year's 查阅登记 figures (readings, prints, printed pages, documents), if the site keeps
        the register; the annual report prints them as a supplementary reading figure."""
        return self._reading_figures(year) if self._reading_figures is not None else None

    def export_annual(self, year: int, path: Path) -> Path:
        """Write the section-3 table to ``path`` (.xlsx or .pdf); a failing row check is printed in it,
        and the year's 查阅登记 figures follow as a supplementary reading figure."""
        suffix = path.suffix.lower()
        if suffix not in (".xlsx", ".pdf"):
            raise InputError(f"-o：文件应以 .xlsx 或 .pdf 结尾，实为“{path.name}”")
        table = self.annual_table(year)
        reading = self.reading_figures(year)
        if suffix == ".xlsx":
            data = _documents().annual_xlsx(table, self._site_name(), reading)
        else:
            with _naming(f"{year}年度报告"):
                data = _documents().annual_pdf(table, self._site_name(), reading)
        path.write_bytes(data)
        return path


def letters_for(d: RequestDetail) -> list[str]:
    """The letter kinds that can be printed for a request as ``d`` shows it."""
    kinds = []
    if d.correction_requested_on is not None:
        kinds.append("correction")
    if d.summary.extension_days:
        kinds.append("extension")
    answer = ANSWER_TYPES.get(d.summary.answer_type)
    if answer is not None and answer.letter:
        kinds.append(answer.letter)
    return kinds
