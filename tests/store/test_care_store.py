"""Levels of care, completion criteria, discharge and aftercare plans, through the care service."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from care_world import NOW, Settings, care_world, make_care

from facilitator.core import care as cc
from facilitator.core import completion as cp
from facilitator.core.changes import ConflictError
from facilitator.core.clock import FakeClock
from facilitator.core.notes import NoteStatus
from facilitator.core.permissions import PermissionDenied
from facilitator.store.models import AuditEntry, Discharge, Enrollment, LevelOfCareChange, Participant


@pytest.fixture
def world(engine):  # type: ignore[no-untyped-def]
    return care_world(engine)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def care(engine, clock, shipped_library):  # type: ignore[no-untyped-def]
    return make_care(engine, clock, shipped_library)


def _audit_details(engine) -> list[str]:  # type: ignore[no-untyped-def]
    table = AuditEntry.__table__  # type: ignore[attr-defined]
    with engine.connect() as conn:
        return [r.detail for r in conn.execute(sa.select(table.c.detail).order_by(table.c.seq))]


def test_a_step_down_changes_the_level_the_target_and_the_weekly_hours(care, world, engine) -> None:  # type: ignore[no-untyped-def]
    sam = world.participants["Sam"]
    me = care.acting_as(world.facilitator)
    before = me.record(sam)
    assert before.level is cc.LevelOfCare.INTENSIVE_OUTPATIENT and before.target_hours == 9.0
    after = me.change_level(sam, "outpatient", date(2026, 11, 9), "Met the step-down milestones", "Treatment team")
    assert after.level is cc.LevelOfCare.OUTPATIENT
    assert after.target_hours == 1.5  # the outpatient setting's default
    assert [c.change.level for c in after.changes] == [cc.LevelOfCare.OUTPATIENT]
    assert after.changes[0].change.recorded_by == "Ana Ruiz"
    weeks = care._attendance.acting_as(world.facilitator).participant_hours(sam, date(2026, 11, 2), date(2026, 11, 15))
    assert [(w.level, w.target_minutes) for w in weeks] == [("IOP", 540), ("OP", 90)]
    assert "stepped down from IOP to OP from 2026-11-09" in _audit_details(engine)


def test_a_level_change_needs_a_reason_who_decided_and_a_date_in_the_stay(care, world) -> None:  # type: ignore[no-untyped-def]
    sam = world.participants["Sam"]
    me = care.acting_as(world.facilitator)
    with pytest.raises(cc.CareError, match="why"):
        me.change_level(sam, "outpatient", date(2026, 11, 9), "  ", "Team")
    with pytest.raises(cc.CareError, match="who decided"):
        me.change_level(sam, "outpatient", date(2026, 11, 9), "Milestones", "")
    with pytest.raises(cc.CareError, match="program start"):
        me.change_level(sam, "outpatient", date(2026, 8, 1), "Milestones", "Team")
    with pytest.raises(cc.CareError, match="already at intensive outpatient"):
        me.change_level(sam, "iop", date(2026, 11, 9), "Milestones", "Team")
    with pytest.raises(cc.CareError, match="Choose a level"):
        me.change_level(sam, "residential", date(2026, 11, 9), "Milestones", "Team")


def test_who_may_see_and_change_a_level(care, world) -> None:  # type: ignore[no-untyped-def]
    sam = world.participants["Sam"]
    with pytest.raises(PermissionDenied):
        care.acting_as(world.outsider).record(sam)
    with pytest.raises(PermissionDenied):
        care.acting_as(world.admin).change_level(sam, "outpatient", date(2026, 11, 9), "Milestones", "Team")
    assert care.acting_as(world.supervisor).change_level(
        sam, "php", date(2026, 11, 16), "Relapse; more structure needed", "Dr. Osei").level is cc.LevelOfCare.PARTIAL_HOSPITALIZATION


def test_a_level_change_is_history_the_database_keeps(care, world, engine) -> None:  # type: ignore[no-untyped-def]
    sam = world.participants["Sam"]
    record = care.acting_as(world.facilitator).change_level(sam, "outpatient", date(2026, 11, 9), "Milestones", "Team")
    change_id = record.changes[0].change.id
    table = LevelOfCareChange.__table__  # type: ignore[attr-defined]
    for statement in (table.update().values(level="php"), table.delete()):
        with pytest.raises(sa.exc.DBAPIError), engine.begin() as conn:
            conn.execute(statement.where(table.c.id == change_id))
    fixed = care.acting_as(world.facilitator).mark_level_in_error(change_id, "Recorded for the wrong person")
    assert fixed.level is cc.LevelOfCare.INTENSIVE_OUTPATIENT and fixed.changes[0].in_error
    with pytest.raises(cc.CareError, match="already"):
        care.acting_as(world.facilitator).mark_level_in_error(change_id, "again")


def test_criteria_progress_and_the_supervisors_ready_list(engine, world, clock, shipped_library) -> None:  # type: ignore[no-untyped-def]
    # Screens and measures are not recorded here, so the clinic turns those two criteria off.
    settings = Settings(clinic_time_zone="America/Chicago", completion_days_since_positive="0",
                        completion_phq9_below="0", completion_gad7_below="0", completion_coverage_percent="0",
                        completion_weeks_at_target="10")
    care = make_care(engine, clock, shipped_library, settings)
    sam, jo = world.participants["Sam"], world.participants["Jo"]
    record = care.acting_as(world.facilitator).record(sam)
    hours = next(c for c in record.criteria if c.key == "hours")
    assert hours.status is cp.CriterionStatus.MET and hours.progress.startswith("11 of 10 weeks")
    assert record.readiness is cp.Readiness.STEP_DOWN
    jo_hours = next(c for c in care.acting_as(world.facilitator).record(jo).criteria if c.key == "hours")
    assert jo_hours.status is cp.CriterionStatus.NOT_MET and jo_hours.progress.startswith("0 of 10")
    with pytest.raises(PermissionDenied):
        care.acting_as(world.facilitator).ready()
    rows = care.acting_as(world.supervisor).ready()
    assert rows[0].participant_id == sam and rows[0].readiness is cp.Readiness.STEP_DOWN
    assert all(r.readiness is cp.Readiness.NOT_YET for r in rows[1:])


def test_without_screens_on_record_nobody_is_ready(care, world) -> None:  # type: ignore[no-untyped-def]
    record = care.acting_as(world.supervisor).record(world.participants["Sam"])
    screens = next(c for c in record.criteria if c.key == "screens")
    assert screens.status is cp.CriterionStatus.NO_DATA and screens.progress == "no screen on record yet"
    assert record.readiness is cp.Readiness.NOT_YET


def _summary(view) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return dict(view.content, condition="Stable, no safety concerns voiced.", recommendations="Weekly outpatient group.")


def test_a_discharge_is_prefilled_signed_cosigned_and_ends_the_stay(care, world, engine, clock) -> None:  # type: ignore[no-untyped-def]
    sam = world.participants["Sam"]
    author = care.acting_as(world.facilitator)
    draft = author.start_discharge(sam, "completed", date(2026, 11, 25))
    assert draft.status is NoteStatus.DRAFT
    assert "Admitted 2026-09-01; completed the program on 2026-11-25 (85 days)." in draft.content["course"]
    assert "Attended 34 of 34 scheduled group meetings (100 h 30 in all); at or above the weekly hour target in 11 of 11 weeks." in draft.content["course"]
    assert draft.content["measures"] == "No measures or screens were recorded."
    assert "Sam's goal: refuse offers" in draft.content["progress"]
    with pytest.raises(cc.CareError, match="Condition at discharge"):
        author.sign_discharge(draft.id)
    saved = author.save_discharge(draft.id, _summary(draft), draft.version)
    with pytest.raises(ConflictError):
        author.save_discharge(draft.id, _summary(draft), draft.version)
    signed = author.sign_discharge(saved.id, saved.version)
    assert signed.status is NoteStatus.AWAITING_COSIGN and signed.signer == "Ana Ruiz, CADC-I"
    with pytest.raises(cc.CareError, match="can no longer be changed"):
        author.save_discharge(signed.id, _summary(signed), signed.version)
    with pytest.raises(PermissionDenied):
        author.cosign_discharge(signed.id)
    returned = care.acting_as(world.supervisor).return_discharge(signed.id, "Name the referral.")
    assert returned.status is NoteStatus.RETURNED and returned.return_comment == "Name the referral."
    fixed = author.save_discharge(returned.id, dict(_summary(returned), recommendations="Referral to Eastside OP."),
                                  returned.version)
    author.sign_discharge(fixed.id)
    participant = Participant.__table__  # type: ignore[attr-defined]
    with engine.connect() as conn:
        assert conn.execute(sa.select(participant.c.status).where(participant.c.id == sam)).scalar() == "active"
    done = care.acting_as(world.supervisor).cosign_discharge(fixed.id)
    assert done.status is NoteStatus.COSIGNED and done.cosigner == "Rosa Diaz, LCSW"
    enrollment = Enrollment.__table__  # type: ignore[attr-defined]
    with engine.connect() as conn:
        assert conn.execute(sa.select(participant.c.status).where(participant.c.id == sam)).scalar() == "completed"
        assert conn.execute(sa.select(enrollment.c.end_date).where(enrollment.c.participant_id == sam)).scalar() \
            == date(2026, 11, 25)
    details = _audit_details(engine)
    assert "co-signed the discharge summary" in details
    assert "set the status to completed and ended 1 enrollment at discharge" in details
    assert not any("Stable" in d or "Eastside" in d for d in details)  # no clinical content in the trail


def test_a_signed_discharge_is_locked_in_the_database(care, world, engine) -> None:  # type: ignore[no-untyped-def]
    author = care.acting_as(world.independent)
    draft = author.start_discharge(world.participants["Jo"], "against_advice", date(2026, 11, 20))
    signed = author.sign_discharge(draft.id, content=_summary(draft))
    assert signed.status is NoteStatus.SIGNED  # an independent clinician signs alone
    table = Discharge.__table__  # type: ignore[attr-defined]
    for statement in (
        table.update().values(content="{}"),
        table.update().values(discharge_type="completed"),
        table.update().values(status="draft"),
        table.delete(),
    ):
        with pytest.raises(sa.exc.DBAPIError), engine.begin() as conn:
            conn.execute(statement.where(table.c.id == signed.id))
    with pytest.raises(cc.CareError, match="already left"):
        author.start_discharge(world.participants["Jo"], "completed", date(2026, 11, 21))


def test_the_aftercare_plan_saves_checks_and_prints_in_the_persons_language(care, world, engine) -> None:  # type: ignore[no-untyped-def]
    author = care.acting_as(world.facilitator)
    draft = author.start_discharge(world.participants["Maria"], "transferred", date(2026, 11, 24))
    plan = author.acting_as(world.facilitator).record(world.participants["Maria"]).plan
    assert plan is not None and plan.content == {}
    content = {"supports": "My sister Ana\nSunday church group", "meetings": "SMART Recovery, Tuesday 7 pm",
               "warning_signs": "Skipping meals", "what_to_do": "Call my sponsor", "people_to_call": "Ana 555-0100",
               "next_appointment": ""}
    saved = author.save_plan(draft.id, content, plan.version)
    assert saved.content["supports"] == "My sister Ana\nSunday church group"
    with pytest.raises(cc.CareError, match="at most 200 characters"):
        author.save_plan(draft.id, dict(content, supports="x" * 201), saved.version)
    with pytest.raises(ConflictError):
        author.save_plan(draft.id, content, plan.version)
    printed = author.plan_print(draft.id, language="es", large_print=True)
    assert printed.language == "es" and printed.large_print and printed.for_line == "Para Maria"
    assert any("988" in line.how for line in printed.crisis.lines)
    assert "printed the aftercare plan (es, large print)" in _audit_details(engine)
    with pytest.raises(PermissionDenied):
        care.acting_as(world.outsider).plan_print(draft.id)


def test_the_attendance_report_shows_the_level_each_week(care, world) -> None:  # type: ignore[no-untyped-def]
    sam = world.participants["Sam"]
    care.acting_as(world.supervisor).change_level(sam, "outpatient", date(2026, 11, 11), "Milestones", "Team")
    report = care._attendance.acting_as(world.supervisor).attendance_report(sam, date(2026, 11, 2), date(2026, 11, 22))
    assert [w.level for w in report.weeks] == ["IOP", "IOP to OP", "OP"]
    assert [w.target_minutes for w in report.weeks] == [540, 540, 90]
    from facilitator.core.reports import attendance_csv

    csv_text = attendance_csv(report)
    assert csv_text.splitlines()[0].endswith("week_flags,week_level_of_care")
    assert ",1.5,,OP" in csv_text
    assert timedelta(0) == timedelta(0)


def test_screens_and_scores_from_the_measures_record_drive_readiness_and_the_summary(
    engine, world, clock, shipped_library
) -> None:  # type: ignore[no-untyped-def]
    from facilitator.store.audit import AuditLog
    from facilitator.store.measures import MeasuresService
    from facilitator.store.unit_of_work import Work

    settings = Settings(clinic_time_zone="America/Chicago", completion_coverage_percent="0",
                        completion_weeks_at_target="10")
    care = make_care(engine, clock, shipped_library, settings)
    work = Work(engine, AuditLog(engine, clock), clock)
    work.connect_identity()
    measures = MeasuresService(work, settings).acting_as(world.supervisor)
    sam = world.participants["Sam"]
    negative = {"cocaine": "negative", "opiates": "negative", "buprenorphine": "positive"}
    measures.record_screen(sam, collected_on=date(2026, 10, 1), specimen="urine", observed=True, panel="5-panel",
                           results={"cocaine": "positive", "opiates": "negative"}, expected=[])
    measures.record_screen(sam, collected_on=date(2026, 11, 5), specimen="urine", observed=True, panel="12-panel",
                           results=negative, expected=["buprenorphine"])
    measures.record_questionnaire(sam, "PHQ-9", [2, 2, 2, 1, 1, 1, 1, 1, 0], date(2026, 9, 2))
    measures.record_questionnaire(sam, "PHQ-9", [1, 1, 1, 0, 0, 1, 0, 0, 0], date(2026, 11, 18))
    measures.record_questionnaire(sam, "GAD-7", [1, 1, 0, 0, 1, 0, 0], date(2026, 11, 18))
    record = care.acting_as(world.facilitator).record(sam)
    by_key = {c.key: c for c in record.criteria}
    assert by_key["screens"].status is cp.CriterionStatus.MET and by_key["screens"].progress.startswith("56 days since") and by_key["screens"].progress.endswith("(30 needed)")
    assert by_key["measures"].status is cp.CriterionStatus.MET
    assert by_key["measures"].progress.startswith("PHQ-9 4 on 2026-11-18 (under 10)")
    assert record.readiness is cp.Readiness.STEP_DOWN
    draft = care.acting_as(world.facilitator).start_discharge(sam, "completed", date(2026, 11, 25))
    lines = draft.content["measures"].splitlines()
    assert lines[0] == "PHQ-9: 11 (moderate) on 2026-09-02; latest 4 (minimal) on 2026-11-18, 2 given."
    assert lines[1] == "GAD-7: 3 (minimal) on 2026-11-18."
    assert lines[2].startswith("Drug screens: 2 on record, the latest on 2026-11-05 (expected positive only")
    assert lines[2].endswith("last unexpected positive on 2026-10-01 (55 days before this date).")
    measures.record_screen(sam, collected_on=date(2026, 11, 20), specimen="urine", observed=True, panel="5-panel",
                           results={"cocaine": "positive"}, expected=[])
    again = care.acting_as(world.facilitator).record(sam)
    assert again.readiness is cp.Readiness.NOT_YET
    assert next(c for c in again.criteria if c.key == "screens").progress == "6 days since the last unexpected positive (30 needed)"
