"""The roster service against a migrated database: groups, participants, enrollment, import."""

from __future__ import annotations

from datetime import date, time

import pytest
import sqlalchemy as sa
from roster_world import services

from facilitator.core.attendance import Track, WeeklySchedule
from facilitator.core.curriculum import GroupType
from facilitator.core.roster import (
    Admission,
    GroupDraft,
    ParticipantDraft,
    ParticipantStatus,
    parse_roster,
    read_csv,
)
from facilitator.store.roster import RosterError, RosterImportRefused, RosterService

HEADER = "record_number,preferred_name,legal_name,date_of_birth,program_start,weekly_hours_target,language,large_print\n"


@pytest.fixture
def roster(engine, shipped_library) -> RosterService:  # type: ignore[no-untyped-def]
    return services(engine, shipped_library)[0]


def group_draft(name: str = "Evening skills", **changes: object) -> GroupDraft:
    values: dict[str, object] = dict(
        name=name,
        group_type=GroupType.SKILLS,
        track=Track(("skills-core",), rolling=True),
        schedule=WeeklySchedule((0, 2), time(18), 180),
        start_date=date(2026, 3, 2),
        room="Room 2",
        facilitators=("Dana Lee",),
        co_facilitators=("Sam Ortiz",),
    )
    values.update(changes)
    return GroupDraft(**values)  # type: ignore[arg-type]


def person(record: str, name: str = "Al", **changes: object) -> ParticipantDraft:
    values: dict[str, object] = dict(
        record_number=record, preferred_name=name, legal_name=f"{name} Legal", program_start=date(2026, 3, 1)
    )
    values.update(changes)
    return ParticipantDraft(**values)  # type: ignore[arg-type]


def test_group_round_trip_with_track_staff_and_schedule(roster: RosterService) -> None:
    created = roster.create_group(group_draft(admission=Admission.CLOSED, capacity=10))
    again = roster.group(created.id)
    assert again == created
    assert again.track == Track(("skills-core",), rolling=True)
    assert again.schedule == WeeklySchedule((0, 2), time(18), 180)
    assert again.facilitators == ("Dana Lee",) and again.co_facilitators == ("Sam Ortiz",)
    assert again.admission is Admission.CLOSED and again.capacity == 10
    changed = roster.update_group(
        created.id,
        group_draft("Evening skills B", track=Track(("psychoeducation-core", "skills-core")), facilitators=("Sam Ortiz",),
                    co_facilitators=()),
        created.version,
    )
    assert changed.version == created.version + 1
    assert changed.name == "Evening skills B" and changed.track.curriculum_ids == ("psychoeducation-core", "skills-core")
    assert changed.facilitators == ("Sam Ortiz",) and changed.co_facilitators == ()
    assert [s.name for s in roster.staff()] == ["Dana Lee", "Sam Ortiz"]


def test_group_names_are_unique_and_bad_drafts_refused(roster: RosterService) -> None:
    roster.create_group(group_draft())
    with pytest.raises(RosterError, match="already a group"):
        roster.create_group(group_draft())
    with pytest.raises(RosterError, match="end date is before"):
        roster.create_group(group_draft("Other", end_date=date(2026, 1, 1)))


def test_participant_round_trip_with_goals_and_unique_record_numbers(roster: RosterService) -> None:
    p = roster.create_participant(person("A1", goals=("Ninety meetings", "Call a sponsor weekly"), large_print=True,
                                         date_of_birth=date(1980, 1, 2), weekly_hours_target=7.5, language="es"))
    got = roster.participant(p.id)
    assert got.goals == ("Ninety meetings", "Call a sponsor weekly")
    assert got.large_print and got.language == "es" and got.weekly_hours_target == 7.5
    with pytest.raises(RosterError, match="A1 already belongs"):
        roster.create_participant(person("A1", "Other"))
    updated = roster.update_participant(p.id, person("A1", "Alfie", status=ParticipantStatus.COMPLETED, goals=("One",)),
                                        p.version)
    assert updated.preferred_name == "Alfie" and updated.goals == ("One",)
    assert updated.status is ParticipantStatus.COMPLETED
    assert roster.participant_by_record("A1") == updated
    assert roster.participants(ParticipantStatus.ACTIVE) == []
    assert [x.id for x in roster.participants(query="alf")] == [p.id]


def test_relatives_are_linked_to_a_client(roster: RosterService) -> None:
    p = roster.create_participant(person("A1"))
    rel = roster.add_relative(p.id, "  Maria   Lopez ", "partner")
    assert rel.name == "Maria Lopez" and rel.participant_id == p.id
    assert roster.relatives([p.id]) == [rel]
    roster.remove_relative(rel.id)
    assert roster.relatives() == []


def test_enrollment_dates_capacity_warning_and_several_groups(roster: RosterService) -> None:
    g = roster.create_group(group_draft(capacity=12))
    other = roster.create_group(group_draft("Morning psychoeducation", group_type=GroupType.PSYCHOEDUCATION))
    people = [roster.create_participant(person(f"R{i:02d}", f"P{i:02d}")) for i in range(13)]
    warnings = [roster.enroll(g.id, p.id, date(2026, 3, 2)).warnings for p in people]
    assert warnings[:12] == [()] * 12
    assert "13 participants, more than 12" in warnings[12][0]
    assert roster.enroll(other.id, people[0].id, date(2026, 3, 2)).warnings == ()
    with pytest.raises(RosterError, match="already enrolled"):
        roster.enroll(g.id, people[0].id, date(2026, 4, 1))
    first = roster.enrollments(group_id=g.id, participant_id=people[0].id)[0]
    roster.end_enrollment(first.id, date(2026, 3, 20))
    assert people[0].id not in [p.id for p in roster.roster_on(g.id, date(2026, 3, 21))]
    assert people[0].id in [p.id for p in roster.roster_on(g.id, date(2026, 3, 20))]
    assert len(roster.enrollments(participant_id=people[0].id)) == 2


def test_closed_group_warns_on_late_admission(roster: RosterService) -> None:
    g = roster.create_group(group_draft(admission=Admission.CLOSED))
    p = roster.create_participant(person("A1"))
    assert "closed admission" in roster.enroll(g.id, p.id, date(2026, 3, 20)).warnings[0]


def test_import_adds_all_rows_in_one_go(roster: RosterService) -> None:
    plan = parse_roster(read_csv(HEADER + "A1,Al,Albert,,2026-03-01,,en,no\nB2,Bea,Beatrice,,2026-03-01,6,es,yes\n"))
    added = roster.import_roster(plan)
    assert sorted(p.record_number for p in added) == ["A1", "B2"]
    assert len(roster.participants()) == 2


def test_import_with_a_record_number_already_in_the_roster_adds_nothing(roster: RosterService, engine) -> None:  # type: ignore[no-untyped-def]
    roster.create_participant(person("B2", "Existing"))
    plan = parse_roster(read_csv(HEADER + "A1,Al,Albert,,2026-03-01,,en,no\nB2,Bea,Beatrice,,2026-03-01,,en,no\n"))
    assert plan.ok
    with pytest.raises(RosterImportRefused) as info:
        roster.import_roster(plan)
    assert [str(e) for e in info.value.errors] == ["line 3: record number 'B2' is already in the roster"]
    with engine.connect() as conn:
        assert conn.execute(sa.text("select count(*) from participant")).scalar() == 1


def test_import_of_a_plan_with_bad_rows_adds_nothing(roster: RosterService) -> None:
    plan = parse_roster(read_csv(HEADER + "A1,Al,Albert,,2026-03-01,,en,no\nB2,,Beatrice,,2026-03-01,,en,no\n"))
    with pytest.raises(RosterImportRefused, match="1 row"):
        roster.import_roster(plan)
    assert roster.participants() == []
