"""Groups, participants and meetings as plain data, and the roster CSV format.

The store hands these objects to the UI, the CLI and the reports; they stay valid after the
database session that read them is closed. The CSV reading here is all-or-nothing by
design: one bad row refuses the file, and every bad row is named by its line.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from facilitator.core.catalogue import QT_TRANSLATE_NOOP, listing, say

from . import limits
from .attendance import AttendanceStatus, Track, WeeklySchedule
from .changes import UserFacingError
from .curriculum import GroupType


class ParticipantStatus(str, Enum):
    ACTIVE = "active"
    COMPLETED = "completed"
    DISCHARGED = "discharged"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Audience(str, Enum):
    """Decides the default weekly hours target."""

    ADULT = "adult"
    ADOLESCENT = "adolescent"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Admission(str, Enum):
    OPEN = "open"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return "Open (rolling)" if self is Admission.OPEN else "Closed (cohort)"


class StaffRole(str, Enum):
    FACILITATOR = "facilitator"
    CO_FACILITATOR = "co_facilitator"


MAX_GOALS = 5
GOAL_MAX_CHARS = limits.GOAL.max_chars


@dataclass(frozen=True)
class ParticipantDraft:
    """What a person types (or a CSV row says) about a participant."""

    record_number: str
    preferred_name: str
    legal_name: str
    program_start: date
    date_of_birth: date | None = None
    weekly_hours_target: float | None = None
    language: str = "en"
    large_print: bool = False
    audience: Audience = Audience.ADULT
    status: ParticipantStatus = ParticipantStatus.ACTIVE
    goals: tuple[str, ...] = ()

    def problems(self) -> list[str]:
        """Sentences for everything wrong with the draft; empty when it can be saved."""
        out = []
        if not self.record_number.strip():
            out.append(say("core.roster", "the record number is empty"))
        if not self.preferred_name.strip():
            out.append(say("core.roster", "the preferred name is empty"))
        if not self.legal_name.strip():
            out.append(say("core.roster", "the legal name is empty"))
        for limit, text in (
            (limits.RECORD_NUMBER, self.record_number.strip()),
            (limits.PREFERRED_NAME, self.preferred_name),
            (limits.LEGAL_NAME, self.legal_name),
            (limits.LANGUAGE, self.language),
        ):
            problem = limit.problem(text)
            if problem:
                out.append(problem)
        if self.weekly_hours_target is not None and not 0 <= self.weekly_hours_target <= 60:
            out.append(say("core.roster", "the weekly hours target must be between 0 and 60"))
        for value, label in ((self.date_of_birth, DATE_OF_BIRTH), (self.program_start, PROGRAM_START)):
            problem = limits.date_problem(value, label)
            if problem:
                out.append(problem)
        if self.date_of_birth is not None and self.date_of_birth > self.program_start:
            out.append(say("core.roster", "the date of birth is after the program start"))
        if len(self.goals) > MAX_GOALS:
            out.append(say("core.roster", "there are more than {max_goals} treatment goals", max_goals=MAX_GOALS))
        if any(len(g) > GOAL_MAX_CHARS for g in self.goals):
            out.append(say("core.roster", "a treatment goal is longer than {goal_max_chars} characters",
                           goal_max_chars=GOAL_MAX_CHARS))
        elif any(limits.GOAL.problem(g) for g in self.goals):
            out.append(say("core.roster", "a treatment goal contains control characters"))
        return out


@dataclass(frozen=True)
class ParticipantRecord:
    id: int
    record_number: str
    preferred_name: str
    legal_name: str
    program_start: date
    date_of_birth: date | None
    weekly_hours_target: float | None
    language: str
    large_print: bool
    audience: Audience
    status: ParticipantStatus
    goals: tuple[str, ...] = ()
    version: int = 1  # the saved version this was read at; a change applies only to it

    @property
    def display_name(self) -> str:
        """What groups see: the preferred name."""
        return self.preferred_name

    def target_hours(self, rules: object) -> float:
        """The person's own target, else the clinic default for adults or adolescents."""
        if self.weekly_hours_target is not None:
            return self.weekly_hours_target
        return rules.default_target_hours(self.audience.value)  # type: ignore[attr-defined]

    def draft(self) -> ParticipantDraft:
        return ParticipantDraft(
            record_number=self.record_number,
            preferred_name=self.preferred_name,
            legal_name=self.legal_name,
            program_start=self.program_start,
            date_of_birth=self.date_of_birth,
            weekly_hours_target=self.weekly_hours_target,
            language=self.language,
            large_print=self.large_print,
            audience=self.audience,
            status=self.status,
            goals=self.goals,
        )


@dataclass(frozen=True)
class RelativeRecord:
    id: int
    participant_id: int
    name: str
    relationship: str


@dataclass(frozen=True)
class StaffRecord:
    id: int
    name: str


@dataclass(frozen=True)
class GroupDraft:
    name: str
    group_type: GroupType
    track: Track
    schedule: WeeklySchedule
    start_date: date
    end_date: date | None = None
    room: str = ""
    capacity: int = 12
    admission: Admission = Admission.OPEN
    facilitators: tuple[str, ...] = ()
    co_facilitators: tuple[str, ...] = ()

    def problems(self) -> list[str]:
        out = []
        if not self.name.strip():
            out.append(say("core.roster", "the group needs a name"))
        for limit, text in ((limits.GROUP_NAME, self.name), (limits.ROOM, self.room)):
            problem = limit.problem(text)
            if problem:
                out.append(problem)
        for value, label in ((self.start_date, QT_TRANSLATE_NOOP("core.roster", "start date")),
                             (self.end_date, QT_TRANSLATE_NOOP("core.roster", "end date"))):
            problem = limits.date_problem(value, label)
            if problem:
                out.append(problem)
        if self.end_date is not None and self.end_date < self.start_date:
            out.append(say("core.roster", "the end date is before the start date"))
        if not 1 <= self.capacity <= 100:
            out.append(say("core.roster", "the capacity must be between 1 and 100"))
        return out


@dataclass(frozen=True)
class GroupRecord:
    id: int
    name: str
    group_type: GroupType
    track: Track
    schedule: WeeklySchedule
    start_date: date
    end_date: date | None
    room: str
    capacity: int
    admission: Admission
    facilitators: tuple[str, ...] = ()
    co_facilitators: tuple[str, ...] = ()
    version: int = 1  # the saved version this was read at; a change applies only to it

    @property
    def staff_text(self) -> str:
        lead = ", ".join(self.facilitators)
        co = ", ".join(self.co_facilitators)
        return lead + (f" (co: {co})" if co else "")

    def draft(self) -> GroupDraft:
        return GroupDraft(
            name=self.name,
            group_type=self.group_type,
            track=self.track,
            schedule=self.schedule,
            start_date=self.start_date,
            end_date=self.end_date,
            room=self.room,
            capacity=self.capacity,
            admission=self.admission,
            facilitators=self.facilitators,
            co_facilitators=self.co_facilitators,
        )


@dataclass(frozen=True)
class EnrollmentRecord:
    id: int
    group_id: int
    participant_id: int
    start_date: date
    end_date: date | None
    participant_name: str = ""
    record_number: str = ""
    group_name: str = ""
    participant_status: str = ""  # the participant's status value (active, completed, ...), for lists

    def active_on(self, day: date) -> bool:
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)


@dataclass(frozen=True)
class MeetingRecord:
    id: int
    group_id: int
    group_name: str
    local_day: date
    starts_at: datetime
    ends_at: datetime
    curriculum_id: str | None
    session_id: str | None
    session_title: str
    ad_hoc: bool
    cancelled: bool
    cancel_reason: str
    room: str = ""
    actual_starts_at: datetime | None = None
    actual_ends_at: datetime | None = None
    version: int = 1  # the saved version this was read at; a change applies only to it

    @property
    def times(self) -> tuple[datetime, datetime]:
        """The meeting's actual times when a run recorded them, else the scheduled ones."""
        return (self.actual_starts_at or self.starts_at, self.actual_ends_at or self.ends_at)


@dataclass(frozen=True)
class AttendanceMark:
    """One row of the attendance sheet as the facilitator set it.

    ``attendance_id`` and ``version`` say which saved row the facilitator changed (both None:
    the person had no mark when the sheet was read). ``status`` None clears that mark. A
    mark applies only to the row it was read from; ``overwrite`` saves over whatever is
    there now, once the user has chosen to.
    """

    status: AttendanceStatus | None
    participant_id: int | None = None
    relative_id: int | None = None
    arrived_at: datetime | None = None
    left_at: datetime | None = None
    attendance_id: int | None = None
    version: int | None = None
    overwrite: bool = False

    @property
    def key(self) -> tuple[int | None, int | None]:
        return (self.participant_id, self.relative_id)


@dataclass(frozen=True)
class SheetRow:
    """One person on a meeting's attendance sheet."""

    name: str
    status: AttendanceStatus | None
    arrived_at: datetime | None
    left_at: datetime | None
    minutes: int
    participant_id: int | None = None
    relative_id: int | None = None
    record_number: str = ""
    visitor_of: str = ""
    enrolled: bool = True
    attendance_id: int | None = None  # the saved mark's row, None when the person is not marked
    version: int | None = None  # the saved mark's version

    @property
    def key(self) -> tuple[int | None, int | None]:
        return (self.participant_id, self.relative_id)

    @property
    def is_visitor(self) -> bool:
        return self.relative_id is not None


@dataclass(frozen=True)
class MeetingState:
    """A meeting as Today lists it."""

    meeting: MeetingRecord
    state: str
    enrolled: int
    marked: int
    attended: int
    facilitators: tuple[str, ...] = ()


# -- roster CSV ----------------------------------------------------------------------------

ROSTER_FIELDS = (
    "record_number",
    "preferred_name",
    "legal_name",
    "date_of_birth",
    "program_start",
    "weekly_hours_target",
    "language",
    "large_print",
)
REQUIRED_FIELDS = ("record_number", "preferred_name", "legal_name", "program_start")
# Words inside the row problems' sentences ("the date of birth ... is not a date"), for the catalogue.
DATE_OF_BIRTH = QT_TRANSLATE_NOOP("core.roster", "date of birth")
PROGRAM_START = QT_TRANSLATE_NOOP("core.roster", "program start")
ROSTER_FILE = QT_TRANSLATE_NOOP("core.roster", "roster file")

FIELD_LABELS = {
    "record_number": QT_TRANSLATE_NOOP("core.roster", "Record number"),
    "preferred_name": QT_TRANSLATE_NOOP("core.roster", "Preferred name"),
    "legal_name": QT_TRANSLATE_NOOP("core.roster", "Legal name"),
    "date_of_birth": QT_TRANSLATE_NOOP("core.roster", "Date of birth"),
    "program_start": QT_TRANSLATE_NOOP("core.roster", "Program start"),
    "weekly_hours_target": QT_TRANSLATE_NOOP("core.roster", "Weekly hours target"),
    "language": QT_TRANSLATE_NOOP("core.roster", "Language"),
    "large_print": QT_TRANSLATE_NOOP("core.roster", "Large print"),
}
_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0", ""}


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class CsvTable:
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (line in the file, cells)


@dataclass
class RosterPlan:
    """A parsed roster file: the drafts it would add, or the rows that stop it."""

    drafts: list[tuple[int, ParticipantDraft]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class RosterFileError(UserFacingError, ValueError):
    """The file as a whole cannot be read (not CSV, no header, wrong encoding)."""


class RosterFileTooBig(RosterFileError):
    """The file is past ``limits.ROSTER_FILE_MAX_BYTES``; the message is the whole sentence."""


def read_roster_text(path: str | os.PathLike[str]) -> str:
    """The text of a roster file, refused by name before it is read whole when it is too big.

    Raises ``RosterFileTooBig`` (a sentence naming the file and the limit), ``UnicodeDecodeError``
    for a file that is not UTF-8, and ``OSError`` for one that cannot be opened.
    """
    name = os.path.basename(os.fspath(path))
    with open(path, "rb") as fh:
        too_big = limits.file_too_big(os.fstat(fh.fileno()).st_size, limits.ROSTER_FILE_MAX_BYTES, ROSTER_FILE, name)
        if too_big:
            raise RosterFileTooBig(too_big)
        data = fh.read(limits.ROSTER_FILE_MAX_BYTES + 1)  # a file still growing is cut off here
    if len(data) > limits.ROSTER_FILE_MAX_BYTES:
        raise RosterFileTooBig(limits.file_too_big(len(data), limits.ROSTER_FILE_MAX_BYTES, ROSTER_FILE, name))
    return data.decode("utf-8")


def read_csv(text: str) -> CsvTable:
    """Headers and rows with the file line each row starts on; blank rows are skipped."""
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        headers = next(reader)
    except StopIteration:
        raise RosterFileError(say("core.roster", "the file is empty")) from None
    except csv.Error as exc:
        raise RosterFileError(say("core.roster", "line 1 is not valid CSV ({exc})", exc=exc)) from exc
    headers = [h.strip() for h in headers]
    if not any(headers):
        raise RosterFileError(say("core.roster", "the first line must name the columns"))
    rows: list[tuple[int, tuple[str, ...]]] = []
    line = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise RosterFileError(say("core.roster", "line {line} is not valid CSV ({exc})",
                                      line=line, exc=exc)) from exc
        if any(c.strip() for c in cells):
            rows.append((line, tuple(cells)))
        line = reader.line_num + 1
    return CsvTable(tuple(headers), tuple(rows))


def guess_mapping(headers: Sequence[str]) -> dict[str, str | None]:
    """Which column feeds each field, matching names loosely (``Record #`` -> record_number)."""

    def norm(text: str) -> str:
        return "".join(ch for ch in text.lower() if ch.isalnum())

    aliases = {
        "record_number": ("recordnumber", "record", "mrn", "recordno", "chart", "chartnumber", "clientid", "id"),
        "preferred_name": ("preferredname", "preferred", "name", "nickname", "goesby"),
        "legal_name": ("legalname", "fullname", "legal"),
        "date_of_birth": ("dateofbirth", "dob", "birthdate", "birthday"),
        "program_start": ("programstart", "startdate", "admissiondate", "admitted", "start", "admission"),
        "weekly_hours_target": ("weeklyhourstarget", "weeklyhours", "hourstarget", "hours", "target"),
        "language": ("language", "lang", "preferredlanguage"),
        "large_print": ("largeprint", "largetype", "bigprint"),
    }
    by_norm = {norm(h): h for h in headers}
    mapping: dict[str, str | None] = {}
    for name in ROSTER_FIELDS:
        mapping[name] = next((by_norm[a] for a in aliases[name] if a in by_norm), None)
    return mapping


def parse_roster(
    table: CsvTable,
    mapping: Mapping[str, str | None] | None = None,
    today: date | None = None,
) -> RosterPlan:
    """Check every row; collect drafts and every error (the caller refuses the file if any)."""
    mapping = dict(guess_mapping(table.headers) if mapping is None else mapping)
    plan = RosterPlan()
    missing = [FIELD_LABELS[f] for f in REQUIRED_FIELDS if not mapping.get(f)]
    if missing:
        plan.errors.append(RowError(1, say("core.roster", "no column is chosen for {fields}", fields=listing(missing))))
        return plan
    index = {f: table.headers.index(h) for f, h in mapping.items() if h and h in table.headers}
    seen: dict[str, int] = {}
    for line, cells in table.rows:

        def cell(name: str, cells: tuple[str, ...] = cells) -> str:
            i = index.get(name)
            return cells[i].strip() if i is not None and i < len(cells) else ""

        problems: list[str] = []
        if len(cells) > len(table.headers):
            problems.append(say("core.roster", "has {cells_count} cells but the header names {headers_count} columns",
                                cells_count=len(cells), headers_count=len(table.headers)))
        dob = _date_cell(cell("date_of_birth"), DATE_OF_BIRTH, problems, required=False)
        start = _date_cell(cell("program_start"), PROGRAM_START, problems, required=True)
        target = _hours_cell(cell("weekly_hours_target"), problems)
        large = _yes_no_cell(cell("large_print"), problems)
        language = cell("language") or "en"
        record = cell("record_number")
        if record and record in seen:
            problems.append(say("core.roster", "record number {shown} is also on line {line}",
                                shown=_shown(record), line=seen[record]))
        elif record:
            seen[record] = line
        if start is not None:
            audience = Audience.ADULT
            if dob is not None and _age_on(dob, start) < 18:
                audience = Audience.ADOLESCENT
            draft = ParticipantDraft(
                record_number=record,
                preferred_name=cell("preferred_name"),
                legal_name=cell("legal_name"),
                program_start=start,
                date_of_birth=dob,
                weekly_hours_target=target,
                language=language,
                large_print=bool(large),
                audience=audience,
            )
            problems += draft.problems()
            if today is not None and start > date(today.year + 1, today.month, 1):
                problems.append(say("core.roster", "the program start {start} is more than a year away",
                                    start=start.isoformat()))
        if problems:
            plan.errors.append(RowError(line, listing(problems, "; ")))
        elif start is not None:
            plan.drafts.append((line, draft))
    if not table.rows:
        plan.errors.append(RowError(2, "the file has a header but no participants"))
    return plan


def _date_cell(text: str, what: str, problems: list[str], required: bool) -> date | None:
    if not text:
        if required:
            problems.append(say("core.roster", "the {what} is empty", what=what))
        return None
    try:
        value = date.fromisoformat(text)
    except ValueError:
        problems.append(say("core.roster", "the {what} {shown} is not a date like 2026-03-01",
                            what=what, shown=_shown(text)))
        return None
    problem = limits.date_problem(value, what)
    if problem:
        problems.append(problem)
        return None
    return value


def _shown(text: str, most: int = 40) -> str:
    """A cell as a sentence quotes it: short, and with control characters spelled out."""
    short = text if len(text) <= most else text[:most] + "…"
    return repr(short)


def _hours_cell(text: str, problems: list[str]) -> float | None:
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        problems.append(say("core.roster", "the weekly hours target {shown} is not a number", shown=_shown(text)))
        return None
    return value


def _yes_no_cell(text: str, problems: list[str]) -> bool | None:
    folded = text.strip().lower()
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    problems.append(say("core.roster", "large print must be yes or no, not {shown}", shown=_shown(text)))
    return None


def _age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def roster_row(p: ParticipantRecord) -> dict[str, str]:
    """A participant as one roster CSV row (the import format, plus status)."""
    return {
        "record_number": p.record_number,
        "preferred_name": p.preferred_name,
        "legal_name": p.legal_name,
        "date_of_birth": p.date_of_birth.isoformat() if p.date_of_birth else "",
        "program_start": p.program_start.isoformat(),
        "weekly_hours_target": "" if p.weekly_hours_target is None else f"{p.weekly_hours_target:g}",
        "language": p.language,
        "large_print": "yes" if p.large_print else "no",
    }
