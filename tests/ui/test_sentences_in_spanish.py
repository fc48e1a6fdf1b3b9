"""A Spanish UI shows what the core and the store refuse in Spanish: the sentence an error carries
is looked up in the installed catalogue where the UI shows it, with its params kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from roster_world import services
from test_session import clinic, fresh_backend, settled, sign_in, window  # noqa: F401 - fixtures

from facilitator.core.passwords import MIN_PASSWORD_LENGTH
from facilitator.core.roster import FIELD_LABELS
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


def test_a_roster_files_row_problems_are_listed_in_spanish(qtbot, spanish, engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui.roster_import import RosterImportDialog

    roster = services(engine, None, zone="")[0]
    bad = tmp_path / "bad.csv"
    bad.write_text("MRN,Goes by,Full name,Admitted\nA1,Al,Albert Smith,2026-03-01\nA2,,Bo Brown,2026-03-01\n"
                   "A3,Cy,Cy Clark,3026-03-01\n", encoding="utf-8")
    dialog = RosterImportDialog(roster, path=bad)
    qtbot.addWidget(dialog)
    dialog.combos["preferred_name"].setCurrentIndex(dialog.combos["preferred_name"].findData("Goes by"))
    assert [e.line for e in dialog.errors] == [3, 4]
    problems = [dialog.preview.item(row, len(dialog.combos) + 1).text() for row in (1, 2)]
    assert problems == ["el nombre preferido está vacío", "inicio del programa: la fecha 3026-03-01 no está entre 1900 y 2100"]
    assert [str(e.message) for e in dialog.errors] == [
        "the preferred name is empty", "the program start 3026-03-01 is not between 1900 and 2100"]
    headers = [dialog.preview.horizontalHeaderItem(c).text() for c in range(dialog.preview.columnCount())]
    assert "Nombre preferido" in headers and "Preferred name" not in headers
    assert FIELD_LABELS["preferred_name"] == "Preferred name"
