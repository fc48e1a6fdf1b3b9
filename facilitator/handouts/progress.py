"""Progress on paper: the supervisor's progress report, the participant's "my progress" page,
and blank PHQ-9 / GAD-7 forms.

Charts are ReportLab graphics drawn from ``core.trends.Chart``: bands and targets are
shaded and named in words, each point carries its number, and the same numbers follow
in a table under every chart, so a black-and-white copy loses nothing. The progress report
is a Part 2 disclosure: the full notice before the figures, the short one in every footer.
"""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from ..core.catalogue import QT_TRANSLATE_NOOP
from ..core.print_language import continued, day_month, long_date, period, tr
from ..core.printing import Letterhead
from ..core.privacy import CONFIDENTIAL_MARK, PART2_NOTICE_SHORT, PART2_NOTICE_TITLE, in_language
from ..core.trends import (
    Chart,
    ChartKind,
    MyProgress,
    ProgressReport,
    QuestionnaireForm,
    QuestionnaireForms,
    Tone,
    chart_in,
)
from . import fonts
from .base import BaseRenderer, DocumentInfo
from .styles import RULE, Styles

HEADER_FILL = colors.Color(0.92, 0.92, 0.92)
# Light fills for bands (text stays black on all of them) and stronger inks for marks.
BAND_FILL = {
    Tone.GOOD: colors.Color(0.86, 0.94, 0.86),
    Tone.MILD: colors.Color(0.98, 0.95, 0.80),
    Tone.CONCERN: colors.Color(0.99, 0.88, 0.75),
    Tone.SERIOUS: colors.Color(0.97, 0.80, 0.80),
    Tone.NEUTRAL: colors.Color(0.93, 0.93, 0.93),
}
MARK_INK = {
    Tone.GOOD: colors.Color(0.10, 0.45, 0.15),
    Tone.MILD: colors.Color(0.55, 0.45, 0.0),
    Tone.CONCERN: colors.Color(0.75, 0.35, 0.0),
    Tone.SERIOUS: colors.Color(0.70, 0.05, 0.05),
    Tone.NEUTRAL: colors.Color(0.15, 0.30, 0.60),
}
LINE_INK = colors.Color(0.15, 0.30, 0.60)


PROGRESS = "print.progress"
# The fixed words a chart carries (core/trends.py writes them in English, and its sentences with
# numbers, such as the summary, in the language it was asked for).
CHART_WORDS = (
    QT_TRANSLATE_NOOP("print.progress", "Hours attended per week"),
    QT_TRANSLATE_NOOP("print.progress", "Craving at check-in (0–10)"),
    QT_TRANSLATE_NOOP("print.progress", "Drug screens"),
    QT_TRANSLATE_NOOP("print.progress", "Mutual-help meetings per week"),
    QT_TRANSLATE_NOOP("print.progress", "hours"),
    QT_TRANSLATE_NOOP("print.progress", "craving"),
    QT_TRANSLATE_NOOP("print.progress", "score"),
    QT_TRANSLATE_NOOP("print.progress", "meetings"),
    QT_TRANSLATE_NOOP("print.progress", "Week"),
    QT_TRANSLATE_NOOP("print.progress", "Monday"),
    QT_TRANSLATE_NOOP("print.progress", "Attended (h:mm)"),
    QT_TRANSLATE_NOOP("print.progress", "Target (h:mm)"),
    QT_TRANSLATE_NOOP("print.progress", "Against target"),
    QT_TRANSLATE_NOOP("print.progress", "Date"),
    QT_TRANSLATE_NOOP("print.progress", "Craving"),
    QT_TRANSLATE_NOOP("print.progress", "Mood"),
    QT_TRANSLATE_NOOP("print.progress", "Total"),
    QT_TRANSLATE_NOOP("print.progress", "Severity"),
    QT_TRANSLATE_NOOP("print.progress", "Result"),
    QT_TRANSLATE_NOOP("print.progress", "Collection"),
    QT_TRANSLATE_NOOP("print.progress", "Detail"),
    QT_TRANSLATE_NOOP("print.progress", "Meetings"),
    QT_TRANSLATE_NOOP("print.progress", "below target"),
    QT_TRANSLATE_NOOP("print.progress", "met target"),
    QT_TRANSLATE_NOOP("print.progress", "nothing scheduled"),
    QT_TRANSLATE_NOOP("print.progress", "below"),
    QT_TRANSLATE_NOOP("print.progress", "negative"),
    QT_TRANSLATE_NOOP("print.progress", "expected positive"),
    QT_TRANSLATE_NOOP("print.progress", "invalid"),
    QT_TRANSLATE_NOOP("print.progress", "unexpected positive"),
    QT_TRANSLATE_NOOP("print.progress", "observed"),
    QT_TRANSLATE_NOOP("print.progress", "not observed"),
    QT_TRANSLATE_NOOP("print.progress", "minimal"),
    QT_TRANSLATE_NOOP("print.progress", "mild"),
    QT_TRANSLATE_NOOP("print.progress", "moderate"),
    QT_TRANSLATE_NOOP("print.progress", "moderately severe"),
    QT_TRANSLATE_NOOP("print.progress", "severe"),
    QT_TRANSLATE_NOOP("print.progress", "target {hours} h"),
    QT_TRANSLATE_NOOP("print.progress", "Nothing recorded in this period."),
    QT_TRANSLATE_NOOP("print.progress", "No attendance in this period."),
    QT_TRANSLATE_NOOP("print.progress", "No group meetings scheduled in this period."),
    QT_TRANSLATE_NOOP("print.progress", "No craving ratings in this period."),
    QT_TRANSLATE_NOOP("print.progress", "No drug screens in this period."),
    QT_TRANSLATE_NOOP("print.progress", "No mutual-help meetings reported in this period."),
)


def _p(value: object, style: object) -> Paragraph:
    return Paragraph(escape(str(value)), style)  # type: ignore[arg-type]


def _x_of(chart: Chart, left: float, width: float):  # type: ignore[no-untyped-def]
    first, last = chart.span()
    days = max((last - first).days, 1)

    def x(day: date) -> float:
        return left + width * (day - first).days / days

    return x


def chart_drawing(
    chart: Chart, width: float, height: float = 2.2 * inch, *, large: bool = False, language: str = "en"
) -> Drawing:
    """A chart as a ReportLab drawing: axes, bands or target with their names, marks with numbers.

    ``chart`` comes with its words already in ``language`` (:func:`chart_in`); the dates on the
    axis and the timeline's row names are put in it here.
    """
    font = fonts.REGULAR
    bold = fonts.BOLD
    small = 11 if large else 7.5
    d = Drawing(width, height)
    left = (0.55 if large else 0.45) * inch
    if chart.kind is ChartKind.TIMELINE:  # room for the rows' names
        left = (1.9 if large else 1.25) * inch
    bottom = small * 2.6
    # Room at the right for the bands' names, or the target's, or nothing.
    right_room = ((1.9 if large else 1.4) if chart.bands else (1.0 if large else 0.75) if chart.target else 0.1) * inch
    plot_w = width - left - right_room - 4
    plot_h = height - bottom - small * 2.4
    first, last = chart.span()

    def y(value: float) -> float:
        return bottom + plot_h * min(max(value, 0), chart.y_max) / (chart.y_max or 1)

    x = _x_of(chart, left + 6, plot_w - 12)
    d.add(Rect(left, bottom, plot_w, plot_h, fillColor=colors.white, strokeColor=RULE, strokeWidth=0.5))
    # Severity bands, each named in words at the right edge.
    for band in chart.bands:
        lo, hi = y(band.low), y(min(band.high + 1, chart.y_max) if band.high < chart.y_max else chart.y_max)
        d.add(Rect(left, lo, plot_w, hi - lo, fillColor=BAND_FILL[band.tone], strokeColor=None))
        d.add(Line(left, lo, left + plot_w, lo, strokeColor=RULE, strokeWidth=0.4))
        d.add(String(left + plot_w + 4, (lo + hi) / 2 - small / 3, f"{band.label} {band.low:g}–{band.high:g}",
                     fontName=font, fontSize=small, fillColor=colors.black))
    # Y axis ticks (not for the timeline, whose rows are named).
    if chart.kind is not ChartKind.TIMELINE:
        step = _tick_step(chart.y_max)
        value = 0.0
        while value <= chart.y_max + 1e-9:
            d.add(Line(left - 3, y(value), left, y(value), strokeColor=RULE, strokeWidth=0.5))
            d.add(String(left - 5, y(value) - small / 3, f"{value:g}", fontName=font, fontSize=small,
                         textAnchor="end"))
            value += step
        d.add(String(4, bottom + plot_h + small * 1.1, chart.y_label, fontName=font, fontSize=small))
    # The time axis: a label at each end and one in the middle.
    for day, anchor in ((first, "start"), (first + (last - first) / 2, "middle"), (last, "end")):
        d.add(String(x(day), bottom - small * 1.4, day_month(language, day), fontName=font, fontSize=small,
                     textAnchor=anchor))
    if chart.target:
        ty = y(chart.target)
        d.add(Line(left, ty, left + plot_w, ty, strokeColor=colors.black, strokeWidth=1, strokeDashArray=[4, 3]))
        d.add(String(left + plot_w + 4, ty - small / 3, chart.target_label, fontName=bold, fontSize=small))
    if chart.empty:
        d.add(String(left + plot_w / 2, bottom + plot_h / 2, chart.empty_text, fontName=font,
                     fontSize=small + 1, textAnchor="middle"))
        return d
    if chart.kind is ChartKind.BARS:
        slot = (plot_w - 12) / max(((last - first).days / 7) + 1, 1)
        bar_w = max(min(slot * 0.6, 0.5 * inch), 3)
        for p in chart.points:
            cx = x(p.day) + min(slot / 2, 3 * 3.5)
            top = y(p.value)
            d.add(Rect(cx - bar_w / 2, bottom, bar_w, top - bottom, fillColor=MARK_INK[p.tone],
                       strokeColor=colors.black, strokeWidth=0.3))
            d.add(String(cx, top + 2, f"{p.value:.1f}".rstrip("0").rstrip("."), fontName=font, fontSize=small,
                         textAnchor="middle"))
            if p.tone in (Tone.CONCERN, Tone.SERIOUS):  # a word beside the colour: "below"
                d.add(String(cx, top + 2 + small * 1.1, tr(language, PROGRESS, "below"), fontName=bold,
                             fontSize=small * 0.85,
                             textAnchor="middle"))
    elif chart.kind is ChartKind.LINE:
        coords: list[float] = []
        for p in chart.points:
            coords += [x(p.day), y(p.value)]
        if len(chart.points) > 1:
            d.add(PolyLine(coords, strokeColor=LINE_INK, strokeWidth=1.4))
        labelled = -1e9  # a number over a mark only where it does not run into the last one
        for p in chart.points:
            d.add(Circle(x(p.day), y(p.value), small * 0.38, fillColor=MARK_INK[p.tone], strokeColor=colors.black,
                         strokeWidth=0.4))
            if x(p.day) - labelled >= small * 1.6 or p is chart.points[-1]:
                d.add(String(x(p.day), y(p.value) + small * 0.6, f"{p.value:g}", fontName=bold, fontSize=small,
                             textAnchor="middle"))
                labelled = x(p.day)
    else:  # timeline: negative on the bottom row, unexpected positive on the top, each named
        rows = tuple(tr(language, PROGRESS, r) for r in ("negative", "expected positive", "invalid",
                                                          "unexpected positive"))
        for n, name in enumerate(rows):
            ry = bottom + plot_h * (n + 0.5) / len(rows)
            d.add(Line(left, ry, left + plot_w, ry, strokeColor=RULE, strokeWidth=0.3, strokeDashArray=[1, 2]))
            d.add(String(left - 4, ry - small / 3, name, fontName=font, fontSize=small, textAnchor="end"))
        for p in chart.points:
            ry = bottom + plot_h * (p.value + 0.5) / len(rows)
            cx = x(p.day)
            r = small * 0.55
            if p.value >= 3:  # a triangle, not only a red mark
                d.add(Polygon([cx - r, ry - r, cx + r, ry - r, cx, ry + r], fillColor=MARK_INK[p.tone],
                              strokeColor=colors.black, strokeWidth=0.4))
            else:
                d.add(Circle(cx, ry, r * 0.8, fillColor=MARK_INK[p.tone], strokeColor=colors.black,
                             strokeWidth=0.4))
    return d


def _month_day(language: str, day: date) -> str:
    """"3 de marzo": a long date without its weekday and year."""
    return long_date(language, day).split(" ", 1)[1].rsplit(" de ", 1)[0]


def _tick_step(top: float) -> float:
    for step in (1, 2, 5, 10, 20, 50):
        if top / step <= 6:
            return float(step)
    return top / 5


def _small_cells(st: Styles) -> tuple[ParagraphStyle, ParagraphStyle]:
    cell = ParagraphStyle(st.cell.name + "-chart", parent=st.cell, fontSize=8.5, leading=10.5)
    bold = ParagraphStyle(st.cell_bold.name + "-chart", parent=st.cell_bold, fontSize=8.5, leading=10.5)
    return cell, bold


def chart_flowables(
    chart: Chart, width: float, st: Styles, *, large: bool = False, table: bool = True, language: str = "en"
) -> list[Flowable]:
    """A chart's title, drawing, summary sentence and (optionally) its numbers as a table, in ``language``."""
    chart = chart_in(language, chart)
    parts: list[Flowable] = [
        _p(chart.title, st.heading),
        chart_drawing(chart, width, (3.0 if large else 2.1) * inch, large=large, language=language),
        Spacer(1, 3),
        _p(chart.summary, st.body if large else st.small),
    ]
    head: list[Flowable] = [KeepTogether(parts)]
    if table and chart.rows:
        cell, bold = _small_cells(st)
        rows: list[list[object]] = [[_p(c, bold) for c in chart.columns]]
        rows += [[_p(v, cell) for v in row] for row in chart.rows]
        t = Table(rows, colWidths=[width / len(chart.columns)] * len(chart.columns), repeatRows=1)
        t.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("BOX", (0, 0), (-1, -1), 0.4, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]))
        head += [Spacer(1, 4), t]
    return head


class ProgressReportRenderer(BaseRenderer[ProgressReport]):
    """Who and when, the notice, any safety flags, then each chart with its numbers."""

    def letterhead_of(self, model: ProgressReport) -> Letterhead:
        return Letterhead(clinic_name=model.clinic_name)

    def document_info(self, model: ProgressReport) -> DocumentInfo:
        lang = model.language
        return DocumentInfo(title=tr(lang, PROGRESS, "Progress report"),
                            subject=tr(lang, PROGRESS, "Confidential: 42 CFR part 2"), language=lang)

    def story(self, model: ProgressReport) -> list[Flowable]:
        st = self.styles(False)
        width = self.text_area[0]
        lang = model.language

        def t(text: str, **values: object) -> str:
            return tr(lang, PROGRESS, text, **values)

        span = period(lang, model.first, model.last)
        header_right = t("Progress {period}", period=span)
        story: list[Flowable] = [
            self.begin(section=0, header_right=header_right, continued_right=continued(lang, header_right),
                       footer=in_language(lang, PART2_NOTICE_SHORT), language=lang),
            _p(t("Progress report"), st.title),
        ]
        facts = [(t("Participant"), model.participant_name), (t("Record number"), model.record_number),
                 (t("Period"), span), *model.facts, (t("Prepared"), model.generated)]
        if model.scope_note:
            facts.append((t("Groups"), t(model.scope_note)))
        fact_table = Table([[_p(k, st.cell_bold), _p(v, st.cell)] for k, v in facts],
                           colWidths=[2.1 * inch, width - 2.1 * inch])
        fact_table.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        story += [fact_table, Spacer(1, 8)]
        notice = Table([[_p(in_language(lang, PART2_NOTICE_TITLE), st.small_bold)],
                        [_p(in_language(lang, model.notice), st.small)]], colWidths=[width])
        notice.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                                    ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6)]))
        story.append(KeepTogether([notice]))
        if model.safety:
            story.append(_p(t("Safety"), st.heading))
            story += [_p(line, st.body) for line in model.safety]
        for chart in model.charts:
            story.append(Spacer(1, 6))
            story += chart_flowables(chart, width, st, language=lang)
        story.append(Spacer(1, 8))
        story.append(_p(t(
            "PHQ-9 © Pfizer Inc., free to use (Kroenke, Spitzer & Williams 2001); GAD-7 © Pfizer Inc., free to use "
            "(Spitzer et al. 2006). Severity bands are the published ones. Screening results are read against the "
            "medications the participant is expected to test positive for."), st.small))
        return story


REPORT_WORDS = (
    QT_TRANSLATE_NOOP("print.progress", "Progress report"),
    QT_TRANSLATE_NOOP("print.progress", "Confidential: 42 CFR part 2"),
    QT_TRANSLATE_NOOP("print.progress", "Progress {period}"),
    QT_TRANSLATE_NOOP("print.progress", "Participant"),
    QT_TRANSLATE_NOOP("print.progress", "Record number"),
    QT_TRANSLATE_NOOP("print.progress", "Period"),
    QT_TRANSLATE_NOOP("print.progress", "Prepared"),
    QT_TRANSLATE_NOOP("print.progress", "Groups"),
    QT_TRANSLATE_NOOP("print.progress", "Safety"),
    QT_TRANSLATE_NOOP("print.progress",
                      "PHQ-9 © Pfizer Inc., free to use (Kroenke, Spitzer & Williams 2001); GAD-7 © Pfizer Inc., free "
                      "to use (Spitzer et al. 2006). Severity bands are the published ones. Screening results are read "
                      "against the medications the participant is expected to test positive for."),
    QT_TRANSLATE_NOOP("print.myprogress", "My progress"),
    QT_TRANSLATE_NOOP("print.myprogress", "{first} to {last}"),
)


class MyProgressRenderer(BaseRenderer[MyProgress]):
    """One or two large-print pages in plain words, for the participant to keep."""

    def letterhead_of(self, model: MyProgress) -> Letterhead:
        return Letterhead(clinic_name=model.clinic_name)

    def document_info(self, model: MyProgress) -> DocumentInfo:
        # No name in the metadata.
        return DocumentInfo(title=tr(model.language, "print.myprogress", "My progress"), language=model.language)

    def story(self, model: MyProgress) -> list[Flowable]:
        st = self.styles(True)
        width = self.text_area[0]
        lang = model.language
        story: list[Flowable] = [
            self.begin(section=0, header_right="", name=model.first_name, footer=in_language(lang, CONFIDENTIAL_MARK),
                       large_print=True, language=lang),
            _p(tr(lang, "print.myprogress", "My progress"), st.title),
            _p(tr(lang, "print.myprogress", "{first} to {last}", first=_month_day(lang, model.first),
                  last=long_date(lang, model.last).split(" ", 1)[1]) if lang != "en"
               else f"{model.first:%B %d} to {model.last:%B %d, %Y}", st.kicker),
        ]
        story += [_p(line, st.bullet) for line in model.lines]
        for chart in model.charts:
            story += chart_flowables(chart, width, st, large=True, table=False, language=lang)
        story += [Spacer(1, 10), _p(model.closing, st.body)]
        return story


class QuestionnaireFormRenderer(BaseRenderer[QuestionnaireForms]):
    """Blank forms, each on its own page: every item with its four boxes, to key in after."""

    def letterhead_of(self, model: QuestionnaireForms) -> Letterhead:
        return Letterhead(clinic_name=model.forms[0].clinic_name if model.forms else "")

    def document_info(self, model: QuestionnaireForms) -> DocumentInfo:
        return DocumentInfo(title=" and ".join(f.title for f in model.forms))

    def story(self, model: QuestionnaireForms) -> list[Flowable]:
        story: list[Flowable] = []
        for n, form in enumerate(model.forms):
            if n:
                story.append(PageBreak())
            story += self._form(form, section=n)
        return story

    def _form(self, model: QuestionnaireForm, section: int) -> list[Flowable]:
        st = self.styles(model.large_print)
        width = self.text_area[0]
        story: list[Flowable] = [
            self.begin(section=section, header_right="Name: ____________________   Date: ____________",
                       footer=model.citation, large_print=model.large_print),
            _p(model.title, st.title),
            _p(model.instructions, st.body),
            Spacer(1, 4),
        ]
        cell, bold = st.cell, st.cell_bold  # the participant reads and ticks these: body-size type
        choice_w = (0.78 if not model.large_print else 1.05) * inch
        rows: list[list[object]] = [[_p("", bold)] + [_p(f"{v} = {c}", st.small_bold) for v, c in enumerate(model.choices)]]
        for n, item in enumerate(model.items, 1):
            rows.append([_p(f"{n}. {item}", cell)] + [_p(f"☐ {v}", cell) for v in range(len(model.choices))])
        table = Table(rows, colWidths=[width - choice_w * len(model.choices)] + [choice_w] * len(model.choices),
                      repeatRows=1)
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("BOX", (0, 0), (-1, -1), 0.6, RULE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 1), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 1), (-1, -1), 3),
        ]))
        story.append(table)
        if model.extra_question:
            story += [Spacer(1, 10), _p(model.extra_question, st.body),
                      _p("     ".join(f"☐ {c}" for c in model.extra_choices), st.body)]
        story += [Spacer(1, 12), _p("For the clinic: total score ______   entered by ______ on ______", st.small),
                  Spacer(1, 8), _p(model.reference, st.small)]
        return story


def render_progress_report(model: ProgressReport, *, invariant: bool = False) -> bytes:
    return ProgressReportRenderer(invariant=invariant).render(model)


def render_my_progress(model: MyProgress, *, invariant: bool = False) -> bytes:
    return MyProgressRenderer(invariant=invariant).render(model)


def render_questionnaire_forms(forms: QuestionnaireForms, *, invariant: bool = False) -> bytes:
    return QuestionnaireFormRenderer(invariant=invariant).render(forms)


__all__ = [
    "MyProgressRenderer",
    "ProgressReportRenderer",
    "QuestionnaireFormRenderer",
    "chart_drawing",
    "render_my_progress",
    "render_progress_report",
    "render_questionnaire_forms",
]
