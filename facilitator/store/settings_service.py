"""Clinic-wide settings (name, logo, hour targets, ...) stored in the database."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import Session

from .models import ClinicSetting, utcnow

DEFAULTS: dict[str, str] = {
    "clinic_name": "",
}


class ClinicSettings:
    """Read and write clinic settings with a short session per call."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def get(self, key: str) -> str:
        with Session(self._engine) as session:
            row = session.get(ClinicSetting, key)
            return row.value if row else DEFAULTS.get(key, "")

    def set(self, key: str, value: str) -> None:
        with Session(self._engine) as session:
            row = session.get(ClinicSetting, key)
            if row is None:
                row = ClinicSetting(key=key, value=value)
            else:
                row.value = value
                row.updated_at = utcnow()
            session.add(row)
            session.commit()

    def all(self) -> dict[str, str]:
        from sqlmodel import select

        with Session(self._engine) as session:
            values = dict(DEFAULTS)
            values.update({r.key: r.value for r in session.exec(select(ClinicSetting))})
            return values
