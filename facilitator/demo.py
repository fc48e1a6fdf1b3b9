"""The synthetic demo clinic that ``facilitator --demo`` opens. No real person is in it."""

from __future__ import annotations

import logging
import shutil
from typing import TYPE_CHECKING

from .paths import resource

if TYPE_CHECKING:
    from .backend import Backend

log = logging.getLogger(__name__)
DEMO_CLINIC_NAME = "Riverside Recovery Center (demo)"


def seed_demo(backend: Backend) -> None:
    """Fill a fresh demo database; a database that already has the demo is left alone."""
    if backend.settings.value("clinic_name"):
        return
    backend.settings.set("clinic_name", DEMO_CLINIC_NAME)
    clinic_dir = backend.config.clinic_curricula_dir
    clinic_dir.mkdir(parents=True, exist_ok=True)
    sample = resource("demo", "clinic-refusal-sample.yaml")
    if sample.exists():
        shutil.copy(sample, clinic_dir / sample.name)
    backend.reload_library()
    seed_demo_clinic(backend)
    log.info("Demo clinic created in %s", backend.config.data_dir)


def seed_demo_clinic(backend: Backend) -> None:
    """Groups, participants and eight weeks of attendance (the same data as ``facilitator demo-data``)."""
    from .store.demo_clinic import DemoDataError, fill_demo_clinic

    attendance = backend.attendance
    try:
        fill_demo_clinic(backend.engine, backend.library, attendance.clock.now(), attendance.zone_name())
    except DemoDataError:
        log.info("The demo database already has a roster; left as it is")


def seed_demo_accounts(backend: Backend) -> None:
    """The demo accounts ``facilitator``, ``supervisor`` and ``admin``, each with password ``demo``."""
    from .store.accounts import seed_demo_accounts as seed

    assert backend.work is not None
    seed(backend.work)


def sign_in_demo_user(backend: Backend) -> None:
    """``--demo`` opens signed in as ``facilitator``, so the demo starts where a counselor would."""
    from .store.accounts import DEMO_PASSWORD

    seed_demo_accounts(backend)
    seed_demo_notes(backend)
    backend.sign_in("facilitator", DEMO_PASSWORD)


def seed_demo_notes(backend: Backend) -> None:
    """Progress notes in every state, written by the demo ``facilitator`` and reviewed by ``supervisor``."""
    import sqlalchemy as sa

    from .store.accounts import principal_of
    from .store.demo_notes import seed_demo_notes as seed
    from .store.models import UserAccount

    table = UserAccount.__table__  # type: ignore[attr-defined]
    with backend.engine.connect() as conn:
        rows = {r.username: r for r in conn.execute(sa.select(table))}
    if "facilitator" not in rows or "supervisor" not in rows:
        return
    facilitator, supervisor = principal_of(rows["facilitator"]), principal_of(rows["supervisor"])
    try:
        seed(backend.engine, backend.settings, lambda: backend.library, facilitator, supervisor)
    except Exception:  # the demo opens without notes rather than not at all
        log.exception("Could not write the demo notes")
    try:
        from .store.demo_care import seed_demo_care

        seed_demo_care(backend.engine, backend.settings, lambda: backend.library, facilitator, supervisor)
    except Exception:  # the demo opens without its discharge rather than not at all
        log.exception("Could not write the demo's screens and discharge")
