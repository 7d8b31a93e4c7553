"""Notice PDFs read back with real tools: masked text only, fonts embedded, kinsoku, QR, pagination."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from app.context import AppContext
from app.notices import NoticeDraft, Roster
from app.privacy.checks import id_check_char
from app.users import Role, StaffUser
from tests.printing.pdfutil import (
    REQUIRED_CLOSING,
    REQUIRED_OPENING,
    body_lines,
    needs_poppler,
    pdffonts,
    pdftotext,
    render_png,
    squash,
)

pytestmark = needs_poppler


def fake_id(n: int) -> str:
    first17 = f"3701121960{(n % 12) + 1:02d}{(n % 28) + 1:02d}{n % 1000:03d}"
    return first17 + id_check_char(first17)


ID_OK = fake_id(7)
ID_BAD = ID_OK[:-1] + ("0" if ID_OK[-1] != "0" else "1")  # wrong check digit: not an ID
ID15 = "370112580312041"
FULLWIDTH_MOBILE = "１３８０５３１８８４２"
SPACED_ID = f"{ID_OK[:6]} {ID_OK[6:14]} {ID_OK[14:]}"
HYPHEN_MOBILE = "159-5311-2076"
CARD = "6222021234567890128"  # passes Luhn
SECRETS = [ID_OK, ID15, "13805318842", "15953112076", CARD, "5311-2076"]


@pytest.fixture
def people(ctx: AppContext) -> dict[str, StaffUser]:
    with ctx.session_factory() as session, session.begin():
        ctx.notices.seed_period_rules(session)
    roles = {
        "clerk": {Role.CLERK},
        "r1": {Role.FIRST_REVIEWER},
        "r2": {Role.SECOND_REVIEWER},
        "r3": {Role.FINAL_REVIEWER},
    }
    return {n: ctx.users.add(n, frozenset(r), "secret-123") for n, r in roles.items()}


def make(ctx: AppContext, people: dict[str, StaffUser], rows: int = 4, approve: bool = True) -> str:
    body = (
        "根据《最低生活保障审核确认办法》的规定，现将拟保障对象名单予以公示（见下表）。\n\n"
        f"申请人张三（身份证号{ID_OK}）、旧证{ID15}，手机{FULLWIDTH_MOBILE}，"
        f"另一号码 {SPACED_ID} 及 {HYPHEN_MOBILE}，银行卡{CARD}。"
        f"编号{ID_BAD}不是身份证号。"
    )
    roster = Roster(
        ("序号", "户主姓名", "身份证号", "所在村（社区）", "联系电话"),
        tuple((str(i + 1), "张桂兰", fake_id(i), "东唐村", f"1380531{i % 10000:04d}") for i in range(rows)),
    )
    n = ctx.notices.create(
        NoticeDraft(
            template="dibao",
            title="唐王街道关于2025年第三批最低生活保障拟保障对象的公示",
            body=body,
            period_start=date(2025, 9, 26),
            period_end=date(2025, 10, 2),
            issuer="历城区唐王街道办事处",
            contact="社会事务办 0531-88123457",
            supervision_phone="0531-88123456",
            roster=roster,
        ),
        actor=people["clerk"],
        submit=approve,
    )
    if approve:
        ctx.notices.review(n.uuid, actor=people["r1"], decision="approve")
        ctx.notices.review(n.uuid, actor=people["r2"], decision="approve")
        ctx.notices.review(n.uuid, actor=people["r3"], decision="approve", confidentiality_checked=True)
    return n.uuid


def test_no_original_survives_into_the_pdf(
    ctx: AppContext, people: dict[str, StaffUser], tmp_path: Path
) -> None:
    uuid = make(ctx, people)
    pdf = ctx.notices.pdf(uuid)
    text = squash("".join(pdftotext(pdf, tmp_path)))
    digits_only = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    for secret in SECRETS:
        assert squash(secret) not in digits_only, secret
    for i in range(4):
        assert fake_id(i) not in text
    assert "37*************" in text and "0531-88123456" in text  # masked IDs; the public line stays
    assert ID_BAD in text  # not an ID (bad check digit) and fails Luhn: left alone


def test_extracted_text_equals_the_masked_text(
    ctx: AppContext, people: dict[str, StaffUser], tmp_path: Path
) -> None:
    uuid = make(ctx, people)
    masked = ctx.notices.masked(uuid)
    pages = pdftotext(ctx.notices.pdf(uuid), tmp_path)
    text = squash("".join("\n".join(body_lines(p)) for p in pages))
    expected = squash(masked.title + masked.body)
    assert text.startswith(expected)
    for row in masked.roster.rows:  # type: ignore[union-attr]
        assert squash("".join(row)) in text


def test_fonts_embedded_and_kinsoku(ctx: AppContext, people: dict[str, StaffUser], tmp_path: Path) -> None:
    pdf = ctx.notices.pdf(make(ctx, people))
    fonts = pdffonts(pdf, tmp_path)
    assert fonts and all(f["emb"] == "yes" and f["sub"] == "yes" for f in fonts)
    for page in pdftotext(pdf, tmp_path, layout=False):
        for line in body_lines(page):
            s = line.strip()
            assert s[0] not in REQUIRED_CLOSING, line
            assert s[-1] not in REQUIRED_OPENING, line


def test_qr_decodes_to_the_public_url_only(
    ctx: AppContext, people: dict[str, StaffUser], tmp_path: Path
) -> None:
    uuid = make(ctx, people)
    notice = ctx.notices.get(uuid)
    pdf = ctx.notices.pdf(uuid)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    found = []
    for page in range(1, pages + 1):
        found += [r.text for r in zxingcpp.read_barcodes(Image.open(render_png(pdf, tmp_path, 200, page)))]
    assert found == [notice.public_url]
    assert "扫码查看详情" in "".join(pdftotext(pdf, tmp_path))


def test_draft_watermark_board_footer_and_sizes(
    ctx: AppContext, people: dict[str, StaffUser], tmp_path: Path
) -> None:
    draft_uuid = make(ctx, people, approve=False)
    assert "草稿" in "".join(pdftotext(ctx.notices.pdf(draft_uuid), tmp_path))
    uuid = make(ctx, people)
    approved = "".join(pdftotext(ctx.notices.pdf(uuid, board="东唐村村务公开栏"), tmp_path))
    assert "草稿" not in approved and "张贴位置：东唐村村务公开栏" in approved
    a3 = PdfReader(io.BytesIO(ctx.notices.pdf(uuid, size="A3", landscape=True))).pages[0].mediabox
    assert float(a3.width) > float(a3.height) > 840


def test_300_row_roster_paginates_with_repeated_headers(
    ctx: AppContext, people: dict[str, StaffUser], tmp_path: Path
) -> None:
    pdf = ctx.notices.pdf(make(ctx, people, rows=300))
    pages = pdftotext(pdf, tmp_path)
    assert len(pages) >= 8
    with_header = [p for p in pages if "户主姓名" in p and "身份证号" in squash(p)]
    table_pages = [p for p in pages if "东唐村" in p]
    assert len(with_header) == len(table_pages) >= 8
    assert "— 2 —" in pages[1]


def test_notice_poster_for_the_board(ctx: AppContext, people: dict[str, StaffUser], tmp_path: Path) -> None:
    uuid = make(ctx, people, rows=3)
    pdf = ctx.notices.poster_pdf(uuid, size="A4")
    text = squash("".join(pdftotext(pdf, tmp_path)))
    assert "2025年9月26日至10月2日" in text and "手机扫码查看公示全文" in text
    assert all(s not in text for s in SECRETS)
    png = render_png(pdf, tmp_path, 100)
    (code,) = zxingcpp.read_barcodes(Image.open(png))
    assert code.text == ctx.notices.get(uuid).public_url
