"""``facilitator roster import|list``: bring participants in from CSV, and list them."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..config import AppConfig

IMPORT_HEADER = "record_number, preferred_name, legal_name, date_of_birth, program_start, weekly_hours_target, language, large_print"


def _file_path(text: str) -> Path:
    from .report import file_path

    return file_path(text)


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = commands.add_parser("roster", help="import and list participants", description="Import and list participants.")
    sub = cmd.add_subparsers(dest="roster_command", metavar="ACTION", required=True)

    imp = sub.add_parser(
        "import",
        help="add participants from a CSV file, all or none",
        description=f"Add the participants in a CSV file whose first line names the columns: {IMPORT_HEADER}. "
        "Dates are ISO (2026-03-01); large_print is yes or no; an empty weekly_hours_target keeps the clinic "
        "default (9 for adults, 6 for adolescents). If any row is bad, nothing is imported and every bad row "
        "is named by its line. Exits 0 when imported, 1 when refused.",
    )
    imp.add_argument("file", type=_file_path, metavar="FILE.csv", help="the roster file (UTF-8)")
    imp.add_argument("--check", action="store_true", help="only check the file; import nothing")
    imp.set_defaults(handler=run_import)

    lst = sub.add_parser("list", help="list participants", description="List participants with their record numbers.")
    lst.add_argument("--json", action="store_true", help="print JSON instead of a table")
    lst.add_argument("--status", choices=("active", "completed", "discharged"),
                     help="only participants with this status (default: all)")
    lst.set_defaults(handler=run_list)


def open_services(args: argparse.Namespace, config: AppConfig):  # type: ignore[no-untyped-def]
    """The backend for a roster command, signed in as the command's user (--user)."""
    from .auth import open_signed_in

    return open_signed_in(args, config)


def run_import(args: argparse.Namespace, config: AppConfig) -> int:
    from ..core.roster import RosterFileError, RosterFileTooBig, parse_roster, read_csv, read_roster_text
    from ..store.roster import RosterError, RosterImportRefused
    from . import EXIT_PROBLEMS, CommandError

    path: Path = args.file
    try:
        text = read_roster_text(path)
    except RosterFileTooBig as exc:
        raise CommandError(str(exc).rstrip("."), EXIT_PROBLEMS) from None
    except FileNotFoundError:
        raise CommandError(f"no such file: {path}", exit_code=2) from None
    except UnicodeDecodeError:
        raise CommandError(f"{path} is not UTF-8 text; save it from the spreadsheet as CSV UTF-8", EXIT_PROBLEMS) from None
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror}") from exc
    try:
        plan = parse_roster(read_csv(text))
    except RosterFileError as exc:
        raise CommandError(f"{path}: {exc}", EXIT_PROBLEMS) from exc
    from ..core.changes import UserFacingError
    from ..core.permissions import PermissionDenied

    backend = open_services(args, config)
    try:
        problems = backend.roster.import_problems(plan)
        if problems:
            for problem in problems:
                print(f"{path}:{problem.line}: {problem.message}", file=sys.stderr)
            raise CommandError(
                f"nothing imported: {len(problems)} bad row(s) in {path} (lines "
                f"{', '.join(str(p.line) for p in problems)})",
                EXIT_PROBLEMS,
            )
        if args.check:
            print(f"{path}: {len(plan.drafts)} participants, no problems; nothing imported (--check).")
            return 0
        try:
            added = backend.roster.import_roster(plan)
        except RosterImportRefused as exc:
            for problem in exc.errors:
                print(f"{path}:{problem.line}: {problem.message}", file=sys.stderr)
            raise CommandError(f"nothing imported: {len(exc.errors)} bad row(s) in {path}", EXIT_PROBLEMS) from exc
        except RosterError as exc:
            raise CommandError(str(exc).rstrip(".")) from exc
    except PermissionDenied:
        raise
    except UserFacingError as exc:  # the database went away, the account was disabled, ...
        raise CommandError(str(exc).rstrip(".")) from exc
    finally:
        backend.dispose()
    print(f"Imported {len(added)} participants from {path}.")
    return 0


def run_list(args: argparse.Namespace, config: AppConfig) -> int:
    from ..core.changes import UserFacingError
    from ..core.permissions import PermissionDenied
    from ..core.roster import ParticipantStatus, roster_row
    from . import CommandError

    backend = open_services(args, config)
    try:
        rules = backend.attendance.rules()
        people = backend.roster.participants(ParticipantStatus(args.status) if args.status else None)
    except PermissionDenied:
        raise
    except UserFacingError as exc:
        raise CommandError(str(exc).rstrip(".")) from exc
    finally:
        backend.dispose()
    rows = []
    for p in people:
        row: dict[str, object] = dict(roster_row(p))
        row["weekly_hours_target"] = p.weekly_hours_target
        row["large_print"] = p.large_print
        row["effective_weekly_hours_target"] = p.target_hours(rules)
        row["audience"] = p.audience.value
        row["status"] = p.status.value
        rows.append(row)
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    print(f"{'RECORD':<12} {'PREFERRED':<14} {'LEGAL NAME':<26} {'START':<10} {'HRS':>5} {'LANG':<5} {'LP':<3} STATUS")
    for r in rows:
        print(
            f"{r['record_number']!s:<12} {r['preferred_name']!s:<14} {r['legal_name']!s:<26} {r['program_start']!s:<10} "
            f"{r['effective_weekly_hours_target']!s:>5} {r['language']!s:<5} {'yes' if r['large_print'] else 'no':<3} "
            f"{r['status']}"
        )
    print(f"{len(rows)} participants.")
    return 0
