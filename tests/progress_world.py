"""A backend-shaped bundle of services over the measures test clinic, for progress pages and reports.

The services share one unit-of-work factory whose signed-in user is whoever ``Who`` holds,
as the app's backend does; synthetic people only.
"""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

import sqlalchemy as sa
from measures_world import NOW, SETTINGS, TODAY, Settings, enrolled_world
from notes_world import MEETING_START, World

from facilitator.core.clock import FakeClock
from facilitator.core.library import Library
from facilitator.store.attendance import AttendanceService
from facilitator.store.audit import AuditLog
from facilitator.store.measures import MeasuresService
from facilitator.store.roster import RosterService
from facilitator.store.unit_of_work import Work


class Who:
    """Who is signed in (the backend's ``current_principal``)."""

    def __init__(self, principal: object) -> None:
        self.principal = principal

    def __call__(self) -> object:
        return self.principal


def services(engine: sa.Engine, principal: object, clock: FakeClock | None = None, settings: Settings = SETTINGS):  # type: ignore[no-untyped-def]
    clock = clock or FakeClock(NOW)
    who = Who(principal)
    work = Work(engine, AuditLog(engine, clock), clock, who)
    work.connect_identity()
    settings = Settings(settings, clinic_name="Riverside Recovery (demo)")
    library = Library(())
    return SimpleNamespace(
        work=work, who=who, clock=clock, settings=settings, roster=RosterService(work),
        attendance=AttendanceService(work, settings, lambda: library), measures=MeasuresService(work, settings),
    )


def weekly_meetings(world: World, weeks: int = 6) -> list[int]:
    """A Monday meeting in each of the weeks before the world's own (Sam, Maria, Jo present; Dee absent)."""
    ids = []
    for n in range(weeks, 0, -1):
        day = date(2026, 11, 2) - timedelta(weeks=n)
        ids.append(world.add_meeting(day, MEETING_START - timedelta(weeks=n), {"Dee": "absent_excused"}))
    return ids


__all__ = ["NOW", "TODAY", "Who", "enrolled_world", "services", "weekly_meetings"]
