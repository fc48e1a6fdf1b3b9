"""Clinic settings and session runs as the signed-in user may use them: checked and audited.

The roster and attendance services check their own rules inside their units of work
(``store.roster``, ``store.attendance``); the classes here wrap services that do not yet.

A method of the plain services that has no rule here is refused (AttributeError naming
this module) rather than passed through unchecked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
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


class GuardedSettings:
    """Clinic settings: anyone reads them (they hold no records); only administrators change them.

    Before the clinic's first account exists (a new or demo clinic being set up) nobody can
    sign in, so changes are allowed then. Every change is audited with its old and new value.
    """

    def __init__(
        self,
        inner: Any,
        audit: AuditLog,
        principal: PrincipalSource,
        accounts_exist: Callable[[], bool],
    ) -> None:
        self._inner = inner
        self._audit = audit
        self._principal = principal
        self._accounts_exist = accounts_exist

    @property
    def unchecked(self) -> Any:
        return self._inner

    def __getattr__(self, name: str) -> Any:
        if name.startswith("set"):
            raise AttributeError(f"ClinicSettings.{name} has no permission rule yet; add one in facilitator/store/guarded.py")
        return getattr(self._inner, name)

    def get(self, key: str) -> str:
        return self._inner.get(key)

    def all(self) -> dict[str, str]:
        return self._inner.all()

    def set(self, key: str, value: str) -> None:
        principal = self._principal()
        if principal is None and not self._accounts_exist():
            self._inner.set(key, value)
            self._audit.record(None, AuditAction.SETTINGS_CHANGE, username="setup", record_type="setting",
                               record_id=key, detail="set before the first account existed")
            return
        p = perm.require_manage_settings(principal)
        old = self._inner.get(key)
        if old == value:
            return
        self._inner.set(key, value)
        shown_old = old if len(old) <= 60 else old[:57] + "…"
        shown_new = value if len(value) <= 60 else value[:57] + "…"
        self._audit.record(p, AuditAction.SETTINGS_CHANGE, record_type="setting", record_id=key,
                           detail=f"{shown_old!r} -> {shown_new!r}")


class GuardedRuns(_Guard):
    """``RunStore`` (Step 3's session records) for the signed-in user.

    A run of a meeting belongs to that meeting's group: its facilitators and supervisors
    run it, and lists narrow to the groups one may see. A run started from the Library with
    no meeting holds no participant and is open to anyone signed in. Creating a run and
    naming its players are audited; the many small saves while it runs are not (they are
    in the run's own event log).
    """

    _PASS_THROUGH = frozenset({"workstation"})

    def __init__(self, inner: Any, engine: Engine, audit: AuditLog, principal: PrincipalSource) -> None:
        super().__init__(inner, engine, audit, principal)
        self._run_groups: dict[int, int | None] = {}

    def _group_of_run(self, run_id: int) -> int | None:
        if run_id not in self._run_groups:
            runs = sa.table("run", sa.column("id"), sa.column("meeting_id"))
            with self._engine.connect() as conn:
                meeting_id = conn.execute(sa.select(runs.c.meeting_id).where(runs.c.id == run_id)).scalar()
            self._run_groups[run_id] = None if meeting_id is None else self._group_of_meeting(int(meeting_id))
        return self._run_groups[run_id]

    def _run_check(self, run_id: int, require: Callable[..., Principal] = perm.require_run_session) -> Principal:
        group_id = self._group_of_run(run_id)
        if group_id is None:
            return self._me()
        return self._group_check(group_id, require)

    def create(self, curriculum: Any, session: Any, snapshot: Any, *, meeting_id: int | None = None, **kwargs: Any) -> int:
        if meeting_id is None:
            p = self._me()
        else:
            p = self._group_check(self._group_of_meeting(meeting_id), perm.require_run_session)
        run_id = self._inner.create(curriculum, session, snapshot, meeting_id=meeting_id, **kwargs)
        self._run_groups[run_id] = None if meeting_id is None else self._group_of_meeting(meeting_id)
        self._record(p, AuditAction.CREATE, "session run", run_id,
                     detail=f"{curriculum.id}/{session.id}" + (f", meeting {meeting_id}" if meeting_id else ""))
        return run_id

    def save(self, run_id: int, *args: Any, **kwargs: Any) -> None:
        self._run_check(run_id)
        self._inner.save(run_id, *args, **kwargs)

    def record_round(self, run_id: int, *args: Any, **kwargs: Any) -> Any:
        self._run_check(run_id)
        return self._inner.record_round(run_id, *args, **kwargs)

    def set_players(self, run_id: int, players: Any, **kwargs: Any) -> None:
        p = self._run_check(run_id)
        self._inner.set_players(run_id, players, **kwargs)
        self._record(p, AuditAction.CHANGE, "session run", run_id, detail=f"{len(players)} players")

    def discard_unstarted(self, run_id: int) -> bool:
        self._run_check(run_id)
        return self._inner.discard_unstarted(run_id)

    def end_unfinished(self, run_id: int) -> None:
        self._run_check(run_id)
        self._inner.end_unfinished(run_id)

    def load(self, run_id: int) -> Any:
        p = self._run_check(run_id, perm.require_view_group)
        record = self._inner.load(run_id)
        if record.players:
            self._record(p, AuditAction.VIEW, "session run", run_id, detail=f"{len(record.players)} players")
        return record

    def unfinished(self, **kwargs: Any) -> list[Any]:
        p = self._me()
        visible = self._visible_groups(p)
        out = []
        for summary in self._inner.unfinished(**kwargs):
            group_id = None if summary.meeting_id is None else self._group_of_meeting(summary.meeting_id)
            if group_id is None or visible is None or group_id in visible:
                out.append(summary)
        return out

    def for_meeting(self, meeting_id: int) -> list[Any]:
        self._group_check(self._group_of_meeting(meeting_id))
        return self._inner.for_meeting(meeting_id)
