"""Every roster and attendance service call, as each role: allowed, refused, narrowed, audited."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from principals import make_account

from facilitator.core.clock import FakeClock
from facilitator.core.permissions import NotSignedIn, PermissionDenied, Principal
from facilitator.core.roster import AttendanceMark, GroupDraft, ParticipantDraft
from facilitator.store import db
from facilitator.store.attendance import AttendanceService
from facilitator.store.audit import AuditLog
from facilitator.store.demo_clinic import fill_demo_clinic
from facilitator.store.guarded import GuardedAttendance, GuardedRoster
from facilitator.store.roster import RosterService
from facilitator.store.runs import Player, RunStore
from facilitator.store.settings_service import ClinicSettings

NOW = datetime(2026, 11, 4, 18, 0, tzinfo=UTC)


class World:
    """The demo clinic, the guarded services, and one principal per role."""

    def __init__(self, engine, library) -> None:  # type: ignore[no-untyped-def]
        self.engine = engine
        settings = ClinicSettings(engine)
        settings.set("clinic_time_zone", "America/Chicago")
        self.clock = FakeClock(NOW)
        self.audit = AuditLog(engine, self.clock)
        self.raw_roster = RosterService(engine)
        self.raw_attendance = AttendanceService(engine, settings, library, self.clock)
        fill_demo_clinic(engine, library, NOW, "America/Chicago", seed=5)
        self.who: Principal | None = None
        self.roster = GuardedRoster(self.raw_roster, engine, self.audit, lambda: self.who)
        self.attendance = GuardedAttendance(self.raw_attendance, engine, self.audit, lambda: self.who)
        # The run store keeps its own rules: ``runs`` acts as whoever the test says, ``raw_runs``
        # (setting the world up) as a supervisor, who may run any group's meeting.
        self.runs = RunStore(engine, self.clock, workstation="room-a", principal=lambda: self.who)
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
        # Real accounts: the unit of work re-reads the account at every call.
        self.principals = {
            "facilitator": make_account(engine, "lena", "facilitator", "Lena Castillo", staff["Lena Castillo"]),
            "other facilitator": make_account(engine, "jo", "facilitator", "Jordan Okafor", staff["Jordan Okafor"]),
            "supervisor": make_account(engine, "sam", "supervisor", "Sam Super"),
            "administrator": make_account(engine, "pat", "administrator", "Pat Kim"),
        }
        self.raw_runs = RunStore(engine, self.clock, workstation="room-a", principal=lambda: self.principals["supervisor"])
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
    ("staff names", lambda w: w.roster.staff(), EVERYONE),
    ("group list", lambda w: w.roster.groups(), EVERYONE),
    ("a group they lead", lambda w: w.roster.group(w.lena_group.id), LEADS_OR_SEES_ALL),
    ("another group", lambda w: w.roster.group(w.other_group.id), {"supervisor", "administrator"}),
    ("participant list", lambda w: w.roster.participants(), EVERYONE),
    ("a participant of theirs", lambda w: w.roster.participant(w.lena_person.id), LEADS_OR_SEES_ALL),
    ("someone else's participant", lambda w: w.roster.participant(w.other_person.id), {"supervisor", "administrator"}),
    ("relatives", lambda w: w.roster.relatives(), EVERYONE),
    ("enrollments of their group", lambda w: w.roster.enrollments(w.lena_group.id), LEADS_OR_SEES_ALL),
    ("roster of their group", lambda w: w.roster.roster_on(w.lena_group.id, NOW.date()), LEADS_OR_SEES_ALL),
    ("roster of another group", lambda w: w.roster.roster_on(w.other_group.id, NOW.date()), {"supervisor", "administrator"}),
    ("update a participant", lambda w: w.roster.update_participant(w.lena_person.id, _draft_of(w.lena_person)), ADMIN),
    ("update a group", lambda w: w.roster.update_group(w.lena_group.id, _group_draft(w, w.lena_group)), ADMIN),
    ("add a relative", lambda w: w.roster.add_relative(w.lena_person.id, "Kim Test", "sister"), ADMIN),
    ("import check", lambda w: w.roster.import_problems(_empty_plan()), ADMIN),
    ("meetings of the day", lambda w: w.attendance.meetings_on(w.lena_meeting.local_day), EVERYONE),
    ("a meeting of theirs", lambda w: w.attendance.meeting(w.lena_meeting.id), LEADS_OR_SEES_ALL),
    ("attendance sheet of theirs", lambda w: w.attendance.sheet(w.lena_meeting.id), LEADS_OR_SEES_ALL),
    ("attendance sheet of another group", lambda w: w.attendance.sheet(w.other_meeting.id), {"supervisor", "administrator"}),
    ("mark attendance in their group", lambda w: w.attendance.save_attendance(w.lena_meeting.id, _marks(w, w.lena_meeting)), LEADS_OR_SEES_ALL),
    ("mark attendance elsewhere", lambda w: w.attendance.save_attendance(w.other_meeting.id, _marks(w, w.other_meeting)), {"supervisor", "administrator"}),
    ("weekly hours of theirs", lambda w: w.attendance.participant_hours(w.lena_person.id, NOW.date() - timedelta(days=28), NOW.date()), LEADS_OR_SEES_ALL),
    ("coverage of theirs", lambda w: w.attendance.coverage(w.lena_person.id, w.lena_group.id), LEADS_OR_SEES_ALL),
    ("sign-in sheet of theirs", lambda w: w.attendance.sign_in_sheet(w.lena_meeting.id), LEADS_OR_SEES_ALL),
    ("attendance report of theirs", lambda w: w.attendance.attendance_report(w.lena_person.id, NOW.date() - timedelta(days=28), NOW.date()), LEADS_OR_SEES_ALL),
    ("attendance report of someone else", lambda w: w.attendance.attendance_report(w.other_person.id, NOW.date() - timedelta(days=28), NOW.date()), {"supervisor", "administrator"}),
    ("cancel and reinstate their meeting", lambda w: _cancel_reinstate(w, w.lena_upcoming.id), LEADS_OR_SEES_ALL),
    ("clinic rules", lambda w: w.attendance.rules(), EVERYONE),
    ("start a run of their meeting", lambda w: w.new_run(w.lena_meeting.id, w.runs), {"facilitator", "supervisor"}),
    ("start a run of another meeting", lambda w: w.new_run(w.other_meeting.id, w.runs), {"supervisor"}),
    ("start a run from the Library", lambda w: w.new_run(None, w.runs), EVERYONE),
    ("name the players of their run", lambda w: w.runs.set_players(w.lena_run, [Player("Al", w.lena_person.id)], show_first_names=False, small_groups=False), {"facilitator", "supervisor"}),
    ("open their run", lambda w: w.runs.load(w.lena_run), LEADS_OR_SEES_ALL),
    ("open another group's run", lambda w: w.runs.load(w.other_run), {"supervisor", "administrator"}),
    ("open a Library run", lambda w: w.runs.load(w.library_run), EVERYONE),
    ("runs of their meeting", lambda w: w.runs.for_meeting(w.lena_meeting.id), LEADS_OR_SEES_ALL),
]


def _draft_of(person) -> ParticipantDraft:  # type: ignore[no-untyped-def]
    return ParticipantDraft(
        record_number=person.record_number, preferred_name=person.preferred_name, legal_name=person.legal_name,
        program_start=person.program_start, date_of_birth=person.date_of_birth,
        weekly_hours_target=person.weekly_hours_target, language=person.language, large_print=person.large_print,
        audience=person.audience, status=person.status, goals=person.goals,
    )


def _group_draft(w: World, g) -> GroupDraft:  # type: ignore[no-untyped-def]
    from dataclasses import fields

    names = {f.name for f in fields(GroupDraft)}
    return GroupDraft(**{n: getattr(g, n) for n in names if hasattr(g, n)})


def _empty_plan():  # type: ignore[no-untyped-def]
    from facilitator.core.roster import RosterPlan

    return RosterPlan()


def _marks(w: World, meeting) -> list[AttendanceMark]:  # type: ignore[no-untyped-def]
    rows = w.raw_attendance.sheet(meeting.id)
    return [AttendanceMark(status=r.status, participant_id=r.participant_id) for r in rows if r.participant_id]


def _cancel_reinstate(w: World, meeting_id: int) -> None:
    w.attendance.cancel_meeting(meeting_id, "test")
    w.attendance.reinstate_meeting(meeting_id)


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
    if what == "clinic rules":
        call(world)  # clinic-wide rules hold no records
        return
    with pytest.raises(NotSignedIn):
        call(world)


def test_facilitators_lists_hold_only_their_groups_and_people(world: World) -> None:
    world.act_as("facilitator")
    assert {g.id for g in world.roster.groups()} == world.lena_groups
    people = {p.id for p in world.roster.participants()}
    assert people and people <= world.lena_people and world.other_person.id not in people
    day = world.lena_meeting.local_day
    assert {s.meeting.group_id for s in world.attendance.meetings_on(day)} <= world.lena_groups
    # a record number of someone else's participant looks like one that does not exist
    assert world.roster.participant_by_record(world.other_person.record_number) is None
    world.act_as("supervisor")
    assert len(world.roster.groups()) == len(world.raw_roster.groups())


def test_reads_and_changes_are_audited_with_the_participant(world: World) -> None:
    world.act_as("facilitator")
    before = world.audit.count()
    world.roster.participant(world.lena_person.id)
    world.attendance.attendance_report(world.lena_person.id, date(2026, 10, 1), date(2026, 10, 31))
    world.attendance.save_attendance(world.lena_meeting.id, _marks(world, world.lena_meeting))
    entries = world.audit.entries(world.principals["supervisor"])[before:]
    assert [(e.action, e.record_type, e.participant_id) for e in entries[:2]] == [
        ("view", "participant", world.lena_person.id),
        ("export", "attendance report", world.lena_person.id),
    ]
    changes = [e for e in entries[2:] if e.action == "change" and e.record_type == "attendance"]
    assert changes and all(e.username == "lena" and e.record_id == str(world.lena_meeting.id) for e in changes)
    assert world.audit.verify().ok


def test_a_new_participant_is_created_only_by_an_administrator(world: World) -> None:
    draft = ParticipantDraft(
        record_number="T-900", preferred_name="Test", legal_name="Test Person", program_start=date(2026, 11, 2)
    )
    world.act_as("supervisor")
    with pytest.raises(PermissionDenied, match="administrator"):
        world.roster.create_participant(draft)
    world.act_as("administrator")
    created = world.roster.create_participant(draft)
    last = world.audit.entries(world.principals["administrator"])[-1]
    assert (last.action, last.participant_id, last.username) == ("create", created.id, "pat")


def test_unfinished_runs_hold_only_what_one_may_see(world: World) -> None:
    world.act_as("facilitator")
    ids = {r.id for r in world.runs.unfinished(any_workstation=True)}
    assert world.lena_run in ids and world.library_run in ids and world.other_run not in ids
    world.act_as("supervisor")
    assert world.other_run in {r.id for r in world.runs.unfinished(any_workstation=True)}


def test_a_method_without_a_rule_is_not_passed_through(world: World) -> None:
    world.act_as("administrator")
    with pytest.raises(AttributeError, match="guarded.py"):
        world.roster._fill_group  # noqa: B018
