"""Groups: each group's schedule and track, its participants and enrollment, coverage and weekly hours.

Every change runs through ``CollectionOp`` (groups and participants with the version read;
a conflict offers to reload or to save over it); hours, coverage and reports are read with
``QueryOp``. The page reads again when the change hub says groups, enrollment, participants,
meetings or attendance changed, here or on another workstation.
"""

from __future__ import annotations

import logging
from datetime import date, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ..core import limits
from ..core.attendance import WEEKDAY_NAMES, Track, WeeklySchedule, clinic_zone, hours_text, local_time_text
from ..core.changes import ATTENDANCE, ENROLLMENT, GROUP, MEETING, PARTICIPANT, ConflictError
from ..core.curriculum import GroupType
from ..core.roster import Admission, GroupDraft, GroupRecord
from .conflict_dialog import OVERWRITE, RELOAD, ask_conflict
from .errors import show_error
from .i18n import core_word, date_text, sentence_text
from .operations import CollectionOp, QueryOp, write_then_refresh
from .participant_editor import ParticipantDialog, pydate, qdate
from .style import ink_item, wrap_lines

# Dates a person may give are kept to 1900-2100 (core.limits).
_DATE_RANGE = (
    QDate(limits.EARLIEST_DATE.year, limits.EARLIEST_DATE.month, limits.EARLIEST_DATE.day),
    QDate(limits.LATEST_DATE.year, limits.LATEST_DATE.month, limits.LATEST_DATE.day),
)
log = logging.getLogger(__name__)
ID_ROLE = Qt.ItemDataRole.UserRole
FLAG = "flag_row"  # the ink of a week or session that needs a look
PLAN_WEEKS_AHEAD = 4


def _table(headers: tuple[str, ...], name: str, wrap: tuple[int, ...] = ()) -> QTableWidget:
    """A read-only table; the ``wrap`` columns share the width left and wrap their words (no sideways scrolling)."""
    table = QTableWidget(0, len(headers))
    table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move between cells
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if wrap:
        for column in wrap:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.setWordWrap(True)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    else:
        header.setStretchLastSection(True)
    return table


def _set_row(table: QTableWidget, row: int, values: list[str], data: object = None, fill: str | None = None) -> None:
    for column, value in enumerate(values):
        item = QTableWidgetItem(value)
        if data is not None:
            item.setData(ID_ROLE, data)
        if fill is not None:
            ink_item(item, background=fill)
        table.setItem(row, column, item)


class GroupDialog(QDialog):
    """Create or edit a group: type, track, staff, room, weekly schedule, capacity, admission, dates."""

    def __init__(self, roster, library, rules, group: GroupRecord | None = None, today: date | None = None,  # type: ignore[no-untyped-def]
                 parent: QWidget | None = None, *, hub=None) -> None:
        super().__init__(parent)
        self._hub = hub
        self._roster = roster
        self._library = library
        self._rules = rules
        self._existing = group
        self.record: GroupRecord | None = None
        self.setWindowTitle(self.tr("Edit group") if group else self.tr("New group"))
        self.setAccessibleName(self.windowTitle())
        today = today or date.today()

        self.name = QLineEdit()
        self.name.setMaxLength(limits.GROUP_NAME.max_chars)
        self.name.setAccessibleName(self.tr("Group name"))
        self.group_type = QComboBox()
        self.group_type.setAccessibleName(self.tr("Group type"))
        for t in GroupType:
            self.group_type.addItem(core_word(t.label), t)
        self.track = QListWidget()
        self.track.setAccessibleName(self.tr("Curriculum track, in order"))
        self.track.setMaximumHeight(100)
        self.curriculum = QComboBox()
        self.curriculum.setAccessibleName(self.tr("Curriculum to add to the track"))
        for c in library.curricula:
            self.curriculum.addItem(self.tr("{title} ({id}, {count} sessions)").format(title=c.title, id=c.id, count=len(c.sessions)), c.id)
        add = QPushButton(self.tr("&Add"))
        add.setAccessibleName(self.tr("Add the curriculum to the track"))
        add.clicked.connect(self._on_add_curriculum)
        remove = QPushButton(self.tr("Remo&ve"))
        remove.setAccessibleName(self.tr("Remove the selected curriculum from the track"))
        remove.clicked.connect(lambda: self.track.takeItem(self.track.currentRow()))
        up = QPushButton(self.tr("&Up"))
        up.setAccessibleName(self.tr("Move the selected curriculum earlier"))
        up.clicked.connect(lambda: self._move(-1))
        track_buttons = QHBoxLayout()
        for w in (self.curriculum, add, remove, up):
            track_buttons.addWidget(w)
        self.rolling = QCheckBox(self.tr("&Rolling: start the track over after its last session"))
        self.rolling.setAccessibleName(self.tr("Rolling track"))
        self.facilitators = QLineEdit()
        self.facilitators.setAccessibleName(self.tr("Facilitators, separated by commas"))
        self.co_facilitators = QLineEdit()
        self.co_facilitators.setAccessibleName(self.tr("Co-facilitators, separated by commas"))
        self.room = QLineEdit()
        self.room.setMaxLength(limits.ROOM.max_chars)
        self.room.setAccessibleName(self.tr("Room"))
        self.days: list[QCheckBox] = []
        days_row = QHBoxLayout()
        for n, day_name in enumerate(WEEKDAY_NAMES):
            box = QCheckBox(day_name)
            box.setAccessibleName(self.tr("Meets on {day_name}").format(day_name=day_name))
            self.days.append(box)
            days_row.addWidget(box)
            del n
        self.start_time = QTimeEdit()
        self.start_time.setAccessibleName(self.tr("Start time"))
        self.start_time.setDisplayFormat("HH:mm")
        self.minutes = QSpinBox()
        self.minutes.setAccessibleName(self.tr("Length in minutes"))
        self.minutes.setRange(15, 600)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(self.tr(" min"))
        self.capacity = QSpinBox()
        self.capacity.setAccessibleName(self.tr("Capacity"))
        self.capacity.setRange(1, 100)
        self.capacity_note = QLabel()
        self.capacity.valueChanged.connect(self._on_capacity)
        self.admission = QComboBox()
        self.admission.setAccessibleName(self.tr("Admission"))
        for a in Admission:
            self.admission.addItem(core_word(a.label), a)
        self.start_date = QDateEdit()
        self.start_date.setAccessibleName(self.tr("Start date"))
        self.start_date.setDisplayFormat("yyyy-MM-dd")
        self.start_date.setDateRange(*_DATE_RANGE)
        self.start_date.setCalendarPopup(True)
        self.has_end = QCheckBox(self.tr("&Ends on:"))
        self.has_end.setAccessibleName(self.tr("The group has an end date"))
        self.end_date = QDateEdit()
        self.end_date.setAccessibleName(self.tr("End date"))
        self.end_date.setDisplayFormat("yyyy-MM-dd")
        self.end_date.setDateRange(*_DATE_RANGE)
        self.end_date.setCalendarPopup(True)
        self.has_end.toggled.connect(self.end_date.setEnabled)
        end_row = QHBoxLayout()
        end_row.addWidget(self.has_end)
        end_row.addWidget(self.end_date, 1)
        capacity_row = QHBoxLayout()
        capacity_row.addWidget(self.capacity)
        capacity_row.addWidget(self.capacity_note, 1)

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Type:"), self.group_type)
        form.addRow(self.tr("Trac&k:"), self.track)
        form.addRow("", track_buttons)
        form.addRow("", self.rolling)
        form.addRow(self.tr("&Facilitators:"), self.facilitators)
        form.addRow(self.tr("&Co-facilitators:"), self.co_facilitators)
        form.addRow(self.tr("R&oom:"), self.room)
        form.addRow(self.tr("Days:"), days_row)
        form.addRow(self.tr("&Start time:"), self.start_time)
        form.addRow(self.tr("&Length:"), self.minutes)
        form.addRow(self.tr("Ca&pacity:"), capacity_row)
        form.addRow(self.tr("Ad&mission:"), self.admission)
        form.addRow(self.tr("Start &date:"), self.start_date)
        form.addRow("", end_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        if group is None:
            self.start_time.setTime(QTime(18, 0))
            self.minutes.setValue(180)
            self.capacity.setValue(rules.capacity_warning)
            self.start_date.setDate(qdate(today))
            self.end_date.setDate(qdate(today + timedelta(weeks=12)))
            self.end_date.setEnabled(False)
        else:
            self._show(group)
        self._on_capacity()

    def _show(self, g: GroupRecord) -> None:
        self.track.clear()
        self.name.setText(g.name)
        self.group_type.setCurrentIndex(list(GroupType).index(g.group_type))
        for cid in g.track.curriculum_ids:
            self._add_track_item(cid)
        self.rolling.setChecked(g.track.rolling)
        self.facilitators.setText(", ".join(g.facilitators))
        self.co_facilitators.setText(", ".join(g.co_facilitators))
        self.room.setText(g.room)
        for n, box in enumerate(self.days):
            box.setChecked(n in g.schedule.weekdays)
        self.start_time.setTime(QTime(g.schedule.start.hour, g.schedule.start.minute))
        self.minutes.setValue(g.schedule.minutes)
        self.capacity.setValue(g.capacity)
        self.admission.setCurrentIndex(list(Admission).index(g.admission))
        self.start_date.setDate(qdate(g.start_date))
        self.has_end.setChecked(g.end_date is not None)
        self.end_date.setDate(qdate(g.end_date or g.start_date + timedelta(weeks=12)))
        self.end_date.setEnabled(g.end_date is not None)

    def _add_track_item(self, curriculum_id: str) -> None:
        c = self._library.find(curriculum_id)
        item = QListWidgetItem(c.title if c else self.tr("{curriculum_id} (not loaded)").format(curriculum_id=curriculum_id))
        item.setData(ID_ROLE, curriculum_id)
        self.track.addItem(item)

    def _on_add_curriculum(self) -> None:
        cid = self.curriculum.currentData()
        if cid:
            self._add_track_item(cid)

    def _move(self, step: int) -> None:
        row = self.track.currentRow()
        if row + step < 0 or row < 0 or row + step >= self.track.count():
            return
        item = self.track.takeItem(row)
        self.track.insertItem(row + step, item)
        self.track.setCurrentRow(row + step)

    def _on_capacity(self) -> None:
        limit = self._rules.capacity_warning
        self.capacity_note.setText(self.tr("more than the clinic's usual {limit}").format(limit=limit) if self.capacity.value() > limit else "")

    def draft(self) -> GroupDraft:
        t = self.start_time.time()
        names = lambda text: tuple(n.strip() for n in text.split(",") if n.strip())  # noqa: E731
        return GroupDraft(
            name=self.name.text(),
            group_type=GroupType(self.group_type.currentData()),  # Qt hands str-based enums back as text
            track=Track(tuple(self.track.item(i).data(ID_ROLE) for i in range(self.track.count())),
                        self.rolling.isChecked()),
            schedule=WeeklySchedule(tuple(n for n, b in enumerate(self.days) if b.isChecked()), time(t.hour(), t.minute()),
                                    self.minutes.value()),
            start_date=pydate(self.start_date.date()),
            end_date=pydate(self.end_date.date()) if self.has_end.isChecked() else None,
            room=self.room.text(),
            capacity=self.capacity.value(),
            admission=Admission(self.admission.currentData()),
            facilitators=names(self.facilitators.text()),
            co_facilitators=names(self.co_facilitators.text()),
        )

    def _on_save(self, version: int | None = -1) -> None:
        """Save off the GUI thread, from the version shown (``version`` None: over any other change)."""
        draft = self.draft()
        roster, existing = self._roster, self._existing
        if existing is None:
            op = CollectionOp(self, lambda: roster.create_group(draft), self._hub)
        else:
            seen = existing.version if version == -1 else version
            op = CollectionOp(self, lambda: roster.update_group(existing.id, draft, seen), self._hub)
        op.titled(self.tr("Group not saved")).success(self._on_saved).failure(self._on_failed).run()

    def _on_saved(self, record: GroupRecord) -> None:
        self.record = record
        self.accept()

    def _on_failed(self, exc: Exception) -> bool:
        if not isinstance(exc, ConflictError) or self._existing is None:
            return False
        choice = ask_conflict(self, exc)
        if choice == RELOAD:
            try:
                self._existing = self._roster.group(self._existing.id)
            except Exception as error:  # noqa: BLE001
                show_error(self, self.tr("Group not reloaded"), sentence_text(error))
                return True
            self._show(self._existing)
            self._on_capacity()
        elif choice == OVERWRITE:
            self._on_save(None)
        return True


class GroupsPage(QWidget):
    participant_requested = Signal(int)  # participant id: open their progress page

    def __init__(self, attendance, roster, parent: QWidget | None = None, *, hub=None, care_opener=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._hub = hub  # ui.operations.ChangeHub: what changed, here or elsewhere
        self._care_opener = care_opener  # opens a participant's care record (level, criteria, discharge)
        self._attendance = attendance
        self._roster = roster
        self._groups: list[GroupRecord] = []
        self._person_reads = 0
        self.setAccessibleName(self.tr("Groups"))

        self.list = wrap_lines(QListWidget())
        self.list.setAccessibleName(self.tr("Groups"))
        self.list.currentRowChanged.connect(self._on_group)
        self.new_group = QPushButton(self.tr("&New group…"))
        self.new_group.setAccessibleName(self.tr("New group"))
        self.new_group.clicked.connect(self._on_new_group)
        self.new_participant = QPushButton(self.tr("Ne&w participant…"))
        self.new_participant.setAccessibleName(self.tr("New participant"))
        self.new_participant.clicked.connect(self._on_new_participant)
        self.import_roster = QPushButton(self.tr("&Import roster CSV…"))
        self.import_roster.setAccessibleName(self.tr("Import participants from a CSV file"))
        self.import_roster.clicked.connect(self._on_import)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        for b in (self.new_group, self.new_participant, self.import_roster):
            left_layout.addWidget(b)

        # details
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("Group details"))
        self.edit_group = QPushButton(self.tr("&Edit group…"))
        self.edit_group.setAccessibleName(self.tr("Edit the group"))
        self.edit_group.clicked.connect(self._on_edit_group)
        self.plan = QPushButton(self.tr("Plan &meetings ({weeks} weeks ahead)").format(weeks=PLAN_WEEKS_AHEAD))
        self.plan.setAccessibleName(self.tr("Add the schedule's meetings for the coming weeks"))
        self.plan.clicked.connect(self._on_plan)
        details_tab = QWidget()
        d_layout = QVBoxLayout(details_tab)
        d_layout.addWidget(self.details, 1)
        row = QHBoxLayout()
        row.addWidget(self.edit_group)
        row.addWidget(self.plan)
        row.addStretch(1)
        d_layout.addLayout(row)

        # participants and enrollment
        self.enrolled = _table((self.tr("Name"), self.tr("Record"), self.tr("Enrolled from"), self.tr("Until"), self.tr("Status")), self.tr("Participants and enrollment"))
        self.show_past = QCheckBox(self.tr("&Show past enrollments"))
        self.show_past.setAccessibleName(self.tr("Show past enrollments"))
        self.show_past.toggled.connect(self._fill_enrollment)
        self.enroll = QPushButton(self.tr("Enro&ll…"))
        self.enroll.setAccessibleName(self.tr("Enroll a participant in this group"))
        self.enroll.clicked.connect(self._on_enroll)
        self.end_enrollment = QPushButton(self.tr("End enrollment…"))
        self.end_enrollment.setAccessibleName(self.tr("End the selected enrollment"))
        self.end_enrollment.clicked.connect(self._on_end_enrollment)
        self.edit_participant = QPushButton(self.tr("Edit par&ticipant…"))
        self.edit_participant.setAccessibleName(self.tr("Edit the selected participant"))
        self.edit_participant.clicked.connect(self._on_edit_participant)
        self.enrolled.cellDoubleClicked.connect(lambda *_: self._on_edit_participant())
        self.enrolled_progress = QPushButton(self.tr("Progress and &charts…"))
        self.enrolled_progress.setAccessibleName(self.tr("Open the selected participant's progress page"))
        self.enrolled_progress.clicked.connect(self._on_enrolled_progress)
        self.care_button = QPushButton(self.tr("Care rec&ord…"))
        self.care_button.setAccessibleName(self.tr("Open the selected participant's care record: level of care, "
                                                   "criteria, discharge and aftercare"))
        self.care_button.clicked.connect(self._on_care)
        self.care_button.setVisible(care_opener is not None)
        people_tab = QWidget()
        p_layout = QVBoxLayout(people_tab)
        p_layout.addWidget(self.enrolled, 1)
        for widgets in ((self.show_past, self.enroll, self.end_enrollment), (self.edit_participant, self.enrolled_progress, self.care_button)):
            row = QHBoxLayout()  # two rows, so the tab fits a small screen at large text
            for w in widgets:
                row.addWidget(w)
            row.addStretch(1)
            p_layout.addLayout(row)

        # coverage and hours
        self.person = QComboBox()
        self.person.setAccessibleName(self.tr("Participant"))
        self.person.currentIndexChanged.connect(self._fill_person)
        self.hours_from = QDateEdit()
        self.hours_from.setAccessibleName(self.tr("Hours from"))
        self.hours_from.setDisplayFormat("yyyy-MM-dd")
        self.hours_from.setDateRange(*_DATE_RANGE)
        self.hours_from.setCalendarPopup(True)
        self.hours_to = QDateEdit()
        self.hours_to.setAccessibleName(self.tr("Hours to"))
        self.hours_to.setDisplayFormat("yyyy-MM-dd")
        self.hours_to.setDateRange(*_DATE_RANGE)
        self.hours_to.setCalendarPopup(True)
        today = attendance.today()
        self.hours_from.setDate(qdate(today - timedelta(weeks=8)))
        self.hours_to.setDate(qdate(today))
        self.hours_from.dateChanged.connect(self._fill_person)
        self.hours_to.dateChanged.connect(self._fill_person)
        self.report_pdf = QPushButton(self.tr("Att&endance report (PDF)…"))
        self.report_pdf.setAccessibleName(self.tr("Save the participant's attendance report as PDF"))
        self.report_pdf.clicked.connect(lambda: self._on_report("pdf"))
        self.report_csv = QPushButton(self.tr("Report (CS&V)…"))
        self.report_csv.setAccessibleName(self.tr("Save the participant's attendance report as CSV"))
        self.report_csv.clicked.connect(lambda: self._on_report("csv"))
        self.progress_button = QPushButton(self.tr("Progress and &charts…"))
        self.progress_button.setAccessibleName(self.tr("Open the participant's progress page with charts and measures"))
        self.progress_button.clicked.connect(
            lambda: self.person.currentData() is not None and self.participant_requested.emit(self.person.currentData())
        )
        self.coverage_label = QLabel()
        self.coverage_label.setWordWrap(True)
        self.coverage_label.setAccessibleName(self.tr("Coverage summary"))
        self.coverage = _table(("#", self.tr("Session"), self.tr("Attended"), self.tr("Make-up suggestions")), self.tr("Coverage of the track"),
                               wrap=(1, 3))
        self.hours_label = QLabel()
        self.hours_label.setWordWrap(True)
        self.hours_label.setAccessibleName(self.tr("Hours summary"))
        self.hours = _table((self.tr("Week"), self.tr("Dates"), self.tr("Level"), self.tr("Scheduled"), self.tr("Attended"),
                             self.tr("Target"), self.tr("Days at minimum"), self.tr("Flags")),
                            self.tr("Weekly hours"), wrap=(1, 7))
        top = QHBoxLayout()
        for label, w in ((self.tr("Par&ticipant:"), self.person), (self.tr("Fro&m:"), self.hours_from), (self.tr("T&o:"), self.hours_to)):
            lab = QLabel(label)
            lab.setBuddy(w)
            top.addWidget(lab)
            top.addWidget(w)
        top.addStretch(1)
        reports = QHBoxLayout()  # a row of its own, so the tab fits a small screen at large text
        reports.addWidget(self.progress_button)
        reports.addWidget(self.report_pdf)
        reports.addWidget(self.report_csv)
        reports.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        cov_box = QWidget()
        cb = QVBoxLayout(cov_box)
        cb.setContentsMargins(0, 0, 0, 0)
        cb.addWidget(self.coverage_label)
        cb.addWidget(self.coverage, 1)
        hours_box = QWidget()
        hb = QVBoxLayout(hours_box)
        hb.setContentsMargins(0, 0, 0, 0)
        hb.addWidget(self.hours_label)
        hb.addWidget(self.hours, 1)
        split.addWidget(hours_box)
        split.addWidget(cov_box)
        cov_tab = QWidget()
        c_layout = QVBoxLayout(cov_tab)
        c_layout.addLayout(top)
        c_layout.addLayout(reports)
        c_layout.addWidget(split, 1)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Group tabs"))
        self.tabs.addTab(details_tab, self.tr("&Details"))
        self.tabs.addTab(people_tab, self.tr("Partici&pants"))
        self.tabs.addTab(cov_tab, self.tr("Ho&urs and coverage"))

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([280, 1000])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        if hub is not None:
            hub.refresh_on(self, (GROUP, ENROLLMENT, PARTICIPANT, MEETING, ATTENDANCE), self.refresh)
        self._reads = 0  # counts the list's reads: a first read that comes back late gives way
        self._loading = False
        self._first_read()


    # -- data ------------------------------------------------------------------------------

    def current_group(self) -> GroupRecord | None:
        row = self.list.currentRow()
        return self._groups[row] if 0 <= row < len(self._groups) else None

    def select_group(self, group_id: int) -> None:
        for n, g in enumerate(self._groups):
            if g.id == group_id:
                self.list.setCurrentRow(n)

    def _first_read(self) -> None:
        """Build cheaply: the groups and the first group's details are read on a worker."""
        self._reads += 1
        self._loading = True
        wanted = self._reads
        self.details.setHtml(self.tr("<p>Loading the groups…</p>"))
        self.list.setAccessibleDescription(self.tr("Loading"))
        for w in (self.edit_group, self.plan, self.enroll, self.end_enrollment, self.edit_participant):
            w.setEnabled(False)

        def read():  # type: ignore[no-untyped-def]
            groups = self._roster.groups()
            return groups, (self._read_group(groups[0]) if groups else None)

        def arrived(result) -> None:  # type: ignore[no-untyped-def]
            if not isValid(self) or wanted != self._reads:
                return  # gone, or read again meanwhile
            self._loading = False
            self.list.setAccessibleDescription("")
            groups, first = result
            self._show_groups(groups, None, first)

        def failed(exc: Exception) -> bool:
            if not isValid(self) or wanted != self._reads:
                return True
            self._loading = False
            self.list.setAccessibleDescription("")
            log.error("Reading the groups failed", exc_info=exc)
            self.details.setHtml(self.tr("<p>The groups could not be read; the details are in the log.</p>"))
            return True

        QueryOp(self, read, self._hub).success(arrived).failure(failed).run()

    def refresh(self) -> None:
        if self._loading:  # the first read is still out: read again, on the worker
            self._first_read()
            return
        self._reads += 1
        self._show_groups(self._roster.groups(), self.current_group(), None)

    def _show_groups(self, groups: list[GroupRecord], keep: GroupRecord | None, first) -> None:  # type: ignore[no-untyped-def]
        """List the groups, keeping ``keep`` chosen; ``first`` is the first group's details when already read."""
        self._groups = groups
        self.list.blockSignals(True)
        self.list.clear()
        for g in self._groups:
            self.list.addItem(f"{g.name}\n{core_word(g.group_type.label)} · {g.schedule.describe()}")
        self.list.blockSignals(False)
        if keep is not None:
            self.list.blockSignals(True)
            self.select_group(keep.id)
            self.list.blockSignals(False)
        if self.list.currentRow() < 0 and self._groups:
            self.list.blockSignals(True)
            self.list.setCurrentRow(0)
            self.list.blockSignals(False)
        g = self.current_group()
        self._show_group(g, first if first is not None and g is not None and g.id == groups[0].id else None)

    def _on_group(self, *_args: object) -> None:
        self._show_group(self.current_group(), None)

    def _read_group(self, g: GroupRecord):  # type: ignore[no-untyped-def]
        """What a group's details show, read from the database (on any thread)."""
        today = self._attendance.today()
        upcoming = [m for m in self._attendance.meetings(g.id, today, today + timedelta(weeks=2)) if not m.cancelled]
        return (upcoming, self._attendance.zone_name(), len(self._roster.roster_on(g.id, today)),
                self._attendance.rules().capacity_warning, today, self._roster.enrollments(group_id=g.id))

    def _show_group(self, g: GroupRecord | None, read) -> None:  # type: ignore[no-untyped-def]
        for w in (self.edit_group, self.plan, self.enroll, self.end_enrollment, self.edit_participant):
            w.setEnabled(g is not None)
        if g is None:
            self.details.setHtml(self.tr("<p>No groups yet. Choose <b>New group…</b> to add one.</p>"))
            self.enrolled.setRowCount(0)
            self.person.clear()
            return
        lib = self._attendance.library
        track = []
        for cid in g.track.curriculum_ids:
            c = lib.find(cid)
            track.append(self.tr("{title} ({count} sessions)").format(title=c.title, count=len(c.sessions)) if c else self.tr("{cid} (not loaded)").format(cid=cid))
        upcoming, zone_name, count, capacity_warning, _today, enrollments = read or self._read_group(g)
        zone = clinic_zone(zone_name)
        next_rows = "".join(
            self.tr("<li>{day} {time}: {session}</li>").format(day=date_text(m.local_day, "%a %Y-%m-%d"), time=local_time_text(m.starts_at, zone), session=m.session_title or '—')
            for m in upcoming[:6]
        )
        schedule = (
            self.tr("<p><b>Schedule:</b> {schedule} · from {start} to {end}</p>") if g.end_date
            else self.tr("<p><b>Schedule:</b> {schedule} · from {start}</p>")
        ).format(schedule=g.schedule.describe(), start=g.start_date.isoformat(),
                 end=g.end_date.isoformat() if g.end_date else "")
        track_row = (self.tr("<p><b>Track (rolling):</b> {track}</p>") if g.track.rolling
                     else self.tr("<p><b>Track:</b> {track}</p>")).format(track=" → ".join(track) or "—")
        enrolled = (
            self.tr("<p><b>Enrolled today:</b> {count} of capacity {capacity} (more than the clinic's usual {usual})</p>")
            if count > capacity_warning else self.tr("<p><b>Enrolled today:</b> {count} of capacity {capacity}</p>")
        ).format(count=count, capacity=g.capacity, usual=capacity_warning)
        self.details.setHtml(
            self.tr("<h2>{name}</h2><p><b>{group_type}</b> · {admission} admission · room {room}</p>").format(
                name=g.name, group_type=core_word(g.group_type.label), admission=core_word(g.admission.label), room=g.room or "—")
            + schedule + track_row
            + self.tr("<p><b>Facilitators:</b> {staff}</p>").format(staff=g.staff_text or "—")
            + enrolled
            + self.tr("<h3>Next meetings</h3><ul>{rows}</ul>").format(
                rows=next_rows or self.tr("<li>None planned: use Plan meetings.</li>"))
        )
        self._fill_enrollment(read=(_today, enrollments) if read is not None else None)

    def _fill_enrollment(self, *_args: object, read=None) -> None:  # type: ignore[no-untyped-def]
        g = self.current_group()
        if g is None:
            return
        today, rows = read if read is not None else (self._attendance.today(), self._roster.enrollments(group_id=g.id))
        if not self.show_past.isChecked():
            rows = [e for e in rows if e.end_date is None or e.end_date >= today]
        self._enrollments = rows
        self.enrolled.setRowCount(len(rows))
        for n, e in enumerate(rows):
            # The enrollment carries its person's status: no read of the whole clinic's roster here.
            from ..core.roster import ParticipantStatus

            status = core_word(ParticipantStatus(e.participant_status).label) if e.participant_status else ""
            _set_row(self.enrolled, n, [e.participant_name, e.record_number, e.start_date.isoformat(),
                                        e.end_date.isoformat() if e.end_date else "", status], e.id)
        keep = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        seen = set()
        for e in rows:
            if e.participant_id not in seen:
                seen.add(e.participant_id)
                self.person.addItem(f"{e.participant_name} ({e.record_number})", e.participant_id)
        if keep is not None and self.person.findData(keep) >= 0:
            self.person.setCurrentIndex(self.person.findData(keep))
        self.person.blockSignals(False)
        self._fill_person()

    def _fill_person(self, *_args: object) -> None:
        g = self.current_group()
        pid = self.person.currentData()
        self.report_pdf.setEnabled(pid is not None)
        self.report_csv.setEnabled(pid is not None)
        self.progress_button.setEnabled(pid is not None)
        if g is None or pid is None:
            self._person_reads += 1  # a read still running is no longer wanted
            self.coverage.setRowCount(0)
            self.hours.setRowCount(0)
            self.coverage_label.setText("")
            self.hours_label.setText("")
            return
        first, last = pydate(self.hours_from.date()), pydate(self.hours_to.date())
        attendance, group_id = self._attendance, g.id
        self._person_reads += 1
        ticket = self._person_reads
        self.hours_label.setText(self.tr("Reading hours and coverage…"))

        def read() -> tuple[list, object]:  # type: ignore[type-arg]
            weeks = attendance.participant_hours(pid, first, last) if first <= last else []
            return weeks, attendance.coverage(pid, group_id)

        def failed(exc: Exception) -> bool:
            if ticket == self._person_reads:
                self.hours_label.setText(self.tr("Hours and coverage could not be read; the details are in the log."))
            return False

        def done(result: tuple[list, object]) -> None:  # type: ignore[type-arg]
            if ticket == self._person_reads:  # a newer read has not been asked for since
                self._show_person(g, *result)

        QueryOp(self, read, self._hub).titled(self.tr("Could not read hours")).success(done).failure(failed).run()

    def _show_person(self, g: GroupRecord, weeks, cov) -> None:  # type: ignore[no-untyped-def]
        zone = clinic_zone(self._attendance.zone_name())
        self.hours.setRowCount(len(weeks))
        for n, w in enumerate(weeks):
            _set_row(self.hours, n, [w.label, f"{w.monday.isoformat()} to {w.sunday.isoformat()}", w.level,
                                     hours_text(w.scheduled_minutes), hours_text(w.attended_minutes),
                                     hours_text(w.target_minutes), str(w.days_at_minimum), ", ".join(w.flags)],
                     fill=FLAG if w.flags else None)
        flagged = sum(1 for w in weeks if w.flags)
        self.hours_label.setText(self.tr("<b>Weekly hours</b> (clinic time, Monday to Sunday): {count} weeks, {flagged} flagged.").format(count=len(weeks), flagged=flagged))
        self.coverage.setRowCount(len(cov.steps))
        attended = set(cov.attended_keys)
        for n, step in enumerate(cov.steps):
            ups = cov.make_ups.get(step.key, ())
            suggestion = "; ".join(f"{m.group_name} {date_text(m.starts_at.astimezone(zone), '%a %m-%d %H:%M')}" for m in ups)
            done = step.key in attended
            _set_row(self.coverage, n, [str(n + 1), f"{step.curriculum_title}: {step.title}",
                                        self.tr("yes") if done else self.tr("not yet"), "" if done else (suggestion or self.tr("none soon"))],
                     fill=None if done else FLAG)
        self.coverage_label.setText(
            (self.tr("<b>Coverage</b>: {attended} of {steps} sessions of the track attended; missed sessions with "
                     "upcoming meetings are suggested as make-ups.") if g.track.rolling
             else self.tr("<b>Coverage</b>: {attended} of {steps} sessions of the track attended."))
            .format(attended=len(cov.attended), steps=len(cov.steps)))

    # -- actions ---------------------------------------------------------------------------

    def _write(self, fn, title: str, done=None) -> None:  # type: ignore[no-untyped-def]
        """A change off the GUI thread; the page refreshes from the hub (or here, without one)."""
        write_then_refresh(self, fn, self._hub, title, self.refresh, done)

    def _on_new_group(self) -> None:
        dialog = GroupDialog(self._roster, self._attendance.library, self._attendance.rules(),
                             today=self._attendance.today(), parent=self, hub=self._hub)
        if dialog.exec() and dialog.record is not None:
            record = dialog.record
            self._plan(record.id, done=lambda _n: self.select_group(record.id))

    def _on_edit_group(self) -> None:
        g = self.current_group()
        if g is None:
            return
        dialog = GroupDialog(self._roster, self._attendance.library, self._attendance.rules(), g,
                             today=self._attendance.today(), parent=self, hub=self._hub)
        if dialog.exec() and dialog.record is not None:
            attendance = self._attendance
            self._write(lambda: attendance.retrack_group(g.id), self.tr("Sessions not re-assigned"))

    def _plan(self, group_id: int, done=None) -> None:  # type: ignore[no-untyped-def]
        attendance = self._attendance
        through = attendance.today() + timedelta(weeks=PLAN_WEEKS_AHEAD)
        self._write(lambda: attendance.plan_meetings(group_id, through), self.tr("Meetings not planned"), done)

    def _on_plan(self) -> None:
        g = self.current_group()
        if g is None:
            return

        def planned(added: object) -> None:
            self._on_group()
            self.details.append(self.tr("<p><i>Meetings added from the schedule: {added}.</i></p>").format(added=added))

        self._plan(g.id, planned)

    def _on_new_participant(self) -> None:
        dialog = ParticipantDialog(self._roster, self._attendance.rules(), today=self._attendance.today(), parent=self,
                                   hub=self._hub)
        if dialog.exec() and dialog.record is not None:
            g = self.current_group()
            if g is not None:
                self._enroll(g, dialog.record.id, ask=True)
            self._fill_enrollment()

    def _on_enrolled_progress(self) -> None:
        row = self.enrolled.currentRow()
        if 0 <= row < len(getattr(self, "_enrollments", [])):
            self.participant_requested.emit(self._enrollments[row].participant_id)

    def _on_edit_participant(self) -> None:
        row = self.enrolled.currentRow()
        if row < 0 or row >= len(getattr(self, "_enrollments", [])):
            return
        person = self._roster.participant(self._enrollments[row].participant_id)
        dialog = ParticipantDialog(self._roster, self._attendance.rules(), person, today=self._attendance.today(),
                                   parent=self, hub=self._hub)
        if dialog.exec():
            self._fill_enrollment()

    def _on_care(self) -> None:
        row = self.enrolled.currentRow()
        if self._care_opener is None or not 0 <= row < len(getattr(self, "_enrollments", [])):
            show_error(self, self.tr("Care record"), self.tr("Select a participant in the list first."))
            return
        self._care_opener(self._enrollments[row].participant_id)

    def _on_enroll(self) -> None:
        g = self.current_group()
        if g is None:
            return
        today = self._attendance.today()
        current = {e.participant_id for e in self._roster.enrollments(group_id=g.id)
                   if e.end_date is None or e.end_date >= today}
        from ..core.roster import ParticipantStatus

        choices = [p for p in self._roster.participants(ParticipantStatus.ACTIVE) if p.id not in current]
        if not choices:
            show_error(self, self.tr("Enroll"), self.tr("Every active participant is already enrolled in this group."))
            return
        labels = [f"{p.preferred_name} ({p.legal_name}, {p.record_number})" for p in choices]
        choice, ok = QInputDialog.getItem(self, self.tr("Enroll"), self.tr("Enroll in {name}:").format(name=g.name), labels, 0, False)
        if ok:
            self._enroll(g, choices[labels.index(choice)].id, ask=False)

    def _enroll(self, g: GroupRecord, participant_id: int, ask: bool) -> None:
        if ask:
            from PySide6.QtWidgets import QMessageBox

            if QMessageBox.question(self, self.tr("Enroll"), self.tr("Enroll the new participant in {name} from today?").format(name=g.name)) != \
                    QMessageBox.StandardButton.Yes:
                return
        roster, today, limit = self._roster, self._attendance.today(), self._attendance.rules().capacity_warning

        def enrolled(result) -> None:  # type: ignore[no-untyped-def]
            if result.warnings:
                show_error(self, self.tr("Enrolled, with a warning"), " ".join(result.warnings))

        self._write(lambda: roster.enroll(g.id, participant_id, today, capacity_warning=limit), self.tr("Not enrolled"),
                    enrolled)

    def _on_end_enrollment(self) -> None:
        row = self.enrolled.currentRow()
        if row < 0 or row >= len(getattr(self, "_enrollments", [])):
            return
        e = self._enrollments[row]
        today = self._attendance.today()
        text, ok = QInputDialog.getText(self, self.tr("End enrollment"), self.tr("Last day for {participant_name} (YYYY-MM-DD):").format(participant_name=e.participant_name),
                                        text=today.isoformat())
        if not ok:
            return
        try:
            end = date.fromisoformat(text.strip())
        except ValueError:
            show_error(self, self.tr("Enrollment not ended"), self.tr("{text!r} is not a date like {example}.").format(text=text, example=today.isoformat()))
            return
        roster = self._roster
        self._write(lambda: roster.end_enrollment(e.id, end), self.tr("Enrollment not ended"))

    def _on_import(self) -> None:
        from .roster_import import RosterImportDialog

        dialog = RosterImportDialog(self._roster, self, hub=self._hub)
        if dialog.exec():
            self._fill_enrollment()

    def _on_report(self, fmt: str) -> None:
        from ..core import limits

        pid = self.person.currentData()
        if pid is None:
            return
        first, last = pydate(self.hours_from.date()), pydate(self.hours_to.date())
        problem = limits.report_range_problem(first, last)
        if problem:
            show_error(self, self.tr("Report not saved"), sentence_text(problem))
            return
        if limits.report_needs_confirmation(first, last) and not self.confirm_long_report(first, last):
            return
        person = self._roster.participant(pid)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save attendance report"), str(Path.home() / f"attendance-{person.record_number}-{first}-{last}.{fmt}"),
            self.tr("PDF (*.pdf)") if fmt == "pdf" else self.tr("CSV (*.csv)"))
        if path:
            self.save_report(pid, first, last, Path(path), fmt)

    def confirm_long_report(self, first: date, last: date) -> bool:
        """A report over more than three years is slow and rarely meant: ask first."""
        from PySide6.QtWidgets import QMessageBox

        years = (last - first).days / 365.25
        answer = QMessageBox.question(
            self, self.tr("A long report"),
            self.tr("This report covers {years:.1f} years ({first} to {last}) and may take a while. Make it anyway?").format(years=years, first=first.isoformat(), last=last.isoformat()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def save_report(self, participant_id: int, first: date, last: date, path: Path, fmt: str) -> None:
        """Build, render and write an attendance report off the UI thread, with a progress dialog."""
        from ..core.files import DISK_FULL_SENTENCE, is_disk_full, write_private
        from .i18n import current_language

        attendance, language = self._attendance, current_language()  # a clinic record: the screen's language

        def work(progress) -> Path:  # type: ignore[no-untyped-def]
            progress(0, 3, self.tr("Reading attendance…"))
            report = attendance.attendance_report(participant_id, first, last, language=language)
            progress(1, 3, self.tr("Laying out {count} meetings…").format(count=len(report.rows)))
            if fmt == "csv":
                from ..core.reports import attendance_csv

                data = attendance_csv(report).encode("utf-8")
            else:
                from ..handouts.reports import render_attendance_report

                data = render_attendance_report(report)
            progress(2, 3, self.tr("Writing {name}…").format(name=path.name))
            write_private(path, data)
            return path

        def failed(exc: Exception) -> bool:
            if isinstance(exc, OSError) and is_disk_full(exc):
                show_error(self, self.tr("Report not saved"), self.tr("{disk_full}: {path} was not written.").format(disk_full=DISK_FULL_SENTENCE.split(':')[0], path=path))
                return True
            if isinstance(exc, OSError):
                reason = exc.strerror or self.tr("see the log for details")
                show_error(self, self.tr("Report not saved"), self.tr("The report could not be saved to {path} ({reason}).").format(path=path, reason=reason))
                return True
            return False

        def saved(p: Path) -> None:
            self.hours_label.setText(self.tr("Report saved to {path}; it carries the 42 CFR part 2 notice.").format(path=p))

        (QueryOp(self, work, self._hub).titled(self.tr("Report not saved")).with_progress(self.tr("Making the attendance report…"))
         .success(saved).failure(failed).run())
