"""The unit of work: one transaction, account and database re-checked, versions, the feed."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from facilitator.core.audit import AuditAction
from facilitator.core.changes import (
    ATTENDANCE,
    MEETING,
    PARTICIPANT,
    AccountChanged,
    Changes,
    ConflictError,
    DatabaseReplaced,
    GoneError,
)
from facilitator.core.clock import FakeClock
from facilitator.core.permissions import Principal, UserRole
from facilitator.store.audit import AuditLog
from facilitator.store.change_feed import ChangeFeed
from facilitator.store.models import AuditEntry, Participant
from facilitator.store.unit_of_work import Work

PARTICIPANT_TABLE = Participant.__table__  # type: ignore[attr-defined]


def _account(engine, username: str, role: str = "facilitator", name: str = "Ana Ruiz") -> Principal:  # type: ignore[no-untyped-def]
    table = sa.table(
        "user_account", sa.column("id"), sa.column("username"), sa.column("full_name"), sa.column("role"),
        sa.column("password_hash"), sa.column("disabled"), sa.column("credentials"), sa.column("needs_cosign"),
        sa.column("must_change_password"), sa.column("failed_attempts"), sa.column("created_at"),
        sa.column("updated_at"),
    )
    from datetime import UTC, datetime

    now = datetime(2026, 11, 2, tzinfo=UTC)
    with engine.begin() as conn:
        new_id = conn.execute(
            table.insert().values(
                username=username, full_name=name, role=role, password_hash="x", disabled=False, credentials="",
                needs_cosign=False, must_change_password=False, failed_attempts=0, created_at=now, updated_at=now,
            ).returning(table.c.id)
        ).scalar_one()
    return Principal(int(new_id), username, name, UserRole(role))


def _participant(engine, record: str = "R-1") -> int:  # type: ignore[no-untyped-def]
    from datetime import UTC, date, datetime

    now = datetime(2026, 11, 2, tzinfo=UTC)
    with engine.begin() as conn:
        return int(conn.execute(
            PARTICIPANT_TABLE.insert().values(
                record_number=record, preferred_name="Sam", legal_name="Samuel Test", program_start=date(2026, 10, 1),
                audience="adult", language="en", large_print=False, status="active", created_at=now, updated_at=now,
            ).returning(PARTICIPANT_TABLE.c.id)
        ).scalar_one())


@pytest.fixture
def work(engine):  # type: ignore[no-untyped-def]
    clock = FakeClock()
    w = Work(engine, AuditLog(engine, clock), clock, workstation="here")
    w.connect_identity()
    return w


def _entries(engine) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(AuditEntry.__table__)).scalar_one())


def test_change_audit_and_changes_commit_together_and_reach_listeners(engine, work) -> None:  # type: ignore[no-untyped-def]
    me = _account(engine, "ana")
    pid = _participant(engine)
    heard: list[Changes] = []
    work.subscribe(heard.append)
    with work.begin(me) as uow:
        version = uow.update_versioned(PARTICIPANT_TABLE, pid, 1, {"preferred_name": "Sammy"}, kind=PARTICIPANT)
        uow.audit(AuditAction.CHANGE, record_type="participant", record_id=pid, participant_id=pid,
                  detail="changed the preferred name")
    assert version == 2
    assert heard == [Changes.of(PARTICIPANT, pid)]
    with engine.connect() as conn:
        row = conn.execute(sa.select(PARTICIPANT_TABLE).where(PARTICIPANT_TABLE.c.id == pid)).one()
    assert (row.preferred_name, row.version, row.updated_by_id) == ("Sammy", 2, me.user_id)
    assert _entries(engine) == 1


def test_a_failed_audit_write_rolls_the_change_back(engine, work, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    me = _account(engine, "ana")
    pid = _participant(engine)

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("audit table unwritable")

    monkeypatch.setattr(work.audit_log, "record", broken)
    heard: list[Changes] = []
    work.subscribe(heard.append)
    with pytest.raises(RuntimeError), work.begin(me) as uow:
        uow.update_versioned(PARTICIPANT_TABLE, pid, 1, {"preferred_name": "Lost"}, kind=PARTICIPANT)
        uow.audit(AuditAction.CHANGE, record_type="participant", record_id=pid)
    with engine.connect() as conn:
        assert conn.execute(sa.select(PARTICIPANT_TABLE.c.preferred_name)).scalar_one() == "Sam"
    assert heard == []


def test_a_save_from_an_old_version_is_a_conflict_naming_who_and_when(engine, work) -> None:  # type: ignore[no-untyped-def]
    ana = _account(engine, "ana")
    bo = _account(engine, "bo", name="Bo Chen")
    pid = _participant(engine)
    with work.begin(bo) as uow:
        uow.update_versioned(PARTICIPANT_TABLE, pid, 1, {"preferred_name": "Sami"}, kind=PARTICIPANT)
    with pytest.raises(ConflictError) as caught, work.begin(ana) as uow:
        uow.update_versioned(PARTICIPANT_TABLE, pid, 1, {"preferred_name": "Sammy"}, kind=PARTICIPANT,
                             what="participant")
    assert caught.value.changed_by == "Bo Chen"
    assert caught.value.current_version == 2
    assert "Bo Chen changed this participant" in str(caught.value)
    with engine.connect() as conn:
        assert conn.execute(sa.select(PARTICIPANT_TABLE.c.preferred_name)).scalar_one() == "Sami"
    # Saving over it knowingly (no version) is allowed.
    with work.begin(ana) as uow:
        assert uow.update_versioned(PARTICIPANT_TABLE, pid, None, {"preferred_name": "Sammy"}, kind=PARTICIPANT) == 3


def test_a_missing_row_is_gone_not_a_conflict(engine, work) -> None:  # type: ignore[no-untyped-def]
    me = _account(engine, "ana")
    with pytest.raises(GoneError), work.begin(me) as uow:
        uow.update_versioned(PARTICIPANT_TABLE, 999, 1, {"preferred_name": "x"}, kind=PARTICIPANT, what="participant")


def test_a_disabled_account_or_changed_role_stops_reads_and_writes(engine, work) -> None:  # type: ignore[no-untyped-def]
    me = _account(engine, "ana")
    with engine.begin() as conn:
        conn.exec_driver_sql(f"UPDATE user_account SET role = 'supervisor' WHERE id = {me.user_id}")
    with pytest.raises(AccountChanged, match="role changed to supervisor"), work.read(me):
        pass
    with engine.begin() as conn:
        conn.exec_driver_sql(f"UPDATE user_account SET disabled = TRUE WHERE id = {me.user_id}")
    with pytest.raises(AccountChanged, match="disabled"), work.begin(me):
        pass


def test_a_restored_or_replaced_database_stops_every_write(engine, work) -> None:  # type: ignore[no-untyped-def]
    me = _account(engine, "ana")
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE database_identity SET restore_count = restore_count + 1")
    with pytest.raises(DatabaseReplaced, match="restored"), work.begin(me):
        pass
    work.connect_identity()  # this workstation signed in again: it accepts the database as it is
    with work.begin(me):
        pass
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE database_identity SET clinic_id = 'another clinic'")
    with pytest.raises(DatabaseReplaced, match="replaced"), work.begin(me):
        pass


def test_other_workstations_read_the_change_feed(engine, work) -> None:  # type: ignore[no-untyped-def]
    me = _account(engine, "ana")
    clock = FakeClock()
    there = Work(engine, AuditLog(engine, clock), clock, workstation="there")
    there.connect_identity()
    feed_here = ChangeFeed(work)
    feed_there = ChangeFeed(there)
    with work.begin(me) as uow:
        uow.changed(ATTENDANCE, 7)
        uow.changed(MEETING, 3)
    assert feed_there.poll() == Changes.of(ATTENDANCE, 7) | Changes.of(MEETING, 3)
    assert feed_there.poll() == Changes()
    assert feed_here.poll() == Changes()  # its own changes were already published locally
    with work.begin(me):
        pass  # nothing changed: nothing in the feed
    assert feed_there.poll() == Changes()


def test_changes_round_trip_and_refuse_unknown_kinds() -> None:
    c = Changes.of(PARTICIPANT, 1, 2) | Changes.of(MEETING)
    assert Changes.from_json(c.to_json()) == c
    assert c.ids(PARTICIPANT) == {1, 2} and c.names(MEETING, 99) and not c.names(PARTICIPANT, 3)
    assert Changes.from_json("not json") == Changes()
    with pytest.raises(ValueError):
        Changes.of("spaceship", 1)
