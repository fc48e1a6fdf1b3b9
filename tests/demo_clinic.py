"""The demo clinic as the command-line tests seed it: its time zone, and today there."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

DEMO_ZONE = "America/Chicago"


def clinic_today() -> date:
    """Today where the demo clinic is: the day its refusals ("later than today") and levels count
    from, which in the evening there is not this computer's date when it keeps UTC."""
    return datetime.now(ZoneInfo(DEMO_ZONE)).date()
