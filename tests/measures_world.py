"""The notes test clinic with enrollment and a measures service: synthetic people only."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
from notes_world import MEETING_START, World, build_world

from facilitator.core.clock import FakeClock
from facilitator.store.audit import AuditLog
from facilitator.store.measures import MeasuresService
from facilitator.store.models import Enrollment
from facilitator.store.unit_of_work import Work

ENROLLMENT = Enrollment.__table__  # type: ignore[attr-defined]
NOW = MEETING_START + timedelta(hours=2)  # 2 November 2026, 20:00 in Chicago
TODAY = date(2026, 11, 2)


class Settings(dict):  # type: ignore[type-arg]
    def get(self, key: str, default: str = "") -> str:  # type: ignore[override]
        return super().get(key, default)


SETTINGS = Settings(clinic_time_zone="America/Chicago", measure_schedule="every 2 weeks")


def enrolled_world(engine: sa.Engine, start: date = date(2026, 9, 1)) -> World:
    world = build_world(engine)
    with engine.begin() as conn:
        for pid in world.participants.values():
            conn.execute(ENROLLMENT.insert().values(group_id=world.group_id, participant_id=pid, start_date=start))
    return world


def measures_for(engine: sa.Engine, clock: FakeClock | None = None, settings: Settings = SETTINGS) -> MeasuresService:
    clock = clock or FakeClock(NOW)
    work = Work(engine, AuditLog(engine, clock), clock)
    work.connect_identity()
    return MeasuresService(work, settings)


def audit_details(engine: sa.Engine) -> list[tuple[str, str, str]]:
    with engine.connect() as conn:
        return [
            (r[0], r[1], r[2])
            for r in conn.exec_driver_sql("SELECT action, record_type, detail FROM audit_entry ORDER BY seq")
        ]


__all__ = ["NOW", "SETTINGS", "TODAY", "Settings", "UTC", "datetime", "enrolled_world", "measures_for"]
