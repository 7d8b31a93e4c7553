"""Information-processing fees (信息处理费): 国办函〔2020〕109号《政府信息公开信息处理费管理办法》.

Information is provided free of charge (条例第四十二条); a fee may be charged only where volume or
frequency clearly exceeds a reasonable range, on one of two progressive (超额累进) scales, and only
one scale per application:

- 按件 (per application), counted per applicant per natural month: the 1st–10th application free,
  the 11th–30th 100元 each, from the 31st each further band of 10 costs 100元 more per application.
- 按量 (per page; paper copies, email and copies of electronic data): up to 30 pages free,
  pages 31–100 10元/页, 101–200 20元/页, from 201 40元/页.

The bands are national figures kept here as one data table (``PAGE_BANDS`` / ``COUNT_*``) rather
than scattered constants.
"""

from __future__ import annotations

from dataclasses import dataclass

BASIS = "国办函〔2020〕109号《政府信息公开信息处理费管理办法》"

#: (first page of the band, last page or None for open-ended, yuan per page)
PAGE_BANDS: tuple[tuple[int, int | None, int], ...] = (
    (1, 30, 0),
    (31, 100, 10),
    (101, 200, 20),
    (201, None, 40),
)
COUNT_FREE = 10  # applications per applicant per month that are free
COUNT_FLAT_UNTIL = 30  # the 11th–30th cost COUNT_STEP each
COUNT_STEP = 100  # yuan; and the increase for each further band
COUNT_BAND = 10  # applications per band above COUNT_FLAT_UNTIL


def per_application_fee(nth_in_month: int) -> int:
    """The fee in yuan for an applicant's ``nth_in_month`` application in a natural month (按件)."""
    if nth_in_month <= COUNT_FREE:
        return 0
    if nth_in_month <= COUNT_FLAT_UNTIL:
        return COUNT_STEP
    bands_above = -(-(nth_in_month - COUNT_FLAT_UNTIL) // COUNT_BAND)  # ceil
    return COUNT_STEP + COUNT_STEP * bands_above


def per_page_fee(pages: int) -> int:
    """The fee in yuan for ``pages`` pages in one application, progressive over the bands (按量)."""
    total = 0
    for first, last, price in PAGE_BANDS:
        upper = pages if last is None else min(pages, last)
        if upper >= first:
            total += (upper - first + 1) * price
    return total


@dataclass(frozen=True)
class FeeQuote:
    """What may be charged for one application; ``applies`` is False when both scales give 0."""

    nth_in_month: int
    pages: int
    by_count: int
    by_pages: int

    @property
    def applies(self) -> bool:
        return self.by_count > 0 or self.by_pages > 0

    @property
    def text(self) -> str:
        """One line for the staff view and letters."""
        if not self.applies:
            return f"不收费（本月第 {self.nth_in_month} 件申请，{self.pages} 页；{BASIS}）"
        parts = []
        if self.by_count:
            parts.append(f"按件：本月第 {self.nth_in_month} 件，{self.by_count} 元")
        if self.by_pages:
            parts.append(f"按量：{self.pages} 页，{self.by_pages} 元")
        return "可收取信息处理费（两种标准只能选一种）：" + "；".join(parts) + f"（{BASIS}）"


def quote(nth_in_month: int, pages: int) -> FeeQuote:
    return FeeQuote(nth_in_month, pages, per_application_fee(nth_in_month), per_page_fee(pages))
