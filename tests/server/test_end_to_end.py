"""Across capabilities: a notice reviewed in the app is public on the platform after the next sync,
at exactly the URL its printed QR code carries; a city catalogue release becomes a catalogue version."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import httpx
import pytest
import zxingcpp
from PIL import Image

from app.context import AppContext
from app.notices.draft_file import read_draft
from app.users import Role, StaffUser
from server import admin
from tests.server.support import Platform, Sites

pytestmark = pytest.mark.postgres

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "notice-dibao.json"


def staff(ctx: AppContext) -> dict[str, StaffUser]:
    people = {
        "clerk": {Role.CLERK},
        "first": {Role.FIRST_REVIEWER},
        "second": {Role.SECOND_REVIEWER},
        "final": {Role.FINAL_REVIEWER},
    }
    return {name: ctx.users.add(name, frozenset(roles), "pw-123456") for name, roles in people.items()}


def qr_payload(pdf: bytes, tmp_path: Path) -> str:
    src = tmp_path / "notice.pdf"
    src.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "200", str(src), str(tmp_path / "p")], check=True)
    codes = [c for page in sorted(tmp_path.glob("p*.png")) for c in zxingcpp.read_barcodes(Image.open(page))]
    assert len(codes) == 1, "the notice carries one QR code, and it decodes"
    return str(codes[0].text)


def test_reviewed_notice_is_public_at_its_printed_url(
    platform: Platform, sites: Sites, tmp_path: Path
) -> None:
    platform.add_site("370112-TW")
    ctx = sites.open("370112-TW", platform)
    ctx.settings.set("public_base_url", platform.url)
    people = staff(ctx)
    draft = read_draft(EXAMPLE, ctx.notices.boards())
    original_id = json.loads(EXAMPLE.read_text(encoding="utf-8"))["roster"]["rows"][0][2]
    notice = ctx.notices.create(draft, actor=people["clerk"], submit=True)

    url = qr_payload(ctx.notices.pdf(notice.uuid), tmp_path)
    assert url == f"{platform.url}/n/{notice.uuid}" == notice.public_url

    assert ctx.sync.run_once().ok
    page = httpx.get(url)
    assert page.status_code == 200 and "尚未发布" in page.text, "held but not yet approved"

    ctx.notices.review(notice.uuid, actor=people["first"], decision="approve")
    ctx.notices.review(notice.uuid, actor=people["second"], decision="approve")
    ctx.notices.review(notice.uuid, actor=people["final"], decision="approve", confidentiality_checked=True)
    assert ctx.sync.run_once().ok

    page = httpx.get(url)
    assert page.status_code == 200
    assert draft.title in page.text
    assert original_id not in page.text, "the public page carries only masked numbers"
    assert original_id[:2] + "*" in page.text.replace("<td>", "")
    assert httpx.get(f"{platform.url}/n/00000000-0000-4000-8000-000000000000").status_code == 404


def test_city_catalogue_release_becomes_a_new_version(
    platform: Platform, sites: Sites, tmp_path: Path
) -> None:
    platform.add_site("370112-TW")
    ctx = sites.open("370112-TW", platform)
    ctx.catalogue.seed_bundled(actor="test")
    before = ctx.catalogue.versions()
    release = tmp_path / "city-2026.xlsx"
    ctx.catalogue.export_file(release)
    # The city adds one item to 社会救助 in its new release.
    import openpyxl

    book = openpyxl.load_workbook(release)
    sheet = book.worksheets[0]
    last = [c.value for c in sheet[sheet.max_row]]
    row = [
        sheet.max_row - 1,
        "社会救助",
        "临时救助",
        "急难型临时救助",
        "",
        "救助对象、救助标准、办理流程",
    ] + last[6:]
    sheet.append(row)
    book.save(release)
    admin.publish_catalogue(platform.sessions, release, label="2026年市级标准目录")

    assert ctx.sync.run_once().ok
    after = ctx.catalogue.versions()
    assert len(after) == len(before) + 1
    assert any(i.data.level2 == "急难型临时救助" for i in ctx.catalogue.search("急难型"))
    # The next round changes nothing: the release is not imported again.
    assert ctx.sync.run_once().ok
    assert len(ctx.catalogue.versions()) == len(after)
