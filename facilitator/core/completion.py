"""Completion criteria: how far a participant is toward stepping down or completing.

Pure functions over plain facts. The clinic sets each criterion in its settings (declared in
``core.clinic_settings``); a criterion set to 0 is not required. Four criteria:

- **Days without an unexpected positive screen**: days since the last positive screen that
  was not explained by a prescribed medication (counted from program start when there was
  none), once at least one screen is on record.
- **Curriculum coverage**: the share of the track's sessions the participant attended.
- **Weeks at the hour target**: weeks at or above the weekly target of the level in force.
- **Measures below a band**: the latest PHQ-9 and GAD-7 scores under the clinic's cut-offs.

A participant who meets every required criterion is ready to step down (from partial
hospitalization or IOP) or to complete (from outpatient). A criterion whose data is not
recorded is never met: a missing screen is not a negative one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from .care import LevelOfCare

SETTING_KEYS = {
    "days_since_positive": "completion_days_since_positive",
    "coverage_percent": "completion_coverage_percent",
    "weeks_at_target": "completion_weeks_at_target",
    "phq9_below": "completion_phq9_below",
    "gad7_below": "completion_gad7_below",
}


@dataclass(frozen=True)
class CompletionRules:
    days_since_positive: int = 30
    coverage_percent: int = 80
    weeks_at_target: int = 8
    phq9_below: int = 10
    gad7_below: int = 10

    @classmethod
    def from_settings(cls, value: Callable[[str], Any]) -> CompletionRules:
        """From the clinic settings (``value(key)`` gives the typed setting)."""
        return cls(**{field: int(value(key)) for field, key in SETTING_KEYS.items()})


@dataclass(frozen=True)
class ScreenFacts:
    """What drug screens show, from the measures record.

    ``recorded`` is False when this Facilitator keeps no screens at all (then the criterion
    says so rather than counting a silence as sobriety).
    """

    recorded: bool
    count: int = 0
    last_unexpected_positive: date | None = None


@dataclass(frozen=True)
class Score:
    measure: str  # "PHQ-9", "GAD-7"
    day: date
    total: int


@dataclass(frozen=True)
class MeasureFacts:
    recorded: bool
    latest: tuple[Score, ...] = ()

    def latest_of(self, measure: str) -> Score | None:
        found = [s for s in self.latest if s.measure == measure]
        return max(found, key=lambda s: s.day) if found else None


@dataclass(frozen=True)
class WeekResult:
    attended_minutes: int
    target_minutes: int
    had_meetings: bool

    @property
    def at_target(self) -> bool:
        return self.target_minutes > 0 and self.attended_minutes >= self.target_minutes


@dataclass(frozen=True)
class CompletionFacts:
    today: date
    program_start: date
    level: LevelOfCare
    weeks: tuple[WeekResult, ...]
    coverage_done: int
    coverage_total: int
    screens: ScreenFacts
    measures: MeasureFacts


class CriterionStatus(StrEnum):
    MET = "met"
    NOT_MET = "not met"
    NO_DATA = "not recorded"
    NOT_REQUIRED = "not required"

    @property
    def counts_as_met(self) -> bool:
        return self in (CriterionStatus.MET, CriterionStatus.NOT_REQUIRED)


@dataclass(frozen=True)
class CriterionProgress:
    key: str
    label: str
    status: CriterionStatus
    progress: str  # "21 days since admission (30 needed)", in words
    fraction: float  # 0..1, for a bar

    @property
    def line(self) -> str:
        return f"{self.label}: {self.progress} ({self.status.value})"


class Readiness(StrEnum):
    STEP_DOWN = "ready to step down"
    COMPLETE = "ready to complete"
    NOT_YET = "not yet"


def _clamp(value: float) -> float:
    return max(0.0, min(1.0, value))


def days_without_positive(facts: CompletionFacts, required: int) -> CriterionProgress:
    label = "Days without an unexpected positive screen"
    if required <= 0:
        return CriterionProgress("screens", label, CriterionStatus.NOT_REQUIRED, "not required", 1.0)
    screens = facts.screens
    if not screens.recorded:
        return CriterionProgress("screens", label, CriterionStatus.NO_DATA,
                                 "drug screens are not recorded in Facilitator", 0.0)
    if screens.count == 0:
        return CriterionProgress("screens", label, CriterionStatus.NO_DATA, "no screen on record yet", 0.0)
    since = screens.last_unexpected_positive or facts.program_start
    days = max(0, (facts.today - since).days)
    status = CriterionStatus.MET if days >= required else CriterionStatus.NOT_MET
    counted = "since the last unexpected positive" if screens.last_unexpected_positive else "since admission"
    return CriterionProgress("screens", label, status, f"{days} days {counted} ({required} needed)",
                             _clamp(days / required))


def coverage_progress(facts: CompletionFacts, required_percent: int) -> CriterionProgress:
    label = "Curriculum coverage"
    if required_percent <= 0:
        return CriterionProgress("coverage", label, CriterionStatus.NOT_REQUIRED, "not required", 1.0)
    if facts.coverage_total == 0:
        return CriterionProgress("coverage", label, CriterionStatus.NO_DATA, "no curriculum track", 0.0)
    percent = 100 * facts.coverage_done / facts.coverage_total
    status = CriterionStatus.MET if percent >= required_percent else CriterionStatus.NOT_MET
    return CriterionProgress(
        "coverage", label, status,
        f"{facts.coverage_done} of {facts.coverage_total} sessions ({percent:.0f}%, {required_percent}% needed)",
        _clamp(percent / required_percent),
    )


def weeks_at_target(facts: CompletionFacts, required: int) -> CriterionProgress:
    label = "Weeks at the hour target"
    if required <= 0:
        return CriterionProgress("hours", label, CriterionStatus.NOT_REQUIRED, "not required", 1.0)
    done = sum(1 for w in facts.weeks if w.at_target)
    status = CriterionStatus.MET if done >= required else CriterionStatus.NOT_MET
    return CriterionProgress("hours", label, status, f"{done} of {required} weeks", _clamp(done / required))


def measures_below(facts: CompletionFacts, phq9_below: int, gad7_below: int) -> CriterionProgress:
    label = "Measures below the band"
    wanted = [(name, cut) for name, cut in (("PHQ-9", phq9_below), ("GAD-7", gad7_below)) if cut > 0]
    if not wanted:
        return CriterionProgress("measures", label, CriterionStatus.NOT_REQUIRED, "not required", 1.0)
    if not facts.measures.recorded:
        return CriterionProgress("measures", label, CriterionStatus.NO_DATA,
                                 "measures are not recorded in Facilitator", 0.0)
    parts: list[str] = []
    met = missing = 0
    for name, cut in wanted:
        score = facts.measures.latest_of(name)
        if score is None:
            parts.append(f"{name} not given yet")
            missing += 1
            continue
        ok = score.total < cut
        met += ok
        parts.append(f"{name} {score.total} on {score.day.isoformat()} ({'under' if ok else 'not under'} {cut})")
    failed = len(wanted) - met - missing
    if met == len(wanted):
        status = CriterionStatus.MET
    elif failed == 0:
        status = CriterionStatus.NO_DATA  # nothing over the band, but a score is still missing
    else:
        status = CriterionStatus.NOT_MET
    return CriterionProgress("measures", label, status, "; ".join(parts), met / len(wanted))


def progress(facts: CompletionFacts, rules: CompletionRules) -> tuple[CriterionProgress, ...]:
    """Every criterion, in the order the clinic reads them."""
    return (
        days_without_positive(facts, rules.days_since_positive),
        coverage_progress(facts, rules.coverage_percent),
        weeks_at_target(facts, rules.weeks_at_target),
        measures_below(facts, rules.phq9_below, rules.gad7_below),
    )


def readiness(level: LevelOfCare, criteria: Iterable[CriterionProgress]) -> Readiness:
    """Ready when every required criterion is met: to complete from outpatient, else to step down."""
    if not all(c.status.counts_as_met for c in criteria):
        return Readiness.NOT_YET
    return Readiness.COMPLETE if level is LevelOfCare.OUTPATIENT else Readiness.STEP_DOWN


def criteria_met(criteria: Sequence[CriterionProgress]) -> str:
    required = [c for c in criteria if c.status is not CriterionStatus.NOT_REQUIRED]
    met = sum(1 for c in required if c.status is CriterionStatus.MET)
    return f"{met} of {len(required)} criteria met"
