"""The runner is driven by keys: focus on the session, never in a field by accident; numbers beside
names; the ended-run summary and its Write notes; a second run of a meeting asked for and counted.

Each test presses keys (qtbot, offscreen) and then reads the run record from the database.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from facilitator.core.agenda_clock import AgendaClock, RunStatus, WrapUpRule
from facilitator.core.clock import FakeClock
from facilitator.core.curriculum import (
    AgendaItem,
    Curriculum,
    CurriculumSession,
    GroupType,
    ItemKind,
    Phase,
    Role,
    RolePlay,
)
from facilitator.core.library import Library
from facilitator.store.runs import RunStore
from facilitator.store.settings_service import ClinicSettings
from facilitator.ui import operations
from facilitator.ui.runner import RunnerLauncher, RunnerSettings, RunnerWindow
from facilitator.ui.runner.launcher import run_again_question
from facilitator.ui.runner.window import PlayerInput

SCRIPT = "Ask quietly who used this week; never in front of the group."
RP = RolePlay(
    scenario="A friend offers a ride to a party.",
    roles=(Role("Speaker", "Say it plainly."), Role("Listener", "Reflect back.")),
    phases=(Phase("Set-up", 1), Phase("Play", 3), Phase("Feedback", 2)),
    rounds=2,
    debrief=("What helped the listener?",),
)
SESSION = CurriculumSession(
    id="listening",
    title="Listening",
    minutes=180,
    objectives=("Listen.",),
    agenda=(
        AgendaItem("Check-in", ItemKind.CHECK_IN, 10, script=SCRIPT),
        AgendaItem("Speaking up", ItemKind.ROLE_PLAY, 12, role_play=RP),
        AgendaItem("Teaching", ItemKind.TEACHING, 20),
        AgendaItem("Check-out", ItemKind.CHECK_OUT, 15),
    ),
)
CURRICULUM = Curriculum(
    id="listening-skills",
    title="Listening Skills",
    group_type=GroupType.SKILLS,
    summary="s",
    session_minutes=180,
    sessions=(SESSION,),
)
NAMES = ("Sam", "Ana", "Lee")


class Silent:
    enabled = False

    def play(self, cue) -> None:  # type: ignore[no-untyped-def]
        pass


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 2, 23, 2, tzinfo=UTC))


@pytest.fixture
def supervisor(engine):  # type: ignore[no-untyped-def]
    from principals import make_account

    return make_account(engine, "sue")  # sees every group


@pytest.fixture
def store(engine, clock, supervisor) -> RunStore:  # type: ignore[no-untyped-def]
    return RunStore(engine, clock, workstation="group-room", principal=lambda: supervisor)


@pytest.fixture(autouse=True)
def runs_are_written_before_the_database_goes(store, qtbot):  # type: ignore[no-untyped-def]
    """Close every runner and let its save queue finish while the test's database still exists."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, RunnerWindow) and not widget.controller.closed:
            widget.close()
    operations.wait_idle()


@pytest.fixture
def meeting_id(engine, clock) -> int:  # type: ignore[no-untyped-def]
    """A real meeting of a real group, for runs of a meeting."""
    from roster_world import services

    from facilitator.core.attendance import Track, WeeklySchedule
    from facilitator.core.roster import GroupDraft

    roster, attendance, _settings, _work = services(engine, Library(), clock, zone="")
    group = roster.create_group(GroupDraft(
        name="Evening skills", group_type=GroupType.SKILLS, track=Track(("listening-skills",), True),
        schedule=WeeklySchedule((0,), time(18), 180), start_date=date(2026, 11, 2)))
    attendance.plan_meetings(group.id, date(2026, 11, 2))
    return attendance.meetings(group.id)[0].id


def open_runner(qtbot, store, clock, **kwargs) -> RunnerWindow:  # type: ignore[no-untyped-def]
    window = RunnerWindow(
        CURRICULUM,
        SESSION,
        AgendaClock(SESSION.agenda, clock, SESSION.minutes * 60),
        clock=clock,
        settings=RunnerSettings(WrapUpRule(), 120, False),
        store=store,
        chime=Silent(),  # type: ignore[arg-type]
        **kwargs,
    )
    window.ask_close = lambda: "keep"  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def press(qtbot, window: RunnerWindow, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """A key pressed wherever the focus is, as on a keyboard (in the active runner: a progress
    dialog that came and went offscreen leaves no window active, where a desktop gives it back)."""
    if QApplication.activeWindow() is not window and window.isVisible():
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.focusWidget() or window, key, modifier)


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not operations.busy())


def tick(window: RunnerWindow, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    window.controller.tick()


def plain(html: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html)
    return " ".join(doc.toPlainText().split())


def test_focus_starts_on_the_session_and_no_key_types_into_the_players(qtbot, store, clock) -> None:  # type: ignore[no-untyped-def]
    runner = open_runner(qtbot, store, clock, players=[PlayerInput(n) for n in NAMES])
    assert runner.focusWidget() is runner.session_pane
    press(qtbot, runner, Qt.Key.Key_Tab)  # Tab goes to the agenda, never into the players
    assert runner.focusWidget() is runner.agenda
    press(qtbot, runner, Qt.Key.Key_Escape)
    assert runner.focusWidget() is runner.session_pane
    press(qtbot, runner, Qt.Key.Key_Space)
    press(qtbot, runner, Qt.Key.Key_N)
    assert runner.players_edit.text() == "Sam, Ana, Lee"
    assert runner.item_title.text() == "Speaking up"
    settle(qtbot)
    record = store.load(runner.run_id)
    assert [p.label for p in record.players] == list(NAMES)
    assert [e.action for e in record.events] == ["create", "start", "next", "round"]


def test_esc_leaves_the_players_field_and_puts_back_what_it_said(qtbot, store, clock) -> None:  # type: ignore[no-untyped-def]
    runner = open_runner(qtbot, store, clock, players=[PlayerInput(n) for n in NAMES])
    qtbot.mouseClick(runner.players_edit, Qt.MouseButton.LeftButton)  # entered on purpose
    assert runner.players_edit.hasFocus()
    qtbot.keyClicks(runner.players_edit, ", Nina")  # in the field, letters are letters
    press(qtbot, runner, Qt.Key.Key_Escape)
    assert runner.focusWidget() is runner.session_pane
    assert runner.players_edit.text() == "Sam, Ana, Lee" and [p.label for p in runner.players] == list(NAMES)
    press(qtbot, runner, Qt.Key.Key_Space)  # a control again, not a space in the field
    assert runner.clock.status is RunStatus.RUNNING

    qtbot.keyClick(runner, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # Alt+P: the players, on purpose
    assert runner.players_edit.hasFocus()
    runner.players_edit.end(False)
    qtbot.keyClicks(runner.players_edit, ", Nina")
    qtbot.keyClick(runner.players_edit, Qt.Key.Key_Return)  # Enter keeps them and gives the keys back
    assert runner.focusWidget() is runner.session_pane
    assert [p.label for p in runner.players] == ["Sam", "Ana", "Lee", "Nina"]
    settle(qtbot)
    assert [p.label for p in store.load(runner.run_id).players] == ["Sam", "Ana", "Lee", "Nina"]


def test_a_click_on_a_check_box_does_not_keep_the_keys(qtbot, store, clock) -> None:  # type: ignore[no-untyped-def]
    runner = open_runner(qtbot, store, clock, players=[PlayerInput(n) for n in NAMES])
    qtbot.mouseClick(runner.first_names, Qt.MouseButton.LeftButton)
    assert runner.first_names.isChecked()
    press(qtbot, runner, Qt.Key.Key_Space)  # starts the session; it does not untick the box
    assert runner.first_names.isChecked() and runner.clock.status is RunStatus.RUNNING
    settle(qtbot)
    record = store.load(runner.run_id)
    assert record.show_first_names and record.summary.status is RunStatus.RUNNING


def test_numbers_on_the_room_display_stand_beside_the_names(qtbot, store, clock) -> None:  # type: ignore[no-untyped-def]
    runner = open_runner(qtbot, store, clock, players=[PlayerInput(n) for n in NAMES])
    assert plain(runner.player_numbers.text()) == "Numbers on the room display: 1 · Sam 2 · Ana 3 · Lee"
    press(qtbot, runner, Qt.Key.Key_Space)
    press(qtbot, runner, Qt.Key.Key_N)
    tick(runner, clock, 70)  # round 1, play
    roles = plain(runner.rp_roles.text())
    assert roles.startswith("This round: 1 · Sam — Speaker 3 · Lee — Listener Watching: 2 · Ana"), roles
    room = runner.room_view().roles
    assert room == ("Speaker: Player 1 · Listener: Player 3 · Watching: Player 2",)
    settle(qtbot)
    seats = [(r.role, r.player_label) for r in store.load(runner.run_id).roles if r.round == 1]
    assert seats == [("Speaker", "Sam"), ("Listener", "Lee"), (None, "Ana")]


def test_the_ended_run_says_what_ran_and_offers_the_notes(qtbot, store, clock, meeting_id) -> None:  # type: ignore[no-untyped-def]
    runner = open_runner(qtbot, store, clock, meeting_id=meeting_id, players=[PlayerInput(n) for n in NAMES])
    ended, notes = [], []
    runner.ended.connect(lambda run_id, meeting: ended.append((run_id, meeting)))
    runner.write_notes_requested.connect(notes.append)
    press(qtbot, runner, Qt.Key.Key_Space)
    tick(runner, clock, 90)
    press(qtbot, runner, Qt.Key.Key_N)
    tick(runner, clock, 30)
    press(qtbot, runner, Qt.Key.Key_S)  # the role play is skipped in its set-up
    tick(runner, clock, 14)
    runner._confirm = lambda *a: True  # type: ignore[method-assign]
    press(qtbot, runner, Qt.Key.Key_End)
    assert runner.clock.status is RunStatus.ENDED

    header = runner.session_clock.text() + " " + runner.balance.text()
    assert "left" not in header and "ahead" not in header and "behind" not in header
    assert runner.session_clock.text().startswith("Session ended after 2 min 14 s")
    assert runner.big_clock.text() == "0:02:14"  # h:mm:ss, never "2:14"
    assert "Ran 2:14" not in runner.item_meta.text() and "2 min 14 s" in runner.item_meta.text()
    summary = runner.script.toPlainText()
    assert "Check-in — 1 min 30 s (planned 10 min)" in summary
    assert "Speaking up — skipped after 30 s" in summary
    assert "Teaching — 14 s (planned 20 min)" in summary
    assert summary.index("Not reached") < summary.index("Check-out")
    assert [runner.agenda.item(r, 5).text() for r in range(4)] == ["Done", "Skipped", "Done", "Not reached"]

    assert runner.write_notes_button.isVisible()
    settle(qtbot)
    assert ended == [(runner.run_id, meeting_id)]  # once the end is in the record
    press(qtbot, runner, Qt.Key.Key_W)
    assert notes == [meeting_id]
    qtbot.mouseClick(runner.write_notes_button, Qt.MouseButton.LeftButton)
    assert notes == [meeting_id, meeting_id]
    record = store.load(runner.run_id)
    assert record.summary.status is RunStatus.ENDED
    assert record.snapshot.ended_at is not None and record.snapshot.started_at is not None
    assert (record.snapshot.ended_at - record.snapshot.started_at).total_seconds() == pytest.approx(134)


def test_a_library_run_has_no_notes_to_write(qtbot, store, clock) -> None:  # type: ignore[no-untyped-def]
    runner = open_runner(qtbot, store, clock)
    notes: list[int] = []
    runner.write_notes_requested.connect(notes.append)
    press(qtbot, runner, Qt.Key.Key_Space)
    runner._confirm = lambda *a: True  # type: ignore[method-assign]
    press(qtbot, runner, Qt.Key.Key_End)
    assert not runner.write_notes_button.isVisible()
    press(qtbot, runner, Qt.Key.Key_W)
    assert notes == []


def test_running_an_ended_meeting_again_asks_and_is_recorded_as_run_2(qtbot, store, clock, meeting_id, config) -> None:  # type: ignore[no-untyped-def]
    backend = SimpleNamespace(
        runs=store, library=Library(curricula=(CURRICULUM,)), config=config, settings=ClinicSettings(store._engine)
    )
    launcher = RunnerLauncher(backend, None, clock=clock)
    asked: list[tuple[object, int]] = []
    answer = [False]
    launcher.ask_run_again = lambda last, number: asked.append((last, number)) or answer[0]  # type: ignore[method-assign]
    ended: list[tuple[int, int]] = []
    launcher.ended.connect(lambda run_id, meeting: ended.append((run_id, meeting)))

    first = launcher.start_run(CURRICULUM, SESSION, meeting=meeting_id)
    assert first is not None and asked == []  # never run: no question
    first.ask_close = lambda: "keep"  # type: ignore[method-assign]
    qtbot.addWidget(first)
    first.controller.toggle()
    clock.advance(3 * 3600 - 7 * 60)
    first._confirm = lambda *a: True  # type: ignore[method-assign]
    first._on_end()
    settle(qtbot)
    assert ended == [(first.run_id, meeting_id)]
    first.close()

    assert launcher.start_run(CURRICULUM, SESSION, meeting=meeting_id) is None  # asked, and said no
    assert len(asked) == 1 and asked[0][1] == 2
    last = asked[0][0]
    question = run_again_question(last, 2, ZoneInfo("Asia/Kolkata"))
    start, end = (m.astimezone(ZoneInfo("Asia/Kolkata")).strftime("%H:%M")  # type: ignore[attr-defined]
                  for m in (last.started_at, last.ended_at))
    assert question.startswith(f"This meeting's session already ran from {start} to {end}. Run it again as a second run?")
    assert len(store.for_meeting(meeting_id)) == 1

    answer[0] = True
    second = launcher.start_run(CURRICULUM, SESSION, meeting=meeting_id)
    assert second is not None
    second.ask_close = lambda: "keep"  # type: ignore[method-assign]
    qtbot.addWidget(second)
    assert second.windowTitle().startswith("Run 2: Listening") and "run 2" in second.heading.text()
    second.controller.toggle()
    settle(qtbot)
    runs = store.for_meeting(meeting_id)
    assert [r.run_number for r in runs] == [1, 2]
    record = store.load(second.run_id)
    assert record.summary.run_number == 2
    assert record.events[0].action == "create" and record.events[0].detail["run"] == 2


def test_ending_a_left_behind_meeting_run_from_the_resume_offer_says_it_ended(qtbot, store, clock, meeting_id, config) -> None:  # type: ignore[no-untyped-def]
    runner = open_runner(qtbot, store, clock, meeting_id=meeting_id)
    press(qtbot, runner, Qt.Key.Key_Space)
    settle(qtbot)
    runner.controller.stop_ticking()  # the app is killed mid-item
    runner.controller.close()
    runner.hide()
    backend = SimpleNamespace(runs=store, library=Library(), config=config, settings=ClinicSettings(store._engine))
    launcher = RunnerLauncher(backend, None, clock=clock)
    launcher.ask_resume = lambda summary: "end"  # type: ignore[method-assign]
    ended: list[tuple[int, int]] = []
    launcher.ended.connect(lambda run_id, meeting: ended.append((run_id, meeting)))
    launcher.offer_resume()
    assert ended == [(runner.run_id, meeting_id)]
    assert store.load(runner.run_id).summary.status is RunStatus.ENDED
