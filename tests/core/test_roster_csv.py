"""The roster CSV: mapping, every bad row named by its line, nothing partly accepted."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

import pytest

from facilitator.core.attendance import MeetingTime, weekly_hours
from facilitator.core.privacy import PART2_NOTICE
from facilitator.core.reports import (
    REPORT_CSV_HEADER,
    AttendanceReport,
    ReportMeetingRow,
    SignInSheet,
    attendance_csv,
    sign_in_csv,
)
from facilitator.core.roster import Audience, RosterFileError, guess_mapping, parse_roster, read_csv

HEADER = "record_number,preferred_name,legal_name,date_of_birth,program_start,weekly_hours_target,language,large_print\n"


def test_good_file_parses_every_row() -> None:
    text = HEADER + "A1,Al,Albert Smith,1980-02-03,2026-03-01,,en,no\nB2,Bea,Beatrice Jones,2010-05-06,2026-03-02,6,es,yes\n"
    plan = parse_roster(read_csv(text))
    assert plan.ok
    (l1, a), (l2, b) = plan.drafts
    assert (l1, l2) == (2, 3)
    assert a.record_number == "A1" and a.date_of_birth == date(1980, 2, 3) and a.weekly_hours_target is None
    assert a.audience is Audience.ADULT and not a.large_print
    assert b.audience is Audience.ADOLESCENT and b.large_print and b.language == "es" and b.weekly_hours_target == 6


def test_every_bad_row_is_named_by_its_line() -> None:
    text = (
        HEADER
        + "A1,Al,Albert Smith,,2026-03-01,,en,no\n"
        + "A2,,Nobody,,2026-03-01,,en,no\n"  # line 3: no preferred name
        + "\n"  # line 4: blank, skipped
        + "A3,Cy,Cyrus,03/04/1990,2026-03-01,,en,no\n"  # line 5: US date
        + "A1,Di,Diana,,2026-03-01,,en,maybe\n"  # line 6: duplicate and bad yes/no
        + '"A4","Ed","Edward\nSecond line",,2026-13-01,x,en,no\n'  # lines 7-8: bad date, bad hours
        + "A5,Flo,Florence,,2026-03-01,,en,no\n"  # line 9: fine
    )
    plan = parse_roster(read_csv(text))
    assert [e.line for e in plan.errors] == [3, 5, 6, 7]
    messages = {e.line: e.message for e in plan.errors}
    assert "preferred name is empty" in messages[3]
    assert "'03/04/1990' is not a date" in messages[5]
    assert "also on line 2" in messages[6] and "yes or no" in messages[6]
    assert "'2026-13-01'" in messages[7] and "'x' is not a number" in messages[7]
    assert str(plan.errors[0]).startswith("line 3: ")
    assert [line for line, _ in plan.drafts] == [2, 9]


def test_mapping_from_other_headers_and_missing_required_column() -> None:
    table = read_csv("MRN,Name,Full name,DOB,Admission date\nX9,Jo,Joanne Park,1990-01-01,2026-01-05\n")
    mapping = guess_mapping(table.headers)
    assert mapping["record_number"] == "MRN" and mapping["program_start"] == "Admission date"
    assert mapping["legal_name"] == "Full name" and mapping["language"] is None
    plan = parse_roster(table, mapping)
    assert plan.ok and plan.drafts[0][1].preferred_name == "Jo"
    mapping["program_start"] = None
    plan = parse_roster(table, mapping)
    assert not plan.ok and "Program start" in plan.errors[0].message


@pytest.mark.parametrize("text", ["", "\n\n"])
def test_empty_files_are_refused_with_a_sentence(text: str) -> None:
    with pytest.raises(RosterFileError):
        read_csv(text)


def test_header_only_is_an_error() -> None:
    assert not parse_roster(read_csv(HEADER)).ok


def test_byte_order_mark_is_ignored() -> None:
    plan = parse_roster(read_csv("\ufeff" + HEADER + "A1,Al,Albert,,2026-03-01,,,\n"))
    assert plan.ok and plan.drafts[0][1].language == "en"


# -- CSV exports ---------------------------------------------------------------------------


def test_sign_in_csv_has_names_only() -> None:
    sheet = SignInSheet("Clinic", "Tuesday skills", date(2026, 3, 3), "18:00–21:00", "Room 2", ("Al", "Bea"))
    rows = list(csv.DictReader(io.StringIO(sign_in_csv(sheet))))
    assert [r["name"] for r in rows] == ["Al", "Bea"]
    assert set(rows[0]) == {"group", "date", "time", "room", "name", "signature"}


def test_attendance_csv_reads_back_with_week_totals_and_the_notice() -> None:
    start = datetime(2026, 3, 2, 23, tzinfo=UTC)
    times = [MeetingTime(start, start + timedelta(hours=3), (start + timedelta(minutes=15), start + timedelta(hours=3)))]
    from zoneinfo import ZoneInfo

    weeks = tuple(weekly_hours(times, ZoneInfo("America/New_York"), 9))
    report = AttendanceReport(
        clinic_name="Clinic",
        participant_name="Albert Smith (Al)",
        record_number="A1",
        first=date(2026, 3, 1),
        last=date(2026, 3, 7),
        rows=(ReportMeetingRow(date(2026, 3, 2), "18:00–21:00", "Skills", "Late", "18:15", "", 180, 165),),
        weeks=weeks,
        target_hours=9,
        generated_at=start,
        zone_name="America/New_York",
    )
    text = attendance_csv(report)
    lines = list(csv.reader(io.StringIO(text)))
    assert tuple(lines[0]) == REPORT_CSV_HEADER
    row = dict(zip(lines[0], lines[1], strict=True))
    assert row["minutes_attended"] == "165" and row["iso_week"] == "2026-W10"
    assert row["week_attended_hours"] == "2.75" and row["week_flags"] == "below target"
    assert lines[-1] == [f"# {PART2_NOTICE}"]
