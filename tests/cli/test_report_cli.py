"""``facilitator report attendance``: the CSV and the PDF read back."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.core.privacy import PART2_NOTICE, PART2_NOTICE_SHORT


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clinic with its first administrator; commands run signed in as the clinic's administrator."""
    folder = tmp_path / "data"
    monkeypatch.setenv("FACILITATOR_NEW_PASSWORD", "admin-pass-1")
    assert main(["--data-dir", str(folder), "users", "init", "admin", "--name", "Pat Kim"]) == 0
    monkeypatch.setenv("FACILITATOR_USER", "admin")
    monkeypatch.setenv("FACILITATOR_PASSWORD", "admin-pass-1")
    return folder


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def test_demo_data_then_attendance_report_as_csv_and_pdf(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    assert run(data_dir, "demo-data", "--time-zone", "America/Chicago", "--seed", "7") == 0
    out = capsys.readouterr().out
    assert "40 participants" in out and "America/Chicago" in out
    assert run(data_dir, "demo-data") == 3
    assert "already has participants" in capsys.readouterr().err
    assert run(data_dir, "roster", "list", "--json") == 0
    people = json.loads(capsys.readouterr().out)
    assert len(people) == 40
    record = next(p["record_number"] for p in people if p["status"] == "active")

    today = date.today()
    first, last = (today - timedelta(days=27)).isoformat(), today.isoformat()
    csv_path = tmp_path / "out" / "report.csv"
    assert run(data_dir, "report", "attendance", "--participant", record, "--from", first, "--to", last,
               "-o", str(csv_path)) == 0
    table = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    assert table[-1] == [f"# {PART2_NOTICE}"]
    rows = [dict(zip(table[0], row, strict=True)) for row in table[1:-1]]
    assert rows and all(r["record_number"] == record for r in rows)
    assert all(first <= r["date"] <= last for r in rows)
    assert all(int(r["minutes_attended"]) <= int(r["scheduled_minutes"] or 0) for r in rows)
    assert any(int(r["minutes_attended"]) > 0 for r in rows)
    assert csv_path.stat().st_mode & 0o077 == 0

    pdf_path = tmp_path / "out" / "report.pdf"
    assert run(data_dir, "report", "attendance", "--participant", record, "--from", first, "--to", last,
               "--format", "pdf", "-o", str(pdf_path)) == 0
    reader = PdfReader(str(pdf_path))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert "Attendance report" in text and record in text
    assert " ".join(PART2_NOTICE.split()[:12]) in text
    assert PART2_NOTICE_SHORT in text
    assert rows[0]["date"] in text
    assert reader.metadata is not None and record not in (reader.metadata.title or "")


def test_report_refuses_unknown_participant_and_bad_dates(data_dir: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "r.pdf")
    assert run(data_dir, "report", "attendance", "--participant", "NOPE", "--from", "2026-03-01", "--to",
               "2026-03-31", "-o", out) == 1
    assert "No participant you may see has that record number" in capsys.readouterr().err
    assert run(data_dir, "report", "attendance", "--participant", "X", "--from", "2026-03-31", "--to",
               "2026-03-01", "-o", out) == 2
    with pytest.raises(SystemExit):
        run(data_dir, "report", "attendance", "--participant", "X", "--from", "March", "--to", "2026-03-01", "-o", out)
    assert not Path(out).exists()


def test_attendance_report_in_spanish_and_its_csv_headers_stay_english(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import re

    from pypdf import PdfReader

    assert run(data_dir, "demo-data", "--time-zone", "America/Chicago", "--seed", "7") == 0
    capsys.readouterr()
    assert run(data_dir, "roster", "list", "--json") == 0
    record = next(p["record_number"] for p in json.loads(capsys.readouterr().out) if p["status"] == "active")
    today = date.today()
    first, last = (today - timedelta(days=27)).isoformat(), today.isoformat()
    pdf, csv_path = tmp_path / "informe.pdf", tmp_path / "informe.csv"
    for out in (pdf, csv_path):
        assert run(data_dir, "report", "attendance", "--participant", record, "--from", first, "--to", last,
                   "--language", "es", "-o", str(out)) == 0
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(pdf).pages))
    for spanish in ("Informe de asistencia", "Número de expediente", f"{first} al {last}",
                    "Aviso que acompaña a la divulgación", "Este expediente que se le ha divulgado"):
        assert spanish in text, spanish
    for english in ("Attendance report", "Record number", f"{first} to {last}", "This record which"):
        assert english not in text, english
    header = next(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    assert header[:3] == ["record_number", "participant", "date"], "machine-read: English headers"
