"""The core must import in a fresh interpreter without PySide6 or SQLModel."""

from __future__ import annotations

import json
import subprocess
import sys


def test_core_and_handouts_load_no_qt_or_database_modules() -> None:
    code = (
        "import json, sys, importlib, pkgutil\n"
        "import facilitator.core\n"
        "for m in pkgutil.iter_modules(facilitator.core.__path__):\n"
        "    importlib.import_module('facilitator.core.' + m.name)\n"
        "try:\n"
        "    import facilitator.handouts\n"
        "    for m in pkgutil.iter_modules(facilitator.handouts.__path__):\n"
        "        importlib.import_module('facilitator.handouts.' + m.name)\n"
        "except ModuleNotFoundError as e:\n"
        "    if e.name != 'facilitator.handouts': raise\n"
        "print(json.dumps(sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6', 'sqlmodel', 'sqlalchemy'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == []
