"""The staff window's 政策文件 page: search as you type, the reader paginated beside the interpretations,
an original PDF shown page by page, printing with its register entry, and the register tab."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.policies import values as v
from db.models import CatalogueDomain
from tests.app.policy_files import make_folder
from ui.env import UiEnv
from ui.pages.policies_page import PoliciesPage


@pytest.fixture
def page(qtbot: QtBot, ui_env: UiEnv, tmp_path: Path) -> PoliciesPage:
    ctx = ui_env.ctx
    with ctx.session_factory() as session, session.begin():
        for code, name in (("19", "社会救助"), ("20", "养老服务")):
            session.add(CatalogueDomain(code=code, name=name))
    ctx.policies.import_path(make_folder(tmp_path / "docs"))
    doc = next(r for r in ctx.policies.list() if r.title.startswith("关于调整"))
    ctx.policies.add_interpretation(
        ui_env.user,
        doc.uuid,
        v.InterpretationDraft("qa", "低保问答", qa=(v.QAPair("谁能申请？", "困难家庭。"),)),
    )
    p = PoliciesPage(ui_env)
    qtbot.addWidget(p)
    p.resize(1400, 800)
    p.show()
    qtbot.waitUntil(lambda: p.model.rowCount() == 3)
    return p


def select(qtbot: QtBot, page: PoliciesPage, title: str) -> None:
    row = next(i for i in range(page.proxy.rowCount()) if page.proxy.object_at(i).title == title)
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: page._doc is not None and page._doc.title == title)


def test_search_as_you_type_and_filters(qtbot: QtBot, page: PoliciesPage) -> None:
    page.search.setText("zdshbz")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.row_at(0).doc_number == "历城政办发〔2024〕12号"
    page.search.clear()
    page.validity_box.setCurrentIndex(page.validity_box.findData("current"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)


def test_reader_with_interpretations_beside_it(qtbot: QtBot, page: PoliciesPage) -> None:
    select(qtbot, page, "关于调整城乡最低生活保障标准的通知")
    assert "历城政办发〔2024〕12号" in page.head.toPlainText()
    assert "1030元" in page.text_view.toPlainText()
    assert page.interp_list.count() == 1 and "问1：谁能申请？" in page.interp_view.toPlainText()


def test_original_pdf_is_shown_page_by_page(qtbot: QtBot, page: PoliciesPage) -> None:
    select(qtbot, page, "历城区高龄老人津贴发放管理办法")
    assert page.position.text() == "第 1 / 3 页"
    qtbot.waitUntil(lambda: page.page_image.pixmap() is not None and not page.page_image.pixmap().isNull())
    page.turn(1)
    assert page.position.text() == "第 2 / 3 页"
    qtbot.waitUntil(lambda: not page.page_image.pixmap().isNull())


def print_original_to_pdf(
    qtbot: QtBot, page: PoliciesPage, out: Path, monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    """Click 打印…, answer 文件本身 and 保存为 PDF 文件 into ``out``; the confirmations shown."""
    answers = iter([("文件本身", True), ("保存为 PDF 文件", True)])
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: next(answers))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    page.print_button.click()
    qtbot.waitUntil(lambda: bool(shown))
    return shown


def test_print_writes_the_pdf_and_the_register(
    qtbot: QtBot, page: PoliciesPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    select(qtbot, page, "历城区高龄老人津贴发放管理办法")
    out = tmp_path / "out.pdf"
    shown = print_original_to_pdf(qtbot, page, out, monkeypatch)
    assert "已生成 3 页（原件）" in shown[0] and out.read_bytes()[:4] == b"%PDF"
    assert page._lib.register_figures(2025).prints == 1
    qtbot.waitUntil(lambda: "打印 1 次（3 页）" in page.register_view.toPlainText())


def test_the_picker_links_documents_and_keeps_unlinked_titles(qtbot: QtBot, page: PoliciesPage) -> None:
    from ui.policies.picker import PolicyLinksField, PolicyPickerDialog

    field = PolicyLinksField(page._env)
    qtbot.addWidget(field)
    dialog = PolicyPickerDialog(page._env, (), field)  # a child of the field: closed and freed with it
    dialog.search.setText("gllrjt")
    dialog.refresh()  # on the read pool: the window goes on answering while the library is searched
    qtbot.waitUntil(lambda: dialog.results.count() == 1 and not page._env.tasks.busy)
    dialog.results.item(0).setSelected(True)
    dialog.add_selected()
    dialog.title_edit.setText("《济南市老旧小区改造实施方案》")
    dialog.add_title()
    field.set_links(dialog.links())
    qtbot.waitUntil(lambda: not page._env.tasks.busy)
    qtbot.wait(15)
    assert [link.linked for link in field.links()] == [True, False]
    assert field.lines()[1] == "《济南市老旧小区改造实施方案》（未关联文件库）"


def test_print_to_the_printer_page_by_page(
    qtbot: QtBot, page: PoliciesPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    select(qtbot, page, "历城区高龄老人津贴发放管理办法")
    out = tmp_path / "printed.pdf"
    answers = iter([("文件本身", True), ("打印机", True)])
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: next(answers))

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setFromTo(2, 3)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    page.print_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert "已送打印机 2 页" in shown[0]
    from pypdf import PdfReader

    assert len(PdfReader(out).pages) == 2
    assert page._lib.register(2025)[0].pages == 2


def test_a_demonstration_is_added_with_its_event_and_shown_in_the_reader(
    qtbot: QtBot, page: PoliciesPage, ui_env: UiEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import datetime

    from app.clock import ZONE
    from app.events import EventDraft

    ctx = ui_env.ctx
    hall = ctx.events.create(
        ui_env.user,
        EventDraft(
            "open_day",
            "政府开放日：低保办理演示",
            datetime(2025, 10, 16, 14, 30, tzinfo=ZONE),
            datetime(2025, 10, 16, 16, 0, tzinfo=ZONE),
            place="一楼大厅",
        ),
    )
    select(qtbot, page, "关于调整城乡最低生活保障标准的通知")
    assert "现场演示" not in page.head.toPlainText()
    items = iter([("现场演示", True), ("2025-10-16 14:30 政府开放日：低保办理演示（一楼大厅）", True)])
    offered: list[list[str]] = []

    def get_item(
        _parent: object, _title: str, _label: str, choices: list[str], *_a: object
    ) -> tuple[str, bool]:
        offered.append(list(choices))
        return next(items)

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("低保办理现场演示", True))
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", lambda *a, **k: ("窗口工作人员现场演示网上申请。", True)
    )
    page.interp_button.click()
    qtbot.waitUntil(lambda: page.interp_list.count() == 2, timeout=10000)
    assert offered[1] == ["2025-10-16 14:30 政府开放日：低保办理演示（一楼大厅）"]
    view = ctx.policies.get(page._doc.uuid if page._doc else "")
    demo = next(i for i in view.interpretations if i.form == v.DEMONSTRATION)
    assert demo.event_uuid == hall.uuid
    qtbot.waitUntil(
        lambda: "现场演示：2025年10月16日（周四）14:30—16:00，一楼大厅" in page.head.toPlainText()
    )


def test_staff_who_keep_no_register_see_why_and_still_print(
    qtbot: QtBot, ui_env: UiEnv, page: PoliciesPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 查阅登记 is the counter's: a second reviewer is not asked for a reader's name only to be
    refused afterwards, and a printout they make is printed, not lost to the refusal."""
    from app.users import Role
    from ui.bus import DataBus

    reviewer = ui_env.ctx.users.add("reviewer2", frozenset({Role.SECOND_REVIEWER}), "gongkai123")
    theirs = PoliciesPage(UiEnv(ui_env.ctx, reviewer, DataBus(), ui_env.tasks))
    qtbot.addWidget(theirs)
    theirs.show()
    qtbot.waitUntil(lambda: theirs.model.rowCount() == 3)
    typed = next(r.title for r in ui_env.ctx.policies.list() if r.title.startswith("关于调整"))
    select(qtbot, theirs, typed)
    assert theirs.print_button.isEnabled() and not theirs.read_button.isEnabled()
    assert "不能登记查阅" in theirs.read_button.toolTip()
    out = tmp_path / "theirs.pdf"
    shown = print_original_to_pdf(qtbot, theirs, out, monkeypatch)
    assert out.read_bytes()[:4] == b"%PDF" and "查阅登记" not in shown[0]  # nothing claimed that did not happen
    assert ui_env.ctx.policies.register_figures(2025).prints == 0
