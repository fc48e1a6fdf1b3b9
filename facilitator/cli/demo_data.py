"""``facilitator demo-data``: fill an empty database with the synthetic demo clinic."""

from __future__ import annotations

import argparse

from ..config import AppConfig


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = commands.add_parser(
        "demo-data",
        help="fill an empty database with the synthetic demo clinic",
        description="Fill the database (--database-url, else the data folder's) with the synthetic clinic that "
        "--demo shows: groups of every type on the shipped curricula, about 40 made-up participants, and eight "
        "weeks of past meetings with attendance up to today. Refuses a database that already has participants "
        "or groups. Nobody in the demo clinic is real.",
    )
    cmd.add_argument("--clinic-name", metavar="NAME", default=None,
                     help="clinic name to set when none is set yet (default: the demo clinic's name)")
    cmd.add_argument("--time-zone", metavar="ZONE", default=None,
                     help="the clinic's time zone, e.g. America/Chicago, set when none is set yet "
                     "(default: this computer's zone)")
    cmd.add_argument("--seed", type=int, default=None, metavar="N",
                     help="random seed, for the same clinic every time (default: today's date)")
    cmd.set_defaults(handler=run)


def run(args: argparse.Namespace, config: AppConfig) -> int:
    from ..backend import open_backend
    from ..core.attendance import clinic_zone
    from ..demo import DEMO_CLINIC_NAME
    from ..store.attendance import ZONE_SETTING
    from ..store.db import DatabaseError
    from ..store.demo_clinic import DemoDataError, fill_demo_clinic
    from . import CommandError

    if args.time_zone:
        try:
            clinic_zone(args.time_zone)
        except ValueError as exc:
            raise CommandError(str(exc), exit_code=2) from exc
    try:
        backend = open_backend(config)
    except DatabaseError as exc:
        raise CommandError(str(exc).rstrip(".")) from exc
    from ..core.permissions import require_manage_rosters
    from .auth import sign_in_if_accounts

    # A new clinic needs no account (the demo brings its own); one with accounts needs its administrator.
    sign_in_if_accounts(args, backend, require_manage_rosters)
    try:
        if args.time_zone and not backend.settings.value(ZONE_SETTING):
            backend.settings.set(ZONE_SETTING, args.time_zone)
        if not backend.settings.value("clinic_name"):
            backend.settings.set("clinic_name", args.clinic_name or DEMO_CLINIC_NAME)
        attendance = backend.attendance
        zone = attendance.zone_name()  # read now: the database is closed when the summary is printed
        try:
            counts = fill_demo_clinic(backend.engine, backend.library, attendance.clock.now(), zone, seed=args.seed)
        except DemoDataError as exc:
            raise CommandError(str(exc).rstrip(".")) from exc
        from ..demo import seed_demo_accounts, seed_demo_notes

        seed_demo_accounts(backend)
        seed_demo_notes(backend)
    finally:
        backend.dispose()
    print(
        f"Demo clinic written: {counts['groups']} groups, {counts['participants']} participants, "
        f"{counts['relatives']} relatives, {counts['meetings']} meetings, {counts['attendance']} attendance rows "
        f"(time zone {zone}), demo accounts and progress notes in every state."
    )
    return 0
