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

from app.users import ROLE_LABELS, Role, StaffUser
from app.workdays import HolidayYear
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

        site_box = QGroupBox(self.tr("站点"))
        site_form = QFormLayout(site_box)
        self.site_labels = {key: QLabel() for key in ("code", "name", "zone_location", "supervision_phone")}
        site_form.addRow(self.tr("站点代码"), self.site_labels["code"])
        site_form.addRow(self.tr("站点名称"), self.site_labels["name"])
        site_form.addRow(self.tr("专区位置"), self.site_labels["zone_location"])
        site_form.addRow(self.tr("监督电话"), self.site_labels["supervision_phone"])
        layout.addWidget(site_box)

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
        form.addRow("", self.save)
        self._is_admin = is_admin
        for w in (self.base_url, self.reminder, self.idle, self.language, self.save):
            w.setEnabled(False)  # until the settings are read (then: admins only)
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
        row.addWidget(user_box)
        layout.addLayout(row, 1)

        env.bus.watch(self, ("holiday", "user", "settings"), lambda _c: self.reload())
        self.reload()

    def reload(self) -> None:
        """Read the site, the settings, the holiday years and the staff (read pool)."""
        ctx = self._env.ctx

        def work() -> tuple[object, dict[str, object], list[HolidayYear], list[StaffUser]]:
            return ctx.sites.get(), ctx.settings.all(), ctx.holidays.years(), ctx.users.list()

        self._env.ops.read(self, work, self._show, key="all")

    def _show(self, result: tuple[object, dict[str, object], list[HolidayYear], list[StaffUser]]) -> None:
        site, settings, years, users = result
        for key, label in self.site_labels.items():
            label.setText(str(getattr(site, key, "") or ""))
        self.base_url.setText(str(settings["public_base_url"]))
        self.reminder.setText(str(settings["reminder_time"]))
        self.idle.setValue(int(str(settings["kiosk_idle_seconds"])))
        self.language.setCurrentIndex(max(0, self.language.findData(settings["language"])))
        for w in (self.base_url, self.reminder, self.idle, self.language, self.save):
            w.setEnabled(self._is_admin)
        self.holiday_model.set_rows(years)
        self.user_model.set_rows(users)

    def _save(self) -> None:
        values = {
            "public_base_url": self.base_url.text().strip(),
            "reminder_time": self.reminder.text().strip(),
            "kiosk_idle_seconds": self.idle.value(),
            "language": self.language.currentData(),
        }
        settings = self._env.ctx.settings
        self._env.ops.write(self, lambda: settings.set_many(values))

    def _import_holidays(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("导入节假日文件"), "", self.tr("节假日文件 (*.json *.csv *.ics)")
        )
        if not path:
            return
        holidays, actor = self._env.ctx.holidays, self._env.user.name

        def done(years: list[int]) -> None:
            QMessageBox.information(
                self, self.tr("导入完成"), self.tr("已导入年份：") + ", ".join(map(str, years))
            )

        self._env.ops.write(self, lambda: holidays.import_file(Path(path), actor=actor), done)
