"""``facilitator report attendance``: one participant's attendance over a date range, as PDF or CSV."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ..config import AppConfig
from .options import add_language_option


def iso_date(text: str) -> date:
    """A date on the command line: 2026-03-01, between 1900 and 2100 (argparse says the rest)."""
    from ..core.changes import ValidationError
    from ..core.limits import parse_date

    try:
        return parse_date(text, "date")
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc).rstrip(".")) from None


def file_path(text: str) -> Path:
    """A file named on the command line; one the system cannot name (a NUL byte) is a usage error."""
    if "\x00" in text or not text.strip():
        raise argparse.ArgumentTypeError("that is not a file name")
    return Path(text)


def record_id(text: str) -> int:
    """A record's number (a meeting, a participant id): a whole number the database can hold."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:20]!r} is not a whole number") from None
    if not 1 <= value <= 2**31 - 1:
        raise argparse.ArgumentTypeError("no record has that number")
    return value


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = commands.add_parser("report", help="print reports", description="Print reports.")
    sub = cmd.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    att = sub.add_parser(
        "attendance",
        help="one participant's attendance over a date range",
        description="Write one participant's attendance between two dates (inclusive, clinic time): one row per "
        "meeting with status, arrival, departure and minutes, and hours per ISO week against the target. "
        "A facilitator's report lists only meetings of the groups she leads. "
        "The report carries the 42 CFR part 2 notice; disclose it only with the client's written consent.",
    )
    att.add_argument("--participant", required=True, metavar="RECORD", help="the participant's record number")
    att.add_argument("--from", dest="first", required=True, type=iso_date, metavar="DATE", help="first day, e.g. 2026-03-01")
    att.add_argument("--to", dest="last", required=True, type=iso_date, metavar="DATE", help="last day, e.g. 2026-03-31")
    att.add_argument("--format", choices=("pdf", "csv"), default=None,
                     help="file format (default: from the output file's suffix, else pdf)")
    att.add_argument("--yes", action="store_true", help="run a report over more than three years without asking")
    att.add_argument("-o", "--output", required=True, type=file_path, metavar="FILE", help="where to write the report")
    add_language_option(att)
    att.set_defaults(handler=run_attendance)
    prog = sub.add_parser(
        "progress",
        help="one participant's progress over a date range, with charts",
        description="Write one participant's progress between two dates (inclusive, clinic time) as PDF: weekly "
        "hours against the target, check-in craving ratings, PHQ-9 and GAD-7 against their severity bands, drug "
        "screens and mutual-help meetings, each chart with its numbers, and any safety flags. The report carries the "
        "42 CFR part 2 notice; disclose it only with the client's written consent. --mine writes instead the "
        "participant's own large-print page (first name only, plain words).",
    )
    prog.add_argument("--participant", required=True, metavar="RECORD", help="the participant's record number")
    prog.add_argument("--from", dest="first", required=True, type=iso_date, metavar="DATE", help="first day, e.g. 2026-09-01")
    prog.add_argument("--to", dest="last", required=True, type=iso_date, metavar="DATE", help="last day, e.g. 2026-11-30")
    prog.add_argument("--mine", action="store_true", help="the participant's own large-print 'my progress' page")
    prog.add_argument("--yes", action="store_true", help="run a report over more than three years without asking")
    prog.add_argument("-o", "--output", required=True, type=file_path, metavar="FILE", help="where to write the PDF")
    add_language_option(prog, default=None, help="the report's language: en or es (default: en); --mine prints "
                        "in the participant's own language, whatever this says")
    prog.set_defaults(handler=run_progress)


def check_range(first: date, last: date, yes: bool) -> None:
    """Dates in order and within 1900–2100; more than three years only with ``--yes``."""
    from ..core import limits
    from . import EXIT_USAGE, CommandError

    problem = limits.report_range_problem(first, last)
    if problem:
        raise CommandError(problem.rstrip("."), exit_code=EXIT_USAGE)
    if limits.report_needs_confirmation(first, last) and not yes:
        years = (last - first).days / 365.25
        raise CommandError(
            f"the range is {years:.1f} years; a report over more than three years is slow, so give --yes "
            "to run it anyway",
            exit_code=EXIT_USAGE,
        )


def progress(text: str) -> None:
    """A line on standard error while a long report runs (standard output stays for results)."""
    print(text, file=sys.stderr, flush=True)


def run_attendance(args: argparse.Namespace, config: AppConfig) -> int:
    from ..backend import open_backend
    from ..core import limits
    from ..core.changes import UserFacingError
    from ..store.access import NoSuchParticipant
    from ..store.db import DatabaseError
    from . import EXIT_PROBLEMS, CommandError

    fmt = args.format or ("csv" if args.output.suffix.lower() == ".csv" else "pdf")
    check_range(args.first, args.last, args.yes)
    long_report = limits.report_needs_confirmation(args.first, args.last)
    try:
        backend = open_backend(config)
    except DatabaseError as exc:
        raise CommandError(str(exc).rstrip(".")) from exc
    from .auth import sign_in_or_close

    sign_in_or_close(args, backend)
    try:
        if long_report:
            progress(f"Reading attendance from {args.first.isoformat()} to {args.last.isoformat()}…")
        report = backend.attendance.attendance_report(
            None, args.first, args.last, record_number=args.participant, language=args.language
        )
    except NoSuchParticipant as exc:
        # The same sentence and exit code for a record number nobody has and one she may not see.
        raise CommandError(str(exc).rstrip("."), exit_code=EXIT_PROBLEMS) from None
    except UserFacingError as exc:  # a sentence from the service: database gone, session ended, ...
        raise CommandError(str(exc).rstrip(".")) from exc
    finally:
        backend.dispose()
    if long_report:
        progress(f"Read {len(report.rows)} meetings; writing {args.output}…")
    if fmt == "csv":
        from ..core.reports import attendance_csv

        data = attendance_csv(report).encode("utf-8")
    else:
        from ..handouts.reports import render_attendance_report

        data = render_attendance_report(report)
    write_private(args.output, data)
    print(f"Wrote {args.output} ({len(report.rows)} meetings, {fmt.upper()}); it carries the 42 CFR part 2 notice.")
    return 0


def run_progress(args: argparse.Namespace, config: AppConfig) -> int:
    from ..backend import open_backend
    from ..core.changes import UserFacingError
    from ..store.access import NoSuchParticipant
    from ..store.db import DatabaseError
    from . import EXIT_PROBLEMS, CommandError

    check_range(args.first, args.last, args.yes)
    try:
        backend = open_backend(config)
    except DatabaseError as exc:
        raise CommandError(str(exc).rstrip(".")) from exc
    from .auth import sign_in_or_close

    sign_in_or_close(args, backend)
    try:
        from ..store.progress import ProgressService

        service = ProgressService.for_backend(backend)
        participant_id = service.participant_id(args.participant)
        if args.mine:
            model = service.my_progress(participant_id, args.first, args.last, language=args.language)
        else:
            report = service.progress_report(participant_id, args.first, args.last, language=args.language)
    except NoSuchParticipant as exc:
        raise CommandError(str(exc).rstrip("."), exit_code=EXIT_PROBLEMS) from None
    except UserFacingError as exc:
        raise CommandError(str(exc).rstrip(".")) from exc
    finally:
        backend.dispose()
    from ..handouts import render_pdf

    if args.mine:
        write_private(args.output, render_pdf(model))
        print(f"Wrote {args.output}: the participant's own progress page (large print, first name only).")
    else:
        write_private(args.output, render_pdf(report))
        print(f"Wrote {args.output} ({len(report.charts)} charts, PDF); it carries the 42 CFR part 2 notice.")
    return 0


def write_private(path: Path, data: bytes) -> None:
    """Write a protected record atomically, readable by its owner only; a full disk is a sentence."""
    from ..core.files import is_disk_full
    from ..core.files import write_private as write
    from . import CommandError

    try:
        write(path, data)
    except OSError as exc:
        if is_disk_full(exc):
            raise CommandError(f"the disk is full: {path} was not written; free some space and try again") from None
        raise CommandError(f"cannot write {path}: {exc.strerror or exc}") from None
