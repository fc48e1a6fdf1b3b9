"""Measures: check-in ratings, PHQ-9 and GAD-7, drug screens, mutual-help reports, safety flags.

Measures are clinical records like signed notes: once recorded a row never changes and is
never deleted (triggers in migration 0009 refuse it, whatever code or tool tries). A wrong
entry is corrected by marking it entered in error (once, with who, when and why) and
recording a new one. A safety flag is the one editable record: it is acknowledged and later
resolved, each once, under a version like every other editable row.

Dates a person gave (taken on, collected on, week of) are local days; times are aware UTC.
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import UTCDateTime, utcnow

_ACTIVE = sa.text("error_at IS NULL")


class CheckInRating(SQLModel, table=True):
    """A participant's check-in at a meeting: ratings (JSON of scale -> 0..10) and a one-word mood."""

    __tablename__ = "check_in"
    __table_args__ = (
        sa.Index(
            "uq_check_in_active", "meeting_id", "participant_id", unique=True,
            sqlite_where=_ACTIVE, postgresql_where=_ACTIVE,
        ),
        sa.Index("ix_check_in_participant", "participant_id", "taken_on"),
    )

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id")
    meeting_id: int = Field(foreign_key="meeting.id")
    taken_on: date
    ratings: str = Field(default="{}", max_length=200)
    mood: str = Field(default="", max_length=20)
    recorded_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    recorded_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    error_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    error_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    error_reason: str = Field(default="", max_length=500)


class Questionnaire(SQLModel, table=True):
    """A scored PHQ-9 or GAD-7: the answers (one digit per item), total and band."""

    __tablename__ = "questionnaire"
    __table_args__ = (sa.Index("ix_questionnaire_participant", "participant_id", "instrument", "taken_on"),)

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id")
    instrument: str = Field(max_length=10)
    taken_on: date
    answers: str = Field(max_length=12)
    total: int
    severity: str = Field(max_length=30)
    difficulty: int | None = Field(default=None)
    mode: str = Field(default="in app", max_length=10)  # "in app" or "paper" (keyed in after)
    meeting_id: int | None = Field(default=None, foreign_key="meeting.id")
    recorded_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    recorded_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    error_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    error_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    error_reason: str = Field(default="", max_length=500)


class DrugScreen(SQLModel, table=True):
    """One specimen: when, urine or oral fluid, observed or not, panel, the medications expected."""

    __tablename__ = "drug_screen"
    __table_args__ = (sa.Index("ix_drug_screen_participant", "participant_id", "collected_on"),)

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id")
    collected_on: date
    specimen: str = Field(max_length=12)
    observed: bool = Field(default=False)
    panel: str = Field(default="", max_length=40)
    expected: str = Field(default="", max_length=200)  # expected medications, ";"-separated
    source: str = Field(default="clinic", max_length=12)  # "clinic" or "laboratory"
    lab_reference: str = Field(default="", max_length=60)
    recorded_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    recorded_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    error_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    error_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    error_reason: str = Field(default="", max_length=500)


class DrugScreenResult(SQLModel, table=True):
    """One substance's result in a screen."""

    __tablename__ = "drug_screen_result"
    __table_args__ = (sa.UniqueConstraint("screen_id", "substance", name="uq_drug_screen_result"),)

    id: int | None = Field(default=None, primary_key=True)
    screen_id: int = Field(foreign_key="drug_screen.id")
    substance: str = Field(max_length=20)
    result: str = Field(max_length=12)


class MutualHelpReport(SQLModel, table=True):
    """Mutual-help meetings a participant reports for one week (12-step or other)."""

    __tablename__ = "mutual_help"
    __table_args__ = (
        sa.Index(
            "uq_mutual_help_active", "participant_id", "week_of", "kind", unique=True,
            sqlite_where=_ACTIVE, postgresql_where=_ACTIVE,
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id")
    week_of: date  # the Monday of the week
    meetings: int
    kind: str = Field(max_length=10)
    recorded_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    recorded_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    error_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    error_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    error_reason: str = Field(default="", max_length=500)


class SafetyFlag(SQLModel, table=True):
    """A safety flag (a positive PHQ-9 item 9): raised, acknowledged once, resolved once."""

    __tablename__ = "safety_flag"
    __table_args__ = (sa.Index("ix_safety_flag_participant", "participant_id", "resolved_at"),)

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id")
    questionnaire_id: int | None = Field(default=None, foreign_key="questionnaire.id")
    raised_on: date
    raised_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    raised_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    acknowledged_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    acknowledged_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    acknowledgement: str = Field(default="", max_length=1000)
    resolved_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    resolved_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    resolution: str = Field(default="", max_length=1000)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # Optimistic concurrency: a change applies only to the version it was read from.
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    updated_by_id: int | None = Field(default=None)
