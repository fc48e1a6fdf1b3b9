"""Printing and exporting notes: signed notes as the plain view-models the PDF renderer takes.

Every print or export is audited in the same transaction as the read it prints, with the
participant it concerns; only signed notes are part of the record (drafts are counted, not printed).
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

import sqlalchemy as sa

from ...core import limits
from ...core.notes_print import CONTEXT, NotesPrint, PrintedAddendum, PrintedNote
from ...core.permissions import Principal
from ...core.print_language import clinic_record_language, core_word, period, tr
from ..access import Access
from .reading import NoteReads
from .tables import PARTICIPANT
from .views import NotesError, NoteView


def _done(action: str) -> str:
    return {"print": "printed", "export": "exported"}.get(action, action)


class NotePrinting(NoteReads):
    def record_export(
        self, principal: Principal | None, action: str, what: str, participant_id: int | None = None, detail: str = ""
    ) -> None:
        """An export or print of notes made elsewhere (a print dialog), for the audit trail."""
        with self._work.begin(principal) as uow:
            uow.me()
            uow.audit(action, record_type="notes", record_id=what, participant_id=participant_id, detail=detail)

    def _printed(self, note: NoteView, zone: tzinfo, language: str = "en") -> PrintedNote:
        def when(value: datetime | None) -> str:
            return value.astimezone(zone).strftime("%Y-%m-%d %H:%M") if value else ""

        heading = (
            tr(language, CONTEXT, "Group note")
            if note.is_group
            else tr(language, CONTEXT, "{name} (record {record})", name=note.participant_name, record=note.record_number)
        )
        return PrintedNote(
            heading=heading,
            meeting_line=f"{note.meeting_day.isoformat()} · {note.group_name}",
            note_format=core_word(language, note.note_format),
            sections=tuple(
                (core_word(language, s.label), note.content.get(s.key, ""))
                for s in note.sections
                if s.required or str(note.content.get(s.key, "") or "").strip()  # an empty optional section is left out
            ),
            status=core_word(language, note.status.label),
            signed=f"{note.signature} — {when(note.signed_at)}",
            cosigned=f"{note.cosignature} — {when(note.cosigned_at)}" if note.cosigned_at else "",
            addenda=tuple(PrintedAddendum(when(a.created_at), a.signature, a.text) for a in note.addenda),
            error=tr(language, CONTEXT, "ENTERED IN ERROR ({when}): {reason}", when=when(note.error_at),
                     reason=note.error_reason) if note.error_at else "",
        )

    def participant_print(
        self, principal: Principal | None, record_number: str, first: date, last: date, action: str = "export",
        *, language: str = "en",
    ) -> NotesPrint:
        """One participant's signed notes over a range, for a PDF in ``language``; the export is audited.

        The viewer's right to see the participant is checked before anything about them is
        read: a record number nobody has and one of a participant in none of her groups get
        the same ``NoSuchParticipant`` (even over dates with no notes, where the chart alone
        would have nothing to refuse). The PDF names the signed-in account as preparer.
        """
        problem = limits.report_range_problem(first, last)
        if problem:
            raise NotesError(problem)
        with self._work.read(principal) as uow:
            p = uow.me()
            participant_id = Access(uow, setup=False).participant_by_record(record_number)
            row = uow.conn.execute(
                sa.select(
                    PARTICIPANT.c.id, PARTICIPANT.c.preferred_name, PARTICIPANT.c.legal_name, PARTICIPANT.c.record_number
                ).where(PARTICIPANT.c.id == participant_id)
            ).one()
            notes = self._chart(uow, row.id, first, last, audit=False)
            signed = [n for n in notes if n.status.locked]
            uow.audit(
                action,
                record_type="notes",
                record_id=f"participant {row.id} notes",
                participant_id=row.id,
                detail=f"{_done(action)} {len(signed)} signed note(s), {first.isoformat()} to {last.isoformat()}",
            )
        zone = self.zone()
        language = clinic_record_language(language)
        return NotesPrint(
            title=tr(language, CONTEXT, "Progress notes"),
            subject=tr(language, CONTEXT, "{legal} ({preferred}), record {record}", legal=row.legal_name,
                       preferred=row.preferred_name, record=row.record_number),
            period=period(language, first, last),
            clinic_name=self._settings.clinic_name(),
            prepared_by=p.signature,
            generated_at=self._work.clock.now().astimezone(zone),
            notes=tuple(self._printed(n, zone, language) for n in signed),
            omitted_unsigned=len(notes) - len(signed),
            language=language,
        )

    def meeting_print(
        self, principal: Principal | None, meeting_id: int, action: str = "export", *, language: str = "en"
    ) -> NotesPrint:
        """A meeting's signed notes (group note first), for a PDF in ``language``; the export is audited."""
        with self._work.read(principal) as uow:
            p = uow.me()
            meeting = self._meeting_notes(uow, meeting_id, audit=False)
            signed = [n for n in meeting.notes if n.status.locked]
            uow.audit(
                action,
                record_type="notes",
                record_id=f"meeting {meeting_id} notes",
                detail=f"{_done(action)} {len(signed)} signed note(s) of the meeting",
            )
        zone = self.zone()
        language = clinic_record_language(language)
        return NotesPrint(
            title=tr(language, CONTEXT, "Group session notes"),
            subject=tr(language, CONTEXT, "{group}, meeting of {day}", group=meeting.group_name,
                       day=meeting.day.isoformat()),
            period=meeting.day.isoformat(),
            clinic_name=self._settings.clinic_name(),
            prepared_by=p.signature,
            generated_at=self._work.clock.now().astimezone(zone),
            notes=tuple(self._printed(n, zone, language) for n in signed),
            omitted_unsigned=len(meeting.notes) - len(signed),
            language=language,
        )
