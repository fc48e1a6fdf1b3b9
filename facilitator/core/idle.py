"""When to lock an unattended workstation: activity marks the time, a check compares.

The UI marks activity from an event filter and checks on a coarse timer; the decision is
taken from the injected clock, never from counting timer ticks, so a blocked or late timer
cannot stretch the idle time and a test can move the clock instead of waiting.
"""

from __future__ import annotations

from .clinic_settings import SETTINGS
from .clock import Clock

# The clinic setting ``idle_lock_minutes`` (declared with its range in ``clinic_settings``).
DEFAULT_IDLE_LOCK_MINUTES = float(SETTINGS["idle_lock_minutes"].default)


class IdleTracker:
    def __init__(self, clock: Clock, timeout_seconds: float = DEFAULT_IDLE_LOCK_MINUTES * 60) -> None:
        self._clock = clock
        self.timeout_seconds = timeout_seconds
        self._last_activity = clock.monotonic()

    def touch(self) -> None:
        """Someone used the keyboard or mouse."""
        self._last_activity = self._clock.monotonic()

    def idle_seconds(self) -> float:
        return max(0.0, self._clock.monotonic() - self._last_activity)

    def should_lock(self) -> bool:
        """True once nobody has touched the workstation for the timeout (0 or less: never)."""
        return self.timeout_seconds > 0 and self.idle_seconds() >= self.timeout_seconds

    def seconds_until_lock(self) -> float:
        return max(0.0, self.timeout_seconds - self.idle_seconds())

