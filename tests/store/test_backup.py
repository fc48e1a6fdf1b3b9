"""Backups: consistent while writes are in flight, digest-checked, private; restores refuse damage."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from facilitator.core.audit import AuditAction
from facilitator.core.permissions import Principal, UserRole
from facilitator.store import db
from facilitator.store.audit import AuditLog
from facilitator.store.backup import (
    BackupError,
    auto_backup,
    check_backup,
    digest_path_for,
    restore_backup,
    take_backup,
)

WHO = Principal(1, "fay", "Fay", UserRole.FACILITATOR)
STAMP = datetime(2026, 11, 2, 18, 0, tzinfo=UTC)


@pytest.fixture
def engine(sqlite_engine):  # type: ignore[no-untyped-def]
    """This file is about a SQLite file on disk, even when the suite runs on a server."""
    return sqlite_engine


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite"


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_database_wal_and_backups_are_private(engine, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    AuditLog(engine).record(WHO, AuditAction.VIEW)
    with engine.connect() as conn:  # an open connection keeps the WAL files in place
        conn.execute(sa.text("SELECT 1"))
        for suffix in ("", "-wal", "-shm"):
            assert _mode(Path(str(db_path) + suffix)) == 0o600, suffix
    result = take_backup(db_path, tmp_path / "out" / "b.sqlite")
    assert _mode(result.path) == 0o600 and _mode(result.digest_path) == 0o600
    assert _mode(result.path.parent) == 0o700
    assert not Path(str(result.path) + "-wal").exists()  # one self-contained file


def test_digest_file_matches_sha256sum_format(engine, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import hashlib

    result = take_backup(db_path, tmp_path / "b.sqlite")
    text = result.digest_path.read_text()
    assert text == f"{hashlib.sha256(result.path.read_bytes()).hexdigest()}  b.sqlite\n"


def test_a_backup_taken_while_a_write_is_in_flight_restores_whole(engine, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    audit = AuditLog(engine)
    for _ in range(20):
        audit.record(WHO, AuditAction.VIEW, record_type="participant")
    # A write transaction is open and half done when the backup is taken...
    writer = Session(engine)
    for _ in range(50):
        audit.record(WHO, AuditAction.CHANGE, record_type="participant", session=writer)
    result = take_backup(db_path, tmp_path / "mid-write.sqlite")
    writer.commit()
    writer.close()
    # ...and other writers keep committing while more backups are taken.
    stop = threading.Event()
    errors: list[BaseException] = []

    def keep_writing() -> None:
        try:
            while not stop.is_set():
                with Session(engine) as s:
                    for _ in range(10):
                        audit.record(WHO, AuditAction.CHANGE, session=s)
                    s.commit()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        during = [take_backup(db_path, tmp_path / f"during-{i}.sqlite") for i in range(5)]
    finally:
        stop.set()
        thread.join()
    assert not errors
    for backup in [result, *during]:
        target = tmp_path / f"restored-{backup.path.stem}.sqlite"
        restored = restore_backup(backup.path, target, tmp_path / "kept", STAMP)
        assert restored.created and restored.info.audit.ok
        engine2 = db.create_engine(f"sqlite:///{target}")
        try:
            report = AuditLog.verify_engine(engine2)
            assert report.ok
            # only whole transactions: the first backup has none of the 50 in-flight entries,
            # the others a multiple of 10 on top of the 70 committed before them
            assert report.checked == 20 if backup is result else (report.checked - 70) % 10 == 0
        finally:
            engine2.dispose()


def test_restore_checks_digest_integrity_and_schema_before_replacing(engine, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    AuditLog(engine).record(WHO, AuditAction.VIEW)
    good = take_backup(db_path, tmp_path / "good.sqlite")
    target = tmp_path / "live.sqlite"
    restore_backup(good.path, target, tmp_path / "kept", STAMP)
    before = target.read_bytes()

    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(good.path.read_bytes())
    digest_path_for(damaged).write_text(good.digest_path.read_text().replace("good", "damaged"))
    with damaged.open("r+b") as fh:
        fh.seek(5000)
        fh.write(b"\x00garbage\x00")
    with pytest.raises(BackupError, match="does not match its SHA-256 digest"):
        restore_backup(damaged, target, tmp_path / "kept", STAMP)

    nodigest = tmp_path / "nodigest.sqlite"
    nodigest.write_bytes(good.path.read_bytes())
    with pytest.raises(BackupError, match="digest file"):
        check_backup(nodigest)

    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    take_backup(other, tmp_path / "other-backup.sqlite")
    with pytest.raises(BackupError, match="not a Facilitator backup"):
        check_backup(tmp_path / "other-backup.sqlite")

    newer = tmp_path / "newer.sqlite"
    newer.write_bytes(good.path.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    take_backup(newer, tmp_path / "newer-backup.sqlite")
    with pytest.raises(BackupError, match="newer or unknown version"):
        check_backup(tmp_path / "newer-backup.sqlite")
    assert target.read_bytes() == before  # nothing was replaced


def test_replacing_keeps_a_copy_of_what_was_there(engine, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    audit = AuditLog(engine)
    audit.record(WHO, AuditAction.VIEW)
    backup = take_backup(db_path, tmp_path / "one-entry.sqlite")
    audit.record(WHO, AuditAction.CHANGE)
    engine.dispose()
    result = restore_backup(backup.path, db_path, tmp_path / "kept", STAMP)
    assert not result.created and result.replaced_copy is not None
    assert check_backup(result.replaced_copy).audit.checked == 2
    fresh = db.create_engine(f"sqlite:///{db_path}")
    try:
        assert AuditLog(fresh).count() == 1
    finally:
        fresh.dispose()


def test_automatic_backups_keep_the_newest_n(engine, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "backups"
    (folder).mkdir()
    manual = folder / "manual.sqlite"
    manual.write_bytes(b"keep me")
    for minute in range(5):
        auto_backup(db_path, folder, STAMP.replace(minute=minute), keep=3)
    autos = sorted(p.name for p in folder.glob("auto-*.sqlite"))
    assert autos == ["auto-20261102-180200.sqlite", "auto-20261102-180300.sqlite", "auto-20261102-180400.sqlite"]
    assert len(list(folder.glob("auto-*.sha256"))) == 3
    assert manual.exists()


def test_postgres_is_sent_to_its_own_tools() -> None:
    from facilitator.store.backup import database_path

    with pytest.raises(BackupError, match="pg_dump"):
        database_path("postgresql+psycopg://host/clinic")


# -- restores raise the restore counter --------------------------------------------------------


def _participant(engine, name: str) -> int:  # type: ignore[no-untyped-def]
    from datetime import date

    from facilitator.store.models import Participant

    table = Participant.__table__  # type: ignore[attr-defined]
    with engine.begin() as conn:
        return int(conn.execute(
            table.insert().values(
                record_number=f"R-{name}", preferred_name=name, legal_name=f"{name} Test", program_start=date(2026, 10, 1),
                audience="adult", language="en", large_print=False, status="active", created_at=STAMP, updated_at=STAMP,
            ).returning(table.c.id)
        ).scalar_one())


def test_a_workstation_running_through_a_restore_cannot_write_into_reused_rows(engine, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from principals import make_account

    from facilitator.core.changes import PARTICIPANT, DatabaseReplaced
    from facilitator.core.clock import FakeClock
    from facilitator.store.backup import restore_count
    from facilitator.store.models import Participant
    from facilitator.store.unit_of_work import Work

    table = Participant.__table__  # type: ignore[attr-defined]
    me = make_account(engine, "room", "supervisor", "Room PC")
    _participant(engine, "Sam")
    backup = take_backup(db_path, tmp_path / "before-lee.sqlite")
    lee = _participant(engine, "Lee")
    room = Work(engine, AuditLog(engine), FakeClock(), lambda: me, workstation="group room")
    room.connect_identity()  # the group-room PC keeps running, editing Lee's record
    assert restore_count(db_path) == 0

    restore_backup(backup.path, db_path, tmp_path / "kept", STAMP)
    assert restore_count(db_path) == 1
    admin = db.create_engine(f"sqlite:///{db_path}")
    try:
        db.upgrade(admin)
        kim = _participant(admin, "Kim")  # the restored database hands Lee's old id to someone new
        assert kim == lee
        with pytest.raises(DatabaseReplaced, match="restored from a backup"), room.begin() as uow:
            uow.update_versioned(table, lee, 1, {"preferred_name": "autosaved"}, kind=PARTICIPANT)
        with admin.connect() as conn:
            assert conn.execute(sa.select(table.c.preferred_name).where(table.c.id == kim)).scalar_one() == "Kim"
        # After signing in again the room PC works on the database as it is now.
        room.connect_identity()
        with room.begin() as uow:
            uow.update_versioned(table, kim, 1, {"preferred_name": "Kimberly"}, kind=PARTICIPANT)
    finally:
        admin.dispose()


def test_restoring_an_older_backup_twice_still_counts_up(engine, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from facilitator.store.backup import restore_count

    backup = take_backup(db_path, tmp_path / "zero.sqlite")  # taken at restore count 0
    engine.dispose()
    for expected in (1, 2, 3):
        restore_backup(backup.path, db_path, tmp_path / "kept", STAMP)
        assert restore_count(db_path) == expected
    assert restore_count(backup.path) == 0  # the backup itself is never changed
    assert check_backup(backup.path).sha256 == backup.sha256


def test_a_backup_without_an_identity_is_upgraded_and_gets_one(db_path: Path, tmp_path: Path) -> None:
    import shutil

    from facilitator.store.backup import file_sha256, restore_count

    old = tmp_path / "release-0005.sqlite"
    shutil.copy(Path(__file__).resolve().parents[1] / "fixtures" / "schemas" / "0005-demo-clinic.sqlite", old)
    digest_path_for(old).write_text(f"{file_sha256(old)}  {old.name}\n", encoding="utf-8")
    target = tmp_path / "fresh" / "clinic.sqlite"
    result = restore_backup(old, target, tmp_path / "kept", STAMP)
    assert result.created and restore_count(target) is None
    engine = db.create_engine(f"sqlite:///{target}")
    try:
        db.upgrade(engine)
    finally:
        engine.dispose()
    assert restore_count(target) == 0
