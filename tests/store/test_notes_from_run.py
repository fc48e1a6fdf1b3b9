"""Prefilled notes say only what happened: a session run through the real clock and run record.

The facilitator runs "Saying No to Alcohol and Drugs" with the runner's own pieces
(``AgendaClock`` driven by a fake clock, every control saved by ``RunStore``): the check-in,
a teaching item skipped after a minute, an exercise, then a role play whose first round is
played and whose second round only reaches its set-up before the session is ended early.
Maria arrives after round 1's play phase; Jo leaves before it began. Then every sentence
the notes were prefilled with is checked against what the run record and attendance hold.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from notes_world import MEETING_START, build_world

from facilitator.core import notes as cn
from facilitator.core.agenda_clock import AgendaClock
from facilitator.core.clock import FakeClock
from facilitator.core.rotation import plan_rotation
from facilitator.store.audit import AuditLog
from facilitator.store.notes import NotesService
from facilitator.store.runs import Player, RunStore
from facilitator.store.unit_of_work import Work

CHICAGO = ZoneInfo("America/Chicago")


class Settings(dict):
    def get(self, key: str, default: str = "") -> str:  # type: ignore[override]
        return super().get(key, default)


def at(minutes: float) -> datetime:
    return MEETING_START + timedelta(minutes=minutes)


def hhmm(minutes: float) -> str:
    return at(minutes).astimezone(CHICAGO).strftime("%H:%M")


@pytest.fixture
def day(engine, shipped_library):  # type: ignore[no-untyped-def]
    world = build_world(engine, session_id="drug-alcohol-refusal")
    # Maria came after round 1 was played; Jo left before it began; Sam stayed throughout.
    attendance = sa.table(
        "attendance",
        sa.column("participant_id"),
        sa.column("status"),
        sa.column("arrived_at"),
        sa.column("left_at"),
    )
    with engine.begin() as conn:
        conn.execute(
            attendance.update()
            .where(attendance.c.participant_id == world.participants["Maria"])
            .values(status="late", arrived_at=at(27))
        )
        conn.execute(
            attendance.update()
            .where(attendance.c.participant_id == world.participants["Jo"])
            .values(status="left_early", left_at=at(20))
        )
    clock = FakeClock(MEETING_START)
    work = Work(engine, AuditLog(engine, clock), clock, lambda: world.facilitator)
    work.connect_identity()
    store = RunStore(work)
    notes = NotesService(work, Settings(clinic_time_zone="America/Chicago"), shipped_library)
    curriculum = shipped_library.get("skills-core")
    session = curriculum.session("drug-alcohol-refusal")
    players = [Player(name, world.participants[name]) for name in ("Sam", "Maria", "Jo")]
    agenda = AgendaClock(session.agenda, clock, session.minutes * 60)
    run_id = store.create(curriculum, session, agenda.snapshot(), meeting_id=world.meeting_id, players=players)

    def act(event) -> None:  # type: ignore[no-untyped-def]
        store.save(run_id, event, agenda.snapshot())

    role_play = session.agenda[3].role_play
    plan = plan_rotation([p.label for p in players], [r.name for r in role_play.roles], role_play.rounds)
    act(agenda.start())  # 18:00 check-in
    clock.advance(10 * 60)
    act(agenda.next())  # 18:10 teaching
    clock.advance(60)
    act(agenda.skip())  # 18:11 skipped after a minute: exercise
    clock.advance(4 * 60)
    notes.add_observation(world.facilitator, world.meeting_id, world.participants["Sam"], "Wrote three refusal lines.")
    clock.advance(4 * 60)
    act(agenda.next())  # 18:19 role play, round 1 set-up
    store.record_round(run_id, 3, plan.round(1), players, clock.now())
    clock.advance(2 * 60)  # 18:21 round 1 play
    clock.advance(5 * 60)  # 18:26 round 1 feedback
    clock.advance(2 * 60)
    act(agenda.next_phase())  # 18:28 feedback cut short: round 2 set-up
    store.record_round(run_id, 3, plan.round(2), players, clock.now())
    clock.advance(60)
    act(agenda.end())  # 18:29, in round 2's set-up: the session ends early
    clock.advance(60 * 60)  # the notes are written an hour later
    return world, notes, store, run_id


def test_every_prefilled_sentence_is_what_the_run_record_holds(day, shipped_library) -> None:  # type: ignore[no-untyped-def]
    world, notes, store, run_id = day
    record = store.load(run_id)
    assert record.snapshot.ended_at == at(29)
    mn = notes.start_meeting_notes(world.facilitator, world.meeting_id)
    g = mn.group_note.content

    # Times: the meeting's own (18:00-19:30), narrowed by attendance; never the short run's clock.
    assert g["date"] == "2026-11-02"
    assert (g["start"], g["end"], g["duration"]) == ("18:00", "19:30", "90")
    assert g["present"] == "3 (absent: 1)"
    assert g["facilitators"] == "Ana Ruiz, Kim Osei"
    position = [s.id for s in shipped_library.get("skills-core").sessions].index("drug-alcohol-refusal") + 1
    assert g["curriculum"] == f"Recovery Skills Practice, session {position}: Saying No to Alcohol and Drugs"
    assert g["topic"] == "Saying No to Alcohol and Drugs"
    assert g["group_process"] == ""

    # The agenda as run, line by line: each item's real minutes, or what became of it.
    assert g["agenda"].splitlines() == [
        "Welcome and check-in (check-in): 10 min (planned 20)",
        "Why refusal is a skill (teaching): skipped after 1 min (planned 25 min)",
        "Writing your own refusal lines (exercise): 8 min (planned 20)",
        "Refusal practice: the family cookout (role-play): 10 min (planned 35); 1 of 3 rounds played",
        "Break (break): not reached (planned 15 min)",
        "Harder offers: the text from an old friend (role-play): not reached (planned 30 min)",
        "Cutting off the offers (discussion): not reached (planned 20 min)",
        "Check-out (check-out): not reached (planned 15 min)",
    ]
    for line, item in zip(g["agenda"].splitlines(), record.snapshot.items, strict=True):
        assert line.startswith(item.title)
        if item.first_started_at is not None and item.status.value != "skipped":
            assert f": {round(item.elapsed_seconds / 60)} min" in line

    # Interventions: only what the group received (not the skipped teaching, not the check-out never reached).
    assert g["interventions"].splitlines() == [
        "Facilitated check-in on recent use, cravings and mood",
        "Guided skills exercise: Writing your own refusal lines",
        "Behavioral rehearsal (role play): Refusal practice: the family cookout",
    ]

    # Individual notes (the group's format is DAP): attendance, roles only from round 1's play
    # while the person was in the room, and the observation with its time.
    seats = {(r.round, r.participant_id): r.role for r in record.roles if r.role is not None}
    by_name = {n.participant_name: n for n in mn.individual}
    assert sorted(by_name) == ["Jo", "Maria", "Sam"]
    sam, maria, jo = by_name["Sam"].content, by_name["Maria"].content, by_name["Jo"].content
    sam_id = world.participants["Sam"]
    sam_role = seats[(1, sam_id)]
    assert sam["data"].splitlines() == [
        "Present; attended 90 of 90 minutes. Session topic: Saying No to Alcohol and Drugs.",
        f"Took part in the role play “Refusal practice: the family cookout” as {sam_role} (round 1).",
        f"[{hhmm(15)}] Wrote three refusal lines.",
    ]
    assert (2, sam_id) in seats, "round 2's seats were recorded at its set-up, and are still not credited"
    assert maria["data"].splitlines() == [
        f"Arrived late at {hhmm(27)}; attended 63 of 90 minutes. Session topic: Saying No to Alcohol and Drugs.",
    ]
    assert jo["data"].splitlines() == [
        f"Left early at {hhmm(20)}; attended 20 of 90 minutes. Session topic: Saying No to Alcohol and Drugs.",
    ]
    for content in (sam, maria, jo):
        assert content["assessment"] == "" and content["plan"] == ""


def test_the_same_run_in_a_format_with_interventions(day, engine) -> None:  # type: ignore[no-untyped-def]
    world, notes, _store, _run_id = day
    notes.set_group_format(world.supervisor, world.group_id, "BIRP")
    mn = notes.start_meeting_notes(world.facilitator, world.meeting_id)
    g = mn.group_note.content
    for note in mn.individual:
        assert note.content["intervention"] == g["interventions"]
        assert "Psychoeducation" not in note.content["intervention"]
        assert "check-out" not in note.content["intervention"]


def test_observations_keep_their_time_in_the_clinics_zone() -> None:
    person = cn.AttendeeFacts(
        1,
        "Sam",
        observations=(
            cn.Observation(datetime(2026, 11, 3, 0, 40, tzinfo=UTC), "Second."),
            cn.Observation(datetime(2026, 11, 3, 0, 5, tzinfo=UTC), "First."),
        ),
    )
    assert cn.observation_lines(person, CHICAGO) == ["[18:05] First.", "[18:40] Second."]
