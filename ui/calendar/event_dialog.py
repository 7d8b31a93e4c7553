"""The dialog to plan or edit an event, with a live warning when the room is already taken.

What the form needs from the database (the event types, the event being edited, the site's room) is
read on the read pool (``load_event_setup``): the calendar page reads it before opening the dialog,
or the dialog reads it itself; 保存 waits until it is in. The room check runs on the read pool too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.clock import ZONE
from app.context import AppContext
from app.errors import GongkaiError, InputError
from app.events import INVITED_ROLES, EventDraft, EventTypeValue, EventValue, Occurrence
from app.sites import SiteInfo
from ui.calendar.recurrence_editor import RecurrenceEditor
from ui.calendar.text import arg
from ui.catalogue.picker import CatalogueLinksField
from ui.crash import show_error
from ui.discard import AsksBeforeDiscard
from ui.env import UiEnv
from ui.i18n import app_label
from ui.policies.picker import PolicyLinksField


def to_date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def to_time(q: QTime) -> time:
    return time(q.hour(), q.minute())


def _split(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.replace("，", "、").replace(",", "、").split("、") if p.strip())


@dataclass(frozen=True)
class EventSetup:
    """What the event form needs from the database, read once per opening."""

    types: tuple[EventTypeValue, ...]
    draft: EventDraft | None  # the event being edited
    site: SiteInfo | None


def load_event_setup(ctx: AppContext, uuid: str | None) -> EventSetup:
    """A query: run it through ``env.ops.read``."""
    events = ctx.events
    return EventSetup(tuple(events.types()), events.draft_of(uuid) if uuid else None, ctx.sites.get())


class EventDialog(AsksBeforeDiscard, QDialog):
    """Create (``uuid`` None) or edit an event; ``saved_uuid`` holds the result after accept.

    ``setup`` is what the caller read (None: the dialog reads it, 保存 waiting until it is in)."""

    def __init__(
        self,
        env: UiEnv,
        uuid: str | None = None,
        day: date | None = None,
        parent: QWidget | None = None,
        setup: EventSetup | None = None,
    ) -> None:
        super().__init__(parent)
        self._env = env
        self._uuid = uuid
        self.saved_uuid: str | None = None
        self.ready = False
        self.setWindowTitle(self.tr("编辑活动") if uuid else self.tr("新建活动"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.type_box = QComboBox()
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("如：《老旧小区改造补贴办法》现场政策解读"))
        self.start_edit = QDateTimeEdit()
        self.start_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.start_edit.setCalendarPopup(True)
        self.end_edit = QTimeEdit()
        self.end_edit.setDisplayFormat("HH:mm")
        self.place_edit = QLineEdit()
        self.recurrence = RecurrenceEditor()
        self.host_edit = QLineEdit()
        self.speakers_edit = QLineEdit()
        self.speakers_edit.setPlaceholderText(self.tr("多人用顿号分隔"))
        self.audience_edit = QLineEdit()
        self.capacity = QSpinBox()
        self.capacity.setRange(0, 100000)
        self.capacity.setSpecialValueText(self.tr("不限"))
        roles_row = QHBoxLayout()
        self.role_boxes = []
        for r in INVITED_ROLES:  # shown translated; the role's Chinese name is what is saved
            box = QCheckBox(app_label(r))
            box.setProperty("role", r)
            self.role_boxes.append(box)
        for box in self.role_boxes:
            roles_row.addWidget(box)
        self.series_edit = QLineEdit()
        self.series_edit.setPlaceholderText(self.tr("如：泉诚公开、政府开放"))
        self.policies_field = PolicyLinksField(env)
        self.items_field = CatalogueLinksField(env)
        self.adoption_days = QSpinBox()
        self.adoption_days.setRange(1, 60)
        self.adoption_days.setSuffix(self.tr(" 个工作日"))
        self.description = QPlainTextEdit()
        self.description.setMinimumHeight(self.fontMetrics().height() * 4)

        form.addRow(self.tr("活动类型"), self.type_box)
        form.addRow(self.tr("标题"), self.title_edit)
        times = QHBoxLayout()
        times.addWidget(self.start_edit)
        times.addWidget(QLabel(self.tr("至")))
        times.addWidget(self.end_edit)
        form.addRow(self.tr("时间"), times)
        form.addRow(self.tr("地点"), self.place_edit)
        self.conflict_label = QLabel()
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setStyleSheet("color: #b45309;")
        form.addRow("", self.conflict_label)
        form.addRow(self.tr("重复"), self.recurrence)
        form.addRow(self.tr("主办"), self.host_edit)
        form.addRow(self.tr("主讲"), self.speakers_edit)
        form.addRow(self.tr("参加对象"), self.audience_edit)
        form.addRow(self.tr("名额"), self.capacity)
        form.addRow(self.tr("邀请"), roles_row)
        form.addRow(self.tr("活动品牌"), self.series_edit)
        form.addRow(self.tr("相关政策"), self.policies_field)
        form.addRow(self.tr("目录事项"), self.items_field)
        form.addRow(self.tr("采纳情况公开时限"), self.adoption_days)
        form.addRow(self.tr("活动内容"), self.description)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        self.save_button.setEnabled(False)  # until the form's data is in
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        if not uuid:
            start = datetime.combine(day or env.ctx.clock.today(), time(9), ZONE)
            self.start_edit.setDateTime(QDateTime(QDate(start.year, start.month, start.day), QTime(9, 0)))
            self.end_edit.setTime(QTime(11, 0))
            self.adoption_days.setValue(10)
            self.recurrence.set_start(start)
        self.start_edit.dateTimeChanged.connect(lambda _: self.recurrence.set_start(self._start()))
        for signal in (
            self.recurrence.changed,
            self.end_edit.timeChanged,
            self.place_edit.textChanged,
        ):
            signal.connect(self._refresh)
        if setup is None:
            ctx = env.ctx
            env.ops.read(self, lambda: load_event_setup(ctx, uuid), self._set_up, key="setup", loading=self)
        else:
            self._set_up(setup)

    def _set_up(self, setup: EventSetup) -> None:
        """Fill the types, the edited event or the site's room, once read."""
        dirty = self.has_changes()
        self.type_box.blockSignals(True)
        for t in setup.types:
            self.type_box.addItem(app_label(t.label), t.key)
        self.type_box.blockSignals(False)
        if setup.draft is not None:
            self._load(setup.draft)
        elif setup.site is not None and not self.place_edit.text():
            self.place_edit.setText(setup.site.zone_location)
        self.ready = True
        self.save_button.setEnabled(True)
        self._refresh()
        if not dirty:
            self.mark_clean()

    # -- draft <-> widgets -----------------------------------------------------------------------

    def _load(self, d: EventDraft) -> None:
        self.type_box.setCurrentIndex(max(self.type_box.findData(d.type_key), 0))
        self.title_edit.setText(d.title)
        s, e = d.start.astimezone(ZONE), d.end.astimezone(ZONE)
        self.start_edit.setDateTime(QDateTime(QDate(s.year, s.month, s.day), QTime(s.hour, s.minute)))
        self.end_edit.setTime(QTime(e.hour, e.minute))
        self.place_edit.setText(d.place)
        self.recurrence.set_rule(d.rrule, s)
        self.host_edit.setText(d.host)
        self.speakers_edit.setText("、".join(d.speakers))
        self.audience_edit.setText(d.audience)
        self.capacity.setValue(d.capacity or 0)
        for box in self.role_boxes:
            box.setChecked(box.property("role") in d.invited_roles)
        self.series_edit.setText(d.series)
        self.policies_field.set_links(d.policy_links)
        self.items_field.set_uuids(d.catalogue_item_uuids)
        self.adoption_days.setValue(d.adoption_days)
        self.description.setPlainText(d.description)
        self._exdates = d.exdates
        self._adoption_start = d.adoption_start

    def _start(self) -> datetime:
        start_q = self.start_edit.dateTime()
        return datetime.combine(to_date(start_q.date()), to_time(start_q.time()), ZONE)

    def _rule(self) -> str | None:
        try:
            return self.recurrence.rule(self._start())
        except InputError:
            return None

    def draft(self) -> EventDraft:
        start = self._start()
        end = datetime.combine(start.date(), to_time(self.end_edit.time()), ZONE)
        if end <= start:  # an evening event running past midnight
            end += timedelta(days=1)
        return EventDraft(
            type_key=str(self.type_box.currentData()),
            title=self.title_edit.text(),
            start=start,
            end=end,
            place=self.place_edit.text(),
            description=self.description.toPlainText(),
            rrule=self._rule(),
            exdates=getattr(self, "_exdates", ()),
            host=self.host_edit.text(),
            speakers=_split(self.speakers_edit.text()),
            audience=self.audience_edit.text(),
            capacity=self.capacity.value() or None,
            invited_roles=tuple(str(b.property("role")) for b in self.role_boxes if b.isChecked()),
            series=self.series_edit.text(),
            catalogue_item_uuids=self.items_field.uuids(),
            policy_links=self.policies_field.links(),
            adoption_days=self.adoption_days.value(),
            adoption_start=getattr(self, "_adoption_start", None),
        )

    def _refresh(self) -> None:
        """Ask for clashes at the place and time typed (read pool; the last answer wins)."""
        try:
            draft = self.draft()
        except GongkaiError:
            return  # a field the form cannot read yet: saving says which
        events, uuid = self._env.ctx.events, self._uuid
        self._env.ops.read(self, lambda: events.conflicts(draft, uuid), self._show_conflicts, key="conflicts")

    def _show_conflicts(self, conflicts: list[Occurrence]) -> None:
        if conflicts:
            first = conflicts[0]
            self.conflict_label.setText(
                arg(
                    self.tr("注意：该地点同一时间已有活动“%1”（%2）"),
                    first.title,
                    f"{first.start:%m-%d %H:%M}",
                )
                + (self.tr("等 %n 项", "", len(conflicts)) if len(conflicts) > 1 else "")
            )
        else:
            self.conflict_label.setText("")
        self.conflict_label.setVisible(bool(conflicts))

    def _save(self) -> None:
        if not self.ready:
            return
        events, user, uuid = self._env.ctx.events, self._env.user, self._uuid
        try:
            draft = self.draft()
        except GongkaiError as exc:  # a field the form could not read
            show_error(self, exc)
            return

        def saved(ev: EventValue) -> None:
            self.saved_uuid = ev.uuid
            self.accept()

        self._env.ops.write(
            self,
            lambda: events.update(user, uuid, draft) if uuid else events.create(user, draft),
            saved,
        )
