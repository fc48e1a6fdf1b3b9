"""A Spanish UI shows what the core and the store refuse in Spanish: the sentence an error carries
is looked up in the installed catalogue where the UI shows it, with its params kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from test_session import clinic, fresh_backend, settled, sign_in, window  # noqa: F401 - fixtures

from facilitator.core.passwords import MIN_PASSWORD_LENGTH
from facilitator.ui import i18n


@pytest.fixture
def spanish(qapp):  # type: ignore[no-untyped-def]
    """The Spanish catalogue installed, as start-up installs it; English again afterwards."""
    assert i18n.install_translators(qapp, "es")
    yield
    i18n.install_translators(qapp, "en")


def test_a_wrong_password_is_refused_in_spanish(qtbot, spanish, window, clinic) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    sign_in(qtbot, window, "fay", "nope")
    assert window.session.sign_in_page.message.text() == "El nombre de usuario o la contraseña no son correctos."
    assert clinic.principal is None


def test_the_first_administrators_short_password_is_refused_in_spanish_with_its_number(  # type: ignore[no-untyped-def]
    qtbot, spanish, fresh_backend  # noqa: F811
) -> None:
    from facilitator.ui.main_window import MainWindow

    main = MainWindow(fresh_backend.config)
    qtbot.addWidget(main)
    main.attach(fresh_backend)
    main.show()
    page = main.session.first_run_page
    assert main.gate.currentWidget() is page
    qtbot.keyClicks(page.full_name, "Riley Root")
    qtbot.keyClicks(page.username, "root")
    qtbot.keyClicks(page.password, "short1")
    qtbot.keyClicks(page.confirm, "short1")
    qtbot.keyClick(page.confirm, Qt.Key.Key_Return)
    settled(qtbot)  # the password is checked on the writer thread
    assert page.message.text() == f"Una contraseña necesita al menos {MIN_PASSWORD_LENGTH} caracteres."
    assert fresh_backend.principal is None


def test_the_same_refusal_stays_english_in_an_english_ui(qtbot, window, clinic) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    sign_in(qtbot, window, "fay", "nope")
    assert window.session.sign_in_page.message.text() == "The user name or password is not right."
