"""The log is private (folder 700, files 600, even when they existed before) and holds no PHI.

The demo clinic goes through its commands (demo data, roster list, a report, a notes export,
an audit export, an import the database refuses over a duplicate record number); then the log
file is searched for every demo participant's preferred name, legal name and birth date.
"""

from __future__ import annotations

import logging
import re
import stat
from pathlib import Path

import pytest
import sqlalchemy as sa

from facilitator.cli import main
from facilitator.logs import LOG_FILE, redact, setup_logging


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_an_existing_open_log_folder_and_file_are_made_private_at_start(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    (folder / LOG_FILE).write_text("old line\n")
    (folder / LOG_FILE).chmod(0o644)
    (folder / f"{LOG_FILE}.1").write_text("older\n")
    (folder / f"{LOG_FILE}.1").chmod(0o644)
    path = setup_logging(folder)
    logging.getLogger("facilitator.test").info("started")
    assert _mode(folder) == 0o700
    assert _mode(path) == 0o600 and _mode(folder / f"{LOG_FILE}.1") == 0o600


def test_a_new_log_and_its_rotated_files_are_private(tmp_path: Path) -> None:
    path = setup_logging(tmp_path / "new" / "logs")
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_facilitator", False))
    logging.getLogger("facilitator.test").warning("line")
    handler.doRollover()  # type: ignore[attr-defined]
    logging.getLogger("facilitator.test").warning("after rotation")
    assert _mode(path.parent) == 0o700
    assert _mode(path) == 0o600 and _mode(Path(f"{path}.1")) == 0o600


def test_database_errors_lose_the_values_they_quote() -> None:
    pg = (
        'duplicate key value violates unique constraint "participant_record_number_key"\n'
        "DETAIL:  Key (record_number)=(A-1001) already exists.\n"
        "[SQL: INSERT INTO participant ...]\n[parameters: {'legal_name': 'Ann Legal'}]"
    )
    text = redact(pg)
    assert "A-1001" not in text and "Ann Legal" not in text
    assert "Key (record_number)=(…)" in text
    check = 'new row violates check constraint\nDETAIL:  Failing row contains (1, R-1, Ann, Ann Legal, 1990-01-01).'
    assert "Ann Legal" not in redact(check)


def test_the_demo_clinic_through_its_commands_leaves_no_phi_in_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data, logs = tmp_path / "data", tmp_path / "logs"
    base = ["--data-dir", str(data), "--log-dir", str(logs)]
    monkeypatch.setenv("FACILITATOR_PASSWORD", "demo")
    assert main([*base, "demo-data", "--seed", "3"]) == 0
    monkeypatch.setenv("FACILITATOR_USER", "admin")
    assert main([*base, "roster", "list"]) == 0
    engine = sa.create_engine(f"sqlite:///{data / 'facilitator.sqlite'}")
    with engine.connect() as conn:
        people = conn.execute(
            sa.text("SELECT record_number, preferred_name, legal_name, date_of_birth FROM participant")
        ).all()
        noted = conn.execute(sa.text(
            "SELECT p.record_number, m.local_day FROM progress_note n JOIN participant p ON p.id = n.participant_id "
            "JOIN meeting m ON m.id = n.meeting_id WHERE n.signed_at IS NOT NULL LIMIT 1"
        )).one()
    engine.dispose()
    record, day = noted[0], str(noted[1])
    assert main([*base, "report", "attendance", "--participant", record, "--from", "2020-01-01", "--to", "2022-12-31",
                 "-o", str(tmp_path / "r.csv")]) == 0
    assert main([*base, "--user", "supervisor", "notes", "export", "--participant", record, "--from", day,
                 "--to", day, "-o", str(tmp_path / "n.pdf")]) == 0
    assert main([*base, "--user", "supervisor", "audit", "export", "-o", str(tmp_path / "a.csv")]) == 0

    # A roster import the database refuses: another workstation "just" added the record number.
    from facilitator.store.roster import RosterService

    monkeypatch.setattr(RosterService, "_import_problems", staticmethod(lambda conn, plan: []))
    dup = people[0]
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "record_number,preferred_name,legal_name,date_of_birth,program_start\n"
        f"{dup.record_number},{dup.preferred_name},{dup.legal_name},{dup.date_of_birth},2026-01-05\n",
        encoding="utf-8",
    )
    assert main([*base, "roster", "import", str(roster)]) == 3
    assert "another workstation" in capsys.readouterr().err
    for handler in logging.getLogger().handlers:
        handler.flush()

    log_text = "\n".join(p.read_text(encoding="utf-8") for p in logs.glob(f"{LOG_FILE}*"))
    assert "refused by the database" in log_text, "the failure itself is logged"
    assert _mode(logs) == 0o700 and _mode(logs / LOG_FILE) == 0o600
    for person in people:
        for value in (person.preferred_name, person.legal_name, str(person.date_of_birth or "")):
            if value:
                assert not re.search(rf"\b{re.escape(value)}\b", log_text), f"{value!r} is in the log"
        assert person.record_number not in log_text
