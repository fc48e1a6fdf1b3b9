"""Clinic settings: typed from their declaration, changed by administrators in one unit of work, audited in words."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from principals import make_account

from facilitator.core import clinic_settings as cs
from facilitator.core.changes import SETTING, AccountChanged, Changes, ValidationError
from facilitator.core.clock import FakeClock
from facilitator.core.permissions import NotSignedIn, PermissionDenied, Principal
from facilitator.store.audit import AuditLog
from facilitator.store.settings_service import ClinicSettings
from facilitator.store.unit_of_work import Work


@pytest.fixture
def who() -> list[Principal | None]:
    return [None]


@pytest.fixture
def work(engine, who):  # type: ignore[no-untyped-def]
    clock = FakeClock()
    w = Work(engine, AuditLog(engine, clock), clock, lambda: who[0], workstation="here")
    w.connect_identity()
    return w


def _trail(engine) -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT action, record_id, username, detail FROM audit_entry ORDER BY seq")).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def test_values_are_typed_and_default_when_unset(work: Work) -> None:
    settings = ClinicSettings(work)
    assert settings.values() == cs.defaults()
    assert settings.value("adult_weekly_hours") == 9.0 and settings.get("adult_weekly_hours") == ""
    settings.set("adult_weekly_hours", "10.5")
    settings.set("capacity_warning", 8)
    assert settings.value("adult_weekly_hours") == 10.5 and settings.get("adult_weekly_hours") == "10.5"
    assert settings.value("capacity_warning") == 8 and isinstance(settings.value("capacity_warning"), int)
    with pytest.raises(KeyError, match="declare it in"):
        settings.value("colour_of_the_walls")


def test_who_may_change_settings_and_the_words_in_the_trail(engine, work: Work, who) -> None:  # type: ignore[no-untyped-def]
    settings = ClinicSettings(work)
    heard: list[Changes] = []
    work.subscribe(heard.append)
    settings.set("clinic_name", "New Clinic")  # a new clinic is set up before any account exists
    assert heard == [Changes.of(SETTING)]
    admin = make_account(engine, "pat", "administrator", "Pat Kim")
    with pytest.raises(NotSignedIn):
        settings.set("clinic_name", "Someone's Clinic")
    for role in ("facilitator", "supervisor"):
        who[0] = make_account(engine, f"x-{role}", role, "X")
        with pytest.raises(PermissionDenied, match="administrator"):
            settings.set("idle_lock_minutes", 60)
        assert settings.value("clinic_name") == "New Clinic"  # reading is for everyone
    who[0] = admin
    assert settings.set("adult_weekly_hours", 10) is True
    assert settings.set("adult_weekly_hours", "10.0") is False  # the same value: nothing changes, nothing audited
    settings.set_many({"idle_lock_minutes": 10, "clinic_time_zone": "America/Chicago", "clinic_name": "Harbor House"})
    assert _trail(engine) == [
        ("settings change", "clinic_name", "setup", "changed Clinic name from nothing to “New Clinic” before the first account existed"),
        ("settings change", "adult_weekly_hours", "pat", "changed Weekly hours target for adults from 9 to 10"),
        ("settings change", "idle_lock_minutes", "pat", "changed Screen lock after from 5 to 10"),
        ("settings change", "clinic_time_zone", "pat", "changed Clinic time zone from this computer's zone to “America/Chicago”"),
        ("settings change", "clinic_name", "pat", "changed Clinic name from “New Clinic” to “Harbor House”"),
    ]


def test_a_wrong_value_is_a_sentence_and_nothing_is_saved(engine, work: Work, who) -> None:  # type: ignore[no-untyped-def]
    who[0] = make_account(engine, "pat", "administrator", "Pat Kim")
    settings = ClinicSettings(work)
    with pytest.raises(ValidationError, match="Screen lock after must be between 1 and 60 minutes"):
        settings.set_many({"clinic_name": "Harbor House", "idle_lock_minutes": 0})
    with pytest.raises(ValidationError, match="not a time zone"):
        settings.set("clinic_time_zone", "Mars/Olympus")
    assert settings.value("clinic_name") == "" and _trail(engine) == []


def test_the_logo_is_never_written_into_the_trail(engine, work: Work, who) -> None:  # type: ignore[no-untyped-def]
    import base64

    who[0] = make_account(engine, "pat", "administrator", "Pat Kim")
    settings = ClinicSettings(work)
    logo = base64.b64encode(b"\x89PNG fake image bytes").decode()
    settings.set("clinic_logo", logo)
    settings.set("clinic_logo", "")
    details = [t[3] for t in _trail(engine)]
    assert details == ["set the Clinic logo", "removed the Clinic logo"]


def test_a_disabled_administrator_cannot_change_settings(engine, work: Work, who) -> None:  # type: ignore[no-untyped-def]
    who[0] = make_account(engine, "pat", "administrator", "Pat Kim")
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE user_account SET disabled = :yes WHERE username = 'pat'"), {"yes": True})
    with pytest.raises(AccountChanged):
        ClinicSettings(work).set("clinic_name", "Too late")
    assert ClinicSettings(work).value("clinic_name") == ""


def test_a_clinic_name_with_control_characters_is_refused(engine, work: Work, who) -> None:  # type: ignore[no-untyped-def]
    who[0] = make_account(engine, "pat", "administrator", "Pat Kim")
    settings = ClinicSettings(work)
    with pytest.raises(ValidationError, match="Clinic name cannot hold control characters"):
        settings.set("clinic_name", "Harbor\x00House")
    settings.set("clinic_name", "Harbor House")
    assert settings.value("clinic_name") == "Harbor House"
