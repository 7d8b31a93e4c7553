"""The notice editor: content, period (checked live against the legal minimum), boards, and the masking preview.

Staff see originals here and only here; the preview on the right shows, highlighted, what every printout
and the public page will hide. Unticking a detection keeps that text readable (an override the service
writes to the audit log).

What the form offers (templates, boards, the site's name and supervision phone) is read on the read
pool (``load_setup``): the page reads it before opening the dialog, or the dialog reads it itself and
shows "正在加载…" meanwhile. Saving runs the page's save through ``env.ops.write`` from inside the
dialog, so a refusal (a stale revision, a bad date) is shown over the still open dialog and nothing
that was typed is lost.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.errors import GongkaiError, InputError
from app.notices import NoticeDraft, NoticeView, PeriodCheck, Roster
from app.notices.limits import check_draft_limits
from app.notices.masking import MaskingPreview
from app.notices.templates import NoticeTemplate
from app.notices.values import BoardView
from app.sites import SiteInfo
from ui.catalogue.picker import CatalogueLinksField
from ui.crash import show_error
from ui.discard import AsksBeforeDiscard
from ui.env import UiEnv
from ui.i18n import app_label, message_text
from ui.notices.widgets import clear_layout
from ui.policies.picker import PolicyLinksField

KIND_LABELS = {
    "id_number": "身份证号",
    "mobile": "手机号",
    "landline": "固定电话",
    "bank_card": "银行卡号",
    "address": "详细住址",
    "name": "姓名",
}


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


#: Roster rows the staff preview masks and shows (the printout and the platform get all of them).
PREVIEW_ROWS = 200


def roster_from_text(text: str) -> Roster | None:
    """Tab-separated lines (pasted from Excel), the first one the header; None when empty."""
    lines = [ln for ln in text.replace("\r\n", "\n").split("\n") if ln.strip()]
    if not lines:
        return None
    columns = tuple(c.strip() for c in lines[0].split("\t"))
    rows = tuple(tuple(c.strip() for c in ln.split("\t")) for ln in lines[1:])
    return Roster(columns, rows)


def roster_to_text(roster: Roster | None) -> str:
    if roster is None:
        return ""
    return "\n".join("\t".join(r) for r in (roster.columns, *roster.rows))


@dataclass(frozen=True)
class EditorSetup:
    """What the editor's form offers, read once per opening (``load_setup``, on the read pool)."""

    templates: tuple[NoticeTemplate, ...]
    boards: tuple[BoardView, ...]
    site: SiteInfo | None


def load_setup(ctx: AppContext) -> EditorSetup:
    """The editor's templates, active boards and site (a query: run it through ``env.ops.read``)."""
    return EditorSetup(tuple(ctx.notices.templates()), tuple(ctx.notices.boards()), ctx.sites.get())


class NoticeEditorDialog(AsksBeforeDiscard, QDialog):
    """Create or edit a notice; ``draft()`` returns what was typed.

    ``setup`` is what the page read before opening (None: the dialog reads it, showing its loading
    state). With ``save_with(op)`` the 保存 button runs ``op(draft)`` as a write and closes the
    dialog only when it succeeded (``saved`` holds its result); without it 保存 just accepts.
    """

    def __init__(
        self,
        env: UiEnv,
        notice: NoticeView | None = None,
        parent: QWidget | None = None,
        setup: EditorSetup | None = None,
    ) -> None:
        super().__init__(parent)
        self._env = env
        self._notice = notice
        self._templates: dict[str, NoticeTemplate] = {}
        self._save: Callable[[NoticeDraft], Any] | None = None
        self.saved: Any = None
        self.ready = False
        self._exemptions: set[str] = set(notice.masking_exemptions) if notice else set()
        self.setWindowTitle(self.tr("新建公示") if notice is None else self.tr("修改公示：") + notice.title)
        self.resize(1200, 820)

        form_widget = QWidget()
        form = QFormLayout(form_widget)
        self.template = QComboBox()
        self.title_edit = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(self.tr("正文：段落之间空一行；“一、……”单独成行作为小标题。"))
        self.roster = QPlainTextEdit()
        self.roster.setPlaceholderText(
            self.tr("名单（可从 Excel 复制粘贴）：第一行为表头，每行一条，列之间用 Tab 分隔。")
        )
        self.roster.setMaximumHeight(150)
        self.roster.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # one roster row per line
        self.start = QDateEdit()
        self.end = QDateEdit()
        for w in (self.start, self.end):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
        self.period_label = QLabel()
        self.period_label.setWordWrap(True)
        self.issuer = QLineEdit()
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(self.tr("如：社会事务办 刘主任 0531-88123457"))
        self.phone = QLineEdit()
        self.objection = QPlainTextEdit()
        self.objection.setMaximumHeight(70)
        self.objection.setPlaceholderText(self.tr("异议反馈渠道（留空则用模板的默认说明）"))
        self.mask_names = QCheckBox(self.tr("姓名也遮蔽（张三 → 张*）"))
        self.audience = QComboBox()
        self.audience.addItem(self.tr("定点公开（张贴到所选公开栏）"), "fixed")
        self.audience.addItem(self.tr("定向公开（面向特定群体）"), "targeted")
        self.group = QLineEdit()
        self.group.setPlaceholderText(self.tr("定向对象，如：拟征收土地所在村集体成员"))
        self.catalogue_links = CatalogueLinksField(env)
        self.policy_links = PolicyLinksField(env)
        if notice is not None:
            self.catalogue_links.set_uuids(notice.catalogue_item_uuids)
            self.policy_links.set_links(notice.policy_links)
        boards_box = QGroupBox(self.tr("目标公开栏"))
        self.boards_layout = QVBoxLayout(boards_box)
        self.board_checks: dict[str, QCheckBox] = {}

        period_row = QHBoxLayout()
        period_row.addWidget(self.start)
        period_row.addWidget(QLabel(self.tr("至")))
        period_row.addWidget(self.end)
        period_row.addStretch(1)
        form.addRow(self.tr("模板"), self.template)
        form.addRow(self.tr("标题"), self.title_edit)
        form.addRow(self.tr("正文"), self.body)
        form.addRow(self.tr("名单"), self.roster)
        form.addRow(self.tr("公示期"), period_row)
        form.addRow("", self.period_label)
        form.addRow(self.tr("发布单位"), self.issuer)
        form.addRow(self.tr("联系人及电话"), self.contact)
        form.addRow(self.tr("监督电话"), self.phone)
        form.addRow(self.tr("异议渠道"), self.objection)
        form.addRow(self.tr("公开方式"), self.audience)
        form.addRow(self.tr("定向对象"), self.group)
        form.addRow("", self.mask_names)
        form.addRow(self.tr("目录事项"), self.catalogue_links)
        form.addRow(self.tr("相关政策"), self.policy_links)
        form.addRow(boards_box)
        form_scroll = QScrollArea()
        form_scroll.setWidget(form_widget)
        form_scroll.setWidgetResizable(True)

        preview = QWidget()
        preview_layout = QVBoxLayout(preview)
        head = QLabel(self.tr("遮蔽预览：黄色为打印和公开时将遮蔽的内容（与打印件、公开页面一致）"))
        head.setWordWrap(True)
        preview_layout.addWidget(head)
        self.preview = QTextBrowser()
        preview_layout.addWidget(self.preview, 3)
        self.findings_box = QWidget()
        self.findings_layout = QVBoxLayout(self.findings_box)
        self.findings_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        findings_scroll = QScrollArea()
        findings_scroll.setWidget(self.findings_box)
        findings_scroll.setWidgetResizable(True)
        preview_layout.addWidget(findings_scroll, 1)

        splitter = QSplitter()
        splitter.addWidget(form_scroll)
        splitter.addWidget(preview)
        splitter.setSizes([650, 550])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        self.save_button.setEnabled(False)  # until the form's choices are in
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._accept_within_limits)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        today = env.ctx.clock.today()
        self.start.setDate(qdate(today))
        self.end.setDate(qdate(today).addDays(6))
        self._form = splitter
        if setup is None:
            ctx = env.ctx
            env.ops.read(self, lambda: load_setup(ctx), self._set_up, key="setup", loading=splitter)
        else:
            self._set_up(setup, connect=False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.update_preview)
        self.template.currentIndexChanged.connect(self._on_template)
        for signal in (
            self.body.textChanged,
            self.roster.textChanged,
            self.contact.textChanged,
            self.phone.textChanged,
        ):
            signal.connect(self._timer.start)
        self.mask_names.toggled.connect(self._timer.start)
        self.start.dateChanged.connect(self.update_period)
        self.end.dateChanged.connect(self.update_period)
        self.update_period()
        self.update_preview()

    def _set_up(self, setup: EditorSetup, *, connect: bool = True) -> None:
        """Fill the form's choices (and the notice being edited) once they were read."""
        dirty = self.has_changes()
        self._templates = {t.key: t for t in setup.templates}
        self.template.blockSignals(True)
        for t in setup.templates:
            self.template.addItem(app_label(t.name), t.key)
        self.template.blockSignals(False)
        for b in setup.boards:
            check = QCheckBox(f"{b.name}（{b.village}，{b.medium_label}）")
            self.board_checks[b.uuid] = check
            self.boards_layout.addWidget(check)
        site = setup.site
        if self._notice is not None:
            self._load(self._notice)
        else:
            if site is not None and not self.issuer.text():
                self.issuer.setText(site.name + "办事处" if site.name.endswith("街道") else site.name)
            if site is not None and not self.phone.text():
                self.phone.setText(site.supervision_phone)
            self._on_template()
        self.ready = True
        self.save_button.setEnabled(True)
        if connect:  # loaded after the dialog was built: check the period and preview again
            self.update_period()
            self._timer.start()
        if not dirty:
            self.mark_clean()

    def save_with(self, op: Callable[[NoticeDraft], Any]) -> None:
        """保存 runs ``op(draft)`` as one write; the dialog closes only when it succeeded."""
        self._save = op

    def _load(self, n: NoticeView) -> None:
        self.template.setCurrentIndex(self.template.findData(n.template))
        self.template.setEnabled(False)
        self.title_edit.setText(n.title)
        self.body.setPlainText(n.body)
        self.roster.setPlainText(roster_to_text(n.roster))
        self.start.setDate(qdate(n.period_start))
        self.end.setDate(qdate(n.period_end))
        self.issuer.setText(n.issuer)
        self.contact.setText(n.contact)
        self.phone.setText(n.supervision_phone)
        self.objection.setPlainText(n.objection_channel)
        self.mask_names.setChecked(bool(n.masking_profile.get("names")))
        self.audience.setCurrentIndex(self.audience.findData(n.audience_mode))
        self.group.setText(n.audience_group)
        for uuid in n.target_board_uuids:
            if uuid in self.board_checks:
                self.board_checks[uuid].setChecked(True)

    def _on_template(self) -> None:
        if self._notice is not None or self.template.currentData() not in self._templates:
            return
        t = self._templates[self.template.currentData()]
        self.title_edit.setPlaceholderText(t.title_hint)
        if not self.body.toPlainText().strip() or self.body.property("from_template"):
            self.body.setPlainText(t.body_hint)
            self.body.setProperty("from_template", True)
        if t.roster_columns and not self.roster.toPlainText().strip():
            self.roster.setPlainText("\t".join(t.roster_columns))
        self.update_period()

    def draft(self) -> NoticeDraft:
        return NoticeDraft(
            template=str(self.template.currentData()),
            title=self.title_edit.text(),
            body=self.body.toPlainText(),
            period_start=pydate(self.start.date()),
            period_end=pydate(self.end.date()),
            issuer=self.issuer.text(),
            contact=self.contact.text(),
            roster=roster_from_text(self.roster.toPlainText()),
            supervision_phone=self.phone.text(),
            objection_channel=self.objection.toPlainText(),
            issue_date=self._notice.issue_date if self._notice else None,
            catalogue_item_uuids=self.catalogue_links.uuids(),
            policy_links=self.policy_links.links(),
            target_board_uuids=tuple(u for u, c in self.board_checks.items() if c.isChecked()),
            audience_mode=str(self.audience.currentData()),
            audience_group=self.group.text(),
            mask_names=self.mask_names.isChecked(),
            masking_exemptions=tuple(sorted(self._exemptions)),
        )

    def update_period(self) -> None:
        """Check the period against the template's legal minimum (read pool; the last answer wins)."""
        svc = self._env.ctx.notices
        template, start, end = (
            str(self.template.currentData()),
            pydate(self.start.date()),
            pydate(self.end.date()),
        )

        def failed(exc: BaseException) -> None:
            if isinstance(exc, GongkaiError):
                self.period_label.setText(str(exc))  # e.g. the end before the start: said in place
            else:
                show_error(self, exc, str(self._env.ctx.paths.log_file))

        self._env.ops.read(
            self,
            lambda: svc.check_period(template, start, end),
            self._show_period,
            key="period",
            failed=failed,
        )

    def _show_period(self, check: PeriodCheck) -> None:
        self.period_label.setText(message_text(check.message_value))
        self.period_label.setStyleSheet(
            "color: #1a6b2f;" if check.ok else "color: #b00020; font-weight: bold;"
        )

    def _accept_within_limits(self) -> None:
        """Keep the dialog (and what was typed) open when the draft is over a limit."""
        if not self.ready:
            return
        data = self.draft()
        try:
            check_draft_limits(data)
        except InputError as exc:
            QMessageBox.warning(self, self.tr("超过公示的上限"), str(exc))
            return
        save = self._save
        if save is None:
            self.accept()
            return
        self.save_button.setEnabled(False)  # one save at a time

        def done(result: Any) -> None:
            self.saved = result
            self.mark_clean()
            self.accept()

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            show_error(self, exc, str(self._env.ctx.paths.log_file))  # over the dialog, still open

        self._env.ops.write(self, lambda: save(data), done, failed=failed)

    def update_preview(self) -> None:
        """Ask the notice service for the masking preview of what is typed (read pool) and show it.

        A draft over the notice limits (app/notices/limits.py) is not previewed: the limit is shown
        instead, at once, so a pasted 100,000-row roster costs nothing before saving refuses it.
        """
        data, svc = self.draft(), self._env.ctx.notices
        try:
            check_draft_limits(data)
        except InputError as exc:
            self.preview.setPlainText(self.tr("超过公示的上限，未生成预览。"))
            clear_layout(self.findings_layout)
            problem = QLabel(str(exc))
            problem.setWordWrap(True)
            problem.setStyleSheet("color: #b00020; font-weight: bold;")
            self.findings_layout.addWidget(problem)
            return
        self._env.ops.read(self, lambda: svc.masking_preview(data), self._show_preview, key="preview")

    def _show_preview(self, preview: MaskingPreview) -> None:
        """Highlight every detection, list the text ones with a tick box each, count the roster's
        (the table shows the first PREVIEW_ROWS rows; the counts cover the whole roster)."""
        self.masking = preview
        parts: list[str] = []
        for text, f in preview.body:
            if f is None:
                parts.append(html.escape(text))
            elif f.original in self._exemptions:
                parts.append(f'<span style="background:#dde;">{html.escape(f.original)}</span>')
            else:
                parts.append(
                    f'<span style="background:#ffe066;">{html.escape(f.original)}</span>'
                    f'<span style="color:#555;"> → {html.escape(f.masked)}</span>'
                )
        table = ""
        if preview.roster_columns:
            cells = "".join(f"<th>{html.escape(c)}</th>" for c in preview.roster_columns)
            body_rows = "".join(
                "<tr>"
                + "".join(
                    f'<td style="background:#ffe066;">{html.escape(m)}</td>'
                    if m != o
                    else f"<td>{html.escape(o)}</td>"
                    for o, m in row
                )
                + "</tr>"
                for row in preview.roster[:PREVIEW_ROWS]
            )
            table = f'<table border="1" cellspacing="0" cellpadding="3"><tr>{cells}</tr>{body_rows}</table>'
            if len(preview.roster) > PREVIEW_ROWS:
                more = self.tr("……名单共 %1 行，预览只显示前 %2 行").replace("%1", str(len(preview.roster)))
                table += f"<p>{html.escape(more.replace('%2', str(PREVIEW_ROWS)))}</p>"
        self.preview.setHtml(
            '<div style="font-size:12pt; white-space:pre-wrap;">' + "".join(parts) + "</div>" + table
        )
        clear_layout(self.findings_layout)
        self.findings_checks: list[QCheckBox] = []
        summary = QLabel(self._summary(preview))
        summary.setWordWrap(True)
        summary.setObjectName("masking_summary")
        self.findings_layout.addWidget(summary)
        self.masking_summary = summary
        if preview.findings:
            self.findings_layout.addWidget(
                QLabel(self.tr("标题、正文等文字中发现的（取消勾选可保留原文，保存时记入审计日志）："))
            )
        tr = QCoreApplication.translate
        for pf in preview.findings:
            kind = tr("NoticeEditorDialog", KIND_LABELS.get(pf.kind, pf.kind))
            where = "、".join(tr("NoticeEditorDialog", w) for w in pf.where)
            times = self.tr("（%1 处）").replace("%1", str(pf.count)) if pf.count > 1 else ""
            check = QCheckBox(f"{kind}：{pf.original} → {pf.masked}　[{where}]{times}")
            check.setChecked(pf.original not in self._exemptions)
            check.toggled.connect(lambda on, original=pf.original: self._toggle(original, on))
            self.findings_layout.addWidget(check)
            self.findings_checks.append(check)
        if preview.roster_masked:
            columns = "、".join(
                self.tr("%1 %2 格").replace("%1", name).replace("%2", str(n))
                for name, n in preview.roster_columns_masked
            )
            roster = QLabel(
                self.tr("名单中遮蔽 %1 个单元格：%2。名单里的身份证号、电话、姓名等始终遮蔽，不能保留原文。")
                .replace("%1", str(preview.roster_masked))
                .replace("%2", columns)
            )
            roster.setWordWrap(True)
            self.findings_layout.addWidget(roster)

    def _summary(self, preview: MaskingPreview) -> str:
        if preview.masked == 0 and not preview.findings:
            return self.tr("没有发现需要遮蔽的个人信息。")
        text = self.tr("打印和公开时共遮蔽 %1 处：文字中 %2 处，名单中 %3 个单元格。")
        text = (
            text.replace("%1", str(preview.masked))
            .replace("%2", str(preview.text_masked))
            .replace("%3", str(preview.roster_masked))
        )
        kept = sum(1 for f in preview.findings if f.exempt)
        if kept:
            text += self.tr("已取消勾选 %1 项（保留原文）。").replace("%1", str(kept))
        return text

    def _toggle(self, original: str, masked: bool) -> None:
        if masked:
            self._exemptions.discard(original)
        else:
            self._exemptions.add(original)
        self._timer.start()
