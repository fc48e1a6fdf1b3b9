"""A participant's progress read from the record: charts, the printed report, the participant's page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from measures_world import audit_details
from progress_world import TODAY, enrolled_world, services, weekly_meetings

from facilitator.core.permissions import PermissionDenied
from facilitator.core.privacy import PART2_NOTICE
from facilitator.store.access import NoSuchParticipant
from facilitator.store.progress import ProgressService

FIRST = TODAY - timedelta(weeks=8)


@pytest.fixture
def world(engine):  # type: ignore[no-untyped-def]
    return enrolled_world(engine)


def record_a_course(s, world) -> list[int]:  # type: ignore[no-untyped-def]
    """Sam: craving falling over six weeks, a PHQ-9 that improves, one unexpected positive then negatives."""
    meetings = weekly_meetings(world)
    sam = world.participants["Sam"]
    for n, mid in enumerate(meetings + [world.meeting_id]):
        s.measures.record_check_in(mid, sam, {"craving": str(8 - n)}, "tense" if n == 0 else "")
    s.measures.record_questionnaire(sam, "PHQ-9", "222211110", TODAY - timedelta(weeks=6))
    s.measures.record_questionnaire(sam, "PHQ-9", "100010000", TODAY)
    s.measures.record_screen(sam, collected_on=TODAY - timedelta(weeks=5), specimen="urine", observed=True,
                             panel="5-panel", results={"cocaine": "positive", "opiates": "negative"})
    s.measures.record_screen(sam, collected_on=TODAY - timedelta(weeks=1), specimen="urine", observed=False,
                             panel="12-panel", results={"cocaine": "negative", "buprenorphine": "positive"},
                             expected=["buprenorphine"])
    return meetings


def test_the_charts_follow_the_record(engine, world) -> None:  # type: ignore[no-untyped-def]
    s = services(engine, world.facilitator)
    record_a_course(s, world)
    person, progress = ProgressService.for_backend(s).read(world.participants["Sam"], FIRST, TODAY)
    assert person.preferred_name == "Sam"
    assert [c.key for c in progress.charts] == ["hours", "craving", "phq9", "gad7", "screens", "meetings"]
    craving = progress.chart("craving")
    assert [r[1] for r in craving.rows] == [f"{8 - n}/10" for n in range(7)]
    assert craving.rows[0][2] == "tense"
    assert craving.summary.startswith("Craving down: 8 of 10")
    phq = progress.chart("phq9")
    assert [(r[1], r[2]) for r in phq.rows] == [("12", "moderate"), ("2", "minimal")]
    screens = progress.chart("screens")
    assert [r[1] for r in screens.rows] == ["unexpected positive", "expected positive"]
    assert "expected: buprenorphine" in screens.rows[1][3]
    assert "35 days since the last unexpected positive" in screens.summary
    hours = progress.chart("hours")
    weeks = s.attendance.participant_hours(world.participants["Sam"], FIRST, TODAY)
    assert [p.value for p in hours.points] == [w.attended_minutes / 60 for w in weeks if w.scheduled_minutes]
    assert sum(p.value for p in hours.points) >= 9  # the meetings of the course counted
    assert progress.expected == ("buprenorphine",)  # the next screen starts from these


def test_the_report_is_audited_as_printed_without_scores_and_carries_the_notice(engine, world) -> None:  # type: ignore[no-untyped-def]
    s = services(engine, world.facilitator)
    record_a_course(s, world)
    maria = world.participants["Maria"]
    record = s.measures.record_questionnaire(maria, "PHQ-9", "000000001", TODAY)
    s.measures.acknowledge_flag(record.flag_id, "Assessed with her; plan reviewed.")
    service = ProgressService.for_backend(s)
    report = service.progress_report(maria, FIRST, TODAY)
    assert report.notice == PART2_NOTICE
    assert report.participant_name == "María Elena Torres (Maria)" and report.record_number == "R-1002"
    [line] = report.safety
    assert line == (f"PHQ-9 item 9 answered above 'Not at all' on {TODAY.isoformat()}; "
                    "acknowledged by Ana Ruiz on 2026-11-02 20:00.")  # clinic time, not UTC
    assert ("print", "progress report", f"{FIRST.isoformat()} to {TODAY.isoformat()}") in audit_details(engine)
    assert ("Weekly hours target", "9 hours") in report.facts


def test_my_progress_names_the_first_name_only(engine, world) -> None:  # type: ignore[no-untyped-def]
    s = services(engine, world.facilitator)
    record_a_course(s, world)
    page = ProgressService.for_backend(s).my_progress(world.participants["Sam"], FIRST, TODAY)
    assert page.first_name == "Sam"
    assert "Your craving went down, from 8 to 2 out of 10." in page.lines
    assert [c.key for c in page.charts] == ["hours", "craving"]
    assert ("print", "my progress page", f"{FIRST.isoformat()} to {TODAY.isoformat()}") in audit_details(engine)


def test_who_may_not_see_measures_gets_a_sentence_and_nothing_is_printed(engine, world) -> None:  # type: ignore[no-untyped-def]
    s = services(engine, world.admin)
    service = ProgressService.for_backend(s)
    with pytest.raises(PermissionDenied):
        service.progress_report(world.participants["Sam"], FIRST, TODAY)
    s.who.principal = world.outsider
    with pytest.raises(NoSuchParticipant):
        service.participant_id("R-1001")
    with pytest.raises(NoSuchParticipant):
        service.participant_id("R-9999")
    assert not any(a == "print" for a, _, _ in audit_details(engine))


def test_a_record_number_finds_the_participant(engine, world) -> None:  # type: ignore[no-untyped-def]
    service = ProgressService.for_backend(services(engine, world.supervisor))
    assert service.participant_id(" R-1003 ") == world.participants["Jo"]
