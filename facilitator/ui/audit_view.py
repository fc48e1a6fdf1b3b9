"""Admin › Audit trail: filter by dates, user, participant and action; sort; export CSV.

Supervisors and administrators only (the service refuses anyone else). Sorting asks the
database, so the order is right over the whole trail and not just the rows on screen.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.audit import AuditAction, AuditRecord, ChainReport
from ..core.permissions import PermissionDenied
from .errors import show_error
from .i18n import QT_TRANSLATE_NOOP, core_word, sentence_text

if TYPE_CHECKING:
    from ..backend import Backend
    from ..store.audit import AuditFilter

log = logging.getLogger(__name__)
ROW_LIMIT = 5000
COLUMNS = [
    ("seq", "#"),
    ("at", QT_TRANSLATE_NOOP("AuditModel", "Time")),
    ("username", QT_TRANSLATE_NOOP("AuditModel", "User")),
    ("action", QT_TRANSLATE_NOOP("AuditModel", "Action")),
    ("record_type", QT_TRANSLATE_NOOP("AuditModel", "Record")),
    ("record_id", QT_TRANSLATE_NOOP("AuditModel", "Record id")),
    ("participant_id", QT_TRANSLATE_NOOP("AuditModel", "Participant")),
    ("detail", QT_TRANSLATE_NOOP("AuditModel", "Detail")),
    ("workstation", QT_TRANSLATE_NOOP("AuditModel", "Workstation")),
]


class AuditModel(QAbstractTableModel):
    """Rows of the trail; ``sort`` re-queries through the service."""

    def __init__(self, load, parent: QWidget | None = None, zone: tzinfo = UTC) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._load = load
        self.zone = zone  # the clinic's: times are shown as its clock showed them
        self.records: list[AuditRecord] = []
        self.labels: dict[int, str] = {}
        self.order_by = "seq"
        self.descending = True

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self.records[index.row()]
        key = COLUMNS[index.column()][0]
        if key == "at":
            return r.at.astimezone(self.zone).strftime("%Y-%m-%d %H:%M:%S")
        if key == "action":
            return r.action_label
        if key == "participant_id" and r.participant_id is not None:
            label = self.labels.get(r.participant_id)
            return f"{label} (#{r.participant_id})" if label else f"#{r.participant_id}"
        value = getattr(r, key)
        return "" if value is None else str(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.order_by = COLUMNS[column][0]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        try:
            self.records, self.labels = self._load(self.order_by, self.descending)
        finally:
            self.endResetModel()


def _day_start(day: date, zone: tzinfo) -> datetime:
    """Midnight starting ``day`` on the clinic's clock."""
    return datetime.combine(day, time(), zone)


class AuditDialog(QDialog):
    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.setWindowTitle(self.tr("Audit trail"))
        self.setAccessibleName(self.tr("Audit trail"))
        assert backend.audit is not None and backend.clock is not None
        self.zone = backend.attendance.zone()
        today = backend.clock.now().astimezone(self.zone).date()
        self.start = QDateEdit(QDate(today - timedelta(days=30)))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.start.setAccessibleName(self.tr("From date"))
        self.end = QDateEdit(QDate(today))
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat("yyyy-MM-dd")
        self.end.setAccessibleName(self.tr("To date"))
        self.user = QComboBox()
        self.user.setAccessibleName(self.tr("User"))
        self.user.addItem(self.tr("Everyone"), "")
        for name in backend.audit.usernames(backend.principal):
            self.user.addItem(name, name)
        self.participant = QLineEdit()
        self.participant.setAccessibleName(self.tr("Participant record number"))
        self.participant.setPlaceholderText(self.tr("record number"))
        self.participant.setMaximumWidth(130)
        self.action = QComboBox()
        self.action.setAccessibleName(self.tr("Action"))
        self.action.addItem(self.tr("Every action"), "")
        for action in AuditAction:
            self.action.addItem(core_word(action.label), action.value)
        self.apply_button = QPushButton(self.tr("&Show"))
        self.apply_button.setAccessibleName(self.tr("Show entries"))
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self._on_apply)
        self.verify_button = QPushButton(self.tr("&Verify chain"))
        self.verify_button.setAccessibleName(self.tr("Verify chain"))
        self.verify_button.clicked.connect(self._on_verify)
        self.export_button = QPushButton(self.tr("E&xport CSV…"))
        self.export_button.setAccessibleName(self.tr("Export CSV"))
        self.export_button.clicked.connect(lambda: self._on_export())

        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("&From:"), self.start),
            (self.tr("&To:"), self.end),
            (self.tr("&User:"), self.user),
            (self.tr("&Participant:"), self.participant),
            (self.tr("&Action:"), self.action),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addWidget(self.apply_button)
        filters.addStretch(1)

        self.model = AuditModel(self._load, self, self.zone)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move between cells
        self.table.setAccessibleName(self.tr("Audit entries"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Audit status"))
        self.status.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.export_button)
        close = QPushButton(self.tr("&Close"))
        close.setAccessibleName(self.tr("Close"))
        close.clicked.connect(self.accept)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(1150, 620)
        with backend.work.begin(backend.principal) as uow:
            uow.audit(AuditAction.VIEW, record_type="audit trail", detail="opened the audit screen")
        self._on_apply()

    # -- filters -------------------------------------------------------------------------------

    def current_filter(self, order_by: str = "seq", descending: bool = True, limit: int | None = ROW_LIMIT) -> AuditFilter:
        from ..store.audit import AuditFilter

        start = self.start.date().toPython()
        end = self.end.date().toPython()
        return AuditFilter(
            start=_day_start(start, self.zone),  # type: ignore[arg-type]
            end=_day_start(end + timedelta(days=1), self.zone),  # type: ignore[operator]
            username=self.user.currentData() or "",
            participant_id=self._participant_id(),
            action=self.action.currentData() or "",
            order_by=order_by,
            descending=descending,
            limit=limit,
        )

    def _load(self, order_by: str, descending: bool) -> tuple[list[AuditRecord], dict[int, str]]:
        audit = self.backend.audit
        assert audit is not None
        records = audit.entries(self.backend.principal, self.current_filter(order_by, descending))
        labels = audit.participant_labels(self.backend.principal, (r.participant_id for r in records if r.participant_id))
        return records, labels

    def _participant_id(self) -> int | None:
        """The participant filter: a record number, or a participant's number written #17.

        None for no filter; -1 when nobody has that record number (the caller says so).
        """
        text = self.participant.text().strip()
        if not text:
            return None
        if text.startswith("#"):
            return int(text[1:]) if text[1:].isdigit() else -1
        assert self.backend.audit is not None
        found = self.backend.audit.participant_for_record(self.backend.principal, text)
        if found is not None:
            return found
        return int(text) if text.isdigit() else -1

    def _on_apply(self) -> None:
        if self._participant_id() == -1:
            show_error(
                self, self.tr("Audit trail"),
                self.tr("No participant has the record number {typed!r}; type a record number or a participant's number such as #17.").format(typed=self.participant.text().strip()),
            )
            return
        if self.end.date() < self.start.date():
            show_error(self, self.tr("Audit trail"), self.tr("The 'To' date is before the 'From' date."))
            return
        try:
            self.model.reload()
        except PermissionDenied as exc:
            show_error(self, self.tr("Audit trail"), sentence_text(exc))
            return
        except Exception:
            log.exception("Reading the audit trail failed")
            show_error(self, self.tr("Audit trail"), self.tr("The audit trail could not be read; the log has the details."))
            return
        n = len(self.model.records)
        if n >= ROW_LIMIT:
            self.status.setText(self.tr("{n:,} entries (the first {limit:,}; narrow the filter to see the rest).").format(n=n, limit=ROW_LIMIT))
        else:
            self.status.setText(self.tr("{n:,} entries.").format(n=n))

    def _on_verify(self) -> None:
        assert self.backend.audit is not None
        report: ChainReport = self.backend.audit.verify(self.backend.principal)
        if report.ok:
            self.status.setText(self.tr("The trail is intact: {checked:,} entries, each chained to the one before.").format(checked=report.checked))
        else:
            problems = "; ".join(sentence_text(p.sentence) for p in report.problems[:3])
            self.status.setText(self.tr("The trail is NOT intact: {problems}").format(problems=problems))
            show_error(self, self.tr("Audit trail"), self.tr("The audit trail has been tampered with: {problems}").format(problems=problems))

    def _on_export(self, path: Path | None = None) -> None:
        assert self.backend.audit is not None and self.backend.clock is not None
        if path is None:
            suggested = Path.home() / f"audit-{self.backend.clock.now():%Y-%m-%d}.csv"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit trail"), str(suggested), self.tr("CSV (*.csv)"))
            if not chosen:
                return
            path = Path(chosen)
        try:
            n = self.backend.audit.export_csv(
                self.backend.principal,
                path,
                self.current_filter(self.model.order_by, self.model.descending, limit=None),
            )
        except PermissionDenied as exc:
            show_error(self, self.tr("Audit trail"), sentence_text(exc))
            return
        except OSError as exc:
            from ..core.files import is_disk_full

            if is_disk_full(exc):
                show_error(self, self.tr("Audit trail"), self.tr("The disk is full: {path} was not written; free some space and try again.").format(path=path))
            else:
                show_error(self, self.tr("Audit trail"), self.tr("{path} could not be written ({exc}).").format(path=path, exc=exc.strerror or exc))
            return
        self.status.setText(self.tr("Exported {n:,} entries to {path}.").format(n=n, path=path))
