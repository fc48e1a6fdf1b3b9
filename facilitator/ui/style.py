"""Facilitator's look: small corrections to Qt's stock style, the display modes, and every colour.

Fusion (the style Facilitator runs with on Linux) draws a down-pointing arrow on a column
sorted A to Z and an up-pointing one on Z to A, the reverse of what most people read an
arrow to mean. Every table here (Accounts, Audit trail, rosters) gets the arrow turned. In high
contrast the style also draws the edges of fields, buttons and check boxes in the edge ink.

Every colour the screens draw is a named ink here (``INK``, one table per theme); nothing in
facilitator/ui writes a colour of its own (tests/ui/test_display_modes.py looks). Large text is
the application font at 1.35 times; rows of buttons that would not fit a small screen become two
(``ButtonRows``), and long lists wrap (``wrap_lines``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QFrame, QProxyStyle, QStyle, QStyleOption, QStyleOptionHeader, QWidget

_FLIP = {
    QStyleOptionHeader.SortIndicator.SortDown: QStyleOptionHeader.SortIndicator.SortUp,
    QStyleOptionHeader.SortIndicator.SortUp: QStyleOptionHeader.SortIndicator.SortDown,
}


def reading_arrow(indicator: QStyleOptionHeader.SortIndicator) -> QStyleOptionHeader.SortIndicator:
    """The arrow to draw for Qt's indicator: up for ascending (A to Z), down for descending."""
    return _FLIP.get(indicator, indicator)


class FacilitatorStyle(QProxyStyle):
    """Fusion, with the sort arrow turned, and in high contrast the edges of every field, button
    and check box drawn in the edge ink (the focused one in the highlight ink)."""

    def drawPrimitive(self, element, option: QStyleOption, painter, widget=None) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(option, QStyleOptionHeader):
            turned = QStyleOptionHeader(option)
            turned.sortIndicator = reading_arrow(option.sortIndicator)
            super().drawPrimitive(element, turned, painter, widget)
            return
        super().drawPrimitive(element, option, painter, widget)
        if current_mode().high_contrast:
            if element in _EDGED_PRIMITIVES and not (element in (QStyle.PrimitiveElement.PE_PanelLineEdit, QStyle.PrimitiveElement.PE_FrameLineEdit) and getattr(option, "lineWidth", 1) <= 0):
                _draw_edge(painter, option, round_=element == QStyle.PrimitiveElement.PE_IndicatorRadioButton)

    def drawComplexControl(self, control, option, painter, widget=None) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().drawComplexControl(control, option, painter, widget)
        if current_mode().high_contrast and control in _EDGED_CONTROLS and getattr(option, "frame", True):
            _draw_edge(painter, option)

    def drawControl(self, element, option, painter, widget=None) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().drawControl(element, option, painter, widget)
        if (
            current_mode().high_contrast
            and element == QStyle.ControlElement.CE_ShapedFrame
            and getattr(option, "frameShape", QFrame.Shape.NoFrame) in _EDGED_FRAMES
        ):
            _draw_edge(painter, option)


_EDGED_PRIMITIVES = {
    QStyle.PrimitiveElement.PE_PanelLineEdit,
    QStyle.PrimitiveElement.PE_FrameLineEdit,  # a field whose style sheet sets only its background
    QStyle.PrimitiveElement.PE_PanelButtonCommand,
    QStyle.PrimitiveElement.PE_PanelButtonTool,
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
}
_EDGED_CONTROLS = {QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox}
_EDGED_FRAMES = {QFrame.Shape.StyledPanel, QFrame.Shape.Panel, QFrame.Shape.Box, QFrame.Shape.WinPanel}
EDGE_WIDTH = 2


def _draw_edge(painter, option: QStyleOption, round_: bool = False) -> None:  # type: ignore[no-untyped-def]
    """A solid edge just inside ``option.rect``: the edge ink, or the highlight ink on what has the focus."""
    focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
    pen = QPen(QColor(ink("highlight" if focused else "edge")), EDGE_WIDTH)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, round_)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inner = option.rect.adjusted(EDGE_WIDTH // 2, EDGE_WIDTH // 2, -(EDGE_WIDTH // 2), -(EDGE_WIDTH // 2))
    if round_:
        painter.drawEllipse(inner)
    else:
        painter.drawRect(inner)
    painter.restore()


def install_style(app: QApplication) -> None:
    if not isinstance(app.style(), FacilitatorStyle):
        app.setStyle(FacilitatorStyle(app.style().name()))


# -- display modes ---------------------------------------------------------------------------
#
# This workstation's preference (kept beside its other local settings in settings.json): a
# high-contrast theme and a large-text mode. Both apply to the whole application at once, through
# the palette and the application font, so widgets take their colours from palette roles and from
# the named colours below, never from literals of their own. A state told by colour always keeps
# its word beside the colour, in every mode.


LOCAL_HIGH_CONTRAST = "display_high_contrast"
LOCAL_LARGE_TEXT = "display_large_text"
LARGE_TEXT_SCALE = 1.35


@dataclass(frozen=True)
class DisplayMode:
    high_contrast: bool = False
    large_text: bool = False

    @property
    def text_scale(self) -> float:
        return LARGE_TEXT_SCALE if self.large_text else 1.0

    @classmethod
    def from_local(cls, extra: dict[str, Any]) -> DisplayMode:
        """This workstation's modes from its local settings (anything unreadable means off)."""
        return cls(high_contrast=extra.get(LOCAL_HIGH_CONTRAST) is True, large_text=extra.get(LOCAL_LARGE_TEXT) is True)

    def store_in(self, extra: dict[str, Any]) -> None:
        extra[LOCAL_HIGH_CONTRAST] = self.high_contrast
        extra[LOCAL_LARGE_TEXT] = self.large_text


# -- inks: every colour Facilitator draws with ----------------------------------------------
#
# One table per theme (False: the usual light look; True: high contrast, bright on black), the same
# names in both. Widgets never write a colour of their own: they name an ink here (``ink``,
# ``qcolor``, ``set_ink_style``, ``set_ink_html``, ``ink_item``), so a change of theme reaches them.
# ``INK_PAIRS`` lists every text (or mark) ink with the background it is drawn on;
# tests/ui/test_display_modes.py measures each pair's contrast.

INK: dict[bool, dict[str, str]] = {
    False: {
        # the palette (Fusion's light look, with a selection and placeholder dark enough to read)
        "window": "#efefef",
        "text": "#000000",
        "field": "#ffffff",
        "field_alt": "#f7f7f7",
        "button": "#efefef",
        "highlight": "#1c5d99",
        "highlighted_text": "#ffffff",
        "placeholder": "#656565",
        "link": "#0645ad",
        "link_visited": "#5a2d91",
        "tooltip": "#ffffdc",
        "edge": "#767676",  # the edges of fields and buttons (drawn by Fusion in the usual theme)
        # words that tell something
        "warning": "#8a4b00",  # a caution in words ("check this")
        "error": "#b00020",  # something refused or wrong
        "good": "#1b5e20",
        "muted": "#546e7a",
        # backgrounds of notices and marked rows
        "banner": "#fff0c8",  # a notice across a view
        "alert": "#fde2e1",  # changed elsewhere: the note editor's banner
        "alert_edge": "#c0392b",
        "comment": "#fff4d6",  # a supervisor's comment; a field the run proposes
        "comment_edge": "#a87a00",
        "flag": "#fdecea",  # a participant's safety flags
        "flag_text": "#7f0000",
        "now": "#e3f2fd",  # what to do now (the runner's debrief)
        "bad_row": "#f6d6d6",  # a row that will not be imported
        "flag_row": "#fff0c8",  # a week or session that needs a look
        # attendance rows, by status: background, and the text on it
        "present": "#d8f0d8",
        "late": "#fff0c8",
        "left_early": "#fff0c8",
        "absent_excused": "#e4e4f4",
        "absent_unexcused": "#f6d6d6",
        "present_text": "#000000",
        "late_text": "#000000",
        "left_early_text": "#000000",
        "absent_excused_text": "#000000",
        "absent_unexcused_text": "#000000",
        # the print preview: paper on a grey desk
        "paper": "#ffffff",
        "desk": "#7a7a7a",
        # charts: bands (backgrounds) with their labels, marks (each band's tone), lines
        "chart": "#ffffff",
        "chart_text": "#000000",
        "chart_frame": "#8c8c8c",
        "chart_rule": "#969696",
        "chart_grid": "#aaaaaa",
        "chart_line": "#264d99",
        "band_good": "#dcf0dc",
        "band_mild": "#faf2cc",
        "band_concern": "#fce0bf",
        "band_serious": "#f7cccc",
        "band_neutral": "#ececec",
        "mark_good": "#15651f",
        "mark_mild": "#6b5800",
        "mark_concern": "#8c4200",
        "mark_serious": "#b20d0d",
        "mark_neutral": "#264d99",
        # the runner's big clock, by timer state (the state's word is always beside it)
        "clock_idle": "#37474f",
        "clock_running": "#1b5e20",
        "clock_wrap_up": "#9a5b00",
        "clock_overtime": "#b71c1c",
        "clock_paused": "#4f636e",
        "clock_back": "#f7f9f7",
        "clock_back_wrap_up": "#fff8e1",
        "clock_back_overtime": "#ffebee",
        # the room display: bright on black in every theme, for the back of a room on a projector
        "room": "#000000",
        "room_wrap_up": "#120c00",
        "room_overtime": "#2a0000",
        "room_text": "#eceff1",
        "room_clock_idle": "#eceff1",
        "room_clock_running": "#66bb6a",
        "room_clock_wrap_up": "#ffc107",
        "room_clock_overtime": "#ff5252",
        "room_clock_paused": "#b0bec5",
    },
    True: {
        "window": "#000000",
        "text": "#ffffff",
        "field": "#000000",
        "field_alt": "#1a1a1a",
        "button": "#000000",
        "highlight": "#ffff00",
        "highlighted_text": "#000000",
        "placeholder": "#c0c0c0",
        "link": "#80c0ff",
        "link_visited": "#e0a0ff",
        "tooltip": "#000000",
        "edge": "#ffffff",
        "warning": "#ffff00",
        "error": "#ff8080",
        "good": "#00ff66",
        "muted": "#e0e0e0",
        "banner": "#000000",
        "alert": "#000000",
        "alert_edge": "#ff8080",
        "comment": "#000000",
        "comment_edge": "#ffff00",
        "flag": "#000000",
        "flag_text": "#ff8080",
        "now": "#000080",
        "bad_row": "#400000",
        "flag_row": "#333300",
        # high contrast keeps attendance rows black and tells the status by text colour (and by the
        # status word in its own column)
        "present": "#000000",
        "late": "#000000",
        "left_early": "#000000",
        "absent_excused": "#000000",
        "absent_unexcused": "#000000",
        "present_text": "#00ff66",
        "late_text": "#ffff00",
        "left_early_text": "#ffff00",
        "absent_excused_text": "#00ffff",
        "absent_unexcused_text": "#ff8080",
        "paper": "#ffffff",
        "desk": "#333333",
        "chart": "#000000",
        "chart_text": "#ffffff",
        "chart_frame": "#ffffff",
        "chart_rule": "#c0c0c0",
        "chart_grid": "#a0a0a0",
        "chart_line": "#80c0ff",
        "band_good": "#002a10",
        "band_mild": "#262600",
        "band_concern": "#301800",
        "band_serious": "#3a0000",
        "band_neutral": "#1a1a1a",
        "mark_good": "#00ff66",
        "mark_mild": "#ffff00",
        "mark_concern": "#ffb000",
        "mark_serious": "#ff9090",
        "mark_neutral": "#80c0ff",
        "clock_idle": "#ffffff",
        "clock_running": "#00ff66",
        "clock_wrap_up": "#ffff00",
        "clock_overtime": "#ff8080",
        "clock_paused": "#ffffff",
        "clock_back": "#000000",
        "clock_back_wrap_up": "#000000",
        "clock_back_overtime": "#000000",
        # high contrast: white on black; the banner's word ("Wrap up", "Overtime", "Paused") tells the state
        "room": "#000000",
        "room_wrap_up": "#000000",
        "room_overtime": "#000000",
        "room_text": "#ffffff",
        "room_clock_idle": "#ffffff",
        "room_clock_running": "#ffffff",
        "room_clock_wrap_up": "#ffffff",
        "room_clock_overtime": "#ffffff",
        "room_clock_paused": "#ffffff",
    },
}

STATUS_NAMES = ("present", "late", "left_early", "absent_excused", "absent_unexcused")
TONE_NAMES = ("good", "mild", "concern", "serious", "neutral")
CLOCK_STATES = ("idle", "running", "wrap_up", "overtime", "paused")

# Every (foreground, background) the screens draw, by ink name: words, and marks that carry meaning.
# Held to 4.5:1 in the usual theme and 7:1 in high contrast (tests/ui/test_display_modes.py).
INK_PAIRS: tuple[tuple[str, str], ...] = (
    *((fg, bg) for fg in ("text", "warning", "error", "good", "muted", "link", "link_visited") for bg in ("window", "field")),
    ("text", "field_alt"),
    ("text", "button"),
    ("text", "tooltip"),
    ("highlighted_text", "highlight"),
    ("placeholder", "field"),
    ("text", "banner"),
    ("warning", "banner"),
    ("text", "alert"),
    ("text", "comment"),
    ("muted", "comment"),
    ("flag_text", "flag"),
    ("text", "now"),
    ("text", "bad_row"),
    ("text", "flag_row"),
    *((f"{s}_text", s) for s in STATUS_NAMES),
    ("text", "desk"),
    ("chart_text", "chart"),
    *(("chart_text", f"band_{t}") for t in TONE_NAMES),
    *((f"mark_{t}", "chart") for t in TONE_NAMES),
    *((f"mark_{t}", f"band_{b}") for t in TONE_NAMES for b in TONE_NAMES),
    ("chart_line", "chart"),
    *((f"clock_{s}", back) for s in CLOCK_STATES for back in ("clock_back", "clock_back_wrap_up", "clock_back_overtime")),
    *((f"clock_{s}", "window") for s in ("idle", "running", "overtime")),  # ahead of or behind the plan, in the header
    *((f"room_clock_{s}", back) for s in CLOCK_STATES for back in ("room", "room_wrap_up", "room_overtime")),
    *(("room_text", back) for back in ("room", "room_wrap_up", "room_overtime")),
)
# Drawn only in high contrast: the edges of fields, buttons and check boxes.
HIGH_CONTRAST_PAIRS: tuple[tuple[str, str], ...] = (("edge", "window"), ("edge", "field"))


def inks(high_contrast: bool | None = None) -> dict[str, str]:
    """Every named ink of a theme (the one in force when not told)."""
    return INK[current_mode().high_contrast if high_contrast is None else high_contrast]


def ink(name: str) -> str:
    """A named colour in the theme in force."""
    return inks()[name]


def qcolor(name: str) -> QColor:
    return QColor(ink(name))


def attendance_colours(status_name: str) -> tuple[str, str]:
    """(background, text colour) of an attendance row with this status."""
    return ink(status_name), ink(f"{status_name}_text")


_PALETTE_INKS = (
    (QPalette.ColorRole.Window, "window"),
    (QPalette.ColorRole.WindowText, "text"),
    (QPalette.ColorRole.Base, "field"),
    (QPalette.ColorRole.AlternateBase, "field_alt"),
    (QPalette.ColorRole.Text, "text"),
    (QPalette.ColorRole.Button, "button"),
    (QPalette.ColorRole.ButtonText, "text"),
    (QPalette.ColorRole.Highlight, "highlight"),
    (QPalette.ColorRole.HighlightedText, "highlighted_text"),
    (QPalette.ColorRole.ToolTipBase, "tooltip"),
    (QPalette.ColorRole.ToolTipText, "text"),
    (QPalette.ColorRole.PlaceholderText, "placeholder"),
    (QPalette.ColorRole.Link, "link"),
    (QPalette.ColorRole.LinkVisited, "link_visited"),
)
# High contrast also draws Fusion's bevels and frames in the edge ink, and greys what is disabled.
_HIGH_CONTRAST_ONLY = (
    (QPalette.ColorRole.BrightText, "warning"),
    (QPalette.ColorRole.Light, "edge"),
    (QPalette.ColorRole.Midlight, "placeholder"),
    (QPalette.ColorRole.Mid, "placeholder"),
    (QPalette.ColorRole.Dark, "edge"),
    (QPalette.ColorRole.Shadow, "edge"),
)


def theme_palette(base: QPalette, high_contrast: bool) -> QPalette:
    """``base`` (the style's standard palette) with its colours taken from the theme's inks."""
    colours = INK[high_contrast]
    p = QPalette(base)
    roles = _PALETTE_INKS + (_HIGH_CONTRAST_ONLY if high_contrast else ())
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role, name in roles:
            p.setColor(group, role, QColor(colours[name]))
    if high_contrast:
        for role, name in (
            (QPalette.ColorRole.WindowText, "placeholder"),
            (QPalette.ColorRole.Text, "placeholder"),
            (QPalette.ColorRole.ButtonText, "placeholder"),
            (QPalette.ColorRole.Window, "window"),
            (QPalette.ColorRole.Base, "field"),
            (QPalette.ColorRole.Button, "button"),
        ):
            p.setColor(QPalette.ColorGroup.Disabled, role, QColor(colours[name]))
    return p


class DisplayModes(QObject):
    """The mode in force on this workstation; ``changed`` tells open windows to repaint in it."""

    changed = Signal(object)  # DisplayMode

    def __init__(self) -> None:
        super().__init__()
        self.mode = DisplayMode()
        self.base_point_size: float | None = None


_modes: DisplayModes | None = None


def display_modes() -> DisplayModes:
    global _modes
    if _modes is None:
        _modes = DisplayModes()
    return _modes


def current_mode() -> DisplayMode:
    return display_modes().mode


def apply_display_mode(app: QApplication, mode: DisplayMode) -> None:
    """Repaint the whole application in ``mode``: its palette, its font size, and every window that listens."""
    modes = display_modes()
    if modes.base_point_size is None:
        modes.base_point_size = app.font().pointSizeF() if app.font().pointSizeF() > 0 else 10.0
    app.setPalette(theme_palette(app.style().standardPalette(), mode.high_contrast))
    ratio = mode.text_scale / modes.mode.text_scale
    font = QFont(app.font())
    font.setPointSizeF(modes.base_point_size * mode.text_scale)
    app.setFont(font)
    changed = mode != modes.mode
    modes.mode = mode
    for window in app.topLevelWidgets():
        rescale_fonts(window, ratio)
        if changed:
            repaint_inks(window)
    if changed:
        modes.changed.emit(mode)


# -- widgets that name their inks --------------------------------------------------------------
#
# Rich text names an ink in its style attributes as ``@name`` (``<span style='color:@muted'>``);
# a style sheet names it as ``{name}``; a table or tree cell keeps the names of its inks in two
# item data roles. ``apply_display_mode`` repaints all three in the theme chosen, in every open window.

_STYLE_ATTRIBUTE = re.compile(r"""style=(['"])(.*?)\1""", re.DOTALL)
_INK_TOKEN = re.compile(r"@([a-z][a-z_]*)")
_STYLE_PROPERTY = "facilitatorInkStyle"
_HTML_PROPERTY = "facilitatorInkHtml"
_SHOWN_PROPERTY = "facilitatorInkShown"
INK_FOREGROUND_ROLE = int(Qt.ItemDataRole.UserRole) + 0x4A0
INK_BACKGROUND_ROLE = int(Qt.ItemDataRole.UserRole) + 0x4A1


def themed_html(text: str) -> str:
    """Rich text with the inks its style attributes name (``@muted``) in the theme in force."""
    colours = inks()

    def swap_token(match: re.Match[str]) -> str:
        return colours.get(match.group(1), match.group(0))

    def swap_attribute(match: re.Match[str]) -> str:
        quote, body = match.group(1), match.group(2)
        return f"style={quote}{_INK_TOKEN.sub(swap_token, body)}{quote}"

    return _STYLE_ATTRIBUTE.sub(swap_attribute, text)


def set_ink_style(widget: QWidget, sheet: str) -> None:
    """``widget``'s style sheet, its colours named as ``{ink}`` (``"color: {error};"``), kept in the theme."""
    shown = sheet.format_map(inks())
    widget.setProperty(_STYLE_PROPERTY, sheet)
    widget.setProperty(_SHOWN_PROPERTY + "Style", shown)
    widget.setStyleSheet(shown)


def set_ink_html(widget: QWidget, html: str) -> None:
    """Rich text into a label or text view, its colours named as ``@ink``, kept in the theme."""
    shown = themed_html(html)
    widget.setProperty(_HTML_PROPERTY, html)
    _set_rich(widget, shown)
    widget.setProperty(_SHOWN_PROPERTY + "Html", _rich(widget))


def _set_rich(widget: QWidget, html: str) -> None:
    from PySide6.QtWidgets import QLabel, QTextEdit

    if isinstance(widget, QLabel):
        widget.setText(html)
    elif isinstance(widget, QTextEdit):
        bar = widget.verticalScrollBar()
        at = bar.value()
        widget.setHtml(html)
        bar.setValue(at)


def _rich(widget: QWidget) -> str:
    from PySide6.QtWidgets import QLabel, QTextEdit

    if isinstance(widget, QLabel):
        return widget.text()
    if isinstance(widget, QTextEdit):
        return widget.toHtml()
    return ""


def ink_item(item: Any, foreground: str | None = None, background: str | None = None, column: int | None = None) -> None:
    """Colour a table cell (or a tree item's ``column``) by ink name; a change of theme repaints it."""
    from PySide6.QtGui import QBrush

    colours = inks()
    args = () if column is None else (column,)
    item.setData(*args, INK_FOREGROUND_ROLE, foreground)
    item.setData(*args, INK_BACKGROUND_ROLE, background)
    item.setData(*args, Qt.ItemDataRole.ForegroundRole, QBrush(QColor(colours[foreground])) if foreground else None)
    item.setData(*args, Qt.ItemDataRole.BackgroundRole, QBrush(QColor(colours[background])) if background else None)


def _reink_item(item: Any, column: int | None = None) -> None:
    args = () if column is None else (column,)
    foreground, background = item.data(*args, INK_FOREGROUND_ROLE), item.data(*args, INK_BACKGROUND_ROLE)
    if foreground or background:
        ink_item(item, foreground, background, column)


def repaint_inks(root: QWidget) -> None:
    """Repaint ``root`` and its children in the theme in force: named style sheets, rich text, cells, painting."""
    from PySide6.QtWidgets import QTableWidget, QTreeWidget, QTreeWidgetItemIterator

    for widget in [root, *root.findChildren(QWidget)]:
        sheet = widget.property(_STYLE_PROPERTY)
        if isinstance(sheet, str):
            if widget.styleSheet() == widget.property(_SHOWN_PROPERTY + "Style"):
                set_ink_style(widget, sheet)
            else:  # set since without an ink name: it is the widget's own now
                widget.setProperty(_STYLE_PROPERTY, None)
        html = widget.property(_HTML_PROPERTY)
        if isinstance(html, str):
            if _rich(widget) == widget.property(_SHOWN_PROPERTY + "Html"):
                set_ink_html(widget, html)
            else:
                widget.setProperty(_HTML_PROPERTY, None)
        if isinstance(widget, QTableWidget):
            for r in range(widget.rowCount()):
                for c in range(widget.columnCount()):
                    cell = widget.item(r, c)
                    if cell is not None:
                        _reink_item(cell)
        elif isinstance(widget, QTreeWidget):
            it = QTreeWidgetItemIterator(widget)
            while it.value() is not None:
                node = it.value()
                for c in range(node.columnCount()):
                    _reink_item(node, c)
                it += 1
        widget.update()


def wrap_lines(view: QWidget) -> QWidget:
    """A list whose long lines wrap to its width instead of running off sideways (large text on a small screen)."""
    from PySide6.QtWidgets import QAbstractItemView, QListView

    assert isinstance(view, QAbstractItemView)
    view.setWordWrap(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    if isinstance(view, QListView):
        view.setResizeMode(QListView.ResizeMode.Adjust)
    return view


class ButtonRows(QWidget):
    """A row of buttons that becomes two (or more) rows at large text, so a window still fits a small screen.

    ``usual`` and ``large`` list the rows, each a list of widgets with None for a stretch; both hold
    the same widgets. The rows are rebuilt when the display mode changes; the widgets (and their
    focus order) stay as they were made.
    """

    def __init__(self, usual: list[list[QWidget | None]], large: list[list[QWidget | None]], parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QVBoxLayout

        super().__init__(parent)
        self._arrangements = {False: usual, True: large}
        self._large: bool | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for row in usual:
            for widget in row:
                if widget is not None:
                    widget.setParent(self)
        self.arrange()
        display_modes().changed.connect(self.arrange)  # a bound method: gone with the widget

    def arrange(self, _mode: object = None) -> None:
        from PySide6.QtWidgets import QHBoxLayout

        large = current_mode().large_text
        if large == self._large:
            return
        self._large = large
        layout = self.layout()
        while layout.count():
            row = layout.takeAt(0).layout()
            while row is not None and row.count():
                row.takeAt(0)
            if row is not None:
                row.deleteLater()
        for widgets in self._arrangements[large]:
            row = QHBoxLayout()
            for widget in widgets:
                if widget is None:
                    row.addStretch(1)
                else:
                    row.addWidget(widget)
            layout.addLayout(row)


# QFont::SizeResolved: the font's size was set on the widget, not inherited (PySide6 does not name it).
_SIZE_RESOLVED = 0x0002


def rescale_fonts(root: QWidget, ratio: float) -> None:
    """Scale the fonts set on ``root`` and its children (a heading at 1.7 times the text stays 1.7 times).

    Widgets that size their text in pixels to fit (the big clocks, the room display) refit themselves."""
    if abs(ratio - 1.0) < 1e-6:
        return
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
            continue
        font = widget.font()
        if not font.resolveMask() & _SIZE_RESOLVED or font.pointSizeF() <= 0:
            continue
        font.setPointSizeF(font.pointSizeF() * ratio)
        widget.setFont(font)
