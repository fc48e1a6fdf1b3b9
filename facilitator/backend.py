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

    from .store.attendance import AttendanceService
    from .store.roster import RosterService
    from .store.settings_service import ClinicSettings

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

    def reload_library(self) -> Library:
        self.library = load_curricula(self.config)
        return self.library

    def dispose(self) -> None:
        self.engine.dispose()


def load_curricula(config: AppConfig) -> Library:
    return load_library(shipped_curricula_dir(), config.clinic_curricula_dir)


def open_backend(config: AppConfig, library: Library | None = None) -> Backend:
    """Create the engine, upgrade the schema (after a backup), and build the services."""
    from .core.clock import SystemClock
    from .store import db
    from .store.attendance import AttendanceService
    from .store.roster import RosterService
    from .store.settings_service import ClinicSettings

    engine = db.create_engine(config.database_url)
    backup = db.upgrade(engine, config.backup_dir)
    settings = ClinicSettings(engine)
    if library is None:
        library = load_curricula(config)
    backend = Backend(
        config=config,
        engine=engine,
        settings=settings,
        library=library,
        roster=RosterService(engine),
        attendance=AttendanceService(engine, settings, lambda: backend.library, SystemClock()),
        upgrade_backup=backup,
    )
    if config.demo:
        from .demo import seed_demo

        seed_demo(backend)
    return backend


def ensure_folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
