"""The attendance service: meetings from schedules, attendance sheets, hours, coverage, reports.

Times are stored as aware UTC and turned into days, weeks and clock times in the clinic's
zone (the ``clinic_time_zone`` setting). Minutes attended are computed on read from the
meeting's actual times, so a corrected arrival or run record corrects every report.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from ..core.attendance import (
    AttendanceStatus,
    Coverage,
    HourRules,
    MeetingTime,
    TrackStep,
    UpcomingMeeting,
    WeekHours,
    WeeklySchedule,
    attended_interval,
    clinic_zone,
    coverage,
    expand_schedule,
    local_instant,
    local_time_text,
    minutes_attended,
    parse_weekdays,
    step_at,
    system_zone_name,
    track_steps,
    weekly_hours,
    whole_minutes,
)
from ..core.attendance import Track as CoreTrack
from ..core.changes import UserFacingError
from ..core.clock import Clock, SystemClock
from ..core.library import Library
from ..core.reports import AttendanceReport, ReportMeetingRow, SignInSheet
from ..core.roster import AttendanceMark, MeetingRecord, MeetingState, SheetRow
from .models import (
    Attendance,
    CareGroup,
    Enrollment,
    GroupCurriculum,
    GroupStaff,
    Meeting,
    Participant,
    Relative,
    Staff,
)

log = logging.getLogger(__name__)

RULE_SETTINGS: dict[str, str] = {
    "adult_weekly_hours": "adult_weekly_hours",
    "adolescent_weekly_hours": "adolescent_weekly_hours",
    "daily_minimum_hours": "daily_minimum_hours",
    "high_weekly_hours": "high_weekly_hours",
    "capacity_warning": "capacity_warning",
}
ZONE_SETTING = "clinic_time_zone"


class AttendanceError(UserFacingError):
    """An attendance change cannot be made; the message is one sentence for the user."""


class _SettingsReader:
    """What the service needs of ClinicSettings (a protocol, to keep tests light)."""

    def get(self, key: str) -> str:  # pragma: no cover - protocol
        raise NotImplementedError


def read_rules(settings: _SettingsReader) -> HourRules:
    """The clinic's hour rules; a missing or unreadable setting keeps its default."""
    defaults = HourRules()
    values: dict[str, float | int] = {}
    for field_name, key in RULE_SETTINGS.items():
        raw = settings.get(key).strip()
        if not raw:
            continue
        try:
            number = float(raw)
        except ValueError:
            log.warning("Ignoring clinic setting %s=%r: not a number", key, raw)
            continue
        if number < 0:
            continue
        values[field_name] = int(number) if field_name == "capacity_warning" else number
    return HourRules(**{**defaults.__dict__, **values})


def read_zone_name(settings: _SettingsReader) -> str:
    name = settings.get(ZONE_SETTING).strip()
    if name:
        try:
            clinic_zone(name)
            return name
        except ValueError:
            log.warning("Ignoring clinic time zone %r: unknown", name)
    return system_zone_name()


class AttendanceService:
    """Meetings and attendance, with a short session per call."""

    def __init__(
        self,
        engine: Engine,
        settings: _SettingsReader,
        library: Callable[[], Library] | Library,
        clock: Clock | None = None,
    ) -> None:
        self._engine = engine
        self._settings = settings
        self._library = library if callable(library) else (lambda lib=library: lib)
        self._clock = clock or SystemClock()

    # -- rules -----------------------------------------------------------------------------

    def rules(self) -> HourRules:
        return read_rules(self._settings)

    def zone_name(self) -> str:
        return read_zone_name(self._settings)

    def zone(self) -> ZoneInfo:
        return clinic_zone(self.zone_name())

    def today(self) -> date:
        return self._clock.now().astimezone(self.zone()).date()

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def library(self) -> Library:
        return self._library()

    # -- meetings from the schedule -----------------------------------------------------------

    def plan_meetings(self, group_id: int, through: date) -> int:
        """Add the schedule's meetings up to ``through`` that are not there yet; return how many."""
        zone = self.zone()
        with Session(self._engine) as session:
            group = session.get(CareGroup, group_id)
            if group is None:
                raise AttendanceError("That group no longer exists.")
            last = min(through, group.end_date) if group.end_date else through
            schedule = WeeklySchedule(parse_weekdays(group.weekdays), group.start_time, group.minutes)
            existing = set(session.exec(select(Meeting.starts_at).where(Meeting.group_id == group_id)))
            added = 0
            for slot in expand_schedule(schedule, group.start_date, last, zone):
                if slot.starts_at in existing:
                    continue
                session.add(Meeting(group_id=group_id, local_day=slot.local_day, starts_at=slot.starts_at,
                                    ends_at=slot.ends_at))
                added += 1
            session.flush()
            self._advance_track(session, group)
            session.commit()
            return added

    def plan_all(self, through: date) -> int:
        with Session(self._engine) as session:
            ids = list(session.exec(select(CareGroup.id)))
        return sum(self.plan_meetings(i, through) for i in ids if i is not None)

    def add_meeting(
        self,
        group_id: int,
        day: date,
        start: time,
        minutes: int,
        step: TrackStep | None = None,
    ) -> MeetingRecord:
        """An ad hoc meeting; with ``step`` it runs that session (a make-up, say) and leaves the track alone."""
        if not 1 <= minutes <= 24 * 60:
            raise AttendanceError("A meeting lasts between 1 minute and 24 hours.")
        starts_at = local_instant(day, start, self.zone())
        with Session(self._engine) as session:
            group = session.get(CareGroup, group_id)
            if group is None:
                raise AttendanceError("That group no longer exists.")
            clash = session.exec(
                select(Meeting.id).where(Meeting.group_id == group_id, Meeting.starts_at == starts_at)
            ).first()
            if clash is not None:
                raise AttendanceError(f"{group.name} already meets at {start:%H:%M} on {day.isoformat()}.")
            row = Meeting(group_id=group_id, local_day=day, starts_at=starts_at,
                          ends_at=starts_at + timedelta(minutes=minutes), ad_hoc=True)
            if step is not None:
                row.curriculum_id, row.session_id, row.session_pinned = step.curriculum_id, step.session_id, True
            session.add(row)
            session.flush()
            self._advance_track(session, group)
            session.commit()
            assert row.id is not None
            meeting_id = row.id
        return self.meeting(meeting_id)

    def cancel_meeting(self, meeting_id: int, reason: str) -> MeetingRecord:
        reason = " ".join(reason.split())
        if not reason:
            raise AttendanceError("Say why the meeting is cancelled; the reason goes in the record.")

        def cancel(session: Session, row: Meeting) -> None:
            marked = session.exec(
                select(sa.func.count()).select_from(Attendance).where(Attendance.meeting_id == meeting_id)
            ).one()
            if marked:
                raise AttendanceError("Attendance has been taken for this meeting, so it cannot be cancelled.")
            row.cancelled_at = self._clock.now()
            row.cancel_reason = reason[:500]

        return self._change_meeting(meeting_id, cancel)

    def reinstate_meeting(self, meeting_id: int) -> MeetingRecord:
        def reinstate(_session: Session, row: Meeting) -> None:
            row.cancelled_at = None
            row.cancel_reason = ""

        return self._change_meeting(meeting_id, reinstate)

    def set_meeting_session(self, meeting_id: int, step: TrackStep | None) -> MeetingRecord:
        """Run a chosen session at one meeting (pinned), or give it back to the track (None)."""

        def choose(_session: Session, row: Meeting) -> None:
            if step is None:
                row.session_pinned = False
            else:
                row.curriculum_id, row.session_id, row.session_pinned = step.curriculum_id, step.session_id, True

        return self._change_meeting(meeting_id, choose)

    def _change_meeting(self, meeting_id: int, change: Callable[[Session, Meeting], None]) -> MeetingRecord:
        """Apply ``change`` to one meeting, then re-assign the group's later sessions, in one transaction."""
        with Session(self._engine) as session:
            row = session.get(Meeting, meeting_id)
            if row is None:
                raise AttendanceError("That meeting no longer exists.")
            change(session, row)
            session.add(row)
            session.flush()
            group = session.get(CareGroup, row.group_id)
            assert group is not None
            self._advance_track(session, group)
            session.commit()
        return self.meeting(meeting_id)

    def retrack_group(self, group_id: int) -> None:
        """Re-assign sessions to the group's meetings still to come (after its track changed)."""
        with Session(self._engine) as session:
            group = session.get(CareGroup, group_id)
            if group is None:
                return
            self._advance_track(session, group)
            session.commit()

    def _advance_track(self, session: Session, group: CareGroup) -> None:
        """Give each meeting the next session of the track.

        Held meetings keep the session they ran; the others (still to come, or past with no
        session and no attendance, as when a schedule is entered late) are re-assigned, so a cancellation moves the rest of the track along.
        Cancelled meetings and pinned ones (a chosen make-up) do not use up a step.
        """
        curriculum_ids = tuple(
            session.exec(
                select(GroupCurriculum.curriculum_id)
                .where(GroupCurriculum.group_id == group.id)
                .order_by(GroupCurriculum.position)
            )
        )
        steps = track_steps(CoreTrack(curriculum_ids, group.rolling), self.library)
        now = self._clock.now()
        marked = set(
            session.exec(
                select(Attendance.meeting_id)
                .join(Meeting, col(Meeting.id) == col(Attendance.meeting_id))
                .where(Meeting.group_id == group.id)
                .distinct()
            )
        )
        position = 0
        for meeting in session.exec(
            select(Meeting).where(Meeting.group_id == group.id).order_by(Meeting.starts_at, Meeting.id)
        ):
            if meeting.cancelled_at is not None or meeting.session_pinned:
                continue
            fixed = meeting.id in marked or (meeting.starts_at <= now and meeting.session_id is not None)
            if not fixed:
                step = step_at(steps, position, group.rolling)
                new = (step.curriculum_id, step.session_id) if step else (None, None)
                if (meeting.curriculum_id, meeting.session_id) != new:
                    meeting.curriculum_id, meeting.session_id = new
                    session.add(meeting)
            position += 1

    # -- reading meetings ------------------------------------------------------------------

    def meeting(self, meeting_id: int) -> MeetingRecord:
        with Session(self._engine) as session:
            row = session.get(Meeting, meeting_id)
            if row is None:
                raise AttendanceError("That meeting no longer exists.")
            return self._records(session, [row])[0]

    def meetings(
        self, group_id: int | None = None, first: date | None = None, last: date | None = None
    ) -> list[MeetingRecord]:
        with Session(self._engine) as session:
            stmt = select(Meeting)
            if group_id is not None:
                stmt = stmt.where(Meeting.group_id == group_id)
            if first is not None:
                stmt = stmt.where(col(Meeting.local_day) >= first)
            if last is not None:
                stmt = stmt.where(col(Meeting.local_day) <= last)
            return self._records(session, list(session.exec(stmt.order_by(Meeting.starts_at))))

    def _records(self, session: Session, rows: Sequence[Meeting]) -> list[MeetingRecord]:
        groups = {
            g.id: g
            for g in session.exec(select(CareGroup).where(col(CareGroup.id).in_({r.group_id for r in rows})))
        }
        actual = self._actual_times(session, [r.id for r in rows if r.id is not None])
        library = self.library
        out = []
        for r in rows:
            assert r.id is not None
            group = groups.get(r.group_id)
            title = ""
            if r.curriculum_id and r.session_id:
                curriculum = library.find(r.curriculum_id)
                if curriculum is not None:
                    try:
                        title = curriculum.session(r.session_id).title
                    except KeyError:
                        title = r.session_id
                else:
                    title = r.session_id
            started, ended = actual.get(r.id, (None, None))
            out.append(
                MeetingRecord(
                    id=r.id,
                    group_id=r.group_id,
                    group_name=group.name if group else "",
                    local_day=r.local_day,
                    starts_at=r.starts_at,
                    ends_at=r.ends_at,
                    curriculum_id=r.curriculum_id,
                    session_id=r.session_id,
                    session_title=title,
                    ad_hoc=r.ad_hoc,
                    cancelled=r.cancelled_at is not None,
                    cancel_reason=r.cancel_reason,
                    room=group.room if group else "",
                    actual_starts_at=started,
                    actual_ends_at=ended,
                )
            )
        return out

    def _actual_times(self, session: Session, meeting_ids: Sequence[int]) -> dict[int, tuple[datetime, datetime]]:
        """Start and end of the session runner's record for each meeting that has one.

        Only a finished run (both ends recorded) replaces the schedule's times; the latest
        finished run of a meeting wins.
        """
        run = _run_table()
        if run is None or not meeting_ids:
            return {}
        started, ended = run.c[_RUN_COLUMNS[0]], run.c[_RUN_COLUMNS[1]]
        stmt = (
            sa.select(run.c.meeting_id, started, ended)
            .where(run.c.meeting_id.in_(list(meeting_ids)), started.is_not(None), ended.is_not(None))
            .order_by(started)
        )
        out: dict[int, tuple[datetime, datetime]] = {}
        for meeting_id, begin, end in session.connection().execute(stmt):
            if begin is not None and end is not None and end > begin:
                out[meeting_id] = (begin, end)
        return out

    def meetings_on(self, day: date) -> list[MeetingState]:
        """The day's meetings across groups, each with its roster size and state."""
        now = self._clock.now()
        with Session(self._engine) as session:
            rows = list(session.exec(select(Meeting).where(Meeting.local_day == day).order_by(Meeting.starts_at)))
            records = self._records(session, rows)
            group_ids = {r.group_id for r in rows}
            enrolled: dict[int, int] = {}
            for group_id in group_ids:
                enrolled[group_id] = int(
                    session.exec(
                        select(sa.func.count()).select_from(Enrollment).where(
                            Enrollment.group_id == group_id,
                            col(Enrollment.start_date) <= day,
                            sa.or_(col(Enrollment.end_date).is_(None), col(Enrollment.end_date) >= day),
                        )
                    ).one()
                )
            counts: dict[int, tuple[int, int]] = {}
            ids = [r.id for r in rows]
            if ids:
                attended_statuses = [s.value for s in AttendanceStatus if s.attended]
                stmt = (
                    select(
                        Attendance.meeting_id,
                        sa.func.count(),
                        sa.func.sum(sa.case((col(Attendance.status).in_(attended_statuses), 1), else_=0)),
                    )
                    .where(col(Attendance.meeting_id).in_(ids), col(Attendance.participant_id).is_not(None))
                    .group_by(Attendance.meeting_id)
                )
                counts = {m: (int(n), int(a or 0)) for m, n, a in session.exec(stmt)}
            staff = self._staff_by_group(session, group_ids)
        out = []
        for record in records:
            marked, attended = counts.get(record.id, (0, 0))
            size = enrolled.get(record.group_id, 0)
            out.append(
                MeetingState(
                    meeting=record,
                    state=_state(record, now, size, marked),
                    enrolled=size,
                    marked=marked,
                    attended=attended,
                    facilitators=staff.get(record.group_id, ()),
                )
            )
        return out

    @staticmethod
    def _staff_by_group(session: Session, group_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
        out: dict[int, list[str]] = defaultdict(list)
        for gs, person in session.exec(
            select(GroupStaff, Staff)
            .join(Staff, col(Staff.id) == col(GroupStaff.staff_id))
            .where(col(GroupStaff.group_id).in_(list(group_ids)))
            .order_by(GroupStaff.position)
        ):
            out[gs.group_id].append(person.name)
        return {k: tuple(v) for k, v in out.items()}

    # -- the attendance sheet --------------------------------------------------------------

    def sheet(self, meeting_id: int) -> list[SheetRow]:
        """Everyone on a meeting's sheet: the enrolled roster, anyone else marked, and visitors."""
        with Session(self._engine) as session:
            row = session.get(Meeting, meeting_id)
            if row is None:
                raise AttendanceError("That meeting no longer exists.")
            meeting = self._records(session, [row])[0]
            marks = list(session.exec(select(Attendance).where(Attendance.meeting_id == meeting_id)))
            by_participant = {m.participant_id: m for m in marks if m.participant_id is not None}
            by_relative = {m.relative_id: m for m in marks if m.relative_id is not None}
            roster = list(
                session.exec(
                    select(Participant)
                    .join(Enrollment, col(Enrollment.participant_id) == col(Participant.id))
                    .where(
                        Enrollment.group_id == row.group_id,
                        col(Enrollment.start_date) <= row.local_day,
                        sa.or_(col(Enrollment.end_date).is_(None), col(Enrollment.end_date) >= row.local_day),
                    )
                    .distinct()
                )
            )
            enrolled_ids = {p.id for p in roster}
            extra_ids = [pid for pid in by_participant if pid not in enrolled_ids]
            extras = list(session.exec(select(Participant).where(col(Participant.id).in_(extra_ids)))) if extra_ids else []
            relatives = (
                list(session.exec(select(Relative).where(col(Relative.id).in_(list(by_relative)))))
                if by_relative
                else []
            )
            client_names = {
                p.id: p.preferred_name
                for p in session.exec(
                    select(Participant).where(col(Participant.id).in_({r.participant_id for r in relatives}))
                )
            }
        start, end = meeting.times
        rows: list[SheetRow] = []
        for person in sorted(roster, key=lambda p: p.preferred_name.casefold()):
            rows.append(_sheet_row(person.preferred_name, by_participant.get(person.id), start, end,
                                   participant_id=person.id, record_number=person.record_number, enrolled=True))
        for person in sorted(extras, key=lambda p: p.preferred_name.casefold()):
            rows.append(_sheet_row(person.preferred_name, by_participant.get(person.id), start, end,
                                   participant_id=person.id, record_number=person.record_number, enrolled=False))
        for relative in sorted(relatives, key=lambda r: r.name.casefold()):
            rows.append(_sheet_row(relative.name, by_relative.get(relative.id), start, end,
                                   relative_id=relative.id, visitor_of=client_names.get(relative.participant_id, ""),
                                   enrolled=False))
        return rows

    def save_attendance(self, meeting_id: int, marks: Iterable[AttendanceMark]) -> int:
        """Write a meeting's marks in one transaction; a mark with no status removes the row.

        Returns how many rows the meeting now has.
        """
        marks = list(marks)
        for mark in marks:
            if (mark.participant_id is None) == (mark.relative_id is None):
                raise AttendanceError("Each attendance mark is for one participant or one visitor.")
            if mark.arrived_at is not None and mark.left_at is not None and mark.left_at < mark.arrived_at:
                raise AttendanceError("A departure time is before the arrival time; check the times typed.")
        now = self._clock.now()
        with Session(self._engine) as session:
            meeting = session.get(Meeting, meeting_id)
            if meeting is None:
                raise AttendanceError("That meeting no longer exists.")
            if meeting.cancelled_at is not None:
                raise AttendanceError("This meeting was cancelled; reinstate it before taking attendance.")
            existing = list(session.exec(select(Attendance).where(Attendance.meeting_id == meeting_id)))
            by_key = {(a.participant_id, a.relative_id): a for a in existing}
            for mark in marks:
                key = (mark.participant_id, mark.relative_id)
                row = by_key.get(key)
                if mark.status is None:
                    if row is not None:
                        session.delete(row)
                    continue
                if row is None:
                    row = Attendance(meeting_id=meeting_id, participant_id=mark.participant_id,
                                     relative_id=mark.relative_id, status=mark.status.value)
                    by_key[key] = row
                row.status = mark.status.value
                row.arrived_at = mark.arrived_at
                row.left_at = mark.left_at
                row.updated_at = now
                session.add(row)
            session.commit()
            return int(
                session.exec(
                    select(sa.func.count()).select_from(Attendance).where(Attendance.meeting_id == meeting_id)
                ).one()
            )

    # -- hours and coverage ----------------------------------------------------------------

    def _participant_meetings(
        self, session: Session, participant_id: int, first: date | None, last: date | None
    ) -> list[tuple[Meeting, Attendance | None]]:
        """Meetings of the participant's groups while enrolled, plus any other meeting they were marked at."""
        enrollments = list(session.exec(select(Enrollment).where(Enrollment.participant_id == participant_id)))
        clauses = [
            sa.and_(
                col(Meeting.group_id) == e.group_id,
                col(Meeting.local_day) >= e.start_date,
                *([col(Meeting.local_day) <= e.end_date] if e.end_date else []),
            )
            for e in enrollments
        ]
        marked_ids = select(Attendance.meeting_id).where(Attendance.participant_id == participant_id)
        stmt = select(Meeting).where(sa.or_(col(Meeting.id).in_(marked_ids), *clauses))
        if first is not None:
            stmt = stmt.where(col(Meeting.local_day) >= first)
        if last is not None:
            stmt = stmt.where(col(Meeting.local_day) <= last)
        meetings = list(session.exec(stmt.order_by(Meeting.starts_at)))
        marks = {
            a.meeting_id: a
            for a in session.exec(
                select(Attendance).where(
                    Attendance.participant_id == participant_id,
                    col(Attendance.meeting_id).in_([m.id for m in meetings]),
                )
            )
        }
        return [(m, marks.get(m.id or 0)) for m in meetings]

    def participant_hours(self, participant_id: int, first: date, last: date) -> list[WeekHours]:
        """Weekly hours for one participant between two local days (ISO weeks, oldest first)."""
        zone = self.zone()
        rules = self.rules()
        with Session(self._engine) as session:
            person = session.get(Participant, participant_id)
            if person is None:
                raise AttendanceError("That participant no longer exists.")
            pairs = self._participant_meetings(session, participant_id, first, last)
            records = {r.id: r for r in self._records(session, [m for m, _ in pairs])}
        target = person.weekly_hours_target
        if target is None:
            target = rules.default_target_hours(person.audience)
        times = [_meeting_time(records[m.id], mark) for m, mark in pairs if m.id is not None]
        return weekly_hours(times, zone, target, rules, first, last)

    def coverage(self, participant_id: int, group_id: int, upcoming_days: int = 28) -> Coverage:
        """Which sessions of the group's track the participant attended (at any group), and make-ups."""
        with Session(self._engine) as session:
            group = session.get(CareGroup, group_id)
            if group is None:
                raise AttendanceError("That group no longer exists.")
            curriculum_ids = tuple(
                session.exec(
                    select(GroupCurriculum.curriculum_id)
                    .where(GroupCurriculum.group_id == group_id)
                    .order_by(GroupCurriculum.position)
                )
            )
            attended_statuses = [s.value for s in AttendanceStatus if s.attended]
            attended_keys = {
                (c, s)
                for c, s in session.exec(
                    select(Meeting.curriculum_id, Meeting.session_id)
                    .join(Attendance, col(Attendance.meeting_id) == col(Meeting.id))
                    .where(
                        Attendance.participant_id == participant_id,
                        col(Attendance.status).in_(attended_statuses),
                        col(Meeting.session_id).is_not(None),
                    )
                )
                if c and s
            }
            now = self._clock.now()
            upcoming_rows = session.exec(
                select(Meeting, CareGroup)
                .join(CareGroup, col(CareGroup.id) == col(Meeting.group_id))
                .where(
                    col(Meeting.starts_at) > now,
                    col(Meeting.starts_at) <= now + timedelta(days=upcoming_days),
                    col(Meeting.cancelled_at).is_(None),
                    col(Meeting.session_id).is_not(None),
                )
                .order_by(Meeting.starts_at)
            )
            upcoming = [
                UpcomingMeeting(m.id, g.id, g.name, m.starts_at, m.curriculum_id, m.session_id)  # type: ignore[arg-type]
                for m, g in upcoming_rows
            ]
        steps = track_steps(CoreTrack(curriculum_ids, group.rolling), self.library)
        return coverage(steps, attended_keys, upcoming)

    # -- printed outputs -------------------------------------------------------------------

    def sign_in_sheet(self, meeting_id: int) -> SignInSheet:
        """Names only: no record numbers, no session topic, nothing clinical."""
        meeting = self.meeting(meeting_id)
        zone = self.zone()
        names = [r.name for r in self.sheet(meeting_id) if r.relative_id is None and (r.enrolled or r.status)]
        start, end = meeting.starts_at, meeting.ends_at
        return SignInSheet(
            clinic_name=self._settings.get("clinic_name"),
            group_name=meeting.group_name,
            day=meeting.local_day,
            time_text=f"{local_time_text(start, zone)}–{local_time_text(end, zone)}",
            room=meeting.room,
            names=tuple(names),
        )

    def attendance_report(self, participant_id: int, first: date, last: date) -> AttendanceReport:
        if last < first:
            raise AttendanceError("The report's end date is before its start date.")
        zone = self.zone()
        rules = self.rules()
        with Session(self._engine) as session:
            person = session.get(Participant, participant_id)
            if person is None:
                raise AttendanceError("That participant no longer exists.")
            pairs = self._participant_meetings(session, participant_id, first, last)
            records = {r.id: r for r in self._records(session, [m for m, _ in pairs])}
        target = person.weekly_hours_target
        if target is None:
            target = rules.default_target_hours(person.audience)
        rows = []
        times = []
        for meeting, mark in pairs:
            assert meeting.id is not None
            record = records[meeting.id]
            times.append(_meeting_time(record, mark))
            start, end = record.times
            status = AttendanceStatus(mark.status) if mark else None
            minutes = minutes_attended(start, end, status, mark.arrived_at, mark.left_at) if status and mark else 0
            rows.append(
                ReportMeetingRow(
                    day=record.local_day,
                    time_text=f"{local_time_text(start, zone)}–{local_time_text(end, zone)}",
                    group_name=record.group_name,
                    status="Cancelled" if record.cancelled else (status.label if status else "Not recorded"),
                    arrived=local_time_text(mark.arrived_at, zone) if mark else "",
                    left=local_time_text(mark.left_at, zone) if mark else "",
                    scheduled_minutes=0 if record.cancelled else whole_minutes((end - start).total_seconds()),
                    minutes=minutes,
                    cancelled=record.cancelled,
                )
            )
        weeks = weekly_hours(times, zone, target, rules, first, last)
        return AttendanceReport(
            clinic_name=self._settings.get("clinic_name"),
            participant_name=f"{person.legal_name} ({person.preferred_name})"
            if person.preferred_name != person.legal_name
            else person.legal_name,
            record_number=person.record_number,
            first=first,
            last=last,
            rows=tuple(rows),
            weeks=tuple(weeks),
            target_hours=target,
            generated_at=self._clock.now(),
            zone_name=self.zone_name(),
        )


# -- helpers -----------------------------------------------------------------------------------

_RUN_COLUMNS = ("started_at", "ended_at")


def _run_table() -> sa.Table | None:
    """The session runner's ``run`` table, when the schema has one with a meeting link."""
    from sqlmodel import SQLModel

    table = SQLModel.metadata.tables.get("run")
    if table is None or "meeting_id" not in table.c or not all(c in table.c for c in _RUN_COLUMNS):
        return None
    return table


def _sheet_row(
    name: str,
    mark: Attendance | None,
    start: datetime,
    end: datetime,
    *,
    participant_id: int | None = None,
    relative_id: int | None = None,
    record_number: str = "",
    visitor_of: str = "",
    enrolled: bool = True,
) -> SheetRow:
    status = AttendanceStatus(mark.status) if mark else None
    arrived = mark.arrived_at if mark else None
    left = mark.left_at if mark else None
    minutes = minutes_attended(start, end, status, arrived, left) if status else 0
    return SheetRow(
        name=name,
        status=status,
        arrived_at=arrived,
        left_at=left,
        minutes=minutes,
        participant_id=participant_id,
        relative_id=relative_id,
        record_number=record_number,
        visitor_of=visitor_of,
        enrolled=enrolled,
    )


def _meeting_time(record: MeetingRecord, mark: Attendance | None) -> MeetingTime:
    start, end = record.times
    interval = None
    if mark is not None:
        interval = attended_interval(start, end, AttendanceStatus(mark.status), mark.arrived_at, mark.left_at)
    return MeetingTime(start, end, interval, record.cancelled)


def _state(record: MeetingRecord, now: datetime, enrolled: int, marked: int) -> str:
    if record.cancelled:
        return "Cancelled"
    start, end = record.times
    if now < start:
        return "Attendance started" if marked else "Upcoming"
    if now < end and record.actual_ends_at is None:
        return "In progress"
    if marked and marked >= enrolled:
        return "Attendance taken"
    if marked:
        return "Attendance partly taken"
    return "Needs attendance"
