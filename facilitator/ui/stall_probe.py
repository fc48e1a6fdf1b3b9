"""How long the GUI thread was kept from its event loop: the event-loop stall probe.

A precise timer asks to run every ``interval_ms``; each time it runs, the probe notes how
much later than asked it came. Anything on the GUI thread that blocks (a query, a PDF, a
password hash) shows up as a late tick of that many milliseconds. The day-of-use benchmark
runs one through a whole day of clicks; a developer can switch one on in the app with
``FACILITATOR_STALL_PROBE=1`` to have stalls over 100 ms written to the log.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, QTimer

log = logging.getLogger(__name__)


@dataclass
class StallReport:
    ticks: int = 0
    worst_ms: float = 0.0
    stalls: list[tuple[float, str]] = field(default_factory=list)  # (ms late, what was happening)

    def over(self, threshold_ms: float) -> list[tuple[float, str]]:
        return [s for s in self.stalls if s[0] > threshold_ms]


class StallProbe(QObject):
    def __init__(self, interval_ms: int = 10, record_over_ms: float = 50.0, log_over_ms: float | None = None) -> None:
        super().__init__()
        self.interval_ms = interval_ms
        self.record_over_ms = record_over_ms
        self.log_over_ms = log_over_ms
        self.report = StallReport()
        self.activity = ""  # the benchmark names what it is doing, so a stall can be traced
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0

    def start(self) -> None:
        self._last = time.monotonic()
        self._timer.start()

    def stop(self) -> StallReport:
        self._timer.stop()
        return self.report

    def _tick(self) -> None:
        now = time.monotonic()
        late_ms = (now - self._last) * 1000 - self.interval_ms
        self._last = now
        self.report.ticks += 1
        if late_ms > self.report.worst_ms:
            self.report.worst_ms = late_ms
        if late_ms > self.record_over_ms:
            self.report.stalls.append((late_ms, self.activity))
        if self.log_over_ms is not None and late_ms > self.log_over_ms:
            log.warning("The window did not respond for %.0f ms (%s)", late_ms, self.activity or "unknown")
