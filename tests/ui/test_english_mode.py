"""English mode (issue 16): with language=en, no Chinese in the main pages except what users typed.

The demo site is opened in the real window under the English translators, exactly as the launcher
does when the ``language`` setting is ``en``. Every visible label, button, tab, group title, combo
entry, text view and table cell (headers and the first rows) of Today, the notices list, the
requests list, the calendar and Settings is read; the data the demo typed in (the site's name,
people's names, notice and request titles, boards, catalogue items and their deadline wording from
the standard catalogue, request numbers, which are official document numbers) is taken out, and
what remains must hold no CJK character: app/'s dates, statuses, template names, Today headlines
and reasons, action labels and confirmations all come translated.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import bootstrap
from app.context import AppContext
from app.paths import DataPaths
from ui.bus import DataBus
from ui.env import UiEnv
from ui.main_window import MainWindow
from ui.qtapp import install_translators
from ui.tasks import TaskRunner

pytestmark = pytest.mark.gui

CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
PAGES = ("today", "notices", "requests", "calendar", "settings")
#: Names of languages are written in their own language in the language chooser.
OWN_NAMES = ("简体中文",)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "en")
    yield
    for t in translators:
        qapp.removeTranslator(t)
    QLocale.setDefault(QLocale("zh_CN"))


@pytest.fixture
def demo() -> Iterator[AppContext]:
    ctx = AppContext.open(DataPaths(Path(tempfile.mkdtemp(prefix="gk-en-"))))
    bootstrap.initialise(ctx, demo=True, **bootstrap.DEMO_SITE)  # type: ignore[arg-type]
    ctx.settings.set("language", "en")
    yield ctx
    ctx.close()


def typed_by_users(ctx: AppContext) -> list[str]:
    """Everything the demo typed in that the pages may show, longest first."""
    site = ctx.sites.get()
    found: set[str] = {site.name if site else "", *OWN_NAMES}
    found |= {u.label for u in ctx.users.list()} | {u.name for u in ctx.users.list()}
    for n in ctx.notices.list():
        found |= {n.title, n.issuer}
    for b in ctx.notices.boards(include_inactive=True):
        found |= {b.name, b.village, f"{b.village}{b.name}"}
    for r in ctx.requests.list():
        found |= {r.number, r.applicant_name, r.description.strip().replace("\n", " ")}
        found |= {r.description.strip().replace("\n", " ")[:24] + "…"}
    for item in ctx.catalogue.items():
        found |= {item.title, item.data.domain, item.data.level1, item.data.level2, item.data.level3}
    for entry in ctx.catalogue.compliance(ctx.clock.today(), within_workdays=3):
        found |= {entry.rule_text, entry.item.title}
    for doc in ctx.policies.list(limit=2000):
        found.add(doc.title)
    today = ctx.clock.today()
    from datetime import timedelta

    for occ in ctx.events.occurrences(today - timedelta(days=70), today + timedelta(days=70)):
        found |= {occ.title, occ.place}
    for ev in ctx.events.closing_reports_due(today):
        found.add(ev.title)
    for a in ctx.events.adoption_due(today):
        found.add(a.title)
    return sorted((s for s in found if s), key=len, reverse=True)


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root):
            continue
        if isinstance(w, QLabel):
            out.append((w.objectName() or "label", w.text()))
        elif isinstance(w, QAbstractButton):
            out.append(("button", w.text()))
        elif isinstance(w, QGroupBox):
            out.append(("group", w.title()))
        elif isinstance(w, QTabBar):
            out += [("tab", w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QTextEdit):
            out.append(("text", w.toPlainText()))
        elif isinstance(w, QComboBox):
            out += [("combo", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount()
            except TypeError:  # a list model
                columns = 1
            out += [
                ("header", str(model.headerData(c, Qt.Orientation.Horizontal) or "")) for c in range(columns)
            ]
            for r in range(min(model.rowCount(), 40)):
                out += [("cell", str(model.data(model.index(r, c)) or "")) for c in range(columns)]
    return out


def test_main_pages_in_english_show_no_chinese_but_typed_data(
    english: None, demo: AppContext, qtbot: QtBot
) -> None:
    user = demo.users.authenticate("admin", bootstrap.DEMO_PASSWORD)
    tasks = TaskRunner()
    window = MainWindow(UiEnv(demo, user, DataBus(), tasks))
    qtbot.addWidget(window)
    window.resize(1366, 800)
    window.show()
    data = typed_by_users(demo)
    left: list[str] = []
    try:
        for key in PAGES:
            row = next(i for i in range(window.nav.count()) if window.nav.item(i).data(256) == key)
            window.nav.setCurrentRow(row)
            for _ in range(3):
                qtbot.waitUntil(lambda: not tasks.busy, timeout=20000)
                qtbot.wait(20)
            for kind, text in visible_texts(window):
                rest = re.sub(r"<[^>]+>", "", text)  # rich text: the tags
                for value in data:
                    if value in rest:
                        rest = rest.replace(value, "")
                if CJK.search(rest):
                    left.append(f"{key} {kind}: {text[:120]!r} -> {rest[:80]!r}")
    finally:
        tasks.wait()
    assert not left, "\n".join(dict.fromkeys(left))


def test_a_refused_permission_reads_in_english(english: None, demo: AppContext, qtbot: QtBot) -> None:
    """A disabled button's reason and a refused action's message box come from app/authz.py as a
    message, so an English window says them in English (they were Chinese sentences before)."""
    from PySide6.QtWidgets import QPushButton

    from app.authz import action, authorize
    from app.errors import PermissionDeniedError
    from ui.actions import apply_action
    from ui.i18n import error_text

    reviewer = demo.users.authenticate("reviewer2", bootstrap.DEMO_PASSWORD)
    button = QPushButton()
    qtbot.addWidget(button)
    apply_action(button, action("notice.create", "起草公示", True, reviewer, "notice.create"))
    assert not button.isEnabled()
    assert button.toolTip() == (
        "User \"reviewer2\" does not have the \"counter clerk\" or \"disclosure officer (administrator)\" role,"
        " so cannot draft a notice."
    )
    with pytest.raises(PermissionDeniedError) as refused:
        authorize(reviewer, "catalogue.add")
    assert "没有" in str(refused.value)  # the command line and the log keep the Chinese
    assert error_text(refused.value) == (
        "User \"reviewer2\" does not have the \"disclosure officer (administrator)\" role, so cannot add a catalogue item."
    )
