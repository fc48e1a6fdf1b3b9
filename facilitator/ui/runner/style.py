"""Colours of the timer states, for the facilitator's window (light) and the room display (dark).

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
