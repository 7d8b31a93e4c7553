"""Opens the windows: the staff window (first run, sign-in, main window) and the kiosk."""

from __future__ import annotations

import logging
import sys
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from app import bootstrap
from app.cli.common import CliEnv
from app.context import AppContext
from app.errors import GongkaiError
from ui.crash import CrashHandler, show_error
from ui.dialogs.first_run import FirstRunDialog
from ui.memory import freeze_start_up, thaw
from ui.qtapp import create_application
from ui.session import StaffSession, end_when_cancelled
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from ui.kiosk.sync import KioskSync
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)


def ensure_site(ctx: AppContext) -> bool:
    """Run the first-run dialog when the database has no site; False if the user cancelled."""
    if ctx.sites.get() is not None:
        return True
    dialog = FirstRunDialog()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    v = dialog.values()
    admin = dialog.admin()
    try:
        if admin is not None and not ctx.users.has_admin():
            name, display, password = admin
            ctx.users.create_first_admin(name, password, display_name=display, actor="first-run")
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


def start_warm_up(ctx: AppContext) -> threading.Thread:
    """Import and build the services and the first page, and read the day's list once, while the
    clerk types the password; then freeze what that made (``ui.memory``).

    Imports are thread-safe in Python and nothing here touches a widget; the caller joins the thread
    before building the window, so no service is built twice.
    """

    def warm() -> None:
        ctx.warm_up()
        import ui.pages.today_page  # noqa: F401  (the first page shown after sign-in)

        try:
            # The day's list once, for nobody in particular: it compiles the SQL the Today page
            # runs and builds the working-day calendar. On the five-year site the page's first
            # list took 250 ms cold and 50–100 ms after this (a read; the result is dropped).
            ctx.today.list(None)
        except Exception:  # noqa: BLE001  (the page's own read reports any problem properly)
            log.debug("warming the Today list failed", exc_info=True)
        freeze_start_up()  # the services and their libraries live as long as the window

    thread = threading.Thread(target=warm, name="warm-up", daemon=True)
    thread.start()
    return thread


def tidy_memory(window: MainWindow) -> None:
    """The garbage collector's policy for a signed-in window (``ui.memory``): what exists once its
    pages' code is loaded is frozen; signing out thaws it, so the closed window can be collected."""
    window.preloaded.connect(freeze_start_up)
    window.closed.connect(lambda _signing_out: thaw())


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
            warm = start_warm_up(ctx)
            session = StaffSession(ctx, TaskRunner(), before_window=warm.join)
            session.signed_in.connect(tidy_memory)
            end_when_cancelled(session, app)
            session.start(getattr(env.args, "gui_user", None) or "")
            return app.exec()
        except GongkaiError as exc:
            show_error(None, exc)
            return 2
        finally:
            crash.uninstall()

    def run_kiosk(self, env: CliEnv) -> int:
        """The touch screen over a read-only context, full screen on ``--screen N``."""
        from app.kiosk import DataVersionWatcher, KioskService  # the staff window never needs these
        from ui.kiosk.immortal import make_singletons_immortal
        from ui.kiosk.window import KioskWindow

        make_singletons_immortal()  # the kiosk runs for weeks: see ui/kiosk/immortal.py
        ctx = AppContext.open(env.paths, readonly=True)
        try:
            service = KioskService(ctx)
            service.require_ready()
            app = create_application(sys.argv[:1], language=str(ctx.settings.get("language")))
            screens = QGuiApplication.screens()
            index = env.args.screen if env.args.screen is not None else 0
            if not 0 <= index < len(screens):
                raise GongkaiError(
                    f"--screen：只有 {len(screens)} 块屏幕（编号 0–{len(screens) - 1}），没有第 {index} 块"
                )
            screen = screens[index]
            size = screen.geometry().size()
            portrait = env.args.portrait or (not env.args.landscape and size.height() > size.width())
            window = KioskWindow(service, DataVersionWatcher(ctx.engine), portrait=portrait)
            window.exit_requested.connect(app.exit)
            syncer = _kiosk_sync(env, ctx, window)
            window.setScreen(screen)
            window.setGeometry(screen.geometry())
            window.showFullScreen()
            try:
                return app.exec()
            finally:
                if syncer is not None:
                    syncer[0].stop()  # the round in flight ends first, then its context closes
                    syncer[1].close()
        finally:
            ctx.close()


def _kiosk_sync(env: CliEnv, ctx: AppContext, parent: QObject) -> tuple[KioskSync, AppContext] | None:
    """Background sync for the kiosk when this PC syncs (a display PC, or a staff PC showing the
    kiosk): its own writable context, rounds on a worker thread (ui/kiosk/sync.py)."""
    from ui.kiosk.sync import KioskSync

    if not (ctx.settings.get("sync_server_url") and ctx.settings.get("sync_token")):
        return None
    writer = AppContext.open(env.paths)
    syncer = KioskSync(writer.sync.run_once, float(ctx.settings.get("sync_interval_s") or 60), parent)
    syncer.start()
    return syncer, writer
