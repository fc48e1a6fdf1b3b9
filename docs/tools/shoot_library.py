"""Screenshot of the Library in a real X window (run under xvfb-run); see docs/README.md."""

import sys
from pathlib import Path

from demo_window import open_demo_window
from PySide6.QtCore import QTimer

out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots/library.png")
app, window = open_demo_window()


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
