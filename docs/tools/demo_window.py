"""What every screenshot script starts with: the app's main window on a fresh demo clinic.

Run the scripts under ``xvfb-run``; they live beside this file, which Python puts first on
their path, so ``from demo_window import open_demo_window`` finds it.
"""

import tempfile

from PySide6.QtWidgets import QApplication

from facilitator.config import AppConfig
from facilitator.ui.app import start_backend
from facilitator.ui.main_window import MainWindow
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
