"""The Notes page (write, autosave, sign) and the Review page (queue, co-sign, return).

Views lay out; the ``_on_...`` slots decide. The pages receive the notes service, a
function returning who is signed in, and the change hub. Every write runs through
``CollectionOp`` (this workstation's writer thread) and every slow read through ``QueryOp``.
Drafts are saved one second after the first unsaved keystroke (never later than two), when
the user moves to another note, and when the page hides, so a killed app loses at most the
last two seconds of typing.
"""

from __future__ import annotations

import html
import logging
import time
from collections.abc import Callable
from datetime import UTC, timedelta, tzinfo
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
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
from shiboken6 import isValid

from ..core import changes as ch
from ..core import notes as cn
from ..core.changes import Changes, ConflictError, SessionEnded, UserFacingError
from ..core.permissions import (
    PermissionDenied,
    Principal,
    can_add_addendum,
    can_choose_note_format,
    can_cosign,
    can_edit_note,
    can_mark_entered_in_error,
    can_return_note,
)
from . import operations
from .conflict_dialog import OVERWRITE_TEXT, RELOAD_TEXT, ask_conflict
from .errors import show_error
from .i18n import core_word, date_text, sentence_text, translate
from .operations import CollectionOp, QueryOp, describe
from .style import ButtonRows, ink_item, set_ink_html, set_ink_style, wrap_lines

log = logging.getLogger(__name__)
AUTOSAVE_MS = 1000
ROLE = Qt.ItemDataRole.UserRole
DESK_SLICE_SECONDS = 0.025  # the review desk's rows are made this long per turn of the event loop
DESK_WIDTH_ROWS = 50  # the desk's columns are as wide as their widest text in this many rows


def _when_in(value, zone: tzinfo) -> str:  # type: ignore[no-untyped-def]
    """A moment as the clinic's clock showed it (``zone`` is the clinic's, from the service)."""
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M") if value else ""


def note_html(note, rounds=(), *, zone: tzinfo) -> str:  # type: ignore[no-untyped-def]
    """A note as the reviewer and the chart show it: fields, signatures, addenda, rounds."""
    esc = html.escape

    def _when(value) -> str:  # type: ignore[no-untyped-def]
        return _when_in(value, zone)

    parts = [f"<h3>{esc(note.title)}</h3>"]
    if note.in_error:
        parts.append(
            translate("notes_view", "<p style='color:@error'><b>Entered in error</b> ({error_at}): {error_reason}</p>").format(error_at=esc(_when(note.error_at)), error_reason=esc(note.error_reason))
        )
    parts.append(f"<p><i>{esc(core_word(note.status.label))}</i></p>")
    for section in note.sections:
        text = note.content.get(section.key, "")
        body = esc(text).replace("\n", "<br>") if text.strip() else translate("notes_view", "<span style='color:@error'>(empty)</span>")
        parts.append(f"<p><b>{esc(core_word(section.label))}</b><br>{body}</p>")
    if note.signed_at:
        parts.append(translate("notes_view", "<p>Signed: {signature} — {signed_at}</p>").format(signature=esc(note.signature), signed_at=esc(_when(note.signed_at))))
    if note.cosigned_at:
        parts.append(translate("notes_view", "<p>Co-signed: {cosignature} — {cosigned_at}</p>").format(cosignature=esc(note.cosignature), cosigned_at=esc(_when(note.cosigned_at))))
    for a in note.addenda:
        parts.append(
            translate("notes_view", "<p><b>Addendum</b> ({created_at}, {signature}):<br>{text}</p>").format(created_at=esc(_when(a.created_at)), signature=esc(a.signature), text=esc(a.text).replace(chr(10), '<br>'))
        )
    if rounds:
        parts.append(translate("notes_view", "<h4>History</h4><ul>"))
        for r in rounds:
            line = translate("notes_view", "Round {round}: signed by {signature} {signed_at}; {outcome}").format(round=r.round, signature=esc(r.signature), signed_at=esc(_when(r.signed_at)), outcome=esc(r.outcome))
            if r.reviewed_at:
                line += f" by {esc(r.reviewer_signature)} {esc(_when(r.reviewed_at))}"
            if r.comment:
                line += f" — “{esc(r.comment)}”"
            parts.append(f"<li>{line}</li>")
        parts.append("</ul>")
    return "".join(parts)


def read_now(parent: QWidget, hub, fn):  # type: ignore[no-untyped-def]
    """A quick read by primary key on the GUI thread (a few ms), its error said the one way."""
    try:
        return fn()
    except SessionEnded as exc:
        if hub is not None:
            hub.session_ended.emit(sentence_text(exc))
        else:
            show_error(parent, translate("notes_view", "Signed out"), sentence_text(exc))
    except UserFacingError as exc:
        show_error(parent, translate("notes_view", "Cannot open the note"), sentence_text(exc))
    return None


# -- asking once before a signature locks a note ---------------------------------------------


class ConfirmDialog(QMessageBox):
    """One question before something is locked: what, for whom, and as whom it is signed."""

    def __init__(self, parent: QWidget | None, title: str, text: str, yes_text: str, details: str = "") -> None:
        super().__init__(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
        self.setAccessibleName(title)
        self.setObjectName("confirm")
        if details:
            self.setInformativeText(details)
        self.yes_button = self.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
        self.no_button = self.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.yes_button)
        self.setEscapeButton(self.no_button)

    def ask(self) -> bool:
        self.exec()
        parent = self.parentWidget()
        if parent is not None:  # keys go back to the page (a window manager may not give focus back)
            parent.window().activateWindow()
        return self.clickedButton() is self.yes_button


def _day(value) -> str:  # type: ignore[no-untyped-def]
    return f"{value.day} {date_text(value, '%b')}"


def whose_note(note) -> str:  # type: ignore[no-untyped-def]
    """"Sam's DAP note for 2 Nov" or "the group note of Evening skills for 2 Nov"."""
    if note.is_group:
        return translate("notes_view", "the group note of {group_name} for {meeting_day}").format(group_name=note.group_name, meeting_day=_day(note.meeting_day))
    return translate("notes_view", "{participant_name}'s {note_format} note for {meeting_day}").format(participant_name=note.participant_name, note_format=note.note_format, meeting_day=_day(note.meeting_day))


def sign_question(note, principal: Principal) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """The question asked before signing, and what follows the signature."""
    what = whose_note(note)
    text = translate("notes_view", "Lock {what}? You sign as {signature}.").format(what=what, signature=principal.signature)
    after = (
        translate("notes_view", "It then goes to your supervisor for co-signature; after that only an addendum can add to it.")
        if principal.needs_cosign
        else translate("notes_view", "It is then final; only an addendum can add to it.")
    )
    return text[0].upper() + text[1:], after


def cosign_question(notes, principal: Principal) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """The question asked before co-signing one note, or every listed note of a meeting."""
    if len(notes) == 1:
        note = notes[0]
        return (
            translate("notes_view", "Co-sign {note}, written by {author_name}? You co-sign as {signature}.").format(note=whose_note(note), author_name=note.author_name, signature=principal.signature),
            translate("notes_view", "The note is then final; only an addendum can add to it."),
        )
    first = notes[0]
    lines = "\n".join(
        translate("notes_view", "• Group note, by {author}").format(author=n.author_name) if n.is_group
        else translate("notes_view", "• {participant} ({note_format}), by {author}").format(
            participant=n.participant_name, note_format=n.note_format, author=n.author_name)
        for n in notes
    )
    return (
        translate("notes_view", "Co-sign these {count} notes of {group_name} for {meeting_day}? You co-sign as {signature}.").format(count=len(notes), group_name=first.group_name, meeting_day=_day(first.meeting_day), signature=principal.signature),
        translate("notes_view", "{lines}\n\nEach note is then final; only an addendum can add to it.").format(lines=lines),
    )


# -- the editor for one meeting's notes -----------------------------------------------------


class NoteEditor(QWidget):
    """The fields of one note, with autosave, inline warnings, the signing row and a banner.

    Autosave coalesces: never two saves of one note in flight; typing during a save makes
    one more save when it returns. Each save names the version the text on screen is based
    on, and the editor keeps the version the save returned. If someone else saved first the
    text stays on screen, autosave pauses and the banner says who and when, with "Reload
    their version" and "Save mine over it"; a change made elsewhere while the note is open
    is announced the same way, never loaded under the cursor.
    """

    saved = Signal(int)
    signed = Signal(int)
    amended = Signal(int)
    stayed = Signal(int)  # the user chose to stay on this note (unsaved work) instead of leaving it

    def __init__(  # type: ignore[no-untyped-def]
        self, service, principal: Callable[[], Principal | None], parent: QWidget | None = None, *, hub=None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._principal = principal
        self._hub = hub
        self._meeting = None
        self._note = None
        self._zone: tzinfo = UTC  # the clinic's, read when a note is shown
        self._version: int | None = None  # the version the text on screen is based on
        self._edits: dict[int, dict[str, str]] = {}
        self._fields: dict[str, QPlainTextEdit] = {}
        self._dirty = False
        self._loading = False
        self._saving = False  # a save of this editor is running
        self._draft_saving: int | None = None  # the note whose draft save is running
        self._when_saved: list[Callable[[], None]] = []
        self._conflict: ConflictError | None = None  # autosave paused until the user chooses
        self.setAccessibleName(self.tr("Note editor"))

        self.heading = QLabel()
        self.heading.setAccessibleName(self.tr("Note heading"))
        self.heading.setWordWrap(True)
        self.banner = QFrame()
        self.banner.setAccessibleName(self.tr("Changed elsewhere"))
        set_ink_style(self.banner, "QFrame {{ background:{alert}; border:1px solid {alert_edge}; }}")
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_text.setAccessibleName(self.tr("What changed elsewhere"))
        self.reload_button = QPushButton(translate("ConflictDialog", RELOAD_TEXT))
        self.reload_button.setAccessibleName(self.tr("Reload the version saved elsewhere; your changes are dropped"))
        self.reload_button.clicked.connect(lambda: self.resolve("reload"))
        self.overwrite_button = QPushButton(translate("ConflictDialog", OVERWRITE_TEXT))
        self.overwrite_button.setAccessibleName(self.tr("Save your text over the version saved elsewhere"))
        self.overwrite_button.clicked.connect(lambda: self.resolve("overwrite"))
        banner_row = QHBoxLayout(self.banner)
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.reload_button)
        banner_row.addWidget(self.overwrite_button)
        self.banner.hide()
        self.comment = QLabel()
        self.comment.setAccessibleName(self.tr("Supervisor's comment"))
        self.comment.setWordWrap(True)
        set_ink_style(self.comment, "background:{comment}; color:{text}; padding:6px; border:1px solid {comment_edge};")
        self.warnings = QLabel()
        self.warnings.setAccessibleName(self.tr("Warnings"))
        self.warnings.setWordWrap(True)
        set_ink_style(self.warnings, "color:{warning};")
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_host)
        scroll.setAccessibleName(self.tr("Note fields"))
        self.save_state = QLabel("")
        self.save_state.setAccessibleName(self.tr("Save state"))
        self.signer = QLabel()
        self.signer.setAccessibleName(self.tr("Who signs"))
        self.sign_button = QPushButton(self.tr("&Sign and lock…"))
        self.sign_button.setAccessibleName(self.tr("Sign and lock the note"))
        self.sign_button.setToolTip(self.tr("Sign as the account you signed in with; asks first, then the note locks (Ctrl+Shift+S)"))
        self.sign_button.clicked.connect(self._on_sign)
        QShortcut(QKeySequence("Ctrl+Shift+S"), self, self._on_sign)
        QShortcut(QKeySequence.StandardKey.Save, self, self._on_save_pressed)
        sign_row = QHBoxLayout()
        sign_row.addWidget(self.signer, 1)
        sign_row.addWidget(self.sign_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addWidget(self.comment)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.warnings)
        layout.addLayout(sign_row)
        layout.addWidget(self.save_state)
        self.signatures = QLabel()
        self.signatures.setAccessibleName(self.tr("Signatures and addenda"))
        self.signatures.setWordWrap(True)
        self.addendum_button = QPushButton(self.tr("Add a&ddendum…"))
        self.addendum_button.setAccessibleName(self.tr("Add a dated addendum to this signed note"))
        self.addendum_button.clicked.connect(self._on_addendum)
        self.error_button = QPushButton(self.tr("Entered in err&or…"))
        self.error_button.setAccessibleName(self.tr("Mark this signed note as entered in error, with the reason"))
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

    @property
    def version(self) -> int | None:
        """The version of the note that the text on screen is based on."""
        return self._version

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def conflict(self) -> ConflictError | None:
        return self._conflict

    @property
    def draft_saving(self) -> int | None:
        """The note whose draft save is running (its change reaches the hub before the save returns)."""
        return self._draft_saving

    def field(self, key: str) -> QPlainTextEdit:
        return self._fields[key]

    def set_meeting(self, meeting) -> None:  # type: ignore[no-untyped-def]
        self._meeting = meeting

    def _editable(self, note) -> bool:  # type: ignore[no-untyped-def]
        p = self._principal()
        return note.editable and p is not None and can_edit_note(p, note.author_id)

    # -- showing a note ------------------------------------------------------------------------

    def show_note(self, note) -> None:  # type: ignore[no-untyped-def]
        """Put a note in the editor once the one there is saved (or the user chose to drop it)."""
        self.flush()
        self.when_settled(lambda: self._show(note))

    def _show(self, note) -> None:  # type: ignore[no-untyped-def]
        self._timer.stop()
        self._zone = self._service.zone()  # read once per note shown, not at every autosave
        self._note = note
        self._version = note.version
        self._conflict = None
        self.banner.hide()
        self._loading = True
        while self.form.rowCount():
            self.form.removeRow(0)
        self._fields = {}
        editable = self._editable(note)
        content = note.content
        for n, section in enumerate(note.sections):
            edit = QPlainTextEdit()
            edit.setPlainText(content.get(section.key, ""))
            edit.setAccessibleName(core_word(section.label))
            edit.setToolTip(core_word(section.hint))
            edit.setPlaceholderText(core_word(section.hint))
            edit.setTabChangesFocus(True)
            edit.setReadOnly(not editable)
            height = 44 if note.is_group and n < 8 else 110
            edit.setMinimumHeight(height)
            edit.setMaximumHeight(height if note.is_group and n < 8 else 16777215)
            edit.textChanged.connect(self._on_text_changed)
            label = QLabel(f"{core_word(section.label)}{' *' if section.required else ''}")
            label.setBuddy(edit)
            self.form.addRow(label, edit)
            self._fields[section.key] = edit
        self.heading.setText(f"<b>{html.escape(note.title)}</b> — {core_word(note.status.label)}")
        if note.return_comment and note.status.value == "returned":
            self.comment.setText(self.tr("Returned by your supervisor: {return_comment}").format(return_comment=note.return_comment))
            self.comment.show()
        else:
            self.comment.hide()
        p = self._principal()
        self.signer.setText(self.tr("You sign as {signature}").format(signature=p.signature) if editable and p is not None else "")
        self.sign_button.setEnabled(editable)
        self.save_state.setText("" if editable else self.tr("This note is signed and locked; add an addendum to add to it."))
        self._show_signatures(note)
        self._loading = False
        self._dirty = False
        self._edits.pop(note.id, None)
        self._update_warnings()

    def _show_signatures(self, note) -> None:  # type: ignore[no-untyped-def]
        zone = self._zone

        def _when(value) -> str:  # type: ignore[no-untyped-def]
            return _when_in(value, zone)

        lines = []
        if note.in_error:
            lines.append(
                self.tr("<b style='color:@error'>Entered in error</b> ({error_at}): {error_reason}").format(error_at=_when(note.error_at), error_reason=html.escape(note.error_reason))
            )
        if note.signed_at and note.status.locked:
            lines.append(self.tr("Signed: {signature} — {signed_at}").format(signature=html.escape(note.signature), signed_at=_when(note.signed_at)))
        if note.cosigned_at:
            lines.append(self.tr("Co-signed: {cosignature} — {cosigned_at}").format(cosignature=html.escape(note.cosignature), cosigned_at=_when(note.cosigned_at)))
        for a in note.addenda:
            lines.append(self.tr("Addendum {created_at}, {signature}: {text}").format(created_at=_when(a.created_at), signature=html.escape(a.signature), text=html.escape(a.text)))
        set_ink_html(self.signatures, "<br>".join(lines))
        p = self._principal()
        locked = note.status.locked
        self.addendum_button.setVisible(locked)
        self.error_button.setVisible(locked)
        self.addendum_button.setEnabled(locked and p is not None and can_add_addendum(p, note.author_id))
        self.error_button.setEnabled(
            locked and p is not None and can_mark_entered_in_error(p, note.author_id) and not note.in_error
        )

    # -- saving --------------------------------------------------------------------------------

    def content(self) -> dict[str, str]:
        return {key: edit.toPlainText() for key, edit in self._fields.items()}

    def _on_text_changed(self) -> None:
        if self._loading or self._note is None:
            return
        self._dirty = True
        self._edits[self._note.id] = self.content()
        if self._conflict is not None:
            self.save_state.setText(self.tr("Not saved: this note changed elsewhere; choose above what to keep."))
            return
        self.save_state.setText(self.tr("Unsaved changes…"))
        if not self._timer.isActive():  # not restarted per key: a save at most one second behind
            self._timer.start()

    def flush(self) -> None:
        """Save the current note soon if it has unsaved changes (one save at a time)."""
        self._timer.stop()
        if not self._dirty or self._note is None or self._conflict is not None or self._saving:
            return  # a running save is followed by another if the text changed meanwhile
        self._save(self._version)

    def _on_save_pressed(self) -> None:
        if self._conflict is not None and self._dirty:
            self.resolve(ask_conflict(self, self._conflict))
        else:
            self.flush()

    def _save(self, version: int | None) -> None:
        note = self._note
        content = self.content()
        principal = self._principal()
        self._saving = True
        self._draft_saving = note.id
        self._dirty = False  # typing from here on makes it dirty again
        self.save_state.setText(self.tr("Saving…"))
        CollectionOp(
            self, lambda: self._service.save_draft(principal, note.id, content, version), self._hub
        ).success(self._on_saved).failure(lambda exc: self._on_save_failed(note.id, exc)).run()

    def _on_saved(self, result) -> None:  # type: ignore[no-untyped-def]
        self._saving = False
        self._draft_saving = None
        if self._note is not None and result.note_id == self._note.id:
            self._version = result.version
        self.save_state.setText(self.tr("Saved {time:%H:%M:%S}").format(time=result.saved_at.astimezone(self._zone)))
        self._update_warnings()
        self.saved.emit(result.note_id)
        if self._dirty and self._note is not None and self._note.id == result.note_id:
            self._save(self._version)  # typed while saving: one more save, never two at once
        else:
            self._settled()

    def _on_save_failed(self, note_id: int, exc: Exception) -> bool:
        self._saving = False
        self._draft_saving = None
        if self._note is None or self._note.id != note_id:
            self._settled()
            return False
        self._dirty = True  # what is on screen is still not saved
        if isinstance(exc, ConflictError):
            self._conflict = exc
            self._show_banner(sentence_text(exc), overwrite=True)
            self.save_state.setText(self.tr("Not saved: this note changed elsewhere; choose above what to keep."))
            self._settled()
            return True
        self.save_state.setText(self.tr("Not saved: {exc}").format(exc=describe(exc)))
        self._settled()
        return isinstance(exc, UserFacingError) and not isinstance(exc, SessionEnded)

    def when_settled(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` when the text on screen is saved, or the user chose to let it go."""
        if self._conflict is not None and self._dirty:
            choice = ask_conflict(self, self._conflict)
            if choice == "cancel":
                self._when_saved.clear()
                if self._note is not None:
                    self.stayed.emit(self._note.id)
                return
            if choice == "reload":  # their version stands; this text is dropped
                self._dirty = False
                self._conflict = None
                self.banner.hide()
            else:
                self._when_saved.append(callback)
                self.resolve("overwrite")
                return
        if self._saving:
            self._when_saved.append(callback)
        else:
            callback()

    def _after_save(self, callback: Callable[[], None]) -> None:
        if self._saving:
            self._when_saved.append(callback)
        else:
            callback()

    def _settled(self) -> None:
        waiting, self._when_saved = self._when_saved, []
        for callback in waiting:
            callback()

    # -- someone else's version ----------------------------------------------------------------

    def resolve(self, choice: str) -> None:
        """The user's answer to a conflict: reload their version, save mine over it, or decide later."""
        if self._note is None or choice == "cancel":
            return
        if choice == "reload":
            fresh = read_now(self, self._hub, lambda: self._service.note(self._principal(), self._note.id))
            if fresh is not None:
                self._show(fresh)
            return
        self._conflict = None
        self.banner.hide()
        self._dirty = True
        self._save(None)  # save over their version, knowingly

    def _show_banner(self, text: str, *, overwrite: bool) -> None:
        self.banner_text.setText(text)
        self.overwrite_button.setVisible(overwrite)
        self.banner.show()

    def check_changed_elsewhere(self) -> None:
        """Someone may have changed the open note: read it, and tell the user if so."""
        if self._note is None:
            return
        note_id = self._note.id
        self._after_save(
            lambda: QueryOp(self, lambda: self._service.note(self._principal(), note_id), self._hub)
            .success(lambda fresh: self._compare(fresh))
            .failure(lambda exc: isinstance(exc, UserFacingError) and not isinstance(exc, SessionEnded))
            .run()
        )

    def _compare(self, fresh) -> None:  # type: ignore[no-untyped-def]
        if self._note is None or fresh.id != self._note.id:
            return
        if self._saving:  # our own save may be what that read saw: look again once it is back
            self.check_changed_elsewhere()
            return
        if self._version is not None and fresh.version <= self._version:
            return  # what is on screen is the newest (our own save)
        if not self._editable(self._note) and not self._dirty:
            self._show(fresh)  # nothing typed to protect: show the new state (a signature, an addendum)
            return
        who = fresh.updated_by_name or "someone"
        when = fresh.updated_at.astimezone(self._zone).strftime("%H:%M")
        self._show_banner(self.tr("Changed on another workstation by {who} at {when} — reload to see it.").format(who=who, when=when), overwrite=False)

    # -- signing and amending ------------------------------------------------------------------

    def _on_sign(self) -> None:
        if self._note is None or not self.sign_button.isEnabled():
            return
        self._timer.stop()
        if self._conflict is not None and self._dirty:
            self.resolve(ask_conflict(self, self._conflict))
            return
        self._after_save(self._sign)

    def _sign(self) -> None:
        note = self._note
        if note is None or (self._conflict is not None and self._dirty):
            return
        principal = self._principal()
        if principal is None:
            return
        missing = cn.missing_required(note.sections, self.content())
        if missing:  # said before asking: nothing would be locked
            show_error(self, self.tr("Cannot sign yet"), self.tr("Fill in {sections} before signing.").format(sections=", ".join(core_word(m) for m in missing)))
            return
        text, after = sign_question(note, principal)
        if not ConfirmDialog(self, self.tr("Sign and lock"), text, self.tr("&Sign and lock"), after).ask():
            self.save_state.setText(self.tr("Not signed; the note is still a draft."))
            return
        if self._note is None or self._note.id != note.id:
            return
        content = self.content() if self._dirty else None
        version = self._version
        self._saving = True
        self._dirty = False
        self.save_state.setText(self.tr("Signing…"))

        def failed(exc: Exception) -> bool:
            self._saving = False
            self._dirty = content is not None or self._dirty
            if isinstance(exc, ConflictError):
                self._conflict = exc
                self._show_banner(sentence_text(exc), overwrite=True)
                self.save_state.setText(self.tr("Not signed: this note changed elsewhere; choose above what to keep."))
                self._settled()
                return True
            self.save_state.setText(self.tr("Not signed; the note is kept as a draft."))
            self._settled()
            if isinstance(exc, UserFacingError) and not isinstance(exc, SessionEnded):
                show_error(self, self.tr("Cannot sign yet"), sentence_text(exc))
                return True
            return False

        def done(signed) -> None:  # type: ignore[no-untyped-def]
            self._saving = False
            self._edits.pop(signed.id, None)
            self._version = signed.version
            self._settled()
            self.signed.emit(signed.id)

        CollectionOp(
            self, lambda: self._service.sign(principal, note.id, content=content, version=version),
            self._hub,
        ).success(done).failure(failed).titled(self.tr("Cannot sign")).run()

    def _amend(self, action, title: str, label: str, typed: str = "", problem: str = "") -> None:  # type: ignore[no-untyped-def]
        """Ask for the text and save it; refused (too long, say), it is asked again with the
        sentence above it and what was typed still in the box."""
        if self._note is None:
            return
        shown = f"{problem}\n\n{label}" if problem else label
        text, ok = QInputDialog.getMultiLineText(self, title, shown, typed)
        if not ok or not text.strip():
            return
        principal, note_id = self._principal(), self._note.id

        def done(note) -> None:  # type: ignore[no-untyped-def]
            self._show(note)
            self.amended.emit(note.id)

        def failed(exc: Exception) -> bool:
            if not isinstance(exc, UserFacingError) or isinstance(exc, (SessionEnded, ConflictError)):
                return False
            QTimer.singleShot(0, lambda: self._amend(action, title, label, text, sentence_text(exc)))
            return True

        CollectionOp(self, lambda: action(principal, note_id, text), self._hub).success(done).failure(
            failed
        ).titled(title).run()

    def _on_addendum(self) -> None:
        self._amend(
            self._service.add_addendum, self.tr("Addendum"), self.tr("Addendum (dated and signed; the note itself stays as it is):")
        )

    def _on_entered_in_error(self) -> None:
        self._amend(
            self._service.mark_entered_in_error,
            self.tr("Entered in error"),
            self.tr("Why was this note entered in error? (The note stays in the record, marked.)"),
        )

    def _update_warnings(self) -> None:
        if self._note is None:
            return
        lines = []
        missing = cn.missing_required(self._note.sections, self.content())
        if missing:
            lines.append(self.tr("Still to fill in: {sections}.").format(sections=", ".join(core_word(m) for m in missing)))
        if self._meeting is not None:
            from ..store.notes import meeting_warnings

            overrides = dict(self._edits)
            overrides[self._note.id] = self.content()
            w = meeting_warnings(self._meeting, overrides)
            for warning in w.names.get(self._note.id, []):
                lines.append(sentence_text(warning.sentence))
            names = {n.id: n.participant_name for n in self._meeting.individual}
            for pair in w.similar:
                if self._note.id in (pair.first, pair.second):
                    other = pair.second if pair.first == self._note.id else pair.first
                    lines.append(
                        self.tr("This note is {percent}% alike {note}'s note; describe what this person did.").format(percent=pair.percent, note=names.get(other, 'another note'))
                    )
        self.warnings.setText("\n".join(f"⚠ {line}" for line in lines))


class NotesPage(QWidget):
    """My notes (drafts, returned, overdue), meetings to document, and the meeting's notes.

    Lists refresh at once when the hub says notes, meetings or attendance changed (here or
    on another workstation); the note open in the editor is never replaced under the cursor.
    """

    def __init__(self, service, principal: Callable[[], Principal | None], parent: QWidget | None = None, *, hub=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._hub = hub  # ui.operations.ChangeHub: what changed, here or elsewhere
        self._service = service
        self._principal = principal
        self._meeting = None
        self.setAccessibleName(self.tr("Notes"))

        self.mine = QTreeWidget()
        self.mine.setAccessibleName(self.tr("My notes"))
        self.mine.setHeaderLabels([self.tr("Note"), self.tr("Due")])
        self.mine.header().setStretchLastSection(False)
        self.mine.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.mine.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.mine.itemActivated.connect(self._on_mine_activated)  # Enter
        self.mine.itemClicked.connect(self._on_mine_activated)  # one click opens the note
        self.meetings = wrap_lines(QListWidget())
        self.meetings.setAccessibleName(self.tr("Meetings to document"))
        self.meetings.itemActivated.connect(self._on_meeting_activated)
        self.meetings.itemDoubleClicked.connect(self._on_meeting_activated)
        self.start_button = QPushButton(self.tr("&Write notes for this meeting"))
        self.start_button.setAccessibleName(self.tr("Write notes for the selected meeting"))
        self.start_button.clicked.connect(self._on_start)
        mine_label = QLabel(self.tr("&My notes"))
        mine_label.setBuddy(self.mine)
        meetings_label = QLabel(self.tr("M&eetings (last two weeks)"))
        meetings_label.setBuddy(self.meetings)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(mine_label)
        left_layout.addWidget(self.mine, 2)
        left_layout.addWidget(meetings_label)
        left_layout.addWidget(self.meetings, 1)
        left_layout.addWidget(self.start_button)

        self.note_list = QListWidget()
        self.note_list.setAccessibleName(self.tr("Notes of this meeting"))
        self.note_list.currentItemChanged.connect(self._on_note_selected)
        self.absent = QLabel()
        self.absent.setAccessibleName(self.tr("Absent participants"))
        self.absent.setWordWrap(True)
        notes_label = QLabel(self.tr("&Notes of this meeting"))
        notes_label.setBuddy(self.note_list)
        self.export_button = QPushButton(self.tr("E&xport meeting PDF…"))
        self.export_button.setAccessibleName(self.tr("Export this meeting's signed notes as a PDF"))
        self.export_button.clicked.connect(self._on_export_meeting)
        self.chart_button = QPushButton(self.tr("&Chart…"))
        self.chart_button.setAccessibleName(self.tr("Show this participant's notes in date order"))
        self.chart_button.clicked.connect(self._on_chart)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.addWidget(notes_label)
        middle_layout.addWidget(self.note_list, 1)
        middle_layout.addWidget(self.absent)
        self.format_combo = QComboBox()
        self.format_combo.setAccessibleName(self.tr("This group's note format (supervisors and administrators)"))
        for fmt in cn.NoteFormat:
            self.format_combo.addItem(core_word(fmt.label), fmt.value)
        self.format_combo.setEnabled(False)
        self.format_combo.activated.connect(self._on_format_chosen)
        format_label = QLabel(self.tr("Group's note forma&t:"))
        format_label.setBuddy(self.format_combo)
        middle_layout.addWidget(format_label)
        middle_layout.addWidget(self.format_combo)
        middle_layout.addWidget(self.chart_button)
        middle_layout.addWidget(self.export_button)

        self.editor = NoteEditor(service, principal, hub=hub)
        self.editor.signed.connect(self._on_signed)
        self.editor.amended.connect(self._on_amended)
        self.editor.stayed.connect(self._select_note)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(middle)
        split.addWidget(self.editor)
        split.setSizes([420, 200, 560])  # My notes keeps its names whole at large text
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        if hub is not None:
            hub.changed.connect(self._on_changed)

    # -- loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload my notes and the meetings to document (on a worker; the lists fill when read)."""
        p = self._principal()
        if p is None:
            self.mine.clear()
            self.meetings.clear()
            return
        service = self._service

        def read():  # type: ignore[no-untyped-def]
            today = service.today()
            return service.my_notes(p), service.meetings_to_document(p, today - timedelta(days=14), today)

        def failed(exc: Exception) -> bool:
            if isinstance(exc, PermissionDenied):
                self.mine.clear()
                self.mine.addTopLevelItem(QTreeWidgetItem([sentence_text(exc), ""]))
                return True
            return False

        QueryOp(self, read, self._hub).success(self._fill_lists).failure(failed).run()

    def _fill_lists(self, result) -> None:  # type: ignore[no-untyped-def]
        mine, meetings = result
        chosen = self.meetings.currentItem().data(ROLE) if self.meetings.currentItem() else None
        if self._meeting is not None:
            chosen = self._meeting.meeting_id  # the list never shows one meeting and the notes another's
        self.mine.clear()
        self.meetings.blockSignals(True)
        self.meetings.clear()
        for title, items in (
            (self.tr("Drafts"), mine.drafts),
            (self.tr("Returned"), mine.returned),
            (self.tr("Overdue"), mine.overdue),
            (self.tr("Waiting for co-signature"), mine.awaiting),
        ):
            top = QTreeWidgetItem([f"{title} ({len(items)})", ""])
            top.setData(0, ROLE, None)
            for s in items:
                who = self.tr("Group note") if s.kind == "group" else s.participant_name
                child = QTreeWidgetItem([f"{date_text(s.meeting_day, '%a %d %b')}: {who}", date_text(s.due, "%d %b")])
                child.setToolTip(0, f"{s.group_name}, {s.meeting_day.isoformat()}: {who}")
                child.setData(0, ROLE, (s.meeting_id, s.note_id))
                if s.overdue and s.status.editable:  # late is the author's own draft, not a wait for the supervisor
                    ink_item(child, "error", column=1)
                top.addChild(child)
            self.mine.addTopLevelItem(top)
            top.setExpanded(True)
        row = 0 if self._meeting is None else -1
        for n, (meeting_id, day, group) in enumerate(meetings):
            item = QListWidgetItem(f"{date_text(day, '%a %d %b')}: {group}")
            item.setData(ROLE, meeting_id)
            self.meetings.addItem(item)
            if meeting_id == chosen:
                row = n
        if self.meetings.count():
            self.meetings.setCurrentRow(row)
        self.meetings.blockSignals(False)

    def _select_meeting_row(self, meeting_id: int) -> None:
        """Show the open meeting as the chosen one in the list of meetings (or none, if it is not listed)."""
        self.meetings.blockSignals(True)
        row = next((i for i in range(self.meetings.count()) if self.meetings.item(i).data(ROLE) == meeting_id), -1)
        self.meetings.setCurrentRow(row)
        self.meetings.blockSignals(False)

    def open_meeting(self, meeting_id: int, note_id: int | None = None, start: bool = False) -> None:
        """Show a meeting's notes (starting the missing drafts with ``start``), once the open note is saved."""
        self.editor.flush()
        self.editor.when_settled(lambda: self._open_meeting(meeting_id, note_id, start))

    def _open_meeting(self, meeting_id: int, note_id: int | None, start: bool, audit: bool = True) -> None:
        p = self._principal()
        service = self._service
        if start:
            op = CollectionOp(self, lambda: service.start_meeting_notes(p, meeting_id), self._hub)
        else:
            op = QueryOp(self, lambda: service.meeting_notes(p, meeting_id, audit=audit), self._hub)

        def opened(meeting) -> None:  # type: ignore[no-untyped-def]
            self._show_meeting(meeting, note_id)
            if start:
                self.refresh()  # the new drafts belong in My notes at once

        op.success(opened).titled(self.tr("Cannot open notes")).run()

    def _show_meeting(self, meeting, note_id: int | None, reload_editor: bool = True) -> None:  # type: ignore[no-untyped-def]
        p = self._principal()
        self._meeting = meeting
        self._select_meeting_row(meeting.meeting_id)
        self.editor.set_meeting(meeting)
        self.format_combo.setCurrentIndex(list(cn.NoteFormat).index(meeting.note_format))
        self.format_combo.setEnabled(p is not None and can_choose_note_format(p))
        self.note_list.blockSignals(True)
        self.note_list.clear()
        for note in meeting.notes:
            who = self.tr("Group note") if note.is_group else note.participant_name
            item = QListWidgetItem(f"{who} — {core_word(note.status.label)}")
            item.setData(ROLE, note.id)
            self.note_list.addItem(item)
        self.note_list.blockSignals(False)
        absent = ", ".join(f"{a.name} ({a.status.replace('_', ' ')})" for a in meeting.absent)
        self.absent.setText(self.tr("Absent (no note): {absent}").format(absent=absent) if absent else "")
        if not self.note_list.count():
            return
        row = next((i for i, n in enumerate(meeting.notes) if n.id == note_id), 0) if note_id is not None else 0
        if reload_editor:
            self.note_list.setCurrentRow(row)
        else:
            self._select_note(note_id)

    def _select_note(self, note_id: int | None) -> None:
        """Mark a note as the current one in the list without loading it again."""
        self.note_list.blockSignals(True)
        for i in range(self.note_list.count()):
            if self.note_list.item(i).data(ROLE) == note_id:
                self.note_list.setCurrentRow(i)
        self.note_list.blockSignals(False)

    # -- what changed, here or elsewhere ---------------------------------------------------------

    def _on_changed(self, changes) -> None:  # type: ignore[no-untyped-def]
        if not changes.touches(ch.NOTE, ch.OBSERVATION, ch.MEETING, ch.ATTENDANCE, ch.GROUP, ch.PARTICIPANT):
            return
        note = self.editor.note
        saving = self.editor.draft_saving
        if saving is not None and changes == Changes.of(ch.NOTE, saving):
            # This editor's own autosave: no list shows a draft's text. Still compare versions
            # once it returns, in case another workstation saved the same note meanwhile.
            self.editor.check_changed_elsewhere()
            return
        if self.isVisible():
            self.refresh()
        meeting = self._meeting
        if meeting is None:
            return
        ids = {n.id for n in meeting.notes}
        touched = bool(ids & changes.ids(ch.NOTE)) or (ch.NOTE, None) in changes.items
        if touched or changes.names(ch.MEETING, meeting.meeting_id) or changes.touches(ch.ATTENDANCE, ch.GROUP):
            self._reload_meeting(note.id if note is not None else None)
        if note is not None and changes.names(ch.NOTE, note.id):
            self.editor.check_changed_elsewhere()

    def _reload_meeting(self, note_id: int | None) -> None:
        """The open meeting's list of notes again (statuses, new notes), leaving the editor alone."""
        meeting = self._meeting
        p, service = self._principal(), self._service
        if meeting is None or p is None:
            return
        QueryOp(self, lambda: service.meeting_notes(p, meeting.meeting_id, audit=False), self._hub).success(
            lambda fresh: self._show_meeting(fresh, note_id, reload_editor=False)
            if self._meeting is not None and self._meeting.meeting_id == fresh.meeting_id
            else None
        ).failure(lambda exc: isinstance(exc, UserFacingError) and not isinstance(exc, SessionEnded)).run()

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
        self.editor.flush()
        self.editor.when_settled(lambda: self._load_note(note_id))

    def _load_note(self, note_id: int) -> None:
        fresh = read_now(self, self._hub, lambda: self._service.note(self._principal(), note_id))
        if fresh is not None:
            self.editor.show_note(fresh)
            self._select_note(note_id)

    def _on_signed(self, note_id: int) -> None:
        if self._meeting is None:
            return
        row = self.note_list.currentRow()
        meeting_id = self._meeting.meeting_id
        p, service = self._principal(), self._service

        def reopened(meeting) -> None:  # type: ignore[no-untyped-def]
            following = meeting.notes[row + 1].id if row + 1 < len(meeting.notes) else note_id
            self._show_meeting(meeting, following)

        QueryOp(self, lambda: service.meeting_notes(p, meeting_id, audit=False), self._hub).success(reopened).run()

    def _on_format_chosen(self, index: int) -> None:
        """The group's format for notes started from now on; notes already begun keep theirs."""
        if self._meeting is None:
            return
        meeting, fmt = self._meeting, self.format_combo.itemData(index)
        p, service = self._principal(), self._service
        CollectionOp(self, lambda: service.set_group_format(p, meeting.group_id, fmt), self._hub).success(
            lambda _none: self.absent.setText(self.tr("New notes of {group_name} will be {fmt}.").format(group_name=meeting.group_name, fmt=fmt))
        ).titled(self.tr("Note format")).run()

    def _on_amended(self, note_id: int) -> None:
        self._reload_meeting(note_id)

    def _on_export_meeting(self) -> None:
        if self._meeting is None:
            return
        self.editor.flush()
        meeting = self._meeting
        name = f"notes-{meeting.day.isoformat()}-{meeting.group_name}.pdf".replace(" ", "-").replace("/", "-")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export meeting notes"), name, self.tr("PDF files (*.pdf)"))
        if not path:
            return
        p, service = self._principal(), self._service
        from .i18n import current_language

        language = current_language()  # a clinic record prints in the screen's language

        def export(report):  # type: ignore[no-untyped-def]
            report(0, 2, self.tr("Gathering the signed notes…"))
            model = service.meeting_print(p, meeting.meeting_id, language=language)
            from ..handouts.notes import render_notes_pdf

            report(1, 2, self.tr("Writing the PDF…"))
            from ..core.files import os_problem, shown_path, write_private

            try:
                write_private(Path(path), render_notes_pdf(model), create_folder=False)
            except OSError as exc:
                raise UserFacingError(self.tr("The PDF could not be written to {path}: {strerror}.").format(path=shown_path(path), strerror=sentence_text(os_problem(exc)))) from exc
            return model

        CollectionOp(self, export, self._hub).with_progress(self.tr("Exporting the meeting's notes…")).success(
            lambda model: self.absent.setText((self.tr("Exported 1 signed note to {path}.") if len(model.notes) == 1 else self.tr("Exported {count} signed notes to {path}.")).format(count=len(model.notes), path=path))
        ).titled(self.tr("Cannot export")).run()

    def _on_chart(self) -> None:
        note = self.editor.note
        if note is None or note.participant_id is None:
            show_error(self, self.tr("Chart"), self.tr("Choose a participant's note first."))
            return
        p, service = self._principal(), self._service
        QueryOp(self, lambda: service.chart(p, note.participant_id), self._hub).success(
            lambda notes: self._show_chart(note.participant_name, notes)
        ).titled(self.tr("Chart")).run()

    def _show_chart(self, name: str, notes) -> None:  # type: ignore[no-untyped-def]
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Chart: {name}").format(name=name))
        dialog.setAccessibleName(self.tr("Chart of {name}").format(name=name))
        view = QTextBrowser()
        view.setAccessibleName(self.tr("Notes in date order"))
        zone = self._service.zone()
        set_ink_html(view, "<hr>".join(note_html(n, zone=zone) for n in notes) or self.tr("<p>No notes yet.</p>"))
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        dialog.resize(760, 640)
        self.chart_dialog = dialog
        dialog.show()

    def refresh_mine(self) -> None:
        self.refresh()

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.editor.flush()
        super().hideEvent(event)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self.refresh()


# -- review --------------------------------------------------------------------------------


class ReviewPage(QWidget):
    """The supervisor's desk, and the meeting under review beside it.

    The desk lists what needs the supervisor across all counselors: notes awaiting
    co-signature, drafts past the clinic's deadline, meetings held with no notes, and each
    counselor's on-time rate. One click (or Enter) on any of them shows that meeting's notes
    on the right, with the note chosen; only one meeting is ever chosen, and the notes shown
    are always its notes. Co-signing asks once, naming the note, its author and the
    signature; "co-sign all" lists the notes first. Everything refreshes when notes change
    (here or elsewhere), keeping the meeting and note under review and the typed comment.
    """

    def __init__(self, service, principal: Callable[[], Principal | None], parent: QWidget | None = None, *, hub=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._hub = hub  # ui.operations.ChangeHub: what changed, here or elsewhere
        self._service = service
        self._principal = principal
        self._meeting_id: int | None = None
        self._notes: list = []
        self._desk = None
        self._desk_fills = 0  # a desk still being filled gives way to a newer one
        self.setAccessibleName(self.tr("Review"))

        def tree(name: str, headers: list[str]) -> QTreeWidget:
            widget = QTreeWidget()
            widget.setAccessibleName(name)
            widget.setHeaderLabels(headers)
            widget.setRootIsDecorated(False)
            widget.setUniformRowHeights(True)  # one line a row: a thousand rows lay out at once
            # Column widths fit the first rows, not every one of thousands at each layout.
            widget.header().setResizeContentsPrecision(DESK_WIDTH_ROWS)
            widget.header().setStretchLastSection(False)
            widget.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            for column in range(1, len(headers)):
                widget.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            widget.currentItemChanged.connect(lambda current, _prev, w=widget: self._on_desk_item(w, current))
            widget.itemActivated.connect(lambda item, _col, w=widget: self._on_desk_item(w, item, force=True))
            widget.itemClicked.connect(lambda item, _col, w=widget: self._on_desk_item(w, item, force=True))
            return widget

        self.queue = tree(self.tr("Notes awaiting your co-signature"), [self.tr("Meeting / note"), self.tr("Author"), self.tr("Age"), self.tr("Due")])
        self.queue.setRootIsDecorated(True)
        self.late = tree(self.tr("Drafts past the deadline"), [self.tr("Note"), self.tr("Author"), self.tr("Late")])
        self.undocumented = tree(self.tr("Meetings held with no notes"), [self.tr("Meeting"), self.tr("Facilitators"), self.tr("Present")])
        self.rates = QTreeWidget()
        self.rates.setAccessibleName(self.tr("Notes signed on time, by counselor, over the last 30 days"))
        self.rates.setHeaderLabels([self.tr("Counselor"), self.tr("On time"), self.tr("Rate")])
        self.rates.setRootIsDecorated(False)
        self.rates.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.rates.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.queue_label = QLabel(self.tr("Awaiting your co-&signature"))
        self.queue_label.setWordWrap(True)
        self.queue_label.setBuddy(self.queue)
        self.late_label = QLabel(self.tr("&Drafts past the deadline"))
        self.late_label.setWordWrap(True)
        self.late_label.setBuddy(self.late)
        self.undocumented_label = QLabel(self.tr("Meetings held with &no notes"))
        self.undocumented_label.setWordWrap(True)
        self.undocumented_label.setBuddy(self.undocumented)
        self.rates_label = QLabel(self.tr("On time, last 30 days"))
        self.rates_label.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        for label, widget, stretch in (
            (self.queue_label, self.queue, 3),
            (self.late_label, self.late, 2),
            (self.undocumented_label, self.undocumented, 1),
            (self.rates_label, self.rates, 1),
        ):
            left_layout.addWidget(label)
            left_layout.addWidget(widget, stretch)
        # its headings wrap (large text on a small screen), so the lists keep a width of their own
        left.setMinimumWidth(left.fontMetrics().averageCharWidth() * 40)

        self.meeting_heading = QLabel()
        self.meeting_heading.setAccessibleName(self.tr("Meeting under review"))
        self.meeting_heading.setWordWrap(True)
        self.meeting_notes = wrap_lines(QListWidget())
        self.meeting_notes.setAccessibleName(self.tr("Notes of the meeting under review"))
        self.meeting_notes.currentItemChanged.connect(self._on_note_selected)
        self.view = QTextBrowser()
        self.view.setAccessibleName(self.tr("Note under review"))
        self.comment = QPlainTextEdit()
        self.comment.setAccessibleName(self.tr("Comment for the author"))
        self.comment.setPlaceholderText(self.tr("What the author should change (needed to return a note)"))
        self.comment.setMaximumHeight(80)
        self.cosign_button = QPushButton(self.tr("&Co-sign…"))
        self.cosign_button.setAccessibleName(self.tr("Co-sign this note"))
        self.cosign_button.setToolTip(self.tr("Co-sign this note; asks first (Ctrl+Return)"))
        self.cosign_button.clicked.connect(self._on_cosign)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._on_cosign)
        self.return_button = QPushButton(self.tr("Re&turn to author"))
        self.return_button.setAccessibleName(self.tr("Return this note to its author with the comment"))
        self.return_button.clicked.connect(self._on_return)
        self.cosign_all_button = QPushButton(self.tr("Co-sign a&ll of this meeting…"))
        self.cosign_all_button.setAccessibleName(self.tr("Co-sign every note of this meeting awaiting co-signature; lists them first"))
        self.cosign_all_button.clicked.connect(self._on_cosign_all)
        buttons = ButtonRows(
            [[self.cosign_button, self.return_button, None, self.cosign_all_button]],
            [[self.cosign_button, self.return_button, None], [None, self.cosign_all_button]],  # large text
        )
        comment_label = QLabel(self.tr("Co&mment:"))
        comment_label.setBuddy(self.comment)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        notes_box = QGroupBox(self.tr("This meeting"))
        nb = QVBoxLayout(notes_box)
        nb.addWidget(self.meeting_notes)
        right_top = QSplitter(Qt.Orientation.Horizontal)
        right_top.addWidget(notes_box)
        right_top.addWidget(self.view)
        right_top.setSizes([240, 600])
        right_layout.addWidget(self.meeting_heading)
        right_layout.addWidget(right_top, 1)
        right_layout.addWidget(comment_label)
        right_layout.addWidget(self.comment)
        right_layout.addWidget(buttons)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([700, 580])  # the desk's four columns keep their headings at large text
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._update_buttons(None)
        if hub is not None:
            hub.changed.connect(self._on_changed)

    # -- the desk ------------------------------------------------------------------------------

    def refresh(self, select_note: int | None = None) -> None:
        """Reload the desk, keeping the meeting under review when it is still on it."""
        p = self._principal()
        if p is None:
            self._clear_desk()
            return

        def failed(exc: Exception) -> bool:
            if isinstance(exc, PermissionDenied):
                self._clear_desk()
                self.queue.addTopLevelItem(QTreeWidgetItem([sentence_text(exc), "", "", ""]))
                self._show_meeting(None)
                return True
            return False

        service = self._service
        QueryOp(self, lambda: service.review_desk(p), self._hub).success(
            lambda desk: self._fill_desk(desk, select_note)
        ).failure(failed).run()

    def _clear_desk(self) -> None:
        for widget in (self.queue, self.late, self.undocumented, self.rates):
            widget.clear()
        self._update_buttons(None)

    def _desk_trees(self) -> tuple[QTreeWidget, ...]:
        return (self.queue, self.late, self.undocumented)

    def _fill_desk(self, desk, select_note: int | None) -> None:  # type: ignore[no-untyped-def]
        """Show the desk. A desk can hold thousands of rows: they are made a slice at a time
        (about 25 ms of work per turn of the event loop), so the window never stops answering;
        the meeting under review is chosen once every row is in. Counts in ``operations.busy()``.
        """
        self._desk = desk
        self._desk_fills += 1
        wanted = self._desk_fills
        keep = self._meeting_id
        shown = self.current_note()
        for widget in (*self._desk_trees(), self.rates):
            widget.blockSignals(True)
            widget.setUpdatesEnabled(False)  # laid out and painted once, when every row is in
            widget.clear()
            widget.setAccessibleDescription(self.tr("Loading"))
        rows = self._desk_rows(desk)
        token = object()
        operations._running.add(token)

        def step() -> None:
            if not isValid(self) or wanted != self._desk_fills:
                operations._running.discard(token)  # gone, or a newer desk is being shown
                return
            deadline = time.monotonic() + DESK_SLICE_SECONDS
            batch: dict[QTreeWidget, list[QTreeWidgetItem]] = {}
            finished = True
            for tree, item in rows:
                batch.setdefault(tree, []).append(item)
                if time.monotonic() > deadline:
                    finished = False
                    break
            for tree, items in batch.items():
                tree.addTopLevelItems(items)
                if tree is self.queue:
                    for top in items:
                        top.setExpanded(True)
            if not finished:
                QTimer.singleShot(0, self, step)
                return
            operations._running.discard(token)
            self.rates.blockSignals(False)
            for widget in (*self._desk_trees(), self.rates):
                widget.setAccessibleDescription("")
                widget.setUpdatesEnabled(True)
            self._desk_filled(desk, keep, shown, select_note)

        step()

    def _desk_rows(self, desk):  # type: ignore[no-untyped-def]
        """The desk's rows, made one at a time: (list, item)."""
        tops: dict[int, QTreeWidgetItem] = {}
        for q in desk.awaiting:
            top = tops.get(q.meeting_id)
            if top is None:
                top = QTreeWidgetItem([f"{_desk_day(q.meeting_day)}: {q.group_name}", q.author_name, q.age, ""])
                top.setData(0, ROLE, (q.meeting_id, None))
                tops[q.meeting_id] = top
                yield self.queue, top
            who = self.tr("Group note") if q.kind == "group" else q.participant_name
            due = self.tr("{due} (overdue)").format(due=_desk_day(q.due, "%d %b")) if q.overdue else _desk_day(q.due, "%d %b")
            child = QTreeWidgetItem([who, q.author_name, q.age, due])
            child.setData(0, ROLE, (q.meeting_id, q.note_id))
            if q.overdue:
                ink_item(child, "error", column=3)
            top.addChild(child)
        for d in desk.late_drafts:
            who = self.tr("Group note") if d.kind == "group" else d.participant_name
            status = "" if d.status is cn.NoteStatus.DRAFT else f" ({core_word(d.status.label).lower()})"
            item = QTreeWidgetItem(
                [f"{_desk_day(d.meeting_day)}: {who}{status}", d.author_name, f"{d.days_late} d"]
            )
            item.setToolTip(0, self.tr("{group_name}; due {due}").format(group_name=d.group_name, due=_desk_day(d.due)))
            item.setData(0, ROLE, (d.meeting_id, d.note_id))
            ink_item(item, "error", column=2)
            yield self.late, item
        for m in desk.undocumented:
            item = QTreeWidgetItem([f"{_desk_day(m.meeting_day)}: {m.group_name}", m.facilitators, str(m.attended)])
            item.setData(0, ROLE, (m.meeting_id, None))
            yield self.undocumented, item
        for r in desk.on_time:
            item = QTreeWidgetItem([r.author_name, self.tr("{on_time} of {due}").format(on_time=r.on_time, due=r.due), f"{r.percent}%"])
            if r.percent < 80:
                ink_item(item, "error", column=2)
            yield self.rates, item

    def _desk_filled(self, desk, keep: int | None, shown, select_note: int | None) -> None:  # type: ignore[no-untyped-def]
        self.queue_label.setText(self.tr("&Awaiting your co-signature ({count})").format(count=len(desk.awaiting)))
        self.late_label.setText(self.tr("&Drafts past the deadline ({count}; due {deadline_days} business days after the meeting)").format(count=len(desk.late_drafts), deadline_days=desk.deadline_days))
        self.undocumented_label.setText(self.tr("Meetings held with &no notes ({count}, last {window_days} days)").format(count=len(desk.undocumented), window_days=desk.window_days))
        self.rates_label.setText(self.tr("On time, last {window_days} days").format(window_days=desk.window_days))
        # Keep the meeting under review if it is still on the desk, else the oldest awaiting one.
        chosen = self._find(keep) if keep is not None else None
        if chosen is None:
            widget = next((t for t in self._desk_trees() if t.topLevelItemCount()), None)
            chosen = (widget, widget.topLevelItem(0)) if widget is not None else None
        for widget in self._desk_trees():
            widget.clearSelection()
        if chosen is not None:
            chosen[0].setCurrentItem(chosen[1])
        for widget in self._desk_trees():
            widget.blockSignals(False)
        if chosen is None:
            self._show_meeting(None)
            return
        meeting_id, note_id = chosen[1].data(0, ROLE)
        same = meeting_id == keep
        if select_note is None and same and shown is not None:
            select_note = shown.id
        self._show_meeting(meeting_id, select_note if select_note is not None else note_id)

    def _find(self, meeting_id: int) -> tuple[QTreeWidget, QTreeWidgetItem] | None:
        """The desk's row for a meeting: the awaiting list first, then late drafts, then meetings with no notes."""
        for widget in self._desk_trees():
            for i in range(widget.topLevelItemCount()):
                item = widget.topLevelItem(i)
                data = item.data(0, ROLE)
                if data and data[0] == meeting_id:
                    return widget, item
        return None

    def _on_desk_item(self, widget: QTreeWidget, item: QTreeWidgetItem | None, force: bool = False) -> None:
        """One click (or Enter, or moving with the arrows) shows that meeting, with that note chosen."""
        if item is None:
            return
        data = item.data(0, ROLE)
        if not data:
            return
        for other in self._desk_trees():  # only one meeting is ever chosen
            if other is not widget:
                other.blockSignals(True)
                other.setCurrentItem(None)
                other.clearSelection()
                other.blockSignals(False)
        meeting_id, note_id = data
        if meeting_id != self._meeting_id or force or note_id is not None:
            if meeting_id == self._meeting_id and note_id is not None and self._select(note_id):
                return
            self._show_meeting(meeting_id, note_id)

    # -- the meeting under review ----------------------------------------------------------------

    def _show_meeting(self, meeting_id: int | None, select_note: int | None = None) -> None:
        changed = meeting_id != self._meeting_id
        self._meeting_id = meeting_id
        if meeting_id is None or changed:
            self._fill_meeting(None, None, loading=meeting_id is not None)  # never another meeting's notes meanwhile
        if meeting_id is None:
            return
        p, service = self._principal(), self._service
        QueryOp(self, lambda: service.meeting_notes(p, meeting_id), self._hub).success(
            lambda meeting: self._fill_meeting(meeting, select_note) if self._meeting_id == meeting.meeting_id else None
        ).run()

    def _fill_meeting(self, meeting, select_note: int | None, loading: bool = False) -> None:  # type: ignore[no-untyped-def]
        self.meeting_notes.blockSignals(True)
        self.meeting_notes.clear()
        self._notes = []
        if meeting is not None:
            from ..store.notes import meeting_warnings

            self._warnings = meeting_warnings(meeting)
            self._notes = list(meeting.notes)
            for note in self._notes:
                who = self.tr("Group note") if note.is_group else note.participant_name
                item = QListWidgetItem(f"{who} — {core_word(note.status.label)}")
                item.setData(ROLE, note.id)
                self.meeting_notes.addItem(item)
            self.meeting_heading.setText(f"<b>{date_text(meeting.day, '%a %d %b')}: {html.escape(meeting.group_name)}</b>")
        elif not loading:
            self.meeting_heading.setText("")
        self.meeting_notes.blockSignals(False)
        if not self._notes:
            if loading:
                self.view.setHtml(self.tr("<p>Opening the meeting's notes…</p>"))
            elif meeting is not None:
                self.view.setHtml(
                    self.tr("<p>No notes have been started for this meeting. Its facilitators write them from Notes.</p>")
                )
            else:
                self.view.setHtml(self.tr("<p>Nothing needs you on the desk.</p>"))
            self._update_buttons(None)
            return
        row = next((i for i, n in enumerate(self._notes) if n.id == select_note), None)
        if row is None:
            row = next((i for i, n in enumerate(self._notes) if n.status.value == "awaiting_cosign"), 0)
        self.meeting_notes.setCurrentRow(row)
        self._on_note_selected(self.meeting_notes.currentItem())

    def _select(self, note_id: int) -> bool:
        for i in range(self.meeting_notes.count()):
            if self.meeting_notes.item(i).data(ROLE) == note_id:
                self.meeting_notes.setCurrentRow(i)
                return True
        return False

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
        lines = [sentence_text(x.sentence) for x in w.names.get(note.id, [])]
        names = {n.id: n.participant_name for n in self._notes}
        for pair in w.similar:
            if note.id in (pair.first, pair.second):
                other = pair.second if pair.first == note.id else pair.first
                lines.append(self.tr("This note is {percent}% alike {note}'s note.").format(percent=pair.percent, note=names.get(other, 'another note')))
        if not lines:
            return ""
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        return self.tr("<div style='color:@warning'><b>Warnings</b><ul>{items}</ul></div>").format(items=items)

    def _awaiting_mine(self) -> list:  # type: ignore[type-arg]
        """The shown meeting's notes this user may co-sign now."""
        p = self._principal()
        if p is None:
            return []
        return [n for n in self._notes if n.status.value == "awaiting_cosign" and can_cosign(p, n.author_id)]

    def _update_buttons(self, note) -> None:  # type: ignore[no-untyped-def]
        p = self._principal()
        allowed = (
            note is not None
            and p is not None
            and note.status.value == "awaiting_cosign"
            and can_cosign(p, note.author_id)
        )
        self.cosign_button.setEnabled(allowed)
        self.return_button.setEnabled(allowed and p is not None and can_return_note(p, note.author_id))
        self.cosign_all_button.setEnabled(bool(self._awaiting_mine()))
        self.comment.setEnabled(allowed)

    def _on_note_selected(self, current: QListWidgetItem | None, _previous: object = None) -> None:
        note = self.current_note()
        if note is None:
            return
        rounds = read_now(self, self._hub, lambda: self._service.history(self._principal(), note.id))
        if rounds is None:
            return
        set_ink_html(self.view, self._warnings_html(note) + note_html(note, rounds, zone=self._service.zone()))
        self._update_buttons(note)

    def _on_changed(self, changes) -> None:  # type: ignore[no-untyped-def]
        if changes.touches(ch.NOTE, ch.PARTICIPANT, ch.GROUP, ch.MEETING, ch.ATTENDANCE) and self.isVisible():
            self.refresh()

    # -- reviewing -------------------------------------------------------------------------------

    def _review(self, fn, title: str, after=None) -> None:  # type: ignore[no-untyped-def]
        """Run a review on the writer thread; whatever happens, show the desk as it now is."""
        note = self.current_note()

        def done(_result) -> None:  # type: ignore[no-untyped-def]
            if after is not None:
                after()
            self.refresh()

        def failed(exc: Exception) -> bool:
            self.refresh(note.id if note is not None else None)
            return False  # said one way: a sentence (who reviewed it first, or why not)

        CollectionOp(self, fn, self._hub).success(done).failure(failed).titled(title).run()

    def _on_cosign(self) -> None:
        note = self.current_note()
        p = self._principal()
        if note is None or p is None or not self.cosign_button.isEnabled():
            return
        text, after = cosign_question([note], p)
        if not ConfirmDialog(self, self.tr("Co-sign"), text, self.tr("&Co-sign"), after).ask():
            return
        service = self._service
        self._review(lambda: service.cosign(p, note.id, version=note.version), self.tr("Cannot co-sign"))

    def _on_cosign_all(self) -> None:
        awaiting = self._awaiting_mine()
        p = self._principal()
        if not awaiting or p is None or not self.cosign_all_button.isEnabled():
            return
        text, listed = cosign_question(awaiting, p)
        if not ConfirmDialog(self, self.tr("Co-sign all of this meeting"), text, self.tr("&Co-sign {count} notes").format(count=len(awaiting)), listed).ask():
            return
        service = self._service

        def cosign_all() -> int:
            for n in awaiting:  # each its own unit of work: a note changed meanwhile stops here, with a sentence
                try:
                    service.cosign(p, n.id, version=n.version)
                except (ConflictError, SessionEnded):
                    raise
                except UserFacingError as exc:
                    raise UserFacingError(f"{n.title}: {sentence_text(exc)}") from exc
            return len(awaiting)

        self._review(cosign_all, self.tr("Cannot co-sign"))

    def _on_return(self) -> None:
        note = self.current_note()
        if note is None or not self.return_button.isEnabled():
            return
        p, service, comment = self._principal(), self._service, self.comment.toPlainText()
        self._review(
            lambda: service.return_note(p, note.id, comment, version=note.version),
            self.tr("Cannot return the note"),
            after=self.comment.clear,  # kept on screen if the return failed
        )

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self.refresh()


@lru_cache(maxsize=4096)
def _desk_day(day, fmt: str = "%a %d %b") -> str:  # type: ignore[no-untyped-def]
    """A day as the desk shows it, in the UI's language; remembered, since a desk shows thousands of rows
    over a few hundred days (the language is chosen once, at start)."""
    return date_text(day, fmt)


# -- observations during a session ---------------------------------------------------------


class ObservationDialog(QDialog):
    """Tap a participant, type a short observation, Enter: it is stamped and lands in their note."""

    def __init__(self, service, principal, meeting_id: int, people, parent: QWidget | None = None, *, hub=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._hub = hub
        self._service = service
        self._principal = principal
        self._meeting_id = meeting_id
        self.setWindowTitle(self.tr("Observation"))
        self.setAccessibleName(self.tr("Record an observation"))
        self.people = QListWidget()
        self.people.setAccessibleName(self.tr("Participant"))
        for participant_id, name in people:
            item = QListWidgetItem(name)
            item.setData(ROLE, participant_id)
            self.people.addItem(item)
        if self.people.count():
            self.people.setCurrentRow(0)
        self.text = QLineEdit()
        self.text.setAccessibleName(self.tr("Observation"))
        self.text.setPlaceholderText(self.tr("What you saw, in a few words; Enter saves"))
        self.text.returnPressed.connect(self._on_save)
        self.done_label = QLabel()
        self.done_label.setAccessibleName(self.tr("Last observation saved"))
        who = QLabel(self.tr("&Who:"))
        who.setBuddy(self.people)
        what = QLabel(self.tr("&Observation:"))
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
        principal, meeting_id, person, name = self._principal(), self._meeting_id, item.data(ROLE), item.text()
        typed = self.text.text()
        zone = self._service.zone()

        def done(saved) -> None:  # type: ignore[no-untyped-def]
            self.done_label.setText(self.tr("Saved for {name} at {time:%H:%M}.").format(name=name, time=saved.at.astimezone(zone)))
            if self.text.text() == typed:  # what was typed since stays
                self.text.clear()

        CollectionOp(
            self, lambda: self._service.add_observation(principal, meeting_id, person, typed), self._hub
        ).success(done).titled(self.tr("Observation not saved")).run()


def install_observation_action(window, service, principal, meeting_id: int, players, hub=None) -> QAction:  # type: ignore[no-untyped-def]
    """Add "Observation…" (key O) to a runner window of a meeting; players with a participant id only."""
    people = [(p.participant_id, p.label) for p in players if getattr(p, "participant_id", None)]

    def open_dialog() -> None:
        ObservationDialog(service, principal, meeting_id, people, window, hub=hub).exec()

    action = QAction(translate("notes_view", "Observation…"), window)
    action.setShortcut(QKeySequence("O"))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setToolTip(translate("notes_view", "Note a short, timestamped observation about a participant (O)"))
    action.triggered.connect(open_dialog)
    window.addAction(action)
    return action
