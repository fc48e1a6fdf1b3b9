"""A participant's page: how they are doing, in charts with their numbers one key away.

Opened from Groups (the person chosen), Today (an attendee) or anywhere a participant is
listed (``open_participant_page``). It shows weekly hours against the target, the check-in
craving ratings, PHQ-9 and GAD-7 against their bands, drug screens on a timeline and
mutual-help meetings per week, each as a ``ChartPanel`` (N on a chart shows its table).
Open safety flags are listed at the top with a button to acknowledge them.

Keys: Alt+F / Alt+T the period, Ctrl+1…Ctrl+6 jump to a chart, Alt+P enter a PHQ-9, Alt+G a
GAD-7, Alt+D a drug screen, Ctrl+P print the progress report. Reads run through ``QueryOp``
and the page refreshes whenever a measure, attendance or the participant changes.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core import measures as cm
from ..core.changes import ATTENDANCE, MEASURE_KINDS, PARTICIPANT
from .charts import ChartPanel
from .errors import show_error
from .i18n import current_language, sentence_text
from .measure_entry import QuestionnaireDialog, SafetyFlagDialog, ScreenDialog
from .operations import ChangeHub, QueryOp
from .style import set_ink_style

log = logging.getLogger(__name__)

DEFAULT_WEEKS = 12
CHART_KEYS = ("hours", "craving", "phq9", "gad7", "screens", "meetings")
_open_pages: dict[int, ParticipantPage] = {}


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ParticipantPage(QDialog):
    """One participant's progress over a period (a window of its own; several may be open)."""

    def __init__(self, backend: Any, participant_id: int, parent: QWidget | None = None, *, hub: ChangeHub | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.backend = backend
        self.participant_id = participant_id
        self._hub = hub
        self._reads = 0
        self.progress: Any = None
        self.person: Any = None
        self.setWindowTitle(self.tr("Progress — Facilitator"))  # no name until read, and never in a file name
        self.setAccessibleName(self.tr("Participant's progress"))
        today = backend.measures.today()

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.heading.setFont(font)
        self.heading.setAccessibleName(self.tr("Participant"))
        self.first = QDateEdit(_qdate(today - timedelta(weeks=DEFAULT_WEEKS)))
        self.last = QDateEdit(_qdate(today))
        for edit, name in ((self.first, self.tr("First day shown")), (self.last, self.tr("Last day shown"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            edit.dateChanged.connect(lambda _d: self.refresh())
        from_label, to_label = QLabel(self.tr("&From:")), QLabel(self.tr("&To:"))
        from_label.setBuddy(self.first)
        to_label.setBuddy(self.last)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(from_label)
        top.addWidget(self.first)
        top.addWidget(to_label)
        top.addWidget(self.last)

        self.flags = QLabel()
        self.flags.setWordWrap(True)
        self.flags.setAccessibleName(self.tr("Safety flags"))
        set_ink_style(self.flags, "background: {flag}; color: {flag_text}; padding: 6px; border: 2px solid {error};")
        self.flags.setVisible(False)
        self.ack_button = QPushButton(self.tr("&Acknowledge safety flag…"))
        self.ack_button.setAccessibleName(self.tr("Acknowledge the open safety flag"))
        self.ack_button.clicked.connect(self._on_acknowledge)
        self.ack_button.setVisible(False)
        flag_row = QHBoxLayout()
        flag_row.addWidget(self.flags, 1)
        flag_row.addWidget(self.ack_button)

        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Page status"))
        self.status.setWordWrap(True)

        self.panels: dict[str, ChartPanel] = {}
        charts = QWidget()
        charts_layout = QVBoxLayout(charts)
        for key in CHART_KEYS:
            panel = ChartPanel()
            self.panels[key] = panel
            charts_layout.addWidget(panel)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to each chart, and scrolls it into view
        self.scroll.setWidget(charts)

        self.phq9_button = QPushButton(self.tr("Enter &PHQ-9…"))
        self.gad7_button = QPushButton(self.tr("Enter &GAD-7…"))
        self.screen_button = QPushButton(self.tr("&Drug screen…"))
        self.report_button = QPushButton(self.tr("Progress &report (PDF)…"))
        self.mine_button = QPushButton(self.tr("&My progress page (PDF)…"))
        self.forms_button = QPushButton(self.tr("&Blank PHQ-9 and GAD-7 forms (PDF)…"))
        # The rest of the participant's record, one key away: the care record and the consents.
        self.care_button = QPushButton(self.tr("Care rec&ord…"))
        self.consents_button = QPushButton(self.tr("Co&nsents and letters…"))
        for button, name, slot in (
            (self.phq9_button, self.tr("Enter a PHQ-9 for this participant"), lambda: self._on_questionnaire(cm.PHQ9)),
            (self.gad7_button, self.tr("Enter a GAD-7 for this participant"), lambda: self._on_questionnaire(cm.GAD7)),
            (self.screen_button, self.tr("Enter a drug screen for this participant"), self._on_screen),
            (self.report_button, self.tr("Save the progress report for the supervisor and the chart"), self._on_report),
            (self.mine_button, self.tr("Save the large-print my progress page for the participant"), self._on_mine),
            (self.forms_button, self.tr("Save blank PHQ-9 and GAD-7 forms to fill in on paper"), self._on_forms),
            (self.care_button, self.tr("Open the care record: level of care, criteria, discharge and aftercare"),
             self._on_care),
            (self.consents_button, self.tr("Open the consents to disclose and the letters sent under them"),
             self._on_consents),
        ):
            button.setAccessibleName(name)
            button.clicked.connect(slot)
        # Two rows (what is entered here; what is printed), so the page fits a small screen at large text.
        buttons = QVBoxLayout()
        entries, prints = QHBoxLayout(), QHBoxLayout()
        for b in (self.phq9_button, self.gad7_button, self.screen_button, self.care_button, self.consents_button):
            entries.addWidget(b)
        self.care_button.setVisible(getattr(backend, "care", None) is not None)
        self.consents_button.setVisible(getattr(backend, "consents", None) is not None)
        entries.addStretch(1)
        prints.addStretch(1)
        for b in (self.report_button, self.mine_button, self.forms_button):
            prints.addWidget(b)
        buttons.addLayout(entries)
        buttons.addLayout(prints)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(flag_row)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)
        for n, key in enumerate(CHART_KEYS, start=1):
            QShortcut(QKeySequence(f"Ctrl+{n}"), self, activated=lambda k=key: self.focus_chart(k))
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self._on_report)
        self.resize(1000, 860)
        if hub is not None:
            hub.refresh_on(self, (*sorted(MEASURE_KINDS), ATTENDANCE, PARTICIPANT), self.refresh)
        self.refresh()

    # -- reading ---------------------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        return _pydate(self.first.date()), _pydate(self.last.date())

    def refresh(self) -> None:
        first, last = self.period()
        if first > last:
            self.status.setText(self.tr("The first day is after the last day; change one of them."))
            return
        self._reads += 1
        ticket = self._reads
        backend, pid = self.backend, self.participant_id
        language = current_language()  # the charts' words and sentences in the screen's language
        self.status.setText(self.tr("Reading…"))

        def read() -> tuple[Any, Any]:
            from ..store.progress import ProgressService

            return ProgressService.for_backend(backend).read(pid, first, last, language=language)

        def done(result: tuple[Any, Any]) -> None:
            if ticket == self._reads:
                self._show(*result)

        def failed(exc: Exception) -> bool:
            if ticket != self._reads:
                return True
            from ..core.changes import UserFacingError

            if isinstance(exc, UserFacingError):
                self.status.setText(sentence_text(exc))
                return True
            self.status.setText(self.tr("The participant's progress could not be read; the details are in the log."))
            return False

        QueryOp(self, read, self._hub).titled(self.tr("Progress not read")).success(done).failure(failed).run()

    def _show(self, person: Any, progress: Any) -> None:
        self.person, self.progress = person, progress
        self.heading.setText(f"{person.preferred_name} · {person.record_number}")
        self.setWindowTitle(self.tr("Progress: {name} — Facilitator").format(name=person.preferred_name))
        for chart in progress.charts:
            if chart.key in self.panels:
                self.panels[chart.key].set_chart(chart)
            elif chart.key != "craving" and "craving" in self.panels:  # another check-in scale
                self.panels["craving"].set_chart(chart)
        open_flags = [f for f in progress.flags if f.is_open]
        unacknowledged = [f for f in open_flags if f.state is cm.FlagState.OPEN]
        if open_flags:
            lines = "\n".join("⚠ " + line for line in progress.flag_lines)
            self.flags.setText(self.tr("Safety flag open — follow the safety protocol.\n{lines}").format(lines=lines))
        self.flags.setVisible(bool(open_flags))
        self.ack_button.setVisible(bool(unacknowledged))
        first, last = self.period()
        self.status.setText(
            self.tr("{first} to {last}. Tab to a chart and press N for its numbers; Ctrl+1 to Ctrl+6 jump.").format(
                first=first.isoformat(), last=last.isoformat()
            )
        )

    def focus_chart(self, key: str) -> None:
        panel = self.panels[key]
        self.scroll.ensureWidgetVisible(panel)
        (panel.table if panel.showing_numbers() else panel.canvas).setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- entering --------------------------------------------------------------------------

    def _on_care(self) -> None:
        from .care_panel import CareDialog

        CareDialog(self.backend, self._hub, self.participant_id, self).exec()

    def _on_consents(self) -> None:
        from .consents_dialog import open_consents

        person = self.person
        label = f"{person.preferred_name} ({person.record_number})" if person is not None else ""
        open_consents(self, self.backend, self._hub, self.participant_id, label)

    def _name(self) -> str:
        return self.person.preferred_name if self.person is not None else ""

    def _on_questionnaire(self, instrument: cm.Instrument) -> QuestionnaireDialog:
        measures, pid = self.backend.measures, self.participant_id

        def save(answers: tuple[str, ...], difficulty: str, day: date, paper: bool) -> Any:
            return measures.record_questionnaire(
                pid, instrument.key, list(answers), day, difficulty=difficulty or None, on_paper=paper
            )

        dialog = QuestionnaireDialog(instrument, self._name(), save, measures.today(), self, hub=self._hub)
        dialog.finished.connect(lambda _r: self._after_questionnaire(dialog))
        dialog.open()
        return dialog

    def _after_questionnaire(self, dialog: QuestionnaireDialog) -> None:
        record = dialog.saved
        if record is not None and getattr(record, "flag_id", None):
            self.ask_acknowledgement(record.flag_id, record.taken_on)

    def ask_acknowledgement(self, flag_id: int, raised_on: date) -> SafetyFlagDialog:
        measures = self.backend.measures
        dialog = SafetyFlagDialog(
            self._name(), raised_on, lambda note: measures.acknowledge_flag(flag_id, note), self, hub=self._hub
        )
        dialog.open()
        return dialog

    def _on_acknowledge(self) -> None:
        if self.progress is None:
            return
        flag = next((f for f in self.progress.flags if f.state is cm.FlagState.OPEN), None)
        if flag is not None:
            self.ask_acknowledgement(flag.id, flag.raised_on)

    def _on_screen(self) -> ScreenDialog:
        measures, pid = self.backend.measures, self.participant_id

        def save(**values: Any) -> Any:
            return measures.record_screen(pid, **values)

        dialog = ScreenDialog(self._name(), save, measures.today(), self, hub=self._hub)
        expected = getattr(self.progress, "expected", ())
        for med in expected:
            if med in dialog.expected:
                dialog.expected[med].setChecked(True)
        dialog.open()
        return dialog

    # -- printing --------------------------------------------------------------------------

    def _ask_path(self, title: str, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / suggested), self.tr("PDF (*.pdf)"))
        return Path(path) if path else None

    def _on_report(self) -> None:
        first, last = self.period()
        path = self._ask_path(self.tr("Save progress report"), f"progress-{first.isoformat()}-{last.isoformat()}.pdf")
        if path is not None:
            self.save_pdf("report", path)

    def _on_mine(self) -> None:
        path = self._ask_path(self.tr("Save my progress page"), "my-progress.pdf")
        if path is not None:
            self.save_pdf("mine", path)

    def _on_forms(self) -> None:
        path = self._ask_path(self.tr("Save blank forms"), "phq9-gad7-forms.pdf")
        if path is not None:
            self.save_pdf("forms", path)

    def save_pdf(self, what: str, path: Path) -> None:
        """Read, render and write one of the page's PDFs off the GUI thread."""
        from .i18n import current_language

        backend, pid, language = self.backend, self.participant_id, current_language()
        first, last = self.period()

        def work() -> Path:
            from ..core.files import write_private

            write_private(path, progress_pdf(backend, what, pid, first, last, language))
            return path

        def failed(exc: Exception) -> bool:
            if isinstance(exc, OSError):
                show_error(self, self.tr("Not saved"), self.tr("The file could not be saved to {path} ({reason}).").format(
                    path=path, reason=exc.strerror or self.tr("see the log")))
                return True
            return False

        QueryOp(self, work, self._hub).titled(self.tr("Not saved")).success(
            lambda p: self.status.setText(self.tr("Saved {path}.").format(path=p))
        ).failure(failed).run()


def progress_pdf(
    backend: Any, what: str, participant_id: int, first: date, last: date, language: str | None = None
) -> bytes:
    """One of the page's PDFs: "report" (supervisor and chart), "mine" (the participant's) or "forms".

    The report prints in the screen's language; "mine" in the participant's (core/print_language.py).
    """
    from ..handouts import render_pdf
    from ..store.progress import ProgressService
    from .i18n import current_language

    language = language or current_language()
    service = ProgressService.for_backend(backend)
    if what == "report":
        return render_pdf(service.progress_report(participant_id, first, last, language=language))
    if what == "mine":
        return render_pdf(service.my_progress(participant_id, first, last, language=language))
    return render_pdf(service.forms())


def open_participant_page(backend: Any, participant_id: int, parent: QWidget | None = None) -> ParticipantPage:
    """Show a participant's page (raising the one already open for them)."""
    page = _open_pages.get(participant_id)
    if page is not None:
        page.show()
        page.raise_()
        page.activateWindow()
        return page
    hub = ChangeHub.for_backend(backend) if getattr(backend, "work", None) is not None else None
    page = ParticipantPage(backend, participant_id, parent, hub=hub)
    page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_pages[participant_id] = page
    page.destroyed.connect(lambda _o=None, pid=participant_id: _open_pages.pop(pid, None))
    page.show()
    return page
