"""Role rotation: every player takes each role as evenly as the rounds allow."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.core.rotation import plan_rotation, player_label, role_slots

ROLES = ("Offerer", "Refuser", "Observer")


def test_three_players_three_roles_follow_the_script_order() -> None:
    plan = plan_rotation(["Ana", "Ben", "Cy"], ROLES, 3)
    assert plan.warnings == ()
    first, second, third = plan.rounds
    assert [first.role_of(p) for p in range(3)] == ["Offerer", "Refuser", "Observer"]
    # The Offerer becomes the Refuser, the Refuser the Observer: Offerer -> Refuser -> Observer.
    assert [second.role_of(p) for p in range(3)] == ["Refuser", "Observer", "Offerer"]
    assert [third.role_of(p) for p in range(3)] == ["Observer", "Offerer", "Refuser"]
    assert all(c == {r: 1 for r in ROLES} for c in plan.counts().values())


def test_every_round_fills_every_role_with_different_players() -> None:
    plan = plan_rotation([f"P{i}" for i in range(7)], ROLES, 9)
    for rnd in plan.rounds:
        (team,) = rnd.teams
        seated = [s.player for s in team.seats]
        assert None not in seated and len(set(seated)) == 3
        assert sorted(seated + list(team.watching)) == list(range(7))


def test_extra_players_watch_in_turn() -> None:
    plan = plan_rotation(["A", "B", "C", "D", "E"], ROLES, 5)
    assert set(plan.turns().values()) == {3}
    for counts in plan.counts().values():
        assert set(counts.values()) == {1}


def test_fewer_players_than_roles_says_so_and_still_rotates() -> None:
    plan = plan_rotation(["A", "B"], ROLES, 3)
    assert any("2 players for 3 roles" in w and "facilitator" in w for w in plan.warnings)
    for rnd in plan.rounds:
        (team,) = rnd.teams
        assert sum(s.player is None for s in team.seats) == 1
    for counts in plan.counts().values():
        assert set(counts.values()) == {1}


def test_no_players_yet() -> None:
    plan = plan_rotation([], ROLES, 2)
    assert any("No players" in w for w in plan.warnings)
    assert all(s.player is None for s in plan.round(1).teams[0].seats)


def test_too_few_rounds_for_everyone_is_explained() -> None:
    plan = plan_rotation(["A", "B", "C", "D"], ROLES, 2)
    assert any("not everyone can take every role" in w for w in plan.warnings)
    for counts in plan.counts().values():
        assert max(counts.values()) <= 1


def test_small_groups_split_the_room_and_rotate_inside_each_group() -> None:
    players = [f"P{i}" for i in range(10)]
    plan = plan_rotation(players, ROLES, 3, small_groups=True)
    assert plan.teams == 3
    groups = [set(s.player for s in t.seats) | set(t.watching) for t in plan.round(1).teams]
    assert sorted(len(g) for g in groups) == [3, 3, 4]
    assert set().union(*groups) == set(range(10))
    assert [t.label for t in plan.round(1).teams] == ["Group A", "Group B", "Group C"]
    for rnd in plan.rounds[1:]:
        assert [set(s.player for s in t.seats) | set(t.watching) for t in rnd.teams] == groups
    # In the groups of three, three rounds give everyone every role once.
    for p in groups[1] if len(groups[1]) == 3 else groups[0]:
        assert set(plan.counts()[p].values()) == {1}


def test_small_groups_need_people_for_two_groups() -> None:
    plan = plan_rotation(["A", "B", "C", "D", "E"], ROLES, 3, small_groups=True)
    assert plan.teams == 1
    assert any("at least 6 players" in w for w in plan.warnings)


def test_round_lookup_is_clamped() -> None:
    plan = plan_rotation(["A", "B", "C"], ROLES, 2)
    assert plan.round(0).round == 1 and plan.round(9).round == 2
    assert player_label(0) == "Player 1"


def test_slots_spread_watchers_between_roles() -> None:
    assert role_slots(3, 3) == [0, 1, 2]
    assert role_slots(6, 3) == [0, None, 1, None, 2, None]
    assert role_slots(2, 3) == [0, 1, 2]


def test_every_role_needs_roles() -> None:
    with pytest.raises(ValueError):
        plan_rotation(["A"], (), 1)


@pytest.mark.parametrize(("players", "roles"), list(itertools.product(range(1, 13), range(2, 7))))
def test_evenness_over_all_small_cases(players: int, roles: int) -> None:
    role_names = [f"R{j}" for j in range(roles)]
    for rounds in range(1, 2 * max(players, roles) + 2):
        plan = plan_rotation([f"P{i}" for i in range(players)], role_names, rounds)
        counts = plan.counts()
        # Each player: no role taken twice more than another.
        for per_role in counts.values():
            assert max(per_role.values()) - min(per_role.values()) <= 1
        # Across players: turns differ by at most one.
        turns = plan.turns().values()
        assert max(turns) - min(turns) <= 1
        # Each round: no player holds two roles; all roles filled when there are enough players.
        for rnd in plan.rounds:
            seated = [s.player for s in rnd.teams[0].seats if s.player is not None]
            assert len(seated) == len(set(seated)) == min(players, roles)


@given(st.integers(2, 30), st.integers(2, 6), st.integers(1, 12), st.booleans())
def test_evenness_property(players: int, roles: int, rounds: int, small: bool) -> None:
    plan = plan_rotation([f"P{i}" for i in range(players)], [f"R{j}" for j in range(roles)], rounds, small_groups=small)
    for team_index in range(plan.teams):
        members = {s.player for s in plan.round(1).teams[team_index].seats} | set(
            plan.round(1).teams[team_index].watching
        )
        members.discard(None)
        turns = [plan.turns()[p] for p in members]
        assert max(turns) - min(turns) <= 1
    for per_role in plan.counts().values():
        assert max(per_role.values()) - min(per_role.values()) <= 1
