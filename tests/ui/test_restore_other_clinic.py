"""File › Restore with another clinic's backup: that clinic's name is typed back in a dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget

from facilitator.store import db
from facilitator.store.backup import take_backup
from facilitator.ui import backup_actions


def _other_clinic_backup(tmp_path: Path) -> Path:
    path = tmp_path / "riverside.sqlite"
    engine = db.create_engine(f"sqlite:///{path}")
    db.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO clinic_setting (key, value, updated_at) "
                             "VALUES ('clinic_name', 'Riverside Recovery', '2026-01-01 00:00:00+00:00')"))
    engine.dispose()
    return take_backup(path, tmp_path / "usb" / "riverside-backup.sqlite").path


def _answer(qtbot, typed: str | None) -> None:  # type: ignore[no-untyped-def]
    """When the dialog opens, type ``typed`` and press Enter (None: press Escape)."""

    def act() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, QInputDialog) and w.objectName() == "confirmClinicDialog" and w.isVisible())
        assert "Riverside Recovery" in dialog.labelText()
        if typed is None:
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)
            return
        from PySide6.QtWidgets import QLineEdit

        line = dialog.findChild(QLineEdit)
        qtbot.keyClicks(line, typed)
        qtbot.keyClick(line, Qt.Key.Key_Return)

    QTimer.singleShot(0, act)


def _clinic_name(backend) -> str:  # type: ignore[no-untyped-def]
    with backend.engine.connect() as conn:
        return str(conn.execute(sa.text("SELECT value FROM clinic_setting WHERE key = 'clinic_name'")).scalar() or "")


@pytest.mark.sqlite_file  # restores are of SQLite files; a PostgreSQL clinic uses pg_dump
def test_another_clinics_backup_needs_its_name_typed_in_a_dialog(qtbot, backend, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    backend.settings.set("clinic_name", "Lakeside Recovery")
    source = _other_clinic_backup(tmp_path)
    parent = QWidget()
    qtbot.addWidget(parent)
    said: list[str] = []
    monkeypatch.setattr(backup_actions, "show_error", lambda _p, _t, text: said.append(text))

    _answer(qtbot, None)  # cancelled: nothing happens
    assert not backup_actions.restore_database(parent, backend, source, confirm=False)
    assert _clinic_name(backend) == "Lakeside Recovery" and said == []

    _answer(qtbot, "Lakeside Recovery")  # this clinic's name, not the backup's
    assert not backup_actions.restore_database(parent, backend, source, confirm=False)
    assert said and "is not the name of the clinic this backup belongs to" in said[-1]
    assert _clinic_name(backend) == "Lakeside Recovery"

    _answer(qtbot, "riverside recovery")
    assert backup_actions.restore_database(parent, backend, source, confirm=False)
    assert _clinic_name(backend) == "Riverside Recovery"
    with backend.engine.connect() as conn:
        detail = conn.execute(sa.text("SELECT detail FROM audit_entry ORDER BY seq DESC LIMIT 1")).scalar()
    assert "a backup of another clinic (Riverside Recovery), its name typed back" in detail
