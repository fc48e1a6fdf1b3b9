"""Every example in the README's "Everyday use" runs as written on the demo clinic.

The README promises it; this runs the demo block line by line through bash, as a reader
would paste it, with the venv's ``bin`` first on the PATH, in a temporary copy of the
places the examples name (``curricula/``, ``resources/demo/``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def _blocks(section: str) -> list[str]:
    text = README.read_text(encoding="utf-8")
    body = text.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)```", body, flags=re.S)


def _commands(block: str) -> list[str]:
    return [line for line in block.splitlines() if line.strip() and not line.startswith("#")]


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("FACILITATOR_TEST_DATABASE_URL") is not None,
                    reason="the README's demo runs on SQLite in a data folder; the SQLite run covers it")
@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("date") is None, reason="needs bash and date")
def test_every_everyday_example_runs_on_the_demo_clinic(tmp_path: Path) -> None:
    demo_block = next(b for b in _blocks("Everyday use") if "demo-data" in b)
    commands = _commands(demo_block)
    assert commands[0].startswith("facilitator --data-dir demo-clinic demo-data")
    (tmp_path / "curricula").mkdir()
    shutil.copy(ROOT / "curricula" / "skills-core.yaml", tmp_path / "curricula")
    shutil.copytree(ROOT / "resources" / "demo", tmp_path / "resources" / "demo")
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACILITATOR_")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["FACILITATOR_LOG_DIR"] = str(tmp_path / "logs")
    env["QT_QPA_PLATFORM"] = "offscreen"
    script = "set -e\n" + "\n".join(commands) + "\n"
    done = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    for name in ("tonight.pdf", "familia.pdf", "guide.pdf", "workbook.pdf", "hours.pdf", "notes.pdf", "plan.pdf",
                 "court-letter.pdf", "services.pdf", "services.csv", "services-short.csv"):
        assert (tmp_path / name).stat().st_size > 1000, name
    assert "Imported 3 participants" in done.stdout
    assert "ready to step down" in done.stdout and "Outpatient from" in done.stdout
    assert "Traceback" not in done.stderr


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("FACILITATOR_TEST_DATABASE_URL") is not None,
                    reason="the README's demo runs on SQLite in a data folder; the SQLite run covers it")
@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("date") is None, reason="needs bash and date")
def test_the_account_examples_run_on_the_demo_clinic(tmp_path: Path) -> None:
    block = next(b for b in _blocks("Everyday use") if "users create sam" in b)
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACILITATOR_")}
    env.update(PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
               FACILITATOR_LOG_DIR=str(tmp_path / "logs"), FACILITATOR_DATA_DIR=str(tmp_path / "demo-clinic"),
               FACILITATOR_PASSWORD="demo", FACILITATOR_NEW_PASSWORD="a long new password 7")
    script = "set -e\nfacilitator demo-data --seed 7\n" + "\n".join(_commands(block)) + "\n"
    done = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert (tmp_path / "audit.csv").exists()
