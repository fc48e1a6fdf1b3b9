"""Accounts for tests that need someone signed in, written straight to the table (no Argon2id)."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

from facilitator.core.permissions import Principal, UserRole


def make_account(
    engine: sa.Engine,
    username: str,
    role: str = "supervisor",
    full_name: str = "Sam Super",
    staff_id: int | None = None,
) -> Principal:
    """An enabled account in the database, and the principal it signs in as."""
    from facilitator.store.models import UserAccount

    table = UserAccount.__table__  # type: ignore[attr-defined]
    now = datetime(2026, 11, 2, tzinfo=UTC)
    with engine.begin() as conn:
        new_id = conn.execute(
            table.insert()
            .values(
                username=username, full_name=full_name, role=role, password_hash="x", disabled=False,
                credentials="", needs_cosign=False, must_change_password=False, failed_attempts=0,
                staff_id=staff_id, created_at=now, updated_at=now,
            )
            .returning(table.c.id)
        ).scalar_one()
    return Principal(int(new_id), username, full_name, UserRole(role), staff_id=staff_id)
