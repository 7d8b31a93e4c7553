"""Helpers every subcommand shares: opening the context, reading passwords, printing JSON."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import TYPE_CHECKING, Any

from app.context import AppContext
from app.errors import GongkaiError
from app.paths import DataPaths, resolve_data_dir
from app.users import StaffUser

if TYPE_CHECKING:
    from app.cli.main import GuiLauncher


class CliEnv:
    """What a subcommand gets: parsed arguments, paths, and a lazily opened context."""

    def __init__(self, args: argparse.Namespace, gui: GuiLauncher | None = None) -> None:
        self.args = args
        self.gui = gui  # the window launcher, for commands that open a window (kiosk)
        self.paths: DataPaths = resolve_data_dir(getattr(args, "data_dir", None))
        self._ctx: AppContext | None = None

    def context(self, *, require_db: bool = True) -> AppContext:
        if self._ctx is None:
            if require_db and not self.paths.database.exists():
                raise GongkaiError(
                    f"数据目录 {self.paths.root} 中没有数据库：请先运行 gongkai init --site-code 代码 --site-name 名称"
                )
            self._ctx = AppContext.open(self.paths)
        return self._ctx

    def close(self) -> None:
        if self._ctx is not None:
            self._ctx.close()

    def staff_user(self) -> StaffUser:
        """Sign in the ``--user`` with a password read from standard input (same rules as the window)."""
        name = getattr(self.args, "user", None)
        if not name:
            raise GongkaiError(
                "--user：此命令需要以工作人员身份执行，请给出 --user 用户名（密码从标准输入读取）"
            )
        password = read_password(f"{name} 的密码：")
        return self.context().users.authenticate(name, password)


def read_password(prompt: str) -> str:
    """One line from standard input (a prompt without echo when it is a terminal)."""
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline()
    if not line:
        raise GongkaiError("标准输入：应有一行密码，但为空")
    return line.rstrip("\r\n")


def print_json(data: Any) -> None:
    """JSON on stdout with Chinese as UTF-8, not \\u escapes."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def print_table(rows: list[list[str]], headers: list[str]) -> None:
    widths = [max(_width(str(x)) for x in col) for col in zip(headers, *rows, strict=False)]
    for line in [headers, *rows]:
        print("  ".join(_pad(str(cell), w) for cell, w in zip(line, widths, strict=False)).rstrip())


def _width(text: str) -> int:
    # CJK characters take two terminal columns.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
