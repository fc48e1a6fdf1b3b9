"""Every free-text field of a note is held to its limit in core, with a sentence naming it."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from notes_world import MEETING_START, World, build_world, fill

from facilitator.core import limits
from facilitator.core import notes as cn
from facilitator.core.changes import ValidationError
from facilitator.core.clock import FakeClock
from facilitator.store.audit import AuditLog
from facilitator.store.notes import NotesService
from facilitator.store.unit_of_work import Work


class Settings(dict):
    def get(self, key: str, default: str = "") -> str:  # type: ignore[override]
        return super().get(key, default)


@pytest.fixture
def world(engine) -> World:  # type: ignore[no-untyped-def]
    return build_world(engine)


@pytest.fixture
def service(engine, shipped_library) -> NotesService:  # type: ignore[no-untyped-def]
    clock = FakeClock(MEETING_START + timedelta(hours=2))
    work = Work(engine, AuditLog(engine, clock), clock, workstation="front desk")
    work.connect_identity()
    return NotesService(work, Settings(clinic_time_zone="America/Chicago", note_format="BIRP"), shipped_library)


TOO_LONG = "x" * (limits.NOTE_SECTION.max_chars + 1)


def test_core_names_the_section_and_its_limit() -> None:
    sections = cn.sections_for("individual", "DAP")
    assert cn.content_problem(sections, {"data": "x" * limits.NOTE_SECTION.max_chars}) is None
    assert cn.content_problem(sections, {"data": TOO_LONG}) == "The Data section is longer than 20,000 characters."
    assert "control characters" in str(cn.content_problem(sections, {"plan": "a\x00b"}))
    assert cn.content_problem(sections, {"plan": "line one\n\tline two"}) is None
    many = {f"extra{i}": "y" * limits.NOTE_SECTION.max_chars for i in range(13)}
    assert "in all" in str(cn.content_problem(sections, many))
    # Line breaks are stored quoted (two characters each): what counts is the stored length.
    quoted = {key: "\n" * limits.NOTE_SECTION.max_chars for key in ("data", "assessment", "plan", "a", "b", "c", "d")}
    assert "250,000 characters a note can hold in all" in str(cn.content_problem(sections, quoted))


def _stored_content(engine, note_id: int) -> str:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT content FROM progress_note WHERE id = :id"), {"id": note_id}).scalar_one()


def test_an_overlong_section_is_refused_by_name_and_nothing_is_written(service, world) -> None:  # type: ignore[no-untyped-def]
    note = service.start_meeting_notes(world.facilitator, world.meeting_id).individual[0]
    before = _stored_content(world.engine, note.id)
    content = dict(fill(note), behavior=TOO_LONG)
    with pytest.raises(ValidationError, match="The Behavior section is longer than 20,000 characters"):
        service.save_draft(world.facilitator, note.id, content, note.version)
    with pytest.raises(ValidationError, match="Behavior section"):
        service.sign(world.facilitator, note.id, content=content, version=note.version)
    assert _stored_content(world.engine, note.id) == before
    assert service.note(world.facilitator, note.id).version == note.version
    saved = service.save_draft(world.facilitator, note.id, fill(note), note.version)
    assert saved.version == note.version + 1, "a section within its limit saves"


def test_addendum_error_reason_return_comment_and_observation_have_limits(service, world) -> None:  # type: ignore[no-untyped-def]
    mn = service.start_meeting_notes(world.facilitator, world.meeting_id)
    note = mn.individual[0]
    signed = service.sign(world.facilitator, note.id, content=fill(note), version=note.version)
    with pytest.raises(ValidationError, match="The comment is longer than 5,000 characters"):
        service.return_note(world.supervisor, note.id, "c" * (limits.COMMENT.max_chars + 1), signed.version)
    returned = service.return_note(world.supervisor, note.id, "Add the plan.", signed.version)
    assert returned.return_comment == "Add the plan."
    resigned = service.sign(world.facilitator, note.id, content=fill(note))
    service.cosign(world.supervisor, note.id, resigned.version)
    with pytest.raises(ValidationError, match="The addendum is longer than 20,000 characters"):
        service.add_addendum(world.facilitator, note.id, "a" * (limits.ADDENDUM.max_chars + 1))
    with pytest.raises(ValidationError, match="The reason is longer than 5,000 characters"):
        service.mark_entered_in_error(world.facilitator, note.id, "r" * (limits.COMMENT.max_chars + 1))
    assert service.add_addendum(world.facilitator, note.id, "Called back.").addenda[0].text == "Called back."
    sam = world.participants["Sam"]
    with pytest.raises(ValidationError, match="The observation is longer than 1,000 characters"):
        service.add_observation(world.facilitator, world.meeting_id, sam, "o" * (limits.OBSERVATION.max_chars + 1))
    with world.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM note_observation")).scalar_one() == 0
        assert conn.execute(sa.text("SELECT count(*) FROM note_addendum")).scalar_one() == 1
