"""The text of a document file, for reading and full-text search: .docx (python-docx), .pdf (pypdfium2),
.txt (UTF-8 or GB 18030).

A PDF whose pages carry no text layer is a scan (an image of paper): it is kept and shown as pages, and
reported as ``no_text`` so staff know it cannot be found by its words. A .docx is a ZIP: its members
are counted and measured before python-docx opens it (a ZIP bomb is refused); python-docx parses with
lxml without resolving entities. Libraries are imported on first use (start-up time, bench/startup.py).

pdfium is not thread-safe, so every call into it holds the one ``app.pdfium_lock.PDFIUM_LOCK`` (the
reader renders pages on a worker thread while an import may extract text on another).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from app.errors import InputError
from app.pdfium_lock import PDFIUM_LOCK
from app.policies.values import TEXT_NONE, TEXT_OK

#: A document file (.docx/.pdf/.txt) larger than this is refused (the largest gazette PDFs are ~50 MB).
MAX_DOCUMENT_BYTES = 100 * 1024 * 1024
#: The longest full text kept (a 600-page PDF of dense Chinese is ~1 million characters).
MAX_BODY_CHARS = 2_000_000
#: A .docx (a ZIP) may unpack to at most this much, in at most this many members.
MAX_DOCX_UNPACKED = 300 * 1024 * 1024
MAX_DOCX_MEMBERS = 5000
#: Fewer text characters than this per page on average: the PDF is a scan.
MIN_CHARS_PER_PAGE = 8

#: A 发文字号 such as 济政办发〔2023〕12号, 历城政字[2024]3号 or 国办发（2019) 54 号.
DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,16}\s*[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*(?:第\s*)?\d{1,5}\s*号"
)


@dataclass(frozen=True)
class Extracted:
    """What a file gave: its text, where it came from, whether it had any, and its pages (PDF)."""

    text: str
    source: str  # docx / pdf / txt
    text_status: str  # ok / no_text
    pages: int = 0
    doc_number: str = ""  # the first 发文字号 found near the top, if any


def extract(name: str, data: bytes) -> Extracted:
    """Read the text of ``data`` (named ``name``, whose extension decides how); InputError if unreadable."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputError(
            f"{name}：文件有 {len(data) // 1024 // 1024} MB，超过上限 {MAX_DOCUMENT_BYTES >> 20} MB"
        )
    suffix = Path(name).suffix.lower()
    if suffix == ".docx":
        text, source, pages = _docx(name, data), "docx", 0
    elif suffix == ".pdf":
        text, pages = _pdf(name, data)
        source = "pdf"
    elif suffix == ".txt":
        text, source, pages = _txt(name, data), "txt", 0
    elif suffix in (".doc", ".wps"):
        raise InputError(
            f"{name}：旧版 Word（.doc/.wps）不能读取正文，请在 Word 或 WPS 中另存为 .docx 或 PDF"
        )
    else:
        raise InputError(f"{name}：正文文件应为 .docx、.pdf 或 .txt，实为“{suffix or '无扩展名'}”")
    text = normalise(text)[:MAX_BODY_CHARS]
    if source == "pdf":
        status = TEXT_OK if len(re.sub(r"\s", "", text)) >= MIN_CHARS_PER_PAGE * max(pages, 1) else TEXT_NONE
    else:
        status = TEXT_OK if text.strip() else TEXT_NONE
    if status == TEXT_NONE:
        text = ""
    return Extracted(text, source, status, pages, find_doc_number(text))


def normalise(text: str) -> str:
    """Unix newlines, no trailing spaces, at most one blank line in a row, no NULs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").replace("\ufeff", "")
    lines = [line.rstrip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip()


def find_doc_number(text: str) -> str:
    """The first 发文字号 in the first lines of ``text`` (where a document prints it), else ""."""
    head = text[:600]
    m = DOC_NUMBER.search(head)
    return re.sub(r"\s+", "", m.group(0)) if m else ""


def _docx(name: str, data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(f"{name}：不是有效的 .docx 文件（应为 Word 2007 及以后的格式）") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_DOCX_MEMBERS or sum(i.file_size for i in infos) > MAX_DOCX_UNPACKED:
            raise InputError(f"{name}：解压后过大（可能是压缩炸弹），已拒绝读取")
    from docx import Document  # imported on first use (start-up time)
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise InputError(
            f"{name}：无法读取 Word 文件（{type(exc).__name__}），请用 Word 或 WPS 另存后再试"
        ) from None
    except Exception as exc:  # lxml refusing broken or hostile XML
        if type(exc).__module__.startswith("lxml"):
            raise InputError(f"{name}：Word 文件含损坏或不安全的 XML 内容，已拒绝读取") from None
        raise
    parts: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            parts.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = []
                    for cell in row:
                        if cell.tag.endswith("}tc"):
                            cells.append("".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t")))
                    parts.append("\t".join(cells))
    return "\n".join(parts)


def _pdf(name: str, data: bytes) -> tuple[str, int]:
    import pypdfium2 as pdfium  # imported on first use (start-up time)

    with PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise InputError(
                f"{name}：无法打开 PDF 文件（{exc}）；加密或损坏的 PDF 请先另存为普通 PDF"
            ) from None
        pages = len(pdf)
    try:
        texts = []
        total = 0
        for i in range(pages):
            # The lock is taken page by page: the reader on another thread gets its page rendered
            # between two pages of a 600-page extraction instead of after all of them.
            with PDFIUM_LOCK:
                page = pdf[i]
                textpage = page.get_textpage()
                text = textpage.get_text_range()
                textpage.close()
                page.close()
            texts.append(text)
            total += len(text)
            if total > MAX_BODY_CHARS:
                break
    finally:
        with PDFIUM_LOCK:
            pdf.close()
    return "\n".join(texts), pages


def pdf_page_count(data: bytes) -> int:
    """Pages of a PDF (0 if it cannot be opened)."""
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError:
            return 0
        try:
            return len(pdf)
        finally:
            pdf.close()


def _txt(name: str, data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}：不是文本文件（含二进制内容）")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{name}：无法识别文字编码，应为 UTF-8 或 GBK")  # pragma: no cover
