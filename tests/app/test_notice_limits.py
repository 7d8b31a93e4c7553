"""Hostile notice input (issue #13): a deeply nested draft file, a 10 MB body, a 100,000-row roster.

Each is refused with exit 2 and one line naming the limit; nothing is written or queued for sync.
The same limits hold in the window (the service refuses the draft with the same one-line message).
"""

from __future__ import annotations

import io
import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli.main import main
from app.context import AppContext
from app.errors import InputError
from app.notices import limits
from app.notices.values import NoticeDraft, Roster
from app.paths import DataPaths
from app.users import Role
from db.models import Notice, OutboxEntry

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "notice-dibao.json"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    d = ["--data-dir", str(tmp_path / "gk")]
    monkeypatch.setattr(sys, "stdin", io.StringIO("admin-pw-1\n"))
    init = [*d, "init", "--site-code", "370112-TW", "--site-name", "历城区唐王街道", "--admin", "wang"]
    assert main(init) == 0
    return d


def _create(site: list[str], path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO("admin-pw-1\n"))
    return main([*site, "notice", "create", str(path), "--user", "wang"])


def _counts(site: list[str]) -> tuple[int, int]:
    ctx = AppContext.open(DataPaths(Path(site[1])))
    try:
        with ctx.session_factory() as s:
            notices = s.execute(select(func.count()).select_from(Notice)).scalar_one()
            queued = s.execute(select(func.count()).select_from(OutboxEntry)).scalar_one()
            return int(notices), int(queued)
    finally:
        ctx.close()


def _example() -> dict[str, object]:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data.pop("boards", None)
    assert isinstance(data, dict)
    return data


HOSTILE = {
    "nested 100,000 deep": lambda: "[" * 100_000 + "]" * 100_000,
    "nested in a field": lambda: json.dumps(
        {**_example(), "roster": {"columns": ["x"], "rows": [[[[[[[["x"]]]]]]]]}}
    ),
    "a 10 MB body": lambda: json.dumps({**_example(), "body": "公示" * 5_000_000}, ensure_ascii=False),
    "a 1.5 MB body": lambda: json.dumps({**_example(), "body": "公" * 500_000}, ensure_ascii=False),
    "a 100,000-row roster": lambda: json.dumps(
        {**_example(), "roster": {"columns": ["序号"], "rows": [[str(i)] for i in range(100_000)]}}
    ),
    "NaN in a field": lambda: json.dumps(_example())[:-1] + ', "mask_names": NaN}',
    "a lone surrogate": lambda: json.dumps({**_example(), "title": "\ud800"}),
}
EXPECTED = {
    "nested 100,000 deep": "嵌套超过 8 层",
    "nested in a field": "嵌套超过 8 层",
    "a 10 MB body": "上限 2 MB",
    "a 1.5 MB body": "正文 500,000 字，超过上限 20,000 字",
    "a 100,000-row roster": "名单 100,000 行，超过上限 3,000 行",
    "NaN in a field": "NaN",
    "a lone surrogate": "孤立的代理项",
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_draft_file_is_refused_in_one_line(
    site: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: str,
) -> None:
    path = tmp_path / "draft.json"
    path.write_text(HOSTILE[case](), encoding="utf-8", errors="surrogatepass")
    before = _counts(site)
    capsys.readouterr()
    assert _create(site, path, monkeypatch) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err[:500]
    assert EXPECTED[case] in err and str(path) in err
    assert _counts(site) == before, "nothing written, nothing queued for sync"


def test_the_example_draft_is_within_the_limits(
    site: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ok.json"
    path.write_text(json.dumps(_example(), ensure_ascii=False), encoding="utf-8")
    assert _create(site, path, monkeypatch) == 0


def _draft(**kw: object) -> NoticeDraft:
    base = NoticeDraft(
        template="dibao",
        title="关于2025年第三批最低生活保障拟保障对象的公示",
        body="现将拟保障对象名单予以公示。",
        period_start=date(2025, 9, 26),
        period_end=date(2025, 10, 10),
        issuer="唐王街道社会事务办公室",
        contact="王专员 0531-88123457",
        roster=Roster(("序号", "户主姓名"), (("1", "张三"),)),
    )
    return replace(base, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"body": "公" * 10_000_000}, "正文 10,000,000 字，超过上限 20,000 字"),
        ({"roster": Roster(("序号",), tuple((str(i),) for i in range(100_000)))}, "名单 100,000 行"),
        ({"roster": Roster(("序号", "备注"), (("1", "x" * 5000),))}, "单元格 5,000 字，超过上限 200 字"),
        ({"roster": Roster(tuple(f"列{i}" for i in range(40)), ())}, "名单 40 列，超过上限 16 列"),
        ({"contact": "王" * 600}, "联系方式 600 字，超过上限 500 字"),
        ({"title": "公示\ud800"}, "孤立的代理项"),
    ],
    ids=["10M body", "100k rows", "long cell", "40 columns", "long contact", "lone surrogate"],
)
def test_the_window_path_meets_the_same_limits(
    ctx: AppContext, change: dict[str, object], expected: str
) -> None:
    clerk = ctx.users.add("clerk", frozenset({Role.CLERK}), "gongkai123")
    with pytest.raises(InputError) as caught:
        ctx.notices.create(_draft(**change), actor=clerk)
    assert expected in str(caught.value) and "\n" not in str(caught.value)
    assert ctx.notices.list() == []
    with ctx.session_factory() as s:
        assert s.execute(select(func.count()).select_from(OutboxEntry)).scalar_one() == 0


def test_the_largest_notice_fits_the_platforms_payload_limit() -> None:
    """The limits keep the biggest allowed roster inside wire.MAX_PAYLOAD_BYTES."""
    from app.sync import wire

    per_row = limits.MAX_ROSTER_CHARS // limits.MAX_ROSTER_ROWS
    cells = max(1, per_row // limits.MAX_CELL_CHARS)
    rows = [["字" * (per_row // cells)] * cells for _ in range(limits.MAX_ROSTER_ROWS)]
    payload = {"body": "字" * limits.MAX_BODY_CHARS, "roster": {"columns": ["列"] * cells, "rows": rows}}
    assert len(wire.canonical_json(payload)) < wire.MAX_PAYLOAD_BYTES
