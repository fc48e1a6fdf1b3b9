"""The loaded library as a Qt object: one source for every view, reloaded when files change."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from ..backend import load_curricula
from ..config import AppConfig
from ..core.library import Library, curriculum_files

log = logging.getLogger(__name__)
RELOAD_DELAY_MS = 300


class LibraryState(QObject):
    """Holds the current Library and watches the clinic curricula folder.

    Dropping a file into the folder, editing or deleting one, reloads the library after a
    short pause (editors write files in several steps) and emits ``changed``.
    """

    changed = Signal()

    def __init__(self, config: AppConfig, library: Library | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._config = config
        self._library = library if library is not None else Library()
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._schedule_reload)
        self._watcher.fileChanged.connect(self._schedule_reload)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RELOAD_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self._watch()

    @property
    def library(self) -> Library:
        return self._library

    @property
    def clinic_folder(self) -> Path:
        return self._config.clinic_curricula_dir

    def set_library(self, library: Library) -> None:
        self._library = library
        self._watch()
        self.changed.emit()

    def reload(self) -> None:
        self._timer.stop()
        self._library = load_curricula(self._config)
        self._watch()
        log.info(
            "Library reloaded: %d curricula, %d problems", len(self._library.curricula), len(self._library.problems)
        )
        self.changed.emit()

    def set_clinic_folder(self, folder: Path) -> None:
        """Use another clinic curricula folder from now on, on this workstation."""
        self._config.set_clinic_curricula_dir(folder)
        self.reload()

    def _schedule_reload(self, _path: str = "") -> None:
        self._timer.start()

    def _watch(self) -> None:
        old = self._watcher.directories() + self._watcher.files()
        if old:
            self._watcher.removePaths(old)
        folder = self.clinic_folder
        if folder.is_dir():
            self._watcher.addPath(str(folder))
            files = [str(p) for p in curriculum_files(folder)]
            if files:
                self._watcher.addPaths(files)
