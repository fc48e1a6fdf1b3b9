"""Levels of care over time, completion criteria and the aftercare plan's words, without a database."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import textstat

from facilitator.core import care as cc
from facilitator.core import completion as cp
from facilitator.core.attendance import WeekHours

START = date(2026, 9, 1)
IOP, OP, PHP = cc.LevelOfCare.INTENSIVE_OUTPATIENT, cc.LevelOfCare.OUTPATIENT, cc.LevelOfCare.PARTIAL_HOSPITALIZATION


def _change(n: int, level: cc.LevelOfCare, day: date) -> cc.LevelChange:
    return cc.LevelChange(n, level, day, "reason", "team")


def test_the_level_in_force_starts_at_iop_and_follows_each_change() -> None:
    history = cc.LevelHistory(START, (_change(2, OP, date(2026, 11, 9)), _change(1, PHP, date(2026, 10, 1))))
    assert history.level_on(date(2026, 9, 30)) is IOP
    assert history.level_on(date(2026, 10, 1)) is PHP
    assert history.level_on(date(2026, 11, 9)) is OP
    assert history.since(date(2026, 11, 20)) == date(2026, 11, 9)
    assert history.levels_between(date(2026, 9, 28), date(2026, 10, 4)) == [IOP, PHP]
    assert cc.levels_with_starts(history, date(2026, 12, 1)) == ((IOP, START), (PHP, date(2026, 10, 1)),
                                                                (OP, date(2026, 11, 9)))


def test_each_week_carries_its_level_and_that_levels_target() -> None:
    history = cc.LevelHistory(START, (_change(1, OP, date(2026, 11, 11)),))
    weeks = [WeekHours(2026, w, date.fromisocalendar(2026, w, 1), 540, 540, 540, 1200, 3) for w in (45, 46, 47)]
    targets = {IOP: 9.0, OP: 1.5, PHP: 20.0}
    out = cc.weeks_with_levels(weeks, history, targets.__getitem__)
    assert [(w.level, w.target_minutes) for w in out] == [("IOP", 540), ("IOP to OP", 540), ("OP", 90)]
    assert cc.target_hours_for(OP, 7.5, {"outpatient_weekly_hours": 2}.__getitem__) == 2.0
    assert cc.target_hours_for(IOP, 7.5, {}.__getitem__) == 7.5  # IOP keeps the participant's own target


def test_a_level_change_is_checked_before_it_is_recorded() -> None:
    history = cc.LevelHistory(START)
    today = date(2026, 11, 26)
    cc.check_level_change(history, OP, today, "Milestones met", "Team", today)
    for kwargs, words in (
        (dict(reason=""), "why"),
        (dict(reason="x" * 501), "at most 500"),
        (dict(decided_by=" "), "who decided"),
        (dict(effective=date(2026, 8, 31)), "before the program start"),
        (dict(effective=today + timedelta(days=91)), "90 days ahead"),
        (dict(level=IOP), "already at intensive outpatient"),
    ):
        args = dict(level=OP, effective=today, reason="Milestones met", decided_by="Team") | kwargs
        with pytest.raises(cc.CareError, match=words):
            cc.check_level_change(history, args["level"], args["effective"], args["reason"], args["decided_by"], today)


def _facts(**changes: object) -> cp.CompletionFacts:
    base = dict(
        today=date(2026, 11, 26), program_start=START, level=IOP,
        weeks=tuple(cp.WeekResult(600, 540, True) for _ in range(8)),
        coverage_done=9, coverage_total=10,
        screens=cp.ScreenFacts(recorded=True, count=4, last_unexpected_positive=date(2026, 10, 20)),
        measures=cp.MeasureFacts(True, (cp.Score("PHQ-9", date(2026, 11, 20), 6), cp.Score("GAD-7", date(2026, 11, 20), 4))),
    )
    return cp.CompletionFacts(**(base | changes))  # type: ignore[arg-type]


def test_every_criterion_met_means_ready_to_step_down_or_from_outpatient_to_complete() -> None:
    rules = cp.CompletionRules()
    progress = cp.progress(_facts(), rules)
    assert [c.status for c in progress] == [cp.CriterionStatus.MET] * 4
    assert progress[0].progress.startswith("37 days since") and progress[0].progress.endswith("(30 needed)")
    assert progress[1].progress.startswith("9 of 10 sessions (90%")
    assert cp.readiness(IOP, progress) is cp.Readiness.STEP_DOWN
    assert cp.readiness(PHP, progress) is cp.Readiness.STEP_DOWN
    assert cp.readiness(OP, progress) is cp.Readiness.COMPLETE
    assert cp.criteria_met(progress) == "4 of 4 criteria met"


def test_a_recent_positive_a_high_score_or_few_weeks_is_not_yet() -> None:
    rules = cp.CompletionRules()
    recent = cp.progress(_facts(screens=cp.ScreenFacts(True, 5, date(2026, 11, 16))), rules)
    assert recent[0].status is cp.CriterionStatus.NOT_MET and recent[0].progress == "10 days since the last unexpected positive (30 needed)"
    assert cp.readiness(IOP, recent) is cp.Readiness.NOT_YET
    high = cp.progress(_facts(measures=cp.MeasureFacts(True, (cp.Score("PHQ-9", date(2026, 11, 20), 14),))), rules)
    assert high[3].status is cp.CriterionStatus.NOT_MET and "PHQ-9 14" in high[3].progress
    few = cp.progress(_facts(weeks=(cp.WeekResult(100, 540, True),) * 8), rules)
    assert few[2].status is cp.CriterionStatus.NOT_MET and few[2].progress == "0 of 8 weeks"


def test_a_missing_record_is_never_counted_as_met_but_a_criterion_can_be_off() -> None:
    rules = cp.CompletionRules()
    silent = cp.progress(_facts(screens=cp.ScreenFacts(recorded=False), measures=cp.MeasureFacts(False)), rules)
    assert silent[0].status is cp.CriterionStatus.NO_DATA and silent[3].status is cp.CriterionStatus.NO_DATA
    assert cp.readiness(IOP, silent) is cp.Readiness.NOT_YET
    none_yet = cp.progress(_facts(screens=cp.ScreenFacts(True, 0), measures=cp.MeasureFacts(True, ())), rules)
    assert none_yet[0].progress == "no screen on record yet" and none_yet[3].status is cp.CriterionStatus.NO_DATA
    off = cp.CompletionRules(days_since_positive=0, phq9_below=0, gad7_below=0)
    assert cp.readiness(IOP, cp.progress(_facts(screens=cp.ScreenFacts(False), measures=cp.MeasureFacts(False)), off)) \
        is cp.Readiness.STEP_DOWN
    settings = {"completion_days_since_positive": 14, "completion_coverage_percent": 50,
                "completion_weeks_at_target": 4, "completion_phq9_below": 5, "completion_gad7_below": 0}
    assert cp.CompletionRules.from_settings(settings.__getitem__) == cp.CompletionRules(14, 50, 4, 5, 0)


def test_the_discharge_summary_prefill_says_only_what_the_record_shows() -> None:
    facts = cc.DischargeFacts(
        program_start=START, discharge_date=date(2026, 11, 30), discharge_type=cc.DischargeType.AGAINST_ADVICE,
        levels=((IOP, START), (OP, date(2026, 11, 9))), meetings_attended=30, meetings_scheduled=36,
        attended_minutes=5400, weeks_at_target=9, weeks_with_meetings=13, coverage_done=12, coverage_total=20,
        goals=("Refuse offers",), measure_lines=("PHQ-9 14 on 2026-09-02, 6 on 2026-11-20.",), screen_lines=(),
    )
    content = cc.prefill_discharge(facts)
    assert content["course"].splitlines() == [
        "Admitted 2026-09-01; left against advice on 2026-11-30 (90 days).",
        "Level of care: Intensive outpatient from 2026-09-01; Outpatient from 2026-11-09.",
        "Attended 30 of 36 scheduled group meetings (90 h 00 in all); at or above the weekly hour target in 9 of 13 weeks.",
        "Covered 12 of 20 sessions of the curriculum track.",
    ]
    assert content["measures"] == "PHQ-9 14 on 2026-09-02, 6 on 2026-11-20."
    assert content["progress"] == "Goals at admission: Refuse offers."
    assert content["condition"] == "" and content["recommendations"] == ""  # the clinician's own words
    required = [s.key for s in cc.DISCHARGE_SECTIONS if s.required]
    assert required == ["course", "progress", "condition", "recommendations"]


def test_the_plan_is_checked_line_by_line() -> None:
    assert cc.clean_plan({"supports": "  Ana \n\n Church  "}) == {
        "supports": "Ana\nChurch", "meetings": "", "warning_signs": "", "what_to_do": "", "people_to_call": "",
        "next_appointment": ""}
    with pytest.raises(cc.CareError, match="at most 12 lines"):
        cc.clean_plan({"meetings": "\n".join(["AA"] * 13)})
    with pytest.raises(cc.CareError, match="does not know"):
        cc.clean_plan({"diagnosis": "x"})


def test_the_printed_plan_reads_at_grade_8_in_english_and_easily_in_spanish() -> None:
    english = cc.build_aftercare_print({"supports": "Ana"}, "Maria Elena", date(2026, 11, 26))
    assert english.for_line == "For Maria" and english.sections[0].lines == ("Ana",)
    assert english.sections[1].lines == ("(Write it here.)",)
    assert any("988" in line.how for line in english.crisis.lines) and "988" in english.crisis_intro
    assert textstat.flesch_kincaid_grade(cc.plan_text(english)) <= 8.0
    spanish = cc.build_aftercare_print({}, "Maria", date(2026, 11, 26), language="es-MX", large_print=True)
    assert spanish.language == "es" and spanish.large_print and spanish.title == "Mi plan de cuidado después del programa"
    assert spanish.crisis.title == "Hay ayuda, de día y de noche"
    textstat.set_lang("es")
    try:
        assert textstat.fernandez_huerta(cc.plan_text(spanish)) >= 70
    finally:
        textstat.set_lang("en_US")
    assert cc.build_aftercare_print({}, "Sam", date(2026, 11, 26), language="fr").language == "en"
