"""Catalogue import/export: the bundled layout, real-world variants, round trips, and rejection of bad files."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.catalogue import ItemData
from app.catalogue.layout import HEADER1, HEADER2
from app.context import AppContext
from app.errors import InputError

STRIP_WEB = "■政府网站 □政府公报 □两微一端 □发布会/听证会 □广播电视 □纸质媒体 □公开查阅点 □政务服务中心 □便民服务站 □入户/现场 ■社区/企事业单位/村公示栏(电子屏) □精准推送 □其他"


def row(
    domain: str, l1: str, l2: str, *, content: str = "名单及相关信息", strip: str = STRIP_WEB, group: str = ""
) -> list[str]:
    return [
        "1", domain, l1, l2, "", content, "《中华人民共和国政府信息公开条例》", "信息形成或者变更之日起20个工作日内",
        "乡镇人民政府(街道办事处)", strip, "" if group else "√", group, "√", "", "", "√", "√", "", "",
    ]  # fmt: skip


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    buf = io.StringIO()
    csv.writer(buf).writerows([list(HEADER1), list(HEADER2), *rows])
    path.write_text(buf.getvalue(), encoding="utf-8-sig")
    return path


@pytest.fixture
def seeded(ctx: AppContext) -> AppContext:
    ctx.catalogue.seed_bundled(actor="test")
    return ctx


def table_dump(ctx: AppContext) -> list[tuple]:
    with sqlite3.connect(ctx.paths.database) as conn:
        return (
            conn.execute("SELECT * FROM catalogue_item ORDER BY id").fetchall()
            + conn.execute("SELECT count(*) FROM catalogue_version").fetchall()
        )


def test_bundled_catalogue_loads_once(seeded: AppContext) -> None:
    """init loads 283 city items in 27 domains; seeding again makes no new version."""
    items = seeded.catalogue.items()
    assert len(items) == 283
    assert {i.origin for i in items} == {"city"}
    assert len({i.domain_code for i in items}) == 27
    again = seeded.catalogue.seed_bundled(actor="test")
    assert again.version is None and again.diff.empty
    assert len(seeded.catalogue.versions()) == 1


def test_round_trip_csv_and_xlsx(seeded: AppContext, tmp_path: Path) -> None:
    """Export then import gives identical items and no new version, for both formats."""
    before = [i.data for i in seeded.catalogue.items()]
    for name in ("out.csv", "out.xlsx"):
        path = tmp_path / name
        assert seeded.catalogue.export_file(path) == 283
        result = seeded.catalogue.import_file(path, actor="t", origin="city")
        assert result.diff.empty and result.version is None, name
    assert [i.data for i in seeded.catalogue.items()] == before


def test_xlsx_export_has_merged_two_row_header(seeded: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    seeded.catalogue.export_file(path)
    ws = load_workbook(path).active
    assert "C1:E1" in {str(m) for m in ws.merged_cells.ranges}
    assert ws["C2"].value == "一级事项" and ws["A3"].value == "1"


def test_updated_file_becomes_new_version_with_stable_uuids(seeded: AppContext, tmp_path: Path) -> None:
    """Changed rows keep their UUID; missing city rows retire; diff and history show it."""
    path = tmp_path / "v2.csv"
    seeded.catalogue.export_file(path)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    target = rows[2]
    old = next(
        i for i in seeded.catalogue.items() if (i.data.level1, i.data.level2) == (target[2], target[3])
    )
    target[7] = "信息形成或者变更之日起10个工作日内"
    gone = rows.pop(3)
    rows.append(row("社会救助", "临时救助", "街道急难救助备用金"))
    write = tmp_path / "v2b.csv"
    write.write_text("".join(",".join(f'"{c}"' for c in r) + "\r\n" for r in rows), encoding="utf-8-sig")
    dry = seeded.catalogue.import_file(write, actor="t", origin="city", dry_run=True)
    assert (len(dry.added), len(dry.changed), len(dry.retired)) == (1, 1, 1) and dry.version is None
    assert len(seeded.catalogue.versions()) == 1
    result = seeded.catalogue.import_file(write, actor="t", origin="city")
    assert result.version == 2
    changed = seeded.catalogue.get(old.uuid)
    assert changed.data.time_limit.startswith("信息形成或者变更之日起10") and changed.rule == {
        "kind": "workdays",
        "n": 10,
    }
    fields = {f.label for f in result.changed[0].fields}
    assert fields == {"公开时限"}
    assert result.retired[0].title.startswith(gone[2])
    diff = seeded.catalogue.diff(1, 2)
    assert (len(diff.added), len(diff.changed), len(diff.retired)) == (1, 1, 1)
    assert seeded.catalogue.diff(0, 1).added and not seeded.catalogue.diff(2, 2).changed
    history = seeded.catalogue.history(old.uuid)
    assert [h.change for h in history] == ["added", "changed"] and history[1].fields[0].label == "公开时限"
    # the same file again changes nothing
    assert seeded.catalogue.import_file(write, actor="t", origin="city").version is None


def test_site_import_refines_standard_items_district_cannot_change_city(
    seeded: AppContext, tmp_path: Path
) -> None:
    """A site row naming a standard item becomes its refinement; a district file may not change a city item."""
    item = seeded.catalogue.items("19")[0]
    path = write_csv(
        tmp_path / "x.csv", [row("社会救助", item.data.level1, item.data.level2, content="改过的内容")]
    )
    result = seeded.catalogue.import_file(path, actor="t")
    assert [c.uuid for c in result.diff.refined] == [item.uuid] and not result.changed
    assert seeded.catalogue.get(item.uuid).data.content == "改过的内容"
    with pytest.raises(InputError) as exc:
        seeded.catalogue.import_file(path, actor="t", origin="district")
    assert "市级标准事项" in str(exc.value) and "第 3 行" in str(exc.value)


def test_site_additions_go_to_outbox_city_items_do_not(seeded: AppContext, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "site.csv", [row("村务公开", "村级事务", "村民议事会议记录")])
    result = seeded.catalogue.import_file(path, actor="t")
    assert result.version == 2
    with sqlite3.connect(seeded.paths.database) as conn:
        entities = [r[0] for r in conn.execute("SELECT entity FROM outbox_entry")]
    assert entities == ["catalogue_item"]
    assert (
        seeded.catalogue.get(
            result.added[0].uuid or seeded.catalogue.search("村民议事会议记录")[0].uuid
        ).origin
        == "site"
    )


def real_world_workbook(path: Path) -> Path:
    """A township's workbook: a title row, merged headers, one column per channel, other spellings, no 领域."""
    wb = Workbook()
    ws = wb.active
    ws.title = "社会救助"
    ws.append(["东营镇社会救助领域基层政务公开标准目录"])
    ws.merge_cells("A1:P1")
    ws.append(
        [
            "序号",
            "公开事项",
            "",
            "公开内容",
            "公开依据",
            "公开时限",
            "公开主体",
            "公开渠道和载体",
            "",
            "",
            "公开对象",
            "",
            "公开方式",
            "",
            "公开层级",
            "",
        ]
    )
    ws.append(
        [
            "",
            "一级事项",
            "二级事项",
            "",
            "",
            "",
            "",
            "政府网站",
            "行政服务中心",
            "其他",
            "全社会",
            "特定群众",
            "主动",
            "依申请公开",
            "镇级",
            "村级",
        ]
    )
    for rng in ("A2:A3", "B2:C2", "D2:D3", "E2:E3", "F2:F3", "G2:G3", "H2:J2", "K2:L2", "M2:N2", "O2:P2"):
        ws.merge_cells(rng)
    ws.append(
        [
            "1",
            "最低生活保障",
            "镇级审核公示",
            "初审对象名单",
            "民发〔2021〕57号",
            "制定或获取信息之日起10个工作日内,公示7个工作日",
            "镇人民政府",
            "✔",
            "",
            "镇村公示公开栏",
            "",
            "申请家庭所在村村民",
            "√",
            "",
            "√",
            "√",
        ]
    )
    ws.append(
        [
            "2",
            "",
            "镇级审批结果",
            "低保对象名单",
            "民发〔2021〕57号",
            "制定或获取信息之日起10个工作日内",
            "镇人民政府",
            "✔",
            "✔",
            "",
            "✔",
            "",
            "✔",
            "✔",
            "✔",
            "",
        ]
    )
    ws.merge_cells("B4:B5")
    wb.save(path)
    return path


def test_real_world_variants_import(seeded: AppContext, tmp_path: Path) -> None:
    """Merged headers, per-channel columns, 特定群众/依申请公开/镇级, sheet name as domain, merged 一级事项."""
    result = seeded.catalogue.import_file(real_world_workbook(tmp_path / "dy.xlsx"), actor="t")
    assert len(result.added) == 2
    a, b = (seeded.catalogue.search(t)[0].data for t in ("镇级审核公示", "镇级审批结果"))
    assert a.domain == b.domain == "社会救助" and b.level1 == "最低生活保障"
    assert a.audience == "specific_group" and a.audience_group == "申请家庭所在村村民"
    assert a.extra_channels == ("镇村公示公开栏",) and a.tiers == ("township", "village")
    assert b.channels == ("政府网站", "政务服务中心") and b.modes == ("proactive", "on_request")


def test_missing_domain_column_needs_domain_option(seeded: AppContext, tmp_path: Path) -> None:
    path = real_world_workbook(tmp_path / "dy.xlsx")
    wb = load_workbook(path)
    wb.active.title = "Sheet1"
    wb.save(path)
    with pytest.raises(InputError, match="--domain"):
        seeded.catalogue.import_file(path, actor="t")
    assert len(seeded.catalogue.import_file(path, actor="t", domain="社会救助").added) == 2


def bad(tmp_path: Path, seeded: AppContext, path: Path, *needles: str) -> None:
    before = table_dump(seeded)
    with pytest.raises(InputError) as exc:
        seeded.catalogue.import_file(path, actor="t")
    text = str(exc.value)
    for n in needles:
        assert n in text, text
    assert table_dump(seeded) == before


def test_every_problem_is_listed_with_its_place(seeded: AppContext, tmp_path: Path) -> None:
    """Unknown channel, empty required cell, unknown domain: all listed, nothing imported."""
    rows = [
        row("社会救助", "临时救助", "甲", strip="■政府网站 ■镇村大喇叭"),
        row("社会救助", "临时救助", "乙", content=""),
        row("火星事务", "临时救助", "丙"),
        row("社会救助", "临时救助", "丁"),
    ]
    path = write_csv(tmp_path / "bad.csv", rows)
    bad(tmp_path, seeded, path, "bad.csv，第 3 行，J 列", "未知渠道“镇村大喇叭”", "■其他：镇村大喇叭",
        "第 4 行，F 列（公开内容（要素））：不能为空", "第 5 行，B 列（领域）：未知领域“火星事务”", "3 处问题")  # fmt: skip


def test_wrong_headers_rejected(seeded: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text(
        "序号,领域,一级事项,公开内容,公开时限,公开主体,备注栏\n1,社会救助,a,b,c,d,e\n", encoding="utf-8"
    )
    bad(tmp_path, seeded, path, "无法识别表头“备注栏”", "表头缺少以下列", "公开渠道和载体")
    path.write_text("姓名,年龄\n张三,3\n", encoding="utf-8")
    bad(tmp_path, seeded, path, "找不到目录表头")


def test_not_excel_named_xlsx(seeded: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_text("这不是表格", encoding="utf-8")
    bad(tmp_path, seeded, path, "fake.xlsx", "不是 Excel、WPS 或 OpenDocument 工作簿")
    (tmp_path / "zip.xlsx").write_bytes(_zip_bytes())
    bad(tmp_path, seeded, tmp_path / "zip.xlsx", "不是 Excel、WPS 或 OpenDocument 工作簿")


def _zip_bytes() -> bytes:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hi")
    return buf.getvalue()


def test_huge_cell_rejected(seeded: AppContext, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "big.csv", [row("社会救助", "临时救助", "甲", content="字" * 5_000_000)])
    bad(tmp_path, seeded, path, "big.csv", "第 3 行")
    wb = Workbook()
    ws = wb.active
    ws.append(list(HEADER1))
    ws.append(list(HEADER2))
    ws.append(row("社会救助", "临时救助", "甲", content="字" * 9000))
    wb.save(tmp_path / "big.xlsx")
    bad(tmp_path, seeded, tmp_path / "big.xlsx", "第 3 行，F 列", "过长")


def test_formula_cells_rejected_and_export_neutralised(seeded: AppContext, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(list(HEADER1))
    ws.append(list(HEADER2))
    ws.append(row("社会救助", "临时救助", "甲", content='=HYPERLINK("http://evil.example","点我")'))
    wb.save(tmp_path / "f.xlsx")
    bad(tmp_path, seeded, tmp_path / "f.xlsx", "第 3 行，F 列", "公式")
    path = write_csv(tmp_path / "f.csv", [row("社会救助", "临时救助", "甲", content="=1+2")])
    bad(tmp_path, seeded, path, "第 3 行，F 列", "“=”开头")


def test_export_neutralises_leading_formula_characters(seeded: AppContext, tmp_path: Path) -> None:
    """A site item starting with + or @ is written with a leading quote and imports back unchanged."""
    user = seeded.users.add("adm", frozenset({__import__("app.users").users.Role.ADMIN}), "secret1")
    data = ItemData(domain="村务公开", level1="+村级事务", level2="@议事", content="-会议记录", time_limit="随时公布",
                    publisher="村民委员会", channels=("政府网站",), tiers=("village",))  # fmt: skip
    seeded.catalogue.add_item(user, data)
    for name in ("n.csv", "n.xlsx"):
        seeded.catalogue.export_file(tmp_path / name)
    assert '"\'+村级事务"' in (tmp_path / "n.csv").read_text(encoding="utf-8-sig")
    cell_values = [c.value for r in load_workbook(tmp_path / "n.xlsx").active.iter_rows() for c in r]
    assert "'-会议记录" in cell_values and not any(str(v).startswith("=") for v in cell_values if v)
    for name in ("n.csv", "n.xlsx"):
        assert seeded.catalogue.import_file(tmp_path / name, actor="t").diff.empty


def test_merged_cells_in_odd_places_rejected(seeded: AppContext, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(list(HEADER1))
    ws.append(list(HEADER2))
    ws.append(row("社会救助", "临时救助", "甲"))
    ws.append(row("社会救助", "临时救助", "乙"))
    ws.merge_cells("K3:M3")
    wb.save(tmp_path / "m.xlsx")
    bad(tmp_path, seeded, tmp_path / "m.xlsx", "K3:M3", "取消合并")


def test_duplicate_rows_and_unknown_suffix(seeded: AppContext, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "d.csv", [row("社会救助", "临时救助", "甲"), row("社会救助", "临时救助", "甲")]
    )
    bad(tmp_path, seeded, path, "第 4 行", "重复", "第 3 行")
    (tmp_path / "a.txt").write_text("x")
    bad(tmp_path, seeded, tmp_path / "a.txt", "应为 .xlsx、.xlsm、.xls、.et、.ods 或 .csv")
