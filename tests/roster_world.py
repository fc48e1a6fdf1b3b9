"""Roster and attendance services on a test database: for nobody (seeding), or as real accounts.

``services(...)`` builds the services acting for nobody (``SETUP``), as the demo clinic and
the benchmarks seed; ``account(...)`` adds a real account row (a unit of work re-reads the
account each time, so a principal must exist) and returns its principal.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from facilitator.core.clock import Clock, FakeClock
from facilitator.core.permissions import Principal, UserRole
from facilitator.store.access import SETUP
from facilitator.store.attendance import AttendanceService
from facilitator.store.audit import AuditLog
from facilitator.store.models import UserAccount
from facilitator.store.roster import RosterService
from facilitator.store.settings_service import ClinicSettings
from facilitator.store.unit_of_work import Work

_account = UserAccount.__table__  # type: ignore[attr-defined]


def work_on(engine: Engine, clock: Clock | None = None, principal: Any = None, workstation: str = "here") -> Work:
    """A ``Work`` like the app's; ``principal`` is who is signed in (a callable, or a fixed principal)."""
    clock = clock or FakeClock()
    source = principal if callable(principal) else (lambda: principal)
    work = Work(engine, AuditLog(engine, clock, workstation=workstation), clock, source, workstation=workstation)
    work.connect_identity()
    return work


def services(
    engine: Engine, library: Any, clock: Clock | None = None, zone: str = "America/Chicago", principal: Any = SETUP
) -> tuple[RosterService, AttendanceService, ClinicSettings, Work]:
    settings = ClinicSettings(engine)
    if zone:
        settings.set("clinic_time_zone", zone)
    work = work_on(engine, clock)
    return RosterService(work, principal), AttendanceService(work, settings, library, principal), settings, work


def account(
    engine: Engine, username: str, role: UserRole = UserRole.FACILITATOR, full_name: str = "", staff_id: int | None = None
) -> Principal:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    full_name = full_name or username.capitalize()
    with engine.begin() as conn:
        new_id = conn.execute(
            _account.insert().values(
                username=username, full_name=full_name, role=role.value, password_hash="x", staff_id=staff_id,
                created_at=now, updated_at=now,
            ).returning(_account.c.id)
        ).scalar_one()
    return Principal(int(new_id), username, full_name, role, staff_id=staff_id)


def staff_id(engine: Engine, name: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.text("SELECT id FROM staff WHERE name = :n"), {"n": name}).scalar_one())
