"""The kiosk appliance session, installed into and removed from a fake root directory.

Accounts are made with the real useradd/userdel (``--prefix``), which need root; CI runs as root.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from app.cli.main import main
from app.errors import GongkaiError
from app.kiosk_session import (
    LIGHTDM_DROPIN,
    RECORD,
    SDDM_DROPIN,
    SESSION_SCRIPT,
    XSESSION,
    KioskSessionInstaller,
    SessionPlan,
)

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("useradd"), reason="useradd --prefix needs root"
)

GDM_CONF = "[daemon]\n# Uncomment the line below to force the login screen to use Xorg\n#WaylandEnable=false\n\n[security]\n"
PLAN = SessionPlan(user="kiosk", data_dir=None, program=["/usr/bin/gongkai"])


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every path under root with its content (None for folders); shadow-utils' "-" backups left out."""
    return {
        str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None)
        for p in sorted(root.rglob("*"))
        if not p.name.endswith("-")
    }


@pytest.fixture
def fake_root(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    (root / "etc/lightdm").mkdir(parents=True)
    (root / "etc/sddm.conf.d").mkdir(parents=True)
    (root / "etc/gdm3").mkdir(parents=True)
    (root / "etc/gdm3/daemon.conf").write_text(GDM_CONF)
    (root / "home").mkdir()
    (root / "usr/share/xsessions").mkdir(parents=True)
    (root / "usr/share/xsessions/openbox.desktop").write_text("[Desktop Entry]\nName=Openbox\n")
    for name in ("passwd", "group", "shadow", "gshadow"):
        (root / "etc" / name).write_text(
            {"passwd": "root:x:0:0:root:/root:/bin/bash\n", "group": "root:x:0:\n"}.get(
                name, "root:*::::::\n" if name == "shadow" else "root:*::\n"
            )
        )
    return root


def test_install_sets_up_user_session_and_autologin(fake_root: Path) -> None:
    record = KioskSessionInstaller(fake_root).install(PLAN)

    assert record.created_user
    assert "kiosk:x:" in (fake_root / "etc/passwd").read_text()
    assert (fake_root / "etc/shadow").read_text().count("kiosk:!") == 1  # password locked
    assert sorted(record.display_managers) == ["gdm", "lightdm", "sddm"]
    script = (fake_root / SESSION_SCRIPT).read_text()
    assert "xset s off s noblank -dpms" in script
    assert "openbox --config-file /etc/gongkai/kiosk-openbox.xml &" in script
    assert "/usr/bin/gongkai --data-dir /home/kiosk/.local/share/gongkai kiosk --supervise" in script
    assert os.access(fake_root / SESSION_SCRIPT, os.X_OK)
    assert f"Exec=/{SESSION_SCRIPT}" in (fake_root / XSESSION).read_text()
    lightdm = (fake_root / LIGHTDM_DROPIN).read_text()
    assert "autologin-user=kiosk" in lightdm and "autologin-session=gongkai-kiosk" in lightdm
    assert "-dpms" in lightdm
    assert "User=kiosk" in (fake_root / SDDM_DROPIN).read_text()
    gdm = (fake_root / "etc/gdm3/daemon.conf").read_text()
    assert "AutomaticLogin=kiosk" in gdm and "AutomaticLoginEnable=true" in gdm
    assert "#WaylandEnable=false" in gdm  # the administrator's lines are kept
    assert "Session=gongkai-kiosk" in (fake_root / "var/lib/AccountsService/users/kiosk").read_text()
    assert (fake_root / RECORD).is_file()


def test_remove_undoes_exactly_what_install_did(fake_root: Path) -> None:
    before = snapshot(fake_root)
    KioskSessionInstaller(fake_root).install(PLAN)
    KioskSessionInstaller(fake_root).remove()
    after = snapshot(fake_root)
    # Only the kiosk user's home stays: it may hold the touch screen's data.
    assert {k.split("/")[1] for k in after if k not in before and k.startswith("home/")} == {"kiosk"}
    assert all(k.startswith("home/kiosk") for k in after if k not in before)
    assert {k: v for k, v in after.items() if k in before} == before


def test_an_existing_user_is_used_and_kept(fake_root: Path) -> None:
    with (fake_root / "etc/passwd").open("a") as f:
        f.write("screen:x:1500:1500:Screen:/home/screen:/bin/sh\n")
    record = KioskSessionInstaller(fake_root).install(SessionPlan("screen", Path("/srv/zone"), ["gongkai"]))
    assert not record.created_user
    assert "gongkai --data-dir /srv/zone kiosk --supervise" in (fake_root / SESSION_SCRIPT).read_text()
    KioskSessionInstaller(fake_root).remove()
    assert "screen:x:1500" in (fake_root / "etc/passwd").read_text()


def test_twice_or_nothing_to_remove_is_refused(fake_root: Path) -> None:
    installer = KioskSessionInstaller(fake_root)
    with pytest.raises(GongkaiError, match="没有已安装的触摸屏会话"):
        installer.remove()
    installer.install(PLAN)
    with pytest.raises(GongkaiError, match="已安装"):
        installer.install(PLAN)


def test_a_file_in_the_way_is_refused_and_nothing_is_left(fake_root: Path) -> None:
    (fake_root / XSESSION).write_text("[Desktop Entry]\nName=someone else's\n")
    before = snapshot(fake_root)
    with pytest.raises(GongkaiError, match="已存在"):
        KioskSessionInstaller(fake_root).install(PLAN)
    after = snapshot(fake_root)
    assert {k: v for k, v in after.items() if k in before} == before
    assert all(k.startswith("home/kiosk") for k in set(after) - set(before))


def test_bad_user_name_is_refused(fake_root: Path) -> None:
    with pytest.raises(GongkaiError, match="用户名"):
        KioskSessionInstaller(fake_root).install(SessionPlan("Kiosk User", None, ["gongkai"]))


def test_command_line(fake_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    assert (
        main([*data, "kiosk", "install-session", "--user", "kiosk", "--portrait", "--root", str(fake_root)])
        == 0
    )
    out = capsys.readouterr().out
    assert "已安装触摸屏会话：用户 kiosk（新建）" in out and "lightdm" in out
    assert "kiosk --portrait --supervise" in (fake_root / SESSION_SCRIPT).read_text()
    assert main([*data, "kiosk", "remove-session", "--root", str(fake_root)]) == 0
    assert "已撤销触摸屏会话" in capsys.readouterr().out
    assert main([*data, "kiosk", "remove-session", "--root", str(fake_root)]) == 2
