"""Size limits on notices (documented in docs/limits.md, "Notices").

A notice is a sheet on a bulletin board and a page on a phone. The limits are far above any real
one and low enough that a careless paste or a hostile file cannot make the workstation, the
printer or the city platform do unbounded work: the largest notice within them is about 1.3 MB as
a sync payload, well inside the platform's 2 MB (``wire.MAX_PAYLOAD_BYTES``).

Every refusal is one line naming the field and the limit (the command line exits 2, the window
shows it), and nothing is written or queued for sync.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from app.errors import InputError
from app.notices.values import NoticeDraft
from app.sync import wire

#: A notice draft file (``gongkai notice create FILE.json``).
MAX_DRAFT_FILE_BYTES = 2 * 1024 * 1024
#: Nesting of a draft file: the object → roster → rows → a row → a cell is 4 levels.
MAX_DRAFT_DEPTH = 8
#: The body: about 13 printed A4 pages of Chinese text (a 征地补偿安置方案 runs to 3–6).
MAX_BODY_CHARS = 20_000
#: Issuer, contact, supervision line, objection channel, audience group: one or two lines each.
MAX_FIELD_CHARS = 500
#: A roster: a street's 低保 or 高龄津贴 list runs to a few hundred, rarely above 1,500 people.
MAX_ROSTER_ROWS = 3_000
MAX_ROSTER_COLUMNS = 16
MAX_CELL_CHARS = 200
#: All roster text together (keeps the largest roster inside the platform's payload limit).
MAX_ROSTER_CHARS = 400_000

_FIELDS = {
    "issuer": "发布单位",
    "contact": "联系方式",
    "supervision_phone": "监督电话",
    "objection_channel": "异议渠道",
    "audience_group": "定向对象",
}


def read_draft_json(path: Path) -> Any:
    """The parsed JSON of a draft file, within the limits (InputError naming the limit otherwise)."""
    where = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{where}：文件不存在") from None
    except OSError as exc:
        raise InputError(f"{where}：无法读取（{exc.strerror or exc}）") from None
    if size > MAX_DRAFT_FILE_BYTES:
        raise InputError(
            f"{where}：文件 {size / 1024 / 1024:.1f} MB，超过公示草稿文件的上限 {MAX_DRAFT_FILE_BYTES // 1024 // 1024} MB"
        )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{where}：应为 UTF-8 编码的 JSON 文件") from None
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        raise InputError(f"{where}：JSON 嵌套超过 {MAX_DRAFT_DEPTH} 层（公示草稿的上限）") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{where} 第 {exc.lineno} 行第 {exc.colno} 列：JSON 格式错误（{exc.msg}）") from None
    except ValueError as exc:
        raise InputError(f"{where}：JSON 格式错误（{exc}）") from None
    problem = wire.json_problem(data, MAX_DRAFT_DEPTH)
    if problem:
        if "嵌套" in problem:
            problem = f"JSON 嵌套超过 {MAX_DRAFT_DEPTH} 层（公示草稿的上限）"
        raise InputError(f"{where}：{problem}")
    return data


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} 不是有效的 JSON 数值")


def check_raw_limits(data: Mapping[str, Any], where: str) -> None:
    """The cheap limits on a draft file's raw fields, before anything is built from it (so an
    over-long roster is refused in one line, not listed row by row)."""
    body = data.get("body")
    if isinstance(body, str) and len(body) > MAX_BODY_CHARS:
        raise InputError(f"{where}：body：正文 {len(body):,} 字，超过上限 {MAX_BODY_CHARS:,} 字")
    roster = data.get("roster")
    rows = roster.get("rows") if isinstance(roster, Mapping) else None
    if isinstance(rows, list) and len(rows) > MAX_ROSTER_ROWS:
        raise InputError(
            f"{where}：roster：名单 {len(rows):,} 行，超过上限 {MAX_ROSTER_ROWS:,} 行（请按村或批次分成几份公示）"
        )


def check_draft_limits(data: NoticeDraft, where: str = "") -> None:
    """Raise a one-line InputError at the first limit the draft exceeds."""
    prefix = f"{where}：" if where else ""

    def refuse(message: str) -> None:
        raise InputError(prefix + message)

    if len(data.body) > MAX_BODY_CHARS:
        refuse(
            f"body：正文 {len(data.body):,} 字，超过上限 {MAX_BODY_CHARS:,} 字（请分成几份公示，或把附件另行公开）"
        )
    for key, label in _FIELDS.items():
        value = getattr(data, key, "")
        if isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
            refuse(f"{key}：{label} {len(value):,} 字，超过上限 {MAX_FIELD_CHARS} 字")
    texts = [data.title, data.body, *(str(getattr(data, k, "")) for k in _FIELDS)]
    roster = data.roster
    if roster is not None:
        if len(roster.rows) > MAX_ROSTER_ROWS:
            refuse(
                f"roster：名单 {len(roster.rows):,} 行，超过上限 {MAX_ROSTER_ROWS:,} 行（请按村或批次分成几份公示）"
            )
        if len(roster.columns) > MAX_ROSTER_COLUMNS:
            refuse(f"roster.columns：名单 {len(roster.columns)} 列，超过上限 {MAX_ROSTER_COLUMNS} 列")
        total = 0
        for i, row in enumerate((roster.columns, *roster.rows)):
            if len(row) > MAX_ROSTER_COLUMNS:
                refuse(f"roster.rows 第 {i} 行：{len(row)} 列，超过上限 {MAX_ROSTER_COLUMNS} 列")
            for cell in row:
                text = str(cell)
                if len(text) > MAX_CELL_CHARS:
                    where_cell = "表头" if i == 0 else f"第 {i} 行"
                    refuse(f"roster.rows {where_cell}：单元格 {len(text):,} 字，超过上限 {MAX_CELL_CHARS} 字")
                total += len(text)
                texts.append(text)
        if total > MAX_ROSTER_CHARS:
            refuse(f"roster：名单共 {total:,} 字，超过上限 {MAX_ROSTER_CHARS:,} 字")
    for text in texts:
        if wire.json_problem(text) is not None:
            refuse("内容含有无效的 Unicode 字符（孤立的代理项），请重新输入或粘贴")
