"""Demo boards and notices for ``gongkai init --demo`` (历城区唐王街道; every person is invented).

ID numbers are valid-format fakes (region 370112, a plausible birth date, the correct GB 11643
check character) so the demo exercises masking; phone numbers are fictitious.

States shown: a 低保 roster awaiting first review; a land-expropriation pre-announcement approved
and posted on two boards; an elderly-allowance list that expired and is still on a board (so the
take-down view has work); a published event announcement (for the kiosk); a draft.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from app.clock import FixedClock
from app.context import AppContext
from app.notices.service import NoticeService
from app.notices.values import NoticeDraft, Roster
from app.privacy.checks import id_check_char
from app.users import StaffUser

ISSUER = "历城区唐王街道办事处"
CONTACT = "街道社会事务办 刘主任 0531-88123457"
SUPERVISION = "0531-88123456"

BOARDS = [
    ("唐王街道便民服务中心公开栏", "唐王社区", "便民服务中心一楼东侧", "paper"),
    ("唐王社区电子公开屏", "唐王社区", "社区党群服务中心门口", "screen"),
    ("东唐村村务公开栏", "东唐村", "村委会大院南墙", "paper"),
    ("西营村村务公开栏", "西营村", "村文化广场北侧", "paper"),
    ("山头店村村务公开栏", "山头店村", "村委会门口", "paper"),
]


def fake_id(birth: str, seq: str) -> str:
    """A valid-format fake resident ID from 历城区 (370112)."""
    first17 = "370112" + birth + seq
    return first17 + id_check_char(first17)


def _user(ctx: AppContext, name: str) -> StaffUser:
    user = ctx.users.get(name)
    if user is None:
        raise RuntimeError(f"demo user {name} missing (demo users step must run first)")
    return user


def _dibao(today: date) -> NoticeDraft:
    people = [
        ("张桂兰", "19560312", "041", "东唐村", "2", "1280元", "13805318842"),
        ("李建国", "19621108", "172", "东唐村", "3", "1650元", "15953112076"),
        ("王秀英", "19480925", "062", "西营村", "1", "760元", "0531-88719035"),
        ("赵德福", "19730214", "391", "西营村", "4", "2030元", "18866401397"),
        ("孙玉芬", "19551130", "022", "山头店村", "2", "1280元", "13793145520"),
        ("刘长河", "19680707", "313", "山头店村", "3", "1540元", "15165027784"),
    ]
    rows = tuple(
        (str(i), name, fake_id(birth, seq), village, n, money, phone)
        for i, (name, birth, seq, village, n, money, phone) in enumerate(people, start=1)
    )
    return NoticeDraft(
        template="dibao",
        title=f"唐王街道关于{today.year}年第三批城乡最低生活保障拟保障对象的公示",
        body=(
            "根据《社会救助暂行办法》和《最低生活保障审核确认办法》的有关规定，经村（居）民委员会入户调查、"
            f"民主评议和街道办事处审核，现将{today.year}年第三批城乡最低生活保障拟保障对象名单予以公示（见下表），接受社会监督。\n\n"
            "公示对象张桂兰家住东唐村3组18号，因病致贫，其子李明（身份证号370112198501120416）已另行申请临时救助。"
        ),
        period_start=today,
        period_end=today + timedelta(days=6),
        issuer=ISSUER,
        contact=CONTACT,
        supervision_phone=SUPERVISION,
        roster=Roster(
            ("序号", "户主姓名", "身份证号", "所在村（社区）", "保障人口", "月保障金额", "联系电话"), rows
        ),
        objection_channel="如对公示对象有异议，请于公示期内以书面、电话或来访形式向街道社会事务办公室反映，反映问题应实事求是、提供具体线索。",
        target_board_uuids=(),
    )


def demo_notices(ctx: AppContext) -> None:
    """Idempotent: does nothing when the site already has boards."""
    service = ctx.notices
    if service.boards(include_inactive=True):
        return
    admin, clerk = _user(ctx, "admin"), _user(ctx, "clerk")
    r1, r2, r3 = _user(ctx, "reviewer1"), _user(ctx, "reviewer2"), _user(ctx, "reviewer3")
    boards = {
        name: service.add_board(name, village, actor=admin, location=loc, medium=medium)
        for name, village, loc, medium in BOARDS
    }
    today = ctx.clock.today()
    quarter = (today.month - 1) // 3 + 1

    def chain(svc: NoticeService, uuid: str) -> None:
        svc.review(uuid, actor=r1, decision="approve", opinion="文字规范，同意。")
        svc.review(uuid, actor=r2, decision="approve", opinion="依据准确，期限符合规定，同意。")
        svc.review(
            uuid,
            actor=r3,
            decision="approve",
            opinion="已做保密审查，同意发布。",
            confidentiality_checked=True,
        )

    # 1. A 低保 roster awaiting first review.
    dibao = _dibao(today)
    dibao = NoticeDraft(
        **{
            **dibao.__dict__,
            "target_board_uuids": (
                boards["东唐村村务公开栏"].uuid,
                boards["西营村村务公开栏"].uuid,
                boards["山头店村村务公开栏"].uuid,
            ),
        }
    )
    service.create(dibao, actor=clerk, submit=True)

    # 2. A land-expropriation pre-announcement, approved and posted on two boards.
    land_start = today - timedelta(days=2)
    land_end = ctx.holidays.calendar().add(land_start - timedelta(days=1), 12).date
    land = service.create(
        NoticeDraft(
            template="land_pre",
            title="关于西营村、山头店村拟征收土地的预公告",
            body=(
                f"因唐王街道{today.year}年度第3批次城镇建设用地需要，根据《中华人民共和国土地管理法》第四十七条及《中华人民共和国土地管理法实施条例》第二十六条的规定，现将拟征收土地有关事项预公告如下：\n\n"
                "一、征收目的\n\n用于唐王片区中小学及配套道路建设，属于公共利益需要。\n\n"
                "二、拟征收范围\n\n西营村、山头店村集体土地约86.4亩，具体范围以勘测定界图为准，图件在村委会张贴。\n\n"
                "三、土地现状调查安排\n\n自本公告发布之日起，由街道会同自然资源部门开展土地现状调查，请土地所有权人、使用权人予以配合。\n\n"
                "四、有关要求\n\n自本公告发布之日起，任何单位和个人不得在拟征收范围内抢栽抢种抢建；违反规定的，对抢栽抢种抢建部分不予补偿。"
            ),
            period_start=land_start,
            period_end=land_end,
            issuer=ISSUER,
            contact="街道征收办 陈科长 0531-88123470",
            supervision_phone=SUPERVISION,
            target_board_uuids=(boards["西营村村务公开栏"].uuid, boards["山头店村村务公开栏"].uuid),
        ),
        actor=clerk,
        submit=True,
    )
    chain(service, land.uuid)
    for name in ("西营村村务公开栏", "山头店村村务公开栏"):
        service.record_posting(land.uuid, boards[name].uuid, actor=clerk, posted_on=land_start)

    # 3. An elderly-allowance list from last month: published, expired, still on a board.
    past = today - timedelta(days=20)
    past_service = NoticeService(
        ctx.session_factory,
        FixedClock(datetime(past.year, past.month, past.day, 9, 0)),
        ctx.holidays,
        ctx.settings,
        ctx.paths.blobs,
    )
    elderly = past_service.create(
        NoticeDraft(
            template="elderly",
            title=f"唐王街道关于{today.year}年第{quarter}季度新增高龄津贴发放对象的公示",
            body=f"根据《山东省老年人权益保障条例》和高龄津贴发放有关规定，经本人申请、村（居）委会初审和街道审核，现将{today.year}年第{quarter}季度新增高龄津贴发放对象予以公示。",
            period_start=past,
            period_end=past + timedelta(days=6),
            issuer=ISSUER,
            contact=CONTACT,
            supervision_phone=SUPERVISION,
            roster=Roster(
                ("序号", "姓名", "身份证号", "所在村（社区）", "年龄", "月补贴标准"),
                (
                    ("1", "周凤英", fake_id("19350807", "026"), "东唐村", "90", "200元"),
                    ("2", "吴洪法", fake_id("19340219", "117"), "唐王社区", "91", "200元"),
                    ("3", "郑玉兰", fake_id("19250503", "048"), "东唐村", "100", "500元"),
                ),
            ),
            target_board_uuids=(boards["东唐村村务公开栏"].uuid,),
        ),
        actor=clerk,
        submit=True,
    )
    chain(past_service, elderly.uuid)
    past_service.publish(elderly.uuid, actor=clerk)
    past_service.record_posting(elderly.uuid, boards["东唐村村务公开栏"].uuid, actor=clerk, posted_on=past)
    service.expire_due()

    # 4. A published event announcement (the kiosk shows it).
    event = service.create(
        NoticeDraft(
            template="event",
            title="关于举办“政府开放月”暨城乡居民医保政策解读活动的公告",
            body=(
                "为让群众更好了解城乡居民基本医疗保险政策，唐王街道将在政务公开专区举办政策解读活动，欢迎辖区居民参加。\n\n"
                "一、活动时间\n\n"
                f"{(today + timedelta(days=14)).month}月{(today + timedelta(days=14)).day}日上午9:30至11:00。\n\n"
                "二、活动地点\n\n唐王街道便民服务中心一楼政务公开专区。\n\n"
                "三、活动内容\n\n2026年度城乡居民医保缴费标准、待遇政策和线上缴费操作演示。\n\n"
                "四、报名方式\n\n现场报名或拨打咨询电话0531-88123458报名，名额50人。"
            ),
            period_start=today,
            period_end=today + timedelta(days=14),
            issuer=ISSUER,
            contact="街道党政办 0531-88123458",
            supervision_phone=SUPERVISION,
            target_board_uuids=(boards["唐王街道便民服务中心公开栏"].uuid, boards["唐王社区电子公开屏"].uuid),
        ),
        actor=clerk,
        submit=True,
    )
    chain(service, event.uuid)
    service.publish(event.uuid, actor=clerk)
    service.record_posting(event.uuid, boards["唐王街道便民服务中心公开栏"].uuid, actor=clerk)

    # 5. A draft.
    service.create(
        NoticeDraft(
            template="village_affairs",
            title=f"东唐村{today.year}年第{quarter}季度村务财务公开",
            body=f"根据《中华人民共和国村民委员会组织法》第三十条，现将本村{today.year}年第{quarter}季度村务、财务收支情况公开如下：",
            period_start=today + timedelta(days=3),
            period_end=today + timedelta(days=33),
            issuer="东唐村村民委员会",
            contact="村会计 马红梅 0531-88719002",
            supervision_phone=SUPERVISION,
            roster=Roster(
                ("序号", "事项", "金额（元）", "说明"),
                (
                    ("1", "村内道路硬化维修", "46800.00", "经村民代表会议通过"),
                    ("2", "村集体土地租赁收入", "128000.00", "收入"),
                    ("3", "困难群众慰问", "6000.00", "中秋节慰问12户"),
                ),
            ),
            target_board_uuids=(boards["东唐村村务公开栏"].uuid,),
        ),
        actor=clerk,
    )
