"""Catalogue subcommands: import, export, search, versions, diff, pdf."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.catalogue.model import ORIGINS, CatalogueDiff
from app.cli.common import CliEnv, print_json, print_table
from app.errors import InputError


def register(sub: argparse._SubParsersAction) -> None:
    cat = sub.add_parser("catalogue", help="基层政务公开标准目录").add_subparsers(
        dest="cat_cmd", required=True
    )
    p = cat.add_parser(
        "import",
        help="导入目录表格（.xlsx/.csv，全部成功才写入）",
        description="导入目录表格。有任何问题则什么也不写入，列出每处问题（文件、工作表、行、列、应为什么）。"
        "市级/区县文件是该来源的完整目录：文件中没有的该来源事项将停用；站点文件只新增和修改。",
    )
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="只显示将新增、修改、停用的事项，不写入")
    p.add_argument(
        "--origin",
        default="site",
        choices=list(ORIGINS),
        help="来源：city 市级、district 区县、site 本站点（默认）",
    )
    p.add_argument("--domain", help="表格没有“领域”列时使用的领域（默认取工作表名）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import)

    p = cat.add_parser("export", help="导出目录（按扩展名 .xlsx 或 .csv）")
    p.add_argument("file")
    p.add_argument("--include-retired", action="store_true", help="同时导出已停用事项")
    p.set_defaults(handler=cmd_export)

    p = cat.add_parser("search", help="搜索目录（中文、拼音、首字母、简称）")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true", help="输出每个事项的全部字段")
    p.set_defaults(handler=cmd_search)

    p = cat.add_parser("versions", help="列出目录版本")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_versions)

    p = cat.add_parser("diff", help="比较两个目录版本（0 表示空目录）")
    p.add_argument("v1", type=int)
    p.add_argument("v2", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_diff)

    p = cat.add_parser("pdf", help="打印目录为 PDF（标准表格式，横向）")
    p.add_argument("-o", "--output", required=True, help="PDF 文件路径")
    p.add_argument("--size", choices=["A4", "A3"], default="A3", help="纸张（默认 A3 横向）")
    p.add_argument("--domain", help="只打印一个领域（代码或名称）")
    p.set_defaults(handler=cmd_pdf)


def print_diff(diff: CatalogueDiff) -> None:
    for label, changes in (("新增", diff.added), ("修改", diff.changed), ("停用", diff.retired)):
        for c in changes:
            print(f"[{label}] {c.domain} / {c.title}")
            for f in c.fields:
                print(f"    {f.label}：{f.old[:60]} → {f.new[:60]}")
    print(f"合计：新增 {len(diff.added)}，修改 {len(diff.changed)}，停用 {len(diff.retired)}")


def cmd_import(env: CliEnv) -> int:
    a = env.args
    result = env.context().catalogue.import_file(
        Path(a.file), actor="cli", origin=a.origin, dry_run=a.dry_run, domain=a.domain
    )
    if a.json:
        print_json(
            {
                "rows": result.rows,
                "version": result.version,
                "dry_run": result.dry_run,
                **result.diff.to_json(),
            }
        )
        return 0
    print_diff(result.diff)
    if result.dry_run:
        print(f"试运行：读取 {result.rows} 行，未写入。")
    elif result.version is None:
        print(f"读取 {result.rows} 行，与现有目录一致，没有产生新版本。")
    else:
        print(f"读取 {result.rows} 行，已生成目录第 {result.version} 版。")
    return 0


def cmd_export(env: CliEnv) -> int:
    n = env.context().catalogue.export_file(Path(env.args.file), include_retired=env.args.include_retired)
    print(f"已导出 {n} 个事项：{env.args.file}")
    return 0


def cmd_search(env: CliEnv) -> int:
    if env.args.limit < 1:
        raise InputError(f"--limit：应为正整数，实为 {env.args.limit}")
    items = env.context().catalogue.search(env.args.query, env.args.limit)
    if env.args.json:
        print_json([v.to_json() for v in items])
    else:
        print_table(
            [[v.domain_code, v.data.domain, v.title, v.data.time_limit[:24]] for v in items],
            ["代码", "领域", "事项", "公开时限"],
        )
    return 0


def cmd_versions(env: CliEnv) -> int:
    versions = env.context().catalogue.versions()
    if env.args.json:
        print_json([v.__dict__ for v in versions])
    else:
        print_table(
            [
                [
                    str(v.number),
                    v.created_at,
                    v.actor,
                    ORIGINS.get(v.origin, v.origin),
                    v.source,
                    str(v.added),
                    str(v.changed),
                    str(v.retired),
                ]
                for v in versions
            ],
            ["版本", "时间", "操作人", "来源", "文件", "新增", "修改", "停用"],
        )
    return 0


def cmd_diff(env: CliEnv) -> int:
    diff = env.context().catalogue.diff(env.args.v1, env.args.v2)
    if env.args.json:
        print_json(diff.to_json())
    else:
        print_diff(diff)
    return 0


def cmd_pdf(env: CliEnv) -> int:
    out = Path(env.args.output)
    ctx = env.context()
    site = ctx.sites.get()
    data = ctx.catalogue.pdf(size=env.args.size, domain=env.args.domain, site_name=site.name if site else "")
    out.write_bytes(data)
    print(f"已写入 {out}（{len(data) // 1024} KB）")
    return 0
