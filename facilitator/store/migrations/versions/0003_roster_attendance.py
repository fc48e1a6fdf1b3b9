"""Schema version 3: groups, staff names, participants, relatives, enrollment, meetings, attendance.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from facilitator.store.models.base import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "care_group",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("group_type", sa.String(30), nullable=False),
        sa.Column("rolling", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("room", sa.String(100), nullable=False, server_default=""),
        sa.Column("weekdays", sa.String(40), nullable=False, server_default=""),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False, server_default="12"),
        sa.Column("admission", sa.String(10), nullable=False, server_default="open"),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "group_curriculum",
        sa.Column("group_id", sa.Integer(), sa.ForeignKey("care_group.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("curriculum_id", sa.String(100), nullable=False),
    )
    op.create_table(
        "group_staff",
        sa.Column("group_id", sa.Integer(), sa.ForeignKey("care_group.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("staff_id", sa.Integer(), sa.ForeignKey("staff.id"), primary_key=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
    )
    op.create_table(
        "participant",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("record_number", sa.String(40), nullable=False, unique=True),
        sa.Column("preferred_name", sa.String(200), nullable=False),
        sa.Column("legal_name", sa.String(200), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("program_start", sa.Date(), nullable=False),
        sa.Column("audience", sa.String(20), nullable=False, server_default="adult"),
        sa.Column("weekly_hours_target", sa.Float(), nullable=True),
        sa.Column("language", sa.String(20), nullable=False, server_default="en"),
        sa.Column("large_print", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("status", sa.String(20), nullable=False, server_default="active"),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_participant_status", "participant", ["status"])
    op.create_table(
        "participant_goal",
        sa.Column(
            "participant_id", sa.Integer(), sa.ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("text", sa.String(200), nullable=False),
    )
    op.create_table(
        "relative",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("participant_id", sa.Integer(), sa.ForeignKey("participant.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("relationship", sa.String(60), nullable=False, server_default=""),
    )
    op.create_index("ix_relative_participant_id", "relative", ["participant_id"])
    op.create_table(
        "enrollment",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("group_id", sa.Integer(), sa.ForeignKey("care_group.id", ondelete="CASCADE"), nullable=False),
        sa.Column("participant_id", sa.Integer(), sa.ForeignKey("participant.id", ondelete="CASCADE"), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
    )
    op.create_index("ix_enrollment_group_dates", "enrollment", ["group_id", "start_date"])
    op.create_index("ix_enrollment_participant_id", "enrollment", ["participant_id"])
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("group_id", sa.Integer(), sa.ForeignKey("care_group.id", ondelete="CASCADE"), nullable=False),
        sa.Column("local_day", sa.Date(), nullable=False),
        sa.Column("starts_at", UTCDateTime(), nullable=False),
        sa.Column("ends_at", UTCDateTime(), nullable=False),
        sa.Column("curriculum_id", sa.String(100), nullable=True),
        sa.Column("session_id", sa.String(100), nullable=True),
        sa.Column("session_pinned", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("ad_hoc", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("cancelled_at", UTCDateTime(), nullable=True),
        sa.Column("cancel_reason", sa.String(500), nullable=False, server_default=""),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("group_id", "starts_at", name="uq_meeting_group_start"),
    )
    op.create_index("ix_meeting_local_day", "meeting", ["local_day"])
    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False),
        sa.Column("participant_id", sa.Integer(), sa.ForeignKey("participant.id", ondelete="CASCADE"), nullable=True),
        sa.Column("relative_id", sa.Integer(), sa.ForeignKey("relative.id", ondelete="CASCADE"), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("arrived_at", UTCDateTime(), nullable=True),
        sa.Column("left_at", UTCDateTime(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("meeting_id", "participant_id", name="uq_attendance_participant"),
        sa.UniqueConstraint("meeting_id", "relative_id", name="uq_attendance_relative"),
        sa.CheckConstraint("(participant_id IS NULL) <> (relative_id IS NULL)", name="ck_attendance_one_person"),
    )
    op.create_index("ix_attendance_participant_id", "attendance", ["participant_id"])


def downgrade() -> None:
    op.drop_table("attendance")
    op.drop_table("meeting")
    op.drop_table("enrollment")
    op.drop_table("relative")
    op.drop_table("participant_goal")
    op.drop_table("participant")
    op.drop_table("group_staff")
    op.drop_table("group_curriculum")
    op.drop_table("care_group")
    op.drop_table("staff")
