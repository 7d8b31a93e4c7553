"""Chinese line breaking with 禁则 (kinsoku) rules for the printing core.

Responsibility: split one paragraph of mixed Chinese/Latin text into lines that
fit a given width, pure Python and independent of ReportLab (the caller passes
a character-width function).  ``printing.text.CJKText`` draws the result.

Why not ReportLab's ``ParagraphStyle(wordWrap="CJK")``?  Tested with ReportLab
4.x/5.x on the bundled font: its splitter ("cut like a knife" plus one hanging
character) only knows a Japanese list of closing marks, so lines still begin
with ，；：？！》”’…— (U+FF0C etc. are not in ``ALL_CANNOT_START``); it ignores
``CANNOT_END_LINE`` entirely, so lines end with （《“; and it cuts URLs and long
numbers in the middle even when they would fit on the next line.  On a test
paragraph, 74 of 120 widths between 100 and 460 pt produced a violation.

The rules implemented here (GB/T 15834-2011 标点符号用法 and the W3C "Requirements
for Chinese Text Layout" (clreq) describe the same conventions):

1. A line never *starts* with closing punctuation (``CLOSING``: ，。、；：？！）》」』”’…—
   and friends, including their ASCII forms).  Runs such as ``。”`` or ``——`` or
   ``……`` therefore stay attached to the preceding character.
2. A line never *ends* with opening punctuation (``OPENING``: （《「『“‘ ...).
3. Runs of Latin letters/digits, including numbers like ``2026-03-16``, ``1,000.5``
   and URLs like ``https://x.gov.cn/a?b=1``, are not broken, unless the run is
   wider than a whole line; then it breaks preferably *after* a URL separator
   (``/ . - ? & = _ :``), else between characters.
4. Spaces are break opportunities and are dropped at both ends of a line.
5. Dates, times and time ranges, numbers with their unit and masked numbers are not broken
   (``NOBREAK_RE``) unless they are wider than a line.
6. Optionally (titles, table headers) a line breaks only between words: ``allowed`` names the
   boundaries (``printing.words``, jieba); a break inside a word is an emergency like rule 3's.

We use "push-out" (推出) only: when the character that overflows may not start a
line, the break moves back to the previous legal position and the shorter line is
justified by the renderer.  We never hang punctuation into the margin, because the
GB/T 9704 type area (版心, §5.2.1) is a fixed 156 mm.  To reach GB/T 9704's 28
characters per line (§5.2.3) with a 16 pt font in 156 mm (= 27.6 em), a line may
be *compressed* by up to ``squeeze`` points per character gap (the renderer
applies the negative character spacing).

If no legal break exists at all, because the line is narrower than an
unbreakable cluster (由’…… is four characters; thirty opening brackets are
thirty), the algorithm breaks inside the cluster rather than overflow the type
area or a table cell: progress beats rules in pathological input.  Full-width
punctuation is not compressed (标点挤压), which would need per-glyph positioning.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = [
    "NOBREAK_RE",
    "CLOSING",
    "OPENING",
    "Line",
    "balanced_lines",
    "break_lines",
    "violations",
]

#: May not begin a line.  The first group is the list from the brief/GB/T 15834
#: practice; the rest are their full-width/ASCII relatives and marks that belong
#: to the preceding text (percent, degree, middle dot in transliterated names).
CLOSING = frozenset(
    "，。、；：？！）》」』”’…—"  # required set
    + "．〕】〉］｝〗〙｠｡､"  # more full-width closing marks
    + "%％‰℃°′″·・‧"  # units and name separators
    + ",.;:!?)]}-"  # ASCII forms
)

#: May not end a line.
OPENING = frozenset(
    "（《「『“‘"  # required set
    + "〔【〈［｛〖〘｟"  # more full-width opening marks
    + "([{"  # ASCII forms
    + "￥＄$£"  # currency signs stay with their amount
)

# Characters that form unbreakable "words": ASCII and full-width letters/digits,
# Latin-1/Latin Extended letters.
_WORD = r"0-9A-Za-z\u00C0-\u024F\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A"
# Separators that may sit *inside* a word when followed by more word characters:
# decimals, thousands separators, dates, times, URLs, e-mail addresses.
_JOIN = r"\-._/:?=&%#@+~,'"
_WORD_RE = re.compile(rf"[{_WORD}]+(?:[{_JOIN}]+[{_WORD}]+)*/?")

# Facts that read as one unit and must not be split over two lines (rule 5): dates and times as
# people write them (2026年3月16日, 12月16日（周三）, 上午9:00—11:00), a number with its unit (1280元,
# 7个工作日), masked identity and phone numbers (37*************413, 138****8842).
NOBREAK_RE = re.compile(
    r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日(?:[（(](?:周|星期)[一二三四五六日天][）)])?)?)?"
    r"|\d{1,2}月\d{1,2}日(?:[（(](?:周|星期)[一二三四五六日天][）)])?"
    r"|(?:\d{1,2}日)?[（(](?:周|星期)[一二三四五六日天][）)]"
    r"|(?:上午|下午|中午|晚上|早上)?\d{1,2}[:：]\d{2}(?:\s*[—–\-~～至到]{1,2}\s*(?:上午|下午|中午|晚上)?\d{1,2}[:：]\d{2})?"
    r"|\d+(?:[.,]\d+)*(?:个工作日|个月|万元|元|人|户|日|天|个|岁|项|条|份|次|年|周|%|％|号|时|分|小时|平方米|亩)"
    r"|[0-9０-９][0-9０-９\-－]*[*＊]+[0-9０-９*＊]*[0-9０-９Xx]"
    r"|[0-9０-９]*[*＊]+[0-9０-９*＊]*[0-9０-９Xx]"
    r"|\d{3,4}-\d{7,8}(?:-\d{1,6})?"
    r"|(?:周|星期)[一二三四五六日天]"
    r"|[（(][^（）()\s]{1,5}[）)]"  # a short aside such as （共7日） or （周二）
)

# After these a long URL/number may be broken if it has to be (rule 3).
_URL_BREAK_AFTER = frozenset("/.-?&=_:")

# Punctuation below U+2E80 that behaves like a CJK character in Chinese text.
_WIDE_PUNCT = frozenset("—…‘’“”·–")

# Break classes for the boundary *before* character i, best first.
_NORMAL = 0  # ordinary legal break
_SOFT = 1  # inside a word, date or number with its unit (only if nothing better fits)
_URL = 2  # inside a Latin run, after a URL separator (emergency only)
_INWORD = 3  # inside a Latin run, between characters (emergency only)
_VIOLATE = 4  # would break a kinsoku rule (last resort, pathological input)
_NEVER = 5  # before a space: we break *after* space runs instead

_FUZZ = 1e-6


def _is_space(c: str) -> bool:
    # U+3000 (ideographic space) is deliberately *not* a space here: Chinese
    # text uses it for indentation/alignment and it must survive line starts.
    return c in " \t\u00a0\u2002\u2003\u2009"


def _is_wide(c: str) -> bool:
    o = ord(c)
    if 0xFF10 <= o <= 0xFF5A and c.isalnum():  # full-width digits/letters act as Latin
        return False
    return o >= 0x2E80 or c in _WIDE_PUNCT


def _kinsoku_ok(before: str, after: str) -> bool:
    """May a line end with ``before`` and the next one start with ``after``?"""
    return after not in CLOSING and before not in OPENING


@dataclass(frozen=True, slots=True)
class Line:
    """One output line.

    ``start``/``end`` index the source text (``end`` exclusive, including any
    dropped spaces), so callers can re-flow the remainder after a page split.
    ``width`` is the natural width in points without trailing spaces.
    ``hard`` is True for the last line of the text or a line ended by ``\\n``;
    renderers justify only soft lines.
    """

    text: str
    start: int
    end: int
    width: float
    hard: bool


def _classes(s: str, allowed: frozenset[int] | None = None, offset: int = 0) -> list[int]:
    """Break class of the boundary before each character of one segment.

    ``allowed``: boundaries (indexes into the whole text, ``offset`` = this segment's start) where
    words meet; ordinary breaks elsewhere become ``_SOFT``.
    """
    n = len(s)
    word_id = [-1] * n
    for k, m in enumerate(_WORD_RE.finditer(s)):
        for i in range(m.start(), m.end()):
            word_id[i] = k
    cls = [_NEVER] * n
    prev_nonspace = ""
    for i in range(1, n):
        a, b = s[i - 1], s[i]
        if not _is_space(a):
            prev_nonspace = a
        if _is_space(b):
            cls[i] = _NEVER
        elif _is_space(a):
            cls[i] = _NORMAL if _kinsoku_ok(prev_nonspace, b) else _VIOLATE
        elif not _kinsoku_ok(a, b):
            cls[i] = _VIOLATE
        elif word_id[i] != -1 and word_id[i] == word_id[i - 1]:
            cls[i] = _URL if a in _URL_BREAK_AFTER else _INWORD
        elif _is_wide(a) or _is_wide(b):
            cls[i] = _NORMAL
        else:
            # Adjacent Latin pieces such as "(abc)" or "/path": keep together.
            cls[i] = _URL if a in _URL_BREAK_AFTER else _INWORD
    for m in NOBREAK_RE.finditer(s):
        for i in range(m.start() + 1, m.end()):
            if cls[i] == _NORMAL:
                cls[i] = _SOFT
    if allowed is not None:
        for i in range(1, n):
            if cls[i] == _NORMAL and (offset + i) not in allowed and not _is_space(s[i - 1]):
                cls[i] = _SOFT
    return cls


def _promote_overlong_runs(cls: list[int], widths: list[float], min_width: float) -> None:
    """Allow ordinary breaks inside Latin runs that cannot fit on any line.

    A run between two NORMAL boundaries that is wider than the narrowest line
    has to be broken anyway; promoting its URL separators (or, if it has none,
    every character boundary) to NORMAL lets it start on the current line and
    fill it, instead of leaving a nearly empty line before it.
    """
    n = len(cls)
    start = 0
    for end in [*[i for i in range(1, n) if cls[i] in (_NORMAL, _NEVER)], n]:
        if end - start > 1 and sum(widths[start:end]) > min_width + _FUZZ:
            inner = range(start + 1, end)
            present = {cls[i] for i in inner}
            target = next((c for c in (_SOFT, _URL, _INWORD) if c in present), _INWORD)
            for i in inner:
                if cls[i] == target:
                    cls[i] = _NORMAL
        start = end


def _fill_segment(
    s: str,
    offset: int,
    widths: list[float],
    width_for: Callable[[int], float],
    first_line_no: int,
    squeeze: float,
    out: list[Line],
    allowed: frozenset[int] | None = None,
) -> None:
    n = len(s)
    cls = _classes(s, allowed, offset)
    _promote_overlong_runs(cls, widths, min(width_for(0), width_for(1)))
    pos = 0
    line_no = first_line_no
    emitted = False
    while pos < n:
        while pos < n and _is_space(s[pos]):
            pos += 1
        if pos >= n:
            break
        avail = width_for(line_no)
        best: list[int | None] = [None, None, None, None, None]
        used = 0.0
        i = pos
        overflow = False
        while i < n:
            if i > pos and cls[i] < _NEVER:
                best[cls[i]] = i  # breaking here keeps s[pos:i], which fits
            c = s[i]
            new_used = used + widths[i]
            # Spaces may run past the margin: they are dropped at the line end.
            if not _is_space(c) and new_used > avail + squeeze * (i - pos) + _FUZZ:
                overflow = True
                break
            used = new_used
            i += 1
        # Best class first (see _NORMAL.._VIOLATE); with no boundary at all,
        # cut before the overflowing character but take at least one.
        end = next((b for b in best if b is not None), max(i, pos + 1)) if overflow else n
        text = s[pos:end].rstrip(" \t\u00a0\u2002\u2003\u2009")
        width = sum(widths[pos : pos + len(text)])
        out.append(Line(text, offset + pos, offset + end, width, hard=not overflow))
        emitted = True
        pos = end
        line_no += 1
    if not emitted:  # empty or all-space segment: keep it as an empty line
        out.append(Line("", offset, offset + n, 0.0, hard=True))


def break_lines(
    text: str,
    char_width: Callable[[str], float],
    width: float,
    first_width: float | None = None,
    *,
    squeeze: float = 0.0,
    allowed: frozenset[int] | None = None,
) -> list[Line]:
    """Break ``text`` into lines of at most ``width`` points.

    ``char_width(ch)`` returns the advance of one character in points (the
    caller caches it).  ``first_width`` is the width of the first line (smaller
    when the paragraph has a first-line indent).  ``\\n`` forces a line break.
    ``squeeze`` is the compression allowed per character gap, in points.
    ``allowed``: break only between words at these indexes of ``text`` where possible (rule 6).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fw = width if first_width is None else first_width

    def width_for(line_no: int) -> float:
        return fw if line_no == 0 else width

    cache: dict[str, float] = {}
    lines: list[Line] = []
    offset = 0
    for segment in text.split("\n"):
        widths = []
        for ch in segment:
            w = cache.get(ch)
            if w is None:
                w = cache[ch] = char_width(ch)
            widths.append(w)
        _fill_segment(segment, offset, widths, width_for, len(lines), squeeze, lines, allowed)
        offset += len(segment) + 1
    return lines


def balanced_lines(
    text: str,
    char_width: Callable[[str], float],
    width: float,
    *,
    squeeze: float = 0.0,
    costs: dict[int, float] | None = None,
) -> list[Line]:
    """Break like ``break_lines`` but with lines of similar length, between words when ``costs`` is given.

    Used for titles: GB/T 9704-2012 §7.3.1 wants a multi-line title arranged as a trapezoid or
    diamond (梯形或菱形) with its words whole (回行时词意完整), never a full line followed by a stub.
    ``costs`` maps the boundaries between words (``printing.words.break_costs``) to how much a break
    there hurts the sense (0 after 的/关于/punctuation, more inside a phrase). Among the breaks that
    give the fewest lines, we choose the set that minimises the spread of line widths plus those
    costs, preferring a slightly top-heavy block. Without ``costs`` (or when a word is wider than a
    line) every legal boundary is a candidate.
    """
    allowed = frozenset(costs) if costs is not None else None
    lines = break_lines(text, char_width, width, squeeze=squeeze, allowed=allowed)
    if len(lines) < 2 or any(line.hard for line in lines[:-1]):
        return lines  # one line, or explicit line breaks chosen by the author
    widths = [char_width(ch) for ch in text]
    cls = _classes(text, allowed)
    _promote_overlong_runs(cls, widths, width)
    k = len(lines)
    best = _balanced(text, widths, cls, width, squeeze, k, costs or {})
    if costs and (best is None or any(costs.get(line.end, 1.0) >= 3 for line in best[0][:-1])):
        # One line more is worth it when the fewest lines would cut a name or a phrase (唐王|街道).
        more = _balanced(text, widths, cls, width, squeeze, k + 1, costs)
        if more is not None and (best is None or more[1] < best[1]):
            best = more
    return best[0] if best is not None else lines


def _balanced(
    text: str,
    widths: list[float],
    cls: list[int],
    width: float,
    squeeze: float,
    k: int,
    costs: dict[int, float],
) -> tuple[list[Line], float] | None:
    n = len(text)
    prefix = [0.0]
    for w in widths:
        prefix.append(prefix[-1] + w)
    cands = [0, *[i for i in range(1, n) if cls[i] == _NORMAL], n]
    em = max(widths) if widths else 1.0

    def line_width(a: int, b: int) -> float | None:
        while b > a and _is_space(text[b - 1]):
            b -= 1
        while a < b and _is_space(text[a]):
            a += 1
        w = prefix[b] - prefix[a]
        return w if w <= width + squeeze * max(b - a - 1, 0) + _FUZZ else None

    target = prefix[n] / k
    # state: (lines used, end boundary) -> (cost, previous boundary, width of the last line)
    table: dict[tuple[int, int], tuple[float, int, float]] = {(0, 0): (0.0, -1, float("inf"))}
    for j in range(1, k + 1):
        for b in cands[1:]:
            if (j == k) != (b == n):
                continue
            found: tuple[float, int, float] | None = None
            for a in cands:
                if a >= b or (j - 1, a) not in table:
                    continue
                lw = line_width(a, b)
                if lw is None:
                    continue
                prev_cost, _p, prev_w = table[(j - 1, a)]
                cost = prev_cost + (lw - target) ** 2
                if b < n:
                    cost += 2.0 * costs.get(b, 1.0) * em * em
                if lw > prev_w:  # a line longer than the one above: prefer top-heavy blocks
                    cost += 0.25 * (lw - prev_w) ** 2
                if found is None or cost < found[0]:
                    found = (cost, a, lw)
            if found is not None:
                table[(j, b)] = found
    if (k, n) not in table:
        return None
    total = table[(k, n)][0]
    bounds = [n]
    j, b = k, n
    while j > 0:
        b = table[(j, b)][1]
        j -= 1
        bounds.append(b)
    bounds.reverse()
    out = []
    for i in range(k):
        a, b = bounds[i], bounds[i + 1]
        line = text[a:b].strip(" \t\u00a0\u2002\u2003\u2009")
        lead = len(text[a:b]) - len(text[a:b].lstrip(" \t\u00a0\u2002\u2003\u2009"))
        w = prefix[a + lead + len(line)] - prefix[a + lead]
        out.append(Line(line, a, b, w, hard=i == k - 1))
    return out, total


def violations(
    lines: list[str], closing: frozenset[str] = CLOSING, opening: frozenset[str] = OPENING
) -> list[str]:
    """Return the lines that break a kinsoku rule (for tests and diagnostics)."""
    bad = []
    for line in lines:
        stripped = line.strip()
        if stripped and (stripped[0] in closing or stripped[-1] in opening):
            bad.append(line)
    return bad
