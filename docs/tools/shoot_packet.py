"""Screenshot of a meeting's handout packet in the print dialog (run under xvfb-run).

Family Night on the last Wednesday, after attendance: one copy for each person who came.
"""

import sys
from datetime import timedelta
from pathlib import Path

from demo_window import open_demo_window
from PySide6.QtCore import QTimer

out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots/packet.png")
app, window = open_demo_window()


def drive() -> None:
    if window.backend is None or getattr(window, "today_page", None) is None:
        QTimer.singleShot(100, drive)
        return
    window.show_page("today")
    page = window.today_page
    day = window.backend.attendance.today() - timedelta(days=1)
    while day.weekday() != 2:
        day -= timedelta(days=1)
    page.show_day(day)
    for row, state in enumerate(page._states):
        if state.meeting.group_name == "Family Night":
            page.meetings.setCurrentCell(row, 0)
    page.packet_button.click()
    QTimer.singleShot(200, wait_for_render)


def wait_for_render() -> None:
    dialog = window.print_actions.dialog
    if dialog is None:
        QTimer.singleShot(100, wait_for_render)
        return
    dialog.rendered.connect(lambda _pages: QTimer.singleShot(600, shoot))


def shoot() -> None:
    app.primaryScreen().grabWindow(0).save(str(out))
    print("saved", out)
    app.quit()


QTimer.singleShot(300, drive)
app.exec()
