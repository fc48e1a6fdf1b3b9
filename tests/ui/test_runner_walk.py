"""The runner by keyboard alone, as in a group room: its window walked by Tab in English and Spanish
(before the run, with a role play on screen, with the room display shown), and the room display
never taking a key."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import test_focus_chain as focus_chain
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QToolButton, QWidget
from test_focus_chain import (
    accessible_name,
    alt_letter,
    alt_texts,
    check_window,
    focusable,
    menu_clashes,
    shared_letters,
)
from test_runner_keys import NAMES, open_runner, press, settle, tick

from facilitator.core.agenda_clock import RunStatus
from facilitator.core.clock import FakeClock
from facilitator.store.runs import RunStore
from facilitator.ui import operations
from facilitator.ui.runner.window import PlayerInput

language = focus_chain.language  # the walk in English and in Spanish


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 2, 23, 2, tzinfo=UTC))


@pytest.fixture
def store(engine, clock):  # type: ignore[no-untyped-def]
    from principals import make_account

    supervisor = make_account(engine, "sue")  # sees every group
    yield RunStore(engine, clock, workstation="group-room", principal=lambda: supervisor)
    for widget in QApplication.topLevelWidgets():  # runners close, and their saves land, before the database goes
        if widget.isVisible():
            widget.close()
    operations.wait_idle()


def off_the_tab_chain_without_a_key(window: QWidget) -> list[str]:
    """Controls the Tab key skips on purpose (a stray Tab in a room must not land in a field) that no
    key reaches either: a field needs an Alt letter (its own, or its label's), a button a shortcut."""
    buddies = {label.buddy(): label.text() for label in window.findChildren(QLabel) if label.buddy() is not None}
    missing = []
    for w in window.findChildren(QWidget):
        if w.window() is not window or not w.isVisibleTo(window) or w.focusProxy() is not None:
            continue
        policy = w.focusPolicy()
        if isinstance(w, QToolButton) and w.defaultAction() is not None:
            if not w.defaultAction().shortcuts():
                missing.append(f"button {w.text()!r} has no key")
            if not accessible_name(w):
                missing.append(f"button {w.text()!r} has no accessible name")
        elif policy & Qt.FocusPolicy.ClickFocus and not policy & Qt.FocusPolicy.TabFocus:
            own = w.text() if isinstance(w, QAbstractButton) else ""
            if alt_letter(own) is None and alt_letter(buddies.get(w, "")) is None:
                missing.append(f"{type(w).__name__} {accessible_name(w)!r} has no Alt letter")
            if not accessible_name(w):
                missing.append(f"{type(w).__name__} has no accessible name")
    return missing


def test_the_runner_walks_by_keyboard_before_during_a_role_play_and_with_the_room_display(qtbot, language, store, clock) -> None:  # type: ignore[no-untyped-def]
    runner = open_runner(qtbot, store, clock, players=[PlayerInput(n) for n in NAMES])
    check_window(qtbot, runner)
    assert {type(c).__name__ for c in focusable(runner)} == {"SessionPane", "QTableWidget"}, "Tab is for the session and the agenda"
    assert not off_the_tab_chain_without_a_key(runner)
    press(qtbot, runner, Qt.Key.Key_Escape)  # back to the session, where the run keys work
    press(qtbot, runner, Qt.Key.Key_Space)
    press(qtbot, runner, Qt.Key.Key_N)  # the role play
    assert runner.role_panel.isVisible()
    settle(qtbot)
    check_window(qtbot, runner)
    assert not off_the_tab_chain_without_a_key(runner)
    press(qtbot, runner, Qt.Key.Key_Escape)
    press(qtbot, runner, Qt.Key.Key_D)  # the room display
    display = runner.display
    assert display is not None and display.isVisible()
    settle(qtbot)
    check_window(qtbot, runner)
    assert not off_the_tab_chain_without_a_key(runner)
    assert QApplication.activeWindow() is runner, "the room display took the keys"
    takers = [w for w in (display, *display.findChildren(QWidget)) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert not takers, f"the room display has controls that take the keys: {takers}"
    clash = shared_letters(alt_texts(runner))
    assert not clash, f"controls of the runner share an Alt letter in {language}: {clash}"
    clash_in_menus = menu_clashes(runner)
    assert not clash_in_menus, f"entries of a runner menu share an Alt letter in {language}: {clash_in_menus}"
    runner._confirm = lambda *_: True  # type: ignore[method-assign]  # "End the session?" answered yes
    press(qtbot, runner, Qt.Key.Key_End)
    assert runner.clock.status is RunStatus.ENDED
    settle(qtbot)
    check_window(qtbot, runner)  # the ended run's summary
    assert not off_the_tab_chain_without_a_key(runner)


def test_the_runner_says_its_clock_and_balance_in_the_ui_language(qtbot, language, store, clock) -> None:  # type: ignore[no-untyped-def]
    """Before the start the agenda is measured against the slot; once an item runs five minutes over, the
    session has five minutes less in hand: in words of the UI's language, as the time left is."""
    runner = open_runner(qtbot, store, clock, players=[PlayerInput(n) for n in NAMES])
    spanish = language == "es"
    planned = runner.balance.text()
    assert planned.endswith(" min menos que el horario" if spanish else " min under the slot"), planned
    slack = int(planned.split()[0])
    press(qtbot, runner, Qt.Key.Key_Space)  # start
    first = runner.controller.clock.view().items[0].planned_seconds
    tick(runner, clock, first + 5 * 60)  # the first item runs five minutes over
    assert runner.balance.text() == (f"{slack - 5} min de adelanto" if spanish else f"{slack - 5} min ahead")
    assert ("quedan" in runner.session_clock.text()) == spanish
    assert ("left" in runner.session_clock.text()) != spanish
