"""``facilitator report attendance``: one participant's attendance over a date range, as PDF or CSV."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ..config import AppConfig


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-01") from None


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = commands.add_parser("report", help="print reports", description="Print reports.")
    sub = cmd.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    att = sub.add_parser(
        "attendance",
        help="one participant's attendance over a date range",
        description="Write one participant's attendance between two dates (inclusive, clinic time): one row per "
        "meeting with status, arrival, departure and minutes, and hours per ISO week against the target. "
        "The report carries the 42 CFR part 2 notice; disclose it only with the client's written consent.",
    )
    att.add_argument("--participant", required=True, metavar="RECORD", help="the participant's record number")
    att.add_argument("--from", dest="first", required=True, type=_iso_date, metavar="DATE", help="first day, e.g. 2026-03-01")
    att.add_argument("--to", dest="last", required=True, type=_iso_date, metavar="DATE", help="last day, e.g. 2026-03-31")
    att.add_argument("--format", choices=("pdf", "csv"), default=None,
                     help="file format (default: from the output file's suffix, else pdf)")
    att.add_argument("-o", "--output", required=True, type=Path, metavar="FILE", help="where to write the report")
    att.set_defaults(handler=run_attendance)


def run_attendance(args: argparse.Namespace, config: AppConfig) -> int:
    from ..backend import open_backend
    from ..core.changes import UserFacingError
    from ..core.permissions import PermissionDenied
    from ..store.db import DatabaseError
    from . import CommandError

    fmt = args.format or ("csv" if args.output.suffix.lower() == ".csv" else "pdf")
    if args.last < args.first:
        raise CommandError("the --to date is before the --from date", exit_code=2)
    try:
        backend = open_backend(config)
    except DatabaseError as exc:
        raise CommandError(str(exc).rstrip(".")) from exc
    from .auth import sign_in_or_close

    sign_in_or_close(args, backend)
    try:
        person = backend.roster.participant_by_record(args.participant)
        if person is None:
            raise CommandError(f"no participant has record number {args.participant}", exit_code=1)
        report = backend.attendance.attendance_report(person.id, args.first, args.last)
    except PermissionDenied:
        raise
    except UserFacingError as exc:  # a sentence from the service: no such participant, database gone, ...
        raise CommandError(str(exc).rstrip(".")) from exc
    finally:
        backend.dispose()
    if fmt == "csv":
        from ..core.reports import attendance_csv

        data = attendance_csv(report).encode("utf-8")
    else:
        from ..handouts.reports import render_attendance_report

        data = render_attendance_report(report)
    write_private(args.output, data)
    print(f"Wrote {args.output} ({len(report.rows)} meetings, {fmt.upper()}); it carries the 42 CFR part 2 notice.")
    return 0


def write_private(path: Path, data: bytes) -> None:
    """Write a protected record atomically, readable by its owner only."""
    from ..core.files import write_private as write
    from . import CommandError

    try:
        write(path, data)
    except OSError as exc:
        raise CommandError(f"cannot write {path}: {exc.strerror}") from exc
