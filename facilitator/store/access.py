"""Who may see which groups and participants, asked inside a unit of work.

The roster and attendance services open one unit of work per call and ask, on its
connection, whether its principal may touch a group, a participant or a meeting, and which
groups and participants to keep in a list. The rules themselves are ``core.permissions``;
this module only reads who leads which group.

``SETUP`` is what a service is built with to act for nobody: the demo clinic, tests'
fixtures and the benchmarks seed through it. It is never handed to the app's views or to
the command line (``open_backend`` builds the services for the signed-in user).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

import sqlalchemy as sa

from facilitator.core.catalogue import say

from ..core import permissions as perm
from ..core.changes import GoneError
from ..core.permissions import Principal
from .models import Enrollment, GroupStaff, Meeting, Participant
from .unit_of_work import CURRENT, UnitOfWork, Work

_group_staff = GroupStaff.__table__  # type: ignore[attr-defined]
_enrollment = Enrollment.__table__  # type: ignore[attr-defined]
_meeting = Meeting.__table__  # type: ignore[attr-defined]
_participant = Participant.__table__  # type: ignore[attr-defined]

# One answer for "no such record" and "not yours", so record numbers cannot be probed. It does
# not repeat what was typed (it may be a password typed in the wrong field, or 100,000 characters).
NO_SUCH_PARTICIPANT = "No participant you may see has that record number."


class NoSuchParticipant(perm.PermissionDenied):
    """No participant has this record number, or none the principal may see: the same sentence."""

    def __init__(self) -> None:
        super().__init__(NO_SUCH_PARTICIPANT)


class _Setup:
    """Marker: act for nobody, with no permission rule (seeding, demo data, benchmarks)."""

    def __repr__(self) -> str:
        return "SETUP"


SETUP: Any = _Setup()
SETUP_USERNAME = "setup"


class Access:
    """The permission questions of one unit of work."""

    def __init__(self, uow: UnitOfWork, setup: bool) -> None:
        self.uow = uow
        self.setup = setup

    @property
    def conn(self) -> sa.Connection:
        return self.uow.conn

    def me(self) -> Principal | None:
        """The principal (None when acting for nobody); refuses when nobody is signed in."""
        if self.setup:
            return None
        return perm.require_signed_in(self.uow.principal)

    def require(self, rule: Callable[..., Principal], *args: Any) -> Principal | None:
        if self.setup:
            return None
        return rule(self.uow.principal, *args)

    # -- who leads what -----------------------------------------------------------------------

    def staff_of_groups(self, group_ids: Iterable[int] | None = None) -> dict[int, list[int]]:
        stmt = sa.select(_group_staff.c.group_id, _group_staff.c.staff_id)
        if group_ids is not None:
            stmt = stmt.where(_group_staff.c.group_id.in_(list(group_ids)))
        staff: dict[int, list[int]] = defaultdict(list)
        for group_id, staff_id in self.conn.execute(stmt):
            staff[group_id].append(staff_id)
        return staff

    def visible_groups(self) -> set[int] | None:
        """The groups the principal may see; None when every group."""
        if self.setup:
            return None
        p = self.me()
        assert p is not None
        if perm.sees_all_groups(p):
            return None
        if p.staff_id is None:
            return set()
        rows = self.conn.execute(sa.select(_group_staff.c.group_id).where(_group_staff.c.staff_id == p.staff_id))
        return {r[0] for r in rows}

    def visible_participants(self) -> set[int] | None:
        groups = self.visible_groups()
        if groups is None:
            return None
        if not groups:
            return set()
        rows = self.conn.execute(
            sa.select(_enrollment.c.participant_id).where(_enrollment.c.group_id.in_(list(groups))).distinct()
        )
        return {r[0] for r in rows}

    # -- one record ---------------------------------------------------------------------------

    def group(self, group_id: int, rule: Callable[..., Principal] = perm.require_view_group) -> Principal | None:
        if self.setup:
            return None
        p = self.me()
        return rule(p, self.staff_of_groups([group_id]).get(group_id, []))

    def participant(self, participant_id: int) -> Principal | None:
        """May the principal see this participant? A participant of no group of theirs, and one
        who does not exist, are refused with the same sentence."""
        if self.setup:
            return None
        p = self.me()
        assert p is not None
        if perm.sees_all_groups(p):
            return p
        groups = [
            r[0]
            for r in self.conn.execute(
                sa.select(_enrollment.c.group_id).where(_enrollment.c.participant_id == participant_id).distinct()
            )
        ]
        staff = self.staff_of_groups(groups)
        return perm.require_view_participant(p, [staff.get(g, []) for g in groups])

    def participant_by_record(self, record_number: str) -> int:
        """The id of the participant with this record number, once the principal may see them.

        A record number nobody has and one of a participant in no group of the principal's get
        the same ``NoSuchParticipant``, after the same queries, so neither the sentence nor the
        time taken tells them apart. Nothing about the person is read before the check.
        """
        from ..core import limits

        text = (record_number or "").strip()
        found = None
        if text and limits.RECORD_NUMBER.problem(text) is None:
            found = self.conn.execute(sa.select(_participant.c.id).where(_participant.c.record_number == text)).scalar()
        try:
            self.participant(found if found is not None else -1)  # the same queries either way
        except perm.NotSignedIn:
            raise
        except perm.PermissionDenied:
            raise NoSuchParticipant() from None
        if found is None:
            raise NoSuchParticipant()
        return int(found)

    def may_see_participant(self, participant_id: int) -> bool:
        try:
            self.participant(participant_id)
        except perm.PermissionDenied:
            return False
        return True

    def group_of_meeting(self, meeting_id: int) -> int:
        group_id = self.conn.execute(sa.select(_meeting.c.group_id).where(_meeting.c.id == meeting_id)).scalar()
        if group_id is None:
            raise GoneError(say("store.access", "That meeting no longer exists."))
        return int(group_id)

    def meeting(self, meeting_id: int, rule: Callable[..., Principal] = perm.require_view_group) -> Principal | None:
        if self.setup:
            self.group_of_meeting(meeting_id)
            return None
        self.me()
        return self.group(self.group_of_meeting(meeting_id), rule)


class Scoped:
    """A service's way into units of work: for the signed-in user, a given one, or nobody (``SETUP``)."""

    def __init__(self, work: Work, principal: Any = CURRENT) -> None:
        self._work = work
        self._setup = principal is SETUP
        self._principal = None if self._setup else principal

    @property
    def work(self) -> Work:
        return self._work

    @property
    def acts_for_nobody(self) -> bool:
        return self._setup

    def _begin(self) -> Any:
        return self._work.begin(self._principal)

    def _read(self) -> Any:
        return self._work.read(self._principal)

    def _access(self, uow: UnitOfWork) -> Access:
        return Access(uow, self._setup)

    def _audit(self, uow: UnitOfWork, action: Any, **kwargs: Any) -> None:
        if self._setup:
            kwargs.setdefault("username", SETUP_USERNAME)
        uow.audit(action, **kwargs)
