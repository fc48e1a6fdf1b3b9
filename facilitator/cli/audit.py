"""``facilitator audit verify|export``: check the trail's hash chain, export entries as CSV."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path

from ..config import AppConfig


def _plain(text: str) -> str:
    """A filter typed on the command line: one line of at most 200 characters."""
    from ..core.limits import TextLimit

    problem = TextLimit("filter", 200).problem(text)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return text


def _record_id(text: str) -> int:
    from .report import record_id

    return record_id(text)


def _file_path(text: str) -> Path:
    from .report import file_path

    return file_path(text)


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    audit = commands.add_parser(
        "audit",
        help="verify and export the audit trail",
        description="The audit trail records who viewed, created, changed, signed, printed or exported which "
        "record, every sign-in and lock, and every account and settings change. Supervisors and "
        "administrators only (--user NAME).",
    )
    sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)

    verify = sub.add_parser(
        "verify",
        help="check that no entry or signed note was altered or deleted",
        description="Recompute the trail's hash chain and name every entry that was altered or deleted; "
        "re-hash every signed note and co-signature and name each that differs from what was signed; "
        "and hold the trail's head against the last checkpoint (or --checkpoint FILE), which catches "
        "entries cut off, a wiped trail or a recomputed chain. Works even where someone dropped the "
        "database's protections. Exits 0 when intact, 1 when not.",
    )
    verify.add_argument("--checkpoint", type=Path, metavar="FILE",
                        help="hold the trail against this exported checkpoint instead of the last one here")
    verify.set_defaults(handler=run_verify)

    checkpoint = sub.add_parser(
        "checkpoint",
        help="seal the trail's head now, optionally exporting the checkpoint",
        description="Seal the trail's newest entry with this data folder's key (kept outside the database) "
        "as the last checkpoint, and with -o write a copy to FILE, e.g. on a USB stick or a compliance "
        "share, where nobody with only the database can change it.",
    )
    checkpoint.add_argument("-o", "--output", type=Path, metavar="FILE", help="also write the checkpoint here")
    checkpoint.set_defaults(handler=run_checkpoint)

    guards = sub.add_parser(
        "guards",
        help="check (or restore) the database's protections",
        description="List the database triggers that lock signed notes and the audit trail and say which "
        "are missing or disabled. With --repair (administrators), put them back. Facilitator refuses to "
        "save into a database that lost them.",
    )
    guards.add_argument("--repair", action="store_true", help="recreate or re-enable the missing protections")
    guards.set_defaults(handler=run_guards)

    export = sub.add_parser(
        "export",
        help="export entries as CSV",
        description="Write the entries of a date range (the computer's time zone, both days included) to a "
        "CSV file readable only by you. The export itself is recorded.",
    )
    export.add_argument("--from", dest="start", type=_date, metavar="DATE", help="first day, YYYY-MM-DD")
    export.add_argument("--to", dest="end", type=_date, metavar="DATE", help="last day, YYYY-MM-DD")
    export.add_argument("--by", dest="by_user", type=_plain, metavar="USERNAME", help="only what this user did")
    export.add_argument("--participant", type=_plain, metavar="RECORD", help="only entries about the participant with this record number")
    export.add_argument("--participant-id", type=_record_id, metavar="N", help="only entries about participant number N")
    export.add_argument("--action", type=_plain, metavar="ACTION", help="only this action, e.g. 'view', 'export', 'sign-in'")
    export.add_argument("-o", "--output", required=True, type=_file_path, metavar="FILE.csv", help="the CSV file to write")
    export.set_defaults(handler=run_export)


def _date(text: str) -> date:
    from .report import iso_date

    return iso_date(text)


def local_day_start(day: date, zone: tzinfo) -> datetime:
    """Midnight of ``day`` on the clinic's clock (``zone``), as an aware datetime."""
    return datetime.combine(day, time(), zone)


def run_verify(args: argparse.Namespace, config: AppConfig) -> int:
    from . import CommandError
    from .auth import signed_in

    with signed_in(args, config) as backend:
        given = None
        if args.checkpoint:
            from ..store.checkpoint import CheckpointError

            assert backend.audit is not None and backend.audit.checkpoints is not None
            try:
                given = backend.audit.checkpoints.load(args.checkpoint.expanduser())
            except CheckpointError as exc:
                raise CommandError(str(exc).rstrip(".")) from None
            if given is None:
                raise CommandError(f"there is no checkpoint file at {args.checkpoint}")
        report = backend.audit.verify(backend.principal, checkpoint=given)  # type: ignore[union-attr]
    print(describe_checks(report))
    if report.ok:
        print("The audit trail is intact.")
        return 0
    print(f"The audit trail is NOT intact ({len(report.problems)} problem(s)):")
    for problem in report.problems:
        where = f"at entry {problem.seq}: " if problem.seq else ""
        print(f"  {where}{problem.sentence}")
    return 1


def describe_checks(report) -> str:  # type: ignore[no-untyped-def]
    """What was checked, in words: entries, signatures, checkpoint."""
    lines = [f"{report.checked} entries read, each chained to the one before."]
    signed = f"{report.signatures_checked} signatures re-hashed against what was signed"
    if report.signatures_unhashed:
        signed += f" ({report.signatures_unhashed} older ones carry no hash and could not be)"
    lines.append(signed + ".")
    lines.append(
        f"The trail's head was held against {report.checkpoint}." if report.checkpoint
        else "No checkpoint to hold the trail's head against yet (one is taken at every sign-out and backup)."
    )
    return "\n".join(lines)


def run_checkpoint(args: argparse.Namespace, config: AppConfig) -> int:
    from ..core.audit import AuditAction, format_time
    from ..core.permissions import require_view_audit
    from . import CommandError
    from .auth import signed_in

    with signed_in(args, config) as backend:
        require_view_audit(backend.principal)
        assert backend.audit is not None and backend.audit.checkpoints is not None and backend.work is not None
        with backend.work.begin(backend.principal) as uow:
            uow.audit(AuditAction.EXPORT if args.output else AuditAction.VIEW, record_type="audit trail",
                      detail="sealed a checkpoint of the trail" + (f" and wrote it to {args.output.name}" if args.output else ""))
        checkpoint = backend.checkpoint_audit()
        if checkpoint is None:
            raise CommandError(
                "the trail contradicts the last checkpoint, which is kept as evidence; run 'facilitator audit "
                "verify' to see what changed"
            )
        if args.output:
            try:
                backend.audit.checkpoints.write(checkpoint, args.output.expanduser())  # type: ignore[arg-type]
            except OSError as exc:
                raise CommandError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    print(f"Sealed the trail at entry {checkpoint.seq} ({format_time(checkpoint.at)}).")  # type: ignore[attr-defined]
    if args.output:
        print(f"Wrote the checkpoint to {args.output}; keep it where the database's users cannot change it.")
    return 0


def run_guards(args: argparse.Namespace, config: AppConfig) -> int:
    from ..core.audit import AuditAction
    from ..core.permissions import require_view_audit
    from ..store.guards import missing_guards, repair_guards
    from . import CommandError
    from .auth import signed_in

    with signed_in(args, config) as backend:
        require_view_audit(backend.principal)
        with backend.engine.connect() as conn:
            missing = missing_guards(conn)
        if not missing:
            print("Every protection is in place: signed notes and the audit trail are locked by the database.")
            return 0
        print(f"Missing or disabled: {', '.join(missing)}.")
        if not args.repair:
            print("Run 'facilitator audit guards --repair' as an administrator to put them back, then "
                  "'facilitator audit verify' to see whether anything was changed meanwhile.")
            return 1
        from ..core.permissions import require_manage_backups

        principal = require_manage_backups(backend.principal)
        try:
            with backend.engine.begin() as conn:
                repair_guards(conn)
        except Exception as exc:  # e.g. the app's PostgreSQL role may not create triggers
            raise CommandError(
                f"the protections could not be put back ({type(exc).__name__}); on PostgreSQL run this as the "
                "database's owner"
            ) from None
        backend.work.connect_identity()  # type: ignore[union-attr]
        with backend.work.begin(principal) as uow:  # type: ignore[union-attr]
            uow.audit(AuditAction.CHANGE, record_type="database",
                      detail=f"put back {len(missing)} missing database protection(s)")
    print(f"Put back {len(missing)} protection(s). Run 'facilitator audit verify' to see whether anything was "
          "changed while they were missing.")
    return 0


def run_export(args: argparse.Namespace, config: AppConfig) -> int:
    from ..core.audit import AuditAction
    from ..store.audit import AuditFilter
    from . import EXIT_USAGE, CommandError
    from .auth import signed_in

    if args.start and args.end and args.end < args.start:
        raise CommandError("--to is before --from", EXIT_USAGE)
    if args.action and args.action not in {a.value for a in AuditAction}:
        known = ", ".join(repr(a.value) for a in AuditAction)
        raise CommandError(f"unknown action {args.action!r}; choose one of {known}", EXIT_USAGE)
    with signed_in(args, config) as backend:
        zone = backend.attendance.zone()
        filters = AuditFilter(
            start=local_day_start(args.start, zone) if args.start else None,
            end=local_day_start(args.end + timedelta(days=1), zone) if args.end else None,
            username=(args.by_user or "").strip().lower(),
            participant_id=args.participant_id,
            action=args.action or "",
        )
        if args.participant:
            found = backend.audit.participant_for_record(backend.principal, args.participant)  # type: ignore[union-attr]
            if found is None:
                raise CommandError(f"no participant has record number {args.participant}", EXIT_USAGE)
            filters = replace(filters, participant_id=found)
        try:
            count = backend.audit.export_csv(backend.principal, args.output, filters)  # type: ignore[union-attr]
        except OSError as exc:
            from ..core.files import is_disk_full

            if is_disk_full(exc):
                raise CommandError(f"the disk is full: {args.output} was not written; free some space and try again") from None
            raise CommandError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    print(f"Wrote {count} entries to {args.output}.")
    return 0
