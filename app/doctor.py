"""``gongkai doctor``: check the installation's files, the database, the migration level, the audit chain
and the fonts (which face prints each role: the PC's official 公文 face or the bundled one)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass, field

from app import audit, installation
from app.paths import DataPaths
from app.uow import read_only
from db import migrate
from db.session import make_engine, make_session_factory
from printing.fonts import check_fonts, role_report


@dataclass
class Check:
    name: str
    ok: bool
    detail: str


@dataclass
class DoctorReport:
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)


def run(paths: DataPaths) -> DoctorReport:
    report = DoctorReport()
    # What the installation carries (fonts, translations, migrations, data; a bundle's manifest).
    report.checks.extend(Check(c.name, c.ok, c.detail) for c in installation.checks())
    db = paths.database
    if not db.exists():
        report.checks.append(Check("数据库", False, f"{db} 不存在，请先运行 gongkai init"))
        return report
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    report.checks.append(Check("数据库完整性", result == "ok", "ok" if result == "ok" else result))
    report.checks.append(Check("外键", not fk, "ok" if not fk else f"{len(fk)} 条记录引用了不存在的记录"))
    engine = make_engine(db, readonly=True)
    try:
        current = migrate.current_revisions(engine)
        heads = migrate.script_heads()
        unknown = current - migrate.known_revisions()
        if unknown:
            report.checks.append(
                Check("迁移版本", False, f"数据库来自更新的版本：{', '.join(sorted(unknown))}")
            )
        elif current != heads:
            report.checks.append(
                Check(
                    "迁移版本",
                    False,
                    f"数据库为 {', '.join(sorted(current)) or '空'}，应为 {', '.join(sorted(heads))}",
                )
            )
        else:
            report.checks.append(Check("迁移版本", True, ", ".join(sorted(current))))
        with read_only(make_session_factory(engine)) as session:
            chain = audit.verify(session)
        report.checks.append(
            Check(
                "审计链", chain.ok, f"{chain.entries} 条，完好" if chain.ok else "；".join(chain.problems[:5])
            )
        )
    finally:
        engine.dispose()
    report.checks.extend(_font_checks())
    return report


def _font_checks() -> list[Check]:
    problems = check_fonts()
    checks = [Check("字体", not problems, "ok" if not problems else "；".join(problems))]
    if not problems:
        checks += [
            Check(f"字体：{role}", True, f"{face}（{source}）") for role, face, source in role_report()
        ]
    return checks
