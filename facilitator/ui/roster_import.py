"""Roster import from CSV: choose which column feeds each field, preview every row, import all or none."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.roster import (
    FIELD_LABELS,
    REQUIRED_FIELDS,
    ROSTER_FIELDS,
    CsvTable,
    RosterFileError,
    RosterFileTooBig,
    RowError,
    guess_mapping,
    parse_roster,
    read_csv,
    read_roster_text,
)
from .i18n import sentence_text
from .operations import CollectionOp
from .style import ink_item

log = logging.getLogger(__name__)
NONE = "(none)"


class RosterImportDialog(QDialog):
    """``imported`` holds the participants added once the dialog is accepted."""

    def __init__(self, roster, parent: QWidget | None = None, path: Path | None = None, *, hub=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._hub = hub
        self._roster = roster
        self._table: CsvTable | None = None
        self._errors: list[RowError] = []
        self.imported: list[object] = []
        self.setWindowTitle(self.tr("Import roster from CSV"))
        self.setAccessibleName(self.tr("Import roster from CSV"))
        self.resize(980, 640)

        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("CSV file"))
        self.path.setReadOnly(True)
        browse = QPushButton(self.tr("&Choose file…"))
        browse.setAccessibleName(self.tr("Choose the CSV file"))
        browse.clicked.connect(self._on_browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)

        mapping_box = QGroupBox(self.tr("Columns"))
        grid = QGridLayout(mapping_box)
        self.combos: dict[str, QComboBox] = {}
        for n, name in enumerate(ROSTER_FIELDS):
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Column for {name}").format(name=sentence_text(FIELD_LABELS[name])))
            combo.currentIndexChanged.connect(self._on_mapping_changed)
            label = QLabel(f"{sentence_text(FIELD_LABELS[name])}{' *' if name in REQUIRED_FIELDS else ''}:")
            label.setBuddy(combo)
            grid.addWidget(label, n // 2, (n % 2) * 2)
            grid.addWidget(combo, n // 2, (n % 2) * 2 + 1)
            self.combos[name] = combo

        self.preview = QTableWidget(0, len(ROSTER_FIELDS) + 2)
        self.preview.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move between cells
        self.preview.setAccessibleName(self.tr("Preview of the rows to import"))
        self.preview.setHorizontalHeaderLabels([self.tr("Line"), *(sentence_text(FIELD_LABELS[f]) for f in ROSTER_FIELDS), self.tr("Problem")])
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().setVisible(False)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel(self.tr("Choose a CSV file whose first line names the columns."))
        self.summary.setAccessibleName(self.tr("Import summary"))
        self.summary.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setAccessibleName(self.tr("Import every row"))
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self._on_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("&File:"), file_row)
        layout.addLayout(form)
        layout.addWidget(mapping_box)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        if path is not None:
            self.open_file(path)

    # -- public ----------------------------------------------------------------------------

    def open_file(self, path: Path) -> bool:
        self.path.setText(str(path))
        try:
            text = read_roster_text(path)
            self._table = read_csv(text)
        except UnicodeDecodeError:
            return self._refuse(self.tr("{name} is not UTF-8 text. Save it from the spreadsheet as “CSV UTF-8”.").format(name=path.name))
        except RosterFileTooBig as exc:
            return self._refuse(sentence_text(exc))
        except RosterFileError as exc:
            return self._refuse(self.tr("{name} cannot be read: {exc}.").format(name=path.name, exc=sentence_text(exc)))
        except OSError as exc:
            from ..core.files import os_problem

            return self._refuse(self.tr("{name} cannot be read ({strerror}).").format(name=path.name, strerror=sentence_text(os_problem(exc))))
        mapping = guess_mapping(self._table.headers)
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(NONE, None)
            for header in self._table.headers:
                combo.addItem(header, header)
            chosen = mapping.get(name)
            combo.setCurrentIndex(combo.findData(chosen) if chosen else 0)
            combo.blockSignals(False)
        self._check()
        return True

    def mapping(self) -> dict[str, str | None]:
        return {name: combo.currentData() for name, combo in self.combos.items()}

    @property
    def errors(self) -> list[RowError]:
        return list(self._errors)

    # -- slots -----------------------------------------------------------------------------

    def _refuse(self, sentence: str) -> bool:
        self._table = None
        self._errors = []
        self.preview.setRowCount(0)
        self.summary.setText(sentence)
        self.import_button.setEnabled(False)
        return False

    def _on_browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose roster file"), str(Path.home()), self.tr("CSV (*.csv);;All files (*)"))
        if path:
            self.open_file(Path(path))

    def _on_mapping_changed(self) -> None:
        if self._table is not None:
            self._check()

    def _check(self) -> None:
        assert self._table is not None
        plan = parse_roster(self._table, self.mapping())
        try:
            self._errors = self._roster.import_problems(plan)
        except Exception:  # noqa: BLE001
            log.exception("Checking the roster against the database failed")
            self._errors = list(plan.errors)
        self._plan = plan
        by_line = {e.line: sentence_text(e.message) for e in self._errors}
        mapping = self.mapping()
        index = {f: self._table.headers.index(h) for f, h in mapping.items() if h}
        rows = list(self._table.rows)
        self.preview.setRowCount(len(rows))
        for r, (line, cells) in enumerate(rows):
            problem = by_line.get(line, "")
            values = [str(line)]
            for name in ROSTER_FIELDS:
                i = index.get(name)
                values.append(cells[i] if i is not None and i < len(cells) else "")
            values.append(problem)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if problem:
                    ink_item(item, background="bad_row")
                self.preview.setItem(r, c, item)
        general = [e for e in self._errors if e.line not in {line for line, _ in rows}]
        if self._errors:
            lines = ", ".join(str(e.line) for e in self._errors[:12]) + ("…" if len(self._errors) > 12 else "")
            extra = " " + " ".join(_as_sentence(sentence_text(e.message)) for e in general) if general else ""
            self.summary.setText(
                (self.tr("<b>Nothing will be imported until every row is right.</b> 1 problem, on line {lines}.{extra} Fix the file (or the column choices) and choose it again.") if len(self._errors) == 1 else self.tr("<b>Nothing will be imported until every row is right.</b> {count} problems, on lines {lines}.{extra} Fix the file (or the column choices) and choose it again.")).format(count=len(self._errors), lines=lines, extra=extra)
            )
        else:
            self.summary.setText(self.tr("{count} participants are ready to import.").format(count=len(plan.drafts)))
        self.import_button.setEnabled(not self._errors and bool(plan.drafts))

    def _on_import(self) -> None:
        """Add every row off the GUI thread, all or none; a refusal keeps the dialog open with its reasons."""
        if self._table is None or self._errors:
            return
        roster, plan = self._roster, self._plan
        self.import_button.setEnabled(False)

        def imported(added: list[object]) -> None:
            self.imported = list(added)
            self.accept()

        def refused(exc: Exception) -> bool:
            log.info("Roster import refused: %s", exc)
            self._check()
            return False

        CollectionOp(self, lambda: roster.import_roster(plan), self._hub).titled(self.tr("Roster not imported")) \
            .success(imported).failure(refused).run()


def _as_sentence(words: str) -> str:
    """A problem's words ("the file is empty") as a sentence of their own."""
    return f"{words[:1].upper()}{words[1:]}."
