"""Helpers for reading rendered PDFs back with real tools (poppler, pypdf, zxing-cpp).

No mocks: every check goes through the same programs a clerk's PC or a reviewer
would use to open, search, copy or scan the printout.
"""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

POPPLER = shutil.which("pdftotext") and shutil.which("pdftoppm") and shutil.which("pdffonts")
needs_poppler = pytest.mark.skipif(
    not POPPLER, reason="poppler-utils (pdftotext/pdftoppm/pdffonts) not installed"
)

# The set the brief (and GB/T 15834 practice) requires; the implementation
# forbids a superset, tests check at least these.
REQUIRED_CLOSING = frozenset("，。、；：？！）》」』”’…—")
REQUIRED_OPENING = frozenset("（《「『“‘")

PAGE_NUMBER_RE = re.compile(r"^\s*—\s*\d+\s*—\s*$")


def squash(text: str) -> str:
    """Text without any whitespace, for comparing extracted with original text."""
    return re.sub(r"\s+", "", text)


def _write(pdf: bytes, tmp_path: Path, name: str = "doc.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(pdf)
    return path


def pdftotext(pdf: bytes, tmp_path: Path, *, layout: bool = False) -> list[str]:
    """Text of each page (poppler), split on form feeds."""
    path = _write(pdf, tmp_path)
    args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(path), "-"]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pypdf_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def pdffonts(pdf: bytes, tmp_path: Path) -> list[dict[str, str]]:
    """Rows of ``pdffonts``: name, type, emb, sub, uni."""
    path = _write(pdf, tmp_path, "fonts.pdf")
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        # Columns are separated by runs of spaces; the type ("TrueType", "CID
        # TrueType") may contain one, so parse from the right.
        parts = line.split()
        if len(parts) < 7:
            continue
        name, emb, sub, uni = parts[0], parts[-5], parts[-4], parts[-3]
        rows.append({"name": name, "emb": emb, "sub": sub, "uni": uni, "line": line})
    return rows


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float  # from the top of the page, as poppler reports it
    x1: float
    y1: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


def words(pdf: bytes, tmp_path: Path) -> list[list[Word]]:
    """Word boxes per page from ``pdftotext -bbox`` (points, origin top-left)."""
    path = _write(pdf, tmp_path, "bbox.pdf")
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-bbox", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages: list[list[Word]] = []
    for chunk in out.split("<page ")[1:]:
        page = []
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', chunk
        ):
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            page.append(Word(html.unescape(m.group(5)), x0, y0, x1, y1))
        pages.append(page)
    return pages


def render_png(pdf: bytes, tmp_path: Path, dpi: int, page: int = 1) -> Path:
    """Rasterise one page with pdftoppm and return the PNG path."""
    path = _write(pdf, tmp_path, "raster.pdf")
    prefix = tmp_path / f"page-{dpi}"
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(path),
            str(prefix),
        ],
        check=True,
    )
    return prefix.with_suffix(".png")


def body_lines(page_text: str) -> list[str]:
    """Non-empty lines without page-number lines ("— 3 —" starts with a dash by design)."""
    return [ln for ln in page_text.splitlines() if ln.strip() and not PAGE_NUMBER_RE.match(ln)]
