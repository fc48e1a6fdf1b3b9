"""At the end of a run: the run's times proposed as attendance, for the counselor to confirm or edit.

A run never writes attendance by itself. This dialog shows, for each person marked as
attending, the arrival and departure the run suggests (its actual start and end, keeping a
saved later arrival or earlier departure) next to what is saved now, and the minutes each
would count. The counselor can type over any time; "Save attendance" saves the rows through
the attendance service's versioned save (so a mark someone changed meanwhile is not
overwritten: the conflict is said in a sentence), and "Keep attendance as it is" saves nothing.
"""

from __future__ import annotations

import logging
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.attendance import TYPED_TIME_SLACK, local_time_text, minutes_attended, typed_instant
from .i18n import core_word, date_text, sentence_text
from .keyboard import reachable_sentence
from .operations import CollectionOp, QueryOp
from .style import set_ink_style

log = logging.getLogger(__name__)


class RunAttendanceDialog(QDialog):
    """Confirm or edit the attendance a run of a meeting proposes; nothing is saved otherwise."""

    def __init__(self, attendance, meeting_id: int, run_id: int, parent: QWidget | None = None, *, hub=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._service = attendance
        self._hub = hub
        self.meeting_id = meeting_id
        self.run_id = run_id
        self.proposal = None
        self.saved_rows: int | None = None
        self.arrivals: dict[object, QLineEdit] = {}
        self.departures: dict[object, QLineEdit] = {}
        self.minutes: dict[object, QLabel] = {}
        self.setWindowTitle(self.tr("Attendance from the run"))
        self.setMinimumWidth(820)
        self.setAccessibleName(self.tr("Attendance from the run"))
        # What the run proposes, in a sentence the Tab key reaches (it is read as it is, its own name).
        self.heading = reachable_sentence(QLabel(self.tr("Reading the run and the attendance sheet…")))
        self.heading.setWordWrap(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.error = QLabel()
        self.error.setAccessibleName(self.tr("Problem with the times"))
        set_ink_style(self.error, "color:{error};")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("&Save attendance"))
        self.save_button.setAccessibleName(self.tr("Save these times as the meeting's attendance"))
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        self.keep_button = QPushButton(self.tr("&Keep attendance as it is"))
        self.keep_button.setAccessibleName(self.tr("Close without changing the saved attendance"))
        self.keep_button.setAutoDefault(False)  # Enter in a time field saves; Esc keeps
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self._on_save)
        self.keep_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.grid_host)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        QueryOp(self, lambda: self._service.run_proposal(meeting_id, run_id), hub).success(self._show).failure(
            self._on_read_failed
        ).run()

    # -- showing -------------------------------------------------------------------------------

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.proposal.zone_name)

    def _on_read_failed(self, exc: Exception) -> bool:
        from ..core.changes import SessionEnded, UserFacingError

        if isinstance(exc, UserFacingError) and not isinstance(exc, SessionEnded):
            self.heading.setText(self.tr("{reason}; the saved attendance stays as it is.").format(reason=sentence_text(exc).rstrip('.')))
            return True
        return False

    def _show(self, proposal) -> None:  # type: ignore[no-untyped-def]
        self.proposal = proposal
        zone = self.zone
        m = proposal.meeting
        ran = f"{local_time_text(proposal.run_started, zone)}–{local_time_text(proposal.run_ended, zone)}"
        planned = f"{local_time_text(m.starts_at, zone)}–{local_time_text(m.ends_at, zone)}"
        if proposal.run_ended <= m.starts_at - TYPED_TIME_SLACK or proposal.run_started >= m.ends_at + TYPED_TIME_SLACK:
            self.heading.setText(
                self.tr("The session ran {ran}, well outside the meeting's time ({planned}), so its times say nothing about who was there; the saved attendance stays as it is.").format(ran=ran, planned=planned)
            )
            self.keep_button.setText(self.tr("&Close"))
            self.keep_button.setFocus()
            return
        if not proposal.rows:
            self.heading.setText(
                self.tr("The session ran {ran} ({group_name}, planned {planned}). Nobody is marked present, so there is nothing to propose; take attendance on Today.").format(ran=ran, group_name=m.group_name, planned=planned)
            )
            self.keep_button.setText(self.tr("&Close"))
            self.keep_button.setFocus()
            return
        self.heading.setText(
            self.tr("<b>{group_name}, {day}</b>: the session ran <b>{ran}</b> (planned {planned}). These arrival and departure times are proposed for the people marked present; later arrivals and earlier departures already saved are kept. Type over any time, then save. Nothing is saved until you do.").format(group_name=m.group_name, day=date_text(m.local_day, "%a %d %b"), ran=ran, planned=planned)
        )
        for column, title in enumerate((self.tr("Name"), self.tr("Status"), self.tr("Saved now"), self.tr("Arrived"), self.tr("Left"), self.tr("Minutes"))):
            label = QLabel(f"<b>{title}</b>")
            self.grid.addWidget(label, 0, column)
        for n, row in enumerate(proposal.rows, start=1):
            saved = row.saved
            key = (saved.participant_id, saved.relative_id)
            now = self.tr("from the start to the end")
            if saved.arrived_at or saved.left_at:
                now = (
                    f"{local_time_text(saved.arrived_at, zone) or 'start'}–{local_time_text(saved.left_at, zone) or 'end'}"
                )
            arrived = QLineEdit(local_time_text(row.proposed.arrived_at, zone))
            left = QLineEdit(local_time_text(row.proposed.left_at, zone))
            for edit, name, kept in (
                (arrived, self.tr("{name}: arrived at").format(name=saved.name), row.proposed.kept_arrival),
                (left, self.tr("{name}: left at").format(name=saved.name), row.proposed.kept_departure),
            ):
                edit.setAccessibleName(name)
                edit.setMinimumWidth(64)
                edit.setMaximumWidth(90)
                edit.setPlaceholderText(self.tr("none"))
                if kept:
                    edit.setToolTip(self.tr("Kept from the saved attendance"))
                    set_ink_style(edit, "background:{comment}; color:{text};")
                edit.textChanged.connect(self._update_minutes)
            minutes = QLabel()
            minutes.setAccessibleName(self.tr("{name} minutes").format(name=saved.name))
            self.grid.addWidget(QLabel(saved.name), n, 0)
            self.grid.addWidget(QLabel(core_word(saved.status.label) if saved.status else ""), n, 1)
            self.grid.addWidget(QLabel(now), n, 2)
            self.grid.addWidget(arrived, n, 3)
            self.grid.addWidget(left, n, 4)
            self.grid.addWidget(minutes, n, 5)
            self.arrivals[key], self.departures[key], self.minutes[key] = arrived, left, minutes
        self.save_button.setEnabled(True)
        self._update_minutes()
        first = next(iter(self.arrivals.values()), None)
        if first is not None:
            self._first = first
            first.setFocus()
            first.selectAll()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        first = getattr(self, "_first", None)
        if first is not None:  # the first time field, not a button, has the keys when the dialog appears
            first.setFocus()

    # -- reading what was typed ----------------------------------------------------------------

    def _typed(self, edit: QLineEdit):  # type: ignore[no-untyped-def]
        text = edit.text().strip()
        if not text:
            return None
        m = self.proposal.meeting
        return typed_instant(text, m.starts_at, m.ends_at, self.zone)

    def _marks(self):  # type: ignore[no-untyped-def]
        """The marks to save, or ValueError with a sentence naming the person and the time."""
        marks = []
        for row in self.proposal.rows:
            saved = row.saved
            key = (saved.participant_id, saved.relative_id)
            try:
                arrived = self._typed(self.arrivals[key])
                left = self._typed(self.departures[key])
            except ValueError as exc:
                raise ValueError(self.tr("{name}: {problem}.").format(name=saved.name, problem=sentence_text(exc))) from None
            if arrived is not None and left is not None and left < arrived:
                raise ValueError(self.tr("{name}: the departure is before the arrival.").format(name=saved.name))
            if (arrived, left) != (saved.arrived_at, saved.left_at):
                marks.append(self.proposal.mark(row, arrived, left))
        return marks

    def _update_minutes(self) -> None:
        if self.proposal is None:
            return
        m = self.proposal.meeting
        problems = []
        for row in self.proposal.rows:
            saved = row.saved
            key = (saved.participant_id, saved.relative_id)
            try:
                arrived = self._typed(self.arrivals[key])
                left = self._typed(self.departures[key])
            except ValueError as exc:
                self.minutes[key].setText("?")
                problems.append(self.tr("{name}: {problem}.").format(name=saved.name, problem=sentence_text(exc)))
                continue
            if saved.status is not None:
                total = minutes_attended(m.starts_at, m.ends_at, saved.status, arrived, left)
                self.minutes[key].setText(str(total))
        self.error.setText(" ".join(problems))

    # -- saving --------------------------------------------------------------------------------

    def _on_save(self) -> None:
        if self.proposal is None or not self.save_button.isEnabled():
            return
        try:
            marks = self._marks()
        except ValueError as exc:
            self.error.setText(sentence_text(exc))  # what was typed stays on screen
            return
        if not marks:
            self.saved_rows = 0
            self.accept()
            return
        self.save_button.setEnabled(False)
        self.error.setText("")

        def done(count: int) -> None:
            self.saved_rows = len(marks)
            log.info("Attendance of meeting %s confirmed from run %s (%d rows)", self.meeting_id, self.run_id, count)
            self.accept()

        def failed(exc: Exception) -> bool:
            self.save_button.setEnabled(True)
            return False  # said one way: a conflict names who changed the sheet and when

        CollectionOp(self, lambda: self._service.save_attendance(self.meeting_id, marks), self._hub).success(
            done
        ).failure(failed).titled(self.tr("Attendance not saved")).run()


def ask_run_attendance(attendance, meeting_id: int, run_id: int, parent: QWidget | None = None, *, hub=None) -> RunAttendanceDialog:  # type: ignore[no-untyped-def]
    """Open the dialog (not modal to the runner: the group's room display keeps going)."""
    dialog = RunAttendanceDialog(attendance, meeting_id, run_id, parent, hub=hub)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
