"""Demo policy documents for ``init --demo``: a few typed documents of the kinds a township's zone
holds (城乡低保, 高龄津贴, 老旧小区改造, 义务教育入学), one repealed with its replacement, interpretations
in several forms, and a catalogue item linked. Idempotent: a second run adds nothing."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.policies import values as v

if TYPE_CHECKING:
    from app.context import AppContext

DIBAO = """各街道办事处，区政府各部门：
为切实保障困难群众基本生活，根据《山东省最低生活保障办法》和市政府有关规定，经区政府同意，现将调整城乡最低生活保障标准有关事项通知如下。
一、调整标准。自2024年7月1日起，城乡低保标准统一调整为每人每月1030元；特困人员基本生活标准按不低于当地低保标准的1.3倍确定。
二、资金发放。调整后的低保金自2024年7月起按新标准发放，7月已按原标准发放的，于8月一并补发差额。资金实行社会化发放，按月足额打入保障对象的社会保障卡。
三、工作要求。各街道要做好政策宣传解读，在政务公开专区和村（居）公开栏公开调整后的标准、申请条件和办理流程，畅通咨询渠道。咨询电话：0531-88123456。"""
ELDER = """第一条 为弘扬中华民族敬老、养老、助老的传统美德，提高高龄老年人生活质量，制定本办法。
第二条 具有本区户籍、年满80周岁以上的老年人，按月享受高龄津贴。
第三条 津贴标准：80至89周岁每人每月100元；90至99周岁每人每月200元；100周岁以上每人每月500元。
第四条 申请人持户口簿、身份证到户籍所在地街道便民服务中心申请，街道自受理之日起10个工作日内完成审核并公示。
第五条 高龄津贴按月发放。享受津贴的老年人死亡的，其家属应在30日内告知街道，停发次月起的津贴。
第六条 本办法自2025年1月1日起施行。"""
ELDER_OLD = ELDER.replace("100元", "80元").replace("200元", "150元").replace("2025年1月1日", "2021年3月1日")
SCHOOL = """一、招生范围。小学一年级招收2018年9月1日至2019年8月31日出生、具有本区户籍或符合随迁子女入学条件的适龄儿童。
二、报名方式。实行网上报名，报名时间为7月1日至7月10日。家长通过济南市义务教育招生入学服务平台填报信息。
三、所需材料。户口簿、房产证明或住房租赁备案证明；随迁子女另需居住证和务工就业证明。
四、结果公布。各学校于7月下旬在校门口和学校网站公布录取结果，并通知家长。"""


def demo_policies(ctx: AppContext) -> None:
    lib = ctx.policies
    if lib.list():
        return
    admin = ctx.users.get("admin")
    if admin is None:
        return
    dibao = lib.create(
        admin,
        v.DocumentDraft(
            "关于调整城乡最低生活保障标准的通知",
            "历城政办发〔2024〕12号",
            "济南市历城区人民政府办公室",
            written_on=date(2024, 6, 20),
            published_on=date(2024, 6, 25),
            effective_on=date(2024, 7, 1),
            domain="社会救助",
            keywords=("低保", "救助标准"),
            body=DIBAO,
        ),
    )
    lib.add_interpretation(
        admin,
        dibao.uuid,
        v.InterpretationDraft(
            "qa",
            "城乡低保标准调整问答",
            qa=(
                v.QAPair("这次低保标准调整到多少？", "自2024年7月1日起，城乡低保标准统一为每人每月1030元。"),
                v.QAPair("7月份的差额怎么补？", "7月已按原标准发放的，8月一并补发差额，不用另外申请。"),
                v.QAPair("到哪里咨询？", "到街道便民服务中心政务公开专区，或拨打0531-88123456。"),
            ),
        ),
    )
    lib.add_interpretation(
        admin,
        dibao.uuid,
        v.InterpretationDraft(
            "text", "一文读懂低保新标准", body="标准提高：每人每月1030元。\n发放方式不变：按月打入社保卡。"
        ),
    )
    old = lib.create(
        admin,
        v.DocumentDraft(
            "历城区高龄老人津贴发放管理办法",
            "历城政发〔2021〕3号",
            "济南市历城区人民政府",
            published_on=date(2021, 2, 20),
            effective_on=date(2021, 3, 1),
            domain="养老服务",
            keywords=("高龄津贴",),
            body=ELDER_OLD,
        ),
    )
    lib.add_interpretation(
        admin, old.uuid, v.InterpretationDraft("text", "高龄津贴办法解读", body="八十周岁以上老人可申请。")
    )
    new = lib.create(
        admin,
        v.DocumentDraft(
            "历城区高龄老人津贴发放管理办法（2024年修订）",
            "历城政发〔2024〕21号",
            "济南市历城区人民政府",
            published_on=date(2024, 12, 10),
            effective_on=date(2025, 1, 1),
            domain="养老服务",
            keywords=("高龄津贴", "养老"),
            body=ELDER,
        ),
    )
    lib.retire(admin, old.uuid, validity=v.REVISED, on=date(2025, 1, 1), replaced_by=new.uuid)
    lib.create(
        admin,
        v.DocumentDraft(
            "历城区2025年义务教育学校招生入学工作实施方案",
            "历城教发〔2025〕9号",
            "济南市历城区教育和体育局",
            published_on=date(2025, 6, 5),
            domain="义务教育",
            keywords=("入学", "招生"),
            body=SCHOOL,
            interpretation_required=False,
        ),
    )
    site = ctx.sites.get()
    lib.create(
        admin,
        v.DocumentDraft(
            f"{site.name if site else '本街道'}关于开展{ctx.clock.today().year}年高龄津贴集中认证的通知",
            f"唐王办发〔{ctx.clock.today().year}〕7号",
            f"{site.name if site else ''}办事处",
            published_on=ctx.clock.today(),
            domain="养老服务",
            keywords=("高龄津贴", "认证"),
            body="各社区（村）：\n根据《历城区高龄老人津贴发放管理办法（2024年修订）》，定于本月开展高龄津贴集中认证。"
            "享受津贴的老年人或其家属持身份证到所在社区（村）便民服务站认证，行动不便的由网格员上门认证。",
        ),
    )
    items = [i for i in ctx.catalogue.search("最低生活保障", 5) if i.status == "active"]
    if items:
        lib.link_items(admin, dibao.uuid, [items[0].uuid])
