"""Write, sign, return, fix and co-sign through the Notes and Review pages, as users would."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from notes_world import MEETING_START, build_world
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser

from facilitator.core.clock import FakeClock
from facilitator.core.notes import NoteStatus
from facilitator.store.audit import AuditLog
from facilitator.store.notes import NotesService
from facilitator.store.unit_of_work import Work
from facilitator.ui import operations
from facilitator.ui.notes_view import NotesPage, ReviewPage


class Settings(dict):
    def get(self, key: str, default: str = "") -> str:  # type: ignore[override]
        return super().get(key, default)


@pytest.fixture
def world(engine):  # type: ignore[no-untyped-def]
    return build_world(engine, session_id="drug-alcohol-refusal")


@pytest.fixture
def clock() -> FakeClock:
    from datetime import timedelta

    return FakeClock(MEETING_START + timedelta(hours=2))


def workstation(engine, clock, name: str = "office") -> Work:  # type: ignore[no-untyped-def]
    work = Work(engine, AuditLog(engine, clock), clock, workstation=name)
    work.connect_identity()
    return work


@pytest.fixture
def work(engine, clock) -> Work:  # type: ignore[no-untyped-def]
    return workstation(engine, clock)


@pytest.fixture
def service(work, shipped_library):  # type: ignore[no-untyped-def]
    return NotesService(work, Settings(clinic_time_zone="America/Chicago"), shipped_library)


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Wait until every write and slow read the pages started has finished (never a sleep)."""
    qtbot.waitUntil(lambda: not operations.busy(), timeout=10000)


class Who:
    """Who is signed in; the pages ask this, as they ask the backend in the app."""

    def __init__(self, principal) -> None:  # type: ignore[no-untyped-def]
        self.principal = principal

    def __call__(self):  # type: ignore[no-untyped-def]
        return self.principal


def statuses(engine) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT coalesce(p.preferred_name, 'group'), n.status FROM progress_note n "
                "LEFT JOIN participant p ON p.id = n.participant_id"
            )
        ).all()
    return dict(rows)


def content_of(engine, name: str) -> str:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.execute(
            sa.text(
                "SELECT n.content FROM progress_note n LEFT JOIN participant p ON p.id = n.participant_id "
                "WHERE coalesce(p.preferred_name, 'group') = :name"
            ),
            {"name": name},
        ).scalar()


def answer_confirm(qtbot, yes: bool = True, seen: list[str] | None = None) -> None:  # type: ignore[no-untyped-def]
    """When the "sign / co-sign?" question opens, read it and press Sign (or Cancel), as a user would."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from facilitator.ui.notes_view import ConfirmDialog

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, ConfirmDialog):
            QTimer.singleShot(10, press)
            return
        if seen is not None:
            seen.append(box.text() + "\n" + box.informativeText())
        qtbot.mouseClick(box.yes_button if yes else box.no_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press)


def type_into(qtbot, editor, key: str, text: str) -> None:  # type: ignore[no-untyped-def]
    edit = editor.field(key)
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(edit, text)


def fill_empty_fields(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    note = page.editor.note
    for section in note.sections:
        if not page.editor.field(section.key).toPlainText().strip():
            type_into(qtbot, page.editor, section.key, f"{section.label} {note.id} ok")


def test_write_sign_return_fix_and_cosign(qtbot, engine, world, service) -> None:  # type: ignore[no-untyped-def]
    who = Who(world.facilitator)
    page = NotesPage(service, who)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    settle(qtbot)
    assert page.meetings.count() == 1

    # Write: start the meeting's notes, type in the group note, autosave catches it.
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert page.note_list.count() == 4  # group note + Jo, Maria, Sam (Dee was absent)
    assert "Dee" in page.absent.text()
    assert page.editor.note.is_group
    with qtbot.waitSignal(page.editor.saved, timeout=10000):
        type_into(qtbot, page.editor, "group_process", "Warm, focused; members coached each other.")
    assert "members coached each other" in content_of(engine, "group")

    # Sign every note: Ctrl+Shift+S signs and moves on to the next note.
    for _ in range(4):
        fill_empty_fields(qtbot, page)
        answer_confirm(qtbot)
        qtbot.keyClick(
            page.editor.field(page.editor.note.sections[0].key),
            Qt.Key.Key_S,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        settle(qtbot)
    assert set(statuses(engine).values()) == {"awaiting_cosign"}

    # Return: the supervisor reviews the meeting and returns Sam's note with a comment.
    who.principal = world.supervisor
    review = ReviewPage(service, who)
    qtbot.addWidget(review)
    review.show()
    review.refresh()
    settle(qtbot)
    assert review.meeting_notes.count() == 4
    assert review.current_note().is_group, "review starts with the group note"
    sam_row = next(i for i in range(4) if review.meeting_notes.item(i).text().startswith("Sam"))
    review.meeting_notes.setCurrentRow(sam_row)
    assert "Ana Ruiz, CADC-I" in review.view.toPlainText()
    qtbot.keyClicks(review.comment, "Describe what Sam did in the role play.")
    qtbot.mouseClick(review.return_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert statuses(engine)["Sam"] == "returned"
    assert review.comment.toPlainText() == "", "the comment went with the note"

    # Fix: the author finds it under Returned, sees the comment, edits and signs again.
    who.principal = world.facilitator
    page.refresh()
    settle(qtbot)
    returned = page.mine.topLevelItem(1)
    assert returned.text(0) == "Returned (1)"
    page._on_mine_activated(returned.child(0))
    settle(qtbot)
    assert page.editor.note.participant_name == "Sam"
    assert "Describe what Sam did" in page.editor.comment.text()
    type_into(qtbot, page.editor, "assessment", " Refused twice, the second time with eye contact.")
    answer_confirm(qtbot)
    qtbot.mouseClick(page.editor.sign_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert statuses(engine)["Sam"] == "awaiting_cosign"
    assert "eye contact" in content_of(engine, "Sam")

    # Co-sign: the supervisor co-signs the whole meeting; the history shows both rounds.
    who.principal = world.supervisor
    review.refresh()
    settle(qtbot)
    answer_confirm(qtbot)
    qtbot.mouseClick(review.cosign_all_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert set(statuses(engine).values()) == {"cosigned"}
    review.refresh()
    settle(qtbot)
    assert review.queue.topLevelItemCount() == 0
    sam_id = next(
        n.id
        for n in service.meeting_notes(world.supervisor, world.meeting_id).individual
        if n.participant_name == "Sam"
    )
    rounds = service.history(world.supervisor, sam_id)
    assert [r.outcome for r in rounds] == ["returned", "cosigned"]
    note = service.note(world.supervisor, sam_id)
    assert note.status is NoteStatus.COSIGNED and note.cosignature == "Rosa Diaz, LCSW"


def test_editor_warns_inline_about_names_and_missing_fields(qtbot, world, service) -> None:  # type: ignore[no-untyped-def]
    page = NotesPage(service, Who(world.facilitator))
    qtbot.addWidget(page)
    page.show()
    page.open_meeting(world.meeting_id, start=True)
    settle(qtbot)
    page.note_list.setCurrentRow(3)  # Sam
    assert page.editor.note.participant_name == "Sam"
    with qtbot.waitSignal(page.editor.saved, timeout=10000):
        type_into(qtbot, page.editor, "assessment", "Sat next to Johanna Kim and encouraged her.")
    text = page.editor.warnings.text()
    assert "names another participant (Johanna Kim)" in text
    assert "Still to fill in: Plan." in text
    # A signed note is read-only in the editor.
    fill_empty_fields(qtbot, page)
    page.editor.flush()
    answer_confirm(qtbot)
    qtbot.mouseClick(page.editor.sign_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    page.note_list.setCurrentRow(3)
    assert page.editor.note.participant_name == "Sam"
    assert page.editor.field("assessment").isReadOnly()
    assert not page.editor.sign_button.isEnabled()
    # The reviewer sees the same warning on the signed note.
    review = ReviewPage(service, Who(world.supervisor))
    qtbot.addWidget(review)
    review.refresh()
    settle(qtbot)
    sam_row = next(
        i for i in range(review.meeting_notes.count()) if review.meeting_notes.item(i).text().startswith("Sam")
    )
    review.meeting_notes.setCurrentRow(sam_row)
    assert "names another participant (Johanna Kim)" in review.view.toPlainText()


def test_observation_typed_during_the_session_lands_in_the_note(qtbot, world, service) -> None:  # type: ignore[no-untyped-def]
    from types import SimpleNamespace

    from PySide6.QtWidgets import QMainWindow

    from facilitator.ui.notes_view import ObservationDialog, install_observation_action

    players = [
        SimpleNamespace(label="Sam", participant_id=world.participants["Sam"]),
        SimpleNamespace(label="Guest", participant_id=None),
    ]
    runner = QMainWindow()
    qtbot.addWidget(runner)
    action = install_observation_action(runner, service, Who(world.facilitator), world.meeting_id, players)
    assert action.shortcut().toString() == "O" and action in runner.actions()

    dialog = ObservationDialog(service, Who(world.facilitator), world.meeting_id, [(world.participants["Sam"], "Sam")])
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.text, "Offered to lead the next role play.")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    settle(qtbot)
    assert dialog.text.text() == "" and "Saved for Sam" in dialog.done_label.text()
    meeting = service.start_meeting_notes(world.facilitator, world.meeting_id)
    sam = next(n for n in meeting.individual if n.participant_name == "Sam")
    assert "] Offered to lead the next role play." in sam.content["data"]


def test_export_from_the_notes_page_is_audited_and_the_chart_lists_notes_by_date(  # type: ignore[no-untyped-def]
    qtbot, engine, world, service, tmp_path, monkeypatch
):
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    who = Who(world.independent)  # signs without co-signature
    page = NotesPage(service, who)
    qtbot.addWidget(page)
    page.show()
    page.open_meeting(world.meeting_id, start=True)
    settle(qtbot)
    for _ in range(page.note_list.count()):
        fill_empty_fields(qtbot, page)
        answer_confirm(qtbot)
        qtbot.mouseClick(page.editor.sign_button, Qt.MouseButton.LeftButton)
        settle(qtbot)
    (tmp_path / "exports").mkdir()
    out = tmp_path / "exports" / "meeting.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF files (*.pdf)"))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Kim Osei, LPC" in " ".join(text.split()) and "42 CFR" in text
    assert out.stat().st_mode & 0o777 == 0o600, "the one private-file helper made it"
    assert sorted(f.name for f in out.parent.iterdir()) == ["meeting.pdf"], "no partial file left"

    with engine.connect() as conn:
        actions = [r[0] for r in conn.execute(sa.text("SELECT action FROM audit_entry ORDER BY seq"))]
    assert actions.count("export") == 1 and actions.count("sign") == 4

    # A full disk: a sentence, the earlier file untouched.
    import errno

    from facilitator.ui import operations as ops

    said: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda _parent, _title, sentence: said.append(sentence))
    before = out.read_bytes()

    def no_space(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("facilitator.core.files.os.fsync", no_space)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert said and said[-1].endswith(": the disk is full.") and "meeting.pdf" in said[-1]
    assert out.read_bytes() == before and sorted(f.name for f in out.parent.iterdir()) == ["meeting.pdf"]
    monkeypatch.undo()

    page.note_list.setCurrentRow(3)
    qtbot.mouseClick(page.chart_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    chart = page.chart_dialog.findChild(QTextBrowser)
    assert "Sam (DAP)" in chart.toPlainText() and "Signed: Kim Osei, LPC" in chart.toPlainText()


def test_settings_choose_the_clinic_note_format_and_deadline(qtbot, main_window, backend) -> None:  # type: ignore[no-untyped-def]
    from facilitator.core.notes import NoteFormat
    from facilitator.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(backend, main_window.library_state, main_window)
    qtbot.addWidget(dialog)
    dialog.field("note_format").setCurrentText(NoteFormat.SOAP.value)
    dialog.field("note_deadline_business_days").setValue(5)
    dialog._on_save()
    from facilitator.ui import operations

    qtbot.waitUntil(lambda: not operations.busy())
    assert backend.notes.clinic_format() is NoteFormat.SOAP
    assert backend.notes.deadline_days() == 5


def test_addendum_and_entered_in_error_from_the_editor(qtbot, engine, world, service, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    page = NotesPage(service, Who(world.independent))
    qtbot.addWidget(page)
    page.show()
    page.open_meeting(world.meeting_id, start=True)
    settle(qtbot)
    page.note_list.setCurrentRow(1)
    fill_empty_fields(qtbot, page)
    answer_confirm(qtbot)
    qtbot.mouseClick(page.editor.sign_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    page.note_list.setCurrentRow(1)
    editor = page.editor
    assert editor.addendum_button.isVisible() and editor.addendum_button.isEnabled()
    assert "Signed: Kim Osei, LPC" in editor.signatures.text()
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("Called the next day; doing well.", True))
    qtbot.mouseClick(editor.addendum_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert "Called the next day" in page.editor.signatures.text()
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("Wrong meeting.", True))
    qtbot.mouseClick(page.editor.error_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert "Entered in error" in page.editor.signatures.text()
    assert not page.editor.error_button.isEnabled()
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT text FROM note_addendum")).scalar() == "Called the next day; doing well."
        assert conn.execute(sa.text("SELECT error_reason FROM progress_note WHERE error_at IS NOT NULL")).scalar() == (
            "Wrong meeting."
        )


def test_a_supervisor_chooses_the_groups_format_for_new_notes(qtbot, world, service) -> None:  # type: ignore[no-untyped-def]
    from facilitator.core.notes import NoteFormat

    page = NotesPage(service, Who(world.facilitator))
    qtbot.addWidget(page)
    page.show()
    page.open_meeting(world.meeting_id, start=True)
    settle(qtbot)
    assert not page.format_combo.isEnabled(), "facilitators do not choose the format"
    later = world.add_meeting(MEETING_START.date().replace(day=4), MEETING_START.replace(day=5))
    sup = NotesPage(service, Who(world.supervisor))
    qtbot.addWidget(sup)
    sup.show()
    sup.open_meeting(world.meeting_id)
    settle(qtbot)
    assert sup.format_combo.isEnabled()
    sup.format_combo.setCurrentIndex(list(NoteFormat).index(NoteFormat.GIRP))
    sup.format_combo.activated.emit(sup.format_combo.currentIndex())
    settle(qtbot)
    assert service.group_format(world.supervisor, world.group_id) is NoteFormat.GIRP
    new = service.start_meeting_notes(world.facilitator, later)
    assert {n.note_format for n in new.individual} == {"GIRP"}
    old = service.meeting_notes(world.facilitator, world.meeting_id)
    assert {n.note_format for n in old.individual} == {"DAP"}, "notes already begun keep their format"


def test_an_overlong_section_or_addendum_is_a_sentence_and_the_text_stays(  # type: ignore[no-untyped-def]
    qtbot, engine, world, service, monkeypatch
) -> None:
    from PySide6.QtWidgets import QApplication, QInputDialog

    from facilitator.core import limits

    page = NotesPage(service, Who(world.independent))
    qtbot.addWidget(page)
    page.show()
    page.open_meeting(world.meeting_id, start=True)
    settle(qtbot)
    page.note_list.setCurrentRow(1)
    editor = page.editor
    before = content_of(engine, editor.note.participant_name)
    # A pasted wall of text, then a few more keys: the save names the section and its limit.
    field = editor.field("data")
    field.setFocus()
    QApplication.clipboard().setText("w" * limits.NOTE_SECTION.max_chars)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, " and more")
    editor.flush()
    settle(qtbot)
    assert editor.save_state.text() == "Not saved: The Data section is longer than 20,000 characters."
    assert field.toPlainText() == "w" * limits.NOTE_SECTION.max_chars + " and more", "what was typed stays"
    assert content_of(engine, editor.note.participant_name) == before, "nothing was written"

    # Trimmed back under the limit, it saves.
    for _ in range(len(" and more")):
        qtbot.keyClick(field, Qt.Key.Key_Backspace)
    editor.flush()
    settle(qtbot)
    assert editor.save_state.text().startswith("Saved")
    fill_empty_fields(qtbot, page)
    answer_confirm(qtbot)
    qtbot.mouseClick(editor.sign_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    page.note_list.setCurrentRow(1)

    # An addendum past its limit is asked again with the sentence, the typed text still in the box.
    asked: list[tuple[str, str]] = []
    answers = iter([("a" * (limits.ADDENDUM.max_chars + 1), True), ("Called back; doing well.", True)])

    def answer(_parent, _title, label, text="", *_a, **_k):  # type: ignore[no-untyped-def]
        asked.append((label, text))
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getMultiLineText", answer)
    qtbot.mouseClick(page.editor.addendum_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(asked) == 2)
    settle(qtbot)
    assert asked[1][0].startswith("The addendum is longer than 20,000 characters.")
    assert asked[1][1] == "a" * (limits.ADDENDUM.max_chars + 1), "what was typed is offered again"
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT text FROM note_addendum")).scalars().all() == ["Called back; doing well."]
def test_a_desk_of_thousands_fills_a_slice_per_turn_and_then_chooses_the_oldest(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The review desk never holds the window for all its rows: they arrive over turns of the event loop."""
    from datetime import date
    from types import SimpleNamespace

    from facilitator.core import notes as cn
    from facilitator.ui import notes_view, operations

    monkeypatch.setattr(notes_view, "DESK_SLICE_SECONDS", 0.0)  # one row a turn: the slicing shows
    day = date(2026, 3, 2)
    awaiting = [
        SimpleNamespace(meeting_id=m, meeting_day=day, group_name=f"Group {m}", author_name="Ana Ruiz", age="3 d",
                        kind="participant", participant_name=f"Person {n}", note_id=100 * m + n, due=day,
                        overdue=n == 0)
        for m in range(1, 4) for n in range(4)
    ]
    late = [
        SimpleNamespace(kind="participant", participant_name=f"Late {n}", status=cn.NoteStatus.DRAFT, meeting_day=day,
                        author_name="Ana Ruiz", days_late=5, group_name="Group 9", due=day, meeting_id=9, note_id=900 + n)
        for n in range(40)
    ]
    desk = SimpleNamespace(awaiting=awaiting, late_drafts=late, undocumented=[], on_time=[], deadline_days=3,
                           window_days=30)
    page = ReviewPage(None, lambda: None)
    qtbot.addWidget(page)
    shown: list[tuple[int | None, int | None]] = []
    monkeypatch.setattr(page, "_show_meeting", lambda meeting_id, note_id=None: shown.append((meeting_id, note_id)))
    page._fill_desk(desk, None)
    assert operations.busy() and page.late.topLevelItemCount() < len(late) and shown == []
    qtbot.waitUntil(lambda: not operations.busy())
    assert page.queue.topLevelItemCount() == 3 and page.queue.topLevelItem(0).childCount() == 4
    assert page.late.topLevelItemCount() == len(late)
    assert page.queue.topLevelItem(0).child(0).text(3) == "02 Mar (overdue)"
    assert shown == [(1, None)]  # the oldest awaiting meeting, once every row is in
    assert "(12)" in page.queue_label.text() and page.queue.accessibleDescription() == ""


def test_meeting_notes_export_in_the_screens_language(qtbot, world, service, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A clinic record prints in the language the screen speaks: here Spanish."""
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    from facilitator.ui import i18n

    who = Who(world.independent)
    page = NotesPage(service, who)
    qtbot.addWidget(page)
    page.show()
    page.open_meeting(world.meeting_id, start=True)
    settle(qtbot)
    for _ in range(page.note_list.count()):
        fill_empty_fields(qtbot, page)
        answer_confirm(qtbot)
        qtbot.mouseClick(page.editor.sign_button, Qt.MouseButton.LeftButton)
        settle(qtbot)
    out = tmp_path / "notas.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF files (*.pdf)"))
    monkeypatch.setattr(i18n, "_language", "es")  # as install_translators leaves it for a Spanish screen
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "Notas de la sesión de grupo" in text and "Firmada: Kim Osei, LPC" in text
    assert "Aviso que acompaña a la divulgación (42 CFR 2.32)" in text
    assert "Group session notes" not in text and "Signed:" not in text and "Notice to accompany" not in text
