"""The ``report`` subcommand group, shared by every capability that produces a report.

How a capability adds its own report (e.g. ``report monthly``): give its CLI module a function
``register_report_commands(report: argparse._SubParsersAction) -> None`` that calls
``report.add_parser(...)`` and sets a ``handler``, then append the module to ``REPORT_MODULES``
below (one line). The group itself is registered once, through ``COMMAND_MODULES`` in
app/cli/main.py, so two capabilities never create two competing ``report`` parsers.
"""

from __future__ import annotations

import argparse
from types import ModuleType

from app.cli import report_monthly, requests

# Modules defining register_report_commands(report_subparsers); each adds its subcommands.
REPORT_MODULES: list[ModuleType] = [requests, report_monthly]


def register(sub: argparse._SubParsersAction) -> None:
    report = sub.add_parser("report", help="报表：年度报告等").add_subparsers(
        dest="report_cmd", required=True
    )
    for module in REPORT_MODULES:
        module.register_report_commands(report)
