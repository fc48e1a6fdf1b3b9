"""The audit trail: record who did what to which record, read it back, verify the chain.

Every service that touches health data calls ``AuditLog.record``; passing its own
``session`` makes the entry part of the same transaction as the change, so a change is
never saved without its entry (and an entry never claims a change that rolled back).
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session

from facilitator.core.catalogue import say

from ..core.audit import (
    GENESIS_HASH,
    HASHED_FIELDS,
    AuditAction,
    AuditRecord,
    ChainProblem,
    ChainReport,
    Checkpoint,
    entry_hash,
    format_time,
    verify_rows,
)
from ..core.clock import Clock, SystemClock
from ..core.permissions import Principal, require_view_audit
from .models import AuditEntry, AuditHead

if TYPE_CHECKING:
    from .checkpoint import AuditCheckpoints

log = logging.getLogger(__name__)
HEAD_REBUILT = "found the trail's head record missing and rebuilt it"

_entry = AuditEntry.__table__  # type: ignore[attr-defined]
_head = AuditHead.__table__  # type: ignore[attr-defined]
SORTABLE = {
    "seq": _entry.c.seq,
    "at": _entry.c.at,
    "username": _entry.c.username,
    "action": _entry.c.action,
    "record_type": _entry.c.record_type,
    "record_id": _entry.c.record_id,
    "participant_id": _entry.c.participant_id,
    "detail": _entry.c.detail,
    "workstation": _entry.c.workstation,
}


@dataclass(frozen=True)
class AuditFilter:
    """What the audit screen and ``audit export`` ask for; empty fields do not filter."""

    start: datetime | None = None  # inclusive
    end: datetime | None = None  # exclusive
    user_id: int | None = None
    username: str = ""
    participant_id: int | None = None
    action: str = ""
    record_type: str = ""
    order_by: str = "seq"
    descending: bool = False
    limit: int | None = None


def _workstation() -> str:
    try:
        return socket.gethostname()[:100]
    except OSError:
        return ""


def _record_from_row(row: sa.Row) -> AuditRecord:  # type: ignore[type-arg]
    return AuditRecord(
        seq=row.seq,
        at=row.at,
        user_id=row.user_id,
        username=row.username,
        action=row.action,
        record_type=row.record_type,
        record_id=row.record_id,
        participant_id=row.participant_id,
        detail=row.detail,
        workstation=row.workstation,
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


class AuditLog:
    """Append entries to the hash-chained trail and read them back."""

    def __init__(self, engine: Engine, clock: Clock | None = None, workstation: str | None = None) -> None:
        self._engine = engine
        self.checkpoints: AuditCheckpoints | None = None  # this data folder's, when there is one
        self._clock = clock or SystemClock()
        self._workstation = _workstation() if workstation is None else workstation

    # -- writing ----------------------------------------------------------------------------

    def record(
        self,
        principal: Principal | None,
        action: AuditAction | str,
        *,
        record_type: str = "",
        record_id: object = "",
        participant_id: int | None = None,
        detail: str = "",
        username: str | None = None,
        session: Session | None = None,
        connection: Connection | None = None,
    ) -> int:
        """Append one entry and return its number.

        Pass ``session`` (or ``connection``) to write in the caller's transaction.
        ``username`` names who tried when nobody is signed in (a failed sign-in).
        Details are short and factual (what changed, which file); never clinical content.
        """
        action_value = action.value if isinstance(action, AuditAction) else str(action)
        values = {
            "at": self._clock.now(),
            "user_id": principal.user_id if principal else None,
            "username": (principal.username if principal else (username or ""))[:64],
            "action": action_value,
            "record_type": record_type[:40],
            "record_id": ("" if record_id is None else str(record_id))[:64],
            "participant_id": participant_id,
            "detail": detail,
            "workstation": self._workstation,
        }
        if connection is not None:
            return self._append(connection, values)
        if session is not None:
            return self._append(session.connection(), values)
        with self._engine.begin() as conn:
            return self._append(conn, values)

    @staticmethod
    def _append(conn: Connection, values: dict[str, object]) -> int:
        # The no-op update comes first so that the head row is locked (SQLite: the write
        # lock; PostgreSQL: the row) before it is read, and appenders line up.
        conn.execute(sa.update(_head).where(_head.c.id == 1).values(seq=_head.c.seq))
        head = conn.execute(sa.select(_head.c.seq, _head.c.hash).where(_head.c.id == 1)).one_or_none()
        if head is None:
            prev_seq, prev_hash = AuditLog._rebuild_head(conn, values)
        else:
            prev_seq, prev_hash = head.seq, head.hash
        return AuditLog._insert(conn, values, prev_seq, prev_hash)

    @staticmethod
    def _insert(conn: Connection, values: dict[str, object], prev_seq: int, prev_hash: str) -> int:
        seq = prev_seq + 1
        content = dict(values, seq=seq)
        digest = entry_hash(prev_hash, {name: content[name] for name in HASHED_FIELDS})
        conn.execute(sa.insert(_entry).values(**content, prev_hash=prev_hash, hash=digest))
        conn.execute(sa.update(_head).where(_head.c.id == 1).values(seq=seq, hash=digest))
        return seq

    @staticmethod
    def _rebuild_head(conn: Connection, values: dict[str, object]) -> tuple[int, str]:
        """The head row was deleted (only possible with the triggers dropped): rebuild it, and say so.

        The head is rebuilt from the newest entry so the trail goes on, and an entry saying
        it was rebuilt goes first, in the chain, where ``audit verify`` names it. Whether
        entries were cut off before the head was deleted is for the checkpoint to tell.
        """
        newest = conn.execute(sa.select(_entry.c.seq, _entry.c.hash).order_by(_entry.c.seq.desc()).limit(1)).first()
        prev_seq, prev_hash = (int(newest.seq), str(newest.hash)) if newest else (0, GENESIS_HASH)
        conn.execute(sa.insert(_head).values(id=1, seq=prev_seq, hash=prev_hash))
        log.warning("The audit trail's head record was missing; rebuilt from entry %s", prev_seq)
        notice = dict(
            values, user_id=None, username="", action=AuditAction.CHANGE.value, record_type="audit trail",
            record_id="", participant_id=None, detail=f"{HEAD_REBUILT} from entry {prev_seq}",
        )
        seq = AuditLog._insert(conn, notice, prev_seq, prev_hash)
        return seq, str(conn.execute(sa.select(_head.c.hash).where(_head.c.id == 1)).scalar_one())

    # -- reading ----------------------------------------------------------------------------

    def entries(self, principal: Principal | None, filters: AuditFilter | None = None) -> list[AuditRecord]:
        """The entries matching ``filters``; supervisors and administrators only."""
        require_view_audit(principal)
        return list(self._query(filters or AuditFilter()))

    def _query(self, f: AuditFilter) -> Iterator[AuditRecord]:
        stmt = sa.select(_entry)
        if f.start is not None:
            stmt = stmt.where(_entry.c.at >= f.start)
        if f.end is not None:
            stmt = stmt.where(_entry.c.at < f.end)
        if f.user_id is not None:
            stmt = stmt.where(_entry.c.user_id == f.user_id)
        if f.username:
            stmt = stmt.where(_entry.c.username == f.username)
        if f.participant_id is not None:
            stmt = stmt.where(_entry.c.participant_id == f.participant_id)
        if f.action:
            stmt = stmt.where(_entry.c.action == f.action)
        if f.record_type:
            stmt = stmt.where(_entry.c.record_type == f.record_type)
        column = SORTABLE.get(f.order_by, _entry.c.seq)
        order = column.desc() if f.descending else column.asc()
        stmt = stmt.order_by(order, _entry.c.seq.desc() if f.descending else _entry.c.seq.asc())
        if f.limit:
            stmt = stmt.limit(f.limit)
        with self._engine.connect() as conn:
            for row in conn.execute(stmt):
                yield _record_from_row(row)

    def usernames(self, principal: Principal | None) -> list[str]:
        require_view_audit(principal)
        with self._engine.connect() as conn:
            rows = conn.execute(sa.select(_entry.c.username).distinct().order_by(_entry.c.username))
            return [r[0] for r in rows if r[0]]

    def participant_labels(self, principal: Principal | None, ids: Iterable[int]) -> dict[int, str]:
        """Record numbers of the participants the entries name (for the audit screen and exports)."""
        require_view_audit(principal)
        wanted = sorted({i for i in ids if i is not None})
        if not wanted:
            return {}
        with self._engine.connect() as conn:
            if not sa.inspect(conn).has_table("participant"):
                return {}
            table = sa.table("participant", sa.column("id"), sa.column("record_number"))
            labels: dict[int, str] = {}
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                rows = conn.execute(sa.select(table.c.id, table.c.record_number).where(table.c.id.in_(chunk)))
                labels.update({int(r[0]): str(r[1]) for r in rows})
            return labels

    def participant_for_record(self, principal: Principal | None, record_number: str) -> int | None:
        """The participant id behind a record number, for filtering the trail by the number staff know."""
        require_view_audit(principal)
        with self._engine.connect() as conn:
            if not sa.inspect(conn).has_table("participant"):
                return None
            table = sa.table("participant", sa.column("id"), sa.column("record_number"))
            found = conn.execute(sa.select(table.c.id).where(table.c.record_number == record_number.strip())).scalar()
            return int(found) if found is not None else None

    def count(self) -> int:
        with self._engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(_entry)).scalar_one())

    # -- checking ---------------------------------------------------------------------------

    def verify(
        self, principal: Principal | None = None, *, audited: bool = True, checkpoint: Checkpoint | None = None
    ) -> ChainReport:
        """Walk the whole chain, re-hash every signature, and hold the head against a checkpoint.

        ``checkpoint`` defaults to the last one of this data folder (``self.checkpoints``,
        set by the backend); a checkpoint that is damaged or not sealed by this folder's key
        is itself a problem. With a principal, the check is recorded in the trail.
        """
        if principal is not None:
            require_view_audit(principal)
        problems: list[ChainProblem] = []
        where = "the checkpoint given"
        if checkpoint is None and self.checkpoints is not None:
            from .checkpoint import CheckpointError

            where = "the last checkpoint"
            try:
                checkpoint = self.checkpoints.load()
            except CheckpointError as exc:
                problems.append(ChainProblem(0, str(exc)))
        report = self.verify_engine(self._engine, checkpoint)
        if checkpoint is not None:
            report.checkpoint = f"{where}, of {format_time(checkpoint.at)} (entry {checkpoint.seq})"
        report.problems[:0] = problems
        if principal is not None and audited:
            outcome = "intact" if report.ok else f"{len(report.problems)} problem(s) found"
            self.record(principal, AuditAction.VIEW, record_type="audit trail", detail=f"verified the trail: {outcome}")
        return report

    @staticmethod
    def verify_engine(engine: Engine, checkpoint: Checkpoint | None = None) -> ChainReport:
        """The chain, the signed notes and (given one) the checkpoint, read in one transaction."""
        from . import checkpoint as checkpoints
        from .signatures import verify_signatures

        with engine.connect() as conn:
            head = conn.execute(sa.select(_head.c.seq, _head.c.hash).where(_head.c.id == 1)).one_or_none()
            rows = conn.execution_options(yield_per=2000).execute(sa.select(_entry).order_by(_entry.c.seq))
            records = rows.mappings()
            if head is None:
                report = verify_rows(records)
                report.problems.append(
                    ChainProblem(0, say("store.audit", "the trail's head record is missing: entries at the end may "
                                        "have been deleted."))
                )
            else:
                report = verify_rows(records, head.seq, head.hash)
            rebuilt = conn.execute(
                sa.select(_entry.c.seq, _entry.c.detail).where(
                    _entry.c.record_type == "audit trail", _entry.c.detail.like(f"{HEAD_REBUILT}%")
                )
            ).all()
            for seq, detail in rebuilt:
                report.problems.append(
                    ChainProblem(int(seq), say("store.audit", "the trail's head record had been deleted; Facilitator "
                                               "{detail}.", detail=detail))
                )
            if checkpoint is not None:
                report.problems.extend(checkpoints.compare(conn, checkpoint))
            if sa.inspect(conn).has_table("progress_note"):
                signed = verify_signatures(conn)
                report.signatures_checked = signed.checked
                report.signatures_unhashed = signed.unhashed
                report.problems.extend(ChainProblem(p.seq, p.sentence) for p in signed.problems)
        return report

    # -- export -----------------------------------------------------------------------------

    def export_csv(self, principal: Principal | None, path: Path, filters: AuditFilter | None = None) -> int:
        """Write the matching entries to ``path`` as CSV (mode 600); the export is audited."""
        p = require_view_audit(principal)
        from ..core.csv_safe import writer as csv_writer
        from .db import private_file

        records = self.entries(p, filters)
        with private_file(path, "w", newline="") as fh:
            writer = csv_writer(fh)
            writer.writerow(
                [
                    "seq", "time_utc", "user", "action", "record_type", "record_id", "participant_id",
                    "record_number", "detail", "workstation", "hash",
                ]
            )
            labels = self.participant_labels(p, (r.participant_id for r in records if r.participant_id is not None))
            for r in records:
                writer.writerow(
                    [
                        r.seq,
                        format_time(r.at),
                        r.username,
                        r.action,
                        r.record_type,
                        r.record_id,
                        "" if r.participant_id is None else r.participant_id,
                        "" if r.participant_id is None else labels.get(r.participant_id, ""),
                        r.detail,
                        r.workstation,
                        r.hash,
                    ]
                )
        self.record(p, AuditAction.EXPORT, record_type="audit trail", detail=f"{len(records)} entries to {path.name}")
        return len(records)
