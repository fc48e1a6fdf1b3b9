"""The painted chart and its numbers: one key away, by keyboard, with names a screen reader says."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from facilitator.core import measures as cm
from facilitator.core import trends as T
from facilitator.core.progress import bands_of
from facilitator.ui.charts import ChartPanel

DAY = date(2026, 9, 7)

PHQ9_BANDS = bands_of(cm.PHQ9)
GAD7_BANDS = bands_of(cm.GAD7)


def craving() -> T.Chart:
    return T.craving_chart([T.Rating(DAY + timedelta(days=3 * i), 8 - i, "ok" if i else "tense") for i in range(4)])


def test_n_on_the_chart_shows_its_numbers_and_escape_goes_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = ChartPanel()
    qtbot.addWidget(panel)
    panel.set_chart(craving())
    panel.show()
    qtbot.waitExposed(panel)
    panel.canvas.setFocus()
    qtbot.waitUntil(panel.canvas.hasFocus)
    assert "Craving down: 8 of 10" in panel.canvas.accessibleDescription()
    assert panel.canvas.accessibleName() == "Craving at check-in (0–10): chart"
    qtbot.keyClick(panel.canvas, Qt.Key.Key_N)
    assert panel.showing_numbers() and panel.table.hasFocus()
    assert panel.table.rowCount() == 4
    assert [panel.table.item(0, c).text() for c in range(3)] == ["2026-09-07", "8/10", "tense"]
    assert panel.numbers_button.isChecked()
    qtbot.keyClick(panel.table, Qt.Key.Key_Escape)
    assert not panel.showing_numbers() and panel.canvas.hasFocus()


def test_the_numbers_button_toggles_and_every_part_has_a_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = ChartPanel()
    qtbot.addWidget(panel)
    chart = T.score_chart("phq9", "PHQ-9", [T.Score(DAY, 12)], PHQ9_BANDS)
    panel.set_chart(chart)
    panel.show()
    qtbot.mouseClick(panel.numbers_button, Qt.MouseButton.LeftButton)
    assert panel.showing_numbers()
    assert panel.table.item(0, 2).text() == "moderate"  # the band in words, not a colour
    for widget in (panel.canvas, panel.table, panel.numbers_button, panel.summary):
        assert widget.accessibleName(), widget
    qtbot.mouseClick(panel.numbers_button, Qt.MouseButton.LeftButton)
    assert not panel.showing_numbers()


def test_an_empty_chart_paints_and_says_so(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = ChartPanel()
    qtbot.addWidget(panel)
    panel.set_chart(T.screens_chart([]))
    panel.resize(600, 320)
    panel.show()
    qtbot.waitExposed(panel)
    image = panel.canvas.grab()  # paints without error
    assert not image.isNull()
    assert panel.summary.text() == "No drug screens in this period."


def test_a_chart_on_a_spanish_screen_speaks_spanish(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    """Title, axis, bands, target, numbers' columns and the drug screens' rows in the UI's language;
    the margins fit the longer words."""
    from facilitator.ui import i18n

    assert i18n.install_translators(qapp, "es")
    try:
        panel = ChartPanel()
        qtbot.addWidget(panel)
        weeks = [T.WeekMinutes(DAY + timedelta(weeks=i), 300 + 60 * i, 540) for i in range(3)]  # 9-hour target
        panel.set_chart(T.hours_chart(weeks, first=DAY, last=DAY + timedelta(weeks=3), language="es"))
        assert panel.title.text() == "Horas de asistencia por semana"
        assert panel.chart.target_label.startswith("meta ") and panel.chart.y_label != "hours"
        assert "Week" not in panel.chart.columns and "Semana" in panel.chart.columns
        panel.set_chart(T.score_chart("phq9", "PHQ-9", [T.Score(DAY, 12)], PHQ9_BANDS, language="es"))
        assert not any(b.label.startswith(("mild", "severe", "minimal")) for b in panel.chart.bands), panel.chart.bands
        panel.show()
        qtbot.waitExposed(panel)
        panel.canvas.grab()  # paints with the Spanish words measured into its margins
    finally:
        i18n.install_translators(qapp, "en")
