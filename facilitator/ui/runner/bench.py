"""The timer benchmark's Qt half: the real runner window, the event loop, and the checks.

``facilitator bench timer`` (cli/bench.py) calls ``measure_timer``. Before every repaint
the countdown as shown ("4:59", "+0:12") is compared with the true remaining time, from
``time.monotonic()`` and the moment the run started: a countdown showing S is right while
the true remaining time is in (S-1, S]; the difference is how far outside that interval the
truth has moved (0 while the screen is right).
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
import time
from dataclasses import dataclass

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from ...core.agenda_clock import AgendaClock, WrapUpRule
from ...core.clock import SystemClock
from ...core.curriculum import AgendaItem, Curriculum, CurriculumSession, GroupType, ItemKind
from .chime import Chime
from .window import RunnerSettings, RunnerWindow


@dataclass(frozen=True)
class TimerBenchResult:
    differences_ms: tuple[float, ...]  # one per repaint, and one at the very end
    item_minutes: int
    wall_seconds: float
    cpu_seconds: float  # this process, all threads
    python_threads: int
    hashing_threads: int
    platform: str


def shown_interval(text: str) -> tuple[float, float]:
    """The true remaining times, (low, high], for which a countdown shows ``text``."""
    over = text.startswith("+")
    whole = 0
    for part in text.lstrip("+").split(":"):
        whole = whole * 60 + int(part)
    if over:
        return -whole - 1.0, -float(whole)
    return whole - 1.0, float(whole)


def difference(text: str, true_remaining: float) -> float:
    """Seconds by which ``true_remaining`` lies outside what ``text`` claims (0 when inside)."""
    low, high = shown_interval(text)
    if true_remaining > high:
        return true_remaining - high
    if true_remaining <= low:
        return low - true_remaining
    return 0.0


def _python_load(stop: threading.Event) -> None:
    """Pure Python: holds the interpreter lock, so the UI thread must win it back."""
    while not stop.is_set():
        total = 0
        for i in range(20000):
            total += i * i


def _hash_load(stop: threading.Event) -> None:
    """Hashing releases the interpreter lock: a CPU core kept busy outside Python."""
    block = os.urandom(4 << 20)
    while not stop.is_set():
        hashlib.sha256(block).digest()


def measure_timer(seconds: float, python_threads: int, hashing_threads: int) -> TimerBenchResult:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    # Half the run counts down and half counts up in overtime, so both displays are checked.
    minutes = max(1, round(seconds / 2 / 60))
    session = CurriculumSession(
        id="timer-benchmark",
        title="Timer benchmark",
        minutes=minutes,
        objectives=("Measure the countdown.",),
        agenda=(AgendaItem("Benchmark item", ItemKind.TEACHING, minutes),),
    )
    curriculum = Curriculum(
        id="benchmark",
        title="Benchmark",
        group_type=GroupType.SKILLS,
        summary="-",
        session_minutes=minutes,
        sessions=(session,),
    )
    clock = SystemClock()
    window = RunnerWindow(
        curriculum,
        session,
        AgendaClock(session.agenda, clock, minutes * 60),
        clock=clock,
        settings=RunnerSettings(WrapUpRule(), chime=False),
        store=None,
        chime=Chime(False),
    )
    window.ask_close = lambda: "keep"  # type: ignore[method-assign]
    window.show()

    planned = minutes * 60.0
    differences: list[float] = []
    started = [0.0]

    def probe() -> None:
        now = time.monotonic()
        differences.append(difference(window.big_clock.text(), planned - (now - started[0])) * 1000)

    stop = threading.Event()
    workers = [threading.Thread(target=_python_load, args=(stop,), daemon=True) for _ in range(python_threads)]
    workers += [threading.Thread(target=_hash_load, args=(stop,), daemon=True) for _ in range(hashing_threads)]
    for w in workers:
        w.start()
    cpu0, wall0 = time.process_time(), time.monotonic()

    loop = QEventLoop()  # a local loop: quitting it leaves the application (and its windows) alone

    def finish() -> None:
        probe()
        loop.quit()

    def begin() -> None:
        window.tick_probe = probe
        started[0] = time.monotonic()
        window._on_toggle()  # the Start control, as the Space key would
        QTimer.singleShot(int(seconds * 1000), finish)

    QTimer.singleShot(200, begin)  # let the window paint first
    loop.exec()
    cpu, wall = time.process_time() - cpu0, time.monotonic() - wall0
    stop.set()
    for w in workers:
        w.join(timeout=5)
    window.close()
    window.deleteLater()
    return TimerBenchResult(
        tuple(differences), minutes, wall, cpu, python_threads, hashing_threads, app.platformName()
    )
