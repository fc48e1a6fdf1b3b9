"""What the room display shows, as plain data, with the privacy rules in one place.

The room display faces the group (a projector or a TV), so it shows only curriculum text
meant for participants (titles, prompts, display text, scenario, role names, debrief
questions) and the timers. It never shows the facilitator's script, and it names players
only as "Player 1", "Player 2"... unless the facilitator has turned on first names for
role plays. Keeping these rules here (not in a widget) lets a Qt-free test hold them.

The display speaks the group's language (the curriculum's), whatever language the
facilitator's screens are in: its words come from the translation catalogue
(core/catalogue.py) under the context "RoomView".
"""

from __future__ import annotations

from dataclasses import dataclass

from .agenda_clock import RunStatus, RunView, TimerState, format_clock
from .catalogue import QT_TRANSLATE_NOOP, translate
from .curriculum import AgendaItem
from .rotation import GROUP_LETTERS, RotationPlan, RoundPlan

CONTEXT = "RoomView"
# The timer's state as the banner says it (a running timer needs no banner).
BANNERS = {
    TimerState.WRAP_UP: QT_TRANSLATE_NOOP("RoomView", "Wrap up"),
    TimerState.OVERTIME: QT_TRANSLATE_NOOP("RoomView", "Overtime"),
}
# Marked for the catalogue here; used above through say().
_WORDS = (
    QT_TRANSLATE_NOOP("RoomView", "Session ended"),
    QT_TRANSLATE_NOOP("RoomView", "Thank you"),
    QT_TRANSLATE_NOOP("RoomView", "Welcome"),
    QT_TRANSLATE_NOOP("RoomView", "Starting soon"),
    QT_TRANSLATE_NOOP("RoomView", "First: {title}"),
    QT_TRANSLATE_NOOP("RoomView", "Paused"),
    QT_TRANSLATE_NOOP("RoomView", "Debrief"),
    QT_TRANSLATE_NOOP("RoomView", "Round {round} of {rounds} · {phase}"),
    QT_TRANSLATE_NOOP("RoomView", "facilitator or open"),
    QT_TRANSLATE_NOOP("RoomView", "Player {number}"),
    QT_TRANSLATE_NOOP("RoomView", "{role}: {player}"),
    QT_TRANSLATE_NOOP("RoomView", "{seats} · Watching: {players}"),
    QT_TRANSLATE_NOOP("RoomView", "Group {letter} — {seats}"),
)


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
    paused: bool = False  # the banner says so in the group's language; the colour follows this

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
    language: str = "en",
) -> RoomView:
    """The display for the run as it is now; ``item`` is the current agenda item's curriculum text.

    ``language`` is the group's (the curriculum's language tag): every word the display adds
    around the curriculum's own text is in it.
    """

    def say(text: str) -> str:
        return translate(language, CONTEXT, text)

    if view.status is RunStatus.ENDED:
        return RoomView(
            title=session_title or say("Session ended"), timer="", state=None, banner=say("Thank you"), lines=()
        )
    if view.current is None or item is None:
        first = next((r for r in view.items if r.status.value == "pending"), None)
        return RoomView(
            title=session_title or say("Welcome"),
            timer=format_clock(first.planned_seconds) if first else "",
            state=None,
            banner=say("Starting soon"),
            lines=(say("First: {title}").format(title=first.title),) if first else (),
        )
    cur = view.current
    if view.paused:
        banner = say("Paused")
    elif cur.state is TimerState.RUNNING:
        banner = ""
    else:
        banner = say(BANNERS[cur.state])
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
            phase = say("Debrief")
            lines = list(item.role_play.debrief) or lines
        else:
            phase = say("Round {round} of {rounds} · {phase}").format(
                round=rp_view.round, rounds=rp_view.rounds, phase=rp_view.phase_name
            )
            phase_timer = format_clock(rp_view.phase_remaining)
            if plan is not None and plan.players:
                roles = role_lines(
                    plan, plan.round(rp_view.round), show_first_names=show_first_names, language=language
                )
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
        paused=view.paused,
    )


def numbered_name(index: int, name: str) -> str:
    """A player's room-display number beside their name, for the facilitator's screen only: "1 · Sam"."""
    return f"{index + 1} · {name}"


def role_lines(
    plan: RotationPlan, rnd: RoundPlan, *, show_first_names: bool, language: str = "en"
) -> tuple[str, ...]:
    """One line per group: who has which role, and who watches."""

    def say(text: str) -> str:
        return translate(language, CONTEXT, text)

    def who(index: int | None) -> str:
        if index is None:
            return say("facilitator or open")
        return plan.players[index] if show_first_names else say("Player {number}").format(number=index + 1)

    lines = []
    for team in rnd.teams:
        seats = " · ".join(say("{role}: {player}").format(role=seat.role, player=who(seat.player)) for seat in team.seats)
        if team.watching:
            seats = say("{seats} · Watching: {players}").format(seats=seats, players=", ".join(who(p) for p in team.watching))
        if len(rnd.teams) > 1:
            seats = say("Group {letter} — {seats}").format(letter=GROUP_LETTERS[team.team % len(GROUP_LETTERS)], seats=seats)
        lines.append(seats)
    return tuple(lines)
