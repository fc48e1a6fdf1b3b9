"""Someone else saved first: say who and when, keep what the user typed, and let them choose.

Every screen that saves a versioned record (an attendance sheet, a participant, a group, a
meeting, a note) shows this one dialog on a ``ConflictError``: **Reload their version**
(what the user typed for that record gives way to what is saved now), **Save mine over it**
(knowingly, and the audit trail says so), or **Cancel** (nothing happens; what they typed
stays on screen to think about).
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ..core.changes import ConflictError
from .i18n import QT_TRANSLATE_NOOP, sentence_text

Choice = Literal["reload", "overwrite", "cancel"]
RELOAD: Choice = "reload"
OVERWRITE: Choice = "overwrite"
CANCEL: Choice = "cancel"
TITLE = QT_TRANSLATE_NOOP("ConflictDialog", "Someone else changed this")
RELOAD_TEXT = QT_TRANSLATE_NOOP("ConflictDialog", "Reload their version")
OVERWRITE_TEXT = QT_TRANSLATE_NOOP("ConflictDialog", "Save mine over it")


class ConflictDialog(QDialog):
    """The choice after a conflict; ``choice`` holds it once the dialog closes."""

    def __init__(self, error: ConflictError, parent: QWidget | None = None, *, reload_text: str = "",
                 overwrite_text: str = "") -> None:
        super().__init__(parent)
        self.choice: Choice = CANCEL
        self.setWindowTitle(self.tr(TITLE))
        self.setAccessibleName(self.tr(TITLE))
        self.message = QLabel(sentence_text(error))
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("What happened"))
        note = QLabel(self.tr("What you typed is still here. Nothing of yours or theirs has been lost yet."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.reload_button = QPushButton(reload_text or self.tr("&Reload their version"))
        self.reload_button.setAccessibleName(self.tr("Reload their version, letting go of what you typed for it"))
        self.overwrite_button = QPushButton(overwrite_text or self.tr("&Save mine over it"))
        self.overwrite_button.setAccessibleName(self.tr("Save what you typed over their change"))
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Decide later; keep what you typed on screen"))
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.overwrite_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.reload_button.clicked.connect(lambda: self._choose(RELOAD))
        self.overwrite_button.clicked.connect(lambda: self._choose(OVERWRITE))
        self.cancel_button.clicked.connect(lambda: self._choose(CANCEL))
        self.cancel_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        if choice == CANCEL:
            self.reject()
        else:
            self.accept()


def ask_conflict(parent: QWidget | None, error: ConflictError, **texts: str) -> Choice:
    """Show the conflict and return ``"reload"``, ``"overwrite"`` or ``"cancel"``."""
    dialog = ConflictDialog(error, parent, **texts)
    dialog.exec()
    choice = dialog.choice
    dialog.deleteLater()
    return choice
