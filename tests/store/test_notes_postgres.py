"""The signed-note lock on PostgreSQL (its own trigger text). Runs only when given a database.

    FACILITATOR_TEST_DATABASE_URL=postgresql+psycopg://user@/testdb?host=/var/run/postgresql pytest ...

The same variable runs every store test on that server (see tests/conftest.py), among them
the two-supervisor race of test_notes_concurrency. The database must be disposable: its
schema is dropped and rebuilt.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa


@pytest.fixture
def pg_engine(engine):  # type: ignore[no-untyped-def]
    """The shared engine fixture, which targets the server FACILITATOR_TEST_DATABASE_URL names."""
    if engine.dialect.name != "postgresql":
        pytest.skip("set FACILITATOR_TEST_DATABASE_URL to a disposable PostgreSQL database")
    return engine


def test_postgres_refuses_changing_or_deleting_a_signed_note(pg_engine) -> None:  # type: ignore[no-untyped-def]
    from notes_world import build_world, fill

    from facilitator.store.audit import AuditLog
    from facilitator.store.notes import NotesService
    from facilitator.store.unit_of_work import Work

    world = build_world(pg_engine)
    work = Work(pg_engine, AuditLog(pg_engine))
    work.connect_identity()
    service = NotesService(work)
    meeting = service.start_meeting_notes(world.independent, world.meeting_id)
    draft, signed = meeting.individual[0], meeting.individual[1]
    service.save_draft(world.independent, draft.id, {"data": "still a draft"}, draft.version)
    service.sign(world.independent, signed.id, content=fill(signed))
    for statement in (
        "UPDATE progress_note SET content = '{}' WHERE id = :id",
        "UPDATE progress_note SET status = 'draft' WHERE id = :id",
        "DELETE FROM progress_note WHERE id = :id",
        "UPDATE note_round SET content = '{}' WHERE note_id = :id",
        "DELETE FROM note_round WHERE note_id = :id",
    ):
        with pytest.raises(sa.exc.DatabaseError, match="signed"):
            with pg_engine.begin() as conn:
                conn.execute(sa.text(statement), {"id": signed.id})
    with pg_engine.begin() as conn:  # a draft stays editable
        conn.execute(sa.text("UPDATE progress_note SET content = '{}' WHERE id = :id"), {"id": draft.id})
    assert service.note(world.independent, signed.id).content == fill(signed)
    added = service.add_addendum(world.independent, signed.id, "Later detail.")
    with pytest.raises(sa.exc.DatabaseError, match="addendum"):
        with pg_engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM note_addendum WHERE id = :id"), {"id": added.addenda[0].id})
    queue_plan = None
    with pg_engine.connect() as conn:
        queue_plan = conn.execute(
            sa.text(
                "EXPLAIN SELECT id FROM progress_note WHERE status = 'awaiting_cosign' ORDER BY created_at LIMIT 50"
            )
        ).all()
    assert queue_plan
