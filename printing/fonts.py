"""The faces every printout uses: one font stack per role, per-glyph fallback, and the ``doctor`` check.

Roles (GB/T 9704-2012, docs/printing.md): ``title`` 小标宋, ``body`` 仿宋, ``heading1`` 黑体 (一、),
``heading2`` 楷体 ((一)), ``table`` 仿宋/宋体, ``display`` 黑体 (poster type read from a distance).
Each role's stack is: the official face when the PC has it (found through fontconfig on Linux, the
Fonts registry keys on Windows), else the bundled free face of the right style (Gongkai Ming = AR PL
UMing, Gongkai Kai = LXGW WenKai, WenQuanYi Micro Hei), then the other bundled faces, the bundled
rare-character faces (Gongkai Han Ext = BabelStone Han: most of CJK Extension A, the 《通用规范汉字表》
characters outside the basic block, what it has of Extensions G and H; Gongkai Han Ext B = Hanazono
Mincho: the rest of Extension A and all of Extensions B–F) and any rare-character face the system
has (SimSun-ExtB, SimSun-ExtG, BabelStone Han, HanaMin). Each character is drawn with the first face
in the stack that has a glyph for it; a character no face has raises ``MissingGlyphError`` so no
PDF is written with a hole in a name. Gongkai Han Ext B is 31 MB: it is read only when a document
has a character none of the faces before it has (about half a second, once per process).

Only TrueType (glyf) faces are used: ReportLab embeds those (as subsets, with a /ToUnicode map) and
not CFF-flavoured OpenType. ``GONGKAI_PRINT_FONTS=bundled`` ignores the system's faces (reproducible
output; the tests use it).

ReportLab writes the /ToUnicode CMap with four hex digits per code point, which maps characters
beyond the BMP (𠮷 U+20BB7) to the wrong text; ``_to_unicode_cmap`` replaces it with one that writes
UTF-16BE (surrogate pairs), as ISO 32000-1 §9.10.3 requires, so copy, search and pdftotext give the
real name back.
"""

from __future__ import annotations

import functools
import io
import logging
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources as importlib_resources
from importlib.resources.abc import Traversable
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from printing import subsets

__all__ = [
    "FONT_NAME",
    "GLYPH_TEST_STRING",
    "ROLES",
    "FaceInfo",
    "FontStack",
    "MissingGlyphError",
    "bundled_font_files",
    "check_fonts",
    "font_path",
    "register_fonts",
    "role_report",
    "stack",
]

log = logging.getLogger(__name__)

#: The name under which WenQuanYi Micro Hei is registered (also the Qt UI face).
FONT_NAME = "GongkaiCJK"

#: Characters every printed notice needs (CJK, full-width digits, Latin).
GLYPH_TEST_STRING = "政务公开专区扫码查看详情０１２３ABC"

ROLES = ("title", "body", "heading1", "heading2", "table", "display")

#: Bundled faces: key -> (file in resources/fonts, TTC index, ReportLab name, label).
_BUNDLED = {
    "hei": ("wqy-microhei.ttc", 0, FONT_NAME, "WenQuanYi Micro Hei（黑体风格）"),
    "ming": ("gongkai-ming.ttf", None, "GongkaiMing", "Gongkai Ming（AR PL UMing，宋体风格）"),
    "kai": ("gongkai-kai.ttf", None, "GongkaiKai", "Gongkai Kai（霞鹜文楷，楷体风格）"),
    "ext": ("gongkai-han-ext.ttf", None, "GongkaiHanExt", "Gongkai Han Ext（BabelStone Han，生僻字）"),
    "extb": ("gongkai-han-ext-b.ttf", None, "GongkaiHanExtB", "Gongkai Han Ext B（花園明朝，扩展B–F）"),
}

#: Bundled faces read only when a character is in none of the faces before them (their size).
_LAZY = frozenset({"extb"})

#: The official faces per role, best first (GB/T 9704-2012 §5.2.2, §7.3.1, §7.3.3; docs/printing.md).
PREFERRED: dict[str, tuple[str, ...]] = {
    "title": ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05", "小标宋"),
    "body": ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "华文仿宋", "STFangsong"),
    "heading1": ("黑体", "SimHei", "方正黑体_GBK", "方正黑体简体"),
    "heading2": ("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "华文楷体", "STKaiti"),
    "table": ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "宋体", "SimSun"),
    "display": ("黑体", "SimHei", "方正黑体简体"),
}

#: The bundled face of the right style per role, then the order of the others.
_ROLE_BUNDLED = {
    "title": "ming",
    "body": "kai",
    "heading1": "hei",
    "heading2": "kai",
    "table": "ming",
    "display": "hei",
}
_FALLBACK_ORDER = ("kai", "ming", "hei", "ext", "extb")

#: System faces with the CJK extensions (Windows 10/11 ship SimSun-ExtB; SimSun-ExtG came with the
#: GB 18030-2022 update; Debian/UOS have BabelStone Han and Hanazono in packages).
RARE_SYSTEM = ("SimSun-ExtG", "SimSun-ExtB", "MingLiU-ExtB", "BabelStone Han", "HanaMinA", "HanaMinB")

#: Default-ignorable characters: not drawn, no width (variation selectors after a rare character,
#: zero-width spaces and joiners pasted from web pages).
_IGNORABLE = frozenset(
    [*range(0x200B, 0x2010), *range(0x2060, 0x2070), *range(0xFE00, 0xFE10), 0xFEFF, 0x00AD, 0x034F]
) | frozenset(range(0xE0100, 0xE01F0))


def is_ignorable(ch: str) -> bool:
    return ord(ch) in _IGNORABLE


class MissingGlyphError(ValueError):
    """A character that no face (bundled or installed) can draw: the PDF is not written."""

    def __init__(self, char: str, context: str = "") -> None:
        self.char = char
        self.context = context
        where = f"，出现在“{context}”" if context else ""
        super().__init__(
            f"字符“{char}”（U+{ord(char):04X}）没有可用的字形{where}。"
            "请核对该字（常见于姓名中的生僻字或自造字），或在本机安装含有该字的字体后重新打印。"
        )

    def with_context(self, context: str) -> MissingGlyphError:
        return MissingGlyphError(self.char, context)


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap with UTF-16BE destinations (surrogate pairs beyond the BMP)."""
    return _cmap_text(fontname, tuple(subset))


@functools.lru_cache(maxsize=256)  # the same subsets recur when a notice is printed again
def _cmap_text(fontname: str, subset: tuple[int, ...]) -> str:
    def utf16(cp: int) -> str:
        if cp < 0x10000:
            return f"{cp:04X}"
        return chr(cp).encode("utf-16-be", "surrogatepass").hex().upper()

    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *[f"<{i:02X}> <{utf16(v)}>" for i, v in enumerate(subset)],
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # see the module docstring
subsets.install()  # font subsets reused across documents (printing/subsets.py)


@dataclass(frozen=True)
class FaceInfo:
    """One face in a stack: its ReportLab name, what it is and where it came from."""

    name: str
    label: str
    source: str  # "bundled" or the file path
    embolden: bool = False  # faux bold (a bundled Ming standing in for 小标宋)
    lazy: bool = False  # registered with ReportLab on first need (a large bundled face)


class FontStack:
    """The faces of one role in fallback order, with a per-character face cache."""

    def __init__(self, role: str, faces: list[FaceInfo]) -> None:
        self.role = role
        self.faces = faces
        self.primary = faces[0].name
        # A lazy face's cmap is None until a character is in none of the faces before it.
        self._cmaps: list[dict[int, int] | None] = [
            None if f.lazy else pdfmetrics.getFont(f.name).face.charToGlyph for f in faces
        ]
        self._names = [f.name for f in faces]
        self._cache: dict[str, str | None] = {}
        self._widths: dict[tuple[str, float], float] = {}

    @property
    def embolden(self) -> bool:
        return self.faces[0].embolden

    def font_for(self, ch: str) -> str | None:
        """The face that draws ``ch`` ('' for an ignorable character), or None if none can."""
        try:
            return self._cache[ch]
        except KeyError:
            pass
        found: str | None = None
        if is_ignorable(ch):
            found = ""
        else:
            cp = ord(ch)
            for i, (name, cmap) in enumerate(zip(self._names, self._cmaps, strict=True)):
                if cmap is None:
                    cmap = self._cmaps[i] = _lazy_cmap(self.faces[i])
                if cp in cmap:
                    found = name
                    break
            if found is None and ch in "\t\n\r":
                found = self.primary
        self._cache[ch] = found
        return found

    def char_width(self, ch: str, size: float) -> float:
        key = (ch, size)
        w = self._widths.get(key)
        if w is None:
            name = self.font_for(ch)
            if name is None:
                raise MissingGlyphError(ch)
            w = 0.0 if name == "" else float(pdfmetrics.getFont(name).stringWidth(ch, size))
            self._widths[key] = w
        return w

    def width(self, text: str, size: float) -> float:
        return sum(self.char_width(ch, size) for ch in text)

    def missing(self, text: str) -> list[str]:
        return sorted({ch for ch in text if self.font_for(ch) is None})

    def runs(self, text: str) -> list[tuple[str, str]]:
        """``text`` as (face, substring) runs; ignorable characters dropped."""
        out: list[tuple[str, str]] = []
        cur: str | None = None
        buf: list[str] = []
        for ch in text:
            name = self.font_for(ch)
            if name is None:
                raise MissingGlyphError(ch, text)
            if name == "":
                continue
            if name != cur:
                if buf and cur is not None:
                    out.append((cur, "".join(buf)))
                buf = []
                cur = name
            buf.append(ch)
        if buf and cur is not None:
            out.append((cur, "".join(buf)))
        return out


# -- the bundled files --------------------------------------------------------------------------


def _font_resource(file: str = "wqy-microhei.ttc") -> Traversable:
    return importlib_resources.files("resources") / "fonts" / file


def font_path() -> str:
    """Human-readable location of the bundled UI font (for messages only)."""
    return str(_font_resource())


def bundled_font_files() -> dict[str, Traversable]:
    """Bundled face key -> its file (Qt registers the same files)."""
    return {key: _font_resource(spec[0]) for key, spec in _BUNDLED.items()}


def _load_ttf(name: str, data: bytes, file: str, index: int | None) -> TTFont:
    # TTFont accepts a file-like object; reading bytes through importlib.resources works whether
    # the package is installed as files, a wheel, a zip or a PyInstaller bundle.
    buf = io.BytesIO(data)
    buf.name = file  # ReportLab uses .name in its error messages
    return TTFont(name, buf, subfontIndex=index or 0)


# -- the system's faces -------------------------------------------------------------------------


@dataclass(frozen=True)
class _SystemFace:
    family: str
    path: str
    index: int


def _fontconfig_faces() -> list[_SystemFace]:
    exe = shutil.which("fc-list")
    if not exe:
        return []
    try:
        out = subprocess.run(
            [exe, "--format", "%{family}\t%{file}\t%{index}\t%{fontformat}\n"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    faces = []
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) != 4 or parts[3] != "TrueType":
            continue
        for family in parts[0].split(","):
            faces.append(_SystemFace(family.strip(), parts[1], int(parts[2] or 0)))
    return faces


def _windows_faces() -> list[_SystemFace]:  # pragma: no cover - Windows only
    if sys.platform != "win32":
        return []
    import winreg

    fonts_dir = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    key_path = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Fonts"
    faces: list[_SystemFace] = []
    for hive in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        try:
            key = winreg.OpenKey(hive, key_path)
        except OSError:
            continue
        with key:
            i = 0
            while True:
                try:
                    value_name, file, _ = winreg.EnumValue(key, i)
                except OSError:
                    break
                i += 1
                faces.extend(windows_registry_faces(value_name, str(file), fonts_dir))
    return faces


def windows_registry_faces(value_name: str, file: str, fonts_dir: Path) -> list[_SystemFace]:
    """Faces of one registry value: "SimSun & NSimSun (TrueType)" -> simsun.ttc, indexes 0 and 1."""
    if "(TrueType)" not in value_name or not file.lower().endswith((".ttf", ".ttc")):
        return []
    path = Path(file) if Path(file).is_absolute() else fonts_dir / file
    families = value_name.replace("(TrueType)", "").strip().split(" & ")
    return [_SystemFace(family.strip(), str(path), i) for i, family in enumerate(families)]


_system_lock = threading.Lock()
_system: list[_SystemFace] | None = None


def system_faces() -> list[_SystemFace]:
    """TrueType faces installed on this PC (cached); none with ``GONGKAI_PRINT_FONTS=bundled``."""
    global _system
    if os.environ.get("GONGKAI_PRINT_FONTS", "").lower() == "bundled":
        return []
    with _system_lock:
        if _system is None:
            try:
                _system = _windows_faces() if sys.platform == "win32" else _fontconfig_faces()
            except Exception:  # noqa: BLE001  (a broken font setup falls back to the bundled faces)
                log.exception("could not list the system's fonts")
                _system = []
        return _system


def _find_system(families: Iterable[str]) -> list[_SystemFace]:
    faces = system_faces()
    by_family: dict[str, _SystemFace] = {}
    for f in faces:
        by_family.setdefault(f.family.casefold(), f)
    return [by_family[f.casefold()] for f in families if f.casefold() in by_family]


# -- registration -------------------------------------------------------------------------------

_lock = threading.Lock()
_bundled_lock = threading.Lock()
_stacks: dict[str, FontStack] | None = None


def register_fonts() -> str:
    """Register every face with ReportLab (once, thread-safe) and return the UI face's name."""
    _all_stacks()
    return FONT_NAME


def _register_bundled(key: str) -> FaceInfo:
    file, index, name, label = _BUNDLED[key]
    if key in _LAZY:
        return FaceInfo(name, label, "bundled", lazy=True)
    _ensure_bundled(key)
    return FaceInfo(name, label, "bundled")


def _ensure_bundled(key: str) -> None:
    file, index, name, _label = _BUNDLED[key]
    with _bundled_lock:
        try:
            pdfmetrics.getFont(name)
        except KeyError:
            pdfmetrics.registerFont(_load_ttf(name, _font_resource(file).read_bytes(), file, index))


def _lazy_cmap(face: FaceInfo) -> dict[int, int]:
    """Register a lazy bundled face now (once per process) and return its cmap."""
    key = next(k for k, spec in _BUNDLED.items() if spec[2] == face.name)
    _ensure_bundled(key)
    return pdfmetrics.getFont(face.name).face.charToGlyph


def _register_system(face: _SystemFace) -> FaceInfo | None:
    name = "Sys-" + "".join(
        c if c.isalnum() else "_" for c in face.family.encode("ascii", "replace").decode()
    )
    name = f"{name}-{abs(hash((face.path, face.index))) % 10**8}"
    try:
        pdfmetrics.getFont(name)
    except KeyError:
        try:
            pdfmetrics.registerFont(TTFont(name, face.path, subfontIndex=face.index))
        except Exception as exc:  # noqa: BLE001  (CFF outlines, a broken file: use the next face)
            log.warning("font %s (%s) not usable for printing: %s", face.family, face.path, exc)
            return None
    return FaceInfo(name, face.family, face.path)


def _all_stacks() -> dict[str, FontStack]:
    global _stacks
    if _stacks is not None:
        return _stacks
    with _lock:
        if _stacks is None:
            bundled = {key: _register_bundled(key) for key in _BUNDLED}
            rare = [f for f in (_register_system(s) for s in _find_system(RARE_SYSTEM)) if f]
            stacks = {}
            for role in ROLES:
                faces: list[FaceInfo] = []
                official = next(
                    (f for f in (_register_system(s) for s in _find_system(PREFERRED[role])) if f), None
                )
                own = bundled[_ROLE_BUNDLED[role]]
                if official is not None:
                    faces.append(official)
                else:
                    # The bundled Ming is a light 书宋; a 小标宋 title is heavy: faux bold stands in.
                    faces.append(FaceInfo(own.name, own.label, own.source, embolden=role == "title"))
                for key in (_ROLE_BUNDLED[role], *_FALLBACK_ORDER):
                    if all(f.name != bundled[key].name for f in faces):
                        faces.append(bundled[key])
                faces += [f for f in rare if all(g.name != f.name for g in faces)]
                stacks[role] = FontStack(role, faces)
            _stacks = stacks
        return _stacks


def stack(role: str) -> FontStack:
    """The font stack of ``role`` (one of ``ROLES``), registering the faces on first use."""
    return _all_stacks()[role]


def role_report() -> list[tuple[str, str, str]]:
    """(role, face label, source) of the first face of each role, for ``gongkai doctor``."""
    labels = {
        "title": "标题（小标宋）",
        "body": "正文（仿宋）",
        "heading1": "一级标题（黑体）",
        "heading2": "二级标题（楷体）",
        "table": "表格",
        "display": "海报（黑体）",
    }
    out = []
    for role in ROLES:
        face = stack(role).faces[0]
        source = "随软件提供" if face.source == "bundled" else face.source
        out.append((labels[role], face.label + ("，加粗模拟" if face.embolden else ""), source))
    rare = [f for f in stack("body").faces if f.source != "bundled" and f.name != stack("body").primary]
    out.append(
        (
            "生僻字",
            "Gongkai Han Ext（BabelStone Han）、Gongkai Han Ext B（花園明朝）"
            + ("、" + "、".join(f.label for f in rare) if rare else ""),
            "逐字回退：正文字体没有的字依次取这些字体",
        )
    )
    return out


def check_fonts(path: str | Path | None = None, test_string: str = GLYPH_TEST_STRING) -> list[str]:
    """Return a list of human-readable font problems; an empty list means OK.

    ``path`` checks one font file (tests pass other paths); without it every bundled face is
    loaded independently of the registered ones, so a broken file is reported rather than raised.
    """
    if path is not None:
        targets = [(str(path), lambda: Path(path).read_bytes(), Path(path).name, 0, True)]
    else:
        targets = [
            (str(_font_resource(f)), _font_resource(f).read_bytes, f, i or 0, key == "hei")
            for key, (f, i, _n, _l) in _BUNDLED.items()
        ]
    problems = []
    for where, read, file, index, needs_test in targets:
        try:
            data = read()
        except FileNotFoundError:
            problems.append(f"字体文件缺失 (font file missing): {where}")
            continue
        except OSError as exc:
            problems.append(f"字体文件无法读取 (cannot read font file) {where}: {exc}")
            continue
        try:
            font = _load_ttf("GongkaiCJK-check", data, file, index)
        except Exception as exc:  # ReportLab raises TTFError, struct.error, IndexError... for bad files
            problems.append(f"字体无法加载 (cannot load font) {where}: {type(exc).__name__}: {exc}")
            continue
        cmap = font.face.charToGlyph
        missing = sorted({ch for ch in test_string if not ch.isspace() and ord(ch) not in cmap})
        if missing and needs_test:
            shown = "".join(missing)
            codes = ", ".join(f"U+{ord(c):04X}" for c in missing)
            problems.append(f"字体缺少字形 (missing glyphs) in {where}: {shown} ({codes})")
    return problems
