"""``gongkai report``: the group every report subcommand joins.

A report module offers ``register_report(group)`` and is listed in ``REPORT_COMMANDS``; the group
itself only builds the ``report`` parser and hands it to each of them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from app.cli import report_monthly

REPORT_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    report_monthly.register_report,
]


def register(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("report", help="报表（月度自评等）").add_subparsers(
        dest="report_cmd", required=True, metavar="报表"
    )
    for add in REPORT_COMMANDS:
        add(group)
