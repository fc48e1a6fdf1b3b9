"""Notes on several workstations: versions, conflicts, races, and a session that ended.

Each workstation is its own ``Work`` (its own name in the change feed) on the same database;
the race tests run two threads on two connections at once, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
import sqlalchemy as sa
from notes_world import MEETING_START, build_world, fill

from facilitator.core import changes as ch
from facilitator.core.changes import AccountChanged, Changes, ConflictError, DatabaseReplaced
from facilitator.core.clock import FakeClock
from facilitator.core.notes import NoteStateError, NoteStatus
from facilitator.store.audit import AuditLog
from facilitator.store.notes import NotesError, NotesService
from facilitator.store.notes.base import NotesBase
from facilitator.store.unit_of_work import Work


class Settings(dict):
    def get(self, key: str, default: str = "") -> str:  # type: ignore[override]
        return super().get(key, default)


SETTINGS = Settings(clinic_time_zone="America/Chicago")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MEETING_START + timedelta(hours=2))


@pytest.fixture
def world(engine):  # type: ignore[no-untyped-def]
    return build_world(engine)


def station(engine, clock, name: str, library=None) -> NotesService:  # type: ignore[no-untyped-def]
    work = Work(engine, AuditLog(engine, clock), clock, workstation=name)
    work.connect_identity()
    return NotesService(work, SETTINGS, library)


def stored(engine, note_id: int) -> sa.Row:  # type: ignore[no-untyped-def,type-arg]
    with engine.connect() as conn:
        return conn.execute(
            sa.text("SELECT content, version, status, cosigner_name FROM progress_note WHERE id = :id"),
            {"id": note_id},
        ).one()


def audit_details(engine, action: str) -> list[str]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return [
            r[0]
            for r in conn.execute(
                sa.text("SELECT detail FROM audit_entry WHERE action = :a ORDER BY seq"), {"a": action}
            )
        ]


# -- drafts on two workstations ------------------------------------------------------------


def test_a_second_workstation_saving_an_old_version_gets_a_conflict_and_overwrites_nothing(  # type: ignore[no-untyped-def]
    engine, world, clock
):
    office = station(engine, clock, "office")
    group_room = station(engine, clock, "group room")
    meeting = office.start_meeting_notes(world.facilitator, world.meeting_id)
    note = meeting.individual[0]
    seen_in_room = group_room.note(world.facilitator, note.id)
    assert seen_in_room.version == note.version == 1

    clock.advance(60)
    saved = office.save_draft(world.facilitator, note.id, dict(note.content, data="Typed in the office."), note.version)
    assert saved.version == 2 and saved.saved_at == clock.now()

    clock.advance(60)
    with pytest.raises(ConflictError) as caught:
        group_room.save_draft(world.facilitator, note.id, dict(note.content, data="Typed in the group room."), 1)
    assert caught.value.changed_by == "You (on another screen or workstation)"
    assert caught.value.changed_at == saved.saved_at and caught.value.current_version == 2
    assert "Nothing was overwritten" in str(caught.value)
    assert "Typed in the office." in stored(engine, note.id).content

    # Reload their version: the view says who saved it and which version the next save names.
    theirs = group_room.note(world.facilitator, note.id)
    assert (theirs.version, theirs.content["data"], theirs.updated_by_name) == (2, "Typed in the office.", "Ana Ruiz")
    # Or save over it knowingly: applied, and the audit trail says so.
    mine = group_room.save_draft(world.facilitator, note.id, dict(note.content, data="Typed in the group room."), None)
    assert mine.version == 3
    assert "Typed in the group room." in stored(engine, note.id).content
    assert audit_details(engine, "change") == ["saved a draft over another workstation's version"]


def test_signing_an_old_version_signs_nothing(engine, world, clock) -> None:  # type: ignore[no-untyped-def]
    office = station(engine, clock, "office")
    laptop = station(engine, clock, "laptop")
    note = office.start_meeting_notes(world.facilitator, world.meeting_id).individual[0]
    office.save_draft(world.facilitator, note.id, fill(note, "office"), note.version)
    with pytest.raises(ConflictError):
        laptop.sign(world.facilitator, note.id, content=fill(note, "laptop"), version=note.version)
    row = stored(engine, note.id)
    assert row.status == "draft" and "office" in row.content and "laptop" not in row.content
    signed = laptop.sign(world.facilitator, note.id, version=row.version)
    assert signed.status is NoteStatus.AWAITING_COSIGN and signed.version == row.version + 1


def test_saving_a_signed_or_someone_elses_note_says_why_not_a_conflict(engine, world, clock) -> None:  # type: ignore[no-untyped-def]
    office = station(engine, clock, "office")
    note = office.start_meeting_notes(world.facilitator, world.meeting_id).individual[0]
    signed = office.sign(world.facilitator, note.id, content=fill(note))
    with pytest.raises(NotesError, match="awaiting co-signature and can no longer be changed"):
        office.save_draft(world.facilitator, note.id, {"data": "late"}, note.version)
    with pytest.raises(NotesError, match="no longer exists"):
        office.save_draft(world.facilitator, 99999, {"data": "x"}, 1)
    assert stored(engine, note.id).version == signed.version


# -- reviews on two workstations -----------------------------------------------------------


@pytest.mark.parametrize("second", ["cosign", "return"])
def test_two_supervisors_reviewing_at_once_one_wins_the_other_reads_a_sentence(  # type: ignore[no-untyped-def]
    engine, world, clock, monkeypatch, second
):
    author = station(engine, clock, "office")
    note = author.start_meeting_notes(world.facilitator, world.meeting_id).individual[0]
    author.sign(world.facilitator, note.id, content=fill(note))

    # Both supervisors have read the note awaiting co-signature before either writes.
    both_read = threading.Barrier(2, timeout=20)
    original = NotesBase._visible_row

    def read_then_wait(self, uow, note_id):  # type: ignore[no-untyped-def]
        row = original(self, uow, note_id)
        both_read.wait()
        return row

    monkeypatch.setattr(NotesBase, "_visible_row", read_then_wait)
    rosa = station(engine, clock, "Rosa's office")
    tom = station(engine, clock, "Tom's office")
    outcomes: dict[str, object] = {}

    def act(name: str, fn) -> None:  # type: ignore[no-untyped-def]
        try:
            outcomes[name] = fn()
        except Exception as exc:  # noqa: BLE001 - the test looks at what each got
            outcomes[name] = exc

    threads = [
        threading.Thread(target=act, args=("Rosa Diaz", lambda: rosa.cosign(world.supervisor, note.id))),
        threading.Thread(
            target=act,
            args=(
                "Tom Hale",
                (lambda: tom.cosign(world.supervisor2, note.id))
                if second == "cosign"
                else (lambda: tom.return_note(world.supervisor2, note.id, "Describe the role play.")),
            ),
        ),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not any(t.is_alive() for t in threads)

    winners = [name for name, got in outcomes.items() if not isinstance(got, Exception)]
    losers = {name: got for name, got in outcomes.items() if isinstance(got, Exception)}
    assert len(winners) == 1 and len(losers) == 1, outcomes
    winner, (loser_error,) = winners[0], losers.values()
    assert isinstance(loser_error, NotesError), repr(loser_error)
    sentence = str(loser_error)
    assert sentence.startswith(winner) and "just before you" in sentence
    row = stored(engine, note.id)
    if row.status == "cosigned":
        assert row.cosigner_name == winner and "co-signed this note at 20:00 on 2 Nov" in sentence
    else:
        assert row.status == "returned" and winner == "Tom Hale" and "returned this note" in sentence
    with engine.connect() as conn:
        outcomes_of_round = conn.execute(sa.text("SELECT outcome FROM note_round WHERE note_id = :id"), {"id": note.id})
        assert [r[0] for r in outcomes_of_round] == ["cosigned" if row.status == "cosigned" else "returned"]
        reviews = conn.execute(sa.text("SELECT count(*) FROM audit_entry WHERE action IN ('co-sign', 'return')"))
        assert reviews.scalar() == 1, "only the review that happened is in the audit trail"


def test_a_review_of_a_version_changed_since_names_who_reviewed_it(engine, world, clock) -> None:  # type: ignore[no-untyped-def]
    author = station(engine, clock, "office")
    note = author.start_meeting_notes(world.facilitator, world.meeting_id).individual[0]
    signed = author.sign(world.facilitator, note.id, content=fill(note))
    author.cosign(world.supervisor, note.id, version=signed.version)
    with pytest.raises(NotesError, match="Rosa Diaz co-signed this note"):
        author.cosign(world.supervisor2, note.id, version=signed.version)
    with pytest.raises(NoteStateError):
        author.cosign(world.supervisor2, note.id)


# -- what changed, and words for the reviewer --------------------------------------------------


def test_each_write_names_what_changed_and_audits_in_plain_words(engine, world, clock, shipped_library) -> None:  # type: ignore[no-untyped-def]
    service = station(engine, clock, "office", shipped_library)
    heard: list[Changes] = []
    service._work.subscribe(heard.append)
    sam = world.participants["Sam"]
    meeting = service.start_meeting_notes(world.independent, world.meeting_id)
    assert heard[-1] == Changes.of(ch.NOTE, *(n.id for n in meeting.notes))
    note = next(n for n in meeting.individual if n.participant_id == sam)
    observation = service.add_observation(world.independent, world.meeting_id, sam, "Offered to lead.")
    assert heard[-1] == Changes.of(ch.OBSERVATION, observation.id) | Changes.of(ch.NOTE, note.id)
    current = service.note(world.independent, note.id)
    assert current.version == 2 and "Offered to lead." in current.content["data"]
    saved = service.save_draft(world.independent, note.id, fill(current), current.version)
    assert heard[-1] == Changes.of(ch.NOTE, note.id)
    service.sign(world.independent, note.id, version=saved.version)
    service.add_addendum(world.independent, note.id, "Phoned the next day.")
    service.mark_entered_in_error(world.supervisor, note.id, "Wrong chart.")
    service.set_group_format(world.supervisor, world.group_id, "SOAP")
    assert heard[-1] == Changes.of(ch.GROUP, world.group_id)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT action, detail FROM audit_entry WHERE action <> 'view' ORDER BY seq"))
        # A signature's entry carries the hash of what was signed after its words.
        assert [(a, d.split("; SHA-256 of what was signed ")[0]) for a, d in rows] == [
            ("create", "started 4 draft note(s)"),
            ("create", "added an observation to the draft note"),
            ("sign", "signed round 1"),
            ("change", "added an addendum"),
            ("change", "marked entered in error"),
            ("change", "chose SOAP as the group's note format"),
        ]


# -- a session that ended ------------------------------------------------------------------


def test_a_disabled_account_can_no_longer_read_or_cosign(engine, world, clock) -> None:  # type: ignore[no-untyped-def]
    service = station(engine, clock, "office")
    note = service.start_meeting_notes(world.facilitator, world.meeting_id).individual[0]
    service.sign(world.facilitator, note.id, content=fill(note))
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE user_account SET disabled = :yes WHERE id = :id"),
                     {"yes": True, "id": world.supervisor.user_id})
    with pytest.raises(AccountChanged, match="disabled"):
        service.review_queue(world.supervisor)
    with pytest.raises(AccountChanged):
        service.note(world.supervisor, note.id)
    with pytest.raises(AccountChanged):
        service.cosign(world.supervisor, note.id)
    assert stored(engine, note.id).status == "awaiting_cosign"


def test_a_restored_database_stops_the_next_autosave(engine, world, clock) -> None:  # type: ignore[no-untyped-def]
    service = station(engine, clock, "group room")
    note = service.start_meeting_notes(world.facilitator, world.meeting_id).individual[0]
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE database_identity SET restore_count = restore_count + 1"))
    with pytest.raises(DatabaseReplaced):
        service.save_draft(world.facilitator, note.id, {"data": "after the restore"}, note.version)
    with pytest.raises(DatabaseReplaced):
        service.my_notes(world.facilitator)
    assert "after the restore" not in stored(engine, note.id).content


# -- settings come from the declared table ---------------------------------------------------


def test_unreadable_settings_fall_back_to_the_declared_defaults(engine, world, clock) -> None:  # type: ignore[no-untyped-def]
    from facilitator.core import clinic_settings

    work = Work(engine, AuditLog(engine, clock), clock)
    odd = NotesService(work, Settings(note_format="XYZ", note_deadline_business_days="99", clinic_time_zone="Mars/Base"))
    assert odd.clinic_format().value == clinic_settings.SETTINGS["note_format"].default
    assert odd.deadline_days() == clinic_settings.SETTINGS["note_deadline_business_days"].default
    assert odd.today() == clock.now().astimezone().date()
    fine = NotesService(work, Settings(note_format="girp", note_deadline_business_days="5",
                                       clinic_time_zone="America/Chicago"))
    assert (fine.clinic_format().value, fine.deadline_days(), str(fine.zone())) == ("GIRP", 5, "America/Chicago")
