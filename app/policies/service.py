"""PolicyService: the policy library's records, search, counter printing and reading register.

Rules it keeps:

* A document's full text comes from its original file (.docx/.pdf/.txt, app/policies/extract.py) or is
  typed; the original and every attachment are stored by SHA-256 (app/policies/blobs.py).
* Validity: a document is 有效 until it is marked 失效, 废止 or 已修订 with the date and, where there is
  one, the replacing document (``retire``); it never returns to the current library by accident, and
  nothing is deleted. The kiosk shows current (有效, published) documents only.
* Writes need the admin role (the 政务公开专员 keeps the library); counter staff (clerk) record
  readings and prints. Every write is one transaction with its audit entry and, for the site's own
  published documents, its outbox entry (documents from the platform are never pushed back).
* Reads never write.
"""

from __future__ import annotations

import builtins
import dataclasses
import json
import re
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app import audit, outbox
from app.authz import authorize
from app.clock import ZONE, Clock
from app.errors import InputError, NotFoundError, StateError
from app.policies import values as v
from app.policies.blobs import BlobStore
from app.policies.extract import MAX_DOCUMENT_BYTES, Extracted, extract, pdf_page_count
from app.policies.register import Period, ReadingRegister
from app.policies.search import PolicySearch
from app.privacy import mask_text
from app.settings import SettingsService
from app.sync import wire
from app.uow import read_only, transaction
from app.users import StaffUser
from db.base import utcnow
from db.models import (
    CatalogueDomain,
    CatalogueItem,
    Event,
    PolicyAttachment,
    PolicyChange,
    PolicyDocument,
    PolicyInterpretation,
    PolicyItemLink,
)

#: An attachment (a video above all) larger than this is refused.
MAX_ATTACHMENT_BYTES = 1024 * 1024 * 1024
#: Entities the site's own documents travel as (outbox → city platform).
ENTITY_DOCUMENT = "policy_document"
ENTITY_INTERPRETATION = "policy_interpretation"
#: Characters of a document's text sent to the platform (UTF-8 stays well inside wire.MAX_PAYLOAD_BYTES).
MAX_PUSHED_BODY = 600_000

if TYPE_CHECKING:
    from app.events import EventService


def _loads(raw: str) -> list[Any]:
    try:
        data = json.loads(raw or "[]")
    except ValueError:
        return []
    return data if isinstance(data, list) else []


def _keywords(values: Iterable[str]) -> list[str]:
    out: list[str] = []
    for value in values:
        for word in (
            str(value).replace("，", " ").replace(",", " ").replace("、", " ").replace("；", " ").split()
        ):
            if word and word not in out:
                out.append(word)
    return out


class PolicyService:
    """Documents, interpretations, links, search, printing and the reading register over one database."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        clock: Clock,
        settings: SettingsService,
        blobs: Path,
        *,
        readonly: bool = False,
        events: EventService | None = None,
    ) -> None:
        self._sf = session_factory
        # The zone's calendar, for the 现场演示 of a document (events that interpret it).
        self._events = events
        self._clock = clock
        self._settings = settings
        self.blobs = BlobStore(blobs)
        self._readonly = readonly
        self._search = PolicySearch()
        #: The 查阅登记 of the zone, a module of its own (add, list by period, export, print).
        self.readings = ReadingRegister(session_factory, clock, self._find, self._site_name)
        #: One line of the 查阅登记: the register's own ``add`` (same arguments, same checks).
        self.record_reading = self.readings.add

    # -- reading ------------------------------------------------------------------------------------

    def list(
        self, filters: v.SearchFilters | None = None, *, limit: int | None = None
    ) -> builtins.list[v.DocumentRow]:
        """Documents newest first (by 发布日期, else 成文日期), narrowed by ``filters``."""
        f = filters or v.SearchFilters()
        with read_only(self._sf) as session:
            query = select(PolicyDocument)
            if f.domain:
                query = query.where(PolicyDocument.domain == f.domain)
            if f.issuer:
                query = query.where(PolicyDocument.issuer == f.issuer)
            if f.validity == "current":
                query = query.where(PolicyDocument.validity == v.VALID)
            elif f.validity:
                query = query.where(PolicyDocument.validity == f.validity)
            if f.published_only:
                query = query.where(PolicyDocument.status == v.PUBLISHED)
            if f.year is not None:
                day = func.coalesce(PolicyDocument.published_on, PolicyDocument.written_on)
                query = query.where(day >= date(f.year, 1, 1), day <= date(f.year, 12, 31))
            query = query.order_by(
                func.coalesce(PolicyDocument.published_on, PolicyDocument.written_on).desc(),
                PolicyDocument.id.desc(),
            )
            if limit is not None:
                query = query.limit(limit)
            rows = session.execute(query.with_only_columns(*_ROW_COLUMNS)).all()
            counts = self._interpretation_counts(session, [r.id for r in rows])
            return [_row_value(r, counts.get(r.id, 0)) for r in rows]

    def search(
        self, query: str, filters: v.SearchFilters | None = None, limit: int = 50
    ) -> builtins.list[v.SearchHit]:
        """Title, number, keyword and pinyin hits first, then hits in the text (see app/policies/search.py)."""
        with read_only(self._sf) as session:
            hits = self._search.search(session, query, filters or v.SearchFilters(), limit)
            rows = self._rows_by_id(session, [h[0] for h in hits])
            return [v.SearchHit(rows[i], where, snippet) for i, where, snippet in hits if i in rows]

    def facets(self) -> tuple[builtins.list[str], builtins.list[str], builtins.list[int]]:
        """(domains, issuers, years) present in the library, for the filter boxes."""
        with read_only(self._sf) as session:
            order = {
                n: i
                for i, n in enumerate(
                    session.execute(select(CatalogueDomain.name).order_by(CatalogueDomain.code)).scalars()
                )
            }
            present = [d for d in session.execute(select(PolicyDocument.domain).distinct()).scalars() if d]
            domains = sorted(present, key=lambda d: (order.get(d, len(order)), d))  # catalogue order
            issuers = sorted(
                i for i in session.execute(select(PolicyDocument.issuer).distinct()).scalars() if i
            )
            days = session.execute(
                select(func.coalesce(PolicyDocument.published_on, PolicyDocument.written_on)).distinct()
            ).scalars()
            years = sorted(
                {d.year if isinstance(d, date) else int(str(d)[:4]) for d in days if d}, reverse=True
            )
            return domains, issuers, years

    def domains(self) -> builtins.list[str]:
        """The catalogue's domains (主题分类 of the library), in catalogue order."""
        with read_only(self._sf) as session:
            return list(
                session.execute(select(CatalogueDomain.name).order_by(CatalogueDomain.code)).scalars()
            )

    def get(self, ref: str) -> v.DocumentView:
        """A document by UUID, UUID prefix (≥ 8 characters) or 发文字号, with its next on-site
        demonstrations."""
        with read_only(self._sf) as session:
            view = self._view(session, self._find(session, ref))
        return dataclasses.replace(view, demonstrations=self.demonstrations(view))

    def demonstrations(self, doc: v.DocumentView, *, limit: int = 3) -> tuple[v.Demonstration, ...]:
        """The next occurrences of the zone's events that interpret ``doc``: 现场政策解读 and
        办事流程演示 events linking it by UUID, and the events its 现场演示 interpretations name."""
        if self._events is None:
            return ()
        named = [i.event_uuid for i in doc.interpretations if i.form == v.DEMONSTRATION and i.event_uuid]
        return tuple(
            v.Demonstration(
                o.event_uuid, o.title, o.start.astimezone(ZONE), o.end.astimezone(ZONE), o.place, o.all_day
            )
            for o in self._events.interpreting(doc.uuid, named, self._clock.now(), limit=limit)
        )

    def exists(self, uuid: str) -> bool:
        with read_only(self._sf) as session:
            return (
                session.execute(select(PolicyDocument.id).where(PolicyDocument.uuid == uuid)).first()
                is not None
            )

    def rows(self, uuids: Sequence[str]) -> builtins.list[v.DocumentRow]:
        """The documents with these UUIDs that the library holds, in the order given."""
        with read_only(self._sf) as session:
            found = session.execute(select(*_ROW_COLUMNS).where(PolicyDocument.uuid.in_(list(uuids)))).all()
            counts = self._interpretation_counts(session, [r.id for r in found])
            by_uuid = {r.uuid: _row_value(r, counts.get(r.id, 0)) for r in found}
            return [by_uuid[u] for u in uuids if u in by_uuid]

    def interpretation(self, uuid: str) -> v.InterpretationView:
        with read_only(self._sf) as session:
            row = session.execute(
                select(PolicyInterpretation).where(PolicyInterpretation.uuid == uuid)
            ).scalar_one_or_none()
            if row is None:
                raise NotFoundError(f"没有编号为 {uuid} 的解读材料")
            doc = session.get(PolicyDocument, row.document_id)
            assert doc is not None
            return self._interpretation_value(session, row, doc.uuid)

    def blob_path(self, sha: str) -> Path:
        """Where a file of the library is on this machine (NotFoundError if it has not arrived)."""
        path = self.blobs.path(sha)
        if not path.is_file():
            raise NotFoundError(f"本机没有这个文件（{sha[:12]}），可能尚未从市级平台同步")
        return path

    # -- writing: documents -------------------------------------------------------------------------

    def create(
        self,
        actor: StaffUser,
        draft: v.DocumentDraft,
        *,
        source: Path | None = None,
        attachments: Sequence[Path] = (),
    ) -> v.DocumentView:
        """A new site document, typed or read from ``source`` (.docx/.pdf/.txt), with attachments."""
        authorize(actor, "policy.add")
        extracted = self.read_source(source) if source is not None else None
        stored = [self._store_attachment(p) for p in attachments]
        with transaction(self._sf) as session:
            row = self.insert_document(session, draft, actor.name, source=source, extracted=extracted)
            _add_attachments(session, stored, document_id=row.id)
            session.flush()
            audit.record(
                session,
                actor=actor.name,
                action="policy.create",
                entity=ENTITY_DOCUMENT,
                entity_uuid=row.uuid,
                detail={"title": row.title, "number": row.doc_number, "source": row.body_source},
            )
            self._enqueue(session, row)
            return self._view(session, row)

    def import_path(self, path: Path, *, actor: str = "cli", dry_run: bool = False) -> v.ImportReport:
        """Import a folder or .zip with its 目录.xlsx/目录.csv (app/policies/importer.py): all or nothing."""
        from app.policies import importer

        with importer.FolderImport(path) as job:
            with read_only(self._sf) as session:
                planned, notes = job.plan(self._known_domains(session), importer.known_sources(session))
            results = tuple(
                v.ImportRowResult(p.source.name, p.draft.title, p.extracted.text_status, p.extracted.pages)
                for p in planned
            )
            if dry_run:
                return v.ImportReport(path.name, results, (), True, tuple(notes))
            with transaction(self._sf) as session:
                rows = importer.write(session, self, planned, actor, path.name)
                for row in rows:
                    self._enqueue(session, row)
                uuids = tuple(r.uuid for r in rows)
        return v.ImportReport(path.name, results, uuids, False, tuple(notes))

    def read_source(self, source: Path) -> Extracted:
        """The text of an original file (InputError naming the file if it cannot be read)."""
        if not source.is_file():
            raise InputError(f"{source}：文件不存在")
        size = source.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise InputError(f"{source.name}：文件有 {size >> 20} MB，超过上限 {MAX_DOCUMENT_BYTES >> 20} MB")
        return extract(source.name, source.read_bytes())

    def insert_document(
        self,
        session: Session,
        draft: v.DocumentDraft,
        actor: str,
        *,
        source: Path | None = None,
        extracted: Extracted | None = None,
        origin: str = "site",
    ) -> PolicyDocument:
        """Validate ``draft`` and add the row (and the original file) in the caller's transaction."""
        self._validate(session, draft)
        from app.catalogue.search import pinyin_forms  # pypinyin on first use (start-up time)

        full, initials = pinyin_forms([draft.title.strip()])
        row = PolicyDocument(
            origin=origin,
            created_by=actor,
            title_pinyin=full,
            title_initials=initials,
            validity=v.VALID,
        )
        _apply(row, draft)
        if extracted is not None and source is not None:
            sha, _size = self.blobs.put_file(source, max_bytes=MAX_DOCUMENT_BYTES)
            row.body = extracted.text if not draft.body.strip() else draft.body.strip()
            row.body_source = extracted.source
            row.text_status = extracted.text_status
            row.source_sha256 = sha
            row.source_name = source.name
            row.source_pages = extracted.pages
            if not row.doc_number and extracted.doc_number:
                row.doc_number = extracted.doc_number
        session.add(row)
        session.flush()
        row.public_url = f"{self._base_url()}/d/{row.uuid}"
        self._search.invalidate()
        return row

    def update(self, actor: StaffUser, ref: str, draft: v.DocumentDraft) -> v.DocumentView:
        """Correct a site document's metadata or typed text (documents from the platform are read-only)."""
        authorize(actor, "policy.update")
        with transaction(self._sf) as session:
            row = self._find(session, ref)
            if row.origin != "site":
                raise StateError("这是市级平台发布的文件，由平台维护，本站点不能修改")
            self._validate(session, draft)
            before = {"title": row.title, "number": row.doc_number, "issuer": row.issuer}
            if draft.title.strip() != row.title:
                from app.catalogue.search import pinyin_forms

                row.title_pinyin, row.title_initials = pinyin_forms([draft.title.strip()])
            body = row.body
            _apply(row, draft)
            if not draft.body.strip():
                row.body = body  # an empty text box keeps the text read from the file
            elif row.body_source != "typed" and draft.body.strip() != body:
                row.body_source = "typed"
                row.text_status = v.TEXT_OK
            row.updated_at = utcnow()  # wall time: the search index's change token
            self._search.invalidate()
            audit.record(
                session,
                actor=actor.name,
                action="policy.update",
                entity=ENTITY_DOCUMENT,
                entity_uuid=row.uuid,
                detail={"before": before, "title": row.title},
            )
            self._enqueue(session, row)
            return self._view(session, row)

    def publish(self, actor: StaffUser, ref: str) -> v.DocumentView:
        """A draft becomes part of the library (and, for the site's own, goes to the platform)."""
        authorize(actor, "policy.publish")
        with transaction(self._sf) as session:
            row = self._find(session, ref)
            if row.status == v.PUBLISHED:
                raise StateError("这份文件已经发布")
            row.status = v.PUBLISHED
            row.published_on = row.published_on or self._clock.today()
            row.updated_at = utcnow()  # wall time: the search index's change token
            self._search.invalidate()
            audit.record(
                session,
                actor=actor.name,
                action="policy.publish",
                entity=ENTITY_DOCUMENT,
                entity_uuid=row.uuid,
            )
            self._enqueue(session, row)
            return self._view(session, row)

    def retire(
        self,
        actor: StaffUser,
        ref: str,
        *,
        validity: str = v.REPEALED,
        on: date | None = None,
        replaced_by: str = "",
    ) -> v.DocumentView:
        """Mark a document 废止 / 失效 / 已修订 from ``on`` (default today), naming its replacement."""
        authorize(actor, "policy.retire")
        if validity not in (v.REPEALED, v.EXPIRED, v.REVISED):
            raise InputError(
                f"有效性：应为 repealed（废止）、expired（失效）或 revised（已修订），实为“{validity}”"
            )
        if validity == v.REVISED and not replaced_by:
            raise InputError("--replaced-by：标记“已修订”时应给出修订后的文件")
        with transaction(self._sf) as session:
            row = self._find(session, ref)
            if row.origin != "site":
                raise StateError("这是市级平台发布的文件，其有效性由平台维护（平台废止后各站点同步废止）")
            if row.validity != v.VALID:
                raise StateError(
                    f"这份文件已于 {row.validity_on or '（日期未记）'} 标记为“{v.validity_label(row.validity)}”"
                )
            new = None
            if replaced_by:
                new = self._find(session, replaced_by)
                if new.id == row.id:
                    raise InputError("--replaced-by：替代文件不能是它自己")
                if new.validity != v.VALID:
                    raise InputError(
                        f"--replaced-by：《{new.title}》本身已{v.validity_label(new.validity)}，不能作为替代文件"
                    )
            row.validity = validity
            row.validity_on = on or self._clock.today()
            row.replaced_by = new.uuid if new is not None else ""
            row.updated_at = utcnow()  # wall time: the search index's change token
            self._search.invalidate()
            audit.record(
                session,
                actor=actor.name,
                action="policy.retire",
                entity=ENTITY_DOCUMENT,
                entity_uuid=row.uuid,
                detail={
                    "validity": validity,
                    "on": row.validity_on.isoformat(),
                    "replaced_by": row.replaced_by,
                },
            )
            self._enqueue(session, row)
            return self._view(session, row)

    def add_attachment(self, actor: StaffUser, ref: str, path: Path) -> v.DocumentView:
        authorize(actor, "policy.attach")
        name, sha, size, pages = self._store_attachment(path)
        with transaction(self._sf) as session:
            row = self._find(session, ref)
            if row.origin != "site":
                raise StateError("这是市级平台发布的文件，本站点不能修改它的附件")
            position = session.execute(
                select(func.count(PolicyAttachment.id)).where(PolicyAttachment.document_id == row.id)
            ).scalar_one()
            session.add(
                PolicyAttachment(
                    document_id=row.id,
                    kind=v.attachment_kind(name),
                    name=name,
                    sha256=sha,
                    size=size,
                    pages=pages,
                    position=position,
                )
            )
            row.updated_at = utcnow()  # wall time: the search index's change token
            session.flush()
            audit.record(session, actor=actor.name, action="policy.attach", entity=ENTITY_DOCUMENT, entity_uuid=row.uuid,
                         detail={"name": name, "sha256": sha})  # fmt: skip
            self._enqueue(session, row)
            return self._view(session, row)

    # -- interpretations ----------------------------------------------------------------------------

    def add_interpretation(
        self, actor: StaffUser, ref: str, draft: v.InterpretationDraft, *, attachments: Sequence[Path] = ()
    ) -> v.InterpretationView:
        """Link an interpretation (文字解读, 图解, 问答, 视频, 现场演示) to a document."""
        authorize(actor, "policy.interpret")
        problems = _check_interpretation(draft)
        if draft.form in ("graphic", "video") and not attachments:
            problems.append(
                f"附件：{v.FORMS[draft.form]}应附上{'图片' if draft.form == 'graphic' else '视频'}文件"
            )
        if problems:
            raise InputError("解读材料有误，未保存", problems)
        stored = [self._store_attachment(p) for p in attachments]
        with transaction(self._sf) as session:
            doc = self._find(session, ref)
            if draft.form == v.DEMONSTRATION:
                # A 现场演示 is held at one of the zone's events: the reader and the kiosk show its
                # next date and place from the calendar.
                event = draft.event_uuid.strip()
                if not event:
                    raise InputError(
                        "解读材料有误，未保存", ["活动：现场演示应选择举办演示的活动（活动日历中的活动）"]
                    )
                if session.execute(select(Event.id).where(Event.uuid == event)).first() is None:
                    raise InputError("解读材料有误，未保存", [f"活动：活动日历中没有编号为 {event} 的活动"])
            row = self.insert_interpretation(session, doc, draft, actor.name)
            _add_attachments(session, stored, interpretation_id=row.id)
            session.flush()
            audit.record(
                session,
                actor=actor.name,
                action="policy.interpretation.add",
                entity=ENTITY_INTERPRETATION,
                entity_uuid=row.uuid,
                detail={"document": doc.uuid, "form": row.form, "title": row.title},
            )
            if doc.origin == "site" and doc.status == v.PUBLISHED:
                self._enqueue_interpretation(session, row, doc)
            return self._interpretation_value(session, row, doc.uuid)

    def insert_interpretation(
        self,
        session: Session,
        doc: PolicyDocument,
        draft: v.InterpretationDraft,
        actor: str,
        *,
        origin: str = "site",
    ) -> PolicyInterpretation:
        row = PolicyInterpretation(
            document_id=doc.id,
            form=draft.form,
            title=draft.title.strip(),
            body=draft.body.strip(),
            qa=json.dumps(
                [{"question": p.question, "answer": p.answer} for p in draft.qa], ensure_ascii=False
            ),
            event_uuid=draft.event_uuid.strip(),
            issuer=draft.issuer.strip() or doc.issuer,
            published_on=draft.published_on or self._clock.today(),
            origin=origin,
            created_by=actor,
        )
        session.add(row)
        session.flush()
        return row

    # -- links from catalogue items -----------------------------------------------------------------

    def link_items(self, actor: StaffUser, ref: str, item_uuids: Sequence[str]) -> builtins.list[str]:
        """Set the catalogue items that rest on a document (replacing the previous set)."""
        authorize(actor, "policy.link")
        with transaction(self._sf) as session:
            doc = self._find(session, ref)
            known = set(
                session.execute(
                    select(CatalogueItem.uuid).where(CatalogueItem.uuid.in_(list(item_uuids)))
                ).scalars()
            )
            unknown = [u for u in item_uuids if u not in known]
            if unknown:
                raise InputError("目录事项：没有这些事项", [f"没有编号为 {u} 的目录事项" for u in unknown])
            current = {
                link.item_uuid: link
                for link in session.execute(
                    select(PolicyItemLink).where(PolicyItemLink.document_uuid == doc.uuid)
                ).scalars()
            }
            for uuid, link in current.items():
                if uuid not in known:
                    session.delete(link)
            for uuid in item_uuids:
                if uuid not in current:
                    session.add(PolicyItemLink(item_uuid=uuid, document_uuid=doc.uuid, created_by=actor.name))
            audit.record(
                session,
                actor=actor.name,
                action="policy.link_items",
                entity=ENTITY_DOCUMENT,
                entity_uuid=doc.uuid,
                detail={"items": list(item_uuids)},
            )
            return list(item_uuids)

    def linked_items(self, ref: str) -> builtins.list[tuple[str, str]]:
        """(uuid, title) of the catalogue items linked to a document."""
        with read_only(self._sf) as session:
            doc = self._find(session, ref)
            rows = session.execute(
                select(CatalogueItem.uuid, CatalogueItem.level1, CatalogueItem.level2)
                .join(PolicyItemLink, PolicyItemLink.item_uuid == CatalogueItem.uuid)
                .where(PolicyItemLink.document_uuid == doc.uuid)
            ).all()
            return [(u, " / ".join(p for p in (l1, l2) if p)) for u, l1, l2 in rows]

    def documents_for_item(self, item_uuid: str) -> builtins.list[v.DocumentRow]:
        with read_only(self._sf) as session:
            uuids = list(
                session.execute(
                    select(PolicyItemLink.document_uuid).where(PolicyItemLink.item_uuid == item_uuid)
                ).scalars()
            )
        return self.rows(uuids)

    # -- the counter: printing and the reading register ---------------------------------------------

    def printout(self, ref: str, *, interpretation: str = "") -> tuple[bytes, int, str]:
        """(PDF bytes, pages, "original" | "typeset") for printing a document or one of its interpretations.

        The original PDF's own pages when the library has it (what the issuer published, unchanged);
        otherwise the text typeset on A4 with a QR code to the document's public page.
        """
        from app.policies import printouts  # ReportLab on first use (start-up time)

        doc = self.get(ref)
        if interpretation:
            interp = next((i for i in doc.interpretations if interpretation in (i.uuid, i.uuid[:8])), None)
            if interp is None:
                raise NotFoundError(f"《{doc.title}》没有编号为 {interpretation} 的解读材料")
            pdfs = [a for a in interp.attachments if a.kind == "pdf" and self.blobs.exists(a.sha256)]
            if pdfs:
                return self.blobs.read(pdfs[0].sha256), pdfs[0].pages, "original"
            data = printouts.interpretation_pdf(doc, interp, self._site_name(), self._clock.today())
            return data, pdf_page_count(data), "typeset"
        if doc.has_original_pdf and self.blobs.exists(doc.source_sha256):
            return self.blobs.read(doc.source_sha256), doc.source_pages, "original"
        data = printouts.document_pdf(doc, self._site_name(), self._clock.today())
        return data, pdf_page_count(data), "typeset"

    # -- the reading register (查阅登记, app/policies/register.py) --------------------------------------

    def register(self, year: int | None = None) -> builtins.list[v.ReadingEntry]:
        """The register of ``year`` (all when None), newest first, names as entered (staff only)."""
        return self.readings.entries(Period.year(year) if year is not None else None)

    def export_register(self, path: Path, year: int | None = None) -> int:
        """Write the register to .xlsx, .csv or .pdf (names masked); returns the number of lines."""
        return self.readings.export(path, Period.year(year) if year is not None else None)

    def register_figures(self, year: int) -> v.RegisterFigures:
        """The year's figures for the annual report (查阅 and 打印 entries, printed pages, documents)."""
        return self.readings.figures(year)

    # -- changes from the platform and the 三同步 rule ----------------------------------------------

    def changes(self) -> builtins.list[v.ChangeView]:
        """Platform changes to documents the site relies on, not yet reviewed (oldest first)."""
        with read_only(self._sf) as session:
            rows = session.execute(
                select(PolicyChange, PolicyDocument.title)
                .join(PolicyDocument, PolicyDocument.uuid == PolicyChange.document_uuid)
                .where(PolicyChange.acknowledged_at.is_(None))
                .order_by(PolicyChange.id)
            ).all()
            links: dict[str, list[str]] = {}
            uuids = [c.document_uuid for c, _t in rows]
            for doc_uuid, l1, l2 in session.execute(
                select(PolicyItemLink.document_uuid, CatalogueItem.level1, CatalogueItem.level2)
                .join(CatalogueItem, CatalogueItem.uuid == PolicyItemLink.item_uuid)
                .where(PolicyItemLink.document_uuid.in_(uuids))
            ).all():
                links.setdefault(doc_uuid, []).append(" / ".join(p for p in (l1, l2) if p))
            return [
                v.ChangeView(
                    c.id, c.document_uuid, t, c.kind, c.detail, c.on, tuple(links.get(c.document_uuid, ()))
                )
                for c, t in rows
            ]

    def acknowledge_change(self, actor: StaffUser, change_id: int) -> None:
        """Staff have reviewed a platform change (and re-linked what needed it)."""
        authorize(actor, "policy.acknowledge")
        with transaction(self._sf) as session:
            row = session.get(PolicyChange, change_id)
            if row is None:
                raise NotFoundError(f"没有编号为 {change_id} 的文件变化")
            if row.acknowledged_at is not None:
                raise StateError("这条文件变化已经确认过")
            row.acknowledged_at = self._clock.now()
            row.acknowledged_by = actor.name
            audit.record(
                session,
                actor=actor.name,
                action="policy.change.acknowledge",
                entity=ENTITY_DOCUMENT,
                entity_uuid=row.document_uuid,
                detail={"kind": row.kind},
            )

    def without_interpretation(self) -> builtins.list[v.DocumentRow]:
        """Documents the site issued (its name in 发文机关), published, in force, needing an
        interpretation (三同步) and having none. Documents of the district or the city kept in the
        library are the issuer's to interpret, not the reading place's."""
        site = short_site_name(self._site_name())
        if not site:
            return []
        with read_only(self._sf) as session:
            has = select(PolicyInterpretation.document_id).distinct()
            rows = session.execute(
                select(*_ROW_COLUMNS)
                .where(
                    PolicyDocument.origin == "site",
                    PolicyDocument.status == v.PUBLISHED,
                    PolicyDocument.validity == v.VALID,
                    PolicyDocument.interpretation_required.is_(True),
                    PolicyDocument.issuer.contains(site),
                    PolicyDocument.id.not_in(has),
                )
                .order_by(PolicyDocument.published_on)
            ).all()
            return [_row_value(r, 0) for r in rows]

    # -- internals ----------------------------------------------------------------------------------

    def _base_url(self) -> str:
        return str(self._settings.get("public_base_url") or "").rstrip("/")

    def _site_name(self) -> str:
        from db.models import Site

        with read_only(self._sf) as session:
            site = session.execute(select(Site)).scalars().first()
            return site.name if site else ""

    def _store_attachment(self, path: Path) -> tuple[str, str, int, int]:
        if not path.is_file():
            raise InputError(f"{path}：附件文件不存在")
        sha, size = self.blobs.put_file(path, max_bytes=MAX_ATTACHMENT_BYTES)
        pages = pdf_page_count(self.blobs.read(sha)) if v.attachment_kind(path.name) == "pdf" else 0
        return path.name, sha, size, pages

    def _validate(self, session: Session, draft: v.DocumentDraft) -> None:
        problems = check_draft(draft, self._known_domains(session))
        if problems:
            raise InputError("政策文件信息有误，未保存", problems)

    def _known_domains(self, session: Session) -> set[str]:
        return set(session.execute(select(CatalogueDomain.name)).scalars())

    @staticmethod
    def _find(session: Session, ref: str) -> PolicyDocument:
        ref = ref.strip()
        row = session.execute(select(PolicyDocument).where(PolicyDocument.uuid == ref)).scalar_one_or_none()
        if row is None and len(ref) >= 8:
            matches = (
                session.execute(select(PolicyDocument).where(PolicyDocument.uuid.startswith(ref)).limit(2))
                .scalars()
                .all()
            )
            if len(matches) == 1:
                row = matches[0]
        if row is None and ref:
            matches = (
                session.execute(select(PolicyDocument).where(PolicyDocument.doc_number == ref).limit(2))
                .scalars()
                .all()
            )
            if len(matches) == 1:
                row = matches[0]
        if row is None:
            raise NotFoundError(f"政策文件库中没有“{ref}”（应为文件编号 UUID、其前 8 位或发文字号）")
        return row

    def _interpretation_counts(self, session: Session, ids: Sequence[int]) -> dict[int, int]:
        if not ids:
            return {}
        return dict(
            session.execute(
                select(PolicyInterpretation.document_id, func.count())
                .where(PolicyInterpretation.document_id.in_(list(ids)))
                .group_by(PolicyInterpretation.document_id)
            ).all()
        )

    def _rows_by_id(self, session: Session, ids: Sequence[int]) -> dict[int, v.DocumentRow]:
        if not ids:
            return {}
        rows = session.execute(select(*_ROW_COLUMNS).where(PolicyDocument.id.in_(list(ids)))).all()
        counts = self._interpretation_counts(session, ids)
        return {r.id: _row_value(r, counts.get(r.id, 0)) for r in rows}

    def _view(self, session: Session, row: PolicyDocument) -> v.DocumentView:
        counts = self._interpretation_counts(session, [row.id])
        values = session.execute(select(*_ROW_COLUMNS).where(PolicyDocument.id == row.id)).one()
        replaced_title = ""
        if row.replaced_by:
            replaced_title = (
                session.execute(
                    select(PolicyDocument.title).where(PolicyDocument.uuid == row.replaced_by)
                ).scalar()
                or ""
            )
        replaces = tuple(
            (u, t)
            for u, t in session.execute(
                select(PolicyDocument.uuid, PolicyDocument.title).where(
                    PolicyDocument.replaced_by == row.uuid
                )
            ).all()
        )
        attachments = tuple(
            _attachment_value(a)
            for a in session.execute(
                select(PolicyAttachment)
                .where(PolicyAttachment.document_id == row.id)
                .order_by(PolicyAttachment.position)
            ).scalars()
        )
        interps = tuple(
            self._interpretation_value(session, i, row.uuid)
            for i in session.execute(
                select(PolicyInterpretation)
                .where(PolicyInterpretation.document_id == row.id)
                .order_by(PolicyInterpretation.id)
            ).scalars()
        )
        return v.DocumentView(
            row=_row_value(values, counts.get(row.id, 0)),
            body=row.body,
            body_source=row.body_source,
            source_name=row.source_name,
            source_sha256=row.source_sha256,
            source_pages=row.source_pages,
            interpretation_required=row.interpretation_required,
            replaced_by_title=replaced_title,
            replaces=replaces,
            attachments=attachments,
            interpretations=interps,
            created_by=row.created_by,
            created_at=row.created_at,
            updated_at=row.updated_at,
            interpretation_due=self._needs_interpretation(row, bool(interps)),
            linked_items=tuple(
                " / ".join(p for p in (l1, l2) if p)
                for l1, l2 in session.execute(
                    select(CatalogueItem.level1, CatalogueItem.level2)
                    .join(PolicyItemLink, PolicyItemLink.item_uuid == CatalogueItem.uuid)
                    .where(PolicyItemLink.document_uuid == row.uuid)
                ).all()
            ),
        )

    def _needs_interpretation(self, row: PolicyDocument, has: bool) -> bool:
        site = short_site_name(self._site_name())
        return bool(
            not has
            and site
            and site in row.issuer
            and row.origin == "site"
            and row.status == v.PUBLISHED
            and row.validity == v.VALID
            and row.interpretation_required
        )

    def _interpretation_value(
        self, session: Session, row: PolicyInterpretation, doc_uuid: str
    ) -> v.InterpretationView:
        attachments = tuple(
            _attachment_value(a)
            for a in session.execute(
                select(PolicyAttachment)
                .where(PolicyAttachment.interpretation_id == row.id)
                .order_by(PolicyAttachment.position)
            ).scalars()
        )
        qa = tuple(
            v.QAPair(str(p.get("question", "")), str(p.get("answer", "")))
            for p in _loads(row.qa)
            if isinstance(p, dict)
        )
        return v.InterpretationView(
            row.uuid,
            doc_uuid,
            row.form,
            row.title,
            row.body,
            qa,
            row.event_uuid,
            row.issuer,
            row.published_on,
            row.origin,
            attachments,
        )

    # -- outbox -------------------------------------------------------------------------------------

    def _enqueue(self, session: Session, row: PolicyDocument) -> None:
        """The site's own published document goes to the city platform (never one the platform sent)."""
        if row.origin != "site" or row.status != v.PUBLISHED or self._readonly:
            return
        session.flush()
        outbox.enqueue(
            session,
            entity=ENTITY_DOCUMENT,
            entity_uuid=row.uuid,
            op="upsert",
            payload=self.document_payload(session, row),
        )

    def _enqueue_interpretation(
        self, session: Session, row: PolicyInterpretation, doc: PolicyDocument
    ) -> None:
        outbox.enqueue(
            session,
            entity=ENTITY_INTERPRETATION,
            entity_uuid=row.uuid,
            op="upsert",
            payload=self.interpretation_payload(session, row, doc),
        )

    def document_payload(self, session: Session, row: PolicyDocument) -> dict[str, Any]:
        """What the platform receives (and publishes): the record with its text passed through the
        masking service, and its files by SHA-256 (uploaded first, through ``blob_refs``)."""
        attachments = (
            session.execute(
                select(PolicyAttachment)
                .where(PolicyAttachment.document_id == row.id)
                .order_by(PolicyAttachment.position)
            )
            .scalars()
            .all()
        )
        # Files beyond the platform's blob limit (a long video) stay on the site; the record says so.
        refs = [a.sha256 for a in attachments if a.size <= wire.MAX_BLOB_BYTES]
        if row.source_sha256:
            refs.insert(0, row.source_sha256)
        body = mask_text(row.body) if row.body else ""
        return {
            "uuid": row.uuid,
            "title": row.title,
            "doc_number": row.doc_number,
            "issuer": row.issuer,
            "written_on": _iso(row.written_on),
            "published_on": _iso(row.published_on),
            "effective_on": _iso(row.effective_on),
            "validity": row.validity,
            "validity_on": _iso(row.validity_on),
            "replaced_by": row.replaced_by,
            "domain": row.domain,
            "keywords": _loads(row.keywords),
            # The platform's payload limit leaves room for ~600,000 characters; the original file
            # (a blob) carries the rest of a longer text.
            "body": body[:MAX_PUSHED_BODY],
            "body_truncated": len(body) > MAX_PUSHED_BODY,
            "body_source": row.body_source,
            "text_status": row.text_status,
            "source": {"name": row.source_name, "sha256": row.source_sha256, "pages": row.source_pages}
            if row.source_sha256
            else None,
            "attachments": [
                {
                    "name": a.name,
                    "kind": a.kind,
                    "sha256": a.sha256,
                    "size": a.size,
                    "pages": a.pages,
                    "local_only": a.size > wire.MAX_BLOB_BYTES,
                }
                for a in attachments
            ],
            "public_url": row.public_url,
            "blob_refs": refs,
        }

    def interpretation_payload(
        self, session: Session, row: PolicyInterpretation, doc: PolicyDocument
    ) -> dict[str, Any]:
        attachments = (
            session.execute(
                select(PolicyAttachment)
                .where(PolicyAttachment.interpretation_id == row.id)
                .order_by(PolicyAttachment.position)
            )
            .scalars()
            .all()
        )
        return {
            "uuid": row.uuid,
            "document_uuid": doc.uuid,
            "form": row.form,
            "title": row.title,
            "body": mask_text(row.body) if row.body else "",
            "qa": [
                {
                    "question": mask_text(str(p.get("question", ""))),
                    "answer": mask_text(str(p.get("answer", ""))),
                }
                for p in _loads(row.qa)
                if isinstance(p, dict)
            ],
            "event_uuid": row.event_uuid,
            "issuer": row.issuer,
            "published_on": _iso(row.published_on),
            "attachments": [
                {"name": a.name, "kind": a.kind, "sha256": a.sha256, "size": a.size, "pages": a.pages}
                for a in attachments
            ],
            "blob_refs": [a.sha256 for a in attachments if a.size <= wire.MAX_BLOB_BYTES],
        }


# -- values -----------------------------------------------------------------------------------------

_ROW_COLUMNS = (
    PolicyDocument.id,
    PolicyDocument.uuid,
    PolicyDocument.title,
    PolicyDocument.doc_number,
    PolicyDocument.issuer,
    PolicyDocument.written_on,
    PolicyDocument.published_on,
    PolicyDocument.effective_on,
    PolicyDocument.validity,
    PolicyDocument.validity_on,
    PolicyDocument.replaced_by,
    PolicyDocument.domain,
    PolicyDocument.keywords,
    PolicyDocument.origin,
    PolicyDocument.status,
    PolicyDocument.text_status,
    PolicyDocument.source_sha256,
    PolicyDocument.source_pages,
    PolicyDocument.public_url,
)


def _row_value(r: Any, interpretations: int) -> v.DocumentRow:
    return v.DocumentRow(
        uuid=r.uuid,
        title=r.title,
        doc_number=r.doc_number,
        issuer=r.issuer,
        written_on=r.written_on,
        published_on=r.published_on,
        effective_on=r.effective_on,
        validity=r.validity,
        validity_on=r.validity_on,
        replaced_by=r.replaced_by,
        domain=r.domain,
        keywords=tuple(str(k) for k in _loads(r.keywords)),
        origin=r.origin,
        status=r.status,
        text_status=r.text_status,
        has_original_pdf=bool(r.source_sha256) and r.source_pages > 0,
        interpretations=interpretations,
        public_url=r.public_url,
    )


def _attachment_value(a: PolicyAttachment) -> v.AttachmentView:
    return v.AttachmentView(a.uuid, a.kind, a.name, a.sha256, a.size, a.pages)


def _apply(row: PolicyDocument, d: v.DocumentDraft) -> None:
    row.title = " ".join(d.title.split())
    row.doc_number = "".join(d.doc_number.split())
    row.issuer = d.issuer.strip()
    row.written_on = d.written_on
    row.published_on = d.published_on
    row.effective_on = d.effective_on
    row.domain = d.domain.strip()
    row.keywords = json.dumps(_keywords(d.keywords), ensure_ascii=False)
    row.body = d.body.strip()
    row.interpretation_required = d.interpretation_required
    row.status = d.status
    if d.body.strip():
        row.body_source = "typed"
        row.text_status = v.TEXT_OK


def short_site_name(name: str) -> str:
    """唐王街道 from 历城区唐王街道 (what a document issued by the site names in its 发文机关)."""
    name = name.strip()
    short = re.sub(r"^.*?[区县市](?=.)", "", name)
    return short if len(short) >= 2 else name


def check_draft(d: v.DocumentDraft, known_domains: set[str], where: str = "") -> builtins.list[str]:
    """Every problem of a draft, each naming the field and what was expected."""
    at = f"{where}，" if where else ""
    problems = []
    if not d.title.strip():
        problems.append(f"{at}标题：不能为空")
    elif len(d.title) > 500:
        problems.append(f"{at}标题：不超过 500 字，实为 {len(d.title)} 字")
    if len(d.doc_number) > 200:
        problems.append(f"{at}发文字号：不超过 200 字")
    if len(d.issuer) > 300:
        problems.append(f"{at}发文机关：不超过 300 字")
    if d.domain.strip() and known_domains and d.domain.strip() not in known_domains:
        problems.append(f"{at}主题分类：“{d.domain}”不是目录中的领域（应为如“社会救助”“就业”这样的领域名称）")
    if d.written_on and d.published_on and d.published_on < d.written_on:
        problems.append(f"{at}发布日期：{d.published_on} 早于成文日期 {d.written_on}")
    if d.status not in (v.DRAFT, v.PUBLISHED):
        problems.append(f"{at}状态：应为 draft 或 published")
    return problems


def _check_interpretation(d: v.InterpretationDraft) -> builtins.list[str]:
    problems = []
    if d.form not in v.FORMS:
        problems.append(f"解读形式：应为{'、'.join(v.FORMS.values())}之一，实为“{d.form}”")
    if not d.title.strip():
        problems.append("标题：不能为空")
    if d.form == "text" and not d.body.strip():
        problems.append("正文：文字解读不能为空")
    if d.form == "qa" and not any(p.question.strip() and p.answer.strip() for p in d.qa):
        problems.append("问答：至少应有一问一答")
    return problems


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _add_attachments(
    session: Session,
    stored: Sequence[tuple[str, str, int, int]],
    *,
    document_id: int | None = None,
    interpretation_id: int | None = None,
) -> None:
    """The stored files (name, SHA-256, size, pages) as attachments of a document or an interpretation."""
    for i, (name, sha, size, pages) in enumerate(stored):
        session.add(
            PolicyAttachment(
                document_id=document_id,
                interpretation_id=interpretation_id,
                kind=v.attachment_kind(name),
                name=name,
                sha256=sha,
                size=size,
                pages=pages,
                position=i,
            )
        )
