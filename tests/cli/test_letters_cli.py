"""``facilitator letters`` and ``facilitator export services`` on the demo clinic."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from demo_clinic import clinic_today

from facilitator.cli import main


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "data"
    assert main(["--data-dir", str(folder), "demo-data", "--time-zone", "America/Chicago", "--seed", "7"]) == 0
    return folder


@pytest.fixture
def data_dir(demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    import shutil

    folder = tmp_path / "data"
    shutil.copytree(demo_template, folder)
    monkeypatch.setenv("FACILITATOR_PASSWORD", "demo")
    return folder


def run(data_dir: Path, user: str, *args: str) -> int:
    return main(["--data-dir", str(data_dir), "--user", user, *args])


def audit(data_dir: Path, action: str) -> list[tuple[str, str]]:
    engine = sa.create_engine(f"sqlite:///{data_dir / 'facilitator.sqlite'}")
    with engine.connect() as conn:
        found = [(r.username, r.detail) for r in conn.execute(
            sa.text("SELECT username, detail FROM audit_entry WHERE action = :a ORDER BY seq"), {"a": action})]
    engine.dispose()
    return found


pytestmark = pytest.mark.sqlite_file


def test_the_demo_court_consent_a_letter_and_revocation(data_dir: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from pypdf import PdfReader

    assert run(data_dir, "facilitator", "letters", "consents", "--participant", "D-1027") == 0
    out = capsys.readouterr().out
    assert "Consent 1: In force · to Riverside County Drug Court" in out and "Letter 1: completion letter" in out

    letter = tmp_path / "court.pdf"
    assert run(data_dir, "facilitator", "letters", "print", "--consent", "1", "--kind", "attendance",
               "-o", str(letter)) == 0
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(str(letter)).pages).split())
    assert "Attendance letter" in text and "Riverside County Drug Court" in text
    assert "42 CFR 2.32" in text and "prohibit you from making any other use or disclosure" in text
    assert audit(data_dir, "disclose")[-1] == ("facilitator",
                                               "attendance letter to Riverside County Drug Court, Judge M. Alvarez "
                                               "under consent 1")

    assert run(data_dir, "supervisor", "letters", "revoke", "--consent", "1", "--on", clinic_today().isoformat()) == 0
    capsys.readouterr()
    assert run(data_dir, "facilitator", "letters", "print", "--consent", "1", "--kind", "attendance",
               "-o", str(tmp_path / "again.pdf")) == 3
    assert "revoked this consent" in capsys.readouterr().err
    assert not (tmp_path / "again.pdf").exists()


def test_a_letter_printed_in_spanish_carries_the_part2_notice_in_spanish(data_dir: Path, tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    import re

    from pypdf import PdfReader

    from facilitator.core.privacy import PART2_NOTICE, PART2_NOTICE_SHORT, PART2_NOTICE_TITLE, in_language

    letter = tmp_path / "carta.pdf"
    assert run(data_dir, "facilitator", "letters", "print", "--consent", "1", "--kind", "attendance",
               "--language", "es", "-o", str(letter)) == 0
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(str(letter)).pages).split())
    for spanish in ("Carta de asistencia", "Para: Riverside County Drug Court", "(tribunal)", "Asunto:", "expediente",
                    "A solicitud escrita del participante", "el participante asistió a", "Atentamente,",
                    "Esta carta se envía con el consentimiento por escrito", in_language("es", PART2_NOTICE_TITLE),
                    " ".join(in_language("es", PART2_NOTICE).split()), in_language("es", PART2_NOTICE_SHORT),
                    "Página 1 de"):
        assert spanish in text, spanish
    assert re.search(r"(lunes|martes|miércoles|jueves|viernes|sábado|domingo) \d+ de [a-z]+ de \d{4}", text)
    for english in ("Attendance letter", "To:", "Re:", "Sincerely", "At the participant's written request",
                    "This letter is sent", "Meetings attended", PART2_NOTICE_TITLE, PART2_NOTICE[:80],
                    PART2_NOTICE_SHORT, "Page 1 of", "court)"):
        assert english not in text, english


def test_recording_an_incomplete_consent_names_what_is_missing(data_dir: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    args = ["letters", "record", "--participant", "D-1020", "--to", "Acme Plumbing", "--recipient-kind", "employer",
            "--information", "attendance", "--purpose", "Return-to-work plan", "--signed", clinic_today().isoformat()]
    assert run(data_dir, "facilitator", *args) == 2
    err = capsys.readouterr().err
    assert "until when" in err and "right to revoke" in err
    assert run(data_dir, "facilitator", *args, "--until-event", "return to full duty", "--told-right-to-revoke") == 0
    assert "Recorded consent 2" in capsys.readouterr().out
    # Someone who may not see the participant hears the same as for no participant at all.
    assert run(data_dir, "facilitator", "letters", "consents", "--participant", "D-1001") == 1
    assert run(data_dir, "facilitator", "letters", "consents", "--participant", "D-9999") == 1
    errors = capsys.readouterr().err.splitlines()
    assert errors[0] == errors[1]


def test_export_services_csv_short_list_and_summary(data_dir: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    first, last = (clinic_today() - timedelta(days=27)).isoformat(), clinic_today().isoformat()
    out = tmp_path / "services.csv"
    assert run(data_dir, "supervisor", "export", "services", "--from", first, "--to", last, "-o", str(out),
               "--pdf", str(tmp_path / "services.pdf")) == 0
    said = capsys.readouterr().out
    table = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    header, rows = table[0], [dict(zip(table[0], r, strict=True)) for r in table[1:-1]]
    assert header[:5] == ["date", "record_number", "service_code", "units", "minutes_attended"]
    assert rows and all(first <= r["date"] <= last for r in rows)
    assert {r["service_code"] for r in rows} <= {"H0015", "90853", "90849"}
    assert all(int(r["minutes_attended"]) >= 180 for r in rows if r["service_code"] == "H0015")
    assert all(r["note_id"] and r["rendering_clinician"] for r in rows)
    short = list(csv.reader(io.StringIO((tmp_path / "services-short.csv").read_text(encoding="utf-8"))))
    assert short[1:-1] and all(r[4].endswith(".") for r in short[1:-1])
    assert f"{len(rows)} services" in said
    assert out.stat().st_mode & 0o077 == 0
    assert (tmp_path / "services.pdf").read_bytes().startswith(b"%PDF")
    assert audit(data_dir, "export")[-1][0] == "supervisor"
    # The demo facilitator's export holds only the groups she leads, and says so.
    mine = tmp_path / "mine.csv"
    assert run(data_dir, "facilitator", "export", "services", "--from", first, "--to", last, "-o", str(mine)) == 0
    assert "groups you lead" in capsys.readouterr().out
    assert len(mine.read_text(encoding="utf-8").splitlines()) < len(out.read_text(encoding="utf-8").splitlines())


def test_the_services_summary_prints_in_spanish_and_its_csv_stays_english(data_dir: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    first, last = (clinic_today() - timedelta(days=20)).isoformat(), clinic_today().isoformat()
    out, pdf = tmp_path / "servicios.csv", tmp_path / "servicios.pdf"
    assert run(data_dir, "supervisor", "export", "services", "--from", first, "--to", last, "-o", str(out),
               "--pdf", str(pdf), "--language", "es") == 0
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(str(pdf)).pages).split())
    for spanish in ("Servicios por facturar", "Totales por código", "Código", "Unidades", "Servicios facturables",
                    "No facturables (tal como están registrados)", "Motivo", f"{first} al {last}", "Página 1 de"):
        assert spanish in text, spanish
    for english in ("Services to bill", "Totals by code", "Billable services", "Falling short", "Reason",
                    "Page 1 of", f"{first} to {last}", "progress note", "per-diem minimum", "attended of"):
        assert english not in text, english
    short = list(csv.reader(io.StringIO((tmp_path / "servicios-short.csv").read_text(encoding="utf-8"))))
    assert short[1:-1], "the demo has services falling short"
    assert "nota de progreso" in text
    assert all("progress note" in r[4] or "attended" in r[4] for r in short[1:-1]), "the CSV's reasons stay English"
    assert next(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))[0] == "date", "machine-read: English"
