"""The Notes page (write, autosave, sign) and the Review page (queue, co-sign, return).

Views lay out; the ``_on_...`` slots decide. The pages receive the notes service and a
function returning who is signed in, nothing else. Drafts are saved one second after the
first unsaved keystroke (never later than two), when the user moves to another note, and
when the page hides, so a killed app loses at most the last two seconds of typing.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import notes as cn
from ..core.notes import NoteStateError
from ..core.permissions import PermissionDenied, Principal
from .errors import show_error

log = logging.getLogger(__name__)
AUTOSAVE_MS = 1000
ROLE = Qt.ItemDataRole.UserRole


def _when(value) -> str:  # type: ignore[no-untyped-def]
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else ""


def note_html(note, rounds=()) -> str:  # type: ignore[no-untyped-def]
    """A note as the reviewer and the chart show it: fields, signatures, addenda, rounds."""
    esc = html.escape
    parts = [f"<h3>{esc(note.title)}</h3>"]
    if note.in_error:
        parts.append(
            f"<p style='color:#a00'><b>Entered in error</b> ({esc(_when(note.error_at))}): {esc(note.error_reason)}</p>"
        )
    parts.append(f"<p><i>{esc(note.status.label)}</i></p>")
    for section in note.sections:
        text = note.content.get(section.key, "")
        body = esc(text).replace("\n", "<br>") if text.strip() else "<span style='color:#a00'>(empty)</span>"
        parts.append(f"<p><b>{esc(section.label)}</b><br>{body}</p>")
    if note.signed_at:
        parts.append(f"<p>Signed: {esc(note.signature)} — {esc(_when(note.signed_at))}</p>")
    if note.cosigned_at:
        parts.append(f"<p>Co-signed: {esc(note.cosignature)} — {esc(_when(note.cosigned_at))}</p>")
    for a in note.addenda:
        parts.append(
            f"<p><b>Addendum</b> ({esc(_when(a.created_at))}, {esc(a.signature)}):<br>"
            f"{esc(a.text).replace(chr(10), '<br>')}</p>"
        )
    if rounds:
        parts.append("<h4>History</h4><ul>")
        for r in rounds:
            line = f"Round {r.round}: signed by {esc(r.signature)} {esc(_when(r.signed_at))}; {esc(r.outcome)}"
            if r.reviewed_at:
                line += f" by {esc(r.reviewer_signature)} {esc(_when(r.reviewed_at))}"
            if r.comment:
                line += f" — “{esc(r.comment)}”"
            parts.append(f"<li>{line}</li>")
        parts.append("</ul>")
    return "".join(parts)


# -- the editor for one meeting's notes -----------------------------------------------------


class NoteEditor(QWidget):
    """The fields of one note, with autosave, inline warnings and the signing row."""

    saved = Signal(int)
    signed = Signal(int)
    amended = Signal(int)

    def __init__(self, service, principal: Callable[[], Principal | None], parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._service = service
        self._principal = principal
        self._meeting = None
        self._note = None
        self._edits: dict[int, dict[str, str]] = {}
        self._fields: dict[str, QPlainTextEdit] = {}
        self._dirty = False
        self._loading = False
        self.setAccessibleName("Note editor")

        self.heading = QLabel()
        self.heading.setAccessibleName("Note heading")
        self.heading.setWordWrap(True)
        self.comment = QLabel()
        self.comment.setAccessibleName("Supervisor's comment")
        self.comment.setWordWrap(True)
        self.comment.setStyleSheet("background:#fff4d6; padding:6px; border:1px solid #e0b040;")
        self.warnings = QLabel()
        self.warnings.setAccessibleName("Warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color:#8a3b00;")
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_host)
        scroll.setAccessibleName("Note fields")
        self.save_state = QLabel("")
        self.save_state.setAccessibleName("Save state")
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName("Signer's name")
        self.name_edit.setPlaceholderText("Your name")
        self.credentials_edit = QLineEdit()
        self.credentials_edit.setAccessibleName("Signer's credentials")
        self.credentials_edit.setPlaceholderText("Credentials, e.g. LCSW")
        self.sign_button = QPushButton("&Sign and lock")
        self.sign_button.setAccessibleName("Sign and lock the note")
        self.sign_button.setToolTip("Sign with your name and credentials; the note then locks (Ctrl+Shift+S)")
        self.sign_button.clicked.connect(self._on_sign)
        QShortcut(QKeySequence("Ctrl+Shift+S"), self, self._on_sign)
        QShortcut(QKeySequence.StandardKey.Save, self, self.flush)
        name_label = QLabel("Si&gned by:")
        name_label.setBuddy(self.name_edit)
        sign_row = QHBoxLayout()
        sign_row.addWidget(name_label)
        sign_row.addWidget(self.name_edit, 2)
        sign_row.addWidget(self.credentials_edit, 1)
        sign_row.addWidget(self.sign_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.comment)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.warnings)
        layout.addLayout(sign_row)
        layout.addWidget(self.save_state)
        self.signatures = QLabel()
        self.signatures.setAccessibleName("Signatures and addenda")
        self.signatures.setWordWrap(True)
        self.addendum_button = QPushButton("Add a&ddendum…")
        self.addendum_button.setAccessibleName("Add a dated addendum to this signed note")
        self.addendum_button.clicked.connect(self._on_addendum)
        self.error_button = QPushButton("Entered in &error…")
        self.error_button.setAccessibleName("Mark this signed note as entered in error, with the reason")
        self.error_button.clicked.connect(self._on_entered_in_error)
        after_row = QHBoxLayout()
        after_row.addWidget(self.signatures, 1)
        after_row.addWidget(self.addendum_button)
        after_row.addWidget(self.error_button)
        layout.addLayout(after_row)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        self.comment.hide()

    @property
    def note(self):  # type: ignore[no-untyped-def]
        return self._note

    def field(self, key: str) -> QPlainTextEdit:
        return self._fields[key]

    def set_meeting(self, meeting) -> None:  # type: ignore[no-untyped-def]
        self._meeting = meeting

    def show_note(self, note) -> None:  # type: ignore[no-untyped-def]
        """Put a note in the editor (saving the one that was there first)."""
        self.flush()
        self._note = note
        self._loading = True
        while self.form.rowCount():
            self.form.removeRow(0)
        self._fields = {}
        editable = note.editable and self._principal() is not None and note.author_id == self._principal().user_id
        content = note.content
        for n, section in enumerate(note.sections):
            edit = QPlainTextEdit()
            edit.setPlainText(content.get(section.key, ""))
            edit.setAccessibleName(section.label)
            edit.setToolTip(section.hint)
            edit.setPlaceholderText(section.hint)
            edit.setTabChangesFocus(True)
            edit.setReadOnly(not editable)
            height = 44 if note.is_group and n < 8 else 110
            edit.setMinimumHeight(height)
            edit.setMaximumHeight(height if note.is_group and n < 8 else 16777215)
            edit.textChanged.connect(self._on_text_changed)
            label = QLabel(f"{section.label}{' *' if section.required else ''}")
            label.setBuddy(edit)
            self.form.addRow(label, edit)
            self._fields[section.key] = edit
        self.heading.setText(f"<b>{html.escape(note.title)}</b> — {note.status.label}")
        if note.return_comment and note.status.value == "returned":
            self.comment.setText(f"Returned by your supervisor: {note.return_comment}")
            self.comment.show()
        else:
            self.comment.hide()
        p = self._principal()
        if p is not None and not self.name_edit.text():
            self.name_edit.setText(p.full_name)
            self.credentials_edit.setText(p.credentials)
        self.sign_button.setEnabled(editable)
        self.name_edit.setEnabled(editable)
        self.credentials_edit.setEnabled(editable)
        self.save_state.setText("" if editable else "This note is signed and locked; add an addendum to add to it.")
        self._show_signatures(note)
        self._loading = False
        self._dirty = False
        self._update_warnings()

    def _show_signatures(self, note) -> None:  # type: ignore[no-untyped-def]
        lines = []
        if note.in_error:
            lines.append(
                f"<b style='color:#a00'>Entered in error</b> ({_when(note.error_at)}): {html.escape(note.error_reason)}"
            )
        if note.signed_at and note.status.locked:
            lines.append(f"Signed: {html.escape(note.signature)} — {_when(note.signed_at)}")
        if note.cosigned_at:
            lines.append(f"Co-signed: {html.escape(note.cosignature)} — {_when(note.cosigned_at)}")
        for a in note.addenda:
            lines.append(f"Addendum {_when(a.created_at)}, {html.escape(a.signature)}: {html.escape(a.text)}")
        self.signatures.setText("<br>".join(lines))
        p = self._principal()
        may_amend = note.status.locked and p is not None and (p.user_id == note.author_id or p.is_supervisor)
        self.addendum_button.setVisible(note.status.locked)
        self.error_button.setVisible(note.status.locked)
        self.addendum_button.setEnabled(may_amend)
        self.error_button.setEnabled(may_amend and not note.in_error)

    def _amend(self, action, title: str, label: str) -> None:  # type: ignore[no-untyped-def]
        if self._note is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, title, label)
        if not ok or not text.strip():
            return
        try:
            note = action(self._principal(), self._note.id, text)
        except (NoteStateError, PermissionDenied) as exc:
            show_error(self, title, str(exc))
            return
        self.show_note(note)
        self.amended.emit(note.id)

    def _on_addendum(self) -> None:
        self._amend(
            self._service.add_addendum, "Addendum", "Addendum (dated and signed; the note itself stays as it is):"
        )

    def _on_entered_in_error(self) -> None:
        self._amend(
            self._service.mark_entered_in_error,
            "Entered in error",
            "Why was this note entered in error? (The note stays in the record, marked.)",
        )

    def content(self) -> dict[str, str]:
        return {key: edit.toPlainText() for key, edit in self._fields.items()}

    def _on_text_changed(self) -> None:
        if self._loading or self._note is None:
            return
        self._dirty = True
        self._edits[self._note.id] = self.content()
        self.save_state.setText("Unsaved changes…")
        if not self._timer.isActive():  # not restarted per key: a save at most one second behind
            self._timer.start()

    def flush(self) -> bool:
        """Save the current note now if it has unsaved changes; False if saving failed."""
        self._timer.stop()
        if not self._dirty or self._note is None:
            return True
        try:
            when = self._service.save_draft(self._principal(), self._note.id, self.content())
        except (PermissionDenied, NoteStateError, Exception) as exc:  # noqa: B014 - say it, keep the text
            log.exception("Draft save failed")
            self.save_state.setText(f"Not saved: {exc}")
            return False
        self._dirty = False
        self.save_state.setText(f"Saved {when.astimezone():%H:%M:%S}")
        self._update_warnings()
        self.saved.emit(self._note.id)
        return True

    def _update_warnings(self) -> None:
        if self._note is None:
            return
        lines = []
        missing = cn.missing_required(self._note.sections, self.content())
        if missing:
            lines.append("Still to fill in: " + ", ".join(missing) + ".")
        if self._meeting is not None:
            from ..store.notes import meeting_warnings

            overrides = dict(self._edits)
            overrides[self._note.id] = self.content()
            w = meeting_warnings(self._meeting, overrides)
            for warning in w.names.get(self._note.id, []):
                lines.append(warning.sentence)
            names = {n.id: n.participant_name for n in self._meeting.individual}
            for pair in w.similar:
                if self._note.id in (pair.first, pair.second):
                    other = pair.second if pair.first == self._note.id else pair.first
                    lines.append(
                        f"This note is {pair.percent}% alike {names.get(other, 'another note')}'s note; "
                        "describe what this person did."
                    )
        self.warnings.setText("\n".join(f"⚠ {line}" for line in lines))

    def _on_sign(self) -> None:
        if self._note is None or not self.sign_button.isEnabled():
            return
        if not self.flush():
            return
        try:
            note = self._service.sign(
                self._principal(), self._note.id, self.name_edit.text(), self.credentials_edit.text()
            )
        except (NoteStateError, PermissionDenied) as exc:
            show_error(self, "Cannot sign yet", str(exc))
            return
        except Exception:
            log.exception("Signing failed")
            show_error(self, "Cannot sign", "The note could not be signed; it is saved as a draft.")
            return
        self._edits.pop(note.id, None)
        self.signed.emit(note.id)


class NotesPage(QWidget):
    """My notes (drafts, returned, overdue), meetings to document, and the meeting's notes."""

    def __init__(self, service, principal: Callable[[], Principal | None], parent: QWidget | None = None, *, hub=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._hub = hub  # ui.operations.ChangeHub: what changed, here or elsewhere
        self._service = service
        self._principal = principal
        self._meeting = None
        self.setAccessibleName("Notes")

        self.mine = QTreeWidget()
        self.mine.setAccessibleName("My notes")
        self.mine.setHeaderLabels(["Note", "Due"])
        self.mine.header().setStretchLastSection(False)
        self.mine.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.mine.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.mine.itemActivated.connect(self._on_mine_activated)
        self.mine.itemDoubleClicked.connect(self._on_mine_activated)
        self.meetings = QListWidget()
        self.meetings.setAccessibleName("Meetings to document")
        self.meetings.itemActivated.connect(self._on_meeting_activated)
        self.meetings.itemDoubleClicked.connect(self._on_meeting_activated)
        self.start_button = QPushButton("&Write notes for this meeting")
        self.start_button.setAccessibleName("Write notes for the selected meeting")
        self.start_button.clicked.connect(self._on_start)
        mine_label = QLabel("&My notes")
        mine_label.setBuddy(self.mine)
        meetings_label = QLabel("M&eetings (last two weeks)")
        meetings_label.setBuddy(self.meetings)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(mine_label)
        left_layout.addWidget(self.mine, 2)
        left_layout.addWidget(meetings_label)
        left_layout.addWidget(self.meetings, 1)
        left_layout.addWidget(self.start_button)

        self.note_list = QListWidget()
        self.note_list.setAccessibleName("Notes of this meeting")
        self.note_list.currentItemChanged.connect(self._on_note_selected)
        self.absent = QLabel()
        self.absent.setAccessibleName("Absent participants")
        self.absent.setWordWrap(True)
        notes_label = QLabel("&Notes of this meeting")
        notes_label.setBuddy(self.note_list)
        self.export_button = QPushButton("E&xport meeting PDF…")
        self.export_button.setAccessibleName("Export this meeting's signed notes as a PDF")
        self.export_button.clicked.connect(self._on_export_meeting)
        self.chart_button = QPushButton("&Chart…")
        self.chart_button.setAccessibleName("Show this participant's notes in date order")
        self.chart_button.clicked.connect(self._on_chart)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.addWidget(notes_label)
        middle_layout.addWidget(self.note_list, 1)
        middle_layout.addWidget(self.absent)
        self.format_combo = QComboBox()
        self.format_combo.setAccessibleName("This group's note format (supervisors and administrators)")
        for fmt in cn.NoteFormat:
            self.format_combo.addItem(fmt.label, fmt.value)
        self.format_combo.setEnabled(False)
        self.format_combo.activated.connect(self._on_format_chosen)
        format_label = QLabel("Group's note &format:")
        format_label.setBuddy(self.format_combo)
        middle_layout.addWidget(format_label)
        middle_layout.addWidget(self.format_combo)
        middle_layout.addWidget(self.chart_button)
        middle_layout.addWidget(self.export_button)

        self.editor = NoteEditor(service, principal)
        self.editor.signed.connect(self._on_signed)
        self.editor.amended.connect(self._on_amended)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(middle)
        split.addWidget(self.editor)
        split.setSizes([330, 200, 650])
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    # -- loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        p = self._principal()
        self.mine.clear()
        self.meetings.clear()
        if p is None:
            return
        try:
            mine = self._service.my_notes(p)
            today = self._service.today()
            meetings = self._service.meetings_to_document(p, today - timedelta(days=14), today)
        except PermissionDenied as exc:
            self.mine.addTopLevelItem(QTreeWidgetItem([str(exc), ""]))
            return
        for title, items in (("Drafts", mine.drafts), ("Returned", mine.returned), ("Overdue", mine.overdue)):
            top = QTreeWidgetItem([f"{title} ({len(items)})", ""])
            top.setData(0, ROLE, None)
            for s in items:
                who = "Group note" if s.kind == "group" else s.participant_name
                child = QTreeWidgetItem([f"{s.meeting_day:%a %d %b}: {who}", f"{s.due:%d %b}"])
                child.setToolTip(0, f"{s.group_name}, {s.meeting_day.isoformat()}: {who}")
                child.setData(0, ROLE, (s.meeting_id, s.note_id))
                if s.overdue:
                    child.setForeground(1, Qt.GlobalColor.red)
                top.addChild(child)
            self.mine.addTopLevelItem(top)
            top.setExpanded(True)
        for meeting_id, day, group in meetings:
            item = QListWidgetItem(f"{day:%a %d %b}: {group}")
            item.setData(ROLE, meeting_id)
            self.meetings.addItem(item)
        if self.meetings.count():
            self.meetings.setCurrentRow(0)

    def open_meeting(self, meeting_id: int, note_id: int | None = None, start: bool = False) -> None:
        self.editor.flush()
        p = self._principal()
        try:
            if start:
                meeting = self._service.start_meeting_notes(p, meeting_id)
            else:
                meeting = self._service.meeting_notes(p, meeting_id)
        except (PermissionDenied, Exception) as exc:  # noqa: B014
            log.exception("Could not open meeting %s", meeting_id)
            show_error(
                self,
                "Cannot open notes",
                str(exc) if isinstance(exc, PermissionDenied) else "The meeting's notes could not be opened.",
            )
            return
        self._meeting = meeting
        self.editor.set_meeting(meeting)
        self.format_combo.setCurrentIndex(list(cn.NoteFormat).index(meeting.note_format))
        self.format_combo.setEnabled(p is not None and (p.is_supervisor or p.is_administrator))
        self.note_list.blockSignals(True)
        self.note_list.clear()
        for note in meeting.notes:
            who = "Group note" if note.is_group else note.participant_name
            item = QListWidgetItem(f"{who} — {note.status.label}")
            item.setData(ROLE, note.id)
            self.note_list.addItem(item)
        self.note_list.blockSignals(False)
        absent = ", ".join(f"{a.name} ({a.status.replace('_', ' ')})" for a in meeting.absent)
        self.absent.setText(f"Absent (no note): {absent}" if absent else "")
        row = 0
        if note_id is not None:
            row = next((i for i, n in enumerate(meeting.notes) if n.id == note_id), 0)
        if self.note_list.count():
            self.note_list.setCurrentRow(row)

    # -- slots ---------------------------------------------------------------------------------

    def _on_mine_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, ROLE)
        if data:
            self.open_meeting(data[0], data[1])

    def _on_meeting_activated(self, item: QListWidgetItem) -> None:
        self.open_meeting(item.data(ROLE), start=True)

    def _on_start(self) -> None:
        item = self.meetings.currentItem()
        if item is not None:
            self.open_meeting(item.data(ROLE), start=True)

    def _on_note_selected(self, current: QListWidgetItem | None, _previous: object = None) -> None:
        if current is None or self._meeting is None:
            return
        note_id = current.data(ROLE)
        note = next((n for n in self._meeting.notes if n.id == note_id), None)
        if note is not None:
            self.editor.flush()
            fresh = self._service.note(self._principal(), note.id)
            self.editor.show_note(fresh)

    def _on_signed(self, note_id: int) -> None:
        if self._meeting is None:
            return
        row = self.note_list.currentRow()
        self.open_meeting(self._meeting.meeting_id, note_id)
        if row + 1 < self.note_list.count():
            self.note_list.setCurrentRow(row + 1)
        self.refresh_mine()

    def _on_format_chosen(self, index: int) -> None:
        """The group's format for notes started from now on; notes already begun keep theirs."""
        if self._meeting is None:
            return
        try:
            self._service.set_group_format(self._principal(), self._meeting.group_id, self.format_combo.itemData(index))
        except PermissionDenied as exc:
            show_error(self, "Note format", str(exc))
            return
        self.absent.setText(f"New notes of {self._meeting.group_name} will be {self.format_combo.itemData(index)}.")

    def _on_amended(self, note_id: int) -> None:
        if self._meeting is not None:
            self.open_meeting(self._meeting.meeting_id, note_id)

    def _on_export_meeting(self) -> None:
        if self._meeting is None:
            return
        self.editor.flush()
        name = f"notes-{self._meeting.day.isoformat()}-{self._meeting.group_name}.pdf".replace(" ", "-").replace(
            "/", "-"
        )
        path, _ = QFileDialog.getSaveFileName(self, "Export meeting notes", name, "PDF files (*.pdf)")
        if not path:
            return
        try:
            model = self._service.meeting_print(self._principal(), self._meeting.meeting_id)
            from ..handouts.notes import render_notes_pdf

            write_private_file(path, render_notes_pdf(model))
        except PermissionDenied as exc:
            show_error(self, "Cannot export", str(exc))
            return
        except OSError as exc:
            show_error(self, "Cannot export", f"The PDF could not be written to {path}: {exc.strerror}.")
            return
        self.absent.setText(f"Exported {len(model.notes)} signed note(s) to {path}.")

    def _on_chart(self) -> None:
        note = self.editor.note
        if note is None or note.participant_id is None:
            show_error(self, "Chart", "Choose a participant's note first.")
            return
        try:
            notes = self._service.chart(self._principal(), note.participant_id)
        except PermissionDenied as exc:
            show_error(self, "Chart", str(exc))
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(f"Chart: {note.participant_name}")
        dialog.setAccessibleName(f"Chart of {note.participant_name}")
        view = QTextBrowser()
        view.setAccessibleName("Notes in date order")
        view.setHtml("<hr>".join(note_html(n) for n in notes) or "<p>No notes yet.</p>")
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        dialog.resize(760, 640)
        self.chart_dialog = dialog
        dialog.show()

    def refresh_mine(self) -> None:
        current = self._meeting
        self.refresh()
        self._meeting = current

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.editor.flush()
        super().hideEvent(event)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self.refresh_mine()


# -- review --------------------------------------------------------------------------------


class ReviewPage(QWidget):
    """The supervisor's queue, a meeting at a time: group note, then each individual note."""

    def __init__(self, service, principal: Callable[[], Principal | None], parent: QWidget | None = None, *, hub=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._hub = hub  # ui.operations.ChangeHub: what changed, here or elsewhere
        self._service = service
        self._principal = principal
        self._meeting_id: int | None = None
        self._notes: list = []
        self.setAccessibleName("Review")

        self.queue = QTreeWidget()
        self.queue.setAccessibleName("Notes awaiting co-signature")
        self.queue.setHeaderLabels(["Meeting / note", "Author", "Age", "Overdue"])
        self.queue.header().setStretchLastSection(False)
        self.queue.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.queue.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.queue.currentItemChanged.connect(self._on_queue_selected)
        queue_label = QLabel("&Queue (oldest first)")
        queue_label.setBuddy(self.queue)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(queue_label)
        left_layout.addWidget(self.queue, 1)

        self.meeting_notes = QListWidget()
        self.meeting_notes.setAccessibleName("Notes of the meeting under review")
        self.meeting_notes.currentItemChanged.connect(self._on_note_selected)
        self.view = QTextBrowser()
        self.view.setAccessibleName("Note under review")
        self.comment = QPlainTextEdit()
        self.comment.setAccessibleName("Comment for the author")
        self.comment.setPlaceholderText("What the author should change (needed to return a note)")
        self.comment.setMaximumHeight(80)
        self.cosign_button = QPushButton("&Co-sign")
        self.cosign_button.setAccessibleName("Co-sign this note")
        self.cosign_button.setToolTip("Co-sign this note (Ctrl+Return)")
        self.cosign_button.clicked.connect(self._on_cosign)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._on_cosign)
        self.return_button = QPushButton("&Return to author")
        self.return_button.setAccessibleName("Return this note to its author with the comment")
        self.return_button.clicked.connect(self._on_return)
        self.cosign_all_button = QPushButton("Co-sign &all of this meeting")
        self.cosign_all_button.setAccessibleName("Co-sign every note of this meeting awaiting co-signature")
        self.cosign_all_button.clicked.connect(self._on_cosign_all)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cosign_button)
        buttons.addWidget(self.return_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cosign_all_button)
        comment_label = QLabel("Co&mment:")
        comment_label.setBuddy(self.comment)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        notes_box = QGroupBox("This meeting")
        nb = QVBoxLayout(notes_box)
        nb.addWidget(self.meeting_notes)
        right_top = QSplitter(Qt.Orientation.Horizontal)
        right_top.addWidget(notes_box)
        right_top.addWidget(self.view)
        right_top.setSizes([260, 600])
        right_layout.addWidget(right_top, 1)
        right_layout.addWidget(comment_label)
        right_layout.addWidget(self.comment)
        right_layout.addLayout(buttons)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([520, 760])
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    def refresh(self) -> None:
        p = self._principal()
        self.queue.blockSignals(True)
        self.queue.clear()
        self.queue.blockSignals(False)
        if p is None:
            return
        try:
            items = self._service.review_queue(p)
        except PermissionDenied as exc:
            self.queue.addTopLevelItem(QTreeWidgetItem([str(exc), "", "", ""]))
            return
        by_meeting: dict[int, QTreeWidgetItem] = {}
        for q in items:
            top = by_meeting.get(q.meeting_id)
            if top is None:
                top = QTreeWidgetItem([f"{q.meeting_day:%a %d %b}: {q.group_name}", q.author_name, q.age, ""])
                top.setData(0, ROLE, q.meeting_id)
                self.queue.addTopLevelItem(top)
                by_meeting[q.meeting_id] = top
            who = "Group note" if q.kind == "group" else q.participant_name
            child = QTreeWidgetItem([who, q.author_name, q.age, "overdue" if q.overdue else ""])
            child.setData(0, ROLE, q.meeting_id)
            if q.overdue:
                child.setForeground(3, Qt.GlobalColor.red)
                top.setText(3, "overdue")
                top.setForeground(3, Qt.GlobalColor.red)
            top.addChild(child)
        self._meeting_id = None  # reload the meeting shown, whatever changed since
        if self.queue.topLevelItemCount():
            self.queue.setCurrentItem(self.queue.topLevelItem(0))
        else:
            self._show_meeting(None)

    def _show_meeting(self, meeting_id: int | None, select_note: int | None = None) -> None:
        self._meeting_id = meeting_id
        self.meeting_notes.blockSignals(True)
        self.meeting_notes.clear()
        self._notes = []
        if meeting_id is not None:
            meeting = self._service.meeting_notes(self._principal(), meeting_id)
            from ..store.notes import meeting_warnings

            self._warnings = meeting_warnings(meeting)
            self._notes = list(meeting.notes)
            for note in self._notes:
                who = "Group note" if note.is_group else note.participant_name
                item = QListWidgetItem(f"{who} — {note.status.label}")
                item.setData(ROLE, note.id)
                self.meeting_notes.addItem(item)
        self.meeting_notes.blockSignals(False)
        if not self._notes:
            self.view.setHtml("<p>Nothing awaits your co-signature.</p>")
            self._update_buttons(None)
            return
        row = 0
        if select_note is not None:
            row = next((i for i, n in enumerate(self._notes) if n.id == select_note), 0)
        else:
            row = next((i for i, n in enumerate(self._notes) if n.status.value == "awaiting_cosign"), 0)
        self.meeting_notes.setCurrentRow(row)
        self._on_note_selected(self.meeting_notes.currentItem())

    def current_note(self):  # type: ignore[no-untyped-def]
        item = self.meeting_notes.currentItem()
        if item is None:
            return None
        return next((n for n in self._notes if n.id == item.data(ROLE)), None)

    def _warnings_html(self, note) -> str:  # type: ignore[no-untyped-def]
        """The aids' findings for the reviewer: other members named, near-identical notes."""
        w = getattr(self, "_warnings", None)
        if w is None:
            return ""
        lines = [x.sentence for x in w.names.get(note.id, [])]
        names = {n.id: n.participant_name for n in self._notes}
        for pair in w.similar:
            if note.id in (pair.first, pair.second):
                other = pair.second if pair.first == note.id else pair.first
                lines.append(f"This note is {pair.percent}% alike {names.get(other, 'another note')}'s note.")
        if not lines:
            return ""
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        return f"<div style='color:#8a3b00'><b>Warnings</b><ul>{items}</ul></div>"

    def _update_buttons(self, note) -> None:  # type: ignore[no-untyped-def]
        awaiting = note is not None and note.status.value == "awaiting_cosign"
        self.cosign_button.setEnabled(awaiting)
        self.return_button.setEnabled(awaiting)
        self.cosign_all_button.setEnabled(any(n.status.value == "awaiting_cosign" for n in self._notes))

    def _on_queue_selected(self, current: QTreeWidgetItem | None, _previous: object = None) -> None:
        if current is not None:
            meeting_id = current.data(0, ROLE)
            if meeting_id != self._meeting_id:
                self._show_meeting(meeting_id)

    def _on_note_selected(self, current: QListWidgetItem | None, _previous: object = None) -> None:
        note = self.current_note()
        if note is None:
            return
        rounds = self._service.history(self._principal(), note.id)
        self.view.setHtml(self._warnings_html(note) + note_html(note, rounds))
        self._update_buttons(note)

    def _after_action(self, note_id: int) -> None:
        meeting = self._meeting_id
        self.refresh()
        if meeting is not None:
            self._show_meeting(meeting, note_id)
            nxt = next((i for i, n in enumerate(self._notes) if n.status.value == "awaiting_cosign"), None)
            if nxt is not None:
                self.meeting_notes.setCurrentRow(nxt)

    def _on_cosign(self) -> None:
        note = self.current_note()
        if note is None or not self.cosign_button.isEnabled():
            return
        try:
            self._service.cosign(self._principal(), note.id)
        except (PermissionDenied, NoteStateError) as exc:
            show_error(self, "Cannot co-sign", str(exc))
            return
        self._after_action(note.id)

    def _on_cosign_all(self) -> None:
        done = None
        for note in list(self._notes):
            if note.status.value != "awaiting_cosign":
                continue
            try:
                self._service.cosign(self._principal(), note.id)
                done = note.id
            except (PermissionDenied, NoteStateError) as exc:
                show_error(self, "Cannot co-sign", f"{note.title}: {exc}")
                break
        if done is not None:
            self._after_action(done)

    def _on_return(self) -> None:
        note = self.current_note()
        if note is None or not self.return_button.isEnabled():
            return
        try:
            self._service.return_note(self._principal(), note.id, self.comment.toPlainText())
        except Exception as exc:
            from ..store.notes import NotesError

            if isinstance(exc, (PermissionDenied, NoteStateError, NotesError)):
                show_error(self, "Cannot return the note", str(exc))
                return
            raise
        self.comment.clear()
        self._after_action(note.id)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self.refresh()


def write_private_file(path: str, data: bytes) -> None:
    """Write a protected record atomically, readable by its owner only."""
    import os
    import tempfile
    from pathlib import Path

    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".notes-", suffix=".pdf", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# -- observations during a session ---------------------------------------------------------


class ObservationDialog(QDialog):
    """Tap a participant, type a short observation, Enter: it is stamped and lands in their note."""

    def __init__(self, service, principal, meeting_id: int, people, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._service = service
        self._principal = principal
        self._meeting_id = meeting_id
        self.setWindowTitle("Observation")
        self.setAccessibleName("Record an observation")
        self.people = QListWidget()
        self.people.setAccessibleName("Participant")
        for participant_id, name in people:
            item = QListWidgetItem(name)
            item.setData(ROLE, participant_id)
            self.people.addItem(item)
        if self.people.count():
            self.people.setCurrentRow(0)
        self.text = QLineEdit()
        self.text.setAccessibleName("Observation")
        self.text.setPlaceholderText("What you saw, in a few words; Enter saves")
        self.text.returnPressed.connect(self._on_save)
        self.done_label = QLabel()
        self.done_label.setAccessibleName("Last observation saved")
        who = QLabel("&Who:")
        who.setBuddy(self.people)
        what = QLabel("&Observation:")
        what.setBuddy(self.text)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addWidget(self.people)
        layout.addWidget(what)
        layout.addWidget(self.text)
        layout.addWidget(self.done_label)
        self.text.setFocus()

    def _on_save(self) -> None:
        item = self.people.currentItem()
        if item is None or not self.text.text().strip():
            return
        try:
            saved = self._service.add_observation(
                self._principal(), self._meeting_id, item.data(ROLE), self.text.text()
            )
        except Exception as exc:
            from ..store.notes import NotesError

            if isinstance(exc, (NotesError, PermissionDenied)):
                show_error(self, "Observation not saved", str(exc))
                return
            raise
        self.done_label.setText(f"Saved for {item.text()} at {saved.at.astimezone():%H:%M}.")
        self.text.clear()


def install_observation_action(window, service, principal, meeting_id: int, players) -> QAction:  # type: ignore[no-untyped-def]
    """Add "Observation…" (key O) to a runner window of a meeting; players with a participant id only."""
    people = [(p.participant_id, p.label) for p in players if getattr(p, "participant_id", None)]

    def open_dialog() -> None:
        ObservationDialog(service, principal, meeting_id, people, window).exec()

    action = QAction("Observation…", window)
    action.setShortcut(QKeySequence("O"))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setToolTip("Note a short, timestamped observation about a participant (O)")
    action.triggered.connect(open_dialog)
    window.addAction(action)
    return action
