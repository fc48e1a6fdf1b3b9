"""No lost update: two workstations on one sheet, versions of participants, groups and meetings.

Each workstation is its own ``Work`` (its own change feed name) on the same database, as two
counselors' computers are; the tests run on SQLite and, with FACILITATOR_TEST_DATABASE_URL,
on PostgreSQL.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

import pytest
import sqlalchemy as sa
from roster_world import account, services, staff_id, work_on

from facilitator.core.attendance import AttendanceStatus, Track, WeeklySchedule, local_instant
from facilitator.core.changes import ATTENDANCE, MEETING, Changes, ConflictError
from facilitator.core.clock import FakeClock
from facilitator.core.curriculum import GroupType
from facilitator.core.permissions import UserRole
from facilitator.core.roster import AttendanceMark, GroupDraft, ParticipantDraft
from facilitator.store.attendance import AttendanceConflict, AttendanceService
from facilitator.store.models import AuditEntry
from facilitator.store.roster import RosterService

DAY = date(2026, 3, 19)  # a Thursday
NAMES = ["Ana", "Ben", "Cal", "Dee", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jo", "Kim", "Lou", "Mo"]


@pytest.fixture
def clinic(engine, shipped_library):  # type: ignore[no-untyped-def]
    """Thirteen people in one evening group led by Dana Lee; two counselors and an administrator."""
    from zoneinfo import ZoneInfo

    clock = FakeClock(local_instant(DAY, time(17, 50), ZoneInfo("America/Chicago")))
    roster, attendance, settings, _ = services(engine, shipped_library, clock)
    group = roster.create_group(GroupDraft(
        name="Tuesday Evening Skills", group_type=GroupType.SKILLS, track=Track(("skills-core",), True),
        schedule=WeeklySchedule((1, 3), time(18), 180), start_date=date(2026, 3, 3), room="Room B",
        facilitators=("Dana Lee",), co_facilitators=("Eve Co",)))
    people = []
    for n, name in enumerate(NAMES):
        p = roster.create_participant(ParticipantDraft(f"R{n:02d}", name, f"{name} Legal", date(2026, 3, 1)))
        roster.enroll(group.id, p.id, date(2026, 3, 3))
        people.append(p)
    attendance.plan_meetings(group.id, DAY + timedelta(days=7))
    meeting = attendance.meetings_on(DAY)[0].meeting
    dana = account(engine, "dana", UserRole.FACILITATOR, "Dana Lee", staff_id(engine, "Dana Lee"))
    eve = account(engine, "eve", UserRole.FACILITATOR, "Eve Co", staff_id(engine, "Eve Co"))
    admin = account(engine, "pat", UserRole.ADMINISTRATOR, "Pat Kim")

    def station(principal, name):  # type: ignore[no-untyped-def]
        work = work_on(engine, clock, principal, workstation=name)
        return RosterService(work), AttendanceService(work, settings, shipped_library), work

    return {"group": group, "people": people, "meeting": meeting, "station": station,
            "dana": dana, "eve": eve, "admin": admin, "attendance": attendance, "clock": clock}


def _row(sheet, person):  # type: ignore[no-untyped-def]
    return next(r for r in sheet if r.participant_id == person.id)


def _mark(row, status, **changes) -> AttendanceMark:  # type: ignore[no-untyped-def]
    return AttendanceMark(status, row.participant_id, row.relative_id, attendance_id=row.attendance_id,
                          version=row.version, **changes)


def _statuses(attendance, meeting_id):  # type: ignore[no-untyped-def]
    return {r.name: r.status for r in attendance.sheet(meeting_id)}


def test_two_counselors_marking_different_people_on_one_sheet_both_keep_their_marks(clinic) -> None:  # type: ignore[no-untyped-def]
    _, dana_att, _ = clinic["station"](clinic["dana"], "room-a")
    _, eve_att, _ = clinic["station"](clinic["eve"], "front-desk")
    m, (ana, ben) = clinic["meeting"], clinic["people"][:2]
    dana_sheet, eve_sheet = dana_att.sheet(m.id), eve_att.sheet(m.id)  # both open the empty sheet
    dana_att.save_attendance(m.id, [_mark(_row(dana_sheet, ana), AttendanceStatus.PRESENT)])
    eve_att.save_attendance(m.id, [_mark(_row(eve_sheet, ben), AttendanceStatus.LATE,
                                         arrived_at=m.starts_at + timedelta(minutes=20))])
    statuses = _statuses(clinic["attendance"], m.id)
    assert statuses["Ana"] is AttendanceStatus.PRESENT and statuses["Ben"] is AttendanceStatus.LATE
    assert sum(1 for s in statuses.values() if s is not None) == 2  # nobody else was touched
    # Each goes on marking from the sheet they still have open: still nobody loses a mark.
    cal, dee = clinic["people"][2:4]
    dana_att.save_attendance(m.id, [_mark(_row(dana_sheet, cal), AttendanceStatus.ABSENT_EXCUSED)])
    eve_att.save_attendance(m.id, [_mark(_row(eve_sheet, dee), AttendanceStatus.PRESENT)])
    statuses = _statuses(clinic["attendance"], m.id)
    assert [statuses[n] for n in ("Ana", "Ben", "Cal", "Dee")] == [
        AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.ABSENT_EXCUSED, AttendanceStatus.PRESENT]


def test_marking_the_same_person_is_a_conflict_naming_who_until_saved_over_knowingly(clinic, engine) -> None:  # type: ignore[no-untyped-def]
    _, dana_att, _ = clinic["station"](clinic["dana"], "room-a")
    _, eve_att, _ = clinic["station"](clinic["eve"], "front-desk")
    m, ana, ben = clinic["meeting"], clinic["people"][0], clinic["people"][1]
    dana_sheet, eve_sheet = dana_att.sheet(m.id), eve_att.sheet(m.id)
    dana_att.save_attendance(m.id, [_mark(_row(dana_sheet, ana), AttendanceStatus.PRESENT)])
    dana_sheet = dana_att.sheet(m.id)  # the sheet reads again after a save
    # Eve had no mark for Ana when she opened the sheet: a new mark meets Dana's, it does not replace it.
    with pytest.raises(AttendanceConflict) as caught:
        eve_att.save_attendance(m.id, [_mark(_row(eve_sheet, ben), AttendanceStatus.PRESENT),
                                       _mark(_row(eve_sheet, ana), AttendanceStatus.ABSENT_UNEXCUSED)])
    err = caught.value
    assert isinstance(err, ConflictError)
    assert err.keys == ((ana.id, None),) and err.names == ("Ana",) and err.changed_by == "Dana Lee"
    assert str(err).startswith("Dana Lee changed the attendance of Ana at ")
    statuses = _statuses(clinic["attendance"], m.id)
    assert statuses["Ana"] is AttendanceStatus.PRESENT and statuses["Ben"] is None, "all or nothing"
    # She chooses to save hers over it.
    eve_att.save_attendance(m.id, [_mark(_row(eve_sheet, ben), AttendanceStatus.PRESENT),
                                   _mark(_row(eve_sheet, ana), AttendanceStatus.ABSENT_UNEXCUSED, overwrite=True)])
    statuses = _statuses(clinic["attendance"], m.id)
    assert statuses["Ana"] is AttendanceStatus.ABSENT_UNEXCUSED and statuses["Ben"] is AttendanceStatus.PRESENT
    with engine.connect() as conn:
        details = list(conn.execute(sa.select(AuditEntry.__table__.c.detail)
                                    .where(AuditEntry.__table__.c.username == "eve")).scalars())
    assert "marked absent, unexcused, saved over another change" in details
    # Dana's sheet is now stale for Ana: changing or clearing the mark she read is a conflict too.
    for status in (AttendanceStatus.LATE, None):
        with pytest.raises(AttendanceConflict, match="Eve Co changed the attendance of Ana"):
            dana_att.save_attendance(m.id, [_mark(_row(dana_sheet, ana), status)])


def test_an_unmarked_row_is_left_alone_and_a_cleared_mark_is_removed(clinic) -> None:  # type: ignore[no-untyped-def]
    _, dana_att, _ = clinic["station"](clinic["dana"], "room-a")
    m, (ana, ben) = clinic["meeting"], clinic["people"][:2]
    sheet = dana_att.sheet(m.id)
    dana_att.save_attendance(m.id, [_mark(_row(sheet, ana), AttendanceStatus.PRESENT),
                                    _mark(_row(sheet, ben), AttendanceStatus.PRESENT)])
    sheet = dana_att.sheet(m.id)
    # Saving Ben alone does not touch Ana; clearing Ben's mark (as read) removes it.
    assert dana_att.save_attendance(m.id, [_mark(_row(sheet, ben), None)]) == 1
    statuses = _statuses(clinic["attendance"], m.id)
    assert statuses["Ana"] is AttendanceStatus.PRESENT and statuses["Ben"] is None


def test_saving_thirteen_marks_is_one_transaction(clinic, engine) -> None:  # type: ignore[no-untyped-def]
    _, dana_att, work = clinic["station"](clinic["dana"], "room-a")
    m = clinic["meeting"]
    sheet = dana_att.sheet(m.id)
    marks = [_mark(r, AttendanceStatus.PRESENT) for r in sheet]
    assert len(marks) == 13
    heard: list[Changes] = []
    work.subscribe(heard.append)
    transactions: list[str] = []
    connections: list[str] = []

    def on_begin(_conn) -> None:  # type: ignore[no-untyped-def]
        transactions.append("begin")

    def on_checkout(*_args) -> None:  # type: ignore[no-untyped-def]
        connections.append("checkout")

    sa.event.listen(engine, "begin", on_begin)
    sa.event.listen(engine.pool, "checkout", on_checkout)
    try:
        assert dana_att.save_attendance(m.id, marks) == 13
    finally:
        sa.event.remove(engine, "begin", on_begin)
        sa.event.remove(engine.pool, "checkout", on_checkout)
    print(f"saving 13 marks: {len(transactions)} transaction(s), {len(connections)} connection checkout(s)")
    assert transactions == ["begin"]
    assert len(connections) == 1
    assert heard == [Changes.of(ATTENDANCE, m.id)]


def test_a_participant_saved_from_an_old_version_is_a_conflict_naming_who(clinic) -> None:  # type: ignore[no-untyped-def]
    roster_a, _, _ = clinic["station"](clinic["admin"], "office")
    second_admin = account(roster_a.work.engine, "quinn", UserRole.ADMINISTRATOR, "Quinn Ray")
    roster_b, _, _ = clinic["station"](second_admin, "office-2")
    ana = roster_a.participant(clinic["people"][0].id)
    mine = roster_a.update_participant(ana.id, replace(ana.draft(), preferred_name="Annie"), ana.version)
    assert mine.version == ana.version + 1
    with pytest.raises(ConflictError) as caught:
        roster_b.update_participant(ana.id, replace(ana.draft(), language="es"), ana.version)
    assert caught.value.changed_by == "Pat Kim" and caught.value.changed_at is not None
    assert "Pat Kim changed this participant" in str(caught.value)
    assert roster_a.participant(ana.id).language == "en"
    saved = roster_b.update_participant(ana.id, replace(ana.draft(), language="es"), None)  # knowingly
    assert (saved.preferred_name, saved.language, saved.version) == ("Ana", "es", mine.version + 1)


def test_a_group_saved_from_an_old_version_is_a_conflict(clinic) -> None:  # type: ignore[no-untyped-def]
    roster, _, _ = clinic["station"](clinic["admin"], "office")
    g = roster.group(clinic["group"].id)
    from dataclasses import fields

    draft = GroupDraft(**{f.name: getattr(g, f.name) for f in fields(GroupDraft)})
    roster.update_group(g.id, replace(draft, room="Room C"), g.version)
    with pytest.raises(ConflictError, match="You .*changed this group"):
        roster.update_group(g.id, replace(draft, capacity=8), g.version)
    now = roster.group(g.id)
    assert (now.room, now.capacity, now.version) == ("Room C", g.capacity, g.version + 1)


def test_cancel_reinstate_and_choose_a_session_take_the_version_read(clinic) -> None:  # type: ignore[no-untyped-def]
    _, dana_att, work = clinic["station"](clinic["dana"], "room-a")
    _, eve_att, _ = clinic["station"](clinic["eve"], "front-desk")
    later = [m for m in dana_att.meetings(clinic["group"].id) if m.local_day > DAY][0]
    heard: list[Changes] = []
    work.subscribe(heard.append)
    cancelled = dana_att.cancel_meeting(later.id, "Snow day", later.version)
    assert cancelled.version == later.version + 1 and heard[-1].names(MEETING, later.id)
    with pytest.raises(ConflictError, match="Dana Lee changed this meeting"):
        eve_att.set_meeting_session(later.id, None, later.version)
    with pytest.raises(ConflictError):
        eve_att.reinstate_meeting(later.id, later.version)
    back = eve_att.reinstate_meeting(later.id, cancelled.version)
    assert not back.cancelled and back.version == cancelled.version + 1
    with pytest.raises(ConflictError, match="Eve Co changed this meeting"):
        dana_att.cancel_meeting(later.id, "Snow again", cancelled.version)
