"""Screenshots of Today and of the attendance sheet in a real X window (run under xvfb-run).

usage: xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/tools/shoot_today.py [OUT_DIR]

Opens the demo clinic, shows a past weekday on Today (attendance taken), then the next
weekday's first meeting with half its sheet marked from the keyboard, as a facilitator would,
then one participant's weekly hours and coverage on Groups.
"""

import sys
from datetime import timedelta
from pathlib import Path

from demo_window import open_demo_window
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

out_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
out_dir.mkdir(parents=True, exist_ok=True)
app, window = open_demo_window()


def weekday_near(today, step):  # type: ignore[no-untyped-def]
    day = today + timedelta(days=step)
    while day.weekday() not in (0, 2):  # Monday or Wednesday: the busiest days
        day += timedelta(days=step)
    return day


def drive() -> None:
    if window.backend is None or getattr(window, "today_page", None) is None:
        QTimer.singleShot(100, drive)
        return
    window.show_page("today")
    page = window.today_page
    today = window.backend.attendance.today()
    page.show_day(weekday_near(today, -1))
    page.meetings.setCurrentCell(min(3, page.meetings.rowCount() - 1), 0)
    QTimer.singleShot(500, lambda: shoot("today.png", mark))


def mark() -> None:
    page = window.today_page
    today = window.backend.attendance.today()
    page.show_day(weekday_near(today, 1))
    page.meetings.setCurrentCell(0, 0)
    page.meetings.setFocus()
    QTest.keyClick(page.meetings, Qt.Key.Key_Return)
    table = page.sheet.table
    for keys in ("P", "P", "L", "912", None, "P", "X", "E", "1005", None, "P", "U"):
        # Xvfb has no window manager to give the window focus, so find the open editor by hand.
        editor = table.findChild(QLineEdit) if table.state() == QAbstractItemView.State.EditingState else None
        target = editor or table
        if keys is None:
            QTest.keyClick(target, Qt.Key.Key_Return)
        else:
            QTest.keyClicks(target, keys)
        QApplication.processEvents()
    QTimer.singleShot(500, lambda: shoot("attendance-sheet.png", groups))


def groups() -> None:
    window.show_page("groups")
    page = window.groups_page
    page.list.setCurrentRow(0)
    page.tabs.setCurrentIndex(2)
    page.person.setCurrentIndex(min(2, page.person.count() - 1))
    QTimer.singleShot(500, lambda: shoot("groups-hours.png", app.quit))


def shoot(name: str, then) -> None:  # type: ignore[no-untyped-def]
    path = out_dir / name
    app.primaryScreen().grabWindow(0).save(str(path))
    print("saved", path)
    then()


QTimer.singleShot(300, drive)
app.exec()
