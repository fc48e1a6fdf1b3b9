"""A whole evening in the group room, through the main window, as the counselor and the supervisor live it.

The facilitator signs in and lands on Today, takes attendance (one person not here yet), runs
the session (a skipped exercise, a role play that ends in its third round's set-up, an early
end), marks the late arrival from the main window while the run goes on, confirms the
attendance the run proposes, writes and signs every note; the supervisor signs in, lands on
Review, returns one note and co-signs the rest. Then the database is read and compared, line
by line, with what happened. The clock is injected; every wait is for work to finish.
"""

from __future__ import annotations

from datetime import date, time
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator.backend import open_backend
from facilitator.core.agenda_clock import RunStatus
from facilitator.core.attendance import Track, TrackStep, WeeklySchedule, local_instant
from facilitator.core.clock import FakeClock
from facilitator.core.curriculum import GroupType
from facilitator.core.passwords import Passwords, fast_hasher
from facilitator.core.roster import GroupDraft, ParticipantDraft
from facilitator.ui import operations

ZONE = ZoneInfo("America/Chicago")
DAY = date(2026, 11, 2)  # a Monday
PASSWORD = "group-room-1"
PEOPLE = ("Sam", "Jo", "Lee", "Maria", "Dee")


def shot(qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    """With FACILITATOR_DAY_SHOTS=DIR (docs/tools/shoot_day.sh, under Xvfb), photograph the screen here.

    Off by default: the suite writes nothing outside its temporary folders.
    """
    import os
    import subprocess

    folder = os.environ.get("FACILITATOR_DAY_SHOTS")
    if not folder:
        return
    settle(qtbot)
    qtbot.wait(300)  # screenshots only: let the X server paint what Qt drew
    subprocess.run(["import", "-window", "root", f"{folder}/{name}.png"], check=True)


def at(hh: int, mm: int):  # type: ignore[no-untyped-def]
    return local_instant(DAY, time(hh, mm), ZONE)


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not operations.busy(), timeout=15000)


def rows(engine, sql: str, **params) -> list[tuple]:  # type: ignore[no-untyped-def, type-arg]
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql), params)]


def answer_message_box(qtbot, button_text: str, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """When a question box opens, read it and press the named button, as a user would."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
        button.click()

    QTimer.singleShot(0, press)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(at(17, 40))


@pytest.fixture
def clinic(config, clock, shipped_library):  # type: ignore[no-untyped-def]
    """The clinic as its administrator left it: two staff accounts, an evening skills group, five people."""
    backend = open_backend(config, shipped_library, clock=clock)
    backend.accounts.passwords = Passwords(fast_hasher())
    admin = backend.accounts.create_first_administrator("admin", "Avery Admin", PASSWORD)
    backend.sign_in("admin", PASSWORD)
    backend.settings.set("clinic_time_zone", "America/Chicago")
    roster, attendance = backend.roster, backend.attendance
    group = roster.create_group(GroupDraft(
        name="Evening skills", group_type=GroupType.SKILLS, track=Track(("skills-core",), True),
        schedule=WeeklySchedule((0,), time(18), 180), start_date=DAY, room="Room B", facilitators=("Ana Ruiz",)))
    for n, name in enumerate(PEOPLE):
        person = roster.create_participant(ParticipantDraft(f"R-{100 + n}", name, f"{name} Legal-Name", DAY))
        roster.enroll(group.id, person.id, DAY)
    attendance.plan_meetings(group.id, DAY)
    meeting = attendance.meetings(group.id)[0]
    attendance.set_meeting_session(meeting.id, TrackStep("skills-core", "drug-alcohol-refusal"), meeting.version)
    with backend.engine.connect() as conn:
        ana_staff = conn.execute(sa.text("SELECT id FROM staff WHERE name = 'Ana Ruiz'")).scalar_one()
    backend.accounts.create_account(
        admin, username="ana", full_name="Ana Ruiz", role="facilitator", password=PASSWORD, credentials="CADC-I",
        needs_cosign=True, staff_id=ana_staff, must_change_password=False,
    )
    backend.accounts.create_account(
        admin, username="rosa", full_name="Rosa Diaz", role="supervisor", password=PASSWORD, credentials="LCSW",
        must_change_password=False,
    )
    backend.sign_out()
    backend.meeting_id = meeting.id  # type: ignore[attr-defined]
    yield backend
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    operations.wait_idle()
    backend.dispose()


@pytest.fixture
def window(qtbot, clinic, clock):  # type: ignore[no-untyped-def]
    from facilitator.ui.main_window import MainWindow

    w = MainWindow(clinic.config)
    w.clock = clock
    qtbot.addWidget(w)
    w.attach(clinic)
    w.show()
    qtbot.waitExposed(w)
    with qtbot.waitActive(w):
        w.activateWindow()
    return w


def sign_in(qtbot, window, username: str) -> None:  # type: ignore[no-untyped-def]
    page = window.session.sign_in_page
    qtbot.waitUntil(lambda: window.gate.currentWidget() is page)
    page.username.clear()
    qtbot.keyClicks(page.username, username)
    qtbot.keyClick(page.username, Qt.Key.Key_Return)
    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.backend.principal is not None and window.backend.principal.username == username)
    settle(qtbot)
    if QApplication.activeWindow() is not window:  # a progress dialog came and went; the desktop gives focus back
        with qtbot.waitActive(window):
            window.activateWindow()


def focused():  # type: ignore[no-untyped-def]
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def sheet_row(sheet, name: str) -> int:  # type: ignore[no-untyped-def]
    return next(r for r in range(sheet.table.rowCount()) if sheet.table.item(r, 0).text().startswith(name))


def mark(qtbot, sheet, name: str, key: str, typed: str | None = None) -> None:  # type: ignore[no-untyped-def]
    sheet.table.setCurrentCell(sheet_row(sheet, name), 1)
    qtbot.keyClicks(sheet.table, key)
    if typed is not None:
        editor = focused()
        assert editor is not sheet.table, "the time cell opens for typing"
        qtbot.keyClicks(editor, typed)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        QApplication.processEvents()


def press(qtbot, runner, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(runner.focusWidget() or runner, key)


def advance_to(runner, clock: FakeClock, hh: int, mm: int) -> None:  # type: ignore[no-untyped-def]
    """Let the evening's time pass, one tick a minute as the runner's timer would."""
    while clock.now() < at(hh, mm):
        clock.advance(min(60.0, (at(hh, mm) - clock.now()).total_seconds()))
        runner.controller.tick()


def note_rows(engine) -> dict[str, tuple]:  # type: ignore[type-arg]
    out = {}
    for who, status, signer, creds, cosigner, content in rows(
        engine,
        "SELECT COALESCE(p.preferred_name, 'group'), n.status, n.signer_name, n.signer_credentials, "
        "n.cosigner_name, n.content FROM progress_note n LEFT JOIN participant p ON p.id = n.participant_id",
    ):
        out[who] = (status, signer, creds, cosigner, content)
    return out


# The runner's chime is real here: on a machine without a sound device Qt says so, and it stays silent.
@pytest.mark.qt_log_ignore(
    r"Couldn't (load|resolve) .*(library|symbols)", r"PulseAudioService", r"Using Qt multimedia with FFmpeg"
)
def test_an_evening_from_attendance_to_co_signature(qtbot, clinic, window, clock) -> None:  # type: ignore[no-untyped-def]
    engine = clinic.engine
    meeting_id = clinic.meeting_id

    # 17:40 — the facilitator signs in and lands on Today, on this evening's meeting.
    sign_in(qtbot, window, "ana")
    today = window.today_page
    assert window.stack.currentWidget() is today
    assert today.current_day() == DAY and today.meetings.rowCount() == 1
    assert "Evening skills" in today.meetings.item(0, 1).text() + today.meetings.item(0, 2).text()
    shot(qtbot, "day-1-today")

    # 17:58 — attendance by keys: four here, Dee excused, Maria not here yet (left unmarked).
    clock.advance(18 * 60)
    today.meetings.setFocus()
    today.meetings.setCurrentCell(0, 0)
    qtbot.keyClick(today.meetings, Qt.Key.Key_Return)
    sheet = today.sheet
    assert focused() is sheet.table
    for name in ("Sam", "Jo", "Lee"):
        mark(qtbot, sheet, name, "P")
    mark(qtbot, sheet, "Dee", "X")
    qtbot.keyClick(sheet.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert not sheet.dirty
    saved = {n: s for n, s in rows(engine, "SELECT p.preferred_name, a.status FROM attendance a "
                                           "JOIN participant p ON p.id = a.participant_id WHERE a.meeting_id = :m",
                                   m=meeting_id)}
    assert saved == {"Sam": "present", "Jo": "present", "Lee": "present", "Dee": "absent_excused"}
    shot(qtbot, "day-2-attendance")

    # 18:00 — Run session: the runner opens on the meeting's session, players from attendance.
    clock.advance(2 * 60)
    qtbot.mouseClick(today.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(window.runner, "window", None) is not None)
    runner = window.runner.window
    with qtbot.waitActive(runner):
        runner.activateWindow()
    assert runner.focusWidget() is runner.session_pane, "keys drive the session, not a field"
    assert [p.label for p in runner.players] == ["Jo", "Lee", "Maria", "Sam"], "not marked absent: expected"
    press(qtbot, runner, Qt.Key.Key_Space)  # 18:00 start: welcome and check-in
    assert runner.clock.status is RunStatus.RUNNING
    advance_to(runner, clock, 18, 20)
    press(qtbot, runner, Qt.Key.Key_N)  # teaching
    advance_to(runner, clock, 18, 45)
    press(qtbot, runner, Qt.Key.Key_N)  # the exercise
    advance_to(runner, clock, 18, 46)
    press(qtbot, runner, Qt.Key.Key_S)  # skipped: the group needs the practice time
    assert runner.item_title.text() == "Refusal practice: the family cookout"
    # The role play runs its own phases: set-up 2, play 5, feedback 4; rounds 1 and 2 complete.
    advance_to(runner, clock, 19, 6)
    assert runner.rp_roles.text(), "the facilitator's screen shows who plays which role"
    room = runner.room_view()
    assert all(name not in " ".join(room.roles) for name in PEOPLE), "the room display shows numbers, not names"
    shot(qtbot, "day-3-role-play")

    # 19:06 — Maria arrives. The facilitator hides the runner (the room display stays) and marks her late.
    press(qtbot, runner, Qt.Key.Key_H)
    with qtbot.waitActive(window):
        window.activateWindow()
    mark(qtbot, sheet, "Maria", "L", "7:06 pm")
    qtbot.keyClick(sheet.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert rows(engine, "SELECT a.status FROM attendance a JOIN participant p ON p.id = a.participant_id "
                        "WHERE p.preferred_name = 'Maria'") == [("late",)]

    # 19:09 — round 3 is only in its set-up; the group is spent, and the facilitator ends early.
    advance_to(runner, clock, 19, 9)
    runner.showNormal()
    with qtbot.waitActive(runner):
        runner.activateWindow()
    seen: list[str] = []
    answer_message_box(qtbot, "End session", seen)
    press(qtbot, runner, Qt.Key.Key_End)
    assert seen and seen[0].startswith("End the session now?")
    assert runner.clock.status is RunStatus.ENDED
    settle(qtbot)
    assert runner.session_clock.text().startswith("Session ended after 1 h 9 min") or "1:09:00" in runner.big_clock.text()
    summary = runner.script.toPlainText()
    assert "Writing your own refusal lines — skipped" in summary
    shot(qtbot, "day-4-ended")

    # The run proposes attendance from its own start and end; Maria's late arrival is kept.
    qtbot.waitUntil(lambda: getattr(window, "run_attendance_dialog", None) is not None
                    and window.run_attendance_dialog.isVisible())
    proposal = window.run_attendance_dialog
    sam = next(k for k in proposal.arrivals if k[0] == _participant(engine, "Sam"))
    maria = next(k for k in proposal.arrivals if k[0] == _participant(engine, "Maria"))
    assert (proposal.arrivals[sam].text(), proposal.departures[sam].text()) == ("18:00", "19:09")
    assert proposal.arrivals[maria].text() == "19:06" and proposal.minutes[maria].text() == "3"
    assert all(k[0] != _participant(engine, "Dee") for k in proposal.arrivals), "Dee was not here"
    shot(qtbot, "day-5-proposed-attendance")
    qtbot.mouseClick(proposal.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    minutes = {r.name: r.minutes for r in clinic.attendance.sheet(meeting_id)}
    assert minutes == {"Sam": 69, "Jo": 69, "Lee": 69, "Maria": 3, "Dee": 0}

    # Write notes, from the ended run: Notes opens on this meeting with every draft started.
    with qtbot.waitActive(runner):
        runner.activateWindow()
    press(qtbot, runner, Qt.Key.Key_W)
    settle(qtbot)
    notes = window.notes_page
    assert window.stack.currentWidget() is notes
    qtbot.waitUntil(lambda: notes.note_list.count() == 5)  # the group note, Jo, Lee, Maria, Sam
    drafts = note_rows(engine)
    assert set(drafts) == {"group", "Jo", "Lee", "Maria", "Sam"} and {d[0] for d in drafts.values()} == {"draft"}
    shot(qtbot, "day-6-notes")

    # What the prefilled notes say is what the run record and attendance show, sentence by sentence.
    group = _content(drafts["group"])
    assert (group["start"], group["end"], group["duration"], group["present"]) == ("18:00", "19:09", "69", "4 (absent: 1)")
    assert group["agenda"].splitlines() == [
        "Welcome and check-in (check-in): 20 min (planned 20)",
        "Why refusal is a skill (teaching): 25 min (planned 25)",
        "Writing your own refusal lines (exercise): skipped after 1 min (planned 20 min)",
        "Refusal practice: the family cookout (role-play): 23 min (planned 35); 2 of 3 rounds played",
        "Break (break): not reached (planned 15 min)",
        "Harder offers: the text from an old friend (role-play): not reached (planned 30 min)",
        "Cutting off the offers (discussion): not reached (planned 20 min)",
        "Check-out (check-out): not reached (planned 15 min)",
    ]
    assert group["interventions"].splitlines() == [  # only what ran: no skipped exercise, no check-out
        "Facilitated check-in on recent use, cravings and mood",
        "Psychoeducation: Why refusal is a skill",
        "Behavioral rehearsal (role play): Refusal practice: the family cookout",
    ]
    seats = _seats(engine, runner.run_id)
    for name in ("Sam", "Jo", "Lee"):
        played = [f"{seats[(r, name)]} (round {r})" for r in (1, 2) if seats.get((r, name))]
        lines = _content(drafts[name])["data"].splitlines()
        assert lines[0] == "Present; attended 69 of 69 minutes. Session topic: Saying No to Alcohol and Drugs."
        if played:  # rounds 1 and 2 only: round 3 reached its set-up and no further
            assert lines[1] == ("Took part in the role play “Refusal practice: the family cookout” as "
                                + " and ".join(played) + ".")
        assert len(lines) == (2 if played else 1)
    assert any(name == "Maria" for _r, name in seats), "the rotation seated Maria, who was not there yet"
    assert _content(drafts["Maria"])["data"].splitlines() == [  # she came after round 2's play: no roles
        "Arrived late at 19:06; attended 3 of 69 minutes. Session topic: Saying No to Alcohol and Drugs.",
    ]
    assert "Dee" not in drafts, "no note for someone who was not there"

    # Sign every note, each asked once, the signature from Ana's account.
    for row in range(notes.note_list.count()):
        notes.note_list.setCurrentRow(row)
        settle(qtbot)
        note = notes.editor.note
        assert note is not None and note.status.value == "draft", notes.note_list.item(row).text()
        for section in note.sections:
            field = notes.editor.field(section.key)
            if not field.toPlainText().strip():
                field.setFocus()
                qtbot.keyClicks(field, f"{section.label}: written by Ana for this evening.")
        asked: list[str] = []
        _answer_confirm(qtbot, asked)
        first = notes.editor.field(note.sections[0].key)
        qtbot.keyClick(first, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        settle(qtbot)  # Ctrl+Shift+S: sign and lock
        assert asked and "You sign as Ana Ruiz, CADC-I" in asked[0], notes.editor.save_state.text()
    signed = note_rows(engine)
    assert {v[0] for v in signed.values()} == {"awaiting_cosign"}
    assert {(v[1], v[2]) for v in signed.values()} == {("Ana Ruiz", "CADC-I")}
    shot(qtbot, "day-7-signed")

    # The supervisor: signs in on the same PC, lands on Review, returns Jo's note, co-signs the rest.
    window.session.sign_out()
    settle(qtbot)
    sign_in(qtbot, window, "rosa")
    review = window.review_page
    assert window.stack.currentWidget() is review
    qtbot.waitUntil(lambda: review.meeting_notes.count() == 5)
    shot(qtbot, "day-8-review")
    jo_row = next(i for i in range(5) if review.meeting_notes.item(i).text().startswith("Jo"))
    review.meeting_notes.setCurrentRow(jo_row)
    qtbot.keyClicks(review.comment, "Say what Jo practised in the role play.")
    qtbot.mouseClick(review.return_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    asked = []
    _answer_confirm(qtbot, asked)
    qtbot.mouseClick(review.cosign_all_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert asked and asked[0].startswith("Co-sign these 4 notes")
    shot(qtbot, "day-9-cosigned")

    # What the database holds is what happened.
    final = note_rows(engine)
    assert final["Jo"][0] == "returned"
    assert {k: v[0] for k, v in final.items() if k != "Jo"} == dict.fromkeys(("group", "Lee", "Maria", "Sam"), "cosigned")
    assert {v[3] for k, v in final.items() if k != "Jo"} == {"Rosa Diaz"}
    run = rows(engine, "SELECT status, started_at, ended_at FROM run WHERE meeting_id = :m", m=meeting_id)
    assert len(run) == 1 and run[0][0] == "ended"
    items = dict(rows(engine, "SELECT i.title, i.status FROM run_item i JOIN run r ON r.id = i.run_id "
                              "WHERE r.meeting_id = :m", m=meeting_id))
    assert items["Writing your own refusal lines"] == "skipped"
    assert items["Why refusal is a skill"] == "done" and items["Check-out"] == "pending"
    marks = {n: (s, a, lft) for n, s, a, lft in rows(
        engine, "SELECT p.preferred_name, a.status, a.arrived_at, a.left_at FROM attendance a "
                "JOIN participant p ON p.id = a.participant_id WHERE a.meeting_id = :m", m=meeting_id)}
    assert marks["Dee"][0] == "absent_excused" and marks["Maria"][0] == "late"
    audit = [d for (d,) in rows(engine, "SELECT detail FROM audit_entry ORDER BY seq")]
    assert any("marked late" in d for d in audit)
    assert not any("AttendanceStatus" in d or "NoteStatus" in d for d in audit), "audit speaks words"


def _participant(engine, name: str) -> int:  # type: ignore[no-untyped-def]
    return rows(engine, "SELECT id FROM participant WHERE preferred_name = :n", n=name)[0][0]


def _content(note: tuple) -> dict[str, str]:  # type: ignore[type-arg]
    import json

    content = note[4]
    return json.loads(content) if isinstance(content, str) else dict(content)


def _seats(engine, run_id: int) -> dict[tuple[int, str], str]:  # type: ignore[no-untyped-def]
    """Who held which role in each round, as the run recorded it (watchers have no role)."""
    return {(r, name): role for r, name, role in rows(
        engine, "SELECT round, player_label, role FROM run_role WHERE run_id = :r AND role IS NOT NULL", r=run_id)}


def _answer_confirm(qtbot, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui.notes_view import ConfirmDialog

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, ConfirmDialog):
            QTimer.singleShot(10, press)
            return
        seen.append(box.text() + "\n" + box.informativeText())
        qtbot.mouseClick(box.yes_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press)
