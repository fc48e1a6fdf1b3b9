"""The care migration on a released clinic: every row kept, the new tables empty and locked like notes."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from facilitator.store import db

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "schemas" / "0008-demo-clinic.sqlite"


def _counts(conn: sa.Connection) -> dict[str, int]:
    tables = sorted(set(sa.inspect(conn).get_table_names()) - {"alembic_version"})
    return {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar_one() for t in tables}


@pytest.mark.sqlite_file
def test_the_released_demo_clinic_upgrades_with_every_row_and_locked_care_tables(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite"
    shutil.copy(FIXTURE, path)
    path.chmod(0o600)
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        before = _counts(conn)
    engine.dispose()
    engine = db.create_engine(f"sqlite:///{path}")
    db.upgrade(engine, tmp_path / "backups")
    with engine.connect() as conn:
        after = _counts(conn)
    assert {t: after[t] for t in before} == before
    assert after["level_of_care_change"] == after["discharge"] == after["aftercare_plan"] == 0
    now = datetime(2026, 11, 26, tzinfo=UTC)
    with engine.begin() as conn:
        pid, uid = conn.exec_driver_sql("SELECT min(p.id), min(u.id) FROM participant p, user_account u").one()
        conn.exec_driver_sql(
            "INSERT INTO level_of_care_change (participant_id, level, effective_date, reason, decided_by, recorded_at, "
            "error_reason) VALUES (?, 'outpatient', ?, 'Milestones met', 'Team', ?, '')", (pid, date(2026, 11, 2), now))
        conn.exec_driver_sql(
            "INSERT INTO discharge (participant_id, discharge_type, discharge_date, author_id, content, status, round, "
            "created_at, updated_at, signed_at, signer_name, signer_credentials, cosigner_name, cosigner_credentials, "
            "return_comment, version) VALUES (?, 'completed', ?, ?, '{}', 'signed', 1, ?, ?, ?, 'A B', '', '', '', '', 1)",
            (pid, date(2026, 11, 20), uid, now, now, now))
    for statement in ("UPDATE level_of_care_change SET reason = 'x'", "DELETE FROM level_of_care_change",
                      "UPDATE discharge SET content = '{\"course\": \"x\"}'", "UPDATE discharge SET status = 'draft'",
                      "DELETE FROM discharge"):
        with pytest.raises(sa.exc.DBAPIError), engine.begin() as conn:
            conn.exec_driver_sql(statement)
    with engine.begin() as conn:  # marking a level change entered in error, once, is the one change allowed
        conn.exec_driver_sql("UPDATE level_of_care_change SET error_at = ?, error_reason = 'wrong person'", (now,))
    with pytest.raises(sa.exc.DBAPIError), engine.begin() as conn:
        conn.exec_driver_sql("UPDATE level_of_care_change SET error_reason = 'changed my mind'")
    engine.dispose()
