"""Clinic-wide settings shared by every workstation on one database."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from .base import UTCDateTime, utcnow


class ClinicSetting(SQLModel, table=True):
    __tablename__ = "clinic_setting"

    key: str = Field(primary_key=True, max_length=100)
    value: str = Field(default="")
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
