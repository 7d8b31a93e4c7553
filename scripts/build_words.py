"""Make resources/dict/words.txt, the word list the line breaker segments titles and headers with.

    .venv/bin/python scripts/build_words.py

jieba's own dictionary has 349,046 entries and takes about a second to load; line breaking needs
only to know which characters belong together. We keep the words of 2–8 characters with a frequency
of at least ``MIN_FREQ`` (about 46,000 entries, loaded in under 0.1 s) and add the administrative terms
of resources/dict/admin_terms.txt with a high frequency, so that 最低生活保障 or 特困人员 are never
broken. jieba and its dictionary are MIT-licensed (resources/dict/LICENSE-jieba.txt).
"""

from __future__ import annotations

import sys
from pathlib import Path

import jieba

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "dict"
MIN_FREQ = 50
TERM_FREQ = 100_000


def main() -> int:
    source = Path(jieba.__file__).with_name("dict.txt")
    words: dict[str, int] = {}
    for line in source.read_text("utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) >= 2 and 2 <= len(parts[0]) <= 8 and int(parts[1]) >= MIN_FREQ:
            words[parts[0]] = int(parts[1])
    for line in (OUT / "admin_terms.txt").read_text("utf-8").splitlines():
        term = line.strip()
        if term and not term.startswith("#"):
            words[term] = max(words.get(term, 0), TERM_FREQ)
    text = "".join(f"{w} {f}\n" for w, f in sorted(words.items()))
    (OUT / "words.txt").write_text(text, "utf-8")
    print(f"words.txt: {len(words)} words, {len(text.encode()) / 1e3:.0f} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
