"""Screenshots of Facilitator in Spanish, and of a Spanish group's room display (run under xvfb-run).

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/tools/shoot_spanish.py [OUT_DIR]

The workstation's language is set as Settings sets it (``ui_language`` in the data folder's
settings.json) and installed as the app installs it at start-up, before any window. Then the
main pages, the Settings dialog, and the runner on the Spanish family curriculum with its room
display before the start, running, at wrap-up and paused.
"""

import json
import sys
import tempfile
from pathlib import Path

from demo_window import show_runner
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from facilitator.config import AppConfig
from facilitator.core.clock import FakeClock
from facilitator.ui.app import start_backend
from facilitator.ui.i18n import LOCAL_LANGUAGE_KEY, chosen_language, install_translators
from facilitator.ui.main_window import MainWindow
from facilitator.ui.runner.window import RunnerWindow

out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
out.mkdir(parents=True, exist_ok=True)
data = Path(tempfile.mkdtemp(prefix="facilitator-demo-"))
(data / "settings.json").write_text(json.dumps({"extra": {LOCAL_LANGUAGE_KEY: "es"}}), encoding="utf-8")
config = AppConfig.build(data_dir=data, demo=True, log_dir=tempfile.mkdtemp())
config.throwaway = True
app = QApplication([])
app.setApplicationDisplayName("Facilitator")
assert install_translators(app, chosen_language(config.local.extra.get(LOCAL_LANGUAGE_KEY)))
window = MainWindow(config)
window.resize(1400, 900)
window.move(0, 0)
window.show()
start_backend(window, config)
runner: RunnerWindow | None = None
clock = FakeClock()


def shoot(name: str) -> None:
    app.primaryScreen().grabWindow(0).save(str(out / name))
    print("saved", out / name)


def page(key: str) -> None:
    window.show_page(key)


def library() -> None:
    c = window.backend.library.find("family-recovery-es")
    window.library_page.open(c.id, c.sessions[0].id)


def settings() -> None:
    from facilitator.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.backend, window.library_state, window, hub=window.hub)
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.move(200, 0)
    dialog.show()
    QTimer.singleShot(400, lambda: (shoot("es-settings.png"), dialog.reject()))


def open_runner() -> None:
    global runner
    curriculum = window.backend.library.find("family-recovery-es")
    session = next(s for s in curriculum.sessions if any(i.role_play for i in s.agenda))
    runner = show_runner(curriculum, session, clock, ("Rosa", "Luis", "Ana", "Beto"), (1400, 900))


def display(on: bool) -> None:
    runner.actions["display"].setChecked(on)
    runner._on_display_toggled()


def at(seconds: float) -> None:
    cur = runner.clock.view().current
    clock.advance(seconds - (cur.elapsed_seconds if cur else 0))
    runner._on_tick()


def first_minutes() -> int:
    return runner.clock.view().items[0].planned_seconds


steps = [
    lambda: page("library"),
    library,
    lambda: shoot("es-library.png"),
    lambda: page("today"),
    lambda: shoot("es-today.png"),
    lambda: page("groups"),
    lambda: shoot("es-groups.png"),
    lambda: page("notes"),
    lambda: shoot("es-notes.png"),
    lambda: page("review"),
    lambda: shoot("es-review.png"),
    settings,
    lambda: None,
    open_runner,
    lambda: display(True),
    lambda: shoot("es-room-display-starting.png"),
    lambda: display(False),
    lambda: (runner._on_toggle(), at(4 * 60 + 12)),
    lambda: shoot("es-runner.png"),
    lambda: display(True),
    lambda: shoot("es-room-display-running.png"),
    lambda: at(first_minutes() - 60),
    lambda: shoot("es-room-display-wrap-up.png"),
    lambda: runner._on_toggle(),
    lambda: shoot("es-room-display-paused.png"),
    lambda: app.quit(),
]


def run(n: int = 0) -> None:
    if n == 0 and (window.backend is None or getattr(window, "today_page", None) is None):
        QTimer.singleShot(200, run)
        return
    steps[n]()
    if n + 1 < len(steps):
        QTimer.singleShot(600, lambda: run(n + 1))


QTimer.singleShot(500, run)
app.exec()
config.remove_throwaway()
