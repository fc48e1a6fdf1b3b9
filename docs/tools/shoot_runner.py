"""Screenshots of the session runner and the room display in each colour state (run under xvfb-run).

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/tools/shoot_runner.py [OUT_DIR]

A fake clock moves the run to each state, so the pictures are the same every time. Players
are made-up first names; the room display shows them as "Player N" (first names are off).
"""

import sys
from pathlib import Path

from demo_window import show_runner
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from facilitator.core.clock import FakeClock
from facilitator.core.library import load_library
from facilitator.paths import shipped_curricula_dir

out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
out.mkdir(parents=True, exist_ok=True)
app = QApplication([])
library = load_library(shipped_curricula_dir())
curriculum = library.get("skills-core")
session = curriculum.sessions[0]
clock = FakeClock()
window = show_runner(curriculum, session, clock, ("Maria", "Dwayne", "Kim", "Lou", "Sam"), (1400, 900))


def shoot(name: str) -> None:
    app.primaryScreen().grabWindow(0).save(str(out / name))
    print("saved", out / name)


def display(on: bool) -> None:
    window.actions["display"].setChecked(on)
    window._on_display_toggled()


def at(seconds: float) -> None:
    """Move the fake clock so the current item has run ``seconds``."""
    cur = window.clock.view().current
    clock.advance(seconds - (cur.elapsed_seconds if cur else 0))
    window._on_tick()


first = session.agenda[0].minutes * 60
steps = [
    lambda: (window._on_toggle(), at(5 * 60 + 12)),
    lambda: shoot("runner-running.png"),
    lambda: display(True),
    lambda: shoot("room-display-running.png"),
    lambda: at(first - 75),
    lambda: shoot("room-display-wrap-up.png"),
    lambda: display(False),
    lambda: shoot("runner-wrap-up.png"),
    lambda: at(first + 134),
    lambda: shoot("runner-overtime.png"),
    lambda: display(True),
    lambda: shoot("room-display-overtime.png"),
    lambda: display(False),
    lambda: (window._on_next(), at(23 * 60 + 30), window._on_next(), at(19 * 60), window._on_next(), at(2 * 60 + 40)),
    lambda: shoot("runner-role-play.png"),
    lambda: display(True),
    lambda: shoot("room-display-role-play.png"),
    lambda: app.quit(),
]


def run(n: int = 0) -> None:
    steps[n]()
    if n + 1 < len(steps):
        QTimer.singleShot(500, lambda: run(n + 1))


QTimer.singleShot(800, run)
app.exec()
