"""A participant's progress from the record: the charts of ``core.trends`` filled from measures and hours.

The participant page, the printed progress report and the "my progress" page all start
here, so the screen and the paper show the same series. Entries marked entered in error are
left out of every chart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from . import trends as T
from .catalogue import QT_TRANSLATE_NOOP, translate
from .measures import (
    GAD7,
    PHQ9,
    RATING_SCALES,
    FlagRecord,
    FlagState,
    Instrument,
    ParticipantMeasures,
    ScreenRecord,
)
from .print_language import tr
from .privacy import PART2_NOTICE

PROGRESS = "print.progress"
_FACT_WORDS = (
    QT_TRANSLATE_NOOP("print.progress", "Weekly hours target"),
    QT_TRANSLATE_NOOP("print.progress", "{hours} hours"),
    QT_TRANSLATE_NOOP("print.progress", "{moment} (clinic time, {zone})"),
)

_TONES = {
    "minimal": T.Tone.GOOD,
    "mild": T.Tone.MILD,
    "moderate": T.Tone.CONCERN,
    "moderately severe": T.Tone.SERIOUS,
    "severe": T.Tone.SERIOUS,
}


def bands_of(instrument: Instrument) -> tuple[T.Band, ...]:
    """An instrument's published bands, with how each reads."""
    return tuple(T.Band(b.low, b.high, b.label, _TONES.get(b.label, T.Tone.NEUTRAL)) for b in instrument.bands)


def screen_event(record: ScreenRecord) -> T.ScreenEvent:
    screen = record.screen
    reading = screen.reading
    if screen.unexpected_positives:
        verdict = "unexpected positive"
    elif reading == "invalid":
        verdict = "invalid"
    elif screen.expected_positives:
        verdict = "expected positive"
    else:
        verdict = "negative"
    detail = reading if reading != verdict else ""
    if screen.expected:
        detail = (detail + "; " if detail else "") + "expected: " + ", ".join(screen.expected)
    if screen.missing_expected:
        detail += "; expected medication not found: " + ", ".join(screen.missing_expected)
    panel = f"{screen.specimen.value}, {screen.panel}" if screen.panel else screen.specimen.value
    return T.ScreenEvent(screen.collected_on, verdict, f"{panel}; {detail}" if detail else panel, screen.observed)


@dataclass(frozen=True)
class Progress:
    """What the participant page shows: the charts and the safety flags, over one period."""

    participant_id: int
    first: date
    last: date
    charts: tuple[T.Chart, ...]
    flags: tuple[FlagRecord, ...] = ()
    flag_lines: tuple[str, ...] = ()  # the open flags, one sentence each, in clinic time

    def chart(self, key: str) -> T.Chart:
        return next(c for c in self.charts if c.key == key)


def build_charts(
    measures: ParticipantMeasures, weeks: Iterable[T.WeekMinutes], first: date, last: date,
    *, scale: str = "craving", language: str = "en",
) -> tuple[T.Chart, ...]:
    """Hours, the check-in scale, PHQ-9, GAD-7, screens and mutual-help meetings, oldest first."""
    check_ins = [c for c in measures.check_ins if not c.recorded.in_error]
    ratings = [T.Rating(c.taken_on, c.ratings[scale], c.mood) for c in check_ins if scale in c.ratings]
    craving = T.craving_chart(ratings, first=first, last=last, language=language)
    if scale != "craving" and scale in RATING_SCALES:  # a curriculum's other check-in scale
        label = RATING_SCALES[scale].label
        craving = T.Chart(**{**craving.__dict__, "key": scale, "title": f"{label} at check-in (0–10)",
                             "summary": craving.summary.replace("Craving", label).replace("craving", label.lower())})
    questionnaires = [q for q in measures.questionnaires if not q.recorded.in_error]
    charts = [T.hours_chart(weeks, first=first, last=last, language=language), craving]
    for key, inst in (("phq9", PHQ9), ("gad7", GAD7)):
        scores = [T.Score(q.taken_on, q.total) for q in questionnaires if q.instrument == inst.key]
        charts.append(T.score_chart(key, inst.key, scores, bands_of(inst), first=first, last=last, language=language))
    screens = [screen_event(s) for s in measures.screens if not s.recorded.in_error]
    charts.append(T.screens_chart(screens, first=first, last=last,
                                  days_since_unexpected=measures.days_since_unexpected_positive, language=language))
    per_week: dict[date, int] = {}
    for m in measures.mutual_help:
        if not m.recorded.in_error:
            per_week[m.week_of] = per_week.get(m.week_of, 0) + m.meetings
    weeks_of = [T.WeekCount(monday, per_week.get(monday, 0)) for monday in T.week_mondays(first, last)]
    charts.append(T.meetings_chart(weeks_of if per_week else [], first=first, last=last, language=language))
    return tuple(charts)


def flag_sentence(
    flag: FlagRecord, zone: tzinfo | None = None, when: str = "%Y-%m-%d %H:%M", language: str = "en"
) -> str:
    """A safety flag in one sentence for the report and the page (no answers, no content), in clinic time."""
    text = tr(language, PROGRESS, QT_TRANSLATE_NOOP("print.progress", "PHQ-9 item 9 answered above 'Not at all' on {day}"),
              day=flag.raised_on.isoformat())
    if flag.state is FlagState.OPEN:
        return text + tr(language, PROGRESS, QT_TRANSLATE_NOOP("print.progress", ": not yet acknowledged."))
    ack = _stamp(flag.acknowledged_at, when, zone, language)
    text += tr(language, PROGRESS, QT_TRANSLATE_NOOP("print.progress", "; acknowledged by {who} {when}"),
               who=flag.acknowledged_by, when=ack).rstrip()
    if flag.state is FlagState.RESOLVED:
        text += tr(language, PROGRESS, QT_TRANSLATE_NOOP("print.progress", "; resolved by {who} {when}"),
                   who=flag.resolved_by, when=_stamp(flag.resolved_at, when, zone, language)).rstrip()
    return text + "."


def _stamp(moment: object, fmt: str, zone: tzinfo | None, language: str = "en") -> str:
    if not isinstance(moment, datetime):
        return ""
    return tr(language, PROGRESS, QT_TRANSLATE_NOOP("print.progress", "on {moment}"),
              moment=(moment.astimezone(zone) if zone is not None else moment).strftime(fmt))


def progress_report(
    *, clinic_name: str, participant_name: str, record_number: str, first: date, last: date, generated: str,
    charts: Sequence[T.Chart], flags: Sequence[FlagRecord] = (), target_hours: float | None = None,
    scope_note: str = "", zone: tzinfo | None = None, language: str = "en",
) -> T.ProgressReport:
    """The report in ``language`` (the screen's: print_language.clinic_record_language)."""
    facts: list[tuple[str, str]] = []
    if target_hours:
        facts.append((tr(language, PROGRESS, "Weekly hours target"),
                      tr(language, PROGRESS, "{hours} hours", hours=f"{target_hours:g}")))
    return T.ProgressReport(
        clinic_name=clinic_name, participant_name=participant_name, record_number=record_number, first=first,
        last=last, generated=generated, charts=tuple(charts), facts=tuple(facts),
        safety=tuple(flag_sentence(f, zone, language=language) for f in flags), notice=PART2_NOTICE,
        scope_note=scope_note,
        language=language,
    )


def my_progress(
    *, clinic_name: str, first_name: str, first: date, last: date, charts: Sequence[T.Chart], language: str = "en",
) -> T.MyProgress:
    """The participant's own page: hours and craving drawn, the rest in plain sentences, in ``language``
    (the participant's: print_language.handout_language)."""
    shown = tuple(c for c in charts if c.key in ("hours", "craving") and not c.empty)
    return T.MyProgress(clinic_name, first_name, first, last, T.my_progress_lines(charts, language), shown,
                        closing=translate(language, T.MY_PROGRESS, T.MY_PROGRESS_CLOSING), language=language)


def questionnaire_form(instrument: Instrument, *, clinic_name: str = "", large_print: bool = False) -> T.QuestionnaireForm:
    """A blank participant form for an instrument, as published (items, choices, citation)."""
    return T.QuestionnaireForm(
        title=instrument.title,
        instructions=instrument.stem + " Tick one box on each line.",
        items=instrument.items,
        choices=instrument.options,
        citation=f"{instrument.key} · free to use; no permission required to reproduce",
        reference=instrument.citation,
        extra_question=instrument.difficulty,
        extra_choices=instrument.difficulty_options,
        clinic_name=clinic_name,
        large_print=large_print,
    )
