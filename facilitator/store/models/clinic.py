"""What identifies a clinic database, and the feed of changes other workstations read.

``database_identity`` has one row: a random id made when the database was created and a
counter that every restore raises. A workstation notes both when it connects; a unit of
work that finds either changed stops rather than write into another clinic's records (or
into ids a restore has handed to other people).

``change_log`` holds, for each committed unit of work, the kinds and ids it changed. Other
workstations read it (on a timer, or woken by PostgreSQL's NOTIFY) and refresh what they
show; rows older than a day are pruned.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import UTCDateTime, utcnow


class DatabaseIdentity(SQLModel, table=True):
    __tablename__ = "database_identity"

    id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    clinic_id: str = Field(max_length=36)
    restore_count: int = Field(default=0)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ChangeLogEntry(SQLModel, table=True):
    __tablename__ = "change_log"

    seq: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    workstation: str = Field(default="", max_length=100)
    changes: str = Field(default="[]", sa_type=sa.Text)
