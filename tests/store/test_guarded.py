"""Session runs and clinic settings through their guards, as each role: allowed, refused, narrowed, audited.

(The roster and attendance services check their own rules: tests/store/test_roster_access.py.)"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from roster_world import services

from facilitator.core.clock import FakeClock
from facilitator.core.permissions import NotSignedIn, PermissionDenied, Principal, UserRole
from facilitator.store import db
from facilitator.store.audit import AuditLog
from facilitator.store.demo_clinic import fill_demo_clinic
from facilitator.store.guarded import GuardedRuns
from facilitator.store.runs import Player, RunStore
from facilitator.store.settings_service import ClinicSettings

NOW = datetime(2026, 11, 4, 18, 0, tzinfo=UTC)


class World:
    """The demo clinic, the guarded services, and one principal per role."""

    def __init__(self, engine, library) -> None:  # type: ignore[no-untyped-def]
        self.engine = engine
        self.clock = FakeClock(NOW)
        self.audit = AuditLog(engine, self.clock)
        self.raw_roster, self.raw_attendance, _settings, _work = services(engine, library, self.clock)
        fill_demo_clinic(engine, library, NOW, "America/Chicago", seed=5)
        self.who: Principal | None = None
        self.raw_runs = RunStore(engine, self.clock, workstation="room-a")
        self.runs = GuardedRuns(self.raw_runs, engine, self.audit, lambda: self.who)
        self.library = library
        with engine.connect() as conn:
            staff = dict(conn.execute(sa.text("SELECT name, id FROM staff")).all())
            led = conn.execute(
                sa.text("SELECT group_id FROM group_staff WHERE staff_id = :s"), {"s": staff["Lena Castillo"]}
            ).scalars()
            self.lena_groups = set(led)
            jordan = conn.execute(
                sa.text("SELECT group_id FROM group_staff WHERE staff_id = :s"), {"s": staff["Jordan Okafor"]}
            ).scalars()
            jordan_groups = set(jordan)
        self.principals = {
            "facilitator": Principal(10, "lena", "Lena Castillo", UserRole.FACILITATOR, staff_id=staff["Lena Castillo"]),
            "other facilitator": Principal(11, "jo", "Jordan Okafor", UserRole.FACILITATOR, staff_id=staff["Jordan Okafor"]),
            "supervisor": Principal(20, "sam", "Sam Super", UserRole.SUPERVISOR),
            "administrator": Principal(30, "pat", "Pat Kim", UserRole.ADMINISTRATOR),
        }
        groups = self.raw_roster.groups()
        self.lena_group = next(g for g in groups if g.id in self.lena_groups)
        self.lena_person = self.raw_roster.roster_on(self.lena_group.id, NOW.date())[0]
        lena_people = {e.participant_id for g in self.lena_groups for e in self.raw_roster.enrollments(g)}
        jordan_people = {e.participant_id for g in jordan_groups for e in self.raw_roster.enrollments(g)}
        # someone neither facilitator may see, and a group neither leads
        outsider = next(
            e for e in self.raw_roster.enrollments()
            if e.participant_id not in lena_people | jordan_people and e.group_id not in self.lena_groups | jordan_groups
        )
        self.other_person = self.raw_roster.participant(outsider.participant_id)
        self.other_group = self.raw_roster.group(outsider.group_id)
        self.lena_people = lena_people
        self.lena_meeting = self.raw_attendance.meetings(self.lena_group.id, NOW.date() - timedelta(days=14))[0]
        self.other_meeting = self.raw_attendance.meetings(self.other_group.id, NOW.date() - timedelta(days=14))[0]
        self.lena_upcoming = self.raw_attendance.meetings(self.lena_group.id, NOW.date() + timedelta(days=1))[0]
        self.lena_run = self.new_run(self.lena_meeting.id)
        self.other_run = self.new_run(self.other_meeting.id)
        self.library_run = self.new_run(None)

    def new_run(self, meeting_id: int | None, store=None) -> int:  # type: ignore[no-untyped-def]
        from facilitator.core.agenda_clock import AgendaClock

        curriculum = self.library.curricula[0]
        session = curriculum.sessions[0]
        snapshot = AgendaClock(session.agenda, self.clock, session.minutes * 60).snapshot()
        return (store or self.raw_runs).create(curriculum, session, snapshot, meeting_id=meeting_id)

    def act_as(self, role: str | None) -> None:
        self.who = None if role is None else self.principals[role]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, shipped_library) -> World:  # type: ignore[no-untyped-def]
    path: Path = tmp_path_factory.mktemp("guarded") / "clinic.sqlite"
    engine = db.create_engine(f"sqlite:///{path}")
    db.upgrade(engine)
    yield World(engine, shipped_library)
    engine.dispose()


ROLES = ["facilitator", "other facilitator", "supervisor", "administrator"]
EVERYONE = set(ROLES)
ADMIN = {"administrator"}
LEADS_OR_SEES_ALL = {"facilitator", "supervisor", "administrator"}

# (what, call, roles allowed). "facilitator" leads the group used; "other facilitator" does not.
CALLS = [
    ("start a run of their meeting", lambda w: w.new_run(w.lena_meeting.id, w.runs), {"facilitator", "supervisor"}),
    ("start a run of another meeting", lambda w: w.new_run(w.other_meeting.id, w.runs), {"supervisor"}),
    ("start a run from the Library", lambda w: w.new_run(None, w.runs), EVERYONE),
    ("name the players of their run", lambda w: w.runs.set_players(w.lena_run, [Player("Al", w.lena_person.id)], show_first_names=False, small_groups=False), {"facilitator", "supervisor"}),
    ("open their run", lambda w: w.runs.load(w.lena_run), LEADS_OR_SEES_ALL),
    ("open another group's run", lambda w: w.runs.load(w.other_run), {"supervisor", "administrator"}),
    ("open a Library run", lambda w: w.runs.load(w.library_run), EVERYONE),
    ("runs of their meeting", lambda w: w.runs.for_meeting(w.lena_meeting.id), LEADS_OR_SEES_ALL),
]


@pytest.mark.parametrize(("what", "call", "allowed"), CALLS, ids=[c[0] for c in CALLS])
@pytest.mark.parametrize("role", ROLES)
def test_each_service_as_each_role(world: World, role: str, what: str, call, allowed: set[str]) -> None:  # type: ignore[no-untyped-def]
    world.act_as(role)
    if role in allowed:
        call(world)
    else:
        with pytest.raises(PermissionDenied) as info:
            call(world)
        assert str(info.value).endswith(".")


@pytest.mark.parametrize(("what", "call", "allowed"), CALLS, ids=[c[0] for c in CALLS])
def test_nobody_signed_in_is_refused(world: World, what: str, call, allowed: set[str]) -> None:  # type: ignore[no-untyped-def]
    world.act_as(None)
    with pytest.raises(NotSignedIn):
        call(world)


def test_unfinished_runs_hold_only_what_one_may_see(world: World) -> None:
    world.act_as("facilitator")
    ids = {r.id for r in world.runs.unfinished(any_workstation=True)}
    assert world.lena_run in ids and world.library_run in ids and world.other_run not in ids
    world.act_as("supervisor")
    assert world.other_run in {r.id for r in world.runs.unfinished(any_workstation=True)}


def test_clinic_settings_are_changed_by_administrators_and_audited(tmp_path: Path) -> None:
    from facilitator.store.guarded import GuardedSettings

    engine = db.create_engine(f"sqlite:///{tmp_path / 's.sqlite'}")
    db.upgrade(engine)
    try:
        audit = AuditLog(engine, FakeClock(NOW))
        who: list[Principal | None] = [None]
        accounts = [False]
        settings = GuardedSettings(ClinicSettings(engine), audit, lambda: who[0], lambda: accounts[0])
        settings.set("clinic_name", "New Clinic")  # a new clinic is set up before any account exists
        accounts[0] = True
        with pytest.raises(NotSignedIn):
            settings.set("clinic_name", "Someone's Clinic")
        for role in (UserRole.FACILITATOR, UserRole.SUPERVISOR):
            who[0] = Principal(2, "x", "X", role)
            with pytest.raises(PermissionDenied, match="administrator"):
                settings.set("idle_lock_minutes", "60")
            assert settings.get("clinic_name") == "New Clinic"  # reading is for everyone
        who[0] = Principal(1, "pat", "Pat Kim", UserRole.ADMINISTRATOR)
        settings.set("idle_lock_minutes", "10")
        assert settings.get("idle_lock_minutes") == "10"
        entries = audit.entries(who[0])
        assert [(e.action, e.record_id, e.username) for e in entries] == [
            ("settings change", "clinic_name", "setup"),
            ("settings change", "idle_lock_minutes", "pat"),
        ]
        assert entries[-1].detail == "'' -> '10'"
    finally:
        engine.dispose()
