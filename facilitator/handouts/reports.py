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
from ..core.catalogue import QT_TRANSLATE_NOOP
from ..core.print_language import continued, core_word, period, short_day, tr
from ..core.printing import Letterhead
from ..core.privacy import CONFIDENTIAL_MARK, PART2_NOTICE_SHORT, PART2_NOTICE_TITLE, in_language
from ..core.reports import REPORT, SIGN_IN, AttendanceReport, SignInSheet
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


SIGN_IN_WORDS = (
    QT_TRANSLATE_NOOP("print.signin", "Sign-in sheet"),
    QT_TRANSLATE_NOOP("print.signin", "Group sign-in"),
    QT_TRANSLATE_NOOP("print.signin",
                      "Please sign on the line with your name. If your name is not listed, write it on a blank line."),
    QT_TRANSLATE_NOOP("print.signin", "Name"),
    QT_TRANSLATE_NOOP("print.signin", "Signature"),
)


class SignInSheetRenderer(BaseRenderer[SignInSheet]):
    """One page (or more) with a line per enrolled name and blank lines for walk-ins."""

    def letterhead_of(self, model: SignInSheet) -> Letterhead:
        return Letterhead(clinic_name=model.clinic_name)

    def document_info(self, model: SignInSheet) -> DocumentInfo:
        # No names and no group in the metadata: a file name or a search index may show it.
        lang = model.language
        return DocumentInfo(title=tr(lang, SIGN_IN, "Sign-in sheet"), subject=tr(lang, SIGN_IN, "Group sign-in"),
                            language=lang)

    def story(self, model: SignInSheet) -> list[Flowable]:
        st = self.styles(False)
        lang = model.language

        def t(text: str) -> str:
            return tr(lang, SIGN_IN, text)

        story: list[Flowable] = [
            self.begin(section=0, header_right=model.day_text, footer=in_language(lang, CONFIDENTIAL_MARK),
                       language=lang),
            _p(t("Sign-in sheet"), st.title),
            _p(" · ".join(x for x in (model.group_name, model.day_text, model.time_text, model.room) if x), st.kicker),
            Spacer(1, 6),
            _p(t("Please sign on the line with your name. If your name is not listed, write it on a blank line."),
               st.small),
            Spacer(1, 8),
        ]
        width = self.pagesize[0] - self.margin_left - self.margin_right
        rows: list[list[object]] = [[_p("#", st.cell_bold), _p(t("Name"), st.cell_bold),
                                     _p(t("Signature"), st.cell_bold)]]
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


REPORT_WORDS = (
    QT_TRANSLATE_NOOP("print.report", "Attendance report"),
    QT_TRANSLATE_NOOP("print.report", "Confidential: 42 CFR part 2"),
    QT_TRANSLATE_NOOP("print.report", "Attendance {period}"),
    QT_TRANSLATE_NOOP("print.report", "Participant"),
    QT_TRANSLATE_NOOP("print.report", "Record number"),
    QT_TRANSLATE_NOOP("print.report", "Period"),
    QT_TRANSLATE_NOOP("print.report", "Weekly hours target"),
    QT_TRANSLATE_NOOP("print.report", "Meetings attended"),
    QT_TRANSLATE_NOOP("print.report", "{attended} of {held} held"),
    QT_TRANSLATE_NOOP("print.report", "Total time attended"),
    QT_TRANSLATE_NOOP("print.report", "Prepared"),
    QT_TRANSLATE_NOOP("print.report", "{day} (times are clinic time, {zone})"),
    QT_TRANSLATE_NOOP("print.report", "Groups"),
    QT_TRANSLATE_NOOP("print.report", "Meetings"),
    QT_TRANSLATE_NOOP("print.report", "Date"),
    QT_TRANSLATE_NOOP("print.report", "Time"),
    QT_TRANSLATE_NOOP("print.report", "Group"),
    QT_TRANSLATE_NOOP("print.report", "Status"),
    QT_TRANSLATE_NOOP("print.report", "In"),
    QT_TRANSLATE_NOOP("print.report", "Out"),
    QT_TRANSLATE_NOOP("print.report", "Planned"),
    QT_TRANSLATE_NOOP("print.report", "Attended"),
    QT_TRANSLATE_NOOP("print.report", "No meetings in this period."),
    QT_TRANSLATE_NOOP("print.report", "Hours by week (Monday to Sunday)"),
    QT_TRANSLATE_NOOP("print.report", "Week"),
    QT_TRANSLATE_NOOP("print.report", "Dates"),
    QT_TRANSLATE_NOOP("print.report", "Level of care"),
    QT_TRANSLATE_NOOP("print.report", "Scheduled"),
    QT_TRANSLATE_NOOP("print.report", "Target"),
    QT_TRANSLATE_NOOP("print.report", "Days at daily minimum"),
    QT_TRANSLATE_NOOP("print.report", "Flags"),
    QT_TRANSLATE_NOOP("print.report", "below target"),
    QT_TRANSLATE_NOOP("print.report", "{hours}+ hours"),
    QT_TRANSLATE_NOOP("print.report",
                      "Planned and Attended are minutes. Attended minutes count from the meeting's actual start "
                      "and end and the participant's arrival and departure. Weeks below the target, or at "
                      "{hours} hours or more, are flagged."),
    QT_TRANSLATE_NOOP("print.report", "{hours} hours"),
    QT_TRANSLATE_NOOP("print.report", "follows the level of care: {targets}"),
)


def row_word(language: str, text: str) -> str:
    """A word a report row carries in English (a status, "Cancelled") in ``language``."""
    out = tr(language, REPORT, text)
    return out if out != text else core_word(language, text)


def flag_words(language: str, week: WeekHours) -> str:
    """A week's flags, in ``language``: "below target, 20+ hours"."""
    out = []
    if week.below_target:
        out.append(tr(language, REPORT, "below target"))
    if week.at_or_above_high:
        out.append(tr(language, REPORT, "{hours}+ hours", hours=week.high_minutes // 60))
    return ", ".join(out)


class AttendanceReportRenderer(BaseRenderer[AttendanceReport]):
    """The notice, who and when, one row per meeting, then hours per ISO week."""

    def letterhead_of(self, model: AttendanceReport) -> Letterhead:
        return Letterhead(clinic_name=model.clinic_name)

    def document_info(self, model: AttendanceReport) -> DocumentInfo:
        lang = model.language
        return DocumentInfo(title=tr(lang, REPORT, "Attendance report"),
                            subject=tr(lang, REPORT, "Confidential: 42 CFR part 2"), language=lang)

    def story(self, model: AttendanceReport) -> list[Flowable]:
        st = self.styles(False)
        cell, bold, heading = _table_styles()
        lang = model.language

        def t(text: str, **values: object) -> str:
            return tr(lang, REPORT, text, **values)

        width = self.pagesize[0] - self.margin_left - self.margin_right
        span = period(lang, model.first, model.last)
        header_right = t("Attendance {period}", period=span)
        story: list[Flowable] = [
            self.begin(
                section=0,
                header_right=header_right,
                continued_right=continued(lang, header_right),
                footer=in_language(lang, PART2_NOTICE_SHORT),
                language=lang,
            ),
            _p(t("Attendance report"), st.title),
        ]
        held = sum(1 for r in model.rows if not r.cancelled)
        facts = [
            (t("Participant"), model.participant_name),
            (t("Record number"), model.record_number),
            (t("Period"), span),
            (t("Weekly hours target"), _target_text(model)),
            (t("Meetings attended"), t("{attended} of {held} held", attended=model.attended_meetings, held=held)),
            (t("Total time attended"), hours_text(model.total_minutes)),
            (t("Prepared"), t("{day} (times are clinic time, {zone})", day=f"{model.generated_at:%Y-%m-%d}",
                              zone=model.zone_name)),
        ]
        if model.scope_note:
            facts.append((t("Groups"), t(model.scope_note)))
        fact_table = Table(
            [[_p(k, st.cell_bold), _p(v, st.cell)] for k, v in facts], colWidths=[2.4 * inch, width - 2.4 * inch]
        )
        fact_table.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                                        ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(fact_table)
        story.append(Spacer(1, 10))
        notice = Table([[_p(in_language(lang, PART2_NOTICE_TITLE), st.small_bold)],
                        [_p(in_language(lang, model.notice), st.small)]], colWidths=[width])
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

        story.append(_p(t("Meetings"), heading))
        header = [t("Date"), t("Time"), t("Group"), t("Status"), t("In"), t("Out"), t("Planned"), t("Attended")]
        rows: list[list[object]] = [[_p(h, bold) for h in header]]
        for r in model.rows:
            rows.append(
                [
                    _p(short_day(lang, r.day), cell),
                    _p(r.time_text, cell),
                    _p(r.group_name, cell),
                    _p(row_word(lang, r.status), cell),
                    _p(r.arrived, cell),
                    _p(r.left, cell),
                    _p(r.scheduled_minutes or "", cell),
                    _p(r.minutes, cell),
                ]
            )
        if not model.rows:
            rows.append([_p(t("No meetings in this period."), cell)] + [""] * 7)
        # Measured in the cell font: no word splits (Spanish headers are longer), nor "18:00–19:30" nor a
        # group name such as "Psychoeducation"; the date may put its weekday above it.
        widths = [0.95, 0.93, 1.18, 0.9, 0.71, 0.6, 0.8, 0.8]
        scale = width / (sum(widths) * inch)
        story.append(_table(rows, [w * inch * scale for w in widths], st))

        story.append(_p(t("Hours by week (Monday to Sunday)"), st.heading))
        header = [t("Week"), t("Dates"), t("Level of care"), t("Scheduled"), t("Attended"), t("Target"),
                  t("Days at daily minimum"), t("Flags")]
        week_rows: list[list[object]] = [[_p(h, bold) for h in header]]
        flagged = []
        for n, w in enumerate(model.weeks, 1):
            week_rows.append(
                [
                    _p(w.label, cell),
                    _p(period(lang, w.monday, w.sunday), cell),
                    _p(w.level, cell),
                    _p(hours_text(w.scheduled_minutes), cell),
                    _p(hours_text(w.attended_minutes), cell),
                    _p(hours_text(w.target_minutes), cell),
                    _p(w.days_at_minimum, cell),
                    _p(flag_words(lang, w), cell),
                ]
            )
            if w.flags:
                flagged.append(n)
        widths = [0.8, 1.1, 0.8, 0.85, 0.85, 0.7, 0.85, 1.05]
        scale = width / (sum(widths) * inch)
        table = _table(week_rows, [w * inch * scale for w in widths], st)
        table.setStyle(TableStyle([("BACKGROUND", (0, n), (-1, n), FLAG_FILL) for n in flagged]))
        story.append(table)
        story.append(Spacer(1, 6))
        story.append(
            _p(
                t(
                    "Planned and Attended are minutes. Attended minutes count from the meeting's actual start "
                    "and end and the participant's arrival and departure. Weeks below the target, or at "
                    "{hours} hours or more, are flagged.",
                    hours=model.weeks[0].high_minutes // 60 if model.weeks else 20,
                ),
                st.small,
            )
        )
        return story


def _target_text(model: AttendanceReport) -> str:
    """One target, or the targets the levels of care set over the period."""
    lang = model.language
    targets = sorted({w.target_minutes for w in model.weeks}) or [round(model.target_hours * 60)]
    if len(targets) == 1:
        return tr(lang, REPORT, "{hours} hours", hours=f"{targets[0] / 60:g}")
    return tr(lang, REPORT, "follows the level of care: {targets}", targets=", ".join(
        f"{w.level} {w.target_minutes / 60:g} h" for w in _first_of_each_level(model.weeks)
    ))


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
