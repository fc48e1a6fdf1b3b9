"""Display modes: high contrast and large text, chosen in Settings, shown at once in every window.

The timer's state keeps its word beside its colour in every mode; every high-contrast colour reads
against black at 7:1 or more.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from test_runner import activate, clock, key, make_runner, runs_are_written_before_the_database_goes, store, tick  # noqa: F401

from facilitator.core.agenda_clock import TimerState
from facilitator.ui import operations
from facilitator.ui import style as ui_style
from facilitator.ui.runner import style as runner_style
from facilitator.ui.settings_dialog import SettingsDialog
from facilitator.ui.style import DisplayMode, apply_display_mode, current_mode, themed_html


@pytest.fixture(autouse=True)
def usual_mode_after():  # type: ignore[no-untyped-def]
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_display_mode(app, DisplayMode())


def luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_every_high_contrast_colour_reads_against_black() -> None:
    colours = [
        *runner_style.RUNNER_COLOURS_HIGH_CONTRAST.values(),
        runner_style.RUNNER_PAUSED_HIGH_CONTRAST,
        *runner_style.RUNNER_BALANCE_HIGH_CONTRAST.values(),
        *ui_style.STATUS_INK_HIGH_CONTRAST.values(),
        *(ui_style.INK[True][n] for n in ("warning", "error", "good", "muted")),
    ]
    for colour in colours:
        assert contrast(colour, "#000000") >= 7, colour
    assert ui_style.INK[True].keys() == ui_style.INK[False].keys()


def test_rich_text_turns_to_the_theme() -> None:
    html = "<span style='color:#546e7a'>Next</span> <b style='color:#a00'>Entered in error</b>"
    assert themed_html(html) == html  # the usual theme leaves it be
    app = QApplication.instance()
    apply_display_mode(app, DisplayMode(high_contrast=True))  # type: ignore[arg-type]
    turned = themed_html(html)
    assert "#546e7a" not in turned and "#a00'" not in turned
    assert ui_style.INK[True]["muted"] in turned and ui_style.INK[True]["error"] in turned


def test_modes_chosen_in_settings_are_kept_and_shown_at_once(qtbot, main_window, backend) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    usual_size = app.font().pointSizeF()
    dialog = SettingsDialog(backend, main_window.library_state, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.high_contrast.isChecked() and not dialog.large_text.isChecked()
    for box in (dialog.high_contrast, dialog.large_text):
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not operations.busy())
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = json.loads(backend.config.settings_path.read_text(encoding="utf-8"))["extra"]
    assert saved[ui_style.LOCAL_HIGH_CONTRAST] is True and saved[ui_style.LOCAL_LARGE_TEXT] is True
    assert current_mode() == DisplayMode(high_contrast=True, large_text=True)
    assert app.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    assert app.palette().color(QPalette.ColorRole.WindowText).name() == "#ffffff"
    assert app.font().pointSizeF() == pytest.approx(usual_size * ui_style.LARGE_TEXT_SCALE)
    # the open main window takes the theme (no restart)
    qtbot.waitUntil(lambda: main_window.palette().color(QPalette.ColorRole.Window).name() == "#000000")

    again = SettingsDialog(backend, main_window.library_state, main_window)
    qtbot.addWidget(again)
    assert again.high_contrast.isChecked() and again.large_text.isChecked()
    again.high_contrast.setChecked(False)
    again.large_text.setChecked(False)
    qtbot.mouseClick(again.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not operations.busy())
    assert current_mode() == DisplayMode()
    assert app.font().pointSizeF() == pytest.approx(usual_size)
    assert app.palette().color(QPalette.ColorRole.Window).name() != "#000000"


def test_explicitly_sized_headings_scale_with_large_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel, QWidget

    app = QApplication.instance()
    root = QWidget()
    qtbot.addWidget(root)
    heading = QLabel("Heading", root)
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    heading.setFont(font)
    before = heading.font().pointSizeF()
    apply_display_mode(app, DisplayMode(large_text=True))  # type: ignore[arg-type]
    assert heading.font().pointSizeF() == pytest.approx(before * ui_style.LARGE_TEXT_SCALE)
    apply_display_mode(app, DisplayMode())  # type: ignore[arg-type]
    assert heading.font().pointSizeF() == pytest.approx(before)


def test_runner_and_room_display_in_high_contrast_keep_the_state_words(qtbot, store, clock) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    runner = make_runner(qtbot, store, clock)
    app = QApplication.instance()
    key(qtbot, runner, Qt.Key.Key_Space)
    tick(runner, clock, 1)
    assert runner.state_label.text() == "On time" and "#1b5e20" in runner.big_clock.styleSheet()
    key(qtbot, runner, Qt.Key.Key_D)
    display = runner.display
    assert display is not None
    usual_title_px = display.title.font().pixelSize()
    apply_display_mode(app, DisplayMode(high_contrast=True, large_text=True))  # type: ignore[arg-type]
    activate(qtbot, runner)
    hc = runner_style.RUNNER_COLOURS_HIGH_CONTRAST
    assert runner.state_label.text() == "On time" and hc[TimerState.RUNNING] in runner.big_clock.styleSheet()
    assert "background: #000000" in runner.clock_frame.styleSheet()
    assert "background: #000000" in display.styleSheet() and "color: #ffffff" in display.styleSheet()
    assert display.title.font().pixelSize() > usual_title_px
    tick(runner, clock, 8 * 60)
    assert runner.state_label.text() == "Wrap up" and hc[TimerState.WRAP_UP] in runner.big_clock.styleSheet()
    assert display.banner.text() == "Wrap up"  # white on black: the word tells the state
    assert "#ffffff" in display.timer.styleSheet()
    tick(runner, clock, 130)
    assert runner.state_label.text().startswith("Overtime") and display.banner.text() == "Overtime"
    key(qtbot, runner, Qt.Key.Key_Space)
    assert runner.state_label.text() == "Paused" and display.banner.text() == "Paused"
    assert runner_style.RUNNER_PAUSED_HIGH_CONTRAST in runner.big_clock.styleSheet()
    apply_display_mode(app, DisplayMode())  # type: ignore[arg-type]
    assert runner_style.RUNNER_PAUSED in runner.big_clock.styleSheet()
    assert display.title.font().pixelSize() == usual_title_px


def test_attendance_rows_in_high_contrast_tell_status_by_word_and_bright_text() -> None:
    from facilitator.ui.attendance_sheet import STATUS_COLOURS

    for name in STATUS_COLOURS.values():
        background, text = ui_style.attendance_colours(name)
        assert text is None and background == ui_style.INK[False][name]
    apply_display_mode(QApplication.instance(), DisplayMode(high_contrast=True))  # type: ignore[arg-type]
    for name in STATUS_COLOURS.values():
        background, text = ui_style.attendance_colours(name)
        assert background == "#000000" and text is not None and contrast(text, background) >= 7
