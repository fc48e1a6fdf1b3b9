"""Restores and damaged databases: another clinic's backup, a corrupted or missing database, a file
that vanishes, is swapped or turns read-only under a running app, and partial files from a
backup or restore killed midway (a child process, SIGKILL)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from facilitator.config import AppConfig
from facilitator.core.audit import AuditAction
from facilitator.core.changes import DatabaseReplaced, DatabaseUnavailable
from facilitator.core.clock import FakeClock
from facilitator.core.permissions import Principal, UserRole
from facilitator.store import db
from facilitator.store.audit import AuditLog
from facilitator.store.backup import (
    OtherClinic,
    check_backup,
    remove_partial_files,
    restore_backup,
    take_backup,
)
from facilitator.store.checkpoint import AuditCheckpoints
from facilitator.store.unit_of_work import Work

WHO = Principal(1, "fay", "Fay", UserRole.ADMINISTRATOR)
STAMP = datetime(2026, 11, 2, 18, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]


def _clinic(path: Path, name: str) -> None:
    engine = db.create_engine(f"sqlite:///{path}")
    db.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO clinic_setting (key, value, updated_at) VALUES ('clinic_name', :n, :t)"),
                     {"n": name, "t": STAMP})
    AuditLog(engine).record(WHO, AuditAction.VIEW, detail=f"in {name}")
    engine.dispose()


def _name_of(path: Path) -> str:
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        value = conn.execute(sa.text("SELECT value FROM clinic_setting WHERE key = 'clinic_name'")).scalar()
    engine.dispose()
    return str(value)


# -- another clinic's backup -----------------------------------------------------------------------


def test_another_clinics_backup_needs_its_name_typed_back(tmp_path: Path) -> None:
    ours, theirs = tmp_path / "ours.sqlite", tmp_path / "theirs.sqlite"
    _clinic(ours, "Lakeside Recovery")
    _clinic(theirs, "Riverside Recovery")
    backup = take_backup(theirs, tmp_path / "riverside-backup.sqlite")
    info = check_backup(backup.path)
    assert info.clinic_name == "Riverside Recovery" and info.clinic_id
    with pytest.raises(OtherClinic, match=r"another clinic, Riverside Recovery.*--confirm-clinic NAME"):
        restore_backup(backup.path, ours, tmp_path / "kept", STAMP)
    with pytest.raises(OtherClinic, match="is not the name"):
        restore_backup(backup.path, ours, tmp_path / "kept", STAMP, confirm_clinic="Lakeside Recovery")
    assert _name_of(ours) == "Lakeside Recovery", "nothing was replaced"
    assert not (tmp_path / "kept").exists() or not list((tmp_path / "kept").iterdir())
    restore_backup(backup.path, ours, tmp_path / "kept", STAMP, confirm_clinic="  riverside   recovery ")
    assert _name_of(ours) == "Riverside Recovery"
    # The same clinic's own backup needs no name.
    again = take_backup(ours, tmp_path / "own.sqlite")
    restore_backup(again.path, ours, tmp_path / "kept", STAMP.replace(minute=5))


# -- a corrupted or missing database ---------------------------------------------------------------


def test_restoring_over_a_corrupted_database_sets_it_aside_and_works(tmp_path: Path) -> None:
    live = tmp_path / "live.sqlite"
    _clinic(live, "Lakeside Recovery")
    backup = take_backup(live, tmp_path / "good.sqlite")
    with live.open("r+b") as fh:  # the header and the first pages overwritten
        fh.write(b"\x00garbage" * 1024)
    damaged_bytes = live.read_bytes()
    result = restore_backup(backup.path, live, tmp_path / "kept", STAMP)
    assert result.damaged and result.replaced_copy is not None
    assert result.replaced_copy.read_bytes() == damaged_bytes, "the damaged file is kept byte for byte"
    assert result.replaced_copy.stat().st_mode & 0o777 == 0o600
    assert _name_of(live) == "Lakeside Recovery"
    assert check_backup(backup.path).audit.ok


def test_restoring_where_the_database_is_missing_works(tmp_path: Path) -> None:
    live = tmp_path / "live.sqlite"
    _clinic(live, "Lakeside Recovery")
    backup = take_backup(live, tmp_path / "good.sqlite")
    for suffix in ("", "-wal", "-shm"):
        Path(str(live) + suffix).unlink(missing_ok=True)
    result = restore_backup(backup.path, live, tmp_path / "kept", STAMP)
    assert result.created and not result.damaged and _name_of(live) == "Lakeside Recovery"


def test_a_missing_configured_database_is_never_recreated_empty(tmp_path: Path) -> None:
    from facilitator.backend import open_backend

    config = AppConfig.build(data_dir=tmp_path / "data", log_dir=tmp_path / "logs", environ={})
    open_backend(config).dispose()  # the first start of a new data folder creates the database
    database = config.data_dir / "facilitator.sqlite"
    assert database.exists() and (config.data_dir / "audit-checkpoint.key").exists()
    for suffix in ("", "-wal", "-shm"):
        Path(str(database) + suffix).unlink(missing_ok=True)
    with pytest.raises(db.DatabaseError, match="missing from .* does not start an empty clinic"):
        open_backend(config)
    assert not database.exists()


# -- the file vanishes, is swapped, or turns read-only under a running app -----------------------------


@pytest.fixture
def running(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "live.sqlite"
    _clinic(path, "Lakeside Recovery")
    engine = db.create_engine(f"sqlite:///{path}")
    clock = FakeClock(STAMP)
    work = Work(engine, AuditLog(engine, clock), clock)
    work.connect_identity()
    with work.begin(WHO, check_account=False) as uow:  # a pooled connection is open on the file
        uow.audit(AuditAction.VIEW, detail="before")
    yield path, work
    engine.dispose()


def test_a_database_deleted_under_a_running_app_stops_writes(running) -> None:  # type: ignore[no-untyped-def]
    path, work = running
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    with pytest.raises(DatabaseUnavailable, match="gone from .*what you typed is still on screen"):
        with work.begin(WHO, check_account=False) as uow:
            uow.audit(AuditAction.VIEW, detail="into nothing")
    with pytest.raises(DatabaseUnavailable):
        with work.read(WHO, check_account=False):
            pass
    assert not path.exists(), "no empty database appears where the clinic's was"
    with pytest.raises(sa.exc.OperationalError):  # nor does a new connection make one (mode=rw)
        work.engine.dispose()
        with work.engine.connect():
            pass
    assert not path.exists()


def test_a_database_swapped_under_a_running_app_ends_the_session(running, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, work = running
    other = tmp_path / "other.sqlite"
    _clinic(other, "Riverside Recovery")
    os.replace(other, path)
    with pytest.raises(DatabaseReplaced, match="replaced by another file"):
        with work.begin(WHO, check_account=False) as uow:
            uow.audit(AuditAction.VIEW, detail="into the wrong clinic")
    work.connect_identity()  # signing in again connects to the database as it is now
    with work.begin(WHO, check_account=False) as uow:
        uow.audit(AuditAction.VIEW, detail="after signing in again")
    assert _name_of(path) == "Riverside Recovery"


def test_a_database_made_read_only_stops_writes_and_keeps_reads(running) -> None:  # type: ignore[no-untyped-def]
    path, work = running
    path.chmod(0o400)
    try:
        with pytest.raises(DatabaseUnavailable, match="made read-only"):
            with work.begin(WHO, check_account=False) as uow:
                uow.audit(AuditAction.VIEW, detail="not saved")
        with work.read(WHO, check_account=False) as uow:
            assert uow.conn.execute(sa.text("SELECT COUNT(*) FROM audit_entry WHERE detail = 'not saved'")).scalar() == 0
    finally:
        path.chmod(0o600)
    with work.begin(WHO, check_account=False) as uow:
        uow.audit(AuditAction.VIEW, detail="writable again")


# -- killed midway ---------------------------------------------------------------------------------

CHILD = """
import sys
from pathlib import Path
from facilitator.store import backup, db

source, target, keep, mode = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]

def stop_here(*args, **kwargs):
    print("midway", flush=True)
    sys.stdin.readline()  # the parent kills us here
    raise SystemExit("not killed")

if mode == "backup":
    db.shutil.move = stop_here  # the copy is written, not yet renamed into place
    db.sqlite_backup(source, target)
else:
    backup._raise_restore_count = stop_here  # the backup is staged beside the database
    backup.restore_backup(source, target, keep, __import__("datetime").datetime.now(__import__("datetime").UTC))
"""


def _stopped_midway(*args: str) -> subprocess.Popen[str]:
    """A child process doing a backup or restore, stopped (it waits on stdin) halfway through."""
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(CHILD), *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "midway"
    return child


def _kill(child: subprocess.Popen[str]) -> None:
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL
    for stream in (child.stdin, child.stdout):
        if stream is not None:
            stream.close()


def test_partial_files_of_a_killed_backup_and_restore_go_at_the_next_start(tmp_path: Path) -> None:
    from facilitator.backend import open_backend

    config = AppConfig.build(data_dir=tmp_path / "data", log_dir=tmp_path / "logs", environ={})
    open_backend(config).dispose()
    database = config.data_dir / "facilitator.sqlite"
    good = take_backup(database, tmp_path / "good.sqlite")

    backup_child = _stopped_midway(str(database), str(config.backup_dir / "auto-x.sqlite"), "-", "backup")
    part = config.backup_dir / "auto-x.sqlite.part"
    assert part.exists() and part.stat().st_size > 0
    assert remove_partial_files(config.backup_dir) == [], "a backup still being written is left alone"
    _kill(backup_child)

    restore_child = _stopped_midway(str(good.path), str(database), str(config.backup_dir), "restore")
    staged = config.data_dir / ".facilitator.sqlite.restoring"
    assert staged.exists()
    _kill(restore_child)
    assert part.exists() and staged.exists()

    backend = open_backend(config)  # the next start
    try:
        assert not part.exists() and not staged.exists()
        assert not [p for p in config.data_dir.rglob("*") if p.name.endswith((".part", ".restoring"))]
        with backend.engine.connect() as conn:  # the database is as it was
            assert conn.execute(sa.text("PRAGMA integrity_check")).scalar() == "ok"
    finally:
        backend.dispose()


def test_a_checkpoint_goes_beside_every_backup_and_is_checked_on_restore(tmp_path: Path) -> None:
    live = tmp_path / "live.sqlite"
    _clinic(live, "Lakeside Recovery")
    checkpoints = AuditCheckpoints(tmp_path / "data")
    result = take_backup(live, tmp_path / "b.sqlite", checkpoints, STAMP)
    beside = tmp_path / "b.sqlite.checkpoint"
    assert beside.exists() and beside.stat().st_mode & 0o777 == 0o600
    assert checkpoints.load(beside).seq == 1  # type: ignore[union-attr]
    assert not [w for w in check_backup(result.path, checkpoints).warnings if "seal" in w]
    beside.write_text(beside.read_text().replace('"seq": 1', '"seq": 2'))
    assert any("seal" in w for w in check_backup(result.path, checkpoints).warnings)
