"""Guard against a Qt binding that leaks references to None/True (PySide6 6.12.0 did).

A leak of one reference per call aborts the process ("none_dealloc") after a few thousand calls,
i.e. within minutes for a window with a ticking clock. pyproject.toml excludes the bad release;
this test keeps a future upgrade from bringing it back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel


class _Emitter(QObject):
    fired = Signal(bool)


def test_void_calls_and_emits_keep_none_and_true_balanced(qapp: QApplication) -> None:
    label = QLabel()
    emitter = _Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        label.setText("公开")
        emitter.fired.emit(True)
    assert abs(sys.getrefcount(None) - none_before) < 50
    assert abs(sys.getrefcount(True) - true_before) < 50
