"""``facilitator audit verify|export``: check the trail's hash chain, export entries as CSV."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date, datetime, time, timedelta
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
        help="check that no entry was altered or deleted",
        description="Recompute the trail's hash chain and name every entry that was altered or deleted, "
        "even where someone dropped the database's protections. Exits 0 when intact, 1 when not.",
    )
    verify.set_defaults(handler=run_verify)

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


def local_day_start(day: date) -> datetime:
    """Midnight of ``day`` on this computer's clock, as an aware datetime."""
    return datetime.combine(day, time()).astimezone()


def run_verify(args: argparse.Namespace, config: AppConfig) -> int:
    from .auth import signed_in

    with signed_in(args, config) as backend:
        report = backend.audit.verify(backend.principal)  # type: ignore[union-attr]
    if report.ok:
        print(f"The audit trail is intact: {report.checked} entries, each chained to the one before.")
        return 0
    print(f"The audit trail is NOT intact ({report.checked} entries read):")
    for problem in report.problems:
        print(f"  at entry {problem.seq}: {problem.sentence}")
    return 1


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
    filters = AuditFilter(
        start=local_day_start(args.start) if args.start else None,
        end=local_day_start(args.end + timedelta(days=1)) if args.end else None,
        username=(args.by_user or "").strip().lower(),
        participant_id=args.participant_id,
        action=args.action or "",
    )
    with signed_in(args, config) as backend:
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
