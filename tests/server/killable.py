"""A platform process that SIGKILLs itself right after a push commits, before answering (fault
case 1), when the file named on the command line exists. Run: python -m tests.server.killable URL PORT FILE"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import uvicorn

from server.app import create_app


def main() -> None:
    url, port, armed = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])

    def after_commit(point: str) -> None:
        if point == "push" and armed.exists():
            armed.unlink()
            os.kill(os.getpid(), signal.SIGKILL)

    uvicorn.run(create_app(url, after_commit=after_commit), host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    main()
