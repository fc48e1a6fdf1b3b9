"""Times are shown on the clinic's clock, resolved in one place; never on this computer's by accident."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "facilitator"


def test_no_time_is_converted_to_this_computers_zone() -> None:
    bare = re.compile(r"\.astimezone\(\s*\)")
    found = [f"{p.relative_to(ROOT).as_posix()}:{n}" for p in ROOT.rglob("*.py")
             for n, line in enumerate(p.read_text("utf-8").splitlines(), 1) if bare.search(line)]
    assert found == [], "use the clinic's zone (core.attendance.resolve_zone, UnitOfWork.zone): " + ", ".join(found)


def test_the_clinic_zone_is_resolved_by_one_function() -> None:
    system_zone_users = sorted(p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*.py")
                               if "system_zone_name(" in p.read_text("utf-8"))
    # core.attendance resolves; the settings dialog only shows the computer's zone as the empty setting's meaning.
    assert system_zone_users == ["core/attendance.py", "ui/settings_dialog.py"]
