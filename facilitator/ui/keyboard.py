"""Small pieces that keep a control usable from the keyboard alone (and by a screen reader)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier, Qt.KeyboardModifier.ShiftModifier)


def follow_focus(scroll: QScrollArea) -> QScrollArea:
    """Scroll to whatever control inside ``scroll`` takes the focus, however it came (Qt scrolls only
    when Tab moves between two controls already inside, not when it arrives from the buttons below)."""

    app = QApplication.instance()

    def on_focus(_old: QWidget | None, new: QWidget | None) -> None:
        try:
            content = scroll.widget()
            if new is not None and content is not None and content.isAncestorOf(new):
                scroll.ensureWidgetVisible(new)
        except RuntimeError:  # the scroll area is being deleted
            pass

    def forget() -> None:
        try:
            app.focusChanged.disconnect(on_focus)  # type: ignore[union-attr]
        except (RuntimeError, TypeError):  # the application, or the connection, went first
            pass

    if app is not None:
        app.focusChanged.connect(on_focus)  # type: ignore[attr-defined]
        scroll.destroyed.connect(forget)
    return scroll


def scrolling_body(dialog: QWidget) -> tuple[QVBoxLayout, QVBoxLayout, QScrollArea]:
    """A dialog whose form scrolls inside it, so it never needs more than the screen (a 1280×800
    projector, large text): returns the dialog's own layout (for what stays in sight below: a message,
    the buttons), the scrolling body's layout, and the scroll area. Tab scrolls the field it reaches
    into view; the frame itself never takes the focus."""
    outer = QVBoxLayout(dialog)
    content = QWidget()
    body = QVBoxLayout(content)
    body.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(content)
    follow_focus(scroll)
    outer.addWidget(scroll, 1)
    return outer, body, scroll


def reachable_sentence(label: QLabel) -> QLabel:
    """A sentence the Tab key stops on, so a screen reader reads it where it is the page's only content."""
    label.setTextInteractionFlags(label.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # (after the flags, which set a policy of their own)
    return label


class OptionalDateEdit(QDateEdit):
    """A date that may be left "not recorded": its earliest date, shown as the special value text.

    Delete clears it back to "not recorded", and Tab leaves it whatever it shows (Qt's date edit
    keeps the Tab key while it shows the special text: a trap).
    """

    def is_empty(self) -> bool:
        return self.date() == self.minimumDate()

    def clear_date(self) -> None:
        self.setDate(self.minimumDate())
        self.selectAll()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 (Qt's name)
        if event.modifiers() in _PLAIN or event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if event.key() == Qt.Key.Key_Delete and event.modifiers() != Qt.KeyboardModifier.ShiftModifier:
                self.clear_date()
                return
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and self.is_empty():
                forward = event.key() == Qt.Key.Key_Tab and event.modifiers() != Qt.KeyboardModifier.ShiftModifier
                QWidget.focusNextPrevChild(self, forward)
                return
        super().keyPressEvent(event)


__all__ = ["OptionalDateEdit", "follow_focus", "reachable_sentence", "scrolling_body"]
