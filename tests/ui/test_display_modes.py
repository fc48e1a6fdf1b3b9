"""Display modes: high contrast and large text, chosen in Settings, shown at once in every window.

The timer's state keeps its word beside its colour in every mode; every high-contrast colour reads
against black at 7:1 or more.
"""

from __future__ import annotations

import json

import pytest
import test_focus_chain
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

language = test_focus_chain.language  # English, then Spanish, installed before any window is built


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


THRESHOLD = {False: 4.5, True: 7.0}  # WCAG AA in the usual theme; AAA in high contrast


def test_every_ink_pair_reads_at_its_themes_contrast() -> None:
    assert ui_style.INK[True].keys() == ui_style.INK[False].keys()
    lowest = {}
    for high_contrast in (False, True):
        inks = ui_style.INK[high_contrast]
        pairs = ui_style.INK_PAIRS + (ui_style.HIGH_CONTRAST_PAIRS if high_contrast else ())
        short = [(fg, bg, round(contrast(inks[fg], inks[bg]), 2)) for fg, bg in pairs
                 if contrast(inks[fg], inks[bg]) < THRESHOLD[high_contrast]]
        assert not short, f"{'high contrast' if high_contrast else 'usual'}: {short}"
        lowest[high_contrast] = min(contrast(inks[fg], inks[bg]) for fg, bg in pairs)
    assert lowest[False] >= 4.5 and lowest[True] >= 7


def test_every_ink_named_in_a_pair_exists_and_every_ink_is_measured() -> None:
    named = {name for pair in ui_style.INK_PAIRS + ui_style.HIGH_CONTRAST_PAIRS for name in pair}
    assert named <= ui_style.INK[False].keys()
    # every ink but the print preview's paper (a picture of the printed page) and the lines
    # between chart areas (the areas are named in words) is measured against what it lies on
    unmeasured = ui_style.INK[False].keys() - named - {"paper", "chart_frame", "chart_rule", "chart_grid", "alert_edge", "comment_edge"}
    assert not unmeasured


@pytest.mark.parametrize("high_contrast", [False, True])
def test_the_palette_in_force_reads_at_its_themes_contrast(high_contrast: bool) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_display_mode(app, DisplayMode(high_contrast=high_contrast))
    palette = app.palette()
    R = QPalette.ColorRole
    for fg, bg in ((R.WindowText, R.Window), (R.Text, R.Base), (R.Text, R.AlternateBase), (R.ButtonText, R.Button),
                   (R.HighlightedText, R.Highlight), (R.PlaceholderText, R.Base), (R.Link, R.Base), (R.ToolTipText, R.ToolTipBase)):
        ratio = contrast(palette.color(fg).name(), palette.color(bg).name())
        assert ratio >= THRESHOLD[high_contrast], (fg, bg, ratio)


@pytest.mark.parametrize("high_contrast", [False, True])
def test_every_timer_state_reads_at_its_themes_contrast_in_the_runner_and_the_room(high_contrast: bool) -> None:
    for state in (None, *TimerState):
        for paused in (False, True):
            colour, background = runner_style.runner_clock_colours(state, paused, high_contrast)
            assert contrast(colour, background) >= THRESHOLD[high_contrast], (state, paused)
            background, text, timer = runner_style.room_colours(state, paused, high_contrast)
            assert contrast(text, background) >= THRESHOLD[high_contrast], (state, paused)
            assert contrast(timer, background) >= THRESHOLD[high_contrast], (state, paused)
    window = ui_style.INK[high_contrast]["window"]
    for balance in (-600, 0, 600):
        assert contrast(runner_style.runner_balance_colour(balance, high_contrast), window) >= THRESHOLD[high_contrast]


COLOUR_SAMPLES = [
    'x.setStyleSheet("color: #b00020;")',
    "x = QColor('white')",
    "x = QColor(140, 140, 140)",
    "item.setForeground(1, Qt.GlobalColor.red)",
    "item.setForeground(1, Qt.red)",
    'x = "background: rgb(10, 20, 30)"',
    "x = \"<span style='color:#a00'>no</span>\"",
    'x = f"border: 1px solid black; {y}"',
]


def test_the_colour_scanner_finds_each_kind_of_literal() -> None:
    from colour_literals import colour_literals

    for sample in COLOUR_SAMPLES:
        assert colour_literals(sample), sample
    assert not colour_literals('x = ink("error")\ny = "#1 of 3"\nset_ink_style(w, "color: {error};")')


def test_no_colour_is_written_in_the_ui_outside_its_style_module() -> None:
    """Every colour comes from the named inks of facilitator/ui/style.py, so both themes reach it."""
    from pathlib import Path

    from colour_literals import colour_literals

    import facilitator.ui

    root = Path(facilitator.ui.__file__).parent
    found = [f"{path.relative_to(root)}:{line}: {text}" for path in sorted(root.rglob("*.py")) if path != root / "style.py"
             for line, text in colour_literals(path.read_text(encoding="utf-8"))]
    assert not found, "\n".join(found)


def test_rich_text_names_its_inks_and_turns_to_the_theme() -> None:
    html = "<span style='color:@muted'>Next</span> <b style=\"color:@error\">Entered in error</b> mail me @muted"
    usual = themed_html(html)
    assert ui_style.INK[False]["muted"] in usual and ui_style.INK[False]["error"] in usual
    assert usual.endswith("mail me @muted")  # words outside a style attribute stay as written
    app = QApplication.instance()
    apply_display_mode(app, DisplayMode(high_contrast=True))  # type: ignore[arg-type]
    turned = themed_html(html)
    assert ui_style.INK[True]["muted"] in turned and ui_style.INK[True]["error"] in turned and "@muted'" not in turned


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
    hc = ui_style.INK[True]
    assert runner.state_label.text() == "On time" and hc["clock_running"] in runner.big_clock.styleSheet()
    assert "background: #000000" in runner.clock_frame.styleSheet()
    assert "background: #000000" in display.styleSheet() and "color: #ffffff" in display.styleSheet()
    assert display.title.font().pixelSize() > usual_title_px
    tick(runner, clock, 8 * 60)
    assert runner.state_label.text() == "Wrap up" and hc["clock_wrap_up"] in runner.big_clock.styleSheet()
    assert display.banner.text() == "Wrap up"  # white on black: the word tells the state
    assert "#ffffff" in display.timer.styleSheet()
    tick(runner, clock, 130)
    assert runner.state_label.text().startswith("Overtime") and display.banner.text() == "Overtime"
    key(qtbot, runner, Qt.Key.Key_Space)
    assert runner.state_label.text() == "Paused" and display.banner.text() == "Paused"
    assert hc["clock_paused"] in runner.big_clock.styleSheet()
    apply_display_mode(app, DisplayMode())  # type: ignore[arg-type]
    assert ui_style.INK[False]["clock_paused"] in runner.big_clock.styleSheet()
    assert display.title.font().pixelSize() == usual_title_px


def test_attendance_rows_in_high_contrast_tell_status_by_word_and_bright_text() -> None:
    from facilitator.ui.attendance_sheet import STATUS_COLOURS

    for name in STATUS_COLOURS.values():
        background, text = ui_style.attendance_colours(name)
        assert background == ui_style.INK[False][name] and contrast(text, background) >= 4.5
    apply_display_mode(QApplication.instance(), DisplayMode(high_contrast=True))  # type: ignore[arg-type]
    texts = set()
    for name in STATUS_COLOURS.values():
        background, text = ui_style.attendance_colours(name)
        assert background == "#000000" and contrast(text, background) >= 7
        texts.add(text)
    assert len(texts) >= 4  # late and left early share yellow; their words differ


def edge_pixels(widget, rect) -> set[str]:  # type: ignore[no-untyped-def]
    """The colours that draw each of the four sides of ``rect`` whole (a line of one colour, within
    2 pixels of the side) in a picture of ``widget``."""
    image = widget.grab().toImage()
    scale = image.devicePixelRatio()

    def colours(points) -> set[str]:  # type: ignore[no-untyped-def]
        return {image.pixelColor(int(x * scale), int(y * scale)).name() for x, y in points}

    sides = []
    for side in ("left", "right", "top", "bottom"):
        whole: set[str] = set()
        for inset in range(2):
            if side in ("left", "right"):
                x = rect.left() + inset if side == "left" else rect.right() - inset
                line = colours((x, y) for y in range(rect.top() + 4, rect.bottom() - 3))
            else:
                y = rect.top() + inset if side == "top" else rect.bottom() - inset
                line = colours((x, y) for x in range(rect.left() + 4, rect.right() - 3))
            if len(line) == 1:
                whole |= line
        sides.append(whole)
    return set.intersection(*sides)


def test_high_contrast_draws_the_edges_of_fields_buttons_and_check_boxes(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import (
        QCheckBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QPushButton,
        QSpinBox,
        QStyle,
        QStyleFactory,
        QStyleOptionButton,
        QVBoxLayout,
        QWidget,
    )

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    ui_style.install_style(app)
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    field, button, box = QLineEdit("Rosa"), QPushButton("Save"), QCheckBox("High contrast")
    combo, spin, text = QComboBox(), QSpinBox(), QPlainTextEdit("a note")
    combo.addItems(["Monday", "Wednesday"])
    for w in (field, button, box, combo, spin, text):
        w.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the focused one is edged in the highlight ink
        layout.addWidget(w)
    root.resize(300, 300)
    root.show()
    qtbot.waitExposed(root)

    def indicator() -> object:
        option = QStyleOptionButton()
        option.initFrom(box)
        return box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)

    edge = ui_style.INK[True]["edge"]
    apply_display_mode(app, DisplayMode(high_contrast=True))
    app.processEvents()
    for w in (field, button, combo, spin, text):
        assert edge in edge_pixels(w, w.rect()), w
        assert contrast(edge, app.palette().color(QPalette.ColorRole.Window).name()) >= 7
    assert edge in edge_pixels(box, indicator())
    plain = QLineEdit("Rosa")  # Fusion alone, in the same palette, leaves the edge black on black
    plain.setStyle(QStyleFactory.create("Fusion"))
    layout.addWidget(plain)
    app.processEvents()
    assert edge not in edge_pixels(plain, plain.rect())
    # the field with the focus is edged in the highlight (yellow), not lost among the white edges
    field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    root.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    assert ui_style.INK[True]["highlight"] in edge_pixels(field, field.rect())


def test_a_field_with_its_own_background_keeps_its_edge_in_high_contrast(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLineEdit

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    ui_style.install_style(app)
    apply_display_mode(app, DisplayMode(high_contrast=True))
    field = QLineEdit("9:12")
    ui_style.set_ink_style(field, "background:{comment}; color:{text};")  # as the run's proposed times are marked
    field.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    assert ui_style.INK[True]["edge"] in edge_pixels(field, field.rect())


def test_a_change_of_theme_repaints_open_windows_at_once(qtbot, main_window, backend) -> None:  # type: ignore[no-untyped-def]
    """Rich text, named style sheets, table cells and charts already drawn take the new theme, with no reopening."""
    from datetime import date, timedelta

    from PySide6.QtWidgets import QLabel, QTableWidget, QVBoxLayout, QWidget

    from facilitator.core import trends
    from facilitator.ui.charts import ChartPanel
    from facilitator.ui.groups_view import FLAG, _set_row

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    usual, high = ui_style.INK[False], ui_style.INK[True]
    page = main_window.library_page
    main_window.show_page("library")
    curriculum = backend.library.curricula[0]
    page.open(curriculum.id, curriculum.sessions[0].id)  # the reader's heading line is in the muted ink
    assert usual["muted"] in page.reader.toHtml()

    other = QWidget()  # a second window, with what the pages draw: a chart, a flagged row, a warning
    qtbot.addWidget(other)
    chart = ChartPanel()
    day = date(2026, 9, 7)
    chart.set_chart(trends.craving_chart([trends.Rating(day + timedelta(days=3 * i), 8 - i, "") for i in range(4)]))
    table = QTableWidget(1, 2)
    _set_row(table, 0, ["Week 1", "below the minimum"], fill=FLAG)
    warning = QLabel("Check this")
    ui_style.set_ink_style(warning, "color: {warning};")
    layout = QVBoxLayout(other)
    for w in (chart, table, warning):
        layout.addWidget(w)
    other.resize(700, 600)
    other.show()
    qtbot.waitExposed(other)

    def chart_background() -> str:
        return chart.canvas.grab().toImage().pixelColor(2, 2).name()

    assert chart_background() == usual["chart"]
    assert table.item(0, 1).background().color().name() == usual["flag_row"]

    apply_display_mode(app, DisplayMode(high_contrast=True))  # as Settings does on Save
    assert high["muted"] in page.reader.toHtml() and usual["muted"] not in page.reader.toHtml()
    assert chart_background() == high["chart"]
    assert table.item(0, 1).background().color().name() == high["flag_row"]
    assert high["warning"] in warning.styleSheet()

    warning.setStyleSheet("")  # a style sheet set since without ink names is the widget's own
    apply_display_mode(app, DisplayMode())
    assert warning.styleSheet() == ""
    assert usual["muted"] in page.reader.toHtml()
    assert chart_background() == usual["chart"]
    assert table.item(0, 1).background().color().name() == usual["flag_row"]


SCREEN = (1280, 800)


def cut_short(root) -> list[str]:  # type: ignore[no-untyped-def]
    """What in ``root`` shows less than its words: a label, button, tab or column heading narrower or
    shorter than its text, a word-wrapped label shorter than its lines, and a scroll area that scrolls sideways."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QHeaderView, QLabel, QStyle, QTabBar, QWidget

    found = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or w.width() <= 0:
            continue
        name = f"{type(w).__name__} {w.objectName() or w.accessibleName() or ''}".strip()
        if isinstance(w, QLabel) and w.text() and w.pixmap().isNull():
            if w.wordWrap():
                need = w.heightForWidth(w.contentsRect().width() + w.contentsMargins().left() + w.contentsMargins().right())
                if need > w.height() + 1:
                    found.append(f"{name} {w.text()[:40]!r}: {w.height()} px high, needs {need}")
            else:  # the least it asks for (a label that fits its text to its box asks for little)
                hint = w.minimumSizeHint()
                if hint.width() > w.width() + 1 or hint.height() > w.height() + 1:
                    found.append(f"{name} {w.text()[:40]!r}: {w.width()}x{w.height()}, needs {hint.width()}x{hint.height()}")
        elif isinstance(w, QAbstractButton) and w.text():
            hint = w.sizeHint()
            if hint.width() > w.width() + 1 or hint.height() > w.height() + 1:
                found.append(f"{name} {w.text()[:40]!r}: {w.width()}x{w.height()}, needs {hint.width()}x{hint.height()}")
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                if w.tabSizeHint(i).width() > w.tabRect(i).width() + 1:
                    found.append(f"tab {w.tabText(i)!r}: {w.tabRect(i).width()} px, needs {w.tabSizeHint(i).width()}")
        elif isinstance(w, QHeaderView) and w.orientation() == Qt.Orientation.Horizontal and w.model() is not None:
            margin = 2 * w.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, w)
            for i in range(w.count()):
                text = str(w.model().headerData(i, Qt.Orientation.Horizontal) or "")
                need = w.fontMetrics().horizontalAdvance(text) + margin
                if text and not w.isSectionHidden(i) and w.sectionSize(i) < need:
                    found.append(f"column {text!r}: {w.sectionSize(i)} px, needs {need}")
        if isinstance(w, QAbstractScrollArea) and w.horizontalScrollBar().isVisible():
            found.append(f"{name}: scrolls sideways ({w.horizontalScrollBar().maximum()} px)")
    return found


@pytest.fixture
def desktop_font():  # type: ignore[no-untyped-def]
    """The application's usual text at 10 points, as Qt gives it on a Linux desktop (tests run at 9)."""
    modes = ui_style.display_modes()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_display_mode(app, DisplayMode())
    before = modes.base_point_size
    modes.base_point_size = 10.0
    yield
    apply_display_mode(app, DisplayMode())
    modes.base_point_size = before
    font = app.font()
    font.setPointSizeF(before or font.pointSizeF())
    app.setFont(font)


@pytest.fixture
def demo_window(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    """The main window on the demo clinic, signed in as its supervisor (who sees every page)."""
    from facilitator.backend import open_backend
    from facilitator.config import AppConfig
    from facilitator.store.accounts import DEMO_PASSWORD
    from facilitator.ui.main_window import MainWindow

    config = AppConfig.build(data_dir=tmp_path / "demo", log_dir=tmp_path / "logs", demo=True, environ={})
    backend = open_backend(config)
    backend.sign_in("supervisor", DEMO_PASSWORD)
    window = MainWindow(backend.config)
    qtbot.addWidget(window)
    window.attach(backend)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not operations.busy(), timeout=20000)
    yield window
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    operations.wait_idle()
    backend.dispose()


def every_view_of(qtbot, page):  # type: ignore[no-untyped-def]
    """Show each tab of ``page`` in turn, a row chosen in each of its lists (so its details show)."""
    from PySide6.QtWidgets import QListWidget, QTableWidget, QTabWidget

    app = QApplication.instance()
    for view in page.findChildren(QListWidget):
        if view.count() and view.currentRow() < 0 and view.isVisibleTo(page):
            view.setCurrentRow(0)
    for table in page.findChildren(QTableWidget):
        if table.rowCount() and table.currentRow() < 0 and table.isVisibleTo(page):
            table.setCurrentCell(0, 0)
    qtbot.waitUntil(lambda: not operations.busy(), timeout=20000)
    app.processEvents()
    yield "first view"
    for tabs in page.findChildren(QTabWidget):
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            qtbot.waitUntil(lambda: not operations.busy(), timeout=20000)
            app.processEvents()
            yield f"tab {tabs.tabText(i)!r}"


def test_large_text_fits_every_page_on_a_1280_by_800_screen(qtbot, language, desktop_font, demo_window) -> None:  # type: ignore[no-untyped-def]
    """At large text every page of the main window fits a 1280×800 screen, in English and in Spanish:
    no words cut short, no sideways scrolling, and the window no wider or taller than the screen."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = demo_window
    apply_display_mode(app, DisplayMode(large_text=True))
    window.resize(*SCREEN)
    app.processEvents()
    problems = []
    for n in range(window.nav.count()):
        window.nav.setCurrentRow(n)
        qtbot.waitUntil(lambda: not operations.busy(), timeout=20000)
        page = window.stack.currentWidget()
        for view in every_view_of(qtbot, page):
            problems += [f"{window.nav.item(n).text()}, {view}: {p}" for p in cut_short(page)]
            hint = window.minimumSizeHint()
            if hint.width() > SCREEN[0] or hint.height() > SCREEN[1]:
                problems.append(f"{window.nav.item(n).text()}, {view}: the window needs {hint.width()}x{hint.height()}")
    for n in range(window.nav.count()):  # the page names in the navigation, whole
        text = window.nav.item(n).text()
        if window.nav.fontMetrics().horizontalAdvance(text) + 8 > window.nav.viewport().width():
            problems.append(f"navigation: {text!r} does not fit")
    # Today on a past evening with two meetings and their attendance taken (long names, long states)
    from datetime import timedelta

    window.show_page("today")
    today = window.today_page
    day = window.backend.attendance.today() - timedelta(days=1)
    while day.weekday() != 2:  # a Wednesday: the demo's evening IOP and its family night
        day -= timedelta(days=1)
    today.show_day(day)
    qtbot.waitUntil(lambda: not operations.busy(), timeout=20000)
    assert today.meetings.rowCount() >= 2
    today.meetings.setCurrentCell(1, 0)
    qtbot.waitUntil(lambda: not operations.busy(), timeout=20000)
    app.processEvents()
    problems += [f"Today, {day}: {p}" for p in cut_short(today)]
    assert app.font().pointSizeF() == pytest.approx(13.5)  # large text was in force throughout
    assert not problems, "\n".join(problems)


def test_large_text_fits_the_runner_and_a_participants_page_on_a_1280_by_800_screen(qtbot, language, desktop_font, demo_window, store, clock) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from facilitator.ui.participant_page import open_participant_page

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_display_mode(app, DisplayMode(large_text=True))
    runner = make_runner(qtbot, store, clock)
    backend = demo_window.backend
    page = open_participant_page(backend, backend.roster.participants()[0].id, demo_window)
    qtbot.waitUntil(lambda: not operations.busy(), timeout=20000)
    problems = []
    for window in (runner, page):
        window.resize(*SCREEN)
        app.processEvents()
        hint = window.minimumSizeHint()
        if hint.width() > SCREEN[0] or hint.height() > SCREEN[1]:
            problems.append(f"{type(window).__name__} needs {hint.width()}x{hint.height()}")
        problems += [f"{type(window).__name__}: {p}" for p in cut_short(window)]
    key(qtbot, runner, Qt.Key.Key_Space)  # running: the pause button and the clock say so
    tick(runner, clock, 1)
    app.processEvents()
    problems += [f"running: {p}" for p in cut_short(runner)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("high_contrast", [False, True])
def test_each_timer_state_shows_its_word_beside_a_colour_that_reads(qtbot, store, clock, high_contrast: bool) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """The runner's clock and the room display, in each state: the state in words, and its colour
    measured against the background it is drawn on."""
    import re

    app = QApplication.instance()
    apply_display_mode(app, DisplayMode(high_contrast=high_contrast))  # type: ignore[arg-type]
    runner = make_runner(qtbot, store, clock)
    key(qtbot, runner, Qt.Key.Key_D)
    display = runner.display
    assert display is not None

    def colour(sheet: str, prop: str) -> str:
        found = re.search(rf"(?<![-\w]){prop}:\s*(#[0-9a-fA-F]{{6}})", sheet)
        assert found, (prop, sheet)
        return found.group(1)

    def state() -> tuple[str, str]:
        ink_ = colour(runner.big_clock.styleSheet(), "color")
        assert colour(runner.state_label.styleSheet(), "color") == ink_
        ratio = contrast(ink_, colour(runner.clock_frame.styleSheet(), "background"))
        assert ratio >= THRESHOLD[high_contrast], (runner.state_label.text(), ratio)
        room = contrast(colour(display.timer.styleSheet(), "color"), colour(display.styleSheet(), "background"))
        assert room >= THRESHOLD[high_contrast], (runner.state_label.text(), room)
        return runner.state_label.text(), display.banner.text() if display.banner.isVisible() else ""

    seen = [state()]
    key(qtbot, runner, Qt.Key.Key_Space)
    tick(runner, clock, 1)
    seen.append(state())
    tick(runner, clock, 8 * 60)
    seen.append(state())
    tick(runner, clock, 130)
    seen.append(state())
    key(qtbot, runner, Qt.Key.Key_Space)
    seen.append(state())
    words = [word for word, _banner in seen]
    assert words[0] == "Ready" and words[1] == "On time" and words[2] == "Wrap up"
    assert words[3].startswith("Overtime") and words[4] == "Paused"
    assert [banner for _word, banner in seen[2:]] == ["Wrap up", "Overtime", "Paused"]  # the room reads the state too


@pytest.mark.parametrize("name", sorted(test_focus_chain.OPENERS))
def test_large_text_every_dialog_can_fit_a_1280_by_800_screen(qtbot, language, desktop_font, main_window, backend, name: str) -> None:  # type: ignore[no-untyped-def]
    """What a dialog's layout needs at the least (long check boxes and rows of buttons do not shrink) fits a
    1280×800 screen at large text, in English and in Spanish; a taller form scrolls, as Settings does."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_display_mode(app, DisplayMode(large_text=True))
    dialog = test_focus_chain.OPENERS[name](backend, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not operations.busy())
    need = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    assert need.width() <= 1280 - 20 and need.height() <= 800 - 60, f"{name} needs {need.width()}×{need.height()}"
    dialog.close()
