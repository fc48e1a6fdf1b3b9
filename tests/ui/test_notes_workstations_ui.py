"""The Notes page with a second workstation at work: conflicts and live refresh, as a user meets them."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import sqlalchemy as sa
from notes_world import MEETING_START, build_world, fill
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from test_notes_ui import Settings, Who, settle, type_into, workstation

from facilitator.core.clock import FakeClock
from facilitator.store.notes import NotesService
from facilitator.ui.conflict_dialog import ConflictDialog
from facilitator.ui.notes_view import NotesPage
from facilitator.ui.operations import ChangeHub


@pytest.fixture
def world(engine):  # type: ignore[no-untyped-def]
    return build_world(engine, session_id="drug-alcohol-refusal")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MEETING_START + timedelta(hours=2))


def services(engine, clock, library):  # type: ignore[no-untyped-def]
    here = NotesService(workstation(engine, clock, "office"), Settings(clinic_time_zone="America/Chicago"), library)
    there = NotesService(workstation(engine, clock, "group room"), Settings(clinic_time_zone="America/Chicago"), library)
    return here, there


def stored(engine, note_id: int) -> tuple[dict[str, str], int]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        row = conn.execute(
            sa.text("SELECT content, version FROM progress_note WHERE id = :id"), {"id": note_id}
        ).one()
    return json.loads(row.content), row.version


def answer_dialog(qtbot, button_text: str, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """When the question box opens, press the button a user would press (and note what it said)."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, ConflictDialog):
            QTimer.singleShot(10, press)
            return
        seen.append(box.message.text())
        buttons = (box.reload_button, box.overwrite_button, box.cancel_button)
        button = next(b for b in buttons if b.text().replace("&", "") == button_text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press)


def open_sams_note(qtbot, page, world) -> int:  # type: ignore[no-untyped-def]
    page.show()
    with qtbot.waitActive(page):  # Ctrl+S is a shortcut of the active window, as on a desktop
        page.activateWindow()
    page.open_meeting(world.meeting_id, start=True)
    settle(qtbot)
    row = next(i for i in range(page.note_list.count()) if page.note_list.item(i).text().startswith("Sam"))
    page.note_list.setCurrentRow(row)
    assert page.editor.note.participant_name == "Sam"
    return page.editor.note.id


@pytest.mark.parametrize(
    ("button", "choice"),
    [("Reload their version", "reload"), ("Save mine over it", "overwrite"), ("Cancel", "cancel")],
)
def test_a_conflicting_save_keeps_the_typed_text_and_each_choice_does_what_it_says(  # type: ignore[no-untyped-def]
    qtbot, engine, world, clock, shipped_library, button, choice
):
    here, there = services(engine, clock, shipped_library)
    page = NotesPage(here, Who(world.facilitator))
    qtbot.addWidget(page)
    sam = open_sams_note(qtbot, page, world)

    # The same counselor saves the note on the group-room computer first.
    clock.advance(120)
    theirs = there.note(world.facilitator, sam)
    there.save_draft(world.facilitator, sam, dict(theirs.content, data="Written in the group room."), theirs.version)

    # Typing here: autosave finds the note changed, keeps the text and says who and when.
    type_into(qtbot, page.editor, "data", " Typed in the office.")
    qtbot.waitUntil(lambda: page.editor.conflict is not None, timeout=10000)
    settle(qtbot)
    assert page.editor.banner.isVisible()
    assert "You (on another screen or workstation) changed this note at" in page.editor.banner_text.text()
    assert page.editor.field("data").toPlainText().endswith("Typed in the office.")
    assert stored(engine, sam) == ({**theirs.content, "data": "Written in the group room."}, 2)

    # Save (Ctrl+S) asks what to do; the user presses one button.
    said: list[str] = []
    answer_dialog(qtbot, button, said)
    qtbot.keyClick(page.editor.field("data"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert said and "Nothing was overwritten" in said[0]
    content, version = stored(engine, sam)
    if choice == "reload":
        assert content["data"] == "Written in the group room." and version == 2
        assert page.editor.field("data").toPlainText() == "Written in the group room."
        assert page.editor.version == 2 and not page.editor.banner.isVisible()
    elif choice == "overwrite":
        assert content["data"].endswith("Typed in the office.") and version == 3
        assert page.editor.version == 3 and page.editor.conflict is None and not page.editor.banner.isVisible()
        with engine.connect() as conn:
            details = [r[0] for r in conn.execute(sa.text("SELECT detail FROM audit_entry WHERE action = 'change'"))]
        assert details == ["saved a draft over another workstation's version"]
    else:
        assert content["data"] == "Written in the group room." and version == 2, "nothing saved on cancel"
        assert page.editor.field("data").toPlainText().endswith("Typed in the office."), "the text stays"
        assert page.editor.banner.isVisible() and page.editor.conflict is not None
        # More typing stays on screen, and is not sent over their version behind the user's back.
        type_into(qtbot, page.editor, "data", " More.")
        page.editor.flush()  # what the autosave timer would do: nothing while the choice is open
        settle(qtbot)
        assert stored(engine, sam)[1] == 2
        # The banner's own button settles it later.
        qtbot.mouseClick(page.editor.overwrite_button, Qt.MouseButton.LeftButton)
        settle(qtbot)
        content, version = stored(engine, sam)
        assert content["data"].endswith("Typed in the office. More.") and version == 3


def test_a_change_from_another_workstation_reaches_the_open_page_without_replacing_the_text(  # type: ignore[no-untyped-def]
    qtbot, engine, world, clock, shipped_library
):
    here, there = services(engine, clock, shipped_library)
    hub = ChangeHub(here._work)
    hub.watch_other_workstations()
    try:
        page = NotesPage(here, Who(world.facilitator), hub=hub)
        qtbot.addWidget(page)
        sam = open_sams_note(qtbot, page, world)
        with qtbot.waitSignal(page.editor.saved, timeout=10000):
            type_into(qtbot, page.editor, "data", " Mine, saved.")
        settle(qtbot)
        assert page.mine.topLevelItem(0).text(0) == "Drafts (4)"

        # The group room signs the group note and edits Sam's: both reach this page by themselves.
        meeting = there.meeting_notes(world.facilitator, world.meeting_id, audit=False)
        there.sign(world.facilitator, meeting.group_note.id, content=fill(meeting.group_note))
        clock.advance(300)
        theirs = there.note(world.facilitator, sam)
        there.save_draft(world.facilitator, sam, dict(theirs.content, data="From the group room."), theirs.version)

        qtbot.waitUntil(lambda: page.mine.topLevelItem(0).text(0) == "Drafts (3)", timeout=5000)
        qtbot.waitUntil(lambda: page.editor.banner.isVisible(), timeout=5000)
        qtbot.waitUntil(lambda: page.note_list.item(0).text() == "Group note — Awaiting co-signature", timeout=5000)
        banner = page.editor.banner_text.text()
        assert banner.startswith("Changed on another workstation by Ana Ruiz at ")
        assert page.editor.field("data").toPlainText().endswith("Mine, saved."), "never replaced under the cursor"
        assert page.editor.note.id == sam and page.note_list.currentItem().text().startswith("Sam")

        qtbot.mouseClick(page.editor.reload_button, Qt.MouseButton.LeftButton)
        settle(qtbot)
        assert page.editor.field("data").toPlainText() == "From the group room."
        assert page.editor.version == stored(engine, sam)[1] and not page.editor.banner.isVisible()
    finally:
        hub.stop()
