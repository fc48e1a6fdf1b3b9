"""The measures service: recording, reading, permissions, audit words and the database lock."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from measures_world import NOW, TODAY, audit_details, enrolled_world, measures_for
from notes_world import World

from facilitator.core import changes as ch
from facilitator.core.changes import ConflictError
from facilitator.core.clock import FakeClock
from facilitator.core.measures import FlagState, MeasureError
from facilitator.core.permissions import PermissionDenied
from facilitator.store.access import SETUP, NoSuchParticipant
from facilitator.store.measures import LabImportRefused, MeasuresService


@pytest.fixture
def world(engine) -> World:  # type: ignore[no-untyped-def]
    return enrolled_world(engine)


@pytest.fixture
def service(engine) -> MeasuresService:  # type: ignore[no-untyped-def]
    return measures_for(engine)


def as_(service: MeasuresService, principal: object) -> MeasuresService:
    return service.acting_as(principal)


# -- check-ins -------------------------------------------------------------------------------------


def test_a_check_in_is_stored_for_the_participant_and_meeting(service, world, engine) -> None:  # type: ignore[no-untyped-def]
    seen: list[ch.Changes] = []
    service.work.subscribe(seen.append)
    sam = world.participants["Sam"]
    record = as_(service, world.facilitator).record_check_in(world.meeting_id, sam, {"craving": "7"}, "Tired")
    assert record.ratings == {"craving": 7} and record.mood == "tired" and record.taken_on == TODAY
    assert record.recorded.recorded_by == "Ana Ruiz"
    assert seen and seen[-1].names(ch.CHECK_IN, sam)
    held = as_(service, world.facilitator).meeting_check_ins(world.meeting_id)
    assert held[sam].ratings == {"craving": 7}
    assert ("create", "check-in", "recorded a check-in") in audit_details(engine)


def test_retyping_a_check_in_keeps_the_first_marked_entered_in_error(service, world, engine) -> None:  # type: ignore[no-untyped-def]
    facilitator = as_(service, world.facilitator)
    sam = world.participants["Sam"]
    first = facilitator.record_check_in(world.meeting_id, sam, {"craving": 7})
    same = facilitator.record_check_in(world.meeting_id, sam, {"craving": 7})
    assert same.id == first.id, "the same values again change nothing"
    second = facilitator.record_check_in(world.meeting_id, sam, {"craving": 6})
    assert second.id != first.id
    everything = facilitator.participant_measures(sam, date(2026, 9, 1), TODAY, include_errors=True)
    assert [(c.ratings["craving"], c.recorded.in_error) for c in everything.check_ins] == [(7, True), (6, False)]
    assert [c.ratings["craving"] for c in facilitator.participant_measures(sam, date(2026, 9, 1), TODAY).check_ins] == [6]
    details = [d for _, t, d in audit_details(engine) if t == "check-in"]
    assert details[-1].startswith("corrected a check-in")
    assert not any(ch.isdigit() for d in details for ch in d), "no ratings in the audit trail"


@pytest.mark.parametrize(
    ("ratings", "mood", "sentence"),
    [
        ({"craving": 11}, "", "A craving rating of 11 is outside the scale; use 0 to 10."),
        ({"craving": "seven"}, "", "must be a whole number from 0 to 10"),
        ({"craving": ""}, "", "Type a rating or a mood"),
        ({"stress": 3}, "", "does not collect a stress rating"),
        ({"craving": 3}, "very tired", "A mood is one word"),
    ],
)
def test_a_bad_check_in_is_a_sentence_and_stores_nothing(service, world, engine, ratings, mood, sentence) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(MeasureError, match=sentence.replace("(", r"\(").replace(")", r"\)")):
        as_(service, world.facilitator).record_check_in(world.meeting_id, world.participants["Sam"], ratings, mood)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM check_in").scalar() == 0


def test_a_curriculum_may_collect_other_ratings(service, world) -> None:  # type: ignore[no-untyped-def]
    record = as_(service, world.facilitator).record_check_in(
        world.meeting_id, world.participants["Jo"], {"craving": 2, "confidence": 9}, scales=("craving", "confidence")
    )
    assert record.ratings == {"confidence": 9, "craving": 2}


def test_a_check_in_for_someone_outside_the_group_is_refused(service, world, engine) -> None:  # type: ignore[no-untyped-def]
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM enrollment WHERE participant_id = :p"), {"p": world.participants["Dee"]})
    with pytest.raises(MeasureError, match="Dee is not enrolled in this group and not marked present"):
        as_(service, world.supervisor).record_check_in(world.meeting_id, world.participants["Dee"], {"craving": 1})


def test_only_the_groups_facilitators_and_supervisors_record_check_ins(service, world) -> None:  # type: ignore[no-untyped-def]
    sam = world.participants["Sam"]
    with pytest.raises(PermissionDenied):
        as_(service, world.outsider).record_check_in(world.meeting_id, sam, {"craving": 1})
    with pytest.raises(PermissionDenied):
        as_(service, world.admin).record_check_in(world.meeting_id, sam, {"craving": 1})
    assert as_(service, world.supervisor).record_check_in(world.meeting_id, sam, {"craving": 1}).ratings == {"craving": 1}


# -- questionnaires and safety flags -------------------------------------------------------------


def test_a_phq9_is_scored_and_item_9_raises_a_flag_to_acknowledge(service, world, engine) -> None:  # type: ignore[no-untyped-def]
    maria = world.participants["Maria"]
    facilitator = as_(service, world.facilitator)
    record = facilitator.record_questionnaire(maria, "PHQ-9", "211221111", TODAY, on_paper=True)
    assert (record.total, record.severity, record.mode) == (12, "moderate", "paper")
    assert record.flag_id is not None
    [flag] = facilitator.open_flags(maria)
    assert flag.state is FlagState.OPEN and flag.raised_by == "Ana Ruiz"
    acknowledged = facilitator.acknowledge_flag(flag.id, "Safety plan reviewed with her.", flag.version)
    assert acknowledged.state is FlagState.ACKNOWLEDGED and acknowledged.acknowledged_by == "Ana Ruiz"
    assert acknowledged.acknowledged_at == NOW
    with pytest.raises(ConflictError):
        as_(service, world.supervisor).resolve_flag(flag.id, "Assessed: low risk.", flag.version)
    resolved = as_(service, world.supervisor).resolve_flag(flag.id, "Assessed: low risk.", acknowledged.version)
    assert resolved.state is FlagState.RESOLVED and resolved.resolved_by == "Rosa Diaz"
    assert facilitator.open_flags(maria) == []
    audit = audit_details(engine)
    assert ("create", "questionnaire", "recorded a PHQ-9 (keyed in from a paper form)") in audit
    assert ("create", "safety flag", "raised a safety flag for follow-up") in audit
    assert ("change", "safety flag", "acknowledged a safety flag") in audit
    assert not any("12" in d or "moderate" in d for _, _, d in audit)


def test_a_questionnaire_without_item_9_raises_no_flag(service, world) -> None:  # type: ignore[no-untyped-def]
    record = as_(service, world.facilitator).record_questionnaire(world.participants["Sam"], "GAD-7", [0] * 7, TODAY)
    assert (record.total, record.severity, record.flag_id) == (0, "minimal", None)
    assert as_(service, world.facilitator).open_flags() == []


@pytest.mark.parametrize(
    ("answers", "taken_on", "sentence"),
    [
        ("01230012", TODAY, "PHQ-9 item 9 has no answer"),
        ("012300124", TODAY, "item 9 must be 0, 1, 2 or 3"),
        ("012300121", TODAY + timedelta(days=1), "is in the future"),
        ("012300121", "yesterday", "is not a date like"),
    ],
)
def test_a_bad_questionnaire_is_a_sentence(service, world, answers, taken_on, sentence) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(MeasureError, match=sentence):
        as_(service, world.facilitator).record_questionnaire(world.participants["Sam"], "PHQ-9", answers, taken_on)


def test_a_questionnaire_entered_in_error_resolves_its_flag(service, world, engine) -> None:  # type: ignore[no-untyped-def]
    sam = world.participants["Sam"]
    facilitator = as_(service, world.facilitator)
    record = facilitator.record_questionnaire(sam, "PHQ-9", "000000001", TODAY)
    with pytest.raises(MeasureError, match="Give the reason"):
        facilitator.mark_entered_in_error("questionnaire", record.id, " ")
    facilitator.mark_entered_in_error("questionnaire", record.id, "Keyed into the wrong person's chart.")
    assert facilitator.open_flags(sam) == []
    with pytest.raises(MeasureError, match="already marked entered in error"):
        facilitator.mark_entered_in_error("questionnaire", record.id, "again")
    assert facilitator.participant_measures(sam, date(2026, 9, 1), TODAY).questionnaires == ()


def test_an_administrator_sees_no_measures_and_an_outsider_no_one(service, world) -> None:  # type: ignore[no-untyped-def]
    sam = world.participants["Sam"]
    as_(service, world.facilitator).record_questionnaire(sam, "PHQ-9", "000000001", TODAY)
    with pytest.raises(PermissionDenied, match="Measures are open"):
        as_(service, world.admin).participant_measures(sam, date(2026, 9, 1), TODAY)
    with pytest.raises(PermissionDenied):
        as_(service, world.admin).open_flags()
    with pytest.raises(NoSuchParticipant):
        as_(service, world.outsider).participant_measures(sam, date(2026, 9, 1), TODAY)
    assert as_(service, world.outsider).open_flags() == []
    assert len(as_(service, world.supervisor).open_flags()) == 1


# -- drug screens ---------------------------------------------------------------------------------


def test_an_expected_positive_is_not_a_relapse(service, world) -> None:  # type: ignore[no-untyped-def]
    jo = world.participants["Jo"]
    facilitator = as_(service, world.facilitator)
    facilitator.record_screen(
        jo, collected_on=date(2026, 10, 5), specimen="urine", observed=True, panel="12-panel",
        results={"buprenorphine": "positive", "cocaine": "positive"}, expected=["buprenorphine"],
    )
    record = facilitator.record_screen(
        jo, collected_on=date(2026, 10, 26), specimen="oral fluid", observed=False, panel="12-panel",
        results={"buprenorphine": "positive", "cocaine": "negative"}, expected=["buprenorphine"],
    )
    assert record.screen.unexpected_positives == () and record.screen.expected_positives == ("buprenorphine",)
    measures = facilitator.participant_measures(jo, date(2026, 9, 1), TODAY)
    assert [s.screen.reading for s in measures.screens] == [
        "unexpected positive: Cocaine", "expected positive only (Buprenorphine)",
    ]
    assert measures.days_since_unexpected_positive == (TODAY - date(2026, 10, 5)).days
    assert facilitator.expected_medications(jo) == ("buprenorphine",)


def test_a_screen_for_someone_not_enrolled_on_that_day_is_refused(service, world) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(MeasureError, match="Jo was not enrolled in any group on 2026-08-01"):
        as_(service, world.supervisor).record_screen(
            world.participants["Jo"], collected_on="2026-08-01", specimen="urine", observed=True,
            panel="5-panel", results={"cocaine": "negative"},
        )


LAB = """record_number,collected_on,specimen,observed,panel,substance,result,lab_reference
R-1001,2026-10-30,urine,yes,10-panel,cocaine,negative,A-1
R-1001,2026-10-30,urine,yes,10-panel,opiates,positive,A-1
R-1003,2026-10-30,urine,no,10-panel,THC,negative,A-2
"""


def test_a_laboratory_file_records_every_screen(service, world, engine) -> None:  # type: ignore[no-untyped-def]
    imported = as_(service, world.facilitator).import_lab_results(LAB)
    assert (imported.screens, imported.participants, imported.unexpected_positive_screens) == (2, 2, 1)
    sam = as_(service, world.facilitator).participant_measures(world.participants["Sam"], date(2026, 9, 1), TODAY)
    [screen] = sam.screens
    assert screen.source == "laboratory" and screen.lab_reference == "A-1"
    assert dict(screen.screen.results) == {"cocaine": "negative", "opiates": "positive"}
    with pytest.raises(LabImportRefused) as again:
        as_(service, world.facilitator).import_lab_results(LAB)
    assert [e.line for e in again.value.errors] == [2, 4]
    assert "already imported" in again.value.errors[0].message


def test_a_laboratory_file_with_one_bad_row_records_nothing(service, world, engine) -> None:  # type: ignore[no-untyped-def]
    bad = LAB + "R-9999,2026-10-30,urine,yes,10-panel,cocaine,negative,A-3\nR-1002,2026-12-30,urine,maybe,x,=cmd,pos\n"
    with pytest.raises(LabImportRefused, match="nothing was recorded") as refused:
        as_(service, world.facilitator).import_lab_results(bad)
    messages = {e.line: e.message for e in refused.value.errors}
    assert set(messages) == {6}, "parsing stops the file before any participant is looked up"
    assert "in the future" in messages[6] and "observed must be yes or no" in messages[6]
    assert "starts like a spreadsheet formula" in messages[6]
    with pytest.raises(LabImportRefused) as unknown:
        as_(service, world.facilitator).import_lab_results(LAB + "R-9999,2026-10-30,urine,yes,10-panel,cocaine,negative,A-3\n")
    assert [(e.line, e.message) for e in unknown.value.errors] == [(5, "No participant you may see has that record number.")]
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM drug_screen").scalar() == 0


# -- mutual help and what is due --------------------------------------------------------------------


def test_mutual_help_is_one_report_per_week_and_kind(service, world) -> None:  # type: ignore[no-untyped-def]
    facilitator = as_(service, world.facilitator)
    sam = world.participants["Sam"]
    record = facilitator.record_mutual_help(sam, "2026-10-28", 3, "12-step")
    assert (record.week_of, record.meetings) == (date(2026, 10, 26), 3)
    facilitator.record_mutual_help(sam, "2026-10-28", 1, "other")
    with pytest.raises(MeasureError, match="already recorded"):
        facilitator.record_mutual_help(sam, "2026-10-26", 2, "12-step")
    with pytest.raises(MeasureError, match="whole number from 0 to 50"):
        facilitator.record_mutual_help(sam, "2026-10-19", -1, "12-step")


def test_measures_due_follow_the_schedule(service, world) -> None:  # type: ignore[no-untyped-def]
    facilitator = as_(service, world.facilitator)
    sam, jo = world.participants["Sam"], world.participants["Jo"]
    facilitator.record_questionnaire(sam, "PHQ-9", [0] * 9, date(2026, 10, 30))
    facilitator.record_questionnaire(sam, "GAD-7", [0] * 7, date(2026, 10, 10))
    rows = {r.participant_id: r for r in facilitator.due_for_meeting(world.meeting_id)}
    assert [d.instrument for d in rows[sam].due] == ["GAD-7"]
    assert rows[sam].due[0].reason.startswith("last given 2026-10-10")
    assert [d.reason for d in rows[jo].due] == ["at admission", "at admission"]
    listed = {r.participant_id for r in facilitator.due_on(TODAY)}
    assert sam in listed and jo in listed
    with pytest.raises(PermissionDenied):
        as_(service, world.admin).due_on(TODAY)
    assert as_(service, world.outsider).due_on(TODAY) == []


# -- the database keeps recorded measures -----------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE questionnaire SET total = 0",
        "UPDATE questionnaire SET error_reason = 'x'",
        "DELETE FROM questionnaire",
        "UPDATE drug_screen_result SET result = 'negative'",
        "DELETE FROM drug_screen_result",
        "UPDATE safety_flag SET raised_on = '2026-01-01'",
        "DELETE FROM safety_flag",
        "UPDATE check_in SET ratings = '{}'",
    ],
)
def test_recorded_measures_cannot_be_changed_in_the_database(service, world, engine, statement) -> None:  # type: ignore[no-untyped-def]
    sam = world.participants["Sam"]
    facilitator = as_(service, world.facilitator)
    facilitator.record_questionnaire(sam, "PHQ-9", "000000001", TODAY)
    facilitator.record_check_in(world.meeting_id, sam, {"craving": 4})
    facilitator.record_screen(sam, collected_on=TODAY, specimen="urine", observed=True, panel="5-panel",
                              results={"cocaine": "positive"})
    with pytest.raises(sa.exc.DBAPIError, match="cannot|keeps"), engine.begin() as conn:
        conn.exec_driver_sql(statement)


def test_an_entered_in_error_mark_is_final_in_the_database(service, world, engine) -> None:  # type: ignore[no-untyped-def]
    facilitator = as_(service, world.facilitator)
    record = facilitator.record_mutual_help(world.participants["Sam"], TODAY, 2, "other")
    facilitator.mark_entered_in_error("mutual help", record.id, "Wrong week.")
    with pytest.raises(sa.exc.DBAPIError, match="cannot"), engine.begin() as conn:
        conn.exec_driver_sql("UPDATE mutual_help SET error_at = NULL, error_reason = ''")
    with pytest.raises(sa.exc.DBAPIError, match="cannot"), engine.begin() as conn:
        conn.exec_driver_sql("UPDATE mutual_help SET error_reason = 'Something else'")


def test_a_resolved_flag_cannot_be_reopened_in_the_database(service, world, engine) -> None:  # type: ignore[no-untyped-def]
    facilitator = as_(service, world.facilitator)
    record = facilitator.record_questionnaire(world.participants["Sam"], "PHQ-9", "000000002", TODAY)
    assert record.flag_id is not None
    facilitator.resolve_flag(record.flag_id, "Assessed in session; safety plan reviewed.")
    with pytest.raises(sa.exc.DBAPIError, match="keeps"), engine.begin() as conn:
        conn.exec_driver_sql("UPDATE safety_flag SET resolved_at = NULL")
    with pytest.raises(MeasureError, match="already resolved"):
        facilitator.acknowledge_flag(record.flag_id)


def test_seeding_acts_for_nobody(service, world) -> None:  # type: ignore[no-untyped-def]
    setup = service.acting_as(SETUP)
    record = setup.record_questionnaire(world.participants["Sam"], "GAD-7", "3333333", TODAY - timedelta(days=3))
    assert record.total == 21 and record.severity == "severe" and record.recorded.recorded_by == ""


def test_a_clock_in_another_zone_decides_today(engine, world) -> None:  # type: ignore[no-untyped-def]
    """20:00 in Chicago on 2 November is already 3 November in UTC: the clinic's day counts."""
    service = measures_for(engine, FakeClock(NOW))
    with pytest.raises(MeasureError, match="in the future; today is 2026-11-02"):
        service.acting_as(world.facilitator).record_questionnaire(world.participants["Sam"], "GAD-7", [0] * 7, "2026-11-03")
