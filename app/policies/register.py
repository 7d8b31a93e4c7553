"""The 查阅登记 (reading register) of the zone's 政府信息查阅场所: each reading and each counter print
of a policy document or interpretation, one line each — date, what, pages, copies, who recorded it,
and a reader's name only if the reader gave one.

What it does: ``add`` a line (one transaction with its audit entry, which names the document, never
the reader), list the lines of a period (``Period``: a year, or any first..last day), the period's
figures (the annual report's supplementary reading figure), export the period as .xlsx or .csv and
print it as a PDF. A name never leaves the staff window unmasked: exports and the printout mask it
through the one masking service (``app.privacy``: 张三 → 张*), or leave names out altogether
(``names="omit"``); a note is passed through ``mask_text`` so an ID or phone typed into it is masked too.
No outbox entry: the register stays at the site (the platform publishes none of it).
"""

from __future__ import annotations

import builtins
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app import audit
from app.authz import authorize
from app.clock import Clock
from app.errors import InputError, NotFoundError
from app.policies import values as v
from app.privacy import Masker, MaskingProfile, mask_text
from app.uow import read_only, transaction
from app.users import StaffUser
from db.models import PolicyDocument, PolicyInterpretation, PolicyReading

#: Names in register exports are masked like every personal name that leaves the staff window.
MASKER = Masker(MaskingProfile(names=True))
ENTITY_DOCUMENT = "policy_document"
HEADER = ["日期", "类型", "文件或解读", "页数", "份数", "查阅人", "备注", "登记人"]
#: How names appear in an export or printout: masked (张*), or left out.
Names = Literal["masked", "omit"]
MAX_NAME = 50
MAX_NOTE = 500


@dataclass(frozen=True)
class Period:
    """The days ``first``..``last`` (inclusive)."""

    first: date
    last: date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def of(cls, year: int | None, first: date | None, last: date | None, today: date) -> Period:
        """A period from a year, or from first/last days (either may be open: the year's start,
        today); the current year when nothing is given. InputError for a reversed period."""
        if first is None and last is None:
            return cls.year(year or today.year)
        if year is not None:
            raise InputError("时段：--year 与 --from/--to 只能选一种")
        start = first or date((last or today).year, 1, 1)
        end = last or today
        if end < start:
            raise InputError(f"时段：结束日 {end} 早于开始日 {start}")
        return cls(start, end)

    @property
    def whole_year(self) -> bool:
        return self.first == date(self.first.year, 1, 1) and self.last == date(self.first.year, 12, 31)

    @property
    def label(self) -> str:
        """2025年 for a calendar year, else 2025年3月1日至2025年6月30日."""
        if self.whole_year:
            return f"{self.first.year}年"
        return f"{_cn(self.first)}至{_cn(self.last)}"


class ReadingRegister:
    """The register over one site database; ``find`` resolves a document reference (UUID, its first
    8 characters or 发文字号) the way the library does."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        clock: Clock,
        find: Callable[[Session, str], PolicyDocument],
        site_name: Callable[[], str],
    ) -> None:
        self._sf = session_factory
        self._clock = clock
        self._find = find
        self._site_name = site_name

    # -- writing ------------------------------------------------------------------------------------

    def add(
        self,
        actor: StaffUser,
        ref: str,
        *,
        action: str = v.READ,
        pages: int = 0,
        copies: int = 1,
        reader_name: str = "",
        interpretation: str = "",
        note: str = "",
        on: date | None = None,
    ) -> v.ReadingEntry:
        """One line: what was read or printed and how many pages (a name only if the reader gave it)."""
        authorize(actor, "policy.register")
        problems = []
        if action not in v.ACTIONS:
            problems.append(f"登记类型：应为 read（查阅）或 print（打印），实为“{action}”")
        if not 0 <= pages <= 100000:
            problems.append(f"页数：应为 0 到 100000 的整数，实为 {pages}")
        if not 1 <= copies <= 1000:
            problems.append(f"份数：应为 1 到 1000 的整数，实为 {copies}")
        if len(reader_name.strip()) > MAX_NAME:
            problems.append(f"查阅人：不超过 {MAX_NAME} 字（可不填）")
        if len(note.strip()) > MAX_NOTE:
            problems.append(f"备注：不超过 {MAX_NOTE} 字")
        day = on or self._clock.today()
        if day > self._clock.today():
            problems.append(f"日期：{day} 在今天之后")
        if problems:
            raise InputError("查阅登记有误，未保存", problems)
        with transaction(self._sf) as session:
            doc = self._find(session, ref)
            title = doc.title
            if interpretation:
                interp = session.execute(
                    select(PolicyInterpretation).where(
                        PolicyInterpretation.uuid == interpretation,
                        PolicyInterpretation.document_id == doc.id,
                    )
                ).scalar_one_or_none()
                if interp is None:
                    raise NotFoundError(f"《{doc.title}》没有编号为 {interpretation} 的解读材料")
                title = f"{interp.title}（{v.FORMS.get(interp.form, interp.form)}）"
            row = PolicyReading(
                on=day,
                document_uuid=doc.uuid,
                interpretation_uuid=interpretation,
                title=title,
                action=action,
                pages=pages,
                copies=copies,
                reader_name=reader_name.strip(),
                note=note.strip(),
                recorded_by=actor.name,
                at=self._clock.now(),
            )
            session.add(row)
            session.flush()
            # The audit line names what was read, never who read it.
            audit.record(
                session,
                actor=actor.name,
                action=f"policy.{action}",
                entity=ENTITY_DOCUMENT,
                entity_uuid=doc.uuid,
                detail={"pages": pages, "copies": copies},
            )
            return entry_value(row)

    # -- reading ------------------------------------------------------------------------------------

    def entries(self, period: Period | None = None) -> builtins.list[v.ReadingEntry]:
        """The lines of ``period`` (all when None), newest first, names as entered (staff only)."""
        with read_only(self._sf) as session:
            query = select(PolicyReading).order_by(PolicyReading.on.desc(), PolicyReading.id.desc())
            if period is not None:
                query = query.where(PolicyReading.on >= period.first, PolicyReading.on <= period.last)
            return [entry_value(r) for r in session.execute(query).scalars()]

    def figures(self, year: int) -> v.RegisterFigures:
        """The year's figures: 查阅 and 打印 lines, printed pages (× copies), distinct documents."""
        period = Period.year(year)
        with read_only(self._sf) as session:
            in_period = (PolicyReading.on >= period.first, PolicyReading.on <= period.last)
            counts = dict(
                session.execute(
                    select(PolicyReading.action, func.count())
                    .where(*in_period)
                    .group_by(PolicyReading.action)
                ).all()
            )
            pages = session.execute(
                select(func.coalesce(func.sum(PolicyReading.pages * PolicyReading.copies), 0)).where(
                    *in_period, PolicyReading.action == v.PRINT
                )
            ).scalar_one()
            documents = session.execute(
                select(func.count(func.distinct(PolicyReading.document_uuid))).where(*in_period)
            ).scalar_one()
        return v.RegisterFigures(
            year, int(counts.get(v.READ, 0)), int(counts.get(v.PRINT, 0)), int(pages), int(documents)
        )

    def rows(
        self, period: Period | None = None, *, names: Names = "masked"
    ) -> builtins.list[builtins.list[str]]:
        """The lines as rows of text for an export or a printout (``HEADER``'s columns): names masked
        with app.privacy (张三 → 张*) or left out; numbers typed into a note masked."""
        if names not in ("masked", "omit"):
            raise InputError(f"姓名：应为 masked（脱敏）或 omit（不含姓名），实为“{names}”")
        out = []
        for e in self.entries(period):
            name = MASKER.mask_name(e.reader_name) if e.reader_name and names == "masked" else ""
            out.append(
                [
                    e.on.isoformat(),
                    e.action_label,
                    e.title,
                    str(e.pages),
                    str(e.copies),
                    name,
                    mask_text(e.note) if e.note else "",
                    e.recorded_by,
                ]
            )
        return out

    # -- exports ------------------------------------------------------------------------------------

    def export(self, path: Path, period: Period | None = None, *, names: Names = "masked") -> int:
        """Write the lines to .xlsx, .csv or .pdf (the printed register); returns the number of lines."""
        from app.catalogue.files import write_csv, write_xlsx

        suffix = path.suffix.lower()
        if suffix not in (".xlsx", ".csv", ".pdf"):
            raise InputError(f"{path.name}：导出文件应为 .xlsx、.csv 或 .pdf")
        rows = self.rows(period, names=names)
        if suffix == ".pdf":
            path.write_bytes(self._pdf(period, rows, names))
            return len(rows)
        keep = _columns(names, note=True)
        widths = [12, 8, 48, 8, 8, 10, 24, 10]
        table = [[c for i, c in enumerate(HEADER) if i in keep]] + [
            [c for i, c in enumerate(r) if i in keep] for r in rows
        ]
        if suffix == ".csv":
            write_csv(path, table)
        else:
            write_xlsx(path, "查阅登记", table, [], [w for i, w in enumerate(widths) if i in keep], 1)
        return len(rows)

    def pdf(self, period: Period | None = None, *, names: Names = "masked") -> bytes:
        """The register of ``period`` as a printable PDF (A4 landscape), names masked or left out."""
        return self._pdf(period, self.rows(period, names=names), names)

    def _pdf(self, period: Period | None, rows: builtins.list[builtins.list[str]], names: Names) -> bytes:
        from printing.policies import RegisterSheet, register_pdf

        label = period.label if period is not None else "全部"
        keep = _columns(names, note=False)
        totals = ""
        if period is not None and period.whole_year:
            f = self.figures(period.first.year)
            totals = (
                f"合计：查阅 {f.readings} 人次，打印 {f.prints} 次、{f.printed_pages} 页，"
                f"涉及政策文件 {f.documents} 件。"
            )
        else:
            reads = sum(1 for r in rows if r[1] == v.ACTIONS[v.READ])
            prints = [r for r in rows if r[1] == v.ACTIONS[v.PRINT]]
            pages = sum(int(r[3]) * int(r[4]) for r in prints)
            totals = f"合计：查阅 {reads} 人次，打印 {len(prints)} 次、{pages} 页。"
        return register_pdf(
            RegisterSheet(
                title=f"政策文件查阅登记（{label}）",
                site=self._site_name(),
                # The note column is left out of the printout: too wide for the page.
                columns=[c for i, c in enumerate(HEADER) if i in keep],
                rows=[[c for i, c in enumerate(r) if i in keep] for r in rows],
                totals=totals,
                note=(
                    "查阅人姓名已按规定遮蔽；未填写姓名的查阅不记录个人信息。"
                    if names == "masked"
                    else "本表不含查阅人姓名。"
                ),
            )
        )


def entry_value(r: PolicyReading) -> v.ReadingEntry:
    return v.ReadingEntry(
        r.uuid,
        r.on,
        r.document_uuid,
        r.interpretation_uuid,
        r.title,
        r.action,
        r.pages,
        r.copies,
        r.reader_name,
        r.note,
        r.recorded_by,
    )


def _columns(names: Names, *, note: bool) -> set[int]:
    """The indexes of ``HEADER`` an export keeps: without 查阅人 when names are left out, without
    备注 on paper."""
    return {i for i in range(len(HEADER)) if not (i == 5 and names == "omit") and not (i == 6 and not note)}


def _cn(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"
