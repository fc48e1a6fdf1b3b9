"""The run record: every control saved as it happens, enough to resume after a crash."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from principals import make_account

from facilitator.core.agenda_clock import AgendaClock, ItemStatus, RunStatus
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
from facilitator.core.permissions import PermissionDenied
from facilitator.core.rotation import plan_rotation
from facilitator.store.runs import Player, RunNotFound, RunStore

RP = RolePlay(
    scenario="A friend offers a drink.",
    roles=(Role("Offerer", "Offer."), Role("Refuser", "Refuse.")),
    phases=(Phase("Play", 3), Phase("Feedback", 2)),
    rounds=2,
)
SESSION = CurriculumSession(
    id="saying-no",
    title="Saying No",
    minutes=40,
    objectives=("Say no.",),
    agenda=(
        AgendaItem("Check-in", ItemKind.CHECK_IN, 10),
        AgendaItem("Practice", ItemKind.ROLE_PLAY, 20, role_play=RP),
        AgendaItem("Check-out", ItemKind.CHECK_OUT, 10),
    ),
)
CURRICULUM = Curriculum(
    id="refusal",
    title="Refusal Skills",
    group_type=GroupType.SKILLS,
    summary="s",
    session_minutes=40,
    sessions=(SESSION,),
)


@pytest.fixture
def supervisor(engine):  # type: ignore[no-untyped-def]
    return make_account(engine, "sam")


@pytest.fixture
def store(engine, supervisor) -> RunStore:  # type: ignore[no-untyped-def]
    return RunStore(engine, FakeClock(), principal=lambda: supervisor)


@pytest.fixture
def clinic_rows(engine):  # type: ignore[no-untyped-def]
    """A real meeting and two real participants for the run record to point at."""
    from datetime import date, time

    from roster_world import services

    from facilitator.core.attendance import Track, WeeklySchedule
    from facilitator.core.library import Library
    from facilitator.core.roster import GroupDraft, ParticipantDraft

    roster, attendance, _settings, _work = services(engine, Library(), FakeClock(), zone="")
    group = roster.create_group(GroupDraft(
        name="Skills", group_type=GroupType.SKILLS, track=Track(("refusal",), True),
        schedule=WeeklySchedule((0,), time(18), 40), start_date=date(2026, 11, 2)))
    attendance.plan_meetings(group.id, date(2026, 11, 2))
    maria = roster.create_participant(ParticipantDraft("R1", "Maria", "Maria Legal", date(2026, 11, 1)))
    lou = roster.create_participant(ParticipantDraft("R2", "Lou", "Lou Legal", date(2026, 11, 1)))
    return attendance.meetings(group.id)[0].id, maria.id, lou.id


def test_a_new_run_is_unfinished_until_it_ends(store: RunStore) -> None:
    clock = FakeClock()
    run = AgendaClock(SESSION.agenda, clock, SESSION.minutes * 60)
    run_id = store.create(CURRICULUM, SESSION, run.snapshot(), meeting_id=None)
    [summary] = store.unfinished()
    assert summary.id == run_id and summary.status is RunStatus.READY
    assert (summary.curriculum_title, summary.session_title, summary.meeting_id) == (
        "Refusal Skills",
        "Saying No",
        None,
    )
    store.save(run_id, run.start(), run.snapshot())
    clock.advance(60)
    store.save(run_id, run.end(), run.snapshot())
    assert store.unfinished() == []
    record = store.load(run_id)
    assert record.summary.status is RunStatus.ENDED
    assert [e.action for e in record.events] == ["create", "start", "end"]


def test_every_control_is_recorded_with_its_state(store: RunStore, clinic_rows) -> None:  # type: ignore[no-untyped-def]
    meeting_id = clinic_rows[0]
    clock = FakeClock()
    run = AgendaClock(SESSION.agenda, clock, SESSION.minutes * 60)
    run_id = store.create(CURRICULUM, SESSION, run.snapshot(), meeting_id=meeting_id)
    for action in (run.start, run.pause, run.resume):
        clock.advance(30)
        store.save(run_id, action(), run.snapshot())
    clock.advance(30)
    store.save(run_id, run.adjust(300), run.snapshot())
    clock.advance(30)
    store.save(run_id, run.next(), run.snapshot())
    store.save(run_id, run.skip(), run.snapshot())
    record = store.load(run_id)
    assert [e.action for e in record.events] == ["create", "start", "pause", "resume", "adjust", "next", "skip"]
    adjust = record.events[4]
    assert adjust.seconds == 300 and adjust.detail == {"planned": 900}
    items = record.snapshot.items
    assert [i.status for i in items] == [ItemStatus.DONE, ItemStatus.SKIPPED, ItemStatus.CURRENT]
    assert items[0].elapsed_seconds == pytest.approx(90)
    assert items[0].planned_seconds == 900 and items[0].original_seconds == 600
    assert items[0].first_started_at == clock.now().__class__.fromisoformat("2026-11-02T17:00:30+00:00")
    assert record.summary.meeting_id == meeting_id
    assert store.for_meeting(meeting_id)[0].id == run_id


def test_reorder_and_shorten_are_kept(store: RunStore) -> None:
    clock = FakeClock()
    run = AgendaClock(SESSION.agenda, clock, SESSION.minutes * 60)
    run_id = store.create(CURRICULUM, SESSION, run.snapshot())
    store.save(run_id, run.move(1, 2), run.snapshot())
    store.save(run_id, run.set_planned(2, 15 * 60), run.snapshot())
    snap = store.load(run_id).snapshot
    assert [i.title for i in snap.items] == ["Check-in", "Check-out", "Practice"]
    assert snap.items[2].planned_seconds == 900


def test_abandoned_run_resumes_with_the_right_elapsed_time(store: RunStore) -> None:
    clock = FakeClock()
    run = AgendaClock(SESSION.agenda, clock, SESSION.minutes * 60)
    run_id = store.create(CURRICULUM, SESSION, run.snapshot())
    store.save(run_id, run.start(), run.snapshot())
    clock.advance(200)
    store.save(run_id, run.next(), run.snapshot())
    clock.advance(75)
    store.save(run_id, run.next_phase(), run.snapshot())
    del run  # the app is killed here
    clock.advance(60)  # and reopened a minute later, in a new process
    fresh = FakeClock(start=clock.now(), monotonic_start=3.0)
    record = store.load(run_id)
    resumed = AgendaClock.restore(record.snapshot, SESSION.agenda, fresh)
    view = resumed.view()
    assert view.status is RunStatus.RUNNING
    assert view.current is not None and view.current.title == "Practice"
    assert view.current.elapsed_seconds == pytest.approx(135)
    assert view.session_elapsed == pytest.approx(335)
    assert view.current.role_play is not None and view.current.role_play.phase_name == "Feedback"
    assert view.items[0].elapsed_seconds == pytest.approx(200)


def test_ending_a_left_behind_run_closes_it_at_its_last_record(store: RunStore) -> None:
    clock = FakeClock()
    run = AgendaClock(SESSION.agenda, clock, SESSION.minutes * 60)
    run_id = store.create(CURRICULUM, SESSION, run.snapshot())
    store.save(run_id, run.start(), run.snapshot())
    clock.advance(100)
    last = clock.now()
    store.save(run_id, run.adjust(60), run.snapshot())
    store.end_unfinished(run_id)
    record = store.load(run_id)
    assert record.summary.status is RunStatus.ENDED and record.summary.ended_at == last
    assert record.snapshot.items[0].status is ItemStatus.DONE
    assert record.snapshot.items[0].elapsed_seconds == pytest.approx(100)
    assert record.events[-1].action == "closed_after_restart"
    assert store.unfinished() == []


def test_players_and_rounds_are_recorded_without_names_in_events(store: RunStore, engine, clinic_rows) -> None:  # type: ignore[no-untyped-def]
    _, maria_id, lou_id = clinic_rows
    clock = FakeClock()
    run = AgendaClock(SESSION.agenda, clock, SESSION.minutes * 60)
    players = [Player("Maria", maria_id), Player("DK"), Player("Lou", lou_id)]
    run_id = store.create(CURRICULUM, SESSION, run.snapshot(), players=players[:1])
    store.set_players(run_id, players, show_first_names=False, small_groups=False, at=clock.now())
    plan = plan_rotation([p.label for p in players], ["Offerer", "Refuser"], 2)
    store.record_round(run_id, 1, plan.round(1), players, clock.now())
    store.record_round(run_id, 1, plan.round(2), players, clock.now())
    store.record_round(run_id, 1, plan.round(2), players, clock.now())  # re-recorded: replaced, not doubled
    record = store.load(run_id)
    assert record.players == tuple(players)
    assert len(record.roles) == 6
    maria = record.role_parts(participant_id=maria_id)
    assert [(p.item_title, p.round, p.role) for p in maria] == [("Practice", 1, "Offerer")]
    assert [(p.round, p.role) for p in record.role_parts(label="DK")] == [(2, "Refuser")]
    with engine.connect() as conn:
        details = " ".join(conn.execute(sa.text("SELECT detail FROM run_event")).scalars())
    assert "Maria" not in details and "Lou" not in details


def test_agenda_as_run_feeds_the_notes(store: RunStore) -> None:
    clock = FakeClock()
    run = AgendaClock(SESSION.agenda, clock, SESSION.minutes * 60)
    run_id = store.create(CURRICULUM, SESSION, run.snapshot())
    store.save(run_id, run.start(), run.snapshot())
    clock.advance(12 * 60)
    store.save(run_id, run.next(), run.snapshot())
    store.save(run_id, run.skip(), run.snapshot())
    clock.advance(8 * 60)
    store.save(run_id, run.end(), run.snapshot())
    runs = store.load(run_id).agenda_runs()
    assert [(a.title, a.planned_minutes, a.skipped) for a in runs] == [
        ("Check-in", 10, False),
        ("Practice", 20, True),
        ("Check-out", 10, False),
    ]
    assert runs[0].actual_minutes == pytest.approx(12) and runs[2].actual_minutes == pytest.approx(8)


def test_missing_run(store: RunStore) -> None:
    with pytest.raises(RunNotFound):
        store.load(999)


def test_a_run_that_never_started_can_be_discarded(store: RunStore) -> None:
    clock = FakeClock()
    run = AgendaClock(SESSION.agenda, clock, SESSION.minutes * 60)
    run_id = store.create(CURRICULUM, SESSION, run.snapshot(), players=[Player("A")])
    store.save(run_id, run.set_planned(0, 300), run.snapshot())
    assert store.discard_unstarted(run_id) is True
    assert store.unfinished() == []
    with pytest.raises(RunNotFound):
        store.load(run_id)
    started = store.create(CURRICULUM, SESSION, run.snapshot())
    store.save(started, run.start(), run.snapshot())
    assert store.discard_unstarted(started) is False
    assert store.load(started).summary.status is RunStatus.RUNNING


def test_only_this_workstations_runs_are_offered_for_resume(engine, supervisor) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    here = RunStore(engine, clock, workstation="room-a", principal=lambda: supervisor)
    there = RunStore(engine, clock, workstation="room-b", principal=lambda: supervisor)
    run = AgendaClock(SESSION.agenda, clock, SESSION.minutes * 60)
    run_id = there.create(CURRICULUM, SESSION, run.snapshot())
    there.save(run_id, run.start(), run.snapshot())
    assert here.unfinished() == []
    assert [s.id for s in there.unfinished()] == [run_id]
    assert [s.id for s in here.unfinished(any_workstation=True)] == [run_id]


def test_the_run_tables_match_their_migration(engine) -> None:  # type: ignore[no-untyped-def]
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlmodel import SQLModel

    import facilitator.store.models  # noqa: F401

    def ours(diff: object) -> bool:
        text = repr(diff)
        return any(
            f"'{t}'" in text or f"Table('{t}'" in text
            for t in ("run", "run_item", "run_event", "run_player", "run_role")
        )

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = [d for d in compare_metadata(context, SQLModel.metadata) if ours(d)]
    assert diffs == []


def test_a_run_points_at_real_rows_and_outlives_them(store: RunStore, engine, clinic_rows) -> None:  # type: ignore[no-untyped-def]
    meeting_id, maria_id, _ = clinic_rows
    clock = FakeClock()
    run = AgendaClock(SESSION.agenda, clock, SESSION.minutes * 60)
    with pytest.raises(PermissionDenied, match="no longer exists"):
        store.create(CURRICULUM, SESSION, run.snapshot(), meeting_id=meeting_id + 1000)
    run_id = store.create(CURRICULUM, SESSION, run.snapshot(), meeting_id=meeting_id, players=[Player("Maria", maria_id)])
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM attendance WHERE meeting_id = :m"), {"m": meeting_id})
        conn.execute(sa.text("DELETE FROM meeting WHERE id = :m"), {"m": meeting_id})
    record = store.load(run_id)
    assert record.summary.meeting_id is None, "the run stays, unscheduled, when its meeting goes"
    assert [p.label for p in record.players] == ["Maria"]


def test_a_player_name_past_its_limit_or_with_control_characters_is_a_sentence(store: RunStore, engine) -> None:  # type: ignore[no-untyped-def]
    from facilitator.core import limits
    from facilitator.core.changes import ValidationError

    run = AgendaClock(SESSION.agenda, FakeClock(), SESSION.minutes * 60)
    run_id = store.create(CURRICULUM, SESSION, run.snapshot(), players=[Player("Maria")])
    for label in ("P" * (limits.PLAYER_LABEL.max_chars + 1), "a\x00b"):
        with pytest.raises(ValidationError, match="player's name"):
            store.set_players(run_id, [Player("DK"), Player(label)], show_first_names=False, small_groups=False)
    assert store.load(run_id).players == (Player("Maria"),), "nothing was replaced"
    with pytest.raises(ValidationError, match="player's name"):
        store.create(CURRICULUM, SESSION, run.snapshot(), players=[Player("x" * 101)])
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM run")).scalar_one() == 1
