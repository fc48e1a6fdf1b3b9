"""``facilitator backup FILE``: a consistent copy of the database, with its SHA-256 digest."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..config import AppConfig


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    backup = commands.add_parser(
        "backup",
        help="copy the database to a file, safely while the app runs",
        description="Copy the clinic's SQLite database to FILE with SQLite's online backup (consistent even "
        "while the app is writing) and write FILE.sha256 (its digest) and FILE.checkpoint (its audit trail's "
        "head, sealed with this data folder's key) beside it. All are readable only by you. "
        "Administrators only (--user NAME).",
    )
    backup.add_argument("file", type=_file_path, metavar="FILE", help="the backup file to write, e.g. clinic-2026-11-02.sqlite")
    backup.set_defaults(handler=run_backup)


def _file_path(text: str) -> Path:
    from .report import file_path

    return file_path(text)


def run_backup(args: argparse.Namespace, config: AppConfig) -> int:
    from ..core.audit import AuditAction
    from ..core.permissions import require_manage_backups
    from ..store.backup import BackupError, database_path, take_backup
    from . import CommandError
    from .auth import signed_in

    with signed_in(args, config) as backend:
        principal = require_manage_backups(backend.principal)
        try:
            source = database_path(backend.engine.url)
            target = args.file.expanduser()
            if target.exists() and target.is_dir():
                target = target / f"facilitator-{backend.clock.now():%Y%m%d-%H%M%S}.sqlite"  # type: ignore[union-attr]
            result = take_backup(source, target, backend.audit.checkpoints, backend.clock.now())  # type: ignore[union-attr]
        except BackupError as exc:
            raise CommandError(str(exc).rstrip(".")) from None
        except OSError as exc:
            from ..core.files import os_problem, shown_path

            raise CommandError(f"cannot write {shown_path(args.file)}: {os_problem(exc)}") from None
        with backend.work.begin(principal) as uow:  # type: ignore[union-attr]
            uow.audit(AuditAction.BACKUP, record_type="database",
                      detail=f"backed up the database to {result.path} (sha256 {result.sha256[:16]}…)")
        backend.checkpoint_audit()
    print(f"Backed up to {result.path} ({result.size:,} bytes); digest in {result.digest_path.name}, "
          f"audit checkpoint in {result.path.name}.checkpoint.")
    return 0
