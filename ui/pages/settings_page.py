"""Settings: the site, business preferences, holiday years (with import), staff accounts and the
site's PCs (ui/sync/devices.py).

An administrator edits the site's details (they appear on the kiosk and on printouts), the
preferences and the staff accounts (add, reset a password, deactivate/reactivate; the dialogs are in
ui/staff.py). Who may is ``app.authz`` ("site.update", "user.*"); the services check it again and
audit every change. Anyone else reads the same page, told in one sentence at the top why it cannot
be changed and whom to ask.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.authz import allowed
from app.holidays import HolidayImport, ReplaceNeededError
from app.sites import SiteInfo
from app.users import ROLE_LABELS, Role, StaffUser
from app.workdays import HolidayYear
from ui.crash import show_error
from ui.env import UiEnv
from ui.qtapp import LANGUAGES
from ui.staff import AddStaffDialog, ResetPasswordDialog
from ui.sync.devices import DevicesBox
from ui.table_model import Column, RecordTableModel, SortFilterProxy, fit_to_contents

#: the site details an administrator edits, in the order shown (labels as in app.sites.FIELD_LABELS)
SITE_FIELDS = ("name", "district", "zone_location", "supervision_phone")


def source_label(source: str) -> str:
    """Where a holiday year came from, in words."""
    if source == "bundled":
        return QCoreApplication.translate("SettingsPage", "内置（国务院办公厅通知）")
    if source == "city-platform":
        return QCoreApplication.translate("SettingsPage", "市级平台下发")
    if source.startswith("import:"):
        return QCoreApplication.translate("SettingsPage", "导入：") + source.removeprefix("import:")
    return source


def holiday_columns() -> list[Column[HolidayYear]]:
    return [
        Column("年份", lambda y: str(y.year), lambda y: y.year),
        Column("假日天数", lambda y: str(len(y.holidays)), lambda y: len(y.holidays)),
        Column("调休上班天数", lambda y: str(len(y.workdays)), lambda y: len(y.workdays)),
        Column("来源", lambda y: source_label(y.source)),
    ]


def user_columns() -> list[Column[StaffUser]]:
    return [
        Column("用户名", lambda u: u.name),
        Column("姓名", lambda u: u.display_name),
        Column(
            "角色",
            lambda u: QCoreApplication.translate("SettingsPage", "、").join(
                QCoreApplication.translate("SettingsPage", ROLE_LABELS[r])
                for r in sorted(u.roles, key=list(Role).index)
            ),
        ),
        Column(
            "状态",
            lambda u: (
                QCoreApplication.translate("SettingsPage", "在用")
                if u.active
                else QCoreApplication.translate("SettingsPage", "已停用（不能登录）")
            ),
        ),
    ]


class SettingsPage(QWidget):
    """Admins edit; everyone else reads."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        is_admin = allowed(env.user, "settings.update")
        layout = QVBoxLayout(self)

        self._site_editable = allowed(env.user, "site.update")
        self._staff_editable = allowed(env.user, "user.add")
        self.read_only_note = QLabel(
            self.tr(
                "您登录的身份是“%1”，本页只能查看，不能修改。站点信息、偏好设置、节假日和工作人员账号"
                "由政务公开专员（管理员）维护；需要修改时，请联系本站点的管理员。"
            ).replace(
                "%1",
                "、".join(
                    QCoreApplication.translate("SettingsPage", ROLE_LABELS[r])
                    for r in sorted(env.user.roles, key=list(Role).index)
                ),
            )
        )
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setStyleSheet(
            "background: #fff4ce; border: 1px solid #e0c060; border-radius: 4px; padding: 8px;"
        )
        self.read_only_note.setVisible(not (self._site_editable and is_admin))
        layout.addWidget(self.read_only_note)
        # A field the user cannot change must not look like one to type in (white box, text cursor):
        # read-only fields take the window's grey, like a label.
        self.setStyleSheet('QLineEdit[readOnly="true"] { background: palette(window); color: palette(text); }')
        top = QHBoxLayout()

        site_box = QGroupBox(self.tr("站点（触摸屏和打印材料上显示）"))
        site_form = QFormLayout(site_box)
        self.site_code = QLabel()
        site_form.addRow(self.tr("站点代码"), self.site_code)
        self.site_edits: dict[str, QLineEdit] = {}
        labels = {
            "name": self.tr("站点名称"),
            "district": self.tr("所属区县"),
            "zone_location": self.tr("专区位置"),
            "supervision_phone": self.tr("监督电话"),
        }
        for key in SITE_FIELDS:
            edit = QLineEdit()
            edit.setReadOnly(True)  # until read; then: administrators only
            self.site_edits[key] = edit
            site_form.addRow(labels[key], edit)
        self.site_edits["zone_location"].setPlaceholderText(self.tr("如：便民服务中心一楼政务公开专区"))
        self.site_edits["supervision_phone"].setPlaceholderText(self.tr("如：0531-88123456"))
        self.save_site = QPushButton(self.tr("保存站点信息"))
        self.save_site.clicked.connect(self._save_site)
        self.save_site.setVisible(self._site_editable)
        self.save_site.setEnabled(False)
        site_form.addRow("", self.save_site)
        top.addWidget(site_box, 1)

        prefs = QGroupBox(self.tr("偏好设置"))
        form = QFormLayout(prefs)
        self.base_url = QLineEdit()
        self.base_url.setToolTip(
            self.tr("公示二维码指向的市级平台地址；公示创建时即确定，改动只影响之后创建的公示。")
        )
        self.reminder = QLineEdit()
        self.idle = QSpinBox()
        self.idle.setRange(15, 3600)
        form.addRow(self.tr("市级平台公开页面地址"), self.base_url)
        form.addRow(self.tr("每日提醒时间"), self.reminder)
        form.addRow(self.tr("触摸屏无操作返回首页（秒）"), self.idle)
        self.language = QComboBox()
        for code, label in LANGUAGES.items():
            self.language.addItem(label, code)
        self.language.setToolTip(self.tr("重新启动程序后生效"))
        form.addRow(self.tr("界面语言（重启后生效）"), self.language)
        self.save = QPushButton(self.tr("保存设置"))
        self.save.clicked.connect(self._save)
        self.save.setVisible(is_admin)
        form.addRow("", self.save)
        self._is_admin = is_admin
        for w in (self.base_url, self.reminder, self.idle, self.language, self.save):
            w.setEnabled(False)  # until the settings are read (then: admins only)
        top.addWidget(prefs, 1)
        layout.addLayout(top)

        row = QHBoxLayout()
        hol_box = QGroupBox(self.tr("法定节假日与调休（工作日计算依据）"))
        hol_layout = QVBoxLayout(hol_box)
        self.holiday_model: RecordTableModel[HolidayYear] = RecordTableModel(
            holiday_columns(), "SettingsPage", self
        )
        self.holiday_proxy = SortFilterProxy(self)
        self.holiday_proxy.setSourceModel(self.holiday_model)
        self.holiday_view = QTableView()
        self.holiday_view.setModel(self.holiday_proxy)
        self.holiday_view.setSortingEnabled(True)
        self.holiday_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        fit_to_contents(self.holiday_view.horizontalHeader())
        self.holiday_view.horizontalHeader().setStretchLastSection(True)
        hol_layout.addWidget(self.holiday_view)
        note = QLabel(self.tr("没有官方数据的年份只按周末计算，结果标为“暂定”。"))
        note.setWordWrap(True)
        hol_layout.addWidget(note)
        self.import_button = QPushButton(self.tr("导入节假日文件…"))
        self.import_button.setVisible(allowed(env.user, "holidays.import"))
        self.import_button.clicked.connect(self._import_holidays)
        hol_layout.addWidget(self.import_button)
        row.addWidget(hol_box)

        user_box = QGroupBox(self.tr("工作人员"))
        user_layout = QVBoxLayout(user_box)
        self.user_model: RecordTableModel[StaffUser] = RecordTableModel(user_columns(), "SettingsPage", self)
        self.user_view = QTableView()
        self.user_view.setModel(self.user_model)
        self.user_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.user_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.user_view.verticalHeader().setVisible(False)
        fit_to_contents(self.user_view.horizontalHeader())
        self.user_view.horizontalHeader().setStretchLastSection(True)
        user_layout.addWidget(self.user_view)
        staff_buttons = QHBoxLayout()
        self.add_user_button = QPushButton(self.tr("新增工作人员…"))
        self.reset_password_button = QPushButton(self.tr("重设密码…"))
        self.toggle_user_button = QPushButton(self.tr("停用账号…"))
        for b in (self.add_user_button, self.reset_password_button, self.toggle_user_button):
            b.setVisible(self._staff_editable)
            staff_buttons.addWidget(b)
        staff_buttons.addStretch(1)
        user_layout.addLayout(staff_buttons)
        self.add_user_button.clicked.connect(self._add_user)
        self.reset_password_button.clicked.connect(self._reset_password)
        self.toggle_user_button.clicked.connect(self._toggle_user)
        self.user_view.selectionModel().selectionChanged.connect(lambda *_: self._on_user_selected())
        self._on_user_selected()
        row.addWidget(user_box)
        layout.addLayout(row, 1)
        # The site's PCs (from the platform: asked when the page is first shown, and on 刷新).
        self.devices = DevicesBox(env)
        layout.addWidget(self.devices)

        env.bus.watch(self, ("holiday", "user", "settings"), lambda _c: self.reload())
        self.reload()

    def reload(self) -> None:
        """Read the site, the settings, the holiday years and the staff (read pool)."""
        ctx = self._env.ctx

        def work() -> tuple[SiteInfo | None, dict[str, object], list[HolidayYear], list[StaffUser]]:
            return ctx.sites.get(), ctx.settings.all(), ctx.holidays.years(), ctx.users.list()

        self._env.ops.read(self, work, self._show, key="all")

    def _show(
        self, result: tuple[SiteInfo | None, dict[str, object], list[HolidayYear], list[StaffUser]]
    ) -> None:
        site, settings, years, users = result
        self.site_code.setText(site.code if site else "")
        for key, edit in self.site_edits.items():
            edit.setText(str(getattr(site, key, "") or ""))
            edit.setReadOnly(not self._site_editable)
            edit.style().unpolish(edit)  # the style sheet's [readOnly] look follows the new state
            edit.style().polish(edit)
        self.save_site.setEnabled(site is not None)
        self.base_url.setText(str(settings["public_base_url"]))
        self.reminder.setText(str(settings["reminder_time"]))
        self.idle.setValue(int(str(settings["kiosk_idle_seconds"])))
        self.language.setCurrentIndex(max(0, self.language.findData(settings["language"])))
        for w in (self.base_url, self.reminder, self.idle, self.language, self.save):
            w.setEnabled(self._is_admin)
        self.holiday_model.set_rows(years)
        selected = self.selected_user()
        self.user_model.set_rows(users)
        if selected is not None:
            for row, u in enumerate(users):
                if u.name == selected.name:
                    self.user_view.selectRow(row)
        self._on_user_selected()

    # -- the site --------------------------------------------------------------------------------

    def _save_site(self) -> None:
        values = {key: edit.text() for key, edit in self.site_edits.items()}
        sites, user = self._env.ctx.sites, self._env.user
        self._env.ops.write(self, lambda: sites.update(user, **values), finally_=self.reload)

    # -- staff -----------------------------------------------------------------------------------

    def selected_user(self) -> StaffUser | None:
        rows = self.user_view.selectionModel().selectedRows()
        return self.user_model.row_at(rows[0].row()) if rows else None

    def _on_user_selected(self) -> None:
        user = self.selected_user()
        self.reset_password_button.setEnabled(user is not None)
        self.toggle_user_button.setEnabled(user is not None)
        self.toggle_user_button.setText(
            self.tr("重新启用账号…") if user is not None and not user.active else self.tr("停用账号…")
        )

    def _add_user(self) -> None:
        users, admin = self._env.ctx.users, self._env.user

        def create(name: str, display: str, roles: frozenset[Role], password: str) -> StaffUser:
            return users.create(admin, name, roles, password, display_name=display)

        self.add_dialog = AddStaffDialog(self._env.ops, create, self)
        self.add_dialog.open()

    def _reset_password(self) -> None:
        who = self.selected_user()
        if who is None:
            return
        users, admin, name = self._env.ctx.users, self._env.user, who.name
        self.password_dialog = ResetPasswordDialog(
            self._env.ops, who.label, lambda password: users.reset_password(admin, name, password), self
        )
        self.password_dialog.open()

    def _toggle_user(self) -> None:
        who = self.selected_user()
        if who is None:
            return
        activate = not who.active
        if activate:
            title, text = (
                self.tr("重新启用账号"),
                self.tr("重新启用后，“%1”可以用原来的密码登录。要重新启用吗？"),
            )
        else:
            title, text = (
                self.tr("停用账号"),
                self.tr("停用后，“%1”不能再登录；他办过的记录都会保留，以后可以重新启用。要停用吗？"),
            )
        answer = QMessageBox.question(
            self,
            title,
            text.replace("%1", who.label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        users, admin, name = self._env.ctx.users, self._env.user, who.name
        self._env.ops.write(self, lambda: users.set_active(admin, name, activate), finally_=self.reload)

    def _save(self) -> None:
        values = {
            "public_base_url": self.base_url.text().strip(),
            "reminder_time": self.reminder.text().strip(),
            "kiosk_idle_seconds": self.idle.value(),
            "language": self.language.currentData(),
        }
        settings, user = self._env.ctx.settings, self._env.user
        self._env.ops.write(self, lambda: settings.update_preferences(user, values))

    def _import_holidays(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("导入节假日文件"), "", self.tr("节假日文件 (*.json *.csv *.ics)")
        )
        if not path:
            return
        self._run_holiday_import(Path(path), replace=False)

    def _run_holiday_import(self, path: Path, *, replace: bool) -> None:
        """Import; when years already held would change, show the differences and ask first."""
        holidays, actor = self._env.ctx.holidays, self._env.user.name

        def work() -> HolidayImport:
            return holidays.import_file(path, actor=actor, replace=replace)

        def done(result: HolidayImport) -> None:
            lines = []
            if result.stored:
                lines.append(self.tr("已导入年份：") + ", ".join(map(str, result.stored)))
            if result.unchanged:
                lines.append(self.tr("与现有数据相同、未改动：") + ", ".join(map(str, result.unchanged)))
            QMessageBox.information(self, self.tr("导入完成"), "\n".join(lines))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ReplaceNeededError):
                box = QMessageBox(self)
                box.setIcon(QMessageBox.Icon.Warning)
                box.setWindowTitle(self.tr("替换已有的节假日数据？"))
                years = "、".join(map(str, exc.years))
                box.setText(self.tr("文件中 %1 年的安排与本机现有的数据不同。").replace("%1", years))
                box.setDetailedText("\n".join(exc.problems))
                box.setInformativeText(
                    self.tr(
                        "替换后，这些年份的期限按文件中的安排计算。请先点“显示详情”逐日核对差异，确认无误再替换。"
                    )
                )
                replace_button = box.addButton(self.tr("替换"), QMessageBox.ButtonRole.DestructiveRole)
                cancel = box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
                box.setDefaultButton(cancel)
                box.exec()
                if box.clickedButton() is replace_button:
                    self._run_holiday_import(path, replace=True)
                return
            show_error(self, exc)

        self._env.ops.write(self, work, done, failed=failed)
