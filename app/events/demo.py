"""Bootstrap steps of the event calendar: the built-in types (every site) and a demo programme.

The demo programme is laid out around today so a demo site always looks current: the zone's weekly
policy-counselling hour (every Tuesday 9:00–11:00, with one Tuesday cancelled and one moved), the
monthly procedure demonstration on the 2nd Thursday, an open day of the 政府开放月 with registrations
and a waiting list, a held policy-interpretation session whose adoption report is due, a survey whose
closing report is missing, and this year's targets. Names and phone numbers are invented.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.clock import ZONE
from app.events.values import QA, ClosingReport, EventDraft, Suggestion
from app.policies.links import PolicyLink
from app.uow import transaction
from db.models import Event

if TYPE_CHECKING:
    from app.context import AppContext

ACTOR = "init"
ZONE_ROOM = "唐王街道便民服务中心一楼政务公开专区"
MEETING_ROOM = "唐王街道办事处三楼会议室"


def seed_event_types(ctx: AppContext) -> None:
    with transaction(ctx.session_factory) as session:
        ctx.events.seed_types(session)


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), ZONE)


def _weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _exists(ctx: AppContext, uid: str) -> bool:
    with ctx.session_factory() as session:
        return session.execute(select(Event.id).where(Event.ical_uid == uid)).first() is not None


def demo_events(ctx: AppContext) -> None:
    """A believable spring/autumn programme for 唐王街道's zone (idempotent by UID)."""
    today = ctx.clock.today()
    events = ctx.events
    site = ctx.sites.get()
    code = site.code if site else "demo"

    uid = f"demo-counselling@{code}"
    if not _exists(ctx, uid):
        first = _weekday_on_or_after(today - timedelta(weeks=8), 1)  # a Tuesday
        until = first + timedelta(weeks=26)
        ev = events.create(
            ACTOR,
            EventDraft(
                type_key="policy_counselling",
                title="每周二综合政策辅导（社保、医保、养老服务）",
                start=_at(first, 9),
                end=_at(first, 11),
                place=ZONE_ROOM,
                description="街道社会事务办、社保所工作人员在专区坐班，面对面解答社保缴费、医保报销、"
                "高龄津贴和居家养老服务等政策问题，可现场帮办。",
                rrule=f"FREQ=WEEKLY;BYDAY=TU;UNTIL={until:%Y%m%d}",
                host="唐王街道社会事务办公室",
                speakers=("社保所 刘洪涛", "社会事务办 王立新"),
                audience="辖区居民，特别是老年人和灵活就业人员",
                series="泉诚公开、政府开放",
            ),
            ical_uid=uid,
        )
        skip = _weekday_on_or_after(today + timedelta(days=8), 1)
        events.cancel_occurrence(ACTOR, ev.uuid, _at(skip, 9))
        moved = skip + timedelta(weeks=2)
        events.move_occurrence(
            ACTOR,
            ev.uuid,
            _at(moved, 9),
            _at(moved + timedelta(days=2), 14),
            _at(moved + timedelta(days=2), 16),
            note="专区当天承办选民登记，改在周四下午",
        )

    uid = f"demo-procedure@{code}"
    if not _exists(ctx, uid):
        month = date(today.year, today.month, 1) - timedelta(days=62)
        month = month.replace(day=1)
        first = _weekday_on_or_after(month, 3) + timedelta(weeks=1)  # 2nd Thursday
        events.create(
            ACTOR,
            EventDraft(
                type_key="procedure_demonstration",
                title="办事流程演示：“爱山东”APP办理社保卡、新生儿落户一件事",
                start=_at(first, 14, 30),
                end=_at(first, 15, 30),
                place=ZONE_ROOM,
                description="工作人员在专区大屏上一步一步演示网上办理流程，群众可带手机跟着操作。",
                rrule="FREQ=MONTHLY;BYDAY=2TH;COUNT=10",
                host="唐王街道便民服务中心",
                speakers=("便民服务中心 孙悦",),
                audience="前来办事的群众",
            ),
            ical_uid=uid,
        )

    uid = f"demo-open-day@{code}"
    if not _exists(ctx, uid):
        day = _weekday_on_or_after(today + timedelta(days=10), 2)
        ev = events.create(
            ACTOR,
            EventDraft(
                type_key="open_day",
                title="政府开放月：唐王街道老旧小区改造项目现场开放",
                start=_at(day, 9, 30),
                end=_at(day, 11, 30),
                place="唐王街道办事处一楼大厅集合",
                description="参观正在施工的老旧小区改造项目，听取项目进展介绍，现场答疑并填写问卷，"
                "征集对加装电梯、停车位和管网改造的意见建议。",
                host="唐王街道办事处",
                speakers=("街道城市管理办 赵建国",),
                audience="居民代表、政务公开义务监督员、人大代表、政协委员、企业代表",
                capacity=8,
                invited_roles=("义务监督员", "人大代表", "政协委员", "群众代表", "企业代表"),
                series="泉诚公开、政府开放",
                policy_links=(PolicyLink("", "济南市历城区老旧小区改造实施方案"),),
            ),
            ical_uid=uid,
        )
        people = [
            ("张桂兰", "13905318842", "群众代表"),
            ("李建华", "13791126630", "人大代表"),
            ("王秀英", "15866702213", "群众代表"),
            ("刘志强", "0531-88761234", "企业代表"),
            ("陈玉梅", "13605416678", "义务监督员"),
            ("杨文军", "18653127745", "政协委员"),
            ("赵凤霞", "13954102289", "群众代表"),
            ("孙德明", "15153196620", "群众代表"),
            ("周丽娟", "13869158841", "群众代表"),
            ("吴海涛", "17605311052", "企业代表"),
        ]
        for name, phone, role in people:
            events.register(ACTOR, ev.uuid, name, phone, role)

    uid = f"demo-interpretation@{code}"
    if not _exists(ctx, uid):
        day = today - timedelta(days=6)
        while day.weekday() >= 5:
            day -= timedelta(days=1)
        ev = events.create(
            ACTOR,
            EventDraft(
                type_key="policy_interpretation",
                title="《历城区老旧小区改造居民出资和加装电梯补贴办法》现场政策解读",
                start=_at(day, 15),
                end=_at(day, 16, 30),
                place=MEETING_ROOM,
                description="区住建局和街道工作人员逐条解读补贴标准、申请条件和办理流程，现场答疑。",
                host="唐王街道办事处",
                speakers=("区住房城乡建设局 马晓东", "街道城市管理办 赵建国"),
                audience="相关小区居民、楼长",
                invited_roles=("群众代表", "义务监督员"),
                policy_links=(PolicyLink("", "历城区老旧小区改造居民出资和加装电梯补贴办法"),),
            ),
            ical_uid=uid,
        )
        events.close(
            ACTOR,
            ev.uuid,
            ClosingReport(
                attendance=36,
                qa=(
                    QA(
                        "一楼住户不用电梯，也要出资吗？", "按办法第八条，一楼住户自愿出资，不出资不影响加装。"
                    ),
                    QA("补贴什么时候发？", "竣工验收后由街道统一申报，区财政按季度拨付。"),
                ),
                suggestions=(
                    Suggestion("希望施工期间保留一条消防通道。", "adopted", "", "张桂兰"),
                    Suggestion(
                        "补贴标准按楼层分档。",
                        "partly",
                        "补贴标准由区级办法统一规定，街道将在分摊方案中按楼层分档。",
                    ),
                    Suggestion(
                        "由街道统一招标电梯厂家。",
                        "not_adopted",
                        "加装电梯由业主自主选择厂家，街道不指定，但提供合格厂家名录。",
                    ),
                    Suggestion("每周在公开栏公布施工进度。", "adopted"),
                ),
                summary="解读会介绍了补贴办法的出台背景、补贴标准和申请流程，居民现场提出问题 2 个，意见建议 4 条。",
            ),
        )

    uid = f"demo-survey@{code}"
    if not _exists(ctx, uid):
        day = today - timedelta(days=3)
        while day.weekday() >= 5:
            day -= timedelta(days=1)
        events.create(
            ACTOR,
            EventDraft(
                type_key="survey",
                title="惠民政策实施效果问卷调查（高龄津贴发放）",
                start=_at(day, 9),
                end=_at(day, 11, 30),
                place=ZONE_ROOM,
                description="在专区发放纸质问卷，了解高龄津贴申领是否方便、到账是否及时。",
                host="唐王街道社会事务办公室",
                audience="办事群众",
            ),
            ical_uid=uid,
        )

    for type_key, target in (
        ("policy_interpretation", 6),
        ("policy_counselling", 40),
        ("procedure_demonstration", 12),
        ("open_day", 2),
        ("survey", 5),  # seed 二(三): 政策评价 at least 5 a year for a district
    ):
        events.set_target(ACTOR, today.year, type_key, target)
