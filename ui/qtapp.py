"""QApplication set-up shared by the staff window, the kiosk and the tests: fonts, language, style.

The bundled CJK font is registered with Qt so Chinese renders the same on a bare machine with no
fonts installed; the translator is chosen from the ``language`` setting (Simplified Chinese, the
source language, by default; English selectable).
"""

from __future__ import annotations

import logging
import sys
from importlib.resources import as_file, files

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)
qtlog = logging.getLogger("qt")

FONT_FILE = "wqy-microhei.ttc"
#: Rare characters: the same bundled faces the PDFs fall back to, in the same order
#: (printing/fonts.py, docs/printing.md): Gongkai Han Ext (most of CJK Extension A, the
#: 《通用规范汉字表》 characters in the extensions such as 䶮 and 𬌗, 𠮷, Extensions G and H) and
#: Gongkai Han Ext B (the rest of A, all of Extensions B–F). Qt maps the files, it does not read them.
FALLBACK_FONT_FILES = ("gongkai-han-ext.ttf", "gongkai-han-ext-b.ttf")
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

    The rare-character faces are registered too and substituted for the UI family, so a name such
    as 吉𠮷 or one with an Extension B–H character shows whole in every view and on the kiosk, on a
    PC with no CJK fonts installed.
    """
    family = _register(FONT_FILE)
    fallbacks = [f for f in (_register(file) for file in FALLBACK_FONT_FILES) if f is not None]
    if family is None:
        return QFont().family()
    if fallbacks:
        QFont.insertSubstitutions(family, fallbacks)
    return family


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load our .qm for ``language`` (none needed for zh_CN, the source) and Qt's own strings."""
    translators: list[QTranslator] = []
    # Qt's own widgets (date pickers, calendars, file dialogs) take month and day names from the
    # default locale, not from a translator: under an English system locale they stayed English.
    QLocale.setDefault(QLocale(language))
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


#: How long a background thread may keep Python's GIL while the GUI thread waits for it. Every call
#: from Qt into Python (a model's ``data()`` and ``headerData()``, a slot) needs the GIL. At CPython's
#: default of 5 ms, a table sizing its columns while a read-pool thread was turning five years of rows
#: into values waited up to 5 ms for each of hundreds of calls: most of the window's blocking on the
#: five-year site (bench/scale.py with GK_TRACE_BLOCKS=1 showed the GUI thread in pthread_cond_wait
#: under QHeaderView::sectionSizeFromContents). At 0.5 ms the catalogue page still waited: hiding
#: the page before it asks its header's size (a few hundred ``headerData`` calls) while the rows
#: are read. Background work gets a little slower; the window answers at once.
GUI_SWITCH_INTERVAL_S = 0.0001


def create_application(argv: list[str] | None = None, *, language: str = "zh_CN") -> QApplication:
    """The QApplication with Gongkai's font, style and translators (reuses an existing one)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    app.setApplicationName("Gongkai")
    app.setApplicationDisplayName("公开专区工作台")
    app.setOrganizationName("Gongkai")
    app.setDesktopFileName("gongkai")  # ties the windows to the desktop entry the package installs
    with as_file(files("resources") / "icons" / "gongkai-256.png") as icon:
        app.setWindowIcon(QIcon(str(icon)))
    family = load_font()
    font = QFont(family)
    font.setPointSize(11)
    app.setFont(font)
    install_translators(app, language)
    # Qt appends the display name to every window title; translated once the language is known.
    app.setApplicationDisplayName(QCoreApplication.translate("App", "公开专区工作台"))
    if existing is None:
        qInstallMessageHandler(_route_qt_messages)
    return app
