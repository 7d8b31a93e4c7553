"""Build the bundled standard catalogue (基层政务公开标准目录) that ``gongkai init`` loads into every site.

Dev-time only: the app reads the generated CSV files and never runs this script.

    .venv/bin/python scripts/build_catalogue.py          # (re)write resources/data/catalogue/*
    .venv/bin/python scripts/build_catalogue.py --check  # validate the files; exit 1 on any problem

Inputs
    scripts/data/catalogue-rows.csv            279 real published rows (research notes beside it)
    resources/data/catalogue/additions.csv     curated rows that are not in the reference (hand-edited)
    the ``SPEC`` / ``DROP`` tables below          which reference rows are used, in what order, with what
                                                  edits, and why every other reference row is left out
Outputs (all UTF-8 with BOM, RFC 4180, every field quoted)
    standard-catalogue.csv   the catalogue in the published two-header-row layout (19 columns)
    domains.csv              the 26 pilot domains plus 村务公开 and 乡镇通用事项
    synonyms.csv             abbreviations / colloquial terms -> the full term used in the catalogue
    provenance.csv           for every catalogue row: where it came from and what was changed
    SOURCES.md               the human-readable account of the above, with counts per domain

What the script does to a reference row, in order:
1. map the domain label onto the pilot-domain name (扶贫/乡村振兴 -> 扶贫, 环境保护/生态环境 -> 环境保护);
2. strip outline numbers ("1.1就业政策法规咨询" -> "就业政策法规咨询") and a trailing "。" from 一级/二级事项;
3. replace the publisher by a generic one (``PUBLISHER_MAP``: "溪下乡人民政府" -> "乡镇人民政府(街道办事处)"),
   because this catalogue is loaded into every site and each site names itself;
4. map the channel wording onto the 13 fixed channels (``CHANNEL_MAP``); channels that fit none become
   "■其他：<name>" extras;
5. map audience / mode / tier ticks; blank ticks default to 全社会 / 主动 and the tiers implied by the
   publisher (a county department -> 县级, a township body -> 乡级, a village body -> 村级);
6. apply the row's overrides from ``SPEC`` (each one carries a ``note`` saying why).
A row whose 一级/二级/内容/依据/时限 text is unchanged after steps 1–2 counts as "verbatim"; any edited or
filled text cell makes it "adapted". ``--check`` also rebuilds everything in memory and fails if a file on
disk differs, and fails if a reference row is neither used nor listed in ``DROP`` with a reason.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections import Counter, OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "resources" / "data" / "catalogue"
DEFAULT_REFERENCE = ROOT / "scripts" / "data" / "catalogue-rows.csv"
ADDITIONS = OUT_DIR / "additions.csv"

CATALOGUE_FILE = "standard-catalogue.csv"
DOMAINS_FILE = "domains.csv"
SYNONYMS_FILE = "synonyms.csv"
PROVENANCE_FILE = "provenance.csv"
SOURCES_FILE = "SOURCES.md"

# --------------------------------------------------------------------------------------------------
# Layout
# --------------------------------------------------------------------------------------------------

#: The 13 fixed channels in print order (docs/domain-facts.md §1.4).
CHANNELS = (
    "政府网站",
    "政府公报",
    "两微一端",
    "发布会/听证会",
    "广播电视",
    "纸质媒体",
    "公开查阅点",
    "政务服务中心",
    "便民服务站",
    "入户/现场",
    "社区/企事业单位/村公示栏(电子屏)",
    "精准推送",
    "其他",
)
BOARD = "社区/企事业单位/村公示栏(电子屏)"
EXTRA_PREFIX = "其他："

HEADER1 = (
    "序号",
    "领域",
    "公开事项",
    "",
    "",
    "公开内容（要素）",
    "公开依据",
    "公开时限",
    "公开主体",
    "公开渠道和载体",
    "公开对象",
    "",
    "公开方式",
    "",
    "公开层级",
    "",
    "",
    "咨询电话",
    "公开时长",
)
HEADER2 = (
    "",
    "",
    "一级事项",
    "二级事项",
    "三级事项",
    "",
    "",
    "",
    "",
    "",
    "全社会",
    "特定群体",
    "主动",
    "依申请",
    "县级",
    "乡级",
    "村级",
    "",
    "",
)
NCOLS = 19
TICK = "√"
TIERS = ("县级", "乡级", "村级")

#: (代码, 领域, 牵头部门, 说明). 01–26 follow docs/domain-facts.md §1.2; 27–28 are the labels real township
#: catalogues add. 牵头部门 is the lead ministry as reconstructed there ([R], not verified).
DOMAINS = (
    ("01", "重大建设项目", "国家发展改革委", ""),
    ("02", "公共资源交易", "国家发展改革委", ""),
    ("03", "财政预决算", "财政部", "乡镇(街道)本级预决算与部门预决算"),
    ("04", "安全生产", "应急管理部", "与救灾领域共用指引模板"),
    (
        "05",
        "税收管理",
        "国家税务总局",
        "税务机关垂直管理，多数乡镇列为“未涉及领域”；本目录未收录事项，需要时由站点自行添加",
    ),
    ("06", "征地补偿", "自然资源部", "也称农村集体土地征收"),
    ("07", "国有土地上房屋征收与补偿", "住房和城乡建设部", "本目录将城镇老旧小区改造事项一并列入本领域"),
    ("08", "农村危房改造", "住房和城乡建设部", "后续文件多称农村低收入群体等重点对象住房安全保障"),
    ("09", "城乡规划", "自然资源部", "后称国土空间规划(自然资源)"),
    ("10", "环境保护", "生态环境部", "后称生态环境"),
    ("11", "公共文化服务", "文化和旅游部", "也写作公共文化"),
    ("12", "公共法律服务", "司法部", ""),
    (
        "13",
        "扶贫",
        "国务院扶贫办(现国家乡村振兴局职能并入农业农村部)",
        "2021年后多称乡村振兴、巩固拓展脱贫攻坚成果",
    ),
    ("14", "救灾", "应急管理部", ""),
    ("15", "食品药品监管", "国家市场监督管理总局、国家药品监督管理局", "基层由市场监督管理所承担"),
    ("16", "城市综合执法", "住房和城乡建设部", "含赋权乡镇(街道)的综合行政执法"),
    ("17", "就业", "人力资源和社会保障部", ""),
    ("18", "社会保险", "人力资源和社会保障部", ""),
    ("19", "社会救助", "民政部", "医疗救助现由医疗保障部门主管"),
    ("20", "养老服务", "民政部", ""),
    ("21", "户籍管理", "公安部", ""),
    ("22", "涉农补贴", "财政部、农业农村部", ""),
    ("23", "医疗卫生", "国家卫生健康委员会", "也称卫生健康；本目录含医疗保障事项"),
    ("24", "市政服务", "住房和城乡建设部", ""),
    ("25", "保障性住房", "住房和城乡建设部", ""),
    ("26", "义务教育", "教育部", ""),
    ("27", "村务公开", "民政部", "村(居)务公开事项；不属于26个试点领域，真实乡镇目录常单列"),
    (
        "28",
        "乡镇通用事项",
        "国务院办公厅政府信息与政务公开办公室",
        "机构、领导、信息公开指南和年报、政府文件等乡镇(街道)通用事项",
    ),
)
DOMAIN_NAMES = tuple(d[1] for d in DOMAINS)
REFERENCE_DOMAIN_MAP = {"扶贫/乡村振兴": "扶贫", "环境保护/生态环境": "环境保护"}

# --------------------------------------------------------------------------------------------------
# Mapping rules for reference rows
# --------------------------------------------------------------------------------------------------

W, S, C, L, H, M, Z = "政府网站", "政务服务中心", "公开查阅点", BOARD, "入户/现场", "两微一端", "便民服务站"

#: Source channel wording -> fixed channels and/or "其他：<name>" extras. Every token found in the
#: reference must be listed here (an unknown token stops the build).
CHANNEL_MAP: dict[str, tuple[str, ...]] = {
    # fixed names as printed
    **{c: (c,) for c in CHANNELS},
    # government websites of one level or another
    "县政府门户网站": (W,),
    "镇门户网站": (W,),
    "政府网站(大涌镇人民政府网站)": (W,),
    "政府网站(港口镇人民政府网站)": (W,),
    "政府网站(网址:http://mzj.dg.gov.cn/)": (W,),
    "政府网站 http://nr.dg.gov.cn/": (W,),
    "政府网站(凤翔区人民政府网)": (W,),
    "政府网站(区政府门户网站)": (W,),
    "政府网站/财政部门网站公开": (W,),
    "▲政府网站": (W,),
    "▲中山市自然资源局网站": (W,),
    "政务新媒体(三角发布)": (M,),
    "查询点": (C,),
    "社会保障和为民服务中心公开查阅点": (C,),
    # the township's own service hall is its 政务服务中心 (行政服务中心 -> 政务服务中心 as well)
    "行政服务中心": (S,),
    "乡镇便民服务中心": (S,),
    "便民服务中心": (S,),
    # every kind of bulletin board
    "社区/村公示栏(电子屏)": (L,),
    "社区/村公示栏": (L,),
    "公示栏": (L,),
    "村务公开栏": (L,),
    "镇村公示公开栏": (L,),
    "线下公示栏": (L,),
    "行政村公示栏": (L,),
    "乡镇公示栏": (L,),
    "镇公示栏": (L,),
    "村委会(社区)公示栏": (L,),
    "单位/村委会公示栏(电子屏)": (L,),
    "嘎查(社区)公示栏": (L,),
    "公告公示栏": (L,),
    "街道文化站/(社区)综合性文化服务中心公示栏": (L,),
    "乡镇便民服务中心/村委会公示栏": (S, L),
    "政府网站/被征收范围内公告栏": (W, L),
    "纸质载体": ("纸质媒体",),
    "入户现场": (H,),
    # channels that fit none of the 13
    "办事窗口": ("其他：办事窗口",),
    "会议": ("其他：会议",),
    "党群服务中心": ("其他：党群服务中心",),
    "山东政务服务网": ("其他：山东政务服务网",),
    "山东省政务服务网": ("其他：山东政务服务网",),
    "征地信息公开平台": ("其他：征地信息公开平台",),
    "其他(法律服务网)": ("其他：法律服务网",),
    "其他(基层公共服务平台)": ("其他：基层公共服务平台",),
    "其他(国家企业信用信息公示系统)": ("其他：国家企业信用信息公示系统",),
}

#: Source tier labels -> the three tick columns.
TIER_MAP = {
    "县级": {"县级"},
    "区级": {"县级"},
    "市级": {"县级"},
    "县(区)级": {"县级"},
    "乡级": {"乡级"},
    "镇级": {"乡级"},
    "乡镇级": {"乡级"},
    "镇(街)级": {"乡级"},
    "村级": {"村级"},
    "社区(村)级": {"村级"},
    "嘎查(社区)级": {"村级"},
    "乡、村级": {"乡级", "村级"},
    "镇、村级": {"乡级", "村级"},
    "镇街、村级": {"乡级", "村级"},
}

TOWN = "乡镇人民政府(街道办事处)"
CIVIL = "县级人民政府民政部门、乡镇人民政府(街道办事处)"
EMERG = "县级应急管理部门、乡镇人民政府(街道办事处)"
POLICE = "县级公安机关、公安派出所"
EDU = "县级教育行政部门、乡镇人民政府(街道办事处)、乡镇中心学校"
SCHOOL = "乡镇中心学校(义务教育学校)"
HEALTH = "县级卫生健康部门、乡镇卫生院(社区卫生服务中心)"
HOUSE = "县级人民政府及其房屋征收部门、乡镇人民政府(街道办事处)"
LAND = "县级人民政府自然资源主管部门、乡镇人民政府(街道办事处)"
RURAL_HOUSING = "县级住房城乡建设部门、乡镇人民政府(街道办事处)"
LEGAL = "县级司法行政部门、乡镇(街道)司法所"
VILLAGE = "村民委员会"

#: Source publisher -> generic publisher. A name already generic is kept as printed.
PUBLISHER_MAP = {
    "乡镇人民政府": TOWN,
    "镇人民政府": TOWN,
    "街道办事处": TOWN,
    "镇级人民政府": TOWN,
    "乡人民政府": TOWN,
    "乡镇政府(街道办事处)": TOWN,
    "溪下乡人民政府": TOWN,
    "九龙街道办事处": TOWN,
    "胡家镇人民政府": TOWN,
    "淙城街道办事处": TOWN,
    "龙岭镇人民政府": TOWN,
    "勤丰镇社会事务办": TOWN,
    "车板镇人民政府": TOWN,
    "乡镇便民服务中心": TOWN,
    "镇农林水务局": TOWN,
    "党政综合办公室": TOWN,
    "宋家川街道办事处": TOWN,
    "县民政局、乡镇政府(街道办事处)": CIVIL,
    "县级人民政府民政部门": CIVIL,
    "公共服务办": CIVIL,
    "应急管理部门": EMERG,
    "行政村": VILLAGE,
    "村委会": VILLAGE,
    "司法行政部门": LEGAL,
    "县司法局": LEGAL,
    "嘉荫县法律援助中心": "县级法律援助机构、乡镇(街道)司法所",
    "公安机关": POLICE,
    "区公安分局": POLICE,
    "公安分局": POLICE,
    "民众镇教体文旅局": EDU,
    "翔安区教育局": EDU,
    "大姚县教育体育局": EDU,
    "石羊镇中心学校": SCHOOL,
    "郊区卫生健康委员会": HEALTH,
    "县级农业农村部门": "县级农业农村部门、乡镇人民政府(街道办事处)",
    "中山市农业农村局、神湾镇人民政府": "县级农业农村部门、乡镇人民政府(街道办事处)",
    "区党工委组织人社局": "县级人力资源社会保障部门、乡镇人民政府(街道办事处)",
    "凌源市劳动就业事务服务中心": "县级公共就业服务机构、乡镇人民政府(街道办事处)",
    "凤翔区人民政府及区住房和城乡建设局": HOUSE,
    "凤翔区人民政府": HOUSE,
    "县住房和城乡建设局": HOUSE,
    "住建局": RURAL_HOUSING,
    "县住房城乡建委、各乡镇人民政府(街道办事处)。": RURAL_HOUSING,
    "开发区自然资源主管部门": LAND,
    "市自然资源局高明分局": LAND,
    "土地房屋征收中心": "县级土地征收实施单位、乡镇人民政府(街道办事处)",
    "地方各级财政部门": TOWN,
    "城市管理行政执法部门或相关行政主管部门(责任单位:溪湖区综合执法队)": "城市管理行政执法部门或相关行政主管部门、乡镇人民政府(街道办事处)",
    "区市场监督管理局": "县级市场监督管理部门及其派出机构(市场监督管理所)",
    "镇级生态环境部门": "县级生态环境部门、乡镇人民政府(街道办事处)",
}

COUNTY_MARKERS = ("县级", "县(", "县委", "县民政", "县司法", "县住房", "县公安")
TOWN_MARKERS = (
    "乡镇",
    "街道",
    "乡(镇)",
    "派出所",
    "司法所",
    "中心学校",
    "卫生院",
    "市场监督管理所",
    "镇人民政府",
    "乡人民政府",
)
VILLAGE_MARKERS = (
    "村民委员会",
    "村委会",
    "行政村",
    "村(居)",
    "社区居民委员会",
    "村集体经济组织",
    "村卫生室",
    "各村(社区)",
)

OUTLINE_PREFIX = re.compile(r"^\d+(?:\.\d+)*\.?\s*")

# --------------------------------------------------------------------------------------------------
# Which reference rows are used (in output order) and how they are edited.
# Row numbers are 1-based data rows of catalogue-rows.csv (row 1 = the line after the header).
# --------------------------------------------------------------------------------------------------

BV = "《中华人民共和国村民委员会组织法》"
BV2 = BV + "、《中共中央办公厅 国务院办公厅关于健全和完善村务公开和民主管理制度的意见》(中办发〔2004〕17号)"
TQ = "每季度的首个月20日"
T20V = "信息形成或者变更之日起20个工作日内"
B57 = "《最低生活保障审核确认办法》(民发〔2021〕57号)"
B192 = (
    "《住房城乡建设部 财政部 国务院扶贫办关于加强和完善建档立卡贫困户等重点对象农村危房改造若干问题的通知》"
    "(建村〔2017〕192号)等"
)
EL6 = "受理部门、办理条件、办理流程、所需材料、办理时限、收费依据及标准"
BL743 = (
    "《中华人民共和国土地管理法》、《中华人民共和国土地管理法实施条例》(国务院令第743号)、"
    "《中华人民共和国政府信息公开条例》"
)
TOWN_VILLAGE_GROUP = "拟征收土地所在地的村集体成员"


def R(row: int, **overrides: object) -> dict:
    """A reference row, with optional overrides (keys: l1 l2 l3 content basis time_limit publisher
    channels extras audience mode tiers duration note)."""
    return {"ref": row, **overrides}


def A(addition_id: str) -> dict:
    """A row of additions.csv."""
    return {"add": addition_id}


def village(row: int, l1: str, content: str, *, time_limit: str = TQ, basis: str = BV2, **kw: object) -> dict:
    """A list-only village-affairs row (搜登站镇 / Zhejiang lists): fill the cells the list does not print."""
    note = kw.pop(
        "note", "list-only source row: 公开内容/依据/时限/主体 filled (依据 村民委员会组织法第三十条)"
    )
    kw.setdefault("channels", "L")
    return R(
        row,
        l1=l1,
        content=content,
        basis=basis,
        time_limit=time_limit,
        publisher=VILLAGE,
        tiers="村",
        note=note,
        **kw,
    )


SPEC: list[dict] = [
    # 01 重大建设项目 ---------------------------------------------------------------------------
    R(13, publisher=TOWN, channels="W L", tiers="乡"),
    A("A01-01"),
    A("A01-02"),
    A("A01-03"),
    A("A01-04"),
    R(270, publisher=TOWN),
    # 02 公共资源交易 ---------------------------------------------------------------------------
    R(11),
    R(
        14,
        time_limit="及时公开,公告期限为5个工作日",
        publisher="乡镇人民政府(街道办事处)(采购人)",
        channels="W",
        extras=("其他：中国政府采购网及地方分网",),
        tiers="乡",
        note="时限/主体/渠道 cut off in the excerpt; 时限 from docs/domain-facts.md §1.5 (same page, jinxiang)",
    ),
    A("A02-01"),
    A("A02-02"),
    A("A02-03"),
    # 03 财政预决算 -----------------------------------------------------------------------------
    R(194, tiers="乡", note="乡镇一级政府预算由乡镇人民政府(财政所)公开; publisher generalised"),
    A("A03-01"),
    A("A03-02"),
    A("A03-03"),
    # 04 安全生产 -------------------------------------------------------------------------------
    R(227),
    R(228),
    R(229),
    R(230, l1="决策公开", note="一级事项 empty (merged cell) in the excerpt"),
    R(
        231,
        l1="决策公开",
        audience="全社会",
        note="一级事项 empty (merged cell); source ticks both 全社会 and 特定群众",
    ),
    A("A04-01"),
    A("A04-02"),
    A("A04-03"),
    A("A04-04"),
    # 06 征地补偿 -------------------------------------------------------------------------------
    R(261, channels="W", extras=("其他：征地信息公开平台",)),
    R(
        153,
        content="1.征地区片综合地价; 2.地上附着物和青苗补偿标准; 3.农村村民住宅补偿标准; 4.被征地农民社会保障有关规定。",
        basis="《中华人民共和国土地管理法》、《中华人民共和国政府信息公开条例》",
        time_limit="自该信息形成或者变更之日起20个工作日内予以公开,法律法规另有规定的除外。",
        publisher=LAND,
        tiers="县乡",
        note="source lists 江门市 documents only; made generic. 依据/时限/主体 cut off, taken from row 152 (same page)",
    ),
    R(
        154,
        l2="征收土地预公告",
        basis=BL743,
        time_limit="在实地启动拟征收土地工作时,在拟征收土地所在的乡(镇)和村、村民小组范围内发布,预公告时间不少于10个工作日",
        channels="W L",
        audience=TOWN_VILLAGE_GROUP,
        tiers="县乡村",
        note="二级事项 renamed to the 2021 实施条例 term (拟征收土地启动公告 = 征收土地预公告); 时限 merges row 156 "
        "and 实施条例第二十六条 (≥10个工作日, docs/domain-facts.md §2.1); 依据 updated",
    ),
    R(
        157,
        l1="征地前期准备",
        l2="拟征收土地现状调查",
        publisher="县级土地征收实施单位、乡镇人民政府(街道办事处)",
        audience=TOWN_VILLAGE_GROUP,
        tiers="县乡村",
        note="source prints the item name in the 一级 column with no 二级; placed under 征地前期准备 (row 260 does the same)",
    ),
    R(
        160,
        l1="征地前期准备",
        l2="征地补偿安置方案公告",
        content="征地补偿安置公告,公布《征地补偿安置方案》全文,包括征收范围、土地现状、征收目的、补偿方式和标准、安置对象、"
        "安置方式、社会保障等内容,以及办理补偿登记的方式和期限、异议反馈渠道等",
        basis=BL743,
        time_limit="在拟征收土地所在的乡(镇)和村、村民小组范围内公告,公告时间不少于30日",
        publisher="县级人民政府、乡镇人民政府(街道办事处)",
        channels="W L",
        extras=("其他：征地信息公开平台",),
        tiers="县乡村",
        note="source row 征地法定公告 lists three notices; item 2 kept here, item 1 is the 预公告 row, item 3 is A06-03. "
        "依据/时限 (cut off) from 实施条例第二十八条 (≥30日, docs/domain-facts.md §2.1)",
    ),
    R(
        158,
        l1="征地前期准备",
        l2="听证",
        content="1.听证通知书(听证事项、申请听证的期限和方式、听证时间和地点); 2.听证笔录、听证纪要等其他听证信息。",
        publisher="县级人民政府、乡镇人民政府(街道办事处)",
        channels="W F L",
        audience=TOWN_VILLAGE_GROUP,
        tiers="县乡村",
        note="source row (pre-2020 征收土地补偿安置公告 + 听证通知书): the 公告 part is superseded by the row above; "
        "the 听证 part kept with its 时限 verbatim",
    ),
    A("A06-01"),
    A("A06-02"),
    R(
        151,
        l1="征地审查报批",
        publisher=LAND,
        channels="W L",
        tiers="县乡",
        note="county item; township displays the 批准文件 with the 征收土地公告. 依据 cites 主席令第28号 (2004 text) as printed",
    ),
    A("A06-03"),
    A("A06-04"),
    A("A06-05"),
    A("A06-06"),
    # 07 国有土地上房屋征收与补偿 ---------------------------------------------------------------
    R(161),
    R(162),
    R(163, publisher=HOUSE, channels="O", audience="申请人"),
    R(164, publisher=HOUSE, channels="O", audience="申请人"),
    A("A07-01"),
    R(149, publisher=HOUSE, channels="W L", tiers="县乡"),
    R(
        145,
        l2="征收补助奖励政策",
        content="房屋征收补助、奖励政策和标准。",
        publisher=HOUSE,
        audience="征收范围内的被征收人",
        tiers="县乡",
        note="source 启动要件 row lists 征收决定/补偿方案/补助奖励政策; the first two are rows 149 and A07-01, the third "
        "is kept here (启动要件 itself is row 163)",
    ),
    A("A07-02"),
    R(
        146,
        time_limit="信息形成或者变更之日起20个工作日内予以公开",
        publisher=HOUSE,
        channels="H L",
        audience="征收范围内的被征收人",
        tiers="县乡",
        note="时限/渠道 cut off; 时限 from row 145 (same page). 条例第二十九条: 分户补偿情况在房屋征收范围内向被征收人公布",
    ),
    A("A07-03"),
    A("A07-04"),
    A("A07-05"),
    A("A07-06"),
    A("A07-07"),
    A("A07-08"),
    # 08 农村危房改造 ---------------------------------------------------------------------------
    R(34, publisher=RURAL_HOUSING),
    R(
        243,
        l1="政策文件",
        basis="《中华人民共和国政府信息公开条例》(国务院令第711号)、国务院办公厅印发《关于全面推进政务公开工作的意见》实施细则的通知"
        "(国办发〔2016〕80号)",
        note="一级事项 '政策' aligned with row 34; 依据 cut off, taken from row 34",
    ),
    R(35, publisher=TOWN),
    R(
        37,
        l2="补助对象名单",
        content="农村危房改造补助对象认定(农户申请、村民会议或村民代表会议民主评议、乡镇审核、县级审批)情况;及时公开农村危房改造补助农户名单",
        tiers="乡村",
        note="the 平武/夏县 任务分配 rows carry the 补助农户名单; given its own 二级 so it does not clash with row 35",
    ),
    R(38),
    R(39),
    R(246, basis=B192, tiers="县乡村", note="依据 cut off; taken from row 39 (same domain)"),
    R(
        245,
        l2="农村危房改造竣工合格标准",
        content="农村危房改造竣工合格标准",
        basis=B192,
        tiers="县乡村",
        note="source row lists 4 standards; 1–3 are rows 39/38/246, the 4th (竣工合格标准) kept as its own item",
    ),
    A("A08-01"),
    A("A08-02"),
    A("A08-03"),
    # 09 城乡规划 -------------------------------------------------------------------------------
    R(155, publisher=TOWN, tiers="乡"),
    A("A09-01"),
    A("A09-02"),
    A("A09-03"),
    # 10 环境保护 -------------------------------------------------------------------------------
    R(254),
    R(255, channels="W"),
    A("A10-01"),
    A("A10-02"),
    # 11 公共文化服务 ---------------------------------------------------------------------------
    R(186, duration="长期"),
    R(187, duration="长期"),
    R(
        188,
        content="1.活动名称;2.活动时间;3.活动地点;4.活动内容;5.参与方式;6.联系电话。",
        note="source repeats the 免费开放 elements (机构名称、开放时间…) for 群众文化活动 — a copy slip in the source table",
    ),
    R(191, publisher=TOWN),
    R(192, publisher=TOWN),
    A("A11-01"),
    A("A11-02"),
    # 12 公共法律服务 ---------------------------------------------------------------------------
    R(83),
    R(88),
    R(85),
    R(
        89,
        basis="《中华人民共和国法律援助法》",
        audience="法律援助申请人",
        mode="主动",
        tiers="县乡",
        note="依据 《法律援助条例》 was replaced by the 法律援助法 on 2022-01-01; 特定群体 text truncated in the excerpt",
    ),
    A("A12-01"),
    A("A12-02"),
    A("A12-03"),
    # 13 扶贫 -----------------------------------------------------------------------------------
    R(221),
    R(222),
    R(223),
    R(224),
    A("A13-01"),
    A("A13-02"),
    A("A13-03"),
    A("A13-04"),
    A("A13-05"),
    # 14 救灾 -----------------------------------------------------------------------------------
    R(105),
    R(106),
    R(107),
    R(100, l1="决策公开", note="一级事项 empty (merged cell) in the excerpt"),
    R(101, l1="政策解读", note="一级事项 empty (merged cell) in the excerpt"),
    R(108, publisher=TOWN, channels="W L", tiers="乡村"),
    A("A14-01"),
    A("A14-02"),
    A("A14-03"),
    A("A14-04"),
    A("A14-05"),
    # 15 食品药品监管 ---------------------------------------------------------------------------
    R(272, tiers="县乡"),
    R(273, tiers="县乡"),
    R(274, publisher="县级市场监督管理部门及其派出机构(市场监督管理所)", channels="W", tiers="县乡"),
    A("A15-01"),
    # 16 城市综合执法 ---------------------------------------------------------------------------
    R(225, tiers="县乡"),
    R(226, channels="W L", tiers="县乡"),
    A("A16-01"),
    A("A16-02"),
    # 17 就业 -----------------------------------------------------------------------------------
    R(55),
    R(58),
    R(
        278,
        basis="《中华人民共和国就业促进法》、《就业服务与就业管理规定》(中华人民共和国人力资源和社会保障部令第23号)",
        time_limit="公开事项信息形成或变更之日起20个工作日内公开",
        duration="长期",
        note="source 依据 is a 朝阳市 notice (朝人社发〔2022〕25号); source 时限 '长期' is a 公开时长, moved there",
    ),
    A("A17-01"),
    A("A17-02"),
    A("A17-03"),
    A("A17-04"),
    # 18 社会保险 -------------------------------------------------------------------------------
    R(92),
    R(239),
    R(240),
    R(59, publisher=TOWN, channels="W S", tiers="乡"),
    R(93),
    R(94),
    A("A18-01"),
    A("A18-02"),
    A("A18-03"),
    A("A18-04"),
    A("A18-05"),
    A("A18-06"),
    # 19 社会救助 -------------------------------------------------------------------------------
    R(71),
    R(72),
    R(
        67,
        l1="综合业务",
        basis="《社会救助暂行办法》(国务院令第649号)",
        publisher=CIVIL,
        note="一级事项 empty (merged cell); 依据 was 《龙口市社会救助实施办法》, made national",
    ),
    R(
        73,
        content="●《国务院关于进一步加强和改进最低生活保障工作的意见》(国发〔2012〕45号) ●"
        + B57
        + " ●各地配套政策法规文件",
        note="民发〔2012〕220号 (审核审批办法(试行)) was superseded by 民发〔2021〕57号, which row 174 (腾冲 2023) cites",
    ),
    R(9),
    R(
        5,
        basis=B57,
        channels="L",
        tiers="乡村",
        note="依据 cut off; the 2021 办法 sets the 初审 公示 in the applicant's 村/社区",
    ),
    R(
        171,
        basis=B57,
        publisher=CIVIL,
        channels="W L",
        tiers="县乡村",
        note="依据 was 《晋城市最低生活保障对象审核确认实施细则》, made national",
    ),
    A("A19-01"),
    R(
        6,
        time_limit="制定或获取信息之日起10个工作日内",
        channels="W S",
        note="时限 cut off; same as the sibling 办事指南 rows",
    ),
    A("A19-02"),
    A("A19-03"),
    R(74),
    R(75),
    R(76, channels="W L", tiers="县乡"),
    A("A19-04"),
    A("A19-05"),
    A("A19-06"),
    A("A19-07"),
    A("A19-08"),
    # 20 养老服务 -------------------------------------------------------------------------------
    R(275),
    R(
        276,
        l1="养老服务通用政策",
        l2="养老服务扶持政策措施清单",
        note="source prints the item in the 一级 column; placed as in row 28 (大河口乡)",
    ),
    R(277, l1="养老服务通用政策", l2="养老机构投资指南", note="source prints the item in the 一级 column"),
    R(25),
    R(26),
    R(
        31,
        basis="●《中华人民共和国老年人权益保障法》 ●各地高龄津贴、养老服务补贴等老年人补贴政策 ●信息公开规定",
        publisher=CIVIL,
        channels="W S L",
        tiers="县乡村",
        note="依据 listed 东莞市 documents; made generic",
    ),
    A("A20-01"),
    A("A20-02"),
    A("A20-03"),
    A("A20-04"),
    A("A20-05"),
    A("A20-06"),
    A("A20-07"),
    # 21 户籍管理 -------------------------------------------------------------------------------
    R(50, tiers="县乡"),
    R(
        45,
        l1="出生登记",
        content=EL6,
        tiers="县乡",
        note="一级 '出生' aligned with the 公安部 指引 wording; 内容 not printed in the source, filled with the domain's 6 elements",
    ),
    R(51, tiers="县乡"),
    R(46, l1="收养、入籍等登记", content=EL6, tiers="县乡", note="as row 45"),
    R(52, tiers="县乡"),
    R(53, tiers="县乡"),
    R(54, tiers="县乡"),
    R(48, l1="恢复户口登记", content=EL6, tiers="县乡", note="as row 45"),
    R(49, l1="恢复户口登记", content=EL6, tiers="县乡", note="as row 45"),
    A("A21-01"),
    A("A21-02"),
    A("A21-03"),
    A("A21-04"),
    # 22 涉农补贴 -------------------------------------------------------------------------------
    R(
        63,
        l2="涉农资金相关文件",
        content="1、中央及地方政府下发涉农资金相关文件 2、本乡镇涉农资金相关文件",
        note="二级事项 empty in the source; '我镇' made generic",
    ),
    R(64, l2="涉农资金明细", note="二级事项 empty in the source"),
    R(61, tiers="乡村"),
    R(219, tiers="县乡"),
    R(62, tiers="县乡"),
    R(
        217,
        l2="种粮补贴专项资金",
        basis="《中华人民共和国政府信息公开条例》及本省(市)种粮补贴专项资金管理有关规定",
        publisher=TOWN,
        note="'粮补贴专项资金' lost its first character (the basis names 《种粮补贴专项资金管理办法》); 依据 was a 东莞市 notice",
    ),
    A("A22-01"),
    A("A22-02"),
    # 23 医疗卫生 -------------------------------------------------------------------------------
    R(
        23,
        l1="计划生育",
        note="一级事项 printed as the code '0505' / merged cell; 计划生育 is the guideline's 一级",
    ),
    R(24, l1="计划生育", note="as row 23"),
    R(
        90,
        basis="1.【法律】《中华人民共和国疫苗管理法》 2.【部门规章及规范性文件】《国家基本公共卫生服务规范(第三版)》"
        "(国卫基层发〔2017〕13号) 3.【部门规章及规范性文件】《关于做好2017年国家基本公共卫生服务项目工作的通知》"
        "(国卫基层发〔2017〕46号) 4.【部门规章及规范性文件】《关于做好2018年国家基本公共卫生服务项目工作的通知》"
        "(国卫基层发〔2018〕18号)",
        tiers="县乡村",
        note="《疫苗流通和预防接种管理条例》 was repealed by the 疫苗管理法 (2019-12-01); the other three bases kept",
    ),
    R(91, tiers="县乡村"),
    A("A23-01"),
    A("A23-02"),
    A("A23-03"),
    A("A23-04"),
    A("A23-05"),
    A("A23-06"),
    A("A23-07"),
    A("A23-08"),
    A("A23-09"),
    # 24 市政服务 -------------------------------------------------------------------------------
    A("A24-01"),
    A("A24-02"),
    A("A24-03"),
    A("A24-04"),
    # 25 保障性住房 -----------------------------------------------------------------------------
    R(
        247,
        publisher="县级住房保障主管部门、街道办事处(乡镇人民政府)",
        tiers="县乡",
        note="公开主体 cut off in the excerpt",
    ),
    A("A25-01"),
    A("A25-02"),
    A("A25-03"),
    A("A25-04"),
    # 26 义务教育 -------------------------------------------------------------------------------
    R(77),
    R(78),
    R(80),
    R(16),
    R(81),
    A("A26-01"),
    A("A26-02"),
    A("A26-03"),
    R(257),
    R(79),
    R(256),
    R(258, channels="W C"),
    A("A26-04"),
    A("A26-05"),
    R(12, publisher=TOWN),
    # 27 村务公开 -------------------------------------------------------------------------------
    R(271, publisher=VILLAGE),
    village(119, "制度类", "村民自治章程、村规民约全文及制定、修订情况", time_limit=T20V, duration="长期"),
    village(
        120,
        "制度类",
        "村民委员会工作制度;代办、证明开具等事项的办事指南(办理条件、所需材料、办理流程、联系人)",
        time_limit=T20V,
        duration="长期",
    ),
    village(121, "制度类", "村务监督委员会工作职责、监督内容和工作程序", time_limit=T20V, duration="长期"),
    village(122, "制度类", "民主评议的内容、方式、程序和评议结果运用", time_limit=T20V, duration="长期"),
    village(
        123, "制度类", "议事协商的主体、内容和程序(“四议两公开”工作法)", time_limit=T20V, duration="长期"
    ),
    village(124, "制度类", "印章保管人、使用范围、用印审批和登记程序", time_limit=T20V, duration="长期"),
    village(
        125,
        "制度类",
        "村级财务收支审批、票据管理、现金管理、资产管理、财务公开和民主理财制度",
        time_limit=T20V,
        duration="长期",
    ),
    village(126, "制度类", "村级档案收集、整理、保管和查阅利用规定", time_limit=T20V, duration="长期"),
    village(127, "制度类", "本村制定的其他村务管理制度", time_limit=T20V, duration="长期"),
    village(
        128, "事务类", "村情简介;村民委员会任期规划、任期目标和年度工作计划及完成情况", duration="任期内"
    ),
    village(
        129,
        "事务类",
        "村民委员会、村务监督委员会成员姓名、职务、工作分工和联系方式",
        time_limit=T20V,
        duration="任期内",
    ),
    village(
        130,
        "事务类",
        "选举公告、选民名单、候选人名单、选举结果;成员辞职、罢免、职务终止和补选情况",
        time_limit="登记参加选举的村民名单在选举日的20日前公布,其他信息随时公布",
    ),
    village(
        131,
        "事务类",
        "村民委员会设立、撤销、范围调整方案及批准情况;网格划分、网格长(员)姓名和联系方式",
        time_limit="随时公布",
    ),
    village(132, "事务类", "协商议题、参与主体、协商过程、协商成果及其采纳落实和反馈情况"),
    village(133, "事务类", "村民会议向村民代表会议授权的事项、范围和期限", time_limit="随时公布"),
    village(134, "事务类", "村民委员会年度工作报告及审议意见"),
    village(135, "事务类", "评议时间、参加人员、评议结果及处理意见"),
    village(136, "事务类", "被撤销或变更的决定及撤销、变更理由", time_limit="随时公布"),
    village(137, "事务类", "被撤销或变更的决定及撤销、变更理由", time_limit="随时公布"),
    village(
        138,
        "事务类",
        "公益事业项目名称、筹资筹劳方案、建设承包方案(承包方、承包金额、承包期限)及实施进度",
        time_limit="随时公布",
    ),
    village(139, "事务类", "评估机构、评估标准、补偿标准和补偿方式", time_limit="随时公布"),
    village(140, "事务类", "拆迁安置方案;安置房建设项目情况;安置区工程质量监管情况", time_limit="随时公布"),
    village(141, "事务类", "重点帮扶对象(去标识化处理)、帮扶责任人和帮扶措施"),
    village(142, "事务类", "各类保障和关爱服务对象数量、保障标准、资金发放情况及关爱服务开展情况"),
    village(143, "事务类", "红白理事会组成人员和章程;婚丧事宜操办标准;移风易俗活动开展情况"),
    village(
        111,
        "事务类",
        "年度村级发展规划、村民代表会议决议事项及执行情况",
        basis=BV,
        time_limit=TQ,
        channels="L W",
        note="一级事项 and 内容 not printed in the village list; 依据/时限 as printed",
    ),
    village(
        112,
        "事务类",
        "项目名称、投入资金、决策程序(村民代表会议决议情况)、实施单位、实施进度和验收结果",
        basis=BV,
        time_limit="随时公布",
        channels="L W",
        note="一级事项 and 内容 not printed; 依据/时限 as printed",
    ),
    village(
        113,
        "事务类",
        "宅基地申请户、申请理由、用地位置和面积、审批结果",
        basis=BV,
        channels="L W",
        note="一级事项 and 内容 not printed; 依据/时限 as printed",
    ),
    A("A27-06"),
    A("A27-07"),
    A("A27-01"),
    A("A27-02"),
    A("A27-03"),
    A("A27-04"),
    A("A27-05"),
    village(
        114,
        "政策落实类",
        "补贴项目、补贴对象、补贴面积(数量)、补贴标准和补贴金额",
        basis=BV,
        time_limit="每季度的首个月20日 (集体财务往来较多的,财务收支情况应每月公布一次)",
        channels="L W",
        note="一级事项 and 内容 not printed; 依据/时限 as printed",
    ),
    village(
        115,
        "政策落实类",
        "低保对象户主姓名(去标识化处理)、保障人数、保障金额,新增和退出情况",
        basis=BV,
        channels="L W",
        note="一级事项 and 内容 not printed; 依据/时限 as printed",
    ),
    village(
        116,
        "政策落实类",
        "补贴对象(去标识化处理)、补贴类别、补贴标准",
        basis=BV,
        channels="L W",
        note="一级事项 and 内容 not printed; 依据/时限 as printed",
    ),
    village(
        117,
        "政策落实类",
        "救助(慰问)对象、事由、金额和发放时间",
        basis=BV,
        time_limit="每季度的首个月20日 (集体财务往来较多的,财务收支情况应每月公布一次)",
        channels="L W",
        note="一级事项 and 内容 not printed; 依据/时限 as printed",
    ),
    village(
        118,
        "政策落实类",
        "新增参保人员名单、参保类别和缴费补贴情况",
        basis=BV,
        channels="L W",
        note="一级事项 and 内容 not printed; 依据/时限 as printed",
    ),
    # 28 乡镇通用事项 ---------------------------------------------------------------------------
    R(181),
    R(17),
    R(18),
    R(19),
    R(20),
    R(
        21,
        content="本乡政府信息公开分类、编排体系、获取方式、工作机构名称、办公地址、办公时间、联系电话、传真号码、"
        "互联网联系方式、依申请受理有关事项、监督举报等内容",
        note="OCR/IME slip '依申请手里' -> '依申请受理'",
    ),
    R(210, l1="政务公开专题", note="一级 '政府信息公开' aligned with rows 20–22 (same items)"),
    R(22),
    A("A28-04"),
    R(180),
    R(212, l1="政府文件", tiers="乡", note="一级 '镇街文件' aligned with row 180"),
    R(182),
    R(265),
    A("A28-01"),
    A("A28-02"),
    A("A28-03"),
    A("A28-05"),
    A("A28-06"),
    A("A28-07"),
    A("A28-08"),
]

#: Reference rows left out, with the reason. "dup of N" = near-identical to the kept row N (same item
#: from another catalogue); the kept row is the better-worded / more complete / more generic one.
DROP: dict[int, str] = {
    1: "split: its document list is spread over the 政策法规文件 rows of 综合业务/最低生活保障/临时救助 (rows 71, 73, 74) and A19-01",
    2: "dup of 72",
    3: "dup of 71",
    4: "dup of 9",
    7: "dup of 71",
    8: "dup of 73",
    10: "dup of 13 (shorter list)",
    15: "dup of 80 (80 lists 招生实施方案、随迁子女入学办法、延缓入学)",
    82: "dup of 16",
    27: "dup of 275",
    28: "dup of 276",
    29: "dup of 31 (老年人补贴办事指南)",
    30: "dup of 275 (广东/东莞 documents)",
    32: "dup of 71 (广东省 documents)",
    33: "dup of 72",
    36: "dup of 38",
    40: "dup of 50",
    41: "dup of 52",
    42: "dup of 53",
    43: "dup of 54",
    44: "dup of 50 (新生儿国内出生户口登记 = 出生登记)",
    47: "dup of 51 (取得《收养证》的户口登记 = 收养登记)",
    56: "dup of 58",
    57: "dup of 55",
    60: "dup of 93",
    65: "dup of 71 (龙口市 document)",
    66: "dup of 72",
    68: "dup of 71",
    69: "dup of 72",
    70: "dup of 73",
    84: "dup of 88",
    86: "county only: 律师 无证执业 处罚 is a county 司法局 power, not a township item",
    87: "dup of 83",
    95: "dup of 92",
    96: "dup of 93",
    97: "dup of 105",
    98: "dup of 106",
    99: "dup of 107",
    102: "dup of 105",
    103: "dup of 106",
    104: "dup of 107",
    109: "dup of 105",
    110: "dup of 106",
    144: "dup of 162 (地方层面法规政策)",
    147: "dup of 161",
    148: "dup of 164",
    150: "county only: 县政府建设用地请示/审查意见 are county-internal 报批材料",
    152: "dup of 261 (广东/江门 documents)",
    156: "dup of 154",
    159: "dup of 261",
    165: "dup of 161",
    166: "dup of 162",
    167: "dup of 163",
    168: "dup of 73 (晋城市 document)",
    169: "dup of 9",
    170: "dup of 5",
    172: "dup of 72",
    173: "dup of 71",
    174: "dup of 9 (newer 依据 民发〔2021〕57号 used in rows 5, 73, 171)",
    175: "local: 武冈市 高龄补贴 amounts and 湖南省 platform; A20-01 and row 31 cover the item generically",
    176: "county only: 县卫生健康局 行政处罚",
    177: "county only: 县卫生健康局 行政处罚",
    178: "county only: 县卫生健康局 行政处罚",
    179: "not a township power: 母婴保健技术服务机构执业许可 is issued by the county 卫生健康 department "
    "(the source prints a 乡 government as 公开主体)",
    183: "dup of 186",
    184: "dup of 187",
    185: "dup of 188",
    189: "dup of 186 ('永久公开' as 时限)",
    190: "dup of 191",
    193: "dup of 194 (earlier table version)",
    195: "dup of 186",
    196: "dup of 187 (cells cut off)",
    197: "dup of 188 (cells cut off)",
    198: "dup of 71 (广东省 documents)",
    199: "dup of 72",
    200: "dup of 74 (中山/大涌镇 documents)",
    201: "dup of 75",
    202: "dup of 76 ('长期' printed as 时限)",
    203: "dup of 71",
    204: "dup of 72",
    205: "dup of 73 (广东/中山 documents)",
    206: "dup of 9",
    207: "dup of 19 (机构设置 ≈ 内设机构及岗位责任人)",
    208: "dup of 18",
    209: "dup of 21",
    211: "dup of 22",
    213: "dup of 180",
    214: "dup of 55",
    215: "dup of 58",
    216: "dup of 219; its 内容/依据 were copied from a 重大建设项目 template in the source",
    218: "dup of 61",
    220: "dup of 61",
    232: "county only: 燃气经营许可证核发 (county 燃气管理部门)",
    233: "county only: 燃气设施改动审批",
    234: "dup of 71 (济宁/金乡 documents)",
    235: "dup of 72",
    236: "dup of 73 (济宁/金乡 documents)",
    237: "dup of 9",
    238: "dup of 171",
    241: "dup of 92",
    242: "dup of 34",
    244: "dup of 37",
    248: "dup of 50",
    249: "dup of 51",
    250: "dup of 52",
    251: "dup of 53",
    252: "dup of 247 (same 法律法规 item, 依据 without 文号)",
    253: "county only: 建设项目环境影响评价文件审批 is a county 生态环境 power (中山's 镇 act as counties)",
    259: "dup of 154 (pre-2020 拟征收土地告知)",
    260: "dup of 157",
    262: "dup of 154 (pre-2020 拟征收土地告知)",
    263: "dup of 181 + 17 + 18 (乡镇概况 = 简介 + 机构 + 领导)",
    264: "dup of 180",
    266: "dup of 221",
    267: "dup of 223",
    268: "dup of 256",
    269: "dup of 257",
    279: "dup of 55 (content only '办事指南'; its 创业担保贷款 documents feed A17-04)",
}


# --------------------------------------------------------------------------------------------------
# Synonyms: what a counter clerk or villager types -> the full term as it appears in the catalogue.
# --------------------------------------------------------------------------------------------------

SYNONYMS: tuple[tuple[str, str], ...] = (
    ("低保", "最低生活保障"),
    ("低保户", "最低生活保障"),
    ("吃低保", "最低生活保障"),
    ("低保评议", "最低生活保障民主评议"),
    ("特困", "特困人员救助供养"),
    ("特困供养", "特困人员救助供养"),
    ("五保", "特困人员"),
    ("五保户", "特困人员"),
    ("敬老院", "特困人员供养服务机构"),
    ("临救", "临时救助"),
    ("急难救助", "临时救助"),
    ("大病救助", "医疗救助"),
    ("残补", "残疾人两项补贴"),
    ("两项补贴", "残疾人两项补贴"),
    ("残疾人补贴", "困难残疾人生活补贴"),
    ("护理补贴", "重度残疾人护理补贴"),
    ("医保", "医疗保障"),
    ("医保", "基本医疗保险"),
    ("居民医保", "城乡居民基本医疗保险"),
    ("新农合", "新型农村合作医疗"),
    ("新农合", "城乡居民基本医疗保险"),
    ("合作医疗", "城乡居民基本医疗保险"),
    ("医保报销", "医疗保障待遇和报销政策"),
    ("异地就医", "异地就医备案"),
    ("慢病", "慢性病患者健康管理"),
    ("家医", "家庭医生签约服务"),
    ("家庭医生", "家庭医生签约服务"),
    ("签约医生", "家庭医生签约服务"),
    ("打疫苗", "预防接种"),
    ("疫苗", "预防接种"),
    ("打预防针", "预防接种"),
    ("健康档案", "居民健康档案管理"),
    ("公卫", "基本公共卫生服务"),
    ("免费体检", "老年人健康管理"),
    ("计生", "计划生育"),
    ("独生子女费", "独生子女父母奖励"),
    ("特扶", "计划生育家庭特别扶助"),
    ("养老金", "基本养老保险"),
    ("新农保", "城乡居民基本养老保险"),
    ("城乡居保", "城乡居民基本养老保险"),
    ("社保", "社会保险"),
    ("认证", "待遇领取资格认证"),
    ("生存认证", "待遇领取资格认证"),
    ("高龄补贴", "高龄津贴"),
    ("老人补贴", "高龄津贴"),
    ("长寿金", "高龄津贴"),
    ("老年证", "老年人优待证"),
    ("优待证", "老年人优待证"),
    ("养老院", "养老机构"),
    ("日间照料", "日间照料中心"),
    ("老年食堂", "老年助餐点"),
    ("助餐", "老年助餐点"),
    ("居家养老", "居家养老上门服务"),
    ("危房", "农村危房改造"),
    ("危改", "农村危房改造"),
    ("危房补助", "农村危房改造资金补助标准"),
    ("入学", "义务教育招生入学"),
    ("上学", "义务教育招生入学"),
    ("报名上学", "入学报名"),
    ("划片", "学区划分"),
    ("学区", "学区划分"),
    ("随迁子女", "随迁子女入学"),
    ("外地孩子上学", "随迁子女入学"),
    ("两免一补", "义务教育学生资助政策"),
    ("营养餐", "营养改善计划"),
    ("控辍", "控辍保学"),
    ("拆迁", "房屋征收"),
    ("拆迁补偿", "房屋征收补偿"),
    ("评估公司", "房地产价格评估机构"),
    ("旧改", "老旧小区改造"),
    ("老旧小区", "老旧小区改造"),
    ("棚改", "房屋征收"),
    ("征地", "征收土地"),
    ("征地款", "征地补偿费用"),
    ("补偿款", "征地补偿费用"),
    ("青苗费", "青苗补偿费"),
    ("地价", "区片综合地价"),
    ("预公告", "征收土地预公告"),
    ("征地听证", "听证"),
    ("土地补偿费分配", "土地补偿费收支和分配"),
    ("户口", "户籍"),
    ("户口", "户口登记"),
    ("上户口", "出生登记"),
    ("落户", "迁移登记"),
    ("迁户口", "迁移登记"),
    ("销户", "注销登记"),
    ("身份证", "居民身份证"),
    ("临时身份证", "临时居民身份证"),
    ("暂住证", "居住证"),
    ("退役", "退役军人"),
    ("退伍军人", "退役军人"),
    ("优抚", "优抚对象优待抚恤"),
    ("村账", "村级财务"),
    ("村财务", "村级财务收支情况"),
    ("三资", "村集体资产资源"),
    ("分红", "集体经济组织收益分配"),
    ("一事一议", "一事一议筹资筹劳"),
    ("宅基地", "宅基地审批"),
    ("批宅基地", "宅基地申请审查公示"),
    ("村规民约", "村民自治章程、村规民约"),
    ("村务", "村务公开"),
    ("换届", "换届选举"),
    ("地力补贴", "耕地地力保护"),
    ("耕地补贴", "耕地地力保护"),
    ("粮补", "种粮补贴"),
    ("种粮补贴", "种粮补贴专项资金"),
    ("农机补贴", "农机购置补贴"),
    ("一卡通", "惠民惠农财政补贴资金“一卡通”"),
    ("农险", "政策性农业保险"),
    ("法援", "法律援助"),
    ("普法", "法治宣传教育"),
    ("调解", "人民调解"),
    ("法律顾问", "村(社区)法律顾问"),
    ("公租房", "公共租赁住房"),
    ("廉租房", "廉租住房"),
    ("保障房", "保障性住房"),
    ("租房补贴", "租赁补贴"),
    ("找工作", "岗位信息发布"),
    ("招聘", "岗位信息发布"),
    ("失业证", "就业创业证"),
    ("就业证", "就业创业证"),
    ("创业贷", "创业担保贷款"),
    ("贴息", "财政贴息"),
    ("公益岗", "公益性岗位"),
    ("培训", "职业培训"),
    ("防返贫", "防止返贫监测"),
    ("监测户", "防止返贫监测对象"),
    ("扶贫小额贷款", "脱贫人口小额信贷"),
    ("乡村振兴", "扶贫"),
    ("衔接资金", "衔接资金项目"),
    ("灾民", "受灾人员"),
    ("救灾款", "救灾款物"),
    ("避难所", "应急避难场所"),
    ("应急预案", "突发事件应急预案"),
    ("安监", "安全生产"),
    ("预决算", "财政预决算"),
    ("三公经费", "“三公”经费"),
    ("政采", "政府采购"),
    ("招投标", "招标投标"),
    ("村规划", "村庄规划"),
    ("建房许可", "乡村建设规划许可"),
    ("规划", "城乡规划"),
    ("国土空间规划", "城乡规划"),
    ("生态环境", "环境保护"),
    ("环保", "环境保护"),
    ("改厕", "厕所改造"),
    ("城管", "城市管理行政执法"),
    ("综合执法", "城市综合执法"),
    ("食安", "食品安全"),
    ("集体聚餐", "农村集体聚餐"),
    ("书屋", "农家书屋"),
    ("电影下乡", "农村公益电影放映"),
    ("文化站", "综合文化站"),
    ("停水", "计划停水通知"),
    ("水费", "供水价格和收费标准"),
    ("垃圾", "生活垃圾"),
    ("信息公开申请", "政府信息公开申请"),
    ("依申请", "依申请公开"),
    ("年报", "信息公开年报"),
    ("公开指南", "信息公开指南"),
    ("明白卡", "惠民政策明白卡"),
    ("开放日", "政府开放日"),
)


# --------------------------------------------------------------------------------------------------
# Model
# --------------------------------------------------------------------------------------------------

CODE_CHANNELS = {
    "W": "政府网站",
    "G": "政府公报",
    "M": "两微一端",
    "F": "发布会/听证会",
    "B": "广播电视",
    "P": "纸质媒体",
    "C": "公开查阅点",
    "S": "政务服务中心",
    "Z": "便民服务站",
    "H": "入户/现场",
    "L": BOARD,
    "J": "精准推送",
    "O": "其他",
}
CODE_TIERS = {"县": "县级", "乡": "乡级", "村": "村级"}
TEXT_FIELDS = ("l1", "l2", "content", "basis", "time_limit")


@dataclass
class Item:
    domain: str
    l1: str
    l2: str
    l3: str
    content: str
    basis: str
    time_limit: str
    publisher: str
    channels: set[str]
    extras: list[str]
    group: str  # "" = 全社会
    mode: str  # 主动 / 依申请
    tiers: set[str]
    phone: str = ""
    duration: str = ""
    origin: str = ""  # verbatim / adapted / example / reference-text / written
    ref_rows: list[int] = field(default_factory=list)
    source_urls: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    note: str = ""
    addition_id: str = ""

    def key(self) -> tuple[str, str, str, str]:
        return (self.domain, self.l1, self.l2, self.l3)

    def cells(self, number: int) -> list[str]:
        strip = " ".join(("■" if c in self.channels else "□") + c for c in CHANNELS)
        strip += "".join(" ■" + EXTRA_PREFIX + e for e in self.extras)
        return [
            str(number),
            self.domain,
            self.l1,
            self.l2,
            self.l3,
            self.content,
            self.basis,
            self.time_limit,
            self.publisher,
            strip,
            "" if self.group else TICK,
            self.group,
            TICK if self.mode == "主动" else "",
            TICK if self.mode == "依申请" else "",
            *(TICK if t in self.tiers else "" for t in TIERS),
            self.phone,
            self.duration,
        ]


class BuildError(Exception):
    pass


def norm_level(text: str) -> str:
    text = OUTLINE_PREFIX.sub("", text.strip())
    return text.rstrip("。").strip()


def parse_channels(value: str | tuple[str, ...] | list[str]) -> tuple[set[str], list[str]]:
    """Channels given as letter codes ("W L"), fixed names, or "其他：x" extras."""
    if isinstance(value, str):
        tokens = value.split("；") if "；" in value else value.split()
    else:
        tokens = list(value)
    fixed: set[str] = set()
    extras: list[str] = []
    for tok in tokens:
        tok = tok.strip()
        name = CODE_CHANNELS.get(tok, tok)
        if name.startswith(EXTRA_PREFIX):
            extras.append(name[len(EXTRA_PREFIX) :])
        elif name in CHANNELS:
            fixed.add(name)
        else:
            raise BuildError(f"unknown channel {tok!r}")
    return fixed, extras


def map_source_channels(value: str, where: str) -> tuple[set[str], list[str]]:
    fixed: set[str] = set()
    extras: list[str] = []
    for tok in [t.strip() for t in value.split("；") if t.strip()]:
        if tok not in CHANNEL_MAP:
            raise BuildError(f"{where}: unmapped channel {tok!r}; add it to CHANNEL_MAP")
        for target in CHANNEL_MAP[tok]:
            if target.startswith(EXTRA_PREFIX):
                name = target[len(EXTRA_PREFIX) :]
                if name not in extras:
                    extras.append(name)
            else:
                fixed.add(target)
    return fixed, extras


def parse_tiers(value: str) -> set[str]:
    out: set[str] = set()
    for tok in re.split(r"[；;、\s]+", value.strip()):
        if not tok:
            continue
        if tok in TIERS:
            out.add(tok)
        elif all(ch in CODE_TIERS for ch in tok):
            out.update(CODE_TIERS[ch] for ch in tok)
        else:
            raise BuildError(f"unknown tier {tok!r}")
    return out


def map_source_tiers(value: str, where: str) -> set[str]:
    out: set[str] = set()
    for tok in [t.strip() for t in value.split("；") if t.strip()]:
        if tok not in TIER_MAP:
            raise BuildError(f"{where}: unmapped tier {tok!r}; add it to TIER_MAP")
        out |= TIER_MAP[tok]
    return out


def publisher_tiers(publisher: str) -> set[str]:
    out: set[str] = set()
    if any(m in publisher for m in COUNTY_MARKERS):
        out.add("县级")
    if any(m in publisher for m in TOWN_MARKERS):
        out.add("乡级")
    if any(m in publisher for m in VILLAGE_MARKERS):
        out.add("村级")
    return out


def map_source_audience(value: str) -> str:
    """'' or '全社会…' -> '' (public); '特定群体(X)' -> X."""
    value = value.strip()
    if not value or value.startswith("全社会"):
        return ""
    m = re.fullmatch(r"特定群[体众]\((.*)\)", value)
    if not m:
        raise BuildError(f"unmapped audience {value!r}")
    return m.group(1).removeprefix("面向")


def default_duration(it: Item) -> str:
    """公开时长 when the row does not give one, from the item name (二级/三级事项) and the 时限 wording."""
    name = it.l2 + it.l3
    if re.search(r"公示\d|公示期|公告时间|公示征求意见", it.time_limit) or any(
        k in name for k in ("初审", "审核信息", "公示", "预公告", "听证", "征求意见")
    ):
        return "公示期满后归档"
    if any(
        k in name
        for k in (
            "指南",
            "名录",
            "简介",
            "概况",
            "领导",
            "标准",
            "条件",
            "清单",
            "服务信息",
            "内设机构",
            "机构设置",
        )
    ):
        return "最新有效"
    if any(
        k in name for k in ("政策", "法规", "规章", "文件", "制度", "规划", "报告", "年报", "预算", "决算")
    ):
        return "长期"
    return ""


# --------------------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------------------


def read_csv_dicts(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def source_url(row: dict[str, str]) -> str:
    return row["source"].strip()


def item_from_reference(num: int, row: dict[str, str], ov: dict) -> Item:
    where = f"reference row {num}"
    domain = REFERENCE_DOMAIN_MAP.get(row["domain"], row["domain"])
    if domain not in DOMAIN_NAMES:
        raise BuildError(f"{where}: unknown domain {row['domain']!r}")
    base = {
        "l1": norm_level(row["level1"]),
        "l2": norm_level(row["level2"]),
        "content": row["content"].strip(),
        "basis": row["basis"].strip(),
        "time_limit": row["time_limit"].strip(),
    }
    pub_src = row["publisher"].strip()
    publisher = str(ov.get("publisher", PUBLISHER_MAP.get(pub_src, pub_src)))
    if "channels" in ov:
        channels, extras = parse_channels(ov["channels"])
    else:
        channels, extras = map_source_channels(row["channels"], where)
    for e in ov.get("extras", ()):
        name = e[len(EXTRA_PREFIX) :] if e.startswith(EXTRA_PREFIX) else e
        if name not in extras:
            extras.append(name)
    group = ov["audience"] if "audience" in ov else map_source_audience(row["audience"])
    group = "" if group == "全社会" else group
    mode = str(ov.get("mode", row["mode"].strip() or "主动"))
    if "tiers" in ov:
        tiers = parse_tiers(str(ov["tiers"]))
    else:
        tiers = map_source_tiers(row["tier"], where) | publisher_tiers(publisher)
    vals = {k: str(ov.get(k, base[k])) for k in TEXT_FIELDS}
    changed = [k for k in TEXT_FIELDS if vals[k] != base[k]]
    it = Item(
        domain=domain,
        l1=vals["l1"],
        l2=vals["l2"],
        l3=str(ov.get("l3", "")),
        content=vals["content"],
        basis=vals["basis"],
        time_limit=vals["time_limit"],
        publisher=publisher,
        channels=channels,
        extras=extras,
        group=group,
        mode=mode,
        tiers=tiers,
        origin="adapted" if changed else "verbatim",
        ref_rows=[num],
        source_urls=[source_url(row)],
        changed=changed,
        note=str(ov.get("note", "")),
    )
    if not channels and not extras:
        it.channels = {W} | ({BOARD} if "村级" in tiers else set())
    it.duration = str(ov["duration"]) if "duration" in ov else default_duration(it)
    return it


def item_from_addition(row: dict[str, str], reference: list[dict[str, str]] | None) -> Item:
    where = f"additions.csv {row['编号']}"
    channels, extras = parse_channels(row["公开渠道"])
    kind = row["来源类型"].strip()
    origin = {"编写": "written", "示例行": "example", "参考行": "reference-text"}.get(kind)
    if origin is None:
        raise BuildError(f"{where}: 来源类型 must be 编写/示例行/参考行, not {kind!r}")
    refs = [int(n) for n in re.findall(r"参考行(\d+)", row["来源说明"])]
    urls = [source_url(reference[n - 1]) for n in refs] if reference and origin == "reference-text" else []
    aud = row["公开对象"].strip()
    it = Item(
        domain=row["领域"].strip(),
        l1=row["一级事项"].strip(),
        l2=row["二级事项"].strip(),
        l3=row["三级事项"].strip(),
        content=row["公开内容（要素）"].strip(),
        basis=row["公开依据"].strip(),
        time_limit=row["公开时限"].strip(),
        publisher=row["公开主体"].strip(),
        channels=channels,
        extras=extras,
        group="" if aud == "全社会" else aud,
        mode=row["公开方式"].strip(),
        tiers=parse_tiers(row["公开层级"]),
        phone=row["咨询电话"].strip(),
        origin=origin,
        ref_rows=refs if origin == "reference-text" else [],
        source_urls=urls,
        note=row["来源说明"].strip(),
        addition_id=row["编号"].strip(),
    )
    it.duration = row["公开时长"].strip() or default_duration(it)
    return it


def build_items(reference: list[dict[str, str]], additions: list[dict[str, str]]) -> list[Item]:
    add_by_id = OrderedDict((r["编号"].strip(), r) for r in additions)
    if len(add_by_id) != len(additions):
        raise BuildError("duplicate 编号 in additions.csv")
    used_refs: list[int] = []
    used_adds: list[str] = []
    items: list[Item] = []
    for entry in SPEC:
        if "ref" in entry:
            num = int(entry["ref"])
            if not 1 <= num <= len(reference):
                raise BuildError(f"SPEC: reference row {num} out of range")
            ov = {k: v for k, v in entry.items() if k != "ref"}
            items.append(item_from_reference(num, reference[num - 1], ov))
            used_refs.append(num)
        else:
            aid = entry["add"]
            if aid not in add_by_id:
                raise BuildError(f"SPEC: {aid} not in additions.csv")
            items.append(item_from_addition(add_by_id[aid], reference))
            used_adds.append(aid)
    dup_refs = [n for n, c in Counter(used_refs).items() if c > 1]
    if dup_refs:
        raise BuildError(f"SPEC uses reference rows more than once: {dup_refs}")
    both = sorted(set(used_refs) & set(DROP))
    if both:
        raise BuildError(f"reference rows both used and dropped: {both}")
    missing = sorted(set(range(1, len(reference) + 1)) - set(used_refs) - set(DROP))
    if missing:
        raise BuildError(f"reference rows neither used nor in DROP: {missing}")
    unused_adds = [a for a in add_by_id if a not in used_adds]
    if unused_adds:
        raise BuildError(f"additions not placed in SPEC: {unused_adds}")
    dup_adds = [a for a, c in Counter(used_adds).items() if c > 1]
    if dup_adds:
        raise BuildError(f"SPEC places additions more than once: {dup_adds}")
    return items


# --------------------------------------------------------------------------------------------------
# Serialisation
# --------------------------------------------------------------------------------------------------


def to_csv(rows: Sequence[Sequence[str]]) -> bytes:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    w.writerows(rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def catalogue_rows(items: list[Item]) -> list[list[str]]:
    return [list(HEADER1), list(HEADER2)] + [it.cells(i) for i, it in enumerate(items, 1)]


def provenance_rows(items: list[Item]) -> list[list[str]]:
    rows = [
        ["序号", "领域", "一级事项", "二级事项", "来源", "参考行", "补充编号", "改动字段", "来源网址", "说明"]
    ]
    label = {
        "verbatim": "参考行原文",
        "adapted": "参考行改写",
        "example": "domain-facts示例行",
        "reference-text": "参考行文字另立事项",
        "written": "新编写",
    }
    for i, it in enumerate(items, 1):
        rows.append(
            [
                str(i),
                it.domain,
                it.l1,
                it.l2,
                label[it.origin],
                " ".join(map(str, it.ref_rows)),
                it.addition_id,
                " ".join(it.changed),
                " ".join(it.source_urls),
                it.note,
            ]
        )
    return rows


def generate(reference_path: Path) -> dict[str, bytes]:
    reference = read_csv_dicts(reference_path)
    additions = read_csv_dicts(ADDITIONS)
    items = build_items(reference, additions)
    files = {
        CATALOGUE_FILE: to_csv(catalogue_rows(items)),
        DOMAINS_FILE: to_csv([("代码", "领域", "牵头部门", "说明"), *DOMAINS]),
        SYNONYMS_FILE: to_csv([("简称", "全称"), *SYNONYMS]),
        PROVENANCE_FILE: to_csv(provenance_rows(items)),
        SOURCES_FILE: sources_md(items, reference).encode("utf-8"),
    }
    return files


# --------------------------------------------------------------------------------------------------
# SOURCES.md
# --------------------------------------------------------------------------------------------------

ADDED_WHY = {
    "重大建设项目": "招标投标、施工、竣工信息 (the 重大建设项目 guideline's later categories, cut off in every excerpt); "
    "办事指南 from the 赛罕区 example row in docs/domain-facts.md §1.6.",
    "公共资源交易": "政府采购 结果公告/合同 and 工程招标 中标候选人公示 — the notices a township as 采购人/招标人 must post.",
    "财政预决算": "政府决算 and 部门预算/决算 written in the style of the 大涌镇 政府预算 row (预算法第十四条 deadlines).",
    "安全生产": "监督检查、举报、应急预案 (安全生产法 gives 乡镇/街道 a supervision duty); 政策解读 as in 救灾.",
    "征地补偿": "The seed singles out 土地征收: the full 2020+ sequence 预公告 → 现状调查 → 补偿安置方案公告 → 听证 → "
    "补偿登记 → 协议 → 批准 → 征收土地公告 → 补偿安置决定 → 补偿费用支付 → 村集体分配.",
    "国有土地上房屋征收与补偿": "补偿方案征求意见 (条例第十、十一条), 评估机构选定, 补偿决定; and 城镇老旧小区改造 "
    "(seed: 旧区改造) — 政策、年度计划、方案征求意见、实施、验收.",
    "农村危房改造": "实施情况、补助资金到户 (“一卡通”)、监督举报.",
    "城乡规划": "村庄规划、规划草案公示 (城乡规划法 ≥30日)、乡村建设规划许可办事指南.",
    "环境保护": "信访投诉办理和农村人居环境整治 — township-level items (the county 环评审批 row was left out).",
    "公共文化服务": "农家书屋 and 农村公益电影放映 (seed: 电影下乡).",
    "公共法律服务": "法律援助申请指南、人民调解、公共法律服务工作站/村法律顾问 — the township-facing part of the domain.",
    "扶贫": "监测对象帮扶和风险消除、衔接资金项目库和公告公示、小额信贷、公益性岗位.",
    "救灾": "应急避难场所、受灾人员救助、冬春救助、倒损民房恢复重建、救灾款物 (自然灾害救助条例); catalogue-rows.md "
    "notes these sit late in the tables and were cut off.",
    "食品药品监管": "农村集体聚餐 — the township 食安 item.",
    "城市综合执法": "乡镇(街道)赋权执法事项清单 and 处罚决定公示 (行政处罚法第二十四条; 7个工作日).",
    "就业": "就业失业登记、就业困难人员认定、公益性岗位、创业担保贷款 (人社部 就业 directory's township items).",
    "社会保险": "待遇申领、丧葬抚恤、资格认证、权益记录、城乡居保缴费、制度衔接 (same 11-element wording as the source rows).",
    "社会救助": "特困 政策/审核/审批, 医疗救助 政策/指南/结果 (cut off in every excerpt), 残疾人两项补贴.",
    "养老服务": "高龄津贴发放、居家社区养老设施和上门服务、探访关爱、养老机构名录、敬老院、老年人优待 (seed: 养老服务).",
    "户籍管理": "户口项目变更更正、居民身份证、临时身份证、居住证.",
    "涉农补贴": "惠民惠农补贴“一卡通”和政策性农业保险.",
    "医疗卫生": "家庭医生签约、基本公共卫生服务项目和重点人群健康管理、基层医疗机构和价格信息、城乡居民医保参保和报销 "
    "(seed: 就诊就医).",
    "市政服务": "No township-level source row (the two 燃气 rows are county approvals): 供水价格、停水通知、垃圾清运、设施报修.",
    "保障性住房": "公租房租赁补贴资格确认 (巩留 example row), 申请受理、审核公示、配租结果.",
    "义务教育": "入学报名、随迁子女入学、招生结果、困难学生生活补助、营养改善计划 (seed: 义务教育入学).",
    "村务公开": "财务类 (村级财务收支、集体资产资源、收益分配、一事一议、村干部报酬), 低保民主评议, 宅基地申请公示 "
    "(seed: 村务居务).",
    "乡镇通用事项": "政策解读、专区活动 (seed 四(三): 现场政策解读、综合政策辅导、办事流程演示), 决策征求意见, "
    "依申请公开办理, 便民服务清单, 退役军人服务站, 民生实事, 代表建议办理.",
}

QUESTIONABLE = [
    "Rows 189/195 (公共文化服务) and 202 (临时救助) print '永久公开' / '长期' in the 公开时限 column; those are 公开时长, "
    "not deadlines. Row 278 (就业) likewise: its '长期' was moved to 公开时长.",
    "Row 188 (组织开展群众文化活动) and its siblings 185/197 repeat the 免费开放 elements (机构名称、开放时间…) — a "
    "copy slip in the source table; replaced with activity elements.",
    "Rows 191/192 (乡镇综合文化站服务) carry a 时限 about '执法决定信息' — the 执法公示 template text pasted into a "
    "cultural-service row. Kept as printed (it is the source's wording) but it should be simplified locally.",
    "Row 216 (樟木头镇 农机购置补贴) has the 内容 and 依据 of a 重大建设项目 批准服务 row; dropped in favour of row 219.",
    "Row 179 names 班老乡人民政府 as 公开主体 of 母婴保健技术服务机构执业许可, a county licence; dropped.",
    "Row 217 reads '粮补贴专项资金' (first character lost); restored to 种粮补贴专项资金.",
    "Row 21: '依申请手里有关事项' is an IME slip for 依申请受理; fixed.",
    "Outdated citations kept as printed (check before publishing): row 151 《土地管理法》(主席令第28号) is the 2004 "
    "text (2019 修正 = 主席令第32号); row 23 《人口与计划生育法》 '2015年12月27日修正' (amended again in 2021); row 62 "
    "'“十三五”全国新型职业农民培育发展规划'; row 219 《2018-2020年农机购置补贴实施指导意见》; row 73/A19-01 cite "
    "国发〔2012〕45号 and 民发〔2016〕178号 (《特困人员认定办法》 was reissued in 2021 [R]).",
    "Replaced because superseded: 民发〔2012〕220号 → 民发〔2021〕57号 (row 73); 《疫苗流通和预防接种管理条例》 → "
    "《疫苗管理法》 (row 90); 《法律援助条例》 → 《法律援助法》 (row 89; the source also mis-titles it "
    "'《中华人民共和国法律援助条例》').",
    "Row 89's 特定群体 text is truncated in the excerpt ('法律援助申请人、受指派的法律…'); only '法律援助申请人' is used.",
    "Row 231 (安全生产 重要会议) ticks both 全社会 and 特定群众; the layout allows one, 全社会 is used. Row 259 does the "
    "same (dropped as a duplicate).",
    "Rows 44–49 (洛江区 户籍) print no 公开内容; filled with the domain's six elements. Rows 119–143 (搜登站镇 village "
    "list) and 111–118 (Zhejiang village list) print only the item name; 内容/依据/时限 were filled.",
    "Many publishers are county departments on township pages (区教育局, 应急管理部门, 派出所, 镇中心学校); the "
    "catalogue uses generic publishers and every site renames its own.",
    "The 腾冲 荷花镇 pages show a 2026-03-07 date (as captured) — probably a capture/CMS artefact.",
    "Channel names are not uniform across sources (便民服务中心 vs 政务服务中心, a dozen names for the bulletin board); "
    "CHANNEL_MAP in the script records every mapping.",
]

UNVERIFIED = [
    "征收土地公告 '自收到征地批准文件之日起15个工作日内' (土地管理法实施条例第三十一条) — recollection, not retrieved.",
    "计划停水 '提前24小时通知' (城镇供水条例) — recollection.",
    "政府采购 中标结果 '公告期限为1个工作日' — docs/domain-facts.md §2.1 marks it [R].",
    "Documents cited by title only where the 文号 could not be confirmed: 《关于推进家庭医生签约服务的指导意见》, "
    "《国务院办公厅关于实施农村义务教育学生营养改善计划的意见》, 《村民一事一议筹资筹劳管理办法》, 《农业农村部 自然资源部"
    "关于规范农村宅基地审批管理的通知》, 《关于完善扶贫资金项目公告公示制度的指导意见》, 行政执法三项制度指导意见.",
    "文号 confirmed in stored public text: 国务院令第743号 (土地管理法实施条例), 国办发〔2020〕23号 (老旧小区改造), "
    "国发〔2016〕3号 (城乡居民医保整合), 国发〔2014〕8号 (城乡居民养老保险), 国办发〔2021〕42号 (重特大疾病医疗保险和救助), "
    "国发〔2015〕52号 (残疾人两项补贴), 国务院令第713号 (重大行政决策程序暂行条例), 民政部令第66号 (养老机构管理办法); "
    "国有土地上房屋征收与补偿条例 第十至十三条 (30日 征求意见) was read in a stored copy.",
]


def md_table(header: list[str], rows: list[list[str]]) -> str:
    out = [
        "| " + " | ".join(header) + " |",
        "|"
        + "|".join(
            "---:"
            if h.startswith(("items", "verbatim", "adapted", "example", "written", "ref-text", "rows"))
            else "---"
            for h in header
        )
        + "|",
    ]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def sources_md(items: list[Item], reference: list[dict[str, str]]) -> str:
    per: OrderedDict[str, Counter] = OrderedDict((d, Counter()) for d in DOMAIN_NAMES)
    urls: OrderedDict[str, Counter] = OrderedDict((d, Counter()) for d in DOMAIN_NAMES)
    for it in items:
        per[it.domain][it.origin] += 1
        per[it.domain]["items"] += 1
        for u in it.source_urls:
            urls[it.domain][u] += 1
    total: Counter[str] = Counter()
    for c in per.values():
        total.update(c)
    rows = []
    for d, c in per.items():
        rows.append(
            [
                d,
                str(c["items"]),
                str(c["verbatim"]),
                str(c["adapted"]),
                str(c["example"]),
                str(c["reference-text"]),
                str(c["written"]),
            ]
        )
    rows.append(
        [
            "**total**",
            f"**{total['items']}**",
            f"**{total['verbatim']}**",
            f"**{total['adapted']}**",
            f"**{total['example']}**",
            f"**{total['reference-text']}**",
            f"**{total['written']}**",
        ]
    )
    n_domains = sum(1 for c in per.values() if c["items"])

    src_lines = []
    for d, c in urls.items():
        if not c:
            continue
        src_lines.append(f"### {d}\n")
        for u, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
            src_lines.append(f"- {u} — {n} row{'s' if n > 1 else ''}")
        src_lines.append("")

    why = [
        f"- **{d}** ({per[d]['written'] + per[d]['example'] + per[d]['reference-text']} added): {ADDED_WHY[d]}"
        for d in DOMAIN_NAMES
        if d in ADDED_WHY
    ]

    drop_groups: OrderedDict[str, list[str]] = OrderedDict()
    for num in sorted(DROP):
        reason = DROP[num]
        kind = (
            "near-duplicate"
            if reason.startswith("dup of")
            else "county-only / not a township power"
            if reason.startswith(("county only", "not a township"))
            else "local-only"
            if reason.startswith("local")
            else "split into other rows"
        )
        dom = REFERENCE_DOMAIN_MAP.get(reference[num - 1]["domain"], reference[num - 1]["domain"])
        drop_groups.setdefault(kind, []).append(f"{num} ({dom}: {reason})")
    drop_lines = []
    for kind, lst in drop_groups.items():
        drop_lines.append(f"- **{kind}** ({len(lst)}): " + "; ".join(lst))

    used = sum(1 for it in items if it.origin in ("verbatim", "adapted"))
    return f"""# Standard catalogue (基层政务公开标准目录) — sources

Generated by `scripts/build_catalogue.py` (do not edit by hand; edit `additions.csv` or the tables in the
script and re-run). Check with `.venv/bin/python scripts/build_catalogue.py --check`.

## Files

| file | what |
|---|---|
| `standard-catalogue.csv` | the catalogue `gongkai init` loads: two header rows, 19 columns, {total["items"]} items in {n_domains} domains |
| `domains.csv` | 代码,领域,牵头部门,说明 — the 26 pilot domains (01–26) + 27 村务公开 + 28 乡镇通用事项 |
| `synonyms.csv` | 简称,全称 — {len(SYNONYMS)} abbreviations/colloquial terms; every 全称 occurs in the catalogue text |
| `provenance.csv` | per catalogue row: origin, reference row(s), changed cells, source URL(s), note |
| `additions.csv` | the curated rows that are not reference rows (input of the build; hand-edited) |

## Where the rows came from

- **Reference rows** — `scripts/data/catalogue-rows.csv` (279 rows captured from 92 published township /
  county catalogue pages; see `catalogue-rows.md`). {used} of them are used; the other {len(DROP)} are listed below
  with the reason. Row numbers are 1-based data rows of that file.
  - *verbatim*: 一级/二级/公开内容/公开依据/公开时限 exactly as captured (after stripping outline numbers such as
    "1.1" and a trailing "。" from item names). Publisher, channels and ticks are still normalised (see Conventions).
  - *adapted*: at least one of those five cells edited or filled; `provenance.csv` names the cells and the reason.
- **domain-facts examples** — rows of docs/domain-facts.md §1.6 that are not in the CSV (mdx 特困审核信息, 赛罕区 办事指南,
  巩留 公租房租赁补贴).
- **ref-text** — an item whose wording comes from part of a reference row that already feeds another item
  (e.g. the third notice listed in row 160, the 特困 documents listed in row 1).
- **written** — new items, written in the wording of real 标准目录 rows from the domain notes in catalogue-rows.md, the
  domain guidelines' typical items, and the laws named in 公开依据.

{md_table(["domain", "items", "verbatim", "adapted", "example", "ref-text", "written"], rows)}

税收管理 (05) has no item: no reference row exists and most township catalogues list it as 未涉及领域.

## Source pages, by domain (reference rows used)

{chr(10).join(src_lines)}
## What was added, and why

The seed (2023 济南 key points, 四(三)) asks for 定点公开/定向公开 on 土地征收、旧区改造、义务教育入学、就诊就医、
养老服务、村务居务; catalogue-rows.md notes that only the first 1–8 rows of each published table were captured, so
the later items of every table (审批结果, 补偿, 资金发放 …) are missing from the reference. The additions fill those
gaps:

{chr(10).join(why)}

## Conventions

- **公开主体** is generic ("乡镇人民政府(街道办事处)", "县级人民政府民政部门、乡镇人民政府(街道办事处)",
  "村民委员会" …) because the file is loaded into every site; `PUBLISHER_MAP` in the script lists each replacement.
- **公开渠道和载体**: the 13 fixed channels in print order; source wording mapped by `CHANNEL_MAP` (行政服务中心 /
  乡镇便民服务中心 → 政务服务中心; every kind of 公示栏/村务公开栏 → 社区/企事业单位/村公示栏(电子屏); 查询点 →
  公开查阅点; 政务新媒体 → 两微一端). Channels that fit none are appended as "■其他：<name>" (山东政务服务网,
  征地信息公开平台, 法律服务网, 基层公共服务平台, 会议, 党群服务中心, 村(居)民微信群 …). A reference row whose channels
  were cut off gets 政府网站 (+ 公示栏 when it publishes at village level); the list-only village rows get the 公示栏 only.
- **Ticks**: blank source ticks default to 全社会 / 主动; tiers are the source's tiers (县级/区级/市级 → 县级,
  镇级/镇(街)级 → 乡级, 社区(村)级/嘎查(社区)级 → 村级) plus the tiers implied by the publisher.
  A specific group is written out in 特定群体 ("拟征收土地所在地的村集体成员", "征收范围内的被征收人", "申请人" …).
- **公开时限** keeps the source phrases of docs/domain-facts.md §1.5; written rows reuse the phrase their domain uses
  (社会救助/养老 "制定或获取信息之日起10个工作日内", 户籍 "形成或者变更之日起20个工作日内予以公开", 村务 "每季度的首个月20日" …).
- **公开时长**: set where the row says (长期, 最新有效, 任期内, 公示期满后归档); otherwise derived from the item name
  (指南/名录/标准 → 最新有效, 政策/文件/制度 → 长期, 公示/初审/听证 → 公示期满后归档).
- **咨询电话** is empty everywhere: the one source that prints numbers (铜陵郊区) belongs to another locality, and no
  number is invented.
- Items naming people (低保、特困、救助、补贴名单) say "去标识化处理" where the content lists names (docs/domain-facts.md §2.3).

## Reference rows not used ({len(DROP)})

{chr(10).join(drop_lines)}

## Questionable points in the reference data

{chr(10).join("- " + q for q in QUESTIONABLE)}

## Facts in written rows that could not be verified here

{chr(10).join("- " + u for u in UNVERIFIED)}
"""


# --------------------------------------------------------------------------------------------------
# Check
# --------------------------------------------------------------------------------------------------

TARGETED = {  # seed 四(三) topics: domain -> keywords that must each occur in that domain's item names
    "征地补偿": ("预公告", "现状调查", "补偿安置方案", "听证", "补偿登记", "补偿费用支付"),
    "国有土地上房屋征收与补偿": ("房屋征收决定", "征收补偿方案", "评估机构", "分户补偿", "老旧小区改造"),
    "义务教育": ("招生政策", "招生范围", "招生计划", "随迁子女", "资助"),
    "医疗卫生": ("家庭医生", "预防接种", "基本公共卫生服务", "医疗保"),
    "养老服务": ("高龄津贴", "养老机构", "居家", "优待"),
    "村务公开": ("财务", "集体", "一事一议", "评议", "宅基地"),
    "社会救助": ("最低生活保障", "特困人员", "临时救助", "医疗救助", "初审"),
}


def check_files(files: dict[str, bytes]) -> list[str]:
    errs: list[str] = []
    raw = files[CATALOGUE_FILE]
    if not raw.startswith(b"\xef\xbb\xbf"):
        errs.append("standard-catalogue.csv: no UTF-8 BOM")
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if to_csv(rows) != raw:
        errs.append("standard-catalogue.csv: not in canonical form (every field quoted, CRLF)")
    if len(rows) < 2 or tuple(rows[0]) != HEADER1 or tuple(rows[1]) != HEADER2:
        errs.append("header rows differ from the published layout")
        return errs
    data = rows[2:]
    domains_rows = list(csv.reader(io.StringIO(files[DOMAINS_FILE].decode("utf-8-sig"), newline="")))
    domain_names = {r[1] for r in domains_rows[1:]}
    if domains_rows[0] != ["代码", "领域", "牵头部门", "说明"]:
        errs.append("domains.csv: header")
    if [r[0] for r in domains_rows[1:]] != [f"{i:02d}" for i in range(1, 29)]:
        errs.append("domains.csv: codes must be 01..28 in order")
    if [r[1] for r in domains_rows[1:]] != list(DOMAIN_NAMES):
        errs.append("domains.csv: names differ from DOMAINS")
    seen: set[tuple[str, ...]] = set()
    strip_re = [re.compile("^[■□]" + re.escape(c) + "$") for c in CHANNELS]
    phone_re = re.compile(r"\d{7,}|\d{3,4}-\d{7,8}")
    for n, r in enumerate(data, 1):
        where = f"row {n}"
        if len(r) != NCOLS:
            errs.append(f"{where}: {len(r)} cells, expected {NCOLS}")
            continue
        if r[0] != str(n):
            errs.append(f"{where}: 序号 {r[0]!r}")
        for col, name in (
            (1, "领域"),
            (2, "一级事项"),
            (3, "二级事项"),
            (5, "公开内容"),
            (6, "公开依据"),
            (7, "公开时限"),
            (8, "公开主体"),
            (9, "公开渠道和载体"),
        ):
            if not r[col].strip():
                errs.append(f"{where}: {name} empty")
        if r[1] not in domain_names:
            errs.append(f"{where}: 领域 {r[1]!r} not in domains.csv")
        tokens = r[9].split(" ")
        if len(tokens) < 13 or not all(strip_re[i].match(tokens[i]) for i in range(13)):
            errs.append(f"{where}: channel strip malformed")
        elif not all(re.fullmatch(r"■其他：\S+", t) for t in tokens[13:]):
            errs.append(f"{where}: channel extras malformed {tokens[13:]}")
        elif not any(t.startswith("■") for t in tokens):
            errs.append(f"{where}: no ■ channel")
        pub, grp = r[10], r[11]
        if pub not in ("", TICK) or grp == TICK or (pub == TICK) == bool(grp.strip()):
            errs.append(f"{where}: audience must be exactly one of 全社会(√) / 特定群体(text)")
        if sorted((r[12], r[13])) != ["", TICK]:
            errs.append(f"{where}: mode must be exactly one of 主动/依申请")
        if any(v not in ("", TICK) for v in r[14:17]) or TICK not in r[14:17]:
            errs.append(f"{where}: tiers must be √/blank with at least one √")
        if r[15] != TICK and r[16] != TICK:
            errs.append(f"{where}: not published at 乡级 or 村级")
        key = (r[1], r[2], r[3], r[4])
        if key in seen:
            errs.append(f"{where}: duplicate (领域, 一级, 二级, 三级) {key}")
        seen.add(key)
        if any(phone_re.search(c) for c in r):
            errs.append(f"{where}: looks like a phone number")
    present = {r[1] for r in data}
    if len(present) < 14:
        errs.append(f"only {len(present)} domains (need ≥14)")
    if len(data) < 170:
        errs.append(f"only {len(data)} items (need ≥170)")
    for dom, words in TARGETED.items():
        names = " ".join(r[2] + r[3] + r[4] + r[5] + r[7] for r in data if r[1] == dom)
        for w_ in words:
            if w_ not in names:
                errs.append(f"targeted topic missing: {dom} / {w_}")
    syn_rows = list(csv.reader(io.StringIO(files[SYNONYMS_FILE].decode("utf-8-sig"), newline="")))
    if syn_rows[0] != ["简称", "全称"]:
        errs.append("synonyms.csv: header")
    syn = syn_rows[1:]
    if len(syn) < 60:
        errs.append(f"synonyms.csv: only {len(syn)} rows (need ≥60)")
    corpus = "\n".join("\t".join(r[1:17]) for r in data)
    for short, full in syn:
        if not short or not full or short == full:
            errs.append(f"synonyms.csv: bad pair {short!r} -> {full!r}")
        elif full not in corpus:
            errs.append(f"synonyms.csv: 全称 {full!r} (for {short!r}) does not occur in the catalogue")
    if len({tuple(s) for s in syn}) != len(syn):
        errs.append("synonyms.csv: duplicate pairs")
    for name in (DOMAINS_FILE, SYNONYMS_FILE, PROVENANCE_FILE):
        if not files[name].startswith(b"\xef\xbb\xbf"):
            errs.append(f"{name}: no UTF-8 BOM")
    return errs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="validate the files on disk; exit 1 on any problem")
    ap.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE, help="path of catalogue-rows.csv")
    args = ap.parse_args(argv)
    names = (CATALOGUE_FILE, DOMAINS_FILE, SYNONYMS_FILE, PROVENANCE_FILE, SOURCES_FILE)

    if args.check:
        errs: list[str] = []
        on_disk = {}
        for name in names:
            p = OUT_DIR / name
            if not p.exists():
                errs.append(f"missing {p}")
            else:
                on_disk[name] = p.read_bytes()
        if not errs:
            errs += check_files(on_disk)
        if args.reference.exists():
            try:
                fresh = generate(args.reference)
            except BuildError as e:
                errs.append(f"build: {e}")
            else:
                errs += [
                    f"{n} differs from what the script would write (re-run without --check)"
                    for n in names
                    if n in on_disk and fresh[n] != on_disk[n]
                ]
        else:
            print(f"note: {args.reference} not found; skipped the rebuild comparison", file=sys.stderr)
        for msg in errs:
            print("FAIL", msg)
        if errs:
            return 1
        n_items = on_disk[CATALOGUE_FILE].decode("utf-8-sig").count("\r\n") - 2
        print(f"ok: {n_items} items; domains.csv, synonyms.csv, provenance.csv, SOURCES.md consistent")
        return 0

    try:
        files = generate(args.reference)
    except BuildError as e:
        print("build failed:", e, file=sys.stderr)
        return 1
    problems = check_files(files)
    if problems:
        for msg in problems:
            print("FAIL", msg)
        return 1
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (OUT_DIR / name).write_bytes(data)
    print(f"wrote {', '.join(files)} to {OUT_DIR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
