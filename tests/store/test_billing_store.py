"""The services to bill, checked against a run day: the rows equal what attendance and signed notes show."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from notes_world import MEETING_START, World, build_world, fill

from facilitator.core.billing import services_csv, short_csv
from facilitator.core.clock import FakeClock
from facilitator.core.permissions import PermissionDenied
from facilitator.store.audit import AuditLog
from facilitator.store.billing import BillingService
from facilitator.store.models import ClinicSetting
from facilitator.store.notes import NotesService
from facilitator.store.unit_of_work import Work

DAY = date(2026, 11, 2)
SETTINGS = {"clinic_time_zone": "America/Chicago", "note_format": "DAP"}


class Settings(dict):
    def get(self, key: str, default: str = "") -> str:  # type: ignore[override]
        return super().get(key, default)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MEETING_START + timedelta(hours=5))


@pytest.fixture
def work(engine, clock) -> Work:  # type: ignore[no-untyped-def]
    w = Work(engine, AuditLog(engine, clock), clock)
    w.connect_identity()
    return w


@pytest.fixture
def world(engine) -> World:  # type: ignore[no-untyped-def]
    w = build_world(engine)
    with engine.begin() as conn:
        conn.execute(ClinicSetting.__table__.insert().values(  # type: ignore[attr-defined]
            key="clinic_time_zone", value="America/Chicago", updated_at=datetime(2026, 10, 1, tzinfo=UTC)))
    return w


@pytest.fixture
def run_day(world, work, shipped_library) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Two 90-minute meetings on one day; Kim (who signs alone) documents them, leaving some notes unsigned."""
    second = world.add_meeting(DAY, MEETING_START + timedelta(minutes=100), {"Dee": "present"})
    notes = NotesService(work, Settings(SETTINGS), shipped_library)
    ids: dict[tuple[int, str], int] = {}
    for meeting in (world.meeting_id, second):
        for note in notes.start_meeting_notes(world.independent, meeting).individual:
            ids[(meeting, note.participant_name)] = note.id
    unsigned = {(second, "Jo")}
    for key, note_id in ids.items():
        if key in unsigned:
            continue
        note = notes.note(world.independent, note_id)
        notes.sign(world.independent, note_id, content=fill(note))
    return {"second": second, "notes": ids}


def test_the_rows_equal_what_attendance_and_signed_notes_show(world, work, run_day) -> None:  # type: ignore[no-untyped-def]
    export = BillingService(work, world.supervisor).services(DAY, DAY)
    ids = run_day["notes"]
    second = run_day["second"]
    # Sam: present at both (90 + 90 minutes), both notes signed: one per diem, three hours.
    sam = {"R-1001": (world.meeting_id, "Sam")}
    assert [(s.day, s.record_number, s.code, s.units, s.minutes, s.rendering, s.supervising, s.note_ids)
            for s in export.services] == [
        (DAY, "R-1001", "H0015", 1, 180, "Kim Osei, LPC", "", (ids[sam["R-1001"]], ids[(second, "Sam")])),
    ]
    short = {s.record_number: s for s in export.short}
    # Maria: 12 minutes late to the first, so 78 + 90 = 168 minutes: under the minimum.
    assert short["R-1002"].minutes == 168
    assert short["R-1002"].reason == "Under the per-diem minimum: 2 h 48 attended of 3 h 00."
    # Jo: three hours attended, but the second note is not signed.
    assert short["R-1003"].minutes == 180
    assert "only 1 h 30 with a signed note" in short["R-1003"].reason
    assert "the progress note is not signed" in short["R-1003"].reason
    # Dee: absent from the first (no note, nothing missing), present at the second only.
    assert short["R-1004"].minutes == 90 and short["R-1004"].note_ids == (ids[(second, "Dee")],)
    assert set(short) == {"R-1002", "R-1003", "R-1004"}
    text = services_csv(export)
    assert text.splitlines()[1] == f"2026-11-02,R-1001,H0015,1,180,\"Kim Osei, LPC\",,{ids[sam['R-1001']]} " \
        f"{ids[(second, 'Sam')]},Mon/Wed evening skills; Mon/Wed evening skills"
    assert "42 CFR part 2" in text.splitlines()[-1]
    assert len(short_csv(export).splitlines()) == 1 + 3 + 1


def test_per_session_codes_and_co_signatures(world, work, shipped_library, clock) -> None:  # type: ignore[no-untyped-def]
    with world.engine.begin() as conn:
        conn.execute(sa.text("UPDATE care_group SET group_type = 'family'"))
    notes = NotesService(work, Settings(SETTINGS), shipped_library)
    written = {n.participant_name: n for n in notes.start_meeting_notes(world.facilitator, world.meeting_id).individual}
    for name in ("Sam", "Maria"):
        notes.sign(world.facilitator, written[name].id, content=fill(written[name]))
    notes.cosign(world.supervisor, written["Sam"].id)
    export = BillingService(work, world.admin).services(DAY, DAY)
    assert [(s.record_number, s.code, s.units, s.minutes, s.rendering, s.supervising) for s in export.services] == [
        ("R-1001", "90849", 1, 90, "Ana Ruiz, CADC-I", "Rosa Diaz, LCSW"),
    ]
    assert [(s.record_number, s.reason) for s in export.short] == [
        ("R-1002", "The progress note awaits co-signature."),
        ("R-1003", "The progress note is not signed."),
    ]


def test_the_clinic_maps_its_own_codes_and_none_is_not_billed(world, work, run_day) -> None:  # type: ignore[no-untyped-def]
    with world.engine.begin() as conn:
        conn.execute(ClinicSetting.__table__.insert(), [  # type: ignore[attr-defined]
            {"key": "billing_code_skills", "value": "H2036", "updated_at": datetime(2026, 10, 1, tzinfo=UTC)},
            {"key": "billing_per_diem_codes", "value": "H2036", "updated_at": datetime(2026, 10, 1, tzinfo=UTC)},
            {"key": "billing_per_diem_minimum_hours", "value": "2.5", "updated_at": datetime(2026, 10, 1, tzinfo=UTC)},
        ])
    export = BillingService(work, world.supervisor).services(DAY, DAY)
    assert [(s.record_number, s.code, s.minutes) for s in export.services] == [("R-1001", "H2036", 180),
                                                                                 ("R-1002", "H2036", 168)]
    with world.engine.begin() as conn:
        conn.execute(sa.text("UPDATE clinic_setting SET value = 'None' WHERE key = 'billing_code_skills'"))
    export = BillingService(work, world.supervisor).services(DAY, DAY)
    assert export.services == () and export.short == ()


def test_scoped_to_what_the_account_may_see_and_audited(world, work, run_day) -> None:  # type: ignore[no-untyped-def]
    outsider = BillingService(work, world.outsider).services(DAY, DAY)
    assert outsider.services == () and outsider.short == ()
    assert outsider.scope_note
    mine = BillingService(work, world.facilitator).services(DAY, DAY)
    assert len(mine.services) == 1 and mine.scope_note
    everyone = BillingService(work, world.supervisor).services(DAY, DAY)
    assert everyone.scope_note == ""
    with world.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT username, detail FROM audit_entry WHERE record_type = 'services to bill' "
                                    "ORDER BY seq")).all()
    assert [r.username for r in rows] == ["outsider", "facilitator", "supervisor"]
    assert rows[-1].detail == "2026-11-02 to 2026-11-02: 1 services, 3 falling short"


def test_an_account_that_leads_no_group_and_is_no_supervisor_is_refused(world, work, engine) -> None:  # type: ignore[no-untyped-def]
    from principals import make_account

    nobody = make_account(engine, "floater", role="facilitator", full_name="Flo Ater")
    with pytest.raises(PermissionDenied):
        BillingService(work, nobody).services(DAY, DAY)
