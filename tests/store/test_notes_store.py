"""The notes service and the database lock on signed notes."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from notes_world import MEETING_START, World, build_world, fill

from facilitator.core.clock import FakeClock
from facilitator.core.notes import NO_RUN_RECORDED, NoteStateError, NoteStatus
from facilitator.core.permissions import PermissionDenied
from facilitator.store.audit import AuditLog
from facilitator.store.notes import NotesError, NotesService, meeting_warnings
from facilitator.store.unit_of_work import Work


class Settings(dict):
    def get(self, key: str, default: str = "") -> str:  # type: ignore[override]
        return super().get(key, default)


@pytest.fixture
def world(engine) -> World:  # type: ignore[no-untyped-def]
    return build_world(engine)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MEETING_START + timedelta(hours=2))


def make_work(engine, clock, workstation: str = "front desk") -> Work:  # type: ignore[no-untyped-def]
    work = Work(engine, AuditLog(engine, clock), clock, workstation=workstation)
    work.connect_identity()
    return work


SETTINGS = Settings(clinic_time_zone="America/Chicago", note_format="BIRP")


@pytest.fixture
def work(engine, clock) -> Work:  # type: ignore[no-untyped-def]
    return make_work(engine, clock)


@pytest.fixture
def service(work, shipped_library) -> NotesService:  # type: ignore[no-untyped-def]
    return NotesService(work, SETTINGS, shipped_library)


def test_start_creates_group_note_and_one_note_per_attendee_only(service, world) -> None:  # type: ignore[no-untyped-def]
    mn = service.start_meeting_notes(world.facilitator, world.meeting_id)
    assert mn.group_note is not None and mn.group_note.status is NoteStatus.DRAFT
    assert [n.participant_name for n in mn.individual] == ["Jo", "Maria", "Sam"]
    assert [a.name for a in mn.absent] == ["Dee"]
    assert all(n.note_format == "BIRP" for n in mn.individual)
    maria = next(n for n in mn.individual if n.participant_name == "Maria")
    assert "Arrived late at 18:12; attended 78 of 90 minutes" in maria.content["behavior"]
    assert mn.group_note.content["present"] == "3 (absent: 1)"
    assert mn.group_note.content["start"] == "18:00"
    again = service.start_meeting_notes(world.facilitator, world.meeting_id)
    assert [n.id for n in again.notes] == [n.id for n in mn.notes], "starting twice adds nothing"
    with world.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM progress_note")).scalar() == 4


def test_group_format_choice_and_goals_prefill(service, world) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        service.set_group_format(world.facilitator, world.group_id, "GIRP")
    service.set_group_format(world.supervisor, world.group_id, "GIRP")
    mn = service.start_meeting_notes(world.facilitator, world.meeting_id)
    sam = next(n for n in mn.individual if n.participant_name == "Sam")
    assert sam.note_format == "GIRP"
    assert "Sam's goal: refuse offers" in sam.content["goal"]


def test_observation_lands_in_the_participants_note(service, world, clock) -> None:  # type: ignore[no-untyped-def]
    sam = world.participants["Sam"]
    clock.advance(-60 * 60)  # during the session
    service.add_observation(world.facilitator, world.meeting_id, sam, "Named two triggers unprompted.")
    clock.advance(60 * 60)
    mn = service.start_meeting_notes(world.facilitator, world.meeting_id)
    note = next(n for n in mn.individual if n.participant_id == sam)
    assert "[19:00] Named two triggers unprompted." in note.content["behavior"]
    service.add_observation(world.facilitator, world.meeting_id, sam, "Stayed after to ask about meetings.")
    note = service.note(world.facilitator, note.id)
    assert "[20:00] Stayed after to ask about meetings." in note.content["behavior"]
    with pytest.raises(PermissionDenied):
        service.add_observation(world.outsider, world.meeting_id, sam, "x")


def test_save_draft_then_sign_locks_and_queues_for_cosign(service, world) -> None:  # type: ignore[no-untyped-def]
    mn = service.start_meeting_notes(world.facilitator, world.meeting_id)
    note = mn.individual[0]
    with pytest.raises(NoteStateError, match="Response"):
        service.sign(world.facilitator, note.id)
    saved = service.save_draft(world.facilitator, note.id, fill(note), note.version)
    assert saved.version == note.version + 1
    with pytest.raises(PermissionDenied):
        service.save_draft(world.outsider, note.id, fill(note), saved.version)
    signed = service.sign(world.facilitator, note.id)
    assert signed.status is NoteStatus.AWAITING_COSIGN
    assert signed.signature == "Ana Ruiz, CADC-I"
    with pytest.raises(NotesError, match="awaiting co-signature"):
        service.save_draft(world.facilitator, note.id, {"behavior": "changed"}, signed.version)
    queue = service.review_queue(world.supervisor)
    assert [q.note_id for q in queue] == [note.id]
    assert queue[0].author_name == "Ana Ruiz" and not queue[0].overdue


def test_independent_author_signs_final(service, world) -> None:  # type: ignore[no-untyped-def]
    mn = service.start_meeting_notes(world.independent, world.meeting_id)
    note = mn.group_note
    saved = service.save_draft(world.independent, note.id, fill(note), note.version)
    signed = service.sign(world.independent, note.id, version=saved.version)
    assert signed.status is NoteStatus.SIGNED
    assert signed.signature == "Kim Osei, LPC"
    assert service.review_queue(world.supervisor) == []


def test_return_fix_resign_and_cosign_keeps_every_round(service, world, clock) -> None:  # type: ignore[no-untyped-def]
    mn = service.start_meeting_notes(world.facilitator, world.meeting_id)
    note = mn.individual[0]
    service.sign(world.facilitator, note.id, content=fill(note, "first try"))
    with pytest.raises(PermissionDenied):
        service.cosign(world.facilitator, note.id)
    with pytest.raises(NotesError, match="Say what"):
        service.return_note(world.supervisor, note.id, "  ")
    clock.advance(3600)
    returned = service.return_note(world.supervisor, note.id, "Response is vague; describe what you saw.")
    assert returned.status is NoteStatus.RETURNED and returned.editable
    mine = service.my_notes(world.facilitator)
    assert [s.note_id for s in mine.returned] == [note.id]
    assert mine.returned[0].return_comment.startswith("Response is vague")
    fixed = dict(returned.content, response="Practised refusal twice; voice steadier the second time.")
    service.save_draft(world.facilitator, note.id, fixed, returned.version)
    clock.advance(3600)
    resigned = service.sign(world.facilitator, note.id)
    assert resigned.status is NoteStatus.AWAITING_COSIGN and resigned.round == 2
    clock.advance(3600)
    done = service.cosign(world.supervisor, note.id)
    assert done.status is NoteStatus.COSIGNED
    assert done.cosignature == "Rosa Diaz, LCSW" and done.signature == "Ana Ruiz, CADC-I"
    assert done.cosigned_at > done.signed_at
    rounds = service.history(world.supervisor, note.id)
    assert [(r.round, r.outcome) for r in rounds] == [(1, "returned"), (2, "cosigned")]
    assert "first try" in rounds[0].content["response"]
    assert rounds[0].comment.startswith("Response is vague")
    assert rounds[1].content["response"].startswith("Practised refusal twice")
    with pytest.raises(NoteStateError):
        service.cosign(world.supervisor2, note.id)


def test_supervisor_never_cosigns_own_note(service, world) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    sup = replace(world.supervisor, needs_cosign=True)  # e.g. a supervisor under review
    mn = service.start_meeting_notes(sup, world.meeting_id)
    note = mn.group_note
    service.sign(sup, note.id, content=fill(note))
    with pytest.raises(PermissionDenied, match="your own"):
        service.cosign(sup, note.id)
    assert service.review_queue(sup) == []
    assert [q.note_id for q in service.review_queue(world.supervisor2)] == [note.id]
    with pytest.raises(PermissionDenied):
        service.review_queue(world.facilitator)


def test_addendum_and_entered_in_error_keep_the_original(service, world, clock) -> None:  # type: ignore[no-untyped-def]
    mn = service.start_meeting_notes(world.independent, world.meeting_id)
    note = mn.individual[1]
    original = fill(note)
    service.sign(world.independent, note.id, content=original)
    with pytest.raises(NoteStateError):
        service.add_addendum(world.independent, mn.individual[0].id, "to a draft")
    clock.advance(86400)
    amended = service.add_addendum(world.independent, note.id, "Client called next day: attended a meeting.")
    assert amended.content == original
    assert [a.text for a in amended.addenda] == ["Client called next day: attended a meeting."]
    assert amended.addenda[0].signature == "Kim Osei, LPC"
    marked = service.mark_entered_in_error(world.independent, note.id, "Written for the wrong meeting.")
    assert marked.in_error and marked.error_reason == "Written for the wrong meeting."
    assert marked.content == original
    with pytest.raises(NoteStateError, match="already"):
        service.mark_entered_in_error(world.supervisor, note.id, "again")


# -- the lock is in the database --------------------------------------------------------


def _signed_note(service, world) -> int:  # type: ignore[no-untyped-def]
    mn = service.start_meeting_notes(world.independent, world.meeting_id)
    note = mn.individual[0]
    service.sign(world.independent, note.id, content=fill(note))
    return note.id


@pytest.mark.parametrize(
    "statement",
    [
        'UPDATE progress_note SET content = \'{"behavior": "rewritten"}\' WHERE id = :id',
        "UPDATE progress_note SET signer_name = 'Someone Else' WHERE id = :id",
        "UPDATE progress_note SET signed_at = '2020-01-01 00:00:00' WHERE id = :id",
        "UPDATE progress_note SET participant_id = participant_id + 1 WHERE id = :id",
        "UPDATE progress_note SET status = 'draft' WHERE id = :id",
        "DELETE FROM progress_note WHERE id = :id",
        "UPDATE note_round SET content = '{}' WHERE note_id = :id",
        "DELETE FROM note_round WHERE note_id = :id",
    ],
)
def test_raw_sql_cannot_change_or_delete_a_signed_note(service, world, statement) -> None:  # type: ignore[no-untyped-def]
    note_id = _signed_note(service, world)
    with world.engine.connect() as conn:
        before = conn.execute(
            sa.text("SELECT content, status, signer_name FROM progress_note WHERE id = :id"), {"id": note_id}
        ).one()
    with pytest.raises(sa.exc.DatabaseError, match="signed"):
        with world.engine.begin() as conn:
            conn.execute(sa.text(statement), {"id": note_id})
    with world.engine.connect() as conn:
        after = conn.execute(
            sa.text("SELECT content, status, signer_name FROM progress_note WHERE id = :id"), {"id": note_id}
        ).one()
        rounds = conn.execute(sa.text("SELECT count(*) FROM note_round WHERE note_id = :id"), {"id": note_id}).scalar()
    assert tuple(after) == tuple(before)
    assert rounds == 1


def test_raw_sql_cannot_undo_cosign_error_mark_or_addendum(service, world) -> None:  # type: ignore[no-untyped-def]
    mn = service.start_meeting_notes(world.facilitator, world.meeting_id)
    note = mn.individual[0]
    service.sign(world.facilitator, note.id, content=fill(note))
    service.cosign(world.supervisor, note.id)
    service.add_addendum(world.facilitator, note.id, "Later detail.")
    service.mark_entered_in_error(world.facilitator, note.id, "Wrong person.")
    for statement in (
        "UPDATE progress_note SET cosigner_name = 'Nobody' WHERE id = :id",
        "UPDATE progress_note SET error_at = NULL WHERE id = :id",
        "UPDATE progress_note SET status = 'awaiting_cosign' WHERE id = :id",
        "UPDATE note_addendum SET text = 'changed' WHERE note_id = :id",
        "DELETE FROM note_addendum WHERE note_id = :id",
        "UPDATE note_round SET outcome = 'returned' WHERE note_id = :id",
    ):
        with pytest.raises(sa.exc.DatabaseError):
            with world.engine.begin() as conn:
                conn.execute(sa.text(statement), {"id": note.id})
    view = service.note(world.supervisor, note.id)
    assert view.status is NoteStatus.COSIGNED and view.in_error and view.addenda[0].text == "Later detail."


def test_drafts_stay_editable_by_raw_sql_and_deletable(service, world) -> None:  # type: ignore[no-untyped-def]
    mn = service.start_meeting_notes(world.facilitator, world.meeting_id)
    with world.engine.begin() as conn:
        conn.execute(sa.text("UPDATE progress_note SET content = '{}' WHERE id = :id"), {"id": mn.individual[0].id})
        conn.execute(sa.text("DELETE FROM progress_note WHERE id = :id"), {"id": mn.individual[1].id})
    assert len(service.meeting_notes(world.facilitator, world.meeting_id).individual) == 2


# -- lists -------------------------------------------------------------------------------


def test_my_notes_overdue_after_three_business_days(service, world, clock) -> None:  # type: ignore[no-untyped-def]
    service.start_meeting_notes(world.facilitator, world.meeting_id)  # Monday 2 November
    mine = service.my_notes(world.facilitator)
    assert len(mine.drafts) == 4 and mine.overdue == []
    clock.advance(86400 * 3)  # Thursday 5 November (Chicago): due that day, not overdue
    assert service.my_notes(world.facilitator).overdue == []
    clock.advance(86400)
    mine = service.my_notes(world.facilitator)
    assert len(mine.overdue) == 4 and mine.drafts[0].due == date(2026, 11, 5)
    assert service.my_notes(world.supervisor).drafts == []


def test_queue_flags_overdue_and_orders_oldest_first(service, world, clock) -> None:  # type: ignore[no-untyped-def]
    mn = service.start_meeting_notes(world.facilitator, world.meeting_id)
    for note in mn.notes:
        service.sign(world.facilitator, note.id, content=fill(note))
    later = world.add_meeting(date(2026, 11, 9), MEETING_START + timedelta(days=7))
    clock.advance(86400 * 7)
    mn2 = service.start_meeting_notes(world.facilitator, later)
    service.sign(world.facilitator, mn2.group_note.id, content=fill(mn2.group_note))
    queue = service.review_queue(world.supervisor)
    assert len(queue) == 5
    assert [q.meeting_id for q in queue] == [world.meeting_id] * 4 + [later]
    assert all(q.overdue for q in queue[:4]) and not queue[4].overdue
    assert queue[0].age == "7 d"


def test_chart_in_date_order_and_permissions(service, world, clock) -> None:  # type: ignore[no-untyped-def]
    later = world.add_meeting(date(2026, 11, 4), MEETING_START + timedelta(days=2))
    service.start_meeting_notes(world.facilitator, later)
    service.start_meeting_notes(world.facilitator, world.meeting_id)
    sam = world.participants["Sam"]
    chart = service.chart(world.facilitator, sam)
    assert [n.meeting_day for n in chart] == [date(2026, 11, 2), date(2026, 11, 4)]
    assert all(n.participant_id == sam for n in chart)
    assert len(service.chart(world.supervisor, sam, first=date(2026, 11, 3))) == 1
    with pytest.raises(PermissionDenied):
        service.chart(world.outsider, sam)
    with pytest.raises(PermissionDenied):
        service.chart(world.admin, sam)
    with pytest.raises(PermissionDenied):
        service.meeting_notes(world.admin, world.meeting_id)


def test_meeting_warnings_name_other_members_and_clones(service, world) -> None:  # type: ignore[no-untyped-def]
    mn = service.start_meeting_notes(world.facilitator, world.meeting_id)
    jo, maria, sam = mn.individual
    clone = (
        "Client was engaged and participated in the discussion of refusal skills, identified triggers "
        "and practised saying no; will continue to attend group as planned."
    )
    edits = {
        jo.id: dict(jo.content, response=clone, plan="Continue."),
        maria.id: dict(maria.content, response=clone, plan="Continue."),
        sam.id: dict(sam.content, response="Helped Maria find words during the role play.", plan="Next week."),
    }
    w = meeting_warnings(mn, edits)
    assert [x.participant_id for x in w.names[sam.id]] == [world.participants["Maria"]]
    assert jo.id not in w.names
    assert [(p.first, p.second) for p in w.similar] == [(jo.id, maria.id)]
    # No curriculum session was set, so the agenda and interventions are the writer's to fill.
    assert w.missing[mn.group_note.id] == ["Agenda as run", "Interventions", "Group process"]
    assert w.missing[jo.id] == ["Intervention"]  # no agenda to derive it from


def test_curriculum_session_supplies_topic_agenda_and_interventions(engine, service) -> None:  # type: ignore[no-untyped-def]
    world = build_world(engine, session_id="drug-alcohol-refusal")
    mn = service.start_meeting_notes(world.facilitator, world.meeting_id)
    g = mn.group_note.content
    assert g["curriculum"] == "Recovery Skills Practice, session 2: Saying No to Alcohol and Drugs"
    assert g["topic"] and g["agenda"].count("planned") >= 3
    # Nothing was run: the agenda says it is the plan, and no intervention is claimed.
    assert g["agenda"].splitlines()[0] == NO_RUN_RECORDED
    assert g["interventions"] == ""
    assert meeting_warnings(mn).missing[mn.group_note.id] == ["Interventions", "Group process"]
    sam = next(n for n in mn.individual if n.participant_name == "Sam")
    assert sam.content["intervention"] == ""


def test_run_record_supplies_the_agenda_but_not_the_times_or_unplayed_roles(service, world, engine) -> None:  # type: ignore[no-untyped-def]
    from facilitator.store.notes.tables import other_table

    run, item, role = other_table("run"), other_table("run_item"), other_table("run_role")
    if run is None or item is None or role is None:
        pytest.skip("the session runner's tables are not in this schema yet")
    now = datetime(2026, 11, 3, tzinfo=UTC)
    with engine.begin() as conn:
        run_id = conn.execute(
            run.insert().values(
                curriculum_id="skills-core",
                session_id="x",
                meeting_id=world.meeting_id,
                status="ended",
                slot_seconds=5400,
                started_at=MEETING_START + timedelta(minutes=4),
                ended_at=MEETING_START + timedelta(minutes=97),
                created_at=now,
                updated_at=now,
            )
        ).inserted_primary_key[0]
        for pos, (title, kind, secs, status) in enumerate(
            [
                ("Check-in", "check-in", 1100, "done"),
                ("Saying no", "role-play", 2000, "done"),
                ("Extra", "exercise", 0, "skipped"),
            ]
        ):
            conn.execute(
                item.insert().values(
                    run_id=run_id,
                    position=pos,
                    source_index=pos,
                    title=title,
                    kind=kind,
                    original_seconds=900,
                    planned_seconds=900,
                    elapsed_seconds=secs,
                    status=status,
                )
            )
        conn.execute(
            role.insert().values(
                run_id=run_id,
                source_index=1,
                round=1,
                team=0,
                role="Refuser",
                player_label="Sam",
                participant_id=world.participants["Sam"],
                started_at=now,
            )
        )
    mn = service.start_meeting_notes(world.facilitator, world.meeting_id)
    g = mn.group_note.content
    # The run's clock does not set the note's times: the meeting and the saved attendance do.
    assert (g["start"], g["end"], g["duration"]) == ("18:00", "19:30", "90")
    assert "Check-in (check-in): 18 min (planned 15)" in g["agenda"]
    assert "Extra (exercise): skipped (planned 15 min)" in g["agenda"]
    assert "Guided skills exercise: Extra" not in g["interventions"]
    # This run's curriculum session is not loaded and only round 1's set-up was recorded:
    # nothing shows that the round was played, so nobody is credited with a role.
    sam = next(n for n in mn.individual if n.participant_name == "Sam")
    assert "Refuser" not in sam.content["behavior"]


def test_opening_exporting_and_signing_are_audited(engine, world, work, shipped_library) -> None:  # type: ignore[no-untyped-def]
    service = NotesService(work, Settings(), shipped_library)
    mn = service.start_meeting_notes(world.independent, world.meeting_id)
    service.sign(world.independent, mn.group_note.id, content=fill(mn.group_note))
    service.meeting_notes(world.supervisor, world.meeting_id)
    service.chart(world.supervisor, world.participants["Sam"])
    service.meeting_print(world.supervisor, world.meeting_id)
    service.participant_print(world.supervisor, "R-1001", date(2026, 11, 1), date(2026, 11, 30), action="print")
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT username, action, record_type, participant_id, detail FROM audit_entry ORDER BY seq")
        ).all()
    assert [(r.username, r.action, r.record_type) for r in rows] == [
        ("kim", "create", "progress_note"),
        ("kim", "view", "meeting notes"),
        ("kim", "sign", "progress_note"),
        ("supervisor", "view", "meeting notes"),
        ("supervisor", "view", "progress_note"),
        ("supervisor", "export", "notes"),
        ("supervisor", "print", "notes"),
    ]
    assert rows[4].participant_id == world.participants["Sam"] == rows[6].participant_id
    assert [r.detail for r in rows[:2]] == ["started 4 draft note(s)", "opened 4 note(s)"]
    assert re.fullmatch(r"signed round 1; SHA-256 of what was signed [0-9a-f]{64}", rows[2].detail)
    assert rows[5].detail == "exported 1 signed note(s) of the meeting"
    assert AuditLog.verify_engine(engine).ok, "the notes' entries keep the hash chain whole"
