"""Start the app: paint the window first, then open the database on a worker thread."""

from __future__ import annotations

import logging
import os
import sys
import time

from ..config import AppConfig
from .i18n import sentence_text, translate

log = logging.getLogger(__name__)
ENV_EXIT_AFTER_PAINT = "FACILITATOR_EXIT_AFTER_PAINT"


def run_app(config: AppConfig) -> int:
    from PySide6.QtWidgets import QApplication

    from .errors import install_excepthook
    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Facilitator")
    app.setApplicationDisplayName("Facilitator")
    from .i18n import LOCAL_LANGUAGE_KEY, chosen_language, install_translators

    # The language is settled before any window exists: every widget is built speaking it.
    install_translators(app, chosen_language(config.local.extra.get(LOCAL_LANGUAGE_KEY)))
    install_excepthook()
    from .style import DisplayMode, apply_display_mode, install_style

    install_style(app)
    apply_display_mode(app, DisplayMode.from_local(config.local.extra))  # this workstation's display modes
    window = MainWindow(config)
    if os.environ.get(ENV_EXIT_AFTER_PAINT):
        # Start-up benchmark: report the wall time of the first paint, then leave.
        window.first_painted.connect(lambda: (print(f"first-paint {time.time():.6f}", flush=True), app.quit()))
    else:
        window.first_painted.connect(lambda: start_backend(window, config))
    window.show()
    code = app.exec()
    from .operations import wait_idle

    wait_idle()  # let a save that is under way finish before the database closes
    if window.backend is not None:
        from .operations import ChangeHub

        ChangeHub.for_backend(window.backend).stop()
        window.backend.dispose()
    config.remove_throwaway()  # the demo clinic is thrown away, as the README promises
    return int(code)


def start_backend(window, config: AppConfig) -> None:  # type: ignore[no-untyped-def]
    """Open database and curricula off the UI thread; attach them to the window when ready."""
    from ..backend import open_backend
    from ..store.db import DatabaseError
    from .worker import run_in_background

    def failed(exc: Exception) -> None:
        if isinstance(exc, DatabaseError):
            sentence = sentence_text(exc)
        else:
            from .errors import unexpected_error_text

            sentence = translate("app", "Facilitator could not open the clinic's database. {what_next}").format(
                what_next=unexpected_error_text())
        window.show_startup_error(sentence)

    def attach(backend) -> None:  # type: ignore[no-untyped-def]
        window.attach(backend)
        warn_if_unprotected(window, backend)
        from .operations import ChangeHub

        # Other workstations' changes arrive within a second (PostgreSQL NOTIFY, or SQLite polled).
        ChangeHub.for_backend(backend).watch_other_workstations()

    def open_and_import():  # type: ignore[no-untyped-def]
        backend = open_backend(config)
        from .main_window import import_pages

        import_pages()  # the pages' modules too, so neither sign-in nor the demo waits for them
        return backend

    run_in_background(open_and_import, attach, failed)


def warn_if_unprotected(window, backend) -> None:  # type: ignore[no-untyped-def]
    """Say at once, not at the first save, that this database lost its guards and takes no changes."""
    if backend.work is None or not backend.work.unprotected:
        return
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, translate("app", "Clinic database"), backend.work.unprotected, parent=window)
    box.setObjectName("unprotectedDatabase")
    box.open()
