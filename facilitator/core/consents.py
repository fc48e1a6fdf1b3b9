"""Consents to disclose (42 CFR 2.31) and the letters that may go out under them, as plain data.

A letter to a court, a probation officer or an employer discloses a Part 2 record, so it
prints only against a written consent that holds every element 2.31 requires: who discloses
(the clinic), to whom, what information, why, until when or what event, the participant's
signature date, and the participant's right to revoke. :func:`consent_problems` says in a
sentence each what a consent lacks; :func:`letter_refusal` says why a letter may not go out
under a consent (expired, revoked, another recipient, other information). The letter's facts
come only from the record (:class:`LetterFacts`), and every letter carries the 2.32 notice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from facilitator.core.catalogue import say

from .attendance import hours_text
from .catalogue import QT_TRANSLATE_NOOP
from .print_language import tr
from .printing import Letterhead
from .privacy import PART2_NOTICE, PART2_NOTICE_TITLE

LETTER = "print.letter"  # the context of a letter's printed words (core/print_language.py)

# Field limits (the table's columns hold these lengths).
MAX_NAME = 200
MAX_PURPOSE = 500
MAX_EVENT = 300


class RecipientKind(StrEnum):
    COURT = "court"
    PROBATION = "probation"
    EMPLOYER = "employer"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            RecipientKind.COURT: "Court",
            RecipientKind.PROBATION: "Probation or parole",
            RecipientKind.EMPLOYER: "Employer",
            RecipientKind.OTHER: "Other",
        }[self]


class Information(StrEnum):
    """What a consent lets the clinic disclose; each kind of letter needs one of these."""

    ATTENDANCE = "attendance"
    COMPLETION = "completion"

    @property
    def label(self) -> str:
        return {
            Information.ATTENDANCE: "Attendance: dates attended and hours",
            Information.COMPLETION: "Program completion: whether and when the program was completed",
        }[self]


class LetterKind(StrEnum):
    ATTENDANCE = "attendance"
    COMPLETION = "completion"

    @property
    def label(self) -> str:
        return {LetterKind.ATTENDANCE: "Attendance letter", LetterKind.COMPLETION: "Completion letter"}[self]

    @property
    def needs(self) -> Information:
        return Information(self.value)


# The statement a consent form must carry (42 CFR 2.31(a)(6)); the dialog shows it in the UI's language.
RIGHT_TO_REVOKE = QT_TRANSLATE_NOOP(
    "core.consents",
    "I understand that I may revoke this consent at any time, except to the extent that the program has "
    "already acted on it, by telling the program in writing or in person.",
)


def information_text(kinds: frozenset[Information] | set[Information]) -> str:
    """Stored form: the kinds in a fixed order, comma-separated ("attendance,completion")."""
    return ",".join(k.value for k in Information if k in kinds)


def parse_information(text: str) -> frozenset[Information]:
    found = set()
    for part in (text or "").split(","):
        part = part.strip()
        if part in {i.value for i in Information}:
            found.add(Information(part))
    return frozenset(found)


@dataclass(frozen=True)
class ConsentDraft:
    """A consent as typed from the signed form, before it is recorded."""

    discloser: str  # the clinic: "who discloses"
    recipient_name: str
    recipient_kind: RecipientKind | None
    information: frozenset[Information]
    purpose: str
    expires_on: date | None
    expiry_event: str
    signed_on: date | None
    right_to_revoke: bool  # the form told the participant of the right to revoke


def consent_problems(draft: ConsentDraft, today: date) -> list[str]:
    """A sentence for each element 42 CFR 2.31 requires that the draft lacks; empty when complete."""
    problems = []
    if not draft.discloser.strip():
        problems.append(say("core.consents", "Say who discloses: the clinic's name (set it in the clinic settings)."))
    elif len(draft.discloser) > MAX_NAME:
        problems.append(say("core.consents", "The discloser's name can be at most {max_name} characters.",
                            max_name=MAX_NAME))
    if not draft.recipient_name.strip():
        problems.append(say("core.consents", "Say to whom the information goes: the court, officer or employer by "
                            "name."))
    elif len(draft.recipient_name) > MAX_NAME:
        problems.append(say("core.consents", "The recipient's name can be at most {max_name} characters.",
                            max_name=MAX_NAME))
    if draft.recipient_kind is None:
        problems.append(say("core.consents", "Say what kind of recipient this is: a court, probation, an employer or "
                            "other."))
    if not draft.information:
        problems.append(say("core.consents", "Say what information may be disclosed: attendance, completion, or both."))
    if not draft.purpose.strip():
        problems.append(say("core.consents", "Say why the information is disclosed (the purpose), for example a "
                            "court's monitoring."))
    elif len(draft.purpose) > MAX_PURPOSE:
        problems.append(say("core.consents", "The purpose can be at most {max_purpose} characters.",
                            max_purpose=MAX_PURPOSE))
    if draft.expires_on is None and not draft.expiry_event.strip():
        problems.append(say("core.consents", "Say until when the consent lasts: an end date, or the event that ends "
                            "it."))
    if len(draft.expiry_event) > MAX_EVENT:
        problems.append(say("core.consents", "The event that ends the consent can be at most {max_event} characters.",
                            max_event=MAX_EVENT))
    if draft.signed_on is None:
        problems.append(say("core.consents", "Give the date the participant signed the consent."))
    elif draft.signed_on > today:
        problems.append(say("core.consents", "The signature date cannot be later than today."))
    if draft.signed_on is not None and draft.expires_on is not None and draft.expires_on < draft.signed_on:
        problems.append(say("core.consents", "The consent cannot end before the participant signed it."))
    if not draft.right_to_revoke:
        problems.append(say("core.consents", "The participant must be told of the right to revoke; tick that the form "
                            "says so."))
    return problems


@dataclass(frozen=True)
class ConsentView:
    """A recorded consent as read back; immutable but for its revocation."""

    id: int
    participant_id: int
    discloser: str
    recipient_name: str
    recipient_kind: RecipientKind
    information: frozenset[Information]
    purpose: str
    expires_on: date | None
    expiry_event: str
    signed_on: date
    recorded_at: datetime
    recorded_by: str
    revoked_on: date | None = None
    revoked_at: datetime | None = None
    revoked_by: str = ""
    ended_on: date | None = None  # the day the expiry event came about, when recorded

    @property
    def information_label(self) -> str:
        return "; ".join(k.label for k in Information if k in self.information)

    @property
    def until_text(self) -> str:
        return self.until_in("en")

    def until_in(self, language: str) -> str:
        """"2027-01-31, or the end of probation (whichever comes first)", in ``language``."""
        parts = []
        if self.expires_on is not None:
            parts.append(self.expires_on.isoformat())
        if self.expiry_event.strip():
            parts.append(self.expiry_event.strip())
        if len(parts) > 1:
            return tr(language, LETTER, QT_TRANSLATE_NOOP("print.letter", "{day}, or {event} (whichever comes first)"),
                      day=parts[0], event=parts[1])
        return parts[0] if parts else ""

    def state(self, today: date) -> str:
        """In force, expired or revoked, in a word a list can show."""
        if self.revoked_on is not None:
            return "Revoked"
        if self.expires_on is not None and today > self.expires_on:
            return "Expired"
        return "In force"


def letter_refusal(consent: ConsentView | None, kind: LetterKind, recipient_name: str, today: date) -> str | None:
    """Why a letter may not go out under ``consent``, in a sentence; None when it may."""
    if consent is None:
        return say("core.consents", "There is no recorded consent for this letter; record the participant's signed "
                   "consent first.")
    if consent.revoked_on is not None:
        return (
            say("core.consents", "The participant revoked this consent on {revoked_on}; no letter may go out under it.",
                revoked_on=consent.revoked_on.isoformat())
        )
    if consent.expires_on is not None and today > consent.expires_on:
        return say("core.consents", "This consent expired on {expires_on}; ask the participant for a new one.",
                   expires_on=consent.expires_on.isoformat())
    if consent.signed_on > today:
        return say("core.consents", "This consent is signed on a later date than today; check the signature date.")
    if kind.needs not in consent.information:
        if kind.needs is Information.ATTENDANCE:
            information = say("core.consents", "attendance")
        else:
            information = say("core.consents", "completion")
        return say("core.consents", "This consent does not cover {information} information; the participant must "
                   "consent to it before a letter says it.", information=information)
    if recipient_name.strip().casefold() != consent.recipient_name.strip().casefold():
        return say("core.consents", "This consent covers letters to {recipient_name} only.",
                   recipient_name=consent.recipient_name)
    return None


# -- the letter ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendedMeeting:
    day: date
    group_name: str
    minutes: int


@dataclass(frozen=True)
class LetterFacts:
    """What the record says, and nothing else: the only source of a letter's sentences."""

    participant_name: str
    record_number: str
    date_of_birth: date | None
    program_start: date
    first: date
    last: date
    attended: tuple[AttendedMeeting, ...]
    missed: int  # meetings marked absent in the period
    status: str  # active, completed, discharged
    completed_on: date | None = None  # when the record says the program was completed
    scope_note: str = ""

    @property
    def total_minutes(self) -> int:
        return sum(m.minutes for m in self.attended)


@dataclass(frozen=True)
class Letter:
    """A letter ready to print: who it goes to, under which consent, what it says."""

    kind: LetterKind
    clinic_name: str
    recipient_name: str
    recipient_kind: RecipientKind
    consent_id: int
    consent_signed_on: date
    consent_until: str
    purpose: str
    facts: LetterFacts
    dated: date
    signer: str
    paragraphs: tuple[str, ...] = field(default=())
    letterhead: Letterhead = Letterhead()
    notice_title: str = PART2_NOTICE_TITLE
    notice: str = PART2_NOTICE
    language: str = "en"  # the screen's (print_language.clinic_record_language): sentences, labels, notice

    @property
    def title(self) -> str:
        return self.kind.label


def completion_problem(facts: LetterFacts) -> str | None:
    """A completion letter only says what the record says: the participant's status is completed."""
    if facts.status != "completed":
        return (
            say("core.consents", "The record does not show this participant completed the program (status: {status}); "
                "a completion letter cannot be written.", status=facts.status)
        )
    return None


def letter_paragraphs(kind: LetterKind, facts: LetterFacts, language: str = "en") -> tuple[str, ...]:
    """The letter's sentences, built only from the record, in ``language``."""

    def t(text: str, **values: object) -> str:
        return tr(language, LETTER, text, **values)

    who = (
        t(QT_TRANSLATE_NOOP("print.letter", "{name} (date of birth {born})"), name=facts.participant_name,
          born=facts.date_of_birth.isoformat())
        if facts.date_of_birth
        else facts.participant_name
    )
    paras = [
        t(QT_TRANSLATE_NOOP("print.letter", "At the participant's written request, this letter reports on {who}, who "
                            "began our intensive outpatient program on {start}."),
          who=who, start=facts.program_start.isoformat())
    ]
    if kind is LetterKind.COMPLETION:
        if facts.completed_on:
            paras.append(t(QT_TRANSLATE_NOOP("print.letter",
                                             "Our records show that the participant completed the program on {day}."),
                           day=facts.completed_on.isoformat()))
        else:
            paras.append(t(QT_TRANSLATE_NOOP("print.letter",
                                             "Our records show that the participant completed the program.")))
    held = len(facts.attended) + facts.missed
    paras.append(
        t(QT_TRANSLATE_NOOP("print.letter", "From {first} to {last} the participant attended {attended} of {held} "
                            "group meetings recorded, {hours} in all."),
          first=facts.first.isoformat(), last=facts.last.isoformat(), attended=len(facts.attended), held=held,
          hours=hours_text(facts.total_minutes))
    )
    if facts.scope_note:
        paras.append(t(facts.scope_note))
    return tuple(paras)
