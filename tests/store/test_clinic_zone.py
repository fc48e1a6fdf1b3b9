"""The clinic time zone is resolved one way everywhere; with the setting empty, note times follow
this computer's zone by name, so they are right on both sides of a daylight-saving change."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from facilitator.core.attendance import resolve_zone, resolve_zone_name
from facilitator.core.clock import FakeClock
from facilitator.store.notes.settings import NoteSettings

# America/Chicago leaves daylight saving at 02:00 on Sunday 1 November 2026.
SUMMER = datetime(2026, 10, 30, 23, 0, tzinfo=UTC)  # 18:00 CDT (UTC-5)
WINTER = datetime(2026, 11, 3, 0, 0, tzinfo=UTC)  # 18:00 CST (UTC-6)


@pytest.fixture
def chicago_computer(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TZ", "America/Chicago")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


class Empty(dict):
    def get(self, key: str, default: str = "") -> str:  # type: ignore[override]
        return super().get(key, default)


@pytest.mark.parametrize("now", [SUMMER, WINTER], ids=["clock in summer time", "clock in winter time"])
def test_note_times_follow_the_zone_on_both_sides_of_the_change(chicago_computer, now: datetime) -> None:  # type: ignore[no-untyped-def]
    zone = NoteSettings(Empty(), FakeClock(now)).zone()
    assert f"{SUMMER.astimezone(zone):%H:%M %Z}" == "18:00 CDT"
    assert f"{WINTER.astimezone(zone):%H:%M %Z}" == "18:00 CST"


def test_one_resolution_for_every_part(chicago_computer) -> None:  # type: ignore[no-untyped-def]
    assert resolve_zone_name("") == "America/Chicago"
    assert resolve_zone_name("Not/AZone") == "America/Chicago"
    assert resolve_zone_name(" Europe/Berlin ") == "Europe/Berlin"
    settings = NoteSettings(Empty(clinic_time_zone="Europe/Berlin"), FakeClock(SUMMER))
    assert settings.zone() == resolve_zone("Europe/Berlin")


def test_the_attendance_service_and_the_notes_agree(chicago_computer, engine) -> None:  # type: ignore[no-untyped-def]
    from facilitator.store.attendance import read_zone_name

    assert read_zone_name(Empty()) == resolve_zone_name("") == str(NoteSettings(Empty(), FakeClock(SUMMER)).zone())
