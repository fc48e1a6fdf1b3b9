"""What the notes service hands out: plain, frozen values that outlive their connection."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from ...core import notes as cn
from ...core.changes import UserFacingError
from ...core.notes import NoteFormat, NoteStatus


class NotesError(UserFacingError):
    """A notes action cannot be done; the message is one sentence for the user."""


@dataclass(frozen=True)
class DraftSaved:
    """A saved draft: the version the next save must name, and when it was saved."""

    note_id: int
    version: int
    saved_at: datetime


@dataclass(frozen=True)
class AddendumView:
    id: int
    created_at: datetime
    author_name: str
    author_credentials: str
    text: str

    @property
    def signature(self) -> str:
        return cn.signature_text(self.author_name, self.author_credentials)


@dataclass(frozen=True)
class RoundView:
    round: int
    note_format: str
    content: dict[str, str]
    signed_at: datetime
    signer_name: str
    signer_credentials: str
    outcome: str
    reviewed_at: datetime | None
    reviewer_name: str
    reviewer_credentials: str
    comment: str

    @property
    def signature(self) -> str:
        return cn.signature_text(self.signer_name, self.signer_credentials)

    @property
    def reviewer_signature(self) -> str:
        return cn.signature_text(self.reviewer_name, self.reviewer_credentials)


@dataclass(frozen=True)
class NoteView:
    id: int
    kind: str
    meeting_id: int
    meeting_day: date
    group_id: int
    group_name: str
    participant_id: int | None
    participant_name: str
    record_number: str
    author_id: int
    author_name: str
    note_format: str
    status: NoteStatus
    round: int
    content: dict[str, str]
    created_at: datetime
    updated_at: datetime
    signed_at: datetime | None = None
    signer_name: str = ""
    signer_credentials: str = ""
    cosigned_at: datetime | None = None
    cosigner_name: str = ""
    cosigner_credentials: str = ""
    returned_at: datetime | None = None
    return_comment: str = ""
    error_at: datetime | None = None
    error_reason: str = ""
    addenda: tuple[AddendumView, ...] = ()
    version: int = 1  # what a save, a signature or a review of this view applies to
    updated_by_name: str = ""  # who saved this version

    @property
    def sections(self) -> tuple[cn.Section, ...]:
        return cn.sections_for(self.kind, self.note_format)

    @property
    def is_group(self) -> bool:
        return self.kind == "group"

    @property
    def editable(self) -> bool:
        return self.status.editable

    @property
    def in_error(self) -> bool:
        return self.error_at is not None

    @property
    def signature(self) -> str:
        return cn.signature_text(self.signer_name, self.signer_credentials) if self.signed_at else ""

    @property
    def cosignature(self) -> str:
        return cn.signature_text(self.cosigner_name, self.cosigner_credentials) if self.cosigned_at else ""

    @property
    def title(self) -> str:
        what = "Group note" if self.is_group else f"{self.participant_name} ({self.note_format})"
        return f"{what}: {self.group_name}, {self.meeting_day.isoformat()}"

    @property
    def missing(self) -> list[str]:
        return cn.missing_required(self.sections, self.content)

    @property
    def text(self) -> str:
        return cn.note_text(self.sections, self.content)


@dataclass(frozen=True)
class AbsentPerson:
    participant_id: int
    name: str
    status: str


@dataclass(frozen=True)
class MeetingNotes:
    """A meeting's documentation: group note, one note per attendee, and who was absent."""

    meeting_id: int
    group_id: int
    group_name: str
    day: date
    note_format: NoteFormat
    facts: cn.MeetingFacts
    group_note: NoteView | None
    individual: tuple[NoteView, ...]
    absent: tuple[AbsentPerson, ...]
    people: tuple[cn.PersonNames, ...]
    facilitator_ids: tuple[int, ...] = ()

    @property
    def notes(self) -> tuple[NoteView, ...]:
        return ((self.group_note,) if self.group_note else ()) + self.individual

    def person(self, participant_id: int | None) -> cn.PersonNames | None:
        return next((p for p in self.people if p.participant_id == participant_id), None)


@dataclass(slots=True)  # not frozen: built 500 at a time when the queue opens, and frozen init is slow
class QueueItem:
    note_id: int
    kind: str
    meeting_id: int
    meeting_day: date
    group_name: str
    participant_name: str
    author_name: str
    created_at: datetime
    signed_at: datetime | None
    age: str
    age_days: int
    due: date
    overdue: bool


@dataclass(frozen=True)
class NoteSummary:
    note_id: int
    kind: str
    meeting_id: int
    meeting_day: date
    group_name: str
    participant_name: str
    status: NoteStatus
    updated_at: datetime
    due: date
    overdue: bool
    return_comment: str = ""


@dataclass
class MyNotes:
    """A counselor's own notes still open: drafts, returned ones, and those waiting for co-signature.

    ``overdue`` is the author's own late work (drafts and returned notes past the clinic's
    deadline); a note signed on time and waiting for the supervisor is never in it.
    """

    drafts: list[NoteSummary] = field(default_factory=list)
    returned: list[NoteSummary] = field(default_factory=list)
    overdue: list[NoteSummary] = field(default_factory=list)
    awaiting: list[NoteSummary] = field(default_factory=list)


@dataclass(frozen=True)
class LateDraft:
    """A counselor's draft (or returned note) past the clinic's deadline."""

    note_id: int
    kind: str
    meeting_id: int
    meeting_day: date
    group_name: str
    participant_name: str
    author_name: str
    status: NoteStatus
    due: date
    days_late: int


@dataclass(frozen=True)
class UndocumentedMeeting:
    """A meeting that was held (someone attended, and it is over) with no note at all."""

    meeting_id: int
    meeting_day: date
    group_name: str
    facilitators: str
    attended: int
    due: date


@dataclass(frozen=True)
class OnTimeRate:
    """One counselor's notes due in the window and how many were signed by their due date."""

    author_id: int
    author_name: str
    due: int
    on_time: int

    @property
    def percent(self) -> int:
        return round(100 * self.on_time / self.due) if self.due else 100


@dataclass
class ReviewDesk:
    """What needs the supervisor, across all counselors."""

    awaiting: list[QueueItem] = field(default_factory=list)
    late_drafts: list[LateDraft] = field(default_factory=list)
    undocumented: list[UndocumentedMeeting] = field(default_factory=list)
    on_time: list[OnTimeRate] = field(default_factory=list)
    deadline_days: int = 3
    window_days: int = 30


@dataclass(frozen=True)
class ObservationView:
    id: int
    meeting_id: int
    participant_id: int
    at: datetime
    text: str


# -- warnings over a meeting ---------------------------------------------------------------


def meeting_warnings(
    meeting: MeetingNotes, contents: Mapping[int, Mapping[str, str]] | None = None
) -> cn.MeetingWarnings:
    """Missing fields, other participants named, and near-identical pairs for a meeting.

    ``contents`` overrides stored content by note id (what the editor holds right now).
    """
    contents = contents or {}
    out = cn.MeetingWarnings()
    texts: dict[object, str] = {}
    for note in meeting.notes:
        content = contents.get(note.id, note.content)
        out.missing[note.id] = cn.missing_required(note.sections, content)
        full = cn.note_text(note.sections, content)
        subject = meeting.person(note.participant_id)
        if note.is_group:
            named = cn.other_participants_named(full, None, meeting.people)
        else:
            named = cn.other_participants_named(full, subject, meeting.people)
            texts[note.id] = cn.note_text(note.sections, content, include_shared=False)
        if named:
            out.names[note.id] = named
    out.similar = cn.near_identical(texts)
    return out
