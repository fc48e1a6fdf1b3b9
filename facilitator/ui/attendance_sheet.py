"""The attendance sheet: mark a whole meeting from the keyboard in seconds.

In the table, P, L, E, X and U set a row's status (present, late, left early, absent
excused, absent unexcused). P, X and U move to the next person; L opens the arrival time
and E the departure time for typing (``1815`` or ``18:15``), and Enter moves on to the next
person. Delete clears a row. Ctrl+S saves the whole sheet in one transaction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.attendance import (
    STATUS_BY_KEY,
    AttendanceStatus,
    clinic_zone,
    local_time_text,
    minutes_attended,
    typed_instant,
)
from ..core.roster import AttendanceMark, MeetingRecord, SheetRow
from .errors import show_error

log = logging.getLogger(__name__)

NAME, STATUS, ARRIVED, LEFT, MINUTES = range(5)
HEADERS = ("Name", "Status", "Arrived", "Left", "Minutes")
STATUS_COLOURS = {
    AttendanceStatus.PRESENT: "#d8f0d8",
    AttendanceStatus.LATE: "#fff0c8",
    AttendanceStatus.LEFT_EARLY: "#fff0c8",
    AttendanceStatus.ABSENT_EXCUSED: "#e4e4f4",
    AttendanceStatus.ABSENT_UNEXCUSED: "#f6d6d6",
}
KEY_HELP = "Keys: P present · L late · E left early · X absent excused · U absent unexcused · Del clear · Ctrl+S save"


@dataclass
class _Row:
    """One sheet row as being edited (the saved one is kept to know what changed)."""

    source: SheetRow
    status: AttendanceStatus | None
    arrived_at: datetime | None
    left_at: datetime | None


class AttendanceTable(QTableWidget):
    """The table that takes the status keys; everything else is QTableWidget's."""

    status_key = Signal(int, object)  # row, AttendanceStatus or None
    edit_finished = Signal(int, int)  # row, column

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 (Qt's name)
        row, column = self.currentRow(), self.currentColumn()
        text = event.text().upper()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if row >= 0 and column not in (ARRIVED, LEFT) and modifiers in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        ):
            if text in STATUS_BY_KEY:
                self.status_key.emit(row, STATUS_BY_KEY[text])
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.status_key.emit(row, None)
                return
        if row >= 0 and column in (ARRIVED, LEFT) and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            item = self.item(row, column)
            if item is not None and self.state() != QAbstractItemView.State.EditingState:
                item.setText("")
                return
        super().keyPressEvent(event)

    def closeEditor(self, editor, hint) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 (Qt's name)
        row, column = self.currentRow(), self.currentColumn()
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if hint != QAbstractItemDelegate.EndEditHint.RevertModelCache:
            self.edit_finished.emit(row, column)


class AttendanceSheet(QWidget):
    """One meeting's sheet; ``saved`` is emitted after every successful save."""

    saved = Signal(int)  # meeting id

    def __init__(self, attendance, roster, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._attendance = attendance
        self._roster = roster
        self._meeting: MeetingRecord | None = None
        self._rows: list[_Row] = []
        self._dirty = False
        self._filling = False
        self.setAccessibleName("Attendance sheet")

        self.title = QLabel("Choose a meeting")
        self.title.setAccessibleName("Meeting")
        self.title.setWordWrap(True)
        self.table = AttendanceTable(0, len(HEADERS))
        self.table.setAccessibleName("Attendance, one row per person")
        self.table.setAccessibleDescription(KEY_HELP)
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (STATUS, ARRIVED, LEFT, MINUTES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.status_key.connect(self._on_status_key)
        self.table.edit_finished.connect(self._on_edit_finished)
        self.table.itemChanged.connect(self._on_item_changed)

        self.help = QLabel(KEY_HELP)
        self.help.setAccessibleName("Attendance keys")
        self.help.setWordWrap(True)
        self.message = QLabel("")
        self.message.setAccessibleName("Attendance message")
        self.message.setWordWrap(True)

        self.all_present = QPushButton("Mark the rest &present")
        self.all_present.setAccessibleName("Mark everyone not yet marked present")
        self.all_present.clicked.connect(self._on_all_present)
        self.add_visitor = QPushButton("Add &visitor…")
        self.add_visitor.setAccessibleName("Add a relative as a visitor")
        self.add_visitor.clicked.connect(self._on_add_visitor)
        self.save_button = QPushButton("&Save attendance")
        self.save_button.setAccessibleName("Save attendance")
        self.save_button.setToolTip("Save attendance (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_present)
        buttons.addWidget(self.add_visitor)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.help)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._set_enabled(False)

    # -- public ----------------------------------------------------------------------------

    @property
    def meeting(self) -> MeetingRecord | None:
        return self._meeting

    @property
    def dirty(self) -> bool:
        return self._dirty

    def load(self, meeting_id: int | None) -> None:
        """Show a meeting's sheet (unsaved marks of the previous one are the caller's concern)."""
        self._meeting = None
        self._rows = []
        self._dirty = False
        if meeting_id is not None:
            try:
                self._meeting = self._attendance.meeting(meeting_id)
                rows = self._attendance.sheet(meeting_id)
            except Exception as exc:  # noqa: BLE001 (shown as a sentence, logged in full)
                log.exception("Could not open the attendance sheet")
                show_error(self, "Attendance", f"The attendance sheet could not be opened: {_sentence(exc)}")
                self._meeting = None
                rows = []
            self._rows = [_Row(r, r.status, r.arrived_at, r.left_at) for r in rows]
        self._fill()
        self.message.setText("")

    def focus_table(self) -> None:
        self.table.setFocus()
        if self.table.rowCount() and self.table.currentRow() < 0:
            self.table.setCurrentCell(0, STATUS)

    def marks(self) -> list[AttendanceMark]:
        return [
            AttendanceMark(r.status, r.source.participant_id, r.source.relative_id, r.arrived_at, r.left_at)
            for r in self._rows
        ]

    def save(self) -> bool:
        """Write the sheet; True when saved (or nothing to save)."""
        if self._meeting is None:
            return True
        if self.table.state() == QAbstractItemView.State.EditingState:
            self.table.setFocus()  # closes the editor, committing what was typed
        try:
            count = self._attendance.save_attendance(self._meeting.id, self.marks())
        except Exception as exc:  # noqa: BLE001
            log.exception("Saving attendance failed")
            show_error(self, "Attendance not saved", f"Attendance was not saved: {_sentence(exc)}")
            return False
        self._dirty = False
        marked = sum(1 for r in self._rows if r.status is not None)
        self.message.setText(f"Saved: {marked} of {len(self._rows)} marked ({count} rows).")
        self.saved.emit(self._meeting.id)
        self._refresh_title()
        return True

    # -- filling ---------------------------------------------------------------------------

    def _set_enabled(self, on: bool) -> None:
        for w in (self.table, self.all_present, self.add_visitor, self.save_button):
            w.setEnabled(on)

    def _zone(self):  # type: ignore[no-untyped-def]
        return clinic_zone(self._attendance.zone_name())

    def _refresh_title(self) -> None:
        m = self._meeting
        if m is None:
            self.title.setText("Choose a meeting")
            return
        zone = self._zone()
        start, end = m.starts_at, m.ends_at
        session = f" · {m.session_title}" if m.session_title else ""
        cancelled = f" · CANCELLED: {m.cancel_reason}" if m.cancelled else ""
        marked = sum(1 for r in self._rows if r.status is not None)
        self.title.setText(
            f"<b>{m.group_name}</b> · {m.local_day:%a %Y-%m-%d} {local_time_text(start, zone)}–"
            f"{local_time_text(end, zone)}{session}{cancelled} · {marked}/{len(self._rows)} marked"
        )

    def _fill(self) -> None:
        self._filling = True
        try:
            self.table.setRowCount(len(self._rows))
            for n in range(len(self._rows)):
                self._fill_row(n)
        finally:
            self._filling = False
        self._set_enabled(self._meeting is not None and not self._meeting.cancelled)
        if self._meeting is not None and self._meeting.cancelled:
            self.message.setText("This meeting was cancelled; reinstate it to take attendance.")
        self._refresh_title()

    def _fill_row(self, n: int) -> None:
        row = self._rows[n]
        zone = self._zone()
        was = self._filling
        self._filling = True
        try:
            name = row.source.name
            if row.source.is_visitor:
                name += f"  (visitor, {row.source.visitor_of})" if row.source.visitor_of else "  (visitor)"
            elif not row.source.enrolled:
                name += "  (not enrolled)"
            cells = [
                name,
                row.status.label if row.status else "",
                local_time_text(row.arrived_at, zone),
                local_time_text(row.left_at, zone),
                str(self._minutes(row)) if row.status else "",
            ]
            colour = QBrush(QColor(STATUS_COLOURS[row.status])) if row.status else QBrush()
            for column, value in enumerate(cells):
                item = self.table.item(n, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(n, column, item)
                item.setText(value)
                item.setBackground(colour)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if column in (ARRIVED, LEFT):
                    flags |= Qt.ItemFlag.ItemIsEditable
                item.setFlags(flags)
                if column == STATUS:
                    item.setToolTip("P, L, E, X or U")
        finally:
            self._filling = was

    def _minutes(self, row: _Row) -> int:
        assert self._meeting is not None
        if row.status is None:
            return 0
        start, end = self._meeting.times
        return minutes_attended(start, end, row.status, row.arrived_at, row.left_at)

    # -- slots -----------------------------------------------------------------------------

    def _on_status_key(self, n: int, status: AttendanceStatus | None) -> None:
        if not 0 <= n < len(self._rows):
            return
        row = self._rows[n]
        row.status = status
        if status is None or status in (AttendanceStatus.ABSENT_EXCUSED, AttendanceStatus.ABSENT_UNEXCUSED):
            row.arrived_at = row.left_at = None
        elif status is AttendanceStatus.PRESENT:
            row.arrived_at = row.left_at = None
        self._dirty = True
        self._fill_row(n)
        self._refresh_title()
        if status is AttendanceStatus.LATE:
            self._edit(n, ARRIVED)
        elif status is AttendanceStatus.LEFT_EARLY:
            self._edit(n, LEFT)
        else:
            self._next_row(n)

    def _edit(self, n: int, column: int) -> None:
        self.table.setCurrentCell(n, column)
        item = self.table.item(n, column)
        if item is not None:
            self.table.editItem(item)

    def _next_row(self, n: int) -> None:
        self.table.setCurrentCell(min(n + 1, len(self._rows) - 1), STATUS)

    def _on_edit_finished(self, n: int, column: int) -> None:
        if column in (ARRIVED, LEFT) and 0 <= n < len(self._rows):
            self._next_row(n)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or self._meeting is None:
            return
        n, column = item.row(), item.column()
        if column not in (ARRIVED, LEFT) or not 0 <= n < len(self._rows):
            return
        row = self._rows[n]
        text = item.text().strip()
        try:
            value = None
            if text:
                start, end = self._meeting.times
                value = typed_instant(text, start, end, self._zone())
        except ValueError as exc:
            self.message.setText(f"{row.source.name}: {exc}.")
            self._fill_row(n)
            return
        if column == ARRIVED:
            row.arrived_at = value
            if value is not None and row.status in (None, AttendanceStatus.ABSENT_EXCUSED,
                                                    AttendanceStatus.ABSENT_UNEXCUSED):
                row.status = AttendanceStatus.LATE
        else:
            row.left_at = value
            if value is not None and row.status in (None, AttendanceStatus.ABSENT_EXCUSED,
                                                    AttendanceStatus.ABSENT_UNEXCUSED):
                row.status = AttendanceStatus.LEFT_EARLY
        self.message.setText("")
        self._dirty = True
        self._fill_row(n)
        self._refresh_title()

    def _on_all_present(self) -> None:
        for n, row in enumerate(self._rows):
            if row.status is None:
                row.status = AttendanceStatus.PRESENT
                self._fill_row(n)
                self._dirty = True
        self._refresh_title()

    def _on_add_visitor(self) -> None:
        if self._meeting is None:
            return
        clients = {r.source.participant_id: r.source.name for r in self._rows if r.source.participant_id is not None}
        present = {r.source.relative_id for r in self._rows if r.source.relative_id is not None}
        relatives = [r for r in self._roster.relatives(list(clients)) if r.id not in present]
        if not relatives:
            show_error(self, "Add visitor", "None of these participants has a relative or partner recorded who is "
                       "not already on the sheet. Add one in the participant's record first.")
            return
        labels = [f"{r.name} ({r.relationship or 'relative'} of {clients.get(r.participant_id, '')})"
                  for r in relatives]
        choice, ok = QInputDialog.getItem(self, "Add visitor", "&Visitor:", labels, 0, False)
        if not ok:
            return
        relative = relatives[labels.index(choice)]
        source = SheetRow(name=relative.name, status=None, arrived_at=None, left_at=None, minutes=0,
                          relative_id=relative.id, visitor_of=clients.get(relative.participant_id, ""),
                          enrolled=False)
        self._rows.append(_Row(replace(source), AttendanceStatus.PRESENT, None, None))
        self._dirty = True
        self._fill()
        self.table.setCurrentCell(len(self._rows) - 1, STATUS)


def _sentence(exc: Exception) -> str:
    """The user's sentence for a failure: the service's own words, else a pointer to the log."""
    from ..store.attendance import AttendanceError
    from ..store.roster import RosterError

    if isinstance(exc, AttendanceError | RosterError):
        text = str(exc).strip()
        return text if text.endswith(".") else text + "."
    return "something unexpected went wrong; the details are in the log."
