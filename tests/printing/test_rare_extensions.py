"""Names with characters of CJK Extensions A–H print from the bundled faces alone (issue #14).

The tests run with ``GONGKAI_PRINT_FONTS=bundled`` (tests/conftest.py), so no face of the PC helps:
every character comes from Gongkai Han Ext (BabelStone Han: Ext A, G, H) or Gongkai Han Ext B
(Hanazono Mincho: the rest of Ext A, all of Ext B–F), and is read back from the PDF text.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from fontTools.ttLib import TTFont

from printing import Document, Paragraph, Table, render
from printing.fonts import bundled_font_files, stack
from tests.printing.pdfutil import needs_poppler, pdffonts, pdftotext, squash

#: One name per extension, each character from a face we bundle (and, for B–F, not one of the
#: 《通用规范汉字表》 characters that Gongkai Han Ext already had before Ext B–F were bundled).
EXTENSION_NAMES = {
    "A": "刘\u4dae",  # 刘䶮 (U+4DAE)
    "B": "王\U00020023",  # U+20023
    "C": "李\U0002a7d1",  # U+2A7D1
    "D": "张\U0002b740",  # U+2B740
    "E": "陈\U0002b830",  # U+2B830
    "F": "赵\U0002ced4",  # U+2CED4
    "G": "周\U00030000",  # U+30000
    "H": "吴\U00031350",  # U+31350
}

#: Unicode 15.1 Blocks.txt; the counts in docs/printing.md.
BLOCKS = {
    "A": (0x3400, 0x4DBF),
    "B": (0x20000, 0x2A6DF),
    "C": (0x2A700, 0x2B739),
    "D": (0x2B740, 0x2B81D),
    "E": (0x2B820, 0x2CEA1),
    "F": (0x2CEB0, 0x2EBE0),
    "G": (0x30000, 0x3134A),
    "H": (0x31350, 0x323AF),
}


@needs_poppler
def test_a_roster_with_a_name_from_each_extension_prints_every_character(tmp_path: Path) -> None:
    names = list(EXTENSION_NAMES.values())
    rows = [[str(i + 1), name, f"37*************{100 + i}", "东唐村"] for i, name in enumerate(names)]
    pdf = render(
        Document(
            title="生僻字姓名名单",
            blocks=[
                Paragraph("名单：" + "、".join(names) + "。"),
                Table(["序号", "姓名", "身份证号", "村"], rows),
            ],
        )
    )
    text = squash(pdftotext(pdf, tmp_path)[0])
    for block, name in EXTENSION_NAMES.items():
        assert text.count(name) >= 2, f"Ext {block}: {name} (U+{ord(name[1]):04X}) not in the PDF text"
    fonts = pdffonts(pdf, tmp_path)
    faces = {re.sub(r"^[A-Z]{6}\+", "", r["name"]) for r in fonts}
    assert {"GongkaiHanExt", "GongkaiHanExtB"} <= faces
    for row in fonts:  # embedded as subsets with a /ToUnicode map
        assert (row["emb"], row["sub"], row["uni"]) == ("yes", "yes", "yes"), row


def test_every_role_falls_back_to_the_extension_faces() -> None:
    for role in ("title", "body", "table", "display"):
        st = stack(role)
        for block, name in EXTENSION_NAMES.items():
            face = st.font_for(name[1])
            # 䶮 is a 《通用规范汉字表》 character: the Ming and Kai faces have it themselves
            assert face in {"GongkaiHanExt", "GongkaiHanExtB"} or block == "A", (role, block, face)
            assert st.char_width(name[1], 16) > 0


def test_the_bundled_faces_cover_extensions_a_to_f_whole() -> None:
    files = bundled_font_files()
    cmaps = set(TTFont(io.BytesIO(files["ext"].read_bytes()), lazy=True).getBestCmap())
    cmaps |= set(TTFont(io.BytesIO(files["extb"].read_bytes()), lazy=True).getBestCmap())
    covered = {b: sum(1 for cp in range(lo, hi + 1) if cp in cmaps) for b, (lo, hi) in BLOCKS.items()}
    for block in "ABCDEF":
        lo, hi = BLOCKS[block]
        assert covered[block] == hi - lo + 1, (block, covered[block])
    # BabelStone Han 15.0.5 has part of G and H (docs/printing.md lists what is not covered)
    assert covered["G"] >= 3045 and covered["H"] >= 2271, covered
