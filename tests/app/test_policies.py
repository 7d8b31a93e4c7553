"""The policy library: records, import of a folder or .zip, search, validity, interpretations, the
counter's printing and reading register. Real files made with python-docx and ReportLab, a real SQLite
database, PDFs read back with poppler."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.context import AppContext
from app.errors import InputError, PermissionDeniedError, StateError
from app.policies import values as v
from app.users import Role, StaffUser
from db.models import CatalogueDomain, OutboxEntry
from tests.app.policy_files import HEADER, make_docx, make_folder, write_sheet
from tests.printing.pdfutil import needs_poppler, pdftotext, squash

DOMAINS = (("19", "社会救助"), ("20", "养老服务"), ("21", "就业"))


@pytest.fixture
def lib(ctx: AppContext) -> AppContext:
    with ctx.session_factory() as session, session.begin():
        for code, name in DOMAINS:
            session.add(CatalogueDomain(code=code, name=name))
    return ctx


@pytest.fixture
def admin(ctx: AppContext) -> StaffUser:
    return ctx.users.add("admin", frozenset({Role.ADMIN, Role.CLERK}), "gongkai123")


@pytest.fixture
def clerk(ctx: AppContext) -> StaffUser:
    return ctx.users.add("clerk", frozenset({Role.CLERK}), "gongkai123")


@pytest.fixture
def imported(lib: AppContext, tmp_path: Path) -> AppContext:
    report = lib.policies.import_path(make_folder(tmp_path / "docs"))
    assert len(report.created) == 3
    return lib


def by_title(ctx: AppContext, title: str) -> v.DocumentRow:
    return next(r for r in ctx.policies.list() if r.title == title)


def test_import_reads_docx_pdf_and_reports_the_scan(lib: AppContext, tmp_path: Path) -> None:
    report = lib.policies.import_path(make_folder(tmp_path / "docs"))
    assert {r.file: r.text_status for r in report.rows} == {
        "低保通知.docx": "ok",
        "养老补贴办法.pdf": "ok",
        "扫描件.pdf": "no_text",
    }
    assert any("扫描件" in n and "没有文字层" in n for n in report.warnings)
    dibao = lib.policies.get(by_title(lib, "关于调整城乡最低生活保障标准的通知").uuid)
    # The sheet left 发文字号 empty: it is read from the 发文字号 line of the .docx.
    assert dibao.row.doc_number == "历城政办发〔2024〕12号"
    assert "1030元" in dibao.body and "城乡低保\t1030" in dibao.body
    assert dibao.row.published_on == date(2024, 6, 25) and dibao.row.effective_on == date(2024, 7, 1)
    assert dibao.row.domain == "社会救助" and dibao.row.keywords == ("低保", "救助标准")
    assert [a.name for a in dibao.attachments] == ["附件1.pdf"] and dibao.attachments[0].pages == 1
    assert lib.policies.blob_path(dibao.source_sha256).read_bytes()[:2] == b"PK"
    pdf = lib.policies.get(by_title(lib, "历城区高龄老人津贴发放管理办法").uuid)
    assert pdf.has_original_pdf and pdf.source_pages == 3 and "八十周岁" in pdf.body
    scan = lib.policies.get("历城建发〔2019〕8号")
    assert scan.row.text_status == "no_text" and scan.body == "" and scan.source_pages == 2
    assert scan.row.validity == "expired"
    # Every document has its public page on the platform, fixed now.
    assert dibao.row.public_url.endswith(f"/d/{dibao.uuid}")


def test_importing_the_same_folder_again_adds_nothing(imported: AppContext, tmp_path: Path) -> None:
    report = imported.policies.import_path(tmp_path / "docs")
    assert report.created == () and len(report.warnings) == 3
    assert len(imported.policies.list()) == 3


def test_a_bad_sheet_names_every_problem_and_writes_nothing(lib: AppContext, tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    make_docx(folder / "a.docx", "甲")
    (folder / "b.doc").write_bytes(b"\xd0\xcf\x11\xe0old word")
    write_sheet(
        folder / "目录.csv",
        HEADER,
        [
            ["a.docx", "甲", "", "", "2024-13-01", "", "", "作废", "农业", "", "缺的附件.pdf"],
            ["没有的文件.pdf", "乙", "", "", "", "", "", "", "", "", ""],
            ["b.doc", "丙", "", "", "", "", "", "", "", "", ""],
            ["", "丁", "", "", "", "", "", "", "", "", ""],
        ],
    )
    with pytest.raises(InputError) as caught:
        lib.policies.import_path(folder)
    text = str(caught.value)
    assert "未导入任何文件" in text
    assert "目录.csv，第 2 行，E 列（成文日期）：应为日期" in text
    assert "第 2 行，H 列（有效性）：应为 有效、失效、废止 或 已修订，实为“作废”" in text
    assert "第 2 行，I 列（主题分类）：“农业”不是目录中的领域" in text
    assert "第 2 行，K 列（附件）：文件夹中没有附件“缺的附件.pdf”" in text
    assert "第 3 行，A 列（文件名）：文件夹中没有“没有的文件.pdf”" in text
    assert "第 4 行，A 列（文件名）：正文文件应为 .docx、.pdf 或 .txt" in text
    assert "第 5 行，A 列（文件名）：不能为空" in text
    assert lib.policies.list() == []


def test_a_folder_without_a_sheet(lib: AppContext, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="目录.xlsx.*目录.csv"):
        lib.policies.import_path(tmp_path / "empty")


def test_import_a_zip_with_a_csv_sheet(lib: AppContext, tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "docs", sheet="目录.csv")
    archive = tmp_path / "文件包.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for p in folder.iterdir():
            z.write(p, f"2024年文件/{p.name}")
    report = lib.policies.import_path(archive)
    assert len(report.created) == 3


def test_a_zip_that_climbs_out_or_explodes_is_refused(lib: AppContext, tmp_path: Path) -> None:
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as z:
        z.writestr("../../etc/目录.csv", "文件名\n")
    with pytest.raises(InputError, match="越出压缩包"):
        lib.policies.import_path(evil)
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("目录.csv", "文件名\n")
        z.writestr("zeros.pdf", b"\0" * (8 * 1024 * 1024))
    with pytest.raises(InputError, match="压缩炸弹"):
        lib.policies.import_path(bomb)
    assert not (tmp_path.parent / "etc").exists()


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("低保", "关于调整城乡最低生活保障标准的通知"),  # two characters, keyword
        ("最低生活保障", "关于调整城乡最低生活保障标准的通知"),  # Chinese in the title
        ("zdshbz", "关于调整城乡最低生活保障标准的通知"),  # pinyin initials of the title
        ("gaoling", "历城区高龄老人津贴发放管理办法"),  # full pinyin
        ("历城政发〔2023〕5号", "历城区高龄老人津贴发放管理办法"),  # the number as printed
        ("历城政发[2023]5号", "历城区高龄老人津贴发放管理办法"),  # ... with ASCII brackets
        ("历城政发(2023)5号", "历城区高龄老人津贴发放管理办法"),  # ... with parentheses
        ("历城政发2023 5号", "历城区高龄老人津贴发放管理办法"),  # ... without brackets
        ("２０２４〕１２号", "关于调整城乡最低生活保障标准的通知"),  # full-width digits
        ("弘扬敬老传统", "历城区高龄老人津贴发放管理办法"),  # only in the text (FTS5 trigram)
        ("敬老", "历城区高龄老人津贴发放管理办法"),  # two characters only in the text
        ("户籍所在地 申请", "关于调整城乡最低生活保障标准的通知"),  # two terms in the text
    ],
)
def test_search_in_chinese_pinyin_and_number_forms(imported: AppContext, query: str, title: str) -> None:
    hits = imported.policies.search(query)
    assert hits and hits[0].row.title == title, [h.row.title for h in hits]


def test_text_hits_come_after_title_hits_with_a_snippet(imported: AppContext) -> None:
    hits = imported.policies.search("津贴")
    assert hits[0].where == "title"
    hits = imported.policies.search("八十周岁以上")
    assert hits[0].where == "text" and "【" in hits[0].snippet


def test_filters_domain_year_issuer_validity(imported: AppContext) -> None:
    p = imported.policies
    assert [h.row.title for h in p.search("通知", v.SearchFilters(validity="current"))] == [
        "关于调整城乡最低生活保障标准的通知"
    ]
    assert len(p.search("通知")) == 2
    assert p.search("通知", v.SearchFilters(year=2019))[0].row.doc_number == "历城建发〔2019〕8号"
    assert p.search("通知", v.SearchFilters(domain="养老服务")) == []
    assert [r.title for r in p.list(v.SearchFilters(issuer="济南市历城区人民政府"))] == [
        "历城区高龄老人津贴发放管理办法"
    ]
    domains, issuers, years = p.facets()
    assert domains == ["社会救助", "养老服务"] and years == [2024, 2023, 2019] and len(issuers) == 3


def test_retire_with_the_replacing_document(imported: AppContext, admin: StaffUser, clerk: StaffUser) -> None:
    p = imported.policies
    old = by_title(imported, "历城区高龄老人津贴发放管理办法")
    new = p.create(
        admin,
        v.DocumentDraft(
            "历城区高龄老人津贴发放管理办法（2025年修订）",
            "历城政发〔2025〕1号",
            "济南市历城区人民政府",
            body="第一条 津贴标准为每人每月150元。",
            domain="养老服务",
        ),
    )
    with pytest.raises(PermissionDeniedError):
        p.retire(clerk, old.uuid, replaced_by=new.uuid)
    with pytest.raises(InputError, match="替代文件不能是它自己"):
        p.retire(admin, old.uuid, replaced_by=old.uuid)
    view = p.retire(
        admin, old.uuid[:8], validity="revised", replaced_by="历城政发〔2025〕1号", on=date(2025, 1, 1)
    )
    assert view.row.validity == "revised" and view.row.validity_on == date(2025, 1, 1)
    assert view.replaced_by_title == "历城区高龄老人津贴发放管理办法（2025年修订）"
    assert p.get(new.uuid).replaces == ((old.uuid, old.title),)
    with pytest.raises(StateError, match="已于 2025-01-01 标记为“已修订”"):
        p.retire(admin, old.uuid)
    assert [h.row.uuid for h in p.search("津贴", v.SearchFilters(validity="current"))] == [new.uuid]


def test_site_documents_go_to_the_outbox_with_their_files(imported: AppContext, admin: StaffUser) -> None:
    with imported.session_factory() as session:
        entries = (
            session.execute(select(OutboxEntry).where(OutboxEntry.entity == "policy_document"))
            .scalars()
            .all()
        )
    assert len(entries) == 3
    # By title: the query has no order (an index may return the entries in any order).
    payload = next(
        p
        for p in (json.loads(e.payload) for e in entries)
        if p["title"] == "关于调整城乡最低生活保障标准的通知"
    )
    assert payload["blob_refs"] and payload["blob_refs"][0] == payload["source"]["sha256"]
    for sha in payload["blob_refs"]:
        assert imported.policies.blobs.exists(sha)
    assert "0531-88123456" in payload["body"] or "0531" in payload["body"]


def test_interpretations_in_their_forms(imported: AppContext, admin: StaffUser, tmp_path: Path) -> None:
    p = imported.policies
    doc = by_title(imported, "关于调整城乡最低生活保障标准的通知")
    p.add_interpretation(
        admin,
        doc.uuid,
        v.InterpretationDraft("text", "一图读懂低保新标准（文字版）", body="标准提高到1030元。"),
    )
    p.add_interpretation(
        admin,
        doc.uuid,
        v.InterpretationDraft("qa", "低保问答", qa=(v.QAPair("谁能申请？", "户籍在本区的困难家庭。"),)),
    )
    with pytest.raises(InputError, match="图解应附上图片文件"):
        p.add_interpretation(admin, doc.uuid, v.InterpretationDraft("graphic", "一图读懂"))
    image = tmp_path / "图解.png"
    from PIL import Image

    Image.new("RGB", (40, 60), "white").save(image)
    graphic = p.add_interpretation(
        admin, doc.uuid, v.InterpretationDraft("graphic", "一图读懂"), attachments=[image]
    )
    assert graphic.images and graphic.images[0].kind == "image"
    with pytest.raises(InputError, match="解读形式"):
        p.add_interpretation(admin, doc.uuid, v.InterpretationDraft("poster", "x", body="y"))
    view = p.get(doc.uuid)
    assert [i.form_label for i in view.interpretations] == ["文字解读", "问答", "图解"]
    assert view.row.interpretations == 3
    assert "问1：谁能申请？" in view.interpretations[1].text()


def test_three_in_step_rule_lists_documents_the_site_issued_without_interpretation(
    imported: AppContext, admin: StaffUser
) -> None:
    # Imported district documents are the district's to interpret: nothing is due for them here.
    assert imported.policies.without_interpretation() == []
    own = imported.policies.create(
        admin,
        v.DocumentDraft(
            "唐王街道关于高龄津贴集中认证的通知", issuer="济南市历城区唐王街道办事处", body="认证安排。"
        ),
    )
    assert [r.uuid for r in imported.policies.without_interpretation()] == [own.uuid]
    items = [i for i in imported.today.list(None).items if i.kind == "policy.interpretation_due"]
    assert items and "三同步" in items[0].why
    imported.policies.add_interpretation(admin, own.uuid, v.InterpretationDraft("text", "解读", body="要点"))
    assert imported.policies.without_interpretation() == []


@needs_poppler
def test_printing_uses_the_original_pdf_else_typesets(
    imported: AppContext, admin: StaffUser, tmp_path: Path
) -> None:
    p = imported.policies
    pdf_doc = p.get(by_title(imported, "历城区高龄老人津贴发放管理办法").uuid)
    data, pages, how = p.printout(pdf_doc.uuid)
    assert how == "original" and pages == 3 and data == p.blobs.read(pdf_doc.source_sha256)
    docx_doc = by_title(imported, "关于调整城乡最低生活保障标准的通知")
    data, pages, how = p.printout(docx_doc.uuid)
    assert how == "typeset" and pages >= 1
    text = squash("".join(pdftotext(data, tmp_path)))
    assert (
        "关于调整城乡最低生活保障标准的通知" in text and "历城政办发〔2024〕12号" in text and "1030元" in text
    )
    interp = p.add_interpretation(
        admin,
        docx_doc.uuid,
        v.InterpretationDraft("qa", "低保问答", qa=(v.QAPair("谁能申请？", "困难家庭。"),)),
    )
    data, _pages, how = p.printout(docx_doc.uuid, interpretation=interp.uuid)
    assert how == "typeset" and "问1：谁能申请？" in squash("".join(pdftotext(data, tmp_path)))


def test_reading_register_masks_names_in_exports_and_gives_the_yearly_figure(
    imported: AppContext, clerk: StaffUser, tmp_path: Path
) -> None:
    p = imported.policies
    doc = by_title(imported, "关于调整城乡最低生活保障标准的通知")
    p.record_reading(clerk, doc.uuid, action="read", reader_name="张三丰")
    p.record_reading(clerk, doc.uuid, action="print", pages=2, copies=3)
    p.record_reading(
        clerk, by_title(imported, "历城区高龄老人津贴发放管理办法").uuid, action="print", pages=3
    )
    p.record_reading(clerk, doc.uuid, action="read", on=date(2024, 12, 31))
    assert p.register_figures(2025) == v.RegisterFigures(2025, 1, 2, 9, 2)
    assert p.register(2025)[-1].reader_name == "张三丰"  # staff see what was entered
    out = tmp_path / "register.csv"
    assert p.export_register(out, 2025) == 3
    text = out.read_text(encoding="utf-8-sig")
    assert "张**" in text and "张三丰" not in text
    with pytest.raises(InputError):
        p.record_reading(clerk, doc.uuid, action="borrow")
