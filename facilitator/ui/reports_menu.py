"""The Reports menu: export the services to bill, and a participant's consents and letters.

Kept to a few lines in the main window: ``build_reports_menu`` adds the menu and its actions,
which do nothing until someone is signed in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.changes import ValidationError
from .i18n import sentence_text


class ServicesExportDialog(QDialog):
    """Choose the days and the file; the CSV of services, the second list beside it, and a PDF summary."""

    def __init__(self, billing: Any, hub: Any = None, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self._billing = billing
        self._hub = hub
        self.setWindowTitle(self.tr("Export services to bill"))
        self.setAccessibleName(self.tr("Export services to bill"))
        today = today or date.today()
        last_month_end = today.replace(day=1) - timedelta(days=1)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "One row per billable service, from attendance and signed notes only. What was attended but "
            "cannot be billed yet goes to a second file with the reason."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.first = QLineEdit(last_month_end.replace(day=1).isoformat())
        self.first.setAccessibleName(self.tr("First day"))
        self.last = QLineEdit(last_month_end.isoformat())
        self.last.setAccessibleName(self.tr("Last day"))
        self.output = QLineEdit(str(Path.home() / f"services-{last_month_end:%Y-%m}.csv"))
        self.output.setAccessibleName(self.tr("CSV file"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAccessibleName(self.tr("Choose the CSV file"))
        browse.setAutoDefault(False)  # Enter in a field exports; it never opens the file chooser
        browse.clicked.connect(lambda _checked=False: self._on_browse())
        self.pdf = QCheckBox(self.tr("Also write a &PDF summary beside it"))
        self.pdf.setAccessibleName(self.tr("Also write a PDF summary"))
        self.pdf.setChecked(True)
        for text, widget in ((self.tr("&From:"), self.first), (self.tr("&To:"), self.last)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        row = QHBoxLayout()
        row.addWidget(self.output, 1)
        row.addWidget(browse)
        label = QLabel(self.tr("F&ile:"))
        label.setBuddy(self.output)
        form.addRow(label, row)
        form.addRow(self.pdf)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setAccessibleName(self.tr("Export"))
        for button in self.buttons.buttons():
            button.setAutoDefault(False)  # Enter in a field exports; it never closes the dialog
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(lambda _checked=False: self._on_export())
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def _on_browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the services to bill"), self.output.text(),
                                              self.tr("CSV (*.csv)"))
        if path:
            self.output.setText(path)

    def _on_export(self) -> None:
        from ..core.limits import parse_date, report_range_problem
        from .operations import QueryOp

        try:
            first = parse_date(self.first.text().strip(), self.tr("first day"))
            last = parse_date(self.last.text().strip(), self.tr("last day"))
        except ValidationError as exc:
            self.message.setText(sentence_text(exc))
            return
        problem = report_range_problem(first, last)
        if problem:
            self.message.setText(sentence_text(problem))
            return
        text = self.output.text().strip()
        if not text or "\x00" in text:
            self.message.setText(self.tr("Choose a file to write the services to."))
            return
        output = Path(text).expanduser()
        if output.suffix.lower() != ".csv":
            output = output.with_suffix(".csv")
        with_pdf = self.pdf.isChecked()
        billing = self._billing
        from .i18n import current_language

        language = current_language()  # the PDF summary: the screen's language (the CSV stays English)

        def export(report: Any = None) -> tuple[Any, list[Path]]:
            from ..core.billing import services_csv, short_csv
            from ..core.files import write_private

            if report is not None:
                report(0, 2, "Reading attendance and signed notes")
            result = billing.services(first, last, language=language)
            if report is not None:
                report(1, 2, "Writing the files")
            short = output.with_name(f"{output.stem}-short.csv")
            write_private(output, services_csv(result).encode("utf-8"))
            write_private(short, short_csv(result).encode("utf-8"))
            written = [output, short]
            if with_pdf:
                from ..handouts import render_pdf

                pdf = output.with_suffix(".pdf")
                write_private(pdf, render_pdf(result))
                written.append(pdf)
            return result, written

        def done(result: tuple[Any, list[Path]]) -> None:
            export_, written = result
            said = self.tr("{services} services and {short} falling short, written to {files}.").format(
                services=len(export_.services), short=len(export_.short), files=", ".join(str(p) for p in written))
            if export_.scope_note:
                said += " " + self.tr("Only the groups you lead are in it.")
            self.message.setText(said)

        def failed(exc: Exception) -> bool:
            if isinstance(exc, OSError):
                self.message.setText(self.tr("The files could not be written: {why}").format(why=exc.strerror or exc))
                return True
            return False

        self.message.setText(self.tr("Exporting…"))
        QueryOp(self, export, self._hub).titled(self.windowTitle()).with_progress(self.tr("Exporting services…")) \
            .success(done).failure(failed).run()


def build_reports_menu(window: Any, add: Callable[..., QAction]) -> None:
    """A Reports menu with the services export and a participant's consents and letters."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("ReportsMenu", "&Reports"))

    def backend() -> Any:
        b = getattr(window, "backend", None)
        return b if b is not None and getattr(b, "principal", None) is not None else None

    def export_services() -> None:
        b = backend()
        if b is not None and b.billing is not None:
            ServicesExportDialog(b.billing, getattr(window, "hub", None), window).exec()

    def consents() -> None:
        b = backend()
        if b is None or b.consents is None:
            return
        record, ok = QInputDialog.getText(window, QCoreApplication.translate("ReportsMenu", "Consents and letters"), QCoreApplication.translate("ReportsMenu", "Participant's record number:"))
        if not ok or not record.strip():
            return
        from .consents_dialog import open_consents
        from .operations import QueryOp

        hub = getattr(window, "hub", None)

        def found(pid: int) -> None:
            window.consents_dialog = open_consents(window, b, hub, pid, record.strip())

        QueryOp(window, lambda: b.consents.participant_id(record), hub).titled(QCoreApplication.translate("ReportsMenu", "Consents and letters")) \
            .success(found).run()

    window.export_services_action = add(menu, QCoreApplication.translate("ReportsMenu", "Export &services to bill…"), export_services)
    window.consents_action = add(menu, QCoreApplication.translate("ReportsMenu", "&Consents and letters…"), consents)
