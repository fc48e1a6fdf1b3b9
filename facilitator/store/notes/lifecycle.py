"""A note's life: drafts started from the meeting, saved, signed, reviewed, amended.

Each write is one unit of work: the rule from ``core.permissions``, the change, the audit
entry in words a reviewer reads, and what changed (``NOTE`` / ``OBSERVATION`` ids) for
every open view here and on the other workstations. The database's triggers lock what is
signed, so a bug here could not change a signed note either.

Two workstations never overwrite each other: a draft save names the version it was read
at (``NoteView.version``) and applies only to it; a signature or a review applies only to
the version it was given (or, without one, to the version read in the same transaction).
Whoever comes second gets a sentence naming who changed the note and when.

``save_draft`` is the hot path (the editor calls it as the user types): one guarded UPDATE
by primary key; only when it matches nothing does it look up why.
"""

from __future__ import annotations

from collections.abc import Mapping

import sqlalchemy as sa

from facilitator.core.catalogue import core_word, say

from ...core import changes as ch
from ...core import measures as cm
from ...core import notes as cn
from ...core.audit import AuditAction, signed_hash_words
from ...core.changes import ConflictError, GoneError
from ...core.notes import NoteAction, NoteFormat, NoteStatus
from ...core.permissions import (
    Principal,
    require_add_addendum,
    require_add_observation,
    require_choose_note_format,
    require_cosign,
    require_edit_note,
    require_mark_entered_in_error,
    require_return_note,
    require_write_note,
)
from .. import measures, signatures
from ..unit_of_work import UnitOfWork
from .reading import NoteReads
from .tables import (
    ADDENDUM,
    ATTENDED,
    EDITABLE_VALUES,
    GROUP_FORMAT,
    NOTE,
    OBSERVATION,
    PARTICIPANT,
    ROUND,
    USER,
    dumps,
    loads,
)
from .views import DraftSaved, MeetingNotes, NotesError, NoteView, ObservationView

RECORD = "progress_note"


class NoteLifecycle(NoteReads):
    # -- starting a meeting's notes ------------------------------------------------------------

    def start_meeting_notes(self, principal: Principal | None, meeting_id: int) -> MeetingNotes:
        """Create (prefilled) whatever notes the meeting still lacks, then return them all.

        The group note and one individual note per attendee; absent participants get none.
        Calling it again after attendance changed adds the notes of late-marked attendees.
        """
        zone = self.zone()
        with self._work.begin(principal) as uow:
            p = uow.me()
            conn, records = uow.conn, self._records
            meeting = records.meeting_row(conn, meeting_id)
            staff_ids, staff_names = records.facilitators(conn, meeting.group_id)
            require_write_note(p, staff_ids)
            if meeting.cancelled_at is not None:
                raise NotesError(say("store.notes.lifecycle", "This meeting was cancelled; it has nothing to document.",
                                     ))
            attendance = records.attendance(conn, meeting_id)
            run = records.run_record(conn, meeting_id, uow.now)
            facts = records.facts(conn, meeting, attendance, staff_names, run=run)
            existing = conn.execute(
                sa.select(NOTE.c.kind, NOTE.c.participant_id).where(NOTE.c.meeting_id == meeting_id)
            ).all()
            has_group = any(r.kind == "group" for r in existing)
            have = {r.participant_id for r in existing if r.kind == "individual"}
            fmt = records.group_format(conn, meeting.group_id, self.clinic_format())
            attendees = [a for a in attendance if a.status in ATTENDED and a.participant_id not in have]
            goals = records.goals(conn, [a.participant_id for a in attendees])
            observations = records.observations(conn, meeting_id)
            attendee_ids = [a.participant_id for a in attendees]
            check_ins = measures.check_in_lines(conn, meeting_id, attendee_ids)
            flags = measures.open_flags_for(conn, attendee_ids, uow.now)
            rows: list[dict[str, object]] = []
            base = dict(
                meeting_id=meeting_id,
                author_id=p.user_id,
                status=NoteStatus.DRAFT.value,
                created_at=uow.now,
                updated_at=uow.now,
                updated_by_id=p.user_id,
            )
            if not has_group:
                content = cn.prefill_group(facts, zone)
                rows.append(dict(base, kind="group", participant_id=None, note_format="", content=dumps(content)))
            for a in attendees:
                person = cn.AttendeeFacts(
                    participant_id=a.participant_id,
                    preferred_name=a.preferred_name,
                    legal_name=a.legal_name,
                    status=a.status,
                    minutes_attended=records.minutes(meeting, a),
                    goals=goals.get(a.participant_id, ()),
                    roles=records.roles(run, a.arrived_at, a.left_at, a.participant_id),
                    arrived_at=a.arrived_at,
                    left_at=a.left_at,
                    observations=tuple(observations.get(a.participant_id, ())),
                    check_in=check_ins.get(a.participant_id, ""),
                    risk=cm.risk_line(*flags[a.participant_id]) if a.participant_id in flags else "",
                )
                content = cn.prefill_individual(fmt, facts, person, zone)
                rows.append(
                    dict(
                        base,
                        kind="individual",
                        participant_id=a.participant_id,
                        note_format=fmt.value,
                        content=dumps(content),
                    )
                )
            if rows:
                ids = [int(i) for i in conn.execute(NOTE.insert().returning(NOTE.c.id), rows).scalars()]
                uow.changed(ch.NOTE, *ids)
                uow.audit(
                    AuditAction.CREATE,
                    record_type=RECORD,
                    record_id=f"meeting {meeting_id}",
                    detail=f"started {len(rows)} draft note(s)",
                )
            return self._meeting_notes(uow, meeting_id, audit=True)

    # -- drafts --------------------------------------------------------------------------------

    def save_draft(
        self, principal: Principal | None, note_id: int, content: Mapping[str, object], version: int | None
    ) -> DraftSaved:
        """Save what the author typed over the version they read (``NoteView.version``).

        Someone else saved since: ``ConflictError`` naming who and when, and nothing is
        overwritten. ``version=None`` saves over whatever is there, after the user chose to
        (it is audited, since it replaces another save).
        """
        body = dumps(content)
        with self._work.begin(principal) as uow:
            p = uow.me()
            kind = uow.conn.execute(sa.select(NOTE.c.kind, NOTE.c.note_format).where(NOTE.c.id == note_id)).first()
            cn.check_content(cn.sections_for(kind.kind, kind.note_format) if kind is not None else (), content)
            try:
                new_version = uow.update_versioned(
                    NOTE,
                    note_id,
                    version,
                    {"content": body, "updated_at": uow.now},
                    kind=ch.NOTE,
                    what="note",
                    where=sa.and_(NOTE.c.author_id == p.user_id, NOTE.c.status.in_(EDITABLE_VALUES)),
                )
            except (ConflictError, GoneError):
                self._why_not_editable(uow, note_id)
                raise
            if version is None:
                participant_id = uow.conn.execute(sa.select(NOTE.c.participant_id).where(NOTE.c.id == note_id)).scalar()
                uow.audit(
                    AuditAction.CHANGE,
                    record_type=RECORD,
                    record_id=note_id,
                    participant_id=participant_id,
                    detail="saved a draft over another workstation's version",
                )
        return DraftSaved(note_id, new_version, uow.now)

    def _why_not_editable(self, uow: UnitOfWork, note_id: int) -> None:
        """Raise the sentence for a draft that could not be saved, unless it is a version conflict."""
        row = uow.conn.execute(sa.select(NOTE.c.author_id, NOTE.c.status).where(NOTE.c.id == note_id)).first()
        if row is None:
            raise NotesError(say("store.notes.lifecycle", "That note no longer exists."))
        require_edit_note(uow.me(), row.author_id)
        if row.status not in EDITABLE_VALUES:
            raise NotesError(say("store.notes.lifecycle", "This note is {label} and can no longer be changed.",
                                 label=core_word(NoteStatus(row.status).label, lower=True)))

    # -- signing -------------------------------------------------------------------------------

    def sign(
        self,
        principal: Principal | None,
        note_id: int,
        *,
        content: Mapping[str, object] | None = None,
        version: int | None = None,
    ) -> NoteView:
        """The author signs (with ``content``, if given, saved first); the note locks.

        The signature is the signed-in account's name and credentials as the account holds
        them now, never typed at signing. With co-signature needed the note goes to the
        queue. ``version`` is the one the author read: if someone saved since, nothing is
        signed (``ConflictError``).
        """
        with self._work.begin(principal) as uow:
            p = uow.me()
            row = self._note_row(uow.conn, note_id)
            require_edit_note(p, row.author_id)
            if version is not None and row.version != version:
                raise uow.conflict(NOTE, note_id, kind=ch.NOTE, what="note")
            if content is not None and row.status not in EDITABLE_VALUES:
                raise NotesError(say("store.notes.lifecycle", "This note is {label} and can no longer be changed.",
                                     label=core_word(NoteStatus(row.status).label, lower=True)))
            signer, signer_credentials = self._signature(uow)
            stored = dumps(content) if content is not None else row.content
            cn.check_can_sign(cn.sections_for(row.kind, row.note_format), loads(stored), signer, signer_credentials)
            if row.kind == "individual" and row.participant_id is not None:
                flagged = row.participant_id in measures.open_flags_for(uow.conn, [row.participant_id], uow.now)
                name = uow.conn.execute(
                    sa.select(PARTICIPANT.c.preferred_name).where(PARTICIPANT.c.id == row.participant_id)
                ).scalar()
                cn.check_risk_section(loads(stored), flagged, name)
            status = cn.next_status(row.status, NoteAction.SIGN, p.needs_cosign)
            new_round = row.round + 1 if row.status == NoteStatus.RETURNED.value else row.round
            uow.update_versioned(
                NOTE,
                note_id,
                row.version,
                {
                    "content": stored,
                    "status": status.value,
                    "round": new_round,
                    "signed_at": uow.now,
                    "signer_name": signer,
                    "signer_credentials": signer_credentials,
                    "updated_at": uow.now,
                },
                kind=ch.NOTE,
                what="note",
                where=NOTE.c.status == row.status,
            )
            uow.conn.execute(
                ROUND.insert().values(
                    note_id=note_id,
                    round=new_round,
                    note_format=row.note_format,
                    content=stored,
                    signed_at=uow.now,
                    signer_id=p.user_id,
                    signer_name=signer,
                    signer_credentials=signer_credentials,
                    outcome="awaiting" if status is NoteStatus.AWAITING_COSIGN else "final",
                )
            )
            signed = signatures.signed_round_hash(uow.conn, note_id, new_round)  # what was signed, hashed
            uow.audit(
                AuditAction.SIGN,
                record_type=RECORD,
                record_id=note_id,
                participant_id=row.participant_id,
                detail=f"signed round {new_round}; {signed_hash_words(signed)}",
            )
            return self._view(uow, note_id)

    @staticmethod
    def _signature(uow: UnitOfWork) -> tuple[str, str]:
        """The signed-in account's name and credentials, read in this transaction."""
        p = uow.me()
        row = uow.conn.execute(sa.select(USER.c.full_name, USER.c.credentials).where(USER.c.id == p.user_id)).first()
        if row is None:
            return p.full_name.strip(), p.credentials.strip()
        return (row.full_name or "").strip(), (row.credentials or "").strip()

    # -- review --------------------------------------------------------------------------------

    def cosign(self, principal: Principal | None, note_id: int, version: int | None = None) -> NoteView:
        """A supervisor co-signs a note awaiting co-signature; of two at once, one wins."""
        with self._work.begin(principal) as uow:
            p = uow.me()
            row = self._visible_row(uow, note_id)
            require_cosign(p, row.author_id)
            if version is not None and row.version != version:
                raise self._reviewed_meanwhile(uow, note_id) or uow.conflict(NOTE, note_id, kind=ch.NOTE, what="note")
            cn.next_status(row.status, NoteAction.COSIGN)
            cosigner, cosigner_credentials = self._signature(uow)
            self._review_update(
                uow,
                row,
                {
                    "status": NoteStatus.COSIGNED.value,
                    "cosigned_at": uow.now,
                    "cosigner_id": p.user_id,
                    "cosigner_name": cosigner,
                    "cosigner_credentials": cosigner_credentials,
                    "updated_at": uow.now,
                },
            )
            self._close_round(uow, row, "cosigned", cosigner, cosigner_credentials)
            cosigned = signatures.cosigned_note_hash(uow.conn, note_id)  # what was co-signed, hashed
            uow.audit(
                AuditAction.COSIGN,
                record_type=RECORD,
                record_id=note_id,
                participant_id=row.participant_id,
                detail=f"co-signed round {row.round}; {signed_hash_words(cosigned, cosign=True)}",
            )
            return self._view(uow, note_id)

    def return_note(
        self, principal: Principal | None, note_id: int, comment: str, version: int | None = None
    ) -> NoteView:
        """Send a note back to its author with a comment; it becomes editable for them."""
        comment = comment.strip()
        if not comment:
            raise NotesError(say("store.notes.lifecycle", "Say what needs changing before returning the note."))
        cn.check_return_comment(comment)
        with self._work.begin(principal) as uow:
            p = uow.me()
            row = self._visible_row(uow, note_id)
            require_return_note(p, row.author_id)
            if version is not None and row.version != version:
                raise self._reviewed_meanwhile(uow, note_id) or uow.conflict(NOTE, note_id, kind=ch.NOTE, what="note")
            cn.next_status(row.status, NoteAction.RETURN)
            reviewer, reviewer_credentials = self._signature(uow)
            self._review_update(
                uow,
                row,
                {
                    "status": NoteStatus.RETURNED.value,
                    "returned_at": uow.now,
                    "return_comment": comment,
                    "updated_at": uow.now,
                },
            )
            self._close_round(uow, row, "returned", reviewer, reviewer_credentials, comment)
            uow.audit(
                AuditAction.RETURN,
                record_type=RECORD,
                record_id=note_id,
                participant_id=row.participant_id,
                detail=f"returned round {row.round} with a comment",
            )
            return self._view(uow, note_id)

    @staticmethod
    def _close_round(
        uow: UnitOfWork, row: sa.Row, outcome: str, name: str, credentials: str, comment: str = ""  # type: ignore[type-arg]
    ) -> None:
        """How the review of the signed round ended (co-signed or returned), and by whom."""
        values: dict[str, object] = {
            "outcome": outcome,
            "reviewed_at": uow.now,
            "reviewer_id": uow.me().user_id,
            "reviewer_name": name,
            "reviewer_credentials": credentials,
        }
        if comment:
            values["comment"] = comment
        uow.conn.execute(ROUND.update().where(ROUND.c.note_id == row.id, ROUND.c.round == row.round).values(**values))

    def _review_update(self, uow: UnitOfWork, row: sa.Row, values: dict[str, object]) -> None:  # type: ignore[type-arg]
        """Apply a review to the version read in this transaction; a reviewer who came second is told."""
        try:
            uow.update_versioned(
                NOTE,
                row.id,
                row.version,
                values,
                kind=ch.NOTE,
                what="note",
                where=NOTE.c.status == NoteStatus.AWAITING_COSIGN.value,
            )
        except ConflictError as exc:
            raise self._reviewed_meanwhile(uow, row.id) or exc from None

    def _reviewed_meanwhile(self, uow: UnitOfWork, note_id: int) -> NotesError | None:
        """If someone reviewed the note since it was read, the sentence saying who and when."""
        now = uow.conn.execute(
            sa.select(
                NOTE.c.status,
                NOTE.c.cosigner_name,
                NOTE.c.cosigned_at,
                NOTE.c.returned_at,
                NOTE.c.updated_at,
                USER.c.full_name,
            )
            .select_from(NOTE.outerjoin(USER, USER.c.id == NOTE.c.updated_by_id))
            .where(NOTE.c.id == note_id)
        ).first()
        if now is None:
            return None
        if now.status == NoteStatus.COSIGNED.value:
            return NotesError(
                say("store.notes.lifecycle", "{name} co-signed this note at {when}, just before you; there is nothing "
                    "left to do.",
                    name=now.cosigner_name or say("store.notes.lifecycle", "Another supervisor"),
                    when=self._when(now.cosigned_at))
            )
        if now.status == NoteStatus.RETURNED.value:
            return NotesError(
                say("store.notes.lifecycle", "{name} returned this note to its author at {when}, just before you; it "
                    "is back with the author.",
                    name=now.full_name or say("store.notes.lifecycle", "Another supervisor"),
                    when=self._when(now.returned_at))
            )
        return None

    # -- after signing -------------------------------------------------------------------------

    def add_addendum(self, principal: Principal | None, note_id: int, text: str) -> NoteView:
        """A dated, signed addition to a signed note; the original is unchanged."""
        with self._work.begin(principal) as uow:
            p = uow.me()
            row = self._visible_row(uow, note_id)
            require_add_addendum(p, row.author_id)
            cn.check_can_add_addendum(row.status, text)
            author_name, author_credentials = self._signature(uow)
            uow.conn.execute(
                ADDENDUM.insert().values(
                    note_id=note_id,
                    author_id=p.user_id,
                    author_name=author_name,
                    author_credentials=author_credentials,
                    created_at=uow.now,
                    text=text.strip(),
                )
            )
            # Addenda only add: a new version tells open views, and never refuses a second addendum.
            uow.update_versioned(NOTE, note_id, None, {}, kind=ch.NOTE, what="note")
            uow.audit(
                AuditAction.CHANGE,
                record_type=RECORD,
                record_id=note_id,
                participant_id=row.participant_id,
                detail="added an addendum",
            )
            return self._view(uow, note_id)

    def mark_entered_in_error(self, principal: Principal | None, note_id: int, reason: str) -> NoteView:
        """Mark a signed note as entered in error; it stays in the record, marked, with the reason."""
        with self._work.begin(principal) as uow:
            p = uow.me()
            row = self._visible_row(uow, note_id)
            require_mark_entered_in_error(p, row.author_id)
            cn.check_can_mark_in_error(row.status, row.error_at is not None, reason)
            try:
                uow.update_versioned(
                    NOTE,
                    note_id,
                    row.version,
                    {"error_at": uow.now, "error_by_id": p.user_id, "error_reason": reason.strip()},
                    kind=ch.NOTE,
                    what="note",
                    where=NOTE.c.error_at.is_(None),
                )
            except ConflictError:
                row = self._note_row(uow.conn, note_id)
                if row.error_at is not None:
                    raise NotesError(
                        say("store.notes.lifecycle", "This note was marked entered in error at {when}, just before "
                            "you.", when=self._when(row.error_at))
                    ) from None
                raise
            uow.audit(
                AuditAction.CHANGE,
                record_type=RECORD,
                record_id=note_id,
                participant_id=row.participant_id,
                detail="marked entered in error",
            )
            return self._view(uow, note_id)

    # -- during the session -------------------------------------------------------------------

    def add_observation(
        self, principal: Principal | None, meeting_id: int, participant_id: int, text: str
    ) -> ObservationView:
        """A timestamped observation typed during the session; it lands in the person's note.

        If the note already exists and the user can still edit it, the line is appended to
        the section where the format keeps what was observed (a new version of the draft);
        otherwise prefill picks it up when the notes are started.
        """
        text = " ".join(text.split())
        if not text:
            raise NotesError(say("store.notes.lifecycle", "Type the observation first."))
        cn.check_observation(text)
        with self._work.begin(principal) as uow:
            p = uow.me()
            meeting = self._records.meeting_row(uow.conn, meeting_id)
            require_add_observation(p, self._records.facilitators(uow.conn, meeting.group_id)[0])
            new_id = int(
                uow.conn.execute(
                    OBSERVATION.insert()
                    .values(
                        meeting_id=meeting_id, participant_id=participant_id, author_id=p.user_id, at=uow.now, text=text
                    )
                    .returning(OBSERVATION.c.id)
                ).scalar_one()
            )
            uow.changed(ch.OBSERVATION, new_id)
            note = uow.conn.execute(
                sa.select(NOTE.c.id, NOTE.c.content, NOTE.c.note_format, NOTE.c.version).where(
                    NOTE.c.meeting_id == meeting_id,
                    NOTE.c.participant_id == participant_id,
                    NOTE.c.author_id == p.user_id,
                    NOTE.c.status.in_(EDITABLE_VALUES),
                )
            ).first()
            if note is not None:
                line = f"[{uow.now.astimezone(self.zone()):%H:%M}] {text}"
                content = cn.append_observation(loads(note.content), note.note_format, line)
                # A section already at its limit keeps the observation in its own record only.
                if cn.content_problem((), content) is None:
                    uow.update_versioned(
                        NOTE, note.id, note.version, {"content": dumps(content)}, kind=ch.NOTE, what="note"
                    )
            uow.audit(
                AuditAction.CREATE,
                record_type="note_observation",
                record_id=new_id,
                participant_id=participant_id,
                detail="added an observation" + (" to the draft note" if note is not None else ""),
            )
        return ObservationView(new_id, meeting_id, participant_id, uow.now, text)

    # -- the group's format ----------------------------------------------------------------------

    def set_group_format(self, principal: Principal | None, group_id: int, note_format: NoteFormat | str) -> None:
        """A group's note format, for notes started from now on; supervisors and administrators choose it."""
        fmt = cn.parse_format(note_format)
        with self._work.begin(principal) as uow:
            require_choose_note_format(uow.me())
            uow.conn.execute(GROUP_FORMAT.delete().where(GROUP_FORMAT.c.group_id == group_id))
            uow.conn.execute(GROUP_FORMAT.insert().values(group_id=group_id, note_format=fmt.value))
            uow.changed(ch.GROUP, group_id)
            uow.audit(
                AuditAction.CHANGE,
                record_type="care_group",
                record_id=group_id,
                detail=f"chose {fmt.value} as the group's note format",
            )
