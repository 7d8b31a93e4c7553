"""Boards and postings: posting rules, photos by SHA-256, take-downs due, boards missing a notice; the CLI."""

from __future__ import annotations

import hashlib
import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from app.cli.main import main
from app.context import AppContext
from app.errors import StateError
from app.notices import NoticeDraft
from app.users import Role, StaffUser

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def people(ctx: AppContext) -> dict[str, StaffUser]:
    with ctx.session_factory() as session, session.begin():
        ctx.notices.seed_period_rules(session)
    roles = {
        "admin": {Role.ADMIN, Role.CLERK},
        "r1": {Role.FIRST_REVIEWER},
        "r2": {Role.SECOND_REVIEWER},
        "r3": {Role.FINAL_REVIEWER},
    }
    return {n: ctx.users.add(n, frozenset(r), "secret-123") for n, r in roles.items()}


def approved(ctx: AppContext, people: dict[str, StaffUser], boards: tuple[str, ...]) -> str:
    n = ctx.notices.create(
        NoticeDraft(
            template="general",
            title="关于开展秋季征兵报名的公告",
            body="适龄青年请到街道武装部报名。",
            period_start=date(2025, 9, 26),
            period_end=date(2025, 9, 30),
            issuer="唐王街道办事处",
            contact="武装部 0531-88123459",
            target_board_uuids=boards,
        ),
        actor=people["admin"],
        submit=True,
    )
    ctx.notices.review(n.uuid, actor=people["r1"], decision="approve")
    ctx.notices.review(n.uuid, actor=people["r2"], decision="approve")
    ctx.notices.review(n.uuid, actor=people["r3"], decision="approve", confidentiality_checked=True)
    return n.uuid


def test_postings_take_downs_and_missing_boards(
    ctx: AppContext, people: dict[str, StaffUser], tmp_path: Path, clock: object
) -> None:
    admin = people["admin"]
    a = ctx.notices.add_board("东唐村村务公开栏", "东唐村", actor=admin)
    b = ctx.notices.add_board("西营村村务公开栏", "西营村", actor=admin, medium="screen")
    uuid = approved(ctx, people, (a.uuid, b.uuid))
    assert {m.board_name for m in ctx.notices.boards_missing_notices()} == {
        "东唐村村务公开栏",
        "西营村村务公开栏",
    }

    photo = tmp_path / "board.jpg"
    photo.write_bytes(b"\xff\xd8fake-jpeg")
    posting = ctx.notices.record_posting(uuid, a.uuid, actor=admin, photo=photo)
    sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    assert posting.photo_sha256 == sha and (ctx.paths.blobs / sha[:2] / f"{sha}.jpg").exists()
    assert posting.take_down_on == date(2025, 10, 1)
    assert [m.board_name for m in ctx.notices.boards_missing_notices()] == ["西营村村务公开栏"]

    assert ctx.notices.take_downs_due(date(2025, 9, 30)) == []
    due = ctx.notices.take_downs_due(date(2025, 10, 3))
    assert [(d.posting.board_name, d.overdue_days) for d in due] == [("东唐村村务公开栏", 2)]
    ctx.notices.take_down(posting.uuid, actor=admin, on=date(2025, 10, 3))
    assert ctx.notices.take_downs_due(date(2025, 10, 3)) == []
    with pytest.raises(StateError):
        ctx.notices.take_down(posting.uuid, actor=admin)
    month = ctx.notices.postings_between(date(2025, 10, 1), date(2025, 10, 31))
    assert [p.taken_down_on for p in month] == [date(2025, 10, 3)]
    assert len(ctx.notices.reviews_between(date(2025, 9, 1), date(2025, 9, 30))) == 4


def test_drafts_cannot_be_posted_and_withdrawal_brings_postings_down(
    ctx: AppContext, people: dict[str, StaffUser]
) -> None:
    admin = people["admin"]
    board = ctx.notices.add_board("唐王社区电子公开屏", "唐王社区", actor=admin, medium="screen")
    uuid = approved(ctx, people, (board.uuid,))
    draft_notice = ctx.notices.create(ctx.notices.get(uuid).draft, actor=admin)
    with pytest.raises(StateError, match="审定后才能张贴"):
        ctx.notices.record_posting(draft_notice.uuid, board.uuid, actor=admin)
    ctx.notices.record_posting(uuid, board.uuid, actor=admin)
    ctx.notices.withdraw(uuid, actor=admin, reason="活动取消")
    assert [d.overdue_days for d in ctx.notices.take_downs_due(date(2025, 9, 26))] == [0]


def test_print_log(ctx: AppContext, people: dict[str, StaffUser]) -> None:
    uuid = approved(ctx, people, ())
    ctx.notices.record_print(uuid, actor=people["admin"], copies=2, board="东唐村村务公开栏", printer="PDF")
    (rec,) = ctx.notices.print_log(uuid)
    assert (rec.copies, rec.board, rec.printed_by) == (2, "东唐村村务公开栏", "admin")


def run(argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(argv)


def test_cli_create_review_list_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    d = ["--data-dir", str(tmp_path / "gk")]
    assert main([*d, "init", "--site-code", "370112-TW", "--site-name", "历城区唐王街道", "--demo"]) == 0
    example = str(ROOT / "docs" / "examples" / "notice-dibao.json")
    assert run([*d, "notice", "templates", "--json"], "", monkeypatch) == 0
    capsys.readouterr()
    assert run([*d, "notice", "create", example, "--user", "clerk"], "gongkai123\n", monkeypatch) == 0
    notice_id = capsys.readouterr().out.strip()
    assert notice_id.isdigit()
    assert (
        run(
            [
                *d,
                "notice",
                "review",
                notice_id,
                "--user",
                "reviewer1",
                "--decision",
                "approve",
                "--opinion",
                "同意",
            ],
            "gongkai123\n",
            monkeypatch,
        )
        == 0
    )
    assert "待复审" in capsys.readouterr().out
    assert (
        run(
            [*d, "notice", "review", notice_id, "--user", "reviewer1", "--decision", "approve"],
            "wrong\n",
            monkeypatch,
        )
        == 2
    )
    assert run([*d, "notice", "list", "--json"], "", monkeypatch) == 0
    listed = {n["id"]: n for n in json.loads(capsys.readouterr().out)}
    row = listed[int(notice_id)]
    assert row["status"] == "second_review" and row["public_url"].endswith(row["uuid"])
    out = tmp_path / "n.pdf"
    assert (
        run([*d, "notice", "pdf", notice_id, "-o", str(out), "--size", "A3", "--landscape"], "", monkeypatch)
        == 0
    )
    assert out.read_bytes().startswith(b"%PDF")
    bad = tmp_path / "bad.json"
    bad.write_text('{"template": "dibao", "title": 3}', encoding="utf-8")
    capsys.readouterr()
    assert run([*d, "notice", "create", str(bad), "--user", "clerk"], "gongkai123\n", monkeypatch) == 2
    err = capsys.readouterr().err
    assert "bad.json" in err and "title" in err and "body：缺少必填字段" in err
