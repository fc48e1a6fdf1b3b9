"""A participant's consents to disclose, and the letters written under them: one dialog.

Reached from the participant's context (the Reports menu asks for a record number until the
participant page places it). The consents service decides everything: which elements a
consent lacks (a sentence each, shown here while what was typed stays), whether a letter may
go out, and that it is recorded as a disclosure. Writes run through ``CollectionOp``; the
lists are read through ``QueryOp`` and refreshed when consents change anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ..core.changes import CONSENT, ValidationError
from ..core.consents import RIGHT_TO_REVOKE, ConsentDraft, ConsentView, Information, LetterKind, RecipientKind
from .i18n import core_word, sentence_text
from .keyboard import scrolling_body


def _date_or_none(text: str, what: str) -> date | None:
    """A typed date, or None when left empty; a sentence (``ValidationError``) when it is not a date."""
    from ..core.limits import parse_date

    text = text.strip()
    return parse_date(text, what) if text else None


class ConsentsDialog(QDialog):
    """List, record and revoke a participant's consents; print letters under one."""

    def __init__(
        self,
        consents: Any,
        participant_id: int,
        participant_label: str,
        hub: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = consents
        self._participant_id = participant_id
        self._hub = hub
        self._consents: list[ConsentView] = []
        self._today = date.today()
        title = self.tr("Consents and letters: {who}").format(who=participant_label)
        self.setWindowTitle(title)
        self.setAccessibleName(self.tr("Consents and letters"))
        # Tests replace this; the app asks where to save with the system's dialog.
        self.choose_file: Callable[[str], str] = self._ask_file
        # The form scrolls inside the dialog (it never needs more than the screen); the message and
        # Close stay in sight below it.
        outer, layout, self.scroll = scrolling_body(self)

        self.table = QTableWidget(0, 6)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move between cells
        self.table.setAccessibleName(self.tr("Consents"))
        self.table.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("State"), self.tr("To"), self.tr("Information"), self.tr("Signed"), self.tr("Until"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self._on_selection)
        label = QLabel(self.tr("&Consents on record:"))
        label.setBuddy(self.table)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)

        # -- a letter, or a revocation, under the selected consent ------------------------------
        chosen = QGroupBox(self.tr("Under the selected consent"))
        chosen.setAccessibleName(self.tr("Under the selected consent"))
        form = QFormLayout(chosen)
        self.letter_kind = QComboBox()
        self.letter_kind.setAccessibleName(self.tr("Letter"))
        self.letter_kind.addItem(self.tr("Attendance letter"), LetterKind.ATTENDANCE.value)
        self.letter_kind.addItem(self.tr("Completion letter"), LetterKind.COMPLETION.value)
        self.letter_from = QLineEdit()
        self.letter_from.setAccessibleName(self.tr("Letter reports from"))
        self.letter_from.setPlaceholderText(self.tr("YYYY-MM-DD (empty: program start)"))
        self.letter_to = QLineEdit()
        self.letter_to.setAccessibleName(self.tr("Letter reports to"))
        self.letter_to.setPlaceholderText(self.tr("YYYY-MM-DD (empty: today)"))
        self.print_button = QPushButton(self.tr("Pr&int letter…"))
        self.print_button.setAccessibleName(self.tr("Print letter"))
        self.print_button.clicked.connect(lambda _checked=False: self._on_print())
        self.revoke_on = QLineEdit()
        self.revoke_on.setAccessibleName(self.tr("Revoked on"))
        self.revoke_on.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.revoke_button = QPushButton(self.tr("Record re&vocation"))
        self.revoke_button.setAccessibleName(self.tr("Record revocation"))
        self.revoke_button.clicked.connect(lambda _checked=False: self._on_revoke())
        row = QHBoxLayout()
        row.addWidget(self.letter_kind)
        row.addWidget(self.letter_from)
        row.addWidget(self.letter_to)
        row.addWidget(self.print_button)
        form.addRow(self._buddy(self.tr("&Letter:"), self.letter_kind), row)
        row = QHBoxLayout()
        row.addWidget(self.revoke_on)
        row.addWidget(self.revoke_button)
        form.addRow(self._buddy(self.tr("Participant revoked it &on:"), self.revoke_on), row)
        layout.addWidget(chosen)

        # -- a new consent ------------------------------------------------------------------------
        new = QGroupBox(self.tr("Record a signed consent (42 CFR 2.31)"))
        new.setAccessibleName(self.tr("Record a signed consent"))
        form = QFormLayout(new)
        self.discloser = QLineEdit()
        self.discloser.setAccessibleName(self.tr("Who discloses"))
        self.recipient = QLineEdit()
        self.recipient.setAccessibleName(self.tr("To whom"))
        self.recipient_kind = QComboBox()
        self.recipient_kind.setAccessibleName(self.tr("Kind of recipient"))
        for kind in RecipientKind:
            self.recipient_kind.addItem(core_word(kind.label), kind.value)
        self.attendance = QCheckBox(self.tr("&Attendance (dates attended and hours)"))
        self.attendance.setAccessibleName(self.tr("Disclose attendance"))
        self.completion = QCheckBox(self.tr("Program co&mpletion"))
        self.completion.setAccessibleName(self.tr("Disclose program completion"))
        self.purpose = QLineEdit()
        self.purpose.setAccessibleName(self.tr("Purpose"))
        self.until = QLineEdit()
        self.until.setAccessibleName(self.tr("Ends on"))
        self.until.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.until_event = QLineEdit()
        self.until_event.setAccessibleName(self.tr("Ends with the event"))
        self.until_event.setPlaceholderText(self.tr("e.g. the end of probation"))
        self.signed_on = QLineEdit()
        self.signed_on.setAccessibleName(self.tr("Signed on"))
        self.signed_on.setPlaceholderText(self.tr("YYYY-MM-DD"))
        # The statement is long: it wraps beneath a short check box (a check box's own text never wraps,
        # and this one made the dialog wider than a 1280-pixel screen).
        self.revocable = QCheckBox(self.tr("The form states the ri&ght to revoke:"))
        self.revocable.setAccessibleName(self.tr("The form states the right to revoke"))
        self.revocable.setAccessibleDescription(sentence_text(RIGHT_TO_REVOKE))
        revoke_text = QLabel(f"“{sentence_text(RIGHT_TO_REVOKE)}”")
        revoke_text.setWordWrap(True)
        revoke_text.setAccessibleName(self.tr("The right to revoke, as the form states it"))
        self.record_button = QPushButton(self.tr("Reco&rd consent"))
        self.record_button.setAccessibleName(self.tr("Record consent"))
        self.record_button.clicked.connect(lambda _checked=False: self._on_record())
        form.addRow(self._buddy(self.tr("Who &discloses:"), self.discloser), self.discloser)
        form.addRow(self._buddy(self.tr("&To whom:"), self.recipient), self.recipient)
        form.addRow(self._buddy(self.tr("&Kind:"), self.recipient_kind), self.recipient_kind)
        what = QHBoxLayout()
        what.addWidget(self.attendance)
        what.addWidget(self.completion)
        form.addRow(self.tr("What:"), what)
        form.addRow(self._buddy(self.tr("&Purpose:"), self.purpose), self.purpose)
        form.addRow(self._buddy(self.tr("&Ends on:"), self.until), self.until)
        form.addRow(self._buddy(self.tr("Or ends &with:"), self.until_event), self.until_event)
        form.addRow(self._buddy(self.tr("&Signed on:"), self.signed_on), self.signed_on)
        form.addRow(self.revocable)
        form.addRow(revoke_text)
        form.addRow(self.record_button)
        layout.addWidget(new)

        # -- what went out ------------------------------------------------------------------------
        self.letters = QTableWidget(0, 4)
        self.letters.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move between cells
        self.letters.setAccessibleName(self.tr("Letters sent"))
        self.letters.setHorizontalHeaderLabels([self.tr("Sent"), self.tr("Letter"), self.tr("To"), self.tr("By")])
        self.letters.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.letters.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.letters.verticalHeader().setVisible(False)
        self.letters.setMaximumHeight(120)
        layout.addWidget(self._buddy(self.tr("Letters se&nt (disclosures):"), self.letters))
        layout.addWidget(self.letters)

        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        # Enter in a field neither prints, revokes nor closes (what was typed would go): buttons act
        # only when pressed (Space on a focused button, or its Alt shortcut).
        for button in (self.print_button, self.revoke_button, self.record_button, *buttons.buttons()):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.resize(820, 760)
        self._on_selection()
        if hub is not None:
            hub.refresh_on(self, (CONSENT,), self.reload)
        self.reload()

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    # -- reading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        from .operations import QueryOp

        service, pid = self._service, self._participant_id

        def read() -> tuple[list[ConsentView], list[Any], date, str]:
            return service.consents(pid), service.disclosures(pid), service.today(), service.clinic_name()

        QueryOp(self, read, self._hub).success(self._show).run()

    def _show(self, result: tuple[list[ConsentView], list[Any], date, str]) -> None:
        consents, letters, today, clinic = result
        self._today = today
        if not self.discloser.text():
            self.discloser.setText(clinic)
        selected = self.selected_consent()
        self._consents = consents
        self.table.setRowCount(len(consents))
        for r, c in enumerate(consents):
            state = c.state(today)
            if c.revoked_on is not None:
                state = self.tr("Revoked {day}").format(day=c.revoked_on.isoformat())
            cells = [str(c.id), state, f"{c.recipient_name} ({c.recipient_kind.label.lower()})",
                     ", ".join(i.value for i in Information if i in c.information), c.signed_on.isoformat(),
                     c.until_text]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, col, item)
        if selected is not None:
            for r, c in enumerate(consents):
                if c.id == selected.id:
                    self.table.selectRow(r)
        elif consents:
            self.table.selectRow(0)
        self.letters.setRowCount(len(letters))
        for r, d in enumerate(letters):
            for col, text in enumerate([d.made_at.date().isoformat(), d.letter_kind.label, d.recipient_name, d.made_by]):
                self.letters.setItem(r, col, QTableWidgetItem(text))
        self._on_selection()

    def selected_consent(self) -> ConsentView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self._consents):
            return None
        return self._consents[rows[0].row()]

    def _on_selection(self) -> None:
        consent = self.selected_consent()
        for w in (self.print_button, self.revoke_button, self.letter_kind, self.letter_from, self.letter_to,
                  self.revoke_on):
            w.setEnabled(consent is not None)
        if consent is not None and consent.revoked_on is not None:
            self.revoke_button.setEnabled(False)

    def _refresh_without_hub(self) -> None:
        """With a hub, the change itself refreshes the lists (here and on other workstations)."""
        if self._hub is None:
            self.reload()

    def _say(self, text: str) -> None:
        self.message.setText(text)

    # -- writing ----------------------------------------------------------------------------------

    def draft(self) -> ConsentDraft:
        """The consent as typed; a ``ValidationError`` when a date is not one."""
        information = set()
        if self.attendance.isChecked():
            information.add(Information.ATTENDANCE)
        if self.completion.isChecked():
            information.add(Information.COMPLETION)
        return ConsentDraft(
            discloser=self.discloser.text(),
            recipient_name=self.recipient.text(),
            recipient_kind=RecipientKind(self.recipient_kind.currentData()),
            information=frozenset(information),
            purpose=self.purpose.text(),
            expires_on=_date_or_none(self.until.text(), "end date"),
            expiry_event=self.until_event.text(),
            signed_on=_date_or_none(self.signed_on.text(), "signature date"),
            right_to_revoke=self.revocable.isChecked(),
        )

    def _on_record(self) -> None:
        from ..store.consents import ConsentIncomplete
        from .operations import CollectionOp

        try:
            draft = self.draft()
        except ValidationError as exc:
            self._say(sentence_text(exc))
            return
        service, pid = self._service, self._participant_id

        def failed(exc: Exception) -> bool:
            if isinstance(exc, ConsentIncomplete):
                self._say(self.tr("Not recorded. The consent lacks:") + "\n• " + "\n• ".join(sentence_text(p) for p in exc.problems))
                return True
            return False

        def done(consent: ConsentView) -> None:
            for field in (self.recipient, self.purpose, self.until, self.until_event, self.signed_on):
                field.clear()
            for box in (self.attendance, self.completion, self.revocable):
                box.setChecked(False)
            self._say(self.tr("Recorded consent {number}.").format(number=consent.id))
            self._refresh_without_hub()

        CollectionOp(self, lambda: service.record(pid, draft), self._hub).titled(self.windowTitle()) \
            .success(done).failure(failed).run()

    def _on_revoke(self) -> None:
        from .operations import CollectionOp

        consent = self.selected_consent()
        if consent is None:
            return
        try:
            day = _date_or_none(self.revoke_on.text(), "revocation date")
        except ValidationError as exc:
            self._say(sentence_text(exc))
            return
        if day is None:
            self._say(self.tr("Type the day the participant revoked the consent."))
            self.revoke_on.setFocus()
            return
        service = self._service

        def done(revoked: ConsentView) -> None:
            self.revoke_on.clear()
            self._say(self.tr("Consent {number} is revoked; no letter will go out under it.").format(number=revoked.id))
            self._refresh_without_hub()

        CollectionOp(self, lambda: service.revoke(consent.id, day), self._hub).titled(self.windowTitle()) \
            .success(done).run()

    def _ask_file(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the letter"), suggested, self.tr("PDF (*.pdf)"))
        return path

    def _on_print(self) -> None:
        from .operations import CollectionOp

        consent = self.selected_consent()
        if consent is None:
            return
        try:
            first = _date_or_none(self.letter_from.text(), "first day")
            last = _date_or_none(self.letter_to.text(), "last day")
        except ValidationError as exc:
            self._say(sentence_text(exc))
            return
        kind = LetterKind(self.letter_kind.currentData())
        path = self.choose_file(f"{kind.value}-letter.pdf")
        if not path:
            return
        service = self._service
        from .i18n import current_language

        language = current_language()  # a clinic record prints in the screen's language

        def write() -> Any:
            from ..core.files import write_private
            from ..handouts import render_pdf

            letter = service.write_letter(consent.id, kind, first, last, language=language)
            write_private(Path(path), render_pdf(letter))
            return letter

        def failed(exc: Exception) -> bool:
            from ..core.changes import UserFacingError

            if isinstance(exc, UserFacingError):
                self._say(sentence_text(exc))
                return True
            return False

        def done(letter: Any) -> None:
            self._say(self.tr("Saved the letter ({letter}) to {path}; it is recorded as a disclosure.").format(
                letter=core_word(letter.kind.label), path=path))
            self._refresh_without_hub()

        CollectionOp(self, write, self._hub).titled(self.windowTitle()).success(done).failure(failed).run()


def open_consents(parent: QWidget, backend: Any, hub: Any, participant_id: int, label: str) -> ConsentsDialog:
    """Open the consents dialog for one participant (the participant page calls this)."""
    dialog = ConsentsDialog(backend.consents, participant_id, label, hub, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
