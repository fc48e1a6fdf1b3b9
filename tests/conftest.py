"""Shared fixtures. Qt runs offscreen; every test gets its own data and log folders."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from facilitator.config import AppConfig  # noqa: E402
from facilitator.core.library import Library, load_library  # noqa: E402
from facilitator.paths import shipped_curricula_dir  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Never touch the real user folders or an outside database from a test.

    The environment variables cover ``AppConfig.build()``; a test that builds its config
    with ``environ={}`` and no ``log_dir`` would still reach the platform's user folders, so
    those defaults point into the test's own folder too. The log handler one test sets up is
    taken down after it, so the next test's log lines never land in another test's folder.
    """
    from facilitator import config as config_module
    from facilitator import logs, paths

    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("FACILITATOR_LOG_DIR", str(home / "logs"))
    monkeypatch.delenv("FACILITATOR_DATABASE_URL", raising=False)
    for module in (paths, config_module):
        monkeypatch.setattr(module, "default_data_dir", lambda: home / "default-data")
        monkeypatch.setattr(module, "default_log_dir", lambda: home / "default-logs")
    yield
    logs.reset_logging()


TEST_SERVER_ENV = "FACILITATOR_TEST_DATABASE_URL"
SQLITE_FILE_MARK = "sqlite_file"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{SQLITE_FILE_MARK}: the test is about SQLite files (backup, restore, the file itself); "
        f"it keeps SQLite even when {TEST_SERVER_ENV} names a PostgreSQL server",
    )


def server_url_for_tests() -> str:
    """The PostgreSQL database the suite runs on, or '' for SQLite."""
    return os.environ.get(TEST_SERVER_ENV, "")



def reset_test_server(url: str) -> None:
    """Empty the test server's ``public`` schema (the migrations rebuild it).

    A connection still open from an earlier test would hold locks and block the drop: the
    fixtures dispose their engines, and anything left over is named in the log and ended.
    """
    import logging

    import sqlalchemy as sa

    reset = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with reset.begin() as conn:
            conn.exec_driver_sql("SET LOCAL lock_timeout = '20s'")
            left = conn.exec_driver_sql(
                "SELECT pid, application_name, state, left(query, 80) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
            ).all()
            if left:
                logging.getLogger(__name__).info("Ending connections an earlier test left open: %s", left)
                conn.exec_driver_sql(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            conn.exec_driver_sql("DROP SCHEMA public CASCADE")
            conn.exec_driver_sql("CREATE SCHEMA public")
    finally:
        reset.dispose()


@pytest.fixture
def clinic_database_url(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """The clinic database a test's backend and commands open.

    SQLite in the test's data folder by default (and for tests marked ``sqlite_file``). With
    ``FACILITATOR_TEST_DATABASE_URL`` set, that PostgreSQL database, emptied for this test;
    ``FACILITATOR_DATABASE_URL`` then points at it too, so commands run through ``main()``
    open the same database as the test's backend.
    """
    server = server_url_for_tests()
    if server and request.node.get_closest_marker(SQLITE_FILE_MARK) is None:
        reset_test_server(server)
        monkeypatch.setenv("FACILITATOR_DATABASE_URL", server)
        yield server
        # Torn down after the engines and backends the test built. A connection still open here
        # (a pooled one whose engine is not yet collected) would block the next test's reset:
        # end it, and say so in the log. The next reset ends any that slip past too.
        _end_connections(server)
        return
    yield f"sqlite:///{tmp_path / 'data' / 'facilitator.sqlite'}"


def _end_connections(url: str) -> None:
    """End the connections a test left to the test database (named in the log), without waiting."""
    import sqlalchemy as sa

    probe = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with probe.begin() as conn:
            ended = conn.exec_driver_sql(
                "SELECT pid, state FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
            ).all()
            for pid, _state in ended:
                conn.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    finally:
        probe.dispose()
    if ended:
        logging.getLogger(__name__).info("Ended %d connection(s) a test left open: %s", len(ended), ended)


@pytest.fixture
def config(tmp_path: Path, clinic_database_url: str) -> AppConfig:
    return AppConfig.build(
        data_dir=tmp_path / "data", log_dir=tmp_path / "logs", database_url=clinic_database_url, environ={}
    )


@pytest.fixture
def engine(tmp_path: Path, clinic_database_url: str):  # type: ignore[no-untyped-def]
    """A migrated database, fresh for each test.

    SQLite in a file (WAL needs a file) by default. With ``FACILITATOR_TEST_DATABASE_URL``
    set to a PostgreSQL database, the same tests run there instead: its ``public`` schema is
    dropped and rebuilt from the migrations for every test (once, shared with ``config``).
    Use a database kept for tests.
    """
    from facilitator.store import db

    if db.is_sqlite(clinic_database_url):
        eng = db.create_engine(f"sqlite:///{tmp_path / 'test.sqlite'}")
    else:
        eng = db.create_engine(clinic_database_url)
    db.upgrade(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def sqlite_engine(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A migrated SQLite file, whatever FACILITATOR_TEST_DATABASE_URL says: for what only
    SQLite does (the online backup, a second process opening the same file)."""
    from facilitator.store import db

    eng = db.create_engine(f"sqlite:///{tmp_path / 'test.sqlite'}")
    db.upgrade(eng)
    yield eng
    eng.dispose()


@pytest.fixture(scope="session")
def shipped_library() -> Library:
    return load_library(shipped_curricula_dir())


@pytest.fixture
def example_path() -> Path:
    return FIXTURES / "format-example.yaml"
