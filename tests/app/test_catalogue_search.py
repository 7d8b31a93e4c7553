"""Catalogue search: substrings of every length, pinyin, initials, synonyms, ranking, staleness."""

from __future__ import annotations

import pytest

from app.catalogue import ItemData
from app.context import AppContext
from app.users import Role


@pytest.fixture
def seeded(ctx: AppContext) -> AppContext:
    ctx.catalogue.seed_bundled(actor="test")
    return ctx


def titles(ctx: AppContext, q: str, limit: int = 50) -> list[str]:
    return [v.title for v in ctx.catalogue.search(q, limit)]


def test_one_and_two_character_queries(seeded: AppContext) -> None:
    assert titles(seeded, "村")
    assert all("低保" in t or "最低生活保障" in t for t in titles(seeded, "低保", 5))


def test_long_substring_in_any_field(seeded: AppContext) -> None:
    hits = seeded.catalogue.search("民发〔2021〕57号")
    assert hits and all("民发〔2021〕57号" in v.data.basis + v.data.content for v in hits)


def test_full_pinyin_and_initials(seeded: AppContext) -> None:
    assert titles(seeded, "zdshbz", 1)[0].startswith("最低生活保障")
    assert titles(seeded, "zuidishenghuobaozhang", 1)[0].startswith("最低生活保障")
    assert titles(seeded, "ZDSHBZ", 1) == titles(seeded, "zdshbz", 1)


@pytest.mark.parametrize(
    ("short", "full"),
    [("新农合", "城乡居民基本医疗保险"), ("特困", "特困人员"), ("危房", "危房"), ("医保", "医疗保障")],
)
def test_synonyms(seeded: AppContext, short: str, full: str) -> None:
    views = seeded.catalogue.search(short, 10)
    assert views and any(full in v.title or full in v.data.content for v in views)


def test_an_abbreviation_typed_in_pinyin_finds_what_it_stands_for(seeded: AppContext) -> None:
    """The search box says 汉字、拼音或首字母 (如 低保、zdshbz): "dibao" is 低保 typed in pinyin, and
    the titles' own pinyin (zuidishenghuobaozhang) never contains it."""
    assert titles(seeded, "dibao", 1)[0].startswith("最低生活保障")
    assert titles(seeded, "yibao", 1) == titles(seeded, "医保", 1)


def test_title_hits_rank_first(seeded: AppContext) -> None:
    views = seeded.catalogue.search("养老", 50)
    in_title = [("养老" in v.title) for v in views]
    assert in_title[0] and in_title == sorted(in_title, reverse=True)


def test_several_terms_all_must_match(seeded: AppContext) -> None:
    views = seeded.catalogue.search("低保 审批")
    assert views and all("审批" in v.title + v.data.content for v in views)


def test_index_follows_changes_and_synonym_edits(seeded: AppContext) -> None:
    admin = seeded.users.add("adm", frozenset({Role.ADMIN}), "secret1")
    assert not seeded.catalogue.search("议事会记录")
    seeded.catalogue.add_item(admin, ItemData("村务公开", "村级议事", "议事会记录", content="会议记录", time_limit="随时公布",
                                              publisher="村民委员会", channels=("政府网站",), tiers=("village",)))  # fmt: skip
    assert titles(seeded, "议事会记录") == ["村级议事 / 议事会记录"]
    assert titles(seeded, "yshjl") == ["村级议事 / 议事会记录"]
    seeded.catalogue.set_synonyms(admin, [*seeded.catalogue.synonyms(), ("开会", "议事会")])
    assert titles(seeded, "开会") == ["村级议事 / 议事会记录"]


def test_empty_query(seeded: AppContext) -> None:
    assert seeded.catalogue.search("   ") == []
    assert seeded.catalogue.search("\x00") == []
