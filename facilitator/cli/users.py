"""``facilitator users ...``: accounts, for administrators (and ``password`` for everyone)."""

from __future__ import annotations

import argparse
import json

from ..config import AppConfig

ROLES = ("facilitator", "supervisor", "administrator")


def _limited(limit_name: str):  # type: ignore[no-untyped-def]
    """An argparse type that holds a value to its limit in ``core.limits`` (a usage error otherwise)."""

    def check(text: str) -> str:
        from ..core import limits

        problem = getattr(limits, limit_name).problem(text)
        if problem:
            raise argparse.ArgumentTypeError(problem)
        return text

    return check


_full_name = _limited("FULL_NAME")
_credentials = _limited("CREDENTIALS")


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    users = commands.add_parser(
        "users",
        help="create, list, disable and reset staff accounts",
        description="Manage staff accounts. Every action but 'init' and 'password' needs an administrator "
        "(--user NAME). Accounts are never deleted: disable them. New passwords come from "
        "$FACILITATOR_NEW_PASSWORD or are asked for twice.",
    )
    sub = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)

    lst = sub.add_parser("list", help="list every account", description="List every account (administrators).")
    lst.add_argument("--json", action="store_true", help="print JSON instead of a table")
    lst.set_defaults(handler=run_list)

    create = sub.add_parser(
        "create",
        help="create an account",
        description="Create an account (administrators). Its first sign-in asks for a new password.",
    )
    create.add_argument("username", metavar="USERNAME", help="the sign-in name: lowercase letters, digits, . _ -")
    create.add_argument("--name", required=True, type=_full_name, metavar="FULL NAME",
                        help="the person's full name, as on signatures")
    create.add_argument("--role", required=True, choices=ROLES, help="what the account may do")
    create.add_argument("--credentials", default="", type=_credentials, metavar="TEXT", help="e.g. 'LCSW' or 'CADC, LPC'")
    create.add_argument(
        "--needs-cosign", action="store_true", help="this person's notes need a supervisor's co-signature"
    )
    create.add_argument(
        "--staff-id", type=int, metavar="N", help="the roster staff entry whose groups this account leads"
    )
    create.set_defaults(handler=run_create)

    for name, text in (("disable", "disable an account (it can no longer sign in)"), ("enable", "enable a disabled account")):
        p = sub.add_parser(name, help=text, description=text[0].upper() + text[1:] + " (administrators).")
        p.add_argument("username", metavar="USERNAME", help="the account's user name")
        p.set_defaults(handler=run_disable if name == "disable" else run_enable)

    reset = sub.add_parser(
        "reset",
        help="give an account a temporary password",
        description="Set a temporary password (administrators); the person must change it at their next "
        "sign-in. Also lifts a lockout after wrong passwords.",
    )
    reset.add_argument("username", metavar="USERNAME", help="the account's user name")
    reset.set_defaults(handler=run_reset)

    password = sub.add_parser(
        "password",
        help="change your own password",
        description="Change the password of the signed-in user (--user): the current one from "
        "$FACILITATOR_PASSWORD or a prompt, the new one from $FACILITATOR_NEW_PASSWORD or a prompt.",
    )
    password.set_defaults(handler=run_password)

    init = sub.add_parser(
        "init",
        help="create the first administrator of a new clinic",
        description="Create the first administrator account in a database that has no accounts yet "
        "(no sign-in needed; refused once any account exists).",
    )
    init.add_argument("username", metavar="USERNAME", help="the administrator's sign-in name")
    init.add_argument("--name", required=True, type=_full_name, metavar="FULL NAME", help="the administrator's full name")
    init.add_argument("--credentials", default="", type=_credentials, metavar="TEXT", help="credentials, if any")
    init.set_defaults(handler=run_init)


def _account_errors():  # type: ignore[no-untyped-def]
    from ..core.passwords import PasswordRejected
    from ..store.accounts import AccountError

    return (AccountError, PasswordRejected)


def run_list(args: argparse.Namespace, config: AppConfig) -> int:
    from .auth import signed_in

    with signed_in(args, config) as backend:
        accounts = backend.accounts.list_accounts(backend.principal)  # type: ignore[union-attr]
    rows = [
        {
            "username": a.username,
            "full_name": a.full_name,
            "credentials": a.credentials,
            "role": a.role.value,
            "needs_cosign": a.needs_cosign,
            "disabled": a.disabled,
            "must_change_password": a.must_change_password,
            "staff_id": a.staff_id,
            "last_sign_in": a.last_sign_in_at.isoformat() if a.last_sign_in_at else None,
        }
        for a in accounts
    ]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    print(f"{'USERNAME':<20} {'ROLE':<14} {'STATE':<9} NAME")
    for r in rows:
        state = "disabled" if r["disabled"] else "active"
        cosign = " (notes need co-signature)" if r["needs_cosign"] else ""
        cred = f", {r['credentials']}" if r["credentials"] else ""
        print(f"{r['username']:<20} {r['role']:<14} {state:<9} {r['full_name']}{cred}{cosign}")
    return 0


def run_create(args: argparse.Namespace, config: AppConfig) -> int:
    from . import CommandError
    from .auth import read_new_password, signed_in

    with signed_in(args, config) as backend:
        from ..core.permissions import require_manage_accounts

        require_manage_accounts(backend.principal)
        password = read_new_password(f"Temporary password for {args.username}: ")
        try:
            account = backend.accounts.create_account(  # type: ignore[union-attr]
                backend.principal,
                username=args.username,
                full_name=args.name,
                role=args.role,
                password=password,
                credentials=args.credentials,
                needs_cosign=args.needs_cosign,
                staff_id=args.staff_id,
            )
        except _account_errors() as exc:
            raise CommandError(str(exc).rstrip(".")) from None
    print(f"Created {account.username} ({account.role.value}); the first sign-in asks for a new password.")
    return 0


def _set_disabled(args: argparse.Namespace, config: AppConfig, disabled: bool) -> int:
    from . import CommandError
    from .auth import signed_in

    with signed_in(args, config) as backend:
        try:
            account = backend.accounts.find(backend.principal, args.username)  # type: ignore[union-attr]
            backend.accounts.set_disabled(backend.principal, account.id, disabled)  # type: ignore[union-attr]
        except _account_errors() as exc:
            raise CommandError(str(exc).rstrip(".")) from None
    print(f"{'Disabled' if disabled else 'Enabled'} {account.username}.")
    return 0


def run_disable(args: argparse.Namespace, config: AppConfig) -> int:
    return _set_disabled(args, config, True)


def run_enable(args: argparse.Namespace, config: AppConfig) -> int:
    return _set_disabled(args, config, False)


def run_reset(args: argparse.Namespace, config: AppConfig) -> int:
    from . import CommandError
    from .auth import read_new_password, signed_in

    with signed_in(args, config) as backend:
        try:
            account = backend.accounts.find(backend.principal, args.username)  # type: ignore[union-attr]
            password = read_new_password(f"Temporary password for {account.username}: ")
            backend.accounts.reset_password(backend.principal, account.id, password)  # type: ignore[union-attr]
        except _account_errors() as exc:
            raise CommandError(str(exc).rstrip(".")) from None
    print(f"Reset the password of {account.username}; they must change it when they next sign in.")
    return 0


def run_password(args: argparse.Namespace, config: AppConfig) -> int:
    from ..backend import open_backend
    from . import CommandError
    from .auth import read_new_password, read_password, require_username, sign_in

    username = require_username(args)
    backend = open_backend(config)
    try:
        current = read_password(f"Current password for {username}: ")
        principal = sign_in(args, backend, password=current)
        new = read_new_password()
        try:
            backend.accounts.change_own_password(principal, current, new)  # type: ignore[union-attr]
        except _account_errors() as exc:
            raise CommandError(str(exc).rstrip(".")) from None
        backend.sign_out("at the end of the command users password")
    finally:
        backend.dispose()
    print("Your password was changed.")
    return 0


def run_init(args: argparse.Namespace, config: AppConfig) -> int:
    from ..backend import open_backend
    from . import CommandError
    from .auth import read_new_password

    backend = open_backend(config)
    try:
        if backend.accounts.has_accounts():  # type: ignore[union-attr]
            raise CommandError("this database already has accounts; an administrator can create yours")
        password = read_new_password(f"Password for {args.username}: ")
        try:
            backend.accounts.create_first_administrator(  # type: ignore[union-attr]
                args.username, args.name, password, credentials=args.credentials
            )
        except _account_errors() as exc:
            raise CommandError(str(exc).rstrip(".")) from None
    finally:
        backend.dispose()
    print(f"Created the administrator {args.username}.")
    return 0
