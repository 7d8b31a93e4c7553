"""The notices service: create and edit notices, the review chain (三审三校), publication and expiry.

Every public method is one user action in one transaction: the notice rows, the audit entry and the
outbox entry (masked payload, entity "notice") commit together. Originals stay on the device; the
outbox payload, PDFs, the QR code and ``published_current`` (kiosk) are masked with app.privacy.

Review chain (三审: 初审、复审、终审 with the 保密审查 at the last step, the pattern of township review
rules such as 历下区燕山街道's 科室负责人初审 → 分管领导复审 → 保密审查): draft → first_review →
second_review → final_review → approved → published → expired | withdrawn. A reviewer needs the step's role, never approves a revision they
wrote, and approves at most one step of a revision (三审 are three people). The final reviewer
confirms the confidentiality check (保密审查) explicitly. Editing an approved or published notice
makes a new revision that goes through the chain again.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app import audit, outbox
from app.authz import Action, action, authorize
from app.catalogue import CatalogueService
from app.clock import ZONE, Clock
from app.errors import InputError, PermissionDeniedError, StateError
from app.holidays import HolidayService
from app.notices import queries
from app.notices import values as v
from app.notices.boards import BoardRegister
from app.notices.limits import check_draft_limits
from app.notices.masking import (
    MaskedContent,
    MaskingPreview,
    NoticeMasker,
    masking_preview,
    notice_profile,
    public_line_values,
)
from app.notices.period import check_period
from app.notices.rows import (
    check_period_or_raise,
    content_snapshot,
    masked_content,
    masker_for,
    outbox_payload,
    platform_refusal,
    review_value,
    roster_from_json,
    roster_to_json,
    validate_draft,
)
from app.notices.templates import PERIOD_RULE_SEED, TEMPLATE_BY_KEY, TEMPLATES, NoticeTemplate
from app.policies.links import dumps_links, links_from_json
from app.privacy import Finding
from app.settings import SettingsService
from app.uow import read_only, transaction
from app.users import StaffUser
from db.models import Board, Notice, NoticePeriodRule, NoticeReview, NoticeRevision, Posting

# status -> (step name, status after approval); the step's permission is "notice.review.<step>".
_CHAIN: dict[str, tuple[str, str]] = {
    v.FIRST_REVIEW: ("first", v.SECOND_REVIEW),
    v.SECOND_REVIEW: ("second", v.FINAL_REVIEW),
    v.FINAL_REVIEW: ("final", v.APPROVED),
}
#: The actions of a notice in the order the window shows them (key, label); ``actions`` says which apply.
ACTIONS: tuple[tuple[str, str], ...] = (
    ("notice.create", "新建公示…"),
    ("notice.update", "修改…"),
    ("notice.submit", "提交审核"),
    ("notice.review", "审核…"),
    ("notice.publish", "发布"),
    ("notice.preview", "预览与打印…"),
    ("notice.withdraw", "撤回…"),
)
#: The catalogue channels (app.catalogue.CHANNELS) a published notice discloses its items through.
BOARD_CHANNEL = "社区/企事业单位/村公示栏(电子屏)"
PUSH_CHANNEL = "精准推送"


class NoticeService(BoardRegister):
    """Notices, their review chain, printouts and (through ``BoardRegister``) boards and postings."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        clock: Clock,
        holidays: HolidayService,
        settings: SettingsService,
        blobs: Path,
        *,
        readonly: bool = False,
        catalogue: CatalogueService | None = None,
    ) -> None:
        super().__init__(session_factory, clock, blobs)
        self._holidays = holidays
        self._settings = settings
        self._readonly = readonly
        # Linked catalogue items are checked on save and get a disclosure on publication.
        self._catalogue = catalogue

    # -- templates and period rules --------------------------------------------------------------

    def templates(self) -> list[NoticeTemplate]:
        """Every template; ``general`` always exists."""
        return list(TEMPLATES)

    def period_rules(self) -> list[v.PeriodRule]:
        with read_only(self._sf) as session:
            rows = session.execute(select(NoticePeriodRule).order_by(NoticePeriodRule.template)).scalars()
            return [v.PeriodRule(r.template, r.min_days, r.unit, r.basis, r.updated_by) for r in rows]

    def seed_period_rules(self, session: Session) -> None:
        """Write the seed rules that are missing (init step; never overwrites an admin's correction)."""
        for seed in PERIOD_RULE_SEED:
            if session.get(NoticePeriodRule, seed.template) is None:
                session.add(
                    NoticePeriodRule(
                        template=seed.template, min_days=seed.min_days, unit=seed.unit, basis=seed.basis
                    )
                )

    def set_period_rule(
        self, template: str, min_days: int, unit: str, basis: str, *, actor: StaffUser
    ) -> v.PeriodRule:
        """Correct a template's legal minimum (admin only)."""
        authorize(actor, "notice.period_rule")
        if template not in TEMPLATE_BY_KEY:
            raise InputError(f"template：未知模板“{template}”")
        if unit not in ("working", "calendar"):
            raise InputError(f"unit：应为 working（工作日）或 calendar（自然日），实为“{unit}”")
        if min_days < 1:
            raise InputError(f"min_days：应为正整数，实为 {min_days}")
        with transaction(self._sf) as session:
            row = session.get(NoticePeriodRule, template)
            before = None if row is None else {"min_days": row.min_days, "unit": row.unit, "basis": row.basis}
            if row is None:
                row = NoticePeriodRule(template=template, min_days=min_days, unit=unit, basis=basis)
                session.add(row)
            row.min_days, row.unit, row.basis, row.updated_by = min_days, unit, basis, actor.name
            audit.record(
                session,
                actor=actor.name,
                action="notice.period_rule",
                entity="notice_period_rule",
                detail={
                    "template": template,
                    "before": before,
                    "after": {"min_days": min_days, "unit": unit, "basis": basis},
                },
            )
            return v.PeriodRule(template, min_days, unit, basis, actor.name)

    def check_period(self, template: str, start: date, end: date) -> v.PeriodCheck:
        with read_only(self._sf) as session:
            return self._check(session, template, start, end)

    def _check(self, session: Session, template: str, start: date, end: date) -> v.PeriodCheck:
        row = session.get(NoticePeriodRule, template)
        rule = (
            None
            if row is None
            else v.PeriodRule(row.template, row.min_days, row.unit, row.basis, row.updated_by)
        )
        return check_period(start, end, rule, self._holidays.calendar())

    # -- create and edit ---------------------------------------------------------------------------

    def create(self, data: v.NoticeDraft, *, actor: StaffUser, submit: bool = False) -> v.NoticeView:
        """A new notice (draft, or straight into first review with ``submit``); its public URL is fixed now."""
        authorize(actor, "notice.create")
        base_url = str(self._settings.get("public_base_url")).rstrip("/")
        with transaction(self._sf) as session:
            self._validate(session, data)
            template = TEMPLATE_BY_KEY[data.template]
            profile = template.masking
            if data.mask_names is not None:
                profile = replace(profile, names=data.mask_names)
            row = Notice(
                kind=template.kind,
                template=data.template,
                masking_profile=json.dumps(profile.to_dict(), ensure_ascii=False),
                status=v.DRAFT,
                created_by=actor.name,
                revision_author=actor.name,
                public_url="",
            )
            self._apply(row, data)
            session.add(row)
            session.flush()
            # Fixed at creation so printed boards never need reprinting after sync.
            row.public_url = f"{base_url}/n/{row.uuid}"
            audit.record(
                session,
                actor=actor.name,
                action="notice.create",
                entity="notice",
                entity_uuid=row.uuid,
                detail={"title": row.title, "template": row.template, "public_url": row.public_url},
            )
            self._audit_exemptions(session, row, (), data.masking_exemptions, actor)
            if submit:
                self._submit(session, row, actor)
            self._enqueue(session, row)
            return self._view(session, row)

    def update(self, uuid: str, data: v.NoticeDraft, *, actor: StaffUser) -> v.NoticeView:
        """Edit a draft in place; editing an approved or published notice starts a new revision."""
        authorize(actor, "notice.update")
        with transaction(self._sf) as session:
            row = self._row(session, uuid)
            if row.status in _CHAIN:
                raise StateError(
                    f"公示“{row.title}”正在{v.STATUS_LABELS[row.status]}，不能修改；请审核人先退回修改。"
                )
            if row.status in (v.EXPIRED, v.WITHDRAWN):
                raise StateError(f"公示“{row.title}”{v.STATUS_LABELS[row.status]}，不能再修改。")
            if data.template != row.template:
                raise InputError("template：已创建的公示不能更换模板，请新建公示")
            self._validate(session, data)
            old_exemptions = tuple(json.loads(row.masking_exemptions))
            new_revision = row.status in (v.APPROVED, v.PUBLISHED)
            if new_revision:
                session.add(
                    NoticeRevision(
                        notice_id=row.id,
                        revision=row.revision,
                        content=json.dumps(content_snapshot(row), ensure_ascii=False),
                        status=row.status,
                        saved_by=actor.name,
                        saved_at=self._clock.now(),
                    )
                )
                row.revision += 1
                row.status = v.DRAFT
                row.revision_author = actor.name
                row.published_at = None
                self._step(
                    session,
                    row,
                    "revise",
                    "revise",
                    actor,
                    f"第 {row.revision - 1} 版审定后修改，形成第 {row.revision} 版",
                )
            else:
                authors = set(filter(None, row.revision_author.split(",")))
                row.revision_author = ",".join(sorted(authors | {actor.name}))
            if data.mask_names is not None:
                profile = json.loads(row.masking_profile)
                profile["names"] = data.mask_names
                row.masking_profile = json.dumps(profile, ensure_ascii=False)
            self._apply(row, data)
            audit.record(
                session,
                actor=actor.name,
                action="notice.revise" if new_revision else "notice.update",
                entity="notice",
                entity_uuid=row.uuid,
                detail={"title": row.title, "revision": row.revision},
            )
            self._audit_exemptions(session, row, old_exemptions, data.masking_exemptions, actor)
            self._enqueue(session, row)
            return self._view(session, row)

    def submit(self, uuid: str, *, actor: StaffUser) -> v.NoticeView:
        """Send a draft to first review."""
        authorize(actor, "notice.submit")
        with transaction(self._sf) as session:
            row = self._row(session, uuid)
            self._submit(session, row, actor)
            self._enqueue(session, row)
            return self._view(session, row)

    def _submit(self, session: Session, row: Notice, actor: StaffUser) -> None:
        if row.status != v.DRAFT:
            raise StateError(f"只有草稿可以提交审核；公示“{row.title}”当前为{v.STATUS_LABELS[row.status]}。")
        check_period_or_raise(self._check(session, row.template, row.period_start, row.period_end))
        _raise_if_platform_would_refuse(row)
        row.status = v.FIRST_REVIEW
        row.return_reason = ""
        self._step(session, row, "submit", "submit", actor, "")
        audit.record(
            session,
            actor=actor.name,
            action="notice.submit",
            entity="notice",
            entity_uuid=row.uuid,
            detail={"revision": row.revision},
        )

    # -- review, publish, withdraw --------------------------------------------------------------------

    def review(
        self,
        uuid: str,
        *,
        actor: StaffUser,
        decision: Literal["approve", "return"] | str,
        opinion: str = "",
        confidentiality_checked: bool = False,
    ) -> v.NoticeView:
        """One review step: approve (to the next step) or return for revision (back to draft, with a reason)."""
        if decision not in ("approve", "return"):
            raise InputError(f"--decision：应为 approve（通过）或 return（退回修改），实为“{decision}”")
        opinion = opinion.strip()
        with transaction(self._sf) as session:
            row = self._row(session, uuid)
            if row.status not in _CHAIN:
                raise StateError(f"公示“{row.title}”当前为{v.STATUS_LABELS[row.status]}，不在审核环节。")
            step, after = _CHAIN[row.status]
            authorize(actor, f"notice.review.{step}")
            if decision == "return":
                if not opinion:
                    raise InputError("opinion：退回修改须写明理由")
                row.status = v.DRAFT
                row.return_reason = opinion
            else:
                if actor.name in row.revision_author.split(","):
                    raise PermissionDeniedError(
                        f"“{actor.name}”是本版公示的起草或修改人，不能审核通过自己的稿件。"
                    )
                # Three different people in this pass of the chain: a revision returned and
                # resubmitted goes through the chain again, and its first reviewer may approve the
                # first step again (before, a return at the second step left it unapprovable).
                submitted = session.execute(
                    select(func.max(NoticeReview.id)).where(
                        NoticeReview.notice_id == row.id,
                        NoticeReview.revision == row.revision,
                        NoticeReview.step == "submit",
                    )
                ).scalar()
                earlier = session.execute(
                    select(NoticeReview.step).where(
                        NoticeReview.notice_id == row.id,
                        NoticeReview.revision == row.revision,
                        NoticeReview.decision == "approve",
                        NoticeReview.actor == actor.name,
                        NoticeReview.id > (submitted or 0),
                    )
                ).scalar()
                if earlier is not None:
                    raise PermissionDeniedError(
                        f"“{actor.name}”已在{v.STEP_LABELS[earlier]}环节审核过本版公示，三审须由不同人员完成。"
                    )
                if step == "final" and not confidentiality_checked:
                    raise InputError(
                        "confidentiality_checked：终审须确认已完成保密审查（涉密信息不公开，公开信息不涉密；命令行加 --confidentiality-checked）"
                    )
                if after == v.APPROVED:
                    _raise_if_platform_would_refuse(row)
                row.status = after
            self._step(
                session, row, step, decision, actor, opinion, confidentiality_checked and step == "final"
            )
            audit.record(
                session,
                actor=actor.name,
                action=f"notice.review.{decision}",
                entity="notice",
                entity_uuid=row.uuid,
                detail={
                    "step": step,
                    "revision": row.revision,
                    "opinion": opinion,
                    "confidentiality_checked": bool(confidentiality_checked and step == "final"),
                    "status": row.status,
                },
            )
            self._enqueue(session, row)
            return self._view(session, row)

    def publish(self, uuid: str, *, actor: StaffUser) -> v.NoticeView:
        """An approved notice goes public (the city platform shows it; the kiosk lists it)."""
        authorize(actor, "notice.publish")
        with transaction(self._sf) as session:
            row = self._row(session, uuid)
            if row.status != v.APPROVED:
                raise StateError(
                    f"只有已审定的公示可以发布；公示“{row.title}”当前为{v.STATUS_LABELS[row.status]}。"
                )
            if row.period_end < self._clock.today():
                raise StateError(f"公示期已于 {row.period_end.isoformat()} 结束，不能再发布。")
            row.status = v.PUBLISHED
            row.published_at = self._clock.now()
            self._step(session, row, "publish", "publish", actor, "")
            self._record_disclosures(session, row, actor)
            audit.record(
                session,
                actor=actor.name,
                action="notice.publish",
                entity="notice",
                entity_uuid=row.uuid,
                detail={"revision": row.revision},
            )
            self._enqueue(session, row)
            return self._view(session, row)

    def withdraw(self, uuid: str, *, actor: StaffUser, reason: str) -> v.NoticeView:
        """Withdraw a notice (admin); its postings are due to come down today."""
        authorize(actor, "notice.withdraw")
        if not reason.strip():
            raise InputError("reason：撤回须写明理由")
        today = self._clock.today()
        with transaction(self._sf) as session:
            row = self._row(session, uuid)
            if row.status in (v.WITHDRAWN, v.EXPIRED):
                raise StateError(f"公示“{row.title}”{v.STATUS_LABELS[row.status]}，不能撤回。")
            row.status = v.WITHDRAWN
            row.withdraw_reason = reason.strip()
            for posting in session.execute(
                select(Posting).where(Posting.notice_id == row.id, Posting.taken_down_on.is_(None))
            ).scalars():
                posting.take_down_on = min(posting.take_down_on, today)
            self._step(session, row, "withdraw", "withdraw", actor, reason.strip())
            audit.record(
                session,
                actor=actor.name,
                action="notice.withdraw",
                entity="notice",
                entity_uuid=row.uuid,
                detail={"reason": reason.strip(), "revision": row.revision},
            )
            self._enqueue(session, row)
            return self._view(session, row)

    def expire_due(self) -> int:
        """Published notices whose posting period ended before today become expired; returns how many.

        Housekeeping, not a read: the window runs it at start and at midnight (``app.housekeeping``);
        reads show such a notice as expired already (``queries.effective_status``)."""
        if self._readonly:
            return 0
        today = self._clock.today()
        with transaction(self._sf) as session:
            rows = (
                session.execute(select(Notice).where(Notice.status == v.PUBLISHED, Notice.period_end < today))
                .scalars()
                .all()
            )
            for row in rows:
                row.status = v.EXPIRED
                audit.record(
                    session,
                    actor="system",
                    action="notice.expire",
                    entity="notice",
                    entity_uuid=row.uuid,
                    detail={"period_end": row.period_end.isoformat(), "status": v.EXPIRED},
                )
                self._enqueue(session, row)
            return len(rows)

    # -- queries -------------------------------------------------------------------------------------

    def get(self, uuid: str) -> v.NoticeView:
        with read_only(self._sf) as session:
            return self._view(session, self._row(session, uuid))

    def list(self, status: str | None = None) -> builtins.list[v.NoticeView]:
        """Every notice (newest first) as a full view: for the command line and reports. The staff
        window's list asks for ``page`` instead."""
        if status is not None and status not in v.STATUSES:
            raise InputError(f"--status：应为 {', '.join(v.STATUSES)} 之一，实为“{status}”")
        today = self._clock.today()
        with read_only(self._sf) as session:
            query = select(Notice).order_by(Notice.created_at.desc(), Notice.id.desc())
            if status is not None:
                query = query.where(queries._status_sql(today) == status)
            rows = list(session.execute(query).scalars())
            reviews: dict[int, builtins.list[NoticeReview]] = {}
            for r in session.execute(
                select(NoticeReview).order_by(NoticeReview.at, NoticeReview.id)
            ).scalars():
                reviews.setdefault(r.notice_id, []).append(r)
            rules = queries.period_rules(session)
            return [self._view(session, r, reviews.get(r.id, []), rules) for r in rows]

    def summaries(self, status: str | None = None) -> builtins.list[queries.NoticeSummary]:
        """Every notice (newest first) without roster or reviews: the command line's list."""
        if status is not None and status not in v.STATUSES:
            raise InputError(f"--status：应为 {', '.join(v.STATUSES)} 之一，实为“{status}”")
        with read_only(self._sf) as session:
            return queries.summaries(session, status, self._clock.today(), self._holidays.calendar())

    def page(self, query: queries.NoticeQuery, user: StaffUser | None = None) -> queries.NoticePage:
        """One page of the staff list (a few statements, whatever the number of notices)."""
        with read_only(self._sf) as session:
            return queries.page(session, query, user, self._clock.today(), self._holidays.calendar())

    def awaiting_review(self, user: StaffUser | None) -> builtins.list[queries.Awaiting]:
        """Notices at a step this user may take (not written, nor already approved a step of, by
        them in this pass of the chain); None: every notice in review."""
        with read_only(self._sf) as session:
            return queries.awaiting(session, user)

    def attention(self, user: StaffUser | None) -> int:
        """The page's "needs your action" count (reviews waiting for ``user``, take-downs due)."""
        with read_only(self._sf) as session:
            return queries.attention(session, user, self._clock.today())

    def actions(self, user: StaffUser | None, uuid: str | None) -> builtins.list[Action]:
        """What ``user`` may do to the notice now, in the order the window shows the buttons.

        Without a notice only "new" applies. Keys: notice.create, notice.update, notice.submit,
        notice.review, notice.publish, notice.preview, notice.withdraw.
        """
        today = self._clock.today()
        found, status, period_end, mine = False, "", today, False
        if uuid:
            with read_only(self._sf) as session:
                row = self._row(session, uuid)
                found, period_end = True, row.period_end
                status = queries.effective_status(row.status, row.period_end, today)
                mine = row.id in queries.awaiting_ids(session, user) if user is not None else False
        review_reason = ""
        review_key = "notice.review.first"
        if found and status in _CHAIN:
            step, _ = _CHAIN[status]
            review_key = f"notice.review.{step}"
            if user is not None and not mine and user.has(queries.STEPS[status][1]):
                review_reason = "您是本版公示的起草或修改人，或已审核过本轮的其他环节，三审须由不同人员完成。"
        return [
            action("notice.create", "新建公示…", True, user, "notice.create"),
            action(
                "notice.update",
                "修改…",
                found and status in (v.DRAFT, v.APPROVED, v.PUBLISHED),
                user,
                "notice.update",
                question=(
                    "修改已审定或已发布的公示将形成新版本，须重新经过三审。是否继续修改“{title}”？"
                    if status in (v.APPROVED, v.PUBLISHED)
                    else ""
                ),
            ),
            action("notice.submit", "提交审核", status == v.DRAFT, user, "notice.submit"),
            action("notice.review", "审核…", status in _CHAIN, user, review_key, reason=review_reason),
            action(
                "notice.publish",
                "发布",
                status == v.APPROVED and period_end >= today,
                user,
                "notice.publish",
                question="发布后，“{title}”将在市级平台和触摸屏上公开，不能撤销（只能由管理员撤回）。确定发布吗？",
            ),
            Action("notice.preview", "预览与打印…", found),
            action(
                "notice.withdraw",
                "撤回…",
                found and status not in (v.WITHDRAWN, v.EXPIRED),
                user,
                "notice.withdraw",
                question="撤回后，“{title}”不再公开，已张贴的须今天撤下；撤回不能撤销。确定撤回吗？",
            ),
        ]

    def masked(self, uuid: str) -> MaskedContent:
        """The notice as every output shows it."""
        with read_only(self._sf) as session:
            row = self._row(session, uuid)
            return masked_content(row)

    def preview_findings(self, data: v.NoticeDraft) -> builtins.list[Finding]:
        """What masking will hide in a draft's body (staff preview; exempted ones included)."""
        profile = TEMPLATE_BY_KEY[data.template].masking if data.template in TEMPLATE_BY_KEY else None
        base = (profile.to_dict() if profile else {}) | (
            {"names": data.mask_names} if data.mask_names is not None else {}
        )
        phones = public_line_values(
            data.template, supervision_phone=data.supervision_phone, contact=data.contact
        )
        masker = NoticeMasker(notice_profile(base, phones))
        return masker.findings(data.body)

    def masking_preview(self, data: v.NoticeDraft) -> MaskingPreview:
        """The editor's masking preview of a draft: the body with every detection, each distinct
        detection in the title, body, contact and objection channel (unticked ones marked), and the
        roster's cells as they will print (always masked). No database access."""
        profile = TEMPLATE_BY_KEY[data.template].masking if data.template in TEMPLATE_BY_KEY else None
        base = (profile.to_dict() if profile else {}) | (
            {"names": data.mask_names} if data.mask_names is not None else {}
        )
        phones = public_line_values(
            data.template, supervision_phone=data.supervision_phone, contact=data.contact
        )
        masker = NoticeMasker(notice_profile(base, phones), data.masking_exemptions)
        texts = {
            "title": data.title,
            "body": data.body,
            "contact": data.contact,
            "objection": data.objection_channel,
        }
        return masking_preview(masker, texts, data.roster)

    def published_current(self, today: date) -> builtins.list[v.PublicNotice]:
        """Published notices whose period includes ``today``, masked (for the kiosk)."""
        with read_only(self._sf) as session:
            rows = session.execute(
                select(Notice)
                .where(Notice.status == v.PUBLISHED, Notice.period_start <= today, Notice.period_end >= today)
                .order_by(Notice.published_at.desc())
            ).scalars()
            out = []
            for row in rows:
                m = masked_content(row)
                out.append(
                    v.PublicNotice(
                        row.uuid,
                        row.revision,
                        row.kind,
                        m.title,
                        m.paragraphs,
                        m.roster,
                        row.issuer,
                        m.contact,
                        m.supervision_phone,
                        row.period_start,
                        row.period_end,
                        row.public_url,
                        row.published_at,
                    )
                )
            return out

    def reviews_between(self, start: date, end: date) -> builtins.list[tuple[str, v.ReviewStep]]:
        """(notice uuid, step) for every recorded step on civil dates ``start``..``end`` (monthly self-assessment)."""
        lo, hi = _utc_bounds(start, end)
        with read_only(self._sf) as session:
            rows = session.execute(
                select(Notice.uuid, NoticeReview)
                .join(Notice, Notice.id == NoticeReview.notice_id)
                .where(NoticeReview.at >= lo, NoticeReview.at < hi)
                .order_by(NoticeReview.at)
            ).all()
            return [(u, review_value(r)) for u, r in rows]

    def pdf(
        self,
        uuid: str,
        *,
        size: str = "A4",
        landscape: bool = False,
        board: str | None = None,
        proof: bool = False,
    ) -> bytes:
        """The printable notice (masked), with the board's name in the footer when given.

        A cleared notice whose QR code cannot open yet (no public address: the PC has not synced)
        is refused, unless ``proof``: then it is the 校样 the preview shows for checking, marked on
        every page as not to be posted (``preview_pdf`` gives the reason with it)."""
        pdf, refusal = self._render(uuid, size, landscape, board, proof)
        if refusal and not proof:
            raise StateError(refusal)
        return pdf

    def preview_pdf(
        self, uuid: str, *, size: str = "A4", landscape: bool = False, board: str | None = None
    ) -> tuple[bytes, str]:
        """What the print preview shows, and why it cannot be printed for posting ("" when it can):
        the notice, or its 校样 while the public address is unknown."""
        return self._render(uuid, size, landscape, board, proof=True)

    def print_refusal(self, uuid: str) -> str:
        """Why the notice cannot be printed for posting now ("" when it can): a cleared notice's QR
        code must open, and before the first sync the public address is unknown."""
        return self._printable_or_refusal(self.get(uuid))[1]

    def _render(
        self, uuid: str, size: str, landscape: bool, board: str | None, proof: bool
    ) -> tuple[bytes, str]:
        if size not in ("A4", "A3"):
            raise InputError(f"--size：应为 A4 或 A3，实为“{size}”")
        notice, refusal = self._printable_or_refusal(self.get(uuid))
        if refusal and not proof:
            return b"", refusal
        from app.notices.printout import render_notice  # imported on first use (ReportLab): fast start-up
        from app.printguard import naming

        with naming(f"公示“{notice.title}”"):
            pdf = render_notice(
                notice, self.masked(uuid), size=size, landscape=landscape, board=board, proof=bool(refusal)
            )
        return pdf, refusal

    def poster_pdf(self, uuid: str, *, size: str = "A4") -> bytes:
        """A board poster announcing the notice (masked; 草稿 until approved), A4 or A3 portrait."""
        if size not in ("A4", "A3"):
            raise InputError(f"--size：应为 A4 或 A3，实为“{size}”")
        notice = self._printable(self.get(uuid))
        from app.notices.printout import notice_poster  # imported on first use (ReportLab)
        from app.printguard import naming
        from app.sites import SiteService
        from printing.poster import poster_pdf

        names = {b.uuid: b.name for b in self.boards()}
        boards = [names[u] for u in notice.target_board_uuids if u in names]
        data = notice_poster(
            notice, self.masked(uuid), boards=boards, site=SiteService(self._sf).get(), size=size
        )
        with naming(f"公示“{notice.title}”的海报"):
            return poster_pdf(data)

    # -- internals -----------------------------------------------------------------------------------

    def _printable_or_refusal(self, notice: v.NoticeView) -> tuple[v.NoticeView, str]:
        """``_printable``'s notice and "", or the notice as it is and the refusal."""
        try:
            return self._printable(notice), ""
        except StateError as exc:
            return notice, str(exc)

    def _printable(self, notice: v.NoticeView) -> v.NoticeView:
        """A final print's QR must open: a notice made before the site knew its platform gets the
        address now known; with none known, a final print is refused (a draft prints as is)."""
        if notice.status not in v.CLEARED or notice.public_url.startswith(("http://", "https://")):
            return notice
        from app.printguard import public_address

        base = str(self._settings.get("public_base_url") or "").rstrip("/")
        url = public_address(f"{base}/n/{notice.uuid}" if base else "", f"公示“{notice.title}”")
        return replace(notice, public_url=url)

    def _validate(self, session: Session, data: v.NoticeDraft) -> None:
        check_draft_limits(data)  # first: one line naming the limit, before any other check
        boards = set(session.execute(select(Board.uuid)).scalars())
        validate_draft(data, boards)
        if self._catalogue is not None:
            unknown = self._catalogue.unknown_items_in(session, data.catalogue_item_uuids)
            if unknown:
                raise InputError(
                    "catalogue_item_uuids：目录中没有这些事项，请重新选择关联的目录事项",
                    [f"catalogue_item_uuids：没有编号为 {u} 的目录事项" for u in unknown],
                )
        check_period_or_raise(self._check(session, data.template, data.period_start, data.period_end))

    @staticmethod
    def _apply(row: Notice, data: v.NoticeDraft) -> None:
        row.title = data.title.strip()
        row.body = data.body.strip()
        row.roster_json = roster_to_json(data.roster)
        row.period_start = data.period_start
        row.period_end = data.period_end
        row.issuer = data.issuer.strip()
        row.contact = data.contact.strip()
        row.supervision_phone = data.supervision_phone.strip()
        row.objection_channel = data.objection_channel.strip()
        row.issue_date = data.issue_date or data.period_start
        row.catalogue_item_uuids = json.dumps(list(data.catalogue_item_uuids))
        row.policy_links = dumps_links(data.policy_links)
        row.target_board_uuids = json.dumps(list(data.target_board_uuids))
        row.audience_mode = data.audience_mode
        row.audience_group = data.audience_group.strip()
        row.masking_exemptions = json.dumps(sorted(set(data.masking_exemptions)), ensure_ascii=False)

    def _record_disclosures(self, session: Session, row: Notice, actor: StaffUser) -> None:
        """Publishing a notice discloses its linked catalogue items, today, in this transaction.

        A notice posted on boards (定点) is disclosed through the 公示栏 channel (paper boards and
        electronic screens are one channel in the catalogue's 13); a targeted one (定向) through 精准推送.
        """
        uuids = json.loads(row.catalogue_item_uuids)
        if self._catalogue is None or not uuids:
            return
        channel = PUSH_CHANNEL if row.audience_mode == "targeted" else BOARD_CHANNEL
        today = self._clock.today()
        for item_uuid in dict.fromkeys(uuids):
            self._catalogue.record_disclosure_in(
                session, item_uuid, on=today, channel=channel, notice_uuid=row.uuid, actor=actor.name
            )

    def _audit_exemptions(
        self, session: Session, row: Notice, before: Iterable[str], after: Iterable[str], actor: StaffUser
    ) -> None:
        """A staff member unticked (or re-ticked) a detection: record it, masked, for the self-assessment."""
        before_set, after_set = set(before), set(after)
        if before_set == after_set:
            return
        masker = masker_for(row).masker

        def describe(items: set[str]) -> builtins.list[dict[str, str]]:
            out = []
            for text in sorted(items):
                found = masker.find(text)
                out.append({"kind": found[0].kind if found else "other", "masked": masker.mask(text)})
            return out

        audit.record(
            session,
            actor=actor.name,
            action="notice.masking_override",
            entity="notice",
            entity_uuid=row.uuid,
            detail={
                "revision": row.revision,
                "unmasked": describe(after_set - before_set),
                "remasked": describe(before_set - after_set),
            },
        )

    def _step(
        self,
        session: Session,
        row: Notice,
        step: str,
        decision: str,
        actor: StaffUser,
        opinion: str,
        confidentiality: bool = False,
    ) -> None:
        session.add(
            NoticeReview(
                notice_id=row.id,
                revision=row.revision,
                step=step,
                decision=decision,
                opinion=opinion,
                confidentiality_checked=confidentiality,
                actor=actor.name,
                actor_label=actor.label,
                at=self._clock.now(),
            )
        )

    def _enqueue(self, session: Session, row: Notice) -> None:
        session.flush()
        uuids = json.loads(row.target_board_uuids)
        names = {
            b.uuid: b.name for b in session.execute(select(Board).where(Board.uuid.in_(uuids))).scalars()
        }
        outbox.enqueue(
            session,
            entity="notice",
            entity_uuid=row.uuid,
            op="upsert",
            payload=outbox_payload(row, [names[u] for u in uuids if u in names]),
        )

    def _view(
        self,
        session: Session,
        row: Notice,
        reviews: Iterable[NoticeReview] | None = None,
        rules: dict[str, v.PeriodRule] | None = None,
    ) -> v.NoticeView:
        session.flush()
        if reviews is None:
            reviews = session.execute(
                select(NoticeReview)
                .where(NoticeReview.notice_id == row.id)
                .order_by(NoticeReview.at, NoticeReview.id)
            ).scalars()
        if rules is None:
            check = self._check(session, row.template, row.period_start, row.period_end)
        else:
            check = check_period(
                row.period_start, row.period_end, rules.get(row.template), self._holidays.calendar()
            )
        template = TEMPLATE_BY_KEY.get(row.template)
        return v.NoticeView(
            id=row.id,
            uuid=row.uuid,
            revision=row.revision,
            kind=row.kind,
            template=row.template,
            template_name=template.name if template else row.template,
            title=row.title,
            body=row.body,
            roster=roster_from_json(row.roster_json),
            period_start=row.period_start,
            period_end=row.period_end,
            issuer=row.issuer,
            contact=row.contact,
            supervision_phone=row.supervision_phone,
            objection_channel=row.objection_channel,
            issue_date=row.issue_date,
            catalogue_item_uuids=tuple(json.loads(row.catalogue_item_uuids)),
            policy_links=links_from_json(row.policy_links),
            target_board_uuids=tuple(json.loads(row.target_board_uuids)),
            audience_mode=row.audience_mode,
            audience_group=row.audience_group,
            masking_profile=json.loads(row.masking_profile),
            masking_exemptions=tuple(json.loads(row.masking_exemptions)),
            status=queries.effective_status(row.status, row.period_end, self._clock.today()),
            return_reason=row.return_reason,
            withdraw_reason=row.withdraw_reason,
            public_url=row.public_url,
            created_by=row.created_by,
            revision_author=row.revision_author,
            created_at=row.created_at,
            published_at=row.published_at,
            period_check=check,
            reviews=tuple(review_value(r) for r in reviews),
        )


def _utc_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    lo = datetime.combine(start, datetime.min.time(), ZONE)
    hi = datetime.combine(end + timedelta(days=1), datetime.min.time(), ZONE)
    return lo, hi


def _raise_if_platform_would_refuse(row: Notice) -> None:
    """Submitting and the final approval check the payload with the platform's own rule
    (rows.platform_refusal), so an approved notice is never one the platform refuses."""
    problem = platform_refusal(row)
    if problem:
        raise InputError(f"公示“{row.title}”：{problem}")
