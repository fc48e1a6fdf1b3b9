"""A clinic's database from an earlier release opens with every row and signed word intact.

``tests/fixtures/schemas`` keeps one database per released schema (as TagStudio does), each
written by that release's own code. Each is upgraded to the newest schema here and compared
row by row with what it held.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from facilitator.store import db

SCHEMAS = Path(__file__).resolve().parents[1] / "fixtures" / "schemas"
FIXTURES = sorted(SCHEMAS.glob("*.sqlite"))
# Tables whose rows an upgrade must keep exactly (columns that existed before, value for value).
KEPT = ("participant", "care_group", "meeting", "attendance", "progress_note", "note_round", "note_addendum",
        "audit_entry", "audit_head", "user_account", "enrollment", "clinic_setting")


def _snapshot(path: Path) -> dict[str, list[dict[str, object]]]:
    engine = sa.create_engine(f"sqlite:///{path}")
    out: dict[str, list[dict[str, object]]] = {}
    with engine.connect() as conn:
        names = set(sa.inspect(conn).get_table_names())
        for table in KEPT:
            if table in names:
                rows = conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY 1").mappings().all()
                out[table] = [dict(r) for r in rows]
    engine.dispose()
    return out


def test_there_is_a_fixture_for_the_last_released_schema() -> None:
    assert any(p.name.startswith("0005-") for p in FIXTURES)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_an_old_database_upgrades_keeping_every_row_and_signed_word(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite"
    shutil.copy(fixture, path)
    before = _snapshot(path)
    engine = db.create_engine(f"sqlite:///{path}")
    backup = db.upgrade(engine, tmp_path / "backups")
    assert backup is not None and Path(backup).exists()
    assert db.current_revision(engine) == db.head_revision()
    engine.dispose()
    after = _snapshot(path)
    for table, rows in before.items():
        assert len(after[table]) == len(rows), table
        for old, new in zip(rows, after[table], strict=True):
            assert {k: new[k] for k in old} == old, (table, old)
    signed = [r for r in before.get("progress_note", []) if r["signed_at"] is not None]
    assert signed, "the fixture holds signed notes"
    with sa.create_engine(f"sqlite:///{path}").connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM database_identity").scalar_one() == 1
        assert conn.exec_driver_sql("SELECT min(version) FROM progress_note").scalar_one() == 1
