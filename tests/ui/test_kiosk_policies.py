"""The kiosk's 政策文件 tile over a read-only database: browse by domain, pinyin pad, the paginated
reader (长辈 mode cuts smaller pages), a scan shown as page images, interpretations, and 废止 documents
never shown as current."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.kiosk import DataVersionWatcher, KioskService, paginate
from app.policies import values as v
from app.users import Role, StaffUser
from db.models import CatalogueDomain
from tests.app.policy_files import make_folder
from ui.kiosk.policies import PolicyReaderPage, PolicySearchPage
from ui.kiosk.widgets import Tile
from ui.kiosk.window import KioskWindow

LONG = "\n".join(
    f"第{i}条 申请最低生活保障的家庭，其共同生活的家庭成员人均收入低于当地保障标准。" for i in range(1, 60)
)


@pytest.fixture
def library(ctx: AppContext, tmp_path: Path) -> StaffUser:
    with ctx.session_factory() as session, session.begin():
        for code, name in (("19", "社会救助"), ("20", "养老服务")):
            session.add(CatalogueDomain(code=code, name=name))
    admin = ctx.users.add("admin", frozenset({Role.ADMIN, Role.CLERK}), "gongkai123")
    KioskService(ctx).set_pin(admin, "2468")
    ctx.policies.import_path(make_folder(tmp_path / "docs"))
    long = ctx.policies.create(
        admin,
        v.DocumentDraft(
            "城乡最低生活保障审核确认办法",
            "历城民发〔2024〕3号",
            "历城区民政局",
            published_on=date(2024, 8, 1),
            domain="社会救助",
            body=LONG,
        ),
    )
    image = tmp_path / "图解.png"
    Image.new("RGB", (300, 500), "orange").save(image)
    ctx.policies.add_interpretation(
        admin, long.uuid, v.InterpretationDraft("graphic", "一图读懂低保审核确认"), attachments=[image]
    )
    old = next(r for r in ctx.policies.list() if r.title == "历城区高龄老人津贴发放管理办法")
    ctx.policies.retire(admin, old.uuid, replaced_by=long.uuid, on=date(2025, 1, 1))
    return admin


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, library: StaffUser) -> Iterator[KioskWindow]:
    ro = AppContext.open(ctx.paths, readonly=True, clock=ctx.clock)
    w = KioskWindow(KioskService(ro), DataVersionWatcher(ro.engine), portrait=False)
    w.resize(1920, 1080)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.shutdown()
    w.deleteLater()
    ro.close()


def tiles(page: object) -> list[str]:
    assert hasattr(page, "findChildren")
    return [t.text() for t in page.findChildren(Tile)]


def test_browse_by_domain_lists_current_documents_only(qtbot: QtBot, window: KioskWindow) -> None:
    window.home.tiles["policies"].clicked.emit()
    page = window.stack.currentWidget()
    assert window.current_key() == "policies"
    texts = tiles(page)
    assert any(t.startswith("社会救助\n2 份文件") for t in texts)  # the expired 2019 scan is not current
    assert not any("养老服务" in t for t in texts)  # its only document was repealed
    window.open("policy_list", "社会救助")
    listed = tiles(window.stack.currentWidget())
    assert listed[0].startswith("城乡最低生活保障审核确认办法") and "有 1 份解读" in listed[0]
    assert not any("高龄" in t for t in listed)


def test_pinyin_pad_finds_current_documents(qtbot: QtBot, window: KioskWindow) -> None:
    window.open("policy_search", "", root=True)
    page = window.stack.currentWidget()
    assert isinstance(page, PolicySearchPage)
    for letter in "ZDSH":
        page.press(letter)
    found = tiles(page)
    assert found and all("最低生活保障" in t for t in found)
    page.clear()
    for letter in "GLLR":  # 高龄老人: repealed, so never offered
        page.press(letter)
    assert tiles(page) == []


def test_reader_pages_are_smaller_in_elder_mode(qtbot: QtBot, window: KioskWindow, ctx: AppContext) -> None:
    uuid = next(r.uuid for r in ctx.policies.list() if r.title == "城乡最低生活保障审核确认办法")
    window.open("policy", uuid, root=True)
    reader = window.stack.currentWidget()
    assert isinstance(reader, PolicyReaderPage)
    qtbot.wait(50)
    reader.relayout()
    normal = len(reader.pages)
    assert normal > 1 and reader.position.text() == f"第 1 / {normal} 页"
    reader.turn(1)
    assert reader.position.text() == f"第 2 / {normal} 页" and reader.text.text().startswith("第")
    window.set_modes(large=True)
    qtbot.waitUntil(lambda: len(reader.pages) > normal)
    assert "图解" in "".join(tiles(reader))


def test_a_repealed_document_says_so_and_offers_the_current_one(
    qtbot: QtBot, window: KioskWindow, ctx: AppContext
) -> None:
    old = next(r for r in ctx.policies.list() if r.title == "历城区高龄老人津贴发放管理办法")
    window.open("policy", old.uuid, root=True)
    reader = window.stack.currentWidget()
    assert isinstance(reader, PolicyReaderPage)
    assert reader.notice.isVisible() and "已于2025年1月1日废止" in reader.notice.text()
    assert "现行文件是《城乡最低生活保障审核确认办法》" in reader.notice.text()
    reader.current_button.click()
    assert window.current_key() == "policy" and window.pages["policy"].arg == old.replaced_by


def test_a_scan_is_shown_as_page_images(qtbot: QtBot, window: KioskWindow, ctx: AppContext) -> None:
    scan = next(r for r in ctx.policies.list() if r.text_status == "no_text")
    doc = KioskService(ctx).policies.document(scan.uuid)
    assert doc is not None and doc.pdf_pages == 2 and doc.notice.startswith("此文件已失效")
    window.open("policy", scan.uuid, root=True)
    reader = window.stack.currentWidget()
    assert isinstance(reader, PolicyReaderPage)
    assert reader.image.isVisible() and not reader.image.pixmap().isNull()
    assert reader.position.text() == "第 1 / 2 页"


def test_graphic_opens_full_screen(qtbot: QtBot, window: KioskWindow, ctx: AppContext) -> None:
    doc = next(r for r in ctx.policies.list() if r.title == "城乡最低生活保障审核确认办法")
    interp = ctx.policies.get(doc.uuid).interpretations[0]
    window.open("interpretation", f"{doc.uuid}|{interp.uuid}", root=True)
    page = window.stack.currentWidget()
    next(t for t in page.findChildren(Tile) if "全屏" in t.text()).clicked.emit()
    assert window.current_key() == "policy_image"
    assert not window.pages["policy_image"].image.pixmap().isNull()


def test_paginate_keeps_every_character() -> None:
    pages = paginate(LONG, 200)
    assert all(len(p) <= 200 for p in pages)
    assert "".join(pages).replace("\n", "") == LONG.replace("\n", "")


def test_the_reader_shows_the_coming_on_site_demonstration(
    qtbot: QtBot, window: KioskWindow, ctx: AppContext, library: StaffUser
) -> None:
    from datetime import datetime

    from app.clock import ZONE
    from app.events import EventDraft
    from app.policies.links import PolicyLink

    doc = next(r for r in ctx.policies.list() if r.title == "城乡最低生活保障审核确认办法")
    ctx.events.create(
        library,
        EventDraft(
            "policy_interpretation",
            "低保审核确认办法现场解读",
            datetime(2025, 10, 16, 14, 30, tzinfo=ZONE),
            datetime(2025, 10, 16, 16, 0, tzinfo=ZONE),
            place="政务公开专区",
            policy_links=(PolicyLink(doc.uuid, doc.title),),
        ),
    )
    window.open("policy", doc.uuid, root=True)
    reader = window.stack.currentWidget()
    assert isinstance(reader, PolicyReaderPage)
    assert reader.demos.isVisible()
    assert reader.demos.text() == "现场演示：2025年10月16日（周四）14:30—16:00，政务公开专区"
    other = next(r for r in ctx.policies.list() if r.title == "关于调整城乡最低生活保障标准的通知")
    window.open("policy", other.uuid, root=True)
    assert not reader.demos.isVisible()
