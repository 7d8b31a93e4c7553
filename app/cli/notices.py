"""Notice subcommands: ``notice templates|create|review|pdf|list`` (staff actions read the password from stdin)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import CliEnv, print_json, print_table
from app.notices.draft_file import read_draft
from app.notices.queries import NoticeSummary
from app.notices.values import STATUS_LABELS, STATUSES, NoticeView


def register(sub: argparse._SubParsersAction) -> None:
    notice = sub.add_parser("notice", help="公示公告：模板、起草、审核、PDF").add_subparsers(
        dest="notice_cmd", required=True
    )
    p = notice.add_parser("templates", help="列出公示模板及法定最短公示期")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_templates)

    p = notice.add_parser(
        "create",
        help="从 JSON 文件起草公示并提交初审（格式见 README 与 docs/examples/notice-dibao.json）",
    )
    p.add_argument("file")
    p.add_argument("--user", required=True, help="起草人（密码从标准输入读取）")
    p.add_argument("--draft", action="store_true", help="只保存草稿，不提交初审")
    p.set_defaults(handler=cmd_create)

    p = notice.add_parser("review", help="审核公示（初审/复审/终审，按公示当前环节）")
    p.add_argument("id", help="公示编号（id 或 uuid）")
    p.add_argument("--user", required=True, help="审核人（密码从标准输入读取）")
    p.add_argument("--decision", required=True, choices=["approve", "return"])
    p.add_argument("--opinion", default="", help="审核意见；退回时必填")
    p.add_argument(
        "--confidentiality-checked", action="store_true", help="终审：确认已完成保密审查（终审通过时必需）"
    )
    p.set_defaults(handler=cmd_review)

    p = notice.add_parser("pdf", help="生成公示 PDF（个人信息已遮蔽；未审定的带“草稿”水印）")
    p.add_argument("id", help="公示编号（id 或 uuid）")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--size", default="A4", choices=["A4", "A3"])
    p.add_argument("--landscape", action="store_true")
    p.add_argument("--board", default=None, help="张贴位置（公开栏名称），印在页脚")
    p.set_defaults(handler=cmd_pdf)

    p = notice.add_parser("poster", help="生成公示海报（大字标题、公示期、二维码；A4 或 A3 纵向）")
    p.add_argument("id", help="公示编号（id 或 uuid）")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--size", default="A4", choices=["A4", "A3"])
    p.set_defaults(handler=cmd_poster)

    p = notice.add_parser("list", help="列出公示")
    p.add_argument("--status", choices=list(STATUSES))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)


def _json(n: NoticeView | NoticeSummary) -> dict[str, object]:
    return {
        "id": n.id,
        "uuid": n.uuid,
        "revision": n.revision,
        "template": n.template,
        "kind": n.kind,
        "title": n.title,
        "status": n.status,
        "period_start": n.period_start.isoformat(),
        "period_end": n.period_end.isoformat(),
        "period_check": n.period_check.message,
        "provisional": n.period_check.provisional,
        "public_url": n.public_url,
    }


def cmd_templates(env: CliEnv) -> int:
    service = env.context().notices
    rules = {r.template: r for r in service.period_rules()}
    rows = []
    for t in service.templates():
        rule = rules.get(t.key)
        rows.append(
            {
                "key": t.key,
                "name": t.name,
                "kind": t.kind,
                "min_days": rule.min_days if rule else None,
                "unit": rule.unit if rule else None,
                "basis": rule.basis if rule else "",
                "roster_columns": list(t.roster_columns),
                "masking": t.masking.to_dict(),
            }
        )
    if env.args.json:
        print_json(rows)
    else:
        print_table(
            [
                [
                    str(r["key"]),
                    str(r["name"]),
                    "公示" if r["kind"] == "publicity" else "公告",
                    f"{r['min_days']}{'个工作日' if r['unit'] == 'working' else '日'}"
                    if r["min_days"]
                    else "—",
                ]
                for r in rows
            ],
            ["模板", "名称", "类别", "法定最短公示期"],
        )
    return 0


def cmd_create(env: CliEnv) -> int:
    ctx = env.context()
    draft = read_draft(Path(env.args.file), ctx.notices.boards())
    user = env.staff_user()
    notice = ctx.notices.create(draft, actor=user, submit=not env.args.draft)
    print(notice.id)
    return 0


def cmd_review(env: CliEnv) -> int:
    ctx = env.context()
    user = env.staff_user()
    notice = ctx.notices.review(
        env.args.id,
        actor=user,
        decision=env.args.decision,
        opinion=env.args.opinion,
        confidentiality_checked=env.args.confidentiality_checked,
    )
    print(f"公示 {notice.id}：{STATUS_LABELS[notice.status]}")
    return 0


def cmd_pdf(env: CliEnv) -> int:
    data = env.context().notices.pdf(
        env.args.id, size=env.args.size, landscape=env.args.landscape, board=env.args.board
    )
    out = Path(env.args.output)
    out.write_bytes(data)
    print(out)
    return 0


def cmd_poster(env: CliEnv) -> int:
    out = Path(env.args.output)
    out.write_bytes(env.context().notices.poster_pdf(env.args.id, size=env.args.size))
    print(out)
    return 0


def cmd_list(env: CliEnv) -> int:
    notices = env.context().notices.summaries(env.args.status)
    if env.args.json:
        print_json([_json(n) for n in notices])
    else:
        print_table(
            [
                [
                    str(n.id),
                    STATUS_LABELS[n.status],
                    n.period_start.isoformat(),
                    n.period_end.isoformat(),
                    n.title,
                ]
                for n in notices
            ],
            ["编号", "状态", "开始", "结束", "标题"],
        )
    return 0
