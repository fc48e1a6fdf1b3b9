"""Schema version 7: a co-signed note is frozen whole by the database.

Revision ID: 0007
Revises: 0006

Once co-signed, no column of a note may change, its return comment and return time
included, except the bookkeeping every save carries (version, updated_at, updated_by_id)
and a first entered-in-error mark (which an earlier trigger already keeps final once set).
SQLite and PostgreSQL each get their own trigger text. No row changes.
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

FROZEN = (
    "id", "kind", "meeting_id", "participant_id", "author_id", "note_format", "content", "status", "round",
    "created_at", "signed_at", "signer_name", "signer_credentials", "cosigned_at", "cosigner_id",
    "cosigner_name", "cosigner_credentials", "returned_at", "return_comment",
)
ERROR_MARK = ("error_at", "error_by_id", "error_reason")
MESSAGE = "a co-signed note cannot be changed; only an entered-in-error mark may be added"


def _changed(op_: str) -> str:
    frozen = " OR ".join(f"NEW.{c} {op_} OLD.{c}" for c in FROZEN)
    # The mark may go from none to one; changing or removing it is refused here too.
    mark = " OR ".join(f"(OLD.error_at IS NOT NULL AND NEW.{c} {op_} OLD.{c})" for c in ERROR_MARK)
    return f"{frozen} OR {mark} OR (OLD.error_at IS NULL AND NEW.error_at IS NULL AND (NEW.error_reason {op_} OLD.error_reason OR NEW.error_by_id {op_} OLD.error_by_id))"


SQLITE = [
    f"""CREATE TRIGGER progress_note_cosigned_frozen BEFORE UPDATE ON progress_note
    WHEN OLD.status = 'cosigned' AND ({_changed('IS NOT')})
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
]

POSTGRES = [
    f"""CREATE OR REPLACE FUNCTION progress_note_cosigned_frozen() RETURNS trigger AS $$
    BEGIN
      IF OLD.status = 'cosigned' AND ({_changed('IS DISTINCT FROM')}) THEN
        RAISE EXCEPTION '{MESSAGE}';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER progress_note_cosigned_frozen BEFORE UPDATE ON progress_note
    FOR EACH ROW EXECUTE FUNCTION progress_note_cosigned_frozen()""",
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE, "postgresql": POSTGRES}.get(dialect, []):
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS progress_note_cosigned_frozen ON progress_note")
        op.execute("DROP FUNCTION IF EXISTS progress_note_cosigned_frozen()")
    elif dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS progress_note_cosigned_frozen")
