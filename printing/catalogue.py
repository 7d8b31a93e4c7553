"""The catalogue printed in the standard table layout for the zone's reading table.

Responsibility: plain rows in, PDF bytes out (pure; the app turns items into ``CatalogueRow``s).
Layout: A3 or A4 landscape, the two-row grouped header of published catalogues (公开事项 over
一级/二级事项, 公开对象 over 全社会/特定群体, 公开方式 over 主动/依申请, 公开层级 over 县级/乡级/村级)
repeated on every page, the channels as the printed ■/□ strip, √ in the tick columns.
"""

from __future__ import annotations

from dataclasses import dataclass

from printing.document import Block, Document, Paragraph, Table, render
from printing.layout import PageSpec

__all__ = ["CatalogueRow", "catalogue_document", "render_catalogue"]


@dataclass(frozen=True)
class CatalogueRow:
    """One printed line; ticks are True/False, the group description replaces √ for 特定群体."""

    number: int
    domain: str
    level1: str
    level2: str
    level3: str
    content: str
    basis: str
    time_limit: str
    publisher: str
    channel_strip: str
    public: bool
    group: str  # "" unless the audience is a specific group
    proactive: bool
    on_request: bool
    county: bool
    township: bool
    village: bool


def _tick(flag: bool) -> str:
    return "√" if flag else ""


def catalogue_document(
    title: str,
    rows: list[CatalogueRow],
    *,
    size: str = "A3",
    subtitle: str | None = None,
    footer: str | None = None,
) -> Document:
    """The ``Document`` for ``rows``; a 三级事项 column appears only when some row has one."""
    with_l3 = any(r.level3 for r in rows)
    top = ["序号", "领域", "公开事项", "", *([""] if with_l3 else []), "公开内容（要素）", "公开依据", "公开时限",
           "公开主体", "公开渠道和载体", "公开对象", "", "公开方式", "", "公开层级", "", ""]  # fmt: skip
    sub = ["", "", "一级事项", "二级事项", *(["三级事项"] if with_l3 else []), "", "", "", "", "",
           "全社会", "特定群体", "主动", "依申请", "县级", "乡级", "村级"]  # fmt: skip
    weights = [
        1.8,
        3,
        4,
        4,
        *([3.5] if with_l3 else []),
        14,
        10.5,
        6.5,
        5,
        11,
        2.6,
        3.5,
        2.6,
        2.6,
        2.6,
        2.6,
        2.6,
    ]
    k = 1 if with_l3 else 0
    spans = [(0, 0, 0, 1), (1, 0, 1, 1), (2, 0, 3 + k, 0)]
    spans += [(c, 0, c, 1) for c in range(4 + k, 9 + k)]
    spans += [(9 + k, 0, 10 + k, 0), (11 + k, 0, 12 + k, 0), (13 + k, 0, 15 + k, 0)]
    body = [
        [
            str(r.number),
            r.domain,
            r.level1,
            r.level2,
            *([r.level3] if with_l3 else []),
            r.content,
            r.basis,
            r.time_limit,
            r.publisher,
            r.channel_strip,
            _tick(r.public),
            r.group,
            _tick(r.proactive),
            _tick(r.on_request),
            _tick(r.county),
            _tick(r.township),
            _tick(r.village),
        ]
        for r in rows
    ]
    blocks: list[Block] = []
    if not rows:
        blocks.append(Paragraph("（没有符合条件的目录事项）", indent=False, align="center"))
    else:
        blocks.append(
            Table(
                columns=top,
                rows=body,
                col_widths=weights,
                header_rows=[sub],
                spans=spans,
                # 五号 on A3, 8 pt on A4; the weights give way to what a column needs (its
                # header's longest word, its ticks), so no header is set one character a line.
                font_size=10.5 if size == "A3" else 8,
                split_in_row=True,
            )
        )
        blocks.append(
            Paragraph(
                "说明：“■”表示已选用的公开渠道和载体，“□”表示未选用；“√”表示适用。",
                indent=False,
                align="left",
            )
        )
    return Document(
        title=title,
        subtitle=subtitle,
        blocks=blocks,
        page=PageSpec(size="A3" if size == "A3" else "A4", landscape=True),
        footer=footer,
        meta_subject="基层政务公开标准目录",
    )


def render_catalogue(
    title: str,
    rows: list[CatalogueRow],
    *,
    size: str = "A3",
    subtitle: str | None = None,
    footer: str | None = None,
) -> bytes:
    return render(catalogue_document(title, rows, size=size, subtitle=subtitle, footer=footer))
