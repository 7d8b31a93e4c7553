"""What every page and dialog is handed: the services, the signed-in user, the bus, the task runner
and the operations layer (``ops``: the one way to call a service, see ui/ops.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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
    #: The window's sync worker (ui/sync/worker.py), made by the main window so sync runs in the
    #: background from sign-in, not only once the Sync page has been opened; None in a bare env.
    sync_worker: Any = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.ops = Operations(self.tasks, self.bus, str(self.ctx.paths.log_file), self.tasks)
