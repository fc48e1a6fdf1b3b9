"""``facilitator curricula check|list`` as a clinic administrator uses them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.cli import main

EXAMPLE = (Path(__file__).parents[1] / "fixtures" / "format-example.yaml").read_text(encoding="utf-8")


def test_check_passes_a_good_file(example_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["curricula", "check", str(example_path)]) == 0
    assert capsys.readouterr().out.strip() == "1 files checked, 1 curricula, no problems."


def test_check_prints_every_problem_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(EXAMPLE.replace("format: 1", "format: 1\ntitel: x").replace("minutes: 40", "minutes: 39"), encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(EXAMPLE.replace("refusal-skills-sample", "good-one"), encoding="utf-8")
    assert main(["curricula", "check", str(tmp_path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{bad}:2:1: the curriculum: unknown key 'titel' (did you mean 'title'?)")
    assert out[1] == (
        f"{bad}:14:5: session 1 (saying-no): the agenda adds up to 59 minutes, but session_minutes is 60 minutes"
    )
    assert out[-1] == "1 of 2 files have problems (2 in all)."


def test_check_with_no_paths_checks_shipped_and_clinic_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clinic = tmp_path / "data" / "curricula"
    clinic.mkdir(parents=True)
    (clinic / "mine.yaml").write_text(EXAMPLE.replace("format: 1", "format: 1\nformat: 1"), encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "data"), "curricula", "check"]) == 1
    out = capsys.readouterr().out
    assert f"{clinic / 'mine.yaml'}:2:1: the curriculum: duplicate key 'format'" in out
    assert str(Path("curricula")) not in [line.split(":")[0] for line in out.splitlines() if "mine.yaml" not in line][:-1]


def test_check_refuses_a_missing_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["curricula", "check", "/no/such/file.yaml"]) == 2
    assert "no such file or folder: /no/such/file.yaml" in capsys.readouterr().err


def test_list_json_reports_each_curriculum(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clinic = tmp_path / "data" / "curricula"
    clinic.mkdir(parents=True)
    (clinic / "mine.yaml").write_text(EXAMPLE, encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "data"), "curricula", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    mine = next(r for r in rows if r["id"] == "refusal-skills-sample")
    assert mine == {
        "id": "refusal-skills-sample", "title": "Refusal Skills (sample)", "group_type": "skills", "focus": "",
        "language": "en", "audience": "adults", "session_count": 1, "handout_count": 1, "role_play_count": 1,
        "session_minutes": [60], "hours": 1.0, "reviewed": None, "shipped": False,
        "source": str(clinic / "mine.yaml"),
    }
    assert any(r["shipped"] for r in rows), "shipped curricula are listed too"


def test_reviewed_is_listed_and_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dated = tmp_path / "dated.yaml"
    dated.write_text(EXAMPLE.replace("session_minutes: 60\n", "session_minutes: 60\nreviewed: 2026-11-26\n"), encoding="utf-8")
    undated = tmp_path / "undated.yaml"
    undated.write_text(EXAMPLE.replace("refusal-skills-sample", "undated"), encoding="utf-8")
    assert main(["curricula", "check", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == "2 files checked, 2 curricula, no problems."
    assert captured.err.splitlines() == [
        f"note: {undated}: undated has no 'reviewed' date; add one (reviewed: YYYY-MM-DD) so a clinic can see "
        "how current the content is."
    ]
    bad = tmp_path / "bad.yaml"
    bad.write_text(EXAMPLE.replace("session_minutes: 60\n", "session_minutes: 60\nreviewed: 2026-11-31\n"), encoding="utf-8")
    assert main(["curricula", "check", str(bad)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        f"{bad}:8:11: the curriculum: 'reviewed' must be a real date written YYYY-MM-DD, such as 2026-11-26, "
        "not '2026-11-31'"
    )
    clinic = tmp_path / "data" / "curricula"
    clinic.mkdir(parents=True)
    dated.rename(clinic / "dated.yaml")
    assert main(["--data-dir", str(tmp_path / "data"), "curricula", "list", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["refusal-skills-sample"]["reviewed"] == "2026-11-26"
    assert main(["--data-dir", str(tmp_path / "data"), "curricula", "list"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("refusal-skills-sample"))
    assert " 2026-11-26 " in line


def test_every_command_has_help() -> None:
    from facilitator.cli import build_parser

    parser = build_parser()
    stack = [([], parser)]
    seen = 0
    while stack:
        prefix, p = stack.pop()
        assert p.description or p.format_help(), prefix
        for action in p._actions:
            if action.help is None and action.option_strings:
                raise AssertionError(f"option {action.option_strings} of {' '.join(prefix)} has no help")
            choices = getattr(action, "choices", None)
            if isinstance(choices, dict):
                for name, sub in choices.items():
                    stack.append((prefix + [name], sub))
                    seen += 1
    assert seen >= 3


def test_python_dash_m_runs_the_same_command(example_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "facilitator", "curricula", "check", str(example_path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "no problems" in result.stdout


def test_a_reader_that_stops_early_is_not_an_error(tmp_path: Path) -> None:
    """``facilitator curricula list | head -1`` closes the pipe; that is not a failure."""
    clinic = tmp_path / "data" / "curricula"
    clinic.mkdir(parents=True)
    for n in range(800):  # a listing far longer than a pipe's 64 KiB buffer
        (clinic / f"c{n}.yaml").write_text(EXAMPLE.replace("refusal-skills-sample", f"c{n}-" + "x" * 60), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "--log-dir", str(tmp_path), "--data-dir", str(tmp_path / "data"),
         "curricula", "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()  # the reader goes away before the listing ends
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert b"failed unexpectedly" not in err
    assert "Traceback" not in (tmp_path / "facilitator.log").read_text(encoding="utf-8")


def test_opening_the_app_skips_importing_the_commands() -> None:
    from facilitator.cli import _opens_the_app, build_parser

    light = build_parser(with_commands=False)
    assert _opens_the_app(light, [])
    assert _opens_the_app(light, ["--demo", "--data-dir", "curricula", "--user=priya", "-v"])
    assert not _opens_the_app(light, ["curricula", "list"])
    assert not _opens_the_app(light, ["--data-dir", "x", "handouts"])
    assert not _opens_the_app(light, ["--help"])
    assert not _opens_the_app(light, ["--no-such-option"])
