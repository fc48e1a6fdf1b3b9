"""A column sorted A to Z shows an arrow pointing up; Z to A, down (Fusion draws them reversed)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem

from facilitator.ui.style import install_style


def _arrow_points_up(table: QTableWidget) -> bool:
    header = table.horizontalHeader()
    header.viewport().repaint()
    image = header.grab().toImage()
    width = header.sectionSize(0)
    rows: list[int] = []
    for y in range(image.height()):  # the arrow sits in the section's last 24 pixels
        dark = sum(1 for x in range(width - 24, width) if QColor(image.pixel(x, y)).lightness() < 110)
        if dark:
            rows.append(dark)
    assert len(rows) >= 2, "no arrow drawn"
    return rows[0] < rows[-1]  # narrow at the top, wide at the bottom: ▲


def test_ascending_points_up_and_descending_down(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    old = app.style().name()
    install_style(app)
    try:
        table = QTableWidget(3, 1)
        qtbot.addWidget(table)
        table.setHorizontalHeaderLabels(["Name"])
        for i, v in enumerate("bac"):
            table.setItem(i, 0, QTableWidgetItem(v))
        table.setSortingEnabled(True)
        table.resize(240, 150)
        table.show()
        qtbot.mouseClick(table.horizontalHeader().viewport(), Qt.MouseButton.LeftButton,
                         pos=table.horizontalHeader().rect().center())
        order = table.horizontalHeader().sortIndicatorOrder()
        first = table.item(0, 0).text()
        assert _arrow_points_up(table) == (order == Qt.SortOrder.AscendingOrder)
        assert first == ("a" if order == Qt.SortOrder.AscendingOrder else "c")
        table.sortItems(0, Qt.SortOrder.AscendingOrder)
        assert table.item(0, 0).text() == "a" and _arrow_points_up(table)
        table.sortItems(0, Qt.SortOrder.DescendingOrder)
        assert table.item(0, 0).text() == "c" and not _arrow_points_up(table)
    finally:
        app.setStyle(old)
