"""The vocabulary of information requests: channels, applicant kinds, answer types, states, rules.

Everything legal here cites its source (国务院令第711号《中华人民共和国政府信息公开条例》, 2019;
国办公开办函〔2021〕30号 annual-report format). The clock's figures are *defaults*: they are seeded
into the ``request_rule`` table, where an admin can correct them, and the service reads them from
there, never from this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.users import Role

# -- channels and the receipt date each one gives (条例第三十一条) ----------------------------------


@dataclass(frozen=True)
class Channel:
    """How an application arrived, and which date art. 31 makes its receipt date."""

    code: str
    label: str
    #: True when the receipt date is a confirmation with the applicant, not the day it arrived.
    needs_confirmation: bool
    rule: str


CHANNELS: dict[str, Channel] = {
    c.code: c
    for c in (
        # 条例第三十一条第（一）项：当面提交的，以提交之日为收到申请之日。
        Channel(
            "in_person", "当面提交", False, "条例第三十一条第（一）项：当面提交的，以提交之日为收到申请之日"
        ),
        # 第（二）项前段：以邮寄方式提交的，以行政机关签收之日为收到申请之日 (the body signs, not the applicant).
        Channel(
            "signed_post",
            "邮寄（挂号/EMS）",
            False,
            "条例第三十一条第（二）项：以邮寄方式提交的，以行政机关签收之日为收到申请之日",
        ),
        # 第（二）项后段：平常信函等无需签收的，行政机关应当于收到申请的当日与申请人确认，确认之日为收到申请之日。
        Channel(
            "ordinary_letter",
            "平常信函",
            True,
            "条例第三十一条第（二）项：平常信函等无需签收的，以与申请人确认之日为收到申请之日",
        ),
        # 第（三）项：通过互联网渠道或者政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日。
        Channel(
            "online",
            "互联网（在线申请/电子邮件）",
            True,
            "条例第三十一条第（三）项：通过互联网渠道提交的，以双方确认之日为收到申请之日",
        ),
        Channel(
            "fax", "传真", True, "条例第三十一条第（三）项：通过传真提交的，以双方确认之日为收到申请之日"
        ),
    )
}

# -- applicants: the annual report's columns (国办公开办函〔2021〕30号 section 3) ------------------

APPLICANT_KINDS: dict[str, str] = {
    "natural_person": "自然人",
    "commercial": "商业企业",
    "research": "科研机构",
    "public_interest": "社会公益组织",
    "legal_service": "法律服务机构",
    "other_org": "其他",
}
ORG_KINDS = frozenset(k for k in APPLICANT_KINDS if k != "natural_person")

FORMS: dict[str, str] = {"paper": "纸质", "electronic": "电子文档", "other": "其他"}
DELIVERIES: dict[str, str] = {
    "pickup": "当面领取",
    "post": "邮寄",
    "email": "电子邮件",
    "fax": "传真",
    "online": "网上获取",
}

# -- answers: one type per annual-report result row (section 3, 三、本年度办理结果) ----------------


@dataclass(frozen=True)
class AnswerType:
    """One way of answering and the annual-report row it is counted in."""

    code: str
    group: str  # （一）…（六） heading of the annual report
    row: str  # the row label as printed in the report
    basis: str  # the article that allows this answer
    letter: str  # the letter kind printed for it ("" = the clerk writes a free-form reply)


ANSWER_GROUPS: dict[str, str] = {
    "1": "（一）予以公开",
    "2": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "3": "（三）不予公开",
    "4": "（四）无法提供",
    "5": "（五）不予处理",
    "6": "（六）其他处理",
}

ANSWER_TYPES: dict[str, AnswerType] = {
    a.code: a
    for a in (
        AnswerType("disclose", "1", "予以公开", "条例第三十六条第（一）（二）项", "disclosure"),
        AnswerType("partial", "2", "部分公开", "条例第三十七条", "partial"),
        AnswerType("withhold_secret", "3", "1.属于国家秘密", "条例第十四条", "nondisclosure"),
        AnswerType("withhold_law", "3", "2.其他法律行政法规禁止公开", "条例第十四条", "nondisclosure"),
        AnswerType("withhold_safety", "3", "3.危及“三安全一稳定”", "条例第十四条", "nondisclosure"),
        AnswerType(
            "withhold_third_party", "3", "4.保护第三方合法权益", "条例第十五条、第三十二条", "nondisclosure"
        ),
        AnswerType("withhold_internal", "3", "5.属于三类内部事务信息", "条例第十六条第一款", "nondisclosure"),
        AnswerType("withhold_process", "3", "6.属于四类过程性信息", "条例第十六条第二款", "nondisclosure"),
        AnswerType("withhold_enforcement", "3", "7.属于行政执法案卷", "条例第十六条第二款", "nondisclosure"),
        AnswerType("withhold_query", "3", "8.属于行政查询事项", "条例第三十六条第（七）项", "nondisclosure"),
        AnswerType("not_exist", "4", "1.本机关不掌握相关政府信息", "条例第三十六条第（四）项", "not_exist"),
        AnswerType("not_ours", "4", "1.本机关不掌握相关政府信息", "条例第三十六条第（五）项", "not_ours"),
        AnswerType("needs_creation", "4", "2.没有现成信息需要另行制作", "条例第三十八条", ""),
        AnswerType("still_unclear", "4", "3.补正后申请内容仍不明确", "条例第三十条", ""),
        AnswerType("reject_petition", "5", "1.信访举报投诉类申请", "条例第三十九条第一款", ""),
        AnswerType("reject_repeat", "5", "2.重复申请", "条例第三十六条第（六）项", "repeat"),
        AnswerType("reject_publication", "5", "3.要求提供公开出版物", "条例第三十九条第二款", ""),
        AnswerType("reject_excessive", "5", "4.无正当理由大量反复申请", "条例第三十五条", ""),
        AnswerType(
            "reject_confirm", "5", "5.要求行政机关确认或重新出具已获取信息", "条例第三十九条第二款", ""
        ),
        AnswerType(
            "other_no_correction",
            "6",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "条例第三十条",
            "",
        ),
        AnswerType(
            "other_unpaid",
            "6",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "条例第四十二条；国办函〔2020〕109号",
            "",
        ),
        AnswerType("other", "6", "3.其他", "", ""),
    )
}

# Short names for lists and combo boxes (the report rows are long).
ANSWER_LABELS: dict[str, str] = {
    "disclose": "予以公开",
    "partial": "部分公开",
    "withhold_secret": "不予公开：国家秘密",
    "withhold_law": "不予公开：法律行政法规禁止",
    "withhold_safety": "不予公开：危及三安全一稳定",
    "withhold_third_party": "不予公开：保护第三方合法权益",
    "withhold_internal": "不予公开：内部事务信息",
    "withhold_process": "不予公开：过程性信息",
    "withhold_enforcement": "不予公开：行政执法案卷",
    "withhold_query": "不予公开：行政查询事项",
    "not_exist": "无法提供：信息不存在",
    "not_ours": "无法提供：非本机关信息",
    "needs_creation": "无法提供：需另行制作",
    "still_unclear": "无法提供：补正后仍不明确",
    "reject_petition": "不予处理：信访举报投诉类",
    "reject_repeat": "不予处理：重复申请",
    "reject_publication": "不予处理：公开出版物",
    "reject_excessive": "不予处理：无正当理由大量反复申请",
    "reject_confirm": "不予处理：要求确认或重新出具",
    "other_no_correction": "其他：逾期不补正",
    "other_unpaid": "其他：逾期未缴费",
    "other": "其他处理",
}

# -- letters (告知书) -------------------------------------------------------------------------------

LETTER_KINDS: dict[str, str] = {
    "correction": "补正申请通知书",
    "extension": "延期答复告知书",
    "disclosure": "政府信息公开告知书",
    "partial": "政府信息部分公开告知书",
    "nondisclosure": "政府信息不予公开告知书",
    "not_exist": "政府信息不存在告知书",
    "not_ours": "非本机关政府信息告知书",
    "repeat": "重复申请告知书",
}

# -- states and the transition table (after Jinan's 接收→登记→补正→办理→协查→审签→答复→延期→归档) ------

STATES: dict[str, str] = {
    "received": "已接收",
    "registered": "已登记",
    "correction_requested": "待补正",
    "in_progress": "办理中",
    "consulting": "征求意见中",
    "sign_off": "待审签",
    "answered": "已答复",
    "extended": "已延期",
    "archived": "已归档",
}
#: States in which the answer clock runs (or is paused by a consultation) and a due date matters.
OPEN_STATES = frozenset({"received", "registered", "in_progress", "consulting", "sign_off", "extended"})

CLERK_ROLES = frozenset({Role.CLERK, Role.ADMIN})
SIGN_ROLES = frozenset({Role.FINAL_REVIEWER, Role.ADMIN})


@dataclass(frozen=True)
class Edge:
    """One allowed move: who may make it, and which service method makes it."""

    roles: frozenset[Role]
    action: str  # Chinese, for messages and the audit trail
    via: str  # "transition" or the RequestService method that owns the move


_ANSWERABLE = ("registered", "in_progress", "extended", "sign_off", "correction_requested")

TRANSITIONS: dict[tuple[str, str], Edge] = {
    ("received", "registered"): Edge(CLERK_ROLES, "登记申请", "transition"),
    ("received", "correction_requested"): Edge(CLERK_ROLES, "发出补正通知", "request_correction"),
    ("registered", "correction_requested"): Edge(CLERK_ROLES, "发出补正通知", "request_correction"),
    ("correction_requested", "registered"): Edge(CLERK_ROLES, "登记补正材料", "receive_correction"),
    ("registered", "in_progress"): Edge(CLERK_ROLES, "开始办理", "transition"),
    ("in_progress", "consulting"): Edge(CLERK_ROLES, "征求第三方意见", "start_consultation"),
    ("extended", "consulting"): Edge(CLERK_ROLES, "征求第三方意见", "start_consultation"),
    ("consulting", "in_progress"): Edge(CLERK_ROLES, "登记第三方意见", "end_consultation"),
    ("in_progress", "extended"): Edge(SIGN_ROLES, "批准延期答复", "extend"),
    ("sign_off", "extended"): Edge(SIGN_ROLES, "批准延期答复", "extend"),
    ("in_progress", "sign_off"): Edge(CLERK_ROLES, "提交审签", "transition"),
    ("extended", "sign_off"): Edge(CLERK_ROLES, "提交审签", "transition"),
    ("sign_off", "in_progress"): Edge(SIGN_ROLES, "退回重办", "transition"),
    **{(s, "answered"): Edge(SIGN_ROLES, "签发答复", "answer") for s in _ANSWERABLE},
    ("answered", "archived"): Edge(CLERK_ROLES, "归档", "transition"),
}

#: The workflow's actions in the order the window shows them (one place each, whatever the state):
#: key, the Edge.action it stands for, and the question asked first when it cannot be undone.
ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("request.register", "登记申请", ""),
    (
        "request.correction",
        "发出补正通知",
        "补正通知只能发一次（条例第三十条），应一次性写明需要补正的全部内容。确定向{title}发出补正通知吗？",
    ),
    ("request.receive_correction", "登记补正材料", ""),
    ("request.start", "开始办理", ""),
    ("request.consult", "征求第三方意见", ""),
    ("request.consult_end", "登记第三方意见", ""),
    (
        "request.extend",
        "批准延期答复",
        "延期只能批准一次（条例第三十三条），批准后不能撤销。确定为{title}延期吗？",
    ),
    ("request.sign_off", "提交审签", ""),
    ("request.send_back", "退回重办", ""),
    ("request.answer", "签发答复", "签发后答复即告办结，不能撤销。确定签发{title}的答复吗？"),
    ("request.archive", "归档", "归档后不能再办理。确定将{title}归档吗？"),
)


# -- the clock's figures: seeded into request_rule, corrected there by an admin ---------------------


@dataclass(frozen=True)
class RuleSeed:
    key: str
    days: int
    label: str
    basis: str


RULE_SEEDS: tuple[RuleSeed, ...] = (
    RuleSeed(
        "answer_days", 20, "答复期限（工作日）", "条例第三十三条第二款：自收到申请之日起20个工作日内予以答复"
    ),
    RuleSeed(
        "correction_notice_days",
        7,
        "补正告知期限（工作日）",
        "条例第三十条：自收到申请之日起7个工作日内一次性告知申请人作出补正",
    ),
    RuleSeed(
        "consultation_days",
        15,
        "第三方答复期限（工作日）",
        "条例第三十二条：第三方应当自收到征求意见书之日起15个工作日内提出意见",
    ),
    RuleSeed(
        "extension_max_days",
        20,
        "延期最长（工作日）",
        "条例第三十三条第二款：经政府信息公开工作机构负责人同意，延长的期限最长不得超过20个工作日",
    ),
    RuleSeed(
        "applicant_correction_days",
        15,
        "申请人补正期限（工作日）",
        "本站设定：条例第三十条要求在补正通知中给出合理补正期限（参照苏政办函〔2019〕98号）",
    ),
    RuleSeed("reminder_days", 3, "临期提醒（工作日）", "本站设定：到期前若干个工作日起提醒"),
)
RULE_KEYS = frozenset(r.key for r in RULE_SEEDS)


def format_number(year: int, seq: int) -> str:
    """The request number printed on the receipt, e.g. 依申请〔2025〕第0012号 (a per-year sequence).

    A negative ``seq`` is a provisional number a PC gave while it had no leased numbers left
    (app/sync/replica/numbers.py, docs/sync-replication.md): 依申请〔2025〕临时3F2A1-01号, replaced
    by a final number at the next sync."""
    if seq < 0:
        tag, n = divmod(-seq, PROVISIONAL_PER_TAG)
        return f"依申请〔{year}〕临时{tag:05X}-{n:02d}号"
    return f"依申请〔{year}〕第{seq:04d}号"


#: Provisional sequence numbers are ``-(device tag * PROVISIONAL_PER_TAG + n)``.
PROVISIONAL_PER_TAG = 1000
