"""Refresh and compile the UI translations.

Chinese is the source language (the strings in tr() calls); English lives in
resources/i18n/gongkai_en.ts. This script runs pyside6-lupdate over ui/ (keeping existing
translations) and pyside6-lrelease to produce the shipped .qm.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    ts = ROOT / "resources" / "i18n" / "gongkai_en.ts"
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, "-source-language", "zh_CN", "-target-language", "en", "-ts", str(ts)],
        cwd=ROOT,
        check=True,
    )
    subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
