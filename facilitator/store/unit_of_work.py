"""One path for every change to the record: the unit of work.

A service opens a unit of work for the signed-in user and, inside it, on one connection and
in one transaction:

1. the account is re-read (still enabled, same role) and the database is checked to be the
   one this workstation connected to (same clinic id, same restore counter);
2. the service asks ``core.permissions`` whether the user may do this;
3. it makes the change, with a version check where two workstations may edit the same row
   (``update_versioned``: zero rows matched means someone else saved first);
4. it appends the audit entry in words a reviewer reads;
5. it names what it changed (``uow.changed(kind, id)``).

All or nothing: an error anywhere (a failed audit write included) rolls the whole change
back. After the commit the ``Changes`` go to every local listener (the app's views) and,
through ``change_log`` (and PostgreSQL's NOTIFY), to the other workstations.

Reads go through ``Work.read``: the same account and database checks on one connection, no
audit of their own unless the service records a view.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from facilitator.core.catalogue import core_word, say

from ..core.attendance import resolve_zone
from ..core.audit import AuditAction
from ..core.changes import (
    AccountChanged,
    Changes,
    ConflictError,
    DatabaseReplaced,
    DatabaseUnavailable,
    GoneError,
    record_word,
)
from ..core.clock import Clock, SystemClock
from ..core.permissions import NotSignedIn, Principal, UserRole
from .audit import AuditLog
from .db import sqlite_path, write_protected
from .guards import DatabaseUnprotected, missing_guards, unprotected_sentence
from .models import ChangeLogEntry, ClinicSetting, DatabaseIdentity, UserAccount

log = logging.getLogger(__name__)

_identity = DatabaseIdentity.__table__  # type: ignore[attr-defined]
_change_log = ChangeLogEntry.__table__  # type: ignore[attr-defined]
_account = UserAccount.__table__  # type: ignore[attr-defined]
_setting = ClinicSetting.__table__  # type: ignore[attr-defined]

NOTIFY_CHANNEL = "facilitator_changes"
CHANGE_LOG_KEEP = timedelta(days=1)
PrincipalSource = Callable[[], Principal | None]
Listener = Callable[[Changes], None]


class _Current:
    """Marker: act for whoever is signed in now."""


CURRENT: Any = _Current()


@dataclass(frozen=True)
class Identity:
    """Which clinic database this is, and how many times it has been restored."""

    clinic_id: str
    restore_count: int


def read_identity(conn: Connection) -> Identity | None:
    try:
        row = conn.execute(sa.select(_identity.c.clinic_id, _identity.c.restore_count).where(_identity.c.id == 1)).first()
    except sa.exc.DBAPIError:
        return None
    return Identity(row.clinic_id, int(row.restore_count)) if row else None


def workstation_id() -> str:
    """This process's name in the change feed: host, process and a random tag."""
    try:
        host = socket.gethostname()[:60]
    except OSError:
        host = "workstation"
    return f"{host}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class UnitOfWork:
    """One transaction on one connection, for one principal; see the module docstring."""

    def __init__(self, work: Work, conn: Connection, principal: Principal | None, now: datetime) -> None:
        self._work = work
        self.conn = conn
        self.principal = principal
        self.now = now
        self._changes: set[tuple[str, int | None]] = set()
        self._session: Any = None
        self.audited = 0

    # -- the ORM, on the same connection ------------------------------------------------------

    @property
    def session(self) -> Any:
        """A SQLModel session joined to this transaction (flushed before the commit)."""
        if self._session is None:
            from sqlmodel import Session

            self._session = Session(bind=self.conn, expire_on_commit=False, autoflush=True)
        return self._session

    def flush(self) -> None:
        if self._session is not None:
            self._session.flush()

    # -- who ----------------------------------------------------------------------------------

    def me(self) -> Principal:
        if self.principal is None:
            raise NotSignedIn(say("store.unit_of_work", "Please sign in first."))
        return self.principal

    # -- what changed -------------------------------------------------------------------------

    def changed(self, kind: str, *ids: int | None) -> None:
        self._changes |= Changes.of(kind, *ids).items

    @property
    def changes(self) -> Changes:
        return Changes(frozenset(self._changes))

    # -- the audit trail ----------------------------------------------------------------------

    def audit(
        self,
        action: AuditAction | str,
        *,
        record_type: str = "",
        record_id: object = "",
        participant_id: int | None = None,
        detail: str = "",
        username: str | None = None,
    ) -> int:
        """Append an entry in this transaction: if the change rolls back, so does the entry."""
        self.flush()
        self.audited += 1
        return self._work.audit_log.record(
            self.principal,
            action,
            record_type=record_type,
            record_id=record_id,
            participant_id=participant_id,
            detail=detail,
            username=username,
            connection=self.conn,
        )

    # -- versioned rows -----------------------------------------------------------------------

    def update_versioned(
        self,
        table: sa.Table,
        record_id: int,
        seen_version: int | None,
        values: dict[str, Any],
        *,
        kind: str,
        what: str = "record",
        where: sa.ColumnElement[bool] | None = None,
    ) -> int:
        """Apply ``values`` to the row only if it is still at ``seen_version``; return the new version.

        ``seen_version`` None means "whatever is there now" (a deliberate save over someone
        else's change, after the user chose it). Zero rows matched: the row is gone
        (``GoneError``) or someone saved after it was read (``ConflictError`` naming who
        and when). ``where`` adds the caller's own guard (author, status).
        """
        self.flush()
        cols = table.c
        stmt = table.update().where(cols.id == record_id)
        if seen_version is not None:
            stmt = stmt.where(cols.version == seen_version)
        if where is not None:
            stmt = stmt.where(where)
        extra: dict[str, Any] = {"version": cols.version + 1}
        if "updated_by_id" in cols and self.principal is not None:
            extra["updated_by_id"] = self.principal.user_id
        if "updated_at" in cols and "updated_at" not in values:
            extra["updated_at"] = self.now
        result = self.conn.execute(stmt.values(**values, **extra).returning(cols.version))
        row = result.first()
        if row is not None:
            self.changed(kind, record_id)
            return int(row[0])
        raise self.conflict(table, record_id, kind=kind, what=what)

    def zone(self) -> ZoneInfo:
        """The clinic's time zone as this transaction sees its setting (``core.attendance.resolve_zone``)."""
        raw = self.conn.execute(sa.select(_setting.c.value).where(_setting.c.key == "clinic_time_zone")).scalar()
        return resolve_zone(raw)

    def conflict(self, table: sa.Table, record_id: int, *, kind: str, what: str = "record") -> Exception:
        """The error to raise when a guarded write to ``record_id`` matched nothing."""
        cols = table.c
        select_cols = [cols.version]
        if "updated_by_id" in cols:
            select_cols.append(cols.updated_by_id)
        if "updated_at" in cols:
            select_cols.append(cols.updated_at)
        current = self.conn.execute(sa.select(*select_cols).where(cols.id == record_id)).first()
        if current is None:
            return GoneError(say("store.unit_of_work", "That {what} no longer exists; someone may have removed it.",
                                 what=record_word(what)))
        by_id = getattr(current, "updated_by_id", None)
        who = ""
        if by_id is not None:
            who = self.conn.execute(sa.select(_account.c.full_name).where(_account.c.id == by_id)).scalar() or ""
            if self.principal is not None and by_id == self.principal.user_id:
                who = say("store.unit_of_work", "You (on another screen or workstation)")
        return ConflictError(
            kind,
            record_id,
            what=what,
            changed_by=who,
            changed_at=getattr(current, "updated_at", None),
            current_version=int(current.version),
            zone=self.zone(),
        )


class Work:
    """Opens units of work on one engine for the signed-in user, and publishes what changed."""

    def __init__(
        self,
        engine: Engine,
        audit_log: AuditLog,
        clock: Clock | None = None,
        principal: PrincipalSource | None = None,
        workstation: str | None = None,
    ) -> None:
        self.engine = engine
        self.audit_log = audit_log
        self.clock = clock or SystemClock()
        self._principal = principal or (lambda: None)
        self.workstation = workstation or workstation_id()
        self._identity: Identity | None = None
        self._listeners: list[Listener] = []
        self.change_hub: Any = None  # the app's view of "what changed" (ui.operations), if it has one
        self._lock = threading.Lock()
        self.is_postgres = engine.dialect.name == "postgresql"
        # A SQLite file is watched between units of work: gone, swapped or made read-only under
        # a running app must stop writes with a sentence (a pooled connection would otherwise
        # go on writing into a deleted file, or into the file that was replaced).
        self._db_file = sqlite_path(engine.url)
        self._file_id: tuple[int, int] | None = None
        self._read_only = False
        # The guard triggers this database lacks (checked when connecting); writes are refused then.
        self.missing_guards: list[str] = []
        # The identity row and the account in one round trip (a LEFT JOIN: a missing account
        # still returns the identity, and the account check then says it was removed).
        self._check_stmt = (
            sa.select(_identity.c.clinic_id, _identity.c.restore_count, _account.c.disabled, _account.c.role)
            .select_from(_identity.outerjoin(_account, _account.c.id == sa.bindparam("user_id")))
            .where(_identity.c.id == 1)
        )

    # -- the database this workstation connected to ------------------------------------------

    @property
    def identity(self) -> Identity | None:
        return self._identity

    def connect_identity(self) -> Identity | None:
        """Note which database this is (at start, at sign-in, after this workstation's own restore).

        Also notes the SQLite file it is (pooled connections to a file that was since
        replaced are dropped) and whether the database still has its guard triggers.
        """
        if self._db_file is not None:
            file_id = self._stat_file()
            if self._file_id is not None and file_id != self._file_id:
                self.engine.dispose()  # connections to the file that was replaced
            self._file_id = file_id
        with self.engine.connect() as conn:
            self._identity = read_identity(conn)
            self.missing_guards = missing_guards(conn)
        if self.missing_guards:
            log.error("The database lacks its guard triggers: %s", ", ".join(self.missing_guards))
        self._prune_change_log()
        return self._identity

    @property
    def unprotected(self) -> str:
        """The sentence for a database that lost its guards ("" when it has them all)."""
        return unprotected_sentence(self.missing_guards) if self.missing_guards else ""

    def _stat_file(self) -> tuple[int, int]:
        assert self._db_file is not None
        try:
            st = os.stat(self._db_file)
        except FileNotFoundError:
            raise DatabaseUnavailable(
                say("store.unit_of_work", "The clinic database file is gone from {db_file}: it was moved or deleted. "
                    "Nothing was saved, and what you typed is still on screen; put the file back "
                    "or restore a backup.", db_file=self._db_file)
            ) from None
        except OSError as exc:
            raise DatabaseUnavailable(
                say("store.unit_of_work", "The clinic database file {db_file} cannot be reached ({strerror}). Nothing "
                    "was saved.", db_file=self._db_file, strerror=exc.strerror)
            ) from exc
        if write_protected(st.st_mode):
            self._read_only = True
        else:
            self._read_only = False
        return (st.st_dev, st.st_ino)

    def _check_file(self, *, write: bool) -> None:
        """Before a unit of work on SQLite: the file is still there, still the same, still writable."""
        if self._db_file is None:
            return
        file_id = self._stat_file()
        if self._file_id is not None and file_id != self._file_id:
            raise DatabaseReplaced(
                say("store.unit_of_work", "The clinic database file was replaced by another file since this computer "
                    "connected. Nothing was saved; sign in again to go on with the database as it "
                    "is now.")
            )
        if write and self._read_only:
            raise DatabaseUnavailable(
                say("store.unit_of_work", "The clinic database can no longer be written (its file was made read-only). "
                    "Nothing was saved, and what you typed is still on screen.")
            )

    def _check_database(self, conn: Connection) -> None:
        if self._identity is None:
            return
        now = read_identity(conn)
        if now is None or now.clinic_id != self._identity.clinic_id:
            raise DatabaseReplaced(
                say("store.unit_of_work", "The clinic database was replaced by another one since this computer "
                    "connected. Nothing was saved; sign in again to go on with the database as it "
                    "is now.")
            )
        if now.restore_count != self._identity.restore_count:
            raise DatabaseReplaced(
                say("store.unit_of_work", "The clinic database was restored from a backup since this computer "
                    "connected, so records may have changed under you. Nothing was saved; sign in "
                    "again to go on.")
            )

    def _check(self, conn: Connection, principal: Principal | None) -> None:
        """The database and the account, re-read in one query at the start of every unit of work."""
        if principal is None or self._identity is None:
            self._check_database(conn)
            if principal is not None:
                self._check_account(conn, principal)
            return
        try:
            row = conn.execute(self._check_stmt, {"user_id": principal.user_id}).first()
        except sa.exc.DBAPIError:
            row = None  # no identity table (an empty file where the database was): not this clinic's
        if row is None or row.clinic_id != self._identity.clinic_id or row.restore_count != self._identity.restore_count:
            self._check_database(conn)  # says which: replaced or restored
            raise DatabaseReplaced(say("store.unit_of_work", "The clinic database changed since this computer "
                                       "connected; sign in again."))
        if row.disabled is None or row.disabled or row.role != principal.role.value:
            self._check_account(conn, principal)

    # -- the signed-in account, re-read each time --------------------------------------------

    def _check_account(self, conn: Connection, principal: Principal) -> Principal:
        row = conn.execute(
            sa.select(_account.c.disabled, _account.c.role).where(_account.c.id == principal.user_id)
        ).first()
        if row is None or row.disabled:
            raise AccountChanged(
                say("store.unit_of_work", "Your account was disabled by an administrator, so you have been signed out. "
                    "What you typed is still on screen; ask an administrator if this is a "
                    "mistake.")
            )
        if row.role != principal.role.value:
            raise AccountChanged(
                say("store.unit_of_work", "Your role changed to {label} since you signed in; please sign in again. "
                    "What you typed is still on screen.", label=core_word(UserRole(row.role).label, lower=True))
            )
        return principal

    # -- listeners ----------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        with self._lock:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def publish(self, changes: Changes) -> None:
        if not changes:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:
                log.exception("A change listener failed")

    # -- opening units of work -----------------------------------------------------------------

    def _resolve(self, principal: Any) -> Principal | None:
        return self._principal() if principal is CURRENT else principal

    @contextmanager
    def begin(self, principal: Any = CURRENT, *, check_account: bool = True) -> Iterator[UnitOfWork]:
        """A unit of work that writes; see the module docstring.

        ``principal`` defaults to whoever is signed in; pass ``None`` for work that acts for
        nobody (a failed sign-in, the first administrator, seeding a demo).
        """
        p = self._resolve(principal)
        self._check_file(write=True)
        if self.missing_guards and p is not None and check_account:
            # Bookkeeping still runs (sign-in attempts act for nobody; sign-out and lock skip the
            # account check): it only appends to the trail, which the chain protects without triggers.
            raise DatabaseUnprotected(self.unprotected)
        changes = Changes()
        try:
            with self.engine.begin() as conn:
                self._check(conn, p if check_account else None)
                uow = UnitOfWork(self, conn, p, self.clock.now())
                yield uow
                uow.flush()
                changes = uow.changes
                if changes:
                    conn.execute(
                        _change_log.insert().values(at=uow.now, workstation=self.workstation, changes=changes.to_json())
                    )
                    if self.is_postgres:
                        conn.execute(sa.select(sa.func.pg_notify(NOTIFY_CHANNEL, self.workstation)))
        except sa.exc.OperationalError as exc:
            raise _unavailable(exc) from exc
        self.publish(changes)

    @contextmanager
    def read(self, principal: Any = CURRENT, *, check_account: bool = True) -> Iterator[UnitOfWork]:
        """A read on one connection with the same checks; it changes nothing by itself.

        A service may still record a view in the audit trail from here (its own transaction
        on this connection).
        """
        p = self._resolve(principal)
        self._check_file(write=False)
        try:
            with self.engine.begin() as conn:
                self._check(conn, p if check_account else None)
                yield UnitOfWork(self, conn, p, self.clock.now())
        except sa.exc.OperationalError as exc:
            raise _unavailable(exc) from exc

    # -- the change feed ------------------------------------------------------------------------

    def _prune_change_log(self) -> None:
        try:
            with self.engine.begin() as conn:
                conn.execute(_change_log.delete().where(_change_log.c.at < self.clock.now() - CHANGE_LOG_KEEP))
        except sa.exc.DBAPIError:
            log.info("Could not prune the change feed (read-only database?)")

    def latest_change(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.coalesce(sa.func.max(_change_log.c.seq), 0))).scalar_one())

    def changes_since(self, seq: int) -> tuple[int, Changes]:
        """Changes other workstations committed after ``seq``, and the newest seq seen."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(_change_log.c.seq, _change_log.c.workstation, _change_log.c.changes)
                .where(_change_log.c.seq > seq)
                .order_by(_change_log.c.seq)
            ).all()
        if not rows:
            return seq, Changes()
        theirs = [Changes.from_json(r.changes) for r in rows if r.workstation != self.workstation]
        return int(rows[-1].seq), Changes.union(theirs)


def _unavailable(exc: sa.exc.OperationalError) -> DatabaseUnavailable:
    text = str(getattr(exc, "orig", exc)).lower()
    if "disk" in text and "full" in text or "no space" in text:
        sentence = say("store.unit_of_work", "The disk holding the clinic database is full. Nothing was saved; free "
                       "some space and try again.")
    elif "readonly" in text or "read-only" in text:
        sentence = say("store.unit_of_work", "The clinic database can no longer be written (it was made read-only). "
                       "Nothing was saved.")
    elif "locked" in text or "busy" in text:
        sentence = say("store.unit_of_work", "The clinic database is busy with another workstation's change; try again "
                       "in a moment.")
    else:
        sentence = say("store.unit_of_work", "The clinic database cannot be reached just now. Nothing was saved; try "
                       "again in a moment.")
    return DatabaseUnavailable(sentence)
