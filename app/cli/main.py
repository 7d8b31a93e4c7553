"""Entry point of the ``gongkai`` command: parse, dispatch, and map failures to exit codes.

Exit codes: 0 success; 2 bad input or usage, with a one-line reason naming where; 1 an unexpected
failure, with the log file's path. With no subcommand the staff window opens; the window itself is
provided by the composition root (app/__main__.py), so this module never imports the UI.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Protocol

from app.cli.common import CliEnv
from app.errors import GongkaiError
from app.logsetup import configure as configure_logging
from app.version import app_version
from db.migrate import NewerDatabaseError

log = logging.getLogger(__name__)

# Each subcommand group is a module of app/cli with ``register(sub)``; later capabilities append theirs
# here, in the order ``gongkai --help`` lists them, with the top-level commands it registers.
# Only the module of the command being run is imported (``_modules_for``): importing all of them
# (printing, openpyxl, the sync client, ...) cost more than a second before ``gongkai today`` could
# start its query. tests/app/test_cli.py checks this table against what each module registers.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "core": ("init", "doctor", "backup", "restore", "user"),
    "workdays": ("workdays", "holidays"),
    "notices": ("notice",),
    "requests": ("request",),
    "today": ("today",),
    "report": ("report",),
    "events": ("event",),
    "catalogue": ("catalogue",),
    "documents": ("doc",),
    "sync": ("sync",),
    "device": ("device", "join"),
    "kiosk": ("kiosk",),
    "compact": ("compact",),
}

#: global options that take a value (the command is the first word that is neither an option nor
#: one of these values)
_VALUE_OPTIONS = ("--data-dir", "--user")


def command_of(argv: Sequence[str]) -> str | None:
    """The subcommand word in ``argv`` (None when there is none, e.g. ``gongkai --help``)."""
    words = iter(argv)
    for word in words:
        if word in _VALUE_OPTIONS:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def _modules_for(command: str | None) -> list[ModuleType]:
    """The CLI modules to register: the command's own, or all of them when the command is not
    known (no command, ``--help``, or a misspelling that argparse must list the choices for)."""
    names = [m for m, commands in COMMAND_MODULES.items() if command in commands] or list(COMMAND_MODULES)
    return [importlib.import_module(f"app.cli.{name}") for name in names]


class GuiLauncher(Protocol):
    """What the composition root hands in to open windows."""

    def run_staff(self, env: CliEnv) -> int: ...

    def run_kiosk(self, env: CliEnv) -> int: ...


class _Parser(argparse.ArgumentParser):
    """argparse with usage errors as one line naming the argument, exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: 用法错误：{message}（详见 {self.prog} --help）\n")
        raise SystemExit(2)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``command`` it knows only that command's group (see ``_modules_for``)."""
    parser = _Parser(
        prog="gongkai",
        description="公开专区工作台：基层政务公开专区的目录、公示、活动、依申请公开与同步。不带子命令时打开工作窗口。",
    )
    parser.add_argument(
        "--data-dir", help="数据目录（数据库、备份、日志、生成文件）；也可用环境变量 GONGKAI_DATA_DIR"
    )
    parser.add_argument(
        "--user",
        dest="gui_user",
        metavar="用户名",
        help="打开工作窗口时登录框预先选中此用户（不带子命令时有效；否则记住本机上次登录的用户）",
    )
    parser.add_argument("--version", action="version", version=f"gongkai {app_version()}")
    parser.add_argument("-v", "--verbose", action="store_true", help="日志写入调试信息")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)
    for module in _modules_for(command):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None, gui: GuiLauncher | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(command_of(argv))
    args = parser.parse_args(argv)
    env = CliEnv(args, gui)
    handler: Callable[[CliEnv], int] | None = getattr(args, "handler", None)
    try:
        configure_logging(env.paths, verbose=args.verbose)
    except OSError as exc:
        sys.stderr.write(f"gongkai: 数据目录 {env.paths.root} 不可写：{exc}\n")
        return 2
    try:
        if handler is None:
            if gui is None:
                parser.print_help()
                return 0
            return gui.run_staff(env)
        return handler(env)
    except (GongkaiError, NewerDatabaseError) as exc:
        sys.stderr.write(f"gongkai: {exc}\n")
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `gongkai notice list | head`): not a failure of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception:
        log.exception("unexpected failure in %s", args.command)
        sys.stderr.write(f"gongkai: 意外错误，详情已写入日志 {env.paths.log_file}\n")
        return 1
    finally:
        env.close()
