"""The public pages the printed QR codes open, over real HTTP (and one in headless Chromium)."""

from __future__ import annotations

import json
import shutil
import subprocess
import uuid
from pathlib import Path

import httpx
import pytest
from sqlalchemy import update

from server.models import BucketRow
from server.pages import WITHHELD
from tests.server.support import Platform, Sites, event_payload, notice_payload, request_payload, write

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def published(platform: Platform, sites: Sites) -> dict[str, str]:
    platform.add_site("370112-TW")
    ctx = sites.open("370112-TW", platform)
    ids = {k: str(uuid.uuid4()) for k in ("notice", "draft", "event", "request")}
    write(ctx, "notice", notice_payload(ids["notice"], status="approved"))
    write(
        ctx, "notice", notice_payload(ids["draft"], status="second_review", title="拟公示的养老服务补贴名单")
    )
    write(ctx, "event", event_payload(ids["event"]))
    write(ctx, "request", request_payload(ids["request"]))
    assert ctx.sync.run_once().ok
    return ids


def test_an_approved_notice_is_public_after_the_next_sync(
    platform: Platform, published: dict[str, str]
) -> None:
    page = httpx.get(f"{platform.url}/n/{published['notice']}")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert "关于2025年第三季度城乡低保对象拟保名单的公示" in html
    assert "<table>" in html and "370112********1234" in html and "张*华" in html
    assert '>2025年9月26日</span> 至 <span class="nw">2025年10月10日<' in html
    assert "唐王街道社会事务办公室" in html and 'href="tel:0531-88123456"' in html
    assert 'name="viewport"' in html
    echo = platform.records("370112-TW")[f"notice:{published['notice']}"][2]
    assert echo["platform_published_at"], "publication is recorded and flows back down"


def test_a_notice_not_yet_approved_says_so(platform: Platform, published: dict[str, str]) -> None:
    page = httpx.get(f"{platform.url}/n/{published['draft']}")
    assert page.status_code == 200
    assert "尚未发布" in page.text and "复审中" in page.text
    assert "养老服务补贴名单" not in page.text.split("<main>")[1], "nothing of an unpublished notice is shown"


def test_unknown_uuids_are_404(platform: Platform, published: dict[str, str]) -> None:
    for prefix in ("n", "e", "r"):
        assert httpx.get(f"{platform.url}/{prefix}/{uuid.uuid4()}").status_code == 404
    assert httpx.get(f"{platform.url}/e/{published['notice']}").status_code == 404


def test_event_and_request_pages(platform: Platform, published: dict[str, str]) -> None:
    event = httpx.get(f"{platform.url}/e/{published['event']}").text
    assert "政策解读：城乡居民医保缴费" in event and "2025年10月15日 09:30 至 11:00" in event
    assert "12 / 60 人" in event and "区医保局 刘科长" in event
    req = httpx.get(f"{platform.url}/r/{published['request']}").text
    assert "TW-2025-0012" in req and "办理中" in req and "2025年10月31日" in req
    assert "counter" not in req and "citizen" not in req, (
        "the status page shows number, status, due date only"
    )


def test_text_is_escaped_and_unmasked_numbers_are_withheld(
    platform: Platform, published: dict[str, str]
) -> None:
    """Defence in depth: a stored row that still holds a mobile number is not rendered."""
    with platform.sessions() as s, s.begin():
        row = s.query(BucketRow).filter(BucketRow.key == f"notice:{published['notice']}").one()
        data = json.loads(row.data)
        data["title"] = "<script>alert(1)</script>公示"
        data["contact"] = "王专员 13812345678"
        s.execute(
            update(BucketRow).where(BucketRow.id == row.id).values(data=json.dumps(data, ensure_ascii=False))
        )
    html = httpx.get(f"{platform.url}/n/{published['notice']}").text
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "13812345678" not in html and WITHHELD in html


@pytest.mark.browser
def test_the_notice_page_on_a_phone_screen(
    platform: Platform, published: dict[str, str], tmp_path: Path
) -> None:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    shot = tmp_path / "notice.png"
    # Phones have Chinese fonts; this test machine may not, so point fontconfig at the bundled one.
    fonts = tmp_path / "fonts.conf"
    fonts.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f'<dir>{ROOT / "resources" / "fonts"}</dir><include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    cmd = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=390,844",
        "--hide-scrollbars",
        f"--screenshot={shot}",
        f"{platform.url}/n/{published['notice']}",
    ]
    env = {"FONTCONFIG_FILE": str(fonts), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    subprocess.run(cmd, check=True, timeout=90, env=env, capture_output=True)
    assert shot.exists() and shot.stat().st_size > 20_000
    from PIL import Image

    with Image.open(shot) as img:
        assert img.size == (390, 844)
        colours = img.convert("RGB").getcolors(maxcolors=1_000_000)
        assert colours is not None and len(colours) > 50, "a rendered page, not a blank one"
    keep = Path("/tmp/sync-notice-phone.png")
    shutil.copyfile(shot, keep)
