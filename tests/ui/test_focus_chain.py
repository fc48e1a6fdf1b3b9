"""A keyboard walk of every page of the main window and of every dialog, in English and in Spanish.

For each one, Tab (and then Shift+Tab) is pressed as a user would, from the first control on,
until the focus comes back where it started; pages and dialogs with tabs are walked tab by tab.
The walk checks that every control that takes the focus is reached, that each has an accessible
name (its own, its text, or a label buddy's), that the focus never sticks (no trap: a table lets
Tab leave it, the arrows move between its cells), that no message box waits behind a dialog or
page as it opens, that every dialog closes with Escape, and that every menu of the main window
opens from the keyboard.

Alt letters are checked by reading the texts (offscreen, Qt does not fire them): within a dialog,
a page (with the menu bar's), or a menu, no two controls share one, in either language.

Every QDialog subclass in facilitator.ui is found by import; each must have a way to be opened
here (``OPENERS``, built through the real services) or be named in ``NOT_WALKED`` with the reason,
so a dialog added later is walked too, or the test says it is missing. The demo clinic (as
``--demo`` seeds it) is walked too, so the tables hold real rows. The runner is walked in
test_runner_walk.py.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from datetime import date, timedelta

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

import facilitator.ui
from facilitator.ui import operations


def every_dialog_class() -> set[type]:
    for info in pkgutil.walk_packages(facilitator.ui.__path__, "facilitator.ui."):
        importlib.import_module(info.name)
    found: set[type] = set()
    todo = list(QDialog.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("facilitator.ui."):
            found.add(cls)
    return found


def owner(widget: QWidget) -> QWidget:
    """The control a focused inner widget belongs to (a spin box's line edit is the spin box)."""
    # (A button box that proxies its focus to its default button is no control of its own.)
    while (parent := widget.parentWidget()) is not None and parent.focusProxy() is widget and parent.focusPolicy() & Qt.FocusPolicy.TabFocus:
        widget = parent
    return widget


def focusable(window: QWidget) -> list[QWidget]:
    out = []
    for w in window.findChildren(QWidget):
        if w.window() is not window or (w.focusProxy() is not None and w.focusPolicy() & Qt.FocusPolicy.TabFocus):
            continue
        if not (w.focusPolicy() & Qt.FocusPolicy.TabFocus) or not w.isEnabled() or not w.isVisibleTo(window):
            continue
        out.append(owner(w))
    return out


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (name or widget.accessibleName()).replace("&", "").strip()


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    target = QApplication.focusWidget()
    assert target is not None, "the focus was lost"
    qtbot.keyClick(target, key, modifier)


def walk(qtbot, window: QWidget, backwards: bool = False, limit: int = 600) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Press Tab (Shift+Tab) until the focus is back on the control it started on; the controls met, in order."""
    modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    start = owner(QApplication.focusWidget())
    met = [start]
    stay = 0  # presses that left the focus where it was: a date edit's Tab goes through its sections first
    for _ in range(limit):
        press(qtbot, Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab, modifier)
        now = QApplication.focusWidget()
        assert now is not None and now.window() is window, f"Tab left {window.windowTitle()!r} for {now!r}"
        now = owner(now)
        if now is start and len(met) > 1:
            return met
        stay = stay + 1 if now is met[-1] else 0
        if stay > 8:
            pytest.fail(f"focus trap in {window.windowTitle()!r}: Tab stays on {now.metaObject().className()} {accessible_name(now)!r}")
        if now is not met[-1]:
            met.append(now)
    pytest.fail(f"the focus never came back round in {window.windowTitle()!r} after {limit} presses")


def check_window(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    """The walk, both ways, and the names of everything it met."""
    if not window.isVisible():
        window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    controls = focusable(window)
    assert controls, f"nothing in {window.windowTitle()!r} takes the keyboard focus"
    if QApplication.focusWidget() is None or QApplication.focusWidget().window() is not window:
        controls[0].setFocus(Qt.FocusReason.TabFocusReason)
    forward = walk(qtbot, window)
    backward = walk(qtbot, window, backwards=True)
    unreached = [c for c in controls if c not in forward and c.isVisible() and c.isEnabled()]
    assert not unreached, f"Tab never reaches in {window.windowTitle()!r} (after " + " > ".join(accessible_name(c) or c.metaObject().className() for c in forward) + "): " + ", ".join(
        f"{c.metaObject().className()} {accessible_name(c)!r}" for c in unreached
    )
    assert set(backward) == set(forward), f"Shift+Tab meets other controls than Tab in {window.windowTitle()!r}"
    nameless = [c for c in forward if not accessible_name(c)]
    assert not nameless, f"no accessible name in {window.windowTitle()!r}: " + ", ".join(
        f"{c.metaObject().className()} ({c.objectName() or 'no object name'})" for c in nameless
    )
    for c in forward:
        if isinstance(c, (QTextEdit, QPlainTextEdit)) and not c.isReadOnly():
            assert c.tabChangesFocus(), f"{accessible_name(c)!r} keeps the Tab key (a trap)"
        if isinstance(c, QAbstractItemView):
            assert not c.tabKeyNavigation(), f"Tab walks the cells of {accessible_name(c)!r} instead of leaving it (the arrows do that)"


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A message box that would wait for an answer is noted instead (and the walk fails on it)."""
    shown: list[str] = []

    def note(box: QMessageBox) -> int:
        shown.append(f"{box.windowTitle()}: {box.text()}")
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", note)
    return shown


def each_tab(qtbot, window: QWidget):  # type: ignore[no-untyped-def]
    """Show each tab of every tab widget in the window in turn (as Ctrl+Tab would); yield at each."""
    yield
    for tabs in [t for t in window.findChildren(QTabWidget) if t.isVisibleTo(window)]:
        first = tabs.currentIndex()
        for index in range(tabs.count()):
            if index == first or not tabs.isTabEnabled(index):
                continue
            tabs.setCurrentIndex(index)
            qtbot.waitUntil(lambda: not operations.busy())
            yield
        tabs.setCurrentIndex(first)


# -- how each dialog is opened --------------------------------------------------------------------

Opener = Callable[..., QDialog]


def _participant(backend) -> int:  # type: ignore[no-untyped-def]
    from facilitator.core.roster import ParticipantDraft

    found = backend.roster.participants()
    if found:
        return found[0].id
    return backend.roster.create_participant(ParticipantDraft("R-1", "Sam", "Sam Legal", date(2026, 3, 1))).id


def _settings(backend, window):  # type: ignore[no-untyped-def]
    from facilitator.ui.settings_dialog import SettingsDialog

    return SettingsDialog(backend, window.library_state, window)


def _accounts(backend, window):  # type: ignore[no-untyped-def]
    from facilitator.ui.accounts_dialog import AccountsDialog

    return AccountsDialog(backend, window)


def _account_form(backend, window):  # type: ignore[no-untyped-def]
    from facilitator.ui.accounts_dialog import AccountForm

    return AccountForm(backend, None, window)


def _reset_password(backend, window):  # type: ignore[no-untyped-def]
    from facilitator.ui.accounts_dialog import ResetPasswordDialog

    return ResetPasswordDialog(backend.accounts.list_accounts(backend.principal)[0], window)


def _audit(backend, window):  # type: ignore[no-untyped-def]
    from facilitator.ui.audit_view import AuditDialog

    return AuditDialog(backend, window)


def _change_password(backend, window):  # type: ignore[no-untyped-def]
    from facilitator.ui.session import ChangePasswordDialog

    return ChangePasswordDialog(False, window)


def _conflict(backend, window):  # type: ignore[no-untyped-def]
    from facilitator.core.changes import ConflictError
    from facilitator.ui.conflict_dialog import ConflictDialog

    return ConflictDialog(ConflictError("participant", 1, what="participant", changed_by="Kim"), window)


def _timer_settings(backend, window):  # type: ignore[no-untyped-def]
    from facilitator.core.agenda_clock import WrapUpRule
    from facilitator.ui.runner import RunnerSettings
    from facilitator.ui.runner.parts import TimerSettingsDialog

    return TimerSettingsDialog(RunnerSettings(WrapUpRule(), 120, True), window)


def _safety(backend, window):  # type: ignore[no-untyped-def]
    from facilitator.ui.runner.safety_dialog import SafetyProtocolDialog

    return SafetyProtocolDialog(window)


def _roster_import(backend, window):  # type: ignore[no-untyped-def]
    from facilitator.ui.roster_import import RosterImportDialog

    return RosterImportDialog(backend.roster, window)


def _participant_editor(backend, window):  # type: ignore[no-untyped-def]
    from facilitator.ui.participant_editor import ParticipantDialog

    return ParticipantDialog(backend.roster, backend.attendance.rules(), parent=window)


def _group(backend, window):  # type: ignore[no-untyped-def]
    from facilitator.ui.groups_view import GroupDialog

    return GroupDialog(backend.roster, backend.library, backend.attendance.rules(), parent=window)


def _services_export(backend, window):  # type: ignore[no-untyped-def]
    from facilitator.ui.reports_menu import ServicesExportDialog

    return ServicesExportDialog(backend.billing, parent=window, today=date(2026, 12, 3))


def _supervisor(backend):  # type: ignore[no-untyped-def]
    from principals import make_account

    return make_account(backend.engine, "sup", "supervisor", "Sue Visor")


def _care(backend, window):  # type: ignore[no-untyped-def]
    from types import SimpleNamespace

    from facilitator.ui.care_panel import CareDialog

    # A care record is open to the group's facilitators and to supervisors: a supervisor opens it.
    supervisor = _supervisor(backend)
    acting = SimpleNamespace(care=backend.care.acting_as(supervisor), current_principal=lambda: supervisor)
    return CareDialog(acting, None, _participant(backend), window)


def _participant_page(backend, window):  # type: ignore[no-untyped-def]
    from facilitator.ui.participant_page import ParticipantPage

    return ParticipantPage(backend, _participant(backend), window)


def _consents(backend, window):  # type: ignore[no-untyped-def]
    from facilitator.ui.consents_dialog import ConsentsDialog

    return ConsentsDialog(backend.consents, _participant(backend), "R-1", None, window)


def _questionnaire(backend, window):  # type: ignore[no-untyped-def]
    from facilitator.core.measures import PHQ9
    from facilitator.ui.measure_entry import QuestionnaireDialog

    return QuestionnaireDialog(PHQ9, "Sam", lambda *a: None, date(2026, 12, 3), window)


def _screen(backend, window):  # type: ignore[no-untyped-def]
    from facilitator.ui.measure_entry import ScreenDialog

    return ScreenDialog("Sam", lambda **k: None, date(2026, 12, 3), window)


def _safety_flag(backend, window):  # type: ignore[no-untyped-def]
    from facilitator.ui.measure_entry import SafetyFlagDialog

    return SafetyFlagDialog("Sam", date(2026, 12, 3), lambda _done: None, window)


def _demo_clinic(backend) -> None:  # type: ignore[no-untyped-def]
    """The demo clinic's groups, meetings and eight weeks of attendance, as ``--demo`` seeds them."""
    from facilitator.demo import seed_demo_clinic

    if not backend.attendance.meetings():
        seed_demo_clinic(backend)


def _held_meeting(backend):  # type: ignore[no-untyped-def]
    """A past meeting of the demo clinic that ran a curriculum session and has people marked present."""
    _demo_clinic(backend)
    today = backend.attendance.today()
    for meeting in reversed(backend.attendance.meetings(last=today - timedelta(days=1))):
        if meeting.cancelled or not meeting.curriculum_id or not meeting.session_id:
            continue
        present = [r for r in backend.attendance.sheet(meeting.id) if r.status is not None and r.status.attended]
        if present:
            return meeting, present
    raise AssertionError("the demo clinic has no held meeting")


def _recorded_run(backend, meeting, players=()):  # type: ignore[no-untyped-def]
    """A run of the meeting's session recorded through the run store: started 3 minutes late, ended an hour on."""
    from facilitator.core.agenda_clock import AgendaClock
    from facilitator.core.clock import FakeClock

    curriculum = backend.library.get(meeting.curriculum_id)
    session = curriculum.session(meeting.session_id)
    run_clock = FakeClock(meeting.starts_at + timedelta(minutes=3))
    agenda = AgendaClock(session.agenda, run_clock, session.minutes * 60)
    signed_in, backend.principal = backend.principal, _supervisor(backend)  # a group's sessions are run by its staff
    try:
        run_id = backend.runs.create(curriculum, session, agenda.snapshot(), meeting_id=meeting.id, players=players)
        backend.runs.save(run_id, agenda.start(), agenda.snapshot())
        run_clock.advance(60 * 60)
        backend.runs.save(run_id, agenda.end(), agenda.snapshot())
    finally:
        backend.principal = signed_in
    return run_id


def _run_attendance(backend, window):  # type: ignore[no-untyped-def]
    from facilitator.ui.run_attendance_dialog import RunAttendanceDialog

    meeting, _present = _held_meeting(backend)
    return RunAttendanceDialog(backend.attendance, meeting.id, _recorded_run(backend, meeting), window)


def _observation(backend, window):  # type: ignore[no-untyped-def]
    from facilitator.ui.notes_view import ObservationDialog

    meeting, present = _held_meeting(backend)
    people = [(r.participant_id, r.name) for r in present if r.participant_id is not None]
    return ObservationDialog(backend.notes, backend.current_principal, meeting.id, people, window)


def _print(backend, window):  # type: ignore[no-untyped-def]
    from facilitator.ui.print_dialog import PrintDialog

    curriculum = backend.library.get("skills-core")  # shipped in curricula/
    return PrintDialog(backend.library, curriculum.id, curriculum.sessions[0].id, parent=window)


def _finish_on_time(backend, window):  # type: ignore[no-untyped-def]
    from facilitator.core.agenda_clock import AgendaClock
    from facilitator.core.clock import FakeClock
    from facilitator.ui.runner.parts import FinishOnTimeDialog

    session = backend.library.get("skills-core").sessions[0]
    clock = FakeClock()
    agenda = AgendaClock(session.agenda, clock, session.minutes * 60)
    agenda.start()
    clock.advance(agenda.snapshot().items[0].planned_seconds + 10 * 60)  # ten minutes over on the first item
    agenda.next()
    proposal = agenda.propose_finish_on_time(minimum_seconds=120)
    assert proposal is not None, "a late agenda proposes shorter items"
    return FinishOnTimeDialog(proposal, 120, window)


OPENERS: dict[str, Opener] = {
    "SettingsDialog": _settings,
    "AccountsDialog": _accounts,
    "AccountForm": _account_form,
    "ResetPasswordDialog": _reset_password,
    "AuditDialog": _audit,
    "ChangePasswordDialog": _change_password,
    "ConflictDialog": _conflict,
    "TimerSettingsDialog": _timer_settings,
    "SafetyProtocolDialog": _safety,
    "RosterImportDialog": _roster_import,
    "ParticipantDialog": _participant_editor,
    "GroupDialog": _group,
    "ServicesExportDialog": _services_export,
    "CareDialog": _care,
    "ParticipantPage": _participant_page,
    "ConsentsDialog": _consents,
    "QuestionnaireDialog": _questionnaire,
    "ScreenDialog": _screen,
    "SafetyFlagDialog": _safety_flag,
    "RunAttendanceDialog": _run_attendance,
    "ObservationDialog": _observation,
    "PrintDialog": _print,
    "FinishOnTimeDialog": _finish_on_time,
}
# Dialogs this walk cannot open yet, each with the reason (the test fails on any dialog in neither).
NOT_WALKED: dict[str, str] = {
    "ConfirmDialog": "a QMessageBox: its buttons and keys are Qt's own",
}


def test_every_dialog_is_walked_or_says_why_not() -> None:
    names = {cls.__name__ for cls in every_dialog_class()}
    missing = names - set(OPENERS) - set(NOT_WALKED)
    assert not missing, f"dialogs the keyboard walk does not open: {sorted(missing)}"
    assert not (set(OPENERS) | set(NOT_WALKED)) - names, "the walk names a dialog that no longer exists"


@pytest.fixture(params=["en", "es"])
def language(request, qapp):  # type: ignore[no-untyped-def]
    """The walk in English and in Spanish (installed before any window is built, as start-up does)."""
    from facilitator.ui import i18n

    if request.param != "en":
        assert i18n.install_translators(qapp, request.param)
    yield request.param
    i18n.install_translators(qapp, "en")


@pytest.mark.parametrize("name", sorted(OPENERS))
def test_every_dialog_walks_by_keyboard(qtbot, language, main_window, backend, boxes, name: str) -> None:  # type: ignore[no-untyped-def]
    dialog = OPENERS[name](backend, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not operations.busy())
    assert not boxes, f"{name} opened with a message box waiting: {boxes}"
    for _ in each_tab(qtbot, dialog):
        check_window(qtbot, dialog)
    press(qtbot, Qt.Key.Key_Escape)  # every dialog closes from the keyboard (some go when closed)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    assert not boxes, f"walking {name} raised a message box: {boxes}"


def walk_every_page(qtbot, window, boxes) -> None:  # type: ignore[no-untyped-def]
    nav = window.nav
    assert nav.count() > 1
    for row in range(nav.count()):
        nav.setFocus(Qt.FocusReason.OtherFocusReason)
        nav.setCurrentRow(row)
        qtbot.waitUntil(lambda: not operations.busy())
        assert not boxes, f"the page {nav.item(row).text()!r} opened with a message box waiting: {boxes}"
        for _ in each_tab(qtbot, window.stack.currentWidget()):
            check_window(qtbot, window)


def test_every_page_of_the_main_window_walks_by_keyboard(qtbot, language, main_window, boxes) -> None:  # type: ignore[no-untyped-def]
    walk_every_page(qtbot, main_window, boxes)


def test_every_menu_opens_from_the_keyboard(language, main_window) -> None:  # type: ignore[no-untyped-def]
    """Alt + the underlined letter opens each menu; every entry in it has words to read (and be chosen)."""
    letters = []
    for action in main_window.menuBar().actions():
        menu = action.menu()
        if menu is None or not action.isVisible():
            continue
        text = action.text()
        assert "&" in text, f"the {text!r} menu has no Alt key"
        letters.append(text[text.index("&") + 1].lower())
        for entry in menu.actions():
            assert entry.isSeparator() or entry.text().replace("&", "").strip(), f"an entry of {text!r} has no words"
    assert len(letters) == len(set(letters)), f"two menus share an Alt key: {letters}"


def test_an_optional_date_is_cleared_by_delete_and_left_by_tab(qtbot, backend) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui.participant_editor import NO_DATE, ParticipantDialog

    dialog = ParticipantDialog(backend.roster, backend.attendance.rules(), today=date(2026, 12, 3))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.dob.setDate(date(1980, 5, 17))
    dialog.dob.setFocus(Qt.FocusReason.TabFocusReason)
    press(qtbot, Qt.Key.Key_Delete)
    assert dialog.dob.date() == NO_DATE and dialog.dob.text() == "not recorded"
    press(qtbot, Qt.Key.Key_Tab)
    assert owner(QApplication.focusWidget()) is not dialog.dob, "Tab stayed in the empty date"


# -- Alt letters ----------------------------------------------------------------------------------


def alt_letter(text: str) -> str | None:
    """The letter Alt goes with in a control's text ("&&" is a plain ampersand)."""
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def alt_texts(window: QWidget) -> list[str]:
    """The texts whose Alt letter works in the window as it is shown: buttons, label buddies, boxes, tabs, menus."""
    texts = []
    for w in window.findChildren(QWidget):
        if w.window() is not window or not w.isVisibleTo(window):
            continue
        if isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QLabel) and w.buddy() is not None:
            texts.append(w.text())
        elif isinstance(w, QGroupBox) and w.isCheckable():
            texts.append(w.title())
        elif isinstance(w, QTabBar):
            texts.extend(w.tabText(i) for i in range(w.count()) if w.isTabVisible(i))
    bar = window.menuBar() if hasattr(window, "menuBar") else None
    if bar is not None:
        texts.extend(a.text() for a in bar.actions() if a.isVisible())
    return texts


def shared_letters(texts: list[str]) -> dict[str, list[str]]:
    by_letter: dict[str, list[str]] = {}
    for text in texts:
        if (letter := alt_letter(text)) is not None:
            by_letter.setdefault(letter, []).append(text)
    return {letter: found for letter, found in by_letter.items() if len(found) > 1}


def menu_clashes(window: QWidget) -> dict[str, dict[str, list[str]]]:
    out = {}
    for menu in window.findChildren(QMenu):
        entries = [a.text() for a in menu.actions() if not a.isSeparator() and a.isVisible()]
        if found := shared_letters(entries):
            out[menu.title()] = found
    return out


def test_alt_letters_are_read_as_qt_reads_them() -> None:
    assert alt_letter("Save &as…") == "a" and alt_letter("Fish && &chips") == "c" and alt_letter("No key") is None
    assert shared_letters(["&Save", "&Search", "&Close"]) == {"s": ["&Save", "&Search"]}


@pytest.mark.parametrize("name", sorted(OPENERS))
def test_no_two_controls_of_a_dialog_share_an_alt_letter(qtbot, language, main_window, backend, name: str) -> None:  # type: ignore[no-untyped-def]
    dialog = OPENERS[name](backend, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not operations.busy())
    for _ in each_tab(qtbot, dialog):
        clash = shared_letters(alt_texts(dialog))
        assert not clash, f"controls of {name} share an Alt letter in {language}: {clash}"
    clash_in_menus = menu_clashes(dialog)
    assert not clash_in_menus, f"entries of a menu of {name} share an Alt letter in {language}: {clash_in_menus}"
    dialog.close()


def test_no_two_controls_of_a_page_share_an_alt_letter(qtbot, language, main_window) -> None:  # type: ignore[no-untyped-def]
    nav = main_window.nav
    found = {}
    for row in range(nav.count()):
        nav.setCurrentRow(row)
        qtbot.waitUntil(lambda: not operations.busy())
        for _ in each_tab(qtbot, main_window.stack.currentWidget()):
            if clash := shared_letters(alt_texts(main_window)):
                found.setdefault(nav.item(row).text(), []).append(clash)
    assert not found, f"controls of a page (or a page and the menu bar) share an Alt letter in {language}: {found}"
    clash_in_menus = menu_clashes(main_window)
    assert not clash_in_menus, f"entries of a menu share an Alt letter in {language}: {clash_in_menus}"


# -- the demo clinic: the same walk over pages full of real rows ----------------------------------


@pytest.fixture
def demo_backend(backend):  # type: ignore[no-untyped-def]
    """The demo clinic as ``--demo`` seeds it (groups, eight weeks of attendance, notes in every state,
    a discharge), signed in as its supervisor, who sees every page with rows in it."""
    from facilitator.demo import seed_demo, seed_demo_accounts, seed_demo_notes
    from facilitator.store.accounts import DEMO_PASSWORD

    seed_demo(backend)
    seed_demo_accounts(backend)
    seed_demo_notes(backend)
    backend.sign_in("supervisor", DEMO_PASSWORD)
    return backend


def rows_shown(window: QWidget) -> int:
    return sum(view.model().rowCount() for view in window.findChildren(QAbstractItemView)
               if view.isVisibleTo(window) and view is not window.nav and view.model() is not None)


def test_the_demo_clinic_walks_by_keyboard_with_rows_in_its_tables(qtbot, language, demo_backend, main_window, boxes) -> None:  # type: ignore[no-untyped-def]
    nav = main_window.nav
    filled = []
    for row in range(nav.count()):
        nav.setFocus(Qt.FocusReason.OtherFocusReason)
        nav.setCurrentRow(row)
        qtbot.waitUntil(lambda: not operations.busy())
        if rows_shown(main_window):
            filled.append(nav.item(row).text())
        assert not boxes, f"the page {nav.item(row).text()!r} opened with a message box waiting: {boxes}"
        for _ in each_tab(qtbot, main_window.stack.currentWidget()):
            check_window(qtbot, main_window)
    pages = [nav.item(row).text() for row in range(nav.count())]
    assert len(filled) >= len(pages) - 1, f"pages walked without rows: {set(pages) - set(filled)}"


def _edit_participant(backend, window):  # type: ignore[no-untyped-def]
    from facilitator.ui.participant_editor import ParticipantDialog

    person = backend.roster.participant(_participant(backend))
    return ParticipantDialog(backend.roster, backend.attendance.rules(), person, parent=window)


DEMO_OPENERS: dict[str, Opener] = {
    "ParticipantPage": _participant_page,  # charts drawn from eight weeks of check-ins and screens
    "CareDialog": _care,
    "ConsentsDialog": _consents,
    "ParticipantDialog (editing)": _edit_participant,
    "RunAttendanceDialog": _run_attendance,
    "ObservationDialog": _observation,
}


@pytest.mark.parametrize("name", sorted(DEMO_OPENERS))
def test_the_demo_clinic_dialogs_walk_by_keyboard(qtbot, language, demo_backend, main_window, boxes, name: str) -> None:  # type: ignore[no-untyped-def]
    dialog = DEMO_OPENERS[name](demo_backend, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not operations.busy())
    assert not boxes, f"{name} opened with a message box waiting: {boxes}"
    for _ in each_tab(qtbot, dialog):
        check_window(qtbot, dialog)
        clash = shared_letters(alt_texts(dialog))
        assert not clash, f"controls of {name} share an Alt letter in {language}: {clash}"
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())


def test_the_finish_on_time_proposal_is_reached_and_read(qtbot, main_window, backend) -> None:  # type: ignore[no-untyped-def]
    dialog = _finish_on_time(backend, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    check_window(qtbot, dialog)
    proposal = next(c for c in walk(qtbot, dialog) if isinstance(c, QLabel))
    assert accessible_name(proposal) == "Proposed changes"
    assert "Shorten the items still to come" in proposal.accessibleDescription() and "<" not in proposal.accessibleDescription()
