"""Password hashing and rules; the idle lock's decision, driven by a fake clock."""

from __future__ import annotations

import pytest

from facilitator.core import clinic_settings
from facilitator.core.clock import FakeClock
from facilitator.core.idle import DEFAULT_IDLE_LOCK_MINUTES, IdleTracker
from facilitator.core.passwords import (
    PasswordRejected,
    Passwords,
    check_new_password,
    default_hasher,
    fast_hasher,
)


def test_default_hasher_is_argon2id_with_strong_costs() -> None:
    hasher = default_hasher()
    assert hasher.type.name == "ID"
    assert hasher.memory_cost >= 19 * 1024 and hasher.time_cost >= 2  # OWASP's minimum for Argon2id


def test_hash_verify_and_salts() -> None:
    pw = Passwords(fast_hasher())
    a, b = pw.hash("tulip-garden-7"), pw.hash("tulip-garden-7")
    assert a != b and a.startswith("$argon2id$")
    assert pw.verify(a, "tulip-garden-7") and pw.verify(b, "tulip-garden-7")
    assert not pw.verify(a, "tulip-garden-8")
    assert not pw.verify("", "anything") and not pw.verify("not a hash", "anything")


def test_weaker_hashes_are_marked_for_rehash() -> None:
    weak = Passwords(fast_hasher()).hash("tulip-garden-7")
    assert Passwords().needs_rehash(weak)
    assert not Passwords(fast_hasher()).needs_rehash(weak)


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short", "at least 8"),
        (" leading-space", "space"),
        ("aaaaaaaaaa", "different characters"),
        ("jordan.ellis", "user name"),
    ],
)
def test_new_password_rules(password: str, message: str) -> None:
    with pytest.raises(PasswordRejected, match=message):
        check_new_password(password, username="jordan.ellis", full_name="Jordan Ellis")


def test_a_good_password_passes() -> None:
    check_new_password("river-stone-42", username="jordan", full_name="Jordan Ellis")


def test_idle_tracker_locks_after_the_timeout_and_activity_resets_it() -> None:
    clock = FakeClock()
    tracker = IdleTracker(clock, timeout_seconds=300)
    clock.advance(299)
    assert not tracker.should_lock() and tracker.seconds_until_lock() == pytest.approx(1)
    tracker.touch()
    clock.advance(299)
    assert not tracker.should_lock()
    clock.advance(1)
    assert tracker.should_lock()


def test_the_idle_lock_cannot_be_switched_off_by_its_setting() -> None:
    assert DEFAULT_IDLE_LOCK_MINUTES == 5
    for unreadable in ("", "abc", "nan", "0", "-3", "600", "2.5"):
        assert clinic_settings.parse("idle_lock_minutes", unreadable) == 5
    assert clinic_settings.parse("idle_lock_minutes", "12") == 12
