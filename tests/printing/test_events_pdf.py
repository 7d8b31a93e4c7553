"""Event printouts read back: poster QR decodes to the event page, sign-in sheet masks phones,
adoption report lists outcomes with reasons and is a draft until published."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from app.clock import ZONE
from app.context import AppContext
from app.events import ClosingReport, EventDraft, Suggestion
from tests.printing.pdfutil import Word, needs_poppler, pdftotext, render_png, squash, words


@pytest.fixture
def event_uuid(ctx: AppContext) -> str:
    ev = ctx.events.create(
        "cli",
        EventDraft(
            "open_day",
            "政府开放月：老旧小区改造项目现场开放",
            datetime(2025, 9, 24, 9, 30, tzinfo=ZONE),
            datetime(2025, 9, 24, 11, 30, tzinfo=ZONE),
            place="唐王街道办事处",
            capacity=2,
            host="唐王街道办事处",
            speakers=("赵建国",),
            audience="居民代表",
        ),
    )
    for name, phone in (("张桂兰", "13905318842"), ("李建华", "13791126630"), ("王秀英", "15866702213")):
        ctx.events.register("cli", ev.uuid, name, phone)
    return ev.uuid


@needs_poppler
def test_poster_qr_opens_the_event_page(ctx: AppContext, event_uuid: str, tmp_path: Path) -> None:
    pdf = ctx.events.poster_pdf(event_uuid)
    text = squash("".join(pdftotext(pdf, tmp_path)))
    assert "政府开放月" in text and "9月24日（周三）上午9:30—11:30" in text and "名额2人已满" in text
    png = render_png(pdf, tmp_path, 100)
    (code,) = zxingcpp.read_barcodes(Image.open(png))
    assert code.text == f"https://gk.example.gov.cn/e/{event_uuid}"


def _lines_by_size(pdf: bytes, tmp_path: Path) -> list[tuple[float, str]]:
    """(word height, text) of each printed line of page 1, top to bottom (pdftotext -bbox)."""
    rows: dict[int, list[Word]] = {}
    for w in words(pdf, tmp_path)[0]:
        rows.setdefault(round(w.y0), []).append(w)
    return [
        (max(w.y1 - w.y0 for w in ws), "".join(w.text for w in sorted(ws, key=lambda w: w.x0)))
        for _, ws in sorted(rows.items())
    ]


@needs_poppler
@pytest.mark.parametrize("size,scale", [("A4", 1.0), ("A3", 297 / 210)])
def test_poster_reads_from_three_metres(
    ctx: AppContext, event_uuid: str, tmp_path: Path, size: str, scale: float
) -> None:
    pdf = ctx.events.poster_pdf(event_uuid, size=size)
    lines = _lines_by_size(pdf, tmp_path)
    title = [(h, t) for h, t in lines if h >= 40 * scale - 0.5]
    assert "".join(t for _, t in title) == "政府开放月：老旧小区改造项目现场开放", lines
    # The when is the largest fact after the title, whole on its line.
    (when,) = [(h, t) for h, t in lines if "上午9:30—11:30" in t]
    assert when[1] == "9月24日（周三）上午9:30—11:30" and when[0] >= 24 * scale
    assert max(h for h, t in lines if (h, t) not in title) == pytest.approx(when[0], abs=0.5)
    text = squash("".join(pdftotext(pdf, tmp_path)))
    for part in (
        "历城区唐王街道政务公开专区",
        "监督电话：0531-88123456",
        "手机扫码查看活动详情",
        "面向：居民代表",
    ):
        assert part in text
    png = render_png(pdf, tmp_path, 100 if size == "A4" else 72)
    (code,) = zxingcpp.read_barcodes(Image.open(png))
    assert code.text == f"https://gk.example.gov.cn/e/{event_uuid}"
    pos = code.position
    width_px = max(pos.top_right.x, pos.bottom_right.x) - min(pos.top_left.x, pos.bottom_left.x)
    dpi = 100 if size == "A4" else 72
    assert width_px / dpi * 25.4 >= 40, "QR code at least 40 mm"
    assert list(PdfReader(io.BytesIO(pdf)).pages[0].images) == []


@needs_poppler
def test_series_poster_says_the_rule_next_dates_and_range(ctx: AppContext, tmp_path: Path) -> None:
    ev = ctx.events.create(
        "cli",
        EventDraft(
            "policy_counselling",
            "每周二综合政策辅导（社保、医保、养老服务）",
            datetime(2025, 10, 14, 14, 0, tzinfo=ZONE),
            datetime(2025, 10, 14, 16, 30, tzinfo=ZONE),
            place="便民服务中心一楼",
            rrule="FREQ=WEEKLY;BYDAY=TU;COUNT=10",
        ),
    )
    pdf = ctx.events.poster_pdf(ev.uuid)
    lines = [t for _, t in _lines_by_size(pdf, tmp_path)]
    assert "每周二下午2:00—4:30" in lines
    assert "近期：10月14日、10月21日、10月28日" in lines
    assert "2025年10月14日至12月16日" in lines
    title = "".join(t for h, t in _lines_by_size(pdf, tmp_path) if h >= 39.5)
    assert title == "每周二综合政策辅导（社保、医保、养老服务）"


@needs_poppler
def test_sign_in_sheet_names_in_full_phones_masked(ctx: AppContext, event_uuid: str, tmp_path: Path) -> None:
    text = squash("".join(pdftotext(ctx.events.sign_in_sheet_pdf(event_uuid), tmp_path)))
    assert "张桂兰" in text and "139****8842" in text and "13905318842" not in text
    assert "王秀英" not in text and "候补1人" in text  # the waiting list is counted, not listed


@needs_poppler
def test_adoption_report(ctx: AppContext, event_uuid: str, tmp_path: Path) -> None:
    ctx.events.close(
        "cli",
        event_uuid,
        ClosingReport(
            attendance=30,
            suggestions=(
                Suggestion("保留消防通道", "adopted", proposer="张桂兰"),
                Suggestion("统一招标电梯厂家，联系13905318842", "not_adopted", "由业主自主选择厂家"),
            ),
        ),
    )
    pdf = ctx.events.adoption_report_pdf(event_uuid)
    text = squash("".join(pdftotext(pdf, tmp_path)))
    assert "采纳情况" in text and "未采纳" in text and "由业主自主选择厂家" in text
    assert "13905318842" not in text and "参加30人" in text
    assert "草稿" in text
    ctx.events.publish_adoption("cli", event_uuid)
    assert "草稿" not in squash("".join(pdftotext(ctx.events.adoption_report_pdf(event_uuid), tmp_path)))
