"""Today, the attendance sheet, Groups and roster import, driven like a facilitator would."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from roster_world import services

from facilitator.core.attendance import AttendanceStatus, Track, WeeklySchedule, local_instant
from facilitator.core.clock import FakeClock
from facilitator.core.curriculum import GroupType
from facilitator.core.roster import GroupDraft, ParticipantDraft
from facilitator.ui import operations

ZONE = ZoneInfo("America/Chicago")
DAY = date(2026, 3, 19)  # a Thursday
NAMES = ["Ana", "Ben", "Cal", "Dee", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jo", "Kim", "Lou"]


@pytest.fixture
def clinic(engine, shipped_library):  # type: ignore[no-untyped-def]
    clock = FakeClock(local_instant(DAY, time(17, 50), ZONE))
    roster, attendance, _settings, _work = services(engine, shipped_library, clock)
    group = roster.create_group(GroupDraft(
        name="Evening skills", group_type=GroupType.SKILLS, track=Track(("skills-core",), True),
        schedule=WeeklySchedule((1, 3), time(18), 180), start_date=date(2026, 3, 3), room="Room B",
        facilitators=("Dana Lee",)))
    people = []
    for n, name in enumerate(NAMES):
        p = roster.create_participant(ParticipantDraft(f"R{n:02d}", name, f"{name} Legal", date(2026, 3, 1)))
        roster.enroll(group.id, p.id, date(2026, 3, 3))
        people.append(p)
    attendance.plan_meetings(group.id, DAY + timedelta(days=14))
    return roster, attendance, group, people


def idle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not operations.busy())


def focused():  # type: ignore[no-untyped-def]
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_a_whole_meeting_of_twelve_marked_by_keyboard_alone(qtbot, clinic) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui.today_view import TodayPage

    roster, attendance, group, people = clinic
    page = TodayPage(attendance, roster)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not operations.busy())  # the day's first read runs off the GUI thread
    page.show()
    qtbot.waitExposed(page)
    with qtbot.waitActive(page):
        page.activateWindow()
    assert page.current_day() == DAY
    assert page.meetings.rowCount() == 1
    assert page.meetings.item(0, 5).text() == "Upcoming"
    assert page.meetings.item(0, 4).text() == "0 of 12"

    page.meetings.setFocus()
    qtbot.keyClick(page.meetings, Qt.Key.Key_Return)  # open the meeting's sheet
    table = page.sheet.table
    assert focused() is table and table.currentRow() == 0

    plan = {
        "Ana": "P", "Ben": "P", "Cal": ("L", "1815"), "Dee": "P", "Eli": ("E", "20:10"), "Fay": "X",
        "Gus": "U", "Hal": "P", "Ivy": "p", "Jo": ("L", "6:40 pm"), "Kim": "P", "Lou": "P",
    }
    for name in NAMES:
        step = plan[name]
        key, typed = (step, None) if isinstance(step, str) else step
        qtbot.keyClicks(focused(), key)
        if typed is not None:
            editor = focused()
            assert editor is not table  # the time cell is open for typing
            qtbot.keyClicks(editor, typed)
            qtbot.keyClick(editor, Qt.Key.Key_Return)
            QApplication.processEvents()  # the delegate commits and closes the editor in a queued call
    assert page.sheet.dirty
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot)
    assert not page.sheet.dirty

    rows = {r.name: r for r in attendance.sheet(page.sheet.meeting.id)}
    assert {n: rows[n].status for n in NAMES} == {
        "Ana": AttendanceStatus.PRESENT, "Ben": AttendanceStatus.PRESENT, "Cal": AttendanceStatus.LATE,
        "Dee": AttendanceStatus.PRESENT, "Eli": AttendanceStatus.LEFT_EARLY, "Fay": AttendanceStatus.ABSENT_EXCUSED,
        "Gus": AttendanceStatus.ABSENT_UNEXCUSED, "Hal": AttendanceStatus.PRESENT, "Ivy": AttendanceStatus.PRESENT,
        "Jo": AttendanceStatus.LATE, "Kim": AttendanceStatus.PRESENT, "Lou": AttendanceStatus.PRESENT,
    }
    assert rows["Cal"].arrived_at == local_instant(DAY, time(18, 15), ZONE) and rows["Cal"].minutes == 165
    assert rows["Eli"].left_at == local_instant(DAY, time(20, 10), ZONE) and rows["Eli"].minutes == 130
    assert rows["Jo"].minutes == 140 and rows["Ana"].minutes == 180 and rows["Fay"].minutes == 0
    assert page.meetings.item(0, 4).text() == "12 of 12 (10 in)"


def test_a_mistyped_time_is_refused_with_a_sentence_and_nothing_changes(qtbot, clinic) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui.attendance_sheet import AttendanceSheet

    roster, attendance, _group, _people = clinic
    meeting = attendance.meetings_on(DAY)[0].meeting
    sheet = AttendanceSheet(attendance, roster)
    qtbot.addWidget(sheet)
    sheet.show()
    qtbot.waitExposed(sheet)
    with qtbot.waitActive(sheet):
        sheet.activateWindow()
    sheet.load(meeting.id)
    sheet.focus_table()
    qtbot.keyClicks(focused(), "L")
    qtbot.keyClicks(focused(), "25:99")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert "not a time" in sheet.message.text()
    assert sheet.marks()[0].status is AttendanceStatus.LATE and sheet.marks()[0].arrived_at is None
    qtbot.keyClicks(focused(), "U")  # the next row
    assert sheet.marks()[1].status is AttendanceStatus.ABSENT_UNEXCUSED
    assert sheet.save()
    idle(qtbot)
    assert [r.status for r in attendance.sheet(meeting.id)][:3] == [AttendanceStatus.LATE,
                                                                    AttendanceStatus.ABSENT_UNEXCUSED, None]


def test_groups_page_shows_enrollment_hours_and_coverage(qtbot, clinic) -> None:  # type: ignore[no-untyped-def]
    from facilitator.core.roster import AttendanceMark
    from facilitator.ui.groups_view import GroupsPage

    roster, attendance, group, people = clinic
    for m in attendance.meetings(group.id, last=DAY - timedelta(days=1)):
        attendance.save_attendance(m.id, [AttendanceMark(AttendanceStatus.PRESENT, participant_id=people[0].id)])
    page = GroupsPage(attendance, roster)
    qtbot.addWidget(page)
    idle(qtbot)  # hours and coverage are read off the GUI thread
    assert page.list.count() == 1 and "Evening skills" in page.list.item(0).text()
    assert "Tue, Thu 18:00–21:00" in page.details.toPlainText()
    assert page.enrolled.rowCount() == 12
    assert page.person.currentData() == people[0].id
    flags = [page.hours.item(r, 7).text() for r in range(page.hours.rowCount())]
    assert flags and all(f == "below target" for f in flags if f)  # 6 h a week against a 9 h target
    assert page.coverage.item(0, 2).text() == "yes"
    done = [page.coverage.item(r, 2).text() for r in range(page.coverage.rowCount())].count("yes")
    assert done == 5  # five meetings before the 19th


def test_roster_import_dialog_refuses_bad_rows_then_imports_all(qtbot, engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui.roster_import import RosterImportDialog

    roster = services(engine, None, zone="")[0]
    bad = tmp_path / "bad.csv"
    bad.write_text("MRN,Goes by,Full name,Admitted\nA1,Al,Albert Smith,2026-03-01\nA2,,Bo Brown,2026-03-01\n"
                   "A3,Cy,Cy Clark,yesterday\n", encoding="utf-8")
    dialog = RosterImportDialog(roster, path=bad)
    qtbot.addWidget(dialog)
    assert dialog.combos["record_number"].currentData() == "MRN"
    assert dialog.combos["legal_name"].currentData() == "Full name"
    dialog.combos["preferred_name"].setCurrentIndex(dialog.combos["preferred_name"].findData("Goes by"))
    assert [e.line for e in dialog.errors] == [3, 4]
    assert not dialog.import_button.isEnabled()
    assert "Nothing will be imported" in dialog.summary.text()
    assert dialog.preview.item(1, len(dialog.combos) + 1).text().startswith("the preferred name is empty")

    good = tmp_path / "good.csv"
    good.write_text("MRN,Goes by,Full name,Admitted\nA1,Al,Albert Smith,2026-03-01\nA2,Bo,Bo Brown,2026-03-01\n",
                    encoding="utf-8")
    dialog.open_file(good)
    dialog.combos["preferred_name"].setCurrentIndex(dialog.combos["preferred_name"].findData("Goes by"))
    assert dialog.errors == [] and dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    idle(qtbot)
    assert sorted(p.record_number for p in roster.participants()) == ["A1", "A2"]
    assert roster.participant_by_record("A2").preferred_name == "Bo"


def test_a_meetings_handout_packet_follows_each_attendees_preferences(qtbot, clinic) -> None:  # type: ignore[no-untyped-def]
    from facilitator.core.printing import Recipient
    from facilitator.core.roster import AttendanceMark
    from facilitator.ui.today_view import TodayPage

    roster, attendance, group, people = clinic
    maria = roster.create_participant(
        ParticipantDraft("R99", "María José", "María José Legal", date(2026, 3, 1), language="es", large_print=True)
    )
    roster.enroll(group.id, maria.id, date(2026, 3, 3))
    page = TodayPage(attendance, roster)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not operations.busy())  # the day's first read runs off the GUI thread
    page.show()
    meeting = page._selected().meeting
    attendance.save_attendance(meeting.id, [
        AttendanceMark(AttendanceStatus.ABSENT_UNEXCUSED, participant_id=people[5].id),  # Fay stays home
        AttendanceMark(AttendanceStatus.PRESENT, participant_id=maria.id),
    ])
    page.refresh()
    assert page.packet_button.isEnabled() and page.packet_button.accessibleName()
    with qtbot.waitSignal(page.packet_requested) as sent:
        qtbot.mouseClick(page.packet_button, Qt.MouseButton.LeftButton)
    curriculum_id, session_id, recipients = sent.args
    assert (curriculum_id, session_id) == (meeting.curriculum_id, meeting.session_id)
    assert len(recipients) == 12, "twelve expected or present, Fay marked absent"
    assert Recipient("María José", "es", True) in recipients
    assert all(r.first_name != "Fay" for r in recipients)
    assert sum(r.large_print for r in recipients) == 1


def test_run_session_from_a_meeting_brings_its_attendees_as_first_name_players(qtbot, clinic) -> None:  # type: ignore[no-untyped-def]
    from facilitator.core.roster import AttendanceMark
    from facilitator.ui.today_view import TodayPage

    roster, attendance, group, people = clinic
    two_names = roster.create_participant(ParticipantDraft("R98", "Mary Ann", "Mary Ann Legal", date(2026, 3, 1)))
    roster.enroll(group.id, two_names.id, date(2026, 3, 3))
    page = TodayPage(attendance, roster)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not operations.busy())  # the day's first read runs off the GUI thread
    page.show()
    meeting = page._selected().meeting
    attendance.save_attendance(meeting.id, [AttendanceMark(AttendanceStatus.ABSENT_EXCUSED, participant_id=people[0].id)])
    page.refresh()
    assert page.run_button.isEnabled() and page.run_button.accessibleName()
    with qtbot.waitSignal(page.run_requested) as sent:
        qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    meeting_id, curriculum_id, session_id, players = sent.args
    assert (meeting_id, curriculum_id, session_id) == (meeting.id, meeting.curriculum_id, meeting.session_id)
    labels = [p.label for p in players]
    assert "Ana" not in labels, "Ana is marked absent"
    assert "Mary" in labels and "Mary Ann" not in labels, "first names only"
    assert all(" " not in label and "Legal" not in label for label in labels)
    assert {p.participant_id for p in players} == {p.id for p in people[1:]} | {two_names.id}


def test_the_main_window_opens_the_runner_for_a_meeting(qtbot, main_window, backend) -> None:  # type: ignore[no-untyped-def]
    from facilitator.core.attendance import Track, WeeklySchedule
    from facilitator.ui.today_view import role_play_players

    roster, attendance = backend.roster, backend.attendance
    today = attendance.today()
    group = roster.create_group(GroupDraft(
        name="Tonight", group_type=GroupType.SKILLS, track=Track(("skills-core",), True),
        schedule=WeeklySchedule(tuple(range(7)), time(23, 0), 60), start_date=today, room="Room C"))
    ben = roster.create_participant(ParticipantDraft("T01", "Ben", "Ben Legal", today))
    roster.enroll(group.id, ben.id, today)
    attendance.plan_meetings(group.id, today)
    meeting = attendance.meetings(group.id)[0]
    main_window._on_run_meeting(meeting.id, meeting.curriculum_id, meeting.session_id,
                                role_play_players(attendance, roster, meeting.id))
    window = main_window.runner.window
    assert window is not None and window.isVisible()
    assert window.meeting_id == meeting.id


def test_today_says_it_is_loading_until_the_days_meetings_arrive(qtbot, clinic, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import threading

    from facilitator.ui.today_view import TodayPage

    roster, attendance, group, people = clinic
    release = threading.Event()
    meetings_on = attendance.meetings_on

    def slow(day):  # type: ignore[no-untyped-def]
        assert release.wait(10), "the test never let the read finish"
        return meetings_on(day)

    monkeypatch.setattr(attendance, "meetings_on", slow)
    page = TodayPage(attendance, roster)  # built at once: the read runs on a worker
    qtbot.addWidget(page)
    page.show()
    assert "Loading" in page.empty.text() and page.meetings.accessibleDescription() == "Loading"
    assert page.meetings.rowCount() == 0 and not page.run_button.isEnabled()
    release.set()
    idle(qtbot)
    assert page.meetings.rowCount() == 1 and "Evening skills" in page.meetings.item(0, 1).text()
    assert page.current_day() == DAY and "Today" in page.heading.text()
    assert page.meetings.accessibleDescription() == ""
    assert page.sheet.table.rowCount() == len(people)  # the first meeting's sheet came with the read


def test_a_spanish_groups_sign_in_sheet_saves_in_spanish_from_an_english_screen(qtbot, engine, shipped_library,  # type: ignore[no-untyped-def]
                                                                                 tmp_path: Path, monkeypatch) -> None:
    import re

    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    from facilitator.ui import i18n
    from facilitator.ui.today_view import TodayPage

    clock = FakeClock(local_instant(DAY, time(17, 50), ZONE))
    roster, attendance, _settings, _work = services(engine, shipped_library, clock)
    group = roster.create_group(GroupDraft(
        name="Habilidades de la tarde", group_type=GroupType.SKILLS, track=Track(("skills-core-es",), True),
        schedule=WeeklySchedule((3,), time(18), 180), start_date=date(2026, 3, 3), room="Sala B",
        facilitators=("Dana Lee",)))
    p = roster.create_participant(ParticipantDraft("R01", "Ana", "Ana Legal", date(2026, 3, 1)))
    roster.enroll(group.id, p.id, date(2026, 3, 3))
    attendance.plan_meetings(group.id, DAY + timedelta(days=7))
    assert i18n.current_language() == "en"
    out = tmp_path / "firmas.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF (*.pdf)"))
    page = TodayPage(attendance, roster)
    qtbot.addWidget(page)
    idle(qtbot)
    page.meetings.selectRow(0)
    qtbot.mouseClick(page.sign_in_pdf, Qt.MouseButton.LeftButton)
    idle(qtbot)
    qtbot.waitUntil(out.exists)
    text = re.sub(r"\s+", " ", " ".join(pg.extract_text() or "" for pg in PdfReader(out).pages))
    assert "Hoja de firmas" in text and "Firma" in text and "jueves 2026-03-19" in text and "Ana" in text
    assert "Sign-in sheet" not in text and "Signature" not in text and "Thursday" not in text
