"""Who plays which role in each round of a role play, so that everyone takes each role in turn.

The rule: players sit in a circle of *slots*, one slot per role plus, when there are more
players than roles, "watching" slots spread evenly between them. Each round every player
moves one slot on. So in one full turn of the circle each player takes every role once and
watches the same number of times as everyone else; over fewer rounds no player repeats a
role before trying the others, and the number of turns each player gets differs by at most
one (the watching slots are spread like the leap days of a calendar, so any run of rounds
holds nearly the same number of them).

With fewer players than roles, each round leaves a role without a player (the facilitator
can take it) and the plan says so. A large group can instead play in small groups at once
(as a "split into threes" script asks): players are dealt into groups of at least as many
people as roles, and each group rotates on its own.

Seats hold a player's *index* in the list typed in, never the name, so what the room
display shows ("Player 3") is decided elsewhere and a name cannot leak by accident.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

GROUP_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class Seat:
    role: str
    player: int | None  # index into the plan's players; None: nobody this round


@dataclass(frozen=True)
class TeamRound:
    team: int  # 0-based; shown as "Group A", "Group B", ...
    seats: tuple[Seat, ...]
    watching: tuple[int, ...]  # players without a role this round: they watch and give feedback

    @property
    def label(self) -> str:
        return "Group " + GROUP_LETTERS[self.team % len(GROUP_LETTERS)]


@dataclass(frozen=True)
class RoundPlan:
    round: int  # 1-based
    teams: tuple[TeamRound, ...]

    def role_of(self, player: int) -> str | None:
        for team in self.teams:
            for seat in team.seats:
                if seat.player == player:
                    return seat.role
        return None


@dataclass(frozen=True)
class RotationPlan:
    players: tuple[str, ...]
    roles: tuple[str, ...]
    rounds: tuple[RoundPlan, ...]
    teams: int
    warnings: tuple[str, ...] = ()

    def round(self, number: int) -> RoundPlan:
        """The plan for round ``number`` (1-based), clamped into the plan's range."""
        if not self.rounds:
            raise ValueError("a plan with no rounds")
        return self.rounds[min(max(number, 1), len(self.rounds)) - 1]

    def counts(self) -> dict[int, dict[str, int]]:
        """How many times each player takes each role over the whole plan."""
        table = {p: {r: 0 for r in self.roles} for p in range(len(self.players))}
        for rnd in self.rounds:
            for team in rnd.teams:
                for seat in team.seats:
                    if seat.player is not None:
                        table[seat.player][seat.role] += 1
        return table

    def turns(self) -> dict[int, int]:
        """How many rounds each player has a role in."""
        return {p: sum(c.values()) for p, c in self.counts().items()}


def role_slots(players: int, roles: int) -> list[int | None]:
    """The circle: for each slot, the role index it holds, or None for a watching slot."""
    size = max(players, roles)
    slots: list[int | None] = [None] * size
    for j in range(roles):
        slots[math.ceil(j * size / roles)] = j
    return slots


def rotate_team(members: Sequence[int], roles: Sequence[str], round_index: int, team: int = 0) -> TeamRound:
    """One group's seats in round ``round_index`` (0-based): player i sits in slot (i + round)."""
    slots = role_slots(len(members), len(roles))
    size = len(slots)
    holder: dict[int, int] = {}
    watching: list[int] = []
    for i, player in enumerate(members):
        slot = slots[(i + round_index) % size]
        if slot is None:
            watching.append(player)
        else:
            holder[slot] = player
    seats = tuple(Seat(role, holder.get(j)) for j, role in enumerate(roles))
    return TeamRound(team, seats, tuple(watching))


def team_count(players: int, roles: int, small_groups: bool) -> int:
    """How many groups play at once: small groups only when there are people for two or more."""
    if not small_groups or roles <= 0:
        return 1
    return max(1, players // roles)


def plan_rotation(
    players: Sequence[str],
    roles: Sequence[str],
    rounds: int,
    *,
    small_groups: bool = False,
) -> RotationPlan:
    """Seats for every round; ``warnings`` explains what cannot be even (too few players)."""
    if not roles:
        raise ValueError("a role play needs roles")
    rounds = max(1, rounds)
    n, k = len(players), len(roles)
    groups = team_count(n, k, small_groups)
    members = [list(range(n))[t::groups] for t in range(groups)]
    plan_rounds = tuple(
        RoundPlan(r + 1, tuple(rotate_team(m, roles, r, t) for t, m in enumerate(members))) for r in range(rounds)
    )
    warnings: list[str] = []
    if n == 0:
        warnings.append("No players yet: type the players' first names or initials to share out the roles.")
    elif n < k:
        missing = k - n
        warnings.append(
            f"{n} player{'s' if n != 1 else ''} for {k} roles: each round {missing} role"
            f"{'s have' if missing != 1 else ' has'} no player; the facilitator can take "
            f"{'them' if missing != 1 else 'it'}, and roles still rotate."
        )
    elif small_groups and groups == 1 and n >= k:
        warnings.append(f"Small groups need at least {2 * k} players for {k} roles; everyone plays in one group.")
    if n > 0 and rounds < max(len(m) for m in members) and n >= k:
        size = max(len(m) for m in members)
        warnings.append(
            f"With {rounds} round{'s' if rounds != 1 else ''} and {size} players in a group, "
            "not everyone can take every role; nobody repeats a role before trying the others."
        )
    return RotationPlan(tuple(players), tuple(roles), plan_rounds, groups, tuple(warnings))


def player_label(index: int) -> str:
    """The room display's name for a player when first names are off."""
    return f"Player {index + 1}"
