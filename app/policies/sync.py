"""The city's policy library arriving at a site: the ``policy_library`` bucket's applier.

Rows are documents (key = uuid) and interpretations (key = "<document uuid>/<uuid>"); their files are
already in the blob store (the sync service downloads each row's ``blob_refs`` first). A document's
text is extracted here from its original file, with the same code a local import uses.

Rules:

* Documents from the platform are the platform's: the site stores them (origin ``platform``) and
  never pushes them back; the platform's validity wins, so a document marked 废止 (失效, 已修订) on the
  platform becomes so at every site, with the platform's date and replacing document.
* A change the site should review is recorded (``policy_change``) when a document it relies on — one
  linked to its catalogue items, or named 《…》 in an active item's 公开依据 — is new, revised, repealed
  or expired, and when a document replacing one it relies on arrives. Today lists them.
* Idempotent: applying the same rows again changes nothing and records nothing new (the sync service
  may hand a page over twice when a round dies before it is recorded).
"""

from __future__ import annotations

import json
import logging
import re
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import GongkaiError
from app.policies import values as v
from app.policies.extract import extract
from app.sync.values import PulledRow
from app.uow import transaction
from db.base import utcnow
from db.models import (
    CatalogueItem,
    PolicyAttachment,
    PolicyChange,
    PolicyDocument,
    PolicyInterpretation,
    PolicyItemLink,
)

if TYPE_CHECKING:
    from app.policies.service import PolicyService

log = logging.getLogger(__name__)

DOCUMENT = "policy_document"
INTERPRETATION = "policy_interpretation"
_TITLE = re.compile(r"《([^《》]{2,120})》")


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _text(value: Any, limit: int) -> str:
    return str(value or "").strip()[:limit]


def apply_platform_rows(service: PolicyService, rows: list[PulledRow]) -> None:
    """Store the pulled documents and interpretations (documents first, in one transaction)."""
    documents = [r for r in rows if r.entity == DOCUMENT]
    interpretations = [r for r in rows if r.entity == INTERPRETATION]
    with transaction(service._sf) as session:
        relied = _relied_on(session)
        for row in documents:
            _apply_document(service, session, row, relied)
        for row in interpretations:
            _apply_interpretation(service, session, row)
    service._search.invalidate()


def _relied_on(session: Session) -> tuple[set[str], set[str]]:
    """(document uuids linked to catalogue items, titles named 《…》 in active items' 公开依据)."""
    linked = set(session.execute(select(PolicyItemLink.document_uuid)).scalars())
    titles: set[str] = set()
    for basis in session.execute(
        select(CatalogueItem.basis).where(CatalogueItem.status == "active")
    ).scalars():
        titles.update(t.strip() for t in _TITLE.findall(basis or ""))
    return linked, titles


def _is_relied_on(row: PolicyDocument, relied: tuple[set[str], set[str]]) -> bool:
    linked, titles = relied
    return row.uuid in linked or row.title.strip("《》 ") in titles


def _apply_document(
    service: PolicyService, session: Session, pulled: PulledRow, relied: tuple[set[str], set[str]]
) -> None:
    data = pulled.data
    uuid = pulled.key
    row = session.execute(select(PolicyDocument).where(PolicyDocument.uuid == uuid)).scalar_one_or_none()
    if row is not None and row.origin != "platform":
        log.warning("platform row %s names a document this site made; ignored", uuid)
        return
    if row is not None and row.platform_version >= pulled.version:
        return  # already applied (a page handed over again)
    today = service._clock.today()
    if pulled.deleted:
        if row is not None:
            row.status = v.DRAFT  # withdrawn from the library: no longer shown anywhere public
            row.platform_version = pulled.version
        return
    is_new = row is None
    before_validity = row.validity if row is not None else v.VALID
    before_source = row.source_sha256 if row is not None else ""
    if row is None:
        row = PolicyDocument(uuid=uuid, origin="platform", created_by="city-platform", status=v.PUBLISHED)
        session.add(row)
    row.title = _text(data.get("title"), 500) or "（无标题）"
    row.doc_number = _text(data.get("doc_number"), 200)
    row.issuer = _text(data.get("issuer"), 300)
    row.written_on = _date(data.get("written_on"))
    row.published_on = _date(data.get("published_on"))
    row.effective_on = _date(data.get("effective_on"))
    validity = str(data.get("validity") or v.VALID)
    row.validity = validity if validity in v.VALIDITY_LABELS else v.VALID
    row.validity_on = _date(data.get("validity_on"))
    row.replaced_by = _text(data.get("replaced_by"), 36)
    row.domain = _text(data.get("domain"), 100)
    keywords = data.get("keywords")
    row.keywords = json.dumps(
        [str(k) for k in keywords] if isinstance(keywords, list) else [], ensure_ascii=False
    )
    row.public_url = _text(data.get("public_url"), 300) or f"{service._base_url()}/d/{uuid}"
    row.interpretation_required = False  # the 三同步 rule is for the issuer, not for every reader
    row.status = v.PUBLISHED
    row.platform_version = pulled.version
    row.updated_at = utcnow()  # wall time: the search index's change token
    from app.catalogue.search import pinyin_forms

    row.title_pinyin, row.title_initials = pinyin_forms([row.title])
    source = data.get("source") if isinstance(data.get("source"), dict) else None
    if source and source.get("sha256") and source.get("sha256") != before_source:
        _read_source(service, row, source)
    elif not source:
        body = _text(data.get("body"), 2_000_000)
        row.body, row.body_source, row.text_status = body, "typed", v.TEXT_OK if body else v.TEXT_NONE
    session.flush()
    _replace_attachments(session, data.get("attachments"), document_id=row.id)
    # What the site should review.
    kind = ""
    if is_new:
        if _is_relied_on(row, relied) or _replaces_relied(session, row, relied):
            kind = "new"
    elif row.validity != before_validity and _is_relied_on(row, relied):
        kind = row.validity if row.validity in ("repealed", "expired", "revised") else ""
    if kind:
        detail = {
            "new": "发布了新文件",
            "repealed": "标记为废止",
            "expired": "标记为失效",
            "revised": "标记为已修订",
        }[kind]
        if row.validity_on and kind != "new":
            detail += f"（自 {row.validity_on.isoformat()} 起）"
        session.add(
            PolicyChange(document_uuid=row.uuid, kind=kind, detail=detail, on=today, at=service._clock.now())
        )


def _replaces_relied(session: Session, row: PolicyDocument, relied: tuple[set[str], set[str]]) -> bool:
    """Does this (new) document replace one the site relies on?"""
    old = (
        session.execute(select(PolicyDocument).where(PolicyDocument.replaced_by == row.uuid)).scalars().all()
    )
    return any(_is_relied_on(o, relied) for o in old)


def _read_source(service: PolicyService, row: PolicyDocument, source: dict[str, Any]) -> None:
    sha = str(source.get("sha256"))
    name = _text(source.get("name"), 300) or "原件.pdf"
    row.source_sha256 = sha
    row.source_name = name
    try:
        extracted = extract(name, service.blobs.read(sha))
    except GongkaiError as exc:
        log.warning("platform document %s: text not extracted (%s)", row.uuid, exc)
        row.body, row.body_source, row.text_status, row.source_pages = "", "pdf", v.TEXT_NONE, 0
        return
    row.body = extracted.text
    row.body_source = extracted.source
    row.text_status = extracted.text_status
    row.source_pages = extracted.pages


def _replace_attachments(
    session: Session, items: Any, *, document_id: int | None = None, interpretation_id: int | None = None
) -> None:
    query = select(PolicyAttachment)
    query = (
        query.where(PolicyAttachment.document_id == document_id)
        if document_id is not None
        else query.where(PolicyAttachment.interpretation_id == interpretation_id)
    )
    for old in session.execute(query).scalars():
        session.delete(old)
    for i, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict) or not item.get("sha256"):
            continue
        name = _text(item.get("name"), 300) or "附件"
        session.add(
            PolicyAttachment(
                document_id=document_id,
                interpretation_id=interpretation_id,
                kind=str(item.get("kind") or v.attachment_kind(name))[:16],
                name=name,
                sha256=str(item["sha256"])[:64],
                size=int(item.get("size") or 0),
                pages=int(item.get("pages") or 0),
                position=i,
            )
        )


def _apply_interpretation(service: PolicyService, session: Session, pulled: PulledRow) -> None:
    data = pulled.data
    doc_uuid, _, uuid = pulled.key.partition("/")
    uuid = uuid or str(data.get("uuid") or "")
    doc = session.execute(select(PolicyDocument).where(PolicyDocument.uuid == doc_uuid)).scalar_one_or_none()
    if doc is None or not uuid:
        log.warning("platform interpretation %s: document %s not here; skipped", pulled.key, doc_uuid)
        return
    row = session.execute(
        select(PolicyInterpretation).where(PolicyInterpretation.uuid == uuid)
    ).scalar_one_or_none()
    if row is not None and row.platform_version >= pulled.version:
        return
    if pulled.deleted:
        if row is not None:
            _replace_attachments(session, [], interpretation_id=row.id)
            session.delete(row)
        return
    if row is None:
        row = PolicyInterpretation(
            uuid=uuid, document_id=doc.id, origin="platform", created_by="city-platform"
        )
        session.add(row)
    form = str(data.get("form") or "text")
    row.form = form if form in v.FORMS else "text"
    row.title = _text(data.get("title"), 500) or doc.title
    row.body = _text(data.get("body"), 200_000)
    qa = data.get("qa")
    row.qa = json.dumps(
        [
            {"question": _text(p.get("question"), 2000), "answer": _text(p.get("answer"), 10000)}
            for p in (qa if isinstance(qa, list) else [])
            if isinstance(p, dict)
        ],
        ensure_ascii=False,
    )
    row.event_uuid = _text(data.get("event_uuid"), 36)
    row.issuer = _text(data.get("issuer"), 300)
    row.published_on = _date(data.get("published_on"))
    row.platform_version = pulled.version
    session.flush()
    _replace_attachments(session, data.get("attachments"), interpretation_id=row.id)
