"""Benchmark of notice PDFs against plain ReportLab drawing the same text in the same run.

Cases: a one-page notice (body, period, contact lines, QR code, signature) and a roster notice of
about 20 A4 pages (a 低保 list). For each: ``printing.notice`` (kinsoku line breaking, tables with
repeated headers, QR, page furniture) vs a naive ``canvas.drawString`` of the same strings; plus the
masking of the roster (app.privacy) that happens before printing. Medians of RUNS runs. Ours is
timed printed again (font subsets reused, printing/subsets.py) and printed for the first time
(the subset cache cleared before each run); plain ReportLab always without our cache.

    .venv/bin/python bench/notices.py
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

from app.privacy import Masker  # noqa: E402
from app.privacy.checks import id_check_char  # noqa: E402
from printing import register_fonts, subsets  # noqa: E402
from printing.layout import LINE_PITCH, PageSpec  # noqa: E402
from printing.notice import NoticePrint, render_notice_print  # noqa: E402

RUNS = 15
ROSTER_ROWS = 560  # about 20 A4 pages with the 低保 columns
COLUMNS = ("序号", "户主姓名", "身份证号", "所在村（社区）", "保障人口", "月保障金额", "联系电话")
PARAGRAPHS = (
    "根据《社会救助暂行办法》和《最低生活保障审核确认办法》的有关规定，经村（居）民委员会入户调查、"
    "民主评议和街道办事处审核，现将2025年第三批城乡最低生活保障拟保障对象名单予以公示，接受社会监督。",
    "公示期内如发现拟保障对象隐瞒收入、财产等情况，请及时向街道社会事务办公室反映。",
)


def roster(n: int) -> list[tuple[str, ...]]:
    villages = ("东唐村", "西营村", "山头店村", "唐王社区")
    rows = []
    for i in range(n):
        first17 = f"370112195{i % 10}{(i % 12) + 1:02d}{(i % 28) + 1:02d}{i % 1000:03d}"
        rows.append(
            (
                str(i + 1),
                "张桂兰",
                first17 + id_check_char(first17),
                villages[i % 4],
                str(1 + i % 4),
                f"{760 + 130 * (i % 5)}元",
                f"138{i:08d}",
            )
        )
    return rows


def notice(rows: list[tuple[str, ...]]) -> NoticePrint:
    return NoticePrint(
        title="唐王街道关于2025年第三批城乡最低生活保障拟保障对象的公示",
        # One paragraph keeps the roster-less notice on one A4 page with the QR code and signature.
        paragraphs=PARAGRAPHS[:1] if not rows else PARAGRAPHS,
        issuer="历城区唐王街道办事处",
        date_text="2025年9月26日",
        public_url="https://gk.example.gov.cn/n/1b4e28ba-2fa1-11d2-883f-0016d3cca427",
        period_text="公示期限：2025年9月26日至2025年10月2日（共7日）。",
        objection_text="如对公示对象有异议，请于公示期内以书面、电话或来访形式向街道社会事务办公室反映。",
        contact_text="联系人及电话：街道社会事务办 刘主任 0531-88123457",
        supervision_text="监督电话：0531-88123456",
        closing="特此公示。",
        roster_columns=COLUMNS if rows else (),
        roster_rows=tuple(rows),
    )


def plain(doc: NoticePrint, font: str) -> bytes:
    """The same strings drawn naively: 27 characters a line, 21 table rows a page, header repeated."""
    buf = io.BytesIO()
    spec = PageSpec()
    x, y, w, h = spec.frame
    c = Canvas(buf, pagesize=spec.page_size, initialFontName=font, invariant=1)
    c.setFont(font, 22)
    c.drawCentredString(x + w / 2, y + h - 22, doc.title)
    c.setFont(font, 16)
    top = y + h - 3 * LINE_PITCH
    texts = [*doc.paragraphs, doc.period_text, doc.objection_text, doc.contact_text, doc.supervision_text]
    lines = [t[i : i + 27] for t in texts for i in range(0, len(t), 27)]
    for i, line in enumerate([*lines, doc.closing, doc.issuer, doc.date_text]):
        c.drawString(x, top - i * LINE_PITCH, line)
    xs = [x + w * j / len(COLUMNS) for j in range(len(COLUMNS))]
    rows = list(doc.roster_rows)
    for start in range(0, len(rows), 21):
        c.showPage()
        c.setFont(font, 12)
        for j, col in enumerate(doc.roster_columns):
            c.drawString(xs[j] + 4, y + h - 16, col)
        for i, row in enumerate(rows[start : start + 21], start=1):
            for j, cell in enumerate(row):
                c.drawString(xs[j] + 4, y + h - 16 - i * 22, cell)
    c.showPage()
    c.save()
    return buf.getvalue()


def median_ms(fn: Callable[[], object]) -> tuple[float, object]:
    out = fn()  # warm-up (font subsetting caches, imports)
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), out


def pages(pdf: object) -> int:
    assert isinstance(pdf, bytes)
    return len(PdfReader(io.BytesIO(pdf)).pages)


def main() -> None:
    font = register_fonts()
    masker = Masker()
    raw = roster(ROSTER_ROWS)
    masked = [tuple(r) for r in masker.mask_table(list(COLUMNS), [list(r) for r in raw])]
    one, big = notice([]), notice(masked)
    print(f"median of {RUNS} runs, Python {sys.version.split()[0]}")
    for name, doc in (("one-page notice", one), (f"roster notice, {ROSTER_ROWS} rows", big)):
        # printed again (preview, printer, 另存为 PDF): the font subsets come from printing/subsets.py
        t_ours, pdf_ours = median_ms(lambda doc=doc: render_notice_print(doc))
        # a notice printed for the first time: every subset cut and deflated afresh
        t_cold, _ = median_ms(lambda doc=doc: (subsets.clear(), render_notice_print(doc)))
        with subsets.uncached():  # plain ReportLab, as it comes
            t_plain, pdf_plain = median_ms(lambda doc=doc: plain(doc, font))
        print(
            f"{name:30s} printing.notice: {t_ours:8.1f} ms ({pages(pdf_ours)} pages), first print {t_cold:7.1f} ms"
            f"   plain ReportLab: {t_plain:7.1f} ms ({pages(pdf_plain)} pages)"
            f"   ratio {t_ours / t_plain:4.1f}x, first print {t_cold / t_plain:4.1f}x"
        )
    t_mask, _ = median_ms(lambda: masker.mask_table(list(COLUMNS), [list(r) for r in raw]))
    print(
        f"{'masking the roster':30s} app.privacy:     {t_mask:8.1f} ms ({ROSTER_ROWS} rows x {len(COLUMNS)} cells)"
    )


if __name__ == "__main__":
    main()
