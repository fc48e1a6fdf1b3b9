"""Facts about a meeting that its notes start from: reads of other areas' tables.

The meeting and its group, the group's facilitators, attendance and minutes attended,
participants' goals, in-session observations, the curriculum session, and what the session
runner recorded (actual times, the agenda as run, role-play seats). Everything here reads on
the caller's connection, inside its unit of work.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ...core import notes as cn
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
            raise NotesError("That meeting no longer exists.")
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

    def run_record(self, conn: Connection, meeting_id: int) -> tuple[datetime | None, datetime | None, list]:  # type: ignore[type-arg]
        """Actual start, end and agenda from the session runner's latest run of the meeting."""
        run, item = other_table("run"), other_table("run_item")
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

    def roles(self, conn: Connection, meeting_id: int) -> dict[int, tuple[cn.RolePlayPart, ...]]:
        """Each participant's role-play seats in the meeting's latest run."""
        run, item, role = other_table("run"), other_table("run_item"), other_table("run_role")
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

    def facts(
        self,
        conn: Connection,
        meeting: sa.Row,
        attendance: list[sa.Row],
        staff_names: tuple[str, ...],  # type: ignore[type-arg]
    ) -> cn.MeetingFacts:
        curriculum, session = self.curriculum(meeting.curriculum_id, meeting.session_id)
        started, ended, agenda = self.run_record(conn, meeting.id)
        if not agenda and session is not None:
            agenda = [cn.AgendaRun(i.title, i.kind.value, i.minutes) for i in session.agenda]
        group_type = meeting.group_type or ""
        try:
            from ...core.curriculum import GroupType

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

    def minutes(self, facts: cn.MeetingFacts, row: sa.Row) -> int | None:  # type: ignore[type-arg]
        if facts.starts_at is None or facts.ends_at is None:
            return None
        begin = max(facts.starts_at, row.arrived_at) if row.arrived_at else facts.starts_at
        end = min(facts.ends_at, row.left_at) if row.left_at else facts.ends_at
        return max(0, int((end - begin).total_seconds() / 60 + 0.5))

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
