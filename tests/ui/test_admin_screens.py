"""Admin › Accounts and Admin › Audit trail, used with the keyboard and mouse."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt

from facilitator.core.audit import AuditAction
from facilitator.core.permissions import PermissionDenied
from facilitator.ui.accounts_dialog import AccountForm, AccountsDialog
from facilitator.ui.audit_view import AuditDialog


def test_an_administrator_creates_disables_and_resets_an_account(qtbot, backend, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr("facilitator.ui.accounts_dialog.show_error", lambda parent, title, text: shown.append(text))
    dialog = AccountsDialog(backend)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1

    form = AccountForm(backend, None, dialog)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.username, "sam")
    qtbot.keyClicks(form.full_name, "Sam Super")
    qtbot.keyClicks(form.credentials, "LCSW")
    form.role.setCurrentIndex(form.role.findData("supervisor"))
    qtbot.keyClicks(form.password, "sam-temp-pass")
    qtbot.keyClicks(form.confirm, "sam-temp-pass")
    form._on_save()
    assert form.result() == 1, form.message.text()
    dialog.reload()
    assert dialog.table.rowCount() == 2
    with backend.engine.connect() as conn:
        row = conn.execute(sa.text("SELECT role, credentials, must_change_password FROM user_account WHERE username='sam'")).one()
    assert tuple(row) == ("supervisor", "LCSW", 1)

    dialog.select_username("sam")
    qtbot.mouseClick(dialog.disable_button, Qt.MouseButton.LeftButton)
    assert dialog.selected().disabled and dialog.disable_button.text() == "&Enable"
    qtbot.mouseClick(dialog.disable_button, Qt.MouseButton.LeftButton)
    assert not dialog.selected().disabled

    from facilitator.ui import accounts_dialog

    def type_temporary(reset) -> int:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(reset.password, "sam-reset-pass")
        qtbot.keyClicks(reset.confirm, "sam-reset-pass")
        reset.buttons.accepted.emit()
        return reset.result()

    monkeypatch.setattr(accounts_dialog.ResetPasswordDialog, "exec", type_temporary)
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert backend.accounts.authenticate("sam", "sam-reset-pass").must_change_password

    dialog.select_username("admin")
    qtbot.mouseClick(dialog.disable_button, Qt.MouseButton.LeftButton)  # refused: one's own account
    assert not dialog.selected().disabled
    assert shown == ["You cannot disable your own account; another administrator can."]


def test_the_account_form_says_what_is_wrong(qtbot, backend) -> None:  # type: ignore[no-untyped-def]
    form = AccountForm(backend)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.username, "Not Valid")
    qtbot.keyClicks(form.full_name, "X")
    qtbot.keyClicks(form.password, "abcdefgh1")
    qtbot.keyClicks(form.confirm, "abcdefgh1")
    form._on_save()
    assert "user name" in form.message.text() and form.result() == 0


def test_a_facilitator_cannot_open_the_admin_screens(qtbot, backend) -> None:  # type: ignore[no-untyped-def]
    admin = backend.principal
    backend.accounts.create_account(
        admin, username="fay", full_name="Fay Lead", role="facilitator", password="fay-pass-12", must_change_password=False
    )
    backend.sign_in("fay", "fay-pass-12")
    with pytest.raises(PermissionDenied):
        AccountsDialog(backend)
    with pytest.raises(PermissionDenied):
        AuditDialog(backend)


def test_audit_screen_filters_sorts_and_exports(qtbot, backend, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    audit = backend.audit
    audit.record(backend.principal, AuditAction.VIEW, record_type="participant", record_id=7, participant_id=7)
    audit.record(backend.principal, AuditAction.EXPORT, record_type="participant", record_id=8, participant_id=8)
    dialog = AuditDialog(backend)
    qtbot.addWidget(dialog)
    model = dialog.model
    seqs = [r.seq for r in model.records]
    assert seqs == sorted(seqs, reverse=True) and len(seqs) >= 4  # newest first
    assert "entries" in dialog.status.text()

    qtbot.keyClicks(dialog.participant, "#7")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert [r.participant_id for r in model.records] == [7]
    assert model.data(model.index(0, 6)) == "#7"  # no roster entry behind it: shown by number
    dialog.participant.clear()
    dialog.action.setCurrentIndex(dialog.action.findData("export"))
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert [r.action for r in model.records] == ["export"]
    dialog.action.setCurrentIndex(0)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    # sort by the Action column, by clicking its header
    header = dialog.table.horizontalHeader()
    action_col = 3
    x = header.sectionPosition(action_col) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=__import__("PySide6.QtCore", fromlist=["QPoint"]).QPoint(x, 5))
    actions = [r.action for r in model.records]
    assert actions == sorted(actions) or actions == sorted(actions, reverse=True)
    assert model.order_by == "action"

    out = tmp_path / "audit.csv"
    dialog._on_export(out)
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["action"] for r in rows} >= {"view", "export", "sign-in"}
    assert "Exported" in dialog.status.text()

    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    assert "intact" in dialog.status.text()


def test_settings_are_read_only_for_a_facilitator(qtbot, backend) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui.settings_dialog import SettingsDialog

    backend.accounts.create_account(
        backend.principal, username="fay", full_name="Fay Lead", role="facilitator", password="fay-pass-12",
        must_change_password=False,
    )
    from facilitator.ui import operations

    backend.settings.set("auto_backups_kept", "4")
    dialog = SettingsDialog(backend, None)
    qtbot.addWidget(dialog)
    kept = dialog.field("auto_backups_kept")
    assert kept.value() == 4 and kept.isEnabled()
    kept.setValue(7)
    dialog._on_save()
    qtbot.waitUntil(lambda: not operations.busy())
    assert backend.settings.value("auto_backups_kept") == 7

    backend.sign_in("fay", "fay-pass-12")
    dialog = SettingsDialog(backend, None)
    qtbot.addWidget(dialog)
    assert not dialog.field("clinic_name").isEnabled() and not dialog.field("idle_lock_minutes").isEnabled()
    dialog._on_save()  # saves this workstation's part only
    qtbot.waitUntil(lambda: not operations.busy())
    assert dialog.result() == 1 and backend.settings.value("auto_backups_kept") == 7


def test_audit_screen_finds_a_participant_by_record_number(qtbot, backend, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from facilitator.core.roster import ParticipantDraft

    person = backend.roster.create_participant(
        ParticipantDraft(record_number="R-100", preferred_name="Al", legal_name="Al Test", program_start=date(2026, 11, 2))
    )
    backend.roster.participant(person.id)
    dialog = AuditDialog(backend)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.participant, "R-100")
    qtbot.keyClick(dialog.participant, Qt.Key.Key_Return)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert [r.action for r in dialog.model.records] == ["view", "create"]
    assert dialog.model.data(dialog.model.index(0, 6)) == f"R-100 (#{person.id})"
    shown: list[str] = []
    monkeypatch.setattr("facilitator.ui.audit_view.show_error", lambda parent, title, text: shown.append(text))
    dialog.participant.setText("R-999")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert shown and "R-999" in shown[0]
