"""pdfium from several threads at once: the reader rendering pages, the counter printing the pages of
an original PDF, text extraction and the notice preview all go through the one lock
(app/pdfium_lock.py), so they give the same result as one at a time and nothing crashes."""

from __future__ import annotations

import ast
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from app.pdfium_lock import PDFIUM_LOCK
from app.policies.extract import extract
from app.policies.pdfpages import PdfPages, iter_pages
from tests.app.policy_files import make_text_pdf

ROOT = Path(__file__).resolve().parents[2]
LINES = ("第一条 为规范政策文件查阅，制定本办法。", "第二条 本办法自发布之日起施行。")


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    return make_text_pdf(tmp_path / "办法.pdf", "政策文件查阅办法", LINES, pages=6)


def test_render_print_and_extract_from_threads_at_once(pdf: Path) -> None:
    data = pdf.read_bytes()
    pages = PdfPages()
    try:
        # One at a time first: what every thread must get again.
        want_text = extract(pdf.name, data).text
        want_image = pages.render(pdf, 2, 300).tobytes()
        want_printed = [im.tobytes() for im in iter_pages(data, 0, 5, 36)]

        results: dict[str, list[object]] = {"render": [], "extract": [], "print": []}
        errors: list[BaseException] = []
        start = threading.Barrier(3)

        def reader() -> None:  # the GUI read pool turning pages
            start.wait()
            for i in range(12):
                results["render"].append(
                    pages.render(pdf, 2, 300).tobytes() if i % 2 else pages.page_count(pdf)
                )

        def extractor() -> None:  # an import reading the text
            start.wait()
            for _ in range(6):
                results["extract"].append(extract(pdf.name, data).text)

        def printer() -> None:  # the counter printing the original's pages
            start.wait()
            for _ in range(3):
                results["print"].append([im.tobytes() for im in iter_pages(data, 0, 5, 36)])

        def run(target: Callable[[], None]) -> threading.Thread:
            def guarded() -> None:
                try:
                    target()
                except BaseException as exc:  # noqa: BLE001 - reported below
                    errors.append(exc)

            t = threading.Thread(target=guarded)
            t.start()
            return t

        threads = [run(reader), run(extractor), run(printer)]
        for t in threads:
            t.join(120)
        assert not errors
        assert results["extract"] == [want_text] * 6
        assert all(r in (want_image, 6) for r in results["render"]) and want_image in results["render"]
        assert results["print"] == [want_printed] * 3
    finally:
        pages.close()


def test_a_render_waits_while_another_thread_holds_the_lock(pdf: Path) -> None:
    pages = PdfPages()
    done = threading.Event()

    def render() -> None:
        pages.render(pdf, 0, 200)
        done.set()

    try:
        with PDFIUM_LOCK:
            worker = threading.Thread(target=render)
            worker.start()
            # The worker cannot enter pdfium while we hold the lock.
            assert not done.wait(0.3)
        worker.join(60)
        assert done.is_set()
    finally:
        pages.close()


def test_every_module_calling_pdfium_takes_the_one_lock() -> None:
    users = []
    for package in ("app", "printing", "ui", "server"):
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            imports = any(
                (isinstance(node, ast.Import) and any(a.name == "pypdfium2" for a in node.names))
                or (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pypdfium2"))
                for node in ast.walk(tree)
            )
            if imports:
                users.append(path.relative_to(ROOT).as_posix())
                assert "from app.pdfium_lock import PDFIUM_LOCK" in path.read_text(encoding="utf-8"), path
    # The callers the lock is for; a new one must take the lock too (asserted above).
    assert {"app/policies/extract.py", "app/policies/pdfpages.py", "ui/notices/pdfpages.py"} <= set(users)
