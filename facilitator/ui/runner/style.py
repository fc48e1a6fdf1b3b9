"""Colours of the timer states, for the facilitator's window (light, or high contrast) and the room display (dark).

The state is never told by colour alone: a word ("Wrap up", "Overtime", "Paused") goes with it.
"""

from __future__ import annotations

from ...core.agenda_clock import TimerState

# Facilitator's window: dark text on a light background.
RUNNER_COLOURS = {
    None: "#37474f",
    TimerState.RUNNING: "#1b5e20",
    TimerState.WRAP_UP: "#9a5b00",
    TimerState.OVERTIME: "#b71c1c",
}
RUNNER_PAUSED = "#607d8b"

# Room display: bright text on black, readable from the back of a room on a projector.
ROOM_TEXT = {
    None: "#eceff1",
    TimerState.RUNNING: "#66bb6a",
    TimerState.WRAP_UP: "#ffc107",
    TimerState.OVERTIME: "#ff5252",
}
ROOM_BACKGROUND = {
    None: "#000000",
    TimerState.RUNNING: "#000000",
    TimerState.WRAP_UP: "#120c00",
    TimerState.OVERTIME: "#2a0000",
}
ROOM_PAUSED = "#b0bec5"

# High contrast, facilitator's window: bright colours on black, each at least 7:1.
RUNNER_COLOURS_HIGH_CONTRAST = {
    None: "#ffffff",
    TimerState.RUNNING: "#00ff66",
    TimerState.WRAP_UP: "#ffff00",
    TimerState.OVERTIME: "#ff8080",
}
RUNNER_PAUSED_HIGH_CONTRAST = "#ffffff"
# The clock's frame background behind the big clock, by state.
RUNNER_CLOCK_BACKGROUND = {TimerState.WRAP_UP: "#fff8e1", TimerState.OVERTIME: "#ffebee"}
RUNNER_CLOCK_BACKGROUND_DEFAULT = "#f7f9f7"
# Running ahead of / behind the slot.
RUNNER_BALANCE = {"behind": "#b71c1c", "ahead": "#1b5e20", "even": "#37474f"}
RUNNER_BALANCE_HIGH_CONTRAST = {"behind": "#ff8080", "ahead": "#00ff66", "even": "#ffffff"}


def runner_clock_colours(state: TimerState | None, paused: bool, high_contrast: bool) -> tuple[str, str]:
    """(text and frame colour, background) of the runner's big clock in this state."""
    if high_contrast:
        return (RUNNER_PAUSED_HIGH_CONTRAST if paused else RUNNER_COLOURS_HIGH_CONTRAST[state]), "#000000"
    colour = RUNNER_PAUSED if paused else RUNNER_COLOURS[state]
    return colour, RUNNER_CLOCK_BACKGROUND.get(state, RUNNER_CLOCK_BACKGROUND_DEFAULT)  # type: ignore[arg-type]


def runner_balance_colour(balance_seconds: float, high_contrast: bool) -> str:
    table = RUNNER_BALANCE_HIGH_CONTRAST if high_contrast else RUNNER_BALANCE
    return table["behind" if balance_seconds >= 60 else ("ahead" if balance_seconds <= -60 else "even")]


def room_colours(state: TimerState | None, paused: bool, high_contrast: bool) -> tuple[str, str, str]:
    """(background, text, timer and banner colour) of the room display. High contrast: white on black;
    the banner's word ("Wrap up", "Overtime", "Paused") tells the state."""
    if high_contrast:
        return "#000000", "#ffffff", "#ffffff"
    return ROOM_BACKGROUND[state], "#eceff1", ROOM_PAUSED if paused else ROOM_TEXT[state]
