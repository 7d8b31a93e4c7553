"""Notice templates (公示/公告 types) and the seed data for their legal minimum posting periods.

A template gives a new notice its kind, a title and body skeleton, roster columns and a masking
profile. The *legal minimums* are not constants here: ``PERIOD_RULE_SEED`` is only what ``init``
writes into the ``notice_period_rule`` table, where an admin can correct a number, its unit or its
legal basis (local rules differ: 低保初审公示 7 天 under 民发〔2021〕57号, while some catalogues say
7 个工作日). The period check reads the table.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.privacy import MaskingProfile

KIND_PUBLICITY = "publicity"  # 公示: a list or decision open to objection for a period
KIND_ANNOUNCEMENT = "announcement"  # 公告: an announcement of something decided or about to happen
KIND_LABELS = {KIND_PUBLICITY: "公示", KIND_ANNOUNCEMENT: "公告"}

#: The fields that are the issuing office's public lines: 监督电话 and the 联系方式 of the office.
#: Their phone numbers stay readable everywhere the notice goes (print, kiosk, the city platform),
#: mobiles included. The city platform applies the same rule (app/sync/wire.py,
#: ``PUBLIC_LINE_FIELDS``; the payload's ``public_lines`` says which of them this notice declares),
#: so what the PC prints and approves is what the platform publishes.
OFFICE_LINES = ("supervision_phone", "contact")

UNIT_WORKING = "working"
UNIT_CALENDAR = "calendar"
UNIT_LABELS = {UNIT_WORKING: "个工作日", UNIT_CALENDAR: "日"}


@dataclass(frozen=True)
class NoticeTemplate:
    """What a new notice of this type starts with."""

    key: str
    name: str
    kind: str
    title_hint: str
    body_hint: str
    roster_columns: tuple[str, ...] = ()
    masking: MaskingProfile = MaskingProfile()
    objection_hint: str = "如有异议，请于公示期内以书面、电话或来访形式向发布单位反映。"
    #: Which of OFFICE_LINES this template treats as public lines (a template whose contact line
    #: may be a private person's number leaves "contact" out, and its numbers are masked).
    public_lines: tuple[str, ...] = OFFICE_LINES

    @property
    def closing(self) -> str:
        """The closing line: 特此公示。 / 特此公告。 (the customary close of a 公示/公告)."""
        return "特此" + KIND_LABELS[self.kind] + "。"


_ROSTER_OBJECTION = "如对公示对象有异议，请于公示期内以书面、电话或来访形式向街道（镇）社会事务办公室反映，反映问题应实事求是、提供具体线索。"

TEMPLATES: tuple[NoticeTemplate, ...] = (
    NoticeTemplate(
        "general",
        "通用公示公告",
        KIND_ANNOUNCEMENT,
        "关于……的公告",
        "根据……的有关规定，现将有关事项公告如下：\n\n一、……\n\n二、……",
    ),
    NoticeTemplate(
        "dibao",
        "最低生活保障（低保）初审公示",
        KIND_PUBLICITY,
        "关于××年度第×批最低生活保障拟保障对象的公示",
        "根据《社会救助暂行办法》和《最低生活保障审核确认办法》的有关规定，经入户调查、民主评议和街道审核，"
        "现将拟保障对象名单予以公示（见下表），接受社会监督。",
        ("序号", "户主姓名", "身份证号", "所在村（社区）", "保障人口", "月保障金额", "联系电话"),
        objection_hint=_ROSTER_OBJECTION,
    ),
    NoticeTemplate(
        "tekun",
        "特困人员救助供养公示",
        KIND_PUBLICITY,
        "关于拟认定特困人员救助供养对象的公示",
        "根据《社会救助暂行办法》和《特困人员认定办法》的有关规定，现将拟认定的特困人员救助供养对象名单予以公示。",
        ("序号", "姓名", "身份证号", "所在村（社区）", "供养方式"),
        objection_hint=_ROSTER_OBJECTION,
    ),
    NoticeTemplate(
        "land_pre",
        "征收土地预公告",
        KIND_ANNOUNCEMENT,
        "关于××村拟征收土地的预公告",
        "根据《中华人民共和国土地管理法》及其实施条例的规定，现将拟征收土地有关事项预公告如下：\n\n"
        "一、征收目的\n\n……\n\n二、拟征收范围\n\n……\n\n三、土地现状调查安排\n\n……\n\n"
        "四、有关要求\n\n自本公告发布之日起，在拟征收范围内不得抢栽抢种抢建；违反规定的，对抢栽抢种抢建部分不予补偿。",
        objection_hint="对本预公告有意见或建议的，请于公告期内向街道办事处书面反映。",
    ),
    NoticeTemplate(
        "land_compensation",
        "征地补偿安置方案公告",
        KIND_ANNOUNCEMENT,
        "关于××地块征地补偿安置方案的公告",
        "一、征收范围、土地现状\n\n……\n\n二、补偿方式和标准\n\n……\n\n三、安置对象与安置方式\n\n……\n\n"
        "四、社会保障\n\n……\n\n五、补偿登记\n\n请被征地的所有权人、使用权人于公告期内持不动产权属证明材料办理补偿登记。",
        ("序号", "权利人", "地类", "面积（亩）", "补偿金额（元）"),
        objection_hint="过半数被征地的农村集体经济组织成员认为本方案不符合法律、法规规定的，可在公告期内申请听证。",
    ),
    NoticeTemplate(
        "housing",
        "房屋征收与老旧小区改造方案",
        KIND_ANNOUNCEMENT,
        "关于××片区房屋征收补偿方案征求意见的公告",
        "为推进××片区改造，现将房屋征收补偿方案（征求意见稿）予以公布，公开征求公众意见。\n\n一、改造范围\n\n……\n\n二、补偿方式\n\n……",
        objection_hint="请于公告期内通过书面、电话或来访方式提出意见建议。",
    ),
    NoticeTemplate(
        "school_enrolment",
        "义务教育招生政策与学区范围",
        KIND_ANNOUNCEMENT,
        "关于××年义务教育学校招生工作的公告",
        "一、招生对象\n\n……\n\n二、招生范围（学区划分）\n\n……\n\n三、报名时间和方式\n\n……",
        ("学校", "招生范围（学区）", "招生计划"),
        objection_hint="对招生政策有疑问的，请拨打咨询电话。",
    ),
    NoticeTemplate(
        "medical",
        "医疗卫生服务（疫苗接种、家庭医生）",
        KIND_ANNOUNCEMENT,
        "关于开展××预防接种服务的公告",
        "一、服务对象\n\n……\n\n二、服务地点和时间\n\n……\n\n三、服务内容和流程\n\n……",
        objection_hint="对服务有投诉或建议的，请拨打投诉电话。",
    ),
    NoticeTemplate(
        "elderly",
        "老年人福利补贴（高龄津贴等）公示",
        KIND_PUBLICITY,
        "关于××年第×季度高龄津贴发放对象的公示",
        "根据《山东省老年人权益保障条例》和高龄津贴发放有关规定，现将新增高龄津贴发放对象予以公示。",
        ("序号", "姓名", "身份证号", "所在村（社区）", "年龄", "月补贴标准"),
        objection_hint=_ROSTER_OBJECTION,
    ),
    NoticeTemplate(
        "village_affairs",
        "村（居）务与财务公开",
        KIND_PUBLICITY,
        "××村××年第×季度村务财务公开",
        "根据《中华人民共和国村民委员会组织法》第三十条，现将本村本季度村务、财务收支情况公开如下：",
        ("序号", "事项", "金额（元）", "说明"),
        objection_hint="村民对公开内容有疑问的，可向村务监督委员会反映。",
    ),
    NoticeTemplate(
        "major_decision",
        "重大行政决策征求意见",
        KIND_ANNOUNCEMENT,
        "关于《××（征求意见稿）》公开征求意见的公告",
        "为提高决策的科学性和透明度，现将《××（征求意见稿）》全文公布，公开征求社会各界意见。",
        objection_hint="请于征求意见期内通过电子邮件、信函或来访方式提出意见建议。",
    ),
    NoticeTemplate(
        "event",
        "活动公告（政策解读、开放日等）",
        KIND_ANNOUNCEMENT,
        "关于举办××活动的公告",
        "一、活动时间\n\n……\n\n二、活动地点\n\n……\n\n三、活动内容\n\n……\n\n四、报名方式\n\n……",
        objection_hint="欢迎群众参加，咨询请拨打咨询电话。",
    ),
)

TEMPLATE_BY_KEY = {t.key: t for t in TEMPLATES}


@dataclass(frozen=True)
class PeriodRuleSeed:
    template: str
    min_days: int
    unit: str
    basis: str


# What init writes into notice_period_rule (each with its legal basis below); admins correct it there. Templates
# without a row have no legal minimum (village affairs are published by frequency, not period).
PERIOD_RULE_SEED: tuple[PeriodRuleSeed, ...] = (
    PeriodRuleSeed(
        "dibao",
        7,
        UNIT_CALENDAR,
        "《最低生活保障审核确认办法》（民发〔2021〕57号）：在申请家庭所在村、社区进行公示，公示期为7天",
    ),
    PeriodRuleSeed(
        "tekun", 7, UNIT_CALENDAR, "《特困人员认定办法》（民发〔2021〕43号）：在申请人所在村、社区公示7天"
    ),
    PeriodRuleSeed(
        "land_pre",
        10,
        UNIT_WORKING,
        "《中华人民共和国土地管理法实施条例》（2021年）第二十六条：预公告时间不少于十个工作日",
    ),
    PeriodRuleSeed(
        "land_compensation",
        30,
        UNIT_CALENDAR,
        "《中华人民共和国土地管理法实施条例》（2021年）第二十八条：征地补偿安置公告时间不少于三十日",
    ),
    PeriodRuleSeed(
        "housing",
        30,
        UNIT_CALENDAR,
        "《国有土地上房屋征收与补偿条例》第十条：征求公众意见期限不得少于30日",
    ),
    PeriodRuleSeed(
        "major_decision",
        30,
        UNIT_CALENDAR,
        "《重大行政决策程序暂行条例》第十四条：征求意见期限一般不少于30日",
    ),
    PeriodRuleSeed(
        "elderly", 7, UNIT_CALENDAR, "本地高龄津贴发放办法（参照低保公示期7天，请按本地文件核对）"
    ),
)
