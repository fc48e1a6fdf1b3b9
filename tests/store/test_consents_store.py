"""Consents to disclose and letters under them: elements checked, records kept, disclosures on the trail."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from notes_world import World, build_world

from facilitator.core.clock import FakeClock
from facilitator.core.consents import ConsentDraft, Information, LetterKind, RecipientKind
from facilitator.core.permissions import PermissionDenied
from facilitator.store.audit import AuditLog
from facilitator.store.consents import ConsentError, ConsentIncomplete, ConsentService
from facilitator.store.models import ClinicSetting, Enrollment
from facilitator.store.unit_of_work import Work

NOW = datetime(2026, 11, 10, 18, 0, tzinfo=UTC)  # Tuesday 10 November, noon in Chicago


@pytest.fixture
def world(engine) -> World:  # type: ignore[no-untyped-def]
    w = build_world(engine)
    with engine.begin() as conn:
        for key, value in (("clinic_time_zone", "America/Chicago"), ("clinic_name", "Riverside Recovery")):
            conn.execute(ClinicSetting.__table__.insert().values(  # type: ignore[attr-defined]
                key=key, value=value, updated_at=NOW))
        for pid in w.participants.values():
            conn.execute(Enrollment.__table__.insert().values(  # type: ignore[attr-defined]
                group_id=w.group_id, participant_id=pid, start_date=date(2026, 9, 1)))
    return w


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def work(engine, clock) -> Work:  # type: ignore[no-untyped-def]
    w = Work(engine, AuditLog(engine, clock), clock)
    w.connect_identity()
    return w


def draft(**changes) -> ConsentDraft:  # type: ignore[no-untyped-def]
    values = dict(
        discloser="Riverside Recovery",
        recipient_name="Cook County Drug Court",
        recipient_kind=RecipientKind.COURT,
        information=frozenset({Information.ATTENDANCE}),
        purpose="Monitoring the participant's compliance with a court order",
        expires_on=date(2027, 5, 1),
        expiry_event="",
        signed_on=date(2026, 11, 9),
        right_to_revoke=True,
    )
    values.update(changes)
    return ConsentDraft(**values)  # type: ignore[arg-type]


def audit_rows(engine, action: str) -> list[sa.Row]:  # type: ignore[no-untyped-def,type-arg]
    with engine.connect() as conn:
        return conn.execute(
            sa.text("SELECT action, record_type, record_id, participant_id, detail FROM audit_entry "
                    "WHERE action = :a ORDER BY seq"), {"a": action}
        ).all()


def test_a_consent_lacking_elements_is_refused_with_a_sentence_for_each(work, world) -> None:  # type: ignore[no-untyped-def]
    service = ConsentService(work, world.facilitator)
    bad = draft(discloser="", recipient_name=" ", recipient_kind=None, information=frozenset(), purpose="",
                expires_on=None, expiry_event="", signed_on=None, right_to_revoke=False)
    with pytest.raises(ConsentIncomplete) as caught:
        service.record(world.participants["Sam"], bad)
    assert len(caught.value.problems) == 8
    assert any("to whom" in p for p in caught.value.problems)
    assert any("revoke" in p for p in caught.value.problems)
    with world.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM consent")).scalar() == 0


def test_an_attendance_letter_goes_out_under_a_consent_and_is_a_disclosure(work, world) -> None:  # type: ignore[no-untyped-def]
    service = ConsentService(work, world.facilitator)
    maria = world.participants["Maria"]
    consent = service.record(maria, draft())
    assert consent.state(date(2026, 11, 10)) == "In force"
    letter = service.write_letter(consent.id, LetterKind.ATTENDANCE, date(2026, 11, 1), date(2026, 11, 10))
    # The record: one meeting, arrived 12 minutes late of 90.
    assert [(m.day, m.minutes) for m in letter.facts.attended] == [(date(2026, 11, 2), 78)]
    assert letter.facts.missed == 0
    assert "attended 1 of 1 group meetings recorded, 1 h 18 in all" in " ".join(letter.paragraphs)
    assert "42 CFR part 2" in letter.notice
    rows = audit_rows(world.engine, "disclose")
    assert len(rows) == 1
    assert rows[0].participant_id == maria
    assert rows[0].detail == f"attendance letter to Cook County Drug Court under consent {consent.id}"
    assert service.disclosures(maria)[0].recipient_name == "Cook County Drug Court"


def test_letters_need_the_right_recipient_information_and_an_unexpired_consent(work, world, clock) -> None:  # type: ignore[no-untyped-def]
    service = ConsentService(work, world.supervisor)
    sam = world.participants["Sam"]
    consent = service.record(sam, draft(expires_on=date(2026, 11, 20)))
    with pytest.raises(ConsentError, match="does not cover completion"):
        service.write_letter(consent.id, LetterKind.COMPLETION)
    with pytest.raises(ConsentError, match="covers letters to Cook County Drug Court only"):
        service.write_letter(consent.id, LetterKind.ATTENDANCE, recipient_name="Acme Plumbing")
    clock.advance(timedelta(days=11).total_seconds())
    with pytest.raises(ConsentError, match="expired on 2026-11-20"):
        service.write_letter(consent.id, LetterKind.ATTENDANCE)
    assert audit_rows(world.engine, "disclose") == []


def test_a_completion_letter_only_when_the_record_says_completed(work, world) -> None:  # type: ignore[no-untyped-def]
    service = ConsentService(work, world.supervisor)
    jo = world.participants["Jo"]
    consent = service.record(jo, draft(information=frozenset(Information), recipient_kind=RecipientKind.PROBATION,
                                       recipient_name="Officer Dana Reyes, Adult Probation"))
    with pytest.raises(ConsentError, match="does not show this participant completed"):
        service.write_letter(consent.id, LetterKind.COMPLETION)
    with world.engine.begin() as conn:
        conn.execute(sa.text("UPDATE participant SET status = 'completed' WHERE id = :p"), {"p": jo})
        conn.execute(sa.text("UPDATE enrollment SET end_date = '2026-11-06' WHERE participant_id = :p"), {"p": jo})
    letter = service.write_letter(consent.id, LetterKind.COMPLETION)
    assert letter.facts.completed_on == date(2026, 11, 6)
    assert "completed the program on 2026-11-06" in " ".join(letter.paragraphs)


def test_after_revocation_a_letter_is_refused_and_the_consent_stays_as_recorded(work, world) -> None:  # type: ignore[no-untyped-def]
    service = ConsentService(work, world.facilitator)
    sam = world.participants["Sam"]
    consent = service.record(sam, draft())
    revoked = service.revoke(consent.id, date(2026, 11, 10))
    assert revoked.state(date(2026, 11, 10)) == "Revoked"
    assert revoked.revoked_by == "Ana Ruiz, CADC-I"
    with pytest.raises(ConsentError, match="revoked this consent on 2026-11-10"):
        service.write_letter(consent.id, LetterKind.ATTENDANCE)
    with pytest.raises(ConsentError, match="already revoked"):
        service.revoke(consent.id, date(2026, 11, 10))
    # The database keeps the record whatever program writes.
    for statement in (
        "UPDATE consent SET purpose = 'anything' WHERE id = :c",
        "UPDATE consent SET revoked_on = NULL, revoked_at = NULL WHERE id = :c",
        "DELETE FROM consent WHERE id = :c",
    ):
        with pytest.raises(sa.exc.DatabaseError), world.engine.begin() as conn:
            conn.execute(sa.text(statement), {"c": consent.id})
    changes = [r.detail for r in audit_rows(world.engine, "change")]
    assert "recorded that the participant revoked a consent on 2026-11-10" in changes


def test_a_recorded_consent_cannot_be_changed_in_the_database_before_revocation_either(work, world) -> None:  # type: ignore[no-untyped-def]
    service = ConsentService(work, world.supervisor)
    consent = service.record(world.participants["Sam"], draft())
    with pytest.raises(sa.exc.DatabaseError), world.engine.begin() as conn:
        conn.execute(sa.text("UPDATE consent SET recipient_name = 'Someone else' WHERE id = :c"), {"c": consent.id})
    letter = service.write_letter(consent.id, LetterKind.ATTENDANCE)
    with pytest.raises(sa.exc.DatabaseError), world.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM disclosure"))
    assert letter.consent_id == consent.id


def test_an_outsider_cannot_record_or_see_consents(work, world) -> None:  # type: ignore[no-untyped-def]
    outsider = ConsentService(work, world.outsider)
    with pytest.raises(PermissionDenied):
        outsider.record(world.participants["Sam"], draft())
    consent = ConsentService(work, world.supervisor).record(world.participants["Sam"], draft())
    with pytest.raises(PermissionDenied):
        outsider.write_letter(consent.id, LetterKind.ATTENDANCE)
    with pytest.raises(PermissionDenied):
        outsider.consents(world.participants["Sam"])


def test_the_consent_guards_are_checked_and_repaired_with_the_others(work, world) -> None:  # type: ignore[no-untyped-def]
    from facilitator.store.guards import missing_guards, repair_guards

    consent = ConsentService(work, world.supervisor).record(world.participants["Sam"], draft())
    engine = world.engine
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("DROP TRIGGER consent_locked")
            expected = "consent_locked"
        else:
            conn.exec_driver_sql("ALTER TABLE consent DISABLE TRIGGER consent_guard")
            expected = "consent_guard"
    with engine.connect() as conn:
        assert missing_guards(conn) == [expected]
    with engine.begin() as conn:
        assert repair_guards(conn) == [expected]
    with engine.connect() as conn:
        assert missing_guards(conn) == []
    with pytest.raises(sa.exc.DatabaseError), engine.begin() as conn:
        conn.execute(sa.text("UPDATE consent SET purpose = 'changed' WHERE id = :c"), {"c": consent.id})


@pytest.mark.sqlite_file
def test_upgrading_a_released_clinic_keeps_every_row_and_adds_empty_consents(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil
    from pathlib import Path

    from facilitator.store import db

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "schemas" / "0008-demo-clinic.sqlite"
    copy = tmp_path / "clinic.sqlite"
    shutil.copy(fixture, copy)
    engine = sa.create_engine(f"sqlite:///{copy}")

    def counts() -> dict[str, int]:
        with engine.connect() as conn:
            names = [n for n in sa.inspect(conn).get_table_names() if n != "alembic_version"]
            return {n: conn.exec_driver_sql(f"SELECT count(*) FROM {n}").scalar() for n in names}

    before = counts()
    engine.dispose()
    upgraded = db.create_engine(f"sqlite:///{copy}")
    db.upgrade(upgraded)
    upgraded.dispose()
    after = counts()
    engine.dispose()
    assert {k: after[k] for k in before} == before
    assert after["consent"] == 0 and after["disclosure"] == 0
