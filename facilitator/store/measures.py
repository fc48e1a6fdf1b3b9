"""The measures service: check-in ratings, PHQ-9 and GAD-7, drug screens, mutual help, safety flags.

Every call is one unit of work for the signed-in user (``store.unit_of_work``): it asks
``core.permissions`` (``require_record_measures``, ``require_view_measures``,
``require_acknowledge_flag``), writes or reads, appends the audit entry in words a reviewer
reads (never a score or a result), and names what changed. The changes of measures are
named by the participant's id (``Changes.of(CHECK_IN, participant_id)`` and so on), which
is what a participant's charts refresh on.

Minimum necessary: a facilitator records and reads the measures of the participants of the
groups they lead; supervisors those of everyone; administrators none (they manage rosters,
not clinical records). Recording needs the participant enrolled in a group on the measure's
date ("a screen for someone not enrolled" is refused with a sentence).

Recorded measures never change: the database's triggers (migration 0009) refuse it. A wrong
entry is marked entered in error (``mark_entered_in_error``) and recorded again. A safety
flag (a positive PHQ-9 item 9) is acknowledged and then resolved, each once, against the
version it was read at.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from facilitator.core.catalogue import QT_TRANSLATE_NOOP, say

from ..core import changes as ch
from ..core import clinic_settings
from ..core import measures as cm
from ..core import permissions as perm
from ..core.attendance import resolve_zone
from ..core.audit import AuditAction
from ..core.changes import GoneError
from ..core.measures import MeasureError
from .access import NoSuchParticipant, Scoped
from .models import (
    Attendance,
    CheckInRating,
    DrugScreen,
    DrugScreenResult,
    Enrollment,
    GroupStaff,
    Meeting,
    MutualHelpReport,
    Participant,
    Questionnaire,
    SafetyFlag,
    UserAccount,
)
from .unit_of_work import CURRENT, UnitOfWork, Work

log = logging.getLogger(__name__)

CHECK_IN = CheckInRating.__table__  # type: ignore[attr-defined]
QUESTIONNAIRE = Questionnaire.__table__  # type: ignore[attr-defined]
SCREEN = DrugScreen.__table__  # type: ignore[attr-defined]
RESULT = DrugScreenResult.__table__  # type: ignore[attr-defined]
MUTUAL_HELP = MutualHelpReport.__table__  # type: ignore[attr-defined]
FLAG = SafetyFlag.__table__  # type: ignore[attr-defined]
PARTICIPANT = Participant.__table__  # type: ignore[attr-defined]
ENROLLMENT = Enrollment.__table__  # type: ignore[attr-defined]
GROUP_STAFF = GroupStaff.__table__  # type: ignore[attr-defined]
MEETING = Meeting.__table__  # type: ignore[attr-defined]
ATTENDANCE = Attendance.__table__  # type: ignore[attr-defined]
USER = UserAccount.__table__  # type: ignore[attr-defined]

ATTENDED = ("present", "late", "left_early")

# What ``mark_entered_in_error`` takes, the table, the change kind, and the words for the audit.
ENTRY_KINDS: dict[str, tuple[sa.Table, str, str]] = {
    "check-in": (CHECK_IN, ch.CHECK_IN, "a check-in"),
    "questionnaire": (QUESTIONNAIRE, ch.QUESTIONNAIRE, "a questionnaire"),
    "screen": (SCREEN, ch.SCREEN, "a drug screen"),
    "mutual help": (MUTUAL_HELP, ch.MUTUAL_HELP, "a mutual-help report"),
}
# The kinds as a sentence names them ("That check-in no longer exists."), for the catalogue.
ENTRY_KIND_WORDS = {
    "check-in": QT_TRANSLATE_NOOP("store.measures", "check-in"),
    "questionnaire": QT_TRANSLATE_NOOP("store.measures", "questionnaire"),
    "screen": QT_TRANSLATE_NOOP("store.measures", "drug screen"),
    "mutual help": QT_TRANSLATE_NOOP("store.measures", "mutual-help report"),
}
FLAG_NOTE = cm.limits.TextLimit("note", 1000, one_line=False)


class LabImportRefused(MeasureError):
    """A laboratory file has bad rows; nothing was recorded. ``errors`` names each row."""

    def __init__(self, errors: Sequence[cm.LabRow]) -> None:
        self.errors = list(errors)
        rows = ", ".join(str(e.line) for e in self.errors[:10]) + ("…" if len(self.errors) > 10 else "")
        super().__init__(
            say("store.measures", "The results were not imported: {count} rows have problems (lines {rows}); nothing "
                "was recorded.", count=len(self.errors), rows=rows) if len(self.errors) > 1 else
            say("store.measures", "The results were not imported: 1 row has a problem (line {rows}); nothing was "
                "recorded.", rows=rows)
        )


@dataclass(frozen=True)
class LabImported:
    """What a laboratory file recorded: how many screens, for how many participants."""

    screens: int
    participants: int
    unexpected_positive_screens: int


class MeasuresService(Scoped):
    """Measures for one principal: the signed-in user (``CURRENT``), a given one, or ``SETUP``."""

    def __init__(self, work: Work, settings: Any = None, principal: Any = CURRENT) -> None:
        super().__init__(work, principal)
        self._settings = settings

    def acting_as(self, principal: Any) -> MeasuresService:
        return MeasuresService(self._work, self._settings, principal)

    # -- clinic settings and time -------------------------------------------------------------

    def _setting(self, key: str) -> Any:
        raw = None
        if self._settings is not None:
            try:
                raw = self._settings.get(key)
            except Exception:
                log.exception("Could not read setting %s", key)
        return clinic_settings.parse(key, raw)

    def schedule(self) -> cm.Schedule:
        return cm.parse_schedule(self._setting(cm.SCHEDULE_SETTING))

    def today(self) -> date:
        return self._work.clock.now().astimezone(resolve_zone(self._setting("clinic_time_zone"))).date()

    # -- who may --------------------------------------------------------------------------------

    def _person(self, uow: UnitOfWork, participant_id: int) -> Any:
        """The participant's row, once the principal may see them at all (one sentence otherwise)."""
        access = self._access(uow)
        try:
            access.participant(participant_id)
        except perm.NotSignedIn:
            raise
        except perm.PermissionDenied:
            raise NoSuchParticipant() from None
        row = uow.conn.execute(sa.select(PARTICIPANT).where(PARTICIPANT.c.id == participant_id)).first()
        if row is None:
            raise GoneError(say("store.measures", "That participant no longer exists."))
        return row

    @staticmethod
    def _groups(conn: sa.Connection, participant_id: int, on: date | None = None) -> list[int]:
        stmt = sa.select(ENROLLMENT.c.group_id).where(ENROLLMENT.c.participant_id == participant_id)
        if on is not None:
            stmt = stmt.where(
                ENROLLMENT.c.start_date <= on,
                sa.or_(ENROLLMENT.c.end_date.is_(None), ENROLLMENT.c.end_date >= on),
            )
        return sorted({r[0] for r in conn.execute(stmt.distinct())})

    def _may_view(self, uow: UnitOfWork, participant_id: int, rule: Any = perm.require_view_measures) -> Any:
        person = self._person(uow, participant_id)
        access = self._access(uow)
        if not access.setup:
            groups = self._groups(uow.conn, participant_id)
            staff = access.staff_of_groups(groups)
            rule(uow.principal, [staff.get(g, []) for g in groups])
        return person

    def _may_record(self, uow: UnitOfWork, participant_id: int, on: date) -> Any:
        """The participant, once they were enrolled on ``on`` in a group whose measures the user records."""
        person = self._person(uow, participant_id)
        groups = self._groups(uow.conn, participant_id, on)
        if not groups:
            raise MeasureError(
                say("store.measures", "{preferred_name} was not enrolled in any group on {on}; measures are recorded "
                    "for enrolled participants.", preferred_name=person.preferred_name, on=on.isoformat())
            )
        access = self._access(uow)
        if not access.setup:
            staff = access.staff_of_groups(groups)
            perm.require_record_measures(uow.principal, [staff.get(g, []) for g in groups])
        return person

    @staticmethod
    def _by(uow: UnitOfWork) -> int | None:
        return uow.principal.user_id if uow.principal is not None else None

    # -- check-ins (the runner's call) ------------------------------------------------------------

    def record_check_in(
        self,
        meeting_id: int,
        participant_id: int,
        ratings: Mapping[str, object],
        mood: str = "",
        scales: Iterable[str] | None = None,
    ) -> cm.CheckInRecord:
        """Store one attendee's check-in at a meeting (the runner calls this as it is typed).

        ``scales`` are the ratings this check-in collects (the curriculum item's ``ratings``;
        craving when None). A second check-in for the same person and meeting replaces the
        first the only way the record allows: the first is marked entered in error ("corrected
        during the session") and the new one recorded. The same values again change nothing.
        """
        entry = cm.check_check_in(ratings, mood, scales)
        with self._begin() as uow:
            conn = uow.conn
            meeting = conn.execute(sa.select(MEETING).where(MEETING.c.id == meeting_id)).first()
            if meeting is None:
                raise GoneError(say("store.measures", "That meeting no longer exists."))
            if meeting.cancelled_at is not None:
                raise MeasureError(say("store.measures", "This meeting was cancelled; it takes no check-ins."))
            today = self._today_in(uow)
            if meeting.local_day > today:
                raise MeasureError(
                    say("store.measures", "This meeting is on {local_day}, after today; check-ins are recorded in the "
                        "session.", local_day=meeting.local_day.isoformat())
                )
            person = self._person(uow, participant_id)
            access = self._access(uow)
            enrolled = meeting.group_id in self._groups(conn, participant_id, meeting.local_day)
            attended = conn.execute(
                sa.select(ATTENDANCE.c.id).where(
                    ATTENDANCE.c.meeting_id == meeting_id,
                    ATTENDANCE.c.participant_id == participant_id,
                    ATTENDANCE.c.status.in_(ATTENDED),
                )
            ).first()
            if not enrolled and attended is None:
                raise MeasureError(
                    say("store.measures", "{preferred_name} is not enrolled in this group and not marked present at "
                        "this meeting.", preferred_name=person.preferred_name)
                )
            if not access.setup:
                staff = access.staff_of_groups([meeting.group_id])
                perm.require_record_measures(uow.principal, [staff.get(meeting.group_id, [])])
            stored = json.dumps(dict(entry.ratings), sort_keys=True, separators=(",", ":"))
            current = conn.execute(
                sa.select(CHECK_IN).where(
                    CHECK_IN.c.meeting_id == meeting_id,
                    CHECK_IN.c.participant_id == participant_id,
                    CHECK_IN.c.error_at.is_(None),
                )
            ).first()
            if current is not None and current.ratings == stored and current.mood == entry.mood:
                return self._check_in_records(conn, CHECK_IN.c.id == current.id)[0]
            detail = "recorded a check-in"
            if current is not None:
                conn.execute(
                    CHECK_IN.update()
                    .where(CHECK_IN.c.id == current.id)
                    .values(error_at=uow.now, error_by_id=self._by(uow), error_reason="corrected during the session")
                )
                detail = "corrected a check-in (the earlier entry is kept, marked entered in error)"
            new_id = conn.execute(
                CHECK_IN.insert()
                .values(
                    participant_id=participant_id,
                    meeting_id=meeting_id,
                    taken_on=meeting.local_day,
                    ratings=stored,
                    mood=entry.mood,
                    recorded_at=uow.now,
                    recorded_by_id=self._by(uow),
                )
                .returning(CHECK_IN.c.id)
            ).scalar_one()
            uow.changed(ch.CHECK_IN, participant_id)
            self._audit(uow, AuditAction.CREATE, record_type="check-in", record_id=new_id,
                        participant_id=participant_id, detail=detail)
            return self._check_in_records(conn, CHECK_IN.c.id == new_id)[0]

    def meeting_check_ins(self, meeting_id: int) -> dict[int, cm.CheckInRecord]:
        """The check-ins recorded at a meeting, by participant (for the runner's entry list)."""
        with self._read() as uow:
            access = self._access(uow)
            access.meeting(meeting_id, perm.require_run_session)
            records = self._check_in_records(
                uow.conn, sa.and_(CHECK_IN.c.meeting_id == meeting_id, CHECK_IN.c.error_at.is_(None))
            )
        return {r.participant_id: r for r in records}

    # -- questionnaires ---------------------------------------------------------------------------

    def record_questionnaire(
        self,
        participant_id: int,
        instrument: str,
        answers: Sequence[object] | str,
        taken_on: date | str,
        *,
        difficulty: object = None,
        on_paper: bool = False,
        meeting_id: int | None = None,
    ) -> cm.QuestionnaireRecord:
        """Score and store a PHQ-9 or GAD-7; a positive PHQ-9 item 9 raises a safety flag.

        ``on_paper`` marks a printed form keyed in afterwards. The returned record's
        ``flag_id`` names the flag raised, which the counselor must acknowledge.
        """
        scored = cm.score(instrument, answers, difficulty)
        with self._begin() as uow:
            day = cm.check_day(taken_on, QT_TRANSLATE_NOOP("store.measures", "date it was taken"), self._today_in(uow))
            self._may_record(uow, participant_id, day)
            if meeting_id is not None:
                self._access(uow).group_of_meeting(meeting_id)
            conn = uow.conn
            new_id = conn.execute(
                QUESTIONNAIRE.insert()
                .values(
                    participant_id=participant_id,
                    instrument=scored.instrument,
                    taken_on=day,
                    answers=scored.answers_text,
                    total=scored.total,
                    severity=scored.severity,
                    difficulty=scored.difficulty,
                    mode="paper" if on_paper else "in app",
                    meeting_id=meeting_id,
                    recorded_at=uow.now,
                    recorded_by_id=self._by(uow),
                )
                .returning(QUESTIONNAIRE.c.id)
            ).scalar_one()
            uow.changed(ch.QUESTIONNAIRE, participant_id)
            how = " (keyed in from a paper form)" if on_paper else ""
            self._audit(uow, AuditAction.CREATE, record_type="questionnaire", record_id=new_id,
                        participant_id=participant_id, detail=f"recorded a {scored.instrument}{how}")
            if scored.safety_flag:
                flag_id = conn.execute(
                    FLAG.insert()
                    .values(
                        participant_id=participant_id,
                        questionnaire_id=new_id,
                        raised_on=day,
                        raised_at=uow.now,
                        raised_by_id=self._by(uow),
                        updated_at=uow.now,
                        updated_by_id=self._by(uow),
                    )
                    .returning(FLAG.c.id)
                ).scalar_one()
                uow.changed(ch.SAFETY_FLAG, participant_id)
                self._audit(uow, AuditAction.CREATE, record_type="safety flag", record_id=flag_id,
                            participant_id=participant_id, detail="raised a safety flag for follow-up")
            return self._questionnaire_records(conn, QUESTIONNAIRE.c.id == new_id)[0]

    # -- drug screens -----------------------------------------------------------------------------

    def record_screen(
        self,
        participant_id: int,
        *,
        collected_on: date | str,
        specimen: str,
        observed: bool,
        panel: str,
        results: Mapping[str, str],
        expected: Iterable[str] = (),
    ) -> cm.ScreenRecord:
        """Store a drug screen taken at the clinic (date, specimen, observed, panel, results, expected meds)."""
        with self._begin() as uow:
            screen = cm.check_screen(
                collected_on=collected_on, specimen_text=specimen, observed=observed, panel=panel,
                results=results, expected=expected, today=self._today_in(uow),
            )
            self._may_record(uow, participant_id, screen.collected_on)
            new_id = self._insert_screen(uow, participant_id, screen, "clinic", "")
            self._audit(uow, AuditAction.CREATE, record_type="drug screen", record_id=new_id,
                        participant_id=participant_id, detail="recorded a drug screen")
            return self._screen_records(uow.conn, SCREEN.c.id == new_id)[0]

    def _insert_screen(self, uow: UnitOfWork, participant_id: int, screen: cm.Screen, source: str, reference: str) -> int:
        conn = uow.conn
        new_id = conn.execute(
            SCREEN.insert()
            .values(
                participant_id=participant_id,
                collected_on=screen.collected_on,
                specimen=screen.specimen.value,
                observed=screen.observed,
                panel=screen.panel,
                expected=";".join(screen.expected),
                source=source,
                lab_reference=reference,
                recorded_at=uow.now,
                recorded_by_id=self._by(uow),
            )
            .returning(SCREEN.c.id)
        ).scalar_one()
        conn.execute(
            RESULT.insert(),
            [{"screen_id": new_id, "substance": s, "result": r.value} for s, r in screen.results.items()],
        )
        uow.changed(ch.SCREEN, participant_id)
        return int(new_id)

    def expected_medications(self, participant_id: int) -> tuple[str, ...]:
        """The medications the participant's latest screen expected (the default for the next one)."""
        with self._read() as uow:
            self._may_view(uow, participant_id)
            return self._latest_expected(uow.conn, participant_id)

    @staticmethod
    def _latest_expected(conn: sa.Connection, participant_id: int) -> tuple[str, ...]:
        text = conn.execute(
            sa.select(SCREEN.c.expected)
            .where(SCREEN.c.participant_id == participant_id, SCREEN.c.error_at.is_(None))
            .order_by(SCREEN.c.collected_on.desc(), SCREEN.c.id.desc())
            .limit(1)
        ).scalar()
        return tuple(m for m in (text or "").split(";") if m)

    def import_lab_results(self, data: bytes | str) -> LabImported:
        """Record every screen in a laboratory's results CSV, or none.

        Each bad row is named (line and sentence): an unreadable cell, a future date, a record
        number no participant the user may see has, a participant not enrolled on the
        collection date, a specimen already imported. A screen without an ``expected`` column
        takes the participant's latest expected medications.
        """
        with self._begin() as uow:
            me = self._access(uow).me()
            if me is not None and me.is_administrator:
                raise perm.PermissionDenied(
                    say("store.measures", "Only a supervisor or the facilitators of a participant's groups can record "
                        "drug screens.")
                )
            today = self._today_in(uow)
            parsed = cm.parse_lab_csv(data, today)
            if not parsed.ok:
                raise LabImportRefused(parsed.errors)
            access = self._access(uow)
            errors: list[cm.LabRow] = []
            ready: list[tuple[int, cm.LabScreen]] = []
            seen_refs: set[tuple[int, str]] = set()
            for lab in parsed.screens:
                line = lab.lines[0]
                try:
                    participant_id = access.participant_by_record(lab.record_number) if not access.setup else (
                        self._id_by_record(uow.conn, lab.record_number)
                    )
                    self._may_record(uow, participant_id, lab.screen.collected_on)
                except (perm.PermissionDenied, MeasureError, GoneError) as exc:
                    errors.append(cm.LabRow(line, str(exc)))
                    continue
                if lab.lab_reference:
                    key = (participant_id, lab.lab_reference)
                    dup = key in seen_refs or uow.conn.execute(
                        sa.select(SCREEN.c.id).where(
                            SCREEN.c.participant_id == participant_id,
                            SCREEN.c.lab_reference == lab.lab_reference,
                            SCREEN.c.error_at.is_(None),
                        )
                    ).first()
                    if dup:
                        errors.append(cm.LabRow(line, f"The specimen {lab.lab_reference!r} was already imported."))
                        continue
                    seen_refs.add(key)
                ready.append((participant_id, lab))
            if errors:
                raise LabImportRefused(sorted(errors, key=lambda e: e.line))
            unexpected = 0
            for participant_id, lab in ready:
                screen = lab.screen
                if not screen.expected:
                    latest = self._latest_expected(uow.conn, participant_id)
                    screen = cm.Screen(screen.collected_on, screen.specimen, screen.observed, screen.panel,
                                       screen.results, latest)
                unexpected += bool(screen.unexpected_positives)
                new_id = self._insert_screen(uow, participant_id, screen, "laboratory", lab.lab_reference)
                self._audit(uow, AuditAction.CREATE, record_type="drug screen", record_id=new_id,
                            participant_id=participant_id, detail="imported a drug screen from a laboratory file")
            people = len({p for p, _ in ready})
            self._audit(uow, AuditAction.CREATE, record_type="drug screen", record_id="laboratory file",
                        detail=f"imported {len(ready)} drug screen(s) for {people} participant(s)")
            return LabImported(len(ready), people, unexpected)

    @staticmethod
    def _id_by_record(conn: sa.Connection, record_number: str) -> int:
        found = conn.execute(sa.select(PARTICIPANT.c.id).where(PARTICIPANT.c.record_number == record_number)).scalar()
        if found is None:
            raise NoSuchParticipant()
        return int(found)

    # -- mutual help ------------------------------------------------------------------------------

    def record_mutual_help(self, participant_id: int, week_of: date | str, meetings: object, kind: str) -> cm.MutualHelpRecord:
        """Store the mutual-help meetings a participant reports for a week (12-step or other).

        One report per week and kind: a second is refused with a sentence (mark the first
        entered in error to correct it).
        """
        with self._begin() as uow:
            week, count, which = cm.check_mutual_help(week_of, meetings, kind, self._today_in(uow))
            self._may_record(uow, participant_id, min(week + timedelta(days=6), self._today_in(uow)))
            conn = uow.conn
            exists = conn.execute(
                sa.select(MUTUAL_HELP.c.id).where(
                    MUTUAL_HELP.c.participant_id == participant_id,
                    MUTUAL_HELP.c.week_of == week,
                    MUTUAL_HELP.c.kind == which.value,
                    MUTUAL_HELP.c.error_at.is_(None),
                )
            ).first()
            if exists:
                if which.value == "12-step":
                    kind_words = say("store.measures", "12-step")
                else:
                    kind_words = say("store.measures", "other")
                raise MeasureError(
                    say("store.measures", "The {kind} meetings of the week of {week} are already recorded; mark that "
                        "entry entered in error to correct it.", kind=kind_words, week=week.isoformat())
                )
            new_id = conn.execute(
                MUTUAL_HELP.insert()
                .values(participant_id=participant_id, week_of=week, meetings=count, kind=which.value,
                        recorded_at=uow.now, recorded_by_id=self._by(uow))
                .returning(MUTUAL_HELP.c.id)
            ).scalar_one()
            uow.changed(ch.MUTUAL_HELP, participant_id)
            self._audit(uow, AuditAction.CREATE, record_type="mutual help", record_id=new_id,
                        participant_id=participant_id, detail="recorded a week's mutual-help meetings")
            return self._mutual_help_records(conn, MUTUAL_HELP.c.id == new_id)[0]

    # -- corrections ------------------------------------------------------------------------------

    def mark_entered_in_error(self, kind: str, record_id: int, reason: str) -> None:
        """Mark a recorded measure entered in error (once, with the reason); record it again to correct it.

        ``kind`` is "check-in", "questionnaire", "screen" or "mutual help". A questionnaire
        that raised a safety flag still open resolves it ("the result was entered in error").
        """
        if kind not in ENTRY_KINDS:
            raise MeasureError(say("store.measures", "{kind!r} is not a kind of measure; use {entry_kinds}.",
                                   kind=kind, entry_kinds=', '.join(ENTRY_KINDS)))
        table, change, words = ENTRY_KINDS[kind]
        text = cm.check_error_reason(reason)
        with self._begin() as uow:
            conn = uow.conn
            row = conn.execute(sa.select(table).where(table.c.id == record_id)).first()
            if row is None:
                raise GoneError(say("store.measures", "That {kind} no longer exists.", kind=ENTRY_KIND_WORDS[kind]))
            day = _day_of(kind, row)
            self._may_record_or_view(uow, row.participant_id, day)
            if row.error_at is not None:
                raise MeasureError(say("store.measures", "This {kind} is already marked entered in error.",
                                       kind=ENTRY_KIND_WORDS[kind]))
            conn.execute(
                table.update().where(table.c.id == record_id, table.c.error_at.is_(None))
                .values(error_at=uow.now, error_by_id=self._by(uow), error_reason=text)
            )
            uow.changed(change, row.participant_id)
            self._audit(uow, AuditAction.CHANGE, record_type=kind, record_id=record_id,
                        participant_id=row.participant_id, detail=f"marked {words} entered in error")
            if kind == "questionnaire":
                for flag in conn.execute(
                    sa.select(FLAG.c.id).where(FLAG.c.questionnaire_id == record_id, FLAG.c.resolved_at.is_(None))
                ).all():
                    conn.execute(
                        FLAG.update().where(FLAG.c.id == flag.id).values(
                            resolved_at=uow.now, resolved_by_id=self._by(uow),
                            resolution="The questionnaire that raised it was entered in error.",
                            version=FLAG.c.version + 1, updated_at=uow.now, updated_by_id=self._by(uow),
                        )
                    )
                    uow.changed(ch.SAFETY_FLAG, row.participant_id)
                    self._audit(uow, AuditAction.CHANGE, record_type="safety flag", record_id=flag.id,
                                participant_id=row.participant_id,
                                detail="resolved a safety flag: its questionnaire was entered in error")

    def _may_record_or_view(self, uow: UnitOfWork, participant_id: int, day: date) -> None:
        """Correcting an entry: whoever could record it on its day (or a supervisor, after enrollment ended)."""
        person = self._person(uow, participant_id)
        access = self._access(uow)
        if access.setup:
            return
        groups = self._groups(uow.conn, participant_id, day) or self._groups(uow.conn, participant_id)
        staff = access.staff_of_groups(groups)
        if not groups:
            raise MeasureError(say("store.measures", "{preferred_name} is in no group; ask a supervisor.",
                                   preferred_name=person.preferred_name))
        perm.require_record_measures(uow.principal, [staff.get(g, []) for g in groups])

    # -- safety flags -----------------------------------------------------------------------------

    def acknowledge_flag(self, flag_id: int, note: str = "", version: int | None = None) -> cm.FlagRecord:
        """Acknowledge a safety flag (who and when are recorded); it stays open until resolved."""
        return self._flag_step(flag_id, version, "acknowledged", note)

    def resolve_flag(self, flag_id: int, resolution: str, version: int | None = None) -> cm.FlagRecord:
        """Close a safety flag with what was done (risk assessed, safety plan reviewed, referral)."""
        if not (resolution or "").strip():
            raise MeasureError(say("store.measures", "Say how the safety flag was resolved before closing it."))
        return self._flag_step(flag_id, version, "resolved", resolution)

    def _flag_step(self, flag_id: int, version: int | None, step: str, text: str) -> cm.FlagRecord:
        words = FLAG_NOTE.check((text or "").strip())
        with self._begin() as uow:
            conn = uow.conn
            row = conn.execute(sa.select(FLAG).where(FLAG.c.id == flag_id)).first()
            if row is None:
                raise GoneError(say("store.measures", "That safety flag no longer exists."))
            self._may_view(uow, row.participant_id, perm.require_acknowledge_flag)
            if row.resolved_at is not None:
                raise MeasureError(say("store.measures", "This safety flag is already resolved."))
            if step == "acknowledged" and row.acknowledged_at is not None:
                raise MeasureError(say("store.measures", "This safety flag is already acknowledged."))
            values: dict[str, Any]
            if step == "acknowledged":
                values = {"acknowledged_at": uow.now, "acknowledged_by_id": self._by(uow), "acknowledgement": words}
            else:
                values = {"resolved_at": uow.now, "resolved_by_id": self._by(uow), "resolution": words}
                if row.acknowledged_at is None:  # resolving also acknowledges
                    values.update(acknowledged_at=uow.now, acknowledged_by_id=self._by(uow))
            # Guarded like ``uow.update_versioned``, but the change is named by the participant (as
            # every measure's is), not by the flag's own id.
            stmt = FLAG.update().where(FLAG.c.id == flag_id, FLAG.c.resolved_at.is_(None))
            if version is not None:
                stmt = stmt.where(FLAG.c.version == version)
            done = conn.execute(
                stmt.values(**values, version=FLAG.c.version + 1, updated_at=uow.now, updated_by_id=self._by(uow))
                .returning(FLAG.c.version)
            ).first()
            if done is None:
                raise uow.conflict(FLAG, flag_id, kind=ch.SAFETY_FLAG, what="safety flag")
            uow.changed(ch.SAFETY_FLAG, row.participant_id)
            verb = "acknowledged" if step == "acknowledged" else "resolved"
            self._audit(uow, AuditAction.CHANGE, record_type="safety flag", record_id=flag_id,
                        participant_id=row.participant_id, detail=f"{verb} a safety flag")
            return self._flag_records(conn, FLAG.c.id == flag_id)[0]

    def open_flags(self, participant_id: int | None = None) -> list[cm.FlagRecord]:
        """Safety flags not yet resolved: one participant's, or every one the user may see."""
        with self._read() as uow:
            if participant_id is not None:
                self._may_view(uow, participant_id, perm.require_view_flags)
                where = sa.and_(FLAG.c.participant_id == participant_id, FLAG.c.resolved_at.is_(None))
                flags = self._flag_records(uow.conn, where)
            else:
                p = self._access(uow).me()
                if p is not None and p.is_administrator:
                    raise perm.PermissionDenied(
                        say("store.measures", "Safety flags are open to the participant's group facilitators and to "
                            "supervisors only.")
                    )
                visible = self._access(uow).visible_participants()
                where = FLAG.c.resolved_at.is_(None)
                if visible is not None:
                    where = sa.and_(where, FLAG.c.participant_id.in_(sorted(visible) or [-1]))
                flags = self._flag_records(uow.conn, where)
            self._audit(uow, AuditAction.VIEW, record_type="safety flag",
                        record_id=participant_id if participant_id is not None else "open flags",
                        participant_id=participant_id, detail="viewed open safety flags")
        return flags

    # -- reads for charts, Today and the command line ---------------------------------------------

    def participant_measures(
        self, participant_id: int, first: date, last: date, *, include_errors: bool = False
    ) -> cm.ParticipantMeasures:
        """Everything measured for a participant between two days, oldest first (charts, reports).

        Weekly hours against the target are the attendance service's
        (``AttendanceService.participant_hours``), not repeated here.
        """
        if first > last:
            raise MeasureError(say("store.measures", "The first day comes after the last day."))
        cm.check_day(first, QT_TRANSLATE_NOOP("store.measures", "first day"), cm.limits.LATEST_DATE)
        cm.check_day(last, QT_TRANSLATE_NOOP("store.measures", "last day"), cm.limits.LATEST_DATE)
        with self._read() as uow:
            self._may_view(uow, participant_id)
            conn = uow.conn
            live = (lambda t: t.c.error_at.is_(None)) if not include_errors else (lambda t: sa.true())
            check_ins = self._check_in_records(conn, sa.and_(
                CHECK_IN.c.participant_id == participant_id, CHECK_IN.c.taken_on.between(first, last), live(CHECK_IN)))
            questionnaires = self._questionnaire_records(conn, sa.and_(
                QUESTIONNAIRE.c.participant_id == participant_id, QUESTIONNAIRE.c.taken_on.between(first, last),
                live(QUESTIONNAIRE)))
            screens = self._screen_records(conn, sa.and_(
                SCREEN.c.participant_id == participant_id, SCREEN.c.collected_on.between(first, last), live(SCREEN)))
            mutual = self._mutual_help_records(conn, sa.and_(
                MUTUAL_HELP.c.participant_id == participant_id, MUTUAL_HELP.c.week_of.between(first, last),
                live(MUTUAL_HELP)))
            flags = self._flag_records(conn, sa.and_(
                FLAG.c.participant_id == participant_id,
                sa.or_(FLAG.c.raised_on.between(first, last), FLAG.c.resolved_at.is_(None))))
            all_screens = self._screen_records(conn, sa.and_(
                SCREEN.c.participant_id == participant_id, SCREEN.c.collected_on <= last, SCREEN.c.error_at.is_(None)))
            self._audit(uow, AuditAction.VIEW, record_type="measures", record_id=participant_id,
                        participant_id=participant_id, detail=f"viewed measures {first.isoformat()} to {last.isoformat()}")
        return cm.ParticipantMeasures(
            participant_id, first, last, tuple(check_ins), tuple(questionnaires), tuple(screens), tuple(mutual),
            tuple(flags), cm.days_since_unexpected_positive([s.screen for s in all_screens], last),
        )

    def due_for_meeting(self, meeting_id: int) -> list[cm.DueRow]:
        """Which questionnaires are due, per attendee, on a meeting's day (Today's column).

        Attendees: those enrolled in the group that day (active), and anyone marked present.
        """
        with self._read() as uow:
            conn = uow.conn
            access = self._access(uow)
            group_id = access.group_of_meeting(meeting_id)
            if not access.setup:
                staff = access.staff_of_groups([group_id])
                perm.require_view_measures(uow.principal, [staff.get(group_id, [])])
            day = conn.execute(sa.select(MEETING.c.local_day).where(MEETING.c.id == meeting_id)).scalar_one()
            enrolled = {r[0] for r in conn.execute(
                sa.select(ENROLLMENT.c.participant_id).where(
                    ENROLLMENT.c.group_id == group_id, ENROLLMENT.c.start_date <= day,
                    sa.or_(ENROLLMENT.c.end_date.is_(None), ENROLLMENT.c.end_date >= day)))}
            present = {r[0] for r in conn.execute(
                sa.select(ATTENDANCE.c.participant_id).where(
                    ATTENDANCE.c.meeting_id == meeting_id, ATTENDANCE.c.participant_id.is_not(None),
                    ATTENDANCE.c.status.in_(ATTENDED)))}
            rows = self._due_rows(conn, enrolled | present, day, active_only=False, keep=present)
            self._audit(uow, AuditAction.VIEW, record_type="measures", record_id=f"meeting {meeting_id}",
                        detail="viewed the measures due at a meeting")
        return rows

    def due_on(self, day: date | None = None) -> list[cm.DueRow]:
        """Every participant the user may see who is enrolled and active on ``day``, with what is due."""
        with self._read() as uow:
            access = self._access(uow)
            p = access.me()
            if p is not None and p.is_administrator:
                raise perm.PermissionDenied(
                    say("store.measures", "Measures are open to the participant's group facilitators and to "
                        "supervisors only.")
                )
            day = day or self._today_in(uow)
            groups = access.visible_groups()
            stmt = sa.select(ENROLLMENT.c.participant_id).where(
                ENROLLMENT.c.start_date <= day, sa.or_(ENROLLMENT.c.end_date.is_(None), ENROLLMENT.c.end_date >= day))
            if groups is not None:
                stmt = stmt.where(ENROLLMENT.c.group_id.in_(sorted(groups) or [-1]))
            people = {r[0] for r in uow.conn.execute(stmt.distinct())}
            rows = self._due_rows(uow.conn, people, day, active_only=True)
            self._audit(uow, AuditAction.VIEW, record_type="measures", record_id=f"due {day.isoformat()}",
                        detail=f"listed the measures due on {day.isoformat()}")
        return [r for r in rows if r.due]

    def _due_rows(
        self, conn: sa.Connection, people: set[int], day: date, *, active_only: bool, keep: set[int] | None = None
    ) -> list[cm.DueRow]:
        if not people:
            return []
        ids = sorted(people)
        persons = conn.execute(
            sa.select(PARTICIPANT.c.id, PARTICIPANT.c.preferred_name, PARTICIPANT.c.record_number,
                      PARTICIPANT.c.program_start, PARTICIPANT.c.status).where(PARTICIPANT.c.id.in_(ids))
        ).all()
        last: dict[int, dict[str, date]] = defaultdict(dict)
        for pid, inst, taken in conn.execute(
            sa.select(QUESTIONNAIRE.c.participant_id, QUESTIONNAIRE.c.instrument, sa.func.max(QUESTIONNAIRE.c.taken_on))
            .where(QUESTIONNAIRE.c.participant_id.in_(ids), QUESTIONNAIRE.c.error_at.is_(None),
                   QUESTIONNAIRE.c.taken_on <= day)
            .group_by(QUESTIONNAIRE.c.participant_id, QUESTIONNAIRE.c.instrument)
        ):
            last[pid][inst] = taken
        flagged = {r[0] for r in conn.execute(
            sa.select(FLAG.c.participant_id).where(FLAG.c.participant_id.in_(ids), FLAG.c.resolved_at.is_(None)))}
        schedule = self._schedule_in(conn)
        rows = []
        for person in sorted(persons, key=lambda r: (r.preferred_name.casefold(), r.id)):
            if active_only and person.status != "active" and person.id not in (keep or set()):
                continue
            due = cm.due_measures(person.program_start, last.get(person.id, {}), day, schedule)
            rows.append(cm.DueRow(person.id, person.preferred_name, person.record_number, tuple(due),
                                  person.id in flagged))
        return rows

    # -- settings read on the unit of work's connection --------------------------------------------

    @staticmethod
    def _stored_setting(conn: sa.Connection, key: str) -> Any:
        from .models import ClinicSetting

        table = ClinicSetting.__table__  # type: ignore[attr-defined]
        raw = conn.execute(sa.select(table.c.value).where(table.c.key == key)).scalar()
        return clinic_settings.parse(key, raw)

    def _setting_in(self, conn: sa.Connection, key: str) -> Any:
        """A setting from the service's settings source when it has one, else as stored."""
        return self._setting(key) if self._settings is not None else self._stored_setting(conn, key)

    def _schedule_in(self, conn: sa.Connection) -> cm.Schedule:
        return cm.parse_schedule(self._setting_in(conn, cm.SCHEDULE_SETTING))

    def _today_in(self, uow: UnitOfWork) -> date:
        return uow.now.astimezone(resolve_zone(self._setting_in(uow.conn, "clinic_time_zone"))).date()

    # -- rows to records ----------------------------------------------------------------------------

    @staticmethod
    def _names(conn: sa.Connection, ids: Iterable[int | None]) -> dict[int, str]:
        wanted = sorted({i for i in ids if i is not None})
        if not wanted:
            return {}
        return {r.id: r.full_name or r.username for r in conn.execute(
            sa.select(USER.c.id, USER.c.full_name, USER.c.username).where(USER.c.id.in_(wanted)))}

    def _recorded(self, row: Any, names: Mapping[int, str]) -> cm.Recorded:
        return cm.Recorded(row.recorded_at, names.get(row.recorded_by_id, ""), row.error_at, row.error_reason)

    def _check_in_records(self, conn: sa.Connection, where: Any) -> list[cm.CheckInRecord]:
        rows = conn.execute(sa.select(CHECK_IN).where(where).order_by(CHECK_IN.c.taken_on, CHECK_IN.c.id)).all()
        names = self._names(conn, [r.recorded_by_id for r in rows])
        return [
            cm.CheckInRecord(r.id, r.participant_id, r.meeting_id, r.taken_on, _ratings(r.ratings), r.mood,
                             self._recorded(r, names))
            for r in rows
        ]

    def _questionnaire_records(self, conn: sa.Connection, where: Any) -> list[cm.QuestionnaireRecord]:
        rows = conn.execute(
            sa.select(QUESTIONNAIRE).where(where).order_by(QUESTIONNAIRE.c.taken_on, QUESTIONNAIRE.c.id)
        ).all()
        names = self._names(conn, [r.recorded_by_id for r in rows])
        flags = {r.questionnaire_id: r.id for r in conn.execute(
            sa.select(FLAG.c.id, FLAG.c.questionnaire_id).where(FLAG.c.questionnaire_id.in_([r.id for r in rows] or [-1])))}
        return [
            cm.QuestionnaireRecord(
                r.id, r.participant_id, r.instrument, r.taken_on, cm.parse_answers(r.instrument, r.answers), r.total,
                r.severity, r.difficulty, r.mode, r.meeting_id, self._recorded(r, names), flags.get(r.id),
            )
            for r in rows
        ]

    def _screen_records(self, conn: sa.Connection, where: Any) -> list[cm.ScreenRecord]:
        rows = conn.execute(sa.select(SCREEN).where(where).order_by(SCREEN.c.collected_on, SCREEN.c.id)).all()
        names = self._names(conn, [r.recorded_by_id for r in rows])
        results: dict[int, dict[str, cm.ScreenResult]] = defaultdict(dict)
        ids = [r.id for r in rows]
        for chunk in range(0, len(ids), 500):
            for r in conn.execute(sa.select(RESULT).where(RESULT.c.screen_id.in_(ids[chunk : chunk + 500]))):
                results[r.screen_id][r.substance] = cm.ScreenResult(r.result)
        return [
            cm.ScreenRecord(
                r.id, r.participant_id,
                cm.Screen(r.collected_on, cm.Specimen(r.specimen), bool(r.observed), r.panel,
                          dict(sorted(results[r.id].items())), tuple(m for m in r.expected.split(";") if m)),
                r.source, r.lab_reference, self._recorded(r, names),
            )
            for r in rows
        ]

    def _mutual_help_records(self, conn: sa.Connection, where: Any) -> list[cm.MutualHelpRecord]:
        rows = conn.execute(
            sa.select(MUTUAL_HELP).where(where).order_by(MUTUAL_HELP.c.week_of, MUTUAL_HELP.c.id)
        ).all()
        names = self._names(conn, [r.recorded_by_id for r in rows])
        return [
            cm.MutualHelpRecord(r.id, r.participant_id, r.week_of, r.meetings, r.kind, self._recorded(r, names))
            for r in rows
        ]

    def _flag_records(self, conn: sa.Connection, where: Any) -> list[cm.FlagRecord]:
        rows = conn.execute(
            sa.select(FLAG, PARTICIPANT.c.preferred_name, PARTICIPANT.c.record_number)
            .join(PARTICIPANT, PARTICIPANT.c.id == FLAG.c.participant_id)
            .where(where).order_by(FLAG.c.raised_at, FLAG.c.id)
        ).all()
        names = self._names(conn, [i for r in rows for i in (r.raised_by_id, r.acknowledged_by_id, r.resolved_by_id)])
        return [
            cm.FlagRecord(
                r.id, r.participant_id, r.preferred_name, r.record_number, r.questionnaire_id, r.raised_on,
                r.raised_at, names.get(r.raised_by_id, ""), r.acknowledged_at, names.get(r.acknowledged_by_id, ""),
                r.acknowledgement, r.resolved_at, names.get(r.resolved_by_id, ""), r.resolution, r.version,
            )
            for r in rows
        ]


def _ratings(text: str) -> dict[str, int]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return {str(k): int(v) for k, v in value.items()} if isinstance(value, dict) else {}


def _day_of(kind: str, row: Any) -> date:
    return {
        "check-in": lambda: row.taken_on,
        "questionnaire": lambda: row.taken_on,
        "screen": lambda: row.collected_on,
        "mutual help": lambda: row.week_of,
    }[kind]()


# -- what progress notes read (inside the notes service's own unit of work) -------------------------


def open_flags_for(
    conn: sa.Connection, participant_ids: Iterable[int], as_of: datetime | None = None
) -> dict[int, tuple[date, bool]]:
    """Participants with a safety flag open (at ``as_of``, default now): id -> (day raised, acknowledged?).

    The earliest open flag of each person is named. ``as_of`` is the unit of work's time, so a
    note is measured against the flags that were open when it was written or signed.
    """
    ids = sorted(set(participant_ids))
    if not ids:
        return {}
    where = [FLAG.c.participant_id.in_(ids)]
    if as_of is None:
        where.append(FLAG.c.resolved_at.is_(None))
    else:
        where += [FLAG.c.raised_at <= as_of, sa.or_(FLAG.c.resolved_at.is_(None), FLAG.c.resolved_at > as_of)]
    out: dict[int, tuple[date, bool]] = {}
    for r in conn.execute(
        sa.select(FLAG.c.participant_id, FLAG.c.raised_on, FLAG.c.acknowledged_at)
        .where(*where)
        .order_by(FLAG.c.raised_on, FLAG.c.id)
    ):
        acknowledged = r.acknowledged_at is not None and (as_of is None or r.acknowledged_at <= as_of)
        out.setdefault(r.participant_id, (r.raised_on, acknowledged))
    return out


def check_in_lines(conn: sa.Connection, meeting_id: int, participant_ids: Iterable[int]) -> dict[int, str]:
    """The notes' check-in line per participant at a meeting ("Check-in: craving 7/10, up from 3 last week.")."""
    ids = sorted(set(participant_ids))
    if not ids:
        return {}
    current = conn.execute(
        sa.select(CHECK_IN).where(
            CHECK_IN.c.meeting_id == meeting_id, CHECK_IN.c.participant_id.in_(ids), CHECK_IN.c.error_at.is_(None)
        )
    ).all()
    out: dict[int, str] = {}
    for row in current:
        entry = cm.CheckIn(_ratings(row.ratings), row.mood)
        previous: dict[str, tuple[int, date]] = {}
        earlier = conn.execute(
            sa.select(CHECK_IN.c.ratings, CHECK_IN.c.taken_on)
            .where(
                CHECK_IN.c.participant_id == row.participant_id,
                CHECK_IN.c.error_at.is_(None),
                CHECK_IN.c.id != row.id,
                sa.or_(CHECK_IN.c.taken_on < row.taken_on,
                       sa.and_(CHECK_IN.c.taken_on == row.taken_on, CHECK_IN.c.id < row.id)),
            )
            .order_by(CHECK_IN.c.taken_on.desc(), CHECK_IN.c.id.desc())
            .limit(20)
        ).all()
        for e in earlier:
            for key, value in _ratings(e.ratings).items():
                previous.setdefault(key, (value, e.taken_on))
        line = cm.check_in_line(entry, row.taken_on, previous)
        if line:
            out[row.participant_id] = line
    return out


__all__ = [
    "ENTRY_KINDS",
    "LabImportRefused",
    "LabImported",
    "MeasuresService",
    "check_in_lines",
    "open_flags_for",
]

