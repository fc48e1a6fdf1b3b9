"""The session runner driven by keyboard, checked against what the run record holds."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.core.agenda_clock import AgendaClock, Cue, ItemStatus, RunStatus, TimerState, WrapUpRule
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
from facilitator.ui.runner import RunnerLauncher, RunnerSettings, RunnerWindow, parse_players
from facilitator.ui.runner import window as window_module

SCRIPT = "Ask who was offered a drink this week; note it privately."
RP = RolePlay(
    scenario="A cousin offers a beer at a cookout.",
    roles=(
        Role("Offerer", "Keep offering."),
        Role("Refuser", "Say no."),
        Role("Observer", "Watch.", ("Eye contact", "Clear no")),
    ),
    phases=(Phase("Set-up", 2), Phase("Play", 5), Phase("Feedback", 3)),
    rounds=3,
    debrief=("What made the no believable?",),
)
SESSION = CurriculumSession(
    id="saying-no",
    title="Saying No",
    minutes=90,
    objectives=("Say no.",),
    agenda=(
        AgendaItem("Check-in", ItemKind.CHECK_IN, 10, script=SCRIPT, prompts=("One word for your week?",)),
        AgendaItem("Why refusal is a skill", ItemKind.TEACHING, 20, display="Say no first."),
        AgendaItem("Break", ItemKind.BREAK, 10),
        AgendaItem("Refusal practice", ItemKind.ROLE_PLAY, 35, role_play=RP),
        AgendaItem("Check-out", ItemKind.CHECK_OUT, 15),
    ),
)
CURRICULUM = Curriculum(
    id="refusal",
    title="Refusal Skills",
    group_type=GroupType.SKILLS,
    summary="s",
    session_minutes=90,
    sessions=(SESSION,),
)
PLAYERS = "Maria, Dwayne, Kim, Lou"


class FakeChime:
    def __init__(self) -> None:
        self.enabled = True
        self.played: list[Cue] = []

    def play(self, cue: Cue) -> None:
        if self.enabled:
            self.played.append(cue)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(engine, clock: FakeClock) -> RunStore:  # type: ignore[no-untyped-def]
    from principals import make_account

    facilitator = make_account(engine, "fay", "facilitator", "Fay Lead")  # Library runs: anyone signed in
    return RunStore(engine, clock, workstation="group-room", principal=lambda: facilitator)


@pytest.fixture(autouse=True)
def runs_are_written_before_the_database_goes(store, qtbot):  # type: ignore[no-untyped-def]
    """Close every runner and let its save queue finish while the test's database still exists."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, RunnerWindow) and not widget.controller.closed:
            widget.close()
    operations.wait_idle()


def make_runner(
    qtbot, store: RunStore, clock: FakeClock, agenda_clock: AgendaClock | None = None, **kwargs
) -> RunnerWindow:  # type: ignore[no-untyped-def]
    agenda_clock = agenda_clock or AgendaClock(SESSION.agenda, clock, SESSION.minutes * 60)
    window = RunnerWindow(
        CURRICULUM,
        SESSION,
        agenda_clock,
        clock=clock,
        settings=RunnerSettings(WrapUpRule(), 120, True),
        store=store,
        chime=FakeChime(),  # type: ignore[arg-type]
        **kwargs,
    )
    window.ask_close = lambda: "keep"  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    return window


def activate(qtbot, window: RunnerWindow) -> None:  # type: ignore[no-untyped-def]
    """Window shortcuts need their window to be the active one, as it is for the facilitator."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


@pytest.fixture
def runner(qtbot, store: RunStore, clock: FakeClock) -> RunnerWindow:  # type: ignore[no-untyped-def]
    return make_runner(qtbot, store, clock)


def key(qtbot, window: RunnerWindow, k: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """A key pressed where the focus is, as on a keyboard, in the runner the facilitator is using.

    A progress dialog that came and went (a save slower than a second on a loaded machine) leaves
    no window active offscreen, where a desktop would give the runner its focus back.
    """
    if QApplication.activeWindow() is not window:
        activate(qtbot, window)
    qtbot.keyClick(window.focusWidget() or window, k, modifier)


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Let the run record's save queue reach the database (it writes off the GUI thread)."""
    qtbot.waitUntil(lambda: not operations.busy())


def tick(window: RunnerWindow, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    window._on_tick()


def actions(store: RunStore, run_id: int | None) -> list[str]:
    assert run_id is not None, "the run was not created"
    return [e.action for e in store.load(run_id).events]


def test_every_control_works_from_the_keyboard_and_is_saved_at_once(qtbot, runner: RunnerWindow, store, clock) -> None:  # type: ignore[no-untyped-def]
    assert runner.big_clock.text() == "10:00" and runner.state_label.text() == "Ready"
    key(qtbot, runner, Qt.Key.Key_Space)
    settle(qtbot)
    assert runner.run_id is not None
    settle(qtbot)
    assert store.load(runner.run_id).summary.status is RunStatus.RUNNING
    tick(runner, clock, 61)
    assert runner.big_clock.text() == "8:59"
    key(qtbot, runner, Qt.Key.Key_Space)  # pause
    settle(qtbot)
    assert store.load(runner.run_id).summary.status is RunStatus.PAUSED
    assert runner.state_label.text() == "Paused"
    key(qtbot, runner, Qt.Key.Key_Space)  # resume
    key(qtbot, runner, Qt.Key.Key_Plus)
    key(qtbot, runner, Qt.Key.Key_5)
    key(qtbot, runner, Qt.Key.Key_Minus)
    assert runner.big_clock.text() == "13:59"
    key(qtbot, runner, Qt.Key.Key_N)
    assert runner.item_title.text() == "Why refusal is a skill"
    key(qtbot, runner, Qt.Key.Key_P)
    assert runner.item_title.text() == "Check-in"
    key(qtbot, runner, Qt.Key.Key_PageDown)
    key(qtbot, runner, Qt.Key.Key_S)  # skip the teaching item
    assert runner.item_title.text() == "Break"
    runner._confirm = lambda *a: True  # type: ignore[method-assign]
    key(qtbot, runner, Qt.Key.Key_End)
    settle(qtbot)
    assert actions(store, runner.run_id) == [
        "create",
        "start",
        "pause",
        "resume",
        "adjust",
        "adjust",
        "adjust",
        "next",
        "previous",
        "next",
        "skip",
        "end",
    ]
    settle(qtbot)
    record = store.load(runner.run_id)
    assert record.summary.status is RunStatus.ENDED
    statuses = [i.status for i in record.snapshot.items]
    assert statuses[:3] == [ItemStatus.DONE, ItemStatus.SKIPPED, ItemStatus.DONE]
    assert record.snapshot.items[0].planned_seconds == 15 * 60
    assert record.snapshot.items[0].elapsed_seconds == pytest.approx(61)
    assert runner.item_title.text() == "Session ended"


def test_a_control_that_does_not_apply_says_why(qtbot, runner: RunnerWindow) -> None:  # type: ignore[no-untyped-def]
    key(qtbot, runner, Qt.Key.Key_Space)
    key(qtbot, runner, Qt.Key.Key_P)
    assert "first item" in runner.statusBar().currentMessage()


def test_colour_states_and_chimes(qtbot, runner: RunnerWindow, clock) -> None:  # type: ignore[no-untyped-def]
    key(qtbot, runner, Qt.Key.Key_Space)
    tick(runner, clock, 1)
    assert runner.state_label.text() == "On time"
    assert "#1b5e20" in runner.big_clock.styleSheet()
    tick(runner, clock, 8 * 60)
    assert runner.state_label.text() == "Wrap up" and "#9a5b00" in runner.big_clock.styleSheet()
    tick(runner, clock, 120 + 4)
    assert runner.big_clock.text() == "+0:05"
    assert runner.state_label.text().startswith("Overtime") and "#b71c1c" in runner.big_clock.styleSheet()
    assert runner.chime.played == [Cue.WRAP_UP, Cue.ZERO]
    assert runner.balance.text() == "On schedule"
    tick(runner, clock, 120)
    assert runner.balance.text() == "2 min behind"
    runner.actions["chime"].trigger()  # M turns the chime off
    assert runner.chime.enabled is False


def test_players_roles_and_the_room_display_never_show_names_by_default(
    qtbot, runner: RunnerWindow, store, clock
) -> None:  # type: ignore[no-untyped-def]
    runner.players_edit.setFocus()
    qtbot.keyClicks(runner.players_edit, PLAYERS)  # letters typed here are text, not shortcuts
    qtbot.keyClick(runner.players_edit, Qt.Key.Key_Return)
    assert [p.label for p in runner.players] == ["Maria", "Dwayne", "Kim", "Lou"]
    assert runner.clock.status is RunStatus.READY
    key(qtbot, runner, Qt.Key.Key_Space)
    for _ in range(3):
        key(qtbot, runner, Qt.Key.Key_N)
    assert runner.role_panel.isVisible()
    tick(runner, clock, 150)
    assert runner.rp_phase.text() == "Round 1 of 3 · Play"
    assert runner.rp_phase_clock.text() == "4:30"
    assert "Maria" in runner.rp_roles.text() and "Eye contact" in runner.rp_checklist.text()
    key(qtbot, runner, Qt.Key.Key_D)
    display = runner.display
    assert display is not None and display.isVisible()
    assert display.timer.text() == "32:30"
    assert display.roles.text() == "Offerer: Player 1 · Refuser: Player 3 · Observer: Player 4 · Watching: Player 2"
    shown = " ".join(label.text() for label in display.findChildren(type(display.timer)))
    assert not any(name in shown for name in ("Maria", "Dwayne", "Kim", "Lou"))
    assert SCRIPT not in shown and "Keep offering" not in shown
    runner.first_names.setChecked(True)
    assert display.roles.text().startswith("Offerer: Maria")
    key(qtbot, runner, Qt.Key.Key_R)  # next phase: feedback
    assert runner.rp_phase.text() == "Round 1 of 3 · Feedback"
    tick(runner, clock, 180 + 1)  # into round 2
    assert runner.rp_phase.text() == "Round 2 of 3 · Set-up"
    settle(qtbot)
    record = store.load(runner.run_id)
    assert [p.label for p in record.players] == ["Maria", "Dwayne", "Kim", "Lou"] and record.show_first_names
    rounds = sorted({(r.round) for r in record.roles})
    assert rounds == [1, 2]
    assert [(p.round, p.role) for p in record.role_parts(label="Maria")] == [(1, "Offerer")]
    settle(qtbot)
    assert "next_phase" in actions(store, runner.run_id)
    assert QApplication.activeWindow() is runner  # the display never keeps the keys
    key(qtbot, runner, Qt.Key.Key_D)
    assert not display.isVisible()


def test_debrief_follows_the_last_round(qtbot, runner: RunnerWindow, clock) -> None:  # type: ignore[no-untyped-def]
    key(qtbot, runner, Qt.Key.Key_Space)
    for _ in range(3):
        key(qtbot, runner, Qt.Key.Key_N)
    tick(runner, clock, 30 * 60 + 1)
    assert runner.rp_phase.text().startswith("Debrief")
    assert "Debrief now" in runner.rp_debrief.text()
    assert runner.room_view().lines == ("What made the no believable?",)
    assert not runner.actions["next_phase"].isEnabled()


def test_reorder_and_shorten_by_keyboard(qtbot, runner: RunnerWindow, store, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    runner.agenda.selectRow(1)
    key(qtbot, runner, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [runner.agenda.item(r, 1).text() for r in range(3)] == ["Check-in", "Break", "Why refusal is a skill"]
    monkeypatch.setattr(window_module.QInputDialog, "getInt", lambda *a, **k: (15, True))
    key(qtbot, runner, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert runner.agenda.item(2, 3).text() == "15 min (was 20)"
    assert runner.balance.text() == "5 min under the slot"
    key(qtbot, runner, Qt.Key.Key_L)  # leave it out
    assert runner.agenda.item(2, 5).text() == "Left out"
    key(qtbot, runner, Qt.Key.Key_L)  # and put it back
    assert runner.agenda.item(2, 5).text() == ""
    settle(qtbot)
    record = store.load(runner.run_id)
    assert [i.title for i in record.snapshot.items][:3] == ["Check-in", "Break", "Why refusal is a skill"]
    assert record.snapshot.items[2].planned_seconds == 900
    settle(qtbot)
    assert actions(store, runner.run_id) == ["create", "move", "set_planned", "leave_out", "put_back"]


def test_finish_on_time_applies_only_when_approved(qtbot, runner: RunnerWindow, store, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    key(qtbot, runner, Qt.Key.Key_Space)
    tick(runner, clock, 20 * 60)  # ten minutes over on the check-in
    key(qtbot, runner, Qt.Key.Key_N)
    monkeypatch.setattr(window_module.FinishOnTimeDialog, "exec", lambda self: 0)
    key(qtbot, runner, Qt.Key.Key_F)
    settle(qtbot)
    assert store.load(runner.run_id).snapshot.items[3].planned_seconds == 35 * 60
    monkeypatch.setattr(window_module.FinishOnTimeDialog, "exec", lambda self: 1)
    key(qtbot, runner, Qt.Key.Key_F)
    settle(qtbot)
    items = store.load(runner.run_id).snapshot.items
    assert items[3].planned_seconds == 25 * 60  # the role play gives the ten minutes
    assert items[2].planned_seconds == 10 * 60 and items[4].planned_seconds == 15 * 60  # break and check-out kept
    assert runner.balance.text() == "On schedule"
    settle(qtbot)
    assert actions(store, runner.run_id)[-1] == "finish_on_time"


def test_abandoned_run_is_offered_and_resumed_from_the_store(qtbot, store, clock, config) -> None:  # type: ignore[no-untyped-def]
    first = make_runner(qtbot, store, clock, players=[window_module.PlayerInput("Ana")])
    key(qtbot, first, Qt.Key.Key_Space)
    tick(first, clock, 5 * 60)
    key(qtbot, first, Qt.Key.Key_N)
    tick(first, clock, 90)
    key(qtbot, first, Qt.Key.Key_Plus)
    settle(qtbot)
    run_id = first.run_id
    settle(qtbot)
    first.controller.stop_ticking()  # the app is killed mid-item: nothing more is written
    first.hide()
    clock.advance(4 * 60)  # four minutes later it is opened again

    backend = SimpleNamespace(
        runs=store,
        library=Library(curricula=(CURRICULUM,)),
        config=config,
        settings=ClinicSettings(store._engine),
    )
    launcher = RunnerLauncher(backend, None, clock=clock)
    asked = []
    launcher.ask_resume = lambda summary: asked.append(summary) or "resume"  # type: ignore[method-assign]
    launcher.offer_resume()
    assert [s.id for s in asked] == [run_id]
    assert asked[0].current_title == "Why refusal is a skill"
    resumed = launcher.window
    assert resumed is not None and resumed.run_id == run_id
    resumed.ask_close = lambda: "keep"  # type: ignore[method-assign]
    qtbot.addWidget(resumed)
    view = resumed.clock.view()
    assert view.status is RunStatus.RUNNING
    assert view.current is not None and view.current.elapsed_seconds == pytest.approx(90 + 240)
    assert view.current.planned_seconds == 21 * 60
    assert view.session_elapsed == pytest.approx(300 + 90 + 240)
    assert resumed.big_clock.text() == "15:30"
    assert [p.label for p in resumed.players] == ["Ana"]
    activate(qtbot, resumed)
    key(qtbot, resumed, Qt.Key.Key_N)
    settle(qtbot)
    record = store.load(run_id)
    assert record.snapshot.items[1].elapsed_seconds == pytest.approx(330)
    settle(qtbot)
    assert actions(store, run_id)[-1] == "next"


def test_ending_a_left_behind_run_from_the_offer(qtbot, store, clock, config) -> None:  # type: ignore[no-untyped-def]
    first = make_runner(qtbot, store, clock)
    key(qtbot, first, Qt.Key.Key_Space)
    settle(qtbot)
    first.controller.stop_ticking()
    first.hide()
    backend = SimpleNamespace(runs=store, library=Library(), config=config, settings=ClinicSettings(store._engine))
    launcher = RunnerLauncher(backend, None, clock=clock)
    launcher.ask_resume = lambda summary: "end"  # type: ignore[method-assign]
    ended: list[tuple[int, int]] = []
    launcher.ended.connect(lambda run_id, meeting_id: ended.append((run_id, meeting_id)))
    launcher.offer_resume()
    assert launcher.window is None
    assert ended == []  # a Library run: no meeting to tell about
    settle(qtbot)
    assert store.load(first.run_id).summary.status is RunStatus.ENDED


def test_a_resumed_run_whose_curriculum_is_gone_still_runs(qtbot, store, clock, config) -> None:  # type: ignore[no-untyped-def]
    first = make_runner(qtbot, store, clock)
    key(qtbot, first, Qt.Key.Key_Space)
    settle(qtbot)
    first.controller.stop_ticking()
    first.hide()
    backend = SimpleNamespace(runs=store, library=Library(), config=config, settings=ClinicSettings(store._engine))
    launcher = RunnerLauncher(backend, None, clock=clock)
    window = launcher.resume_run(first.run_id)
    assert window is not None
    window.ask_close = lambda: "keep"  # type: ignore[method-assign]
    qtbot.addWidget(window)
    assert window.item_title.text() == "Check-in"
    assert "no longer loaded" in window.notice.text() and window.notice.isVisibleTo(window)


def test_closing_an_unstarted_runner_leaves_no_record(qtbot, runner: RunnerWindow, store) -> None:  # type: ignore[no-untyped-def]
    runner.agenda.selectRow(1)
    key(qtbot, runner, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    settle(qtbot)
    assert store.unfinished()
    runner.close()
    settle(qtbot)
    assert store.unfinished() == []


def test_every_control_has_an_accessible_name_and_a_shortcut(runner: RunnerWindow) -> None:
    for name, action in runner.actions.items():
        assert action.shortcuts(), name
        assert action.toolTip(), name
    from PySide6.QtWidgets import QToolButton

    for button in runner.findChildren(QToolButton):
        if button.defaultAction() is not None:
            assert button.accessibleName(), button.text()


def test_parse_players() -> None:
    assert parse_players(" Ana, ben ;\nC.J.,, Ana ") == ["Ana", "ben", "C.J.", "Ana 2"]


def test_the_library_button_opens_the_runner(qtbot, main_window, backend) -> None:  # type: ignore[no-untyped-def]
    page = main_window.library_page
    button = next(b for b in page.findChildren(type(page.change_folder)) if b.accessibleName() == "Run this session")
    curriculum = backend.library.get("skills-core")
    page.open(curriculum.id, None)
    assert not button.isEnabled()
    page.open(curriculum.id, curriculum.sessions[0].id)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    runner = main_window.runner.window
    assert runner is not None
    runner.ask_close = lambda: "keep"  # type: ignore[method-assign]
    qtbot.addWidget(runner)
    assert runner.session.id == curriculum.sessions[0].id
    assert runner.big_clock.text() == f"{curriculum.sessions[0].agenda[0].minutes}:00"
    assert QApplication.activeWindow() in (runner, None, main_window)
    assert runner.state_label.text() == "Ready" and TimerState.RUNNING.label == "On time"


def test_the_runner_drops_control_characters_from_typed_players() -> None:
    from facilitator.ui.runner.controller import parse_players

    assert parse_players("Maria\x00, D\x1bK\n, Lou") == ["Maria", "DK", "Lou"]
