"""The database refuses what core refuses: over-long text and dates outside 1900–2100.

Rows stored before the limits existed are kept as they were (the upgrade changes no row).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

from facilitator.core import limits
from facilitator.store import db

NOW = datetime(2026, 3, 2, tzinfo=UTC)


def _participant(record: str, **values: object) -> dict[str, object]:
    row: dict[str, object] = {
        "record_number": record, "preferred_name": "Ann", "legal_name": "Ann Legal", "program_start": date(2026, 3, 2),
        "audience": "adult", "language": "en", "large_print": False, "status": "active",
        "created_at": NOW, "updated_at": NOW,
    }
    row.update(values)
    return row


def _insert(conn: sa.Connection, row: dict[str, object]) -> None:
    from facilitator.store.models import Participant

    conn.execute(sa.insert(Participant.__table__).values(**row))  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "values",
    [
        {"preferred_name": "x" * (limits.PREFERRED_NAME.max_chars + 1)},
        {"legal_name": "y" * (limits.LEGAL_NAME.max_chars + 1)},
        {"record_number": "9" * (limits.RECORD_NUMBER.max_chars + 1)},
        {"date_of_birth": date(1, 1, 1)},
        {"program_start": date(9999, 12, 31)},
    ],
    ids=["preferred name", "legal name", "record number", "birth in year 1", "start in 9999"],
)
def test_the_database_refuses_what_core_refuses(engine: sa.Engine, values: dict[str, object]) -> None:
    with pytest.raises(sa.exc.DBAPIError), engine.begin() as conn:
        _insert(conn, _participant("R-1", **values))
    with engine.begin() as conn:
        _insert(conn, _participant("R-2", preferred_name="x" * limits.PREFERRED_NAME.max_chars,
                                   date_of_birth=date(1900, 1, 1)))
        with pytest.raises(sa.exc.DBAPIError), conn.begin_nested():
            conn.execute(sa.text("UPDATE participant SET legal_name = :v WHERE record_number = 'R-2'"),
                         {"v": "z" * (limits.LEGAL_NAME.max_chars + 1)})
        assert conn.execute(sa.text("SELECT count(*) FROM participant")).scalar_one() == 1


def test_long_note_text_and_observations_are_refused_too(engine: sa.Engine) -> None:
    names = {(t, c) for t, c in limits.DATABASE_TEXT_LIMITS}
    assert {("note_observation", "text"), ("progress_note", "content"), ("note_addendum", "text")} <= names
    inspector = sa.inspect(engine)
    for table, column in names | set(limits.DATABASE_DATE_COLUMNS):
        assert column in {c["name"] for c in inspector.get_columns(table)}, (table, column)


def test_the_upgrade_keeps_rows_stored_before_the_limits(engine_at_0006: sa.Engine) -> None:
    # PostgreSQL always held VARCHAR lengths; SQLite did not, so an old SQLite row may be long.
    long = 300 if engine_at_0006.dialect.name == "sqlite" else limits.PREFERRED_NAME.max_chars
    with engine_at_0006.begin() as conn:
        _insert(conn, _participant("OLD-1", preferred_name="n" * long, date_of_birth=date(1, 1, 1)))
    db.upgrade(engine_at_0006)
    assert db.current_revision(engine_at_0006) == db.head_revision()
    with engine_at_0006.connect() as conn:
        row = conn.execute(sa.text("SELECT preferred_name, date_of_birth FROM participant")).one()
    assert len(row[0]) == long and str(row[1]).startswith("0001-01-01")
    with pytest.raises(sa.exc.DBAPIError), engine_at_0006.begin() as conn:
        _insert(conn, _participant("NEW-1", date_of_birth=date(1, 1, 1)))


@pytest.fixture
def engine_at_0006(tmp_path, request):  # type: ignore[no-untyped-def]
    """A fresh database at schema 0006 (before the limits), on the test server when one is set."""
    import os

    from alembic import command

    server = os.environ.get("FACILITATOR_TEST_DATABASE_URL")
    if server:
        reset = sa.create_engine(server)
        with reset.begin() as conn:
            conn.exec_driver_sql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            conn.exec_driver_sql("DROP SCHEMA public CASCADE")
            conn.exec_driver_sql("CREATE SCHEMA public")
        reset.dispose()
        eng = db.create_engine(server)
    else:
        eng = db.create_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    with eng.begin() as conn:
        command.upgrade(db._alembic_config(conn), "0006")
    yield eng
    eng.dispose()
