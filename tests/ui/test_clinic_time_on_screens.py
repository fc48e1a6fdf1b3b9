"""Every screen, sentence and printout shows times on the clinic's clock, not this computer's.

The computer here runs on Chicago time; the clinic's setting is Tokyo (no daylight saving,
15 hours ahead in November), so a time in the wrong zone cannot pass by chance.
"""

from __future__ import annotations

import time
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from notes_world import MEETING_START, build_world, fill
from PySide6.QtCore import Qt

from facilitator.core.changes import ConflictError
from facilitator.core.clock import FakeClock
from facilitator.store.audit import AuditLog
from facilitator.store.notes import NotesService
from facilitator.store.unit_of_work import Work
from facilitator.ui import operations

TOKYO = ZoneInfo("Asia/Tokyo")
CHICAGO = ZoneInfo("America/Chicago")


@pytest.fixture
def chicago_computer(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TZ", "America/Chicago")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


class Settings(dict):
    def get(self, key: str, default: str = "") -> str:  # type: ignore[override]
        return super().get(key, default)


def _tokyo_clinic(engine) -> None:  # type: ignore[no-untyped-def]
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM clinic_setting WHERE key = 'clinic_time_zone'"))
        conn.execute(sa.text("INSERT INTO clinic_setting (key, value, updated_at) VALUES ('clinic_time_zone', "
                             "'Asia/Tokyo', CURRENT_TIMESTAMP)"))


def test_notes_their_signatures_conflicts_and_printouts_use_the_clinic_zone(  # type: ignore[no-untyped-def]
    chicago_computer, qtbot, engine, shipped_library
) -> None:
    from facilitator.ui.notes_view import NotesPage

    world = build_world(engine)
    _tokyo_clinic(engine)
    clock = FakeClock(MEETING_START + timedelta(hours=2))  # 02:00 UTC: 11:00 in Tokyo, 20:00 in Chicago
    work = Work(engine, AuditLog(engine, clock), clock, workstation="office")
    work.connect_identity()
    service = NotesService(work, Settings(clinic_time_zone="Asia/Tokyo"), shipped_library)
    mn = service.start_meeting_notes(world.independent, world.meeting_id)
    note = mn.individual[0]
    saved = service.save_draft(world.independent, note.id, fill(note), note.version)

    # Someone saved after this version was read: the sentence says when, on the clinic's clock.
    with pytest.raises(ConflictError) as conflict:
        service.save_draft(world.independent, note.id, fill(note), note.version)
    assert "at 11:00 on 03 Nov" in str(conflict.value), str(conflict.value)

    service.sign(world.independent, note.id, version=saved.version)
    printed = service.meeting_print(world.independent, world.meeting_id)
    assert printed.generated_at.utcoffset() == timedelta(hours=9) and printed.generated_at.hour == 11

    class Who:
        def __call__(self):  # type: ignore[no-untyped-def]
            return world.independent

    page = NotesPage(service, Who())
    qtbot.addWidget(page)
    page.show()
    page.open_meeting(world.meeting_id, start=True)
    qtbot.waitUntil(lambda: not operations.busy())
    row = next(i for i in range(page.note_list.count()) if page.note_list.item(i).data(Qt.ItemDataRole.UserRole) == note.id)
    page.note_list.setCurrentRow(row)
    assert "Signed: Kim Osei, LPC — 2026-11-03 11:00" in page.editor.signatures.text()
    assert "20:00" not in page.editor.signatures.text()


def test_the_audit_and_accounts_screens_use_the_clinic_zone(chicago_computer, qtbot, backend) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui.accounts_dialog import COLUMNS, AccountsDialog
    from facilitator.ui.audit_view import COLUMNS as AUDIT_COLUMNS
    from facilitator.ui.audit_view import AuditDialog

    backend.settings.set("clinic_time_zone", "Asia/Tokyo")
    dialog = AuditDialog(backend)
    qtbot.addWidget(dialog)
    model = dialog.model
    at_column = [key for key, _label in AUDIT_COLUMNS].index("at")
    newest = model.records[0]
    shown = model.data(model.index(0, at_column))
    assert shown == newest.at.astimezone(TOKYO).strftime("%Y-%m-%d %H:%M:%S")
    assert shown != newest.at.astimezone(CHICAGO).strftime("%Y-%m-%d %H:%M:%S")
    assert dialog.end.date().toPython() == backend.clock.now().astimezone(TOKYO).date()

    accounts = AccountsDialog(backend)
    qtbot.addWidget(accounts)
    accounts.select_username("admin")
    row = accounts.table.currentRow()
    last = backend.accounts.list_accounts(backend.principal)[row].last_sign_in_at
    cell = accounts.table.item(row, COLUMNS.index("Last sign-in")).text()
    assert cell == last.astimezone(TOKYO).strftime("%Y-%m-%d %H:%M") != last.astimezone(CHICAGO).strftime("%Y-%m-%d %H:%M")
