"""Event printouts read back: poster QR decodes to the event page, sign-in sheet masks phones,
adoption report lists outcomes with reasons and is a draft until published."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from app.clock import ZONE
from app.context import AppContext
from app.events import ClosingReport, EventDraft, Suggestion
from tests.printing.pdfutil import needs_poppler, pdftotext, render_png, squash


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
    assert "政府开放月" in text and "2025年9月24日（周三）09:30—11:30" in text and "名额2人已满" in text
    png = render_png(pdf, tmp_path, 100)
    (code,) = zxingcpp.read_barcodes(Image.open(png))
    assert code.text == f"https://gk.example.gov.cn/e/{event_uuid}"


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
