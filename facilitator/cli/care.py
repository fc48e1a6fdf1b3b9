"""``facilitator care ready|level|plan``: who is ready to step down or complete, a change of level, an aftercare plan."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..config import AppConfig
from .options import add_language_option
from .report import file_path, iso_date


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = commands.add_parser(
        "care", help="levels of care, readiness and aftercare plans",
        description="Levels of care, readiness to step down or complete, and aftercare plans.",
    )
    sub = cmd.add_subparsers(dest="care_command", metavar="ACTION", required=True)

    ready = sub.add_parser(
        "ready", help="who is ready to step down or complete (supervisors)",
        description="List every active participant with their level of care and how many of the clinic's completion "
        "criteria they meet, those ready to step down or complete first. Exits 0.",
    )
    ready.add_argument("--json", action="store_true", help="print JSON, with each criterion's progress")
    ready.add_argument("--only-ready", action="store_true", help="list only participants who are ready")
    ready.set_defaults(handler=run_ready)

    level = sub.add_parser(
        "level", help="record a change of level of care",
        description="Record a change of level of care the team decided (iop, outpatient or php), from a date; "
        "the weekly hour target follows the level from then on.",
    )
    level.add_argument("--participant", required=True, metavar="RECORD", help="the participant's record number")
    level.add_argument("--to", dest="level", required=True, choices=("php", "iop", "outpatient"),
                       help="the new level of care")
    level.add_argument("--from", dest="effective", required=True, type=iso_date, metavar="DATE",
                       help="the day the new level takes effect, e.g. 2026-11-30")
    level.add_argument("--reason", required=True, help="why the level changes")
    level.add_argument("--decided-by", required=True, metavar="WHO", help="who decided, e.g. the treatment team")
    level.set_defaults(handler=run_level)

    plan = sub.add_parser(
        "plan", help="print a participant's aftercare plan",
        description="Write the aftercare plan of the participant's latest discharge as PDF, in their language and "
        "size unless --language or --large-print says otherwise.",
    )
    plan.add_argument("--participant", required=True, metavar="RECORD", help="the participant's record number")
    add_language_option(plan, default=None, help="the plan's language, en or es (default: the participant's)")
    plan.add_argument("--large-print", action="store_true", default=None, help="print in large print")
    plan.add_argument("-o", "--output", required=True, type=file_path, metavar="FILE.pdf", help="where to write it")
    plan.set_defaults(handler=run_plan)


def _open(args: argparse.Namespace, config: AppConfig) -> Any:
    from .auth import open_signed_in

    return open_signed_in(args, config)


def _sentence(call: Any) -> Any:
    """Run a service call; a refusal becomes the command's one sentence (exit 1 for a record not found)."""
    from ..core.changes import UserFacingError
    from ..core.permissions import PermissionDenied
    from ..store.access import NoSuchParticipant
    from . import EXIT_PROBLEMS, CommandError

    try:
        return call()
    except NoSuchParticipant as exc:
        raise CommandError(str(exc).rstrip("."), exit_code=EXIT_PROBLEMS) from None
    except PermissionDenied:
        raise
    except UserFacingError as exc:
        raise CommandError(str(exc).rstrip("."), exit_code=EXIT_PROBLEMS) from exc


def run_ready(args: argparse.Namespace, config: AppConfig) -> int:
    from ..core.completion import Readiness

    backend = _open(args, config)
    try:
        rows = _sentence(backend.care.ready)
    finally:
        backend.dispose()
    if args.only_ready:
        rows = [r for r in rows if r.readiness is not Readiness.NOT_YET]
    if args.json:
        print(json.dumps([
            {"record_number": r.record_number, "preferred_name": r.preferred_name, "level": r.level.value,
             "readiness": r.readiness.value, "criteria": [
                 {"criterion": c.label, "progress": c.progress, "status": c.status.value} for c in r.criteria]}
            for r in rows
        ], indent=2, ensure_ascii=False))
        return 0
    print(f"{'RECORD':<12} {'NAME':<14} {'LEVEL':<6} {'READINESS':<20} CRITERIA")
    for r in rows:
        print(f"{r.record_number:<12} {r.preferred_name[:14]:<14} {r.level.short:<6} {r.readiness.value:<20} {r.met}")
    ready = sum(1 for r in rows if r.readiness is not Readiness.NOT_YET)
    print(f"{ready} of {len(rows)} listed participants are ready to step down or complete.")
    return 0


def run_level(args: argparse.Namespace, config: AppConfig) -> int:
    backend = _open(args, config)
    try:
        care = backend.care
        record = _sentence(lambda: care.change_level(care.participant_by_record(args.participant), args.level,
                                                     args.effective, args.reason, args.decided_by))
    finally:
        backend.dispose()
    print(f"{args.participant}: {record.history.level_on(args.effective).label} from {args.effective.isoformat()}; "
          f"weekly hour target {record.target_hours:g} hours now.")
    return 0


def run_plan(args: argparse.Namespace, config: AppConfig) -> int:
    from . import EXIT_PROBLEMS, CommandError
    from .report import write_private

    backend = _open(args, config)
    try:
        care = backend.care

        def model() -> Any:
            pid = care.participant_by_record(args.participant)
            discharge_id = care.latest_discharge_id(pid)
            if discharge_id is None:
                raise CommandError(f"{args.participant} has no discharge, so no aftercare plan", EXIT_PROBLEMS)
            return care.plan_print(discharge_id, language=args.language, large_print=args.large_print)

        plan = _sentence(model)
    finally:
        backend.dispose()
    from ..handouts import render_pdf

    write_private(args.output, render_pdf(plan))
    print(f"Wrote {args.output} ({plan.language}{', large print' if plan.large_print else ''}).")
    return 0
