"""The review dialog: opinion, approve or return, and the explicit confidentiality check at the final step."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.notices import NoticeView
from app.notices.values import FINAL_REVIEW, STATUS_LABELS
from ui.discard import AsksBeforeDiscard


class ReviewDialog(AsksBeforeDiscard, QDialog):
    """After ``exec``: ``decision`` ("approve" | "return" | ""), ``opinion``, ``confidentiality_checked``."""

    def __init__(self, notice: NoticeView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.decision = ""
        self._final = notice.status == FINAL_REVIEW
        self.setWindowTitle(self.tr("审核公示") + f"（{STATUS_LABELS[notice.status]}）")
        self.resize(560, 360)
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{notice.title}</b>")
        title.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("审核意见（退回时必填）")))
        self.opinion_edit = QPlainTextEdit()
        layout.addWidget(self.opinion_edit, 1)
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
