"""Demo requests for ``gongkai init --demo``: about a year of realistic counter work.

Dated relative to the clock's today so the demo always shows live work: two applications carried
over from last year, about twenty answered this year with mixed channels, applicant kinds and
outcomes, one waiting for a correction, one consulting a third party, one extended, two due within
three working days and one overdue. Idempotent: does nothing once any request exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from app.context import AppContext
from app.workdays import WorkdayCalendar
from db.models import InfoRequest

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _id_number(seed: int) -> str:
    """A well-formed (GB 11643 check character) but fictitious resident ID in Licheng district."""
    body = f"370112{1950 + seed % 50}{1 + seed % 12:02d}{1 + seed % 28:02d}{100 + seed % 900:03d}"
    total = sum(int(c) * w for c, w in zip(body, _WEIGHTS, strict=True))
    return body + "10X98765432"[total % 11]


def _back(cal: WorkdayCalendar, today: date, n: int) -> date:
    """The working day ``n`` working days before ``today``."""
    d = today
    while n > 0:
        d -= timedelta(days=1)
        if cal.is_workday(d):
            n -= 1
    return d


@dataclass(frozen=True)
class _Applicant:
    kind: str
    name: str
    contact_person: str = ""
    phone: str = ""


PEOPLE = [
    _Applicant("natural_person", "张建国", phone="13805311234"),
    _Applicant("natural_person", "李秀英", phone="13964012345"),
    _Applicant("natural_person", "王志强", phone="15153123456"),
    _Applicant("natural_person", "刘桂兰", phone="18653134567"),
    _Applicant("natural_person", "陈海燕", phone="13706415678"),
    _Applicant("natural_person", "赵明亮", phone="17753186789"),
    _Applicant("natural_person", "孙玉梅", phone="13698627890"),
    _Applicant("natural_person", "周立新", phone="15806418901"),
]
ORGS = [
    _Applicant("commercial", "济南唐冶建材有限公司", "马经理", "0531-88761234"),
    _Applicant("commercial", "山东历城农业发展有限公司", "韩主任", "0531-88123409"),
    _Applicant("research", "山东大学政治学与公共管理学院课题组", "何老师", "0531-88364512"),
    _Applicant("public_interest", "济南市历城区助老志愿服务中心", "吴会长", "15069123456"),
    _Applicant("legal_service", "山东泉城律师事务所", "郑律师", "0531-86001234"),
    _Applicant("other_org", "唐王街道东营村股份经济合作社", "冯社长", "13553112345"),
]

TOPICS = ["唐王街道2025年冬季清洁取暖补贴发放标准", "东营村2025年度集体土地流转合同"]

# (answer type, information sought, answer note)
ANSWERED = [
    (
        "disclose",
        "唐王街道2025年度老旧小区改造项目清单及资金安排",
        "已提供《老旧小区改造项目清单》复印件45页",
    ),
    ("disclose", "唐王街道2026年中小学学区划分及招生政策", "已告知该信息已在区政府网站主动公开及网址"),
    (
        "partial",
        "东营村土地征收补偿安置方案及补偿标准",
        "补偿标准予以公开；涉及其他被征收户个人信息的部分不予公开。",
    ),
    (
        "withhold_third_party",
        "东营村2026年度农村低保对象家庭收入核查材料",
        "材料含他人家庭收入等个人隐私，第三方书面不同意公开。",
    ),
    ("disclose", "唐王街道2026年春季义务教育入学报名安排", "已提供入学报名安排"),
    (
        "withhold_process",
        "唐王街道养老服务中心建设项目内部会议纪要",
        "会议纪要属于内部研究讨论的过程性信息。",
    ),
    ("not_exist", "王舍人至唐王道路拓宽工程征地范围图", "经检索本机关未制作该征地范围图。"),
    ("not_ours", "历城区2026年财政预算及三公经费说明", "济南市历城区财政局，联系电话0531-88161234。"),
    ("disclose", "唐王街道2026年度征兵工作安排", "已通过电子邮件提供"),
    (
        "reject_repeat",
        "唐王街道2025年度老旧小区改造项目清单及资金安排",
        "本机关已于本年2月就相同内容作出答复。",
    ),
    ("reject_petition", "投诉唐王街道某规模养殖场气味扰民并要求查处", "已转街道信访办按信访程序处理"),
    ("disclose", "唐王街道2025年农村宅基地审批办理情况", "已提供宅基地审批统计表"),
    ("reject_publication", "唐王街道2025年度政府信息公开工作年度报告", "已告知可在区政府网站及区档案馆获取"),
    ("partial", "东营村2025年村级财务收支明细", "收支总表予以公开，涉及个人的报销明细不予公开。"),
    (
        "needs_creation",
        "唐王街道近十年各村人口变化统计分析",
        "所需统计需对多年资料汇总加工，本机关无现成信息",
    ),
    ("other_no_correction", "关于那个补贴的文件", "申请人逾期未补正"),
    ("disclose", "唐王街道社区卫生服务站设置审批文件", "已提供设置批复复印件"),
    ("not_exist", "唐王街道2019年度村庄规划修编批复", "经检索未找到该年度相关文件。"),
]

CHANNELS = [
    "in_person",
    "in_person",
    "signed_post",
    "online",
    "in_person",
    "ordinary_letter",
    "fax",
    "online",
]


def seed(ctx: AppContext) -> None:
    """Write the demo requests (idempotent)."""
    with ctx.session_factory() as session:
        if session.execute(select(func.count(InfoRequest.id))).scalar():
            return
    svc = ctx.requests
    clerk = ctx.users.get("clerk") or ctx.users.get("admin")
    signer = ctx.users.get("reviewer3") or ctx.users.get("admin")
    assert clerk is not None and signer is not None, "demo users come first (DEMO_STEPS order)"
    cal = ctx.holidays.calendar()
    today = ctx.clock.today()
    applicants = PEOPLE + ORGS
    counter = 0

    def intake(received: date, who: _Applicant, topic: str, channel: str) -> str:
        nonlocal counter
        counter += 1
        confirmed = received if channel in ("ordinary_letter", "online", "fax") else None
        arrived = received - timedelta(days=1) if channel == "ordinary_letter" else received
        d = svc.intake(
            actor=clerk,
            channel=channel,
            arrived_on=arrived,
            confirmed_on=confirmed,
            applicant_kind=who.kind,
            applicant_name=who.name,
            contact_person=who.contact_person,
            id_number=_id_number(counter * 37)
            if who.kind == "natural_person"
            else f"91370112MA3C{counter:04d}X8",
            phone=who.phone,
            address="济南市历城区唐王街道东营村" + str(10 + counter) + "号"
            if who.kind == "natural_person"
            else "",
            description=topic,
            form="paper" if counter % 3 else "electronic",
            delivery=["pickup", "post", "email"][counter % 3],
        )
        return d.uuid

    def work(uuid: str) -> None:
        svc.transition(uuid, "registered", actor=clerk)
        svc.transition(uuid, "in_progress", actor=clerk)

    # Carried over from last year: received in December, answered in January.
    last_dec = date(today.year - 1, 12, 1)
    for i in range(2):
        received = last_dec + timedelta(days=15 + i * 3)
        while not cal.is_workday(received):
            received += timedelta(days=1)
        uuid = intake(received, applicants[i + 2], TOPICS[i], CHANNELS[i])
        work(uuid)
        svc.transition(uuid, "sign_off", actor=clerk)
        svc.answer(uuid, answer_type="disclose", actor=signer, on=cal.add(received, 18).date, note="已提供")
        svc.transition(uuid, "archived", actor=clerk)

    # Answered during this year, spread from January to a month ago.
    first = date(today.year, 1, 6)
    span = max((_back(cal, today, 30) - first).days, 30)
    for i, (answer_type, topic, note) in enumerate(ANSWERED):
        received = first + timedelta(days=span * i // len(ANSWERED))
        while not cal.is_workday(received):
            received += timedelta(days=1)
        who = applicants[(i * 5) % len(applicants)]
        uuid = intake(received, who, topic, CHANNELS[i % len(CHANNELS)])
        if answer_type == "other_no_correction":
            svc.request_correction(
                uuid,
                items="请写明所需信息的名称、文号或特征性描述",
                actor=clerk,
                on=cal.add(received, 3).date,
            )
            svc.answer(uuid, answer_type=answer_type, actor=signer, note=note, on=cal.add(received, 25).date)
            continue
        work(uuid)
        if answer_type == "withhold_third_party":
            svc.start_consultation(
                uuid, party="东营村村民委员会及相关低保户", actor=clerk, on=cal.add(received, 4).date
            )
            svc.end_consultation(
                uuid, actor=clerk, outcome="第三方书面表示不同意公开", on=cal.add(received, 14).date
            )
        svc.transition(uuid, "sign_off", actor=clerk)
        answered = cal.add(received, 8 + (i * 7) % 11).date
        pages = 45 if i == 0 else 0
        svc.answer(uuid, answer_type=answer_type, actor=signer, note=note, on=answered, pages=pages)
        if i % 2 == 0:
            svc.transition(uuid, "archived", actor=clerk)

    # Live work: overdue, two due within three working days, extended, consulting, correction.
    overdue = intake(
        _back(cal, today, 23), PEOPLE[4], "唐王街道2025年度惠民补贴发放名册（本村部分）", "signed_post"
    )
    work(overdue)
    for n, who, topic in (
        (18, PEOPLE[5], "唐王街道2026年冬季清洁取暖改造补贴标准"),
        (19, ORGS[4], "唐王街道行政处罚决定书（2026年第12号）"),
    ):
        uuid = intake(_back(cal, today, n), who, topic, "in_person")
        work(uuid)
    extended = intake(_back(cal, today, 22), ORGS[2], "唐王街道近五年农村人居环境整治资金使用情况", "online")
    work(extended)
    svc.extend(
        extended,
        days=15,
        reason="所需信息涉及近五年档案，需调档汇总核对",
        approver=signer,
        on=_back(cal, today, 4),
    )
    consulting = intake(_back(cal, today, 12), ORGS[0], "唐王街道建材市场摊位租赁合同", "in_person")
    work(consulting)
    svc.start_consultation(
        consulting,
        party="济南唐王商贸有限公司（合同相对方）",
        actor=clerk,
        reason="合同含第三方商业信息",
        on=_back(cal, today, 5),
    )
    correction = intake(_back(cal, today, 6), PEOPLE[6], "关于我家的那个文件", "ordinary_letter")
    svc.request_correction(
        correction,
        items="请写明所需政府信息的名称、文号或者便于查询的特征性描述\n请提供申请人身份证明复印件",
        actor=clerk,
        on=_back(cal, today, 4),
    )
    fresh = intake(_back(cal, today, 2), PEOPLE[7], "唐王街道2026年度征兵工作安排", "in_person")
    svc.transition(fresh, "registered", actor=clerk)
