"""``facilitator notes export`` on the demo clinic: the PDF read back, the export audited."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from facilitator.backend import open_backend
from facilitator.cli import main
from facilitator.config import AppConfig
from facilitator.core.privacy import PART2_NOTICE_SHORT


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


def test_export_a_participants_notes_as_pdf(demo_clinic, config, tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    with demo_clinic.engine.connect() as conn:
        record, day = conn.execute(
            sa.text(
                "SELECT p.record_number, m.local_day FROM progress_note n JOIN participant p ON p.id = n.participant_id "
                "JOIN meeting m ON m.id = n.meeting_id JOIN note_addendum a ON a.note_id = n.id"
            )
        ).one()
    out = tmp_path / "notes.pdf"
    monkeypatch.setenv("FACILITATOR_PASSWORD", "demo")
    argv = [
        "--data-dir",
        str(config.data_dir),
        "--log-dir",
        str(config.log_dir),
        "--user",
        "supervisor",
        "notes",
        "export",
        "--participant",
        record,
        "--from",
        str(day),
        "--to",
        str(day),
        "-o",
        str(out),
    ]
    assert main(argv) == 0
    assert "Wrote" in capsys.readouterr().out
    text = _text(out)
    assert "Notice to accompany disclosure (42 CFR 2.32)" in text
    assert PART2_NOTICE_SHORT in text
    assert "Signed: Priya Raman, CADC" in text
    assert "Co-signed: Morgan Reyes, LCSW" in text
    assert "Addendum" in text and "mutual-help meeting" in text
    assert f"record {record}" in text
    assert out.stat().st_mode & 0o077 == 0, "a protected record is readable by its owner only"
    with demo_clinic.engine.connect() as conn:
        audit = conn.execute(
            sa.text("SELECT username, action, record_type, detail FROM audit_entry WHERE action = 'export'")
        ).all()
    assert [tuple(a)[:3] for a in audit] == [("supervisor", "export", "notes")]
    assert audit[0].detail == f"exported 1 signed note(s), {day} to {day}", "said in words, no clinical content"


def test_export_refuses_admin_and_unknown_record(demo_clinic, config, tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FACILITATOR_PASSWORD", "demo")
    base = ["--data-dir", str(config.data_dir), "--log-dir", str(config.log_dir)]
    with demo_clinic.engine.connect() as conn:
        record = conn.execute(
            sa.text("SELECT p.record_number FROM progress_note n JOIN participant p ON p.id = n.participant_id LIMIT 1")
        ).scalar()
    args = [
        "notes",
        "export",
        "--participant",
        record,
        "--from",
        "2000-01-01",
        "--to",
        "2100-01-01",
        "--yes",
        "-o",
        str(tmp_path / "x.pdf"),
    ]
    assert main([*base, "--user", "admin", *args]) != 0
    assert "supervisors only" in capsys.readouterr().err
    args[3] = "NO-SUCH"
    assert main([*base, "--user", "supervisor", *args]) != 0
    assert "No participant you may see has that record number" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
    assert main([*base, "--user", "supervisor", "notes", "export", "--participant", record, "-o", "y.pdf"]) == 2


def test_export_a_meeting_puts_the_group_note_first(demo_clinic, config, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with demo_clinic.engine.connect() as conn:
        meeting = conn.execute(
            sa.text("SELECT meeting_id FROM progress_note WHERE status = 'cosigned' AND kind = 'group' LIMIT 1")
        ).scalar()
    out = tmp_path / "meeting.pdf"
    monkeypatch.setenv("FACILITATOR_PASSWORD", "demo")
    argv = [
        "--data-dir",
        str(config.data_dir),
        "--log-dir",
        str(config.log_dir),
        "--user",
        "facilitator",
        "notes",
        "export",
        "--meeting",
        str(meeting),
        "-o",
        str(out),
    ]
    assert main(argv) == 0
    text = _text(out)
    assert text.index("Group note") < text.index("(record ")
    assert "Group process" in text and "42 CFR" in text


def test_export_in_spanish_prints_spanish_labels_and_notice(demo_clinic, config, tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from facilitator.core.privacy import PART2_NOTICE, PART2_NOTICE_TITLE, in_language

    with demo_clinic.engine.connect() as conn:
        record, day = conn.execute(
            sa.text(
                "SELECT p.record_number, m.local_day FROM progress_note n JOIN participant p ON p.id = n.participant_id "
                "JOIN meeting m ON m.id = n.meeting_id JOIN note_addendum a ON a.note_id = n.id"
            )
        ).one()
    out = tmp_path / "notas.pdf"
    monkeypatch.setenv("FACILITATOR_PASSWORD", "demo")
    argv = ["--data-dir", str(config.data_dir), "--log-dir", str(config.log_dir), "--user", "supervisor", "notes",
            "export", "--participant", record, "--from", str(day), "--to", str(day), "--language", "es", "-o", str(out)]
    assert main(argv) == 0
    text = _text(out)
    for spanish in ("Notas de progreso", "Aviso que acompaña a la divulgación (42 CFR 2.32)", "Clínica", "Periodo",
                    "Firmada: Priya Raman, CADC", "Cofirmada: Morgan Reyes, LCSW", "Adenda", f"expediente {record}",
                    "1 nota(s) firmada(s)", "Página 1 de", "CONFIDENCIAL"):
        assert spanish in text, spanish
    assert " ".join(in_language("es", PART2_NOTICE).split())[:300] in text
    for english in ("Progress notes", PART2_NOTICE_TITLE, "Signed:", "Co-signed:", "Addendum", "Prepared", "Period",
                    "Page 1 of", "CONFIDENTIAL:", "record " + record, PART2_NOTICE[:60]):
        assert not re.search(rf"(?<!\w){re.escape(english)}(?!\w)", text), english


def test_export_refuses_a_language_it_does_not_print(demo_clinic, config, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    argv = ["--data-dir", str(config.data_dir), "--log-dir", str(config.log_dir), "notes", "export", "--meeting", "1",
            "--language", "fr", "-o", str(tmp_path / "x.pdf")]
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    assert "choose one of en, es" in capsys.readouterr().err
