"""As-you-type catalogue search: Chinese substrings of any length, pinyin, initials and synonyms.

Why not SQLite FTS5: its trigram tokenizer cannot answer one- and two-character queries (the commonest
kind for Chinese: 低保, 医保, 村), and its shadow tables would sit outside the Alembic models. Instead
the active items are held in memory as three concatenated texts — titles (一级/二级/三级事项), their
pinyin (full and initials, precomputed with pypinyin when the item is written), and every other field —
and a query is a C-speed ``str.find`` walk that jumps to the next item after each hit. Title hits
come first, then pinyin hits, then hits in other fields. bench/search.py compares it with FTS5.

The index is rebuilt when the catalogue's version number or the synonym table changes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pypinyin import Style, lazy_pinyin

SEP = "\x00"


def pinyin_forms(texts: Iterable[str]) -> tuple[str, str]:
    """(full pinyin, initials) of each text, lower case, texts joined by "|" so hits stay inside one."""
    full, initials = [], []
    for text in texts:
        if not text:
            continue
        syllables = [s.lower() for s in lazy_pinyin(text, style=Style.NORMAL, errors="ignore")]
        full.append("".join(syllables))
        initials.append("".join(s[0] for s in syllables if s))
    return "|".join(full), "|".join(initials)


@dataclass(frozen=True)
class IndexedItem:
    item_id: int
    title: str
    pinyin: str  # "full|initials"
    body: str


class _Blob:
    """One concatenated text with the start offset of each item."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.starts: list[int] = []
        parts: list[str] = []
        pos = 0
        for t in texts:
            self.starts.append(pos)
            parts.append(t)
            pos += len(t) + 1
        self.text = SEP.join(parts)

    def scan(self, needle: str, want: int, seen: set[int], out: list[int]) -> None:
        """Append to ``out`` the indices of items containing ``needle``, in order, until ``want`` reached."""
        text, starts, n = self.text, self.starts, len(self.starts)
        pos = 0
        while len(out) < want:
            pos = text.find(needle, pos)
            if pos < 0:
                return
            i = bisect_right(starts, pos) - 1
            if i not in seen:
                seen.add(i)
                out.append(i)
            pos = starts[i + 1] if i + 1 < n else len(text)

    def contains(self, i: int, needle: str) -> bool:
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.text)
        return self.text.find(needle, self.starts[i], end) >= 0


_ASCII = re.compile(r"^[a-z0-9]+$")


class SearchIndex:
    """The active items, in catalogue order, ready to be searched."""

    def __init__(self, items: Sequence[IndexedItem], synonyms: Sequence[tuple[str, str]]) -> None:
        self.ids = [it.item_id for it in items]
        self.titles = _Blob([it.title.lower() for it in items])
        self.pinyin = _Blob([it.pinyin for it in items])
        self.bodies = _Blob([it.body.lower() for it in items])
        self.synonyms: dict[str, list[str]] = {}
        for short, full in synonyms:
            self.synonyms.setdefault(short.lower(), []).append(full.lower())

    def variants(self, term: str) -> list[str]:
        """The term and what its abbreviations stand for (低保名单 -> 最低生活保障名单)."""
        out = [term]
        for short, fulls in self.synonyms.items():
            if short in term:
                out += [term.replace(short, f) for f in fulls]
        return list(dict.fromkeys(out))

    def search(self, query: str, limit: int = 50) -> list[int]:
        """Item ids, title hits first, then pinyin hits, then hits in any other field."""
        terms = [t for t in query.replace(SEP, " ").lower().split() if t]
        if not terms or limit <= 0:
            return []
        first, rest = terms[0], terms[1:]
        rest_variants = [self.variants(t) for t in rest]
        seen: set[int] = set()
        found: list[int] = []
        # With several terms, collect generously and filter on the others afterwards.
        want = limit if not rest else len(self.ids)
        for v in self.variants(first):
            self.titles.scan(v, want, seen, found)
        if _ASCII.match(first):
            self.pinyin.scan(first, want, seen, found)
        for v in self.variants(first):
            self.bodies.scan(v, want, seen, found)
        if rest:
            found = [i for i in found if all(self._hits(i, vs) for vs in rest_variants)]
        return [self.ids[i] for i in found[:limit]]

    def _hits(self, i: int, variants: list[str]) -> bool:
        for v in variants:
            if self.titles.contains(i, v) or self.bodies.contains(i, v):
                return True
            if _ASCII.match(v) and self.pinyin.contains(i, v):
                return True
        return False
