"""Reading a notice draft from a JSON file (``gongkai notice create FILE.json``).

Every problem names the file and the field; nothing is created unless the whole file is valid. The
format is documented in README ("notice") with docs/examples/notice-dibao.json.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from app.errors import InputError
from app.notices.limits import check_draft_limits, check_raw_limits, read_draft_json
from app.notices.rows import parse_iso
from app.notices.values import BoardView, NoticeDraft, Roster

REQUIRED = ("template", "title", "body", "period_start", "period_end", "issuer", "contact")
OPTIONAL = (
    "roster",
    "supervision_phone",
    "objection_channel",
    "issue_date",
    "catalogue_item_uuids",
    "boards",
    "audience_mode",
    "audience_group",
    "mask_names",
)


def read_draft(path: Path, boards: list[BoardView]) -> NoticeDraft:
    """The draft in ``path``; ``boards`` (names or UUIDs) are resolved against the site's boards.

    The file's size, nesting and the draft's fields are held to app/notices/limits.py first; an
    excess is refused in one line naming the limit.
    """
    where = str(path)
    data = read_draft_json(path)
    if not isinstance(data, Mapping):
        raise InputError(f"{where}：顶层应为 JSON 对象")
    check_raw_limits(data, where)
    draft = draft_from_mapping(data, boards, where)
    check_draft_limits(draft, where)
    return draft


def draft_from_mapping(data: Mapping[str, Any], boards: list[BoardView], where: str) -> NoticeDraft:
    problems: list[str] = []
    for key in REQUIRED:
        if key not in data:
            problems.append(f"{key}：缺少必填字段")
        elif key not in ("period_start", "period_end") and not isinstance(data[key], str):
            problems.append(f"{key}：应为文字")
    unknown = sorted(set(data) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        problems.append(f"未知字段：{', '.join(unknown)}（可用字段：{', '.join(REQUIRED + OPTIONAL)}）")
    for key in ("supervision_phone", "objection_channel", "audience_group"):
        if key in data and not isinstance(data[key], str):
            problems.append(f"{key}：应为文字")
    roster = _roster(data.get("roster"), problems)
    by_name = {b.name: b.uuid for b in boards} | {b.uuid: b.uuid for b in boards}
    board_uuids: list[str] = []
    raw_boards = data.get("boards", [])
    if not isinstance(raw_boards, list):
        problems.append("boards：应为公开栏名称的列表")
    else:
        for name in raw_boards:
            if name not in by_name:
                problems.append(f"boards：没有名为“{name}”的公开栏")
            else:
                board_uuids.append(by_name[name])
    items = data.get("catalogue_item_uuids", [])
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        problems.append("catalogue_item_uuids：应为 UUID 字符串的列表")
        items = []
    mask_names = data.get("mask_names")
    if mask_names is not None and not isinstance(mask_names, bool):
        problems.append("mask_names：应为 true 或 false")
        mask_names = None
    if problems:
        raise InputError(f"{where}：有 {len(problems)} 处问题", problems)
    return NoticeDraft(
        template=data["template"],
        title=data["title"],
        body=data["body"],
        period_start=parse_iso(data["period_start"], "period_start", where),
        period_end=parse_iso(data["period_end"], "period_end", where),
        issuer=data["issuer"],
        contact=data["contact"],
        roster=roster,
        supervision_phone=data.get("supervision_phone", ""),
        objection_channel=data.get("objection_channel", ""),
        issue_date=parse_iso(data["issue_date"], "issue_date", where) if "issue_date" in data else None,
        catalogue_item_uuids=tuple(items),
        target_board_uuids=tuple(board_uuids),
        audience_mode=str(data.get("audience_mode", "fixed")),
        audience_group=str(data.get("audience_group", "")),
        mask_names=mask_names,
    )


def _roster(raw: object, problems: list[str]) -> Roster | None:
    if raw is None:
        return None
    if (
        not isinstance(raw, Mapping)
        or not isinstance(raw.get("columns"), list)
        or not isinstance(raw.get("rows"), list)
    ):
        problems.append('roster：应为 {"columns": [...], "rows": [[...], ...]}')
        return None
    columns = raw["columns"]
    if not all(isinstance(c, str) for c in columns):
        problems.append("roster.columns：表头应为文字")
        return None
    rows: list[tuple[str, ...]] = []
    for i, row in enumerate(raw["rows"], start=1):
        if not isinstance(row, list):
            problems.append(f"roster.rows 第 {i} 行：应为列表")
            continue
        # Numbers typed without quotes (an ID as a JSON number) are read as their text.
        rows.append(tuple(c if isinstance(c, str) else "" if c is None else str(c) for c in row))
    return Roster(tuple(columns), tuple(rows))
