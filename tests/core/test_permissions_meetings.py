"""The rule for laying out a group's scheduled meetings, for every role."""

from __future__ import annotations

import pytest

from facilitator.core import permissions as perm
from facilitator.core.permissions import NotSignedIn, PermissionDenied, Principal, UserRole

LEAD = Principal(10, "fay", "Fay Lead", UserRole.FACILITATOR, staff_id=1)
OTHER = Principal(11, "otto", "Otto Other", UserRole.FACILITATOR, staff_id=2)
SUPER = Principal(20, "sam", "Sam Super", UserRole.SUPERVISOR)
ADMIN = Principal(30, "avery", "Avery Admin", UserRole.ADMINISTRATOR)


def test_planning_meetings_is_for_whoever_may_see_the_group() -> None:
    assert {p.username for p in (LEAD, OTHER, SUPER, ADMIN) if perm.can_plan_meetings(p, [1])} == {
        "fay", "sam", "avery"}
    assert perm.require_plan_meetings(LEAD, [1]) is LEAD
    with pytest.raises(PermissionDenied, match="plan its meetings") as refused:
        perm.require_plan_meetings(OTHER, [1])
    assert str(refused.value).endswith(".")
    with pytest.raises(NotSignedIn):
        perm.require_plan_meetings(None, [1])
