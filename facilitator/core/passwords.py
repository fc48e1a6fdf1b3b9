"""Password hashing with Argon2id (argon2-cffi) and the rules a new password must meet.

Hashes carry their own parameters and salt, so raising the cost later only needs
``needs_rehash`` at the next sign-in. Tests pass a cheap ``PasswordHasher``; the app uses
argon2-cffi's defaults (RFC 9106's low-memory profile: 64 MiB, 3 passes, about 0.15 s here).
"""

from __future__ import annotations

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from facilitator.core.catalogue import say

from .changes import UserFacingError

MIN_PASSWORD_LENGTH = 8


class PasswordRejected(UserFacingError, ValueError):
    """A new password does not meet the rules; the message says which."""


def default_hasher() -> PasswordHasher:
    return PasswordHasher(type=Type.ID)


def fast_hasher() -> PasswordHasher:
    """Argon2id with tiny costs: for tests and throwaway demo databases, never real accounts."""
    return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1, type=Type.ID)


class Passwords:
    """Hash and check passwords with one hasher."""

    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self.hasher = hasher or default_hasher()

    def hash(self, password: str) -> str:
        return self.hasher.hash(password)

    def verify(self, stored_hash: str, password: str) -> bool:
        """True when ``password`` matches; False for a mismatch or an unreadable hash."""
        if not stored_hash:
            return False
        try:
            return self.hasher.verify(stored_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored_hash: str) -> bool:
        try:
            return self.hasher.check_needs_rehash(stored_hash)
        except (InvalidHashError, ValueError):
            return True


def check_new_password(password: str, *, username: str = "", full_name: str = "") -> None:
    """Raise ``PasswordRejected`` when a chosen password is too weak to protect health records."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordRejected(say("core.passwords", "A password needs at least {min_password_length} characters.",
                                   min_password_length=MIN_PASSWORD_LENGTH))
    if password.strip() != password:
        raise PasswordRejected(say("core.passwords", "A password cannot begin or end with a space."))
    lowered = password.lower()
    if username and lowered == username.lower():
        raise PasswordRejected(say("core.passwords", "A password cannot be the same as the user name."))
    if full_name and lowered == full_name.lower().replace(" ", ""):
        raise PasswordRejected(say("core.passwords", "A password cannot be the person's name."))
    if len(set(password)) < 4:
        raise PasswordRejected(say("core.passwords", "A password needs more different characters than that."))
