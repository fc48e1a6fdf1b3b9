"""Kill the app (SIGKILL) mid-draft: what was typed is in the database after a restart."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from notes_world import build_world

from facilitator.core.clock import SystemClock
from facilitator.store.audit import AuditLog
from facilitator.store.notes import NotesService
from facilitator.store.unit_of_work import Work


def _service(engine) -> NotesService:  # type: ignore[no-untyped-def]
    clock = SystemClock()
    work = Work(engine, AuditLog(engine, clock), clock)
    work.connect_identity()
    return NotesService(work)


@pytest.fixture
def engine(sqlite_engine):  # type: ignore[no-untyped-def]
    """This file is about a SQLite file on disk, even when the suite runs on a server."""
    return sqlite_engine


def test_a_killed_app_keeps_the_draft(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    world = build_world(engine)
    service = _service(engine)
    meeting = service.start_meeting_notes(world.facilitator, world.meeting_id)
    group_note = meeting.group_note.id
    path = engine.url.database
    child = Path(__file__).with_name("notes_kill_child.py")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with subprocess.Popen(
        [
            sys.executable,
            str(child),
            path,
            str(world.meeting_id),
            str(world.facilitator.user_id),
            str(world.facilitator.staff_id),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    ) as proc:
        try:
            lines = []
            for line in proc.stdout:  # type: ignore[union-attr]
                lines.append(line.strip())
                if line.startswith("SAVED"):
                    break
            assert lines[:1] == ["TYPED"], proc.stderr.read() if proc.poll() is not None else lines  # type: ignore[union-attr]
            lag = float(lines[-1].split()[1])
            os.kill(proc.pid, signal.SIGKILL)
            assert proc.wait(timeout=20) == -signal.SIGKILL
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    assert lag <= 2.0, f"autosave came {lag:.2f} s after the last keystroke"
    engine.dispose()
    # A restart: a new service on the same file finds the draft.
    from facilitator.store import db

    fresh = db.create_engine(f"sqlite:///{path}")
    try:
        note = _service(fresh).note(world.facilitator, group_note)
    finally:
        fresh.dispose()
    assert note.content["group_process"] == "Typed before the kill; must survive."
    assert note.status.value == "draft"
