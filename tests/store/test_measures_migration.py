"""Migration 0009: an 0008 clinic upgrades with every row kept; the new tables match their models."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from facilitator.core.clock import FakeClock
from facilitator.store import db

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "schemas" / "0008-demo-clinic.sqlite"
MEASURE_TABLES = ("check_in", "questionnaire", "drug_screen", "drug_screen_result", "mutual_help", "safety_flag")


def _counts(engine: sa.Engine) -> dict[str, int]:
    with engine.connect() as conn:
        tables = sorted(set(sa.inspect(conn).get_table_names()) - {"alembic_version"})
        return {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar_one() for t in tables}


@pytest.mark.sqlite_file
def test_an_0008_clinic_upgrades_keeping_every_row_and_takes_measures(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite"
    shutil.copy(FIXTURE, path)
    path.chmod(0o600)
    engine = db.create_engine(f"sqlite:///{path}")
    try:
        before = _counts(engine)
        assert db.current_revision(engine) == "0008"
        db.upgrade(engine, tmp_path / "backups")
        assert db.current_revision(engine) == db.head_revision()
        after = _counts(engine)
        assert {t: after[t] for t in before} == before, "no existing row is lost or added"
        assert {t: after[t] for t in MEASURE_TABLES} == dict.fromkeys(MEASURE_TABLES, 0)
        with engine.connect() as conn:
            participant, start = conn.exec_driver_sql(
                "SELECT p.id, min(e.start_date) FROM participant p JOIN enrollment e ON e.participant_id = p.id "
                "WHERE p.status = 'active' GROUP BY p.id ORDER BY p.id LIMIT 1"
            ).one()
        from facilitator.store.access import SETUP
        from facilitator.store.audit import AuditLog
        from facilitator.store.measures import MeasuresService
        from facilitator.store.unit_of_work import Work

        day = date.fromisoformat(str(start)) + timedelta(days=1)
        clock = FakeClock(datetime.combine(day + timedelta(days=30), time(12), UTC))
        work = Work(engine, AuditLog(engine, clock), clock)
        work.connect_identity()
        service = MeasuresService(work).acting_as(SETUP)
        record = service.record_questionnaire(participant, "PHQ-9", "111111110", day)
        assert record.total == 8
        with pytest.raises(sa.exc.DBAPIError, match="cannot be changed"), engine.begin() as conn:
            conn.exec_driver_sql("UPDATE questionnaire SET total = 1")
    finally:
        engine.dispose()


def test_the_measure_tables_match_their_migration(engine) -> None:  # type: ignore[no-untyped-def]
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlmodel import SQLModel

    import facilitator.store.models  # noqa: F401

    def ours(diff: object) -> bool:
        text = repr(diff)
        return any(f"'{t}'" in text or f"Table('{t}'" in text for t in MEASURE_TABLES)

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = [d for d in compare_metadata(context, SQLModel.metadata) if ours(d)]
    assert diffs == []


def test_the_database_refuses_out_of_range_measures(engine) -> None:  # type: ignore[no-untyped-def]
    """What core refuses with a sentence, the database refuses too (a tool, a bug)."""
    now = "2026-11-02 00:00:00+00:00"
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO participant (record_number, preferred_name, legal_name, program_start, audience, language, "
            "large_print, status, created_at, updated_at, version) VALUES ('X-1', 'X', 'X Y', '2026-09-01', "
            f"'adult', 'en', false, 'active', '{now}', '{now}', 1)"
        )
        pid = conn.exec_driver_sql("SELECT id FROM participant").scalar_one()
    bad = [
        f"INSERT INTO questionnaire (participant_id, instrument, taken_on, answers, total, severity, mode, recorded_at, "
        f"error_reason) VALUES ({pid}, 'PHQ-9', '2026-11-01', '333333333', 28, 'severe', 'in app', '{now}', '')",
        f"INSERT INTO questionnaire (participant_id, instrument, taken_on, answers, total, severity, mode, recorded_at, "
        f"error_reason) VALUES ({pid}, 'BDI', '2026-11-01', '0', 0, 'minimal', 'in app', '{now}', '')",
        f"INSERT INTO mutual_help (participant_id, week_of, meetings, kind, recorded_at, error_reason) "
        f"VALUES ({pid}, '2026-10-26', 51, '12-step', '{now}', '')",
        f"INSERT INTO mutual_help (participant_id, week_of, meetings, kind, recorded_at, error_reason) "
        f"VALUES ({pid}, '1850-10-26', 1, '12-step', '{now}', '')",
        f"INSERT INTO drug_screen (participant_id, collected_on, specimen, observed, panel, expected, source, "
        f"lab_reference, recorded_at, error_reason) VALUES ({pid}, '2026-10-26', 'blood', true, '', '', 'clinic', '', "
        f"'{now}', '')",
    ]
    for statement in bad:
        with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
            conn.exec_driver_sql(statement)
    assert _counts(engine)["questionnaire"] == 0
