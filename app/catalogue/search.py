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

import heapq
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

SEP = "\x00"
#: the shortest pinyin spelling of a synonym that is looked up as the synonym (see CatalogueIndex)
MIN_SPELLED_SYNONYM = 4
V = TypeVar("V")


_CHUNK = re.compile(r"[\u3400-\u9fff]+|[A-Za-z0-9]+")


@lru_cache(maxsize=65536)
def _pinyin_chunk(chunk: str) -> tuple[str, str]:
    from pypinyin import Style, lazy_pinyin  # imported on first use: keeps start-up fast (bench/startup.py)

    syllables = [s.lower() for s in lazy_pinyin(chunk, style=Style.NORMAL, errors="ignore")]
    return "".join(syllables), "".join(s[0] for s in syllables if s)


@lru_cache(maxsize=65536)
def _pinyin_one(text: str) -> tuple[str, str]:
    # Chunks between punctuation are converted (and cached) separately: "审核信息（东营村第一批）"
    # shares "审核信息" with every other village's item, and phrases never span punctuation.
    parts = [_pinyin_chunk(c) for c in _CHUNK.findall(text)]
    return "".join(p[0] for p in parts), "".join(p[1] for p in parts)


def pinyin_forms(texts: Iterable[str]) -> tuple[str, str]:
    """(full pinyin, initials) of each text, lower case, texts joined by "|" so hits stay inside one.

    Computed once per distinct text (and per chunk within it): 一级事项 repeat across many items,
    and pypinyin's phrase segmentation is the slowest step of an import.
    """
    parts = [_pinyin_one(t) for t in texts if t]
    return "|".join(p[0] for p in parts), "|".join(p[1] for p in parts)


@dataclass(frozen=True)
class IndexedItem:
    title: str
    pinyin: str  # "full|initials"
    values: tuple[str, ...]  # every other field's text


class _Blob:
    """One concatenated text with the start offset of each part."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.starts: list[int] = []
        pos = 0
        for t in texts:
            self.starts.append(pos)
            pos += len(t) + 1
        self.text = SEP.join(texts)

    def iter_hits(self, needle: str) -> Iterator[int]:
        """Indices of the parts containing ``needle``, in order, each once."""
        text, starts, n = self.text, self.starts, len(self.starts)
        pos = 0
        while True:
            pos = text.find(needle, pos)
            if pos < 0:
                return
            i = bisect_right(starts, pos) - 1
            yield i
            pos = starts[i + 1] if i + 1 < n else len(text)

    def contains(self, i: int, needle: str) -> bool:
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.text)
        return self.text.find(needle, self.starts[i], end) >= 0


_ASCII = re.compile(r"^[a-z0-9]+$")


class SearchIndex(Generic[V]):
    """The active items, in catalogue order, ready to be searched; ``payloads`` are returned as hits.

    Other-field texts are interned: the same 公开依据 or 公开主体 shared by thousands of items is stored
    and scanned once, and a hit in it expands to its items through a posting list.
    """

    def __init__(
        self, items: Sequence[IndexedItem], payloads: Sequence[V], synonyms: Sequence[tuple[str, str]]
    ) -> None:
        self.payloads = list(payloads)
        self.titles = _Blob([it.title.lower() for it in items])
        self.pinyin = _Blob([it.pinyin for it in items])
        value_ids: dict[str, int] = {}
        postings: list[list[int]] = []
        self.item_values: list[tuple[int, ...]] = []
        for i, it in enumerate(items):
            ids = []
            for v in it.values:
                v = v.lower()
                if not v:
                    continue
                vid = value_ids.setdefault(v, len(value_ids))
                if vid == len(postings):
                    postings.append([])
                if not postings[vid] or postings[vid][-1] != i:
                    postings[vid].append(i)
                ids.append(vid)
            self.item_values.append(tuple(ids))
        self.values = _Blob(list(value_ids))
        self.postings = postings
        self.synonyms: dict[str, list[str]] = {}
        for short, full in synonyms:
            self.synonyms.setdefault(short.lower(), []).append(full.lower())
        self._synonym_pairs = list(synonyms)
        self._spelled: dict[str, list[str]] | None = None

    def spelled_synonyms(self) -> dict[str, list[str]]:
        """The abbreviations typed in pinyin ("dibao" for 低保 -> 最低生活保障): the titles' pinyin
        holds "zuidishenghuobaozhang", in which "dibao" never occurs. Short spellings (two letters,
        "yb") would match too much and are left to the initials index.

        Made on the first pinyin query, not with the index: importing pypinyin holds Python's GIL
        for 100–200 ms (its phrase dictionary), which the window would feel on a Chinese query."""
        if self._spelled is None:
            spelled: dict[str, list[str]] = {}
            for short, full in self._synonym_pairs:
                text = _pinyin_one(short)[0]
                if len(text) >= MIN_SPELLED_SYNONYM and text != short.lower():
                    spelled.setdefault(text, []).append(full.lower())
            self._spelled = spelled
        return self._spelled

    def variants(self, term: str) -> list[str]:
        """The term and what its abbreviations stand for (低保名单 -> 最低生活保障名单)."""
        out = [term]
        table = self.synonyms
        if _ASCII.match(term) and len(term) >= MIN_SPELLED_SYNONYM:
            table = {**table, **self.spelled_synonyms()}
        for short, fulls in table.items():
            if short in term:
                out += [term.replace(short, f) for f in fulls]
        return list(dict.fromkeys(out))

    def _body_hits(self, needle: str) -> Iterator[int]:
        lists = [self.postings[vid] for vid in self.values.iter_hits(needle)]
        return heapq.merge(*lists) if len(lists) != 1 else iter(lists[0])

    def search(self, query: str, limit: int = 50) -> list[V]:
        """Title hits first, then pinyin hits, then hits in any other field; every term must match."""
        terms = [t for t in query.replace(SEP, " ").lower().split() if t]
        if not terms or limit <= 0:
            return []
        first, rest = terms[0], terms[1:]
        first_variants = self.variants(first)
        rest_variants = [self.variants(t) for t in rest]
        sources: list[Iterator[int]] = [self.titles.iter_hits(v) for v in first_variants]
        if _ASCII.match(first):
            sources.append(self.pinyin.iter_hits(first))
        seen: set[int] = set()
        found: list[int] = []
        for source in sources:
            if self._collect(source, rest_variants, seen, found, limit):
                break
        else:
            for v in first_variants:
                if self._collect(self._body_hits(v), rest_variants, seen, found, limit):
                    break
        return [self.payloads[i] for i in found]

    def _collect(
        self, source: Iterator[int], rest: list[list[str]], seen: set[int], found: list[int], limit: int
    ) -> bool:
        for i in source:
            if i in seen:
                continue
            seen.add(i)
            if all(self._hits(i, vs) for vs in rest):
                found.append(i)
                if len(found) >= limit:
                    return True
        return False

    def _hits(self, i: int, variants: list[str]) -> bool:
        for v in variants:
            if self.titles.contains(i, v) or any(v in self.values_text(vid) for vid in self.item_values[i]):
                return True
            if _ASCII.match(v) and self.pinyin.contains(i, v):
                return True
        return False

    def values_text(self, vid: int) -> str:
        b = self.values
        end = b.starts[vid + 1] - 1 if vid + 1 < len(b.starts) else len(b.text)
        return b.text[b.starts[vid] : end]
