"""Word boundaries of Chinese text for line breaking (titles and table headers), with jieba.

GB/T 9704-2012 §7.3.1: a title broken over lines keeps its words whole (回行时词意完整). jieba segments
the text; its dictionary here is the reduced word list of resources/dict/words.txt (jieba's own
dictionary cut to about 46,000 entries plus our administrative terms, scripts/build_words.py), loaded
on the first title that needs breaking: jieba is imported lazily, the list loads in under 0.1 s and
no cache file is written. Segmentation is dictionary-only (no HMM guessing of unknown words); runs of
single characters that the dictionary does not know (a village's or a person's name) are treated as
one word by ``boundaries``.
"""

from __future__ import annotations

import logging
import threading
import warnings
from functools import lru_cache
from importlib import resources as importlib_resources
from typing import Any

__all__ = ["boundaries", "break_costs", "segment"]

_lock = threading.Lock()
_tokenizer: Any = None


def _load() -> Any:
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                with warnings.catch_warnings():  # jieba 0.42 imports pkg_resources
                    warnings.simplefilter("ignore", DeprecationWarning)
                    import jieba  # imported on first use: start-up must not pay for it (bench/startup.py)

                jieba.setLogLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                words = importlib_resources.files("resources") / "dict" / "words.txt"
                with words.open("rb") as fh:
                    tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(fh)
                tokenizer.initialized = True  # the word list is loaded; no cache file
                _tokenizer = tokenizer
    return _tokenizer


@lru_cache(maxsize=4096)
def segment(text: str) -> tuple[str, ...]:
    """``text`` as jieba's words (dictionary only)."""
    return tuple(_load().cut(text, HMM=False))


@lru_cache(maxsize=4096)
def boundaries(text: str) -> frozenset[int]:
    """Indexes ``i`` (0 < i < len) where a line may break between words of ``text``.

    Two neighbouring single CJK characters the dictionary does not join are kept together when
    both are "unknown" (a run of single characters is most often a name: 唐王, 东唐村), except
    around common function characters (的, 和, 及, 与, 对, 在, 为, 年, 月, 日).
    """
    words = segment(text)
    cuts: set[int] = set()
    pos = 0
    for k, w in enumerate(words):
        end = pos + len(w)
        if 0 < end < len(text):
            nxt = words[k + 1] if k + 1 < len(words) else ""
            if not _inside_name(w, nxt):
                cuts.add(end)
        pos = end
    return frozenset(cuts)


_FUNCTION = frozenset("的和及与对在为年月日第批拟关于于等之、，。：；（）《》“”")


def _single_cjk(w: str) -> bool:
    return len(w) == 1 and ord(w) >= 0x3400


def _inside_name(before: str, after: str) -> bool:
    return _single_cjk(before) and _single_cjk(after) and before not in _FUNCTION and after not in _FUNCTION


#: Kinds of places that follow a name (a break before them splits the place's name).
_PLACE_SUFFIXES = ("街道", "镇", "乡", "村", "社区", "居委会", "办事处", "区", "县", "市", "省")

#: Where a title reads best broken: after these words (关于…的 / …、).
_GOOD_AFTER = frozenset(["的", "关于", "、", "，", "：", "）", "”", "》", "和", "及", "与"])


@lru_cache(maxsize=4096)
def break_costs(text: str) -> dict[int, float]:
    """Boundaries between words of ``text`` with the cost of a line break there.

    0 after a function word or punctuation (…的 / 关于…), 1 between ordinary words, 3 after a
    single character word that is not a function word (a break there reads as a cut word).
    """
    words = segment(text)
    allowed = boundaries(text)
    costs: dict[int, float] = {}
    pos = 0
    for w in words:
        pos += len(w)
        if pos in allowed:
            nxt = text[pos : pos + 3]
            if w in _GOOD_AFTER or w[-1] in "、，：；）”》":
                costs[pos] = 0.0
            elif nxt.startswith("的"):
                costs[pos] = 3.0  # "…对象|的公示": 的 belongs to the words before it
            elif nxt.startswith(_PLACE_SUFFIXES):
                costs[pos] = 10.0  # 唐王|街道, 东营|镇: a place's name and its kind read as one
            elif _single_cjk(w) and w not in _FUNCTION:
                costs[pos] = 3.0
            else:
                costs[pos] = 1.0
    return costs
