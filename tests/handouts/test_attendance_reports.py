"""The sign-in sheet and the attendance report as PDF, read back with pypdf."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from pypdf import PdfReader

from facilitator.core.attendance import MeetingTime, weekly_hours
from facilitator.core.privacy import CONFIDENTIAL_MARK, PART2_NOTICE, PART2_NOTICE_SHORT
from facilitator.core.reports import AttendanceReport, ReportMeetingRow, SignInSheet
from facilitator.handouts.reports import render_attendance_report, render_sign_in_sheet


def text_of(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in reader.pages))


def test_sign_in_sheet_has_names_and_nothing_clinical() -> None:
    sheet = SignInSheet("Harbor Light IOP", "Tuesday skills", date(2026, 3, 3), "18:00–21:00", "Room 2",
                        ("Ana", "Ben", "Zoë"))
    reader, text = text_of(render_sign_in_sheet(sheet, invariant=True))
    assert len(reader.pages) == 1
    for expected in ("Sign-in sheet", "Tuesday skills", "2026-03-03", "18:00–21:00", "Room 2", "Ana", "Ben", "Zoë",
                     CONFIDENTIAL_MARK):
        assert expected in text
    assert reader.metadata.title == "Sign-in sheet"
    assert "Ana" not in str(reader.metadata)
    assert render_sign_in_sheet(sheet, invariant=True) == render_sign_in_sheet(sheet, invariant=True)


def test_attendance_report_carries_the_part2_notice_rows_and_weeks() -> None:
    zone = ZoneInfo("America/New_York")
    start = datetime(2026, 3, 2, 23, tzinfo=UTC)
    rows = []
    times = []
    for n in range(40):  # enough meetings for several pages
        s = start + timedelta(days=n)
        came = n < 7 or n % 3 == 0  # every day of the first week (21 h), then one day in three
        rows.append(ReportMeetingRow(s.astimezone(zone).date(), "18:00–21:00", "Evening skills",
                                     "Present" if came else "Absent, excused", "", "", 180, 180 if came else 0))
        times.append(MeetingTime(s, s + timedelta(hours=3), (s, s + timedelta(hours=3)) if came else None))
    report = AttendanceReport(
        clinic_name="Harbor Light IOP", participant_name="Albert Smith (Al)", record_number="A-77",
        first=date(2026, 3, 2), last=date(2026, 4, 10), rows=tuple(rows),
        weeks=tuple(weekly_hours(times, zone, 9, first=date(2026, 3, 2), last=date(2026, 4, 10))),
        target_hours=9, generated_at=datetime(2026, 4, 11, 12, tzinfo=UTC), zone_name="America/New_York")
    reader, text = text_of(render_attendance_report(report, invariant=True))
    assert len(reader.pages) >= 2
    assert " ".join(PART2_NOTICE.split()) in text
    assert text.count(PART2_NOTICE_SHORT) == len(reader.pages)  # every page's footer
    for expected in ("Attendance report", "Albert Smith (Al)", "A-77", "2026-03-02 to 2026-04-10", "Evening skills",
                     "Absent, excused", "2026-W10", "2026-W15", "20+ hours", "below target", f"Page 1 of {len(reader.pages)}"):
        assert expected in text
    assert "18 of 40 held" in text and "54 h 00" in text
    assert "A-77" not in str(reader.metadata) and "Albert" not in str(reader.metadata)
