"""Settings: the site, business preferences, holiday years (with import) and staff accounts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.holidays import HolidayImport, ReplaceNeededError
from app.users import ROLE_LABELS, Role, StaffUser
from app.workdays import HolidayYear
from ui.crash import show_error
from ui.env import UiEnv
from ui.qtapp import LANGUAGES
from ui.table_model import Column, RecordTableModel, SortFilterProxy


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
                QCoreApplication.translate("SettingsPage", ROLE_LABELS[r]) for r in sorted(u.roles)
            ),
        ),
    ]


class SettingsPage(QWidget):
    """Admins edit; everyone else reads."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        is_admin = env.user.has(Role.ADMIN)
        layout = QVBoxLayout(self)

        site = env.ctx.sites.get()
        site_box = QGroupBox(self.tr("站点"))
        site_form = QFormLayout(site_box)
        if site is not None:
            site_form.addRow(self.tr("站点代码"), QLabel(site.code))
            site_form.addRow(self.tr("站点名称"), QLabel(site.name))
            site_form.addRow(self.tr("专区位置"), QLabel(site.zone_location))
            site_form.addRow(self.tr("监督电话"), QLabel(site.supervision_phone))
        layout.addWidget(site_box)

        prefs = QGroupBox(self.tr("偏好设置"))
        form = QFormLayout(prefs)
        settings = env.ctx.settings.all()
        self.base_url = QLineEdit(str(settings["public_base_url"]))
        self.base_url.setToolTip(
            self.tr("公示二维码指向的市级平台地址；公示创建时即确定，改动只影响之后创建的公示。")
        )
        self.reminder = QLineEdit(str(settings["reminder_time"]))
        self.idle = QSpinBox()
        self.idle.setRange(15, 3600)
        self.idle.setValue(int(settings["kiosk_idle_seconds"]))
        form.addRow(self.tr("市级平台公开页面地址"), self.base_url)
        form.addRow(self.tr("每日提醒时间"), self.reminder)
        form.addRow(self.tr("触摸屏无操作返回首页（秒）"), self.idle)
        self.language = QComboBox()
        for code, label in LANGUAGES.items():
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings["language"])))
        self.language.setToolTip(self.tr("重新启动程序后生效"))
        form.addRow(self.tr("界面语言（重启后生效）"), self.language)
        self.save = QPushButton(self.tr("保存设置"))
        self.save.clicked.connect(self._save)
        form.addRow("", self.save)
        for w in (self.base_url, self.reminder, self.idle, self.language, self.save):
            w.setEnabled(is_admin)
        layout.addWidget(prefs)

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
        self.holiday_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.holiday_view.horizontalHeader().setStretchLastSection(True)
        hol_layout.addWidget(self.holiday_view)
        note = QLabel(self.tr("没有官方数据的年份只按周末计算，结果标为“暂定”。"))
        note.setWordWrap(True)
        hol_layout.addWidget(note)
        self.import_button = QPushButton(self.tr("导入节假日文件…"))
        self.import_button.setEnabled(is_admin)
        self.import_button.clicked.connect(self._import_holidays)
        hol_layout.addWidget(self.import_button)
        row.addWidget(hol_box)

        user_box = QGroupBox(self.tr("工作人员"))
        user_layout = QVBoxLayout(user_box)
        self.user_model: RecordTableModel[StaffUser] = RecordTableModel(user_columns(), "SettingsPage", self)
        self.user_view = QTableView()
        self.user_view.setModel(self.user_model)
        self.user_view.horizontalHeader().setStretchLastSection(True)
        user_layout.addWidget(self.user_view)
        self.add_user_button = QPushButton(self.tr("新增工作人员…"))
        self.add_user_button.setEnabled(is_admin)
        if not is_admin:
            self.add_user_button.setToolTip(self.tr("只有管理员可以新增工作人员"))
        self.add_user_button.clicked.connect(self._add_user)
        user_layout.addWidget(self.add_user_button)
        row.addWidget(user_box)
        layout.addLayout(row, 1)

        env.bus.changed.connect(self._on_bus_changed)
        self.reload()

    def reload(self) -> None:
        self.holiday_model.set_rows(self._env.ctx.holidays.years())
        self.user_model.set_rows(self._env.ctx.users.list())

    def _on_bus_changed(self, entity: str) -> None:
        if entity in ("holiday", "user", "settings"):
            self.reload()

    def _save(self) -> None:
        settings = self._env.ctx.settings
        settings.set("public_base_url", self.base_url.text().strip())
        settings.set("reminder_time", self.reminder.text().strip())
        settings.set("kiosk_idle_seconds", self.idle.value())
        settings.set("language", self.language.currentData())
        self._env.bus.changed.emit("settings")
        QMessageBox.information(self, self.tr("设置"), self.tr("设置已保存。"))

    def _add_user(self, typed: tuple[str, str, frozenset[Role]] | None = None) -> None:
        from ui.dialogs.add_user import AddUserDialog

        dialog = AddUserDialog(self)
        if typed is not None:
            dialog.fill(*typed)
        if not dialog.exec():
            return
        name, display, roles, password = dialog.values()
        users, admin = self._env.ctx.users, self._env.user

        def done(user: StaffUser) -> None:
            self._env.bus.changed.emit("user")
            QMessageBox.information(
                self, self.tr("新增工作人员"), self.tr("已新增工作人员 %1。").replace("%1", user.name)
            )

        def failed(exc: BaseException) -> None:
            show_error(self, exc)
            self._add_user((name, display, roles))  # back to the form, with what was typed

        self._env.tasks.run(
            lambda: users.create(admin, name, roles, password, display_name=display), done, failed
        )

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
            self._env.bus.changed.emit("holiday")
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

        self._env.tasks.run(work, done, failed)
