"""Site refinements of standard items (本站点细化): the whole life cycle, as a township lives it.

Refine (in the window's service call and by importing the township's own workbook), see the site's
wording everywhere (search, export, compliance, kiosk, PDF) with the standard text one step away,
then the city changes the standard: the import's diff lists the refined item, Today asks for a
review until an administrator keeps or updates the refinement (service and CLI).
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from app.catalogue import ItemData, writes
from app.catalogue.layout import REFINED_HEADER
from app.cli.main import main
from app.context import AppContext
from app.errors import InputError, StateError
from app.kiosk import KioskService
from app.today.sources import refinements as today_refinements
from app.users import Role, StaffUser
from tests.app.test_catalogue_formats import township_sheets, write_xlsx

PASSWORD = "secret-123"


@pytest.fixture
def seeded(ctx: AppContext) -> AppContext:
    ctx.catalogue.seed_bundled(actor="test")
    return ctx


@pytest.fixture
def admin(seeded: AppContext) -> StaffUser:
    seeded.users.add("wang", frozenset({Role.ADMIN, Role.CLERK}), PASSWORD)
    return seeded.users.authenticate("wang", PASSWORD)


def standard(ctx: AppContext, level1: str, level2: str) -> str:
    return next(v.uuid for v in ctx.catalogue.items() if (v.data.level1, v.data.level2) == (level1, level2))


def township_workbook(ctx: AppContext, path: Path) -> tuple[Path, list[str]]:
    """The issue's file: three sheets, 6 rows naming standard items in the township's own words, plus
    one new site item per sheet."""
    picks = {
        "社会救助": [("最低生活保障", "审核信息"), ("最低生活保障", "审批信息")],
        "征地补偿": [("征地前期准备", "征收土地预公告"), ("征地组织实施", "征收土地公告")],
        "义务教育": [],
    }
    edu = [v for v in ctx.catalogue.items() if v.data.domain == "义务教育"][:2]
    picks["义务教育"] = [(v.data.level1, v.data.level2) for v in edu]
    sheets: dict[str, list[ItemData]] = {}
    uuids = []
    for domain, keys in picks.items():
        rows = []
        for l1, l2 in keys:
            uuid = standard(ctx, l1, l2)
            uuids.append(uuid)
            d = ctx.catalogue.get(uuid).data
            rows.append(
                replace(
                    d,
                    publisher="唐王街道办事处",
                    time_limit="信息形成或者变更之日起5个工作日内",
                    channels=("社区/企事业单位/村公示栏(电子屏)", "政务服务中心"),
                )
            )
        rows.append(
            ItemData(
                domain=domain,
                level1="唐王街道增补事项",
                level2=f"{domain}台账",
                content="台账",
                time_limit="每季度公开",
                publisher="唐王街道办事处",
                channels=("政府网站",),
            )  # fmt: skip
        )
        sheets[domain] = rows
    return write_xlsx(path, township_sheets(sheets)), uuids


def test_township_workbook_refines_six_items_and_is_idempotent(seeded: AppContext, tmp_path: Path) -> None:
    path, uuids = township_workbook(seeded, tmp_path / "唐王.xlsx")
    dry = seeded.catalogue.import_file(path, actor="t", dry_run=True)
    assert len(dry.diff.refined) == 6 and len(dry.added) == 3 and not dry.changed and dry.version is None
    labels = {f.label for f in dry.diff.refined[0].fields}
    assert labels == {"公开主体", "公开时限", "公开渠道和载体"}
    assert dry.diff.refined[0].fields[0].new  # each changed column with its new text
    result = seeded.catalogue.import_file(path, actor="t")
    assert result.version == 2 and seeded.catalogue.versions()[-1].refined == 6
    again = seeded.catalogue.import_file(path, actor="t")
    assert again.diff.empty and again.version is None
    view = seeded.catalogue.get(uuids[0])
    assert view.refined and view.data.publisher == "唐王街道办事处" and view.origin == "city"
    assert view.standard is not None and view.standard.publisher != "唐王街道办事处"
    assert view.rule == {"kind": "workdays", "n": 5}  # compliance judges the site's commitment
    with sqlite3.connect(seeded.paths.database) as conn:
        entities = [r[0] for r in conn.execute("SELECT entity FROM outbox_entry")]
        stored = conn.execute("SELECT publisher FROM catalogue_item WHERE uuid = ?", (uuids[0],)).fetchone()
    assert entities.count("catalogue_refinement") == 6 and entities.count("catalogue_item") == 3
    assert stored[0] != "唐王街道办事处"  # the standard text is kept as it was


def test_lists_and_single_reads_show_an_item_alike(seeded: AppContext, admin: StaffUser) -> None:
    """Lists read columns into ``writes.ItemRow`` (no ORM objects for 2,000+ items); a single read
    and an edit's answer read the ORM item: both give the same view, a refined time limit included."""
    uuid = standard(seeded, "最低生活保障", "审核信息")
    item = seeded.catalogue.get(uuid)
    refined = seeded.catalogue.refine(
        admin, uuid, replace(item.data, time_limit="信息形成或变更之日起5个工作日内"), "本街道承诺更快"
    )
    assert refined.rule == {"kind": "workdays", "n": 5} and refined.rule_text != item.rule_text
    listed = {v.uuid: v for v in seeded.catalogue.items()}
    assert listed[uuid] == refined == seeded.catalogue.get(uuid)
    for view in list(listed.values())[:40]:
        assert seeded.catalogue.get(view.uuid) == view
    assert seeded.catalogue.items_by_uuid([uuid])[uuid] == refined
    assert list(writes.ItemRow._fields) == [c.key for c in writes.VIEW_COLUMNS]


def test_refined_items_everywhere(seeded: AppContext, admin: StaffUser, tmp_path: Path) -> None:
    uuid = standard(seeded, "最低生活保障", "审核信息")
    item = seeded.catalogue.get(uuid)
    view = seeded.catalogue.refine(
        admin, uuid, replace(item.data, publisher="唐王街道办事处"), "公开主体为街道"
    )
    assert view.refinement is not None and view.refinement.labels == ("公开主体",)
    assert view.refinement.actor == "wang" and view.refinement.reason == "公开主体为街道"
    # search (the index is rebuilt: a refinement is a new catalogue version)
    assert seeded.catalogue.search("唐王街道办事处")[0].uuid == uuid
    # export: the site's wording, marked in the 本站点细化 column; it imports back unchanged
    for name in ("out.csv", "out.xlsx"):
        seeded.catalogue.export_file(tmp_path / name)
        assert seeded.catalogue.import_file(tmp_path / name, actor="t").diff.empty, name
    rows = list(csv.reader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][-1] == REFINED_HEADER
    marked = [r for r in rows[2:] if r[-1]]
    assert len(marked) == 1 and marked[0][8] == "唐王街道办事处" and marked[0][-1] == "公开主体"
    # kiosk: the site's version, said in words
    kiosk = KioskService(seeded).item(uuid)
    assert kiosk is not None
    texts = {f.label: f.value for f in kiosk.fields}
    assert texts["由哪个单位公开"] == "唐王街道办事处" and "公开主体" in texts["本专区细化"]
    # PDF: the mark after the item's title
    import pypdf

    pdf = seeded.catalogue.pdf(domain="社会救助", site_name="唐王街道")
    text = "".join("".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "审核信息〔本站点细化〕" in text and "唐王街道办事处" in text
    # identity cannot be refined; a site item is edited, not refined
    with pytest.raises(InputError):
        seeded.catalogue.refine(admin, uuid, replace(item.data, level2="别的名称"), "x")
    site = seeded.catalogue.add_item(
        admin,
        ItemData(
            domain="村务公开",
            level1="村级事务",
            level2="议事",
            content="记录",
            time_limit="随时",
            publisher="村委会",
            channels=("政府网站",),
        ),  # fmt: skip
    )
    with pytest.raises(StateError):
        seeded.catalogue.refine(admin, site.uuid, site.data, "x")


def city_release(ctx: AppContext, tmp_path: Path, uuid: str) -> Path:
    """The city's next release: the whole catalogue (standard text) with one item's basis changed."""
    path = tmp_path / "city-2026.csv"
    items = [v.standard or v.data for v in ctx.catalogue.items(origin="city")]
    target = ctx.catalogue.get(uuid)
    items = [replace(d, basis="《最低生活保障审核确认办法》(民发〔2026〕1号)") if d.key == target.data.key else d
             for d in items]  # fmt: skip
    from app.catalogue import files, layout

    files.write_csv(path, layout.export_rows(items))
    return path


def test_city_change_review_on_today_then_keep_or_update(
    seeded: AppContext, admin: StaffUser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    uuid = standard(seeded, "最低生活保障", "审核信息")
    other = standard(seeded, "最低生活保障", "审批信息")
    for u in (uuid, other):
        d = seeded.catalogue.get(u).data
        seeded.catalogue.refine(admin, u, replace(d, publisher="唐王街道办事处"), "街道为公开主体")
    assert today_refinements.items(seeded, admin, seeded.clock.today()) == []
    # the city changes the first item: the diff lists it, Today shows it
    release = city_release(seeded, tmp_path, uuid)
    dry = seeded.catalogue.import_file(release, actor="sync", origin="city", dry_run=True)
    assert [c.uuid for c in dry.diff.review] == [uuid] and [c.uuid for c in dry.changed] == [uuid]
    seeded.catalogue.import_file(release, actor="sync", origin="city")
    view = seeded.catalogue.get(uuid)
    assert view.needs_review and view.data.publisher == "唐王街道办事处"
    assert view.data.basis.endswith("(民发〔2026〕1号)")  # unrefined columns follow the standard
    today = seeded.today.list(admin)
    found = [i for i in today.items if i.kind == "catalogue.refinement_review"]
    assert len(found) == 1 and found[0].record_uuid == uuid
    assert found[0].title.startswith("标准已更新，请复核本站点细化")
    # keep: reviewed, gone from Today, still refined
    assert seeded.catalogue.search("审核信息")[0] == view  # (the search index is built now)
    kept = seeded.catalogue.keep_refinement(admin, uuid)
    assert not kept.needs_review and kept.refinement is not None and kept.refinement.reviewed_by == "wang"
    assert seeded.catalogue.search("审核信息")[0] == kept  # keeping makes no version: still seen
    assert today_refinements.items(seeded, admin, seeded.clock.today()) == []
    # the next release changes it again; this time the admin updates the refinement by CLI
    release2 = city_release(seeded, tmp_path, uuid)
    text = release2.read_text(encoding="utf-8-sig").replace("民发〔2026〕1号", "民发〔2026〕9号")
    release2.write_text(text, encoding="utf-8-sig")
    seeded.catalogue.import_file(release2, actor="sync", origin="city")
    assert seeded.catalogue.get(uuid).needs_review
    assert len(today_refinements.items(seeded, admin, seeded.clock.today())) == 1
    args = ["--data-dir", str(seeded.paths.root), "catalogue", "refine", uuid[:8], "--user", "wang",
            "--set", "公开主体=唐王街道办事处（民政办）", "--reason", "新标准下仍由街道公开"]  # fmt: skip
    seeded.close()
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(args) == 0
    reopened = AppContext.open(seeded.paths, clock=seeded.clock)
    try:
        view = reopened.catalogue.get(uuid)
        assert not view.needs_review and view.data.publisher == "唐王街道办事处（民政办）"
        assert today_refinements.items(reopened, admin, reopened.clock.today()) == []
    finally:
        reopened.close()


def test_cli_lists_keeps_and_withdraws(
    seeded: AppContext, admin: StaffUser, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    uuid = standard(seeded, "最低生活保障", "审核信息")
    d = seeded.catalogue.get(uuid).data
    seeded.catalogue.refine(admin, uuid, replace(d, time_limit="5个工作日内"), "时限收紧")
    seeded.catalogue.import_file(city_release(seeded, tmp_path, uuid), actor="sync", origin="city")
    root = str(seeded.paths.root)
    seeded.close()
    assert main(["--data-dir", root, "catalogue", "refinements", "--review", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [v["uuid"] for v in listed] == [uuid] and listed[0]["refinement"]["fields"] == {
        "time_limit": "5个工作日内"
    }
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["--data-dir", root, "catalogue", "keep", uuid, "--user", "wang"]) == 0
    assert "已保留" in capsys.readouterr().out
    assert main(["--data-dir", root, "catalogue", "refinements", "--review"]) == 0
    assert uuid[:8] not in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert (
        main(["--data-dir", root, "catalogue", "unrefine", uuid, "--user", "wang", "--reason", "恢复"]) == 0
    )
    assert main(["--data-dir", root, "catalogue", "search", "审核信息", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert not any(h["refined"] for h in hits)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    bad = [
        "--data-dir",
        root,
        "catalogue",
        "refine",
        uuid,
        "--user",
        "wang",
        "--set",
        "一级事项=x",
        "--reason",
        "r",
    ]
    assert main(bad) == 2
    assert "标识" in capsys.readouterr().err
