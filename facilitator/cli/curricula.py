"""``facilitator curricula check|list``: validate and list curriculum files."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..config import AppConfig


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cur = commands.add_parser("curricula", help="check and list curricula", description="Check and list curricula.")
    sub = cur.add_subparsers(dest="curricula_command", metavar="ACTION", required=True)

    check = sub.add_parser(
        "check",
        help="check curriculum files against the format",
        description="Check curriculum files and print every problem as FILE:LINE:COLUMN: message. "
        "With no PATH, checks every loaded curriculum (shipped and the clinic folder). "
        "Exits 0 when all are valid, 1 when any is not. A curriculum with no 'reviewed' date is "
        "loaded, with a note on standard error.",
    )
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="a curriculum file or a folder of them")
    check.set_defaults(handler=run_check)

    lst = sub.add_parser(
        "list",
        help="list loaded curricula",
        description="List every loaded curriculum (shipped and the clinic folder).",
    )
    lst.add_argument("--json", action="store_true", help="print JSON instead of a table")
    lst.set_defaults(handler=run_list)


def _library(config: AppConfig, paths: list[Path] | None = None):  # type: ignore[no-untyped-def]
    from ..core.library import load_library
    from ..paths import shipped_curricula_dir

    if paths:
        return load_library(None, None, extra=paths)
    return load_library(shipped_curricula_dir(), config.clinic_curricula_dir)


def run_check(args: argparse.Namespace, config: AppConfig) -> int:
    from ..core.files import os_problem, shown_path
    from . import CommandError

    missing = []
    for path in args.paths:
        try:
            if not path.exists():
                missing.append(path)
        except OSError as exc:  # a name the system cannot hold, a folder it may not open
            raise CommandError(f"cannot read {shown_path(path)}: {os_problem(exc)}", exit_code=2) from None
    if missing:
        raise CommandError(f"no such file or folder: {', '.join(map(str, missing))}", exit_code=2)
    library = _library(config, args.paths)
    for problem in library.problems:
        print(problem)
    bad_files = {p.path for p in library.problems}
    total = len(library.files)
    if library.problems:
        print(f"{len(bad_files)} of {total} files have problems ({len(library.problems)} in all).")
        return 1
    print(f"{total} files checked, {len(library.curricula)} curricula, no problems.")
    _note_unreviewed(library)
    return 0


def _note_unreviewed(library) -> None:  # type: ignore[no-untyped-def]
    """Name the curricula that do not say when their content was last reviewed."""
    import sys

    for c in library.curricula:
        if c.reviewed is None:
            print(
                f"note: {c.source}: {c.id} has no 'reviewed' date; add one (reviewed: YYYY-MM-DD) so a "
                "clinic can see how current the content is.",
                file=sys.stderr,
            )


def run_list(args: argparse.Namespace, config: AppConfig) -> int:
    library = _library(config)
    rows = [
        {
            "id": c.id,
            "title": c.title,
            "group_type": c.group_type.value,
            "focus": c.focus,
            "language": c.language,
            "audience": c.audience,
            "session_count": len(c.sessions),
            "handout_count": c.handout_count,
            "role_play_count": sum(len(s.role_plays) for s in c.sessions),
            "session_minutes": sorted({s.minutes for s in c.sessions}),
            "hours": round(sum(s.minutes for s in c.sessions) / 60, 2),
            "reviewed": c.reviewed.isoformat() if c.reviewed else None,
            "shipped": c.shipped,
            "source": str(c.source),
        }
        for c in library.curricula
    ]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        header = f"{'ID':<28} {'GROUP TYPE':<16} {'LANG':<5} {'SESS':>4} {'HAND':>4} {'REVIEWED':<10}  TITLE"
        print(header)
        for r in rows:
            print(
                f"{r['id']:<28} {r['group_type']:<16} {r['language']:<5} {r['session_count']:>4} "
                f"{r['handout_count']:>4} {r['reviewed'] or '-':<10}  {r['title']}"
            )
    for problem in library.problems:
        print(f"warning: {problem}", file=__import__("sys").stderr)
    return 0
