"""UI fixtures: a main window attached to a real (temporary) backend."""

from __future__ import annotations

import pytest

from facilitator.backend import open_backend
from facilitator.config import AppConfig

UI_TEST_PASSWORD = "ui-test-pass-1"


@pytest.fixture
def backend(config: AppConfig):  # type: ignore[no-untyped-def]
    """A backend signed in as the clinic's first administrator (cheap Argon2id costs)."""
    from facilitator.core.passwords import Passwords, fast_hasher

    b = open_backend(config)
    assert b.accounts is not None
    b.accounts.passwords = Passwords(fast_hasher())
    if b.accounts.has_accounts():
        # On PostgreSQL a test's ``engine`` shares this database, and its fixtures may have made
        # an account already: add the administrator beside it, as an administrator would.
        import sqlalchemy as sa
        from principals import make_account

        admin = make_account(b.engine, "admin", "administrator", "Avery Admin")
        with b.engine.begin() as conn:
            conn.execute(sa.text("UPDATE user_account SET password_hash = :h WHERE id = :i"),
                         {"h": b.accounts.passwords.hash(UI_TEST_PASSWORD), "i": admin.user_id})
    else:
        b.accounts.create_first_administrator("admin", "Avery Admin", UI_TEST_PASSWORD)
    b.sign_in("admin", UI_TEST_PASSWORD)
    yield b
    from facilitator.ui.operations import wait_idle

    wait_idle()  # a save still running would reconnect to a closed database
    b.dispose()


@pytest.fixture
def main_window(qtbot, backend):  # type: ignore[no-untyped-def]
    from facilitator.ui.main_window import MainWindow

    window = MainWindow(backend.config)
    qtbot.addWidget(window)
    window.attach(backend)
    window.show()
    qtbot.waitExposed(window)
    from facilitator.ui import operations

    qtbot.waitUntil(lambda: not operations.busy())  # the pages' first reads run off the GUI thread
    if not window.isActiveWindow():  # a progress dialog came and went; a desktop gives the focus back
        with qtbot.waitActive(window):
            window.activateWindow()
    yield window
    # As the app does: windows close (and their last saves finish) before the database closes.
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    from facilitator.ui.operations import wait_idle

    wait_idle()
