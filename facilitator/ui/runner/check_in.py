"""Check-in ratings in the runner: a craving rating and a one-word mood per attendee, by keyboard.

On a check-in item of a meeting's run, C (or clicking a field) puts the cursor on the
first person not yet rated. Digits then Enter save that person's rating and move to the
next; Tab reaches the mood, Enter there saves both. Esc goes back to the session. Each
rating is saved through the measures service on the workstation's writer thread as soon
as Enter is pressed; a rating that cannot be saved stays in its field with the sentence
beside it. The panel is on the facilitator's screen only: the room display is built from
``core.room_view`` and never sees a rating.

``CheckInRatings`` decides (parse, save, state per person); ``CheckInPanel`` lays out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QGridLayout, QGroupBox, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from ...core import measures as cm
from ...core.changes import UserFacingError, ValidationError
from ...core.curriculum import AgendaItem, ItemKind
from ..i18n import sentence_text
from ..style import set_ink_style

log = logging.getLogger(__name__)


@dataclass
class RatingState:
    participant_id: int
    label: str
    ratings: dict[str, int] | None = None
    mood: str = ""
    saved: bool = False
    saving: bool = False
    problem: str = ""


class CheckInRatings(QObject):
    """Who is rated, what each typed, and saving it; no widgets."""

    changed = Signal(int)  # participant id whose state changed

    def __init__(
        self,
        save: Callable[[int, dict[str, str], str, tuple[str, ...]], Any],  # (id, ratings, mood, scales), writer thread
        people: Sequence[tuple[int, str]],
        hub: Any = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.hub = hub
        self.people = [RatingState(pid, label) for pid, label in people]

    def state(self, participant_id: int) -> RatingState:
        return next(p for p in self.people if p.participant_id == participant_id)

    def next_unrated(self, after: int | None = None) -> int | None:
        """The next person (after ``after``, wrapping) whose rating is not saved, or None."""
        ids = [p.participant_id for p in self.people]
        start = ids.index(after) + 1 if after in ids else 0
        for pid in ids[start:] + ids[:start]:
            if not self.state(pid).saved and pid != after:
                return pid
        return None

    def mark_saved(self, participant_id: int, ratings: dict[str, int], mood: str) -> None:
        """What the record already holds for this meeting (a run resumed, the panel reopened)."""
        person = self.state(participant_id)
        person.ratings, person.mood, person.saved = dict(ratings), mood, True
        self.changed.emit(participant_id)

    def record(self, participant_id: int, typed: dict[str, str], mood_text: str, scales: Sequence[str]) -> str:
        """Check and save one person's ratings: "" when they went to be saved, else the sentence why not."""
        person = self.state(participant_id)
        try:
            checked = cm.check_check_in(typed, mood_text, scales)
        except ValidationError as exc:
            person.problem = sentence_text(exc)
            self.changed.emit(participant_id)
            return person.problem
        from ..operations import CollectionOp

        person.ratings, person.mood, person.saving, person.problem = dict(checked.ratings), checked.mood, True, ""
        self.changed.emit(participant_id)
        save, scales = self._save, tuple(scales)

        def done(_result: object) -> None:
            person.saving, person.saved = False, True
            self.changed.emit(participant_id)

        def failed(exc: Exception) -> bool:
            person.saving, person.saved = False, False
            person.problem = sentence_text(exc) if isinstance(exc, UserFacingError) else self.tr("The rating could not be saved; it is still here to try again.")
            self.changed.emit(participant_id)
            return isinstance(exc, ValidationError) or not isinstance(exc, UserFacingError)

        CollectionOp(None, lambda: save(participant_id, dict(typed), mood_text, scales), self.hub).success(done).failure(
            failed
        ).run()
        return ""


class _Row:
    def __init__(self, label: QLabel, scales: dict[str, QLineEdit], mood: QLineEdit, status: QLabel) -> None:
        self.label, self.scales, self.mood, self.status = label, scales, mood, status

    @property
    def fields(self) -> list[QLineEdit]:
        return [*self.scales.values(), self.mood]


class CheckInPanel(QGroupBox):
    """One row per attendee: name, a field per rating scale (0–10), the mood, and whether it is saved."""

    leave = Signal()  # Esc, or the last person rated: back to the session

    def __init__(self, ratings: CheckInRatings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Check-in ratings [C] (your screen only)"))
        self.setAccessibleName(self.tr("Check-in ratings"))
        self.ratings = ratings
        self.scales: tuple[str, ...] = ()
        self._rows: dict[int, _Row] = {}
        inner = QWidget()
        self._grid = QGridLayout(inner)
        self._grid.setContentsMargins(2, 2, 2, 2)
        # A group of fourteen fits without pushing the timer's controls off the window.
        self.scroll = QScrollArea()
        self.scroll.setWidget(inner)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setMaximumHeight(230)
        self.hint = QLabel(self.tr("Digits, then Enter for the next person; Tab for the mood; Esc goes back."))
        self.hint.setWordWrap(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(self.scroll)
        outer.addWidget(self.hint)
        ratings.changed.connect(self._show_state)
        self.set_scales(cm.DEFAULT_RATINGS)

    def set_scales(self, names: Sequence[str]) -> None:
        """Lay out a field per scale the check-in collects (a curriculum may name others than craving)."""
        names = tuple(names)
        if names == self.scales:
            return
        typed = {pid: {k: f.text() for k, f in row.scales.items()} | {"mood": row.mood.text()}
                 for pid, row in self._rows.items()}
        while self._grid.count():
            widget = self._grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.scales = names
        scales = cm.scales_for(names)
        headers = [self.tr("Person")] + [f"{s.label} {s.low}–{s.high}" for s in scales] + [self.tr("Mood (one word)"), ""]
        for column, text in enumerate(headers):
            head = QLabel(f"<b>{text}</b>")
            self._grid.addWidget(head, 0, column)
        self._rows = {}
        for n, person in enumerate(self.ratings.people, start=1):
            label = QLabel(person.label)
            fields: dict[str, QLineEdit] = {}
            for column, scale in enumerate(scales, start=1):
                field = QLineEdit(typed.get(person.participant_id, {}).get(scale.key, ""))
                field.setMaxLength(4)
                field.setFixedWidth(70)
                field.setAccessibleName(
                    self.tr("{scale} rating for {name}, {low} to {high}").format(
                        scale=scale.label, name=person.label, low=scale.low, high=scale.high
                    )
                )
                field.setToolTip(scale.question)
                self._grid.addWidget(field, n, column)
                fields[scale.key] = field
            mood = QLineEdit(typed.get(person.participant_id, {}).get("mood", ""))
            mood.setMaxLength(40)
            mood.setAccessibleName(self.tr("Mood word for {name}").format(name=person.label))
            status = QLabel()
            status.setWordWrap(True)
            status.setAccessibleName(self.tr("Rating state for {name}").format(name=person.label))
            row = _Row(label, fields, mood, status)
            for field in row.fields:
                field.installEventFilter(self)
            self._rows[person.participant_id] = row
            self._grid.addWidget(label, n, 0)
            self._grid.addWidget(mood, n, len(scales) + 1)
            self._grid.addWidget(status, n, len(scales) + 2)
            self._show_state(person.participant_id)
        self._grid.setColumnStretch(len(scales) + 2, 1)
        self._grid.setRowStretch(len(self.ratings.people) + 1, 1)

    def row(self, participant_id: int) -> _Row:
        return self._rows[participant_id]

    def focus_first(self) -> None:
        """C: the cursor on the first person not yet rated (or the first person)."""
        pid = self.ratings.next_unrated()
        if pid is None and self.ratings.people:
            pid = self.ratings.people[0].participant_id
        if pid is not None:
            self._focus(pid)

    def _focus(self, pid: int) -> None:
        row = self._rows[pid]
        field = row.fields[0]
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.selectAll()
        self.scroll.ensureWidgetVisible(field)

    def _person_of(self, field: QObject) -> int | None:
        for pid, row in self._rows.items():
            if field in row.fields:
                return pid
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            pid = self._person_of(watched)
            if pid is not None and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._enter(pid)
                return True
            if pid is not None and key == Qt.Key.Key_Escape:
                self.leave.emit()
                return True
        return super().eventFilter(watched, event)

    def _enter(self, pid: int) -> None:
        row = self._rows[pid]
        typed = {key: field.text() for key, field in row.scales.items()}
        problem = self.ratings.record(pid, typed, row.mood.text(), self.scales)
        if problem:
            return  # the sentence is beside the field; the cursor and the text stay
        nxt = self.ratings.next_unrated(after=pid)
        if nxt is None:
            self.leave.emit()
        else:
            self._focus(nxt)

    def _show_state(self, pid: int) -> None:
        person = self.ratings.state(pid)
        row = self._rows.get(pid)
        if row is None:
            return
        if person.problem:
            text = "✗ " + person.problem
            set_ink_style(row.status, "color: {error};")
        elif person.saving:
            text = self.tr("saving…")
            row.status.setStyleSheet("")
        elif person.saved:
            text = "✓ " + self.tr("saved")
            set_ink_style(row.status, "color: {good};")
            for key, field in row.scales.items():
                if not field.hasFocus() and person.ratings and key in person.ratings and not field.text():
                    field.setText(str(person.ratings[key]))
            if person.mood and not row.mood.text():
                row.mood.setText(person.mood)
        else:
            text = ""
        row.status.setText(text)


def install_check_in_ratings(window, service, meeting_id: int, players, hub=None) -> CheckInPanel | None:  # type: ignore[no-untyped-def]
    """Add the check-in ratings panel and its key (C) to a runner window of a meeting.

    ``service`` is the measures service; ratings are saved per participant and meeting.
    Players without a participant id (typed-in names) are not rated. The panel shows only
    while the current item is a check-in.
    """
    people = [(p.participant_id, p.label) for p in players if getattr(p, "participant_id", None)]
    if not people or service is None:
        return None

    def save(participant_id: int, ratings: dict[str, str], mood: str, scales: tuple[str, ...]) -> object:
        return service.record_check_in(meeting_id, participant_id, ratings, mood, scales=scales)

    ratings = CheckInRatings(save, people, hub, window)
    panel = CheckInPanel(ratings)
    pane = window.session_pane
    pane.layout().insertWidget(pane.layout().indexOf(window.item_elapsed) + 1, panel)
    panel.setVisible(False)
    panel.leave.connect(window.back_to_session)

    action = QAction(panel.tr("Check-in ratings  [C]"), window)
    action.setShortcut(QKeySequence("C"))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setToolTip(panel.tr("Enter each attendee's check-in ratings and mood (C)"))
    action.triggered.connect(panel.focus_first)
    action.setEnabled(False)
    window.addAction(action)
    window.actions["check_in"] = action

    def held(records: dict) -> None:  # type: ignore[type-arg]
        for pid, record in records.items():
            if any(p.participant_id == pid for p in ratings.people):
                ratings.mark_saved(pid, dict(record.ratings), record.mood)

    from ..operations import QueryOp

    QueryOp(window, lambda: service.meeting_check_ins(meeting_id), hub).success(held).failure(lambda _exc: True).run()

    def current_item() -> AgendaItem | None:
        return window.controller.current_item()

    def follow(_view: object = None, _full: bool = False) -> None:
        item = current_item()
        on = item is not None and item.kind is ItemKind.CHECK_IN and bool(cm.scales_for(item.ratings))
        if on:
            panel.set_scales(tuple(s.key for s in cm.scales_for(item.ratings)))  # type: ignore[union-attr]
        if panel.isVisible() != on:
            panel.setVisible(on)
        action.setEnabled(on)

    window.controller.refreshed.connect(follow)
    follow()
    return panel
