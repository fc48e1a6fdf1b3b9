"""Run-time configuration: command line and environment first, then this workstation's file.

Two kinds of setting live in two places, on purpose. What differs per workstation (the
clinic curricula folder, the room-display screen) is in ``DATA_DIR/settings.json``. What
the whole clinic shares (its name, hour targets, note rules) is in the database, so every
workstation pointed at one PostgreSQL server sees the same values.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .paths import default_data_dir, default_log_dir

log = logging.getLogger(__name__)

ENV_DATABASE_URL = "FACILITATOR_DATABASE_URL"
ENV_DATA_DIR = "FACILITATOR_DATA_DIR"
ENV_LOG_DIR = "FACILITATOR_LOG_DIR"
SETTINGS_FILE = "settings.json"
DATABASE_FILE = "facilitator.sqlite"


@dataclass
class LocalSettings:
    """Settings of this workstation, kept as JSON in the data folder."""

    clinic_curricula_dir: str = ""
    room_display_screen: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> LocalSettings:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            log.warning("Ignoring unreadable settings file %s: %s", path, exc)
            return cls()
        if not isinstance(raw, dict):
            return cls()
        known = {k: raw[k] for k in ("clinic_curricula_dir", "room_display_screen") if isinstance(raw.get(k), str)}
        extra = raw.get("extra") if isinstance(raw.get("extra"), dict) else {}
        return cls(**known, extra=extra)

    def save(self, path: Path) -> None:
        """Write atomically, so a full disk or a crash never leaves half a settings file."""
        from .core.files import private_file

        with private_file(path) as fh:
            json.dump(asdict(self), fh, indent=2)


@dataclass
class AppConfig:
    """Everything the composition root needs to build the app or run a command."""

    data_dir: Path
    database_url: str
    log_dir: Path
    demo: bool = False
    local: LocalSettings = field(default_factory=LocalSettings)
    # The demo's own temporary folder: removed when the app quits, never backed up.
    throwaway: bool = False

    @property
    def settings_path(self) -> Path:
        return self.data_dir / SETTINGS_FILE

    @property
    def clinic_curricula_dir(self) -> Path:
        if self.local.clinic_curricula_dir:
            return Path(self.local.clinic_curricula_dir).expanduser()
        return self.data_dir / "curricula"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    def remove_throwaway(self) -> None:
        """Delete the demo's temporary folder (only one this process made for itself)."""
        if self.throwaway and self.data_dir.name.startswith("facilitator-demo-"):
            import shutil

            shutil.rmtree(self.data_dir, ignore_errors=True)

    def set_clinic_curricula_dir(self, folder: Path) -> None:
        default = self.data_dir / "curricula"
        self.local.clinic_curricula_dir = "" if folder == default else str(folder)
        self.local.save(self.settings_path)

    @classmethod
    def build(
        cls,
        data_dir: str | Path | None = None,
        database_url: str | None = None,
        log_dir: str | Path | None = None,
        demo: bool = False,
        environ: dict[str, str] | None = None,
    ) -> AppConfig:
        env = os.environ if environ is None else environ
        throwaway = demo and data_dir is None
        if throwaway:
            data_dir = tempfile.mkdtemp(prefix="facilitator-demo-")
        chosen = Path(data_dir or env.get(ENV_DATA_DIR) or default_data_dir()).expanduser()
        url = database_url or ("" if demo else env.get(ENV_DATABASE_URL, ""))
        if not url:
            url = sqlite_url(chosen / DATABASE_FILE)
        logs = Path(log_dir or env.get(ENV_LOG_DIR) or default_log_dir()).expanduser()
        local = LocalSettings.load(chosen / SETTINGS_FILE)
        return cls(data_dir=chosen, database_url=url, log_dir=logs, demo=demo, local=local, throwaway=throwaway)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"
