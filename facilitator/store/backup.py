"""Backups and restores of the SQLite database, each with a SHA-256 digest beside it.

A backup is SQLite's online backup: a consistent copy taken in one read transaction while
the app keeps writing (WAL mode lets both go on). ``FILE.sha256`` beside it holds the digest
in ``sha256sum`` format, so ``sha256sum -c`` checks it too. A restore checks the digest, the
file's integrity and its schema before it replaces anything, and keeps a copy of what it
replaced. Backups and digests are created mode 600 in a folder only their owner can open.

A restore raises the database's restore counter (``database_identity.restore_count``) in
the restored copy before it goes live, so every other workstation still running on the
replaced database finds, at its next unit of work, that the records changed under it
(``DatabaseReplaced``) instead of writing into rows whose ids now mean someone else.

PostgreSQL clinics back up with their server's tools (pg_dump); these functions say so.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from facilitator.core.catalogue import say

from ..core.audit import ChainReport, Checkpoint
from ..core.changes import UserFacingError
from ..core.files import os_problem, shown_path
from . import db
from .checkpoint import beside as checkpoint_beside

if TYPE_CHECKING:
    from .checkpoint import AuditCheckpoints

log = logging.getLogger(__name__)

DIGEST_SUFFIX = ".sha256"
AUTO_PREFIX = "auto-"
REQUIRED_TABLES = ("alembic_version", "clinic_setting", "user_account", "audit_entry", "audit_head")
DEFAULT_AUTO_BACKUPS_KEPT = 10


class BackupError(UserFacingError):
    """A backup or restore cannot go on; the message is one sentence for the user."""


class OtherClinic(BackupError):
    """The backup is of another clinic than the database it would replace: its name must be typed back."""

    def __init__(self, name: str, typed: str | None) -> None:
        self.name = name
        if typed:
            sentence = (f"The name typed, {typed!r}, is not the name of the clinic this backup belongs to "
                        f"({name}); nothing was restored.")
        else:
            sentence = (f"This backup is of another clinic, {name}, not of the database it would replace. "
                        "To restore it anyway, type that clinic's name (--confirm-clinic NAME); nothing was restored.")
        super().__init__(sentence)


@dataclass(frozen=True)
class BackupResult:
    path: Path
    digest_path: Path
    sha256: str
    size: int


@dataclass
class BackupInfo:
    """What a checked backup holds."""

    path: Path
    sha256: str
    schema: str
    accounts: int
    audit: ChainReport
    warnings: list[str] = field(default_factory=list)
    clinic_id: str = ""  # database_identity of the backup ("" for older schemas)
    clinic_name: str = ""

    @property
    def clinic_label(self) -> str:
        """What to type back to restore it over another clinic: its name, else its id's first part."""
        return self.clinic_name or self.clinic_id[:8]


@dataclass(frozen=True)
class RestoreResult:
    info: BackupInfo
    replaced_copy: Path | None
    created: bool
    damaged: str = ""  # what was wrong with the database it replaced ("" when it was sound)


def digest_path_for(path: Path) -> Path:
    return path.with_name(path.name + DIGEST_SUFFIX)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def database_path(url: str | sa.URL) -> Path:
    """The SQLite file behind ``url``; a sentence for PostgreSQL or an in-memory database."""
    if not db.is_sqlite(url):
        raise BackupError(
            say("store.backup", "This clinic's database is on a PostgreSQL server; back it up and restore it with the "
                "server's tools (pg_dump and pg_restore).")
        )
    path = db.sqlite_path(url)
    if path is None:
        raise BackupError(say("store.backup", "An in-memory database cannot be backed up."))
    return path


# -- taking a backup ---------------------------------------------------------------------------


def take_backup(source: Path, target: Path, checkpoints: AuditCheckpoints | None = None,
                stamp: datetime | None = None) -> BackupResult:
    """Copy a live database to ``target`` (mode 600) and write its digest beside it.

    With ``checkpoints`` (the data folder's key), the backup's own audit head is sealed
    beside it too (``FILE.checkpoint``), so the trail it carries can be held against it.
    An error of the system on either path (a name too long, a full disk) is a sentence.
    """
    try:
        return _take_backup(source, target, checkpoints, stamp)
    except OSError as exc:
        raise BackupError(say("store.backup", "The backup could not be written to {shown_path}: {os_problem}.",
                              shown_path=shown_path(target), os_problem=os_problem(exc))) from exc


def _take_backup(source: Path, target: Path, checkpoints: AuditCheckpoints | None,
                 stamp: datetime | None) -> BackupResult:
    if not source.exists():
        raise BackupError(say("store.backup", "There is no database at {source} to back up.", source=source))
    if target.resolve() == source.resolve():
        raise BackupError(say("store.backup", "A backup cannot overwrite the database it copies; choose another file "
                              "name."))
    if target.exists() and target.is_dir():
        raise BackupError(say("store.backup", "{target} is a folder; give a file name for the backup.", target=target))
    db.make_private_dir(target.parent)
    try:
        db.sqlite_backup(source, target)
    except sqlite3.Error as exc:
        raise BackupError(say("store.backup", "The database could not be copied: {exc}.", exc=exc)) from exc
    except OSError as exc:
        raise BackupError(say("store.backup", "The backup could not be written to {shown_path}: {os_problem}.",
                              shown_path=shown_path(target), os_problem=os_problem(exc))) from exc
    problem = _integrity_problem(target)
    if problem:
        target.unlink(missing_ok=True)
        raise BackupError(say("store.backup", "The copy failed its integrity check ({problem}); nothing was kept.",
                              problem=problem))
    sha = file_sha256(target)
    digest_path = digest_path_for(target)
    with db.private_file(digest_path) as fh:
        fh.write(f"{sha}  {target.name}\n")
    size = target.stat().st_size
    if checkpoints is not None:
        try:
            checkpoints.checkpoint_backup(target, stamp or datetime.now(UTC))
        except (OSError, sa.exc.DBAPIError) as exc:
            log.error("Could not seal the checkpoint beside %s: %s", target, exc)
    log.info("Backed up %s to %s (%d bytes, sha256 %s)", source, target, size, sha)
    return BackupResult(target, digest_path, sha, size)


def auto_backup(source: Path, folder: Path, stamp: datetime, keep: int = DEFAULT_AUTO_BACKUPS_KEPT,
                checkpoints: AuditCheckpoints | None = None) -> BackupResult:
    """The backup taken when the app closes; only the newest ``keep`` automatic ones stay."""
    db.make_private_dir(folder, tighten=True)
    target = folder / f"{AUTO_PREFIX}{stamp:%Y%m%d-%H%M%S}.sqlite"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{AUTO_PREFIX}{stamp:%Y%m%d-%H%M%S}-{n}.sqlite"
    result = take_backup(source, target, checkpoints, stamp)
    prune_auto_backups(folder, keep)
    return result


def prune_auto_backups(folder: Path, keep: int) -> list[Path]:
    """Remove all but the newest ``keep`` automatic backups (and their digests); other files stay."""
    autos = sorted(folder.glob(f"{AUTO_PREFIX}*.sqlite"), key=lambda p: p.name)
    removed = autos[: max(0, len(autos) - max(1, keep))]
    for path in removed:
        path.unlink(missing_ok=True)
        digest_path_for(path).unlink(missing_ok=True)
        checkpoint_beside(path).unlink(missing_ok=True)
    return removed


# -- checking a backup -------------------------------------------------------------------------


def _integrity_problem(path: Path, *, quick: bool = False) -> str:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    if rows != [("ok",)]:
        return "; ".join(str(r[0]) for r in rows[:3])
    return ""


def check_backup(path: Path, checkpoints: AuditCheckpoints | None = None) -> BackupInfo:
    """Check a backup file before anything is replaced with it; raise ``BackupError`` if it is unusable.

    With ``checkpoints``, a checkpoint beside the backup is checked against its seal and
    against the trail the backup carries (a mismatch is a warning: the backup was altered).
    Any error of the system on the path (a name too long, no permission) is a sentence too.
    """
    try:
        return _check_backup(path, checkpoints)
    except OSError as exc:
        raise BackupError(say("store.backup", "The backup {shown_path} cannot be read: {os_problem}.",
                              shown_path=shown_path(path), os_problem=os_problem(exc))) from exc
    except ValueError as exc:  # a name with a NUL character
        raise BackupError(say("store.backup", "There is no backup file at {shown_path}.",
                              shown_path=shown_path(path))) from exc


def _check_backup(path: Path, checkpoints: AuditCheckpoints | None) -> BackupInfo:
    if not path.is_file():
        raise BackupError(say("store.backup", "There is no backup file at {shown_path}.", shown_path=shown_path(path)))
    digest_file = digest_path_for(path)
    if not digest_file.is_file():
        raise BackupError(
            say("store.backup", "The digest file {name} is missing beside the backup, so its integrity cannot be "
                "checked.", name=digest_file.name)
        )
    try:
        expected = digest_file.read_text(encoding="utf-8").split()[0].lower()
    except (OSError, UnicodeDecodeError, IndexError) as exc:
        raise BackupError(say("store.backup", "The digest file {name} cannot be read.", name=digest_file.name)) from exc
    sha = file_sha256(path)
    if sha != expected:
        raise BackupError(
            say("store.backup", "The backup {name} does not match its SHA-256 digest: the file is damaged or was "
                "changed, so it was not restored.", name=path.name)
        )
    problem = _integrity_problem(path)
    if problem:
        raise BackupError(say("store.backup", "The backup {name} is not a sound database ({problem}); it was not "
                              "restored.", name=path.name, problem=problem))
    engine = sa.create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        with engine.connect() as conn:
            tables = set(sa.inspect(conn).get_table_names())
            missing = [t for t in REQUIRED_TABLES if t not in tables]
            if missing:
                raise BackupError(
                    say("store.backup", "The file {name} is not a Facilitator backup (it has no {missing} table).",
                        name=path.name, missing=', '.join(missing))
                )
            schema = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one_or_none() or ""
            accounts = int(conn.execute(sa.text("SELECT COUNT(*) FROM user_account")).scalar_one())
            clinic_id = ""
            if "database_identity" in tables:
                clinic_id = conn.execute(sa.text("SELECT clinic_id FROM database_identity WHERE id = 1")).scalar() or ""
            clinic_name = conn.execute(
                sa.text("SELECT value FROM clinic_setting WHERE key = 'clinic_name'")
            ).scalar() or ""
        _check_schema_known(schema, path)
        from .audit import AuditLog

        sealed, seal_warning = _checkpoint_beside(path, checkpoints)
        report = AuditLog.verify_engine(engine, sealed)
    finally:
        engine.dispose()
    info = BackupInfo(path=path, sha256=sha, schema=schema, accounts=accounts, audit=report,
                      clinic_id=str(clinic_id), clinic_name=" ".join(str(clinic_name).split()))
    if seal_warning:
        info.warnings.append(seal_warning)
    if not report.ok:
        info.warnings.append(f"The backup's audit trail is broken: {report.problems[0].sentence}")
    if accounts == 0:
        info.warnings.append("The backup has no accounts; the first start will ask for an administrator.")
    return info


def _checkpoint_beside(path: Path, checkpoints: AuditCheckpoints | None) -> tuple[Checkpoint | None, str]:
    """The sealed checkpoint beside a backup, if there is one this data folder can check."""
    from .checkpoint import CheckpointError

    beside_path = checkpoint_beside(path)
    if checkpoints is None or not beside_path.exists():
        return None, ""
    try:
        return checkpoints.load(beside_path), ""
    except CheckpointError as exc:
        return None, str(exc)


def _check_schema_known(schema: str, path: Path) -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(db._alembic_config(None))  # type: ignore[arg-type]
    try:
        known = script.get_revision(schema) if schema else None
    except Exception:
        known = None
    if known is None:
        raise BackupError(
            say("store.backup", "The backup {name} was made by a newer or unknown version of Facilitator (schema "
                "{schema}); update Facilitator before restoring it.", name=path.name, schema=schema or '?')
        )


# -- restoring ---------------------------------------------------------------------------------


def database_in_use(target: Path) -> bool:
    """Whether ``target`` holds a Facilitator database with accounts (so replacing it needs an administrator)."""
    if not target.exists() or target.stat().st_size == 0:
        return False
    try:
        conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
        try:
            row = conn.execute(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return True  # something is there and it is not ours to overwrite silently
    return bool(row and row[0])


def restore_count(path: Path) -> int | None:
    """The restore counter of the database at ``path``; None when it has none (older schema, not ours)."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT restore_count FROM database_identity WHERE id = 1").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
    return int(row[0]) if row else None


def _raise_restore_count(path: Path, at_least: int | None) -> int | None:
    """Count this restore in the staged copy: above both its own counter and the live database's.

    A backup made before the last restore may hold a counter the running workstations know,
    so the new one is one more than the larger of the two. A backup with no identity row
    (an older schema) is left to the upgrade, which gives it a new identity.
    """
    conn = sqlite3.connect(path, timeout=15)
    try:
        has = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'database_identity'"
        ).fetchone()
        if not has or not conn.execute("SELECT 1 FROM database_identity WHERE id = 1").fetchone():
            return None
        conn.execute(
            "UPDATE database_identity SET restore_count = MAX(restore_count, ?) + 1 WHERE id = 1",
            (at_least if at_least is not None else -1,),
        )
        conn.commit()
        return int(conn.execute("SELECT restore_count FROM database_identity WHERE id = 1").fetchone()[0])
    finally:
        conn.close()


def _copy(source: Path, target: Path, *, wal: bool) -> None:
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target, timeout=15)
        try:
            if wal:
                dst.execute("PRAGMA journal_mode=WAL")
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def database_damage(target: Path) -> str:
    """What is wrong with the database file at ``target``, in words; "" when it is sound or absent."""
    if not target.exists() or target.stat().st_size == 0:
        return ""
    problem = _integrity_problem(target, quick=True)
    if problem:
        return problem
    try:
        conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if tables and missing:
        return f"it has no {', '.join(missing)} table"
    return ""


def clinic_of(path: Path) -> str:
    """The clinic id of the database at ``path`` ("" when it has none or cannot be read)."""
    if not path.exists() or path.stat().st_size == 0:
        return ""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT clinic_id FROM database_identity WHERE id = 1").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return ""
    return str(row[0]) if row else ""


def clinic_to_confirm(info: BackupInfo, target: Path) -> str:
    """The clinic name to type back before ``info`` replaces ``target`` ("" when it is the same clinic)."""
    live = clinic_of(target)
    if not live or not info.clinic_id or live == info.clinic_id:
        return ""
    return info.clinic_label


def same_clinic_name(typed: str, name: str) -> bool:
    """Whether a typed clinic name is ``name`` (case and spacing aside)."""
    return " ".join(typed.split()).casefold() == " ".join(name.split()).casefold()


def restore_backup(
    backup: Path,
    target: Path,
    keep_dir: Path,
    stamp: datetime,
    *,
    confirm_clinic: str | None = None,
    checkpoints: AuditCheckpoints | None = None,
) -> RestoreResult:
    """Replace (or create) the database at ``target`` with a checked backup.

    The caller decides who may do this (see ``cli/restore.py``). A backup of another clinic
    (another clinic id than the database it replaces) needs that clinic's name typed back
    (``confirm_clinic``). What is replaced is first copied to ``keep_dir`` with its own
    digest; a damaged database, which SQLite cannot copy, is kept byte for byte instead and
    then removed. The backup is staged in a private copy whose restore counter is raised,
    then copied page by page through SQLite in one step, so WAL files stay consistent and
    the restored content never goes live uncounted.
    """
    info = check_backup(backup, checkpoints)
    try:
        return _restore(info, backup, target, keep_dir, stamp, confirm_clinic)
    except OSError as exc:
        raise BackupError(say("store.backup", "The restore could not be finished: {os_problem}.",
                              os_problem=os_problem(exc))) from exc


def _restore(
    info: BackupInfo, backup: Path, target: Path, keep_dir: Path, stamp: datetime, confirm_clinic: str | None
) -> RestoreResult:
    if target.resolve() == backup.resolve():
        raise BackupError(say("store.backup", "The backup and the database are the same file."))
    damage = database_damage(target)
    name = "" if damage else clinic_to_confirm(info, target)
    if name and not (confirm_clinic and same_clinic_name(confirm_clinic, name)):
        raise OtherClinic(name, confirm_clinic)
    replaced_copy: Path | None = None
    created = not damage and not database_in_use(target)
    db.make_private_dir(keep_dir, tighten=True)
    if damage:
        replaced_copy = _keep_damaged(target, keep_dir, stamp)
    elif not created:
        replaced_copy = keep_dir / f"before-restore-{stamp:%Y%m%d-%H%M%S}.sqlite"
        take_backup(target, replaced_copy)
    db.make_private_dir(target.parent)
    db.ensure_private(target)
    live_count = None if created or damage else restore_count(target)
    staging = target.with_name(f".{target.name}{RESTORING_SUFFIX}")
    try:
        for leftover in _with_companions(staging):
            leftover.unlink(missing_ok=True)
        db.ensure_private(staging)
        with db.held_partial(staging):
            _copy(backup, staging, wal=False)
            count = _raise_restore_count(staging, live_count)
            _copy(staging, target, wal=True)
    except sqlite3.Error as exc:
        if replaced_copy:
            raise BackupError(say("store.backup", "The restore could not be finished: {exc}. The previous database is "
                                  "kept at {path}.", exc=exc, path=replaced_copy)) from exc
        raise BackupError(say("store.backup", "The restore could not be finished: {exc}.", exc=exc)) from exc
    finally:
        for leftover in _with_companions(staging):
            leftover.unlink(missing_ok=True)
    db.ensure_private(target)
    log.info("Restored %s from %s (kept %s; restore count %s)", target, backup, replaced_copy, count)
    return RestoreResult(info=info, replaced_copy=replaced_copy, created=created, damaged=damage)


def _keep_damaged(target: Path, keep_dir: Path, stamp: datetime) -> Path:
    """Copy a damaged database byte for byte (with its WAL) to ``keep_dir``, then remove it."""
    kept = keep_dir / f"damaged-before-restore-{stamp:%Y%m%d-%H%M%S}.sqlite"
    try:
        for source in _with_companions(target):
            if source.is_file():
                copy = Path(str(kept) + str(source)[len(str(target)):])
                db.ensure_private(copy)
                shutil.copyfile(source, copy)
        for source in _with_companions(target):
            source.unlink(missing_ok=True)
    except OSError as exc:
        raise BackupError(say("store.backup", "The damaged database could not be set aside: {problem}; nothing was "
                              "restored.", problem=os_problem(exc))) from exc
    return kept


# -- partial files from a backup or restore that was killed -------------------------------------

RESTORING_SUFFIX = ".restoring"


def remove_partial_files(*folders: Path) -> list[Path]:
    """Remove what a killed backup or restore left in ``folders``: ``*.part`` copies and restore staging.

    A file another process is still writing (it holds a lock on it) is left alone; an
    atomic small-file write (``.NAME.part``) only once it is a minute old.
    """
    removed: list[Path] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            name = path.name
            if not path.is_file():
                continue
            staged = name.startswith(".") and RESTORING_SUFFIX in name
            copy = not name.startswith(".") and name.endswith((".part", ".part-journal"))
            small = name.startswith(".") and name.endswith(".part")
            if not (staged or copy or small):
                continue
            if small and time.time() - path.stat().st_mtime < 60:
                continue
            # A journal beside a partial file belongs to whoever holds the partial file itself.
            marker = RESTORING_SUFFIX if staged else ".part"
            held = folder / name[: name.index(marker) + len(marker)]
            if (staged or copy) and held.exists() and db.partial_in_use(held):
                continue
            try:
                path.unlink()
            except OSError as exc:
                log.warning("Could not remove the partial file %s: %s", path, exc)
                continue
            removed.append(path)
    if removed:
        log.info("Removed %d partial file(s) left by a backup or restore that did not finish: %s",
                 len(removed), ", ".join(p.name for p in removed))
    return removed


def _with_companions(path: Path) -> list[Path]:
    return [Path(str(path) + suffix) for suffix in ("", "-journal", "-wal", "-shm")]
