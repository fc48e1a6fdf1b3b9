"""Checkpoints of the audit trail's head, sealed with a key that is not in the database.

The hash chain shows that no entry was changed in place, but someone with the database file
(or the server) can cut entries off the end and rewind the head, wipe the trail, or rewrite
an entry and recompute every hash after it: the chain is then whole again. A checkpoint
records the head (clinic id, newest entry, its hash, the time) with an HMAC-SHA256 by a
key kept beside the database in the data folder (``audit-checkpoint.key``, mode 600,
created on first use), in ``audit-checkpoint.json`` beside it. ``audit verify`` then finds
that the entry the checkpoint sealed is gone or different.

Checkpoints are taken on every sign-out, when the app or a command closes, with every
backup (one goes beside the backup as ``FILE.checkpoint``) and on demand (``facilitator
audit checkpoint``, which can also write a copy elsewhere). A checkpoint is never moved
back: when the trail contradicts the last one, the last one stays as evidence. A restore
archives it and starts from the restored database.
"""

from __future__ import annotations

import logging
import os
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..core.audit import ChainProblem, Checkpoint, compare_with_checkpoint, format_time
from .models import AuditEntry, DatabaseIdentity

log = logging.getLogger(__name__)

KEY_FILE = "audit-checkpoint.key"
CHECKPOINT_FILE = "audit-checkpoint.json"
BESIDE_BACKUP_SUFFIX = ".checkpoint"

_entry = AuditEntry.__table__  # type: ignore[attr-defined]
_identity = DatabaseIdentity.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class TrailHead:
    """The database's identity and its trail's newest entry, as read now."""

    clinic_id: str | None
    seq: int
    hash: str


def read_head(conn: Connection) -> TrailHead:
    clinic = conn.execute(sa.select(_identity.c.clinic_id).where(_identity.c.id == 1)).scalar()
    row = conn.execute(sa.select(_entry.c.seq, _entry.c.hash).order_by(_entry.c.seq.desc()).limit(1)).first()
    return TrailHead(clinic, int(row.seq), str(row.hash)) if row else TrailHead(clinic, 0, "0" * 64)


def hash_at(conn: Connection, seq: int) -> str | None:
    return conn.execute(sa.select(_entry.c.hash).where(_entry.c.seq == seq)).scalar()


def compare(conn: Connection, checkpoint: Checkpoint) -> list[ChainProblem]:
    """The trail as it is now against ``checkpoint``; an empty list when it still holds what was sealed."""
    head = read_head(conn)
    return compare_with_checkpoint(checkpoint, head.clinic_id, head.seq, hash_at(conn, checkpoint.seq))


def beside(path: Path) -> Path:
    """Where a backup's checkpoint goes: ``clinic.sqlite`` -> ``clinic.sqlite.checkpoint``."""
    return path.with_name(path.name + BESIDE_BACKUP_SUFFIX)


class CheckpointError(ValueError):
    """A checkpoint file cannot be used; the message is a sentence."""


class AuditCheckpoints:
    """The key and the last checkpoint of one data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.key_path = data_dir / KEY_FILE
        self.path = data_dir / CHECKPOINT_FILE

    # -- the key --------------------------------------------------------------------------------

    def has_key(self) -> bool:
        return self.key_path.is_file()

    def key(self) -> bytes:
        """The sealing key, created (256 random bits, mode 600) on first use."""
        from .db import make_private_dir, private_file

        try:
            text = self.key_path.read_text(encoding="ascii").strip()
            if len(text) == 64:
                return bytes.fromhex(text)
            log.warning("The audit checkpoint key %s is unreadable; a new one is made", self.key_path)
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as exc:
            log.warning("The audit checkpoint key %s is unreadable (%s); a new one is made", self.key_path, exc)
        make_private_dir(self.data_dir)
        with private_file(self.key_path) as fh:
            fh.write(secrets.token_hex(32) + "\n")
        try:
            os.chmod(self.key_path, 0o600)
        except OSError:
            pass
        return bytes.fromhex(self.key_path.read_text(encoding="ascii").strip())

    # -- reading ----------------------------------------------------------------------------------

    def load(self, path: Path | None = None) -> Checkpoint | None:
        """A checkpoint file (the last one by default); None when there is none.

        Raises ``CheckpointError`` when the file is not a checkpoint or its seal does not
        match this data folder's key (it was edited, or sealed elsewhere).
        """
        where = path or self.path
        try:
            text = where.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise CheckpointError(f"The checkpoint {where} cannot be read: {exc.strerror or exc}.") from exc
        try:
            checkpoint = Checkpoint.from_json(text)
        except ValueError as exc:
            raise CheckpointError(f"{where.name}: {exc}") from exc
        if not self.has_key() or not checkpoint.is_sealed_by(self.key()):
            raise CheckpointError(
                f"The checkpoint {where.name} does not carry this data folder's seal: it was edited, or it was "
                "sealed with another folder's key."
            )
        return checkpoint

    # -- writing ----------------------------------------------------------------------------------

    def seal(self, head: TrailHead, at: datetime) -> Checkpoint:
        return Checkpoint(head.clinic_id or "", head.seq, head.hash, at).sealed(self.key())

    def take(self, engine: Engine, at: datetime) -> Checkpoint | None:
        """Checkpoint the trail's head now; None (and the last one kept) when the trail contradicts it."""
        with engine.connect() as conn:
            return self.take_on(conn, at)

    def take_on(self, conn: Connection, at: datetime) -> Checkpoint | None:
        try:
            last = self.load()
        except CheckpointError as exc:
            log.warning("Not replacing the audit checkpoint: %s", exc)
            return None
        if last is not None:
            problems = compare(conn, last)
            if problems:
                log.warning("Not replacing the audit checkpoint of %s: %s", format_time(last.at), problems[0].sentence)
                return None
        checkpoint = self.seal(read_head(conn), at)
        self.write(checkpoint, self.path)
        return checkpoint

    def write(self, checkpoint: Checkpoint, path: Path) -> Path:
        from .db import private_file

        with private_file(path) as fh:
            fh.write(checkpoint.to_json() + "\n")
        return path

    def checkpoint_backup(self, backup: Path, at: datetime) -> Path:
        """Seal the head of a backup file, beside it (``FILE.checkpoint``)."""
        engine = sa.create_engine(f"sqlite:///file:{backup}?mode=ro&uri=true")
        try:
            with engine.connect() as conn:
                checkpoint = self.seal(read_head(conn), at)
        finally:
            engine.dispose()
        return self.write(checkpoint, beside(backup))

    def start_over(self, engine: Engine, at: datetime, stamp: str) -> Checkpoint:
        """After a restore: keep the old checkpoint under a dated name and seal the restored trail."""
        if self.path.exists():
            self.path.replace(self.path.with_name(f"audit-checkpoint.before-restore-{stamp}.json"))
        with engine.connect() as conn:
            checkpoint = self.seal(read_head(conn), at)
        self.write(checkpoint, self.path)
        return checkpoint
