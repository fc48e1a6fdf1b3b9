"""The rules of the arc of care: levels of care, readiness, discharge summaries."""

from __future__ import annotations

import pytest

from facilitator.core import permissions as perm
from facilitator.core.permissions import NotSignedIn, PermissionDenied, Principal, UserRole

LEAD = Principal(10, "fay", "Fay Lead", UserRole.FACILITATOR, "CADC", needs_cosign=True, staff_id=1)
OTHER = Principal(11, "otto", "Otto Other", UserRole.FACILITATOR, staff_id=2)
SUPER = Principal(20, "sam", "Sam Super", UserRole.SUPERVISOR, "LCSW", staff_id=3)
ADMIN = Principal(30, "avery", "Avery Admin", UserRole.ADMINISTRATOR)
ALL = [LEAD, OTHER, SUPER, ADMIN]
GROUPS = [[1], [4]]  # the participant's groups: one led by staff 1 (LEAD), one by staff 4


def _allowed(fn, *args) -> set[str]:  # type: ignore[no-untyped-def]
    return {p.username for p in ALL if fn(p, *args)}


@pytest.mark.parametrize(
    ("rule", "args", "expected"),
    [
        (perm.can_view_care, (GROUPS,), {"fay", "sam"}),
        (perm.can_change_level_of_care, (GROUPS,), {"fay", "sam"}),
        (perm.can_view_readiness, (), {"sam"}),
        (perm.can_write_discharge, (GROUPS,), {"fay", "sam"}),
        (perm.can_edit_discharge, (10,), {"fay"}),
        (perm.can_edit_discharge, (30,), set()),  # an administrator writes no clinical record
        (perm.can_cosign_discharge, (10,), {"sam"}),
        (perm.can_cosign_discharge, (20,), set()),  # never their own
    ],
)
def test_rule_by_role(rule, args, expected) -> None:  # type: ignore[no-untyped-def]
    assert _allowed(rule, *args) == expected


@pytest.mark.parametrize(
    ("require", "args", "refused", "words"),
    [
        (perm.require_view_care, (GROUPS,), OTHER, "open to their group's facilitators"),
        (perm.require_change_level_of_care, (GROUPS,), ADMIN, "change of level of care"),
        (perm.require_view_readiness, (), LEAD, "Only supervisors"),
        (perm.require_write_discharge, (GROUPS,), OTHER, "write a discharge"),
        (perm.require_edit_discharge, (10,), SUPER, "author"),
        (perm.require_cosign_discharge, (10,), LEAD, "Only a supervisor"),
        (perm.require_cosign_discharge, (20,), SUPER, "your own discharge summary"),
    ],
)
def test_requires_refuse_nobody_and_the_wrong_person_with_a_sentence(require, args, refused, words) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotSignedIn):
        require(None, *args)
    with pytest.raises(PermissionDenied, match=words):
        require(refused, *args)


def test_requires_let_the_right_person_through() -> None:
    assert perm.require_view_care(LEAD, GROUPS) is LEAD
    assert perm.require_view_readiness(SUPER) is SUPER
    assert perm.require_cosign_discharge(SUPER, 10) is SUPER
    assert perm.require_edit_discharge(LEAD, 10) is LEAD
