"""The curriculum model: plain, immutable data loaded from curriculum files.

Every other part of Facilitator (library, runner, handouts, notes) reads curricula through
these classes, never through raw YAML. See docs/curriculum-format.md for the file format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path


class GroupType(str, Enum):
    """The five IOP group types (TIP 47)."""

    PSYCHOEDUCATION = "psychoeducation"
    SKILLS = "skills"
    SUPPORT = "support"
    SINGLE_INTEREST = "single_interest"
    FAMILY = "family"

    @property
    def label(self) -> str:
        return GROUP_TYPE_LABELS[self]


GROUP_TYPE_LABELS: dict[GroupType, str] = {
    GroupType.PSYCHOEDUCATION: "Psychoeducation",
    GroupType.SKILLS: "Skills development",
    GroupType.SUPPORT: "Support",
    GroupType.SINGLE_INTEREST: "Single-interest",
    GroupType.FAMILY: "Family and couples",
}


class ItemKind(str, Enum):
    """What an agenda item is; drives the runner's layout."""

    CHECK_IN = "check-in"
    TEACHING = "teaching"
    DISCUSSION = "discussion"
    EXERCISE = "exercise"
    ROLE_PLAY = "role-play"
    BREAK = "break"
    CHECK_OUT = "check-out"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").capitalize()


AUDIENCES = ("adults", "adolescents", "families", "mixed")


@dataclass(frozen=True)
class Role:
    name: str
    brief: str
    checklist: tuple[str, ...] = ()


@dataclass(frozen=True)
class Phase:
    name: str
    minutes: int


@dataclass(frozen=True)
class RolePlay:
    scenario: str
    roles: tuple[Role, ...]
    phases: tuple[Phase, ...]
    rounds: int = 1
    debrief: tuple[str, ...] = ()

    @property
    def round_minutes(self) -> int:
        return sum(p.minutes for p in self.phases)

    @property
    def total_minutes(self) -> int:
        return self.round_minutes * self.rounds


@dataclass(frozen=True)
class AgendaItem:
    title: str
    kind: ItemKind
    minutes: int
    script: str = ""
    prompts: tuple[str, ...] = ()
    display: str = ""
    role_play: RolePlay | None = None
    # The ratings a check-in collects (``core.measures.RATING_SCALES`` keys); None: craving.
    ratings: tuple[str, ...] | None = None


@dataclass(frozen=True)
class LinesField:
    """Ruled lines to write on."""

    prompt: str
    lines: int


@dataclass(frozen=True)
class ChecklistField:
    """Tick boxes."""

    prompt: str
    checklist: tuple[str, ...]


@dataclass(frozen=True)
class ScaleField:
    """A rating row from ``min`` to ``max`` with words at both ends."""

    prompt: str
    min: int
    max: int
    low: str = ""
    high: str = ""


WorksheetField = LinesField | ChecklistField | ScaleField


@dataclass(frozen=True)
class Handout:
    id: str
    title: str
    body: str
    worksheet: tuple[WorksheetField, ...] = ()


@dataclass(frozen=True)
class CurriculumSession:
    id: str
    title: str
    minutes: int
    objectives: tuple[str, ...]
    agenda: tuple[AgendaItem, ...]
    materials: tuple[str, ...] = ()
    handouts: tuple[Handout, ...] = ()

    @property
    def role_plays(self) -> tuple[AgendaItem, ...]:
        return tuple(i for i in self.agenda if i.role_play is not None)


@dataclass(frozen=True)
class Curriculum:
    id: str
    title: str
    group_type: GroupType
    summary: str
    session_minutes: int
    sessions: tuple[CurriculumSession, ...]
    focus: str = ""
    audience: str = "adults"
    language: str = "en"
    references: tuple[str, ...] = ()
    reviewed: date | None = None  # when a clinician last checked the content against its sources
    source: Path | None = field(default=None, compare=False)
    shipped: bool = field(default=False, compare=False)

    @property
    def handout_count(self) -> int:
        return sum(len(s.handouts) for s in self.sessions)

    @property
    def reviewed_label(self) -> str:
        """"Content reviewed November 2026", or "" when the file does not say."""
        return reviewed_label(self.reviewed)

    def session(self, session_id: str) -> CurriculumSession:
        """Return the session with this id; KeyError names what exists."""
        for s in self.sessions:
            if s.id == session_id:
                return s
        known = ", ".join(s.id for s in self.sessions)
        raise KeyError(f"curriculum {self.id!r} has no session {session_id!r} (it has: {known})")

    def session_number(self, session_id: str) -> int:
        """1-based position of a session in teaching order."""
        return [s.id for s in self.sessions].index(session_id) + 1


MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def reviewed_label(reviewed: date | None) -> str:
    """How the Library states a review date: month and year are what a reader needs."""
    if reviewed is None:
        return ""
    return f"Content reviewed {MONTHS[reviewed.month - 1]} {reviewed.year}"
