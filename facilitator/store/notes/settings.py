"""The clinic settings the notes read: note format, note deadline, time zone, clinic name.

Keys, defaults and ranges are declared once in ``core.clinic_settings``; this reads the
stored text and lets that table turn it into a value (its default for anything unreadable).
"""

from __future__ import annotations

import logging
from datetime import date, tzinfo
from typing import Any, Protocol

from ...core import clinic_settings
from ...core import notes as cn
from ...core.attendance import resolve_zone
from ...core.clock import Clock
from ...core.notes import NoteFormat

log = logging.getLogger(__name__)


class SettingsSource(Protocol):
    def get(self, key: str) -> Any: ...


class NoteSettings:
    """Typed reads of the clinic settings; a settings problem never stops documentation."""

    def __init__(self, source: SettingsSource | None, clock: Clock) -> None:
        self._source = source
        self._clock = clock

    def _value(self, key: str) -> Any:
        declared = clinic_settings.setting(key)
        raw = None
        if self._source is not None:
            try:
                raw = self._source.get(key)
            except Exception:
                log.exception("Could not read setting %s", key)
        return declared.parse(raw)

    def note_format(self) -> NoteFormat:
        return cn.parse_format(self._value("note_format"))

    def deadline_days(self) -> int:
        return int(self._value("note_deadline_business_days"))

    def zone(self) -> tzinfo:
        """The clinic's zone as every part of the app resolves it (``core.attendance.resolve_zone``)."""
        return resolve_zone(self._value("clinic_time_zone"))

    def today(self) -> date:
        return self._clock.now().astimezone(self.zone()).date()

    def clinic_name(self) -> str:
        return str(self._value("clinic_name"))
