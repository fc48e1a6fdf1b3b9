"""Chart view-models: the same numbers as words, bands and targets named, summaries that say the course."""

from __future__ import annotations

from datetime import date, timedelta

from facilitator.core import measures as cm
from facilitator.core import trends as T
from facilitator.core.progress import bands_of

MONDAY = date(2026, 9, 7)

PHQ9_BANDS = bands_of(cm.PHQ9)
GAD7_BANDS = bands_of(cm.GAD7)


def test_hours_chart_marks_each_week_against_the_target_in_words() -> None:
    weeks = [T.WeekMinutes(MONDAY, 540, 540, 600), T.WeekMinutes(MONDAY + timedelta(weeks=1), 300, 540, 600)]
    chart = T.hours_chart(weeks)
    assert chart.target == 9
    assert [p.text for p in chart.points] == ["met target", "below target"]
    assert chart.rows[1] == ("2026-W38", "2026-09-14", "5:00", "9:00", "below target")
    assert chart.summary == "Met the weekly target in 1 of 2 weeks with meetings."


def test_a_week_with_nothing_scheduled_is_not_below_target() -> None:
    chart = T.hours_chart([T.WeekMinutes(MONDAY, 0, 540, 0), T.WeekMinutes(MONDAY + timedelta(weeks=1), 0, 540, 180)])
    assert [p.text for p in chart.points] == ["below target"]  # only the week that had a meeting has a bar
    assert chart.rows[0][-1] == "nothing scheduled"
    assert chart.summary == "Met the weekly target in 0 of 1 weeks with meetings."
    assert T.hours_chart([T.WeekMinutes(MONDAY, 0, 540, 0)]).summary == "No group meetings scheduled in this period."


def test_craving_summary_says_which_way_it_went() -> None:
    chart = T.craving_chart([T.Rating(MONDAY, 7, "tense"), T.Rating(MONDAY + timedelta(days=7), 3)])
    assert chart.summary == "Craving down: 7 of 10 on Sep 07, 3 of 10 on Sep 14."
    assert chart.rows == (("2026-09-07", "7/10", "tense"), ("2026-09-14", "3/10", "—"))
    up = T.craving_chart([T.Rating(MONDAY, 2), T.Rating(MONDAY + timedelta(days=1), 6)])
    assert up.summary.startswith("Craving up")


def test_phq9_points_carry_their_published_band() -> None:
    scores = [T.Score(MONDAY, 16), T.Score(MONDAY + timedelta(weeks=2), 9), T.Score(MONDAY + timedelta(weeks=4), 4)]
    chart = T.score_chart("phq9", "PHQ-9", scores, PHQ9_BANDS)
    assert [r[2] for r in chart.rows] == ["moderately severe", "mild", "minimal"]
    assert chart.y_max == 27
    assert chart.summary == "Latest PHQ-9: 4 (minimal) on Oct 05, from 16 on Sep 07."


def test_band_edges_follow_the_published_cut_points() -> None:
    assert T.band_for(9, GAD7_BANDS).label == "mild"  # type: ignore[union-attr]
    assert T.band_for(10, GAD7_BANDS).label == "moderate"  # type: ignore[union-attr]
    assert T.band_for(15, GAD7_BANDS).label == "severe"  # type: ignore[union-attr]
    assert T.band_for(20, PHQ9_BANDS).label == "severe"  # type: ignore[union-attr]
    assert T.band_for(28, PHQ9_BANDS) is None


def test_screens_timeline_counts_unexpected_positives_only() -> None:
    screens = [
        T.ScreenEvent(MONDAY, "expected positive", "buprenorphine", True),
        T.ScreenEvent(MONDAY + timedelta(days=7), "unexpected positive", "opioids"),
    ]
    chart = T.screens_chart(screens, days_since_unexpected=12)
    assert chart.summary == "2 screens, 1 unexpected positive. 12 days since the last unexpected positive."
    assert chart.rows[0] == ("2026-09-07", "expected positive", "observed", "buprenorphine")
    assert [p.value for p in chart.points] == [1, 3]


def test_weekly_counts_fill_empty_weeks() -> None:
    counts = T.weekly_counts([MONDAY + timedelta(days=1), MONDAY + timedelta(days=2)], MONDAY, MONDAY + timedelta(days=20))
    assert [(w.monday, w.count) for w in counts] == [
        (MONDAY, 2), (MONDAY + timedelta(weeks=1), 0), (MONDAY + timedelta(weeks=2), 0)
    ]
    assert T.meetings_chart(counts).summary == "2 mutual-help meetings reported over 3 weeks."


def test_empty_charts_say_so() -> None:
    for chart in (T.hours_chart([]), T.craving_chart([]), T.screens_chart([]), T.meetings_chart([])):
        assert chart.empty and chart.summary.startswith("No ")
    assert T.score_chart("gad7", "GAD-7", [], GAD7_BANDS).summary == "No GAD-7 in this period."


def test_my_progress_speaks_plainly() -> None:
    charts = (
        T.hours_chart([T.WeekMinutes(MONDAY, 540, 540, 540), T.WeekMinutes(MONDAY + timedelta(weeks=1), 300, 540, 540)]),
        T.craving_chart([T.Rating(MONDAY, 8), T.Rating(MONDAY + timedelta(days=9), 3)]),
    )
    lines = T.my_progress_lines(charts)
    assert "You met your weekly goal of 9 hours in 1 of 2 weeks." in lines
    assert "Your craving went down, from 8 to 3 out of 10." in lines
    assert not any("moderate" in line or "PHQ" in line for line in lines)
    assert T.my_progress_lines(()) == ("There is not much recorded yet for this time.",)
