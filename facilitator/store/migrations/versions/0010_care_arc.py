"""Schema version 10: levels of care over time, discharges with a signed summary, aftercare plans.

A level change is history: its facts cannot change and it cannot be deleted; a wrong one is
marked entered in error once. A discharge summary locks when signed, like a progress note:
triggers refuse a change of its summary, type, date or signature, a status change that is
not a review step, a change of its co-signature, and deleting one that was ever signed.
No existing row changes.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

from facilitator.store.models.base import UTCDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

LOCKED = "('signed', 'awaiting_cosign', 'cosigned')"
LEVEL_COLUMNS = ("participant_id", "level", "effective_date", "reason", "decided_by", "recorded_by_id", "recorded_at")
LEVEL_ERROR_COLUMNS = ("error_at", "error_reason")
DISCHARGE_COLUMNS = (
    "participant_id",
    "discharge_type",
    "discharge_date",
    "author_id",
    "content",
    "round",
    "created_at",
    "signed_at",
    "signer_name",
    "signer_credentials",
)
COSIGN_COLUMNS = ("cosigned_at", "cosigner_id", "cosigner_name", "cosigner_credentials")


def _changed(columns: tuple[str, ...], op_: str) -> str:
    return " OR ".join(f"NEW.{c} {op_} OLD.{c}" for c in columns)


def _sqlite_triggers() -> list[str]:
    changed = lambda cols: _changed(cols, "IS NOT")  # noqa: E731
    return [
        f"""CREATE TRIGGER level_of_care_change_locked BEFORE UPDATE ON level_of_care_change
        WHEN ({changed(LEVEL_COLUMNS)}) OR (OLD.error_at IS NOT NULL AND ({changed(LEVEL_ERROR_COLUMNS)}))
        BEGIN SELECT RAISE(ABORT, 'a recorded level of care cannot be changed; mark it entered in error'); END""",
        """CREATE TRIGGER level_of_care_change_no_delete BEFORE DELETE ON level_of_care_change
        BEGIN SELECT RAISE(ABORT, 'a recorded level of care cannot be deleted'); END""",
        f"""CREATE TRIGGER discharge_signed_locked BEFORE UPDATE ON discharge
        WHEN OLD.status IN {LOCKED} AND ({changed(DISCHARGE_COLUMNS)})
        BEGIN SELECT RAISE(ABORT, 'a signed discharge summary cannot be changed'); END""",
        """CREATE TRIGGER discharge_status_steps BEFORE UPDATE OF status ON discharge
        WHEN (OLD.status IN ('signed', 'cosigned') AND NEW.status <> OLD.status)
          OR (OLD.status = 'awaiting_cosign' AND NEW.status NOT IN ('awaiting_cosign', 'returned', 'cosigned'))
        BEGIN SELECT RAISE(ABORT, 'a signed discharge summary cannot go back to a draft'); END""",
        f"""CREATE TRIGGER discharge_cosign_final BEFORE UPDATE ON discharge
        WHEN OLD.cosigned_at IS NOT NULL AND ({changed(COSIGN_COLUMNS)})
        BEGIN SELECT RAISE(ABORT, 'a co-signature cannot be changed'); END""",
        """CREATE TRIGGER discharge_no_delete BEFORE DELETE ON discharge
        WHEN OLD.signed_at IS NOT NULL OR OLD.status <> 'draft'
        BEGIN SELECT RAISE(ABORT, 'a signed discharge summary cannot be deleted'); END""",
    ]


def _postgres_triggers() -> list[str]:
    changed = lambda cols: _changed(cols, "IS DISTINCT FROM")  # noqa: E731
    return [
        f"""CREATE OR REPLACE FUNCTION level_of_care_change_guard() RETURNS trigger AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'a recorded level of care cannot be deleted';
          END IF;
          IF ({changed(LEVEL_COLUMNS)})
             OR (OLD.error_at IS NOT NULL AND ({changed(LEVEL_ERROR_COLUMNS)})) THEN
            RAISE EXCEPTION 'a recorded level of care cannot be changed; mark it entered in error';
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql""",
        """CREATE TRIGGER level_of_care_change_guard BEFORE UPDATE OR DELETE ON level_of_care_change
        FOR EACH ROW EXECUTE FUNCTION level_of_care_change_guard()""",
        f"""CREATE OR REPLACE FUNCTION discharge_guard() RETURNS trigger AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN
            IF OLD.signed_at IS NOT NULL OR OLD.status <> 'draft' THEN
              RAISE EXCEPTION 'a signed discharge summary cannot be deleted';
            END IF;
            RETURN OLD;
          END IF;
          IF OLD.status IN {LOCKED} AND ({changed(DISCHARGE_COLUMNS)}) THEN
            RAISE EXCEPTION 'a signed discharge summary cannot be changed';
          END IF;
          IF (OLD.status IN ('signed', 'cosigned') AND NEW.status <> OLD.status)
             OR (OLD.status = 'awaiting_cosign'
                 AND NEW.status NOT IN ('awaiting_cosign', 'returned', 'cosigned')) THEN
            RAISE EXCEPTION 'a signed discharge summary cannot go back to a draft';
          END IF;
          IF OLD.cosigned_at IS NOT NULL AND ({changed(COSIGN_COLUMNS)}) THEN
            RAISE EXCEPTION 'a co-signature cannot be changed';
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql""",
        """CREATE TRIGGER discharge_guard BEFORE UPDATE OR DELETE ON discharge
        FOR EACH ROW EXECUTE FUNCTION discharge_guard()""",
        """CREATE OR REPLACE FUNCTION care_no_truncate() RETURNS trigger AS $$
        BEGIN
          RAISE EXCEPTION 'levels of care and discharges cannot be emptied';
        END $$ LANGUAGE plpgsql""",
        """CREATE TRIGGER level_of_care_change_no_truncate BEFORE TRUNCATE ON level_of_care_change
        FOR EACH STATEMENT EXECUTE FUNCTION care_no_truncate()""",
        """CREATE TRIGGER discharge_no_truncate BEFORE TRUNCATE ON discharge
        FOR EACH STATEMENT EXECUTE FUNCTION care_no_truncate()""",
    ]


def upgrade() -> None:
    op.create_table(
        "level_of_care_change",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("participant_id", sa.Integer(), sa.ForeignKey("participant.id"), nullable=False),
        sa.Column("level", sa.String(20), nullable=False),
        sa.Column("effective_date", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(500), nullable=False),
        sa.Column("decided_by", sa.String(200), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), sa.ForeignKey("user_account.id"), nullable=True),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.Column("error_at", UTCDateTime(), nullable=True),
        sa.Column("error_reason", sa.String(500), nullable=False, server_default=""),
        sa.CheckConstraint("level IN ('php', 'iop', 'outpatient')", name="ck_level_of_care_change_level"),
        sa.CheckConstraint("effective_date BETWEEN '1900-01-01' AND '2100-12-31'",
                           name="ck_level_of_care_change_date"),
    )
    op.create_index("ix_level_of_care_change_participant", "level_of_care_change", ["participant_id", "effective_date"])
    op.create_table(
        "discharge",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("participant_id", sa.Integer(), sa.ForeignKey("participant.id"), nullable=False),
        sa.Column("discharge_type", sa.String(20), nullable=False),
        sa.Column("discharge_date", sa.Date(), nullable=False),
        sa.Column("author_id", sa.Integer(), sa.ForeignKey("user_account.id"), nullable=False),
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
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "discharge_type IN ('completed', 'against_advice', 'transferred', 'administrative')",
            name="ck_discharge_type",
        ),
        sa.CheckConstraint(
            "status IN ('draft', 'signed', 'awaiting_cosign', 'returned', 'cosigned')", name="ck_discharge_status"
        ),
        sa.CheckConstraint("discharge_date BETWEEN '1900-01-01' AND '2100-12-31'", name="ck_discharge_date"),
    )
    op.create_index("ix_discharge_participant_id", "discharge", ["participant_id"])
    op.create_index("ix_discharge_status_created", "discharge", ["status", "created_at"])
    op.create_table(
        "aftercare_plan",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("discharge_id", sa.Integer(), sa.ForeignKey("discharge.id"), nullable=False, unique=True),
        sa.Column("content", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
    )
    dialect = op.get_bind().dialect.name
    for statement in _postgres_triggers() if dialect == "postgresql" else _sqlite_triggers():
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for table in ("level_of_care_change", "discharge"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_guard ON {table}")
        for function in ("level_of_care_change_guard", "discharge_guard", "care_no_truncate"):
            op.execute(f"DROP FUNCTION IF EXISTS {function}()")
    op.drop_table("aftercare_plan")
    op.drop_index("ix_discharge_status_created", table_name="discharge")
    op.drop_index("ix_discharge_participant_id", table_name="discharge")
    op.drop_table("discharge")
    op.drop_index("ix_level_of_care_change_participant", table_name="level_of_care_change")
    op.drop_table("level_of_care_change")
