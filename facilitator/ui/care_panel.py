"""A participant's arc of care: level of care over time, criteria progress, discharge and aftercare.

``CarePanel(backend, hub, participant_id)`` is a plain widget, so a participant's page can hold
it; ``CareDialog`` opens it from where a participant is listed (Groups), and ``ReadinessPage``
is the supervisor's list of who is ready to step down or complete. Every write is a
``CollectionOp`` on the care service; every read a ``QueryOp``. What someone typed stays on
screen when a save is refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core import care as cc
from ..core import completion as cp
from ..core.changes import ATTENDANCE, CARE, ENROLLMENT, PARTICIPANT, QUESTIONNAIRE, SCREEN
from ..core.notes import NoteStatus
from ..core.permissions import can_view_readiness
from .i18n import sentence_text
from .keyboard import reachable_sentence
from .operations import QueryOp, write_then_refresh
from .participant_editor import pydate, qdate


def status_words(status: cp.CriterionStatus) -> str:
    """A criterion's status as the panel says it, beside its progress (never a colour alone)."""
    words = {
        cp.CriterionStatus.MET: QCoreApplication.translate("CarePanel", "Met"),
        cp.CriterionStatus.NOT_MET: QCoreApplication.translate("CarePanel", "Not yet"),
        cp.CriterionStatus.NO_DATA: QCoreApplication.translate("CarePanel", "Not recorded"),
        cp.CriterionStatus.NOT_REQUIRED: QCoreApplication.translate("CarePanel", "Not required"),
    }
    return words[status]


def _table(headers: tuple[str, ...], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setAccessibleName(name)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setTabKeyNavigation(False)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))


class CarePanel(QWidget):
    """One participant's levels, criteria, discharge and aftercare plan."""

    def __init__(self, backend: Any, hub: Any, participant_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._care = backend.care
        self._hub = hub
        self.participant_id = participant_id
        self.record: Any = None
        self._loads = 0
        self.setAccessibleName(self.tr("Care record"))

        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Care summary"))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Care record sections"))
        self.tabs.addTab(self._level_tab(), self.tr("&Level of care"))
        self.tabs.addTab(self._criteria_tab(), self.tr("C&riteria"))
        self.tabs.addTab(self._discharge_tab(), self.tr("&Discharge and aftercare"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        if hub is not None:
            hub.refresh_on(self, (CARE, PARTICIPANT, ENROLLMENT, ATTENDANCE, SCREEN, QUESTIONNAIRE), self.refresh)
        self.refresh()

    # -- layout ------------------------------------------------------------------------------

    def _level_tab(self) -> QWidget:
        tab = QWidget()
        self.levels = _table((self.tr("From"), self.tr("Level"), self.tr("Reason"), self.tr("Decided by"),
                              self.tr("Recorded by"), self.tr("Note")), self.tr("Level of care history"))
        self.new_level = QComboBox()
        self.new_level.setAccessibleName(self.tr("New level of care"))
        for level in cc.LevelOfCare:
            self.new_level.addItem(f"{level.label} ({level.short})", level.value)
        self.effective = QDateEdit()
        self.effective.setAccessibleName(self.tr("Takes effect on"))
        self.effective.setDisplayFormat("yyyy-MM-dd")
        self.effective.setCalendarPopup(True)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason for the change"))
        self.reason.setMaxLength(cc.REASON_MAX)
        self.decided_by = QLineEdit()
        self.decided_by.setAccessibleName(self.tr("Who decided"))
        self.decided_by.setMaxLength(200)
        self.decided_by.setPlaceholderText(self.tr("for example, the treatment team"))
        self.change_button = QPushButton(self.tr("Record the &change"))
        self.change_button.setAccessibleName(self.tr("Record the change of level of care"))
        self.change_button.clicked.connect(self._on_change_level)
        self.in_error_button = QPushButton(self.tr("Mark the selected change entered in &error…"))
        self.in_error_button.setAccessibleName(self.tr("Mark the selected level change entered in error"))
        self.in_error_button.clicked.connect(self._on_level_in_error)
        form = QFormLayout()
        form.addRow(self.tr("New le&vel:"), self.new_level)
        form.addRow(self.tr("Takes effect &on:"), self.effective)
        form.addRow(self.tr("Re&ason:"), self.reason)
        form.addRow(self.tr("Decided &by:"), self.decided_by)
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
            if isinstance(label, QLabel):
                label.setBuddy(field)
        box = QGroupBox(self.tr("Change the level of care"))
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.in_error_button)
        buttons.addStretch(1)
        box_layout.addLayout(buttons)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.levels, 1)
        layout.addWidget(box)
        return tab

    def _criteria_tab(self) -> QWidget:
        tab = QWidget()
        self.readiness = QLabel()
        self.readiness.setAccessibleName(self.tr("Readiness"))
        self.criteria = _table((self.tr("Criterion"), self.tr("Progress"), self.tr("Status")),
                               self.tr("Completion criteria"))
        note = QLabel(self.tr("The clinic sets each criterion in File › Settings › Program rules. "
                              "A criterion with nothing on record is never counted as met."))
        note.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.readiness)
        layout.addWidget(self.criteria, 1)
        layout.addWidget(note)
        return tab

    def _discharge_tab(self) -> QWidget:
        inner = QWidget()
        self.discharge_status = QLabel()
        self.discharge_status.setAccessibleName(self.tr("Discharge status"))
        self.discharge_status.setWordWrap(True)
        self.discharge_type = QComboBox()
        self.discharge_type.setAccessibleName(self.tr("How the stay ended"))
        for kind in cc.DischargeType:
            self.discharge_type.addItem(kind.label, kind.value)
        self.discharge_date = QDateEdit()
        self.discharge_date.setAccessibleName(self.tr("Discharge date"))
        self.discharge_date.setDisplayFormat("yyyy-MM-dd")
        self.discharge_date.setCalendarPopup(True)
        self.start_button = QPushButton(self.tr("&Start the discharge"))
        self.start_button.setAccessibleName(self.tr("Start the discharge, with a summary prefilled from the record"))
        self.start_button.clicked.connect(self._on_start_discharge)
        top = QFormLayout()
        top.addRow(self.tr("&How the stay ended:"), self.discharge_type)
        top.addRow(self.tr("Discharge dat&e:"), self.discharge_date)
        self.summary_fields: dict[str, QPlainTextEdit] = {}
        summary_box = QGroupBox(self.tr("Discharge summary"))
        summary_form = QFormLayout(summary_box)
        for section in cc.DISCHARGE_SECTIONS:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setAccessibleName(section.label)
            edit.setPlaceholderText(section.hint)
            edit.setMinimumHeight(70)
            self.summary_fields[section.key] = edit
            summary_form.addRow(section.label + ("" if section.required else self.tr(" (optional)")) + ":", edit)
        self.save_summary = QPushButton(self.tr("Sa&ve draft"))
        self.save_summary.setAccessibleName(self.tr("Save the discharge summary draft"))
        self.save_summary.clicked.connect(self._on_save_summary)
        self.sign_summary = QPushButton(self.tr("Si&gn"))
        self.sign_summary.setAccessibleName(self.tr("Sign the discharge summary; it locks"))
        self.sign_summary.clicked.connect(self._on_sign_summary)
        self.cosign_summary = QPushButton(self.tr("Co-sig&n"))
        self.cosign_summary.setAccessibleName(self.tr("Co-sign the discharge summary"))
        self.cosign_summary.clicked.connect(self._on_cosign_summary)
        self.return_summary = QPushButton(self.tr("Re&turn…"))
        self.return_summary.setAccessibleName(self.tr("Return the discharge summary to its author"))
        self.return_summary.clicked.connect(self._on_return_summary)
        actions = QHBoxLayout()
        for b in (self.start_button, self.save_summary, self.sign_summary, self.cosign_summary, self.return_summary):
            actions.addWidget(b)
        actions.addStretch(1)

        self.plan_fields: dict[str, QPlainTextEdit] = {}
        plan_box = QGroupBox(self.tr("Aftercare plan (the participant's words, one item a line)"))
        plan_form = QFormLayout(plan_box)
        for key, title, hint in cc.PLAN_FIELDS:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setAccessibleName(sentence_text(title))
            edit.setPlaceholderText(sentence_text(hint))
            edit.setMinimumHeight(54)
            self.plan_fields[key] = edit
            plan_form.addRow(sentence_text(title) + ":", edit)
        self.plan_language = QComboBox()
        self.plan_language.setAccessibleName(self.tr("Language of the printed plan"))
        self.plan_language.addItem(self.tr("English"), "en")
        self.plan_language.addItem(self.tr("Spanish"), "es")
        self.plan_large = QCheckBox(self.tr("L&arge print"))
        self.plan_large.setAccessibleName(self.tr("Print the plan in large print"))
        self.save_plan = QPushButton(self.tr("Save the &plan"))
        self.save_plan.setAccessibleName(self.tr("Save the aftercare plan"))
        self.save_plan.clicked.connect(self._on_save_plan)
        self.print_plan = QPushButton(self.tr("Pr&int the plan (PDF)…"))
        self.print_plan.setAccessibleName(self.tr("Save the aftercare plan as PDF to print"))
        self.print_plan.clicked.connect(self._on_print_plan)
        plan_actions = QHBoxLayout()
        for w in (self.plan_language, self.plan_large, self.save_plan, self.print_plan):
            plan_actions.addWidget(w)
        plan_actions.addStretch(1)

        layout = QVBoxLayout(inner)
        layout.addWidget(self.discharge_status)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(summary_box)
        layout.addWidget(plan_box)
        layout.addLayout(plan_actions)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setAccessibleName(self.tr("Discharge and aftercare"))
        return scroll

    # -- reading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._loads += 1
        care, pid = self._care, self.participant_id
        QueryOp(self, lambda: care.record(pid), self._hub).success(self._show).run()

    def _show(self, record: Any) -> None:
        self.record = record
        level = record.level
        self.summary.setText(self.tr(
            "{name} ({record}), {status}. Admitted {start}. Now at {level} since {since}; weekly hour target "
            "{target} hours."
        ).format(name=record.preferred_name, record=record.record_number, status=record.status,
                 start=record.program_start.isoformat(), level=level.label.lower(),
                 since=record.history.since(record.today).isoformat(), target=f"{record.target_hours:g}"))
        rows = [[record.program_start.isoformat(), cc.ADMISSION_LEVEL.label, self.tr("Admission"), "", "", ""]]
        for view in record.changes:
            c = view.change
            rows.append([c.effective.isoformat(), c.level.label, c.reason, c.decided_by, c.recorded_by,
                         self.tr("Entered in error: {reason}").format(reason=view.error_reason) if view.in_error
                         else ""])
        _fill(self.levels, rows)
        if not self.reason.text() and not self.decided_by.text():  # a change being typed is left as it is
            self.effective.setDate(qdate(record.today))
            self.new_level.setCurrentIndex(self.new_level.findData(level.value))
        words = {cp.Readiness.STEP_DOWN: self.tr("Ready to step down: every criterion is met."),
                 cp.Readiness.COMPLETE: self.tr("Ready to complete: every criterion is met."),
                 cp.Readiness.NOT_YET: self.tr("Not yet ready: {met}.")}
        self.readiness.setText(words[record.readiness].format(met=cp.criteria_met(record.criteria)))
        _fill(self.criteria, [[c.label, c.progress, status_words(c.status)] for c in record.criteria])
        self._show_discharge(record)

    def _show_discharge(self, record: Any) -> None:
        d = record.discharge
        active = record.status == "active"
        if d is None:
            self.discharge_status.setText(self.tr("No discharge yet.") if active
                                          else self.tr("This participant left the program without a discharge "
                                                       "recorded in Facilitator."))
            self.discharge_date.setDate(qdate(record.today))
        else:
            line = self.tr("{kind} on {day}: {status}.").format(kind=d.discharge_type.label,
                                                                   day=d.discharge_date.isoformat(),
                                                                   status=d.status.label)
            if d.signer:
                line += " " + self.tr("Signed by {who}.").format(who=d.signer)
            if d.cosigner:
                line += " " + self.tr("Co-signed by {who}.").format(who=d.cosigner)
            if d.status is NoteStatus.RETURNED and d.return_comment:
                line += " " + self.tr("Returned: {comment}").format(comment=d.return_comment)
            self.discharge_status.setText(line)
            self.discharge_type.setCurrentIndex(self.discharge_type.findData(d.discharge_type.value))
            self.discharge_date.setDate(qdate(d.discharge_date))
            for key, edit in self.summary_fields.items():
                if edit.toPlainText() != d.content.get(key, "") and not edit.document().isModified():
                    edit.setPlainText(d.content.get(key, ""))
        me = self._backend.current_principal()
        editable = d is not None and d.editable and me is not None and me.user_id == d.author_id
        reviewable = (d is not None and d.status is NoteStatus.AWAITING_COSIGN and me is not None
                      and me.is_supervisor and me.user_id != d.author_id)
        self.start_button.setEnabled(d is None or (active and d.status not in (
            NoteStatus.DRAFT, NoteStatus.RETURNED, NoteStatus.AWAITING_COSIGN)))
        self.discharge_type.setEnabled(d is None or editable)
        self.discharge_date.setEnabled(d is None or editable)
        for edit in self.summary_fields.values():
            edit.setReadOnly(not editable)
        self.save_summary.setEnabled(editable)
        self.sign_summary.setEnabled(editable)
        self.cosign_summary.setVisible(reviewable)
        self.return_summary.setVisible(reviewable)
        plan = record.plan
        for key, edit in self.plan_fields.items():
            edit.setEnabled(plan is not None)
            if plan is not None and not edit.document().isModified():
                edit.setPlainText(plan.content.get(key, ""))
        self.save_plan.setEnabled(plan is not None)
        self.print_plan.setEnabled(plan is not None)
        if plan is not None and self._loads <= 1:
            self.plan_language.setCurrentIndex(max(0, self.plan_language.findData(
                "es" if record.language.startswith("es") else "en")))
            self.plan_large.setChecked(record.large_print)

    # -- writing -------------------------------------------------------------------------------

    def _write(self, fn: Any, title: str, done: Any = None) -> None:
        write_then_refresh(self, fn, self._hub, title, self.refresh, done)

    def _on_change_level(self) -> None:
        care, pid = self._care, self.participant_id
        level, day = self.new_level.currentData(), pydate(self.effective.date())
        reason, decided = self.reason.text(), self.decided_by.text()

        def saved(_record: object) -> None:
            self.reason.clear()
            self.decided_by.clear()

        self._write(lambda: care.change_level(pid, level, day, reason, decided),
                    self.tr("Level of care not changed"), saved)

    def _on_level_in_error(self) -> None:
        row = self.levels.currentRow()
        if self.record is None or row < 1 or row - 1 >= len(self.record.changes):
            from .errors import show_error

            show_error(self, self.tr("Entered in error"), self.tr("Select a recorded change of level first."))
            return
        change_id = self.record.changes[row - 1].change.id
        reason, ok = QInputDialog.getText(self, self.tr("Entered in error"),
                                          self.tr("Why was this change entered in error?"))
        if ok:
            care = self._care
            self._write(lambda: care.mark_level_in_error(change_id, reason), self.tr("Not marked"))

    def _summary_content(self) -> dict[str, str]:
        return {key: edit.toPlainText() for key, edit in self.summary_fields.items()}

    def _summary_saved(self, _view: object) -> None:
        for edit in self.summary_fields.values():
            edit.document().setModified(False)

    def _on_start_discharge(self) -> None:
        care, pid = self._care, self.participant_id
        kind, day = self.discharge_type.currentData(), pydate(self.discharge_date.date())
        self._write(lambda: care.start_discharge(pid, kind, day), self.tr("Discharge not started"))

    def _on_save_summary(self) -> None:
        d = self.record.discharge if self.record is not None else None
        if d is None:
            return
        care, content = self._care, self._summary_content()
        kind, day, version = self.discharge_type.currentData(), pydate(self.discharge_date.date()), d.version
        self._write(lambda: care.save_discharge(d.id, content, version, discharge_type=kind, day=day),
                    self.tr("Discharge summary not saved"), self._summary_saved)

    def _on_sign_summary(self) -> None:
        d = self.record.discharge if self.record is not None else None
        if d is None:
            return
        care, content = self._care, self._summary_content()
        kind, day, version = self.discharge_type.currentData(), pydate(self.discharge_date.date()), d.version

        def sign() -> object:
            saved = care.save_discharge(d.id, content, version, discharge_type=kind, day=day)
            return care.sign_discharge(d.id, saved.version)

        self._write(sign, self.tr("Discharge summary not signed"), self._summary_saved)

    def _on_cosign_summary(self) -> None:
        d = self.record.discharge if self.record is not None else None
        if d is not None:
            care, version = self._care, d.version
            self._write(lambda: care.cosign_discharge(d.id, version), self.tr("Not co-signed"))

    def _on_return_summary(self) -> None:
        d = self.record.discharge if self.record is not None else None
        if d is None:
            return
        comment, ok = QInputDialog.getText(self, self.tr("Return"), self.tr("What needs changing?"))
        if ok:
            care, version = self._care, d.version
            self._write(lambda: care.return_discharge(d.id, comment, version), self.tr("Not returned"))

    def _on_save_plan(self) -> None:
        record = self.record
        if record is None or record.plan is None or record.discharge is None:
            return
        care, content = self._care, {k: e.toPlainText() for k, e in self.plan_fields.items()}
        discharge_id, version = record.discharge.id, record.plan.version

        def saved(_plan: object) -> None:
            for edit in self.plan_fields.values():
                edit.document().setModified(False)

        self._write(lambda: care.save_plan(discharge_id, content, version), self.tr("Aftercare plan not saved"), saved)

    def _on_print_plan(self) -> None:
        record = self.record
        if record is None or record.discharge is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the aftercare plan"),
                                              str(Path.home() / "aftercare-plan.pdf"), self.tr("PDF (*.pdf)"))
        if path:
            self.save_plan_pdf(Path(path))

    def save_plan_pdf(self, path: Path) -> None:
        """Render the saved plan in the chosen language and size to ``path``."""
        care, discharge_id = self._care, self.record.discharge.id
        language, large = self.plan_language.currentData(), self.plan_large.isChecked()

        def work() -> Path:
            from ..handouts import render_pdf

            model = care.plan_print(discharge_id, language=language, large_print=large)
            path.write_bytes(render_pdf(model))
            return path

        QueryOp(self, work, self._hub).titled(self.tr("The plan was not saved")).run()


class CareDialog(QDialog):
    """The care panel in a window of its own, opened from where a participant is listed."""

    def __init__(self, backend: Any, hub: Any, participant_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Closed, it goes: a dialog left behind would go on reading (and auditing) at every change.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Care record"))
        self.panel = CarePanel(backend, hub, participant_id, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        self.resize(900, 700)


class ReadinessPage(QWidget):
    """Supervisors: every active participant's progress, those ready to step down or complete first."""

    def __init__(self, backend: Any, hub: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._hub = hub
        self.rows: list[Any] = []
        self.setAccessibleName(self.tr("Ready to step down or complete"))
        self.heading = reachable_sentence(QLabel())  # its sentence is its name: read as it is
        self.table = _table((self.tr("Record"), self.tr("Name"), self.tr("Level"), self.tr("Readiness"),
                             self.tr("Criteria")), self.tr("Participants and readiness"))
        self.table.cellActivated.connect(lambda *_: self._on_open())
        self.table.cellDoubleClicked.connect(lambda *_: self._on_open())
        self.open_button = QPushButton(self.tr("&Open care record…"))
        self.open_button.setAccessibleName(self.tr("Open the selected participant's care record"))
        self.open_button.clicked.connect(self._on_open)
        self.awaiting_label = QLabel()
        self.awaiting_label.setAccessibleName(self.tr("Discharge summaries awaiting co-signature"))
        self.awaiting = _table((self.tr("Record"), self.tr("Name"), self.tr("Discharge"), self.tr("Signed by")),
                               self.tr("Discharge summaries awaiting co-signature"))
        self.awaiting.setMaximumHeight(160)
        self.awaiting.cellActivated.connect(lambda *_: self._on_open_discharge())
        self.awaiting.cellDoubleClicked.connect(lambda *_: self._on_open_discharge())
        self.awaiting_rows: list[Any] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.awaiting_label)
        layout.addWidget(self.awaiting)
        self._stale = True
        if hub is not None:
            hub.refresh_on(self, (CARE, PARTICIPANT, ATTENDANCE, SCREEN, QUESTIONNAIRE), self.refresh)
        self.refresh()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        # Read only while shown: the list is worked out for everyone in the program (a moment at a
        # large clinic), and each reading is audited as viewed, so a page nobody opened reads nothing.
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        me = self._backend.current_principal()
        if me is None or not can_view_readiness(me):
            self.heading.setText(self.tr("Only supervisors see who is ready to step down or complete; open a "
                                         "participant's care record from Groups to see their progress."))
            for w in (self.table, self.open_button, self.awaiting_label, self.awaiting):
                w.setVisible(False)
            return
        care = self._backend.care
        QueryOp(self, care.ready, self._hub).success(self._show).run()
        QueryOp(self, care.awaiting_cosign, self._hub).success(self._show_awaiting).run()

    def _show_awaiting(self, rows: list[Any]) -> None:
        self.awaiting_rows = rows
        self.awaiting_label.setText(self.tr("Discharge summaries awaiting co-signature: {count}").format(
            count=len(rows)))
        _fill(self.awaiting, [[record, name, f"{d.discharge_type.label}, {d.discharge_date.isoformat()}", d.signer]
                              for d, record, name in rows])

    def _on_open_discharge(self) -> None:
        row = self.awaiting.currentRow()
        if 0 <= row < len(self.awaiting_rows):
            CareDialog(self._backend, self._hub, self.awaiting_rows[row][0].participant_id, self).exec()

    def _show(self, rows: list[Any]) -> None:
        self.rows = rows
        words = {cp.Readiness.STEP_DOWN: self.tr("Ready to step down"), cp.Readiness.COMPLETE: self.tr("Ready to complete"),
                 cp.Readiness.NOT_YET: self.tr("Not yet")}
        _fill(self.table, [[r.record_number, r.preferred_name, r.level.short, words[r.readiness], r.met] for r in rows])
        ready = sum(1 for r in rows if r.readiness is not cp.Readiness.NOT_YET)
        self.heading.setText(self.tr("{ready} of {total} active participants are ready to step down or complete.")
                             .format(ready=ready, total=len(rows)))
        if rows and self.table.currentRow() < 0:
            self.table.setCurrentCell(0, 0)

    def _on_open(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            CareDialog(self._backend, self._hub, self.rows[row].participant_id, self).exec()

