"""Import a folder or a .zip of documents described by one metadata sheet, 目录.xlsx or 目录.csv.

The sheet has a header row with at least 文件名 (the document's file in the folder); the other columns
are optional and recognised by name: 标题, 发文字号, 发文机关, 成文日期, 发布日期, 施行日期, 有效性,
主题分类 (or 领域), 关键词, 附件 (further files, separated by ；、 or ,), 需要解读 (是/否). A row without
a 标题 takes the file name; a row without a 发文字号 takes the number printed at the top of the text
(docs/policies.md has the layout with an example).

All or nothing: every row is read, its files found and their text extracted, and every problem is
collected with the sheet, row, column and what was expected; if there is any, nothing is written. A
document already in the library (same original file, by SHA-256) is skipped, so importing the same
folder twice adds nothing. A scanned PDF without text is imported and reported as such.

A .zip is opened here, with care: members are counted and sized (and compression ratios checked)
before anything is extracted, names with absolute paths or ``..`` are refused, and names written by
Chinese Windows without the UTF-8 flag are read as GB 18030. The sheet is read with the catalogue's
file reader (app/catalogue/files.py: size caps, no formulas evaluated).
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.catalogue.files import read_sheets
from app.errors import InputError
from app.policies import values as v
from app.policies.extract import MAX_DOCUMENT_BYTES, Extracted, extract, pdf_page_count
from db.models import PolicyAttachment, PolicyDocument

#: The metadata sheet: 目录.xlsx or 目录.csv (the issue's two), or another format the catalogue reader reads.
SHEET_NAMES = ("目录.xlsx", "目录.csv", "目录.xls", "目录.ods", "目录.et", "目录.xlsm")
#: A .zip may hold at most this many members, unpacking to at most this much in all.
MAX_ZIP_MEMBERS = 5000
MAX_ZIP_UNPACKED = 4 * 1024 * 1024 * 1024
#: A member larger than 1 MB compressed more than this many times is refused (a ZIP bomb's signature).
MAX_RATIO = 200
#: Rows in one sheet.
MAX_ROWS = 20000

COLUMNS: dict[str, tuple[str, ...]] = {
    "file": ("文件名", "文件", "文件名称"),
    "title": ("标题", "文件标题", "名称", "文件名称（标题）"),
    "doc_number": ("发文字号", "文号"),
    "issuer": ("发文机关", "发布机关", "发文单位"),
    "written_on": ("成文日期", "印发日期"),
    "published_on": ("发布日期", "公开日期"),
    "effective_on": ("施行日期", "实施日期", "生效日期"),
    "validity": ("有效性", "效力状态", "时效性"),
    "domain": ("主题分类", "领域", "主题"),
    "keywords": ("关键词", "主题词"),
    "attachments": ("附件",),
    "interpretation_required": ("需要解读",),
}

_DATE = re.compile(
    r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*(?:0{1,2}:00(?::00)?)?\s*$"
)
_SPLIT = re.compile(r"[；;、,，\n]+")


@dataclass(frozen=True)
class PlannedDocument:
    """One row, read and checked, ready to be written."""

    row: int
    draft: v.DocumentDraft
    source: Path
    extracted: Extracted
    attachments: tuple[Path, ...]
    validity: str


def parse_date(value: str) -> date | None:
    """2024-03-01, 2024/3/1, 2024.3.1 or 2024年3月1日; ValueError when it is none of these."""
    if not value.strip():
        return None
    m = _DATE.match(value)
    if not m:
        raise ValueError(value)
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


class FolderImport:
    """Reads and checks a folder or .zip (``plan``), then writes it in the caller's transaction (``write``)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._tmp: tempfile.TemporaryDirectory[str] | None = None

    def __enter__(self) -> FolderImport:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()

    # -- reading -------------------------------------------------------------------------------------

    def folder(self) -> Path:
        if not self.path.exists():
            raise InputError(f"{self.path}：不存在（应为文件夹或 .zip 压缩包）")
        if self.path.is_dir():
            return self.path
        if self.path.suffix.lower() != ".zip":
            raise InputError(
                f"{self.path.name}：应为文件夹或 .zip 压缩包，实为“{self.path.suffix or '无扩展名'}”文件"
            )
        self._tmp = tempfile.TemporaryDirectory(prefix="gongkai-docs-")
        root = Path(self._tmp.name)
        unpack_zip(self.path, root)
        return root

    def plan(
        self, known_domains: set[str], known_sources: set[str]
    ) -> tuple[list[PlannedDocument], list[str]]:
        """Every row read and checked: (documents to add, notes such as scans and skipped rows).

        Raises InputError listing every problem, having written nothing.
        """
        folder = self.folder()
        sheet_path = _find_sheet(folder, self.path.name)
        label = sheet_path.name
        sheets = read_sheets(sheet_path)
        if not sheets or not sheets[0].rows:
            raise InputError(f"{label}：表格是空的，应有表头（至少一列“文件名”）和每个文件一行")
        sheet = sheets[0]
        header_row, columns = _header(sheet.rows, label)
        files = _files_by_name(folder)
        problems: list[str] = []
        notes: list[str] = []
        planned: list[PlannedDocument] = []
        seen_files: dict[str, int] = {}
        data_rows = sheet.rows[header_row:]
        if len(data_rows) > MAX_ROWS:
            raise InputError(f"{label}：有 {len(data_rows)} 行，超过上限 {MAX_ROWS} 行，请分批导入")
        for offset, cells in enumerate(data_rows):
            number = header_row + offset + 1
            if not any(c.strip() for c in cells):
                continue

            def cell(key: str, cells: list[str] = cells) -> str:
                col = columns.get(key)
                return cells[col].strip() if col is not None and col < len(cells) else ""

            def where(key: str, number: int = number) -> str:
                col = columns.get(key, 0)
                return f"{label}，第 {number} 行，{_letter(col)} 列（{COLUMNS[key][0]}）"

            for r, c in sheet.oversized:
                if r == number:
                    problems.append(f"{label}，第 {number} 行，{_letter(c - 1)} 列：内容过长（超过 8000 字）")
            row_problems: list[str] = []
            name = cell("file")
            source = files.get(name) if name else None
            if not name:
                row_problems.append(f"{where('file')}：不能为空，应写文件夹中正文文件的名称（如 通知.docx）")
            elif source is None:
                row_problems.append(f"{where('file')}：文件夹中没有“{name}”")
            elif source.suffix.lower() not in v.TEXT_SUFFIXES:
                row_problems.append(f"{where('file')}：正文文件应为 .docx、.pdf 或 .txt，实为“{name}”")
            elif name in seen_files:
                row_problems.append(f"{where('file')}：“{name}”与第 {seen_files[name]} 行重复")
            if name:
                seen_files.setdefault(name, number)
            dates: dict[str, date | None] = {}
            for key in ("written_on", "published_on", "effective_on"):
                try:
                    dates[key] = parse_date(cell(key))
                except ValueError:
                    row_problems.append(
                        f"{where(key)}：应为日期（如 2024-03-01 或 2024年3月1日），实为“{cell(key)}”"
                    )
                    dates[key] = None
            raw_validity = cell("validity")
            validity = v.VALIDITY_SPELLINGS.get(raw_validity.lower(), "") if raw_validity else v.VALID
            if not validity:
                row_problems.append(
                    f"{where('validity')}：应为 有效、失效、废止 或 已修订，实为“{raw_validity}”"
                )
            domain = cell("domain")
            if domain and known_domains and domain not in known_domains:
                row_problems.append(f"{where('domain')}：“{domain}”不是目录中的领域（如 社会救助、就业）")
            attachments: list[Path] = []
            for att in (a.strip() for a in _SPLIT.split(cell("attachments"))):
                if not att:
                    continue
                found = files.get(att)
                if found is None:
                    row_problems.append(f"{where('attachments')}：文件夹中没有附件“{att}”")
                else:
                    attachments.append(found)
            required_text = cell("interpretation_required")
            if required_text and required_text not in ("是", "否", "需要", "不需要", "yes", "no"):
                row_problems.append(
                    f"{where('interpretation_required')}：应为 是 或 否，实为“{required_text}”"
                )
            extracted: Extracted | None = None
            if source is not None and not row_problems:
                size = source.stat().st_size
                if size > MAX_DOCUMENT_BYTES:
                    row_problems.append(
                        f"{where('file')}：“{name}”有 {size >> 20} MB，超过上限 {MAX_DOCUMENT_BYTES >> 20} MB"
                    )
                else:
                    try:
                        extracted = extract(name, source.read_bytes())
                    except InputError as exc:
                        row_problems.append(f"{label}，第 {number} 行：{exc}")
            if row_problems or extracted is None or source is None:
                problems.extend(row_problems)
                continue
            from app.policies.blobs import sha256_file

            if sha256_file(source) in known_sources:
                notes.append(f"第 {number} 行：“{name}”已在文件库中，跳过")
                continue
            if extracted.text_status == v.TEXT_NONE:
                notes.append(
                    f"第 {number} 行：“{name}”是扫描件（{extracted.pages} 页，没有文字层），已按页面保存，不能全文检索"
                )
            draft = v.DocumentDraft(
                title=cell("title") or Path(name).stem,
                doc_number=cell("doc_number") or extracted.doc_number,
                issuer=cell("issuer"),
                written_on=dates["written_on"],
                published_on=dates["published_on"],
                effective_on=dates["effective_on"],
                domain=domain,
                keywords=tuple(k for k in _SPLIT.split(cell("keywords")) if k.strip()),
                interpretation_required=required_text not in ("否", "不需要", "no"),
            )
            planned.append(PlannedDocument(number, draft, source, extracted, tuple(attachments), validity))
        if problems:
            raise InputError(f"{self.path.name}：有 {len(problems)} 处问题，未导入任何文件", problems)
        return planned, notes


def write(
    session: Session, service: object, planned: list[PlannedDocument], actor: str, source_label: str
) -> list[PolicyDocument]:
    """Insert the planned documents (the caller's transaction); returns their rows."""
    from app.policies.service import MAX_ATTACHMENT_BYTES, PolicyService

    assert isinstance(service, PolicyService)
    rows = []
    for p in planned:
        row = service.insert_document(session, p.draft, actor, source=p.source, extracted=p.extracted)
        row.validity = p.validity
        for i, path in enumerate(p.attachments):
            sha, size = service.blobs.put_file(path, max_bytes=MAX_ATTACHMENT_BYTES)
            pages = pdf_page_count(service.blobs.read(sha)) if v.attachment_kind(path.name) == "pdf" else 0
            session.add(
                PolicyAttachment(
                    document_id=row.id,
                    kind=v.attachment_kind(path.name),
                    name=path.name,
                    sha256=sha,
                    size=size,
                    pages=pages,
                    position=i,
                )
            )
        rows.append(row)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="policy.import",
        entity="policy_document",
        detail={"source": source_label, "documents": len(rows)},
    )
    return rows


def known_sources(session: Session) -> set[str]:
    return {s for s in session.execute(select(PolicyDocument.source_sha256)).scalars() if s}


# -- the sheet ----------------------------------------------------------------------------------------


def _find_sheet(folder: Path, label: str) -> Path:
    found = [p for p in folder.rglob("*") if p.is_file() and p.name in SHEET_NAMES]
    if not found:
        raise InputError(
            f"{label}：没有找到目录表“目录.xlsx”或“目录.csv”（应与文件放在一起，含“文件名”一列）"
        )
    if len(found) > 1:
        names = "、".join(str(p.relative_to(folder)) for p in found)
        raise InputError(f"{label}：有多个目录表（{names}），应只有一个")
    return found[0]


def _header(rows: list[list[str]], label: str) -> tuple[int, dict[str, int]]:
    """The header row (1-based count of rows up to and including it) and each known column's index."""
    for i, row in enumerate(rows[:5]):
        names = [c.strip().replace(" ", "").replace("\u3000", "") for c in row]
        if any(n in COLUMNS["file"] for n in names):
            columns: dict[str, int] = {}
            for col, name in enumerate(names):
                for key, spellings in COLUMNS.items():
                    if name in spellings and key not in columns:
                        columns[key] = col
            return i + 1, columns
    raise InputError(f"{label}：前 5 行中没有表头“文件名”；表头应有“文件名”一列，每行写一个正文文件的名称")


def _files_by_name(folder: Path) -> dict[str, Path]:
    """Every file under ``folder`` by its name (and by its path relative to it, with / separators)."""
    out: dict[str, Path] = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not p.is_symlink():
            out.setdefault(p.name, p)
            out[p.relative_to(folder).as_posix()] = p
    return out


def _letter(index: int) -> str:
    name = ""
    n = index + 1
    while n:
        n, r = divmod(n - 1, 26)
        name = chr(65 + r) + name
    return name


# -- a .zip, unpacked with care -------------------------------------------------------------------------


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its author wrote it (GB 18030 when the UTF-8 flag is not set)."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def unpack_zip(path: Path, target: Path) -> None:
    """Extract ``path`` into ``target`` after checking every member (InputError names the problem)."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"{path.name}：不是有效的 .zip 压缩包（{exc}）") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_MEMBERS:
            raise InputError(f"{path.name}：有 {len(infos)} 个文件，超过上限 {MAX_ZIP_MEMBERS} 个")
        total = sum(i.file_size for i in infos)
        if total > MAX_ZIP_UNPACKED:
            raise InputError(f"{path.name}：解压后有 {total >> 20} MB，超过上限 {MAX_ZIP_UNPACKED >> 30} GB")
        problems = []
        planned: list[tuple[zipfile.ZipInfo, PurePosixPath]] = []
        for info in infos:
            name = member_name(info)
            pure = PurePosixPath(name.replace("\\", "/"))
            if pure.is_absolute() or ".." in pure.parts or re.match(r"^[A-Za-z]:", name):
                problems.append(f"{path.name}：“{name}”的路径越出压缩包（绝对路径或 ..），已拒绝")
                continue
            if (info.external_attr >> 16) & 0o170000 == 0o120000:
                problems.append(f"{path.name}：“{name}”是符号链接，已拒绝")
                continue
            if info.is_dir():
                continue
            if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                problems.append(f"{path.name}：“{name}”压缩比异常（可能是压缩炸弹），已拒绝")
                continue
            planned.append((info, pure))
        if problems:
            raise InputError(f"{path.name}：压缩包有问题，未导入任何文件", problems)
        for info, pure in planned:
            dest = target.joinpath(*pure.parts)
            dest.parent.mkdir(parents=True, exist_ok=True)
            written = 0
            with archive.open(info) as src, dest.open("wb") as out:
                while chunk := src.read(1024 * 1024):
                    written += len(chunk)
                    if written > info.file_size:  # the header lied about the size
                        raise InputError(f"{path.name}：“{member_name(info)}”实际大小与记录不符，已拒绝")
                    out.write(chunk)
