"""Clinic-wide settings (name, logo, hour targets, ...) stored in the database, typed by their declaration.

Every key, type, default and range is declared once in ``core.clinic_settings``. The
database keeps text; ``value(key)`` reads a setting as its declared type (the default when
nothing readable is stored) and ``get(key)`` the stored text as it is. ``set`` and
``set_many`` check every value first (a sentence when one is wrong, nothing saved), then
change them in one unit of work: only an administrator may, except while the clinic has
no account yet (a new or demo clinic being set up), and each change is audited in words
("changed Weekly hours target for adults from 9 to 10").

Reading needs nobody signed in: settings hold no records, and the sign-in page shows the
clinic's name.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..core import clinic_settings as cs
from ..core.audit import AuditAction
from ..core.changes import SETTING
from ..core.clock import Clock
from ..core.permissions import require_manage_settings
from .models import ClinicSetting, UserAccount
from .unit_of_work import UnitOfWork, Work

_setting = ClinicSetting.__table__  # type: ignore[attr-defined]
_account = UserAccount.__table__  # type: ignore[attr-defined]
SHOWN_TEXT = 60


class ClinicSettings:
    """Read clinic settings as their declared types; change them through the unit of work."""

    def __init__(self, work: Work | Engine, clock: Clock | None = None) -> None:
        if isinstance(work, Engine):
            # A service of its own (tests, benchmarks, a command before anyone signs in): it acts
            # for nobody, so it may change settings only while the clinic has no account.
            from .audit import AuditLog

            work = Work(work, AuditLog(work, clock), clock)
        self._work = work

    @property
    def work(self) -> Work:
        return self._work

    # -- reading ------------------------------------------------------------------------------

    def _stored(self, keys: list[str] | None = None) -> dict[str, str]:
        stmt = sa.select(_setting.c.key, _setting.c.value)
        if keys is not None:
            stmt = stmt.where(_setting.c.key.in_(keys))
        with self._work.engine.connect() as conn:
            return {k: v for k, v in conn.execute(stmt)}

    def get(self, key: str) -> str:
        """The stored text of a declared setting ('' when nothing is stored)."""
        cs.setting(key)
        return self._stored([key]).get(key, "")

    def value(self, key: str) -> Any:
        """A setting as its declared type; its default when nothing readable is stored."""
        spec = cs.setting(key)
        return spec.parse(self._stored([key]).get(key))

    def values(self) -> dict[str, Any]:
        """Every declared setting, typed."""
        stored = self._stored()
        return {key: spec.parse(stored.get(key)) for key, spec in cs.SETTINGS.items()}

    def all(self) -> dict[str, str]:
        """Every declared setting's stored text ('' when unset), for code that reads text (letterheads)."""
        stored = self._stored()
        return {key: stored.get(key, "") for key in cs.SETTINGS}

    # -- changing -----------------------------------------------------------------------------

    def set(self, key: str, value: object) -> bool:
        """Check and store one setting; True if it changed. A ``ValidationError`` says what is wrong."""
        return bool(self.set_many({key: value}))

    def set_many(self, values: Mapping[str, object]) -> list[str]:
        """Check every value, then store those that differ in one unit of work; return the changed keys.

        Nothing is saved when any value is wrong: the first wrong one raises its sentence.
        """
        checked = {key: cs.normalize(key, value) for key, value in values.items()}
        changed: list[str] = []
        with self._work.begin() as uow:
            setup = self._may_change(uow)
            stored = {
                k: v
                for k, v in uow.conn.execute(
                    sa.select(_setting.c.key, _setting.c.value).where(_setting.c.key.in_(list(checked)))
                )
            }
            for key, text in checked.items():
                spec = cs.setting(key)
                old_text = stored.get(key)
                if spec.parse(old_text) == spec.parse(text):
                    continue  # what everyone sees stays the same (storing a default over nothing, "9" over "9.0")
                _upsert(uow.conn, key, text, old_text, uow)
                uow.audit(
                    AuditAction.SETTINGS_CHANGE,
                    record_type="setting",
                    record_id=key,
                    detail=describe_change(spec, old_text, text, setup=setup),
                    username="setup" if setup else None,
                )
                changed.append(key)
            if changed:
                uow.changed(SETTING)
        return changed

    @staticmethod
    def _may_change(uow: UnitOfWork) -> bool:
        """Raise unless this user may change clinic settings; True while the clinic has no account."""
        if uow.principal is None:
            has_accounts = uow.conn.execute(sa.select(_account.c.id).limit(1)).first() is not None
            if not has_accounts:
                return True
        require_manage_settings(uow.principal)
        return False


def _upsert(conn: Connection, key: str, text: str, old: str | None, uow: UnitOfWork) -> None:
    if old is None:
        conn.execute(_setting.insert().values(key=key, value=text, updated_at=uow.now))
    else:
        conn.execute(_setting.update().where(_setting.c.key == key).values(value=text, updated_at=uow.now))


def shown(spec: cs.Setting, text: str | None) -> str:
    """A stored value as a reviewer reads it in the audit trail."""
    value = spec.parse(text)
    if spec.kind is cs.Kind.TIME_ZONE and not value:
        return "this computer's zone"
    if spec.kind in (cs.Kind.TEXT, cs.Kind.TIME_ZONE):
        if not value:
            return "nothing"
        value = str(value)
        return "“" + (value if len(value) <= SHOWN_TEXT else value[: SHOWN_TEXT - 1] + "…") + "”"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def describe_change(spec: cs.Setting, old: str | None, new: str, *, setup: bool = False) -> str:
    """The audit detail for one change, e.g. "changed Weekly hours target for adults from 9 to 10"."""
    when = " before the first account existed" if setup else ""
    if spec.kind is cs.Kind.IMAGE:  # never the image itself
        if not new:
            return f"removed the {spec.label}{when}"
        return f"{'replaced' if old else 'set'} the {spec.label}{when}"
    return f"changed {spec.label} from {shown(spec, old)} to {shown(spec, new)}{when}"
