"""Cold start to the first painted window: ``facilitator --demo`` beside a bare PySide6 window.

Each run is a fresh process; the time is from just before the process starts to the wall
time the window reports at its first paint. Run under a real X server for honest paint
times (``xvfb-run -a python benchmarks/startup.py``); with no DISPLAY it uses offscreen.

Target: the app's first paint within 1.5 times the bare window's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = r"""
import time, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
class W(QMainWindow):
    painted = False
    def paintEvent(self, e):
        super().paintEvent(e)
        if not self.painted:
            self.painted = True
            QTimer.singleShot(0, lambda: (print(f"first-paint {time.time():.6f}", flush=True), app.quit()))
app = QApplication(sys.argv[:1])
w = W(); w.setCentralWidget(QLabel("bare")); w.resize(1280, 820); w.show()
app.exec()
"""


def measure(cmd: list[str], env: dict[str, str]) -> float:
    start = time.time()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
    for line in out.stdout.splitlines():
        if line.startswith("first-paint "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no paint reported by {cmd}: {out.stderr[-400:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["FACILITATOR_EXIT_AFTER_PAINT"] = "1"
    env["FACILITATOR_LOG_DIR"] = tempfile.mkdtemp()
    bare, app = [], []
    for _ in range(args.runs):  # interleaved, so load on the machine hits both alike
        bare.append(measure([sys.executable, "-c", BARE], env))
        app.append(measure([sys.executable, "-m", "facilitator", "--demo", "--data-dir", tempfile.mkdtemp()], env))
    b, a = statistics.median(bare), statistics.median(app)
    print(f"platform: {env.get('QT_QPA_PLATFORM', 'xcb (DISPLAY=' + env.get('DISPLAY', '') + ')')}, runs: {args.runs}")
    print(f"bare PySide6 window, first paint: median {b * 1000:.0f} ms (min {min(bare) * 1000:.0f}, max {max(bare) * 1000:.0f})")
    print(f"facilitator --demo, first paint:  median {a * 1000:.0f} ms (min {min(app) * 1000:.0f}, max {max(app) * 1000:.0f})")
    print(f"ratio: {a / b:.2f} (target: at most 1.50)")


if __name__ == "__main__":
    main()
