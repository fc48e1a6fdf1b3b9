"""The audit trail: append-only, hash-chained entries, and the chain's head.

``audit_entry`` rows are never updated or deleted (triggers refuse it where the database
allows; ``AuditLog.verify`` finds it where they were dropped). ``audit_head`` holds the
newest entry's number and hash: appending locks it, so concurrent writers line up, and
comparing it with the entries finds entries cut off the end.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from .base import UTCDateTime


class AuditEntry(SQLModel, table=True):
    __tablename__ = "audit_entry"

    seq: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    at: datetime = Field(sa_type=UTCDateTime, index=True)
    user_id: int | None = Field(default=None, index=True)
    username: str = Field(default="", max_length=64)
    action: str = Field(max_length=40, index=True)
    record_type: str = Field(default="", max_length=40)
    record_id: str = Field(default="", max_length=64)
    participant_id: int | None = Field(default=None, index=True)
    detail: str = Field(default="")
    workstation: str = Field(default="", max_length=100)
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)


class AuditHead(SQLModel, table=True):
    __tablename__ = "audit_head"

    id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    seq: int = Field(default=0)
    hash: str = Field(max_length=64)
