"""Font subsets made once and reused by the next document with the same characters.

A clerk prints the same notice several times in a row (the preview, the printer, 另存为 PDF, a
second copy after fixing a typo elsewhere), and every time ReportLab cuts a TrueType subset of each
face out of the font file and deflates it: about half the time of a one-page notice
(bench/notices.py). The subset of a face depends only on the glyphs it holds, so the deflated
subset is kept, keyed by the face's file and the exact glyph list, in a small least-recently-used
cache shared by all documents of the process (the printing thread and the GUI thread: guarded by a
lock). The PDF bytes are the same as without the cache.

Installed by ``printing.fonts`` next to its /ToUnicode fix (``install``): ``TTFontFace.
addSubsetObjects`` is replaced by one that writes the same objects with the cached stream.
"""

from __future__ import annotations

import contextlib
import threading
import zlib
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

from reportlab.pdfbase import pdfdoc, ttfonts

__all__ = ["clear", "install", "uncached"]

#: Subsets kept (each a few tens of kB deflated: a notice uses two or three faces, a few subsets each).
MAX_ENTRIES = 64

_lock = threading.Lock()
_cache: OrderedDict[tuple[str, tuple[int, ...]], tuple[bytes, int]] = OrderedDict()
_installed = False


class _Deflated:
    """A stream filter whose content is already deflated: writes /FlateDecode and passes it on."""

    pdfname = "FlateDecode"

    def encode(self, data: bytes) -> bytes:
        return data

    def decode(self, data: bytes) -> bytes:
        return zlib.decompress(data)


_DEFLATED = _Deflated()


def _subset(face: Any, subset: list[int]) -> tuple[bytes, int]:
    """(deflated subset, its uncompressed length), from the cache when the same glyphs were cut."""
    key = (str(face.filename), tuple(subset))
    with _lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    raw = face.makeSubset(subset)
    made = (zlib.compress(raw), len(raw))
    with _lock:
        _cache[key] = made
        while len(_cache) > MAX_ENTRIES:
            _cache.popitem(last=False)
    return made


def _add_subset_objects(face: Any, doc: Any, fontname: str, subset: list[int]) -> Any:
    """ReportLab's ``TTFontFace.addSubsetObjects`` with the font file from the cache.

    The same objects as ReportLab's (a /FontFile2 stream with /Length1, a /FontDescriptor), built
    here because the original cuts the subset inside; kept in step with reportlab 4.x.
    """
    font_file = pdfdoc.PDFStream()
    if doc.compression:
        font_file.content, length = _subset(face, subset)
        font_file.filters = [_DEFLATED]
    else:
        font_file.content = face.makeSubset(subset)
        length = len(font_file.content)
    font_file.dictionary["Length1"] = length
    font_file_ref = doc.Reference(font_file, f"fontFile:{face.filename}({fontname})")
    flags = (face.flags & ~ttfonts.FF_NONSYMBOLIC) | ttfonts.FF_SYMBOLIC
    descriptor = pdfdoc.PDFDictionary(
        {
            "Type": "/FontDescriptor",
            "Ascent": face.ascent,
            "CapHeight": face.capHeight,
            "Descent": face.descent,
            "Flags": flags,
            "FontBBox": pdfdoc.PDFArray(face.bbox),
            "FontName": pdfdoc.PDFName(fontname),
            "ItalicAngle": face.italicAngle,
            "StemV": face.stemV,
            "FontFile2": font_file_ref,
            "MissingWidth": face.defaultWidth,
        }
    )
    return doc.Reference(descriptor, "fontDescriptor:" + fontname)


_ORIGINAL = ttfonts.TTFontFace.addSubsetObjects


def install() -> None:
    """Use the cached subsets for every TrueType face (once per process)."""
    global _installed
    if not _installed:
        ttfonts.TTFontFace.addSubsetObjects = _add_subset_objects
        _installed = True


@contextlib.contextmanager
def uncached() -> Iterator[None]:
    """ReportLab's own subsetting for a while (bench/notices.py's plain-ReportLab baseline)."""
    ttfonts.TTFontFace.addSubsetObjects = _ORIGINAL
    try:
        yield
    finally:
        if _installed:
            ttfonts.TTFontFace.addSubsetObjects = _add_subset_objects


def clear() -> None:
    with _lock:
        _cache.clear()
