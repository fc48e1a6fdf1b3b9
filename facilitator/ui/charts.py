"""Charts on screen: a painted view of ``core.trends.Chart`` with its numbers one key away.

``ChartPanel`` shows a chart's title, the painted chart and its one-sentence summary. The
painted chart takes focus (Tab); pressing N, Enter or Space there, or the "Numbers"
button, shows the same figures as a table (for keyboard and screen-reader users); Escape
or N in the table goes back. Bands and targets are named in words beside their colours,
and every mark carries its number.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.trends import Chart, ChartKind, Tone, chart_in
from .i18n import QT_TRANSLATE_NOOP, current_language, date_text, translate
from .style import qcolor

# Each tone's ink, by name (``facilitator.ui.style``): its band's fill, and its marks.
TONE_INK = {Tone.GOOD: "good", Tone.MILD: "mild", Tone.CONCERN: "concern", Tone.SERIOUS: "serious", Tone.NEUTRAL: "neutral"}


def band_fill(tone: Tone) -> QColor:
    return qcolor(f"band_{TONE_INK[tone]}")


def mark_ink(tone: Tone) -> QColor:
    return qcolor(f"mark_{TONE_INK[tone]}")


TIMELINE_ROWS = (
    QT_TRANSLATE_NOOP("ChartCanvas", "negative"),
    QT_TRANSLATE_NOOP("ChartCanvas", "expected positive"),
    QT_TRANSLATE_NOOP("ChartCanvas", "invalid"),
    QT_TRANSLATE_NOOP("ChartCanvas", "unexpected positive"),
)


def _band_text(band) -> str:  # type: ignore[no-untyped-def]
    return f"{band.label} {band.low:g}–{band.high:g}"


class ChartCanvas(QWidget):
    """The painted chart. Focusable; N, Enter or Space asks for the numbers."""

    def __init__(self, panel: ChartPanel) -> None:
        super().__init__(panel)
        self._panel = panel
        self.chart: Chart | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(420, 200)
        self.setAccessibleName(self.tr("Chart: nothing to show yet"))

    def set_chart(self, chart: Chart) -> None:
        chart = chart_in(current_language(), chart)  # its fixed words in the screen's language
        self.chart = chart
        self.setAccessibleName(self.tr("{title}: chart").format(title=chart.title))
        self.setAccessibleDescription(
            self.tr("{summary} Press N for the numbers as a table.").format(summary=chart.summary)
        )
        self.update()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.key() in (Qt.Key.Key_N, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self._panel.show_numbers(True)
            return
        super().keyPressEvent(event)

    def paintEvent(self, _event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        chart = self.chart
        if chart is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), qcolor("chart"))
        text_ink = qcolor("chart_text")
        font = QFont(self.font())
        metrics = p.fontMetrics()
        fh = metrics.height()
        rows = [translate("ChartCanvas", name) for name in TIMELINE_ROWS]
        # The margins fit the words drawn in them, in the language they are drawn in.
        left = (max(metrics.horizontalAdvance(name) for name in rows) + 14 if chart.kind is ChartKind.TIMELINE
                else metrics.horizontalAdvance("100") + 14)
        right = (max(metrics.horizontalAdvance(_band_text(band)) for band in chart.bands) + 12 if chart.bands
                 else metrics.horizontalAdvance(chart.target_label or "") + 12 if chart.target else 12)
        top, bottom = fh * 2, fh * 1.8
        plot = QRectF(left, top, max(self.width() - left - right, 40), max(self.height() - top - bottom, 40))
        first, last = chart.span()
        days = max((last - first).days, 1)

        def x(day: date) -> float:
            return plot.left() + 8 + (plot.width() - 16) * (day - first).days / days

        def y(value: float) -> float:
            v = min(max(value, 0), chart.y_max)
            return plot.bottom() - plot.height() * v / (chart.y_max or 1)

        p.setPen(QPen(qcolor("chart_frame"), 1))
        p.drawRect(plot)
        for band in chart.bands:
            hi = band.high + 1 if band.high < chart.y_max else chart.y_max
            rect = QRectF(plot.left(), y(hi), plot.width(), y(band.low) - y(hi))
            p.fillRect(rect, band_fill(band.tone))
            p.setPen(QPen(qcolor("chart_rule"), 1))
            p.drawLine(QPointF(plot.left(), y(band.low)), QPointF(plot.right(), y(band.low)))
            p.setPen(text_ink)
            p.drawText(QPointF(plot.right() + 6, rect.center().y() + fh / 3), _band_text(band))
        p.setPen(text_ink)
        if chart.kind is ChartKind.TIMELINE:
            for n, name in enumerate(rows):
                ry = plot.bottom() - plot.height() * (n + 0.5) / len(rows)
                p.setPen(QPen(qcolor("chart_grid"), 1, Qt.PenStyle.DotLine))
                p.drawLine(QPointF(plot.left(), ry), QPointF(plot.right(), ry))
                p.setPen(text_ink)
                p.drawText(QPointF(plot.left() - 6 - metrics.horizontalAdvance(name), ry + fh / 3), name)
        else:
            step = next((s for s in (1, 2, 5, 10, 20, 50) if chart.y_max / s <= 6), chart.y_max / 5)
            value = 0.0
            while value <= chart.y_max + 1e-9:
                text = f"{value:g}"
                p.drawText(QPointF(plot.left() - 6 - metrics.horizontalAdvance(text), y(value) + fh / 3), text)
                value += step
            p.drawText(QPointF(4, fh), chart.y_label)
        for day, align in ((first, 0.0), (first + (last - first) / 2, 0.5), (last, 1.0)):
            text = date_text(day, "%d %b") if current_language() != "en" else day.strftime("%b %d")
            p.drawText(QPointF(x(day) - metrics.horizontalAdvance(text) * align, plot.bottom() + fh * 1.1), text)
        if chart.target:
            p.setPen(QPen(text_ink, 1.5, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(plot.left(), y(chart.target)), QPointF(plot.right(), y(chart.target)))
            bold = QFont(font)
            bold.setBold(True)
            p.setFont(bold)
            p.drawText(QPointF(plot.right() + 6, y(chart.target) + fh / 3), chart.target_label)
            p.setFont(font)
        p.setPen(text_ink)
        if chart.empty:
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter, chart.empty_text)
            p.end()
            return
        if chart.kind is ChartKind.BARS:
            slot = (plot.width() - 16) / max(days / 7 + 1, 1)
            width = max(min(slot * 0.6, 40), 3)
            for pt in chart.points:
                cx = x(pt.day) + min(slot / 2, 10)
                rect = QRectF(cx - width / 2, y(pt.value), width, plot.bottom() - y(pt.value))
                p.fillRect(rect, mark_ink(pt.tone))
                p.setPen(text_ink)
                p.drawRect(rect)
                label = f"{pt.value:.1f}".rstrip("0").rstrip(".")
                p.drawText(QPointF(cx - metrics.horizontalAdvance(label) / 2, rect.top() - 3), label)
                if pt.tone in (Tone.CONCERN, Tone.SERIOUS):
                    word = self.tr("below")
                    p.drawText(QPointF(cx - metrics.horizontalAdvance(word) / 2, rect.top() - 3 - fh), word)
        elif chart.kind is ChartKind.LINE:
            path = QPainterPath()
            for n, pt in enumerate(chart.points):
                (path.moveTo if n == 0 else path.lineTo)(QPointF(x(pt.day), y(pt.value)))
            p.setPen(QPen(qcolor("chart_line"), 2))
            p.drawPath(path)
            labelled = -1e9  # a number over a mark only where it does not run into the last one
            for pt in chart.points:
                p.setPen(QPen(text_ink, 1))
                p.setBrush(QBrush(mark_ink(pt.tone)))
                p.drawEllipse(QPointF(x(pt.day), y(pt.value)), 4.5, 4.5)
                label = f"{pt.value:g}"
                if x(pt.day) - labelled >= metrics.horizontalAdvance("00") + 4 or pt is chart.points[-1]:
                    p.drawText(QPointF(x(pt.day) - metrics.horizontalAdvance(label) / 2, y(pt.value) - 7), label)
                    labelled = x(pt.day)
        else:
            for pt in chart.points:
                ry = plot.bottom() - plot.height() * (pt.value + 0.5) / len(TIMELINE_ROWS)
                cx = x(pt.day)
                p.setPen(QPen(text_ink, 1))
                p.setBrush(QBrush(mark_ink(pt.tone)))
                if pt.value >= 3:  # a triangle, so an unexpected positive is not told by colour alone
                    p.drawPolygon(QPolygonF([QPointF(cx - 6, ry + 5), QPointF(cx + 6, ry + 5), QPointF(cx, ry - 6)]))
                else:
                    p.drawEllipse(QPointF(cx, ry), 4.5, 4.5)
        p.end()


class ChartPanel(QWidget):
    """A chart's title, its painted view or its table, and its summary sentence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: Chart | None = None
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.numbers_button = QPushButton(self.tr("Numbers"))
        self.numbers_button.setCheckable(True)
        self.numbers_button.setToolTip(self.tr("Show the chart's figures as a table (N on the chart)"))
        self.numbers_button.toggled.connect(self.show_numbers)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.numbers_button)

        self.canvas = ChartCanvas(self)
        self.table = QTableWidget(0, 0)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move between cells
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.installEventFilter(self)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.canvas)
        self.stack.addWidget(self.table)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        layout.addLayout(head)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.summary)
        self.setMinimumHeight(300)

    def set_chart(self, chart: Chart) -> None:
        chart = chart_in(current_language(), chart)  # its fixed words in the screen's language
        self.chart = chart
        self.title.setText(chart.title)
        self.summary.setText(chart.summary)
        self.summary.setAccessibleName(self.tr("{title}: summary").format(title=chart.title))
        self.numbers_button.setAccessibleName(self.tr("Show the numbers of {title}").format(title=chart.title))
        self.table.setAccessibleName(self.tr("{title}: numbers").format(title=chart.title))
        self.canvas.set_chart(chart)
        self.table.clear()
        self.table.setColumnCount(len(chart.columns))
        self.table.setHorizontalHeaderLabels(list(chart.columns))
        self.table.setRowCount(len(chart.rows))
        for r, row in enumerate(chart.rows):
            for c, value in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(value))

    def showing_numbers(self) -> bool:
        return self.stack.currentWidget() is self.table

    def show_numbers(self, on: bool) -> None:
        self.stack.setCurrentWidget(self.table if on else self.canvas)
        self.numbers_button.blockSignals(True)
        self.numbers_button.setChecked(on)
        self.numbers_button.blockSignals(False)
        (self.table if on else self.canvas).setFocus()
        if on and self.table.rowCount():
            self.table.setCurrentCell(0, 0)

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        if watched is self.table and event.type() == event.Type.KeyPress and event.key() in (
            Qt.Key.Key_Escape, Qt.Key.Key_N
        ):
            self.show_numbers(False)
            return True
        return super().eventFilter(watched, event)
