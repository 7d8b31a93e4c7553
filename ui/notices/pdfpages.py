"""PDF pages as QImages for the preview (pypdfium2; PySide6-Essentials has no QtPdf), and printing
the PDF itself (vector) to the printer the clerk chose.

The PDF is the one the service made (masked); the preview shows its pages as images, the printer
gets the PDF, so what comes out is what the preview showed, at the printer's full resolution.

pdfium is not thread-safe: every call into it holds ``app.pdfium_lock.PDFIUM_LOCK``, the one lock the
policy reader, the counter print of original PDFs and text extraction hold too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter

from app.pdfium_lock import PDFIUM_LOCK


def page_count(pdf: bytes) -> int:
    with PDFIUM_LOCK:
        doc = pdfium.PdfDocument(pdf)
        try:
            return len(doc)
        finally:
            doc.close()


def render_pages(pdf: bytes, dpi: float) -> list[QImage]:
    """Every page as an RGB QImage at ``dpi``."""
    images: list[QImage] = []
    with PDFIUM_LOCK:
        doc = pdfium.PdfDocument(pdf)
        count = len(doc)
    try:
        for index in range(count):
            with PDFIUM_LOCK:  # one page at a time, so another thread's page can come in between
                page = doc[index]
                try:
                    # Bitmap and page are closed here, under the lock, not left to a finalizer that
                    # could run on whatever thread collects them.
                    bitmap = page.render(scale=dpi / 72)
                    pil = bitmap.to_pil().convert("RGB")
                    bitmap.close()
                finally:
                    page.close()
            data = pil.tobytes("raw", "RGB")
            image = QImage(data, pil.width, pil.height, 3 * pil.width, QImage.Format.Format_RGB888)
            images.append(image.copy())  # own the pixels: ``data`` goes away with this scope
    finally:
        with PDFIUM_LOCK:
            doc.close()
    return images


def print_pdf(pdf: bytes, printer: QPrinter, copies: int = 1, *, title: str = "", paper: str = "A4") -> int:
    """Send ``pdf`` itself to ``printer`` ``copies`` times; returns the number of sheets sent.

    Vector all the way (docs/printing.md, "Printing from the window"): the page is never turned into
    an image, so type and QR codes stay sharp and a "print to PDF" file is our PDF byte for byte.

    * A PDF-file printer (the dialog's "打印到文件" / Save as PDF): our bytes are written to its file.
    * Linux and other CUPS systems: the PDF goes to the chosen queue with ``lp`` (CUPS prints PDF
      natively), with the copy count, paper and job title.
    * Windows: the PDF is handed to the printer through the "printto" verb of the PC's PDF reader
      (Edge, WPS, Acrobat all register it), which prints the PDF's vector content.
    """
    pages = page_count(pdf)
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        Path(printer.outputFileName()).write_bytes(pdf)
        return pages
    name = printer.printerName()
    if not name:
        raise OSError("没有选择打印机")
    with tempfile.TemporaryDirectory(prefix="gongkai-print-") as tmp:
        path = Path(tmp) / "gongkai.pdf"
        path.write_bytes(pdf)
        if sys.platform == "win32":  # pragma: no cover - Windows only
            for _ in range(copies):
                os.startfile(str(path), "printto", f'"{name}"')  # type: ignore[attr-defined,call-arg,unused-ignore]
            # The reader opens the file after we return: keep it until the spooler has it.
            time.sleep(5)
        else:
            lp_print(path, name, copies, title, paper)
    return pages * copies


def lp_print(path: Path, name: str, copies: int, title: str, paper: str) -> None:
    lp = shutil.which("lp")
    if lp is None:
        raise OSError("找不到 CUPS 的 lp 命令：请安装 cups-client，或“另存为 PDF”后打印")
    args = [lp, "-d", name, "-n", str(max(1, copies)), "-o", f"media={paper}"]
    if title:
        args += ["-t", title]
    done = subprocess.run([*args, str(path)], capture_output=True, text=True, timeout=60, check=False)
    if done.returncode != 0:
        raise OSError(f"打印机“{name}”拒绝了打印任务：{(done.stderr or done.stdout).strip()}")
