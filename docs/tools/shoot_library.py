"""Screenshot of the Library in a real X window (run under xvfb-run); see docs/README.md."""

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from facilitator.config import AppConfig
from facilitator.ui.app import start_backend
from facilitator.ui.main_window import MainWindow

out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots/library.png")
app = QApplication([])
config = AppConfig.build(data_dir=tempfile.mkdtemp(), demo=True, log_dir=tempfile.mkdtemp())
window = MainWindow(config)
window.resize(1400, 900)
window.show()
start_backend(window, config)


def drive() -> None:
    if window.backend is None:
        QTimer.singleShot(100, drive)
        return
    page = window.library_page
    target = sys.argv[2] if len(sys.argv) > 2 else "skills-core"
    c = window.backend.library.find(target) or window.backend.library.curricula[0]
    page.open(c.id, c.sessions[0].id)
    QTimer.singleShot(600, shoot)


def shoot() -> None:
    screen = app.primaryScreen()
    screen.grabWindow(0).save(str(out))
    print("saved", out)
    app.quit()


QTimer.singleShot(300, drive)
app.exec()
