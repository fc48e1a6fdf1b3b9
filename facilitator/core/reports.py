"""What goes on the sign-in sheet and the attendance report, as plain data, and their CSV.

Renderers (PDF in ``facilitator.handouts.reports``) and the CSV writers here read the same
view-models, so the two formats always say the same thing. The PDF prints its labels in the
model's ``language`` (core/print_language.py: the sign-in sheet the curriculum's, the report the
screen's); the CSV keeps English headers and values, for the machines that read it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime

from . import csv_safe
from .attendance import WeekHours, hours_text
from .catalogue import QT_TRANSLATE_NOOP
from .print_language import day_and_date
from .privacy import PART2_NOTICE

SIGN_IN = "print.signin"
REPORT = "print.report"

# Words the report's rows carry in English (the CSV prints them as they are; the PDF looks
# them up under REPORT, then among the core's words, such as attendance statuses).
CANCELLED = QT_TRANSLATE_NOOP("print.report", "Cancelled")
NOT_RECORDED = QT_TRANSLATE_NOOP("print.report", "Not recorded")
# One person's status at one meeting, as a printed row says it (the screen's words are column-wide).
STATUS_WORDS = (
    QT_TRANSLATE_NOOP("print.report", "Present"),
    QT_TRANSLATE_NOOP("print.report", "Late"),
    QT_TRANSLATE_NOOP("print.report", "Left early"),
    QT_TRANSLATE_NOOP("print.report", "Absent, excused"),
    QT_TRANSLATE_NOOP("print.report", "Absent, unexcused"),
)


@dataclass(frozen=True)
class SignInSheet:
    """A meeting's sign-in sheet: names only, nothing clinical (no record numbers, no topic)."""

    clinic_name: str
    group_name: str
    day: date
    time_text: str
    room: str
    names: tuple[str, ...]
    blank_lines: int = 4
    language: str = "en"  # the curriculum's (print_language.sign_in_language): it goes round the room

    @property
    def day_text(self) -> str:
        return day_and_date(self.language, self.day)


@dataclass(frozen=True)
class ReportMeetingRow:
    day: date
    time_text: str
    group_name: str
    status: str
    arrived: str
    left: str
    scheduled_minutes: int
    minutes: int
    cancelled: bool = False


@dataclass(frozen=True)
class AttendanceReport:
    """One participant's attendance over a date range, for a consented disclosure."""

    clinic_name: str
    participant_name: str
    record_number: str
    first: date
    last: date
    rows: tuple[ReportMeetingRow, ...]
    weeks: tuple[WeekHours, ...]
    target_hours: float
    generated_at: datetime
    zone_name: str
    notice: str = PART2_NOTICE
    # Set when the viewer may see only some of the participant's groups: the report lists
    # the meetings of those groups and its hours count only them.
    scope_note: str = ""
    language: str = "en"  # the screen's (print_language.clinic_record_language)

    @property
    def total_minutes(self) -> int:
        return sum(r.minutes for r in self.rows)

    @property
    def attended_meetings(self) -> int:
        return sum(1 for r in self.rows if r.minutes > 0)


SIGN_IN_CSV_HEADER = ("group", "date", "time", "room", "name", "signature")
REPORT_CSV_HEADER = (
    "record_number",
    "participant",
    "date",
    "time",
    "group",
    "status",
    "arrived",
    "left",
    "scheduled_minutes",
    "minutes_attended",
    "iso_week",
    "week_attended_hours",
    "week_target_hours",
    "week_flags",
    "week_level_of_care",
)


def sign_in_csv(sheet: SignInSheet) -> str:
    out = io.StringIO()
    writer = csv_safe.writer(out)
    writer.writerow(SIGN_IN_CSV_HEADER)
    for name in sheet.names:
        writer.writerow((sheet.group_name, sheet.day.isoformat(), sheet.time_text, sheet.room, name, ""))
    return out.getvalue()


def attendance_csv(report: AttendanceReport) -> str:
    """One row per meeting, each carrying its ISO week's totals; the Part 2 notice closes it.

    The notice sits in a final ``#`` row so a spreadsheet shows it and a reader that skips
    comment rows still gets clean data.
    """
    weeks = {w.monday: w for w in report.weeks}
    out = io.StringIO()
    writer = csv_safe.writer(out)
    writer.writerow(REPORT_CSV_HEADER)
    for row in report.rows:
        iso = row.day.isocalendar()
        week = weeks.get(row.day.fromisocalendar(iso.year, iso.week, 1))
        writer.writerow(
            (
                report.record_number,
                report.participant_name,
                row.day.isoformat(),
                row.time_text,
                row.group_name,
                row.status,
                row.arrived,
                row.left,
                row.scheduled_minutes,
                row.minutes,
                f"{iso.year}-W{iso.week:02d}",
                f"{week.attended_minutes / 60:.2f}" if week else "",
                f"{week.target_minutes / 60:g}" if week else f"{report.target_hours:g}",
                "; ".join(week.flags) if week else "",
                week.level if week else "",
            )
        )
    if report.scope_note:
        writer.writerow((f"# {report.scope_note}",))
    writer.writerow((f"# {report.notice}",))
    return out.getvalue()


def week_summary(week: WeekHours) -> str:
    level = f" ({week.level})" if week.level else ""
    return f"{week.label}{level}: {hours_text(week.attended_minutes)} of {hours_text(week.scheduled_minutes)} scheduled"
