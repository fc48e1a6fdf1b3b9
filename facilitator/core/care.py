"""A participant's arc of care, as plain data: levels of care over time, discharge, aftercare.

- **Level of care**: intensive outpatient (IOP), outpatient, or partial hospitalization.
  A change has a date it takes effect, a reason and who decided. Before any change is
  recorded a participant is at IOP from their program start (the programme Facilitator
  serves). The weekly hour target follows the level in force: IOP keeps the adult or
  adolescent target (or the participant's own), the other levels have a clinic setting each.
- **Discharge**: how the stay ended (completed, left against advice, transferred,
  administrative), with a summary written like a note and signed like one (the notes'
  status rules in ``core.notes`` apply: draft -> signed, or awaiting co-signature ->
  co-signed / returned).
- **Aftercare plan**: what the participant takes home, in plain words, printed in their
  language and size (``AftercarePrint``; rendered by ``facilitator.handouts.aftercare``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from facilitator.core.catalogue import QT_TRANSLATE_NOOP, core_word, listing, say

from .attendance import WeekHours, hours_text
from .changes import UserFacingError
from .notes import Section
from .safety import CrisisBox, crisis_box


class CareError(UserFacingError):
    """A level change, discharge or aftercare plan that cannot be saved; the message is a sentence."""


# -- levels of care ------------------------------------------------------------------------------


class LevelOfCare(StrEnum):
    PARTIAL_HOSPITALIZATION = "php"
    INTENSIVE_OUTPATIENT = "iop"
    OUTPATIENT = "outpatient"

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self]

    @property
    def short(self) -> str:
        return LEVEL_SHORT[self]

    @property
    def intensity(self) -> int:
        """Higher is more intensive: a change to a lower number is a step down."""
        return {LevelOfCare.OUTPATIENT: 1, LevelOfCare.INTENSIVE_OUTPATIENT: 2,
                LevelOfCare.PARTIAL_HOSPITALIZATION: 3}[self]


LEVEL_LABELS = {
    LevelOfCare.PARTIAL_HOSPITALIZATION: "Partial hospitalization",
    LevelOfCare.INTENSIVE_OUTPATIENT: "Intensive outpatient",
    LevelOfCare.OUTPATIENT: "Outpatient",
}
LEVEL_SHORT = {
    LevelOfCare.PARTIAL_HOSPITALIZATION: "PHP",
    LevelOfCare.INTENSIVE_OUTPATIENT: "IOP",
    LevelOfCare.OUTPATIENT: "OP",
}
ADMISSION_LEVEL = LevelOfCare.INTENSIVE_OUTPATIENT
LEVEL_TARGET_SETTINGS = {
    LevelOfCare.OUTPATIENT: "outpatient_weekly_hours",
    LevelOfCare.PARTIAL_HOSPITALIZATION: "partial_hospitalization_weekly_hours",
}
REASON_MAX = 500


def parse_level(value: str | LevelOfCare) -> LevelOfCare:
    try:
        return LevelOfCare(value)
    except ValueError:
        words = listing([core_word(level.label, lower=True) for level in LevelOfCare])
        raise CareError(say("core.care", "Choose a level of care: {words}.", words=words)) from None


@dataclass(frozen=True)
class LevelChange:
    """One change of level, as recorded."""

    id: int
    level: LevelOfCare
    effective: date
    reason: str
    decided_by: str
    recorded_by: str = ""

    @property
    def words(self) -> str:
        return f"{self.level.label} from {self.effective.isoformat()}"


@dataclass(frozen=True)
class LevelHistory:
    """A participant's levels over time: the admission level from program start, then each change."""

    program_start: date
    changes: tuple[LevelChange, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "changes", tuple(sorted(self.changes, key=lambda c: (c.effective, c.id))))

    def level_on(self, day: date) -> LevelOfCare:
        level = ADMISSION_LEVEL
        for change in self.changes:
            if change.effective <= day:
                level = change.level
        return level

    def levels_between(self, first: date, last: date) -> list[LevelOfCare]:
        """Every level in force on some day from ``first`` to ``last``, in order, without repeats."""
        out = [self.level_on(first)]
        for change in self.changes:
            if first < change.effective <= last and change.level != out[-1]:
                out.append(change.level)
        return out

    def current(self, today: date) -> LevelOfCare:
        return self.level_on(today)

    def since(self, today: date) -> date:
        """The day the level in force today began (program start when it never changed)."""
        start = self.program_start
        for change in self.changes:
            if change.effective <= today and change.level != self.level_on(change.effective - timedelta(days=1)):
                start = change.effective
        return start


def check_level_change(
    history: LevelHistory, level: LevelOfCare, effective: date, reason: str, decided_by: str, today: date
) -> None:
    """A change needs a reason and who decided, a date in the stay, and a level that differs."""
    if not reason.strip():
        raise CareError(say("core.care", "Say why the level of care changes."))
    if len(reason) > REASON_MAX:
        raise CareError(say("core.care", "The reason can be at most {reason_max} characters.", reason_max=REASON_MAX))
    if not decided_by.strip():
        raise CareError(say("core.care", "Say who decided the change (for example, the treatment team)."))
    if len(decided_by) > 200:
        raise CareError(say("core.care", "Who decided can be at most 200 characters."))
    if effective < history.program_start:
        raise CareError(say("core.care", "A change cannot take effect before the program start ({program_start}).",
                            program_start=history.program_start.isoformat()))
    if effective > today + timedelta(days=90):
        raise CareError(say("core.care", "A change can be recorded at most 90 days ahead."))
    if history.level_on(effective) is level:
        raise CareError(say("core.care", "The participant is already at {label} on that date.",
                            label=core_word(level.label, lower=True)))


def target_hours_for(level: LevelOfCare, iop_target: float, settings: Callable[[str], Any]) -> float:
    """The weekly hour target of a level: IOP keeps the participant's (or audience's) target."""
    key = LEVEL_TARGET_SETTINGS.get(level)
    return iop_target if key is None else float(settings(key))


def weeks_with_levels(
    weeks: Iterable[WeekHours], history: LevelHistory, target_of: Callable[[LevelOfCare], float]
) -> list[WeekHours]:
    """Each week with the level(s) in force and the target of the level in force on its Monday.

    A week in which the level changed reads "IOP to OP"; its target stays the one it
    started with (the change shows from the next full week).
    """
    out = []
    for week in weeks:
        levels = history.levels_between(week.monday, week.sunday)
        out.append(
            replace(
                week,
                level=" to ".join(level.short for level in levels),
                target_minutes=round(target_of(levels[0]) * 60),
            )
        )
    return out


# -- discharge -----------------------------------------------------------------------------------


class DischargeType(StrEnum):
    COMPLETED = "completed"
    AGAINST_ADVICE = "against_advice"
    TRANSFERRED = "transferred"
    ADMINISTRATIVE = "administrative"

    @property
    def label(self) -> str:
        return DISCHARGE_LABELS[self]

    @property
    def participant_status(self) -> str:
        """The roster status a signed discharge leaves: completed, or discharged."""
        return "completed" if self is DischargeType.COMPLETED else "discharged"


DISCHARGE_LABELS = {
    DischargeType.COMPLETED: "Completed the program",
    DischargeType.AGAINST_ADVICE: "Left against advice",
    DischargeType.TRANSFERRED: "Transferred to another program",
    DischargeType.ADMINISTRATIVE: "Administrative discharge",
}


def parse_discharge_type(value: str | DischargeType) -> DischargeType:
    try:
        return DischargeType(value)
    except ValueError:
        words = listing([core_word(t.label, lower=True) for t in DischargeType])
        raise CareError(say("core.care", "Choose how the stay ended: {words}.", words=words)) from None


DISCHARGE_SECTIONS: tuple[Section, ...] = (
    Section("course", "Course of treatment", "Dates, level of care, attendance and what was covered."),
    Section("measures", "Measures and screens", "Scores and screen results over the stay, as recorded.", required=False),
    Section("progress", "Progress toward goals", "What changed for this person, in observable terms."),
    Section("condition", "Condition at discharge", "How the person is doing now; risk and safety."),
    Section("recommendations", "Recommendations and aftercare", "Level of care next, referrals, the aftercare plan."),
)


@dataclass(frozen=True)
class DischargeFacts:
    """What the record shows, to prefill a discharge summary (nothing is invented)."""

    program_start: date
    discharge_date: date
    discharge_type: DischargeType
    levels: tuple[tuple[LevelOfCare, date], ...]  # each level and the day it began
    meetings_attended: int
    meetings_scheduled: int
    attended_minutes: int
    weeks_at_target: int
    weeks_with_meetings: int
    coverage_done: int
    coverage_total: int
    goals: tuple[str, ...] = ()
    measure_lines: tuple[str, ...] = ()
    screen_lines: tuple[str, ...] = ()
    measures_recorded: bool = True


def prefill_discharge(facts: DischargeFacts) -> dict[str, str]:
    """The summary's first draft: only what attendance, coverage, measures and screens show."""
    days = (facts.discharge_date - facts.program_start).days
    levels = "; ".join(f"{lvl.label} from {start.isoformat()}" for lvl, start in facts.levels)
    course = [
        f"Admitted {facts.program_start.isoformat()}; {facts.discharge_type.label.lower()} on "
        f"{facts.discharge_date.isoformat()} ({days} days).",
        f"Level of care: {levels}.",
        f"Attended {facts.meetings_attended} of {facts.meetings_scheduled} scheduled group meetings "
        f"({hours_text(facts.attended_minutes)} in all); at or above the weekly hour target in "
        f"{facts.weeks_at_target} of {facts.weeks_with_meetings} weeks.",
    ]
    if facts.coverage_total:
        course.append(f"Covered {facts.coverage_done} of {facts.coverage_total} sessions of the curriculum track.")
    if facts.measures_recorded:
        measures = [*facts.measure_lines, *facts.screen_lines] or ["No measures or screens were recorded."]
    else:
        measures = ["Measures and screens are not recorded in Facilitator; add them from the chart if relevant."]
    progress = ["Goals at admission: " + "; ".join(facts.goals) + "."] if facts.goals else []
    return {
        "course": "\n".join(course),
        "measures": "\n".join(measures),
        "progress": "\n".join(progress),
        "condition": "",
        "recommendations": "",
    }


# -- the aftercare plan ---------------------------------------------------------------------------

PLAN_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("supports", QT_TRANSLATE_NOOP("core.care", "People and places that help me"),
     QT_TRANSLATE_NOOP("core.care", "One a line: a sponsor, family, a friend, a faith group.")),
    ("meetings", QT_TRANSLATE_NOOP("core.care", "Meetings I will go to"),
     QT_TRANSLATE_NOOP("core.care", "One a line: which meeting, where, which day.")),
    ("warning_signs", QT_TRANSLATE_NOOP("core.care", "My warning signs"),
     QT_TRANSLATE_NOOP("core.care", "One a line, in the person's words.")),
    ("what_to_do", QT_TRANSLATE_NOOP("core.care", "What I will do"),
     QT_TRANSLATE_NOOP("core.care", "One a line: what helps when a warning sign shows up.")),
    ("people_to_call", QT_TRANSLATE_NOOP("core.care", "People I can call"),
     QT_TRANSLATE_NOOP("core.care", "One a line: a name and a number.")),
    ("next_appointment", QT_TRANSLATE_NOOP("core.care", "My next appointment"),
     QT_TRANSLATE_NOOP("core.care", "Where and when, if there is one.")),
)
PLAN_KEYS = tuple(key for key, _, _ in PLAN_FIELDS)
PLAN_LINE_MAX = 200
PLAN_LINES_MAX = 12


def clean_plan(content: Mapping[str, object]) -> dict[str, str]:
    """The plan's fields trimmed, each at most 12 lines of 200 characters; or a sentence."""
    out: dict[str, str] = {}
    labels = {key: title for key, title, _ in PLAN_FIELDS}
    for key in PLAN_KEYS:
        raw = str(content.get(key) or "")
        lines = [line.strip() for line in raw.splitlines() if line.strip()]
        if len(lines) > PLAN_LINES_MAX:
            raise CareError(say("core.care", "{labels} can have at most {plan_lines_max} lines.",
                                labels=labels[key], plan_lines_max=PLAN_LINES_MAX))
        for line in lines:
            if len(line) > PLAN_LINE_MAX:
                raise CareError(say("core.care", "Each line of {labels} can be at most {plan_line_max} characters.",
                                    labels=core_word(labels[key], lower=True), plan_line_max=PLAN_LINE_MAX))
        out[key] = "\n".join(lines)
    unknown = set(content) - set(PLAN_KEYS)
    if unknown:
        raise CareError(say("core.care", "The aftercare plan has a field Facilitator does not know."))
    return out


# Printed words, per language: short sentences a person reads at a grade 6 to 8 level.
PLAN_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "My aftercare plan",
        "intro": "You finished this part of your care. This plan is yours. Keep it where you can find it. "
                 "Read it when things get hard.",
        "for": "For {name}",
        "made": "Made with my counselor on {day}.",
        "supports": "People and places that help me",
        "meetings": "Meetings I will go to",
        "warning_signs": "My warning signs",
        "warning_intro": "These can mean I am heading toward using again:",
        "what_to_do": "What I will do",
        "what_intro": "When I notice a warning sign, I will:",
        "people_to_call": "People I can call",
        "next_appointment": "My next appointment",
        "empty": "(Write it here.)",
        "crisis_intro": "If you are in danger or thinking about suicide, call or text 988 now. "
                        "It is free, and someone answers day and night.",
        "footer": "My aftercare plan",
        "confidential": "This plan is private. Share it only with people you choose.",
    },
    "es": {
        "title": "Mi plan de cuidado después del programa",
        "intro": "Usted terminó esta parte de su tratamiento. Este plan es suyo. Guárdelo en un lugar fácil "
                 "de encontrar. Léalo cuando las cosas se pongan difíciles.",
        "for": "Para {name}",
        "made": "Hecho con mi consejero el {day}.",
        "supports": "Personas y lugares que me ayudan",
        "meetings": "Reuniones a las que iré",
        "warning_signs": "Mis señales de alerta",
        "warning_intro": "Estas señales pueden querer decir que estoy cerca de volver a consumir:",
        "what_to_do": "Lo que voy a hacer",
        "what_intro": "Cuando note una señal de alerta, voy a:",
        "people_to_call": "Personas a las que puedo llamar",
        "next_appointment": "Mi próxima cita",
        "empty": "(Escríbalo aquí.)",
        "crisis_intro": "Si está en peligro o piensa en el suicidio, llame o mande un texto al 988 ahora. "
                        "Es gratis y alguien contesta de día y de noche.",
        "footer": "Mi plan de cuidado",
        "confidential": "Este plan es privado. Compártalo solo con las personas que usted elija.",
    },
}


def plan_words(language: str) -> dict[str, str]:
    return PLAN_WORDS.get(language.split("-")[0].lower(), PLAN_WORDS["en"])


@dataclass(frozen=True)
class PlanSection:
    key: str
    title: str
    intro: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class AftercarePrint:
    """The aftercare plan as printed: the participant's first name only, no record number, no diagnosis."""

    clinic_name: str
    language: str
    large_print: bool
    title: str
    for_line: str
    intro: str
    made_line: str
    sections: tuple[PlanSection, ...]
    crisis_intro: str
    crisis: CrisisBox
    footer: str
    confidential: str


def first_name(preferred_name: str) -> str:
    words = preferred_name.strip().split()
    return words[0] if words else ""


def build_aftercare_print(
    content: Mapping[str, str],
    preferred_name: str,
    made_on: date,
    *,
    language: str = "en",
    large_print: bool = False,
    clinic_name: str = "",
) -> AftercarePrint:
    words = plan_words(language)
    lang = "es" if words is PLAN_WORDS["es"] else "en"
    intros = {"warning_signs": words["warning_intro"], "what_to_do": words["what_intro"]}
    sections = tuple(
        PlanSection(
            key=key,
            title=words[key],
            intro=intros.get(key, ""),
            lines=tuple(line for line in (content.get(key) or "").splitlines() if line.strip()) or (words["empty"],),
        )
        for key in PLAN_KEYS
    )
    return AftercarePrint(
        clinic_name=clinic_name,
        language=lang,
        large_print=large_print,
        title=words["title"],
        for_line=words["for"].format(name=first_name(preferred_name)),
        intro=words["intro"],
        made_line=words["made"].format(day=made_on.isoformat()),
        sections=sections,
        crisis_intro=words["crisis_intro"],
        crisis=crisis_box(lang),
        footer=words["footer"],
        confidential=words["confidential"],
    )


def plan_text(model: AftercarePrint) -> str:
    """Every sentence a participant reads on the printed plan, for readability checks."""
    parts: list[str] = [model.intro]
    for section in model.sections:
        if section.intro:
            parts.append(section.intro)
    parts.append(model.crisis_intro)
    parts.append(model.confidential)
    return " ".join(parts)


def levels_with_starts(history: LevelHistory, last: date) -> tuple[tuple[LevelOfCare, date], ...]:
    """Each stretch of one level up to ``last``: (level, first day)."""
    out: list[tuple[LevelOfCare, date]] = [(ADMISSION_LEVEL, history.program_start)]
    for change in history.changes:
        if change.effective > last:
            break
        if change.effective <= history.program_start:
            out = [(change.level, history.program_start)]
        elif change.level != out[-1][0]:
            out.append((change.level, change.effective))
    return tuple(out)


def week_range_levels(weeks: Sequence[WeekHours]) -> str:
    return ", ".join(f"{w.label}: {w.level}" for w in weeks if getattr(w, "level", ""))
