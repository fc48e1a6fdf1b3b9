"""Facts about a meeting that its notes start from: reads of other areas' tables.

The meeting and its group, the group's facilitators, attendance and minutes attended,
participants' goals, in-session observations, the curriculum session, and what the session
runner recorded (actual times, the agenda as run, role-play seats). Everything here reads on
the caller's connection, inside its unit of work.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from facilitator.core.catalogue import say

from ...core import notes as cn
from ...core.attendance import AttendanceStatus, attended_span, minutes_attended
from ...core.notes import NoteFormat
from .tables import (
    ATTENDANCE,
    ATTENDED,
    GOAL,
    GROUP,
    GROUP_FORMAT,
    GROUP_STAFF,
    MEETING,
    OBSERVATION,
    PARTICIPANT,
    STAFF,
    other_table,
)
from .views import NotesError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunFacts:
    """What one run of a meeting recorded, as the notes read it (empty when nothing was run)."""

    run_id: int | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    agenda: tuple[cn.AgendaRun, ...] = ()
    seats: tuple[sa.Row, ...] = ()  # type: ignore[type-arg]
    titles: dict[int, str] = field(default_factory=dict)
    played: dict[int, list[cn.RoundPlayed]] = field(default_factory=dict)


def _rounds_from_seats(seats: Sequence[sa.Row], source_index: int) -> list[cn.RoundPlayed]:  # type: ignore[type-arg]
    """Without the role play's phases: a round was played when the next one began after it.

    The last round begun cannot be told from set-up alone, so it does not count.
    """
    starts: dict[int, datetime] = {}
    for s in seats:
        if s.source_index == source_index:
            starts.setdefault(s.round, s.started_at)
    out = []
    for number in sorted(starts):
        following = starts.get(number + 1)
        if following is not None and following > starts[number]:
            span = (starts[number], following)
            out.append(cn.RoundPlayed(number, (following - starts[number]).total_seconds(), (span,)))
        else:
            out.append(cn.RoundPlayed(number, 0.0, ()))
    return out


class MeetingRecords:
    """Reads a meeting's facts on a given connection; the curriculum comes from the library."""

    def __init__(self, library: Callable[[], object] | object | None = None) -> None:
        if library is None or callable(library):
            self._library = library
        else:
            self._library = lambda lib=library: lib

    def group_format(self, conn: Connection, group_id: int, clinic_default: NoteFormat) -> NoteFormat:
        value = conn.execute(sa.select(GROUP_FORMAT.c.note_format).where(GROUP_FORMAT.c.group_id == group_id)).scalar()
        return cn.parse_format(value) if value else clinic_default

    def group_of_meeting(self, conn: Connection, meeting_id: int) -> int | None:
        return conn.execute(sa.select(MEETING.c.group_id).where(MEETING.c.id == meeting_id)).scalar()

    def facilitators(self, conn: Connection, group_id: int) -> tuple[tuple[int, ...], tuple[str, ...]]:
        gs, st = GROUP_STAFF, STAFF
        rows = conn.execute(
            sa.select(st.c.id, st.c.name)
            .join(gs, gs.c.staff_id == st.c.id)
            .where(gs.c.group_id == group_id)
            .order_by(gs.c.position, st.c.name)
        ).all()
        return tuple(r.id for r in rows), tuple(r.name for r in rows)

    def meeting_row(self, conn: Connection, meeting_id: int) -> sa.Row:  # type: ignore[type-arg]
        row = conn.execute(
            sa.select(MEETING, GROUP.c.name.label("group_name"), GROUP.c.group_type)
            .join(GROUP, GROUP.c.id == MEETING.c.group_id)
            .where(MEETING.c.id == meeting_id)
        ).first()
        if row is None:
            raise NotesError(say("store.notes.facts", "That meeting no longer exists."))
        return row

    def curriculum(self, curriculum_id: str | None, session_id: str | None):  # type: ignore[no-untyped-def]
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

    def latest_run(self, conn: Connection, meeting_id: int) -> sa.Row | None:  # type: ignore[type-arg]
        """The meeting's latest run that started (a second run of a meeting is what the notes follow)."""
        run = other_table("run")
        if run is None or "meeting_id" not in run.c:
            return None
        return conn.execute(
            sa.select(run.c.id, run.c.started_at, run.c.ended_at, run.c.status, run.c.curriculum_id, run.c.session_id)
            .where(run.c.meeting_id == meeting_id, run.c.started_at.is_not(None))
            .order_by(run.c.started_at.desc(), run.c.id.desc())
            .limit(1)
        ).first()

    def _steps(self, conn: Connection, run_id: int) -> list[cn.RunStep]:
        event = other_table("run_event")
        if event is None:
            return []
        steps = []
        for e in conn.execute(
            sa.select(event.c.at, event.c.action, event.c.source_index, event.c.seconds, event.c.detail)
            .where(event.c.run_id == run_id)
            .order_by(event.c.id)
        ):
            try:
                detail = json.loads(e.detail or "{}")
            except ValueError:
                detail = {}
            target = detail.get("to_source_index") if isinstance(detail, dict) else None
            steps.append(
                cn.RunStep(e.at, e.action, e.source_index, e.seconds, int(target) if isinstance(target, int) else None)
            )
        return steps

    def run_record(self, conn: Connection, meeting_id: int, now: datetime | None = None) -> RunFacts:
        """What the meeting's latest run recorded: its times, the agenda as run, and each round played.

        Each role play's phases come from the curriculum session the run ran; when that is
        no longer loaded, a round counts as played only when the next round began after it. ``now`` ends a run
        still going (the unit of work's time).
        """
        row = self.latest_run(conn, meeting_id)
        item, role = other_table("run_item"), other_table("run_role")
        if row is None or item is None:
            return RunFacts()
        try:
            items = conn.execute(
                sa.select(
                    item.c.source_index,
                    item.c.title,
                    item.c.kind,
                    item.c.original_seconds,
                    item.c.elapsed_seconds,
                    item.c.status,
                    item.c.first_started_at,
                )
                .where(item.c.run_id == row.id)
                .order_by(item.c.position)
            ).all()
            seats = (
                conn.execute(
                    sa.select(role.c.source_index, role.c.round, role.c.role, role.c.participant_id, role.c.started_at)
                    .where(role.c.run_id == row.id)
                    .order_by(role.c.source_index, role.c.round, role.c.id)
                ).all()
                if role is not None
                else []
            )
            steps = self._steps(conn, row.id)
        except sa.exc.SQLAlchemyError:
            log.exception("Could not read the run record of meeting %s", meeting_id)
            return RunFacts()
        ended = row.ended_at if row.ended_at and row.started_at and row.ended_at > row.started_at else None
        until = ended or now
        agenda_items = getattr(self.curriculum(row.curriculum_id, row.session_id)[1], "agenda", None) or ()
        played: dict[int, list[cn.RoundPlayed]] = {}
        agenda = []
        for i in items:
            reached = i.first_started_at is not None or (i.elapsed_seconds or 0) > 0
            rounds = None
            count = None
            if i.kind == "role-play":
                source = agenda_items[i.source_index] if 0 <= i.source_index < len(agenda_items) else None
                rp = getattr(source, "role_play", None)
                if rp is not None and getattr(source, "title", None) == i.title:
                    spans, jumps = cn.running_spans(steps, i.source_index, until)
                    phases = [(ph.name, ph.minutes * 60.0) for ph in rp.phases]
                    played[i.source_index] = cn.rounds_played(phases, rp.rounds, spans, jumps)
                else:
                    played[i.source_index] = _rounds_from_seats(seats, i.source_index)
                rounds = rp.rounds if rp is not None and i.source_index in played else None
                count = sum(1 for r in played[i.source_index] if r.played)
                if rounds is None:
                    count = None
            agenda.append(
                cn.AgendaRun(
                    i.title,
                    i.kind,
                    round((i.original_seconds or 0) / 60),
                    (i.elapsed_seconds or 0) / 60 if reached else None,
                    skipped=i.status == "skipped",
                    rounds=rounds,
                    rounds_played=count if reached else None,
                )
            )
        titles = {i.source_index: i.title for i in items}
        return RunFacts(row.id, row.started_at, ended, tuple(agenda), tuple(seats), titles, played)

    @staticmethod
    def roles(run: RunFacts, arrived: datetime | None, left: datetime | None, participant_id: int) -> tuple[cn.RolePlayPart, ...]:
        """One participant's roles: only rounds whose play phase ran while they were in the room."""
        parts: list[cn.RolePlayPart] = []
        for seat in run.seats:
            if seat.participant_id != participant_id or seat.role is None:
                continue
            rounds = run.played.get(seat.source_index, [])
            played = next((r for r in rounds if r.round == seat.round), None)
            if played is None or not played.while_present(arrived, left):
                continue
            part = cn.RolePlayPart(run.titles.get(seat.source_index, "Role play"), seat.round, seat.role)
            if part not in parts:
                parts.append(part)
        return tuple(parts)

    def facts(
        self,
        conn: Connection,
        meeting: sa.Row,  # type: ignore[type-arg]
        attendance: list[sa.Row],  # type: ignore[type-arg]
        staff_names: tuple[str, ...],
        run: RunFacts | None = None,
        now: datetime | None = None,
    ) -> cn.MeetingFacts:
        """The meeting as its notes start from it.

        The start and end are the meeting's own, narrowed to when attendees were in the
        room by the saved attendance (a run's clock reaches them only once the counselor
        confirmed its times into attendance). The agenda is the latest run's, or the plan.
        """
        curriculum, session = self.curriculum(meeting.curriculum_id, meeting.session_id)
        if run is None:
            run = self.run_record(conn, meeting.id, now)
        agenda = list(run.agenda)
        if not agenda and session is not None:
            agenda = [cn.AgendaRun(i.title, i.kind.value, i.minutes, planned_only=True) for i in session.agenda]
        group_type = meeting.group_type or ""
        try:
            from ...core.curriculum import GroupType

            group_type = GroupType(group_type).label
        except ValueError:
            group_type = group_type.replace("_", " ").capitalize()
        present = sum(1 for a in attendance if a.status in ATTENDED)
        starts_at, ends_at = attended_span(
            meeting.starts_at,
            meeting.ends_at,
            [(AttendanceStatus(a.status), a.arrived_at, a.left_at) for a in attendance if a.status in ATTENDED],
        )
        return cn.MeetingFacts(
            day=meeting.local_day,
            starts_at=starts_at,
            ends_at=ends_at,
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

    def attendance(self, conn: Connection, meeting_id: int) -> list[sa.Row]:  # type: ignore[type-arg]
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

    @staticmethod
    def minutes(meeting: sa.Row, row: sa.Row) -> int:  # type: ignore[type-arg]
        """Minutes attended, the one way attendance computes them: the meeting's times and the row's."""
        return minutes_attended(meeting.starts_at, meeting.ends_at, AttendanceStatus(row.status), row.arrived_at, row.left_at)

    def observations(self, conn: Connection, meeting_id: int) -> dict[int, list[cn.Observation]]:
        out: dict[int, list[cn.Observation]] = {}
        for r in conn.execute(
            sa.select(OBSERVATION.c.participant_id, OBSERVATION.c.at, OBSERVATION.c.text)
            .where(OBSERVATION.c.meeting_id == meeting_id)
            .order_by(OBSERVATION.c.at)
        ):
            out.setdefault(r.participant_id, []).append(cn.Observation(r.at, r.text))
        return out

    def goals(self, conn: Connection, participant_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
        goal = GOAL
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
