"""The frozen values RequestService hands to the UI and the CLI (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app import messages
from app.messages import Message
from app.requests.clock import ClockResult
from app.requests.fees import FeeQuote
from app.requests.rules import ANSWER_LABELS, APPLICANT_KINDS, CHANNELS, OPEN_STATES, STATES


@dataclass(frozen=True)
class RequestSummary:
    """One request as a list shows it: identity number and contact masked (app.privacy)."""

    uuid: str
    number: str
    status: str
    channel: str
    received_on: date
    applicant_kind: str
    applicant_name: str
    id_masked: str
    phone_masked: str
    description: str
    due_on: date | None
    provisional: bool
    paused_now: bool
    correction_due_on: date | None
    extension_days: int
    answer_type: str
    answered_on: date | None
    #: working days from today to the due date (negative = overdue); None when no clock runs.
    days_left: int | None

    @property
    def status_label(self) -> str:
        return STATES.get(self.status, self.status)

    @property
    def channel_label(self) -> str:
        spec = CHANNELS.get(self.channel)
        return spec.label if spec else self.channel

    @property
    def kind_label(self) -> str:
        return APPLICANT_KINDS.get(self.applicant_kind, self.applicant_kind)

    @property
    def answer_label(self) -> str:
        return ANSWER_LABELS.get(self.answer_type, self.answer_type)

    @property
    def is_open(self) -> bool:
        """Not yet answered: the clock runs, is paused, or waits for a correction."""
        return self.status in OPEN_STATES or self.status == "correction_requested"

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def due_text(self) -> str:
        """The due date as shown everywhere (Chinese): provisional and paused dates are flagged."""
        message = self.due_message
        return message.text() if message is not None else ""

    @property
    def due_message(self) -> Message | None:
        """``due_text`` as a translatable message (app/messages.py); None without a deadline.
        Dates stay ISO (YYYY-MM-DD), as the list sorts and the letters write them."""
        if self.status == "correction_requested":
            if self.correction_due_on:
                return Message.of(messages.REQUEST_DUE_CORRECTION, due=self.correction_due_on.isoformat())
            return Message.of(messages.REQUEST_DUE_CORRECTION_BARE)
        if self.due_on is None:
            return None
        template = {
            (False, False): messages.REQUEST_DUE,
            (True, False): messages.REQUEST_DUE_PROVISIONAL,
            (False, True): messages.REQUEST_DUE_PAUSED,
            (True, True): messages.REQUEST_DUE_PROVISIONAL_PAUSED,
        }[(self.provisional, self.paused_now)]
        return Message.of(template, due=self.due_on.isoformat())

    def to_json(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "number": self.number,
            "status": self.status,
            "status_label": self.status_label,
            "channel": self.channel,
            "received_on": self.received_on.isoformat(),
            "applicant_kind": self.applicant_kind,
            "applicant_name": self.applicant_name,
            "id_number": self.id_masked,
            "phone": self.phone_masked,
            "description": self.description,
            "due_on": self.due_on.isoformat() if self.due_on else None,
            "provisional": self.provisional,
            "paused_now": self.paused_now,
            "correction_due_on": self.correction_due_on.isoformat() if self.correction_due_on else None,
            "extension_days": self.extension_days,
            "answer_type": self.answer_type,
            "answered_on": self.answered_on.isoformat() if self.answered_on else None,
            "days_left": self.days_left,
        }


@dataclass(frozen=True)
class Consultation:
    uuid: str
    party: str
    reason: str
    started_on: date
    ended_on: date | None
    due_on: date
    outcome: str


@dataclass(frozen=True)
class Contact:
    """The applicant's originals: staff-only (the detail pane of the staff window)."""

    contact_person: str
    id_number: str
    phone: str
    address: str
    email: str


@dataclass(frozen=True)
class RequestDetail:
    """Everything about one request for the staff window."""

    summary: RequestSummary
    contact: Contact
    arrived_on: date
    confirmed_on: date | None
    form: str
    delivery: str
    correction_notice_due_on: date
    correction_requested_on: date | None
    correction_items: str
    correction_received_on: date | None
    extension_reason: str
    extension_approver: str
    extended_on: date | None
    answer_note: str
    answered_by: str
    pages: int
    fee_yuan: int
    fee: FeeQuote
    archived_on: date | None
    consultations: tuple[Consultation, ...]
    clock: ClockResult
    #: target states reachable from here, with the Chinese action name.
    next_actions: tuple[tuple[str, str], ...]

    @property
    def uuid(self) -> str:
        return self.summary.uuid


@dataclass(frozen=True)
class Reminder:
    """Something a clerk must act on (the Today page and the requests page list these)."""

    uuid: str
    number: str
    kind: str  # due_soon | overdue | correction_waiting | consultation_waiting
    rule: str
    due_on: date
    provisional: bool

    @property
    def kind_label(self) -> str:
        return REMINDER_KINDS.get(self.kind, self.kind)


REMINDER_KINDS = {
    "overdue": "已超期",
    "due_soon": "即将到期",
    "correction_waiting": "等待补正",
    "consultation_waiting": "等待第三方意见",
}


@dataclass(frozen=True)
class ClockRule:
    key: str
    days: int
    label: str
    basis: str
    updated_by: str


@dataclass(frozen=True)
class RequestQuery:
    """What the requests list asks for: a state filter ("", "open" or a state), a search, an order
    (``number``, ``status``, ``applicant``, ``kind``, ``channel`` or ``received``) and a page."""

    state: str = ""
    text: str = ""
    sort: str = "received"
    descending: bool = True
    offset: int = 0
    limit: int = 100


@dataclass(frozen=True)
class RequestPage:
    rows: tuple[RequestSummary, ...]
    total: int


@dataclass(frozen=True)
class RequestCounts:
    open: int
    reminders: int
    overdue: int
