"""Lists of notes: the supervisor's review queue, a counselor's own notes, meetings to document."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from ...core import notes as cn
from ...core.notes import NoteStatus
from ...core.permissions import Principal, can_view_notes, require_review_notes
from .base import NotesBase
from .tables import AUTHOR, EDITABLE_VALUES, GROUP, MEETING, NOTE, PARTICIPANT
from .views import MyNotes, NoteSummary, QueueItem


class NoteLists(NotesBase):
    def review_queue(self, principal: Principal | None, limit: int = 500) -> list[QueueItem]:
        """Notes awaiting co-signature, oldest first, with age and overdue flag; never one's own."""
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
            .where(NOTE.c.status == NoteStatus.AWAITING_COSIGN.value)
            .order_by(NOTE.c.created_at, NOTE.c.id)
            .limit(limit)
        )
        now = self._work.clock.now()
        today = self.today()
        days = self.deadline_days()
        with self._work.read(principal) as uow:
            p = require_review_notes(uow.me())
            rows = uow.conn.execute(stmt.where(NOTE.c.author_id != p.user_id)).all()
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
                NOTE.c.status.in_([*EDITABLE_VALUES, NoteStatus.AWAITING_COSIGN.value]),
                NOTE.c.error_at.is_(None),
            )
            .order_by(MEETING.c.local_day, NOTE.c.kind.desc(), PARTICIPANT.c.preferred_name)
        )
        today = self.today()
        days = self.deadline_days()
        with self._work.read(principal) as uow:
            p = uow.me()
            rows = uow.conn.execute(stmt.where(NOTE.c.author_id == p.user_id)).all()
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

    def meetings_to_document(self, principal: Principal | None, first: date, last: date) -> list[tuple[int, date, str]]:
        """Meetings in a range that the user may document, newest first: (id, day, group name)."""
        stmt = (
            sa.select(MEETING.c.id, MEETING.c.local_day, MEETING.c.group_id, GROUP.c.name)
            .join(GROUP, GROUP.c.id == MEETING.c.group_id)
            .where(MEETING.c.local_day >= first, MEETING.c.local_day <= last, MEETING.c.cancelled_at.is_(None))
            .order_by(MEETING.c.local_day.desc(), MEETING.c.starts_at.desc())
        )
        with self._work.read(principal) as uow:
            p = uow.me()
            rows = uow.conn.execute(stmt).all()
            groups = {r.group_id for r in rows}
            allowed = {gid: can_view_notes(p, self._records.facilitators(uow.conn, gid)[0]) for gid in groups}
        return [(r.id, r.local_day, r.name) for r in rows if allowed.get(r.group_id)]
