"""Font subsets reused across documents (printing/subsets.py) give the very same PDF bytes."""

from __future__ import annotations

from printing import Document, Paragraph, Table, render, subsets


def _doc(name: str) -> Document:
    return Document(
        title="关于拟保障对象的公示",
        blocks=[Paragraph("现将名单予以公示，接受社会监督。"), Table(["序号", "姓名"], [["1", name]])],
    )


def test_cached_subsets_write_the_same_pdf_as_reportlab() -> None:
    subsets.clear()
    first = render(_doc("吉𠮷"))
    again = render(_doc("吉𠮷"))  # subsets from the cache
    with subsets.uncached():
        plain = render(_doc("吉𠮷"))
    assert first == again == plain
    other = render(_doc("张\U0002b740"))  # other characters: other subsets, not a stale one
    assert other != first and b"GongkaiHanExtB" in other
