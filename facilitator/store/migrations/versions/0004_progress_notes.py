"""Schema version 4: progress notes, signed rounds, addenda, observations; signed notes locked.

The lock lives in the database so that no code path (nor a tool with the file) can change a
signed note: triggers refuse an UPDATE of a signed note's content or signature, any status
change that is not a legal review step, undoing "entered in error", and DELETE of a note
that was ever signed. Rounds and addenda are append-only (a round's review outcome is set
once). SQLite and PostgreSQL each get their own trigger text.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

from facilitator.store.models.base import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

LOCKED = "('signed', 'awaiting_cosign', 'cosigned')"
CONTENT_COLUMNS = (
    "kind",
    "meeting_id",
    "participant_id",
    "author_id",
    "note_format",
    "content",
    "round",
    "created_at",
    "signed_at",
    "signer_name",
    "signer_credentials",
)
ROUND_COLUMNS = (
    "note_id",
    "round",
    "note_format",
    "content",
    "signed_at",
    "signer_id",
    "signer_name",
    "signer_credentials",
)
ADDENDUM_COLUMNS = ("note_id", "author_id", "author_name", "author_credentials", "created_at", "text")
COSIGN_COLUMNS = ("cosigned_at", "cosigner_id", "cosigner_name", "cosigner_credentials")
ERROR_COLUMNS = ("error_at", "error_by_id", "error_reason")


def _changed(columns: tuple[str, ...], op_: str) -> str:
    return " OR ".join(f"NEW.{c} {op_} OLD.{c}" for c in columns)


def _sqlite_triggers() -> list[str]:
    changed = lambda cols: _changed(cols, "IS NOT")  # noqa: E731
    return [
        f"""CREATE TRIGGER progress_note_signed_locked BEFORE UPDATE ON progress_note
        WHEN OLD.status IN {LOCKED} AND ({changed(CONTENT_COLUMNS)})
        BEGIN SELECT RAISE(ABORT, 'a signed note cannot be changed; add an addendum instead'); END""",
        """CREATE TRIGGER progress_note_status_steps BEFORE UPDATE OF status ON progress_note
        WHEN (OLD.status IN ('signed', 'cosigned') AND NEW.status <> OLD.status)
          OR (OLD.status = 'awaiting_cosign' AND NEW.status NOT IN ('awaiting_cosign', 'returned', 'cosigned'))
        BEGIN SELECT RAISE(ABORT, 'a signed note cannot go back to a draft'); END""",
        f"""CREATE TRIGGER progress_note_cosign_final BEFORE UPDATE ON progress_note
        WHEN OLD.cosigned_at IS NOT NULL AND ({changed(COSIGN_COLUMNS)})
        BEGIN SELECT RAISE(ABORT, 'a co-signature cannot be changed'); END""",
        f"""CREATE TRIGGER progress_note_error_final BEFORE UPDATE ON progress_note
        WHEN OLD.error_at IS NOT NULL AND ({changed(ERROR_COLUMNS)})
        BEGIN SELECT RAISE(ABORT, 'an entered-in-error mark cannot be changed'); END""",
        """CREATE TRIGGER progress_note_no_delete BEFORE DELETE ON progress_note
        WHEN OLD.signed_at IS NOT NULL OR OLD.status <> 'draft'
        BEGIN SELECT RAISE(ABORT, 'a signed note cannot be deleted; mark it entered in error'); END""",
        f"""CREATE TRIGGER note_round_locked BEFORE UPDATE ON note_round
        WHEN ({changed(ROUND_COLUMNS)}) OR OLD.outcome <> 'awaiting'
        BEGIN SELECT RAISE(ABORT, 'a signed round cannot be changed'); END""",
        """CREATE TRIGGER note_round_no_delete BEFORE DELETE ON note_round
        BEGIN SELECT RAISE(ABORT, 'a signed round cannot be deleted'); END""",
        """CREATE TRIGGER note_addendum_no_update BEFORE UPDATE ON note_addendum
        BEGIN SELECT RAISE(ABORT, 'an addendum cannot be changed'); END""",
        """CREATE TRIGGER note_addendum_no_delete BEFORE DELETE ON note_addendum
        BEGIN SELECT RAISE(ABORT, 'an addendum cannot be deleted'); END""",
    ]


def _postgres_triggers() -> list[str]:
    changed = lambda cols: _changed(cols, "IS DISTINCT FROM")  # noqa: E731
    return [
        f"""CREATE OR REPLACE FUNCTION progress_note_guard() RETURNS trigger AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN
            IF OLD.signed_at IS NOT NULL OR OLD.status <> 'draft' THEN
              RAISE EXCEPTION 'a signed note cannot be deleted; mark it entered in error';
            END IF;
            RETURN OLD;
          END IF;
          IF OLD.status IN {LOCKED} AND ({changed(CONTENT_COLUMNS)}) THEN
            RAISE EXCEPTION 'a signed note cannot be changed; add an addendum instead';
          END IF;
          IF (OLD.status IN ('signed', 'cosigned') AND NEW.status <> OLD.status)
             OR (OLD.status = 'awaiting_cosign'
                 AND NEW.status NOT IN ('awaiting_cosign', 'returned', 'cosigned')) THEN
            RAISE EXCEPTION 'a signed note cannot go back to a draft';
          END IF;
          IF OLD.cosigned_at IS NOT NULL AND ({changed(COSIGN_COLUMNS)}) THEN
            RAISE EXCEPTION 'a co-signature cannot be changed';
          END IF;
          IF OLD.error_at IS NOT NULL AND ({changed(ERROR_COLUMNS)}) THEN
            RAISE EXCEPTION 'an entered-in-error mark cannot be changed';
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql""",
        """CREATE TRIGGER progress_note_guard BEFORE UPDATE OR DELETE ON progress_note
        FOR EACH ROW EXECUTE FUNCTION progress_note_guard()""",
        f"""CREATE OR REPLACE FUNCTION note_round_guard() RETURNS trigger AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'a signed round cannot be deleted';
          END IF;
          IF ({changed(ROUND_COLUMNS)}) OR OLD.outcome <> 'awaiting' THEN
            RAISE EXCEPTION 'a signed round cannot be changed';
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql""",
        """CREATE TRIGGER note_round_guard BEFORE UPDATE OR DELETE ON note_round
        FOR EACH ROW EXECUTE FUNCTION note_round_guard()""",
        """CREATE OR REPLACE FUNCTION note_addendum_guard() RETURNS trigger AS $$
        BEGIN
          RAISE EXCEPTION 'an addendum cannot be changed or deleted';
        END $$ LANGUAGE plpgsql""",
        """CREATE TRIGGER note_addendum_guard BEFORE UPDATE OR DELETE ON note_addendum
        FOR EACH ROW EXECUTE FUNCTION note_addendum_guard()""",
        """CREATE TRIGGER notes_no_truncate BEFORE TRUNCATE ON progress_note
        FOR EACH STATEMENT EXECUTE FUNCTION note_addendum_guard()""",
    ]


def upgrade() -> None:
    op.create_table(
        "progress_note",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meeting.id"), nullable=False),
        sa.Column("participant_id", sa.Integer(), sa.ForeignKey("participant.id"), nullable=True),
        sa.Column("author_id", sa.Integer(), sa.ForeignKey("user_account.id"), nullable=False),
        sa.Column("note_format", sa.String(4), nullable=False, server_default=""),
        sa.Column("content", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("status", sa.String(20), nullable=False, server_default="draft"),
        sa.Column("round", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("signed_at", UTCDateTime(), nullable=True),
        sa.Column("signer_name", sa.String(200), nullable=False, server_default=""),
        sa.Column("signer_credentials", sa.String(100), nullable=False, server_default=""),
        sa.Column("cosigned_at", UTCDateTime(), nullable=True),
        sa.Column("cosigner_id", sa.Integer(), sa.ForeignKey("user_account.id"), nullable=True),
        sa.Column("cosigner_name", sa.String(200), nullable=False, server_default=""),
        sa.Column("cosigner_credentials", sa.String(100), nullable=False, server_default=""),
        sa.Column("returned_at", UTCDateTime(), nullable=True),
        sa.Column("return_comment", sa.Text(), nullable=False, server_default=""),
        sa.Column("error_at", UTCDateTime(), nullable=True),
        sa.Column("error_by_id", sa.Integer(), sa.ForeignKey("user_account.id"), nullable=True),
        sa.Column("error_reason", sa.Text(), nullable=False, server_default=""),
        sa.UniqueConstraint("meeting_id", "participant_id", name="uq_progress_note_individual"),
        sa.CheckConstraint("(kind = 'group') = (participant_id IS NULL)", name="ck_progress_note_kind"),
    )
    op.create_index("ix_progress_note_status_created", "progress_note", ["status", "created_at"])
    op.create_index("ix_progress_note_author_status", "progress_note", ["author_id", "status"])
    op.create_index("ix_progress_note_participant", "progress_note", ["participant_id"])
    op.create_index("ix_progress_note_meeting", "progress_note", ["meeting_id"])
    op.create_index(
        "uq_progress_note_group",
        "progress_note",
        ["meeting_id"],
        unique=True,
        sqlite_where=sa.text("kind = 'group'"),
        postgresql_where=sa.text("kind = 'group'"),
    )
    op.create_table(
        "note_round",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("note_id", sa.Integer(), sa.ForeignKey("progress_note.id"), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("note_format", sa.String(4), nullable=False, server_default=""),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("signed_at", UTCDateTime(), nullable=False),
        sa.Column("signer_id", sa.Integer(), sa.ForeignKey("user_account.id"), nullable=False),
        sa.Column("signer_name", sa.String(200), nullable=False),
        sa.Column("signer_credentials", sa.String(100), nullable=False, server_default=""),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("reviewed_at", UTCDateTime(), nullable=True),
        sa.Column("reviewer_id", sa.Integer(), sa.ForeignKey("user_account.id"), nullable=True),
        sa.Column("reviewer_name", sa.String(200), nullable=False, server_default=""),
        sa.Column("reviewer_credentials", sa.String(100), nullable=False, server_default=""),
        sa.Column("comment", sa.Text(), nullable=False, server_default=""),
        sa.UniqueConstraint("note_id", "round", name="uq_note_round"),
    )
    op.create_index("ix_note_round_note_id", "note_round", ["note_id"])
    op.create_table(
        "note_addendum",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("note_id", sa.Integer(), sa.ForeignKey("progress_note.id"), nullable=False),
        sa.Column("author_id", sa.Integer(), sa.ForeignKey("user_account.id"), nullable=False),
        sa.Column("author_name", sa.String(200), nullable=False),
        sa.Column("author_credentials", sa.String(100), nullable=False, server_default=""),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
    )
    op.create_index("ix_note_addendum_note_id", "note_addendum", ["note_id"])
    op.create_table(
        "note_observation",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meeting.id"), nullable=False),
        sa.Column("participant_id", sa.Integer(), sa.ForeignKey("participant.id"), nullable=False),
        sa.Column("author_id", sa.Integer(), sa.ForeignKey("user_account.id"), nullable=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
    )
    op.create_index("ix_note_observation_meeting_participant", "note_observation", ["meeting_id", "participant_id"])
    op.create_table(
        "group_note_format",
        sa.Column("group_id", sa.Integer(), sa.ForeignKey("care_group.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("note_format", sa.String(4), nullable=False),
    )
    dialect = op.get_bind().dialect.name
    statements = {"sqlite": _sqlite_triggers, "postgresql": _postgres_triggers}.get(dialect)
    for statement in statements() if statements else []:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS notes_no_truncate ON progress_note")
        op.execute("DROP TRIGGER IF EXISTS progress_note_guard ON progress_note")
        op.execute("DROP TRIGGER IF EXISTS note_round_guard ON note_round")
        op.execute("DROP TRIGGER IF EXISTS note_addendum_guard ON note_addendum")
        for fn in ("progress_note_guard", "note_round_guard", "note_addendum_guard"):
            op.execute(f"DROP FUNCTION IF EXISTS {fn}()")
    op.drop_table("group_note_format")
    op.drop_table("note_observation")
    op.drop_table("note_addendum")
    op.drop_table("note_round")
    op.drop_table("progress_note")
