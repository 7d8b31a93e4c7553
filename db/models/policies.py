"""Tables of the policy library (政策文件库): documents, their attachments and interpretations, the
reading register (查阅登记), changes that arrived from the city platform, and links from catalogue items.

A document's full text is kept in ``policy_document.body``; the SQLite FTS5 index over it
(``policy_fts``, trigram tokenizer, external content) is created by migration ``0013_documents`` with
the triggers that keep it current, and is not a model (Alembic's comparison skips it, see
``db.migrate.include_name``). Files (the original .pdf/.docx, attachments, 图解 images, videos) are
stored once by SHA-256 in the data directory's blob store; rows name them by hash.

Other capabilities link documents by UUID with no foreign key (an event or a notice may name a
document that arrives later by sync): events and notices in their ``policy_links`` JSON, catalogue
items through ``policy_item_link``. Nothing is hard-deleted: a document leaves the current library by
its validity (失效 / 废止 / 已修订), never by removal.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, TimestampMixin, UUIDMixin, utcnow


class PolicyDocument(UUIDMixin, TimestampMixin, Base):
    """One policy document (政策文件) with its metadata, validity and full text."""

    __tablename__ = "policy_document"
    # The search index checks the newest change before every query (app/policies/search.py).
    __table_args__ = (Index("ix_policy_document_updated_at", "updated_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    doc_number: Mapped[str] = mapped_column(String(200), default="", index=True)  # 发文字号
    issuer: Mapped[str] = mapped_column(String(300), default="", index=True)  # 发文机关
    written_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # 成文日期
    published_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)  # 发布日期
    effective_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # 施行日期
    validity: Mapped[str] = mapped_column(
        String(16), default="valid", index=True
    )  # valid/expired/repealed/revised
    validity_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # when it stopped being valid
    replaced_by: Mapped[str] = mapped_column(String(36), default="")  # uuid of the replacing document
    domain: Mapped[str] = mapped_column(String(100), default="", index=True)  # catalogue domain name
    keywords: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    body: Mapped[str] = mapped_column(Text, default="")
    body_source: Mapped[str] = mapped_column(String(16), default="typed")  # typed/docx/pdf/txt
    text_status: Mapped[str] = mapped_column(String(16), default="ok")  # ok / no_text (scanned image)
    source_sha256: Mapped[str] = mapped_column(String(64), default="")  # the original file, if any
    source_name: Mapped[str] = mapped_column(String(300), default="")
    source_pages: Mapped[int] = mapped_column(Integer, default=0)  # pages of an original PDF
    origin: Mapped[str] = mapped_column(String(16), default="site")  # site / platform
    status: Mapped[str] = mapped_column(String(16), default="published")  # draft / published
    interpretation_required: Mapped[bool] = mapped_column(Boolean, default=True)  # 三同步 applies
    title_initials: Mapped[str] = mapped_column(Text, default="")  # pinyin initials of the title
    title_pinyin: Mapped[str] = mapped_column(Text, default="")  # full pinyin of the title
    public_url: Mapped[str] = mapped_column(String(300), default="")
    platform_version: Mapped[int] = mapped_column(Integer, default=0)  # last version pulled, 0 = local
    created_by: Mapped[str] = mapped_column(String(64), default="")


class PolicyInterpretation(UUIDMixin, TimestampMixin, Base):
    """An interpretation (解读材料) of one document, in one of the five forms."""

    __tablename__ = "policy_interpretation"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("policy_document.id"), index=True)
    form: Mapped[str] = mapped_column(String(16))  # text / graphic / qa / video / demonstration
    title: Mapped[str] = mapped_column(String(500))
    body: Mapped[str] = mapped_column(Text, default="")
    qa: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of {"question", "answer"}
    event_uuid: Mapped[str] = mapped_column(String(36), default="")  # 现场演示: the event held
    issuer: Mapped[str] = mapped_column(String(300), default="")
    published_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    origin: Mapped[str] = mapped_column(String(16), default="site")
    platform_version: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[str] = mapped_column(String(64), default="")


class PolicyAttachment(UUIDMixin, Base):
    """A file belonging to a document or an interpretation (PDF, image, video …), stored by SHA-256."""

    __tablename__ = "policy_attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("policy_document.id"), nullable=True, index=True
    )
    interpretation_id: Mapped[int | None] = mapped_column(
        ForeignKey("policy_interpretation.id"), nullable=True, index=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # pdf / image / video / document / other
    name: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    position: Mapped[int] = mapped_column(Integer, default=0)


class PolicyReading(UUIDMixin, Base):
    """One entry of the reading register (查阅登记): what was read or printed, how many pages.

    No personal data is required; ``reader_name`` is optional and every export masks it.
    """

    __tablename__ = "policy_reading"

    id: Mapped[int] = mapped_column(primary_key=True)
    on: Mapped[date] = mapped_column(Date, index=True)
    document_uuid: Mapped[str] = mapped_column(String(36), index=True)
    interpretation_uuid: Mapped[str] = mapped_column(String(36), default="")
    title: Mapped[str] = mapped_column(String(500))
    action: Mapped[str] = mapped_column(String(16))  # read / print
    pages: Mapped[int] = mapped_column(Integer, default=0)
    copies: Mapped[int] = mapped_column(Integer, default=1)
    reader_name: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class PolicyChange(Base):
    """A document that changed on the city platform (new, revised, repealed), until staff have read it."""

    __tablename__ = "policy_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_uuid: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # new / revised / repealed / expired
    detail: Mapped[str] = mapped_column(Text, default="")
    on: Mapped[date] = mapped_column(Date)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    acknowledged_at: Mapped[datetime | None] = mapped_column(nullable=True)
    acknowledged_by: Mapped[str] = mapped_column(String(64), default="")


class PolicyItemLink(Base):
    """A catalogue item (by UUID) and a document (by UUID) it rests on."""

    __tablename__ = "policy_item_link"
    __table_args__ = (UniqueConstraint("item_uuid", "document_uuid", name="uq_policy_item_link_pair"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_uuid: Mapped[str] = mapped_column(String(36), index=True)
    document_uuid: Mapped[str] = mapped_column(String(36), index=True)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
