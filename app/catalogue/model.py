"""The catalogue's vocabulary and the plain values handed to the UI, CLI and other capabilities.

``ItemData`` is an item's content without identity: what an import row, an edit form or a revision
snapshot holds, and what two versions are compared on. ``CatalogueItemView`` adds identity and state.
The fixed channel list, the labels of audience/mode/tier and the column labels live here once.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

#: The 13 fixed channels (公开渠道和载体) in print order (docs/domain-facts.md §1.4).
CHANNELS: tuple[str, ...] = (
    "政府网站",
    "政府公报",
    "两微一端",
    "发布会/听证会",
    "广播电视",
    "纸质媒体",
    "公开查阅点",
    "政务服务中心",
    "便民服务站",
    "入户/现场",
    "社区/企事业单位/村公示栏(电子屏)",
    "精准推送",
    "其他",
)
OTHER = "其他"

AUDIENCES = {"public": "全社会", "specific_group": "特定群体"}
MODES = {"proactive": "主动", "on_request": "依申请"}
TIERS = {"county": "县级", "township": "乡级", "village": "村级"}
ORIGINS = {"city": "市级标准", "district": "区县标准", "site": "本站点增补"}
#: An import may update items of its own origin and of lower ones; standard items are read-only at a site.
ORIGIN_RANK = {"site": 0, "district": 1, "city": 2}
STATUSES = {"active": "有效", "retired": "已停用"}

#: Field name -> Chinese label, in the order the detail pane and diffs show them.
FIELD_LABELS: dict[str, str] = {
    "domain": "领域",
    "level1": "一级事项",
    "level2": "二级事项",
    "level3": "三级事项",
    "content": "公开内容（要素）",
    "basis": "公开依据",
    "time_limit": "公开时限",
    "publisher": "公开主体",
    "channels": "公开渠道和载体",
    "extra_channels": "其他渠道",
    "audience": "公开对象",
    "audience_group": "特定群体说明",
    "modes": "公开方式",
    "tiers": "公开层级",
    "contact_phone": "咨询电话",
    "retention": "公开时长",
}
#: An item's identity: never refined by a site (a site wanting another item adds its own).
IDENTITY_FIELDS = ("domain", "level1", "level2", "level3")
#: The columns a site may word its own way (本站点细化).
REFINABLE_FIELDS: tuple[str, ...] = tuple(f for f in FIELD_LABELS if f not in IDENTITY_FIELDS)
REFINED_LABEL = "本站点细化"


@dataclass(frozen=True)
class ItemData:
    """An item's content: everything an import row or an edit carries (no identity, no state)."""

    domain: str
    level1: str
    level2: str = ""
    level3: str = ""
    content: str = ""
    basis: str = ""
    time_limit: str = ""
    publisher: str = ""
    channels: tuple[str, ...] = ()
    extra_channels: tuple[str, ...] = ()
    audience: str = "public"
    audience_group: str = ""
    modes: tuple[str, ...] = ("proactive",)
    tiers: tuple[str, ...] = ("township",)
    contact_phone: str = ""
    retention: str = ""

    @property
    def key(self) -> tuple[str, str, str, str]:
        """What identifies an item across versions: domain and the three levels."""
        return (self.domain, self.level1, self.level2, self.level3)

    @property
    def title(self) -> str:
        return " / ".join(p for p in (self.level1, self.level2, self.level3) if p)

    def to_json(self) -> dict[str, Any]:
        return {
            f.name: (list(v) if isinstance(v := getattr(self, f.name), tuple) else v) for f in fields(self)
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> ItemData:
        known = {f.name for f in fields(cls)}
        kw: dict[str, Any] = {k: (tuple(v) if isinstance(v, list) else v) for k, v in d.items() if k in known}
        return cls(**kw)

    def differences(self, other: ItemData) -> list[FieldChange]:
        """The fields whose values differ, with both values shown as text."""
        out = []
        for name in FIELD_LABELS:
            a, b = getattr(self, name), getattr(other, name)
            if a != b:
                out.append(
                    FieldChange(name, FIELD_LABELS[name], display_value(name, a), display_value(name, b))
                )
        return out


def display_value(name: str, value: Any) -> str:
    """A field's value as a clerk reads it."""
    if name == "channels":
        return "、".join(value)
    if name == "extra_channels":
        return "、".join(value)
    if name == "audience":
        return AUDIENCES.get(value, value)
    if name == "modes":
        return "、".join(MODES.get(m, m) for m in value)
    if name == "tiers":
        return "、".join(TIERS.get(t, t) for t in value)
    return str(value)


def channel_strip(channels: tuple[str, ...], extras: tuple[str, ...]) -> str:
    """The printed ■/□ strip of the 13 fixed channels, extras as "■其他：<name>"."""
    parts = [("■" if c in channels else "□") + c for c in CHANNELS]
    parts += [f"■其他：{e}" for e in extras]
    return " ".join(parts)


def refined_data(standard: ItemData, fields: dict[str, Any]) -> ItemData:
    """The standard item's content with the site's refined columns in place."""
    kw: dict[str, Any] = {
        k: (tuple(v) if isinstance(v, list) else v) for k, v in fields.items() if k in REFINABLE_FIELDS
    }
    return replace(standard, **kw)


def refinement_fields(standard: ItemData, site: ItemData) -> dict[str, Any]:
    """The columns where ``site`` words the standard item differently (JSON-ready values)."""
    out: dict[str, Any] = {}
    for name in REFINABLE_FIELDS:
        value = getattr(site, name)
        if value != getattr(standard, name):
            out[name] = list(value) if isinstance(value, tuple) else value
    return out


@dataclass(frozen=True)
class RefinementView:
    """A site's refinement of a standard item: what it changed, who, when and why, and its review state."""

    uuid: str
    item_uuid: str
    fields: dict[str, Any]
    reason: str
    actor: str
    at: str  # local time, "YYYY-MM-DD HH:MM"
    standard_changed: bool
    reviewed_by: str = ""
    reviewed_at: str = ""

    @property
    def labels(self) -> tuple[str, ...]:
        """The refined columns' labels, in the catalogue's column order."""
        return tuple(FIELD_LABELS[f] for f in REFINABLE_FIELDS if f in self.fields)

    def to_json(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "item_uuid": self.item_uuid,
            "fields": self.fields,
            "reason": self.reason,
            "actor": self.actor,
            "at": self.at,
            "standard_changed": self.standard_changed,
            "reviewed_by": self.reviewed_by,
            "reviewed_at": self.reviewed_at,
        }


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class CatalogueItemView:
    """An item as the UI, CLI and other capabilities see it."""

    uuid: str
    data: ItemData
    domain_code: str
    seq: int
    origin: str
    status: str
    rule: dict[str, Any]
    rule_text: str
    changed_on: date
    version: int
    pinyin: tuple[str, str] = ("", "")  # full pinyin and initials of the title parts (for search)
    #: the site's refinement (``data`` then shows the site's wording) and the standard text under it
    refinement: RefinementView | None = None
    standard: ItemData | None = None

    @property
    def title(self) -> str:
        return self.data.title

    @property
    def editable(self) -> bool:
        """Site additions are edited at the site; city and district standard items are read-only."""
        return self.origin == "site" and self.status == "active"

    @property
    def refinable(self) -> bool:
        """A standard item the site may word its own way (本站点细化)."""
        return self.origin != "site" and self.status == "active"

    @property
    def refined(self) -> bool:
        return self.refinement is not None

    @property
    def needs_review(self) -> bool:
        """The standard changed after the site refined it: a person keeps or updates the refinement."""
        return self.refinement is not None and self.refinement.standard_changed

    def to_json(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "domain_code": self.domain_code,
            **self.data.to_json(),
            "channel_strip": channel_strip(self.data.channels, self.data.extra_channels),
            "origin": self.origin,
            "status": self.status,
            "rule": self.rule,
            "rule_text": self.rule_text,
            "changed_on": self.changed_on.isoformat(),
            "version": self.version,
            "refined": self.refined,
            "refinement": self.refinement.to_json() if self.refinement else None,
            "standard": self.standard.to_json() if self.standard else None,
        }


@dataclass(frozen=True)
class DomainView:
    code: str
    name: str
    lead_department: str
    note: str
    applicable: bool
    not_applicable_reason: str
    active_items: int


@dataclass(frozen=True)
class VersionView:
    number: int
    created_at: str  # local time, "YYYY-MM-DD HH:MM"
    actor: str
    origin: str
    source: str
    added: int
    changed: int
    retired: int
    refined: int = 0


@dataclass(frozen=True)
class ItemChange:
    """One item in a diff: its identity, title and (for changes) the fields that differ."""

    uuid: str
    domain: str
    title: str
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class CatalogueDiff:
    """What an import does: items added, changed, retired; for a site file, standard items refined
    (细化, each changed column); for a city/district release, refined items whose standard changed
    (``review``: they are also in ``changed``, and Today asks for a review)."""

    added: tuple[ItemChange, ...]
    changed: tuple[ItemChange, ...]
    retired: tuple[ItemChange, ...]
    refined: tuple[ItemChange, ...] = ()
    review: tuple[ItemChange, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.retired or self.refined)

    def to_json(self) -> dict[str, Any]:
        def one(c: ItemChange) -> dict[str, Any]:
            return {
                "uuid": c.uuid,
                "domain": c.domain,
                "title": c.title,
                "fields": [
                    {"field": f.field, "label": f.label, "old": f.old, "new": f.new} for f in c.fields
                ],
            }

        return {
            k: [one(c) for c in getattr(self, k)]
            for k in ("added", "changed", "retired", "refined", "review")
        }


@dataclass(frozen=True)
class ImportResult:
    """What an import did (or, with ``dry_run``, would do). ``version`` is None when nothing changed."""

    source: str
    rows: int
    diff: CatalogueDiff
    version: int | None
    dry_run: bool

    @property
    def added(self) -> tuple[ItemChange, ...]:
        return self.diff.added

    @property
    def changed(self) -> tuple[ItemChange, ...]:
        return self.diff.changed

    @property
    def retired(self) -> tuple[ItemChange, ...]:
        return self.diff.retired


@dataclass(frozen=True)
class HistoryEntry:
    version: int
    at: str
    actor: str
    change: str  # added / changed / retired
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class DisclosureView:
    uuid: str
    item_uuid: str
    on: date
    channel: str
    notice_uuid: str
    actor: str


@dataclass(frozen=True)
class ComplianceEntry:
    """An item that is overdue or due soon, with the rule it is judged by."""

    item: CatalogueItemView
    status: str  # "overdue" | "due_soon"
    due: date
    provisional: bool
    rule_text: str
    last_disclosure: date | None = None
    workdays_left: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)
