"""A sample notice-like document exercising every block type.

Responsibility: a fixed, realistic ``Document`` (masked data only) used by the
tests, the benchmark and the ``doctor`` print test; ``python -m printing.sample
out.pdf`` writes it.  It contains no real personal data.
"""

from __future__ import annotations

import sys

from printing.document import (
    Document,
    Heading,
    Paragraph,
    QRBlock,
    Signature,
    Spacer,
    Table,
    render,
)
from printing.layout import PageSpec

__all__ = ["SAMPLE_PARAGRAPHS", "sample_document", "sample_rows"]

SAMPLE_PARAGRAPHS = [
    "根据《社会救助暂行办法》和《山东省最低生活保障办法》的有关规定，经村（居）民委员会入户调查、"
    "民主评议和镇人民政府审核，现将2026年度农村最低生活保障拟保障对象名单予以公示（见下表），"
    "接受社会监督。",
    "公示期限：自2026年3月16日至2026年3月22日，共7天。",
    "如对公示对象有异议，请于公示期内以书面、电话或来访形式向镇社会事务办公室反映。"
    "监督电话：0531-88******；县民政局监督电话：0531-87******。"
    "反映问题应实事求是，提供具体线索，我们将依法依规调查核实并及时反馈。",
    "公示详情及政策解读请访问https://gk.example.gov.cn/notice/2026/0316-dibao查看，或扫描下方二维码。",
    "特此公示。",
]


def sample_rows(n: int = 12) -> list[list[str]]:
    """Masked table rows (name 张*, ID 前2后3 following the 永安 convention)."""
    surnames = "张王李赵刘陈杨黄周吴"
    villages = ["东营村", "西营村", "南河村", "北岭村", "前进社区"]
    rows = []
    for i in range(n):
        rows.append(
            [
                str(i + 1),
                f"{surnames[i % len(surnames)]}*",
                villages[i % len(villages)],
                str(1 + i % 5),
                f"{560 + 35 * (i % 7)}元/月",
                "因病致贫，家庭成员长期患慢性病" if i % 3 == 0 else "无劳动能力",
            ]
        )
    return rows


def sample_document(*, draft: bool = True, rows: int = 12, page: PageSpec | None = None) -> Document:
    return Document(
        title="东营镇人民政府关于2026年度农村最低生活保障对象审核结果的公示",
        subtitle="东营镇〔2026〕3号",
        page=page or PageSpec(),
        draft=draft,
        footer="张贴位置：东营村公开栏",
        meta_author="东营镇人民政府",
        meta_subject="农村最低生活保障对象审核结果公示",
        blocks=[
            Paragraph(SAMPLE_PARAGRAPHS[0]),
            Heading("一、公示名单"),
            Table(
                columns=["序号", "户主姓名", "所在村（社区）", "保障人口", "保障金额", "致贫原因"],
                rows=sample_rows(rows),
                col_widths=[1, 1.7, 2.8, 1.7, 1.8, 3.6],
            ),
            Heading("二、公示期限与监督方式"),
            Paragraph(SAMPLE_PARAGRAPHS[1]),
            Paragraph(SAMPLE_PARAGRAPHS[2]),
            Paragraph(SAMPLE_PARAGRAPHS[3]),
            Spacer(2),
            QRBlock("https://gk.example.gov.cn/notice/2026/0316-dibao"),
            Paragraph(SAMPLE_PARAGRAPHS[4]),
            Signature(issuer="东营镇人民政府", date_text="2026年3月16日"),
        ],
    )


def main(argv: list[str]) -> int:
    out = argv[1] if len(argv) > 1 else "printing-sample.pdf"
    with open(out, "wb") as fh:
        fh.write(render(sample_document()))
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
