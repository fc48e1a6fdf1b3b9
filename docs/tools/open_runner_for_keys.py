"""Open the demo clinic and the runner on a meeting with a role play, then wait for keys (run under Xvfb).

usage: DISPLAY=:61 .venv/bin/python docs/tools/open_runner_for_keys.py

The facilitator's steps to get there are taken on Today (the next meeting whose session has a
role play, Run session); from then on the window is left to real key presses sent from outside
(``docs/tools/shoot_runner_keys.sh`` uses xdotool), so the pictures show what the keys did.
Prints "runner <window id>" and "main <window id>" (X11 ids) once the runner is up.
"""

from datetime import timedelta

from demo_window import open_demo_window
from PySide6.QtCore import QTimer

app, window = open_demo_window()


def has_role_play(state) -> bool:  # type: ignore[no-untyped-def]
    m = state.meeting
    curriculum = window.library_state.library.find(m.curriculum_id or "")
    if curriculum is None or m.cancelled:
        return False
    try:
        session = curriculum.session(m.session_id)
    except KeyError:
        return False
    return any(item.role_play is not None for item in session.agenda) and state.enrolled >= 3


def drive() -> None:
    if window.backend is None or getattr(window, "today_page", None) is None:
        QTimer.singleShot(100, drive)
        return
    window.show_page("today")
    page = window.today_page
    today = window.backend.attendance.today()
    for step in range(0, 21):
        page.show_day(today + timedelta(days=step))
        for row, state in enumerate(page._states):
            if has_role_play(state):
                page.meetings.setCurrentCell(row, 0)
                page.run_button.click()  # the facilitator's "Run session…" on Today
                QTimer.singleShot(800, announce)
                return
    print("no meeting with a role play in the next three weeks", flush=True)
    app.quit()


def announce() -> None:
    runner = window.runner.window
    runner.resize(1400, 900)
    runner.move(0, 0)
    print(f"runner {int(runner.winId())}", flush=True)
    print(f"main {int(window.winId())}", flush=True)


QTimer.singleShot(300, drive)
app.exec()
