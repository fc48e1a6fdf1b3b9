"""Charts of how a participant is doing, as plain data: what the app paints and the PDF draws.

A :class:`Chart` holds its points, its target line or severity bands, a one-sentence summary
and the same numbers as a table, so the screen, the printed report and a screen reader all
say the same thing. Every point carries words (a band's name, "positive: opioids"), so colour
never carries meaning alone. No Qt, no ReportLab, no database: builders take plain series.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import Enum

from .catalogue import QT_TRANSLATE_NOOP
from .print_language import day_month, tr


class ChartKind(str, Enum):
    LINE = "line"  # a value over time (craving, PHQ-9, GAD-7)
    BARS = "bars"  # one bar per week (hours, mutual-help meetings)
    TIMELINE = "timeline"  # events on a time axis (drug screens)


class Tone(str, Enum):
    """How a point or band reads; renderers map each to a colour and always print its word too."""

    GOOD = "good"
    MILD = "mild"
    CONCERN = "concern"
    SERIOUS = "serious"
    NEUTRAL = "neutral"


@dataclass(frozen=True)
class Band:
    """A range of scores with a published name, e.g. PHQ-9 10–14 "moderate"."""

    low: float
    high: float
    label: str
    tone: Tone


@dataclass(frozen=True)
class ChartPoint:
    day: date
    value: float
    text: str = ""  # words shown beside the mark (a band, a result); never only a colour
    tone: Tone = Tone.NEUTRAL


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    kind: ChartKind
    y_label: str
    y_max: float
    points: tuple[ChartPoint, ...]
    summary: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    target: float | None = None
    target_label: str = ""
    bands: tuple[Band, ...] = ()
    first: date | None = None  # the time axis; from the points when not given
    last: date | None = None
    empty_text: str = "Nothing recorded in this period."

    @property
    def empty(self) -> bool:
        return not self.points

    def span(self) -> tuple[date, date]:
        """First and last day of the time axis (at least one week wide)."""
        days = [p.day for p in self.points]
        first = self.first or (min(days) if days else date(2000, 1, 3))
        last = self.last or (max(days) if days else first)
        if (last - first).days < 7:
            last = first + timedelta(days=7)
        return first, last


def band_for(score: float, bands: Sequence[Band]) -> Band | None:
    for band in bands:
        if band.low <= score <= band.high:
            return band
    return None


def _hours(minutes: int) -> str:
    hours, rest = divmod(int(minutes), 60)
    return f"{hours}:{rest:02d}"


def _week_label(monday: date) -> str:
    iso = monday.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


# -- the charts ----------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekMinutes:
    monday: date
    attended_minutes: int
    target_minutes: int
    scheduled_minutes: int = 0


PROGRESS = "print.progress"


def _day(language: str, day: date) -> str:
    """"Mar 04", or "04 mar"."""
    if language.split("-")[0].lower() == "es":
        return day_month(language, day)
    return f"{day:%b %d}"


def hours_chart(
    weeks: Iterable[WeekMinutes], *, first: date | None = None, last: date | None = None, language: str = "en"
) -> Chart:
    """Hours attended per ISO week, against the weekly target; its summary in ``language``."""
    weeks = sorted(weeks, key=lambda w: w.monday)
    target = max((w.target_minutes for w in weeks), default=0) / 60 or None
    points = []
    rows = []
    below = 0
    counted = 0
    for w in weeks:
        hours = w.attended_minutes / 60
        if not w.scheduled_minutes and not w.attended_minutes:  # not in a group that week: no bar
            rows.append((_week_label(w.monday), w.monday.isoformat(), _hours(0), _hours(w.target_minutes),
                         "nothing scheduled"))
            continue
        counted += 1
        short = w.target_minutes and w.attended_minutes < w.target_minutes
        below += bool(short)
        text = "below target" if short else ("met target" if w.target_minutes else "")
        points.append(ChartPoint(w.monday, hours, text, Tone.CONCERN if short else Tone.GOOD))
        rows.append((
            _week_label(w.monday), w.monday.isoformat(), _hours(w.attended_minutes), _hours(w.target_minutes),
            text or "—",
        ))
    if not counted:
        summary = tr(language, PROGRESS, QT_TRANSLATE_NOOP("print.progress", "No group meetings scheduled in this period."))
    else:
        summary = tr(language, PROGRESS, QT_TRANSLATE_NOOP("print.progress", "Met the weekly target in {met} of {weeks} weeks with meetings."),
                       met=counted - below, weeks=counted)
    top = max([p.value for p in points] + [target or 0, 1])
    return Chart(
        key="hours", title="Hours attended per week", kind=ChartKind.BARS, y_label="hours", y_max=_nice_max(top),
        points=tuple(points), summary=summary,
        columns=("Week", "Monday", "Attended (h:mm)", "Target (h:mm)", "Against target"), rows=tuple(rows),
        target=target, target_label=f"target {target:g} h" if target else "", first=first, last=last,
        empty_text="No attendance in this period.",
    )


@dataclass(frozen=True)
class Rating:
    day: date
    craving: int  # 0–10
    mood: str = ""


def craving_chart(
    ratings: Iterable[Rating], *, first: date | None = None, last: date | None = None, language: str = "en"
) -> Chart:
    """Check-in craving ratings (0–10) over time, with the one-word mood where given."""
    ratings = sorted(ratings, key=lambda r: r.day)
    points = tuple(
        ChartPoint(r.day, r.craving, f"{r.craving}" + (f" {r.mood}" if r.mood else ""), _craving_tone(r.craving))
        for r in ratings
    )
    rows = tuple((r.day.isoformat(), f"{r.craving}/10", r.mood or "—") for r in ratings)
    if not ratings:
        summary = tr(language, PROGRESS, QT_TRANSLATE_NOOP("print.progress", "No craving ratings in this period."))
    elif len(ratings) == 1:
        summary = tr(language, PROGRESS, QT_TRANSLATE_NOOP("print.progress", "One craving rating: {value} of 10."), value=ratings[0].craving)
    else:
        a, b = ratings[0].craving, ratings[-1].craving
        way = (
            QT_TRANSLATE_NOOP("print.progress", "Craving down: {a} of 10 on {first}, {b} of 10 on {last}.") if b < a
            else QT_TRANSLATE_NOOP("print.progress", "Craving up: {a} of 10 on {first}, {b} of 10 on {last}.") if b > a
            else QT_TRANSLATE_NOOP("print.progress", "Craving unchanged: {a} of 10 on {first}, {b} of 10 on {last}.")
        )
        summary = tr(language, PROGRESS, way, a=a, b=b, first=_day(language, ratings[0].day),
                       last=_day(language, ratings[-1].day))
    return Chart(
        key="craving", title="Craving at check-in (0–10)", kind=ChartKind.LINE, y_label="craving", y_max=10,
        points=points, summary=summary, columns=("Date", "Craving", "Mood"), rows=rows, first=first, last=last,
        empty_text="No craving ratings in this period.",
    )


def _craving_tone(value: int) -> Tone:
    return Tone.GOOD if value <= 3 else (Tone.MILD if value <= 6 else Tone.CONCERN)


@dataclass(frozen=True)
class Score:
    day: date
    total: int


def score_chart(
    key: str, name: str, scores: Iterable[Score], bands: Sequence[Band], *,
    first: date | None = None, last: date | None = None, language: str = "en",
) -> Chart:
    """A questionnaire's total over time, drawn against its published severity bands."""
    scores = sorted(scores, key=lambda s: s.day)
    top = max(b.high for b in bands)
    points = []
    rows = []
    for s in scores:
        band = band_for(s.total, bands)
        word = band.label if band else ""
        points.append(ChartPoint(s.day, s.total, f"{s.total} {word}".strip(), band.tone if band else Tone.NEUTRAL))
        rows.append((s.day.isoformat(), str(s.total), word or "—"))
    empty = tr(language, PROGRESS, QT_TRANSLATE_NOOP("print.progress", "No {name} in this period."), name=name)
    if not scores:
        summary = empty
    else:
        last_score = scores[-1]
        band = band_for(last_score.total, bands)
        word = tr(language, PROGRESS, band.label) if band else tr(language, PROGRESS, QT_TRANSLATE_NOOP("print.progress", "out of range"))
        values = dict(name=name, total=last_score.total, band=word, day=_day(language, last_score.day))
        if len(scores) > 1:
            summary = tr(language, PROGRESS, QT_TRANSLATE_NOOP("print.progress", "Latest {name}: {total} ({band}) on {day}, from {first_total} on "
                                                              "{first_day}."),
                           first_total=scores[0].total, first_day=_day(language, scores[0].day), **values)
        else:
            summary = tr(language, PROGRESS, QT_TRANSLATE_NOOP("print.progress", "Latest {name}: {total} ({band}) on {day}."), **values)
    return Chart(
        key=key, title=tr(language, PROGRESS, QT_TRANSLATE_NOOP("print.progress", "{name} total (0–{top})"), name=name, top=f"{top:g}"),
        kind=ChartKind.LINE, y_label="score", y_max=top,
        points=tuple(points), summary=summary, columns=("Date", "Total", "Severity"), rows=tuple(rows),
        bands=tuple(bands), first=first, last=last, empty_text=empty,
    )


@dataclass(frozen=True)
class ScreenEvent:
    day: date
    verdict: str  # "negative", "expected positive", "unexpected positive", "invalid"
    detail: str = ""  # e.g. "positive: opioids; expected: buprenorphine"
    observed: bool = False


_VERDICT_LEVEL = {"negative": 0, "expected positive": 1, "invalid": 2, "unexpected positive": 3}
_VERDICT_TONE = {
    "negative": Tone.GOOD,
    "expected positive": Tone.MILD,
    "invalid": Tone.CONCERN,
    "unexpected positive": Tone.SERIOUS,
}


def screens_chart(
    screens: Iterable[ScreenEvent], *, first: date | None = None, last: date | None = None,
    days_since_unexpected: int | None = None, language: str = "en",
) -> Chart:
    """Drug screens on a timeline: each a mark with its verdict in words."""
    screens = sorted(screens, key=lambda s: s.day)
    points = tuple(
        ChartPoint(s.day, _VERDICT_LEVEL.get(s.verdict, 0), s.verdict, _VERDICT_TONE.get(s.verdict, Tone.NEUTRAL))
        for s in screens
    )
    rows = tuple(
        (s.day.isoformat(), s.verdict, "observed" if s.observed else "not observed", s.detail or "—") for s in screens
    )
    if not screens:
        summary = tr(language, PROGRESS, QT_TRANSLATE_NOOP("print.progress", "No drug screens in this period."))
    else:
        unexpected = sum(1 for s in screens if s.verdict == "unexpected positive")
        summary = (
            tr(language, PROGRESS, QT_TRANSLATE_NOOP("print.progress", "1 screen, {unexpected} unexpected positive."), unexpected=unexpected)
            if len(screens) == 1
            else tr(language, PROGRESS, QT_TRANSLATE_NOOP("print.progress", "{count} screens, {unexpected} unexpected positive."), count=len(screens),
                      unexpected=unexpected)
        )
        if days_since_unexpected is not None:
            summary += " " + tr(language, PROGRESS, QT_TRANSLATE_NOOP("print.progress", "{days} days since the last unexpected positive."),
                                  days=days_since_unexpected)
    return Chart(
        key="screens", title="Drug screens", kind=ChartKind.TIMELINE, y_label="", y_max=3, points=points,
        summary=summary, columns=("Date", "Result", "Collection", "Detail"), rows=rows, first=first, last=last,
        empty_text="No drug screens in this period.",
    )


@dataclass(frozen=True)
class WeekCount:
    monday: date
    count: int


def meetings_chart(
    weeks: Iterable[WeekCount], *, first: date | None = None, last: date | None = None, language: str = "en"
) -> Chart:
    """Mutual-help meetings (AA, NA, SMART Recovery, ...) the participant reported, per week."""
    weeks = sorted(weeks, key=lambda w: w.monday)
    points = tuple(ChartPoint(w.monday, w.count, str(w.count), Tone.NEUTRAL) for w in weeks)
    rows = tuple((_week_label(w.monday), w.monday.isoformat(), str(w.count)) for w in weeks)
    total = sum(w.count for w in weeks)
    if not weeks:
        summary = tr(language, PROGRESS, QT_TRANSLATE_NOOP("print.progress", "No mutual-help meetings reported in this period."))
    elif total == 1:
        summary = tr(language, PROGRESS, QT_TRANSLATE_NOOP("print.progress", "1 mutual-help meeting reported over {weeks} weeks."), weeks=len(weeks))
    else:
        summary = tr(language, PROGRESS, QT_TRANSLATE_NOOP("print.progress", "{total} mutual-help meetings reported over {weeks} weeks."), total=total,
                       weeks=len(weeks))
    top = max([w.count for w in weeks] + [3])
    return Chart(
        key="meetings", title="Mutual-help meetings per week", kind=ChartKind.BARS, y_label="meetings",
        y_max=_nice_max(top), points=points, summary=summary, columns=("Week", "Monday", "Meetings"), rows=rows,
        first=first, last=last, empty_text="No mutual-help meetings reported in this period.",
    )


def _nice_max(value: float) -> float:
    """A round top for a y axis at or above ``value``."""
    for step in (1, 2, 5, 10, 20, 50, 100):
        if value <= step * 6:
            return float(step * -(-value // step))
    return float(value)


def week_mondays(first: date, last: date) -> list[date]:
    """Every Monday of the ISO weeks from ``first`` to ``last``."""
    monday = first - timedelta(days=first.weekday())
    days = []
    while monday <= last:
        days.append(monday)
        monday += timedelta(days=7)
    return days


def weekly_counts(days: Iterable[date], first: date, last: date) -> list[WeekCount]:
    """How many of ``days`` fall in each week of the period (weeks with none count 0)."""
    counts = dict.fromkeys(week_mondays(first, last), 0)
    for d in days:
        monday = d - timedelta(days=d.weekday())
        if monday in counts:
            counts[monday] += 1
    return [WeekCount(m, n) for m, n in counts.items()]


# -- the printed progress report and the participant's own page ---------------------------


@dataclass(frozen=True)
class ProgressReport:
    """A participant's progress over a period, for the supervisor and the chart (a Part 2 record)."""

    clinic_name: str
    participant_name: str
    record_number: str
    first: date
    last: date
    generated: str  # "2026-11-26 09:14 (clinic time, America/Chicago)"
    charts: tuple[Chart, ...]
    facts: tuple[tuple[str, str], ...] = ()
    safety: tuple[str, ...] = ()  # open or acknowledged safety flags, one sentence each
    notice: str = ""
    scope_note: str = ""
    language: str = "en"  # a clinic record: the screen's (core/print_language.py)


@dataclass(frozen=True)
class MyProgress:
    """The participant's own page: plain words, large print, first name only, no record number."""

    clinic_name: str
    first_name: str
    first: date
    last: date
    lines: tuple[str, ...]  # short plain sentences
    charts: tuple[Chart, ...]
    closing: str = (
        "Thank you for the work you are putting in. Talk with your counselor about anything here."
    )  # printed in the page's language (MY_PROGRESS_CLOSING)
    language: str = "en"  # a take-home page: the participant's language (core/print_language.py)


MY_PROGRESS = "print.myprogress"
MY_PROGRESS_CLOSING = QT_TRANSLATE_NOOP(
    "print.myprogress", "Thank you for the work you are putting in. Talk with your counselor about anything here."
)


def my_progress_lines(charts: Sequence[Chart], language: str = "en") -> tuple[str, ...]:
    """Plain sentences a participant reads about their own course (no scores' jargon, no bands' names)."""

    def t(text: str, **values: object) -> str:
        return tr(language, MY_PROGRESS, text, **values)

    by_key = {c.key: c for c in charts}
    lines: list[str] = []
    hours = by_key.get("hours")
    if hours and hours.points:
        met = sum(1 for p in hours.points if p.text == "met target")
        lines.append(t(QT_TRANSLATE_NOOP("print.myprogress", "You came to group for {hours} hours in this time."),
                       hours=f"{sum(p.value for p in hours.points):.0f}"))
        if hours.target:
            lines.append(t(QT_TRANSLATE_NOOP("print.myprogress",
                                             "You met your weekly goal of {target} hours in {met} of {weeks} weeks."),
                           target=f"{hours.target:g}", met=met, weeks=len(hours.points)))
    craving = by_key.get("craving")
    if craving and len(craving.points) >= 2:
        a, b = f"{craving.points[0].value:g}", f"{craving.points[-1].value:g}"
        if craving.points[-1].value < craving.points[0].value:
            lines.append(t(QT_TRANSLATE_NOOP("print.myprogress", "Your craving went down, from {a} to {b} out of 10."),
                           a=a, b=b))
        elif craving.points[-1].value > craving.points[0].value:
            lines.append(t(QT_TRANSLATE_NOOP("print.myprogress", "Your craving went up, from {a} to {b} out of 10. "
                                             "That is worth talking about."), a=a, b=b))
        else:
            lines.append(t(QT_TRANSLATE_NOOP("print.myprogress", "Your craving stayed at {b} out of 10."), b=b))
    elif craving and craving.points:
        lines.append(t(QT_TRANSLATE_NOOP("print.myprogress", "You rated your craving {a} out of 10."),
                       a=f"{craving.points[0].value:g}"))
    meetings = by_key.get("meetings")
    if meetings and meetings.points:
        total = int(sum(p.value for p in meetings.points))
        if total == 1:
            lines.append(t(QT_TRANSLATE_NOOP("print.myprogress", "You went to 1 support meeting outside of group.")))
        elif total:
            lines.append(t(QT_TRANSLATE_NOOP("print.myprogress",
                                             "You went to {total} support meetings outside of group."), total=total))
    names = {"phq9": QT_TRANSLATE_NOOP("print.myprogress", "mood"),
             "gad7": QT_TRANSLATE_NOOP("print.myprogress", "worry")}
    for key, name in names.items():
        chart = by_key.get(key)
        if chart and len(chart.points) >= 2:
            a, b = f"{chart.points[0].value:g}", f"{chart.points[-1].value:g}"
            if chart.points[-1].value < chart.points[0].value:
                lines.append(t(QT_TRANSLATE_NOOP("print.myprogress", "Your {name} questionnaire score went down, "
                                                 "from {a} to {b}: lower is better."), name=t(name), a=a, b=b))
            elif chart.points[-1].value > chart.points[0].value:
                lines.append(t(QT_TRANSLATE_NOOP("print.myprogress", "Your {name} questionnaire score went up, "
                                                 "from {a} to {b}: lower is better."), name=t(name), a=a, b=b))
    if not lines:
        lines.append(t(QT_TRANSLATE_NOOP("print.myprogress", "There is not much recorded yet for this time.")))
    return tuple(lines)


@dataclass(frozen=True)
class QuestionnaireForm:
    """A blank PHQ-9 or GAD-7 for the participant to fill in on paper and the counselor to key in."""

    title: str
    instructions: str
    items: tuple[str, ...]
    choices: tuple[str, ...]
    citation: str  # the page footer: short
    extra_question: str = ""
    extra_choices: tuple[str, ...] = field(default=())
    clinic_name: str = ""
    large_print: bool = False
    reference: str = ""  # the full published reference and permission, printed under the form



@dataclass(frozen=True)
class QuestionnaireForms:
    """Blank forms printed together, each on its own page."""

    forms: tuple[QuestionnaireForm, ...]


def chart_in(language: str, chart: Chart) -> Chart:
    """``chart`` with its fixed words (title, axis, columns, cells, bands, target) in ``language``:
    for the printed report and for the screen alike (the sentences with numbers, such as the
    summary, are built in the language asked for)."""
    if language == "en":
        return chart

    def w(text: str) -> str:
        return tr(language, PROGRESS, text) if text else text

    return replace(
        chart,
        title=w(chart.title),
        y_label=w(chart.y_label),
        columns=tuple(w(c) for c in chart.columns),
        rows=tuple(tuple(w(v) for v in row) for row in chart.rows),
        bands=tuple(replace(b, label=w(b.label)) for b in chart.bands),
        target_label=tr(language, PROGRESS, "target {hours} h", hours=f"{chart.target:g}") if chart.target
        else chart.target_label,
        summary=w(chart.summary),
        empty_text=w(chart.empty_text),
    )
