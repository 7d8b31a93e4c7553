"""The notices page, editor, review dialog, PDF preview and printing (the printer is a PDF-file QPrinter)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from app.notices import NoticeDraft, Roster
from app.users import Role
from ui.env import UiEnv
from ui.notices.editor import NoticeEditorDialog, roster_from_text
from ui.notices.pdfpages import lp_print
from ui.notices.preview import PdfPreviewDialog
from ui.notices.review import ReviewDialog
from ui.pages.notices_page import NoticesPage

ID = "370112195603120413"


def _notice(env: UiEnv) -> str:
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
        actor=env.user,
        submit=True,
    )
    return n.uuid


def test_page_lists_and_shows_only_masked_content(ui_env: UiEnv, qtbot: QtBot, qtmodeltester: object) -> None:
    uuid = _notice(ui_env)
    page = NoticesPage(ui_env)
    qtbot.addWidget(page)
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    assert page.model.rowCount() == 1
    page.open_record(uuid)
    html = page.detail.toPlainText()
    assert "37*************413" in html and ID not in html
    assert page.submit_button.isEnabled() is False and page.print_button.isEnabled()
    assert page.missing_model.rowCount() == 0  # not approved yet: nothing is due on a board


def test_editor_preview_highlights_and_override(ui_env: UiEnv, qtbot: QtBot) -> None:
    dialog = NoticeEditorDialog(ui_env)
    qtbot.addWidget(dialog)
    dialog.body.setPlainText(f"申请人身份证号{ID}，电话13805318842。")
    dialog.update_preview()
    checks = [dialog.findings_layout.itemAt(i).widget() for i in range(dialog.findings_layout.count())]
    assert len(checks) == 2 and "37*************413" in checks[0].text()
    checks[1].setChecked(False)
    assert dialog.draft().masking_exemptions == ("13805318842",)
    assert roster_from_text("姓名\t电话\n张三\t138") == Roster(("姓名", "电话"), (("张三", "138"),))


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


def test_preview_and_batch_print_to_a_pdf_printer(ui_env: UiEnv, qtbot: QtBot, tmp_path: Path) -> None:
    uuid = _notice(ui_env)
    dialog = PdfPreviewDialog(ui_env, ui_env.ctx.notices.get(uuid))
    qtbot.addWidget(dialog)
    assert dialog.page_total >= 1
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


def test_printing_to_a_printer_hands_the_pdf_to_cups(
    ui_env: UiEnv, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CUPS is the edge: a stand-in ``lp`` on PATH records what the window sends."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    spool = tmp_path / "spool"
    spool.mkdir()
    lp = bindir / "lp"
    lp.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {spool}/args\nfor a; do f="$a"; done\ncp "$f" {spool}/job.pdf\n')
    lp.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bindir}:{os.environ['PATH']}")
    uuid = _notice(ui_env)
    pdf = ui_env.ctx.notices.pdf(uuid, size="A3")
    job = tmp_path / "job.pdf"
    job.write_bytes(pdf)
    lp_print(job, "Office_Laser", 2, "关于拟保障对象的公示", "A3")
    args = (spool / "args").read_text().split("\n")
    assert args[:4] == ["-d", "Office_Laser", "-n", "2"] and "media=A3" in args and "关于拟保障对象的公示" in args
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
    assert QFont.substitutes(app.font().family())[-2:] == ["gongkai han ext", "gongkai han ext b"]  # Qt lowers them
    raw = [QRawFont.fromFont(QFont(family)) for family in ("Gongkai Han Ext", "Gongkai Han Ext B")]
    assert [r.familyName() for r in raw] == ["Gongkai Han Ext", "Gongkai Han Ext B"]
    metrics = QFontMetrics(app.font())
    for block, name in EXTENSION_NAMES.items():
        cp = ord(name[1])
        assert any(r.supportsCharacter(cp) for r in raw), f"Ext {block}: U+{cp:04X} not in the bundled faces"
        assert metrics.inFontUcs4(cp), f"Ext {block}: U+{cp:04X} has no glyph in the window's fonts"
