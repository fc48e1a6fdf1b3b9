"""The roster service: groups, staff names, participants, relatives, enrollment, CSV import."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from ..core.attendance import Track, WeeklySchedule, parse_weekdays
from ..core.changes import UserFacingError
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
from .models import CareGroup, Enrollment, GroupCurriculum, GroupStaff, Participant, ParticipantGoal, Relative, Staff
from .models.base import utcnow

log = logging.getLogger(__name__)


class RosterError(UserFacingError):
    """A roster change cannot be made; the message is one sentence for the user."""


class RosterImportRefused(RosterError):
    """A roster file has bad rows; nothing was imported."""

    def __init__(self, errors: Sequence[RowError]) -> None:
        self.errors = list(errors)
        rows = ", ".join(str(e.line) for e in self.errors[:10]) + ("…" if len(self.errors) > 10 else "")
        super().__init__(f"The roster was not imported: {len(self.errors)} row(s) have problems (lines {rows}).")


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
    )


class RosterService:
    """Reads and writes the roster with a short session per call."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    # -- staff -----------------------------------------------------------------------------

    def staff(self) -> list[StaffRecord]:
        with Session(self._engine) as session:
            rows = session.exec(select(Staff).where(Staff.active == True).order_by(Staff.name))  # noqa: E712
            return [StaffRecord(r.id, r.name) for r in rows if r.id is not None]

    @staticmethod
    def _staff_ids(session: Session, names: Iterable[str]) -> list[int]:
        ids: list[int] = []
        for name in names:
            name = " ".join(name.split())
            if not name:
                continue
            row = session.exec(select(Staff).where(Staff.name == name)).first()
            if row is None:
                row = Staff(name=name)
                session.add(row)
                session.flush()
            assert row.id is not None
            if row.id not in ids:
                ids.append(row.id)
        return ids

    # -- groups ----------------------------------------------------------------------------

    def create_group(self, draft: GroupDraft) -> GroupRecord:
        self._check_group(draft)
        with Session(self._engine) as session:
            if session.exec(select(CareGroup).where(CareGroup.name == draft.name.strip())).first():
                raise RosterError(f"There is already a group called {draft.name.strip()!r}.")
            row = CareGroup(name=draft.name.strip(), start_time=draft.schedule.start, minutes=draft.schedule.minutes,
                            group_type=draft.group_type.value, start_date=draft.start_date)
            self._fill_group(session, row, draft)
            session.commit()
            assert row.id is not None
            group_id = row.id
        return self.group(group_id)

    def update_group(self, group_id: int, draft: GroupDraft) -> GroupRecord:
        self._check_group(draft)
        with Session(self._engine) as session:
            row = session.get(CareGroup, group_id)
            if row is None:
                raise RosterError("That group no longer exists.")
            clash = session.exec(
                select(CareGroup).where(CareGroup.name == draft.name.strip(), CareGroup.id != group_id)
            ).first()
            if clash:
                raise RosterError(f"There is already a group called {draft.name.strip()!r}.")
            session.exec(sa.delete(GroupCurriculum).where(col(GroupCurriculum.group_id) == group_id))  # type: ignore[call-overload]
            session.exec(sa.delete(GroupStaff).where(col(GroupStaff.group_id) == group_id))  # type: ignore[call-overload]
            self._fill_group(session, row, draft)
            row.updated_at = utcnow()
            session.commit()
        return self.group(group_id)

    @staticmethod
    def _check_group(draft: GroupDraft) -> None:
        problems = draft.problems()
        if problems:
            raise RosterError("The group cannot be saved: " + "; ".join(problems) + ".")

    def _fill_group(self, session: Session, row: CareGroup, draft: GroupDraft) -> None:
        row.name = draft.name.strip()
        row.group_type = draft.group_type.value
        row.rolling = draft.track.rolling
        row.room = draft.room.strip()
        row.weekdays = draft.schedule.days_text
        row.start_time = draft.schedule.start
        row.minutes = draft.schedule.minutes
        row.capacity = draft.capacity
        row.admission = draft.admission.value
        row.start_date = draft.start_date
        row.end_date = draft.end_date
        session.add(row)
        session.flush()
        assert row.id is not None
        for position, curriculum_id in enumerate(draft.track.curriculum_ids):
            session.add(GroupCurriculum(group_id=row.id, position=position, curriculum_id=curriculum_id))
        position = 0
        lead_ids = self._staff_ids(session, draft.facilitators)
        co_ids = [i for i in self._staff_ids(session, draft.co_facilitators) if i not in lead_ids]
        for role, ids in ((StaffRole.FACILITATOR, lead_ids), (StaffRole.CO_FACILITATOR, co_ids)):
            for staff_id in ids:
                session.add(GroupStaff(group_id=row.id, staff_id=staff_id, role=role.value, position=position))
                position += 1

    def groups(self) -> list[GroupRecord]:
        with Session(self._engine) as session:
            rows = list(session.exec(select(CareGroup).order_by(CareGroup.name)))
            return self._group_records(session, rows)

    def group(self, group_id: int) -> GroupRecord:
        with Session(self._engine) as session:
            row = session.get(CareGroup, group_id)
            if row is None:
                raise RosterError("That group no longer exists.")
            return self._group_records(session, [row])[0]

    @staticmethod
    def _group_records(session: Session, rows: Sequence[CareGroup]) -> list[GroupRecord]:
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
            assert r.id is not None
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
                )
            )
        return out

    # -- participants ----------------------------------------------------------------------

    def create_participant(self, draft: ParticipantDraft) -> ParticipantRecord:
        self._check_participant(draft)
        with Session(self._engine) as session:
            self._refuse_duplicate(session, draft.record_number.strip())
            row = Participant(record_number=draft.record_number.strip(), preferred_name="", legal_name="",
                              program_start=draft.program_start)
            self._fill_participant(session, row, draft)
            session.commit()
            assert row.id is not None
            participant_id = row.id
        return self.participant(participant_id)

    def update_participant(self, participant_id: int, draft: ParticipantDraft) -> ParticipantRecord:
        self._check_participant(draft)
        with Session(self._engine) as session:
            row = session.get(Participant, participant_id)
            if row is None:
                raise RosterError("That participant no longer exists.")
            if row.record_number != draft.record_number.strip():
                self._refuse_duplicate(session, draft.record_number.strip())
            session.exec(sa.delete(ParticipantGoal).where(col(ParticipantGoal.participant_id) == participant_id))  # type: ignore[call-overload]
            self._fill_participant(session, row, draft)
            row.updated_at = utcnow()
            session.commit()
        return self.participant(participant_id)

    @staticmethod
    def _check_participant(draft: ParticipantDraft) -> None:
        problems = draft.problems()
        if problems:
            raise RosterError("The participant cannot be saved: " + "; ".join(problems) + ".")

    @staticmethod
    def _refuse_duplicate(session: Session, record_number: str) -> None:
        if session.exec(select(Participant.id).where(Participant.record_number == record_number)).first():
            raise RosterError(f"Record number {record_number} already belongs to another participant.")

    @staticmethod
    def _fill_participant(session: Session, row: Participant, draft: ParticipantDraft) -> None:
        row.record_number = draft.record_number.strip()
        row.preferred_name = draft.preferred_name.strip()
        row.legal_name = draft.legal_name.strip()
        row.date_of_birth = draft.date_of_birth
        row.program_start = draft.program_start
        row.audience = draft.audience.value
        row.weekly_hours_target = draft.weekly_hours_target
        row.language = draft.language.strip() or "en"
        row.large_print = draft.large_print
        row.status = draft.status.value
        session.add(row)
        session.flush()
        assert row.id is not None
        goals = [g.strip() for g in draft.goals if g.strip()]
        for position, text in enumerate(goals):
            session.add(ParticipantGoal(participant_id=row.id, position=position, text=text))

    def participant(self, participant_id: int) -> ParticipantRecord:
        with Session(self._engine) as session:
            row = session.get(Participant, participant_id)
            if row is None:
                raise RosterError("That participant no longer exists.")
            return self._participant_records(session, [row])[0]

    def participant_by_record(self, record_number: str) -> ParticipantRecord | None:
        with Session(self._engine) as session:
            row = session.exec(select(Participant).where(Participant.record_number == record_number.strip())).first()
            return self._participant_records(session, [row])[0] if row else None

    def participants(self, status: ParticipantStatus | None = None, query: str = "") -> list[ParticipantRecord]:
        with Session(self._engine) as session:
            stmt = select(Participant)
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
            rows = list(session.exec(stmt.order_by(Participant.preferred_name, Participant.record_number)))
            return self._participant_records(session, rows)

    @staticmethod
    def _participant_records(session: Session, rows: Sequence[Participant]) -> list[ParticipantRecord]:
        goals: dict[int, list[str]] = defaultdict(list)
        ids = [r.id for r in rows]
        if ids:
            for g in session.exec(
                select(ParticipantGoal)
                .where(col(ParticipantGoal.participant_id).in_(ids))
                .order_by(ParticipantGoal.position)
            ):
                goals[g.participant_id].append(g.text)
        return [participant_record(r, goals.get(r.id or 0, ())) for r in rows]

    # -- relatives -------------------------------------------------------------------------

    def add_relative(self, participant_id: int, name: str, relationship: str = "") -> RelativeRecord:
        name = " ".join(name.split())
        if not name:
            raise RosterError("A relative or partner needs a name.")
        with Session(self._engine) as session:
            if session.get(Participant, participant_id) is None:
                raise RosterError("That participant no longer exists.")
            row = Relative(participant_id=participant_id, name=name, relationship=relationship.strip()[:60])
            session.add(row)
            session.commit()
            assert row.id is not None
            return RelativeRecord(row.id, participant_id, row.name, row.relationship)

    def relatives(self, participant_ids: Iterable[int] | None = None) -> list[RelativeRecord]:
        with Session(self._engine) as session:
            stmt = select(Relative)
            if participant_ids is not None:
                stmt = stmt.where(col(Relative.participant_id).in_(list(participant_ids)))
            return [
                RelativeRecord(r.id, r.participant_id, r.name, r.relationship)  # type: ignore[arg-type]
                for r in session.exec(stmt.order_by(Relative.name))
            ]

    def remove_relative(self, relative_id: int) -> None:
        with Session(self._engine) as session:
            row = session.get(Relative, relative_id)
            if row is not None:
                session.delete(row)
                session.commit()

    # -- enrollment ------------------------------------------------------------------------

    def enroll(
        self, group_id: int, participant_id: int, start: date, end: date | None = None, capacity_warning: int = 12
    ) -> EnrollResult:
        """Enroll a participant; a full group or a closed one that already began is a warning, not a refusal."""
        if end is not None and end < start:
            raise RosterError("The enrollment ends before it starts.")
        with Session(self._engine) as session:
            group = session.get(CareGroup, group_id)
            person = session.get(Participant, participant_id)
            if group is None or person is None:
                raise RosterError("That group or participant no longer exists.")
            overlapping = session.exec(
                select(Enrollment).where(
                    Enrollment.group_id == group_id,
                    Enrollment.participant_id == participant_id,
                    sa.or_(col(Enrollment.end_date).is_(None), col(Enrollment.end_date) >= start),
                    *([col(Enrollment.start_date) <= end] if end is not None else []),
                )
            ).first()
            if overlapping is not None:
                raise RosterError(f"{person.preferred_name} is already enrolled in {group.name} on those dates.")
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
            session.commit()
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
        with Session(self._engine) as session:
            row = session.get(Enrollment, enrollment_id)
            if row is None:
                raise RosterError("That enrollment no longer exists.")
            if end < row.start_date:
                raise RosterError("The enrollment cannot end before it started.")
            row.end_date = end
            session.add(row)
            session.commit()
            person = session.get(Participant, row.participant_id)
            group = session.get(CareGroup, row.group_id)
            return self._enrollment_record(row, person, group)

    def enrollments(self, group_id: int | None = None, participant_id: int | None = None) -> list[EnrollmentRecord]:
        with Session(self._engine) as session:
            stmt = (
                select(Enrollment, Participant, CareGroup)
                .join(Participant, col(Participant.id) == col(Enrollment.participant_id))
                .join(CareGroup, col(CareGroup.id) == col(Enrollment.group_id))
            )
            if group_id is not None:
                stmt = stmt.where(Enrollment.group_id == group_id)
            if participant_id is not None:
                stmt = stmt.where(Enrollment.participant_id == participant_id)
            stmt = stmt.order_by(Participant.preferred_name, Enrollment.start_date)
            return [self._enrollment_record(e, p, g) for e, p, g in session.exec(stmt)]

    def roster_on(self, group_id: int, day: date) -> list[ParticipantRecord]:
        """Participants enrolled in a group on a day, by preferred name."""
        with Session(self._engine) as session:
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
            return self._participant_records(session, list(session.exec(stmt)))

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
        )

    # -- import ----------------------------------------------------------------------------

    def import_problems(self, plan: RosterPlan) -> list[RowError]:
        """The plan's own errors plus rows whose record number is already in the roster."""
        errors = list(plan.errors)
        numbers = [d.record_number.strip() for _, d in plan.drafts]
        if numbers:
            with Session(self._engine) as session:
                taken = set(
                    session.exec(select(Participant.record_number).where(col(Participant.record_number).in_(numbers)))
                )
            errors += [
                RowError(line, f"record number {d.record_number.strip()!r} is already in the roster")
                for line, d in plan.drafts
                if d.record_number.strip() in taken
            ]
        return sorted(errors, key=lambda e: e.line)

    def import_roster(self, plan: RosterPlan) -> list[ParticipantRecord]:
        """Add every participant of the plan in one transaction, or none of them."""
        errors = self.import_problems(plan)
        if errors:
            raise RosterImportRefused(errors)
        with Session(self._engine) as session:
            ids = []
            try:
                for _, draft in plan.drafts:
                    row = Participant(record_number="", preferred_name="", legal_name="",
                                      program_start=draft.program_start)
                    self._fill_participant(session, row, draft)
                    ids.append(row.id)
                session.commit()
            except sa.exc.IntegrityError as exc:
                session.rollback()
                log.warning("Roster import refused by the database: %s", exc)
                raise RosterError(
                    "The roster was not imported: another workstation added one of these record numbers just now."
                ) from exc
            rows = list(session.exec(select(Participant).where(col(Participant.id).in_(ids))))
            return self._participant_records(session, rows)
