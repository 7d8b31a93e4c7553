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
    inst = ksub.add_parser(
        "install-session",
        help="（root）把本机设为触摸屏一体机：专用用户自动登录，只运行触摸屏",
        description=(
            "创建专用用户（默认 kiosk），其图形会话只在 Openbox 下运行 gongkai kiosk --supervise，"
            "关闭屏保和显示器节能；在找到的显示管理器（LightDM、GDM、SDDM）中设置自动登录。"
            "gongkai kiosk remove-session 完全撤销。"
        ),
    )
    inst.add_argument("--user", default="kiosk", help="触摸屏专用用户名（默认 kiosk；不存在则创建）")
    inst.add_argument("--kiosk-data-dir", help="触摸屏读取的数据目录（默认：该用户的数据目录）")
    layout = inst.add_mutually_exclusive_group()
    layout.add_argument("--portrait", action="store_true", help="竖屏布局")
    layout.add_argument("--landscape", action="store_true", help="横屏布局")
    inst.add_argument("--root", default="/", help=argparse.SUPPRESS)  # a fake root, for tests
    inst.set_defaults(handler=cmd_install_session)
    rem = ksub.add_parser("remove-session", help="（root）撤销 install-session 所做的一切（用户数据保留）")
    rem.add_argument("--root", default="/", help=argparse.SUPPRESS)
    rem.set_defaults(handler=cmd_remove_session)


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


def cmd_install_session(env: CliEnv) -> int:
    from pathlib import Path

    from app.kiosk_session import KioskSessionInstaller, SessionPlan, default_program

    a = env.args
    layout = ["--portrait"] if a.portrait else ["--landscape"] if a.landscape else []
    plan = SessionPlan(
        user=a.user,
        data_dir=Path(a.kiosk_data_dir).resolve() if a.kiosk_data_dir else None,
        program=default_program(),
        kiosk_args=layout,
    )
    record = KioskSessionInstaller(Path(a.root)).install(plan)
    print(
        f"已安装触摸屏会话：用户 {record.user}{'（新建）' if record.created_user else ''}，数据目录 {record.data_dir}"
    )
    for path in record.written:
        print(f"  写入 /{path}")
    for path in record.replaced:
        print(f"  修改 /{path}（原文件已备份）")
    if record.display_managers:
        print("自动登录：" + "、".join(record.display_managers) + "；重启后直接进入触摸屏。")
    else:
        print("未找到 LightDM、GDM 或 SDDM：请在登录界面为该用户选择“政务公开专区触摸屏”会话（见 README）。")
    database = Path(record.data_dir) / "gongkai.sqlite"
    if not database.exists():
        print(
            f"下一步：{database} 还没有数据库。请以 {record.user} 身份初始化或加入站点，并设置退出密码"
            "（gongkai kiosk set-pin），否则触摸屏会拒绝启动。"
        )
    return 0


def cmd_remove_session(env: CliEnv) -> int:
    from pathlib import Path

    from app.kiosk_session import KioskSessionInstaller

    record = KioskSessionInstaller(Path(env.args.root)).remove()
    print(f"已撤销触摸屏会话（用户 {record.user}）。")
    if record.created_user:
        print(f"已删除用户 {record.user}；其主目录和数据目录 {record.data_dir} 保留，不再需要时可手动删除。")
    return 0
