"""Benchmark of the printing core against plain ReportLab canvas drawing.

Responsibility: show what the layout layer (kinsoku line breaking, justified
CJK text, splittable tables, page furniture) costs compared with the cheapest
possible way to put the same text on paper with ReportLab: ``canvas.drawString``
at precomputed positions, no wrapping decisions, no tables.

Two documents: a one-page notice and a ~20-page table (the size of a township's
catalogue or a 低保 list).  Each is rendered RUNS times; the median is printed.

    .venv/bin/python bench/print_core.py
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pypdf import PdfReader  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from printing import Document, Paragraph, Signature, Table, register_fonts, render  # noqa: E402
from printing.layout import LINE_PITCH, PageSpec  # noqa: E402
from printing.sample import SAMPLE_PARAGRAPHS, sample_rows  # noqa: E402

RUNS = 20
TABLE_ROWS = 415  # 20 A4 pages with the sample's row heights (every third row wraps)
COLUMNS = ["序号", "户主姓名", "所在村（社区）", "保障人口", "保障金额", "致贫原因"]


def one_page_doc() -> Document:
    return Document(
        title="东营镇人民政府关于2026年度农村最低生活保障对象审核结果的公示",
        blocks=[*(Paragraph(t) for t in SAMPLE_PARAGRAPHS), Signature("东营镇人民政府", "2026年3月16日")],
    )


def table_doc() -> Document:
    return Document(
        title="2026年度农村最低生活保障对象名单",
        blocks=[Table(COLUMNS, sample_rows(TABLE_ROWS), col_widths=[1, 1.7, 2.8, 1.7, 1.8, 3.6])],
    )


def plain_one_page(font: str) -> bytes:
    """Same text, drawn naively: 27 characters per line, no kinsoku, no justification."""
    buf = io.BytesIO()
    spec = PageSpec()
    x, y, w, h = spec.frame
    c = Canvas(buf, pagesize=spec.page_size, initialFontName=font, invariant=1)
    c.setFont(font, 22)
    c.drawCentredString(x + w / 2, y + h - 22, "东营镇人民政府关于2026年度农村最低生活保障对象审核结果的公示")
    c.setFont(font, 16)
    top = y + h - 3 * LINE_PITCH
    lines = [t[i : i + 27] for t in SAMPLE_PARAGRAPHS for i in range(0, len(t), 27)]
    for i, line in enumerate([*lines, "东营镇人民政府", "2026年3月16日"]):
        c.drawString(x, top - i * LINE_PITCH, line)
    c.drawCentredString(x + w / 2, y - 30, "— 1 —")
    c.showPage()
    c.save()
    return buf.getvalue()


def plain_table(font: str) -> bytes:
    """Same cells, drawn naively: one text line per cell, fixed rows per page, header repeated."""
    buf = io.BytesIO()
    spec = PageSpec()
    x, y, w, h = spec.frame
    weights = [1, 1.7, 2.8, 1.7, 1.8, 3.6]
    xs = [x + w * sum(weights[:j]) / sum(weights) for j in range(len(weights))]
    c = Canvas(buf, pagesize=spec.page_size, initialFontName=font, invariant=1)
    rows = sample_rows(TABLE_ROWS)
    per_page = 21  # so that the naive version also has 20 pages
    for page, start in enumerate(range(0, len(rows), per_page), start=1):
        c.setFont(font, 12)
        for j, col in enumerate(COLUMNS):
            c.drawString(xs[j] + 4, y + h - 16, col)
        for i, row in enumerate(rows[start : start + per_page], start=1):
            for j, cell in enumerate(row):
                c.drawString(xs[j] + 4, y + h - 16 - i * 22, cell)
        c.setFont(font, 14)
        c.drawCentredString(x + w / 2, y - 30, f"— {page} —")
        c.showPage()
    c.save()
    return buf.getvalue()


def median_ms(fn: Callable[[], bytes]) -> tuple[float, bytes]:
    out = fn()  # warm-up (font subsetting caches, imports)
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), out


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def main() -> None:
    font = register_fonts()
    one, table = one_page_doc(), table_doc()
    cases = [
        ("one-page notice", lambda: render(one), lambda: plain_one_page(font)),
        (f"table, {TABLE_ROWS} rows", lambda: render(table), lambda: plain_table(font)),
    ]
    print(f"median of {RUNS} runs, Python {sys.version.split()[0]}")
    for name, ours, plain in cases:
        t_ours, pdf_ours = median_ms(ours)
        t_plain, pdf_plain = median_ms(plain)
        print(
            f"{name:24s} render(): {t_ours:8.1f} ms ({pages(pdf_ours)} pages, {len(pdf_ours) // 1024} KiB)"
            f"   plain canvas: {t_plain:8.1f} ms ({pages(pdf_plain)} pages, {len(pdf_plain) // 1024} KiB)"
            f"   ratio {t_ours / t_plain:5.1f}x"
        )


if __name__ == "__main__":
    main()
