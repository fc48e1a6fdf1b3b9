"""Schema versions: one linear history, upgrades that back up first, newer schemas refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from facilitator.store import db


def test_the_migrations_have_exactly_one_head() -> None:
    assert db.head_revision()


def test_a_new_database_is_upgraded_to_head_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    engine = db.create_engine(f"sqlite:///{tmp_path / 'new.sqlite'}")
    assert db.upgrade(engine, tmp_path / "backups") is None, "nothing to back up in a new database"
    assert db.current_revision(engine) == db.head_revision()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert (tmp_path / "new.sqlite").stat().st_mode & 0o777 == 0o600
    engine.dispose()


def test_an_older_database_is_copied_before_it_is_upgraded(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "old.sqlite"
    engine = db.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(db._alembic_config(conn), "0001")
        conn.exec_driver_sql("INSERT INTO clinic_setting (key, value, updated_at) VALUES ('clinic_name', 'Old', '2026-01-01 00:00:00+00:00')")
    if db.head_revision() == "0001":
        pytest.skip("only one schema version exists so far")
    backup = db.upgrade(engine, tmp_path / "backups")
    assert backup is not None and Path(backup).exists()
    assert Path(backup).name.startswith("before-upgrade-0001-")
    assert Path(backup).stat().st_mode & 0o777 == 0o600
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert copy.execute("SELECT value FROM clinic_setting").fetchone() == ("Old",)
    copy.close()
    assert db.current_revision(engine) == db.head_revision()
    engine.dispose()


def test_a_database_from_a_newer_facilitator_is_refused_untouched(tmp_path: Path) -> None:
    engine = db.create_engine(f"sqlite:///{tmp_path / 'future.sqlite'}")
    db.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(db.DatabaseError, match="written by a newer version of Facilitator"):
        db.upgrade(engine, tmp_path / "backups")
    assert db.current_revision(engine) == "9999"
    assert not (tmp_path / "backups").exists()
    engine.dispose()


def test_an_unusable_database_address_is_a_sentence_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(db.DatabaseError, match="is not a valid URL"):
        db.create_engine("not a url")
    folder = tmp_path / "a-folder.sqlite"
    folder.mkdir()
    with pytest.raises(db.DatabaseError, match="Cannot open the database"):
        engine = sa.create_engine(f"sqlite:///{folder}")
        db.upgrade(engine)


def test_timestamps_must_be_aware() -> None:
    from datetime import datetime

    from facilitator.store.models.base import UTCDateTime

    with pytest.raises(ValueError, match="naive datetime"):
        UTCDateTime().process_bind_param(datetime(2026, 1, 1), sa.create_engine("sqlite://").dialect)
