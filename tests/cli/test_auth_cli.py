"""The command line signs in, obeys the roles, audits, backs up and restores."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from facilitator.cli import main

ADMIN_PW = "root-pass-1"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clinic_database_url: str) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(folder))
    monkeypatch.delenv("FACILITATOR_USER", raising=False)
    monkeypatch.delenv("FACILITATOR_PASSWORD", raising=False)
    monkeypatch.setenv("FACILITATOR_NEW_PASSWORD", ADMIN_PW)
    assert main(["users", "init", "root", "--name", "Riley Root"]) == 0
    return folder


def _as(monkeypatch: pytest.MonkeyPatch, user: str, password: str) -> None:
    monkeypatch.setenv("FACILITATOR_USER", user)
    monkeypatch.setenv("FACILITATOR_PASSWORD", password)


def test_commands_without_clinical_data_need_no_account(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["curricula", "list", "--json"]) == 0
    assert '"id"' in capsys.readouterr().out


def test_clinical_commands_need_a_user(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["users", "list"]) == 2
    assert "--user NAME" in capsys.readouterr().err


def test_a_wrong_password_is_refused_and_audited(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _as(monkeypatch, "root", "wrong")
    assert main(["audit", "verify"]) == 3
    assert "not right" in capsys.readouterr().err
    _as(monkeypatch, "root", ADMIN_PW)
    out = data_dir / "audit.csv"
    assert main(["audit", "export", "-o", str(out)]) == 0
    with out.open(newline="", encoding="utf-8") as fh:
        actions = [row["action"] for row in csv.DictReader(fh)]
    assert "failed sign-in" in actions


def test_no_password_and_no_terminal_says_how(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FACILITATOR_USER", "root")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["users", "list"]) == 2
    assert "FACILITATOR_PASSWORD" in capsys.readouterr().err


def test_password_prompt_in_a_terminal(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or ADMIN_PW)
    assert main(["--user", "root", "users", "list"]) == 0
    assert asked == ["Password for root: "]
    assert "root" in capsys.readouterr().out


def test_roles_are_enforced_and_reset_forces_a_new_password(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _as(monkeypatch, "root", ADMIN_PW)
    monkeypatch.setenv("FACILITATOR_NEW_PASSWORD", "fay-temp-12")
    assert main(["users", "create", "fay", "--name", "Fay Lead", "--role", "facilitator", "--credentials", "CADC"]) == 0
    _as(monkeypatch, "fay", "fay-temp-12")
    assert main(["users", "list"]) == 3
    assert "choose your own first" in capsys.readouterr().err
    monkeypatch.setenv("FACILITATOR_NEW_PASSWORD", "fay-own-pass-3")
    assert main(["users", "password"]) == 0
    _as(monkeypatch, "fay", "fay-own-pass-3")
    for argv in (["users", "list"], ["audit", "verify"], ["backup", str(data_dir / "b.sqlite")]):
        capsys.readouterr()
        assert main(argv) == 3, argv
        assert "Only" in capsys.readouterr().err
    _as(monkeypatch, "root", ADMIN_PW)
    assert main(["users", "disable", "fay"]) == 0
    _as(monkeypatch, "fay", "fay-own-pass-3")
    assert main(["users", "list"]) == 3
    assert "disabled" in capsys.readouterr().err


@pytest.mark.sqlite_file
def test_audit_verify_finds_tampering(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    _as(monkeypatch, "root", ADMIN_PW)
    assert main(["audit", "verify"]) == 0
    conn = sqlite3.connect(data_dir / "facilitator.sqlite")
    conn.execute("DROP TRIGGER audit_entry_no_update")
    conn.execute("UPDATE audit_entry SET detail = 'nothing happened' WHERE seq = 1")
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main(["audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert "NOT intact" in out and "at entry 1:" in out


@pytest.mark.sqlite_file
def test_backup_and_restore_round_trip(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _as(monkeypatch, "root", ADMIN_PW)
    backup = tmp_path / "usb" / "clinic.sqlite"
    assert main(["backup", str(backup)]) == 0
    assert backup.exists() and (tmp_path / "usb" / "clinic.sqlite.sha256").exists()

    # A new workstation: no database yet, so no account is needed; the backup brings its own.
    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(tmp_path / "new"))
    monkeypatch.delenv("FACILITATOR_USER")
    assert main(["restore", str(backup)]) == 0
    _as(monkeypatch, "root", ADMIN_PW)
    assert main(["users", "list"]) == 0

    # Replacing a database in use needs its administrator, and keeps a copy.
    monkeypatch.delenv("FACILITATOR_USER")
    assert main(["restore", str(backup)]) == 2
    _as(monkeypatch, "root", ADMIN_PW)
    capsys.readouterr()
    assert main(["restore", str(backup)]) == 0
    assert "kept at" in capsys.readouterr().out
    assert list((tmp_path / "new" / "backups").glob("before-restore-*.sqlite"))
    assert main(["audit", "verify"]) == 0

    with backup.open("r+b") as fh:
        fh.seek(4096)
        fh.write(b"tampered")
    capsys.readouterr()
    assert main(["restore", str(backup)]) == 3
    assert "SHA-256" in capsys.readouterr().err


def test_audit_export_by_record_number_and_dates(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import date

    from facilitator.backend import open_backend
    from facilitator.config import AppConfig
    from facilitator.core.roster import ParticipantDraft

    backend = open_backend(AppConfig.build())
    try:
        backend.sign_in("root", ADMIN_PW)
        person = backend.roster.create_participant(
            ParticipantDraft(record_number="R-7", preferred_name="Al", legal_name="Al Test", program_start=date(2026, 1, 5))
        )
    finally:
        backend.dispose()
    _as(monkeypatch, "root", ADMIN_PW)
    out = data_dir / "r7.csv"
    today = date.today().isoformat()
    assert main(["audit", "export", "--participant", "R-7", "--from", today, "--to", today, "-o", str(out)]) == 0
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["action"], r["participant_id"], r["record_number"]) for r in rows] == [("create", str(person.id), "R-7")]
    assert main(["audit", "export", "--from", "2020-01-01", "--to", "2020-01-31", "-o", str(out)]) == 0
    assert "Wrote 0 entries" in capsys.readouterr().out
    assert main(["audit", "export", "--participant", "R-999", "-o", str(out)]) == 2
    assert main(["audit", "export", "--action", "dance", "-o", str(out)]) == 2


def test_an_account_changed_during_a_command_is_a_sentence_and_an_exit_code(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another administrator demotes the account between the command's sign-in and its first read."""
    import sqlalchemy as sa

    from facilitator.backend import Backend

    signed_in = Backend.sign_in

    def then_demoted(self, username: str, password: str):  # type: ignore[no-untyped-def]
        principal = signed_in(self, username, password)
        with self.engine.begin() as conn:
            conn.execute(sa.text("UPDATE user_account SET role = 'facilitator' WHERE username = :u"), {"u": username})
        return principal

    monkeypatch.setattr(Backend, "sign_in", then_demoted)
    _as(monkeypatch, "root", ADMIN_PW)
    assert main(["users", "list"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("facilitator: Your role changed to facilitator since you signed in")
    assert "Traceback" not in err and "unexpectedly" not in err

    def then_disabled(self, username: str, password: str):  # type: ignore[no-untyped-def]
        principal = signed_in(self, username, password)
        with self.engine.begin() as conn:
            conn.execute(sa.text("UPDATE user_account SET disabled = :yes WHERE username = :u"), {"yes": True, "u": username})
        return principal

    import os

    engine = sa.create_engine(os.environ.get("FACILITATOR_DATABASE_URL") or f"sqlite:///{data_dir / 'facilitator.sqlite'}")
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE user_account SET role = 'administrator'"))
    engine.dispose()
    monkeypatch.setattr(Backend, "sign_in", then_disabled)
    assert main(["users", "create", "nia", "--name", "Nia Noor", "--role", "facilitator"]) == 3
    err = capsys.readouterr().err
    assert "Your account was disabled by an administrator" in err and "Traceback" not in err
