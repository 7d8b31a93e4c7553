"""Issue 16: the paths that used to query on the GUI thread, clicked through the real widgets.

The notice editor reads its templates, boards and site on the read pool and keeps what was typed
when the service refuses a save; the calendar takes its calendar-wide buttons from
``EventService.actions(user, None)``; the catalogue picker searches on the read pool. A guard makes
any service query on the GUI thread fail the test while the widgets are driven.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from app.users import Role
from tests.ui.conftest import Settle
from ui.bus import DataBus
from ui.catalogue.picker import CataloguePickerDialog
from ui.env import UiEnv
from ui.pages.calendar_page import CalendarPage
from ui.pages.notices_page import NoticesPage
from ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def gui_thread_queries(ui_env: UiEnv) -> Iterator[list[str]]:
    """Every SQL statement run on the GUI thread while the test drives the widgets."""
    seen: list[str] = []
    gui = threading.current_thread()
    engine = ui_env.ctx.engine

    def on_query(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if threading.current_thread() is gui:
            seen.append(statement.split("\n")[0][:120])

    event.listen(engine, "before_cursor_execute", on_query)
    yield seen
    event.remove(engine, "before_cursor_execute", on_query)


def when_modal(qtbot: QtBot, act: Callable[[QWidget], None], skip: tuple[QWidget, ...] = ()) -> list[QWidget]:
    """Run ``act`` on the next modal dialog (other than ``skip``) once it is open."""
    seen: list[QWidget] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible() or dialog in skip:
            QTimer.singleShot(20, poll)
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(20, poll)
    return seen


def test_a_refused_save_keeps_the_editor_open_with_what_was_typed(
    ui_env: UiEnv,
    qtbot: QtBot,
    settle: Settle,
    gui_thread_queries: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = ui_env.ctx
    with ctx.session_factory() as session, session.begin():
        ctx.notices.seed_period_rules(session)
    ctx.notices.add_board("东唐村村务公开栏", "东唐村", actor=ui_env.user)
    page = NoticesPage(ui_env)
    qtbot.addWidget(page)
    page.show()
    settle()
    gui_thread_queries.clear()  # from here on: clicks only
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    findings: dict[str, object] = {}

    def in_editor(dialog: QWidget) -> None:
        try:
            check(dialog)
        except BaseException as exc:  # noqa: BLE001  (reported by the test, not lost in the event loop)
            findings["error"] = repr(exc)
            dialog.done(0)  # type: ignore[attr-defined]

    def check(dialog: QWidget) -> None:
        # The choices arrived before the dialog opened: templates, boards, the site's name.
        findings["templates"] = dialog.template.count()  # type: ignore[attr-defined]
        findings["boards"] = list(dialog.board_checks)  # type: ignore[attr-defined]
        dialog.body.setPlainText("经审核，下列家庭符合条件，现予公示。")  # type: ignore[attr-defined]
        save = dialog.save_button  # type: ignore[attr-defined]
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # no title: the service refuses
        qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
        findings["open_after_refusal"] = dialog.isVisible()
        findings["body_kept"] = dialog.body.toPlainText()  # type: ignore[attr-defined]
        dialog.title_edit.setText("关于拟保障对象的公示")  # type: ignore[attr-defined]
        dialog.contact.setText("社会事务办 0531-88123457")  # type: ignore[attr-defined]
        qtbot.waitUntil(save.isEnabled, timeout=10000)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # now it saves and closes
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)

    seen = when_modal(qtbot, in_editor)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen) and not seen[0].isVisible(), timeout=15000)
    settle()
    assert "error" not in findings, findings
    assert findings["templates"] == len(ctx.notices.templates()) and len(findings["boards"]) == 1  # type: ignore[arg-type]
    assert findings["open_after_refusal"] is True
    assert findings["body_kept"] == "经审核，下列家庭符合条件，现予公示。"
    assert warnings and "标题" in warnings[0]
    assert page.selected() is not None and page.selected().title == "关于拟保障对象的公示"  # type: ignore[union-attr]
    assert gui_thread_queries == [], gui_thread_queries


def test_calendar_buttons_come_from_the_events_service(
    ui_env: UiEnv, qtbot: QtBot, settle: Settle, gui_thread_queries: list[str]
) -> None:
    page = CalendarPage(ui_env)  # ui_env's user is an administrator (and a clerk)
    qtbot.addWidget(page)
    page.show()
    assert page.new_button.isHidden()  # nothing offered before the service answered
    settle()
    assert not page.new_button.isHidden() and not page.import_button.isHidden()
    assert not page.targets_button.isHidden()

    clerk = ui_env.ctx.users.add("clerk2", frozenset({Role.CLERK}), "gongkai123", display_name="李干事")
    tasks = TaskRunner()
    env = UiEnv(ui_env.ctx, clerk, DataBus(), tasks)
    gui_thread_queries.clear()  # the test's own set-up above
    try:
        as_clerk = CalendarPage(env)
        qtbot.addWidget(as_clerk)
        as_clerk.show()
        qtbot.waitUntil(lambda: bool(as_clerk._page_actions), timeout=10000)
        assert as_clerk.new_button.isHidden() and as_clerk.import_button.isHidden()
        assert as_clerk.targets_button.isHidden() and not as_clerk.may("event.create")
        reason = as_clerk._page_actions["event.create"].reason
        assert "clerk2" in reason and "安排活动" in reason  # the service's words, not the page's
    finally:
        tasks.wait()
    assert gui_thread_queries == [], gui_thread_queries


def test_the_catalogue_picker_searches_off_the_gui_thread(
    ui_env: UiEnv, qtbot: QtBot, settle: Settle, gui_thread_queries: list[str]
) -> None:
    ui_env.ctx.catalogue.seed_bundled(actor="test")
    gui_thread_queries.clear()
    dialog = CataloguePickerDialog(ui_env)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.search, "zdshbz")
    qtbot.waitUntil(lambda: 0 < dialog.results_proxy.rowCount() < 50, timeout=5000)
    settle()
    assert dialog.results_proxy.object_at(0).data.level1 == "最低生活保障"
    assert gui_thread_queries == [], gui_thread_queries


def test_event_dialog_opens_from_the_calendar_with_its_data_read_off_the_gui_thread(
    ui_env: UiEnv, qtbot: QtBot, settle: Settle, gui_thread_queries: list[str]
) -> None:
    page = CalendarPage(ui_env)
    qtbot.addWidget(page)
    page.show()
    settle()
    gui_thread_queries.clear()
    found: dict[str, object] = {}

    def in_dialog(dialog: QWidget) -> None:
        found["types"] = dialog.type_box.count()  # type: ignore[attr-defined]
        found["ready"] = dialog.ready  # type: ignore[attr-defined]
        dialog.reject()

    seen = when_modal(qtbot, in_dialog)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen) and not seen[0].isVisible(), timeout=10000)
    settle()
    assert found["ready"] is True and int(found["types"]) >= 4  # type: ignore[call-overload]
    assert gui_thread_queries == [], gui_thread_queries


def test_criteria_dialog_reads_and_saves_off_the_gui_thread(
    ui_env: UiEnv, qtbot: QtBot, settle: Settle, gui_thread_queries: list[str]
) -> None:
    from ui.today.criteria_dialog import CriteriaDialog

    with ui_env.ctx.session_factory() as session, session.begin():
        ui_env.ctx.today.assessment.seed_defaults(session)
    gui_thread_queries.clear()
    dialog = CriteriaDialog(ui_env)
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    assert dialog.model.rowCount() > 0 and dialog.code.text()
    code = dialog.code.text()
    dialog.weight.setValue(dialog.weight.value() + 1)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle()
    assert dialog.changed and dialog.code.text() == code
    assert gui_thread_queries == [], gui_thread_queries
