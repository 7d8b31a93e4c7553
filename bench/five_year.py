"""The realistic five-year site: what a busy township's database holds after five years of work.

``five_year_site(target_dir)`` puts a copy of it in ``target_dir`` (a data directory) and returns its
``DataPaths``. The first call builds it (several minutes) and caches it under
``~/.cache/gongkai-bench/`` (``GONGKAI_BENCH_CACHE`` overrides), keyed by a hash of this file and the
schema revision it holds, so later calls copy it in about a second (a checkout with a newer
migration copies and migrates the cached site once, it does not rebuild it). ``python -m bench.five_year`` builds or
refreshes the cache and prints what it holds.

Everything is written **through the services**, one user action at a time, with the clock moved
day by day over the five years that end today (fixed random seed): audit entries, outbox entries,
revisions, postings and disclosures are the real ones, and a real city platform (``server/`` on
SQLite, over loopback HTTP) receives the outbox every Friday as a workstation would, so acknowledged,
refused and queued entries are real too. What it holds (targets from issue 16; counts printed at the
end of a build):

- 3,000 notices from the 12 templates (about 40 % with a roster of 10–200 rows), each through 三审三校
  (≈15,000 review steps), published and posted on 1–3 of 29 boards (≈5,700 postings), taken down,
  expired; a few returned for revision, revised after approval or withdrawn; the last weeks still
  in review, **approved with several target boards not yet posted** (the Today crash of issue 16)
  and on boards past their take-down day;
- 1,500 information requests with the statutory workflow (corrections, consultations, extensions,
  answers of every type, archiving), the latest still open, a few overdue, and **one whose UUID ends
  in a digit run a masker may take for a mobile number** (…-913805318842);
- 500 events: a weekly counselling series and a monthly demonstration series each year, and single
  events with ≈6,300 registrations, closing reports, suggestions and adoption reports;
- a catalogue of ≈2,300 items (the bundled 283 plus generated city items, a new release each year)
  with its disclosures kept up to date each month;
- ≈57,000 audit entries; the database is ≈200 MB.

Times: the clock is a ``FixedClock`` the builder moves; the two places that stamp "now" without a
clock (``db.base.utcnow`` for audit entries and created/updated columns, and ``new_uuid`` for ids)
are pointed at the simulated clock and a seeded generator while the builder runs, so the data is
dated across the five years and reproducible. Nothing of the kind is patched outside the builder.

Usage:
    python -m bench.five_year [--refresh] [--scale 0.1] [--out DIR] [--no-platform]
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import heapq
import itertools
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid as uuidlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app import bootstrap  # noqa: E402
from app.clock import ZONE, Clock, FixedClock  # noqa: E402
from app.context import AppContext  # noqa: E402
from app.errors import GongkaiError  # noqa: E402
from app.events.values import QA, ClosingReport, EventDraft, Suggestion  # noqa: E402
from app.notices.values import NoticeDraft, Roster  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from app.policies.links import PolicyLink  # noqa: E402
from app.privacy.checks import id_check_char  # noqa: E402
from app.users import Role, StaffUser  # noqa: E402

SEED = 16
YEARS = 5
TARGETS = {"notices": 3000, "requests": 1500, "events": 500, "registrations": 6300, "catalogue": 2300}
BOARD_COUNT = 29
#: The request whose UUID ends in a run of digits that looks like a mobile number (issue 16).
PHONE_LIKE_UUID_TAIL = "913805318842"
CACHE_ENV = "GONGKAI_BENCH_CACHE"
MAX_AGE_DAYS = 7

# -- names and words ------------------------------------------------------------------------------------

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段"
GIVEN = "桂兰秀英建国志强玉梅海燕明亮立新德福长河凤英洪法玉兰丽娟文军凤霞德明海涛红梅建华玉芬秀珍国庆春生永刚淑珍桂芳素芬振华"
VILLAGES = [
    "唐王社区", "东唐村", "西营村", "山头店村", "东营村", "南河村", "北岭村", "前进社区", "大杨村", "老僧口村",
    "殷家村", "付家村", "郭家村", "娄家村", "洪家园村", "小寨村", "董家村", "孙家村", "王家庄", "山后村",
    "河套社区", "新兴社区", "马家村", "纸坊村", "寨子村", "前后屯村", "肖家村", "宋家村",
]  # fmt: skip
ISSUER = "历城区唐王街道办事处"
SUPERVISION = "0531-88123456"
CONTACTS = [
    "街道社会事务办 刘主任 0531-88123457",
    "街道党政办 0531-88123458",
    "街道征收办 陈科长 0531-88123470",
    "街道城市管理办 赵科长 0531-88123462",
    "街道经济发展办 孙科长 0531-88123466",
]
TOPICS = [
    "{y}年度老旧小区改造项目清单及资金安排", "{v}{y}年度集体土地流转合同", "{y}年冬季清洁取暖补贴发放标准",
    "{v}土地征收补偿安置方案及补偿标准", "{y}年中小学学区划分及招生政策", "{v}{y}年村级财务收支明细",
    "养老服务中心建设项目会议纪要", "{y}年度征兵工作安排", "{v}宅基地审批办理情况", "社区卫生服务站设置审批文件",
    "{y}年度惠民补贴发放名册（{v}部分）", "行政处罚决定书（{y}年第{n}号）", "{v}道路硬化工程招标文件",
    "{y}年农村人居环境整治资金使用情况", "建材市场摊位租赁合同", "{v}低保对象家庭收入核查材料",
]  # fmt: skip
ANSWER_WEIGHTS = {
    "disclose": 40, "partial": 12, "withhold_third_party": 5, "withhold_process": 5, "withhold_internal": 2,
    "not_exist": 12, "not_ours": 8, "needs_creation": 3, "reject_petition": 4, "reject_repeat": 3,
    "reject_publication": 2, "other": 2,
}  # fmt: skip
NOTES = {
    "disclose": "已提供复印件", "partial": "涉及他人个人信息的部分不予公开", "not_exist": "经检索本机关未制作该信息",
    "not_ours": "请向区有关部门申请", "withhold_third_party": "第三方书面不同意公开",
    "withhold_process": "属于过程性信息", "withhold_internal": "属于内部事务信息", "needs_creation": "需另行加工制作",
    "reject_petition": "已转信访渠道处理", "reject_repeat": "已就相同内容作出答复", "reject_publication": "可在公开出版物中获取",
    "other": "其他处理", "other_no_correction": "申请人逾期未补正",
}  # fmt: skip
# Template, weight, roster rows (lo, hi) or None.
NOTICE_MIX: list[tuple[str, int, tuple[int, int] | None]] = [
    ("dibao", 22, (10, 300)),
    ("tekun", 6, (3, 60)),
    ("elderly", 12, (5, 200)),
    ("village_affairs", 20, (5, 60)),
    ("land_pre", 4, None),
    ("land_compensation", 3, (10, 120)),
    ("housing", 2, None),
    ("school_enrolment", 3, (3, 12)),
    ("medical", 6, None),
    ("major_decision", 3, None),
    ("event", 9, None),
    ("general", 10, None),
]
STAFF: list[tuple[str, str, frozenset[Role]]] = [
    *bootstrap.DEMO_USERS,
    ("clerk2", "周窗口", frozenset({Role.CLERK})),
    ("clerk3", "吴窗口", frozenset({Role.CLERK})),
    ("reviewer1b", "郑初审", frozenset({Role.FIRST_REVIEWER, Role.CLERK})),
]
EVENT_TYPES = ["policy_interpretation", "open_day", "symposium", "survey", "other"]
ROOM = "唐王街道便民服务中心一楼政务公开专区"


# -- simulated time and ids while building ------------------------------------------------------------


@contextlib.contextmanager
def _simulated(clock: Clock, rng: random.Random, forced: list[str]) -> Iterator[None]:
    """Point ``db.base``'s "now" and UUIDs at the builder's clock and seeded generator.

    ``utcnow`` and ``new_uuid`` look ``datetime`` and ``uuid`` up in ``db.base``'s globals each call,
    so replacing those two globals redirects every column default and audit stamp. ``forced`` is a
    queue of UUIDs to hand out next (the phone-like one).
    """
    import db.base as base

    class _Datetime(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> datetime:  # type: ignore[override]
            return clock.now().astimezone(tz or UTC)

    class _Uuids:
        UUID = uuidlib.UUID

        @staticmethod
        def uuid4() -> uuidlib.UUID:
            if forced:
                return uuidlib.UUID(forced.pop(0))
            return uuidlib.UUID(int=rng.getrandbits(128), version=4)

    saved = base.datetime, base.uuid
    base.datetime, base.uuid = _Datetime, _Uuids  # type: ignore[misc,assignment]
    try:
        yield
    finally:
        base.datetime, base.uuid = saved  # type: ignore[misc]


# -- the platform the site syncs with -------------------------------------------------------------------


class _Platform:
    """The reference city platform on SQLite, served by uvicorn on loopback (a real process)."""

    def __init__(self, work: Path) -> None:
        import httpx
        from sqlalchemy.orm import sessionmaker

        from server import admin
        from server.store import init_db, make_engine

        self.work = work
        self.url_db = f"sqlite:///{work / 'platform.sqlite'}"
        engine = make_engine(self.url_db)
        init_db(engine)
        self._engine = engine
        self.sessions = sessionmaker(engine)
        with contextlib.closing(__import__("socket").socket()) as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "--db", self.url_db, "serve", "--port", str(port)],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.url = f"http://127.0.0.1:{port}"
        for _ in range(400):
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.05)
        else:
            self.stop()
            raise RuntimeError("the reference platform did not start")
        self.token = admin.add_site(
            self.sessions, bootstrap.DEMO_SITE["code"], bootstrap.DEMO_SITE["name"]
        ).token

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self._engine.dispose()
        shutil.rmtree(self.work, ignore_errors=True)


# -- the builder -----------------------------------------------------------------------------------------


@dataclass
class Stats:
    built_on: str = ""
    seconds: float = 0.0
    actions: Counter[str] = field(default_factory=Counter)
    refused: Counter[str] = field(default_factory=Counter)
    counts: dict[str, int] = field(default_factory=dict)
    size_bytes: int = 0
    sync_rounds: int = 0


class _Builder:
    def __init__(
        self, ctx: AppContext, clock: FixedClock, rng: random.Random, scale: float, end: datetime
    ) -> None:
        self.ctx = ctx
        self.clock = clock
        self.rng = rng
        self.scale = scale
        self.end = end
        self.cal = ctx.holidays.calendar()
        self.queue: list[tuple[datetime, int, Callable[[], None]]] = []
        self.counter = itertools.count()
        self.stats = Stats()
        self.users: dict[str, StaffUser] = {}
        self.boards: list[str] = []
        self.items: list[str] = []
        self.base_items: list[Any] = []
        self.forced_uuids: list[str] = []
        self.platform: _Platform | None = None
        self.request_no = 0

    # -- scheduling ----------------------------------------------------------------------------

    def at(self, when: datetime, fn: Callable[[], None]) -> None:
        if when <= self.end:
            heapq.heappush(self.queue, (when, next(self.counter), fn))

    def on(self, day: date, fn: Callable[[], None], hour: int | None = None) -> None:
        h = hour if hour is not None else self.rng.randint(8, 16)
        self.at(datetime.combine(day, dtime(h, self.rng.randint(0, 59)), ZONE), fn)

    def wd(self, day: date, n: int) -> date:
        """The ``n``-th working day after ``day`` (``n`` may be 0: ``day`` or the next working day)."""
        if n <= 0:
            while not self.cal.is_workday(day):
                day += timedelta(days=1)
            return day
        return self.cal.add(day, n).date

    def act(self, name: str, fn: Callable[[], Any]) -> Any:
        """One user action; a refusal by the service is counted (the site's rules hold), never forced."""
        try:
            result = fn()
        except GongkaiError as exc:
            self.stats.refused[name] += 1
            if self.stats.refused[name] <= 3:
                print(f"  refused {name}: {str(exc)[:160]}", file=sys.stderr)
            return None
        self.stats.actions[name] += 1
        return result

    def run(self) -> None:
        while self.queue:
            when, _, fn = heapq.heappop(self.queue)
            self.clock.set(when)
            fn()

    # -- set-up --------------------------------------------------------------------------------

    def setup(self, start: date, platform: bool) -> None:
        ctx = self.ctx
        bootstrap.initialise(ctx, **bootstrap.DEMO_SITE)
        self.cal = ctx.holidays.calendar()  # with the bundled holiday years just loaded
        for name, display, roles in STAFF:
            if ctx.users.get(name) is None:
                ctx.users.add(name, roles, bootstrap.DEMO_PASSWORD, display_name=display, actor="init")
            user = ctx.users.get(name)
            assert user is not None
            self.users[name] = user
        admin = self.users["admin"]
        for i in range(BOARD_COUNT):
            village = VILLAGES[i % len(VILLAGES)]
            kind = "screen" if i % 7 == 1 else "paper"
            name = f"{village}{'电子公开屏' if kind == 'screen' else '村务公开栏' if '村' in village else '居务公开栏'}"
            if i >= len(VILLAGES):
                name = f"唐王街道便民服务中心公开栏{i - len(VILLAGES) + 1}"
            self.boards.append(ctx.notices.add_board(name, village, actor=admin, medium=kind).uuid)
        self.base_items = [v.data for v in ctx.catalogue.items()]
        self.release(int(TARGETS["catalogue"] * 0.88 * self.scale), self.end.year - YEARS)
        if platform:
            self.platform = _Platform(
                Path(tempfile.mkdtemp(prefix="gk-platform-", dir=ctx.paths.root.parent))
            )
            ctx.sync.configure(self.platform.url, self.platform.token, actor="admin")
        self.stats.built_on = self.end.date().isoformat()

    # -- the five years ------------------------------------------------------------------------

    def plan(self, start: date) -> None:
        end_day = self.end.astimezone(ZONE).date()
        workdays = [
            start + timedelta(days=i)
            for i in range((end_day - start).days + 1)
            if self.cal.is_workday(start + timedelta(days=i))
        ]

        def spread(n: int) -> list[date]:
            return sorted(self.rng.choice(workdays) for _ in range(n))

        for day in spread(int(TARGETS["notices"] * self.scale)):
            self.on(day, lambda day=day: self.notice(day))
        requests = spread(int(TARGETS["requests"] * self.scale))
        middle = len(requests) // 2
        for i, day in enumerate(requests):
            self.on(day, lambda day=day, odd=(i == middle): self.request(day, odd))
        singles = int(TARGETS["events"] * self.scale) - 2 * YEARS
        for day in spread(max(0, singles)):
            self.on(day, lambda day=day: self.single_event(day))
        d = start
        while d <= end_day:
            if d.month == 1 and d.day == 4 or d == start:
                self.on(self.wd(d, 0), lambda d=d: self.series(d), hour=9)
                if d != start:
                    self.on(self.wd(d, 3), lambda d=d: self.catalogue_release(d.year), hour=10)
            # Midnight: what the window and the CLI do at start and at midnight.
            self.at(datetime.combine(d, dtime(0, 5), ZONE), self.midnight)
            if d.day == 25:
                self.on(self.wd(d, 0), self.keep_catalogue, hour=15)
            if d.weekday() == 4 and self.platform is not None:
                self.at(datetime.combine(d, dtime(17, 30), ZONE), self.sync)
            d += timedelta(days=1)
        if self.platform is not None:  # today's morning sync: what happened since stays queued
            self.at(datetime.combine(end_day, dtime(8, 0), ZONE), self.sync)

    def midnight(self) -> None:
        self.ctx.notices.expire_due()

    def sync(self) -> None:
        report = self.ctx.sync.run_once()
        self.stats.sync_rounds += 1
        if report.errors:
            print(f"  sync {self.clock.today()}: {report.errors[:2]}", file=sys.stderr)

    # -- notices -------------------------------------------------------------------------------

    def _people_rows(
        self, template: str, n: int, year: int
    ) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
        rng = self.rng

        def name() -> str:
            return (
                rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
            )

        def idn() -> str:
            born = date(1930, 1, 1) + timedelta(days=rng.randint(0, 365 * 75))
            first17 = f"370112{born:%Y%m%d}{rng.randint(0, 999):03d}"
            return first17 + id_check_char(first17)

        def phone() -> str:
            return f"1{rng.choice('3578')}{rng.randint(0, 999999999):09d}"

        cols: tuple[str, ...]
        if template == "dibao":
            cols = ("序号", "户主姓名", "身份证号", "所在村（社区）", "保障人口", "月保障金额", "联系电话")
            rows = [
                (
                    str(i),
                    name(),
                    idn(),
                    rng.choice(VILLAGES),
                    str(rng.randint(1, 5)),
                    f"{rng.randint(5, 25) * 100}元",
                    phone(),
                )
                for i in range(1, n + 1)
            ]
        elif template == "tekun":
            cols = ("序号", "姓名", "身份证号", "所在村（社区）", "供养方式")
            rows = [
                (str(i), name(), idn(), rng.choice(VILLAGES), rng.choice(("分散供养", "集中供养")))
                for i in range(1, n + 1)
            ]
        elif template == "elderly":
            cols = ("序号", "姓名", "身份证号", "所在村（社区）", "年龄", "月补贴标准")
            rows = [
                (
                    str(i),
                    name(),
                    idn(),
                    rng.choice(VILLAGES),
                    str(rng.randint(80, 101)),
                    rng.choice(("100元", "200元", "500元")),
                )
                for i in range(1, n + 1)
            ]
        elif template == "village_affairs":
            cols = ("序号", "事项", "金额（元）", "说明")
            things = (
                "村内道路硬化维修",
                "集体土地租赁收入",
                "困难群众慰问",
                "办公经费",
                "保洁员工资",
                "路灯电费",
                "水利设施维护",
            )
            rows = [
                (
                    str(i),
                    rng.choice(things),
                    f"{rng.randint(100, 200000)}.00",
                    rng.choice(("经村民代表会议通过", "收入", "支出", "")) or "—",
                )
                for i in range(1, n + 1)
            ]
        elif template == "land_compensation":
            cols = ("序号", "权利人", "地类", "面积（亩）", "补偿金额（元）")
            rows = [
                (
                    str(i),
                    name(),
                    rng.choice(("耕地", "园地", "林地", "宅基地")),
                    f"{rng.randint(1, 80) / 10:.1f}",
                    str(rng.randint(5, 300) * 1000),
                )
                for i in range(1, n + 1)
            ]
        else:  # school_enrolment
            cols = ("学校", "招生范围（学区）", "招生计划")
            rows = [
                (f"唐王街道第{i}小学", "、".join(rng.sample(VILLAGES, 3)), f"{rng.randint(2, 8)}个班")
                for i in range(1, n + 1)
            ]
        return cols, tuple(rows)

    def _notice_draft(self, day: date) -> NoticeDraft:
        rng = self.rng
        template, _, roster_size = rng.choices(NOTICE_MIX, weights=[w for _, w, _ in NOTICE_MIX])[0]
        start = self.wd(day, rng.randint(4, 9))
        minimum = {
            "dibao": 7,
            "tekun": 7,
            "elderly": 7,
            "land_compensation": 30,
            "housing": 30,
            "major_decision": 30,
        }
        if template == "land_pre":
            end = self.cal.add(start - timedelta(days=1), 10 + rng.randint(0, 3)).date
        else:
            end = start + timedelta(days=minimum.get(template, 7) - 1 + rng.randint(0, 8))
        village = rng.choice(VILLAGES)
        quarter = (day.month - 1) // 3 + 1
        title = {
            "dibao": f"唐王街道关于{day.year}年第{rng.randint(1, 12)}批城乡最低生活保障拟保障对象的公示",
            "tekun": f"唐王街道关于{day.year}年拟认定特困人员救助供养对象的公示",
            "elderly": f"唐王街道关于{day.year}年第{quarter}季度新增高龄津贴发放对象的公示",
            "village_affairs": f"{village}{day.year}年第{quarter}季度村务财务公开",
            "land_pre": f"关于{village}拟征收土地的预公告",
            "land_compensation": f"关于{village}地块征地补偿安置方案的公告",
            "housing": f"关于{village}片区改造补偿方案征求意见的公告",
            "school_enrolment": f"关于{day.year}年义务教育学校招生工作的公告",
            "medical": f"关于开展{day.year}年{rng.choice(('流感疫苗', '老年人健康体检', '家庭医生签约', '两癌筛查'))}服务的公告",
            "major_decision": f"关于《唐王街道{rng.choice(('农村人居环境整治', '老旧小区改造', '养老服务设施布局'))}实施方案（征求意见稿）》公开征求意见的公告",
            "event": f"关于举办“{rng.choice(('政府开放日', '政策解读会', '惠民政策宣讲'))}”活动的公告",
            "general": f"关于{rng.choice(('冬季清洁取暖', '秸秆禁烧', '防汛', '森林防火', '燃气安全'))}有关事项的公告",
        }[template]
        body = (
            f"根据有关规定，现将{title.removeprefix('关于').removesuffix('的公示').removesuffix('的公告')}有关事项予以"
            f"{'公示' if '公示' in title else '公告'}，接受社会监督。\n\n"
            + "\n\n".join(
                f"{'一二三四五'[k]}、{rng.choice(('工作依据', '实施范围', '办理流程', '有关要求', '联系方式'))}："
                + "……" * rng.randint(5, 40)
                for k in range(rng.randint(1, 4))
            )
        )
        roster = None
        if roster_size is not None:
            lo, hi = roster_size
            cols, rows = self._people_rows(template, int(lo + (hi - lo) * rng.random() ** 1.5), day.year)
            roster = Roster(cols, rows)
        boards = tuple(rng.sample(self.boards, rng.choices((1, 2, 3), weights=(30, 45, 25))[0]))
        items = tuple(rng.sample(self.items, rng.randint(1, 2))) if rng.random() < 0.4 else ()
        return NoticeDraft(
            template=template,
            title=title,
            body=body,
            period_start=start,
            period_end=end,
            issuer=village + "村民委员会" if template == "village_affairs" else ISSUER,
            contact=rng.choice(CONTACTS),
            roster=roster,
            supervision_phone=SUPERVISION,
            objection_channel="如有异议，请于公示期内以书面、电话或来访形式向街道社会事务办公室反映。",
            catalogue_item_uuids=items,
            target_board_uuids=boards,
        )

    def notice(self, day: date) -> None:
        rng, svc = self.rng, self.ctx.notices
        author = self.users[rng.choice(("clerk", "clerk", "clerk2", "clerk3", "admin"))]
        draft = self._notice_draft(day)
        late_submit = rng.random() < 0.1
        n = self.act("notice.create", lambda: svc.create(draft, actor=author, submit=not late_submit))
        if n is None:
            return
        if late_submit:
            self.on(self.wd(day, 1), lambda: self._submit(n.uuid, author, day))
        else:
            self._chain(n.uuid, author, day, draft)

    def _submit(self, uuid: str, author: StaffUser, day: date) -> None:
        if self.act("notice.submit", lambda: self.ctx.notices.submit(uuid, actor=author)) is not None:
            self._chain(uuid, author, self.clock.today(), None)

    def _chain(self, uuid: str, author: StaffUser, day: date, draft: NoticeDraft | None) -> None:
        rng, svc = self.rng, self.ctx.notices
        first = self.users[rng.choice(("reviewer1", "reviewer1", "reviewer1b"))]

        def step(reviewer: StaffUser, then: Callable[[], None], **kw: Any) -> Callable[[], None]:
            def run() -> None:
                if rng.random() < 0.04 and not kw:
                    # Returned for revision: the author fixes it and submits again.
                    if self.act(
                        "notice.return",
                        lambda: svc.review(
                            uuid,
                            actor=reviewer,
                            decision="return",
                            opinion="请核对名单和公示期限后重新提交。",
                        ),
                    ):
                        self.on(self.wd(self.clock.today(), 1), lambda: self._revise(uuid, author))
                    return
                if self.act(
                    "notice.review",
                    lambda: svc.review(uuid, actor=reviewer, decision="approve", opinion="同意。", **kw),
                ):
                    then()

            return run

        def final_done() -> None:
            self._after_approval(uuid, author)

        def second() -> None:
            self.on(
                self.wd(self.clock.today(), rng.randint(0, 1)),
                step(self.users["reviewer3"], final_done, confidentiality_checked=True),
            )

        def first_done() -> None:
            self.on(self.wd(self.clock.today(), rng.randint(0, 1)), step(self.users["reviewer2"], second))

        self.on(self.wd(day, rng.randint(0, 1) or 1), step(first, first_done))

    def _revise(self, uuid: str, author: StaffUser) -> None:
        svc = self.ctx.notices
        current = svc.get(uuid)
        today = self.clock.today()
        data = current.draft
        if data.period_start <= self.wd(today, 2):
            shift = (self.wd(today, 4) - data.period_start).days
            data = NoticeDraft(
                **{
                    **data.__dict__,
                    "period_start": data.period_start + timedelta(days=shift),
                    "period_end": data.period_end + timedelta(days=shift),
                }
            )
        if self.act("notice.update", lambda: svc.update(uuid, data, actor=author)):
            self._submit(uuid, author, today)

    def _after_approval(self, uuid: str, author: StaffUser) -> None:
        rng, svc = self.rng, self.ctx.notices
        n = svc.get(uuid)
        clerk = self.users[rng.choice(("clerk", "clerk2", "clerk3"))]
        post_day = max(n.period_start, self.clock.today())
        if post_day > n.period_end:
            return
        for board in n.target_board_uuids:
            if rng.random() < 0.97:
                self.on(
                    post_day,
                    lambda board=board: self._post(uuid, board, clerk, n.period_end),
                    hour=rng.randint(9, 11),
                )
        self.on(post_day, lambda: self._publish(uuid, author), hour=8)
        if rng.random() < 0.5:
            self.on(
                post_day,
                lambda: self.act(
                    "notice.print",
                    lambda: svc.record_print(uuid, actor=clerk, copies=len(n.target_board_uuids)),
                ),
                hour=8,
            )
        if rng.random() < 0.01:
            admin = self.users["admin"]
            self.on(
                post_day + timedelta(days=2),
                lambda: self.act(
                    "notice.withdraw",
                    lambda: svc.withdraw(uuid, actor=admin, reason="公示内容有误，更正后重新公示"),
                ),
            )
        elif rng.random() < 0.02:
            self.on(self.wd(post_day, 1), lambda: self._revise(uuid, author))

    def _publish(self, uuid: str, author: StaffUser) -> None:
        self.act("notice.publish", lambda: self.ctx.notices.publish(uuid, actor=author))

    def _post(self, uuid: str, board: str, clerk: StaffUser, period_end: date) -> None:
        photo = None
        if self.rng.random() < 0.05:
            photo = Path(self.ctx.paths.root) / "tmp-photo.jpg"
            photo.write_bytes(b"\xff\xd8\xff\xe0" + self.rng.randbytes(2048) + b"\xff\xd9")
        p = self.act(
            "notice.post", lambda: self.ctx.notices.record_posting(uuid, board, actor=clerk, photo=photo)
        )
        if photo is not None:
            photo.unlink(missing_ok=True)
        if p is None:
            return
        down = period_end + timedelta(days=1 + self.rng.choices((0, 1, 2, 5), weights=(60, 25, 10, 5))[0])
        self.on(
            self.wd(down, 0),
            lambda: self.act("notice.take_down", lambda: self.ctx.notices.take_down(p.uuid, actor=clerk)),
        )

    # -- requests ------------------------------------------------------------------------------

    def request(self, day: date, phone_like_uuid: bool) -> None:
        rng, svc = self.rng, self.ctx.requests
        clerk = self.users[rng.choice(("clerk", "clerk2", "clerk3"))]
        signer = self.users[rng.choice(("reviewer3", "reviewer3", "admin"))]
        self.request_no += 1
        kind = rng.choices(
            ["natural_person", "commercial", "research", "public_interest", "legal_service", "other_org"],
            weights=(70, 12, 4, 4, 6, 4),
        )[0]
        channel = rng.choices(
            ["in_person", "signed_post", "ordinary_letter", "online", "fax"], weights=(50, 15, 8, 25, 2)
        )[0]
        village = rng.choice(VILLAGES)
        topic = rng.choice(TOPICS).format(y=day.year - rng.randint(0, 2), v=village, n=rng.randint(1, 40))
        person = kind == "natural_person"
        name = (
            rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
            if person
            else f"济南{rng.choice(('唐冶建材', '历城农业发展', '泉城商贸', '鲁东物流'))}有限公司"
        )
        first17 = f"370112{1950 + rng.randint(0, 50)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
        arrived = day - timedelta(days=1) if channel == "ordinary_letter" else day
        confirmed = day if channel in ("ordinary_letter", "online", "fax") else None
        if phone_like_uuid:
            self.forced_uuids.append(
                f"{rng.getrandbits(32):08x}-{rng.getrandbits(16):04x}-4{rng.getrandbits(12):03x}-a{rng.getrandbits(12):03x}-{PHONE_LIKE_UUID_TAIL}"
            )
        d = self.act(
            "request.intake",
            lambda: svc.intake(
                actor=clerk,
                channel=channel,
                arrived_on=arrived,
                confirmed_on=confirmed,
                applicant_kind=kind,
                applicant_name=name,
                contact_person="" if person else rng.choice(SURNAMES) + "经理",
                id_number=first17 + id_check_char(first17)
                if person
                else f"91370112MA3C{self.request_no:04d}X8",
                phone=f"1{rng.choice('3578')}{rng.randint(0, 999999999):09d}",
                address=f"济南市历城区唐王街道{village}{rng.randint(1, 200)}号" if person else "",
                description=f"申请公开{topic}",
                form=rng.choice(("paper", "paper", "electronic")),
                delivery=rng.choice(("pickup", "post", "email")),
            ),
        )
        if d is None:
            return
        uuid = d.uuid
        received = d.summary.received_on
        ok = lambda name, fn: self.act(name, fn) is not None  # noqa: E731
        roll = rng.random()
        if roll < 0.08:  # a correction notice
            on = self.wd(received, rng.randint(1, 5))

            def correction() -> None:
                if not ok(
                    "request.correction",
                    lambda: svc.request_correction(
                        uuid,
                        items="请写明所需政府信息的名称、文号或者便于查询的特征性描述",
                        actor=clerk,
                        on=self.clock.today(),
                    ),
                ):
                    return
                if rng.random() < 0.7:
                    back = self.wd(self.clock.today(), rng.randint(3, 12))
                    self.on(
                        back,
                        lambda: (
                            ok(
                                "request.receive_correction",
                                lambda: svc.receive_correction(uuid, actor=clerk, on=self.clock.today()),
                            )
                            and self._work(uuid, clerk, signer, self.clock.today(), rng.random())
                        ),
                    )
                else:
                    late = self.wd(self.clock.today(), 17)
                    self.on(
                        late,
                        lambda: (
                            ok(
                                "request.answer",
                                lambda: svc.answer(
                                    uuid,
                                    answer_type="other_no_correction",
                                    actor=signer,
                                    note=NOTES["other_no_correction"],
                                    on=self.clock.today(),
                                ),
                            )
                            and self._archive(uuid, clerk)
                        ),
                    )

            self.on(on, correction)
            return
        self.on(
            self.wd(received, 1),
            lambda: (
                ok("request.register", lambda: svc.transition(uuid, "registered", actor=clerk))
                and self._work(uuid, clerk, signer, self.clock.today(), rng.random())
            ),
        )

    def _work(self, uuid: str, clerk: StaffUser, signer: StaffUser, day: date, roll: float) -> None:
        rng, svc = self.rng, self.ctx.requests
        ok = lambda name, fn: self.act(name, fn) is not None  # noqa: E731
        start = self.wd(day, rng.randint(0, 2))
        answer_after = rng.choices(
            (rng.randint(3, 12), rng.randint(13, 19), rng.randint(22, 30)), weights=(60, 37, 3)
        )[0]
        answer_type = rng.choices(list(ANSWER_WEIGHTS), weights=list(ANSWER_WEIGHTS.values()))[0]

        def answer() -> None:
            if ok("request.sign_off", lambda: svc.transition(uuid, "sign_off", actor=clerk)):
                self.on(
                    self.wd(self.clock.today(), 1),
                    lambda: (
                        ok(
                            "request.answer",
                            lambda: svc.answer(
                                uuid,
                                answer_type=answer_type,
                                actor=signer,
                                note=NOTES[answer_type],
                                pages=rng.choice((0, 0, 3, 12, 45)),
                            ),
                        )
                        and self._archive(uuid, clerk)
                    ),
                )

        def progress() -> None:
            if not ok("request.in_progress", lambda: svc.transition(uuid, "in_progress", actor=clerk)):
                return
            if roll < 0.06:
                cons = self.wd(self.clock.today(), rng.randint(1, 3))
                self.on(
                    cons,
                    lambda: (
                        ok(
                            "request.consult",
                            lambda: svc.start_consultation(
                                uuid,
                                party=f"{rng.choice(VILLAGES)}村民委员会及相关当事人",
                                reason="涉及第三方合法权益",
                                actor=clerk,
                                on=self.clock.today(),
                            ),
                        )
                        and self.on(
                            self.wd(self.clock.today(), rng.randint(4, 14)),
                            lambda: (
                                ok(
                                    "request.consult_end",
                                    lambda: svc.end_consultation(
                                        uuid,
                                        actor=clerk,
                                        outcome=rng.choice(("同意公开", "不同意公开")),
                                        on=self.clock.today(),
                                    ),
                                )
                                and self.on(self.wd(self.clock.today(), rng.randint(1, 4)), answer)
                            ),
                        )
                    ),
                )
                return
            if roll < 0.10:
                ext = self.wd(start, 15)
                self.on(
                    ext,
                    lambda: (
                        ok(
                            "request.extend",
                            lambda: svc.extend(
                                uuid,
                                days=rng.randint(10, 20),
                                reason="所需信息涉及多年档案，需调档汇总核对",
                                approver=signer,
                            ),
                        )
                        and self.on(self.wd(self.clock.today(), rng.randint(5, 15)), answer)
                    ),
                )
                return
            self.on(self.wd(start, answer_after), answer)

        self.on(start, progress)

    def _archive(self, uuid: str, clerk: StaffUser) -> bool:
        if self.rng.random() < 0.75:
            self.on(
                self.clock.today() + timedelta(days=self.rng.randint(3, 40)),
                lambda: self.act(
                    "request.archive", lambda: self.ctx.requests.transition(uuid, "archived", actor=clerk)
                ),
            )
        return True

    # -- events --------------------------------------------------------------------------------

    def series(self, day: date) -> None:
        ev, admin = self.ctx.events, self.users["admin"]
        year_end = date(day.year, 12, 31)
        tuesday = day + timedelta(days=(1 - day.weekday()) % 7)
        weekly = self.act(
            "event.create",
            lambda: ev.create(
                admin,
                EventDraft(
                    type_key="policy_counselling",
                    title=f"{day.year}年每周二综合政策辅导（社保、医保、养老服务）",
                    start=datetime.combine(tuesday, dtime(9), ZONE),
                    end=datetime.combine(tuesday, dtime(11), ZONE),
                    place=ROOM,
                    rrule=f"FREQ=WEEKLY;BYDAY=TU;UNTIL={year_end:%Y%m%d}",
                    host="唐王街道社会事务办公室",
                    speakers=("社保所 刘洪涛",),
                    audience="辖区居民",
                ),
            ),
        )
        thursday = day.replace(day=1) + timedelta(days=(3 - day.replace(day=1).weekday()) % 7 + 7)
        self.act(
            "event.create",
            lambda: ev.create(
                admin,
                EventDraft(
                    type_key="procedure_demonstration",
                    title=f"{day.year}年办事流程演示（每月第二个周四）",
                    start=datetime.combine(thursday, dtime(14, 30), ZONE),
                    end=datetime.combine(thursday, dtime(15, 30), ZONE),
                    place=ROOM,
                    rrule="FREQ=MONTHLY;BYDAY=2TH;COUNT=11",
                    host="唐王街道便民服务中心",
                ),
            ),
        )
        if weekly is not None:
            # Holidays: the Tuesdays that fall on a day off are dropped.
            d = tuesday
            while d <= year_end:
                if not self.cal.is_workday(d) and d > day:
                    self.on(
                        day,
                        lambda d=d: self.act(
                            "event.cancel_occurrence",
                            lambda: ev.cancel_occurrence(
                                admin, weekly.uuid, datetime.combine(d, dtime(9), ZONE)
                            ),
                        ),
                        hour=10,
                    )
                d += timedelta(days=7)
        for type_key, target in (
            ("policy_interpretation", 6),
            ("policy_counselling", 40),
            ("procedure_demonstration", 12),
            ("open_day", 2),
            ("survey", 5),
        ):
            self.act(
                "event.target",
                lambda type_key=type_key, target=target: ev.set_target(admin, day.year, type_key, target),
            )

    def single_event(self, day: date) -> None:
        rng, ev, admin = self.rng, self.ctx.events, self.users["admin"]
        type_key = rng.choices(EVENT_TYPES, weights=(35, 20, 15, 20, 10))[0]
        held = self.wd(day, rng.randint(8, 25))
        start = datetime.combine(held, dtime(rng.choice((9, 10, 14, 15)), rng.choice((0, 30))), ZONE)
        capacity = rng.choice((20, 30, 40, 60)) if rng.random() < 0.75 else None
        topic = rng.choice(
            (
                "城乡居民医保",
                "老旧小区改造",
                "高龄津贴",
                "农村人居环境整治",
                "义务教育入学",
                "清洁取暖补贴",
                "退役军人优待",
            )
        )
        e = self.act(
            "event.create",
            lambda: ev.create(
                admin,
                EventDraft(
                    type_key=type_key,
                    title=f"{topic}{ {'policy_interpretation': '政策解读', 'open_day': '政府开放日', 'symposium': '座谈会', 'survey': '问卷调查', 'other': '宣传活动'}[type_key] }",
                    start=start,
                    end=start + timedelta(minutes=rng.choice((60, 90, 120))),
                    place=rng.choice(
                        (ROOM, "唐王街道办事处三楼会议室", f"{rng.choice(VILLAGES)}党群服务中心")
                    ),
                    description=f"围绕{topic}相关政策开展活动，现场答疑。",
                    host="唐王街道办事处",
                    audience="辖区居民",
                    capacity=capacity,
                    policy_links=(PolicyLink("", f"{topic}实施办法"),)
                    if type_key in ("policy_interpretation", "symposium")
                    else (),
                ),
            ),
        )
        if e is None:
            return
        if capacity is not None:
            people = int(rng.triangular(3, capacity * 0.9, capacity * 0.6) * 0.95)
            for _ in range(people):
                when = day + timedelta(days=rng.randint(1, max(1, (held - day).days - 1)))
                self.on(
                    self.wd(when, 0) if self.wd(when, 0) < held else day,
                    lambda: self._register(e.uuid),
                    hour=rng.randint(8, 16),
                )
        if rng.random() < 0.04:
            self.on(
                held - timedelta(days=2),
                lambda: self.act(
                    "event.cancel", lambda: ev.cancel(admin, e.uuid, "因天气原因取消，另行通知")
                ),
            )
            return
        clerk = self.users["clerk"]
        self.at(
            start + timedelta(hours=3), lambda: self.act("event.held", lambda: ev.mark_held(clerk, e.uuid))
        )
        if rng.random() < 0.93:
            self.on(self.wd(held, rng.randint(1, 3)), lambda: self._close(e.uuid))

    def _register(self, uuid: str) -> None:
        rng = self.rng
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
        reg = self.act(
            "event.register",
            lambda: self.ctx.events.register(
                self.users["clerk"],
                uuid,
                name,
                f"1{rng.choice('3578')}{rng.randint(0, 999999999):09d}",
                rng.choice(("群众代表", "群众代表", "义务监督员", "企业代表", "")),
            ),
        )
        if reg is not None and rng.random() < 0.04:
            self.act(
                "event.cancel_registration",
                lambda: self.ctx.events.cancel_registration(self.users["clerk"], reg.uuid),
            )

    def _close(self, uuid: str) -> None:
        rng, ev, admin = self.rng, self.ctx.events, self.users["admin"]
        suggestions = tuple(
            Suggestion(
                rng.choice(
                    (
                        "希望延长专区开放时间。",
                        "建议把政策要点做成图解。",
                        "希望增加村里的宣讲场次。",
                        "建议公示栏加装照明。",
                    )
                ),
                outcome,
                "" if outcome == "adopted" else "受条件限制，暂不具备实施条件，将在下一阶段研究。",
                rng.choice(SURNAMES) + rng.choice(GIVEN),
            )
            for outcome in rng.choices(("adopted", "partly", "not_adopted"), k=rng.choice((0, 0, 1, 2, 3)))
        )
        closed = self.act(
            "event.close",
            lambda: ev.close(
                admin,
                uuid,
                ClosingReport(
                    attendance=rng.randint(8, 60),
                    qa=(QA("补贴什么时候发放？", "审核通过后按月发放到社保卡。"),)
                    if rng.random() < 0.6
                    else (),
                    suggestions=suggestions,
                    summary="活动按计划举办，群众反映良好。",
                ),
            ),
        )
        if closed is not None and suggestions and rng.random() < 0.9:
            self.on(
                self.wd(self.clock.today(), rng.randint(2, 9)),
                lambda: self.act("event.publish_adoption", lambda: ev.publish_adoption(admin, uuid)),
            )

    # -- catalogue -----------------------------------------------------------------------------

    def release(self, total: int, year: int) -> None:
        """A city catalogue release of ``total`` items: the bundled ones, generated village items, and
        this year's wording changes to a few (new revisions through the real importer)."""
        from app.catalogue import files, layout
        from app.catalogue.model import ItemData
        from bench.fixtures import variants

        items = self.base_items + variants(self.base_items, max(0, total - len(self.base_items)))
        items = [
            ItemData(**{**d.__dict__, "content": d.content + f"（{year}年修订）"})
            if i % 41 == year % 41
            else d
            for i, d in enumerate(items)
        ]
        path = Path(self.ctx.paths.root) / "release.csv"
        files.write_csv(path, layout.export_rows(items))
        self.act(
            "catalogue.release",
            lambda: self.ctx.catalogue.import_file(
                path, actor="admin", origin="city", source=f"市级目录 {year} 年版"
            ),
        )
        path.unlink()
        self.items = [v.uuid for v in self.ctx.catalogue.items()]

    def catalogue_release(self, year: int) -> None:
        grow = int(TARGETS["catalogue"] * 0.12 * self.scale / (YEARS - 1))
        self.release(len(self.items) + grow, year)

    def keep_catalogue(self) -> None:
        """Once a month the clerk records what was disclosed for the items due (most of them)."""
        cat, today = self.ctx.catalogue, self.clock.today()
        for entry in cat.compliance(today, within_workdays=5):
            if self.rng.random() < 0.93:
                self.act(
                    "catalogue.disclose",
                    lambda entry=entry: cat.record_disclosure(
                        entry.item.uuid, on=today, channel="政府网站", actor="clerk"
                    ),
                )


# -- the end state a benchmark needs, whatever the random days gave -----------------------------------------


def _finish(b: _Builder) -> None:
    """Today's shapes that must exist: notices approved with several target boards not yet posted."""
    svc, clerk = b.ctx.notices, b.users["clerk"]
    today = b.clock.today()
    for k in range(3):
        draft = b._notice_draft(today)
        draft = NoticeDraft(
            **{
                **draft.__dict__,
                "period_start": b.wd(today, 2 + k),
                "period_end": b.wd(today, 2 + k) + timedelta(days=14),
                "target_board_uuids": tuple(b.rng.sample(b.boards, 3 + k)),
            }
        )
        n = b.act("notice.create", lambda draft=draft: svc.create(draft, actor=clerk, submit=True))
        if n is None:
            continue
        b.act("notice.review", lambda n=n: svc.review(n.uuid, actor=b.users["reviewer1"], decision="approve"))
        b.act("notice.review", lambda n=n: svc.review(n.uuid, actor=b.users["reviewer2"], decision="approve"))
        b.act(
            "notice.review",
            lambda n=n: svc.review(
                n.uuid, actor=b.users["reviewer3"], decision="approve", confidentiality_checked=True
            ),
        )


def _count(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        tables = [
            "notice", "notice_review", "posting", "board", "info_request", "event", "event_registration",
            "catalogue_item", "catalogue_disclosure", "audit_entry", "outbox_entry", "sync_row",
        ]  # fmt: skip
        out = {t: int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}  # noqa: S608
        out.update(
            {
                f"outbox_{status}": int(n)
                for status, n in con.execute("SELECT status, count(*) FROM outbox_entry GROUP BY status")
            }
        )
        out["outbox_payload_bytes"] = int(
            con.execute("SELECT sum(length(payload)) FROM outbox_entry").fetchone()[0] or 0
        )
        out["roster_bytes"] = int(
            con.execute("SELECT sum(length(roster_json)) FROM notice").fetchone()[0] or 0
        )
        return out
    finally:
        con.close()


def build(
    root: Path, *, scale: float = 1.0, seed: int = SEED, platform: bool = True, verbose: bool = True
) -> Stats:
    """Build the site into the (new, empty) data directory ``root``; returns what was done."""
    t0 = time.perf_counter()
    end = datetime.now(UTC)
    end_day = end.astimezone(ZONE).date()
    start = end_day.replace(year=end_day.year - YEARS) + timedelta(days=1)
    rng = random.Random(seed)
    clock = FixedClock(datetime.combine(start, dtime(8, 0), ZONE))
    paths = DataPaths(root).ensure()
    forced: list[str] = []
    with _simulated(clock, random.Random(seed + 1), forced):
        ctx = AppContext.open(paths, clock=clock)
        b = _Builder(ctx, clock, rng, scale, end)
        b.forced_uuids = forced
        try:
            b.setup(start, platform)
            b.plan(start)
            if verbose:
                print(f"planned {len(b.queue)} first steps from {start} to {end_day}", file=sys.stderr)
            last_report = time.perf_counter()
            while b.queue:
                when, _, fn = heapq.heappop(b.queue)
                b.clock.set(when)
                fn()
                if verbose and time.perf_counter() - last_report > 30:
                    last_report = time.perf_counter()
                    print(
                        f"  {when.astimezone(ZONE):%Y-%m-%d}: {sum(b.stats.actions.values())} actions, "
                        f"{time.perf_counter() - t0:.0f} s",
                        file=sys.stderr,
                    )
            b.clock.set(end)
            _finish(b)
            ctx.notices.expire_due()
            if b.platform is not None:
                # The platform is gone once the build ends; point the site at a closed port so the
                # window's sync attempts fail at once (the queued entries stay queued).
                ctx.sync.configure("http://127.0.0.1:9", b.platform.token, actor="admin")
        finally:
            if b.platform is not None:
                b.platform.stop()
            ctx.close()
    stats = b.stats
    stats.seconds = time.perf_counter() - t0
    con = sqlite3.connect(paths.database)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    stats.counts = _count(paths.database)
    stats.size_bytes = paths.database.stat().st_size
    return stats


# -- the cache -------------------------------------------------------------------------------------------


def builder_key() -> str:
    """A hash of this builder's source and of the catalogue generator it uses."""
    h = hashlib.sha256()
    for path in (Path(__file__), ROOT / "bench" / "fixtures.py"):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def cache_root() -> Path:
    return Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "gongkai-bench")


def _revision(db: Path) -> str:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return str(con.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        con.close()


def _known_revisions() -> tuple[set[str], str]:
    """This checkout's migration revisions and its head (read from the files)."""
    from db import migrate

    (head,) = migrate.script_heads()
    return migrate.known_revisions(), head


def _fresh(folder: Path, max_age_days: int) -> bool:
    meta = folder / "meta.json"
    if not meta.exists() or not (folder / "gongkai.sqlite").exists():
        return False
    built = date.fromisoformat(json.loads(meta.read_text())["built_on"])
    return (Clock().today() - built).days <= max_age_days


def _store(base: Path, site: Path, meta: dict[str, Any]) -> Path:
    """Move a built (or migrated) site into the cache as ``five-year-<builder>-<revision>``."""
    folder = base / f"five-year-{builder_key()}-{_revision(site / 'gongkai.sqlite')}"
    staged = base / f".staging-{os.getpid()}"
    shutil.rmtree(staged, ignore_errors=True)
    shutil.copytree(site, staged, ignore=shutil.ignore_patterns("backups", "logs", "output"))
    (staged / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1))
    shutil.rmtree(folder, ignore_errors=True)
    staged.rename(folder)
    return folder


def cached_site(*, refresh: bool = False, max_age_days: int = MAX_AGE_DAYS, verbose: bool = True) -> Path:
    """The cached site of this builder at this checkout's schema, made under a lock if needed.

    Caches are keyed by the builder's hash and the schema revision they hold. A cache at an older
    revision of this checkout (a branch added a migration) is copied and migrated (seconds), never
    rebuilt; a cache at a revision this checkout does not know (another branch's) is left alone.
    """
    base = cache_root()
    base.mkdir(parents=True, exist_ok=True)
    known, head = _known_revisions()
    scratch_parent = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    with open(base / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        exact = base / f"five-year-{builder_key()}-{head}"
        if not refresh and _fresh(exact, max_age_days):
            return exact
        older = [
            f
            for f in sorted(
                base.glob(f"five-year-{builder_key()}-*"), key=lambda f: f.stat().st_mtime, reverse=True
            )
            if f.name.rsplit("-", 1)[-1] in known and _fresh(f, max_age_days)
        ]
        with tempfile.TemporaryDirectory(prefix="gk-five-year-", dir=scratch_parent) as tmp:
            site = Path(tmp) / "site"
            if older and not refresh:
                shutil.copytree(older[0], site, ignore=shutil.ignore_patterns("meta.json"))
                AppContext.open(DataPaths(site)).close()  # migrate to this checkout's head
                meta = json.loads((older[0] / "meta.json").read_text())
                meta["migrated_from"] = older[0].name
            else:
                stats = build(site, verbose=verbose)
                meta = {
                    "built_on": stats.built_on,
                    "seconds": round(stats.seconds),
                    "seed": SEED,
                    "counts": stats.counts,
                    "size_bytes": stats.size_bytes,
                    "actions": dict(stats.actions),
                    "refused": dict(stats.refused),
                    "sync_rounds": stats.sync_rounds,
                }
            folder = _store(base, site, meta)
        for old in base.glob("five-year-*"):
            if old != folder and old.is_dir() and (time.time() - old.stat().st_mtime) > 86400 * 30:
                shutil.rmtree(old, ignore_errors=True)
    return folder


def five_year_site(target_dir: Path, *, refresh: bool = False) -> DataPaths:
    """A private copy of the five-year site in ``target_dir`` (created; must not hold a database)."""
    source = cached_site(refresh=refresh)
    paths = DataPaths(Path(target_dir)).ensure()
    if paths.database.exists():
        raise FileExistsError(f"{paths.database} already exists")
    shutil.copyfile(source / "gongkai.sqlite", paths.database)
    if (source / "blobs").exists():
        shutil.copytree(source / "blobs", paths.blobs, dirs_exist_ok=True)
    return paths


def describe(folder: Path) -> str:
    meta = json.loads((folder / "meta.json").read_text())
    c = meta["counts"]
    return (
        f"five-year site {folder} (built {meta['built_on']} in {meta['seconds']} s, seed {meta['seed']}):\n"
        f"  notices {c['notice']}, review steps {c['notice_review']}, postings {c['posting']} on {c['board']} boards\n"
        f"  requests {c['info_request']}, events {c['event']} with {c['event_registration']} registrations\n"
        f"  catalogue items {c['catalogue_item']}, disclosures {c['catalogue_disclosure']}\n"
        f"  audit entries {c['audit_entry']}, outbox {c['outbox_entry']} "
        f"({', '.join(f'{k[7:]} {v}' for k, v in c.items() if k.startswith('outbox_') and k != 'outbox_payload_bytes')}; "
        f"payloads {c['outbox_payload_bytes'] / 1e6:.0f} MB), mirror rows {c['sync_row']}\n"
        f"  rosters {c['roster_bytes'] / 1e6:.1f} MB; database {meta['size_bytes'] / 1e6:.0f} MB; "
        f"{meta['sync_rounds']} sync rounds; refused actions: {meta['refused'] or 'none'}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--refresh", action="store_true", help="rebuild the cache even if it is fresh")
    parser.add_argument("--scale", type=float, default=1.0, help="build a smaller site into --out (no cache)")
    parser.add_argument("--out", type=Path, help="build into this new data directory instead of the cache")
    parser.add_argument("--no-platform", action="store_true", help="with --out: no platform, nothing synced")
    args = parser.parse_args()
    if args.out is not None:
        stats = build(args.out, scale=args.scale, platform=not args.no_platform)
        print(
            json.dumps(
                {"seconds": round(stats.seconds), "counts": stats.counts, "refused": dict(stats.refused)},
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    folder = cached_site(refresh=args.refresh)
    print(describe(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
