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
    checked: int = 0
    last_seq: int = 0
    problems: list[ChainProblem] = field(default_factory=list)

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
                missing = (
                    f"entry {expected_seq} is missing"
                    if seq == expected_seq + 1
                    else f"entries {expected_seq} to {seq - 1} are missing"
                )
                problems.append(ChainProblem(expected_seq, f"{missing}: deleted from the trail."))
            else:
                problems.append(ChainProblem(seq, f"entry {seq} appears twice or out of order."))
        elif prev_hash != expected_prev:
            problems.append(
                ChainProblem(
                    seq,
                    f"entry {seq} does not follow the entry before it: an earlier entry was altered or removed.",
                )
            )
        digest = hashlib.sha256(prev_hash.encode("ascii"))
        digest.update(canonical_json({k: row[k] for k in fields}))
        if digest.hexdigest() != row["hash"]:
            problems.append(
                ChainProblem(
                    seq,
                    f"entry {seq} ({format_time(row['at'])}, {row['username'] or 'nobody'}, "
                    f"{row['action']}) was altered after it was written.",
                )
            )
        expected_prev = row["hash"]
        expected_seq = seq + 1
    report.checked = checked
    report.last_seq = seq if checked else 0
    if head_seq is not None and head_seq > report.last_seq:
        first = report.last_seq + 1
        what = f"entry {first}" if head_seq == first else f"entries {first} to {head_seq}"
        problems.append(ChainProblem(first, f"{what} at the end of the trail were deleted."))
    elif head_seq is not None and head_hash is not None and head_seq == report.last_seq and head_hash != expected_prev:
        problems.append(
            ChainProblem(report.last_seq, f"entry {report.last_seq}, the newest, was replaced after it was written.")
        )
    return report
