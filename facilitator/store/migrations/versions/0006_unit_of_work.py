"""Schema version 6: record versions, the database's identity, and the change feed.

Revision ID: 0006
Revises: 0005

- ``version`` and ``updated_by_id`` on the records two workstations may edit at once
  (progress notes, attendance rows, participants, groups, meetings): a save names the
  version it read and applies only to it.
- ``meeting.updated_at``, so a conflict on a meeting can say when it was changed.
- ``database_identity``: one row with a random clinic id and a restore counter.
- ``change_log``: what each committed change touched, for other workstations to refresh.

Every existing row starts at version 1; no row or signed word changes.
"""

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from facilitator.store.models.base import UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

VERSIONED = ("progress_note", "attendance", "participant", "care_group", "meeting")


def upgrade() -> None:
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        op.add_column(table, sa.Column("updated_by_id", sa.Integer(), nullable=True))
    op.add_column("meeting", sa.Column("updated_at", UTCDateTime(), nullable=True))
    op.execute("UPDATE meeting SET updated_at = created_at")

    identity = op.create_table(
        "database_identity",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("clinic_id", sa.String(36), nullable=False),
        sa.Column("restore_count", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name="ck_database_identity_one_row"),
    )
    op.bulk_insert(identity, [{"id": 1, "clinic_id": str(uuid.uuid4()), "restore_count": 0,
                               "created_at": datetime.now(UTC)}])

    op.create_table(
        "change_log",
        sa.Column("seq", sa.Integer(), primary_key=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("workstation", sa.String(100), nullable=False, server_default=""),
        sa.Column("changes", sa.Text(), nullable=False, server_default="[]"),
    )
    op.create_index("ix_change_log_at", "change_log", ["at"])


def downgrade() -> None:
    op.drop_index("ix_change_log_at", "change_log")
    op.drop_table("change_log")
    op.drop_table("database_identity")
    with op.batch_alter_table("meeting") as batch:
        batch.drop_column("updated_at")
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("updated_by_id")
            batch.drop_column("version")
