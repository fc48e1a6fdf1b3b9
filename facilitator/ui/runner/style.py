"""Colours of the timer states, for the facilitator's window and the room display, by ink name.

The inks themselves are in ``facilitator.ui.style`` (one table per theme). The state is never told
by colour alone: a word ("Wrap up", "Overtime", "Paused") goes with it.
"""

from __future__ import annotations

from ...core.agenda_clock import TimerState
from ..style import INK

STATE_NAMES = {None: "idle", TimerState.RUNNING: "running", TimerState.WRAP_UP: "wrap_up", TimerState.OVERTIME: "overtime"}
_BACKGROUNDS = {TimerState.WRAP_UP: "_wrap_up", TimerState.OVERTIME: "_overtime"}


def clock_ink(state: TimerState | None, paused: bool) -> str:
    """The name of the state's ink: ``paused``, ``idle``, ``running``, ``wrap_up`` or ``overtime``."""
    return "paused" if paused else STATE_NAMES[state]


def runner_clock_colours(state: TimerState | None, paused: bool, high_contrast: bool) -> tuple[str, str]:
    """(text and frame colour, background) of the runner's big clock in this state."""
    colours = INK[high_contrast]
    return colours[f"clock_{clock_ink(state, paused)}"], colours["clock_back" + _BACKGROUNDS.get(state, "")]  # type: ignore[arg-type]


def runner_balance_colour(balance_seconds: float, high_contrast: bool) -> str:
    """Behind the plan (overtime's ink), ahead of it (running's), or about even (idle's)."""
    state = "overtime" if balance_seconds >= 60 else ("running" if balance_seconds <= -60 else "idle")
    return INK[high_contrast][f"clock_{state}"]


def room_colours(state: TimerState | None, paused: bool, high_contrast: bool) -> tuple[str, str, str]:
    """(background, text, timer and banner colour) of the room display."""
    colours = INK[high_contrast]
    return (
        colours["room" + _BACKGROUNDS.get(state, "")],  # type: ignore[arg-type]
        colours["room_text"],
        colours[f"room_clock_{clock_ink(state, paused)}"],
    )
