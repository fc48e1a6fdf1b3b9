"""The notes test clinic, with enrollments and weeks of attendance: for levels of care and discharge."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
from notes_world import World, build_world

from facilitator.core.clock import FakeClock
from facilitator.store.attendance import AttendanceService
from facilitator.store.audit import AuditLog
from facilitator.store.care import CareService
from facilitator.store.models import Attendance, CareGroup, Enrollment, Meeting
from facilitator.store.unit_of_work import Work

NOW = datetime(2026, 11, 26, 20, 0, tzinfo=UTC)  # Thursday 26 November, 14:00 in Chicago


class Settings(dict):  # type: ignore[type-arg]
    def get(self, key: str, default: str = "") -> str:  # type: ignore[override]
        return super().get(key, default)


def care_world(engine) -> World:  # type: ignore[no-untyped-def]
    """The notes world; everyone enrolled from 1 September; three 3-hour meetings a week for Sam."""
    world = build_world(engine)
    enrollment = Enrollment.__table__  # type: ignore[attr-defined]
    meeting = Meeting.__table__  # type: ignore[attr-defined]
    attendance = Attendance.__table__  # type: ignore[attr-defined]
    with engine.begin() as conn:
        group = CareGroup.__table__  # type: ignore[attr-defined]
        conn.execute(group.update().where(group.c.id == world.group_id).values(weekdays="Mon, Wed"))
        for pid in world.participants.values():
            conn.execute(enrollment.insert().values(group_id=world.group_id, participant_id=pid,
                                                    start_date=date(2026, 9, 1)))
        day = date(2026, 9, 7)  # a Monday
        while day < date(2026, 11, 23):
            for offset in (0, 2, 4):
                local = day + timedelta(days=offset)
                start = datetime(local.year, local.month, local.day, 15, 0, tzinfo=UTC)
                mid = conn.execute(meeting.insert().values(
                    group_id=world.group_id, local_day=local, starts_at=start, ends_at=start + timedelta(hours=3),
                    curriculum_id=None, session_id=None, session_pinned=False, ad_hoc=False, cancel_reason="",
                    created_at=start)).inserted_primary_key[0]
                conn.execute(attendance.insert().values(meeting_id=mid, participant_id=world.participants["Sam"],
                                                        status="present", updated_at=start))
                if offset == 0:
                    conn.execute(attendance.insert().values(meeting_id=mid, participant_id=world.participants["Jo"],
                                                            status="present", updated_at=start))
            day += timedelta(days=7)
    return world


def make_care(engine, clock: FakeClock, library, settings: Settings | None = None) -> CareService:  # type: ignore[no-untyped-def]
    work = Work(engine, AuditLog(engine, clock), clock)
    work.connect_identity()
    with engine.begin() as conn:
        from facilitator.store.models import ClinicSetting

        table = ClinicSetting.__table__  # type: ignore[attr-defined]
        for key, value in (settings or Settings(clinic_time_zone="America/Chicago")).items():
            conn.execute(sa.delete(table).where(table.c.key == key))
            conn.execute(table.insert().values(key=key, value=value, updated_at=NOW))
    attendance = AttendanceService(work, settings or Settings(clinic_time_zone="America/Chicago"), library)
    return CareService(work, attendance, library)
