"""The agenda clock with a fake clock: every control, colour state, cue and restart."""

from __future__ import annotations

import pytest

from facilitator.core.agenda_clock import (
    AgendaClock,
    ClockError,
    Cue,
    ItemStatus,
    RunStatus,
    TimerState,
    WrapUpRule,
    format_balance,
    format_clock,
    role_play_position,
    shown_whole_seconds,
)
from facilitator.core.clock import FakeClock
from facilitator.core.curriculum import AgendaItem, ItemKind, Phase, Role, RolePlay

ROLE_PLAY = RolePlay(
    scenario="An old friend offers a drink.",
    roles=(Role("Offerer", "Offer."), Role("Refuser", "Refuse."), Role("Observer", "Watch.", ("Eye contact",))),
    phases=(Phase("Set-up", 2), Phase("Play", 5), Phase("Debrief", 3)),
    rounds=3,
    debrief=("What worked?",),
)


def agenda() -> tuple[AgendaItem, ...]:
    return (
        AgendaItem("Check-in", ItemKind.CHECK_IN, 10, script="Say hello.", prompts=("One word?",)),
        AgendaItem("Teaching", ItemKind.TEACHING, 20),
        AgendaItem("Break", ItemKind.BREAK, 10),
        AgendaItem("Practice", ItemKind.ROLE_PLAY, 35, role_play=ROLE_PLAY),
        AgendaItem("Check-out", ItemKind.CHECK_OUT, 15),
    )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def run(clock: FakeClock) -> AgendaClock:
    return AgendaClock(agenda(), clock)


def test_ready_shows_the_whole_plan(run: AgendaClock) -> None:
    view = run.view()
    assert view.status is RunStatus.READY
    assert view.current is None
    assert view.slot_seconds == 90 * 60
    assert view.session_elapsed == 0
    assert view.projected_seconds == 90 * 60
    assert view.balance_seconds == 0
    assert view.next_change is None
    assert [r.status for r in view.items] == [ItemStatus.PENDING] * 5


def test_start_runs_the_first_item_and_counts_down(run: AgendaClock, clock: FakeClock) -> None:
    event = run.start()
    assert event.action == "start" and event.position == 0 and event.at == clock.now()
    clock.advance(61.5)
    cur = run.view().current
    assert cur is not None and cur.title == "Check-in"
    assert cur.elapsed_seconds == pytest.approx(61.5)
    assert cur.remaining_seconds == pytest.approx(600 - 61.5)
    assert cur.state is TimerState.RUNNING
    assert format_clock(cur.remaining_seconds) == "8:59"
    assert run.view().items[0].first_started_at == event.at


def test_start_twice_is_refused(run: AgendaClock) -> None:
    run.start()
    with pytest.raises(ClockError, match="already started"):
        run.start()


def test_controls_before_start_are_refused(run: AgendaClock) -> None:
    for control in (run.pause, run.resume, run.next, run.previous, run.skip, run.end, run.next_phase):
        with pytest.raises(ClockError):
            control()
    with pytest.raises(ClockError):
        run.adjust(60)


def test_pause_freezes_the_item_but_not_the_session(run: AgendaClock, clock: FakeClock) -> None:
    run.start()
    clock.advance(100)
    run.pause()
    clock.advance(300)
    view = run.view()
    assert view.status is RunStatus.PAUSED and view.paused
    assert view.current is not None and view.current.elapsed_seconds == pytest.approx(100)
    assert view.session_elapsed == pytest.approx(400)
    # The paused 300 s put the session 5 minutes behind its slot.
    assert view.balance_seconds == pytest.approx(300)
    run.resume()
    clock.advance(20)
    assert run.view().current.elapsed_seconds == pytest.approx(120)  # type: ignore[union-attr]


def test_toggle_starts_pauses_and_resumes(run: AgendaClock) -> None:
    assert run.toggle().action == "start"
    assert run.toggle().action == "pause"
    assert run.toggle().action == "resume"
    run.end()
    with pytest.raises(ClockError):
        run.toggle()


def test_next_records_actual_time_and_moves_on(run: AgendaClock, clock: FakeClock) -> None:
    run.start()
    clock.advance(8 * 60)
    event = run.next()
    assert event.action == "next" and event.seconds == pytest.approx(480) and event.detail["to_position"] == 1
    view = run.view()
    assert view.items[0].status is ItemStatus.DONE
    assert view.items[0].elapsed_seconds == pytest.approx(480)
    assert view.items[0].last_ended_at == clock.now()
    assert view.current is not None and view.current.position == 1 and view.current.elapsed_seconds == 0
    # Two minutes early on a 10-minute item: two minutes ahead.
    assert view.balance_seconds == pytest.approx(-120)
    assert format_balance(view.balance_seconds) == "2 min ahead"


def test_next_while_paused_stays_paused(run: AgendaClock, clock: FakeClock) -> None:
    run.start()
    clock.advance(30)
    run.pause()
    run.next()
    clock.advance(50)
    view = run.view()
    assert view.status is RunStatus.PAUSED
    assert view.current is not None and view.current.elapsed_seconds == 0


def test_next_at_the_last_item_is_refused(run: AgendaClock) -> None:
    run.start()
    for _ in range(4):
        run.next()
    with pytest.raises(ClockError, match="last item"):
        run.next()


def test_previous_goes_back_and_time_carries_on(run: AgendaClock, clock: FakeClock) -> None:
    run.start()
    clock.advance(300)
    run.next()
    clock.advance(10)
    event = run.previous()
    assert event.action == "previous" and event.detail["to_position"] == 0
    clock.advance(60)
    view = run.view()
    assert view.current is not None and view.current.position == 0
    assert view.current.elapsed_seconds == pytest.approx(360)
    assert view.items[1].status is ItemStatus.PENDING
    assert view.items[1].elapsed_seconds == pytest.approx(10)
    run.next()
    clock.advance(5)
    assert run.view().current.elapsed_seconds == pytest.approx(15)  # type: ignore[union-attr]


def test_previous_at_the_first_item_is_refused(run: AgendaClock) -> None:
    run.start()
    with pytest.raises(ClockError, match="first item"):
        run.previous()


def test_adjust_adds_and_takes_away_minutes(run: AgendaClock, clock: FakeClock) -> None:
    run.start()
    clock.advance(60)
    assert run.adjust(60).seconds == 60
    assert run.adjust(300).detail["planned"] == 960
    assert run.adjust(-60).seconds == -60
    cur = run.view().current
    assert cur is not None and cur.planned_seconds == 900
    assert cur.remaining_seconds == pytest.approx(840)
    assert run.view().items[0].original_seconds == 600
    # Never below zero: taking away more than there is stops at 0 (straight into overtime).
    for _ in range(20):
        run.adjust(-60)
    cur = run.view().current
    assert cur is not None and cur.planned_seconds == 0 and cur.state is TimerState.OVERTIME


def test_skip_leaves_the_item_out_and_keeps_its_time(run: AgendaClock, clock: FakeClock) -> None:
    run.start()
    run.next()
    clock.advance(45)
    event = run.skip()
    assert event.action == "skip" and event.position == 1
    view = run.view()
    assert view.items[1].status is ItemStatus.SKIPPED
    assert view.items[1].elapsed_seconds == pytest.approx(45)
    assert view.current is not None and view.current.title == "Break"


def test_end_stops_everything(run: AgendaClock, clock: FakeClock) -> None:
    run.start()
    clock.advance(200)
    event = run.end()
    assert event.action == "end" and event.seconds == pytest.approx(200)
    clock.advance(1000)
    view = run.view()
    assert view.status is RunStatus.ENDED
    assert view.current is None
    assert view.session_elapsed == pytest.approx(200)
    assert view.items[0].status is ItemStatus.DONE and view.items[0].elapsed_seconds == pytest.approx(200)
    assert view.items[1].status is ItemStatus.PENDING
    assert view.next_change is None
    with pytest.raises(ClockError):
        run.end()


@pytest.mark.parametrize(
    ("minutes", "wrap_at"),
    [
        (10, 120),  # 20% of 10 min is 2 min: the two agree
        (5, 60),  # 20% of 5 min (1 min) is shorter than 2 min
        (30, 120),  # 2 min is shorter than 20% of 30 min (6 min)
    ],
)
def test_colour_states_wrap_up_then_overtime(minutes: int, wrap_at: int) -> None:
    clock = FakeClock()
    run = AgendaClock([AgendaItem("Only", ItemKind.DISCUSSION, minutes)], clock)
    run.start()
    total = minutes * 60
    clock.advance(total - wrap_at - 0.5)
    assert run.view().current.state is TimerState.RUNNING  # type: ignore[union-attr]
    clock.advance(0.5)
    assert run.view().current.state is TimerState.WRAP_UP  # type: ignore[union-attr]
    clock.advance(wrap_at - 0.25)
    assert run.view().current.state is TimerState.WRAP_UP  # type: ignore[union-attr]
    assert format_clock(run.view().current.remaining_seconds) == "0:01"  # type: ignore[union-attr]
    clock.advance(0.25)
    cur = run.view().current
    assert cur is not None and cur.state is TimerState.OVERTIME and format_clock(cur.remaining_seconds) == "+0:00"
    clock.advance(75.9)
    assert format_clock(run.view().current.remaining_seconds) == "+1:15"  # type: ignore[union-attr]


def test_wrap_up_rule_is_configurable() -> None:
    rule = WrapUpRule(fraction=0.5, max_seconds=600)
    assert rule.window(600) == 300
    assert rule.state(600, 299) is TimerState.RUNNING
    assert rule.state(600, 300) is TimerState.WRAP_UP
    assert rule.state(600, 600) is TimerState.OVERTIME
    assert WrapUpRule(fraction=0.2, max_seconds=60).window(3600) == 60


def test_extending_in_overtime_returns_to_running(run: AgendaClock, clock: FakeClock) -> None:
    run.start()
    clock.advance(610)
    assert run.view().current.state is TimerState.OVERTIME  # type: ignore[union-attr]
    run.adjust(300)
    assert run.view().current.state is TimerState.RUNNING  # type: ignore[union-attr]


def test_session_remaining_and_projection_in_overtime(run: AgendaClock, clock: FakeClock) -> None:
    run.start()
    clock.advance(13 * 60)  # 3 minutes over the 10-minute check-in
    view = run.view()
    assert view.session_remaining == pytest.approx(77 * 60)
    assert view.balance_seconds == pytest.approx(180)
    assert format_balance(view.balance_seconds) == "3 min behind"
    assert format_balance(10) == "On schedule"


def test_cues_fire_once_at_wrap_up_and_zero(run: AgendaClock, clock: FakeClock) -> None:
    run.start()
    assert run.poll_cues() == []
    clock.advance(479)
    assert run.poll_cues() == []
    clock.advance(2)
    assert run.poll_cues() == [Cue.WRAP_UP]
    assert run.poll_cues() == []
    clock.advance(120)
    assert run.poll_cues() == [Cue.ZERO]
    clock.advance(30)
    assert run.poll_cues() == []
    # Entering an item that starts in overtime does not chime by itself.
    run.next()
    run.adjust(-20 * 60)
    assert run.poll_cues() == []


def test_cues_mark_role_play_phase_changes(clock: FakeClock) -> None:
    run = AgendaClock([AgendaItem("Practice", ItemKind.ROLE_PLAY, 35, role_play=ROLE_PLAY)], clock)
    run.start()
    run.poll_cues()
    clock.advance(121)
    assert run.poll_cues() == [Cue.PHASE]
    clock.advance(60)
    assert run.poll_cues() == []


def test_role_play_round_phase_and_debrief(clock: FakeClock) -> None:
    run = AgendaClock([AgendaItem("Practice", ItemKind.ROLE_PLAY, 35, role_play=ROLE_PLAY)], clock)
    run.start()
    rp = run.view().current.role_play  # type: ignore[union-attr]
    assert rp is not None and (rp.round, rp.phase_name, rp.phase_remaining) == (1, "Set-up", 120)
    clock.advance(2 * 60 + 30)
    rp = run.view().current.role_play  # type: ignore[union-attr]
    assert (rp.round, rp.phase_index, rp.phase_name) == (1, 1, "Play")
    assert rp.phase_remaining == pytest.approx(270)
    clock.advance(10 * 60)  # into round 2
    rp = run.view().current.role_play  # type: ignore[union-attr]
    assert (rp.round, rp.phase_name) == (2, "Play")
    clock.advance(20 * 60)  # past 3 rounds of 10 minutes
    rp = run.view().current.role_play  # type: ignore[union-attr]
    assert rp.in_debrief and rp.round == 3 and rp.phase_name == "Debrief"


def test_next_phase_jumps_and_is_recorded(clock: FakeClock) -> None:
    run = AgendaClock([AgendaItem("Practice", ItemKind.ROLE_PLAY, 35, role_play=ROLE_PLAY)], clock)
    run.start()
    clock.advance(30)
    event = run.next_phase()
    assert event.action == "next_phase" and event.seconds == pytest.approx(90)
    assert event.detail == {"round": 1, "phase": "Play", "debrief": False}
    rp = run.view().current.role_play  # type: ignore[union-attr]
    assert rp.phase_name == "Play" and rp.phase_remaining == pytest.approx(300)
    # The item's own countdown is not moved by the jump.
    assert run.view().current.elapsed_seconds == pytest.approx(30)  # type: ignore[union-attr]
    for _ in range(8):
        run.next_phase()
    assert run.view().current.role_play.in_debrief  # type: ignore[union-attr]
    with pytest.raises(ClockError, match="debrief"):
        run.next_phase()


def test_next_phase_needs_a_role_play(run: AgendaClock) -> None:
    run.start()
    with pytest.raises(ClockError, match="not a role play"):
        run.next_phase()


def test_role_play_position_edges() -> None:
    assert role_play_position(ROLE_PLAY, 0).phase_name == "Set-up"
    assert role_play_position(ROLE_PLAY, 599.999).round == 1
    assert role_play_position(ROLE_PLAY, 600).round == 2
    assert role_play_position(ROLE_PLAY, 1800).in_debrief


def test_move_reorders_items_still_to_come(run: AgendaClock) -> None:
    run.move(1, 3)
    assert [r.title for r in run.view().items] == ["Check-in", "Break", "Practice", "Teaching", "Check-out"]
    run.start()
    with pytest.raises(ClockError, match="still to come"):
        run.move(0, 2)
    with pytest.raises(ClockError, match="still to come"):
        run.move(2, 0)
    event = run.move(4, 1)
    assert event.action == "move" and event.detail == {"origin": 4}
    assert [r.title for r in run.view().items][:2] == ["Check-in", "Check-out"]
    with pytest.raises(ClockError, match="no item"):
        run.move(1, 9)


def test_set_planned_shortens_or_lengthens(run: AgendaClock) -> None:
    run.start()
    event = run.set_planned(1, 15 * 60)
    assert event.seconds == -300
    assert run.view().items[1].planned_seconds == 900
    assert run.view().balance_seconds == pytest.approx(-300)
    run.set_planned(0, 12 * 60)  # the current item may change too
    assert run.view().current.planned_seconds == 720  # type: ignore[union-attr]
    with pytest.raises(ClockError, match="at least one minute"):
        run.set_planned(1, 30)
    run.next()
    with pytest.raises(ClockError, match="over"):
        run.set_planned(0, 600)


def test_leave_out_and_put_back(run: AgendaClock, clock: FakeClock) -> None:
    run.set_left_out(1, True)
    assert run.view().projected_seconds == 70 * 60
    run.start()
    run.next()
    assert run.view().current.title == "Break"  # type: ignore[union-attr]
    with pytest.raises(ClockError, match="Skip"):
        run.set_left_out(2, True)
    with pytest.raises(ClockError, match="cannot be put back"):
        run.set_left_out(1, False)  # it is behind us now
    run.set_left_out(4, True)
    run.set_left_out(4, False)
    assert run.view().items[4].status is ItemStatus.PENDING


def test_starting_with_every_item_left_out_is_refused(clock: FakeClock) -> None:
    run = AgendaClock([AgendaItem("One", ItemKind.TEACHING, 5)], clock)
    run.set_left_out(0, True)
    with pytest.raises(ClockError, match="left out"):
        run.start()


# -- finish on time ---------------------------------------------------------------------


def test_no_proposal_when_on_time(run: AgendaClock, clock: FakeClock) -> None:
    run.start()
    clock.advance(300)
    assert run.propose_finish_on_time() is None


def test_finish_on_time_shortens_proportionally_keeping_break_and_check_out(run: AgendaClock, clock: FakeClock) -> None:
    run.start()
    clock.advance(19 * 60)  # 9 minutes over on the check-in
    run.next()
    proposal = run.propose_finish_on_time(minimum_seconds=120)
    assert proposal is not None
    assert proposal.behind_seconds == pytest.approx(9 * 60)
    # Only teaching (20) and the role play (35) may shrink; breaks and check-outs stay whole.
    changed = {c.title: (c.old_seconds // 60, c.new_seconds // 60) for c in proposal.changes}
    # Teaching is the current item, so it is not shortened: all 9 minutes come from Practice.
    assert changed == {"Practice": (35, 26)}
    assert proposal.saves_seconds == 9 * 60 and proposal.still_over_seconds == 0
    # Nothing changes until approved.
    assert run.view().items[3].planned_seconds == 35 * 60
    event = run.apply_proposal(proposal)
    assert event.action == "finish_on_time" and event.seconds == -540
    assert run.view().items[3].planned_seconds == 26 * 60
    assert run.view().balance_seconds == pytest.approx(0)


def test_finish_on_time_splits_in_proportion(clock: FakeClock) -> None:
    items = [
        AgendaItem("Check-in", ItemKind.CHECK_IN, 10),
        AgendaItem("A", ItemKind.TEACHING, 30),
        AgendaItem("B", ItemKind.DISCUSSION, 15),
        AgendaItem("Break", ItemKind.BREAK, 10),
        AgendaItem("C", ItemKind.EXERCISE, 15),
        AgendaItem("Check-out", ItemKind.CHECK_OUT, 10),
    ]
    run = AgendaClock(items, clock)
    run.start()
    clock.advance(22 * 60)  # 12 minutes over
    proposal = run.propose_finish_on_time(minimum_seconds=180)
    assert proposal is not None
    new = {c.title: c.new_seconds // 60 for c in proposal.changes}
    # 60 shrinkable minutes lose 12: each keeps 80% (30->24, 15->12, 15->12).
    assert new == {"A": 24, "B": 12, "C": 12}
    assert all(c.new_seconds % 60 == 0 for c in proposal.changes)


def test_finish_on_time_never_goes_below_the_minimum(clock: FakeClock) -> None:
    items = [
        AgendaItem("Check-in", ItemKind.CHECK_IN, 10),
        AgendaItem("Short", ItemKind.TEACHING, 4),
        AgendaItem("Long", ItemKind.DISCUSSION, 20),
        AgendaItem("Check-out", ItemKind.CHECK_OUT, 10),
    ]
    run = AgendaClock(items, clock)
    run.start()
    clock.advance(40 * 60)  # 30 minutes over: more than can be found
    proposal = run.propose_finish_on_time(minimum_seconds=300)
    assert proposal is not None
    assert {c.title: c.new_seconds for c in proposal.changes} == {"Long": 300}
    assert proposal.saves_seconds == 15 * 60
    assert proposal.still_over_seconds == pytest.approx(15 * 60)


def test_stale_proposal_is_refused(run: AgendaClock, clock: FakeClock) -> None:
    run.start()
    clock.advance(20 * 60)
    proposal = run.propose_finish_on_time()
    assert proposal is not None and proposal.changes
    run.set_planned(proposal.changes[0].position, 25 * 60)
    with pytest.raises(ClockError, match="changed"):
        run.apply_proposal(proposal)


# -- display helpers ----------------------------------------------------------------------


def test_format_clock() -> None:
    assert format_clock(600) == "10:00"
    assert format_clock(599.2) == "10:00"
    assert format_clock(0.01) == "0:01"
    assert format_clock(0) == "+0:00"
    assert format_clock(-61) == "+1:01"
    assert format_clock(3725, countdown=True) == "1:02:05"
    assert format_clock(59.9, countdown=False) == "0:59"
    assert shown_whole_seconds(4.2) == 5
    assert shown_whole_seconds(-4.2) == -4


def test_next_change_points_at_the_next_whole_second(run: AgendaClock, clock: FakeClock) -> None:
    run.start()
    clock.advance(0.3)
    assert run.view().next_change == pytest.approx(0.7)
    run.pause()
    clock.advance(0.5)
    # Paused: only the session clock moves, and it is 0.8 s in.
    assert run.view().next_change == pytest.approx(0.2)


def test_shown_time_comes_from_elapsed_time_not_polls(run: AgendaClock, clock: FakeClock) -> None:
    """However rarely anyone looks, the reading is exact: there is no tick to miss."""
    run.start()
    clock.advance(0.001)
    run.view()
    clock.advance(333.333)
    assert run.view().current.elapsed_seconds == pytest.approx(333.334)  # type: ignore[union-attr]


# -- restart ------------------------------------------------------------------------------


def test_restore_running_counts_the_time_the_app_was_closed(run: AgendaClock, clock: FakeClock) -> None:
    run.start()
    clock.advance(120)
    run.next()
    clock.advance(90)
    run.adjust(60)
    snap = run.snapshot()
    del run
    clock.advance(45)  # the app was gone for 45 s; a new process has another monotonic origin
    other = FakeClock(start=clock.now(), monotonic_start=5.0)
    restored = AgendaClock.restore(snap, agenda(), other)
    view = restored.view()
    assert view.status is RunStatus.RUNNING
    assert view.current is not None and view.current.position == 1
    assert view.current.elapsed_seconds == pytest.approx(135)
    assert view.current.planned_seconds == 21 * 60
    assert view.session_elapsed == pytest.approx(255)
    other.advance(10)
    assert restored.view().current.elapsed_seconds == pytest.approx(145)  # type: ignore[union-attr]
    restored.next()
    assert restored.view().items[1].elapsed_seconds == pytest.approx(145)


def test_restore_paused_keeps_the_item_frozen(run: AgendaClock, clock: FakeClock) -> None:
    run.start()
    clock.advance(100)
    run.pause()
    snap = run.snapshot()
    clock.advance(600)
    restored = AgendaClock.restore(snap, agenda(), clock)
    view = restored.view()
    assert view.status is RunStatus.PAUSED
    assert view.current.elapsed_seconds == pytest.approx(100)  # type: ignore[union-attr]
    assert view.session_elapsed == pytest.approx(700)


def test_restore_keeps_role_play_details_and_phase_jumps(clock: FakeClock) -> None:
    run = AgendaClock(agenda(), clock)
    run.start()
    for _ in range(3):
        run.next()
    run.next_phase()
    snap = run.snapshot()
    restored = AgendaClock.restore(snap, agenda(), clock)
    rp = restored.view().current.role_play  # type: ignore[union-attr]
    assert rp is not None and rp.phase_name == "Play"


def test_restore_survives_a_changed_curriculum(run: AgendaClock, clock: FakeClock) -> None:
    run.start()
    snap = run.snapshot()
    restored = AgendaClock.restore(snap, agenda()[:1], clock)
    assert [r.title for r in restored.view().items] == [a.title for a in agenda()]
    assert restored.view().items[3].kind is ItemKind.ROLE_PLAY


def test_lengths_read_as_lengths_never_as_hours() -> None:
    from facilitator.core.agenda_clock import format_duration, format_hms

    assert format_duration(134.9) == "2 min 14 s"
    assert format_duration(45) == "45 s"
    assert format_duration(120) == "2 min"
    assert format_duration(3 * 3600 + 5 * 60 + 9) == "3 h 05 min"
    assert format_hms(134) == "0:02:14" and format_hms(10_666) == "2:57:46"


def test_the_summary_of_a_run_names_what_ran_what_was_skipped_and_what_was_not_reached() -> None:
    from facilitator.core.agenda_clock import summarize_run

    clock = FakeClock()
    agenda = (
        AgendaItem("Check-in", ItemKind.CHECK_IN, 10),
        AgendaItem("Teaching", ItemKind.TEACHING, 20),
        AgendaItem("Practice", ItemKind.DISCUSSION, 20),
        AgendaItem("Break", ItemKind.BREAK, 10),
        AgendaItem("Check-out", ItemKind.CHECK_OUT, 10),
    )
    run = AgendaClock(agenda, clock)
    run.set_left_out(3, True)
    run.start()
    clock.advance(90)
    run.next()
    clock.advance(30)
    run.skip()
    clock.advance(14)
    run.end()
    summary = summarize_run(run.view())
    assert [(i.title, i.outcome) for i in summary.items] == [
        ("Check-in", "ran"),
        ("Teaching", "skipped"),
        ("Practice", "ran"),
        ("Break", "left out"),
        ("Check-out", "not reached"),
    ]
    assert [round(i.elapsed_seconds) for i in summary.with_outcome("ran")] == [90, 14]
    assert summary.session_seconds == pytest.approx(134)


def test_the_balance_is_a_sentence_in_either_language() -> None:
    """The runner shows the balance in the UI's language; before the start it speaks of the slot."""
    from facilitator.core.catalogue import say_in

    assert format_balance(10) == "On schedule" and say_in("es", format_balance(-10)) == "A tiempo"
    assert format_balance(185) == "3 min behind" and say_in("es", format_balance(185)) == "3 min de retraso"
    assert format_balance(-120) == "2 min ahead" and say_in("es", format_balance(-120)) == "2 min de adelanto"
    assert format_balance(300, planning=True) == "5 min over the slot"
    assert say_in("es", format_balance(-300, planning=True)) == "5 min menos que el horario"
    assert format_balance(40) == "1 min behind", "never “0 min”"
