"""The plain values the notices service takes and returns (never ORM rows).

``NoticeDraft`` is what a clerk types (or the CLI reads from JSON); ``NoticeView`` is a notice as the
staff window sees it (originals included: staff only); ``PublicNotice`` is the masked form for the
kiosk and anything public.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from app import messages
from app.messages import Arg, Label, Message
from app.policies.links import PolicyLink

# Review chain (三审三校, docs/domain-facts.md §4.1).
DRAFT = "draft"
FIRST_REVIEW = "first_review"
SECOND_REVIEW = "second_review"
FINAL_REVIEW = "final_review"
APPROVED = "approved"
PUBLISHED = "published"
EXPIRED = "expired"
WITHDRAWN = "withdrawn"

STATUSES = (DRAFT, FIRST_REVIEW, SECOND_REVIEW, FINAL_REVIEW, APPROVED, PUBLISHED, EXPIRED, WITHDRAWN)
STATUS_LABELS = {
    DRAFT: "草稿",
    FIRST_REVIEW: "待初审",
    SECOND_REVIEW: "待复审",
    FINAL_REVIEW: "待终审",
    APPROVED: "已审定",
    PUBLISHED: "已发布",
    EXPIRED: "已到期",
    WITHDRAWN: "已撤回",
}
#: Statuses whose printout carries no 草稿 watermark: the content passed the whole chain.
CLEARED = (APPROVED, PUBLISHED, EXPIRED)

STEP_LABELS = {
    "submit": "提交审核",
    "first": "初审",
    "second": "复审",
    "final": "终审",
    "publish": "发布",
    "withdraw": "撤回",
    "revise": "修订",
}
DECISION_LABELS = {
    "submit": "提交",
    "approve": "通过",
    "return": "退回修改",
    "publish": "发布",
    "withdraw": "撤回",
    "revise": "新修订",
}


@dataclass(frozen=True)
class Roster:
    """A table of the notice (a list of households, plots, schools ...)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def to_json(self) -> dict[str, list[str] | list[list[str]]]:
        return {"columns": list(self.columns), "rows": [list(r) for r in self.rows]}


@dataclass(frozen=True)
class NoticeDraft:
    """The editable content of a notice."""

    template: str
    title: str
    body: str  # paragraphs separated by blank lines
    period_start: date
    period_end: date
    issuer: str
    contact: str
    roster: Roster | None = None
    supervision_phone: str = ""
    objection_channel: str = ""
    issue_date: date | None = None  # defaults to period_start
    catalogue_item_uuids: tuple[str, ...] = ()
    policy_links: tuple[PolicyLink, ...] = ()  # the policy documents the notice rests on
    target_board_uuids: tuple[str, ...] = ()
    audience_mode: str = "fixed"  # fixed (定点: boards) | targeted (定向: a group)
    audience_group: str = ""
    mask_names: bool | None = None  # None: as the template's profile says
    masking_exemptions: tuple[str, ...] = ()  # originals a staff member unticked in the preview


@dataclass(frozen=True)
class PeriodCheck:
    """The posting period against the template's legal minimum (if it has one)."""

    days: int  # length in the rule's unit (calendar days when there is no rule)
    unit: str
    min_days: int | None
    basis: str
    ok: bool
    provisional: bool  # working days counted over a year without official holiday data
    earliest_end: date | None

    @property
    def message_value(self) -> Message:
        """``message`` as a translatable message (app/messages.py; the window shows this)."""
        unit = Label("个工作日" if self.unit == "working" else "日")
        minimum: Arg = ""
        if self.min_days is not None:
            late: Arg = (
                Message.of(messages.PERIOD_LATE, end=self.earliest_end.isoformat())
                if not self.ok and self.earliest_end
                else ""
            )
            minimum = Message.of(
                messages.PERIOD_MINIMUM, min=self.min_days, unit=unit, basis=self.basis, late=late
            )
        provisional: Arg = Message.of(messages.PERIOD_PROVISIONAL) if self.provisional else ""
        return Message.of(
            messages.PERIOD, days=self.days, unit=unit, minimum=minimum, provisional=provisional
        )

    @property
    def message(self) -> str:
        unit = "个工作日" if self.unit == "working" else "日"
        text = f"公示期共 {self.days}{unit}"
        if self.min_days is not None:
            text += f"，法定最短 {self.min_days}{unit}（{self.basis}）"
            if not self.ok and self.earliest_end:
                text += f"；结束日期最早应为 {self.earliest_end.isoformat()}"
        if self.provisional:
            text += "（暂定：该年无官方节假日数据）"
        return text


@dataclass(frozen=True)
class ReviewStep:
    """One recorded step: who, when, which revision, what they decided and said."""

    uuid: str
    revision: int
    step: str
    decision: str
    opinion: str
    confidentiality_checked: bool
    actor: str
    actor_label: str
    at: datetime

    @property
    def label(self) -> str:
        return f"{STEP_LABELS.get(self.step, self.step)}：{DECISION_LABELS.get(self.decision, self.decision)}"


@dataclass(frozen=True)
class NoticeView:
    """A notice for staff (originals included)."""

    id: int
    uuid: str
    revision: int
    kind: str
    template: str
    template_name: str
    title: str
    body: str
    roster: Roster | None
    period_start: date
    period_end: date
    issuer: str
    contact: str
    supervision_phone: str
    objection_channel: str
    issue_date: date
    catalogue_item_uuids: tuple[str, ...]
    target_board_uuids: tuple[str, ...]
    audience_mode: str
    audience_group: str
    masking_profile: dict[str, object]
    masking_exemptions: tuple[str, ...]
    status: str
    return_reason: str
    withdraw_reason: str
    public_url: str
    created_by: str
    revision_author: str
    created_at: datetime
    published_at: datetime | None
    period_check: PeriodCheck
    reviews: tuple[ReviewStep, ...] = field(default=())
    policy_links: tuple[PolicyLink, ...] = ()

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def draft(self) -> NoticeDraft:
        """The editable content, to start an edit from."""
        return NoticeDraft(
            template=self.template,
            title=self.title,
            body=self.body,
            period_start=self.period_start,
            period_end=self.period_end,
            issuer=self.issuer,
            contact=self.contact,
            roster=self.roster,
            supervision_phone=self.supervision_phone,
            objection_channel=self.objection_channel,
            issue_date=self.issue_date,
            catalogue_item_uuids=self.catalogue_item_uuids,
            policy_links=self.policy_links,
            target_board_uuids=self.target_board_uuids,
            audience_mode=self.audience_mode,
            audience_group=self.audience_group,
            mask_names=bool(self.masking_profile.get("names", False)),
            masking_exemptions=self.masking_exemptions,
        )


@dataclass(frozen=True)
class PublicNotice:
    """A published notice as anyone outside the staff window may see it: masked."""

    uuid: str
    revision: int
    kind: str
    title: str
    paragraphs: tuple[str, ...]
    roster: Roster | None
    issuer: str
    contact: str
    supervision_phone: str
    period_start: date
    period_end: date
    public_url: str
    published_at: datetime | None


@dataclass(frozen=True)
class BoardView:
    uuid: str
    name: str
    village: str
    location: str
    medium: str  # paper | screen
    active: bool

    @property
    def medium_label(self) -> str:
        return "电子屏" if self.medium == "screen" else "纸质公开栏"


@dataclass(frozen=True)
class PostingView:
    uuid: str
    notice_uuid: str
    notice_title: str
    notice_status: str
    revision: int
    board_uuid: str
    board_name: str
    village: str
    posted_on: date
    posted_by: str
    photo_sha256: str
    take_down_on: date
    taken_down_on: date | None
    taken_down_by: str


@dataclass(frozen=True)
class TakeDown:
    """A posting that must come down: today (``overdue_days == 0``) or already late."""

    posting: PostingView
    overdue_days: int


@dataclass(frozen=True)
class MissingPosting:
    """An approved/published notice not yet on one of its target boards."""

    notice_uuid: str
    notice_title: str
    status: str
    board_uuid: str
    board_name: str
    village: str
    period_start: date | None = None  # when the notice should be up from


@dataclass(frozen=True)
class PrintRecord:
    uuid: str
    notice_uuid: str
    revision: int
    board: str
    copies: int
    paper: str
    printer: str
    printed_by: str
    at: datetime


@dataclass(frozen=True)
class PeriodRule:
    template: str
    min_days: int
    unit: str
    basis: str
    updated_by: str
