"""The run record: each control of the session runner is saved the moment it happens.

Every call goes through the unit of work for the signed-in user. A run of a meeting
belongs to that meeting's group: its facilitators (and supervisors and administrators) run
it, and lists narrow to the groups one may see. A run started from the Library with no
meeting holds no participant and is open to anyone signed in. Creating a run and naming
its players are audited; the many small saves while it runs are not (they are in the
run's own event log), but each is still one unit of work with the same checks.

``save`` writes the action and the clock's new state in one transaction, so what is in the
database is always a state the clock was really in. Reopening the app rebuilds the clock
from that state (``load`` -> ``RunRecord.snapshot``), counting the time it was closed.

Player names are clinical information (they say who attends a treatment group), so they
live only in ``run_player`` and ``run_role``, never in events or logs.
"""

from __future__ import annotations

import json
import logging
import socket
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session, select

from facilitator.core.catalogue import say

from ..core import limits
from ..core import permissions as perm
from ..core.agenda_clock import ClockEvent, ClockSnapshot, ItemSnapshot, ItemStatus, RunStatus
from ..core.audit import AuditAction
from ..core.changes import RUN, UserFacingError
from ..core.clock import Clock
from ..core.curriculum import Curriculum, CurriculumSession, ItemKind
from ..core.notes import AgendaRun, RolePlayPart
from ..core.rotation import RoundPlan
from .models import GroupStaff, Meeting
from .models.runs import Run, RunEvent, RunItem, RunPlayer, RunRole
from .unit_of_work import UnitOfWork, Work

log = logging.getLogger(__name__)

UNFINISHED = (RunStatus.READY.value, RunStatus.RUNNING.value, RunStatus.PAUSED.value)
_group_staff = GroupStaff.__table__  # type: ignore[attr-defined]
_meeting = Meeting.__table__  # type: ignore[attr-defined]
_run = Run.__table__  # type: ignore[attr-defined]


class RunNotFound(UserFacingError):
    """The run is not in the database (deleted, or another database)."""


@dataclass(frozen=True)
class Player:
    """A player: a first name or initials, and the participant when they came from attendance."""

    label: str
    participant_id: int | None = None


@dataclass(frozen=True)
class RunSummary:
    id: int
    curriculum_id: str
    session_id: str
    curriculum_title: str
    session_title: str
    meeting_id: int | None
    status: RunStatus
    started_at: datetime | None
    ended_at: datetime | None
    updated_at: datetime
    current_title: str
    run_number: int = 1  # the meeting's first, second... run (a Library run is always 1)


@dataclass(frozen=True)
class RoleRecord:
    source_index: int
    item_title: str
    round: int
    team: int
    role: str | None  # None: watching
    player_label: str | None  # None: nobody held the role
    participant_id: int | None
    started_at: datetime


@dataclass(frozen=True)
class EventRecord:
    at: datetime
    action: str
    position: int | None
    source_index: int | None
    seconds: float | None
    detail: dict[str, object]


@dataclass(frozen=True)
class RunRecord:
    """A whole run as plain data: enough to resume it, or to write notes from it."""

    summary: RunSummary
    snapshot: ClockSnapshot
    players: tuple[Player, ...]
    show_first_names: bool
    small_groups: bool
    roles: tuple[RoleRecord, ...]
    events: tuple[EventRecord, ...]

    @property
    def id(self) -> int:
        return self.summary.id

    def agenda_runs(self) -> list[AgendaRun]:
        """Each item as it ran, in running order, for the group note's "agenda as run"."""
        out = []
        for item in self.snapshot.items:
            ran = item.first_started_at is not None
            out.append(
                AgendaRun(
                    title=item.title,
                    kind=item.kind.value,
                    planned_minutes=round(item.original_seconds / 60),
                    actual_minutes=item.elapsed_seconds / 60 if ran else None,
                    skipped=item.status is ItemStatus.SKIPPED,
                )
            )
        return out

    def role_parts(self, *, participant_id: int | None = None, label: str | None = None) -> list[RolePlayPart]:
        """The roles one player held, round by round (watching rounds left out)."""
        parts = []
        for r in self.roles:
            if r.role is None:
                continue
            if (
                participant_id is not None
                and r.participant_id == participant_id
                or label is not None
                and r.player_label == label
            ):
                parts.append(RolePlayPart(item_title=r.item_title, round=r.round, role=r.role))
        return parts


class RunStore:
    """Create, save and load runs for the signed-in user, one unit of work per call."""

    def __init__(
        self,
        work: Work | Engine,
        clock: Clock | None = None,
        workstation: str | None = None,
        *,
        principal: Callable[[], perm.Principal | None] | None = None,
    ) -> None:
        if isinstance(work, Engine):
            # A store of its own (tests, benchmarks): it acts for whoever ``principal`` names.
            from .audit import AuditLog

            work = Work(work, AuditLog(work, clock), clock, principal)
        self._work = work
        self._engine = work.engine
        self._clock: Clock = work.clock
        self.workstation = _hostname() if workstation is None else workstation[:100]

    # -- who may ---------------------------------------------------------------------------

    @staticmethod
    def _meeting_check(
        uow: UnitOfWork, meeting_id: int, require: Callable[..., perm.Principal] = perm.require_run_session
    ) -> perm.Principal:
        group_id = _group_of_meeting(uow.conn, meeting_id)
        return require(uow.principal, _staff_of_groups(uow.conn, [group_id]).get(group_id, []))

    def _run_check(
        self, uow: UnitOfWork, run_id: int, require: Callable[..., perm.Principal] = perm.require_run_session
    ) -> perm.Principal:
        """The rule for a run: its meeting's group's, or anyone signed in for a Library run."""
        found = uow.conn.execute(sa.select(_run.c.meeting_id).where(_run.c.id == run_id)).first()
        if found is None:
            perm.require_signed_in(uow.principal)
            raise RunNotFound(say("store.runs", "run {run_id} is not in the database", run_id=run_id))
        if found[0] is None:
            return perm.require_signed_in(uow.principal)
        return self._meeting_check(uow, int(found[0]), require)

    # -- writing -------------------------------------------------------------------------

    def create(
        self,
        curriculum: Curriculum,
        session: CurriculumSession,
        snapshot: ClockSnapshot,
        *,
        meeting_id: int | None = None,
        players: Sequence[Player] = (),
    ) -> int:
        with self._work.begin() as uow:
            if meeting_id is None:
                perm.require_signed_in(uow.principal)
            else:
                self._meeting_check(uow, meeting_id)
            now = uow.now
            db = uow.session
            number = 1 if meeting_id is None else _runs_before(uow.conn, meeting_id, None) + 1
            run = Run(
                curriculum_id=curriculum.id,
                session_id=session.id,
                curriculum_title=curriculum.title,
                session_title=session.title,
                meeting_id=meeting_id,
                status=snapshot.status.value,
                slot_seconds=snapshot.slot_seconds,
                workstation=self.workstation,
                created_at=now,
                updated_at=now,
            )
            db.add(run)
            db.flush()
            assert run.id is not None
            self._write_state(db, run, snapshot)
            self._write_players(db, run.id, players)
            detail = {"meeting": meeting_id is not None, "run": number}
            db.add(RunEvent(run_id=run.id, at=now, action="create", detail=json.dumps(detail)))
            uow.audit(
                AuditAction.CREATE,
                record_type="session run",
                record_id=run.id,
                detail=f"set up {_ordinal_run(number)} of {curriculum.title}, {session.title}"
                + (" for a scheduled meeting" if meeting_id is not None else " from the Library"),
            )
            uow.changed(RUN, run.id)
            log.info("Run %s created for %s/%s", run.id, curriculum.id, session.id)
            return run.id

    def save(self, run_id: int, event: ClockEvent | None, snapshot: ClockSnapshot) -> None:
        """Record one action and the clock's state after it, together.

        The event comes first so that ``save(id, clock.next(), clock.snapshot())`` takes the
        snapshot after the action.
        """
        with self._work.begin() as uow:
            self._run_check(uow, run_id)
            db = uow.session
            run = self._get(db, run_id)
            self._write_state(db, run, snapshot)
            uow.changed(RUN, run_id)
            if event is not None:
                db.add(
                    RunEvent(
                        run_id=run_id,
                        at=event.at,
                        action=event.action,
                        position=event.position,
                        source_index=event.source_index,
                        seconds=event.seconds,
                        detail=json.dumps(event.detail, default=str),
                    )
                )

    def set_players(
        self,
        run_id: int,
        players: Sequence[Player],
        *,
        show_first_names: bool,
        small_groups: bool,
        at: datetime | None = None,
    ) -> None:
        with self._work.begin() as uow:
            self._run_check(uow, run_id)
            db = uow.session
            run = self._get(db, run_id)
            run.show_first_names = show_first_names
            run.small_groups = small_groups
            run.updated_at = self._clock.now()
            db.add(run)
            db.execute(sa.delete(RunPlayer).where(RunPlayer.run_id == run_id))
            db.flush()
            self._write_players(db, run_id, players)
            detail = {"count": len(players), "first_names": show_first_names, "small_groups": small_groups}
            db.add(RunEvent(run_id=run_id, at=at or self._clock.now(), action="players", detail=json.dumps(detail)))
            uow.audit(
                AuditAction.CHANGE,
                record_type="session run",
                record_id=run_id,
                detail=f"named {len(players)} player{'' if len(players) == 1 else 's'} for the run",
            )
            uow.changed(RUN, run_id)

    def record_round(
        self,
        run_id: int,
        source_index: int,
        plan_round: RoundPlan,
        players: Sequence[Player],
        at: datetime,
    ) -> None:
        """Who holds which role as a round begins; re-recording a round replaces it."""
        with self._work.begin() as uow:
            self._run_check(uow, run_id)
            db = uow.session
            self._get(db, run_id)
            uow.changed(RUN, run_id)
            db.execute(
                sa.delete(RunRole).where(
                    RunRole.run_id == run_id, RunRole.source_index == source_index, RunRole.round == plan_round.round
                )
            )

            def person(index: int | None) -> tuple[str | None, int | None]:
                if index is None or index >= len(players):
                    return None, None
                return players[index].label, players[index].participant_id

            for team in plan_round.teams:
                for seat in team.seats:
                    label, pid = person(seat.player)
                    db.add(
                        RunRole(
                            run_id=run_id,
                            source_index=source_index,
                            round=plan_round.round,
                            team=team.team,
                            role=seat.role,
                            player_label=label,
                            participant_id=pid,
                            started_at=at,
                        )
                    )
                for index in team.watching:
                    label, pid = person(index)
                    db.add(
                        RunRole(
                            run_id=run_id,
                            source_index=source_index,
                            round=plan_round.round,
                            team=team.team,
                            role=None,
                            player_label=label,
                            participant_id=pid,
                            started_at=at,
                        )
                    )
            db.add(
                RunEvent(
                    run_id=run_id,
                    at=at,
                    action="round",
                    source_index=source_index,
                    detail=json.dumps({"round": plan_round.round, "groups": len(plan_round.teams)}),
                )
            )

    def discard_unstarted(self, run_id: int) -> bool:
        """Delete a run that never started (only edits or players were saved); True if deleted."""
        with self._work.begin() as uow:
            self._run_check(uow, run_id)
            db = uow.session
            run = self._get(db, run_id)
            if run.status != RunStatus.READY.value or run.started_at is not None:
                return False
            for table in (RunRole, RunPlayer, RunEvent, RunItem):
                db.execute(sa.delete(table).where(table.run_id == run_id))  # type: ignore[attr-defined]
            db.execute(sa.delete(Run).where(Run.id == run_id))  # type: ignore[arg-type]
            uow.changed(RUN, run_id)
            return True

    def end_unfinished(self, run_id: int) -> None:
        """Close a run left behind by a crash, at the last moment anything was recorded for it."""
        with self._work.begin() as uow:
            self._run_check(uow, run_id)
            db = uow.session
            run = self._get(db, run_id)
            if run.status not in UNFINISHED:
                return
            last = db.exec(select(sa.func.max(RunEvent.at)).where(RunEvent.run_id == run_id)).one()
            ended = _aware(last) if last is not None else run.updated_at
            if run.current_position is not None:
                item = db.exec(
                    select(RunItem).where(RunItem.run_id == run_id, RunItem.position == run.current_position)
                ).first()
                if item is not None:
                    if run.status == RunStatus.RUNNING.value and run.segment_started_at is not None:
                        item.elapsed_seconds += max(0.0, (ended - run.segment_started_at).total_seconds())
                    item.status = ItemStatus.DONE.value
                    item.last_ended_at = ended
                    db.add(item)
            run.status = RunStatus.ENDED.value
            run.ended_at = ended if run.started_at is not None else None
            run.segment_started_at = None
            run.updated_at = self._clock.now()
            db.add(run)
            db.add(
                RunEvent(
                    run_id=run_id,
                    at=self._clock.now(),
                    action="closed_after_restart",
                    detail=json.dumps({"ended_at": ended.isoformat() if ended else None}),
                )
            )
            uow.changed(RUN, run_id)

    # -- reading -------------------------------------------------------------------------

    def unfinished(self, *, any_workstation: bool = False) -> list[RunSummary]:
        """Runs set up or started on this workstation and never ended, newest first.

        Another workstation's unfinished run may be in session right now, so it is not offered here.
        """
        with self._work.read() as uow:
            p = perm.require_signed_in(uow.principal)
            db = uow.session
            query = select(Run).where(Run.status.in_(UNFINISHED))  # type: ignore[attr-defined]
            if not any_workstation:
                query = query.where(Run.workstation == self.workstation)
            runs = db.exec(query.order_by(Run.updated_at.desc(), Run.id.desc())).all()  # type: ignore[attr-defined]
            visible = _visible_groups(uow.conn, p)
            if visible is not None:
                groups = _groups_of_meetings(uow.conn, {r.meeting_id for r in runs if r.meeting_id is not None})
                runs = [r for r in runs if r.meeting_id is None or groups.get(r.meeting_id) in visible]
            return [self._summary(db, r) for r in runs]

    def for_meeting(self, meeting_id: int) -> list[RunSummary]:
        with self._work.read() as uow:
            self._meeting_check(uow, meeting_id, perm.require_view_group)
            db = uow.session
            runs = db.exec(select(Run).where(Run.meeting_id == meeting_id).order_by(Run.id)).all()
            return [self._summary(db, r) for r in runs]

    def load(self, run_id: int) -> RunRecord:
        with self._work.read() as uow:
            self._run_check(uow, run_id, perm.require_view_group)
            db = uow.session
            run = self._get(db, run_id)
            items = db.exec(select(RunItem).where(RunItem.run_id == run_id).order_by(RunItem.position)).all()
            snapshot = ClockSnapshot(
                status=RunStatus(run.status),
                items=tuple(
                    ItemSnapshot(
                        source_index=i.source_index,
                        title=i.title,
                        kind=ItemKind(i.kind),
                        original_seconds=i.original_seconds,
                        planned_seconds=i.planned_seconds,
                        elapsed_seconds=i.elapsed_seconds,
                        status=ItemStatus(i.status),
                        first_started_at=i.first_started_at,
                        last_ended_at=i.last_ended_at,
                        phase_offset=i.phase_offset,
                    )
                    for i in items
                ),
                slot_seconds=run.slot_seconds,
                current=run.current_position,
                started_at=run.started_at,
                ended_at=run.ended_at,
                segment_started_at=run.segment_started_at,
            )
            players = tuple(
                Player(p.label, p.participant_id)
                for p in db.exec(select(RunPlayer).where(RunPlayer.run_id == run_id).order_by(RunPlayer.position)).all()
            )
            titles = {i.source_index: i.title for i in items}
            roles = tuple(
                RoleRecord(
                    r.source_index,
                    titles.get(r.source_index, ""),
                    r.round,
                    r.team,
                    r.role,
                    r.player_label,
                    r.participant_id,
                    r.started_at,
                )
                for r in db.exec(
                    select(RunRole)
                    .where(RunRole.run_id == run_id)
                    .order_by(RunRole.source_index, RunRole.round, RunRole.team, RunRole.id)
                ).all()
            )
            events = tuple(
                EventRecord(e.at, e.action, e.position, e.source_index, e.seconds, _json(e.detail))
                for e in db.exec(select(RunEvent).where(RunEvent.run_id == run_id).order_by(RunEvent.id)).all()
            )
            record = RunRecord(
                summary=self._summary(db, run, items),
                snapshot=snapshot,
                players=players,
                show_first_names=run.show_first_names,
                small_groups=run.small_groups,
                roles=roles,
                events=events,
            )
        if players:  # who attends a treatment group: reading it is audited
            with self._work.begin() as viewed:
                viewed.audit(
                    AuditAction.VIEW,
                    record_type="session run",
                    record_id=run_id,
                    detail=f"opened a run with {len(players)} named player{'' if len(players) == 1 else 's'}",
                )
        return record

    # -- helpers -------------------------------------------------------------------------

    @staticmethod
    def _get(db: Session, run_id: int) -> Run:
        run = db.get(Run, run_id)
        if run is None:
            raise RunNotFound(say("store.runs", "run {run_id} is not in the database", run_id=run_id))
        return run

    def _write_state(self, db: Session, run: Run, snapshot: ClockSnapshot) -> None:
        assert run.id is not None
        run.status = snapshot.status.value
        run.current_position = snapshot.current
        run.started_at = snapshot.started_at
        run.ended_at = snapshot.ended_at
        run.segment_started_at = snapshot.segment_started_at
        run.slot_seconds = snapshot.slot_seconds
        run.updated_at = self._clock.now()
        db.add(run)
        existing = {i.source_index: i for i in db.exec(select(RunItem).where(RunItem.run_id == run.id)).all()}
        for position, s in enumerate(snapshot.items):
            row = existing.get(s.source_index)
            if row is None:
                row = RunItem(
                    run_id=run.id,
                    position=position,
                    source_index=s.source_index,
                    title=s.title,
                    kind=s.kind.value,
                    original_seconds=s.original_seconds,
                    planned_seconds=s.planned_seconds,
                    status=s.status.value,
                )
            row.position = position
            row.planned_seconds = s.planned_seconds
            row.elapsed_seconds = s.elapsed_seconds
            row.status = s.status.value
            row.first_started_at = s.first_started_at
            row.last_ended_at = s.last_ended_at
            row.phase_offset = s.phase_offset
            db.add(row)

    @staticmethod
    def _write_players(db: Session, run_id: int, players: Sequence[Player]) -> None:
        for player in players:  # typed in the runner: held to the limit before any row is written
            limits.PLAYER_LABEL.check(player.label)
        for position, p in enumerate(players):
            db.add(RunPlayer(run_id=run_id, position=position, label=p.label[:100], participant_id=p.participant_id))

    @staticmethod
    def _summary(db: Session, run: Run, items: Sequence[RunItem] | None = None) -> RunSummary:
        assert run.id is not None
        current_title = ""
        if run.current_position is not None:
            if items is None:
                row = db.exec(
                    select(RunItem).where(RunItem.run_id == run.id, RunItem.position == run.current_position)
                ).first()
            else:
                row = next((i for i in items if i.position == run.current_position), None)
            current_title = row.title if row is not None else ""
        number = 1 if run.meeting_id is None else _runs_before(db.connection(), run.meeting_id, run.id) + 1
        return RunSummary(
            id=run.id,
            curriculum_id=run.curriculum_id,
            session_id=run.session_id,
            curriculum_title=run.curriculum_title,
            session_title=run.session_title,
            meeting_id=run.meeting_id,
            status=RunStatus(run.status),
            started_at=run.started_at,
            ended_at=run.ended_at,
            updated_at=run.updated_at,
            current_title=current_title,
            run_number=number,
        )


def _runs_before(conn: Connection, meeting_id: int, run_id: int | None) -> int:
    """How many runs of the meeting came before this one (before a new one, when ``run_id`` is None).

    A run that was set up and closed before it started leaves no record, so the count is of
    runs that stay in the record: the meeting's first, second... run as the group had them.
    """
    query = sa.select(sa.func.count()).select_from(_run).where(_run.c.meeting_id == meeting_id)
    if run_id is not None:
        query = query.where(_run.c.id < run_id)
    return int(conn.execute(query).scalar() or 0)


def _ordinal_run(number: int) -> str:
    words = {1: "a run", 2: "a second run", 3: "a third run", 4: "a fourth run"}
    return words.get(number, f"run {number}")


def _staff_of_groups(conn: Connection, group_ids: Iterable[int]) -> dict[int, list[int]]:
    staff: dict[int, list[int]] = defaultdict(list)
    rows = conn.execute(
        sa.select(_group_staff.c.group_id, _group_staff.c.staff_id).where(_group_staff.c.group_id.in_(list(group_ids)))
    )
    for group_id, staff_id in rows:
        staff[group_id].append(staff_id)
    return staff


def _group_of_meeting(conn: Connection, meeting_id: int) -> int:
    group_id = conn.execute(sa.select(_meeting.c.group_id).where(_meeting.c.id == meeting_id)).scalar()
    if group_id is None:
        raise perm.PermissionDenied(say("store.runs", "That meeting no longer exists."))
    return int(group_id)


def _groups_of_meetings(conn: Connection, meeting_ids: set[int]) -> dict[int, int]:
    if not meeting_ids:
        return {}
    rows = conn.execute(sa.select(_meeting.c.id, _meeting.c.group_id).where(_meeting.c.id.in_(list(meeting_ids))))
    return {int(m): int(g) for m, g in rows}


def _visible_groups(conn: Connection, p: perm.Principal) -> set[int] | None:
    """The groups a user may see; None when they see every group."""
    if perm.sees_all_groups(p):
        return None
    if p.staff_id is None:
        return set()
    rows = conn.execute(sa.select(_group_staff.c.group_id).where(_group_staff.c.staff_id == p.staff_id))
    return {r[0] for r in rows}


def _hostname() -> str:
    try:
        return socket.gethostname()[:100]
    except OSError:
        return ""


def _aware(value: datetime) -> datetime:
    """An aggregate over a UTCDateTime column comes back without the type's conversion."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _json(text: str) -> dict[str, object]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
