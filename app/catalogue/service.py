"""CatalogueService: the one door to the catalogue for the UI, the CLI and other capabilities.

Every change (an import, a site addition, an edit, a retirement) is one transaction that writes a new
``CatalogueVersion``, one revision per touched item, the audit entry and — for site additions and
disclosures, which the city platform must learn about — the outbox entries. City and district items
are never pushed back. Items keep their UUID across versions (matched on domain + 一级/二级/三级事项).
"""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app import audit, outbox
from app.authz import allowed, authorize
from app.catalogue import files, layout, refinements, rules, writes
from app.catalogue.model import (
    CHANNELS,
    ORIGIN_RANK,
    ORIGINS,
    CatalogueDiff,
    CatalogueItemView,
    ComplianceEntry,
    DisclosureView,
    DomainView,
    FieldChange,
    HistoryEntry,
    ImportResult,
    ItemChange,
    ItemData,
    RefinementView,
    VersionView,
    refined_data,
    refinement_fields,
)
from app.catalogue.search import IndexedItem, SearchIndex
from app.clock import Clock, local
from app.errors import InputError, NotFoundError, StateError
from app.holidays import HolidayService
from app.uow import read_only, transaction
from app.users import StaffUser
from db.base import utcnow
from db.models import (
    CatalogueDisclosure,
    CatalogueDomain,
    CatalogueItem,
    CatalogueItemRevision,
    CatalogueRefinement,
    CatalogueSynonym,
    CatalogueVersion,
)

BUNDLED_PACKAGE = "resources.data.catalogue"
BUNDLED_FILE = "standard-catalogue.csv"
BUNDLED_SOURCE = "内置标准目录（standard-catalogue.csv）"


def _bundled_text(name: str) -> str:
    return resources.files(BUNDLED_PACKAGE).joinpath(name).read_text(encoding="utf-8-sig")


def validate(data: ItemData, where: str = "") -> list[str]:
    """The rules every item obeys, whether imported or typed in (same messages as the importer)."""
    pre = f"{where}：" if where else ""
    problems = []
    for name, label in (
        ("level1", "一级事项"),
        ("content", "公开内容（要素）"),
        ("time_limit", "公开时限"),
        ("publisher", "公开主体"),
    ):
        value = getattr(data, name)
        if not value.strip():
            problems.append(f"{pre}{label}不能为空")
        if len(value) > files.MAX_CELL_CHARS:
            problems.append(f"{pre}{label}过长，应不超过 {files.MAX_CELL_CHARS} 字")
    for name in ("level1", "level2", "level3", "content", "basis", "time_limit", "publisher"):
        if getattr(data, name).startswith("="):
            problems.append(f"{pre}内容不能以“=”开头（会被表格软件当作公式）")
            break
    if not data.channels and not data.extra_channels:
        problems.append(f"{pre}至少应选一个公开渠道")
    if any(c not in CHANNELS for c in data.channels):
        problems.append(f"{pre}公开渠道应为 13 个固定渠道之一，其他渠道填在“其他渠道”")
    if data.audience not in ("public", "specific_group"):
        problems.append(f"{pre}公开对象应为全社会或特定群体")
    if not data.modes or any(m not in ("proactive", "on_request") for m in data.modes):
        problems.append(f"{pre}公开方式至少应选主动或依申请之一")
    if not data.tiers or any(t not in ("county", "township", "village") for t in data.tiers):
        problems.append(f"{pre}公开层级至少应选县级、乡级、村级之一")
    return problems


class CatalogueService:
    """Catalogue reads, imports, edits, versions, search and compliance."""

    def __init__(
        self, session_factory: sessionmaker[Session], clock: Clock, holidays: HolidayService
    ) -> None:
        self._sf = session_factory
        self._clock = clock
        self._holidays = holidays
        self._index_lock = threading.Lock()
        self._index: SearchIndex[CatalogueItemView] | None = None
        self._index_key_value: tuple[Any, ...] | None = None

    # -- bundled data ------------------------------------------------------------------------------

    def seed_bundled(self, *, actor: str = "init") -> ImportResult:
        """Domains, synonyms and the standard catalogue (origin city); running it again changes nothing."""
        with transaction(self._sf) as session:
            have = set(session.execute(select(CatalogueDomain.code)).scalars())
            for row in list(csv.reader(io.StringIO(_bundled_text("domains.csv"))))[1:]:
                if row[0] not in have:
                    session.add(
                        CatalogueDomain(code=row[0], name=row[1], lead_department=row[2], note=row[3])
                    )
            if not session.execute(select(func.count(CatalogueSynonym.id))).scalar():
                for short, full in list(csv.reader(io.StringIO(_bundled_text("synonyms.csv"))))[1:]:
                    session.add(CatalogueSynonym(short=short, full=full))
        path = resources.files(BUNDLED_PACKAGE).joinpath(BUNDLED_FILE)
        with resources.as_file(path) as real:
            return self.import_file(real, actor=actor, origin="city", source=BUNDLED_SOURCE)

    # -- reads -------------------------------------------------------------------------------------

    def _domain_maps(self, session: Session) -> tuple[dict[int, CatalogueDomain], dict[str, CatalogueDomain]]:
        rows = list(session.execute(select(CatalogueDomain).order_by(CatalogueDomain.code)).scalars())
        return {d.id: d for d in rows}, {d.name: d for d in rows}

    def _current_version(self, session: Session) -> int:
        return int(session.execute(select(func.max(CatalogueVersion.number))).scalar() or 0)

    def _view(
        self,
        item: CatalogueItem | writes.ItemRow,
        domain: CatalogueDomain,
        version: int,
        refinement: CatalogueRefinement | None = None,
    ) -> CatalogueItemView:
        """An item as shown: with an active refinement, the site's wording over the standard text."""
        row = item if isinstance(item, writes.ItemRow) else writes.ItemRow.of(item)
        data = row.data(domain.name)
        standard: ItemData | None = None
        refined: RefinementView | None = None
        rule, rule_text = _rule_of(row.rule)
        if refinement is not None:
            standard, refined = data, refinements.view_of(refinement, row.uuid)
            data = refined_data(standard, refined.fields)
            if data.time_limit != standard.time_limit:
                rule, rule_text = _rule_of(writes.rule_json(data.time_limit))
        return CatalogueItemView(
            uuid=row.uuid,
            data=data,
            domain_code=domain.code,
            seq=row.seq,
            origin=row.origin,
            status=row.status,
            rule=rule,
            rule_text=rule_text,
            changed_on=row.changed_on,
            version=version,
            pinyin=(row.pinyin_full, row.pinyin_initials),
            refinement=refined,
            standard=standard,
        )

    def domains(self) -> list[DomainView]:
        with read_only(self._sf) as session:
            counts = dict(
                session.execute(
                    select(CatalogueItem.domain_id, func.count(CatalogueItem.id))
                    .where(CatalogueItem.status == "active")
                    .group_by(CatalogueItem.domain_id)
                ).all()
            )
            return [
                DomainView(
                    d.code,
                    d.name,
                    d.lead_department,
                    d.note,
                    d.applicable,
                    d.not_applicable_reason,
                    int(counts.get(d.id, 0)),
                )
                for d in session.execute(select(CatalogueDomain).order_by(CatalogueDomain.code)).scalars()
            ]

    def set_domain_applicable(self, user: StaffUser, code: str, applicable: bool, reason: str = "") -> None:
        """Mark a domain as applicable to this site or not (real catalogues state why: 未涉及领域说明)."""
        authorize(user, "catalogue.domain")
        if not applicable and not reason.strip():
            raise InputError("不适用原因：标为“未涉及领域”时应说明原因")
        with transaction(self._sf) as session:
            row = session.execute(select(CatalogueDomain).where(CatalogueDomain.code == code)).scalar()
            if row is None:
                raise NotFoundError(f"领域代码“{code}”不存在")
            row.applicable, row.not_applicable_reason = applicable, "" if applicable else reason.strip()
            audit.record(
                session,
                actor=user.name,
                action="catalogue.domain",
                entity="catalogue_domain",
                detail={"code": code, "applicable": applicable, "reason": reason},
            )

    def items(
        self,
        domain_code: str | None = None,
        *,
        status: str | None = "active",
        origin: str | None = None,
        audience: str | None = None,
        mode: str | None = None,
        tier: str | None = None,
        channel: str | None = None,
        refined_only: bool = False,
    ) -> list[CatalogueItemView]:
        """Items in catalogue order, filtered; ``status=None`` includes retired ones; ``refined_only``
        reads only the items this site has refined."""
        with read_only(self._sf) as session:
            refined = refinements.load_active(session)
            if refined_only and not refined:
                return []
            by_id, _ = self._domain_maps(session)
            version = self._current_version(session)
            q = select(*writes.VIEW_COLUMNS).join(CatalogueDomain)
            if refined_only:
                q = q.where(CatalogueItem.id.in_(list(refined)))
            if domain_code:
                q = q.where(CatalogueDomain.code == domain_code)
            if status:
                q = q.where(CatalogueItem.status == status)
            if origin:
                q = q.where(CatalogueItem.origin == origin)
            if audience:
                q = q.where(CatalogueItem.audience == audience)
            q = q.order_by(CatalogueDomain.code, CatalogueItem.seq, CatalogueItem.id)
            found = writes.read_rows(session, q)
            views = [self._view(r, by_id[r.domain_id], version, refined.get(r.id)) for r in found]
        if mode:
            views = [v for v in views if mode in v.data.modes]
        if tier:
            views = [v for v in views if tier in v.data.tiers]
        if channel:
            views = [v for v in views if channel in v.data.channels or channel in v.data.extra_channels]
        return views

    def get(self, uuid: str) -> CatalogueItemView:
        with read_only(self._sf) as session:
            row = session.execute(select(CatalogueItem).where(CatalogueItem.uuid == uuid)).scalar()
            if row is None:
                raise NotFoundError(f"目录事项 {uuid} 不存在")
            by_id, _ = self._domain_maps(session)
            refined = refinements.load_active(session, [row.id]).get(row.id)
            return self._view(row, by_id[row.domain_id], self._current_version(session), refined)

    def items_by_uuid(self, uuids: Sequence[str]) -> dict[str, CatalogueItemView]:
        """The items (retired ones too) among ``uuids``, by UUID; unknown UUIDs are simply absent."""
        if not uuids:
            return {}
        with read_only(self._sf) as session:
            by_id, _ = self._domain_maps(session)
            version = self._current_version(session)
            rows = list(
                session.execute(select(CatalogueItem).where(CatalogueItem.uuid.in_(set(uuids)))).scalars()
            )
            refined = refinements.load_active(session, [r.id for r in rows])
            return {r.uuid: self._view(r, by_id[r.domain_id], version, refined.get(r.id)) for r in rows}

    # -- search ------------------------------------------------------------------------------------

    def _index_key(self) -> tuple[Any, ...]:
        """What the search index was built from. Every edit and import makes a catalogue version;
        keeping a refinement changes only the refinement; records from the site's other PCs are
        applied with no version at all, in the same transaction as their pull cursor (a site item
        added on the next counter PC was missing from this one's search until the next version)."""
        # One cheap statement, outside the ORM: this runs on every keystroke.
        with self._sf() as session:
            row = (
                session.connection()
                .exec_driver_sql(
                    "SELECT (SELECT max(number) FROM catalogue_version),"
                    " (SELECT count(*) || '/' || ifnull(max(id), 0) || '/' || ifnull(max(updated_at), '')"
                    "  FROM catalogue_refinement),"
                    " (SELECT group_concat(bucket || '=' || cursor, ';') FROM sync_cursor),"
                    " count(*), max(id), total(length(short) + length(full)) FROM catalogue_synonym"
                )
                .one()
            )
            session.rollback()
        return tuple(row)

    def _search_index(self) -> SearchIndex[CatalogueItemView]:
        key = self._index_key()
        with self._index_lock:
            if self._index is not None and self._index_key_value == key:
                return self._index
            views = self.items()
            indexed = [
                IndexedItem(
                    v.title,
                    f"{v.pinyin[0]}|{v.pinyin[1]}",
                    (
                        v.data.domain,
                        v.data.content,
                        v.data.basis,
                        v.data.time_limit,
                        v.data.publisher,
                        " ".join(v.data.channels),
                        " ".join(v.data.extra_channels),
                        v.data.audience_group,
                        v.data.contact_phone,
                        v.data.retention,
                    ),
                )
                for v in views
            ]
            self._index = SearchIndex(indexed, views, self.synonyms())
            self._index_key_value = key
            return self._index

    def search(self, query: str, limit: int = 50) -> list[CatalogueItemView]:
        """Active items matching ``query`` (Chinese substring, pinyin, initials, synonyms); titles first."""
        return self._search_index().search(query, limit)

    def synonyms(self) -> list[tuple[str, str]]:
        with read_only(self._sf) as session:
            return [
                (s.short, s.full)
                for s in session.execute(select(CatalogueSynonym).order_by(CatalogueSynonym.id)).scalars()
            ]

    def set_synonyms(self, user: StaffUser, pairs: Sequence[tuple[str, str]]) -> None:
        """Replace the synonym table (abbreviation -> full term)."""
        authorize(user, "catalogue.synonyms")
        clean = []
        for n, (short, full) in enumerate(pairs, start=1):
            short, full = short.strip(), full.strip()
            if not short or not full or short == full:
                raise InputError(f"同义词第 {n} 行：简称和全称都应填写且不相同，实为“{short}”→“{full}”")
            clean.append((short, full))
        with transaction(self._sf) as session:
            for row in session.execute(select(CatalogueSynonym)).scalars():
                session.delete(row)
            session.flush()
            for short, full in dict.fromkeys(clean):
                session.add(CatalogueSynonym(short=short, full=full))
            audit.record(
                session,
                actor=user.name,
                action="catalogue.synonyms",
                entity="catalogue_synonym",
                detail={"pairs": len(clean)},
            )

    # -- imports and edits -------------------------------------------------------------------------

    @staticmethod
    def import_origins(user: StaffUser) -> tuple[str, ...]:
        """The origins this person may import a workbook as, most authoritative first (administrators
        only: a city or district file retires that origin's items missing from it)."""
        return ("city", "district", "site") if allowed(user, "catalogue.import") else ()

    @staticmethod
    def import_consequence(origin: str, retired: int) -> str:
        """What importing as ``origin`` does beyond the rows shown, in words for the preview."""
        if origin == "site":
            return "本站点文件只新增、修改或细化事项，不会停用任何事项；市、区县下发的完整目录请在上方选择对应来源。"
        label = ORIGINS[origin]
        if retired:
            return (
                f"{label}文件被视为完整的{label}目录：现有{label}事项中文件里没有的 {retired} 项将被停用"
                "（见下表“停用”行）。如果这只是部分事项，请改选“本站点”。"
            )
        return f"{label}文件被视为完整的{label}目录；文件包含全部现有{label}事项，不会停用任何事项。"

    def import_file(
        self,
        path: Path,
        *,
        actor: str,
        origin: str = "site",
        dry_run: bool = False,
        domain: str | None = None,
        source: str | None = None,
    ) -> ImportResult:
        """Import a catalogue workbook (.xlsx/.csv) all-or-nothing; see ``app.catalogue.layout``.

        A city or district file is that origin's complete catalogue: its items missing from the file
        are retired. A site file adds and updates site items only (a site retires an item on the page).
        Importing the same file twice changes nothing and makes no version.
        """
        if origin not in ORIGINS:
            raise InputError(f"--origin：应为 {'、'.join(ORIGINS)} 之一，实为“{origin}”")
        sheets = files.read_sheets(path)
        with transaction(self._sf) as session:
            _, by_name = self._domain_maps(session)
            names: dict[str, str] = {}
            for d in by_name.values():
                names[layout.norm(d.name)] = d.name
                names[d.code] = d.name
            if (
                domain
                and layout.norm(domain) not in names
                and layout.norm(layout.DOMAIN_ALIASES.get(domain, "")) not in names
            ):
                raise InputError(f"--domain：未知领域“{domain}”，应为领域名称或两位代码")
            parsed, problems = layout.parse_sheets(path.name, sheets, domains=names, default_domain=domain)
            diff, plan, refine = self._plan(session, parsed, origin, problems)
            if problems:
                raise InputError(f"{path.name}：有 {len(problems)} 处问题，未导入任何内容", problems)
            result = ImportResult(source or path.name, len(parsed), diff, None, dry_run)
            if dry_run or diff.empty:
                session.rollback()
                return result
            number, _ = self._apply(
                session, plan, actor=actor, origin=origin, source=source or path.name, refine=refine
            )
            if diff.review:
                self._mark_for_review(session, [c.uuid for c in diff.review])
            audit.record(
                session,
                actor=actor,
                action="catalogue.import",
                entity="catalogue_version",
                detail={
                    "file": path.name,
                    "origin": origin,
                    "version": number,
                    "added": len(diff.added),
                    "changed": len(diff.changed),
                    "retired": len(diff.retired),
                    "refined": len(diff.refined),
                    "review": len(diff.review),
                },
            )
        return replace(result, version=number)

    def _plan(
        self, session: Session, parsed: Sequence[layout.ParsedRow], origin: str, problems: list[str]
    ) -> tuple[CatalogueDiff, list[writes.PlanEntry], list[tuple[writes.CurrentItem, dict[str, Any]]]]:
        """What the rows do: the item plan, and (site files) the standard items the site refines.

        A site row naming a standard item with other wording becomes that item's refinement (细化),
        one column at a time; the same wording as the standard or the refinement already kept changes
        nothing. A city/district row changing a standard item the site refined lists it for review.
        """
        by_id, _ = self._domain_maps(session)
        existing = writes.load_current(session, {i: d.name for i, d in by_id.items()})
        active = refinements.load_active(session)
        plan: list[writes.PlanEntry] = []
        refine: list[tuple[writes.CurrentItem, dict[str, Any]]] = []
        added, changed, retired, refined, review = [], [], [], [], []
        in_file = set()
        rank = ORIGIN_RANK[origin]
        for p in parsed:
            in_file.add(p.data.key)
            found = existing.get(p.data.key)
            if found is None or found.status == "retired":
                plan.append(("added", found, p.data, p.seq))
                added.append(ItemChange(found.uuid if found else "", p.data.domain, p.data.title))
                continue
            old = found.data
            current = active.get(found.id)
            if old == p.data:
                continue
            if ORIGIN_RANK[found.origin] > rank:
                if origin != "site":
                    problems.append(
                        f"{p.where}：事项“{p.data.domain} / {p.data.title}”是{ORIGINS[found.origin]}事项，"
                        f"{ORIGINS[origin]}文件不能修改，应与现有内容一致（站点可在本站点文件中细化）"
                    )
                    continue
                fields = refinement_fields(old, p.data)
                shown = refined_data(old, refinements.fields_of(current)) if current is not None else old
                if current is not None and refinements.fields_of(current) == fields:
                    continue
                refine.append((found, fields))
                refined.append(
                    ItemChange(found.uuid, p.data.domain, p.data.title, tuple(shown.differences(p.data)))
                )
                continue
            plan.append(("changed", found, p.data, p.seq))
            change = ItemChange(found.uuid, p.data.domain, p.data.title, tuple(old.differences(p.data)))
            changed.append(change)
            if current is not None:
                review.append(change)
        if origin != "site":
            for key, cur in existing.items():
                if cur.status == "active" and cur.origin == origin and key not in in_file:
                    plan.append(("retired", cur, None, cur.seq))
                    retired.append(ItemChange(cur.uuid, key[0], cur.data.title))
        diff = CatalogueDiff(tuple(added), tuple(changed), tuple(retired), tuple(refined), tuple(review))
        return diff, plan, refine

    def _apply(
        self,
        session: Session,
        plan: Sequence[writes.PlanEntry],
        *,
        actor: str,
        origin: str,
        source: str,
        refine: Sequence[tuple[writes.CurrentItem, dict[str, Any]]] = (),
        reason: str = "",
    ) -> tuple[int, list[writes.Touched]]:
        """Write ``plan`` (and refinements) as the next catalogue version; its number and the items touched."""
        _, by_name = self._domain_maps(session)
        number = self._current_version(session) + 1
        counts = {k: sum(1 for p in plan if p[0] == k) for k in ("added", "changed", "retired")}
        counts["refined"] = len(refine)
        now = utcnow()
        version = CatalogueVersion(
            number=number, created_at=self._clock.now(), actor=actor, origin=origin, source=source, **counts
        )
        session.add(version)
        session.flush()
        touched = writes.write_plan(
            session,
            plan,
            version_id=version.id,
            origin=origin,
            domain_ids={name: d.id for name, d in by_name.items()},
            now=now,
            today=self._clock.today(),
        )
        for t in touched:
            if t.origin == "site":
                outbox.enqueue(
                    session,
                    entity="catalogue_item",
                    entity_uuid=t.uuid,
                    op="upsert",
                    payload={"uuid": t.uuid, "status": t.status, "version": number, **t.data.to_json()},
                )
        for item, fields in refine:
            refinements.write(
                session,
                item_id=item.id,
                item_uuid=item.uuid,
                standard=item.data,
                fields=fields,
                actor=actor,
                reason=reason or f"导入本站点目录文件（{source}）",
                now=now,
                action="import" if source and not reason else "refine",
            )
        return number, touched

    def _mark_for_review(self, session: Session, item_uuids: Sequence[str]) -> None:
        """A release changed these refined standard items: their refinements wait for a person."""
        rows = session.execute(
            select(CatalogueRefinement, CatalogueItem.uuid)
            .join(CatalogueItem, CatalogueRefinement.item_id == CatalogueItem.id)
            .where(CatalogueItem.uuid.in_(set(item_uuids)), CatalogueRefinement.status == "active")
        ).all()
        now = utcnow()
        for row, item_uuid in rows:
            row.standard_changed_at = now
            session.flush()
            refinements.record(session, row, item_uuid, actor="system", action="standard_changed")

    def _edit(
        self, user: StaffUser, plan_entry: writes.PlanEntry, action: str, session: Session
    ) -> CatalogueItemView:
        number, touched = self._apply(session, [plan_entry], actor=user.name, origin="site", source=action)
        uuid = touched[0].uuid
        audit.record(
            session,
            actor=user.name,
            action=f"catalogue.{action}",
            entity="catalogue_item",
            entity_uuid=uuid,
            detail={"version": number},
        )
        # The bulk UPDATE bypassed the identity map: read the row back as written.
        row = session.execute(
            select(CatalogueItem).where(CatalogueItem.uuid == uuid).execution_options(populate_existing=True)
        ).scalar_one()
        by_id, _ = self._domain_maps(session)
        refined = refinements.load_active(session, [row.id]).get(row.id)
        return self._view(row, by_id[row.domain_id], number, refined)

    def add_item(self, user: StaffUser, data: ItemData) -> CatalogueItemView:
        """Add a site item (本站点增补); a retired item with the same name comes back with its UUID."""
        authorize(user, "catalogue.add")
        problems = validate(data)
        if problems:
            raise InputError("目录事项有误，未保存", problems)
        with transaction(self._sf) as session:
            _, by_name = self._domain_maps(session)
            if data.domain not in by_name:
                raise InputError(f"领域：未知领域“{data.domain}”")
            row = session.execute(
                select(CatalogueItem).where(
                    CatalogueItem.domain_id == by_name[data.domain].id,
                    CatalogueItem.level1 == data.level1,
                    CatalogueItem.level2 == data.level2,
                    CatalogueItem.level3 == data.level3,
                )
            ).scalar()
            if row is not None and row.status == "active":
                raise InputError(f"事项“{data.domain} / {data.title}”已存在，应换一个事项名称或修改原事项")
            if row is not None and ORIGIN_RANK[row.origin] > 0:
                raise InputError(
                    f"事项“{data.domain} / {data.title}”是已停用的{ORIGINS[row.origin]}事项，不能由站点恢复"
                )
            seq = int(session.execute(select(func.max(CatalogueItem.seq))).scalar() or 0) + 1
            current = writes.current_of(row, data.domain) if row is not None else None
            return self._edit(user, ("added", current, data, seq), "add", session)

    def update_item(self, user: StaffUser, uuid: str, data: ItemData) -> CatalogueItemView:
        """Change a site item; standard (city/district) items are read-only at the site."""
        authorize(user, "catalogue.update")
        problems = validate(data)
        if problems:
            raise InputError("目录事项有误，未保存", problems)
        with transaction(self._sf) as session:
            row = self._editable_row(session, uuid)
            by_id, by_name = self._domain_maps(session)
            current = writes.current_of(row, by_id[row.domain_id].name)
            old = current.data
            if old == data:
                return self._view(row, by_id[row.domain_id], self._current_version(session))
            if data.key != old.key:
                clash = session.execute(
                    select(CatalogueItem.id).where(
                        CatalogueItem.domain_id == by_name[data.domain].id,
                        CatalogueItem.level1 == data.level1,
                        CatalogueItem.level2 == data.level2,
                        CatalogueItem.level3 == data.level3,
                    )
                ).scalar()
                if clash is not None:
                    raise InputError(f"事项“{data.domain} / {data.title}”已存在，应换一个事项名称")
            return self._edit(user, ("changed", current, data, row.seq), "update", session)

    def retire_item(self, user: StaffUser, uuid: str) -> CatalogueItemView:
        """Retire a site item (nothing is deleted; history and links stay)."""
        authorize(user, "catalogue.retire")
        with transaction(self._sf) as session:
            row = self._editable_row(session, uuid)
            by_id, _ = self._domain_maps(session)
            current = writes.current_of(row, by_id[row.domain_id].name)
            return self._edit(user, ("retired", current, None, row.seq), "retire", session)

    def _editable_row(self, session: Session, uuid: str) -> CatalogueItem:
        row = session.execute(select(CatalogueItem).where(CatalogueItem.uuid == uuid)).scalar()
        if row is None:
            raise NotFoundError(f"目录事项 {uuid} 不存在")
        if row.origin != "site":
            raise StateError(
                f"这是{ORIGINS[row.origin]}事项，标准原文在本站点只读；如需按本地实际调整，请用“本站点细化”"
            )
        if row.status != "active":
            raise StateError("事项已停用，不能再修改")
        return row

    # -- site refinements of standard items (本站点细化) ------------------------------------------

    def _standard_row(self, session: Session, uuid: str) -> tuple[CatalogueItem, writes.CurrentItem]:
        row = session.execute(select(CatalogueItem).where(CatalogueItem.uuid == uuid)).scalar()
        if row is None:
            raise NotFoundError(f"目录事项 {uuid} 不存在")
        if row.origin == "site":
            raise StateError("这是本站点增补事项，请直接修改事项；本站点细化只用于市级、区县标准事项")
        if row.status != "active":
            raise StateError("事项已停用，不能细化")
        by_id, _ = self._domain_maps(session)
        return row, writes.current_of(row, by_id[row.domain_id].name)

    def refine(self, user: StaffUser, uuid: str, data: ItemData, reason: str) -> CatalogueItemView:
        """Word a standard item the site's way: every column but its identity, with the reason.

        ``data`` is the item as the site wants it shown; the columns that differ from the standard
        become the refinement (the standard text is kept and stays one click away). Saving the
        standard text again withdraws the refinement.
        """
        authorize(user, "catalogue.refine")
        reason = reason.strip()
        if not reason:
            raise InputError("细化原因：应说明为什么本站点这样写（如“公开主体为唐王街道办事处”）")
        problems = validate(data)
        if problems:
            raise InputError("细化内容有误，未保存", problems)
        with transaction(self._sf) as session:
            row, current = self._standard_row(session, uuid)
            if data.key != current.data.key:
                raise InputError(
                    "领域、一级/二级/三级事项是标准事项的标识，不能细化；如需另起事项请增补本站点事项"
                )
            fields = refinement_fields(current.data, data)
            active = refinements.load_active(session, [row.id]).get(row.id)
            if not fields:
                if active is None:
                    raise InputError("细化内容与标准原文相同，没有需要保存的细化")
                return self._withdraw(session, user.name, row, active, reason)
            if active is not None and refinements.fields_of(active) == fields and active.reason == reason:
                by_id, _ = self._domain_maps(session)
                return self._view(row, by_id[row.domain_id], self._current_version(session), active)
            number, _ = self._apply(
                session,
                [],
                actor=user.name,
                origin="site",
                source="refine",
                refine=[(current, fields)],
                reason=reason,
            )
            return self._read_back(session, row, number)

    def keep_refinement(self, user: StaffUser, uuid: str, note: str = "") -> CatalogueItemView:
        """After a release changed the standard: keep the site's wording as it is (reviewed now)."""
        authorize(user, "catalogue.review_refinement")
        with transaction(self._sf) as session:
            row, current = self._standard_row(session, uuid)
            active = refinements.load_active(session, [row.id]).get(row.id)
            if active is None:
                raise StateError("此事项没有本站点细化")
            active.base = json.dumps(current.data.to_json(), ensure_ascii=False, sort_keys=True)
            active.standard_changed_at = None
            active.reviewed_by, active.reviewed_at = user.name, utcnow()
            if note.strip():
                active.reason = note.strip()
            session.flush()
            refinements.record(session, active, row.uuid, actor=user.name, action="keep")
            return self._read_back(session, row, self._current_version(session))

    def withdraw_refinement(self, user: StaffUser, uuid: str, reason: str) -> CatalogueItemView:
        """Go back to the standard text for this item (the refinement is kept as withdrawn)."""
        authorize(user, "catalogue.withdraw_refinement")
        if not reason.strip():
            raise InputError("撤销原因：不能为空")
        with transaction(self._sf) as session:
            row, _ = self._standard_row(session, uuid)
            active = refinements.load_active(session, [row.id]).get(row.id)
            if active is None:
                raise StateError("此事项没有本站点细化")
            return self._withdraw(session, user.name, row, active, reason.strip())

    def _withdraw(
        self, session: Session, actor: str, row: CatalogueItem, active: CatalogueRefinement, reason: str
    ) -> CatalogueItemView:
        active.status, active.reason, active.actor = "withdrawn", reason, actor
        active.standard_changed_at = None
        active.updated_at = utcnow()
        number = self._current_version(session) + 1
        session.add(
            CatalogueVersion(
                number=number, created_at=self._clock.now(), actor=actor, origin="site",
                source="withdraw refinement", refined=1,
            )
        )  # fmt: skip
        session.flush()
        refinements.record(session, active, row.uuid, actor=actor, action="withdraw")
        return self._read_back(session, row, number)

    def _read_back(self, session: Session, row: CatalogueItem, version: int) -> CatalogueItemView:
        by_id, _ = self._domain_maps(session)
        refined = refinements.load_active(session, [row.id]).get(row.id)
        return self._view(row, by_id[row.domain_id], version, refined)

    def refinements(self, *, review_only: bool = False) -> list[CatalogueItemView]:
        """Refined standard items (only those whose standard changed since, with ``review_only``).

        Reads only the refined items (Today asks this on every load; building a view of each of a
        site's 2,000+ items to keep the few refined ones took 180 ms on the five-year site)."""
        views = self.items(refined_only=True)
        return [v for v in views if v.needs_review or not review_only]

    # -- export ------------------------------------------------------------------------------------

    def export_file(self, path: Path, *, include_retired: bool = False) -> int:
        """Write the active catalogue as .xlsx or .csv (by suffix); returns the number of items."""
        views = self.items(status=None if include_retired else "active")
        items = [v.data for v in views]
        # The site's version of refined items, each marked with the columns it words its own way.
        notes = ["、".join(v.refinement.labels) if v.refinement else "" for v in views]
        rows = layout.export_rows(items, notes)
        suffix = path.suffix.lower()
        if suffix == ".csv":
            files.write_csv(path, rows)
        elif suffix == ".xlsx":
            marked = len(rows[0]) > len(layout.HEADER1)
            merges = (*layout.XLSX_MERGES, *([layout.REFINED_MERGE] if marked else []))
            widths = (*layout.XLSX_WIDTHS, *([layout.REFINED_WIDTH] if marked else []))
            files.write_xlsx(path, "基层政务公开标准目录", rows, merges, widths, 2)
        else:
            raise InputError(f"{path.name}：导出文件应以 .xlsx 或 .csv 结尾")
        return len(items)

    def pdf(self, *, size: str = "A3", domain: str | None = None, site_name: str = "") -> bytes:
        """The active catalogue (or one domain) as a PDF in the standard table layout."""
        from printing.catalogue import render_catalogue

        if size not in ("A3", "A4"):
            raise InputError(f"纸张：应为 A3 或 A4，实为“{size}”")
        code = None
        if domain:
            match = [d for d in self.domains() if domain in (d.code, d.name)]
            if not match:
                raise InputError(f"--domain：未知领域“{domain}”，应为领域名称或两位代码")
            code = match[0].code
        items = self.items(code)
        with read_only(self._sf) as session:
            version = self._current_version(session)
        title = f"{site_name}基层政务公开标准目录" if site_name else "基层政务公开标准目录"
        subtitle = f"目录第 {version} 版 · 共 {len(items)} 项 · {self._clock.today().isoformat()} 打印"
        refined = sum(1 for v in items if v.refined)
        if refined:
            subtitle += f" · 标“〔本站点细化〕”的 {refined} 项按本站点实际细化，标准原文可在工作台查阅"
        from app.printguard import naming

        with naming("标准目录"):
            return render_catalogue(title, _print_rows(items), size=size, subtitle=subtitle)

    # -- versions and history ----------------------------------------------------------------------

    def versions(self) -> list[VersionView]:
        with read_only(self._sf) as session:
            return [
                VersionView(
                    v.number,
                    local(v.created_at).strftime("%Y-%m-%d %H:%M"),
                    v.actor,
                    v.origin,
                    v.source,
                    v.added,
                    v.changed,
                    v.retired,
                    v.refined,
                )
                for v in session.execute(select(CatalogueVersion).order_by(CatalogueVersion.number)).scalars()
            ]

    def _state_at(self, session: Session, number: int) -> dict[int, tuple[str, ItemData, str]]:
        """item id -> (change, data, uuid) of its latest revision at or before version ``number``."""
        q = (
            select(CatalogueItemRevision, CatalogueVersion.number, CatalogueItem.uuid)
            .join(CatalogueVersion, CatalogueItemRevision.version_id == CatalogueVersion.id)
            .join(CatalogueItem, CatalogueItemRevision.item_id == CatalogueItem.id)
            .where(CatalogueVersion.number <= number)
            .order_by(CatalogueVersion.number)
        )
        state: dict[int, tuple[str, ItemData, str]] = {}
        for rev, _n, uuid in session.execute(q).all():
            state[rev.item_id] = (rev.change, ItemData.from_json(json.loads(rev.snapshot)), uuid)
        return state

    def diff(self, v1: int, v2: int) -> CatalogueDiff:
        """What changed from version ``v1`` to ``v2`` (0 is the empty catalogue before version 1)."""
        with read_only(self._sf) as session:
            top = self._current_version(session)
            for v, name in ((v1, "V1"), (v2, "V2")):
                if not 0 <= v <= top:
                    raise InputError(f"{name}：应为 0–{top} 之间的目录版本号，实为 {v}")
            a, b = self._state_at(session, v1), self._state_at(session, v2)
        added, changed, retired = [], [], []
        for item_id in sorted(set(a) | set(b)):
            old, new = a.get(item_id), b.get(item_id)
            was = old is not None and old[0] != "retired"
            now = new is not None and new[0] != "retired"
            if now and not was:
                assert new is not None
                added.append(ItemChange(new[2], new[1].domain, new[1].title))
            elif was and not now:
                assert old is not None
                retired.append(ItemChange(old[2], old[1].domain, old[1].title))
            elif was and now and old is not None and new is not None and old[1] != new[1]:
                changed.append(
                    ItemChange(new[2], new[1].domain, new[1].title, tuple(old[1].differences(new[1])))
                )
        return CatalogueDiff(tuple(added), tuple(changed), tuple(retired))

    def history(self, item_uuid: str) -> list[HistoryEntry]:
        """Every version that touched the item, oldest first, with the fields each one changed."""
        with read_only(self._sf) as session:
            item = session.execute(select(CatalogueItem).where(CatalogueItem.uuid == item_uuid)).scalar()
            if item is None:
                raise NotFoundError(f"目录事项 {item_uuid} 不存在")
            q = (
                select(CatalogueItemRevision, CatalogueVersion)
                .join(CatalogueVersion, CatalogueItemRevision.version_id == CatalogueVersion.id)
                .where(CatalogueItemRevision.item_id == item.id)
                .order_by(CatalogueVersion.number)
            )
            out: list[HistoryEntry] = []
            prev: ItemData | None = None
            for rev, ver in session.execute(q).all():
                data = ItemData.from_json(json.loads(rev.snapshot))
                changes: tuple[FieldChange, ...] = tuple(prev.differences(data)) if prev else ()
                out.append(
                    HistoryEntry(
                        ver.number,
                        local(ver.created_at).strftime("%Y-%m-%d %H:%M"),
                        ver.actor,
                        rev.change,
                        changes,
                    )
                )
                prev = data
            return out

    # -- disclosures and compliance ----------------------------------------------------------------

    def record_disclosure(
        self, item_uuid: str, *, on: date, channel: str, notice_uuid: str | None = None, actor: str
    ) -> DisclosureView:
        """Record that the item was disclosed on ``on`` through ``channel`` (optionally by a notice)."""
        with transaction(self._sf) as session:
            return self.record_disclosure_in(
                session, item_uuid, on=on, channel=channel, notice_uuid=notice_uuid, actor=actor
            )

    def record_disclosure_in(
        self,
        session: Session,
        item_uuid: str,
        *,
        on: date,
        channel: str,
        notice_uuid: str | None = None,
        actor: str,
    ) -> DisclosureView:
        """``record_disclosure`` inside the caller's transaction.

        For another capability whose own action discloses items (publishing a notice records a
        disclosure on each linked item): the disclosure, its audit entry and outbox entry then commit
        or roll back with that action.
        """
        channel = channel.strip()
        if not channel:
            raise InputError("公开渠道：应填写本次公开使用的渠道，如“社区/企事业单位/村公示栏(电子屏)”")
        if on > self._clock.today():
            raise InputError(f"公开日期：不能晚于今天，实为 {on.isoformat()}")
        item = session.execute(select(CatalogueItem).where(CatalogueItem.uuid == item_uuid)).scalar()
        if item is None:
            raise NotFoundError(f"目录事项 {item_uuid} 不存在")
        row = CatalogueDisclosure(
            item_id=item.id, disclosed_on=on, channel=channel, notice_uuid=notice_uuid or "", actor=actor
        )
        session.add(row)
        session.flush()
        payload = {
            "uuid": row.uuid,
            "item_uuid": item_uuid,
            "on": on.isoformat(),
            "channel": channel,
            "notice_uuid": notice_uuid or "",
        }
        audit.record(
            session,
            actor=actor,
            action="catalogue.disclose",
            entity="catalogue_disclosure",
            entity_uuid=row.uuid,
            detail=payload,
        )
        outbox.enqueue(
            session, entity="catalogue_disclosure", entity_uuid=row.uuid, op="upsert", payload=payload
        )
        return DisclosureView(row.uuid, item_uuid, on, channel, notice_uuid or "", actor)

    def unknown_items_in(self, session: Session, item_uuids: Sequence[str]) -> list[str]:
        """Those of ``item_uuids`` that name no catalogue item (for another service's validation)."""
        if not item_uuids:
            return []
        known = set(
            session.execute(
                select(CatalogueItem.uuid).where(CatalogueItem.uuid.in_(set(item_uuids)))
            ).scalars()
        )
        return [u for u in item_uuids if u not in known]

    def disclosures(self, item_uuid: str) -> list[DisclosureView]:
        with read_only(self._sf) as session:
            q = (
                select(CatalogueDisclosure)
                .join(CatalogueItem)
                .where(CatalogueItem.uuid == item_uuid)
                .order_by(CatalogueDisclosure.disclosed_on.desc(), CatalogueDisclosure.id.desc())
            )
            return [
                DisclosureView(d.uuid, item_uuid, d.disclosed_on, d.channel, d.notice_uuid, d.actor)
                for d in session.execute(q).scalars()
            ]

    def compliance(self, today: date, within_workdays: int = 3) -> list[ComplianceEntry]:
        """Active items overdue, or due within ``within_workdays`` working days, most urgent first.

        Items whose time limit cannot be read (rule "manual") are not judged here; the detail pane
        shows them as 需人工判断.
        """
        calendar = self._holidays.calendar()
        horizon = calendar.add(today, within_workdays)
        with read_only(self._sf) as session:
            last = dict(
                session.execute(
                    select(CatalogueDisclosure.item_id, func.max(CatalogueDisclosure.disclosed_on)).group_by(
                        CatalogueDisclosure.item_id
                    )
                ).all()
            )
            by_id, _ = self._domain_maps(session)
            version = self._current_version(session)
            # Judge every active item from three columns (each distinct rule text parsed once); an
            # item the site refined is judged by its refined 公开时限, the site's commitment. Only
            # the items found due are loaded whole.
            refined = refinements.load_active(session)
            judged = session.execute(
                select(CatalogueItem.id, CatalogueItem.rule, CatalogueItem.changed_on)
                .join(CatalogueDomain)
                .where(CatalogueItem.status == "active", CatalogueDomain.applicable.is_(True))
            ).all()
            refined_rules: dict[int, Any] = {}
            if refined:
                for row in session.execute(
                    select(CatalogueItem).where(CatalogueItem.id.in_(list(refined)))
                ).scalars():
                    refined_rules[row.id] = self._view(
                        row, by_id[row.domain_id], version, refined[row.id]
                    ).rule
            due_items: dict[int, tuple[Any, Any]] = {}
            for item_id, rule_text, changed_on in judged:
                rule = refined_rules.get(item_id)
                if rule is None:
                    rule, _ = _rule_of(rule_text)
                due = rules.due_of(
                    rule,
                    anchor=changed_on,
                    last_disclosure=last.get(item_id),
                    today=today,
                    calendar=calendar,
                )
                if due is None or due.met or due.due > horizon.date:
                    continue
                due_items[item_id] = (rule, due)
            rows: list[CatalogueItem] = (
                list(
                    session.execute(
                        select(CatalogueItem).where(CatalogueItem.id.in_(list(due_items)))
                    ).scalars()
                )
                if due_items
                else []
            )
            out = []
            for row in rows:
                rule, due = due_items[row.id]
                status = "overdue" if due.due < today else "due_soon"
                left = calendar.workdays_between(today, due.due) if status == "due_soon" else 0
                out.append(
                    ComplianceEntry(
                        item=self._view(row, by_id[row.domain_id], version, refined.get(row.id)),
                        status=status,
                        due=due.due,
                        provisional=due.provisional or (status == "due_soon" and horizon.provisional),
                        rule_text=rules.describe(rule),
                        last_disclosure=last.get(row.id),
                        workdays_left=left,
                    )
                )
        out.sort(key=lambda e: (e.due, e.item.domain_code, e.item.seq))
        return out


def _print_rows(items: Sequence[CatalogueItemView]) -> list[Any]:
    from app.catalogue.model import channel_strip
    from printing.catalogue import CatalogueRow

    def marked(v: CatalogueItemView, level: str, which: int) -> str:
        # The mark goes after the item's last level, so the item's identity reads unchanged.
        last = 3 if v.data.level3 else 2 if v.data.level2 else 1
        return level + "〔本站点细化〕" if v.refined and which == last else level

    return [
        CatalogueRow(
            number=n,
            domain=v.data.domain,
            level1=marked(v, v.data.level1, 1),
            level2=marked(v, v.data.level2, 2),
            level3=marked(v, v.data.level3, 3),
            content=v.data.content,
            basis=v.data.basis,
            time_limit=v.data.time_limit,
            publisher=v.data.publisher,
            channel_strip=channel_strip(v.data.channels, v.data.extra_channels),
            public=v.data.audience == "public",
            group=(v.data.audience_group or "√") if v.data.audience == "specific_group" else "",
            proactive="proactive" in v.data.modes,
            on_request="on_request" in v.data.modes,
            county="county" in v.data.tiers,
            township="township" in v.data.tiers,
            village="village" in v.data.tiers,
        )
        for n, v in enumerate(items, start=1)
    ]


@lru_cache(maxsize=256)
def _rule_of(rule_json: str) -> tuple[dict[str, Any], str]:
    """A stored rule and its words, parsed once per distinct text (a site has a few dozen; 2,000+
    items share them). Callers must not change the dict: it is shared by every view of that rule."""
    rule = json.loads(rule_json)
    return rule, rules.describe(rule)
