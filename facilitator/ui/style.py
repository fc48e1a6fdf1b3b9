"""Facilitator's look: small corrections to Qt's stock style, and the display modes.

Fusion (the style Facilitator runs with on Linux) draws a down-pointing arrow on a column
sorted A to Z and an up-pointing one on Z to A, the reverse of what most people read an
arrow to mean. Every table here (Accounts, Audit trail, rosters) gets the arrow turned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QStyleOptionHeader, QWidget

_FLIP = {
    QStyleOptionHeader.SortIndicator.SortDown: QStyleOptionHeader.SortIndicator.SortUp,
    QStyleOptionHeader.SortIndicator.SortUp: QStyleOptionHeader.SortIndicator.SortDown,
}


def reading_arrow(indicator: QStyleOptionHeader.SortIndicator) -> QStyleOptionHeader.SortIndicator:
    """The arrow to draw for Qt's indicator: up for ascending (A to Z), down for descending."""
    return _FLIP.get(indicator, indicator)


class FacilitatorStyle(QProxyStyle):
    def drawPrimitive(self, element, option: QStyleOption, painter, widget=None) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(option, QStyleOptionHeader):
            turned = QStyleOptionHeader(option)
            turned.sortIndicator = reading_arrow(option.sortIndicator)
            super().drawPrimitive(element, turned, painter, widget)
            return
        super().drawPrimitive(element, option, painter, widget)


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


# Named colours, by theme. Light is Facilitator's usual look; high contrast is white and bright
# colours on black (every pair at least 7:1).
INK: dict[bool, dict[str, str]] = {
    False: {
        "warning": "#8a4b00",  # a caution in words ("check this")
        "error": "#b00020",  # something refused or wrong
        "good": "#1b5e20",
        "muted": "#546e7a",
        "banner": "#fff0c8",  # background of a notice across a view
        "present": "#d8f0d8",  # attendance rows, by status (backgrounds)
        "late": "#fff0c8",
        "left_early": "#fff0c8",
        "absent_excused": "#e4e4f4",
        "absent_unexcused": "#f6d6d6",
    },
    True: {
        "warning": "#ffff00",
        "error": "#ff8080",
        "good": "#00ff66",
        "muted": "#e0e0e0",
        "banner": "#000000",
        "present": "#000000",
        "late": "#000000",
        "left_early": "#000000",
        "absent_excused": "#000000",
        "absent_unexcused": "#000000",
    },
}
# In high contrast the attendance rows keep a black background and tell the status by text colour
# (and by the status word in its own column).
STATUS_INK_HIGH_CONTRAST = {
    "present": "#00ff66",
    "late": "#ffff00",
    "left_early": "#ffff00",
    "absent_excused": "#00ffff",
    "absent_unexcused": "#ff8080",
}


def high_contrast_palette() -> QPalette:
    """White text on black, yellow focus and selection: the palette of the high-contrast theme."""
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00")
    grey = QColor("#c0c0c0")
    p = QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role, colour in (
            (QPalette.ColorRole.Window, black),
            (QPalette.ColorRole.WindowText, white),
            (QPalette.ColorRole.Base, black),
            (QPalette.ColorRole.AlternateBase, QColor("#1a1a1a")),
            (QPalette.ColorRole.Text, white),
            (QPalette.ColorRole.Button, black),
            (QPalette.ColorRole.ButtonText, white),
            (QPalette.ColorRole.BrightText, yellow),
            (QPalette.ColorRole.Highlight, yellow),
            (QPalette.ColorRole.HighlightedText, black),
            (QPalette.ColorRole.ToolTipBase, black),
            (QPalette.ColorRole.ToolTipText, white),
            (QPalette.ColorRole.PlaceholderText, grey),
            (QPalette.ColorRole.Link, QColor("#80c0ff")),
            (QPalette.ColorRole.LinkVisited, QColor("#e0a0ff")),
            (QPalette.ColorRole.Light, white),
            (QPalette.ColorRole.Midlight, grey),
            (QPalette.ColorRole.Mid, grey),
            (QPalette.ColorRole.Dark, white),
            (QPalette.ColorRole.Shadow, white),
        ):
            p.setColor(group, role, colour)
    for role, colour in (
        (QPalette.ColorRole.WindowText, grey),
        (QPalette.ColorRole.Text, grey),
        (QPalette.ColorRole.ButtonText, grey),
        (QPalette.ColorRole.Window, black),
        (QPalette.ColorRole.Base, black),
        (QPalette.ColorRole.Button, black),
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, colour)
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


def ink(name: str) -> str:
    """A named colour in the theme in force."""
    return INK[current_mode().high_contrast][name]


def attendance_colours(status_name: str) -> tuple[str, str | None]:
    """(background, text colour or None for the palette's) of an attendance row with this status."""
    if current_mode().high_contrast:
        return INK[True][status_name], STATUS_INK_HIGH_CONTRAST[status_name]
    return INK[False][status_name], None


def apply_display_mode(app: QApplication, mode: DisplayMode) -> None:
    """Repaint the whole application in ``mode``: its palette, its font size, and every window that listens."""
    modes = display_modes()
    if modes.base_point_size is None:
        modes.base_point_size = app.font().pointSizeF() if app.font().pointSizeF() > 0 else 10.0
    app.setPalette(high_contrast_palette() if mode.high_contrast else app.style().standardPalette())
    ratio = mode.text_scale / modes.mode.text_scale
    font = QFont(app.font())
    font.setPointSizeF(modes.base_point_size * mode.text_scale)
    app.setFont(font)
    for window in app.topLevelWidgets():
        rescale_fonts(window, ratio)
    changed = mode != modes.mode
    modes.mode = mode
    if changed:
        modes.changed.emit(mode)


# Colours written into rich text (some inside translated sentences), and what each becomes in high
# contrast. New rich text takes ink(name) instead of a literal.
_HTML_HIGH_CONTRAST = {
    "#546e7a": "muted",
    "#555": "muted",
    "#8a4b00": "warning",
    "#8a3b00": "warning",
    "#a00": "error",
    "#b00020": "error",
}
_HTML_BACKGROUNDS_HIGH_CONTRAST = {"#e3f2fd": "#000080", "#fff4d6": "#000000", "#fde2e1": "#000000"}
_HTML_COLOUR = re.compile(r"#[0-9a-fA-F]{6}(?![0-9a-fA-F])|#[0-9a-fA-F]{3}(?![0-9a-fA-F])")


def themed_html(text: str) -> str:
    """Rich text with its colours turned to the theme in force (unchanged in the usual theme)."""
    if not current_mode().high_contrast:
        return text

    def swap(match: re.Match[str]) -> str:
        literal = match.group(0).lower()
        if literal in _HTML_BACKGROUNDS_HIGH_CONTRAST:
            return _HTML_BACKGROUNDS_HIGH_CONTRAST[literal]
        name = _HTML_HIGH_CONTRAST.get(literal)
        return INK[True][name] if name else "#ffffff"

    return _HTML_COLOUR.sub(swap, text)


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
