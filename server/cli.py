"""``gongkai-server``: run the reference city platform and do its operator tasks.

Every command takes ``--db URL`` (or the env GONGKAI_SERVER_DB); without either, a SQLite file
``gongkai-platform.sqlite`` in the current directory is used (single-machine try-out). For real
use give a PostgreSQL URL, e.g. ``postgresql+psycopg2://gongkai@/gongkai?host=/run/postgresql``.
Exit codes: 0 success, 2 bad input (one line naming what is wrong); ``check`` also 1 (database
unreachable), 3 (schema not current), 4 (service not answering).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from server import admin, devices, policies
from server.models import SCHEMA_REVISION
from server.store import SchemaMismatchError, epoch, init_db, make_engine, migrate, new_epoch

ENV_DB = "GONGKAI_SERVER_DB"
DEFAULT_DB = "sqlite:///gongkai-platform.sqlite"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="gongkai-server", description="市级政务公开平台（参考实现）")
    p.add_argument("--db", help=f"数据库地址（SQLAlchemy URL）；也可用环境变量 {ENV_DB}")
    sub = p.add_subparsers(dest="command", required=True, metavar="命令")
    s = sub.add_parser("serve", help="运行平台（同步接口与公开页面）")
    s.add_argument("--host", default="127.0.0.1", help="监听地址（默认只听本机：TLS 由前置代理终止）")
    s.add_argument("--port", type=int, default=8080)
    s.add_argument(
        "--public-url",
        default="",
        help="公开页面地址（二维码里的网址，如 https://gk.jinan.gov.cn）；默认为请求到达的地址（即监听地址）",
    )
    s.add_argument("--workers", type=int, default=1, help="工作进程数（生产环境建议 CPU 核数）")
    s.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        help="信任其 X-Forwarded-For/-Proto 头的前置代理地址，逗号分隔（默认 127.0.0.1）",
    )
    sub.add_parser("migrate", help="创建或升级平台数据库结构（首次使用和每次升级后运行；运行前请备份）")
    s = sub.add_parser("check", help="健康检查：数据库可连接、结构为最新、服务应答（退出码 0/1/3/4）")
    s.add_argument("--http", default="", help="同时检查运行中的服务，如 http://127.0.0.1:8080")
    s.add_argument("--timeout", type=float, default=5.0, help="每项检查的超时秒数")
    s = sub.add_parser("add-site", help="登记站点，输出其设备令牌（最后一个词）")
    s.add_argument("code")
    s.add_argument("--name", required=True)
    cat = sub.add_parser("catalogue", help="标准目录").add_subparsers(dest="sub", required=True)
    s = cat.add_parser("publish", help="把 .xlsx 发布为新的目录版本（发往每个站点）")
    s.add_argument("file")
    s.add_argument("--label", default="", help="版本说明（默认：文件名）")
    hol = sub.add_parser("holidays", help="节假日").add_subparsers(dest="sub", required=True)
    s = hol.add_parser("publish", help="发布节假日年份（.json，格式见 docs/holidays-format.md）")
    s.add_argument("file")
    doc = sub.add_parser("doc", help="政策文件库：发布到各站点、发布解读、标记废止").add_subparsers(
        dest="sub", required=True
    )
    s = doc.add_parser("publish", help="发布政策文件（原件 .pdf/.docx/.txt 及附件）到每个站点")
    s.add_argument("file")
    s.add_argument("--title", required=True)
    s.add_argument("--number", default="", help="发文字号")
    s.add_argument("--issuer", default="", help="发文机关")
    s.add_argument("--written-on", default="", help="成文日期 YYYY-MM-DD")
    s.add_argument("--published-on", default="", help="发布日期 YYYY-MM-DD（默认今天）")
    s.add_argument("--effective-on", default="", help="施行日期 YYYY-MM-DD")
    s.add_argument("--domain", default="", help="主题分类（目录领域名称）")
    s.add_argument("--keywords", default="", help="关键词，用顿号分隔")
    s.add_argument("--attach", action="append", default=[], help="附件（可多次）")
    s.add_argument("--uuid", default="", help="重新发布已有文件（更换原件或信息）")
    s.add_argument("--base-url", default="", help="公开页面地址前缀（如 https://gk.example.gov.cn）")
    s = doc.add_parser("interpret", help="发布一份解读材料（关联已发布的文件）")
    s.add_argument("document")
    s.add_argument("--form", required=True, choices=["text", "graphic", "qa", "video", "demonstration"])
    s.add_argument("--title", required=True)
    s.add_argument("--text-file", help="文字内容（UTF-8 文本文件）")
    s.add_argument("--file", action="append", default=[], help="图片、视频或 PDF（可多次）")
    s.add_argument("--issuer", default="")
    s = doc.add_parser("retire", help="标记文件废止（或失效、已修订）：各站点下次同步时随之改变")
    s.add_argument("document")
    s.add_argument("--validity", default="repealed", choices=["repealed", "expired", "revised"])
    s.add_argument("--on", default="", help="自哪天起（YYYY-MM-DD，默认今天）")
    s.add_argument("--replaced-by", default="", help="替代文件的编号")
    s = doc.add_parser("list", help="列出平台文件库")
    s.add_argument("--json", action="store_true")
    sub.add_parser("mark-restored", help="从备份恢复数据库后运行：开始新纪元，各站点重新核对并补传")
    s = sub.add_parser("sites", help="列出站点及其最近状态")
    s.add_argument("--json", action="store_true")
    s = sub.add_parser("devices", help="列出站点的电脑（设备）及其凭据状态")
    s.add_argument("site", nargs="?", default="", help="站点代码（默认：全部站点）")
    s.add_argument("--json", action="store_true")
    s = sub.add_parser("revoke", help="撤销一台电脑的同步凭据（该电脑之后的同步被拒绝，其他电脑不受影响）")
    s.add_argument("device_id")
    s.add_argument("--reason", default="", help="撤销原因（该电脑同步时显示）")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    url = args.db or os.environ.get(ENV_DB) or DEFAULT_DB
    try:
        if args.command == "serve":
            # Empty: the address each request reached — http://HOST:PORT when reached directly, the
            # public https address behind a proxy that forwards Host and X-Forwarded-Proto.
            public = args.public_url.strip().rstrip("/")
            if public and not public.startswith(("http://", "https://")):
                raise admin.AdminError(f"--public-url：应为 http:// 或 https:// 开头的网址，实为“{public}”")
            return _serve(url, args.host, args.port, args.workers, args.forwarded_allow_ips, public)
        if args.command == "check":
            return _check(url, args.http, args.timeout)
        engine = make_engine(url)
        if args.command == "migrate":
            before, after = migrate(engine)
            factory = sessionmaker(engine, expire_on_commit=False)
            if before is not None and before != after:
                print(f"平台数据库结构已由版本 {before} 升级到 {after}")
            print(f"平台数据库结构已是最新（版本 {SCHEMA_REVISION}，纪元 {epoch(factory)}）")
            engine.dispose()
            return 0
        init_db(engine)
        factory = sessionmaker(engine, expire_on_commit=False)
        if args.command == "add-site":
            site = admin.add_site(factory, args.code, args.name)
            print(
                f"已登记站点 {site.code} {site.name}。站点令牌（只显示这一次，请抄送站点；"
                "只用于登记本站点的电脑，每台电脑随后有自己的凭据）："
            )
            print(site.token)
        elif args.command == "catalogue":
            release = admin.publish_catalogue(factory, Path(args.file), args.label)
            print(
                f"已发布目录版本“{release['label']}”（{release['size']} 字节，sha256 {release['sha256'][:12]}…）"
            )
        elif args.command == "holidays":
            years = admin.publish_holidays(factory, Path(args.file))
            print("已发布节假日年份：" + ", ".join(map(str, years)))
        elif args.command == "doc":
            _doc(factory, args)
        elif args.command == "mark-restored":
            print(f"已开始新纪元 {new_epoch(factory)}：各站点下次同步时将重新核对并补传数据")
        elif args.command in ("devices", "revoke"):
            _devices(factory, args)
        elif args.command == "sites":
            sites = admin.site_overview(factory)
            if args.json:
                print(json.dumps(sites, ensure_ascii=False, indent=2))
            else:
                for s in sites:
                    seen = max((d["last_seen"] for d in s["devices"]), default="从未同步")
                    print(f"{s['code']}  {s['name']}  记录 {s['records']}  最近同步 {seen}")
        engine.dispose()
    except (admin.AdminError, policies.PolicyAdminError, SchemaMismatchError, devices.DeviceError) as exc:
        sys.stderr.write(f"gongkai-server: {exc}\n")
        return 2
    return 0


def _doc(factory: sessionmaker[Session], args: argparse.Namespace) -> None:
    """``gongkai-server doc …``: the city's policy library."""
    if args.sub == "publish":
        meta = policies.DocumentMeta(
            title=args.title,
            doc_number=args.number,
            issuer=args.issuer,
            written_on=args.written_on,
            published_on=args.published_on,
            effective_on=args.effective_on,
            domain=args.domain,
            keywords=tuple(k for k in args.keywords.replace("，", "、").split("、") if k.strip()),
        )
        record = policies.publish_document(
            factory, Path(args.file), meta, attachments=tuple(Path(a) for a in args.attach),
            base_url=args.base_url, document_uuid=args.uuid,
        )  # fmt: skip
        print(f"已发布政策文件《{record['title']}》：{record['uuid']}")
    elif args.sub == "interpret":
        text = Path(args.text_file).read_text(encoding="utf-8-sig") if args.text_file else ""
        record = policies.publish_interpretation(
            factory, args.document, args.form, args.title, text=text,
            files=tuple(Path(f) for f in args.file), issuer=args.issuer,
        )  # fmt: skip
        print(f"已发布解读材料“{record['title']}”：{record['uuid']}")
    elif args.sub == "retire":
        data = policies.retire_document(
            factory, args.document, validity=args.validity, on=args.on, replaced_by=args.replaced_by
        )
        print(
            f"《{data['title']}》自 {data['validity_on']} 起{policies.VALIDITIES[data['validity']]}；各站点下次同步时随之改变"
        )
    elif args.sub == "list":
        docs = policies.list_documents(factory)
        if args.json:
            print(json.dumps(docs, ensure_ascii=False, indent=2))
        else:
            for d in docs:
                print(
                    f"{d['uuid']}  {d['doc_number'] or '—'}  {policies.VALIDITIES.get(d['validity'], '')}  {d['title']}"
                )


def _devices(factory: sessionmaker[Session], args: argparse.Namespace) -> None:
    """``gongkai-server devices [SITE]`` and ``gongkai-server revoke DEVICE_ID``."""
    from sqlalchemy import select

    from server.models import SiteRow

    with factory() as session, session.begin():
        if args.command == "revoke":
            done = devices.revoke(session, args.device_id.strip().lower(), args.reason or "由平台管理员撤销")
            print(f"已撤销设备 {done['device_id']}（{done['name']}）：该电脑之后的同步将被拒绝")
            return
        site_id = None
        if args.site:
            site_id = session.execute(select(SiteRow.id).where(SiteRow.code == args.site)).scalar()
            if site_id is None:
                raise admin.AdminError(f"没有站点 {args.site}")
        rows = devices.listing(session, site_id)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for d in rows:
        state = f"已撤销 {d['revoked_at']}" if d["revoked"] else "有效"
        kind = "展示" if d["kind"] == "display" else "工作"
        print(f"{d['device_id']}  {d['site']}  {kind}  {d['name']}  最近同步 {d['last_seen']}  {state}")


def _serve(url: str, host: str, port: int, workers: int, forwarded_allow_ips: str, public_url: str) -> int:
    import uvicorn

    from server.app import ENV_PUBLIC_URL, create_app

    print(
        f"市级平台运行于 http://{host}:{port}/ （公开地址 {public_url or '按请求地址'}，数据库 {url.split('@')[-1]}）",
        flush=True,
    )
    os.environ[ENV_PUBLIC_URL] = public_url
    # Behind the city's TLS terminator: trust its X-Forwarded-* headers (client address, https).
    if workers > 1:
        # Worker processes import the app themselves, so it is named, not passed (server/app.py).
        os.environ[ENV_DB] = url
        uvicorn.run("server.app:from_environment", factory=True, host=host, port=port, workers=workers,
                    log_level="info", proxy_headers=True, forwarded_allow_ips=forwarded_allow_ips)  # fmt: skip
    else:
        uvicorn.run(create_app(url, public_url=public_url), host=host, port=port, log_level="info", proxy_headers=True,
                    forwarded_allow_ips=forwarded_allow_ips)  # fmt: skip
    return 0


def _check(url: str, http: str, timeout: float) -> int:
    from server import health

    probes = health.check(url, http, timeout)
    for probe in probes:
        print(f"[{'通过' if probe.ok else '问题'}] {probe.name}：{probe.detail}")
    return health.exit_code(probes)


if __name__ == "__main__":
    sys.exit(main())
