"""The kiosk appliance: a dedicated user whose graphical session is the touch screen and nothing else.

``gongkai kiosk install-session --user kiosk`` (as root) creates the user (a locked password: nobody
signs in as it by hand), an X session ``gongkai-kiosk`` that starts Openbox with no key or mouse
bindings and then ``gongkai kiosk --supervise``, with screen blanking and DPMS off, and automatic
login into that session through every display manager it finds: LightDM (also the base of 统信 UOS
and 银河麒麟 Kylin desktops), GDM and SDDM. ``gongkai kiosk remove-session`` undoes exactly what was
done, from the record kept in /var/lib/gongkai/kiosk-session.json: files it wrote are deleted,
files it changed get their earlier content back, and the user is deleted only if it was created
here (its home, with its data, stays).

Every path is taken under ``root`` (default ``/``), so tests run the whole thing against a
directory; accounts are made with useradd/userdel ``--prefix`` there.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import GongkaiError

SESSION_NAME = "gongkai-kiosk"
RECORD = Path("var/lib/gongkai/kiosk-session.json")
BACKUPS = Path("var/lib/gongkai/kiosk-session-backup")
SESSION_SCRIPT = Path("usr/local/lib/gongkai/kiosk-session")
OPENBOX_CONFIG = Path("etc/gongkai/kiosk-openbox.xml")
XSESSION = Path(f"usr/share/xsessions/{SESSION_NAME}.desktop")
LIGHTDM_DROPIN = Path("etc/lightdm/lightdm.conf.d/50-gongkai-kiosk.conf")
SDDM_DROPIN = Path("etc/sddm.conf.d/50-gongkai-kiosk.conf")
GDM_CONFIGS = (Path("etc/gdm3/daemon.conf"), Path("etc/gdm3/custom.conf"), Path("etc/gdm/custom.conf"))
ACCOUNTS_SERVICE = Path("var/lib/AccountsService/users")

# Openbox with no key bindings, no mouse bindings and no menu: nothing to switch, close or launch.
OPENBOX_RC = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by `gongkai kiosk install-session`; removed by `gongkai kiosk remove-session`.
     No key or mouse bindings: the kiosk user cannot close, switch or start anything. -->
<openbox_config xmlns="http://openbox.org/3.4/rc">
  <desktops><number>1</number></desktops>
  <keyboard></keyboard>
  <mouse></mouse>
  <applications>
    <application class="*"><decor>no</decor><maximized>yes</maximized></application>
  </applications>
</openbox_config>
"""


@dataclass
class SessionRecord:
    """What install-session did, so remove-session can undo exactly that."""

    user: str
    created_user: bool
    data_dir: str
    written: list[str] = field(default_factory=list)  # files that did not exist before
    made_dirs: list[str] = field(default_factory=list)  # folders that did not exist before
    replaced: dict[str, str] = field(default_factory=dict)  # file -> its backup copy
    display_managers: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SessionPlan:
    user: str
    data_dir: Path | None  # None: the kiosk user's own default data directory
    program: list[str]  # the gongkai command, e.g. ["/usr/bin/gongkai"]
    kiosk_args: list[str] = field(default_factory=list)  # e.g. ["--portrait"]


def default_program() -> list[str]:
    """The gongkai command to start in the session: this installation's."""
    if getattr(sys, "frozen", False):
        packaged = Path("/usr/bin/gongkai")
        if packaged.exists() and packaged.resolve() == Path(sys.executable).resolve():
            return [str(packaged)]
        return [sys.executable]
    return [sys.executable, "-m", "app"]


class KioskSessionInstaller:
    """Installs and removes the kiosk session under ``root``."""

    def __init__(self, root: Path = Path("/")) -> None:
        self.root = root

    def at(self, rel: Path) -> Path:
        return self.root / rel

    # ------------------------------------------------------------------ install
    def install(self, plan: SessionPlan) -> SessionRecord:
        _require_root()
        if self.at(RECORD).exists():
            raise GongkaiError(
                f"触摸屏会话已安装（记录：{self.at(RECORD)}）；如需重装，请先运行 gongkai kiosk remove-session"
            )
        if not _valid_user_name(plan.user):
            raise GongkaiError(f"--user：用户名“{plan.user}”无效，应为小写字母开头的字母、数字、-、_")
        record = SessionRecord(user=plan.user, created_user=False, data_dir="")
        try:
            record.created_user = self._ensure_user(plan.user)
            home = self._home(plan.user)
            assert home is not None
            data_dir = plan.data_dir or home / ".local/share/gongkai"
            record.data_dir = str(data_dir)
            self._write(record, OPENBOX_CONFIG, OPENBOX_RC)
            self._write(record, SESSION_SCRIPT, self._session_script(plan, data_dir), mode=0o755)
            self._write(record, XSESSION, _xsession_entry())
            self._configure_display_managers(record, plan.user)
        except BaseException:
            self._undo(record)
            raise
        self._mkdirs(record, RECORD.parent)
        self.at(RECORD).write_text(
            json.dumps(record.__dict__, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        return record

    def _session_script(self, plan: SessionPlan, data_dir: Path) -> str:
        command = shlex.join(
            [*plan.program, "--data-dir", str(data_dir), "kiosk", *plan.kiosk_args, "--supervise"]
        )
        return f"""#!/bin/sh
# The gongkai-kiosk X session. Written by `gongkai kiosk install-session`; removed by
# `gongkai kiosk remove-session`. Runs as the kiosk user.
# Never blank the screen, never power it down: a touch screen in a service hall is always on.
xset s off s noblank -dpms 2>/dev/null || true
# A window manager with nothing bound (see {OPENBOX_CONFIG.name}): full screen, no way out but the PIN.
openbox --config-file /{OPENBOX_CONFIG} &
wm=$!
# Restarts the kiosk if it crashes; ends when an administrator leaves with the exit PIN.
{command}
status=$?
kill "$wm" 2>/dev/null
wait "$wm" 2>/dev/null
exit "$status"
"""

    def _configure_display_managers(self, record: SessionRecord, user: str) -> None:
        if self.at(Path("etc/lightdm")).is_dir():
            # LightDM reads every *.conf in lightdm.conf.d; -s 0 -dpms keeps the X server from blanking.
            self._write(
                record,
                LIGHTDM_DROPIN,
                "# Written by `gongkai kiosk install-session`; removed by `gongkai kiosk remove-session`.\n"
                "[Seat:*]\n"
                f"autologin-user={user}\n"
                "autologin-user-timeout=0\n"
                f"autologin-session={SESSION_NAME}\n"
                "xserver-command=X -s 0 -dpms\n",
            )
            record.display_managers.append("lightdm")
        if self.at(Path("etc/sddm.conf.d")).is_dir() or self.at(Path("etc/sddm.conf")).exists():
            self._write(
                record,
                SDDM_DROPIN,
                "# Written by `gongkai kiosk install-session`; removed by `gongkai kiosk remove-session`.\n"
                "[Autologin]\n"
                f"User={user}\n"
                f"Session={SESSION_NAME}.desktop\n"
                "Relogin=true\n",
            )
            record.display_managers.append("sddm")
        for gdm in GDM_CONFIGS:
            if self.at(gdm).exists() or self.at(gdm).parent.is_dir():
                self._edit_ini(
                    record,
                    gdm,
                    "daemon",
                    {"AutomaticLoginEnable": "true", "AutomaticLogin": user},
                )
                # GDM picks the session of an automatic login from AccountsService.
                self._write_or_replace(
                    record,
                    ACCOUNTS_SERVICE / user,
                    f"[User]\nSession={SESSION_NAME}\nXSession={SESSION_NAME}\nSystemAccount=false\n",
                )
                record.display_managers.append("gdm")
                break

    # ------------------------------------------------------------------ remove
    def remove(self) -> SessionRecord:
        _require_root()
        if not self.at(RECORD).exists():
            raise GongkaiError(f"没有已安装的触摸屏会话（{self.at(RECORD)} 不存在）")
        record = SessionRecord(**json.loads(self.at(RECORD).read_text(encoding="utf-8")))
        self.at(RECORD).unlink()
        self._undo(record)
        return record

    def _undo(self, record: SessionRecord) -> None:
        for rel in reversed(record.written):
            self.at(Path(rel)).unlink(missing_ok=True)
        for rel, backup in record.replaced.items():
            shutil.copy2(self.at(Path(backup)), self.at(Path(rel)))
            self.at(Path(backup)).unlink()
        for rel in sorted(record.made_dirs, key=lambda d: d.count("/"), reverse=True):
            _remove_if_empty(self.at(Path(rel)))
        if record.created_user:
            # The account goes; its home (and any data in it) stays, as uninstalling does.
            done = subprocess.run(["userdel", *self._prefix(), record.user], capture_output=True, text=True)
            if done.returncode != 0:  # e.g. still signed in: everything else is undone already
                raise GongkaiError(
                    f"会话文件已撤销，但用户 {record.user} 未能删除（{done.stderr.strip()}）："
                    f"请让该用户注销后运行 userdel {record.user}"
                )
            if self._has_group(record.user):  # userdel keeps it unless login.defs says USERGROUPS_ENAB
                subprocess.run(["groupdel", *self._prefix(), record.user], check=True, capture_output=True)

    # ------------------------------------------------------------------ helpers
    def _write(self, record: SessionRecord, rel: Path, text: str, mode: int = 0o644) -> None:
        path = self.at(rel)
        if path.exists():
            raise GongkaiError(f"{path} 已存在，不是本程序写入的；请检查后删除再安装")
        self._mkdirs(record, rel.parent)
        path.write_text(text, encoding="utf-8")
        path.chmod(mode)
        record.written.append(str(rel))

    def _write_or_replace(self, record: SessionRecord, rel: Path, text: str) -> None:
        if self.at(rel).exists():
            self._back_up(record, rel)
            self.at(rel).write_text(text, encoding="utf-8")
        else:
            self._write(record, rel, text)

    def _mkdirs(self, record: SessionRecord, rel: Path) -> None:
        """Create ``rel`` and its missing parents, remembering which were made here."""
        missing = [d for d in (rel, *rel.parents) if d != Path(".") and not self.at(d).exists()]
        for folder in reversed(missing):
            self.at(folder).mkdir()
            record.made_dirs.append(str(folder))

    def _back_up(self, record: SessionRecord, rel: Path) -> None:
        backup = BACKUPS / rel
        self._mkdirs(record, backup.parent)
        shutil.copy2(self.at(rel), self.at(backup))
        record.replaced[str(rel)] = str(backup)

    def _edit_ini(self, record: SessionRecord, rel: Path, section: str, values: dict[str, str]) -> None:
        """Set ``values`` in ``[section]``, keeping every other line (comments too) as it was."""
        path = self.at(rel)
        if path.exists():
            self._back_up(record, rel)
            lines = path.read_text(encoding="utf-8").splitlines()
        else:
            self._mkdirs(record, rel.parent)
            record.written.append(str(rel))
            lines = []
        header = f"[{section}]"
        if header not in (line.strip() for line in lines):
            lines += ["", header] if lines else [header]
        start = next(i for i, line in enumerate(lines) if line.strip() == header) + 1
        end = next((i for i in range(start, len(lines)) if lines[i].strip().startswith("[")), len(lines))
        body = lines[start:end]
        for key, value in values.items():
            found = [i for i, line in enumerate(body) if line.split("=", 1)[0].strip() == key]
            if found:
                body[found[0]] = f"{key}={value}"
            else:
                body.insert(0, f"{key}={value}")
        lines[start:end] = body
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def _prefix(self) -> list[str]:
        return [] if self.root == Path("/") else ["--prefix", str(self.root)]

    def _ensure_user(self, user: str) -> bool:
        if self._home(user) is not None:
            return False
        subprocess.run(
            ["useradd", *self._prefix(), "--create-home", "--user-group", "--shell", "/bin/sh",
             "--comment", "Gongkai kiosk", user],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        return True

    def _has_group(self, name: str) -> bool:
        group = self.at(Path("etc/group"))
        lines = group.read_text(encoding="utf-8").splitlines() if group.exists() else []
        return any(line.split(":", 1)[0] == name for line in lines)

    def _home(self, user: str) -> Path | None:
        """The user's home directory, or None if there is no such user."""
        if self.root == Path("/"):
            try:
                return Path(pwd.getpwnam(user).pw_dir)
            except KeyError:
                return None
        passwd = self.at(Path("etc/passwd"))
        for line in passwd.read_text(encoding="utf-8").splitlines() if passwd.exists() else []:
            parts = line.split(":")
            if parts[0] == user and len(parts) > 5:
                return Path(parts[5])
        return None


def _xsession_entry() -> str:
    return (
        "[Desktop Entry]\n"
        "# Written by `gongkai kiosk install-session`; removed by `gongkai kiosk remove-session`.\n"
        "Type=XSession\n"
        "Name=Gongkai kiosk\n"
        "Name[zh_CN]=政务公开专区触摸屏\n"
        "Comment=The touch screen of the disclosure zone, full screen and locked\n"
        "Comment[zh_CN]=政务公开专区触摸屏（全屏、锁定）\n"
        f"Exec=/{SESSION_SCRIPT}\n"
    )


def _valid_user_name(name: str) -> bool:
    return bool(name) and name[0].islower() and all(c.islower() or c.isdigit() or c in "-_" for c in name)


def _require_root() -> None:
    if os.geteuid() != 0:
        raise GongkaiError("需要 root 权限：请用 sudo 运行")


def _remove_if_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not empty: something else lives there too
        folder.rmdir()
