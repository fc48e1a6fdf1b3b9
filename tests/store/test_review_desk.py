"""The supervisor's desk: awaiting co-signature, late drafts, meetings with no notes, on-time rates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from notes_world import MEETING_START, build_world, fill

from facilitator.core.clock import FakeClock
from facilitator.core.notes import NoteStatus
from facilitator.core.permissions import PermissionDenied
from facilitator.store.audit import AuditLog
from facilitator.store.notes import NotesService
from facilitator.store.unit_of_work import Work


class Settings(dict):
    def get(self, key: str, default: str = "") -> str:  # type: ignore[override]
        return super().get(key, default)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MEETING_START + timedelta(hours=2))


@pytest.fixture
def service(engine, clock, shipped_library):  # type: ignore[no-untyped-def]
    work = Work(engine, AuditLog(engine, clock), clock)
    work.connect_identity()
    return NotesService(work, Settings(clinic_time_zone="America/Chicago"), shipped_library)


def test_the_desk_lists_what_needs_the_supervisor(engine, clock, service) -> None:  # type: ignore[no-untyped-def]
    world = build_world(engine, session_id="drug-alcohol-refusal")
    # Monday's meeting: notes started the same evening; Sam's is signed at once (on time).
    mn = service.start_meeting_notes(world.facilitator, world.meeting_id)
    sam = next(n for n in mn.individual if n.participant_name == "Sam")
    service.sign(world.facilitator, sam.id, content=fill(sam))
    # Wednesday's meeting was held and has no notes; Friday's nobody came to; next week's is to come.
    wednesday = world.add_meeting(date(2026, 11, 4), MEETING_START + timedelta(days=2))
    world.add_meeting(date(2026, 11, 6), MEETING_START + timedelta(days=4), dict.fromkeys(world.participants, "absent_unexcused"))
    world.add_meeting(date(2026, 11, 16), MEETING_START + timedelta(days=14))
    # A week later: Monday's notes were due Thursday 5 November (three business days).
    clock.advance(7 * 86400)

    desk = service.review_desk(world.supervisor)
    assert [q.note_id for q in desk.awaiting] == [sam.id]
    late = {(d.participant_name or "group", d.author_name, d.days_late) for d in desk.late_drafts}
    assert late == {("group", "Ana Ruiz", 4), ("Maria", "Ana Ruiz", 4), ("Jo", "Ana Ruiz", 4)}
    assert all(d.due == date(2026, 11, 5) and d.status is NoteStatus.DRAFT for d in desk.late_drafts)
    assert [(m.meeting_id, m.facilitators, m.attended) for m in desk.undocumented] == [
        (wednesday, "Ana Ruiz, Kim Osei", 4)
    ]
    # Ana's notes due in the last 30 days: four (Monday's), one signed by its due date.
    assert [(r.author_name, r.due, r.on_time, r.percent) for r in desk.on_time] == [("Ana Ruiz", 4, 1, 25)]

    # The author's own lists: "overdue" is her late drafts; the signed note waits on its own list.
    mine = service.my_notes(world.facilitator)
    assert {n.note_id for n in mine.overdue} == {d.note_id for d in desk.late_drafts}
    assert [n.note_id for n in mine.awaiting] == [sam.id] and sam.id not in {n.note_id for n in mine.overdue}

    with pytest.raises(PermissionDenied):
        service.review_desk(world.facilitator)


def test_a_supervisor_does_not_review_their_own_drafts_on_the_desk(engine, clock, service) -> None:  # type: ignore[no-untyped-def]
    world = build_world(engine, session_id="drug-alcohol-refusal")
    service.start_meeting_notes(world.supervisor, world.meeting_id)
    clock.advance(7 * 86400)
    assert service.review_desk(world.supervisor).late_drafts == []
    assert len(service.review_desk(world.supervisor2).late_drafts) == 4
