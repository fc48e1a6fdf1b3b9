"""Consents to disclose and the letters written under them, one unit of work per call.

Recording a consent checks every element 42 CFR 2.31 requires (``core.consents``) and
keeps it as a record: the database refuses any later change but its revocation. A letter
(attendance or completion) is written only under a recorded consent that is in force and
covers its recipient and its information; writing it stores a disclosure row and an audit
entry (action "disclose": to whom, under which consent) in the same transaction, so a
letter that went out is always on the record. The letter's facts are read from attendance
and the participant's status, nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from facilitator.core.catalogue import listing, say

from ..core import permissions as perm
from ..core.attendance import AttendanceStatus, clinic_zone, minutes_attended
from ..core.audit import AuditAction
from ..core.catalogue import QT_TRANSLATE_NOOP
from ..core.changes import CONSENT, GoneError, UserFacingError, ValidationError
from ..core.consents import (
    AttendedMeeting,
    ConsentDraft,
    ConsentView,
    Information,
    Letter,
    LetterFacts,
    LetterKind,
    RecipientKind,
    completion_problem,
    consent_problems,
    information_text,
    letter_paragraphs,
    letter_refusal,
    parse_information,
)
from ..core.print_language import clinic_record_language
from ..core.printing import Letterhead
from .access import Access, Scoped
from .attendance import _ConnectionSettings, read_zone_name
from .models import Attendance as AttendanceRow
from .models import CareGroup, Consent, Disclosure, Enrollment, GroupStaff, Meeting, Participant
from .unit_of_work import CURRENT, UnitOfWork, Work

_consent = Consent.__table__  # type: ignore[attr-defined]
_disclosure = Disclosure.__table__  # type: ignore[attr-defined]
_participant = Participant.__table__  # type: ignore[attr-defined]
_enrollment = Enrollment.__table__  # type: ignore[attr-defined]
_group_staff = GroupStaff.__table__  # type: ignore[attr-defined]
_meeting = Meeting.__table__  # type: ignore[attr-defined]
_group = CareGroup.__table__  # type: ignore[attr-defined]
_attendance = AttendanceRow.__table__  # type: ignore[attr-defined]

# A letter from someone who leads only some of the participant's groups says what it counts.
LETTER_SCOPE_NOTE = QT_TRANSLATE_NOOP(
    "print.letter", "These figures count only the groups led by the staff member who wrote this letter."
)


class ConsentError(UserFacingError):
    """A consent or a letter cannot be recorded or written; one sentence for the user."""


class ConsentIncomplete(ValidationError):
    """The consent lacks elements 42 CFR 2.31 requires: a sentence for each, in ``problems``."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        super().__init__(listing(list(self.problems), " "))


@dataclass(frozen=True)
class DisclosureView:
    id: int
    consent_id: int
    letter_kind: LetterKind
    recipient_name: str
    period_first: date
    period_last: date
    made_at: datetime
    made_by: str


class ConsentService(Scoped):
    """Record and revoke consents; write letters under them."""

    def __init__(self, work: Work, principal: Any = CURRENT) -> None:
        super().__init__(work, principal)

    def acting_as(self, principal: Any) -> ConsentService:
        return ConsentService(self.work, principal)

    # -- helpers -------------------------------------------------------------------------------

    def _today(self, uow: UnitOfWork) -> date:
        zone = clinic_zone(read_zone_name(_ConnectionSettings(uow.conn)))
        return uow.now.astimezone(zone).date()

    @staticmethod
    def _group_staff(conn: sa.Connection, participant_id: int) -> list[list[int]]:
        groups = [r[0] for r in conn.execute(
            sa.select(_enrollment.c.group_id).where(_enrollment.c.participant_id == participant_id).distinct())]
        staff: dict[int, list[int]] = {g: [] for g in groups}
        if groups:
            for gid, sid in conn.execute(
                sa.select(_group_staff.c.group_id, _group_staff.c.staff_id).where(_group_staff.c.group_id.in_(groups))
            ):
                staff[gid].append(sid)
        return list(staff.values())

    def _check(self, access: Access, participant_id: int, rule: Any) -> perm.Principal | None:
        access.participant(participant_id)  # "no such participant" and "not yours" read the same
        return access.require(rule, self._group_staff(access.conn, participant_id))

    @staticmethod
    def _who(uow: UnitOfWork, principal: perm.Principal | None) -> tuple[int | None, str]:
        if principal is None:
            return None, "Facilitator setup"
        return principal.user_id, principal.signature[:200]  # the column's length; a name with credentials fits

    @staticmethod
    def _view(row: Any) -> ConsentView:
        return ConsentView(
            id=row.id,
            participant_id=row.participant_id,
            discloser=row.discloser,
            recipient_name=row.recipient_name,
            recipient_kind=RecipientKind(row.recipient_kind),
            information=parse_information(row.information),
            purpose=row.purpose,
            expires_on=row.expires_on,
            expiry_event=row.expiry_event,
            signed_on=row.signed_on,
            recorded_at=row.recorded_at,
            recorded_by=row.recorded_by_name,
            revoked_on=row.revoked_on,
            revoked_at=row.revoked_at,
            revoked_by=row.revoked_by_name,
        )

    def _row(self, conn: sa.Connection, consent_id: int) -> Any:
        row = conn.execute(sa.select(_consent).where(_consent.c.id == consent_id)).first()
        if row is None:
            raise GoneError(say("store.consents", "That consent no longer exists."))
        return row

    # -- reading -------------------------------------------------------------------------------

    def consents(self, participant_id: int) -> list[ConsentView]:
        """The participant's consents, newest first."""
        with self._read() as uow:
            access = self._access(uow)
            self._check(access, participant_id, perm.require_record_consent)
            rows = uow.conn.execute(
                sa.select(_consent).where(_consent.c.participant_id == participant_id).order_by(_consent.c.id.desc())
            ).all()
            self._audit(uow, AuditAction.VIEW, record_type="consents", record_id=participant_id,
                        participant_id=participant_id, detail=f"listed {len(rows)} consents")
            return [self._view(r) for r in rows]

    def disclosures(self, participant_id: int) -> list[DisclosureView]:
        """Every letter that went out about the participant, newest first (an accounting of disclosures)."""
        with self._read() as uow:
            self._check(self._access(uow), participant_id, perm.require_record_consent)
            rows = uow.conn.execute(
                sa.select(_disclosure).where(_disclosure.c.participant_id == participant_id)
                .order_by(_disclosure.c.id.desc())
            ).all()
            return [
                DisclosureView(r.id, r.consent_id, LetterKind(r.letter_kind), r.recipient_name, r.period_first,
                               r.period_last, r.made_at, r.made_by_name)
                for r in rows
            ]

    def participant_id(self, record_number: str) -> int:
        """The participant with this record number, once the user may see them (``NoSuchParticipant`` else)."""
        with self._read() as uow:
            return self._access(uow).participant_by_record(record_number)

    def consent(self, consent_id: int) -> ConsentView:
        with self._read() as uow:
            row = self._row(uow.conn, consent_id)
            self._check(self._access(uow), row.participant_id, perm.require_record_consent)
            return self._view(row)

    def today(self) -> date:
        with self._read() as uow:
            return self._today(uow)

    def clinic_name(self) -> str:
        """The clinic's name: who discloses, as a new consent starts."""
        with self._read() as uow:
            return _ConnectionSettings(uow.conn).get("clinic_name")

    # -- writing -------------------------------------------------------------------------------

    def record(self, participant_id: int, draft: ConsentDraft) -> ConsentView:
        """Record a signed consent; ``ConsentIncomplete`` names every missing element."""
        with self._begin() as uow:
            access = self._access(uow)
            p = self._check(access, participant_id, perm.require_record_consent)
            problems = consent_problems(draft, self._today(uow))
            if problems:
                raise ConsentIncomplete(problems)
            assert draft.recipient_kind is not None and draft.signed_on is not None
            who_id, who = self._who(uow, p)
            new_id = uow.conn.execute(
                _consent.insert()
                .values(
                    participant_id=participant_id,
                    discloser=draft.discloser.strip(),
                    recipient_name=draft.recipient_name.strip(),
                    recipient_kind=draft.recipient_kind.value,
                    information=information_text(draft.information),
                    purpose=draft.purpose.strip(),
                    expires_on=draft.expires_on,
                    expiry_event=draft.expiry_event.strip(),
                    signed_on=draft.signed_on,
                    right_to_revoke=True,
                    recorded_at=uow.now,
                    recorded_by_id=who_id,
                    recorded_by_name=who,
                )
                .returning(_consent.c.id)
            ).scalar_one()
            what = " and ".join(k.value for k in Information if k in draft.information)
            self._audit(uow, AuditAction.CREATE, record_type="consent", record_id=new_id,
                        participant_id=participant_id,
                        detail=f"recorded a consent to disclose {what} to a {draft.recipient_kind.value} recipient")
            uow.changed(CONSENT, new_id)
            return self._view(self._row(uow.conn, new_id))

    def revoke(self, consent_id: int, revoked_on: date) -> ConsentView:
        """Record that the participant revoked the consent on ``revoked_on``; letters are refused from then on."""
        with self._begin() as uow:
            row = self._row(uow.conn, consent_id)
            access = self._access(uow)
            p = self._check(access, row.participant_id, perm.require_record_consent)
            if row.revoked_on is not None:
                raise ConsentError(say("store.consents", "This consent was already revoked on {revoked_on}.",
                                       revoked_on=row.revoked_on.isoformat()))
            today = self._today(uow)
            if revoked_on > today:
                raise ConsentError(say("store.consents", "The revocation date cannot be later than today."))
            if revoked_on < row.signed_on:
                raise ConsentError(say("store.consents", "The revocation date cannot be before the consent was signed.",
                                       ))
            who_id, who = self._who(uow, p)
            uow.conn.execute(
                _consent.update()
                .where(_consent.c.id == consent_id)
                .values(revoked_on=revoked_on, revoked_at=uow.now, revoked_by_id=who_id, revoked_by_name=who)
            )
            self._audit(uow, AuditAction.CHANGE, record_type="consent", record_id=consent_id,
                        participant_id=row.participant_id,
                        detail=f"recorded that the participant revoked a consent on {revoked_on.isoformat()}")
            uow.changed(CONSENT, consent_id)
            return self._view(self._row(uow.conn, consent_id))

    def write_letter(
        self,
        consent_id: int,
        kind: LetterKind,
        first: date | None = None,
        last: date | None = None,
        *,
        recipient_name: str | None = None,
        signer: str = "",
        language: str = "en",
    ) -> Letter:
        """A letter under the consent, recorded as a disclosure; refused with a sentence otherwise.

        ``first``/``last`` bound the attendance it reports (default: program start to today).
        ``recipient_name`` is whom the letter is addressed to (default: the consent's recipient);
        a consent covers only its own recipient. ``language`` is the screen's: the letter's
        sentences, labels and 42 CFR part 2 notice print in it.
        """
        language = clinic_record_language(language)
        with self._begin() as uow:
            row = self._row(uow.conn, consent_id)
            participant_id = row.participant_id
            access = self._access(uow)
            p = self._check(access, participant_id, perm.require_write_letter)
            consent = self._view(row)
            today = self._today(uow)
            to = recipient_name if recipient_name is not None else consent.recipient_name
            refusal = letter_refusal(consent, kind, to, today)
            if refusal:
                raise ConsentError(refusal)
            person = uow.conn.execute(sa.select(_participant).where(_participant.c.id == participant_id)).one()
            last_given = last is not None
            first = first or person.program_start
            last = last or today
            if last < first:
                raise ConsentError(say("store.consents", "The letter's first day must come before its last day."))
            if last > today:
                raise ConsentError(say("store.consents", "A letter cannot report on days still to come."))
            facts = self._facts(uow, access, person, first, last)
            if kind is LetterKind.COMPLETION and facts.completed_on and not last_given and facts.completed_on < last:
                last = max(first, facts.completed_on)  # a completion letter reports up to the completion
                facts = self._facts(uow, access, person, first, last)
            if kind is LetterKind.COMPLETION:
                problem = completion_problem(facts)
                if problem:
                    raise ConsentError(problem)
            settings = _ConnectionSettings(uow.conn)
            who_id, who = self._who(uow, p)
            disclosure_id = uow.conn.execute(
                _disclosure.insert()
                .values(consent_id=consent_id, participant_id=participant_id, letter_kind=kind.value,
                        recipient_name=consent.recipient_name, period_first=first, period_last=last,
                        made_at=uow.now, made_by_id=who_id, made_by_name=who)
                .returning(_disclosure.c.id)
            ).scalar_one()
            self._audit(uow, AuditAction.DISCLOSE, record_type="letter", record_id=disclosure_id,
                        participant_id=participant_id,
                        detail=f"{kind.label.lower()} to {consent.recipient_name} under consent {consent_id}")
            uow.changed(CONSENT, consent_id)
            return Letter(
                kind=kind,
                clinic_name=settings.get("clinic_name") or consent.discloser,
                recipient_name=consent.recipient_name,
                recipient_kind=consent.recipient_kind,
                consent_id=consent_id,
                consent_signed_on=consent.signed_on,
                consent_until=consent.until_in(language),
                purpose=consent.purpose,
                facts=facts,
                dated=today,
                signer=signer or (p.signature if p is not None else who),
                paragraphs=letter_paragraphs(kind, facts, language),
                language=language,
                letterhead=Letterhead.from_settings(
                    {"clinic_name": settings.get("clinic_name") or consent.discloser,
                     "clinic_logo": settings.get("clinic_logo")}
                ),
            )

    def _facts(self, uow: UnitOfWork, access: Access, person: Any, first: date, last: date) -> LetterFacts:
        visible = access.visible_groups()
        stmt = (
            sa.select(_meeting.c.local_day, _meeting.c.starts_at, _meeting.c.ends_at, _group.c.id.label("group_id"),
                      _group.c.name, _attendance.c.status, _attendance.c.arrived_at, _attendance.c.left_at)
            .join(_meeting, _meeting.c.id == _attendance.c.meeting_id)
            .join(_group, _group.c.id == _meeting.c.group_id)
            .where(_attendance.c.participant_id == person.id, _meeting.c.cancelled_at.is_(None),
                   _meeting.c.local_day >= first, _meeting.c.local_day <= last, _meeting.c.ends_at <= uow.now)
            .order_by(_meeting.c.starts_at)
        )
        if visible is not None:
            stmt = stmt.where(_group.c.id.in_(visible))
        attended, missed = [], 0
        for r in uow.conn.execute(stmt):
            status = AttendanceStatus(r.status)
            minutes = minutes_attended(_aware(r.starts_at), _aware(r.ends_at), status,
                                       _aware(r.arrived_at), _aware(r.left_at))
            if minutes > 0:
                attended.append(AttendedMeeting(r.local_day, r.name, minutes))
            elif not status.attended:
                missed += 1
        completed_on = None
        if person.status == "completed":
            ends = [r[0] for r in uow.conn.execute(
                sa.select(_enrollment.c.end_date).where(_enrollment.c.participant_id == person.id))]
            if ends and all(e is not None for e in ends):
                completed_on = max(ends)
        return LetterFacts(
            participant_name=person.legal_name,
            record_number=person.record_number,
            date_of_birth=person.date_of_birth,
            program_start=person.program_start,
            first=first,
            last=last,
            attended=tuple(attended),
            missed=missed,
            status=person.status,
            completed_on=completed_on,
            scope_note=LETTER_SCOPE_NOTE if visible is not None else "",
        )


def _aware(value: datetime | None) -> datetime | None:
    from datetime import UTC

    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


__all__ = ["ConsentError", "ConsentIncomplete", "ConsentService", "DisclosureView"]
