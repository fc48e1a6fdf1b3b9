"""A clinic's PostgreSQL server: one command makes the roles, the database and the schema, and
the app role the workstations connect as can write rows but never change tables or triggers.

These run against the server in ``FACILITATOR_TEST_DATABASE_URL`` (as a role that may create
roles and databases), each module in a database and two roles of its own, removed afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from facilitator.cli import main
from facilitator.store import db
from facilitator.store.server_setup import ServerPlan, ServerSetupError

SERVER = os.environ.get("FACILITATOR_TEST_DATABASE_URL", "")
needs_server = pytest.mark.skipif(
    not SERVER.startswith("postgresql"),
    reason="roles and grants are PostgreSQL's: set FACILITATOR_TEST_DATABASE_URL to a server where the "
    "test's role may create roles and databases",
)
OWNER_PASSWORD = "owner-Secret-7141"
APP_PASSWORD = "app-Secret-9262"


def _admin() -> sa.Engine:
    return sa.create_engine(SERVER, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)


@pytest.fixture(scope="module")
def plan() -> Iterator[ServerPlan]:
    """A prepared clinic server: its own database and roles, dropped at the end of the module."""
    tag = uuid.uuid4().hex[:8]
    admin = _admin()
    with admin.connect() as conn:
        may = conn.exec_driver_sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").scalar()
    if not may:
        admin.dispose()
        pytest.skip("preparing a server is tested as the server's superuser, and the test server's role is not one")
    plan = ServerPlan(SERVER, f"clinic_d_{tag}", f"clinic_d_owner_{tag}", f"clinic_d_app_{tag}")
    try:
        yield plan
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {plan.database} WITH (FORCE)")
            for role in (plan.app_role, plan.owner_role):
                conn.exec_driver_sql(f"DROP ROLE IF EXISTS {role}")
        admin.dispose()


def _app_url(plan: ServerPlan) -> str:
    return plan.url_for(plan.database, plan.app_role).set(password=APP_PASSWORD).render_as_string(hide_password=False)


def _prepare(plan: ServerPlan, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("FACILITATOR_OWNER_PASSWORD", OWNER_PASSWORD)
    monkeypatch.setenv("FACILITATOR_APP_PASSWORD", APP_PASSWORD)
    return main(["server", "prepare", "--admin-url", SERVER, "--database", plan.database,
                 "--owner-role", plan.owner_role, "--app-role", plan.app_role])


@pytest.fixture(scope="module")
def prepared(plan: ServerPlan) -> ServerPlan:
    from facilitator.store.server_setup import prepare

    prepare(plan, OWNER_PASSWORD, APP_PASSWORD)
    return plan


@needs_server
def test_prepare_makes_the_roles_and_the_database_and_never_shows_a_password(
    plan: ServerPlan, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _prepare(plan, monkeypatch) == 0
    out, err = capsys.readouterr()
    assert f"Created the database {plan.database}, owned by {plan.owner_role}." in out
    assert f"-> {db.head_revision()}" in out and plan.app_url in out
    log_text = "".join(p.read_text(encoding="utf-8") for p in Path(os.environ["FACILITATOR_LOG_DIR"]).glob("*.log*"))
    for secret in (OWNER_PASSWORD, APP_PASSWORD):
        assert secret not in out + err + log_text
    with _admin().connect() as conn:
        roles = {
            r.rolname: r
            for r in conn.execute(
                sa.text("SELECT rolname, rolsuper, rolcanlogin, rolcreatedb, rolcreaterole, rolpassword FROM pg_authid "
                        "WHERE rolname IN (:a, :b)"),
                {"a": plan.owner_role, "b": plan.app_role},
            )
        }
    assert set(roles) == {plan.owner_role, plan.app_role}
    for r in roles.values():
        assert r.rolcanlogin and not (r.rolsuper or r.rolcreatedb or r.rolcreaterole)
        assert r.rolpassword.startswith("SCRAM-SHA-256$")  # hashed on this side; the server never saw the text


@needs_server
def test_the_owner_owns_every_table_and_the_app_role_only_reads_and_writes_rows(prepared: ServerPlan) -> None:
    engine = sa.create_engine(prepared.url_for(prepared.database), poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        owners = set(conn.exec_driver_sql("SELECT tableowner FROM pg_tables WHERE schemaname = 'public'").scalars())
        assert owners == {prepared.owner_role}
        privileges = conn.execute(
            sa.text("SELECT table_name, string_agg(privilege_type, ',' ORDER BY privilege_type) FROM "
                    "information_schema.role_table_grants WHERE grantee = :r GROUP BY table_name"),
            {"r": prepared.app_role},
        ).all()
        tables = set(conn.exec_driver_sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").scalars())
    engine.dispose()
    granted = dict(privileges)
    assert set(granted) == tables
    assert granted.pop("alembic_version") == "SELECT"
    assert set(granted.values()) == {"DELETE,INSERT,SELECT,UPDATE"}  # never TRUNCATE, TRIGGER or REFERENCES


@needs_server
def test_the_app_role_runs_a_clinic_day_but_cannot_change_tables_or_triggers(prepared: ServerPlan) -> None:
    from facilitator.backend import open_backend
    from facilitator.config import AppConfig

    url = _app_url(prepared)
    # Roster, eight weeks of attendance, accounts, and notes in every state: written as the app role.
    assert main(["--database-url", url, "demo-data", "--seed", "7"]) == 0
    backend = open_backend(AppConfig.build(database_url=url))  # the schema is current: no DDL needed to start
    try:
        assert backend.upgrade_backup is None and backend.work is not None and backend.work.identity is not None
    finally:
        backend.dispose()
    app = sa.create_engine(url, poolclass=sa.pool.NullPool)
    refused = [
        "ALTER TABLE progress_note DISABLE TRIGGER progress_note_guard",
        "ALTER TABLE progress_note DISABLE TRIGGER ALL",
        "DROP TRIGGER progress_note_guard ON progress_note",
        "DROP TRIGGER audit_entry_no_change ON audit_entry",
        "ALTER TABLE participant ADD COLUMN nickname text",
        "TRUNCATE progress_note",
        "TRUNCATE audit_entry",
        "CREATE TABLE shadow (id int)",
        "UPDATE alembic_version SET version_num = '0001'",
    ]
    for statement in refused:
        with app.connect() as conn, pytest.raises(sa.exc.ProgrammingError) as caught:
            conn.exec_driver_sql(statement)
        assert "InsufficientPrivilege" in type(caught.value.orig).__name__, statement
    with app.connect() as conn:
        signed = conn.exec_driver_sql("SELECT id FROM progress_note WHERE signed_at IS NOT NULL LIMIT 1").scalar()
        assert signed is not None
        # The triggers still hold against the app itself.
        with pytest.raises(sa.exc.DBAPIError):
            conn.exec_driver_sql(f"UPDATE progress_note SET status = 'draft' WHERE id = {signed}")
        conn.rollback()
        with pytest.raises(sa.exc.DBAPIError):
            conn.exec_driver_sql("DELETE FROM audit_entry")
    app.dispose()


@needs_server
def test_prepare_again_and_upgrade_change_nothing_and_keep_the_grants(
    prepared: ServerPlan, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("FACILITATOR_OWNER_PASSWORD", raising=False)
    monkeypatch.delenv("FACILITATOR_APP_PASSWORD", raising=False)
    args = ["--admin-url", SERVER, "--database", prepared.database, "--owner-role", prepared.owner_role,
            "--app-role", prepared.app_role]
    capsys.readouterr()
    assert main(["server", "prepare", *args]) == 0  # existing roles: no password asked for
    assert main(["server", "upgrade", *args]) == 0
    out = capsys.readouterr().out
    assert f"The owner role {prepared.owner_role} existed; left as it was." in out
    assert out.count(f"already at the newest version ({db.head_revision()})") == 2


@needs_server
def test_a_workstation_behind_the_schema_is_told_the_administrator_must_upgrade(prepared: ServerPlan) -> None:
    from facilitator.store import db

    owner = sa.create_engine(prepared.url_for(prepared.database), poolclass=sa.pool.NullPool)
    with owner.begin() as conn:
        head = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one()
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0005'")
    try:
        app = db.create_engine(_app_url(prepared))
        with pytest.raises(db.DatabaseError) as caught:
            db.upgrade(app)
        app.dispose()
        message = str(caught.value)
        assert "facilitator server upgrade" in message and "administrator" in message
        assert message.count(".") >= 1 and "\n" not in message
    finally:
        with owner.begin() as conn:
            conn.execute(sa.text("UPDATE alembic_version SET version_num = :h"), {"h": head})
        owner.dispose()


@needs_server
def test_a_database_owned_by_someone_else_is_refused(prepared: ServerPlan) -> None:
    from facilitator.store.server_setup import prepare

    other = ServerPlan(SERVER, prepared.database, prepared.app_role, f"{prepared.app_role}_x")
    with pytest.raises(ServerSetupError, match="belongs to"):
        prepare(other)
    with _admin().connect() as conn:  # refused before anything was made
        assert conn.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": other.app_role}).first() is None


def test_names_and_addresses_are_checked_before_anything_is_done() -> None:
    with pytest.raises(ServerSetupError, match="lowercase letters"):
        ServerPlan("postgresql+psycopg://postgres@db/postgres", "clinic; drop", "o", "a")
    with pytest.raises(ServerSetupError, match="two different roles"):
        ServerPlan("postgresql+psycopg://postgres@db/postgres", "clinic", "same", "same")
    with pytest.raises(ServerSetupError, match="PostgreSQL address"):
        ServerPlan("sqlite:///clinic.sqlite", "clinic", "o", "a")


def test_prepare_without_a_server_says_how(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACILITATOR_ADMIN_URL", raising=False)
    assert main(["server", "prepare"]) == 2
    assert "--admin-url" in capsys.readouterr().err


def _readme_server_commands() -> list[list[str]]:
    import re
    import shlex

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### A clinic with several workstations", 1)[1].split("\n### ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    return [shlex.split(line)[1:] for block in blocks for line in block.splitlines() if line.startswith("facilitator")]


def test_the_readmes_server_commands_are_the_commands_there_are() -> None:
    from facilitator.cli import build_parser

    commands = _readme_server_commands()
    assert [c[0] if c[0] == "server" else c[0] for c in commands] == ["server", "--database-url", "server"]
    for argv in commands:
        build_parser().parse_args(argv)  # an unknown option or action exits with a usage error


@needs_server
def test_the_readmes_server_commands_run_as_written(plan: ServerPlan, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's commands, with this test server's address and this module's names put in."""
    from facilitator.backend import open_backend
    from facilitator.config import AppConfig

    names = {"facilitator_owner": plan.owner_role, "facilitator_app": plan.app_role}
    monkeypatch.setenv("FACILITATOR_OWNER_PASSWORD", OWNER_PASSWORD)
    monkeypatch.setenv("FACILITATOR_APP_PASSWORD", APP_PASSWORD)
    for argv in _readme_server_commands():
        argv = [names.get(a, a) for a in argv]
        argv = [plan.database if a == "facilitator" else a for a in argv]
        argv = [SERVER if a == "postgresql+psycopg://postgres@dbhost/postgres" else a for a in argv]
        if argv[0] == "--database-url":
            # The workstation's address names the app role and the database the commands made.
            readme_url = sa.make_url(argv[1])
            assert (names[readme_url.username], readme_url.database) == (plan.app_role, "facilitator")
            backend = open_backend(AppConfig.build(database_url=_app_url(plan)))  # the same, on this server
            backend.dispose()
            continue
        assert main(argv) == 0, argv


@needs_server
def test_an_empty_database_the_app_role_cannot_fill_says_prepare(prepared: ServerPlan) -> None:
    from facilitator.store import db

    admin = _admin()
    empty = f"{prepared.database}_empty"
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {empty} OWNER {prepared.owner_role}")
    try:
        app = db.create_engine(
            prepared.url_for(empty, prepared.app_role).set(password=APP_PASSWORD).render_as_string(hide_password=False)
        )
        with pytest.raises(db.DatabaseError, match="facilitator server prepare"):
            db.upgrade(app)
        app.dispose()
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE {empty} WITH (FORCE)")
        admin.dispose()
