"""Catalogue subcommands: import, export, search, versions, diff, pdf."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import Any

from app.catalogue.model import (
    AUDIENCES,
    CHANNELS,
    FIELD_LABELS,
    MODES,
    ORIGINS,
    REFINABLE_FIELDS,
    TIERS,
    CatalogueDiff,
    CatalogueItemView,
)
from app.cli.common import CliEnv, print_json, print_table
from app.errors import InputError, NotFoundError


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

    p = cat.add_parser(
        "refine",
        help="本站点细化一个标准事项（除领域和一级/二级/三级事项外的任一列；需管理员，密码从标准输入读取）",
        description="按本站点实际写法细化市级或区县标准事项；标准原文保留，可随时查看。"
        "列名可用中文或英文：公开主体/publisher、公开时限/time_limit、公开内容（要素）/content、公开依据/basis、"
        "公开渠道和载体/channels（用“、”分隔）、其他渠道/extra_channels、公开对象/audience（全社会/特定群体）、"
        "特定群体说明/audience_group、公开方式/modes、公开层级/tiers、咨询电话/contact_phone、公开时长/retention。",
    )
    p.add_argument("item", metavar="ITEM", help="事项 UUID 或其前缀（至少 4 位）")
    p.add_argument("--set", action="append", required=True, metavar="列=值", help="可重复")
    p.add_argument("--reason", required=True, help="为什么本站点这样写")
    p.add_argument("--user", required=True)
    p.set_defaults(handler=cmd_refine)

    p = cat.add_parser("keep", help="标准更新后保留本站点细化（复核完成；需管理员）")
    p.add_argument("item", metavar="ITEM")
    p.add_argument("--note", default="", help="复核说明（替换原因）")
    p.add_argument("--user", required=True)
    p.set_defaults(handler=cmd_keep)

    p = cat.add_parser("unrefine", help="撤销本站点细化，恢复标准原文（需管理员）")
    p.add_argument("item", metavar="ITEM")
    p.add_argument("--reason", required=True)
    p.add_argument("--user", required=True)
    p.set_defaults(handler=cmd_unrefine)

    p = cat.add_parser("refinements", help="列出本站点细化的标准事项")
    p.add_argument("--review", action="store_true", help="只列出标准已更新、待复核的")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_refinements)

    p = cat.add_parser("pdf", help="打印目录为 PDF（标准表格式，横向）")
    p.add_argument("-o", "--output", required=True, help="PDF 文件路径")
    p.add_argument("--size", choices=["A4", "A3"], default="A3", help="纸张（默认 A3 横向）")
    p.add_argument("--domain", help="只打印一个领域（代码或名称）")
    p.set_defaults(handler=cmd_pdf)


def print_diff(diff: CatalogueDiff) -> None:
    for label, changes in (
        ("新增", diff.added),
        ("修改", diff.changed),
        ("停用", diff.retired),
        ("细化", diff.refined),
    ):
        for c in changes:
            print(f"[{label}] {c.domain} / {c.title}")
            for f in c.fields:
                print(f"    {f.label}：{f.old[:60]} → {f.new[:60]}")
    for c in diff.review:
        print(f"[待复核] {c.domain} / {c.title}：标准已更新，本站点细化需复核")
    tail = f"，细化 {len(diff.refined)}" if diff.refined else ""
    tail += f"，待复核细化 {len(diff.review)}" if diff.review else ""
    print(f"合计：新增 {len(diff.added)}，修改 {len(diff.changed)}，停用 {len(diff.retired)}{tail}")


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
                    str(v.refined),
                ]
                for v in versions
            ],
            ["版本", "时间", "操作人", "来源", "文件", "新增", "修改", "停用", "细化"],
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


def find_item(env: CliEnv, ident: str) -> CatalogueItemView:
    """An item by UUID or a unique UUID prefix of at least 4 characters."""
    cat = env.context().catalogue
    ident = ident.strip()
    if len(ident) < 4:
        raise InputError(f"ITEM：应为事项 UUID 或至少 4 位的前缀，实为“{ident}”")
    found = [v for v in cat.items(status=None) if v.uuid.startswith(ident)]
    if not found:
        raise NotFoundError(f"ITEM：没有 UUID 以“{ident}”开头的目录事项")
    if len(found) > 1:
        raise InputError(f"ITEM：“{ident}”对应 {len(found)} 个事项，请给出更长的 UUID")
    return found[0]


_NAMES = {label: name for name, label in FIELD_LABELS.items()} | {n: n for n in FIELD_LABELS}


def _value(name: str, text: str) -> Any:
    parts = tuple(p.strip() for p in text.replace(",", "、").replace("，", "、").split("、") if p.strip())
    reverse = {"audience": AUDIENCES, "modes": MODES, "tiers": TIERS}
    if name == "audience":
        return next((k for k, v in AUDIENCES.items() if text.strip() in (k, v)), text.strip())
    if name in ("modes", "tiers"):
        return tuple(next((k for k, v in reverse[name].items() if p in (k, v)), p) for p in parts)
    if name == "channels":
        return tuple(c for c in CHANNELS if c in parts) + tuple(p for p in parts if p not in CHANNELS)
    if name == "extra_channels":
        return parts
    return text.strip()


def cmd_refine(env: CliEnv) -> int:
    a = env.args
    item = find_item(env, a.item)
    changes: dict[str, Any] = {}
    for assignment in a.set:
        key, sep, text = assignment.partition("=")
        name = _NAMES.get(key.strip())
        if not sep or name is None:
            raise InputError(
                f"--set：应为“列=值”，列为 {'、'.join(FIELD_LABELS[f] for f in REFINABLE_FIELDS)} 之一，实为“{assignment}”"
            )
        if name not in REFINABLE_FIELDS:
            raise InputError(f"--set：{FIELD_LABELS[name]}是标准事项的标识，不能细化")
        changes[name] = _value(name, text)
    base = item.data
    view = env.context().catalogue.refine(env.staff_user(), item.uuid, replace(base, **changes), a.reason)
    labels = view.refinement.labels if view.refinement else ()
    print(f"已细化“{view.data.domain} / {view.title}”：{'、'.join(labels) or '（已恢复标准原文）'}")
    return 0


def cmd_keep(env: CliEnv) -> int:
    item = find_item(env, env.args.item)
    view = env.context().catalogue.keep_refinement(env.staff_user(), item.uuid, env.args.note)
    print(f"已保留“{view.data.domain} / {view.title}”的本站点细化（已复核）")
    return 0


def cmd_unrefine(env: CliEnv) -> int:
    item = find_item(env, env.args.item)
    view = env.context().catalogue.withdraw_refinement(env.staff_user(), item.uuid, env.args.reason)
    print(f"已撤销“{view.data.domain} / {view.title}”的本站点细化，恢复标准原文")
    return 0


def cmd_refinements(env: CliEnv) -> int:
    views = env.context().catalogue.refinements(review_only=env.args.review)
    if env.args.json:
        print_json([v.to_json() for v in views])
        return 0
    rows = []
    for v in views:
        assert v.refinement is not None
        state = "标准已更新，待复核" if v.needs_review else "有效"
        rows.append([v.uuid[:8], v.data.domain, v.title, "、".join(v.refinement.labels), v.refinement.actor,
                     v.refinement.at, state])  # fmt: skip
    print_table(rows, ["ID", "领域", "事项", "细化的列", "操作人", "时间", "状态"])
    return 0
