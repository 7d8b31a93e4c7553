"""Policy library subcommands (``gongkai doc``): import, list, search, show, retire, print, register."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.common import CliEnv, print_json, print_table
from app.errors import InputError

if TYPE_CHECKING:  # the library's modules load when a doc command runs (start-up time)
    from app.policies import values as v


def register(sub: argparse._SubParsersAction) -> None:
    doc = sub.add_parser("doc", help="政策文件库").add_subparsers(dest="doc_cmd", required=True)
    p = doc.add_parser(
        "import",
        help="导入文件夹或 .zip（含目录.xlsx 或 目录.csv，全部成功才写入）",
        description="导入一个文件夹或 .zip 压缩包中的政策文件。其中应有一张目录表“目录.xlsx”或“目录.csv”，"
        "表头至少有“文件名”一列（另可有 标题、发文字号、发文机关、成文日期、发布日期、施行日期、有效性、主题分类、"
        "关键词、附件）。有任何问题则什么也不写入，列出每处问题（表、行、列、应为什么），退出码 2。",
    )
    p.add_argument("path", help="文件夹或 .zip")
    p.add_argument("--dry-run", action="store_true", help="只检查并列出将导入的文件，不写入")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import)

    p = doc.add_parser("list", help="列出政策文件（新的在前）")
    _filters(p)
    p.add_argument(
        "--json", action="store_true", help="每个文件的 uuid、标题、文号、机关、日期、有效性、领域"
    )
    p.set_defaults(handler=cmd_list)

    p = doc.add_parser("search", help="检索政策文件（标题、文号、关键词、拼音首字母、全文）")
    p.add_argument("query")
    _filters(p)
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_search)

    p = doc.add_parser("show", help="显示一份文件的信息、解读和全文")
    p.add_argument("id", help="文件编号（UUID 或其前 8 位）或发文字号")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show)

    p = doc.add_parser(
        "retire",
        help="标记文件废止（或失效、已修订），可注明替代文件",
        description="以管理员身份标记文件不再有效（密码从标准输入读取）。默认为“废止”，日期默认今天。",
    )
    p.add_argument("id")
    p.add_argument("--replaced-by", default="", help="替代它的文件（编号或发文字号）")
    p.add_argument("--validity", choices=["repealed", "expired", "revised"], default="repealed",
                   help="repealed 废止（默认）、expired 失效、revised 已修订")  # fmt: skip
    p.add_argument("--on", type=date.fromisoformat, help="自哪一天起（YYYY-MM-DD，默认今天）")
    p.add_argument("--user", required=True, help="管理员用户名（密码从标准输入读取）")
    p.set_defaults(handler=cmd_retire)

    p = doc.add_parser("print", help="打印文件或其解读为 PDF（有原件 PDF 时用原件页面，否则排版）")
    p.add_argument("id")
    p.add_argument("-o", "--output", required=True, help="PDF 文件路径")
    p.add_argument("--interpretation", default="", help="打印这份解读材料（编号）而不是文件本身")
    p.set_defaults(handler=cmd_print)

    p = doc.add_parser(
        "register",
        help="查阅登记：某时段的数字（年度报告用）、逐条列出、导出 .xlsx/.csv 或打印 PDF（姓名脱敏）；add 登记一条",
    )
    p.add_argument("--year", type=int, help="年份（默认今年）")
    p.add_argument("--from", dest="first", type=date.fromisoformat, help="时段开始日 YYYY-MM-DD")
    p.add_argument("--to", dest="last", type=date.fromisoformat, help="时段结束日 YYYY-MM-DD（默认今天）")
    p.add_argument("--list", action="store_true", help="逐条列出（查阅人姓名脱敏）")
    p.add_argument("-o", "--output", help="导出为 .xlsx、.csv，或 .pdf（打印用）；查阅人姓名脱敏")
    p.add_argument("--without-names", action="store_true", help="导出或列出时不含查阅人姓名")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_register)
    add = p.add_subparsers(dest="register_cmd", required=False).add_parser(
        "add", help="登记一次查阅或打印（查阅人姓名可不填）"
    )
    add.add_argument("id", help="文件编号（UUID 或其前 8 位）或发文字号")
    add.add_argument("--print", dest="printed", action="store_true", help="打印（默认为查阅）")
    add.add_argument("--pages", type=int, default=0, help="打印页数（每份）")
    add.add_argument("--copies", type=int, default=1, help="打印份数")
    add.add_argument("--interpretation", default="", help="查阅或打印的是这份解读材料（编号）")
    add.add_argument("--name", default="", help="查阅人姓名（可不填；导出时脱敏）")
    add.add_argument("--note", default="")
    add.add_argument("--on", type=date.fromisoformat, help="日期 YYYY-MM-DD（默认今天）")
    add.add_argument("--user", required=True, help="工作人员用户名（密码从标准输入读取）")
    add.set_defaults(handler=cmd_register_add)


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--domain", default="", help="主题分类（领域名称）")
    p.add_argument("--issuer", default="", help="发文机关")
    p.add_argument("--year", type=int, help="年份（发布日期，没有则成文日期）")
    p.add_argument(
        "--validity",
        default="",
        choices=["", "current", "valid", "expired", "repealed", "revised"],
        help="current 现行有效；或 valid/expired/repealed/revised",
    )


def _filters_of(env: CliEnv) -> v.SearchFilters:
    from app.policies import values as v

    a = env.args
    return v.SearchFilters(domain=a.domain, issuer=a.issuer, year=a.year, validity=a.validity)


def _line(r: v.DocumentRow) -> list[str]:
    day = r.published_on or r.written_on
    return [
        r.uuid[:8],
        r.title[:40],
        r.doc_number,
        r.issuer[:20],
        day.isoformat() if day else "",
        r.validity_label,
        r.domain,
    ]


HEADERS = ["编号", "标题", "发文字号", "发文机关", "日期", "有效性", "领域"]


def cmd_import(env: CliEnv) -> int:
    report = env.context().policies.import_path(Path(env.args.path), actor="cli", dry_run=env.args.dry_run)
    if env.args.json:
        print_json(
            {
                "source": report.source,
                "dry_run": report.dry_run,
                "created": list(report.created),
                "rows": [r.__dict__ for r in report.rows],
                "notes": list(report.warnings),
            }
        )
        return 0
    for note in report.warnings:
        print(f"注意：{note}")
    if report.dry_run:
        print(f"试运行：检查通过，将导入 {len(report.rows)} 个文件，未写入。")
    else:
        print(f"已导入 {len(report.created)} 个文件：{report.source}")
    return 0


def cmd_list(env: CliEnv) -> int:
    rows = env.context().policies.list(_filters_of(env))
    if env.args.json:
        print_json([r.to_json() for r in rows])
    else:
        print_table([_line(r) for r in rows], HEADERS)
    return 0


def cmd_search(env: CliEnv) -> int:
    if env.args.limit < 1:
        raise InputError(f"--limit：应为正整数，实为 {env.args.limit}")
    hits = env.context().policies.search(env.args.query, _filters_of(env), env.args.limit)
    if env.args.json:
        print_json([{**h.row.to_json(), "match": h.where, "snippet": h.snippet} for h in hits])
    else:
        print_table(
            [[*_line(h.row), "标题" if h.where == "title" else "正文：" + h.snippet[:30]] for h in hits],
            [*HEADERS, "命中"],
        )
    return 0


def cmd_show(env: CliEnv) -> int:
    doc = env.context().policies.get(env.args.id)
    if env.args.json:
        print_json(
            {
                **doc.row.to_json(),
                "replaced_by_title": doc.replaced_by_title,
                "body_source": doc.body_source,
                "source": {"name": doc.source_name, "sha256": doc.source_sha256, "pages": doc.source_pages},
                "attachments": [a.__dict__ for a in doc.attachments],
                "interpretations": [
                    {"uuid": i.uuid, "form": i.form, "form_label": i.form_label, "title": i.title}
                    for i in doc.interpretations
                ],
                "body": doc.body,
            }
        )
        return 0
    from app.policies.values import TEXT_NONE

    r = doc.row
    print(r.title)
    for label, value in (
        ("发文字号", r.doc_number),
        ("发文机关", r.issuer),
        ("成文日期", r.written_on),
        ("发布日期", r.published_on),
        ("施行日期", r.effective_on),
        ("有效性", r.validity_label + (f"（{r.validity_on}）" if r.validity_on else "")),
        ("替代文件", doc.replaced_by_title),
        ("主题分类", r.domain),
        ("关键词", "、".join(r.keywords)),
        ("公开页面", r.public_url),
    ):
        if value:
            print(f"  {label}：{value}")
    if r.text_status == TEXT_NONE:
        print("  正文：扫描件，没有文字层（请看原件）")
    for i in doc.interpretations:
        print(f"  解读：[{i.form_label}] {i.title}（{i.uuid[:8]}）")
    if doc.body:
        print()
        print(doc.body)
    return 0


def cmd_retire(env: CliEnv) -> int:
    user = env.staff_user()
    a = env.args
    view = env.context().policies.retire(user, a.id, validity=a.validity, on=a.on, replaced_by=a.replaced_by)
    extra = f"，替代文件：《{view.replaced_by_title}》" if view.replaced_by_title else ""
    print(f"《{view.title}》自 {view.row.validity_on} 起{view.row.validity_label}{extra}。")
    return 0


def cmd_print(env: CliEnv) -> int:
    out = Path(env.args.output)
    data, pages, how = env.context().policies.printout(env.args.id, interpretation=env.args.interpretation)
    out.write_bytes(data)
    print(f"已写入 {out}（{pages} 页，{'原件' if how == 'original' else '排版'}）")
    return 0


def cmd_register(env: CliEnv) -> int:
    from app.policies.register import Names, Period

    ctx = env.context()
    a = env.args
    period = Period.of(a.year, a.first, a.last, ctx.clock.today())
    register = ctx.policies.readings
    names: Names = "omit" if a.without_names else "masked"
    if a.output:
        n = register.export(Path(a.output), period, names=names)
        if not a.json:
            how = "不含查阅人姓名" if a.without_names else "查阅人姓名已脱敏"
            print(f"已导出 {period.label} {n} 条查阅登记：{a.output}（{how}）")
    if a.list:
        rows = register.rows(period, names=names)
        if a.json:
            keys = ["on", "action", "title", "pages", "copies", "reader", "note", "recorded_by"]
            print_json([dict(zip(keys, r, strict=True)) for r in rows])
            return 0
        print_table([[r[0], r[1], r[2], r[3], r[4], r[5], r[7]] for r in rows],
                    ["日期", "类型", "文件或解读", "页数", "份数", "查阅人", "登记人"])  # fmt: skip
    if period.whole_year:
        figures = register.figures(period.first.year)
        if a.json:
            if not a.list:
                print_json(figures.to_json())
        else:
            print(
                f"{period.label}政策文件查阅：查阅 {figures.readings} 人次，打印 {figures.prints} 次"
                f"（{figures.printed_pages} 页），涉及文件 {figures.documents} 份"
            )
    elif a.json:
        if not a.list:
            n = len(register.entries(period))
            print_json({"from": period.first.isoformat(), "to": period.last.isoformat(), "entries": n})
    elif not a.list and not a.output:
        print(f"{period.label}：{len(register.entries(period))} 条查阅登记（用 --list 逐条列出）")
    return 0


def cmd_register_add(env: CliEnv) -> int:
    from app.policies import values as pv

    user = env.staff_user()
    a = env.args
    if not a.printed and (a.pages or a.copies != 1):
        raise InputError("--pages/--copies 只用于打印登记（加 --print）")
    entry = env.context().policies.readings.add(
        user,
        a.id,
        action=pv.PRINT if a.printed else pv.READ,
        pages=a.pages,
        copies=a.copies,
        reader_name=a.name,
        interpretation=a.interpretation,
        note=a.note,
        on=a.on,
    )
    extra = f"，{entry.pages} 页 × {entry.copies} 份" if entry.action == pv.PRINT else ""
    print(f"已登记 {entry.on} {entry.action_label}《{entry.title}》{extra}")
    return 0
