"""First run: there is no site in the database yet, so ask for it, for the site's first
administrator (the one who then adds the other staff), and offer demo data (whose demo users
include an administrator, so the administrator fields are then not needed)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import DEMO_PASSWORD, DEMO_SITE


class FirstRunDialog(QDialog):
    """Collects the site's code and name; ``values()`` gives them after accept."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("首次使用 — 设置站点"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("这是本机第一次运行公开专区工作台。请填写本乡镇（街道）的信息。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.code = QLineEdit(DEMO_SITE["code"])
        self.name = QLineEdit(DEMO_SITE["name"])
        self.district = QLineEdit(DEMO_SITE["district"])
        self.zone = QLineEdit(DEMO_SITE["zone_location"])
        self.phone = QLineEdit(DEMO_SITE["supervision_phone"])
        form.addRow(self.tr("站点代码"), self.code)
        form.addRow(self.tr("站点名称"), self.name)
        form.addRow(self.tr("所属区县"), self.district)
        form.addRow(self.tr("专区位置"), self.zone)
        form.addRow(self.tr("监督电话"), self.phone)
        layout.addLayout(form)
        self.demo = QCheckBox(self.tr("写入演示数据（演示用户密码：%1）").replace("%1", DEMO_PASSWORD))
        self.demo.setChecked(True)
        layout.addWidget(self.demo)
        admin_box = QGroupBox(self.tr("本站管理员（负责新增其他工作人员）"))
        admin_form = QFormLayout(admin_box)
        self.admin_name = QLineEdit()
        self.admin_display = QLineEdit()
        self.admin_password = QLineEdit()
        self.admin_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.admin_confirm = QLineEdit()
        self.admin_confirm.setEchoMode(QLineEdit.EchoMode.Password)
        admin_form.addRow(self.tr("用户名"), self.admin_name)
        admin_form.addRow(self.tr("姓名"), self.admin_display)
        admin_form.addRow(self.tr("密码（至少 6 位）"), self.admin_password)
        admin_form.addRow(self.tr("再次输入密码"), self.admin_confirm)
        layout.addWidget(admin_box)
        self.admin_box = admin_box
        self.problem = QLabel("")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("创建"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._accept_if_complete)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.demo.toggled.connect(self._on_demo_toggled)
        self._on_demo_toggled(self.demo.isChecked())

    def _on_demo_toggled(self, demo: bool) -> None:
        # Demo data brings its own administrator ("admin"); a real site needs its own.
        self.admin_box.setEnabled(not demo)
        self.admin_box.setToolTip(self.tr("演示数据已含管理员 admin") if demo else "")

    def admin(self) -> tuple[str, str, str] | None:
        """(user name, display name, password) of the first administrator, or None with demo data."""
        if self.demo.isChecked():
            return None
        return (self.admin_name.text().strip(), self.admin_display.text().strip(), self.admin_password.text())

    def _accept_if_complete(self) -> None:
        admin = self.admin()
        if admin is not None:
            name, _display, password = admin
            if not name:
                self.problem.setText(self.tr("请填写管理员的用户名。"))
                return
            if len(password) < 6:
                self.problem.setText(self.tr("管理员密码至少 6 位。"))
                return
            if password != self.admin_confirm.text():
                self.problem.setText(self.tr("两次输入的密码不一致。"))
                return
        self.accept()

    def values(self) -> dict[str, str]:
        return {
            "code": self.code.text().strip(),
            "name": self.name.text().strip(),
            "district": self.district.text().strip(),
            "zone_location": self.zone.text().strip(),
            "supervision_phone": self.phone.text().strip(),
        }
