"""What every screenshot script starts with: the app's main window on a fresh demo clinic, and a
runner on a curriculum's session, timed by a clock the script moves.

Run the scripts under ``xvfb-run``; they live beside this file, which Python puts first on
their path, so ``from demo_window import open_demo_window`` finds it.
"""

import tempfile

from PySide6.QtWidgets import QApplication

from facilitator.config import AppConfig
from facilitator.core.agenda_clock import AgendaClock, WrapUpRule
from facilitator.core.clock import FakeClock
from facilitator.ui.app import start_backend
from facilitator.ui.main_window import MainWindow
from facilitator.ui.runner.chime import Chime
from facilitator.ui.runner.window import PlayerInput, RunnerSettings, RunnerWindow
from facilitator.ui.style import install_style


def open_demo_window(width: int = 1400, height: int = 900) -> tuple[QApplication, MainWindow]:
    """A QApplication and a shown main window whose demo backend is opening on a worker thread."""
    app = QApplication([])
    install_style(app)  # Facilitator's style, as the app starts with
    config = AppConfig.build(data_dir=tempfile.mkdtemp(), demo=True, log_dir=tempfile.mkdtemp())
    window = MainWindow(config)
    window.resize(width, height)
    window.show()
    start_backend(window, config)
    return app, window


def show_runner(curriculum, session, clock: FakeClock, players: tuple[str, ...], size: tuple[int, int]) -> RunnerWindow:  # type: ignore[no-untyped-def]
    """A shown runner at the screen's top left, saving nothing and silent, that stays open when asked to close."""
    runner = RunnerWindow(
        curriculum,
        session,
        AgendaClock(session.agenda, clock, session.minutes * 60),
        clock=clock,
        settings=RunnerSettings(WrapUpRule(), chime=False),
        store=None,
        players=[PlayerInput(name) for name in players],
        chime=Chime(False),
    )
    runner.ask_close = lambda: "keep"
    runner.resize(*size)
    runner.move(0, 0)
    runner.show()
    return runner
