"""The attendance service: meetings from schedules, attendance sheets, hours, coverage, reports.

Times are stored as aware UTC and turned into days, weeks and clock times in the clinic's
zone (the ``clinic_time_zone`` setting). Minutes attended are computed on read, one way
(``core.attendance.minutes_attended``), from the meeting's times and each row's status,
arrival and departure, so a corrected arrival corrects every report. A session run never
changes them by itself: at the end of a run the app proposes the run's times for those
present (``run_proposal``) and only what the counselor confirms is saved, as marks.

Every call is one unit of work for the signed-in user (``store.unit_of_work``): the rule in
``core.permissions``, the change, the audit entry in words a reviewer reads and the
``Changes`` it names, in one transaction. Meetings and attendance rows carry a version; an
attendance sheet saves only the marks the user changed, each against the version it was
read at, so two counselors marking different people on one sheet both keep their marks.
Attendance changes are named by the meeting whose sheet changed (``Changes.of(ATTENDANCE,
meeting_id)``).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlmodel import Session, col, select

from ..core import clinic_settings
from ..core import permissions as perm
from ..core.attendance import (
    AttendanceStatus,
    Coverage,
    HourRules,
    MeetingTime,
    ProposedTimes,
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
    propose_from_run,
    resolve_zone_name,
    step_at,
    track_steps,
    weekly_hours,
    whole_minutes,
)
from ..core.attendance import Track as CoreTrack
from ..core.audit import AuditAction
from ..core.catalogue import QT_TRANSLATE_NOOP, say
from ..core.changes import ATTENDANCE, MEETING, ConflictError, UserFacingError, moment_words
from ..core.clock import Clock
from ..core.library import Library
from ..core.print_language import clinic_record_language, sign_in_language
from ..core.reports import CANCELLED, NOT_RECORDED, AttendanceReport, ReportMeetingRow, SignInSheet
from ..core.roster import AttendanceMark, MeetingRecord, MeetingState, SheetRow
from .access import Scoped
from .models import (
    Attendance,
    CareGroup,
    ClinicSetting,
    Enrollment,
    GroupCurriculum,
    GroupStaff,
    Meeting,
    Participant,
    Relative,
    Staff,
    UserAccount,
)
from .models.runs import Run
from .unit_of_work import CURRENT, UnitOfWork, Work

log = logging.getLogger(__name__)

# The hour rules are clinic settings of the same names (declared in core.clinic_settings).
RULE_SETTINGS: tuple[str, ...] = tuple(f.name for f in fields(HourRules))
ZONE_SETTING = "clinic_time_zone"

_meeting = Meeting.__table__  # type: ignore[attr-defined]
_attendance = Attendance.__table__  # type: ignore[attr-defined]
_participant = Participant.__table__  # type: ignore[attr-defined]
_relative = Relative.__table__  # type: ignore[attr-defined]
_account = UserAccount.__table__  # type: ignore[attr-defined]
_setting = ClinicSetting.__table__  # type: ignore[attr-defined]
_run = Run.__table__  # type: ignore[attr-defined]


class AttendanceError(UserFacingError):
    """An attendance change cannot be made; the message is one sentence for the user."""


class AttendanceConflict(ConflictError):
    """Someone else saved marks for some of these people after the sheet was read; nothing was saved.

    ``keys`` are the (participant id, relative id) of the marks in conflict: the sheet offers
    to reload their marks, or to save these ones over them.
    """

    def __init__(
        self,
        meeting_id: int,
        keys: Sequence[tuple[int | None, int | None]],
        names: Sequence[str],
        changed_by: str = "",
        changed_at: datetime | None = None,
        zone: tzinfo | None = None,
    ) -> None:
        super().__init__(ATTENDANCE, meeting_id, what="attendance sheet", changed_by=changed_by,
                         changed_at=changed_at, zone=zone)
        self.keys = tuple(keys)
        self.names = tuple(names)
        who = changed_by or say("store.attendance", "Someone else")
        if len(self.names) > 1:
            people = say("store.attendance", "{names} and {last}",
                         names=", ".join(self.names[:-1]), last=self.names[-1])
        else:
            people = "".join(self.names) or say("store.attendance", "someone on this sheet")
        if changed_at is None:
            sentence = say("store.attendance", "{who} changed the attendance of {people}, after you opened the sheet. "
                           "Nothing was saved: reload to see their marks, or save yours over them.",
                           who=who, people=people)
        else:
            when = moment_words(changed_at, zone)
            sentence = say("store.attendance", "{who} changed the attendance of {people} at {time} on {day} {month}, "
                           "after you opened the sheet. Nothing was saved: reload to see their marks, or save yours "
                           "over them.", who=who, people=people, time=when["time"], day=when["day"],
                           month=when["month"])
        self.args = (sentence,)
        self.sentence = sentence


@dataclass(frozen=True)
class RunProposalRow:
    """One attendee: the saved mark (with its version) and the times the run suggests."""

    saved: SheetRow
    proposed: ProposedTimes

    @property
    def changes(self) -> bool:
        return (self.proposed.arrived_at, self.proposed.left_at) != (self.saved.arrived_at, self.saved.left_at)


@dataclass(frozen=True)
class RunProposal:
    """The attendance a run of a meeting suggests, for the counselor to confirm or edit."""

    meeting: MeetingRecord
    run_id: int
    run_started: datetime
    run_ended: datetime
    rows: tuple[RunProposalRow, ...]
    zone_name: str

    def mark(self, row: RunProposalRow, arrived_at: datetime | None, left_at: datetime | None) -> AttendanceMark:
        """The mark that saves these times over the row as it was read (its version), keeping its status."""
        saved = row.saved
        return AttendanceMark(
            saved.status,
            participant_id=saved.participant_id,
            relative_id=saved.relative_id,
            arrived_at=arrived_at,
            left_at=left_at,
            attendance_id=saved.attendance_id,
            version=saved.version,
        )


class _SettingsReader:
    """What the service needs of ClinicSettings (a protocol, to keep tests light)."""

    def get(self, key: str) -> str:  # pragma: no cover - protocol
        raise NotImplementedError


class _ConnectionSettings(_SettingsReader):
    """Clinic settings read on a unit of work's own connection (no transaction of their own)."""

    def __init__(self, conn: sa.Connection) -> None:
        self._conn = conn
        self._cache: dict[str, str] = {}

    def get(self, key: str) -> str:
        if key not in self._cache:
            value = self._conn.execute(sa.select(_setting.c.value).where(_setting.c.key == key)).scalar()
            self._cache[key] = value or ""
        return self._cache[key]


def read_rules(settings: _SettingsReader) -> HourRules:
    """The clinic's hour rules; a missing, unreadable or out-of-range setting keeps its declared default."""
    return HourRules(**{key: clinic_settings.parse(key, settings.get(key)) for key in RULE_SETTINGS})


def read_zone_name(settings: _SettingsReader) -> str:
    """The clinic's time zone, or this computer's when none (or an unknown one) is set
    (``core.attendance.resolve_zone_name``, the one place it is resolved)."""
    name = clinic_settings.parse(ZONE_SETTING, settings.get(ZONE_SETTING))
    resolved = resolve_zone_name(name)
    if name and resolved != str(name).strip():
        log.warning("Ignoring clinic time zone %r: unknown", name)
    return resolved


def mark_words(status: AttendanceStatus | None, arrived: datetime | None, left: datetime | None,
               zone: ZoneInfo, visitor: bool = False) -> str:
    """How the audit trail says a mark: "marked late, arrived 18:20"."""
    if status is None:
        return "cleared a visitor's attendance mark" if visitor else "cleared the attendance mark"
    words = ("marked a visitor " if visitor else "marked ") + status.label.lower()
    if arrived is not None:
        words += f", arrived {local_time_text(arrived, zone)}"
    if left is not None:
        words += f", left {local_time_text(left, zone)}"
    return words


@dataclass(frozen=True)
class _Current:
    """An attendance row as it is now, inside the unit of work."""

    id: int
    version: int
    status: str
    arrived_at: datetime | None
    left_at: datetime | None
    updated_by_id: int | None
    updated_at: datetime | None


class AttendanceService(Scoped):
    """Meetings and attendance for one principal: every call is one unit of work.

    Built with the app's ``Work``; the principal is whoever is signed in (``CURRENT``), a
    given ``Principal``, or ``SETUP`` for seeding that acts for nobody.
    """

    def __init__(
        self,
        work: Work,
        settings: _SettingsReader,
        library: Callable[[], Library] | Library,
        principal: Any = CURRENT,
    ) -> None:
        super().__init__(work, principal)
        self._settings = settings
        self._library = library if callable(library) else (lambda lib=library: lib)

    def acting_as(self, principal: Any) -> AttendanceService:
        """The same service for another principal (or ``SETUP``)."""
        return AttendanceService(self._work, self._settings, self._library, principal)

    # -- clinic-wide rules and time (no records) ----------------------------------------------

    def rules(self) -> HourRules:
        return read_rules(self._settings)

    def zone_name(self) -> str:
        return read_zone_name(self._settings)

    def zone(self) -> ZoneInfo:
        return clinic_zone(self.zone_name())

    def today(self) -> date:
        return self.clock.now().astimezone(self.zone()).date()

    @property
    def clock(self) -> Clock:
        return self._work.clock

    @property
    def library(self) -> Library:
        return self._library()

    @staticmethod
    def _zone_in(uow: UnitOfWork) -> ZoneInfo:
        return uow.zone()

    # -- meetings from the schedule -----------------------------------------------------------

    def plan_meetings(self, group_id: int, through: date) -> int:
        """Add the schedule's meetings up to ``through`` that are not there yet; return how many."""
        with self._begin() as uow:
            self._access(uow).group(group_id, perm.require_plan_meetings)
            return self._plan(uow, group_id, through)

    def plan_all(self, through: date) -> int:
        """Plan every group the principal may see, in one unit of work."""
        with self._begin() as uow:
            access = self._access(uow)
            visible = access.visible_groups()
            ids = [i for i in uow.session.exec(select(CareGroup.id)) if i is not None]
            return sum(self._plan(uow, i, through) for i in ids if visible is None or i in visible)

    def _plan(self, uow: UnitOfWork, group_id: int, through: date) -> int:
        zone = self._zone_in(uow)
        session = uow.session
        group = session.get(CareGroup, group_id)
        if group is None:
            raise AttendanceError(say("store.attendance", "That group no longer exists."))
        last = min(through, group.end_date) if group.end_date else through
        schedule = WeeklySchedule(parse_weekdays(group.weekdays), group.start_time, group.minutes)
        existing = set(session.exec(select(Meeting.starts_at).where(Meeting.group_id == group_id)))
        added = []
        for slot in expand_schedule(schedule, group.start_date, last, zone):
            if slot.starts_at in existing:
                continue
            row = Meeting(group_id=group_id, local_day=slot.local_day, starts_at=slot.starts_at, ends_at=slot.ends_at)
            session.add(row)
            added.append(row)
        session.flush()
        self._advance_track(uow, group)
        if added:
            uow.changed(MEETING, *[m.id for m in added])
            self._audit(uow, AuditAction.CREATE, record_type="meeting", record_id=added[0].id,
                        detail=f"planned {len(added)} meeting{'s' if len(added) != 1 else ''} of {group.name} "
                               f"from its schedule")
        return len(added)

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
            raise AttendanceError(say("store.attendance", "A meeting lasts between 1 minute and 24 hours."))
        with self._begin() as uow:
            self._access(uow).group(group_id, perm.require_record_attendance)
            session = uow.session
            starts_at = local_instant(day, start, self._zone_in(uow))
            group = session.get(CareGroup, group_id)
            if group is None:
                raise AttendanceError(say("store.attendance", "That group no longer exists."))
            clash = session.exec(
                select(Meeting.id).where(Meeting.group_id == group_id, Meeting.starts_at == starts_at)
            ).first()
            if clash is not None:
                raise AttendanceError(say("store.attendance", "{name} already meets at {start:%H:%M} on {day}.",
                                          name=group.name, start=start, day=day.isoformat()))
            row = Meeting(group_id=group_id, local_day=day, starts_at=starts_at,
                          ends_at=starts_at + timedelta(minutes=minutes), ad_hoc=True,
                          updated_by_id=uow.principal.user_id if uow.principal else None)
            if step is not None:
                row.curriculum_id, row.session_id, row.session_pinned = step.curriculum_id, step.session_id, True
            session.add(row)
            session.flush()
            self._advance_track(uow, group)
            assert row.id is not None
            record = self._records(session, [row])[0]
            running = f" to run {record.session_title}" if step is not None and record.session_title else ""
            self._audit(uow, AuditAction.CREATE, record_type="meeting", record_id=row.id,
                        detail=f"added a meeting of {group.name} on {day.isoformat()} at {start:%H:%M}{running}")
            uow.changed(MEETING, row.id)
            return record

    def cancel_meeting(self, meeting_id: int, reason: str, version: int | None) -> MeetingRecord:
        """Cancel a meeting read at ``version`` (None: whatever it is now), with the reason kept in the record."""
        reason = " ".join(reason.split())
        if not reason:
            raise AttendanceError(say("store.attendance", "Say why the meeting is cancelled; the reason goes in the "
                                      "record."))

        def cancel(uow: UnitOfWork) -> tuple[dict[str, Any], str]:
            marked = uow.conn.execute(
                sa.select(sa.func.count()).select_from(_attendance).where(_attendance.c.meeting_id == meeting_id)
            ).scalar_one()
            if marked:
                raise AttendanceError(say("store.attendance", "Attendance has been taken for this meeting, so it "
                                          "cannot be cancelled."))
            return {"cancelled_at": uow.now, "cancel_reason": reason[:500]}, "cancelled the meeting"

        return self._change_meeting(meeting_id, version, cancel)

    def reinstate_meeting(self, meeting_id: int, version: int | None) -> MeetingRecord:
        def reinstate(_uow: UnitOfWork) -> tuple[dict[str, Any], str]:
            return {"cancelled_at": None, "cancel_reason": ""}, "reinstated the cancelled meeting"

        return self._change_meeting(meeting_id, version, reinstate)

    def set_meeting_session(self, meeting_id: int, step: TrackStep | None, version: int | None) -> MeetingRecord:
        """Run a chosen session at one meeting (pinned), or give it back to the track (None)."""

        def choose(_uow: UnitOfWork) -> tuple[dict[str, Any], str]:
            if step is None:
                return {"session_pinned": False}, "gave the meeting's session back to the track"
            title = step.session_id
            curriculum = self.library.find(step.curriculum_id)
            if curriculum is not None:
                try:
                    title = curriculum.session(step.session_id).title
                except KeyError:
                    pass
            values = {"curriculum_id": step.curriculum_id, "session_id": step.session_id, "session_pinned": True}
            return values, f"chose the session {title!r} for the meeting"

        return self._change_meeting(meeting_id, version, choose)

    def _change_meeting(
        self, meeting_id: int, version: int | None, change: Callable[[UnitOfWork], tuple[dict[str, Any], str]]
    ) -> MeetingRecord:
        """Apply ``change`` to one meeting at ``version``, then re-assign the group's later sessions, in one unit of work."""
        with self._begin() as uow:
            access = self._access(uow)
            access.meeting(meeting_id, perm.require_record_attendance)
            values, words = change(uow)
            uow.update_versioned(_meeting, meeting_id, version, values, kind=MEETING, what="meeting")
            session = uow.session
            session.expire_all()
            row = session.get(Meeting, meeting_id)
            assert row is not None
            group = session.get(CareGroup, row.group_id)
            assert group is not None
            self._advance_track(uow, group)
            self._audit(uow, AuditAction.CHANGE, record_type="meeting", record_id=meeting_id,
                        detail=f"{words} ({group.name}, {row.local_day.isoformat()})")
            session.flush()
            session.expire_all()
            return self._records(session, [session.get(Meeting, meeting_id)])[0]

    def retrack_group(self, group_id: int) -> None:
        """Re-assign sessions to the group's meetings still to come (after its track changed)."""
        with self._begin() as uow:
            self._access(uow).group(group_id, perm.require_record_attendance)
            group = uow.session.get(CareGroup, group_id)
            if group is None:
                return
            self._advance_track(uow, group)

    def _advance_track(self, uow: UnitOfWork, group: CareGroup) -> None:
        """Give each meeting the next session of the track.

        Held meetings keep the session they ran; the others (still to come, or past with no
        session and no attendance, as when a schedule is entered late) are re-assigned, so a
        cancellation moves the rest of the track along. Cancelled meetings and pinned ones (a
        chosen make-up) do not use up a step. The session a meeting is given follows from
        the track, so this does not raise the meeting's version (nobody's edit is lost), but
        the meetings it moves are named as changed so that views show their new session.
        """
        session = uow.session
        curriculum_ids = tuple(
            session.exec(
                select(GroupCurriculum.curriculum_id)
                .where(GroupCurriculum.group_id == group.id)
                .order_by(GroupCurriculum.position)
            )
        )
        steps = track_steps(CoreTrack(curriculum_ids, group.rolling), self.library)
        now = uow.now
        marked = set(
            session.exec(
                select(Attendance.meeting_id)
                .join(Meeting, col(Meeting.id) == col(Attendance.meeting_id))
                .where(Meeting.group_id == group.id)
                .distinct()
            )
        )
        position = 0
        moved = []
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
                    moved.append(meeting.id)
            position += 1
        session.flush()
        if moved:
            uow.changed(MEETING, *moved)

    # -- reading meetings ------------------------------------------------------------------

    def meeting(self, meeting_id: int) -> MeetingRecord:
        with self._read() as uow:
            self._access(uow).meeting(meeting_id)
            row = uow.session.get(Meeting, meeting_id)
            if row is None:
                raise AttendanceError(say("store.attendance", "That meeting no longer exists."))
            return self._records(uow.session, [row])[0]

    def meetings(
        self, group_id: int | None = None, first: date | None = None, last: date | None = None
    ) -> list[MeetingRecord]:
        with self._read() as uow:
            access = self._access(uow)
            if group_id is not None:
                access.group(group_id)
            visible = access.visible_groups()
            stmt = select(Meeting)
            if group_id is not None:
                stmt = stmt.where(Meeting.group_id == group_id)
            if visible is not None:
                stmt = stmt.where(col(Meeting.group_id).in_(visible))
            if first is not None:
                stmt = stmt.where(col(Meeting.local_day) >= first)
            if last is not None:
                stmt = stmt.where(col(Meeting.local_day) <= last)
            return self._records(uow.session, list(uow.session.exec(stmt.order_by(Meeting.starts_at))))

    def _records(self, session: Session, rows: Sequence[Meeting | None]) -> list[MeetingRecord]:
        rows = [r for r in rows if r is not None]
        groups = {
            g.id: g
            for g in session.exec(select(CareGroup).where(col(CareGroup.id).in_({r.group_id for r in rows})))
        }
        library = self.library
        out = []
        for r in rows:
            assert r is not None and r.id is not None
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
                    version=r.version,
                )
            )
        return out

    def meetings_on(self, day: date) -> list[MeetingState]:
        """The day's meetings across the groups the principal may see, each with its roster size and state."""
        with self._read() as uow:
            visible = self._access(uow).visible_groups()
            session = uow.session
            now = uow.now
            stmt = select(Meeting).where(Meeting.local_day == day)
            if visible is not None:
                stmt = stmt.where(col(Meeting.group_id).in_(visible))
            rows = list(session.exec(stmt.order_by(Meeting.starts_at)))
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
                count_stmt = (
                    select(
                        Attendance.meeting_id,
                        sa.func.count(),
                        sa.func.sum(sa.case((col(Attendance.status).in_(attended_statuses), 1), else_=0)),
                    )
                    .where(col(Attendance.meeting_id).in_(ids), col(Attendance.participant_id).is_not(None))
                    .group_by(Attendance.meeting_id)
                )
                counts = {m: (int(n), int(a or 0)) for m, n, a in session.exec(count_stmt)}
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
        """Everyone on a meeting's sheet: the enrolled roster, anyone else marked, and visitors.

        Each row carries the saved mark's id and version, for ``save_attendance``.
        """
        with self._read() as uow:
            self._access(uow).meeting(meeting_id)
            rows = self._sheet(uow.session, meeting_id)
            self._audit(uow, AuditAction.VIEW, record_type="attendance", record_id=meeting_id,
                        detail=f"sheet of {len(rows)} rows")
            return rows

    def _sheet(self, session: Session, meeting_id: int) -> list[SheetRow]:
        row = session.get(Meeting, meeting_id)
        if row is None:
            raise AttendanceError(say("store.attendance", "That meeting no longer exists."))
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
        """Save the marks the user changed, in one unit of work; return how many rows the meeting now has.

        Each mark applies only to the row it was read from (``attendance_id``, ``version``;
        both None for a person who had no mark): a mark someone else saved, changed or
        cleared in the meantime stops the whole save with an ``AttendanceConflict`` naming
        them, and nothing is written. A mark with ``overwrite`` replaces whatever is there.
        A mark with no status clears the row it was read from. People the user did not
        touch are not sent, so they are left as they are.
        """
        marks = list(marks)
        for mark in marks:
            if (mark.participant_id is None) == (mark.relative_id is None):
                raise AttendanceError(say("store.attendance", "Each attendance mark is for one participant or one "
                                          "visitor."))
            if mark.arrived_at is not None and mark.left_at is not None and mark.left_at < mark.arrived_at:
                raise AttendanceError(say("store.attendance", "A departure time is before the arrival time; check the "
                                          "times typed."))
        if len({m.key for m in marks}) != len(marks):
            raise AttendanceError(say("store.attendance", "A person is marked twice in one save; check the sheet."))
        try:
            with self._begin() as uow:
                return self._save_marks(uow, meeting_id, marks)
        except sa.exc.IntegrityError as exc:
            # Two workstations marked the same person at the same instant; the database kept one.
            log.info("Attendance save lost a race for a new mark: %s", exc.orig)
            raise AttendanceConflict(meeting_id, [m.key for m in marks if m.attendance_id is None],
                                     self._names_outside(marks)) from exc

    def _names_outside(self, marks: Sequence[AttendanceMark]) -> list[str]:
        with self._work.engine.connect() as conn:
            return _names(conn, [m.key for m in marks if m.attendance_id is None])

    def _save_marks(self, uow: UnitOfWork, meeting_id: int, marks: list[AttendanceMark]) -> int:
        access = self._access(uow)
        access.meeting(meeting_id, perm.require_record_attendance)
        conn = uow.conn
        meeting = conn.execute(
            sa.select(_meeting.c.cancelled_at).where(_meeting.c.id == meeting_id)
        ).first()
        if meeting is None:
            raise AttendanceError(say("store.attendance", "That meeting no longer exists."))
        if meeting.cancelled_at is not None:
            raise AttendanceError(say("store.attendance", "This meeting was cancelled; reinstate it before taking "
                                      "attendance."))
        zone = self._zone_in(uow)
        current = self._current_marks(conn, meeting_id)
        who = uow.principal.user_id if uow.principal is not None else None
        conflicts: list[tuple[AttendanceMark, _Current | None]] = []
        for mark in marks:
            if mark.status is None and mark.attendance_id is None and not mark.overwrite:
                continue  # marked and cleared again before saving: nothing to do
            now_row = current.get(mark.key)
            applied = self._apply_mark(uow, meeting_id, mark, now_row, who)
            if not applied:
                conflicts.append((mark, now_row))
                continue
            words = mark_words(mark.status, mark.arrived_at, mark.left_at, zone, visitor=mark.relative_id is not None)
            if mark.overwrite and now_row is not None and now_row.version != mark.version:
                words += ", saved over another change"
            self._audit(uow, AuditAction.CHANGE, record_type="attendance", record_id=meeting_id,
                        participant_id=mark.participant_id, detail=words)
        if conflicts:
            raise self._conflict(conn, meeting_id, conflicts, zone)
        if marks:
            uow.changed(ATTENDANCE, meeting_id)
        return int(conn.execute(
            sa.select(sa.func.count()).select_from(_attendance).where(_attendance.c.meeting_id == meeting_id)
        ).scalar_one())

    def run_proposal(self, meeting_id: int, run_id: int) -> RunProposal:
        """What a run of the meeting suggests for the attendance of those present; nothing is written.

        Each person marked as attending gets the run's actual start and end, except that a
        saved later arrival or earlier departure is kept. The counselor confirms or edits
        the times; ``save_attendance`` then saves them against the versions read here.
        """
        with self._read() as uow:
            self._access(uow).meeting(meeting_id, perm.require_record_attendance)
            run = uow.conn.execute(
                sa.select(_run.c.meeting_id, _run.c.started_at, _run.c.ended_at).where(_run.c.id == run_id)
            ).first()
            if run is None or run.meeting_id != meeting_id:
                raise AttendanceError(say("store.attendance", "That run is not a run of this meeting."))
            if run.started_at is None or run.ended_at is None or run.ended_at <= run.started_at:
                raise AttendanceError(say("store.attendance", "That run has not ended, so it has no times to offer."))
            session = uow.session
            meeting = self._records(session, [session.get(Meeting, meeting_id)])[0]
            rows = self._sheet(session, meeting_id)
            zone_name = read_zone_name(_ConnectionSettings(uow.conn))
        proposed = []
        for row in rows:
            if row.status is None:
                continue
            times = propose_from_run(row.status, row.arrived_at, row.left_at, run.started_at, run.ended_at)
            if times is not None:
                proposed.append(RunProposalRow(row, times))
        return RunProposal(meeting, run_id, run.started_at, run.ended_at, tuple(proposed), zone_name)

    @staticmethod
    def _current_marks(conn: sa.Connection, meeting_id: int) -> dict[tuple[int | None, int | None], _Current]:
        a = _attendance.c
        rows = conn.execute(
            sa.select(a.id, a.participant_id, a.relative_id, a.version, a.status, a.arrived_at, a.left_at,
                      a.updated_by_id, a.updated_at).where(a.meeting_id == meeting_id)
        )
        return {
            (r.participant_id, r.relative_id): _Current(r.id, r.version, r.status, r.arrived_at, r.left_at,
                                                        r.updated_by_id, r.updated_at)
            for r in rows
        }

    @staticmethod
    def _apply_mark(
        uow: UnitOfWork, meeting_id: int, mark: AttendanceMark, now_row: _Current | None, who: int | None
    ) -> bool:
        """Write one mark if it still applies to the row it was read from; False is a conflict."""
        conn = uow.conn
        a = _attendance.c
        values: dict[str, Any] = {
            "status": mark.status.value if mark.status else None,
            "arrived_at": mark.arrived_at,
            "left_at": mark.left_at,
            "updated_at": uow.now,
            "updated_by_id": who,
        }
        if mark.overwrite:
            if now_row is None:
                if mark.status is None:
                    return True
                return _insert_mark(conn, meeting_id, mark, values)
            target_id, seen = now_row.id, None
        elif mark.attendance_id is None:
            if now_row is not None:
                return False
            return _insert_mark(conn, meeting_id, mark, values)
        else:
            if now_row is None or now_row.id != mark.attendance_id or now_row.version != mark.version:
                return False
            target_id, seen = mark.attendance_id, mark.version
        where = sa.and_(a.id == target_id, a.meeting_id == meeting_id)
        if seen is not None:
            where = sa.and_(where, a.version == seen)
        if mark.status is None:
            return conn.execute(_attendance.delete().where(where)).rowcount == 1
        done = conn.execute(
            _attendance.update().where(where).values(**values, version=a.version + 1).returning(a.id)
        ).first()
        return done is not None

    @staticmethod
    def _conflict(
        conn: sa.Connection, meeting_id: int, conflicts: Sequence[tuple[AttendanceMark, _Current | None]],
        zone: tzinfo,
    ) -> AttendanceConflict:
        keys = [m.key for m, _ in conflicts]
        latest = max((c for _, c in conflicts if c is not None and c.updated_at is not None),
                     key=lambda c: c.updated_at, default=None)  # type: ignore[arg-type,return-value]
        who = ""
        if latest is not None and latest.updated_by_id is not None:
            who = conn.execute(sa.select(_account.c.full_name).where(_account.c.id == latest.updated_by_id)).scalar() or ""
        return AttendanceConflict(meeting_id, keys, _names(conn, keys), who,
                                  latest.updated_at if latest is not None else None, zone)

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
        """Weekly hours for one participant between two local days (ISO weeks, oldest first).

        Only meetings of groups the viewer may see count: a facilitator sees the hours her
        groups gave, never the dates of the participant's other groups.
        """
        _check_range(first, last)
        with self._read() as uow:
            access = self._access(uow)
            access.participant(participant_id)
            settings = _ConnectionSettings(uow.conn)
            zone, rules = clinic_zone(read_zone_name(settings)), read_rules(settings)
            session = uow.session
            person = session.get(Participant, participant_id)
            if person is None:
                raise AttendanceError(say("store.attendance", "That participant no longer exists."))
            pairs, _scope = _in_visible_groups(access, self._participant_meetings(session, participant_id, first, last))
            records = {r.id: r for r in self._records(session, [m for m, _ in pairs])}
            self._audit(uow, AuditAction.VIEW, record_type="weekly hours", record_id=participant_id,
                        participant_id=participant_id, detail=f"{first.isoformat()} to {last.isoformat()}")
            target = person.weekly_hours_target
            if target is None:
                target = rules.default_target_hours(person.audience)
            times = [_meeting_time(records[m.id], mark) for m, mark in pairs if m.id is not None]
            weeks = weekly_hours(times, zone, target, rules, first, last)
            return _with_levels(uow, person, target, weeks)

    def coverage(self, participant_id: int, group_id: int, upcoming_days: int = 28) -> Coverage:
        """Which sessions of the group's track the participant attended (at any group), and make-ups."""
        with self._read() as uow:
            access = self._access(uow)
            access.participant(participant_id)
            access.group(group_id)
            session = uow.session
            group = session.get(CareGroup, group_id)
            if group is None:
                raise AttendanceError(say("store.attendance", "That group no longer exists."))
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
            now = uow.now
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
            self._audit(uow, AuditAction.VIEW, record_type="coverage", record_id=participant_id,
                        participant_id=participant_id, detail=f"track of {group.name}")
        steps = track_steps(CoreTrack(curriculum_ids, group.rolling), self.library)
        return coverage(steps, attended_keys, upcoming, edition_of=self.library.edition_base)

    # -- printed outputs -------------------------------------------------------------------

    def sign_in_sheet(self, meeting_id: int, *, screen_language: str = "en") -> SignInSheet:
        """Names only: no record numbers, no session topic, nothing clinical.

        It goes round the room, so it speaks the group's curriculum's language (the meeting's
        curriculum, else the group's first), the screen's only when there is none.
        """
        with self._read() as uow:
            self._access(uow).meeting(meeting_id)
            settings = _ConnectionSettings(uow.conn)
            zone = clinic_zone(read_zone_name(settings))
            session = uow.session
            meeting = self._records(session, [session.get(Meeting, meeting_id)])[0]
            rows = self._sheet(session, meeting_id)
            names = [r.name for r in rows if r.relative_id is None and (r.enrolled or r.status)]
            self._audit(uow, AuditAction.PRINT, record_type="sign-in sheet", record_id=meeting_id,
                        detail=f"{len(names)} names")
            clinic_name = settings.get("clinic_name")
            curriculum_ids = [meeting.curriculum_id] if meeting.curriculum_id else []
            curriculum_ids += session.exec(
                select(GroupCurriculum.curriculum_id)
                .where(GroupCurriculum.group_id == meeting.group_id)
                .order_by(GroupCurriculum.position)
            ).all()
        curricula = [c for c in (self.library.find(i) for i in curriculum_ids) if c is not None]
        language = sign_in_language(curricula[0].language if curricula else None, screen_language)
        start, end = meeting.starts_at, meeting.ends_at
        return SignInSheet(
            clinic_name=clinic_name,
            group_name=meeting.group_name,
            day=meeting.local_day,
            time_text=f"{local_time_text(start, zone)}–{local_time_text(end, zone)}",
            room=meeting.room,
            names=tuple(names),
            language=language,
        )

    def attendance_report(
        self, participant_id: int | None, first: date, last: date, *, record_number: str | None = None,
        language: str = "en",
    ) -> AttendanceReport:
        """One participant's attendance between two local days, for a consented disclosure.

        The participant is given by id, or by ``record_number`` as a person typed it: then a
        number nobody has and one of a participant the viewer may not see get the same
        sentence (``access.NoSuchParticipant``), and nothing about anyone is read before that
        check. The report lists only meetings of groups the viewer may see, and says so.
        """
        _check_range(first, last)
        with self._read() as uow:
            access = self._access(uow)
            if record_number is not None:
                participant_id = access.participant_by_record(record_number)
            elif participant_id is None:
                raise AttendanceError(say("store.attendance", "Choose a participant for the report."))
            else:
                access.participant(participant_id)
            settings = _ConnectionSettings(uow.conn)
            zone_name = read_zone_name(settings)
            zone, rules = clinic_zone(zone_name), read_rules(settings)
            session = uow.session
            person = session.get(Participant, participant_id)
            if person is None:
                raise AttendanceError(say("store.attendance", "That participant no longer exists."))
            pairs, scope_note = _in_visible_groups(
                access, self._participant_meetings(session, participant_id, first, last)
            )
            records = {r.id: r for r in self._records(session, [m for m, _ in pairs])}
            clinic_name = settings.get("clinic_name")
            generated_at = uow.now.astimezone(zone)  # the date printed is the clinic's
            target = person.weekly_hours_target
            if target is None:
                target = rules.default_target_hours(person.audience)
            levelled = _with_levels(uow, person, target, weekly_hours([], zone, target, rules, first, last))
            self._audit(uow, AuditAction.EXPORT, record_type="attendance report", record_id=participant_id,
                        participant_id=participant_id, detail=f"{first.isoformat()} to {last.isoformat()}")
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
                    status=CANCELLED if record.cancelled else (status.label if status else NOT_RECORDED),
                    arrived=local_time_text(mark.arrived_at, zone) if mark else "",
                    left=local_time_text(mark.left_at, zone) if mark else "",
                    scheduled_minutes=0 if record.cancelled else whole_minutes((end - start).total_seconds()),
                    minutes=minutes,
                    cancelled=record.cancelled,
                )
            )
        by_monday = {w.monday: w for w in levelled}
        weeks = [
            replace(w, level=by_monday[w.monday].level, target_minutes=by_monday[w.monday].target_minutes)
            if w.monday in by_monday else w
            for w in weekly_hours(times, zone, target, rules, first, last)
        ]
        return AttendanceReport(
            clinic_name=clinic_name,
            participant_name=f"{person.legal_name} ({person.preferred_name})"
            if person.preferred_name != person.legal_name
            else person.legal_name,
            record_number=person.record_number,
            first=first,
            last=last,
            rows=tuple(rows),
            weeks=tuple(weeks),
            target_hours=target,
            generated_at=generated_at,
            zone_name=zone_name,
            scope_note=scope_note,
            language=clinic_record_language(language),
        )


# A report for someone who may see only some groups says what it leaves out; it says so
# whether or not anything was left out, so it does not tell her the participant has other groups.
SCOPE_NOTE = QT_TRANSLATE_NOOP(
    "print.report", "Lists only meetings of groups you lead; the hours count those meetings only."
)


def _with_levels(uow: UnitOfWork, person: Participant, iop_target: float, weeks: list[WeekHours]) -> list[WeekHours]:
    """The weeks with the level of care in force and the target that level sets."""
    from .care import weeks_with_levels

    assert person.id is not None
    return weeks_with_levels(uow.conn, person.id, person.program_start, iop_target, weeks)


def _check_range(first: date, last: date) -> None:
    """A report's range: in order, and within 1900–2100 (a report to 9999-12-31 is a typo)."""
    from ..core import limits

    problem = limits.report_range_problem(first, last)
    if problem:
        raise AttendanceError(problem)


def _in_visible_groups(
    access: Any, pairs: list[tuple[Meeting, Attendance | None]]
) -> tuple[list[tuple[Meeting, Attendance | None]], str]:
    """Only the meetings of groups the viewer may see, and the note saying so (or "")."""
    visible = access.visible_groups()
    if visible is None:
        return pairs, ""
    return [(m, a) for m, a in pairs if m.group_id in visible], SCOPE_NOTE


def _insert_mark(conn: sa.Connection, meeting_id: int, mark: AttendanceMark, values: dict[str, Any]) -> bool:
    """Insert a new mark; False when someone else's mark for that person is already there."""
    row = {"meeting_id": meeting_id, "participant_id": mark.participant_id, "relative_id": mark.relative_id, **values}
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    stmt = dialect_insert(_attendance).values(**row).on_conflict_do_nothing().returning(_attendance.c.id)
    return conn.execute(stmt).first() is not None


def _names(conn: sa.Connection, keys: Sequence[tuple[int | None, int | None]]) -> list[str]:
    pids = [p for p, _ in keys if p is not None]
    rids = [r for _, r in keys if r is not None]
    people = dict(conn.execute(sa.select(_participant.c.id, _participant.c.preferred_name)
                               .where(_participant.c.id.in_(pids))).all()) if pids else {}
    relatives = dict(conn.execute(sa.select(_relative.c.id, _relative.c.name)
                                  .where(_relative.c.id.in_(rids))).all()) if rids else {}
    return [people.get(p, "") if p is not None else relatives.get(r, "") for p, r in keys]


# -- helpers -----------------------------------------------------------------------------------

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
        attendance_id=mark.id if mark else None,
        version=mark.version if mark else None,
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
    if now < end:
        return "In progress"
    if marked and marked >= enrolled:
        return "Attendance taken"
    if marked:
        return "Attendance partly taken"
    return "Needs attendance"
