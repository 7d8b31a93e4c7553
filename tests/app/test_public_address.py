"""The public address comes from the platform: until the site has synced there is none, and a final
printout (whose QR code must open) is refused with the reason; a draft prints; the address the
platform announces is what later QR codes carry."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.context import AppContext
from app.errors import StateError
from app.printguard import NO_PUBLIC_ADDRESS
from app.settings import SETTINGS
from app.users import StaffUser
from tests.app.test_notices_review import approve_all, draft
from tests.app.test_notices_review import staff as staff  # noqa: F401,PLC0414  (fixture)
from tests.printing.pdfutil import pdftotext
from tests.printing.test_events_pdf import event_uuid as event_uuid  # noqa: F401,PLC0414  (fixture)
from tests.printing.test_requests_pdfs import intake


def test_the_default_is_empty() -> None:
    assert SETTINGS["public_base_url"].default == ""


def test_final_prints_are_refused_until_the_platform_is_known(
    ctx: AppContext,
    staff: dict[str, StaffUser],
    event_uuid: str,  # noqa: F811
) -> None:
    ctx.settings.set("public_base_url", "")
    notice = ctx.notices.create(draft(), actor=staff["clerk"])
    assert notice.public_url == f"/n/{notice.uuid}"  # made before the site knew its platform
    assert ctx.notices.pdf(notice.uuid)[:5] == b"%PDF-"  # a draft prints (草稿)
    ctx.notices.submit(notice.uuid, actor=staff["clerk"])
    approve_all(ctx, notice.uuid, staff)
    for printout in (ctx.notices.pdf, ctx.notices.poster_pdf):
        with pytest.raises(StateError, match=NO_PUBLIC_ADDRESS):
            printout(notice.uuid)
    with pytest.raises(StateError, match=NO_PUBLIC_ADDRESS):
        ctx.events.poster_pdf(event_uuid)
    request = intake(ctx, staff["clerk"])
    with pytest.raises(StateError, match="登记回执：尚未连接市级平台"):
        ctx.requests.receipt_pdf(request)
    # The platform announced its address (a sync): now every one of them prints.
    ctx.settings.set("public_base_url", "https://gk.jinan.gov.cn")
    assert ctx.notices.pdf(notice.uuid)[:5] == b"%PDF-"
    assert ctx.events.get(event_uuid).public_url == f"https://gk.jinan.gov.cn/e/{event_uuid}"
    assert ctx.requests.receipt_pdf(request)[:5] == b"%PDF-"
    later = ctx.notices.create(draft(), actor=staff["clerk"])
    assert later.public_url == f"https://gk.jinan.gov.cn/n/{later.uuid}"


def test_before_the_first_sync_the_window_previews_a_marked_proof(
    ctx: AppContext, staff: dict[str, StaffUser], tmp_path: Path
) -> None:
    """The preview of a cleared notice on a PC that has not synced: the 校样 (every page says it
    must not be posted, and why), while printing for posting stays refused with the reason."""
    ctx.settings.set("public_base_url", "")
    notice = ctx.notices.create(draft(), actor=staff["clerk"])
    assert ctx.notices.print_refusal(notice.uuid) == ""  # a draft prints (草稿)
    ctx.notices.submit(notice.uuid, actor=staff["clerk"])
    approve_all(ctx, notice.uuid, staff)
    refusal = ctx.notices.print_refusal(notice.uuid)
    assert NO_PUBLIC_ADDRESS in refusal and notice.title in refusal
    pages = pdftotext(ctx.notices.pdf(notice.uuid, proof=True), tmp_path)
    assert all("校样 · 本机尚未同步，二维码暂不能打开，不得张贴" in page for page in pages)
    assert not any("草稿" in page for page in pages)
    with pytest.raises(StateError, match=NO_PUBLIC_ADDRESS):
        ctx.notices.pdf(notice.uuid)
    # Once the platform's address is known, the same call gives the notice for posting.
    ctx.settings.set("public_base_url", "https://gk.jinan.gov.cn")
    assert ctx.notices.print_refusal(notice.uuid) == ""
    final = pdftotext(ctx.notices.pdf(notice.uuid, proof=True), tmp_path)
    assert not any("校样" in page for page in final)
    assert final == pdftotext(ctx.notices.pdf(notice.uuid), tmp_path)


def test_the_kiosk_shows_a_qr_code_only_for_an_address_a_phone_can_open() -> None:
    from app.kiosk import openable

    assert openable("/n/abc", "") == ""  # made before the first sync, platform still unknown
    assert openable("/n/abc", "https://gk.jinan.gov.cn") == "https://gk.jinan.gov.cn/n/abc"
    assert openable("https://gk.jinan.gov.cn/e/x", "") == "https://gk.jinan.gov.cn/e/x"
