"""The notes service: write, autosave, sign, review, amend and read progress notes.

Every call takes the signed-in ``Principal`` and checks ``core.permissions`` before it reads
or writes. Signing rules and warnings come from ``core.notes``; the database's triggers
(migration 0004) lock what is signed, so a bug here could not change a signed note either.

``save_draft`` is the hot path (the editor calls it as the user types): one UPDATE by
primary key, guarded in its WHERE clause by author and status, and only when it matches
nothing does it look up why.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..core import notes as cn
from ..core.changes import UserFacingError
from ..core.clock import Clock, SystemClock
from ..core.notes import NoteAction, NoteFormat, NoteStateError, NoteStatus
from ..core.notes_print import NotesPrint, PrintedAddendum, PrintedNote
from ..core.permissions import (
    PermissionDenied,
    Principal,
    can_view_notes,
    require_cosign,
    require_edit_note,
    require_return_note,
    require_signed_in,
    require_view_notes,
    require_write_note,
)
from .models import (
    Attendance,
    CareGroup,
    GroupStaff,
    Meeting,
    Participant,
    ParticipantGoal,
    Staff,
    UserAccount,
)
from .models.notes import GroupNoteFormat, NoteAddendum, NoteObservation, NoteRound, ProgressNote

log = logging.getLogger(__name__)

NOTE = ProgressNote.__table__  # type: ignore[attr-defined]
ROUND = NoteRound.__table__  # type: ignore[attr-defined]
ADDENDUM = NoteAddendum.__table__  # type: ignore[attr-defined]
OBSERVATION = NoteObservation.__table__  # type: ignore[attr-defined]
GROUP_FORMAT = GroupNoteFormat.__table__  # type: ignore[attr-defined]
MEETING = Meeting.__table__  # type: ignore[attr-defined]
GROUP = CareGroup.__table__  # type: ignore[attr-defined]
PARTICIPANT = Participant.__table__  # type: ignore[attr-defined]
USER = UserAccount.__table__  # type: ignore[attr-defined]
ATTENDANCE = Attendance.__table__  # type: ignore[attr-defined]
AUTHOR = USER.alias("author")

FORMAT_SETTING = "note_format"
DEADLINE_SETTING = "note_deadline_business_days"
ZONE_SETTING = "clinic_time_zone"
ATTENDED = ("present", "late", "left_early")
EDITABLE_VALUES = tuple(s.value for s in cn.EDITABLE)


def _table(name: str) -> sa.Table | None:
    """A table of another area (the session runner's), when this schema has it."""
    from sqlmodel import SQLModel

    return SQLModel.metadata.tables.get(name)


class NotesError(UserFacingError):
    """A notes action cannot be done; the message is one sentence for the user."""


class _Settings:
    def get(self, key: str) -> str:  # pragma: no cover - protocol
        raise NotImplementedError


# -- plain results ---------------------------------------------------------------------------


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
    drafts: list[NoteSummary] = field(default_factory=list)
    returned: list[NoteSummary] = field(default_factory=list)
    overdue: list[NoteSummary] = field(default_factory=list)
    awaiting: list[NoteSummary] = field(default_factory=list)


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


# -- the service -----------------------------------------------------------------------------


def _loads(text: str | None) -> dict[str, str]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        log.warning("A note's stored content is not JSON; showing it as one field")
        return {"data": str(text)}
    if not isinstance(value, dict):
        return {}
    return {str(k): "" if v is None else str(v) for k, v in value.items()}


def _dumps(content: Mapping[str, object]) -> str:
    return json.dumps({str(k): "" if v is None else str(v) for k, v in content.items()}, ensure_ascii=False)


class NotesService:
    """Progress notes with a short connection or session per call."""

    def __init__(
        self,
        engine: Engine,
        settings: _Settings | None = None,
        library: Callable[[], object] | object | None = None,
        clock: Clock | None = None,
        audit: object | None = None,
    ) -> None:
        self._engine = engine
        self._settings = settings
        if library is None or callable(library):
            self._library = library
        else:
            self._library = lambda lib=library: lib
        self._clock = clock or SystemClock()
        self._audit = audit

    # -- clinic rules ----------------------------------------------------------------------

    def _setting(self, key: str) -> str:
        if self._settings is None:
            return ""
        try:
            return (self._settings.get(key) or "").strip()
        except Exception:  # a settings problem must not stop documentation
            log.exception("Could not read setting %s", key)
            return ""

    def deadline_days(self) -> int:
        raw = self._setting(DEADLINE_SETTING)
        try:
            days = int(raw)
        except ValueError:
            return cn.DEFAULT_DEADLINE_BUSINESS_DAYS
        return days if 0 <= days <= 60 else cn.DEFAULT_DEADLINE_BUSINESS_DAYS

    def clinic_format(self) -> NoteFormat:
        return cn.parse_format(self._setting(FORMAT_SETTING))

    def zone(self) -> tzinfo:
        name = self._setting(ZONE_SETTING)
        if name:
            try:
                return ZoneInfo(name)
            except Exception:
                log.warning("Unknown clinic time zone %r; using this computer's", name)
        local = datetime.now().astimezone().tzinfo
        return local or UTC

    def today(self) -> date:
        return self._clock.now().astimezone(self.zone()).date()

    def group_format(self, group_id: int) -> NoteFormat:
        with self._engine.connect() as conn:
            value = conn.execute(
                sa.select(GROUP_FORMAT.c.note_format).where(GROUP_FORMAT.c.group_id == group_id)
            ).scalar()
        return cn.parse_format(value) if value else self.clinic_format()

    def set_group_format(self, principal: Principal | None, group_id: int, note_format: NoteFormat | str) -> None:
        """A group's note format; supervisors and administrators choose it."""
        p = require_signed_in(principal)
        if not (p.is_supervisor or p.is_administrator):
            raise PermissionDenied("Only a supervisor or an administrator can choose a group's note format.")
        fmt = cn.parse_format(note_format)
        with self._engine.begin() as conn:
            conn.execute(GROUP_FORMAT.delete().where(GROUP_FORMAT.c.group_id == group_id))
            conn.execute(GROUP_FORMAT.insert().values(group_id=group_id, note_format=fmt.value))

    # -- audit -----------------------------------------------------------------------------

    def _record(
        self,
        principal: Principal | None,
        action: str,
        record_id: object,
        participant_id: int | None = None,
        detail: str = "",
        connection: Connection | None = None,
        record_type: str = "progress_note",
    ) -> None:
        if self._audit is None:
            return
        self._audit.record(  # type: ignore[attr-defined]
            principal,
            action,
            record_type=record_type,
            record_id=record_id,
            participant_id=participant_id,
            detail=detail,
            connection=connection,
        )

    def record_export(
        self, principal: Principal | None, action: str, what: str, participant_id: int | None = None, detail: str = ""
    ) -> None:
        """An export or print of notes, for the audit trail (callers: exports, print dialogs)."""
        self._record(principal, action, what, participant_id=participant_id, detail=detail, record_type="notes")

    # -- meeting facts ---------------------------------------------------------------------

    def _facilitators(self, conn: Connection, group_id: int) -> tuple[tuple[int, ...], tuple[str, ...]]:
        gs = GroupStaff.__table__  # type: ignore[attr-defined]
        st = Staff.__table__  # type: ignore[attr-defined]
        rows = conn.execute(
            sa.select(st.c.id, st.c.name)
            .join(gs, gs.c.staff_id == st.c.id)
            .where(gs.c.group_id == group_id)
            .order_by(gs.c.position, st.c.name)
        ).all()
        return tuple(r.id for r in rows), tuple(r.name for r in rows)

    def _meeting_row(self, conn: Connection, meeting_id: int) -> sa.Row:  # type: ignore[type-arg]
        row = conn.execute(
            sa.select(MEETING, GROUP.c.name.label("group_name"), GROUP.c.group_type)
            .join(GROUP, GROUP.c.id == MEETING.c.group_id)
            .where(MEETING.c.id == meeting_id)
        ).first()
        if row is None:
            raise NotesError("That meeting no longer exists.")
        return row

    def _curriculum(self, curriculum_id: str | None, session_id: str | None):  # type: ignore[no-untyped-def]
        if not curriculum_id or self._library is None:
            return None, None
        try:
            library = self._library()
            curriculum = library.find(curriculum_id)
            if curriculum is None:
                return None, None
            session = curriculum.session(session_id) if session_id else None
            return curriculum, session
        except Exception:
            log.info("Curriculum %s/%s not in the library; notes show ids only", curriculum_id, session_id)
            return None, None

    def _run_record(self, conn: Connection, meeting_id: int) -> tuple[datetime | None, datetime | None, list]:  # type: ignore[type-arg]
        """Actual start, end and agenda from the session runner's latest run of the meeting."""
        run, item = _table("run"), _table("run_item")
        if run is None or item is None or "meeting_id" not in run.c:
            return None, None, []
        try:
            row = conn.execute(
                sa.select(run.c.id, run.c.started_at, run.c.ended_at)
                .where(run.c.meeting_id == meeting_id, run.c.started_at.is_not(None))
                .order_by(run.c.started_at.desc())
                .limit(1)
            ).first()
            if row is None:
                return None, None, []
            items = conn.execute(
                sa.select(item.c.title, item.c.kind, item.c.original_seconds, item.c.elapsed_seconds, item.c.status)
                .where(item.c.run_id == row.id)
                .order_by(item.c.position)
            ).all()
        except sa.exc.SQLAlchemyError:
            log.exception("Could not read the run record of meeting %s", meeting_id)
            return None, None, []
        agenda = [
            cn.AgendaRun(
                i.title,
                i.kind,
                round((i.original_seconds or 0) / 60),
                None if i.status == "pending" else (i.elapsed_seconds or 0) / 60,
                skipped=i.status == "skipped",
            )
            for i in items
        ]
        ended = row.ended_at if row.ended_at and row.started_at and row.ended_at > row.started_at else None
        return row.started_at, ended, agenda

    def _roles(self, conn: Connection, meeting_id: int) -> dict[int, tuple[cn.RolePlayPart, ...]]:
        """Each participant's role-play seats in the meeting's latest run."""
        run, item, role = _table("run"), _table("run_item"), _table("run_role")
        if run is None or item is None or role is None or "participant_id" not in role.c:
            return {}
        try:
            run_id = conn.execute(
                sa.select(run.c.id).where(run.c.meeting_id == meeting_id).order_by(run.c.started_at.desc()).limit(1)
            ).scalar()
            if run_id is None:
                return {}
            titles = dict(
                conn.execute(sa.select(item.c.source_index, item.c.title).where(item.c.run_id == run_id)).all()
            )
            rows = conn.execute(
                sa.select(role.c.source_index, role.c.round, role.c.role, role.c.participant_id)
                .where(role.c.run_id == run_id, role.c.participant_id.is_not(None), role.c.role.is_not(None))
                .order_by(role.c.source_index, role.c.round, role.c.id)
            ).all()
        except sa.exc.SQLAlchemyError:
            log.exception("Could not read role-play roles of meeting %s", meeting_id)
            return {}
        out: dict[int, list[cn.RolePlayPart]] = {}
        for r in rows:
            part = cn.RolePlayPart(titles.get(r.source_index, "Role play"), r.round, r.role)
            if part not in out.setdefault(r.participant_id, []):
                out[r.participant_id].append(part)
        return {k: tuple(v) for k, v in out.items()}

    def _facts(
        self,
        conn: Connection,
        meeting: sa.Row,
        attendance: list[sa.Row],
        staff_names: tuple[str, ...],  # type: ignore[type-arg]
    ) -> cn.MeetingFacts:
        curriculum, session = self._curriculum(meeting.curriculum_id, meeting.session_id)
        started, ended, agenda = self._run_record(conn, meeting.id)
        if not agenda and session is not None:
            agenda = [cn.AgendaRun(i.title, i.kind.value, i.minutes) for i in session.agenda]
        group_type = meeting.group_type or ""
        try:
            from ..core.curriculum import GroupType

            group_type = GroupType(group_type).label
        except ValueError:
            group_type = group_type.replace("_", " ").capitalize()
        present = sum(1 for a in attendance if a.status in ATTENDED)
        return cn.MeetingFacts(
            day=meeting.local_day,
            starts_at=started or meeting.starts_at,
            ends_at=ended or meeting.ends_at,
            group_name=meeting.group_name,
            group_type=group_type,
            facilitators=staff_names,
            curriculum_title=curriculum.title if curriculum else (meeting.curriculum_id or ""),
            session_title=session.title if session else (meeting.session_id or ""),
            session_number=curriculum.session_number(session.id) if curriculum and session else None,
            objectives=tuple(session.objectives) if session else (),
            agenda=tuple(agenda),
            present_count=present,
            absent_count=len(attendance) - present,
        )

    def _attendance(self, conn: Connection, meeting_id: int) -> list[sa.Row]:  # type: ignore[type-arg]
        return list(
            conn.execute(
                sa.select(
                    ATTENDANCE.c.participant_id,
                    ATTENDANCE.c.status,
                    ATTENDANCE.c.arrived_at,
                    ATTENDANCE.c.left_at,
                    PARTICIPANT.c.preferred_name,
                    PARTICIPANT.c.legal_name,
                    PARTICIPANT.c.record_number,
                )
                .join(PARTICIPANT, PARTICIPANT.c.id == ATTENDANCE.c.participant_id)
                .where(ATTENDANCE.c.meeting_id == meeting_id, ATTENDANCE.c.participant_id.is_not(None))
                .order_by(PARTICIPANT.c.preferred_name)
            )
        )

    def _minutes(self, facts: cn.MeetingFacts, row: sa.Row) -> int | None:  # type: ignore[type-arg]
        if facts.starts_at is None or facts.ends_at is None:
            return None
        begin = max(facts.starts_at, row.arrived_at) if row.arrived_at else facts.starts_at
        end = min(facts.ends_at, row.left_at) if row.left_at else facts.ends_at
        return max(0, int((end - begin).total_seconds() / 60 + 0.5))

    def _observations(self, conn: Connection, meeting_id: int) -> dict[int, list[cn.Observation]]:
        out: dict[int, list[cn.Observation]] = {}
        for r in conn.execute(
            sa.select(OBSERVATION.c.participant_id, OBSERVATION.c.at, OBSERVATION.c.text)
            .where(OBSERVATION.c.meeting_id == meeting_id)
            .order_by(OBSERVATION.c.at)
        ):
            out.setdefault(r.participant_id, []).append(cn.Observation(r.at, r.text))
        return out

    def _goals(self, conn: Connection, participant_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
        goal = ParticipantGoal.__table__  # type: ignore[attr-defined]
        ids = list(participant_ids)
        out: dict[int, list[str]] = {}
        if ids:
            for r in conn.execute(
                sa.select(goal.c.participant_id, goal.c.text)
                .where(goal.c.participant_id.in_(ids))
                .order_by(goal.c.participant_id, goal.c.position)
            ):
                out.setdefault(r.participant_id, []).append(r.text)
        return {k: tuple(v) for k, v in out.items()}

    # -- creating a meeting's notes ---------------------------------------------------------

    def start_meeting_notes(self, principal: Principal | None, meeting_id: int) -> MeetingNotes:
        """Create (prefilled) whatever notes the meeting still lacks, then return them all.

        The group note and one individual note per attendee; absent participants get none.
        Calling it again after attendance changed adds the notes of late-marked attendees.
        """
        p = require_signed_in(principal)
        now = self._clock.now()
        zone = self.zone()
        with self._engine.begin() as conn:
            meeting = self._meeting_row(conn, meeting_id)
            staff_ids, staff_names = self._facilitators(conn, meeting.group_id)
            require_write_note(p, staff_ids)
            if meeting.cancelled_at is not None:
                raise NotesError("This meeting was cancelled; it has nothing to document.")
            attendance = self._attendance(conn, meeting_id)
            facts = self._facts(conn, meeting, attendance, staff_names)
            existing = conn.execute(
                sa.select(NOTE.c.kind, NOTE.c.participant_id).where(NOTE.c.meeting_id == meeting_id)
            ).all()
            has_group = any(r.kind == "group" for r in existing)
            have = {r.participant_id for r in existing if r.kind == "individual"}
            fmt = self._group_format(conn, meeting.group_id)
            attendees = [a for a in attendance if a.status in ATTENDED and a.participant_id not in have]
            goals = self._goals(conn, [a.participant_id for a in attendees])
            observations = self._observations(conn, meeting_id)
            roles = self._roles(conn, meeting_id)
            rows: list[dict[str, object]] = []
            base = dict(meeting_id=meeting_id, author_id=p.user_id, status="draft", created_at=now, updated_at=now)
            if not has_group:
                content = cn.prefill_group(facts, zone)
                rows.append(dict(base, kind="group", participant_id=None, note_format="", content=_dumps(content)))
            for a in attendees:
                person = cn.AttendeeFacts(
                    participant_id=a.participant_id,
                    preferred_name=a.preferred_name,
                    legal_name=a.legal_name,
                    status=a.status,
                    minutes_attended=self._minutes(facts, a),
                    goals=goals.get(a.participant_id, ()),
                    roles=roles.get(a.participant_id, ()),
                    observations=tuple(observations.get(a.participant_id, ())),
                )
                content = cn.prefill_individual(fmt, facts, person, zone)
                rows.append(
                    dict(
                        base,
                        kind="individual",
                        participant_id=a.participant_id,
                        note_format=fmt.value,
                        content=_dumps(content),
                    )
                )
            if rows:
                conn.execute(NOTE.insert(), rows)
                self._record(
                    p, "create", f"meeting {meeting_id}", detail=f"{len(rows)} note(s) started", connection=conn
                )
        return self.meeting_notes(p, meeting_id)

    def _group_format(self, conn: Connection, group_id: int) -> NoteFormat:
        value = conn.execute(sa.select(GROUP_FORMAT.c.note_format).where(GROUP_FORMAT.c.group_id == group_id)).scalar()
        return cn.parse_format(value) if value else self.clinic_format()

    # -- reading -----------------------------------------------------------------------------

    def _views(self, conn: Connection, where: sa.ColumnElement[bool], order: Iterable[object] = ()) -> list[NoteView]:
        author = AUTHOR
        stmt = (
            sa.select(
                NOTE,
                MEETING.c.local_day,
                MEETING.c.group_id,
                GROUP.c.name.label("group_name"),
                PARTICIPANT.c.preferred_name,
                PARTICIPANT.c.record_number,
                author.c.full_name.label("author_name"),
            )
            .join(MEETING, MEETING.c.id == NOTE.c.meeting_id)
            .join(GROUP, GROUP.c.id == MEETING.c.group_id)
            .join(author, author.c.id == NOTE.c.author_id)
            .outerjoin(PARTICIPANT, PARTICIPANT.c.id == NOTE.c.participant_id)
            .where(where)
            .order_by(*order)
        )
        rows = conn.execute(stmt).all()
        addenda: dict[int, list[AddendumView]] = {}
        ids = [r.id for r in rows]
        for chunk in range(0, len(ids), 500):
            for a in conn.execute(
                sa.select(ADDENDUM)
                .where(ADDENDUM.c.note_id.in_(ids[chunk : chunk + 500]))
                .order_by(ADDENDUM.c.created_at, ADDENDUM.c.id)
            ):
                addenda.setdefault(a.note_id, []).append(
                    AddendumView(a.id, a.created_at, a.author_name, a.author_credentials, a.text)
                )
        return [
            NoteView(
                id=r.id,
                kind=r.kind,
                meeting_id=r.meeting_id,
                meeting_day=r.local_day,
                group_id=r.group_id,
                group_name=r.group_name,
                participant_id=r.participant_id,
                participant_name=r.preferred_name or "",
                record_number=r.record_number or "",
                author_id=r.author_id,
                author_name=r.author_name,
                note_format=r.note_format,
                status=NoteStatus(r.status),
                round=r.round,
                content=_loads(r.content),
                created_at=r.created_at,
                updated_at=r.updated_at,
                signed_at=r.signed_at,
                signer_name=r.signer_name,
                signer_credentials=r.signer_credentials,
                cosigned_at=r.cosigned_at,
                cosigner_name=r.cosigner_name,
                cosigner_credentials=r.cosigner_credentials,
                returned_at=r.returned_at,
                return_comment=r.return_comment,
                error_at=r.error_at,
                error_reason=r.error_reason,
                addenda=tuple(addenda.get(r.id, ())),
            )
            for r in rows
        ]

    def meeting_notes(self, principal: Principal | None, meeting_id: int, audit: bool = True) -> MeetingNotes:
        """A meeting's notes; opening them is a view of health data, so it is audited."""
        p = require_signed_in(principal)
        with self._engine.connect() as conn:
            meeting = self._meeting_row(conn, meeting_id)
            staff_ids, staff_names = self._facilitators(conn, meeting.group_id)
            require_view_notes(p, staff_ids)
            attendance = self._attendance(conn, meeting_id)
            facts = self._facts(conn, meeting, attendance, staff_names)
            notes = self._views(
                conn, NOTE.c.meeting_id == meeting_id, (NOTE.c.kind.desc(), PARTICIPANT.c.preferred_name)
            )
            fmt = self._group_format(conn, meeting.group_id)
        group_note = next((n for n in notes if n.is_group), None)
        if audit:
            self._record(
                p, "view", f"meeting {meeting_id}", detail=f"{len(notes)} note(s)", record_type="meeting notes"
            )
        return MeetingNotes(
            meeting_id=meeting_id,
            group_id=meeting.group_id,
            group_name=meeting.group_name,
            day=meeting.local_day,
            note_format=fmt,
            facts=facts,
            group_note=group_note,
            individual=tuple(n for n in notes if not n.is_group),
            absent=tuple(
                AbsentPerson(a.participant_id, a.preferred_name, a.status)
                for a in attendance
                if a.status not in ATTENDED
            ),
            people=tuple(cn.PersonNames(a.participant_id, a.preferred_name, a.legal_name) for a in attendance),
            facilitator_ids=staff_ids,
        )

    def note(self, principal: Principal | None, note_id: int) -> NoteView:
        p = require_signed_in(principal)
        with self._engine.connect() as conn:
            views = self._views(conn, NOTE.c.id == note_id)
            if not views:
                raise NotesError("That note no longer exists.")
            staff_ids, _ = self._facilitators(conn, views[0].group_id)
        require_view_notes(p, staff_ids)
        return views[0]

    def history(self, principal: Principal | None, note_id: int) -> list[RoundView]:
        self.note(principal, note_id)  # permission
        with self._engine.connect() as conn:
            rows = conn.execute(sa.select(ROUND).where(ROUND.c.note_id == note_id).order_by(ROUND.c.round)).all()
        return [
            RoundView(
                r.round,
                r.note_format,
                _loads(r.content),
                r.signed_at,
                r.signer_name,
                r.signer_credentials,
                r.outcome,
                r.reviewed_at,
                r.reviewer_name,
                r.reviewer_credentials,
                r.comment,
            )
            for r in rows
        ]

    def chart(
        self,
        principal: Principal | None,
        participant_id: int,
        first: date | None = None,
        last: date | None = None,
        audit: bool = True,
    ) -> list[NoteView]:
        """A participant's individual notes in date order, limited to groups the user may see."""
        p = require_signed_in(principal)
        where = NOTE.c.participant_id == participant_id
        if first is not None:
            where = sa.and_(where, MEETING.c.local_day >= first)
        if last is not None:
            where = sa.and_(where, MEETING.c.local_day <= last)
        with self._engine.connect() as conn:
            notes = self._views(conn, where, (MEETING.c.local_day, MEETING.c.starts_at, NOTE.c.id))
            allowed: dict[int, bool] = {}
            for gid in {n.group_id for n in notes}:
                allowed[gid] = can_view_notes(p, self._facilitators(conn, gid)[0])
        if notes and not any(allowed.values()):
            raise PermissionDenied("Progress notes are open to the group's facilitators and to supervisors only.")
        visible = [n for n in notes if allowed.get(n.group_id)]
        if audit:
            self._record(p, "view", f"chart {participant_id}", participant_id=participant_id)
        return visible

    def participant_by_record(self, record_number: str) -> tuple[int, str] | None:
        with self._engine.connect() as conn:
            row = conn.execute(
                sa.select(PARTICIPANT.c.id, PARTICIPANT.c.preferred_name).where(
                    PARTICIPANT.c.record_number == record_number.strip()
                )
            ).first()
        return (row.id, row.preferred_name) if row else None

    # -- writing -----------------------------------------------------------------------------

    def save_draft(self, principal: Principal | None, note_id: int, content: Mapping[str, object]) -> datetime:
        """Save what the author has typed; one guarded UPDATE, so it is fast enough to call often."""
        p = require_signed_in(principal)
        now = self._clock.now()
        with self._engine.begin() as conn:
            result = conn.execute(
                NOTE.update()
                .where(NOTE.c.id == note_id, NOTE.c.author_id == p.user_id, NOTE.c.status.in_(EDITABLE_VALUES))
                .values(content=_dumps(content), updated_at=now)
            )
            if result.rowcount == 1:
                return now
            row = conn.execute(sa.select(NOTE.c.author_id, NOTE.c.status).where(NOTE.c.id == note_id)).first()
        if row is None:
            raise NotesError("That note no longer exists.")
        require_edit_note(p, row.author_id)
        raise NotesError(f"This note is {NoteStatus(row.status).label.lower()} and can no longer be changed.")

    def sign(
        self,
        principal: Principal | None,
        note_id: int,
        name: str | None = None,
        credentials: str | None = None,
        content: Mapping[str, object] | None = None,
    ) -> NoteView:
        """The author signs; the note locks. With co-signature needed it goes to the queue."""
        p = require_signed_in(principal)
        if content is not None:
            self.save_draft(p, note_id, content)
        name = (name if name is not None else p.full_name).strip()
        credentials = (credentials if credentials is not None else p.credentials).strip()
        now = self._clock.now()
        with self._engine.begin() as conn:
            row = self._locked_row(conn, note_id)
            require_edit_note(p, row.author_id)
            sections = cn.sections_for(row.kind, row.note_format)
            stored = _loads(row.content)
            cn.check_can_sign(sections, stored, name, credentials)
            status = cn.next_status(row.status, NoteAction.SIGN, p.needs_cosign)
            new_round = row.round + 1 if row.status == NoteStatus.RETURNED.value else row.round
            conn.execute(
                NOTE.update()
                .where(NOTE.c.id == note_id)
                .values(
                    status=status.value,
                    round=new_round,
                    signed_at=now,
                    signer_name=name,
                    signer_credentials=credentials,
                    updated_at=now,
                )
            )
            conn.execute(
                ROUND.insert().values(
                    note_id=note_id,
                    round=new_round,
                    note_format=row.note_format,
                    content=row.content,
                    signed_at=now,
                    signer_id=p.user_id,
                    signer_name=name,
                    signer_credentials=credentials,
                    outcome="awaiting" if status is NoteStatus.AWAITING_COSIGN else "final",
                )
            )
            self._record(p, "sign", note_id, row.participant_id, f"round {new_round}", connection=conn)
        return self.note(p, note_id)

    def _locked_row(self, conn: Connection, note_id: int) -> sa.Row:  # type: ignore[type-arg]
        row = conn.execute(sa.select(NOTE).where(NOTE.c.id == note_id)).first()
        if row is None:
            raise NotesError("That note no longer exists.")
        return row

    def _review_row(self, conn: Connection, p: Principal, note_id: int) -> sa.Row:  # type: ignore[type-arg]
        row = self._locked_row(conn, note_id)
        meeting = conn.execute(sa.select(MEETING.c.group_id).where(MEETING.c.id == row.meeting_id)).first()
        staff_ids, _ = self._facilitators(conn, meeting.group_id) if meeting else ((), ())
        require_view_notes(p, staff_ids)
        return row

    def cosign(self, principal: Principal | None, note_id: int) -> NoteView:
        p = require_signed_in(principal)
        now = self._clock.now()
        with self._engine.begin() as conn:
            row = self._review_row(conn, p, note_id)
            require_cosign(p, row.author_id)
            cn.next_status(row.status, NoteAction.COSIGN)
            conn.execute(
                NOTE.update()
                .where(NOTE.c.id == note_id)
                .values(
                    status=NoteStatus.COSIGNED.value,
                    cosigned_at=now,
                    cosigner_id=p.user_id,
                    cosigner_name=p.full_name,
                    cosigner_credentials=p.credentials,
                    updated_at=now,
                )
            )
            conn.execute(
                ROUND.update()
                .where(ROUND.c.note_id == note_id, ROUND.c.round == row.round)
                .values(
                    outcome="cosigned",
                    reviewed_at=now,
                    reviewer_id=p.user_id,
                    reviewer_name=p.full_name,
                    reviewer_credentials=p.credentials,
                )
            )
            self._record(p, "co-sign", note_id, row.participant_id, f"round {row.round}", connection=conn)
        return self.note(p, note_id)

    def return_note(self, principal: Principal | None, note_id: int, comment: str) -> NoteView:
        """Send a note back to its author with a comment; it becomes editable for them."""
        p = require_signed_in(principal)
        comment = comment.strip()
        if not comment:
            raise NotesError("Say what needs changing before returning the note.")
        now = self._clock.now()
        with self._engine.begin() as conn:
            row = self._review_row(conn, p, note_id)
            require_return_note(p, row.author_id)
            cn.next_status(row.status, NoteAction.RETURN)
            conn.execute(
                NOTE.update()
                .where(NOTE.c.id == note_id)
                .values(status=NoteStatus.RETURNED.value, returned_at=now, return_comment=comment, updated_at=now)
            )
            conn.execute(
                ROUND.update()
                .where(ROUND.c.note_id == note_id, ROUND.c.round == row.round)
                .values(
                    outcome="returned",
                    reviewed_at=now,
                    reviewer_id=p.user_id,
                    reviewer_name=p.full_name,
                    reviewer_credentials=p.credentials,
                    comment=comment,
                )
            )
            self._record(p, "return", note_id, row.participant_id, f"round {row.round}", connection=conn)
        return self.note(p, note_id)

    def add_addendum(self, principal: Principal | None, note_id: int, text: str) -> NoteView:
        """A dated, signed addition to a signed note; the original is unchanged."""
        p = require_signed_in(principal)
        now = self._clock.now()
        with self._engine.begin() as conn:
            row = self._review_row(conn, p, note_id)
            if p.user_id != row.author_id and not p.is_supervisor:
                raise PermissionDenied("Only the note's author or a supervisor can add an addendum.")
            cn.check_can_add_addendum(row.status, text)
            conn.execute(
                ADDENDUM.insert().values(
                    note_id=note_id,
                    author_id=p.user_id,
                    author_name=p.full_name,
                    author_credentials=p.credentials,
                    created_at=now,
                    text=text.strip(),
                )
            )
            self._record(p, "change", note_id, row.participant_id, "addendum", connection=conn)
        return self.note(p, note_id)

    def mark_entered_in_error(self, principal: Principal | None, note_id: int, reason: str) -> NoteView:
        """Mark a signed note as entered in error; it stays in the record, marked, with the reason."""
        p = require_signed_in(principal)
        now = self._clock.now()
        with self._engine.begin() as conn:
            row = self._review_row(conn, p, note_id)
            if p.user_id != row.author_id and not p.is_supervisor:
                raise PermissionDenied("Only the note's author or a supervisor can mark it entered in error.")
            cn.check_can_mark_in_error(row.status, row.error_at is not None, reason)
            conn.execute(
                NOTE.update()
                .where(NOTE.c.id == note_id)
                .values(error_at=now, error_by_id=p.user_id, error_reason=reason.strip())
            )
            self._record(p, "change", note_id, row.participant_id, "entered in error", connection=conn)
        return self.note(p, note_id)

    # -- observations during the session ----------------------------------------------------

    def add_observation(
        self, principal: Principal | None, meeting_id: int, participant_id: int, text: str
    ) -> ObservationView:
        """A timestamped observation typed during the session; it lands in the person's note.

        If the note already exists and the user can still edit it, the line is appended to
        the section where the format keeps what was observed; otherwise prefill picks it up.
        """
        p = require_signed_in(principal)
        text = " ".join(text.split())
        if not text:
            raise NotesError("Type the observation first.")
        if len(text) > 1000:
            raise NotesError("An observation is a short note (1000 characters at most).")
        now = self._clock.now()
        with self._engine.begin() as conn:
            meeting = self._meeting_row(conn, meeting_id)
            staff_ids, _ = self._facilitators(conn, meeting.group_id)
            require_write_note(p, staff_ids)
            new_id = conn.execute(
                OBSERVATION.insert().values(
                    meeting_id=meeting_id, participant_id=participant_id, author_id=p.user_id, at=now, text=text
                )
            ).inserted_primary_key[0]
            note = conn.execute(
                sa.select(NOTE.c.id, NOTE.c.content, NOTE.c.note_format).where(
                    NOTE.c.meeting_id == meeting_id,
                    NOTE.c.participant_id == participant_id,
                    NOTE.c.author_id == p.user_id,
                    NOTE.c.status.in_(EDITABLE_VALUES),
                )
            ).first()
            if note is not None:
                line = f"[{now.astimezone(self.zone()):%H:%M}] {text}"
                content = cn.append_observation(_loads(note.content), note.note_format, line)
                conn.execute(NOTE.update().where(NOTE.c.id == note.id).values(content=_dumps(content), updated_at=now))
        return ObservationView(int(new_id), meeting_id, participant_id, now, text)

    def observations(self, principal: Principal | None, meeting_id: int) -> list[ObservationView]:
        p = require_signed_in(principal)
        with self._engine.connect() as conn:
            meeting = self._meeting_row(conn, meeting_id)
            require_view_notes(p, self._facilitators(conn, meeting.group_id)[0])
            rows = conn.execute(
                sa.select(OBSERVATION).where(OBSERVATION.c.meeting_id == meeting_id).order_by(OBSERVATION.c.at)
            ).all()
        return [ObservationView(r.id, r.meeting_id, r.participant_id, r.at, r.text) for r in rows]

    # -- lists: queue, my notes -------------------------------------------------------------

    def review_queue(self, principal: Principal | None, limit: int = 500) -> list[QueueItem]:
        """Notes awaiting co-signature, oldest first, with age and overdue flag; never one's own."""
        p = require_signed_in(principal)
        if not p.is_supervisor:
            raise PermissionDenied("Only supervisors review and co-sign notes.")
        author = AUTHOR
        stmt = (
            sa.select(
                NOTE.c.id,
                NOTE.c.kind,
                NOTE.c.meeting_id,
                NOTE.c.created_at,
                NOTE.c.signed_at,
                NOTE.c.status,
                MEETING.c.local_day,
                GROUP.c.name.label("group_name"),
                PARTICIPANT.c.preferred_name,
                author.c.full_name.label("author_name"),
            )
            .join(MEETING, MEETING.c.id == NOTE.c.meeting_id)
            .join(GROUP, GROUP.c.id == MEETING.c.group_id)
            .join(author, author.c.id == NOTE.c.author_id)
            .outerjoin(PARTICIPANT, PARTICIPANT.c.id == NOTE.c.participant_id)
            .where(NOTE.c.status == NoteStatus.AWAITING_COSIGN.value, NOTE.c.author_id != p.user_id)
            .order_by(NOTE.c.created_at, NOTE.c.id)
            .limit(limit)
        )
        now = self._clock.now()
        today = self.today()
        days = self.deadline_days()
        with self._engine.connect() as conn:
            rows = conn.execute(stmt).all()
        out = []
        due_by_day: dict[date, date] = {}
        for r in rows:
            due = due_by_day.get(r.local_day)
            if due is None:
                due = due_by_day[r.local_day] = cn.due_date(r.local_day, days)
            out.append(
                QueueItem(
                    note_id=r.id,
                    kind=r.kind,
                    meeting_id=r.meeting_id,
                    meeting_day=r.local_day,
                    group_name=r.group_name,
                    participant_name=r.preferred_name or "",
                    author_name=r.author_name,
                    created_at=r.created_at,
                    signed_at=r.signed_at,
                    age=cn.age_text(r.created_at, now),
                    age_days=max(0, (now - r.created_at).days),
                    due=due,
                    overdue=today > due,
                )
            )
        return out

    def my_notes(self, principal: Principal | None) -> MyNotes:
        """The user's drafts, returned notes, notes awaiting co-signature, and overdue ones."""
        p = require_signed_in(principal)
        stmt = (
            sa.select(
                NOTE.c.id,
                NOTE.c.kind,
                NOTE.c.meeting_id,
                NOTE.c.status,
                NOTE.c.updated_at,
                NOTE.c.return_comment,
                MEETING.c.local_day,
                GROUP.c.name.label("group_name"),
                PARTICIPANT.c.preferred_name,
            )
            .join(MEETING, MEETING.c.id == NOTE.c.meeting_id)
            .join(GROUP, GROUP.c.id == MEETING.c.group_id)
            .outerjoin(PARTICIPANT, PARTICIPANT.c.id == NOTE.c.participant_id)
            .where(
                NOTE.c.author_id == p.user_id,
                NOTE.c.status.in_([*EDITABLE_VALUES, NoteStatus.AWAITING_COSIGN.value]),
                NOTE.c.error_at.is_(None),
            )
            .order_by(MEETING.c.local_day, NOTE.c.kind.desc(), PARTICIPANT.c.preferred_name)
        )
        today = self.today()
        days = self.deadline_days()
        with self._engine.connect() as conn:
            rows = conn.execute(stmt).all()
        out = MyNotes()
        for r in rows:
            status = NoteStatus(r.status)
            due = cn.due_date(r.local_day, days)
            item = NoteSummary(
                r.id,
                r.kind,
                r.meeting_id,
                r.local_day,
                r.group_name,
                r.preferred_name or "",
                status,
                r.updated_at,
                due,
                today > due,
                r.return_comment,
            )
            if status is NoteStatus.DRAFT:
                out.drafts.append(item)
            elif status is NoteStatus.RETURNED:
                out.returned.append(item)
            else:
                out.awaiting.append(item)
            if item.overdue:
                out.overdue.append(item)
        return out

    # -- printing and export ------------------------------------------------------------

    def _printed(self, note: NoteView, zone: tzinfo) -> PrintedNote:
        def when(value: datetime | None) -> str:
            return value.astimezone(zone).strftime("%Y-%m-%d %H:%M") if value else ""

        heading = "Group note" if note.is_group else f"{note.participant_name} (record {note.record_number})"
        return PrintedNote(
            heading=heading,
            meeting_line=f"{note.meeting_day.isoformat()} · {note.group_name}",
            note_format=note.note_format,
            sections=tuple((s.label, note.content.get(s.key, "")) for s in note.sections),
            status=note.status.label,
            signed=f"{note.signature} — {when(note.signed_at)}",
            cosigned=f"{note.cosignature} — {when(note.cosigned_at)}" if note.cosigned_at else "",
            addenda=tuple(PrintedAddendum(when(a.created_at), a.signature, a.text) for a in note.addenda),
            error=f"ENTERED IN ERROR ({when(note.error_at)}): {note.error_reason}" if note.error_at else "",
        )

    def participant_print(
        self, principal: Principal | None, record_number: str, first: date, last: date, action: str = "export"
    ) -> NotesPrint:
        """One participant's signed notes over a range, for a PDF; the export is audited."""
        p = require_signed_in(principal)
        with self._engine.connect() as conn:
            row = conn.execute(
                sa.select(PARTICIPANT.c.id, PARTICIPANT.c.preferred_name, PARTICIPANT.c.legal_name).where(
                    PARTICIPANT.c.record_number == record_number.strip()
                )
            ).first()
        if row is None:
            raise NotesError(f"No participant has record number {record_number}.")
        notes = self.chart(p, row.id, first, last, audit=False)
        zone = self.zone()
        signed = [n for n in notes if n.status.locked]
        self._record(
            p,
            action,
            f"participant {row.id} notes",
            participant_id=row.id,
            detail=f"{len(signed)} note(s) {first.isoformat()} to {last.isoformat()}",
            record_type="notes",
        )
        return NotesPrint(
            title="Progress notes",
            subject=f"{row.legal_name} ({row.preferred_name}), record {record_number.strip()}",
            period=f"{first.isoformat()} to {last.isoformat()}",
            clinic_name=self._setting("clinic_name"),
            prepared_by=p.signature,
            generated_at=self._clock.now(),
            notes=tuple(self._printed(n, zone) for n in signed),
            omitted_unsigned=len(notes) - len(signed),
        )

    def meeting_print(self, principal: Principal | None, meeting_id: int, action: str = "export") -> NotesPrint:
        """A meeting's signed notes (group note first), for a PDF; the export is audited."""
        p = require_signed_in(principal)
        meeting = self.meeting_notes(p, meeting_id, audit=False)
        zone = self.zone()
        signed = [n for n in meeting.notes if n.status.locked]
        self._record(p, action, f"meeting {meeting_id} notes", detail=f"{len(signed)} note(s)", record_type="notes")
        return NotesPrint(
            title="Group session notes",
            subject=f"{meeting.group_name}, meeting of {meeting.day.isoformat()}",
            period=meeting.day.isoformat(),
            clinic_name=self._setting("clinic_name"),
            prepared_by=p.signature,
            generated_at=self._clock.now(),
            notes=tuple(self._printed(n, zone) for n in signed),
            omitted_unsigned=len(meeting.notes) - len(signed),
        )

    def meetings_to_document(self, principal: Principal | None, first: date, last: date) -> list[tuple[int, date, str]]:
        """Meetings in a range that the user may document, newest first: (id, day, group name)."""
        p = require_signed_in(principal)
        stmt = (
            sa.select(MEETING.c.id, MEETING.c.local_day, MEETING.c.group_id, GROUP.c.name)
            .join(GROUP, GROUP.c.id == MEETING.c.group_id)
            .where(MEETING.c.local_day >= first, MEETING.c.local_day <= last, MEETING.c.cancelled_at.is_(None))
            .order_by(MEETING.c.local_day.desc(), MEETING.c.starts_at.desc())
        )
        with self._engine.connect() as conn:
            rows = conn.execute(stmt).all()
            allowed = {gid: can_view_notes(p, self._facilitators(conn, gid)[0]) for gid in {r.group_id for r in rows}}
        return [(r.id, r.local_day, r.name) for r in rows if allowed.get(r.group_id)]

    def meeting_for_note(self, note_id: int) -> int | None:
        with self._engine.connect() as conn:
            return conn.execute(sa.select(NOTE.c.meeting_id).where(NOTE.c.id == note_id)).scalar()


__all__ = [
    "MeetingNotes",
    "MyNotes",
    "NoteStateError",
    "NoteView",
    "NotesError",
    "NotesService",
    "QueueItem",
    "meeting_warnings",
]
