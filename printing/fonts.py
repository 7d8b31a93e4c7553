"""Font registration for every PDF the app prints.

Responsibility: make the bundled CJK font (WenQuanYi Micro Hei, subfont 0 of
``resources/fonts/wqy-microhei.ttc``) available to ReportLab exactly once, and
diagnose font problems for the ``doctor`` command.

Why a TrueType font and not one of ReportLab's built-in CID fonts (STSong-Light):
CID fonts are *not embedded*, so a township PC without the Adobe Asian font pack
shows boxes, and text extraction depends on the viewer.  A ``TTFont`` is embedded
as a *subset* (only the glyphs used, each subset named ``ABCDEF+Name``) and gets
a ``/ToUnicode`` CMap, so ``pdftotext``/screen readers/search give back the
real characters.  That is what GB/T 9704 output and the accessibility rules of
the app need.

GB/T 9704-2012 asks for 仿宋 (body, §5.2.2), 小标宋 (title, §7.3.1), 黑体 and 楷体
(headings, §7.3.3).
We ship a single, freely licensed typeface, which is a 黑体 (sans) design; all
styles use it (see ``printing.layout`` for how headings/titles are emphasised).
"""

from __future__ import annotations

import io
import threading
from importlib import resources as importlib_resources
from importlib.resources.abc import Traversable
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

__all__ = ["FONT_NAME", "GLYPH_TEST_STRING", "check_fonts", "font_path", "register_fonts"]

#: The name under which the bundled font is registered with ReportLab.
FONT_NAME = "GongkaiCJK"

#: Characters every printed notice needs (CJK, full-width digits, Latin).
GLYPH_TEST_STRING = "政务公开专区扫码查看详情０１２３ABC"

#: Index of "WenQuanYi Micro Hei" inside the TrueType collection (1 is the Mono cut).
_SUBFONT_INDEX = 0

_lock = threading.Lock()
_registered: str | None = None


def _font_resource() -> Traversable:
    return importlib_resources.files("resources") / "fonts" / "wqy-microhei.ttc"


def font_path() -> str:
    """Human-readable location of the bundled font (for messages only)."""
    return str(_font_resource())


def _load_font(name: str, data: bytes) -> TTFont:
    # TTFont accepts a file-like object; reading bytes through importlib.resources
    # works whether the package is installed as files, a wheel or a zip.
    buf = io.BytesIO(data)
    buf.name = "wqy-microhei.ttc"  # ReportLab uses .name in its error messages
    return TTFont(name, buf, subfontIndex=_SUBFONT_INDEX)


def register_fonts() -> str:
    """Register the bundled CJK font with ReportLab and return its name.

    Idempotent and thread-safe: the first caller loads the ~5 MB collection,
    every later (or concurrent) caller gets the same name back.  ReportLab
    embeds TTFonts as subsets automatically, so no option is needed for that.

    Raises ``OSError``/``ValueError`` (via ReportLab's ``TTFError``) if the font
    cannot be read; ``check_fonts`` reports the same problem as text instead.
    """
    global _registered
    if _registered is not None:  # fast path without the lock once registered
        return _registered
    with _lock:
        if _registered is None:
            font = _load_font(FONT_NAME, _font_resource().read_bytes())
            pdfmetrics.registerFont(font)
            _registered = FONT_NAME
        return _registered


def check_fonts(path: str | Path | None = None, test_string: str = GLYPH_TEST_STRING) -> list[str]:
    """Return a list of human-readable font problems; an empty list means OK.

    ``path`` defaults to the bundled font; tests pass other paths.  The font is
    loaded independently of the registered one so that a broken file is
    reported rather than raised, and registering is not a side effect.
    """
    where = str(path) if path is not None else font_path()
    try:
        data = Path(path).read_bytes() if path is not None else _font_resource().read_bytes()
    except FileNotFoundError:
        return [f"字体文件缺失 (font file missing): {where}"]
    except OSError as exc:
        return [f"字体文件无法读取 (cannot read font file) {where}: {exc}"]
    try:
        font = _load_font("GongkaiCJK-check", data)
    except Exception as exc:  # ReportLab raises TTFError, struct.error, IndexError... for bad files
        return [f"字体无法加载 (cannot load font) {where}: {type(exc).__name__}: {exc}"]
    cmap = font.face.charToGlyph
    missing = sorted({ch for ch in test_string if not ch.isspace() and ord(ch) not in cmap})
    if missing:
        shown = "".join(missing)
        codes = ", ".join(f"U+{ord(c):04X}" for c in missing)
        return [f"字体缺少字形 (missing glyphs) in {where}: {shown} ({codes})"]
    return []
