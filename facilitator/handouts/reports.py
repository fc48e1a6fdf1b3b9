"""Attendance paperwork as PDF: a meeting's sign-in sheet and one participant's attendance report.

Both reuse the handout base renderer (fonts, letterhead, "page x of y"). The sign-in sheet
carries names only. The attendance report is a disclosure of a Part 2 record: it prints the
full 42 CFR 2.32 notice before the figures and the short statement in every page's footer.
"""

from __future__ import annotations

from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from ..core.attendance import WeekHours, hours_text
from ..core.printing import Letterhead
from ..core.privacy import CONFIDENTIAL_MARK, PART2_NOTICE_SHORT, PART2_NOTICE_TITLE
from ..core.reports import AttendanceReport, SignInSheet
from .base import BaseRenderer, DocumentInfo
from .styles import RULE, Styles

HEADER_FILL = colors.Color(0.92, 0.92, 0.92)
FLAG_FILL = colors.Color(1.0, 0.93, 0.80)


@cache
def _table_styles() -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    """Smaller cells for the report's tables, and a heading that lets a long table start below it."""
    from .styles import styles

    st = styles(False)
    cell = ParagraphStyle("report-cell", parent=st.cell, fontSize=8.5, leading=10.5)
    bold = ParagraphStyle("report-cell-bold", parent=st.cell_bold, fontSize=8.5, leading=10.5)
    heading = ParagraphStyle("report-heading", parent=st.heading, keepWithNext=0)
    return cell, bold, heading


def _p(value: object, style: object) -> Paragraph:
    return Paragraph(escape(str(value)), style)  # type: ignore[arg-type]


def _table(
    rows: list[list[object]], widths: list[float], st: Styles, *, row_height: float | None = None, grid: bool = False
) -> Table:
    table = Table(
        rows,
        colWidths=widths,
        repeatRows=1,
        rowHeights=None if row_height is None else [None] + [row_height] * (len(rows) - 1),
    )  # type: ignore[list-item]
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                *([("INNERGRID", (0, 0), (-1, -1), 0.5, RULE)] if grid else []),
            ]
        )
    )
    return table


class SignInSheetRenderer(BaseRenderer[SignInSheet]):
    """One page (or more) with a line per enrolled name and blank lines for walk-ins."""

    def letterhead_of(self, model: SignInSheet) -> Letterhead:
        return Letterhead(clinic_name=model.clinic_name)

    def document_info(self, model: SignInSheet) -> DocumentInfo:
        # No names and no group in the metadata: a file name or a search index may show it.
        return DocumentInfo(title="Sign-in sheet", subject="Group sign-in")

    def story(self, model: SignInSheet) -> list[Flowable]:
        st = self.styles(False)
        story: list[Flowable] = [
            self.begin(section=0, header_right=model.day_text, footer=CONFIDENTIAL_MARK),
            _p("Sign-in sheet", st.title),
            _p(" · ".join(x for x in (model.group_name, model.day_text, model.time_text, model.room) if x), st.kicker),
            Spacer(1, 6),
            _p(
                "Please sign on the line with your name. If your name is not listed, write it on a blank line.",
                st.small,
            ),
            Spacer(1, 8),
        ]
        width = self.pagesize[0] - self.margin_left - self.margin_right
        rows: list[list[object]] = [[_p("#", st.cell_bold), _p("Name", st.cell_bold), _p("Signature", st.cell_bold)]]
        for n, name in enumerate(model.names, 1):
            rows.append([_p(n, st.cell), _p(name, st.cell), ""])
        for n in range(model.blank_lines):
            rows.append([_p(len(model.names) + n + 1, st.cell), "", ""])
        story.append(
            _table(
                rows,
                [0.4 * inch, width * 0.42, width - 0.4 * inch - width * 0.42],
                st,
                row_height=0.42 * inch,
                grid=True,
            )
        )
        return story


class AttendanceReportRenderer(BaseRenderer[AttendanceReport]):
    """The notice, who and when, one row per meeting, then hours per ISO week."""

    def letterhead_of(self, model: AttendanceReport) -> Letterhead:
        return Letterhead(clinic_name=model.clinic_name)

    def document_info(self, model: AttendanceReport) -> DocumentInfo:
        return DocumentInfo(title="Attendance report", subject="Confidential: 42 CFR part 2")

    def story(self, model: AttendanceReport) -> list[Flowable]:
        st = self.styles(False)
        cell, bold, heading = _table_styles()
        width = self.pagesize[0] - self.margin_left - self.margin_right
        period = f"{model.first.isoformat()} to {model.last.isoformat()}"
        story: list[Flowable] = [
            self.begin(
                section=0,
                header_right=f"Attendance {period}",
                continued_right=f"Attendance {period} (continued)",
                footer=PART2_NOTICE_SHORT,
            ),
            _p("Attendance report", st.title),
        ]
        facts = [
            ("Participant", model.participant_name),
            ("Record number", model.record_number),
            ("Period", period),
            ("Weekly hours target", _target_text(model)),
            ("Meetings attended", f"{model.attended_meetings} of {sum(1 for r in model.rows if not r.cancelled)} held"),
            ("Total time attended", hours_text(model.total_minutes)),
            ("Prepared", f"{model.generated_at:%Y-%m-%d} (times are clinic time, {model.zone_name})"),
        ]
        if model.scope_note:
            facts.append(("Groups", model.scope_note))
        fact_table = Table(
            [[_p(k, st.cell_bold), _p(v, st.cell)] for k, v in facts], colWidths=[2.1 * inch, width - 2.1 * inch]
        )
        fact_table.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        story.append(fact_table)
        story.append(Spacer(1, 10))
        notice = Table([[_p(PART2_NOTICE_TITLE, st.small_bold)], [_p(model.notice, st.small)]], colWidths=[width])
        notice.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        story.append(KeepTogether([notice]))

        story.append(_p("Meetings", heading))
        header = ["Date", "Time", "Group", "Status", "In", "Out", "Planned", "Attended"]
        rows: list[list[object]] = [[_p(h, bold) for h in header]]
        for r in model.rows:
            rows.append(
                [
                    _p(f"{r.day:%a} {r.day.isoformat()}", cell),
                    _p(r.time_text, cell),
                    _p(r.group_name, cell),
                    _p(r.status, cell),
                    _p(r.arrived, cell),
                    _p(r.left, cell),
                    _p(r.scheduled_minutes or "", cell),
                    _p(r.minutes, cell),
                ]
            )
        if not model.rows:
            rows.append([_p("No meetings in this period.", cell)] + [""] * 7)
        widths = [1.05, 1.0, 1.9, 1.0, 0.55, 0.55, 0.7, 0.75]
        scale = width / (sum(widths) * inch)
        story.append(_table(rows, [w * inch * scale for w in widths], st))

        story.append(_p("Hours by week (Monday to Sunday)", st.heading))
        header = ["Week", "Dates", "Level of care", "Scheduled", "Attended", "Target", "Days at daily minimum", "Flags"]
        week_rows: list[list[object]] = [[_p(h, bold) for h in header]]
        flagged = []
        for n, w in enumerate(model.weeks, 1):
            week_rows.append(
                [
                    _p(w.label, cell),
                    _p(f"{w.monday.isoformat()} to {w.sunday.isoformat()}", cell),
                    _p(w.level, cell),
                    _p(hours_text(w.scheduled_minutes), cell),
                    _p(hours_text(w.attended_minutes), cell),
                    _p(hours_text(w.target_minutes), cell),
                    _p(w.days_at_minimum, cell),
                    _p(", ".join(w.flags), cell),
                ]
            )
            if w.flags:
                flagged.append(n)
        widths = [0.9, 1.2, 0.75, 0.95, 0.9, 0.7, 0.85, 1.0]
        scale = width / (sum(widths) * inch)
        table = _table(week_rows, [w * inch * scale for w in widths], st)
        table.setStyle(TableStyle([("BACKGROUND", (0, n), (-1, n), FLAG_FILL) for n in flagged]))
        story.append(table)
        story.append(Spacer(1, 6))
        story.append(
            _p(
                "Planned and Attended are minutes. Attended minutes count from the meeting's actual start "
                "and end and the participant's arrival and departure. Weeks below the target, or at "
                f"{model.weeks[0].high_minutes // 60 if model.weeks else 20} hours or more, are flagged.",
                st.small,
            )
        )
        return story


def _target_text(model: AttendanceReport) -> str:
    """One target, or the targets the levels of care set over the period."""
    targets = sorted({w.target_minutes for w in model.weeks}) or [round(model.target_hours * 60)]
    if len(targets) == 1:
        return f"{targets[0] / 60:g} hours"
    return "follows the level of care: " + ", ".join(
        f"{w.level} {w.target_minutes / 60:g} h" for w in _first_of_each_level(model.weeks)
    )


def _first_of_each_level(weeks: tuple[WeekHours, ...]) -> list[WeekHours]:
    seen: set[tuple[str, int]] = set()
    out = []
    for w in weeks:
        key = (w.level, w.target_minutes)
        if key not in seen:
            seen.add(key)
            out.append(w)
    return out


def render_sign_in_sheet(model: SignInSheet, *, invariant: bool = False) -> bytes:
    return SignInSheetRenderer(invariant=invariant).render(model)


def render_attendance_report(model: AttendanceReport, *, invariant: bool = False) -> bytes:
    return AttendanceReportRenderer(invariant=invariant).render(model)


__all__ = ["AttendanceReportRenderer", "SignInSheetRenderer", "render_attendance_report", "render_sign_in_sheet"]
