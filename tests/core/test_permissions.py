"""Every rule of core.permissions, for every role."""

from __future__ import annotations

import pytest

from facilitator.core import permissions as perm
from facilitator.core.permissions import NotSignedIn, PermissionDenied, Principal, UserRole

LEAD = Principal(10, "fay", "Fay Lead", UserRole.FACILITATOR, "CADC", needs_cosign=True, staff_id=1)
OTHER = Principal(11, "otto", "Otto Other", UserRole.FACILITATOR, staff_id=2)
SUPER = Principal(20, "sam", "Sam Super", UserRole.SUPERVISOR, "LCSW", staff_id=3)
SUPER2 = Principal(21, "sky", "Sky Second", UserRole.SUPERVISOR, "LPC")
ADMIN = Principal(30, "avery", "Avery Admin", UserRole.ADMINISTRATOR)
ALL = [LEAD, OTHER, SUPER, ADMIN]
GROUP_STAFF = [1]  # the group is led by staff 1 (LEAD)


def _allowed(fn, *args) -> set[str]:  # type: ignore[no-untyped-def]
    return {p.username for p in ALL if fn(p, *args)}


@pytest.mark.parametrize(
    ("rule", "args", "expected"),
    [
        (perm.can_manage_accounts, (), {"avery"}),
        (perm.can_manage_settings, (), {"avery"}),
        (perm.can_manage_rosters, (), {"avery"}),
        (perm.can_manage_backups, (), {"avery"}),
        (perm.can_view_audit, (), {"sam", "avery"}),
        (perm.can_view_group, (GROUP_STAFF,), {"fay", "sam", "avery"}),
        (perm.can_view_participant, ([GROUP_STAFF, [9]],), {"fay", "sam", "avery"}),
        (perm.can_view_participant, ([[9]],), {"sam", "avery"}),
        (perm.can_record_attendance, (GROUP_STAFF,), {"fay", "sam", "avery"}),
        (perm.can_run_session, (GROUP_STAFF,), {"fay", "sam"}),
        (perm.can_view_notes, (GROUP_STAFF,), {"fay", "sam"}),
        (perm.can_write_note, (GROUP_STAFF,), {"fay", "sam"}),
        (perm.can_edit_note, (LEAD.user_id,), {"fay"}),
        (perm.can_cosign, (LEAD.user_id,), {"sam"}),
        (perm.can_cosign, (SUPER.user_id,), set()),  # never one's own
        (perm.can_return_note, (LEAD.user_id,), {"sam"}),
        (perm.can_review_notes, (), {"sam"}),
        (perm.can_choose_note_format, (), {"sam", "avery"}),
        (perm.can_add_addendum, (LEAD.user_id,), {"fay", "sam"}),
        (perm.can_add_addendum, (ADMIN.user_id,), {"sam"}),  # an administrator never amends notes
        (perm.can_mark_entered_in_error, (LEAD.user_id,), {"fay", "sam"}),
        (perm.can_mark_entered_in_error, (OTHER.user_id,), {"otto", "sam"}),
        (perm.can_add_observation, (GROUP_STAFF,), {"fay", "sam"}),
        (perm.can_view_chart, ([GROUP_STAFF, [9]],), {"fay", "sam"}),
        (perm.can_view_chart, ([[9]],), {"sam"}),
        (perm.can_view_chart, ([],), {"sam"}),
    ],
)
def test_rule_by_role(rule, args, expected) -> None:  # type: ignore[no-untyped-def]
    assert _allowed(rule, *args) == expected


def test_a_facilitator_without_a_staff_link_leads_nothing() -> None:
    unlinked = Principal(12, "new", "New Hire", UserRole.FACILITATOR)
    assert not perm.can_view_group(unlinked, [1, 2, 3])


def test_another_supervisor_cosigns_a_supervisors_note() -> None:
    assert perm.can_cosign(SUPER2, SUPER.user_id)
    with pytest.raises(PermissionDenied, match="your own note"):
        perm.require_cosign(SUPER, SUPER.user_id)


@pytest.mark.parametrize(
    ("require", "args"),
    [
        (perm.require_manage_accounts, ()),
        (perm.require_manage_settings, ()),
        (perm.require_manage_rosters, ()),
        (perm.require_manage_backups, ()),
        (perm.require_view_audit, ()),
        (perm.require_view_group, (GROUP_STAFF,)),
        (perm.require_view_participant, ([GROUP_STAFF],)),
        (perm.require_record_attendance, (GROUP_STAFF,)),
        (perm.require_run_session, (GROUP_STAFF,)),
        (perm.require_view_notes, (GROUP_STAFF,)),
        (perm.require_write_note, (GROUP_STAFF,)),
        (perm.require_edit_note, (LEAD.user_id,)),
        (perm.require_cosign, (LEAD.user_id,)),
        (perm.require_return_note, (LEAD.user_id,)),
        (perm.require_review_notes, ()),
        (perm.require_choose_note_format, ()),
        (perm.require_add_addendum, (LEAD.user_id,)),
        (perm.require_mark_entered_in_error, (LEAD.user_id,)),
        (perm.require_add_observation, (GROUP_STAFF,)),
        (perm.require_view_chart, ([GROUP_STAFF],)),
    ],
)
def test_requires_refuse_nobody_and_the_wrong_role_with_a_sentence(require, args) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotSignedIn, match="sign in"):
        require(None, *args)
    refused = [p for p in ALL if not _passes(require, p, *args)]
    assert refused, "every rule refuses someone"
    for p in refused:
        with pytest.raises(PermissionDenied) as info:
            require(p, *args)
        sentence = str(info.value)
        assert sentence[0].isupper() and sentence.endswith(".")


def _passes(require, p, *args) -> bool:  # type: ignore[no-untyped-def]
    try:
        return require(p, *args) is p
    except PermissionDenied:
        return False


def test_signature_has_credentials() -> None:
    assert SUPER.signature == "Sam Super, LCSW" and ADMIN.signature == "Avery Admin"
