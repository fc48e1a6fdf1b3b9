"""Today: the day's meetings across every group, each with its roster and state, and the sheet.

Choose a meeting (arrow keys) and press Enter to go to its attendance sheet; Ctrl+S saves.
Alt+Left and Alt+Right move a day, Ctrl+T comes back to today.

The page refreshes itself from the change hub whenever attendance, a meeting, a
participant, a group or an enrollment changed, here or on another workstation; the sheet
keeps any unsaved marks (see ``attendance_sheet``). Cancelling and reinstating run through
``CollectionOp`` with the version the page read.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ..core.attendance import clinic_zone, local_time_text
from ..core.changes import ATTENDANCE, ENROLLMENT, GROUP, MEASURE_KINDS, MEETING, PARTICIPANT, ConflictError
from ..core.printing import Recipient, printable_first_name, recipients_for
from ..core.roster import MeetingState, ParticipantRecord
from .attendance_sheet import AttendanceSheet
from .conflict_dialog import OVERWRITE, RELOAD, ask_conflict
from .errors import show_error
from .i18n import QT_TRANSLATE_NOOP, date_text, long_date, sentence_text
from .operations import CollectionOp, QueryOp
from .runner.window import PlayerInput
from .style import wrap_lines

log = logging.getLogger(__name__)

COLUMNS = (
    QT_TRANSLATE_NOOP("TodayPage", "Time"),
    QT_TRANSLATE_NOOP("TodayPage", "Group"),
    QT_TRANSLATE_NOOP("TodayPage", "Session"),
    QT_TRANSLATE_NOOP("TodayPage", "Room"),
    QT_TRANSLATE_NOOP("TodayPage", "Attendance"),
    QT_TRANSLATE_NOOP("TodayPage", "State"),
)
# A meeting's state as the attendance service words it, marked here for the catalogue.
MEETING_STATES = (
    QT_TRANSLATE_NOOP("TodayPage", "Cancelled"),
    QT_TRANSLATE_NOOP("TodayPage", "Attendance started"),
    QT_TRANSLATE_NOOP("TodayPage", "Upcoming"),
    QT_TRANSLATE_NOOP("TodayPage", "In progress"),
    QT_TRANSLATE_NOOP("TodayPage", "Attendance taken"),
    QT_TRANSLATE_NOOP("TodayPage", "Attendance partly taken"),
    QT_TRANSLATE_NOOP("TodayPage", "Needs attendance"),
)
STATE_COLUMN = 5
ID_ROLE = Qt.ItemDataRole.UserRole


class MeetingsTable(QTableWidget):
    """The day's meetings; Enter opens the selected one's sheet."""

    activated_row = Signal(int)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.activated_row.emit(self.currentRow())
            return
        super().keyPressEvent(event)


def expected_attendees(attendance, roster, meeting_id: int) -> list[ParticipantRecord]:  # type: ignore[no-untyped-def]
    """Everyone enrolled in a meeting who is not marked absent, in sheet order.

    Before attendance is taken that is the whole roster; afterwards, those who came.
    Visitors (relatives) are not included.
    """
    people = []
    for row in attendance.sheet(meeting_id):
        if row.participant_id is None or row.is_visitor:
            continue
        if row.status is not None and not row.status.attended:
            continue
        people.append(roster.participant(row.participant_id))
    return people


def packet_recipients(attendance, roster, meeting_id: int) -> list[Recipient]:  # type: ignore[no-untyped-def]
    """A copy of the session's handouts for each expected attendee, in their language and print size."""
    return recipients_for(expected_attendees(attendance, roster, meeting_id))


def role_play_players(attendance, roster, meeting_id: int) -> list[PlayerInput]:  # type: ignore[no-untyped-def]
    """The meeting's expected attendees as role-play players: first names only, never a record."""
    return [
        PlayerInput(first, p.id)
        for p in expected_attendees(attendance, roster, meeting_id)
        if (first := printable_first_name(p.preferred_name))
    ]


class DueList(QListWidget):
    """Per attendee, the measures due (and an open safety flag, in words); Enter opens their page."""

    opened = Signal(int)  # participant id

    def __init__(self) -> None:
        super().__init__()
        self.setMaximumHeight(140)
        wrap_lines(self)
        self.itemActivated.connect(self._on_activated)

    def show_rows(self, rows: list) -> None:  # type: ignore[type-arg]
        self.clear()
        shown = 0
        for row in rows:
            parts = []
            if row.due:
                parts.append(sentence_text(row.text))
            if row.open_flag:
                parts.append(self.tr("⚠ safety flag open"))
            if not parts:
                continue
            item = QListWidgetItem(f"{row.preferred_name}: {'; '.join(parts)}")
            item.setData(ID_ROLE, row.participant_id)
            self.addItem(item)
            shown += 1
        if not shown:
            item = QListWidgetItem(self.tr("Nothing due for this meeting's attendees."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(item)

    def show_problem(self, sentence: str) -> None:
        self.clear()
        item = QListWidgetItem(sentence)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.addItem(item)

    def _on_activated(self, item: QListWidgetItem) -> None:
        pid = item.data(ID_ROLE)
        if pid is not None:
            self.opened.emit(int(pid))


class TodayPage(QWidget):
    packet_requested = Signal(str, str, object)  # curriculum id, session id, list[Recipient]
    run_requested = Signal(int, str, str, object)  # meeting id, curriculum id, session id, list[PlayerInput]
    participant_requested = Signal(int)  # participant id: open their progress page

    def __init__(self, attendance, roster, parent: QWidget | None = None, *, hub=None, measures=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._measures = measures  # store.measures.MeasuresService: what is due per attendee
        self._due_reads = 0
        self._hub = hub  # ui.operations.ChangeHub: what changed, here or elsewhere
        self._attendance = attendance
        self._roster = roster
        self._states: list[MeetingState] = []
        self._shown_day: date | None = None
        self.setAccessibleName(self.tr("Today"))

        self.heading = QLabel()
        self.heading.setAccessibleName(self.tr("Day shown"))
        self.heading.setWordWrap(True)  # a long date (in Spanish, at large text) wraps beside the day's buttons
        self.previous = QPushButton(self.tr("◀ Pre&vious day"))
        self.previous.setAccessibleName(self.tr("Previous day"))
        self.previous.setToolTip(self.tr("Previous day (Alt+Left)"))
        self.previous.clicked.connect(lambda: self._shift(-1))
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd yyyy-MM-dd")
        self.day.setAccessibleName(self.tr("Day"))
        self.day.dateChanged.connect(self._on_day_changed)
        self.next = QPushButton(self.tr("Ne&xt day ▶"))
        self.next.setAccessibleName(self.tr("Next day"))
        self.next.setToolTip(self.tr("Next day (Alt+Right)"))
        self.next.clicked.connect(lambda: self._shift(1))
        self.today_button = QPushButton(self.tr("&Today"))
        self.today_button.setAccessibleName(self.tr("Go to today"))
        self.today_button.setToolTip(self.tr("Today (Ctrl+T)"))
        self.today_button.clicked.connect(self.go_today)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.previous)
        top.addWidget(self.day)
        top.addWidget(self.next)
        top.addWidget(self.today_button)

        self.meetings = MeetingsTable(0, len(COLUMNS))
        self.meetings.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move between cells
        self.meetings.setAccessibleName(self.tr("Meetings on this day"))
        self.meetings.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.meetings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.meetings.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.meetings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.meetings.verticalHeader().setVisible(False)
        self.meetings.setWordWrap(True)  # a long group or session name wraps (large text on a small screen)
        self.meetings.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.meetings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        head = self.meetings.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2, 5):  # group, session and state share the width and wrap
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.meetings.currentCellChanged.connect(self._on_current_meeting)
        self.meetings.activated_row.connect(self._on_open_meeting)
        self.meetings.cellDoubleClicked.connect(lambda row, _col: self._on_open_meeting(row))
        self.empty = QLabel("")
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(self.tr("No meetings"))

        self.sign_in_pdf = QPushButton(self.tr("Sign-in sheet (P&DF)…"))
        self.sign_in_pdf.setAccessibleName(self.tr("Save the sign-in sheet as PDF"))
        self.sign_in_pdf.clicked.connect(lambda: self._on_sign_in("pdf"))
        self.sign_in_csv = QPushButton(self.tr("Sign-in sheet (&CSV)…"))
        self.sign_in_csv.setAccessibleName(self.tr("Save the sign-in sheet as CSV"))
        self.sign_in_csv.clicked.connect(lambda: self._on_sign_in("csv"))
        self.run_button = QPushButton(self.tr("R&un session…"))
        self.run_button.setAccessibleName(self.tr("Run this meeting's session with its timers and role plays"))
        self.run_button.setToolTip(self.tr("Open the session runner for this meeting; role-play players come from its attendance"))
        self.run_button.clicked.connect(self._on_run)
        self.packet_button = QPushButton(self.tr("Handout pac&ket…"))
        self.packet_button.setAccessibleName(self.tr("Print the session's handouts for this meeting's attendees"))
        self.packet_button.setToolTip(
            self.tr("One copy of the session's handouts for each person expected or present, "
            "in their language and print size")
        )
        self.packet_button.clicked.connect(self._on_packet)
        self.cancel_button = QPushButton(self.tr("Ca&ncel meeting…"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the meeting, with a reason"))
        self.cancel_button.clicked.connect(self._on_cancel)
        self.reinstate_button = QPushButton(self.tr("R&einstate"))
        self.reinstate_button.setAccessibleName(self.tr("Reinstate the cancelled meeting"))
        self.reinstate_button.clicked.connect(self._on_reinstate)
        # Two rows of three, so the page (and the window) fits a 1366-pixel laptop screen.
        meeting_buttons = QGridLayout()
        for n, b in enumerate((  # two a row, so the page fits a small screen at large text
            self.run_button, self.packet_button, self.sign_in_pdf, self.sign_in_csv, self.cancel_button,
            self.reinstate_button,
        )):
            meeting_buttons.addWidget(b, n // 2, n % 2)
        meeting_buttons.setColumnStretch(2, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.meetings, 1)
        left_layout.addWidget(self.empty)
        left_layout.addLayout(meeting_buttons)
        self.due = DueList()
        self.due.setAccessibleName(self.tr("Measures due at this meeting"))
        self.due.setToolTip(self.tr("Enter opens the person's progress page, where measures are entered"))
        self.due.opened.connect(self.participant_requested)
        self.due_label = QLabel(self.tr("&Measures due at this meeting:"))
        self.due_label.setBuddy(self.due)
        if measures is not None:
            left_layout.addWidget(self.due_label)
            left_layout.addWidget(self.due)

        self.sheet = AttendanceSheet(attendance, roster, hub=hub)
        self.sheet.saved.connect(self._on_sheet_saved)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.sheet)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([700, 500])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        QShortcut(QKeySequence("Alt+Left"), self, activated=lambda: self._shift(-1))
        QShortcut(QKeySequence("Alt+Right"), self, activated=lambda: self._shift(1))
        QShortcut(QKeySequence("Ctrl+T"), self, activated=self.go_today)
        self.setTabOrder(self.meetings, self.sheet.table)
        if hub is not None:
            hub.refresh_on(self, (ATTENDANCE, MEETING, PARTICIPANT, GROUP, ENROLLMENT), self.refresh)
            if measures is not None:
                hub.refresh_on(self.due, tuple(sorted(MEASURE_KINDS)), self.refresh_due)
        self._reads = 0  # counts the day's reads: a first read that comes back late gives way
        self._loading = False
        self._sheet_read = None  # the first meeting's sheet, when the first read brought it
        self._first_read()

    # -- public ----------------------------------------------------------------------------

    def current_day(self) -> date:
        d = self.day.date()
        return date(d.year(), d.month(), d.day())

    def go_today(self) -> None:
        self.show_day(self._attendance.today())

    def show_day(self, day: date) -> None:
        self._loading = False  # a day chosen now is read now; a first read still out gives way
        q = QDate(day.year, day.month, day.day)
        if self.day.date() == q:
            self.refresh()
        else:
            self.day.setDate(q)  # refreshes through dateChanged

    def select_meeting(self, meeting_id: int) -> bool:
        for row, state in enumerate(self._states):
            if state.meeting.id == meeting_id:
                self.meetings.setCurrentCell(row, 0)
                return True
        return False

    def _first_read(self) -> None:
        """Build cheaply: today's meetings are read on a worker and shown when they arrive."""
        attendance = self._attendance
        self.heading.setText(self.tr("<h2>Today</h2>"))
        self.empty.setText(self.tr("Loading the day's meetings…"))
        self.meetings.setAccessibleDescription(self.tr("Loading"))
        self._update_buttons()
        self._reads += 1
        self._loading = True
        wanted = self._reads

        def read():  # type: ignore[no-untyped-def]
            zone_name = attendance.zone_name()
            today = attendance.clock.now().astimezone(clinic_zone(zone_name)).date()
            states = attendance.meetings_on(today)
            # The first meeting's sheet is shown at once: read it here too.
            first = states[0].meeting.id if states else None
            sheet = (first, (attendance.meeting(first), attendance.sheet(first))) if first is not None else None
            return today, zone_name, states, sheet

        def arrived(result) -> None:  # type: ignore[no-untyped-def]
            if not isValid(self):
                return  # signed out while it was read
            self.meetings.setAccessibleDescription("")
            if wanted != self._reads:
                return  # the user chose a day, or a change was read, meanwhile
            self._loading = False
            today, zone_name, states, self._sheet_read = result
            self.day.blockSignals(True)
            self.day.setDate(QDate(today.year, today.month, today.day))
            self.day.blockSignals(False)
            self._shown_day = today
            self._states = states
            self._show(today, zone_name, today, keep=None)
            self._sheet_read = None

        def failed(exc: Exception) -> bool:
            if not isValid(self):
                return True
            self.meetings.setAccessibleDescription("")
            if wanted != self._reads:
                return True
            self._loading = False
            log.error("Reading the day's meetings failed", exc_info=exc)
            self.empty.setText(self.tr("The day's meetings could not be read; the details are in the log."))
            return True

        QueryOp(self, read, self._hub).success(arrived).failure(failed).run()

    def refresh(self) -> None:
        """Read the day's meetings again, keeping the selection."""
        if self._loading:  # the first read is still out: read today again, on the worker
            self._first_read()
            return
        self._reads += 1
        keep = self._selected_id()
        day = self.current_day()
        self._shown_day = day
        try:
            self._states = self._attendance.meetings_on(day)
        except Exception:  # noqa: BLE001
            log.exception("Reading the day's meetings failed")
            self._states = []
            self.empty.setText(self.tr("The day's meetings could not be read; the details are in the log."))
        self._show(day, self._attendance.zone_name(), self._attendance.today(), keep)

    def _show(self, day: date, zone_name: str, today: date, keep: int | None) -> None:
        """Fill the table with the day's meetings (``self._states``), selecting ``keep`` if shown."""
        zone = clinic_zone(zone_name)
        when = self.tr("Today") if day == today else (self.tr("Tomorrow") if day == today + timedelta(days=1) else
                                              self.tr("Yesterday") if day == today - timedelta(days=1) else "")
        date = long_date(day)
        self.heading.setText(self.tr("<h2>{when}, {date}</h2>").format(when=when, date=date) if when else f"<h2>{date}</h2>")
        self.meetings.blockSignals(True)
        self.meetings.setRowCount(len(self._states))
        for row, s in enumerate(self._states):
            m = s.meeting
            values = (
                f"{local_time_text(m.starts_at, zone)}–{local_time_text(m.ends_at, zone)}",
                self.tr("{group} (ad hoc)").format(group=m.group_name) if m.ad_hoc else m.group_name,
                m.session_title or "—",
                m.room,
                (self.tr("{marked} of {enrolled} ({attended} in)") if s.marked else self.tr("{marked} of {enrolled}"))
                .format(marked=s.marked, enrolled=s.enrolled, attended=s.attended),
                self.tr("{state}: {reason}").format(state=self.tr(s.state), reason=m.cancel_reason) if m.cancelled
                else self.tr(s.state),
            )
            tip = self.tr("{group_name}\nFacilitators: {facilitators}\nSession: {session}").format(group_name=m.group_name, facilitators=', '.join(s.facilitators) or '—', session=m.session_title or '—')
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, m.id)
                item.setToolTip(tip)
                if m.cancelled:
                    font = item.font()
                    font.setStrikeOut(column < 3)
                    item.setFont(font)
                self.meetings.setItem(row, column, item)
        self.meetings.blockSignals(False)
        if self._states:
            self.empty.setText(
                self.tr("1 meeting. Arrow keys choose; Enter opens the attendance sheet.") if len(self._states) == 1
                else self.tr("{count} meetings. Arrow keys choose; Enter opens the attendance sheet.").format(count=len(self._states)))
        else:
            self.empty.setText(self.tr("No meetings on this day."))
        if keep is None or not self.select_meeting(keep):
            if self._states:
                self.meetings.setCurrentCell(0, 0)
            else:
                self.sheet.load(None)
        self._update_buttons()

    # -- slots -----------------------------------------------------------------------------

    def _selected_id(self) -> int | None:
        row = self.meetings.currentRow()
        if 0 <= row < len(self._states):
            return self._states[row].meeting.id
        return None

    def _selected(self) -> MeetingState | None:
        row = self.meetings.currentRow()
        return self._states[row] if 0 <= row < len(self._states) else None

    def _shift(self, days: int) -> None:
        self.show_day(self.current_day() + timedelta(days=days))

    def _on_day_changed(self, _q: QDate) -> None:
        day = self.current_day()
        if not self._settle_unsaved(lambda: self.show_day(day)):
            if self._shown_day is not None:  # stay on the day whose sheet has unsaved marks
                self.day.blockSignals(True)
                self.day.setDate(QDate(self._shown_day.year, self._shown_day.month, self._shown_day.day))
                self.day.blockSignals(False)
            return
        self.refresh()

    def _settle_unsaved(self, go_on: Callable[[], Any]) -> bool:
        """Ask about unsaved marks before leaving a sheet: True to go on now.

        Choosing Save starts the save and returns False; ``go_on`` runs once it is saved.
        """
        if not self.sheet.dirty:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved attendance"),
            self.tr("The attendance marks for this meeting are not saved yet. Save them now?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            self.sheet.save(then=go_on)
            return False
        return answer == QMessageBox.StandardButton.Discard

    def _on_current_meeting(self, row: int, _col: int, old_row: int, _old_col: int) -> None:
        if row == old_row:
            return
        state = self._states[row] if 0 <= row < len(self._states) else None
        if self.sheet.meeting is not None and state is not None and state.meeting.id == self.sheet.meeting.id:
            return
        target = state.meeting.id if state else None
        if not self._settle_unsaved(lambda: self.select_meeting(target) if target is not None else None):
            self.meetings.blockSignals(True)
            self.meetings.setCurrentCell(old_row, 0)
            self.meetings.blockSignals(False)
            return
        read = self._sheet_read[1] if self._sheet_read is not None and self._sheet_read[0] == target else None
        self.sheet.load(target, read)
        self._update_buttons()


    def _on_open_meeting(self, row: int) -> None:
        if 0 <= row < len(self._states):
            if self.sheet.meeting is None or self.sheet.meeting.id != self._states[row].meeting.id:
                self.sheet.load(self._states[row].meeting.id)
            self.sheet.focus_table()

    def _on_sheet_saved(self, meeting_id: int) -> None:
        self.refresh()
        self.select_meeting(meeting_id)

    def refresh_due(self) -> None:
        """Read, off the GUI thread, which measures are due for each attendee of the selected meeting."""
        if self._measures is None:
            return
        s = self._selected()
        self._due_reads += 1
        ticket = self._due_reads
        if s is None or s.meeting.cancelled:
            self.due.show_rows([])
            return
        measures, meeting_id = self._measures, s.meeting.id

        def done(rows: list) -> None:  # type: ignore[type-arg]
            if ticket == self._due_reads:
                self.due.show_rows(rows)

        def failed(exc: Exception) -> bool:
            from ..core.changes import SessionEnded, UserFacingError

            if isinstance(exc, SessionEnded):
                return False  # the session gate asks to sign in again
            if ticket == self._due_reads:
                self.due.show_problem(sentence_text(exc) if isinstance(exc, UserFacingError)
                                      else self.tr("What is due could not be read; the details are in the log."))
            return True

        QueryOp(self, lambda: measures.due_for_meeting(meeting_id), self._hub).success(done).failure(failed).run()

    def _update_buttons(self) -> None:
        self.refresh_due()
        s = self._selected()
        has = s is not None
        for b in (self.sign_in_pdf, self.sign_in_csv):
            b.setEnabled(has and not s.meeting.cancelled)  # type: ignore[union-attr]
        runnable = has and not s.meeting.cancelled and bool(s.meeting.curriculum_id and s.meeting.session_id)  # type: ignore[union-attr]
        self.packet_button.setEnabled(runnable)
        self.run_button.setEnabled(runnable)
        self.cancel_button.setEnabled(has and not s.meeting.cancelled and s.marked == 0)  # type: ignore[union-attr]
        self.reinstate_button.setEnabled(has and s.meeting.cancelled)  # type: ignore[union-attr]

    def _on_run(self) -> None:
        s = self._selected()
        if s is None or not (s.meeting.curriculum_id and s.meeting.session_id):
            return
        if not self._settle_unsaved(self._on_run):
            return
        try:
            players = role_play_players(self._attendance, self._roster, s.meeting.id)
        except Exception:
            log.exception("Reading the players for a run failed")
            players = []  # the runner still opens; players can be typed in there
        self.run_requested.emit(s.meeting.id, s.meeting.curriculum_id, s.meeting.session_id, players)

    def _on_packet(self) -> None:
        s = self._selected()
        if s is None or not (s.meeting.curriculum_id and s.meeting.session_id):
            return
        try:
            recipients = packet_recipients(self._attendance, self._roster, s.meeting.id)
        except Exception:
            log.exception("Reading the attendees for a handout packet failed")
            show_error(self, self.tr("Handout packet"), self.tr("The meeting's attendees could not be read; the details are in the log."))
            return
        if not recipients:
            show_error(self, self.tr("Handout packet"), self.tr("Nobody is expected or present at this meeting, so there is no one to print for."))
            return
        self.packet_requested.emit(s.meeting.curriculum_id, s.meeting.session_id, recipients)

    def _on_cancel(self) -> None:
        s = self._selected()
        if s is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Cancel meeting"),
                                          self.tr("Why is {group_name} on {day} cancelled? (kept in the record)").format(group_name=s.meeting.group_name, day=date_text(s.meeting.local_day, "%a %d %b")))
        if not ok:
            return
        attendance = self._attendance
        self._change_meeting(s.meeting.id, self.tr("Meeting not cancelled"),
                             lambda version: attendance.cancel_meeting(s.meeting.id, reason, version),
                             s.meeting.version)

    def _on_reinstate(self) -> None:
        s = self._selected()
        if s is None:
            return
        attendance = self._attendance
        self._change_meeting(s.meeting.id, self.tr("Meeting not reinstated"),
                             lambda version: attendance.reinstate_meeting(s.meeting.id, version), s.meeting.version)

    def _change_meeting(self, meeting_id: int, title: str, change: Callable[[int | None], Any],
                        version: int | None) -> None:
        """Run a change to one meeting from the version read; on a conflict, let the user choose."""

        def failed(exc: Exception) -> bool:
            if not isinstance(exc, ConflictError):
                return False
            choice = ask_conflict(self, exc)
            if choice == OVERWRITE:
                self._change_meeting(meeting_id, title, change, None)
            elif choice == RELOAD:
                self.refresh()
            return True

        def done(_record: object) -> None:
            if not self.sheet.dirty:
                self.sheet.load(meeting_id)
            self.refresh()

        CollectionOp(self, lambda: change(version), self._hub).titled(title).success(done).failure(failed).run()

    def _on_sign_in(self, fmt: str) -> None:
        s = self._selected()
        if s is None:
            return
        suggested = f"sign-in-{s.meeting.local_day.isoformat()}-{s.meeting.id}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save sign-in sheet"), str(Path.home() / suggested),
                                              self.tr("PDF (*.pdf)") if fmt == "pdf" else self.tr("CSV (*.csv)"))
        if not path:
            return
        self.save_sign_in(s.meeting.id, Path(path), fmt)

    def save_sign_in(self, meeting_id: int, path: Path, fmt: str) -> None:
        """Read, render and write a sign-in sheet off the GUI thread."""
        from ..core.files import write_private
        from .i18n import current_language

        attendance, screen = self._attendance, current_language()

        def work() -> Path:
            sheet = attendance.sign_in_sheet(meeting_id, screen_language=screen)  # the curriculum's language
            if fmt == "csv":
                from ..core.reports import sign_in_csv

                data = sign_in_csv(sheet).encode("utf-8")
            else:
                from ..handouts.reports import render_sign_in_sheet

                data = render_sign_in_sheet(sheet)
            write_private(path, data)
            return path

        def failed(exc: Exception) -> bool:
            if isinstance(exc, OSError):
                reason = exc.strerror or self.tr("see the log for details")
                show_error(self, self.tr("Sign-in sheet not saved"), self.tr("The sign-in sheet could not be saved to {path} ({reason}).").format(path=path, reason=reason))
                return True
            return False

        (
            QueryOp(self, work, self._hub)
            .titled(self.tr("Sign-in sheet not saved"))
            .success(lambda p: self.empty.setText(self.tr("Sign-in sheet saved to {p}.").format(p=p)))
            .failure(failed)
            .run()
        )
