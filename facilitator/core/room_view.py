"""What the room display shows, as plain data, with the privacy rules in one place.

The room display faces the group (a projector or a TV), so it shows only curriculum text
meant for participants (titles, prompts, display text, scenario, role names, debrief
questions) and the timers. It never shows the facilitator's script, and it names players
only as "Player 1", "Player 2"... unless the facilitator has turned on first names for
role plays. Keeping these rules here (not in a widget) lets a Qt-free test hold them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .agenda_clock import RunStatus, RunView, TimerState, format_clock
from .curriculum import AgendaItem
from .rotation import RotationPlan, RoundPlan, player_label


@dataclass(frozen=True)
class RoomView:
    title: str
    timer: str
    state: TimerState | None  # None before the start and after the end
    banner: str  # "Paused", "Wrap up", "Overtime", "" ...
    lines: tuple[str, ...]  # display text and prompts, or the debrief questions
    scenario: str = ""
    phase: str = ""  # "Round 2 of 3 · Play"
    phase_timer: str = ""
    roles: tuple[str, ...] = ()  # "Offerer: Player 1", or "Group A — Offerer: Player 1 · Refuser: ..."

    def all_text(self) -> str:
        """Every word on the display, for tests and the accessibility tree."""
        return "\n".join(
            [self.title, self.timer, self.banner, *self.lines, self.scenario, self.phase, self.phase_timer, *self.roles]
        )


def build_room_view(
    view: RunView,
    item: AgendaItem | None,
    plan: RotationPlan | None = None,
    *,
    show_first_names: bool = False,
    session_title: str = "",
) -> RoomView:
    """The display for the run as it is now; ``item`` is the current agenda item's curriculum text."""
    if view.status is RunStatus.ENDED:
        return RoomView(title=session_title or "Session ended", timer="", state=None, banner="Thank you", lines=())
    if view.current is None or item is None:
        first = next((r for r in view.items if r.status.value == "pending"), None)
        return RoomView(
            title=session_title or "Welcome",
            timer=format_clock(first.planned_seconds) if first else "",
            state=None,
            banner="Starting soon",
            lines=(f"First: {first.title}",) if first else (),
        )
    cur = view.current
    banner = "Paused" if view.paused else (cur.state.label if cur.state is not TimerState.RUNNING else "")
    lines: list[str] = []
    if item.display:
        lines += [line for line in item.display.splitlines() if line.strip()]
    lines += list(item.prompts)
    scenario = phase = phase_timer = ""
    roles: tuple[str, ...] = ()
    rp_view = cur.role_play
    if item.role_play is not None and rp_view is not None:
        scenario = item.role_play.scenario
        if rp_view.in_debrief:
            phase = "Debrief"
            lines = list(item.role_play.debrief) or lines
        else:
            phase = f"Round {rp_view.round} of {rp_view.rounds} · {rp_view.phase_name}"
            phase_timer = format_clock(rp_view.phase_remaining)
            if plan is not None and plan.players:
                roles = role_lines(plan, plan.round(rp_view.round), show_first_names=show_first_names)
    return RoomView(
        title=cur.title,
        timer=format_clock(cur.remaining_seconds),
        state=cur.state,
        banner=banner,
        lines=tuple(lines),
        scenario=scenario,
        phase=phase,
        phase_timer=phase_timer,
        roles=roles,
    )


def numbered_name(index: int, name: str) -> str:
    """A player's room-display number beside their name, for the facilitator's screen only: "1 · Sam"."""
    return f"{index + 1} · {name}"


def role_lines(plan: RotationPlan, rnd: RoundPlan, *, show_first_names: bool) -> tuple[str, ...]:
    """One line per group: who has which role, and who watches."""

    def who(index: int | None) -> str:
        if index is None:
            return "facilitator or open"
        return plan.players[index] if show_first_names else player_label(index)

    lines = []
    for team in rnd.teams:
        seats = " · ".join(f"{seat.role}: {who(seat.player)}" for seat in team.seats)
        watch = f" · Watching: {', '.join(who(p) for p in team.watching)}" if team.watching else ""
        prefix = f"{team.label} — " if len(rnd.teams) > 1 else ""
        lines.append(prefix + seats + watch)
    return tuple(lines)
