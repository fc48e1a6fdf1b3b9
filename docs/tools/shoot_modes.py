"""Screenshots of the display modes on a 1280×800 screen (run under xvfb-run).

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python docs/tools/shoot_modes.py [OUT_DIR]

Opens the demo clinic (``demo_window``), gives one participant a few PHQ-9 and GAD-7 scores so
their page has charts, and then, in each mode (high contrast, large text, both), switched as
Settings switches it (at once, in the open windows): Today with a day's attendance, Notes with a
draft open, the participant's page, the runner at wrap-up, and the room display. Each picture is
the whole screen, taken by ImageMagick (``import -window root``), into mode-<mode>-<view>.png.
"""

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from demo_window import open_demo_window, show_runner
from PySide6.QtCore import QTimer

from facilitator.core.clock import FakeClock
from facilitator.ui.operations import ChangeHub, wait_idle
from facilitator.ui.participant_page import open_participant_page
from facilitator.ui.style import DisplayMode, apply_display_mode

SCREEN = (1280, 800)
MODES = {
    "high-contrast": DisplayMode(high_contrast=True),
    "large-text": DisplayMode(large_text=True),
    "high-contrast-large-text": DisplayMode(high_contrast=True, large_text=True),
}
out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
out.mkdir(parents=True, exist_ok=True)
app, window = open_demo_window(*SCREEN)
window.move(0, 0)
clock = FakeClock()
state: dict[str, object] = {}


def shoot(name: str) -> None:
    path = out / name
    subprocess.run(["import", "-window", "root", str(path)], check=True)
    print("saved", path)


def weekday_before(day):  # type: ignore[no-untyped-def]
    day -= timedelta(days=1)
    while day.weekday() not in (0, 2):  # Monday or Wednesday: the busiest days
        day -= timedelta(days=1)
    return day


def scores() -> None:
    """A participant with scores over the last weeks, so their page draws its charts."""
    from facilitator.core.measures import MeasureError

    backend = window.backend
    today = backend.attendance.today()
    for person in backend.roster.participants():
        try:
            for weeks, phq, gad in ((6, "222211110", "2221111"), (4, "212111110", "2111111"), (2, "111111100", "1111101"), (0, "110101000", "1101000")):
                day = today - timedelta(weeks=weeks)
                backend.measures.record_questionnaire(person.id, "PHQ-9", phq, day)
                backend.measures.record_questionnaire(person.id, "GAD-7", gad, day)
        except MeasureError:  # not enrolled all that time: the next one
            continue
        state["participant"] = person.id
        return


def mode(mode_name: str) -> None:
    state["mode"] = mode_name
    apply_display_mode(app, MODES[mode_name])


def today() -> None:
    window.show_page("today")
    page = window.today_page
    page.show_day(weekday_before(window.backend.attendance.today()))
    page.meetings.setCurrentCell(min(3, page.meetings.rowCount() - 1), 0)


def notes() -> None:
    window.show_page("notes")  # the page reads its lists when first shown


def open_draft() -> None:
    page = window.notes_page
    drafts = page.mine.topLevelItem(0)
    if drafts is not None and drafts.childCount():
        page._on_mine_activated(drafts.child(0))


def pick_note() -> None:
    page = window.notes_page
    if page.note_list.count():
        page.note_list.setCurrentRow(min(1, page.note_list.count() - 1))


def participant() -> None:
    page = open_participant_page(window.backend, state["participant"], window)  # type: ignore[arg-type]
    page.move(0, 0)
    page.resize(*SCREEN)
    state["page"] = page


def scores_in_view() -> None:
    """Scroll to the PHQ-9 and GAD-7 charts: their severity bands, and the marks on them."""
    page = state["page"]
    page.scroll.verticalScrollBar().setValue(page.panels["phq9"].y())  # type: ignore[attr-defined]


def close_participant() -> None:
    state.pop("page").close()  # type: ignore[union-attr]


def runner() -> None:
    curriculum = window.backend.library.get("skills-core")
    session = curriculum.sessions[0]
    r = show_runner(curriculum, session, clock, ("Maria", "Dwayne", "Kim", "Lou"), SCREEN)
    r._on_toggle()  # start
    first = r.clock.view().items[0].planned_seconds
    clock.advance(first - 60)  # a minute left: wrap up
    r._on_tick()
    state["runner"] = r


def display(on: bool) -> None:
    r = state["runner"]
    r.actions["display"].setChecked(on)  # type: ignore[attr-defined]
    r._on_display_toggled()  # type: ignore[attr-defined]


def close_runner() -> None:
    state.pop("runner").close()  # type: ignore[attr-defined]  # "keep": no run record to settle (store=None)


def name(view: str) -> str:
    return f"mode-{state['mode']}-{view}.png"


steps: list = [scores]
for m in MODES:
    steps += [
        lambda m=m: mode(m),
        today,
        lambda: shoot(name("today")),
        notes,
        open_draft,
        pick_note,
        lambda: shoot(name("notes")),
        participant,
        scores_in_view,
        lambda: shoot(name("participant-page")),
        close_participant,
        runner,
        lambda: shoot(name("runner")),
        lambda: display(True),
        lambda: shoot(name("room-display")),
        lambda: display(False),
        close_runner,
    ]
def finish() -> None:
    """As the app leaves: the windows close, saves finish, the change feed stops."""
    window.close()
    wait_idle()
    ChangeHub.for_backend(window.backend).stop()
    app.quit()


steps += [lambda: apply_display_mode(app, DisplayMode()), finish]


def run(n: int = 0) -> None:
    if n == 0 and (window.backend is None or getattr(window, "notes_page", None) is None):
        QTimer.singleShot(200, run)
        return
    steps[n]()
    if n + 1 < len(steps):
        QTimer.singleShot(700, lambda: run(n + 1))


QTimer.singleShot(500, run)
app.exec()
