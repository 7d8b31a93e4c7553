"""Plain values the event service takes and returns (never ORM rows), with the fixed vocabularies.

Vocabularies a user sees (status, outcome, invited roles) are Chinese labels keyed by stable English
codes; the codes go into the database, exports and sync payloads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from app.policies.links import PolicyLink

Status = Literal["planned", "held", "closed", "cancelled"]
Outcome = Literal["pending", "adopted", "partly", "not_adopted"]
RegistrationStatus = Literal["registered", "waiting", "cancelled"]

STATUS_LABELS: dict[str, str] = {
    "planned": "计划中",
    "held": "已举办",
    "closed": "已结束（已报告）",
    "cancelled": "已取消",
}
OUTCOME_LABELS: dict[str, str] = {
    "pending": "待研究",
    "adopted": "采纳",
    "partly": "部分采纳",
    "not_adopted": "未采纳",
}
REGISTRATION_LABELS: dict[str, str] = {"registered": "已报名", "waiting": "候补", "cancelled": "已取消"}

#: Who a 政府开放日/开放月 invites: 郭店街道's open month of 2025-09-09 invited 义务监督员, 人大代表, 政协委员,
#: enterprise representatives and residents (docs/domain-facts.md, §5 "Jinan").
INVITED_ROLES: tuple[str, ...] = ("义务监督员", "人大代表", "政协委员", "群众代表", "企业代表")

#: Built-in event types: key, label. The first three are the zone activities the seed names
#: (2023 Jinan key points 一(三): 现场解读、综合政策辅导、办事流程演示); open days/months, symposia or
#: hearings and surveys are the 政府开放活动 forms of 三(四) and 二(二). ``other`` receives imported
#: events whose type is unknown.
BUILTIN_TYPES: tuple[tuple[str, str], ...] = (
    ("policy_interpretation", "现场政策解读"),
    ("policy_counselling", "综合政策辅导"),
    ("procedure_demonstration", "办事流程演示"),
    ("open_day", "政府开放日/开放月"),
    ("symposium", "座谈会/听证会"),
    ("survey", "问卷调查/征集调查"),
    ("other", "其他活动"),
)

#: Event types that interpret the policy documents they link (by UUID) on site: the reader and the
#: kiosk show their next occurrences with the document as 现场演示 (docs/policies.md).
INTERPRETING_TYPES: tuple[str, ...] = ("policy_interpretation", "procedure_demonstration")


@dataclass(frozen=True)
class EventTypeValue:
    key: str
    label: str
    builtin: bool
    active: bool


@dataclass(frozen=True)
class SynonymTable:
    """The CATEGORIES synonym table as one person sees it: the pairs, the types a name may map to,
    and whether this person may change it (the rule is ``EventService.may_edit_synonyms``)."""

    #: (name as written in calendar files, type key), in the table's order
    pairs: tuple[tuple[str, str], ...]
    #: (key, label) of every active type, in the calendar's order
    types: tuple[tuple[str, str], ...]
    editable: bool

    def label(self, key: str) -> str:
        return next((label for k, label in self.types if k == key), key)


@dataclass(frozen=True)
class EventDraft:
    """What a user fills in to create or edit an event. Times are aware (any zone; shown in Shanghai).

    ``rrule`` is an RFC 5545 RRULE value without the ``RRULE:`` prefix (e.g. ``FREQ=WEEKLY;BYDAY=TU``),
    or None for a single event. ``adoption_start`` None means "the day the event ends".
    """

    type_key: str
    title: str
    start: datetime
    end: datetime
    place: str = ""
    description: str = ""
    rrule: str | None = None
    exdates: tuple[datetime, ...] = ()
    host: str = ""
    speakers: tuple[str, ...] = ()
    audience: str = ""
    capacity: int | None = None
    invited_roles: tuple[str, ...] = ()
    series: str = ""
    catalogue_item_uuids: tuple[str, ...] = ()
    policy_links: tuple[PolicyLink, ...] = ()
    adoption_days: int = 10
    adoption_start: date | None = None
    #: an all-day event: start and end are local midnights (end exclusive: one day ends the next day)
    all_day: bool = False


@dataclass(frozen=True)
class OverrideValue:
    """A moved occurrence: the original start (RECURRENCE-ID) and the new times, all Asia/Shanghai."""

    recurrence_id: datetime
    start: datetime
    end: datetime
    place: str = ""
    note: str = ""


@dataclass(frozen=True)
class QA:
    question: str
    answer: str


@dataclass(frozen=True)
class Suggestion:
    """A suggestion and its adoption outcome; ``reason`` is required unless adopted."""

    content: str
    outcome: Outcome = "pending"
    reason: str = ""
    proposer: str = ""


@dataclass(frozen=True)
class ClosingReport:
    """What happened at an event: attendance, questions and answers, suggestions with outcomes."""

    attendance: int
    qa: tuple[QA, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    summary: str = ""
    policy_release_date: date | None = None
    adoption_days: int | None = None


@dataclass(frozen=True)
class EventValue:
    """An event as the staff view sees it. Times aware in Asia/Shanghai."""

    uuid: str
    ical_uid: str
    type_key: str
    type_label: str
    title: str
    description: str
    place: str
    start: datetime
    end: datetime
    rrule: str | None
    exdates: tuple[datetime, ...]
    overrides: tuple[OverrideValue, ...]
    host: str
    speakers: tuple[str, ...]
    audience: str
    capacity: int | None
    invited_roles: tuple[str, ...]
    series: str
    catalogue_item_uuids: tuple[str, ...]
    policy_links: tuple[PolicyLink, ...]
    status: Status
    registered: int
    waiting: int
    checked_in: int
    attendance: int | None
    qa: tuple[QA, ...]
    suggestions: tuple[Suggestion, ...]
    report_summary: str
    adoption_days: int
    adoption_start: date | None
    adoption_published_on: date | None
    public_url: str
    cancel_reason: str = ""
    all_day: bool = False

    @property
    def recurring(self) -> bool:
        return self.rrule is not None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class Occurrence:
    """One expanded occurrence of an event (a single event has exactly one). Aware, Asia/Shanghai."""

    event_uuid: str
    start: datetime
    end: datetime
    type: str
    type_label: str
    title: str
    place: str
    status: Status
    recurring: bool = False
    moved: bool = False
    recurrence_id: datetime | None = None
    uid: str = ""  # the iCalendar UID (the event's UUID unless it was imported)
    all_day: bool = False


@dataclass(frozen=True)
class Overlap:
    """Two occurrences in the same place at the same time."""

    place: str
    first: Occurrence
    second: Occurrence


@dataclass(frozen=True)
class RegistrationValue:
    """A registration as staff see it (originals); public outputs use ``masked_name``/``masked_phone``."""

    uuid: str
    event_uuid: str
    name: str
    phone: str
    role: str
    status: RegistrationStatus
    checked_in_at: datetime | None
    created_at: datetime
    masked_name: str
    masked_phone: str

    @property
    def status_label(self) -> str:
        return REGISTRATION_LABELS[self.status]


@dataclass(frozen=True)
class AdoptionDue:
    """An adoption report that must be published: its working-day deadline and whether it is late."""

    event_uuid: str
    title: str
    start_date: date
    days: int
    due: date
    provisional: bool
    overdue: bool
    suggestions: int

    @property
    def state_label(self) -> str:
        label = "已逾期" if self.overdue else "待公开"
        return label + ("（暂定：该年无官方假期数据）" if self.provisional else "")


@dataclass(frozen=True)
class TargetProgress:
    year: int
    type_key: str
    type_label: str
    target: int
    held: int

    @property
    def met(self) -> bool:
        return self.held >= self.target


@dataclass(frozen=True)
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    uids: tuple[str, ...] = field(default_factory=tuple)
    #: what the import decided that the file did not say (e.g. a category read as 其他活动), with lines
    notes: tuple[str, ...] = field(default_factory=tuple)
