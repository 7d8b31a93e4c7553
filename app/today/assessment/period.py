"""A calendar month, the period of the self-assessment (the city scores every site monthly)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from app.errors import InputError

_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @classmethod
    def parse(cls, text: str, where: str = "--month") -> Month:
        """``2025-09`` → Month; InputError naming ``where`` otherwise."""
        m = _MONTH.fullmatch(text.strip())
        if not m or not 1 <= int(m.group(2)) <= 12:
            raise InputError(f"{where}：应为 YYYY-MM 月份，如 2025-09，实为“{text}”")
        return cls(int(m.group(1)), int(m.group(2)))

    @property
    def start(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def end(self) -> date:
        """The last day of the month (inclusive)."""
        return date.fromordinal(self.next().start.toordinal() - 1)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def next(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> Month:
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def back(self, n: int) -> list[Month]:
        """The ``n`` months ending with this one, oldest first."""
        months = [self]
        for _ in range(n - 1):
            months.append(months[-1].previous())
        return list(reversed(months))

    @property
    def label(self) -> str:
        return f"{self.year}年{self.month}月"

    @property
    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"
