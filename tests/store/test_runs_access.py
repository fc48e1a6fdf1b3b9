"""The session runner's record, as each role: allowed, refused, narrowed.

A run of a meeting belongs to that meeting's group; a run started from the Library holds no
participant and is open to anyone signed in. (Roster and attendance:
tests/store/test_roster_access.py; clinic settings: tests/store/test_settings_service.py.)
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from principals import make_account
from roster_world import services

from facilitator.core.clock import FakeClock
from facilitator.core.permissions import NotSignedIn, PermissionDenied, Principal
from facilitator.store import db
from facilitator.store.demo_clinic import fill_demo_clinic
from facilitator.store.runs import Player, RunStore

NOW = datetime(2026, 11, 4, 18, 0, tzinfo=UTC)


class World:
    """The demo clinic, a run store acting for whoever the test says, and one account per role."""

    def __init__(self, engine, library) -> None:  # type: ignore[no-untyped-def]
        self.clock = FakeClock(NOW)
        roster, attendance, _settings, _work = services(engine, library, self.clock)
        fill_demo_clinic(engine, library, NOW, "America/Chicago", seed=5)
        self.who: Principal | None = None
        self.runs = RunStore(engine, self.clock, workstation="room-a", principal=lambda: self.who)
        self.library = library
        with engine.connect() as conn:
            staff = dict(conn.execute(sa.text("SELECT name, id FROM staff")).all())
            self.lena_groups = set(conn.execute(
                sa.text("SELECT group_id FROM group_staff WHERE staff_id = :s"), {"s": staff["Lena Castillo"]}
            ).scalars())
            jordan_groups = set(conn.execute(
                sa.text("SELECT group_id FROM group_staff WHERE staff_id = :s"), {"s": staff["Jordan Okafor"]}
            ).scalars())
        # Real accounts: the unit of work re-reads the account at every call.
        self.principals = {
            "facilitator": make_account(engine, "lena", "facilitator", "Lena Castillo", staff["Lena Castillo"]),
            "other facilitator": make_account(engine, "jo", "facilitator", "Jordan Okafor", staff["Jordan Okafor"]),
            "supervisor": make_account(engine, "sam", "supervisor", "Sam Super"),
            "administrator": make_account(engine, "pat", "administrator", "Pat Kim"),
        }
        self.setup_runs = RunStore(engine, self.clock, workstation="room-a",
                                   principal=lambda: self.principals["supervisor"])
        lena_group = next(g for g in roster.groups() if g.id in self.lena_groups)
        self.lena_person = roster.roster_on(lena_group.id, NOW.date())[0]
        other = next(g for g in roster.groups() if g.id not in self.lena_groups | jordan_groups)
        self.lena_meeting = attendance.meetings(lena_group.id, NOW.date() - timedelta(days=14))[0]
        self.other_meeting = attendance.meetings(other.id, NOW.date() - timedelta(days=14))[0]
        self.lena_run = self.new_run(self.lena_meeting.id)
        self.other_run = self.new_run(self.other_meeting.id)
        self.library_run = self.new_run(None)

    def new_run(self, meeting_id: int | None, store: RunStore | None = None) -> int:
        from facilitator.core.agenda_clock import AgendaClock

        curriculum = self.library.curricula[0]
        session = curriculum.sessions[0]
        snapshot = AgendaClock(session.agenda, self.clock, session.minutes * 60).snapshot()
        return (store or self.setup_runs).create(curriculum, session, snapshot, meeting_id=meeting_id)

    def act_as(self, role: str | None) -> None:
        self.who = None if role is None else self.principals[role]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, shipped_library) -> World:  # type: ignore[no-untyped-def]
    path: Path = tmp_path_factory.mktemp("runs") / "clinic.sqlite"
    engine = db.create_engine(f"sqlite:///{path}")
    db.upgrade(engine)
    yield World(engine, shipped_library)
    engine.dispose()


ROLES = ["facilitator", "other facilitator", "supervisor", "administrator"]
EVERYONE = set(ROLES)
LEADS_OR_SEES_ALL = {"facilitator", "supervisor", "administrator"}

# (what, call, roles allowed). "facilitator" leads the group used; "other facilitator" does not.
CALLS = [
    ("start a run of their meeting", lambda w: w.new_run(w.lena_meeting.id, w.runs), {"facilitator", "supervisor"}),
    ("start a run of another meeting", lambda w: w.new_run(w.other_meeting.id, w.runs), {"supervisor"}),
    ("start a run from the Library", lambda w: w.new_run(None, w.runs), EVERYONE),
    ("name the players of their run",
     lambda w: w.runs.set_players(w.lena_run, [Player("Al", w.lena_person.id)], show_first_names=False,
                                  small_groups=False),
     {"facilitator", "supervisor"}),
    ("open their run", lambda w: w.runs.load(w.lena_run), LEADS_OR_SEES_ALL),
    ("open another group's run", lambda w: w.runs.load(w.other_run), {"supervisor", "administrator"}),
    ("open a Library run", lambda w: w.runs.load(w.library_run), EVERYONE),
    ("runs of their meeting", lambda w: w.runs.for_meeting(w.lena_meeting.id), LEADS_OR_SEES_ALL),
]


@pytest.mark.parametrize(("what", "call", "allowed"), CALLS, ids=[c[0] for c in CALLS])
@pytest.mark.parametrize("role", ROLES)
def test_each_run_call_as_each_role(world: World, role: str, what: str, call, allowed: set[str]) -> None:  # type: ignore[no-untyped-def]
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
