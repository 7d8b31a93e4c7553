"""A site's staff PCs hold the whole site: records made on one are applied on the others, sealed
under the site key on the way (the platform keeps only ciphertext and the masked public fields).

Three PCs of one site, each its own data directory, against the reference platform over loopback
HTTP on PostgreSQL (docs/sync-replication.md)."""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.context import AppContext
from app.notices.draft_file import read_draft
from app.sync import sitekey
from app.users import Role, StaffUser
from db.models import InfoRequest, Notice, NoticeReview, Posting, User
from tests.server.support import PgCluster, Platform, Sites, _pg_bin

pytestmark = pytest.mark.postgres

CODE = "370112-TW"
EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "notice-dibao.json"


def _roster_numbers() -> list[str]:
    rows = json.loads(EXAMPLE.read_text(encoding="utf-8"))["roster"]["rows"]
    ids = [r[2] for r in rows]
    phones = [r[6].replace(" ", "") for r in rows if r[6].replace(" ", "").startswith("1")]
    return ids + phones


def _site(platform: Platform, sites: Sites, n: int = 3) -> list[AppContext]:
    platform.add_site(CODE)
    pcs = [sites.open(CODE, platform) for _ in range(n)]
    key = sitekey.encode_key(sitekey.new_key())
    for pc in pcs:
        pc.settings.set("sync_site_key", key)
    return pcs


def _people(ctx: AppContext) -> dict[str, StaffUser]:
    roles = {
        "clerk": {Role.CLERK},
        "first": {Role.FIRST_REVIEWER},
        "second": {Role.SECOND_REVIEWER},
        "final": {Role.FINAL_REVIEWER},
        "boss": {Role.ADMIN},
    }
    return {name: ctx.users.add(name, frozenset(r), "pw-123456") for name, r in roles.items()}


def _sync(*pcs: AppContext) -> None:
    for pc in pcs:
        report = pc.sync.run_once()
        assert report.ok, report.errors
        assert pc.sync.status().errors == []


def _notice_row(ctx: AppContext, uuid: str) -> tuple[Notice, list[NoticeReview], list[Posting]]:
    with ctx.session_factory() as s:
        row = s.execute(select(Notice).where(Notice.uuid == uuid)).scalar_one()
        reviews = list(s.execute(select(NoticeReview).where(NoticeReview.notice_id == row.id)).scalars())
        postings = list(s.execute(select(Posting).where(Posting.notice_id == row.id)).scalars())
        return row, reviews, postings


def test_notice_made_on_one_pc_is_whole_on_the_others_and_ciphertext_on_the_platform(
    platform: Platform, sites: Sites, tmp_path: Path
) -> None:
    a, b, c = _site(platform, sites)
    people = _people(a)
    draft = read_draft(EXAMPLE, a.notices.boards())
    notice = a.notices.create(draft, actor=people["clerk"], submit=True)
    a.notices.review(notice.uuid, actor=people["first"], decision="approve")
    a.notices.review(notice.uuid, actor=people["second"], decision="approve")
    a.notices.review(notice.uuid, actor=people["final"], decision="approve", confidentiality_checked=True)
    photo = tmp_path / "posted.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 a photo of the board " + notice.uuid.encode())
    board = a.notices.add_board("东唐村公示栏", "东唐村", actor=people["boss"])
    posting = a.notices.record_posting(
        notice.uuid, board.uuid, actor=people["clerk"], photo=photo, posted_on=date(2025, 10, 9)
    )
    original = _notice_row(a, notice.uuid)
    _sync(a, b, c)

    for pc in (b, c):
        row, reviews, postings = _notice_row(pc, notice.uuid)
        assert row.roster_json == original[0].roster_json, "the roster arrives unmasked"
        assert (row.title, row.status, row.revision) == (
            original[0].title,
            original[0].status,
            original[0].revision,
        )
        assert sorted(r.uuid for r in reviews) == sorted(r.uuid for r in original[1])
        assert [p.uuid for p in postings] == [posting.uuid]
        sha = postings[0].photo_sha256
        assert (pc.paths.blobs / sha[:2] / f"{sha}.jpg").read_bytes() == photo.read_bytes()
        # the staff accounts came too: every clerk signs in at any counter
        assert pc.users.authenticate("clerk", "pw-123456").name == "clerk"
        with pc.session_factory() as s:
            assert s.execute(select(User.uuid).where(User.name == "first")).scalar() == people["first"].uuid

    # The platform holds the roster only masked and sealed; public pages still work.
    records = platform.records(CODE)
    data = records[f"notice:{notice.uuid}"][2]
    assert data["sealed"].startswith("gks1.")
    assert original[0].roster_json and json.loads(original[0].roster_json)["rows"][0][2] not in json.dumps(
        data
    )
    _assert_no_clear_numbers(platform)


def _assert_no_clear_numbers(platform: Platform) -> None:
    """Every byte the platform stores, searched for the demo data's identity numbers and phones."""
    with platform.sessions() as s:
        tables = [
            r[0]
            for r in s.execute(
                text("select table_name from information_schema.tables where table_schema = 'public'")
            )
        ]
        dump = []
        for t in tables:
            for row in s.execute(text(f'select * from "{t}"')):
                dump.append(repr(tuple(row)))
    blob = "\n".join(dump)
    for number in _roster_numbers():
        assert number not in blob, "a personal number stored in clear on the platform"


def test_offline_edits_of_one_notice_conflict_and_theirs_applies(platform: Platform, sites: Sites) -> None:
    a, b = _site(platform, sites, 2)
    people = _people(a)
    draft = read_draft(EXAMPLE, a.notices.boards())
    notice = a.notices.create(draft, actor=people["clerk"])
    _sync(a, b)
    clerk_b = b.users.authenticate("clerk", "pw-123456")

    a.notices.update(notice.uuid, replace(draft, title="甲机修改的标题"), actor=people["clerk"])
    b.notices.update(notice.uuid, replace(draft, title="乙机修改的标题"), actor=clerk_b)
    _sync(a)
    report = b.sync.run_once()
    assert report.conflicts == 1
    assert _notice_row(b, notice.uuid)[0].title == "乙机修改的标题", (
        "a local edit is never overwritten silently"
    )
    (conflict,) = b.sync.conflicts()
    assert "sealed" not in conflict.mine and conflict.theirs and "sealed" not in conflict.theirs
    assert (conflict.mine["title"], conflict.theirs["title"]) == ("乙机修改的标题", "甲机修改的标题")
    b.sync.resolve(conflict.uuid, "theirs", actor=clerk_b)
    assert _notice_row(b, notice.uuid)[0].title == "甲机修改的标题", "choosing theirs applies theirs"
    _sync(b, a)
    assert _notice_row(a, notice.uuid)[0].title == "甲机修改的标题"


def test_offline_conflict_mine_is_pushed_on_top(platform: Platform, sites: Sites) -> None:
    a, b = _site(platform, sites, 2)
    people = _people(a)
    draft = read_draft(EXAMPLE, a.notices.boards())
    notice = a.notices.create(draft, actor=people["clerk"])
    _sync(a, b)
    clerk_b = b.users.authenticate("clerk", "pw-123456")
    a.notices.update(notice.uuid, replace(draft, title="甲机修改的标题"), actor=people["clerk"])
    b.notices.update(notice.uuid, replace(draft, title="乙机修改的标题"), actor=clerk_b)
    _sync(a)
    assert b.sync.run_once().conflicts == 1
    (conflict,) = b.sync.conflicts()
    b.sync.resolve(conflict.uuid, "mine", actor=clerk_b)
    _sync(b, a)
    assert _notice_row(a, notice.uuid)[0].title == "乙机修改的标题"


def _intake(ctx: AppContext, actor: StaffUser, name: str, id_number: str, phone: str) -> str:
    detail = ctx.requests.intake(
        actor=actor,
        channel="in_person",
        arrived_on=ctx.clock.today(),
        applicant_kind="natural_person",
        applicant_name=name,
        description="2025年低保资金发放明细",
        id_number=id_number,
        phone=phone,
        address="唐王街道东唐村 12 号",
    )
    return detail.summary.uuid


def test_two_requests_edited_offline_on_two_pcs_both_arrive_with_unique_numbers(
    platform: Platform, sites: Sites
) -> None:
    a, b, c = _site(platform, sites)
    people = _people(a)
    _sync(a, b, c)
    clerk_b = b.users.authenticate("clerk", "pw-123456")
    # Both offline on the same day: each registers a request.
    ra = _intake(a, people["clerk"], "马春华", "370112195904170529", "13953107721")
    rb = _intake(b, clerk_b, "韩立新", "37011219661203233X", "15866780913")
    _sync(a, b, c, a)
    numbers = {}
    for pc in (a, b, c):
        with pc.session_factory() as s:
            rows = {r.uuid: r for r in s.execute(select(InfoRequest)).scalars()}
        assert set(rows) == {ra, rb}
        assert rows[rb].id_number == "37011219661203233X", "identity numbers arrive unmasked on staff PCs"
        numbers[pc.paths.root] = {u: r.number for u, r in rows.items()}
    first = next(iter(numbers.values()))
    assert all(n == first for n in numbers.values()), "every PC shows the same numbers"
    assert len(set(first.values())) == 2, "numbers are unique across the site's PCs"
    # Then each PC edits a different request offline: both edits arrive everywhere.
    a.requests.transition(ra, "registered", actor=people["clerk"])
    b.requests.transition(rb, "registered", actor=clerk_b)
    b.requests.transition(rb, "in_progress", actor=clerk_b)
    b.requests.start_consultation(rb, party="区人社局", actor=clerk_b)
    _sync(a, b, c, a)
    for pc in (a, b, c):
        assert pc.requests.get(ra).summary.status == "registered"
        assert pc.requests.get(rb).summary.status == "consulting"
        assert [x.party for x in pc.requests.get(rb).consultations] == ["区人社局"]
    _assert_no_clear_numbers_of(
        platform, ["370112195904170529", "37011219661203233X", "13953107721", "15866780913"]
    )


def _assert_no_clear_numbers_of(platform: Platform, numbers: list[str]) -> None:
    with platform.sessions() as s:
        tables = [
            r[0]
            for r in s.execute(
                text("select table_name from information_schema.tables where table_schema = 'public'")
            )
        ]
        blob = "\n".join(repr(tuple(row)) for t in tables for row in s.execute(text(f'select * from "{t}"')))
    for number in numbers:
        assert number not in blob


def test_a_fresh_pc_with_the_key_restores_the_whole_site(platform: Platform, sites: Sites) -> None:
    a, b = _site(platform, sites, 2)
    people = _people(a)
    draft = read_draft(EXAMPLE, a.notices.boards())
    notice = a.notices.create(draft, actor=people["clerk"], submit=True)
    request = _intake(a, people["clerk"], "马春华", "370112195904170529", "13953107721")
    a.settings.set("kiosk_idle_seconds", 45)
    _sync(a, b)
    key = a.settings.get("sync_site_key")
    fresh = sites.open(CODE, platform)
    fresh.users.add("boss", frozenset({Role.ADMIN}), "set-up-by-the-installer")  # its first admin
    fresh.settings.set("sync_site_key", key)
    _sync(fresh)
    assert _notice_row(fresh, notice.uuid)[0].roster_json == _notice_row(a, notice.uuid)[0].roster_json
    with fresh.session_factory() as s:
        assert s.execute(select(InfoRequest.id_number).where(InfoRequest.uuid == request)).scalar() == (
            "370112195904170529"
        )
    assert fresh.settings.get("kiosk_idle_seconds") == 45
    assert fresh.users.authenticate("final", "pw-123456").name == "final"
    assert fresh.users.authenticate("boss", "pw-123456").name == "boss", "the site's account wins"
    assert fresh.settings.get("sync_site_key") == key, "device-local settings stay this PC's own"


def test_offline_without_numbers_gives_a_provisional_number_replaced_at_the_next_sync(
    platform: Platform, sites: Sites
) -> None:
    a, b = _site(platform, sites, 2)
    people = _people(a)
    # Before any sync neither PC holds leased numbers: both register offline on the same day.
    ra = _intake(a, people["clerk"], "马春华", "370112195904170529", "13953107721")
    people_b = {name: b.users.add(name, frozenset({Role.CLERK}), "pw-123456") for name in ("clerk",)}
    rb = _intake(b, people_b["clerk"], "韩立新", "37011219661203233X", "15866780913")
    before = {pc.requests.get(u).summary.number for pc, u in ((a, ra), (b, rb))}
    assert all("临时" in n for n in before), "shown as provisional"
    assert len(before) == 2, "provisional numbers of two PCs differ too"
    _sync(a, b, a)
    final = {pc.paths.root: {u: pc.requests.get(u).summary.number for u in (ra, rb)} for pc in (a, b)}
    numbers = next(iter(final.values()))
    assert all(v == numbers for v in final.values())
    year = a.clock.today().year
    assert numbers[ra] == f"依申请〔{year}〕第0001号", "A leased first: the first block starts at 1"
    assert "临时" not in numbers[rb] and numbers[rb] != numbers[ra], "B's final number is from its own block"


def test_first_lease_continues_after_the_numbers_given_before_replication(
    platform: Platform, sites: Sites
) -> None:
    platform.add_site(CODE)
    a = sites.open(CODE, platform)
    people = _people(a)
    for i in range(3):  # a site that numbered on its own before it had a key
        _intake(a, people["clerk"], f"申请人{i}", "", "")
    a.settings.set("sync_site_key", sitekey.encode_key(sitekey.new_key()))
    _sync(a)
    fourth = _intake(a, people["clerk"], "申请人3", "", "")
    assert a.requests.get(fourth).summary.number.endswith("第0004号")


def test_a_record_sealed_under_another_key_is_a_visible_problem_not_a_crash(
    platform: Platform, sites: Sites
) -> None:
    a, b = _site(platform, sites, 2)
    b.settings.set("sync_site_key", sitekey.encode_key(sitekey.new_key()))  # a PC of another key
    people = _people(a)
    a.notices.create(read_draft(EXAMPLE, a.notices.boards()), actor=people["clerk"])
    _sync(a)
    report = b.sync.run_once()
    assert report.ok, "the round itself goes on"
    problems = b.sync.status().errors
    assert problems and all("无法用本站点密钥解开" in p for p in problems)
    with b.session_factory() as s:
        assert s.execute(select(Notice)).first() is None


def test_event_with_registrations_and_the_kiosk_pin_reach_every_pc(platform: Platform, sites: Sites) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from app.events.values import EventDraft
    from app.kiosk import KioskService
    from db.models import EventRegistration

    a, b = _site(platform, sites, 2)
    people = _people(a)
    zone = ZoneInfo("Asia/Shanghai")
    event = a.events.create(
        people["boss"],
        EventDraft(
            type_key="policy_interpretation",
            title="老旧小区改造政策解读",
            start=datetime(2025, 10, 22, 15, tzinfo=zone),
            end=datetime(2025, 10, 22, 16, 30, tzinfo=zone),
            place="三楼会议室",
            capacity=30,
        ),
    )
    a.events.register(people["clerk"], event.uuid, "马春华", "13953107721")
    KioskService(a).set_pin(people["boss"], "246810")
    _sync(a, b)
    with b.session_factory() as s:
        phones = list(s.execute(select(EventRegistration.phone)).scalars())
    assert phones == ["13953107721"], "the registration arrives with the phone unmasked"
    assert b.events.get(event.uuid).title == "老旧小区改造政策解读"
    assert KioskService(b).check_pin("246810"), "the kiosk exit PIN is the site's"
    _assert_no_clear_numbers_of(platform, ["13953107721"])


def test_one_account_made_on_two_pcs_converges(platform: Platform, sites: Sites) -> None:
    a, b = _site(platform, sites, 2)
    a.users.add("wang", frozenset({Role.CLERK}), "password-of-a")
    b.users.add("wang", frozenset({Role.CLERK}), "password-of-b")
    _sync(a, b, a, b)
    accounts = []
    for pc in (a, b):
        with pc.session_factory() as s:
            accounts.append(s.execute(select(User.uuid, User.password_hash).where(User.name == "wang")).one())
    assert accounts[0] == accounts[1], "one account, the same everywhere"


def _personal_numbers(ctx: AppContext) -> set[str]:
    """Every identity number and mobile of the PC's applicants, households and registrants."""
    import re

    from app.sync import wire
    from db.models import EventRegistration

    mobile = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
    ident = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])")
    found: set[str] = set()
    with ctx.session_factory() as s:
        texts = [
            *s.execute(select(InfoRequest.id_number)).scalars(),
            *s.execute(select(InfoRequest.phone)).scalars(),
            *s.execute(select(EventRegistration.phone)).scalars(),
            *(r or "" for r in s.execute(select(Notice.roster_json)).scalars()),
        ]
    for t in texts:
        plain = t.replace(" ", "").replace("-", "")
        found.update(m for m in ident.findall(plain) if wire.is_resident_id(m))
        found.update(mobile.findall(plain))
    return found


def test_the_demo_site_replicates_and_the_platform_holds_no_personal_number_in_clear(
    platform: Platform, sites: Sites, pg: PgCluster
) -> None:
    from app.bootstrap import initialise

    platform.add_site(CODE)
    a, b = sites.open(CODE, platform), sites.open(CODE, platform)
    key = sitekey.encode_key(sitekey.new_key())
    for pc in (a, b):
        pc.settings.set("sync_site_key", key)
    initialise(a, CODE, "历城区唐王街道", demo=True)
    initialise(b, CODE, "历城区唐王街道")
    _sync(a, b)
    numbers = _personal_numbers(a)
    assert len(numbers) > 20, "the demo data has applicants, households and registrants"
    assert _personal_numbers(b) == numbers, "every personal number arrives, unmasked, on the other PC"

    # Byte by byte: the whole platform database as pg_dump writes it.
    dump = subprocess.run(
        [_pg_bin("pg_dump"), "-h", str(pg.sock), "-p", str(pg.port), "-U", "postgres", _db_name(platform)],
        check=True,
        capture_output=True,
    ).stdout
    assert "最低生活保障".encode() in dump, "the dump holds the published records (a positive control)"
    leaked = [n for n in numbers if n.encode() in dump]
    assert leaked == [], f"{len(leaked)} personal numbers stored in clear on the platform"


def _db_name(platform: Platform) -> str:
    from sqlalchemy.engine import make_url

    return str(make_url(platform.db_url).database)


def test_site_catalogue_items_and_refinements_reach_every_pc(platform: Platform, sites: Sites) -> None:
    from app.bootstrap import initialise
    from app.catalogue.model import ItemData

    a, b = _site(platform, sites, 2)
    for pc in (a, b):
        initialise(pc, CODE, "历城区唐王街道")  # each PC imported the city's catalogue itself
    admin = a.users.add("wang", frozenset({Role.ADMIN}), "pw-123456")
    site = a.catalogue.add_item(
        admin,
        ItemData(
            domain="村务公开",
            level1="村级事务",
            level2="议事",
            content="记录",
            time_limit="随时",
            publisher="村委会",
            channels=("政府网站",),
        ),  # fmt: skip
    )

    def standard(ctx: AppContext) -> str:
        return next(
            v.uuid
            for v in ctx.catalogue.items()
            if (v.data.level1, v.data.level2) == ("最低生活保障", "审核信息")
        )

    item = a.catalogue.get(standard(a))
    a.catalogue.refine(admin, item.uuid, replace(item.data, publisher="唐王街道办事处"), "公开主体为街道")
    # B's search index is built before the records arrive.
    assert site.uuid not in {v.uuid for v in b.catalogue.search("议事")}
    _sync(a, b)
    assert b.catalogue.get(site.uuid).data.level2 == "议事"
    refined = b.catalogue.get(standard(b))
    assert refined.uuid != item.uuid, "a city item keeps each PC's own uuid"
    assert refined.refinement is not None and refined.data.publisher == "唐王街道办事处"
    # Applied records make no catalogue version on B: its search must see them all the same.
    assert site.uuid in {v.uuid for v in b.catalogue.search("议事")}
    assert b.catalogue.search("唐王街道办事处")[0] == refined


def test_the_platform_refuses_a_malformed_sealed_box_and_a_private_record_with_public_fields(
    platform: Platform, sites: Sites
) -> None:
    import uuid as _uuid

    from tests.server.support import outbox_states, write

    platform.add_site(CODE)
    ctx = sites.open(CODE, platform)
    u1, u2, u3 = (str(_uuid.uuid4()) for _ in range(3))
    bad_box = write(ctx, "notice", {"uuid": u1, "title": "x", "sealed": "not a box"})
    named = write(ctx, "staff", {"uuid": u2, "name": "张三", "sealed": "gks1.AAAA"})
    fine = write(ctx, "setting", {"uuid": u3, "sealed": "gks1.AAAA"})
    report = ctx.sync.run_once()
    assert report.rejected == 2
    states = outbox_states(ctx)
    assert (states[bad_box], states[named], states[fine]) == ("rejected", "rejected", "acked")
    assert {r.code for r in ctx.sync.rejected()} == {"sealed_invalid"}


def test_a_site_that_gets_its_key_later_shares_what_it_had_and_a_joining_pc_sends_nothing_back(
    platform: Platform, sites: Sites
) -> None:
    from db.models import OutboxEntry

    platform.add_site(CODE)
    # A PC that synced before sites had keys: its own credential already (enrolling now makes the key)
    a = sites.open(CODE, platform, token=platform.device_token(CODE))
    people = _people(a)
    notice = a.notices.create(read_draft(EXAMPLE, a.notices.boards()), actor=people["clerk"])
    request = _intake(a, people["clerk"], "马春华", "370112195904170529", "13953107721")
    _sync(a)  # no key yet: only the masked public records went
    assert not a.settings.get("sync_site_key")
    key = sitekey.encode_key(sitekey.new_key())
    a.settings.set("sync_site_key", key)
    _sync(a, a)  # the first round with the key queues the site sealed, the next sends it

    b = sites.open(CODE, platform, token=platform.device_token(CODE))
    b.settings.set("sync_site_key", key)
    _sync(b, b)
    assert _notice_row(b, notice.uuid)[0].roster_json == _notice_row(a, notice.uuid)[0].roster_json
    with b.session_factory() as s:
        assert s.execute(select(InfoRequest.id_number).where(InfoRequest.uuid == request)).scalar()
        sent = s.execute(select(OutboxEntry.entity)).scalars().all()
    assert sent == [], "a joining PC does not send back what it received"
