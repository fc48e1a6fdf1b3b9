"""``facilitator screens import`` (a laboratory's results, all or none) and ``facilitator measures due``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..config import AppConfig
from .report import file_path, iso_date


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    acts_as = (
        "Acts as a signed-in user (--user or $FACILITATOR_USER; the password from $FACILITATOR_PASSWORD or a "
        "prompt), with that user's permissions: a supervisor, or a facilitator for the participants of the "
        "groups they lead."
    )
    screens = commands.add_parser("screens", help="drug screens", description="Drug screens. " + acts_as)
    sub = screens.add_subparsers(dest="screens_command", metavar="ACTION", required=True)
    imp = sub.add_parser(
        "import",
        help="record a laboratory's results file (all rows or none)",
        description="Record every screen in a laboratory's results CSV, or none: one row per substance, with "
        "the columns record_number, collected_on, specimen, observed, panel, substance, result, and "
        "optionally lab_reference (rows sharing it are one specimen) and expected (medications separated by "
        "';': buprenorphine, methadone, prescribed benzodiazepines). Each bad row is named by its line.",
    )
    imp.add_argument("file", type=file_path, metavar="FILE.csv", help="the results file (UTF-8 CSV)")
    imp.set_defaults(handler=run_import)

    measures = commands.add_parser(
        "measures", help="check-in ratings, PHQ-9 and GAD-7", description="Measures. " + acts_as
    )
    sub = measures.add_subparsers(dest="measures_command", metavar="ACTION", required=True)
    due = sub.add_parser(
        "due",
        help="which PHQ-9 and GAD-7 are due",
        description="List the participants you may see who are enrolled on the day and have a PHQ-9 or "
        "GAD-7 due under the clinic's schedule (at admission, then every 2 or 4 weeks), and whether a "
        "safety flag is open for them.",
    )
    due.add_argument("--date", dest="day", type=iso_date, metavar="DATE", help="the day (default: today)")
    due.add_argument("--json", action="store_true", help="print JSON instead of a table")
    due.set_defaults(handler=run_due)


def run_import(args: argparse.Namespace, config: AppConfig) -> int:
    from ..core import limits
    from ..core.changes import UserFacingError
    from ..core.measures import LAB_FILE_MAX_BYTES
    from ..store.measures import LabImportRefused
    from . import EXIT_PROBLEMS, EXIT_USAGE, CommandError
    from .auth import signed_in

    path: Path = args.file
    try:
        too_big = limits.file_too_big(path.stat().st_size, LAB_FILE_MAX_BYTES, "results file", path.name)
        if too_big:
            raise CommandError(too_big.rstrip("."), EXIT_PROBLEMS)
        data = path.read_bytes()
    except FileNotFoundError:
        raise CommandError(f"no such file: {path}", exit_code=EXIT_USAGE) from None
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror}") from exc
    with signed_in(args, config) as backend:
        try:
            done = backend.measures.import_lab_results(data)
        except LabImportRefused as exc:
            for problem in exc.errors:
                print(f"{path}:{problem.line}: {problem.message}", file=sys.stderr)
            raise CommandError(
                f"nothing imported: {len(exc.errors)} bad row(s) in {path} (lines "
                f"{', '.join(str(p.line) for p in exc.errors)})",
                EXIT_PROBLEMS,
            ) from None
        except UserFacingError as exc:  # the file as a whole, a permission, the database
            raise CommandError(f"{path}: {str(exc).rstrip('.')}", EXIT_PROBLEMS) from None
    flagged = f"; {done.unexpected_positive_screens} with an unexpected positive" if done.unexpected_positive_screens else ""
    print(f"Imported {done.screens} drug screen(s) for {done.participants} participant(s) from {path}{flagged}.")
    return 0


def run_due(args: argparse.Namespace, config: AppConfig) -> int:
    from ..core.changes import UserFacingError
    from . import CommandError
    from .auth import signed_in

    with signed_in(args, config) as backend:
        try:
            day = args.day or backend.measures.today()
            rows = backend.measures.due_on(day)
        except UserFacingError as exc:
            raise CommandError(str(exc).rstrip(".")) from None
    if args.json:
        print(json.dumps(
            [
                {
                    "record_number": r.record_number,
                    "preferred_name": r.preferred_name,
                    "due": [{"instrument": d.instrument, "reason": d.reason, "overdue": d.overdue} for d in r.due],
                    "safety_flag_open": r.open_flag,
                }
                for r in rows
            ],
            indent=2,
            ensure_ascii=False,
        ))
        return 0
    print(f"Measures due on {day.isoformat()}:")
    for r in rows:
        flag = "  [safety flag open]" if r.open_flag else ""
        late = " (overdue)" if any(d.overdue for d in r.due) else ""
        print(f"  {r.record_number:<10} {r.preferred_name:<14} {r.text}{late}{flag}")
    print(f"{len(rows)} participant(s) with a measure due.")
    return 0
