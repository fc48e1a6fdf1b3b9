"""Staff accounts: sign in, the first administrator, and account management.

Every change is written to the audit trail in the same transaction. Accounts are never
deleted; a disabled account cannot sign in but its name stays on what it signed.
"""

from __future__ import annotations

import logging
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from ..core.audit import AuditAction
from ..core.changes import UserFacingError
from ..core.clock import Clock, SystemClock
from ..core.passwords import Passwords, check_new_password
from ..core.permissions import Principal, UserRole, require_manage_accounts, require_signed_in
from .audit import AuditLog
from .models import UserAccount

log = logging.getLogger(__name__)

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=5)
WRONG_PASSWORD = "The user name or password is not right."


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


def _account(row: UserAccount) -> Account:
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


def principal_of(row: UserAccount) -> Principal:
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
            "A user name has 2 to 64 characters: lowercase letters, digits, dots, dashes or underscores, "
            "starting with a letter or digit."
        )
    return name


def _check_role(role: UserRole | str) -> UserRole:
    try:
        return UserRole(role)
    except ValueError:
        raise AccountError(f"{role!r} is not a role; choose facilitator, supervisor or administrator.") from None


class AccountService:
    def __init__(
        self,
        engine: Engine,
        audit: AuditLog,
        clock: Clock | None = None,
        passwords: Passwords | None = None,
    ) -> None:
        self._engine = engine
        self._audit = audit
        self._clock = clock or SystemClock()
        self.passwords = passwords or Passwords()
        self._dummy: str | None = None

    # -- first run ----------------------------------------------------------------------------

    def has_accounts(self) -> bool:
        with Session(self._engine) as session:
            return session.exec(select(UserAccount.id).limit(1)).first() is not None

    def create_first_administrator(
        self, username: str, full_name: str, password: str, credentials: str = ""
    ) -> Principal:
        """The account a new clinic starts with; refused once any account exists."""
        name = _check_username(username)
        full = full_name.strip()
        if not full:
            raise AccountError("Please give the administrator's full name.")
        check_new_password(password, username=name, full_name=full)
        with Session(self._engine) as session:
            # Take the audit head's lock first so that two first-run dialogs cannot both win.
            session.connection().execute(sa.text("UPDATE audit_head SET seq = seq WHERE id = 1"))
            if session.exec(select(UserAccount.id).limit(1)).first() is not None:
                raise AccountError("This clinic already has accounts; ask an administrator to create yours.")
            now = self._clock.now()
            row = UserAccount(
                username=name,
                full_name=full,
                credentials=credentials.strip(),
                role=UserRole.ADMINISTRATOR.value,
                password_hash=self.passwords.hash(password),
                created_at=now,
                updated_at=now,
                password_changed_at=now,
            )
            session.add(row)
            session.flush()
            principal = principal_of(row)
            self._audit.record(
                principal,
                AuditAction.ACCOUNT_CHANGE,
                record_type="account",
                record_id=row.id,
                detail="created the first administrator account",
                session=session,
            )
            session.commit()
        log.info("First administrator account %r created", name)
        return principal

    # -- signing in ---------------------------------------------------------------------------

    def authenticate(self, username: str, password: str) -> Principal:
        """Check a user name and password; every attempt is audited, failures counted.

        Five wrong passwords in a row lock the account for five minutes (an administrator's
        reset lifts it sooner). The message never says whether the user name exists.
        """
        name = normalize_username(username)
        now = self._clock.now()
        with Session(self._engine) as session:
            row = session.exec(select(UserAccount).where(UserAccount.username == name)).first()
            if row is None:
                self.passwords.verify(self._dummy_hash(), password)  # same time either way
                self._audit.record(
                    None, AuditAction.FAILED_SIGN_IN, username=name[:64], detail="unknown user name", session=session
                )
                session.commit()
                raise SignInFailed(WRONG_PASSWORD)
            principal = principal_of(row)
            if row.disabled:
                self._audit.record(
                    principal, AuditAction.FAILED_SIGN_IN, record_type="account", record_id=row.id,
                    detail="account disabled", session=session,
                )
                session.commit()
                raise SignInFailed("This account is disabled; ask an administrator.")
            if row.locked_until is not None and row.locked_until > now:
                minutes = max(1, int((row.locked_until - now).total_seconds() // 60) + 1)
                self._audit.record(
                    principal, AuditAction.FAILED_SIGN_IN, record_type="account", record_id=row.id,
                    detail="account locked after wrong passwords", session=session,
                )
                session.commit()
                raise SignInFailed(
                    f"Too many wrong passwords: try again in {minutes} minute{'s' if minutes > 1 else ''}, "
                    "or ask an administrator to reset the password."
                )
            if not self.passwords.verify(row.password_hash, password):
                row.failed_attempts += 1
                detail = "wrong password"
                if row.failed_attempts >= MAX_FAILED_ATTEMPTS:
                    row.locked_until = now + LOCKOUT
                    row.failed_attempts = 0
                    detail = "wrong password; account locked for 5 minutes"
                session.add(row)
                self._audit.record(
                    principal, AuditAction.FAILED_SIGN_IN, record_type="account", record_id=row.id,
                    detail=detail, session=session,
                )
                session.commit()
                raise SignInFailed(WRONG_PASSWORD)
            if self.passwords.needs_rehash(row.password_hash):
                row.password_hash = self.passwords.hash(password)
            row.failed_attempts = 0
            row.locked_until = None
            row.last_sign_in_at = now
            session.add(row)
            self._audit.record(principal, AuditAction.SIGN_IN, record_type="account", record_id=row.id, session=session)
            session.commit()
            return principal_of(row)

    def confirm_password(self, principal: Principal, password: str, *, action: AuditAction = AuditAction.UNLOCK) -> bool:
        """Unlock: the signed-in user types their password again. Audited either way."""
        with Session(self._engine) as session:
            row = session.get(UserAccount, principal.user_id)
            ok = row is not None and not row.disabled and self.passwords.verify(row.password_hash, password)
            self._audit.record(
                principal,
                action if ok else AuditAction.FAILED_SIGN_IN,
                record_type="account",
                record_id=principal.user_id,
                detail="" if ok else f"wrong password at {action.value}",
                session=session,
            )
            session.commit()
        return ok

    def record_sign_out(self, principal: Principal, detail: str = "") -> None:
        self._audit.record(principal, AuditAction.SIGN_OUT, record_type="account", record_id=principal.user_id, detail=detail)

    def record_lock(self, principal: Principal, detail: str = "idle") -> None:
        self._audit.record(principal, AuditAction.LOCK, record_type="account", record_id=principal.user_id, detail=detail)

    def refresh(self, principal: Principal) -> Principal:
        """The principal as the database has it now (role or name may have been changed)."""
        with Session(self._engine) as session:
            row = session.get(UserAccount, principal.user_id)
            if row is None or row.disabled:
                from ..core.permissions import NotSignedIn

                raise NotSignedIn("This account has been disabled; please sign in again.")
            return principal_of(row)

    def change_own_password(self, principal: Principal | None, old_password: str, new_password: str) -> Principal:
        p = require_signed_in(principal)
        with Session(self._engine) as session:
            row = session.get(UserAccount, p.user_id)
            if row is None or not self.passwords.verify(row.password_hash, old_password):
                self._audit.record(
                    p, AuditAction.FAILED_SIGN_IN, record_type="account", record_id=p.user_id,
                    detail="wrong current password when changing it", session=session,
                )
                session.commit()
                raise AccountError("The current password is not right.")
            if old_password == new_password:
                raise AccountError("The new password must differ from the current one.")
            check_new_password(new_password, username=row.username, full_name=row.full_name)
            now = self._clock.now()
            row.password_hash = self.passwords.hash(new_password)
            row.must_change_password = False
            row.password_changed_at = now
            row.updated_at = now
            session.add(row)
            self._audit.record(
                p, AuditAction.ACCOUNT_CHANGE, record_type="account", record_id=p.user_id,
                detail="changed own password", session=session,
            )
            session.commit()
            return principal_of(row)

    # -- administration -----------------------------------------------------------------------

    def list_accounts(self, principal: Principal | None, include_disabled: bool = True) -> list[Account]:
        require_manage_accounts(principal)
        with Session(self._engine) as session:
            stmt = select(UserAccount).order_by(UserAccount.username)
            if not include_disabled:
                stmt = stmt.where(UserAccount.disabled == False)  # noqa: E712
            return [_account(r) for r in session.exec(stmt)]

    def staff_directory(self, principal: Principal | None) -> list[tuple[int, str, UserRole]]:
        """Active accounts' ids, signatures and roles: what pickers and signatures need, for anyone signed in."""
        require_signed_in(principal)
        with Session(self._engine) as session:
            rows = session.exec(
                select(UserAccount).where(UserAccount.disabled == False).order_by(UserAccount.full_name)  # noqa: E712
            )
            return [(r.id or 0, _account(r).signature, UserRole(r.role)) for r in rows]

    def get(self, principal: Principal | None, user_id: int) -> Account:
        p = require_signed_in(principal)
        if p.user_id != user_id:
            require_manage_accounts(p)
        with Session(self._engine) as session:
            row = session.get(UserAccount, user_id)
            if row is None:
                raise AccountError(f"There is no account number {user_id}.")
            return _account(row)

    def find(self, principal: Principal | None, username: str) -> Account:
        require_manage_accounts(principal)
        with Session(self._engine) as session:
            row = session.exec(select(UserAccount).where(UserAccount.username == normalize_username(username))).first()
            if row is None:
                raise AccountError(f"There is no account with the user name {username!r}.")
            return _account(row)

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
        p = require_manage_accounts(principal)
        name = _check_username(username)
        chosen_role = _check_role(role)
        full = full_name.strip()
        if not full:
            raise AccountError("Please give the person's full name.")
        check_new_password(password, username=name, full_name=full)
        with Session(self._engine) as session:
            if session.exec(select(UserAccount.id).where(UserAccount.username == name)).first() is not None:
                raise AccountError(f"The user name {name!r} is taken; accounts are never deleted, so choose another.")
            now = self._clock.now()
            row = UserAccount(
                username=name,
                full_name=full,
                credentials=credentials.strip(),
                role=chosen_role.value,
                needs_cosign=needs_cosign,
                staff_id=staff_id,
                password_hash=self.passwords.hash(password),
                must_change_password=must_change_password,
                created_at=now,
                updated_at=now,
                password_changed_at=now,
            )
            session.add(row)
            session.flush()
            self._audit.record(
                p, AuditAction.ACCOUNT_CHANGE, record_type="account", record_id=row.id,
                detail=f"created {name} ({chosen_role.value})", session=session,
            )
            session.commit()
            return _account(row)

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
        p = require_manage_accounts(principal)
        with Session(self._engine) as session:
            row = self._row(session, user_id)
            changes: list[str] = []
            if full_name is not None and full_name.strip() != row.full_name:
                if not full_name.strip():
                    raise AccountError("A full name cannot be empty.")
                row.full_name = full_name.strip()
                changes.append("name")
            if credentials is not None and credentials.strip() != row.credentials:
                row.credentials = credentials.strip()
                changes.append("credentials")
            if role is not None and _check_role(role).value != row.role:
                new_role = _check_role(role)
                if row.role == UserRole.ADMINISTRATOR.value:
                    self._keep_an_administrator(session, row)
                changes.append(f"role {row.role} -> {new_role.value}")
                row.role = new_role.value
            if needs_cosign is not None and needs_cosign != row.needs_cosign:
                row.needs_cosign = needs_cosign
                changes.append(f"needs co-signature {'on' if needs_cosign else 'off'}")
            if staff_id is not None:
                new_staff = None if staff_id == 0 else staff_id
                if new_staff != row.staff_id:
                    row.staff_id = new_staff  # type: ignore[assignment]
                    changes.append("staff link")
            if changes:
                row.updated_at = self._clock.now()
                session.add(row)
                self._audit.record(
                    p, AuditAction.ACCOUNT_CHANGE, record_type="account", record_id=row.id,
                    detail=f"{row.username}: " + ", ".join(changes), session=session,
                )
                session.commit()
            return _account(row)

    def set_disabled(self, principal: Principal | None, user_id: int, disabled: bool) -> Account:
        p = require_manage_accounts(principal)
        with Session(self._engine) as session:
            row = self._row(session, user_id)
            if row.disabled == disabled:
                return _account(row)
            if disabled and row.id == p.user_id:
                raise AccountError("You cannot disable your own account; another administrator can.")
            if disabled and row.role == UserRole.ADMINISTRATOR.value:
                self._keep_an_administrator(session, row)
            row.disabled = disabled
            row.updated_at = self._clock.now()
            session.add(row)
            self._audit.record(
                p, AuditAction.ACCOUNT_CHANGE, record_type="account", record_id=row.id,
                detail=f"{'disabled' if disabled else 'enabled'} {row.username}", session=session,
            )
            session.commit()
            return _account(row)

    def disable(self, principal: Principal | None, user_id: int) -> Account:
        return self.set_disabled(principal, user_id, True)

    def enable(self, principal: Principal | None, user_id: int) -> Account:
        return self.set_disabled(principal, user_id, False)

    def reset_password(self, principal: Principal | None, user_id: int, new_password: str) -> Account:
        """Set a temporary password the person must change at their next sign-in; lifts a lockout."""
        p = require_manage_accounts(principal)
        with Session(self._engine) as session:
            row = self._row(session, user_id)
            check_new_password(new_password, username=row.username, full_name=row.full_name)
            now = self._clock.now()
            row.password_hash = self.passwords.hash(new_password)
            row.must_change_password = row.id != p.user_id
            row.failed_attempts = 0
            row.locked_until = None
            row.password_changed_at = now
            row.updated_at = now
            session.add(row)
            self._audit.record(
                p, AuditAction.ACCOUNT_CHANGE, record_type="account", record_id=row.id,
                detail=f"reset the password of {row.username}", session=session,
            )
            session.commit()
            return _account(row)

    # -- helpers ------------------------------------------------------------------------------

    def _dummy_hash(self) -> str:
        """A hash of a random password: checking it makes an unknown name cost a wrong password's time."""
        if self._dummy is None:
            self._dummy = self.passwords.hash(secrets.token_hex(16))
        return self._dummy

    @staticmethod
    def _row(session: Session, user_id: int) -> UserAccount:
        row = session.get(UserAccount, user_id)
        if row is None:
            raise AccountError(f"There is no account number {user_id}.")
        return row

    @staticmethod
    def _keep_an_administrator(session: Session, leaving: UserAccount) -> None:
        others = session.exec(
            select(UserAccount.id).where(
                UserAccount.role == UserRole.ADMINISTRATOR.value,
                UserAccount.disabled == False,  # noqa: E712
                UserAccount.id != leaving.id,
            )
        ).first()
        if others is None:
            raise AccountError("The clinic needs at least one active administrator; create another one first.")


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


def seed_demo_accounts(engine: Engine, audit: AuditLog, clock: Clock | None = None) -> dict[str, int]:
    """Add the demo clinic's three accounts (password ``demo``) if missing; return their ids by user name.

    The demo password is shorter than the rules allow: this bypass exists for the
    synthetic demo clinic only, whose passwords the README publishes.
    """
    now = (clock or SystemClock()).now()
    ids: dict[str, int] = {}
    with Session(engine) as session:
        for demo in DEMO_ACCOUNTS:
            row = session.exec(select(UserAccount).where(UserAccount.username == demo.username)).first()
            if row is None:
                row = UserAccount(
                    username=demo.username,
                    full_name=demo.full_name,
                    credentials=demo.credentials,
                    role=demo.role.value,
                    needs_cosign=demo.needs_cosign,
                    password_hash=demo.password_hash,
                    created_at=now,
                    updated_at=now,
                    password_changed_at=now,
                )
                session.add(row)
                session.flush()
                audit.record(
                    None, AuditAction.ACCOUNT_CHANGE, username="demo", record_type="account", record_id=row.id,
                    detail=f"created demo account {demo.username} ({demo.role.value})", session=session,
                )
            ids[demo.username] = row.id or 0
            if row.staff_id is None:
                row.staff_id = _staff_named(session, demo.full_name)
                session.add(row)
        session.commit()
    return ids


def _staff_named(session: Session, name: str) -> int | None:
    """The roster staff entry with this name, if the roster has one (the demo links by name)."""
    conn = session.connection()
    if not sa.inspect(conn).has_table("staff"):
        return None
    found = conn.execute(sa.text("SELECT id FROM staff WHERE name = :name"), {"name": name}).scalar()
    return int(found) if found is not None else None


def link_staff(engine: Engine, username: str, staff_id: int | None) -> None:
    """Point an account at its roster staff entry (used when seeding; admins use ``update_account``)."""
    with Session(engine) as session:
        row = session.exec(select(UserAccount).where(UserAccount.username == username)).first()
        if row is not None and row.staff_id != staff_id:
            row.staff_id = staff_id
            session.add(row)
            session.commit()
