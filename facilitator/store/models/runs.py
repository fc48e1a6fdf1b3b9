"""The record of a session as it ran: the run, its items, every control action and role-play seat.

Written as it happens (each control persists at once), so a run survives the app being
killed and progress notes can be prefilled from what really happened. Titles, kinds and minutes
are copied from the curriculum because a curriculum file may later change or disappear,
and the record must keep saying what ran.

``meeting_id`` is empty for an unscheduled run (started from the Library); ``participant_id``
is empty for a player typed in by first name. Both clear themselves if the row they name
is removed, so the record of what ran survives.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import UTCDateTime, utcnow


class Run(SQLModel, table=True):
    __tablename__ = "run"

    id: int | None = Field(default=None, primary_key=True)
    curriculum_id: str = Field(max_length=100)
    session_id: str = Field(max_length=100)
    curriculum_title: str = Field(default="", max_length=300)
    session_title: str = Field(default="", max_length=300)
    meeting_id: int | None = Field(default=None, foreign_key="meeting.id", ondelete="SET NULL", index=True)
    status: str = Field(max_length=16, index=True)  # ready, running, paused, ended (core RunStatus)
    slot_seconds: int
    current_position: int | None = Field(default=None)
    started_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    ended_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    segment_started_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    show_first_names: bool = Field(default=False)
    small_groups: bool = Field(default=False)
    workstation: str = Field(default="", max_length=100)  # where it runs: only there is it offered for resume
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class RunItem(SQLModel, table=True):
    """One agenda item of a run, in its present running order (``position``)."""

    __tablename__ = "run_item"
    __table_args__ = (sa.UniqueConstraint("run_id", "source_index", name="uq_run_item_source"),)

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id", ondelete="CASCADE")
    position: int
    source_index: int  # the item's place in the curriculum session's agenda
    title: str = Field(max_length=300)
    kind: str = Field(max_length=20)
    original_seconds: int
    planned_seconds: int
    elapsed_seconds: float = Field(default=0.0)  # closed segments; an open one runs from the run's segment start
    status: str = Field(max_length=16)  # pending, current, done, skipped (core ItemStatus)
    first_started_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_ended_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    phase_offset: float = Field(default=0.0)


class RunEvent(SQLModel, table=True):
    """One control action (start, pause, next, +1 min, skip, ...), append-only. Never holds a name."""

    __tablename__ = "run_event"
    __table_args__ = (sa.Index("ix_run_event_run", "run_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id", ondelete="CASCADE")
    at: datetime = Field(sa_type=UTCDateTime)
    action: str = Field(max_length=30)
    position: int | None = Field(default=None)
    source_index: int | None = Field(default=None)
    seconds: float | None = Field(default=None)
    detail: str = Field(default="{}", sa_type=sa.Text)  # JSON


class RunPlayer(SQLModel, table=True):
    """A player as typed in (first name or initials) or taken from a meeting's attendance."""

    __tablename__ = "run_player"
    __table_args__ = (sa.UniqueConstraint("run_id", "position", name="uq_run_player_position"),)

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id", ondelete="CASCADE")
    position: int
    label: str = Field(max_length=100)
    participant_id: int | None = Field(default=None, foreign_key="participant.id", ondelete="SET NULL")


class RunRole(SQLModel, table=True):
    """Who held which role in one round of a role play, recorded when the round began."""

    __tablename__ = "run_role"
    __table_args__ = (sa.Index("ix_run_role_round", "run_id", "source_index", "round"),)

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id", ondelete="CASCADE")
    source_index: int
    round: int
    team: int = Field(default=0)
    role: str | None = Field(default=None, max_length=200)  # None: watching this round
    player_label: str | None = Field(default=None, max_length=100)  # None: a role nobody held
    participant_id: int | None = Field(default=None, foreign_key="participant.id", ondelete="SET NULL")
    started_at: datetime = Field(sa_type=UTCDateTime)
