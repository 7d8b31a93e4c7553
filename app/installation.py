"""What this installation of Gongkai carries: its build stamp and the files it needs at run time.

A frozen bundle (``make package``, packaging/build.py) has a stamp, ``gongkai-build.json``, in the
bundle's folder: the version it was packaged as and the SHA-256 of every data file of our packages
it carries (fonts, translations, migrations, bundled data). ``gongkai doctor`` checks each of them
is present and intact, and that each kind is there at all. A source or wheel install has no stamp;
the kinds are then checked in the package folders.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import Any

STAMP_NAME = "gongkai-build.json"
#: Folders of our packages whose files the bundle must carry, with the kind a clerk would name.
KINDS = {
    "字体文件": ("resources", "fonts", (".ttf", ".ttc", ".otf")),
    "界面翻译": ("resources", "i18n", (".qm",)),
    "内置数据": ("resources", "data", (".csv", ".json", ".xlsx", ".ics", ".txt")),
    "分词词典": ("resources", "dict", (".txt",)),
}


@dataclass(frozen=True)
class FileCheck:
    name: str
    ok: bool
    detail: str


def bundle_dir() -> Path | None:
    """The folder of a frozen bundle's files (PyInstaller's ``sys._MEIPASS``), else None."""
    path = getattr(sys, "_MEIPASS", None)
    return Path(path) if getattr(sys, "frozen", False) and path else None


@cache
def build_stamp() -> dict[str, Any] | None:
    folder = bundle_dir()
    if folder is None or not (folder / STAMP_NAME).is_file():
        return None
    data: dict[str, Any] = json.loads((folder / STAMP_NAME).read_text(encoding="utf-8"))
    return data


def checks() -> list[FileCheck]:
    """One check per kind of bundled file, then the bundle's own manifest when there is one."""
    found = [
        _kind_check(name, package, folder, suffixes) for name, (package, folder, suffixes) in KINDS.items()
    ]
    found.append(_qt_translations_check())
    found.append(_migrations_check())
    stamp = build_stamp()
    if stamp is not None:
        found.append(_manifest_check(stamp))
    return found


def _kind_check(name: str, package: str, folder: str, suffixes: tuple[str, ...]) -> FileCheck:
    root = resources.files(package) / folder
    files = [f for f in _walk(root) if f.name.endswith(suffixes)]
    empty = [f.name for f in files if not f.read_bytes()]
    if not files:
        return FileCheck(name, False, f"{root} 中没有{name}，安装不完整，请重新安装")
    if empty:
        return FileCheck(name, False, f"{'、'.join(empty)} 为空文件，请重新安装")
    return FileCheck(name, True, f"{len(files)} 个")


def _walk(node: Any) -> list[Any]:
    if not node.is_dir():
        return []
    out = []
    for child in node.iterdir():
        out.extend(_walk(child) if child.is_dir() else [child])
    return out


def _qt_translations_check() -> FileCheck:
    """Qt's own Chinese strings (the standard dialogs' buttons: 确定, 取消, 打开…)."""
    from PySide6.QtCore import QLibraryInfo  # QtCore only: app/ never imports widgets

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if not (folder / "qtbase_zh_CN.qm").is_file():
        return FileCheck("Qt 界面翻译", False, f"{folder} 中没有 qtbase_zh_CN.qm，标准对话框将显示英文")
    return FileCheck("Qt 界面翻译", True, "qtbase_zh_CN.qm")


def _migrations_check() -> FileCheck:
    from db import migrate  # imported here: db is below app, and only doctor needs this

    try:
        heads = migrate.script_heads()
    except (OSError, SyntaxError) as exc:
        return FileCheck("迁移脚本", False, f"无法读取 {migrate.MIGRATIONS_DIR}：{exc}")
    if not (migrate.MIGRATIONS_DIR / "env.py").is_file() or len(heads) != 1:
        return FileCheck("迁移脚本", False, f"{migrate.MIGRATIONS_DIR} 不完整（末端版本：{sorted(heads)}）")
    if find_spec("alembic.command") is None:
        return FileCheck("迁移脚本", False, "缺少 Alembic，无法升级数据库，请重新安装")
    return FileCheck("迁移脚本", True, f"{len(migrate.known_revisions())} 个，最新 {next(iter(heads))}")


def _manifest_check(stamp: dict[str, Any]) -> FileCheck:
    folder = bundle_dir()
    assert folder is not None
    files: dict[str, str] = stamp.get("files", {})
    bad = []
    for rel, digest in files.items():
        path = folder / rel
        if not path.is_file():
            bad.append(f"缺少 {rel}")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            bad.append(f"已损坏 {rel}")
    version = stamp.get("version", "?")
    if bad:
        more = f" 等 {len(bad)} 处" if len(bad) > 5 else ""
        return FileCheck("安装包文件", False, "；".join(bad[:5]) + more + "，请重新安装")
    return FileCheck("安装包文件", True, f"版本 {version}，{len(files)} 个文件完好")
