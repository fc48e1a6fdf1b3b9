"""The arc of care for one principal: levels of care, completion criteria, discharge, aftercare.

Every call is one unit of work: the rule from ``core.permissions``, the change, the audit
entry in words, and what changed (``CARE`` ids are participant ids) for every open view.
Triggers (migration 0010) lock a signed discharge summary and the history of levels, so a
bug here could not change them either.

Drug screens and PHQ-9/GAD-7 scores (the measures record) are read in one place
(``clinical_facts``); with none on record the two criteria that need them are "not recorded",
never met.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import col, select

from facilitator.core.catalogue import core_word, say

from ..core import care as cc
from ..core import changes as ch
from ..core import clinic_settings
from ..core import completion as cp
from ..core import notes as cn
from ..core import permissions as perm
from ..core.attendance import (
    AttendanceStatus,
    Track,
    WeekHours,
    clinic_zone,
    coverage,
    iso_monday,
    track_steps,
    weekly_hours,
)
from ..core.audit import AuditAction
from ..core.changes import GoneError
from ..core.library import Library
from ..core.notes import NoteAction, NoteStatus
from .access import Access, Scoped
from .attendance import AttendanceService, _ConnectionSettings, _meeting_time, read_rules, read_zone_name
from .models import (
    AftercarePlan,
    Attendance,
    CareGroup,
    Discharge,
    Enrollment,
    GroupCurriculum,
    LevelOfCareChange,
    Meeting,
    Participant,
    ParticipantGoal,
    UserAccount,
)
from .unit_of_work import CURRENT, UnitOfWork, Work

LEVEL = LevelOfCareChange.__table__  # type: ignore[attr-defined]
DISCHARGE = Discharge.__table__  # type: ignore[attr-defined]
PLAN = AftercarePlan.__table__  # type: ignore[attr-defined]
PARTICIPANT = Participant.__table__  # type: ignore[attr-defined]
ENROLLMENT = Enrollment.__table__  # type: ignore[attr-defined]
USER = UserAccount.__table__  # type: ignore[attr-defined]
OPEN_STATUSES = (NoteStatus.DRAFT.value, NoteStatus.RETURNED.value, NoteStatus.AWAITING_COSIGN.value)
RECORD_DISCHARGE = "discharge"
RECORD_LEVEL = "level of care"
RECORD_PLAN = "aftercare plan"


# -- what views receive --------------------------------------------------------------------------


@dataclass(frozen=True)
class LevelChangeView:
    change: cc.LevelChange
    recorded_at: datetime
    in_error: bool
    error_reason: str = ""


@dataclass(frozen=True)
class DischargeView:
    id: int
    participant_id: int
    discharge_type: cc.DischargeType
    discharge_date: date
    author_id: int
    content: dict[str, str]
    status: NoteStatus
    version: int
    signer: str
    signed_at: datetime | None
    cosigner: str
    cosigned_at: datetime | None
    return_comment: str

    @property
    def editable(self) -> bool:
        return self.status.editable

    @property
    def sections(self) -> tuple[cn.Section, ...]:
        return cc.DISCHARGE_SECTIONS


@dataclass(frozen=True)
class PlanView:
    id: int
    discharge_id: int
    content: dict[str, str]
    version: int
    updated_at: datetime


@dataclass(frozen=True)
class CareRecord:
    """One participant's arc, as the care panel shows it."""

    participant_id: int
    record_number: str
    preferred_name: str
    program_start: date
    status: str
    today: date
    history: cc.LevelHistory
    changes: tuple[LevelChangeView, ...]
    target_hours: float
    criteria: tuple[cp.CriterionProgress, ...]
    readiness: cp.Readiness
    discharge: DischargeView | None
    plan: PlanView | None
    language: str
    large_print: bool

    @property
    def level(self) -> cc.LevelOfCare:
        return self.history.current(self.today)


@dataclass(frozen=True)
class ReadyRow:
    participant_id: int
    record_number: str
    preferred_name: str
    level: cc.LevelOfCare
    readiness: cp.Readiness
    met: str  # "3 of 4 criteria met"
    criteria: tuple[cp.CriterionProgress, ...]


@dataclass(frozen=True)
class ClinicalFacts:
    """Screens and measures, for the criteria and the discharge summary's prefill."""

    screens: cp.ScreenFacts
    measures: cp.MeasureFacts
    measure_lines: tuple[str, ...] = ()
    screen_lines: tuple[str, ...] = ()


def clinical_facts(conn: sa.Connection, participant_id: int, today: date) -> ClinicalFacts:
    """Drug screens and PHQ-9/GAD-7 scores of one participant, read on the unit of work's connection.

    The one place those records are read (entries marked entered in error are left out), for
    the criteria and for the discharge summary's prefill. Nothing after ``today`` counts.
    """
    from ..core import measures as cm
    from .measures import QUESTIONNAIRE, SCREEN, MeasuresService

    reader = MeasuresService(None)  # type: ignore[arg-type]  # its record readers only: they open no unit of work
    screens = [
        r.screen for r in reader._screen_records(
            conn, sa.and_(SCREEN.c.participant_id == participant_id, SCREEN.c.error_at.is_(None),
                          SCREEN.c.collected_on <= today))
    ]
    scores = [
        r for r in reader._questionnaire_records(
            conn, sa.and_(QUESTIONNAIRE.c.participant_id == participant_id, QUESTIONNAIRE.c.error_at.is_(None),
                          QUESTIONNAIRE.c.taken_on <= today))
    ]
    unexpected = [s for s in screens if s.unexpected_positives]
    last_positive = max((s.collected_on for s in unexpected), default=None)
    latest: dict[str, cp.Score] = {}
    measure_lines = []
    for name in ("PHQ-9", "GAD-7"):
        taken = [q for q in scores if q.instrument == name]
        if not taken:
            continue
        first, last = taken[0], taken[-1]
        latest[name] = cp.Score(name, last.taken_on, last.total)
        line = f"{name}: {first.total} ({first.severity}) on {first.taken_on.isoformat()}"
        if last is not first:
            line += f"; latest {last.total} ({last.severity}) on {last.taken_on.isoformat()}, {len(taken)} given"
        measure_lines.append(line + ".")
    screen_lines = []
    if screens:
        words = f"Drug screens: {len(screens)} on record, the latest on {screens[-1].collected_on.isoformat()} " \
                f"({screens[-1].reading})"
        if last_positive is not None:
            cm_days = cm.days_since_unexpected_positive(screens, today)
            words += f"; last unexpected positive on {last_positive.isoformat()} ({cm_days} days before this date)"
        else:
            words += "; no unexpected positive"
        screen_lines.append(words + ".")
    return ClinicalFacts(
        cp.ScreenFacts(recorded=True, count=len(screens), last_unexpected_positive=last_positive),
        cp.MeasureFacts(recorded=True, latest=tuple(latest.values())),
        tuple(measure_lines),
        tuple(screen_lines),
    )


def read_level_history(conn: sa.Connection, participant_id: int, program_start: date) -> tuple[cc.LevelHistory, list[LevelChangeView]]:
    rows = conn.execute(
        sa.select(LEVEL, USER.c.full_name.label("recorder"))
        .select_from(LEVEL.outerjoin(USER, USER.c.id == LEVEL.c.recorded_by_id))
        .where(LEVEL.c.participant_id == participant_id)
        .order_by(LEVEL.c.effective_date, LEVEL.c.id)
    ).all()
    views = []
    for r in rows:
        change = cc.LevelChange(
            id=r.id, level=cc.LevelOfCare(r.level), effective=r.effective_date, reason=r.reason,
            decided_by=r.decided_by, recorded_by=r.recorder or "",
        )
        views.append(LevelChangeView(change, r.recorded_at, r.error_at is not None, r.error_reason))
    history = cc.LevelHistory(program_start, tuple(v.change for v in views if not v.in_error))
    return history, views


def level_targets(settings: Any, iop_target: float) -> Callable[[cc.LevelOfCare], float]:
    """The weekly target of each level, from the clinic settings read on ``settings``."""
    return lambda level: cc.target_hours_for(level, iop_target, lambda key: clinic_settings.parse(key, settings.get(key)))


def weeks_with_levels(conn: sa.Connection, participant_id: int, program_start: date, iop_target: float,
                      weeks: Iterable[WeekHours]) -> list[WeekHours]:
    """Each week with the level of care in force and that level's target (for hours and attendance reports)."""
    history, _ = read_level_history(conn, participant_id, program_start)
    return cc.weeks_with_levels(weeks, history, level_targets(_ConnectionSettings(conn), iop_target))


def _loads(text: str | None) -> dict[str, str]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def _dumps(content: Mapping[str, object]) -> str:
    return json.dumps({k: str(v) for k, v in content.items()}, ensure_ascii=False, sort_keys=True)


class CareService(Scoped):
    """Levels of care, criteria, discharges and aftercare plans; every call is one unit of work."""

    def __init__(self, work: Work, attendance: AttendanceService, library: Callable[[], Library] | Library,
                 principal: Any = CURRENT) -> None:
        super().__init__(work, principal)
        self._attendance = attendance
        self._library = library if callable(library) else (lambda lib=library: lib)

    def acting_as(self, principal: Any) -> CareService:
        return CareService(self._work, self._attendance, self._library, principal)

    # -- who may -----------------------------------------------------------------------------

    def _group_staff(self, access: Access, participant_id: int) -> list[list[int]]:
        groups = [
            r[0]
            for r in access.conn.execute(
                sa.select(ENROLLMENT.c.group_id).where(ENROLLMENT.c.participant_id == participant_id).distinct()
            )
        ]
        staff = access.staff_of_groups(groups)
        return [staff.get(g, []) for g in groups]

    def _require(self, uow: UnitOfWork, participant_id: int, rule: Callable[..., perm.Principal]) -> perm.Principal | None:
        access = self._access(uow)
        if access.setup:
            self._person(uow, participant_id)
            return None
        access.participant(participant_id)  # one sentence for "no such" and "not yours"
        return access.require(rule, self._group_staff(access, participant_id))

    @staticmethod
    def _person(uow: UnitOfWork, participant_id: int) -> sa.Row:  # type: ignore[type-arg]
        row = uow.conn.execute(sa.select(PARTICIPANT).where(PARTICIPANT.c.id == participant_id)).first()
        if row is None:
            raise GoneError(say("store.care", "That participant no longer exists."))
        return row

    def _today(self, uow: UnitOfWork) -> date:
        return uow.now.astimezone(clinic_zone(read_zone_name(_ConnectionSettings(uow.conn)))).date()

    # -- reading the arc -----------------------------------------------------------------------

    def participant_by_record(self, record_number: str) -> int:
        """The id behind a typed record number, once the principal may see the person (one sentence otherwise)."""
        with self._read() as uow:
            return self._access(uow).participant_by_record(record_number)

    def latest_discharge_id(self, participant_id: int) -> int | None:
        with self._read() as uow:
            self._require(uow, participant_id, perm.require_view_care)
            found = self._latest_discharge(uow, participant_id)
            return found.id if found is not None else None

    def record(self, participant_id: int) -> CareRecord:
        """The participant's levels, criteria progress, discharge and plan (audited as a view)."""
        with self._read() as uow:
            self._require(uow, participant_id, perm.require_view_care)
            record = self._record(uow, participant_id)
            self._audit(uow, AuditAction.VIEW, record_type="care record", record_id=participant_id,
                        participant_id=participant_id, detail="levels of care, criteria and discharge")
            return record

    def _iop_target(self, uow: UnitOfWork, person: sa.Row) -> float:  # type: ignore[type-arg]
        if person.weekly_hours_target is not None:
            return float(person.weekly_hours_target)
        return read_rules(_ConnectionSettings(uow.conn)).default_target_hours(person.audience)

    def _record(self, uow: UnitOfWork, participant_id: int) -> CareRecord:
        person = self._person(uow, participant_id)
        today = self._today(uow)
        history, views = read_level_history(uow.conn, participant_id, person.program_start)
        criteria, _weeks = self._criteria(uow, person, history, today)
        discharge = self._latest_discharge(uow, participant_id)
        plan = self._plan_of(uow, discharge.id) if discharge is not None else None
        targets = level_targets(_ConnectionSettings(uow.conn), self._iop_target(uow, person))
        level = history.current(today)
        return CareRecord(
            participant_id=participant_id,
            record_number=person.record_number,
            preferred_name=person.preferred_name,
            program_start=person.program_start,
            status=person.status,
            today=today,
            history=history,
            changes=tuple(views),
            target_hours=targets(level),
            criteria=criteria,
            readiness=cp.readiness(level, criteria),
            discharge=discharge,
            plan=plan,
            language=person.language,
            large_print=bool(person.large_print),
        )

    def _weeks(self, uow: UnitOfWork, person: sa.Row, history: cc.LevelHistory, first: date, last: date  # type: ignore[type-arg]
               ) -> tuple[list[WeekHours], list[tuple[Meeting, Attendance | None]]]:
        settings = _ConnectionSettings(uow.conn)
        zone, rules = clinic_zone(read_zone_name(settings)), read_rules(settings)
        session = uow.session
        pairs = self._attendance._participant_meetings(session, person.id, first, last)
        records = {r.id: r for r in self._attendance._records(session, [m for m, _ in pairs])}
        times = [_meeting_time(records[m.id], mark) for m, mark in pairs if m.id is not None]
        weeks = weekly_hours(times, zone, self._iop_target(uow, person), rules, first, last)
        return cc.weeks_with_levels(weeks, history, level_targets(settings, self._iop_target(uow, person))), pairs

    def _coverage(self, uow: UnitOfWork, participant_id: int) -> tuple[int, int]:
        """Sessions attended of the tracks of every group the participant is or was in."""
        session = uow.session
        groups = list(session.exec(
            select(CareGroup).join(Enrollment, col(Enrollment.group_id) == col(CareGroup.id))
            .where(Enrollment.participant_id == participant_id)
        ))
        steps: dict[tuple[str, str], Any] = {}
        for group in groups:
            ids = tuple(session.exec(select(GroupCurriculum.curriculum_id).where(
                GroupCurriculum.group_id == group.id).order_by(GroupCurriculum.position)))
            for step in track_steps(Track(ids, group.rolling), self._library()):
                steps.setdefault(step.key, step)
        attended = [s.value for s in AttendanceStatus if s.attended]
        keys = {
            (c, s)
            for c, s in session.exec(
                select(Meeting.curriculum_id, Meeting.session_id)
                .join(Attendance, col(Attendance.meeting_id) == col(Meeting.id))
                .where(Attendance.participant_id == participant_id, col(Attendance.status).in_(attended),
                       col(Meeting.session_id).is_not(None))
            )
            if c and s
        }
        result = coverage(list(steps.values()), keys)
        return len(result.attended), len(result.steps)

    def _criteria(self, uow: UnitOfWork, person: sa.Row, history: cc.LevelHistory, today: date  # type: ignore[type-arg]
                  ) -> tuple[tuple[cp.CriterionProgress, ...], list[WeekHours]]:
        first = max(person.program_start, today - timedelta(days=730))
        last = iso_monday(today) - timedelta(days=1)  # whole weeks only: this week is not over
        weeks: list[WeekHours] = []
        if last >= first:
            weeks, _ = self._weeks(uow, person, history, first, last)
        done, total = self._coverage(uow, person.id)
        clinical = clinical_facts(uow.conn, person.id, today)
        facts = cp.CompletionFacts(
            today=today,
            program_start=person.program_start,
            level=history.current(today),
            weeks=tuple(cp.WeekResult(w.attended_minutes, w.target_minutes, w.scheduled_minutes > 0) for w in weeks),
            coverage_done=done,
            coverage_total=total,
            screens=clinical.screens,
            measures=clinical.measures,
        )
        rules = cp.CompletionRules.from_settings(
            lambda key: clinic_settings.parse(key, _ConnectionSettings(uow.conn).get(key))
        )
        return cp.progress(facts, rules), weeks

    def ready(self) -> list[ReadyRow]:
        """Every participant in the program now and how far they are; the ready ones first (supervisors)."""
        with self._read() as uow:
            if not self._setup:
                perm.require_view_readiness(uow.principal)
            today = self._today(uow)
            # In the program now: active, with an enrollment open today (a roster keeps every
            # participant the clinic ever had; the list is about those still coming).
            enrolled_now = sa.exists().where(
                ENROLLMENT.c.participant_id == PARTICIPANT.c.id,
                ENROLLMENT.c.start_date <= today,
                sa.or_(ENROLLMENT.c.end_date.is_(None), ENROLLMENT.c.end_date >= today),
            )
            people = uow.conn.execute(
                sa.select(PARTICIPANT).where(PARTICIPANT.c.status == "active", enrolled_now)
                .order_by(PARTICIPANT.c.record_number)
            ).all()
            rows = []
            for person in people:
                history, _ = read_level_history(uow.conn, person.id, person.program_start)
                criteria, _ = self._criteria(uow, person, history, today)
                level = history.current(today)
                rows.append(ReadyRow(person.id, person.record_number, person.preferred_name, level,
                                     cp.readiness(level, criteria), cp.criteria_met(criteria), criteria))
            ready = sum(1 for r in rows if r.readiness is not cp.Readiness.NOT_YET)
            self._audit(uow, AuditAction.VIEW, record_type="readiness list", record_id="",
                        detail=f"{len(rows)} active participants, {ready} ready")
        order = {cp.Readiness.COMPLETE: 0, cp.Readiness.STEP_DOWN: 1, cp.Readiness.NOT_YET: 2}
        return sorted(rows, key=lambda r: (order[r.readiness], r.record_number))

    # -- levels of care ------------------------------------------------------------------------

    def change_level(self, participant_id: int, level: cc.LevelOfCare | str, effective: date, reason: str,
                     decided_by: str) -> CareRecord:
        """Record a change of level the team decided; the hour target follows it from that week."""
        level = cc.parse_level(level)
        reason, decided_by = reason.strip(), decided_by.strip()
        with self._begin() as uow:
            p = self._require(uow, participant_id, perm.require_change_level_of_care)
            person = self._person(uow, participant_id)
            if person.status != "active":
                raise cc.CareError(say("store.care", "This participant is no longer in the program; their level of "
                                       "care cannot change."))
            history, _ = read_level_history(uow.conn, participant_id, person.program_start)
            before = history.level_on(effective)
            cc.check_level_change(history, level, effective, reason, decided_by, self._today(uow))
            change_id = uow.conn.execute(LEVEL.insert().values(
                participant_id=participant_id, level=level.value, effective_date=effective, reason=reason,
                decided_by=decided_by, recorded_by_id=p.user_id if p else None, recorded_at=uow.now,
            )).inserted_primary_key[0]
            step = "stepped down" if level.intensity < before.intensity else "stepped up"
            self._audit(uow, AuditAction.CREATE, record_type=RECORD_LEVEL, record_id=change_id,
                        participant_id=participant_id,
                        detail=f"{step} from {before.short} to {level.short} from {effective.isoformat()}")
            uow.changed(ch.CARE, participant_id)
            return self._record(uow, participant_id)

    def mark_level_in_error(self, change_id: int, reason: str) -> CareRecord:
        reason = reason.strip()
        if not reason:
            raise cc.CareError(say("store.care", "Give the reason the level change was entered in error."))
        if len(reason) > cc.REASON_MAX:
            raise cc.CareError(say("store.care", "The reason can be at most {reason_max} characters.",
                                   reason_max=cc.REASON_MAX))
        with self._begin() as uow:
            row = uow.conn.execute(sa.select(LEVEL).where(LEVEL.c.id == change_id)).first()
            if row is None:
                raise GoneError(say("store.care", "That level change no longer exists."))
            self._require(uow, row.participant_id, perm.require_change_level_of_care)
            if row.error_at is not None:
                raise cc.CareError(say("store.care", "This level change is already marked entered in error."))
            uow.conn.execute(LEVEL.update().where(LEVEL.c.id == change_id).values(error_at=uow.now,
                                                                                 error_reason=reason))
            self._audit(uow, AuditAction.CHANGE, record_type=RECORD_LEVEL, record_id=change_id,
                        participant_id=row.participant_id, detail="marked a level change entered in error")
            uow.changed(ch.CARE, row.participant_id)
            return self._record(uow, row.participant_id)

    # -- discharge ---------------------------------------------------------------------------

    def _discharge_view(self, uow: UnitOfWork, row: sa.Row) -> DischargeView:  # type: ignore[type-arg]
        return DischargeView(
            id=row.id, participant_id=row.participant_id, discharge_type=cc.DischargeType(row.discharge_type),
            discharge_date=row.discharge_date, author_id=row.author_id, content=_loads(row.content),
            status=NoteStatus(row.status), version=row.version,
            signer=cn.signature_text(row.signer_name, row.signer_credentials), signed_at=row.signed_at,
            cosigner=cn.signature_text(row.cosigner_name, row.cosigner_credentials), cosigned_at=row.cosigned_at,
            return_comment=row.return_comment,
        )

    def _latest_discharge(self, uow: UnitOfWork, participant_id: int) -> DischargeView | None:
        row = uow.conn.execute(
            sa.select(DISCHARGE).where(DISCHARGE.c.participant_id == participant_id)
            .order_by(DISCHARGE.c.created_at.desc(), DISCHARGE.c.id.desc())
        ).first()
        return self._discharge_view(uow, row) if row is not None else None

    def _discharge_row(self, uow: UnitOfWork, discharge_id: int) -> sa.Row:  # type: ignore[type-arg]
        row = uow.conn.execute(sa.select(DISCHARGE).where(DISCHARGE.c.id == discharge_id)).first()
        if row is None:
            raise GoneError(say("store.care", "That discharge no longer exists."))
        return row

    def discharge_facts(self, uow: UnitOfWork, person: sa.Row, kind: cc.DischargeType, day: date  # type: ignore[type-arg]
                        ) -> cc.DischargeFacts:
        history, _ = read_level_history(uow.conn, person.id, person.program_start)
        first = person.program_start
        weeks, pairs = self._weeks(uow, person, history, first, day) if day >= first else ([], [])
        attended = [s.value for s in AttendanceStatus if s.attended]
        held = [(m, a) for m, a in pairs if m.cancelled_at is None]
        done, total = self._coverage(uow, person.id)
        goals = tuple(uow.session.exec(select(ParticipantGoal.text).where(
            ParticipantGoal.participant_id == person.id).order_by(ParticipantGoal.position)))
        clinical = clinical_facts(uow.conn, person.id, day)
        return cc.DischargeFacts(
            program_start=person.program_start,
            discharge_date=day,
            discharge_type=kind,
            levels=cc.levels_with_starts(history, day),
            meetings_attended=sum(1 for _, a in held if a is not None and a.status in attended),
            meetings_scheduled=len(held),
            attended_minutes=sum(w.attended_minutes for w in weeks),
            weeks_at_target=sum(1 for w in weeks if w.target_minutes and w.attended_minutes >= w.target_minutes),
            weeks_with_meetings=sum(1 for w in weeks if w.scheduled_minutes > 0),
            coverage_done=done,
            coverage_total=total,
            goals=goals,
            measure_lines=clinical.measure_lines,
            screen_lines=clinical.screen_lines,
            measures_recorded=clinical.measures.recorded or clinical.screens.recorded,
        )

    def start_discharge(self, participant_id: int, discharge_type: cc.DischargeType | str, day: date) -> DischargeView:
        """A draft discharge summary, prefilled from what the record shows, and an empty aftercare plan."""
        kind = cc.parse_discharge_type(discharge_type)
        with self._begin() as uow:
            p = self._require(uow, participant_id, perm.require_write_discharge)
            if p is None:
                raise cc.CareError(say("store.care", "A discharge is written by a signed-in clinician."))
            person = self._person(uow, participant_id)
            if person.status != "active":
                raise cc.CareError(say("store.care", "This participant has already left the program."))
            if day < person.program_start:
                raise cc.CareError(say("store.care", "The discharge date cannot be before the program start "
                                       "({program_start}).", program_start=person.program_start.isoformat()))
            if day > self._today(uow) + timedelta(days=30):
                raise cc.CareError(say("store.care", "A discharge can be dated at most 30 days ahead."))
            open_row = uow.conn.execute(sa.select(DISCHARGE.c.id).where(
                DISCHARGE.c.participant_id == participant_id, DISCHARGE.c.status.in_(OPEN_STATUSES))).first()
            if open_row is not None:
                raise cc.CareError(say("store.care", "This participant already has a discharge in progress; finish "
                                       "that one."))
            content = cc.prefill_discharge(self.discharge_facts(uow, person, kind, day))
            discharge_id = uow.conn.execute(DISCHARGE.insert().values(
                participant_id=participant_id, discharge_type=kind.value, discharge_date=day, author_id=p.user_id,
                content=_dumps(content), status=NoteStatus.DRAFT.value, created_at=uow.now, updated_at=uow.now,
                updated_by_id=p.user_id,
            )).inserted_primary_key[0]
            uow.conn.execute(PLAN.insert().values(discharge_id=discharge_id, content=_dumps({}), created_at=uow.now,
                                                  updated_at=uow.now, updated_by_id=p.user_id))
            self._audit(uow, AuditAction.CREATE, record_type=RECORD_DISCHARGE, record_id=discharge_id,
                        participant_id=participant_id, detail=f"started a discharge ({kind.label.lower()})")
            uow.changed(ch.CARE, participant_id)
            return self._discharge_view(uow, self._discharge_row(uow, discharge_id))

    def save_discharge(self, discharge_id: int, content: Mapping[str, object], version: int | None, *,
                       discharge_type: cc.DischargeType | str | None = None, day: date | None = None) -> DischargeView:
        """Save the author's draft (only over the version they read)."""
        clean = self._clean_summary(content)
        with self._begin() as uow:
            row = self._discharge_row(uow, discharge_id)
            self._require(uow, row.participant_id, perm.require_view_care)
            perm.require_edit_discharge(uow.principal, row.author_id)
            if not NoteStatus(row.status).editable:
                raise cc.CareError(say("store.care", "This discharge summary is {label} and can no longer be changed.",
                                       label=core_word(NoteStatus(row.status).label, lower=True)))
            values: dict[str, object] = {"content": _dumps(clean)}
            if discharge_type is not None:
                values["discharge_type"] = cc.parse_discharge_type(discharge_type).value
            if day is not None:
                person = self._person(uow, row.participant_id)
                if day < person.program_start:
                    raise cc.CareError(say("store.care", "The discharge date cannot be before the program start."))
                values["discharge_date"] = day
            uow.update_versioned(DISCHARGE, discharge_id, version, values, kind=ch.CARE, what="discharge summary",
                                 where=DISCHARGE.c.status.in_((NoteStatus.DRAFT.value, NoteStatus.RETURNED.value)))
            self._audit(uow, AuditAction.CHANGE, record_type=RECORD_DISCHARGE, record_id=discharge_id,
                        participant_id=row.participant_id, detail="saved the discharge summary draft")
            uow.changed(ch.CARE, row.participant_id)
            return self._discharge_view(uow, self._discharge_row(uow, discharge_id))

    @staticmethod
    def _clean_summary(content: Mapping[str, object]) -> dict[str, str]:
        keys = {s.key for s in cc.DISCHARGE_SECTIONS}
        if set(content) - keys:
            raise cc.CareError(say("store.care", "The discharge summary has a field Facilitator does not know."))
        out = {k: str(content.get(k) or "").strip() for k in sorted(keys)}
        for section in cc.DISCHARGE_SECTIONS:
            if len(out[section.key]) > 20_000:
                raise cc.CareError(say("store.care", "{label} can be at most 20,000 characters.",
                                       label=core_word(section.label)))
        return out

    def sign_discharge(self, discharge_id: int, version: int | None = None,
                       content: Mapping[str, object] | None = None) -> DischargeView:
        """The author signs; the summary locks. Signed final, the participant leaves the program."""
        clean = self._clean_summary(content) if content is not None else None
        with self._begin() as uow:
            row = self._discharge_row(uow, discharge_id)
            self._require(uow, row.participant_id, perm.require_view_care)
            p = perm.require_edit_discharge(uow.principal, row.author_id)
            if version is not None and row.version != version:
                raise uow.conflict(DISCHARGE, discharge_id, kind=ch.CARE, what="discharge summary")
            stored = _dumps(clean) if clean is not None else row.content
            signer, credentials = self._signature(uow)
            try:
                cn.check_can_sign(cc.DISCHARGE_SECTIONS, _loads(stored), signer, credentials)
                status = cn.next_status(row.status, NoteAction.SIGN, p.needs_cosign)
            except cn.NoteStateError as exc:
                raise _about_discharge(exc) from None
            new_round = row.round + 1 if row.status == NoteStatus.RETURNED.value else row.round
            uow.update_versioned(DISCHARGE, discharge_id, row.version, {
                "content": stored, "status": status.value, "round": new_round, "signed_at": uow.now,
                "signer_name": signer, "signer_credentials": credentials,
            }, kind=ch.CARE, what="discharge summary", where=DISCHARGE.c.status == row.status)
            self._audit(uow, AuditAction.SIGN, record_type=RECORD_DISCHARGE, record_id=discharge_id,
                        participant_id=row.participant_id,
                        detail="signed the discharge summary" + (
                            "; awaiting co-signature" if status is NoteStatus.AWAITING_COSIGN else ""))
            if status is NoteStatus.SIGNED:
                self._leave_program(uow, row)
            uow.changed(ch.CARE, row.participant_id)
            return self._discharge_view(uow, self._discharge_row(uow, discharge_id))

    def cosign_discharge(self, discharge_id: int, version: int | None = None) -> DischargeView:
        with self._begin() as uow:
            row = self._discharge_row(uow, discharge_id)
            self._require(uow, row.participant_id, perm.require_view_care)
            p = perm.require_cosign_discharge(uow.principal, row.author_id)
            if version is not None and row.version != version:
                raise uow.conflict(DISCHARGE, discharge_id, kind=ch.CARE, what="discharge summary")
            try:
                cn.next_status(row.status, NoteAction.COSIGN)
            except cn.NoteStateError as exc:
                raise _about_discharge(exc) from None
            name, credentials = self._signature(uow)
            uow.update_versioned(DISCHARGE, discharge_id, row.version, {
                "status": NoteStatus.COSIGNED.value, "cosigned_at": uow.now, "cosigner_id": p.user_id,
                "cosigner_name": name, "cosigner_credentials": credentials,
            }, kind=ch.CARE, what="discharge summary", where=DISCHARGE.c.status == row.status)
            self._audit(uow, AuditAction.COSIGN, record_type=RECORD_DISCHARGE, record_id=discharge_id,
                        participant_id=row.participant_id, detail="co-signed the discharge summary")
            self._leave_program(uow, row)
            uow.changed(ch.CARE, row.participant_id)
            return self._discharge_view(uow, self._discharge_row(uow, discharge_id))

    def return_discharge(self, discharge_id: int, comment: str, version: int | None = None) -> DischargeView:
        comment = comment.strip()
        if not comment:
            raise cc.CareError(say("store.care", "Say what needs changing before returning the discharge summary."))
        if len(comment) > 2000:
            raise cc.CareError(say("store.care", "The comment can be at most 2,000 characters."))
        with self._begin() as uow:
            row = self._discharge_row(uow, discharge_id)
            self._require(uow, row.participant_id, perm.require_view_care)
            perm.require_cosign_discharge(uow.principal, row.author_id)
            if version is not None and row.version != version:
                raise uow.conflict(DISCHARGE, discharge_id, kind=ch.CARE, what="discharge summary")
            try:
                cn.next_status(row.status, NoteAction.RETURN)
            except cn.NoteStateError as exc:
                raise _about_discharge(exc) from None
            uow.update_versioned(DISCHARGE, discharge_id, row.version, {
                "status": NoteStatus.RETURNED.value, "returned_at": uow.now, "return_comment": comment,
            }, kind=ch.CARE, what="discharge summary", where=DISCHARGE.c.status == row.status)
            self._audit(uow, AuditAction.RETURN, record_type=RECORD_DISCHARGE, record_id=discharge_id,
                        participant_id=row.participant_id, detail="returned the discharge summary to its author")
            uow.changed(ch.CARE, row.participant_id)
            return self._discharge_view(uow, self._discharge_row(uow, discharge_id))

    def _leave_program(self, uow: UnitOfWork, row: sa.Row) -> None:  # type: ignore[type-arg]
        """A final discharge: the roster status follows, and open enrollments end on the discharge date."""
        kind = cc.DischargeType(row.discharge_type)
        uow.update_versioned(PARTICIPANT, row.participant_id, None, {"status": kind.participant_status},
                             kind=ch.PARTICIPANT, what="participant")
        ended = uow.conn.execute(
            ENROLLMENT.update()
            .where(ENROLLMENT.c.participant_id == row.participant_id,
                   sa.or_(ENROLLMENT.c.end_date.is_(None), ENROLLMENT.c.end_date > row.discharge_date),
                   ENROLLMENT.c.start_date <= row.discharge_date)
            .values(end_date=row.discharge_date)
        ).rowcount
        if ended:
            uow.changed(ch.ENROLLMENT, None)
        self._audit(uow, AuditAction.CHANGE, record_type="participant", record_id=row.participant_id,
                    participant_id=row.participant_id,
                    detail=f"set the status to {kind.participant_status} and ended {ended} "
                           f"enrollment{'s' if ended != 1 else ''} at discharge")

    @staticmethod
    def _signature(uow: UnitOfWork) -> tuple[str, str]:
        p = uow.me()
        row = uow.conn.execute(sa.select(USER.c.full_name, USER.c.credentials).where(USER.c.id == p.user_id)).first()
        if row is None:
            return p.full_name.strip(), p.credentials.strip()
        return (row.full_name or "").strip(), (row.credentials or "").strip()

    def awaiting_cosign(self) -> list[tuple[DischargeView, str, str]]:
        """Discharge summaries waiting for a supervisor, oldest first, with record number and name (supervisors)."""
        with self._read() as uow:
            if not self._setup:
                perm.require_review_notes(uow.principal)
            rows = uow.conn.execute(
                sa.select(DISCHARGE, PARTICIPANT.c.record_number, PARTICIPANT.c.preferred_name)
                .join(PARTICIPANT, PARTICIPANT.c.id == DISCHARGE.c.participant_id)
                .where(DISCHARGE.c.status == NoteStatus.AWAITING_COSIGN.value)
                .order_by(DISCHARGE.c.created_at)
            ).all()
            return [(self._discharge_view(uow, r), r.record_number, r.preferred_name) for r in rows]

    # -- the aftercare plan ---------------------------------------------------------------------

    def _plan_of(self, uow: UnitOfWork, discharge_id: int) -> PlanView | None:
        row = uow.conn.execute(sa.select(PLAN).where(PLAN.c.discharge_id == discharge_id)).first()
        if row is None:
            return None
        return PlanView(row.id, row.discharge_id, _loads(row.content), row.version, row.updated_at)

    def save_plan(self, discharge_id: int, content: Mapping[str, object], version: int | None) -> PlanView:
        clean = cc.clean_plan(content)
        with self._begin() as uow:
            row = self._discharge_row(uow, discharge_id)
            self._require(uow, row.participant_id, perm.require_write_discharge)
            plan = self._plan_of(uow, discharge_id)
            if plan is None:
                raise GoneError(say("store.care", "That aftercare plan no longer exists."))
            uow.update_versioned(PLAN, plan.id, version, {"content": _dumps(clean)}, kind=ch.CARE,
                                 what="aftercare plan")
            filled = sum(1 for v in clean.values() if v)
            self._audit(uow, AuditAction.CHANGE, record_type=RECORD_PLAN, record_id=plan.id,
                        participant_id=row.participant_id,
                        detail=f"saved the aftercare plan ({filled} of {len(cc.PLAN_KEYS)} parts filled)")
            uow.changed(ch.CARE, row.participant_id)
            saved = self._plan_of(uow, discharge_id)
            assert saved is not None
            return saved

    def plan_print(self, discharge_id: int, *, language: str | None = None,
                   large_print: bool | None = None) -> cc.AftercarePrint:
        """The plan as the participant takes it home: their language and size unless asked otherwise."""
        with self._read() as uow:
            row = self._discharge_row(uow, discharge_id)
            self._require(uow, row.participant_id, perm.require_view_care)
            person = self._person(uow, row.participant_id)
            plan = self._plan_of(uow, discharge_id)
            if plan is None:
                raise GoneError(say("store.care", "That aftercare plan no longer exists."))
            clinic = _ConnectionSettings(uow.conn).get("clinic_name")
            model = cc.build_aftercare_print(
                plan.content, person.preferred_name, plan.updated_at.astimezone(
                    clinic_zone(read_zone_name(_ConnectionSettings(uow.conn)))).date(),
                language=language or person.language, large_print=person.large_print if large_print is None
                else large_print, clinic_name=clinic,
            )
            self._audit(uow, AuditAction.PRINT, record_type=RECORD_PLAN, record_id=plan.id,
                        participant_id=row.participant_id,
                        detail=f"printed the aftercare plan ({model.language}"
                               f"{', large print' if model.large_print else ''})")
            return model


def discharges_of(records: Sequence[CareRecord]) -> list[DischargeView]:
    return [r.discharge for r in records if r.discharge is not None]


def _about_discharge(exc: cn.NoteStateError) -> cc.CareError:
    """A note rule's refusal, said of the discharge summary it was applied to."""
    said = exc.sentence
    template = getattr(said, "template", "")
    label = (getattr(said, "params", None) or {}).get("label", "")
    if template == "This note is {label} and cannot be signed again.":
        return cc.CareError(say("store.care", "This discharge summary is {label} and cannot be signed again.",
                                label=label))
    if template.startswith("Only a note awaiting co-signature can be co-signed"):
        return cc.CareError(say("store.care", "Only a discharge summary awaiting co-signature can be co-signed; this "
                                "one is {label}.", label=label))
    if template.startswith("Only a note awaiting co-signature can be returned"):
        return cc.CareError(say("store.care", "Only a discharge summary awaiting co-signature can be returned; this "
                                "one is {label}.", label=label))
    return cc.CareError(said)
