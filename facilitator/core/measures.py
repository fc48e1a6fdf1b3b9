"""Measurement-based care as plain Python: check-in ratings, PHQ-9 and GAD-7, drug screens,
mutual-help meetings, the measure schedule and the laboratory results file.

Everything here checks what a person typed (or a file holds) and says what is wrong in one
sentence (``MeasureError``); nothing imports Qt or the database. The store keeps what these
functions accept, and the database locks it once recorded: a correction is an
"entered in error" mark on the old entry plus a new entry, as for signed notes.

Sources. The PHQ-9 (Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief
depression severity measure. J Gen Intern Med 2001;16(9):606-613) and the GAD-7 (Spitzer RL,
Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder:
the GAD-7. Arch Intern Med 2006;166(10):1092-1097) were developed by Drs Robert L. Spitzer,
Janet B. W. Williams, Kurt Kroenke and colleagues with an educational grant from Pfizer Inc.;
no permission is required to reproduce, translate, display or distribute them. Item texts,
answer choices and severity bands are the published ones.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from facilitator.core.catalogue import QT_TRANSLATE_NOOP, core_word, listing, say

from . import limits
from .changes import ValidationError


class MeasureError(ValidationError):
    """What was typed (or a file holds) cannot be recorded as it is; the message is one sentence."""


def _sentence(text: str) -> str:
    return text[0].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")


def _shown(value: object, most: int = 30) -> str:
    text = str(value)
    return repr(text if len(text) <= most else text[:most] + "…")


def check_day(value: date | str, label: str, today: date) -> date:
    """A date a measure was taken on: a real date, between 1900 and today (never in the future)."""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise MeasureError(say("core.limits", "The {label} {shown!r} is not a date like 2026-03-01.",
                                   label=label, shown=value if len(value) <= 30 else value[:30] + "…")) from None
    if limits.date_problem(value, label):
        raise MeasureError(limits.out_of_range(value, label))
    if value > today:
        raise MeasureError(say("core.measures", "The {label} {day} is in the future; today is {today}.",
                               label=label, day=value.isoformat(), today=today.isoformat()))
    return value


# -- check-in ratings ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RatingScale:
    """A number a participant gives at check-in (craving by default), with its range and words."""

    key: str
    label: str
    question: str
    low: int = 0
    high: int = 10
    low_word: str = ""
    high_word: str = ""

    def check(self, value: object) -> int:
        """The rating as a whole number in range, or a sentence ("A craving rating of 11 ...")."""
        if isinstance(value, bool):
            raise MeasureError(say("core.measures", "A {label} rating must be a whole number from {low} to {high}.",
                                   label=core_word(self.label, lower=True), low=self.low, high=self.high))
        if isinstance(value, int):
            number = value
        else:
            text = str(value).strip()
            if not re.fullmatch(r"[+-]?\d{1,3}", text):
                raise MeasureError(
                    say("core.measures", "A {label} rating must be a whole number from {low} to {high}, not {shown}.",
                        label=core_word(self.label, lower=True), low=self.low, high=self.high, shown=_shown(text))
                )
            number = int(text)
        if not self.low <= number <= self.high:
            raise MeasureError(
                say("core.measures", "A {label} rating of {number} is outside the scale; use {low} to {high}.",
                    label=core_word(self.label, lower=True), number=number, low=self.low, high=self.high)
            )
        return number


#: The ratings a check-in may collect; a curriculum's check-in item names some of these.
RATING_SCALES: dict[str, RatingScale] = {
    s.key: s
    for s in (
        RatingScale("craving", "Craving", "How strong is your urge to use right now?", 0, 10, "none", "strongest"),
        RatingScale(
            "confidence",
            "Confidence",
            "How sure are you that you will not use before the next session?",
            0,
            10,
            "not at all",
            "completely",
        ),
        RatingScale("stress", "Stress", "How stressed have you felt since the last session?", 0, 10, "none", "extreme"),
    )
}
DEFAULT_RATINGS: tuple[str, ...] = ("craving",)
MOOD_MAX_CHARS = 20
_MOOD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*")


def scales_for(names: Iterable[str] | None) -> tuple[RatingScale, ...]:
    """The scales a check-in collects: those a curriculum names, else craving."""
    chosen = DEFAULT_RATINGS if names is None else tuple(names)
    return tuple(RATING_SCALES[n] for n in chosen if n in RATING_SCALES)


def check_mood(text: str | None) -> str:
    """An optional one-word mood ("tired", "hopeful", "on-edge"), or a sentence."""
    word = unicodedata.normalize("NFC", (text or "").strip())
    if not word:
        return ""
    if len(word) > MOOD_MAX_CHARS:
        raise MeasureError(say("core.measures", "A mood is one word of at most {mood_max_chars} letters.",
                               mood_max_chars=MOOD_MAX_CHARS))
    if not _MOOD.fullmatch(word):
        raise MeasureError(say("core.measures", "A mood is one word (letters, with - or ' inside), not {shown}.",
                               shown=_shown(word)))
    return word.lower()


@dataclass(frozen=True)
class CheckIn:
    """One participant's check-in at one meeting: ratings by scale key, and an optional mood."""

    ratings: Mapping[str, int]
    mood: str = ""

    def rating(self, key: str) -> int | None:
        return self.ratings.get(key)


def check_check_in(
    ratings: Mapping[str, object], mood: str | None = "", scales: Iterable[str] | None = None
) -> CheckIn:
    """Check a check-in as typed: every rating in range, on a scale this check-in collects.

    A blank rating is left out (the person passed); a check-in with neither a rating nor a
    mood is refused, since there is nothing to record.
    """
    allowed = {s.key: s for s in scales_for(scales)}
    out: dict[str, int] = {}
    for key, value in ratings.items():
        scale = RATING_SCALES.get(key)
        if scale is None:
            raise MeasureError(say("core.measures", "{shown} is not a rating Facilitator knows; use {rating_scales}.",
                                   shown=_shown(key), rating_scales=', '.join(RATING_SCALES)))
        if key not in allowed:
            raise MeasureError(say("core.measures", "This check-in does not collect a {label} rating.",
                                   label=core_word(scale.label, lower=True)))
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        out[key] = scale.check(value)
    word = check_mood(mood)
    if not out and not word:
        raise MeasureError(say("core.measures", "Type a rating or a mood before saving this check-in."))
    return CheckIn(dict(sorted(out.items())), word)


def _since(day: date, before: date) -> str:
    days = (day - before).days
    if days <= 0:
        return "earlier the same day"
    if days == 1:
        return "yesterday"
    if days < 7:
        return f"on {before:%A}"
    if days < 14:
        return "last week"
    return f"on {before.isoformat()}"


def rating_trend(scale: RatingScale, value: int, day: date, previous: tuple[int, date] | None) -> str:
    """One rating as a note says it: "craving 7/10, up from 3 last week"."""
    head = f"{scale.label.lower()} {value}/{scale.high}"
    if previous is None:
        return f"{head} (first rating)"
    before, when = previous
    if before == value:
        return f"{head}, the same as {_since(day, when)}"
    direction = "up" if value > before else "down"
    return f"{head}, {direction} from {before} {_since(day, when)}"


def check_in_line(
    check_in: CheckIn, day: date, previous: Mapping[str, tuple[int, date]] | None = None
) -> str:
    """The individual note's check-in line: each rating with its change, then the mood."""
    previous = previous or {}
    parts = [
        rating_trend(RATING_SCALES[key], value, day, previous.get(key))
        for key, value in check_in.ratings.items()
        if key in RATING_SCALES
    ]
    if check_in.mood:
        parts.append(f"mood: {check_in.mood}")
    return "Check-in: " + "; ".join(parts) + "." if parts else ""


# -- PHQ-9 and GAD-7 ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Band:
    low: int
    high: int
    label: str


@dataclass(frozen=True)
class Instrument:
    """A published questionnaire: its items, answer choices and severity bands."""

    key: str  # "PHQ-9", "GAD-7": stored, and shown
    title: str
    stem: str
    items: tuple[str, ...]
    options: tuple[str, ...]  # the label of answer 0, 1, 2, 3
    bands: tuple[Band, ...]
    difficulty: str
    difficulty_options: tuple[str, ...]
    citation: str

    @property
    def maximum(self) -> int:
        return 3 * len(self.items)

    def band(self, total: int) -> Band:
        for b in self.bands:
            if b.low <= total <= b.high:
                return b
        raise ValueError(f"{self.key} total {total} is outside 0-{self.maximum}")


ANSWER_OPTIONS = ("Not at all", "Several days", "More than half the days", "Nearly every day")
DIFFICULTY_OPTIONS = ("Not difficult at all", "Somewhat difficult", "Very difficult", "Extremely difficult")
DIFFICULTY = (
    "If you checked off any problems, how difficult have these problems made it for you to do your work, "
    "take care of things at home, or get along with other people?"
)
FREE_TO_USE = (
    "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an "
    "educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute."
)

PHQ9 = Instrument(
    key="PHQ-9",
    title="Patient Health Questionnaire (PHQ-9)",
    stem="Over the last 2 weeks, how often have you been bothered by any of the following problems?",
    items=(
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
        "Trouble falling or staying asleep, or sleeping too much",
        "Feeling tired or having little energy",
        "Poor appetite or overeating",
        "Feeling bad about yourself, or that you are a failure or have let yourself or your family down",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Moving or speaking so slowly that other people could have noticed; or the opposite, being so "
        "fidgety or restless that you have been moving around a lot more than usual",
        "Thoughts that you would be better off dead, or of hurting yourself in some way",
    ),
    options=ANSWER_OPTIONS,
    bands=(
        Band(0, 4, "minimal"),
        Band(5, 9, "mild"),
        Band(10, 14, "moderate"),
        Band(15, 19, "moderately severe"),
        Band(20, 27, "severe"),
    ),
    difficulty=DIFFICULTY,
    difficulty_options=DIFFICULTY_OPTIONS,
    citation=(
        "Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. "
        "J Gen Intern Med. 2001;16(9):606-613. " + FREE_TO_USE
    ),
)

GAD7 = Instrument(
    key="GAD-7",
    title="Generalized Anxiety Disorder scale (GAD-7)",
    stem="Over the last 2 weeks, how often have you been bothered by the following problems?",
    items=(
        "Feeling nervous, anxious, or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid, as if something awful might happen",
    ),
    options=ANSWER_OPTIONS,
    bands=(Band(0, 4, "minimal"), Band(5, 9, "mild"), Band(10, 14, "moderate"), Band(15, 21, "severe")),
    difficulty=DIFFICULTY,
    difficulty_options=DIFFICULTY_OPTIONS,
    citation=(
        "Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety "
        "disorder: the GAD-7. Arch Intern Med. 2006;166(10):1092-1097. " + FREE_TO_USE
    ),
)

INSTRUMENTS: dict[str, Instrument] = {PHQ9.key: PHQ9, GAD7.key: GAD7}
#: The PHQ-9 item (1-based) about thoughts of death or self-harm; any answer above 0 raises a flag.
SUICIDE_ITEM = 9


def instrument(key: str) -> Instrument:
    found = INSTRUMENTS.get((key or "").strip().upper())
    if found is None:
        raise MeasureError(say("core.measures", "{shown} is not a questionnaire Facilitator scores; use PHQ-9 or "
                               "GAD-7.", shown=_shown(key)))
    return found


@dataclass(frozen=True)
class Score:
    """A scored questionnaire: the answers as given, the total, its band, and the safety item."""

    instrument: str
    answers: tuple[int, ...]
    total: int
    severity: str
    difficulty: int | None = None

    @property
    def item9(self) -> int | None:
        return self.answers[SUICIDE_ITEM - 1] if self.instrument == PHQ9.key else None

    @property
    def safety_flag(self) -> bool:
        """A PHQ-9 with item 9 answered above "Not at all" must be seen and acted on."""
        return (self.item9 or 0) > 0

    @property
    def answers_text(self) -> str:
        """The answers as stored: one digit per item ("012300121")."""
        return "".join(str(a) for a in self.answers)

    @property
    def summary(self) -> str:
        return f"{self.instrument} {self.total} ({self.severity})"


def score(key: str, answers: Sequence[object], difficulty: object = None) -> Score:
    """Score a PHQ-9 or GAD-7 from its answers (0-3 each, every item answered), or a sentence.

    ``answers`` may be numbers, digit strings, or one string of digits ("012300121").
    """
    inst = instrument(key)
    if isinstance(answers, str):
        text = answers.strip()
        answers = list(text) if text.isdigit() else [a for a in re.split(r"[\s,;]+", text) if a]
    given = list(answers)
    if len(given) > len(inst.items):
        raise MeasureError(say("core.measures", "A {key} has {items_count} items; {given_count} answers were given.",
                               key=inst.key, items_count=len(inst.items), given_count=len(given)))
    values: list[int] = []
    for n in range(1, len(inst.items) + 1):
        raw = given[n - 1] if n <= len(given) else None
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            raise MeasureError(say("core.measures", "{key} item {n} has no answer; every item needs one (0 to 3).",
                                   key=inst.key, n=n))
        text = str(raw).strip()
        if isinstance(raw, bool) or not re.fullmatch(r"[0-3]", text):
            raise MeasureError(say("core.measures", "The answer to {key} item {n} must be 0, 1, 2 or 3, not {shown}.",
                                   key=inst.key, n=n, shown=_shown(text)))
        values.append(int(text))
    diff: int | None = None
    if difficulty is not None and str(difficulty).strip():
        text = str(difficulty).strip()
        if not re.fullmatch(r"[0-3]", text):
            raise MeasureError(say("core.measures", "The {key} difficulty answer must be 0, 1, 2 or 3, not {shown}.",
                                   key=inst.key, shown=_shown(text)))
        diff = int(text)
    total = sum(values)
    return Score(inst.key, tuple(values), total, inst.band(total).label, diff)


def parse_answers(key: str, text: str) -> tuple[int, ...]:
    """Stored answers ("012300121") back as numbers; used to read the record."""
    inst = instrument(key)
    if len(text) != len(inst.items) or not text.isdigit():
        raise ValueError(f"stored {inst.key} answers {text!r} are not {len(inst.items)} digits")
    return tuple(int(c) for c in text)


# -- the measure schedule ---------------------------------------------------------------------------


class Schedule(StrEnum):
    """When the clinic gives PHQ-9 and GAD-7 (a clinic setting)."""

    EVERY_2_WEEKS = "every 2 weeks"
    EVERY_4_WEEKS = "every 4 weeks"
    ADMISSION_ONLY = "admission only"
    AT_WILL = "at will"

    @property
    def every_days(self) -> int | None:
        return {Schedule.EVERY_2_WEEKS: 14, Schedule.EVERY_4_WEEKS: 28}.get(self)

    @property
    def at_admission(self) -> bool:
        return self is not Schedule.AT_WILL


SCHEDULE_SETTING = "measure_schedule"
SCHEDULED_INSTRUMENTS: tuple[str, ...] = (PHQ9.key, GAD7.key)
#: A result this many days before the program start counts as the admission measure.
ADMISSION_WINDOW_DAYS = 14
#: A repeat measure may be given this many days before it falls due (the group may not meet that day).
DUE_EARLY_DAYS = 2


def parse_schedule(text: str | None) -> Schedule:
    try:
        return Schedule((text or "").strip().lower())
    except ValueError:
        return Schedule.EVERY_2_WEEKS


@dataclass(frozen=True)
class DueMeasure:
    """A questionnaire due for a person on a day, and why ("at admission", "last given 2026-10-01")."""

    instrument: str
    reason: str
    overdue: bool = False

    @property
    def text(self) -> str:
        """"PHQ-9 (last given 2026-11-13, 13 days ago)", a Sentence the UI shows in its language."""
        return say("core.measures", "{instrument} ({reason})", instrument=self.instrument, reason=self.reason)


def due_measures(
    program_start: date,
    last_given: Mapping[str, date | None],
    on: date,
    schedule: Schedule | str,
    instruments: Iterable[str] = SCHEDULED_INSTRUMENTS,
) -> list[DueMeasure]:
    """Which questionnaires are due for a person on ``on``.

    ``last_given`` holds, per instrument, the day of the latest result not entered in error
    (None: never given). At admission: none given since ``ADMISSION_WINDOW_DAYS`` before the
    program start. Then every 2 or 4 weeks from the last one, from ``DUE_EARLY_DAYS`` before.
    "At will" makes nothing due; nothing is due before the program starts.
    """
    plan = parse_schedule(schedule) if isinstance(schedule, str) else schedule
    if on < program_start:
        return []
    out: list[DueMeasure] = []
    for key in instruments:
        last = last_given.get(key)
        if last is not None and last < program_start - timedelta(days=ADMISSION_WINDOW_DAYS):
            last = None  # a result from an earlier episode of care
        if last is None:
            if plan.at_admission:
                late = (on - program_start).days > 7
                out.append(DueMeasure(key, QT_TRANSLATE_NOOP("core.measures", "at admission"), overdue=late))
            continue
        every = plan.every_days
        if every is None:
            continue
        waited = (on - last).days
        if waited >= every - DUE_EARLY_DAYS:
            ago = (say("core.measures", "{days} days ago", days=waited) if waited < 21
                   else say("core.measures", "{weeks} weeks ago", weeks=waited // 7))
            reason = say("core.measures", "last given {day}, {ago}", day=last.isoformat(), ago=ago)
            out.append(DueMeasure(key, reason, overdue=waited >= every + 7))
    return out


# -- drug screens -----------------------------------------------------------------------------------


class Specimen(StrEnum):
    URINE = "urine"
    ORAL_FLUID = "oral fluid"


class ScreenResult(StrEnum):
    NEGATIVE = "negative"
    POSITIVE = "positive"
    INVALID = "invalid"
    NOT_TESTED = "not tested"


#: Substances a panel may test, by the key stored; the label is what people read.
SUBSTANCES: dict[str, str] = {
    "alcohol": "Alcohol (EtG)",
    "amphetamines": "Amphetamines",
    "barbiturates": "Barbiturates",
    "benzodiazepines": "Benzodiazepines",
    "buprenorphine": "Buprenorphine",
    "cocaine": "Cocaine",
    "fentanyl": "Fentanyl",
    "marijuana": "Marijuana (THC)",
    "mdma": "MDMA",
    "methadone": "Methadone",
    "methamphetamine": "Methamphetamine",
    "opiates": "Opiates",
    "oxycodone": "Oxycodone",
    "pcp": "PCP",
    "tramadol": "Tramadol",
    "xylazine": "Xylazine",
}
_SUBSTANCE_ALIASES = {
    "etg": "alcohol", "ethanol": "alcohol", "amp": "amphetamines", "bar": "barbiturates", "bzo": "benzodiazepines",
    "bup": "buprenorphine", "coc": "cocaine", "fyl": "fentanyl", "thc": "marijuana", "cannabis": "marijuana",
    "mtd": "methadone", "met": "methamphetamine", "meth": "methamphetamine", "opi": "opiates", "oxy": "oxycodone",
    "mdma": "mdma", "pcp": "pcp", "tra": "tramadol",
}

#: Common panels, as the substances each tests (a screen may also name its own).
PANELS: dict[str, tuple[str, ...]] = {
    "5-panel": ("amphetamines", "cocaine", "marijuana", "opiates", "pcp"),
    "10-panel": (
        "amphetamines", "barbiturates", "benzodiazepines", "cocaine", "marijuana", "methadone",
        "methamphetamine", "opiates", "oxycodone", "pcp",
    ),
    "12-panel": (
        "amphetamines", "barbiturates", "benzodiazepines", "buprenorphine", "cocaine", "fentanyl", "marijuana",
        "methadone", "methamphetamine", "opiates", "oxycodone", "pcp",
    ),
}

#: Medications a person may be expected to test positive for, and the substances each explains.
EXPECTED_MEDICATIONS: dict[str, tuple[str, ...]] = {
    "buprenorphine": ("buprenorphine",),
    "methadone": ("methadone",),
    "prescribed benzodiazepines": ("benzodiazepines",),
}
PANEL_MAX_CHARS = 40
LAB_REFERENCE_MAX_CHARS = 60


def substance(text: str) -> str:
    """A substance's stored key from what a person or a laboratory wrote ("THC" -> marijuana)."""
    norm = re.sub(r"[^a-z0-9]+", " ", (text or "").lower()).strip()
    if norm in SUBSTANCES:
        return norm
    squeezed = norm.replace(" ", "")
    if squeezed in _SUBSTANCE_ALIASES:
        return _SUBSTANCE_ALIASES[squeezed]
    for key, label in SUBSTANCES.items():
        if norm and norm == re.sub(r"[^a-z0-9]+", " ", label.lower()).strip():
            return key
    raise MeasureError(say("core.measures", "{shown} is not a substance Facilitator knows; use one of {substances}.",
                           shown=_shown(text), substances=', '.join(SUBSTANCES)))


def screen_result(text: str) -> ScreenResult:
    norm = (text or "").strip().lower()
    aliases = {"neg": "negative", "pos": "positive", "inv": "invalid", "nt": "not tested", "not_tested": "not tested"}
    try:
        return ScreenResult(aliases.get(norm, norm))
    except ValueError:
        raise MeasureError(
            say("core.measures", "A screen result is negative, positive, invalid or not tested, not {shown}.",
                shown=_shown(text))
        ) from None


def expected_medication(text: str) -> str:
    norm = (text or "").strip().lower()
    if norm in ("benzodiazepines", "prescribed benzodiazepine", "benzodiazepine"):
        norm = "prescribed benzodiazepines"
    if norm not in EXPECTED_MEDICATIONS:
        raise MeasureError(
            say("core.measures", "{shown} is not a medication a screen can expect; use {expected_medications}.",
                shown=_shown(text), expected_medications=', '.join(EXPECTED_MEDICATIONS))
        )
    return norm


def specimen(text: str) -> Specimen:
    norm = (text or "").strip().lower().replace("_", " ")
    if norm in ("oral", "saliva", "oral-fluid"):
        norm = "oral fluid"
    try:
        return Specimen(norm)
    except ValueError:
        raise MeasureError(say("core.measures", "A specimen is urine or oral fluid, not {shown}.",
                               shown=_shown(text))) from None


@dataclass(frozen=True)
class Screen:
    """A drug screen as recorded: when, what specimen, observed or not, its panel and results."""

    collected_on: date
    specimen: Specimen
    observed: bool
    panel: str
    results: Mapping[str, ScreenResult]  # substance key -> result
    expected: tuple[str, ...] = ()  # expected medications (EXPECTED_MEDICATIONS keys)

    @property
    def explained(self) -> frozenset[str]:
        """Substances the expected medications account for."""
        return frozenset(s for med in self.expected for s in EXPECTED_MEDICATIONS.get(med, ()))

    @property
    def positives(self) -> tuple[str, ...]:
        return tuple(s for s, r in self.results.items() if r is ScreenResult.POSITIVE)

    @property
    def unexpected_positives(self) -> tuple[str, ...]:
        """Positives no expected medication explains: what may be a return to use."""
        return tuple(s for s in self.positives if s not in self.explained)

    @property
    def expected_positives(self) -> tuple[str, ...]:
        return tuple(s for s in self.positives if s in self.explained)

    @property
    def missing_expected(self) -> tuple[str, ...]:
        """Expected medications tested and found negative (a diversion question, not a relapse)."""
        return tuple(
            s for s in sorted(self.explained) if self.results.get(s) is ScreenResult.NEGATIVE
        )

    @property
    def reading(self) -> str:
        """The screen in a few words: "negative", "expected positive (buprenorphine)", ..."""
        if self.unexpected_positives:
            return "unexpected positive: " + ", ".join(SUBSTANCES[s] for s in self.unexpected_positives)
        if any(r is ScreenResult.INVALID for r in self.results.values()):
            return "invalid"
        if self.expected_positives:
            return "expected positive only (" + ", ".join(SUBSTANCES[s] for s in self.expected_positives) + ")"
        if all(r is ScreenResult.NOT_TESTED for r in self.results.values()):
            return "not tested"
        return "negative"


def check_screen(
    *,
    collected_on: date | str,
    specimen_text: str | Specimen,
    observed: bool,
    panel: str,
    results: Mapping[str, str | ScreenResult],
    expected: Iterable[str] = (),
    today: date,
) -> Screen:
    """A screen as typed, checked: a real past date, a known specimen, at least one result."""
    day = check_day(collected_on, QT_TRANSLATE_NOOP("core.measures", "collection date"), today)
    kind = specimen_text if isinstance(specimen_text, Specimen) else specimen(specimen_text)
    panel_text = (panel or "").strip()
    if len(panel_text) > PANEL_MAX_CHARS:
        raise MeasureError(say("core.measures", "A panel's name is at most {panel_max_chars} characters.",
                               panel_max_chars=PANEL_MAX_CHARS))
    if limits.TextLimit("panel", PANEL_MAX_CHARS).problem(panel_text):
        raise MeasureError(say("core.measures", "A panel's name is one line of text."))
    out: dict[str, ScreenResult] = {}
    for name, value in results.items():
        key = substance(name)
        if key in out:
            raise MeasureError(say("core.measures", "{substances} has two results in one screen.",
                                   substances=SUBSTANCES[key]))
        out[key] = value if isinstance(value, ScreenResult) else screen_result(value)
    if not out:
        raise MeasureError(say("core.measures", "A screen needs a result for at least one substance."))
    meds: list[str] = []
    for med in expected:
        key = expected_medication(med)
        if key not in meds:
            meds.append(key)
    return Screen(day, kind, bool(observed), panel_text, dict(sorted(out.items())), tuple(sorted(meds)))


def days_since_unexpected_positive(screens: Iterable[Screen], today: date) -> int | None:
    """Days from the latest unexpected positive to ``today``; None when there is none on record."""
    latest = max((s.collected_on for s in screens if s.unexpected_positives), default=None)
    return None if latest is None else (today - latest).days


# -- mutual-help meetings ---------------------------------------------------------------------------


class MutualHelpKind(StrEnum):
    TWELVE_STEP = "12-step"
    OTHER = "other"  # SMART Recovery, Refuge Recovery, LifeRing, Celebrate Recovery, ...


MUTUAL_HELP_MAX_PER_WEEK = 50


def week_start(day: date) -> date:
    """The Monday of a day's week: mutual-help reports are kept per week."""
    return day - timedelta(days=day.weekday())


def check_mutual_help(week_of: date | str, meetings: object, kind: str, today: date) -> tuple[date, int, MutualHelpKind]:
    """A week's self-reported mutual-help meetings, checked: (Monday of the week, count, kind)."""
    day = check_day(week_of, QT_TRANSLATE_NOOP("core.measures", "week"), today)
    text = str(meetings).strip()
    if isinstance(meetings, bool) or not re.fullmatch(r"\d{1,3}", text):
        raise MeasureError(say("core.measures", "The number of meetings must be a whole number from 0 to "
                               "{mutual_help_max_per_week}.", mutual_help_max_per_week=MUTUAL_HELP_MAX_PER_WEEK))
    count = int(text)
    if count > MUTUAL_HELP_MAX_PER_WEEK:
        raise MeasureError(
            say("core.measures", "{count} meetings in one week is more than Facilitator records "
                "({mutual_help_max_per_week} at most).", count=count, mutual_help_max_per_week=MUTUAL_HELP_MAX_PER_WEEK)
        )
    try:
        which = MutualHelpKind((kind or "").strip().lower())
    except ValueError:
        raise MeasureError(say("core.measures", "A mutual-help meeting is 12-step or other, not {shown}.",
                               shown=_shown(kind))) from None
    return week_start(day), count, which


# -- entered in error ------------------------------------------------------------------------------

REASON = limits.TextLimit("reason", 500, one_line=False)


def check_error_reason(reason: str) -> str:
    text = (reason or "").strip()
    if not text:
        raise MeasureError(say("core.measures", "Give the reason this entry was entered in error."))
    REASON.check(text)
    return text


# -- the laboratory's results file ------------------------------------------------------------------

LAB_FILE_MAX_BYTES = 2 * 1024 * 1024
LAB_FILE_MAX_ROWS = 20_000
LAB_COLUMNS = ("record_number", "collected_on", "specimen", "observed", "panel", "substance", "result")
LAB_OPTIONAL = ("lab_reference", "expected")
_FORMULA_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
_YES = {"yes", "y", "true", "1", "observed"}
_NO = {"no", "n", "false", "0", "unobserved", "not observed", ""}


@dataclass(frozen=True)
class LabRow:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class LabScreen:
    """One screen in a laboratory's file: whose, and what (the rows of one specimen, together)."""

    record_number: str
    screen: Screen
    lab_reference: str
    lines: tuple[int, ...]


@dataclass
class LabFile:
    """A parsed results file: the screens it would record, or the rows that stop it."""

    screens: list[LabScreen] = field(default_factory=list)
    errors: list[LabRow] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _norm_header(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.strip().lower()).strip("_")


def parse_lab_csv(data: bytes | str, today: date) -> LabFile:
    """Read a laboratory's results CSV: one row per substance tested.

    Columns (header names; order free): record_number, collected_on (YYYY-MM-DD), specimen
    (urine or oral fluid), observed (yes/no), panel, substance, result (negative, positive,
    invalid, not tested), and optionally lab_reference (the specimen's accession number: rows
    that share it are one screen) and expected (medications separated by ";"). Rows without a
    reference are grouped by record number, date and specimen.

    Every bad row is named by its line with a sentence; the caller records all screens or
    none. A cell that starts like a spreadsheet formula is refused, never stored.
    """
    from .roster import RosterFileError, read_csv

    out = LabFile()
    if isinstance(data, bytes):
        if len(data) > LAB_FILE_MAX_BYTES:
            raise MeasureError(say("core.measures", "The file is larger than {megabytes} MB; split it into smaller "
                                   "files.", megabytes=LAB_FILE_MAX_BYTES // (1024 * 1024)))
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise MeasureError(say("core.measures", "The file is not UTF-8 text; save it from the spreadsheet as CSV "
                                   "UTF-8.")) from None
    if len(data) > LAB_FILE_MAX_BYTES:
        raise MeasureError(say("core.measures", "The file is larger than {megabytes} MB; split it into smaller files.",
                               megabytes=LAB_FILE_MAX_BYTES // (1024 * 1024)))
    try:
        table = read_csv(data)
    except RosterFileError as exc:
        raise MeasureError(say("core.measures", "The file cannot be read: {problem}.", problem=exc)) from None
    headers = [_norm_header(h) for h in table.headers]
    missing = [c for c in LAB_COLUMNS if c not in headers]
    if missing:
        raise MeasureError(
            say("core.measures", "The file's first line must name the columns {lab_columns}; missing: {missing}.",
                lab_columns=', '.join(LAB_COLUMNS), missing=', '.join(missing))
        )
    if len(table.rows) > LAB_FILE_MAX_ROWS:
        raise MeasureError(say("core.measures", "The file has more than {lab_file_max_rows:,} rows; split it into "
                               "smaller files.", lab_file_max_rows=LAB_FILE_MAX_ROWS))
    if not table.rows:
        raise MeasureError(say("core.measures", "The file has a header but no results."))
    index = {name: headers.index(name) for name in (*LAB_COLUMNS, *LAB_OPTIONAL) if name in headers}
    groups: dict[tuple[str, ...], dict[str, object]] = {}
    for line, cells in table.rows:
        problems: list[str] = []

        def cell(name: str, cells: tuple[str, ...] = cells) -> str:
            at = index.get(name)
            return cells[at].strip() if at is not None and at < len(cells) else ""

        for name in index:
            value = cell(name)
            if value[:1] in _FORMULA_STARTS:
                problems.append(f"the {name.replace('_', ' ')} {_shown(value)} starts like a spreadsheet formula")
        record = cell("record_number")
        if not record:
            problems.append("the record number is empty")
        elif limits.RECORD_NUMBER.problem(record):
            problems.append(str(limits.RECORD_NUMBER.problem(record)))
        reference = cell("lab_reference")
        if len(reference) > LAB_REFERENCE_MAX_CHARS:
            problems.append(f"the lab reference is longer than {LAB_REFERENCE_MAX_CHARS} characters")
        observed_text = cell("observed").lower()
        if observed_text not in _YES | _NO:
            problems.append(f"observed must be yes or no, not {_shown(cell('observed'))}")
        try:
            day = check_day(cell("collected_on"), QT_TRANSLATE_NOOP("core.measures", "collection date"), today)
        except MeasureError as exc:
            problems.append(str(exc).rstrip(".")[0].lower() + str(exc).rstrip(".")[1:])
            day = None
        parsed: dict[str, object] = {}
        for name, check in (("specimen", specimen), ("substance", substance), ("result", screen_result)):
            try:
                parsed[name] = check(cell(name))
            except MeasureError as exc:
                problems.append(str(exc).rstrip(".")[0].lower() + str(exc).rstrip(".")[1:])
        meds: list[str] = []
        for med in (m for m in re.split(r"[;|]", cell("expected")) if m.strip()):
            try:
                meds.append(expected_medication(med))
            except MeasureError as exc:
                problems.append(str(exc).rstrip(".")[0].lower() + str(exc).rstrip(".")[1:])
        panel = cell("panel")
        if len(panel) > PANEL_MAX_CHARS:
            problems.append(f"the panel is longer than {PANEL_MAX_CHARS} characters")
        if problems:
            out.errors.append(LabRow(line, _sentence("; ".join(problems))))
            continue
        assert day is not None
        key = (record, reference) if reference else (record, day.isoformat(), str(parsed["specimen"]))
        group = groups.setdefault(
            key,
            {"record": record, "day": day, "specimen": parsed["specimen"], "observed": observed_text in _YES,
             "panel": panel, "results": {}, "expected": set(), "reference": reference, "lines": [],
             "sub_lines": {}},
        )
        results: dict[str, ScreenResult] = group["results"]  # type: ignore[assignment]
        lines: list[int] = group["lines"]  # type: ignore[assignment]
        sub_lines: dict[str, int] = group["sub_lines"]  # type: ignore[assignment]
        same = (group["day"], group["specimen"], group["observed"], group["panel"]) == (
            day, parsed["specimen"], observed_text in _YES, panel,
        )
        if not same:
            out.errors.append(LabRow(line, _sentence(
                f"this row shares its specimen with line {lines[0]} but gives another date, specimen, panel or "
                "observed value"
            )))
            continue
        sub = str(parsed["substance"])
        if sub in results:
            out.errors.append(LabRow(line, _sentence(
                f"{SUBSTANCES[sub]} already has a result for this specimen on line {sub_lines[sub]}"
            )))
            continue
        results[sub] = parsed["result"]  # type: ignore[assignment]
        sub_lines[sub] = line
        lines.append(line)
        group["expected"].update(meds)  # type: ignore[attr-defined]
    if out.errors:
        return out
    for group in groups.values():
        screen = Screen(
            group["day"],  # type: ignore[arg-type]
            group["specimen"],  # type: ignore[arg-type]
            bool(group["observed"]),
            str(group["panel"]),
            dict(sorted(group["results"].items())),  # type: ignore[attr-defined]
            tuple(sorted(group["expected"])),  # type: ignore[call-overload]
        )
        out.screens.append(LabScreen(str(group["record"]), screen, str(group["reference"]), tuple(group["lines"])))  # type: ignore[call-overload]
    return out


# -- safety flags ----------------------------------------------------------------------------------


class FlagState(StrEnum):
    OPEN = "open"  # raised, nobody has acknowledged it yet
    ACKNOWLEDGED = "acknowledged"  # seen and being acted on; still open for notes
    RESOLVED = "resolved"  # closed, with a reason


FLAG_REASON_PHQ9 = "PHQ-9 item 9 answered above 'Not at all'"
RISK_SECTION_KEY = "risk"


def risk_line(opened_on: date, acknowledged: bool) -> str:
    """The prefill's line for a person with an open safety flag: the clinician writes the rest."""
    state = "acknowledged; follow-up open" if acknowledged else "not yet acknowledged"
    return (
        f"Open safety flag: PHQ-9 item 9 positive on {opened_on.isoformat()} ({state}). "
        "Document suicide risk assessment, thoughts of harming others, overdose risk, and whether the safety "
        "plan was reviewed."
    )


# -- the record, as the store hands it out (plain values that outlive the transaction) -------------


@dataclass(frozen=True)
class Recorded:
    """Who recorded an entry and when, and its entered-in-error mark if it has one."""

    recorded_at: object  # datetime (aware UTC)
    recorded_by: str
    error_at: object = None  # datetime or None
    error_reason: str = ""

    @property
    def in_error(self) -> bool:
        return self.error_at is not None


@dataclass(frozen=True)
class CheckInRecord:
    id: int
    participant_id: int
    meeting_id: int
    taken_on: date
    ratings: Mapping[str, int]
    mood: str
    recorded: Recorded


@dataclass(frozen=True)
class QuestionnaireRecord:
    id: int
    participant_id: int
    instrument: str
    taken_on: date
    answers: tuple[int, ...]
    total: int
    severity: str
    difficulty: int | None
    mode: str  # "in app" or "paper"
    meeting_id: int | None
    recorded: Recorded
    flag_id: int | None = None  # the safety flag this result raised, if any

    @property
    def score(self) -> Score:
        return Score(self.instrument, self.answers, self.total, self.severity, self.difficulty)


@dataclass(frozen=True)
class ScreenRecord:
    id: int
    participant_id: int
    screen: Screen
    source: str  # "clinic" or "laboratory"
    lab_reference: str
    recorded: Recorded


@dataclass(frozen=True)
class MutualHelpRecord:
    id: int
    participant_id: int
    week_of: date
    meetings: int
    kind: str
    recorded: Recorded


@dataclass(frozen=True)
class FlagRecord:
    """A safety flag and who acknowledged and resolved it, when."""

    id: int
    participant_id: int
    participant_name: str
    record_number: str
    questionnaire_id: int | None
    raised_on: date
    raised_at: object
    raised_by: str
    acknowledged_at: object = None
    acknowledged_by: str = ""
    acknowledgement: str = ""
    resolved_at: object = None
    resolved_by: str = ""
    resolution: str = ""
    version: int = 1

    @property
    def state(self) -> FlagState:
        if self.resolved_at is not None:
            return FlagState.RESOLVED
        if self.acknowledged_at is not None:
            return FlagState.ACKNOWLEDGED
        return FlagState.OPEN

    @property
    def is_open(self) -> bool:
        """Open until resolved: while it is, the person's notes need their risk section."""
        return self.resolved_at is None


@dataclass(frozen=True)
class ParticipantMeasures:
    """Everything measured for one participant over a range of days, oldest first (for charts)."""

    participant_id: int
    first: date
    last: date
    check_ins: tuple[CheckInRecord, ...]
    questionnaires: tuple[QuestionnaireRecord, ...]
    screens: tuple[ScreenRecord, ...]
    mutual_help: tuple[MutualHelpRecord, ...]
    flags: tuple[FlagRecord, ...]
    days_since_unexpected_positive: int | None  # as of ``last``; None: none on record up to then

    def series(self, scale: str) -> list[tuple[date, int]]:
        """One check-in scale over time: (day, rating)."""
        return [(c.taken_on, c.ratings[scale]) for c in self.check_ins if scale in c.ratings]

    def scores(self, instrument_key: str) -> list[tuple[date, int]]:
        """One questionnaire's totals over time: (day, total)."""
        return [(q.taken_on, q.total) for q in self.questionnaires if q.instrument == instrument_key]


@dataclass(frozen=True)
class DueRow:
    """A participant and the questionnaires due for them on a day (for Today and the CLI)."""

    participant_id: int
    preferred_name: str
    record_number: str
    due: tuple[DueMeasure, ...]
    open_flag: bool = False

    @property
    def text(self) -> str:
        return listing([d.text for d in self.due])
