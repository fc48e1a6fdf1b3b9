"""Every roster and attendance call, as each role: allowed, refused, narrowed, audited in its unit of work."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from roster_world import account, services, staff_id, work_on

from facilitator.core.attendance import AttendanceStatus
from facilitator.core.clock import FakeClock
from facilitator.core.permissions import NotSignedIn, PermissionDenied, Principal, UserRole
from facilitator.core.roster import AttendanceMark, GroupDraft, ParticipantDraft, RosterPlan
from facilitator.store import db
from facilitator.store.attendance import AttendanceService
from facilitator.store.demo_clinic import fill_demo_clinic
from facilitator.store.roster import RosterService

NOW = datetime(2026, 11, 4, 18, 0, tzinfo=UTC)


class World:
    """The demo clinic, the services as whoever ``act_as`` names, and one account per role."""

    def __init__(self, engine, library) -> None:  # type: ignore[no-untyped-def]
        self.engine = engine
        self.clock = FakeClock(NOW)
        self.raw_roster, self.raw_attendance, settings, _ = services(engine, library, self.clock)
        fill_demo_clinic(engine, library, NOW, "America/Chicago", seed=5)
        self.who: Principal | None = None
        self.work = work_on(engine, self.clock, lambda: self.who)
        self.audit = self.work.audit_log
        self.roster = RosterService(self.work)
        self.attendance = AttendanceService(self.work, settings, library)
        lena, jordan = staff_id(engine, "Lena Castillo"), staff_id(engine, "Jordan Okafor")
        with engine.connect() as conn:
            def led(staff: int) -> set[int]:
                return set(conn.execute(sa.text("SELECT group_id FROM group_staff WHERE staff_id = :s"),
                                        {"s": staff}).scalars())
            self.lena_groups, jordan_groups = led(lena), led(jordan)
        self.principals = {
            "facilitator": account(engine, "lena", UserRole.FACILITATOR, "Lena Castillo", lena),
            "other facilitator": account(engine, "jo", UserRole.FACILITATOR, "Jordan Okafor", jordan),
            "supervisor": account(engine, "sam", UserRole.SUPERVISOR, "Sam Super"),
            "administrator": account(engine, "pat", UserRole.ADMINISTRATOR, "Pat Kim"),
        }
        groups = self.raw_roster.groups()
        self.lena_group = next(g for g in groups if g.id in self.lena_groups)
        self.lena_person = self.raw_roster.roster_on(self.lena_group.id, NOW.date())[0]
        lena_people = {e.participant_id for g in self.lena_groups for e in self.raw_roster.enrollments(g)}
        jordan_people = {e.participant_id for g in jordan_groups for e in self.raw_roster.enrollments(g)}
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

    def act_as(self, role: str | None) -> None:
        self.who = None if role is None else self.principals[role]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, shipped_library) -> World:  # type: ignore[no-untyped-def]
    path: Path = tmp_path_factory.mktemp("access") / "clinic.sqlite"
    engine = db.create_engine(f"sqlite:///{path}")
    db.upgrade(engine)
    yield World(engine, shipped_library)
    engine.dispose()


ROLES = ["facilitator", "other facilitator", "supervisor", "administrator"]
EVERYONE = set(ROLES)
ADMIN = {"administrator"}
LEADS_OR_SEES_ALL = {"facilitator", "supervisor", "administrator"}
SEES_ALL = {"supervisor", "administrator"}


def _marks(w: World, meeting) -> list[AttendanceMark]:  # type: ignore[no-untyped-def]
    """Every participant's mark as it is, sent again (as if each was changed and changed back)."""
    return [
        AttendanceMark(r.status, r.participant_id, attendance_id=r.attendance_id, version=r.version, overwrite=True)
        for r in w.raw_attendance.sheet(meeting.id) if r.participant_id and r.status
    ]


def _group_draft(g) -> GroupDraft:  # type: ignore[no-untyped-def]
    from dataclasses import fields

    return GroupDraft(**{f.name: getattr(g, f.name) for f in fields(GroupDraft)})


def _cancel_reinstate(w: World, meeting_id: int) -> None:
    cancelled = w.attendance.cancel_meeting(meeting_id, "test", None)
    w.attendance.reinstate_meeting(meeting_id, cancelled.version)


# (what, call, roles allowed). "facilitator" leads the group used; "other facilitator" does not.
CALLS = [
    ("staff names", lambda w: w.roster.staff(), EVERYONE),
    ("group list", lambda w: w.roster.groups(), EVERYONE),
    ("a group they lead", lambda w: w.roster.group(w.lena_group.id), LEADS_OR_SEES_ALL),
    ("another group", lambda w: w.roster.group(w.other_group.id), SEES_ALL),
    ("participant list", lambda w: w.roster.participants(), EVERYONE),
    ("a participant of theirs", lambda w: w.roster.participant(w.lena_person.id), LEADS_OR_SEES_ALL),
    ("someone else's participant", lambda w: w.roster.participant(w.other_person.id), SEES_ALL),
    ("relatives", lambda w: w.roster.relatives(), EVERYONE),
    ("enrollments of their group", lambda w: w.roster.enrollments(w.lena_group.id), LEADS_OR_SEES_ALL),
    ("roster of their group", lambda w: w.roster.roster_on(w.lena_group.id, NOW.date()), LEADS_OR_SEES_ALL),
    ("roster of another group", lambda w: w.roster.roster_on(w.other_group.id, NOW.date()), SEES_ALL),
    ("update a participant", lambda w: w.roster.update_participant(w.lena_person.id, w.lena_person.draft(), None), ADMIN),
    ("update a group", lambda w: w.roster.update_group(w.lena_group.id, _group_draft(w.lena_group), None), ADMIN),
    ("add a relative", lambda w: w.roster.add_relative(w.lena_person.id, "Kim Test", "sister"), ADMIN),
    ("import check", lambda w: w.roster.import_problems(RosterPlan()), ADMIN),
    ("meetings of the day", lambda w: w.attendance.meetings_on(w.lena_meeting.local_day), EVERYONE),
    ("a meeting of theirs", lambda w: w.attendance.meeting(w.lena_meeting.id), LEADS_OR_SEES_ALL),
    ("plan their group's meetings", lambda w: w.attendance.plan_meetings(w.lena_group.id, NOW.date()), LEADS_OR_SEES_ALL),
    ("plan another group's meetings", lambda w: w.attendance.plan_meetings(w.other_group.id, NOW.date()), SEES_ALL),
    ("attendance sheet of theirs", lambda w: w.attendance.sheet(w.lena_meeting.id), LEADS_OR_SEES_ALL),
    ("attendance sheet of another group", lambda w: w.attendance.sheet(w.other_meeting.id), SEES_ALL),
    ("mark attendance in their group",
     lambda w: w.attendance.save_attendance(w.lena_meeting.id, _marks(w, w.lena_meeting)), LEADS_OR_SEES_ALL),
    ("mark attendance elsewhere",
     lambda w: w.attendance.save_attendance(w.other_meeting.id, _marks(w, w.other_meeting)), SEES_ALL),
    ("weekly hours of theirs",
     lambda w: w.attendance.participant_hours(w.lena_person.id, NOW.date() - timedelta(days=28), NOW.date()),
     LEADS_OR_SEES_ALL),
    ("coverage of theirs", lambda w: w.attendance.coverage(w.lena_person.id, w.lena_group.id), LEADS_OR_SEES_ALL),
    ("sign-in sheet of theirs", lambda w: w.attendance.sign_in_sheet(w.lena_meeting.id), LEADS_OR_SEES_ALL),
    ("attendance report of theirs",
     lambda w: w.attendance.attendance_report(w.lena_person.id, NOW.date() - timedelta(days=28), NOW.date()),
     LEADS_OR_SEES_ALL),
    ("attendance report of someone else",
     lambda w: w.attendance.attendance_report(w.other_person.id, NOW.date() - timedelta(days=28), NOW.date()),
     SEES_ALL),
    ("cancel and reinstate their meeting", lambda w: _cancel_reinstate(w, w.lena_upcoming.id), LEADS_OR_SEES_ALL),
    ("clinic rules", lambda w: w.attendance.rules(), EVERYONE),
]


@pytest.mark.parametrize(("what", "call", "allowed"), CALLS, ids=[c[0] for c in CALLS])
@pytest.mark.parametrize("role", ROLES)
def test_each_call_as_each_role(world: World, role: str, what: str, call, allowed: set[str]) -> None:  # type: ignore[no-untyped-def]
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
    assert {m.group_id for m in world.attendance.meetings()} == world.lena_groups
    # someone else's record number, and one that does not exist, get the same answer
    assert world.roster.participant_by_record(world.other_person.record_number) is None
    assert world.roster.participant_by_record("NO-SUCH-RECORD") is None
    with pytest.raises(PermissionDenied) as theirs:
        world.roster.participant(world.other_person.id)
    with pytest.raises(PermissionDenied) as nobody:
        world.roster.participant(999_999)
    assert str(theirs.value) == str(nobody.value)
    world.act_as("supervisor")
    assert len(world.roster.groups()) == len(world.raw_roster.groups())


def test_reads_and_changes_are_audited_in_words_with_the_participant(world: World) -> None:
    world.act_as("facilitator")
    before = world.audit.count()
    world.roster.participant(world.lena_person.id)
    world.attendance.attendance_report(world.lena_person.id, date(2026, 10, 1), date(2026, 10, 31))
    row = next(r for r in world.attendance.sheet(world.lena_meeting.id) if r.participant_id == world.lena_person.id)
    start = world.lena_meeting.starts_at
    world.attendance.save_attendance(world.lena_meeting.id, [AttendanceMark(
        AttendanceStatus.LATE, world.lena_person.id, arrived_at=start + timedelta(minutes=20),
        attendance_id=row.attendance_id, version=row.version)])
    entries = world.audit.entries(world.principals["supervisor"])[before:]
    assert [(e.action, e.record_type, e.participant_id) for e in entries[:2]] == [
        ("view", "participant", world.lena_person.id),
        ("export", "attendance report", world.lena_person.id),
    ]
    (change,) = [e for e in entries if e.action == "change" and e.record_type == "attendance"]
    local = (start + timedelta(minutes=20)).astimezone(world.attendance.zone())
    assert change.detail == f"marked late, arrived {local:%H:%M}"
    assert (change.username, change.record_id, change.participant_id) == (
        "lena", str(world.lena_meeting.id), world.lena_person.id)
    assert "AttendanceStatus" not in change.detail
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
    assert (last.action, last.participant_id, last.username, last.detail) == (
        "create", created.id, "pat", "added to the roster")


def test_a_refused_change_writes_nothing_and_audits_nothing(world: World) -> None:
    world.act_as("other facilitator")
    sheet = world.raw_attendance.sheet(world.lena_meeting.id)
    before = world.audit.count()
    with pytest.raises(PermissionDenied):
        world.attendance.save_attendance(world.lena_meeting.id, [
            AttendanceMark(AttendanceStatus.ABSENT_UNEXCUSED, r.participant_id, attendance_id=r.attendance_id,
                           version=r.version) for r in sheet if r.participant_id])
    assert world.audit.count() == before
    assert world.raw_attendance.sheet(world.lena_meeting.id) == sheet

