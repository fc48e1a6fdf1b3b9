"""Facilitator in Spanish: chosen in Settings (or from the system), installed before any window,
with unique accelerators per menu; and the room display in the group's language whatever the UI's."""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from datetime import date, datetime

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu
from test_runner import CURRICULUM, SESSION, FakeChime, activate, key, make_runner, tick

from facilitator.config import AppConfig, LocalSettings
from facilitator.core.agenda_clock import AgendaClock, WrapUpRule
from facilitator.core.clock import FakeClock
from facilitator.store.runs import RunStore
from facilitator.ui import i18n, operations
from facilitator.ui.main_window import MainWindow
from facilitator.ui.runner import RunnerSettings, RunnerWindow
from facilitator.ui.settings_dialog import SettingsDialog


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(engine, clock: FakeClock):  # type: ignore[no-untyped-def]
    from principals import make_account

    facilitator = make_account(engine, "fay", "facilitator", "Fay Lead")
    yield RunStore(engine, clock, workstation="group-room", principal=lambda: facilitator)
    for widget in QApplication.topLevelWidgets():  # runners close, and their saves land, before the database goes
        if isinstance(widget, RunnerWindow) and not widget.controller.closed:
            widget.close()
    operations.wait_idle()


@pytest.fixture
def spanish(qapp):  # type: ignore[no-untyped-def]
    """The Spanish catalogue installed, as start-up installs it; English again afterwards."""
    assert i18n.install_translators(qapp, "es")
    yield
    i18n.install_translators(qapp, "en")


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def clashes(texts: list[str]) -> dict[str, int]:
    letters = Counter(m for m in map(mnemonic, texts) if m)
    return {letter: n for letter, n in letters.items() if n > 1}


def menus_of(window: MainWindow) -> dict[str, list[str]]:
    menus = {}
    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        menus[action.text()] = [a.text() for a in menu.actions() if not a.isSeparator()]
    return menus


def test_the_tests_run_in_english(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(AppConfig.build(data_dir=tmp_path, log_dir=tmp_path))
    qtbot.addWidget(window)
    assert list(menus_of(window)) == ["&File", "&Admin", "&Reports", "&Go", "&Help"]


def test_the_main_window_in_spanish_with_one_accelerator_per_letter(qtbot, tmp_path, spanish) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(AppConfig.build(data_dir=tmp_path, log_dir=tmp_path))
    qtbot.addWidget(window)
    menus = menus_of(window)
    assert list(menus) == ["&Archivo", "A&dministración", "I&nformes", "&Ir", "A&yuda"]
    assert menus["&Archivo"][0] == "C&onfiguración…" and menus["&Archivo"][-1] == "Sa&lir"
    assert menus["&Ir"] == ["Biblioteca", "Hoy", "Grupos", "Notas", "Revisión", "Listos"]
    assert clashes(list(menus)) == {}
    for title, entries in menus.items():
        assert clashes(entries) == {}, title
    assert window.nav.item(1).text() == "Hoy" and window.nav.item(1).toolTip() == "Hoy (Ctrl+2)"
    assert window.statusBar().currentMessage() == "Cargando…"


def test_qt_own_buttons_speak_spanish_too(qtbot, spanish) -> None:  # type: ignore[no-untyped-def]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Cancelar"


def test_the_language_comes_from_the_workstation_or_else_the_system(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(i18n, "system_language", lambda: "es")
    assert i18n.chosen_language("") == "es"
    assert i18n.chosen_language("en") == "en"
    assert i18n.chosen_language("xx") == "es"  # a language the UI does not speak: the system's
    monkeypatch.undo()
    monkeypatch.setattr(QLocale, "system", lambda: QLocale("es_MX"))
    assert i18n.system_language() == "es"
    monkeypatch.setattr(QLocale, "system", lambda: QLocale("de_DE"))
    assert i18n.system_language() == "en"


def test_a_missing_catalogue_leaves_english(qapp, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", tmp_path)
    assert not i18n.install_translators(qapp, "es")
    assert QCoreApplication.translate("MainWindow", "Library") == "Library"


def test_choosing_spanish_in_settings_keeps_it_for_this_workstation(qtbot, main_window, backend) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(backend, main_window.library_state, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.language
    assert combo.accessibleName() and combo.currentData() == ""  # the system's language, until chosen
    assert not dialog.language_note.isVisible()
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)  # the last language listed: Español
    assert combo.currentText() == "Español" and dialog.language_note.isVisible()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not operations.busy())
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = json.loads(backend.config.settings_path.read_text(encoding="utf-8"))
    assert saved["extra"][i18n.LOCAL_LANGUAGE_KEY] == "es"
    reread = LocalSettings.load(backend.config.settings_path)
    assert i18n.chosen_language(reread.extra.get(i18n.LOCAL_LANGUAGE_KEY)) == "es"


SPANISH_CURRICULUM = dataclasses.replace(CURRICULUM, language="es")


def make_spanish_runner(qtbot, store, clock) -> RunnerWindow:  # type: ignore[no-untyped-def]
    """The runner, as make_runner opens it, on the same session in a Spanish curriculum."""
    window = RunnerWindow(
        SPANISH_CURRICULUM,
        SESSION,
        AgendaClock(SESSION.agenda, clock, SESSION.minutes * 60),
        clock=clock,
        settings=RunnerSettings(WrapUpRule(), 120, True),
        store=store,
        chime=FakeChime(),  # type: ignore[arg-type]
    )
    window.ask_close = lambda: "keep"  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    return window


def test_a_spanish_groups_room_display_speaks_spanish_in_an_english_ui(qtbot, store, clock) -> None:  # type: ignore[no-untyped-def]
    runner = make_spanish_runner(qtbot, store, clock)
    key(qtbot, runner, Qt.Key.Key_D)
    display = runner.display
    assert display is not None and display.isVisible()
    assert display.banner.text() == "Comenzamos pronto"
    assert runner.actions["toggle"].text().startswith("▶ Start")  # the facilitator's screen stays English
    key(qtbot, runner, Qt.Key.Key_Space)
    tick(runner, clock, 9 * 60)
    assert display.banner.text() == "Cierre"
    key(qtbot, runner, Qt.Key.Key_Space)
    assert display.banner.text() == "En pausa" and runner.state_label.text() == "Paused"


def test_an_english_groups_room_display_stays_english_in_a_spanish_ui(qtbot, store, clock, spanish) -> None:  # type: ignore[no-untyped-def]
    runner = make_runner(qtbot, store, clock)
    assert runner.actions["toggle"].text().startswith("▶ Iniciar")
    key(qtbot, runner, Qt.Key.Key_D)
    display = runner.display
    assert display is not None and display.banner.text() == "Starting soon"
    assert display.windowTitle() == "Facilitator — pantalla de la sala"
    key(qtbot, runner, Qt.Key.Key_Space)
    key(qtbot, runner, Qt.Key.Key_Space)
    assert display.banner.text() == "Paused" and runner.state_label.text() == "En pausa"
    assert QApplication.activeWindow() is runner


def test_dates_name_their_days_in_the_ui_language(spanish) -> None:  # type: ignore[no-untyped-def]
    day = date(2026, 11, 26)
    assert i18n.long_date(day) == "jueves, 26 de noviembre de 2026"
    assert i18n.date_text(day, "%a %d %b") == "jue 26 nov"
    assert i18n.date_text(datetime(2026, 11, 26, 18, 5), "%a %m-%d %H:%M") == "jue 11-26 18:05"


def test_dates_in_english_are_as_strftime_writes_them() -> None:
    day = date(2026, 11, 26)
    assert i18n.long_date(day) == "Thursday 26 November 2026"
    assert i18n.date_text(day, "%a %d %b") == "Thu 26 Nov"
