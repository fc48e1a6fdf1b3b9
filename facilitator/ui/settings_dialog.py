"""Settings: the clinic's name (shared by all workstations) and this workstation's folders."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ..logs import log_path
from .errors import show_error

log = logging.getLogger(__name__)


class SettingsDialog(QDialog):
    def __init__(self, backend, library_state, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setAccessibleName("Settings")
        self._backend = backend
        self._library_state = library_state
        config = backend.config

        self.clinic_name = QLineEdit(backend.settings.get("clinic_name"))
        self.clinic_name.setAccessibleName("Clinic name")
        self.clinic_name.setPlaceholderText("Shown on handouts and reports")
        self.folder = QLineEdit(str(config.clinic_curricula_dir))
        self.folder.setAccessibleName("Clinic curricula folder")
        browse = QPushButton("&Browse…")
        browse.setAccessibleName("Browse for the clinic curricula folder")
        browse.clicked.connect(self._on_browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)

        form = QFormLayout(self)
        form.addRow("Clinic &name:", self.clinic_name)
        form.addRow("Clinic &curricula folder:", folder_row)
        for label, value in (
            ("Data folder:", str(config.data_dir)),
            ("Database:", _redact(config.database_url)),
            ("Log file:", str(log_path() or config.log_dir)),
        ):
            shown = QLabel(value)
            shown.setAccessibleName(label.rstrip(":"))
            shown.setWordWrap(True)
            form.addRow(label, shown)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(640)

    def _on_browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Clinic curricula folder", self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _on_save(self) -> None:
        folder_text = self.folder.text().strip()
        if not folder_text:
            show_error(self, "Settings", "Please choose a folder for the clinic's curricula.")
            return
        folder = Path(folder_text).expanduser()
        if folder.exists() and not folder.is_dir():
            show_error(self, "Settings", f"{folder} is a file, not a folder. Please choose a folder.")
            return
        try:
            self._backend.settings.set("clinic_name", self.clinic_name.text().strip())
            if folder != self._backend.config.clinic_curricula_dir:
                self._library_state.set_clinic_folder(folder)
        except OSError as exc:
            log.exception("Saving settings failed")
            show_error(self, "Settings", f"The settings could not be saved ({exc.strerror or exc}). Nothing you typed was lost.")
            return
        except Exception:
            log.exception("Saving settings failed")
            show_error(
                self,
                "Settings",
                "The settings could not be saved because the database did not answer. "
                "What you typed is still here; try again in a moment.",
            )
            return
        self.accept()


def _redact(url: str) -> str:
    """Hide a password in a database URL."""
    try:
        import sqlalchemy as sa

        return sa.make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url
