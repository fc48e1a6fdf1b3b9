"""File › Back up and Restore, and the automatic backup when the app closes."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from .errors import show_error
from .i18n import sentence_text, translate

if TYPE_CHECKING:
    from ..backend import Backend

log = logging.getLogger(__name__)
SETTING_AUTO_BACKUPS_KEPT = "auto_backups_kept"


def auto_backups_kept(backend: Backend) -> int:
    """The clinic setting, read as its declared type (its default when unset or unreadable)."""
    return int(backend.settings.value(SETTING_AUTO_BACKUPS_KEPT))


def automatic_backup(backend: Backend) -> Path | None:
    """Back up into the data folder's ``backups`` when the app closes, keeping the newest N.

    Never stops the app from closing: a failure is logged and the last good backups stay.
    """
    from ..core.audit import AuditAction
    from ..store import db
    from ..store.backup import BackupError, auto_backup

    if backend.config.throwaway:
        return None  # the demo's folder is deleted as the app quits: a backup of it would be too
    path = db.sqlite_path(backend.engine.url)
    if path is None or not path.exists():
        return None
    try:
        assert backend.clock is not None
        result = auto_backup(path, backend.config.backup_dir, backend.clock.now(), auto_backups_kept(backend),
                             backend.audit.checkpoints if backend.audit else None)
    except (BackupError, OSError) as exc:
        log.error("The automatic backup on close failed: %s", exc)
        return None
    except Exception:
        log.exception("The automatic backup on close failed")
        return None
    try:
        assert backend.work is not None
        with backend.work.begin(backend.principal, check_account=False) as uow:
            uow.audit(AuditAction.BACKUP, username=None if backend.principal else "app", record_type="database",
                      detail=f"backed up the database on closing the app, to {result.path.name}")
    except Exception:
        log.exception("Recording the automatic backup failed")
    backend.checkpoint_audit()
    return result.path


def backup_database(parent: QWidget, backend: Backend, target: Path | None = None) -> Path | None:
    """Ask where, then take a consistent copy of the live database with its digest."""
    from ..core.audit import AuditAction
    from ..core.changes import UserFacingError
    from ..core.permissions import PermissionDenied, require_manage_backups
    from ..store.backup import BackupError, database_path, take_backup

    try:
        principal = require_manage_backups(backend.principal)
        source = database_path(backend.engine.url)
    except (PermissionDenied, BackupError) as exc:
        show_error(parent, translate("backup_actions", "Back up"), sentence_text(exc))
        return None
    if target is None:
        assert backend.clock is not None
        suggested = Path.home() / f"facilitator-{backend.clock.now():%Y-%m-%d}.sqlite"
        chosen, _ = QFileDialog.getSaveFileName(
            parent, translate("backup_actions", "Back up the database to"), str(suggested), translate("backup_actions", "Facilitator backups (*.sqlite)")
        )
        if not chosen:
            return None
        target = Path(chosen)
    assert backend.work is not None and backend.clock is not None
    try:
        result = take_backup(source, target, backend.audit.checkpoints if backend.audit else None, backend.clock.now())
    except BackupError as exc:
        show_error(parent, translate("backup_actions", "Back up"), sentence_text(exc))
        return None
    try:
        with backend.work.begin(principal) as uow:
            uow.audit(AuditAction.BACKUP, record_type="database", detail=f"backed up the database to {result.path}")
    except UserFacingError as exc:  # the database went away or lost its guards meanwhile: the copy stays
        show_error(parent, translate("backup_actions", "Back up"), translate("backup_actions", "The backup was written to {path}, but {exc}").format(path=result.path, exc=_lower_first(sentence_text(exc))))
        return result.path
    backend.checkpoint_audit()
    parent.window().statusBar().showMessage(  # type: ignore[attr-defined]
        translate("backup_actions", "Backed up to {path} with its digest {name}").format(path=result.path, name=result.digest_path.name), 10000
    )
    return result.path


def restore_database(
    parent: QWidget, backend: Backend, source: Path | None = None, confirm: bool = True,
    typed_clinic: str | None = None,
) -> bool:
    """Check a backup, then replace this database with it; the app closes afterwards.

    The check (digest, integrity, schema) runs before anything is touched; the database it
    replaces is copied to the backups folder first.
    """
    from ..core.audit import AuditAction
    from ..core.changes import UserFacingError
    from ..core.permissions import PermissionDenied, require_manage_backups
    from ..store.backup import (
        BackupError,
        OtherClinic,
        check_backup,
        clinic_to_confirm,
        database_path,
        restore_backup,
        same_clinic_name,
    )

    try:
        principal = require_manage_backups(backend.principal)
        target = database_path(backend.engine.url)
    except (PermissionDenied, BackupError) as exc:
        show_error(parent, translate("backup_actions", "Restore"), sentence_text(exc))
        return False
    if source is None:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, translate("backup_actions", "Restore the database from"), str(Path.home()), translate("backup_actions", "Facilitator backups (*.sqlite);;All files (*)")
        )
        if not chosen:
            return False
        source = Path(chosen)
    checkpoints = backend.audit.checkpoints if backend.audit else None
    try:
        info = check_backup(source, checkpoints)
    except BackupError as exc:
        show_error(parent, translate("backup_actions", "Restore"), sentence_text(exc))
        return False
    other = clinic_to_confirm(info, target)
    if other:
        if typed_clinic is None:
            typed_clinic = ask_clinic_name(parent, other)
            if typed_clinic is None:
                return False
        if not same_clinic_name(typed_clinic, other):
            show_error(parent, translate("backup_actions", "Restore"), str(OtherClinic(other, typed_clinic)))
            return False
    if confirm:
        warnings = "".join(f"\n\n{w}" for w in info.warnings)
        answer = QMessageBox.question(
            parent,
            translate("backup_actions", "Restore"),
            translate(
                "backup_actions",
                "Replace this clinic's database with the backup {name} ({accounts} accounts)?\n\n"
                "A copy of the current database is kept in {backup_dir}. Facilitator closes "
                "afterwards; close it on every other workstation too before you go on.",
            ).format(name=source.name, accounts=info.accounts, backup_dir=backend.config.backup_dir) + warnings,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
    assert backend.work is not None and backend.clock is not None
    try:
        with backend.work.begin(principal) as uow:
            uow.audit(AuditAction.RESTORE, record_type="database",
                      detail=f"began replacing this database with the backup {source.name}")
    except UserFacingError as exc:  # the account was disabled, or the database restored elsewhere
        show_error(parent, translate("backup_actions", "Restore"), sentence_text(exc))
        return False
    backend.engine.dispose()
    try:
        result = restore_backup(source, target, backend.config.backup_dir, backend.clock.now(),
                                confirm_clinic=typed_clinic, checkpoints=checkpoints)
    except BackupError as exc:
        show_error(parent, translate("backup_actions", "Restore"), sentence_text(exc))
        return False
    from ..store.db import upgrade

    upgrade(backend.engine, backend.config.backup_dir)
    # Every other workstation now finds the database restored; this one goes on with it as it is.
    backend.work.connect_identity()
    named = f", a backup of another clinic ({other}), its name typed back" if other else ""
    with backend.work.begin(None) as uow:
        uow.audit(
            AuditAction.RESTORE, username=principal.username, record_type="database",
            detail=f"restored the database from the backup {source.name}{named}; the database it replaced is kept "
            f"at {result.replaced_copy}",
        )
    if checkpoints is not None:
        now = backend.clock.now()
        checkpoints.start_over(backend.engine, now, f"{now:%Y%m%d-%H%M%S}")
    return True


def ask_clinic_name(parent: QWidget, name: str) -> str | None:
    """Ask for the other clinic's name typed back; None when the user cancels."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    dialog = QInputDialog(parent)
    dialog.setObjectName("confirmClinicDialog")
    dialog.setWindowTitle(translate("backup_actions", "Restore another clinic's backup"))
    dialog.setLabelText(
        translate("backup_actions", "This backup belongs to another clinic, {name}, not to the database it would replace.\n\nRestoring it replaces this clinic's records with that clinic's. To go on, type that clinic's name:").format(name=name)
    )
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    if not dialog.exec():
        return None
    return dialog.textValue()


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
