"""Notes carry risk: the check-in line and the risk line in prefill, and no signing past an open flag."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from measures_world import SETTINGS, TODAY, enrolled_world
from notes_world import MEETING_START, World, fill

from facilitator.core.clock import FakeClock
from facilitator.core.notes import NoteStateError, NoteStatus
from facilitator.store.audit import AuditLog
from facilitator.store.measures import MeasuresService
from facilitator.store.notes import NotesService
from facilitator.store.signatures import verify_signatures
from facilitator.store.unit_of_work import Work


@pytest.fixture
def world(engine) -> World:  # type: ignore[no-untyped-def]
    return enrolled_world(engine)


@pytest.fixture
def work(engine) -> Work:  # type: ignore[no-untyped-def]
    clock = FakeClock(MEETING_START + timedelta(hours=2))
    work = Work(engine, AuditLog(engine, clock), clock)
    work.connect_identity()
    return work


@pytest.fixture
def notes(work, shipped_library) -> NotesService:  # type: ignore[no-untyped-def]
    return NotesService(work, SETTINGS, shipped_library)


@pytest.fixture
def measures(work) -> MeasuresService:  # type: ignore[no-untyped-def]
    return MeasuresService(work, SETTINGS)


def earlier_meeting(world: World, days: int) -> int:
    start = MEETING_START - timedelta(days=days)
    return world.add_meeting(TODAY - timedelta(days=days), start)


def test_the_individual_prefill_has_the_check_in_line(world, notes, measures) -> None:  # type: ignore[no-untyped-def]
    sam = world.participants["Sam"]
    facilitator = measures.acting_as(world.facilitator)
    facilitator.record_check_in(earlier_meeting(world, 7), sam, {"craving": 3})
    facilitator.record_check_in(world.meeting_id, sam, {"craving": 7}, "restless")
    started = notes.start_meeting_notes(world.facilitator, world.meeting_id)
    note = next(n for n in started.individual if n.participant_id == sam)
    assert "Check-in: craving 7/10, up from 3 last week; mood: restless." in note.content["data"]
    assert note.content["risk"] == ""
    jo = next(n for n in started.individual if n.participant_name == "Jo")
    assert "Check-in" not in jo.content["data"], "no check-in recorded, no line"
    assert started.group_note is not None and "craving" not in str(started.group_note.content)


def test_an_open_flag_puts_a_risk_line_in_and_blocks_signing_an_empty_section(world, notes, measures) -> None:  # type: ignore[no-untyped-def]
    maria = world.participants["Maria"]
    phq = measures.acting_as(world.facilitator).record_questionnaire(maria, "PHQ-9", "000000001", TODAY)
    started = notes.start_meeting_notes(world.facilitator, world.meeting_id)
    note = next(n for n in started.individual if n.participant_id == maria)
    assert note.content["risk"].startswith("Open safety flag: PHQ-9 item 9 positive on 2026-11-02")
    content = fill(note)
    content["risk"] = "  "
    with pytest.raises(NoteStateError, match="Maria has an open safety flag: fill in Risk and safety before signing."):
        notes.sign(world.facilitator, note.id, content=content, version=note.version)
    content["risk"] = "Denies plan or intent; safety plan reviewed; overdose risk discussed, naloxone on hand."
    signed = notes.sign(world.facilitator, note.id, content=content, version=note.version)
    assert signed.status is NoteStatus.AWAITING_COSIGN
    assert phq.flag_id is not None


def test_without_an_open_flag_the_risk_section_is_optional(world, notes, measures) -> None:  # type: ignore[no-untyped-def]
    jo = world.participants["Jo"]
    facilitator = measures.acting_as(world.facilitator)
    phq = facilitator.record_questionnaire(jo, "PHQ-9", "000000001", TODAY)
    assert phq.flag_id is not None
    facilitator.resolve_flag(phq.flag_id, "Assessed; low risk; safety plan in place.")
    started = notes.start_meeting_notes(world.facilitator, world.meeting_id)
    note = next(n for n in started.individual if n.participant_id == jo)
    assert note.content["risk"] == ""
    content = fill(note)
    content.pop("risk")
    assert notes.sign(world.facilitator, note.id, content=content, version=note.version).status.locked


def test_a_note_signed_before_the_risk_section_opens_verifies_and_prints(world, notes, engine) -> None:  # type: ignore[no-untyped-def]
    started = notes.start_meeting_notes(world.independent, world.meeting_id)
    note = next(n for n in started.individual if n.participant_name == "Sam")
    old = {k: v for k, v in fill(note).items() if k != "risk"}  # as a note from before the section
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE progress_note SET content = :c WHERE id = :i"),
                     {"c": json.dumps(old), "i": note.id})
    view = notes.note(world.independent, note.id)
    signed = notes.sign(world.independent, note.id, version=view.version)
    assert signed.status is NoteStatus.SIGNED and "risk" not in signed.content
    with engine.connect() as conn:
        assert verify_signatures(conn).problems == []
    printed = notes.participant_print(world.supervisor, "R-1001", date(2026, 11, 1), date(2026, 11, 30))
    [sam] = printed.notes
    assert [label for label, _ in sam.sections] == ["Data", "Assessment", "Plan"], "an empty optional section is left out"


def test_a_filled_risk_section_prints(world, notes, measures) -> None:  # type: ignore[no-untyped-def]
    started = notes.start_meeting_notes(world.independent, world.meeting_id)
    note = next(n for n in started.individual if n.participant_name == "Jo")
    content = fill(note)
    content["risk"] = "No thoughts of harm reported."
    notes.sign(world.independent, note.id, content=content, version=note.version)
    printed = notes.participant_print(world.supervisor, "R-1003", date(2026, 11, 1), date(2026, 11, 30))
    assert ("Risk and safety", "No thoughts of harm reported.") in printed.notes[0].sections

