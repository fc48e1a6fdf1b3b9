"""``facilitator roster import|list`` and ``demo-data`` as an administrator runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from facilitator.cli import main

HEADER = "record_number,preferred_name,legal_name,date_of_birth,program_start,weekly_hours_target,language,large_print\n"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clinic_database_url: str) -> Path:
    """A clinic with its first administrator; commands run signed in as the clinic's administrator."""
    folder = tmp_path / "data"
    monkeypatch.setenv("FACILITATOR_NEW_PASSWORD", "admin-pass-1")
    assert main(["--data-dir", str(folder), "users", "init", "admin", "--name", "Pat Kim"]) == 0
    monkeypatch.setenv("FACILITATOR_USER", "admin")
    monkeypatch.setenv("FACILITATOR_PASSWORD", "admin-pass-1")
    return folder


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def query(data_dir: Path, sql: str) -> list[tuple[object, ...]]:
    """Rows from the clinic database the commands used (the data folder's file, or the test server)."""
    from facilitator.config import AppConfig

    engine = sa.create_engine(AppConfig.build(data_dir=data_dir).database_url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(sa.text(sql))]
    finally:
        engine.dispose()


def participant_count(data_dir: Path) -> int:
    return int(query(data_dir, "select count(*) from participant")[0][0])


def test_import_then_list_as_json(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(HEADER + "A1,Al,Albert Smith,1980-02-03,2026-03-01,,en,no\n"
                      "B2,Bea,Beatrice Jones,2010-05-06,2026-03-02,5.5,es,yes\n", encoding="utf-8")
    assert run(data_dir, "roster", "import", str(roster)) == 0
    assert "Imported 2 participants" in capsys.readouterr().out
    assert run(data_dir, "roster", "list", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["record_number"] for r in rows] == ["A1", "B2"]
    a, b = rows
    assert a["legal_name"] == "Albert Smith" and a["date_of_birth"] == "1980-02-03" and a["large_print"] is False
    assert a["weekly_hours_target"] is None and a["effective_weekly_hours_target"] == 9
    assert b["weekly_hours_target"] == 5.5 and b["language"] == "es" and b["large_print"] is True
    assert b["audience"] == "adolescent"
    assert run(data_dir, "roster", "list") == 0
    out = capsys.readouterr().out
    assert "Albert Smith" in out and out.strip().endswith("2 participants.")


def test_any_bad_row_refuses_the_whole_file_naming_each_line(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(
        HEADER
        + "A1,Al,Albert Smith,,2026-03-01,,en,no\n"
        + "A2,Bo,Bo Brown,,03/01/2026,,en,no\n"
        + "A3,Cy,Cy Clark,,2026-03-01,,en,perhaps\n"
        + "A4,Di,Di Dunn,,2026-03-01,,en,yes\n",
        encoding="utf-8",
    )
    assert run(data_dir, "roster", "import", str(roster)) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"{roster}:3: the program start '03/01/2026' is not a date")
    assert err[1].startswith(f"{roster}:4: large print must be yes or no")
    assert err[-1] == f"facilitator: nothing imported: 2 bad row(s) in {roster} (lines 3, 4)"
    assert participant_count(data_dir) == 0


def test_a_record_number_already_in_the_roster_refuses_the_file(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "first.csv"
    first.write_text(HEADER + "A1,Al,Albert Smith,,2026-03-01,,en,no\n", encoding="utf-8")
    assert run(data_dir, "roster", "import", str(first)) == 0
    second = tmp_path / "second.csv"
    second.write_text(HEADER + "B1,Bo,Bo Brown,,2026-03-01,,en,no\nA1,Al,Albert Smith,,2026-03-01,,en,no\n",
                      encoding="utf-8")
    assert run(data_dir, "roster", "import", "--check", str(second)) == 1
    assert run(data_dir, "roster", "import", str(second)) == 1
    assert f"{second}:3: record number 'A1' is already in the roster" in capsys.readouterr().err
    assert participant_count(data_dir) == 1


def test_import_refuses_missing_and_non_utf8_files(data_dir: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert run(data_dir, "roster", "import", str(tmp_path / "nope.csv")) == 2
    latin = tmp_path / "latin.csv"
    latin.write_bytes((HEADER + "A1,José,José Pérez,,2026-03-01,,es,no\n").encode("latin-1"))
    assert run(data_dir, "roster", "import", str(latin)) == 1
    err = capsys.readouterr().err
    assert "no such file" in err and "not UTF-8" in err and "Traceback" not in err


def test_demo_data_fills_an_empty_clinic_once(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(data_dir, "demo-data", "--time-zone", "America/Chicago", "--seed", "3") == 0
    assert "40 participants" in capsys.readouterr().out
    assert run(data_dir, "demo-data") == 3
    assert "already has participants" in capsys.readouterr().err
    assert participant_count(data_dir) == 40
    states = {row[0] for row in query(data_dir, "SELECT status FROM progress_note")}
    addenda = query(data_dir, "SELECT count(*) FROM note_addendum")[0][0]
    assert {"draft", "signed", "returned", "cosigned"} <= states, states
    assert addenda >= 1, "the demo's notes include one with an addendum"
    assert run(data_dir, "demo-data", "--time-zone", "Mars/Olympus") == 2
    assert "not a known time zone" in capsys.readouterr().err
