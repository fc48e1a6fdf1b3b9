"""Who may record and read measures, and how a curriculum's check-in names its ratings."""

from __future__ import annotations

import pytest

from facilitator.core import permissions as perm
from facilitator.core.loader import check_curriculum
from facilitator.core.permissions import NotSignedIn, PermissionDenied, Principal, UserRole

LEAD = Principal(10, "fay", "Fay Lead", UserRole.FACILITATOR, "CADC", needs_cosign=True, staff_id=1)
OTHER = Principal(11, "otto", "Otto Other", UserRole.FACILITATOR, staff_id=2)
SUPER = Principal(20, "sam", "Sam Super", UserRole.SUPERVISOR, "LCSW", staff_id=3)
ADMIN = Principal(30, "avery", "Avery Admin", UserRole.ADMINISTRATOR, staff_id=1)  # even linked to the lead's staff
ALL = [LEAD, OTHER, SUPER, ADMIN]
GROUPS = [[1], [9]]  # the participant's groups: one led by staff 1 (LEAD), one by staff 9


@pytest.mark.parametrize(
    ("rule", "args", "expected"),
    [
        (perm.can_record_measures, (GROUPS,), {"fay", "sam"}),
        (perm.can_record_measures, ([[9]],), {"sam"}),
        (perm.can_record_measures, ([],), {"sam"}),
        (perm.can_view_measures, (GROUPS,), {"fay", "sam"}),
        (perm.can_view_measures, ([[9]],), {"sam"}),
        (perm.can_view_flags, (GROUPS,), {"fay", "sam"}),
        (perm.can_acknowledge_flag, (GROUPS,), {"fay", "sam"}),
        (perm.can_acknowledge_flag, ([[2]],), {"otto", "sam"}),
    ],
)
def test_measure_rules_by_role(rule, args, expected) -> None:  # type: ignore[no-untyped-def]
    assert {p.username for p in ALL if rule(p, *args)} == expected


@pytest.mark.parametrize(
    "require",
    [perm.require_record_measures, perm.require_view_measures, perm.require_view_flags, perm.require_acknowledge_flag],
)
def test_measure_requires_refuse_with_a_sentence(require) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotSignedIn):
        require(None, GROUPS)
    assert require(LEAD, GROUPS) is LEAD
    for p in (OTHER, ADMIN):
        with pytest.raises(PermissionDenied) as info:
            require(p, GROUPS)
        sentence = str(info.value)
        assert sentence[0].isupper() and sentence.endswith(".")


CURRICULUM = """format: 1
id: ratings-sample
title: Ratings sample
group_type: skills
summary: One session.
session_minutes: 30
sessions:
  - id: one
    title: One
    objectives: [Rate.]
    agenda:
      - {title: Check-in, kind: check-in, minutes: 10RATINGS}
      - {title: Talk, kind: discussion, minutes: 20}
"""


def _load(ratings: str, text: str = CURRICULUM) -> tuple[object, list[str]]:
    curriculum, found = check_curriculum(text.replace("RATINGS", ratings), "f.yaml")
    return curriculum, [str(p) for p in found]


def test_a_check_in_names_its_ratings_and_defaults_to_craving() -> None:
    curriculum, found = _load("")
    assert found == []
    assert curriculum.sessions[0].agenda[0].ratings is None  # type: ignore[attr-defined]
    curriculum, found = _load(", ratings: [craving, confidence]")
    assert found == [] and curriculum.sessions[0].agenda[0].ratings == ("craving", "confidence")  # type: ignore[attr-defined]
    curriculum, found = _load(", ratings: []")
    assert found == [] and curriculum.sessions[0].agenda[0].ratings == ()  # type: ignore[attr-defined]


def test_bad_ratings_are_reported_at_their_place() -> None:
    _, found = _load(", ratings: [cravings]")
    assert found == [
        "f.yaml:12:66: session 1 (one), agenda item 1: 'ratings' item 1 must be one of craving, confidence, "
        "stress, not 'cravings' (did you mean 'craving'?)"
    ]
    _, found = _load(", ratings: [craving, craving]")
    assert len(found) == 1 and "'craving' is named twice" in found[0]
    _, found = _load(", ratings: craving")
    assert len(found) == 1 and "'ratings' must be a list" in found[0]
    text = CURRICULUM.replace("kind: discussion, minutes: 20}", "kind: discussion, minutes: 20, ratings: [stress]}")
    _, found = _load("", text)
    assert found == [
        "f.yaml:13:54: session 1 (one), agenda item 2: 'ratings' is only allowed when kind is 'check-in' "
        "(kind is 'discussion')"
    ]
