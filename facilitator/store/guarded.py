"""The roster and attendance services as the signed-in user may use them: checked and audited.

``RosterService`` and ``AttendanceService`` do the work and know nothing of users; the
classes here have the same methods, ask ``core.permissions`` first, narrow lists to what
the user may see, and write the audit trail. ``open_backend`` hands these to the app and the
command line, so no view or command reaches the roster without a principal. Seeding and
benchmarks use the plain services.

A method of the plain services that has no rule here is refused (AttributeError naming
this module) rather than passed through unchecked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..core import permissions as perm
from ..core.audit import AuditAction
from ..core.permissions import PermissionDenied, Principal
from .audit import AuditLog
from .models import Enrollment, GroupStaff, Meeting

PrincipalSource = Callable[[], Principal | None]

_group_staff = GroupStaff.__table__  # type: ignore[attr-defined]
_enrollment = Enrollment.__table__  # type: ignore[attr-defined]
_meeting = Meeting.__table__  # type: ignore[attr-defined]


class _Guard:
    _PASS_THROUGH: frozenset[str] = frozenset()

    def __init__(self, inner: Any, engine: Engine, audit: AuditLog, principal: PrincipalSource) -> None:
        self._inner = inner
        self._engine = engine
        self._audit = audit
        self._principal = principal

    def __getattr__(self, name: str) -> Any:
        if name in self._PASS_THROUGH:
            return getattr(self._inner, name)
        raise AttributeError(
            f"{type(self._inner).__name__}.{name} has no permission rule yet; add one in facilitator/store/guarded.py"
        )

    @property
    def unchecked(self) -> Any:
        """The plain service, for seeding and internal work that acts for no user."""
        return self._inner

    # -- who may see what -------------------------------------------------------------------

    def _me(self) -> Principal:
        return perm.require_signed_in(self._principal())

    def _staff_of_groups(self, group_ids: Iterable[int] | None = None) -> dict[int, list[int]]:
        stmt = sa.select(_group_staff.c.group_id, _group_staff.c.staff_id)
        if group_ids is not None:
            stmt = stmt.where(_group_staff.c.group_id.in_(list(group_ids)))
        staff: dict[int, list[int]] = defaultdict(list)
        with self._engine.connect() as conn:
            for group_id, staff_id in conn.execute(stmt):
                staff[group_id].append(staff_id)
        return staff

    def _visible_groups(self, p: Principal) -> set[int] | None:
        """The groups a user may see; None when they see every group."""
        if perm.sees_all_groups(p):
            return None
        if p.staff_id is None:
            return set()
        with self._engine.connect() as conn:
            rows = conn.execute(sa.select(_group_staff.c.group_id).where(_group_staff.c.staff_id == p.staff_id))
            return {r[0] for r in rows}

    def _visible_participants(self, p: Principal) -> set[int] | None:
        groups = self._visible_groups(p)
        if groups is None:
            return None
        if not groups:
            return set()
        with self._engine.connect() as conn:
            rows = conn.execute(
                sa.select(_enrollment.c.participant_id).where(_enrollment.c.group_id.in_(list(groups))).distinct()
            )
            return {r[0] for r in rows}

    def _group_check(self, group_id: int, require: Callable[..., Principal] = perm.require_view_group) -> Principal:
        p = self._me()
        return require(p, self._staff_of_groups([group_id]).get(group_id, []))

    def _participant_check(self, participant_id: int) -> Principal:
        p = self._me()
        if perm.sees_all_groups(p):
            return p
        with self._engine.connect() as conn:
            groups = [
                r[0]
                for r in conn.execute(
                    sa.select(_enrollment.c.group_id).where(_enrollment.c.participant_id == participant_id).distinct()
                )
            ]
        staff = self._staff_of_groups(groups)
        return perm.require_view_participant(p, [staff.get(g, []) for g in groups])

    def _group_of_meeting(self, meeting_id: int) -> int:
        with self._engine.connect() as conn:
            group_id = conn.execute(sa.select(_meeting.c.group_id).where(_meeting.c.id == meeting_id)).scalar()
        if group_id is None:
            raise PermissionDenied("That meeting no longer exists.")
        return int(group_id)

    def _record(
        self,
        p: Principal,
        action: AuditAction,
        record_type: str,
        record_id: object = "",
        participant_id: int | None = None,
        detail: str = "",
    ) -> None:
        self._audit.record(
            p, action, record_type=record_type, record_id=record_id, participant_id=participant_id, detail=detail
        )


class GuardedRoster(_Guard):
    """``RosterService`` for the signed-in user."""

    # -- staff and groups (names and schedules: any signed-in user, narrowed to their groups) --

    def staff(self) -> Any:
        self._me()
        return self._inner.staff()

    def groups(self) -> list[Any]:
        p = self._me()
        visible = self._visible_groups(p)
        return [g for g in self._inner.groups() if visible is None or g.id in visible]

    def group(self, group_id: int) -> Any:
        self._group_check(group_id)
        return self._inner.group(group_id)

    def create_group(self, draft: Any) -> Any:
        p = perm.require_manage_rosters(self._principal())
        record = self._inner.create_group(draft)
        self._record(p, AuditAction.CREATE, "group", record.id, detail=record.name)
        return record

    def update_group(self, group_id: int, draft: Any) -> Any:
        p = perm.require_manage_rosters(self._principal())
        record = self._inner.update_group(group_id, draft)
        self._record(p, AuditAction.CHANGE, "group", group_id, detail=record.name)
        return record

    # -- participants -----------------------------------------------------------------------

    def participants(self, status: Any = None, query: str = "") -> list[Any]:
        p = self._me()
        visible = self._visible_participants(p)
        people = [r for r in self._inner.participants(status, query) if visible is None or r.id in visible]
        self._record(p, AuditAction.VIEW, "participant list", detail=f"{len(people)} participants")
        return people

    def participant(self, participant_id: int) -> Any:
        p = self._participant_check(participant_id)
        record = self._inner.participant(participant_id)
        self._record(p, AuditAction.VIEW, "participant", participant_id, participant_id)
        return record

    def participant_by_record(self, record_number: str) -> Any:
        p = self._me()
        record = self._inner.participant_by_record(record_number)
        if record is None:
            return None
        try:
            self._participant_check(record.id)
        except PermissionDenied:
            return None  # the same answer as for a record number that does not exist
        self._record(p, AuditAction.VIEW, "participant", record.id, record.id)
        return record

    def create_participant(self, draft: Any) -> Any:
        p = perm.require_manage_rosters(self._principal())
        record = self._inner.create_participant(draft)
        self._record(p, AuditAction.CREATE, "participant", record.id, record.id)
        return record

    def update_participant(self, participant_id: int, draft: Any) -> Any:
        p = perm.require_manage_rosters(self._principal())
        record = self._inner.update_participant(participant_id, draft)
        self._record(p, AuditAction.CHANGE, "participant", participant_id, participant_id)
        return record

    def relatives(self, participant_ids: Iterable[int] | None = None) -> list[Any]:
        p = self._me()
        visible = self._visible_participants(p)
        ids = None if participant_ids is None else list(participant_ids)
        rows = [r for r in self._inner.relatives(ids) if visible is None or r.participant_id in visible]
        return rows

    def add_relative(self, participant_id: int, name: str, relationship: str = "") -> Any:
        p = perm.require_manage_rosters(self._principal())
        record = self._inner.add_relative(participant_id, name, relationship)
        self._record(p, AuditAction.CHANGE, "relative", record.id, participant_id, "added a relative")
        return record

    def remove_relative(self, relative_id: int) -> None:
        p = perm.require_manage_rosters(self._principal())
        self._inner.remove_relative(relative_id)
        self._record(p, AuditAction.CHANGE, "relative", relative_id, detail="removed a relative")

    # -- enrollment -------------------------------------------------------------------------

    def enroll(self, group_id: int, participant_id: int, start: date, end: date | None = None, **kwargs: Any) -> Any:
        p = perm.require_manage_rosters(self._principal())
        result = self._inner.enroll(group_id, participant_id, start, end, **kwargs)
        self._record(
            p, AuditAction.CHANGE, "enrollment", result.enrollment.id, participant_id, f"enrolled in group {group_id}"
        )
        return result

    def end_enrollment(self, enrollment_id: int, end: date) -> Any:
        p = perm.require_manage_rosters(self._principal())
        record = self._inner.end_enrollment(enrollment_id, end)
        self._record(p, AuditAction.CHANGE, "enrollment", enrollment_id, record.participant_id, f"ends {end}")
        return record

    def enrollments(self, group_id: int | None = None, participant_id: int | None = None) -> list[Any]:
        p = self._me()
        if group_id is not None:
            self._group_check(group_id)
        if participant_id is not None:
            self._participant_check(participant_id)
        visible = self._visible_groups(p)
        return [e for e in self._inner.enrollments(group_id, participant_id) if visible is None or e.group_id in visible]

    def roster_on(self, group_id: int, day: date) -> list[Any]:
        p = self._group_check(group_id)
        people = self._inner.roster_on(group_id, day)
        self._record(p, AuditAction.VIEW, "group roster", group_id, detail=f"{day}: {len(people)} participants")
        return people

    # -- import -----------------------------------------------------------------------------

    def import_problems(self, plan: Any) -> Any:
        perm.require_manage_rosters(self._principal())
        return self._inner.import_problems(plan)

    def import_roster(self, plan: Any) -> list[Any]:
        p = perm.require_manage_rosters(self._principal())
        added = self._inner.import_roster(plan)
        for record in added:
            self._record(p, AuditAction.CREATE, "participant", record.id, record.id, "roster import")
        return added


class GuardedAttendance(_Guard):
    """``AttendanceService`` for the signed-in user."""

    # Clinic-wide rules and time, no records.
    _PASS_THROUGH = frozenset({"rules", "zone_name", "zone", "today", "clock", "library"})

    # -- the schedule (housekeeping any signed-in user's screens trigger) --------------------

    def plan_meetings(self, group_id: int, through: date) -> int:
        self._me()
        return self._inner.plan_meetings(group_id, through)

    def plan_all(self, through: date) -> int:
        self._me()
        return self._inner.plan_all(through)

    def retrack_group(self, group_id: int) -> None:
        self._group_check(group_id, perm.require_record_attendance)
        self._inner.retrack_group(group_id)

    # -- meetings ---------------------------------------------------------------------------

    def meeting(self, meeting_id: int) -> Any:
        self._group_check(self._group_of_meeting(meeting_id))
        return self._inner.meeting(meeting_id)

    def meetings(self, group_id: int | None = None, first: date | None = None, last: date | None = None) -> list[Any]:
        p = self._me()
        if group_id is not None:
            self._group_check(group_id)
        visible = self._visible_groups(p)
        return [m for m in self._inner.meetings(group_id, first, last) if visible is None or m.group_id in visible]

    def meetings_on(self, day: date) -> list[Any]:
        p = self._me()
        visible = self._visible_groups(p)
        return [s for s in self._inner.meetings_on(day) if visible is None or s.meeting.group_id in visible]

    def add_meeting(self, group_id: int, *args: Any, **kwargs: Any) -> Any:
        p = self._group_check(group_id, perm.require_record_attendance)
        record = self._inner.add_meeting(group_id, *args, **kwargs)
        self._record(p, AuditAction.CREATE, "meeting", record.id, detail=f"group {group_id}, ad hoc")
        return record

    def cancel_meeting(self, meeting_id: int, reason: str) -> Any:
        p = self._group_check(self._group_of_meeting(meeting_id), perm.require_record_attendance)
        record = self._inner.cancel_meeting(meeting_id, reason)
        self._record(p, AuditAction.CHANGE, "meeting", meeting_id, detail="cancelled")
        return record

    def reinstate_meeting(self, meeting_id: int) -> Any:
        p = self._group_check(self._group_of_meeting(meeting_id), perm.require_record_attendance)
        record = self._inner.reinstate_meeting(meeting_id)
        self._record(p, AuditAction.CHANGE, "meeting", meeting_id, detail="reinstated")
        return record

    def set_meeting_session(self, meeting_id: int, step: Any) -> Any:
        p = self._group_check(self._group_of_meeting(meeting_id), perm.require_record_attendance)
        record = self._inner.set_meeting_session(meeting_id, step)
        self._record(p, AuditAction.CHANGE, "meeting", meeting_id, detail="curriculum session changed")
        return record

    # -- attendance -------------------------------------------------------------------------

    def sheet(self, meeting_id: int) -> list[Any]:
        p = self._group_check(self._group_of_meeting(meeting_id))
        rows = self._inner.sheet(meeting_id)
        self._record(p, AuditAction.VIEW, "attendance", meeting_id, detail=f"sheet of {len(rows)} rows")
        return rows

    def save_attendance(self, meeting_id: int, marks: Iterable[Any]) -> int:
        p = self._group_check(self._group_of_meeting(meeting_id), perm.require_record_attendance)
        marks = list(marks)
        count = self._inner.save_attendance(meeting_id, marks)
        for mark in marks:
            who = getattr(mark, "participant_id", None)
            self._record(
                p, AuditAction.CHANGE, "attendance", meeting_id, who,
                str(getattr(mark, "status", "")) if who is not None else "visitor",
            )
        return count

    def participant_hours(self, participant_id: int, first: date, last: date) -> Any:
        p = self._participant_check(participant_id)
        weeks = self._inner.participant_hours(participant_id, first, last)
        self._record(p, AuditAction.VIEW, "weekly hours", participant_id, participant_id, f"{first} to {last}")
        return weeks

    def coverage(self, participant_id: int, group_id: int, *args: Any, **kwargs: Any) -> Any:
        p = self._participant_check(participant_id)
        self._group_check(group_id)
        result = self._inner.coverage(participant_id, group_id, *args, **kwargs)
        self._record(p, AuditAction.VIEW, "coverage", participant_id, participant_id, f"group {group_id}")
        return result

    # -- printed outputs --------------------------------------------------------------------

    def sign_in_sheet(self, meeting_id: int) -> Any:
        p = self._group_check(self._group_of_meeting(meeting_id))
        sheet = self._inner.sign_in_sheet(meeting_id)
        self._record(p, AuditAction.PRINT, "sign-in sheet", meeting_id, detail=f"{len(sheet.names)} names")
        return sheet

    def attendance_report(self, participant_id: int, first: date, last: date) -> Any:
        p = self._participant_check(participant_id)
        report = self._inner.attendance_report(participant_id, first, last)
        self._record(p, AuditAction.EXPORT, "attendance report", participant_id, participant_id, f"{first} to {last}")
        return report
