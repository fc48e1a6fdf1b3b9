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
        "backups folder first. Close the app on every workstation before replacing a database.",
    )
    restore.add_argument("file", type=Path, metavar="FILE", help="the backup file (with FILE.sha256 beside it)")
    restore.set_defaults(handler=run_restore)


def run_restore(args: argparse.Namespace, config: AppConfig) -> int:
    from ..core.audit import AuditAction
    from ..core.clock import SystemClock
    from ..core.permissions import require_manage_backups
    from ..store.audit import AuditLog
    from ..store.backup import BackupError, check_backup, database_in_use, database_path, restore_backup
    from ..store.db import create_engine, upgrade
    from ..store.unit_of_work import Work
    from . import CommandError
    from .auth import signed_in

    clock = SystemClock()
    try:
        target = database_path(config.database_url)
        info = check_backup(args.file.expanduser())
    except BackupError as exc:
        raise CommandError(str(exc).rstrip(".")) from None
    admin = ""
    if database_in_use(target):
        with signed_in(args, config) as backend:
            principal = require_manage_backups(backend.principal)
            admin = principal.username
            with backend.work.begin(principal) as uow:  # type: ignore[union-attr]
                uow.audit(AuditAction.RESTORE, record_type="database",
                          detail=f"began replacing this database with the backup {info.path} (a copy of it is kept first)")
    try:
        result = restore_backup(info.path, target, config.backup_dir, clock.now())
    except BackupError as exc:
        raise CommandError(str(exc).rstrip(".")) from None
    engine = create_engine(config.database_url)
    try:
        upgrade(engine, config.backup_dir)
        work = Work(engine, AuditLog(engine, clock), clock)
        work.connect_identity()
        how = f"by {admin}, who signed in to the database it replaced" if admin else "into a new database"
        kept = f"; the database it replaced is kept at {result.replaced_copy}" if result.replaced_copy else ""
        with work.begin(None) as uow:
            uow.audit(
                AuditAction.RESTORE, username=admin, record_type="database",
                detail=f"restored the database from the backup {info.path.name} (sha256 {info.sha256[:16]}…) {how}{kept}",
            )
    finally:
        engine.dispose()
    print(f"Restored {target} from {info.path} ({info.accounts} accounts, schema {info.schema}).")
    if result.replaced_copy:
        print(f"The database it replaced is kept at {result.replaced_copy}.")
    for warning in info.warnings:
        print(f"warning: {warning}")
    return 0
