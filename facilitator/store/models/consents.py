"""Consents to disclose (42 CFR 2.31) and the disclosures made under them.

A consent is a record: once recorded, only its revocation may be added (the date the
participant revoked it, and who recorded that), once. A disclosure (a letter sent) is
append-only. Triggers in the migration that adds these tables refuse anything else.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from .base import UTCDateTime, utcnow


class Consent(SQLModel, table=True):
    __tablename__ = "consent"

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", index=True)
    discloser: str = Field(max_length=200)
    recipient_name: str = Field(max_length=200)
    recipient_kind: str = Field(max_length=20)
    information: str = Field(max_length=60)  # "attendance", "completion", or both, comma-separated
    purpose: str = Field(max_length=500)
    expires_on: date | None = Field(default=None)
    expiry_event: str = Field(default="", max_length=300)
    signed_on: date
    right_to_revoke: bool = Field(default=True)
    recorded_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    recorded_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    recorded_by_name: str = Field(default="", max_length=200)
    revoked_on: date | None = Field(default=None)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    revoked_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    revoked_by_name: str = Field(default="", max_length=200)


class Disclosure(SQLModel, table=True):
    """One letter that went out: to whom, under which consent, covering which days."""

    __tablename__ = "disclosure"

    id: int | None = Field(default=None, primary_key=True)
    consent_id: int = Field(foreign_key="consent.id", index=True)
    participant_id: int = Field(foreign_key="participant.id", index=True)
    letter_kind: str = Field(max_length=20)
    recipient_name: str = Field(max_length=200)
    period_first: date
    period_last: date
    made_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    made_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    made_by_name: str = Field(default="", max_length=200)


__all__ = ["Consent", "Disclosure"]
