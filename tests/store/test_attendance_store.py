"""Meetings, attendance marks, hours, coverage and reports against a migrated database."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from roster_world import services as build_services

from facilitator.core.attendance import AttendanceStatus, Track, WeeklySchedule, local_instant
from facilitator.core.changes import GoneError
from facilitator.core.clock import FakeClock
from facilitator.core.curriculum import GroupType
from facilitator.core.privacy import PART2_NOTICE
from facilitator.core.roster import AttendanceMark, Audience, GroupDraft, ParticipantDraft
from facilitator.store.attendance import AttendanceError, read_rules
from facilitator.store.roster import RosterService
from facilitator.store.settings_service import ClinicSettings

ZONE = ZoneInfo("America/Chicago")


@pytest.fixture
def clock() -> FakeClock:
    # Friday 2026-03-20, noon in Chicago.
    return FakeClock(local_instant(date(2026, 3, 20), time(12), ZONE))


@pytest.fixture
def services(engine, shipped_library, clock):  # type: ignore[no-untyped-def]
    roster, attendance, settings, _work = build_services(engine, shipped_library, clock)
    settings.set("clinic_name", "Test Clinic")
    return roster, attendance, settings


def make_group(roster: RosterService, name: str = "Evening skills", **changes: object):  # type: ignore[no-untyped-def]
    values: dict[str, object] = dict(
        name=name,
        group_type=GroupType.SKILLS,
        track=Track(("skills-core",), rolling=True),
        schedule=WeeklySchedule((0, 2, 4), time(18), 180),
        start_date=date(2026, 3, 2),
        room="Room 2",
        facilitators=("Dana Lee",),
    )
    values.update(changes)
    return roster.create_group(GroupDraft(**values))  # type: ignore[arg-type]


def make_person(roster: RosterService, record: str, name: str, **changes: object):  # type: ignore[no-untyped-def]
    return roster.create_participant(
        ParticipantDraft(record_number=record, preferred_name=name, legal_name=f"{name} Legal",
                         program_start=date(2026, 3, 1), **changes)  # type: ignore[arg-type]
    )


def test_schedule_becomes_meetings_with_sessions_along_a_rolling_track(services, shipped_library) -> None:  # type: ignore[no-untyped-def]
    roster, attendance, _ = services
    g = make_group(roster)
    assert attendance.plan_meetings(g.id, date(2026, 3, 31)) == 13
    assert attendance.plan_meetings(g.id, date(2026, 3, 31)) == 0  # idempotent
    meetings = attendance.meetings(g.id)
    sessions = [s.id for s in shipped_library.get("skills-core").sessions]
    assert [m.session_id for m in meetings] == [sessions[i % len(sessions)] for i in range(13)]
    assert meetings[0].local_day == date(2026, 3, 2)
    assert meetings[0].starts_at.astimezone(ZONE).hour == 18
    # The DST change on 2026-03-08 keeps 18:00 local, so the UTC hour moves.
    assert meetings[0].starts_at.hour == 0 and meetings[3].starts_at.hour == 23


def test_closed_track_runs_out_and_cancelling_moves_the_track_along(services, shipped_library) -> None:  # type: ignore[no-untyped-def]
    roster, attendance, _ = services
    g = make_group(roster, track=Track(("trauma-recovery",), rolling=False))
    attendance.plan_meetings(g.id, date(2026, 4, 30))
    sessions = [s.id for s in shipped_library.get("trauma-recovery").sessions]
    upcoming = [m for m in attendance.meetings(g.id) if m.local_day > date(2026, 3, 20)]
    past = [m for m in attendance.meetings(g.id) if m.local_day <= date(2026, 3, 20)]
    assert len(past) == 9  # past ones without a session get theirs too (a schedule entered late)
    all_sessions = [m.session_id for m in past + upcoming]
    assert all_sessions[: len(sessions)] == sessions and set(all_sessions[len(sessions):]) == {None}
    # Cancel the next meeting: its session moves to the one after it.
    nxt = upcoming[0]
    held_session = nxt.session_id
    with pytest.raises(AttendanceError, match="why"):
        attendance.cancel_meeting(nxt.id, "  ", nxt.version)
    cancelled = attendance.cancel_meeting(nxt.id, "Snow day, building closed", nxt.version)
    assert cancelled.cancelled and cancelled.cancel_reason == "Snow day, building closed"
    assert attendance.meeting(upcoming[1].id).session_id == held_session
    attendance.reinstate_meeting(nxt.id, cancelled.version)
    assert attendance.meeting(nxt.id).session_id == held_session


def test_ad_hoc_make_up_meeting_runs_a_chosen_session(services) -> None:  # type: ignore[no-untyped-def]
    roster, attendance, _ = services
    g = make_group(roster)
    attendance.plan_meetings(g.id, date(2026, 3, 31))
    before = [m.session_id for m in attendance.meetings(g.id)]
    from facilitator.core.attendance import TrackStep

    extra = attendance.add_meeting(g.id, date(2026, 3, 24), time(10), 90, TrackStep("skills-core", before[0]))
    assert extra.ad_hoc and extra.session_id == before[0]
    assert extra.ends_at - extra.starts_at == timedelta(minutes=90)
    assert [m.session_id for m in attendance.meetings(g.id) if not m.ad_hoc] == before
    with pytest.raises(AttendanceError, match="already meets"):
        attendance.add_meeting(g.id, date(2026, 3, 24), time(10), 90)


def test_marks_saved_read_back_with_minutes_and_today_state(services, clock) -> None:  # type: ignore[no-untyped-def]
    roster, attendance, _ = services
    g = make_group(roster)
    people = [make_person(roster, f"R{i}", name) for i, name in enumerate(["Ann", "Bo", "Cy", "Di"])]
    for p in people:
        roster.enroll(g.id, p.id, date(2026, 3, 2))
    attendance.plan_meetings(g.id, date(2026, 3, 31))
    (today,) = attendance.meetings_on(date(2026, 3, 20))
    assert today.state == "Upcoming" and today.enrolled == 4 and today.marked == 0
    m = today.meeting
    start = m.starts_at
    marks = [
        AttendanceMark(AttendanceStatus.PRESENT, participant_id=people[0].id),
        AttendanceMark(AttendanceStatus.LATE, participant_id=people[1].id, arrived_at=start + timedelta(minutes=20)),
        AttendanceMark(AttendanceStatus.LEFT_EARLY, participant_id=people[2].id, left_at=start + timedelta(hours=2)),
        AttendanceMark(AttendanceStatus.ABSENT_EXCUSED, participant_id=people[3].id),
    ]
    assert attendance.save_attendance(m.id, marks) == 4
    rows = attendance.sheet(m.id)
    assert [(r.name, r.status, r.minutes) for r in rows] == [
        ("Ann", AttendanceStatus.PRESENT, 180),
        ("Bo", AttendanceStatus.LATE, 160),
        ("Cy", AttendanceStatus.LEFT_EARLY, 120),
        ("Di", AttendanceStatus.ABSENT_EXCUSED, 0),
    ]
    clock.advance(8 * 3600)  # 20:00: the meeting is on
    assert attendance.meetings_on(date(2026, 3, 20))[0].state == "In progress"
    clock.advance(2 * 3600)
    state = attendance.meetings_on(date(2026, 3, 20))[0]
    assert (state.state, state.marked, state.attended) == ("Attendance taken", 4, 3)
    # Correct one mark, clear another (each against the row as read): the sheet follows.
    bo, di = rows[1], rows[3]
    attendance.save_attendance(m.id, [
        AttendanceMark(AttendanceStatus.PRESENT, participant_id=people[1].id, attendance_id=bo.attendance_id,
                       version=bo.version),
        AttendanceMark(None, participant_id=people[3].id, attendance_id=di.attendance_id, version=di.version),
    ])
    rows = {r.name: r for r in attendance.sheet(m.id)}
    assert rows["Bo"].status is AttendanceStatus.PRESENT and rows["Bo"].arrived_at is None
    assert rows["Di"].status is None
    with pytest.raises(AttendanceError, match="cannot be cancelled"):
        attendance.cancel_meeting(m.id, "too late", m.version)


def test_visitors_are_relatives_on_the_sheet(services) -> None:  # type: ignore[no-untyped-def]
    roster, attendance, _ = services
    g = make_group(roster, "Family night", group_type=GroupType.FAMILY, track=Track(("family-recovery",), True))
    p = make_person(roster, "R1", "Ann")
    roster.enroll(g.id, p.id, date(2026, 3, 2))
    rel = roster.add_relative(p.id, "Maria", "mother")
    attendance.plan_meetings(g.id, date(2026, 3, 6))
    m = attendance.meetings(g.id)[0]
    attendance.save_attendance(m.id, [AttendanceMark(AttendanceStatus.PRESENT, relative_id=rel.id)])
    rows = attendance.sheet(m.id)
    visitor = [r for r in rows if r.is_visitor][0]
    assert (visitor.name, visitor.visitor_of, visitor.minutes) == ("Maria", "Ann", 180)
    # Visitors are not counted as the group's participants, and are not on the sign-in sheet list of names.
    assert attendance.meetings_on(m.local_day)[0].marked == 0
    assert attendance.sign_in_sheet(m.id).names == ("Ann",)


def test_weekly_hours_flags_and_dst_week(services) -> None:  # type: ignore[no-untyped-def]
    roster, attendance, settings = services
    g = make_group(roster)
    p = make_person(roster, "R1", "Ann")
    teen = make_person(roster, "R2", "Teo", audience=Audience.ADOLESCENT)
    for person in (p, teen):
        roster.enroll(g.id, person.id, date(2026, 3, 2))
    attendance.plan_meetings(g.id, date(2026, 3, 15))
    meetings = attendance.meetings(g.id)
    for m in meetings:  # everyone present, except Ann misses the first Wednesday
        marks = [AttendanceMark(AttendanceStatus.PRESENT, participant_id=teen.id)]
        if m.local_day != date(2026, 3, 4):
            marks.append(AttendanceMark(AttendanceStatus.PRESENT, participant_id=p.id))
        attendance.save_attendance(m.id, marks)
    weeks = attendance.participant_hours(p.id, date(2026, 3, 2), date(2026, 3, 15))
    assert [(w.label, w.scheduled_minutes, w.attended_minutes, w.below_target) for w in weeks] == [
        ("2026-W10", 540, 360, True),
        ("2026-W11", 540, 540, False),  # the week after the DST change still holds nine hours
    ]
    assert weeks[1].days_at_minimum == 3
    teen_weeks = attendance.participant_hours(teen.id, date(2026, 3, 2), date(2026, 3, 15))
    assert [w.target_minutes for w in teen_weeks] == [360, 360] and not teen_weeks[0].below_target
    settings.set("adult_weekly_hours", "6")
    settings.set("daily_minimum_hours", "4")
    weeks = attendance.participant_hours(p.id, date(2026, 3, 2), date(2026, 3, 15))
    assert weeks[0].target_minutes == 360 and not weeks[0].below_target and weeks[1].days_at_minimum == 0


def test_unreadable_rule_settings_fall_back_to_defaults(engine) -> None:  # type: ignore[no-untyped-def]
    settings = ClinicSettings(engine)
    with engine.begin() as conn:  # the service refuses such text now; a hand edit or an old database may hold it
        conn.exec_driver_sql("INSERT INTO clinic_setting (key, value, updated_at) VALUES ('adult_weekly_hours', 'nine', '2026-01-01 00:00:00')")
    settings.set("capacity_warning", "10")
    rules = read_rules(settings)
    assert rules.adult_weekly_hours == 9 and rules.capacity_warning == 10


def test_coverage_counts_sessions_attended_anywhere_and_suggests_make_ups(services, clock) -> None:  # type: ignore[no-untyped-def]
    roster, attendance, _ = services
    g = make_group(roster)
    other = make_group(roster, "Tuesday skills", schedule=WeeklySchedule((1,), time(10), 180))
    p = make_person(roster, "R1", "Ann")
    roster.enroll(g.id, p.id, date(2026, 3, 2))
    attendance.plan_meetings(g.id, date(2026, 4, 30))
    attendance.plan_meetings(other.id, date(2026, 4, 30))
    past = [m for m in attendance.meetings(g.id) if m.local_day < date(2026, 3, 20)]
    for m in past[:3]:
        attendance.save_attendance(m.id, [AttendanceMark(AttendanceStatus.PRESENT, participant_id=p.id)])
    attendance.save_attendance(past[3].id, [AttendanceMark(AttendanceStatus.ABSENT_UNEXCUSED, participant_id=p.id)])
    cov = attendance.coverage(p.id, g.id)
    assert {s.session_id for s in cov.attended} == {m.session_id for m in past[:3]}
    assert len(cov.missing) == len(cov.steps) - 3
    missed = (past[3].curriculum_id, past[3].session_id)
    suggestions = cov.make_ups[missed]
    assert suggestions and all(s.starts_at > clock.now() for s in suggestions)
    assert {s.group_name for s in suggestions} <= {"Evening skills", "Tuesday skills"}


@pytest.mark.parametrize(("track_id", "run_id"), [("skills-core", "skills-core-es"), ("skills-core-es", "skills-core")])
def test_a_session_run_from_the_other_language_edition_counts(services, shipped_library, track_id, run_id) -> None:  # type: ignore[no-untyped-def]
    from facilitator.core.attendance import TrackStep

    roster, attendance, _ = services
    g = make_group(roster, track=Track((track_id,), rolling=True))
    spanish = make_group(roster, "Grupo de habilidades", schedule=WeeklySchedule((1,), time(10), 180),
                         track=Track((run_id,), rolling=True))
    p = make_person(roster, "R1", "Ann")
    roster.enroll(g.id, p.id, date(2026, 3, 2))
    session_id = shipped_library.get(run_id).sessions[0].id
    run = attendance.add_meeting(spanish.id, date(2026, 3, 17), time(14), 180, TrackStep(run_id, session_id))
    attendance.save_attendance(run.id, [AttendanceMark(AttendanceStatus.PRESENT, participant_id=p.id)])
    cov = attendance.coverage(p.id, g.id)
    assert [s.key for s in cov.attended] == [(track_id, session_id)]
    assert (track_id, session_id) not in {s.key for s in cov.missing}
    # The other edition's upcoming meetings are offered as make-ups for sessions still missed.
    attendance.plan_meetings(spanish.id, date(2026, 4, 30))
    make_ups = attendance.coverage(p.id, g.id).make_ups
    assert make_ups, "the other edition's meetings are offered for missed sessions"
    assert {key[0] for key in make_ups} == {track_id}
    assert {m.curriculum_id for ms in make_ups.values() for m in ms} == {run_id}
    assert all(m.session_id == key[1] for key, ms in make_ups.items() for m in ms)


def test_attendance_report_rows_weeks_and_notice(services) -> None:  # type: ignore[no-untyped-def]
    roster, attendance, _ = services
    g = make_group(roster)
    p = make_person(roster, "R1", "Ann")
    roster.enroll(g.id, p.id, date(2026, 3, 2))
    attendance.plan_meetings(g.id, date(2026, 3, 13))
    meetings = attendance.meetings(g.id)
    attendance.save_attendance(meetings[0].id, [AttendanceMark(
        AttendanceStatus.LATE, participant_id=p.id, arrived_at=meetings[0].starts_at + timedelta(minutes=30))])
    attendance.cancel_meeting(meetings[-1].id, "Facilitator ill", meetings[-1].version)
    report = attendance.attendance_report(p.id, date(2026, 3, 1), date(2026, 3, 13))
    assert report.record_number == "R1" and report.participant_name == "Ann Legal (Ann)"
    assert len(report.rows) == 6
    assert (report.rows[0].status, report.rows[0].arrived, report.rows[0].minutes) == ("Late", "18:30", 150)
    assert report.rows[1].status == "Not recorded"
    assert report.rows[-1].status == "Cancelled" and report.rows[-1].scheduled_minutes == 0
    assert report.total_minutes == 150 and report.notice == PART2_NOTICE
    assert [w.label for w in report.weeks] == ["2026-W09", "2026-W10", "2026-W11"]
    with pytest.raises(AttendanceError, match="before its start"):
        attendance.attendance_report(p.id, date(2026, 3, 13), date(2026, 3, 1))


def test_attendance_rows_need_exactly_one_person(engine) -> None:  # type: ignore[no-untyped-def]
    with engine.begin() as conn:
        conn.execute(sa.text(
            "insert into care_group (name, group_type, rolling, room, weekdays, start_time, minutes, capacity, "
            "admission, start_date, created_at, updated_at) values ('G', 'skills', false, '', 'mon', '18:00:00', 60, 12, "
            "'open', '2026-03-02', '2026-03-01 00:00:00', '2026-03-01 00:00:00')"))
        conn.execute(sa.text(
            "insert into meeting (group_id, local_day, starts_at, ends_at, session_pinned, ad_hoc, cancel_reason, "
            "created_at) values (1, '2026-03-02', '2026-03-02 23:00:00', '2026-03-03 00:00:00', false, false, '', "
            "'2026-03-01 00:00:00')"))
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
        conn.execute(sa.text("insert into attendance (meeting_id, status, updated_at) values (1, 'present', "
                             "'2026-03-01 00:00:00')"))


def test_naive_times_are_never_stored(services) -> None:  # type: ignore[no-untyped-def]
    roster, attendance, _ = services
    g = make_group(roster)
    p = make_person(roster, "R1", "Ann")
    attendance.plan_meetings(g.id, date(2026, 3, 2))
    m = attendance.meetings(g.id)[0]
    with pytest.raises(sa.exc.StatementError):
        attendance.save_attendance(m.id, [AttendanceMark(AttendanceStatus.LATE, participant_id=p.id,
                                                         arrived_at=datetime(2026, 3, 2, 18, 10))])
    assert attendance.sheet(m.id) == []  # nothing half-saved: Ann is not enrolled, so no row at all


def test_a_run_never_changes_the_meetings_times_or_minutes_attended(services, engine) -> None:  # type: ignore[no-untyped-def]
    from sqlmodel import SQLModel

    run = SQLModel.metadata.tables.get("run")
    if run is None or "meeting_id" not in run.c:
        pytest.skip("the session runner's tables are not in this schema yet")
    roster, attendance, _ = services
    g = make_group(roster)
    p = make_person(roster, "R1", "Ann")
    roster.enroll(g.id, p.id, date(2026, 3, 2))
    attendance.plan_meetings(g.id, date(2026, 3, 2))
    m = attendance.meetings(g.id)[0]
    started, ended = m.starts_at + timedelta(minutes=10), m.ends_at - timedelta(minutes=20)
    with engine.begin() as conn:
        values = {c.name: c.server_default is None and not c.nullable and not c.primary_key for c in run.c}
        row = {"curriculum_id": "skills-core", "session_id": "x", "meeting_id": m.id, "status": "ended",
               "slot_seconds": 10800, "started_at": started, "ended_at": ended,
               "created_at": started, "updated_at": ended}
        for name, required in values.items():  # whatever else the runner's table needs, blank
            if required and name not in row:
                kind = run.c[name].type
                row[name] = False if isinstance(kind, sa.Boolean) else 0 if isinstance(kind, sa.Integer | sa.Float) else ""
        conn.execute(sa.insert(run).values(**row))
    record = attendance.meeting(m.id)
    assert record.times == (m.starts_at, m.ends_at), "a run does not move the meeting's times"
    attendance.save_attendance(m.id, [AttendanceMark(AttendanceStatus.PRESENT, participant_id=p.id)])
    assert attendance.sheet(m.id)[0].minutes == 180, "nor the minutes attended, until the counselor confirms"
    report = attendance.attendance_report(p.id, date(2026, 3, 2), date(2026, 3, 2))
    assert report.rows[0].minutes == 180 and report.rows[0].scheduled_minutes == 180


def test_a_pinned_session_holds_its_meeting_and_unpinning_gives_it_back(services, shipped_library) -> None:  # type: ignore[no-untyped-def]
    from facilitator.core.attendance import TrackStep

    roster, attendance, _ = services
    g = make_group(roster, track=Track(("trauma-recovery",), rolling=False))
    attendance.plan_meetings(g.id, date(2026, 4, 30))
    upcoming = [m for m in attendance.meetings(g.id) if m.local_day > date(2026, 3, 20)]
    first, second = upcoming[0], upcoming[1]
    last_session = shipped_library.get("trauma-recovery").sessions[-1].id
    pinned = attendance.set_meeting_session(first.id, TrackStep("trauma-recovery", last_session), first.version)
    assert pinned.session_id == last_session
    assert attendance.meeting(second.id).session_id == first.session_id, "the track moves along past the pin"
    with pytest.raises(GoneError, match="no longer exists"):
        attendance.set_meeting_session(10_000, None, 1)
    back = attendance.set_meeting_session(first.id, None, pinned.version)
    assert back.session_id == first.session_id
    assert attendance.meeting(second.id).session_id == second.session_id


def _pdf_text(pdf: bytes) -> str:
    import io
    import re

    from pypdf import PdfReader

    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages))


def _has(text: str, words: str) -> bool:
    import re

    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None


def test_a_spanish_groups_sign_in_sheet_prints_spanish_whatever_the_screen_speaks(services) -> None:  # type: ignore[no-untyped-def]
    from facilitator.core.privacy import CONFIDENTIAL_MARK
    from facilitator.handouts.reports import render_sign_in_sheet

    roster, attendance, _ = services
    spanish = make_group(roster, "Grupo de habilidades", track=Track(("skills-core-es",), rolling=True))
    english = make_group(roster, "Evening skills")
    p = make_person(roster, "R1", "Ann")
    roster.enroll(spanish.id, p.id, date(2026, 3, 2))
    attendance.plan_meetings(spanish.id, date(2026, 3, 6))
    attendance.plan_meetings(english.id, date(2026, 3, 6))
    sheet = attendance.sign_in_sheet(attendance.meetings(spanish.id)[0].id, screen_language="en")
    assert sheet.language == "es", "it goes round the room: the curriculum's language, not the screen's"
    text = _pdf_text(render_sign_in_sheet(sheet, invariant=True))
    for spanish_words in ("Hoja de firmas", "Nombre", "Firma", "Por favor, firme", "lunes 2026-03-02", "Página 1 de 1",
                          "CONFIDENCIAL", "Ann"):
        assert spanish_words in text, spanish_words
    for english_words in ("Sign-in sheet", "Name", "Signature", "Please sign", "Monday", "Page 1 of 1",
                          CONFIDENTIAL_MARK):
        assert not _has(text, english_words), english_words
    # An English group's sheet stays English on a Spanish screen.
    other = attendance.sign_in_sheet(attendance.meetings(english.id)[0].id, screen_language="es")
    assert other.language == "en"
    assert "Sign-in sheet" in _pdf_text(render_sign_in_sheet(other, invariant=True))


def test_the_attendance_report_prints_in_spanish_with_the_notice_in_spanish(services) -> None:  # type: ignore[no-untyped-def]
    from facilitator.core.privacy import PART2_NOTICE_SHORT, PART2_NOTICE_TITLE, in_language
    from facilitator.handouts.reports import render_attendance_report

    roster, attendance, _ = services
    g = make_group(roster)
    p = make_person(roster, "R1", "Ann")
    roster.enroll(g.id, p.id, date(2026, 3, 2))
    attendance.plan_meetings(g.id, date(2026, 3, 13))
    meetings = attendance.meetings(g.id)
    attendance.save_attendance(meetings[0].id, [AttendanceMark(
        AttendanceStatus.LATE, participant_id=p.id, arrived_at=meetings[0].starts_at + timedelta(minutes=30))])
    attendance.cancel_meeting(meetings[-1].id, "Facilitator ill", meetings[-1].version)
    report = attendance.attendance_report(p.id, date(2026, 3, 1), date(2026, 3, 13), language="es")
    assert report.rows[1].status == "Not recorded", "the model keeps English: the CSV is read by machines"
    text = _pdf_text(render_attendance_report(report, invariant=True))
    for spanish_words in ("Informe de asistencia", "Participante", "Número de expediente", "2026-03-01 al 2026-03-13",
                          "Meta de horas semanales", "Reuniones", "Fecha", "Estado", "Llegó tarde", "Sin registro",
                          "Cancelada", "Horas por semana (de lunes a domingo)", "lun 2026-03-02", "por debajo de la meta",
                          in_language("es", PART2_NOTICE_TITLE), in_language("es", PART2_NOTICE_SHORT),
                          "Este expediente que se le ha divulgado"):
        assert spanish_words in text, spanish_words
    for english_words in ("Attendance report", "Participant", "Record number", "Weekly hours target", "Meetings",
                          "Date", "Status", "Late", "Not recorded", "Cancelled", "Hours by week", "Mon",
                          "below target", "Flags", PART2_NOTICE_TITLE, PART2_NOTICE_SHORT, "This record which",
                          "Page 1 of"):
        assert not _has(text, english_words), english_words
