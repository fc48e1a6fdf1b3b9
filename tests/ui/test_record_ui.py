"""The record stays true through the UI: attendance after a run, deliberate signing, the desk, landing pages."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from notes_world import MEETING_START, build_world, fill
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from test_notes_ui import Settings, Who, answer_confirm, settle, type_into

from facilitator.core.clock import FakeClock
from facilitator.core.permissions import UserRole
from facilitator.store.attendance import AttendanceService
from facilitator.store.audit import AuditLog
from facilitator.store.notes import NotesService
from facilitator.store.unit_of_work import Work
from facilitator.ui.notes_view import NotesPage, ReviewPage

Qt = pytest.importorskip("PySide6.QtCore").Qt


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MEETING_START + timedelta(hours=2))


def work_for(engine, clock, principal) -> Work:  # type: ignore[no-untyped-def]
    work = Work(engine, AuditLog(engine, clock), clock, lambda: principal)
    work.connect_identity()
    return work


@pytest.fixture
def world(engine):  # type: ignore[no-untyped-def]
    return build_world(engine, session_id="drug-alcohol-refusal")


@pytest.fixture
def notes(engine, clock, shipped_library):  # type: ignore[no-untyped-def]
    return NotesService(work_for(engine, clock, None), Settings(clinic_time_zone="America/Chicago"), shipped_library)


def rows(engine, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql))]


# -- attendance after a run -------------------------------------------------------------------


@pytest.fixture
def ended_run(engine, world, clock, shipped_library):  # type: ignore[no-untyped-def]
    """A run of the meeting that started 3 minutes late and ended after 62 minutes (of 90)."""
    from facilitator.core.agenda_clock import AgendaClock
    from facilitator.store.runs import Player, RunStore

    with engine.begin() as conn:  # the clinic's zone, as Settings saves it
        conn.execute(
            sa.text("INSERT INTO clinic_setting (key, value, updated_at) VALUES ('clinic_time_zone', 'America/Chicago', :t)"),
            {"t": MEETING_START},
        )
    run_clock = FakeClock(MEETING_START + timedelta(minutes=3))
    work = work_for(engine, run_clock, world.facilitator)
    store = RunStore(work)
    curriculum = shipped_library.get("skills-core")
    session = curriculum.session("drug-alcohol-refusal")
    agenda = AgendaClock(session.agenda, run_clock, session.minutes * 60)
    run_id = store.create(curriculum, session, agenda.snapshot(), meeting_id=world.meeting_id,
                          players=[Player("Sam", world.participants["Sam"])])
    store.save(run_id, agenda.start(), agenda.snapshot())
    run_clock.advance(62 * 60)
    store.save(run_id, agenda.end(), agenda.snapshot())
    attendance = AttendanceService(work, Settings(clinic_time_zone="America/Chicago"), shipped_library,
                                   world.facilitator)
    return attendance, run_id


def saved_marks(engine) -> dict[str, tuple]:  # type: ignore[type-arg]
    def clock_text(value):  # type: ignore[no-untyped-def]
        if value is None:
            return None
        if isinstance(value, str):
            value = value[11:16]
            return value
        return value.strftime("%H:%M")

    out = {}
    for name, status, arrived, left in rows(
        engine,
        "SELECT p.preferred_name, a.status, a.arrived_at, a.left_at FROM attendance a "
        "JOIN participant p ON p.id = a.participant_id",
    ):
        out[name] = (status, clock_text(arrived), clock_text(left))
    return out


def open_dialog(qtbot, attendance, world, run_id):  # type: ignore[no-untyped-def]
    from facilitator.ui.run_attendance_dialog import RunAttendanceDialog

    dialog = RunAttendanceDialog(attendance, world.meeting_id, run_id)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot)
    return dialog


def test_a_run_proposes_attendance_and_confirming_saves_it(qtbot, engine, world, ended_run) -> None:  # type: ignore[no-untyped-def]
    attendance, run_id = ended_run
    before = saved_marks(engine)
    assert before["Sam"] == ("present", None, None) and before["Maria"] == ("late", "00:12", None)
    dialog = open_dialog(qtbot, attendance, world, run_id)
    assert saved_marks(engine) == before, "the run itself changed nothing"
    assert "18:03–19:05" in dialog.heading.text()
    key = (world.participants["Sam"], None)
    maria = (world.participants["Maria"], None)
    assert (dialog.arrivals[key].text(), dialog.departures[key].text()) == ("18:03", "19:05")
    assert dialog.arrivals[maria].text() == "18:12", "the late arrival is kept"
    assert dialog.minutes[key].text() == "62" and dialog.minutes[maria].text() == "53"
    assert (world.participants["Dee"], None) not in dialog.arrivals, "an absent person is not proposed"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    after = saved_marks(engine)
    # Stored in UTC: 18:03 in Chicago is 00:03.
    assert after["Sam"] == ("present", "00:03", "01:05")
    assert after["Maria"] == ("late", "00:12", "01:05")
    assert after["Jo"] == ("present", "00:03", "01:05")
    assert after["Dee"] == before["Dee"]
    minutes = {r.name: r.minutes for r in attendance.sheet(world.meeting_id)}
    assert minutes == {"Dee": 0, "Jo": 62, "Maria": 53, "Sam": 62}
    details = [r[0] for r in rows(engine, "SELECT detail FROM audit_entry WHERE record_type = 'attendance'")]
    assert any("marked present, arrived 18:03, left 19:05" in d for d in details)


def test_editing_a_late_arrival_in_the_proposal(qtbot, engine, world, ended_run) -> None:  # type: ignore[no-untyped-def]
    attendance, run_id = ended_run
    dialog = open_dialog(qtbot, attendance, world, run_id)
    maria = (world.participants["Maria"], None)
    edit = dialog.arrivals[maria]
    edit.selectAll()
    qtbot.keyClicks(edit, "1830")
    assert dialog.minutes[maria].text() == "35"
    edit.selectAll()
    qtbot.keyClicks(edit, "25:99")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Maria" in dialog.error.text() and edit.text() == "25:99", "a sentence, and what was typed stays"
    assert saved_marks(engine)["Maria"] == ("late", "00:12", None)
    edit.selectAll()
    qtbot.keyClicks(edit, "6:30 pm")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    settle(qtbot)
    assert saved_marks(engine)["Maria"] == ("late", "00:30", "01:05")
    assert not dialog.isVisible()


def test_keeping_attendance_as_it_is_saves_nothing(qtbot, engine, world, ended_run) -> None:  # type: ignore[no-untyped-def]
    attendance, run_id = ended_run
    before = saved_marks(engine)
    dialog = open_dialog(qtbot, attendance, world, run_id)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    settle(qtbot)
    assert not dialog.isVisible()
    assert saved_marks(engine) == before


def test_a_save_over_a_mark_changed_meanwhile_is_refused(qtbot, engine, world, ended_run) -> None:  # type: ignore[no-untyped-def]
    from facilitator.core.attendance import AttendanceStatus
    from facilitator.core.roster import AttendanceMark

    attendance, run_id = ended_run
    dialog = open_dialog(qtbot, attendance, world, run_id)
    sam = next(r for r in attendance.sheet(world.meeting_id) if r.name == "Sam")
    attendance.save_attendance(world.meeting_id, [AttendanceMark(
        AttendanceStatus.LEFT_EARLY, participant_id=sam.participant_id, left_at=MEETING_START + timedelta(minutes=30),
        attendance_id=sam.attendance_id, version=sam.version)])
    seen: list[str] = []

    def close_error() -> None:
        box = QApplication.activeModalWidget()
        if box is None or box is dialog:
            QTimer.singleShot(10, close_error)
            return
        seen.append(box.findChild(type(dialog.heading)).text() if box.findChild(type(dialog.heading)) else "")
        box.close()

    QTimer.singleShot(0, close_error)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert saved_marks(engine)["Sam"] == ("left_early", None, "00:30"), "their change stands"
    assert saved_marks(engine)["Jo"] == ("present", None, None), "and nothing of this save was written"
    assert dialog.isVisible() and dialog.save_button.isEnabled()


def test_the_main_window_hears_the_runner_end_a_run_and_ask_for_notes(qtbot, main_window, backend, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The runner's signals, emitted as its window will: ``ended(run_id, meeting_id)``, ``write_notes_requested``."""
    from PySide6.QtCore import QObject, Signal

    from facilitator.ui import run_attendance_dialog

    class Runner(QObject):
        ended = Signal(int, object)
        write_notes_requested = Signal(int)

    asked: list[tuple[int, int]] = []
    monkeypatch.setattr(
        run_attendance_dialog,
        "ask_run_attendance",
        lambda service, meeting_id, run_id, parent, hub=None: asked.append((meeting_id, run_id)),
    )
    runner = Runner()
    main_window.watch_runner(runner)
    main_window.watch_runner(runner)  # heard once, however often it is watched
    runner.ended.emit(5, None)
    runner.ended.emit(5, 11)
    assert asked == [(11, 5)], "a Library run (no meeting) has no attendance to propose"
    started: list[tuple[int, bool]] = []
    monkeypatch.setattr(
        main_window.notes_page,
        "open_meeting",
        lambda meeting_id, note_id=None, start=False: started.append((meeting_id, start)),
    )
    runner.write_notes_requested.emit(42)
    assert started == [(42, True)]
    assert main_window.stack.currentWidget() is main_window.notes_page


# -- signing --------------------------------------------------------------------------------


def test_sign_asks_once_naming_the_note_and_the_accounts_signature(qtbot, engine, world, notes) -> None:  # type: ignore[no-untyped-def]
    page = NotesPage(notes, Who(world.facilitator))
    qtbot.addWidget(page)
    page.show()
    page.open_meeting(world.meeting_id, start=True)
    settle(qtbot)
    sam_row = next(i for i in range(page.note_list.count()) if page.note_list.item(i).text().startswith("Sam"))
    page.note_list.setCurrentRow(sam_row)
    assert page.editor.signer.text() == "You sign as Ana Ruiz, CADC-I"
    assert not hasattr(page.editor, "name_edit") and not hasattr(page.editor, "credentials_edit")
    for section in page.editor.note.sections:
        if not page.editor.field(section.key).toPlainText().strip():
            type_into(qtbot, page.editor, section.key, f"{section.label} written.")
    seen: list[str] = []
    answer_confirm(qtbot, yes=False, seen=seen)
    qtbot.mouseClick(page.editor.sign_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert seen[0].startswith("Lock Sam's DAP note for 2 Nov? You sign as Ana Ruiz, CADC-I.")
    assert "supervisor for co-signature" in seen[0]
    status = rows(engine, "SELECT n.status FROM progress_note n JOIN participant p ON p.id = n.participant_id "
                          "WHERE p.preferred_name = 'Sam'")
    assert status == [("draft",)], "cancelled: nothing locked"
    # The account's name changes (an administrator corrected it): the signature follows the account.
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE user_account SET full_name = 'Ana M. Ruiz' WHERE username = 'facilitator'"))
    answer_confirm(qtbot, yes=True)
    qtbot.mouseClick(page.editor.sign_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    signed = rows(engine, "SELECT n.status, n.signer_name, n.signer_credentials FROM progress_note n "
                          "JOIN participant p ON p.id = n.participant_id WHERE p.preferred_name = 'Sam'")
    assert signed == [("awaiting_cosign", "Ana M. Ruiz", "CADC-I")]


def test_cosign_all_lists_the_notes_first_and_cancel_cosigns_nothing(qtbot, engine, world, notes) -> None:  # type: ignore[no-untyped-def]
    mn = notes.start_meeting_notes(world.facilitator, world.meeting_id)
    for note in mn.notes:
        notes.sign(world.facilitator, note.id, content=fill(note))
    review = ReviewPage(notes, Who(world.supervisor))
    qtbot.addWidget(review)
    review.show()
    settle(qtbot)
    seen: list[str] = []
    answer_confirm(qtbot, yes=False, seen=seen)
    qtbot.mouseClick(review.cosign_all_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert seen[0].startswith("Co-sign these 4 notes of Mon/Wed evening skills for 2 Nov? You co-sign as Rosa Diaz, LCSW.")
    for line in ("• Group note, by Ana Ruiz", "• Jo (DAP), by Ana Ruiz", "• Maria (DAP), by Ana Ruiz", "• Sam (DAP), by Ana Ruiz"):
        assert line in seen[0]
    assert {r[0] for r in rows(engine, "SELECT status FROM progress_note")} == {"awaiting_cosign"}
    # One note, by keys: Ctrl+Return asks, Enter confirms.
    seen.clear()
    answer_confirm(qtbot, yes=True, seen=seen)
    qtbot.waitUntil(review.isActiveWindow)
    qtbot.keyClick(review.meeting_notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert seen[0].startswith("Co-sign the group note of Mon/Wed evening skills for 2 Nov, written by Ana Ruiz?")
    assert sorted(r[0] for r in rows(engine, "SELECT status FROM progress_note")) == [
        "awaiting_cosign", "awaiting_cosign", "awaiting_cosign", "cosigned"
    ]


# -- the desk ---------------------------------------------------------------------------------


def test_the_desk_opens_on_what_needs_the_supervisor(qtbot, engine, world, notes, clock) -> None:  # type: ignore[no-untyped-def]
    mn = notes.start_meeting_notes(world.facilitator, world.meeting_id)
    sam = next(n for n in mn.individual if n.participant_name == "Sam")
    notes.sign(world.facilitator, sam.id, content=fill(sam))
    wednesday = world.add_meeting(date(2026, 11, 4), MEETING_START + timedelta(days=2))
    clock.advance(7 * 86400)
    review = ReviewPage(notes, Who(world.supervisor))
    qtbot.addWidget(review)
    review.show()
    settle(qtbot)
    assert review.queue.topLevelItemCount() == 1 and review.queue.topLevelItem(0).child(0).text(0) == "Sam"
    assert review.late.topLevelItemCount() == 3
    assert [review.late.topLevelItem(i).text(2) for i in range(3)] == ["4 d"] * 3
    assert review.undocumented.topLevelItemCount() == 1
    assert review.rates.topLevelItem(0).text(0) == "Ana Ruiz" and review.rates.topLevelItem(0).text(2) == "25%"
    assert review.current_note().id == sam.id and review.cosign_button.isEnabled()
    # One click on a late draft shows that note; the other lists let go of their choice.
    late = review.late.topLevelItem(0)
    qtbot.mouseClick(review.late.viewport(), Qt.MouseButton.LeftButton, pos=review.late.visualItemRect(late).center())
    settle(qtbot)
    assert review.current_note().id == late.data(0, Qt.ItemDataRole.UserRole)[1]
    assert review.queue.selectedItems() == [] and not review.cosign_button.isEnabled()
    # A meeting with no notes: its heading, no notes, nothing to sign.
    item = review.undocumented.topLevelItem(0)
    review.undocumented.setFocus()
    review.undocumented.setCurrentItem(item)
    settle(qtbot)
    assert review._meeting_id == wednesday and review.meeting_notes.count() == 0
    assert "No notes have been started" in review.view.toPlainText() and "Wed 04 Nov" in review.meeting_heading.text()
    # After co-signing, the desk never shows one meeting chosen and another's notes.
    review.queue.setCurrentItem(review.queue.topLevelItem(0).child(0))
    settle(qtbot)
    answer_confirm(qtbot)
    qtbot.mouseClick(review.cosign_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert review.queue.topLevelItemCount() == 0
    chosen = [t for t in (review.late, review.undocumented) if t.currentItem() is not None and t.currentItem().isSelected()]
    assert len(chosen) == 1
    assert chosen[0].currentItem().data(0, Qt.ItemDataRole.UserRole)[0] == review._meeting_id
    assert all(n.meeting_id == review._meeting_id for n in review._notes)


def test_a_facilitator_sees_no_enabled_review_buttons(qtbot, world, notes) -> None:  # type: ignore[no-untyped-def]
    mn = notes.start_meeting_notes(world.facilitator, world.meeting_id)
    notes.sign(world.facilitator, mn.group_note.id, content=fill(mn.group_note))
    review = ReviewPage(notes, Who(world.facilitator))
    qtbot.addWidget(review)
    review.show()
    settle(qtbot)
    assert not review.cosign_button.isEnabled()
    assert not review.return_button.isEnabled()
    assert not review.cosign_all_button.isEnabled()
    assert "supervisor" in review.queue.topLevelItem(0).text(0).lower()


def test_my_notes_show_new_drafts_at_once_and_one_click_opens_one(qtbot, world, notes, clock) -> None:  # type: ignore[no-untyped-def]
    page = NotesPage(notes, Who(world.facilitator))
    qtbot.addWidget(page)
    page.show()
    settle(qtbot)
    assert page.mine.topLevelItem(0).text(0) == "Drafts (0)"
    page.open_meeting(world.meeting_id, start=True)
    settle(qtbot)
    drafts = page.mine.topLevelItem(0)
    assert drafts.text(0) == "Drafts (4)"
    assert [page.mine.topLevelItem(i).text(0).split(" (")[0] for i in range(4)] == [
        "Drafts", "Returned", "Overdue", "Waiting for co-signature"
    ]
    page.note_list.setCurrentRow(0)
    maria = next(drafts.child(i) for i in range(4) if drafts.child(i).text(0).endswith("Maria"))
    qtbot.mouseClick(page.mine.viewport(), Qt.MouseButton.LeftButton, pos=page.mine.visualItemRect(maria).center())
    settle(qtbot)
    assert page.editor.note.participant_name == "Maria"
    assert page.meetings.currentItem().data(Qt.ItemDataRole.UserRole) == world.meeting_id


# -- landing pages and the window ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "page"),
    [(UserRole.FACILITATOR, "today"), (UserRole.SUPERVISOR, "review"), (UserRole.ADMINISTRATOR, "groups")],
)
def test_each_role_lands_where_it_works(qtbot, backend, role, page) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui.main_window import MainWindow

    if role is not UserRole.ADMINISTRATOR:
        backend.accounts.create_account(
            backend.principal, username="pat", full_name="Pat Lee", role=role, password="pat-pass-123",
            credentials="CADC", needs_cosign=role is UserRole.FACILITATOR, must_change_password=False,
        )
        backend.sign_out()
        backend.sign_in("pat", "pat-pass-123")
    from facilitator.ui import operations

    window = MainWindow(backend.config)
    qtbot.addWidget(window)
    window.attach(backend)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not operations.busy())  # the pages are built over a few turns
    assert window.stack.currentWidget() is window.page(page)
    assert window.nav.currentItem().data(Qt.ItemDataRole.UserRole) == page
    # The Admin menu shows only what the role may use, and is not shown at all when that is nothing.
    usable = [a.text().replace("&", "") for a in window.admin_menu.actions() if a.isVisible() and a.isEnabled()]
    assert usable == {
        UserRole.FACILITATOR: [],
        UserRole.SUPERVISOR: ["Audit trail…"],
        UserRole.ADMINISTRATOR: ["Accounts…", "Audit trail…"],
    }[role]
    assert window.admin_menu.menuAction().isVisible() == bool(usable)
    assert "Facilitator" not in window.windowTitle(), "the application name is added once, by Qt"
