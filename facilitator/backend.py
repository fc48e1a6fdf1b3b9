"""The Qt-free composition root: config -> engine -> services, shared by the app and the CLI.

The window paints before this runs (importing SQLModel alone takes about half a second);
the app builds the backend on a worker thread and hands it to the views when ready.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .config import AppConfig
from .core.library import Library, load_library
from .paths import shipped_curricula_dir

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from .core.clock import Clock
    from .core.permissions import Principal
    from .store.accounts import AccountService
    from .store.attendance import AttendanceService
    from .store.audit import AuditLog
    from .store.billing import BillingService
    from .store.care import CareService
    from .store.consents import ConsentService
    from .store.measures import MeasuresService
    from .store.notes import NotesService
    from .store.roster import RosterService
    from .store.runs import RunStore
    from .store.settings_service import ClinicSettings
    from .store.unit_of_work import Work

log = logging.getLogger(__name__)


@dataclass
class Backend:
    """Everything a view or command may use; each view receives only the parts it needs."""

    config: AppConfig
    engine: Engine
    settings: ClinicSettings
    library: Library
    roster: RosterService
    attendance: AttendanceService
    upgrade_backup: str | None = None
    extras: dict[str, object] = field(default_factory=dict)
    runs: RunStore | None = None  # the session runner's record
    # -- accounts and audit: who is signed in, and the services that check it.
    clock: Clock | None = None
    audit: AuditLog | None = None
    accounts: AccountService | None = None
    principal: Principal | None = None
    notes: NotesService | None = None  # progress notes and review
    # The one path for every change: units of work for the signed-in user.
    work: Work | None = None
    measures: MeasuresService | None = None  # check-ins, questionnaires, screens, safety flags
    care: CareService | None = None  # levels of care, completion criteria, discharge and aftercare
    consents: ConsentService | None = None  # consents to disclose, and letters under them
    billing: BillingService | None = None  # the services to bill

    def reload_library(self) -> Library:
        self.library = load_curricula(self.config)
        return self.library

    def current_principal(self) -> Principal | None:
        """Who the services act for: the signed-in user, or None (services then refuse)."""
        return self.principal

    def sign_in(self, username: str, password: str) -> Principal:
        """Check the password (audited) and act as that user from now on.

        Signing in connects to the database as it is now: after a restore elsewhere, the
        units of work of whoever signs in check against the restored database.
        """
        assert self.accounts is not None
        if self.work is not None:
            self.work.connect_identity()
        self.principal = self.accounts.authenticate(username, password)
        return self.principal

    def sign_out(self, detail: str = "") -> None:
        if self.principal is not None and self.accounts is not None:
            self.accounts.record_sign_out(self.principal, detail)
            self.checkpoint_audit()
        self.principal = None

    def checkpoint_audit(self) -> object | None:
        """Seal the audit trail's head with this data folder's key (sign-out, close, backup, on demand).

        Never stops what called it: a failure is logged. Returns the checkpoint, or None
        when none was written (the trail contradicts the last one, which stays as evidence).
        """
        if self.audit is None or self.audit.checkpoints is None or self.clock is None:
            return None
        try:
            return self.audit.checkpoints.take(self.engine, self.clock.now())
        except Exception:
            log.exception("Could not checkpoint the audit trail")
            return None

    def dispose(self) -> None:
        """Close the database; records the sign-out of whoever is still signed in (a command's user)."""
        if self.principal is not None:
            try:
                self.sign_out("closed")
            except Exception:
                log.exception("Recording the sign-out failed")
                self.principal = None
        else:
            self.checkpoint_audit()
        self.engine.dispose()


def load_curricula(config: AppConfig) -> Library:
    return load_library(shipped_curricula_dir(), config.clinic_curricula_dir)


def open_backend(config: AppConfig, library: Library | None = None, clock: Clock | None = None) -> Backend:
    """Create the engine, upgrade the schema (after a backup), and build the services.

    ``clock`` is the clock every service reads (a test's FakeClock); the system clock by default.

    Every service writes through one unit-of-work factory (``work``) that acts for whoever
    is signed in; nobody is until the app or a command signs in.
    """
    from .core.clock import SystemClock
    from .store import db
    from .store.accounts import AccountService
    from .store.attendance import AttendanceService
    from .store.audit import AuditLog
    from .store.backup import remove_partial_files
    from .store.billing import BillingService
    from .store.care import CareService
    from .store.checkpoint import AuditCheckpoints
    from .store.consents import ConsentService
    from .store.notes import NotesService
    from .store.roster import RosterService
    from .store.runs import RunStore
    from .store.settings_service import ClinicSettings
    from .store.unit_of_work import Work

    # Only the first start of a new data folder (no checkpoint key yet) may create a database.
    checkpoints = AuditCheckpoints(config.data_dir)
    engine = db.create_engine(config.database_url, create=not checkpoints.has_key())
    db_file = db.sqlite_path(config.database_url)
    remove_partial_files(config.data_dir, config.backup_dir, *([db_file.parent] if db_file else []))
    backup = db.upgrade(engine, config.backup_dir)
    checkpoints.key()
    clock = clock or SystemClock()
    audit = AuditLog(engine, clock)
    audit.checkpoints = checkpoints
    work = Work(engine, audit, clock, lambda: backend.current_principal())
    work.connect_identity()
    settings = ClinicSettings(work)
    if library is None:
        library = load_curricula(config)
    backend = Backend(
        config=config,
        engine=engine,
        settings=settings,
        library=library,
        roster=RosterService(work),
        attendance=AttendanceService(work, settings, lambda: backend.library),
        upgrade_backup=backup,
        clock=clock,
        audit=audit,
        work=work,
    )
    backend.accounts = AccountService(work, settings=settings)
    backend.notes = NotesService(work, settings, lambda: backend.library)  # type: ignore[arg-type]
    backend.runs = RunStore(work)
    from .store.measures import MeasuresService

    backend.measures = MeasuresService(work, settings)
    backend.care = CareService(work, backend.attendance, lambda: backend.library)
    backend.consents = ConsentService(work)
    backend.billing = BillingService(work)
    if config.demo:
        from .demo import seed_demo

        seed_demo(backend)
        from .demo import sign_in_demo_user

        sign_in_demo_user(backend)
    return backend


def ensure_folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
