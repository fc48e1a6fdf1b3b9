"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call and aborts
after a few thousand (``Fatal Python error: none_dealloc``). Run in a child process so a
crash fails this test instead of killing the suite."""

from __future__ import annotations

import subprocess
import sys


def test_twenty_thousand_void_calls_do_not_crash_the_interpreter() -> None:
    code = (
        "import os, sys\n"
        "os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([])\n"
        "label = QLabel()\n"
        "before = sys.getrefcount(None)\n"
        "for i in range(20000):\n"
        "    label.setText('x')\n"
        "    label.setEnabled(True)\n"
        "after = sys.getrefcount(None)\n"
        "print('ok', before - after)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"the interpreter died: {result.stderr[-500:]}"
    status, leaked = result.stdout.split()
    assert status == "ok"
    assert int(leaked) < 1000, f"None lost {leaked} references over 40,000 void calls"
