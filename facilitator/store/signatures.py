"""Hashes of what was signed, written into the audit trail and checked again by ``audit verify``.

A sign entry carries the SHA-256 of the signed round as the database holds it in the same
transaction (its words, whom and which day they are about, who signed and when); a co-sign
entry carries the hash of that plus who co-signed. The chain protects those entries; this
module recomputes both from the note, its rounds and its meeting as they are now, so a note
rewritten with the triggers dropped, or a meeting moved under a signed note, is named even
though every trigger and the chain itself look fine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from facilitator.core.catalogue import say

from ..core.audit import (
    AuditAction,
    SignedContent,
    cosigned_hash,
    signed_content_hash,
    signed_hash_in,
)
from .models import AuditEntry, Meeting
from .models.notes import NoteRound, ProgressNote

_NOTE = ProgressNote.__table__  # type: ignore[attr-defined]
_ROUND = NoteRound.__table__  # type: ignore[attr-defined]
_MEETING = Meeting.__table__  # type: ignore[attr-defined]
_ENTRY = AuditEntry.__table__  # type: ignore[attr-defined]
_LOCKED = ("signed", "awaiting_cosign", "cosigned")
_ROUND_WORDS = re.compile(r"round (\d+)")
RECORD = "progress_note"
# The columns a signature covers (all there since notes were first kept, so older backups check too).
_SIGNED_COLUMNS = [
    _NOTE.c[name]
    for name in (
        "id", "kind", "participant_id", "meeting_id", "author_id", "note_format", "content", "status", "round",
        "signed_at", "signer_name", "signer_credentials", "cosigned_at", "cosigner_id", "cosigner_name",
        "cosigner_credentials",
    )
]
_ROUND_COLUMNS = [
    _ROUND.c[name]
    for name in ("note_id", "round", "note_format", "content", "signer_id", "signer_name", "signer_credentials", "signed_at")
]


def _signed(note: sa.Row, meeting: sa.Row, **signer: object) -> SignedContent:  # type: ignore[type-arg]
    return SignedContent(
        note_id=int(note.id),
        kind=str(note.kind),
        participant_id=note.participant_id,
        meeting_id=int(note.meeting_id),
        date_of_service=meeting.local_day.isoformat(),
        starts_at=meeting.starts_at,
        **signer,  # type: ignore[arg-type]
    )


def _round_content(note: sa.Row, meeting: sa.Row, rnd: sa.Row) -> SignedContent:  # type: ignore[type-arg]
    return _signed(
        note, meeting,
        note_format=rnd.note_format, content=rnd.content, signer_id=int(rnd.signer_id),
        signer_name=rnd.signer_name, signer_credentials=rnd.signer_credentials, signed_at=rnd.signed_at,
    )


def _note_content(note: sa.Row, meeting: sa.Row) -> SignedContent:  # type: ignore[type-arg]
    """What the note row itself shows as signed (the author is the signer)."""
    return _signed(
        note, meeting,
        note_format=note.note_format, content=note.content, signer_id=int(note.author_id),
        signer_name=note.signer_name, signer_credentials=note.signer_credentials, signed_at=note.signed_at,
    )


def _rows(conn: Connection, note_id: int) -> tuple[sa.Row, sa.Row]:  # type: ignore[type-arg]
    note = conn.execute(sa.select(*_SIGNED_COLUMNS).where(_NOTE.c.id == note_id)).one()
    meeting = conn.execute(
        sa.select(_MEETING.c.local_day, _MEETING.c.starts_at).where(_MEETING.c.id == note.meeting_id)
    ).one()
    return note, meeting


def signed_round_hash(conn: Connection, note_id: int, round_no: int) -> str:
    """The hash of a signed round as stored now (called in the signing transaction)."""
    note, meeting = _rows(conn, note_id)
    rnd = conn.execute(sa.select(*_ROUND_COLUMNS).where(_ROUND.c.note_id == note_id, _ROUND.c.round == round_no)).one()
    return signed_content_hash(_round_content(note, meeting, rnd))


def cosigned_note_hash(conn: Connection, note_id: int) -> str:
    """The hash of a co-signed note as stored now: its signed content and who co-signed, when."""
    note, meeting = _rows(conn, note_id)
    return cosigned_hash(
        signed_content_hash(_note_content(note, meeting)),
        int(note.cosigner_id), note.cosigner_name, note.cosigner_credentials, note.cosigned_at,
    )


# -- checking every signature --------------------------------------------------------------------


@dataclass(frozen=True)
class SignatureProblem:
    seq: int  # the audit entry that recorded the signature (0: none)
    note_id: int
    sentence: str


@dataclass
class SignatureReport:
    checked: int = 0  # signatures (rounds, note rows and co-signatures) compared with their entries
    unhashed: int = 0  # signatures recorded before their hash was written (cannot be checked)
    problems: list[SignatureProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _entries(conn: Connection) -> tuple[dict[tuple[int, int], tuple[int, str | None]], dict[tuple[int, int], tuple[int, str | None]]]:
    signs: dict[tuple[int, int], tuple[int, str | None]] = {}
    cosigns: dict[tuple[int, int], tuple[int, str | None]] = {}
    rows = conn.execute(
        sa.select(_ENTRY.c.seq, _ENTRY.c.action, _ENTRY.c.record_id, _ENTRY.c.detail)
        .where(_ENTRY.c.record_type == RECORD, _ENTRY.c.action.in_((AuditAction.SIGN.value, AuditAction.COSIGN.value)))
        .order_by(_ENTRY.c.seq)
    )
    for seq, action, record_id, detail in rows:
        found = _ROUND_WORDS.search(detail or "")
        if not found or not str(record_id).isdigit():
            continue
        key = (int(record_id), int(found.group(1)))
        (signs if action == AuditAction.SIGN.value else cosigns)[key] = (int(seq), signed_hash_in(detail or ""))
    return signs, cosigns


def _notes(conn: Connection) -> Iterator[sa.Row]:  # type: ignore[type-arg]
    stmt = (
        sa.select(*_SIGNED_COLUMNS, _MEETING.c.local_day, _MEETING.c.starts_at)
        .join(_MEETING, _MEETING.c.id == _NOTE.c.meeting_id)
        .where(_NOTE.c.status != "draft")
        .order_by(_NOTE.c.id)
    )
    yield from conn.execution_options(yield_per=2000).execute(stmt)


def verify_signatures(conn: Connection) -> SignatureReport:
    """Re-hash every signed round, every signed note and every co-signature; name each that differs."""
    report = SignatureReport()
    signs, cosigns = _entries(conn)
    rounds: dict[int, list[sa.Row]] = {}  # type: ignore[type-arg]
    for rnd in conn.execution_options(yield_per=2000).execute(sa.select(*_ROUND_COLUMNS).order_by(_ROUND.c.note_id, _ROUND.c.round)):
        rounds.setdefault(int(rnd.note_id), []).append(rnd)
    seen_notes: set[int] = set()

    def compare(key: tuple[int, int], entries: dict[tuple[int, int], tuple[int, str | None]], digest: str,
                what: str, missing: str) -> None:
        entry = entries.get(key)
        if entry is None:
            report.problems.append(SignatureProblem(0, key[0], missing))
            return
        seq, recorded = entry
        if recorded is None:
            report.unhashed += 1
            return
        report.checked += 1
        if recorded != digest:
            report.problems.append(SignatureProblem(seq, key[0], what))

    for note in _notes(conn):
        note_id = int(note.id)
        seen_notes.add(note_id)
        meeting = note  # the joined row carries local_day and starts_at
        for rnd in rounds.pop(note_id, []):
            compare(
                (note_id, int(rnd.round)), signs, signed_content_hash(_round_content(note, meeting, rnd)),
                say("store.signatures", "note {note_id}, round {round}: what is stored differs from what was signed "
                    "(its words, participant, date of service or signer were changed).",
                    note_id=note_id, round=rnd.round),
                say("store.signatures", "note {note_id}, round {round}: signed, but the audit trail has no signature "
                    "for it.", note_id=note_id, round=rnd.round),
            )
        if note.status in _LOCKED and note.signed_at is not None:
            signed_now = signed_content_hash(_note_content(note, meeting))
            compare(
                (note_id, int(note.round)), signs, signed_now,
                say("store.signatures", "note {note_id}: the note as shown differs from what was signed in round "
                    "{round} (its words, participant, date of service or signer were changed).",
                    note_id=note_id, round=note.round),
                say("store.signatures", "note {note_id}: marked signed, but the audit trail has no signature for "
                    "round {round}.", note_id=note_id, round=note.round),
            )
            if note.status == "cosigned":
                if note.cosigned_at is None or note.cosigner_id is None:
                    report.problems.append(SignatureProblem(0, note_id, say(
                        "store.signatures", "note {note_id}: marked co-signed without a co-signature.", note_id=note_id)))
                else:
                    compare(
                        (note_id, int(note.round)), cosigns,
                        cosigned_hash(signed_now, int(note.cosigner_id), note.cosigner_name,
                                      note.cosigner_credentials, note.cosigned_at),
                        say("store.signatures", "note {note_id}: differs from what was co-signed (its words, "
                            "participant, date of service, signer or co-signer were changed).", note_id=note_id),
                        say("store.signatures", "note {note_id}: marked co-signed, but the audit trail has no "
                            "co-signature for it.", note_id=note_id),
                    )
    for note_id in rounds:  # rounds whose note is gone or back to a draft
        report.problems.append(
            SignatureProblem(0, note_id, say("store.signatures", "note {note_id}: has signed rounds but the note "
                                             "itself was removed or reset.", note_id=note_id))
        )
    for (note_id, rnd_no), (seq, _digest) in sorted(signs.items(), key=lambda kv: kv[1][0]):
        if note_id not in seen_notes:
            report.problems.append(
                SignatureProblem(seq, note_id, say("store.signatures", "note {note_id}: signed (round {rnd_no}) but "
                                                   "no longer in the database.", note_id=note_id, rnd_no=rnd_no))
            )
            seen_notes.add(note_id)  # say it once per note
    report.problems.sort(key=lambda p: (p.note_id, p.seq))
    return report
