"""Measures by keyboard, as a counselor enters them: check-in ratings in the runner, PHQ-9 and GAD-7,
a drug screen, the safety flag to acknowledge, and what Today says is due. Each test then reads
what the database holds.
"""

from __future__ import annotations

from datetime import date

import pytest
from progress_world import TODAY, enrolled_world, services
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from facilitator.core import measures as cm
from facilitator.core.agenda_clock import AgendaClock, WrapUpRule
from facilitator.core.curriculum import AgendaItem, Curriculum, CurriculumSession, GroupType, ItemKind
from facilitator.store.runs import RunStore
from facilitator.ui import operations
from facilitator.ui.measure_entry import QuestionnaireDialog, SafetyFlagDialog, ScreenDialog
from facilitator.ui.operations import ChangeHub
from facilitator.ui.participant_page import ParticipantPage
from facilitator.ui.runner import RunnerSettings, RunnerWindow
from facilitator.ui.runner.check_in import install_check_in_ratings
from facilitator.ui.runner.window import PlayerInput

SESSION = CurriculumSession(
    id="week-one", title="Week one", minutes=60, objectives=("Arrive.",),
    agenda=(
        AgendaItem("Check-in", ItemKind.CHECK_IN, 15, prompts=("One word for your week?",)),
        AgendaItem("Teaching", ItemKind.TEACHING, 45),
    ),
)
CURRICULUM = Curriculum(id="skills-core", title="Skills", group_type=GroupType.SKILLS, summary="s",
                        session_minutes=60, sessions=(SESSION,))


STATUS_FOR_ADMIN = "Measures are open to the participant's group facilitators and to supervisors only."


class Silent:
    enabled = False

    def play(self, cue) -> None:  # type: ignore[no-untyped-def]
        pass


@pytest.fixture
def world(engine):  # type: ignore[no-untyped-def]
    return enrolled_world(engine)


@pytest.fixture
def s(engine, world):  # type: ignore[no-untyped-def]
    bundle = services(engine, world.facilitator)
    bundle.hub = ChangeHub(bundle.work)
    yield bundle
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    operations.wait_idle()


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not operations.busy(), timeout=10000)


def type_keys(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Keys pressed one by one wherever the focus is, as on a keyboard."""
    for ch in text:
        qtbot.keyClick(focused(qtbot), ch)


def press(qtbot, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(focused(qtbot), key)


def focused(qtbot):  # type: ignore[no-untyped-def]
    """Where the keys go. Offscreen, a progress dialog that came and went (a slow save on a loaded
    machine) leaves no window active, where a desktop gives the focus back to the last one used."""
    if QApplication.focusWidget() is None:
        last = [w for w in QApplication.topLevelWidgets() if w.isVisible() and not isinstance(w, QDialog)]
        if last:
            last[-1].activateWindow()
            qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    widget = QApplication.focusWidget()
    assert widget is not None, "no window has the keyboard"
    return widget


# -- the runner ------------------------------------------------------------------------------------


def open_runner(qtbot, s, world) -> tuple[RunnerWindow, list[PlayerInput]]:  # type: ignore[no-untyped-def]
    players = [PlayerInput(name, world.participants[name]) for name in ("Sam", "Maria", "Jo")]
    window = RunnerWindow(
        CURRICULUM, SESSION, AgendaClock(SESSION.agenda, s.clock, SESSION.minutes * 60), clock=s.clock,
        settings=RunnerSettings(WrapUpRule(), 120, False), store=RunStore(s.work), meeting_id=world.meeting_id,
        players=players, chime=Silent(), hub=s.hub,  # type: ignore[arg-type]
    )
    window.ask_close = lambda: "keep"  # type: ignore[method-assign]
    install_check_in_ratings(window, s.measures, world.meeting_id, players, hub=s.hub)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window, players


def test_check_in_ratings_by_keyboard_are_stored_and_never_reach_the_room_display(qtbot, s, world) -> None:  # type: ignore[no-untyped-def]
    window, _players = open_runner(qtbot, s, world)
    settle(qtbot)
    press(qtbot, Qt.Key.Key_Space)  # start: the check-in is the current item
    ratings_panel = next(w for w in window.findChildren(type(window.role_panel)) if w.accessibleName() == "Check-in ratings")
    assert ratings_panel.isVisible() and window.actions["check_in"].isEnabled()
    press(qtbot, Qt.Key.Key_C)
    sam, maria, jo = (world.participants[n] for n in ("Sam", "Maria", "Jo"))
    assert ratings_panel.row(sam).scales["craving"].hasFocus()
    type_keys(qtbot, "7")
    press(qtbot, Qt.Key.Key_Return)  # Sam saved; on to Maria
    assert ratings_panel.row(maria).scales["craving"].hasFocus()
    type_keys(qtbot, "11")
    press(qtbot, Qt.Key.Key_Return)  # refused with a sentence; what was typed stays
    assert ratings_panel.row(maria).scales["craving"].hasFocus()
    assert ratings_panel.row(maria).scales["craving"].text() == "11"
    assert "outside the scale" in ratings_panel.row(maria).status.text()
    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, Qt.Key.Key_Backspace)
    type_keys(qtbot, "3")
    press(qtbot, Qt.Key.Key_Tab)
    assert ratings_panel.row(maria).mood.hasFocus()
    type_keys(qtbot, "hopeful")
    press(qtbot, Qt.Key.Key_Return)
    assert ratings_panel.row(jo).scales["craving"].hasFocus()
    press(qtbot, Qt.Key.Key_Escape)  # back to the session: keys drive the timer again
    assert window.session_pane.hasFocus()
    settle(qtbot)
    held = s.measures.meeting_check_ins(world.meeting_id)
    assert {pid: (r.ratings, r.mood) for pid, r in held.items()} == {
        sam: ({"craving": 7}, ""), maria: ({"craving": 3}, "hopeful")
    }
    assert "saved" in ratings_panel.row(maria).status.text()
    press(qtbot, Qt.Key.Key_D)  # the room display, during the check-in
    display = window.display
    assert display is not None and display.isVisible()
    shown = " ".join(label.text() for label in display.findChildren(QLabel))
    room = window.room_view()
    assert "One word for your week?" in shown  # the display does show the check-in's prompt
    for secret in ("hopeful", "craving", "Craving", "/10", "Sam", "Maria"):
        assert secret not in shown and secret not in repr(room), secret
    press(qtbot, Qt.Key.Key_N)  # the next item is not a check-in: no ratings panel
    assert not ratings_panel.isVisible() and not window.actions["check_in"].isEnabled()


# -- the participant page --------------------------------------------------------------------------


def open_page(qtbot, s, pid: int) -> ParticipantPage:  # type: ignore[no-untyped-def]
    page = ParticipantPage(s, pid, hub=s.hub)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot)
    return page


def dialog_of(page, kind):  # type: ignore[no-untyped-def]
    dialogs = [d for d in page.findChildren(kind) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_a_phq9_typed_by_digits_raises_a_flag_the_counselor_acknowledges(qtbot, s, world, engine) -> None:  # type: ignore[no-untyped-def]
    maria = world.participants["Maria"]
    page = open_page(qtbot, s, maria)
    assert page.heading.text() == "Maria · R-1002"
    qtbot.mouseClick(page.phq9_button, Qt.MouseButton.LeftButton)
    dialog = dialog_of(page, QuestionnaireDialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.answers[0].hasFocus())
    type_keys(qtbot, "21122111")  # eight items: each digit moves to the next
    assert dialog.answers[8].hasFocus()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # item 9 left empty
    settle(qtbot)
    assert dialog.isVisible()
    assert dialog.error.text() == "PHQ-9 item 9 has no answer; every item needs one (0 to 3)."
    assert [f.text() for f in dialog.answers[:8]] == list("21122111")  # nothing typed is lost
    dialog.answers[8].setFocus()
    type_keys(qtbot, "1")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert not dialog.isVisible()
    flag_dialog = dialog_of(page, SafetyFlagDialog)
    [flag] = s.measures.open_flags(maria)
    assert flag.state is cm.FlagState.OPEN
    qtbot.waitUntil(lambda: page.ack_button.isVisible())  # the page shows the open flag, in words
    assert "Safety flag open" in page.flags.text() and "not yet acknowledged" in page.flags.text()
    flag_dialog.activateWindow()
    qtbot.waitUntil(flag_dialog.note.hasFocus)  # typing starts in the note: "n" is not "Not now"
    type_keys(qtbot, "Asked directly; no plan; supervisor told.")
    assert flag_dialog.isVisible()
    qtbot.mouseClick(flag_dialog.ack_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    [flag] = s.measures.open_flags(maria)
    assert flag.state is cm.FlagState.ACKNOWLEDGED
    assert flag.acknowledged_by == "Ana Ruiz" and flag.acknowledged_at is not None
    assert flag.acknowledgement == "Asked directly; no plan; supervisor told."
    qtbot.waitUntil(lambda: not page.ack_button.isVisible())  # refreshed from the change
    assert "acknowledged by Ana Ruiz" in page.flags.text()
    measures = s.measures.participant_measures(maria, TODAY, TODAY)
    [q] = measures.questionnaires
    assert (q.instrument, q.total, q.severity) == ("PHQ-9", 12, "moderate")
    qtbot.waitUntil(lambda: page.panels["phq9"].chart is not None and page.panels["phq9"].chart.rows != ())
    assert page.panels["phq9"].chart.rows[-1] == (TODAY.isoformat(), "12", "moderate")


def test_a_gad7_from_the_printed_form_keeps_its_date_and_says_so(qtbot, s, world) -> None:  # type: ignore[no-untyped-def]
    jo = world.participants["Jo"]
    page = open_page(qtbot, s, jo)
    qtbot.mouseClick(page.gad7_button, Qt.MouseButton.LeftButton)
    dialog = dialog_of(page, QuestionnaireDialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.answers[0].hasFocus())
    type_keys(qtbot, "1x")  # a letter is refused with a sentence; the digit stays
    assert dialog.answers[1].text() == "x" and "Item 2: type 0, 1, 2 or 3." in dialog.error.text()
    press(qtbot, Qt.Key.Key_Backspace)
    type_keys(qtbot, "012101")
    dialog.paper.setChecked(True)
    dialog.day.setDate(dialog.day.date().addDays(-3))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    [q] = s.measures.participant_measures(jo, date(2026, 10, 1), TODAY).questionnaires
    assert (q.instrument, q.total, q.mode, q.taken_on) == ("GAD-7", 6, "paper", date(2026, 10, 30))
    assert q.flag_id is None and not [d for d in page.findChildren(SafetyFlagDialog) if d.isVisible()]


def test_a_drug_screen_with_an_expected_medication(qtbot, s, world) -> None:  # type: ignore[no-untyped-def]
    sam = world.participants["Sam"]
    page = open_page(qtbot, s, sam)
    qtbot.mouseClick(page.screen_button, Qt.MouseButton.LeftButton)
    dialog = dialog_of(page, ScreenDialog)
    dialog.panel.setCurrentText("12-panel")
    assert dialog.results["fentanyl"].currentData() == "negative"  # the panel's substances start negative
    assert dialog.results["xylazine"].currentData() == "not tested"
    dialog.set_result("buprenorphine", cm.ScreenResult.POSITIVE)
    dialog.set_result("cocaine", cm.ScreenResult.POSITIVE)
    dialog.expected["buprenorphine"].setChecked(True)
    dialog.observed.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    [record] = s.measures.participant_measures(sam, TODAY, TODAY).screens
    screen = record.screen
    assert screen.observed and screen.panel == "12-panel" and screen.expected == ("buprenorphine",)
    assert screen.unexpected_positives == ("cocaine",) and screen.expected_positives == ("buprenorphine",)
    assert len(screen.results) == 12
    qtbot.waitUntil(lambda: page.panels["screens"].chart is not None and bool(page.panels["screens"].chart.rows))
    assert page.panels["screens"].chart.rows[0][1] == "unexpected positive"


def test_a_screen_in_the_future_is_a_sentence_and_the_dialog_keeps_its_entries(qtbot, s, world) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, s, world.participants["Sam"])
    qtbot.mouseClick(page.screen_button, Qt.MouseButton.LeftButton)
    dialog = dialog_of(page, ScreenDialog)
    dialog.panel.setCurrentText("")
    for combo in dialog.results.values():
        combo.setCurrentIndex(0)  # nothing tested
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert dialog.isVisible() and dialog.error.text() == "A screen needs a result for at least one substance."
    assert not s.measures.participant_measures(world.participants["Sam"], TODAY, TODAY).screens


def test_the_page_is_refused_in_a_sentence_to_who_may_not_see_measures(qtbot, s, world) -> None:  # type: ignore[no-untyped-def]
    s.who.principal = world.admin
    page = open_page(qtbot, s, world.participants["Sam"])
    assert page.status.text() == STATUS_FOR_ADMIN
    assert page.heading.text() == ""
    assert all(panel.chart is None for panel in page.panels.values())


# -- Today -----------------------------------------------------------------------------------------


def due_texts(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [page.due.item(n).text() for n in range(page.due.count())]


def test_today_lists_what_is_due_per_attendee_and_follows_changes(qtbot, s, world) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui.today_view import TodayPage

    page = TodayPage(s.attendance, s.roster, hub=s.hub, measures=s.measures)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot)
    assert page.current_day() == date(2026, 11, 2) and page._selected_id() == world.meeting_id
    qtbot.waitUntil(lambda: any(t.startswith("Sam:") for t in due_texts(page)))
    assert "Sam: PHQ-9 (at admission), GAD-7 (at admission)" in due_texts(page)
    sam = world.participants["Sam"]
    s.measures.record_questionnaire(sam, "PHQ-9", [0] * 9, TODAY)  # entered elsewhere: Today hears the change
    qtbot.waitUntil(lambda: "Sam: GAD-7 (at admission)" in due_texts(page))
    s.measures.record_questionnaire(sam, "PHQ-9", "000000002", TODAY)
    qtbot.waitUntil(lambda: any(t.startswith("Sam: GAD-7") and "safety flag open" in t for t in due_texts(page)))
    opened: list[int] = []
    page.participant_requested.connect(opened.append)
    row = next(n for n, t in enumerate(due_texts(page)) if t.startswith("Sam:"))
    page.due.setFocus()
    page.due.setCurrentRow(row)
    qtbot.keyClick(page.due, Qt.Key.Key_Return)
    assert opened == [sam]


def test_today_says_in_a_sentence_when_measures_are_not_for_this_user(qtbot, s, world) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui.today_view import TodayPage

    s.who.principal = world.admin
    page = TodayPage(s.attendance, s.roster, hub=s.hub, measures=s.measures)
    qtbot.addWidget(page)
    page.show()
    settle(qtbot)
    assert due_texts(page) == [STATUS_FOR_ADMIN]


def test_the_page_opens_the_care_record_and_the_consents(qtbot, s, world) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    from facilitator.store.care import CareService
    from facilitator.store.consents import ConsentService
    from facilitator.ui.care_panel import CareDialog
    from facilitator.ui.consents_dialog import ConsentsDialog

    s.care = CareService(s.work, s.attendance, lambda: s.attendance.library)
    s.consents = ConsentService(s.work)
    s.current_principal = s.who  # who is signed in, as the backend says
    page = open_page(qtbot, s, world.participants["Sam"])
    with qtbot.waitActive(page):
        page.activateWindow()
    assert page.care_button.isVisible() and page.consents_button.isVisible()
    seen: list[str] = []

    def close_care() -> None:  # the care record is modal: read it and close it, as a user would
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CareDialog):
            QTimer.singleShot(10, close_care)
            return
        settle(qtbot)
        seen.append(dialog.panel.findChild(QLabel).text() if dialog.panel.findChild(QLabel) else dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(0, close_care)
    page.care_button.setFocus()  # Tab reaches it; Space presses it (Alt+O under a desktop's mnemonics)
    qtbot.keyClick(page.care_button, Qt.Key.Key_Space)
    assert seen and "Sam" in seen[0], seen
    page.consents_button.setFocus()
    qtbot.keyClick(page.consents_button, Qt.Key.Key_Space)
    settle(qtbot)
    consents = dialog_of(page, ConsentsDialog)
    assert "Sam" in consents.windowTitle()
