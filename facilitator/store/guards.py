"""The database's own guards (triggers), and the check at start that they are all there.

Triggers make the audit trail append-only and lock signed notes, whatever program writes.
Someone with the database file, or a PostgreSQL role allowed to, can drop or disable
them; the hash chain and the signature hashes still show what was changed afterwards, but
Facilitator will not add new records to a database that has lost its guards: a signature
saved there would not be protected. Reading stays possible (see ``Work``).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from facilitator.core.catalogue import say

from ..core.changes import DatabaseUnavailable


class DatabaseUnprotected(DatabaseUnavailable):
    """The database lost its guard triggers: nothing is saved until they are back."""

SQLITE_TRIGGERS = (
    "audit_entry_no_update",
    "audit_entry_no_delete",
    "audit_head_forward_only",
    "audit_head_no_delete",
    "progress_note_signed_locked",
    "progress_note_status_steps",
    "progress_note_cosign_final",
    "progress_note_error_final",
    "progress_note_no_delete",
    "progress_note_cosigned_frozen",
    "note_round_locked",
    "note_round_no_delete",
    "note_addendum_no_update",
    "note_addendum_no_delete",
    # consents and disclosures
    "consent_locked",
    "consent_no_delete",
    "disclosure_no_update",
    "disclosure_no_delete",
)
POSTGRES_TRIGGERS = (
    "audit_entry_no_change",
    "audit_entry_no_truncate",
    "audit_head_forward_only",
    "progress_note_guard",
    "progress_note_cosigned_frozen",
    "note_round_guard",
    "note_addendum_guard",
    "notes_no_truncate",
    # consents and disclosures
    "consent_guard",
    "disclosure_guard",
    "consents_no_truncate",
    "disclosures_no_truncate",
)


def missing_guards(conn: Connection) -> list[str]:
    """The guard triggers this database lacks (PostgreSQL: or has disabled); [] when all are there."""
    dialect = conn.dialect.name
    if dialect == "sqlite":
        found = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        return [name for name in SQLITE_TRIGGERS if name not in found]
    if dialect == "postgresql":
        rows = conn.execute(
            sa.text(
                "SELECT t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE NOT t.tgisinternal AND c.relnamespace = to_regnamespace(current_schema())"
            )
        ).all()
        enabled = {name for name, state in rows if state != "D"}
        return [name for name in POSTGRES_TRIGGERS if name not in enabled]
    return []


def unprotected_sentence(missing: list[str]) -> str:
    return (
        say("store.guards", "This clinic database has lost {missing_count} of the protections that lock signed notes "
            "and the audit trail, so someone changed it outside Facilitator. You can still look records "
            "up, but nothing can be saved until an administrator restores them (facilitator audit "
            "guards --repair) or restores a backup.", missing_count=len(missing))
    )


def _migration(name: str):  # type: ignore[no-untyped-def]
    import importlib.util

    from .db import MIGRATIONS_DIR

    # By number ("0004") or by topic ("consents_services"), whatever number the topic got.
    versions = MIGRATIONS_DIR / "versions"
    path = next(versions.glob(f"{name}_*.py"), None) or next(versions.glob(f"[0-9][0-9][0-9][0-9]_{name}.py"))
    spec = importlib.util.spec_from_file_location(f"facilitator_migration_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def guard_statements(dialect: str) -> list[str]:
    """The statements that create every guard, as the migrations wrote them (functions first)."""
    audit, notes, frozen = _migration("0002"), _migration("0004"), _migration("0007")
    consents = _migration("consents_services")
    if dialect == "sqlite":
        return [*audit.SQLITE_TRIGGERS, *notes._sqlite_triggers(), *frozen.SQLITE, *consents.SQLITE]
    if dialect == "postgresql":
        return [*audit.POSTGRES_TRIGGERS, *notes._postgres_triggers(), *frozen.POSTGRES, *consents.POSTGRES]
    return []


def repair_guards(conn: Connection) -> list[str]:
    """Recreate (or, on PostgreSQL, re-enable) the guards this database lacks; return their names."""
    import re

    missing = wanted = missing_guards(conn)
    if not missing:
        return []
    dialect = conn.dialect.name
    statements = guard_statements(dialect)
    if dialect == "postgresql":
        disabled = conn.execute(
            sa.text(
                "SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE NOT t.tgisinternal AND t.tgenabled = 'D' AND c.relnamespace = to_regnamespace(current_schema())"
            )
        ).all()
        for name, table in disabled:
            if name in missing:
                conn.exec_driver_sql(f'ALTER TABLE "{table}" ENABLE TRIGGER "{name}"')
        for statement in statements:  # the trigger functions, as the migrations define them
            if re.match(r"\s*CREATE (OR REPLACE )?FUNCTION", statement):
                conn.exec_driver_sql(re.sub(r"CREATE (OR REPLACE )?FUNCTION", "CREATE OR REPLACE FUNCTION", statement, count=1))
        missing = missing_guards(conn)
    for statement in statements:
        found = re.match(r"\s*CREATE TRIGGER (\w+)", statement)
        if found and found.group(1) in missing:
            conn.exec_driver_sql(statement)
    return wanted
