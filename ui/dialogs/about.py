"""The About box: version, licence, the bundled font's licence and the data directory."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("About", text)


def about_html(version: str, data_dir: str) -> str:
    return (
        "<h3>" + tr("公开专区工作台") + " Gongkai " + version + "</h3>"
        "<p>" + tr("基层政务公开专区的标准目录、公示公告、活动日历、依申请公开与同步。") + "</p>"
        "<p>" + tr("数据目录：") + data_dir + "</p>"
        "<p>" + tr("界面与打印字体：文泉驿微米黑（Apache-2.0 或 GPL-3.0+ 附字体例外）") + "</p>"
        "<p>" + tr("本软件以 Apache-2.0 许可发布。") + "</p>"
    )


def show_about(parent: QWidget | None, version: str, data_dir: str) -> None:
    QMessageBox.about(parent, tr("关于公开专区工作台"), about_html(version, data_dir))
