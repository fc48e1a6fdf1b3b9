"""Meetings (one date of a group) and attendance rows.

Minutes attended are not stored: they follow from the meeting's actual times (a run
record's, when the session runner kept one) and the row's status, arrival and departure,
so correcting any of those corrects every report.
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import UTCDateTime, utcnow


class Meeting(SQLModel, table=True):
    __tablename__ = "meeting"
    __table_args__ = (sa.UniqueConstraint("group_id", "starts_at", name="uq_meeting_group_start"),)

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="care_group.id", ondelete="CASCADE")
    local_day: date = Field(index=True)
    starts_at: datetime = Field(sa_type=UTCDateTime)
    ends_at: datetime = Field(sa_type=UTCDateTime)
    curriculum_id: str | None = Field(default=None, max_length=100)
    session_id: str | None = Field(default=None, max_length=100)
    session_pinned: bool = Field(default=False)
    ad_hoc: bool = Field(default=False)
    cancelled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    cancel_reason: str = Field(default="", max_length=500)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # Optimistic concurrency: a save applies only to the version it was read from.
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    updated_by_id: int | None = Field(default=None)  # the account that saved this version


class Attendance(SQLModel, table=True):
    """One person at one meeting: a participant, or a relative attending as a visitor."""

    __tablename__ = "attendance"
    __table_args__ = (
        sa.UniqueConstraint("meeting_id", "participant_id", name="uq_attendance_participant"),
        sa.UniqueConstraint("meeting_id", "relative_id", name="uq_attendance_relative"),
        sa.CheckConstraint(
            "(participant_id IS NULL) <> (relative_id IS NULL)", name="ck_attendance_one_person"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE")
    participant_id: int | None = Field(default=None, foreign_key="participant.id", index=True, ondelete="CASCADE")
    relative_id: int | None = Field(default=None, foreign_key="relative.id", ondelete="CASCADE")
    status: str = Field(max_length=20)
    arrived_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    left_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # Optimistic concurrency: a save applies only to the version it was read from.
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    updated_by_id: int | None = Field(default=None)  # the account that saved this version
