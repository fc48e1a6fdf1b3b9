"""Progress notes: one table for group and individual notes, their signed rounds, addenda,
in-session observations and each group's chosen format.

Group and individual notes share one table (``kind``) so that the supervisor's queue is one
index range scan over (status, created_at) and one trigger locks every signed note. Content
is the JSON of field key -> text that ``facilitator.core.notes`` defines per format.

Once a note is signed its content columns cannot change (triggers in migration 0004 refuse
it, whatever code or tool tries) and it cannot be deleted; rounds and addenda are
append-only the same way.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import UTCDateTime, utcnow


class ProgressNote(SQLModel, table=True):
    __tablename__ = "progress_note"
    __table_args__ = (
        sa.Index("ix_progress_note_status_created", "status", "created_at"),
        sa.Index("ix_progress_note_author_status", "author_id", "status"),
        sa.Index("ix_progress_note_participant", "participant_id"),
        sa.Index("ix_progress_note_meeting", "meeting_id"),
        sa.UniqueConstraint("meeting_id", "participant_id", name="uq_progress_note_individual"),
        sa.Index(
            "uq_progress_note_group",
            "meeting_id",
            unique=True,
            sqlite_where=sa.text("kind = 'group'"),
            postgresql_where=sa.text("kind = 'group'"),
        ),
        sa.CheckConstraint("(kind = 'group') = (participant_id IS NULL)", name="ck_progress_note_kind"),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=10)  # "group" or "individual"
    meeting_id: int = Field(foreign_key="meeting.id")
    participant_id: int | None = Field(default=None, foreign_key="participant.id")
    author_id: int = Field(foreign_key="user_account.id")
    note_format: str = Field(default="", max_length=4)
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
    error_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    error_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    error_reason: str = Field(default="", sa_type=sa.Text)
    # Optimistic concurrency: a save applies only to the version it was read from.
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    updated_by_id: int | None = Field(default=None)  # the account that saved this version


class NoteRound(SQLModel, table=True):
    """What the author signed in one round, and how the review of that round ended."""

    __tablename__ = "note_round"
    __table_args__ = (sa.UniqueConstraint("note_id", "round", name="uq_note_round"),)

    id: int | None = Field(default=None, primary_key=True)
    note_id: int = Field(foreign_key="progress_note.id", index=True)
    round: int
    note_format: str = Field(default="", max_length=4)
    content: str = Field(sa_type=sa.Text)
    signed_at: datetime = Field(sa_type=UTCDateTime)
    signer_id: int = Field(foreign_key="user_account.id")
    signer_name: str = Field(max_length=200)
    signer_credentials: str = Field(default="", max_length=100)
    outcome: str = Field(max_length=20)  # final, awaiting, returned, cosigned
    reviewed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    reviewer_id: int | None = Field(default=None, foreign_key="user_account.id")
    reviewer_name: str = Field(default="", max_length=200)
    reviewer_credentials: str = Field(default="", max_length=100)
    comment: str = Field(default="", sa_type=sa.Text)


class NoteAddendum(SQLModel, table=True):
    __tablename__ = "note_addendum"

    id: int | None = Field(default=None, primary_key=True)
    note_id: int = Field(foreign_key="progress_note.id", index=True)
    author_id: int = Field(foreign_key="user_account.id")
    author_name: str = Field(max_length=200)
    author_credentials: str = Field(default="", max_length=100)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    text: str = Field(sa_type=sa.Text)


class NoteObservation(SQLModel, table=True):
    """A short, timestamped observation typed during the session about one participant."""

    __tablename__ = "note_observation"
    __table_args__ = (sa.Index("ix_note_observation_meeting_participant", "meeting_id", "participant_id"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id")
    participant_id: int = Field(foreign_key="participant.id")
    author_id: int | None = Field(default=None, foreign_key="user_account.id")
    at: datetime = Field(sa_type=UTCDateTime)
    text: str = Field(sa_type=sa.Text)


class GroupNoteFormat(SQLModel, table=True):
    """A group's choice of individual-note format (else the clinic default)."""

    __tablename__ = "group_note_format"

    group_id: int = Field(foreign_key="care_group.id", primary_key=True, ondelete="CASCADE")
    note_format: str = Field(max_length=4)
