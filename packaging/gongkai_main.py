"""Entry script of the frozen bundle: the same composition root as ``gongkai`` and ``python -m app``."""

import sys

from app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
