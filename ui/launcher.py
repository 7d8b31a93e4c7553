"""Opens the staff window: application set-up, first run, sign-in, then the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QDialog, QMessageBox

from app import bootstrap
from app.cli.common import CliEnv
from app.context import AppContext
from app.errors import GongkaiError
from ui.bus import DataBus
from ui.crash import CrashHandler, show_error
from ui.dialogs.first_run import FirstRunDialog
from ui.dialogs.sign_in import SignInDialog
from ui.env import UiEnv
from ui.main_window import MainWindow
from ui.qtapp import create_application
from ui.tasks import TaskRunner


def ensure_site(ctx: AppContext) -> bool:
    """Run the first-run dialog when the database has no site; False if the user cancelled."""
    if ctx.sites.get() is not None:
        return True
    dialog = FirstRunDialog()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    v = dialog.values()
    try:
        bootstrap.initialise(
            ctx,
            v["code"],
            v["name"],
            demo=dialog.demo.isChecked(),
            district=v["district"],
            zone_location=v["zone_location"],
            supervision_phone=v["supervision_phone"],
        )
    except GongkaiError as exc:
        QMessageBox.warning(None, dialog.tr("无法创建站点"), str(exc))
        return ensure_site(ctx)
    return True


class Launcher:
    """The GUI side of the composition root (see app/__main__.py)."""

    def run_staff(self, env: CliEnv) -> int:
        ctx = env.context(require_db=False)
        app = create_application(sys.argv[:1], language=str(ctx.settings.get("language")))
        crash = CrashHandler(str(env.paths.log_file))
        crash.install()
        try:
            if not ensure_site(ctx):
                return 0
            site = ctx.sites.get()
            dialog = SignInDialog(ctx.users, site.name if site else "")
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.user is None:
                return 0
            tasks = TaskRunner()
            window = MainWindow(UiEnv(ctx, dialog.user, DataBus(), tasks))
            window.show()
            return app.exec()
        except GongkaiError as exc:
            show_error(None, exc)
            return 2
        finally:
            crash.uninstall()
