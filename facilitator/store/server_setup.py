"""A clinic's PostgreSQL server, prepared once: two roles, one database, the schema.

Two roles, so that the program every workstation runs can change rows but never the rules
that protect them:

- the **owner** role owns the database and every table, trigger and function in it; the
  migrations run as this role (``SET ROLE`` from the administrator's connection), now and at
  every upgrade;
- the **app** role is what the workstations connect as. It may SELECT, INSERT, UPDATE and
  DELETE rows and use the sequences, and nothing else: it cannot ALTER a table, drop or
  disable a trigger (only a table's owner may), TRUNCATE, or create anything. The triggers
  that lock signed notes and keep the audit trail append-only therefore hold against the app
  itself.

Default privileges make tables that later migrations create (as the owner) readable and
writable by the app role as well. Passwords are hashed by libpq on this computer
(SCRAM-SHA-256) before they are sent, so they appear in no server log; they are never
printed or logged here.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from facilitator.core.catalogue import say

from ..core.changes import UserFacingError

log = logging.getLogger(__name__)

APP_TABLE_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE"
APP_SEQUENCE_PRIVILEGES = "USAGE"
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class ServerSetupError(UserFacingError):
    """The server cannot be prepared or upgraded as asked; the message is one sentence."""


@dataclass(frozen=True)
class ServerPlan:
    """What to prepare: where the server is (an administrator's URL) and the names to use."""

    admin_url: str
    database: str
    owner_role: str
    app_role: str

    def __post_init__(self) -> None:
        for what, name in (("database", self.database), ("owner role", self.owner_role), ("app role", self.app_role)):
            if not _NAME.match(name):
                raise ServerSetupError(
                    say("store.server_setup", "The {what} name {name!r} must be lowercase letters, digits and "
                        "underscores, starting with a letter or underscore.", what=what, name=name)
                )
        if self.owner_role == self.app_role:
            raise ServerSetupError(say("store.server_setup", "The owner role and the app role must be two different "
                                       "roles."))
        try:
            url = sa.make_url(self.admin_url)
        except sa.exc.ArgumentError as exc:
            raise ServerSetupError(say("store.server_setup", "The server address {admin_url!r} is not a valid URL.",
                                       admin_url=self.admin_url)) from exc
        if url.get_backend_name() != "postgresql":
            raise ServerSetupError(say("store.server_setup", "Preparing a server needs a PostgreSQL address "
                                       "(postgresql+psycopg://...)."))

    def url_for(self, database: str, username: str | None = None) -> sa.URL:
        url = sa.make_url(self.admin_url).set(database=database)
        if username is not None:
            url = url.set(username=username, password=None)
        return url

    @property
    def app_url(self) -> str:
        """The address workstations use: the app role, no password (it comes from ~/.pgpass or PGPASSWORD)."""
        return self.url_for(self.database, self.app_role).render_as_string(hide_password=False)

    @property
    def owner_url(self) -> str:
        return self.url_for(self.database, self.owner_role).render_as_string(hide_password=False)


@dataclass
class PrepareReport:
    """What ``prepare`` did, in sentences for the administrator (no passwords in them)."""

    steps: list[str] = field(default_factory=list)
    revision: str | None = None


Say = Callable[[str], None]


def _engine(url: sa.URL | str) -> sa.Engine:
    return sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)


def _connect(url: sa.URL | str) -> tuple[sa.Engine, Connection]:
    engine = _engine(url)
    try:
        return engine, engine.connect()
    except sa.exc.OperationalError as exc:
        engine.dispose()
        first_line = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise ServerSetupError(say("store.server_setup", "Cannot connect to the server: {first_line}.",
                                   first_line=first_line)) from None


def _quote(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote(name)


def _password_clause(conn: Connection, role: str, password: str) -> str:
    """``PASSWORD '<SCRAM verifier>'``, computed here: the clear text never leaves this computer."""
    from psycopg import sql

    driver = conn.connection.driver_connection
    encrypted: bytes = driver.pgconn.encrypt_password(password.encode(), role.encode())  # type: ignore[union-attr]
    return "PASSWORD " + sql.Literal(encrypted.decode()).as_string(driver)


def _role_exists(conn: Connection, role: str) -> bool:
    return conn.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first() is not None


def _database_owner(conn: Connection, database: str) -> str | None:
    return conn.execute(
        sa.text("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = :d"), {"d": database}
    ).scalar()


def _ensure_role(conn: Connection, role: str, password: str | None, report: PrepareReport, what: str) -> None:
    q = _quote(conn, role)
    if _role_exists(conn, role):
        if password:
            conn.exec_driver_sql(f"ALTER ROLE {q} WITH LOGIN {_password_clause(conn, role, password)}")
            report.steps.append(f"The {what} {role} existed; its password was changed.")
        else:
            report.steps.append(f"The {what} {role} existed; left as it was.")
        return
    # NOSUPERUSER etc. are the defaults, spelled out so a reader need not know them.
    options = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"
    if password:
        conn.exec_driver_sql(f"CREATE ROLE {q} WITH {options} {_password_clause(conn, role, password)}")
    else:
        conn.exec_driver_sql(f"CREATE ROLE {q} WITH {options}")
    report.steps.append(f"Created the {what} {role}.")


def roles_needing_passwords(plan: ServerPlan) -> list[str]:
    """The roles ``prepare`` would create (and so needs passwords for): new roles only."""
    engine, conn = _connect(plan.admin_url)
    try:
        return [r for r in (plan.owner_role, plan.app_role) if not _role_exists(conn, r)]
    finally:
        conn.close()
        engine.dispose()


def prepare(
    plan: ServerPlan,
    owner_password: str | None = None,
    app_password: str | None = None,
) -> PrepareReport:
    """Create what is missing (roles, database), migrate as the owner, grant the app role its rows.

    Safe to run again: what exists is kept (a role's password changes only when one is
    given), and the grants are made again.
    """
    report = PrepareReport()
    engine, conn = _connect(plan.admin_url)
    try:
        owner = _database_owner(conn, plan.database)
        if owner is not None and owner != plan.owner_role:
            raise ServerSetupError(
                say("store.server_setup", "The database {database} already exists and belongs to {owner}, not to "
                    "{owner_role}; choose another database name or give --owner-role the role "
                    "that owns it.", database=plan.database, owner=owner, owner_role=plan.owner_role)
            )
        _ensure_role(conn, plan.owner_role, owner_password, report, "owner role")
        _ensure_role(conn, plan.app_role, app_password, report, "app role")
        db_q, owner_q = _quote(conn, plan.database), _quote(conn, plan.owner_role)
        if owner is None:
            conn.exec_driver_sql(f"CREATE DATABASE {db_q} OWNER {owner_q} ENCODING 'UTF8' TEMPLATE template0")
            report.steps.append(f"Created the database {plan.database}, owned by {plan.owner_role}.")
        else:
            report.steps.append(f"The database {plan.database} existed, owned by {plan.owner_role}.")
        app_q = _quote(conn, plan.app_role)
        # Nobody but the two roles (and superusers) may connect.
        conn.exec_driver_sql(f"REVOKE ALL ON DATABASE {db_q} FROM PUBLIC")
        conn.exec_driver_sql(f"GRANT CONNECT, TEMPORARY ON DATABASE {db_q} TO {app_q}")
    finally:
        conn.close()
        engine.dispose()
    report.revision = upgrade(plan, report)
    return report


def upgrade(plan: ServerPlan, report: PrepareReport | None = None) -> str:
    """Bring the schema to the newest version as the owner role, then grant the app role its rows."""
    from . import db

    report = report if report is not None else PrepareReport()
    engine = sa.create_engine(plan.url_for(plan.database), poolclass=sa.pool.NullPool)
    try:
        try:
            conn = engine.connect()
        except sa.exc.OperationalError as exc:
            first_line = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise ServerSetupError(say("store.server_setup", "Cannot connect to the database {database}: {first_line}.",
                                       database=plan.database, first_line=first_line)) from None
        with conn:
            _schema_for_owner_only(conn)
            owner = _database_owner(conn, plan.database)
            if owner != plan.owner_role:
                raise ServerSetupError(
                    say("store.server_setup", "The database {database} belongs to {owner}, not to {owner_role}; run "
                        "'facilitator server prepare' first, or name its owner with --owner-role.",
                        database=plan.database, owner=owner, owner_role=plan.owner_role)
                )
            try:
                conn.exec_driver_sql(f"SET ROLE {_quote(conn, plan.owner_role)}")
            except sa.exc.ProgrammingError:
                raise ServerSetupError(
                    say("store.server_setup", "The account in the server address may not act as {owner_role}; use the "
                        "server's administrator (e.g. postgres) or {owner_role} itself.", owner_role=plan.owner_role)
                ) from None
            conn.commit()
            before = db.current_revision_on(conn)
            db.upgrade_on(conn)
            after = db.current_revision_on(conn)
            _grant_app_role(conn, plan)
            conn.commit()
    finally:
        engine.dispose()
    if before == after:
        report.steps.append(f"The schema was already at the newest version ({after}).")
    else:
        report.steps.append(f"Migrated the schema as {plan.owner_role}: {before or 'empty'} -> {after}.")
    report.steps.append(
        f"The app role {plan.app_role} may read and write rows ({APP_TABLE_PRIVILEGES}) and use sequences; "
        "it cannot change tables or triggers."
    )
    assert after is not None
    return after


def _schema_for_owner_only(conn: Connection) -> None:
    """Only the owner creates objects in ``public`` (PostgreSQL before 15 let everyone)."""
    conn.exec_driver_sql("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    conn.commit()


def _grant_app_role(conn: Connection, plan: ServerPlan) -> None:
    app, owner = _quote(conn, plan.app_role), _quote(conn, plan.owner_role)
    for statement in (
        f"GRANT USAGE ON SCHEMA public TO {app}",
        f"GRANT {APP_TABLE_PRIVILEGES} ON ALL TABLES IN SCHEMA public TO {app}",
        f"GRANT {APP_SEQUENCE_PRIVILEGES} ON ALL SEQUENCES IN SCHEMA public TO {app}",
        # The schema's version is the migrations' business: the app reads it, never writes it.
        f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {app}",
        # Tables and sequences that later migrations create as the owner.
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public GRANT {APP_TABLE_PRIVILEGES} ON TABLES TO {app}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
        f"GRANT {APP_SEQUENCE_PRIVILEGES} ON SEQUENCES TO {app}",
    ):
        conn.exec_driver_sql(statement)
