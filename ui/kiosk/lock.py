"""Keeping the kiosk locked: swallow escape keys, the hidden admin gesture, and the PIN pad.

``KioskLock`` is installed on the QApplication, so it sees every key before any widget or shortcut
does: Esc, Alt+F4, Ctrl+Q, Ctrl+W, Alt+Tab and every other key press simply do nothing (a touch
screen has no keyboard; a plugged-in one must not be a way out). Only digits, Backspace and Enter
reach the PIN pad while it is open. Shortcuts the window manager takes before the application
(Ctrl+Alt+Del, the OS's own Alt+Tab) belong to the OS kiosk session (docs/ARCHITECTURE.md).

``TapCounter`` recognises the hidden gesture: five taps within three seconds on the clock's corner.
``PinDialog`` is the number pad; after five wrong PINs the service (app.lockout.PinGuard) locks it
for a minute, and the pad shows the countdown with its keys disabled.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.lockout import PIN_THRESHOLD, PinAttempt

_BLOCKED_EVENTS = (
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.Shortcut,
)
_PIN_KEYS = {
    Qt.Key.Key_Backspace,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    *(Qt.Key(Qt.Key.Key_0.value + i) for i in range(10)),
}


class KioskLock(QObject):
    """An application-wide event filter that makes the keyboard inert (except on the PIN pad)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.ContextMenu:
            return True
        if kind not in _BLOCKED_EVENTS:
            return False
        return not (isinstance(event, QKeyEvent) and self._for_pin_pad(event))

    @staticmethod
    def _for_pin_pad(event: QKeyEvent) -> bool:
        modal = QApplication.activeModalWidget()
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        return isinstance(modal, PinDialog) and plain and Qt.Key(event.key()) in _PIN_KEYS


class TapCounter:
    """Counts taps; ``tap()`` returns True on the ``needed``-th tap within ``window`` seconds."""

    def __init__(
        self, needed: int = 5, window: float = 3.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._needed = needed
        self._window = window
        self._clock = clock
        self._taps: deque[float] = deque(maxlen=needed)

    def tap(self) -> bool:
        now = self._clock()
        self._taps.append(now)
        if len(self._taps) == self._needed and now - self._taps[0] <= self._window:
            self._taps.clear()
            return True
        return False


class PinDialog(QDialog):
    """An on-screen number pad asking for the exit PIN.

    Signals:
        verified: the PIN was right (the dialog has closed with Accepted).
    """

    verified = Signal()

    def __init__(
        self,
        attempt: Callable[[str], PinAttempt],
        locked_for: Callable[[], float],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.FramelessWindowHint | Qt.WindowType.Dialog)
        self.setModal(True)
        self._attempt = attempt
        self._locked_for = locked_for
        self._digits = ""
        self._keys: list[QPushButton] = []
        self._unlock = QTimer(self)
        self._unlock.setInterval(1000)
        self._unlock.timeout.connect(self._tick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(16)
        title = QLabel(self.tr("管理员退出：请输入退出密码"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        self.display = QLabel(" ")
        self.display.setProperty("role", "headline")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.display)
        self.message = QLabel(" ")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.message)
        grid = QGridLayout()
        grid.setSpacing(12)
        for i, digit in enumerate("1234567890"):
            key = self._key(digit)
            self._keys.append(key)
            key.clicked.connect(partial(self.press, digit))
            row, col = (i // 3, i % 3) if i < 9 else (3, 1)
            grid.addWidget(key, row, col)
        back = self._key(self.tr("⌫ 删除"))
        back.clicked.connect(self.backspace)
        grid.addWidget(back, 3, 0)
        ok = self._key(self.tr("✓ 确定"))
        self._keys += [back, ok]
        ok.clicked.connect(self.submit)
        ok.setProperty("role", "primary")
        grid.addWidget(ok, 3, 2)
        layout.addLayout(grid)
        cancel = QPushButton(self.tr("✕ 取消，返回触摸屏"))
        cancel.clicked.connect(self.reject)
        layout.addWidget(cancel)
        if self._locked_for() > 0:
            self._lock()

    @staticmethod
    def _key(text: str) -> QPushButton:
        button = QPushButton(text)
        button.setProperty("role", "key")
        button.setMinimumSize(120, 80)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def press(self, digit: str) -> None:
        if self._unlock.isActive():
            return
        if len(self._digits) < 12:
            self._digits += digit
        self._show()

    def backspace(self) -> None:
        self._digits = self._digits[:-1]
        self._show()

    def _show(self) -> None:
        self.display.setText("●" * len(self._digits) or " ")

    def submit(self) -> None:
        if not self._digits or self._unlock.isActive():
            return
        result = self._attempt(self._digits)
        self._digits = ""
        self._show()
        if result.ok:
            self.verified.emit()
            self.accept()
        elif result.locked_for > 0:
            self._lock()
        else:
            self.message.setText(
                self.tr("✕ 密码不正确，还可再试 %1 次").replace("%1", str(result.tries_left))
            )

    def is_locked(self) -> bool:
        return self._unlock.isActive()

    def _lock(self) -> None:
        """Too many wrong PINs: the keys stop working and a countdown shows until the lock ends."""
        for key in self._keys:
            key.setEnabled(False)
        self._unlock.start()
        self._tick()

    def _tick(self) -> None:
        left = self._locked_for()
        if left <= 0:
            self._unlock.stop()
            for key in self._keys:
                key.setEnabled(True)
            self.message.setText(" ")
            return
        seconds = int(-(-left // 1))
        self.message.setText(
            self.tr("✕ 输错 %1 次，请 %2 秒后再试")
            .replace("%1", str(PIN_THRESHOLD))
            .replace("%2", str(seconds))
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = Qt.Key(event.key())
        if Qt.Key.Key_0.value <= key.value <= Qt.Key.Key_9.value:
            self.press(str(key.value - Qt.Key.Key_0.value))
        elif key == Qt.Key.Key_Backspace:
            self.backspace()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        # Esc and everything else: nothing (the 取消 button closes the pad).
