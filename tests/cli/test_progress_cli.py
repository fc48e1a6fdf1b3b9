"""``facilitator report progress`` on the demo clinic: the charts' report and the participant's page, read back."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from facilitator.backend import open_backend
from facilitator.cli import main
from facilitator.config import AppConfig
from facilitator.core.privacy import PART2_NOTICE_SHORT, PART2_NOTICE_TITLE


@pytest.fixture
def demo_clinic(config: AppConfig):  # type: ignore[no-untyped-def]
    from facilitator.demo import seed_demo, sign_in_demo_user

    backend = open_backend(config)
    seed_demo(backend)
    sign_in_demo_user(backend)
    backend.sign_out()
    yield backend
    backend.dispose()


def _text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(path).pages))


def test_progress_report_and_my_progress_page(demo_clinic, config, tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    with demo_clinic.engine.connect() as conn:
        record, name = conn.execute(sa.text(
            "SELECT record_number, preferred_name FROM participant WHERE status = 'active' ORDER BY id LIMIT 1"
        )).one()
    today = demo_clinic.attendance.today()
    first, last = (today - timedelta(weeks=10)).isoformat(), today.isoformat()
    monkeypatch.setenv("FACILITATOR_PASSWORD", "demo")
    base = ["--data-dir", str(config.data_dir), "--log-dir", str(config.log_dir), "--user", "supervisor",
            "report", "progress", "--participant", record, "--from", first, "--to", last]
    out = tmp_path / "progress.pdf"
    assert main([*base, "-o", str(out)]) == 0
    assert "it carries the 42 CFR part 2 notice" in capsys.readouterr().out
    text = _text(out)
    for words in ("Progress report", record, PART2_NOTICE_TITLE, PART2_NOTICE_SHORT, "Hours attended per week",
                  "Craving at check-in", "PHQ-9 total", "GAD-7 total", "Drug screens", "Mutual-help meetings"):
        assert words in text, words
    assert out.stat().st_mode & 0o077 == 0
    mine = tmp_path / "mine.pdf"
    assert main([*base, "--mine", "-o", str(mine)]) == 0
    text = _text(mine)
    assert "My progress" in text and name.split()[0] in text and record not in text
    with demo_clinic.engine.connect() as conn:
        printed = conn.execute(sa.text(
            "SELECT record_type FROM audit_entry WHERE action = 'print' ORDER BY seq")).scalars().all()
    assert printed[-2:] == ["progress report", "my progress page"]


def test_progress_report_refuses_in_a_sentence(demo_clinic, config, tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FACILITATOR_PASSWORD", "demo")
    base = ["--data-dir", str(config.data_dir), "--log-dir", str(config.log_dir), "--user", "supervisor",
            "report", "progress", "--from", "2026-01-01", "--to", "2026-02-01", "-o", str(tmp_path / "x.pdf")]
    assert main([*base, "--participant", "NOPE"]) == 1
    assert "No participant you may see has that record number" in capsys.readouterr().err
    assert main([*base[:-6], "--participant", "NOPE", "--from", "2026-02-01", "--to", "2026-01-01",
                 "-o", str(tmp_path / "x.pdf")]) == 2
    assert not (tmp_path / "x.pdf").exists()


def test_progress_in_spanish_and_my_progress_in_the_participants_language(demo_clinic, config, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from facilitator.core.privacy import in_language

    with demo_clinic.engine.connect() as conn:
        people = dict(conn.execute(sa.text(
            "SELECT language, record_number FROM participant WHERE status = 'active' ORDER BY id")).all())
    today = demo_clinic.attendance.today()
    first, last = (today - timedelta(weeks=10)).isoformat(), today.isoformat()
    monkeypatch.setenv("FACILITATOR_PASSWORD", "demo")

    def report(record: str, *extra: str) -> str:
        out = tmp_path / f"{record}-{len(extra)}.pdf"
        assert main(["--data-dir", str(config.data_dir), "--log-dir", str(config.log_dir), "--user", "supervisor",
                     "report", "progress", "--participant", record, "--from", first, "--to", last, *extra,
                     "-o", str(out)]) == 0
        return _text(out)

    text = report(people["en"], "--language", "es")
    for words in ("Informe de progreso", "Número de expediente", in_language("es", PART2_NOTICE_TITLE),
                  in_language("es", PART2_NOTICE_SHORT), "Horas de asistencia por semana",
                  "Deseo de consumo al registrarse", "Pruebas de detección de drogas", "Página 1 de", f"{first} al {last}"):
        assert words in text, words
    for words in ("Progress report", "Record number", PART2_NOTICE_TITLE, PART2_NOTICE_SHORT, "Hours attended per week",
                  "Craving at check-in", "Page 1 of", f"{first} to {last}", "Met the weekly target", "Latest PHQ-9",
                  "Latest GAD-7", "Craving down", "Craving up", "Craving unchanged", "weeks with meetings", "clinic time"):
        assert words not in text, words
    assert "semanas con reuniones" in text or "No hay reuniones de grupo programadas" in text
    # The participant's own page goes home with them: their language, not the screen's.
    spanish_page = report(people["es"], "--mine")
    assert "Mi progreso" in spanish_page and "My progress" not in spanish_page
    assert "Gracias por el esfuerzo" in spanish_page
    english_page = report(people["en"], "--mine", "--language", "es")
    assert "My progress" in english_page and "Mi progreso" not in english_page
