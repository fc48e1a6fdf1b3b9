"""The roster service: groups, staff names, participants, relatives, enrollment, CSV import.

Every call is one unit of work for the signed-in user (``store.unit_of_work``): it asks
``core.permissions``, reads or writes, appends the audit entry and names what changed, in
one transaction. Lists hold only what the user may see. Participants and groups carry a
version: a change applies only to the version it was read from (``ConflictError`` otherwise).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from facilitator.core.catalogue import listing, say

from ..core import permissions as perm
from ..core.attendance import Track, WeeklySchedule, parse_weekdays
from ..core.audit import AuditAction
from ..core.changes import ENROLLMENT, GROUP, PARTICIPANT, RELATIVE, GoneError, UserFacingError
from ..core.curriculum import GroupType
from ..core.roster import (
    Admission,
    Audience,
    EnrollmentRecord,
    GroupDraft,
    GroupRecord,
    ParticipantDraft,
    ParticipantRecord,
    ParticipantStatus,
    RelativeRecord,
    RosterPlan,
    RowError,
    StaffRecord,
    StaffRole,
)
from .access import Scoped
from .models import CareGroup, Enrollment, GroupCurriculum, GroupStaff, Participant, ParticipantGoal, Relative, Staff
from .unit_of_work import CURRENT, UnitOfWork, Work

log = logging.getLogger(__name__)


class RosterError(UserFacingError):
    """A roster change cannot be made; the message is one sentence for the user."""


class RosterImportRefused(RosterError):
    """A roster file has bad rows; nothing was imported."""

    def __init__(self, errors: Sequence[RowError]) -> None:
        self.errors = list(errors)
        rows = ", ".join(str(e.line) for e in self.errors[:10]) + ("…" if len(self.errors) > 10 else "")
        super().__init__(say("store.roster", "The roster was not imported: {count} rows have problems (lines {rows}).",
                             count=len(self.errors), rows=rows) if len(self.errors) > 1 else
                         say("store.roster", "The roster was not imported: 1 row has a problem (line {rows}).",
                             rows=rows))


@dataclass(frozen=True)
class EnrollResult:
    enrollment: EnrollmentRecord
    warnings: tuple[str, ...] = ()


def participant_record(row: Participant, goals: Iterable[str] = ()) -> ParticipantRecord:
    assert row.id is not None
    return ParticipantRecord(
        id=row.id,
        record_number=row.record_number,
        preferred_name=row.preferred_name,
        legal_name=row.legal_name,
        program_start=row.program_start,
        date_of_birth=row.date_of_birth,
        weekly_hours_target=row.weekly_hours_target,
        language=row.language,
        large_print=row.large_print,
        audience=Audience(row.audience),
        status=ParticipantStatus(row.status),
        goals=tuple(goals),
        version=row.version,
    )


_participant = Participant.__table__  # type: ignore[attr-defined]
_group = CareGroup.__table__  # type: ignore[attr-defined]
_goal = ParticipantGoal.__table__  # type: ignore[attr-defined]
_staff = Staff.__table__  # type: ignore[attr-defined]
_group_staff = GroupStaff.__table__  # type: ignore[attr-defined]
_group_curriculum = GroupCurriculum.__table__  # type: ignore[attr-defined]
_enrollment = Enrollment.__table__  # type: ignore[attr-defined]
_relative = Relative.__table__  # type: ignore[attr-defined]

# How the audit trail names a participant's and a group's fields (never their values).
PARTICIPANT_FIELDS = {
    "record_number": "record number",
    "preferred_name": "preferred name",
    "legal_name": "legal name",
    "date_of_birth": "date of birth",
    "program_start": "program start",
    "audience": "adult or adolescent",
    "weekly_hours_target": "weekly hours target",
    "language": "handout language",
    "large_print": "large print",
    "status": "status",
    "goals": "treatment goals",
}
GROUP_FIELDS = {
    "name": "name",
    "group_type": "type",
    "track": "curriculum track",
    "rolling": "rolling track",
    "room": "room",
    "weekdays": "days",
    "start_time": "start time",
    "minutes": "length",
    "capacity": "capacity",
    "admission": "admission",
    "start_date": "start date",
    "end_date": "end date",
    "facilitators": "facilitators",
}


def changed_words(labels: dict[str, str], before: dict[str, object], after: dict[str, object]) -> str:
    """ "changed the preferred name and status" for the audit trail; the values stay out of it."""
    names = [label for key, label in labels.items() if before.get(key) != after.get(key)]
    if not names:
        return "saved with no change"
    if len(names) == 1:
        return f"changed the {names[0]}"
    return f"changed the {', '.join(names[:-1])} and {names[-1]}"


class RosterService(Scoped):
    """The roster for one principal: every call is one unit of work that checks, writes and audits.

    Built with the app's ``Work``; the principal is whoever is signed in (``CURRENT``), a
    given ``Principal``, or ``SETUP`` for seeding that acts for nobody.
    """

    def __init__(self, work: Work, principal: Any = CURRENT) -> None:
        super().__init__(work, principal)

    def acting_as(self, principal: Any) -> RosterService:
        """The same service for another principal (or ``SETUP``)."""
        return RosterService(self._work, principal)

    # -- staff (names only: any signed-in user) -------------------------------------------

    def staff(self) -> list[StaffRecord]:
        with self._read() as uow:
            self._access(uow).me()
            rows = uow.session.exec(select(Staff).where(Staff.active == True).order_by(Staff.name))  # noqa: E712
            return [StaffRecord(r.id, r.name) for r in rows if r.id is not None]

    @staticmethod
    def _staff_ids(conn: sa.Connection, names: Iterable[str]) -> list[int]:
        ids: list[int] = []
        for name in names:
            name = " ".join(name.split())
            if not name:
                continue
            found = conn.execute(sa.select(_staff.c.id).where(_staff.c.name == name)).scalar()
            if found is None:
                found = conn.execute(_staff.insert().values(name=name).returning(_staff.c.id)).scalar_one()
            if found not in ids:
                ids.append(int(found))
        return ids

    # -- groups ----------------------------------------------------------------------------

    def create_group(self, draft: GroupDraft) -> GroupRecord:
        self._check_group(draft)
        with self._begin() as uow:
            self._access(uow).require(perm.require_manage_rosters)
            conn = uow.conn
            name = draft.name.strip()
            if conn.execute(sa.select(_group.c.id).where(_group.c.name == name)).first():
                raise RosterError(say("store.roster", "There is already a group called {name!r}.", name=name))
            group_id = conn.execute(
                _group.insert().values(
                    **self._group_values(draft), created_at=uow.now, updated_at=uow.now,
                    **({"updated_by_id": uow.principal.user_id} if uow.principal else {}),
                ).returning(_group.c.id)
            ).scalar_one()
            self._fill_group_links(conn, group_id, draft)
            self._audit(uow, AuditAction.CREATE, record_type="group", record_id=group_id,
                        detail=f"added the group {name}")
            uow.changed(GROUP, group_id)
            return self._group_records(uow.session, [uow.session.get(CareGroup, group_id)])[0]

    def update_group(self, group_id: int, draft: GroupDraft, version: int | None) -> GroupRecord:
        """Save a group as edited from the version read (``version``); None saves over any change."""
        self._check_group(draft)
        with self._begin() as uow:
            self._access(uow).require(perm.require_manage_rosters)
            conn = uow.conn
            name = draft.name.strip()
            clash = conn.execute(sa.select(_group.c.id).where(_group.c.name == name, _group.c.id != group_id)).first()
            if clash:
                raise RosterError(say("store.roster", "There is already a group called {name!r}.", name=name))
            before = self._group_facts(uow.session, group_id)
            uow.update_versioned(_group, group_id, version, self._group_values(draft), kind=GROUP, what="group")
            conn.execute(_group_curriculum.delete().where(_group_curriculum.c.group_id == group_id))
            conn.execute(_group_staff.delete().where(_group_staff.c.group_id == group_id))
            self._fill_group_links(conn, group_id, draft)
            uow.session.expire_all()
            after = self._group_facts(uow.session, group_id)
            self._audit(uow, AuditAction.CHANGE, record_type="group", record_id=group_id,
                        detail=changed_words(GROUP_FIELDS, before, after))
            return self._group_records(uow.session, [uow.session.get(CareGroup, group_id)])[0]

    @staticmethod
    def _check_group(draft: GroupDraft) -> None:
        problems = draft.problems()
        if problems:
            raise RosterError(say("store.roster", "The group cannot be saved: {problems}.",
                                  problems=listing(problems, "; ")))

    @staticmethod
    def _group_values(draft: GroupDraft) -> dict[str, Any]:
        return {
            "name": draft.name.strip(),
            "group_type": draft.group_type.value,
            "rolling": draft.track.rolling,
            "room": draft.room.strip(),
            "weekdays": draft.schedule.days_text,
            "start_time": draft.schedule.start,
            "minutes": draft.schedule.minutes,
            "capacity": draft.capacity,
            "admission": draft.admission.value,
            "start_date": draft.start_date,
            "end_date": draft.end_date,
        }

    def _fill_group_links(self, conn: sa.Connection, group_id: int, draft: GroupDraft) -> None:
        track = [{"group_id": group_id, "position": n, "curriculum_id": c} for n, c in enumerate(draft.track.curriculum_ids)]
        if track:
            conn.execute(_group_curriculum.insert(), track)
        lead_ids = self._staff_ids(conn, draft.facilitators)
        co_ids = [i for i in self._staff_ids(conn, draft.co_facilitators) if i not in lead_ids]
        links = []
        for role, ids in ((StaffRole.FACILITATOR, lead_ids), (StaffRole.CO_FACILITATOR, co_ids)):
            for staff_id in ids:
                links.append({"group_id": group_id, "staff_id": staff_id, "role": role.value, "position": len(links)})
        if links:
            conn.execute(_group_staff.insert(), links)

    def _group_facts(self, session: Session, group_id: int) -> dict[str, object]:
        row = session.get(CareGroup, group_id)
        if row is None:
            raise GoneError(say("store.roster", "That group no longer exists; someone may have removed it."))
        record = self._group_records(session, [row])[0]
        facts: dict[str, object] = {k: getattr(row, k) for k in GROUP_FIELDS if hasattr(row, k)}
        facts["track"] = record.track.curriculum_ids
        facts["facilitators"] = (record.facilitators, record.co_facilitators)
        return facts

    def groups(self) -> list[GroupRecord]:
        """Every group the principal may see, by name."""
        with self._read() as uow:
            visible = self._access(uow).visible_groups()
            stmt = select(CareGroup).order_by(CareGroup.name)
            if visible is not None:
                stmt = stmt.where(col(CareGroup.id).in_(visible))
            rows = list(uow.session.exec(stmt))
            return self._group_records(uow.session, rows)

    def group(self, group_id: int) -> GroupRecord:
        with self._read() as uow:
            self._access(uow).group(group_id)
            row = uow.session.get(CareGroup, group_id)
            if row is None:
                raise RosterError(say("store.roster", "That group no longer exists."))
            return self._group_records(uow.session, [row])[0]

    @staticmethod
    def _group_records(session: Session, rows: Sequence[CareGroup | None]) -> list[GroupRecord]:
        rows = [r for r in rows if r is not None]
        ids = [r.id for r in rows]
        tracks: dict[int, list[str]] = defaultdict(list)
        for gc in session.exec(
            select(GroupCurriculum).where(col(GroupCurriculum.group_id).in_(ids)).order_by(GroupCurriculum.position)
        ):
            tracks[gc.group_id].append(gc.curriculum_id)
        staff: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for gs, person in session.exec(
            select(GroupStaff, Staff)
            .join(Staff, col(Staff.id) == col(GroupStaff.staff_id))
            .where(col(GroupStaff.group_id).in_(ids))
            .order_by(GroupStaff.position)
        ):
            staff[gs.group_id][gs.role].append(person.name)
        out = []
        for r in rows:
            assert r is not None and r.id is not None
            out.append(
                GroupRecord(
                    id=r.id,
                    name=r.name,
                    group_type=GroupType(r.group_type),
                    track=Track(tuple(tracks[r.id]), r.rolling),
                    schedule=WeeklySchedule(parse_weekdays(r.weekdays), r.start_time, r.minutes),
                    start_date=r.start_date,
                    end_date=r.end_date,
                    room=r.room,
                    capacity=r.capacity,
                    admission=Admission(r.admission),
                    facilitators=tuple(staff[r.id][StaffRole.FACILITATOR.value]),
                    co_facilitators=tuple(staff[r.id][StaffRole.CO_FACILITATOR.value]),
                    version=r.version,
                )
            )
        return out

    # -- participants ----------------------------------------------------------------------

    def create_participant(self, draft: ParticipantDraft) -> ParticipantRecord:
        self._check_participant(draft)
        with self._begin() as uow:
            self._access(uow).require(perm.require_manage_rosters)
            self._refuse_duplicate(uow.conn, draft.record_number.strip())
            participant_id = self._insert_participant(uow, draft)
            self._audit(uow, AuditAction.CREATE, record_type="participant", record_id=participant_id,
                        participant_id=participant_id, detail="added to the roster")
            return self._participant_records(uow.session, [uow.session.get(Participant, participant_id)])[0]

    def update_participant(self, participant_id: int, draft: ParticipantDraft, version: int | None) -> ParticipantRecord:
        """Save a participant as edited from the version read (``version``); None saves over any change."""
        self._check_participant(draft)
        with self._begin() as uow:
            self._access(uow).require(perm.require_manage_rosters)
            conn = uow.conn
            before = self._participant_facts(uow.session, participant_id)
            if before["record_number"] != draft.record_number.strip():
                self._refuse_duplicate(conn, draft.record_number.strip(), participant_id)
            uow.update_versioned(_participant, participant_id, version, self._participant_values(draft),
                                 kind=PARTICIPANT, what="participant")
            conn.execute(_goal.delete().where(_goal.c.participant_id == participant_id))
            self._insert_goals(conn, participant_id, draft)
            uow.session.expire_all()
            after = self._participant_facts(uow.session, participant_id)
            self._audit(uow, AuditAction.CHANGE, record_type="participant", record_id=participant_id,
                        participant_id=participant_id, detail=changed_words(PARTICIPANT_FIELDS, before, after))
            return self._participant_records(uow.session, [uow.session.get(Participant, participant_id)])[0]

    def _participant_facts(self, session: Session, participant_id: int) -> dict[str, object]:
        row = session.get(Participant, participant_id)
        if row is None:
            raise GoneError(say("store.roster", "That participant no longer exists; someone may have removed them."))
        facts: dict[str, object] = {k: getattr(row, k) for k in PARTICIPANT_FIELDS if hasattr(row, k)}
        facts["goals"] = self._participant_records(session, [row])[0].goals
        return facts

    @staticmethod
    def _check_participant(draft: ParticipantDraft) -> None:
        problems = draft.problems()
        if problems:
            raise RosterError(say("store.roster", "The participant cannot be saved: {problems}.",
                                  problems=listing(problems, "; ")))

    @staticmethod
    def _refuse_duplicate(conn: sa.Connection, record_number: str, other_than: int | None = None) -> None:
        stmt = sa.select(_participant.c.id).where(_participant.c.record_number == record_number)
        if other_than is not None:
            stmt = stmt.where(_participant.c.id != other_than)
        if conn.execute(stmt).first():
            raise RosterError(say("store.roster", "Record number {record_number} already belongs to another "
                                  "participant.", record_number=record_number))

    @staticmethod
    def _participant_values(draft: ParticipantDraft) -> dict[str, Any]:
        return {
            "record_number": draft.record_number.strip(),
            "preferred_name": draft.preferred_name.strip(),
            "legal_name": draft.legal_name.strip(),
            "date_of_birth": draft.date_of_birth,
            "program_start": draft.program_start,
            "audience": draft.audience.value,
            "weekly_hours_target": draft.weekly_hours_target,
            "language": draft.language.strip() or "en",
            "large_print": draft.large_print,
            "status": draft.status.value,
        }

    def _insert_participant(self, uow: UnitOfWork, draft: ParticipantDraft) -> int:
        values = self._participant_values(draft) | {"created_at": uow.now, "updated_at": uow.now}
        if uow.principal is not None:
            values["updated_by_id"] = uow.principal.user_id
        participant_id = int(uow.conn.execute(_participant.insert().values(**values).returning(_participant.c.id)).scalar_one())
        self._insert_goals(uow.conn, participant_id, draft)
        uow.changed(PARTICIPANT, participant_id)
        return participant_id

    @staticmethod
    def _insert_goals(conn: sa.Connection, participant_id: int, draft: ParticipantDraft) -> None:
        goals = [g.strip() for g in draft.goals if g.strip()]
        if goals:
            conn.execute(_goal.insert(), [
                {"participant_id": participant_id, "position": n, "text": text} for n, text in enumerate(goals)
            ])

    def participant(self, participant_id: int) -> ParticipantRecord:
        with self._read() as uow:
            self._access(uow).participant(participant_id)
            row = uow.session.get(Participant, participant_id)
            if row is None:
                raise RosterError(say("store.roster", "That participant no longer exists."))
            record = self._participant_records(uow.session, [row])[0]
            self._audit(uow, AuditAction.VIEW, record_type="participant", record_id=participant_id,
                        participant_id=participant_id)
            return record

    def participant_by_record(self, record_number: str) -> ParticipantRecord | None:
        """The participant with this record number, or None: someone not in one's groups looks like nobody."""
        with self._read() as uow:
            access = self._access(uow)
            access.me()
            row = uow.session.exec(select(Participant).where(Participant.record_number == record_number.strip())).first()
            if row is None or row.id is None or not access.may_see_participant(row.id):
                return None
            record = self._participant_records(uow.session, [row])[0]
            self._audit(uow, AuditAction.VIEW, record_type="participant", record_id=row.id, participant_id=row.id)
            return record

    def participants(self, status: ParticipantStatus | None = None, query: str = "") -> list[ParticipantRecord]:
        """The participants the principal may see (all, or those with ``status`` / matching ``query``)."""
        with self._read() as uow:
            visible = self._access(uow).visible_participants()
            stmt = select(Participant)
            if visible is not None:
                stmt = stmt.where(col(Participant.id).in_(visible))
            if status is not None:
                stmt = stmt.where(Participant.status == status.value)
            if query.strip():
                like = f"%{query.strip().lower()}%"
                stmt = stmt.where(
                    sa.or_(
                        sa.func.lower(Participant.preferred_name).like(like),
                        sa.func.lower(Participant.legal_name).like(like),
                        sa.func.lower(Participant.record_number).like(like),
                    )
                )
            rows = list(uow.session.exec(stmt.order_by(Participant.preferred_name, Participant.record_number)))
            people = self._participant_records(uow.session, rows)
            self._audit(uow, AuditAction.VIEW, record_type="participant list", detail=f"{len(people)} participants")
            return people

    @staticmethod
    def _participant_records(session: Session, rows: Sequence[Participant | None]) -> list[ParticipantRecord]:
        rows = [r for r in rows if r is not None]
        goals: dict[int, list[str]] = defaultdict(list)
        ids = [r.id for r in rows]
        if ids:
            for g in session.exec(
                select(ParticipantGoal)
                .where(col(ParticipantGoal.participant_id).in_(ids))
                .order_by(ParticipantGoal.position)
            ):
                goals[g.participant_id].append(g.text)
        return [participant_record(r, goals.get(r.id or 0, ())) for r in rows if r is not None]

    # -- relatives -------------------------------------------------------------------------

    def add_relative(self, participant_id: int, name: str, relationship: str = "") -> RelativeRecord:
        name = " ".join(name.split())
        if not name:
            raise RosterError(say("store.roster", "A relative or partner needs a name."))
        with self._begin() as uow:
            self._access(uow).require(perm.require_manage_rosters)
            if uow.conn.execute(sa.select(_participant.c.id).where(_participant.c.id == participant_id)).first() is None:
                raise RosterError(say("store.roster", "That participant no longer exists."))
            relation = relationship.strip()[:60]
            relative_id = int(uow.conn.execute(
                _relative.insert().values(participant_id=participant_id, name=name, relationship=relation)
                .returning(_relative.c.id)
            ).scalar_one())
            self._audit(uow, AuditAction.CHANGE, record_type="relative", record_id=relative_id,
                        participant_id=participant_id, detail="added a relative or partner")
            uow.changed(RELATIVE, relative_id)
            return RelativeRecord(relative_id, participant_id, name, relation)

    def relatives(self, participant_ids: Iterable[int] | None = None) -> list[RelativeRecord]:
        with self._read() as uow:
            visible = self._access(uow).visible_participants()
            stmt = select(Relative)
            if participant_ids is not None:
                stmt = stmt.where(col(Relative.participant_id).in_(list(participant_ids)))
            if visible is not None:
                stmt = stmt.where(col(Relative.participant_id).in_(visible))
            return [
                RelativeRecord(r.id, r.participant_id, r.name, r.relationship)  # type: ignore[arg-type]
                for r in uow.session.exec(stmt.order_by(Relative.name))
            ]

    def remove_relative(self, relative_id: int) -> None:
        with self._begin() as uow:
            self._access(uow).require(perm.require_manage_rosters)
            owner = uow.conn.execute(sa.select(_relative.c.participant_id).where(_relative.c.id == relative_id)).scalar()
            if owner is None:
                return
            uow.conn.execute(_relative.delete().where(_relative.c.id == relative_id))
            self._audit(uow, AuditAction.CHANGE, record_type="relative", record_id=relative_id,
                        participant_id=int(owner), detail="removed a relative or partner")
            uow.changed(RELATIVE, relative_id)

    # -- enrollment ------------------------------------------------------------------------

    def enroll(
        self, group_id: int, participant_id: int, start: date, end: date | None = None, capacity_warning: int = 12
    ) -> EnrollResult:
        """Enroll a participant; a full group or a closed one that already began is a warning, not a refusal."""
        if end is not None and end < start:
            raise RosterError(say("store.roster", "The enrollment ends before it starts."))
        with self._begin() as uow:
            self._access(uow).require(perm.require_manage_rosters)
            session = uow.session
            group = session.get(CareGroup, group_id)
            person = session.get(Participant, participant_id)
            if group is None or person is None:
                raise RosterError(say("store.roster", "That group or participant no longer exists."))
            overlapping = session.exec(
                select(Enrollment).where(
                    Enrollment.group_id == group_id,
                    Enrollment.participant_id == participant_id,
                    sa.or_(col(Enrollment.end_date).is_(None), col(Enrollment.end_date) >= start),
                    *([col(Enrollment.start_date) <= end] if end is not None else []),
                )
            ).first()
            if overlapping is not None:
                raise RosterError(say("store.roster", "{preferred_name} is already enrolled in {name} on those dates.",
                                      preferred_name=person.preferred_name, name=group.name))
            row = Enrollment(group_id=group_id, participant_id=participant_id, start_date=start, end_date=end)
            session.add(row)
            session.flush()
            count = self._count_on(session, group_id, start)
            warnings = []
            limit = min(group.capacity, capacity_warning) if capacity_warning else group.capacity
            if count > limit:
                warnings.append(f"{group.name} now has {count} participants, more than {limit}.")
            if group.admission == Admission.CLOSED.value and start > group.start_date:
                warnings.append(f"{group.name} has closed admission and began on {group.start_date.isoformat()}.")
            assert row.id is not None
            until = f" to {end.isoformat()}" if end else ""
            self._audit(uow, AuditAction.CHANGE, record_type="enrollment", record_id=row.id,
                        participant_id=participant_id, detail=f"enrolled in {group.name} from {start.isoformat()}{until}")
            uow.changed(ENROLLMENT, row.id)
            record = self._enrollment_record(row, person, group)
        return EnrollResult(record, tuple(warnings))

    @staticmethod
    def _count_on(session: Session, group_id: int, day: date) -> int:
        stmt = select(sa.func.count()).select_from(Enrollment).where(
            Enrollment.group_id == group_id,
            col(Enrollment.start_date) <= day,
            sa.or_(col(Enrollment.end_date).is_(None), col(Enrollment.end_date) >= day),
        )
        return int(session.exec(stmt).one())

    def end_enrollment(self, enrollment_id: int, end: date) -> EnrollmentRecord:
        with self._begin() as uow:
            self._access(uow).require(perm.require_manage_rosters)
            session = uow.session
            row = session.get(Enrollment, enrollment_id)
            if row is None:
                raise RosterError(say("store.roster", "That enrollment no longer exists."))
            if end < row.start_date:
                raise RosterError(say("store.roster", "The enrollment cannot end before it started."))
            row.end_date = end
            session.add(row)
            session.flush()
            person = session.get(Participant, row.participant_id)
            group = session.get(CareGroup, row.group_id)
            self._audit(uow, AuditAction.CHANGE, record_type="enrollment", record_id=enrollment_id,
                        participant_id=row.participant_id,
                        detail=f"enrollment in {group.name if group else 'a group'} ends {end.isoformat()}")
            uow.changed(ENROLLMENT, enrollment_id)
            return self._enrollment_record(row, person, group)

    def enrollments(self, group_id: int | None = None, participant_id: int | None = None) -> list[EnrollmentRecord]:
        with self._read() as uow:
            access = self._access(uow)
            if group_id is not None:
                access.group(group_id)
            if participant_id is not None:
                access.participant(participant_id)
            visible = access.visible_groups()
            stmt = (
                select(Enrollment, Participant, CareGroup)
                .join(Participant, col(Participant.id) == col(Enrollment.participant_id))
                .join(CareGroup, col(CareGroup.id) == col(Enrollment.group_id))
            )
            if group_id is not None:
                stmt = stmt.where(Enrollment.group_id == group_id)
            if participant_id is not None:
                stmt = stmt.where(Enrollment.participant_id == participant_id)
            if visible is not None:
                stmt = stmt.where(col(Enrollment.group_id).in_(visible))
            stmt = stmt.order_by(Participant.preferred_name, Enrollment.start_date)
            return [self._enrollment_record(e, p, g) for e, p, g in uow.session.exec(stmt)]

    def roster_on(self, group_id: int, day: date) -> list[ParticipantRecord]:
        """Participants enrolled in a group on a day, by preferred name."""
        with self._read() as uow:
            self._access(uow).group(group_id)
            stmt = (
                select(Participant)
                .join(Enrollment, col(Enrollment.participant_id) == col(Participant.id))
                .where(
                    Enrollment.group_id == group_id,
                    col(Enrollment.start_date) <= day,
                    sa.or_(col(Enrollment.end_date).is_(None), col(Enrollment.end_date) >= day),
                )
                .order_by(Participant.preferred_name)
                .distinct()
            )
            people = self._participant_records(uow.session, list(uow.session.exec(stmt)))
            self._audit(uow, AuditAction.VIEW, record_type="group roster", record_id=group_id,
                        detail=f"{day.isoformat()}: {len(people)} participants")
            return people

    @staticmethod
    def _enrollment_record(row: Enrollment, person: Participant | None, group: CareGroup | None) -> EnrollmentRecord:
        assert row.id is not None
        return EnrollmentRecord(
            id=row.id,
            group_id=row.group_id,
            participant_id=row.participant_id,
            start_date=row.start_date,
            end_date=row.end_date,
            participant_name=person.preferred_name if person else "",
            record_number=person.record_number if person else "",
            group_name=group.name if group else "",
            participant_status=person.status if person else "",
        )

    # -- import ----------------------------------------------------------------------------

    def import_problems(self, plan: RosterPlan) -> list[RowError]:
        """The plan's own errors plus rows whose record number is already in the roster."""
        with self._read() as uow:
            self._access(uow).require(perm.require_manage_rosters)
            return self._import_problems(uow.conn, plan)

    @staticmethod
    def _import_problems(conn: sa.Connection, plan: RosterPlan) -> list[RowError]:
        errors = list(plan.errors)
        numbers = [d.record_number.strip() for _, d in plan.drafts]
        if numbers:
            taken = set(conn.execute(
                sa.select(_participant.c.record_number).where(_participant.c.record_number.in_(numbers))
            ).scalars())
            errors += [
                RowError(line, say("store.roster", "record number {record_number!r} is already in the roster",
                                   record_number=d.record_number.strip()))
                for line, d in plan.drafts
                if d.record_number.strip() in taken
            ]
        return sorted(errors, key=lambda e: e.line)

    def import_roster(self, plan: RosterPlan) -> list[ParticipantRecord]:
        """Add every participant of the plan in one unit of work, or none of them."""
        try:
            with self._begin() as uow:
                self._access(uow).require(perm.require_manage_rosters)
                errors = self._import_problems(uow.conn, plan)
                if errors:
                    raise RosterImportRefused(errors)
                ids = []
                for _, draft in plan.drafts:
                    participant_id = self._insert_participant(uow, draft)
                    ids.append(participant_id)
                    self._audit(uow, AuditAction.CREATE, record_type="participant", record_id=participant_id,
                                participant_id=participant_id, detail="added by a roster import")
                rows = list(uow.session.exec(select(Participant).where(col(Participant.id).in_(ids))))
                return self._participant_records(uow.session, rows)
        except sa.exc.IntegrityError as exc:
            log.warning("Roster import refused by the database: %s", exc)
            raise RosterError(
                say("store.roster", "The roster was not imported: another workstation added one of these record "
                    "numbers just now.")
            ) from exc
