"""Placing values into translated strings: ``arg(tr("名额 %1，已报名 %2"), a, b)``.

PySide6's ``tr`` returns a Python str (no ``QString.arg``); numbered markers keep the order free
for translators, as in Qt's own API.
"""

from __future__ import annotations


def arg(text: str, *values: str) -> str:
    """Replace %1, %2 … with ``values`` (highest number first, so %1 never eats %10)."""
    for i in range(len(values), 0, -1):
        text = text.replace(f"%{i}", values[i - 1])
    return text
