"""Consents and letters, and the services export, used by keys as a counselor would; then the database checked."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from notes_world import MEETING_START, build_world, fill
from PySide6.QtCore import Qt

from facilitator.core.clock import FakeClock
from facilitator.store.audit import AuditLog
from facilitator.store.billing import BillingService
from facilitator.store.consents import ConsentService
from facilitator.store.models import ClinicSetting, Enrollment
from facilitator.store.notes import NotesService
from facilitator.store.unit_of_work import Work
from facilitator.ui import operations

NOW = datetime(2026, 11, 10, 18, 0, tzinfo=UTC)


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not operations.busy(), timeout=10000)


@pytest.fixture
def world(engine):  # type: ignore[no-untyped-def]
    w = build_world(engine)
    with engine.begin() as conn:
        for key, value in (("clinic_time_zone", "America/Chicago"), ("clinic_name", "Riverside Recovery")):
            conn.execute(ClinicSetting.__table__.insert().values(key=key, value=value, updated_at=NOW))  # type: ignore[attr-defined]
        for pid in w.participants.values():
            conn.execute(Enrollment.__table__.insert().values(  # type: ignore[attr-defined]
                group_id=w.group_id, participant_id=pid, start_date=date(2026, 9, 1)))
    return w


@pytest.fixture
def work(engine, world):  # type: ignore[no-untyped-def]
    clock = FakeClock(NOW)
    w = Work(engine, AuditLog(engine, clock), clock, lambda: world.facilitator)
    w.connect_identity()
    return w


@pytest.fixture(autouse=True)
def no_error_boxes(monkeypatch):  # type: ignore[no-untyped-def]
    """An error box would wait for a click: fail the test with its sentence instead."""
    from facilitator.ui import errors, operations

    said: list[str] = []

    def show(_parent, title: str, sentence: str) -> None:  # type: ignore[no-untyped-def]
        said.append(f"{title}: {sentence}")

    monkeypatch.setattr(errors, "show_error", show)
    monkeypatch.setattr(operations, "show_error", show)
    yield said
    assert said == []


def keys(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def rows(engine, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    """Rows as plain values; dates as ISO text (SQLite hands raw SQL dates back as text)."""
    with engine.connect() as conn:
        return [tuple(v.isoformat() if isinstance(v, date) else v for v in r) for r in conn.execute(sa.text(sql))]


def test_record_a_consent_print_a_letter_then_revoke_by_keys(qtbot, world, work, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui.consents_dialog import ConsentsDialog
    from facilitator.ui.operations import ChangeHub

    maria = world.participants["Maria"]
    dialog = ConsentsDialog(ConsentService(work), maria, "R-1002", ChangeHub(work))
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot)
    assert dialog.discloser.text() == "Riverside Recovery"
    assert not dialog.print_button.isEnabled(), "nothing to print under before a consent is chosen"

    # Incomplete: every missing element is said, and what was typed stays.
    keys(qtbot, dialog.recipient, "Cook County Drug Court")
    qtbot.keyClick(dialog.record_button, Qt.Key.Key_Space)
    settle(qtbot)
    said = dialog.message.text()
    assert "Not recorded" in said and "what information" in said and "revoke" in said and "why" in said
    assert dialog.recipient.text() == "Cook County Drug Court"
    assert rows(world.engine, "SELECT count(*) FROM consent") == [(0,)]

    dialog.attendance.setFocus()
    qtbot.keyClick(dialog.attendance, Qt.Key.Key_Space)
    keys(qtbot, dialog.purpose, "Compliance monitoring ordered by the court")
    keys(qtbot, dialog.until, "2027-05-01")
    keys(qtbot, dialog.signed_on, "2026-11-0x")
    dialog.revocable.setFocus()
    qtbot.keyClick(dialog.revocable, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.record_button, Qt.Key.Key_Space)
    settle(qtbot)
    assert "signature date" in dialog.message.text(), "a date that is not one is a sentence"
    assert dialog.signed_on.text() == "2026-11-0x"
    dialog.signed_on.selectAll()
    qtbot.keyClicks(dialog.signed_on, "2026-11-09")
    qtbot.keyClick(dialog.record_button, Qt.Key.Key_Space)
    settle(qtbot)
    assert rows(world.engine, "SELECT recipient_name, information, signed_on, recorded_by_name FROM consent") == [
        ("Cook County Drug Court", "attendance", "2026-11-09", "Ana Ruiz, CADC-I")]
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)  # the change refreshes the list
    settle(qtbot)
    assert dialog.table.item(0, 1).text() == "In force"

    # A completion letter is refused with a sentence: the consent covers attendance only.
    out = tmp_path / "letter.pdf"
    dialog.choose_file = lambda suggested: str(out)
    dialog.table.selectRow(0)
    dialog.letter_kind.setFocus()
    qtbot.keyClick(dialog.letter_kind, Qt.Key.Key_Down)
    assert dialog.letter_kind.currentData() == "completion"
    qtbot.keyClick(dialog.print_button, Qt.Key.Key_Space)
    settle(qtbot)
    assert "does not cover completion" in dialog.message.text() and not out.exists()
    qtbot.keyClick(dialog.letter_kind, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.print_button, Qt.Key.Key_Space)
    settle(qtbot)
    assert out.read_bytes().startswith(b"%PDF")
    assert rows(world.engine, "SELECT letter_kind, recipient_name FROM disclosure") == [
        ("attendance", "Cook County Drug Court")]
    assert rows(world.engine, "SELECT action, username FROM audit_entry WHERE action = 'disclose'") == [
        ("disclose", "facilitator")]
    qtbot.waitUntil(lambda: dialog.letters.rowCount() == 1)
    settle(qtbot)

    # Revoked: the next letter is refused.
    keys(qtbot, dialog.revoke_on, "2026-11-10")
    qtbot.keyClick(dialog.revoke_button, Qt.Key.Key_Space)
    settle(qtbot)
    assert rows(world.engine, "SELECT revoked_on, revoked_by_name FROM consent") == [
        ("2026-11-10", "Ana Ruiz, CADC-I")]
    qtbot.waitUntil(lambda: dialog.table.item(0, 1).text() == "Revoked 2026-11-10")
    settle(qtbot)
    assert not dialog.revoke_button.isEnabled()
    out.unlink()
    qtbot.keyClick(dialog.print_button, Qt.Key.Key_Space)
    settle(qtbot)
    assert "revoked this consent" in dialog.message.text() and not out.exists()
    assert rows(world.engine, "SELECT count(*) FROM disclosure") == [(1,)]


def test_export_services_from_the_dialog_by_keys(qtbot, world, engine, tmp_path, shipped_library) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui.reports_menu import ServicesExportDialog

    clock = FakeClock(MEETING_START + timedelta(hours=3))
    work = Work(engine, AuditLog(engine, clock), clock, lambda: world.supervisor)
    work.connect_identity()
    notes = NotesService(work, {"clinic_time_zone": "America/Chicago"}, shipped_library)  # type: ignore[arg-type]
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE care_group SET group_type = 'family'"))
    for note in notes.start_meeting_notes(world.independent, world.meeting_id).individual[:2]:
        notes.sign(world.independent, note.id, content=fill(note))
    dialog = ServicesExportDialog(BillingService(work), today=date(2026, 12, 3))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.first.text() == "2026-11-01" and dialog.last.text() == "2026-11-30"
    dialog.output.selectAll()
    qtbot.keyClicks(dialog.output, str(tmp_path / "november.csv"))
    dialog.last.selectAll()
    qtbot.keyClicks(dialog.last, "2026-02-30")
    qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    settle(qtbot)
    assert "last day" in dialog.message.text() and dialog.last.text() == "2026-02-30"
    dialog.last.selectAll()
    qtbot.keyClicks(dialog.last, "2026-11-30")
    qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    settle(qtbot)
    assert "2 services and 1 falling short" in dialog.message.text()
    lines = (tmp_path / "november.csv").read_text(encoding="utf-8").splitlines()
    # Jo and Maria (the first two notes, by name) are signed; Maria came 12 minutes late.
    assert [line.split(",")[:5] for line in lines[1:3]] == [["2026-11-02", "R-1002", "90849", "1", "78"],
                                                            ["2026-11-02", "R-1003", "90849", "1", "90"]]
    assert "R-1001,90849,90,The progress note is not signed." in (tmp_path / "november-short.csv").read_text(encoding="utf-8")
    assert (tmp_path / "november.pdf").read_bytes().startswith(b"%PDF")
    assert rows(engine, "SELECT username FROM audit_entry WHERE record_type = 'services to bill'") == [
        ("supervisor",)]


def test_the_reports_menu_opens_both_dialogs_from_the_main_window(qtbot, main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui import reports_menu

    seen = []
    monkeypatch.setattr(reports_menu.ServicesExportDialog, "exec", lambda self: seen.append(self.windowTitle()))
    main_window.export_services_action.trigger()
    assert seen == ["Export services to bill"]
    assert main_window.consents_action.text().replace("&", "") == "Consents and letters…"
