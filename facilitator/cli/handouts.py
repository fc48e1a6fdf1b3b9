"""``facilitator handouts``: print a session's handouts, its guide or role cards, a workbook, or the
facilitator's safety protocol."""

from __future__ import annotations

import argparse
import logging
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import AppConfig
from .options import add_language_option

if TYPE_CHECKING:
    from ..core.curriculum import Curriculum
    from ..core.library import Library
    from ..core.printing import Letterhead

log = logging.getLogger(__name__)


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = commands.add_parser(
        "handouts",
        help="print handouts, a facilitator guide, role cards, a workbook or the safety protocol to PDF",
        description=textwrap.fill(
            "Write a PDF of a curriculum session's handouts (one copy after another), its "
            "facilitator guide, its role-play cards, or the whole curriculum's workbook. Shipped curricula "
            "and the clinic's curricula folder are both searched. The clinic's name from the settings "
            "heads every page when a database exists; none is needed. Handouts printed here carry no "
            "names. Every handout set and workbook carries a box of crisis numbers. --safety-protocol "
            "prints the facilitator's safety protocol (no curriculum needed).",
            78,
        ),
        epilog="examples:\n"
        "  facilitator handouts skills-core drug-alcohol-refusal --copies 8 -o refusal.pdf\n"
        "  facilitator handouts family-recovery 2 --language es --large-print -o familia.pdf\n"
        "  facilitator handouts skills-core 1 --guide -o guide.pdf\n"
        "  facilitator handouts psychoeducation-core --workbook -o workbook.pdf\n"
        "  facilitator handouts --safety-protocol -o protocol.pdf",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "curriculum",
        metavar="CURRICULUM",
        nargs="?",
        help="curriculum id, as `facilitator curricula list` shows it; not used with --safety-protocol",
    )
    p.add_argument(
        "session",
        metavar="SESSION",
        nargs="?",
        help="session id, or its number in teaching order (1 is the first); not used with --workbook",
    )
    kind = p.add_mutually_exclusive_group()
    kind.add_argument(
        "--guide", action="store_true", help="the facilitator guide: agenda, script, prompts and role cards"
    )
    kind.add_argument("--cards", action="store_true", help="only the session's role-play cards, to cut out")
    kind.add_argument("--workbook", action="store_true", help="every handout of the curriculum, with a contents page")
    kind.add_argument(
        "--safety-protocol",
        action="store_true",
        help="the facilitator's safety protocol: intoxication, suicide, overdose (for staff, not participants)",
    )
    p.add_argument("--copies", type=int, default=1, metavar="N", help="copies of the handouts (default 1)")
    p.add_argument("--large-print", action="store_true", help="body text at 18 pt instead of 12 pt")
    p.add_argument(
        "--two-sided",
        "--double-sided",
        dest="two_sided",
        action=argparse.BooleanOptionalAction,
        default=None,  # the app's default, read when the command runs
        help="for printing on both sides: each copy starts on the front of a new sheet (a blank back page "
        "is added after a copy with an odd number of pages); off unless given, as in the app",
    )
    add_language_option(
        p,
        default=None,
        free=True,
        help="print the curriculum's edition in this language (e.g. es) when one is loaded; "
        "otherwise the curriculum as named, with a warning",
    )
    p.add_argument(
        "--clinic-name", metavar="TEXT", help="name for the top of each page instead of the clinic's setting"
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE.pdf", help="where to write the PDF ('-' for standard output)"
    )
    p.add_argument("--invariant", action="store_true", help=argparse.SUPPRESS)  # byte-stable output, for tests
    p.set_defaults(handler=run_handouts)


def run_handouts(args: argparse.Namespace, config: AppConfig) -> int:
    from ..backend import load_curricula
    from ..core import printing
    from ..handouts import renderer_for
    from . import EXIT_USAGE, CommandError

    if args.safety_protocol:
        return _print_protocol(args, config)
    if not args.curriculum:
        raise CommandError("name a CURRICULUM (`facilitator curricula list` shows them), or use --safety-protocol.", EXIT_USAGE)
    if args.workbook and args.session:
        raise CommandError("--workbook prints the whole curriculum, so leave out SESSION.", EXIT_USAGE)
    if not args.workbook and not args.session:
        raise CommandError("name a SESSION (its id or number), or use --workbook for the whole curriculum.", EXIT_USAGE)
    if not 1 <= args.copies <= printing.MAX_COPIES:
        raise CommandError(f"--copies must be between 1 and {printing.MAX_COPIES}.", EXIT_USAGE)
    if args.copies != 1 and (args.guide or args.cards or args.workbook):
        raise CommandError(
            "--copies is for handout packets; print the PDF several times for more guides, cards or workbooks.",
            EXIT_USAGE,
        )

    library = load_curricula(config)
    curriculum = _find_curriculum(library, args.curriculum)
    session_id = None if args.workbook else _session_id(curriculum, args.session)
    kind = printing.DocumentKind.HANDOUTS
    for flag, chosen in (
        ("workbook", printing.DocumentKind.WORKBOOK),
        ("guide", printing.DocumentKind.GUIDE),
        ("cards", printing.DocumentKind.CARDS),
    ):
        if getattr(args, flag):
            kind = chosen
    request = printing.PrintRequest(
        kind=kind,
        curriculum_id=curriculum.id,
        session_id=session_id,
        language=args.language or curriculum.language,
        large_print=args.large_print,
        copies=args.copies,
        two_sided=printing.TWO_SIDED_DEFAULT if args.two_sided is None else args.two_sided,
        letterhead=_letterhead(config, args.clinic_name),
    )
    model, notes = printing.build_document(library, request)
    for note in notes:
        print(f"facilitator: warning: {note}", file=sys.stderr)

    if isinstance(model, printing.Workbook):
        if not model.sessions:
            raise CommandError(f"{model.curriculum_id} has no handouts, so it has no workbook.")
        what = f"workbook of {model.handout_count} handouts"
    elif isinstance(model, printing.Guide):
        what = "facilitator guide"
    elif isinstance(model, printing.RoleCardSheet):
        if not model.cards:
            raise CommandError(
                f"session {session_id!r} of {model.curriculum_id} has no role plays, so it has no role cards."
            )
        what = f"{len(model.cards)} role cards"
    else:
        if not model.handout_count:
            raise CommandError(
                f"session {session_id!r} of {curriculum.id} has no handouts; --guide prints the facilitator guide."
            )
        per_copy = len(model.copies[0].handouts)
        what = (
            f"{args.copies} cop{'y' if args.copies == 1 else 'ies'} of {per_copy} handout{'s' if per_copy != 1 else ''}"
        )

    renderer = renderer_for(model, invariant=args.invariant)
    pdf = renderer.render(model)
    _write(args.output, pdf)
    if args.output != "-":
        pages = f"{renderer.page_count} page{'s' if renderer.page_count != 1 else ''}"
        if renderer.blank_pages:
            pages += f" ({renderer.blank_pages} left blank so each copy starts on a new sheet)"
        print(f"Wrote {args.output}: {what}, {pages}.")
    return 0


def _print_protocol(args: argparse.Namespace, config: AppConfig) -> int:
    from ..core.safety import SafetyProtocolPrint
    from ..handouts import renderer_for
    from . import EXIT_USAGE, CommandError

    extras = [
        flag
        for flag, used in (
            ("CURRICULUM", args.curriculum),
            ("SESSION", args.session),
            ("--copies", args.copies != 1),
            ("--two-sided", args.two_sided),
        )
        if used
    ]
    if extras:
        raise CommandError(f"--safety-protocol prints one document; leave out {', '.join(extras)}.", EXIT_USAGE)
    model = SafetyProtocolPrint.in_language(
        args.language or "en", letterhead=_letterhead(config, args.clinic_name), large_print=args.large_print
    )
    renderer = renderer_for(model, invariant=args.invariant)
    pdf = renderer.render(model)
    _write(args.output, pdf)
    if args.output != "-":
        print(f"Wrote {args.output}: safety protocol, {renderer.page_count} page{'s' if renderer.page_count != 1 else ''}.")
    return 0


def _find_curriculum(library: Library, wanted: str) -> Curriculum:
    from . import CommandError

    found = library.find(wanted)
    if found is not None:
        return found
    hint = ""
    if library.problems:
        files = len({p.path for p in library.problems})
        hint = f" ({files} curriculum file{'s have' if files != 1 else ' has'} problems: `facilitator curricula check` lists them)"
    raise CommandError(f"no curriculum {wanted!r} is loaded; `facilitator curricula list` shows the ids{hint}.")


def _session_id(curriculum: Curriculum, wanted: str) -> str:
    from . import CommandError

    ids = [s.id for s in curriculum.sessions]
    if wanted in ids:
        return wanted
    if wanted.isdigit() and 1 <= int(wanted) <= len(ids):
        return ids[int(wanted) - 1]
    raise CommandError(
        f"{curriculum.id} has no session {wanted!r}; give a number from 1 to {len(ids)} or one of: {', '.join(ids)}."
    )


def _letterhead(config: AppConfig, clinic_name: str | None) -> Letterhead:
    """The clinic's name and logo from its settings, if a database is there to ask.

    A missing SQLite file is not created, and a database that cannot be read prints
    pages without a clinic name rather than no pages at all.
    """
    from ..core.printing import Letterhead

    values: dict[str, str] = {}
    try:
        values = _clinic_settings(config)
    except Exception:
        log.warning("Could not read the clinic settings; printing without the clinic name", exc_info=True)
    if clinic_name is not None:
        values["clinic_name"] = clinic_name
    return Letterhead.from_settings(values)


def _clinic_settings(config: AppConfig) -> dict[str, str]:
    from ..store import db

    path = db.sqlite_path(config.database_url)
    if db.is_sqlite(config.database_url) and (path is None or not path.exists()):
        return {}
    engine = db.create_engine(config.database_url)
    try:
        from ..store.settings_service import ClinicSettings

        return ClinicSettings(engine).all()
    finally:
        engine.dispose()


def _write(output: str, pdf: bytes) -> None:
    """Write the whole file or nothing: a full disk never leaves half a PDF behind."""
    from . import CommandError

    if output == "-":
        sys.stdout.buffer.write(pdf)
        sys.stdout.buffer.flush()
        return
    target = Path(output).expanduser()
    if target.is_dir():
        raise CommandError(f"{target} is a folder; give a file name such as {target / 'handouts.pdf'}.")
    from ..core.files import write_private

    if not target.parent.is_dir():
        raise CommandError(f"cannot write to {target.parent}: there is no such folder.")
    try:
        write_private(target, pdf, create_folder=False)
    except OSError as exc:
        raise CommandError(f"cannot write {target}: {exc.strerror or exc}.") from exc
