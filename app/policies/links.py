"""How other records name policy documents: ``PolicyLink`` (a UUID and the title as it was linked).

Events and notices keep a JSON list of links; catalogue items are linked through the library's own
table. A link whose ``uuid`` is empty is a title typed before the document was in the library (every
free-text policy title of an event became one in migration 0013); the title is kept with every link so
the record reads well even while the document itself has not yet arrived by sync.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PolicyLink:
    """A policy document by UUID ("" when not linked yet) and its title."""

    uuid: str
    title: str

    @property
    def linked(self) -> bool:
        return bool(self.uuid)

    def to_json(self) -> dict[str, str]:
        return {"uuid": self.uuid, "title": self.title}


def clean_links(links: Iterable[PolicyLink]) -> list[PolicyLink]:
    """Stripped, without empty entries or repeats (by UUID when linked, else by title), order kept."""
    out: list[PolicyLink] = []
    seen: set[str] = set()
    for link in links:
        uuid, title = link.uuid.strip(), " ".join(link.title.split())
        if not uuid and not title:
            continue
        key = uuid or f"title:{title}"
        if key in seen:
            continue
        seen.add(key)
        out.append(PolicyLink(uuid, title))
    return out


def links_to_json(links: Iterable[PolicyLink]) -> list[dict[str, str]]:
    return [link.to_json() for link in clean_links(links)]


def dumps_links(links: Iterable[PolicyLink]) -> str:
    return json.dumps(links_to_json(links), ensure_ascii=False)


def links_from_json(data: Any) -> tuple[PolicyLink, ...]:
    """Links from stored JSON text or an already-parsed list (plain strings read as unlinked titles)."""
    if isinstance(data, str):
        try:
            data = json.loads(data or "[]")
        except ValueError:
            return ()
    if not isinstance(data, list):
        return ()
    out = []
    for item in data:
        if isinstance(item, dict):
            out.append(PolicyLink(str(item.get("uuid") or ""), str(item.get("title") or "")))
        elif isinstance(item, str):
            out.append(PolicyLink("", item))
    return tuple(clean_links(out))


def titles(links: Iterable[PolicyLink]) -> str:
    """The titles joined with 、 for a line of text (《》 added where missing)."""
    return "、".join(t if t.startswith("《") else f"《{t}》" for t in (link.title for link in links) if t)
