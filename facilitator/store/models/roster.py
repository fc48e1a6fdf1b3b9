"""Groups, staff, participants, relatives and enrollment.

``staff`` holds facilitator names only; staff accounts (sign-in, roles) can point at it
later without the groups changing. Curricula live in files, so a group's track names them
by id rather than by foreign key.
"""

from __future__ import annotations

from datetime import date, datetime, time

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import UTCDateTime, utcnow


class Staff(SQLModel, table=True):
    __tablename__ = "staff"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, sa_column_kwargs={"unique": True})
    active: bool = Field(default=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class CareGroup(SQLModel, table=True):
    """A standing group ("group" is an SQL keyword, hence the table name)."""

    __tablename__ = "care_group"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, sa_column_kwargs={"unique": True})
    group_type: str = Field(max_length=30)
    rolling: bool = Field(default=False)
    room: str = Field(default="", max_length=100)
    weekdays: str = Field(default="", max_length=40)
    start_time: time = Field(sa_type=sa.Time)
    minutes: int
    capacity: int = Field(default=12)
    admission: str = Field(default="open", max_length=10)
    start_date: date
    end_date: date | None = Field(default=None)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # Optimistic concurrency: a save applies only to the version it was read from.
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    updated_by_id: int | None = Field(default=None)  # the account that saved this version


class GroupCurriculum(SQLModel, table=True):
    """One curriculum on a group's track, in order."""

    __tablename__ = "group_curriculum"

    group_id: int = Field(foreign_key="care_group.id", primary_key=True, ondelete="CASCADE")
    position: int = Field(primary_key=True)
    curriculum_id: str = Field(max_length=100)


class GroupStaff(SQLModel, table=True):
    __tablename__ = "group_staff"

    group_id: int = Field(foreign_key="care_group.id", primary_key=True, ondelete="CASCADE")
    staff_id: int = Field(foreign_key="staff.id", primary_key=True)
    role: str = Field(max_length=20)
    position: int = Field(default=0)


class Participant(SQLModel, table=True):
    __tablename__ = "participant"

    id: int | None = Field(default=None, primary_key=True)
    record_number: str = Field(max_length=40, sa_column_kwargs={"unique": True})
    preferred_name: str = Field(max_length=200)
    legal_name: str = Field(max_length=200)
    date_of_birth: date | None = Field(default=None)
    program_start: date
    audience: str = Field(default="adult", max_length=20)
    weekly_hours_target: float | None = Field(default=None)
    language: str = Field(default="en", max_length=20)
    large_print: bool = Field(default=False)
    status: str = Field(default="active", max_length=20, index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # Optimistic concurrency: a save applies only to the version it was read from.
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    updated_by_id: int | None = Field(default=None)  # the account that saved this version


class ParticipantGoal(SQLModel, table=True):
    __tablename__ = "participant_goal"

    participant_id: int = Field(foreign_key="participant.id", primary_key=True, ondelete="CASCADE")
    position: int = Field(primary_key=True)
    text: str = Field(max_length=200)


class Relative(SQLModel, table=True):
    """A relative or partner of a client, who may attend family groups as a visitor."""

    __tablename__ = "relative"

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=200)
    relationship: str = Field(default="", max_length=60)


class Enrollment(SQLModel, table=True):
    __tablename__ = "enrollment"
    __table_args__ = (sa.Index("ix_enrollment_group_dates", "group_id", "start_date"),)

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="care_group.id", ondelete="CASCADE")
    participant_id: int = Field(foreign_key="participant.id", index=True, ondelete="CASCADE")
    start_date: date
    end_date: date | None = Field(default=None)
