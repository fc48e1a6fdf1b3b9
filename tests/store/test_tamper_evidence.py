"""Tamper evidence that holds: signatures re-hashed, the head checkpointed outside the database,
co-signed notes frozen whole, and no writes into a database that lost its guards.

Runs on SQLite and, with FACILITATOR_TEST_DATABASE_URL, on PostgreSQL (the attacker there is
a role that may drop triggers: the superuser the tests connect as).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from notes_world import MEETING_START, World, build_world, fill

from facilitator.core.audit import GENESIS_HASH, HASHED_FIELDS, AuditAction, Checkpoint, entry_hash
from facilitator.core.changes import DatabaseUnavailable
from facilitator.core.clock import FakeClock
from facilitator.store.audit import AuditLog
from facilitator.store.checkpoint import AuditCheckpoints
from facilitator.store.guards import DatabaseUnprotected, missing_guards, repair_guards
from facilitator.store.models import Meeting
from facilitator.store.notes import NotesService
from facilitator.store.unit_of_work import Work


class Settings(dict):
    def get(self, key: str, default: str = "") -> str:  # type: ignore[override]
        return super().get(key, default)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MEETING_START + timedelta(hours=2))


@pytest.fixture
def world(engine) -> World:  # type: ignore[no-untyped-def]
    return build_world(engine)


@pytest.fixture
def audit(engine, clock, tmp_path: Path) -> AuditLog:  # type: ignore[no-untyped-def]
    log = AuditLog(engine, clock, workstation="ws")
    log.checkpoints = AuditCheckpoints(tmp_path / "data")
    return log


@pytest.fixture
def work(engine, clock, audit) -> Work:  # type: ignore[no-untyped-def]
    w = Work(engine, audit, clock, workstation="front desk")
    w.connect_identity()
    return w


@pytest.fixture
def service(work, shipped_library) -> NotesService:  # type: ignore[no-untyped-def]
    return NotesService(work, Settings(clinic_time_zone="America/Chicago", note_format="BIRP"), shipped_library)


def drop_guards(engine) -> None:  # type: ignore[no-untyped-def]
    """What someone with the file (or a role allowed to) does first."""
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            for (name,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").all():
                conn.exec_driver_sql(f"DROP TRIGGER {name}")
        else:  # one dropped outright, the rest disabled
            conn.exec_driver_sql("DROP TRIGGER progress_note_cosigned_frozen ON progress_note")
            for table in ("progress_note", "note_round", "note_addendum", "audit_entry", "audit_head"):
                conn.exec_driver_sql(f"ALTER TABLE {table} DISABLE TRIGGER USER")


def cosigned_note(service: NotesService, world: World, clock: FakeClock):  # type: ignore[no-untyped-def]
    note = service.start_meeting_notes(world.facilitator, world.meeting_id).individual[0]
    service.sign(world.facilitator, note.id, content=fill(note))
    clock.advance(3600)
    return service.cosign(world.supervisor, note.id)


# -- what was signed -----------------------------------------------------------------------------


def test_sign_and_cosign_entries_carry_the_hash_of_what_was_signed(engine, service, world, clock, audit) -> None:  # type: ignore[no-untyped-def]
    note = cosigned_note(service, world, clock)
    entries = [e for e in audit.entries(world.supervisor) if e.action in ("sign", "co-sign")]
    assert [e.detail.split(";")[0] for e in entries] == ["signed round 1", "co-signed round 1"]
    assert all(len(e.detail.rsplit(" ", 1)[1]) == 64 for e in entries)
    assert all(e.record_id == str(note.id) for e in entries)
    report = audit.verify()
    assert report.ok, report.problems
    assert report.signatures_checked == 3  # the round, the note row, the co-signature


def test_a_signed_note_rewritten_with_the_triggers_dropped_is_named(engine, service, world, clock, audit) -> None:  # type: ignore[no-untyped-def]
    notes = service.start_meeting_notes(world.independent, world.meeting_id).individual
    kept, changed = notes[0], notes[1]
    for n in (kept, changed):
        service.sign(world.independent, n.id, content=fill(n))
    drop_guards(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE progress_note SET content = :c WHERE id = :id"),
                     {"c": '{"behavior": "rewritten later"}', "id": changed.id})
        conn.execute(sa.text("UPDATE note_round SET content = :c WHERE note_id = :id"),
                     {"c": '{"behavior": "rewritten later"}', "id": changed.id})
    report = audit.verify()
    named = " ".join(p.sentence for p in report.problems)
    assert f"note {changed.id}, round 1" in named and f"note {changed.id}: the note as shown" in named
    assert f"note {kept.id}" not in named
    assert report.checked > 0 and not [p for p in report.problems if "chain" in p.sentence]


def test_moving_the_meeting_under_a_cosigned_note_is_named(engine, service, world, clock, audit) -> None:  # type: ignore[no-untyped-def]
    note = cosigned_note(service, world, clock)
    assert audit.verify().ok
    with engine.begin() as conn:  # a meeting is not locked by a trigger: only the hash sees this
        meeting = Meeting.__table__  # type: ignore[attr-defined]
        conn.execute(meeting.update().where(meeting.c.id == world.meeting_id).values(
            local_day=date(2026, 10, 26), starts_at=MEETING_START - timedelta(days=7)))
    report = audit.verify()
    sentences = [p.sentence for p in report.problems]
    assert any(s.startswith(f"note {note.id}") and "date of service" in s for s in sentences), sentences
    assert any("co-signed" in s for s in sentences)


def test_a_signed_note_deleted_is_named(engine, service, world, clock, audit) -> None:  # type: ignore[no-untyped-def]
    note = service.start_meeting_notes(world.independent, world.meeting_id).individual[0]
    service.sign(world.independent, note.id, content=fill(note))
    drop_guards(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM note_round WHERE note_id = :id"), {"id": note.id})
        conn.execute(sa.text("DELETE FROM progress_note WHERE id = :id"), {"id": note.id})
    assert any(f"note {note.id}: signed (round 1) but no longer in the database" in p.sentence
               for p in audit.verify().problems)


# -- a co-signed note is frozen whole ----------------------------------------------------------


def test_a_cosigned_note_is_frozen_whole_but_may_be_marked_in_error(engine, service, world, clock) -> None:  # type: ignore[no-untyped-def]
    note = cosigned_note(service, world, clock)
    for statement in (
        "UPDATE progress_note SET return_comment = 'looks fine' WHERE id = :id",
        "UPDATE progress_note SET returned_at = cosigned_at WHERE id = :id",
        "UPDATE progress_note SET error_reason = 'no' WHERE id = :id",
    ):
        with pytest.raises(sa.exc.DatabaseError, match="co-signed note cannot be changed"):
            with engine.begin() as conn:
                conn.execute(sa.text(statement), {"id": note.id})
    service.add_addendum(world.facilitator, note.id, "A later detail.")  # a new version of the row, allowed
    marked = service.mark_entered_in_error(world.supervisor, note.id, "Wrong chart.")
    assert marked.error_reason == "Wrong chart."
    with pytest.raises(sa.exc.DatabaseError):
        with engine.begin() as conn:
            conn.execute(sa.text("UPDATE progress_note SET error_reason = 'other' WHERE id = :id"), {"id": note.id})


# -- guards missing: refuse to write, keep reading -------------------------------------------------


def test_a_database_without_its_guards_refuses_writes_and_keeps_reads(engine, service, world, clock, audit) -> None:  # type: ignore[no-untyped-def]
    note = service.start_meeting_notes(world.independent, world.meeting_id).individual[0]
    drop_guards(engine)
    work = Work(engine, audit, clock)
    assert work.connect_identity() is not None
    with engine.connect() as conn:
        assert "progress_note_cosigned_frozen" in missing_guards(conn)
    assert "lost" in work.unprotected and "facilitator audit guards --repair" in work.unprotected
    fresh = NotesService(work, Settings(), None)
    with pytest.raises(DatabaseUnprotected, match="nothing can be saved"):
        fresh.sign(world.independent, note.id, content=fill(note))
    assert isinstance(DatabaseUnprotected("x"), DatabaseUnavailable)
    assert fresh.note(world.independent, note.id).status.value == "draft"  # reading goes on
    with work.begin(None) as uow:  # bookkeeping for nobody (a sign-in attempt) still appends to the trail
        uow.audit(AuditAction.FAILED_SIGN_IN, username="someone")
    with engine.begin() as conn:
        repaired = repair_guards(conn)
    assert "progress_note_cosigned_frozen" in repaired
    with engine.connect() as conn:
        assert missing_guards(conn) == []
    work.connect_identity()
    fresh.sign(world.independent, note.id, content=fill(note))
    with pytest.raises(sa.exc.DatabaseError):
        with engine.begin() as conn:
            conn.execute(sa.text("UPDATE progress_note SET content = '{}' WHERE id = :id"), {"id": note.id})


# -- the head row ---------------------------------------------------------------------------------


def test_a_deleted_head_row_is_rebuilt_recorded_and_reported(engine, audit, world) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        audit.record(world.admin, AuditAction.VIEW, record_type="participant")
    drop_guards(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM audit_head")
    seq = audit.record(None, AuditAction.FAILED_SIGN_IN, username="fay")  # a sign-in goes on
    assert seq == 5
    entries = audit.entries(world.admin)
    assert entries[3].detail == "found the trail's head record missing and rebuilt it from entry 3"
    report = audit.verify()
    assert [p.seq for p in report.problems] == [4]
    assert "head record had been deleted" in report.problems[0].sentence


# -- checkpoints ----------------------------------------------------------------------------------


def _fill(audit: AuditLog, who, n: int) -> None:  # type: ignore[no-untyped-def]
    for i in range(n):
        audit.record(who, AuditAction.VIEW, record_type="participant", detail=f"looked {i}")


def test_the_key_is_private_and_the_checkpoint_is_sealed(engine, audit, world, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _fill(audit, world.admin, 3)
    checkpoints = audit.checkpoints
    assert checkpoints is not None
    cp = checkpoints.take(engine, clock.now())
    assert cp is not None and cp.seq == 3
    assert checkpoints.key_path.stat().st_mode & 0o777 == 0o600
    assert checkpoints.path.stat().st_mode & 0o777 == 0o600
    assert checkpoints.load() == cp
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT COUNT(*) FROM audit_entry WHERE detail LIKE :k"),
                            {"k": f"%{checkpoints.key_path.read_text().strip()[:16]}%"}).scalar() == 0
    forged = Checkpoint(cp.clinic_id, 1, cp.head_hash, cp.at, cp.mac)
    checkpoints.write(forged, checkpoints.path)
    report = audit.verify()
    assert not report.ok and "does not carry this data folder's seal" in report.problems[0].sentence


def test_a_rewind_is_caught_against_the_last_checkpoint(engine, audit, world, clock) -> None:  # type: ignore[no-untyped-def]
    _fill(audit, world.admin, 5)
    assert audit.checkpoints is not None and audit.checkpoints.take(engine, clock.now())
    drop_guards(engine)
    with engine.begin() as conn:  # cut the last two entries and rewind the head: the chain is whole again
        conn.exec_driver_sql("DELETE FROM audit_entry WHERE seq > 3")
        h = conn.exec_driver_sql("SELECT hash FROM audit_entry WHERE seq = 3").scalar()
        conn.execute(sa.text("UPDATE audit_head SET seq = 3, hash = :h"), {"h": h})
    assert AuditLog.verify_engine(engine).ok, "the chain alone cannot see it"
    report = audit.verify()
    assert not report.ok and "saw 5 entries but its newest entry is now 3" in report.problems[0].sentence
    clock.advance(300)
    assert audit.checkpoints.take(engine, clock.now()) is None, "the evidence is not overwritten"
    assert audit.checkpoints.load().seq == 5  # type: ignore[union-attr]


def test_a_wiped_trail_is_caught(engine, audit, world, clock) -> None:  # type: ignore[no-untyped-def]
    _fill(audit, world.admin, 4)
    assert audit.checkpoints is not None and audit.checkpoints.take(engine, clock.now())
    drop_guards(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM audit_entry")
        conn.execute(sa.text("UPDATE audit_head SET seq = 0, hash = :h"), {"h": GENESIS_HASH})
    report = audit.verify()
    assert any("the trail is empty" in p.sentence for p in report.problems)


def test_a_recomputed_chain_is_caught(engine, audit, world, clock) -> None:  # type: ignore[no-untyped-def]
    _fill(audit, world.admin, 4)
    assert audit.checkpoints is not None and audit.checkpoints.take(engine, clock.now())
    drop_guards(engine)
    with engine.begin() as conn:  # change entry 2, then recompute every hash after it
        rows = [dict(r) for r in conn.execute(sa.text("SELECT * FROM audit_entry ORDER BY seq")).mappings()]
        rows[1]["detail"] = "nothing to see"
        prev = GENESIS_HASH
        for row in rows:
            content = {k: row[k] for k in HASHED_FIELDS}
            content["at"] = audit.entries(world.admin)[row["seq"] - 1].at
            digest = entry_hash(prev, content)
            conn.execute(sa.text("UPDATE audit_entry SET detail = :d, prev_hash = :p, hash = :h WHERE seq = :s"),
                         {"d": row["detail"], "p": prev, "h": digest, "s": row["seq"]})
            prev = digest
        conn.execute(sa.text("UPDATE audit_head SET hash = :h"), {"h": prev})
    assert AuditLog.verify_engine(engine).ok, "the chain alone cannot see it"
    report = audit.verify()
    assert any("was rewritten and its chain recomputed" in p.sentence for p in report.problems)


def test_migration_keeps_every_row(tmp_path: Path) -> None:
    from alembic import command

    from facilitator.store import db

    engine = db.create_engine(f"sqlite:///{tmp_path / 'm.sqlite'}")
    with engine.begin() as conn:
        command.upgrade(db._alembic_config(conn), "0006")
    world = build_world(engine)
    with engine.connect() as conn:
        before = {t: conn.execute(sa.text(f"SELECT COUNT(*) FROM {t}")).scalar() for t in
                  ("participant", "meeting", "attendance", "user_account", "audit_entry")}
    db.upgrade(engine)
    with engine.connect() as conn:
        after = {t: conn.execute(sa.text(f"SELECT COUNT(*) FROM {t}")).scalar() for t in before}
        assert missing_guards(conn) == []
    assert after == before and before["participant"] == len(world.participants)
    engine.dispose()
