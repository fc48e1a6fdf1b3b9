"""``facilitator server ...``: prepare and upgrade a clinic's PostgreSQL server.

``prepare`` makes, in one command, what several workstations share: the owner role, the app
role the workstations connect as, the database, and its schema (migrated as the owner).
``upgrade`` migrates an existing clinic database as the owner after Facilitator is updated.
Both connect with an administrator's address (e.g. the ``postgres`` superuser), which needs
no password of Facilitator's; the new roles' passwords come from the environment or a
prompt that does not echo, and are never printed or logged.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from ..config import AppConfig

ENV_ADMIN_URL = "FACILITATOR_ADMIN_URL"
ENV_OWNER_PASSWORD = "FACILITATOR_OWNER_PASSWORD"
ENV_APP_PASSWORD = "FACILITATOR_APP_PASSWORD"
DEFAULT_DATABASE = "facilitator"
DEFAULT_OWNER_ROLE = "facilitator_owner"
DEFAULT_APP_ROLE = "facilitator_app"


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    server = commands.add_parser(
        "server",
        help="prepare or upgrade a clinic's PostgreSQL server for several workstations",
        description="Prepare a PostgreSQL server for a clinic with several workstations, or upgrade its schema. "
        "Connects with an administrator's address (--admin-url), e.g. postgresql+psycopg://postgres@dbhost/postgres.",
    )
    sub = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--admin-url",
            metavar="URL",
            default=os.environ.get(ENV_ADMIN_URL),
            help=f"the server, as a role that may create roles and databases (default: ${ENV_ADMIN_URL})",
        )
        p.add_argument("--database", default=DEFAULT_DATABASE, metavar="NAME",
                       help=f"the clinic's database (default: {DEFAULT_DATABASE})")
        p.add_argument("--owner-role", default=DEFAULT_OWNER_ROLE, metavar="NAME",
                       help=f"the role that owns the database and runs the migrations (default: {DEFAULT_OWNER_ROLE})")

    prepare = sub.add_parser(
        "prepare",
        help="create the roles and the database, and install the schema",
        description="Create the owner role, the app role and the database owned by the owner, run the migrations "
        "as the owner, and let the app role read and write rows (never alter tables or triggers). Safe to run "
        f"again. Passwords of roles it creates come from ${ENV_OWNER_PASSWORD} and ${ENV_APP_PASSWORD}, or are "
        "asked for twice; an existing role keeps its password unless one of those is set.",
    )
    common(prepare)
    prepare.add_argument("--app-role", default=DEFAULT_APP_ROLE, metavar="NAME",
                         help=f"the role every workstation connects as (default: {DEFAULT_APP_ROLE})")
    prepare.set_defaults(handler=run_prepare)

    upgrade = sub.add_parser(
        "upgrade",
        help="migrate the clinic database to this Facilitator's schema, as its owner",
        description="Run the migrations as the owner role, then grant the app role the new tables' rows. "
        "Run it once, on any computer, after updating Facilitator; workstations connected as the app role "
        "cannot upgrade the schema themselves.",
    )
    common(upgrade)
    upgrade.add_argument("--app-role", default=DEFAULT_APP_ROLE, metavar="NAME",
                         help=f"the role the workstations connect as (default: {DEFAULT_APP_ROLE})")
    upgrade.set_defaults(handler=run_upgrade)


def _plan(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from ..store.server_setup import ServerPlan, ServerSetupError
    from . import EXIT_USAGE, CommandError

    if not args.admin_url:
        raise CommandError(
            f"say which server to prepare: --admin-url postgresql+psycopg://postgres@HOST/postgres (or set {ENV_ADMIN_URL})",
            EXIT_USAGE,
        )
    try:
        return ServerPlan(args.admin_url, args.database, args.owner_role, args.app_role)
    except ServerSetupError as exc:
        raise CommandError(str(exc).rstrip("."), EXIT_USAGE) from None


def _new_password(role: str, env: str) -> str:
    from . import EXIT_USAGE, CommandError

    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise CommandError(
            f"no password for the new role {role}: set {env} or run the command in a terminal to be asked", EXIT_USAGE
        )
    first = getpass.getpass(f"Password for the new role {role}: ")
    if not first:
        raise CommandError(f"the role {role} needs a password; nothing was changed", EXIT_USAGE)
    if getpass.getpass("Type it again: ") != first:
        raise CommandError("the two passwords differ; nothing was changed", EXIT_USAGE)
    return first


def run_prepare(args: argparse.Namespace, config: AppConfig) -> int:
    from ..store.server_setup import ServerSetupError, prepare, roles_needing_passwords
    from . import CommandError

    plan = _plan(args)
    try:
        new_roles = roles_needing_passwords(plan)
        passwords = {}
        for role, env in ((plan.owner_role, ENV_OWNER_PASSWORD), (plan.app_role, ENV_APP_PASSWORD)):
            passwords[role] = _new_password(role, env) if role in new_roles else os.environ.get(env) or None
        report = prepare(plan, passwords[plan.owner_role], passwords[plan.app_role])
    except ServerSetupError as exc:
        raise CommandError(str(exc).rstrip(".")) from None
    for step in report.steps:
        print(step)
    print(
        f"Point every workstation at {plan.app_url} (--database-url, or FACILITATOR_DATABASE_URL); "
        f"the password of {plan.app_role} goes in that computer's ~/.pgpass or PGPASSWORD."
    )
    return 0


def run_upgrade(args: argparse.Namespace, config: AppConfig) -> int:
    from ..store.server_setup import PrepareReport, ServerSetupError, upgrade
    from . import CommandError

    plan = _plan(args)
    report = PrepareReport()
    try:
        upgrade(plan, report)
    except ServerSetupError as exc:
        raise CommandError(str(exc).rstrip(".")) from None
    for step in report.steps:
        print(step)
    return 0
