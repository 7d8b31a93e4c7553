"""A page a later capability fills: it says what is coming, in plain words."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.env import UiEnv

COMING: dict[str, object] = {
    "today": QT_TRANSLATE_NOOP(
        "Placeholder", "今日工作：待审核的公示、到期的目录事项和申请、今天的活动，将汇总在这里。"
    ),
    "catalogue": QT_TRANSLATE_NOOP(
        "Placeholder", "标准目录：26 个试点领域的公开事项、导入导出、版本与检索，将在这里管理。"
    ),
    "calendar": QT_TRANSLATE_NOOP(
        "Placeholder", "活动日历：政策解读、综合政策辅导、办事流程演示和政府开放日，将在这里安排。"
    ),
    "notices": QT_TRANSLATE_NOOP(
        "Placeholder", "公示公告：模板、隐私遮蔽、三审三校和带二维码的打印，将在这里办理。"
    ),
    "requests": QT_TRANSLATE_NOOP(
        "Placeholder", "依申请公开：登记、法定期限（工作日）、告知书和年报统计，将在这里办理。"
    ),
    "sync": str(QT_TRANSLATE_NOOP("Placeholder", "同步：与市级平台交换公示、活动和目录，将在这里查看。")),
}


class PlaceholderPage(QWidget):
    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        label = QLabel(QCoreApplication.translate("Placeholder", str(COMING[key])))
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("font-size: 14pt; color: #444;")
        layout.addWidget(label)


def placeholder(key: str) -> Callable[[UiEnv], QWidget]:
    def make(_env: UiEnv) -> QWidget:
        return PlaceholderPage(key)

    return make
