"""Showing app/'s words in the window's language: messages, labels and dates.

app/ hands over ``Message`` values (app/messages.py: a template and its arguments), fixed labels
(statuses, template names, action labels: Chinese source strings registered for translation) and
plain dates. This module turns them into text at display time: templates and labels through Qt's
translator (context "Messages" for messages; the label's own context otherwise), dates through
QLocale in the language the window runs in (``QLocale.setDefault`` in ui/qtapp.py).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from app.messages import CONTEXT, Message


def day_text(d: date) -> str:
    """A day as the page writes it: ``12月4日（周五）`` in Chinese, ``Fri 4 Dec`` in English."""
    pattern = QCoreApplication.translate("Dates", "M月d日（ddd）")
    return QLocale().toString(QDate(d.year, d.month, d.day), pattern)


def full_day_text(d: date) -> str:
    """A day with its year: ``2026年12月4日（周五）`` / ``Friday 4 December 2026``."""
    pattern = QCoreApplication.translate("Dates", "yyyy年M月d日（ddd）")
    return QLocale().toString(QDate(d.year, d.month, d.day), pattern)


def message_text(message: Message | None, fallback: str = "") -> str:
    """``message`` in the window's language (``fallback`` when there is none)."""
    if message is None:
        return fallback
    return message.render(lambda text: QCoreApplication.translate(CONTEXT, text), day_text)


def error_text(exc: BaseException) -> str:
    """An expected failure in the window's language when app/ gave it as a message (a refused
    permission), else its text as app/ wrote it."""
    message = getattr(exc, "message", None)
    return message_text(message) if isinstance(message, Message) else str(exc)


def app_label(text: str, context: str = "Labels") -> str:
    """One of app/'s fixed words (a status, a template name) in the window's language."""
    return QCoreApplication.translate(context, text) if text else ""


__all__ = ["app_label", "day_text", "error_text", "full_day_text", "message_text"]
