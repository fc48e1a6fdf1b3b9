"""Staff accounts: who may sign in, in which role, signing with which credentials.

Accounts are never deleted (notes and the audit trail point at them); they are disabled.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from .base import UTCDateTime, utcnow


class UserAccount(SQLModel, table=True):
    __tablename__ = "user_account"

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=64, unique=True, index=True)
    full_name: str = Field(max_length=200)
    credentials: str = Field(default="", max_length=100)
    role: str = Field(max_length=20)
    needs_cosign: bool = Field(default=False)
    # The person in the roster's staff list whose groups this account leads (see roster.Staff).
    staff_id: int | None = Field(default=None, index=True)
    password_hash: str = Field(max_length=255)
    must_change_password: bool = Field(default=False)
    disabled: bool = Field(default=False)
    failed_attempts: int = Field(default=0)
    locked_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    password_changed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_sign_in_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
