"""Shared fixtures. Qt runs offscreen; every test gets its own data and log folders."""

from __future__ import annotations

import os
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


@pytest.fixture
def config(tmp_path: Path) -> AppConfig:
    return AppConfig.build(data_dir=tmp_path / "data", log_dir=tmp_path / "logs", environ={})


TEST_SERVER_ENV = "FACILITATOR_TEST_DATABASE_URL"


@pytest.fixture
def engine(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A migrated database, fresh for each test.

    SQLite in a file (WAL needs a file) by default. With ``FACILITATOR_TEST_DATABASE_URL``
    set to a PostgreSQL database, the same tests run there instead: its ``public`` schema is
    dropped and rebuilt from the migrations for every test. Use a database kept for tests.
    """
    from facilitator.store import db

    server = os.environ.get(TEST_SERVER_ENV)
    if server:
        import sqlalchemy as sa

        reset = sa.create_engine(server)
        with reset.begin() as conn:
            # A connection an earlier test left open would hold its locks and block the drop.
            conn.exec_driver_sql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            conn.exec_driver_sql("DROP SCHEMA public CASCADE")
            conn.exec_driver_sql("CREATE SCHEMA public")
        reset.dispose()
        eng = db.create_engine(server)
    else:
        eng = db.create_engine(f"sqlite:///{tmp_path / 'test.sqlite'}")
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
