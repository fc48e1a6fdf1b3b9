"""Open the demo clinic on Today and the runner on today's first meeting that starts with a check-in,
then wait for keys sent from outside (run under Xvfb; see docs/tools/shoot_progress_keys.sh).

usage: DISPLAY=:64 .venv/bin/python docs/tools/open_progress_for_keys.py [runner|groups]

"groups" opens the Groups page instead (its first group chosen), for the participant page.

Prints "runner <window id>" and "main <window id>" (X11 ids) once the runner is up. The demo
facilitator leads the meeting; check-in ratings, PHQ-9, screens and the safety flag are then
entered by real key presses, so the pictures show what the keys did.
"""

import sys
from datetime import timedelta

from demo_window import open_demo_window
from PySide6.QtCore import QTimer

from facilitator.core.curriculum import ItemKind

app, window = open_demo_window()


def starts_with_check_in(state) -> bool:  # type: ignore[no-untyped-def]
    m = state.meeting
    curriculum = window.library_state.library.find(m.curriculum_id or "")
    if curriculum is None or m.cancelled or state.enrolled < 3:
        return False
    try:
        session = curriculum.session(m.session_id)
    except KeyError:
        return False
    return session.agenda[0].kind is ItemKind.CHECK_IN


def drive() -> None:
    if window.backend is None or getattr(window, "today_page", None) is None:
        QTimer.singleShot(100, drive)
        return
    if sys.argv[1:] == ["groups"]:
        window.show_page("groups")
        window.groups_page.list.setFocus()
        QTimer.singleShot(800, lambda: print(f"main {int(window.winId())}", flush=True))
        return
    window.show_page("today")
    page = window.today_page
    today = window.backend.attendance.today()
    for step in range(0, 14):
        page.show_day(today + timedelta(days=step))
        for row, state in enumerate(page._states):
            if starts_with_check_in(state):
                page.meetings.setCurrentCell(row, 0)
                page.run_button.click()  # the facilitator's "Run session…" on Today
                QTimer.singleShot(1500, announce)
                return
    print("no meeting starting with a check-in in the next two weeks", flush=True)
    app.quit()


def announce() -> None:
    runner = window.runner.window
    runner.resize(1400, 900)
    runner.move(0, 0)
    print(f"runner {int(runner.winId())}", flush=True)
    print(f"main {int(window.winId())}", flush=True)


QTimer.singleShot(300, drive)
app.exec()
