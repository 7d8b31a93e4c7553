"""What every page and dialog is handed: the services, the signed-in user, the bus, the task runner
and the operations layer (``ops``: the one way to call a service, see ui/ops.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.context import AppContext
from app.users import StaffUser
from ui.bus import DataBus
from ui.ops import Operations
from ui.tasks import TaskRunner


@dataclass
class UiEnv:
    ctx: AppContext
    user: StaffUser
    bus: DataBus
    tasks: TaskRunner
    ops: Operations = field(init=False)

    def __post_init__(self) -> None:
        self.ops = Operations(self.tasks, self.bus, str(self.ctx.paths.log_file), self.tasks)
