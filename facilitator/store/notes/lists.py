"""Lists of notes: the supervisor's review queue, a counselor's own notes, meetings to document."""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa

from ...core import notes as cn
from ...core.notes import NoteStatus
from ...core.permissions import Principal, can_view_notes, require_review_notes
from .base import NotesBase
from .tables import (
    ATTENDANCE,
    ATTENDED,
    AUTHOR,
    EDITABLE_VALUES,
    GROUP,
    GROUP_STAFF,
    MEETING,
    NOTE,
    PARTICIPANT,
    ROUND,
    STAFF,
)
from .views import LateDraft, MyNotes, NoteSummary, OnTimeRate, QueueItem, ReviewDesk, UndocumentedMeeting

#: How far back the desk looks for meetings with no notes, and over which the on-time rate is counted.
DESK_WINDOW_DAYS = 30


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
                out.awaiting.append(item)  # signed: the supervisor's to act on, never the author's lateness
            if item.overdue and status.editable:
                out.overdue.append(item)
        return out

    # -- the supervisor's desk -------------------------------------------------------------------

    def review_desk(self, principal: Principal | None, window_days: int = DESK_WINDOW_DAYS) -> ReviewDesk:
        """What needs the supervisor across all counselors, in one read.

        Notes awaiting co-signature (never the supervisor's own), counselors' drafts and
        returned notes past the clinic's deadline, meetings held in the last ``window_days``
        with no note at all, and each counselor's on-time rate: of their notes whose due date
        fell in that window, how many were first signed by it.
        """
        awaiting = self.review_queue(principal)
        today = self.today()
        days = self.deadline_days()
        first = today - timedelta(days=window_days)
        zone = self.zone()
        with self._work.read(principal) as uow:
            p = require_review_notes(uow.me())
            conn = uow.conn
            open_rows = conn.execute(
                sa.select(
                    NOTE.c.id,
                    NOTE.c.kind,
                    NOTE.c.meeting_id,
                    NOTE.c.status,
                    MEETING.c.local_day,
                    GROUP.c.name.label("group_name"),
                    PARTICIPANT.c.preferred_name,
                    AUTHOR.c.full_name.label("author_name"),
                )
                .join(MEETING, MEETING.c.id == NOTE.c.meeting_id)
                .join(GROUP, GROUP.c.id == MEETING.c.group_id)
                .join(AUTHOR, AUTHOR.c.id == NOTE.c.author_id)
                .outerjoin(PARTICIPANT, PARTICIPANT.c.id == NOTE.c.participant_id)
                .where(NOTE.c.status.in_(EDITABLE_VALUES), NOTE.c.error_at.is_(None), NOTE.c.author_id != p.user_id)
                .order_by(MEETING.c.local_day, AUTHOR.c.full_name, NOTE.c.kind.desc(), PARTICIPANT.c.preferred_name)
            ).all()
            noted = sa.select(NOTE.c.meeting_id).distinct()
            attended = (
                sa.select(ATTENDANCE.c.meeting_id, sa.func.count().label("n"))
                .where(ATTENDANCE.c.status.in_(ATTENDED), ATTENDANCE.c.participant_id.is_not(None))
                .group_by(ATTENDANCE.c.meeting_id)
                .subquery()
            )
            held = conn.execute(
                sa.select(MEETING.c.id, MEETING.c.local_day, MEETING.c.group_id, GROUP.c.name, attended.c.n)
                .join(GROUP, GROUP.c.id == MEETING.c.group_id)
                .join(attended, attended.c.meeting_id == MEETING.c.id)
                .where(
                    MEETING.c.local_day >= first,
                    MEETING.c.ends_at <= uow.now,
                    MEETING.c.cancelled_at.is_(None),
                    MEETING.c.id.not_in(noted),
                )
                .order_by(MEETING.c.local_day, MEETING.c.starts_at)
            ).all()
            staff: dict[int, list[str]] = {}
            group_ids = sorted({r.group_id for r in held})
            if group_ids:
                for gid, name in conn.execute(
                    sa.select(GROUP_STAFF.c.group_id, STAFF.c.name)
                    .join(STAFF, STAFF.c.id == GROUP_STAFF.c.staff_id)
                    .where(GROUP_STAFF.c.group_id.in_(group_ids))
                    .order_by(GROUP_STAFF.c.position)
                ):
                    staff.setdefault(gid, []).append(name)
            first_signed = (
                sa.select(ROUND.c.note_id, sa.func.min(ROUND.c.signed_at, type_=ROUND.c.signed_at.type).label("signed_at"))
                .group_by(ROUND.c.note_id)
                .subquery()
            )
            # Notes of meetings whose due date can fall in the window (a deadline is at most a few weeks).
            rated = conn.execute(
                sa.select(NOTE.c.author_id, AUTHOR.c.full_name, MEETING.c.local_day, first_signed.c.signed_at)
                .join(MEETING, MEETING.c.id == NOTE.c.meeting_id)
                .join(AUTHOR, AUTHOR.c.id == NOTE.c.author_id)
                .outerjoin(first_signed, first_signed.c.note_id == NOTE.c.id)
                .where(MEETING.c.local_day >= first - timedelta(days=2 * days + 14), MEETING.c.local_day <= today,
                       NOTE.c.error_at.is_(None))
            ).all()
        desk = ReviewDesk(awaiting=awaiting, deadline_days=days, window_days=window_days)
        due_by_day: dict[date, date] = {}

        def due_of(day: date) -> date:
            if day not in due_by_day:
                due_by_day[day] = cn.due_date(day, days)
            return due_by_day[day]

        for r in open_rows:
            due = due_of(r.local_day)
            if today > due:
                desk.late_drafts.append(
                    LateDraft(
                        r.id, r.kind, r.meeting_id, r.local_day, r.group_name, r.preferred_name or "",
                        r.author_name, NoteStatus(r.status), due, (today - due).days,
                    )
                )
        for r in held:
            desk.undocumented.append(
                UndocumentedMeeting(r.id, r.local_day, r.name, ", ".join(staff.get(r.group_id, [])), int(r.n),
                                    due_of(r.local_day))
            )
        names: dict[int, str] = {}
        due_count: dict[int, int] = {}
        on_time: dict[int, int] = {}
        for r in rated:
            due = due_of(r.local_day)
            if not (first <= due < today):
                continue  # not due yet (it may still be signed today), or due before the window
            names[r.author_id] = r.full_name
            due_count[r.author_id] = due_count.get(r.author_id, 0) + 1
            if r.signed_at is not None and r.signed_at.astimezone(zone).date() <= due:
                on_time[r.author_id] = on_time.get(r.author_id, 0) + 1
        desk.on_time = sorted(
            (OnTimeRate(a, names[a], due_count[a], on_time.get(a, 0)) for a in due_count),
            key=lambda rate: (rate.percent, rate.author_name),
        )
        return desk

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
