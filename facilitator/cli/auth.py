"""Signing in on the command line: ``--user NAME`` (or ``$FACILITATOR_USER``) and a password.

The password comes from ``$FACILITATOR_PASSWORD`` or, in a terminal, a prompt that does not
echo. Commands that read, export or change clinical records or accounts open the backend
through ``signed_in``; the sign-in and the sign-out at the end are audited like the app's.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ..config import AppConfig

if TYPE_CHECKING:
    from ..backend import Backend
    from ..core.permissions import Principal

ENV_USER = "FACILITATOR_USER"
ENV_PASSWORD = "FACILITATOR_PASSWORD"
ENV_NEW_PASSWORD = "FACILITATOR_NEW_PASSWORD"


def add_user_option(parser: argparse.ArgumentParser) -> None:
    """The global ``--user`` option (added once, in ``cli.build_parser``)."""
    parser.add_argument(
        "--user",
        metavar="NAME",
        help=f"sign in as NAME for commands that read or change clinical records or accounts "
        f"(default: ${ENV_USER}); the password comes from ${ENV_PASSWORD} or a prompt",
    )


def username_from(args: argparse.Namespace) -> str:
    return (getattr(args, "user", None) or os.environ.get(ENV_USER, "")).strip()


def read_password(prompt: str, env: str = ENV_PASSWORD) -> str:
    from . import EXIT_USAGE, CommandError

    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CommandError(f"no password given: set {env} or run the command in a terminal to be asked", EXIT_USAGE)
    return getpass.getpass(prompt)


def read_new_password(prompt: str = "New password: ") -> str:
    """A new password from ``$FACILITATOR_NEW_PASSWORD``, or typed twice at a prompt."""
    from . import EXIT_USAGE, CommandError

    value = os.environ.get(ENV_NEW_PASSWORD)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CommandError(
            f"no new password given: set {ENV_NEW_PASSWORD} or run the command in a terminal to be asked", EXIT_USAGE
        )
    first = getpass.getpass(prompt)
    if getpass.getpass("Type it again: ") != first:
        raise CommandError("the two passwords differ; nothing was changed", EXIT_USAGE)
    return first


def require_username(args: argparse.Namespace) -> str:
    from . import EXIT_USAGE, CommandError

    username = username_from(args)
    if not username:
        raise CommandError(
            f"this command reads or changes clinical records or accounts: sign in with --user NAME "
            f"(or set {ENV_USER})",
            EXIT_USAGE,
        )
    return username


def sign_in(args: argparse.Namespace, backend: Backend, *, password: str | None = None) -> Principal:
    """Sign the command in, or stop it with a sentence.

    An account whose password was reset must change it (``users password``) before anything else.
    """
    from ..store.accounts import SignInFailed
    from . import CommandError

    assert backend.accounts is not None
    username = require_username(args)
    if not backend.accounts.has_accounts():
        raise CommandError(
            "this database has no accounts yet: open the app (or run 'facilitator users init') "
            "to create the administrator"
        )
    if password is None:
        password = read_password(f"Password for {username}: ")
    try:
        principal = backend.sign_in(username, password)
    except SignInFailed as exc:
        raise CommandError(str(exc).rstrip(".")) from None
    if principal.must_change_password and getattr(args, "users_command", None) != "password":
        raise CommandError(
            "your password was reset by an administrator: choose your own first with 'facilitator users password'"
        )
    return principal


@contextmanager
def signed_in(args: argparse.Namespace, config: AppConfig) -> Iterator[Backend]:
    """Open the backend signed in as the command's user; sign out and close it afterwards."""
    from ..backend import open_backend
    from ..store.db import DatabaseError
    from . import CommandError

    try:
        backend = open_backend(config)
    except DatabaseError as exc:
        raise CommandError(str(exc).rstrip(".")) from None
    try:
        sign_in(args, backend)
        yield backend
    finally:
        try:
            if backend.principal is not None:
                backend.sign_out(f"at the end of the command {getattr(args, 'command', '')}".strip())
        finally:
            backend.dispose()


def open_signed_in(args: argparse.Namespace, config: AppConfig) -> Backend:
    """Open the backend signed in as the command's user (--user); the command closes it."""
    from ..backend import open_backend
    from ..store.db import DatabaseError
    from . import CommandError

    try:
        backend = open_backend(config)
    except DatabaseError as exc:
        raise CommandError(str(exc).rstrip(".")) from exc
    sign_in_or_close(args, backend)
    return backend


def sign_in_or_close(args: argparse.Namespace, backend: Backend) -> Principal:
    """Sign in on a backend the command opened; close it if signing in fails.

    ``backend.dispose()`` at the end of the command records the sign-out.
    """
    try:
        return sign_in(args, backend)
    except BaseException:
        backend.dispose()
        raise


def sign_in_if_accounts(args: argparse.Namespace, backend: Backend, require=None) -> Principal | None:  # type: ignore[no-untyped-def]
    """For commands that may build a clinic from nothing: sign in only once accounts exist."""
    assert backend.accounts is not None
    if not backend.accounts.has_accounts():
        return None
    principal = sign_in_or_close(args, backend)
    if require is not None:
        try:
            require(principal)
        except BaseException:
            backend.dispose()
            raise
    return principal
