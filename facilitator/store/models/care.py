"""The arc of care: changes of level of care, discharges with their signed summary, aftercare plans.

A level change is history: its facts never change and it is never deleted (a wrong one is
marked entered in error, with the reason). A discharge summary is signed like a note, with
the same statuses (``core.notes.NoteStatus``); once signed its summary, type and date are
locked by triggers (migration 0010), as a signed note's are.
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import UTCDateTime, utcnow


class LevelOfCareChange(SQLModel, table=True):
    __tablename__ = "level_of_care_change"
    __table_args__ = (sa.Index("ix_level_of_care_change_participant", "participant_id", "effective_date"),)

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id")
    level: str = Field(max_length=20)
    effective_date: date
    reason: str = Field(max_length=500)
    decided_by: str = Field(max_length=200)
    recorded_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    recorded_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    error_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    error_reason: str = Field(default="", max_length=500)


class Discharge(SQLModel, table=True):
    __tablename__ = "discharge"
    __table_args__ = (sa.Index("ix_discharge_status_created", "status", "created_at"),)

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", index=True)
    discharge_type: str = Field(max_length=20)
    discharge_date: date
    author_id: int = Field(foreign_key="user_account.id")
    content: str = Field(default="{}", sa_type=sa.Text)
    status: str = Field(default="draft", max_length=20)
    round: int = Field(default=1)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    signed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    signer_name: str = Field(default="", max_length=200)
    signer_credentials: str = Field(default="", max_length=100)
    cosigned_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    cosigner_id: int | None = Field(default=None, foreign_key="user_account.id")
    cosigner_name: str = Field(default="", max_length=200)
    cosigner_credentials: str = Field(default="", max_length=100)
    returned_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    return_comment: str = Field(default="", sa_type=sa.Text)
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    updated_by_id: int | None = Field(default=None)


class AftercarePlan(SQLModel, table=True):
    """What the participant takes home; it stays editable (a plan is revised with the person)."""

    __tablename__ = "aftercare_plan"

    id: int | None = Field(default=None, primary_key=True)
    discharge_id: int = Field(foreign_key="discharge.id", sa_column_kwargs={"unique": True})
    content: str = Field(default="{}", sa_type=sa.Text)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    updated_by_id: int | None = Field(default=None)
