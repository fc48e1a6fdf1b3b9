"""When someone else saved a record first: say who and when, and let the user choose.

Nothing was overwritten when this is asked, and what the user typed is still on screen.
They choose to reload the other version (theirs is dropped), to save their own over it
knowingly, or to decide later (cancel: their text stays, unsaved).
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtWidgets import QMessageBox, QWidget

from ..core.changes import ConflictError

Choice = Literal["reload", "overwrite", "cancel"]
RELOAD_TEXT = "Reload their version"
OVERWRITE_TEXT = "Save mine over it"


def ask_conflict(parent: QWidget | None, error: ConflictError) -> Choice:
    """Ask what to do about a conflict: ``"reload"``, ``"overwrite"`` or ``"cancel"``."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Someone else changed this")
    box.setAccessibleName("Someone else changed this")
    box.setText(str(error))
    box.setInformativeText(
        f"“{RELOAD_TEXT}” shows what they saved and drops your changes; "
        f"“{OVERWRITE_TEXT}” replaces their changes with yours."
    )
    reload_button = box.addButton(RELOAD_TEXT, QMessageBox.ButtonRole.AcceptRole)
    overwrite_button = box.addButton(OVERWRITE_TEXT, QMessageBox.ButtonRole.DestructiveRole)
    cancel_button = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(reload_button)
    box.setEscapeButton(cancel_button)
    box.exec()
    clicked = box.clickedButton()
    if clicked is reload_button:
        return "reload"
    if clicked is overwrite_button:
        return "overwrite"
    return "cancel"
