"""What every part of the notes service shares: the unit of work, settings, meeting facts,
and turning note rows into ``NoteView`` values.

The service acts for the principal each call names (the signed-in user, passed by the app
and the command line): every read opens ``work.read(principal)`` and every write
``work.begin(principal)``, so a disabled account, a changed role or a restored database
stops it with a sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, tzinfo

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from facilitator.core.catalogue import say

from ...core.changes import moment_words
from ...core.notes import NoteFormat, NoteStatus
from ...core.permissions import Principal, require_view_notes
from ..unit_of_work import UnitOfWork, Work
from .facts import MeetingRecords
from .settings import NoteSettings, SettingsSource
from .tables import ADDENDUM, AUTHOR, EDITOR, GROUP, MEETING, NOTE, PARTICIPANT, loads
from .views import AddendumView, NotesError, NoteView


class NotesBase:
    """The state the notes service's parts share; see the module docstring."""

    def __init__(
        self,
        work: Work,
        settings: SettingsSource | None = None,
        library: Callable[[], object] | object | None = None,
    ) -> None:
        self._work = work
        self._settings = NoteSettings(settings, work.clock)
        self._records = MeetingRecords(library)

    # -- clinic settings ---------------------------------------------------------------------

    def deadline_days(self) -> int:
        return self._settings.deadline_days()

    def clinic_format(self) -> NoteFormat:
        return self._settings.note_format()

    def zone(self) -> tzinfo:
        return self._settings.zone()

    def today(self) -> date:
        return self._settings.today()

    def _when(self, value: datetime | None) -> str:
        """A time as a sentence says it, in the clinic's zone: "14:05 on 3 Nov"."""
        if value is None:
            return ""
        when = moment_words(value, self.zone())
        return say("store.notes.base", "{time} on {day} {month}", time=when["time"], day=when["day"].lstrip("0"),
                   month=when["month"])

    # -- rows and views -----------------------------------------------------------------------

    def _note_row(self, conn: Connection, note_id: int) -> sa.Row:  # type: ignore[type-arg]
        row = conn.execute(sa.select(NOTE).where(NOTE.c.id == note_id)).first()
        if row is None:
            raise NotesError(say("store.notes.base", "That note no longer exists."))
        return row

    def _visible_row(self, uow: UnitOfWork, note_id: int) -> sa.Row:  # type: ignore[type-arg]
        """The note's row, if the user may see its group's notes."""
        row = self._note_row(uow.conn, note_id)
        group_id = self._records.group_of_meeting(uow.conn, row.meeting_id)
        staff_ids = self._records.facilitators(uow.conn, group_id)[0] if group_id is not None else ()
        require_view_notes(uow.me(), staff_ids)
        return row

    def _view(self, uow: UnitOfWork, note_id: int) -> NoteView:
        """One note as the user may see it (permission checked)."""
        p: Principal = uow.me()
        views = self._views(uow.conn, NOTE.c.id == note_id)
        if not views:
            raise NotesError(say("store.notes.base", "That note no longer exists."))
        require_view_notes(p, self._records.facilitators(uow.conn, views[0].group_id)[0])
        return views[0]

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
                EDITOR.c.full_name.label("updated_by_name"),
            )
            .join(MEETING, MEETING.c.id == NOTE.c.meeting_id)
            .join(GROUP, GROUP.c.id == MEETING.c.group_id)
            .join(author, author.c.id == NOTE.c.author_id)
            .outerjoin(PARTICIPANT, PARTICIPANT.c.id == NOTE.c.participant_id)
            .outerjoin(EDITOR, EDITOR.c.id == NOTE.c.updated_by_id)
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
                content=loads(r.content),
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
                version=r.version,
                updated_by_name=r.updated_by_name or "",
            )
            for r in rows
        ]
