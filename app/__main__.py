"""Composition root: ``python -m app`` and the ``gongkai`` command.

The one module in app/ that may import the UI: it hands the window launcher to the command line so
that ``gongkai`` with no subcommand opens the staff window (docs/ARCHITECTURE.md, "composition root").
"""

from __future__ import annotations

import sys

from app.cli.main import main as cli_main


def main() -> int:
    from ui.launcher import Launcher  # the composition root wires the UI in; nothing else in app/ may

    return cli_main(sys.argv[1:], gui=Launcher())


if __name__ == "__main__":
    sys.exit(main())
