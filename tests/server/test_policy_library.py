"""The policy library between the city platform and the sites: the platform publishes documents and
interpretations → a site syncs → its library and kiosk show them; a document marked 废止 on the platform
becomes 废止 at every site with the date (and Today asks the site to review it); a site's own document
goes up and has its public page. A real platform on loopback over PostgreSQL, real site databases."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import httpx
import pytest
from PIL import Image
from sqlalchemy import select

from app.kiosk import KioskService
from app.policies import values as v
from app.users import Role
from db.models import CatalogueDomain, CatalogueItem
from server import policies as platform_library
from server.cli import main as server_main
from tests.app.policy_files import make_docx, make_text_pdf
from tests.server.support import Platform, Sites, event_payload, notice_payload, write

pytestmark = pytest.mark.postgres


def _publish(platform: Platform, tmp_path: Path) -> tuple[str, str]:
    old_pdf = make_text_pdf(
        tmp_path / "旧办法.pdf",
        "济南市城乡低保审核确认办法",
        ("第一条 为规范最低生活保障审核确认工作，制定本办法。",),
        pages=2,
    )
    new_pdf = make_text_pdf(
        tmp_path / "新办法.pdf",
        "济南市城乡低保审核确认办法（2025年修订）",
        ("第一条 为进一步规范最低生活保障审核确认。",),
    )
    old = platform_library.publish_document(
        platform.sessions,
        old_pdf,
        platform_library.DocumentMeta(
            "济南市城乡低保审核确认办法",
            "济民发〔2021〕7号",
            "济南市民政局",
            published_on="2021-05-01",
            domain="社会救助",
        ),
        base_url=platform.url,
    )
    image = tmp_path / "图解.png"
    Image.new("RGB", (200, 320), "orange").save(image)
    platform_library.publish_interpretation(
        platform.sessions, old["uuid"], "graphic", "一图读懂低保审核确认", files=(image,)
    )
    new = platform_library.publish_document(
        platform.sessions,
        new_pdf,
        platform_library.DocumentMeta(
            "济南市城乡低保审核确认办法（2025年修订）", "济民发〔2025〕2号", "济南市民政局", domain="社会救助"
        ),
        base_url=platform.url,
    )
    return old["uuid"], new["uuid"]


def _site(sites: Sites, platform: Platform, code: str = "370112-TW"):  # type: ignore[no-untyped-def]
    platform.add_site(code)
    ctx = sites.open(code, platform)
    # The public address a platform at gk.example.gov.cn announced (the tests point it at loopback).
    ctx.settings.set("public_base_url", "https://gk.example.gov.cn")
    with ctx.session_factory() as session, session.begin():
        session.add(CatalogueDomain(code="19", name="社会救助"))
    return ctx


def test_published_documents_reach_the_site_library_and_kiosk(
    platform: Platform, sites: Sites, tmp_path: Path
) -> None:
    old, _new = _publish(platform, tmp_path)
    ctx = _site(sites, platform)
    report = ctx.sync.run_once()
    assert report.ok, report.errors
    doc = ctx.policies.get(old)
    assert doc.row.origin == "platform" and doc.row.doc_number == "济民发〔2021〕7号"
    assert "规范最低生活保障审核确认工作" in doc.body and doc.source_pages == 2  # text read at the site
    assert doc.interpretations[0].form == "graphic" and ctx.policies.blobs.exists(
        doc.interpretations[0].attachments[0].sha256
    )
    assert ctx.policies.search("济民发〔2021〕7号")[0].row.uuid == old
    ro = type(ctx).open(ctx.paths, readonly=True, clock=ctx.clock)
    try:
        kiosk = KioskService(ro).policies
        assert {r.uuid for r in kiosk.documents("社会救助")} >= {old}
        shown = kiosk.document(old)
        assert shown is not None and shown.pdf_pages == 2 and shown.interpretations[0].images
        assert shown.public_url == f"{platform.url}/d/{old}"
    finally:
        ro.close()
    assert ctx.sync.run_once().pulled == 0  # nothing new, nothing applied twice
    assert len(ctx.policies.list()) == 2
    page = httpx.get(f"{platform.url}/d/{old}")
    assert page.status_code == 200 and "济南市城乡低保审核确认办法" in page.text and "一图读懂" in page.text
    file_link = f"/d/{old}/f/{doc.source_sha256}"
    assert file_link in page.text
    assert httpx.get(platform.url + file_link).content == ctx.policies.blobs.read(doc.source_sha256)


def test_repealed_on_the_platform_becomes_repealed_everywhere_with_the_date(
    platform: Platform, sites: Sites, tmp_path: Path
) -> None:
    old, new = _publish(platform, tmp_path)
    a = _site(sites, platform, "370112-TW")
    b = _site(sites, platform, "370112-DG")
    for ctx in (a, b):
        assert ctx.sync.run_once().ok
    # Site A's catalogue item rests on the old document: its repeal is something to review there.
    admin = a.users.add("admin", frozenset({Role.ADMIN, Role.CLERK}), "gongkai123")
    with a.session_factory() as session, session.begin():
        domain = session.execute(select(CatalogueDomain)).scalar_one()
        session.add(
            CatalogueItem(
                domain_id=domain.id, level1="最低生活保障", level2="审核确认", changed_on=date(2025, 1, 1)
            )
        )
    item = a.catalogue.items()[0]
    a.policies.link_items(admin, old, [item.uuid])
    platform_library.retire_document(
        platform.sessions, old, validity="repealed", on="2025-03-01", replaced_by=new
    )
    for ctx in (a, b):
        assert ctx.sync.run_once().ok
        row = ctx.policies.get(old).row
        assert (row.validity, row.validity_on, row.replaced_by) == ("repealed", date(2025, 3, 1), new)
        assert not row.current
        assert old not in {
            h.row.uuid for h in ctx.policies.search("低保审核确认", v.SearchFilters(validity="current"))
        }
    [change] = a.policies.changes()
    assert (
        change.kind == "repealed"
        and "2025-03-01" in change.detail
        and change.linked_items == ("最低生活保障 / 审核确认",)
    )
    assert b.policies.changes() == []  # site B relies on nothing that changed
    today = [i for i in a.today.list(None).items if i.kind == "policy.repealed"]
    assert today and "济南市城乡低保审核确认办法" in today[0].title
    a.policies.acknowledge_change(admin, change.id)
    assert a.policies.changes() == []
    page = httpx.get(f"{platform.url}/d/{old}").text
    assert "已于2025年3月1日废止" in page and f"/d/{new}" in page
    ro = type(a).open(a.paths, readonly=True, clock=a.clock)
    try:
        kiosk = KioskService(ro).policies
        assert old not in {r.uuid for r in kiosk.documents()}
        shown = kiosk.document(old)
        assert shown is not None and "废止" in shown.notice and shown.current_uuid == new
    finally:
        ro.close()


def test_a_site_document_goes_up_and_has_its_public_page(
    platform: Platform, sites: Sites, tmp_path: Path
) -> None:
    ctx = _site(sites, platform)
    admin = ctx.users.add("admin", frozenset({Role.ADMIN}), "gongkai123")
    source = make_docx(
        tmp_path / "通知.docx", "唐王街道关于开展高龄津贴集中认证的通知", "唐王办发〔2025〕3号"
    )
    doc = ctx.policies.create(
        admin, v.DocumentDraft("唐王街道关于开展高龄津贴集中认证的通知", domain="社会救助"), source=source
    )
    ctx.policies.add_interpretation(
        admin,
        doc.uuid,
        v.InterpretationDraft("text", "解读：集中认证怎么办", body="带身份证到便民服务中心。"),
    )
    report = ctx.sync.run_once()
    assert report.ok and report.applied == 2, report
    records = platform.records("370112-TW")
    assert (
        f"policy_document:{doc.uuid}" in records
        and records[f"policy_document:{doc.uuid}"][2]["doc_number"] == "唐王办发〔2025〕3号"
    )
    page = httpx.get(doc.row.public_url.replace("https://gk.example.gov.cn", platform.url))
    assert page.status_code == 200 and "1030元" in page.text and "解读：集中认证怎么办" in page.text
    assert httpx.get(f"{platform.url}/d/{doc.uuid}/f/{doc.source_sha256}").content == source.read_bytes()
    assert httpx.get(f"{platform.url}/d/{doc.uuid}/f/{'0' * 64}").status_code == 404


def test_notice_and_event_pages_link_the_documents_they_cite(
    platform: Platform, sites: Sites, tmp_path: Path
) -> None:
    old, new = _publish(platform, tmp_path)
    platform_library.retire_document(
        platform.sessions, old, validity="repealed", on="2025-03-01", replaced_by=new
    )
    ctx = _site(sites, platform)
    draft_only = str(uuid.uuid4())  # a document of the site the platform never received
    notice, event = str(uuid.uuid4()), str(uuid.uuid4())
    write(
        ctx,
        "notice",
        {
            **notice_payload(notice, status="approved"),
            "policy_links": [
                {"uuid": new, "title": "旧标题（链接时的标题）"},
                {"uuid": old, "title": "济南市城乡低保审核确认办法"},
                {"uuid": draft_only, "title": "唐王街道低保复核工作细则（草案）"},
                {"uuid": "", "title": "山东省最低生活保障办法"},
                {"uuid": new, "title": "重复的链接"},
            ],
        },
    )
    write(ctx, "event", {**event_payload(event), "policy_links": [{"uuid": new, "title": "x"}]})
    assert ctx.sync.run_once().ok

    page = httpx.get(f"{platform.url}/n/{notice}").text
    card = page.split("<h2>政策依据</h2>", 1)[1].split("</div>", 1)[0]
    # Linked documents the platform holds: a link to /d/{uuid} with the platform's current title;
    # a repealed one marked so; repeats once.
    assert f'<a href="/d/{new}">《济南市城乡低保审核确认办法（2025年修订）》</a>' in card
    assert (
        f'<a href="/d/{old}">《济南市城乡低保审核确认办法》</a><span class="note">（已废止）</span>' in card
    )
    assert card.count(f"/d/{new}") == 1 and "旧标题" not in card
    # A title without a document, and a document the platform does not hold: text, no link.
    assert "<li>《山东省最低生活保障办法》</li>" in card
    assert "<li>《唐王街道低保复核工作细则（草案）》</li>" in card and draft_only not in card
    for href in (f"/d/{new}", f"/d/{old}"):
        assert httpx.get(platform.url + href).status_code == 200

    event_page = httpx.get(f"{platform.url}/e/{event}").text
    assert "<h2>相关政策文件</h2>" in event_page
    assert f'<a href="/d/{new}">《济南市城乡低保审核确认办法（2025年修订）》</a>' in event_page
    # A notice that cites nothing has no such card.
    plain = str(uuid.uuid4())
    write(ctx, "notice", notice_payload(plain, status="approved"))
    assert ctx.sync.run_once().ok
    assert "政策依据" not in httpx.get(f"{platform.url}/n/{plain}").text


def test_operator_commands(pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = make_text_pdf(tmp_path / "a.pdf", "甲文件", ("正文",))
    db = ["--db", pg_url, "doc"]
    assert (
        server_main(
            [
                *db,
                "publish",
                str(pdf),
                "--title",
                "甲文件",
                "--number",
                "济政发〔2025〕1号",
                "--published-on",
                "2025-01-02",
            ]
        )
        == 0
    )
    uuid = capsys.readouterr().out.split("：")[-1].strip()
    assert server_main([*db, "publish", str(pdf), "--title", ""]) == 2
    assert "--title：不能为空" in capsys.readouterr().err
    assert server_main([*db, "publish", str(pdf), "--title", "乙", "--published-on", "去年"]) == 2
    assert server_main([*db, "interpret", uuid, "--form", "graphic", "--title", "图解"]) == 2
    assert "图解应附上文件" in capsys.readouterr().err
    assert server_main([*db, "retire", uuid, "--on", "2025-06-01"]) == 0
    assert "自 2025-06-01 起废止" in capsys.readouterr().out
    assert server_main([*db, "retire", uuid]) == 2
    assert server_main([*db, "list"]) == 0
    assert "废止  甲文件" in capsys.readouterr().out
