"""Make the bundled print faces in resources/fonts from Debian's font packages (run at dev time).

    apt-get install fonts-arphic-uming fonts-lxgw-wenkai fonts-babelstone-han
    .venv/bin/python scripts/build_fonts.py            # writes resources/fonts/*.ttf and the licences

What it makes (docs/printing.md explains the roles and the licences):

* ``gongkai-ming.ttf``: AR PL UMing CN (Ming/Song style, Arphic Public License) subset to the print
  repertoire below: the title (小标宋 substitute) and table face.
* ``gongkai-kai.ttf``: LXGW WenKai Regular (Kai style, SIL OFL 1.1) subset to the same repertoire:
  the body (仿宋 substitute) and 楷体 heading face. OFL 1.1 reserves the names "LXGW"/"霞鹜" for
  unmodified fonts, so the subset is renamed "Gongkai Kai".
* ``gongkai-han-ext.ttf``: BabelStone Han (Arphic Public License) subset to the rare characters: all
  of CJK Extension A that it has, every 《通用规范汉字表》 character outside the basic CJK block (273,
  incl. the GB 18030-2022 level-2 name characters such as 䶮 U+4DAE and 𬌗 U+2C317), name characters
  seen in practice (𠮷 U+20BB7) and the basic-block characters WenQuanYi Micro Hei lacks. Per-glyph
  fallback for every role; characters beyond it come from a system face when installed
  (printing/fonts.py).

The print repertoire: ASCII, Latin-1, general punctuation, CJK symbols, full-width forms, circled
and Roman numerals, everything GB 2312 encodes, and the 8105 characters of 《通用规范汉字表》
(scripts/data/tongyong-guifan-hanzi.txt). Outlines stay TrueType (glyf): ReportLab embeds only
those. Hinting and embedded bitmaps are dropped (print and Qt's renderer do not need them).
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "fonts"
DATA = Path(__file__).resolve().parent / "data" / "tongyong-guifan-hanzi.txt"

UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")  # index 0 = AR PL UMing CN
WENKAI = Path("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf")
BABELSTONE = Path("/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf")
WQY = OUT / "wqy-microhei.ttc"
ARPHIC_LICENCE = Path("/usr/share/doc/fonts-arphic-uming/license/english/ARPHICPL.TXT.gz")
WENKAI_COPYRIGHT = Path("/usr/share/doc/fonts-lxgw-wenkai/copyright")

#: Name characters outside 《通用规范汉字表》 met on rosters (kept in the bundled fallback face).
NAME_EXTRAS = "𠮷"


def tongyong() -> list[str]:
    lines = [ln for ln in DATA.read_text("utf-8").splitlines() if ln and not ln.startswith("#")]
    chars = [c for ln in lines for c in ln]
    assert len(chars) == 8105, len(chars)
    return chars


def repertoire() -> set[int]:
    cps: set[int] = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
    cps |= set(range(0x2010, 0x2070)) | set(range(0x3000, 0x3040)) | set(range(0xFF01, 0xFF5F))
    cps |= set(range(0x2460, 0x2474)) | set(range(0x2160, 0x216C)) | set(range(0x2170, 0x217C))
    cps |= {0x2103, 0x2116, 0x2121, 0x2192, 0x2190, 0x221A, 0x25A0, 0x25A1, 0x25CB, 0x25CF, 0x2605, 0x203B}
    for cp in range(0x20, 0x10000):
        try:
            chr(cp).encode("gb2312")
        except UnicodeEncodeError:
            continue
        cps.add(cp)
    cps |= {ord(c) for c in tongyong()}
    return cps


def _options() -> subset.Options:
    opts = subset.Options()
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.hinting = False
    opts.layout_features = ["vert", "vrt2"]
    opts.drop_tables += ["BDF ", "EBDT", "EBLC", "EBSC", "FFTM", "VORG", "meta"]
    return opts


def _rename(font: TTFont, family: str, note: str) -> None:
    name = font["name"]
    ps = family.replace(" ", "")
    for rec in list(name.names):
        if rec.nameID in (1, 4, 16, 18):
            rec.string = family
        elif rec.nameID == 3:
            rec.string = f"{ps}-subset"
        elif rec.nameID == 6:
            rec.string = ps
        elif rec.nameID == 17:
            rec.string = "Regular"
    name.setName(note, 5, 3, 1, 0x409)  # version string carries the notice of change
    name.setName(note, 10, 3, 1, 0x409)


def build(src: Path, index: int | None, cps: set[int], out: Path, family: str, note: str) -> int:
    font = TTFont(src, fontNumber=index) if index is not None else TTFont(src)
    cmap = font.getBestCmap()
    keep = sorted(cp for cp in cps if cp in cmap)
    sub = subset.Subsetter(_options())
    sub.populate(unicodes=keep)
    sub.subset(font)
    _rename(font, family, note)
    font.save(out)
    print(f"{out.name}: {len(keep)} characters, {out.stat().st_size / 1e6:.1f} MB")
    return len(keep)


def licences() -> None:
    (OUT / "LICENSE-arphic.txt").write_text(
        "AR PL UMing (gongkai-ming.ttf) and BabelStone Han (gongkai-han-ext.ttf) are licensed under the\n"
        "Arphic Public License below. Both files were changed by the Gongkai project: subset to the\n"
        "characters listed in scripts/build_fonts.py, hinting and bitmaps removed, renamed\n"
        "(see resources/fonts/README.txt for the date and the command).\n\n"
        + gzip.decompress(ARPHIC_LICENCE.read_bytes()).decode("latin-1"),
        "utf-8",
    )
    text = WENKAI_COPYRIGHT.read_text("utf-8")
    ofl = text[text.index("License: OFL-1.1\n -----") :].split("\n\nLicense:")[0]
    ofl = "\n".join(re.sub(r"^ \.?$", "", ln).removeprefix(" ") for ln in ofl.splitlines()[1:])
    (OUT / "LICENSE-lxgw-wenkai-OFL.txt").write_text(
        "gongkai-kai.ttf is a subset of LXGW WenKai Regular 1.250, Copyright 2021-2022 lxgw\n"
        '<calxgw2018@gmail.com>, with Reserved Font Names "霞鹜" and "LXGW". As a Modified Version it\n'
        'is renamed "Gongkai Kai" (SIL OFL 1.1, condition 3). Licensed under the SIL Open Font License:\n\n'
        + ofl
        + "\n",
        "utf-8",
    )


def main() -> int:
    for path in (UMING, WENKAI, BABELSTONE, ARPHIC_LICENCE, WENKAI_COPYRIGHT):
        if not path.exists():
            print(
                f"missing {path}: apt-get install fonts-arphic-uming fonts-lxgw-wenkai fonts-babelstone-han"
            )
            return 2
    cps = repertoire()
    note = "Subset for Gongkai by scripts/build_fonts.py"
    build(UMING, 0, cps, OUT / "gongkai-ming.ttf", "Gongkai Ming", f"{note} from AR PL UMing CN 0.2.20080216")
    build(WENKAI, None, cps, OUT / "gongkai-kai.ttf", "Gongkai Kai", f"{note} from LXGW WenKai 1.250")
    wqy = TTFont(WQY, fontNumber=0).getBestCmap()
    ext = set(range(0x3400, 0x4DC0)) | {ord(c) for c in tongyong() if not 0x4E00 <= ord(c) <= 0x9FFF}
    ext |= {ord(c) for c in NAME_EXTRAS} | {cp for cp in range(0x4E00, 0xA000) if cp not in wqy}
    build(
        BABELSTONE,
        None,
        ext,
        OUT / "gongkai-han-ext.ttf",
        "Gongkai Han Ext",
        f"{note} from BabelStone Han 15.0.5",
    )
    licences()
    return 0


if __name__ == "__main__":
    sys.exit(main())
