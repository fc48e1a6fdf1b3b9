"""The attendance sheet: mark a whole meeting from the keyboard in seconds.

In the table, P, L, E, X and U set a row's status (present, late, left early, absent
excused, absent unexcused). P, X and U move to the next person; L opens the arrival time
and E the departure time for typing (``1815`` or ``18:15``), and Enter moves on to the next
person. Delete clears a row. Ctrl+S saves the marks that changed, in one transaction.

The sheet sends only the rows the user changed, each with the version it was read at, on
this workstation's writer thread (``CollectionOp``). When someone else saved a mark for the
same person first, the conflict dialog offers their version or to save over it. When the
sheet changes elsewhere while the user has unsaved marks, a banner says so and the rows
they did not touch take the other workstation's marks; theirs stay on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
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
from ..core.changes import ATTENDANCE, ENROLLMENT, MEETING, PARTICIPANT, RELATIVE, Changes
from ..core.roster import AttendanceMark, MeetingRecord, SheetRow
from .conflict_dialog import OVERWRITE, RELOAD, ask_conflict
from .errors import show_error
from .i18n import QT_TRANSLATE_NOOP, core_word, date_text, sentence_text, translate
from .operations import CollectionOp
from .style import ButtonRows, ink_item, set_ink_style

log = logging.getLogger(__name__)

NAME, STATUS, ARRIVED, LEFT, MINUTES = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("AttendanceSheet", "Name"),
    QT_TRANSLATE_NOOP("AttendanceSheet", "Status"),
    QT_TRANSLATE_NOOP("AttendanceSheet", "Arrived"),
    QT_TRANSLATE_NOOP("AttendanceSheet", "Left"),
    QT_TRANSLATE_NOOP("AttendanceSheet", "Minutes"),
)
# Each status's colour is named here and kept in ui/style.py, by theme; the status word is in its own column.
STATUS_COLOURS = {
    AttendanceStatus.PRESENT: "present",
    AttendanceStatus.LATE: "late",
    AttendanceStatus.LEFT_EARLY: "left_early",
    AttendanceStatus.ABSENT_EXCUSED: "absent_excused",
    AttendanceStatus.ABSENT_UNEXCUSED: "absent_unexcused",
}
KEY_HELP = QT_TRANSLATE_NOOP(
    "AttendanceSheet", "Keys: P present · L late · E left early · X absent excused · U absent unexcused · Del clear · Ctrl+S save"
)


Key = tuple[int | None, int | None]
Values = tuple[AttendanceStatus | None, datetime | None, datetime | None]


@dataclass
class _Row:
    """One sheet row as being edited; ``source`` is the saved row it was read from."""

    source: SheetRow
    status: AttendanceStatus | None
    arrived_at: datetime | None
    left_at: datetime | None
    overwrite: bool = False  # the user chose to save this mark over someone else's

    @classmethod
    def of(cls, source: SheetRow) -> _Row:
        return cls(source, source.status, source.arrived_at, source.left_at)

    @property
    def values(self) -> Values:
        return (self.status, self.arrived_at, self.left_at)

    @property
    def changed(self) -> bool:
        return self.overwrite or self.values != (self.source.status, self.source.arrived_at, self.source.left_at)


def _saved_state(row: SheetRow) -> tuple[object, ...]:
    return (row.status, row.arrived_at, row.left_at, row.attendance_id, row.version)


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

    def __init__(self, attendance, roster, parent: QWidget | None = None, *, hub=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._attendance = attendance
        self._roster = roster
        self._hub = hub  # ui.operations.ChangeHub
        self._meeting: MeetingRecord | None = None
        self._rows: list[_Row] = []
        self._saving: dict[Key, Values] | None = None  # the marks of a save still running
        self._filling = False
        self.setAccessibleName(self.tr("Attendance sheet"))

        self.title = QLabel(self.tr("Choose a meeting"))
        self.title.setAccessibleName(self.tr("Meeting"))
        self.title.setWordWrap(True)
        self.table = AttendanceTable(0, len(HEADERS))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move between cells
        self.table.setAccessibleName(self.tr("Attendance, one row per person"))
        self.table.setAccessibleDescription(self.tr(KEY_HELP))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
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
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Stretch)  # "Absent, unexcused" wraps on a narrow sheet
        for column in (ARRIVED, LEFT, MINUTES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        rows = self.table.verticalHeader()
        rows.setMinimumSectionSize(rows.defaultSectionSize())  # a row as tall as ever; taller when its words wrap
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.status_key.connect(self._on_status_key)
        self.table.edit_finished.connect(self._on_edit_finished)
        self.table.itemChanged.connect(self._on_item_changed)

        self.help = QLabel(self.tr(KEY_HELP))
        self.help.setAccessibleName(self.tr("Attendance keys"))
        self.help.setWordWrap(True)
        self.message = QLabel("")
        self.message.setAccessibleName(self.tr("Attendance message"))
        self.message.setWordWrap(True)
        self.banner = QLabel("")
        self.banner.setAccessibleName(self.tr("Changed elsewhere"))
        self.banner.setWordWrap(True)
        set_ink_style(self.banner, "background: {banner}; color: {text}; padding: 4px;")
        self.banner.hide()

        self.all_present = QPushButton(self.tr("Mark the rest &present"))
        self.all_present.setAccessibleName(self.tr("Mark everyone not yet marked present"))
        self.all_present.clicked.connect(self._on_all_present)
        self.add_visitor = QPushButton(self.tr("Add v&isitor…"))
        self.add_visitor.setAccessibleName(self.tr("Add a relative as a visitor"))
        self.add_visitor.clicked.connect(self._on_add_visitor)
        self.save_button = QPushButton(self.tr("&Save attendance"))
        self.save_button.setAccessibleName(self.tr("Save attendance"))
        self.save_button.setToolTip(self.tr("Save attendance (Ctrl+S)"))
        self.save_button.clicked.connect(lambda: self.save())  # clicked(bool) must not become "then"
        buttons = ButtonRows(
            [[self.all_present, self.add_visitor, None, self.save_button]],
            [[self.all_present, self.add_visitor, None], [None, self.save_button]],  # large text
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.help)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._set_enabled(False)
        if hub is not None:
            hub.changed.connect(self._on_changes)

    # -- public ----------------------------------------------------------------------------

    @property
    def meeting(self) -> MeetingRecord | None:
        return self._meeting

    @property
    def dirty(self) -> bool:
        """Whether some mark on screen differs from the saved one it was read from."""
        return any(r.changed for r in self._rows)

    @property
    def saving(self) -> bool:
        return self._saving is not None

    def load(self, meeting_id: int | None, read=None) -> None:  # type: ignore[no-untyped-def]
        """Show a meeting's sheet (unsaved marks of the previous one are the caller's concern).

        ``read`` is the meeting and its rows when a worker has read them already.
        """
        self._meeting = None
        self._rows = []
        if meeting_id is not None:
            try:
                if read is None:
                    read = self._attendance.meeting(meeting_id), self._attendance.sheet(meeting_id)
                self._meeting, rows = read
            except Exception as exc:  # noqa: BLE001 (shown as a sentence, logged in full)
                log.exception("Could not open the attendance sheet")
                show_error(self, self.tr("Attendance"), self.tr("The attendance sheet could not be opened: {exc}").format(exc=_sentence(exc)))
                self._meeting = None
                rows = []
            self._rows = [_Row.of(r) for r in rows]
        self.banner.hide()
        self._fill()
        self.message.setText("")

    def reload(self, give_way: set[Key] | frozenset[Key] = frozenset(), sent: dict[Key, Values] | None = None) -> bool:
        """Read the sheet again, keeping the user's unsaved marks; True when someone else changed it.

        Rows the user did not change take what is saved now; rows they changed keep their
        marks (and the version they were read at, so a save still meets the other change).
        ``give_way`` names rows whose saved mark replaces the user's; ``sent`` the marks a
        save just wrote (saved now, unless changed again since).
        """
        if self._meeting is None:
            return False
        try:
            meeting = self._attendance.meeting(self._meeting.id)
            fresh = self._attendance.sheet(self._meeting.id)
        except Exception as exc:  # noqa: BLE001
            log.info("Reading the sheet again failed: %s", exc)
            return False
        elsewhere = self._merge(fresh, give_way, sent or {})
        self._meeting = meeting
        self._fill()
        if not self.dirty:
            self.banner.hide()
        return elsewhere

    def _merge(self, fresh: list[SheetRow], give_way: set[Key] | frozenset[Key], sent: dict[Key, Values]) -> bool:
        old = {r.source.key: r for r in self._rows}
        rows: list[_Row] = []
        elsewhere = False
        for source in fresh:
            prev = old.pop(source.key, None)
            if prev is None:
                rows.append(_Row.of(source))
                continue
            if source.key in sent:
                if prev.values == sent[source.key]:
                    rows.append(_Row.of(source))
                else:  # changed again while the save ran: keep that, on the version just saved
                    rows.append(_Row(source, *prev.values))
                continue
            if _saved_state(prev.source) != _saved_state(source):
                elsewhere = True
            if prev.changed and source.key not in give_way:
                rows.append(_Row(prev.source, *prev.values, overwrite=prev.overwrite))
            else:
                rows.append(_Row.of(source))
        for prev in old.values():  # no longer on the saved sheet (a visitor added here, a cleared mark)
            if prev.source.attendance_id is not None:
                elsewhere = True
            if prev.changed and prev.source.key not in give_way and prev.source.key not in sent:
                rows.append(prev)
        self._rows = rows
        return elsewhere

    def focus_table(self) -> None:
        self.table.setFocus()
        if self.table.rowCount() and self.table.currentRow() < 0:
            self.table.setCurrentCell(0, STATUS)

    def marks(self) -> list[AttendanceMark]:
        """The marks the user changed, each with the saved row it was read from."""
        return [
            AttendanceMark(r.status, r.source.participant_id, r.source.relative_id, r.arrived_at, r.left_at,
                           attendance_id=r.source.attendance_id, version=r.source.version, overwrite=r.overwrite)
            for r in self._rows
            if r.changed
        ]

    def save(self, then: Callable[[], Any] | None = None) -> bool:
        """Save the changed marks off the GUI thread; ``then`` runs once they are saved.

        False when a save is already running; True when one was started (or nothing changed).
        """
        if self._meeting is None:
            if then is not None:
                then()
            return True
        if self.table.state() == QAbstractItemView.State.EditingState:
            self.table.setFocus()  # closes the editor, committing what was typed
        if self._saving is not None:
            return False
        marks = self.marks()
        if not marks:
            self.message.setText(self.tr("Nothing to save: no mark has changed."))
            if then is not None:
                then()
            return True
        sent = {m.key: (m.status, m.arrived_at, m.left_at) for m in marks}
        self._saving = sent
        self.save_button.setEnabled(False)
        self.message.setText(
            self.tr("Saving 1 mark…") if len(marks) == 1 else self.tr("Saving {count} marks…").format(count=len(marks))
        )
        meeting_id = self._meeting.id
        attendance = self._attendance
        (
            CollectionOp(self, lambda: attendance.save_attendance(meeting_id, marks), self._hub)
            .titled(self.tr("Attendance not saved"))
            .success(lambda count: self._on_saved(meeting_id, sent, count, then))
            .failure(lambda exc: self._on_save_failed(meeting_id, exc, then))
            .run()
        )
        return True

    def _on_saved(self, meeting_id: int, sent: dict[Key, Values], count: int, then: Callable[[], Any] | None) -> None:
        self._saving = None
        if self._meeting is None or self._meeting.id != meeting_id:
            return
        self.save_button.setEnabled(not self._meeting.cancelled)
        self.reload(sent=sent)
        marked = sum(1 for r in self._rows if r.status is not None)
        still = self.tr(" Some marks changed while saving are not saved yet.") if self.dirty else ""
        self.message.setText(
            (self.tr("Saved 1 change: {marked} of {total} marked ({count} rows).{still}") if len(sent) == 1
             else self.tr("Saved {changes} changes: {marked} of {total} marked ({count} rows).{still}"))
            .format(changes=len(sent), marked=marked, total=len(self._rows), count=count, still=still))
        self.saved.emit(meeting_id)
        if then is not None:
            then()

    def _on_save_failed(self, meeting_id: int, exc: Exception, then: Callable[[], Any] | None) -> bool:
        from ..store.attendance import AttendanceConflict

        self._saving = None
        if self._meeting is None or self._meeting.id != meeting_id:
            return False
        self.save_button.setEnabled(not self._meeting.cancelled)
        self.message.setText(self.tr("Attendance was not saved; your marks are still on the sheet."))
        if not isinstance(exc, AttendanceConflict):
            return False
        keys = set(exc.keys)
        choice = ask_conflict(self, exc)
        if choice == RELOAD:
            self.reload(give_way=keys)
            names = ", ".join(n for n in exc.names if n) or self.tr("those people")
            rest = self.tr(" Your other marks are still on the sheet, not yet saved.") if self.dirty else ""
            self.message.setText(self.tr("Their marks for {names} are shown.{rest}").format(names=names, rest=rest))
        elif choice == OVERWRITE:
            for row in self._rows:
                if row.source.key in keys:
                    row.overwrite = True
            self.save(then)
        return True

    def _on_changes(self, changes: Changes) -> None:
        """Another save (here or on another workstation) touched this sheet: show it, keep unsaved marks."""
        if self._meeting is None or self._saving is not None:
            return
        mid = self._meeting.id
        if not (changes.names(ATTENDANCE, mid) or changes.names(MEETING, mid)
                or changes.touches(ENROLLMENT, PARTICIPANT, RELATIVE)):
            return
        dirty = self.dirty
        if self.reload() and dirty:
            self.banner.setText(
                self.tr("Someone else saved marks on this sheet while you were marking. Their marks are shown for the "
                "people you did not change; yours are kept and not saved yet. Save to keep them.")
            )
            self.banner.show()

    # -- filling ---------------------------------------------------------------------------

    def _set_enabled(self, on: bool) -> None:
        for w in (self.table, self.all_present, self.add_visitor, self.save_button):
            w.setEnabled(on)

    def _zone(self):  # type: ignore[no-untyped-def]
        return clinic_zone(self._attendance.zone_name())

    def _refresh_title(self) -> None:
        m = self._meeting
        if m is None:
            self.title.setText(self.tr("Choose a meeting"))
            return
        zone = self._zone()
        start, end = m.starts_at, m.ends_at
        session = f" · {m.session_title}" if m.session_title else ""
        cancelled = f" · CANCELLED: {m.cancel_reason}" if m.cancelled else ""
        marked = sum(1 for r in self._rows if r.status is not None)
        self.title.setText(
            self.tr("<b>{group_name}</b> · {day} {start}–{end}{session}{cancelled} · {marked}/{count} marked").format(group_name=m.group_name, day=date_text(m.local_day, "%a %Y-%m-%d"), start=local_time_text(start, zone), end=local_time_text(end, zone), session=session, cancelled=cancelled, marked=marked, count=len(self._rows))
        )

    def _fill(self) -> None:
        self._filling = True
        try:
            self.table.setRowCount(len(self._rows))
            zone = self._zone() if self._rows else None  # read once for the sheet, not once a row
            for n in range(len(self._rows)):
                self._fill_row(n, zone)
        finally:
            self._filling = False
        self._set_enabled(self._meeting is not None and not self._meeting.cancelled)
        if self._meeting is not None and self._meeting.cancelled:
            self.message.setText(self.tr("This meeting was cancelled; reinstate it to take attendance."))
        self._refresh_title()

    def _fill_row(self, n: int, zone=None) -> None:  # type: ignore[no-untyped-def]
        row = self._rows[n]
        zone = zone or self._zone()
        was = self._filling
        self._filling = True
        try:
            name = row.source.name
            if row.source.is_visitor:
                name = (self.tr("{name}  (visitor, {of})").format(name=name, of=row.source.visitor_of)
                        if row.source.visitor_of else self.tr("{name}  (visitor)").format(name=name))
            elif not row.source.enrolled:
                name = self.tr("{name}  (not enrolled)").format(name=name)
            cells = [
                name,
                core_word(row.status.label) if row.status else "",
                local_time_text(row.arrived_at, zone),
                local_time_text(row.left_at, zone),
                str(self._minutes(row)) if row.status else "",
            ]
            status = STATUS_COLOURS[row.status] if row.status else None
            for column, value in enumerate(cells):
                item = self.table.item(n, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(n, column, item)
                item.setText(value)
                ink_item(item, f"{status}_text" if status else None, status)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if column in (ARRIVED, LEFT):
                    flags |= Qt.ItemFlag.ItemIsEditable
                item.setFlags(flags)
                if column == STATUS:
                    item.setToolTip(self.tr("P, L, E, X or U"))
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
            self.message.setText(self.tr("{name}: {problem}.").format(name=row.source.name, problem=sentence_text(exc)))
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
        self._fill_row(n)
        self._refresh_title()

    def _on_all_present(self) -> None:
        for n, row in enumerate(self._rows):
            if row.status is None:
                row.status = AttendanceStatus.PRESENT
                self._fill_row(n)
        self._refresh_title()

    def _on_add_visitor(self) -> None:
        if self._meeting is None:
            return
        clients = {r.source.participant_id: r.source.name for r in self._rows if r.source.participant_id is not None}
        present = {r.source.relative_id for r in self._rows if r.source.relative_id is not None}
        relatives = [r for r in self._roster.relatives(list(clients)) if r.id not in present]
        if not relatives:
            show_error(self, self.tr("Add visitor"), self.tr("None of these participants has a relative or partner recorded who is "
                       "not already on the sheet. Add one in the participant's record first."))
            return
        labels = [self.tr("{name} ({relationship} of {client})").format(name=r.name, relationship=r.relationship or self.tr("relative"), client=clients.get(r.participant_id, ''))
                  for r in relatives]
        choice, ok = QInputDialog.getItem(self, self.tr("Add visitor"), self.tr("&Visitor:"), labels, 0, False)
        if not ok:
            return
        relative = relatives[labels.index(choice)]
        source = SheetRow(name=relative.name, status=None, arrived_at=None, left_at=None, minutes=0,
                          relative_id=relative.id, visitor_of=clients.get(relative.participant_id, ""),
                          enrolled=False)
        self._rows.append(_Row(replace(source), AttendanceStatus.PRESENT, None, None))
        self._fill()
        self.table.setCurrentCell(len(self._rows) - 1, STATUS)


def _sentence(exc: Exception) -> str:
    """The user's sentence for a failure: the service's own words, else a pointer to the log."""
    from ..core.changes import UserFacingError

    if isinstance(exc, UserFacingError):
        text = sentence_text(exc).strip()
        return text if text.endswith(".") else text + "."
    return translate("attendance_sheet", "something unexpected went wrong; the details are in the log.")
