"""The session runner: agenda and role-play timers, and the room display.

``RunnerLauncher`` (one per main window) starts, resumes and offers to resume runs;
``RunnerWindow`` is the facilitator's window; ``RoomDisplay`` is the window the group sees.
"""

from .display import RoomDisplay
from .launcher import RunnerLauncher, load_runner_settings
from .window import PlayerInput, RunnerSettings, RunnerWindow, parse_players

__all__ = [
    "PlayerInput",
    "RoomDisplay",
    "RunnerLauncher",
    "RunnerSettings",
    "RunnerWindow",
    "load_runner_settings",
    "parse_players",
]
