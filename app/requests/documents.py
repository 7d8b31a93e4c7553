"""The wording of every printed request document, and the annual-table exports (.xlsx, PDF).

Each letter cites its article (国务院令第711号). Personal data is masked here, before anything
reaches printing/: the applicant's own name stays on letters addressed to them, but identity
numbers and contact details are always masked (app.privacy), also on the receipt.
"""

from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from app.errors import InputError, StateError
from app.policies.values import RegisterFigures
from app.privacy import Masker
from app.requests.annual import CHECK_NOTE, READING_NOTE, READING_TITLE, AnnualTable, reading_rows
from app.requests.masking import mask_id, mask_phone
from app.requests.rules import ANSWER_TYPES, APPLICANT_KINDS, CHANNELS, DELIVERIES, FORMS, LETTER_KINDS
from app.requests.values import RequestDetail
from app.workdays import WEEKDAY_NAMES
from printing import requests as printed

_masker = Masker()
REGULATIONS = "《中华人民共和国政府信息公开条例》"
REMEDY = (
    "如对本告知不服，可以自收到本告知书之日起60日内依法申请行政复议，"
    "或者在6个月内依法向人民法院提起行政诉讼。"
)


# Why information is withheld, as a letter states it (条例第十四条至第十六条、第三十六条第（七）项).
WITHHOLD_REASONS = {
    "withhold_secret": "属于国家秘密",
    "withhold_law": "属于法律、行政法规禁止公开的政府信息",
    "withhold_safety": "公开后可能危及国家安全、公共安全、经济安全、社会稳定",
    "withhold_third_party": "涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害",
    "withhold_internal": "属于人事管理、后勤管理、内部工作流程等方面的内部事务信息",
    "withhold_process": "属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿等过程性信息",
    "withhold_enforcement": "属于行政执法案卷信息",
    "withhold_query": "属于法律、行政法规对信息的获取有特别规定的行政查询事项",
}


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def status_url(base_url: str, uuid: str) -> str:
    """The public status page a receipt's QR code opens (number, status and due date only)."""
    return base_url.rstrip("/") + "/r/" + uuid


def due_text(detail: RequestDetail) -> str:
    c = detail.clock
    if detail.summary.status == "correction_requested":
        return "待补正：自收到补正材料之日起20个工作日内答复（条例第三十条）"
    text = cn_date(c.due_on) + "前"
    if c.provisional:
        text += "（暂定：该年官方放假安排未公布，按周末推算，公布后复核）"
    if c.paused_now:
        text += "（征求第三方意见期间暂停计时，期满日期相应顺延）"
    return text


def receipt(detail: RequestDetail, *, site_name: str, base_url: str, today: date) -> bytes:
    s = detail.summary
    channel = CHANNELS[s.channel]
    fields = [
        ("申请人", f"{s.applicant_name}（{APPLICANT_KINDS.get(s.applicant_kind, s.applicant_kind)}）"),
        ("证件号码", mask_id(detail.contact.id_number) or "—"),
        ("联系电话", mask_phone(detail.contact.phone) or "—"),
        ("提交方式", channel.label),
        ("收到申请日期", cn_date(s.received_on)),
        ("所需信息", s.description),
        (
            "提供形式和获取方式",
            f"{FORMS.get(detail.form, detail.form)}，{DELIVERIES.get(detail.delivery, detail.delivery)}",
        ),
        ("答复期限", due_text(detail)),
    ]
    notes = [
        f"本机关自收到申请之日起{detail.clock.answer_days}个工作日内答复（条例第三十三条）；"
        "如需补正、征求第三方意见或延期答复，将依法书面告知。"
        f"收到申请日期依{channel.rule.split('：')[0]}确定。",
    ]
    return printed.receipt_pdf(
        printed.ReceiptData(
            site_name=site_name,
            number=s.number,
            fields=fields,
            notes=notes,
            status_url=status_url(base_url, s.uuid),
            date_text=cn_date(today),
        )
    )


def _opening(detail: RequestDetail) -> str:
    s = detail.summary
    return (
        f"本机关于{cn_date(s.received_on)}收到您提出的政府信息公开申请（{s.number}），"
        f"申请获取“{s.description}”。"
    )


def _fee_line(detail: RequestDetail) -> list[str]:
    if detail.fee_yuan:
        return [f"本申请收取信息处理费{detail.fee_yuan}元（{REGULATIONS}第四十二条；国办函〔2020〕109号）。"]
    return []


def letter(detail: RequestDetail, kind: str, *, site_name: str, today: date) -> bytes:
    """The 告知书 of ``kind`` (see rules.LETTER_KINDS) for a request in a state that has it."""
    if kind not in LETTER_KINDS:
        raise InputError(f"告知书类型：应为 {'、'.join(LETTER_KINDS)} 之一，实为“{kind}”")
    s = detail.summary
    note = _masker.mask(detail.answer_note).strip()
    if note and note[-1] not in "。！？":
        note += "。"
    items: list[str] = []
    if kind == "correction":
        if detail.correction_requested_on is None:
            raise StateError(f"申请 {s.number} 没有补正通知")
        due = cn_date(detail.summary.correction_due_on) if detail.summary.correction_due_on else "合理期限内"
        paragraphs = [
            _opening(detail) + f"经审查，申请内容不够明确。根据{REGULATIONS}第三十条的规定，"
            "现一次性告知，请您对以下内容作出补正：",
        ]
        items = [
            f"{i}. {line.strip()}"
            for i, line in enumerate(detail.correction_items.splitlines(), 1)
            if line.strip()
        ]
        paragraphs_after = [
            f"请于{due}前向本机关提交补正材料。答复期限自本机关收到补正的申请之日起计算。"
            "无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。"
        ]
        return _letter(kind, detail, site_name, today, paragraphs, items, paragraphs_after)
    if kind == "extension":
        if not detail.summary.extension_days:
            raise StateError(f"申请 {s.number} 没有延期")
        paragraphs = [
            _opening(detail) + f"因{_masker.mask(detail.extension_reason)}，本机关不能在规定期限内作出答复。"
            f"根据{REGULATIONS}第三十三条第二款的规定，经政府信息公开工作机构负责人同意，"
            f"答复期限延长{detail.summary.extension_days}个工作日，本机关将于{due_text(detail)}作出答复。"
        ]
        return _letter(kind, detail, site_name, today, paragraphs, [], [])
    answer = ANSWER_TYPES.get(s.answer_type)
    if answer is None or answer.letter != kind:
        raise StateError(f"申请 {s.number} 的答复类型不是“{LETTER_KINDS[kind]}”，不能打印此告知书")
    delivery = DELIVERIES.get(detail.delivery, detail.delivery)
    form = FORMS.get(detail.form, detail.form)
    body = {
        "disclosure": f"经审查，您申请获取的政府信息属于公开范围。根据{REGULATIONS}第三十六条第（二）项的规定，"
        f"本机关向您提供该政府信息（{form}，{delivery}）。",
        "partial": f"经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。根据{REGULATIONS}"
        "第三十七条的规定，本机关向您提供可以公开的部分，并对不予公开的部分说明理由。",
        "nondisclosure": f"经审查，您申请获取的政府信息{WITHHOLD_REASONS.get(s.answer_type, '依法不予公开')}。根据{REGULATIONS}"
        f"{answer.basis.removeprefix('条例')}和第三十六条第（三）项的规定，本机关不予公开。",
        "not_exist": f"经检索查找，本机关未制作或者获取上述政府信息，该政府信息不存在。根据{REGULATIONS}"
        "第三十六条第（四）项的规定，特此告知。",
        "not_ours": f"经审查，您申请获取的政府信息不属于本机关负责公开。根据{REGULATIONS}第三十六条第（五）项的规定，特此告知。",
        "repeat": f"经审查，您的申请与本机关已经答复的申请内容相同，属于重复申请。根据{REGULATIONS}"
        "第三十六条第（六）项的规定，本机关不予重复处理。",
    }[kind]
    paragraphs = [_opening(detail) + body]
    if note:
        label = {"not_ours": "负责公开该信息的机关及联系方式", "repeat": "此前答复情况"}.get(kind, "说明")
        paragraphs.append(f"{label}：{note}")
    paragraphs += _fee_line(detail)
    return _letter(kind, detail, site_name, today, paragraphs, [], [REMEDY] if kind != "disclosure" else [])


def _letter(
    kind: str,
    detail: RequestDetail,
    site_name: str,
    today: date,
    paragraphs: list[str],
    items: list[str],
    closing: list[str],
) -> bytes:
    s = detail.summary
    return printed.letter_pdf(
        printed.LetterData(
            title=LETTER_KINDS[kind],
            number=s.number,
            addressee=s.applicant_name + "：",
            paragraphs=paragraphs,
            items=items,
            closing=closing,
            issuer=site_name,
            date_text=cn_date(today),
        )
    )


def clock_sheet(detail: RequestDetail, *, site_name: str, today: date) -> bytes:
    c = detail.clock
    summary = [line for line in c.lines if not line.startswith("跳过 ") and not line.startswith("暂定")]
    skipped = [(s.date.isoformat(), WEEKDAY_NAMES[s.date.weekday()], s.reason) for s in c.skipped]
    notes = [line for line in c.lines if line.startswith("暂定")]
    return printed.clock_pdf(
        printed.ClockSheet(
            number=detail.summary.number,
            summary=summary,
            skipped=skipped,
            due_text="答复截止日：" + due_text(detail),
            notes=notes,
            issuer=site_name,
            date_text=cn_date(today),
        )
    )


def _table_rows(table: AnnualTable) -> list[list[str]]:
    return [
        [r.label] + ([str(n) for n in r.counts] if r.counts is not None else [""] * len(table.columns))
        for r in table.rows
    ]


def annual_pdf(table: AnnualTable, site_name: str, reading: RegisterFigures | None = None) -> bytes:
    """Section 3 as a landscape PDF; with ``reading``, the supplementary reading figure after it."""
    return printed.annual_pdf(
        printed.AnnualSheet(
            title=f"{site_name}{table.year}年政府信息公开工作年度报告（收到和处理政府信息公开申请情况）",
            columns=[CHECK_NOTE, *table.columns],
            rows=_table_rows(table),
            check_note=f"注：{CHECK_NOTE}。",
            check_ok=table.check_ok,
            check_lines=list(table.check_lines),
            supplement_title=READING_TITLE if reading is not None else "",
            supplement=[[label, str(n)] for label, n in reading_rows(reading)] if reading is not None else [],
            supplement_note=READING_NOTE if reading is not None else "",
        )
    )


def annual_xlsx(table: AnnualTable, site_name: str, reading: RegisterFigures | None = None) -> bytes:
    """The section-3 table laid out as in the national format (two header rows, merged cells); with
    ``reading``, the supplementary reading figure below the check, apart from the table."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = f"{table.year}年第三部分"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ncol = len(table.columns) + 1
    ws.cell(1, 1, f"{site_name}{table.year}年政府信息公开工作年度报告 三、收到和处理政府信息公开申请情况")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws.cell(1, 1).font = Font(bold=True, size=13)
    ws.cell(2, 1, CHECK_NOTE)
    ws.merge_cells(start_row=2, start_column=1, end_row=4, end_column=1)
    ws.cell(2, 2, "申请人情况")
    ws.merge_cells(start_row=2, start_column=2, end_row=2, end_column=ncol)
    ws.cell(3, 2, table.columns[0])
    ws.merge_cells(start_row=3, start_column=2, end_row=4, end_column=2)
    ws.cell(3, 3, "法人或其他组织")
    ws.merge_cells(start_row=3, start_column=3, end_row=3, end_column=ncol - 1)
    for j, label in enumerate(table.columns[1:-1], start=3):
        ws.cell(4, j, label)
    ws.cell(3, ncol, table.columns[-1])
    ws.merge_cells(start_row=3, start_column=ncol, end_row=4, end_column=ncol)
    for i, values in enumerate(_table_rows(table), start=5):
        row = table.rows[i - 5]
        ws.cell(i, 1, ("    " * row.level) + values[0])
        for j, v in enumerate(values[1:], start=2):
            ws.cell(i, j, int(v) if v else None)
    last = 4 + len(table.rows)
    for r in range(2, last + 1):
        for c in range(1, ncol + 1):
            cell = ws.cell(r, c)
            cell.border = border
            cell.alignment = center if (r <= 4 or c > 1) else Alignment(vertical="center", wrap_text=True)
    ws.cell(last + 2, 1, "勾稽关系检查：" + ("通过" if table.check_ok else "未通过"))
    ws.cell(last + 2, 1).font = Font(bold=True, color="000000" if table.check_ok else "C00000")
    for k, line in enumerate(table.check_lines, start=last + 3):
        ws.cell(k, 1, line)
    if reading is not None:
        top = last + 3 + len(table.check_lines) + 1
        ws.cell(top, 1, READING_TITLE).font = Font(bold=True)
        for k, (label, n) in enumerate(reading_rows(reading), start=top + 1):
            ws.cell(k, 1, label).border = border
            ws.cell(k, 2, n).border = border
            ws.cell(k, 2).alignment = center
        ws.cell(top + 5, 1, READING_NOTE)
    ws.column_dimensions["A"].width = 62
    for c in range(2, ncol + 1):
        ws.column_dimensions[get_column_letter(c)].width = 11
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
