"""Staff accounts: sign in, the first administrator, and account management.

Every change goes through the unit of work: the rule, the change and its audit entry in one
transaction. Accounts are never
deleted; a disabled account cannot sign in but its name stays on what it signed.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from facilitator.core.catalogue import say

from ..core import limits
from ..core.audit import AuditAction
from ..core.changes import ACCOUNT, UserFacingError
from ..core.clock import Clock
from ..core.passwords import Passwords, check_new_password
from ..core.permissions import NotSignedIn, Principal, UserRole, require_manage_accounts, require_signed_in
from .models import UserAccount
from .settings_service import ClinicSettings
from .unit_of_work import UnitOfWork, Work

log = logging.getLogger(__name__)

_account = UserAccount.__table__  # type: ignore[attr-defined]
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
WRONG_PASSWORD = say("store.accounts", "The user name or password is not right.")


class AccountError(UserFacingError, ValueError):
    """An account cannot be created or changed as asked; the message says why."""


class SignInFailed(UserFacingError):
    """Signing in did not work; the message is one sentence for the person at the keyboard."""


@dataclass(frozen=True)
class Account:
    """An account as the admin screen and ``users list`` show it (never its password hash)."""

    id: int
    username: str
    full_name: str
    credentials: str
    role: UserRole
    needs_cosign: bool
    disabled: bool
    must_change_password: bool
    staff_id: int | None
    created_at: datetime
    last_sign_in_at: datetime | None

    @property
    def signature(self) -> str:
        return f"{self.full_name}, {self.credentials}" if self.credentials else self.full_name


def _account_of(row: Any) -> Account:
    return Account(
        id=row.id or 0,
        username=row.username,
        full_name=row.full_name,
        credentials=row.credentials,
        role=UserRole(row.role),
        needs_cosign=row.needs_cosign,
        disabled=row.disabled,
        must_change_password=row.must_change_password,
        staff_id=row.staff_id,
        created_at=row.created_at,
        last_sign_in_at=row.last_sign_in_at,
    )


def principal_of(row: Any) -> Principal:
    return Principal(
        user_id=row.id or 0,
        username=row.username,
        full_name=row.full_name,
        role=UserRole(row.role),
        credentials=row.credentials,
        needs_cosign=row.needs_cosign,
        staff_id=row.staff_id,
        must_change_password=row.must_change_password,
    )


def normalize_username(username: str) -> str:
    return username.strip().lower()


def _check_username(username: str) -> str:
    name = normalize_username(username)
    if not USERNAME_RE.match(name):
        raise AccountError(
            say("store.accounts", "A user name has 2 to 64 characters: lowercase letters, digits, dots, dashes or "
                "underscores, starting with a letter or digit.")
        )
    return name


def _check_names(full_name: str, credentials: str) -> tuple[str, str]:
    """The full name and credentials, stripped and held to their limits (``core.limits``)."""
    full, cred = full_name.strip(), credentials.strip()
    return limits.FULL_NAME.check(full), limits.CREDENTIALS.check(cred)


def _check_role(role: UserRole | str) -> UserRole:
    try:
        return UserRole(role)
    except ValueError:
        raise AccountError(say("store.accounts", "{role!r} is not a role; choose facilitator, supervisor or "
                               "administrator.", role=role)) from None


class AccountService:
    """Accounts through the unit of work: every change and every sign-in attempt is audited with it.

    ``work`` may be an engine for a service of its own (tests, a command before sign-in); the
    lockout rules come from the clinic settings ``sign_in_attempts`` and
    ``sign_in_lockout_minutes``.
    """

    def __init__(
        self,
        work: Work | Engine,
        passwords: Passwords | None = None,
        settings: ClinicSettings | None = None,
        clock: Clock | None = None,
    ) -> None:
        if isinstance(work, Engine):
            from .audit import AuditLog

            work = Work(work, AuditLog(work, clock), clock)
        self._work = work
        self.passwords = passwords or Passwords()
        self._settings = settings or ClinicSettings(work)
        self._dummy: str | None = None

    @property
    def work(self) -> Work:
        return self._work

    def _audit_as(self, uow: UnitOfWork, principal: Principal | None, action: AuditAction, **fields: Any) -> None:
        """An entry in this unit of work naming someone other than whom it acts for (a sign-in attempt)."""
        uow.flush()
        self._work.audit_log.record(principal, action, connection=uow.conn, **fields)

    def _row(self, conn: Connection, user_id: int) -> sa.Row[Any]:
        row = conn.execute(sa.select(_account).where(_account.c.id == user_id)).first()
        if row is None:
            raise AccountError(say("store.accounts", "There is no account number {user_id}.", user_id=user_id))
        return row

    # -- first run ----------------------------------------------------------------------------

    def has_accounts(self) -> bool:
        with self._work.engine.connect() as conn:
            return conn.execute(sa.select(_account.c.id).limit(1)).first() is not None

    def create_first_administrator(
        self, username: str, full_name: str, password: str, credentials: str = ""
    ) -> Principal:
        """The account a new clinic starts with; refused once any account exists."""
        name = _check_username(username)
        full, credentials = _check_names(full_name, credentials)
        if not full:
            raise AccountError(say("store.accounts", "Please give the administrator's full name."))
        check_new_password(password, username=name, full_name=full)
        password_hash = self.passwords.hash(password)
        with self._work.begin(None) as uow:
            # Take the audit head's lock first so that two first-run dialogs cannot both win.
            uow.conn.execute(sa.text("UPDATE audit_head SET seq = seq WHERE id = 1"))
            if uow.conn.execute(sa.select(_account.c.id).limit(1)).first() is not None:
                raise AccountError(say("store.accounts", "This clinic already has accounts; ask an administrator to "
                                       "create yours."))
            new_id = _insert_account(
                uow, username=name, full_name=full, credentials=credentials.strip(),
                role=UserRole.ADMINISTRATOR, password_hash=password_hash,
            )
            principal = principal_of(self._row(uow.conn, new_id))
            self._audit_as(
                uow, principal, AuditAction.ACCOUNT_CHANGE, record_type="account", record_id=new_id,
                detail="created the first administrator account",
            )
            uow.changed(ACCOUNT, new_id)
        log.info("First administrator account %r created", name)
        return principal

    # -- signing in ---------------------------------------------------------------------------

    def lockout_rule(self) -> tuple[int, timedelta]:
        """How many wrong passwords in a row lock an account, and for how long (clinic settings)."""
        attempts = int(self._settings.value("sign_in_attempts"))
        minutes = int(self._settings.value("sign_in_lockout_minutes"))
        return attempts, timedelta(minutes=minutes)

    def authenticate(self, username: str, password: str) -> Principal:
        """Check a user name and password; every attempt adds one audit entry, failures are counted.

        The count is raised in one UPDATE that also refuses a locked account, so guesses made at
        once from many workstations still lock it after the limit. The password is checked
        before any transaction opens (Argon2id takes a while), and the message never says
        whether the user name exists. A user name that is not an account is recorded as a
        short tag, never as typed: people type passwords into the user name field.
        """
        name = normalize_username(username)
        with self._work.engine.connect() as conn:
            row = conn.execute(sa.select(_account).where(_account.c.username == name)).first()
        if row is None:
            self.passwords.verify(self._dummy_hash(), password)  # the same time either way
            with self._work.begin(None) as uow:
                uow.audit(
                    AuditAction.FAILED_SIGN_IN, username=self._unknown_tag(name), detail="the user name is not an account"
                )
            raise SignInFailed(WRONG_PASSWORD)
        who = principal_of(row)
        now = self._work.clock.now()
        if row.disabled:
            self._failed(who, "the account is disabled")
            raise SignInFailed(say("store.accounts", "This account is disabled; ask an administrator."))
        if row.locked_until is not None and row.locked_until > now:
            self._failed(who, "refused: the account is locked after wrong passwords")
            raise _locked(row.locked_until, now)
        if not self.passwords.verify(row.password_hash, password):
            self._count_wrong_password(who)
            raise SignInFailed(WRONG_PASSWORD)
        new_hash = self.passwords.hash(password) if self.passwords.needs_rehash(row.password_hash) else None
        with self._work.begin(None) as uow:
            values: dict[str, Any] = {"failed_attempts": 0, "locked_until": None, "last_sign_in_at": uow.now}
            if new_hash is not None:
                values["password_hash"] = new_hash
            signed = uow.conn.execute(
                _account.update()
                .where(_account.c.id == row.id, _account.c.disabled == False, _not_locked(uow.now))  # noqa: E712
                .values(**values)
                .returning(*_account.c)
            ).first()
            if signed is None:  # locked or disabled while the password was being checked
                self._audit_as(
                    uow, who, AuditAction.FAILED_SIGN_IN, record_type="account", record_id=row.id,
                    detail="refused: the account was locked or disabled during the sign-in",
                )
            else:
                self._audit_as(uow, who, AuditAction.SIGN_IN, record_type="account", record_id=row.id)
        if signed is None:
            raise SignInFailed(say("store.accounts", "This account cannot sign in just now; try again in a few minutes "
                                   "or ask an administrator."))
        return principal_of(signed)

    def _failed(self, who: Principal, detail: str) -> None:
        with self._work.begin(None) as uow:
            self._audit_as(
                uow, who, AuditAction.FAILED_SIGN_IN, record_type="account", record_id=who.user_id, detail=detail
            )

    def _count_wrong_password(self, who: Principal) -> None:
        """Raise the failed-password count in one statement; lock the account when it reaches the limit."""
        limit, lockout = self.lockout_rule()
        with self._work.begin(None) as uow:
            counted = uow.conn.execute(
                _account.update()
                .where(_account.c.id == who.user_id, _not_locked(uow.now))
                .values(failed_attempts=_account.c.failed_attempts + 1)
                .returning(_account.c.failed_attempts)
            ).scalar()
            if counted is None:
                detail = "refused: the account is locked after wrong passwords"
            elif counted >= limit:
                uow.conn.execute(
                    _account.update()
                    .where(_account.c.id == who.user_id)
                    .values(failed_attempts=0, locked_until=uow.now + lockout)
                )
                minutes = int(lockout.total_seconds() // 60)
                detail = f"wrong password ({counted} in a row): the account is locked for {minutes} minutes"
            else:
                detail = f"wrong password ({counted} in a row)"
            self._audit_as(
                uow, who, AuditAction.FAILED_SIGN_IN, record_type="account", record_id=who.user_id, detail=detail
            )

    def _unknown_tag(self, name: str) -> str:
        """A short tag for a user name that is not an account: the same name gives the same tag.

        Keyed with this clinic's database id, so the tag of a password typed by mistake cannot
        be looked up in a table made elsewhere.
        """
        identity = self._work.identity
        key = (identity.clinic_id if identity else "facilitator").encode()
        digest = hmac.new(key, name.encode("utf-8", "replace"), hashlib.sha256).hexdigest()
        return f"unknown user #{digest[:4]}"

    def confirm_password(self, principal: Principal, password: str, *, action: AuditAction = AuditAction.UNLOCK) -> bool:
        """Unlock: the signed-in user types their password again. Audited either way.

        A disabled account or a changed role raises ``AccountChanged`` (the session ends).
        """
        with self._work.engine.connect() as conn:
            stored = conn.execute(sa.select(_account.c.password_hash).where(_account.c.id == principal.user_id)).scalar()
        ok = stored is not None and self.passwords.verify(stored, password)
        with self._work.begin(principal) as uow:
            uow.audit(
                action if ok else AuditAction.FAILED_SIGN_IN,
                record_type="account",
                record_id=principal.user_id,
                detail="" if ok else f"wrong password at the {'lock screen' if action is AuditAction.UNLOCK else action.value}",
            )
        return ok

    def record_sign_out(self, principal: Principal, detail: str = "") -> None:
        with self._work.begin(principal, check_account=False) as uow:
            uow.audit(AuditAction.SIGN_OUT, record_type="account", record_id=principal.user_id, detail=detail)

    def record_lock(self, principal: Principal, detail: str = "idle") -> None:
        with self._work.begin(principal, check_account=False) as uow:
            uow.audit(AuditAction.LOCK, record_type="account", record_id=principal.user_id, detail=detail)

    def refresh(self, principal: Principal) -> Principal:
        """The principal as the database has it now (role or name may have been changed)."""
        with self._work.read(principal, check_account=False) as uow:
            row = uow.conn.execute(sa.select(_account).where(_account.c.id == principal.user_id)).first()
        if row is None or row.disabled:
            raise NotSignedIn(say("store.accounts", "This account has been disabled; please sign in again."))
        return principal_of(row)

    def change_own_password(self, principal: Principal | None, old_password: str, new_password: str) -> Principal:
        p = require_signed_in(principal)
        with self._work.read(p) as uow:
            row = self._row(uow.conn, p.user_id)
        if not self.passwords.verify(row.password_hash, old_password):
            with self._work.begin(p) as uow:
                uow.audit(
                    AuditAction.FAILED_SIGN_IN, record_type="account", record_id=p.user_id,
                    detail="wrong current password when changing it",
                )
            raise AccountError(say("store.accounts", "The current password is not right."))
        if old_password == new_password:
            raise AccountError(say("store.accounts", "The new password must differ from the current one."))
        check_new_password(new_password, username=row.username, full_name=row.full_name)
        new_hash = self.passwords.hash(new_password)
        with self._work.begin(p) as uow:
            uow.conn.execute(
                _account.update()
                .where(_account.c.id == p.user_id)
                .values(password_hash=new_hash, must_change_password=False, password_changed_at=uow.now, updated_at=uow.now)
            )
            uow.audit(AuditAction.ACCOUNT_CHANGE, record_type="account", record_id=p.user_id,
                      detail="changed their own password")
            uow.changed(ACCOUNT, p.user_id)
            return principal_of(self._row(uow.conn, p.user_id))

    # -- administration -----------------------------------------------------------------------

    def list_accounts(self, principal: Principal | None, include_disabled: bool = True) -> list[Account]:
        with self._work.read(principal) as uow:
            require_manage_accounts(uow.principal)
            stmt = sa.select(_account).order_by(_account.c.username)
            if not include_disabled:
                stmt = stmt.where(_account.c.disabled == False)  # noqa: E712
            return [_account_of(r) for r in uow.conn.execute(stmt)]

    def staff_directory(self, principal: Principal | None) -> list[tuple[int, str, UserRole]]:
        """Active accounts' ids, signatures and roles: what pickers and signatures need, for anyone signed in."""
        with self._work.read(principal) as uow:
            require_signed_in(uow.principal)
            rows = uow.conn.execute(
                sa.select(_account).where(_account.c.disabled == False).order_by(_account.c.full_name)  # noqa: E712
            )
            return [(r.id, _account_of(r).signature, UserRole(r.role)) for r in rows]

    def get(self, principal: Principal | None, user_id: int) -> Account:
        p = require_signed_in(principal)
        if p.user_id != user_id:
            require_manage_accounts(p)
        with self._work.read(p) as uow:
            return _account_of(self._row(uow.conn, user_id))

    def find(self, principal: Principal | None, username: str) -> Account:
        with self._work.read(principal) as uow:
            require_manage_accounts(uow.principal)
            row = uow.conn.execute(
                sa.select(_account).where(_account.c.username == normalize_username(username))
            ).first()
            if row is None:
                raise AccountError(say("store.accounts", "There is no account with the user name {username!r}.",
                                       username=username))
            return _account_of(row)

    def create_account(
        self,
        principal: Principal | None,
        *,
        username: str,
        full_name: str,
        role: UserRole | str,
        password: str,
        credentials: str = "",
        needs_cosign: bool = False,
        staff_id: int | None = None,
        must_change_password: bool = True,
    ) -> Account:
        """A new account; by default its first sign-in asks for a new password."""
        require_manage_accounts(principal)
        name = _check_username(username)
        chosen_role = _check_role(role)
        full, credentials = _check_names(full_name, credentials)
        if not full:
            raise AccountError(say("store.accounts", "Please give the person's full name."))
        check_new_password(password, username=name, full_name=full)
        password_hash = self.passwords.hash(password)
        with self._work.begin(principal) as uow:
            require_manage_accounts(uow.principal)
            if uow.conn.execute(sa.select(_account.c.id).where(_account.c.username == name)).first() is not None:
                raise AccountError(say("store.accounts", "The user name {name!r} is taken; accounts are never deleted, "
                                       "so choose another.", name=name))
            new_id = _insert_account(
                uow, username=name, full_name=full, credentials=credentials.strip(), role=chosen_role,
                password_hash=password_hash, needs_cosign=needs_cosign, staff_id=staff_id,
                must_change_password=must_change_password,
            )
            uow.audit(AuditAction.ACCOUNT_CHANGE, record_type="account", record_id=new_id,
                      detail=f"created the account {name} ({chosen_role.label.lower()})")
            uow.changed(ACCOUNT, new_id)
            return _account_of(self._row(uow.conn, new_id))

    def update_account(
        self,
        principal: Principal | None,
        user_id: int,
        *,
        full_name: str | None = None,
        credentials: str | None = None,
        role: UserRole | str | None = None,
        needs_cosign: bool | None = None,
        staff_id: int | None = None,
    ) -> Account:
        """Change what an administrator may change; ``staff_id=None`` keeps it, ``0`` clears it."""
        require_manage_accounts(principal)
        if full_name is not None:
            limits.FULL_NAME.check(full_name.strip())
        if credentials is not None:
            limits.CREDENTIALS.check(credentials.strip())
        with self._work.begin(principal) as uow:
            require_manage_accounts(uow.principal)
            row = self._row(uow.conn, user_id)
            values: dict[str, Any] = {}
            said: list[str] = []
            cosign = ""
            if full_name is not None and full_name.strip() != row.full_name:
                if not full_name.strip():
                    raise AccountError(say("store.accounts", "A full name cannot be empty."))
                values["full_name"] = full_name.strip()
                said.append("name")
            if credentials is not None and credentials.strip() != row.credentials:
                values["credentials"] = credentials.strip()
                said.append("credentials")
            if role is not None and _check_role(role).value != row.role:
                new_role = _check_role(role)
                if row.role == UserRole.ADMINISTRATOR.value:
                    _keep_an_administrator(uow.conn, row.id)
                values["role"] = new_role.value
                said.append(f"role from {UserRole(row.role).label.lower()} to {new_role.label.lower()}")
            if needs_cosign is not None and needs_cosign != row.needs_cosign:
                values["needs_cosign"] = needs_cosign
                cosign = "now need" if needs_cosign else "no longer need"
            if staff_id is not None:
                new_staff = None if staff_id == 0 else staff_id
                if new_staff != row.staff_id:
                    values["staff_id"] = new_staff
                    said.append("link to the staff list")
            if values:
                uow.conn.execute(_account.update().where(_account.c.id == user_id).values(**values, updated_at=uow.now))
                sentences = [f"changed {row.username}'s {_and(said)}"] if said else []
                if cosign:
                    sentences.append(f"{row.username}'s notes {cosign} a co-signature")
                uow.audit(AuditAction.ACCOUNT_CHANGE, record_type="account", record_id=user_id,
                          detail="; ".join(sentences))
                uow.changed(ACCOUNT, user_id)
            return _account_of(self._row(uow.conn, user_id))

    def set_disabled(self, principal: Principal | None, user_id: int, disabled: bool) -> Account:
        p = require_manage_accounts(principal)
        with self._work.begin(principal) as uow:
            require_manage_accounts(uow.principal)
            row = self._row(uow.conn, user_id)
            if row.disabled == disabled:
                return _account_of(row)
            if disabled and row.id == p.user_id:
                raise AccountError(say("store.accounts", "You cannot disable your own account; another administrator "
                                       "can."))
            if disabled and row.role == UserRole.ADMINISTRATOR.value:
                _keep_an_administrator(uow.conn, row.id)
            uow.conn.execute(
                _account.update().where(_account.c.id == user_id).values(disabled=disabled, updated_at=uow.now)
            )
            uow.audit(AuditAction.ACCOUNT_CHANGE, record_type="account", record_id=user_id,
                      detail=f"{'disabled' if disabled else 'enabled'} the account {row.username}")
            uow.changed(ACCOUNT, user_id)
            return _account_of(self._row(uow.conn, user_id))

    def disable(self, principal: Principal | None, user_id: int) -> Account:
        return self.set_disabled(principal, user_id, True)

    def enable(self, principal: Principal | None, user_id: int) -> Account:
        return self.set_disabled(principal, user_id, False)

    def reset_password(self, principal: Principal | None, user_id: int, new_password: str) -> Account:
        """Set a temporary password the person must change at their next sign-in; lifts a lockout."""
        p = require_manage_accounts(principal)
        with self._work.read(p) as uow:
            row = self._row(uow.conn, user_id)
        check_new_password(new_password, username=row.username, full_name=row.full_name)
        new_hash = self.passwords.hash(new_password)
        with self._work.begin(p) as uow:
            require_manage_accounts(uow.principal)
            self._row(uow.conn, user_id)
            uow.conn.execute(
                _account.update()
                .where(_account.c.id == user_id)
                .values(
                    password_hash=new_hash, must_change_password=user_id != p.user_id, failed_attempts=0,
                    locked_until=None, password_changed_at=uow.now, updated_at=uow.now,
                )
            )
            uow.audit(AuditAction.ACCOUNT_CHANGE, record_type="account", record_id=user_id,
                      detail=f"reset the password of {row.username}")
            uow.changed(ACCOUNT, user_id)
            return _account_of(self._row(uow.conn, user_id))

    # -- helpers ------------------------------------------------------------------------------

    def _dummy_hash(self) -> str:
        """A hash of a random password: checking it makes an unknown name cost a wrong password's time."""
        if self._dummy is None:
            self._dummy = self.passwords.hash(secrets.token_hex(16))
        return self._dummy


def _not_locked(now: datetime) -> sa.ColumnElement[bool]:
    return sa.or_(_account.c.locked_until.is_(None), _account.c.locked_until <= now)


def _locked(until: datetime, now: datetime) -> SignInFailed:
    minutes = max(1, math.ceil((until - now).total_seconds() / 60))
    return SignInFailed(
        say("store.accounts", "Too many wrong passwords: try again in {minutes} minutes, or ask an administrator to "
            "reset the password.", minutes=minutes) if minutes > 1 else
        say("store.accounts", "Too many wrong passwords: try again in a minute, or ask an administrator to reset the "
            "password.")
    )


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _insert_account(
    uow: UnitOfWork,
    *,
    username: str,
    full_name: str,
    credentials: str,
    role: UserRole,
    password_hash: str,
    needs_cosign: bool = False,
    staff_id: int | None = None,
    must_change_password: bool = False,
) -> int:
    return int(
        uow.conn.execute(
            _account.insert()
            .values(
                username=username, full_name=full_name, credentials=credentials, role=role.value,
                needs_cosign=needs_cosign, staff_id=staff_id, password_hash=password_hash,
                must_change_password=must_change_password, disabled=False, failed_attempts=0,
                created_at=uow.now, updated_at=uow.now, password_changed_at=uow.now,
            )
            .returning(_account.c.id)
        ).scalar_one()
    )


def _keep_an_administrator(conn: Connection, leaving_id: int) -> None:
    others = conn.execute(
        sa.select(_account.c.id).where(
            _account.c.role == UserRole.ADMINISTRATOR.value,
            _account.c.disabled == False,  # noqa: E712
            _account.c.id != leaving_id,
        )
    ).first()
    if others is None:
        raise AccountError(say("store.accounts", "The clinic needs at least one active administrator; create another "
                               "one first."))


# -- the demo clinic ---------------------------------------------------------------------------

DEMO_PASSWORD = "demo"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    credentials: str
    role: UserRole
    needs_cosign: bool
    password_hash: str  # of "demo", Argon2id with the default costs, computed once


DEMO_ACCOUNTS = (
    DemoAccount(
        "facilitator", "Priya Raman", "CADC", UserRole.FACILITATOR, True,
        "$argon2id$v=19$m=65536,t=3,p=4$hivOZwLw9vVzPClZZduqGg$sfhZ431kF6Ur5zU+fSLBxEysX8Ok6SPUL4DGPKASkbs",
    ),
    DemoAccount(
        "supervisor", "Morgan Reyes", "LCSW", UserRole.SUPERVISOR, False,
        "$argon2id$v=19$m=65536,t=3,p=4$W+YU+Rhn0QrFo3+rmCpuEg$jjPKjnpAzGqJIy7oKzIrSN6o8eNF4Fs7ulrTK8/wvEs",
    ),
    DemoAccount(
        "admin", "Pat Kim", "", UserRole.ADMINISTRATOR, False,
        "$argon2id$v=19$m=65536,t=3,p=4$P48bYgcheIYJFNstrZLosw$eYaNcY+LUO6bIVFwvw5C2H6KTd2+kcgT7L3p+8cYw6A",
    ),
)


def seed_demo_accounts(work: Work) -> dict[str, int]:
    """Add the demo clinic's three accounts (password ``demo``) if missing; return their ids by user name.

    The demo password is shorter than the rules allow: this bypass exists for the
    synthetic demo clinic only, whose passwords the README publishes.
    """
    ids: dict[str, int] = {}
    with work.begin(None) as uow:
        conn = uow.conn
        for demo in DEMO_ACCOUNTS:
            row = conn.execute(sa.select(_account).where(_account.c.username == demo.username)).first()
            if row is None:
                new_id = _insert_account(
                    uow, username=demo.username, full_name=demo.full_name, credentials=demo.credentials,
                    role=demo.role, password_hash=demo.password_hash, needs_cosign=demo.needs_cosign,
                )
                uow.audit(
                    AuditAction.ACCOUNT_CHANGE, username="demo", record_type="account", record_id=new_id,
                    detail=f"created the demo account {demo.username} ({demo.role.label.lower()})",
                )
                uow.changed(ACCOUNT, new_id)
                row = conn.execute(sa.select(_account).where(_account.c.id == new_id)).one()
            ids[demo.username] = row.id
            if row.staff_id is None:
                staff_id = _staff_named(conn, demo.full_name)
                if staff_id is not None:
                    conn.execute(_account.update().where(_account.c.id == row.id).values(staff_id=staff_id))
    return ids


def _staff_named(conn: Connection, name: str) -> int | None:
    """The roster staff entry with this name, if the roster has one (the demo links by name)."""
    if not sa.inspect(conn).has_table("staff"):
        return None
    found = conn.execute(sa.text("SELECT id FROM staff WHERE name = :name"), {"name": name}).scalar()
    return int(found) if found is not None else None
