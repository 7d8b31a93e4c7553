"""Request documents read back: receipt with a scannable QR, every letter, the due-date sheet, annual table."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from app.context import AppContext
from app.errors import StateError
from app.requests.rules import LETTER_KINDS
from app.users import Role, StaffUser
from tests.printing.pdfutil import needs_poppler, pdftotext, render_png, squash, words

ID = "370112198503127715"


@pytest.fixture
def staff(ctx: AppContext) -> tuple[StaffUser, StaffUser]:
    clerk = ctx.users.add("clerk", frozenset({Role.CLERK}), "gongkai123")
    signer = ctx.users.add("final", frozenset({Role.FINAL_REVIEWER}), "gongkai123")
    return clerk, signer


def intake(ctx: AppContext, clerk: StaffUser, received: date = date(2025, 9, 26)) -> str:
    return ctx.requests.intake(
        actor=clerk,
        channel="in_person",
        arrived_on=received,
        applicant_kind="natural_person",
        applicant_name="张建国",
        id_number=ID,
        phone="13805311234",
        description="唐王街道2025年老旧小区改造项目清单",
    ).uuid


def text_of(pdf: bytes, tmp_path: Path) -> str:
    return squash("".join(pdftotext(pdf, tmp_path)))


@needs_poppler
def test_receipt_has_number_masked_id_due_date_and_a_qr(
    ctx: AppContext, staff: tuple[StaffUser, StaffUser], tmp_path: Path
) -> None:
    uuid = intake(ctx, staff[0])
    pdf = ctx.requests.receipt_pdf(uuid)
    text = text_of(pdf, tmp_path)
    assert "依申请〔2025〕第0001号" in text
    assert "37*************715" in text and ID not in text
    assert "138****1234" in text
    assert "2025年10月30日前" in text
    assert "第三十一条" in text
    png = render_png(pdf, tmp_path, 150)
    found = zxingcpp.read_barcodes(Image.open(png))
    assert [r.text for r in found] == [f"https://gk.example.gov.cn/r/{uuid}"]


@needs_poppler
def test_receipt_flags_a_provisional_due_date(
    ctx: AppContext, staff: tuple[StaffUser, StaffUser], tmp_path: Path
) -> None:
    ctx.clock.set(__import__("datetime").datetime(2026, 12, 21, 9))  # type: ignore[attr-defined]
    uuid = intake(ctx, staff[0], date(2026, 12, 21))
    assert "暂定" in text_of(ctx.requests.receipt_pdf(uuid), tmp_path)


@needs_poppler
def test_every_letter_cites_its_article(
    ctx: AppContext, staff: tuple[StaffUser, StaffUser], tmp_path: Path
) -> None:
    clerk, signer = staff
    articles = {
        "correction": "第三十条",
        "extension": "第三十三条第二款",
        "disclosure": "第三十六条第（二）项",
        "partial": "第三十七条",
        "nondisclosure": "第十五条",
        "not_exist": "第三十六条第（四）项",
        "not_ours": "第三十六条第（五）项",
        "repeat": "第三十六条第（六）项",
    }
    answer_for = {
        "disclosure": "disclose",
        "partial": "partial",
        "nondisclosure": "withhold_third_party",
        "not_exist": "not_exist",
        "not_ours": "not_ours",
        "repeat": "reject_repeat",
    }
    seen = set()
    uuid = intake(ctx, clerk)
    ctx.requests.request_correction(uuid, items="请写明文号\n请提供身份证明", actor=clerk)
    text = text_of(ctx.requests.letter_pdf(uuid, "correction"), tmp_path)
    assert "补正申请通知书" in text and articles["correction"] in text and "1.请写明文号" in text
    seen.add("correction")
    for kind, answer_type in answer_for.items():
        uuid = intake(ctx, clerk)
        ctx.requests.transition(uuid, "registered", actor=clerk)
        ctx.requests.transition(uuid, "in_progress", actor=clerk)
        if kind == "disclosure":
            ctx.requests.extend(uuid, days=10, reason="需调阅档案", approver=signer)
            text = text_of(ctx.requests.letter_pdf(uuid, "extension"), tmp_path)
            assert "延期答复告知书" in text and articles["extension"] in text and "10个工作日" in text
            seen.add("extension")
        ctx.requests.answer(uuid, answer_type=answer_type, actor=signer, note="联系电话0531-88161234")
        assert ctx.requests.letters_available(uuid)[-1] == kind
        text = text_of(ctx.requests.letter_pdf(uuid, kind), tmp_path)
        assert LETTER_KINDS[kind] in text and articles[kind] in text, kind
        assert "张建国：" in text and ID not in text
        if kind != "disclosure":
            assert "行政复议" in text
        seen.add(kind)
    assert seen == set(LETTER_KINDS)
    with pytest.raises(StateError):
        ctx.requests.letter_pdf(uuid, "partial")


@needs_poppler
def test_due_date_sheet_lists_every_skipped_day(
    ctx: AppContext, staff: tuple[StaffUser, StaffUser], tmp_path: Path
) -> None:
    uuid = intake(ctx, staff[0])
    text = text_of(ctx.requests.explain_pdf(uuid), tmp_path)
    assert "答复期限计算说明" in text
    for d in ("2025-10-01", "2025-10-08", "2025-10-26"):
        assert d in text
    assert "国庆节、中秋节" in text and "2025年10月30日前" in text


@needs_poppler
def test_annual_pdf(ctx: AppContext, staff: tuple[StaffUser, StaffUser], tmp_path: Path) -> None:
    intake(ctx, staff[0])
    out = ctx.requests.export_annual(2025, tmp_path / "a.pdf")
    text = text_of(out.read_bytes(), tmp_path)
    for label in (
        "一、本年新收政府信息公开申请数量",
        "（七）总计",
        "四、结转下年度继续办理",
        "勾稽关系检查：通过",
    ):
        assert label in text
    assert "年度报告" in text  # the title breaks between words, never 年度报/告
    # The national template's header: 申请人情况 over 自然人 | 法人或其他组织 | 总计, the five
    # organisations under 法人或其他组织 (as in the .xlsx).
    page = {w.text: w for w in words(out.read_bytes(), tmp_path)[0]}
    top, person, orgs, total = page["申请人情况"], page["自然人"], page["法人或其他组织"], page["总计"]
    assert top.y1 <= orgs.y0 and top.y1 <= person.y0 and top.y1 <= total.y0
    for name in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"):
        assert page[name].y0 >= orgs.y1 - 0.5, name
    assert page["商业企业"].x0 < orgs.cx < page["其他"].x1  # centred over its five columns
    assert person.x1 < page["商业企业"].x0 and page["其他"].x1 < total.x0
