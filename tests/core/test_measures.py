"""Measures as plain Python: ratings, PHQ-9/GAD-7 scoring, the schedule, screens, the lab file."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from facilitator.core import measures as cm
from facilitator.core.catalogue import say_in
from facilitator.core.measures import MeasureError, Schedule, ScreenResult, Specimen

TODAY = date(2026, 11, 2)


# -- check-in ratings --------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [0, 10, "7", " 3 "])
def test_a_craving_rating_in_range_is_kept(value: object) -> None:
    assert cm.check_check_in({"craving": value}).ratings == {"craving": int(str(value).strip())}


@pytest.mark.parametrize(
    ("value", "sentence"),
    [
        (11, "A craving rating of 11 is outside the scale; use 0 to 10."),
        (-1, "A craving rating of -1 is outside the scale; use 0 to 10."),
        ("7.5", "A craving rating must be a whole number from 0 to 10, not '7.5'."),
        (True, "A craving rating must be a whole number from 0 to 10."),
        ("=1+1", "A craving rating must be a whole number from 0 to 10, not '=1+1'."),
    ],
)
def test_a_bad_rating_is_one_sentence(value: object, sentence: str) -> None:
    with pytest.raises(MeasureError) as caught:
        cm.check_check_in({"craving": value})
    assert str(caught.value) == sentence


def test_a_mood_is_one_word_and_may_stand_alone() -> None:
    assert cm.check_check_in({"craving": ""}, "Hopeful").mood == "hopeful"
    assert cm.check_mood("on-edge") == "on-edge"
    assert cm.check_mood("Ängstlich") == "ängstlich"
    for bad in ("two words", "x" * 21, "123", "-dash", "tired!"):
        with pytest.raises(MeasureError, match="one word"):
            cm.check_mood(bad)
    with pytest.raises(MeasureError, match="Type a rating or a mood"):
        cm.check_check_in({}, "  ")


def test_a_check_in_collects_only_the_ratings_its_item_names() -> None:
    assert [s.key for s in cm.scales_for(None)] == ["craving"]
    assert [s.key for s in cm.scales_for(("confidence", "stress"))] == ["confidence", "stress"]
    with pytest.raises(MeasureError, match="does not collect a craving rating"):
        cm.check_check_in({"craving": 3}, scales=("confidence",))
    with pytest.raises(MeasureError, match="not a rating Facilitator knows"):
        cm.check_check_in({"cravings": 3})


def test_the_notes_check_in_line_says_the_change() -> None:
    entry = cm.CheckIn({"craving": 7}, "tired")
    assert cm.check_in_line(entry, TODAY, {"craving": (3, TODAY - timedelta(days=7))}) == (
        "Check-in: craving 7/10, up from 3 last week; mood: tired."
    )
    assert cm.check_in_line(cm.CheckIn({"craving": 2}), TODAY, {"craving": (5, TODAY - timedelta(days=2))}) == (
        "Check-in: craving 2/10, down from 5 on Saturday."
    )
    assert cm.check_in_line(cm.CheckIn({"craving": 4}), TODAY, {"craving": (4, date(2026, 10, 1))}) == (
        "Check-in: craving 4/10, the same as on 2026-10-01."
    )
    assert cm.check_in_line(cm.CheckIn({"craving": 4}), TODAY) == "Check-in: craving 4/10 (first rating)."


# -- PHQ-9 and GAD-7 -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "total", "band"),
    [
        ("PHQ-9", 0, "minimal"), ("PHQ-9", 4, "minimal"), ("PHQ-9", 5, "mild"), ("PHQ-9", 9, "mild"),
        ("PHQ-9", 10, "moderate"), ("PHQ-9", 14, "moderate"), ("PHQ-9", 15, "moderately severe"),
        ("PHQ-9", 19, "moderately severe"), ("PHQ-9", 20, "severe"), ("PHQ-9", 27, "severe"),
        ("GAD-7", 0, "minimal"), ("GAD-7", 4, "minimal"), ("GAD-7", 5, "mild"), ("GAD-7", 9, "mild"),
        ("GAD-7", 10, "moderate"), ("GAD-7", 14, "moderate"), ("GAD-7", 15, "severe"), ("GAD-7", 21, "severe"),
    ],
)
def test_every_band_edge_is_the_published_one(key: str, total: int, band: str) -> None:
    inst = cm.instrument(key)
    answers = []
    left = total
    for _ in inst.items:
        answers.append(min(3, left))
        left -= answers[-1]
    if key == "PHQ-9" and answers[8] and total < 27:  # keep item 9 at 0 where the total allows
        answers = sorted(answers)
    scored = cm.score(key, answers)
    assert (scored.total, scored.severity) == (total, band)


def test_the_instruments_are_the_published_ones() -> None:
    assert len(cm.PHQ9.items) == 9 and len(cm.GAD7.items) == 7
    assert cm.PHQ9.options == ("Not at all", "Several days", "More than half the days", "Nearly every day")
    assert "better off dead" in cm.PHQ9.items[8]
    assert cm.PHQ9.maximum == 27 and cm.GAD7.maximum == 21
    assert "Kroenke" in cm.PHQ9.citation and "2001" in cm.PHQ9.citation
    assert "Spitzer" in cm.GAD7.citation and "2006" in cm.GAD7.citation
    assert "No permission required" in cm.PHQ9.citation


def test_phq9_item_9_above_zero_is_a_safety_flag() -> None:
    assert not cm.score("PHQ-9", "333333330").safety_flag
    flagged = cm.score("phq-9", [0, 0, 0, 0, 0, 0, 0, 0, 1])
    assert flagged.safety_flag and flagged.item9 == 1 and flagged.answers_text == "000000001"
    assert not cm.score("GAD-7", "3333333").safety_flag, "the GAD-7 has no item 9"


@pytest.mark.parametrize(
    ("answers", "sentence"),
    [
        ("01230012", "PHQ-9 item 9 has no answer; every item needs one (0 to 3)."),
        ([0, 1, None, 0, 0, 0, 0, 0, 0], "PHQ-9 item 3 has no answer; every item needs one (0 to 3)."),
        ([0, 1, "", 0, 0, 0, 0, 0, 0], "PHQ-9 item 3 has no answer; every item needs one (0 to 3)."),
        ("0123001214", "A PHQ-9 has 9 items; 10 answers were given."),
        ([0, 1, 4, 0, 0, 0, 0, 0, 0], "The answer to PHQ-9 item 3 must be 0, 1, 2 or 3, not '4'."),
        ([0, 1, -1, 0, 0, 0, 0, 0, 0], "The answer to PHQ-9 item 3 must be 0, 1, 2 or 3, not '-1'."),
    ],
)
def test_a_bad_questionnaire_names_its_item(answers: object, sentence: str) -> None:
    with pytest.raises(MeasureError) as caught:
        cm.score("PHQ-9", answers)  # type: ignore[arg-type]
    assert str(caught.value) == sentence


def test_an_unknown_questionnaire_and_a_bad_difficulty_are_sentences() -> None:
    with pytest.raises(MeasureError, match="not a questionnaire Facilitator scores"):
        cm.score("BDI-II", "0")
    with pytest.raises(MeasureError, match="difficulty answer must be 0, 1, 2 or 3"):
        cm.score("GAD-7", "0000000", difficulty="5")
    assert cm.score("GAD-7", "0 1 2 3 0 1 2", difficulty=2).difficulty == 2
    assert cm.parse_answers("GAD-7", "0123012") == (0, 1, 2, 3, 0, 1, 2)


# -- the schedule -----------------------------------------------------------------------------------

START = date(2026, 9, 1)


def test_at_admission_then_every_two_weeks() -> None:
    due = cm.due_measures(START, {}, START, Schedule.EVERY_2_WEEKS)
    assert [(d.instrument, d.reason, d.overdue) for d in due] == [
        ("PHQ-9", "at admission", False), ("GAD-7", "at admission", False),
    ]
    assert cm.due_measures(START, {}, START + timedelta(days=8), "every 2 weeks")[0].overdue
    given = {"PHQ-9": START, "GAD-7": START}
    assert cm.due_measures(START, given, START + timedelta(days=11), Schedule.EVERY_2_WEEKS) == []
    due = cm.due_measures(START, given, START + timedelta(days=12), Schedule.EVERY_2_WEEKS)
    assert [d.reason for d in due] == ["last given 2026-09-01, 12 days ago"] * 2
    assert cm.due_measures(START, given, START + timedelta(days=21), Schedule.EVERY_2_WEEKS)[0].overdue
    assert cm.due_measures(START, given, START + timedelta(days=20), Schedule.EVERY_4_WEEKS) == []
    assert len(cm.due_measures(START, given, START + timedelta(days=26), Schedule.EVERY_4_WEEKS)) == 2


def test_what_is_due_is_said_in_spanish_too() -> None:
    """Today's list of measures due speaks the UI's language: the reason is a catalogue sentence."""
    given = {"PHQ-9": START, "GAD-7": None}
    row = cm.DueRow(1, "Sam", "D-1", tuple(cm.due_measures(START, given, START + timedelta(days=12), "every 2 weeks")))
    assert row.text == "PHQ-9 (last given 2026-09-01, 12 days ago), GAD-7 (at admission)"
    assert say_in("es", row.text) == "PHQ-9 (última vez el 2026-09-01, hace 12 días), GAD-7 (al ingreso)"
    weeks = cm.due_measures(START, given, START + timedelta(days=28), "every 2 weeks")[0]
    assert say_in("es", weeks.text) == "PHQ-9 (última vez el 2026-09-01, hace 4 semanas)"


def test_admission_only_at_will_and_before_the_program_starts() -> None:
    given = {"PHQ-9": START, "GAD-7": START}
    assert cm.due_measures(START, given, START + timedelta(days=90), Schedule.ADMISSION_ONLY) == []
    assert len(cm.due_measures(START, {}, START + timedelta(days=90), Schedule.ADMISSION_ONLY)) == 2
    assert cm.due_measures(START, {}, START + timedelta(days=90), Schedule.AT_WILL) == []
    assert cm.due_measures(START, {}, START - timedelta(days=1), Schedule.EVERY_2_WEEKS) == []
    pre = {"PHQ-9": START - timedelta(days=10), "GAD-7": START - timedelta(days=400)}
    due = cm.due_measures(START, pre, START, Schedule.EVERY_4_WEEKS)
    assert [d.text for d in due] == ["GAD-7 (at admission)"], "a result from an earlier episode does not count"
    assert cm.parse_schedule("nonsense") is Schedule.EVERY_2_WEEKS


# -- drug screens -----------------------------------------------------------------------------------


def screen(results: dict[str, str], expected: tuple[str, ...] = (), day: date = TODAY) -> cm.Screen:
    return cm.check_screen(
        collected_on=day, specimen_text="urine", observed=True, panel="12-panel", results=results,
        expected=expected, today=TODAY,
    )


def test_expected_medications_explain_their_positives_only() -> None:
    s = screen({"buprenorphine": "positive", "Cocaine": "POS", "THC": "neg"}, ("buprenorphine",))
    assert s.expected_positives == ("buprenorphine",) and s.unexpected_positives == ("cocaine",)
    assert s.reading == "unexpected positive: Cocaine"
    methadone = screen({"methadone": "positive", "benzodiazepines": "positive"}, ("methadone", "benzodiazepines"))
    assert methadone.expected == ("methadone", "prescribed benzodiazepines")
    assert methadone.unexpected_positives == () and methadone.reading.startswith("expected positive only")
    assert screen({"cocaine": "negative", "opiates": "invalid"}).reading == "invalid"
    assert screen({"cocaine": "negative"}).reading == "negative"
    assert screen({"buprenorphine": "negative"}, ("buprenorphine",)).missing_expected == ("buprenorphine",)


def test_days_since_the_last_unexpected_positive() -> None:
    screens = [
        screen({"cocaine": "positive"}, day=date(2026, 10, 1)),
        screen({"cocaine": "positive"}, day=date(2026, 10, 12)),
        screen({"buprenorphine": "positive"}, ("buprenorphine",), day=date(2026, 10, 30)),
    ]
    assert cm.days_since_unexpected_positive(screens, TODAY) == 21
    assert cm.days_since_unexpected_positive(screens[2:], TODAY) is None


@pytest.mark.parametrize(
    ("kwargs", "sentence"),
    [
        ({"collected_on": TODAY + timedelta(days=1)}, "The collection date 2026-11-03 is in the future; today is 2026-11-02."),
        ({"collected_on": "2026-02-30"}, "The collection date '2026-02-30' is not a date like 2026-03-01."),
        ({"collected_on": date(1850, 1, 1)}, "The collection date 1850-01-01 is not between 1900 and 2100."),
        ({"specimen_text": "blood"}, "A specimen is urine or oral fluid, not 'blood'."),
        ({"results": {}}, "A screen needs a result for at least one substance."),
        ({"results": {"cocaine": "maybe"}}, "A screen result is negative, positive, invalid or not tested, not 'maybe'."),
        ({"results": {"glue": "negative"}}, "'glue' is not a substance Facilitator knows"),
        ({"results": {"THC": "negative", "marijuana": "positive"}}, "Marijuana (THC) has two results in one screen."),
        ({"expected": ["suboxone"]}, "'suboxone' is not a medication a screen can expect"),
        ({"panel": "x" * 41}, "A panel's name is at most 40 characters."),
    ],
)
def test_a_bad_screen_is_one_sentence(kwargs: dict[str, object], sentence: str) -> None:
    given: dict[str, object] = dict(
        collected_on=TODAY, specimen_text="urine", observed=False, panel="5-panel", results={"cocaine": "negative"},
        expected=(), today=TODAY,
    )
    given.update(kwargs)
    with pytest.raises(MeasureError) as caught:
        cm.check_screen(**given)  # type: ignore[arg-type]
    assert str(caught.value).startswith(sentence)


def test_specimens_results_and_panels() -> None:
    assert cm.specimen("Oral Fluid") is Specimen.ORAL_FLUID and cm.specimen("saliva") is Specimen.ORAL_FLUID
    assert cm.screen_result("NT") is ScreenResult.NOT_TESTED
    assert set(cm.PANELS["12-panel"]) <= set(cm.SUBSTANCES)
    assert cm.substance("Marijuana (THC)") == "marijuana" and cm.substance("EtG") == "alcohol"


# -- mutual help -------------------------------------------------------------------------------------


def test_mutual_help_is_kept_per_week() -> None:
    assert cm.check_mutual_help("2026-10-29", "3", "12-step", TODAY) == (date(2026, 10, 26), 3, cm.MutualHelpKind.TWELVE_STEP)
    with pytest.raises(MeasureError, match="51 meetings in one week is more than Facilitator records"):
        cm.check_mutual_help(TODAY, 51, "other", TODAY)
    with pytest.raises(MeasureError, match="12-step or other"):
        cm.check_mutual_help(TODAY, 1, "AA", TODAY)
    with pytest.raises(MeasureError, match="in the future"):
        cm.check_mutual_help(TODAY + timedelta(days=7), 1, "other", TODAY)


# -- the laboratory's file -----------------------------------------------------------------------------

HEADER = "record_number,collected_on,specimen,observed,panel,substance,result,lab_reference,expected\n"


def test_a_good_file_groups_rows_into_screens() -> None:
    text = HEADER + (
        "R-1,2026-10-30,urine,yes,5-panel,cocaine,negative,A-1,buprenorphine\n"
        "R-1,2026-10-30,urine,yes,5-panel,buprenorphine,positive,A-1,\n"
        "R-2,2026-10-30,oral fluid,no,5-panel,opiates,positive,,\n"
        "R-2,2026-10-30,oral fluid,no,5-panel,cocaine,negative,,\n"
    )
    parsed = cm.parse_lab_csv(text.encode("utf-8-sig"), TODAY)
    assert parsed.ok
    assert [(s.record_number, s.lines, s.screen.reading) for s in parsed.screens] == [
        ("R-1", (2, 3), "expected positive only (Buprenorphine)"),
        ("R-2", (4, 5), "unexpected positive: Opiates"),
    ]


def test_every_bad_row_is_named_by_its_line() -> None:
    text = HEADER + (
        "R-1,2026-10-30,urine,yes,5-panel,cocaine,negative,A-1,\n"
        "R-1,2026-10-31,urine,yes,5-panel,opiates,negative,A-1,\n"  # same specimen, another date
        ",2099-01-01,urine,perhaps,5-panel,cocaine,negative,,\n"
        "=HYPERLINK(\"x\"),2026-10-30,urine,yes,5-panel,cocaine,negative,,\n"
        "R-3,2026-10-30,urine,yes,5-panel,cocaine,negative,B-1,\n"
        "R-3,2026-10-30,urine,yes,5-panel,cocaine,positive,B-1,\n"  # the same substance twice
    )
    parsed = cm.parse_lab_csv(text, TODAY)
    assert not parsed.ok and parsed.screens == []
    found = {e.line: e.message for e in parsed.errors}
    assert sorted(found) == [3, 4, 5, 7]
    assert "shares its specimen with line 2" in found[3]
    assert "record number is empty" in found[4] and "in the future" in found[4] and "observed must be yes or no" in found[4]
    assert "starts like a spreadsheet formula" in found[5]
    assert "Cocaine already has a result for this specimen on line 6" in found[7]
    assert all(m.endswith(".") and m[0].isupper() for m in found.values())


@pytest.mark.parametrize(
    ("data", "sentence"),
    [
        (b"", "The file cannot be read: the file is empty."),
        (b"a,b\n1,2\n", "The file's first line must name the columns"),
        (HEADER.encode(), "The file has a header but no results."),
        (b"\xff\xfe\x00", "The file is not UTF-8 text"),
        (b"x" * (cm.LAB_FILE_MAX_BYTES + 1), "The file is larger than 2 MB"),
    ],
)
def test_a_file_that_cannot_be_read_is_one_sentence(data: bytes, sentence: str) -> None:
    with pytest.raises(MeasureError) as caught:
        cm.parse_lab_csv(data, TODAY)
    assert str(caught.value).startswith(sentence)


def test_too_many_rows_is_refused_before_reading_them() -> None:
    row = "R-1,2026-10-30,urine,yes,5-panel,cocaine,negative,,\n"
    text = HEADER + row * (cm.LAB_FILE_MAX_ROWS + 1)
    with pytest.raises(MeasureError, match="more than 20,000 rows"):
        cm.parse_lab_csv(text, TODAY)


# -- flags ------------------------------------------------------------------------------------------


def test_the_risk_line_asks_for_the_assessment() -> None:
    line = cm.risk_line(TODAY, acknowledged=False)
    assert "2026-11-02" in line and "not yet acknowledged" in line and "safety plan" in line
    assert "follow-up open" in cm.risk_line(TODAY, acknowledged=True)
