"""First run: there is no site in the database yet, so ask for it (and offer demo data)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("创建"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def values(self) -> dict[str, str]:
        return {
            "code": self.code.text().strip(),
            "name": self.name.text().strip(),
            "district": self.district.text().strip(),
            "zone_location": self.zone.text().strip(),
            "supervision_phone": self.phone.text().strip(),
        }
