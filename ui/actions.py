"""Buttons made from a service's ``actions(user, uuid)``: shown in place, confirmed when irreversible.

Every page with record actions builds one button per action key, in the service's order, once;
``apply_action`` then shows the record's current ``app.authz.Action`` on it (hidden in place when
it does not apply, so no other action ever takes its position; disabled with the reason as its
tooltip when the user may not), and ``ask_first`` asks the service's question before a step that
cannot be undone. Labels, reasons and questions are translated in context "Actions".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from app.authz import Action
from ui.i18n import message_text


def ask_first(parent: QWidget, action: Action, title: str) -> bool:
    """The confirmation an irreversible action asks for (wording from the service); True to go on."""
    if not action.question:
        return True
    text = QCoreApplication.translate("Actions", action.question).replace("{title}", title)
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Actions", action.label).rstrip("…"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def apply_action(button: QPushButton, action: Action | None) -> None:
    """Show an action on its button, in place: hidden (keeping its room) when it does not apply,
    disabled with the reason as tooltip when the user may not do it."""
    policy = button.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    button.setSizePolicy(policy)
    if action is None:
        button.setEnabled(False)
        return
    button.setVisible(action.available)
    button.setEnabled(action.enabled)
    if action.reason_message is not None:
        button.setToolTip(message_text(action.reason_message))
    else:
        button.setToolTip(QCoreApplication.translate("Actions", action.reason) if action.reason else "")
