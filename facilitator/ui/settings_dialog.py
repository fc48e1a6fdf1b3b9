"""Settings: what the whole clinic shares (name, program rules) and this workstation's folders.

Clinic settings live in the database, so every workstation on one server sees the same
values; the curricula folder belongs to this workstation. Each value is checked before
anything is saved, and a failed save keeps what was typed in the dialog.
"""

from __future__ import annotations

import logging
import zoneinfo
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.attendance import HourRules
from ..core.idle import DEFAULT_IDLE_LOCK_MINUTES, parse_idle_minutes
from ..core.printing import LOGO_SETTING
from ..logs import log_path
from ..store.attendance import ZONE_SETTING, read_rules, read_zone_name
from .errors import show_error
from .logo_picker import LogoPicker
from .session import SETTING_IDLE_MINUTES

log = logging.getLogger(__name__)


def _hours_box(value: float, name: str, maximum: float = 40.0) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0.5, maximum)
    box.setSingleStep(0.5)
    box.setDecimals(1)
    box.setSuffix(" h")
    box.setValue(value)
    box.setAccessibleName(name)
    return box


class SettingsDialog(QDialog):
    def __init__(self, backend, library_state, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setAccessibleName("Settings")
        self._backend = backend
        self._library_state = library_state
        config = backend.config
        rules = read_rules(backend.settings)

        # -- the clinic ---------------------------------------------------------------------
        self.clinic_name = QLineEdit(backend.settings.get("clinic_name"))
        self.clinic_name.setAccessibleName("Clinic name")
        self.clinic_name.setPlaceholderText("Shown on handouts and reports")
        clinic = QGroupBox("Clinic (shared by every workstation)")
        clinic_form = QFormLayout(clinic)
        clinic_form.addRow("Clinic &name:", self.clinic_name)
        self.logo = LogoPicker(backend.settings.get(LOGO_SETTING))
        clinic_form.addRow("Clinic lo&go:", self.logo)
        from .backup_actions import auto_backups_kept

        self.backups_kept = QSpinBox()
        self.backups_kept.setRange(1, 100)
        self.backups_kept.setValue(auto_backups_kept(backend))
        self.backups_kept.setSuffix(" backups")
        self.backups_kept.setAccessibleName("Automatic backups kept, taken when the app closes")
        clinic_form.addRow("Automatic backups &kept:", self.backups_kept)

        # -- program rules ------------------------------------------------------------------
        self.adult_hours = _hours_box(rules.adult_weekly_hours, "Weekly hours target for adults")
        self.adolescent_hours = _hours_box(rules.adolescent_weekly_hours, "Weekly hours target for adolescents")
        self.daily_minimum = _hours_box(rules.daily_minimum_hours, "Daily minimum hours", maximum=12.0)
        self.high_week = _hours_box(rules.high_weekly_hours, "Weekly hours flagged as high", maximum=60.0)
        self.capacity = QSpinBox()
        self.capacity.setRange(2, 40)
        self.capacity.setValue(rules.capacity_warning)
        self.capacity.setSuffix(" people")
        self.capacity.setAccessibleName("Warn when a group has more members than")
        self.time_zone = QComboBox()
        self.time_zone.setEditable(True)
        self.time_zone.addItems(sorted(z for z in zoneinfo.available_timezones() if "/" in z and not z.startswith("Etc/")))
        self.time_zone.setCurrentText(read_zone_name(backend.settings))
        self.time_zone.setAccessibleName("Clinic time zone")
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(1, 60)
        self.idle_minutes.setSuffix(" min")
        self.idle_minutes.setValue(self._idle_minutes())
        self.idle_minutes.setAccessibleName("Lock the screen after this many idle minutes")
        from ..core.notes import DEFAULT_DEADLINE_BUSINESS_DAYS, NoteFormat, parse_format

        self.note_format = QComboBox()
        for fmt in NoteFormat:
            self.note_format.addItem(fmt.label, fmt.value)
        self.note_format.setCurrentIndex(list(NoteFormat).index(parse_format(backend.settings.get("note_format"))))
        self.note_format.setAccessibleName("Progress note format, unless a group chooses its own")
        self.note_deadline = QSpinBox()
        self.note_deadline.setRange(1, 30)
        self.note_deadline.setSuffix(" business days")
        deadline = backend.settings.get("note_deadline_business_days").strip()
        self.note_deadline.setValue(int(deadline) if deadline.isdigit() else DEFAULT_DEADLINE_BUSINESS_DAYS)
        self.note_deadline.setAccessibleName("Notes are due this many business days after the meeting")
        program = QGroupBox("Program rules (shared by every workstation)")
        program_form = QFormLayout(program)
        program_form.addRow("Weekly target, &adults:", self.adult_hours)
        program_form.addRow("Weekly target, a&dolescents:", self.adolescent_hours)
        program_form.addRow("Days count when they reach:", self.daily_minimum)
        program_form.addRow("Flag weeks at or above:", self.high_week)
        program_form.addRow("Warn when a group is larger than:", self.capacity)
        program_form.addRow("Clinic &time zone:", self.time_zone)
        program_form.addRow("&Lock the screen when idle for:", self.idle_minutes)
        program_form.addRow("Progress note &format:", self.note_format)
        program_form.addRow("Notes due &within:", self.note_deadline)
        hint = QLabel("A participant's own weekly target, set on their record, overrides these.")
        hint.setWordWrap(True)
        program_form.addRow(hint)

        # -- this workstation ---------------------------------------------------------------
        self.folder = QLineEdit(str(config.clinic_curricula_dir))
        self.folder.setAccessibleName("Clinic curricula folder")
        browse = QPushButton("&Browse…")
        browse.setAccessibleName("Browse for the clinic curricula folder")
        browse.clicked.connect(self._on_browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        workstation = QGroupBox("This workstation")
        form = QFormLayout(workstation)
        folder_label = QLabel("Clinic &curricula folder:")
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        for label, value in (
            ("Data folder:", str(config.data_dir)),
            ("Database:", _redact(config.database_url)),
            ("Log file:", str(log_path() or config.log_dir)),
        ):
            shown = QLabel(value)
            shown.setAccessibleName(label.rstrip(":"))
            shown.setWordWrap(True)
            form.addRow(label, shown)

        # Clinic-wide values are an administrator's to change (the settings service enforces it).
        from ..core.permissions import can_manage_settings

        principal = getattr(backend, "principal", None)
        self._clinic_editable = principal is None or can_manage_settings(principal)
        if not self._clinic_editable:
            for box in (clinic, program):
                box.setEnabled(False)
                box.setTitle(box.title().replace(")", "; only an administrator can change these)"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(clinic)
        layout.addWidget(program)
        layout.addWidget(workstation)
        layout.addWidget(buttons)
        self.setMinimumWidth(680)

    def _idle_minutes(self) -> int:
        minutes = parse_idle_minutes(self._backend.settings.get(SETTING_IDLE_MINUTES), DEFAULT_IDLE_LOCK_MINUTES)
        return max(1, min(60, round(minutes)))

    def _on_browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Clinic curricula folder", self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _clinic_values(self) -> dict[str, str] | None:
        """Every clinic-wide value as stored, or None after telling the user what is wrong."""
        zone = self.time_zone.currentText().strip()
        try:
            zoneinfo.ZoneInfo(zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            show_error(self, "Settings", f"“{zone}” is not a time zone this computer knows. Choose one from the list, such as America/Chicago.")
            return None
        if self.adolescent_hours.value() > self.adult_hours.value() * 3:
            show_error(self, "Settings", "The adolescent weekly target looks far too high next to the adult one. Please check both.")
            return None
        rules = HourRules(
            adult_weekly_hours=self.adult_hours.value(),
            adolescent_weekly_hours=self.adolescent_hours.value(),
            daily_minimum_hours=self.daily_minimum.value(),
            high_weekly_hours=self.high_week.value(),
            capacity_warning=self.capacity.value(),
        )
        values = {key: _number_text(value) for key, value in rules.__dict__.items()}
        values["clinic_name"] = self.clinic_name.text().strip()
        values[LOGO_SETTING] = self.logo.value()
        values[ZONE_SETTING] = zone
        values[SETTING_IDLE_MINUTES] = str(self.idle_minutes.value())
        values["note_format"] = str(self.note_format.currentData())
        values["note_deadline_business_days"] = str(self.note_deadline.value())
        from .backup_actions import SETTING_AUTO_BACKUPS_KEPT

        values[SETTING_AUTO_BACKUPS_KEPT] = str(self.backups_kept.value())
        return values

    def _on_save(self) -> None:
        folder_text = self.folder.text().strip()
        if not folder_text:
            show_error(self, "Settings", "Please choose a folder for the clinic's curricula.")
            return
        folder = Path(folder_text).expanduser()
        if folder.exists() and not folder.is_dir():
            show_error(self, "Settings", f"{folder} is a file, not a folder. Please choose a folder.")
            return
        values = self._clinic_values() if self._clinic_editable else {}
        if values is None:
            return
        from ..core.permissions import PermissionDenied

        try:
            current = self._backend.settings.all()
            for key, value in values.items():
                if current.get(key, "") != value:
                    self._backend.settings.set(key, value)
            if folder != self._backend.config.clinic_curricula_dir:
                self._library_state.set_clinic_folder(folder)
        except PermissionDenied as exc:
            show_error(self, "Settings", str(exc))
            return
        except PermissionError as exc:
            show_error(self, "Settings", str(exc) or "Only an administrator can change the clinic's settings.")
            return
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


def _number_text(value: float | int) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _redact(url: str) -> str:
    """Hide a password in a database URL."""
    try:
        import sqlalchemy as sa

        return sa.make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url
