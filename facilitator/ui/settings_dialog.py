"""Settings: what the whole clinic shares, generated from its declaration, and this workstation's folders.

Every clinic setting is declared once in ``core.clinic_settings`` (key, type, default,
range, unit, help); this dialog builds one group box per section and one widget per
setting from that table, with the help sentence as tooltip and accessible description.
Clinic settings live in the database, so every workstation on one server sees the same
values; the curricula folder belongs to this workstation. Saving runs off the GUI thread
in one unit of work; a value the service refuses comes back as a sentence, and what was
typed stays in the dialog.
"""

from __future__ import annotations

import logging
import zoneinfo
from pathlib import Path
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
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
    QWidget,
)

from ..core import clinic_settings as cs
from ..core.attendance import system_zone_name
from ..core.changes import SessionEnded, UserFacingError
from ..logs import log_path
from .errors import show_error
from .i18n import LANGUAGES, LOCAL_LANGUAGE_KEY, QT_TRANSLATE_NOOP, core_word, sentence_text, system_language, translate
from .keyboard import scrolling_body
from .logo_picker import LogoPicker
from .style import DisplayMode, apply_display_mode

log = logging.getLogger(__name__)
TITLE = QT_TRANSLATE_NOOP("SettingsDialog", "Settings")


def _number_box(spec: cs.Setting) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(float(spec.minimum or 0), float(spec.maximum or 1e6))
    whole_steps = spec.unit == "%"
    box.setDecimals(0 if whole_steps else 1)
    box.setSingleStep(1.0 if whole_steps else 0.5)
    return box


def make_field(spec: cs.Setting, value: Any) -> QWidget:
    """The widget for one setting's kind, with its range, choices and unit from the declaration, showing ``value``."""
    widget: QWidget
    if spec.kind is cs.Kind.TEXT:
        line = QLineEdit()
        line.setMaxLength(spec.max_length)
        widget = line
    elif spec.kind is cs.Kind.INTEGER:
        spin = QSpinBox()
        spin.setRange(int(spec.minimum or 0), int(spec.maximum or 1_000_000))
        widget = spin
    elif spec.kind is cs.Kind.NUMBER:
        widget = _number_box(spec)
    elif spec.kind is cs.Kind.CHOICE:
        combo = QComboBox()
        combo.addItems(list(spec.choices))
        widget = combo
    elif spec.kind is cs.Kind.TIME_ZONE:
        zones = QComboBox()
        zones.setEditable(True)
        zones.addItems(sorted(z for z in zoneinfo.available_timezones() if "/" in z and not z.startswith("Etc/")))
        widget = zones
    elif spec.kind is cs.Kind.IMAGE:
        widget = LogoPicker(str(value or ""))
    else:  # pragma: no cover - every kind is handled above
        raise ValueError(f"no widget for {spec.kind}")
    if spec.unit and isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        widget.setSuffix(f" {core_word(spec.unit)}")
    widget.setObjectName(spec.key)
    widget.setAccessibleName(core_word(spec.label))
    widget.setAccessibleDescription(core_word(spec.help))
    widget.setToolTip(core_word(spec.help))
    show_value(widget, spec, value)
    return widget


def show_value(widget: QWidget, spec: cs.Setting, value: Any) -> None:
    if isinstance(widget, LogoPicker):
        return  # shown from its construction; it is changed with its own buttons
    if isinstance(widget, QLineEdit):
        widget.setText(str(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value))
    elif isinstance(widget, QDoubleSpinBox):
        widget.setValue(float(value))
    elif isinstance(widget, QComboBox):
        text = str(value) or (system_zone_name() if spec.kind is cs.Kind.TIME_ZONE else "")
        if widget.isEditable():
            widget.setCurrentText(text)
        else:
            widget.setCurrentIndex(max(0, widget.findText(text)))


def read_value(widget: QWidget) -> Any:
    if isinstance(widget, LogoPicker):
        return widget.value()
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QDoubleSpinBox):
        return widget.value()
    if isinstance(widget, QComboBox):
        return widget.currentText().strip()
    raise TypeError(f"no value in {widget!r}")  # pragma: no cover


class SettingsDialog(QDialog):
    def __init__(self, backend, library_state, parent: QWidget | None = None, hub=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setWindowTitle(self.tr(TITLE))
        self.setAccessibleName(self.tr(TITLE))
        self._backend = backend
        self._library_state = library_state
        self._hub = hub
        config = backend.config
        values = backend.settings.values()

        # Clinic-wide values are an administrator's to change (the settings service enforces it).
        from ..core.permissions import can_manage_settings

        principal = getattr(backend, "principal", None)
        self._clinic_editable = principal is None or can_manage_settings(principal)
        # The sections scroll inside the dialog, which never grows past the screen; the buttons stay below.
        outer, layout, self.scroll = scrolling_body(self)
        content = self.scroll.widget()

        # What a counselor may change comes first (and first in the Tab order): this workstation's
        # language and display; the clinic's sections (an administrator's) follow.
        # -- this workstation ---------------------------------------------------------------
        self.folder = QLineEdit(str(config.clinic_curricula_dir))
        self.folder.setAccessibleName(self.tr("Clinic curricula folder"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAccessibleName(self.tr("Browse for the clinic curricula folder"))
        browse.clicked.connect(self._on_browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        workstation = QGroupBox(self.tr("This workstation"))
        workstation.setAccessibleName(self.tr("This workstation"))
        form = QFormLayout(workstation)
        folder_label = QLabel(self.tr("Clinic &curricula folder:"))
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        self.language = language_combo(config.local.extra.get(LOCAL_LANGUAGE_KEY, ""))
        language_label = QLabel(self.tr("&Language:"))
        language_label.setBuddy(self.language)
        form.addRow(language_label, self.language)
        self.language_note = QLabel(self.tr("The new language shows from Facilitator's next start."))
        self.language_note.setAccessibleName(self.tr("About changing the language"))
        self.language_note.setVisible(False)
        form.addRow("", self.language_note)
        self.language.currentIndexChanged.connect(
            lambda: self.language_note.setVisible(
                (self.language.currentData() or "") != config.local.extra.get(LOCAL_LANGUAGE_KEY, "")
            )
        )
        mode = DisplayMode.from_local(config.local.extra)
        self.high_contrast = QCheckBox(self.tr("&High contrast (white on black)"))
        self.high_contrast.setObjectName("display_high_contrast")
        self.high_contrast.setAccessibleName(self.tr("High contrast display"))
        self.high_contrast.setToolTip(self.tr("Light text on black in every window of this computer, the runner and the room display included."))
        self.high_contrast.setChecked(mode.high_contrast)
        self.large_text = QCheckBox(self.tr("Lar&ge text"))
        self.large_text.setObjectName("display_large_text")
        self.large_text.setAccessibleName(self.tr("Large text"))
        self.large_text.setToolTip(self.tr("Bigger text in every window of this computer; the room display's text grows too."))
        self.large_text.setChecked(mode.large_text)
        modes_row = QHBoxLayout()
        modes_row.addWidget(self.high_contrast)
        modes_row.addWidget(self.large_text)
        modes_row.addStretch(1)
        form.addRow(self.tr("Display:"), modes_row)
        for label, value in (
            (self.tr("Data folder:"), str(config.data_dir)),
            (self.tr("Database:"), _redact(config.database_url)),
            (self.tr("Log file:"), str(log_path() or config.log_dir)),
        ):
            shown = QLabel(value)
            shown.setAccessibleName(label.rstrip(":"))
            shown.setWordWrap(True)
            form.addRow(label, shown)
        layout.addWidget(workstation)

        # -- the clinic, one box per section of the declaration ------------------------------
        self.fields: dict[str, QWidget] = {}
        self.sections: dict[str, QGroupBox] = {}
        for section in cs.SECTIONS:
            specs = [s for s in cs.SETTINGS.values() if s.section == section]
            if not specs:
                continue
            box = QGroupBox(self.tr("{section} (shared by every workstation)").format(section=core_word(section)))
            box.setAccessibleName(core_word(section))
            form = QFormLayout(box)
            for spec in specs:
                widget = make_field(spec, values[spec.key])
                label = QLabel(self.tr("{label}:").format(label=core_word(spec.label)))
                label.setBuddy(widget)
                label.setToolTip(core_word(spec.help))
                form.addRow(label, widget)
                self.fields[spec.key] = widget
            if not self._clinic_editable:
                box.setEnabled(False)
                box.setTitle(self.tr("{section} (only an administrator can change these)").format(section=core_word(section)))
            self.sections[section] = box
            layout.addWidget(box)

        layout.addStretch(1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.setMinimumWidth(680)
        self._fit_to_screen(content)

    def _fit_to_screen(self, content: QWidget) -> None:
        """As tall as the sections need, but no taller than the screen it opens on (less a margin)."""
        screen = (self.parentWidget().screen() if self.parentWidget() is not None else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().height() - 80 if screen is not None else 700
        chrome = self.buttons.sizeHint().height() + 4 * self.layout().spacing() + 40
        wanted = content.sizeHint().height() + chrome
        width = max(680, content.sizeHint().width() + 40)
        self.resize(width, max(320, min(wanted, room)))

    def field(self, key: str) -> QWidget:
        return self.fields[key]

    @property
    def logo(self) -> LogoPicker:
        return self.fields["clinic_logo"]  # type: ignore[return-value]

    def _on_browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Clinic curricula folder"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _save_language(self) -> bool:
        """Keep this workstation's language; it shows from the next start. False after saying why it failed."""
        config = self._backend.config
        chosen = self.language.currentData() or ""
        if chosen == config.local.extra.get(LOCAL_LANGUAGE_KEY, ""):
            return True
        config.local.extra[LOCAL_LANGUAGE_KEY] = chosen
        try:
            config.local.save(config.settings_path)
        except OSError as exc:
            log.exception("Saving the language failed")
            show_error(self, self.tr(TITLE), self.tr("The language could not be saved ({exc}). Nothing you typed was lost.").format(exc=exc.strerror or exc))
            return False
        return True

    def display_mode(self) -> DisplayMode:
        return DisplayMode(high_contrast=self.high_contrast.isChecked(), large_text=self.large_text.isChecked())

    def _save_display_mode(self) -> bool:
        """Keep this workstation's display modes and show them at once. False after saying why it failed."""
        config = self._backend.config
        mode = self.display_mode()
        if mode != DisplayMode.from_local(config.local.extra):
            mode.store_in(config.local.extra)
            try:
                config.local.save(config.settings_path)
            except OSError as exc:
                log.exception("Saving the display modes failed")
                show_error(self, self.tr(TITLE), self.tr("The display modes could not be saved ({exc}). Nothing you typed was lost.").format(exc=exc.strerror or exc))
                return False
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_display_mode(app, mode)
        return True

    def clinic_values(self) -> dict[str, Any] | None:
        """Every clinic-wide value as typed, or None after telling the user what does not fit together."""
        values = {key: read_value(widget) for key, widget in self.fields.items()}
        zone = values.get("clinic_time_zone", "")
        if zone == system_zone_name() and not self._backend.settings.get("clinic_time_zone"):
            values["clinic_time_zone"] = ""  # still "this computer's zone", as before
        if values["adolescent_weekly_hours"] > values["adult_weekly_hours"] * 3:
            show_error(self, self.tr(TITLE), self.tr("The adolescent weekly target looks far too high next to the adult one. Please check both."))
            return None
        return values

    def _on_save(self) -> None:
        folder_text = self.folder.text().strip()
        if not folder_text:
            show_error(self, self.tr(TITLE), self.tr("Please choose a folder for the clinic's curricula."))
            return
        folder = Path(folder_text).expanduser()
        if folder.exists() and not folder.is_dir():
            show_error(self, self.tr(TITLE), self.tr("{folder} is a file, not a folder. Please choose a folder.").format(folder=folder))
            return
        values = self.clinic_values() if self._clinic_editable else {}
        if values is None:
            return
        from .operations import CollectionOp

        settings = self._backend.settings
        self.buttons.setEnabled(False)

        def done(_changed: object) -> None:
            self.buttons.setEnabled(True)
            try:
                if self._library_state is not None and folder != self._backend.config.clinic_curricula_dir:
                    self._library_state.set_clinic_folder(folder)
            except OSError as exc:
                log.exception("Saving the curricula folder failed")
                show_error(self, self.tr(TITLE), self.tr("The folder could not be saved ({exc}). Nothing you typed was lost.").format(exc=exc.strerror or exc))
                return
            if not self._save_language() or not self._save_display_mode():
                return
            self.accept()

        def failed(exc: Exception) -> bool:
            self.buttons.setEnabled(True)
            if isinstance(exc, SessionEnded) and self._hub is not None:
                return False  # the session gate covers the window and keeps what was typed
            if isinstance(exc, UserFacingError):
                show_error(self, self.tr(TITLE), sentence_text(exc))
                return True
            show_error(
                self,
                self.tr(TITLE),
                self.tr("The settings could not be saved because the database did not answer. "
                "What you typed is still here; try again in a moment."),
            )
            return True

        CollectionOp(self, lambda: settings.set_many(values) if values else [], self._hub).success(done).failure(
            failed
        ).titled(self.tr(TITLE)).run()


def language_combo(preference: str) -> QComboBox:
    """This workstation's language: the system's (the first entry), or one the UI is translated into."""
    combo = QComboBox()
    combo.setObjectName("ui_language")
    combo.setAccessibleName(translate("settings_dialog", "Language of this workstation"))
    system = LANGUAGES.get(system_language(), system_language())
    combo.addItem(translate("settings_dialog", "The system's language ({language})").format(language=system), "")
    for code, name in LANGUAGES.items():
        combo.addItem(name, code)
    combo.setCurrentIndex(max(0, combo.findData(preference)))
    combo.setToolTip(translate("settings_dialog", "The language of Facilitator's screens on this computer. The room "
                                                  "display and handouts speak each curriculum's own language."))
    return combo


def _redact(url: str) -> str:
    """Hide a password in a database URL."""
    try:
        import sqlalchemy as sa

        return sa.make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url
