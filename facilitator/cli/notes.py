"""``facilitator notes export``: one participant's signed notes over a range, or a meeting's, as PDF."""

from __future__ import annotations

import argparse

from ..config import AppConfig
from .options import add_language_option
from .report import file_path, iso_date, record_id


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = commands.add_parser(
        "notes",
        help="progress notes",
        description="Progress notes. Acts as a signed-in user (--user or $FACILITATOR_USER; the password "
        "from $FACILITATOR_PASSWORD or a prompt), with that user's permissions; every export is audited.",
    )
    sub = cmd.add_subparsers(dest="notes_command", metavar="ACTION", required=True)
    exp = sub.add_parser(
        "export",
        help="write signed notes as a PDF",
        description="Write one participant's signed notes between two dates (inclusive), or one meeting's "
        "signed notes, as a PDF with signatures, credentials and the 42 CFR part 2 notice. Drafts are "
        "not part of the record and are left out (the PDF says how many).",
    )
    exp.add_argument("--participant", metavar="RECORD", help="the participant's record number")
    exp.add_argument("--from", dest="first", type=iso_date, metavar="DATE", help="first day, e.g. 2026-03-01")
    exp.add_argument("--to", dest="last", type=iso_date, metavar="DATE", help="last day, e.g. 2026-03-31")
    exp.add_argument("--meeting", type=record_id, metavar="ID", help="export one meeting's notes instead of a participant's")
    exp.add_argument("--yes", action="store_true", help="export more than three years of notes without asking")
    exp.add_argument("-o", "--output", required=True, type=file_path, metavar="FILE.pdf", help="where to write the PDF")
    add_language_option(exp)
    exp.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace, config: AppConfig) -> int:
    from ..core.changes import UserFacingError
    from ..store.access import NoSuchParticipant
    from . import EXIT_PROBLEMS, EXIT_USAGE, CommandError
    from .auth import signed_in
    from .report import check_range, write_private

    if args.meeting is None:
        if not args.participant or args.first is None or args.last is None:
            raise CommandError("give --participant, --from and --to (or --meeting ID)", exit_code=EXIT_USAGE)
        check_range(args.first, args.last, args.yes)
    with signed_in(args, config) as backend:
        try:
            if args.meeting is not None:
                model = backend.notes.meeting_print(backend.principal, args.meeting, language=args.language)
            else:
                model = backend.notes.participant_print(
                    backend.principal, args.participant, args.first, args.last, language=args.language
                )
        except NoSuchParticipant as exc:
            # The same sentence and exit code whether nobody has the number or she may not see them.
            raise CommandError(str(exc).rstrip("."), exit_code=EXIT_PROBLEMS) from None
        except UserFacingError as exc:  # a permission, a missing meeting, a session that ended
            raise CommandError(str(exc).rstrip(".")) from None
    from ..handouts.notes import render_notes_pdf

    write_private(args.output, render_notes_pdf(model))
    print(f"Wrote {args.output} ({len(model.notes)} signed notes); it carries the 42 CFR part 2 notice.")
    return 0
