"""The safety protocol in the runner: one key, large text, keyboard only, never on the room display."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from test_runner import clock, key, make_runner, runner, store, tick  # noqa: F401 (fixtures)

from facilitator.core.agenda_clock import RunStatus
from facilitator.core.safety import PROTOCOL
from facilitator.ui.runner import RunnerWindow
from facilitator.ui.runner.display import RoomDisplay
from facilitator.ui.runner.safety_dialog import (
    BASE_POINTS,
    SAFETY_KEY,
    SafetyProtocolDialog,
    show_safety_protocol,
)
from facilitator.ui.session import is_public_window


def open_with_key(qtbot, window: RunnerWindow) -> SafetyProtocolDialog:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)
    dialog = window.findChild(SafetyProtocolDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_one_key_opens_the_protocol_while_the_group_runs_and_it_never_reaches_the_room(
    qtbot, runner: RunnerWindow, clock  # noqa: F811
) -> None:  # type: ignore[no-untyped-def]
    assert SAFETY_KEY == "F1"
    assert runner.actions["safety"].shortcut().toString() == "F1"  # the runner installs it itself
    key(qtbot, runner, Qt.Key.Key_Space)  # the group is under way
    key(qtbot, runner, Qt.Key.Key_D)  # and the room display is up
    display = runner.display
    assert display is not None and display.isVisible()
    runner.players_edit.setFocus()  # even while typing in a text box, F1 opens it
    dialog = open_with_key(qtbot, runner)
    assert not dialog.isModal(), "the timer and the runner stay usable"
    assert dialog.parent() is runner and dialog.window() is dialog
    assert not is_public_window(dialog)
    assert dialog.screen() is runner.screen()
    assert dialog not in display.findChildren(QWidget)
    assert runner.players_edit.text() == ""
    shown = " ".join(label.text() for label in display.findChildren(QLabel))
    for section in PROTOCOL:
        assert section.title not in shown and section.steps[0] not in shown
    tick(runner, clock, 30)  # time goes on underneath
    assert runner.clock.status is RunStatus.RUNNING
    runner.activateWindow()
    qtbot.keyClick(runner.agenda, Qt.Key.Key_F1)
    assert len(runner.findChildren(SafetyProtocolDialog)) == 1, "pressing it again brings back the same one"


def test_keyboard_moves_between_situations_scrolls_zooms_and_closes(qtbot, runner: RunnerWindow) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    show_safety_protocol(runner)
    dialog = runner.findChild(SafetyProtocolDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert dialog.situations.hasFocus()
    assert dialog.current_section() == "before-group"
    qtbot.keyClick(dialog.situations, Qt.Key.Key_Down)
    assert dialog.current_section() == "intoxicated"
    assert "Do not let them drive" in dialog.text.toPlainText()
    qtbot.keyClick(dialog.situations, Qt.Key.Key_O)
    assert dialog.current_section() == "overdose"
    text = dialog.text.toPlainText()
    assert "recovery position" in text and "naloxone" in text.lower() and "Call 911" in text
    qtbot.keyClick(dialog.situations, Qt.Key.Key_S)
    assert dialog.current_section() == "suicide"
    assert "Are you thinking about killing yourself?" in dialog.text.toPlainText()
    qtbot.keyClick(dialog.situations, Qt.Key.Key_Tab)
    assert dialog.text.hasFocus()
    qtbot.keyClick(dialog.text, Qt.Key.Key_I)  # a letter works from the text too
    assert dialog.current_section() == "intoxicated"
    qtbot.keyClick(dialog.situations, Qt.Key.Key_S)
    dialog.text.setFocus()
    bar = dialog.text.verticalScrollBar()
    dialog.resize(700, 360)
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    qtbot.keyClick(dialog.text, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    assert dialog.points() == BASE_POINTS >= 16
    assert dialog.text.font().pointSizeF() == BASE_POINTS
    qtbot.keyClick(dialog.text, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert dialog.points() == BASE_POINTS + 2 and dialog.text.font().pointSizeF() == BASE_POINTS + 2
    qtbot.keyClick(dialog.text, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.text, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.points() == BASE_POINTS - 2
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert runner.isVisible()


def test_every_part_of_the_dialog_has_an_accessible_name(qtbot, runner: RunnerWindow) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    show_safety_protocol(runner, "overdose")
    dialog = runner.findChild(SafetyProtocolDialog)
    assert dialog.current_section() == "overdose"
    assert dialog.accessibleName() == "Safety protocol"
    focusable = [w for w in dialog.findChildren(QWidget) if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisible()]
    assert {dialog.situations, dialog.text, dialog.close_button} <= set(focusable)
    for widget in (dialog.situations, dialog.text, dialog.close_button, dialog.intro):
        assert widget.accessibleName(), widget
    assert "your screen only" in dialog.windowTitle()
    assert [dialog.situations.item(i).text()[:3] for i in range(dialog.situations.count())] == [
        f"[{s.key}]" for s in PROTOCOL
    ]
    metrics = dialog.situations.fontMetrics()
    widest = max(metrics.horizontalAdvance(dialog.situations.item(i).text()) for i in range(dialog.situations.count()))
    assert dialog.situations.width() > widest, "every situation's name shows whole"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_it_refuses_to_open_over_the_room_display(qtbot) -> None:  # type: ignore[no-untyped-def]
    display = RoomDisplay()
    qtbot.addWidget(display)
    with pytest.raises(ValueError, match="never the room display"):
        show_safety_protocol(display)
    assert display.findChild(SafetyProtocolDialog) is None


def test_the_protocol_speaks_the_screens_language(qtbot, qapp, runner: RunnerWindow) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    """On a Spanish screen the protocol is Spanish, its crisis lines too; the letters still jump."""
    from facilitator.ui import i18n

    assert i18n.install_translators(qapp, "es")
    try:
        dialog = SafetyProtocolDialog(runner)
        qtbot.addWidget(dialog)
        dialog.show()
        titles = [dialog.situations.item(i).text() for i in range(dialog.situations.count())]
        assert titles[1] == "[I]  Alguien llega intoxicado" and len(titles) == len(PROTOCOL)
        assert dialog.intro.text().startswith("Solo para el facilitador")
        dialog.show_section("suicide")
        html = dialog.text.toPlainText()
        assert "¿Está pensando en quitarse la vida?" in html and "Are you thinking" not in html
        assert "988" in html and "Línea" in html, html[-300:]
    finally:
        i18n.install_translators(qapp, "en")
