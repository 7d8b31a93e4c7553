"""The one direction of dependency: ui → app → db, app → printing; never the reverse."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# app/__main__.py is the composition root (docs/ARCHITECTURE.md): it alone wires the UI in.
COMPOSITION_ROOT = ROOT / "app" / "__main__.py"

FORBIDDEN = {
    "app": ("ui", "PySide6.QtWidgets", "PySide6.QtGui", "server"),
    "db": ("ui", "app", "printing", "PySide6", "server"),
    "printing": ("ui", "app", "db", "PySide6", "server"),
    "server": ("ui", "app", "db", "printing", "PySide6"),
}


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


# The one module of ours the server may import: the sync wire schema (it imports nothing of ours).
WIRE = "app.sync.wire"
WIRE_FILE = ROOT / "app" / "sync" / "wire.py"
OURS = ("app", "ui", "db", "printing", "server", "resources", "tests", "bench")


def violations(package: str, forbidden: tuple[str, ...], allowed: tuple[str, ...] = ()) -> list[str]:
    found = []
    for path in sorted((ROOT / package).rglob("*.py")):
        if path == COMPOSITION_ROOT:
            continue
        for name in imported_modules(path):
            if name in allowed:
                continue
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                found.append(f"{path.relative_to(ROOT)} imports {name}")
    return found


def test_app_never_imports_ui_or_widgets() -> None:
    assert violations("app", FORBIDDEN["app"]) == []


def test_db_imports_nothing_of_ours_above_it() -> None:
    assert violations("db", FORBIDDEN["db"]) == []


def test_printing_is_pure() -> None:
    assert violations("printing", FORBIDDEN["printing"]) == []


def test_server_shares_nothing_but_the_wire_schema() -> None:
    assert violations("server", FORBIDDEN["server"], allowed=(WIRE,)) == []


def test_the_wire_schema_imports_nothing_of_ours() -> None:
    ours = [n for n in imported_modules(WIRE_FILE) if any(n == o or n.startswith(o + ".") for o in OURS)]
    assert ours == []


def test_importing_the_wire_schema_loads_nothing_else_of_ours() -> None:
    """``import app.sync.wire`` also runs app/__init__.py and app/sync/__init__.py: they stay empty."""
    for init in (ROOT / "app" / "__init__.py", ROOT / "app" / "sync" / "__init__.py"):
        assert imported_modules(init) == []


def test_ui_never_talks_to_the_database() -> None:
    assert violations("ui", ("sqlalchemy", "db")) == []


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    """Guard against a checker that passes vacuously."""
    bad = tmp_path / "bad.py"
    bad.write_text("import os\nfrom ui.main_window import MainWindow\n", encoding="utf-8")
    assert "ui.main_window" in imported_modules(bad)
