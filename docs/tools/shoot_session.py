"""Screenshots of the sign-in and lock screens in a real X window (run under xvfb-run).

xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/tools/shoot_session.py
"""

import sys
from pathlib import Path

from demo_window import open_demo_window
from PySide6.QtCore import QTimer

out_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
app, window = open_demo_window()


def shoot(name: str) -> None:
    path = out_dir / name
    app.primaryScreen().grabWindow(0).save(str(path))
    print("saved", path)


def wait_for_backend() -> None:
    if window.backend is None or window.session is None:
        QTimer.singleShot(100, wait_for_backend)
        return
    window.session.sign_out()  # the demo opens signed in; show the sign-in page
    page = window.session.sign_in_page
    page.username.setText("supervisor")
    page.password.setText("demo")
    page.password.setFocus()
    QTimer.singleShot(500, after_sign_in_page)


def after_sign_in_page() -> None:
    shoot("sign-in.png")
    page = window.session.sign_in_page
    page.username.setText("facilitator")
    page.password.setText("demo")
    page.button.click()
    window.show_page("today")
    QTimer.singleShot(800, lock)


def lock() -> None:
    window.session.lock("idle")
    QTimer.singleShot(500, after_lock)


def after_lock() -> None:
    shoot("lock-screen.png")
    app.quit()


QTimer.singleShot(300, wait_for_backend)
app.exec()
