"""The notices page, editor, review dialog, PDF preview and printing (the printer is a PDF-file QPrinter)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.notices import NoticeDraft, Roster
from app.users import Role
from tests.ui.conftest import Settle
from ui.env import UiEnv
from ui.notices.editor import NoticeEditorDialog, roster_from_text
from ui.notices.pdfpages import lp_print
from ui.notices.preview import PdfPreviewDialog
from ui.notices.review import ReviewDialog
from ui.pages.notices_page import NoticesPage

ID = "370112195603120413"


def _notice(env: UiEnv, author: object = None) -> str:
    ctx = env.ctx
    with ctx.session_factory() as session, session.begin():
        ctx.notices.seed_period_rules(session)
    board = ctx.notices.add_board("东唐村村务公开栏", "东唐村", actor=env.user)
    n = ctx.notices.create(
        NoticeDraft(
            template="dibao",
            title="关于拟保障对象的公示",
            body=f"申请人身份证号{ID}。",
            period_start=date(2025, 9, 26),
            period_end=date(2025, 10, 2),
            issuer="唐王街道办事处",
            contact="社会事务办 0531-88123457",
            roster=Roster(("户主姓名", "身份证号"), (("张桂兰", ID),)),
            target_board_uuids=(board.uuid,),
        ),
        actor=author or env.user,  # type: ignore[arg-type]
        submit=True,
    )
    return n.uuid


def test_page_lists_and_shows_only_masked_content(
    ui_env: UiEnv, qtbot: QtBot, qtmodeltester: object, settle: Settle
) -> None:
    uuid = _notice(ui_env)
    page = NoticesPage(ui_env)
    qtbot.addWidget(page)
    page.show()
    settle()
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    assert page.model.rowCount() == 1
    page.open_record(uuid)
    settle()
    html = page.detail.toPlainText()
    assert "37*************413" in html and ID not in html
    assert page.submit_button.isHidden() and page.print_button.isEnabled()
    page.tabs.setCurrentWidget(page.boards_tab)
    settle()
    assert page.missing_model.rowCount() == 0  # not approved yet: nothing is due on a board


def _reviewer_page(
    ui_env: UiEnv, qtbot: QtBot, settle: Settle, name: str, roles: set[Role], confirmations: list[str]
) -> NoticesPage:
    """The page as ``name`` sees it after signing in; its confirmations go to ``confirmations``."""
    user = ui_env.ctx.users.add(name, frozenset(roles), "secret-123", display_name=name)
    env = UiEnv(ui_env.ctx, user, ui_env.bus, ui_env.tasks)
    env.ops.confirmed.connect(confirmations.append)
    page = NoticesPage(env)
    qtbot.addWidget(page)
    page.show()
    settle()
    return page


def _in_dialog(click: str, opinion: str = "", confidential: bool = False) -> None:
    """Answer the review dialog when it opens (it is modal): type the opinion, tick, click."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:  # the dialog opens once what it shows has been read
            QTimer.singleShot(20, act)
            return
        if opinion:
            dialog.opinion_edit.setPlainText(opinion)  # type: ignore[attr-defined]
        if confidential:
            dialog.confidential.setChecked(True)  # type: ignore[attr-defined]
        getattr(dialog, click).click()

    QTimer.singleShot(50, act)


def test_the_review_chain_through_the_real_buttons(ui_env: UiEnv, qtbot: QtBot, settle: Settle) -> None:
    """Three reviewers, each signed in, select the notice and click 审核… then 审核通过; every state
    change confirms itself in the status bar's words; the button stays in its place."""
    uuid = _notice(ui_env)
    confirmations: list[str] = []
    for name, roles, expected in (
        ("r1", {Role.FIRST_REVIEWER}, "初审通过，已送复审"),
        ("r2", {Role.SECOND_REVIEWER}, "复审通过，已送终审"),
        ("r3", {Role.FINAL_REVIEWER}, "终审通过，公示已审定，可以打印张贴"),
    ):
        page = _reviewer_page(ui_env, qtbot, settle, name, roles, confirmations)
        page.view.selectRow(0)
        settle()
        place = page.layout().indexOf(page.review_button)
        assert page.review_button.isEnabled(), page.review_button.toolTip()
        _in_dialog("approve_button", "同意。", confidential=name == "r3")
        qtbot.mouseClick(page.review_button, Qt.MouseButton.LeftButton)
        settle()
        assert confirmations[-1] == expected
        assert page.layout().indexOf(page.review_button) == place
        assert not page.review_button.isEnabled() or page.review_button.isHidden()
    assert ui_env.ctx.notices.get(uuid).status == "approved"
    assert "终审：通过" in page.detail.toPlainText()


def test_a_reviewer_who_may_not_review_sees_why(ui_env: UiEnv, qtbot: QtBot, settle: Settle) -> None:
    """The first reviewer who wrote the notice: 审核… is there but disabled, and says why."""
    author = ui_env.ctx.users.add("r1", frozenset({Role.FIRST_REVIEWER, Role.CLERK}), "secret-123")
    _notice(ui_env, author)
    page = NoticesPage(UiEnv(ui_env.ctx, author, ui_env.bus, ui_env.tasks))
    qtbot.addWidget(page)
    page.show()
    settle()
    page.view.selectRow(0)
    settle()
    assert page.review_button.isVisible() and not page.review_button.isEnabled()
    assert "三审须由不同人员完成" in page.review_button.toolTip()


def test_submit_confirms_and_publish_asks_first(
    ui_env: UiEnv, qtbot: QtBot, settle: Settle, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = ui_env.ctx
    uuid = _notice(ui_env)
    ctx.notices.review(
        uuid,
        actor=ctx.users.add("a", frozenset({Role.FIRST_REVIEWER}), "secret-123"),
        decision="return",
        opinion="请核对名单",
    )
    page = NoticesPage(ui_env)
    qtbot.addWidget(page)
    page.show()
    settle()
    confirmations: list[str] = []
    ui_env.ops.confirmed.connect(confirmations.append)
    page.view.selectRow(0)
    settle()
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    settle()
    assert confirmations == ["已提交初审"] and ctx.notices.get(uuid).status == "first_review"
    r1 = ctx.users.add("r1", frozenset({Role.FIRST_REVIEWER}), "secret-123")
    r2 = ctx.users.add("r2", frozenset({Role.SECOND_REVIEWER}), "secret-123")
    r3 = ctx.users.add("r3", frozenset({Role.FINAL_REVIEWER}), "secret-123")
    ctx.notices.review(uuid, actor=r1, decision="approve")
    ctx.notices.review(uuid, actor=r2, decision="approve")
    ctx.notices.review(uuid, actor=r3, decision="approve", confidentiality_checked=True)
    page.reload()
    settle()
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    qtbot.mouseClick(page.publish_button, Qt.MouseButton.LeftButton)  # asked, answered No
    settle()
    assert ctx.notices.get(uuid).status == "approved"
    qtbot.mouseClick(page.publish_button, Qt.MouseButton.LeftButton)  # asked again, Yes
    settle()
    assert "关于拟保障对象的公示" in asked[0] and "不能撤销" in asked[0]
    assert ctx.notices.get(uuid).status == "published" and confirmations[-1] == "公示已发布"


def test_editor_preview_highlights_and_override(ui_env: UiEnv, qtbot: QtBot, settle: Settle) -> None:
    dialog = NoticeEditorDialog(ui_env)
    qtbot.addWidget(dialog)
    dialog.body.setPlainText(f"申请人身份证号{ID}，电话13805318842。")
    dialog.update_preview()
    settle()
    checks = dialog.findings_checks
    assert len(checks) == 2 and "37*************413" in checks[0].text()
    checks[1].setChecked(False)
    assert dialog.draft().masking_exemptions == ("13805318842",)
    assert roster_from_text("姓名\t电话\n张三\t138") == Roster(("姓名", "电话"), (("张三", "138"),))


def test_masking_panel_counts_roster_cells_and_its_tick_boxes_work(
    ui_env: UiEnv, qtbot: QtBot, settle: Settle, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The panel counts what the preview masks, roster cells included (it once said nothing was
    found while six roster cells were masked); unticking keeps a text, saved and audited."""
    from PySide6.QtCore import QPoint
    from sqlalchemy import select

    from db.models import AuditEntry

    monkeypatch.setattr("ui.discard.ask_discard", lambda _parent: True)  # closing at the end
    dialog = NoticeEditorDialog(ui_env)
    qtbot.addWidget(dialog)
    dialog.resize(1400, 850)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.title_edit.setText("关于拟保障对象的公示")
    dialog.contact.setText("民政办 0531-88123457")
    dialog.body.setPlainText("经审核，下列家庭符合条件，现予公示。")
    phones = ["13805318842", "13905318843", "13705318844"]
    ids = [ID, "370112196001010011", "370112197002020027"]
    dialog.roster.setPlainText(
        "\n".join(["户主\t身份证号\t电话"] + [f"户{i}\t{ids[i]}\t{phones[i]}" for i in range(3)])
    )
    settle()
    qtbot.waitUntil(lambda: getattr(dialog, "masking", None) is not None and bool(dialog.masking.roster))
    preview = dialog.masking
    assert preview.roster_masked >= 6 and dialog.findings_checks == []
    summary = dialog.masking_summary.text()
    assert "未发现" not in summary and "没有发现" not in summary
    assert f"名单中 {preview.roster_masked} 个单元格" in summary
    # The panel counts exactly the cells the preview shows masked (highlighted in yellow).
    assert preview.roster_masked == sum(o != m for row in preview.roster for o, m in row)
    assert "137****8844" in dialog.preview.toPlainText() and ids[1] not in dialog.preview.toPlainText()

    # A number in the body: a real tick box, unticked with the mouse keeps it readable.
    dialog.body.setPlainText("项目编号6222021234567890128（不是银行卡），经审核，下列家庭符合条件。")
    settle()
    qtbot.waitUntil(lambda: len(dialog.findings_checks) == 1)
    settle()
    (check,) = dialog.findings_checks
    assert check.isChecked() and check.isVisible()
    before = dialog.masking.masked
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    assert dialog.draft().masking_exemptions == ("6222021234567890128",)
    qtbot.waitUntil(lambda: dialog.masking.masked == before - 1, timeout=5000)
    settle()
    assert "已取消勾选 1 项" in dialog.masking_summary.text()
    assert not dialog.findings_checks[0].isChecked()

    # Saved through the service: the override is in the audit log (masked).
    ui_env.ctx.notices.create(dialog.draft(), actor=ui_env.user)
    with ui_env.ctx.session_factory() as session:
        entry = session.execute(
            select(AuditEntry).where(AuditEntry.action == "notice.masking_override")
        ).scalar_one()
        assert "6222021234567890128" not in entry.detail


def test_review_dialog_requires_confidentiality_at_final_step(ui_env: UiEnv, qtbot: QtBot) -> None:
    uuid = _notice(ui_env)
    ctx = ui_env.ctx
    r1 = ctx.users.add("r1", frozenset({Role.FIRST_REVIEWER}), "secret-123")
    r2 = ctx.users.add("r2", frozenset({Role.SECOND_REVIEWER}), "secret-123")
    ctx.notices.review(uuid, actor=r1, decision="approve")
    notice = ctx.notices.review(uuid, actor=r2, decision="approve")
    dialog = ReviewDialog(notice)
    qtbot.addWidget(dialog)
    assert dialog.confidential.isVisibleTo(dialog)
    dialog.confidential.setChecked(True)
    assert dialog.confidentiality_checked


def test_preview_and_batch_print_to_a_pdf_printer(
    ui_env: UiEnv, qtbot: QtBot, tmp_path: Path, settle: Settle
) -> None:
    uuid = _notice(ui_env)
    dialog = PdfPreviewDialog(ui_env, ui_env.ctx.notices.get(uuid))
    qtbot.addWidget(dialog)
    settle()  # the PDF is made and rendered off the GUI thread
    assert dialog.page_total >= 1 and dialog.batch_button.isEnabled()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(100)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    sheets = dialog.print_to(printer, ["东唐村村务公开栏"])
    assert sheets == dialog.page_total == len(PdfReader(str(out)).pages)
    (log,) = ui_env.ctx.notices.print_log(uuid)
    assert log.board == "东唐村村务公开栏" and log.printed_by == "admin"
    # Vector: the printed file is the service's PDF byte for byte, text and fonts, no page images.
    assert out.read_bytes() == dialog.pdf_for("东唐村村务公开栏")
    assert all(list(page.images) == [] for page in PdfReader(str(out)).pages)


def test_before_the_first_sync_the_preview_is_a_proof_that_prints_nothing(
    ui_env: UiEnv, qtbot: QtBot, settle: Settle
) -> None:
    """An approved notice on a PC that has never synced: its QR code cannot open yet. The preview
    once showed an empty page under an error box; it now shows the 校样 with the reason, and no
    button prints, saves or makes a poster (each says why)."""
    ctx = ui_env.ctx
    ctx.settings.set("public_base_url", "")  # the notice is made before the site knows its platform
    uuid = _notice(ui_env)
    for name, role in (("r1", Role.FIRST_REVIEWER), ("r2", Role.SECOND_REVIEWER), ("r3", Role.FINAL_REVIEWER)):
        reviewer = ctx.users.add(name, frozenset({role}), "secret-123")
        ctx.notices.review(uuid, actor=reviewer, decision="approve", confidentiality_checked=name == "r3")
    dialog = PdfPreviewDialog(ui_env, ctx.notices.get(uuid))
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    assert dialog.page_total >= 1
    assert dialog.proof_note.isVisible() and "请先同步" in dialog.proof_note.text()
    assert "校样" in dialog.proof_note.text()
    buttons = (dialog.print_button, dialog.batch_button, dialog.save_button, dialog.poster_button)
    assert not any(b.isEnabled() for b in buttons)
    assert all("请先同步" in b.toolTip() for b in buttons)
    # The platform's address arrives with a sync: the same dialog prints for posting.
    ctx.settings.set("public_base_url", "https://gk.jinan.gov.cn")
    dialog.refresh()
    settle()
    assert not dialog.proof_note.isVisible() and all(b.isEnabled() for b in buttons)
    assert "海报" in dialog.poster_button.toolTip()


def test_printing_to_a_printer_hands_the_pdf_to_cups(
    ui_env: UiEnv, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CUPS is the edge: a stand-in ``lp`` on PATH records what the window sends."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    spool = tmp_path / "spool"
    spool.mkdir()
    lp = bindir / "lp"
    lp.write_text(
        f'#!/bin/sh\nprintf "%s\\n" "$@" > {spool}/args\nfor a; do f="$a"; done\ncp "$f" {spool}/job.pdf\n'
    )
    lp.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bindir}:{os.environ['PATH']}")
    uuid = _notice(ui_env)
    pdf = ui_env.ctx.notices.pdf(uuid, size="A3")
    job = tmp_path / "job.pdf"
    job.write_bytes(pdf)
    lp_print(job, "Office_Laser", 2, "关于拟保障对象的公示", "A3")
    args = (spool / "args").read_text().split("\n")
    assert (
        args[:4] == ["-d", "Office_Laser", "-n", "2"]
        and "media=A3" in args
        and "关于拟保障对象的公示" in args
    )
    assert (spool / "job.pdf").read_bytes() == pdf  # the PDF itself, not page images
    lp.write_text("#!/bin/sh\necho 'lp: The printer or class does not exist.' >&2\nexit 1\n")
    with pytest.raises(OSError, match="does not exist"):
        lp_print(job, "Gone", 1, "", "A4")


def test_rare_characters_render_in_qt_views(ui_env: UiEnv) -> None:
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    metrics = QFontMetrics(app.font())
    for ch in "张𬌗刘䶮吉𠮷":
        assert metrics.inFontUcs4(ord(ch)), f"U+{ord(ch):04X} has no glyph in the window's fonts"


def test_editor_shows_the_roster_limit_instead_of_a_preview(ui_env: UiEnv, qtbot: QtBot) -> None:
    """A pasted roster over the limit is not masked into a preview (that took minutes and 1.4 GB
    for 100,000 rows); the limit is shown at once, in the window's words."""
    dialog = NoticeEditorDialog(ui_env)
    qtbot.addWidget(dialog)
    rows = "\n".join(f"{i}\t张*" for i in range(1, 5001))
    dialog.roster.setPlainText("序号\t姓名\n" + rows)
    dialog.update_preview()
    labels = [dialog.findings_layout.itemAt(i).widget() for i in range(dialog.findings_layout.count())]
    assert any("名单 5,000 行，超过上限 3,000 行" in w.text() for w in labels)
    assert "未生成预览" in dialog.preview.toPlainText()


def test_extension_b_to_h_characters_have_a_bundled_glyph_in_qt(ui_env: UiEnv) -> None:
    """The window and the kiosk fall back to the same bundled faces as the PDFs (ui/qtapp.py)."""
    from PySide6.QtGui import QFont, QFontMetrics, QRawFont
    from PySide6.QtWidgets import QApplication

    from tests.printing.test_rare_extensions import EXTENSION_NAMES

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert QFont.substitutes(app.font().family())[-2:] == [
        "gongkai han ext",
        "gongkai han ext b",
    ]  # Qt lowers them
    raw = [QRawFont.fromFont(QFont(family)) for family in ("Gongkai Han Ext", "Gongkai Han Ext B")]
    assert [r.familyName() for r in raw] == ["Gongkai Han Ext", "Gongkai Han Ext B"]
    metrics = QFontMetrics(app.font())
    for block, name in EXTENSION_NAMES.items():
        cp = ord(name[1])
        assert any(r.supportsCharacter(cp) for r in raw), f"Ext {block}: U+{cp:04X} not in the bundled faces"
        assert metrics.inFontUcs4(cp), f"Ext {block}: U+{cp:04X} has no glyph in the window's fonts"
