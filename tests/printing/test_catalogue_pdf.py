"""The catalogue PDF: landscape A3/A4, grouped header repeated on every page, ■/□ strip, ticks."""

from __future__ import annotations

import io

from pypdf import PdfReader

from printing.catalogue import CatalogueRow, render_catalogue

STRIP = "■政府网站 □政府公报 □两微一端 □发布会/听证会 □广播电视 □纸质媒体 □公开查阅点 □政务服务中心 □便民服务站 □入户/现场 ■社区/企事业单位/村公示栏(电子屏) □精准推送 □其他"


def rows(n: int, *, long: bool = False) -> list[CatalogueRow]:
    content = "初审对象名单及相关信息、终止供养名单" * (30 if long else 1)
    return [
        CatalogueRow(
            i,
            "社会救助",
            "最低生活保障",
            f"审核信息{i}",
            "",
            content,
            "民发〔2021〕57号",
            "制定或获取信息之日起10个工作日内",
            "乡镇人民政府(街道办事处)",
            STRIP,
            i % 2 == 0,
            "" if i % 2 == 0 else "申请家庭所在村村民",
            True,
            False,
            False,
            True,
            True,
        )  # fmt: skip
        for i in range(1, n + 1)
    ]


def pages_text(data: bytes) -> list[str]:
    return ["".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]


def test_landscape_sizes() -> None:
    for size, width in (("A3", 1190), ("A4", 841)):
        reader = PdfReader(io.BytesIO(render_catalogue("目录", rows(2), size=size)))
        box = reader.pages[0].mediabox
        assert int(box.width) == width and box.width > box.height


def test_header_repeats_on_every_page_with_strip_and_ticks() -> None:
    texts = pages_text(render_catalogue("唐王街道基层政务公开标准目录", rows(40), size="A4"))
    assert len(texts) > 2
    for t in texts:
        assert "公开渠道和载体" in t and "一级事项" in t and "特定群体" in t
    joined = "".join(texts)
    assert (
        "■政府网站" in joined and "□政府公报" in joined and "√" in joined and "申请家庭所在村村民" in joined
    )


def test_row_taller_than_a_page_continues() -> None:
    texts = pages_text(render_catalogue("目录", rows(1, long=True), size="A4"))
    assert len(texts) >= 2


def test_empty_catalogue_says_so() -> None:
    assert "没有符合条件的目录事项" in pages_text(render_catalogue("目录", [], size="A4"))[0]
