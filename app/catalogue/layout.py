"""The published catalogue table layout: recognising its headers and rows, and writing them.

Canonical layout (what export writes and the bundled data uses; see scripts/build_catalogue.py):
two header rows, 19 columns — 序号, 领域, 公开事项(一级/二级/三级事项), 公开内容（要素）, 公开依据, 公开时限,
公开主体, 公开渠道和载体 (a ■/□ strip of the 13 channels, extras "■其他：<name>"), 公开对象(全社会/特定群体,
the group's description in place of √), 公开方式(主动/依申请), 公开层级(县级/乡级/村级), 咨询电话, 公开时长.

Accepted variants (offices spell things differently): merged or unmerged one- or two-row headers with a
title row above; one column per channel instead of the strip; 特定群众/特定群体, 依申请/依申请公开, 主动公开,
乡级/镇级/街道级/镇街级, 区级/县(市、区)级, a combined 乡、村级 column; √ ✓ ✔ ■ ☑ ● 是 as ticks. When the
领域 column is missing, the domain comes from ``default_domain`` (the --domain option) or else the sheet
name, which must then name a domain. Vertically merged cells in 领域/一级事项/二级事项 and other text
columns are filled down (real catalogues merge them); any other merge in the data area is rejected.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from app.catalogue.files import MAX_CELL_CHARS, Sheet, unneutralise
from app.catalogue.model import CHANNELS, OTHER, ItemData, channel_strip

HEADER1 = (
    "序号", "领域", "公开事项", "", "", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
    "公开对象", "", "公开方式", "", "公开层级", "", "", "咨询电话", "公开时长",
)  # fmt: skip
HEADER2 = (
    "", "", "一级事项", "二级事项", "三级事项", "", "", "", "", "",
    "全社会", "特定群体", "主动", "依申请", "县级", "乡级", "村级", "", "",
)  # fmt: skip
XLSX_MERGES = (
    "A1:A2", "B1:B2", "C1:E1", "F1:F2", "G1:G2", "H1:H2", "I1:I2", "J1:J2",
    "K1:L1", "M1:N1", "O1:Q1", "R1:R2", "S1:S2",
)  # fmt: skip
XLSX_WIDTHS = (6, 12, 16, 16, 12, 40, 36, 24, 20, 40, 6, 12, 6, 6, 6, 6, 6, 14, 10)
#: The export's extra last column: which columns of a standard item the site words its own way
#: (本站点细化). The importer recognises and skips it, so an export imports back unchanged.
REFINED_HEADER = "本站点细化"
REFINED_MERGE = "T1:T2"
REFINED_WIDTH = 16
TICK = "√"

TICKS = {"√", "✓", "✔", "■", "☑", "●", "是", "Y", "y", "1", "v", "V"}
BLANKS = {"", "□", "☐", "否", "-", "—", "/", "无"}

CHANNEL_ALIASES = {
    "行政服务中心": "政务服务中心",
    "便民服务中心": "政务服务中心",
    "纸质载体": "纸质媒体",
    "报刊": "纸质媒体",
    "社区/企事业单位/村公示栏": "社区/企事业单位/村公示栏(电子屏)",
    "公示栏(电子屏)": "社区/企事业单位/村公示栏(电子屏)",
    "公开栏": "社区/企事业单位/村公示栏(电子屏)",
    "入户现场": "入户/现场",
    "发布会听证会": "发布会/听证会",
    "两微一端(政务微博、微信、客户端)": "两微一端",
}
DOMAIN_ALIASES = {
    "生态环境": "环境保护",
    "乡村振兴": "扶贫",
    "国土空间规划": "城乡规划",
    "自然资源": "城乡规划",
    "卫生健康": "医疗卫生",
    "公共文化": "公共文化服务",
    "村(居)务公开": "村务公开",
    "村居务公开": "村务公开",
    "征地": "征地补偿",
    "农村集体土地征收": "征地补偿",
    "户籍": "户籍管理",
    "政府信息": "乡镇通用事项",
}

#: normalised header text -> field; groups (row 1) and sub-labels (row 2) share this table
_LABELS: dict[str, str] = {
    "序号": "seq",
    "编号": "seq",
    "领域": "domain",
    "公开领域": "domain",
    "公开事项": "items",
    "事项": "items",
    "一级事项": "level1",
    "二级事项": "level2",
    "三级事项": "level3",
    "公开内容(要素)": "content",
    "公开内容": "content",
    "公开依据": "basis",
    "公开时限": "time_limit",
    "公开主体": "publisher",
    "公开渠道和载体": "channels",
    "公开渠道": "channels",
    "公开载体": "channels",
    "公开对象": "audience",
    "全社会": "aud_public",
    "特定群体": "aud_group",
    "特定群众": "aud_group",
    "公开方式": "mode",
    "主动": "mode_proactive",
    "主动公开": "mode_proactive",
    "依申请": "mode_on_request",
    "依申请公开": "mode_on_request",
    "公开层级": "tier",
    "县级": "tier_county",
    "区级": "tier_county",
    "县区级": "tier_county",
    "县(市、区)级": "tier_county",
    "市级": "tier_county",
    "乡级": "tier_township",
    "镇级": "tier_township",
    "乡镇级": "tier_township",
    "乡(镇)级": "tier_township",
    "街道级": "tier_township",
    "镇街级": "tier_township",
    "乡镇(街道)级": "tier_township",
    "村级": "tier_village",
    "村(社区)级": "tier_village",
    "社区级": "tier_village",
    "乡、村级": "tier_township_village",
    "乡村级": "tier_township_village",
    "镇、村级": "tier_township_village",
    "咨询电话": "contact_phone",
    "联系电话": "contact_phone",
    "公开时长": "retention",
    "本站点细化": "refined_note",
}
_GROUPS = {"items", "channels", "audience", "mode", "tier"}
_TEXT_FIELDS = ("domain", "level1", "level2", "level3", "content", "basis", "time_limit", "publisher")
_FILL_DOWN = set(_TEXT_FIELDS) | {"contact_phone", "retention"}


def norm(text: str) -> str:
    """Header/name text compared loosely: no spaces, ASCII parentheses and colons."""
    t = re.sub(r"\s+", "", text or "")
    return t.replace("（", "(").replace("）", ")").replace("：", ":")


_CHANNEL_NAMES = {norm(c): c for c in CHANNELS} | {norm(k): v for k, v in CHANNEL_ALIASES.items()}


def channel_name(text: str) -> str | None:
    """The fixed channel a header or strip token names, or None."""
    return _CHANNEL_NAMES.get(norm(text))


@dataclass(frozen=True)
class ParsedRow:
    data: ItemData
    where: str
    seq: int


@dataclass
class _Columns:
    """field -> column index (0-based); per-channel columns separately."""

    fields: dict[str, int]
    channels: dict[int, str]
    header_rows: int
    first_row: int  # 0-based index of the first header row


def _classify(text: str) -> str | None:
    t = norm(text)
    if not t:
        return None
    if t in _LABELS:
        return _LABELS[t]
    if channel_name(t):
        return "channel:" + str(channel_name(t))
    if t.startswith(("其他:", "其它:")):
        return "channel_extra:" + text.split(":", 1)[-1].split("：", 1)[-1].strip()
    return "?"


def _find_header(rows: list[list[str]]) -> int | None:
    for i, row in enumerate(rows[:12]):
        kinds = [_classify(c) for c in row]
        if sum(1 for k in kinds if k and k != "?" and not k.startswith("channel")) >= 3:
            return i
    return None


class SheetParser:
    """Turns one sheet into ``ParsedRow``s, collecting every problem (never stopping at the first)."""

    def __init__(
        self,
        file_name: str,
        sheet: Sheet,
        *,
        domains: dict[str, str],
        default_domain: str | None,
        problems: list[str],
        several_sheets: bool,
    ) -> None:
        self.file = file_name
        self.sheet = sheet
        self.domains = domains  # normalised name or code -> canonical domain name
        self.default_domain = default_domain
        self.problems = problems
        self.sheet_label = f"工作表“{sheet.name}”，" if several_sheets else ""

    def where(self, row: int, col: int | None = None, header: str = "") -> str:
        place = f"{self.file}，{self.sheet_label}第 {row} 行"
        if col is not None:
            place += f"，{_column_letter(col + 1)} 列"
            if header:
                place += f"（{header}）"
        return place

    def problem(self, text: str) -> None:
        self.problems.append(text)

    # -- headers -----------------------------------------------------------------------------------

    def columns(self) -> _Columns | None:
        rows = self.sheet.rows
        first = _find_header(rows)
        if first is None:
            return None
        row1 = rows[first]
        row2 = rows[first + 1] if first + 1 < len(rows) else []
        kinds2 = [_classify(c) for c in row2]
        # A second header row holds sub-labels only; a data row would hold free text instead.
        two = any(k and k not in ("?", "seq") for k in kinds2) and sum(1 for k in kinds2 if k == "?") <= 2
        width = max(len(row1), len(row2) if two else 0)
        fields: dict[str, int] = {}
        channels: dict[int, str] = {}
        for c in range(width):
            top = row1[c] if c < len(row1) else ""
            sub = (row2[c] if c < len(row2) else "") if two else ""
            k_top, k_sub = _classify(top), _classify(sub)
            kind = k_sub if k_sub is not None else k_top
            if k_top is None and k_sub is None:
                continue
            if kind == "items" and k_sub is None:
                kind = "level1"
            if kind == "channels" and k_sub is None:
                kind = "channel_strip"
            if kind == "audience" and k_sub is None:
                kind = "audience_text"
            if kind == "mode" and k_sub is None:
                kind = "mode_text"
            if kind == "tier" and k_sub is None:
                kind = "tier_text"
            label = sub or top
            if kind is None or kind == "?" or kind in _GROUPS:
                self.problem(
                    f"{self.where(first + (2 if two and sub else 1), c, label)}：无法识别表头“{label}”，"
                    "应为序号、领域、一级事项、二级事项、三级事项、公开内容（要素）、公开依据、公开时限、公开主体、"
                    "公开渠道和载体、全社会、特定群体、主动、依申请、县级、乡级、村级、咨询电话或公开时长"
                )
                continue
            if kind.startswith("channel:"):
                channels[c] = kind.split(":", 1)[1]
                continue
            if kind.startswith("channel_extra:"):
                channels[c] = "extra:" + kind.split(":", 1)[1]
                continue
            if kind in fields:
                self.problem(f"{self.where(first + 1, c, label)}：表头“{label}”重复出现")
                continue
            fields[kind] = c
        return _Columns(fields, channels, 2 if two else 1, first)

    def check_columns(self, cols: _Columns) -> bool:
        f = cols.fields
        at = self.where(cols.first_row + 1)
        missing = []
        if "level1" not in f:
            missing.append("一级事项（或公开事项）")
        for key, label in (
            ("content", "公开内容（要素）"),
            ("time_limit", "公开时限"),
            ("publisher", "公开主体"),
        ):
            if key not in f:
                missing.append(label)
        if "channel_strip" not in f and not cols.channels:
            missing.append("公开渠道和载体")
        if not ({"aud_public", "aud_group", "audience_text"} & f.keys()):
            missing.append("公开对象（全社会/特定群体）")
        if not ({"mode_proactive", "mode_on_request", "mode_text"} & f.keys()):
            missing.append("公开方式（主动/依申请）")
        if not (
            {"tier_county", "tier_township", "tier_village", "tier_township_village", "tier_text"} & f.keys()
        ):
            missing.append("公开层级（县级/乡级/村级）")
        if "domain" not in f and not self.default_domain and self._domain_of(self.sheet.name) is None:
            missing.append(
                f"领域（表中没有“领域”列时，工作表名“{self.sheet.name}”应为领域名称，或用 --domain 指定领域）"
            )
        if missing:
            self.problem(f"{at}：表头缺少以下列：{'、'.join(missing)}")
            return False
        return True

    def _domain_of(self, text: str) -> str | None:
        t = norm(text)
        return self.domains.get(t) or self.domains.get(norm(DOMAIN_ALIASES.get(t, "")))

    # -- data --------------------------------------------------------------------------------------

    def _fill_merges(self, cols: _Columns) -> None:
        data_start = cols.first_row + cols.header_rows + 1  # 1-based
        by_col = {c: name for name, c in cols.fields.items()}
        for r1, c1, r2, c2 in self.sheet.merged:
            if r2 < data_start:
                continue  # header merges are expected
            rng = f"{_column_letter(c1)}{r1}:{_column_letter(c2)}{r2}"
            name = by_col.get(c1 - 1)
            if r1 < data_start:
                self.problem(f"{self.where(r1, c1 - 1)}：合并单元格 {rng} 跨越表头和数据行，应取消合并")
            elif c1 != c2 or name not in _FILL_DOWN:
                self.problem(
                    f"{self.where(r1, c1 - 1)}：数据区的合并单元格 {rng} 无法判断属于哪一行或哪一列，"
                    "应取消合并（只有领域、事项、内容、依据、时限、主体等文字列可以上下合并）"
                )
            else:
                rows = self.sheet.rows
                value = rows[r1 - 1][c1 - 1] if c1 - 1 < len(rows[r1 - 1]) else ""
                for r in range(r1 + 1, min(r2, len(rows)) + 1):
                    row = rows[r - 1]
                    while len(row) < c1:
                        row.append("")
                    row[c1 - 1] = value

    def rows(self, cols: _Columns) -> list[ParsedRow]:
        self._fill_merges(cols)
        out: list[ParsedRow] = []
        start = cols.first_row + cols.header_rows
        used = set(cols.fields.values()) | set(cols.channels)
        for i in range(start, len(self.sheet.rows)):
            raw = self.sheet.rows[i]
            r = i + 1
            if not any(v.strip() for v in raw):
                continue
            ok = True
            for c, v in enumerate(raw):
                if (r, c + 1) in self.sheet.formulas:
                    self.problem(f"{self.where(r, c)}：单元格是公式“{v[:40]}”，应为文字（导入不计算公式）")
                    ok = False
                elif (r, c + 1) in self.sheet.oversized:
                    self.problem(f"{self.where(r, c)}：单元格过长，应不超过 {MAX_CELL_CHARS} 字")
                    ok = False
                elif v.startswith("=") and len(v) > 1:
                    self.problem(f"{self.where(r, c)}：单元格以“=”开头（“{v[:40]}”），像公式，应为文字")
                    ok = False
                elif c not in used and v.strip():
                    self.problem(f"{self.where(r, c)}：此列没有表头，却有内容“{v[:20]}”")
                    ok = False
            if not ok:
                continue
            parsed = self._row(cols, raw, r)
            if parsed is not None:
                out.append(parsed)
        return out

    def _cell(self, cols: _Columns, raw: Sequence[str], name: str) -> str:
        c = cols.fields.get(name)
        if c is None or c >= len(raw):
            return ""
        return unneutralise(raw[c].strip())

    def _row(self, cols: _Columns, raw: Sequence[str], r: int) -> ParsedRow | None:
        before = len(self.problems)
        f = cols.fields

        def req(name: str, label: str) -> str:
            v = self._cell(cols, raw, name)
            if not v:
                self.problem(f"{self.where(r, f.get(name), label)}：不能为空，应填写{label}")
            return v

        # domain
        if "domain" in f:
            dtext = req("domain", "领域")
            domain = self._domain_of(dtext) if dtext else None
            if dtext and domain is None:
                self.problem(
                    f"{self.where(r, f['domain'], '领域')}：未知领域“{dtext}”，应为 26 个试点领域、村务公开或乡镇通用事项之一"
                )
        else:
            domain = (
                self._domain_of(self.default_domain or "")
                if self.default_domain
                else self._domain_of(self.sheet.name)
            )
        level1 = _squash(req("level1", "一级事项"))
        level2 = _squash(self._cell(cols, raw, "level2"))
        level3 = _squash(self._cell(cols, raw, "level3"))
        content = req("content", "公开内容（要素）")
        basis = self._cell(cols, raw, "basis")
        time_limit = req("time_limit", "公开时限")
        publisher = req("publisher", "公开主体")

        channels, extras = self._channels(cols, raw, r)
        audience, group = self._audience(cols, raw, r)
        modes = self._ticks(
            cols,
            raw,
            r,
            {"mode_proactive": "proactive", "mode_on_request": "on_request"},
            "公开方式",
            "mode_text",
            {
                "主动": "proactive",
                "主动公开": "proactive",
                "依申请": "on_request",
                "依申请公开": "on_request",
            },
        )
        tier_marks = self._ticks(
            cols,
            raw,
            r,
            {
                "tier_county": "county",
                "tier_township": "township",
                "tier_village": "village",
                "tier_township_village": "township+village",
            },
            "公开层级",
            "tier_text",
            {
                "县级": "county",
                "区级": "county",
                "乡级": "township",
                "镇级": "township",
                "街道级": "township",
                "村级": "village",
            },
        )
        tiers = tuple(
            t
            for t in ("county", "township", "village")
            if t in tier_marks or (t != "county" and "township+village" in tier_marks)
        )
        if len(self.problems) > before or domain is None:
            return None
        seq_text = self._cell(cols, raw, "seq")
        seq = int(seq_text) if seq_text.isdigit() else r
        data = ItemData(
            domain=domain,
            level1=level1,
            level2=level2,
            level3=level3,
            content=content,
            basis=basis,
            time_limit=time_limit,
            publisher=publisher,
            channels=tuple(c for c in CHANNELS if c in channels),
            extra_channels=tuple(extras),
            audience=audience,
            audience_group=group,
            modes=tuple(m for m in ("proactive", "on_request") if m in modes),
            tiers=tiers,
            contact_phone=self._cell(cols, raw, "contact_phone"),
            retention=self._cell(cols, raw, "retention"),
        )
        return ParsedRow(data, self.where(r), seq)

    def _channels(self, cols: _Columns, raw: Sequence[str], r: int) -> tuple[set[str], list[str]]:
        chosen: set[str] = set()
        extras: list[str] = []
        for c, name in cols.channels.items():
            v = raw[c].strip() if c < len(raw) else ""
            if v in BLANKS:
                continue
            label = name.removeprefix("extra:")
            if name.startswith("extra:"):
                extras.append(label if v in TICKS else v)
            elif v in TICKS:
                chosen.add(name)
            elif name == OTHER:
                extras.append(v)  # an "其他" column holding the other channel's name
            else:
                self.problem(f"{self.where(r, c, label)}：应为 √ 或空，实为“{v[:20]}”")
        if "channel_strip" in cols.fields:
            c = cols.fields["channel_strip"]
            ticked, ticked_extras, unknown = _parse_strip(raw[c] if c < len(raw) else "")
            chosen.update(ticked)
            extras.extend(ticked_extras)
            for name in unknown:
                self.problem(
                    f"{self.where(r, c, '公开渠道和载体')}：未知渠道“{name[:30]}”，应为 13 个固定渠道之一"
                    f"（{'、'.join(CHANNELS)}），其他渠道写作“■其他：{name[:30]}”"
                )
        if not chosen and not extras:
            self.problem(
                f"{self.where(r, cols.fields.get('channel_strip'), '公开渠道和载体')}：至少应选一个公开渠道（■）"
            )
        return chosen, extras

    def _audience(self, cols: _Columns, raw: Sequence[str], r: int) -> tuple[str, str]:
        pub = self._cell(cols, raw, "aud_public")
        grp = self._cell(cols, raw, "aud_group")
        text = self._cell(cols, raw, "audience_text")
        if text:
            if norm(text) in ("全社会", "社会公众", "公众"):
                return "public", ""
            return "specific_group", text.removeprefix("特定群体").removeprefix("特定群众").strip("：: ")
        is_pub = pub in TICKS
        if pub not in BLANKS and not is_pub:
            self.problem(
                f"{self.where(r, cols.fields.get('aud_public'), '全社会')}：应为 √ 或空，实为“{pub[:20]}”"
            )
        has_grp = grp not in BLANKS
        if is_pub and has_grp:
            self.problem(
                f"{self.where(r, cols.fields.get('aud_group'), '特定群体')}：公开对象只能选一项（全社会或特定群体），两项都已填写"
            )
        elif not is_pub and not has_grp:
            self.problem(
                f"{self.where(r, cols.fields.get('aud_public'), '全社会')}：公开对象应选全社会（√）或填写特定群体"
            )
        if has_grp:
            return "specific_group", "" if grp in TICKS else grp
        return "public", ""

    def _ticks(
        self,
        cols: _Columns,
        raw: Sequence[str],
        r: int,
        names: dict[str, str],
        label: str,
        text_field: str,
        words: dict[str, str],
    ) -> set[str]:
        out: set[str] = set()
        text = self._cell(cols, raw, text_field)
        if text_field in cols.fields:
            for part in re.split(r"[、，,；;/\s]+", text):
                if not part:
                    continue
                if norm(part) in words:
                    out.add(words[norm(part)])
                else:
                    self.problem(
                        f"{self.where(r, cols.fields[text_field], label)}：无法识别“{part[:20]}”，应为 {'、'.join(words)}"
                    )
        for name, value in names.items():
            v = self._cell(cols, raw, name)
            if v in TICKS:
                out.add(value)
            elif v not in BLANKS:
                self.problem(f"{self.where(r, cols.fields.get(name), label)}：应为 √ 或空，实为“{v[:20]}”")
        if not out:
            c = next((cols.fields[n] for n in names if n in cols.fields), cols.fields.get(text_field))
            self.problem(f"{self.where(r, c, label)}：{label}至少应勾选一项（√）")
        return out


@lru_cache(maxsize=4096)
def _parse_strip(text: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """A ■/□ channel strip (or a plain list of channels) -> (ticked fixed channels, ticked other
    channels, ticked names that are no channel). Cached: a catalogue repeats a few dozen strips."""
    if re.search(r"[■□☑☐]", text):
        tokens = re.findall(r"([■□☑☐])\s*([^■□☑☐]*)", text)
    else:
        tokens = [("■", t) for t in re.split(r"[；;、，,\n]+", text)]
    chosen: list[str] = []
    extras: list[str] = []
    unknown: list[str] = []
    for mark, name in tokens:
        name = name.strip()
        if not name:
            continue
        ticked = mark in ("■", "☑")
        m = re.match(r"^其[他它]\s*[:：]\s*(.+)$", name)
        if m:
            if ticked:
                extras.append(m.group(1).strip())
            continue
        fixed = channel_name(name)
        if fixed is None:
            if ticked:
                unknown.append(name)
            continue
        if ticked:
            chosen.append(fixed)
    return tuple(chosen), tuple(extras), tuple(unknown)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def parse_sheets(
    file_name: str,
    sheets: list[Sheet],
    *,
    domains: dict[str, str],
    default_domain: str | None,
) -> tuple[list[ParsedRow], list[str]]:
    """Every item row of every sheet that has a catalogue header, and every problem found."""
    problems: list[str] = []
    rows: list[ParsedRow] = []
    found = False
    for sheet in sheets:
        if not any(any(v.strip() for v in row) for row in sheet.rows):
            continue
        parser = SheetParser(
            file_name, sheet, domains=domains, default_domain=default_domain, problems=problems,
            several_sheets=len(sheets) > 1,
        )  # fmt: skip
        cols = parser.columns()
        if cols is None:
            continue  # a cover or notes sheet
        found = True
        if parser.check_columns(cols):
            rows.extend(parser.rows(cols))
    if not found:
        problems.append(
            f"{file_name}：找不到目录表头，应有“一级事项”“公开内容（要素）”“公开时限”“公开主体”“公开渠道和载体”等列"
            "（前 12 行内）"
        )
    seen: dict[tuple[str, str, str, str], str] = {}
    for p in rows:
        if p.data.key in seen:
            problems.append(
                f"{p.where}：事项“{p.data.domain} / {p.data.title}”重复（已在 {seen[p.data.key]} 出现）"
            )
        else:
            seen[p.data.key] = p.where
    return rows, problems


def export_rows(items: Sequence[ItemData], notes: Sequence[str] | None = None) -> list[list[str]]:
    """The canonical two-header-row, 19-column table of ``items``; with ``notes`` (what each item's
    site refinement changes, "" for none) a 20th column 本站点细化 when any item is refined."""
    marked = notes is not None and any(notes)
    rows = [list(HEADER1) + ([REFINED_HEADER] if marked else []), list(HEADER2) + ([""] if marked else [])]
    for n, d in enumerate(items, start=1):
        rows.append(
            [
                str(n),
                d.domain,
                d.level1,
                d.level2,
                d.level3,
                d.content,
                d.basis,
                d.time_limit,
                d.publisher,
                channel_strip(d.channels, d.extra_channels),
                TICK if d.audience == "public" else "",
                (d.audience_group or TICK) if d.audience == "specific_group" else "",
                TICK if "proactive" in d.modes else "",
                TICK if "on_request" in d.modes else "",
                *[TICK if t in d.tiers else "" for t in ("county", "township", "village")],
                d.contact_phone,
                d.retention,
                *([notes[n - 1]] if marked and notes is not None else []),
            ]
        )
    return rows


def _column_letter(index: int) -> str:
    """Excel's column letters for a 1-based index (openpyxl's, imported on first use for start-up speed)."""
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))
