"""``facilitator export services``: the services to bill over a date range, as CSV (and a PDF summary)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..config import AppConfig
from .options import add_language_option
from .report import check_range, file_path, iso_date


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = commands.add_parser("export", help="export records for other systems",
                              description="Export records for other systems.")
    sub = cmd.add_subparsers(dest="export_command", metavar="WHAT", required=True)
    svc = sub.add_parser(
        "services",
        help="the services to bill between two dates (CSV)",
        description="Write one row per billable service between two dates (inclusive, clinic time), built from "
        "attendance and signed progress notes only: date, record number, service code, units, minutes attended, "
        "rendering and supervising clinicians, and the note ids. The clinic's settings map group types to codes "
        "and name the per-diem codes. What was attended but cannot be billed (no note, a note not signed or "
        "awaiting co-signature, a day under the per-diem minimum) goes to a second file with the reason. "
        "A facilitator's export holds only the groups she leads. The export is recorded in the audit trail.",
    )
    svc.add_argument("--from", dest="first", required=True, type=iso_date, metavar="DATE", help="first day")
    svc.add_argument("--to", dest="last", required=True, type=iso_date, metavar="DATE", help="last day")
    svc.add_argument("-o", "--output", required=True, type=file_path, metavar="FILE.csv",
                     help="the services to bill; the second list goes beside it as FILE-short.csv")
    svc.add_argument("--short", type=file_path, metavar="FILE.csv", default=None,
                     help="where to write the second list (default: beside the output, ending -short.csv)")
    svc.add_argument("--pdf", type=file_path, metavar="FILE.pdf", default=None, help="also write a PDF summary")
    svc.add_argument("--yes", action="store_true", help="export more than three years without asking")
    add_language_option(svc, help="the language of the PDF summary's labels: en or es (default: en); "
                        "the CSV files keep English headers")
    svc.set_defaults(handler=run_services)


def short_path(output: Path) -> Path:
    return output.with_name(f"{output.stem}-short{output.suffix or '.csv'}")


def run_services(args: argparse.Namespace, config: AppConfig) -> int:
    from ..backend import open_backend
    from ..core.billing import services_csv, short_csv
    from ..core.changes import UserFacingError
    from ..store.db import DatabaseError
    from . import CommandError
    from .auth import sign_in_or_close
    from .report import write_private

    check_range(args.first, args.last, args.yes)
    try:
        backend = open_backend(config)
    except DatabaseError as exc:
        raise CommandError(str(exc).rstrip(".")) from exc
    sign_in_or_close(args, backend)
    try:
        export = backend.billing.services(args.first, args.last, language=args.language)
    except UserFacingError as exc:
        raise CommandError(str(exc).rstrip(".")) from exc
    finally:
        backend.dispose()
    short = args.short or short_path(args.output)
    write_private(args.output, services_csv(export).encode("utf-8"))
    write_private(short, short_csv(export).encode("utf-8"))
    written = [str(args.output), str(short)]
    if args.pdf is not None:
        from ..handouts import render_pdf

        write_private(args.pdf, render_pdf(export))
        written.append(str(args.pdf))
    totals = ", ".join(f"{code} × {units}" for code, units in export.units_by_code().items()) or "none"
    print(f"Wrote {', '.join(written)}: {len(export.services)} services ({totals}); "
          f"{len(export.short)} falling short, listed with the reason.")
    if export.scope_note:
        print(export.scope_note)
    return 0
