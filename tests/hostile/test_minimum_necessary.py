"""Minimum necessary: nothing about a person leaves a service before the viewer may see them.

A record number nobody has and one of a participant in none of the viewer's groups get the
same sentence, the same exit code and the same queries (so the same time class); a report lists
only meetings of groups the viewer may see.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from demo_world import Demo

from facilitator.cli import main
from facilitator.core.permissions import Principal
from facilitator.store.access import NO_SUCH_PARTICIPANT, SETUP, NoSuchParticipant
from facilitator.store.attendance import SCOPE_NOTE, AttendanceService
from facilitator.store.roster import RosterService


@pytest.fixture
def as_facilitator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACILITATOR_USER", "facilitator")
    monkeypatch.setenv("FACILITATOR_PASSWORD", "demo")


@pytest.mark.parametrize("command", ["notes", "report"])
def test_hidden_and_unknown_record_numbers_get_one_answer_on_the_command_line(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str], as_facilitator: None, command: str
) -> None:
    # Dates with no notes and no meetings: the chart alone would have nothing to refuse.
    answers = []
    for record in (demo.hidden, "NO-SUCH-1", demo.hidden.lower() + "x"):
        out = tmp_path / f"{command}-{len(answers)}.pdf"
        argv = [command, "export"] if command == "notes" else [command, "attendance"]
        code = main(demo.argv(*argv, "--participant", record, "--from", "1990-01-01", "--to", "1990-12-31",
                              "-o", str(out)))
        answers.append((code, capsys.readouterr().err))
        assert not out.exists(), "no PDF with the person's legal name or record number"
    assert answers[0] == answers[1] == answers[2]
    assert answers[0] == (1, f"facilitator: {NO_SUCH_PARTICIPANT.rstrip('.')}\n")
    assert demo.hidden not in answers[0][1]


def test_her_own_participant_is_exported(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str], as_facilitator: None
) -> None:
    out = tmp_path / "mine.pdf"
    assert main(demo.argv("notes", "export", "--participant", demo.mine, "--from", "2020-01-01", "--to", "2022-12-31",
                          "-o", str(out))) == 0, capsys.readouterr().err
    assert out.exists() and out.stat().st_mode & 0o077 == 0


def _principal(demo: Demo, username: str) -> Principal:
    return demo.backend.sign_in(username, "demo")


@contextmanager
def _counting(engine: sa.Engine):  # type: ignore[no-untyped-def]
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement.split()[0])

    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)


def test_hidden_and_unknown_take_the_same_queries(demo: Demo) -> None:
    backend = demo.backend
    _principal(demo, "facilitator")
    try:
        runs = {}
        for record in (demo.hidden, "NO-SUCH-2"):
            with _counting(backend.engine) as statements, pytest.raises(NoSuchParticipant) as refused:
                backend.attendance.attendance_report(None, date(2026, 1, 1), date(2026, 1, 31), record_number=record)
            runs[record] = (str(refused.value), len(statements))
            with _counting(backend.engine) as statements, pytest.raises(NoSuchParticipant) as refused:
                backend.notes.participant_print(backend.principal, record, date(1990, 1, 1), date(1990, 1, 2))
            runs[record + " notes"] = (str(refused.value), len(statements))
        assert runs[demo.hidden] == runs["NO-SUCH-2"]
        assert runs[demo.hidden + " notes"] == runs["NO-SUCH-2 notes"]
        assert runs[demo.hidden][0] == NO_SUCH_PARTICIPANT
    finally:
        backend.sign_out()


def test_a_facilitators_report_lists_only_meetings_of_her_groups(demo: Demo) -> None:
    backend = demo.backend
    setup_roster = RosterService(backend.work, SETUP)
    setup_attendance = AttendanceService(backend.work, backend.settings, backend.library, SETUP)
    person = setup_roster.participant_by_record(demo.mine)
    assert person is not None
    other = next(g for g in setup_roster.groups() if g.id not in demo.facilitator_groups)
    enrolled = {e.group_id for e in setup_roster.enrollments() if e.participant_id == person.id}
    if other.id not in enrolled:
        setup_roster.enroll(other.id, person.id, other.start_date)
    first, last = other.start_date, backend.clock.now().date()
    everything = setup_attendance.attendance_report(person.id, first, last)
    assert any(r.group_name == other.name for r in everything.rows), "the other group has meetings to hide"
    assert everything.scope_note == ""

    _principal(demo, "facilitator")
    try:
        report = backend.attendance.attendance_report(None, first, last, record_number=demo.mine)
        weeks = backend.attendance.participant_hours(person.id, first, last)
    finally:
        backend.sign_out()
    names = {g.name for g in setup_roster.groups() if g.id in demo.facilitator_groups}
    assert report.rows and {r.group_name for r in report.rows} <= names
    assert other.name not in {r.group_name for r in report.rows}
    assert report.scope_note == SCOPE_NOTE
    assert sum(w.attended_minutes for w in weeks) == report.total_minutes, "hours count her groups' meetings only"

    _principal(demo, "supervisor")
    try:
        full = backend.attendance.attendance_report(person.id, first, last)
    finally:
        backend.sign_out()
    assert other.name in {r.group_name for r in full.rows} and full.scope_note == ""
