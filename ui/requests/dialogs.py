"""Dialogs of the requests page: intake and one dialog per workflow action.

Each dialog only collects values; the page makes the one service call with them.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.requests.rules import (
    ANSWER_GROUPS,
    ANSWER_LABELS,
    ANSWER_TYPES,
    APPLICANT_KINDS,
    CHANNELS,
    DELIVERIES,
    FORMS,
)
from ui.discard import AsksBeforeDiscard


def date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def date_of(edit: QDateEdit) -> date:
    q = edit.date()
    return date(q.year(), q.month(), q.day())


def combo(items: dict[str, str]) -> QComboBox:
    box = QComboBox()
    for code, label in items.items():
        box.addItem(label, code)
    return box


class AsksValues(Protocol):
    """A form dialog the page can run and then read: every FormDialog subclass is one."""

    def exec(self) -> int: ...

    def values(self) -> dict[str, Any]: ...


class FormDialog(AsksBeforeDiscard, QDialog):
    """A titled form with OK/Cancel; subclasses add rows and a ``values()`` method (see ``AsksValues``)."""

    def __init__(self, title: str, intro: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class IntakeDialog(FormDialog):
    """接收申请: who, how it arrived (the receipt-date rule of 条例第三十一条), what is sought."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("登记政府信息公开申请"),
            self.tr("证件号码和联系方式只在本机工作人员界面显示原文，打印和导出时一律遮蔽。"),
            parent,
        )
        self.channel = combo({k: c.label for k, c in CHANNELS.items()})
        self.arrived = date_edit(today)
        self.confirmed = date_edit(today)
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.kind = combo(APPLICANT_KINDS)
        self.name = QLineEdit()
        self.contact_person = QLineEdit()
        self.id_number = QLineEdit()
        self.phone = QLineEdit()
        self.address = QLineEdit()
        self.email = QLineEdit()
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(self.tr("所需政府信息的名称、文号或者便于查询的特征性描述"))
        self.description.setFixedHeight(90)
        self.form_box = combo(FORMS)
        self.delivery = combo(DELIVERIES)
        f = self.form
        f.addRow(self.tr("提交方式"), self.channel)
        f.addRow(self.tr("提交或到达（签收）日期"), self.arrived)
        f.addRow(self.tr("与申请人确认日期"), self.confirmed)
        f.addRow("", self.rule)
        f.addRow(self.tr("申请人类型"), self.kind)
        f.addRow(self.tr("姓名或名称"), self.name)
        f.addRow(self.tr("联系人（法人或其他组织）"), self.contact_person)
        f.addRow(self.tr("身份证件号码"), self.id_number)
        f.addRow(self.tr("联系电话"), self.phone)
        f.addRow(self.tr("通信地址"), self.address)
        f.addRow(self.tr("电子邮箱"), self.email)
        f.addRow(self.tr("所需信息"), self.description)
        f.addRow(self.tr("提供形式"), self.form_box)
        f.addRow(self.tr("获取方式"), self.delivery)
        self.channel.currentIndexChanged.connect(self._on_channel_changed)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self._on_channel_changed()
        self._on_kind_changed()

    def _on_channel_changed(self) -> None:
        spec = CHANNELS[self.channel.currentData()]
        self.confirmed.setEnabled(spec.needs_confirmation)
        self.rule.setText(spec.rule)

    def _on_kind_changed(self) -> None:
        self.contact_person.setEnabled(self.kind.currentData() != "natural_person")

    def values(self) -> dict[str, Any]:
        spec = CHANNELS[self.channel.currentData()]
        return {
            "channel": spec.code,
            "arrived_on": date_of(self.arrived),
            "confirmed_on": date_of(self.confirmed) if spec.needs_confirmation else None,
            "applicant_kind": self.kind.currentData(),
            "applicant_name": self.name.text(),
            "contact_person": self.contact_person.text(),
            "id_number": self.id_number.text(),
            "phone": self.phone.text(),
            "address": self.address.text(),
            "email": self.email.text(),
            "description": self.description.toPlainText(),
            "form": self.form_box.currentData(),
            "delivery": self.delivery.currentData(),
        }


class CorrectionDialog(FormDialog):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("补正通知"),
            self.tr("条例第三十条：自收到申请之日起7个工作日内一次性告知需要补正的全部事项。每行写一项。"),
            parent,
        )
        self.items = QPlainTextEdit()
        self.items.setFixedHeight(110)
        self.on = date_edit(today)
        self.form.addRow(self.tr("补正事项"), self.items)
        self.form.addRow(self.tr("通知日期"), self.on)

    def values(self) -> dict[str, Any]:
        return {"items": self.items.toPlainText(), "on": date_of(self.on)}


class DateDialog(FormDialog):
    """One date (and an optional text), e.g. 收到补正材料 or 收到第三方意见."""

    def __init__(
        self, title: str, intro: str, today: date, text_label: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(title, intro, parent)
        self.on = date_edit(today)
        self.form.addRow(self.tr("日期"), self.on)
        self.text = QLineEdit()
        if text_label:
            self.form.addRow(text_label, self.text)

    def values(self) -> dict[str, Any]:
        return {"on": date_of(self.on), "text": self.text.text()}


class ConsultationDialog(FormDialog):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("书面征求第三方意见"),
            self.tr(
                "条例第三十二条：第三方应在15个工作日内提出意见；征求意见期间不计入答复期限（第三十三条）。"
            ),
            parent,
        )
        self.party = QLineEdit()
        self.reason = QLineEdit()
        self.on = date_edit(today)
        self.form.addRow(self.tr("征求意见对象"), self.party)
        self.form.addRow(self.tr("原因"), self.reason)
        self.form.addRow(self.tr("发出日期"), self.on)

    def values(self) -> dict[str, Any]:
        return {"party": self.party.text(), "reason": self.reason.text(), "on": date_of(self.on)}


class ExtensionDialog(FormDialog):
    """延期: days, reason, and, when the signed-in user cannot approve, the approver's sign-in."""

    def __init__(self, max_days: int, needs_approver: bool, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("延期答复"),
            self.tr("条例第三十三条第二款：经政府信息公开工作机构负责人同意，可延期一次，最长不超过")
            + str(max_days)
            + self.tr("个工作日，并告知申请人。"),
            parent,
        )
        self.days = QSpinBox()
        self.days.setRange(1, max(1, max_days))
        self.days.setValue(max(1, max_days))
        self.reason = QLineEdit()
        self.form.addRow(self.tr("延长工作日"), self.days)
        self.form.addRow(self.tr("延期理由"), self.reason)
        self.approver = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        if needs_approver:
            self.form.addRow(self.tr("批准人（终审或管理员）"), self.approver)
            self.form.addRow(self.tr("批准人密码"), self.password)

    def values(self) -> dict[str, Any]:
        return {
            "days": self.days.value(),
            "reason": self.reason.text(),
            "approver": self.approver.text().strip(),
            "password": self.password.text(),
        }


class AnswerDialog(FormDialog):
    """答复: the type (one annual-report row each), a note, pages and the fee scale chosen."""

    def __init__(self, today: date, from_correction: bool, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("签发答复"),
            self.tr("答复类型决定年度报告中计入的行和打印的告知书。"),
            parent,
        )
        self.answer_type = QComboBox()
        for code, a in ANSWER_TYPES.items():
            if from_correction and code not in ("other_no_correction", "other"):
                continue
            group = ANSWER_GROUPS[a.group].split("（区分")[0]
            self.answer_type.addItem(f"{ANSWER_LABELS[code]}    [{group}]", code)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(90)
        self.note.setPlaceholderText(self.tr("理由、提供方式，或负责公开的机关及联系方式"))
        self.pages = QSpinBox()
        self.pages.setRange(0, 100000)
        self.fee = QComboBox()
        self.fee.addItem(self.tr("不收费"), "none")
        self.fee.addItem(self.tr("按件收费"), "count")
        self.fee.addItem(self.tr("按量（页）收费"), "pages")
        self.on = date_edit(today)
        self.form.addRow(self.tr("答复类型"), self.answer_type)
        self.form.addRow(self.tr("说明"), self.note)
        self.form.addRow(self.tr("提供页数"), self.pages)
        self.form.addRow(self.tr("信息处理费"), self.fee)
        self.form.addRow(self.tr("答复日期"), self.on)

    def values(self) -> dict[str, Any]:
        return {
            "answer_type": self.answer_type.currentData(),
            "note": self.note.toPlainText(),
            "pages": self.pages.value(),
            "fee": self.fee.currentData(),
            "on": date_of(self.on),
        }
