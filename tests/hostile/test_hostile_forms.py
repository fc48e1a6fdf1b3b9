"""Forms hold what a person may give, and a full disk keeps what was typed on screen."""

from __future__ import annotations

import errno
import sqlite3
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QDate
from roster_world import account, services, work_on

from facilitator.core import limits
from facilitator.core.permissions import UserRole
from facilitator.store.roster import RosterService
from facilitator.ui import operations


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """What the error dialogs would have said (title, sentence)."""
    seen: list[tuple[str, str]] = []
    record = lambda _parent, title, sentence: seen.append((title, sentence))  # noqa: E731
    monkeypatch.setattr("facilitator.ui.operations.show_error", record)
    monkeypatch.setattr("facilitator.ui.groups_view.show_error", record)
    return seen


def _admin_roster(engine) -> RosterService:  # type: ignore[no-untyped-def]
    admin = account(engine, "pat", UserRole.ADMINISTRATOR, "Pat Kim")
    return RosterService(work_on(engine, None, admin, workstation="office"))


def test_the_participant_form_holds_names_and_dates_to_their_limits(qtbot, engine, shipped_library) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui.participant_editor import ParticipantDialog

    _roster, attendance, _settings, _work = services(engine, shipped_library)
    dialog = ParticipantDialog(_admin_roster(engine), attendance.rules())
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.legal, "L" * (limits.LEGAL_NAME.max_chars + 50))
    assert len(dialog.legal.text()) == limits.LEGAL_NAME.max_chars
    assert dialog.dob.minimumDate() == QDate(1900, 1, 1) and dialog.dob.maximumDate() == QDate(2100, 12, 31)
    assert dialog.program_start.minimumDate() == QDate(1900, 1, 1)
    dialog.program_start.setDate(QDate(1, 1, 1))
    assert dialog.program_start.date() == QDate(1900, 1, 1)


def test_a_full_disk_says_so_and_keeps_what_was_typed(  # type: ignore[no-untyped-def]
    qtbot, engine, shipped_library, said, monkeypatch
) -> None:
    from facilitator.ui.participant_editor import ParticipantDialog

    _roster, attendance, _settings, _work = services(engine, shipped_library)

    def full(*_args: object, **_kwargs: object) -> int:
        raise sa.exc.OperationalError("INSERT INTO participant", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(RosterService, "_insert_participant", full)
    dialog = ParticipantDialog(_admin_roster(engine), attendance.rules())
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.preferred, "Quinn")
    qtbot.keyClicks(dialog.legal, "Quinn Legal")
    qtbot.keyClicks(dialog.record_number, "Q-1")
    dialog._on_save()
    qtbot.waitUntil(lambda: bool(said) and not operations.busy())
    assert "disk" in said[0][1] and "full" in said[0][1]
    assert (dialog.preferred.text(), dialog.legal.text(), dialog.record_number.text()) == ("Quinn", "Quinn Legal", "Q-1")
    assert dialog.record is None, "the dialog stays open"
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM participant")).scalar_one() == 0


def test_a_report_over_more_than_three_years_asks_first_and_a_full_disk_is_a_sentence(  # type: ignore[no-untyped-def]
    qtbot, engine, shipped_library, said, monkeypatch, tmp_path: Path
) -> None:
    from facilitator.core.attendance import Track, WeeklySchedule
    from facilitator.core.curriculum import GroupType
    from facilitator.core.roster import GroupDraft, ParticipantDraft
    from facilitator.ui.groups_view import GroupsPage

    roster, attendance, _settings, _work = services(engine, shipped_library)
    group = roster.create_group(GroupDraft("Evening", GroupType.SKILLS, Track(("skills-core",), True),
                                           WeeklySchedule((1,), __import__("datetime").time(18), 90), date(2026, 1, 6)))
    person = roster.create_participant(ParticipantDraft("R1", "Ann", "Ann Legal", date(2026, 1, 6)))
    roster.enroll(group.id, person.id, date(2026, 1, 6))
    page = GroupsPage(attendance, roster)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not operations.busy())
    asked: list[tuple[date, date]] = []
    monkeypatch.setattr(GroupsPage, "confirm_long_report", lambda _self, a, b: asked.append((a, b)) or False)
    saved: list[tuple[object, ...]] = []
    monkeypatch.setattr(GroupsPage, "save_report", lambda _self, *args: saved.append(args))
    monkeypatch.setattr("facilitator.ui.groups_view.QFileDialog.getSaveFileName",
                        lambda *_a, **_k: (str(tmp_path / "r.pdf"), ""))
    page.person.addItem("Ann", person.id)
    page.person.setCurrentIndex(page.person.count() - 1)
    page.hours_from.setDate(QDate(2020, 1, 1))
    page.hours_to.setDate(QDate(2026, 1, 1))
    page._on_report("pdf")
    assert asked == [(date(2020, 1, 1), date(2026, 1, 1))] and saved == [], "asked first; said no"
    page.hours_from.setDate(QDate(1, 1, 1))
    assert page.hours_from.date() == QDate(1900, 1, 1), "the year 1 cannot be chosen"
    monkeypatch.undo()

    monkeypatch.setattr("facilitator.ui.groups_view.show_error",
                        lambda _parent, title, sentence: said.append((title, sentence)))

    def no_space(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("facilitator.core.files.write_private", no_space)
    page.save_report(person.id, date(2026, 1, 1), date(2026, 3, 1), tmp_path / "r.pdf", "pdf")
    qtbot.waitUntil(lambda: bool(said) and not operations.busy())
    assert said[-1][0] == "Report not saved" and "disk is full" in said[-1][1]
    assert not (tmp_path / "r.pdf").exists()


def test_the_roster_import_dialog_refuses_an_oversized_file_before_reading_it(  # type: ignore[no-untyped-def]
    qtbot, engine, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QPushButton

    from facilitator.ui.roster_import import RosterImportDialog

    big = tmp_path / "everyone.csv"
    with open(big, "wb") as fh:
        fh.truncate(limits.ROSTER_FILE_MAX_BYTES + 1)  # sparse: no disk used

    def never(*_args: object) -> None:
        raise AssertionError("the oversized file was parsed")

    monkeypatch.setattr("facilitator.ui.roster_import.read_csv", never)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(big), "CSV (*.csv)"))
    dialog = RosterImportDialog(_admin_roster(engine))
    qtbot.addWidget(dialog)
    browse = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Choose file…")
    qtbot.mouseClick(browse, Qt.MouseButton.LeftButton)
    assert dialog.summary.text() == "The roster file everyone.csv is 5.0 MB; the largest Facilitator reads is 5 MB."
    assert not dialog.import_button.isEnabled()
    assert dialog.path.text() == str(big), "the chosen file stays named"
