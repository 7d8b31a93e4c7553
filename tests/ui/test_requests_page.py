"""The requests page over a real database: list, detail with the clock, actions, printing, report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.requests.rules import ACTIONS, CHANNELS
from tests.ui.conftest import Settle
from ui.env import UiEnv
from ui.pages.requests_page import RequestsPage
from ui.requests.dialogs import AnswerDialog, ExtensionDialog, IntakeDialog

ID = "370112198503127715"


@pytest.fixture
def page(ui_env: UiEnv, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, settle: Settle) -> RequestsPage:
    opened: list[Path] = []
    monkeypatch.setattr(RequestsPage, "open_file", staticmethod(opened.append))  # the OS viewer is an edge
    for received in (date(2025, 8, 20), date(2025, 9, 1)):
        ui_env.ctx.requests.intake(
            actor=ui_env.user,
            channel="in_person",
            arrived_on=received,
            applicant_kind="natural_person",
            applicant_name="张建国",
            id_number=ID,
            phone="13805311234",
            description="唐王街道老旧小区改造项目清单",
        )
    p = RequestsPage(ui_env)
    p.opened = opened  # type: ignore[attr-defined]
    qtbot.addWidget(p)
    p.show()
    settle()
    return p


def test_list_masks_identity_numbers(page: RequestsPage) -> None:
    """Two requests listed; the identity column never shows the original."""
    assert page.model.rowCount() == 2
    cells = [page.model.index(r, 5).data() for r in range(2)]  # the 证件号码 column
    assert cells == ["37*************715"] * 2


def test_counts_and_reminders(ui_env: UiEnv, page: RequestsPage, qtbot: QtBot, settle: Settle) -> None:
    """On 26 Sept the request of 20 Aug is overdue, that of 1 Sept due on the 调休 Sunday 28 Sept."""
    page.tabs.setCurrentWidget(page.reminder_tab)  # read when shown
    settle()
    kinds = [page.reminder_model.row_at(i).kind for i in range(page.reminder_model.rowCount())]
    assert kinds == ["overdue", "due_soon"]
    page.reload()
    settle()
    assert "提醒 2 条" in page.summary_label.text()
    assert ui_env.ctx.today.needs_action(ui_env.user, "requests") == 2


def test_detail_shows_how_the_due_date_was_computed(page: RequestsPage, settle: Settle) -> None:
    uuid = page.model.row_at(0).uuid
    page.open_record(uuid)
    settle()
    assert "跳过" in page.clock_text.toPlainText()
    assert "第 20 个工作日" in page.clock_text.toPlainText()
    assert page.title.text().startswith("依申请〔2025〕")


def test_the_action_buttons_keep_their_places(
    ui_env: UiEnv, page: RequestsPage, qtbot: QtBot, settle: Settle
) -> None:
    """登记申请 is clicked through the real button; the status bar says so; the button is then hidden in
    place and 发出补正通知 keeps its own place, so a double click never sends a correction notice."""
    confirmations: list[str] = []
    ui_env.ops.confirmed.connect(confirmations.append)
    page.view.selectRow(0)
    settle()
    register = page.action_buttons["request.register"]
    correction = page.action_buttons["request.correction"]
    where = {key: page.actions_layout.indexOf(button) for key, button in page.action_buttons.items()}
    assert register.isVisible() and register.isEnabled()
    uuid = page.model.row_at(0).uuid
    qtbot.mouseClick(register, Qt.MouseButton.LeftButton)
    settle()
    assert ui_env.ctx.requests.get(uuid).summary.status == "registered"
    assert confirmations == ["已登记申请"]
    assert page.title.text().endswith("已登记")
    assert {key: page.actions_layout.indexOf(button) for key, button in page.action_buttons.items()} == where
    assert not register.isVisible() and correction.isVisible()
    assert [k for k, *_ in ACTIONS].index("request.register") != [k for k, *_ in ACTIONS].index(
        "request.correction"
    )
    # A second click on the (hidden) place does nothing.
    page._act("request.register")
    settle()
    assert confirmations == ["已登记申请"]


def test_an_irreversible_step_asks_first(
    ui_env: UiEnv, page: RequestsPage, qtbot: QtBot, settle: Settle, monkeypatch: pytest.MonkeyPatch
) -> None:
    """归档 cannot be undone: it asks (wording from the service) and does nothing on No."""
    uuid = page.model.row_at(0).uuid
    svc, user = ui_env.ctx.requests, ui_env.user
    svc.transition(uuid, "registered", actor=user)
    svc.transition(uuid, "in_progress", actor=user)
    svc.transition(uuid, "sign_off", actor=user)
    svc.answer(uuid, answer_type="disclose", actor=user)
    asked: list[str] = []

    def answer_no(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer_no)
    page.open_record(uuid)
    settle()
    archive = page.action_buttons["request.archive"]
    assert archive.isEnabled()
    qtbot.mouseClick(archive, Qt.MouseButton.LeftButton)
    settle()
    assert asked and "不能再办理" in asked[0] and "依申请〔2025〕" in asked[0]
    assert svc.get(uuid).summary.status == "answered"


def test_a_failing_write_shows_one_error_message(
    ui_env: UiEnv, page: RequestsPage, qtbot: QtBot, settle: Settle, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The request moved on in another window: the click is refused by the service, one message says
    why, and the page shows the request as it now is."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    uuid = page.model.row_at(0).uuid
    page.open_record(uuid)
    settle()
    ui_env.ctx.requests.transition(uuid, "registered", actor=ui_env.user)  # elsewhere, meanwhile
    qtbot.mouseClick(page.action_buttons["request.register"], Qt.MouseButton.LeftButton)
    settle()
    assert len(shown) == 1 and "不能转为" in shown[0]
    assert page.title.text().endswith("已登记")


def test_print_receipt_writes_and_opens_a_pdf(
    ui_env: UiEnv, page: RequestsPage, qtbot: QtBot, settle: Settle
) -> None:
    page.open_record(page.model.row_at(0).uuid)
    settle()
    page._print("receipt")
    qtbot.waitUntil(lambda: bool(page.opened), timeout=20000)  # type: ignore[attr-defined]
    path: Path = page.opened[0]  # type: ignore[attr-defined]
    assert path.read_bytes().startswith(b"%PDF") and path.parent == ui_env.ctx.paths.output / "requests"


def test_annual_tab_shows_the_row_check(page: RequestsPage, settle: Settle) -> None:
    page.tabs.setCurrentWidget(page.annual_tab)
    page.year.setValue(2025)
    settle()
    assert "勾稽关系检查：通过" in page.check_label.text()
    assert page.annual_proxy.index(0, 0).data().startswith("一、本年新收")
    # The supplementary reading figure from the 查阅登记 (none recorded here).
    assert (
        page.reading_label.text()
        == "补充数据（查阅登记）：现场查阅 0 人次，打印 0 次、0 页，涉及政策文件 0 件"
    )


def test_intake_dialog_feeds_the_service(ui_env: UiEnv, qtbot: QtBot) -> None:
    dialog = IntakeDialog(date(2025, 9, 26))
    qtbot.addWidget(dialog)
    dialog.channel.setCurrentIndex(list(CHANNELS).index("online"))
    assert dialog.confirmed.isEnabled()
    dialog.name.setText("李秀英")
    dialog.description.setPlainText("东营村土地征收补偿标准")
    detail = ui_env.ctx.requests.intake(actor=ui_env.user, **dialog.values())
    assert detail.summary.channel == "online" and detail.summary.received_on == date(2025, 9, 26)


def test_answer_and_extension_dialogs(qtbot: QtBot) -> None:
    answer = AnswerDialog(date(2025, 9, 26), from_correction=True)
    qtbot.addWidget(answer)
    assert answer.answer_type.count() == 2  # only 逾期不补正 / 其他 while a correction is pending
    ext = ExtensionDialog(20, needs_approver=True)
    qtbot.addWidget(ext)
    assert ext.days.maximum() == 20 and ext.values()["days"] == 20
