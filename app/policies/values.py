"""The policy library's vocabulary and the plain values its service takes and returns (never ORM rows).

Codes (English, stable) go into the database, files and sync payloads; labels (Chinese) are what people
read. The five interpretation forms are those the seed names (2023 Jinan key points 三(二): 文字、图片、
视频解读, 简明问答, 现场演示); 有效性 follows the validity marks government document libraries use
(有效 / 失效 / 废止 / 已修订, see docs/policies.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePath

VALID = "valid"
EXPIRED = "expired"
REPEALED = "repealed"
REVISED = "revised"

VALIDITY_LABELS: dict[str, str] = {VALID: "有效", EXPIRED: "失效", REPEALED: "废止", REVISED: "已修订"}
#: Spellings a metadata sheet may use for each validity.
VALIDITY_SPELLINGS: dict[str, str] = {
    "有效": VALID,
    "现行有效": VALID,
    "valid": VALID,
    "失效": EXPIRED,
    "已失效": EXPIRED,
    "expired": EXPIRED,
    "废止": REPEALED,
    "已废止": REPEALED,
    "repealed": REPEALED,
    "已修订": REVISED,
    "修订": REVISED,
    "已修改": REVISED,
    "revised": REVISED,
}

DEMONSTRATION = "demonstration"  # 现场演示: held at an event of the zone (``event_uuid``)
FORMS: dict[str, str] = {
    "text": "文字解读",
    "graphic": "图解",
    "qa": "问答",
    "video": "视频",
    "demonstration": "现场演示",
}
FORM_SPELLINGS: dict[str, str] = {
    **{label: code for code, label in FORMS.items()},
    **{code: code for code in FORMS},
    "文字": "text",
    "图文解读": "graphic",
    "图片": "graphic",
    "图解解读": "graphic",
    "简明问答": "qa",
    "问答解读": "qa",
    "视频解读": "video",
    "现场解读": "demonstration",
}

BODY_SOURCES: dict[str, str] = {"typed": "录入", "docx": "Word 文件", "pdf": "PDF 文件", "txt": "文本文件"}
TEXT_OK = "ok"
TEXT_NONE = "no_text"  # a scanned-image PDF: no text layer, so no full-text search
DRAFT = "draft"
PUBLISHED = "published"
STATUS_LABELS = {DRAFT: "草稿", PUBLISHED: "已发布"}
ORIGINS: dict[str, str] = {"site": "本站点", "platform": "市级平台"}

ATTACHMENT_KINDS: dict[str, str] = {
    "pdf": "PDF",
    "image": "图片",
    "video": "视频",
    "document": "文档",
    "other": "其他",
}
_KIND_BY_SUFFIX: dict[str, str] = {
    ".pdf": "pdf",
    **dict.fromkeys((".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff"), "image"),
    **dict.fromkeys(
        (".mp4", ".m4v", ".mov", ".webm", ".avi", ".mkv", ".wmv", ".flv", ".mpg", ".mpeg"), "video"
    ),
    **dict.fromkeys((".docx", ".doc", ".wps", ".txt", ".xlsx", ".xls", ".et", ".ofd", ".rtf"), "document"),
}
#: Files a document's full text is read from.
TEXT_SUFFIXES = (".docx", ".pdf", ".txt")

READ = "read"
PRINT = "print"
ACTIONS: dict[str, str] = {READ: "查阅", PRINT: "打印"}

CHANGE_KINDS: dict[str, str] = {
    "new": "新发布",
    "revised": "已修订",
    "repealed": "已废止",
    "expired": "已失效",
}


def attachment_kind(name: str) -> str:
    """pdf / image / video / document / other, from the file name's extension."""
    return _KIND_BY_SUFFIX.get(PurePath(name).suffix.lower(), "other")


def validity_label(code: str) -> str:
    return VALIDITY_LABELS.get(code, code)


@dataclass(frozen=True)
class DocumentDraft:
    """What a person (or a metadata sheet row) gives for a document."""

    title: str
    doc_number: str = ""
    issuer: str = ""
    written_on: date | None = None
    published_on: date | None = None
    effective_on: date | None = None
    domain: str = ""
    keywords: tuple[str, ...] = ()
    body: str = ""
    interpretation_required: bool = True
    status: str = PUBLISHED


@dataclass(frozen=True)
class AttachmentView:
    uuid: str
    kind: str
    name: str
    sha256: str
    size: int
    pages: int

    @property
    def kind_label(self) -> str:
        return ATTACHMENT_KINDS.get(self.kind, self.kind)


@dataclass(frozen=True)
class QAPair:
    question: str
    answer: str


@dataclass(frozen=True)
class InterpretationDraft:
    """An interpretation to add: its form, title, text or Q&A, and for 现场演示 the event held."""

    form: str
    title: str
    body: str = ""
    qa: tuple[QAPair, ...] = ()
    event_uuid: str = ""
    issuer: str = ""
    published_on: date | None = None


@dataclass(frozen=True)
class InterpretationView:
    uuid: str
    document_uuid: str
    form: str
    title: str
    body: str
    qa: tuple[QAPair, ...]
    event_uuid: str
    issuer: str
    published_on: date | None
    origin: str
    attachments: tuple[AttachmentView, ...] = ()

    @property
    def form_label(self) -> str:
        return FORMS.get(self.form, self.form)

    @property
    def images(self) -> tuple[AttachmentView, ...]:
        return tuple(a for a in self.attachments if a.kind == "image")

    def text(self) -> str:
        """The interpretation as plain text (Q&A written out)."""
        parts = [self.body] if self.body else []
        for i, pair in enumerate(self.qa, 1):
            parts.append(f"问{i}：{pair.question}\n答：{pair.answer}")
        return "\n\n".join(parts)


@dataclass(frozen=True)
class DocumentRow:
    """A document as a list shows it (no full text)."""

    uuid: str
    title: str
    doc_number: str
    issuer: str
    written_on: date | None
    published_on: date | None
    effective_on: date | None
    validity: str
    validity_on: date | None
    replaced_by: str
    domain: str
    keywords: tuple[str, ...]
    origin: str
    status: str
    text_status: str
    has_original_pdf: bool
    interpretations: int
    public_url: str

    @property
    def validity_label(self) -> str:
        return validity_label(self.validity)

    @property
    def current(self) -> bool:
        """In force: valid and published (废止/失效/已修订 documents are never current)."""
        return self.validity == VALID and self.status == PUBLISHED

    @property
    def year(self) -> int | None:
        d = self.published_on or self.written_on
        return d.year if d else None

    def to_json(self) -> dict[str, object]:
        return {
            "uuid": self.uuid,
            "title": self.title,
            "number": self.doc_number,
            "issuer": self.issuer,
            "written_on": _iso(self.written_on),
            "published_on": _iso(self.published_on),
            "effective_on": _iso(self.effective_on),
            "validity": self.validity,
            "validity_label": self.validity_label,
            "validity_on": _iso(self.validity_on),
            "replaced_by": self.replaced_by or None,
            "domain": self.domain,
            "keywords": list(self.keywords),
            "origin": self.origin,
            "status": self.status,
            "text": self.text_status,
            "interpretations": self.interpretations,
            "public_url": self.public_url,
        }


WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class Demonstration:
    """An upcoming on-site demonstration of a document: the next occurrence of an event of the zone
    that interprets it (a 现场政策解读 or 办事流程演示 event linking it, or the event a 现场演示
    interpretation names). Times are Asia/Shanghai."""

    event_uuid: str
    title: str
    start: datetime
    end: datetime
    place: str
    all_day: bool = False

    @property
    def when(self) -> str:
        """2026年12月10日（周四）14:30—16:00 (the date alone for an all-day event)."""
        s = self.start
        day = f"{s.year}年{s.month}月{s.day}日（周{WEEKDAYS[s.weekday()]}）"
        if self.all_day:
            return day
        end = (
            f"{self.end:%H:%M}"
            if self.end.date() == s.date()
            else f"{self.end.month}月{self.end.day}日{self.end:%H:%M}"
        )
        return f"{day}{s:%H:%M}—{end}"

    @property
    def line(self) -> str:
        """What the reader and the kiosk show: 现场演示：<date, time>，<place>."""
        return f"现场演示：{self.when}，{self.place or '地点见活动详情'}"


@dataclass(frozen=True)
class DocumentView:
    """A document with its full text, files and interpretations (the reader's content)."""

    row: DocumentRow
    body: str
    body_source: str
    source_name: str
    source_sha256: str
    source_pages: int
    interpretation_required: bool
    replaced_by_title: str
    replaces: tuple[tuple[str, str], ...]  # (uuid, title) of the documents this one replaced
    attachments: tuple[AttachmentView, ...]
    interpretations: tuple[InterpretationView, ...]
    created_by: str
    created_at: datetime
    updated_at: datetime
    #: the site issued it and 三同步 applies, but it has no interpretation yet
    interpretation_due: bool = False
    #: titles of the catalogue items linked to it
    linked_items: tuple[str, ...] = ()
    #: the next on-site demonstrations of it (events of the zone that interpret it), soonest first
    demonstrations: tuple[Demonstration, ...] = ()

    @property
    def uuid(self) -> str:
        return self.row.uuid

    @property
    def title(self) -> str:
        return self.row.title

    @property
    def has_original_pdf(self) -> bool:
        return bool(self.source_sha256) and self.source_pages > 0


@dataclass(frozen=True)
class SearchFilters:
    """Narrowing a search or a list: by domain, issuer, year (published, else written) and validity."""

    domain: str = ""
    issuer: str = ""
    year: int | None = None
    validity: str = ""  # "" any; "current" valid only; or one validity code
    published_only: bool = False


@dataclass(frozen=True)
class SearchHit:
    """A found document, whether the hit was in its title/number/keywords or in its text, and where."""

    row: DocumentRow
    where: str  # "title" | "text"
    snippet: str = ""


@dataclass(frozen=True)
class ReadingEntry:
    """One line of the reading register (查阅登记)."""

    uuid: str
    on: date
    document_uuid: str
    interpretation_uuid: str
    title: str
    action: str
    pages: int
    copies: int
    reader_name: str
    note: str
    recorded_by: str

    @property
    def action_label(self) -> str:
        return ACTIONS.get(self.action, self.action)


@dataclass(frozen=True)
class RegisterFigures:
    """The year's figures for the annual report: visits to the reading place and what they took away."""

    year: int
    readings: int
    prints: int
    printed_pages: int
    documents: int  # distinct documents read or printed

    def to_json(self) -> dict[str, int]:
        return {
            "year": self.year,
            "readings": self.readings,
            "prints": self.prints,
            "printed_pages": self.printed_pages,
            "documents": self.documents,
        }


@dataclass(frozen=True)
class ChangeView:
    """A document that changed on the city platform, waiting for staff to review."""

    id: int
    document_uuid: str
    title: str
    kind: str
    detail: str
    on: date
    linked_items: tuple[str, ...] = ()  # titles of catalogue items resting on it

    @property
    def kind_label(self) -> str:
        return CHANGE_KINDS.get(self.kind, self.kind)


@dataclass(frozen=True)
class ImportRowResult:
    file: str
    title: str
    text_status: str
    pages: int


@dataclass(frozen=True)
class ImportReport:
    """What an import did (or, with dry_run, would do)."""

    source: str
    rows: tuple[ImportRowResult, ...]
    created: tuple[str, ...] = ()  # uuids
    dry_run: bool = False
    warnings: tuple[str, ...] = field(default=())


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None
