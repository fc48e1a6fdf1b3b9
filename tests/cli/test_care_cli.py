"""``facilitator care``: the readiness list, a change of level and an aftercare plan, on the demo clinic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from demo_clinic import clinic_today

from facilitator.cli import main


@pytest.fixture
def demo_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "demo-data", "--seed", "7", "--time-zone", "America/Chicago"]) == 0
    monkeypatch.setenv("FACILITATOR_PASSWORD", "demo")
    return folder


def run(folder: Path, user: str, *args: str) -> int:
    return main(["--data-dir", str(folder), "--user", user, "care", *args])


def test_the_demo_has_one_participant_ready_and_one_discharged_with_a_plan(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    capsys.readouterr()
    assert run(demo_dir, "supervisor", "ready", "--only-ready", "--json") == 0
    ready = json.loads(capsys.readouterr().out)
    assert [r["readiness"] for r in ready] == ["ready to step down"]
    assert all(c["status"] == "met" for c in ready[0]["criteria"])
    assert run(demo_dir, "facilitator", "ready") == 3
    assert "Only supervisors" in capsys.readouterr().err
    out = tmp_path / "plan.pdf"
    assert run(demo_dir, "facilitator", "plan", "--participant", "D-1024", "--language", "es", "--large-print",
               "-o", str(out)) == 0
    text = " ".join(p.extract_text() or "" for p in PdfReader(str(out)).pages)
    assert "Mi plan de cuidado" in text and "SMART Recovery" in text and "988" in text
    assert out.stat().st_mode & 0o077 == 0
    assert run(demo_dir, "facilitator", "plan", "--participant", "D-1025", "-o", str(out)) == 1
    assert "has no discharge" in capsys.readouterr().err


def test_a_level_change_from_the_command_line(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    today = clinic_today().isoformat()
    capsys.readouterr()
    assert run(demo_dir, "facilitator", "level", "--participant", "D-1025", "--to", "outpatient", "--from", today,
               "--reason", "Met the milestones", "--decided-by", "Treatment team") == 0
    assert f"D-1025: Outpatient from {today}; weekly hour target 1.5 hours now." in capsys.readouterr().out
    assert run(demo_dir, "facilitator", "level", "--participant", "D-1025", "--to", "outpatient", "--from", today,
               "--reason", "Again", "--decided-by", "Team") == 1
    assert "already at outpatient" in capsys.readouterr().err
    assert run(demo_dir, "facilitator", "level", "--participant", "NOPE-1", "--to", "php", "--from", today,
               "--reason", "x", "--decided-by", "y") == 1
    assert "No participant you may see" in capsys.readouterr().err
