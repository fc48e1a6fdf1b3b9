"""Progress notes as plain Python: formats, prefill, aids, signing rules and deadlines.

A meeting is documented by one **group note** (the shared part: times, attendance count,
topic, agenda as run, interventions, group process) and one **individual note** per
attending participant, in the group's format (DAP, BIRP, GIRP, PIRP or SOAP). Absent
participants get no note; their absence is in the attendance record.

Prefill writes only what the app already knows (attendance, minutes, topic, the agenda as
run, role-play roles, the participant's goals, observations typed during the session). The
clinical judgement (assessment, response, plan) is left for the clinician: the aids here
warn, they never write.

Nothing here imports Qt or the database; the store keeps note content as the ``dict`` of
field key -> text that these functions read and write.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum

from facilitator.core.catalogue import core_word, listing, say

from . import limits
from .changes import UserFacingError, ValidationError

# -- formats ---------------------------------------------------------------------------------


class NoteFormat(StrEnum):
    DAP = "DAP"
    BIRP = "BIRP"
    GIRP = "GIRP"
    PIRP = "PIRP"
    SOAP = "SOAP"

    @property
    def label(self) -> str:
        return f"{self.value} ({', '.join(s.label for s in FORMAT_SECTIONS[self] if s.required)})"

    @property
    def sections(self) -> tuple[Section, ...]:
        return FORMAT_SECTIONS[self]


DEFAULT_FORMAT = NoteFormat.DAP


@dataclass(frozen=True)
class Section:
    """One field of a note: its key in the stored content, its label and a hint for the writer.

    ``shared`` marks a section whose text is expected to be alike across a meeting's notes
    (the interventions the group received); the near-identical check leaves it out.
    """

    key: str
    label: str
    hint: str
    required: bool = True
    shared: bool = False


_INTERVENTION = Section(
    "intervention",
    "Intervention",
    "What the facilitator did in this session that this person received.",
    shared=True,
)
_RESPONSE = Section("response", "Response", "How this person responded to the interventions, in observable terms.")
_PLAN = Section("plan", "Plan", "What happens next for this person: focus, homework, referrals, next session.")
# Every format ends with it. Optional, except that an individual note cannot be signed empty
# here while its participant has an open safety flag (``check_risk_section``); notes written
# before it existed simply have no text in it.
RISK = Section(
    "risk",
    "Risk and safety",
    "Thoughts of suicide or of harming others, overdose risk, and whether the safety plan was reviewed.",
    required=False,
)

FORMAT_SECTIONS: dict[NoteFormat, tuple[Section, ...]] = {
    NoteFormat.DAP: (
        Section("data", "Data", "What was observed and said: attendance, participation, quotes, behaviour."),
        Section("assessment", "Assessment", "Your clinical interpretation of the data and progress on goals."),
        _PLAN,
        RISK,
    ),
    NoteFormat.BIRP: (
        Section("behavior", "Behavior", "Observable behaviour and presentation in this session."),
        _INTERVENTION,
        _RESPONSE,
        _PLAN,
        RISK,
    ),
    NoteFormat.GIRP: (
        Section("goal", "Goal", "The treatment-plan goal(s) this session addressed for this person."),
        _INTERVENTION,
        _RESPONSE,
        _PLAN,
        RISK,
    ),
    NoteFormat.PIRP: (
        Section("problem", "Problem", "The presenting problem or treatment-plan problem addressed."),
        _INTERVENTION,
        _RESPONSE,
        _PLAN,
        RISK,
    ),
    NoteFormat.SOAP: (
        Section("subjective", "Subjective", "What the person reported, in their words."),
        Section("objective", "Objective", "What you observed: attendance, participation, affect, behaviour."),
        Section("assessment", "Assessment", "Your clinical interpretation and progress on goals."),
        _PLAN,
        RISK,
    ),
}

GROUP_SECTIONS: tuple[Section, ...] = (
    Section("date", "Date", "The meeting's date."),
    Section("start", "Start", "Actual start time."),
    Section("end", "End", "Actual end time."),
    Section("duration", "Duration (minutes)", "Actual length in minutes."),
    Section("present", "Number present", "How many participants attended."),
    Section("facilitators", "Facilitators", "Who led the group."),
    Section("group_type", "Group type", "Psychoeducation, skills, support, single-interest or family."),
    Section("curriculum", "Curriculum session", "Curriculum and session run."),
    Section("topic", "Topic", "The session's topic."),
    Section("agenda", "Agenda as run", "Each item as it actually ran, with real minutes."),
    Section("interventions", "Interventions", "What the facilitators did: teaching, rehearsal, exercises."),
    Section("group_process", "Group process", "How the group worked together: themes, cohesion, conflict."),
    Section(
        "risk",
        "Risk and safety",
        "Any risk raised in the group (suicide, harm to others, overdose) and what was done; "
        "details about one person belong in their individual note.",
        required=False,
    ),
)


def parse_format(value: str | NoteFormat | None) -> NoteFormat:
    """A stored or typed format name; unknown or empty gives the default."""
    if isinstance(value, NoteFormat):
        return value
    try:
        return NoteFormat((value or "").strip().upper())
    except ValueError:
        return DEFAULT_FORMAT


def sections_for(kind: str, note_format: NoteFormat | str | None = None) -> tuple[Section, ...]:
    return GROUP_SECTIONS if kind == "group" else parse_format(note_format).sections


def missing_required(sections: Sequence[Section], content: Mapping[str, str]) -> list[str]:
    """Labels of required fields that are empty (whitespace counts as empty)."""
    return [s.label for s in sections if s.required and not str(content.get(s.key, "") or "").strip()]


def note_text(sections: Sequence[Section], content: Mapping[str, str], include_shared: bool = True) -> str:
    parts = []
    for s in sections:
        if s.shared and not include_shared:
            continue
        text = str(content.get(s.key, "") or "").strip()
        if text:
            parts.append(text)
    return "\n".join(parts)


# -- what the app knows about a meeting -----------------------------------------------------


@dataclass(frozen=True)
class AgendaRun:
    """One agenda item as it actually ran (from the runner's record), or as planned when no run was recorded.

    ``actual_minutes`` is None for an item the run never reached. ``planned_only`` marks an
    agenda read from the curriculum because nothing was run: it says what was planned, not
    what happened. ``rounds``/``rounds_played`` are a role play's rounds and how many of
    them reached their play phase (None when that cannot be told).
    """

    title: str
    kind: str
    planned_minutes: int
    actual_minutes: float | None = None
    skipped: bool = False
    planned_only: bool = False
    rounds: int | None = None
    rounds_played: int | None = None

    @property
    def ran(self) -> bool:
        """The item ran to its end (or the session ended in it); skipped and unreached items did not."""
        return not self.planned_only and not self.skipped and self.actual_minutes is not None

    @property
    def rehearsed(self) -> bool:
        """It ran and, for a role play, at least one round reached its play phase."""
        return self.ran and (self.rounds_played is None or self.rounds_played > 0)


@dataclass(frozen=True)
class Observation:
    """A short note typed during the session about one participant, with its time."""

    at: datetime
    text: str


@dataclass(frozen=True)
class RolePlayPart:
    """Who played what: one participant's role in one round of a role play."""

    item_title: str
    round: int
    role: str


# -- when a role play's rounds were played -----------------------------------------------------

#: Phase names that mean getting ready, not playing (the shipped curricula's English and Spanish).
SET_UP_PHASES = frozenset({"set-up", "setup", "set up", "preparation", "prep", "preparación", "preparacion"})
#: A play phase counts as played when the timer ran at least this long in it; jumping straight
#: past it with "Next phase" does not make a round played.
MIN_PLAY_SECONDS = 5.0


def play_phase_index(phase_names: Sequence[str]) -> int:
    """The phase in which the roles are played: the first that is not a set-up phase."""
    for n, name in enumerate(phase_names):
        if name.strip().casefold() not in SET_UP_PHASES:
            return n
    return 0


@dataclass(frozen=True)
class RunStep:
    """One control action of a run, as the notes need it to tell when an item's timer ran."""

    at: datetime
    action: str
    source_index: int | None = None
    seconds: float | None = None
    to_source_index: int | None = None


def running_spans(
    steps: Iterable[RunStep], source_index: int, until: datetime | None
) -> tuple[list[tuple[datetime, datetime]], list[tuple[datetime, float]]]:
    """When one item's timer ran (wall-clock spans) and its "Next phase" jumps (when, seconds).

    Replays the run's controls in order: start, pause, resume, next, previous, skip, end
    move the timer; every other action leaves it alone. A span still open at the end runs
    to ``until`` (the run's end), or is dropped when there is none.
    """
    spans: list[tuple[datetime, datetime]] = []
    jumps: list[tuple[datetime, float]] = []
    current: int | None = None
    running = False
    opened: datetime | None = None

    def close(at: datetime) -> None:
        nonlocal opened
        if opened is not None:
            if at > opened:
                spans.append((opened, at))
            opened = None

    for step in steps:
        if step.action == "start":
            current, running = step.source_index, True
            if current == source_index:
                opened = step.at
        elif step.action == "pause":
            close(step.at)
            running = False
        elif step.action == "resume":
            running = True
            if current == source_index and opened is None:
                opened = step.at
        elif step.action in ("next", "previous", "skip"):
            close(step.at)
            current = step.to_source_index
            if running and current == source_index:
                opened = step.at
        elif step.action == "end":
            close(step.at)
            running, current = False, None
        elif step.action == "next_phase" and step.source_index == source_index and step.seconds:
            jumps.append((step.at, float(step.seconds)))
    if opened is not None and until is not None:
        close(until)
    return spans, jumps


@dataclass(frozen=True)
class RoundPlayed:
    """One round of a role play: how long its play phase ran, and when (wall-clock spans)."""

    round: int
    seconds: float
    spans: tuple[tuple[datetime, datetime], ...]

    @property
    def played(self) -> bool:
        return self.seconds >= MIN_PLAY_SECONDS

    def while_present(self, arrived: datetime | None, left: datetime | None) -> bool:
        """The play phase ran while someone who arrived and left at these times was in the room."""
        if not self.played:
            return False
        for begin, end in self.spans:
            if (arrived is None or end > arrived) and (left is None or begin < left):
                return True
        return False


def rounds_played(
    phases: Sequence[tuple[str, float]],
    rounds: int,
    spans: Sequence[tuple[datetime, datetime]],
    jumps: Sequence[tuple[datetime, float]] = (),
) -> list[RoundPlayed]:
    """Each round's play phase as it really ran, from when the item's timer ran and its jumps.

    ``phases`` are (name, seconds) of one round. Role-play time is the item's running time
    plus its "Next phase" jumps, as the runner counts it; round ``r``'s play phase is the
    stretch of that time from the play phase's start in round ``r`` to its end.
    """
    round_seconds = sum(seconds for _, seconds in phases)
    if round_seconds <= 0 or rounds <= 0:
        return []
    play = play_phase_index([name for name, _ in phases])
    play_start = sum(seconds for _, seconds in phases[:play])
    play_seconds = phases[play][1]
    # Pieces of steady running: (wall start, wall end, role-play time at the start).
    pieces: list[tuple[datetime, datetime, float]] = []
    rp = 0.0
    pending = sorted(jumps)
    for begin, end in sorted(spans):
        cursor = begin
        while pending and pending[0][0] <= end:
            at, seconds = pending.pop(0)
            at = max(at, cursor)
            if at > cursor:
                pieces.append((cursor, at, rp))
                rp += (at - cursor).total_seconds()
                cursor = at
            rp += seconds
        if end > cursor:
            pieces.append((cursor, end, rp))
            rp += (end - cursor).total_seconds()
    out = []
    for r in range(1, rounds + 1):
        a = (r - 1) * round_seconds + play_start
        b = a + play_seconds
        total = 0.0
        ran: list[tuple[datetime, datetime]] = []
        for wall_begin, wall_end, rp_begin in pieces:
            rp_end = rp_begin + (wall_end - wall_begin).total_seconds()
            lo, hi = max(a, rp_begin), min(b, rp_end)
            if hi > lo:
                total += hi - lo
                ran.append(
                    (wall_begin + timedelta(seconds=lo - rp_begin), wall_begin + timedelta(seconds=hi - rp_begin))
                )
        out.append(RoundPlayed(r, total, tuple(ran)))
    return out


@dataclass(frozen=True)
class MeetingFacts:
    """Everything prefill needs about a meeting, as plain data."""

    day: date
    starts_at: datetime | None
    ends_at: datetime | None
    group_name: str = ""
    group_type: str = ""
    facilitators: tuple[str, ...] = ()
    curriculum_title: str = ""
    session_title: str = ""
    session_number: int | None = None
    objectives: tuple[str, ...] = ()
    agenda: tuple[AgendaRun, ...] = ()
    present_count: int = 0
    absent_count: int = 0

    @property
    def duration_minutes(self) -> int | None:
        if self.starts_at is None or self.ends_at is None:
            return None
        return max(0, round((self.ends_at - self.starts_at).total_seconds() / 60))


@dataclass(frozen=True)
class AttendeeFacts:
    """One attending participant as prefill sees them."""

    participant_id: int
    preferred_name: str
    legal_name: str = ""
    status: str = "present"
    minutes_attended: int | None = None
    goals: tuple[str, ...] = ()
    roles: tuple[RolePlayPart, ...] = ()
    arrived_at: datetime | None = None  # a late arrival's time, as attendance holds it
    left_at: datetime | None = None  # an early departure's time
    observations: tuple[Observation, ...] = ()
    check_in: str = ""  # "Check-in: craving 7/10, up from 3 last week." (core.measures.check_in_line)
    risk: str = ""  # a line for the risk section while a safety flag is open (core.measures.risk_line)


INTERVENTION_PHRASES: dict[str, str] = {
    "check-in": "Facilitated check-in on recent use, cravings and mood",
    "teaching": "Psychoeducation: {title}",
    "discussion": "Facilitated group discussion: {title}",
    "exercise": "Guided skills exercise: {title}",
    "role-play": "Behavioral rehearsal (role play): {title}",
    "check-out": "Facilitated check-out: review of plans until next session",
}


def interventions_from_agenda(agenda: Iterable[AgendaRun]) -> list[str]:
    """One line per item that ran and is an intervention.

    Breaks, skipped items, items the session never reached, a role play whose rounds never
    reached their play phase, and a plan with no run recorded are all left out: an
    intervention is something the group received.
    """
    lines: list[str] = []
    for item in agenda:
        if not item.rehearsed:
            continue
        phrase = INTERVENTION_PHRASES.get(item.kind)
        if phrase is None:
            continue
        line = phrase.format(title=item.title)
        if line not in lines:
            lines.append(line)
    return lines


def _minutes(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(round(value)))


def _rounds_text(item: AgendaRun) -> str:
    if item.rounds is None or item.rounds_played is None:
        return ""
    if item.rounds_played == 0:
        return "; no round reached its play phase"
    return f"; {item.rounds_played} of {item.rounds} round{'s' if item.rounds != 1 else ''} played"


def agenda_line(item: AgendaRun) -> str:
    """One item of "Agenda as run", saying what happened to it."""
    head = f"{item.title} ({item.kind})"
    if item.planned_only:
        return f"{head}: planned {item.planned_minutes} min"
    if item.skipped:
        ran = item.actual_minutes or 0
        after = f" after {_minutes(ran)} min" if ran >= 0.5 else ""
        return f"{head}: skipped{after} (planned {item.planned_minutes} min)"
    if item.actual_minutes is None:
        return f"{head}: not reached (planned {item.planned_minutes} min)"
    return f"{head}: {_minutes(item.actual_minutes)} min (planned {item.planned_minutes}){_rounds_text(item)}"


NO_RUN_RECORDED = "No run of this session was recorded; the planned agenda was:"


def agenda_as_run(agenda: Iterable[AgendaRun]) -> str:
    items = list(agenda)
    lines = [agenda_line(i) for i in items]
    if items and all(i.planned_only for i in items):
        lines.insert(0, NO_RUN_RECORDED)
    return "\n".join(lines)


def _clock(value: datetime | None, zone: tzinfo) -> str:
    return value.astimezone(zone).strftime("%H:%M") if value is not None else ""


def topic_line(facts: MeetingFacts) -> str:
    if not facts.session_title:
        return facts.curriculum_title
    return facts.session_title


def prefill_group(facts: MeetingFacts, zone: tzinfo = UTC) -> dict[str, str]:
    """The group note as far as the record goes; group process is left for the writer."""
    curriculum = facts.curriculum_title
    if facts.session_title:
        number = f"session {facts.session_number}: " if facts.session_number else ""
        curriculum = f"{curriculum}, {number}{facts.session_title}" if curriculum else facts.session_title
    duration = facts.duration_minutes
    present = str(facts.present_count)
    if facts.absent_count:
        present += f" (absent: {facts.absent_count})"
    return {
        "date": facts.day.isoformat(),
        "start": _clock(facts.starts_at, zone),
        "end": _clock(facts.ends_at, zone),
        "duration": "" if duration is None else str(duration),
        "present": present,
        "facilitators": ", ".join(facts.facilitators),
        "group_type": facts.group_type,
        "curriculum": curriculum,
        "topic": topic_line(facts),
        "agenda": agenda_as_run(facts.agenda),
        "interventions": "\n".join(interventions_from_agenda(facts.agenda)),
        "group_process": "",
        "risk": "",
    }


STATUS_WORDS = {
    "present": "Present",
    "late": "Arrived late",
    "left_early": "Left early",
    "left early": "Left early",
}


def attendance_line(facts: MeetingFacts, person: AttendeeFacts, zone: tzinfo = UTC) -> str:
    status = STATUS_WORDS.get(person.status, person.status.replace("_", " ").capitalize())
    if person.status == "late" and person.arrived_at is not None:
        status += f" at {_clock(person.arrived_at, zone)}"
    elif person.status in ("left_early", "left early") and person.left_at is not None:
        status += f" at {_clock(person.left_at, zone)}"
    total = facts.duration_minutes
    if person.minutes_attended is not None and total:
        minutes = f"; attended {person.minutes_attended} of {total} minutes"
    elif person.minutes_attended is not None:
        minutes = f"; attended {person.minutes_attended} minutes"
    else:
        minutes = ""
    topic = topic_line(facts)
    about = f" Session topic: {topic}." if topic else ""
    return f"{status}{minutes}.{about}"


def roles_line(person: AttendeeFacts) -> str:
    if not person.roles:
        return ""
    by_item: dict[str, list[str]] = {}
    for part in person.roles:
        by_item.setdefault(part.item_title, []).append(f"{part.role} (round {part.round})")
    pieces = [f"“{title}” as {_and(parts)}" for title, parts in by_item.items()]
    return "Took part in the role play " + "; and in ".join(pieces) + "."


def _and(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def observation_lines(person: AttendeeFacts, zone: tzinfo = UTC) -> list[str]:
    return [f"[{_clock(o.at, zone)}] {o.text.strip()}" for o in sorted(person.observations, key=lambda o: o.at)]


def goals_text(person: AttendeeFacts) -> str:
    return "\n".join(f"- {g}" for g in person.goals if g.strip())


def _join(*parts: str) -> str:
    return "\n".join(p for p in parts if p)


def prefill_individual(
    note_format: NoteFormat | str, facts: MeetingFacts, person: AttendeeFacts, zone: tzinfo = UTC
) -> dict[str, str]:
    """An individual note with the facts filled in and the judgement sections left empty.

    Where the facts go depends on the format: DAP's Data, BIRP's Behavior, SOAP's Objective,
    GIRP's and PIRP's Response (their first section holds the person's goals).
    """
    fmt = parse_format(note_format)
    observed = _join(
        attendance_line(facts, person, zone),
        person.check_in,
        roles_line(person),
        "\n".join(observation_lines(person, zone)),
    )
    interventions = "\n".join(interventions_from_agenda(facts.agenda))
    goals = goals_text(person)
    content = {s.key: "" for s in fmt.sections}
    if fmt is NoteFormat.DAP:
        content["data"] = observed
    elif fmt is NoteFormat.BIRP:
        content["behavior"] = observed
        content["intervention"] = interventions
    elif fmt is NoteFormat.GIRP:
        content["goal"] = goals
        content["intervention"] = interventions
        content["response"] = observed
    elif fmt is NoteFormat.PIRP:
        content["problem"] = goals
        content["intervention"] = interventions
        content["response"] = observed
    else:
        content["objective"] = observed
    if RISK.key in content:
        content[RISK.key] = person.risk
    return content


def append_observation(content: dict[str, str], note_format: NoteFormat | str, line: str) -> dict[str, str]:
    """Add an observation line to the section where the format keeps what was observed."""
    key = OBSERVED_SECTION[parse_format(note_format)]
    current = content.get(key, "").rstrip()
    out = dict(content)
    out[key] = f"{current}\n{line}" if current else line
    return out


OBSERVED_SECTION: dict[NoteFormat, str] = {
    NoteFormat.DAP: "data",
    NoteFormat.BIRP: "behavior",
    NoteFormat.GIRP: "response",
    NoteFormat.PIRP: "response",
    NoteFormat.SOAP: "objective",
}

# -- aids: other participants named, near-identical notes -----------------------------------


@dataclass(frozen=True)
class PersonNames:
    participant_id: int
    preferred_name: str
    legal_name: str = ""

    def tokens(self) -> set[str]:
        """Every name by which the person could be written: preferred, full legal, and its parts."""
        names = {self.preferred_name.strip(), self.legal_name.strip()}
        names.update(part for part in self.legal_name.split() if len(part) >= 2)
        names.update(part for part in self.preferred_name.split() if len(part) >= 2)
        return {n.casefold() for n in names if n}


@dataclass(frozen=True)
class NameWarning:
    participant_id: int
    name: str  # as the person is known (preferred name)
    found: str  # the words as they appear in the note

    @property
    def sentence(self) -> str:
        return say("core.notes", "This note names another participant ({found}); other members must not appear in a "
                   "person's record. Use \"a peer\" instead.", found=self.found)


def _name_pattern(name: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in name.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def other_participants_named(
    text: str, subject: PersonNames | None, others: Iterable[PersonNames]
) -> list[NameWarning]:
    """Other participants whose preferred or legal name appears in ``text`` as whole words.

    Names the subject shares (two members called Chris) are not flagged: the note may name
    its own subject.
    """
    own = subject.tokens() if subject else set()
    warnings: list[NameWarning] = []
    for person in others:
        if subject is not None and person.participant_id == subject.participant_id:
            continue
        candidates = sorted(person.tokens() - own, key=len, reverse=True)
        for name in candidates:
            match = _name_pattern(name).search(text)
            if match:
                warnings.append(NameWarning(person.participant_id, person.preferred_name, match.group(0)))
                break
    return warnings


@dataclass(frozen=True)
class SimilarPair:
    first: object
    second: object
    similarity: float  # 0..1

    @property
    def percent(self) -> int:
        return int(round(self.similarity * 100))


SIMILARITY_THRESHOLD = 0.8
MIN_WORDS_TO_COMPARE = 12
_WORD = re.compile(r"[\w']+")


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _shingles(words: list[str], size: int = 3) -> set[tuple[str, ...]]:
    if len(words) < size:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def similarity(a: str, b: str) -> float:
    """How alike two notes are, 0..1: the larger of word-shingle overlap and difflib's ratio."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    sa, sb = _shingles(wa), _shingles(wb)
    jaccard = len(sa & sb) / len(sa | sb)
    if jaccard >= SIMILARITY_THRESHOLD:
        return jaccard
    ratio = difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio()
    return max(jaccard, ratio)


def near_identical(
    texts: Mapping[object, str], threshold: float = SIMILARITY_THRESHOLD, min_words: int = MIN_WORDS_TO_COMPARE
) -> list[SimilarPair]:
    """Pairs of notes (keyed as given) that read nearly the same, most alike first.

    Notes shorter than ``min_words`` are not compared: two empty drafts are not clones.
    """
    keys = [k for k, t in texts.items() if len(_words(t)) >= min_words]
    pairs: list[SimilarPair] = []
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            score = similarity(texts[a], texts[b])
            if score >= threshold:
                pairs.append(SimilarPair(a, b, score))
    pairs.sort(key=lambda p: p.similarity, reverse=True)
    return pairs


def strip_prefill(text: str, prefill: str) -> str:
    """The lines of ``text`` that the writer added or changed (prefilled lines removed)."""
    given = {line.strip() for line in prefill.splitlines() if line.strip()}
    return "\n".join(line for line in text.splitlines() if line.strip() and line.strip() not in given)


# -- status and signing ----------------------------------------------------------------------


class NoteStatus(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"  # final: the author needs no co-signature
    AWAITING_COSIGN = "awaiting_cosign"
    RETURNED = "returned"
    COSIGNED = "cosigned"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def editable(self) -> bool:
        return self in EDITABLE

    @property
    def locked(self) -> bool:
        return self in LOCKED


STATUS_LABELS = {
    NoteStatus.DRAFT: "Draft",
    NoteStatus.SIGNED: "Signed",
    NoteStatus.AWAITING_COSIGN: "Awaiting co-signature",
    NoteStatus.RETURNED: "Returned",
    NoteStatus.COSIGNED: "Co-signed",
}
EDITABLE = frozenset({NoteStatus.DRAFT, NoteStatus.RETURNED})
LOCKED = frozenset({NoteStatus.SIGNED, NoteStatus.AWAITING_COSIGN, NoteStatus.COSIGNED})
COMPLETE = frozenset({NoteStatus.SIGNED, NoteStatus.COSIGNED})


class NoteAction(StrEnum):
    SIGN = "sign"
    RETURN = "return"
    COSIGN = "co-sign"


class NoteStateError(UserFacingError):
    """The action does not apply to a note in this state; the message is a sentence."""


def next_status(status: NoteStatus | str, action: NoteAction, needs_cosign: bool = False) -> NoteStatus:
    """The status after ``action``, or NoteStateError saying why not.

    draft/returned --sign--> signed (final) or awaiting co-signature;
    awaiting --co-sign--> co-signed; awaiting --return--> returned (editable again).
    """
    current = NoteStatus(status)
    if action is NoteAction.SIGN:
        if current not in EDITABLE:
            raise NoteStateError(say("core.notes", "This note is {label} and cannot be signed again.",
                                     label=core_word(current.label, lower=True)))
        return NoteStatus.AWAITING_COSIGN if needs_cosign else NoteStatus.SIGNED
    if current is not NoteStatus.AWAITING_COSIGN:
        label = core_word(current.label, lower=True)
        if action is NoteAction.COSIGN:
            raise NoteStateError(say("core.notes", "Only a note awaiting co-signature can be co-signed; this one is "
                                     "{label}.", label=label))
        raise NoteStateError(say("core.notes", "Only a note awaiting co-signature can be returned; this one is "
                                 "{label}.", label=label))
    return NoteStatus.COSIGNED if action is NoteAction.COSIGN else NoteStatus.RETURNED


def content_problem(sections: Sequence[Section], content: Mapping[str, object]) -> str | None:
    """A sentence when a note's content cannot be stored: a section past its length limit
    ("The Data section is longer than 20,000 characters."), control characters, or the whole
    note past what the database holds; None when it fits.
    """
    labels = {s.key: s.label for s in sections}
    for key, value in content.items():
        text = "" if value is None else str(value)
        label = labels.get(str(key), str(key))
        section = limits.TextLimit(label, limits.NOTE_SECTION.max_chars, one_line=False)
        if len(text) > section.max_chars:
            return say("core.notes", "The {label} section is longer than {max_chars:,} characters.",
                       label=core_word(label), max_chars=section.max_chars)
        if section.problem(text):
            return say("core.notes", "The {label} section contains control characters.", label=core_word(label))
    # Measured as it is stored (JSON, with its quoting), so the database's own limit is never the one met.
    stored = json.dumps({str(k): "" if v is None else str(v) for k, v in content.items()}, ensure_ascii=False)
    if len(stored) > limits.NOTE_CONTENT_MAX_CHARS:
        return say("core.notes", "The note is longer than the {note_content_max_chars:,} characters a note can hold in "
                   "all.", note_content_max_chars=limits.NOTE_CONTENT_MAX_CHARS)
    return None


def check_content(sections: Sequence[Section], content: Mapping[str, object]) -> None:
    """Raise ValidationError (one sentence naming the section and its limit) unless it fits."""
    problem = content_problem(sections, content)
    if problem:
        raise ValidationError(problem)


def check_can_sign(sections: Sequence[Section], content: Mapping[str, str], name: str, credentials: str) -> None:
    """Signing needs every required field and a name on the signer's account; raises NoteStateError.

    ``name`` and ``credentials`` are the signed-in account's, never typed at signing. Content
    past its limits raises ValidationError (``check_content``).
    """
    check_content(sections, content)
    missing = missing_required(sections, content)
    if missing:
        raise NoteStateError(say("core.notes", "Fill in {sections} before signing.",
                                 sections=listing([core_word(label) for label in missing])))
    if not name.strip():
        raise NoteStateError(say("core.notes", "Your account has no name to sign with; ask an administrator to add it.",
                                 ))
    if len(credentials) > 100:
        raise NoteStateError(say("core.notes", "The credentials on your account are too long (100 characters at most).",
                                 ))


def check_risk_section(content: Mapping[str, str], flag_open: bool, name: str = "") -> None:
    """While a safety flag is open for the person, their note cannot be signed without its risk section."""
    if flag_open and not str(content.get(RISK.key, "") or "").strip():
        raise NoteStateError(say("core.notes", "{name} has an open safety flag: fill in Risk and safety before "
                                 "signing.", name=name or say("core.notes", "This participant")))


def check_can_add_addendum(status: NoteStatus | str, text: str) -> None:
    if NoteStatus(status) not in LOCKED:
        raise NoteStateError(say("core.notes", "Only a signed note takes an addendum; change the draft instead."))
    if not text.strip():
        raise NoteStateError(say("core.notes", "Type the addendum's text."))
    limits.ADDENDUM.check(text.strip())


def check_can_mark_in_error(status: NoteStatus | str, already: bool, reason: str) -> None:
    if already:
        raise NoteStateError(say("core.notes", "This note is already marked entered in error."))
    if NoteStatus(status) not in LOCKED:
        raise NoteStateError(say("core.notes", "Only a signed note can be marked entered in error; a draft can simply "
                                 "be changed."))
    if not reason.strip():
        raise NoteStateError(say("core.notes", "Give the reason the note was entered in error."))
    limits.TextLimit("reason", limits.COMMENT.max_chars, one_line=False).check(reason.strip())


def check_return_comment(comment: str) -> str:
    """The reviewer's comment on a returned note; a sentence naming the limit when too long."""
    return limits.COMMENT.check(comment)


def check_observation(text: str) -> str:
    """An observation typed during the session; a sentence naming the limit when too long."""
    return limits.OBSERVATION.check(text)


def signature_text(name: str, credentials: str) -> str:
    name, credentials = name.strip(), credentials.strip()
    return f"{name}, {credentials}" if credentials else name


# -- deadlines -------------------------------------------------------------------------------

DEFAULT_DEADLINE_BUSINESS_DAYS = 3


def add_business_days(start: date, days: int, holidays: Iterable[date] = ()) -> date:
    """The date ``days`` business days (Monday to Friday, not holidays) after ``start``."""
    off = set(holidays)
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if current.weekday() < 5 and current not in off:
            remaining -= 1
    return current


def due_date(
    meeting_day: date, business_days: int = DEFAULT_DEADLINE_BUSINESS_DAYS, holidays: Iterable[date] = ()
) -> date:
    return add_business_days(meeting_day, business_days, holidays)


def is_overdue(
    status: NoteStatus | str,
    meeting_day: date,
    today: date,
    business_days: int = DEFAULT_DEADLINE_BUSINESS_DAYS,
    holidays: Iterable[date] = (),
) -> bool:
    """A note is overdue when it is not finished (signed, co-signed if needed) after its due date."""
    if NoteStatus(status) in COMPLETE:
        return False
    return today > due_date(meeting_day, business_days, holidays)


def age_text(since: datetime, now: datetime) -> str:
    seconds = max(0, int((now - since).total_seconds()))
    if seconds < 3600:
        return f"{seconds // 60} min"
    if seconds < 86400:
        return f"{seconds // 3600} h"
    return f"{seconds // 86400} d"


@dataclass
class MeetingWarnings:
    """Every aid's findings for one meeting's notes, for the editor and the reviewer."""

    missing: dict[object, list[str]] = field(default_factory=dict)
    names: dict[object, list[NameWarning]] = field(default_factory=dict)
    similar: list[SimilarPair] = field(default_factory=list)
