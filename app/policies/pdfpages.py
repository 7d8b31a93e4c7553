"""Pages of a PDF as images, rendered one at a time when asked (pypdfium2).

The reader shows page 1 of a 200-page PDF at once: pdfium opens a file without parsing every page,
and only the page on screen is rendered (bench/policy_search.py). A few documents stay open (LRU), so
turning pages does not reopen the file. Every pdfium call holds ``app.pdfium_lock.PDFIUM_LOCK``.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import InputError
from app.pdfium_lock import PDFIUM_LOCK

if TYPE_CHECKING:
    from PIL.Image import Image

#: The widest page image made (pixels), whatever the screen asks for.
MAX_WIDTH = 2400


class PdfPages:
    """Open PDFs by path and render pages to PIL images."""

    def __init__(self, capacity: int = 4) -> None:
        self._capacity = capacity
        self._open: OrderedDict[Path, Any] = OrderedDict()

    def _document(self, path: Path) -> Any:
        import pypdfium2 as pdfium  # imported on first use (start-up time)

        pdf = self._open.get(path)
        if pdf is not None:
            self._open.move_to_end(path)
            return pdf
        try:
            pdf = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as exc:
            raise InputError(f"{path.name}：无法打开 PDF（{exc}）") from None
        self._open[path] = pdf
        while len(self._open) > self._capacity:
            _, old = self._open.popitem(last=False)
            old.close()
        return pdf

    def page_count(self, path: Path) -> int:
        with PDFIUM_LOCK:
            return len(self._document(path))

    def render(self, path: Path, index: int, width_px: int) -> Image:
        """Page ``index`` (0-based) scaled to ``width_px`` wide, as an RGB image."""
        with PDFIUM_LOCK:
            pdf = self._document(path)
            if not 0 <= index < len(pdf):
                raise InputError(f"{path.name}：没有第 {index + 1} 页（共 {len(pdf)} 页）")
            page = pdf[index]
            try:
                width_pt = page.get_width() or 595
                scale = max(0.2, min(width_px, MAX_WIDTH) / width_pt)
                bitmap = page.render(scale=scale)
                image = bitmap.to_pil().convert("RGB")
                bitmap.close()
            finally:
                page.close()
            return image

    def close(self) -> None:
        with PDFIUM_LOCK:
            while self._open:
                _, pdf = self._open.popitem()
                pdf.close()


def iter_pages(data: bytes, first: int, last: int, dpi: float) -> Iterator[Image]:
    """Pages ``first``..``last`` (0-based, inclusive) of a PDF in memory, one at a time at ``dpi``
    (printing a 200-page original never holds more than one page image)."""
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(data)
    try:
        last = min(last, len(pdf) - 1)
        for index in range(max(0, first), last + 1):
            with PDFIUM_LOCK:
                page = pdf[index]
                try:
                    bitmap = page.render(scale=dpi / 72)
                    image = bitmap.to_pil().convert("RGB")
                    bitmap.close()
                finally:
                    page.close()
            yield image
    finally:
        with PDFIUM_LOCK:
            pdf.close()
