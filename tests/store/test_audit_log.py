"""The audit trail in the database: append-only, chained, caught when tampered with."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from facilitator.core.audit import AuditAction
from facilitator.core.clock import FakeClock
from facilitator.core.permissions import PermissionDenied, Principal, UserRole
from facilitator.store.audit import AuditFilter, AuditLog

ADMIN = Principal(1, "admin", "Avery Admin", UserRole.ADMINISTRATOR)
SUPERVISOR = Principal(2, "sam", "Sam Super", UserRole.SUPERVISOR, "LCSW")
FACILITATOR = Principal(3, "fay", "Fay Lead", UserRole.FACILITATOR, "CADC", staff_id=7)


@pytest.fixture
def audit(engine) -> AuditLog:  # type: ignore[no-untyped-def]
    return AuditLog(engine, FakeClock(), workstation="room-a")


def _fill(audit: AuditLog, n: int = 6) -> None:
    for i in range(n):
        audit.record(FACILITATOR, AuditAction.VIEW, record_type="participant", record_id=i, participant_id=100 + i)


def test_entries_are_numbered_and_chained(audit: AuditLog) -> None:
    _fill(audit, 4)
    records = audit.entries(ADMIN)
    assert [r.seq for r in records] == [1, 2, 3, 4]
    assert records[0].prev_hash == "0" * 64
    assert all(b.prev_hash == a.hash for a, b in zip(records, records[1:], strict=False))
    assert audit.verify().ok


def test_the_database_refuses_update_and_delete(engine, audit: AuditLog) -> None:  # type: ignore[no-untyped-def]
    _fill(audit, 2)
    with pytest.raises(sa.exc.DatabaseError, match="cannot be changed"):
        with engine.begin() as conn:
            conn.execute(sa.text("UPDATE audit_entry SET username = 'x' WHERE seq = 1"))
    with pytest.raises(sa.exc.DatabaseError, match="cannot be (changed or )?deleted"):
        with engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM audit_entry WHERE seq = 2"))
    with pytest.raises(sa.exc.DatabaseError, match="only grows"):
        with engine.begin() as conn:
            conn.execute(sa.text("UPDATE audit_head SET seq = 1"))
    assert audit.verify().ok and audit.count() == 2


def _drop_triggers(engine) -> None:  # type: ignore[no-untyped-def]
    """What someone with the database file (or a server login) could do to hide an edit."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            for table in ("audit_entry", "audit_head"):
                conn.execute(sa.text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))
            return
        for name in ("audit_entry_no_update", "audit_entry_no_delete", "audit_head_forward_only", "audit_head_no_delete"):
            conn.execute(sa.text(f"DROP TRIGGER {name}"))


def test_an_edited_row_is_found_with_the_triggers_dropped(engine, audit: AuditLog) -> None:  # type: ignore[no-untyped-def]
    _fill(audit)
    _drop_triggers(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE audit_entry SET participant_id = 999 WHERE seq = 3"))
    report = audit.verify()
    assert not report.ok
    assert report.first_bad_seq == 3
    assert "entry 3" in report.problems[0].sentence


def test_a_deleted_row_is_found_with_the_triggers_dropped(engine, audit: AuditLog) -> None:  # type: ignore[no-untyped-def]
    _fill(audit)
    _drop_triggers(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM audit_entry WHERE seq = 4"))
    report = audit.verify()
    assert report.first_bad_seq == 4
    assert "entry 4 is missing" in report.problems[0].sentence


def test_the_newest_rows_deleted_are_found(engine, audit: AuditLog) -> None:  # type: ignore[no-untyped-def]
    _fill(audit)
    _drop_triggers(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM audit_entry WHERE seq >= 5"))
    report = audit.verify()
    assert report.first_bad_seq == 5
    assert "at the end" in report.problems[0].sentence


def test_an_entry_rolls_back_with_the_change_it_records(engine, audit: AuditLog) -> None:  # type: ignore[no-untyped-def]
    from sqlmodel import Session

    with pytest.raises(RuntimeError):
        with Session(engine) as session:
            audit.record(FACILITATOR, AuditAction.CHANGE, record_type="x", session=session)
            raise RuntimeError("the change failed")
    assert audit.count() == 0
    with Session(engine) as session:
        audit.record(FACILITATOR, AuditAction.CHANGE, record_type="x", session=session)
        session.commit()
    assert audit.count() == 1 and audit.verify().ok


def test_concurrent_writers_keep_one_chain(engine) -> None:  # type: ignore[no-untyped-def]
    logs = [AuditLog(engine, workstation=f"ws{i}") for i in range(4)]
    errors: list[BaseException] = []

    def write(log: AuditLog) -> None:
        try:
            for _ in range(25):
                log.record(FACILITATOR, AuditAction.VIEW, record_type="group", record_id=1)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(log,)) for log in logs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    report = logs[0].verify()
    assert report.ok and report.checked == 100


def test_only_supervisors_and_administrators_read_the_trail(audit: AuditLog) -> None:
    _fill(audit, 2)
    assert len(audit.entries(SUPERVISOR)) == 2
    assert len(audit.entries(ADMIN)) == 2
    with pytest.raises(PermissionDenied):
        audit.entries(FACILITATOR)
    with pytest.raises(PermissionDenied):
        audit.entries(None)


def test_filters_and_sorting(audit: AuditLog) -> None:
    clock = audit._clock  # type: ignore[attr-defined]
    audit.record(ADMIN, AuditAction.SIGN_IN)
    clock.advance(3600)
    audit.record(FACILITATOR, AuditAction.VIEW, record_type="participant", participant_id=5)
    clock.advance(3600)
    audit.record(SUPERVISOR, AuditAction.EXPORT, record_type="participant", participant_id=5)
    assert [r.seq for r in audit.entries(ADMIN, AuditFilter(participant_id=5))] == [2, 3]
    assert [r.seq for r in audit.entries(ADMIN, AuditFilter(action="export"))] == [3]
    assert [r.seq for r in audit.entries(ADMIN, AuditFilter(user_id=1))] == [1]
    start = clock.now() - __import__("datetime").timedelta(hours=1, minutes=30)
    assert [r.seq for r in audit.entries(ADMIN, AuditFilter(start=start))] == [2, 3]
    assert [r.username for r in audit.entries(ADMIN, AuditFilter(order_by="username"))] == ["admin", "fay", "sam"]
    assert [r.seq for r in audit.entries(ADMIN, AuditFilter(descending=True))] == [3, 2, 1]


def test_csv_export_is_private_complete_and_audited(audit: AuditLog, tmp_path: Path) -> None:
    audit.record(None, AuditAction.FAILED_SIGN_IN, username="=cmd|' /C calc'!A0")
    _fill(audit, 3)
    out = tmp_path / "audit.csv"
    assert audit.export_csv(SUPERVISOR, out) == 4
    assert out.stat().st_mode & 0o777 == 0o600
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["seq"] for r in rows] == ["1", "2", "3", "4"]
    assert rows[0]["user"].startswith("'=")
    assert rows[1]["participant_id"] == "100"
    last = audit.entries(ADMIN)[-1]
    assert last.action == "export" and last.username == "sam"
