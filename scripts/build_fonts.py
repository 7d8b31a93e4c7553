"""Make the bundled print faces in resources/fonts from Debian's font packages (run at dev time).

    apt-get install fonts-arphic-uming fonts-lxgw-wenkai fonts-babelstone-han fonts-hanazono
    .venv/bin/python scripts/build_fonts.py            # writes resources/fonts/*.ttf and the licences
    .venv/bin/python scripts/build_fonts.py --coverage # prints the per-extension table of docs/printing.md

It takes about four minutes (merging the 62,000 glyphs of the plane-2 face is slow); the output is
the same for the same Debian packages (fontTools writes no time stamps we keep: ``head.modified`` is
pinned).

What it makes (docs/printing.md explains the roles and the licences):

* ``gongkai-ming.ttf``: AR PL UMing CN (Ming/Song style, Arphic Public License) subset to the print
  repertoire below: the title (小标宋 substitute) and table face.
* ``gongkai-kai.ttf``: LXGW WenKai Regular (Kai style, SIL OFL 1.1) subset to the same repertoire:
  the body (仿宋 substitute) and 楷体 heading face. OFL 1.1 reserves the names "LXGW"/"霞鹜" for
  unmodified fonts, so the subset is renamed "Gongkai Kai".
* ``gongkai-han-ext.ttf``: BabelStone Han (Arphic Public License) subset to the rare characters: all
  of CJK Extension A that it has, every 《通用规范汉字表》 character outside the basic CJK block (273,
  incl. the GB 18030-2022 level-2 name characters such as 䶮 U+4DAE and 𬌗 U+2C317), name characters
  seen in practice (𠮷 U+20BB7), the basic-block characters WenQuanYi Micro Hei lacks, and every
  character of CJK Extensions G and H (plane 3) that it has, and the 14 Ext B/C characters HanaMinB
  lacks.
* ``gongkai-han-ext-b.ttf``: Hanazono Mincho (GlyphWiki project; Hanazono Font License, or SIL OFL
  1.1 at the user's choice) — HanaMinB's whole plane 2 (CJK Extensions B, C, D, E, F and the
  compatibility supplement) merged with the Extension A characters of HanaMinA that BabelStone Han
  lacks; renamed "Gongkai Han Ext B" (the OFL reserves the names HanaMinA/HanaMinB/Hanazono Font).
  About 31 MB: printing/fonts.py loads it only when a character is in none of the other faces.

Per-glyph fallback for every role goes: the role's face, the other bundled faces, Gongkai Han Ext,
Gongkai Han Ext B, then any rare-character face the system has (printing/fonts.py).

The print repertoire: ASCII, Latin-1, general punctuation, CJK symbols, full-width forms, circled
and Roman numerals, everything GB 2312 encodes, and the 8105 characters of 《通用规范汉字表》
(scripts/data/tongyong-guifan-hanzi.txt). Outlines stay TrueType (glyf): ReportLab embeds only
those. Hinting and embedded bitmaps are dropped (print and Qt's renderer do not need them).
"""

from __future__ import annotations

import gzip
import re
import sys
import tempfile
from pathlib import Path

from fontTools import merge, subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "fonts"
DATA = Path(__file__).resolve().parent / "data" / "tongyong-guifan-hanzi.txt"

UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")  # index 0 = AR PL UMing CN
WENKAI = Path("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf")
BABELSTONE = Path("/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf")
HANAMIN_A = Path("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf")
HANAMIN_B = Path("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf")
HANAZONO_COPYRIGHT = Path("/usr/share/doc/fonts-hanazono/copyright")
WQY = OUT / "wqy-microhei.ttc"
ARPHIC_LICENCE = Path("/usr/share/doc/fonts-arphic-uming/license/english/ARPHICPL.TXT.gz")
WENKAI_COPYRIGHT = Path("/usr/share/doc/fonts-lxgw-wenkai/copyright")

#: The CJK Unified Ideographs blocks (Unicode 15.1, Blocks.txt): name -> first, last code point.
EXTENSIONS = {
    "A": (0x3400, 0x4DBF),
    "B": (0x20000, 0x2A6DF),
    "C": (0x2A700, 0x2B739),
    "D": (0x2B740, 0x2B81D),
    "E": (0x2B820, 0x2CEA1),
    "F": (0x2CEB0, 0x2EBE0),
    "G": (0x30000, 0x3134A),
    "H": (0x31350, 0x323AF),
    "I": (0x2EBF0, 0x2EE5D),
}

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


def _subset(src: Path, index: int | None, cps: set[int]) -> TTFont:
    font = TTFont(src, fontNumber=index) if index is not None else TTFont(src)
    cmap = font.getBestCmap()
    sub = subset.Subsetter(_options())
    sub.populate(unicodes=sorted(cp for cp in cps if cp in cmap))
    sub.subset(font)
    return font


def _save(font: TTFont, out: Path, family: str, note: str) -> None:
    _rename(font, family, note)
    font["head"].modified = font["head"].created  # reproducible: no build time stamp
    font.recalcTimestamp = False
    font.save(out)
    print(f"{out.name}: {len(font.getBestCmap())} characters, {out.stat().st_size / 1e6:.1f} MB")


def build(src: Path, index: int | None, cps: set[int], out: Path, family: str, note: str) -> None:
    _save(_subset(src, index, cps), out, family, note)


def build_plane2(ext_a_done: set[int], out: Path, note: str) -> None:
    """HanaMinB's plane 2 merged with the Extension A characters of HanaMinA not in ``ext_a_done``."""
    a, b = EXTENSIONS["A"]
    with tempfile.TemporaryDirectory() as tmp:
        parts = []
        for src, cps in (
            (HANAMIN_B, set(range(0x20000, 0x30000))),
            (HANAMIN_A, set(range(a, b + 1)) - ext_a_done),
        ):
            part = Path(tmp) / src.name
            _subset(src, None, cps).save(part)
            parts.append(str(part))
        merged = merge.Merger().merge(parts)
    _save(merged, out, "Gongkai Han Ext B", note)


def coverage() -> None:
    """Per extension: code points, and how many each bundled face and all of them together draw."""
    files = ("gongkai-han-ext.ttf", "gongkai-han-ext-b.ttf")
    cmaps = [set(TTFont(OUT / f, lazy=True).getBestCmap()) for f in files]
    print("| block | code points | " + " | ".join(files) + " | together | not covered |")
    print("|---|---:|" + "---:|" * (len(files) + 2))
    for block, (first, last) in EXTENSIONS.items():
        cps = set(range(first, last + 1))
        counts = [len(cps & c) for c in cmaps]
        both = len(cps & set().union(*cmaps))
        label = f"Ext {block} U+{first:04X}–{last:04X}"
        print(f"| {label} | {len(cps)} | " + " | ".join(map(str, counts)) + f" | {both} | {len(cps) - both} |")


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
        "<calxgw2018@gmail.com>, with Reserved Font Names \"霞鹜\" and \"LXGW\". As a Modified Version it\n"
        "is renamed \"Gongkai Kai\" (SIL OFL 1.1, condition 3). Licensed under the SIL Open Font License:\n\n"
        + ofl
        + "\n",
        "utf-8",
    )
    hanazono = HANAZONO_COPYRIGHT.read_text("utf-8")
    body = hanazono[hanazono.index("License: Hanazono-Font-License") :]
    body = "\n".join(re.sub(r"^ \.?$", "", ln).removeprefix(" ") for ln in body.splitlines())
    (OUT / "LICENSE-hanazono.txt").write_text(
        "gongkai-han-ext-b.ttf is made from Hanazono Mincho (HanaMinA and HanaMinB, version 20170904),\n"
        "Copyright 2008, 2009, 2010, 2011 GlyphWiki Project, licensed under the Hanazono Font\n"
        "License or, at the user's choice, the SIL Open Font License 1.1 (both below, as Debian's\n"
        "fonts-hanazono package gives them). The Gongkai project changed it: subset to the CJK\n"
        "characters listed in scripts/build_fonts.py, the two faces merged, hinting removed, and\n"
        "renamed \"Gongkai Han Ext B\" (the OFL's Reserved Font Names are not used).\n\n" + body + "\n",
        "utf-8",
    )


def main() -> int:
    if sys.argv[1:] == ["--coverage"]:
        coverage()
        return 0
    for path in (UMING, WENKAI, BABELSTONE, HANAMIN_A, HANAMIN_B, ARPHIC_LICENCE, WENKAI_COPYRIGHT, HANAZONO_COPYRIGHT):
        if not path.exists():
            print(
                f"missing {path}: apt-get install fonts-arphic-uming fonts-lxgw-wenkai fonts-babelstone-han"
                " fonts-hanazono"
            )
            return 2
    cps = repertoire()
    note = "Subset for Gongkai by scripts/build_fonts.py"
    build(UMING, 0, cps, OUT / "gongkai-ming.ttf", "Gongkai Ming", f"{note} from AR PL UMing CN 0.2.20080216")
    build(WENKAI, None, cps, OUT / "gongkai-kai.ttf", "Gongkai Kai", f"{note} from LXGW WenKai 1.250")
    wqy = TTFont(WQY, fontNumber=0).getBestCmap()
    ext = set(range(0x3400, 0x4DC0)) | {ord(c) for c in tongyong() if not 0x4E00 <= ord(c) <= 0x9FFF}
    ext |= {ord(c) for c in NAME_EXTRAS} | {cp for cp in range(0x4E00, 0xA000) if cp not in wqy}
    for block in ("G", "H"):
        ext |= set(range(EXTENSIONS[block][0], EXTENSIONS[block][1] + 1))
    # the few Ext B/C characters HanaMinB lacks (BabelStone Han has them)
    ext |= set(range(0x20000, 0x30000)) - set(TTFont(HANAMIN_B, lazy=True).getBestCmap())
    build(BABELSTONE, None, ext, OUT / "gongkai-han-ext.ttf", "Gongkai Han Ext", f"{note} from BabelStone Han 15.0.5")
    done = set(TTFont(OUT / "gongkai-han-ext.ttf", lazy=True).getBestCmap())
    build_plane2(done, OUT / "gongkai-han-ext-b.ttf", f"{note} from Hanazono Mincho (HanaMinA/B) 20170904")
    licences()
    coverage()
    return 0


if __name__ == "__main__":
    sys.exit(main())
