"""``gongkai event``: list (expanded, ISO 8601 with offset), export/import round trip, poster, errors."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from app.cli.main import main
from app.clock import ZONE
from app.context import AppContext
from app.events import EventDraft
from app.paths import DataPaths


@pytest.fixture
def data_dir(tmp_path: Path) -> str:
    d = str(tmp_path / "gk")
    assert main(["--data-dir", d, "init", "--site-code", "370112-TW", "--site-name", "历城区唐王街道"]) == 0
    ctx = AppContext.open(DataPaths(Path(d)))
    ctx.events.create(
        "cli",
        EventDraft(
            "procedure_demonstration",
            "办事流程演示",
            datetime(2025, 11, 13, 14, 30, tzinfo=ZONE),
            datetime(2025, 11, 13, 15, 30, tzinfo=ZONE),
            place="专区",
            rrule="FREQ=MONTHLY;BYDAY=2TH;COUNT=4",
        ),
        ical_uid="demo@x",
    )
    ctx.close()
    return d


def test_list_json_expands_occurrences(data_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert (
        main(
            ["--data-dir", data_dir, "event", "list", "--from", "2025-11-01", "--to", "2026-02-28", "--json"]
        )
        == 0
    )
    rows = json.loads(capsys.readouterr().out)
    assert [(r["uid"], r["start"], r["end"]) for r in rows] == [
        ("demo@x", "2025-11-13T14:30:00+08:00", "2025-11-13T15:30:00+08:00"),
        ("demo@x", "2025-12-11T14:30:00+08:00", "2025-12-11T15:30:00+08:00"),
        ("demo@x", "2026-01-08T14:30:00+08:00", "2026-01-08T15:30:00+08:00"),
        ("demo@x", "2026-02-12T14:30:00+08:00", "2026-02-12T15:30:00+08:00"),
    ]
    assert rows[0]["type"] == "procedure_demonstration" and rows[0]["title"] == "办事流程演示"


def test_export_then_import_changes_nothing(
    data_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.ics"
    assert main(["--data-dir", data_dir, "event", "export", str(out), "--from", "2025-11-01"]) == 0
    assert main(["--data-dir", data_dir, "event", "import", str(out)]) == 0
    assert "新增 0，更新 0，未变 1" in capsys.readouterr().out


def test_poster(data_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "p.pdf"
    # Before the first sync the platform's address is unknown: the poster's QR could not open.
    assert main(["--data-dir", data_dir, "event", "poster", "demo@x", "-o", str(out)]) == 2
    assert "尚未连接市级平台" in capsys.readouterr().err and not out.exists()
    ctx = AppContext.open(DataPaths(Path(data_dir)))
    ctx.settings.set("public_base_url", "https://gk.jinan.gov.cn")  # what a sync stores
    ctx.close()
    assert main(["--data-dir", data_dir, "event", "poster", "demo@x", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_bad_input_exits_2(data_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.ics"
    bad.write_text(
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:x\nEND:VEVENT\nEND:VCALENDAR\n", encoding="utf-8"
    )
    assert main(["--data-dir", data_dir, "event", "import", str(bad)]) == 2
    assert "bad.ics 第 4 行" in capsys.readouterr().err
    assert main(["--data-dir", data_dir, "event", "list", "--from", "2025-13-01"]) == 2
    assert main(["--data-dir", data_dir, "event", "poster", "nope", "-o", str(tmp_path / "n.pdf")]) == 2
