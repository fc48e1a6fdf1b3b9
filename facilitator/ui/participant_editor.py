"""The participant editor: names, record number, dates, hours target, handout needs, goals, relatives.

Saving runs through ``CollectionOp`` from the version shown; when someone else saved the
participant first, the conflict dialog offers their version or to save over it, and what
was typed stays in the form until the user chooses.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core import limits
from ..core.changes import ConflictError
from ..core.roster import MAX_GOALS, Audience, ParticipantDraft, ParticipantRecord, ParticipantStatus
from .conflict_dialog import OVERWRITE, RELOAD, ask_conflict
from .errors import show_error
from .i18n import core_word, sentence_text
from .keyboard import OptionalDateEdit
from .operations import CollectionOp

log = logging.getLogger(__name__)
# Dates a person may give are 1900-2100 (core.limits); the first day stands for "not recorded".
EARLIEST = QDate(limits.EARLIEST_DATE.year, limits.EARLIEST_DATE.month, limits.EARLIEST_DATE.day)
LATEST = QDate(limits.LATEST_DATE.year, limits.LATEST_DATE.month, limits.LATEST_DATE.day)
NO_DATE = EARLIEST


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ParticipantDialog(QDialog):
    """Create or edit one participant; ``record`` holds the saved result after ``exec``."""

    def __init__(self, roster, rules, participant: ParticipantRecord | None = None,  # type: ignore[no-untyped-def]
                 today: date | None = None, parent: QWidget | None = None, *, hub=None) -> None:
        super().__init__(parent)
        self._hub = hub
        self._roster = roster
        self._rules = rules
        self._existing = participant
        self.record: ParticipantRecord | None = None
        self.setWindowTitle(self.tr("Edit participant") if participant else self.tr("New participant"))
        self.setAccessibleName(self.windowTitle())
        today = today or date.today()

        self.preferred = QLineEdit()
        self.preferred.setAccessibleName(self.tr("Preferred name"))
        self.preferred.setMaxLength(limits.PREFERRED_NAME.max_chars)
        self.legal = QLineEdit()
        self.legal.setAccessibleName(self.tr("Legal name"))
        self.legal.setMaxLength(limits.LEGAL_NAME.max_chars)
        self.record_number = QLineEdit()
        self.record_number.setAccessibleName(self.tr("Record number"))
        self.record_number.setMaxLength(limits.RECORD_NUMBER.max_chars)
        self.dob = OptionalDateEdit()
        self.dob.setAccessibleName(self.tr("Date of birth (optional)"))
        self.dob.setToolTip(self.tr("Delete clears the date of birth (not recorded)"))
        self.dob.setDisplayFormat("yyyy-MM-dd")
        self.dob.setDateRange(NO_DATE, LATEST)
        self.dob.setSpecialValueText(self.tr("not recorded"))
        self.dob.setCalendarPopup(True)
        self.program_start = QDateEdit()
        self.program_start.setAccessibleName(self.tr("Program start"))
        self.program_start.setDisplayFormat("yyyy-MM-dd")
        self.program_start.setDateRange(EARLIEST, LATEST)
        self.program_start.setCalendarPopup(True)
        self.audience = QComboBox()
        self.audience.setAccessibleName(self.tr("Adult or adolescent"))
        for a in Audience:
            self.audience.addItem(core_word(a.label), a)
        self.audience.currentIndexChanged.connect(self._on_audience)
        self.own_target = QCheckBox(self.tr("Own &weekly target:"))
        self.own_target.setAccessibleName(self.tr("Use an own weekly hours target"))
        self.target = QDoubleSpinBox()
        self.target.setAccessibleName(self.tr("Weekly hours target"))
        self.target.setRange(0, 60)
        self.target.setSingleStep(0.5)
        self.target.setSuffix(" h")
        self.own_target.toggled.connect(self.target.setEnabled)
        self.default_label = QLabel()
        target_row = QHBoxLayout()
        target_row.addWidget(self.own_target)
        target_row.addWidget(self.target)
        target_row.addWidget(self.default_label, 1)
        self.language = QLineEdit()
        self.language.setAccessibleName(self.tr("Handout language (BCP 47, e.g. en, es)"))
        self.language.setMaxLength(limits.LANGUAGE.max_chars)
        self.large_print = QCheckBox(self.tr("&Large print handouts"))
        self.large_print.setAccessibleName(self.tr("Large print handouts"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        for s in ParticipantStatus:
            self.status.addItem(core_word(s.label), s)
        self.goals = QPlainTextEdit()
        self.goals.setAccessibleName(self.tr("Treatment goals, one per line, up to {max}").format(max=MAX_GOALS))
        self.goals.setPlaceholderText(self.tr("One short goal per line (up to {max}); notes refer to them.").format(max=MAX_GOALS))
        self.goals.setTabChangesFocus(True)
        self.goals.setMaximumHeight(110)

        self.relatives = QListWidget()
        self.relatives.setAccessibleName(self.tr("Relatives and partners"))
        self.relatives.setMaximumHeight(90)
        self.add_relative = QPushButton(self.tr("Add &relative or partner…"))
        self.add_relative.setAccessibleName(self.tr("Add a relative or partner"))
        self.add_relative.clicked.connect(self._on_add_relative)
        self.remove_relative = QPushButton(self.tr("Re&move"))
        self.remove_relative.setAccessibleName(self.tr("Remove the selected relative"))
        self.remove_relative.clicked.connect(self._on_remove_relative)
        rel_buttons = QHBoxLayout()
        rel_buttons.addWidget(self.add_relative)
        rel_buttons.addWidget(self.remove_relative)
        rel_buttons.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("&Preferred name:"), self.preferred)
        form.addRow(self.tr("Le&gal name:"), self.legal)
        form.addRow(self.tr("Record &number:"), self.record_number)
        form.addRow(self.tr("Date of &birth:"), self.dob)
        form.addRow(self.tr("Program &start:"), self.program_start)
        form.addRow(self.tr("A&udience:"), self.audience)
        form.addRow(self.tr("Weekly hours:"), target_row)
        form.addRow(self.tr("Han&dout language:"), self.language)
        form.addRow("", self.large_print)
        form.addRow(self.tr("S&tatus:"), self.status)
        form.addRow(self.tr("Treatment g&oals:"), self.goals)
        form.addRow(self.tr("Relatives:"), self.relatives)
        form.addRow("", rel_buttons)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        if participant is None:
            self.program_start.setDate(qdate(today))
            self.dob.setDate(NO_DATE)
            self.language.setText(self.tr("en"))
            self.target.setEnabled(False)
            self.relatives.setEnabled(False)
            self.add_relative.setEnabled(False)
            self.remove_relative.setEnabled(False)
            self.relatives.addItem(self.tr("Save the participant first, then add relatives."))
        else:
            self._show(participant)
        self._on_audience()

    def _show(self, p: ParticipantRecord) -> None:
        self.preferred.setText(p.preferred_name)
        self.legal.setText(p.legal_name)
        self.record_number.setText(p.record_number)
        self.dob.setDate(qdate(p.date_of_birth) if p.date_of_birth else NO_DATE)
        self.program_start.setDate(qdate(p.program_start))
        self.audience.setCurrentIndex(list(Audience).index(p.audience))
        self.own_target.setChecked(p.weekly_hours_target is not None)
        self.target.setValue(p.weekly_hours_target or 0)
        self.target.setEnabled(p.weekly_hours_target is not None)
        self.language.setText(p.language)
        self.large_print.setChecked(p.large_print)
        self.status.setCurrentIndex(list(ParticipantStatus).index(p.status))
        self.goals.setPlainText("\n".join(p.goals))
        self._fill_relatives()

    def _fill_relatives(self) -> None:
        self.relatives.clear()
        if self._existing is None:
            return
        for r in self._roster.relatives([self._existing.id]):
            item = QListWidgetItem(f"{r.name} ({r.relationship})" if r.relationship else r.name)
            item.setData(256, r.id)
            self.relatives.addItem(item)

    def _on_audience(self) -> None:
        data = self.audience.currentData()  # Qt hands a str-based enum back as its text
        audience = Audience(data) if data else None
        default = self._rules.default_target_hours(audience.value if audience else "adult")
        self.default_label.setText(
            (self.tr("clinic default for adolescents: {hours:g} h") if audience is Audience.ADOLESCENT
             else self.tr("clinic default for adults: {hours:g} h")).format(hours=default))

    def draft(self) -> ParticipantDraft:
        dob = self.dob.date()
        return ParticipantDraft(
            record_number=self.record_number.text(),
            preferred_name=self.preferred.text(),
            legal_name=self.legal.text(),
            program_start=pydate(self.program_start.date()),
            date_of_birth=None if dob == NO_DATE else pydate(dob),
            weekly_hours_target=self.target.value() if self.own_target.isChecked() else None,
            language=self.language.text().strip() or "en",
            large_print=self.large_print.isChecked(),
            audience=Audience(self.audience.currentData()),
            status=ParticipantStatus(self.status.currentData()),
            goals=tuple(line.strip() for line in self.goals.toPlainText().splitlines() if line.strip()),
        )

    def _on_save(self, version: int | None = -1) -> None:
        """Save off the GUI thread, from the version shown (``version`` None: over any other change)."""
        draft = self.draft()
        roster, existing = self._roster, self._existing
        if existing is None:
            op = CollectionOp(self, lambda: roster.create_participant(draft), self._hub)
        else:
            seen = existing.version if version == -1 else version
            op = CollectionOp(self, lambda: roster.update_participant(existing.id, draft, seen), self._hub)
        op.titled(self.tr("Participant not saved")).success(self._on_saved).failure(self._on_failed).run()

    def _on_saved(self, record: ParticipantRecord) -> None:
        self.record = record
        self.accept()

    def _on_failed(self, exc: Exception) -> bool:
        if not isinstance(exc, ConflictError) or self._existing is None:
            log.info("Participant not saved: %s", exc)
            return False
        choice = ask_conflict(self, exc)
        if choice == RELOAD:
            try:
                self._existing = self._roster.participant(self._existing.id)
            except Exception as error:  # noqa: BLE001
                show_error(self, self.tr("Participant not reloaded"), sentence_text(error))
                return True
            self._show(self._existing)
            self._on_audience()
        elif choice == OVERWRITE:
            self._on_save(None)
        return True

    def _on_add_relative(self) -> None:
        if self._existing is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Add relative or partner"), self.tr("&Name:"))
        if not ok or not name.strip():
            return
        relation, ok = QInputDialog.getText(self, self.tr("Add relative or partner"), self.tr("&Relationship (partner, mother, …):"))
        if not ok:
            return
        roster, participant_id = self._roster, self._existing.id
        (
            CollectionOp(self, lambda: roster.add_relative(participant_id, name, relation), self._hub)
            .titled(self.tr("Relative not added"))
            .success(lambda _r: self._fill_relatives())
            .run()
        )

    def _on_remove_relative(self) -> None:
        item = self.relatives.currentItem()
        if item is None or item.data(256) is None:
            return
        roster, relative_id = self._roster, int(item.data(256))
        (
            CollectionOp(self, lambda: roster.remove_relative(relative_id), self._hub)
            .titled(self.tr("Relative not removed"))
            .success(lambda _r: self._fill_relatives())
            .run()
        )
