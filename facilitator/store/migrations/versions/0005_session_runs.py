"""Schema version 5: the record of a session as it ran (the session runner).

Revision ID: 0005
Revises: 0004

``run.meeting_id`` is empty for an unscheduled run (started from the Library) and otherwise
names its meeting; ``participant_id`` is empty for a player typed in by first name. Both
keys set themselves empty if the meeting or participant row is ever removed, so the record
of what ran survives.
"""

import sqlalchemy as sa
from alembic import op

from facilitator.store.models.base import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "run",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("curriculum_id", sa.String(100), nullable=False),
        sa.Column("session_id", sa.String(100), nullable=False),
        sa.Column("curriculum_title", sa.String(300), nullable=False, server_default=""),
        sa.Column("session_title", sa.String(300), nullable=False, server_default=""),
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meeting.id", ondelete="SET NULL"), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("slot_seconds", sa.Integer(), nullable=False),
        sa.Column("current_position", sa.Integer(), nullable=True),
        sa.Column("started_at", UTCDateTime(), nullable=True),
        sa.Column("ended_at", UTCDateTime(), nullable=True),
        sa.Column("segment_started_at", UTCDateTime(), nullable=True),
        sa.Column("show_first_names", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("small_groups", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("workstation", sa.String(100), nullable=False, server_default=""),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_run_meeting_id", "run", ["meeting_id"])
    op.create_index("ix_run_status", "run", ["status"])

    op.create_table(
        "run_item",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("run.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source_index", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("original_seconds", sa.Integer(), nullable=False),
        sa.Column("planned_seconds", sa.Integer(), nullable=False),
        sa.Column("elapsed_seconds", sa.Float(), nullable=False, server_default="0"),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("first_started_at", UTCDateTime(), nullable=True),
        sa.Column("last_ended_at", UTCDateTime(), nullable=True),
        sa.Column("phase_offset", sa.Float(), nullable=False, server_default="0"),
        sa.UniqueConstraint("run_id", "source_index", name="uq_run_item_source"),
    )

    op.create_table(
        "run_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("run.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("action", sa.String(30), nullable=False),
        sa.Column("position", sa.Integer(), nullable=True),
        sa.Column("source_index", sa.Integer(), nullable=True),
        sa.Column("seconds", sa.Float(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False, server_default="{}"),
    )
    op.create_index("ix_run_event_run", "run_event", ["run_id", "id"])

    op.create_table(
        "run_player",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("run.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(100), nullable=False),
        sa.Column(
            "participant_id", sa.Integer(), sa.ForeignKey("participant.id", ondelete="SET NULL"), nullable=True
        ),
        sa.UniqueConstraint("run_id", "position", name="uq_run_player_position"),
    )

    op.create_table(
        "run_role",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("run.id", ondelete="CASCADE"), nullable=False),
        sa.Column("source_index", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("team", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("role", sa.String(200), nullable=True),
        sa.Column("player_label", sa.String(100), nullable=True),
        sa.Column(
            "participant_id", sa.Integer(), sa.ForeignKey("participant.id", ondelete="SET NULL"), nullable=True
        ),
        sa.Column("started_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_run_role_round", "run_role", ["run_id", "source_index", "round"])


def downgrade() -> None:
    op.drop_index("ix_run_role_round", "run_role")
    op.drop_table("run_role")
    op.drop_table("run_player")
    op.drop_index("ix_run_event_run", "run_event")
    op.drop_table("run_event")
    op.drop_table("run_item")
    op.drop_index("ix_run_status", "run")
    op.drop_index("ix_run_meeting_id", "run")
    op.drop_table("run")
