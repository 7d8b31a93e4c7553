"""A character no print face has: the PDF is not written, the command exits 2 naming the record,
the character and its code point. Masking keeps rare characters and their variation selectors whole."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.cli.main import main
from app.context import AppContext
from app.errors import InputError
from app.notices import NoticeDraft, Roster
from app.privacy.names import mask_person_name
from app.users import Role


def _notice(ctx: AppContext, name: str) -> str:
    with ctx.session_factory() as session, session.begin():
        ctx.notices.seed_period_rules(session)
    try:
        clerk = ctx.users.add("clerk", frozenset({Role.CLERK}), "secret-123")
    except Exception:  # noqa: BLE001  (the second notice of a test)
        clerk = next(u for u in ctx.users.list() if u.name == "clerk")
    return ctx.notices.create(
        NoticeDraft(
            template="dibao",
            title="唐王街道关于拟保障对象的公示",
            body="现将拟保障对象名单予以公示。",
            period_start=date(2025, 9, 26),
            period_end=date(2025, 10, 2),
            issuer="历城区唐王街道办事处",
            contact="社会事务办 0531-88123457",
            supervision_phone="0531-88123456",
            roster=Roster(("序号", "户主姓名", "所在村"), (("1", name, "东唐村"),)),
        ),
        actor=clerk,
    ).uuid


def test_rare_names_print_and_a_private_use_character_is_refused(ctx: AppContext, tmp_path: Path) -> None:
    ok = _notice(ctx, "吉𠮷")
    assert ctx.notices.pdf(ok)[:5] == b"%PDF-"
    bad = _notice(ctx, "王\ue000明")
    with pytest.raises(InputError) as err:
        ctx.notices.pdf(bad)
    message = str(err.value)
    assert "公示“唐王街道关于拟保障对象的公示”" in message and "U+E000" in message and "王\ue000明" in message


def test_cli_exits_2_and_writes_nothing(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _notice(ctx, "王\ue000明")
    out = tmp_path / "n.pdf"
    ctx.close()
    code = main(["--data-dir", str(ctx.paths.root), "notice", "pdf", bad, "-o", str(out)])
    assert code == 2 and not out.exists()
    assert "U+E000" in capsys.readouterr().err


@pytest.mark.parametrize(
    "name,masked",
    [("张𬌗", "张*"), ("刘䶮", "刘*"), ("吉𠮷", "吉*"), ("𠮷野家", "𠮷**"), ("欧阳𬌗𠮷", "欧阳**"),
     ("张\U000e0100三", "张\U000e0100*"), ("𠮷\U000e0100野", "𠮷\U000e0100*"), ("李\ufe00四五", "李\ufe00**")],
)  # fmt: skip
def test_masking_keeps_rare_characters_whole(name: str, masked: str) -> None:
    assert mask_person_name(name) == masked
