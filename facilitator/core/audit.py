"""The audit trail's vocabulary and its hash chain, as plain Python.

Each entry's hash is SHA-256 over the previous entry's hash followed by the canonical JSON
of this entry's content (sorted keys, no spaces, UTF-8, times in UTC with microseconds).
Changing any field of any entry, deleting an entry, or cutting entries off the end breaks
the chain at a place ``verify_chain`` names, whatever happened to the database's triggers.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from typing import Any

from facilitator.core.catalogue import say

GENESIS_HASH = "0" * 64


class AuditAction(str, Enum):
    VIEW = "view"
    CREATE = "create"
    CHANGE = "change"
    SIGN = "sign"
    COSIGN = "co-sign"
    RETURN = "return"
    PRINT = "print"
    EXPORT = "export"
    SIGN_IN = "sign-in"
    FAILED_SIGN_IN = "failed sign-in"
    SIGN_OUT = "sign-out"
    LOCK = "lock"
    UNLOCK = "unlock"
    SETTINGS_CHANGE = "settings change"
    ACCOUNT_CHANGE = "account change"
    BACKUP = "backup"
    RESTORE = "restore"
    DISCLOSE = "disclose"  # a record sent outside the clinic under a consent (a letter)

    @property
    def label(self) -> str:
        return self.value[0].upper() + self.value[1:]


# The fields that the hash covers, in the order the CSV export lists them.
HASHED_FIELDS = (
    "seq",
    "at",
    "user_id",
    "username",
    "action",
    "record_type",
    "record_id",
    "participant_id",
    "detail",
    "workstation",
)


@dataclass(frozen=True)
class AuditRecord:
    """One entry of the trail as read back from the database."""

    seq: int
    at: datetime
    user_id: int | None
    username: str
    action: str
    record_type: str
    record_id: str
    participant_id: int | None
    detail: str
    workstation: str
    prev_hash: str = ""
    hash: str = ""

    def content(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in HASHED_FIELDS}

    @property
    def action_label(self) -> str:
        try:
            return AuditAction(self.action).label
        except ValueError:
            return self.action


def format_time(at: datetime) -> str:
    """UTC with microseconds and a Z, e.g. 2026-11-02T17:00:00.000000Z (the hashed form)."""
    if at.tzinfo is None:
        raise ValueError("audit times are aware UTC")
    return at.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _json_default(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    raise TypeError(f"cannot put {type(value).__name__} in an audit entry")


_encode = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_json_default
).encode


def canonical_json(content: Mapping[str, Any]) -> bytes:
    plain = {k: (format_time(v) if isinstance(v, datetime) else v) for k, v in content.items()}
    return _encode(plain).encode("utf-8")


def entry_hash(prev_hash: str, content: Mapping[str, Any]) -> str:
    digest = hashlib.sha256()
    digest.update(prev_hash.encode("ascii"))
    digest.update(canonical_json(content))
    return digest.hexdigest()


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    sentence: str


@dataclass
class ChainReport:
    """What ``audit verify`` found: the chain, the checkpoint it was held against, the signatures."""

    checked: int = 0
    last_seq: int = 0
    problems: list[ChainProblem] = field(default_factory=list)
    # Filled by the full check (``AuditLog.verify``), not by the chain walk alone:
    signatures_checked: int = 0
    signatures_unhashed: int = 0
    checkpoint: str = ""  # which checkpoint the head was compared with, in words ("" = none)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_bad_seq(self) -> int | None:
        return self.problems[0].seq if self.problems else None


def verify_chain(
    records: Iterable[AuditRecord], head_seq: int | None = None, head_hash: str | None = None
) -> ChainReport:
    """Walk the entries in ``seq`` order and name every place where the chain breaks.

    ``head_seq``/``head_hash`` are what the database recorded as the newest entry; with them,
    entries deleted from the end are found too.
    """
    rows = (dict(r.content(), prev_hash=r.prev_hash, hash=r.hash) for r in records)
    return verify_rows(rows, head_seq, head_hash)


def verify_rows(
    rows: Iterable[Mapping[str, Any]], head_seq: int | None = None, head_hash: str | None = None
) -> ChainReport:
    """``verify_chain`` over plain mappings (database rows): the fast path for long trails."""
    report = ChainReport()
    expected_prev = GENESIS_HASH
    expected_seq = 1
    fields = HASHED_FIELDS
    problems = report.problems
    checked = 0
    seq = 0
    for row in rows:
        checked += 1
        seq = row["seq"]
        prev_hash = row["prev_hash"]
        if seq != expected_seq:
            if seq > expected_seq:
                if seq == expected_seq + 1:
                    missing = say("core.audit", "entry {seq} is missing", seq=expected_seq)
                else:
                    missing = say("core.audit", "entries {first} to {last} are missing", first=expected_seq, last=seq - 1)
                problems.append(ChainProblem(expected_seq, say("core.audit", "{missing}: deleted from the trail.",
                                                               missing=missing)))
            else:
                problems.append(ChainProblem(seq, say("core.audit", "entry {seq} appears twice or out of order.",
                                                      seq=seq)))
        elif prev_hash != expected_prev:
            problems.append(
                ChainProblem(
                    seq,
                    say("core.audit", "entry {seq} does not follow the entry before it: an earlier entry was altered "
                        "or removed.", seq=seq),
                )
            )
        digest = hashlib.sha256(prev_hash.encode("ascii"))
        digest.update(canonical_json({k: row[k] for k in fields}))
        if digest.hexdigest() != row["hash"]:
            problems.append(
                ChainProblem(
                    seq,
                    say("core.audit", "entry {seq} ({at}, {username}, {action}) was altered after it was written.",
                        seq=seq, at=format_time(row["at"]), username=row["username"] or say("core.audit", "nobody"),
                        action=row["action"]),
                )
            )
        expected_prev = row["hash"]
        expected_seq = seq + 1
    report.checked = checked
    report.last_seq = seq if checked else 0
    if head_seq is not None and head_seq > report.last_seq:
        first = report.last_seq + 1
        if head_seq == first:
            what = say("core.audit", "entry {first}", first=first)
        else:
            what = say("core.audit", "entries {first} to {last}", first=first, last=head_seq)
        problems.append(ChainProblem(first, say("core.audit", "{what} at the end of the trail were deleted.",
                                                what=what)))
    elif head_seq is not None and head_hash is not None and head_seq == report.last_seq and head_hash != expected_prev:
        problems.append(
            ChainProblem(report.last_seq, say("core.audit", "entry {last_seq}, the newest, was replaced after it was "
                                              "written.", last_seq=report.last_seq))
        )
    return report


# -- what was signed ------------------------------------------------------------------------------
#
# A sign or co-sign entry carries a SHA-256 of exactly what was signed, in its detail, where
# the chain covers it. ``audit verify`` recomputes it from the note as the database holds it
# now, so a note rewritten with the triggers dropped (or a meeting moved under it) is named.

SIGNED_HASH_WORDS = "SHA-256 of what was signed"
_SIGNED_HASH_RE = r"SHA-256 of what was (?:signed|co-signed) ([0-9a-f]{64})"


@dataclass(frozen=True)
class SignedContent:
    """What a signature attests: the note's words, whom and which day they are about, who signed."""

    note_id: int
    kind: str
    participant_id: int | None
    meeting_id: int
    date_of_service: str  # the meeting's local day, ISO
    starts_at: datetime  # the meeting's start (aware)
    note_format: str
    content: str  # the note's content as stored (JSON text)
    signer_id: int
    signer_name: str
    signer_credentials: str
    signed_at: datetime

    def fields(self) -> dict[str, Any]:
        try:
            words: Any = json.loads(self.content)
        except (TypeError, ValueError):
            words = self.content
        return {
            "note_id": self.note_id,
            "kind": self.kind,
            "participant_id": self.participant_id,
            "meeting_id": self.meeting_id,
            "date_of_service": self.date_of_service,
            "starts_at": self.starts_at,
            "note_format": self.note_format,
            "content": words,
            "signer_id": self.signer_id,
            "signer_name": self.signer_name,
            "signer_credentials": self.signer_credentials,
            "signed_at": self.signed_at,
        }


def _canonical_deep(value: Any) -> Any:
    if isinstance(value, datetime):
        return format_time(value)
    if isinstance(value, Mapping):
        return {str(k): _canonical_deep(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical_deep(v) for v in value]
    return value


def signed_content_hash(signed: SignedContent) -> str:
    """SHA-256 of the canonical JSON of what a signature attests (content parsed, keys sorted)."""
    return hashlib.sha256(_encode(_canonical_deep(signed.fields())).encode("utf-8")).hexdigest()


def cosigned_hash(
    signed_hash: str, cosigner_id: int, cosigner_name: str, cosigner_credentials: str, cosigned_at: datetime
) -> str:
    """SHA-256 of what a co-signature attests: the signed round's hash and who co-signed, when."""
    plain = {
        "signed": signed_hash,
        "cosigner_id": cosigner_id,
        "cosigner_name": cosigner_name,
        "cosigner_credentials": cosigner_credentials,
        "cosigned_at": format_time(cosigned_at),
    }
    return hashlib.sha256(_encode(plain).encode("utf-8")).hexdigest()


def signed_hash_words(digest: str, *, cosign: bool = False) -> str:
    """The words an audit detail carries the hash in: "SHA-256 of what was signed 3f2a…" (64 hex)."""
    return f"SHA-256 of what was {'co-signed' if cosign else 'signed'} {digest}"


def signed_hash_in(detail: str) -> str | None:
    """The hash a sign or co-sign entry's detail carries, or None (entries written before hashing)."""
    import re

    found = re.search(_SIGNED_HASH_RE, detail)
    return found.group(1) if found else None


# -- checkpoints: the chain's head, sealed with a key kept outside the database -------------------

CHECKPOINT_FIELDS = ("clinic_id", "seq", "head_hash", "at")


@dataclass(frozen=True)
class Checkpoint:
    """The trail's head at a moment, with an HMAC by a key the database does not hold."""

    clinic_id: str
    seq: int
    head_hash: str
    at: datetime
    mac: str = ""

    def message(self) -> bytes:
        return canonical_json(
            {"clinic_id": self.clinic_id, "seq": self.seq, "head_hash": self.head_hash, "at": self.at}
        )

    def sealed(self, key: bytes) -> Checkpoint:
        import hmac

        mac = hmac.new(key, self.message(), hashlib.sha256).hexdigest()
        return Checkpoint(self.clinic_id, self.seq, self.head_hash, self.at, mac)

    def is_sealed_by(self, key: bytes) -> bool:
        import hmac

        return bool(self.mac) and hmac.compare_digest(self.sealed(key).mac, self.mac)

    def to_json(self) -> str:
        return json.dumps(
            {
                "clinic_id": self.clinic_id,
                "seq": self.seq,
                "head_hash": self.head_hash,
                "at": format_time(self.at),
                "mac": self.mac,
                "what": "Facilitator audit trail checkpoint: the trail's newest entry (seq, hash) "
                "at a moment, sealed with HMAC-SHA256 by a key kept outside the database",
            },
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str) -> Checkpoint:
        """Parse a checkpoint file; ValueError with a sentence when it is not one."""
        try:
            raw = json.loads(text)
            at = datetime.fromisoformat(str(raw["at"]).replace("Z", "+00:00"))
            seq = int(raw["seq"])
            head = str(raw["head_hash"])
            clinic = str(raw["clinic_id"])
            mac = str(raw.get("mac", ""))
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError("The file is not a Facilitator audit checkpoint.") from exc
        if at.tzinfo is None or len(head) != 64 or seq < 0:
            raise ValueError("The file is not a Facilitator audit checkpoint.")
        return cls(clinic, seq, head, at, mac)


def compare_with_checkpoint(
    checkpoint: Checkpoint, clinic_id: str | None, head_seq: int | None, hash_at_seq: str | None
) -> list[ChainProblem]:
    """What the database's trail says against a checkpoint taken earlier.

    ``hash_at_seq`` is the hash the database holds for entry ``checkpoint.seq`` now (None
    when there is no such entry). A trail cut back and its head rewound, a wiped trail, or a
    chain recomputed from an altered entry all fail here even when the chain itself is sound.
    """
    when = format_time(checkpoint.at)
    problems: list[ChainProblem] = []
    if clinic_id is not None and clinic_id != checkpoint.clinic_id:
        problems.append(
            ChainProblem(
                checkpoint.seq,
                say("core.audit", "the checkpoint of {when} is of another clinic database (id {clinic_id}); this "
                    "database's identity was changed or the database was replaced.",
                    when=when, clinic_id=checkpoint.clinic_id),
            )
        )
        return problems
    if checkpoint.seq == 0:
        return problems
    if head_seq is None or head_seq < checkpoint.seq:
        now = 0 if head_seq is None else head_seq
        if now == 0:
            what = say("core.audit", "the trail is empty")
        else:
            what = say("core.audit", "its newest entry is now {now}", now=now)
        problems.append(
            ChainProblem(
                checkpoint.seq,
                say("core.audit", "the checkpoint of {when} saw {seq} entries but {what}: entries were cut off or the "
                    "trail was wiped.", when=when, seq=checkpoint.seq, what=what),
            )
        )
    elif hash_at_seq != checkpoint.head_hash:
        problems.append(
            ChainProblem(
                checkpoint.seq,
                say("core.audit", "entry {seq} is not the entry the checkpoint of {when} sealed: entries were cut off "
                    "and the trail written on, or the trail up to it was rewritten and its chain "
                    "recomputed.", seq=checkpoint.seq, when=when),
            )
        )
    return problems
