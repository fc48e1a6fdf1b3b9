"""Minutes and hours: late arrivals, early departures, midnight, daylight saving, weeks."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from facilitator.core.attendance import (
    AttendanceStatus,
    HourRules,
    MeetingTime,
    Track,
    TrackStep,
    UpcomingMeeting,
    WeeklySchedule,
    attended_interval,
    coverage,
    expand_schedule,
    hours_text,
    instant_in_meeting,
    local_instant,
    minutes_attended,
    parse_clock_time,
    parse_weekdays,
    split_by_local_day,
    step_at,
    track_steps,
    typed_instant,
    weekly_hours,
)

NY = ZoneInfo("America/New_York")
CHI = ZoneInfo("America/Chicago")


def at(day: date, hh: int, mm: int = 0, zone: ZoneInfo = NY) -> datetime:
    return local_instant(day, time(hh, mm), zone)


MON = date(2026, 3, 2)  # a Monday, before the US spring change on 2026-03-08


# -- minutes attended ----------------------------------------------------------------------


def test_present_for_the_whole_meeting_counts_its_length() -> None:
    assert minutes_attended(at(MON, 18), at(MON, 21), AttendanceStatus.PRESENT) == 180


def test_late_arrival_counts_from_arrival() -> None:
    assert minutes_attended(at(MON, 18), at(MON, 21), AttendanceStatus.LATE, arrived_at=at(MON, 18, 25)) == 155


def test_early_departure_counts_until_departure() -> None:
    assert minutes_attended(at(MON, 18), at(MON, 21), AttendanceStatus.LEFT_EARLY, left_at=at(MON, 19, 40)) == 100


def test_late_and_early_together() -> None:
    minutes = minutes_attended(
        at(MON, 18), at(MON, 21), AttendanceStatus.LATE, arrived_at=at(MON, 18, 10), left_at=at(MON, 20, 5)
    )
    assert minutes == 115


def test_times_outside_the_meeting_count_only_the_meeting() -> None:
    minutes = minutes_attended(
        at(MON, 18), at(MON, 21), AttendanceStatus.PRESENT, arrived_at=at(MON, 17, 30), left_at=at(MON, 22)
    )
    assert minutes == 180


def test_departure_before_arrival_or_before_start_counts_nothing() -> None:
    assert minutes_attended(at(MON, 18), at(MON, 21), AttendanceStatus.LEFT_EARLY, left_at=at(MON, 17)) == 0
    assert attended_interval(at(MON, 18), at(MON, 21), AttendanceStatus.LATE, at(MON, 20), at(MON, 19)) is None


@pytest.mark.parametrize("status", [AttendanceStatus.ABSENT_EXCUSED, AttendanceStatus.ABSENT_UNEXCUSED])
def test_absences_count_nothing_even_with_times_typed(status: AttendanceStatus) -> None:
    assert minutes_attended(at(MON, 18), at(MON, 21), status, at(MON, 18), at(MON, 21)) == 0


def test_meeting_crossing_midnight() -> None:
    start, end = at(MON, 22), at(MON + timedelta(days=1), 1)
    assert minutes_attended(start, end, AttendanceStatus.PRESENT) == 180
    arrived = instant_in_meeting(start, end, parse_clock_time("22:40"), NY)
    left = instant_in_meeting(start, end, parse_clock_time("00:30"), NY)
    assert left.astimezone(NY).date() == MON + timedelta(days=1)
    assert minutes_attended(start, end, AttendanceStatus.LATE, arrived, left) == 110


def test_meeting_across_the_fall_back_change_counts_real_minutes() -> None:
    night = date(2026, 10, 31)  # clocks go back at 02:00 on 2026-11-01 in New York
    start = at(night, 23)
    end = start + timedelta(hours=4)  # a four-hour overnight meeting
    assert end.astimezone(NY).strftime("%H:%M") == "02:00"
    assert minutes_attended(start, end, AttendanceStatus.PRESENT) == 240
    left = instant_in_meeting(start, end, time(1, 30), NY)  # the first 01:30 of the night
    assert minutes_attended(start, end, AttendanceStatus.LEFT_EARLY, left_at=left) == 150


def test_meeting_across_the_spring_forward_change_counts_real_minutes() -> None:
    night = date(2026, 3, 7)  # clocks jump from 02:00 to 03:00 on 2026-03-08
    start = at(night, 23)
    end = start + timedelta(hours=4)
    assert end.astimezone(NY).strftime("%H:%M") == "04:00"
    left = instant_in_meeting(start, end, time(3, 30), NY)
    assert minutes_attended(start, end, AttendanceStatus.LEFT_EARLY, left_at=left) == 210


# -- splitting and weeks -------------------------------------------------------------------


def test_split_by_local_day_at_midnight() -> None:
    parts = split_by_local_day(at(MON, 23), at(MON + timedelta(days=1), 1, 30), NY)
    assert parts == {MON: 3600.0, MON + timedelta(days=1): 5400.0}


def meeting(day: date, hh: int, minutes: int, attended: bool = True, zone: ZoneInfo = NY) -> MeetingTime:
    start = local_instant(day, time(hh), zone)
    end = start + timedelta(minutes=minutes)
    return MeetingTime(start, end, (start, end) if attended else None)


def test_week_below_target_is_flagged() -> None:
    weeks = weekly_hours([meeting(MON, 18, 180), meeting(MON + timedelta(days=2), 18, 180, attended=False)], NY, 9)
    assert len(weeks) == 1
    week = weeks[0]
    assert (week.label, week.scheduled_minutes, week.attended_minutes, week.target_minutes) == ("2026-W10", 360, 180, 540)
    assert week.below_target and not week.at_or_above_high
    assert week.flags == ("below target",)
    assert week.days_at_minimum == 1


def test_week_at_target_is_not_flagged_and_twenty_hours_is() -> None:
    three = [meeting(MON + timedelta(days=i), 18, 180) for i in (0, 2, 4)]
    (week,) = weekly_hours(three, NY, 9)
    assert week.attended_minutes == 540 and not week.below_target and week.flags == ()
    heavy = [meeting(MON + timedelta(days=i), 9, 240) for i in range(5)]
    (week,) = weekly_hours(heavy, NY, 9)
    assert week.attended_minutes == 1200 and week.at_or_above_high
    assert "20+ hours" in week.flags
    (week,) = weekly_hours(heavy[:4] + [meeting(MON + timedelta(days=4), 9, 239)], NY, 9)
    assert not week.at_or_above_high


def test_days_at_the_daily_minimum_are_counted_with_a_configurable_minimum() -> None:
    days = [meeting(MON, 9, 180), meeting(MON + timedelta(days=1), 9, 179), meeting(MON + timedelta(days=2), 9, 120)]
    (week,) = weekly_hours(days, NY, 9)
    assert week.days_at_minimum == 1
    (week,) = weekly_hours(days, NY, 9, HourRules(daily_minimum_hours=2))
    assert week.days_at_minimum == 3


def test_two_short_meetings_on_one_day_reach_the_daily_minimum_together() -> None:
    (week,) = weekly_hours([meeting(MON, 9, 90), meeting(MON, 13, 90)], NY, 9)
    assert week.days_at_minimum == 1


def test_a_meeting_over_sunday_midnight_counts_in_both_weeks() -> None:
    sunday = date(2026, 3, 1)
    weeks = weekly_hours([meeting(sunday, 22, 180)], NY, 9)
    assert [(w.label, w.attended_minutes) for w in weeks] == [("2026-W09", 120), ("2026-W10", 60)]


def test_daylight_saving_weeks_add_up_to_real_hours() -> None:
    # Mon/Wed/Fri 18:00 for 3 hours in the week of the spring change (Sunday 2026-03-08)
    # and in the week of the fall change (Sunday 2026-11-01): nine real hours each week.
    for monday in (date(2026, 3, 2), date(2026, 3, 9), date(2026, 10, 26), date(2026, 11, 2)):
        slots = expand_schedule(WeeklySchedule((0, 2, 4), time(18), 180), monday, monday + timedelta(days=6), NY)
        times = [MeetingTime(s.starts_at, s.ends_at, (s.starts_at, s.ends_at)) for s in slots]
        (week,) = weekly_hours(times, NY, 9)
        assert week.attended_minutes == 540, monday
        assert not week.below_target


def test_dst_week_with_a_sunday_morning_meeting_across_the_jump() -> None:
    # Sunday 2026-03-08, 01:00 to 04:00 by the wall clock is two real hours.
    sunday = date(2026, 3, 8)
    start, end = at(sunday, 1), at(sunday, 4)
    assert (end - start) == timedelta(hours=2)
    (week,) = weekly_hours([MeetingTime(start, end, (start, end))], NY, 9)
    assert week.attended_minutes == 120 and week.label == "2026-W10"


def test_schedule_keeps_local_start_times_across_dst() -> None:
    slots = expand_schedule(WeeklySchedule((0,), time(18), 180), date(2026, 3, 2), date(2026, 3, 16), CHI)
    assert [s.starts_at.astimezone(CHI).strftime("%H:%M") for s in slots] == ["18:00"] * 3
    assert [s.starts_at.astimezone(UTC).hour for s in slots] == [0, 23, 23]


def test_range_lists_empty_weeks_unflagged_and_cuts_minutes_outside() -> None:
    weeks = weekly_hours([meeting(MON, 18, 180)], NY, 9, first=date(2026, 2, 23), last=date(2026, 3, 15))
    assert [w.label for w in weeks] == ["2026-W09", "2026-W10", "2026-W11"]
    assert weeks[0].attended_minutes == 0 and not weeks[0].below_target
    weeks = weekly_hours([meeting(MON, 18, 180)], NY, 9, first=date(2026, 3, 3), last=date(2026, 3, 8))
    assert weeks[0].attended_minutes == 0


def test_cancelled_meetings_are_not_scheduled() -> None:
    start = at(MON, 18)
    (week,) = weekly_hours([MeetingTime(start, start + timedelta(hours=3), None, cancelled=True), meeting(MON, 9, 60)],
                           NY, 9)
    assert week.scheduled_minutes == 60


def test_adolescent_default_target_and_hours_text() -> None:
    rules = HourRules()
    assert rules.default_target_hours("adolescent") == 6
    assert rules.default_target_hours("adult") == 9
    assert hours_text(185) == "3 h 05"


# -- typing times --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("18:15", time(18, 15)), ("1815", time(18, 15)), ("615", time(6, 15)), ("6:15 pm", time(18, 15)),
     ("12am", time(0, 0)), ("12:30 p", time(12, 30)), ("18.05", time(18, 5)), ("7", time(7, 0))],
)
def test_parse_clock_time(typed: str, expected: time) -> None:
    assert parse_clock_time(typed) == expected


@pytest.mark.parametrize("typed", ["", "25:00", "18:60", "abc", "13pm", "12345"])
def test_parse_clock_time_refuses_nonsense_with_a_sentence(typed: str) -> None:
    with pytest.raises(ValueError, match="time"):
        parse_clock_time(typed)


def test_typed_times_read_on_a_twelve_hour_clock_when_that_fits_the_meeting() -> None:
    evening = (at(MON, 18), at(MON, 21))
    morning = (at(MON, 9), at(MON, 10, 30))
    assert typed_instant("615", *evening, NY) == at(MON, 18, 15)
    assert typed_instant("18:15", *evening, NY) == at(MON, 18, 15)
    assert typed_instant("912", *morning, NY) == at(MON, 9, 12)
    assert typed_instant("10", *morning, NY) == at(MON, 10)
    overnight = (at(MON, 22), at(MON + timedelta(days=1), 1))
    assert typed_instant("12:30am", *overnight, NY) == at(MON + timedelta(days=1), 0, 30)
    with pytest.raises(ValueError, match="well outside this meeting"):
        typed_instant("1812", *morning, NY)
    with pytest.raises(ValueError, match="well outside"):
        typed_instant("6:15 am", *evening, NY)


# -- schedules and tracks -----------------------------------------------------------------


def test_parse_weekdays_and_describe() -> None:
    assert parse_weekdays("Mon, wed,FRI") == (0, 2, 4)
    schedule = WeeklySchedule((4, 0), time(18), 180)
    assert schedule.weekdays == (0, 4)
    assert schedule.describe() == "Mon, Fri 18:00–21:00"
    with pytest.raises(ValueError, match="day of the week"):
        parse_weekdays("mon,funday")


def test_track_steps_and_rolling_cycle(shipped_library) -> None:  # type: ignore[no-untyped-def]
    steps = track_steps(Track(("psychoeducation-core", "no-such-curriculum", "skills-core")), shipped_library)
    psycho = shipped_library.get("psychoeducation-core")
    skills = shipped_library.get("skills-core")
    assert len(steps) == len(psycho.sessions) + len(skills.sessions)
    assert steps[0].key == ("psychoeducation-core", psycho.sessions[0].id)
    assert step_at(steps, len(steps), rolling=False) is None
    assert step_at(steps, len(steps), rolling=True) == steps[0]
    assert step_at(steps, len(steps) + 2, rolling=True) == steps[2]


def test_coverage_and_make_up_suggestions() -> None:
    steps = [TrackStep("c", f"s{i}") for i in range(4)]
    base = datetime(2026, 3, 10, 23, tzinfo=UTC)
    upcoming = [
        UpcomingMeeting(10, 1, "Tue group", base + timedelta(days=2), "c", "s1"),
        UpcomingMeeting(11, 2, "Thu group", base + timedelta(days=1), "c", "s1"),
        UpcomingMeeting(12, 2, "Thu group", base + timedelta(days=3), "c", "s0"),
        UpcomingMeeting(13, 2, "Thu group", base + timedelta(days=4), "other", "s3"),
    ]
    cov = coverage(steps, {("c", "s0"), ("c", "s2"), ("x", "y")}, upcoming)
    assert [s.session_id for s in cov.attended] == ["s0", "s2"]
    assert [s.session_id for s in cov.missing] == ["s1", "s3"]
    assert cov.fraction == 0.5
    assert [m.meeting_id for m in cov.make_ups[("c", "s1")]] == [11, 10]
    assert ("c", "s3") not in cov.make_ups


def test_a_session_attended_in_either_edition_covers_both() -> None:
    editions = {"c-es": "c"}.get
    steps = [TrackStep("c", f"s{i}") for i in range(3)]
    base = datetime(2026, 3, 10, 23, tzinfo=UTC)
    upcoming = [UpcomingMeeting(20, 3, "Grupo del jueves", base, "c-es", "s2")]
    cov = coverage(steps, {("c-es", "s0"), ("c", "s1")}, upcoming, edition_of=lambda c: editions(c, c))
    assert [s.session_id for s in cov.attended] == ["s0", "s1"]
    assert [m.meeting_id for m in cov.make_ups[("c", "s2")]] == [20], "the Spanish meeting is a make-up for the English step"
    spanish_steps = [TrackStep("c-es", f"s{i}") for i in range(3)]
    back = coverage(spanish_steps, {("c", "s2")}, edition_of=lambda c: editions(c, c))
    assert [s.session_id for s in back.attended] == ["s2"]
    # Without the editions mapping the ids differ, and nothing is covered: the check can fail.
    assert coverage(steps, {("c-es", "s0")}).attended == []


def test_a_run_proposes_its_times_keeping_late_arrivals_and_early_departures() -> None:
    from facilitator.core.attendance import attended_span, propose_from_run

    start = datetime(2026, 3, 3, 0, 0, tzinfo=UTC)
    run_start, run_end = start + timedelta(minutes=3), start + timedelta(minutes=95)
    on_time = propose_from_run(AttendanceStatus.PRESENT, None, None, run_start, run_end)
    assert on_time is not None and (on_time.arrived_at, on_time.left_at) == (run_start, run_end)
    assert not on_time.kept_arrival and not on_time.kept_departure
    late = propose_from_run(AttendanceStatus.LATE, start + timedelta(minutes=20), None, run_start, run_end)
    assert late is not None and late.arrived_at == start + timedelta(minutes=20) and late.kept_arrival
    early = propose_from_run(AttendanceStatus.LEFT_EARLY, None, start + timedelta(minutes=60), run_start, run_end)
    assert early is not None and early.left_at == start + timedelta(minutes=60) and early.kept_departure
    typed_before = propose_from_run(AttendanceStatus.PRESENT, start - timedelta(minutes=5), None, run_start, run_end)
    assert typed_before is not None and typed_before.arrived_at == run_start
    assert propose_from_run(AttendanceStatus.ABSENT_EXCUSED, None, None, run_start, run_end) is None
    after_the_end = propose_from_run(AttendanceStatus.LATE, run_end + timedelta(minutes=5), None, run_start, run_end)
    assert after_the_end is not None and after_the_end.left_at is None and after_the_end.kept_departure
    # The span of attendance: the meeting itself unless attendees' times narrow it.
    end = start + timedelta(minutes=180)
    assert attended_span(start, end, []) == (start, end)
    assert attended_span(start, end, [(AttendanceStatus.PRESENT, None, None)]) == (start, end)
    assert attended_span(start, end, [(AttendanceStatus.PRESENT, run_start, run_end)]) == (run_start, run_end)
