"""``facilitator restore FILE``: replace (or create) the database from a checked backup."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..config import AppConfig


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    restore = commands.add_parser(
        "restore",
        help="restore the database from a backup file",
        description="Check FILE against FILE.sha256, its integrity and its schema, then restore it. Restoring "
        "where no database exists yet needs no account (the backup brings its own). Replacing an existing "
        "database needs an administrator of that database (--user NAME) and keeps a copy of it in the "
        "backups folder first. A damaged database (one SQLite cannot read) is set aside byte for byte and "
        "replaced without signing in, since nobody can sign in to it. A backup of another clinic needs that "
        "clinic's name typed back (--confirm-clinic NAME). Close the app on every workstation before replacing "
        "a database.",
    )
    restore.add_argument("file", type=_file_path, metavar="FILE", help="the backup file (with FILE.sha256 beside it)")
    restore.add_argument("--confirm-clinic", metavar="NAME",
                         help="the name of the clinic the backup belongs to, typed back, when it is another "
                         "clinic than the database it replaces")
    restore.set_defaults(handler=run_restore)


def _file_path(text: str) -> Path:
    from .report import file_path

    return file_path(text)


def run_restore(args: argparse.Namespace, config: AppConfig) -> int:
    from ..core.audit import AuditAction
    from ..core.clock import SystemClock
    from ..core.permissions import require_manage_backups
    from ..store.audit import AuditLog
    from ..store.backup import (
        BackupError,
        OtherClinic,
        check_backup,
        clinic_to_confirm,
        database_damage,
        database_in_use,
        database_path,
        restore_backup,
        same_clinic_name,
    )
    from ..store.checkpoint import AuditCheckpoints
    from ..store.db import create_engine, upgrade
    from ..store.unit_of_work import Work
    from . import CommandError
    from .auth import signed_in

    clock = SystemClock()
    checkpoints = AuditCheckpoints(config.data_dir)
    try:
        target = database_path(config.database_url)
        info = check_backup(args.file.expanduser(), checkpoints)
        damage = database_damage(target)
        name = "" if damage else clinic_to_confirm(info, target)
        if name and not (args.confirm_clinic and same_clinic_name(args.confirm_clinic, name)):
            raise OtherClinic(name, args.confirm_clinic)
    except BackupError as exc:
        raise CommandError(str(exc).rstrip(".")) from None
    admin = ""
    if damage:
        print(f"The database at {target} is damaged ({damage}); it is set aside and replaced.")
    elif database_in_use(target):
        with signed_in(args, config) as backend:
            principal = require_manage_backups(backend.principal)
            admin = principal.username
            with backend.work.begin(principal) as uow:  # type: ignore[union-attr]
                uow.audit(AuditAction.RESTORE, record_type="database",
                          detail=f"began replacing this database with the backup {info.path} (a copy of it is kept first)")
    try:
        result = restore_backup(info.path, target, config.backup_dir, clock.now(),
                                confirm_clinic=args.confirm_clinic, checkpoints=checkpoints)
    except BackupError as exc:
        raise CommandError(str(exc).rstrip(".")) from None
    engine = create_engine(config.database_url)
    try:
        upgrade(engine, config.backup_dir)
        work = Work(engine, AuditLog(engine, clock), clock)
        work.connect_identity()
        if admin:
            how = f"by {admin}, who signed in to the database it replaced"
        elif result.damaged:
            how = f"over a damaged database ({result.damaged})"
        else:
            how = "into a new database"
        other = f", a backup of another clinic ({info.clinic_label}), its name typed back" if name else ""
        kept = f"; the database it replaced is kept at {result.replaced_copy}" if result.replaced_copy else ""
        with work.begin(None) as uow:
            uow.audit(
                AuditAction.RESTORE, username=admin, record_type="database",
                detail=f"restored the database from the backup {info.path.name} (sha256 {info.sha256[:16]}…){other} "
                f"{how}{kept}",
            )
        # The restored trail starts a new line of checkpoints; the old checkpoint is kept beside it.
        checkpoints.start_over(engine, clock.now(), f"{clock.now():%Y%m%d-%H%M%S}")
    finally:
        engine.dispose()
    print(f"Restored {target} from {info.path} ({info.accounts} accounts, schema {info.schema}).")
    if result.replaced_copy:
        print(f"The database it replaced is kept at {result.replaced_copy}.")
    for warning in info.warnings:
        print(f"warning: {warning}")
    return 0
