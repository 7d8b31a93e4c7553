"""What every page and dialog is handed: the services, the signed-in user, the bus and the task runner."""

from __future__ import annotations

from dataclasses import dataclass

from app.context import AppContext
from app.users import StaffUser
from ui.bus import DataBus
from ui.tasks import TaskRunner


@dataclass
class UiEnv:
    ctx: AppContext
    user: StaffUser
    bus: DataBus
    tasks: TaskRunner
