"""Time sources, injected everywhere so tests never sleep and timers never drift.

``monotonic()`` measures intervals (never jumps with the wall clock); ``now()`` stamps
records in aware UTC. Code asks the clock it was given, never ``time`` or ``datetime``.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds from an arbitrary start; only differences mean anything."""

    def now(self) -> datetime:
        """The wall-clock time, timezone-aware UTC."""


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock that moves only when told to; ``advance`` moves both readings together."""

    def __init__(self, start: datetime | None = None, monotonic_start: float = 1000.0) -> None:
        self._mono = monotonic_start
        self._wall = start or datetime(2026, 11, 2, 17, 0, tzinfo=UTC)

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> datetime:
        return self._wall

    def advance(self, seconds: float) -> None:
        self._mono += seconds
        self._wall += timedelta(seconds=seconds)
