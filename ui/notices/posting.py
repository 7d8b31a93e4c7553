"""登记张贴: one dialog that says which notice goes up on which board, when, by whom, with a photo.

The notice is named at the top; the board is preselected from what the clerk selected (a row of
应张贴而未张贴 names both the notice and the board); the date defaults to today and cannot be in
the future; the person is shown by name (not the login). The photo is optional: its own button
opens the file dialog, whose 取消 just leaves the photo empty — only this dialog's 登记 records
anything.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.notices.values import BoardView
from ui.discard import AsksBeforeDiscard


class PostingDialog(AsksBeforeDiscard, QDialog):
    """After ``exec``: ``board_uuid``, ``posted_on``, ``photo`` (None when no photo was chosen)."""

    def __init__(
        self,
        notice_title: str,
        boards: list[BoardView],
        *,
        board_uuid: str = "",
        today: date,
        person: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.photo: Path | None = None
        self.setWindowTitle(self.tr("登记张贴"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("登记这份公示已经贴到公开栏（或在电子屏上显示）。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.notice_label = QLabel(f"<b>{_escape(notice_title)}</b>")
        self.notice_label.setWordWrap(True)
        form.addRow(self.tr("公示"), self.notice_label)
        self.board = QComboBox()
        for b in boards:
            self.board.addItem(f"{b.name}（{b.village}，{self.tr(b.medium_label)}）", b.uuid)
        index = self.board.findData(board_uuid) if board_uuid else -1
        self.board.setCurrentIndex(index if index >= 0 else (0 if boards else -1))
        form.addRow(self.tr("公开栏"), self.board)
        self.posted_on = QDateEdit()
        self.posted_on.setCalendarPopup(True)
        self.posted_on.setDisplayFormat("yyyy-MM-dd")
        today_q = QDate(today.year, today.month, today.day)
        self.posted_on.setMaximumDate(today_q)  # a posting that has not happened yet is not recorded
        self.posted_on.setDate(today_q)
        form.addRow(self.tr("张贴日期"), self.posted_on)
        form.addRow(self.tr("张贴人"), QLabel(person))
        photo_row = QHBoxLayout()
        self.photo_button = QPushButton(self.tr("选择照片…"))
        self.photo_label = QLabel(self.tr("未选照片（可不选）"))
        self.photo_label.setWordWrap(True)
        self.clear_photo = QPushButton(self.tr("不要照片"))
        self.clear_photo.setVisible(False)
        photo_row.addWidget(self.photo_button)
        photo_row.addWidget(self.photo_label, 1)
        photo_row.addWidget(self.clear_photo)
        form.addRow(self.tr("现场照片"), photo_row)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("登记张贴"))
        self.ok.setEnabled(bool(boards))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.photo_button.clicked.connect(self._choose_photo)
        self.clear_photo.clicked.connect(lambda: self.set_photo(None))

    @property
    def board_uuid(self) -> str:
        return str(self.board.currentData() or "")

    @property
    def posted_date(self) -> date:
        d = self.posted_on.date()
        return date(d.year(), d.month(), d.day())

    def set_photo(self, path: Path | None) -> None:
        self.photo = path
        self.photo_label.setText(str(path) if path else self.tr("未选照片（可不选）"))
        self.clear_photo.setVisible(path is not None)

    def _choose_photo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择张贴照片"), "", self.tr("照片 (*.jpg *.jpeg *.png *.webp *.heic)")
        )
        if name:  # 取消 keeps what was there
            self.set_photo(Path(name))

    def has_changes(self) -> bool:
        return super().has_changes() or self.photo is not None


def _escape(text: str) -> str:
    import html

    return html.escape(text)
