"""``gongkai kiosk``: open the touch-screen display, supervise it, or set its exit PIN.

The window itself comes from the GUI launcher the composition root hands in (``env.gui``), so this
module never imports the UI. ``--supervise`` runs the kiosk as a child process of this one and
restarts it when it crashes (app/supervise.py).
"""

from __future__ import annotations

import argparse
import signal
import sys

from app.cli.common import CliEnv, read_password
from app.errors import GongkaiError
from app.kiosk import KioskService
from app.supervise import SupervisePolicy, supervise


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "kiosk",
        help="打开政务公开专区触摸屏（全屏、锁定、只读）",
        description=(
            "打开触摸屏全屏界面：首页轮播当前公示与近期活动，可查公开目录、拼音首字母查找、公示公告和活动日历。"
            "数据库以只读方式打开；工作窗口或同步写入的内容约 2 秒内自动出现。"
            "管理员退出：3 秒内连点时钟左上角五次，再输入退出密码。"
        ),
    )
    p.add_argument("--screen", type=int, default=None, help="显示在第 N 块屏幕上（从 0 起）")
    orient = p.add_mutually_exclusive_group()
    orient.add_argument("--portrait", action="store_true", help="竖屏布局（1080×1920）")
    orient.add_argument("--landscape", action="store_true", help="横屏布局（1920×1080）")
    p.add_argument(
        "--supervise", action="store_true", help="守护运行：触摸屏意外退出时自动重启（管理员正常退出则结束）"
    )
    p.set_defaults(handler=cmd_kiosk)
    ksub = p.add_subparsers(dest="kiosk_cmd", metavar="子命令")
    pin = ksub.add_parser(
        "set-pin",
        help="设置触摸屏退出密码（管理员；从标准输入依次读取登录密码和 4–12 位数字退出密码）",
    )
    pin.add_argument("--user", required=True, help="管理员用户名")
    pin.set_defaults(handler=cmd_set_pin)


def child_command(env: CliEnv) -> list[str]:
    """The same kiosk command without --supervise, for the supervised child."""
    a = env.args
    # A frozen bundle's executable is the gongkai command itself; elsewhere run the package.
    program = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "app"]
    cmd = [*program, "--data-dir", str(env.paths.root)]
    if a.verbose:
        cmd.append("--verbose")
    cmd.append("kiosk")
    if a.screen is not None:
        cmd += ["--screen", str(a.screen)]
    if a.portrait:
        cmd.append("--portrait")
    if a.landscape:
        cmd.append("--landscape")
    return cmd


def cmd_kiosk(env: CliEnv) -> int:
    if not env.paths.database.exists():
        raise GongkaiError(f"数据目录 {env.paths.root} 中没有数据库：请先运行 gongkai init")
    if env.args.supervise:
        # A service manager stops us with SIGTERM: turn it into an exception so subprocess.call
        # kills the child kiosk too instead of leaving it running without a supervisor.
        signal.signal(signal.SIGTERM, _terminate)
        result = supervise(child_command(env), SupervisePolicy())
        return result.exit_code
    if env.gui is None:
        raise GongkaiError("此命令需要图形界面：请用 gongkai 命令（python -m app）启动")
    return env.gui.run_kiosk(env)


def _terminate(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def cmd_set_pin(env: CliEnv) -> int:
    user = env.staff_user()
    pin = read_password("触摸屏退出密码（4–12 位数字）：")
    KioskService(env.context()).set_pin(user, pin)
    print("触摸屏退出密码已设置（以哈希保存）。")
    return 0
