"""The review dialog: the whole notice under review (its public, masked text as it will print, the
linked catalogue items and the target boards), the opinion, approve or return, and the explicit
confidentiality check at the final step. The page reads what it shows off the GUI thread and hands
it in (``ReviewContent``)."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.notices import NoticeView
from app.notices.values import FINAL_REVIEW, STATUS_LABELS
from ui.discard import AsksBeforeDiscard


@dataclass(frozen=True)
class ReviewContent:
    """What the reviewer reads: the notice as HTML (masked, as published) and its links by name."""

    html: str = ""
    catalogue_items: tuple[str, ...] = ()
    boards: tuple[str, ...] = ()


class ReviewDialog(AsksBeforeDiscard, QDialog):
    """After ``exec``: ``decision`` ("approve" | "return" | ""), ``opinion``, ``confidentiality_checked``."""

    def __init__(
        self, notice: NoticeView, parent: QWidget | None = None, content: ReviewContent | None = None
    ) -> None:
        super().__init__(parent)
        self.decision = ""
        self._final = notice.status == FINAL_REVIEW
        content = content or ReviewContent()
        self.setWindowTitle(self.tr("审核公示") + f"（{self.tr(STATUS_LABELS[notice.status])}）")
        screen = self.screen().availableGeometry()
        self.resize(min(1000, screen.width() - 40), min(820, screen.height() - 80))
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{html.escape(notice.title)}</b>")
        title.setWordWrap(True)
        title.setStyleSheet("font-size: 14pt;")
        layout.addWidget(title)
        self.notice_view = QTextBrowser()
        self.notice_view.setHtml(content.html or html.escape(notice.body))
        links = QLabel(
            "<b>"
            + self.tr("关联目录事项")
            + "：</b>"
            + ("；".join(html.escape(c) for c in content.catalogue_items) or self.tr("未关联"))
            + "<br><b>"
            + self.tr("目标公开栏")
            + "：</b>"
            + ("、".join(html.escape(b) for b in content.boards) or self.tr("未选（定向公开或尚未指定）"))
        )
        links.setWordWrap(True)
        links.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.links_label = links
        opinion_box = QWidget()
        ob = QVBoxLayout(opinion_box)
        ob.setContentsMargins(0, 0, 0, 0)
        ob.addWidget(links)
        ob.addWidget(QLabel(self.tr("审核意见（退回时必填）")))
        self.opinion_edit = QPlainTextEdit()
        ob.addWidget(self.opinion_edit, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.notice_view)
        splitter.addWidget(opinion_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.confidential = QCheckBox(self.tr("已完成保密审查：涉密信息不公开，公开信息不涉密"))
        self.confidential.setVisible(self._final)
        layout.addWidget(self.confidential)
        row = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("审核通过"))
        self.return_button = QPushButton(self.tr("退回修改"))
        cancel = QPushButton(self.tr("取消"))
        row.addWidget(self.approve_button)
        row.addWidget(self.return_button)
        row.addStretch(1)
        row.addWidget(cancel)
        layout.addLayout(row)
        self.approve_button.clicked.connect(lambda: self._decide("approve"))
        self.return_button.clicked.connect(lambda: self._decide("return"))
        cancel.clicked.connect(self.reject)

    @property
    def opinion(self) -> str:
        return self.opinion_edit.toPlainText().strip()

    @property
    def confidentiality_checked(self) -> bool:
        return self._final and self.confidential.isChecked()

    def _decide(self, decision: str) -> None:
        if decision == "return" and not self.opinion:
            QMessageBox.warning(self, self.tr("退回修改"), self.tr("请写明退回理由。"))
            return
        if decision == "approve" and self._final and not self.confidential.isChecked():
            QMessageBox.warning(self, self.tr("终审"), self.tr("终审通过前须确认已完成保密审查。"))
            return
        self.decision = decision
        self.accept()
