"""Reading notes: one note, a meeting's notes, a note's signed rounds, a participant's chart.

Opening notes is a view of health data, so the meeting's notes and the chart are audited
(in the same transaction as the read).
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from ...core import notes as cn
from ...core.audit import AuditAction
from ...core.notes import NoteFormat
from ...core.permissions import Principal, can_view_notes, require_view_chart, require_view_notes
from ..unit_of_work import UnitOfWork
from .base import NotesBase
from .tables import ATTENDED, MEETING, NOTE, OBSERVATION, PARTICIPANT, ROUND, loads
from .views import AbsentPerson, MeetingNotes, NoteView, ObservationView, RoundView


class NoteReads(NotesBase):
    def note(self, principal: Principal | None, note_id: int) -> NoteView:
        with self._work.read(principal) as uow:
            return self._view(uow, note_id)

    def group_format(self, principal: Principal | None, group_id: int) -> NoteFormat:
        """The format of a group's new individual notes (its own choice, else the clinic's)."""
        with self._work.read(principal) as uow:
            uow.me()
            return self._records.group_format(uow.conn, group_id, self.clinic_format())

    def meeting_notes(self, principal: Principal | None, meeting_id: int, audit: bool = True) -> MeetingNotes:
        """A meeting's notes; opening them is a view of health data, so it is audited."""
        with self._work.read(principal) as uow:
            return self._meeting_notes(uow, meeting_id, audit)

    def _meeting_notes(self, uow: UnitOfWork, meeting_id: int, audit: bool) -> MeetingNotes:
        conn = uow.conn
        records = self._records
        meeting = records.meeting_row(conn, meeting_id)
        staff_ids, staff_names = records.facilitators(conn, meeting.group_id)
        require_view_notes(uow.me(), staff_ids)
        attendance = records.attendance(conn, meeting_id)
        facts = records.facts(conn, meeting, attendance, staff_names, now=uow.now)
        notes = self._views(conn, NOTE.c.meeting_id == meeting_id, (NOTE.c.kind.desc(), PARTICIPANT.c.preferred_name))
        fmt = records.group_format(conn, meeting.group_id, self.clinic_format())
        if audit:
            uow.audit(
                AuditAction.VIEW,
                record_type="meeting notes",
                record_id=f"meeting {meeting_id}",
                detail=f"opened {len(notes)} note(s)",
            )
        return MeetingNotes(
            meeting_id=meeting_id,
            group_id=meeting.group_id,
            group_name=meeting.group_name,
            day=meeting.local_day,
            note_format=fmt,
            facts=facts,
            group_note=next((n for n in notes if n.is_group), None),
            individual=tuple(n for n in notes if not n.is_group),
            absent=tuple(
                AbsentPerson(a.participant_id, a.preferred_name, a.status)
                for a in attendance
                if a.status not in ATTENDED
            ),
            people=tuple(cn.PersonNames(a.participant_id, a.preferred_name, a.legal_name) for a in attendance),
            facilitator_ids=staff_ids,
        )

    def history(self, principal: Principal | None, note_id: int) -> list[RoundView]:
        """Every round the author signed, and how each review ended."""
        with self._work.read(principal) as uow:
            self._visible_row(uow, note_id)
            rows = uow.conn.execute(sa.select(ROUND).where(ROUND.c.note_id == note_id).order_by(ROUND.c.round)).all()
        return [
            RoundView(
                r.round,
                r.note_format,
                loads(r.content),
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
        with self._work.read(principal) as uow:
            return self._chart(uow, participant_id, first, last, audit)

    def _chart(
        self, uow: UnitOfWork, participant_id: int, first: date | None, last: date | None, audit: bool
    ) -> list[NoteView]:
        p = uow.me()
        where = NOTE.c.participant_id == participant_id
        if first is not None:
            where = sa.and_(where, MEETING.c.local_day >= first)
        if last is not None:
            where = sa.and_(where, MEETING.c.local_day <= last)
        notes = self._views(uow.conn, where, (MEETING.c.local_day, MEETING.c.starts_at, NOTE.c.id))
        staff = {gid: self._records.facilitators(uow.conn, gid)[0] for gid in {n.group_id for n in notes}}
        if notes:
            require_view_chart(p, staff.values())
        visible = [n for n in notes if can_view_notes(p, staff[n.group_id])]
        if audit:
            uow.audit(
                AuditAction.VIEW,
                record_type="progress_note",
                record_id=f"chart {participant_id}",
                participant_id=participant_id,
                detail=f"opened the chart ({len(visible)} note(s))",
            )
        return visible

    def observations(self, principal: Principal | None, meeting_id: int) -> list[ObservationView]:
        with self._work.read(principal) as uow:
            meeting = self._records.meeting_row(uow.conn, meeting_id)
            require_view_notes(uow.me(), self._records.facilitators(uow.conn, meeting.group_id)[0])
            rows = uow.conn.execute(
                sa.select(OBSERVATION).where(OBSERVATION.c.meeting_id == meeting_id).order_by(OBSERVATION.c.at)
            ).all()
        return [ObservationView(r.id, r.meeting_id, r.participant_id, r.at, r.text) for r in rows]
