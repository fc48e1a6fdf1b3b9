"""The command line: restoring another clinic's or over a damaged database, checkpoints, verify."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from facilitator.cli import main

ADMIN_PW = "root-pass-1"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(folder))
    monkeypatch.delenv("FACILITATOR_USER", raising=False)
    monkeypatch.delenv("FACILITATOR_PASSWORD", raising=False)
    monkeypatch.setenv("FACILITATOR_NEW_PASSWORD", ADMIN_PW)
    assert main(["users", "init", "root", "--name", "Riley Root"]) == 0
    return folder


def _as(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACILITATOR_USER", "root")
    monkeypatch.setenv("FACILITATOR_PASSWORD", ADMIN_PW)


def _engine(folder: Path) -> sa.Engine:
    return sa.create_engine(f"sqlite:///{folder / 'facilitator.sqlite'}")


def test_restoring_another_clinics_backup_asks_for_its_name(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Another clinic, in another data folder, with its own backup.
    other = tmp_path / "other"
    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(other))
    assert main(["users", "init", "root", "--name", "Riley Root"]) == 0
    engine = _engine(other)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO clinic_setting (key, value, updated_at) "
                             "VALUES ('clinic_name', 'Riverside Recovery', '2026-01-01 00:00:00+00:00')"))
    engine.dispose()
    _as(monkeypatch)
    backup = tmp_path / "usb" / "riverside.sqlite"
    assert main(["backup", str(backup)]) == 0
    assert (tmp_path / "usb" / "riverside.sqlite.checkpoint").exists()

    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(data_dir))
    capsys.readouterr()
    assert main(["restore", str(backup)]) == 3
    err = capsys.readouterr().err
    assert "another clinic, Riverside Recovery" in err and "--confirm-clinic NAME" in err
    assert main(["restore", str(backup), "--confirm-clinic", "Lakeside"]) == 3
    assert "is not the name" in capsys.readouterr().err
    assert main(["restore", str(backup), "--confirm-clinic", "riverside recovery"]) == 0
    with _engine(data_dir).connect() as conn:
        assert conn.execute(sa.text("SELECT value FROM clinic_setting WHERE key = 'clinic_name'")).scalar() == \
            "Riverside Recovery"
        detail = conn.execute(sa.text("SELECT detail FROM audit_entry ORDER BY seq DESC LIMIT 1")).scalar()
    assert "a backup of another clinic (Riverside Recovery), its name typed back" in detail
    assert list(data_dir.glob("audit-checkpoint.before-restore-*.json")), "the old checkpoint is kept"
    assert main(["audit", "verify"]) == 0


def test_restoring_over_a_corrupted_database_needs_no_sign_in(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _as(monkeypatch)
    backup = tmp_path / "b.sqlite"
    assert main(["backup", str(backup)]) == 0
    database = data_dir / "facilitator.sqlite"
    database.write_bytes(b"not a database at all" * 500)
    assert main(["users", "list"]) != 0  # nobody can sign in to it...
    monkeypatch.delenv("FACILITATOR_USER")
    capsys.readouterr()
    assert main(["restore", str(backup)]) == 0  # ...so restoring over it needs no account
    out = capsys.readouterr().out
    assert "is damaged" in out and "kept at" in out
    assert list((data_dir / "backups").glob("damaged-before-restore-*.sqlite"))
    _as(monkeypatch)
    assert main(["users", "list"]) == 0


def test_checkpoint_export_and_verify_catch_a_rewind(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _as(monkeypatch)
    exported = tmp_path / "usb" / "checkpoint.json"
    assert main(["audit", "checkpoint", "-o", str(exported)]) == 0
    assert exported.exists() and exported.stat().st_mode & 0o777 == 0o600
    capsys.readouterr()
    assert main(["audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert "The audit trail is intact." in out and "held against the last checkpoint" in out
    # Someone with the file drops the triggers, cuts the trail back and rewinds its head.
    engine = _engine(data_dir)
    with engine.begin() as conn:
        for (name,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").all():
            conn.exec_driver_sql(f"DROP TRIGGER {name}")
        conn.exec_driver_sql("DELETE FROM audit_entry WHERE seq > 2")
        conn.exec_driver_sql("UPDATE audit_head SET seq = 2, hash = (SELECT hash FROM audit_entry WHERE seq = 2)")
    engine.dispose()
    capsys.readouterr()
    assert main(["audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert "NOT intact" in out and "entries were cut off" in out
    assert main(["audit", "verify", "--checkpoint", str(exported)]) == 1
    assert "entries were cut off" in capsys.readouterr().out
    assert main(["audit", "guards"]) == 1
    assert "Missing or disabled" in capsys.readouterr().out
    assert main(["audit", "guards", "--repair"]) == 0
    assert main(["audit", "guards"]) == 0
