"""``facilitator bench timer``: how far the runner's countdown strays from true time under load.

No account is needed: the benchmark opens no database and touches no record. It builds the
real session runner window on a synthetic one-item session, starts it, and keeps the CPU
busy from other threads (pure-Python loops that contend for the interpreter lock, and
hashing that keeps cores busy outside it) while the Qt event loop runs for N seconds. Before
every repaint it compares the countdown shown with the true remaining time (see
facilitator/ui/runner/bench.py). The last line printed is the largest difference, in ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys

from ..config import AppConfig


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    bench = commands.add_parser(
        "bench",
        help="measure Facilitator's own performance (no account needed)",
        description="Measure Facilitator's own performance on this computer. Opens no database.",
    )
    sub = bench.add_subparsers(dest="bench_command", metavar="BENCHMARK", required=True)
    timer = sub.add_parser(
        "timer",
        help="how far the session runner's countdown strays from true time while the CPU is busy",
        description="Run the session runner's clock in the Qt event loop for N seconds while other threads load "
        "the CPU, and compare the countdown shown with the true remaining time before every repaint. "
        "The last line printed is the largest difference in milliseconds.",
    )
    timer.add_argument(
        "--seconds", type=float, default=60.0, metavar="N", help="how long to run, in seconds (default: 60)"
    )
    timer.add_argument(
        "--threads",
        type=int,
        default=0,
        metavar="K",
        help="load threads, half pure Python and half hashing (default, or 0: two per CPU core)",
    )
    timer.add_argument("--no-load", action="store_true", help="run without load threads, for comparison")
    timer.set_defaults(handler=run_timer)


def run_timer(args: argparse.Namespace, config: AppConfig) -> int:
    from . import EXIT_USAGE, CommandError

    seconds = float(args.seconds)
    if not 0 < seconds <= 24 * 3600:
        raise CommandError("--seconds must be more than 0 and at most 86400 (a day)", EXIT_USAGE)
    if args.threads < 0:
        raise CommandError("--threads cannot be negative", EXIT_USAGE)
    threads = 0 if args.no_load else (args.threads or 2 * (os.cpu_count() or 1))
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from ..ui.runner.bench import measure_timer

    result = measure_timer(seconds, python_threads=(threads + 1) // 2, hashing_threads=threads // 2)
    ms = sorted(result.differences_ms)
    print(f"platform: {result.platform}, Python {sys.version.split()[0]}, {os.cpu_count()} CPU cores")
    print(
        f"load: {result.python_threads} pure-Python and {result.hashing_threads} hashing threads; this process used "
        f"{result.cpu_seconds / result.wall_seconds * 100:.0f}% of one core over {result.wall_seconds:.1f} s"
    )
    print(
        f"countdown: a {result.item_minutes}-minute item for {seconds:g} s (down to zero, then up in overtime), "
        f"{len(ms)} repaints checked"
    )
    if ms:
        p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
        print(f"difference per repaint: median {statistics.median(ms):.1f} ms, p99 {p99:.1f} ms")
    worst = ms[-1] if ms else float("nan")
    print(f"largest difference between the remaining time shown and the true remaining time: {worst:.1f} ms")
    return 0
