"""Field limits in the database: text lengths and dates a user or a file gives.

Revision ID: 0008
Revises: 0007

The numbers are ``core.limits`` (declared once; core checks them first and says which field).
This makes the database refuse the same values, so nothing that slips past a form is stored:

- PostgreSQL: a CHECK constraint per column (``char_length`` for text, 1900–2100 for dates).
  Where a row stored earlier breaks the rule it is kept as it is: that constraint is added
  ``NOT VALID`` and checks every new write.
- SQLite ignores VARCHAR lengths and can add a CHECK only by rebuilding the table, which would
  drop the triggers that guard signed notes and the audit trail and take minutes on a large
  clinic. It gets one BEFORE INSERT and one BEFORE UPDATE trigger per table instead, which
  abort with the same rule.

No row changes.
"""

from collections import defaultdict

from alembic import op

from facilitator.core.limits import DATABASE_DATE_COLUMNS, DATABASE_TEXT_LIMITS, EARLIEST_DATE, LATEST_DATE

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

MESSAGE = "a value is longer than Facilitator allows or a date is outside 1900-2100"


def _rules() -> dict[str, list[tuple[str, str, str]]]:
    """Per table: (constraint name, column, the condition a good value meets, SQL of dialect-neutral form)."""
    rules: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for (table, column), most in DATABASE_TEXT_LIMITS.items():
        rules[table].append((f"ck_{table}_{column}_length", column, f"length({column}) <= {most}"))
    for table, column in DATABASE_DATE_COLUMNS:
        rules[table].append(
            (
                f"ck_{table}_{column}_range",
                column,
                f"{column} BETWEEN '{EARLIEST_DATE.isoformat()}' AND '{LATEST_DATE.isoformat()}'",
            )
        )
    return rules


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table, rules in _rules().items():
        if dialect == "postgresql":
            for name, column, condition in rules:
                condition = f"{column} IS NULL OR " + condition.replace(f"length({column})", f"char_length({column})")
                # A row stored before the limit is kept: the constraint then checks new writes only.
                older = op.get_bind().exec_driver_sql(f"SELECT 1 FROM {table} WHERE NOT ({condition}) LIMIT 1").first()
                op.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} CHECK ({condition}){' NOT VALID' if older else ''}")
        elif dialect == "sqlite":
            # NULL fails neither test (a NULL comparison is not true), so optional columns pass.
            bad = " OR ".join(f"NOT ({condition.replace(column, 'NEW.' + column)})" for _, column, condition in rules)
            columns = ", ".join(sorted({column for _, column, _ in rules}))
            op.execute(
                f"CREATE TRIGGER {table}_limits_insert BEFORE INSERT ON {table} WHEN {bad} "
                f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )
            op.execute(
                f"CREATE TRIGGER {table}_limits_update BEFORE UPDATE OF {columns} ON {table} WHEN {bad} "
                f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table, rules in _rules().items():
        if dialect == "postgresql":
            for name, _column, _condition in rules:
                op.execute(f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {name}")
        elif dialect == "sqlite":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_limits_insert")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_limits_update")
