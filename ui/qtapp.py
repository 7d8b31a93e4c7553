"""QApplication set-up shared by the staff window, the kiosk and the tests: fonts, language, style.

The bundled CJK font is registered with Qt so Chinese renders the same on a bare machine with no
fonts installed; the translator is chosen from the ``language`` setting (Simplified Chinese, the
source language, by default; English selectable).
"""

from __future__ import annotations

import logging
import sys
from importlib.resources import as_file, files

from PySide6.QtCore import QLibraryInfo, QLocale, QtMsgType, QTranslator, qInstallMessageHandler
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)
qtlog = logging.getLogger("qt")

FONT_FILE = "wqy-microhei.ttc"
#: Rare characters (CJK Extension A, the 《通用规范汉字表》 characters in the extensions such as 䶮 and
#: 𬌗, 𠮷): the same bundled face the PDFs fall back to (printing/fonts.py, docs/printing.md).
FALLBACK_FONT_FILE = "gongkai-han-ext.ttf"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


def _register(file: str) -> str | None:
    with as_file(files("resources") / "fonts" / file) as path:
        font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.error("could not load bundled font %s", file)
        return None
    return families[0]


def load_font() -> str:
    """Register the bundled fonts with Qt; returns the UI family name (or the default family).

    The rare-character face is registered too and substituted for the UI family, so a name such
    as 吉𠮷 shows whole in every view and on the kiosk, on a PC with no CJK fonts installed.
    """
    family = _register(FONT_FILE)
    fallback = _register(FALLBACK_FONT_FILE)
    if family is None:
        return QFont().family()
    if fallback is not None:
        QFont.insertSubstitution(family, fallback)
    return family


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load our .qm for ``language`` (none needed for zh_CN, the source) and Qt's own strings."""
    translators: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_tr = QTranslator(app)
    if qt_tr.load(QLocale(language), "qtbase", "_", qt_dir):
        app.installTranslator(qt_tr)
        translators.append(qt_tr)
    if language != "zh_CN":
        ours = QTranslator(app)
        with as_file(files("resources") / "i18n" / f"gongkai_{language}.qm") as path:
            if ours.load(str(path)):
                app.installTranslator(ours)
                translators.append(ours)
            else:
                log.warning("no translation for %s", language)
    return translators


def _route_qt_messages(mode: QtMsgType, _context: object, message: str) -> None:
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(mode, logging.ERROR)
    qtlog.log(level, message)


def create_application(argv: list[str] | None = None, *, language: str = "zh_CN") -> QApplication:
    """The QApplication with Gongkai's font, style and translators (reuses an existing one)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("Gongkai")
    app.setApplicationDisplayName("公开专区工作台")
    app.setOrganizationName("Gongkai")
    family = load_font()
    font = QFont(family)
    font.setPointSize(11)
    app.setFont(font)
    install_translators(app, language)
    if existing is None:
        qInstallMessageHandler(_route_qt_messages)
    return app
