"""Composition root: ``python -m app`` and the ``gongkai`` command.

The one module in app/ that may import the UI: it hands the window launcher to the command line so
that ``gongkai`` with no subcommand opens the staff window (docs/ARCHITECTURE.md, "composition root").
The UI (and with it Qt's widgets) is imported only when a window is opened, so headless commands
such as ``gongkai --version`` or ``gongkai today`` never pay for it.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from app.cli.main import main as cli_main

if TYPE_CHECKING:
    from app.cli.common import CliEnv


class _WindowLauncher:
    """The window launcher, imported on first use (see the module docstring)."""

    def run_staff(self, env: CliEnv) -> int:
        from ui.launcher import Launcher  # the composition root wires the UI in; nothing else in app/ may

        return Launcher().run_staff(env)

    def run_kiosk(self, env: CliEnv) -> int:
        from ui.launcher import Launcher

        return Launcher().run_kiosk(env)


def main() -> int:
    return cli_main(sys.argv[1:], gui=_WindowLauncher())


if __name__ == "__main__":
    sys.exit(main())
