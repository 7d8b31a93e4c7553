"""登记张贴 through its one dialog, and "放弃修改？" on Esc in the editors — clicking the real widgets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.notices import NoticeDraft
from app.users import Role
from tests.ui.conftest import Settle
from ui.env import UiEnv
from ui.notices.editor import NoticeEditorDialog
from ui.notices.posting import PostingDialog
from ui.pages.notices_page import NoticesPage


def _approved_notice(env: UiEnv) -> tuple[str, list[str]]:
    ctx = env.ctx
    with ctx.session_factory() as session, session.begin():
        ctx.notices.seed_period_rules(session)
    boards = [
        ctx.notices.add_board(name, "东唐村", actor=env.user).uuid
        for name in ("东唐村一号栏", "东唐村二号栏")
    ]
    n = ctx.notices.create(
        NoticeDraft(
            template="dibao",
            title="关于拟保障对象的公示",
            body="经审核，以下家庭拟纳入保障。",
            period_start=date(2025, 9, 26),
            period_end=date(2025, 10, 2),
            issuer="唐王街道办事处",
            contact="社会事务办 0531-88123457",
            target_board_uuids=tuple(boards),
        ),
        actor=env.user,
        submit=True,
    )
    for name, role in (
        ("r1", Role.FIRST_REVIEWER),
        ("r2", Role.SECOND_REVIEWER),
        ("r3", Role.FINAL_REVIEWER),
    ):
        reviewer = ctx.users.add(name, frozenset({role}), "secret-123")
        ctx.notices.review(
            n.uuid, actor=reviewer, decision="approve", confidentiality_checked=role == Role.FINAL_REVIEWER
        )
    return n.uuid, boards


def when_modal(qtbot: QtBot, act: Callable[[QWidget], None]) -> list[QWidget]:
    """Run ``act`` on the next modal dialog once it is open (exec() blocks the test until it closes)."""
    seen: list[QWidget] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, poll)
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(20, poll)
    return seen


def test_posting_names_the_notice_preselects_the_board_and_records_on_ok(
    ui_env: UiEnv, qtbot: QtBot, settle: Settle, monkeypatch: pytest.MonkeyPatch
) -> None:
    uuid, boards = _approved_notice(ui_env)
    confirmations: list[str] = []
    ui_env.ops.confirmed.connect(confirmations.append)
    page = NoticesPage(ui_env)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.boards_tab)
    settle()
    assert page.missing_model.rowCount() == 2
    second = next(r for r in range(2) if page.missing_proxy.object_at(r).board_uuid == boards[1])
    page.missing_view.selectRow(second)
    # The photo's file dialog is the edge: its 取消 returns no file and must record nothing.
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))

    def cancel_photo_then_cancel(d: QWidget) -> None:
        assert isinstance(d, PostingDialog)
        assert "关于拟保障对象的公示" in d.notice_label.text()
        assert d.board_uuid == boards[1]
        assert d.posted_date == ui_env.ctx.clock.today() and d.posted_on.maximumDate() == d.posted_on.date()
        assert any(w.text() == "王专员" for w in d.findChildren(type(d.photo_label)))
        qtbot.mouseClick(d.photo_button, Qt.MouseButton.LeftButton)
        assert d.photo is None
        d.reject()

    seen = when_modal(qtbot, cancel_photo_then_cancel)
    qtbot.mouseClick(page.post_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen) and not seen[0].isVisible(), timeout=5000)
    settle()
    assert ui_env.ctx.notices.recent_postings() == []  # neither photo 取消 nor dialog 取消 recorded

    yesterday = date.fromordinal(ui_env.ctx.clock.today().toordinal() - 1)

    def fill_and_ok(d: QWidget) -> None:
        assert isinstance(d, PostingDialog)
        d.posted_on.setDate(yesterday)
        qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)

    page.missing_view.selectRow(second)
    seen = when_modal(qtbot, fill_and_ok)
    qtbot.mouseClick(page.post_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen) and not seen[0].isVisible(), timeout=5000)
    settle()
    (posting,) = ui_env.ctx.notices.recent_postings()
    assert posting.board_uuid == boards[1] and posting.posted_on == yesterday and not posting.photo_sha256
    assert confirmations and page.missing_model.rowCount() == 1
    assert page.posting_model.data(page.posting_model.index(0, 3)) == "王专员"  # the name, not "admin"


def _press_escape(qtbot: QtBot, dialog: QWidget) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_escape_asks_before_discarding_a_half_written_notice(ui_env: UiEnv, qtbot: QtBot) -> None:
    dialog = NoticeEditorDialog(ui_env)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _press_escape(qtbot, dialog)  # nothing typed: closes without asking
    assert not dialog.isVisible()

    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.title_edit, "ab")

    def answer(label: str) -> Callable[[QWidget], None]:
        def act(box: QWidget) -> None:
            assert isinstance(box, QMessageBox) and box.windowTitle() == "放弃修改？"
            (button,) = [b for b in box.buttons() if b.text() == label]
            button.click()

        return act

    seen = when_modal(qtbot, answer("继续编辑"))
    _press_escape(qtbot, dialog)
    assert seen and dialog.isVisible() and dialog.title_edit.text() == "ab"
    seen = when_modal(qtbot, answer("放弃修改"))
    _press_escape(qtbot, dialog)
    assert seen and not dialog.isVisible()


def test_preview_fits_the_screen_and_saving_says_where(
    ui_env: UiEnv, qtbot: QtBot, tmp_path: object, monkeypatch: pytest.MonkeyPatch, settle: Settle
) -> None:
    from pathlib import Path

    from ui.notices.preview import PdfPreviewDialog

    uuid, _boards = _approved_notice(ui_env)
    dialog = PdfPreviewDialog(ui_env, ui_env.ctx.notices.get(uuid))
    qtbot.addWidget(dialog)
    settle()  # the PDF is made on the read pool
    screen = dialog.screen().availableGeometry()
    assert dialog.height() <= screen.height() - 40 and dialog.width() <= screen.width()
    target = Path(str(tmp_path)) / "公示.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")
    assert dialog.saved_label.text() == f"已保存到 {target}" and dialog.open_folder.isVisibleTo(dialog)


def test_review_dialog_shows_the_whole_notice_with_links_and_boards(
    ui_env: UiEnv, qtbot: QtBot, settle: Settle
) -> None:
    ctx = ui_env.ctx
    with ctx.session_factory() as session, session.begin():
        ctx.notices.seed_period_rules(session)
    board = ctx.notices.add_board("东唐村一号栏", "东唐村", actor=ui_env.user)
    ctx.catalogue.seed_bundled(actor="test")
    item = ctx.catalogue.items()[0]
    n = ctx.notices.create(
        NoticeDraft(
            template="dibao",
            title="关于拟保障对象的公示",
            body="申请人电话13805318842，经审核拟纳入保障。",
            period_start=date(2025, 9, 26),
            period_end=date(2025, 10, 2),
            issuer="唐王街道办事处",
            contact="社会事务办 0531-88123457",
            target_board_uuids=(board.uuid,),
            catalogue_item_uuids=(item.uuid,),
        ),
        actor=ui_env.user,
        submit=True,
    )
    r1 = ctx.users.add("r1", frozenset({Role.FIRST_REVIEWER}), "secret-123", display_name="张初审")
    env = UiEnv(ctx, r1, ui_env.bus, ui_env.tasks)
    page = NoticesPage(env)
    qtbot.addWidget(page)
    page.show()
    settle()
    page.open_record(n.uuid)
    settle()

    def read_then_return(d: QWidget) -> None:
        from ui.notices.review import ReviewDialog

        assert isinstance(d, ReviewDialog)
        text = d.notice_view.toPlainText()
        assert "经审核拟纳入保障" in text and "13805318842" not in text  # the public, masked text
        assert "东唐村一号栏" in d.links_label.text() and item.data.level1 in d.links_label.text()
        d.opinion_edit.setPlainText("名单缺少身份证号核对记录")
        qtbot.mouseClick(d.return_button, Qt.MouseButton.LeftButton)

    seen = when_modal(qtbot, read_then_return)
    qtbot.mouseClick(page.review_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen) and not seen[0].isVisible(), timeout=5000)
    settle()
    assert ctx.notices.get(n.uuid).status == "draft"
