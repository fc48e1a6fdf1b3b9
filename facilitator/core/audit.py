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
    if at.tzinfo is None:
        raise ValueError("audit times are aware UTC")
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_json(content: Mapping[str, Any]) -> bytes:
    def default(value: Any) -> Any:
        if isinstance(value, datetime):
            return format_time(value)
        if isinstance(value, Enum):
            return value.value
        raise TypeError(f"cannot put {type(value).__name__} in an audit entry")

    return json.dumps(
        dict(content), sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=default
    ).encode("utf-8")


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
    report = ChainReport()
    expected_prev = GENESIS_HASH
    expected_seq = 1
    for record in records:
        report.checked += 1
        if record.seq > expected_seq:
            missing = (
                f"entry {expected_seq} is missing"
                if record.seq == expected_seq + 1
                else f"entries {expected_seq} to {record.seq - 1} are missing"
            )
            report.problems.append(ChainProblem(expected_seq, f"{missing}: deleted from the trail."))
        elif record.seq < expected_seq:
            report.problems.append(ChainProblem(record.seq, f"entry {record.seq} appears twice or out of order."))
        if record.prev_hash != expected_prev and record.seq == expected_seq:
            report.problems.append(
                ChainProblem(
                    record.seq,
                    f"entry {record.seq} does not follow the entry before it: "
                    "an earlier entry was altered or removed.",
                )
            )
        recomputed = entry_hash(record.prev_hash, record.content())
        if recomputed != record.hash:
            report.problems.append(
                ChainProblem(
                    record.seq,
                    f"entry {record.seq} ({format_time(record.at)}, {record.username or 'nobody'}, "
                    f"{record.action}) was altered after it was written.",
                )
            )
        expected_prev = record.hash
        expected_seq = record.seq + 1
        report.last_seq = record.seq
    if head_seq is not None and head_seq > report.last_seq:
        first = report.last_seq + 1
        what = f"entry {first}" if head_seq == first else f"entries {first} to {head_seq}"
        report.problems.append(ChainProblem(first, f"{what} at the end of the trail were deleted."))
    elif head_seq is not None and head_hash is not None and head_seq == report.last_seq and head_hash != expected_prev:
        report.problems.append(
            ChainProblem(report.last_seq, f"entry {report.last_seq}, the newest, was replaced after it was written.")
        )
    return report
