"""A clinic's database from an earlier release opens with every row and signed word intact.

``tests/fixtures/schemas`` keeps one database per released schema (as TagStudio does), each
written by that release's own code (``build_fixture.py`` there says how). Each is upgraded to
the newest schema here and compared row by row with what it held; then what matters for
that schema is checked: its accounts still sign in, its audit chain still verifies, its
signed notes are still locked.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from facilitator.store import db

SCHEMAS = Path(__file__).resolve().parents[1] / "fixtures" / "schemas"
FIXTURES = sorted(SCHEMAS.glob("*.sqlite"))
MIGRATIONS = sorted(p.name[:4] for p in (db.MIGRATIONS_DIR / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))
# Who can sign in to each fixture, with what password (synthetic people, published passwords).
SIGN_IN = {"0005": ("facilitator", "demo"), "0008": ("facilitator", "demo"), "0011": ("facilitator", "demo")}
FIXTURE_PASSWORD = "fixture-pass-1"  # build_fixture.py's accounts
NOT_COMPARED = {"alembic_version"}
# Tables a fixture leaves empty, named so the gap stays visible: the 0005 demo clinic was
# written by that release's demo-data, which made no session runs, observations or group formats.
DEMO_WITHOUT_RUNS = {"group_note_format", "note_observation", "run", "run_event", "run_item", "run_player", "run_role"}
KNOWN_EMPTY = {"0005": DEMO_WITHOUT_RUNS, "0008": DEMO_WITHOUT_RUNS, "0011": DEMO_WITHOUT_RUNS}


def _schema_of(fixture: Path) -> str:
    return fixture.name[:4]


def _snapshot(path: Path) -> dict[str, list[dict[str, object]]]:
    engine = sa.create_engine(f"sqlite:///{path}")
    out: dict[str, list[dict[str, object]]] = {}
    with engine.connect() as conn:
        for table in sorted(set(sa.inspect(conn).get_table_names()) - NOT_COMPARED):
            rows = conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY 1").mappings().all()
            out[table] = [dict(r) for r in rows]
    engine.dispose()
    return out


# The schema each release went out with; this release's own migrations (after the last one) need
# no fixture yet. When a release goes out, add its schema here and its fixture database beside
# the others. 0006 and 0007 never went out on their own: the release after 0005 shipped at 0008,
# and the one after it at 0011 (measures, the arc of care, consents and services).
RELEASED_SCHEMAS = ("0001", "0002", "0003", "0004", "0005", "0008", "0011")


def test_every_released_schema_has_a_fixture() -> None:
    assert set(RELEASED_SCHEMAS) <= set(MIGRATIONS), MIGRATIONS
    assert sorted({_schema_of(p) for p in FIXTURES}) == list(RELEASED_SCHEMAS)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_the_fixture_is_at_its_schema_and_has_rows_in_every_table(fixture: Path) -> None:
    engine = sa.create_engine(f"sqlite:///file:{fixture}?mode=ro&uri=true")
    try:
        with engine.connect() as conn:
            assert db.current_revision_on(conn) == _schema_of(fixture)
    finally:
        engine.dispose()
    empty = [t for t, rows in _snapshot(fixture).items() if not rows and t not in KNOWN_EMPTY.get(_schema_of(fixture), ())]
    assert not empty, f"{fixture.name} has no rows in {empty}"


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_an_old_database_upgrades_keeping_every_row_and_signed_word(fixture: Path, tmp_path: Path) -> None:
    schema = _schema_of(fixture)
    path = tmp_path / "clinic.sqlite"
    shutil.copy(fixture, path)
    path.chmod(0o600)
    before = _snapshot(path)
    engine = db.create_engine(f"sqlite:///{path}")
    backup = db.upgrade(engine, tmp_path / "backups")
    if schema != db.head_revision():  # an upgrade copies the old file aside first
        assert backup is not None and Path(backup).exists()
    assert db.current_revision(engine) == db.head_revision()
    engine.dispose()
    after = _snapshot(path)
    for table, rows in before.items():
        assert len(after[table]) == len(rows), table
        for old, new in zip(rows, after[table], strict=True):
            assert {k: new[k] for k in old} == old, (table, old)
    check = sa.create_engine(f"sqlite:///{path}")
    try:
        with check.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM database_identity").scalar_one() == 1
            assert conn.exec_driver_sql("SELECT value FROM clinic_setting WHERE key = 'clinic_name'").scalar_one()
            for table in ("participant", "care_group", "meeting", "attendance", "progress_note"):
                if table in before and "version" not in before[table][0]:  # the versions began at 1
                    assert conn.exec_driver_sql(f"SELECT DISTINCT version FROM {table}").scalars().all() == [1], table
    finally:
        check.dispose()
    if schema >= "0002":
        _accounts_and_audit_survive(path, schema)
    if schema >= "0004":
        _signed_notes_stay_locked(path, before)


def _accounts_and_audit_survive(path: Path, schema: str) -> None:
    from facilitator.core.clock import SystemClock
    from facilitator.store.accounts import AccountService
    from facilitator.store.audit import AuditLog
    from facilitator.store.unit_of_work import Work

    engine = db.create_engine(f"sqlite:///{path}")
    try:
        report = AuditLog.verify_engine(engine)
        assert report.checked > 0
        # The chain itself must be whole. The 0005 demo clinic's notes were signed by its seeding,
        # which wrote no audit entries: verify rightly names those signatures; nothing else may show.
        unaudited = ("the audit trail has no signature", "the audit trail has no co-signature")
        seeded = schema in ("0005", "0008")
        problems = [p for p in report.problems if not (seeded and any(u in p.sentence for u in unaudited))]
        assert not problems, problems
        work = Work(engine, AuditLog(engine, SystemClock()), SystemClock())
        work.connect_identity()
        username, password = SIGN_IN.get(schema, (None, FIXTURE_PASSWORD))
        if username is None:
            with engine.connect() as conn:
                username = conn.exec_driver_sql(
                    "SELECT username FROM user_account WHERE NOT disabled ORDER BY id"
                ).scalars().first()
        principal = AccountService(work).authenticate(username, password)
        assert principal.username == username
        after = AuditLog.verify_engine(engine)  # the sign-in extended the old chain
        assert [p for p in after.problems if not (seeded and any(u in p.sentence for u in unaudited))] == []
    finally:
        engine.dispose()


def _signed_notes_stay_locked(path: Path, before: dict[str, list[dict[str, object]]]) -> None:
    signed = [r for r in before["progress_note"] if r["signed_at"] is not None]
    assert signed, "the fixture holds signed notes"
    assert any(r["cosigned_at"] is not None for r in signed), "and co-signed ones"
    assert before["note_addendum"] and before["note_round"]
    engine = db.create_engine(f"sqlite:///{path}")
    try:
        for note in signed[:3]:
            with engine.begin() as conn, pytest.raises(sa.exc.DBAPIError):
                conn.exec_driver_sql("UPDATE progress_note SET content = '{}' WHERE id = ?", (note["id"],))
            with engine.begin() as conn, pytest.raises(sa.exc.DBAPIError):
                conn.exec_driver_sql("DELETE FROM progress_note WHERE id = ?", (note["id"],))
        with engine.connect() as conn:
            kept = {r.id: r.content for r in conn.exec_driver_sql("SELECT id, content FROM progress_note")}
        assert all(kept[n["id"]] == n["content"] for n in signed)
    finally:
        engine.dispose()
