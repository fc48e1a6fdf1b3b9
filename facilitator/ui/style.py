"""Small corrections to Qt's stock look that users notice.

Fusion (the style Facilitator runs with on Linux) draws a down-pointing arrow on a column
sorted A to Z and an up-pointing one on Z to A, the reverse of what most people read an
arrow to mean. Every table here (Accounts, Audit trail, rosters) gets the arrow turned.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QStyleOptionHeader

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
