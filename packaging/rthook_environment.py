"""PyInstaller run-time hook: give programs we start the environment the user had.

The bootloader points LD_LIBRARY_PATH at the bundle so the frozen Python finds its libraries. The
dynamic loader reads that variable once, when a process starts, so this process is not affected by
restoring it; but every program started from here (xdg-open and the PDF viewer it picks, ``lp``)
would otherwise load our bundled Qt and GLib instead of the system's and may crash. Our own
restarts (``gongkai kiosk --supervise``) run the bundle's executable, which sets it again.
"""

import os
import sys

_bundle = getattr(sys, "_MEIPASS", None)
for _name in ("LD_LIBRARY_PATH", "LIBPATH"):
    _orig = os.environ.pop(_name + "_ORIG", None)
    if _bundle and _bundle in os.environ.get(_name, ""):
        if _orig is not None:
            os.environ[_name] = _orig
        else:
            del os.environ[_name]
