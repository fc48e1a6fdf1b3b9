"""Entering measures: PHQ-9 / GAD-7 by keyboard, a drug screen, and acknowledging a safety flag.

Each dialog keeps what was typed when a save is refused: the sentence appears above the
buttons and the dialog stays open. Saves run through ``CollectionOp`` on the writer thread.

- ``QuestionnaireDialog``: one digit (0–3) per item; typing a digit moves to the next item,
  so a whole PHQ-9 is nine key presses. "From the printed form" records that it was keyed
  in from paper, and the date it was filled in.
- ``ScreenDialog``: collection date, specimen, observed, panel, a result per substance and
  the medications the person is expected to test positive for.
- ``SafetyFlagDialog``: a positive PHQ-9 item 9 raises a flag the counselor acknowledges
  (who and when are recorded by the service). It can be put off, never dismissed silently:
  the flag stays on the participant's page and in their next note until acknowledged.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core.changes import UserFacingError
from ..core.measures import (
    EXPECTED_MEDICATIONS,
    PANELS,
    SUBSTANCES,
    SUICIDE_ITEM,
    Instrument,
    ScreenResult,
)
from .i18n import sentence_text
from .operations import CollectionOp
from .style import set_ink_style


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())



def save_from_dialog(dialog: Any, button: Any, fn: Callable[[], Any], title: str, keep_as: str,
                     refused: Callable[[], None] | None = None) -> None:
    """Save a dialog's entry off the GUI thread: its button waits; what was saved is kept on the
    dialog as ``keep_as`` and the dialog closes; a refusal is said on the dialog, its entries kept
    (``refused`` may then put the cursor where the fix belongs)."""
    button.setEnabled(False)

    def done(record: Any) -> None:
        setattr(dialog, keep_as, record)
        dialog.accept()

    def failed(exc: Exception) -> bool:
        button.setEnabled(True)
        if isinstance(exc, UserFacingError):
            dialog.error.say(sentence_text(exc))
            if refused is not None:
                refused()
            return True
        return False

    CollectionOp(dialog, fn, dialog._hub).titled(title).success(done).failure(failed).run()

class _ErrorLine(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        set_ink_style(self, "color: {error}; font-weight: bold;")
        self.setAccessibleName(self.tr("Problem"))
        self.setVisible(False)

    def say(self, sentence: str) -> None:
        self.setText(sentence)
        self.setVisible(bool(sentence))


class QuestionnaireDialog(QDialog):
    """A PHQ-9 or GAD-7: a digit 0–3 per item, then Enter (or Save)."""

    def __init__(
        self,
        instrument: Instrument,
        participant_name: str,
        save: Callable[[tuple[str, ...], str, date, bool], Any],  # (answers, difficulty, day, paper) -> record
        today: date,
        parent: QWidget | None = None,
        hub: Any = None,
    ) -> None:
        super().__init__(parent)
        self.instrument = instrument
        self._save = save
        self._hub = hub
        self.saved: Any = None
        self.setWindowTitle(self.tr("{key}: {name}").format(key=instrument.key, name=participant_name))
        self.setAccessibleName(self.tr("Enter {key}").format(key=instrument.key))
        stem = QLabel(instrument.stem)
        stem.setWordWrap(True)
        key_line = QLabel(" · ".join(f"{n} = {text}" for n, text in enumerate(instrument.options)))
        key_line.setWordWrap(True)
        key_line.setAccessibleName(self.tr("Answer choices"))

        self.paper = QCheckBox(self.tr("Keyed in from the &printed form"))
        self.paper.setAccessibleName(self.tr("Keyed in from the printed form"))
        self.day = QDateEdit(_qdate(today))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumDate(_qdate(today))
        self.day.setAccessibleName(self.tr("Date it was filled in"))
        top = QHBoxLayout()
        top.addWidget(self.paper)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Filled in on:")))
        top.addWidget(self.day)

        grid = QGridLayout()
        self.answers: list[QLineEdit] = []
        for n, item in enumerate(instrument.items, start=1):
            text = QLabel(f"{n}. {item}")
            text.setWordWrap(True)
            field = QLineEdit()
            field.setMaxLength(1)
            field.setFixedWidth(48)
            field.setAlignment(Qt.AlignmentFlag.AlignCenter)
            field.setAccessibleName(self.tr("Item {n}: {item}").format(n=n, item=item))
            field.textEdited.connect(lambda value, i=n - 1: self._on_typed(i, value))
            field.installEventFilter(self)
            text.setBuddy(field)
            grid.addWidget(text, n - 1, 0)
            grid.addWidget(field, n - 1, 1)
            self.answers.append(field)
        grid.setColumnStretch(0, 1)
        self.difficulty = QComboBox()
        self.difficulty.addItem(self.tr("(not answered)"), "")
        for n, option in enumerate(instrument.difficulty_options):
            self.difficulty.addItem(f"{n} = {option}", str(n))
        self.difficulty.setAccessibleName(self.tr("How difficult these problems made things"))
        difficulty_label = QLabel(instrument.difficulty)
        difficulty_label.setWordWrap(True)
        self.total = QLabel()
        self.total.setAccessibleName(self.tr("Total so far"))
        self.error = _ErrorLine()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)

        inner = QWidget()
        body = QVBoxLayout(inner)
        body.addWidget(stem)
        body.addWidget(key_line)
        body.addLayout(grid)
        body.addWidget(difficulty_label)
        body.addWidget(self.difficulty)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to each answer, and scrolls it into view
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(720, 640)
        self._update_total()
        self.answers[0].setFocus()

    def _on_typed(self, index: int, value: str) -> None:
        self._update_total()
        if value in ("0", "1", "2", "3"):
            if index + 1 < len(self.answers):
                self.answers[index + 1].setFocus()
                self.answers[index + 1].selectAll()
            else:
                self.difficulty.setFocus()
        elif value:
            self.error.say(self.tr("Item {n}: type 0, 1, 2 or 3.").format(n=index + 1))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Backspace in an empty item goes back to the one before, as on a paper form.
        if event.type() == QEvent.Type.KeyPress and watched in self.answers:
            key = event.key()  # type: ignore[attr-defined]
            index = self.answers.index(watched)  # type: ignore[arg-type]
            if key == Qt.Key.Key_Backspace and not watched.text() and index > 0:  # type: ignore[attr-defined]
                self.answers[index - 1].setFocus()
                self.answers[index - 1].selectAll()
                return True
        return super().eventFilter(watched, event)

    def _update_total(self) -> None:
        values = [f.text() for f in self.answers]
        done = [int(v) for v in values if v in ("0", "1", "2", "3")]
        self.total.setText(
            self.tr("{done} of {items} items answered; total so far {total}").format(
                done=len(done), items=len(self.answers), total=sum(done)
            )
        )
        if len(done) == len(values):
            self.error.say("")

    def save(self) -> None:
        answers = tuple(f.text() for f in self.answers)
        save, day, paper = self._save, _pydate(self.day.date()), self.paper.isChecked()
        difficulty = str(self.difficulty.currentData() or "")
        def refused() -> None:
            # The cursor goes to the first item still to answer, so the next digit lands there.
            empty = next((f for f in self.answers if f.text() not in ("0", "1", "2", "3")), None)
            if empty is not None:
                empty.setFocus()
                empty.selectAll()

        save_from_dialog(self, self.save_button, lambda: save(answers, difficulty, day, paper),
                         self.tr("{key} not saved").format(key=self.instrument.key), "saved", refused)

    @property
    def item9_positive(self) -> bool:
        """What was typed says yes to the safety item (PHQ-9 only)."""
        if self.instrument.key != "PHQ-9" or len(self.answers) < SUICIDE_ITEM:
            return False
        return self.answers[SUICIDE_ITEM - 1].text() in ("1", "2", "3")


RESULTS = (ScreenResult.NOT_TESTED, ScreenResult.NEGATIVE, ScreenResult.POSITIVE, ScreenResult.INVALID)


class ScreenDialog(QDialog):
    """A urine or oral-fluid screen: panel, result per substance, observed, expected medications."""

    def __init__(
        self,
        participant_name: str,
        save: Callable[..., Any],  # keyword arguments: collected_on, specimen, observed, panel, results, expected
        today: date,
        parent: QWidget | None = None,
        hub: Any = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._hub = hub
        self.saved: Any = None
        self.setWindowTitle(self.tr("Drug screen: {name}").format(name=participant_name))
        self.setAccessibleName(self.tr("Enter a drug screen"))
        self.day = QDateEdit(_qdate(today))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumDate(_qdate(today))
        self.day.setAccessibleName(self.tr("Collection date"))
        self.specimen = QComboBox()
        self.specimen.addItem(self.tr("urine"), "urine")
        self.specimen.addItem(self.tr("oral fluid"), "oral fluid")
        self.specimen.setAccessibleName(self.tr("Specimen"))
        self.observed = QCheckBox(self.tr("&Observed collection"))
        self.observed.setAccessibleName(self.tr("Observed collection"))
        self.panel = QComboBox()
        self.panel.setEditable(True)
        self.panel.addItems(list(PANELS))
        self.panel.setAccessibleName(self.tr("Panel"))
        self.panel.currentTextChanged.connect(self._on_panel)
        form = QFormLayout()
        form.addRow(self.tr("Collected on:"), self.day)
        form.addRow(self.tr("Specimen:"), self.specimen)
        form.addRow("", self.observed)
        form.addRow(self.tr("&Panel:"), self.panel)

        results_box = QGroupBox(self.tr("Results (a substance not on the panel stays \u201cnot tested\u201d)"))
        grid = QGridLayout(results_box)
        self.results: dict[str, QComboBox] = {}
        for n, (key, label) in enumerate(SUBSTANCES.items()):
            combo = QComboBox()
            for r in RESULTS:
                combo.addItem(r.value, r.value)
            combo.setAccessibleName(self.tr("Result for {substance}").format(substance=label))
            text = QLabel(label)
            text.setBuddy(combo)
            grid.addWidget(text, n // 2, (n % 2) * 2)
            grid.addWidget(combo, n // 2, (n % 2) * 2 + 1)
            self.results[key] = combo
        expected_box = QGroupBox(self.tr("Expected to test positive for (prescribed)"))
        row = QHBoxLayout(expected_box)
        self.expected: dict[str, QCheckBox] = {}
        for med in EXPECTED_MEDICATIONS:
            box = QCheckBox(med)
            box.setAccessibleName(self.tr("Expected medication: {med}").format(med=med))
            row.addWidget(box)
            self.expected[med] = box
        self.error = _ErrorLine()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(results_box)
        layout.addWidget(expected_box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._on_panel(self.panel.currentText())

    def _on_panel(self, name: str) -> None:
        """A known panel sets its substances to negative (the usual result) and the rest to not tested."""
        tested = PANELS.get(name.strip())
        if tested is None:
            return
        for key, combo in self.results.items():
            combo.setCurrentIndex(combo.findData((ScreenResult.NEGATIVE if key in tested else ScreenResult.NOT_TESTED).value))

    def set_result(self, substance: str, result: ScreenResult) -> None:
        combo = self.results[substance]
        combo.setCurrentIndex(combo.findData(result.value))

    def save(self) -> None:
        results = {k: c.currentData() for k, c in self.results.items() if c.currentData() != ScreenResult.NOT_TESTED.value}
        values = dict(
            collected_on=_pydate(self.day.date()),
            specimen=self.specimen.currentData(),
            observed=self.observed.isChecked(),
            panel=self.panel.currentText(),
            results=results,
            expected=tuple(m for m, box in self.expected.items() if box.isChecked()),
        )
        save = self._save
        save_from_dialog(self, self.save_button, lambda: save(**values), self.tr("Screen not saved"), "saved")


class SafetyFlagDialog(QDialog):
    """A positive PHQ-9 item 9: what to do now, and the counselor's acknowledgement (who and when recorded)."""

    def __init__(
        self,
        participant_name: str,
        raised_on: date,
        acknowledge: Callable[[str], Any],  # (what was done) -> flag record
        parent: QWidget | None = None,
        hub: Any = None,
    ) -> None:
        super().__init__(parent)
        self._acknowledge = acknowledge
        self._hub = hub
        self.acknowledged: Any = None
        self.setWindowTitle(self.tr("Safety flag: {name}").format(name=participant_name))
        self.setAccessibleName(self.tr("Safety flag"))
        head = QLabel(
            self.tr(
                "<h3>⚠ Safety flag: {name}</h3><p>PHQ-9 item 9 (thoughts of being better off dead or of hurting "
                "oneself) was answered above \u201cNot at all\u201d on {day}.</p><p>Follow the clinic's safety "
                "protocol now: ask directly about suicidal thoughts, plans and means; do not leave the person "
                "alone if the risk is imminent; consult your supervisor; review the safety plan. Crisis line: "
                "call or text 988.</p>"
            ).format(name=participant_name, day=raised_on.isoformat())
        )
        head.setWordWrap(True)
        head.setTextFormat(Qt.TextFormat.RichText)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("What you did (optional): e.g. assessed with the person, supervisor told"))
        self.note.setAccessibleName(self.tr("What was done"))
        self.note.setTabChangesFocus(True)
        self.error = _ErrorLine()
        self.ack_button = QPushButton(self.tr("&Acknowledge: I have seen this and am acting on it"))
        self.ack_button.setAccessibleName(self.tr("Acknowledge the safety flag"))
        self.ack_button.setDefault(True)
        self.ack_button.clicked.connect(self.acknowledge)
        self.later_button = QPushButton(self.tr("Not &now (the flag stays open)"))
        self.later_button.setAccessibleName(self.tr("Leave the flag open for now"))
        self.later_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.ack_button)
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resize(560, 380)
        # The cursor starts in the note: on a focused button a bare letter would press "Not now".
        self.note.setFocus()

    def acknowledge(self) -> None:
        text, acknowledge = self.note.toPlainText(), self._acknowledge
        save_from_dialog(self, self.ack_button, lambda: acknowledge(text), self.tr("Flag not acknowledged"),
                         "acknowledged")
