"""Every sentence app/ hands to the window, as a translatable template: the one catalogue of them.

app/ has no Qt, yet the staff window shows its words in the user's language. So app/ does not hand
over finished sentences: it hands a ``Message`` — a template from this module (Simplified Chinese
source text with ``{name}`` placeholders) and its arguments. The window translates the template with
``QCoreApplication.translate("Messages", template)`` and fills the arguments at display time: a
``date`` is written by QLocale, a ``Label`` (one of app/'s fixed words, such as a status or a review
step) is translated in the same context, a nested ``Message`` likewise, anything else (a title, a
name: data typed by users) is shown as it is. ``Message.text()`` gives the Chinese sentence, for
the command line, the printed task sheet and the reminder log, exactly as before.

``scripts/translations.py`` imports this module and extracts every upper-case string constant
(templates) and every string in ``LABELS`` (words arguments carry) into the .ts file, context
"Messages"; the English lives there. A template used anywhere in app/ must be defined here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Union

from app.workdays import WEEKDAY_NAMES

#: The translation context of every template and label below.
CONTEXT = "Messages"

# -- Today: headline ---------------------------------------------------------------------------------
TODAY_NOTHING = "今天没有需要处理的事项"
TODAY_ONLY_EVENTS = "今天没有到期的事项，本周有 {events} 场活动"
TODAY_COUNT = "今天有 {n} 件事需要处理"
TODAY_COUNT_OVERDUE = "今天有 {n} 件事需要处理，其中 {overdue} 件已逾期"

REMINDER_NONE = "自上次提醒以来没有新到期的事项。"
REMINDER_NEWS = "新到期 {n} 件事项：已逾期 {overdue} 件，今天到期 {today} 件，3个工作日内到期 {soon} 件，其他 {other} 件。"

# -- Today: notices -----------------------------------------------------------------------------------
NOTICE_REVIEW_TITLE = "{step}：{title}"
NOTICE_REVIEW_WHY_STARTED = "三审三校：等待{step}。公示期已于 {start} 开始，须审定并张贴后才能公示"
NOTICE_REVIEW_WHY = "三审三校：等待{step}。公示期将于 {start} 开始，须审定并张贴后才能公示"
NOTICE_TAKE_DOWN_TITLE = "撤下：{title}（{board}）"
NOTICE_TAKE_DOWN_WHY = "公示期满应撤下：{where}的张贴应于 {day} 撤下"
NOTICE_TAKE_DOWN_WHY_LATE = "公示期满应撤下：{where}的张贴应于 {day} 撤下，已超过 {days} 天"
NOTICE_MISSING_TITLE = "张贴：{title} → {where}"
NOTICE_MISSING_WHY = "定点公开：该公示应张贴在{board}，登记册中没有在贴的记录（公示期 {start} 开始）"

# -- Today: catalogue ---------------------------------------------------------------------------------
CATALOGUE_DUE_TITLE = "公开目录事项：{item}"
CATALOGUE_DUE_WHY = "公开时限：{rule}；上次公开：{last}；应在 {due} 前公开"

# -- Today: requests ----------------------------------------------------------------------------------
REQUEST_WAITING_TITLE = "{kind}：{number} {what}"
REQUEST_WAITING_TITLE_BARE = "{kind}：{number}"
REQUEST_WAITING_WHY = "{rule}；{period} {due}"
REQUEST_WAITING_WHY_ACT = "{rule}；{period} {due}，请跟进"
REQUEST_ANSWER_TITLE = "答复申请 {number}：{what}"
REQUEST_ANSWER_TITLE_BARE = "答复申请 {number}"
REQUEST_ANSWER_WHY = "{rule}；答复期限 {due}"
REQUEST_ANSWER_WHY_OVERDUE = "{rule}；答复期限 {due}，已超期"

# -- Today: events ------------------------------------------------------------------------------------
EVENT_TITLE = "{type}：{title}"
EVENT_WHEN_TODAY = "今天 {start}–{end}，地点：{place}"
EVENT_WHEN = "{day} {start}–{end}，地点：{place}"
EVENT_CLOSING_TITLE = "填写活动总结：{title}"
EVENT_CLOSING_WHY = "活动已于 {ended} 结束，请在下一个工作日 {due} 前填写出席人数、问答和收集到的意见建议"
EVENT_ADOPTION_TITLE = "公开意见采纳情况：{title}"
EVENT_ADOPTION_WHY = (
    "收集到 {n} 条意见建议，须在 {start} 起 {days} 个工作日内公开收集和采纳情况（要点二(二)），期限 {due}"
)

# -- Notices: the posting period against its legal minimum ------------------------------------------
PERIOD = "公示期共 {days}{unit}{minimum}{provisional}"
PERIOD_MINIMUM = "，法定最短 {min}{unit}（{basis}）{late}"
PERIOD_LATE = "；结束日期最早应为 {end}"
PERIOD_PROVISIONAL = "（暂定：该年无官方节假日数据）"

# -- Requests: the deadline column ------------------------------------------------------------------
REQUEST_DUE_CORRECTION = "待补正（补正期限 {due}）"
REQUEST_DUE_CORRECTION_BARE = "待补正"
REQUEST_DUE = "{due}"
REQUEST_DUE_PROVISIONAL = "{due}（暂定）"
REQUEST_DUE_PAUSED = "{due}（暂停计时中）"
REQUEST_DUE_PROVISIONAL_PAUSED = "{due}（暂定）（暂停计时中）"

# -- Today: holidays, policies, refinements, sync -----------------------------------------------------
HOLIDAYS_TITLE = "载入 {year} 年法定节假日安排"
HOLIDAYS_WHY = (
    "{year} 年没有官方节假日数据：涉及该年的期限只按周末计算，标为“暂定”。"
    "请在“设置”中导入国务院办公厅通知，或同步市级平台。"
)
POLICY_CHANGE_TITLE = "政策文件{kind}：《{title}》"
POLICY_CHANGE_WHY = "市级平台于 {on} {what}；请核对关联的目录事项和查阅资料，在“政策文件”页确认"
POLICY_CHANGE_WHY_ITEMS = (
    "市级平台于 {on} {what}；关联目录事项：{items}；请核对关联的目录事项和查阅资料，在“政策文件”页确认"
)
POLICY_INTERPRETATION_TITLE = "政策解读：《{title}》尚无解读材料"
POLICY_INTERPRETATION_WHY = (
    "政策解读“三同步”：解读材料应与政策文件同步起草、同步审签、同步发布"
    "（2023年济南市政务公开工作要点 三(二)）；文件发布于 {on}"
)

# -- Permissions: the refusal a user reads (app/authz.py); the role names and the actions are words
# registered from app/users.py and app/authz.py (scripts/translations.py, LABEL_SOURCES) --------------
PERMISSION_REFUSED = "用户“{user}”没有{roles}角色，不能{action}。"
PERMISSION_ROLE = "“{role}”"
PERMISSION_ROLES = "{first}或{rest}"
SIGN_IN_FIRST = "请先登录。"

#: Fixed words app/ puts into the templates' arguments (review steps, "no record", "not filled in").
LABELS = (
    "个工作日",
    "日",
    "初审",
    "复审",
    "终审",
    "无记录",
    "未填写",
    "补正期限",
    "第三方意见期限",
)


@dataclass(frozen=True)
class Label:
    """One of app/'s fixed words inside a message (translated in context "Messages")."""

    text: str


Arg = Union[str, int, date, Label, "Message"]  # noqa: UP007  (a forward reference)


@dataclass(frozen=True)
class Message:
    """A template of this module and its arguments; see the module docstring."""

    template: str
    args: tuple[tuple[str, Arg], ...] = ()

    @classmethod
    def of(cls, template: str, **args: Arg) -> Message:
        return cls(template, tuple(args.items()))

    def render(self, translate: Callable[[str], str], date_text: Callable[[date], str]) -> str:
        """The sentence, with templates and labels passed through ``translate`` and dates through
        ``date_text`` (the window: Qt's translator and QLocale; ``text()``: the Chinese)."""
        values: dict[str, str] = {}
        for name, value in self.args:
            if isinstance(value, Message):
                values[name] = value.render(translate, date_text)
            elif isinstance(value, Label):
                values[name] = translate(value.text)
            elif isinstance(value, date):
                values[name] = date_text(value)
            else:
                values[name] = str(value)
        template = translate(self.template)
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):  # a translation naming a placeholder we lack
            return self.template.format(**values)

    def text(self) -> str:
        """The Chinese sentence (command line, task sheet, reminder log)."""
        return self.render(lambda s: s, chinese_date)


def chinese_date(d: date) -> str:
    """``9月30日（周二）`` as the page, the task sheet and the CLI's plain output write a day."""
    return f"{d.month}月{d.day}日（{WEEKDAY_NAMES[d.weekday()]}）"


def templates() -> list[str]:
    """Every template and label of this module, for the translation extractor."""
    found = [v for k, v in globals().items() if k.isupper() and isinstance(v, str) and k != "CONTEXT"]
    return found + list(LABELS)
