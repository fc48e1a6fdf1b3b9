"""The command line: ``facilitator [global options] [COMMAND ...]``.

With no command it opens the app. Each command lives in its own module exposing
``register(subparsers)``; add a module to ``COMMAND_MODULES`` to add a command.
Commands import what they need when they run, so ``--help`` stays instant.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from .. import __version__
from ..config import ENV_DATA_DIR, ENV_DATABASE_URL, AppConfig

log = logging.getLogger(__name__)

COMMAND_MODULES = [
    "facilitator.cli.curricula",
    "facilitator.cli.users",
    "facilitator.cli.audit",
    "facilitator.cli.backup",
    "facilitator.cli.restore",
    "facilitator.cli.roster",
    "facilitator.cli.report",
    "facilitator.cli.care",
    "facilitator.cli.demo_data",
    "facilitator.cli.notes",
    "facilitator.cli.measures",
    "facilitator.cli.handouts",
    "facilitator.cli.bench",
    "facilitator.cli.server",
    "facilitator.cli.letters",
    "facilitator.cli.export",
]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_ERROR = 0, 1, 2, 3


class CommandError(Exception):
    """A command cannot go on; the message is one sentence for the user."""

    def __init__(self, message: str, exit_code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without commands, only the global options (opening the app)."""
    parser = argparse.ArgumentParser(
        prog="facilitator",
        description="Run IOP groups: curricula, session timers, attendance, notes and handouts. "
        "With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help=f"database to use, e.g. postgresql+psycopg://host/db (default: ${ENV_DATABASE_URL}, "
        "else SQLite in the data folder)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"folder for the database, settings, backups and the clinic's curricula "
        f"(default: ${ENV_DATA_DIR}, else the platform's user data folder)",
    )
    parser.add_argument("--log-dir", metavar="DIR", help="folder for the log file (default: the user log folder)")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on a throwaway demo clinic with synthetic data",
    )
    from .auth import add_user_option

    add_user_option(parser)
    parser.add_argument("-v", "--verbose", action="store_true", help="log debugging detail")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    if with_commands:
        for name in COMMAND_MODULES:
            importlib.import_module(name).register(commands)
    return parser


def _opens_the_app(parser: argparse.ArgumentParser, argv: Sequence[str]) -> bool:
    """True when ``argv`` holds only global options: the app opens, and importing every
    command module (a third of a bare window's start-up) can wait until after it paints."""
    takes_value = False
    for token in argv:
        if takes_value:
            takes_value = False
            continue
        if not token.startswith("-"):
            return False  # a command, or a typo the full parser should explain
        action = parser._option_string_actions.get(token.split("=", 1)[0])
        if action is None or isinstance(action, argparse._HelpAction | argparse._VersionAction):
            return False
        takes_value = "=" not in token and action.nargs != 0
    return True


def config_from(args: argparse.Namespace) -> AppConfig:
    return AppConfig.build(
        data_dir=args.data_dir, database_url=args.database_url, log_dir=args.log_dir, demo=args.demo
    )


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(with_commands=False)
    if not _opens_the_app(parser, argv):
        parser = build_parser()
    args = parser.parse_args(argv)
    config = config_from(args)
    from ..logs import setup_logging

    log_file = setup_logging(config.log_dir, verbose=args.verbose)
    if args.command is None:
        from ..ui.app import run_app

        return run_app(config)
    from ..core.changes import UserFacingError

    try:
        return int(args.handler(args, config) or 0)
    except UserFacingError as exc:
        # A refused permission, a session that ended (the account was disabled or its role
        # changed, the database was restored), a value that does not fit: one sentence.
        print(f"facilitator: {str(exc).rstrip('.')}", file=sys.stderr)
        return EXIT_ERROR
    except CommandError as exc:
        print(f"facilitator: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("facilitator: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``facilitator roster list | head``): not a failure of ours.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception:
        log.exception("Command %r failed", args.command)
        print(
            f"facilitator: the command failed unexpectedly; the details are in {log_file}",
            file=sys.stderr,
        )
        return EXIT_ERROR
