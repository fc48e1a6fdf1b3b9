"""A workstation process guessing passwords, for the test of twelve at once (its own engine)."""

from __future__ import annotations

from typing import Any

from facilitator.core.passwords import Passwords, fast_hasher
from facilitator.store import db
from facilitator.store.accounts import AccountService, SignInFailed
from facilitator.store.audit import AuditLog
from facilitator.store.unit_of_work import Work

GUESSERS = 12
GUESSES_EACH = 2


def guess(url: str, start: Any, results: Any) -> None:
    """Open the database, wait until every process is ready, then guess wrong passwords."""
    engine = db.create_engine(url)
    try:
        work = Work(engine, AuditLog(engine))
        work.connect_identity()
        accounts = AccountService(work, Passwords(fast_hasher()))
        start.wait(60)
        outcomes: list[str] = []
        for _ in range(GUESSES_EACH):
            try:
                accounts.authenticate("root", "a wrong guess")
                outcomes.append("signed in")
            except SignInFailed as exc:
                outcomes.append(str(exc))
            except Exception as exc:  # reported to the test, which fails on it
                outcomes.append(f"error: {exc!r}")
        results.put(outcomes)
    finally:
        engine.dispose()
