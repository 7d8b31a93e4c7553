"""Idle detection: no touch, click or key for N seconds returns the kiosk to its home page.

An application-wide event filter restarts a single-shot timer on every user input, so the next
visitor never finds the previous visitor's page (Xibo's long-requested "return to schedule", #3078).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_ACTIVITY = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.Wheel,
    QEvent.Type.KeyPress,
}


class IdleWatcher(QObject):
    """Emits ``idle`` after ``seconds`` without user input.

    Signals:
        idle: the screen has been left alone for the whole interval.
    """

    idle = Signal()

    def __init__(self, seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_seconds(seconds)

    def set_seconds(self, seconds: float) -> None:
        """Change the interval (a no-op when unchanged, so a reload does not postpone the return)."""
        ms = max(1, int(seconds * 1000))
        if ms != self._timer.interval() or not self._timer.isActive():
            self._timer.setInterval(ms)
            self._timer.start()

    def poke(self) -> None:
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _ACTIVITY:
            self._timer.start()
        return False
